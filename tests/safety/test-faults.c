/* test-faults.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the journal does when the world goes wrong under it: a full disk, a
 * journal or folder it may not write, a journal another process keeps
 * locked past the busy timeout. Each time the save is refused with a
 * message a person can act on, nothing already saved changes, and the
 * journal works again once the fault is gone. (A damaged journal and one
 * from a newer Prehab are in tests/unit/test-store.c.) */

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "prehab-journal.h"
#include "prehab-test-util.h"

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
  fixture->store = prehab_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  chmod (fixture->dir, 0700);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static PrehabPainEntry *
make_entry (const char *note)
{
  PrehabPainEntry *entry = prehab_pain_entry_new ();
  const char *regions[] = { "neck", "ribs", NULL };
  const char *triggers[] = { "driving", "a trigger of my own", NULL };

  entry->logged_at = g_strdup ("2026-03-04 08:15");
  g_free (entry->context);
  entry->context = g_strdup ("morning");
  entry->pain = 4;
  g_free (entry->note);
  entry->note = g_strdup (note);
  entry->regions = g_strdupv ((char **) regions);
  entry->triggers = g_strdupv ((char **) triggers);
  return entry;
}

static void
add_entry (PrehabStore *store,
           const char  *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = make_entry (note);

  g_assert_cmpint (prehab_journal_add_entry (store, entry, &error), >, 0);
  g_assert_no_error (error);
}

static gboolean
journal_intact (PrehabStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_assert_cmpint (sqlite3_prepare_v2 (prehab_store_get_db (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  ok = sqlite3_step (stmt) == SQLITE_ROW
       && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) big = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *note = NULL;
  gint64 pages;

  add_entry (fixture->store, "saved before the disk filled up");
  before = prehab_test_dump_store (fixture->store);

  /* The file may not grow by a single page: the disk is full. */
  pages = prehab_test_count (fixture->store, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  prehab_test_exec (fixture->store, limit);

  note = g_strnfill (256 * 1024, 'x');
  big = make_entry (note);
  g_assert_cmpint (prehab_journal_add_entry (fixture->store, big, &error), ==, 0);
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));

  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (journal_intact (fixture->store));

  /* Space again: the same entry saves. */
  prehab_test_exec (fixture->store, "PRAGMA max_page_count = 1073741823");
  g_clear_error (&error);
  g_assert_cmpint (prehab_journal_add_entry (fixture->store, big, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 2);
}

/* A process that holds the journal's write lock until it is killed. */
static GSubprocess *
hold_write_lock (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) holder = NULL;
  g_autofree char *line = NULL;
  GDataInputStream *lines;

  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", "-c",
                             "import sqlite3, sys, time\n"
                             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                             "db.execute('BEGIN IMMEDIATE')\n"
                             "print('locked', flush=True)\n"
                             "time.sleep(600)\n",
                             path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");
  g_object_unref (lines);

  return g_steal_pointer (&holder);
}

static void
test_locked_by_another_process (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) holder = NULL;
  g_autoptr (PrehabPainEntry) entry = make_entry ("saved once the lock is gone");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 started;

  add_entry (fixture->store, "saved before the lock");
  before = prehab_test_dump_store (fixture->store);

  holder = hold_write_lock (prehab_store_get_path (fixture->store));
  started = g_get_monotonic_time ();
  g_assert_cmpint (prehab_journal_add_entry (fixture->store, entry, &error), ==, 0);
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "try again"));
  /* It waited for the lock before giving up (the busy timeout). */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC);

  /* Reading still works while another process writes. */
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);

  g_subprocess_force_exit (holder);
  g_subprocess_wait (holder, NULL, NULL);
  g_clear_error (&error);
  g_assert_cmpint (prehab_journal_add_entry (fixture->store, entry, &error), >, 0);
  g_assert_no_error (error);
}

/* Opening the journal as someone who may not write it: refused, with a
 * message that names the folder, and the file left as it was. Root may
 * write anything, so the check runs in a child process that drops to
 * nobody (or, for anyone else, takes the write permissions away). */
static int
open_without_write_access (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *path = g_build_filename (dir, "prehab.db", NULL);
  g_autofree char *before = prehab_test_file_checksum (path);
  g_autofree char *after = NULL;

  if (getuid () == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        return 10;
    }
  else if (chmod (path, 0444) != 0 || chmod (dir, 0555) != 0)
    return 11;

  store = prehab_store_open (dir, &error);
  if (store != NULL)
    return 12;
  if (!g_error_matches (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_READ_ONLY))
    return 13;
  if (strstr (error->message, "cannot write") == NULL || strstr (error->message, dir) == NULL)
    return 14;

  after = prehab_test_file_checksum (path);
  return g_str_equal (before, after) ? 0 : 15;
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "prehab.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status = 0;
  pid_t child;

  add_entry (fixture->store, "saved while the folder was still writable");
  before = prehab_test_dump_store (fixture->store);
  g_clear_object (&fixture->store);
  g_assert_cmpint (chmod (path, 0644), ==, 0);
  g_assert_cmpint (chmod (fixture->dir, 0755), ==, 0);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (open_without_write_access (fixture->dir));
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* The owner opens it again and finds every entry. */
  g_assert_cmpint (chmod (fixture->dir, 0700), ==, 0);
  g_assert_cmpint (chmod (path, 0600), ==, 0);
  fixture->store = prehab_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/faults/disk-full", test_disk_full);
  ADD ("/faults/locked-by-another-process", test_locked_by_another_process);
  ADD ("/faults/read-only", test_read_only);

#undef ADD

  return g_test_run ();
}
