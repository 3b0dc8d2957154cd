/* prehab-window.c
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

#define G_LOG_DOMAIN "prehab-window"

#include "config.h"

#include "prehab-window.h"

#include <glib/gi18n.h>

#include "prehab-data-transfer.h"
#include "prehab-date.h"
#include "prehab-exercises-page.h"
#include "prehab-journal-page.h"
#include "prehab-log-dialog.h"
#include "prehab-onboarding.h"
#include "prehab-plan-page.h"
#include "prehab-player.h"
#include "prehab-report-actions.h"
#include "prehab-today-page.h"

struct _PrehabWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  PrehabTodayPage      *today_page;
  AdwBin               *plan_bin;
  AdwBin               *exercises_bin;
  AdwBin               *journal_bin;

  /* Built after the first frame (see ensure_views) */
  PrehabPlanPage       *plan_page;
  PrehabExercisesPage  *exercises_page;
  PrehabJournalPage    *journal_page;

  PrehabStore          *store;
  GSettings            *settings;
  gint64                data_version;  /* of the journal the views show */
  char                 *shown_day;
  guint                 hidden_views_idle_id;
};

G_DEFINE_FINAL_TYPE (PrehabWindow, prehab_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_JOURNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void ensure_views (PrehabWindow *self);

static void
prehab_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);

  ensure_views (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "exercises");
  prehab_exercises_page_start_search (self->exercises_page);
}

/* An exercise named in another view opens in the Exercises view, whose
 * Back button then returns to that view. */
static void
prehab_window_show_exercise_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  const char *return_view = NULL;
  const char *return_title = NULL;

  ensure_views (self);
  if (visible != NULL && visible != GTK_WIDGET (self->exercises_bin))
    {
      return_view = adw_view_stack_get_visible_child_name (self->view_stack);
      return_title = adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack,
                                                                             visible));
    }

  if (!prehab_exercises_page_show_exercise (self->exercises_page, id, return_view, return_title))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "exercises");
}

static void
prehab_window_show_view_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  ensure_views (self);
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void on_data_changed_cb (PrehabWindow *self);

static void
prehab_window_onboarding_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  g_autoptr (PrehabEnrollment) current = NULL;
  g_autoptr (GError) error = NULL;
  PrehabOnboarding *onboarding;

  current = prehab_enrollment_load_active (self->store, &error);
  if (error != NULL)
    {
      prehab_window_show_toast (self, error->message);
      return;
    }

  onboarding = prehab_onboarding_new (self->store, current);
  gtk_window_set_transient_for (GTK_WINDOW (onboarding), GTK_WINDOW (self));
  g_signal_connect_object (onboarding, "finished", G_CALLBACK (on_data_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (onboarding));
}

/* Something was written: every view that shows the journal catches up.
 * A new pain entry, @added_entry, is added to the Journal's list rather
 * than the list read again. */
static void
update_views (PrehabWindow *self,
              gint64        added_entry)
{
  g_autoptr (GError) error = NULL;

  self->data_version = prehab_store_get_data_version (self->store);
  g_free (self->shown_day);
  self->shown_day = prehab_date_dup_today ();

  prehab_today_page_reload (self->today_page);
  /* Views not built yet read the journal when they are. */
  if (self->plan_page != NULL)
    {
      prehab_plan_page_reload (self->plan_page);
      if (added_entry != 0)
        prehab_journal_page_add_entry (self->journal_page, added_entry);
      else
        prehab_journal_page_reload (self->journal_page);
      if (!prehab_exercises_page_reload (self->exercises_page, &error))
        prehab_window_show_toast (self, error->message);
    }

  g_signal_emit (self, signals[SIGNAL_JOURNAL_CHANGED], 0);
}

static void
on_data_changed_cb (PrehabWindow *self)
{
  update_views (self, 0);
}

static void
on_session_saved_cb (PrehabWindow *self)
{
  on_data_changed_cb (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Session saved")));
}

/* The guided session of today's plan, in a window of its own. */
static void
prehab_window_start_session_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  g_autofree char *today = prehab_date_dup_today ();
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  PrehabPlayer *player;

  plan = prehab_schedule_decide (self->store, today, &error);
  if (plan == NULL)
    {
      prehab_window_show_toast (self, error->message);
      return;
    }
  if (plan->items->len == 0)
    {
      prehab_window_show_toast (self, _("Nothing is planned today"));
      return;
    }

  player = prehab_player_new (GTK_WINDOW (self), self->store, plan);
  g_signal_connect_object (player, "saved", G_CALLBACK (on_session_saved_cb), self,
                           G_CONNECT_SWAPPED);
  prehab_player_start (player);
}

