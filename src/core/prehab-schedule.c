/* prehab-schedule.c
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

#define G_LOG_DOMAIN "prehab-schedule"

#include "config.h"

#include "prehab-schedule.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>

#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

G_DEFINE_QUARK (prehab-schedule-error-quark, prehab_schedule_error)

/* The program and the exercises, kept on the store between questions.
 * Only the catalog sync writes them, and it sets content_checksum in the
 * same transaction: they are read again when that checksum, the program or
 * the language changes. Without a checksum (a journal the catalog was never
 * synced into) nothing is kept. */
typedef struct
{
  char          *key;
  PrehabProgram *program;
  GListModel    *exercises;
} Content;

#define CONTENT_DATA "prehab-schedule-content"

static void
content_clear (gpointer data)
{
  Content *content = data;

  g_free (content->key);
  g_clear_pointer (&content->program, prehab_program_free);
  g_clear_object (&content->exercises);
}

static void
content_unref (gpointer data)
{
  g_rc_box_release_full (data, content_clear);
}

/* Everything the planner needs for one question, loaded from the store. */
typedef struct
{
  PrehabEnrollment *enrollment;
  Content          *content;
  const PrehabProgram *program;    /* of @content */
  GListModel       *exercises;     /* of @content */
  PrehabPlanner    *planner;
  guint32           start_day;
  guint32           today;
  gboolean          program_weeks_only; /* no history past the program's weeks */
  gboolean          resume;             /* from a saved state when there is one */
  gint64            data_version;       /* of the snapshot the history came from */
} Context;

static void
context_clear (Context *context)
{
  g_clear_object (&context->planner);
  g_clear_pointer (&context->content, content_unref);
  g_clear_pointer (&context->enrollment, prehab_enrollment_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static int
index_of (const PrehabTerm *terms,
          const char       *id)
{
  for (int i = 0; terms[i].id != NULL; i++)
    if (g_strcmp0 (terms[i].id, id) == 0)
      return i;

  return -1;
}

static gboolean
add_tag_bits (PrehabStore  *store,
              GHashTable   *by_id,
              const char   *sql,
              const char   *from,
              const char   *to,
              gboolean      qualities,
              GError      **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      PrehabReading *reading = g_hash_table_lookup (by_id, &id);

      if (reading == NULL)
        continue;

      if (qualities)
        {
          int bit = index_of (prehab_qualities, value);

          if (bit >= 0)
            reading->qualities |= 1u << bit;
        }
      else
        {
          for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
            if (g_str_equal (prehab_red_flags[i].id, value))
              reading->flags |= 1u << i;
        }
    }

  return rc == 0;
}

/* The ratings from @from to @to (days, inclusive), with only what the
 * planner reads: one query per table rather than per entry. */
static gboolean
load_readings (PrehabStore    *store,
               PrehabPlanner  *planner,
               const char     *from,
               const char     *to,
               GError        **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autoptr (GArray) readings = g_array_new (FALSE, TRUE, sizeof (PrehabReading));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *to_end = g_strconcat (to, "Z", NULL);
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, logged_at, context, pain, session_id IS NOT NULL "
                               "FROM pain_entry WHERE logged_at >= ?1 AND logged_at < ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_end, -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      PrehabReading reading = { 0 };
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int context = index_of (prehab_contexts, (const char *) sqlite3_column_text (stmt, 2));

      if (!prehab_parse_time ((const char *) sqlite3_column_text (stmt, 1),
                              &reading.day, &reading.minute))
        continue;
      reading.context = context >= 0 ? (PrehabContext) context : PREHAB_CONTEXT_OTHER;
      reading.pain = CLAMP (sqlite3_column_int (stmt, 3), 0, 10);
      reading.with_session = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (readings, reading);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < readings->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i),
                         &g_array_index (readings, PrehabReading, i));

  if (!add_tag_bits (store, by_id,
                     "SELECT q.entry_id, q.quality FROM pain_entry_quality q "
                     "JOIN pain_entry e ON e.id = q.entry_id "
                     "WHERE e.logged_at >= ?1 AND e.logged_at < ?2",
                     from, to_end, TRUE, error) ||
      !add_tag_bits (store, by_id,
                     "SELECT f.entry_id, f.flag FROM pain_entry_flag f "
                     "JOIN pain_entry e ON e.id = f.entry_id "
                     "WHERE e.logged_at >= ?1 AND e.logged_at < ?2",
                     from, to_end, FALSE, error))
    return FALSE;

  for (guint i = 0; i < readings->len; i++)
    prehab_planner_add_reading (planner, &g_array_index (readings, PrehabReading, i));

  return TRUE;
}

