/* prehab-export.c
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

#define G_LOG_DOMAIN "prehab-export"

#include "config.h"

#include "prehab-export.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

/* Everything is read inside one savepoint, so a backup is one snapshot of
 * the journal even while the window or another verb writes. Rows are
 * always written in a fixed order (by time, then id) and numbers only as
 * integers, so the same journal always gives the same bytes. */

G_DEFINE_QUARK (prehab-export-error-quark, prehab_export_error)

static const char *const format_names[] = {
  [PREHAB_EXPORT_JSON] = "json",
  [PREHAB_EXPORT_CSV_ENTRIES] = "csv-entries",
  [PREHAB_EXPORT_CSV_SESSIONS] = "csv-sessions",
};

/**
 * prehab_export_format_parse:
 * @name: "json", "csv-entries" or "csv-sessions"
 * @format: (out): the format
 *
 * Returns: %TRUE when @name is a format
 */
gboolean
prehab_export_format_parse (const char         *name,
                            PrehabExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        *format = (PrehabExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

const char *
prehab_export_format_to_string (PrehabExportFormat format)
{
  g_return_val_if_fail (format <= PREHAB_EXPORT_CSV_SESSIONS, NULL);

  return format_names[format];
}

/**
 * prehab_export_dup_file_name:
 * @format: the format
 * @date: the day, YYYY-MM-DD
 *
 * Returns: the name to suggest for a file of @format made on @date, such
 *   as prehab-backup-2026-03-01.json (not translated: a file name that
 *   travels between systems)
 */
char *
prehab_export_dup_file_name (PrehabExportFormat  format,
                             const char         *date)
{
  switch (format)
    {
    case PREHAB_EXPORT_JSON:
      return g_strdup_printf ("prehab-backup-%s.json", date);
    case PREHAB_EXPORT_CSV_ENTRIES:
      return g_strdup_printf ("prehab-pain-entries-%s.csv", date);
    case PREHAB_EXPORT_CSV_SESSIONS:
      return g_strdup_printf ("prehab-sessions-%s.csv", date);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Times are stored as "YYYY-MM-DD HH:MM[:SS]"; files carry ISO 8601's
 * "YYYY-MM-DDTHH:MM[:SS]". */
static char *
dup_iso_time (const char *stored)
{
  char *iso = g_strdup (stored);

  if (iso != NULL && strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  return iso;
}

static const char *
column_text (PrehabStatement *stmt,
             int              column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Lists of tags keyed by the owner's row id, read in one pass per table. */
static GHashTable *
tag_map_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

static void
tag_map_add (GHashTable *map,
             gint64      owner,
             const char *tag)
{
  GPtrArray *tags = g_hash_table_lookup (map, &owner);

  if (tags == NULL)
    {
      tags = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (map, g_memdup2 (&owner, sizeof owner), tags);
    }
  g_ptr_array_add (tags, g_strdup (tag));
}

static GPtrArray *
tag_map_get (GHashTable *map,
             gint64      owner)
{
  return g_hash_table_lookup (map, &owner);
}

/* @sql selects (owner id, text), ordered as the file lists them. */
static GHashTable *
load_tag_map (PrehabStore  *store,
              const char   *sql,
              GError      **error)
{
  g_autoptr (GHashTable) map = tag_map_new ();
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    tag_map_add (map, sqlite3_column_int64 (stmt, 0), column_text (stmt, 1));
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&map);
}

/* JSON --------------------------------------------------------------- */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time_or_null (JsonBuilder *builder,
                  const char  *name,
                  const char  *stored)
{
  g_autofree char *iso = dup_iso_time (stored);

  add_string_or_null (builder, name, iso);
}

static void
add_int_column (JsonBuilder     *builder,
                const char      *name,
                PrehabStatement *stmt,
                int              column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

static void
add_tag_array (JsonBuilder *builder,
               const char  *name,
               GPtrArray   *tags)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    json_builder_add_string_value (builder, tags->pdata[i]);
  json_builder_end_array (builder);
}

static gboolean
add_enrollments (PrehabStore  *store,
                 JsonBuilder  *builder,
                 GError      **error)
{
  g_autoptr (GHashTable) equipment = NULL;
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  equipment = load_tag_map (store,
                            "SELECT enrollment_id, equipment_id FROM enrollment_equipment "
                            "ORDER BY enrollment_id, equipment_id",
                            error);
  if (equipment == NULL)
    return FALSE;

  stmt = prehab_store_prepare (store,
                               "SELECT id, program_id, start_date, training_days, cleared_at, "
                               "       ended_at, created_at "
                               "FROM enrollment ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "enrollments");
  json_builder_begin_array (builder);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int days = sqlite3_column_int (stmt, 3);
      g_autoptr (PrehabStatement) flag_stmt = NULL;
      int flag_rc;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      add_string_or_null (builder, "program", column_text (stmt, 1));
      add_string_or_null (builder, "start_date", column_text (stmt, 2));
      json_builder_set_member_name (builder, "training_days");
      json_builder_begin_array (builder);
      for (int day = 0; day < 7; day++)
        if (days & (1 << day))
          json_builder_add_string_value (builder, prehab_weekdays[day].id);
      json_builder_end_array (builder);
      add_tag_array (builder, "equipment", tag_map_get (equipment, id));

      flag_stmt = prehab_store_prepare (store,
                                        "SELECT flag, reported_at FROM enrollment_flag "
                                        "WHERE enrollment_id = ?1 ORDER BY flag",
                                        error);
      if (flag_stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (flag_stmt, 1, id);
      json_builder_set_member_name (builder, "flags");
      json_builder_begin_array (builder);
      while ((flag_rc = prehab_store_step_row (store, flag_stmt, error)) > 0)
        {
          json_builder_begin_object (builder);
          add_string_or_null (builder, "flag", column_text (flag_stmt, 0));
          add_time_or_null (builder, "reported_at", column_text (flag_stmt, 1));
          json_builder_end_object (builder);
        }
      if (flag_rc < 0)
        return FALSE;
      json_builder_end_array (builder);

      add_time_or_null (builder, "cleared_at", column_text (stmt, 4));
      add_time_or_null (builder, "ended_at", column_text (stmt, 5));
      add_time_or_null (builder, "created_at", column_text (stmt, 6));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == 0;
}

static gboolean
add_own_triggers (PrehabStore  *store,
                  JsonBuilder  *builder,
                  GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, name, retired, created_at FROM pain_trigger "
                               "WHERE builtin_id IS NULL ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "own_triggers");
  json_builder_begin_array (builder);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      add_string_or_null (builder, "name", column_text (stmt, 1));
      json_builder_set_member_name (builder, "retired");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 2) != 0);
      add_time_or_null (builder, "created_at", column_text (stmt, 3));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == 0;
}

typedef struct
{
  GHashTable *regions;
  GHashTable *qualities;
  GHashTable *flags;
  GHashTable *builtin_triggers;
  GHashTable *own_triggers;   /* ids as decimal text */
  GHashTable *trigger_keys;   /* built-in id or own name, for CSV */
} EntryTags;

static void
entry_tags_clear (EntryTags *tags)
{
  g_clear_pointer (&tags->regions, g_hash_table_unref);
  g_clear_pointer (&tags->qualities, g_hash_table_unref);
  g_clear_pointer (&tags->flags, g_hash_table_unref);
  g_clear_pointer (&tags->builtin_triggers, g_hash_table_unref);
  g_clear_pointer (&tags->own_triggers, g_hash_table_unref);
  g_clear_pointer (&tags->trigger_keys, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntryTags, entry_tags_clear)

static gboolean
load_entry_tags (PrehabStore  *store,
                 EntryTags    *tags,
                 GError      **error)
{
  tags->regions = load_tag_map (store,
                                "SELECT entry_id, region FROM pain_entry_region "
                                "ORDER BY entry_id, region",
                                error);
  if (tags->regions == NULL)
    return FALSE;
  tags->qualities = load_tag_map (store,
                                  "SELECT entry_id, quality FROM pain_entry_quality "
                                  "ORDER BY entry_id, quality",
                                  error);
  if (tags->qualities == NULL)
    return FALSE;
  tags->flags = load_tag_map (store,
                              "SELECT entry_id, flag FROM pain_entry_flag "
                              "ORDER BY entry_id, flag",
                              error);
  if (tags->flags == NULL)
    return FALSE;
  tags->builtin_triggers = load_tag_map (store,
                                         "SELECT pt.entry_id, t.builtin_id FROM pain_entry_trigger pt "
                                         "JOIN pain_trigger t ON t.id = pt.trigger_id "
                                         "WHERE t.builtin_id IS NOT NULL "
                                         "ORDER BY pt.entry_id, t.builtin_id",
                                         error);
  if (tags->builtin_triggers == NULL)
    return FALSE;
  tags->own_triggers = load_tag_map (store,
                                     "SELECT pt.entry_id, CAST (t.id AS TEXT) FROM pain_entry_trigger pt "
                                     "JOIN pain_trigger t ON t.id = pt.trigger_id "
                                     "WHERE t.builtin_id IS NULL "
                                     "ORDER BY pt.entry_id, t.id",
                                     error);
  if (tags->own_triggers == NULL)
    return FALSE;
  /* The order of the journal's own lists: the catalog's, then own
   * triggers in the order they were made. */
  tags->trigger_keys = load_tag_map (store,
                                     "SELECT pt.entry_id, coalesce (t.builtin_id, t.name) "
                                     "FROM pain_entry_trigger pt "
                                     "JOIN pain_trigger t ON t.id = pt.trigger_id "
                                     "ORDER BY pt.entry_id, t.builtin_id IS NULL, t.sort_order, t.id",
                                     error);
  return tags->trigger_keys != NULL;
}

static gboolean
add_entries (PrehabStore  *store,
             JsonBuilder  *builder,
             GError      **error)
{
  g_auto (EntryTags) tags = { NULL };
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  if (!load_entry_tags (store, &tags, error))
    return FALSE;

  stmt = prehab_store_prepare (store,
                               "SELECT id, logged_at, context, pain, note, session_id, "
                               "       created_at, updated_at "
                               "FROM pain_entry ORDER BY logged_at, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *own = tag_map_get (tags.own_triggers, id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      add_time_or_null (builder, "logged_at", column_text (stmt, 1));
      add_string_or_null (builder, "context", column_text (stmt, 2));
      json_builder_set_member_name (builder, "pain");
      json_builder_add_int_value (builder, sqlite3_column_int (stmt, 3));
      add_tag_array (builder, "regions", tag_map_get (tags.regions, id));
      add_tag_array (builder, "qualities", tag_map_get (tags.qualities, id));
      add_tag_array (builder, "flags", tag_map_get (tags.flags, id));
      add_tag_array (builder, "builtin_triggers", tag_map_get (tags.builtin_triggers, id));
      json_builder_set_member_name (builder, "own_triggers");
      json_builder_begin_array (builder);
      for (guint i = 0; own != NULL && i < own->len; i++)
        json_builder_add_int_value (builder, g_ascii_strtoll (own->pdata[i], NULL, 10));
      json_builder_end_array (builder);
      add_int_column (builder, "session", stmt, 5);
      add_string_or_null (builder, "note", column_text (stmt, 4));
      add_time_or_null (builder, "created_at", column_text (stmt, 6));
      add_time_or_null (builder, "updated_at", column_text (stmt, 7));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == 0;
}

static void
add_dose (JsonBuilder     *builder,
          const char      *name,
          PrehabStatement *stmt,
          int              first_column)
{
  static const char *const fields[] = { "sets", "reps", "hold_s", "duration_s" };

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add_int_column (builder, fields[i], stmt, first_column + (int) i);
  json_builder_end_object (builder);
}

static gboolean
add_sessions (PrehabStore  *store,
              JsonBuilder  *builder,
              GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, enrollment_id, date, kind, status, pain_during, "
                               "       pain_after, note, started_at, finished_at "
                               "FROM session ORDER BY date, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      g_autoptr (PrehabStatement) items = NULL;
      int item_rc;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "enrollment");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
      add_string_or_null (builder, "date", column_text (stmt, 2));
      add_string_or_null (builder, "kind", column_text (stmt, 3));
      add_string_or_null (builder, "status", column_text (stmt, 4));
      add_int_column (builder, "pain_during", stmt, 5);
      add_int_column (builder, "pain_after", stmt, 6);
      add_string_or_null (builder, "note", column_text (stmt, 7));
      add_time_or_null (builder, "started_at", column_text (stmt, 8));
      add_time_or_null (builder, "finished_at", column_text (stmt, 9));

      items = prehab_store_prepare (store,
                                    "SELECT exercise_id, per_side, planned_sets, planned_reps, "
                                    "       planned_hold_s, planned_duration_s, done_sets, done_reps, "
                                    "       done_hold_s, done_duration_s, completed "
                                    "FROM session_exercise WHERE session_id = ?1 ORDER BY position",
                                    error);
      if (items == NULL)
        return FALSE;
      sqlite3_bind_int64 (items, 1, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "exercises");
      json_builder_begin_array (builder);
      while ((item_rc = prehab_store_step_row (store, items, error)) > 0)
        {
          json_builder_begin_object (builder);
          add_string_or_null (builder, "exercise", column_text (items, 0));
          json_builder_set_member_name (builder, "per_side");
          json_builder_add_boolean_value (builder, sqlite3_column_int (items, 1) != 0);
          add_dose (builder, "planned", items, 2);
          add_dose (builder, "done", items, 6);
          json_builder_set_member_name (builder, "completed");
          json_builder_add_boolean_value (builder, sqlite3_column_int (items, 10) != 0);
          json_builder_end_object (builder);
        }
      if (item_rc < 0)
        return FALSE;
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == 0;
}

/* Reasons are stored as a JSON array of strings; anything else would be a
 * journal written by hand, and is exported as no reasons. */
static void
add_reasons (JsonBuilder *builder,
             const char  *stored)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root = NULL;

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  if (stored != NULL && json_parser_load_from_data (parser, stored, -1, NULL))
    root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            json_builder_add_string_value (builder, json_node_get_string (element));
        }
    }
  else
    {
      g_warning ("A planner decision has reasons that are not a JSON array; exported without them");
    }
  json_builder_end_array (builder);
}

static gboolean
add_decisions (PrehabStore  *store,
               JsonBuilder  *builder,
               GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT enrollment_id, date, decision, phase_from, phase_to, "
                               "       see_clinician, reasons, decided_at "
                               "FROM planner_decision ORDER BY enrollment_id, date",
                               error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "enrollment");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      add_string_or_null (builder, "date", column_text (stmt, 1));
      add_string_or_null (builder, "decision", column_text (stmt, 2));
      add_string_or_null (builder, "phase_from", column_text (stmt, 3));
      add_string_or_null (builder, "phase_to", column_text (stmt, 4));
      json_builder_set_member_name (builder, "see_clinician");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 5) != 0);
      add_reasons (builder, column_text (stmt, 6));
      add_time_or_null (builder, "decided_at", column_text (stmt, 7));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == 0;
}

