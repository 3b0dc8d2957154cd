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
#include "prehab-plan-help.h"
#include "prehab-preferences-window.h"
#include "prehab-reminder-service.h"
#include "prehab-window.h"

struct _PrehabApplication
{
  AdwApplication  parent_instance;

  char                  *data_dir;
  PrehabStore           *store;
  GtkWindow             *plan_help;  /* weak */
  GSettings             *settings;   /* NULL when the schema is not installed */
  PrehabReminderService *reminders;
  GThread               *opening;  /* opens the journal while startup loads styles */
  gboolean               background; /* started at login: no window at first */
  gboolean               quitting;
};

G_DEFINE_FINAL_TYPE (PrehabApplication, prehab_application, ADW_TYPE_APPLICATION)

static void show_store_error (PrehabApplication *self,
                              const GError      *error);

typedef struct
{
  char        *data_dir;
  PrehabStore *store;
  GError      *error;
} OpenJob;

/* Opening the journal reads the whole file once (its integrity check) and
 * brings the catalog up to date: work for another core while this one
 * loads the theme. Nothing else touches the store until it is joined. */
static gpointer
open_store_thread (gpointer user_data)
{
  OpenJob *job = user_data;

  job->store = prehab_catalog_open_store (job->data_dir, &job->error);
  return job;
}

static void
start_opening_store (PrehabApplication *self)
{
  OpenJob *job = g_new0 (OpenJob, 1);

  job->data_dir = g_strdup (self->data_dir);
  self->opening = g_thread_new ("prehab-open", open_store_thread, job);
}

/* The store the thread opened, or a new one if none was started. */
static PrehabStore *
take_store (PrehabApplication  *self,
            GError            **error)
{
  OpenJob *job;
  PrehabStore *store;

  if (self->opening == NULL)
    return prehab_catalog_open_store (self->data_dir, error);

  job = g_thread_join (g_steal_pointer (&self->opening));
  store = job->store;
  if (job->error != NULL)
    g_propagate_error (error, job->error);
  g_free (job->data_dir);
  g_free (job);

  return store;
}

static void
on_journal_changed_cb (PrehabApplication *self)
{
  if (self->reminders != NULL)
    prehab_reminder_service_reschedule (self->reminders);
}

static void
present_window (PrehabApplication *self,
                const char        *toast)
{
  PrehabWindow *window = prehab_window_new (self, self->store);

  g_signal_connect_object (window, "journal-changed", G_CALLBACK (on_journal_changed_cb), self,
                           G_CONNECT_SWAPPED);

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

/* What a bug report needs: the versions of the libraries and of the
 * journal's schema. */
static char *
dup_debug_info (PrehabApplication *self)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Prehab %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "SQLite %s\n", prehab_store_get_sqlite_version ());
  if (self->store != NULL)
    g_string_append_printf (info, "Journal schema %d (latest %d)\n",
                            prehab_store_get_schema_version (self->store),
                            prehab_store_get_latest_version ());
  else
    g_string_append_printf (info, "Journal not open (latest schema %d)\n",
                            prehab_store_get_latest_version ());

  return g_string_free (info, FALSE);
}

/* The clinical sources of the planner's rules (PLANNER.md), in their
 * original language, as a legal section: they are what the program rests
 * on, not people to thank. */
static char *
dup_sources_markup (void)
{
  static const char * const sources[] = {
    "Thomeé R. The pain-monitoring model. Phys Ther 1997;77(12):1690–1703.",
    "Silbernagel KG et al. Am J Sports Med 2007;35(6):897–906.",
    "Smith BE et al. Br J Sports Med 2017.",
    "Farrar JT et al. Pain 2001;94:149.",
    "Dworkin RH et al. (IMMPACT). J Pain 2008.",
    "Cleland JA et al. Arch Phys Med Rehabil 2008;89:69.",
    "Kovacs FM et al. BMC Musculoskelet Disord 2008;9:43.",
    "Ratamess et al. American College of Sports Medicine position stand. 2009.",
    "Gross A et al. Cochrane Database Syst Rev 2015, CD004250.",
    "Physiopedia, “Thoracic back pain red flags”.",
    "IFOMPT cervical framework, Rushton et al. JOSPT 2023;53(1):7–22.",
  };
  GString *text = g_string_new (NULL);
  g_autofree char *lead = g_markup_escape_text (_("The planner’s rules rest on these studies and guidelines. “How the Plan Adapts”, in the main menu, says which rule comes from which."), -1);
  g_autofree char *device = g_markup_escape_text (_("Prehab is not a medical device and does not diagnose. See a clinician when pain is severe, keeps getting worse, or comes with warning signs."), -1);

  g_string_append_printf (text, "%s\n\n", lead);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (sources[i], -1);

      g_string_append_printf (text, "• %s\n", escaped);
    }
  g_string_append_printf (text, "\n%s", device);

  return g_string_free (text, FALSE);
}