static PrehabSessionStatus
status_from_id (const char *id)
{
  if (g_strcmp0 (id, "done") == 0)
    return PREHAB_SESSION_DONE;
  if (g_strcmp0 (id, "partial") == 0)
    return PREHAB_SESSION_PARTIAL;
  if (g_strcmp0 (id, "skipped") == 0)
    return PREHAB_SESSION_SKIPPED;
  return PREHAB_SESSION_NONE;
}

/* The sessions from @from to @to (dates, inclusive) with only what the
 * planner reads: one row per completed exercise (or one for a session
 * without any), in the order of prehab_journal_list_sessions(), so that a
 * second record of a day replaces the first as it would there. */
static gboolean
load_sessions (PrehabStore    *store,
               Context        *context,
               const char     *from,
               const char     *to,
               GError        **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autoptr (GPtrArray) completed = g_ptr_array_new_with_free_func (g_free);
  gint64 current = 0;
  guint32 day = 0;
  gboolean training = FALSE;
  PrehabSessionStatus status = PREHAB_SESSION_NONE;
  int pain_during = -1, pain_after = -1;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT s.id, s.date, s.kind, s.status, s.pain_during, s.pain_after, "
                               "       se.exercise_id "
                               "FROM session s LEFT JOIN session_exercise se "
                               "  ON se.session_id = s.id AND se.completed = 1 "
                               "WHERE s.enrollment_id = ?1 AND s.date >= ?2 AND s.date <= ?3 "
                               "ORDER BY s.date, s.id, se.position",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->enrollment->id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);

  do
    {
      gint64 id;

      rc = prehab_store_step_row (store, stmt, error);
      id = rc > 0 ? sqlite3_column_int64 (stmt, 0) : 0;

      /* A new session (or the end): hand the one gathered so far over. */
      if (id != current && current != 0)
        {
          g_ptr_array_add (completed, NULL);
          if (day != 0)
            prehab_planner_add_session (context->planner, day, training, status,
                                        pain_during, pain_after,
                                        (const char * const *) completed->pdata);
          g_ptr_array_set_size (completed, 0);
        }

      if (rc <= 0)
        break;

      if (id != current)
        {
          current = id;
          day = prehab_date_to_day ((const char *) sqlite3_column_text (stmt, 1));
          training = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "training") == 0;
          status = status_from_id ((const char *) sqlite3_column_text (stmt, 3));
          pain_during = prehab_statement_get_int_or_unset (stmt, 4);
          pain_after = prehab_statement_get_int_or_unset (stmt, 5);
        }

      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        g_ptr_array_add (completed, g_strdup ((const char *) sqlite3_column_text (stmt, 6)));
    }
  while (TRUE);

  return rc == 0;
}

/* Resumes the planner from the newest saved state before @history_end
 * that its stamp accepts. A state that cannot be read is left for the next
 * save to replace: the planner then replays from the start. */
static gboolean
resume_from_checkpoint (PrehabStore  *store,
                        Context      *context,
                        const char   *history_end,
                        GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT day, state FROM planner_checkpoint "
                               "WHERE enrollment_id = ?1 AND stamp = ?2 AND day < ?3 "
                               "ORDER BY day DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->enrollment->id);
  sqlite3_bind_text (stmt, 2, prehab_planner_get_stamp (context->planner), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, history_end, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc > 0 &&
      !prehab_planner_resume (context->planner,
                              prehab_date_to_day ((const char *) sqlite3_column_text (stmt, 0)),
                              prehab_planner_get_stamp (context->planner),
                              (const char *) sqlite3_column_text (stmt, 1)))
    g_debug ("The planner's state of %s could not be read; replaying from the start",
             (const char *) sqlite3_column_text (stmt, 0));

  return TRUE;
}

/* Loads the sessions of the last day before @before with a session done or
 * partly done as the planner sees it (the last record of a day is the one
 * that counts), from the start date on; nothing when there is none. */
