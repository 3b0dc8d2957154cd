/* prehab-report.c
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

#define G_LOG_DOMAIN "prehab-report"

#include "config.h"

#include "prehab-report.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-exercise.h"
#include "prehab-journal.h"
#include "prehab-program.h"
#include "prehab-report-private.h"
#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

/* The report gathers everything in prehab_report_new(), on the thread that
 * owns the store; drawing needs nothing but what was gathered, so a PDF
 * can be written on another thread. */

/* Without a program under way, or when the program began long ago, the
 * report covers the last eight weeks up to its end. */
#define DEFAULT_RANGE_DAYS 56

/* Ranges longer than this are counted by month, then by year, in the
 * adherence table. */
#define MAX_WEEK_ROWS 12
#define MAX_MONTH_ROWS 24

G_DEFINE_QUARK (prehab-report-error-quark, prehab_report_error)

G_DEFINE_FINAL_TYPE (PrehabReport, prehab_report, G_TYPE_OBJECT)

void
prehab_report_line_free (PrehabReportLine *line)
{
  if (line == NULL)
    return;
  g_free (line->when);
  g_free (line->text);
  g_free (line);
}

static PrehabReportLine *
line_new_take (char *when,
               char *text)
{
  PrehabReportLine *line = g_new0 (PrehabReportLine, 1);

  line->when = when;
  line->text = text;
  return line;
}

static void
adherence_clear (PrehabReportAdherence *row)
{
  g_clear_pointer (&row->label, g_free);
}

static GDateTime *
date_time_at_noon (const char *date)
{
  int year, month, mday;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
    return NULL;
  return g_date_time_new_local (year, month, mday, 12, 0, 0);
}

/**
 * prehab_report_format_date:
 * @date: a date, YYYY-MM-DD
 *
 * Returns: (transfer full): @date as people read it, with the month in
 *   words so that it cannot be misread in any country
 */
char *
prehab_report_format_date (const char *date)
{
  g_autoptr (GDateTime) time = date_time_at_noon (date);

  if (time == NULL)
    return g_strdup (date != NULL ? date : "");
  /* Translators: a date in the report, e.g. "3 Mar 2026"; see
   * g_date_time_format() for the codes */
  return g_date_time_format (time, _("%-d %b %Y"));
}

/* "2026-03-03 07:30" as "3 Mar 2026, 07:30". */
static char *
format_time (const char *logged_at)
{
  g_autofree char *date = g_strndup (logged_at, 10);
  g_autofree char *day = prehab_report_format_date (date);

  if (strlen (logged_at) < 16)
    return g_steal_pointer (&day);
  /* Translators: a date and a time in the report, e.g. "3 Mar 2026, 07:30" */
  return g_strdup_printf (_("%s, %s"), day, logged_at + 11);
}

static char *
join_labels (const PrehabTerm  *terms,
             const char *const *ids)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) prehab_vocabulary_label (terms, ids[i]));
  g_ptr_array_add (labels, NULL);
  /* Translators: separator between the items of a list in the report */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static char *
join_flags (const char *const *ids)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const PrehabRedFlag *flag = prehab_red_flag_lookup (ids[i]);

      if (flag == NULL)
        g_ptr_array_add (labels, g_strdup (ids[i]));
      else if (flag->tier == PREHAB_RED_FLAG_EMERGENCY)
        /* Translators: a warning sign in the report, with its urgency */
        g_ptr_array_add (labels, g_strdup_printf (_("%s (emergency sign)"), _(flag->label)));
      else
        /* Translators: a warning sign in the report, with its urgency */
        g_ptr_array_add (labels, g_strdup_printf (_("%s (see a doctor soon)"), _(flag->label)));
    }
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static gboolean
check_date (const char  *date,
            guint32      today,
            guint32     *day,
            GError     **error)
{
  *day = prehab_date_to_day (date);
  if (*day == 0)
    {
      g_set_error (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_INVALID_DATE,
                   /* Translators: %s is a date as typed, e.g. "2026-13-01" */
                   _("“%s” is not a date; use YYYY-MM-DD"), date);
      return FALSE;
    }
  if (*day > today)
    {
      g_set_error (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_INVALID_DATE,
                   /* Translators: %s is a date, YYYY-MM-DD */
                   _("%s is in the future; a report can only cover days up to today"), date);
      return FALSE;
    }
  return TRUE;
}

