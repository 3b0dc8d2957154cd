/* prehab-exercise-history.c
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

#define G_LOG_DOMAIN "prehab-exercise-history"

#include "config.h"

#include "prehab-exercise-history.h"

#include "prehab-store-private.h"

/* An exercise counts as done in a session when its row is marked completed
 * and the session was not skipped; sessions of ended runs count too, since
 * the history belongs to the person, not to one run of the program. */

static gboolean
load_in_snapshot (PrehabStore            *store,
                  PrehabExerciseHistory  *history,
                  GError                **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT count (DISTINCT s.id), max (s.date) "
                               "FROM session_exercise se JOIN session s ON s.id = se.session_id "
                               "WHERE se.exercise_id = ?1 AND se.completed = 1 "
                               "  AND s.status <> 'skipped'",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, history->exercise_id, -1, SQLITE_TRANSIENT);

  rc = prehab_store_step_row (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc > 0)
    {
      history->times_done = (guint) sqlite3_column_int (stmt, 0);
      history->last_done = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  g_clear_pointer (&stmt, prehab_statement_release);

  stmt = prehab_store_prepare (store,
                               "SELECT s.date, s.pain_during "
                               "FROM session_exercise se JOIN session s ON s.id = se.session_id "
                               "WHERE se.exercise_id = ?1 AND se.completed = 1 "
                               "  AND s.status <> 'skipped' AND s.pain_during IS NOT NULL "
                               "ORDER BY s.date DESC, s.id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, history->exercise_id, -1, SQLITE_TRANSIENT);

  rc = prehab_store_step_row (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc > 0)
    {
      history->last_pain_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      history->last_pain_during = sqlite3_column_int (stmt, 1);
    }

  return TRUE;
}

/**
 * prehab_exercise_history_load:
 * @store: an open store
 * @exercise_id: the exercise
 * @error: return location for an error
 *
 * Reads, in one snapshot, how often the person completed @exercise_id in a
 * session (in any run of the program), when they last did, and the latest
 * pain-during rating of a session in which they did it. An exercise never
 * done gives a history with @times_done 0, not an error.
 *
 * Returns: (transfer full) (nullable): the history, or %NULL on error
 */
PrehabExerciseHistory *
prehab_exercise_history_load (PrehabStore  *store,
                              const char   *exercise_id,
                              GError      **error)
{
  g_autoptr (PrehabExerciseHistory) history = NULL;
  gboolean ok;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (exercise_id != NULL, NULL);

  history = g_new0 (PrehabExerciseHistory, 1);
  history->exercise_id = g_strdup (exercise_id);
  history->last_pain_during = -1;

  /* A savepoint outside a transaction starts a read transaction. */
  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_history", error))
    return NULL;

  ok = load_in_snapshot (store, history, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_history", NULL);

  return ok ? g_steal_pointer (&history) : NULL;
}

void
prehab_exercise_history_free (PrehabExerciseHistory *history)
{
  if (history == NULL)
    return;

  g_free (history->exercise_id);
  g_free (history->last_done);
  g_free (history->last_pain_date);
  g_free (history);
}
