/* prehab-import.c
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

#define G_LOG_DOMAIN "prehab-import"

#include "config.h"

#include "prehab-import.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "prehab-date.h"
#include "prehab-export.h"
#include "prehab-journal.h"
#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

/* Order of the checks: the file's size, then its shape (empty, cut short,
 * nested beyond MAX_DEPTH) before any parser sees it, then JSON, then the
 * format name and version, then every item of every list: types, ranges,
 * dates, known ids, unique ids, references. Only a file that passes all of
 * them is ever written, in one transaction. */

#define MAX_DEPTH            32
#define MAX_ENROLLMENTS      1000
#define MAX_OWN_TRIGGERS     10000
#define MAX_ENTRIES          2000000
#define MAX_SESSIONS         200000
#define MAX_SESSION_ITEMS    200
#define MAX_DECISIONS        200000
#define MAX_MOVEMENT_BREAKS  2000000
#define MAX_REASONS          100
#define MAX_DOSE_VALUE       100000
#define TRIGGER_NAME_MAX     200
#define ID_MAX               G_GINT64_CONSTANT (9007199254740991) /* 2^53 - 1 */

#define DELETED_ID_KEY "pain_entry_deleted_id"

G_DEFINE_QUARK (prehab-import-error-quark, prehab_import_error)

struct _PrehabBackup
{
  JsonParser       *parser;
  JsonObject       *root;   /* owned by the parser */
  PrehabBackupInfo  info;
};

void
prehab_backup_free (PrehabBackup *backup)
{
  if (backup == NULL)
    return;

  g_clear_object (&backup->parser);
  g_free (backup->info.first_date);
  g_free (backup->info.last_date);
  g_free (backup);
}

const PrehabBackupInfo *
prehab_backup_get_info (const PrehabBackup *backup)
{
  g_return_val_if_fail (backup != NULL, NULL);

  return &backup->info;
}

/* Checking ----------------------------------------------------------- */

typedef struct
{
  /* Known in this Prehab's catalog (strings). */
  GHashTable *programs;
  GHashTable *exercises;
  GHashTable *equipment;
  GHashTable *builtin_triggers;
  /* Ids of the file (gint64 boxed). */
  GHashTable *enrollments;
  GHashTable *own_triggers;
  GHashTable *sessions;
  /* Keys that must be unique (strings). */
  GHashTable *trigger_names;
  GHashTable *session_days;
  GHashTable *decision_days;
  PrehabBackupInfo *info;
} Checker;

static void
checker_clear (Checker *checker)
{
  g_clear_pointer (&checker->programs, g_hash_table_unref);
  g_clear_pointer (&checker->exercises, g_hash_table_unref);
  g_clear_pointer (&checker->equipment, g_hash_table_unref);
  g_clear_pointer (&checker->builtin_triggers, g_hash_table_unref);
  g_clear_pointer (&checker->enrollments, g_hash_table_unref);
  g_clear_pointer (&checker->own_triggers, g_hash_table_unref);
  g_clear_pointer (&checker->sessions, g_hash_table_unref);
  g_clear_pointer (&checker->trigger_names, g_hash_table_unref);
  g_clear_pointer (&checker->session_days, g_hash_table_unref);
  g_clear_pointer (&checker->decision_days, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checker, checker_clear)

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gboolean
id_set_add (GHashTable *set,
            gint64      id)
{
  return g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gboolean
id_set_contains (GHashTable *set,
                 gint64      id)
{
  return g_hash_table_contains (set, &id);
}

static GHashTable *
load_id_set (PrehabStore  *store,
             const char   *sql,
             GError      **error)
{
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&set);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_INVALID, message);
  return FALSE;
}

/* What a value is, for messages: text “abc”, 3.5, a list, ... */
static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("a group of fields"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup (_("nothing (null)"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *value = json_node_get_string (node);
        g_autofree char *text = g_utf8_substring (value, 0, MIN (g_utf8_strlen (value, -1), 40));

        /* Translators: %s is a value found in the file */
        return g_strdup_printf (_("the text “%s”"), text);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return g_strdup ("?");
    }
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *where,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      /* Translators: the first %s is a place such as "Entry 3", the second
       * a field of the backup such as "pain" */
      g_autofree char *message = g_strdup_printf (_("%s has no “%s”"), where, name);
      invalid (error, message);
    }
  return node;
}

static gboolean
wrong_type (GError     **error,
            const char  *where,
            const char  *name,
            const char  *wanted,
            JsonNode    *node)
{
  g_autofree char *found = describe_node (node);
  /* Translators: "Entry 3: “pain” must be a whole number, not the text “5”";
   * the third %s is one of "a whole number", "text", "true or false",
   * "a list", "a group of fields" */
  g_autofree char *message = g_strdup_printf (_("%s: “%s” must be %s, not %s"),
                                              where, name, wanted, found);

  return invalid (error, message);
}

