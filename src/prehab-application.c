/* prehab-application.c
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

#define G_LOG_DOMAIN "prehab-application"

#include "config.h"

#include "prehab-application.h"

#include <glib/gi18n.h>

#include "prehab-bench.h"
#include "prehab-catalog.h"
#include "prehab-window.h"

struct _PrehabApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  PrehabStore    *store;
};

G_DEFINE_FINAL_TYPE (PrehabApplication, prehab_application, ADW_TYPE_APPLICATION)

static void show_store_error (PrehabApplication *self,
                              const GError      *error);

static void
present_window (PrehabApplication *self,
                const char        *toast)
{
  PrehabWindow *window = prehab_window_new (self, self->store);

  prehab_bench_watch_window (GTK_WINDOW (window));
  if (toast != NULL)
    prehab_window_show_toast (window, toast);
  gtk_window_present (GTK_WINDOW (window));
  prehab_window_present_first_run (window);
}

/* Puts the newest usable backup in place of the damaged journal, which is
 * kept beside it, and opens the window on it. */
static void
restore_latest_backup (PrehabApplication *self)
{
  g_autoptr (GPtrArray) backups = prehab_store_list_backups (self->data_dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      g_clear_error (&error);
      if (prehab_store_restore_backup (self->data_dir, g_ptr_array_index (backups, i),
                                       &aside, &error))
        break;
      g_warning ("%s", error->message);
    }

  if (error == NULL)
    self->store = prehab_catalog_open_store (self->data_dir, &error);

  if (self->store == NULL)
    {
      show_store_error (self, error);
      return;
    }

  present_window (self, aside != NULL
                        ? _("Journal restored; the damaged copy is kept beside it")
                        : _("Journal restored from a backup"));
}

static void
on_store_error_response_cb (AdwMessageDialog  *dialog,
                            const char        *response,
                            PrehabApplication *self)
{
  if (g_strcmp0 (response, "folder") == 0)
    {
      g_autofree char *dir = self->data_dir != NULL ? g_strdup (self->data_dir)
                                                    : prehab_store_dup_default_data_dir ();
      g_autoptr (GFile) folder = g_file_new_for_path (dir);
      g_autofree char *uri = g_file_get_uri (folder);

      g_app_info_launch_default_for_uri (uri, NULL, NULL);
    }
  else if (g_strcmp0 (response, "restore") == 0)
    {
      restore_latest_backup (self);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The journal could not be opened: say why and what can be done, and write
 * nothing unless the person chooses to restore a backup. */
static void
show_store_error (PrehabApplication *self,
                  const GError      *error)
{
  g_autoptr (GPtrArray) backups = prehab_store_list_backups (self->data_dir);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Your Journal Could Not Be Opened"),
                                                       error->message));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_responses (dialog,
                                    "folder", _("_Show Folder"),
                                    "close", _("_Close"),
                                    NULL);

  /* A newer journal is fine as it is: the cure is a newer Prehab, not an
   * older copy. */
  if (backups->len > 0 && g_error_matches (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_CORRUPT))
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
    }

  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_store_error_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
prehab_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = { "The Prehab authors", NULL };
  PrehabApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Prehab"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Prehab authors"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Prehab authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("An 8-week neck and mid-back program that adapts to your pain. Everything stays on this computer."),
                         /* Translators: Replace "translator-credits" with your names, one name per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
prehab_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", prehab_application_quit_action },
  { "about", prehab_application_about_action },
};

static int
prehab_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  PrehabApplication *self = PREHAB_APPLICATION (app);
  const char *data_dir = NULL;

  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir) && *data_dir != '\0')
    {
      self->data_dir = g_strdup (data_dir);
      /* Another folder is another journal: do not hand it to a running window. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (prehab_application_parent_class)->handle_local_options (app, options);
}

static void
prehab_application_activate (GApplication *app)
{
  PrehabApplication *self = PREHAB_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autoptr (GError) error = NULL;

      self->store = prehab_catalog_open_store (self->data_dir, &error);
      if (self->store == NULL)
        {
          g_warning ("%s", error->message);
          show_store_error (self, error);
          return;
        }
    }

  present_window (self, NULL);
}

static void
prehab_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *search_accels[] = { "<primary>f", NULL };
  static const char *help_accels[] = { "<primary>question", NULL };
  static const char *log_accels[] = { "<primary>l", NULL };
  static const struct { const char *name; const char *accel; } views[] = {
    { "today", "<alt>1" },
    { "plan", "<alt>2" },
    { "exercises", "<alt>3" },
    { "journal", "<alt>4" },
  };

  G_APPLICATION_CLASS (prehab_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.log-pain", log_accels);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *accels[] = { views[i].accel, NULL };
      g_autofree char *action = g_strdup_printf ("win.show-view('%s')", views[i].name);

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action, accels);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);
}

static void
prehab_application_finalize (GObject *object)
{
  PrehabApplication *self = (PrehabApplication *)object;

  g_clear_object (&self->store);
  g_free (self->data_dir);

  G_OBJECT_CLASS (prehab_application_parent_class)->finalize (object);
}

static void
prehab_application_class_init (PrehabApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = prehab_application_finalize;
  app_class->activate = prehab_application_activate;
  app_class->startup = prehab_application_startup;
  app_class->handle_local_options = prehab_application_handle_local_options;
}

static void
prehab_application_init (PrehabApplication *self)
{
  static const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the journal in DIR instead of the default folder"), N_("DIR") },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

PrehabApplication *
prehab_application_new (void)
{
  return g_object_new (PREHAB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
