/* test-store.c: the store keeps what it is given and refuses what it cannot trust
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "prehab-store-private.h"
#include "prehab-test-util.h"

typedef struct
{
  char *dir;
  char *data_dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = prehab_test_make_dir ();
  /* A folder that does not exist yet, two levels down. */
  fixture->data_dir = g_build_filename (fixture->dir, "xdg", "prehab", NULL);
  fixture->db_path = g_build_filename (fixture->data_dir, "prehab.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
  g_free (fixture->db_path);
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_creates_private_files (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  struct stat st;

  store = prehab_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpstr (prehab_store_get_path (store), ==, fixture->db_path);
  g_assert_cmpint (g_stat (fixture->data_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (prehab_store_get_schema_version (store), ==,
                   prehab_store_get_latest_version ());
  g_assert_cmpint (prehab_test_count (store, "PRAGMA user_version"), ==,
                   prehab_store_get_latest_version ());
  g_assert_cmpint (prehab_test_count (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (prehab_test_count (store, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);
  g_assert_cmpint (prehab_test_count (store, "PRAGMA busy_timeout"), >=, 1000);
  /* synchronous = FULL (2) */
  g_assert_cmpint (prehab_test_count (store, "PRAGMA synchronous"), ==, 2);

  /* No backup for a new journal: there was nothing to protect. */
  g_assert_false (g_file_test (prehab_store_get_backup_dir (store), G_FILE_TEST_EXISTS));
}

static void
test_store_makes_journal_private (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = prehab_store_open (fixture->data_dir, &error);
  struct stat st;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* Someone made the journal readable by everybody. */
  g_assert_cmpint (g_chmod (fixture->db_path, 0644), ==, 0);

  store = prehab_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_store_default_folder (void)
{
  g_autofree char *dir = prehab_store_dup_default_data_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "prehab", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static void
test_store_migrates_empty_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->data_dir, 0700), ==, 0);
  g_file_set_contents (fixture->db_path, "", 0, &error);
  g_assert_no_error (error);

  store = prehab_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* Every table of schema v1 is there. */
  {
    const char *tables[] = {
      "meta", "equipment", "exercise", "exercise_phase", "exercise_movement",
      "exercise_plane", "exercise_equipment", "exercise_text", "exercise_variant",
      "program", "program_week", "program_item", "red_flag", "pain_trigger",
      "enrollment", "enrollment_equipment", "enrollment_flag", "session",
      "session_exercise", "movement_break", "pain_entry", "pain_entry_region",
      "pain_entry_quality", "pain_entry_flag", "pain_entry_trigger", "planner_decision",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                                "WHERE type = 'table' AND name = '%s'",
                                                tables[i]);
        g_assert_cmpint (prehab_test_count (store, sql), ==, 1);
      }
  }

  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM red_flag WHERE tier = 'emergency'"),
                   ==, 7);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM red_flag"), ==, 13);
}

static void
test_store_reopens (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = prehab_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);
  g_assert_true (prehab_store_set_meta (store, "kept", "yes", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = prehab_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  {
    g_autofree char *value = prehab_store_dup_meta (store, "kept", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, "yes");
  }
}

/* Opening must fail with @code and leave the file byte-for-byte as it was. */
static void
assert_refused_unchanged (Fixture    *fixture,
                          int         code,
                          const char *phrase)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *wal_path = g_strconcat (fixture->db_path, "-wal", NULL);
  gboolean has_wal = g_file_test (wal_path, G_FILE_TEST_EXISTS);
  g_autofree char *before = prehab_test_file_checksum (fixture->db_path);
  g_autofree char *wal_before = has_wal ? prehab_test_file_checksum (wal_path) : NULL;

  store = prehab_store_open (fixture->data_dir, &error);
  g_assert_error (error, PREHAB_STORE_ERROR, code);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, phrase));
  g_assert_nonnull (strstr (error->message, fixture->db_path));

  /* Also once the store is gone: closing must not checkpoint the log in. */
  {
    g_autofree char *after = prehab_test_file_checksum (fixture->db_path);
    g_assert_cmpstr (before, ==, after);
  }
  if (has_wal)
    {
      g_autofree char *wal_after = prehab_test_file_checksum (wal_path);
      g_assert_cmpstr (wal_before, ==, wal_after);
    }
}

/* What a crash leaves behind: committed pages still in the write-ahead log. */
static void
test_store_refuses_newer_with_wal (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "crashed.db", NULL);
  g_autofree char *elsewhere_wal = g_strconcat (elsewhere, "-wal", NULL);
  g_autofree char *wal_path = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  gsize length;

  sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                         "PRAGMA wal_autocheckpoint = 0;"
                         "CREATE TABLE future (x TEXT);"
                         "INSERT INTO future VALUES ('only in the log');"
                         "PRAGMA user_version = %d;",
                         prehab_store_get_latest_version () + 3);
  g_assert_cmpint (sqlite3_open (elsewhere, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  /* Copy the file and its log while the connection is still open. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->data_dir, 0700), ==, 0);
  g_file_get_contents (elsewhere, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->db_path, contents, length, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (elsewhere_wal, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_file_set_contents (wal_path, contents, length, &error);
  g_assert_no_error (error);
  sqlite3_close (db);

  assert_refused_unchanged (fixture, PREHAB_STORE_ERROR_NEWER_VERSION, "newer version");
}

static void
test_store_refuses_newer_version (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *sql = NULL;
  int newer = prehab_store_get_latest_version () + 3;

  sql = g_strdup_printf ("CREATE TABLE future (x TEXT);"
                         "INSERT INTO future VALUES ('journal of the future');"
                         "PRAGMA user_version = %d;", newer);
  make_raw_database (fixture->db_path, sql);

  assert_refused_unchanged (fixture, PREHAB_STORE_ERROR_NEWER_VERSION, "newer version");
}

static void
test_store_refuses_garbage (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) garbage = g_string_new (NULL);

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (garbage, (char) ((i * 7919 + 13) % 251 + 1));

  g_assert_cmpint (g_mkdir_with_parents (fixture->data_dir, 0700), ==, 0);
  g_file_set_contents (fixture->db_path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (fixture, PREHAB_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_store_refuses_damaged_pages (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A real journal with some content, closed cleanly... */
  store = prehab_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  prehab_test_exec (store,
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                    "INSERT INTO pain_entry (logged_at, pain, note) "
                    "SELECT '2026-01-01 08:00', i % 11, printf ('entry %d, a note long enough to fill pages', i) FROM n");
  g_clear_object (&store);

  /* ...whose b-tree pages are then overwritten in the middle. */
  g_file_get_contents (fixture->db_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 8);
  for (gsize i = 4096 * 3; i < 4096 * 7; i++)
    contents[i] = (char) 0x5a;
  g_file_set_contents (fixture->db_path, contents, length, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (fixture, PREHAB_STORE_ERROR_CORRUPT, "damaged");
}

static gboolean
insert_then_fail_cb (PrehabStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  const char *second_sql = user_data;

  prehab_test_exec (store, "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-01 09:00', 4)");
  prehab_test_exec (store, "INSERT INTO movement_break (taken_at) VALUES ('2026-02-01 09:05:00')");

  if (second_sql != NULL)
    {
      g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, second_sql, error);
      return stmt != NULL && prehab_store_step_done (store, stmt, error);
    }

  g_set_error_literal (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID, "changed my mind");
  return FALSE;
}

static gboolean
nested_cb (PrehabStore  *store,
           gpointer      user_data,
           GError      **error)
{
  g_autoptr (GError) inner_error = NULL;

  prehab_test_exec (store, "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-02 09:00', 2)");

  /* The inner transaction fails and rolls back alone. */
  g_assert_false (prehab_store_transaction (store, insert_then_fail_cb, NULL, &inner_error));
  g_assert_error (inner_error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
  return TRUE;
}

static void
test_store_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = prehab_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);

  /* The function gives up: nothing of it remains. */
  g_assert_false (prehab_store_transaction (store, insert_then_fail_cb, NULL, &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM pain_entry"), ==, 0);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM movement_break"), ==, 0);

  /* A constraint fails half-way: the earlier writes go too. */
  g_assert_false (prehab_store_transaction (store, insert_then_fail_cb,
                                            (gpointer) "INSERT INTO pain_entry (logged_at, pain) "
                                                       "VALUES ('2026-02-01 10:00', 11)",
                                            &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM pain_entry"), ==, 0);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM movement_break"), ==, 0);

  /* Nested: the inner failure leaves the outer writes. */
  g_assert_true (prehab_store_transaction (store, nested_cb, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM pain_entry"), ==, 1);
  g_assert_cmpint (prehab_test_count (store, "SELECT pain FROM pain_entry"), ==, 2);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM movement_break"), ==, 0);

  /* And the store still takes writes afterwards. */
  g_assert_true (prehab_store_set_meta (store, "after", "rollback", &error));
  g_assert_no_error (error);
}

static void
test_store_schema_rules (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct {
    const char *sql;
  } refused[] = {
    { "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-01 10:00', 11)" },
    { "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-01 10:00', -1)" },
    { "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-30 10:00', 3)" },
    { "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-01 25:00', 3)" },
    { "INSERT INTO pain_entry (logged_at, pain) VALUES ('yesterday', 3)" },
    { "INSERT INTO pain_entry (logged_at, pain, context) VALUES ('2026-02-01 10:00', 3, 'noon')" },
    { "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-01 10:00', 'three')" },
    { "INSERT INTO pain_entry_region (entry_id, region) VALUES (1, 'knee')" },
    { "INSERT INTO pain_entry_flag (entry_id, flag) VALUES (1, 'hiccups')" },
    { "INSERT INTO pain_entry_trigger (entry_id, trigger_id) VALUES (1, 999)" },
    { "INSERT INTO pain_trigger (name) VALUES ('   ')" },
    { "INSERT INTO pain_trigger (name) VALUES ('DRIVING AT NIGHT')" },
    { "INSERT INTO planner_decision (enrollment_id, date, decision, phase_to) "
      "VALUES (1, '2026-02-01', 'rest', 'mobilize')" },
    { "INSERT INTO session (enrollment_id, date, status, pain_after) "
      "VALUES (1, '2026-02-01', 'done', 12)" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = prehab_store_open (fixture->data_dir, &error);
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  prehab_test_exec (store,
                    "INSERT INTO pain_entry (logged_at, pain) VALUES ('2026-02-01 10:00', 3);"
                    "INSERT INTO pain_trigger (name) VALUES ('driving at night');"
                    "INSERT INTO program (id, name, weeks) VALUES ('p', 'P', 8);"
                    "INSERT INTO enrollment (program_id, start_date) VALUES ('p', '2026-01-30');");
  before = prehab_test_dump_table (store, "pain_entry");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      int rc = sqlite3_exec (prehab_store_get_db (store), refused[i].sql, NULL, NULL, NULL);

      if ((rc & 0xff) != SQLITE_CONSTRAINT)
        g_error ("Accepted or failed oddly (%d): %s", rc, refused[i].sql);
    }

  {
    g_autofree char *after = prehab_test_dump_table (store, "pain_entry");
    g_assert_cmpstr (before, ==, after);
  }
}

static void
check_round_trip (PrehabStore *store,
                  const char  *text,
                  gsize        length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStatement) insert = NULL;
  g_autoptr (PrehabStatement) select = NULL;
  sqlite3_int64 id;

  g_assert_true (g_utf8_validate (text, length, NULL));

  /* Through the public meta API... */
  g_assert_true (prehab_store_set_meta (store, "hostile", text, &error));
  g_assert_no_error (error);
  {
    g_autofree char *back = prehab_store_dup_meta (store, "hostile", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (back), ==, length);
    g_assert_true (memcmp (back, text, length) == 0);
  }

  /* ...and as a journal note and a trigger name, through bound statements. */
  insert = prehab_store_prepare (store,
                                 "INSERT INTO pain_entry (logged_at, pain, note) "
                                 "VALUES ('2026-03-01 07:30', 5, ?1)",
                                 &error);
  g_assert_no_error (error);
  sqlite3_bind_text (insert, 1, text, (int) length, SQLITE_STATIC);
  g_assert_true (prehab_store_step_done (store, insert, &error));
  g_assert_no_error (error);
  id = sqlite3_last_insert_rowid (prehab_store_get_db (store));

  select = prehab_store_prepare (store, "SELECT note, length (CAST (note AS BLOB)) "
                                        "FROM pain_entry WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (select, 1, id);
  g_assert_cmpint (prehab_store_step_row (store, select, &error), ==, 1);
  g_assert_cmpint (sqlite3_column_int64 (select, 1), ==, (gint64) length);
  g_assert_cmpint (sqlite3_column_bytes (select, 0), ==, (int) length);
  g_assert_true (memcmp (sqlite3_column_text (select, 0), text, length) == 0);
}

static void
test_store_hostile_strings (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *samples[] = {
    "it's \"quoted\" `twice`",
    "'); DROP TABLE pain_entry; --",
    "\"; DELETE FROM meta; SELECT \"",
    "%s %n %x {{}} ${HOME} $(rm -rf /) \\0 \\n",
    "Zürich · 東京 · القاهرة · עברית · 🧘‍♀️🏋🏽 · e\xcc\x81 · \xe2\x80\xae reversed \xe2\x80\xac",
    "\x01\x02\x03\x07\x08\t\n\v\f\r\x1b[31mred\x1b[0m\x7f",
    "\xef\xbb\xbf BOM and \xef\xbf\xbd replacement and \xf4\x8f\xbf\xbf last code point",
    "<b>not markup</b> &amp; <script>alert(1)</script>",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = prehab_store_open (fixture->data_dir, &error);
  g_autoptr (GString) big = g_string_sized_new (1024 * 1024 + 16);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    check_round_trip (store, samples[i], strlen (samples[i]));

  /* One megabyte of mixed-width UTF-8. */
  while (big->len < 1024 * 1024)
    g_string_append (big, "A quiet line of notes, ä, ∑, 🙂, and on. ");
  check_round_trip (store, big->str, big->len);

  /* The tables the hostile text named are all still there. */
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM pain_entry"), ==,
                   G_N_ELEMENTS (samples) + 1);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM meta"), >=, 1);
}

static void
test_store_backup_and_failed_migration (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *v1[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);",
    NULL
  };
  const char *v2[] = {
    v1[0],
    "ALTER TABLE note ADD COLUMN mood INTEGER;",
    NULL
  };
  const char *v3_broken[] = {
    v1[0],
    v2[1],
    "CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GDir) backups = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup_path = NULL;
  const char *name;
  guint n_backups = 0;

  store = prehab_store_open_with_migrations (fixture->data_dir, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_store_get_schema_version (store), ==, 1);
  prehab_test_exec (store, "INSERT INTO note (body) VALUES ('written at version 1')");
  backup_dir = g_strdup (prehab_store_get_backup_dir (store));
  g_clear_object (&store);

  /* Upgrading to v2 copies v1 aside first. */
  store = prehab_store_open_with_migrations (fixture->data_dir, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM note WHERE mood IS NULL"), ==, 1);
  g_clear_object (&store);

  backups = g_dir_open (backup_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (backups)) != NULL)
    {
      n_backups++;
      g_assert_true (g_str_has_prefix (name, "prehab-schema1-"));
      backup_path = g_build_filename (backup_dir, name, NULL);
    }
  g_assert_cmpuint (n_backups, ==, 1);

  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    struct stat st;

    g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT body FROM note), "
                                             "(SELECT user_version FROM pragma_user_version)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "written at version 1");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* A migration that fails half-way leaves the journal at v2, intact. */
  store = prehab_store_open_with_migrations (fixture->data_dir, v3_broken, &error);
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_assert_null (store);
  g_clear_error (&error);

  store = prehab_store_open_with_migrations (fixture->data_dir, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"),
                   ==, 0);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM note"), ==, 1);
}

static void
test_store_restore_backup (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *v1[] = {
    "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);",
    NULL
  };
  const char *v2[] = { v1[0], "ALTER TABLE note ADD COLUMN mood INTEGER;", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *bogus = NULL;
  g_autofree char *backup_dir = NULL;

  /* No backups yet. */
  backups = prehab_store_list_backups (fixture->data_dir);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* A v1 journal, migrated to v2 (which takes the backup), then damaged. */
  store = prehab_store_open_with_migrations (fixture->data_dir, v1, &error);
  g_assert_no_error (error);
  prehab_test_exec (store, "INSERT INTO note (body) VALUES ('in the backup')");
  backup_dir = g_strdup (prehab_store_get_backup_dir (store));
  g_clear_object (&store);
  store = prehab_store_open_with_migrations (fixture->data_dir, v2, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_file_set_contents (fixture->db_path, "SQLite format 3\0 and then nothing sensible",
                       -1, &error);
  g_assert_no_error (error);
  damaged = prehab_test_file_checksum (fixture->db_path);

  /* A broken file among the backups, newer by name: listed first, refused. */
  bogus = g_build_filename (backup_dir, "prehab-schema1-20991231-235959.db", NULL);
  g_file_set_contents (bogus, "garbage", -1, &error);
  g_assert_no_error (error);

  backups = prehab_store_list_backups (fixture->data_dir);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, bogus);

  g_assert_false (prehab_store_restore_backup (fixture->data_dir, bogus, &aside, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (aside);
  {
    g_autofree char *now = prehab_test_file_checksum (fixture->db_path);
    g_assert_cmpstr (now, ==, damaged);
  }

  /* The real backup takes the journal's place; the damaged one is kept. */
  g_assert_true (prehab_store_restore_backup (fixture->data_dir,
                                              g_ptr_array_index (backups, 1), &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  {
    g_autofree char *kept = prehab_test_file_checksum (aside);
    g_autofree char *dir = g_path_get_dirname (aside);
    struct stat st;

    g_assert_cmpstr (kept, ==, damaged);
    g_assert_cmpstr (dir, ==, fixture->data_dir);
    g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  store = prehab_store_open_with_migrations (fixture->data_dir, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (prehab_test_count (store, "SELECT count(*) FROM note WHERE body = 'in the backup'"),
                   ==, 1);
}

static void
test_store_unwritable_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *below = g_build_filename (file, "prehab", NULL);

  /* A data folder below an ordinary file can never be created. */
  g_file_set_contents (file, "not a folder", -1, &error);
  g_assert_no_error (error);

  store = prehab_store_open (below, &error);
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, below));
  g_assert_null (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/creates-private-files", test_store_creates_private_files);
  ADD ("/store/makes-journal-private", test_store_makes_journal_private);
  g_test_add_func ("/store/default-folder", test_store_default_folder);
  ADD ("/store/migrates-empty-file", test_store_migrates_empty_file);
  ADD ("/store/reopens", test_store_reopens);
  ADD ("/store/refuses-newer-version", test_store_refuses_newer_version);
  ADD ("/store/refuses-newer-with-wal", test_store_refuses_newer_with_wal);
  ADD ("/store/refuses-garbage", test_store_refuses_garbage);
  ADD ("/store/refuses-damaged-pages", test_store_refuses_damaged_pages);
  ADD ("/store/rollback", test_store_rollback);
  ADD ("/store/schema-rules", test_store_schema_rules);
  ADD ("/store/hostile-strings", test_store_hostile_strings);
  ADD ("/store/backup-and-failed-migration", test_store_backup_and_failed_migration);
  ADD ("/store/restore-backup", test_store_restore_backup);
  ADD ("/store/unwritable-folder", test_store_unwritable_folder);

#undef ADD

  return g_test_run ();
}
