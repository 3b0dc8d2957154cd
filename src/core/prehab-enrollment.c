/* prehab-enrollment.c
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

#define G_LOG_DOMAIN "prehab-enrollment"

#include "config.h"

#include "prehab-enrollment.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-program.h"
#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

typedef struct
{
  const PrehabEnrollmentSettings *settings;
  gint64                          id;
  char                           *now;
} StartData;

/* What nearly every home has: a carpet does for a mat. */
static const char * const default_equipment[] = {
  "mat", "towel", "chair", "wall", "door-frame", NULL
};

/**
 * prehab_default_equipment:
 *
 * Returns: (transfer none): the equipment assumed when none is given
 */
const char * const *
prehab_default_equipment (void)
{
  return default_equipment;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * prehab_enrollment_settings_validate:
 * @settings: the settings to check
 * @today: today as YYYY-MM-DD
 * @error: return location for a %PREHAB_STORE_ERROR_INVALID error
 *
 * Checks what a person chose before anything is written: a real start date
 * not after @today, at least one training day, known equipment and red
 * flags, a pain rating from 0 to 10.
 *
 * Returns: %TRUE when the settings can be saved
 */
gboolean
prehab_enrollment_settings_validate (const PrehabEnrollmentSettings *settings,
                                     const char                     *today,
                                     GError                        **error)
{
  guint32 start;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  start = prehab_date_to_day (settings->start_date);
  if (start == 0)
    return invalid (error, _("“%s” is not a date; use YYYY-MM-DD"),
                    settings->start_date ? settings->start_date : "");
  if (start > prehab_date_to_day (today))
    return invalid (error, _("The program cannot start in the future (%s)"),
                    settings->start_date);

  if ((settings->training_days & 0x7f) == 0 || settings->training_days > 0x7f)
    return invalid (error, _("Choose at least one training day"));

  for (guint i = 0; settings->equipment != NULL && settings->equipment[i] != NULL; i++)
    if (!prehab_vocabulary_contains (prehab_equipment, settings->equipment[i]))
      {
        g_autofree char *known = prehab_vocabulary_join_ids (prehab_equipment);
        return invalid (error, _("Unknown equipment “%s”; use one of %s"),
                        settings->equipment[i], known);
      }

  for (guint i = 0; settings->flags != NULL && settings->flags[i] != NULL; i++)
    if (prehab_red_flag_lookup (settings->flags[i]) == NULL)
      return invalid (error, _("Unknown warning sign “%s”"), settings->flags[i]);

  if (settings->has_baseline && (settings->baseline_pain < 0 || settings->baseline_pain > 10))
    return invalid (error, _("Pain must be a whole number from 0 to 10"));

  return TRUE;
}

static gboolean
write_lists (PrehabStore                    *store,
             gint64                          id,
             const PrehabEnrollmentSettings *settings,
             const char                     *now,
             GError                        **error)
{
  g_autoptr (PrehabStatement) clear_equipment = NULL;
  g_autoptr (PrehabStatement) clear_flags = NULL;

  clear_equipment = prehab_store_prepare (store,
                                          "DELETE FROM enrollment_equipment WHERE enrollment_id = ?1",
                                          error);
  if (clear_equipment == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear_equipment, 1, id);
  if (!prehab_store_step_done (store, clear_equipment, error))
    return FALSE;

  for (guint i = 0; settings->equipment != NULL && settings->equipment[i] != NULL; i++)
    {
      g_autoptr (PrehabStatement) add = NULL;

      add = prehab_store_prepare (store,
                                  "INSERT OR IGNORE INTO enrollment_equipment "
                                  "(enrollment_id, equipment_id) VALUES (?1, ?2)",
                                  error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, id);
      sqlite3_bind_text (add, 2, settings->equipment[i], -1, SQLITE_TRANSIENT);
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
    }

  /* Flags that are still answered "yes" keep the time they were first
   * reported, so a review of the set-up does not undo a clearance. */
  clear_flags = prehab_store_prepare (store,
                                      "DELETE FROM enrollment_flag WHERE enrollment_id = ?1",
                                      error);
  if (clear_flags == NULL)
    return FALSE;

  {
    g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr (PrehabStatement) old = NULL;
    int rc;

    old = prehab_store_prepare (store,
                                "SELECT flag, reported_at FROM enrollment_flag "
                                "WHERE enrollment_id = ?1",
                                error);
    if (old == NULL)
      return FALSE;
    sqlite3_bind_int64 (old, 1, id);
    while ((rc = prehab_store_step_row (store, old, error)) > 0)
      g_hash_table_insert (kept, g_strdup ((const char *) sqlite3_column_text (old, 0)),
                           g_strdup ((const char *) sqlite3_column_text (old, 1)));
    if (rc < 0)
      return FALSE;

    sqlite3_bind_int64 (clear_flags, 1, id);
    if (!prehab_store_step_done (store, clear_flags, error))
      return FALSE;

    for (guint i = 0; settings->flags != NULL && settings->flags[i] != NULL; i++)
      {
        g_autoptr (PrehabStatement) add = NULL;
        const char *reported = g_hash_table_lookup (kept, settings->flags[i]);

        add = prehab_store_prepare (store,
                                    "INSERT OR IGNORE INTO enrollment_flag "
                                    "(enrollment_id, flag, reported_at) VALUES (?1, ?2, ?3)",
                                    error);
        if (add == NULL)
          return FALSE;
        sqlite3_bind_int64 (add, 1, id);
        sqlite3_bind_text (add, 2, settings->flags[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (add, 3, reported ? reported : now, -1, SQLITE_TRANSIENT);
        if (!prehab_store_step_done (store, add, error))
          return FALSE;
      }
  }

  return TRUE;
}

static gboolean
start_cb (PrehabStore  *store,
          gpointer      user_data,
          GError      **error)
{
  StartData *data = user_data;
  const PrehabEnrollmentSettings *settings = data->settings;
  g_autoptr (PrehabStatement) end = NULL;
  g_autoptr (PrehabStatement) add = NULL;

  end = prehab_store_prepare (store,
                              "UPDATE enrollment SET ended_at = ?1 WHERE ended_at IS NULL",
                              error);
  if (end == NULL)
    return FALSE;
  sqlite3_bind_text (end, 1, data->now, -1, SQLITE_TRANSIENT);
  if (!prehab_store_step_done (store, end, error))
    return FALSE;

  add = prehab_store_prepare (store,
                              "INSERT INTO enrollment (program_id, start_date, training_days, created_at) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_text (add, 1, settings->program_id ? settings->program_id : PREHAB_DEFAULT_PROGRAM,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (add, 2, settings->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (add, 3, settings->training_days);
  sqlite3_bind_text (add, 4, data->now, -1, SQLITE_TRANSIENT);
  if (!prehab_store_step_done (store, add, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (prehab_store_get_db (store));

  if (!write_lists (store, data->id, settings, data->now, error))
    return FALSE;

  if (settings->has_baseline)
    {
      g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();

      /* The rating describes the start, so it is dated on the start day.
       * It goes through the journal, which numbers entries past any
       * deleted one an Undo may still bring back. */
      entry->logged_at = g_strdup_printf ("%s %.5s", settings->start_date, data->now + 11);
      entry->pain = settings->baseline_pain;
      if (prehab_journal_add_entry (store, entry, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * prehab_enrollment_start:
 * @store: an open store
 * @settings: what the person chose
 * @error: return location for an error
 *
 * Starts the program: ends any run in progress (its history stays), then
 * writes the new enrollment, its equipment and safety answers, and the first
 * pain rating when there is one, all in one transaction.
 *
 * Returns: the new enrollment's id, or 0 on error
 */
gint64
prehab_enrollment_start (PrehabStore                    *store,
                         const PrehabEnrollmentSettings *settings,
                         GError                        **error)
{
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *now = prehab_date_dup_now_seconds ();
  StartData data = { settings, 0, now };

  g_return_val_if_fail (PREHAB_IS_STORE (store), 0);
  g_return_val_if_fail (settings != NULL, 0);

  if (!prehab_enrollment_settings_validate (settings, today, error))
    return 0;

  if (!prehab_store_transaction (store, start_cb, &data, error))
    return 0;

  return data.id;
}

typedef struct
{
  const PrehabEnrollmentSettings *settings;
  gint64                          id;
  const char                     *now;
} UpdateData;

static gboolean
update_cb (PrehabStore  *store,
           gpointer      user_data,
           GError      **error)
{
  UpdateData *data = user_data;
  g_autoptr (PrehabStatement) update = NULL;

  update = prehab_store_prepare (store,
                                 "UPDATE enrollment SET start_date = ?2, training_days = ?3 "
                                 "WHERE id = ?1 AND ended_at IS NULL",
                                 error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, data->id);
  sqlite3_bind_text (update, 2, data->settings->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (update, 3, data->settings->training_days);
  if (!prehab_store_step_done (store, update, error))
    return FALSE;

  if (sqlite3_changes (prehab_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                           _("This program has ended; start a new one instead"));
      return FALSE;
    }

  return write_lists (store, data->id, data->settings, data->now, error);
}

/**
 * prehab_enrollment_update:
 * @store: an open store
 * @id: the enrollment to change
 * @settings: the new choices; the baseline is ignored
 * @error: return location for an error
 *
 * Saves a review of the set-up: start date, training days, equipment and the
 * safety answers. Sessions and the journal are left as they are.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_enrollment_update (PrehabStore                    *store,
                          gint64                          id,
                          const PrehabEnrollmentSettings *settings,
                          GError                        **error)
{
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *now = prehab_date_dup_now_seconds ();
  PrehabEnrollmentSettings checked = *settings;
  UpdateData data = { &checked, id, now };

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  checked.has_baseline = FALSE;
  if (!prehab_enrollment_settings_validate (&checked, today, error))
    return FALSE;

  return prehab_store_transaction (store, update_cb, &data, error);
}

typedef struct
{
  gint64      id;
  const char *now;
} ClearData;

static gboolean
clear_cb (PrehabStore  *store,
          gpointer      user_data,
          GError      **error)
{
  ClearData *data = user_data;
  g_autoptr (PrehabStatement) stmt = NULL;

  stmt = prehab_store_prepare (store,
                               "UPDATE enrollment SET cleared_at = ?2 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_text (stmt, 2, data->now, -1, SQLITE_TRANSIENT);
  return prehab_store_step_done (store, stmt, error);
}

/**
 * prehab_enrollment_confirm_cleared:
 * @store: an open store
 * @id: the enrollment
 * @error: return location for an error
 *
 * Records that a clinician cleared the person to exercise: warning signs and
 * stops reported before now no longer pause strength work.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_enrollment_confirm_cleared (PrehabStore  *store,
                                   gint64        id,
                                   GError      **error)
{
  g_autofree char *now = prehab_date_dup_now_seconds ();
  ClearData data = { id, now };

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);

  return prehab_store_transaction (store, clear_cb, &data, error);
}

static GStrv
load_ids (PrehabStore  *store,
          const char   *sql,
          gint64        id,
          char        **first_time,
          GError      **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      if (first_time != NULL && *first_time == NULL)
        *first_time = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc < 0)
    return NULL;

  return g_strv_builder_end (builder);
}

static PrehabEnrollment *
load_active_in_snapshot (PrehabStore  *store,
                         GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autoptr (PrehabEnrollment) self = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, program_id, start_date, training_days, cleared_at "
                               "FROM enrollment WHERE ended_at IS NULL "
                               "ORDER BY id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return NULL;

  rc = prehab_store_step_row (store, stmt, error);
  if (rc <= 0)
    return NULL;

  self = g_new0 (PrehabEnrollment, 1);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->program_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->start_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->training_days = sqlite3_column_int (stmt, 3);
  self->cleared_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_clear_pointer (&stmt, prehab_statement_release);

  self->equipment = load_ids (store,
                              "SELECT equipment_id FROM enrollment_equipment "
                              "WHERE enrollment_id = ?1 ORDER BY equipment_id",
                              self->id, NULL, error);
  if (self->equipment == NULL)
    return NULL;

  self->flags = load_ids (store,
                          "SELECT flag, reported_at FROM enrollment_flag "
                          "WHERE enrollment_id = ?1 ORDER BY reported_at DESC, flag",
                          self->id, &self->flags_reported_at, error);
  if (self->flags == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * prehab_enrollment_load_active:
 * @store: an open store
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the program in progress, or %NULL
 *   without an error when none was started
 */
PrehabEnrollment *
prehab_enrollment_load_active (PrehabStore  *store,
                               GError      **error)
{
  PrehabEnrollment *self;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_enrollment", error))
    return NULL;

  self = load_active_in_snapshot (store, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_enrollment", NULL);

  return self;
}

gboolean
prehab_enrollment_has_equipment (const PrehabEnrollment *self,
                                 const char             *equipment_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->equipment != NULL &&
         g_strv_contains ((const char * const *) self->equipment, equipment_id);
}

void
prehab_enrollment_free (PrehabEnrollment *self)
{
  if (self == NULL)
    return;

  g_free (self->program_id);
  g_free (self->start_date);
  g_strfreev (self->equipment);
  g_strfreev (self->flags);
  g_free (self->flags_reported_at);
  g_free (self->cleared_at);
  g_free (self);
}
