/* prehab-catalog.c
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

#define G_LOG_DOMAIN "prehab-catalog"

#include "config.h"

#include "prehab-catalog.h"
#include "prehab-catalog-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "prehab-core-resources.h"
#include "prehab-store-private.h"

/* The catalog (data/content/catalog.xml) holds the equipment, the built-in
 * triggers, every exercise and the programs. prehab-catalog-parser.c reads
 * it; this file writes it into the store whenever its checksum differs from
 * the one recorded at the last sync. Only rows marked builtin are written; content that left the
 * catalog is retired so the person's history keeps its references. */

#define CATALOG_PATH RESOURCE_BASE "/content/catalog.xml"

static void
bind_count (PrehabStatement *stmt,
            int              column,
            int              value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
run (PrehabStore  *store,
     const char   *sql,
     GError      **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);

  return stmt != NULL && prehab_store_step_done (store, stmt, error);
}

/* Upserts built-in rows that are an id, a name and an order. */
static gboolean
upsert_named (PrehabStore  *store,
              const char   *sql,
              GPtrArray    *items,
              GError      **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      CatalogNamed *named = g_ptr_array_index (items, i);
      g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, named->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, named->name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
sync_equipment_and_triggers (PrehabStore        *store,
                             PrehabCatalogData  *catalog,
                             GError            **error)
{
  return run (store, "UPDATE equipment SET retired = 1 WHERE builtin = 1", error) &&
         run (store, "UPDATE pain_trigger SET retired = 1 WHERE builtin_id IS NOT NULL", error) &&
         upsert_named (store,
                       "INSERT INTO equipment (id, name, builtin, retired, sort_order) "
                       "VALUES (?1, ?2, 1, 0, ?3) "
                       "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                       "  retired = 0, sort_order = excluded.sort_order "
                       "WHERE builtin = 1",
                       catalog->equipment, error) &&
         upsert_named (store,
                       "INSERT INTO pain_trigger (builtin_id, name, retired, sort_order) "
                       "VALUES (?1, ?2, 0, ?3) "
                       "ON CONFLICT (builtin_id) DO UPDATE SET name = excluded.name, "
                       "  retired = 0, sort_order = excluded.sort_order",
                       catalog->triggers, error);
}

static gboolean
insert_pair (PrehabStore  *store,
             const char   *sql,
             const char   *first,
             const char   *second,
             GError      **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, second, -1, SQLITE_STATIC);
  return prehab_store_step_done (store, stmt, error);
}