static gboolean
load_last_session_before (PrehabStore  *store,
                          Context      *context,
                          const char   *before,
                          GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autofree char *date = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT s.date FROM session s "
                               "WHERE s.enrollment_id = ?1 AND s.date >= ?2 AND s.date < ?3 "
                               "  AND s.status IN ('done', 'partial') "
                               "  AND NOT EXISTS (SELECT 1 FROM session t "
                               "                  WHERE t.enrollment_id = s.enrollment_id "
                               "                    AND t.date = s.date AND t.id > s.id) "
                               "ORDER BY s.date DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->enrollment->id);
  sqlite3_bind_text (stmt, 2, context->enrollment->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, before, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (store, stmt, error);
  if (rc <= 0)
    return rc == 0;

  date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, prehab_statement_release);

  return load_sessions (store, context, date, date, error);
}

static Content *
load_content (PrehabStore  *store,
              const char   *program_id,
              GError      **error)
{
  g_autofree char *checksum = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GError) local_error = NULL;
  Content *content;

  checksum = prehab_store_dup_meta (store, "content_checksum", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (checksum != NULL)
    {
      languages = g_strjoinv (":", (char **) g_get_language_names ());
      key = g_strjoin ("\n", checksum, program_id, languages, NULL);
      content = g_object_get_data (G_OBJECT (store), CONTENT_DATA);
      if (content != NULL && g_str_equal (content->key, key))
        return g_rc_box_acquire (content);
    }

  content = g_rc_box_new0 (Content);
  content->program = prehab_program_load (store, program_id, error);
  if (content->program != NULL)
    content->exercises = prehab_exercise_load_all (store, error);
  if (content->exercises == NULL)
    {
      content_unref (content);
      return NULL;
    }

  if (key != NULL)
    {
      content->key = g_steal_pointer (&key);
      g_object_set_data_full (G_OBJECT (store), CONTENT_DATA,
                              g_rc_box_acquire (content), content_unref);
    }

  return content;
}

static gboolean
load_context_in_snapshot (PrehabStore  *store,
                          Context      *context,
                          guint32       history_end,
                          GError      **error)
{
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  guint32 from_day;

  context->enrollment = prehab_enrollment_load_active (store, error);
  if (context->enrollment == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED,
                             _("The program has not been started yet"));
      return FALSE;
    }
  /* The snapshot started with the read above. */
  context->data_version = prehab_store_get_data_version (store);

  context->start_day = prehab_date_to_day (context->enrollment->start_date);
  context->content = load_content (store, context->enrollment->program_id, error);
  if (context->content == NULL)
    return FALSE;
  context->program = context->content->program;
  context->exercises = context->content->exercises;

  context->planner = prehab_planner_new (context->program, context->exercises,
                                         context->enrollment);

  if (context->program_weeks_only)
    history_end = MIN (history_end, context->start_day + context->program->n_weeks * 7 - 1);

  if (history_end < context->start_day)
    return TRUE;

  to = prehab_day_to_date (history_end);
  if (context->resume && !resume_from_checkpoint (store, context, to, error))
    return FALSE;

  /* From a saved state: the window of history the rules read back, plus
   * the first week's ratings (the baseline) and the last session before. */
  from_day = prehab_planner_get_history_start (context->planner);
  from = prehab_day_to_date (from_day);
  if (from_day > context->start_day)
    {
      g_autofree char *baseline_end = prehab_day_to_date (MIN (context->start_day + 6, from_day - 1));

      if (!load_readings (store, context->planner, context->enrollment->start_date,
                          baseline_end, error) ||
          !load_last_session_before (store, context, from, error))
        return FALSE;
    }

  return load_readings (store, context->planner, from, to, error) &&
         load_sessions (store, context, from, to, error);
}

/* Loads the enrollment, program, exercises and the history up to the end of
 * @history_end from one snapshot of the store. */
