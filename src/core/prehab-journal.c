/* prehab-journal.c
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

#define G_LOG_DOMAIN "prehab-journal"

#include "config.h"

#include "prehab-journal.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "prehab-date.h"
#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

#define TRIGGER_NAME_MAX 200

/* The highest id ever deleted, so that a new entry never takes the id of
 * one that Undo may still bring back (pain_entry has no AUTOINCREMENT). */
#define DELETED_ID_KEY "pain_entry_deleted_id"

G_DEFINE_QUARK (prehab-journal-error-quark, prehab_journal_error)

PrehabPainEntry *
prehab_pain_entry_new (void)
{
  PrehabPainEntry *entry = g_new0 (PrehabPainEntry, 1);

  entry->context = g_strdup ("other");
  entry->note = g_strdup ("");
  return entry;
}

void
prehab_pain_entry_free (PrehabPainEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->logged_at);
  g_free (entry->context);
  g_free (entry->note);
  g_strfreev (entry->regions);
  g_strfreev (entry->qualities);
  g_strfreev (entry->flags);
  g_strfreev (entry->triggers);
  g_free (entry->created_at);
  g_free (entry->updated_at);
  g_free (entry);
}

/**
 * prehab_pain_entry_copy:
 * @entry: an entry
 *
 * Returns: (transfer full): a deep copy of @entry, its id included
 */
PrehabPainEntry *
prehab_pain_entry_copy (const PrehabPainEntry *entry)
{
  PrehabPainEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (PrehabPainEntry, 1);
  copy->id = entry->id;
  copy->logged_at = g_strdup (entry->logged_at);
  copy->context = g_strdup (entry->context);
  copy->pain = entry->pain;
  copy->note = g_strdup (entry->note);
  copy->regions = g_strdupv (entry->regions);
  copy->qualities = g_strdupv (entry->qualities);
  copy->flags = g_strdupv (entry->flags);
  copy->triggers = g_strdupv (entry->triggers);
  copy->session_id = entry->session_id;
  copy->created_at = g_strdup (entry->created_at);
  copy->updated_at = g_strdup (entry->updated_at);
  return copy;
}

void
prehab_trigger_free (PrehabTrigger *trigger)
{
  if (trigger == NULL)
    return;

  g_free (trigger->builtin_id);
  g_free (trigger->name);
  g_free (trigger);
}

/**
 * prehab_trigger_get_key:
 * @trigger: a trigger
 *
 * Returns: what PrehabPainEntry.triggers holds for @trigger: its built-in
 *   id, or the person's own name
 */
const char *
prehab_trigger_get_key (const PrehabTrigger *trigger)
{
  g_return_val_if_fail (trigger != NULL, NULL);

  return trigger->builtin_id != NULL ? trigger->builtin_id : trigger->name;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_terms (const PrehabTerm  *terms,
             GStrv              ids,
             GError           **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!prehab_vocabulary_contains (terms, ids[i]))
      {
        g_autofree char *known = prehab_vocabulary_join_ids (terms);
        g_autofree char *message = NULL;

        /* A whole sentence for each kind of value, so that translations
         * can make the words agree. */
        if (terms == prehab_regions)
          message = g_strdup_printf (_("Unknown region “%s”; use one of %s"), ids[i], known);
        else
          message = g_strdup_printf (_("Unknown quality “%s”; use one of %s"), ids[i], known);
        return invalid (error, message);
      }

  return TRUE;
}

/* A trigger name is a label: some visible character, no control
 * characters (a line break would break every list it shows in), at most
 * TRIGGER_NAME_MAX characters once the outer spaces are stripped. */
static gboolean
check_trigger_name (const char  *key,
                    GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (key));
  gboolean visible = FALSE;

  if (!g_utf8_validate (name, -1, NULL))
    return invalid (error, _("A trigger name is not valid text (UTF-8)"));

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) ||
          g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        return invalid (error, _("A trigger name cannot contain line breaks, tabs or other control characters"));
      if (g_unichar_isgraph (c))
        visible = TRUE;
    }

  if (!visible)
    return invalid (error, _("A trigger needs a name"));
  if (g_utf8_strlen (name, -1) > TRIGGER_NAME_MAX)
    return invalid (error, _("A trigger name can be at most 200 characters"));

  return TRUE;
}

/**
 * prehab_pain_entry_validate:
 * @entry: the entry to check
 * @now: the current time as YYYY-MM-DD HH:MM
 * @error: return location for a %PREHAB_STORE_ERROR_INVALID error
 *
 * Checks an entry before it is written: a real time not after @now, pain
 * from 0 to 10, known context, regions, qualities and warning signs,
 * trigger names with a visible character, no control characters and at
 * most 200 characters, and a note of valid UTF-8 of at most
 * %PREHAB_NOTE_MAX_BYTES bytes (any characters but NUL).
 *
 * Returns: %TRUE when the entry can be saved
 */