static void
on_entry_saved_cb (PrehabWindow    *self,
                   gint64           entry_id,
                   PrehabLogDialog *dialog)
{
  gboolean added = prehab_log_dialog_get_entry_id (dialog) == 0;
  AdwToast *toast;

  update_views (self, added ? entry_id : 0);
  toast = adw_toast_new (added ? _("Pain logged") : _("Entry updated"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
present_log_dialog (PrehabWindow    *self,
                    PrehabLogDialog *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_entry_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
prehab_window_log_pain_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);

  present_log_dialog (self, prehab_log_dialog_new (self->store));
}

static void
prehab_window_edit_entry_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  PrehabLogDialog *dialog;

  dialog = prehab_log_dialog_new_for_entry (self->store, g_variant_get_int64 (parameter), &error);
  if (dialog == NULL)
    {
      prehab_window_show_toast (self, error->message);
      return;
    }

  present_log_dialog (self, dialog);
}

static void
on_imported_cb (gpointer user_data)
{
  on_data_changed_cb (PREHAB_WINDOW (user_data));
}

static PrehabDataTransfer
get_data_transfer (PrehabWindow *self)
{
  return (PrehabDataTransfer) {
    .parent = GTK_WINDOW (self),
    .store = self->store,
    .toasts = self->toast_overlay,
    .settings = self->settings,
    .changed = on_imported_cb,
    .changed_data = self,
  };
}

/* win.export: "json", "csv-entries" or "csv-sessions". */
static void
prehab_window_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  PrehabDataTransfer transfer = get_data_transfer (self);
  PrehabExportFormat format;

  if (prehab_export_format_parse (g_variant_get_string (parameter, NULL), &format))
    prehab_data_transfer_choose_export (&transfer, format);
}

static void
prehab_window_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PrehabWindow *self = PREHAB_WINDOW (widget);
  PrehabDataTransfer transfer = get_data_transfer (self);

  prehab_data_transfer_choose_import (&transfer);
}

static void
on_page_error_cb (PrehabWindow *self,
                  const char   *message)
{
  prehab_window_show_toast (self, message);
}

/* The command line may have written, or the day may have changed, while
 * the window was in the back. */
static void
on_is_active_changed_cb (PrehabWindow *self)
{
  g_autofree char *today = NULL;

  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  today = prehab_date_dup_today ();
  if (prehab_store_get_data_version (self->store) != self->data_version ||
      g_strcmp0 (today, self->shown_day) != 0)
    on_data_changed_cb (self);
}

/* The shortcuts window (Ctrl+?) is not at GtkApplication's automatic
 * path (gtk/help-overlay.ui), which builds it for every window as the
 * window is added, before its first frame; it is given here instead. */
static void
add_shortcuts_window (PrehabWindow *self)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_BASE "/prehab-shortcuts-window.ui");

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                         "help_overlay")));
}

/* Only the Today view is built before the first frame: the Plan,
 * Exercises and Journal views are built, and filled, once it is on
 * screen, or at once when something asks for one of them first. */
static void
ensure_views (PrehabWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->plan_page != NULL)
    return;

  g_clear_handle_id (&self->hidden_views_idle_id, g_source_remove);
  add_shortcuts_window (self);

  self->plan_page = g_object_new (PREHAB_TYPE_PLAN_PAGE, NULL);
  self->exercises_page = g_object_new (PREHAB_TYPE_EXERCISES_PAGE, NULL);
  self->journal_page = g_object_new (PREHAB_TYPE_JOURNAL_PAGE, NULL);
  g_signal_connect_object (self->journal_page, "changed", G_CALLBACK (on_data_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal_page, "error", G_CALLBACK (on_page_error_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_page));
  adw_bin_set_child (self->exercises_bin, GTK_WIDGET (self->exercises_page));
  adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_page));

  if (!prehab_exercises_page_load (self->exercises_page, self->store, &error))
    {
      g_warning ("%s", error->message);
      prehab_window_show_toast (self, error->message);
    }
  /* Typing anywhere in the window searches the catalog. */
  prehab_exercises_page_set_key_capture_widget (self->exercises_page, GTK_WIDGET (self));
  prehab_journal_page_set_store (self->journal_page, self->store);
  prehab_plan_page_set_store (self->plan_page, self->store);
  prehab_exercises_page_fill_grid (self->exercises_page);
}

