/* prehab-reminder-service.c
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

#define G_LOG_DOMAIN "prehab-reminder-service"

#include "config.h"

#include "prehab-reminder-service.h"

#include <glib/gi18n.h>

#include "prehab-date.h"

/* The longest the service sleeps: the timeout runs on the monotonic clock,
 * which stands still while the computer is suspended, so a reminder due
 * during a suspend comes at most this late after it. */
#define MAX_SLEEP_SECONDS (15 * 60)

#define NOTIFICATION_ID "reminder"

/* Sends the reminders as notifications, one timeout at a time, scheduled for
 * the next one due (prehab_reminders_next()). While any reminder is on it
 * holds the application, so closing the window leaves it running. */
struct _PrehabReminderService
{
  GObject             parent_instance;

  GApplication       *application;  /* unowned: it owns the service */
  PrehabStore        *store;
  GSettings          *settings;
  guint               timeout_id;
  gboolean            held;

  GDateTime          *last_session;
  GDateTime          *last_break;
  GDateTime          *snoozed_until;
  PrehabReminderKind  snoozed_kind;
};

G_DEFINE_FINAL_TYPE (PrehabReminderService, prehab_reminder_service, G_TYPE_OBJECT)

static const char * const reminder_keys[] = {
  "session-reminder", "session-reminder-time", "break-reminders", "break-interval",
  "work-start", "work-end", "work-days",
};

static const char *
kind_to_id (PrehabReminderKind kind)
{
  return kind == PREHAB_REMINDER_SESSION ? "session" : "movement-break";
}

static void
send_reminder (PrehabReminderService *self,
               PrehabReminderKind     kind,
               GDateTime             *now)
{
  g_autoptr (GNotification) notification = NULL;

  if (kind == PREHAB_REMINDER_SESSION)
    {
      notification = g_notification_new (_("Time for Your Session"));
      g_notification_set_body (notification,
                               _("Today’s exercises are ready. Go gently: stop any that causes sharp pain."));
      g_notification_add_button (notification, _("Start Session"), "app.start-session");
      g_clear_pointer (&self->last_session, g_date_time_unref);
      self->last_session = g_date_time_ref (now);
    }
  else
    {
      notification = g_notification_new (_("Time to Move"));
      g_notification_set_body (notification,
                               _("Stand up, roll your shoulders and look away from the screen for a minute."));
      g_clear_pointer (&self->last_break, g_date_time_unref);
      self->last_break = g_date_time_ref (now);
    }

  g_notification_add_button (notification, _("Log Pain"), "app.log-pain");
  g_notification_add_button_with_target (notification, _("Snooze"), "app.snooze-reminder",
                                         "s", kind_to_id (kind));
  g_notification_set_default_action (notification, "app.show-today");

  if (self->snoozed_kind == kind)
    {
      g_clear_pointer (&self->snoozed_until, g_date_time_unref);
      self->snoozed_kind = PREHAB_REMINDER_NONE;
    }

  g_debug ("Sending the %s reminder", kind_to_id (kind));
  g_application_send_notification (self->application, NOTIFICATION_ID, notification);
}

static void
update_hold (PrehabReminderService *self,
             gboolean               active)
{
  if (active == self->held)
    return;

  self->held = active;
  if (active)
    g_application_hold (self->application);
  else
    g_application_release (self->application);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  PrehabReminderService *self = user_data;

  self->timeout_id = 0;
  prehab_reminder_service_reschedule (self);
  return G_SOURCE_REMOVE;
}

static void
on_settings_changed_cb (PrehabReminderService *self,
                        const char            *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (reminder_keys); i++)
    if (g_str_equal (key, reminder_keys[i]))
      {
        prehab_reminder_service_reschedule (self);
        return;
      }
}

static void
prehab_reminder_service_dispose (GObject *object)
{
  PrehabReminderService *self = (PrehabReminderService *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->held)
    update_hold (self, FALSE);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prehab_reminder_service_parent_class)->dispose (object);
}

static void
prehab_reminder_service_finalize (GObject *object)
{
  PrehabReminderService *self = (PrehabReminderService *)object;

  g_clear_pointer (&self->last_session, g_date_time_unref);
  g_clear_pointer (&self->last_break, g_date_time_unref);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);

  G_OBJECT_CLASS (prehab_reminder_service_parent_class)->finalize (object);
}

static void
prehab_reminder_service_class_init (PrehabReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prehab_reminder_service_dispose;
  object_class->finalize = prehab_reminder_service_finalize;
}

static void
prehab_reminder_service_init (PrehabReminderService *self)
{
}

/**
 * prehab_reminder_settings_load:
 * @settings: the application's settings
 * @reminders: (out caller-allocates): the reminder settings
 *
 * Reads the reminder keys into the plain settings the core computes on.
 */
