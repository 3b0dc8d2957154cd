/* prehab-preferences-window.c
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

#define G_LOG_DOMAIN "prehab-preferences-window"

#include "config.h"

#include "prehab-preferences-window.h"

#include <glib/gi18n.h>
#include <stdio.h>

#ifdef HAVE_LIBPORTAL
#include <libportal-gtk4/portal-gtk4.h>
#endif

#include "prehab-date-chooser.h"
#include "prehab-date.h"
#include "prehab-day-picker.h"
#include "prehab-enrollment.h"
#include "prehab-reminders.h"
#include "prehab-vocabulary.h"

/* Every setting in one window: the program (written to the journal through
 * prehab_enrollment_update(), like the set-up's review), reminders,
 * appearance and sounds (GSettings), and the way to export, import and
 * choose where backups go (the main window's actions). */
struct _PrehabPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *not_started_group;
  AdwPreferencesGroup  *start_group;
  AdwPreferencesGroup  *training_days_group;
  AdwPreferencesGroup  *equipment_group;
  AdwActionRow         *start_date_row;
  GtkPopover           *start_date_popover;
  PrehabDateChooser    *date_chooser;
  GtkWidget            *apply_start_date_button;
  PrehabDayPicker      *training_day_picker;
  GtkLabel             *training_days_note;
  AdwExpanderRow       *equipment_row;
  GtkSwitch            *session_reminder_switch;
  GtkWidget            *session_time_row;
  GtkSpinButton        *session_time_spin;
  GtkSwitch            *break_reminders_switch;
  GtkWidget            *break_interval_row;
  GtkSpinButton        *break_interval_spin;
  GtkWidget            *work_start_row;
  GtkSpinButton        *work_start_spin;
  GtkWidget            *work_end_row;
  GtkSpinButton        *work_end_spin;
  AdwPreferencesGroup  *work_days_group;
  PrehabDayPicker      *work_day_picker;
  GtkLabel             *work_hours_note;
  AdwActionRow         *autostart_row;
  GtkSwitch            *autostart_switch;
  AdwComboRow          *style_row;
  GtkSwitch            *sounds_switch;
  GtkWidget            *export_json_row;
  GtkWidget            *export_csv_row;
  GtkWidget            *export_sessions_row;
  GtkWidget            *report_row;
  GtkWidget            *import_row;
  AdwActionRow         *backup_folder_row;
  GtkWidget            *reset_backup_folder_button;

  PrehabStore          *store;
  GSettings            *settings;
  PrehabEnrollment     *enrollment;      /* NULL before a program is started */
  GPtrArray            *equipment_checks; /* GtkCheckButton, in prehab_equipment order */
  gboolean              filling;         /* widgets are being set from the data */
  GtkFileChooserNative *folder_chooser;
  GCancellable         *cancellable;
#ifdef HAVE_LIBPORTAL
  XdpPortal            *portal;
#endif
};

G_DEFINE_FINAL_TYPE (PrehabPreferencesWindow, prehab_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ENROLLMENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const color_schemes[] = { "default", "light", "dark" };

static void
show_toast (PrehabPreferencesWindow *self,
            const char              *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* Times of day are spin buttons over minutes after midnight, shown as
 * HH:MM and read back from that form. */
static gboolean
on_time_output_cb (GtkSpinButton *spin)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  return TRUE;
}

static int
on_time_input_cb (GtkSpinButton *spin,
                  double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours, minutes;
  char rest;

  if (sscanf (text, "%d:%d%c", &hours, &minutes, &rest) != 2)
    {
      minutes = 0;
      if (sscanf (text, "%d%c", &hours, &rest) != 1)
        return GTK_INPUT_ERROR;
    }

  if (hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60)
    {
      *new_value = hours * 60 + minutes;
      return TRUE;
    }

  return GTK_INPUT_ERROR;
}

static void
setup_time_spin (GtkSpinButton *spin)
{
  /* A time that cannot be read leaves the value as it was. */
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input_cb), NULL);
}

/* Program */

static GStrv
dup_checked_equipment (PrehabPreferencesWindow *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->equipment_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->equipment_checks, i)))
      g_strv_builder_add (builder, prehab_equipment[i].id);

  return g_strv_builder_end (builder);
}

static void
update_equipment_subtitle (PrehabPreferencesWindow *self)
{
  g_auto (GStrv) equipment = dup_checked_equipment (self);
  guint n = g_strv_length (equipment);
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("None: floor and body-weight exercises only"));
  else
    /* Translators: how many kinds of equipment the person has */
    subtitle = g_strdup_printf (ngettext ("%u item", "%u items", n), n);
  adw_expander_row_set_subtitle (self->equipment_row, subtitle);
}

