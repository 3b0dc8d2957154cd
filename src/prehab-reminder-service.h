/* prehab-reminder-service.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prehab-reminders.h"
#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_REMINDER_SERVICE (prehab_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (PrehabReminderService, prehab_reminder_service, PREHAB, REMINDER_SERVICE, GObject)

void                   prehab_reminder_settings_load    (GSettings               *settings,
                                                         PrehabReminderSettings  *reminders);

PrehabReminderService *prehab_reminder_service_new       (GApplication            *application,
                                                          PrehabStore             *store,
                                                          GSettings               *settings);
void                   prehab_reminder_service_reschedule (PrehabReminderService  *self);
void                   prehab_reminder_service_snooze     (PrehabReminderService  *self,
                                                           PrehabReminderKind      kind);
gboolean               prehab_reminder_service_get_active (PrehabReminderService  *self);
void                   prehab_reminder_service_window_closed (PrehabReminderService *self);

G_END_DECLS