static gboolean
load_context (PrehabStore  *store,
              Context      *context,
              guint32       history_end,
              GError      **error)
{
  g_autofree char *today = prehab_date_dup_today ();
  gboolean ok;

  context->today = prehab_date_to_day (today);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_schedule", error))
    return FALSE;

  ok = load_context_in_snapshot (store, context, history_end, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_schedule", NULL);

  return ok;
}

static gboolean
check_date (Context     *context,
            const char  *date,
            gboolean     future_allowed,
            guint32     *day,
            GError     **error)
{
  *day = prehab_date_to_day (date);

  if (*day == 0)
    {
      g_set_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE,
                   _("“%s” is not a date; use YYYY-MM-DD"), date ? date : "");
      return FALSE;
    }

  if (*day < context->start_day)
    {
      g_set_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE,
                   _("%s is before the program started (%s)"),
                   date, context->enrollment->start_date);
      return FALSE;
    }

  if (!future_allowed && *day > context->today)
    {
      g_set_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE,
                   _("%s is in the future"), date);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  Context   *context;
  GPtrArray *checkpoints;
} SaveData;

static gboolean
save_checkpoints_cb (PrehabStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  SaveData *data = user_data;
  const char *stamp = prehab_planner_get_stamp (data->context->planner);
  g_autoptr (PrehabStatement) stmt = NULL;

  /* Another connection wrote since the history was read: the states may
   * not follow from what is there now. The next decision saves them. */
  if (prehab_store_get_data_version (store) != data->context->data_version)
    return TRUE;

  stmt = prehab_store_prepare (store,
                               "DELETE FROM planner_checkpoint "
                               "WHERE enrollment_id = ?1 AND stamp IS NOT ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->context->enrollment->id);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
  if (!prehab_store_step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, prehab_statement_release);

  for (guint i = 0; i < data->checkpoints->len; i++)
    {
      const PrehabPlannerCheckpoint *checkpoint = data->checkpoints->pdata[i];
      g_autofree char *day = prehab_day_to_date (checkpoint->day);

      stmt = prehab_store_prepare (store,
                                   "INSERT INTO planner_checkpoint (enrollment_id, day, stamp, state) "
                                   "VALUES (?1, ?2, ?3, ?4) "
                                   "ON CONFLICT (enrollment_id, day) DO UPDATE SET "
                                   "  stamp = excluded.stamp, state = excluded.state",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->context->enrollment->id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, checkpoint->state, -1, SQLITE_TRANSIENT);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, prehab_statement_release);
    }

  return TRUE;
}

/* Keeps the states the last decision passed, so that the next one resumes
 * from there. They are a cache: failing to save them changes no answer. */
static void
save_checkpoints (PrehabStore *store,
                  Context     *context)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) checkpoints = prehab_planner_take_checkpoints (context->planner);
  SaveData data = { context, checkpoints };

  if (checkpoints->len == 0)
    return;

  if (!prehab_store_transaction (store, save_checkpoints_cb, &data, &local_error))
    g_debug ("The planner's state was not saved: %s", local_error->message);
}

/**
 * prehab_schedule_decide:
 * @store: an open store
 * @date: the day, YYYY-MM-DD, from the start date up to today
 * @error: return location for an error
 *
 * Runs the planner on the history up to the end of @date: the day's phase,
 * decision, reasons and session. It resumes from the newest saved state
 * before @date (see "The planner" in HACKING.md) and saves the states it
 * passes on the way, a cache that triggers drop whenever the history before
 * them changes; nothing of the journal is written. See
 * prehab_schedule_record_decision().
 *
 * Returns: (transfer full) (nullable): the plan of the day
 */
PrehabPlan *
prehab_schedule_decide (PrehabStore  *store,
                        const char   *date,
                        GError      **error)
{
  g_auto (Context) context = { 0 };
  PrehabPlan *plan;
  guint32 day = prehab_date_to_day (date);

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  context.resume = TRUE;
  if (!load_context (store, &context, day, error) ||
      !check_date (&context, date, FALSE, &day, error))
    return NULL;

  plan = prehab_planner_decide (context.planner, day);
  save_checkpoints (store, &context);
  return plan;
}

/**
 * prehab_schedule_preview:
 * @store: an open store
 * @date: a day of the program, YYYY-MM-DD, today or later
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): what the program plans for @date
 */
PrehabPlan *
prehab_schedule_preview (PrehabStore  *store,
                         const char   *date,
                         GError      **error)
{
  g_auto (Context) context = { 0 };
  guint32 day;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  if (!load_context (store, &context, 0, error) ||
      !check_date (&context, date, TRUE, &day, error))
    return NULL;

  return prehab_planner_preview (context.planner, day);
}