static void
load_enrollment (PrehabPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  gboolean started;

  g_clear_pointer (&self->enrollment, prehab_enrollment_free);
  self->enrollment = prehab_enrollment_load_active (self->store, &error);
  if (error != NULL)
    show_toast (self, error->message);

  started = self->enrollment != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->not_started_group), !started && error == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->start_group), started);
  gtk_widget_set_visible (GTK_WIDGET (self->training_days_group), started);
  gtk_widget_set_visible (GTK_WIDGET (self->equipment_group), started);
  if (!started)
    return;

  self->filling = TRUE;
  {
    guint32 day = prehab_date_to_day (self->enrollment->start_date);
    g_autoptr (GDateTime) date = NULL;
    g_autofree char *words = NULL;
    GDate gdate;

    g_date_clear (&gdate, 1);
    g_date_set_julian (&gdate, day);
    date = g_date_time_new_local (g_date_get_year (&gdate), g_date_get_month (&gdate),
                                  g_date_get_day (&gdate), 12, 0, 0);
    /* Translators: a date in words, e.g. "Monday 5 January 2026"; see
     * g_date_time_format() for the codes */
    words = g_date_time_format (date, _("%A %-e %B %Y"));
    adw_action_row_set_subtitle (self->start_date_row, words);
  }
  prehab_day_picker_set_days (self->training_day_picker, self->enrollment->training_days);
  gtk_widget_set_visible (GTK_WIDGET (self->training_days_note), FALSE);
  for (guint i = 0; i < self->equipment_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->equipment_checks, i),
                                 prehab_enrollment_has_equipment (self->enrollment,
                                                                  prehab_equipment[i].id));
  update_equipment_subtitle (self);
  self->filling = FALSE;
}

/* Writes the program's set-up with one change, keeping the rest (the
 * safety answers too) as they are. On a refusal nothing is written and the
 * widgets go back to what the journal holds. */
static void
save_enrollment (PrehabPreferencesWindow *self,
                 const char              *start_date,
                 guint                    training_days,
                 const char * const      *equipment)
{
  PrehabEnrollmentSettings settings = {
    .program_id = self->enrollment->program_id,
    .start_date = start_date != NULL ? start_date : self->enrollment->start_date,
    .training_days = training_days != 0 ? training_days : self->enrollment->training_days,
    .equipment = equipment != NULL ? equipment
                                   : (const char * const *) self->enrollment->equipment,
    .flags = (const char * const *) self->enrollment->flags,
  };
  g_autoptr (GError) error = NULL;

  if (!prehab_enrollment_update (self->store, self->enrollment->id, &settings, &error))
    show_toast (self, error->message);

  load_enrollment (self);
  if (error == NULL)
    g_signal_emit (self, signals[SIGNAL_ENROLLMENT_CHANGED], 0);
}

static void
on_training_days_changed_cb (PrehabPreferencesWindow *self)
{
  guint days = prehab_day_picker_get_days (self->training_day_picker);

  if (self->filling || self->enrollment == NULL)
    return;

  /* No day at all cannot be saved: say so and keep the last ones until
   * another is chosen. */
  if (days == 0)
    {
      gtk_label_set_label (self->training_days_note,
                           _("Choose at least one training day. Until then your program keeps the days it had."));
      gtk_widget_set_visible (GTK_WIDGET (self->training_days_note), TRUE);
      return;
    }

  save_enrollment (self, NULL, days, NULL);
}

static void
on_equipment_toggled_cb (PrehabPreferencesWindow *self)
{
  g_auto (GStrv) equipment = NULL;

  if (self->filling || self->enrollment == NULL)
    return;

  equipment = dup_checked_equipment (self);
  save_enrollment (self, NULL, 0, (const char * const *) equipment);
}

static void
on_start_date_popover_show_cb (PrehabPreferencesWindow *self)
{
  g_autofree char *today = prehab_date_dup_today ();

  if (self->enrollment == NULL)
    return;

  prehab_date_chooser_set_today (self->date_chooser, today);
  prehab_date_chooser_set_date (self->date_chooser, self->enrollment->start_date);
}

static void
on_start_date_valid_cb (PrehabPreferencesWindow *self)
{
  gtk_widget_set_sensitive (self->apply_start_date_button,
                            prehab_date_chooser_get_valid (self->date_chooser));
}

static void
on_apply_start_date_clicked_cb (PrehabPreferencesWindow *self)
{
  g_autofree char *date = g_strdup (prehab_date_chooser_get_date (self->date_chooser));

  gtk_popover_popdown (self->start_date_popover);
  if (self->enrollment != NULL && g_strcmp0 (date, self->enrollment->start_date) != 0)
    save_enrollment (self, date, 0, NULL);
}

