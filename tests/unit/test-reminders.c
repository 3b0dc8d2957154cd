/* test-reminders.c: when reminders are due, on a fake clock
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prehab-enrollment.h"
#include "prehab-reminders.h"
#include "prehab-schedule.h"
#include "prehab-test-util.h"

#define TODAY "2026-03-16"

static GTimeZone *zone;

/* Monday 2 March 2026 is the first day of the fake weeks below. */
static GDateTime *
at (int day,
    int hour,
    int minute)
{
  return g_date_time_new (zone, 2026, 3, day, hour, minute, 0);
}

/* Work Monday to Friday, 09:00 to 17:00, a break every hour; the session at
 * 09:00. */
static PrehabReminderSettings
default_settings (void)
{
  return (PrehabReminderSettings) {
    .session_enabled = TRUE,
    .session_minute = 9 * 60,
    .breaks_enabled = TRUE,
    .break_interval = 60,
    .work_start_minute = 9 * 60,
    .work_end_minute = 17 * 60,
    .work_days = 0x1f,
  };
}

static void
assert_reminder (PrehabReminder     *reminder,
                 PrehabReminderKind  kind,
                 GDateTime          *expected)
{
  g_autofree char *got = NULL;
  g_autofree char *want = g_date_time_format_iso8601 (expected);

  g_assert_nonnull (reminder);
  got = g_date_time_format_iso8601 (reminder->at);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpint (reminder->kind, ==, kind);
}

static PrehabReminder *
next (const PrehabReminderSettings *settings,
      GDateTime                    *now,
      PrehabReminderDay             today,
      const PrehabReminderHistory  *history)
{
  return prehab_reminders_next (settings, now, today, history);
}

static void
test_session_at_its_time (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) now = at (2, 8, 0);
  g_autoptr (GDateTime) nine = at (2, 9, 0);
  g_autoptr (PrehabReminder) reminder = NULL;

  settings.breaks_enabled = FALSE;
  reminder = next (&settings, now, PREHAB_REMINDER_DAY_SESSION_TO_DO, NULL);
  assert_reminder (reminder, PREHAB_REMINDER_SESSION, nine);
}

static void
test_session_late_start (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) now = at (2, 15, 0);
  g_autoptr (PrehabReminder) reminder = NULL;

  /* Prehab started after the session's time: once, at once. */
  settings.breaks_enabled = FALSE;
  reminder = next (&settings, now, PREHAB_REMINDER_DAY_SESSION_TO_DO, NULL);
  assert_reminder (reminder, PREHAB_REMINDER_SESSION, now);
}

static void
test_session_once_a_day (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) shown = at (2, 9, 0);
  g_autoptr (GDateTime) now = at (2, 9, 1);
  g_autoptr (GDateTime) tomorrow = at (3, 9, 0);
  PrehabReminderHistory history = { .last_session = shown };
  g_autoptr (PrehabReminder) reminder = NULL;

  settings.breaks_enabled = FALSE;
  reminder = next (&settings, now, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (reminder, PREHAB_REMINDER_SESSION, tomorrow);
}

static void
test_session_done_or_rest_day (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) now = at (2, 8, 0);
  g_autoptr (GDateTime) tomorrow = at (3, 9, 0);
  g_autoptr (PrehabReminder) done = NULL;
  g_autoptr (PrehabReminder) rest = NULL;

  settings.breaks_enabled = FALSE;
  done = next (&settings, now, PREHAB_REMINDER_DAY_SESSION_DONE, NULL);
  assert_reminder (done, PREHAB_REMINDER_SESSION, tomorrow);
  rest = next (&settings, now, PREHAB_REMINDER_DAY_NOTHING_PLANNED, NULL);
  assert_reminder (rest, PREHAB_REMINDER_SESSION, tomorrow);
}

