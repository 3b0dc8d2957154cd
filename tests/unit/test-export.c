/* test-export.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-transfer-util.h"

typedef PrehabTestStore Fixture;

/* A strict RFC 4180 reader: CRLF after every record, quotes only around a
 * whole field, "" for a quote inside one; anything else fails the test. */
static GPtrArray *
read_csv (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GStrvBuilder) row = g_strv_builder_new ();
  gsize i = 0;

  g_assert_true (g_utf8_validate (data, (gssize) length, NULL));
  while (i < length)
    {
      g_autoptr (GString) field = g_string_new (NULL);

      if (data[i] == '"')
        {
          i++;
          for (;;)
            {
              g_assert_cmpuint (i, <, length);   /* an unclosed quote */
              if (data[i] == '"')
                {
                  if (i + 1 < length && data[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              g_string_append_c (field, data[i++]);
            }
        }
      else
        {
          while (i < length && data[i] != ',' && data[i] != '\r')
            {
              g_assert_cmpint (data[i], !=, '"');  /* a stray quote */
              g_assert_cmpint (data[i], !=, '\n'); /* a bare line feed */
              g_string_append_c (field, data[i++]);
            }
        }

      g_strv_builder_add (row, field->str);
      g_assert_cmpuint (i, <, length);  /* every record ends in CRLF */
      if (data[i] == ',')
        {
          i++;
          continue;
        }
      g_assert_cmpint (data[i], ==, '\r');
      g_assert_cmpuint (i + 1, <, length);
      g_assert_cmpint (data[i + 1], ==, '\n');
      i += 2;
      g_ptr_array_add (rows, g_strv_builder_end (row));
      g_clear_pointer (&row, g_strv_builder_unref);
      row = g_strv_builder_new ();
    }

  return g_steal_pointer (&rows);
}

static void
assert_round_trip (PrehabStore *store)
{
  g_autoptr (GBytes) first = transfer_export (store, PREHAB_EXPORT_JSON);
  g_autoptr (GBytes) again = transfer_export (store, PREHAB_EXPORT_JSON);
  g_autoptr (GBytes) second = NULL;
  g_autoptr (PrehabStore) other = NULL;
  g_autofree char *dir = NULL;
  PrehabImportSummary summary;

  /* The same journal gives the same bytes. */
  g_assert_true (g_bytes_equal (first, again));

  other = transfer_open_empty (&dir);
  transfer_import (other, first, PREHAB_IMPORT_MERGE, &summary);
  g_assert_cmpuint (summary.entries_skipped, ==, 0);
  second = transfer_export (other, PREHAB_EXPORT_JSON);
  if (!g_bytes_equal (first, second))
    {
      g_autofree char *a = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
      g_autofree char *b = g_strndup (g_bytes_get_data (second, NULL), g_bytes_get_size (second));
      g_assert_cmpstr (a, ==, b);
    }

  g_clear_object (&other);
  prehab_test_remove_tree (dir);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *entry;
  JsonArray *entries;

  transfer_fill_store (fixture->store);
  assert_round_trip (fixture->store);

  /* What the file says. */
  bytes = transfer_export (fixture->store, PREHAB_EXPORT_JSON);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "prehab-backup");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "enrollments")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "own_triggers")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sessions")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "decisions")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "movement_breaks")), ==, 1);
  entries = json_object_get_array_member (root, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  entry = json_array_get_object_element (entries, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "logged_at"), ==, "2026-03-01T08:00");
  g_assert_cmpint (json_object_get_int_member (entry, "pain"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, "Stiff, \"again\"\r\nafter the drive");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (entry, "builtin_triggers"), 0),
                   ==, "sitting");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "own_triggers")), ==, 1);
  /* Nothing of the catalog: no exercises, no built-in triggers' rows. */
  g_assert_false (json_object_has_member (root, "exercises"));
}

/* Any text survives: a 1 MB note, control characters (not NUL), right to
 * left, combining marks, emoji, and many entries in one minute. */
static void
test_json_round_trip_text (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (GString) controls = g_string_new ("controls:");
  const char *weird[] = { "שלום \xe2\x80\x8f trigger", "e\xcc\x81\xcc\x80 \xf0\x9f\x98\x80", NULL };

  while (big->len < 1024 * 1024)
    g_string_append (big, "Ünïcödé 🙂 שלום, \"quoted\"\n");
  for (int c = 1; c < 0x20; c++)
    g_string_append_c (controls, (char) c);
  g_string_append (controls, "\x7f\xc2\x80\xe2\x80\xa8\xef\xbb\xbf end");

  transfer_fill_store (fixture->store);
  transfer_add_entry (fixture->store, "2026-03-05 09:00", "other", 6, NULL, NULL, weird, big->str);
  transfer_add_entry (fixture->store, "2026-03-05 09:00", "other", 6, NULL, NULL, NULL, controls->str);
  for (int i = 0; i < 40; i++)
    transfer_add_entry (fixture->store, "2026-03-06 12:00", "other", i % 11, NULL, NULL, NULL, "same minute");

  assert_round_trip (fixture->store);
}

