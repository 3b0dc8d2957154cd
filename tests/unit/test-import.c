/* test-import.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "test-transfer-util.h"

typedef PrehabTestStore Fixture;

static char *
dup_base (PrehabStore *store)
{
  g_autoptr (GBytes) bytes = transfer_export (store, PREHAB_EXPORT_JSON);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* @text with the first @from replaced by @to; @from must be there. */
static char *
replace_first (const char *text,
               const char *from,
               const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

typedef void (*MutateFunc) (JsonObject *root);

static char *
mutate (const char *text,
        MutateFunc  func)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  func (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
nth (JsonObject *root,
     const char *list,
     guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, list), index);
}

static void
duplicate_entry_id (JsonObject *root)
{
  json_object_set_int_member (nth (root, "entries", 2), "id",
                              json_object_get_int_member (nth (root, "entries", 0), "id"));
}

static void
dangling_trigger (JsonObject *root)
{
  JsonArray *own = json_array_new ();

  json_array_add_int_element (own, 999);
  json_object_set_array_member (nth (root, "entries", 1), "own_triggers", own);
}

static void
dangling_session (JsonObject *root)
{
  json_object_set_int_member (nth (root, "entries", 0), "session", 999);
}

static void
unknown_exercise (JsonObject *root)
{
  JsonObject *session = nth (root, "sessions", 0);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (session, "exercises"), 0);

  json_object_set_string_member (item, "exercise", "juggling-chainsaws");
}

static void
entries_not_array (JsonObject *root)
{
  json_object_set_string_member (root, "entries", "none");
}

static void
missing_pain (JsonObject *root)
{
  json_object_remove_member (nth (root, "entries", 0), "pain");
}

static void
huge_note (JsonObject *root)
{
  g_autofree char *note = g_malloc (PREHAB_NOTE_MAX_BYTES + 2);

  memset (note, 'a', PREHAB_NOTE_MAX_BYTES + 1);
  note[PREHAB_NOTE_MAX_BYTES + 1] = '\0';
  json_object_set_string_member (nth (root, "entries", 1), "note", note);
}

static void
second_session_same_day (JsonObject *root)
{
  json_object_set_string_member (nth (root, "sessions", 1), "date",
                                 json_object_get_string_member (nth (root, "sessions", 0), "date"));
}