static void
test_session_after_midnight (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) now = at (2, 23, 50);
  g_autoptr (GDateTime) shown = at (2, 9, 0);
  g_autoptr (GDateTime) after_midnight = at (3, 0, 10);
  g_autoptr (GDateTime) tuesday = at (3, 9, 0);
  PrehabReminderHistory history = { .last_session = shown };
  g_autoptr (PrehabReminder) before = NULL;
  g_autoptr (PrehabReminder) after = NULL;

  settings.breaks_enabled = FALSE;
  before = next (&settings, now, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (before, PREHAB_REMINDER_SESSION, tuesday);

  /* Monday's reminder does not count for Tuesday. */
  after = next (&settings, after_midnight, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (after, PREHAB_REMINDER_SESSION, tuesday);
}

static void
test_break_every_interval (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) early = at (2, 8, 0);
  g_autoptr (GDateTime) ten = at (2, 10, 0);
  g_autoptr (GDateTime) later = at (2, 10, 0);
  g_autoptr (GDateTime) eleven = at (2, 11, 0);
  PrehabReminderHistory history = { .last_break = ten };
  g_autoptr (PrehabReminder) first = NULL;
  g_autoptr (PrehabReminder) second = NULL;

  settings.session_enabled = FALSE;
  first = next (&settings, early, PREHAB_REMINDER_DAY_SESSION_TO_DO, NULL);
  assert_reminder (first, PREHAB_REMINDER_MOVEMENT_BREAK, ten);
  second = next (&settings, later, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (second, PREHAB_REMINDER_MOVEMENT_BREAK, eleven);
}

static void
test_break_working_hours_boundaries (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) start = at (2, 9, 0);
  g_autoptr (GDateTime) quarter = at (2, 9, 15);
  g_autoptr (GDateTime) four = at (2, 16, 0);
  g_autoptr (GDateTime) five = at (2, 17, 0);
  g_autoptr (GDateTime) tuesday = at (3, 10, 0);
  PrehabReminderHistory history = { .last_break = four };
  g_autoptr (PrehabReminder) at_start = NULL;
  g_autoptr (PrehabReminder) at_end = NULL;
  g_autoptr (PrehabReminder) before_end = NULL;
  g_autoptr (PrehabReminder) after_end = NULL;

  settings.session_enabled = FALSE;

  /* Work starts at 09:00: the first break is an interval later. */
  settings.break_interval = 15;
  at_start = next (&settings, start, PREHAB_REMINDER_DAY_NOTHING_PLANNED, NULL);
  assert_reminder (at_start, PREHAB_REMINDER_MOVEMENT_BREAK, quarter);

  /* 17:00 is the end of work, not inside it. */
  settings.break_interval = 60;
  at_end = next (&settings, four, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (at_end, PREHAB_REMINDER_MOVEMENT_BREAK, tuesday);

  /* A minute more of work and it is. */
  settings.work_end_minute = 17 * 60 + 1;
  before_end = next (&settings, four, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (before_end, PREHAB_REMINDER_MOVEMENT_BREAK, five);

  /* After work, the next working day. */
  settings.work_end_minute = 17 * 60;
  after_end = next (&settings, five, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (after_end, PREHAB_REMINDER_MOVEMENT_BREAK, tuesday);
}

static void
test_break_not_on_days_off (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) friday_evening = at (6, 18, 0);
  g_autoptr (GDateTime) saturday = at (7, 10, 0);
  g_autoptr (GDateTime) monday = at (9, 10, 0);
  g_autoptr (GDateTime) wednesday = at (11, 10, 0);
  g_autoptr (PrehabReminder) weekend = NULL;
  g_autoptr (PrehabReminder) on_saturday = NULL;
  g_autoptr (PrehabReminder) wednesdays = NULL;

  settings.session_enabled = FALSE;
  weekend = next (&settings, friday_evening, PREHAB_REMINDER_DAY_NOTHING_PLANNED, NULL);
  assert_reminder (weekend, PREHAB_REMINDER_MOVEMENT_BREAK, monday);
  on_saturday = next (&settings, saturday, PREHAB_REMINDER_DAY_NOTHING_PLANNED, NULL);
  assert_reminder (on_saturday, PREHAB_REMINDER_MOVEMENT_BREAK, monday);

  /* Only Wednesdays. */
  settings.work_days = 1 << 2;
  wednesdays = next (&settings, monday, PREHAB_REMINDER_DAY_NOTHING_PLANNED, NULL);
  assert_reminder (wednesdays, PREHAB_REMINDER_MOVEMENT_BREAK, wednesday);
}

static void
test_break_not_stacked (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) ten = at (2, 10, 0);
  g_autoptr (GDateTime) half_past_one = at (2, 13, 30);
  g_autoptr (GDateTime) half_past_two = at (2, 14, 30);
  PrehabReminderHistory history = { .last_break = ten };
  g_autoptr (PrehabReminder) missed = NULL;
  g_autoptr (PrehabReminder) then = NULL;

  /* Three breaks were missed while Prehab was closed: one now, not three. */
  settings.session_enabled = FALSE;
  missed = next (&settings, half_past_one, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (missed, PREHAB_REMINDER_MOVEMENT_BREAK, half_past_one);

  history.last_break = half_past_one;
  then = next (&settings, half_past_one, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (then, PREHAB_REMINDER_MOVEMENT_BREAK, half_past_two);
}

static void
test_session_and_break_apart (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) ten = at (2, 10, 0);
  g_autoptr (GDateTime) ten_past_ten = at (2, 10, 10);
  g_autoptr (GDateTime) ten_past_eleven = at (2, 11, 10);
  g_autoptr (GDateTime) two_past_ten = at (2, 10, 2);
  g_autoptr (GDateTime) five_past_ten = at (2, 10, 5);
  PrehabReminderHistory history = { .last_break = ten };
  g_autoptr (PrehabReminder) tie = NULL;
  g_autoptr (PrehabReminder) gap = NULL;
  g_autoptr (PrehabReminder) counted = NULL;

  /* Both due at 10:00: the session goes first. */
  settings.session_minute = 10 * 60;
  tie = next (&settings, ten, PREHAB_REMINDER_DAY_SESSION_TO_DO, NULL);
  assert_reminder (tie, PREHAB_REMINDER_SESSION, ten);

  /* A session due two minutes after a break waits five. */
  settings.session_minute = 10 * 60 + 2;
  gap = next (&settings, two_past_ten, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (gap, PREHAB_REMINDER_SESSION, five_past_ten);

  /* The session reminder gets the person up: breaks count from it. */
  history.last_session = ten_past_ten;
  counted = next (&settings, ten_past_ten, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (counted, PREHAB_REMINDER_MOVEMENT_BREAK, ten_past_eleven);
}

static void
test_snooze (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) ten = at (2, 10, 0);
  g_autoptr (GDateTime) one_past_ten = at (2, 10, 1);
  g_autoptr (GDateTime) ten_past_ten = at (2, 10, 10);
  g_autoptr (GDateTime) quarter_past_ten = at (2, 10, 15);
  PrehabReminderHistory history = {
    .last_break = ten,
    .snoozed_until = ten_past_ten,
    .snoozed_kind = PREHAB_REMINDER_MOVEMENT_BREAK,
  };
  g_autoptr (PrehabReminder) snoozed = NULL;
  g_autoptr (PrehabReminder) session = NULL;

  /* The session at 10:05 waits for the snoozed break, then five minutes. */
  settings.session_minute = 10 * 60 + 5;
  snoozed = next (&settings, one_past_ten, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (snoozed, PREHAB_REMINDER_MOVEMENT_BREAK, ten_past_ten);

  history = (PrehabReminderHistory) { .last_break = ten_past_ten };
  session = next (&settings, ten_past_ten, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history);
  assert_reminder (session, PREHAB_REMINDER_SESSION, quarter_past_ten);
}

static void
test_snooze_dropped (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) nine = at (2, 9, 0);
  g_autoptr (GDateTime) four_fifty = at (2, 16, 55);
  g_autoptr (GDateTime) five_past_five = at (2, 17, 5);
  g_autoptr (GDateTime) ten_past_nine = at (2, 9, 10);
  g_autoptr (GDateTime) one_past_nine = at (2, 9, 1);
  g_autoptr (GDateTime) tuesday = at (3, 10, 0);
  g_autoptr (GDateTime) tuesday_session = at (3, 9, 0);
  PrehabReminderHistory after_work = {
    .last_break = four_fifty,
    .snoozed_until = five_past_five,
    .snoozed_kind = PREHAB_REMINDER_MOVEMENT_BREAK,
  };
  PrehabReminderHistory session_snoozed = {
    .last_session = nine,
    .snoozed_until = ten_past_nine,
    .snoozed_kind = PREHAB_REMINDER_SESSION,
  };
  g_autoptr (PrehabReminder) past_end = NULL;
  g_autoptr (PrehabReminder) still_to_do = NULL;
  g_autoptr (PrehabReminder) done_meanwhile = NULL;
  g_autoptr (PrehabReminder) switched_off = NULL;

  /* A break snoozed past the end of work does not come back. */
  settings.session_enabled = FALSE;
  past_end = next (&settings, four_fifty, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &after_work);
  assert_reminder (past_end, PREHAB_REMINDER_MOVEMENT_BREAK, tuesday);

  /* A snoozed session comes back unless it was done meanwhile. */
  settings = default_settings ();
  settings.breaks_enabled = FALSE;
  still_to_do = next (&settings, one_past_nine, PREHAB_REMINDER_DAY_SESSION_TO_DO,
                      &session_snoozed);
  assert_reminder (still_to_do, PREHAB_REMINDER_SESSION, ten_past_nine);
  done_meanwhile = next (&settings, one_past_nine, PREHAB_REMINDER_DAY_SESSION_DONE,
                         &session_snoozed);
  assert_reminder (done_meanwhile, PREHAB_REMINDER_SESSION, tuesday_session);

  /* Nor when its kind was switched off. */
  settings.session_enabled = FALSE;
  switched_off = next (&settings, one_past_nine, PREHAB_REMINDER_DAY_SESSION_TO_DO,
                       &session_snoozed);
  g_assert_null (switched_off);
}

static void
test_settings_changed_mid_day (void)
{
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) ten = at (2, 10, 0);
  g_autoptr (GDateTime) twenty_past_ten = at (2, 10, 20);
  g_autoptr (GDateTime) half_past_ten = at (2, 10, 30);
  g_autoptr (GDateTime) tuesday = at (3, 9, 30);
  PrehabReminderHistory history = { .last_break = ten };
  g_autoptr (PrehabReminder) shorter = NULL;
  g_autoptr (PrehabReminder) missed = NULL;
  g_autoptr (PrehabReminder) hours_over = NULL;
  g_autoptr (PrehabReminder) none = NULL;

  settings.session_enabled = FALSE;

  settings.break_interval = 30;
  shorter = next (&settings, twenty_past_ten, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (shorter, PREHAB_REMINDER_MOVEMENT_BREAK, half_past_ten);

  /* Shortened below the time already gone: due at once. */
  settings.break_interval = 15;
  missed = next (&settings, twenty_past_ten, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (missed, PREHAB_REMINDER_MOVEMENT_BREAK, twenty_past_ten);

  /* Work now ends at 10:15: tomorrow. */
  settings.break_interval = 30;
  settings.work_end_minute = 10 * 60 + 15;
  hours_over = next (&settings, twenty_past_ten, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  assert_reminder (hours_over, PREHAB_REMINDER_MOVEMENT_BREAK, tuesday);

  /* Hours that end before they start hold no break; nothing else is on. */
  settings.work_end_minute = 8 * 60;
  g_assert_false (prehab_reminder_settings_has_hours (&settings));
  none = next (&settings, twenty_past_ten, PREHAB_REMINDER_DAY_NOTHING_PLANNED, &history);
  g_assert_null (none);

  settings = default_settings ();
  settings.session_enabled = FALSE;
  settings.breaks_enabled = FALSE;
  g_assert_false (prehab_reminder_settings_any (&settings));
  g_assert_null (next (&settings, ten, PREHAB_REMINDER_DAY_SESSION_TO_DO, &history));
}

/* Times of day are wall-clock times, also on the day the clocks go forward
 * (Sunday 29 March 2026 in Berlin, 02:00 → 03:00). */
static void
test_wall_clock_on_clock_change (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  PrehabReminderSettings settings = default_settings ();
  g_autoptr (GDateTime) night = NULL;
  g_autoptr (GDateTime) nine = NULL;
  g_autoptr (PrehabReminder) reminder = NULL;
  g_autofree char *text = NULL;

  if (berlin == NULL)
    {
      g_test_skip ("No time zone data for Europe/Berlin");
      return;
    }

  night = g_date_time_new (berlin, 2026, 3, 29, 0, 30, 0);
  nine = g_date_time_new (berlin, 2026, 3, 29, 9, 0, 0);
  settings.breaks_enabled = FALSE;
  reminder = next (&settings, night, PREHAB_REMINDER_DAY_SESSION_TO_DO, NULL);
  assert_reminder (reminder, PREHAB_REMINDER_SESSION, nine);
  text = g_date_time_format (reminder->at, "%H:%M %z");
  g_assert_cmpstr (text, ==, "09:00 +0200");
}

/* Today's state from the store: nothing before a start, a session to do,
 * then done. */
static void
test_day_from_store (PrehabTestStore *fixture,
                     gconstpointer    data)
{
  const PrehabEnrollmentSettings enrollment = {
    .start_date = TODAY,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (prehab_reminder_day_load (fixture->store, TODAY, &error), ==,
                   PREHAB_REMINDER_DAY_NOTHING_PLANNED);
  g_assert_no_error (error);

  g_assert_cmpint (prehab_enrollment_start (fixture->store, &enrollment, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_reminder_day_load (fixture->store, TODAY, &error), ==,
                   PREHAB_REMINDER_DAY_SESSION_TO_DO);
  g_assert_no_error (error);

  g_assert_true (prehab_schedule_mark_done (fixture->store, TODAY, NULL, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_reminder_day_load (fixture->store, TODAY, &error), ==,
                   PREHAB_REMINDER_DAY_SESSION_DONE);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  zone = g_time_zone_new_offset (3600);

  g_test_add_func ("/reminders/session/at-its-time", test_session_at_its_time);
  g_test_add_func ("/reminders/session/late-start", test_session_late_start);
  g_test_add_func ("/reminders/session/once-a-day", test_session_once_a_day);
  g_test_add_func ("/reminders/session/done-or-rest-day", test_session_done_or_rest_day);
  g_test_add_func ("/reminders/session/after-midnight", test_session_after_midnight);
  g_test_add_func ("/reminders/break/every-interval", test_break_every_interval);
  g_test_add_func ("/reminders/break/working-hours", test_break_working_hours_boundaries);
  g_test_add_func ("/reminders/break/days-off", test_break_not_on_days_off);
  g_test_add_func ("/reminders/break/not-stacked", test_break_not_stacked);
  g_test_add_func ("/reminders/session-and-break-apart", test_session_and_break_apart);
  g_test_add_func ("/reminders/snooze", test_snooze);
  g_test_add_func ("/reminders/snooze-dropped", test_snooze_dropped);
  g_test_add_func ("/reminders/settings-changed", test_settings_changed_mid_day);
  g_test_add_func ("/reminders/wall-clock", test_wall_clock_on_clock_change);
  g_test_add ("/reminders/day-from-store", PrehabTestStore, NULL, prehab_test_store_set_up,
              test_day_from_store, prehab_test_store_tear_down);

  return g_test_run ();
}
