/* prehab-cli.c
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

#include "prehab-cli.h"
#include "prehab-cli-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "prehab-catalog.h"
#include "prehab-exercise.h"
#include "prehab-vocabulary.h"

/* The command-line verbs run in this process on the same core calls as the
 * window. Every verb prints one clear line on stderr when it fails and
 * returns the contract's exit status. */

typedef int (*VerbFunc) (const char  *data_dir,
                         int          argc,
                         char       **argv);

typedef struct
{
  const char *name;
  const char *summary;
  VerbFunc    run;
} Verb;

static int run_exercises (const char *data_dir, int argc, char **argv);

static const Verb verbs[] = {
  { "start", N_("Start the 8-week program"), prehab_cli_run_start },
  { "log", N_("Log a pain rating in the journal"), prehab_cli_run_log },
  { "done", N_("Mark a day's session as done"), prehab_cli_run_done },
  { "status", N_("Show the plan of the day and why"), prehab_cli_run_status },
  { "exercises", N_("List the exercises of the catalog"), run_exercises },
  { "export", N_("Write the journal as a JSON backup or a CSV table"), prehab_cli_run_export },
  { "import", N_("Read a JSON backup back into the journal"), prehab_cli_run_import },
  { "report", N_("Write a report for a clinician as a PDF"), prehab_cli_run_report },
  { "render-figure", N_("Draw an exercise's figure as an image"), prehab_cli_run_render_figure },
};

int
prehab_cli_fail (PrehabCliExit  status,
                 const char    *message)
{
  g_printerr ("prehab: %s\n", message);
  return status;
}

/**
 * prehab_cli_fail_with_error:
 * @error: what went wrong
 *
 * Prints @error and picks the exit status: 2 for a value the person gave
 * that was refused, 1 for anything else.
 *
 * Returns: the exit status
 */
int
prehab_cli_fail_with_error (const GError *error)
{
  gboolean usage = g_error_matches (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID) ||
                   g_error_matches (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID) ||
                   g_error_matches (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE);

  return prehab_cli_fail (usage ? PREHAB_CLI_EXIT_USAGE : PREHAB_CLI_EXIT_FAILURE, error->message);
}

int
prehab_cli_finish_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, _("Could not write the output"));

  return PREHAB_CLI_EXIT_OK;
}

/**
 * prehab_cli_parse_pain:
 * @option: the option, for the message
 * @text: its value
 * @pain: (out): the pain, 0–10
 * @error: return location for a %PREHAB_STORE_ERROR_INVALID error
 *
 * GOption reads integers with strtol () in base 0, so "010" would be 8
 * and "0x3" 3: pain options are read as text and parsed here, in base 10
 * only.
 */
gboolean
prehab_cli_parse_pain (const char  *option,
                       const char  *text,
                       int         *pain,
                       GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 10, &value, NULL))
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                   /* Translators: the first %s is an option such as --pain */
                   _("%s must be a whole number from 0 to 10, not “%s”"), option, text);
      return FALSE;
    }

  *pain = (int) value;
  return TRUE;
}

/**
 * prehab_cli_parse_options:
 * @verb: the verb's name
 * @description: one line on what it does
 * @entries: its options
 * @argc: (inout): the verb's argument count
 * @argv: (inout): the verb's arguments, "prehab VERB" first
 *
 * Parses a verb's options; leftover arguments are a usage error.
 *
 * Returns: -1 to go on, or the exit status to return
 */
int
prehab_cli_parse_options (const char    *verb,
                    const char    *description,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv)
{
  /* argv[0] is already "prehab VERB". */
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, error->message);

  if (*argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s” for “%s”; see “prehab %s --help”"),
                                                  (*argv)[1], verb, verb);
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }

  return -1;
}

static JsonNode *
strv_to_json (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  json_node_take_array (node, array);
  return node;
}