static gboolean
is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* An integer member from @min to @max; with @nullable, null gives -1. */
static gboolean
read_int (JsonObject  *object,
          const char  *where,
          const char  *name,
          gboolean     nullable,
          gint64       min,
          gint64       max,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = get_member (object, where, name, error);
  gint64 number;

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = -1;
      return TRUE;
    }

  if (!is_int (node))
    return wrong_type (error, where, name, _("a whole number"), node);

  number = json_node_get_int (node);
  if (number < min || number > max)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: "Entry 14 has pain 12; pain must be 0 to 10" */
      g_autofree char *message = g_strdup_printf (_("%s has %s %s; %s must be %s to %s"),
                                                  where, name, found, name, low, high);
      return invalid (error, message);
    }

  *value = number;
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *where,
           const char  *name,
           GError     **error)
{
  JsonNode *node = get_member (object, where, name, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (error, where, name, _("true or false"), node);
  return TRUE;
}

/* A text member; with @nullable, null gives NULL and TRUE. */
static gboolean
read_string (JsonObject  *object,
             const char  *where,
             const char  *name,
             gboolean     nullable,
             const char **value,
             GError     **error)
{
  JsonNode *node = get_member (object, where, name, error);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (error, where, name, _("text"), node);

  *value = json_node_get_string (node);
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *where,
            const char  *name,
            guint        max,
            GError     **error)
{
  JsonNode *node = get_member (object, where, name, error);
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (error, where, name, _("a list"), node);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    {
      /* Translators: "Entry 3: “regions” holds 50 items; at most 10 are allowed" */
      g_autofree char *message = g_strdup_printf (_("%s: “%s” holds %u items; at most %u are allowed"),
                                                  where, name, json_array_get_length (array), max);
      invalid (error, message);
      return NULL;
    }
  return array;
}

static JsonObject *
element_object (JsonArray   *array,
                guint        index,
                const char  *where,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = describe_node (node);
      /* Translators: "Entry 3 is a list, not a group of fields" */
      g_autofree char *message = g_strdup_printf (_("%s is %s, not a group of fields"),
                                                  where, found);
      invalid (error, message);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
check_date (const char  *where,
            const char  *name,
            const char  *text,
            GError     **error)
{
  if (prehab_date_to_day (text) == 0)
    {
      /* Translators: "Session 2: “date” is not a real date: “2026-02-30”" */
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a real date: “%s” (use YYYY-MM-DD)"),
                                                  where, name, text);
      return invalid (error, message);
    }
  return TRUE;
}

static gboolean
parse_two (const char *text,
           int         limit)
{
  return g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
         (text[0] - '0') * 10 + (text[1] - '0') < limit;
}

/* "YYYY-MM-DDTHH:MM" (or with ":SS") into the store's "YYYY-MM-DD HH:MM". */
static char *
dup_stored_time (const char *text,
                 gboolean    seconds)
{
  gsize length = seconds ? 19 : 16;
  char *stored;

  if (text == NULL || strlen (text) != length || text[10] != 'T' || text[13] != ':' ||
      !parse_two (text + 11, 24) || !parse_two (text + 14, 60) ||
      (seconds && (text[16] != ':' || !parse_two (text + 17, 60))))
    return NULL;

  stored = g_strdup (text);
  stored[10] = '\0';
  if (prehab_date_to_day (stored) == 0)
    {
      g_free (stored);
      return NULL;
    }
  stored[10] = ' ';
  return stored;
}

static gboolean
check_time (JsonObject  *object,
            const char  *where,
            const char  *name,
            gboolean     nullable,
            gboolean     seconds,
            GError     **error)
{
  const char *text;
  g_autofree char *stored = NULL;

  if (!read_string (object, where, name, nullable, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  stored = dup_stored_time (text, seconds);
  if (stored == NULL)
    {
      /* Translators: "Entry 3: “logged_at” is not a real date and time:
       * “2026-02-30T08:00” (use YYYY-MM-DDTHH:MM)" */
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a real date and time: “%s” (use %s)"),
                                                  where, name, text,
                                                  seconds ? "YYYY-MM-DDTHH:MM:SS" : "YYYY-MM-DDTHH:MM");
      return invalid (error, message);
    }
  return TRUE;
}

static gboolean
check_choice (JsonObject          *object,
              const char          *where,
              const char          *name,
              gboolean             nullable,
              const char * const  *choices,
              GError             **error)
{
  const char *text;
  g_autofree char *known = NULL;
  g_autofree char *message = NULL;

  if (!read_string (object, where, name, nullable, &text, error))
    return FALSE;
  if (text == NULL || g_strv_contains (choices, text))
    return TRUE;

  known = g_strjoinv (", ", (char **) choices);
  /* Translators: "Session 2 has the status “maybe”; use one of done, partial, skipped" */
  message = g_strdup_printf (_("%s has the %s “%s”; use one of %s"), where, name, text, known);
  return invalid (error, message);
}

static gboolean
check_note (JsonObject  *object,
            const char  *where,
            GError     **error)
{
  const char *note;

  if (!read_string (object, where, "note", FALSE, &note, error))
    return FALSE;

  if (strlen (note) > PREHAB_NOTE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (strlen (note));
      g_autofree char *limit = g_format_size (PREHAB_NOTE_MAX_BYTES);
      /* Translators: "Entry 3 has a note of 20.0 MB; a note can hold at most 16.0 MB" */
      g_autofree char *message = g_strdup_printf (_("%s has a note of %s; a note can hold at most %s"),
                                                  where, size, limit);
      return invalid (error, message);
    }
  return TRUE;
}

typedef gboolean (*KnownFunc) (gpointer    data,
                               const char *id);

static gboolean
known_term (gpointer    data,
            const char *id)
{
  return prehab_vocabulary_contains (data, id);
}

static gboolean
known_flag (gpointer    data,
            const char *id)
{
  return prehab_red_flag_lookup (id) != NULL;
}

static gboolean
known_in_set (gpointer    data,
              const char *id)
{
  return g_hash_table_contains (data, id);
}

/* A list of ids, each known and named once. @what names one, for messages. */
static gboolean
check_id_list (JsonObject  *object,
               const char  *where,
               const char  *name,
               const char  *what,
               KnownFunc    known,
               gpointer     known_data,
               GError     **error)
{
  JsonArray *array = read_array (object, where, name, 1000, error);
  g_autoptr (GHashTable) seen = NULL;

  if (array == NULL)
    return FALSE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (error, where, name, _("a list of text"), node);

      id = json_node_get_string (node);
      if (!known (known_data, id))
        {
          /* Translators: "Entry 3 names an unknown region “knee”" */
          g_autofree char *message = g_strdup_printf (_("%s names an unknown %s “%s”"),
                                                      where, what, id);
          return invalid (error, message);
        }
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          /* Translators: "Entry 3 names the region “neck” twice" */
          g_autofree char *message = g_strdup_printf (_("%s names the %s “%s” twice"),
                                                      where, what, id);
          return invalid (error, message);
        }
    }
  return TRUE;
}

static gboolean
check_unique_id (GHashTable  *ids,
                 gint64       id,
                 const char  *where,
                 GError     **error)
{
  if (!id_set_add (ids, id))
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: "Entry 5 has the id 3, which an earlier entry has too; ids must be unique" */
      g_autofree char *message = g_strdup_printf (_("%s has the id %s, which an earlier one has too; ids must be unique"),
                                                  where, number);
      return invalid (error, message);
    }
  return TRUE;
}

/* A reference to an item of another list of the file. */
static gboolean
check_reference (GHashTable  *ids,
                 gint64       id,
                 const char  *where,
                 const char  *what,
                 GError     **error)
{
  if (!id_set_contains (ids, id))
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: "Entry 3 names the session 7, which is not in the backup" */
      g_autofree char *message = g_strdup_printf (_("%s names the %s %s, which is not in the backup"),
                                                  where, what, number);
      return invalid (error, message);
    }
  return TRUE;
}

static void
note_date (PrehabBackupInfo *info,
           const char       *date)
{
  if (info->first_date == NULL || strncmp (date, info->first_date, 10) < 0)
    {
      g_free (info->first_date);
      info->first_date = g_strndup (date, 10);
    }
  if (info->last_date == NULL || strncmp (date, info->last_date, 10) > 0)
    {
      g_free (info->last_date);
      info->last_date = g_strndup (date, 10);
    }
}

static gboolean
check_enrollment (Checker     *checker,
                  JsonObject  *object,
                  const char  *where,
                  GError     **error)
{
  const char *program, *start_date;
  JsonArray *flags;
  gint64 id;

  if (!read_int (object, where, "id", FALSE, 1, ID_MAX, &id, error) ||
      !check_unique_id (checker->enrollments, id, where, error) ||
      !read_string (object, where, "program", FALSE, &program, error))
    return FALSE;

  if (!g_hash_table_contains (checker->programs, program))
    {
      /* Translators: "Program 1 names the program “x”, which this version of Prehab does not have" */
      g_autofree char *message = g_strdup_printf (_("%s names the program “%s”, which this version of Prehab does not have"),
                                                  where, program);
      return invalid (error, message);
    }

  if (!read_string (object, where, "start_date", FALSE, &start_date, error) ||
      !check_date (where, "start_date", start_date, error) ||
      !check_id_list (object, where, "training_days", _("weekday"), known_term,
                      (gpointer) prehab_weekdays, error) ||
      !check_id_list (object, where, "equipment", _("piece of equipment"), known_in_set,
                      checker->equipment, error))
    return FALSE;

  flags = read_array (object, where, "flags", 100, error);
  if (flags == NULL)
    return FALSE;
  {
    g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < json_array_get_length (flags); i++)
      {
        g_autofree char *flag_where = g_strdup_printf (_("%s, warning sign %u"), where, i + 1);
        JsonObject *flag = element_object (flags, i, flag_where, error);
        const char *flag_id;

        if (flag == NULL ||
            !read_string (flag, flag_where, "flag", FALSE, &flag_id, error) ||
            !check_time (flag, flag_where, "reported_at", FALSE, TRUE, error))
          return FALSE;
        if (prehab_red_flag_lookup (flag_id) == NULL)
          {
            g_autofree char *message = g_strdup_printf (_("%s names an unknown %s “%s”"),
                                                        flag_where, _("warning sign"), flag_id);
            return invalid (error, message);
          }
        if (!g_hash_table_add (seen, (gpointer) flag_id))
          {
            g_autofree char *message = g_strdup_printf (_("%s names the %s “%s” twice"),
                                                        where, _("warning sign"), flag_id);
            return invalid (error, message);
          }
      }
  }

  return check_time (object, where, "cleared_at", TRUE, TRUE, error) &&
         check_time (object, where, "ended_at", TRUE, TRUE, error) &&
         check_time (object, where, "created_at", FALSE, TRUE, error);
}

