/* prehab-cli-program.c
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
#include <json-glib/json-glib.h>
#include <math.h>

#include "prehab-catalog.h"
#include "prehab-vocabulary.h"

/* The verbs of the program: start, done and status. */


static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
}

/* "mat,towel" → a list of ids; each checked against @terms. */
static GStrv
split_list (const char        *text,
            const PrehabTerm  *terms,
            const char        *option,
            int               *status)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *id = g_strstrip (parts[i]);

      if (*id == '\0')
        continue;

      if (!prehab_vocabulary_contains (terms, id) && prehab_weekday_index (id) < 0)
        {
          g_autofree char *known = prehab_vocabulary_join_ids (terms);
          *status = usage_error (_("Unknown value “%s” for %s; use one of %s"), id, option, known);
          return NULL;
        }

      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* An optional pain option: -1 when not given. */
static gboolean
check_pain (const char *text,
            const char *option,
            int        *pain,
            int        *status)
{
  g_autoptr (GError) error = NULL;

  *pain = -1;
  if (text == NULL || prehab_cli_parse_pain (option, text, pain, &error))
    return TRUE;

  *status = prehab_cli_fail_with_error (error);
  return FALSE;
}

int
prehab_cli_run_start (const char  *data_dir,
                      int          argc,
                      char       **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *training_days = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("First day of the program, YYYY-MM-DD (default: today; not in the future)"), N_("DATE") },
    { "equipment", 0, 0, G_OPTION_ARG_STRING, &equipment,
      N_("Equipment at hand, separated by commas: mat, foam-roller, ball, swiss-ball, kettlebell, dumbbell, barbell, band, wedge, towel, chair, wall, door-frame, trx (default: mat,towel,chair,wall,door-frame)"),
      N_("LIST") },
    { "training-days", 0, 0, G_OPTION_ARG_STRING, &training_days,
      N_("Strength days, separated by commas: mon, tue, wed, thu, fri, sat, sun (default: mon,wed,fri)"),
      N_("LIST") },
    { NULL }
  };
  PrehabEnrollmentSettings settings = { 0 };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabEnrollment) previous = NULL;
  g_auto (GStrv) equipment_ids = NULL;
  g_auto (GStrv) day_ids = NULL;
  g_autofree char *today = prehab_date_dup_today ();
  int status;

  status = prehab_cli_parse_options ("start", _("Start the 8-week program, or start it again."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  settings.start_date = date != NULL ? date : today;
  settings.training_days = PREHAB_TRAINING_DAYS_DEFAULT;
  settings.equipment = prehab_default_equipment ();

  if (equipment != NULL)
    {
      equipment_ids = split_list (equipment, prehab_equipment, "--equipment", &status);
      if (equipment_ids == NULL)
        return status;
      settings.equipment = (const char * const *) equipment_ids;
    }

  if (training_days != NULL)
    {
      day_ids = split_list (training_days, prehab_weekdays, "--training-days", &status);
      if (day_ids == NULL)
        return status;
      settings.training_days = 0;
      for (guint i = 0; day_ids[i] != NULL; i++)
        settings.training_days |= 1u << prehab_weekday_index (day_ids[i]);
    }

  /* Refuse bad values before the store is even opened. */
  if (!prehab_enrollment_settings_validate (&settings, today, &error))
    return prehab_cli_fail_with_error (error);

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  previous = prehab_enrollment_load_active (store, &error);
  if (error != NULL)
    return prehab_cli_fail_with_error (error);

  if (prehab_enrollment_start (store, &settings, &error) == 0)
    return prehab_cli_fail_with_error (error);

  g_print (_("The program starts on %s.\n"), settings.start_date);
  if (previous != NULL)
    g_print (_("The program started on %s has ended; its history is kept.\n"), previous->start_date);

  return prehab_cli_finish_output ();
}

int
prehab_cli_run_done (const char  *data_dir,
                     int          argc,
                     char       **argv)
{
  g_autofree char *date = NULL;
  g_auto (GStrv) exercises = NULL;
  g_autofree char *pain_during_text = NULL;
  g_autofree char *pain_after_text = NULL;
  int pain_during, pain_after;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day, YYYY-MM-DD (default: today; not in the future)"), N_("DATE") },
    { "exercise", 0, 0, G_OPTION_ARG_STRING_ARRAY, &exercises,
      N_("An exercise of that day's session that was done; repeat for more (default: the whole session)"),
      N_("ID") },
    { "pain-during", 0, 0, G_OPTION_ARG_STRING, &pain_during_text,
      N_("Highest pain during the session, 0 to 10"), N_("N") },
    { "pain-after", 0, 0, G_OPTION_ARG_STRING, &pain_after_text,
      N_("Pain right after the session, 0 to 10"), N_("N") },
    { NULL }
  };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = prehab_date_dup_today ();
  int status;

  status = prehab_cli_parse_options ("done", _("Mark the planned session of a day as done."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (!check_pain (pain_during_text, "--pain-during", &pain_during, &status) ||
      !check_pain (pain_after_text, "--pain-after", &pain_after, &status))
    return status;
  if (date != NULL && prehab_date_to_day (date) == 0)
    return usage_error (_("“%s” is not a date; use YYYY-MM-DD"), date);
  if (exercises != NULL)
    for (guint i = 0; exercises[i] != NULL; i++)
      if (*exercises[i] == '\0')
        return usage_error ("%s", _("--exercise needs an exercise id"));

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  if (!prehab_schedule_mark_done (store, date != NULL ? date : today,
                                  (const char * const *) exercises,
                                  pain_during, pain_after,
                                  &error))
    return prehab_cli_fail_with_error (error);

  g_print (_("Session of %s recorded.\n"), date != NULL ? date : today);
  return prehab_cli_finish_output ();
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           int          value)
{
  json_builder_set_member_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static const char *
alert_to_id (PrehabAlert alert)
{
  static const char * const ids[] = { "none", "review", "clinician", "see-doctor", "emergency" };

  return ids[alert];
}

static void
add_enrollment (JsonBuilder            *builder,
                const PrehabEnrollment *enrollment)
{
  json_builder_set_member_name (builder, "enrollment");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start_date");
  json_builder_add_string_value (builder, enrollment->start_date);
  json_builder_set_member_name (builder, "training_days");
  json_builder_begin_array (builder);
  for (guint i = 0; prehab_weekdays[i].id != NULL; i++)
    if ((enrollment->training_days & (1u << i)) != 0)
      json_builder_add_string_value (builder, prehab_weekdays[i].id);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "equipment");
  json_builder_begin_array (builder);
  for (guint i = 0; enrollment->equipment != NULL && enrollment->equipment[i] != NULL; i++)
    json_builder_add_string_value (builder, enrollment->equipment[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "cleared_at");
  if (enrollment->cleared_at != NULL)
    json_builder_add_string_value (builder, enrollment->cleared_at);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static char *
plan_to_json (const PrehabPlan       *plan,
              const PrehabEnrollment *enrollment,
              GHashTable             *names)
{
  const char *program_id = enrollment->program_id;

  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *date = prehab_day_to_date (plan->day);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "program");
  json_builder_add_string_value (builder, program_id);
  json_builder_set_member_name (builder, "week");
  json_builder_add_int_value (builder, plan->week);
  json_builder_set_member_name (builder, "day");
  json_builder_add_int_value (builder, plan->day_in_week);
  json_builder_set_member_name (builder, "day_of_program");
  json_builder_add_int_value (builder, plan->day_index + 1);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, prehab_phase_to_id (plan->phase));
  json_builder_set_member_name (builder, "phase_from");
  json_builder_add_string_value (builder, prehab_phase_to_id (plan->phase_from));
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, prehab_decision_to_id (plan->decision));
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->reasons->len; i++)
    json_builder_add_string_value (builder, plan->reasons->pdata[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "see_clinician");
  json_builder_add_boolean_value (builder, plan->see_clinician);
  json_builder_set_member_name (builder, "alert");
  json_builder_add_string_value (builder, alert_to_id (plan->alert));
  json_builder_set_member_name (builder, "training");
  json_builder_add_boolean_value (builder, plan->training);
  json_builder_set_member_name (builder, "baseline");
  if (plan->baseline >= 0)
    json_builder_add_double_value (builder, round (plan->baseline * 10) / 10);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "session");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "exercise");
      json_builder_add_string_value (builder, item->exercise_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, g_hash_table_lookup (names, item->exercise_id));
      add_count (builder, "sets", item->dose.sets);
      add_count (builder, "reps", item->dose.reps);
      add_count (builder, "hold_s", item->dose.hold_s);
      add_count (builder, "duration_s", item->dose.duration_s);
      json_builder_set_member_name (builder, "per_side");
      json_builder_add_boolean_value (builder, item->dose.per_side);
      json_builder_set_member_name (builder, "strength");
      json_builder_add_boolean_value (builder, item->strength);
      json_builder_set_member_name (builder, "replaces");
      if (item->replaces != NULL)
        json_builder_add_string_value (builder, item->replaces);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "cue");
      if (item->cue != NULL)
        json_builder_add_string_value (builder, item->cue);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_enrollment (builder, enrollment);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