void
prehab_reminder_settings_load (GSettings              *settings,
                               PrehabReminderSettings *reminders)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (reminders != NULL);

  *reminders = (PrehabReminderSettings) {
    .session_enabled = g_settings_get_boolean (settings, "session-reminder"),
    .session_minute = g_settings_get_int (settings, "session-reminder-time"),
    .breaks_enabled = g_settings_get_boolean (settings, "break-reminders"),
    .break_interval = g_settings_get_int (settings, "break-interval"),
    .work_start_minute = g_settings_get_int (settings, "work-start"),
    .work_end_minute = g_settings_get_int (settings, "work-end"),
    /* The flags are Monday = 1 … Sunday = 64: the bits of the core. */
    .work_days = g_settings_get_flags (settings, "work-days"),
  };
}

/**
 * prehab_reminder_service_new:
 * @application: the application that sends the notifications
 * @store: the journal, asked whether today's session is done
 * @settings: the application's settings
 *
 * Creates the service and schedules the first reminder. @application must
 * outlive it.
 *
 * Returns: (transfer full): the service
 */
PrehabReminderService *
prehab_reminder_service_new (GApplication *application,
                             PrehabStore  *store,
                             GSettings    *settings)
{
  PrehabReminderService *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PREHAB_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  prehab_reminder_service_reschedule (self);
  return self;
}

/**
 * prehab_reminder_service_reschedule:
 * @self: the service
 *
 * Sends the reminder that is due now, if any, and sets one timeout for the
 * next. Called when the settings or the journal change, and by the timeout.
 */
void
prehab_reminder_service_reschedule (PrehabReminderService *self)
{
  PrehabReminderSettings settings;

  g_return_if_fail (PREHAB_IS_REMINDER_SERVICE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  prehab_reminder_settings_load (self->settings, &settings);
  update_hold (self, prehab_reminder_settings_any (&settings));
  if (!prehab_reminder_settings_any (&settings))
    return;

  /* Each reminder sent pushes the next one at least five minutes on, so
   * the loop ends at the second one. */
  for (guint sent = 0; sent < 2; sent++)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = prehab_date_dup_today ();
      g_autoptr (PrehabReminder) reminder = NULL;
      g_autoptr (GError) error = NULL;
      PrehabReminderHistory history = {
        self->last_session, self->last_break, self->snoozed_until, self->snoozed_kind,
      };
      PrehabReminderDay day;
      GTimeSpan wait;

      day = prehab_reminder_day_load (self->store, today, &error);
      if (error != NULL)
        g_warning ("Reminders: %s", error->message);

      reminder = prehab_reminders_next (&settings, now, day, &history);
      if (reminder == NULL)
        return;

      wait = g_date_time_difference (reminder->at, now);
      if (wait <= 0)
        {
          send_reminder (self, reminder->kind, now);
          continue;
        }

      self->timeout_id = g_timeout_add_seconds (MIN ((wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC,
                                                     MAX_SLEEP_SECONDS),
                                                on_timeout_cb, self);
      return;
    }
}

/**
 * prehab_reminder_service_snooze:
 * @self: the service
 * @kind: the reminder to bring back
 *
 * Takes the reminder away and brings it back in
 * %PREHAB_REMINDER_SNOOZE_MINUTES; nothing else comes before.
 */
void
prehab_reminder_service_snooze (PrehabReminderService *self,
                                PrehabReminderKind     kind)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (PREHAB_IS_REMINDER_SERVICE (self));
  g_return_if_fail (kind != PREHAB_REMINDER_NONE);

  g_application_withdraw_notification (self->application, NOTIFICATION_ID);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  self->snoozed_until = g_date_time_add_minutes (now, PREHAB_REMINDER_SNOOZE_MINUTES);
  self->snoozed_kind = kind;
  prehab_reminder_service_reschedule (self);
}

/**
 * prehab_reminder_service_get_active:
 * @self: the service
 *
 * Returns: whether any reminder is on, so Prehab keeps running without a
 *   window
 */
gboolean
prehab_reminder_service_get_active (PrehabReminderService *self)
{
  g_return_val_if_fail (PREHAB_IS_REMINDER_SERVICE (self), FALSE);

  return self->held;
}

/**
 * prehab_reminder_service_window_closed:
 * @self: the service
 *
 * The last window was closed. When reminders keep Prehab running, says so
 * the first time.
 */
void
prehab_reminder_service_window_closed (PrehabReminderService *self)
{
  g_autoptr (GNotification) notification = NULL;

  g_return_if_fail (PREHAB_IS_REMINDER_SERVICE (self));

  if (!self->held || g_settings_get_boolean (self->settings, "background-explained"))
    return;

  notification = g_notification_new (_("Prehab Keeps Running for Your Reminders"));
  g_notification_set_body (notification,
                           _("Reminders come while Prehab runs in the background. To stop "
                             "them, turn them off in Prehab’s Preferences."));
  g_notification_set_default_action (notification, "app.show-today");
  g_application_send_notification (self->application, "background", notification);
  g_settings_set_boolean (self->settings, "background-explained", TRUE);
}
