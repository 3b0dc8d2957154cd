/* crash-writer.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writer of the crash-safety test (test-crash.py), which kills it with
 * SIGKILL at random moments:
 *
 *     crash-writer DATA_DIR FIRST   add entries FIRST, FIRST+1, ... for ever
 *     crash-writer DATA_DIR --count print how many entries the journal holds
 *
 * Each entry goes through prehab_journal_add_entry(), the call the log
 * dialog and `prehab log` make, with regions, qualities and triggers (a new
 * trigger now and then), so every save is a transaction over several
 * tables. Its note is "entry N". Only after the call returns success is "N"
 * written to standard output, with write(2) and no buffering: each number
 * the test reads is a save that was reported done. */

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "prehab-journal.h"
#include "prehab-store.h"

static void
acknowledge (gint64 number)
{
  char line[32];
  int length = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", number);
  const char *p = line;

  while (length > 0)
    {
      ssize_t written = write (STDOUT_FILENO, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        exit (1);
      p += written;
      length -= written;
    }
}

static int
count_entries (PrehabStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = prehab_journal_list_entries (store, NULL, NULL, &error);

  if (entries == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }
  g_print ("%u\n", entries->len);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const char *regions[] = { "neck", "between-shoulder-blades", "ribs", NULL };
  static const char *qualities[] = { "ache", "stiffness", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  gint64 number;

  if (argc != 3)
    {
      g_printerr ("usage: crash-writer DATA_DIR FIRST|--count\n");
      return 2;
    }

  store = prehab_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[2], "--count"))
    return count_entries (store);

  for (number = g_ascii_strtoll (argv[2], NULL, 10); ; number++)
    {
      g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
      g_autofree char *trigger = g_strdup_printf ("crash trigger %" G_GINT64_FORMAT, number / 10);
      const char *triggers[] = { "sitting", trigger, NULL };

      entry->logged_at = g_strdup_printf ("2020-%02d-%02d %02d:%02d",
                                          (int) (number / 28 / 24 / 60 % 12) + 1,
                                          (int) (number / 24 / 60 % 28) + 1,
                                          (int) (number / 60 % 24), (int) (number % 60));
      entry->pain = number % 11;
      g_free (entry->note);
      entry->note = g_strdup_printf ("entry %" G_GINT64_FORMAT, number);
      entry->regions = g_strdupv ((char **) regions);
      entry->qualities = g_strdupv ((char **) qualities);
      entry->triggers = g_strdupv ((char **) triggers);

      if (prehab_journal_add_entry (store, entry, &error) <= 0)
        {
          g_printerr ("crash-writer: entry %" G_GINT64_FORMAT ": %s\n", number, error->message);
          return 1;
        }
      acknowledge (number);
    }
}