typedef struct
{
  const PrehabPlan *plan;
} RecordData;

static gboolean
record_cb (PrehabStore  *store,
           gpointer      user_data,
           GError      **error)
{
  RecordData *data = user_data;
  const PrehabPlan *plan = data->plan;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *date = prehab_day_to_date (plan->day);

  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->reasons->len; i++)
    json_builder_add_string_value (builder, plan->reasons->pdata[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  reasons = json_generator_to_data (generator, NULL);

  stmt = prehab_store_prepare (store,
                               "INSERT INTO planner_decision (enrollment_id, date, decision, "
                               "  phase_from, phase_to, see_clinician, reasons, decided_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                               "  strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime')) "
                               "ON CONFLICT (enrollment_id, date) DO UPDATE SET "
                               "  decision = excluded.decision, phase_from = excluded.phase_from, "
                               "  phase_to = excluded.phase_to, see_clinician = excluded.see_clinician, "
                               "  reasons = excluded.reasons, decided_at = excluded.decided_at "
                               "WHERE decision IS NOT excluded.decision "
                               "   OR phase_from IS NOT excluded.phase_from "
                               "   OR phase_to IS NOT excluded.phase_to "
                               "   OR see_clinician IS NOT excluded.see_clinician "
                               "   OR reasons IS NOT excluded.reasons",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->enrollment_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, prehab_decision_to_id (plan->decision), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, prehab_phase_to_id (plan->phase_from), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, prehab_phase_to_id (plan->phase), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, plan->see_clinician ? 1 : 0);
  sqlite3_bind_text (stmt, 7, reasons, -1, SQLITE_TRANSIENT);
  return prehab_store_step_done (store, stmt, error);
}

/**
 * prehab_schedule_record_decision:
 * @store: an open store
 * @plan: a plan from prehab_schedule_decide()
 * @error: return location for an error
 *
 * Keeps the decision in the audit trail: one row per day, updated when
 * deciding the same day again gives a different answer.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_schedule_record_decision (PrehabStore       *store,
                                 const PrehabPlan  *plan,
                                 GError           **error)
{
  RecordData data = { plan };

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL && plan->enrollment_id > 0, FALSE);

  return prehab_store_transaction (store, record_cb, &data, error);
}

void
prehab_calendar_day_clear (PrehabCalendarDay *day)
{
  g_clear_pointer (&day->date, g_free);
}

/**
 * prehab_schedule_load_calendar:
 * @store: an open store
 * @today: today as YYYY-MM-DD
 * @error: return location for an error
 *
 * The program's days from its start date, one cell per day: the phase as
 * planned and as it happened, strength days, sessions, the day's pain and
 * the planner's decision up to @today; the plan for the days after.
 *
 * Returns: (transfer full) (element-type PrehabCalendarDay) (nullable):
 *   the days
 */
GArray *
prehab_schedule_load_calendar (PrehabStore  *store,
                               const char   *today,
                               GError      **error)
{
  g_auto (Context) context = { 0 };
  g_autoptr (GArray) cells = NULL;
  g_autoptr (GArray) replay = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (PrehabStatement) pain = NULL;
  g_autofree char *last_date = NULL;
  g_autofree char *last_end = NULL;
  guint32 today_day = prehab_date_to_day (today);
  guint n_days;
  guint32 last_day;
  int rc;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (today_day != 0, NULL);

  /* The calendar shows the program's weeks: what came after cannot change
   * a decision in them. */
  context.program_weeks_only = TRUE;
  if (!load_context (store, &context, today_day, error))
    return NULL;

  n_days = context.program->n_weeks * 7;
  last_day = context.start_day + n_days - 1;
  last_date = prehab_day_to_date (last_day);

  if (today_day >= context.start_day)
    replay = prehab_planner_replay (context.planner, MIN (today_day, last_day));

  sessions = prehab_journal_list_sessions (store, context.enrollment->id,
                                           context.enrollment->start_date, last_date, error);
  if (sessions == NULL)
    return NULL;

  cells = g_array_sized_new (FALSE, TRUE, sizeof (PrehabCalendarDay), n_days);
  g_array_set_clear_func (cells, (GDestroyNotify) prehab_calendar_day_clear);

  for (guint i = 0; i < n_days; i++)
    {
      PrehabCalendarDay cell = { 0 };
      guint32 day = context.start_day + i;
      PrehabPlanDay planned = prehab_planner_preview_day (context.planner, day);

      cell.date = prehab_day_to_date (day);
      cell.day = day;
      cell.week = i / 7 + 1;
      cell.weekday = prehab_day_weekday (day);
      cell.is_today = day == today_day;
      cell.is_future = day > today_day;
      cell.planned_phase = planned.phase;
      cell.phase = planned.phase;
      cell.training = planned.training;
      cell.status = PREHAB_SESSION_NONE;
      cell.pain = -1;

      if (replay != NULL && i < replay->len)
        {
          const PrehabPlanDay *decided = &g_array_index (replay, PrehabPlanDay, i);

          cell.phase = decided->phase;
          cell.training = decided->training;
          cell.has_decision = TRUE;
          cell.decision = decided->decision;
          cell.alert = decided->alert;
        }

      g_array_append_val (cells, cell);
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      const PrehabSession *session = sessions->pdata[i];
      guint32 day = prehab_date_to_day (session->date);

      if (day >= context.start_day && day <= last_day)
        {
          PrehabCalendarDay *cell = &g_array_index (cells, PrehabCalendarDay, day - context.start_day);

          cell->status = session->status;
          cell->training = session->training;
        }
    }

  /* The day's pain: the mean of its ratings, rounded. */
  last_end = g_strconcat (last_date, "Z", NULL);
  pain = prehab_store_prepare (store,
                               "SELECT substr (logged_at, 1, 10), avg (pain) FROM pain_entry "
                               "WHERE logged_at >= ?1 AND logged_at < ?2 GROUP BY 1",
                               error);
  if (pain == NULL)
    return NULL;
  sqlite3_bind_text (pain, 1, context.enrollment->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (pain, 2, last_end, -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, pain, error)) > 0)
    {
      guint32 day = prehab_date_to_day ((const char *) sqlite3_column_text (pain, 0));

      if (day >= context.start_day && day <= last_day)
        g_array_index (cells, PrehabCalendarDay, day - context.start_day).pain =
          (int) lround (sqlite3_column_double (pain, 1));
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&cells);
}