/* The journal's rule for a trigger's own name (prehab-journal.c). */
static gboolean
check_trigger_name (const char  *where,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  gboolean visible = FALSE;

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) ||
          g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          g_autofree char *message = g_strdup_printf (_("%s: a trigger's name cannot contain line breaks, tabs or other control characters"),
                                                      where);
          return invalid (error, message);
        }
      if (g_unichar_isgraph (c))
        visible = TRUE;
    }

  if (!visible || g_utf8_strlen (stripped, -1) > TRIGGER_NAME_MAX || strcmp (stripped, name) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s: a trigger's name needs a visible character, no spaces around it, and at most 200 characters"),
                                                  where);
      return invalid (error, message);
    }
  return TRUE;
}

static gboolean
check_own_trigger (Checker     *checker,
                   JsonObject  *object,
                   const char  *where,
                   GError     **error)
{
  const char *name;
  gint64 id;

  if (!read_int (object, where, "id", FALSE, 1, ID_MAX, &id, error) ||
      !check_unique_id (checker->own_triggers, id, where, error) ||
      !read_string (object, where, "name", FALSE, &name, error) ||
      !check_trigger_name (where, name, error) ||
      !read_bool (object, where, "retired", error) ||
      !check_time (object, where, "created_at", FALSE, TRUE, error))
    return FALSE;

  /* The journal keeps own names unique ignoring ASCII case (NOCASE). */
  if (!g_hash_table_add (checker->trigger_names, g_ascii_strdown (name, -1)))
    {
      /* Translators: "Trigger 4 has the name “Stress” of an earlier trigger" */
      g_autofree char *message = g_strdup_printf (_("%s has the name “%s” of an earlier trigger"),
                                                  where, name);
      return invalid (error, message);
    }
  return TRUE;
}