static void
gather_program (PrehabReport           *self,
                const PrehabEnrollment *enrollment,
                const PrehabProgram    *program,
                guint32                 today)
{
  g_autoptr (GPtrArray) days = g_ptr_array_new ();
  g_autofree char *end_date = NULL;
  int day_index = (int) today - (int) self->start_day;

  self->has_program = TRUE;
  self->program_name = g_strdup (program->name);
  self->n_weeks = program->n_weeks;
  self->week = day_index / 7 + 1;
  self->start_label = prehab_report_format_date (enrollment->start_date);
  end_date = prehab_day_to_date (self->start_day + program->n_weeks * 7 - 1);
  self->end_label = prehab_report_format_date (end_date);

  for (guint i = 0; prehab_weekdays[i].id != NULL; i++)
    if (enrollment->training_days & (1u << i))
      g_ptr_array_add (days, (gpointer) prehab_weekdays[i].id);
  g_ptr_array_add (days, NULL);
  self->training_days = join_labels (prehab_weekdays, (const char * const *) days->pdata);

  if (enrollment->equipment != NULL && enrollment->equipment[0] != NULL)
    self->equipment = join_labels (prehab_equipment, (const char * const *) enrollment->equipment);
  else
    /* Translators: the equipment of the person's program, when they have none */
    self->equipment = g_strdup (_("None"));
}

/* Reasons kept in the planner's audit trail, by date. */
static GHashTable *
load_recorded_reasons (PrehabStore  *store,
                       gint64        enrollment_id,
                       GError      **error)
{
  g_autoptr (GHashTable) reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT date, reasons FROM planner_decision "
                               "WHERE enrollment_id = ?1 AND "
                               "  (phase_from IS NOT phase_to OR decision = 'stop')",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonNode *root;
      const char *date = (const char *) sqlite3_column_text (stmt, 0);
      const char *json = (const char *) sqlite3_column_text (stmt, 1);

      if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) > 0)
        {
          const char *first = json_array_get_string_element (json_node_get_array (root), 0);

          if (first != NULL)
            g_hash_table_insert (reasons, g_strdup (date), g_strdup (first));
        }
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&reasons);
}

/* The changes of phase and the pauses of the plan, as the planner's replay
 * decided them (the same computation whose answers the audit trail keeps,
 * so days the app was not opened are there too), with the reason the
 * audit trail recorded where it has one. */
static gboolean
gather_milestones (PrehabReport      *self,
                   PrehabStore       *store,
                   gint64             enrollment_id,
                   GError           **error)
{
  g_autoptr (GHashTable) reasons = load_recorded_reasons (store, enrollment_id, error);

  if (reasons == NULL)
    return FALSE;

  for (guint i = 0; i < self->calendar->len; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->calendar, PrehabCalendarDay, i);
      const PrehabCalendarDay *before = i > 0 ? &g_array_index (self->calendar, PrehabCalendarDay, i - 1) : NULL;
      const char *reason = g_hash_table_lookup (reasons, day->date);
      g_autofree char *text = NULL;
      g_autofree char *when = NULL;

      if (!day->has_decision)
        break;

      if (before == NULL)
        /* Translators: the phase timeline of the report, on the start date */
        text = g_strdup_printf (_("Started in the %s phase"),
                                prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (day->phase)));
      else if (day->phase != before->phase)
        /* Translators: the phase timeline of the report, e.g.
         * "Moved from Mobilize to Strengthen" */
        text = g_strdup_printf (_("Moved from %s to %s"),
                                prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (before->phase)),
                                prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (day->phase)));
      else if (day->decision == PREHAB_DECISION_STOP &&
               (before == NULL || before->decision != PREHAB_DECISION_STOP))
        text = g_strdup (_("The plan paused strength work and advised seeing a clinician"));
      else if (day->alert == PREHAB_ALERT_REVIEW && before->alert != PREHAB_ALERT_REVIEW)
        text = g_strdup (_("The plan suggested a check with a clinician"));
      else
        continue;

      if (reason != NULL)
        {
          g_autofree char *with_reason = g_steal_pointer (&text);
          /* Translators: an event of the phase timeline and the planner's
           * reason for it */
          text = g_strdup_printf (_("%s: %s"), with_reason, reason);
        }

      {
        g_autofree char *date = prehab_report_format_date (day->date);
        /* Translators: the week of the program and a date, e.g. "Week 2, 8 Mar 2026" */
        when = g_strdup_printf (_("Week %d, %s"), day->week, date);
      }
      g_ptr_array_add (self->milestones, line_new_take (g_steal_pointer (&when), g_steal_pointer (&text)));
    }

  return TRUE;
}