static void
prehab_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = { "The Prehab authors", NULL };
  static const char *designers[] = { "The Prehab authors", NULL };
  PrehabApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *debug_info = dup_debug_info (self);
  g_autofree char *sources = dup_sources_markup ();
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), window);
  g_object_set (about,
                "application-name", _("Prehab"),
                "application-icon", APPLICATION_ID,
                "developer-name", _("The Prehab authors"),
                "version", PACKAGE_VERSION,
                "developers", developers,
                "designers", designers,
                "copyright", "© 2026 The Prehab authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/prehab/prehab",
                "issue-url", "https://github.com/prehab/prehab/issues",
                "comments", _("An 8-week neck and mid-back program that adapts to your pain. Everything stays on this computer. Prehab is not a medical device and not a diagnosis."),
                /* Translators: Replace "translator-credits" with your names, one name per line */
                "translator-credits", _("translator-credits"),
                "debug-info", debug_info,
                "debug-info-filename", "prehab-debug-info.txt",
                "release-notes-version", PACKAGE_VERSION,
                /* Translators: keep the <p> tags. This is the note of this
                 * version's <release> in the metainfo file. */
                "release-notes", _("<p>The first release of Prehab: an 8-week program for neck and mid-back pain that adapts to how you feel.</p> <ul> <li>A daily plan that steps up, keeps steady or eases off, with its reasons</li> <li>25 illustrated exercises and a guided session player</li> <li>A pain and trigger journal with trends</li> <li>A clinician report, backups, reminders, and German and Spanish translations</li> </ul>"),
                NULL);
  /* Translators: the exercise figures are drawn by the app itself */
  adw_about_window_add_credit_section (about, _("Exercise Figures"), designers);
  adw_about_window_add_legal_section (about, _("Clinical Sources"), NULL,
                                      GTK_LICENSE_CUSTOM, sources);
  gtk_window_present (GTK_WINDOW (about));
}

/* "How the plan adapts": one window, raised again when asked twice. */
static void
prehab_application_plan_help_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  PrehabApplication *self = user_data;

  if (self->plan_help == NULL)
    {
      self->plan_help = GTK_WINDOW (prehab_plan_help_new ());
      g_object_add_weak_pointer (G_OBJECT (self->plan_help), (gpointer *) &self->plan_help);
      gtk_window_set_transient_for (self->plan_help,
                                    gtk_application_get_active_window (GTK_APPLICATION (self)));
      gtk_window_set_application (self->plan_help, GTK_APPLICATION (self));
    }

  gtk_window_present (self->plan_help);
}

static void
prehab_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  PREHAB_APPLICATION (user_data)->quitting = TRUE;
  g_application_quit (G_APPLICATION (user_data));
}

/* The main window, or NULL when only other windows (or none) are open. */
static PrehabWindow *
find_main_window (PrehabApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PREHAB_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* A notification's action may come while Prehab runs without a window. */
static PrehabWindow *
ensure_main_window (PrehabApplication *self)
{
  PrehabWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = find_main_window (self);
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
on_enrollment_changed_cb (PrehabApplication *self)
{
  PrehabWindow *window = find_main_window (self);

  if (window != NULL)
    prehab_window_reload (window);
  else if (self->reminders != NULL)
    prehab_reminder_service_reschedule (self->reminders);
}

static void
prehab_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  PrehabApplication *self = user_data;
  PrehabPreferencesWindow *preferences;

  if (self->store == NULL || self->settings == NULL)
    return;

  preferences = prehab_preferences_window_new (GTK_WINDOW (find_main_window (self)),
                                               self->store, self->settings);
  g_signal_connect_object (preferences, "enrollment-changed",
                           G_CALLBACK (on_enrollment_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
prehab_application_show_today_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  PrehabWindow *window = ensure_main_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "today");
}

/* The reminder's buttons: the window's own actions, from the app so they
 * work from a notification. */
static void
prehab_application_start_session_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  PrehabWindow *window = ensure_main_window (user_data);

  g_application_withdraw_notification (G_APPLICATION (user_data), "reminder");
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL);
}

static void
prehab_application_log_pain_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  PrehabWindow *window = ensure_main_window (user_data);

  g_application_withdraw_notification (G_APPLICATION (user_data), "reminder");
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL);
}