typedef enum
{
  MARK_ADD,
  MARK_REMOVE,
} MarkMode;

static gboolean
mark (PrehabStore         *store,
      const char          *date,
      const char * const  *exercise_ids,
      MarkMode             mode,
      int                  pain_during,
      int                  pain_after,
      GError             **error)
{
  g_auto (Context) context = { 0 };
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabSession) existing = NULL;
  g_autoptr (PrehabSession) session = prehab_session_new ();
  guint32 day = prehab_date_to_day (date);
  guint n_done = 0;

  if (pain_during < -1 || pain_during > 10 || pain_after < -1 || pain_after > 10)
    {
      g_set_error_literal (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID,
                           _("Pain must be a whole number from 0 to 10"));
      return FALSE;
    }

  context.resume = TRUE;
  if (!load_context (store, &context, day, error) ||
      !check_date (&context, date, FALSE, &day, error))
    return FALSE;

  plan = prehab_planner_decide (context.planner, day);

  for (guint i = 0; exercise_ids != NULL && exercise_ids[i] != NULL; i++)
    {
      gboolean planned = FALSE;

      for (guint j = 0; j < plan->items->len && !planned; j++)
        planned = g_str_equal (g_array_index (plan->items, PrehabPlanItem, j).exercise_id,
                               exercise_ids[i]);
      if (!planned)
        {
          g_set_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID,
                       _("“%s” is not part of the session of %s"), exercise_ids[i], date);
          return FALSE;
        }
    }

  existing = prehab_journal_load_session (store, context.enrollment->id, date, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;

  session->date = g_strdup (date);
  session->training = plan->training;
  session->pain_during = pain_during >= 0 ? pain_during : existing ? existing->pain_during : -1;
  session->pain_after = pain_after >= 0 ? pain_after : existing ? existing->pain_after : -1;
  session->note = existing ? g_strdup (existing->note) : NULL;

  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);
      PrehabSessionExercise exercise = { g_strdup (item->exercise_id), item->dose, FALSE };
      gboolean named = exercise_ids == NULL ||
                       g_strv_contains (exercise_ids, item->exercise_id);

      for (guint j = 0; existing != NULL && j < existing->exercises->len; j++)
        {
          const PrehabSessionExercise *before = &g_array_index (existing->exercises,
                                                                PrehabSessionExercise, j);
          if (g_str_equal (before->exercise_id, item->exercise_id))
            {
              exercise.completed = before->completed;
              exercise.done = before->done;
            }
        }

      /* Ticking off counts the planned dose; what a guided session
       * counted stays for the exercises not named. */
      if (named)
        {
          exercise.completed = mode == MARK_ADD;
          exercise.done = (PrehabDose) { 0 };
        }
      if (exercise.completed)
        n_done++;

      g_array_append_val (session->exercises, exercise);
    }

  if (n_done == 0)
    session->status = PREHAB_SESSION_NONE;
  else if (n_done == plan->items->len)
    session->status = PREHAB_SESSION_DONE;
  else
    session->status = PREHAB_SESSION_PARTIAL;

  return prehab_journal_save_session (store, context.enrollment->id, session, error);
}

