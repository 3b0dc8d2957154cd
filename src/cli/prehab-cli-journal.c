/* prehab-cli-journal.c
 *
 * Copyright 2026 The Prehab authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prehab-cli"

#include "config.h"

#include "prehab-cli-private.h"

#include <glib/gi18n.h>

#include "prehab-catalog.h"
#include "prehab-vocabulary.h"

/* The journal's verbs: log. */

/* GOption reads integers with strtol () in base 0, so "010" would be 8
 * and "0x3" 3: --pain is read as text and parsed here, in base 10 only. */
static gboolean
parse_pain (const char  *text,
            int         *pain,
            GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 10, &value, NULL))
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                   _("Pain must be a whole number from 0 to 10, not “%s”"), text);
      return FALSE;
    }

  *pain = (int) value;
  return TRUE;
}

/* Free text is read as bytes and converted here rather than by GOption, so
 * that text the locale cannot read gets a message naming the option. */
static char *
dup_text_argument (const char  *option,
                   const char  *bytes,
                   GError     **error)
{
  const char *charset = NULL;
  char *text;

  text = g_locale_to_utf8 (bytes, -1, NULL, NULL, NULL);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_free (text);
      if (g_get_charset (&charset))
        /* Translators: %s is an option such as --note */
        g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                     _("The text of %s is not valid UTF-8; nothing was saved"), option);
      else
        /* Translators: the first %s is an option such as --note, the
         * second a character encoding such as ISO-8859-1 */
        g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                     _("The text of %s cannot be read in the character encoding of this system (%s); nothing was saved"),
                     option, charset);
      return NULL;
    }

  return text;
}

int
prehab_cli_run_log (const char  *data_dir,
                    int          argc,
                    char       **argv)
{
  g_autofree char *pain_text = NULL;
  g_autofree char *context = NULL;
  g_autofree char *note_bytes = NULL;
  g_autofree char *at = NULL;
  g_auto (GStrv) regions = NULL;
  g_auto (GStrv) qualities = NULL;
  g_auto (GStrv) flags = NULL;
  g_auto (GStrv) trigger_bytes = NULL;
  GOptionEntry entries[] = {
    { "pain", 0, 0, G_OPTION_ARG_STRING, &pain_text, N_("Pain from 0 (none) to 10 (worst imaginable); required"), N_("N") },
    { "context", 0, 0, G_OPTION_ARG_STRING, &context,
      N_("When: morning, evening, during, after or other (default: other)"), N_("CONTEXT") },
    { "region", 0, 0, G_OPTION_ARG_STRING_ARRAY, &regions,
      N_("Where; repeat for more: neck, between-shoulder-blades, mid-back-left, mid-back-right, ribs, low-back, shoulder-left, shoulder-right, arm-left, arm-right"),
      N_("REGION") },
    { "quality", 0, 0, G_OPTION_ARG_STRING_ARRAY, &qualities,
      N_("What it feels like; repeat for more: ache, stiffness, sharp, burning, tingling, numbness"),
      N_("QUALITY") },
    { "flag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &flags,
      N_("A warning sign; repeat for more: chest-pain, tearing-pain, worst-headache, stroke-signs, bladder-bowel, weakness-both-sides, major-trauma, fever, weight-loss, cancer-history, night-pain, cord-signs, spreading-numbness"),
      N_("FLAG") },
    { "trigger", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &trigger_bytes,
      N_("What set it off: a built-in id such as sitting, computer-work, driving, phone, reading, gaming, studying, sleep-position, lifting, overhead-work, stress, exercise, or any name of your own; repeat for more"),
      N_("TRIGGER") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note_bytes, N_("A note of any length"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("When it was, \"YYYY-MM-DD HH:MM\" (default: now; not in the future)"), N_("TIME") },
    { NULL }
  };
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *now = prehab_date_dup_now ();
  int status;

  status = prehab_cli_parse_options ("log", _("Log a pain rating, with where, what it felt like and what set it off."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (pain_text == NULL)
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("--pain is required (0 to 10)"));
  if (!parse_pain (pain_text, &entry->pain, &error))
    return prehab_cli_fail_with_error (error);

  g_free (entry->logged_at);
  entry->logged_at = g_strdup (at != NULL ? at : now);
  if (context != NULL)
    {
      g_free (entry->context);
      entry->context = g_steal_pointer (&context);
    }
  if (note_bytes != NULL)
    {
      g_free (entry->note);
      entry->note = dup_text_argument ("--note", note_bytes, &error);
      if (entry->note == NULL)
        return prehab_cli_fail_with_error (error);
    }
  entry->regions = g_steal_pointer (&regions);
  entry->qualities = g_steal_pointer (&qualities);
  entry->flags = g_steal_pointer (&flags);
  if (trigger_bytes != NULL)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; trigger_bytes[i] != NULL; i++)
        {
          g_autofree char *trigger = dup_text_argument ("--trigger", trigger_bytes[i], &error);

          if (trigger == NULL)
            return prehab_cli_fail_with_error (error);
          g_strv_builder_add (builder, trigger);
        }
      entry->triggers = g_strv_builder_end (builder);
    }

  /* Refuse bad values before the store is even opened. */
  if (!prehab_pain_entry_validate (entry, now, &error))
    return prehab_cli_fail_with_error (error);

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  if (prehab_journal_add_entry (store, entry, &error) == 0)
    return prehab_cli_fail_with_error (error);

  g_print (_("Logged pain %d at %s.\n"), entry->pain, entry->logged_at);

  for (guint i = 0; entry->flags != NULL && entry->flags[i] != NULL; i++)
    {
      const PrehabRedFlag *flag = prehab_red_flag_lookup (entry->flags[i]);

      if (flag->tier == PREHAB_RED_FLAG_EMERGENCY)
        {
          g_print ("%s\n", _("This is a warning sign that needs help right away: call your local emergency number now."));
          break;
        }
      if (entry->flags[i + 1] == NULL)
        g_print ("%s\n", _("This is a warning sign a doctor should check: book an appointment in the next few days."));
    }

  return prehab_cli_finish_output ();
}
