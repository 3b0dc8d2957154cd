/* prehab-reminders.c
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

#define G_LOG_DOMAIN "prehab-reminders"

#include "config.h"

#include "prehab-reminders.h"

#include "prehab-journal.h"
#include "prehab-schedule.h"

/* Two reminders are never shown closer together than this. */
#define GAP_MINUTES 5

/* A week ahead always holds a working day when any is chosen. */
#define DAYS_AHEAD 8

/* @minute after midnight on @day's date, in @day's time zone. Built from the
 * wall clock rather than by adding minutes to midnight, so 09:00 stays 09:00
 * on a day the clocks change. */
static GDateTime *
at_minute (GDateTime *day,
           int        minute)
{
  int year, month, mday;

  g_date_time_get_ymd (day, &year, &month, &mday);
  return g_date_time_new (g_date_time_get_timezone (day), year, month, mday,
                          minute / 60, minute % 60, 0);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  int ya, ma, da, yb, mb, db;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);
  return ya == yb && ma == mb && da == db;
}

static gboolean
is_work_day (const PrehabReminderSettings *settings,
             GDateTime                    *day)
{
  return (settings->work_days & (1u << (g_date_time_get_day_of_week (day) - 1))) != 0;
}

static GDateTime *
later (GDateTime *a,
       GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return g_date_time_compare (a, b) >= 0 ? a : b;
}

/* Inside @day's working hours: from the start up to, not including, the end. */
static gboolean
in_working_hours (const PrehabReminderSettings *settings,
                  GDateTime                    *time)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;

  if (!is_work_day (settings, time))
    return FALSE;

  start = at_minute (time, settings->work_start_minute);
  end = at_minute (time, settings->work_end_minute);
  return g_date_time_compare (time, start) >= 0 && g_date_time_compare (time, end) < 0;
}

/**
 * prehab_reminder_settings_any:
 * @settings: reminder settings
 *
 * Returns: whether any reminder is switched on
 */
gboolean
prehab_reminder_settings_any (const PrehabReminderSettings *settings)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  return settings->session_enabled || settings->breaks_enabled;
}

/**
 * prehab_reminder_settings_has_hours:
 * @settings: reminder settings
 *
 * Returns: whether the working hours can hold a movement break: at least one
 *   working day, and an end after the start
 */
gboolean
prehab_reminder_settings_has_hours (const PrehabReminderSettings *settings)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  return (settings->work_days & 0x7f) != 0
         && settings->work_start_minute >= 0
         && settings->work_end_minute < 24 * 60
         && settings->work_start_minute < settings->work_end_minute;
}

/* The session reminder: once a day at its time, on a day with a session
 * still to do. Days after today are assumed to have one; the caller asks
 * again when the time comes, with that day's state. */
static GDateTime *
next_session (const PrehabReminderSettings *settings,
              GDateTime                    *now,
              GDateTime                    *not_before,
              PrehabReminderDay             today,
              const PrehabReminderHistory  *history)
{
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GDateTime) due = NULL;
  gboolean today_open;

  if (!settings->session_enabled)
    return NULL;

  today_open = today == PREHAB_REMINDER_DAY_SESSION_TO_DO
               && (history->last_session == NULL || !same_day (history->last_session, now));

  day = g_date_time_add_days (now, today_open ? 0 : 1);
  due = at_minute (day, settings->session_minute);
  return g_date_time_ref (later (due, not_before));
}

/* The next movement break: an interval after the working day's start, the
 * last break, or a session reminder (which gets the person up too), within
 * working hours on a working day. Breaks missed while Prehab was not
 * running are not stacked up: one is due at once. */
static GDateTime *
next_break (const PrehabReminderSettings *settings,
            GDateTime                    *now,
            GDateTime                    *not_before,
            const PrehabReminderHistory  *history)
{
  if (!settings->breaks_enabled || !prehab_reminder_settings_has_hours (settings)
      || settings->break_interval <= 0)
    return NULL;

  for (int d = 0; d < DAYS_AHEAD; d++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (now, d);
      g_autoptr (GDateTime) start = NULL;
      g_autoptr (GDateTime) end = NULL;
      g_autoptr (GDateTime) due = NULL;
      GDateTime *anchor;
      GDateTime *at;

      if (!is_work_day (settings, day))
        continue;

      start = at_minute (day, settings->work_start_minute);
      end = at_minute (day, settings->work_end_minute);
      anchor = start;
      if (d == 0)
        {
          if (history->last_break != NULL && same_day (history->last_break, now))
            anchor = later (anchor, history->last_break);
          if (history->last_session != NULL && same_day (history->last_session, now))
            anchor = later (anchor, history->last_session);
        }

      due = g_date_time_add_minutes (anchor, settings->break_interval);
      at = later (due, not_before);
      if (g_date_time_compare (at, end) < 0)
        return g_date_time_ref (at);
    }

  return NULL;
}

/* A snoozed reminder comes back at its time while it still applies: the
 * session still to do that day, a break still inside working hours. */