/**
 * prehab_schedule_mark_done:
 * @store: an open store
 * @date: the day, YYYY-MM-DD, not in the future
 * @exercise_ids: (nullable): exercises of the day's session that were
 *   done; %NULL for all of them
 * @pain_during: 0–10, or -1 to keep what was recorded
 * @pain_after: 0–10, or -1 to keep what was recorded
 * @error: return location for an error
 *
 * Records the planned session of @date as done (or partly done), with the
 * planned dose of each exercise. Exercises already ticked stay ticked.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_schedule_mark_done (PrehabStore         *store,
                           const char          *date,
                           const char * const  *exercise_ids,
                           int                  pain_during,
                           int                  pain_after,
                           GError             **error)
{
  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);

  return mark (store, date, exercise_ids, MARK_ADD, pain_during, pain_after, error);
}

/**
 * prehab_schedule_set_exercise_done:
 * @store: an open store
 * @date: the day, YYYY-MM-DD, not in the future
 * @exercise_id: an exercise of the day's session
 * @done: whether it was done
 * @error: return location for an error
 *
 * Ticks or unticks one exercise of the day's session. Unticking the last
 * one removes the day's session record.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_schedule_set_exercise_done (PrehabStore  *store,
                                   const char   *date,
                                   const char   *exercise_id,
                                   gboolean      done,
                                   GError      **error)
{
  const char *ids[] = { exercise_id, NULL };

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (exercise_id != NULL, FALSE);

  return mark (store, date, ids, done ? MARK_ADD : MARK_REMOVE, -1, -1, error);
}

typedef struct
{
  const char   *date;
  PrehabRunner *runner;
  int           pain_during;
  int           pain_after;
  const char   *note;
} GuidedData;

/* How much of an exercise a record counts: done in full beats any part;
 * then more reps or seconds beat fewer. */
static int
amount_done (const PrehabSessionExercise *exercise)
{
  const PrehabDose *done = &exercise->done;

  if (exercise->completed)
    return G_MAXINT;
  if (!prehab_session_exercise_has_done (exercise))
    return 0;

  return done->reps > 0 ? done->reps : done->duration_s;
}