print_plan (const PrehabPlan *plan,
            GHashTable       *names)
{
  g_autofree char *date = prehab_day_to_date (plan->day);

  g_print (_("%s · week %d, day %d · %s\n"), date, plan->week, plan->day_in_week,
           prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (plan->phase)));
  g_print (_("Decision: %s\n"), prehab_decision_label (plan->decision));
  for (guint i = 0; i < plan->reasons->len; i++)
    g_print ("  • %s\n", (const char *) plan->reasons->pdata[i]);
  if (plan->see_clinician)
    g_print ("%s\n", _("See a clinician: yes"));

  g_print ("\n%s\n", plan->training ? _("Today's session (strength day):") : _("Today's session:"));
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);
      g_autofree char *dose = prehab_dose_format (&item->dose);

      g_print ("  %-30s %s · %s\n", item->exercise_id,
               (const char *) g_hash_table_lookup (names, item->exercise_id), dose);
    }
}

int
prehab_cli_run_status (const char  *data_dir,
                       int          argc,
                       char       **argv)
{
  g_autofree char *date = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day to answer for, YYYY-MM-DD, from the data up to that day (default: today)"),
      N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = prehab_date_dup_today ();
  int status;

  status = prehab_cli_parse_options ("status", _("Show the phase, the planner's decision with its reasons, and the session of a day."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (date != NULL && prehab_date_to_day (date) == 0)
    return usage_error (_("“%s” is not a date; use YYYY-MM-DD"), date);

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  enrollment = prehab_enrollment_load_active (store, &error);
  if (enrollment == NULL)
    {
      if (error != NULL)
        return prehab_cli_fail_with_error (error);
      return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE,
                              _("The program has not been started yet; run “prehab start” first"));
    }

  plan = prehab_schedule_decide (store, date != NULL ? date : today, &error);
  if (plan == NULL)
    return prehab_cli_fail_with_error (error);

  if (!prehab_schedule_record_decision (store, plan, &error))
    return prehab_cli_fail_with_error (error);

  exercises = prehab_exercise_load_all (store, &error);
  if (exercises == NULL)
    return prehab_cli_fail_with_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
      g_hash_table_insert (names, (gpointer) prehab_exercise_get_id (exercise),
                           (gpointer) prehab_exercise_get_name (exercise));
    }

  if (as_json)
    {
      g_autofree char *text = plan_to_json (plan, enrollment, names);
      g_print ("%s\n", text);
    }
  else
    print_plan (plan, names);

  return prehab_cli_finish_output ();
}