static gboolean
check_dose (JsonObject  *object,
            const char  *where,
            const char  *name,
            GError     **error)
{
  static const char *const fields[] = { "sets", "reps", "hold_s", "duration_s" };
  JsonNode *node = get_member (object, where, name, error);
  g_autofree char *dose_where = NULL;
  JsonObject *dose;
  gint64 value;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (error, where, name, _("a group of fields"), node);

  dose = json_node_get_object (node);
  /* Translators: "Session 2, exercise 1, planned" */
  dose_where = g_strdup_printf (_("%s, %s"), where, name);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!read_int (dose, dose_where, fields[i], TRUE, 0, MAX_DOSE_VALUE, &value, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_session (Checker     *checker,
               JsonObject  *object,
               const char  *where,
               GError     **error)
{
  static const char *const kinds[] = { "daily", "training", NULL };
  static const char *const statuses[] = { "done", "partial", "skipped", NULL };
  g_autofree char *day_key = NULL;
  const char *date;
  JsonArray *items;
  gint64 id, enrollment, pain;

  if (!read_int (object, where, "id", FALSE, 1, ID_MAX, &id, error) ||
      !check_unique_id (checker->sessions, id, where, error) ||
      !read_int (object, where, "enrollment", FALSE, 1, ID_MAX, &enrollment, error) ||
      !check_reference (checker->enrollments, enrollment, where, _("program"), error) ||
      !read_string (object, where, "date", FALSE, &date, error) ||
      !check_date (where, "date", date, error) ||
      !check_choice (object, where, "kind", FALSE, kinds, error) ||
      !check_choice (object, where, "status", FALSE, statuses, error) ||
      !read_int (object, where, "pain_during", TRUE, 0, 10, &pain, error) ||
      !read_int (object, where, "pain_after", TRUE, 0, 10, &pain, error) ||
      !check_note (object, where, error) ||
      !check_time (object, where, "started_at", TRUE, TRUE, error) ||
      !check_time (object, where, "finished_at", TRUE, TRUE, error))
    return FALSE;

  day_key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", enrollment, date);
  if (!g_hash_table_add (checker->session_days, g_steal_pointer (&day_key)))
    {
      /* Translators: "Session 9 is a second session on 2026-03-01; a day has one session" */
      g_autofree char *message = g_strdup_printf (_("%s is a second session on %s; a day has one session"),
                                                  where, date);
      return invalid (error, message);
    }
  note_date (checker->info, date);

  items = read_array (object, where, "exercises", MAX_SESSION_ITEMS, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      /* Translators: "Session 2, exercise 3" */
      g_autofree char *item_where = g_strdup_printf (_("%s, exercise %u"), where, i + 1);
      JsonObject *item = element_object (items, i, item_where, error);
      const char *exercise;

      if (item == NULL || !read_string (item, item_where, "exercise", FALSE, &exercise, error))
        return FALSE;
      if (!g_hash_table_contains (checker->exercises, exercise))
        {
          /* Translators: "Session 2, exercise 3 names the exercise “x”, which this version of Prehab does not know" */
          g_autofree char *message = g_strdup_printf (_("%s names the exercise “%s”, which this version of Prehab does not know"),
                                                      item_where, exercise);
          return invalid (error, message);
        }
      if (!read_bool (item, item_where, "per_side", error) ||
          !check_dose (item, item_where, "planned", error) ||
          !check_dose (item, item_where, "done", error) ||
          !read_bool (item, item_where, "completed", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_entry (Checker     *checker,
             JsonObject  *object,
             const char  *where,
             GHashTable  *entry_ids,
             GError     **error)
{
  static const char *const contexts[] = { "morning", "evening", "during", "after", "other", NULL };
  JsonArray *own;
  const char *logged_at;
  gint64 id, pain, session;

  if (!read_int (object, where, "id", FALSE, 1, ID_MAX, &id, error) ||
      !check_unique_id (entry_ids, id, where, error) ||
      !check_time (object, where, "logged_at", FALSE, FALSE, error) ||
      !check_choice (object, where, "context", FALSE, contexts, error) ||
      !read_int (object, where, "pain", FALSE, 0, 10, &pain, error) ||
      !check_id_list (object, where, "regions", _("region"), known_term,
                      (gpointer) prehab_regions, error) ||
      !check_id_list (object, where, "qualities", _("kind of pain"), known_term,
                      (gpointer) prehab_qualities, error) ||
      !check_id_list (object, where, "flags", _("warning sign"), known_flag, NULL, error) ||
      !check_id_list (object, where, "builtin_triggers", _("trigger"), known_in_set,
                      checker->builtin_triggers, error))
    return FALSE;

  own = read_array (object, where, "own_triggers", 1000, error);
  if (own == NULL)
    return FALSE;
  {
    g_autoptr (GHashTable) seen = id_set_new ();

    for (guint i = 0; i < json_array_get_length (own); i++)
      {
        JsonNode *node = json_array_get_element (own, i);

        if (!is_int (node))
          return wrong_type (error, where, "own_triggers", _("a list of whole numbers"), node);
        if (!check_reference (checker->own_triggers, json_node_get_int (node), where,
                              _("trigger"), error))
          return FALSE;
        if (!id_set_add (seen, json_node_get_int (node)))
          {
            g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
            g_autofree char *message = g_strdup_printf (_("%s names the %s “%s” twice"),
                                                        where, _("trigger"), number);
            return invalid (error, message);
          }
      }
  }

  if (!read_int (object, where, "session", TRUE, 1, ID_MAX, &session, error))
    return FALSE;
  if (session > 0 && !check_reference (checker->sessions, session, where, _("session"), error))
    return FALSE;

  if (!check_note (object, where, error) ||
      !check_time (object, where, "created_at", FALSE, TRUE, error) ||
      !check_time (object, where, "updated_at", FALSE, TRUE, error))
    return FALSE;

  read_string (object, where, "logged_at", FALSE, &logged_at, NULL);
  note_date (checker->info, logged_at);
  return TRUE;
}

static gboolean
check_decision (Checker     *checker,
                JsonObject  *object,
                const char  *where,
                GError     **error)
{
  static const char *const decisions[] = { "start", "advance", "hold", "regress", "stop", NULL };
  static const char *const phases[] = { "desensitize", "mobilize", "strengthen", "maintain", NULL };
  g_autofree char *day_key = NULL;
  const char *date;
  JsonArray *reasons;
  gint64 enrollment;

  if (!read_int (object, where, "enrollment", FALSE, 1, ID_MAX, &enrollment, error) ||
      !check_reference (checker->enrollments, enrollment, where, _("program"), error) ||
      !read_string (object, where, "date", FALSE, &date, error) ||
      !check_date (where, "date", date, error) ||
      !check_choice (object, where, "decision", FALSE, decisions, error) ||
      !check_choice (object, where, "phase_from", TRUE, phases, error) ||
      !check_choice (object, where, "phase_to", FALSE, phases, error) ||
      !read_bool (object, where, "see_clinician", error))
    return FALSE;

  reasons = read_array (object, where, "reasons", MAX_REASONS, error);
  if (reasons == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      JsonNode *node = json_array_get_element (reasons, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (error, where, "reasons", _("a list of text"), node);
    }

  if (!check_time (object, where, "decided_at", FALSE, TRUE, error))
    return FALSE;

  day_key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", enrollment, date);
  if (!g_hash_table_add (checker->decision_days, g_steal_pointer (&day_key)))
    {
      g_autofree char *message = g_strdup_printf (_("%s is a second decision on %s; a day has one decision"),
                                                  where, date);
      return invalid (error, message);
    }
  return TRUE;
}

typedef enum
{
  ITEM_PROGRAM,
  ITEM_TRIGGER,
  ITEM_SESSION,
  ITEM_DECISION,
} ItemKind;

/* Where an item is in the file, for messages; positions count from 1. */
static char *
dup_where (ItemKind kind,
           guint    position)
{
  switch (kind)
    {
    case ITEM_PROGRAM:
      /* Translators: the position of a program run in the backup, from 1 */
      return g_strdup_printf (_("Program %u"), position);
    case ITEM_TRIGGER:
      /* Translators: the position of a trigger in the backup, from 1 */
      return g_strdup_printf (_("Trigger %u"), position);
    case ITEM_SESSION:
      /* Translators: the position of a session in the backup, from 1 */
      return g_strdup_printf (_("Session %u"), position);
    case ITEM_DECISION:
    default:
      /* Translators: the position of a planner decision in the backup, from 1 */
      return g_strdup_printf (_("Decision %u"), position);
    }
}

typedef gboolean (*CheckFunc) (Checker     *checker,
                               JsonObject  *object,
                               const char  *where,
                               GError     **error);

static gboolean
check_list (Checker     *checker,
            JsonObject  *root,
            const char  *name,
            guint        max,
            ItemKind     kind,
            CheckFunc    check,
            guint       *count,
            GError     **error)
{
  JsonArray *array = read_array (root, _("The backup"), name, max, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = dup_where (kind, i + 1);
      JsonObject *object = element_object (array, i, where, error);

      if (object == NULL || !check (checker, object, where, error))
        return FALSE;
    }

  *count = json_array_get_length (array);
  return TRUE;
}

static gboolean
check_entries (Checker     *checker,
               JsonObject  *root,
               GError     **error)
{
  JsonArray *array = read_array (root, _("The backup"), "entries", MAX_ENTRIES, error);
  g_autoptr (GHashTable) ids = id_set_new ();

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      /* Translators: the position of a pain entry in the backup, from 1 */
      g_autofree char *where = g_strdup_printf (_("Entry %u"), i + 1);
      JsonObject *object = element_object (array, i, where, error);

      if (object == NULL || !check_entry (checker, object, where, ids, error))
        return FALSE;
    }

  checker->info->n_entries = json_array_get_length (array);
  return TRUE;
}

static gboolean
check_movement_breaks (Checker     *checker,
                       JsonObject  *root,
                       GError     **error)
{
  JsonArray *array = read_array (root, _("The backup"), "movement_breaks", MAX_MOVEMENT_BREAKS,
                                 error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *text = NULL;
      g_autofree char *stored = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        text = json_node_get_string (node);
      stored = dup_stored_time (text, TRUE);
      if (stored == NULL)
        {
          g_autofree char *found = describe_node (node);
          /* Translators: "Movement break 3 is the text “x”, not a date and time (YYYY-MM-DDTHH:MM:SS)" */
          g_autofree char *message = g_strdup_printf (_("Movement break %u is %s, not a real date and time (YYYY-MM-DDTHH:MM:SS)"),
                                                      i + 1, found);
          return invalid (error, message);
        }
    }

  checker->info->n_movement_breaks = json_array_get_length (array);
  return TRUE;
}

/* The file's shape before a parser sees it: empty, cut short, or nested
 * deeper than any backup (json-glib's parser recurses without a limit). */
static gboolean
check_shape (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE, escaped = FALSE, any = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (!any && !g_ascii_isspace (c))
        {
          any = TRUE;
          if (c != '{' && c != '[')
            {
              g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_JSON,
                                   _("This file is not a Prehab backup: it is not JSON"));
              return FALSE;
            }
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_JSON,
                                   _("This file is not a Prehab backup: it is nested far deeper than a backup is"));
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        depth--;
    }

  if (!any)
    {
      g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_EMPTY,
                           _("The file is empty"));
      return FALSE;
    }
  if (in_string || depth > 0)
    {
      g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_TRUNCATED,
                           _("The file ends in the middle: it may have been cut short"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), PREHAB_BACKUP_FORMAT) != 0)
    {
      g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_BACKUP,
                           _("This file is not a Prehab backup: it does not say “format”: “prehab-backup”"));
      return FALSE;
    }

  if (version == NULL || !is_int (version))
    {
      g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_BACKUP,
                           _("This backup has no valid version: “version” must be a whole number"));
      return FALSE;
    }

  number = json_node_get_int (version);
  if (number > PREHAB_BACKUP_VERSION)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NEWER_VERSION,
                   /* Translators: %s is a number */
                   _("This backup comes from a newer version of Prehab (format %s); update Prehab to import it"),
                   text);
      return FALSE;
    }
  if (number < 1)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_BACKUP,
                   _("This backup has an unknown version (%s)"), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * prehab_backup_load_bytes:
 * @contents: the file's contents
 * @store: the journal whose catalog names the known programs, exercises,
 *   equipment and built-in triggers
 * @error: return location for a %PREHAB_IMPORT_ERROR
 *
 * Parses and checks a whole backup. Nothing is written.
 *
 * Returns: (transfer full) (nullable): the checked backup
 */
