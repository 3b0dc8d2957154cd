/* prehab-reminders.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* When to remind the person of their session and of movement breaks: a pure
 * computation over plain settings, a clock reading and today's state, so it
 * is tested on a fake clock. The app feeds it from GSettings and the store. */

#define PREHAB_REMINDER_SNOOZE_MINUTES    10
#define PREHAB_REMINDER_INTERVAL_MIN      15
#define PREHAB_REMINDER_INTERVAL_MAX      120

typedef enum
{
  PREHAB_REMINDER_NONE,
  PREHAB_REMINDER_SESSION,
  PREHAB_REMINDER_MOVEMENT_BREAK,
} PrehabReminderKind;

/* Today as the plan has it. */
typedef enum
{
  PREHAB_REMINDER_DAY_NOTHING_PLANNED, /* no program, a rest day, or a stop */
  PREHAB_REMINDER_DAY_SESSION_TO_DO,   /* a session is planned and not done yet */
  PREHAB_REMINDER_DAY_SESSION_DONE,    /* done, partly done or skipped */
} PrehabReminderDay;

typedef struct
{
  gboolean session_enabled;
  int      session_minute;    /* minutes after local midnight, 0–1439 */
  gboolean breaks_enabled;
  int      break_interval;    /* minutes, PREHAB_REMINDER_INTERVAL_MIN–MAX */
  int      work_start_minute; /* minutes after local midnight */
  int      work_end_minute;   /* after the start, or no breaks are due */
  guint    work_days;         /* bit 0 Monday … bit 6 Sunday */
} PrehabReminderSettings;

/* What was shown so far; times are borrowed, NULL for never. */
typedef struct
{
  GDateTime          *last_session;  /* the session reminder was last shown */
  GDateTime          *last_break;    /* a movement-break reminder was last shown */
  GDateTime          *snoozed_until; /* a snoozed reminder comes back then */
  PrehabReminderKind  snoozed_kind;
} PrehabReminderHistory;

typedef struct
{
  PrehabReminderKind  kind;
  GDateTime          *at;  /* owned; never before the "now" it was asked at */
} PrehabReminder;

gboolean           prehab_reminder_settings_any      (const PrehabReminderSettings *settings);
gboolean           prehab_reminder_settings_has_hours (const PrehabReminderSettings *settings);
PrehabReminder    *prehab_reminders_next             (const PrehabReminderSettings *settings,
                                                      GDateTime                    *now,
                                                      PrehabReminderDay             today,
                                                      const PrehabReminderHistory  *history);
PrehabReminderDay  prehab_reminder_day_load          (PrehabStore                  *store,
                                                      const char                   *date,
                                                      GError                      **error);
void               prehab_reminder_free              (PrehabReminder               *reminder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabReminder, prehab_reminder_free)

G_END_DECLS
