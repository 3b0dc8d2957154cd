/* test-journal.c: reading, editing, deleting and restoring pain entries
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prehab-catalog.h"
#include "prehab-journal.h"
#include "prehab-schedule.h"
#include "prehab-store-private.h"
#include "prehab-test-util.h"

/* "Today" is pinned in main(): a Sunday, three weeks after START. */
#define TODAY "2026-03-22"
#define START "2026-03-01"

typedef struct
{
  char        *dir;
  PrehabStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers ----------------------------------------------------------------- */

/* Every row of every table: what a refused call must leave as it was. */
static char *
dump_store (PrehabStore *store)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prehab_store_get_db (store),
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *rows = prehab_test_dump_table (store, table);

      g_string_append_printf (dump, "[%s]\n%s", table, rows);
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static gint64
count (PrehabStore *store,
       const char  *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (PrehabStore *store,
       const char  *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return prehab_test_count (store, sql);
}

static GStrv
strv_new (const char *first,
          ...) G_GNUC_NULL_TERMINATED;

static GStrv
strv_new (const char *first,
          ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *value = first; value != NULL; value = va_arg (args, const char *))
    g_strv_builder_add (builder, value);
  va_end (args);

  return g_strv_builder_end (builder);
}

static PrehabPainEntry *
entry_new (const char *logged_at,
           const char *context,
           int         pain)
{
  PrehabPainEntry *entry = prehab_pain_entry_new ();

  entry->logged_at = g_strdup (logged_at);
  g_free (entry->context);
  entry->context = g_strdup (context);
  entry->pain = pain;
  return entry;
}

static gint64
add (PrehabStore     *store,
     PrehabPainEntry *entry)
{
  g_autoptr (GError) error = NULL;
  gint64 id = prehab_journal_add_entry (store, entry, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
log_pain (PrehabStore *store,
          const char  *logged_at,
          const char  *context,
          int          pain)
{
  g_autoptr (PrehabPainEntry) entry = entry_new (logged_at, context, pain);

  return add (store, entry);
}

static PrehabPainEntry *
load (PrehabStore *store,
      gint64       id)
{
  g_autoptr (GError) error = NULL;
  PrehabPainEntry *entry = prehab_journal_load_entry (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static void
assert_same_strv (GStrv a,
                  GStrv b)
{
  g_assert_cmpuint (a != NULL ? g_strv_length (a) : 0, ==, b != NULL ? g_strv_length (b) : 0);
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

/* Every field, byte for byte. */
static void
assert_same_entry (const PrehabPainEntry *a,
                   const PrehabPainEntry *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->logged_at, ==, b->logged_at);
  g_assert_cmpstr (a->context, ==, b->context);
  g_assert_cmpint (a->pain, ==, b->pain);
  g_assert_cmpuint (strlen (a->note), ==, strlen (b->note));
  g_assert_true (memcmp (a->note, b->note, strlen (a->note)) == 0);
  assert_same_strv (a->regions, b->regions);
  assert_same_strv (a->qualities, b->qualities);
  assert_same_strv (a->flags, b->flags);
  assert_same_strv (a->triggers, b->triggers);
  g_assert_cmpint (a->session_id, ==, b->session_id);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
}

/* An entry with something in every field. */
static PrehabPainEntry *
full_entry (void)
{
  PrehabPainEntry *entry = entry_new ("2026-03-20 18:45", "evening", 6);

  g_free (entry->note);
  entry->note = g_strdup ("Worse after the long drive.");
  entry->regions = strv_new ("between-shoulder-blades", "neck", NULL);
  entry->qualities = strv_new ("ache", "burning", NULL);
  entry->flags = strv_new ("night-pain", NULL);
  entry->triggers = strv_new ("driving", "Desk chair", NULL);
  return entry;
}

/* Entries ----------------------------------------------------------------- */

static void
test_load_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) loaded = NULL;
  g_autoptr (PrehabPainEntry) missing = NULL;
  g_autoptr (PrehabPainEntry) copy = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  gint64 id = add (fixture->store, entry);

  loaded = load (fixture->store, id);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->logged_at, ==, "2026-03-20 18:45");
  g_assert_cmpstr (loaded->context, ==, "evening");
  g_assert_cmpint (loaded->pain, ==, 6);
  g_assert_cmpstr (loaded->note, ==, "Worse after the long drive.");
  g_assert_cmpstrv (loaded->regions, ((const char * const[]) { "between-shoulder-blades", "neck", NULL }));
  g_assert_cmpstrv (loaded->qualities, ((const char * const[]) { "ache", "burning", NULL }));
  g_assert_cmpstrv (loaded->flags, ((const char * const[]) { "night-pain", NULL }));
  /* Built-in first, in the catalog's order; then the person's own. */
  g_assert_cmpstrv (loaded->triggers, ((const char * const[]) { "driving", "Desk chair", NULL }));
  g_assert_cmpint (loaded->session_id, ==, 0);
  g_assert_nonnull (loaded->created_at);
  g_assert_cmpuint (strlen (loaded->created_at), ==, 19);
  g_assert_cmpstr (loaded->updated_at, ==, loaded->created_at);

  /* The list reads the same entry. */
  listed = prehab_journal_list_entries (fixture->store, "2026-03-20", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_same_entry (listed->pdata[0], loaded);

  /* A copy is deep and equal. */
  copy = prehab_pain_entry_copy (loaded);
  assert_same_entry (copy, loaded);
  g_assert_true (copy->note != loaded->note);
  g_assert_true (copy->triggers != loaded->triggers);

  /* Unknown ids. */
  for (gint64 bad = -1; bad <= 0; bad++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PrehabPainEntry) none = prehab_journal_load_entry (fixture->store, bad, &local_error);

      g_assert_null (none);
      g_assert_error (local_error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    }
  missing = prehab_journal_load_entry (fixture->store, id + 1, &error);
  g_assert_null (missing);
  g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
}

static void
test_update_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) edited = NULL;
  g_autoptr (PrehabPainEntry) loaded = NULL;
  g_autoptr (PrehabPainEntry) other_loaded = NULL;
  gint64 id = add (fixture->store, entry);
  gint64 other = log_pain (fixture->store, "2026-03-20 07:00", "morning", 3);
  gint64 triggers_before = prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger");

  other_loaded = load (fixture->store, other);

  /* Backdate updated_at to see it move. */
  prehab_test_exec (fixture->store,
                    "UPDATE pain_entry SET created_at = '2026-03-20 18:46:00', "
                    "updated_at = '2026-03-20 18:46:00'");

  edited = load (fixture->store, id);
  g_free (edited->logged_at);
  edited->logged_at = g_strdup ("2026-03-21 08:10");
  g_free (edited->context);
  edited->context = g_strdup ("morning");
  edited->pain = 2;
  g_free (edited->note);
  edited->note = g_strdup ("Better: it was the chair.");
  g_strfreev (edited->regions);
  edited->regions = strv_new ("low-back", NULL);
  g_strfreev (edited->qualities);
  edited->qualities = NULL;
  g_strfreev (edited->flags);
  edited->flags = g_new0 (char *, 1);  /* an empty list, not NULL */
  g_strfreev (edited->triggers);
  edited->triggers = strv_new ("Desk chair", "Stress", "new habit", NULL);

  g_assert_true (prehab_journal_update_entry (fixture->store, edited, &error));
  g_assert_no_error (error);

  loaded = load (fixture->store, id);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->logged_at, ==, "2026-03-21 08:10");
  g_assert_cmpstr (loaded->context, ==, "morning");
  g_assert_cmpint (loaded->pain, ==, 2);
  g_assert_cmpstr (loaded->note, ==, "Better: it was the chair.");
  g_assert_cmpstrv (loaded->regions, ((const char * const[]) { "low-back", NULL }));
  g_assert_cmpstrv (loaded->qualities, ((const char * const[]) { NULL }));
  g_assert_cmpstrv (loaded->flags, ((const char * const[]) { NULL }));
  g_assert_cmpstrv (loaded->triggers, ((const char * const[]) { "stress", "Desk chair", "new habit", NULL }));
  g_assert_cmpstr (loaded->created_at, ==, "2026-03-20 18:46:00");
  g_assert_cmpstr (loaded->updated_at, !=, "2026-03-20 18:46:00");

  /* One row per entry still; the unused trigger "driving" stays; one new. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 2);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger"), ==,
                   triggers_before + 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM pain_entry_trigger WHERE entry_id = %"
                          G_GINT64_FORMAT, id), ==, 3);

  /* The other entry is untouched. */
  {
    g_autoptr (PrehabPainEntry) again = load (fixture->store, other);

    g_free (other_loaded->updated_at);
    other_loaded->updated_at = g_strdup ("2026-03-20 18:46:00");
    g_free (other_loaded->created_at);
    other_loaded->created_at = g_strdup ("2026-03-20 18:46:00");
    assert_same_entry (again, other_loaded);
  }
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) kept = NULL;
  g_autoptr (PrehabPainEntry) restored = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_restore = NULL;
  gint64 triggers_before;
  gint64 id;

  log_pain (fixture->store, "2026-03-19 07:00", "morning", 3);
  id = add (fixture->store, entry);
  log_pain (fixture->store, "2026-03-21 07:00", "morning", 4);
  triggers_before = prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger");
  before_delete = dump_store (fixture->store);

  /* Undo keeps the entry as it was loaded. */
  kept = load (fixture->store, id);
  g_assert_true (prehab_journal_delete_entry (fixture->store, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM pain_entry WHERE id = %" G_GINT64_FORMAT, id),
                   ==, 0);
  /* Its tags go with it, the triggers stay. */
  for (guint i = 0; i < 4; i++)
    {
      const char *tables[] = { "pain_entry_region", "pain_entry_quality", "pain_entry_flag",
                               "pain_entry_trigger" };

      g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM %s WHERE entry_id = %" G_GINT64_FORMAT,
                              tables[i], id), ==, 0);
    }
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger"), ==,
                   triggers_before);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 2);

  /* Deleting it again: not found, nothing written. */
  {
    g_autofree char *before = dump_store (fixture->store);
    g_autofree char *after = NULL;

    g_assert_false (prehab_journal_delete_entry (fixture->store, id, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (prehab_journal_delete_entry (fixture->store, 0, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (prehab_journal_delete_entry (fixture->store, 999999, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    after = dump_store (fixture->store);
    g_assert_cmpstr (after, ==, before);
  }

  /* Undo: the same id, tags, triggers, note, times. */
  g_assert_true (prehab_journal_restore_entry (fixture->store, kept, &error));
  g_assert_no_error (error);
  restored = load (fixture->store, id);
  assert_same_entry (restored, kept);

  /* Everything is as before the delete, but the record of the highest
   * deleted id. */
  prehab_test_exec (fixture->store, "DELETE FROM meta WHERE key = 'pain_entry_deleted_id'");
  after_restore = dump_store (fixture->store);
  g_assert_cmpstr (after_restore, ==, before_delete);

  /* Restoring what is there is refused and changes nothing. */
  g_assert_false (prehab_journal_restore_entry (fixture->store, kept, &error));
  g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autofree char *after = dump_store (fixture->store);

    g_assert_cmpstr (after, ==, before_delete);
  }
}

/* Triggers ---------------------------------------------------------------- */

static void
test_list_triggers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) triggers = NULL;
  const char *expected_after[] = {
    /* stress: 3 entries; driving and Desk chair: 2, catalog order then own;
     * then every other built-in in catalog order, unused. */
    "stress", "driving", "Desk chair", "sitting", "computer-work", "phone", "reading",
    "gaming", "studying", "sleep-position", "lifting", "overhead-work", "exercise",
  };
  const guint uses[] = { 3, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  /* Before anything is logged: the catalog's order. */
  triggers = prehab_journal_list_triggers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, 12);
  {
    PrehabTrigger *first = triggers->pdata[0];

    g_assert_cmpstr (first->builtin_id, ==, "sitting");
    g_assert_cmpstr (first->name, ==, "Long sitting");
    g_assert_cmpstr (prehab_trigger_get_key (first), ==, "sitting");
    g_assert_cmpuint (first->uses, ==, 0);
  }
  g_clear_pointer (&triggers, g_ptr_array_unref);

  /* Names are found by id or by name whatever the case. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (PrehabPainEntry) entry = entry_new ("2026-03-20 09:00", "other", 3);

      if (i == 0)
        entry->triggers = strv_new ("stress", "driving", "Desk chair", NULL);
      else if (i == 1)
        entry->triggers = strv_new ("Stress", "Driving", "desk chair", NULL);
      else
        entry->triggers = strv_new ("STRESS", NULL);
      add (fixture->store, entry);
    }

  triggers = prehab_journal_list_triggers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, G_N_ELEMENTS (expected_after));
  for (guint i = 0; i < triggers->len; i++)
    {
      PrehabTrigger *trigger = triggers->pdata[i];

      g_test_message ("trigger %u: %s", i, prehab_trigger_get_key (trigger));
      g_assert_cmpstr (prehab_trigger_get_key (trigger), ==, expected_after[i]);
      g_assert_cmpuint (trigger->uses, ==, uses[i]);
      g_assert_cmpint (trigger->id, >, 0);
    }
  {
    PrehabTrigger *own = triggers->pdata[2];

    g_assert_null (own->builtin_id);
    g_assert_cmpstr (own->name, ==, "Desk chair");
  }

  /* A retired one is not offered. */
  prehab_test_exec (fixture->store, "UPDATE pain_trigger SET retired = 1 WHERE builtin_id = 'gaming'");
  g_clear_pointer (&triggers, g_ptr_array_unref);
  triggers = prehab_journal_list_triggers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, G_N_ELEMENTS (expected_after) - 1);
  for (guint i = 0; i < triggers->len; i++)
    g_assert_cmpstr (prehab_trigger_get_key (triggers->pdata[i]), !=, "gaming");
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for the date. */
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/journal/load-entry", test_load_entry);
  ADD ("/journal/update-entry", test_update_entry);
  ADD ("/journal/delete-and-restore", test_delete_and_restore);
  ADD ("/journal/list-triggers", test_list_triggers);

#undef ADD

  return g_test_run ();
}
