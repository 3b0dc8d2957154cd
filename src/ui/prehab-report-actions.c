/* prehab-report-actions.c
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

#define G_LOG_DOMAIN "prehab-report-actions"

#include "config.h"

#include "prehab-report-actions.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "prehab-date.h"
#include "prehab-store.h"

/* The report is gathered on the main thread (the store's connection
 * belongs to it) and written to its PDF on a worker thread: drawing ten
 * years of history takes a good part of a second. Printing draws each page
 * when GTK asks for it, on the main thread, a page at a time. */

static PrehabStore *
dup_store (GtkWidget *window)
{
  PrehabStore *store = NULL;

  g_object_get (window, "store", &store, NULL);
  return store;
}

static void
show_toast (GtkWidget *window,
            AdwToast  *toast)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), toast);
  else
    g_object_unref (toast);
}

static void
show_message (GtkWidget  *window,
              const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  show_toast (window, toast);
}

/* The folder of the backup-folder key, or Documents when it is empty or
 * the schema is not installed. */
static GFile *
dup_start_folder (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree char *folder = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "backup-folder"))
    {
      g_autoptr (GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      folder = g_settings_get_string (settings, "backup-folder");
    }
  if (folder == NULL || folder[0] == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      g_free (folder);
      folder = g_strdup (documents != NULL ? documents : g_get_home_dir ());
    }

  return g_file_new_for_path (folder);
}

/**
 * prehab_report_dup_suggested_name:
 *
 * Returns: (transfer full): the file name offered for a report made today,
 *   prehab-report-YYYY-MM-DD.pdf
 */
char *
prehab_report_dup_suggested_name (void)
{
  g_autofree char *today = prehab_date_dup_today ();

  return g_strdup_printf ("prehab-report-%s.pdf", today);
}

static void
write_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PrehabReport *report = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  g_autoptr (GError) error = NULL;

  if (!prehab_report_write_pdf (report, path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_open_clicked_cb (AdwToast  *toast,
                    GtkWidget *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  gtk_show_uri (GTK_WINDOW (window), uri, GDK_CURRENT_TIME);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GtkWidget *window = GTK_WIDGET (source);
  GTask *task = G_TASK (result);
  g_autoptr (GError) error = NULL;
  AdwToast *toast;
  g_autoptr (GFile) file = NULL;

  gtk_widget_action_set_enabled (window, "win.save-report", TRUE);
  if (!g_task_propagate_boolean (task, &error))
    {
      show_message (window, error->message);
      return;
    }

  file = g_file_new_for_path (g_object_get_data (G_OBJECT (task), "path"));
  toast = adw_toast_new (_("Report saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), window, 0);
  show_toast (window, toast);
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GtkWidget       *window)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (PrehabReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  char *path;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (window, _("The report can only be saved to a folder on this computer"));
      return;
    }

  store = dup_store (window);
  report = prehab_report_new (store, NULL, NULL, &error);
  if (report == NULL)
    {
      g_free (path);
      show_message (window, error->message);
      return;
    }

  gtk_widget_action_set_enabled (window, "win.save-report", FALSE);
  task = g_task_new (window, NULL, on_written_cb, NULL);
  g_task_set_source_tag (task, on_save_response_cb);
  g_task_set_task_data (task, g_steal_pointer (&report), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", path, g_free);
  g_task_run_in_thread (task, write_thread_cb);
}

static void
save_report_action (GtkWidget  *window,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GFile) folder = dup_start_folder ();
  g_autofree char *name = prehab_report_dup_suggested_name ();

  dialog = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrehabReport      *report)
{
  guint n_pages = prehab_report_get_n_pages (report, gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrehabReport      *report)
{
  prehab_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page,
                           gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/**
 * prehab_report_print_operation_new:
 * @report: a report
 *
 * A print operation that draws @report on the whole page, in points, with
 * the report's own margins, so a printed page matches the PDF's.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
prehab_report_print_operation_new (PrehabReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  g_return_val_if_fail (PREHAB_IS_REPORT (report), NULL);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the name of the print job */
  gtk_print_operation_set_job_name (operation, _("Prehab report"));
  g_object_set_data_full (G_OBJECT (operation), "prehab-report", g_object_ref (report), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  return operation;
}

static void
print_report_action (GtkWidget  *window,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr (PrehabStore) store = dup_store (window);
  g_autoptr (PrehabReport) report = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;

  report = prehab_report_new (store, NULL, NULL, &error);
  if (report == NULL)
    {
      show_message (window, error->message);
      return;
    }

  operation = prehab_report_print_operation_new (report);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (window), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (window, error->message);
}

/**
 * prehab_report_actions_install:
 * @widget_class: the window's class; its instances have a "store" property
 *
 * Installs win.save-report and win.print-report.
 */
void
prehab_report_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-report", NULL, save_report_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
}