/* Sessions planned and done, by week of the program (by month over long
 * ranges). A session is planned every day of the program (mobility is
 * daily); today counts once something was recorded for it. */
static gboolean
gather_adherence (PrehabReport  *self,
                  PrehabStore   *store,
                  gint64         enrollment_id,
                  guint32        today,
                  GError       **error)
{
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GHashTable) by_date = g_hash_table_new (g_str_hash, g_str_equal);
  guint32 first = MAX (self->from_day, self->start_day);
  guint32 last = self->to_day;
  int key = -1;

  if (first > last)
    return TRUE;

  sessions = prehab_journal_list_sessions (store, enrollment_id, self->from, self->to, error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      PrehabSession *session = sessions->pdata[i];
      g_hash_table_insert (by_date, session->date, session);
    }

  if ((last - first) / 7 + 1 <= MAX_WEEK_ROWS)
    self->adherence_by = PREHAB_REPORT_BY_WEEK;
  else if ((last - first) / 30 + 1 <= MAX_MONTH_ROWS)
    self->adherence_by = PREHAB_REPORT_BY_MONTH;
  else
    self->adherence_by = PREHAB_REPORT_BY_YEAR;

  for (guint32 day = first; day <= last; day++)
    {
      g_autofree char *date = prehab_day_to_date (day);
      PrehabSession *session = g_hash_table_lookup (by_date, date);
      PrehabSessionStatus status = session != NULL ? session->status : PREHAB_SESSION_NONE;
      PrehabReportAdherence *row;
      int day_key;

      if (day == today && status == PREHAB_SESSION_NONE)
        continue;

      if (self->adherence_by != PREHAB_REPORT_BY_WEEK)
        {
          g_autoptr (GDateTime) time = date_time_at_noon (date);
          gboolean by_year = self->adherence_by == PREHAB_REPORT_BY_YEAR;

          day_key = g_date_time_get_year (time) * 12 + (by_year ? 0 : g_date_time_get_month (time));
          if (day_key != key)
            {
              PrehabReportAdherence added = { 0 };

              added.label = by_year
                            ? g_strdup_printf ("%d", g_date_time_get_year (time))
                            /* Translators: a month in the report's adherence table, e.g. "March 2026" */
                            : g_date_time_format (time, _("%B %Y"));
              g_array_append_val (self->adherence, added);
            }
        }
      else
        {
          day_key = (int) (day - self->start_day) / 7;
          if (day_key != key)
            {
              PrehabReportAdherence added = { 0 };
              g_autofree char *week_start = prehab_day_to_date (MAX (first, self->start_day + day_key * 7));
              g_autofree char *start_label = prehab_report_format_date (week_start);

              /* Translators: a row of the report's adherence table: the
               * week of the program and the date it starts */
              added.label = g_strdup_printf (_("Week %d, from %s"), day_key + 1, start_label);
              g_array_append_val (self->adherence, added);
            }
        }
      key = day_key;

      row = &g_array_index (self->adherence, PrehabReportAdherence, self->adherence->len - 1);
      row->planned++;
      if (status == PREHAB_SESSION_DONE)
        row->done++;
      else if (status == PREHAB_SESSION_PARTIAL)
        row->partial++;
      else
        row->missed++;
    }

  return TRUE;
}

/* Today's plan; returns its baseline (NAN while unknown). */
static double
gather_plan (PrehabReport *self,
             PrehabStore  *store,
             const char   *today)
{
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *today_label = prehab_report_format_date (today);

  plan = prehab_schedule_decide (store, today, &error);
  if (plan == NULL)
    {
      g_debug ("No plan for %s: %s", today, error->message);
      return NAN;
    }
  exercises = prehab_exercise_load_all (store, NULL);
  for (guint i = 0; exercises != NULL && i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
      g_hash_table_insert (names, (gpointer) prehab_exercise_get_id (exercise),
                           (gpointer) prehab_exercise_get_name (exercise));
    }

  self->plan_summary =
    /* Translators: the report's current plan: a date, a phase, a day of
     * the program, e.g. "On 3 Mar 2026: Mobilize phase, week 2, day 3.
     * Strength day." or "… Mobility day." */
    g_strdup_printf (plan->training ? _("On %s: %s phase, week %d, day %d. Strength day.")
                                    : _("On %s: %s phase, week %d, day %d. Mobility day."),
                     today_label,
                     prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (plan->phase)),
                     plan->week, plan->day_in_week);
  for (guint i = 0; i < plan->reasons->len; i++)
    g_ptr_array_add (self->plan_reasons, g_strdup (plan->reasons->pdata[i]));

  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);
      const char *name = g_hash_table_lookup (names, item->exercise_id);
      g_autofree char *dose = prehab_dose_format (&item->dose);

      g_ptr_array_add (self->doses, line_new_take (g_strdup (name != NULL ? name : item->exercise_id),
                                                   g_steal_pointer (&dose)));
    }

  return plan->baseline >= 0 ? plan->baseline : NAN;
}