PrehabBackup *
prehab_backup_load_bytes (GBytes       *contents,
                          PrehabStore  *store,
                          GError      **error)
{
  g_autoptr (PrehabBackup) backup = g_new0 (PrehabBackup, 1);
  g_autoptr (GError) local_error = NULL;
  g_auto (Checker) checker = { NULL };
  const char *data;
  JsonNode *root;
  gsize length;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  data = g_bytes_get_data (contents, &length);
  if (length > PREHAB_BACKUP_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (PREHAB_BACKUP_MAX_BYTES);

      g_set_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: both are sizes such as "300 MB" */
                   _("The file is too large to be a Prehab backup (%s; at most %s)"), size, limit);
      return NULL;
    }
  if (!check_shape (data, length, error))
    return NULL;

  backup->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (backup->parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_JSON,
                   /* Translators: %s is the parser's reason */
                   _("This file is not a Prehab backup: it is not valid JSON (%s)"),
                   local_error->message);
      return NULL;
    }

  root = json_parser_get_root (backup->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_BACKUP,
                           _("This file is not a Prehab backup: it does not say “format”: “prehab-backup”"));
      return NULL;
    }
  backup->root = json_node_get_object (root);
  if (!check_header (backup->root, error))
    return NULL;

  checker.info = &backup->info;
  checker.programs = load_id_set (store, "SELECT id FROM program", error);
  if (checker.programs == NULL)
    return NULL;
  checker.exercises = load_id_set (store, "SELECT id FROM exercise", error);
  if (checker.exercises == NULL)
    return NULL;
  checker.equipment = load_id_set (store, "SELECT id FROM equipment", error);
  if (checker.equipment == NULL)
    return NULL;
  checker.builtin_triggers = load_id_set (store,
                                          "SELECT builtin_id FROM pain_trigger "
                                          "WHERE builtin_id IS NOT NULL",
                                          error);
  if (checker.builtin_triggers == NULL)
    return NULL;
  checker.enrollments = id_set_new ();
  checker.own_triggers = id_set_new ();
  checker.sessions = id_set_new ();
  checker.trigger_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.session_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.decision_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Lists that others refer to come first. */
  if (!check_list (&checker, backup->root, "enrollments", MAX_ENROLLMENTS, ITEM_PROGRAM,
                   check_enrollment, &backup->info.n_enrollments, error) ||
      !check_list (&checker, backup->root, "own_triggers", MAX_OWN_TRIGGERS, ITEM_TRIGGER,
                   check_own_trigger, &backup->info.n_own_triggers, error) ||
      !check_list (&checker, backup->root, "sessions", MAX_SESSIONS, ITEM_SESSION,
                   check_session, &backup->info.n_sessions, error) ||
      !check_entries (&checker, backup->root, error) ||
      !check_list (&checker, backup->root, "decisions", MAX_DECISIONS, ITEM_DECISION,
                   check_decision, &backup->info.n_decisions, error) ||
      !check_movement_breaks (&checker, backup->root, error))
    return NULL;

  return g_steal_pointer (&backup);
}

/**
 * prehab_backup_load_file:
 * @path: the backup file
 * @store: the journal (see prehab_backup_load_bytes())
 * @error: return location for a %PREHAB_IMPORT_ERROR
 *
 * Returns: (transfer full) (nullable): the checked backup
 */