static gboolean
record_guided_cb (PrehabStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  GuidedData *data = user_data;
  g_auto (Context) context = { 0 };
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabSession) existing = NULL;
  g_autoptr (PrehabSession) session = prehab_session_new ();
  guint n_items = prehab_runner_get_n_items (data->runner);
  guint32 day = prehab_date_to_day (data->date);
  guint n_completed = 0;
  gboolean any_done = FALSE;

  context.resume = TRUE;
  if (!load_context (store, &context, day, error) ||
      !check_date (&context, data->date, FALSE, &day, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      const char *id = prehab_runner_get_exercise_id (data->runner, i);
      gboolean known = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (context.exercises) && !known; j++)
        {
          g_autoptr (PrehabExercise) exercise = g_list_model_get_item (context.exercises, j);

          known = g_strcmp0 (prehab_exercise_get_id (exercise), id) == 0;
        }
      if (!known)
        {
          g_set_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID,
                       _("“%s” is not an exercise of the catalog"), id ? id : "");
          return FALSE;
        }
    }

  plan = prehab_planner_decide (context.planner, day);
  existing = prehab_journal_load_session (store, context.enrollment->id, data->date, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;

  session->date = g_strdup (data->date);
  session->training = existing ? existing->training : plan->training;
  session->pain_during = data->pain_during >= 0 ? data->pain_during
                                                 : existing ? existing->pain_during : -1;
  session->pain_after = data->pain_after >= 0 ? data->pain_after
                                               : existing ? existing->pain_after : -1;
  session->note = g_strdup (data->note != NULL && *data->note != '\0' ? data->note
                            : existing ? existing->note : NULL);

  for (guint i = 0; i < n_items; i++)
    {
      PrehabSessionExercise exercise = {
        g_strdup (prehab_runner_get_exercise_id (data->runner, i)),
        *prehab_runner_get_planned_dose (data->runner, i),
        FALSE,
      };

      exercise.completed = prehab_runner_get_done (data->runner, i, &exercise.done);
      if (amount_done (&exercise) > 0)
        any_done = TRUE;
      else
        exercise.done = (PrehabDose) { 0 };

      /* The day's record may already count more of this exercise, from
       * ticking it off or from an earlier run: keep the larger. */
      for (guint j = 0; existing != NULL && j < existing->exercises->len; j++)
        {
          PrehabSessionExercise *before = &g_array_index (existing->exercises,
                                                          PrehabSessionExercise, j);

          if (g_str_equal (before->exercise_id, exercise.exercise_id) &&
              amount_done (before) > amount_done (&exercise))
            {
              exercise.completed = before->completed;
              exercise.done = before->done;
              exercise.planned = before->planned;
            }
        }

      if (exercise.completed)
        n_completed++;
      g_array_append_val (session->exercises, exercise);
    }

  if (!any_done)
    {
      g_set_error_literal (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID,
                           _("Nothing of the session was done yet, so there is nothing to save"));
      return FALSE;
    }

  /* Exercises recorded earlier that this run did not have stay recorded. */
  for (guint j = 0; existing != NULL && j < existing->exercises->len; j++)
    {
      PrehabSessionExercise *before = &g_array_index (existing->exercises, PrehabSessionExercise, j);
      gboolean ran = FALSE;

      for (guint i = 0; i < n_items && !ran; i++)
        ran = g_str_equal (before->exercise_id, prehab_runner_get_exercise_id (data->runner, i));
      if (ran)
        continue;

      g_array_append_val (session->exercises, *before);
      /* The copy owns the id now. */
      before->exercise_id = NULL;
      if (g_array_index (session->exercises, PrehabSessionExercise,
                         session->exercises->len - 1).completed)
        n_completed++;
    }

  session->status = n_completed == session->exercises->len ? PREHAB_SESSION_DONE
                                                            : PREHAB_SESSION_PARTIAL;

  return prehab_journal_save_session (store, context.enrollment->id, session, error);
}

/**
 * prehab_schedule_record_guided:
 * @store: an open store
 * @date: the day, YYYY-MM-DD, not in the future
 * @runner: the guided session as it was run (finished or stopped early)
 * @pain_during: 0–10, or -1 to keep what was recorded
 * @pain_after: 0–10, or -1 to keep what was recorded
 * @note: (nullable): a note for the day's session; %NULL or empty keeps
 *   what was recorded
 * @error: return location for an error
 *
 * Records what a guided session did: each exercise with its planned dose,
 * the dose done (see prehab_runner_get_done()) and whether it was done in
 * full. The session is done when every exercise was, partial when any work
 * was done. When the day already has a record, each exercise keeps the
 * larger of the two. Nothing is written when nothing was done, or on any
 * bad value; everything is written in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_schedule_record_guided (PrehabStore   *store,
                               const char    *date,
                               PrehabRunner  *runner,
                               int            pain_during,
                               int            pain_after,
                               const char    *note,
                               GError       **error)
{
  GuidedData data = { date, runner, pain_during, pain_after, note };

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (PREHAB_IS_RUNNER (runner), FALSE);

  if (pain_during < -1 || pain_during > 10 || pain_after < -1 || pain_after > 10)
    {
      g_set_error_literal (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID,
                           _("Pain must be a whole number from 0 to 10"));
      return FALSE;
    }
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID,
                           _("The note is not valid text"));
      return FALSE;
    }

  return prehab_store_transaction (store, record_guided_cb, &data, error);
}