/* The set-up itself (safety questions, a first start) lives in the main
 * window's onboarding. */
static void
on_set_up_row_activated_cb (PrehabPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == NULL)
    return;

  g_object_ref (parent);
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.onboarding", NULL);
  g_object_unref (parent);
}

/* Reminders */

static void
update_work_hours_note (PrehabPreferencesWindow *self)
{
  PrehabReminderSettings reminders = {
    .breaks_enabled = TRUE,
    .work_start_minute = g_settings_get_int (self->settings, "work-start"),
    .work_end_minute = g_settings_get_int (self->settings, "work-end"),
    .work_days = g_settings_get_flags (self->settings, "work-days"),
  };
  const char *note = NULL;

  if (!g_settings_get_boolean (self->settings, "break-reminders"))
    note = NULL;
  else if (reminders.work_days == 0)
    note = _("No working day is chosen, so no movement break reminder will come.");
  else if (!prehab_reminder_settings_has_hours (&reminders))
    note = _("Work ends before it starts, so no movement break reminder will come.");

  gtk_label_set_label (self->work_hours_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->work_hours_note), note != NULL);
}

static void
on_settings_changed_cb (PrehabPreferencesWindow *self,
                        const char              *key)
{
  if (g_str_equal (key, "work-days"))
    {
      self->filling = TRUE;
      prehab_day_picker_set_days (self->work_day_picker,
                                  g_settings_get_flags (self->settings, "work-days"));
      self->filling = FALSE;
    }
  else if (g_str_equal (key, "backup-folder"))
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
      g_autofree char *shown = NULL;

      if (*folder != '\0')
        shown = g_filename_display_name (folder);
      else
        /* Translators: %s is the path of the Documents folder */
        shown = g_strdup_printf (_("%s (the default)"),
                                 documents != NULL ? documents : g_get_home_dir ());
      adw_action_row_set_subtitle (self->backup_folder_row, shown);
      gtk_widget_set_sensitive (self->reset_backup_folder_button, *folder != '\0');
    }

  if (g_str_equal (key, "work-days") || g_str_equal (key, "work-start")
      || g_str_equal (key, "work-end") || g_str_equal (key, "break-reminders"))
    update_work_hours_note (self);
}

static void
on_work_days_changed_cb (PrehabPreferencesWindow *self)
{
  if (self->filling)
    return;

  g_settings_set_flags (self->settings, "work-days",
                        prehab_day_picker_get_days (self->work_day_picker));
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (id, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[i]);
}

/* Start at login: asked of the Background portal, which also shows the
 * person a question of its own. What the row says is the portal's answer. */

static void
set_autostart_unavailable (PrehabPreferencesWindow *self,
                           const char              *why)
{
  adw_action_row_set_subtitle (self->autostart_row, why);
  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_row), FALSE);
  self->filling = TRUE;
  gtk_switch_set_active (self->autostart_switch, FALSE);
  self->filling = FALSE;
}

#ifdef HAVE_LIBPORTAL
static void
on_background_requested_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr (PrehabPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean wanted = gtk_switch_get_active (self->autostart_switch);
  gboolean granted;

  granted = xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_switch), TRUE);
  if (!granted)
    {
      g_debug ("Background request refused: %s", error != NULL ? error->message : "denied");
      self->filling = TRUE;
      gtk_switch_set_active (self->autostart_switch, FALSE);
      self->filling = FALSE;
      g_settings_set_boolean (self->settings, "start-at-login", FALSE);
      adw_action_row_set_subtitle (self->autostart_row,
                                   _("Your system did not allow Prehab to start at login. "
                                     "You can allow it in the system’s settings for apps."));
      return;
    }

  g_settings_set_boolean (self->settings, "start-at-login", wanted);
  adw_action_row_set_subtitle (self->autostart_row,
                               wanted ? _("Prehab starts in the background when you log in")
                                      : _("Prehab starts only when you open it"));
}