static void
gather_journal (PrehabReport *self,
                GPtrArray    *entries,
                GPtrArray    *sessions)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_report_line_free);
  guint e = 0, s = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const PrehabPainEntry *entry = entries->pdata[i];

      if (entry->flags != NULL && entry->flags[0] != NULL)
        g_ptr_array_add (self->warnings,
                         line_new_take (format_time (entry->logged_at),
                                        join_flags ((const char * const *) entry->flags)));
    }

  /* Entry notes and session notes, merged by date, oldest first; a
   * session's note is placed at the start of its day. */
  while (e < entries->len || (sessions != NULL && s < sessions->len))
    {
      const PrehabPainEntry *entry = e < entries->len ? entries->pdata[e] : NULL;
      const PrehabSession *session = sessions != NULL && s < sessions->len ? sessions->pdata[s] : NULL;

      if (session != NULL && (entry == NULL || strncmp (session->date, entry->logged_at, 10) <= 0))
        {
          s++;
          if (session->note != NULL && session->note[0] != '\0')
            {
              g_autofree char *date = prehab_report_format_date (session->date);

              g_ptr_array_add (notes,
                               /* Translators: where a note of the report was written */
                               line_new_take (g_strdup_printf (_("%s, after the session"), date),
                                              g_strdup (session->note)));
            }
        }
      else
        {
          e++;
          if (entry->note != NULL && entry->note[0] != '\0')
            g_ptr_array_add (notes, line_new_take (format_time (entry->logged_at), g_strdup (entry->note)));
        }
    }

  /* The latest notes only: years of diary would be hundreds of pages. */
  self->n_notes = notes->len;
  for (guint i = notes->len > PREHAB_REPORT_MAX_NOTES ? notes->len - PREHAB_REPORT_MAX_NOTES : 0;
       i < notes->len; i++)
    g_ptr_array_add (self->notes, g_steal_pointer (&notes->pdata[i]));
}

static void
prehab_report_finalize (GObject *object)
{
  PrehabReport *self = (PrehabReport *) object;

  prehab_report_clear_layout (self);
  g_free (self->from);
  g_free (self->to);
  g_free (self->range_label);
  g_free (self->generated);
  g_free (self->today_label);
  g_free (self->program_name);
  g_free (self->start_label);
  g_free (self->end_label);
  g_free (self->training_days);
  g_free (self->equipment);
  g_clear_pointer (&self->calendar, g_array_unref);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->adherence, g_array_unref);
  g_clear_pointer (&self->trend, prehab_trend_free);
  g_clear_pointer (&self->insights, prehab_trigger_insights_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self->clearance);
  g_free (self->plan_summary);
  g_clear_pointer (&self->plan_reasons, g_ptr_array_unref);
  g_clear_pointer (&self->doses, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_report_parent_class)->finalize (object);
}

static void
prehab_report_class_init (PrehabReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prehab_report_finalize;
}

static void
prehab_report_init (PrehabReport *self)
{
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_report_line_free);
  self->adherence = g_array_new (FALSE, TRUE, sizeof (PrehabReportAdherence));
  g_array_set_clear_func (self->adherence, (GDestroyNotify) adherence_clear);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_report_line_free);
  self->plan_reasons = g_ptr_array_new_with_free_func (g_free);
  self->doses = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_report_line_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_report_line_free);
}

/**
 * prehab_report_check_range:
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @error: return location for a %PREHAB_REPORT_ERROR_INVALID_DATE error
 *
 * Checks the days a report is asked for without reading anything: real
 * dates, not in the future, the first not after the last.
 *
 * Returns: %TRUE when a report can cover them
 */