static GDateTime *
snoozed_due (const PrehabReminderSettings *settings,
             GDateTime                    *now,
             PrehabReminderDay             today,
             const PrehabReminderHistory  *history)
{
  GDateTime *until = history->snoozed_until;

  if (until == NULL)
    return NULL;
  if (g_date_time_compare (until, now) < 0 && !same_day (until, now))
    return NULL;

  switch (history->snoozed_kind)
    {
    case PREHAB_REMINDER_SESSION:
      if (!settings->session_enabled || today != PREHAB_REMINDER_DAY_SESSION_TO_DO
          || !same_day (until, now))
        return NULL;
      break;
    case PREHAB_REMINDER_MOVEMENT_BREAK:
      if (!settings->breaks_enabled || !prehab_reminder_settings_has_hours (settings)
          || !in_working_hours (settings, until))
        return NULL;
      break;
    case PREHAB_REMINDER_NONE:
    default:
      return NULL;
    }

  return g_date_time_ref (later (until, now));
}

static PrehabReminder *
reminder_new (PrehabReminderKind  kind,
              GDateTime          *at)
{
  PrehabReminder *reminder = g_new0 (PrehabReminder, 1);

  reminder->kind = kind;
  reminder->at = at;
  return reminder;
}

/**
 * prehab_reminders_next:
 * @settings: which reminders are on, and when
 * @now: the current local time; its time zone is the one used for all
 *   times of day
 * @today: whether today has a session still to do
 * @history: what was shown and snoozed so far
 *
 * Finds the next reminder due. The session reminder comes once a day at its
 * time, on a day with a session still to do (at once when its time has
 * passed and it was not shown yet today). Movement breaks come every
 * interval inside working hours on working days, counted from the start of
 * work, the last break or the last session reminder. A snoozed reminder
 * comes back when its snooze ends, and nothing else comes before. Two
 * reminders are always at least five minutes apart; when two are due at
 * once, a snoozed one goes first, then the session.
 *
 * Returns: (transfer full) (nullable): the next reminder, its time never
 *   before @now; %NULL when none is due at all
 */
PrehabReminder *
prehab_reminders_next (const PrehabReminderSettings *settings,
                       GDateTime                    *now,
                       PrehabReminderDay             today,
                       const PrehabReminderHistory  *history)
{
  static const PrehabReminderHistory no_history = { NULL, NULL, NULL, PREHAB_REMINDER_NONE };
  g_autoptr (GDateTime) snoozed = NULL;
  g_autoptr (GDateTime) session = NULL;
  g_autoptr (GDateTime) movement = NULL;
  g_autoptr (GDateTime) after_last = NULL;
  GDateTime *last_shown;
  GDateTime *not_before;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (history == NULL)
    history = &no_history;

  snoozed = snoozed_due (settings, now, today, history);

  last_shown = later (history->last_session, history->last_break);
  if (last_shown != NULL)
    after_last = g_date_time_add_minutes (last_shown, GAP_MINUTES);
  not_before = later (now, after_last);
  if (snoozed != NULL)
    not_before = later (not_before, snoozed);

  session = next_session (settings, now, not_before, today, history);
  movement = next_break (settings, now, not_before, history);

  if (snoozed != NULL)
    return reminder_new (history->snoozed_kind, g_steal_pointer (&snoozed));
  if (session != NULL && (movement == NULL || g_date_time_compare (session, movement) <= 0))
    return reminder_new (PREHAB_REMINDER_SESSION, g_steal_pointer (&session));
  if (movement != NULL)
    return reminder_new (PREHAB_REMINDER_MOVEMENT_BREAK, g_steal_pointer (&movement));

  return NULL;
}

/**
 * prehab_reminder_day_load:
 * @store: an open store
 * @date: the day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Asks the planner whether @date has a session and the journal whether it
 * was done. Before a program is started, before its start and on a stop,
 * nothing is planned. A session partly done or skipped counts as done: the
 * person has dealt with it.
 *
 * Returns: the day's state; %PREHAB_REMINDER_DAY_NOTHING_PLANNED with
 *   @error set when reading failed
 */
PrehabReminderDay
prehab_reminder_day_load (PrehabStore  *store,
                          const char   *date,
                          GError      **error)
{
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabSession) session = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PREHAB_IS_STORE (store), PREHAB_REMINDER_DAY_NOTHING_PLANNED);
  g_return_val_if_fail (date != NULL, PREHAB_REMINDER_DAY_NOTHING_PLANNED);

  plan = prehab_schedule_decide (store, date, &local_error);
  if (plan == NULL)
    {
      if (!g_error_matches (local_error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED)
          && !g_error_matches (local_error, PREHAB_SCHEDULE_ERROR,
                               PREHAB_SCHEDULE_ERROR_INVALID_DATE))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return PREHAB_REMINDER_DAY_NOTHING_PLANNED;
    }

  if (plan->items->len == 0 || plan->decision == PREHAB_DECISION_STOP)
    return PREHAB_REMINDER_DAY_NOTHING_PLANNED;

  session = prehab_journal_load_session (store, plan->enrollment_id, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return PREHAB_REMINDER_DAY_NOTHING_PLANNED;
    }

  if (session != NULL && session->status != PREHAB_SESSION_NONE)
    return PREHAB_REMINDER_DAY_SESSION_DONE;

  return PREHAB_REMINDER_DAY_SESSION_TO_DO;
}

void
prehab_reminder_free (PrehabReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_clear_pointer (&reminder->at, g_date_time_unref);
  g_free (reminder);
}