static void
on_autostart_toggled_cb (PrehabPreferencesWindow *self)
{
  gboolean wanted = gtk_switch_get_active (self->autostart_switch);
  g_autoptr (GPtrArray) commandline = g_ptr_array_new ();
  XdpParent *parent;

  if (self->filling || self->portal == NULL)
    return;

  g_ptr_array_add (commandline, (gpointer) "prehab");
  g_ptr_array_add (commandline, (gpointer) "--background");
  g_ptr_array_add (commandline, NULL);

  /* One question at a time. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_switch), FALSE);
  parent = xdp_parent_new_gtk (GTK_WINDOW (self));
  xdp_portal_request_background (self->portal, parent,
                                 _("Prehab sends your session and movement break reminders."),
                                 commandline,
                                 wanted ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 self->cancellable, on_background_requested_cb,
                                 g_object_ref (self));
  xdp_parent_free (parent);
}

static void
on_background_portal_version_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr (PrehabPreferencesWindow) self = user_data;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    {
      g_debug ("No Background portal: %s", error->message);
      set_autostart_unavailable (self, _("Not available: this system has no Background portal"));
      return;
    }

  self->portal = xdp_portal_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_row), TRUE);
  self->filling = TRUE;
  gtk_switch_set_active (self->autostart_switch,
                         g_settings_get_boolean (self->settings, "start-at-login"));
  self->filling = FALSE;
  adw_action_row_set_subtitle (self->autostart_row,
                               _("Starts Prehab in the background when you log in, so reminders come without opening it"));
}
#endif

static void
check_autostart (PrehabPreferencesWindow *self)
{
#ifdef HAVE_LIBPORTAL
  GApplication *application = g_application_get_default ();
  GDBusConnection *bus = application != NULL ? g_application_get_dbus_connection (application)
                                              : NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_row), FALSE);
  if (bus == NULL)
    {
      set_autostart_unavailable (self, _("Not available: this system has no Background portal"));
      return;
    }

  g_signal_connect_object (self->autostart_switch, "notify::active",
                           G_CALLBACK (on_autostart_toggled_cb), self, G_CONNECT_SWAPPED);
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", "org.freedesktop.portal.Background", "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 5000,
                          self->cancellable, on_background_portal_version_cb,
                          g_object_ref (self));
#else
  set_autostart_unavailable (self, _("Not available in this build of Prehab"));
#endif
}

/* Data */

static void
on_data_row_activated_cb (PrehabPreferencesWindow *self,
                          GtkWidget               *row)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *action = "win.import";
  const char *target = NULL;

  if (row == self->export_json_row)
    action = "win.export", target = "json";
  else if (row == self->export_csv_row)
    action = "win.export", target = "csv-entries";
  else if (row == self->export_sessions_row)
    action = "win.export", target = "csv-sessions";
  else if (row == self->report_row)
    action = "win.save-report";

  if (parent == NULL)
    return;

  /* The file chooser belongs to the main window; this one steps aside. */
  g_object_ref (parent);
  if (!gtk_widget_activate_action (GTK_WIDGET (parent), action, target != NULL ? "s" : NULL,
                                   target))
    g_warning ("The main window has no action %s", action);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (parent);
}

static void
on_folder_chosen_cb (PrehabPreferencesWindow *self,
                     int                      response,
                     GtkNativeDialog         *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "backup-folder", path);
      else
        show_toast (self, _("Choose a folder on this computer"));
    }

  g_clear_object (&self->folder_chooser);
}

static void
on_choose_backup_folder_clicked_cb (PrehabPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "backup-folder");

  if (self->folder_chooser != NULL)
    return;

  self->folder_chooser = gtk_file_chooser_native_new (_("Choose Where Backups Go"),
                                                      GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                      _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->folder_chooser), TRUE);
  if (*current != '\0')
    {
      g_autoptr (GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->folder_chooser), folder, NULL);
    }
  g_signal_connect_object (self->folder_chooser, "response", G_CALLBACK (on_folder_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
}

static void
on_reset_backup_folder_clicked_cb (PrehabPreferencesWindow *self)
{
  g_settings_reset (self->settings, "backup-folder");
}

static void
bind_settings (PrehabPreferencesWindow *self)
{
  static const struct { const char *key; const char *row; } sensitive[] = {
    { "session-reminder", "session_time_row" },
    { "break-reminders", "break_interval_row" },
    { "break-reminders", "work_start_row" },
    { "break-reminders", "work_end_row" },
    { "break-reminders", "work_days_group" },
  };

  g_settings_bind (self->settings, "session-reminder", self->session_reminder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "session-reminder-time", self->session_time_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "break-reminders", self->break_reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "break-interval", self->break_interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "work-start", self->work_start_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "work-end", self->work_end_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "session-sounds", self->sounds_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get_mapping, color_scheme_set_mapping, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sensitive); i++)
    {
      GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (self),
                                                       PREHAB_TYPE_PREFERENCES_WINDOW,
                                                       sensitive[i].row);

      g_settings_bind (self->settings, sensitive[i].key, widget, "sensitive",
                       G_SETTINGS_BIND_GET);
    }

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_settings_changed_cb (self, "work-days");
  on_settings_changed_cb (self, "backup-folder");
}

