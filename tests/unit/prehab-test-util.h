/* prehab-test-util.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "prehab-catalog.h"
#include "prehab-store-private.h"

G_BEGIN_DECLS

/* A fresh temporary folder for one test. */
static inline char *
prehab_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("prehab-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
prehab_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          prehab_test_remove_tree (child);
        }
    }

  g_remove (path);
}

static inline char *
prehab_test_file_checksum (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Every row of @table, in primary-key order, as text: what tests compare
 * before and after a change. */
static inline char *
prehab_test_dump_table (PrehabStore *store,
                        const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", table);
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (prehab_store_get_db (store), sql, -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (dump, "%s|", text != NULL ? text : "<null>");
        }
      g_string_append_c (dump, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static inline gint64
prehab_test_count (PrehabStore *store,
                   const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (prehab_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static inline void
prehab_test_exec (PrehabStore *store,
                  const char  *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (prehab_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Every row of every table: what a refused call must leave as it was. */
static inline char *
prehab_test_dump_store (PrehabStore *store)
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

/* The fixture of most core tests: a new journal with the catalog synced,
 * in a temporary folder of its own. */
typedef struct
{
  char        *dir;
  PrehabStore *store;
} PrehabTestStore;

static inline void
prehab_test_store_set_up (PrehabTestStore *fixture,
                          gconstpointer    data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
prehab_test_store_tear_down (PrehabTestStore *fixture,
                             gconstpointer    data)
{
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

G_END_DECLS