static gboolean
add_movement_breaks (PrehabStore  *store,
                     JsonBuilder  *builder,
                     GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT taken_at FROM movement_break ORDER BY taken_at, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "movement_breaks");
  json_builder_begin_array (builder);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      g_autofree char *iso = dup_iso_time (column_text (stmt, 0));

      json_builder_add_string_value (builder, iso);
    }
  json_builder_end_array (builder);

  return rc == 0;
}

static GBytes *
export_json (PrehabStore  *store,
             GError      **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, PREHAB_BACKUP_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PREHAB_BACKUP_VERSION);

  if (!add_enrollments (store, builder, error) ||
      !add_own_triggers (store, builder, error) ||
      !add_entries (store, builder, error) ||
      !add_sessions (store, builder, error) ||
      !add_decisions (store, builder, error) ||
      !add_movement_breaks (store, builder, error))
    return NULL;

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* CSV (RFC 4180) ----------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, value);
    }

  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_row (GString            *out,
         const char * const *fields,
         guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    csv_field (out, fields[i], i + 1 == n_fields);
}

static char *
join_tags (GPtrArray *tags)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ';');
      g_string_append (joined, tags->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
dup_int_column (PrehabStatement *stmt,
                int              column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
}

static GBytes *
export_csv_entries (PrehabStore  *store,
                    GError      **error)
{
  static const char *const header[] = {
    "date_time", "pain", "context", "regions", "qualities", "warning_signs", "triggers", "note",
  };
  g_auto (EntryTags) tags = { NULL };
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  int rc;

  if (!load_entry_tags (store, &tags, error))
    return NULL;

  stmt = prehab_store_prepare (store,
                               "SELECT id, logged_at, pain, context, note "
                               "FROM pain_entry ORDER BY logged_at, id",
                               error);
  if (stmt == NULL)
    return NULL;

  csv_row (out, header, G_N_ELEMENTS (header));
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *time = dup_iso_time (column_text (stmt, 1));
      g_autofree char *pain = dup_int_column (stmt, 2);
      g_autofree char *regions = join_tags (tag_map_get (tags.regions, id));
      g_autofree char *qualities = join_tags (tag_map_get (tags.qualities, id));
      g_autofree char *flags = join_tags (tag_map_get (tags.flags, id));
      g_autofree char *triggers = join_tags (tag_map_get (tags.trigger_keys, id));
      const char *fields[] = {
        time, pain, column_text (stmt, 3), regions, qualities, flags, triggers,
        column_text (stmt, 4),
      };

      csv_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (rc < 0)
    return NULL;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
export_csv_sessions (PrehabStore  *store,
                     GError      **error)
{
  static const char *const header[] = {
    "date", "kind", "status", "pain_during", "pain_after", "exercise", "per_side",
    "planned_sets", "planned_reps", "planned_hold_s", "planned_duration_s",
    "done_sets", "done_reps", "done_hold_s", "done_duration_s", "completed", "note",
  };
  g_autoptr (PrehabStatement) stmt = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  int rc;

  /* One row per exercise of a session; a session without exercises (a
   * skipped day) still has its row, with the exercise columns empty. */
  stmt = prehab_store_prepare (store,
                               "SELECT s.date, s.kind, s.status, s.pain_during, s.pain_after, "
                               "       se.exercise_id, se.per_side, se.planned_sets, se.planned_reps, "
                               "       se.planned_hold_s, se.planned_duration_s, se.done_sets, "
                               "       se.done_reps, se.done_hold_s, se.done_duration_s, "
                               "       se.completed, s.note "
                               "FROM session s LEFT JOIN session_exercise se ON se.session_id = s.id "
                               "ORDER BY s.date, s.id, se.position",
                               error);
  if (stmt == NULL)
    return NULL;

  csv_row (out, header, G_N_ELEMENTS (header));
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      gboolean has_exercise = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      g_autofree char *pain_during = dup_int_column (stmt, 3);
      g_autofree char *pain_after = dup_int_column (stmt, 4);
      char *numbers[8] = { NULL };
      const char *fields[G_N_ELEMENTS (header)];

      for (int i = 0; i < 8; i++)
        numbers[i] = dup_int_column (stmt, 7 + i);

      fields[0] = column_text (stmt, 0);
      fields[1] = column_text (stmt, 1);
      fields[2] = column_text (stmt, 2);
      fields[3] = pain_during;
      fields[4] = pain_after;
      fields[5] = has_exercise ? column_text (stmt, 5) : "";
      fields[6] = !has_exercise ? "" : sqlite3_column_int (stmt, 6) ? "yes" : "no";
      for (int i = 0; i < 8; i++)
        fields[7 + i] = numbers[i];
      fields[15] = !has_exercise ? "" : sqlite3_column_int (stmt, 15) ? "yes" : "no";
      fields[16] = column_text (stmt, 16);

      csv_row (out, fields, G_N_ELEMENTS (fields));

      for (int i = 0; i < 8; i++)
        g_free (numbers[i]);
    }
  if (rc < 0)
    return NULL;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * prehab_export_to_bytes:
 * @store: the journal
 * @format: what to export
 * @error: return location for an error
 *
 * Reads the person's data from one snapshot of the journal and writes it
 * in @format: the full JSON backup (UTF-8, pretty-printed, deterministic)
 * or a CSV table (RFC 4180: a header row, CRLF line ends, fields quoted
 * when they hold a comma, a quote, CR or LF).
 *
 * Returns: (transfer full): the file's contents, or %NULL on error
 */
GBytes *
prehab_export_to_bytes (PrehabStore         *store,
                        PrehabExportFormat   format,
                        GError             **error)
{
  GBytes *bytes = NULL;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (format <= PREHAB_EXPORT_CSV_SESSIONS, NULL);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_export", error))
    return NULL;

  switch (format)
    {
    case PREHAB_EXPORT_JSON:
      bytes = export_json (store, error);
      break;
    case PREHAB_EXPORT_CSV_ENTRIES:
      bytes = export_csv_entries (store, error);
      break;
    case PREHAB_EXPORT_CSV_SESSIONS:
      bytes = export_csv_sessions (store, error);
      break;
    default:
      g_assert_not_reached ();
    }

  prehab_store_exec_script (store, "RELEASE prehab_read_export", NULL);
  return bytes;
}

/**
 * prehab_export_write_file:
 * @path: where to write
 * @contents: what to write
 * @error: return location for a %PREHAB_EXPORT_ERROR_WRITE error
 *
 * Writes @contents to a temporary file in the folder of @path, flushes
 * it to the disk and renames it over @path, with mode 0600 (the journal's
 * data is private). A crash leaves either the old file or the new one,
 * never a part of either; on failure the temporary file is removed.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
prehab_export_write_file (const char  *path,
                          GBytes      *contents,
                          GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  data = g_bytes_get_data (contents, &size);
  if (g_file_set_contents_full (path, data != NULL ? data : "", (gssize) size,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, &local_error))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, PREHAB_EXPORT_ERROR, PREHAB_EXPORT_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second the
                * system's reason, such as "Permission denied" */
               _("Could not save “%s”: %s"), display, local_error->message);
  return FALSE;
}

/**
 * prehab_export_to_file:
 * @store: the journal
 * @format: what to export
 * @path: the file to write (replaced whole, see prehab_export_write_file())
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
prehab_export_to_file (PrehabStore         *store,
                       PrehabExportFormat   format,
                       const char          *path,
                       GError             **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = prehab_export_to_bytes (store, format, error);
  if (bytes == NULL)
    return FALSE;

  return prehab_export_write_file (path, bytes, error);
}
