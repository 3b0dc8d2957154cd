/* prehab-program.c
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

#define G_LOG_DOMAIN "prehab-program"

#include "config.h"

#include "prehab-program.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdio.h>

#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

const char *
prehab_phase_to_id (PrehabPhase phase)
{
  g_return_val_if_fail (phase <= PREHAB_PHASE_MAINTAIN, NULL);

  return prehab_phases[phase].id;
}

gboolean
prehab_phase_from_id (const char  *id,
                      PrehabPhase *phase)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; prehab_phases[i].id != NULL; i++)
    if (g_str_equal (prehab_phases[i].id, id))
      {
        *phase = (PrehabPhase) i;
        return TRUE;
      }

  return FALSE;
}

static void
program_item_clear (gpointer data)
{
  PrehabProgramItem *item = data;

  g_clear_pointer (&item->exercise_id, g_free);
}

static int
override_or (PrehabStatement *stmt,
             int              column,
             int              fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback
                                                          : sqlite3_column_int (stmt, column);
}

static PrehabProgram *
load_in_snapshot (PrehabStore  *store,
                  const char   *program_id,
                  GError      **error)
{
  g_autoptr (PrehabProgram) program = g_new0 (PrehabProgram, 1);
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT name, description, weeks FROM program WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, program_id, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == 0)
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                   _("There is no program called “%s”"), program_id);
      return NULL;
    }

  program->id = g_strdup (program_id);
  program->name = g_strdup (prehab_statement_get_translated (stmt, 0));
  program->description = g_strdup (prehab_statement_get_translated (stmt, 1));
  program->n_weeks = sqlite3_column_int (stmt, 2);
  program->weeks = g_new0 (PrehabProgramWeek, program->n_weeks);
  g_clear_pointer (&stmt, prehab_statement_release);

  for (guint i = 0; i < program->n_weeks; i++)
    {
      PrehabProgramWeek *week = &program->weeks[i];

      week->number = i + 1;
      week->phase = PREHAB_PHASE_STRENGTHEN;
      week->focus = g_strdup ("");
      week->daily = g_array_new (FALSE, TRUE, sizeof (PrehabProgramItem));
      week->training = g_array_new (FALSE, TRUE, sizeof (PrehabProgramItem));
      g_array_set_clear_func (week->daily, program_item_clear);
      g_array_set_clear_func (week->training, program_item_clear);
    }

  stmt = prehab_store_prepare (store,
                               "SELECT week, phase, focus FROM program_week "
                               "WHERE program_id = ?1 ORDER BY week",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, program_id, -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      int number = sqlite3_column_int (stmt, 0);
      PrehabProgramWeek *week;

      if (number < 1 || (guint) number > program->n_weeks)
        continue;

      week = &program->weeks[number - 1];
      prehab_phase_from_id ((const char *) sqlite3_column_text (stmt, 1), &week->phase);
      g_free (week->focus);
      week->focus = g_strdup (prehab_statement_get_translated (stmt, 2));
    }
  if (rc < 0)
    return NULL;
  g_clear_pointer (&stmt, prehab_statement_release);

  stmt = prehab_store_prepare (store,
                               "SELECT i.week, i.kind, i.exercise_id, "
                               "       i.sets, i.reps, i.hold_s, i.duration_s, "
                               "       x.sets, x.reps, x.hold_s, x.duration_s, x.per_side, "
                               "       x.tempo, x.rest_s "
                               "FROM program_item i JOIN exercise x ON x.id = i.exercise_id "
                               "WHERE i.program_id = ?1 ORDER BY i.week, i.kind, i.position",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, program_id, -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      int number = sqlite3_column_int (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *tempo = (const char *) sqlite3_column_text (stmt, 12);
      PrehabProgramWeek *week;
      PrehabProgramItem item = { 0 };

      if (number < 1 || (guint) number > program->n_weeks)
        continue;
      week = &program->weeks[number - 1];

      item.exercise_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      item.dose.sets = override_or (stmt, 3, sqlite3_column_int (stmt, 7));
      item.dose.reps = override_or (stmt, 4, sqlite3_column_int (stmt, 8));
      item.dose.hold_s = override_or (stmt, 5, sqlite3_column_int (stmt, 9));
      item.dose.duration_s = override_or (stmt, 6, sqlite3_column_int (stmt, 10));
      item.dose.per_side = sqlite3_column_int (stmt, 11) != 0;
      if (tempo != NULL)
        sscanf (tempo, "%d-%d", &item.dose.tempo_out_s, &item.dose.tempo_back_s);
      item.dose.rest_s = sqlite3_column_int (stmt, 13);

      g_array_append_val (g_str_equal (kind, "training") ? week->training : week->daily, item);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&program);
}

/**
 * prehab_program_load:
 * @store: an open store
 * @program_id: a program id, such as %PREHAB_DEFAULT_PROGRAM
 * @error: return location for an error
 *
 * Reads a program with its weeks and session templates from one snapshot of
 * the store. Doses are resolved: an item without its own dose takes the
 * exercise's.
 *
 * Returns: (transfer full) (nullable): the program
 */
PrehabProgram *
prehab_program_load (PrehabStore  *store,
                     const char   *program_id,
                     GError      **error)
{
  PrehabProgram *program;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_program", error))
    return NULL;

  program = load_in_snapshot (store, program_id, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_program", NULL);

  return program;
}

void
prehab_program_free (PrehabProgram *program)
{
  if (program == NULL)
    return;

  for (guint i = 0; i < program->n_weeks; i++)
    {
      g_free (program->weeks[i].focus);
      g_clear_pointer (&program->weeks[i].daily, g_array_unref);
      g_clear_pointer (&program->weeks[i].training, g_array_unref);
    }
  g_free (program->weeks);
  g_free (program->id);
  g_free (program->name);
  g_free (program->description);
  g_free (program);
}

/**
 * prehab_program_get_week:
 * @program: a program
 * @number: a week number from 1
 *
 * Returns: (nullable): the week, or %NULL when @number is outside the program
 */
const PrehabProgramWeek *
prehab_program_get_week (const PrehabProgram *program,
                         guint                number)
{
  g_return_val_if_fail (program != NULL, NULL);

  if (number < 1 || number > program->n_weeks)
    return NULL;

  return &program->weeks[number - 1];
}