static gboolean
insert_texts (PrehabStore  *store,
              const char   *exercise_id,
              const char   *kind,
              GPtrArray    *texts,
              GError      **error)
{
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr (PrehabStatement) stmt = NULL;

      stmt = prehab_store_prepare (store,
                                   "INSERT INTO exercise_text (exercise_id, kind, position, body) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, exercise_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, g_ptr_array_index (texts, i), -1, SQLITE_STATIC);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes one exercise and its details. When the id belongs to one of the
 * person's own exercises, theirs is left alone and *written is FALSE. */
static gboolean
sync_exercise (PrehabStore  *store,
               CatalogExercise     *exercise,
               int           sort_order,
               gboolean     *written,
               GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;

  *written = FALSE;

  stmt = prehab_store_prepare (store,
                               "INSERT INTO exercise (id, name, summary, category, position, sets, "
                               "  reps, hold_s, duration_s, per_side, tempo, rest_s, builtin, "
                               "  retired, sort_order) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, 0, ?13) "
                               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                               "  summary = excluded.summary, category = excluded.category, "
                               "  position = excluded.position, sets = excluded.sets, "
                               "  reps = excluded.reps, hold_s = excluded.hold_s, "
                               "  duration_s = excluded.duration_s, per_side = excluded.per_side, "
                               "  tempo = excluded.tempo, rest_s = excluded.rest_s, retired = 0, "
                               "  sort_order = excluded.sort_order "
                               "WHERE builtin = 1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, exercise->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, exercise->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, exercise->summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, exercise->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, exercise->position, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, exercise->sets);
  bind_count (stmt, 7, exercise->reps);
  bind_count (stmt, 8, exercise->hold_s);
  bind_count (stmt, 9, exercise->duration_s);
  sqlite3_bind_int (stmt, 10, exercise->per_side);
  prehab_statement_bind_text (stmt, 11, exercise->tempo);
  sqlite3_bind_int (stmt, 12, exercise->rest_s);
  sqlite3_bind_int (stmt, 13, sort_order);
  if (!prehab_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (prehab_store_get_db (store)) == 0)
    {
      g_message ("The catalog’s exercise “%s” has the id of one of your own exercises; "
                 "yours was kept", exercise->id);
      return TRUE;
    }

  for (guint i = 0; exercise->phases[i] != NULL; i++)
    if (!insert_pair (store, "INSERT INTO exercise_phase (exercise_id, phase) VALUES (?1, ?2)",
                      exercise->id, exercise->phases[i], error))
      return FALSE;

  for (guint i = 0; exercise->movements[i] != NULL; i++)
    if (!insert_pair (store,
                      "INSERT INTO exercise_movement (exercise_id, movement) VALUES (?1, ?2)",
                      exercise->id, exercise->movements[i], error))
      return FALSE;

  for (guint i = 0; exercise->planes[i] != NULL; i++)
    if (!insert_pair (store, "INSERT INTO exercise_plane (exercise_id, plane) VALUES (?1, ?2)",
                      exercise->id, exercise->planes[i], error))
      return FALSE;

  for (guint i = 0; i < exercise->uses->len; i++)
    {
      CatalogUse *use = g_ptr_array_index (exercise->uses, i);
      g_autoptr (PrehabStatement) use_stmt = NULL;

      use_stmt = prehab_store_prepare (store,
                                       "INSERT INTO exercise_equipment "
                                       "  (exercise_id, equipment_id, alt_group, optional) "
                                       "VALUES (?1, ?2, ?3, ?4)",
                                       error);
      if (use_stmt == NULL)
        return FALSE;

      sqlite3_bind_text (use_stmt, 1, exercise->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (use_stmt, 2, use->ref, -1, SQLITE_STATIC);
      sqlite3_bind_int (use_stmt, 3, use->group);
      sqlite3_bind_int (use_stmt, 4, use->optional);
      if (!prehab_store_step_done (store, use_stmt, error))
        return FALSE;
    }

  if (!insert_texts (store, exercise->id, "step", exercise->steps, error) ||
      !insert_texts (store, exercise->id, "cue", exercise->cues, error) ||
      !insert_texts (store, exercise->id, "caution", exercise->cautions, error))
    return FALSE;

  *written = TRUE;
  return TRUE;
}

static gboolean
sync_variants (PrehabStore  *store,
               CatalogExercise     *exercise,
               GError      **error)
{
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *refs = k == 0 ? exercise->easier : exercise->harder;

      for (guint i = 0; i < refs->len; i++)
        {
          g_autoptr (PrehabStatement) stmt = NULL;

          stmt = prehab_store_prepare (store,
                                       "INSERT OR IGNORE INTO exercise_variant "
                                       "  (exercise_id, variant_id, kind) VALUES (?1, ?2, ?3)",
                                       error);
          if (stmt == NULL)
            return FALSE;

          sqlite3_bind_text (stmt, 1, exercise->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, g_ptr_array_index (refs, i), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, k == 0 ? "easier" : "harder", -1, SQLITE_STATIC);
          if (!prehab_store_step_done (store, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
sync_exercises (PrehabStore        *store,
                PrehabCatalogData  *catalog,
                GError            **error)
{
  g_autoptr (GPtrArray) written = g_ptr_array_new ();

  /* Details of built-in exercises are rewritten whole; the person's own
   * exercises (builtin = 0) keep theirs. */
  if (!run (store, "UPDATE exercise SET retired = 1 WHERE builtin = 1", error) ||
      !run (store, "DELETE FROM exercise_phase WHERE exercise_id IN "
                   "(SELECT id FROM exercise WHERE builtin = 1)", error) ||
      !run (store, "DELETE FROM exercise_movement WHERE exercise_id IN "
                   "(SELECT id FROM exercise WHERE builtin = 1)", error) ||
      !run (store, "DELETE FROM exercise_plane WHERE exercise_id IN "
                   "(SELECT id FROM exercise WHERE builtin = 1)", error) ||
      !run (store, "DELETE FROM exercise_equipment WHERE exercise_id IN "
                   "(SELECT id FROM exercise WHERE builtin = 1)", error) ||
      !run (store, "DELETE FROM exercise_text WHERE exercise_id IN "
                   "(SELECT id FROM exercise WHERE builtin = 1)", error) ||
      !run (store, "DELETE FROM exercise_variant WHERE exercise_id IN "
                   "(SELECT id FROM exercise WHERE builtin = 1)", error))
    return FALSE;

  for (guint i = 0; i < catalog->exercises->len; i++)
    {
      CatalogExercise *exercise = g_ptr_array_index (catalog->exercises, i);
      gboolean was_written;

      if (!sync_exercise (store, exercise, (int) i, &was_written, error))
        return FALSE;
      if (was_written)
        g_ptr_array_add (written, exercise);
    }

  /* Variants last: they point at exercises that must exist first. */
  for (guint i = 0; i < written->len; i++)
    if (!sync_variants (store, g_ptr_array_index (written, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
sync_programs (PrehabStore        *store,
               PrehabCatalogData  *catalog,
               GError            **error)
{
  if (!run (store, "UPDATE program SET retired = 1 WHERE builtin = 1", error) ||
      !run (store, "DELETE FROM program_week WHERE program_id IN "
                   "(SELECT id FROM program WHERE builtin = 1)", error))
    return FALSE;

  for (guint i = 0; i < catalog->programs->len; i++)
    {
      CatalogProgram *program = g_ptr_array_index (catalog->programs, i);
      g_autoptr (PrehabStatement) stmt = NULL;

      stmt = prehab_store_prepare (store,
                                   "INSERT INTO program (id, name, description, weeks, builtin, retired) "
                                   "VALUES (?1, ?2, ?3, ?4, 1, 0) "
                                   "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                   "  description = excluded.description, weeks = excluded.weeks, "
                                   "  retired = 0 "
                                   "WHERE builtin = 1",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, program->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, program->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, program->description != NULL ? program->description : "",
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, program->weeks);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;

      if (sqlite3_changes (prehab_store_get_db (store)) == 0)
        continue;

      for (guint w = 0; w < program->week_list->len; w++)
        {
          CatalogWeek *week = g_ptr_array_index (program->week_list, w);
          g_autoptr (PrehabStatement) week_stmt = NULL;
          int daily = 0, training = 0;

          week_stmt = prehab_store_prepare (store,
                                            "INSERT INTO program_week (program_id, week, phase, focus) "
                                            "VALUES (?1, ?2, ?3, ?4)",
                                            error);
          if (week_stmt == NULL)
            return FALSE;

          sqlite3_bind_text (week_stmt, 1, program->id, -1, SQLITE_STATIC);
          sqlite3_bind_int (week_stmt, 2, week->number);
          sqlite3_bind_text (week_stmt, 3, week->phase, -1, SQLITE_STATIC);
          sqlite3_bind_text (week_stmt, 4, week->focus != NULL ? week->focus : "", -1,
                             SQLITE_STATIC);
          if (!prehab_store_step_done (store, week_stmt, error))
            return FALSE;

          for (guint j = 0; j < week->items->len; j++)
            {
              CatalogItem *item = g_ptr_array_index (week->items, j);
              gboolean is_daily = g_str_equal (item->kind, "daily");
              g_autoptr (PrehabStatement) item_stmt = NULL;

              item_stmt = prehab_store_prepare (store,
                                                "INSERT INTO program_item (program_id, week, kind, "
                                                "  position, exercise_id, sets, reps, hold_s, "
                                                "  duration_s) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                                error);
              if (item_stmt == NULL)
                return FALSE;

              sqlite3_bind_text (item_stmt, 1, program->id, -1, SQLITE_STATIC);
              sqlite3_bind_int (item_stmt, 2, week->number);
              sqlite3_bind_text (item_stmt, 3, item->kind, -1, SQLITE_STATIC);
              sqlite3_bind_int (item_stmt, 4, is_daily ? daily++ : training++);
              sqlite3_bind_text (item_stmt, 5, item->ref, -1, SQLITE_STATIC);
              bind_count (item_stmt, 6, item->sets);
              bind_count (item_stmt, 7, item->reps);
              bind_count (item_stmt, 8, item->hold_s);
              bind_count (item_stmt, 9, item->duration_s);
              if (!prehab_store_step_done (store, item_stmt, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
sync_cb (PrehabStore  *store,
         gpointer      user_data,
         GError      **error)
{
  PrehabCatalogData *catalog = user_data;

  return sync_equipment_and_triggers (store, catalog, error) &&
         sync_exercises (store, catalog, error) &&
         sync_programs (store, catalog, error) &&
         prehab_store_set_meta (store, "content_checksum", catalog->checksum, error);
}

/**
 * prehab_catalog_dup_builtin_content:
 *
 * Returns: (transfer full): the catalog compiled into Prehab
 */
GBytes *
prehab_catalog_dup_builtin_content (void)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (prehab_core_get_resource (), CATALOG_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The exercise catalog is missing from the resources: %s", error->message);

  return bytes;
}

/**
 * prehab_catalog_sync:
 * @store: an open store
 * @content: the catalog XML
 * @changed: (out) (optional): whether anything was written
 * @error: return location for an error
 *
 * Brings the built-in content of @store in line with @content in one
 * transaction, unless it was already synced from the same bytes. The
 * person's own rows and all history are left untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_catalog_sync (PrehabStore  *store,
                     GBytes       *content,
                     gboolean     *changed,
                     GError      **error)
{
  g_autoptr (PrehabCatalogData) catalog = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *synced = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  synced = prehab_store_dup_meta (store, "content_checksum", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (checksum, synced) == 0)
    return TRUE;

  catalog = prehab_catalog_data_parse (content, error);
  if (catalog == NULL)
    return FALSE;
  catalog->checksum = g_steal_pointer (&checksum);

  if (!prehab_store_transaction (store, sync_cb, catalog, error))
    return FALSE;

  if (changed != NULL)
    *changed = TRUE;

  return TRUE;
}

/**
 * prehab_catalog_open_store:
 * @data_dir: (nullable): the folder of the journal, or %NULL for the default
 * @error: return location for an error
 *
 * Opens the store as prehab_store_open() does and brings its exercises and
 * programs up to date with the catalog built into Prehab. The window and
 * every command-line verb start here.
 *
 * Returns: (transfer full) (nullable): the store
 */
PrehabStore *
prehab_catalog_open_store (const char  *data_dir,
                           GError     **error)
{
  g_autoptr (PrehabStore) store = prehab_store_open (data_dir, error);
  g_autoptr (GBytes) content = NULL;

  if (store == NULL)
    return NULL;

  content = prehab_catalog_dup_builtin_content ();
  if (!prehab_catalog_sync (store, content, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}