gboolean
prehab_pain_entry_validate (const PrehabPainEntry  *entry,
                            const char             *now,
                            GError                **error)
{
  guint32 day, now_day;
  int minute, now_minute;

  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (entry->logged_at == NULL || !prehab_parse_time (entry->logged_at, &day, &minute) ||
      strlen (entry->logged_at) != 16)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date and time; use YYYY-MM-DD HH:MM"),
                                                  entry->logged_at ? entry->logged_at : "");
      return invalid (error, message);
    }

  if (prehab_parse_time (now, &now_day, &now_minute) &&
      (day > now_day || (day == now_day && minute > now_minute)))
    return invalid (error, _("A pain rating cannot be in the future"));

  if (entry->pain < 0 || entry->pain > 10)
    return invalid (error, _("Pain must be a whole number from 0 to 10"));

  if (!prehab_vocabulary_contains (prehab_contexts, entry->context))
    {
      g_autofree char *known = prehab_vocabulary_join_ids (prehab_contexts);
      g_autofree char *message = g_strdup_printf (_("Unknown context “%s”; use one of %s"),
                                                  entry->context ? entry->context : "", known);
      return invalid (error, message);
    }

  if (!check_terms (prehab_regions, entry->regions, error) ||
      !check_terms (prehab_qualities, entry->qualities, error))
    return FALSE;

  for (guint i = 0; entry->flags != NULL && entry->flags[i] != NULL; i++)
    if (prehab_red_flag_lookup (entry->flags[i]) == NULL)
      {
        g_autofree char *message = g_strdup_printf (_("Unknown warning sign “%s”"), entry->flags[i]);
        return invalid (error, message);
      }

  for (guint i = 0; entry->triggers != NULL && entry->triggers[i] != NULL; i++)
    if (!check_trigger_name (entry->triggers[i], error))
      return FALSE;

  if (entry->note != NULL && strlen (entry->note) > PREHAB_NOTE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (strlen (entry->note));
      g_autofree char *limit = g_format_size (PREHAB_NOTE_MAX_BYTES);
      g_autofree char *message = NULL;

      /* Translators: both are sizes such as "16.0 MB" */
      message = g_strdup_printf (_("The note is too long (%s); a note can hold at most %s of text"),
                                 size, limit);
      return invalid (error, message);
    }

  if (entry->note != NULL && !g_utf8_validate (entry->note, -1, NULL))
    return invalid (error, _("The note is not valid text (UTF-8); nothing was saved"));

  return TRUE;
}

static char *
dup_folded (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normalized != NULL ? normalized : name, -1);
}

/* SQLite's NOCASE folds ASCII letters only: "ärger" must find "Ärger" too.
 * Returns the row id, 0 when no name matches, -1 on error. */
static gint64
find_trigger_by_folded_name (PrehabStore  *store,
                             const char   *name,
                             GError      **error)
{
  g_autofree char *wanted = dup_folded (name);
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, name FROM pain_trigger "
                               "ORDER BY builtin_id IS NULL, retired, id",
                               error);
  if (stmt == NULL)
    return -1;

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      g_autofree char *folded = dup_folded ((const char *) sqlite3_column_text (stmt, 1));

      if (g_str_equal (folded, wanted))
        return sqlite3_column_int64 (stmt, 0);
    }

  return rc < 0 ? -1 : 0;
}

/* Finds a trigger by built-in id or by name (ignoring case), or adds the
 * person's own. Returns its row id, 0 on error. */