static void
add_count (JsonObject *object,
           const char *name,
           int         value)
{
  if (value > 0)
    json_object_set_int_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonNode *
exercise_to_json (PrehabExercise *exercise)
{
  JsonObject *object = json_object_new ();
  JsonObject *dose = json_object_new ();
  JsonNode *node;
  JsonArray *equipment = json_array_new ();
  const PrehabDose *d = prehab_exercise_get_dose (exercise);
  g_autofree char *dose_label = prehab_dose_format (d);
  g_autofree char *equipment_label = prehab_exercise_dup_equipment_label (exercise);

  json_object_set_string_member (object, "id", prehab_exercise_get_id (exercise));
  json_object_set_string_member (object, "name", prehab_exercise_get_name (exercise));
  json_object_set_string_member (object, "summary", prehab_exercise_get_summary (exercise));
  json_object_set_string_member (object, "category", prehab_exercise_get_category (exercise));
  json_object_set_string_member (object, "position", prehab_exercise_get_position (exercise));
  json_object_set_member (object, "phases", strv_to_json (prehab_exercise_get_phases (exercise)));
  json_object_set_member (object, "movements",
                          strv_to_json (prehab_exercise_get_movements (exercise)));
  json_object_set_member (object, "planes", strv_to_json (prehab_exercise_get_planes (exercise)));

  json_object_set_int_member (dose, "sets", d->sets);
  add_count (dose, "reps", d->reps);
  add_count (dose, "hold_s", d->hold_s);
  add_count (dose, "duration_s", d->duration_s);
  json_object_set_boolean_member (dose, "per_side", d->per_side);
  if (d->tempo_out_s > 0)
    {
      g_autofree char *tempo = g_strdup_printf ("%d-%d", d->tempo_out_s, d->tempo_back_s);
      json_object_set_string_member (dose, "tempo", tempo);
    }
  else
    {
      json_object_set_null_member (dose, "tempo");
    }
  json_object_set_int_member (dose, "rest_s", d->rest_s);
  json_object_set_string_member (dose, "label", dose_label);
  json_object_set_object_member (object, "dose", dose);

  for (guint i = 0; i < prehab_exercise_get_n_equipment (exercise); i++)
    {
      const PrehabEquipmentUse *use = prehab_exercise_get_equipment (exercise, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", use->id);
      json_object_set_string_member (item, "name", use->name);
      json_object_set_boolean_member (item, "optional", use->optional);
      json_object_set_int_member (item, "alternative_group", use->alt_group);
      json_array_add_object_element (equipment, item);
    }
  json_object_set_array_member (object, "equipment", equipment);
  json_object_set_string_member (object, "equipment_label", equipment_label);

  json_object_set_member (object, "steps", strv_to_json (prehab_exercise_get_steps (exercise)));
  json_object_set_member (object, "cues", strv_to_json (prehab_exercise_get_cues (exercise)));
  json_object_set_member (object, "cautions",
                          strv_to_json (prehab_exercise_get_cautions (exercise)));
  json_object_set_member (object, "easier", strv_to_json (prehab_exercise_get_easier (exercise)));
  json_object_set_member (object, "harder", strv_to_json (prehab_exercise_get_harder (exercise)));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static int
run_exercises (const char  *data_dir,
               int          argc,
               char       **argv)
{
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GError) error = NULL;
  guint n_items;
  int status;

  status = prehab_cli_parse_options ("exercises", _("List every exercise with its phases, equipment and dose."),
                               entries, &argc, &argv);
  if (status >= 0)
    return status;

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, error->message);

  exercises = prehab_exercise_load_all (store, &error);
  if (exercises == NULL)
    return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, error->message);

  n_items = g_list_model_get_n_items (exercises);

  if (as_json)
    {
      JsonArray *array = json_array_sized_new (n_items);
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *text = NULL;

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
          json_array_add_element (array, exercise_to_json (exercise));
        }

      json_node_take_array (root, array);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return prehab_cli_finish_output ();
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
      g_autofree char *phases = prehab_exercise_dup_phases_label (exercise);
      g_autofree char *equipment = prehab_exercise_dup_equipment_label (exercise);
      g_autofree char *dose = prehab_dose_format (prehab_exercise_get_dose (exercise));

      g_print ("%-30s %s\n", prehab_exercise_get_id (exercise), prehab_exercise_get_name (exercise));
      g_print ("%-30s %s · %s · %s\n", "", phases, equipment, dose);
    }

  return prehab_cli_finish_output ();
}