gboolean
prehab_report_check_range (const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autofree char *today = prehab_date_dup_today ();
  guint32 today_day = prehab_date_to_day (today);
  guint32 from_day = 0, to_day = 0;

  if (from != NULL && !check_date (from, today_day, &from_day, error))
    return FALSE;
  if (to != NULL && !check_date (to, today_day, &to_day, error))
    return FALSE;
  if (from != NULL && to != NULL && from_day > to_day)
    {
      g_set_error (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_INVALID_DATE,
                   /* Translators: both are dates, YYYY-MM-DD */
                   _("The first day (%s) is after the last day (%s)"), from, to);
      return FALSE;
    }

  return TRUE;
}

/**
 * prehab_report_new:
 * @store: an open store
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD, not after today
 * @error: return location for a %PREHAB_REPORT_ERROR or store error
 *
 * Gathers a report of the days from @from to @to: the program, its phases,
 * adherence, the pain trend, what went with higher or lower pain, warning
 * signs, today's doses and the person's notes. @to defaults to today;
 * @from to the start of the program, or eight weeks before @to when the
 * program started earlier than that or there is none. Without a program
 * the report still shows the journal and says that no program was
 * started.
 *
 * Returns: (transfer full) (nullable): the report
 */
PrehabReport *
prehab_report_new (PrehabStore  *store,
                   const char   *from,
                   const char   *to,
                   GError      **error)
{
  g_autoptr (PrehabReport) self = NULL;
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (PrehabProgram) program = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) triggers = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;
  g_autofree char *now_text = prehab_date_dup_now ();
  guint32 today_day = prehab_date_to_day (today);
  double baseline = NAN;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  self = g_object_new (PREHAB_TYPE_REPORT, NULL);

  if (!prehab_report_check_range (from, to, error))
    return NULL;
  if (to != NULL)
    self->to_day = prehab_date_to_day (to);
  if (from != NULL)
    self->from_day = prehab_date_to_day (from);

  enrollment = prehab_enrollment_load_active (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (enrollment != NULL)
    {
      program = prehab_program_load (store, enrollment->program_id, error);
      if (program == NULL)
        return NULL;
      self->start_day = prehab_date_to_day (enrollment->start_date);
    }

  if (to == NULL)
    self->to_day = today_day;
  if (from == NULL)
    {
      guint32 recent = self->to_day > DEFAULT_RANGE_DAYS - 1 ? self->to_day - (DEFAULT_RANGE_DAYS - 1) : 1;

      self->from_day = enrollment != NULL && self->start_day <= self->to_day
                       ? MAX (self->start_day, recent) : recent;
    }
  if (self->from_day > self->to_day)
    {
      g_set_error (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_INVALID_DATE,
                   _("The first day (%s) is after the last day (%s)"),
                   from != NULL ? from : "", to != NULL ? to : today);
      return NULL;
    }
  self->from = prehab_day_to_date (self->from_day);
  self->to = prehab_day_to_date (self->to_day);

  from_label = prehab_report_format_date (self->from);
  to_label = prehab_report_format_date (self->to);
  /* Translators: the range of days a report covers, e.g. "1 Mar 2026 – 26 Apr 2026" */
  self->range_label = g_strdup_printf (_("%s – %s"), from_label, to_label);
  self->today_label = prehab_report_format_date (today);
  self->generated = format_time (now_text);

  if (enrollment != NULL && program != NULL)
    {
      gather_program (self, enrollment, program, today_day);
      if (self->start_day <= today_day)
        {
          g_autoptr (PrehabPlan) plan = NULL;

          self->calendar = prehab_schedule_load_calendar (store, today, error);
          if (self->calendar == NULL ||
              !gather_milestones (self, store, enrollment->id, error) ||
              !gather_adherence (self, store, enrollment->id, today_day, error))
            return NULL;
          baseline = gather_plan (self, store, today);
          /* The baseline as known at the end of the range. */
          if (self->to_day != today_day)
            {
              plan = prehab_schedule_decide (store, self->to, NULL);
              baseline = plan != NULL && plan->baseline >= 0 ? plan->baseline : NAN;
            }
        }
      if (enrollment->flags != NULL && enrollment->flags[0] != NULL)
        g_ptr_array_add (self->warnings,
                         /* Translators: warning signs answered "yes" in the safety questions */
                         line_new_take (g_strdup_printf (_("%s, safety questions at the start"), self->start_label),
                                        join_flags ((const char * const *) enrollment->flags)));
      if (enrollment->cleared_at != NULL)
        self->clearance = format_time (enrollment->cleared_at);
      sessions = prehab_journal_list_sessions (store, enrollment->id, self->from, self->to, error);
      if (sessions == NULL)
        return NULL;
    }

  entries = prehab_journal_list_entries (store, self->from, self->to, error);
  if (entries == NULL)
    return NULL;
  triggers = prehab_journal_list_triggers (store, error);
  if (triggers == NULL)
    return NULL;

  self->n_entries = entries->len;
  self->trend = prehab_trend_compute (entries, self->from, self->to, baseline);
  self->insights = prehab_insights_compare_triggers (entries, triggers, self->from, self->to);
  gather_journal (self, entries, sessions);

  return g_steal_pointer (&self);
}