static void
test_csv_entries (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Trigger names hold no line breaks (the journal refuses them). */
  const char *weird[] = { "a,b", "say \"hi\"", "Ünï 🙂 שלום", NULL };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  const char *const header[] = {
    "date_time", "pain", "context", "regions", "qualities", "warning_signs", "triggers", "note", NULL,
  };
  char **row;

  transfer_fill_store (fixture->store);
  transfer_add_entry (fixture->store, "2026-03-07 07:30", "morning", 0, NULL, NULL, weird,
                      "comma, quote \" CR\r LF\n CRLF\r\n end 🙂 שלום");

  bytes = transfer_export (fixture->store, PREHAB_EXPORT_CSV_ENTRIES);
  rows = read_csv (bytes);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstrv ((char **) rows->pdata[0], header);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, 8);

  row = rows->pdata[1];
  g_assert_cmpstr (row[0], ==, "2026-03-01T08:00");
  g_assert_cmpstr (row[1], ==, "5");
  g_assert_cmpstr (row[2], ==, "morning");
  g_assert_cmpstr (row[3], ==, "between-shoulder-blades;neck");
  g_assert_cmpstr (row[4], ==, "ache;stiffness");
  g_assert_cmpstr (row[5], ==, "");
  g_assert_cmpstr (row[6], ==, "sitting;Wäsche, \"aufhängen\"");
  g_assert_cmpstr (row[7], ==, "Stiff, \"again\"\r\nafter the drive");

  row = rows->pdata[3];
  g_assert_cmpstr (row[0], ==, "2026-03-02T20:00");
  g_assert_cmpstr (row[7], ==, "مرحبا — e\xcc\x81 🙂");

  row = rows->pdata[4];
  g_assert_cmpstr (row[0], ==, "2026-03-07T07:30");
  g_assert_cmpstr (row[1], ==, "0");
  g_assert_cmpstr (row[6], ==, "a,b;say \"hi\";Ünï 🙂 שלום");
  g_assert_cmpstr (row[7], ==, "comma, quote \" CR\r LF\n CRLF\r\n end 🙂 שלום");
}

static void
test_csv_sessions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 items;
  char **row;

  transfer_fill_store (fixture->store);
  prehab_test_exec (fixture->store,
                    "UPDATE session SET note = 'felt \"fine\", then\r\nsore' WHERE date = '2026-03-02'");
  items = prehab_test_count (fixture->store, "SELECT count (*) FROM session_exercise");
  g_assert_cmpint (items, >, 0);

  bytes = transfer_export (fixture->store, PREHAB_EXPORT_CSV_SESSIONS);
  rows = read_csv (bytes);
  g_assert_cmpuint (rows->len, ==, items + 1);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, 17);

  row = rows->pdata[0];
  g_assert_cmpstr (row[0], ==, "date");
  g_assert_cmpstr (row[5], ==, "exercise");
  g_assert_cmpstr (row[16], ==, "note");

  row = rows->pdata[1];
  g_assert_cmpstr (row[0], ==, "2026-03-02");
  g_assert_cmpstr (row[2], ==, "done");
  g_assert_cmpstr (row[3], ==, "2");
  g_assert_cmpstr (row[4], ==, "3");
  g_assert_cmpint (strlen (row[5]), >, 0);
  g_assert_true (g_str_equal (row[6], "yes") || g_str_equal (row[6], "no"));
  g_assert_cmpstr (row[15], ==, "yes");
  g_assert_cmpstr (row[16], ==, "felt \"fine\", then\r\nsore");

  row = rows->pdata[rows->len - 1];
  g_assert_cmpstr (row[0], ==, "2026-03-03");
  g_assert_cmpstr (row[3], ==, "");  /* no pain during given */
  g_assert_cmpstr (row[4], ==, "1");
}

static guint
count_files (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_write_replaces_whole (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "exports", NULL);
  g_autofree char *path = g_build_filename (folder, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf info;
  gsize length;

  transfer_fill_store (fixture->store);

  /* A long file, replaced by a shorter export: nothing of it may remain. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n"
                                            "OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD, OLD\r\n",
                                      -1, NULL));
  g_assert_true (prehab_export_to_file (fixture->store, PREHAB_EXPORT_CSV_SESSIONS, path, &error));
  g_assert_no_error (error);

  bytes = transfer_export (fixture->store, PREHAB_EXPORT_CSV_SESSIONS);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (contents, "OLD"));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* No temporary file left beside it. */
  g_assert_cmpuint (count_files (folder), ==, 1);
}

static void
test_write_unwritable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (folder, "out.json", NULL);
  g_autofree char *below_file = NULL;
  g_autoptr (GError) error = NULL;

  /* A folder that is a file: fails the same way for any user. */
  below_file = g_build_filename (fixture->dir, "prehab.db", "out.json", NULL);
  g_assert_false (prehab_export_to_file (fixture->store, PREHAB_EXPORT_JSON, below_file, &error));
  g_assert_error (error, PREHAB_EXPORT_ERROR, PREHAB_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.json"));
  g_clear_error (&error);

  /* A folder without write permission (root may write anyway). */
  g_assert_cmpint (g_mkdir (folder, 0500), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (prehab_export_to_file (fixture->store, PREHAB_EXPORT_JSON, path, &error));
      g_assert_error (error, PREHAB_EXPORT_ERROR, PREHAB_EXPORT_ERROR_WRITE);
      g_assert_cmpuint (count_files (folder), ==, 0);
    }
  g_chmod (folder, 0700);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("PREHAB_TODAY", TRANSFER_TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, prehab_test_store_set_up, func, prehab_test_store_tear_down)

  ADD ("/export/json/round-trip", test_json_round_trip);
  ADD ("/export/json/round-trip-text", test_json_round_trip_text);
  ADD ("/export/csv/entries", test_csv_entries);
  ADD ("/export/csv/sessions", test_csv_sessions);
  ADD ("/export/write/replaces-whole", test_write_replaces_whole);
  ADD ("/export/write/unwritable", test_write_unwritable);

#undef ADD

  return g_test_run ();
}
