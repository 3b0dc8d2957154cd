/* prehab-data-transfer.c
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

#define G_LOG_DOMAIN "prehab-data-transfer"

#include "config.h"

#include "prehab-data-transfer.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "prehab-date.h"

/* The journal is read on the main thread (the store is one connection);
 * writing the file, with its flush to the disk, runs in a worker thread so
 * the window never waits on the disk. Ten years of entries take a few
 * hundred milliseconds to read. */

typedef struct
{
  PrehabDataTransfer  transfer;  /* with references of its own */
  PrehabExportFormat  format;
  PrehabBackup       *backup;    /* import: the checked file */
  GBytes             *undo;      /* replace: the journal just before */
} Job;

static Job *
job_new (const PrehabDataTransfer *transfer)
{
  Job *job = g_new0 (Job, 1);

  job->transfer = *transfer;
  g_object_ref (job->transfer.parent);
  g_object_ref (job->transfer.store);
  g_object_ref (job->transfer.toasts);
  if (job->transfer.settings != NULL)
    g_object_ref (job->transfer.settings);
  return job;
}

static void
job_free (Job *job)
{
  g_object_unref (job->transfer.parent);
  g_object_unref (job->transfer.store);
  g_object_unref (job->transfer.toasts);
  g_clear_object (&job->transfer.settings);
  g_clear_pointer (&job->backup, prehab_backup_free);
  g_clear_pointer (&job->undo, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
show_toast (AdwToastOverlay *toasts,
            const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (toasts, adw_toast_new (escaped));
}

/* An error stays until dismissed: it may need reading twice. */
static void
show_error_toast (AdwToastOverlay *toasts,
                  const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
notify_changed (const PrehabDataTransfer *transfer)
{
  if (transfer->changed != NULL)
    transfer->changed (transfer->changed_data);
}

/* The backup-folder setting, or Documents (or home) when it is empty. */
static GFile *
dup_start_folder (GSettings *settings)
{
  g_autofree char *folder = NULL;
  const char *documents;

  if (settings != NULL)
    folder = g_settings_get_string (settings, "backup-folder");
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

/* Export -------------------------------------------------------------- */

static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GBytes *bytes = g_object_get_data (G_OBJECT (task), "contents");
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, PREHAB_EXPORT_ERROR, PREHAB_EXPORT_ERROR_WRITE,
                               _("Prehab can only save to a folder on this computer"));
      return;
    }

  if (!prehab_export_write_file (path, bytes, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * prehab_data_transfer_export_file:
 * @transfer: the window's store and toasts
 * @format: what to export
 * @file: where to write it (a local file; replaced whole)
 * @cancellable: (nullable): a cancellable
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Reads the journal now and writes @file in a worker thread. A toast says
 * that the file was saved, or why it was not.
 */
void
prehab_data_transfer_export_file (const PrehabDataTransfer *transfer,
                                  PrehabExportFormat        format,
                                  GFile                    *file,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (transfer != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, prehab_data_transfer_export_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "job", job_new (transfer), (GDestroyNotify) job_free);
  g_object_set_data (G_OBJECT (task), "format", GINT_TO_POINTER (format));

  bytes = prehab_export_to_bytes (transfer->store, format, &error);
  if (bytes == NULL)
    {
      show_error_toast (transfer->toasts, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "contents", g_steal_pointer (&bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_file_thread);
}

gboolean
prehab_data_transfer_export_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_export_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Job *job = g_object_get_data (G_OBJECT (result), "job");
  PrehabExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "format"));
  g_autoptr (GError) error = NULL;

  if (!prehab_data_transfer_export_finish (result, &error))
    {
      /* A failed read was shown when it happened. */
      if (g_error_matches (error, PREHAB_EXPORT_ERROR, PREHAB_EXPORT_ERROR_WRITE))
        show_error_toast (job->transfer.toasts, error->message);
      return;
    }

  switch (format)
    {
    case PREHAB_EXPORT_JSON:
      show_toast (job->transfer.toasts, _("Backup saved"));
      break;
    case PREHAB_EXPORT_CSV_ENTRIES:
      show_toast (job->transfer.toasts, _("Pain entries saved"));
      break;
    case PREHAB_EXPORT_CSV_SESSIONS:
    default:
      show_toast (job->transfer.toasts, _("Sessions saved"));
      break;
    }
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr (Job) job = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;

  prehab_data_transfer_export_file (&job->transfer, job->format, file, NULL,
                                    on_export_written_cb, NULL);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

/**
 * prehab_data_transfer_choose_export:
 * @transfer: the window's store, toasts and settings
 * @format: what to export
 *
 * Asks where to save, starting in the backup-folder setting (Documents
 * when it is empty) with a name such as prehab-backup-2026-03-01.json,
 * then exports.
 */
void
prehab_data_transfer_choose_export (const PrehabDataTransfer *transfer,
                                    PrehabExportFormat        format)
{
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *name = prehab_export_dup_file_name (format, today);
  g_autoptr (GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  const char *title;
  Job *job;

  g_return_if_fail (transfer != NULL);

  switch (format)
    {
    case PREHAB_EXPORT_JSON:
      title = _("Save Backup");
      break;
    case PREHAB_EXPORT_CSV_ENTRIES:
      title = _("Export Pain Entries");
      break;
    case PREHAB_EXPORT_CSV_SESSIONS:
    default:
      title = _("Export Sessions");
      break;
    }

  chooser = gtk_file_chooser_native_new (title, transfer->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (format == PREHAB_EXPORT_JSON)
    add_filter (GTK_FILE_CHOOSER (chooser), _("Prehab backups (JSON)"), "application/json", "*.json");
  else
    add_filter (GTK_FILE_CHOOSER (chooser), _("Tables (CSV)"), "text/csv", "*.csv");

  folder = dup_start_folder (transfer->settings);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  job = job_new (transfer);
  job->format = format;
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import -------------------------------------------------------------- */

static void on_undo_replace_cb (AdwToast *toast,
                                Job      *job);

/* A toast's title is one line, cut short when it does not fit (a 360-px
 * screen shows about 28 characters beside the close button), so it says
 * what counts most; the Journal view shows the rest. */
static char *
dup_merge_text (const PrehabImportSummary *summary)
{
  if (summary->entries_added > 0)
    return g_strdup_printf (ngettext ("%u entry added", "%u entries added",
                                      summary->entries_added),
                            summary->entries_added);
  if (summary->sessions_added > 0)
    return g_strdup_printf (ngettext ("%u session added", "%u sessions added",
                                      summary->sessions_added),
                            summary->sessions_added);
  if (summary->enrollments_added + summary->triggers_added + summary->decisions_added +
      summary->movement_breaks_added > 0)
    return g_strdup (_("Backup merged"));

  return g_strdup (_("Nothing new to import"));
}

static void
apply_import (Job              *job,
              PrehabImportMode  mode)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  PrehabImportSummary summary = { 0 };

  if (mode == PREHAB_IMPORT_REPLACE)
    {
      /* What Undo puts back: the journal as it is now, as a backup. */
      job->undo = prehab_export_to_bytes (job->transfer.store, PREHAB_EXPORT_JSON, &error);
      if (job->undo == NULL)
        {
          show_error_toast (job->transfer.toasts, error->message);
          return;
        }
    }

  if (!prehab_backup_apply (job->backup, job->transfer.store, mode, &summary, &error))
    {
      show_error_toast (job->transfer.toasts, error->message);
      return;
    }

  notify_changed (&job->transfer);

  if (mode == PREHAB_IMPORT_REPLACE)
    {
      g_autofree char *escaped = g_markup_escape_text (_("Journal replaced"), -1);
      AdwToast *toast = adw_toast_new (escaped);
      Job *undo_job = job_new (&job->transfer);

      undo_job->undo = g_steal_pointer (&job->undo);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_replace_cb), undo_job,
                             (GClosureNotify) (void (*) (void)) job_free, 0);
      adw_toast_overlay_add_toast (job->transfer.toasts, toast);
    }
  else
    {
      text = dup_merge_text (&summary);
      show_toast (job->transfer.toasts, text);
    }
}

static void
on_undo_replace_cb (AdwToast *toast,
                    Job      *job)
{
  g_autoptr (PrehabBackup) backup = NULL;
  g_autoptr (GError) error = NULL;

  backup = prehab_backup_load_bytes (job->undo, job->transfer.store, &error);
  if (backup == NULL ||
      !prehab_backup_apply (backup, job->transfer.store, PREHAB_IMPORT_REPLACE, NULL, &error))
    {
      show_error_toast (job->transfer.toasts, error->message);
      return;
    }

  notify_changed (&job->transfer);
  show_toast (job->transfer.toasts, _("Import undone"));
}

static void
on_import_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr (Job) job = user_data;

  if (g_strcmp0 (response, "merge") == 0)
    apply_import (job, PREHAB_IMPORT_MERGE);
  else if (g_strcmp0 (response, "replace") == 0)
    apply_import (job, PREHAB_IMPORT_REPLACE);
}

/* 2026-03-01 as "1 March 2026", in the person's language. */
static char *
dup_date_text (const char *date)
{
  g_autoptr (GDateTime) date_time = NULL;
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (date);
  date_time = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date_time == NULL)
    return g_strdup (date);
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

/* What the backup holds, named by its file: the person sees that they
 * picked the file they meant before anything is written. */
static char *
dup_contents_text (const PrehabBackupInfo *info,
                   const char             *file_name)
{
  g_autofree char *entries = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (info->first_date == NULL)
    /* Translators: %s is the backup's file name */
    return g_strdup_printf (_("“%s” holds no pain entries and no sessions."), file_name);

  entries = g_strdup_printf (ngettext ("%u pain entry", "%u pain entries", info->n_entries),
                             info->n_entries);
  sessions = g_strdup_printf (ngettext ("%u session", "%u sessions", info->n_sessions),
                              info->n_sessions);
  first = dup_date_text (info->first_date);
  if (g_strcmp0 (info->first_date, info->last_date) == 0)
    /* Translators: "“backup.json” holds 3 pain entries and 1 session, on 5 January 2026." */
    return g_strdup_printf (_("“%s” holds %s and %s, on %s."), file_name, entries, sessions, first);

  last = dup_date_text (info->last_date);
  /* Translators: "“backup.json” holds 42 pain entries and 10 sessions, from
   * 5 January 2026 to 3 March 2026." */
  return g_strdup_printf (_("“%s” holds %s and %s, from %s to %s."),
                          file_name, entries, sessions, first, last);
}

/* A checker's message (no full stop, like every GError message) as the
 * first sentence of the dialog's body. */
static char *
dup_refusal_text (const char *message)
{
  g_autofree char *sentence = NULL;

  if (g_str_has_suffix (message, ".") || g_str_has_suffix (message, "?") ||
      g_str_has_suffix (message, "!") || g_str_has_suffix (message, "…"))
    sentence = g_strdup (message);
  else
    /* Translators: ends an error message with a full stop */
    sentence = g_strdup_printf (_("%s."), message);

  return g_strdup_printf ("%s\n\n%s", sentence, _("Nothing in your journal was changed."));
}

/**
 * prehab_data_transfer_import_file:
 * @transfer: the window's store, toasts and the function that reloads the
 *   views
 * @file: the backup
 *
 * Reads and checks @file. A refused file shows why in a dialog and changes
 * nothing; a good one shows what it holds and asks whether to merge it
 * (suggested), replace all data with it, or cancel. After a replace, the
 * toast offers Undo, which puts back the journal as it was just before.
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWindow *
prehab_data_transfer_import_file (const PrehabDataTransfer *transfer,
                                  GFile                    *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autoptr (PrehabBackup) backup = NULL;
  AdwMessageDialog *dialog;
  Job *job;

  g_return_val_if_fail (transfer != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_READ,
                         _("Prehab can only read a backup from a folder on this computer"));
  else
    backup = prehab_backup_load_file (path, transfer->store, &error);

  if (backup == NULL)
    {
      body = dup_refusal_text (error->message);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (transfer->parent,
                                                           _("Cannot Import This File"),
                                                           body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return GTK_WINDOW (dialog);
    }

  file_name = g_filename_display_basename (path);
  summary = dup_contents_text (prehab_backup_get_info (backup), file_name);
  body = g_strdup_printf ("%s\n\n%s\n\n%s", summary,
                          _("Merge adds what your journal does not have yet; an entry already there is not added twice."),
                          _("Replace All Data deletes every pain entry, session and program in this journal and puts the backup’s in their place."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (transfer->parent, _("Import Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace All Data"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");

  job = job_new (transfer);
  job->backup = g_steal_pointer (&backup);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_import_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr (Job) job = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    prehab_data_transfer_import_file (&job->transfer, file);
}

/**
 * prehab_data_transfer_choose_import:
 * @transfer: the window's store, toasts, settings and reload function
 *
 * Asks for a backup, starting in the backup-folder setting, then
 * continues as prehab_data_transfer_import_file().
 */
void
prehab_data_transfer_choose_import (const PrehabDataTransfer *transfer)
{
  g_autoptr (GFile) folder = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (transfer != NULL);

  chooser = gtk_file_chooser_native_new (_("Import Backup"), transfer->parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Prehab backups (JSON)"), "application/json", "*.json");
  folder = dup_start_folder (transfer->settings);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen_cb), job_new (transfer));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