static gboolean
fill_hidden_views_cb (gpointer user_data)
{
  PrehabWindow *self = user_data;

  self->hidden_views_idle_id = 0;
  ensure_views (self);

  return G_SOURCE_REMOVE;
}

static void
on_visible_child_cb (PrehabWindow *self)
{
  /* The template sets the first child before the store is given. */
  if (self->store != NULL &&
      adw_view_stack_get_visible_child (self->view_stack) != GTK_WIDGET (self->today_page))
    ensure_views (self);
}

static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           PrehabWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, self);
  if (self->hidden_views_idle_id == 0)
    self->hidden_views_idle_id = g_idle_add (fill_hidden_views_cb, self);
}

static void
on_realize_cb (PrehabWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_realize_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), self, 0);
}

/* The schema is missing when Prehab runs uninstalled without
 * GSETTINGS_SCHEMA_DIR; the window then simply keeps its default size. */
static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; the window size is not kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
prehab_window_constructed (GObject *object)
{
  PrehabWindow *self = PREHAB_WINDOW (object);

  G_OBJECT_CLASS (prehab_window_parent_class)->constructed (object);

  self->settings = dup_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }

  prehab_today_page_set_store (self->today_page, self->store);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize_cb), NULL);
  self->data_version = prehab_store_get_data_version (self->store);
  self->shown_day = prehab_date_dup_today ();
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);
}

static void
prehab_window_dispose (GObject *object)
{
  PrehabWindow *self = (PrehabWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_WINDOW);
  g_clear_handle_id (&self->hidden_views_idle_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->shown_day, g_free);

  G_OBJECT_CLASS (prehab_window_parent_class)->dispose (object);
}

static void
prehab_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PrehabWindow *self = PREHAB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PrehabWindow *self = PREHAB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_window_class_init (PrehabWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = prehab_window_constructed;
  object_class->dispose = prehab_window_dispose;
  object_class->get_property = prehab_window_get_property;
  object_class->set_property = prehab_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PREHAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrehabWindow::journal-changed:
   *
   * The views caught up with a change to the journal or the program (the
   * reminders listen, to know whether today's session is done).
   */
  signals[SIGNAL_JOURNAL_CHANGED] =
    g_signal_new ("journal-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PREHAB_TYPE_TODAY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PrehabWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, PrehabWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, PrehabWindow, exercises_bin);
  gtk_widget_class_bind_template_child (widget_class, PrehabWindow, journal_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_data_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, prehab_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.onboarding", NULL,
                                   prehab_window_onboarding_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   prehab_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-exercise", "s",
                                   prehab_window_show_exercise_action);
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL,
                                   prehab_window_start_session_action);
  gtk_widget_class_install_action (widget_class, "win.log-pain", NULL,
                                   prehab_window_log_pain_action);
  gtk_widget_class_install_action (widget_class, "win.edit-entry", "x",
                                   prehab_window_edit_entry_action);
  prehab_report_actions_install (widget_class);
  gtk_widget_class_install_action (widget_class, "win.export", "s",
                                   prehab_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   prehab_window_import_action);
}

static void
prehab_window_init (PrehabWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PrehabWindow *
prehab_window_new (gpointer     application,
                   PrehabStore *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  return g_object_new (PREHAB_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

void
prehab_window_show_toast (PrehabWindow *self,
                          const char   *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (PREHAB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* Toast titles are markup; file names and errors are plain text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * prehab_window_present_first_run:
 * @self: the window
 *
 * Shows the set-up on top of the window when no program was started yet.
 */
void
prehab_window_present_first_run (PrehabWindow *self)
{
  g_autoptr (PrehabEnrollment) current = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PREHAB_IS_WINDOW (self));

  current = prehab_enrollment_load_active (self->store, &error);
  if (current == NULL && error == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.onboarding", NULL);
}

/**
 * prehab_window_reload:
 * @self: the window
 *
 * Brings every view up to date after something outside the window (the
 * preferences, a notification's action) wrote to the journal.
 */
void
prehab_window_reload (PrehabWindow *self)
{
  g_return_if_fail (PREHAB_IS_WINDOW (self));

  on_data_changed_cb (self);
}