/**
 * prehab_report_get_from:
 * @self: a report
 *
 * Returns: the first day the report covers, YYYY-MM-DD
 */
const char *
prehab_report_get_from (PrehabReport *self)
{
  g_return_val_if_fail (PREHAB_IS_REPORT (self), NULL);
  return self->from;
}

/**
 * prehab_report_get_to:
 * @self: a report
 *
 * Returns: the last day the report covers, YYYY-MM-DD
 */
const char *
prehab_report_get_to (PrehabReport *self)
{
  g_return_val_if_fail (PREHAB_IS_REPORT (self), NULL);
  return self->to;
}

/**
 * prehab_report_get_n_pages:
 * @self: a report
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 *
 * Lays the report out for pages of that size (once per size).
 *
 * Returns: the number of pages, at least 1
 */
guint
prehab_report_get_n_pages (PrehabReport *self,
                           double        page_width,
                           double        page_height)
{
  g_return_val_if_fail (PREHAB_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  prehab_report_ensure_layout (self, page_width, page_height);
  return self->n_pages;
}

/**
 * prehab_report_draw_page:
 * @self: a report
 * @cr: a cairo context whose user space is in points, the page's top left
 *   corner at the origin
 * @page: the page, from 0
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 *
 * Draws one page, in colours that print well, on a white page.
 */
void
prehab_report_draw_page (PrehabReport *self,
                         cairo_t      *cr,
                         guint         page,
                         double        page_width,
                         double        page_height)
{
  g_return_if_fail (PREHAB_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  prehab_report_ensure_layout (self, page_width, page_height);
  g_return_if_fail (page < self->n_pages);
  prehab_report_render_page (self, cr, page);
}

typedef struct
{
  int fd;
  int saved_errno;
} Output;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  while (length > 0)
    {
      ssize_t written = write (output->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          output->saved_errno = written < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * prehab_report_write_pdf:
 * @self: a report
 * @path: the file to write
 * @error: return location for a %PREHAB_REPORT_ERROR_WRITE error
 *
 * Writes the report as a PDF of A4 pages. The file is written beside
 * @path under a temporary name, readable by its owner only, and renamed
 * into place once complete, so @path is never left half written. Needs
 * only the gathered report, so it may run on another thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
prehab_report_write_pdf (PrehabReport  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *display = NULL;
  Output output = { -1, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  gboolean written;

  g_return_val_if_fail (PREHAB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  tmpl = g_build_filename (dir, ".prehab-report-XXXXXX", NULL);
  output.fd = g_mkstemp_full (tmpl, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (output.fd < 0)
    {
      int saved = errno;
      g_set_error (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_WRITE,
                   /* Translators: the first %s is a file, the second why it failed */
                   _("Could not write the report to %s: %s"), display, g_strerror (saved));
      return FALSE;
    }

  n_pages = prehab_report_get_n_pages (self, PREHAB_REPORT_A4_WIDTH, PREHAB_REPORT_A4_HEIGHT);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &output,
                                                 PREHAB_REPORT_A4_WIDTH, PREHAB_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Prehab report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Prehab " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      prehab_report_render_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  written = status == CAIRO_STATUS_SUCCESS;
  if (written && fsync (output.fd) != 0)
    {
      output.saved_errno = errno;
      written = FALSE;
    }
  if (close (output.fd) != 0 && written)
    {
      output.saved_errno = errno;
      written = FALSE;
    }
  if (written && g_rename (tmpl, path) != 0)
    {
      output.saved_errno = errno;
      written = FALSE;
    }

  if (!written)
    {
      const char *reason = output.saved_errno != 0 ? g_strerror (output.saved_errno)
                                                   : cairo_status_to_string (status);

      g_unlink (tmpl);
      g_set_error (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_WRITE,
                   _("Could not write the report to %s: %s"), display, reason);
      return FALSE;
    }

  return TRUE;
}