PrehabBackup *
prehab_backup_load_file (const char   *path,
                         PrehabStore  *store,
                         GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GStatBuf info;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  /* The size first: a huge file is refused without reading it. */
  if (g_stat (path, &info) == 0 && S_ISREG (info.st_mode) &&
      (guint64) info.st_size > PREHAB_BACKUP_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (info.st_size);
      g_autofree char *limit = g_format_size (PREHAB_BACKUP_MAX_BYTES);

      g_set_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be a Prehab backup (%s; at most %s)"), size, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PREHAB_IMPORT_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? PREHAB_IMPORT_ERROR_NOT_FOUND : PREHAB_IMPORT_ERROR_READ,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return prehab_backup_load_bytes (bytes, store, error);
}

/* Applying ----------------------------------------------------------- */

typedef struct
{
  PrehabBackup        *backup;
  PrehabImportMode     mode;
  PrehabImportSummary  summary;
  char                *now;
  /* File ids to journal ids (gint64 boxed both). */
  GHashTable          *enrollments;
  GHashTable          *triggers;
  GHashTable          *sessions;
} ApplyData;

static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
id_map_set (GHashTable *map,
            gint64      from,
            gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

static gint64
id_map_get (GHashTable *map,
            gint64      from)
{
  gint64 *to = g_hash_table_lookup (map, &from);

  g_assert (to != NULL);
  return *to;
}

static JsonArray *
root_array (ApplyData  *data,
            const char *name)
{
  return json_object_get_array_member (data->backup->root, name);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static void
bind_time (PrehabStatement *stmt,
           int              column,
           JsonObject      *object,
           const char      *name)
{
  const char *text = member_string (object, name);
  char *stored = NULL;

  if (text != NULL)
    stored = dup_stored_time (text, strlen (text) == 19);
  if (stored != NULL)
    sqlite3_bind_text (stmt, column, stored, -1, g_free);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_int_or_null (PrehabStatement *stmt,
                  int              column,
                  JsonObject      *object,
                  const char      *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, json_node_get_int (node));
}

/* Whether @id is free in @table (the file's id is then kept). The table
 * name is one of ours, never text from the file. */
static int
id_is_free (PrehabStore  *store,
            const char   *sql,
            gint64        id,
            GError      **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = prehab_store_step_row (store, stmt, error);
  if (rc < 0)
    return -1;
  return rc == 0;
}

/* Steps @find, a query for the journal's row that is the same as the
 * file's row @file_id (its id in the first column). When there is one,
 * maps @file_id to it and counts it in @skipped. Returns 1 when there is
 * one, 0 when not, -1 on an error. */
static int
map_if_present (PrehabStore      *store,
                PrehabStatement  *find,
                GHashTable       *map,
                gint64            file_id,
                guint            *skipped,
                GError          **error)
{
  int rc = prehab_store_step_row (store, find, error);

  if (rc > 0)
    {
      id_map_set (map, file_id, sqlite3_column_int64 (find, 0));
      (*skipped)++;
    }
  return rc;
}

/* The new row's id: the file's when @keep, else one SQLite picks. */
static void
bind_new_id (PrehabStatement *stmt,
             int              column,
             gboolean         keep,
             gint64           file_id)
{
  if (keep)
    sqlite3_bind_int64 (stmt, column, file_id);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
delete_person_data (PrehabStore  *store,
                    GError      **error)
{
  /* Entries first: their trigger links do not cascade from the triggers. */
  return prehab_store_exec_script (store,
                                   "DELETE FROM pain_entry;"
                                   "DELETE FROM session;"
                                   "DELETE FROM planner_decision;"
                                   "DELETE FROM enrollment;"
                                   "DELETE FROM movement_break;"
                                   "DELETE FROM pain_trigger WHERE builtin_id IS NULL;",
                                   error);
}

static gboolean
apply_enrollments (PrehabStore  *store,
                   ApplyData    *data,
                   GError      **error)
{
  JsonArray *array = root_array (data, "enrollments");
  gboolean had_active = FALSE;

  if (data->mode == PREHAB_IMPORT_MERGE)
    {
      g_autoptr (PrehabStatement) active = NULL;
      int rc;

      active = prehab_store_prepare (store, "SELECT 1 FROM enrollment WHERE ended_at IS NULL", error);
      if (active == NULL)
        return FALSE;
      rc = prehab_store_step_row (store, active, error);
      if (rc < 0)
        return FALSE;
      had_active = rc > 0;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gint64 file_id = json_object_get_int_member (object, "id");
      JsonArray *days = json_object_get_array_member (object, "training_days");
      JsonArray *equipment = json_object_get_array_member (object, "equipment");
      JsonArray *flags = json_object_get_array_member (object, "flags");
      g_autoptr (PrehabStatement) add = NULL;
      guint training_days = 0;
      gint64 id;
      int free_id;

      if (data->mode == PREHAB_IMPORT_MERGE)
        {
          g_autoptr (PrehabStatement) find = NULL;
          int rc;

          /* The same program started on the same day is the same run. */
          find = prehab_store_prepare (store,
                                       "SELECT id FROM enrollment WHERE program_id = ?1 AND start_date = ?2 "
                                       "ORDER BY id LIMIT 1",
                                       error);
          if (find == NULL)
            return FALSE;
          sqlite3_bind_text (find, 1, json_object_get_string_member (object, "program"), -1,
                             SQLITE_TRANSIENT);
          sqlite3_bind_text (find, 2, json_object_get_string_member (object, "start_date"), -1,
                             SQLITE_TRANSIENT);
          rc = map_if_present (store, find, data->enrollments, file_id,
                               &data->summary.enrollments_skipped, error);
          if (rc < 0)
            return FALSE;
          if (rc > 0)
            continue;
        }

      free_id = id_is_free (store, "SELECT 1 FROM enrollment WHERE id = ?1", file_id, error);
      if (free_id < 0)
        return FALSE;

      for (guint d = 0; d < json_array_get_length (days); d++)
        training_days |= 1u << prehab_weekday_index (json_array_get_string_element (days, d));

      add = prehab_store_prepare (store,
                                  "INSERT INTO enrollment (id, program_id, start_date, training_days, "
                                  "                        cleared_at, ended_at, created_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  error);
      if (add == NULL)
        return FALSE;
      bind_new_id (add, 1, free_id, file_id);
      sqlite3_bind_text (add, 2, json_object_get_string_member (object, "program"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (add, 3, json_object_get_string_member (object, "start_date"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int (add, 4, (int) training_days);
      bind_time (add, 5, object, "cleared_at");
      /* The program under way stays under way: one from the file that
       * was under way too is added as ended now. */
      if (had_active && member_string (object, "ended_at") == NULL)
        sqlite3_bind_text (add, 6, data->now, -1, SQLITE_TRANSIENT);
      else
        bind_time (add, 6, object, "ended_at");
      bind_time (add, 7, object, "created_at");
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (prehab_store_get_db (store));
      id_map_set (data->enrollments, file_id, id);
      data->summary.enrollments_added++;

      for (guint e = 0; e < json_array_get_length (equipment); e++)
        {
          g_autoptr (PrehabStatement) stmt = NULL;

          stmt = prehab_store_prepare (store,
                                       "INSERT INTO enrollment_equipment (enrollment_id, equipment_id) "
                                       "VALUES (?1, ?2)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, json_array_get_string_element (equipment, e), -1,
                             SQLITE_TRANSIENT);
          if (!prehab_store_step_done (store, stmt, error))
            return FALSE;
        }

      for (guint f = 0; f < json_array_get_length (flags); f++)
        {
          JsonObject *flag = json_array_get_object_element (flags, f);
          g_autoptr (PrehabStatement) stmt = NULL;

          stmt = prehab_store_prepare (store,
                                       "INSERT INTO enrollment_flag (enrollment_id, flag, reported_at) "
                                       "VALUES (?1, ?2, ?3)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, json_object_get_string_member (flag, "flag"), -1,
                             SQLITE_TRANSIENT);
          bind_time (stmt, 3, flag, "reported_at");
          if (!prehab_store_step_done (store, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_own_triggers (PrehabStore  *store,
                    ApplyData    *data,
                    GError      **error)
{
  JsonArray *array = root_array (data, "own_triggers");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gint64 file_id = json_object_get_int_member (object, "id");
      const char *name = json_object_get_string_member (object, "name");
      g_autoptr (PrehabStatement) find = NULL;
      g_autoptr (PrehabStatement) add = NULL;
      int free_id, rc;

      /* A trigger of the same name is the same trigger (the journal's
       * own rule for names). */
      find = prehab_store_prepare (store,
                                   "SELECT id FROM pain_trigger "
                                   "WHERE builtin_id IS NULL AND name = ?1 COLLATE NOCASE",
                                   error);
      if (find == NULL)
        return FALSE;
      sqlite3_bind_text (find, 1, name, -1, SQLITE_TRANSIENT);
      rc = map_if_present (store, find, data->triggers, file_id,
                           &data->summary.triggers_skipped, error);
      if (rc < 0)
        return FALSE;
      if (rc > 0)
        continue;

      free_id = id_is_free (store, "SELECT 1 FROM pain_trigger WHERE id = ?1", file_id, error);
      if (free_id < 0)
        return FALSE;

      add = prehab_store_prepare (store,
                                  "INSERT INTO pain_trigger (id, name, retired, sort_order, created_at) "
                                  "VALUES (?1, ?2, ?3, "
                                  "        (SELECT coalesce (max (sort_order), 0) + 1 FROM pain_trigger), ?4)",
                                  error);
      if (add == NULL)
        return FALSE;
      bind_new_id (add, 1, free_id, file_id);
      sqlite3_bind_text (add, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (add, 3, json_object_get_boolean_member (object, "retired"));
      bind_time (add, 4, object, "created_at");
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
      id_map_set (data->triggers, file_id, sqlite3_last_insert_rowid (prehab_store_get_db (store)));
      data->summary.triggers_added++;
    }

  return TRUE;
}

static void
bind_dose (PrehabStatement *stmt,
           int              first_column,
           JsonObject      *dose)
{
  static const char *const fields[] = { "sets", "reps", "hold_s", "duration_s" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    bind_int_or_null (stmt, first_column + (int) i, dose, fields[i]);
}

static gboolean
apply_sessions (PrehabStore  *store,
                ApplyData    *data,
                GError      **error)
{
  JsonArray *array = root_array (data, "sessions");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gint64 file_id = json_object_get_int_member (object, "id");
      gint64 enrollment = id_map_get (data->enrollments,
                                      json_object_get_int_member (object, "enrollment"));
      JsonArray *items = json_object_get_array_member (object, "exercises");
      g_autoptr (PrehabStatement) find = NULL;
      g_autoptr (PrehabStatement) add = NULL;
      gint64 id;
      int free_id, rc;

      /* One session per program and day: a day already recorded keeps
       * what the journal has. */
      find = prehab_store_prepare (store,
                                   "SELECT id FROM session WHERE enrollment_id = ?1 AND date = ?2 "
                                   "ORDER BY id LIMIT 1",
                                   error);
      if (find == NULL)
        return FALSE;
      sqlite3_bind_int64 (find, 1, enrollment);
      sqlite3_bind_text (find, 2, json_object_get_string_member (object, "date"), -1,
                         SQLITE_TRANSIENT);
      rc = map_if_present (store, find, data->sessions, file_id,
                           &data->summary.sessions_skipped, error);
      if (rc < 0)
        return FALSE;
      if (rc > 0)
        continue;

      free_id = id_is_free (store, "SELECT 1 FROM session WHERE id = ?1", file_id, error);
      if (free_id < 0)
        return FALSE;

      add = prehab_store_prepare (store,
                                  "INSERT INTO session (id, enrollment_id, date, kind, status, pain_during, "
                                  "                     pain_after, note, started_at, finished_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                  error);
      if (add == NULL)
        return FALSE;
      bind_new_id (add, 1, free_id, file_id);
      sqlite3_bind_int64 (add, 2, enrollment);
      sqlite3_bind_text (add, 3, json_object_get_string_member (object, "date"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (add, 4, json_object_get_string_member (object, "kind"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (add, 5, json_object_get_string_member (object, "status"), -1, SQLITE_TRANSIENT);
      bind_int_or_null (add, 6, object, "pain_during");
      bind_int_or_null (add, 7, object, "pain_after");
      sqlite3_bind_text (add, 8, json_object_get_string_member (object, "note"), -1, SQLITE_TRANSIENT);
      bind_time (add, 9, object, "started_at");
      bind_time (add, 10, object, "finished_at");
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (prehab_store_get_db (store));
      id_map_set (data->sessions, file_id, id);
      data->summary.sessions_added++;

      for (guint p = 0; p < json_array_get_length (items); p++)
        {
          JsonObject *item = json_array_get_object_element (items, p);
          g_autoptr (PrehabStatement) stmt = NULL;

          stmt = prehab_store_prepare (store,
                                       "INSERT INTO session_exercise (session_id, position, exercise_id, "
                                       "  per_side, planned_sets, planned_reps, planned_hold_s, "
                                       "  planned_duration_s, done_sets, done_reps, done_hold_s, "
                                       "  done_duration_s, completed) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, (int) p);
          sqlite3_bind_text (stmt, 3, json_object_get_string_member (item, "exercise"), -1,
                             SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 4, json_object_get_boolean_member (item, "per_side"));
          bind_dose (stmt, 5, json_object_get_object_member (item, "planned"));
          bind_dose (stmt, 9, json_object_get_object_member (item, "done"));
          sqlite3_bind_int (stmt, 13, json_object_get_boolean_member (item, "completed"));
          if (!prehab_store_step_done (store, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Merge: an entry with the same time, context, pain and note as one the
 * journal had before the import is already there. Decided for every entry
 * before any is written, so entries repeated inside the file all arrive. */
static gboolean *
find_present_entries (PrehabStore  *store,
                      JsonArray    *array,
                      GError      **error)
{
  g_autofree gboolean *present = g_new0 (gboolean, json_array_get_length (array) + 1);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autoptr (PrehabStatement) find = NULL;
      int rc;

      find = prehab_store_prepare (store,
                                   "SELECT 1 FROM pain_entry WHERE logged_at = ?1 AND context = ?2 "
                                   "AND pain = ?3 AND note = ?4 LIMIT 1",
                                   error);
      if (find == NULL)
        return NULL;
      bind_time (find, 1, object, "logged_at");
      sqlite3_bind_text (find, 2, json_object_get_string_member (object, "context"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int64 (find, 3, json_object_get_int_member (object, "pain"));
      sqlite3_bind_text (find, 4, json_object_get_string_member (object, "note"), -1,
                         SQLITE_STATIC);
      rc = prehab_store_step_row (store, find, error);
      if (rc < 0)
        return NULL;
      present[i] = rc > 0;
    }

  return g_steal_pointer (&present);
}

static gboolean
add_entry_tags (PrehabStore  *store,
                const char   *sql,
                gint64        entry_id,
                JsonArray    *tags,
                GError      **error)
{
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_text (stmt, 2, json_array_get_string_element (tags, i), -1, SQLITE_TRANSIENT);
      if (!prehab_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
link_trigger (PrehabStore  *store,
              gint64        entry_id,
              gint64        trigger_id,
              GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;

  stmt = prehab_store_prepare (store,
                               "INSERT INTO pain_entry_trigger (entry_id, trigger_id) VALUES (?1, ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int64 (stmt, 2, trigger_id);
  return prehab_store_step_done (store, stmt, error);
}

static gboolean
apply_entries (PrehabStore  *store,
               ApplyData    *data,
               GError      **error)
{
  JsonArray *array = root_array (data, "entries");
  g_autofree gboolean *present = NULL;

  if (data->mode == PREHAB_IMPORT_MERGE)
    {
      present = find_present_entries (store, array, error);
      if (present == NULL)
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gint64 file_id = json_object_get_int_member (object, "id");
      JsonArray *builtin = json_object_get_array_member (object, "builtin_triggers");
      JsonArray *own = json_object_get_array_member (object, "own_triggers");
      JsonNode *session = json_object_get_member (object, "session");
      g_autoptr (PrehabStatement) keep = NULL;
      g_autoptr (PrehabStatement) add = NULL;
      gint64 id;
      int rc;

      if (present != NULL && present[i])
        {
          data->summary.entries_skipped++;
          continue;
        }

      /* The file's id when it is free and above any id an Undo of a
       * deletion may still bring back (prehab-journal.c). */
      keep = prehab_store_prepare (store,
                                   "SELECT NOT EXISTS (SELECT 1 FROM pain_entry WHERE id = ?1) "
                                   "  AND ?1 > coalesce ((SELECT CAST (value AS INTEGER) FROM meta "
                                   "                      WHERE key = '" DELETED_ID_KEY "'), 0)",
                                   error);
      if (keep == NULL)
        return FALSE;
      sqlite3_bind_int64 (keep, 1, file_id);
      rc = prehab_store_step_row (store, keep, error);
      if (rc < 0)
        return FALSE;
      rc = sqlite3_column_int (keep, 0);
      g_clear_pointer (&keep, prehab_statement_release);

      add = prehab_store_prepare (store,
                                  "INSERT INTO pain_entry (id, logged_at, context, pain, note, session_id, "
                                  "                        created_at, updated_at) "
                                  "VALUES (coalesce (?1, max ((SELECT coalesce (max (id), 0) FROM pain_entry), "
                                  "                           coalesce ((SELECT CAST (value AS INTEGER) FROM meta "
                                  "                                      WHERE key = '" DELETED_ID_KEY "'), 0)) + 1), "
                                  "        ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  error);
      if (add == NULL)
        return FALSE;
      bind_new_id (add, 1, rc, file_id);
      bind_time (add, 2, object, "logged_at");
      sqlite3_bind_text (add, 3, json_object_get_string_member (object, "context"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int64 (add, 4, json_object_get_int_member (object, "pain"));
      sqlite3_bind_text (add, 5, json_object_get_string_member (object, "note"), -1, SQLITE_STATIC);
      if (JSON_NODE_HOLDS_NULL (session))
        sqlite3_bind_null (add, 6);
      else
        sqlite3_bind_int64 (add, 6, id_map_get (data->sessions, json_node_get_int (session)));
      bind_time (add, 7, object, "created_at");
      bind_time (add, 8, object, "updated_at");
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (prehab_store_get_db (store));
      data->summary.entries_added++;

      if (!add_entry_tags (store, "INSERT INTO pain_entry_region (entry_id, region) VALUES (?1, ?2)",
                           id, json_object_get_array_member (object, "regions"), error) ||
          !add_entry_tags (store, "INSERT INTO pain_entry_quality (entry_id, quality) VALUES (?1, ?2)",
                           id, json_object_get_array_member (object, "qualities"), error) ||
          !add_entry_tags (store, "INSERT INTO pain_entry_flag (entry_id, flag) VALUES (?1, ?2)",
                           id, json_object_get_array_member (object, "flags"), error))
        return FALSE;

      for (guint t = 0; t < json_array_get_length (builtin); t++)
        {
          g_autoptr (PrehabStatement) stmt = NULL;

          stmt = prehab_store_prepare (store,
                                       "INSERT INTO pain_entry_trigger (entry_id, trigger_id) "
                                       "SELECT ?1, id FROM pain_trigger WHERE builtin_id = ?2",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, json_array_get_string_element (builtin, t), -1,
                             SQLITE_TRANSIENT);
          if (!prehab_store_step_done (store, stmt, error))
            return FALSE;
        }

      for (guint t = 0; t < json_array_get_length (own); t++)
        if (!link_trigger (store, id,
                           id_map_get (data->triggers, json_array_get_int_element (own, t)),
                           error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
apply_decisions (PrehabStore  *store,
                 ApplyData    *data,
                 GError      **error)
{
  JsonArray *array = root_array (data, "decisions");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *reasons = json_object_get_member (object, "reasons");
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autofree char *reasons_text = NULL;
      g_autoptr (PrehabStatement) add = NULL;

      json_generator_set_root (generator, reasons);
      reasons_text = json_generator_to_data (generator, NULL);

      /* A day the journal already decided keeps its own decision. */
      add = prehab_store_prepare (store,
                                  "INSERT INTO planner_decision (enrollment_id, date, decision, "
                                  "  phase_from, phase_to, see_clinician, reasons, decided_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                  "ON CONFLICT (enrollment_id, date) DO NOTHING",
                                  error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, id_map_get (data->enrollments,
                                              json_object_get_int_member (object, "enrollment")));
      sqlite3_bind_text (add, 2, json_object_get_string_member (object, "date"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (add, 3, json_object_get_string_member (object, "decision"), -1,
                         SQLITE_TRANSIENT);
      prehab_statement_bind_text (add, 4, member_string (object, "phase_from"));
      sqlite3_bind_text (add, 5, json_object_get_string_member (object, "phase_to"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int (add, 6, json_object_get_boolean_member (object, "see_clinician"));
      sqlite3_bind_text (add, 7, reasons_text, -1, SQLITE_TRANSIENT);
      bind_time (add, 8, object, "decided_at");
      if (!prehab_store_step_done (store, add, error))
        return FALSE;

      if (sqlite3_changes (prehab_store_get_db (store)) > 0)
        data->summary.decisions_added++;
      else
        data->summary.decisions_skipped++;
    }

  return TRUE;
}

static gboolean
apply_movement_breaks (PrehabStore  *store,
                       ApplyData    *data,
                       GError      **error)
{
  JsonArray *array = root_array (data, "movement_breaks");
  g_autofree gboolean *present = g_new0 (gboolean, json_array_get_length (array) + 1);

  /* Merge: a break at the same second is already there. */
  if (data->mode == PREHAB_IMPORT_MERGE)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        g_autoptr (PrehabStatement) find = NULL;
        char *stored = dup_stored_time (json_array_get_string_element (array, i), TRUE);
        int rc;

        find = prehab_store_prepare (store, "SELECT 1 FROM movement_break WHERE taken_at = ?1", error);
        if (find == NULL)
          {
            g_free (stored);
            return FALSE;
          }
        sqlite3_bind_text (find, 1, stored, -1, g_free);
        rc = prehab_store_step_row (store, find, error);
        if (rc < 0)
          return FALSE;
        present[i] = rc > 0;
      }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (PrehabStatement) add = NULL;

      if (present[i])
        {
          data->summary.movement_breaks_skipped++;
          continue;
        }

      add = prehab_store_prepare (store, "INSERT INTO movement_break (taken_at) VALUES (?1)", error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_text (add, 1, dup_stored_time (json_array_get_string_element (array, i), TRUE),
                         -1, g_free);
      if (!prehab_store_step_done (store, add, error))
        return FALSE;
      data->summary.movement_breaks_added++;
    }

  return TRUE;
}

static gboolean
apply_cb (PrehabStore  *store,
          gpointer      user_data,
          GError      **error)
{
  ApplyData *data = user_data;

  memset (&data->summary, 0, sizeof data->summary);
  g_hash_table_remove_all (data->enrollments);
  g_hash_table_remove_all (data->triggers);
  g_hash_table_remove_all (data->sessions);

  if (data->mode == PREHAB_IMPORT_REPLACE && !delete_person_data (store, error))
    return FALSE;

  return apply_enrollments (store, data, error) &&
         apply_own_triggers (store, data, error) &&
         apply_sessions (store, data, error) &&
         apply_entries (store, data, error) &&
         apply_decisions (store, data, error) &&
         apply_movement_breaks (store, data, error);
}

/**
 * prehab_backup_apply:
 * @backup: a checked backup
 * @store: the journal
 * @mode: merge (add what is missing) or replace (the person's data
 *   becomes the file's)
 * @summary: (out) (optional): what was added and skipped
 * @error: return location for an error
 *
 * Writes @backup in one transaction: on any error nothing changes. The
 * catalog's own content (exercises, programs, built-in triggers) is never
 * touched. Merge rules are in HACKING.md "Export and import".
 *
 * Returns: %TRUE when the backup was imported
 */
gboolean
prehab_backup_apply (PrehabBackup         *backup,
                     PrehabStore          *store,
                     PrehabImportMode      mode,
                     PrehabImportSummary  *summary,
                     GError              **error)
{
  ApplyData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);

  data.backup = backup;
  data.mode = mode;
  data.now = prehab_date_dup_now_seconds ();
  data.enrollments = id_map_new ();
  data.triggers = id_map_new ();
  data.sessions = id_map_new ();

  ok = prehab_store_transaction (store, apply_cb, &data, error);

  if (ok && summary != NULL)
    *summary = data.summary;

  g_free (data.now);
  g_hash_table_unref (data.enrollments);
  g_hash_table_unref (data.triggers);
  g_hash_table_unref (data.sessions);
  return ok;
}

/**
 * prehab_backup_info_dup_text:
 * @info: what a backup holds
 *
 * Returns: one sentence for people: "42 pain entries and 10 sessions, from
 *   5 January 2026 to 3 March 2026."
 */
char *
prehab_backup_info_dup_text (const PrehabBackupInfo *info)
{
  g_autofree char *entries = NULL;
  g_autofree char *sessions = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->first_date == NULL)
    return g_strdup (_("The backup holds no pain entries and no sessions."));

  entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pain entry", "%u pain entries",
                                          info->n_entries),
                             info->n_entries);
  sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions",
                                           info->n_sessions),
                              info->n_sessions);
  /* Translators: "42 pain entries and 10 sessions, from 2026-01-05 to 2026-03-03." */
  return g_strdup_printf (_("%s and %s, from %s to %s."), entries, sessions,
                          info->first_date, info->last_date);
}

/**
 * prehab_import_summary_dup_text:
 * @summary: what an import did
 *
 * Returns: one sentence for people: "Imported 42 entries and 10 sessions"
 */
char *
prehab_import_summary_dup_text (const PrehabImportSummary *summary)
{
  g_autofree char *entries = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *added = NULL;
  guint skipped;

  g_return_val_if_fail (summary != NULL, NULL);

  entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                          summary->entries_added),
                             summary->entries_added);
  sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions",
                                           summary->sessions_added),
                              summary->sessions_added);
  /* Translators: "Imported 42 entries and 10 sessions" */
  added = g_strdup_printf (_("Imported %s and %s"), entries, sessions);

  skipped = summary->entries_skipped + summary->sessions_skipped;
  if (skipped == 0)
    return g_steal_pointer (&added);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the first %s is "Imported 42 entries and 10 sessions" */
                                       "%s; %u was already there",
                                       "%s; %u were already there",
                                       skipped),
                          added, skipped);
}