static void
print_usage (void)
{
  FILE *stream = stdout;

  fprintf (stream, "%s\n", _("Usage:"));
  fprintf (stream, "  prehab [--data-dir DIR]                  %s\n", _("Open the window"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (stream, "  prehab [--data-dir DIR] %-16s %s\n", verbs[i].name, _(verbs[i].summary));
  fprintf (stream, "\n%s\n", _("Run “prehab COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n", _("Exit status: 0 on success, 2 for a usage or validation error, 1 for any other failure."));
}

/* Splits off the global options; returns the index of the verb, or argc. */
static int
find_verb (int          argc,
           char       **argv,
           const char **data_dir,
           gboolean    *help,
           gboolean    *version,
           const char **bad_option)
{
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--data-dir"))
        {
          if (i + 1 >= argc)
            {
              *bad_option = arg;
              return argc;
            }
          *data_dir = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--data-dir="))
        *data_dir = arg + strlen ("--data-dir=");
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        *help = TRUE;
      else if (g_str_equal (arg, "--version"))
        *version = TRUE;
      else if (arg[0] == '-')
        {
          *bad_option = *bad_option != NULL ? *bad_option : arg;
        }
      else
        return i;
    }

  return argc;
}

/**
 * prehab_cli_handles:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Returns: %TRUE when the arguments name a command-line verb (or ask for the
 *   command-line help or version), so no window is needed
 */
gboolean
prehab_cli_handles (int    argc,
                    char **argv)
{
  const char *data_dir = NULL, *bad_option = NULL;
  gboolean help = FALSE, version = FALSE;

  /* GApplication's own options are left to the window. */
  return find_verb (argc, argv, &data_dir, &help, &version, &bad_option) < argc ||
         help || version ||
         (bad_option != NULL && !g_str_has_prefix (bad_option, "--gapplication"));
}

/**
 * prehab_cli_run:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Runs the verb named in @argv.
 *
 * Returns: the exit status of the contract (0, 1 or 2)
 */
int
prehab_cli_run (int    argc,
                char **argv)
{
  const char *data_dir = NULL, *bad_option = NULL;
  gboolean help = FALSE, version = FALSE;
  int verb_index = find_verb (argc, argv, &data_dir, &help, &version, &bad_option);
  const char *verb_name;

  if (bad_option != NULL)
    {
      g_autofree char *message = NULL;

      if (g_str_has_prefix (bad_option, "--data-dir"))
        message = g_strdup (_("--data-dir needs a folder"));
      else
        message = g_strdup_printf (_("Unknown option “%s”; see “prehab --help”"), bad_option);
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }

  if (verb_index >= argc)
    {
      if (version)
        {
          g_print ("prehab %s\n", PACKAGE_VERSION);
          return prehab_cli_finish_output ();
        }
      print_usage ();
      return prehab_cli_finish_output ();
    }

  if (data_dir != NULL && *data_dir == '\0')
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("--data-dir needs a folder"));

  verb_name = argv[verb_index];
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (g_str_equal (verbs[i].name, verb_name))
        {
          g_autofree char *prgname = g_strdup_printf ("prehab %s", verb_name);
          g_autoptr (GPtrArray) verb_argv = g_ptr_array_new ();

          /* The verb sees its own name as argv[0] and, for --help, the global
           * --help given before it. */
          g_ptr_array_add (verb_argv, prgname);
          if (help)
            g_ptr_array_add (verb_argv, (gpointer) "--help");
          for (int j = verb_index + 1; j < argc; j++)
            g_ptr_array_add (verb_argv, argv[j]);
          g_ptr_array_add (verb_argv, NULL);

          return verbs[i].run (data_dir, (int) verb_argv->len - 1, (char **) verb_argv->pdata);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”; see “prehab --help”"),
                                                verb_name);
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
  }
}
