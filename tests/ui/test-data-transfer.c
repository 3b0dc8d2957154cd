/* test-data-transfer.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's export and import under a display, on temporary journals:
 * the work after the file choice, given a GFile directly (the native file
 * chooser is not driven here). */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "prehab-data-transfer.h"
#include "../unit/test-transfer-util.h"

typedef struct
{
  char             *dir;
  PrehabStore      *store;
  GtkWindow        *window;
  AdwToastOverlay  *toasts;
  guint             n_changed;
  gboolean          written;
} Fixture;

static void
on_changed (gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = transfer_open_empty (&fixture->dir);
  fixture->window = GTK_WINDOW (adw_window_new ());
  fixture->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->toasts));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static PrehabDataTransfer
transfer_of (Fixture *fixture)
{
  return (PrehabDataTransfer) {
    .parent = fixture->window,
    .store = fixture->store,
    .toasts = fixture->toasts,
    .changed = on_changed,
    .changed_data = fixture,
  };
}

static GFile *
write_backup (Fixture *fixture)
{
  g_autoptr (PrehabStore) source = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *source_dir = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "backup.json", NULL);
  g_autoptr (GError) error = NULL;

  source = transfer_open_empty (&source_dir);
  transfer_fill_store (source);
  bytes = transfer_export (source, PREHAB_EXPORT_JSON);
  g_assert_true (prehab_export_write_file (path, bytes, &error));
  g_assert_no_error (error);
  g_clear_object (&source);
  prehab_test_remove_tree (source_dir);
  return g_file_new_for_path (path);
}

static void
test_import_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  PrehabDataTransfer transfer = transfer_of (fixture);
  g_autoptr (GFile) file = write_backup (fixture);
  GtkWindow *dialog;

  transfer_add_entry (fixture->store, "2026-03-10 12:00", "other", 7, NULL, NULL, NULL, "mine");

  dialog = prehab_data_transfer_import_file (&transfer, file);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "“backup.json” holds 3 pain entries and 2 sessions, "
                            "from 1 March 2026 to 3 March 2026."));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "merge");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count (*) FROM pain_entry"), ==, 4);
  gtk_window_destroy (dialog);
}

static void
test_import_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  PrehabDataTransfer transfer = transfer_of (fixture);
  g_autoptr (GFile) file = write_backup (fixture);
  GtkWindow *dialog;

  transfer_add_entry (fixture->store, "2026-03-10 12:00", "other", 7, NULL, NULL, NULL, "mine");

  dialog = prehab_data_transfer_import_file (&transfer, file);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "replace");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count (*) FROM pain_entry"), ==, 3);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count (*) FROM pain_entry WHERE note = 'mine'"), ==, 0);
  gtk_window_destroy (dialog);
}

static void
test_import_cancel_and_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  PrehabDataTransfer transfer = transfer_of (fixture);
  g_autoptr (GFile) file = write_backup (fixture);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *before = prehab_test_dump_store (fixture->store);
  g_autofree char *after = NULL;
  GtkWindow *dialog;

  dialog = prehab_data_transfer_import_file (&transfer, file);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);

  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"prehab-backup\", \"version\": 7}", -1, NULL));
  dialog = prehab_data_transfer_import_file (&transfer, bad);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Cannot Import This File");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "This backup comes from a newer version of Prehab (format 7); update Prehab to import it."
                   "\n\nNothing in your journal was changed.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (dialog);

  g_assert_cmpuint (fixture->n_changed, ==, 0);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (prehab_data_transfer_export_finish (result, &error));
  g_assert_no_error (error);
  fixture->written = TRUE;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  PrehabDataTransfer transfer = transfer_of (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "entries.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  transfer_fill_store (fixture->store);
  prehab_data_transfer_export_file (&transfer, PREHAB_EXPORT_CSV_ENTRIES, file, NULL,
                                    on_exported_cb, fixture);
  while (!fixture->written)
    g_main_context_iteration (NULL, TRUE);

  expected = transfer_export (fixture->store, PREHAB_EXPORT_CSV_ENTRIES);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("PREHAB_TODAY", TRANSFER_TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/data-transfer/import/merge", test_import_merge);
  ADD ("/data-transfer/import/replace", test_import_replace);
  ADD ("/data-transfer/import/cancel-and-refused", test_import_cancel_and_refused);
  ADD ("/data-transfer/export", test_export);

#undef ADD

  return g_test_run ();
}