static gint64
resolve_trigger (PrehabStore  *store,
                 const char   *key,
                 GError      **error)
{
  g_autofree char *name = g_strstrip (g_strdup (key));
  g_autoptr (PrehabStatement) find = NULL;
  g_autoptr (PrehabStatement) add = NULL;
  gint64 found;
  int rc;

  find = prehab_store_prepare (store,
                               "SELECT id FROM pain_trigger "
                               "WHERE builtin_id = ?1 OR name = ?1 COLLATE NOCASE "
                               "ORDER BY builtin_id IS NULL, retired LIMIT 1",
                               error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (store, find, error);
  if (rc < 0)
    return 0;
  if (rc > 0)
    return sqlite3_column_int64 (find, 0);

  found = find_trigger_by_folded_name (store, name, error);
  if (found != 0)
    return MAX (found, 0);

  add = prehab_store_prepare (store,
                              "INSERT INTO pain_trigger (name, sort_order) "
                              "VALUES (?1, (SELECT coalesce (max (sort_order), 0) + 1 FROM pain_trigger))",
                              error);
  if (add == NULL)
    return 0;
  sqlite3_bind_text (add, 1, name, -1, SQLITE_TRANSIENT);
  if (!prehab_store_step_done (store, add, error))
    return 0;

  return sqlite3_last_insert_rowid (prehab_store_get_db (store));
}

static gboolean
add_tags (PrehabStore  *store,
          const char   *sql,
          gint64        entry_id,
          GStrv         values,
          GError      **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_TRANSIENT);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the regions, qualities, warning signs and triggers of @entry for
 * the row @entry_id, which has none yet. */
static gboolean
add_entry_tags (PrehabStore            *store,
                gint64                  entry_id,
                const PrehabPainEntry  *entry,
                GError                **error)
{
  if (!add_tags (store, "INSERT OR IGNORE INTO pain_entry_region (entry_id, region) VALUES (?1, ?2)",
                 entry_id, entry->regions, error) ||
      !add_tags (store, "INSERT OR IGNORE INTO pain_entry_quality (entry_id, quality) VALUES (?1, ?2)",
                 entry_id, entry->qualities, error) ||
      !add_tags (store, "INSERT OR IGNORE INTO pain_entry_flag (entry_id, flag) VALUES (?1, ?2)",
                 entry_id, entry->flags, error))
    return FALSE;

  for (guint i = 0; entry->triggers != NULL && entry->triggers[i] != NULL; i++)
    {
      g_autoptr (PrehabStatement) link = NULL;
      gint64 trigger = resolve_trigger (store, entry->triggers[i], error);

      if (trigger == 0)
        return FALSE;

      link = prehab_store_prepare (store,
                                   "INSERT OR IGNORE INTO pain_entry_trigger (entry_id, trigger_id) "
                                   "VALUES (?1, ?2)",
                                   error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, entry_id);
      sqlite3_bind_int64 (link, 2, trigger);
      if (!prehab_store_step_done (store, link, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND,
                       _("This pain rating is no longer in the journal; it may have been deleted"));
  return FALSE;
}

/* A session that was deleted meanwhile leaves no dangling link. */
static void
bind_session (PrehabStatement *stmt,
              int              column,
              gint64           session_id)
{
  if (session_id > 0)
    sqlite3_bind_int64 (stmt, column, session_id);
  else
    sqlite3_bind_null (stmt, column);
}

typedef struct
{
  const PrehabPainEntry *entry;
  gint64                 id;
} AddEntryData;

static gboolean
add_entry_cb (PrehabStore  *store,
              gpointer      user_data,
              GError      **error)
{
  AddEntryData *data = user_data;
  const PrehabPainEntry *entry = data->entry;
  g_autoptr (PrehabStatement) add = NULL;

  add = prehab_store_prepare (store,
                              "INSERT INTO pain_entry (id, logged_at, context, pain, note, session_id) "
                              "VALUES (max ((SELECT coalesce (max (id), 0) FROM pain_entry), "
                              "             coalesce ((SELECT CAST (value AS INTEGER) FROM meta "
                              "                        WHERE key = '" DELETED_ID_KEY "'), 0)) + 1, "
                              "        ?1, ?2, ?3, ?4, (SELECT id FROM session WHERE id = ?5))",
                              error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_text (add, 1, entry->logged_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (add, 2, entry->context, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (add, 3, entry->pain);
  sqlite3_bind_text (add, 4, entry->note ? entry->note : "", -1, SQLITE_TRANSIENT);
  bind_session (add, 5, entry->session_id);
  if (!prehab_store_step_done (store, add, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (prehab_store_get_db (store));

  return add_entry_tags (store, data->id, entry, error);
}

/**
 * prehab_journal_add_entry:
 * @store: an open store
 * @entry: the entry; its id, created_at and updated_at are ignored
 * @error: return location for an error
 *
 * Validates @entry and writes it with its regions, qualities, warning signs
 * and triggers in one transaction. A trigger name that matches no trigger
 * becomes one of the person's own. The new id is never one of an entry
 * deleted before, so an Undo can always put that one back.
 *
 * Returns: the new entry's id, or 0 on error (nothing is written)
 */
gint64
prehab_journal_add_entry (PrehabStore            *store,
                          const PrehabPainEntry  *entry,
                          GError                **error)
{
  g_autofree char *now = prehab_date_dup_now ();
  AddEntryData data = { entry, 0 };

  g_return_val_if_fail (PREHAB_IS_STORE (store), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (!prehab_pain_entry_validate (entry, now, error))
    return 0;

  if (!prehab_store_transaction (store, add_entry_cb, &data, error))
    return 0;

  return data.id;
}

static gboolean
clear_entry_tags (PrehabStore  *store,
                  gint64        entry_id,
                  GError      **error)
{
  const char *statements[] = {
    "DELETE FROM pain_entry_region WHERE entry_id = ?1",
    "DELETE FROM pain_entry_quality WHERE entry_id = ?1",
    "DELETE FROM pain_entry_flag WHERE entry_id = ?1",
    "DELETE FROM pain_entry_trigger WHERE entry_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_entry_cb (PrehabStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  const PrehabPainEntry *entry = user_data;
  g_autoptr (PrehabStatement) update = NULL;

  update = prehab_store_prepare (store,
                                 "UPDATE pain_entry SET logged_at = ?2, context = ?3, pain = ?4, "
                                 "  note = ?5, session_id = (SELECT id FROM session WHERE id = ?6), "
                                 "  updated_at = strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime') "
                                 "WHERE id = ?1",
                                 error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, entry->id);
  sqlite3_bind_text (update, 2, entry->logged_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (update, 3, entry->context, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (update, 4, entry->pain);
  sqlite3_bind_text (update, 5, entry->note ? entry->note : "", -1, SQLITE_TRANSIENT);
  bind_session (update, 6, entry->session_id);
  if (!prehab_store_step_done (store, update, error))
    return FALSE;
  if (sqlite3_changes (prehab_store_get_db (store)) == 0)
    return not_found (error);

  return clear_entry_tags (store, entry->id, error) &&
         add_entry_tags (store, entry->id, entry, error);
}

/**
 * prehab_journal_update_entry:
 * @store: an open store
 * @entry: the entry as it should now be; @entry->id says which
 * @error: return location for an error
 *
 * Replaces the stored entry @entry->id by @entry: time, context, pain,
 * note, session link (dropped when that session no longer exists),
 * regions, qualities, warning signs and triggers, and sets its updated_at.
 * Start from prehab_journal_load_entry() or prehab_pain_entry_copy() so
 * that the fields the editor does not show are kept. @entry is validated
 * like a new one (not in the future either); everything is written in one
 * transaction. Triggers no entry names any more stay in the list.
 *
 * Returns: %TRUE on success; on error nothing was written, and an unknown
 *   id gives %PREHAB_JOURNAL_ERROR_NOT_FOUND
 */
gboolean
prehab_journal_update_entry (PrehabStore            *store,
                             const PrehabPainEntry  *entry,
                             GError                **error)
{
  g_autofree char *now = prehab_date_dup_now ();

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->id <= 0)
    return not_found (error);
  if (!prehab_pain_entry_validate (entry, now, error))
    return FALSE;

  return prehab_store_transaction (store, update_entry_cb, (gpointer) entry, error);
}

static gboolean
delete_entry_cb (PrehabStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  gint64 id = *(gint64 *) user_data;
  g_autoptr (PrehabStatement) remove = NULL;
  g_autoptr (PrehabStatement) mark = NULL;

  /* The tags go with it (ON DELETE CASCADE); the trigger rows stay. */
  remove = prehab_store_prepare (store, "DELETE FROM pain_entry WHERE id = ?1", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, id);
  if (!prehab_store_step_done (store, remove, error))
    return FALSE;
  if (sqlite3_changes (prehab_store_get_db (store)) == 0)
    return not_found (error);

  mark = prehab_store_prepare (store,
                               "INSERT INTO meta (key, value) VALUES ('" DELETED_ID_KEY "', CAST (?1 AS TEXT)) "
                               "ON CONFLICT (key) DO UPDATE SET value = "
                               "  CAST (max (CAST (value AS INTEGER), CAST (excluded.value AS INTEGER)) AS TEXT)",
                               error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int64 (mark, 1, id);
  return prehab_store_step_done (store, mark, error);
}

/**
 * prehab_journal_delete_entry:
 * @store: an open store
 * @id: the entry's id
 * @error: return location for an error
 *
 * Deletes an entry with its regions, qualities, warning signs and trigger
 * links, in one transaction. The triggers themselves stay. Keep the entry
 * (prehab_journal_load_entry()) to offer Undo with
 * prehab_journal_restore_entry().
 *
 * Returns: %TRUE on success; an unknown id gives
 *   %PREHAB_JOURNAL_ERROR_NOT_FOUND and changes nothing
 */
gboolean
prehab_journal_delete_entry (PrehabStore  *store,
                             gint64        id,
                             GError      **error)
{
  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);

  if (id <= 0)
    return not_found (error);

  return prehab_store_transaction (store, delete_entry_cb, &id, error);
}

/* A stored timestamp as the journal writes it, or NULL for "now". */
static const char *
valid_timestamp (const char *text)
{
  guint32 day;
  int minute;

  if (text == NULL || strlen (text) != 19 || !prehab_parse_time (text, &day, &minute))
    return NULL;

  return text;
}

static gboolean
restore_entry_cb (PrehabStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  const PrehabPainEntry *entry = user_data;
  g_autoptr (PrehabStatement) find = NULL;
  g_autoptr (PrehabStatement) add = NULL;
  int rc;

  find = prehab_store_prepare (store, "SELECT 1 FROM pain_entry WHERE id = ?1", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, entry->id);
  rc = prehab_store_step_row (store, find, error);
  if (rc < 0)
    return FALSE;
  if (rc > 0)
    {
      g_set_error_literal (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_EXISTS,
                           _("This pain rating is already in the journal"));
      return FALSE;
    }

  add = prehab_store_prepare (store,
                              "INSERT INTO pain_entry (id, logged_at, context, pain, note, session_id, "
                              "                        created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM session WHERE id = ?6), "
                              "        coalesce (?7, strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime')), "
                              "        coalesce (?8, strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime')))",
                              error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_int64 (add, 1, entry->id);
  sqlite3_bind_text (add, 2, entry->logged_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (add, 3, entry->context, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (add, 4, entry->pain);
  sqlite3_bind_text (add, 5, entry->note ? entry->note : "", -1, SQLITE_TRANSIENT);
  bind_session (add, 6, entry->session_id);
  prehab_statement_bind_text (add, 7, valid_timestamp (entry->created_at));
  prehab_statement_bind_text (add, 8, valid_timestamp (entry->updated_at));
  if (!prehab_store_step_done (store, add, error))
    return FALSE;

  return add_entry_tags (store, entry->id, entry, error);
}

/**
 * prehab_journal_restore_entry:
 * @store: an open store
 * @entry: a deleted entry, as loaded before it was deleted
 * @error: return location for an error
 *
 * Undoes prehab_journal_delete_entry(): writes @entry back under its own
 * id, with its time, note, tags, triggers, created_at and updated_at, and
 * its session link when that session still exists. @entry is validated
 * like a new one; everything is written in one transaction.
 *
 * Returns: %TRUE on success; when the id is in use again (the entry was
 *   never deleted, or restored twice) %PREHAB_JOURNAL_ERROR_EXISTS and
 *   nothing is written
 */
gboolean
prehab_journal_restore_entry (PrehabStore            *store,
                              const PrehabPainEntry  *entry,
                              GError                **error)
{
  g_autofree char *now = prehab_date_dup_now ();

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->id <= 0)
    return invalid (error, _("Only a pain rating that was saved before can be restored"));
  if (!prehab_pain_entry_validate (entry, now, error))
    return FALSE;

  return prehab_store_transaction (store, restore_entry_cb, (gpointer) entry, error);
}

static GStrv
list_tags (PrehabStore  *store,
           const char   *sql,
           gint64        entry_id,
           GError      **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc < 0)
    return NULL;

  return g_strv_builder_end (builder);
}

/* Columns: id, logged_at, context, pain, note, session_id, created_at,
 * updated_at. */
#define ENTRY_COLUMNS \
  "id, logged_at, context, pain, note, coalesce (session_id, 0), created_at, updated_at"

static PrehabPainEntry *
entry_from_row (PrehabStatement *stmt)
{
  PrehabPainEntry *entry = g_new0 (PrehabPainEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->logged_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->context = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  entry->pain = sqlite3_column_int (stmt, 3);
  entry->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->session_id = sqlite3_column_int64 (stmt, 5);
  entry->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  entry->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return entry;
}

static gboolean
load_entry_tags (PrehabStore      *store,
                 PrehabPainEntry  *entry,
                 GError          **error)
{
  entry->regions = list_tags (store, "SELECT region FROM pain_entry_region WHERE entry_id = ?1 ORDER BY region",
                              entry->id, error);
  if (entry->regions == NULL)
    return FALSE;
  entry->qualities = list_tags (store, "SELECT quality FROM pain_entry_quality WHERE entry_id = ?1 ORDER BY quality",
                                entry->id, error);
  if (entry->qualities == NULL)
    return FALSE;
  entry->flags = list_tags (store, "SELECT flag FROM pain_entry_flag WHERE entry_id = ?1 ORDER BY flag",
                            entry->id, error);
  if (entry->flags == NULL)
    return FALSE;
  entry->triggers = list_tags (store,
                               "SELECT coalesce (t.builtin_id, t.name) FROM pain_entry_trigger pt "
                               "JOIN pain_trigger t ON t.id = pt.trigger_id "
                               "WHERE pt.entry_id = ?1 ORDER BY t.sort_order, t.id",
                               entry->id, error);
  return entry->triggers != NULL;
}

static GPtrArray *
list_entries_in_snapshot (PrehabStore  *store,
                          const char   *from_date,
                          const char   *to_date,
                          GError      **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_pain_entry_free);
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT " ENTRY_COLUMNS " FROM pain_entry "
                               "WHERE logged_at >= ?1 AND logged_at < ?2 || 'Z' "
                               "ORDER BY logged_at, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date ? from_date : "0000", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_date ? to_date : "9999", -1, SQLITE_TRANSIENT);

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc < 0)
    return NULL;
  g_clear_pointer (&stmt, prehab_statement_release);

  for (guint i = 0; i < entries->len; i++)
    if (!load_entry_tags (store, entries->pdata[i], error))
      return NULL;

  return g_steal_pointer (&entries);
}

/**
 * prehab_journal_list_entries:
 * @store: an open store
 * @from_date: (nullable): first day, YYYY-MM-DD, or %NULL for no limit
 * @to_date: (nullable): last day, included, or %NULL for no limit
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type PrehabPainEntry) (nullable): the
 *   entries of those days, oldest first, read from one snapshot
 */
GPtrArray *
prehab_journal_list_entries (PrehabStore  *store,
                             const char   *from_date,
                             const char   *to_date,
                             GError      **error)
{
  GPtrArray *entries;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_entries", error))
    return NULL;

  entries = list_entries_in_snapshot (store, from_date, to_date, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_entries", NULL);

  return entries;
}

static PrehabPainEntry *
load_entry_in_snapshot (PrehabStore  *store,
                        gint64        id,
                        GError      **error)
{
  g_autoptr (PrehabPainEntry) entry = NULL;
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store, "SELECT " ENTRY_COLUMNS " FROM pain_entry WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = prehab_store_step_row (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == 0)
    {
      not_found (error);
      return NULL;
    }
  entry = entry_from_row (stmt);
  g_clear_pointer (&stmt, prehab_statement_release);

  if (!load_entry_tags (store, entry, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/**
 * prehab_journal_load_entry:
 * @store: an open store
 * @id: the entry's id
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the entry with its tags, read from
 *   one snapshot; %NULL with %PREHAB_JOURNAL_ERROR_NOT_FOUND when there is
 *   none with that id
 */
PrehabPainEntry *
prehab_journal_load_entry (PrehabStore  *store,
                           gint64        id,
                           GError      **error)
{
  PrehabPainEntry *entry;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_entry", error))
    return NULL;

  entry = load_entry_in_snapshot (store, id, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_entry", NULL);

  return entry;
}

/**
 * prehab_journal_list_triggers:
 * @store: an open store
 * @error: return location for an error
 *
 * Lists the triggers that are not retired, each with the number of entries
 * that name it: most used first, then in the catalog's order (the person's
 * own after the built-in ones, in the order they were made), then by name.
 * Built-in names are translated.
 *
 * Returns: (transfer full) (element-type PrehabTrigger) (nullable): the
 *   triggers
 */
GPtrArray *
prehab_journal_list_triggers (PrehabStore  *store,
                              GError      **error)
{
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_trigger_free);
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  stmt = prehab_store_prepare (store,
                               "SELECT t.id, t.builtin_id, t.name, "
                               "       (SELECT count (*) FROM pain_entry_trigger pt "
                               "        WHERE pt.trigger_id = t.id) AS uses "
                               "FROM pain_trigger t WHERE t.retired = 0 "
                               "ORDER BY uses DESC, t.sort_order, t.name COLLATE NOCASE, t.id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      PrehabTrigger *trigger = g_new0 (PrehabTrigger, 1);

      trigger->id = sqlite3_column_int64 (stmt, 0);
      trigger->builtin_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      /* Only catalog text is translated, never the person's own words. */
      trigger->name = g_strdup (trigger->builtin_id != NULL
                                  ? prehab_statement_get_translated (stmt, 2)
                                  : (const char *) sqlite3_column_text (stmt, 2));
      trigger->uses = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (triggers, trigger);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&triggers);
}

/* Sessions ---------------------------------------------------------------- */

static void
session_exercise_clear (gpointer data)
{
  PrehabSessionExercise *exercise = data;

  g_clear_pointer (&exercise->exercise_id, g_free);
}

PrehabSession *
prehab_session_new (void)
{
  PrehabSession *session = g_new0 (PrehabSession, 1);

  session->pain_during = -1;
  session->pain_after = -1;
  session->exercises = g_array_new (FALSE, TRUE, sizeof (PrehabSessionExercise));
  g_array_set_clear_func (session->exercises, session_exercise_clear);
  return session;
}

void
prehab_session_free (PrehabSession *session)
{
  if (session == NULL)
    return;

  g_free (session->date);
  g_free (session->note);
  g_clear_pointer (&session->exercises, g_array_unref);
  g_free (session);
}

/**
 * prehab_session_exercise_has_done:
 * @exercise: an exercise of a session
 *
 * Returns: whether @exercise carries a counted done dose
 */
gboolean
prehab_session_exercise_has_done (const PrehabSessionExercise *exercise)
{
  g_return_val_if_fail (exercise != NULL, FALSE);

  return exercise->done.sets > 0 || exercise->done.reps > 0 ||
         exercise->done.hold_s > 0 || exercise->done.duration_s > 0;
}

static const char *
status_to_id (PrehabSessionStatus status)
{
  switch (status)
    {
    case PREHAB_SESSION_DONE:
      return "done";
    case PREHAB_SESSION_PARTIAL:
      return "partial";
    case PREHAB_SESSION_SKIPPED:
      return "skipped";
    case PREHAB_SESSION_NONE:
    default:
      return NULL;
    }
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

static void
bind_pain (PrehabStatement *stmt,
           int              column,
           int              value)
{
  if (value >= 0)
    sqlite3_bind_int (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

/* A counted done value: 0 is a count too when the plan has that count. */
static void
bind_done (PrehabStatement *stmt,
           int              column,
           int              planned,
           int              done)
{
  if (planned > 0 || done > 0)
    sqlite3_bind_int (stmt, column, MAX (done, 0));
  else
    sqlite3_bind_null (stmt, column);
}

typedef struct
{
  gint64         enrollment_id;
  PrehabSession *session;
} SaveSessionData;

static gboolean
save_session_cb (PrehabStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  SaveSessionData *data = user_data;
  PrehabSession *session = data->session;
  g_autoptr (PrehabStatement) find = NULL;
  g_autoptr (PrehabStatement) clear = NULL;
  int rc;

  /* One session per day: saving again replaces what was recorded. */
  find = prehab_store_prepare (store,
                               "SELECT id FROM session WHERE enrollment_id = ?1 AND date = ?2 "
                               "ORDER BY id LIMIT 1",
                               error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, data->enrollment_id);
  sqlite3_bind_text (find, 2, session->date, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (store, find, error);
  if (rc < 0)
    return FALSE;
  session->id = rc > 0 ? sqlite3_column_int64 (find, 0) : 0;
  g_clear_pointer (&find, prehab_statement_release);

  if (session->status == PREHAB_SESSION_NONE)
    {
      g_autoptr (PrehabStatement) remove = NULL;

      if (session->id == 0)
        return TRUE;

      remove = prehab_store_prepare (store, "DELETE FROM session WHERE id = ?1", error);
      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int64 (remove, 1, session->id);
      session->id = 0;
      return prehab_store_step_done (store, remove, error);
    }

  if (session->id == 0)
    {
      g_autoptr (PrehabStatement) add = NULL;

      add = prehab_store_prepare (store,
                                  "INSERT INTO session (enrollment_id, date, kind, status, "
                                  "                     pain_during, pain_after, note, finished_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                  "        strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime'))",
                                  error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, data->enrollment_id);
      sqlite3_bind_text (add, 2, session->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (add, 3, session->training ? "training" : "daily", -1, SQLITE_STATIC);
      sqlite3_bind_text (add, 4, status_to_id (session->status), -1, SQLITE_STATIC);
      bind_pain (add, 5, session->pain_during);
      bind_pain (add, 6, session->pain_after);
      sqlite3_bind_text (add, 7, session->note ? session->note : "", -1, SQLITE_TRANSIENT);
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
      session->id = sqlite3_last_insert_rowid (prehab_store_get_db (store));
    }
  else
    {
      g_autoptr (PrehabStatement) update = NULL;

      update = prehab_store_prepare (store,
                                     "UPDATE session SET kind = ?2, status = ?3, pain_during = ?4, "
                                     "  pain_after = ?5, note = ?6, "
                                     "  finished_at = strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime') "
                                     "WHERE id = ?1",
                                     error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, session->id);
      sqlite3_bind_text (update, 2, session->training ? "training" : "daily", -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 3, status_to_id (session->status), -1, SQLITE_STATIC);
      bind_pain (update, 4, session->pain_during);
      bind_pain (update, 5, session->pain_after);
      sqlite3_bind_text (update, 6, session->note ? session->note : "", -1, SQLITE_TRANSIENT);
      if (!prehab_store_step_done (store, update, error))
        return FALSE;
    }

  clear = prehab_store_prepare (store, "DELETE FROM session_exercise WHERE session_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, session->id);
  if (!prehab_store_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; i < session->exercises->len; i++)
    {
      const PrehabSessionExercise *exercise = &g_array_index (session->exercises,
                                                              PrehabSessionExercise, i);
      g_autoptr (PrehabStatement) add = NULL;

      add = prehab_store_prepare (store,
                                  "INSERT INTO session_exercise (session_id, position, exercise_id, "
                                  "  per_side, planned_sets, planned_reps, planned_hold_s, "
                                  "  planned_duration_s, done_sets, done_reps, done_hold_s, "
                                  "  done_duration_s, completed) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                  "  CASE WHEN ?10 THEN ?11 WHEN ?9 THEN ?5 END, "
                                  "  CASE WHEN ?10 THEN ?12 WHEN ?9 THEN ?6 END, "
                                  "  CASE WHEN ?10 THEN ?13 WHEN ?9 THEN ?7 END, "
                                  "  CASE WHEN ?10 THEN ?14 WHEN ?9 THEN ?8 END, ?9)",
                                  error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, session->id);
      sqlite3_bind_int (add, 2, i);
      sqlite3_bind_text (add, 3, exercise->exercise_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (add, 4, exercise->planned.per_side ? 1 : 0);
      bind_count (add, 5, exercise->planned.sets);
      bind_count (add, 6, exercise->planned.reps);
      bind_count (add, 7, exercise->planned.hold_s);
      bind_count (add, 8, exercise->planned.duration_s);
      sqlite3_bind_int (add, 9, exercise->completed ? 1 : 0);
      /* Without a counted done dose, a completed exercise did the plan. */
      sqlite3_bind_int (add, 10, prehab_session_exercise_has_done (exercise) ? 1 : 0);
      bind_done (add, 11, exercise->planned.sets, exercise->done.sets);
      bind_done (add, 12, exercise->planned.reps, exercise->done.reps);
      bind_done (add, 13, exercise->planned.hold_s, exercise->done.hold_s);
      bind_done (add, 14, exercise->planned.duration_s, exercise->done.duration_s);
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * prehab_journal_save_session:
 * @store: an open store
 * @enrollment_id: the enrollment the session belongs to
 * @session: the day's session; its id is set on return
 * @error: return location for an error
 *
 * Records the session of @session->date, replacing what was recorded for
 * that day before, in one transaction. A session whose status is
 * %PREHAB_SESSION_NONE removes the day's record. Each exercise's done dose
 * is stored as given; an exercise without one (all zeros) stores the
 * planned dose when completed and nothing otherwise.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_journal_save_session (PrehabStore    *store,
                             gint64          enrollment_id,
                             PrehabSession  *session,
                             GError        **error)
{
  SaveSessionData data = { enrollment_id, session };

  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (prehab_date_to_day (session->date) == 0)
    return invalid (error, _("A session needs a date as YYYY-MM-DD"));
  if (session->pain_during > 10 || session->pain_after > 10 ||
      session->pain_during < -1 || session->pain_after < -1)
    return invalid (error, _("Pain must be a whole number from 0 to 10"));

  return prehab_store_transaction (store, save_session_cb, &data, error);
}

static GPtrArray *
list_sessions_in_snapshot (PrehabStore  *store,
                           gint64        enrollment_id,
                           const char   *from_date,
                           const char   *to_date,
                           GError      **error)
{
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_session_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, date, kind, status, pain_during, pain_after, note "
                               "FROM session WHERE enrollment_id = ?1 AND date >= ?2 AND date <= ?3 "
                               "ORDER BY date, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  sqlite3_bind_text (stmt, 2, from_date ? from_date : "0000", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_date ? to_date : "9999", -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      PrehabSession *session = prehab_session_new ();

      session->id = sqlite3_column_int64 (stmt, 0);
      session->date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      session->training = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "training") == 0;
      session->status = status_from_id ((const char *) sqlite3_column_text (stmt, 3));
      session->pain_during = prehab_statement_get_int_or_unset (stmt, 4);
      session->pain_after = prehab_statement_get_int_or_unset (stmt, 5);
      session->note = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (sessions, session);
      g_hash_table_insert (by_id, &session->id, session);
    }
  if (rc < 0)
    return NULL;
  g_clear_pointer (&stmt, prehab_statement_release);

  stmt = prehab_store_prepare (store,
                               "SELECT se.session_id, se.exercise_id, se.per_side, "
                               "       coalesce (se.planned_sets, 0), coalesce (se.planned_reps, 0), "
                               "       coalesce (se.planned_hold_s, 0), coalesce (se.planned_duration_s, 0), "
                               "       se.completed, coalesce (se.done_sets, 0), coalesce (se.done_reps, 0), "
                               "       coalesce (se.done_hold_s, 0), coalesce (se.done_duration_s, 0) "
                               "FROM session_exercise se JOIN session s ON s.id = se.session_id "
                               "WHERE s.enrollment_id = ?1 AND s.date >= ?2 AND s.date <= ?3 "
                               "ORDER BY se.session_id, se.position",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  sqlite3_bind_text (stmt, 2, from_date ? from_date : "0000", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_date ? to_date : "9999", -1, SQLITE_TRANSIENT);
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PrehabSession *session = g_hash_table_lookup (by_id, &id);
      PrehabSessionExercise exercise = { 0 };

      if (session == NULL)
        continue;

      exercise.exercise_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      exercise.planned.per_side = sqlite3_column_int (stmt, 2) != 0;
      exercise.planned.sets = sqlite3_column_int (stmt, 3);
      exercise.planned.reps = sqlite3_column_int (stmt, 4);
      exercise.planned.hold_s = sqlite3_column_int (stmt, 5);
      exercise.planned.duration_s = sqlite3_column_int (stmt, 6);
      exercise.completed = sqlite3_column_int (stmt, 7) != 0;
      exercise.done.per_side = exercise.planned.per_side;
      exercise.done.sets = sqlite3_column_int (stmt, 8);
      exercise.done.reps = sqlite3_column_int (stmt, 9);
      exercise.done.hold_s = sqlite3_column_int (stmt, 10);
      exercise.done.duration_s = sqlite3_column_int (stmt, 11);
      g_array_append_val (session->exercises, exercise);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&sessions);
}

/**
 * prehab_journal_list_sessions:
 * @store: an open store
 * @enrollment_id: the enrollment
 * @from_date: (nullable): first day, or %NULL for no limit
 * @to_date: (nullable): last day, included, or %NULL for no limit
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type PrehabSession) (nullable): the
 *   sessions of those days with their exercises, oldest first
 */
GPtrArray *
prehab_journal_list_sessions (PrehabStore  *store,
                              gint64        enrollment_id,
                              const char   *from_date,
                              const char   *to_date,
                              GError      **error)
{
  GPtrArray *sessions;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read_sessions", error))
    return NULL;

  sessions = list_sessions_in_snapshot (store, enrollment_id, from_date, to_date, error);
  prehab_store_exec_script (store, "RELEASE prehab_read_sessions", NULL);

  return sessions;
}

/**
 * prehab_journal_load_session:
 * @store: an open store
 * @enrollment_id: the enrollment
 * @date: the day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the day's session, or %NULL without
 *   an error when nothing was recorded that day
 */
PrehabSession *
prehab_journal_load_session (PrehabStore  *store,
                             gint64        enrollment_id,
                             const char   *date,
                             GError      **error)
{
  g_autoptr (GPtrArray) sessions = NULL;

  sessions = prehab_journal_list_sessions (store, enrollment_id, date, date, error);
  if (sessions == NULL || sessions->len == 0)
    return NULL;

  return g_ptr_array_steal_index (sessions, 0);
}

/* Movement breaks ---------------------------------------------------------- */

typedef struct
{
  const char *taken_at;
  gint64      id;
} BreakData;

static gboolean
add_break_cb (PrehabStore  *store,
              gpointer      user_data,
              GError      **error)
{
  BreakData *data = user_data;
  g_autoptr (PrehabStatement) stmt = NULL;

  stmt = prehab_store_prepare (store, "INSERT INTO movement_break (taken_at) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->taken_at, -1, SQLITE_TRANSIENT);
  if (!prehab_store_step_done (store, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (prehab_store_get_db (store));
  return TRUE;
}

/**
 * prehab_journal_add_movement_break:
 * @store: an open store
 * @taken_at: when, as YYYY-MM-DD HH:MM:SS
 * @error: return location for an error
 *
 * Returns: the break's id, or 0 on error
 */
gint64
prehab_journal_add_movement_break (PrehabStore  *store,
                                   const char   *taken_at,
                                   GError      **error)
{
  BreakData data = { taken_at, 0 };
  guint32 day;
  int minute;

  g_return_val_if_fail (PREHAB_IS_STORE (store), 0);

  /* With seconds, as the journal keeps it. */
  if (!prehab_parse_time (taken_at, &day, &minute) || strlen (taken_at) != 19)
    {
      invalid (error, _("A movement break needs a date and time"));
      return 0;
    }

  if (!prehab_store_transaction (store, add_break_cb, &data, error))
    return 0;

  return data.id;
}

static gboolean
remove_break_cb (PrehabStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  gint64 *id = user_data;
  g_autoptr (PrehabStatement) stmt = NULL;

  stmt = prehab_store_prepare (store, "DELETE FROM movement_break WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);
  return prehab_store_step_done (store, stmt, error);
}

/**
 * prehab_journal_remove_movement_break:
 * @store: an open store
 * @id: a break's id
 * @error: return location for an error
 *
 * Takes back a break counted by mistake.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_journal_remove_movement_break (PrehabStore  *store,
                                      gint64        id,
                                      GError      **error)
{
  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);

  return prehab_store_transaction (store, remove_break_cb, &id, error);
}

/**
 * prehab_journal_count_movement_breaks:
 * @store: an open store
 * @date: the day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Returns: the number of breaks taken that day, or -1 on error
 */
int
prehab_journal_count_movement_breaks (PrehabStore  *store,
                                      const char   *date,
                                      GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (PREHAB_IS_STORE (store), -1);

  stmt = prehab_store_prepare (store,
                               "SELECT count (*) FROM movement_break "
                               "WHERE taken_at >= ?1 AND taken_at < ?1 || 'Z'",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (store, stmt, error);
  if (rc <= 0)
    return -1;

  return sqlite3_column_int (stmt, 0);
}