typedef struct
{
  const char        *name;
  const char        *from;   /* replace_first (base, from, to) */
  const char        *to;
  MutateFunc         mutate;
  const char        *whole;  /* or the whole file */
  PrehabImportError  code;
  const char        *message;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", NULL, NULL, NULL, "", PREHAB_IMPORT_ERROR_EMPTY, "The file is empty" },
  { "spaces", NULL, NULL, NULL, " \n\t ", PREHAB_IMPORT_ERROR_EMPTY, "The file is empty" },
  { "not-json", NULL, NULL, NULL, "date,pain\r\n2026-03-01,4\r\n", PREHAB_IMPORT_ERROR_NOT_JSON, "it is not JSON" },
  { "bad-json", NULL, NULL, NULL, "{\"format\": prehab}", PREHAB_IMPORT_ERROR_NOT_JSON, "not valid JSON" },
  { "truncated", NULL, NULL, NULL, NULL, PREHAB_IMPORT_ERROR_TRUNCATED, "ends in the middle" },
  { "wrong-format", "\"prehab-backup\"", "\"other-app\"", NULL, NULL, PREHAB_IMPORT_ERROR_NOT_BACKUP, "not a Prehab backup" },
  { "array", NULL, NULL, NULL, "[1, 2, 3]", PREHAB_IMPORT_ERROR_NOT_BACKUP, "not a Prehab backup" },
  { "future-version", "\"version\" : 1", "\"version\" : 3", NULL, NULL, PREHAB_IMPORT_ERROR_NEWER_VERSION,
    "This backup comes from a newer version of Prehab (format 3); update Prehab to import it" },
  { "version-string", "\"version\" : 1", "\"version\" : \"1\"", NULL, NULL, PREHAB_IMPORT_ERROR_NOT_BACKUP, "“version” must be a whole number" },
  { "missing-pain", NULL, NULL, missing_pain, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1 has no “pain”" },
  { "pain-string", "\"pain\" : 5", "\"pain\" : \"5\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID,
    "Entry 1: “pain” must be a whole number, not the text “5”" },
  { "entries-not-array", NULL, NULL, entries_not_array, NULL, PREHAB_IMPORT_ERROR_INVALID, "“entries” must be a list" },
  { "pain-11", "\"pain\" : 5", "\"pain\" : 11", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1 has pain 11; pain must be 0 to 10" },
  { "pain-negative", "\"pain\" : 4", "\"pain\" : -1", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 2 has pain -1; pain must be 0 to 10" },
  { "pain-fraction", "\"pain\" : 5", "\"pain\" : 3.5", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1: “pain” must be a whole number, not 3.5" },
  { "pain-huge", "\"pain\" : 5", "\"pain\" : 1e308", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1: “pain” must be a whole number" },
  { "session-pain-12", "\"pain_during\" : 2", "\"pain_during\" : 12", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Session 1 has pain_during 12" },
  { "date-feb-30", "\"2026-03-01T08:00\"", "\"2026-02-30T08:00\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID,
    "Entry 1: “logged_at” is not a real date and time: “2026-02-30T08:00”" },
  { "session-date", "\"date\" : \"2026-03-02\"", "\"date\" : \"2026-13-02\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID,
    "Session 1: “date” is not a real date: “2026-13-02”" },
  { "unknown-region", "\"neck\"", "\"knee\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1 names an unknown region “knee”" },
  { "unknown-quality", "\"ache\"", "\"itch\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1 names an unknown kind of pain “itch”" },
  { "unknown-flag", "\"night-pain\"", "\"hiccups\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "names an unknown warning sign “hiccups”" },
  { "unknown-context", "\"context\" : \"morning\"", "\"context\" : \"noon\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID,
    "Entry 1 has the context “noon”" },
  { "unknown-trigger", "\"sitting\"", "\"flying\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1 names an unknown trigger “flying”" },
  { "unknown-exercise", NULL, NULL, unknown_exercise, NULL, PREHAB_IMPORT_ERROR_INVALID,
    "Session 1, exercise 1 names the exercise “juggling-chainsaws”, which this version of Prehab does not know" },
  { "unknown-program", "\"neck-mid-back-8\"", "\"knees-12\"", NULL, NULL, PREHAB_IMPORT_ERROR_INVALID, "the program “knees-12”" },
  { "duplicate-id", NULL, NULL, duplicate_entry_id, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 3 has the id 1, which an earlier one has too" },
  { "dangling-trigger", NULL, NULL, dangling_trigger, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 2 names the trigger 999, which is not in the backup" },
  { "dangling-session", NULL, NULL, dangling_session, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 1 names the session 999, which is not in the backup" },
  { "two-sessions-a-day", NULL, NULL, second_session_same_day, NULL, PREHAB_IMPORT_ERROR_INVALID, "Session 2 is a second session on 2026-03-02" },
  { "huge-note", NULL, NULL, huge_note, NULL, PREHAB_IMPORT_ERROR_INVALID, "Entry 2 has a note of" },
  { "deep-nesting", NULL, NULL, NULL, NULL, PREHAB_IMPORT_ERROR_NOT_JSON, "nested far deeper" },
};

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const BadFile *bad = data;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (PrehabBackup) backup = NULL;
  g_autoptr (GError) error = NULL;

  transfer_fill_store (fixture->store);
  base = dup_base (fixture->store);

  if (bad->whole != NULL)
    text = g_strdup (bad->whole);
  else if (bad->from != NULL)
    text = replace_first (base, bad->from, bad->to);
  else if (bad->mutate != NULL)
    text = mutate (base, bad->mutate);
  else if (g_str_equal (bad->name, "truncated"))
    text = g_strndup (base, strlen (base) / 2);
  else
    {
      g_autoptr (GString) deep = g_string_new ("{\"format\": \"prehab-backup\", \"version\": 1, \"entries\": ");

      for (int i = 0; i < 100000; i++)
        g_string_append_c (deep, '[');
      for (int i = 0; i < 100000; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      text = g_string_free (g_steal_pointer (&deep), FALSE);
    }

  /* The base itself is fine; the change alone is refused. */
  before = prehab_test_dump_store (fixture->store);
  backup = transfer_load_text (fixture->store, text, &error);
  g_assert_null (backup);
  g_assert_error (error, PREHAB_IMPORT_ERROR, (gint) bad->code);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->message);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused_too_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_autofree char *before = prehab_test_dump_store (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr (PrehabBackup) backup = NULL;
  g_autoptr (GError) error = NULL;
  FILE *file;

  /* A sparse file: large on paper, nothing on the disk. */
  file = fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), (off_t) PREHAB_BACKUP_MAX_BYTES + 1), ==, 0);
  fclose (file);

  backup = prehab_backup_load_file (path, fixture->store, &error);
  g_assert_null (backup);
  g_assert_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_TOO_LARGE);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);

  g_clear_error (&error);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "missing.json", NULL);
  g_assert_null (prehab_backup_load_file (path, fixture->store, &error));
  g_assert_error (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_NOT_FOUND);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GBytes) backup = NULL;
  g_autoptr (PrehabStore) other = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  const char *own[] = { "gardening; WEEDING", NULL };
  PrehabImportSummary summary;

  transfer_fill_store (fixture->store);
  backup = transfer_export (fixture->store, PREHAB_EXPORT_JSON);

  /* Another journal with one of the same entries, an own trigger of the
   * same name (other case) and an entry of its own. */
  other = transfer_open_empty (&dir);
  transfer_add_entry (other, "2026-03-02 08:10", "morning", 4, NULL, NULL, own, "");
  transfer_add_entry (other, "2026-03-10 12:00", "other", 7, NULL, NULL, NULL, "mine");

  transfer_import (other, backup, PREHAB_IMPORT_MERGE, &summary);
  g_assert_cmpuint (summary.entries_added, ==, 2);
  g_assert_cmpuint (summary.entries_skipped, ==, 1);
  g_assert_cmpuint (summary.sessions_added, ==, 2);
  g_assert_cmpuint (summary.enrollments_added, ==, 1);
  g_assert_cmpuint (summary.triggers_added, ==, 1);
  g_assert_cmpuint (summary.triggers_skipped, ==, 1);
  g_assert_cmpuint (summary.decisions_added, ==, 1);
  g_assert_cmpuint (summary.movement_breaks_added, ==, 1);
  g_assert_cmpint (prehab_test_count (other, "SELECT count (*) FROM pain_entry"), ==, 4);
  g_assert_cmpint (prehab_test_count (other, "SELECT count (*) FROM pain_trigger WHERE builtin_id IS NULL"), ==, 2);
  once = prehab_test_dump_store (other);

  /* Again: nothing new. */
  transfer_import (other, backup, PREHAB_IMPORT_MERGE, &summary);
  g_assert_cmpuint (summary.entries_added, ==, 0);
  g_assert_cmpuint (summary.entries_skipped, ==, 3);
  g_assert_cmpuint (summary.sessions_added, ==, 0);
  g_assert_cmpuint (summary.sessions_skipped, ==, 2);
  g_assert_cmpuint (summary.decisions_skipped, ==, 1);
  g_assert_cmpuint (summary.movement_breaks_skipped, ==, 1);
  twice = prehab_test_dump_store (other);
  g_assert_cmpstr (twice, ==, once);

  /* The planner sees the imported program at once. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PrehabPlan) plan = prehab_schedule_decide (other, TRANSFER_TODAY, &error);

    g_assert_no_error (error);
    g_assert_nonnull (plan);
  }

  g_clear_object (&other);
  prehab_test_remove_tree (dir);
}

static void
test_merge_keeps_program_under_way (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GBytes) backup = NULL;
  g_autoptr (PrehabStore) other = NULL;
  g_autoptr (PrehabEnrollment) active = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  PrehabEnrollmentSettings settings = { .start_date = "2026-03-10", .training_days = 1 };

  transfer_fill_store (fixture->store);
  backup = transfer_export (fixture->store, PREHAB_EXPORT_JSON);

  other = transfer_open_empty (&dir);
  g_assert_cmpint (prehab_enrollment_start (other, &settings, &error), >, 0);
  g_assert_no_error (error);
  transfer_import (other, backup, PREHAB_IMPORT_MERGE, NULL);

  active = prehab_enrollment_load_active (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (active->start_date, ==, "2026-03-10");
  g_assert_cmpint (prehab_test_count (other, "SELECT count (*) FROM enrollment WHERE ended_at IS NULL"), ==, 1);

  g_clear_object (&other);
  prehab_test_remove_tree (dir);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GBytes) backup = NULL;
  g_autoptr (GBytes) replaced = NULL;
  g_autoptr (PrehabStore) other = NULL;
  g_autofree char *dir = NULL;
  PrehabImportSummary summary;

  transfer_fill_store (fixture->store);
  backup = transfer_export (fixture->store, PREHAB_EXPORT_JSON);

  other = transfer_open_empty (&dir);
  transfer_add_entry (other, "2026-03-10 12:00", "other", 7, NULL, NULL, NULL, "gone after replace");
  transfer_import (other, backup, PREHAB_IMPORT_REPLACE, &summary);
  g_assert_cmpuint (summary.entries_added, ==, 3);
  g_assert_cmpint (prehab_test_count (other, "SELECT count (*) FROM pain_entry WHERE note = 'gone after replace'"), ==, 0);
  g_assert_cmpint (prehab_test_count (other, "SELECT count (*) FROM pain_entry"), ==, 3);
  /* Built-in content is the app's, never replaced. */
  g_assert_cmpint (prehab_test_count (other, "SELECT count (*) FROM pain_trigger WHERE builtin_id IS NOT NULL"),
                   ==, prehab_test_count (fixture->store, "SELECT count (*) FROM pain_trigger WHERE builtin_id IS NOT NULL"));

  replaced = transfer_export (other, PREHAB_EXPORT_JSON);
  g_assert_true (g_bytes_equal (replaced, backup));

  g_clear_object (&other);
  prehab_test_remove_tree (dir);
}

/* A write refused half-way (here by a trigger of the test) leaves the
 * journal exactly as it was, in both modes. */
static void
test_one_transaction (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GBytes) backup = NULL;
  g_autoptr (PrehabStore) other = NULL;
  g_autofree char *dir = NULL;

  transfer_fill_store (fixture->store);
  backup = transfer_export (fixture->store, PREHAB_EXPORT_JSON);

  other = transfer_open_empty (&dir);
  transfer_add_entry (other, "2026-03-10 12:00", "other", 7, NULL, NULL, NULL, "stays");
  prehab_test_exec (other,
                    "CREATE TEMP TRIGGER fail_late AFTER INSERT ON main.pain_entry "
                    "WHEN NEW.logged_at = '2026-03-02 20:00' "
                    "BEGIN SELECT RAISE (ABORT, 'forced failure'); END");

  for (int mode = PREHAB_IMPORT_MERGE; mode <= PREHAB_IMPORT_REPLACE; mode++)
    {
      g_autofree char *before = prehab_test_dump_store (other);
      g_autofree char *after = NULL;
      g_autoptr (PrehabBackup) loaded = NULL;
      g_autoptr (GError) error = NULL;

      loaded = prehab_backup_load_bytes (backup, other, &error);
      g_assert_no_error (error);
      g_assert_false (prehab_backup_apply (loaded, other, mode, NULL, &error));
      g_assert_nonnull (error);
      after = prehab_test_dump_store (other);
      g_assert_cmpstr (after, ==, before);
    }

  g_clear_object (&other);
  prehab_test_remove_tree (dir);
}

static void
test_texts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GBytes) backup = NULL;
  g_autoptr (PrehabBackup) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *summary_text = NULL;
  PrehabImportSummary summary = { .entries_added = 42, .sessions_added = 10 };

  transfer_fill_store (fixture->store);
  backup = transfer_export (fixture->store, PREHAB_EXPORT_JSON);
  loaded = prehab_backup_load_bytes (backup, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prehab_backup_get_info (loaded)->n_entries, ==, 3);
  g_assert_cmpuint (prehab_backup_get_info (loaded)->n_sessions, ==, 2);
  info = prehab_backup_info_dup_text (prehab_backup_get_info (loaded));
  g_assert_cmpstr (info, ==, "3 pain entries and 2 sessions, from 2026-03-01 to 2026-03-03.");

  summary_text = prehab_import_summary_dup_text (&summary);
  g_assert_cmpstr (summary_text, ==, "Imported 42 entries and 10 sessions");
  g_clear_pointer (&summary_text, g_free);
  summary.entries_added = 1;
  summary.sessions_added = 0;
  summary.entries_skipped = 2;
  summary_text = prehab_import_summary_dup_text (&summary);
  g_assert_cmpstr (summary_text, ==, "Imported 1 entry and 0 sessions; 2 were already there");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("PREHAB_TODAY", TRANSFER_TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, prehab_test_store_set_up, func, prehab_test_store_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/refused/%s", bad_files[i].name);

      g_test_add (path, Fixture, &bad_files[i], prehab_test_store_set_up, test_refused,
                  prehab_test_store_tear_down);
    }
  ADD ("/import/refused/too-large", test_refused_too_large);
  ADD ("/import/merge", test_merge);
  ADD ("/import/merge-keeps-program-under-way", test_merge_keeps_program_under_way);
  ADD ("/import/replace", test_replace);
  ADD ("/import/one-transaction", test_one_transaction);
  ADD ("/import/texts", test_texts);

#undef ADD

  return g_test_run ();
}