static void
add_equipment_rows (PrehabPreferencesWindow *self)
{
  for (guint i = 0; prehab_equipment[i].id != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     prehab_vocabulary_label (prehab_equipment,
                                                              prehab_equipment[i].id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_equipment_toggled_cb), self,
                               G_CONNECT_SWAPPED);

      adw_expander_row_add_row (self->equipment_row, row);
      g_ptr_array_add (self->equipment_checks, check);
    }
}

static void
prehab_preferences_window_constructed (GObject *object)
{
  PrehabPreferencesWindow *self = PREHAB_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (prehab_preferences_window_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->settings != NULL);

  bind_settings (self);
  load_enrollment (self);
  check_autostart (self);
}

static void
prehab_preferences_window_dispose (GObject *object)
{
  PrehabPreferencesWindow *self = (PrehabPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->folder_chooser));
  g_clear_object (&self->folder_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
#ifdef HAVE_LIBPORTAL
  g_clear_object (&self->portal);
#endif

  G_OBJECT_CLASS (prehab_preferences_window_parent_class)->dispose (object);
}

static void
prehab_preferences_window_finalize (GObject *object)
{
  PrehabPreferencesWindow *self = (PrehabPreferencesWindow *)object;

  g_clear_pointer (&self->enrollment, prehab_enrollment_free);
  g_clear_pointer (&self->equipment_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_preferences_window_parent_class)->finalize (object);
}

static void
prehab_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PrehabPreferencesWindow *self = PREHAB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PrehabPreferencesWindow *self = PREHAB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_preferences_window_class_init (PrehabPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = prehab_preferences_window_constructed;
  object_class->dispose = prehab_preferences_window_dispose;
  object_class->finalize = prehab_preferences_window_finalize;
  object_class->get_property = prehab_preferences_window_get_property;
  object_class->set_property = prehab_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PREHAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrehabPreferencesWindow::enrollment-changed:
   *
   * The program's start date, training days or equipment were saved: the
   * views that show the plan should reload.
   */
  signals[SIGNAL_ENROLLMENT_CHANGED] =
    g_signal_new ("enrollment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PREHAB_TYPE_DATE_CHOOSER);
  g_type_ensure (PREHAB_TYPE_DAY_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-preferences-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PrehabPreferencesWindow, name)
  BIND (not_started_group);
  BIND (start_group);
  BIND (training_days_group);
  BIND (equipment_group);
  BIND (start_date_row);
  BIND (start_date_popover);
  BIND (date_chooser);
  BIND (apply_start_date_button);
  BIND (training_day_picker);
  BIND (training_days_note);
  BIND (equipment_row);
  BIND (session_reminder_switch);
  BIND (session_time_row);
  BIND (session_time_spin);
  BIND (break_reminders_switch);
  BIND (break_interval_row);
  BIND (break_interval_spin);
  BIND (work_start_row);
  BIND (work_start_spin);
  BIND (work_end_row);
  BIND (work_end_spin);
  BIND (work_days_group);
  BIND (work_day_picker);
  BIND (work_hours_note);
  BIND (autostart_row);
  BIND (autostart_switch);
  BIND (style_row);
  BIND (sounds_switch);
  BIND (export_json_row);
  BIND (export_csv_row);
  BIND (export_sessions_row);
  BIND (report_row);
  BIND (import_row);
  BIND (backup_folder_row);
  BIND (reset_backup_folder_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_start_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_start_date_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_up_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_data_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_backup_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_backup_folder_clicked_cb);
}

static void
prehab_preferences_window_init (PrehabPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->equipment_checks = g_ptr_array_new ();
  add_equipment_rows (self);
  setup_time_spin (self->session_time_spin);
  setup_time_spin (self->work_start_spin);
  setup_time_spin (self->work_end_spin);

  g_signal_connect_object (self->training_day_picker, "notify::days",
                           G_CALLBACK (on_training_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->work_day_picker, "notify::days",
                           G_CALLBACK (on_work_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_chooser, "notify::valid",
                           G_CALLBACK (on_start_date_valid_cb), self, G_CONNECT_SWAPPED);
}

/**
 * prehab_preferences_window_new:
 * @parent: (nullable): the main window, whose actions the Data page uses
 * @store: the journal
 * @settings: the application's settings
 *
 * Returns: (transfer floating): a new preferences window, transient for
 *   @parent
 */
PrehabPreferencesWindow *
prehab_preferences_window_new (GtkWindow   *parent,
                               PrehabStore *store,
                               GSettings   *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PREHAB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       NULL);
}