static void
prehab_application_snooze_reminder_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  PrehabApplication *self = user_data;
  const char *kind = g_variant_get_string (parameter, NULL);

  if (self->reminders == NULL)
    return;

  prehab_reminder_service_snooze (self->reminders,
                                  g_str_equal (kind, "session") ? PREHAB_REMINDER_SESSION
                                                                : PREHAB_REMINDER_MOVEMENT_BREAK);
}

static const GActionEntry app_actions[] = {
  { "quit", prehab_application_quit_action },
  { "about", prehab_application_about_action },
  { "plan-help", prehab_application_plan_help_action },
  { "preferences", prehab_application_preferences_action },
  { "show-today", prehab_application_show_today_action },
  { "start-session", prehab_application_start_session_action },
  { "log-pain", prehab_application_log_pain_action },
  { "snooze-reminder", prehab_application_snooze_reminder_action, "s" },
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
  self->background = g_variant_dict_contains (options, "background");

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

      self->store = take_store (self, &error);
      if (self->store == NULL)
        {
          g_warning ("%s", error->message);
          show_store_error (self, error);
          return;
        }
    }

  if (self->reminders == NULL && self->settings != NULL)
    self->reminders = prehab_reminder_service_new (app, self->store, self->settings);

  /* Started at login for the reminders: the window waits until asked for. */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }

  present_window (self, NULL);
}

/* The last window closed: with reminders on, the app stays (the service
 * holds it) and says so the first time. */
static void
on_window_removed_cb (PrehabApplication *self)
{
  if (!self->quitting && find_main_window (self) == NULL && self->reminders != NULL)
    prehab_reminder_service_window_closed (self->reminders);
}

static void
apply_color_scheme (PrehabApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int scheme = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (scheme, 0, (int) G_N_ELEMENTS (schemes) - 1)]);
}

/* The schema is missing when Prehab runs uninstalled without
 * GSETTINGS_SCHEMA_DIR; the preferences and reminders are then off. */
static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
prehab_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *search_accels[] = { "<primary>f", NULL };
  static const char *help_accels[] = { "<primary>question", NULL };
  static const char *log_accels[] = { "<primary>l", NULL };
  static const char *print_accels[] = { "<primary>p", NULL };
  static const char *plan_help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };
  PrehabApplication *self = PREHAB_APPLICATION (app);
  static const struct { const char *name; const char *accel; } views[] = {
    { "today", "<alt>1" },
    { "plan", "<alt>2" },
    { "exercises", "<alt>3" },
    { "journal", "<alt>4" },
  };

  start_opening_store (self);
  G_APPLICATION_CLASS (prehab_application_parent_class)->startup (app);

  /* GtkApplication has just added Prehab's icons to the display's icon
   * theme, and so dropped the theme GTK read on another thread at
   * gtk_init(): the window's first icon would read it again on this one
   * (about 20 ms). A change of theme name has GTK read it on another
   * thread, so announce one while the window is built. */
  g_object_notify (G_OBJECT (gtk_settings_get_default ()), "gtk-icon-theme-name");

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.log-pain", log_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print-report", print_accels);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *accels[] = { views[i].accel, NULL };
      g_autofree char *action = g_strdup_printf ("win.show-view('%s')", views[i].name);

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action, accels);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.plan-help", plan_help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  self->settings = dup_settings ();
  if (self->settings != NULL)
    {
      apply_color_scheme (self);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                                "preferences")),
                                   FALSE);
    }
  g_signal_connect (app, "window-removed", G_CALLBACK (on_window_removed_cb), NULL);
}

static void
prehab_application_shutdown (GApplication *app)
{
  PrehabApplication *self = PREHAB_APPLICATION (app);

  self->quitting = TRUE;
  g_clear_object (&self->reminders);
  if (self->opening != NULL)
    {
      /* Started but never taken: wait for it, and close what it opened. */
      g_autoptr (PrehabStore) unused = take_store (self, NULL);
    }

  G_APPLICATION_CLASS (prehab_application_parent_class)->shutdown (app);
}

static void
prehab_application_finalize (GObject *object)
{
  PrehabApplication *self = (PrehabApplication *)object;

  if (self->plan_help != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->plan_help), (gpointer *) &self->plan_help);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
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
  app_class->shutdown = prehab_application_shutdown;
  app_class->handle_local_options = prehab_application_handle_local_options;
}

static void
prehab_application_init (PrehabApplication *self)
{
  static const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the journal in DIR instead of the default folder"), N_("DIR") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, to send reminders (as at login)"), NULL },
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
