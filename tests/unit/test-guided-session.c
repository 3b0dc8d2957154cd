/* test-guided-session.c: recording a guided session on a real store
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prehab-catalog.h"
#include "prehab-schedule.h"
#include "prehab-store-private.h"
#include "prehab-test-util.h"

/* "Today" is pinned in main(). The program starts a few days before, so
 * DAY is an ordinary day of week 1 with a day after it to decide. */
#define TODAY "2026-03-22"
#define START "2026-03-18"
#define DAY   "2026-03-20"
#define NEXT  "2026-03-21"

#define S(x) ((gint64) (x) * G_USEC_PER_SEC)

typedef struct
{
  char        *dir;
  PrehabStore *store;
  gint64       enrollment;
} Fixture;

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = START,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };

  fixture->dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  fixture->enrollment = prehab_enrollment_start (fixture->store, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->enrollment, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers ----------------------------------------------------------------- */

/* The done columns of one exercise of the day's session, as text with
 * NULL shown as "-": sets|reps|hold|duration|completed. */
static char *
dup_done_row (PrehabStore *store,
              const char  *date,
              guint        position)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) row = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (prehab_store_get_db (store),
                                       "SELECT se.done_sets, se.done_reps, se.done_hold_s, "
                                       "       se.done_duration_s, se.completed "
                                       "FROM session_exercise se JOIN session s ON s.id = se.session_id "
                                       "WHERE s.date = ?1 AND se.position = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, position);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < 5; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      g_string_append_printf (row, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "-");
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&row), FALSE);
}

static PrehabPlan *
decide (PrehabStore *store,
        const char  *date)
{
  g_autoptr (GError) error = NULL;
  PrehabPlan *plan = prehab_schedule_decide (store, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* A runner for the session planned on @date, on the fake clock. */
static PrehabRunner *
runner_for_day (PrehabStore *store,
                const char  *date)
{
  g_autoptr (PrehabPlan) plan = decide (store, date);
  g_autofree PrehabRunnerItem *items = g_new0 (PrehabRunnerItem, MAX (plan->items->len, 1));
  PrehabRunner *runner;

  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);

      items[i] = (PrehabRunnerItem) { item->exercise_id, item->dose };
    }

  fake_now = S (5000);
  /* The runner copies the ids: the plan may go. */
  runner = prehab_runner_new (items, plan->items->len, fake_clock, NULL);
  return runner;
}

static void
advance (PrehabRunner *runner,
         double        seconds)
{
  fake_now += (gint64) (seconds * G_USEC_PER_SEC);
  prehab_runner_update (runner);
}

/* Runs the whole session to its end. */
static void
run_to_end (PrehabRunner *runner)
{
  prehab_runner_start (runner);
  advance (runner, prehab_runner_get_total_s (runner) + 1);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
}

/* Week 1's session starts with 3 minutes of breathing, then 15 paced
 * cat-cows of 4 s in and 4 s out: 5 s of the first and 3 cat-cows, then
 * the person stops. */
static void
run_a_little (PrehabRunner *runner)
{
  g_assert_cmpstr (prehab_runner_get_exercise_id (runner, 0), ==, "diaphragmatic-breathing");
  g_assert_cmpstr (prehab_runner_get_exercise_id (runner, 1), ==, "cat-cow");

  prehab_runner_start (runner);
  prehab_runner_skip (runner);           /* get ready */
  advance (runner, 5.5);
  prehab_runner_skip (runner);           /* breathing, 5 s done */
  prehab_runner_skip (runner);           /* get ready */
  advance (runner, 3 * 8 + 2);
  prehab_runner_pause (runner);          /* 3 cat-cows and a bit */
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_PAUSED);
}

static PrehabSession *
load_session (Fixture    *fixture,
              const char *date)
{
  g_autoptr (GError) error = NULL;
  PrehabSession *session = prehab_journal_load_session (fixture->store, fixture->enrollment,
                                                        date, &error);

  g_assert_no_error (error);
  return session;
}

static PrehabSessionStatus
calendar_status (PrehabStore *store,
                 const char  *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) cells = prehab_schedule_load_calendar (store, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cells);
  for (guint i = 0; i < cells->len; i++)
    {
      const PrehabCalendarDay *cell = &g_array_index (cells, PrehabCalendarDay, i);

      if (g_str_equal (cell->date, date))
        return cell->status;
    }

  g_assert_not_reached ();
}

/* Tests ------------------------------------------------------------------- */

static void
test_journal_done_doses (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) session = prehab_session_new ();
  g_autoptr (PrehabSession) loaded = NULL;
  PrehabSessionExercise counted = {
    g_strdup ("cat-cow"), { .sets = 2, .reps = 10, .hold_s = 3 }, FALSE,
    { .sets = 1, .reps = 14, .hold_s = 3 },
  };
  PrehabSessionExercise ticked = { g_strdup ("seated-twist"), { .sets = 1, .reps = 8, .per_side = TRUE }, TRUE };
  PrehabSessionExercise untouched = { g_strdup ("diaphragmatic-breathing"), { .sets = 1, .duration_s = 180 }, FALSE };
  g_autofree char *row = NULL;

  session->date = g_strdup (DAY);
  session->status = PREHAB_SESSION_PARTIAL;
  session->note = g_strdup ("Stiff in the morning, looser after");
  g_array_append_val (session->exercises, counted);
  g_array_append_val (session->exercises, ticked);
  g_array_append_val (session->exercises, untouched);
  g_assert_true (prehab_journal_save_session (fixture->store, fixture->enrollment, session, &error));
  g_assert_no_error (error);

  /* Counted doses as given; a tick without one counts the plan; nothing
   * for the rest. */
  row = dup_done_row (fixture->store, DAY, 0);
  g_assert_cmpstr (row, ==, "1|14|3|-|0");
  g_clear_pointer (&row, g_free);
  row = dup_done_row (fixture->store, DAY, 1);
  g_assert_cmpstr (row, ==, "1|8|-|-|1");
  g_clear_pointer (&row, g_free);
  row = dup_done_row (fixture->store, DAY, 2);
  g_assert_cmpstr (row, ==, "-|-|-|-|0");

  loaded = load_session (fixture, DAY);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->note, ==, "Stiff in the morning, looser after");
  {
    const PrehabSessionExercise *a = &g_array_index (loaded->exercises, PrehabSessionExercise, 0);
    const PrehabSessionExercise *b = &g_array_index (loaded->exercises, PrehabSessionExercise, 1);
    const PrehabSessionExercise *c = &g_array_index (loaded->exercises, PrehabSessionExercise, 2);

    g_assert_true (prehab_session_exercise_has_done (a));
    g_assert_cmpint (a->done.sets, ==, 1);
    g_assert_cmpint (a->done.reps, ==, 14);
    g_assert_cmpint (a->done.hold_s, ==, 3);
    g_assert_cmpint (b->done.sets, ==, 1);
    g_assert_cmpint (b->done.reps, ==, 8);
    g_assert_true (b->done.per_side);
    g_assert_false (prehab_session_exercise_has_done (c));
  }
  g_clear_pointer (&loaded, prehab_session_free);

  /* Saving again without a note clears it. */
  g_clear_pointer (&session->note, g_free);
  g_assert_true (prehab_journal_save_session (fixture->store, fixture->enrollment, session, &error));
  g_assert_no_error (error);
  loaded = load_session (fixture, DAY);
  g_assert_cmpstr (loaded->note, ==, "");
}

static void
test_guided_full_run (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabRunner) runner = runner_for_day (fixture->store, DAY);
  g_autoptr (PrehabSession) session = NULL;
  g_autoptr (PrehabPlan) next = NULL;
  guint n = prehab_runner_get_n_items (runner);

  g_assert_cmpuint (n, >=, 5);
  run_to_end (runner);
  g_assert_true (prehab_schedule_record_guided (fixture->store, DAY, runner, 2, 1,
                                                "Easy today", &error));
  g_assert_no_error (error);

  session = load_session (fixture, DAY);
  g_assert_nonnull (session);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_DONE);
  g_assert_cmpint (session->pain_during, ==, 2);
  g_assert_cmpint (session->pain_after, ==, 1);
  g_assert_cmpstr (session->note, ==, "Easy today");
  g_assert_cmpuint (session->exercises->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const PrehabSessionExercise *exercise = &g_array_index (session->exercises,
                                                              PrehabSessionExercise, i);
      const PrehabDose *planned = prehab_runner_get_planned_dose (runner, i);

      g_assert_cmpstr (exercise->exercise_id, ==, prehab_runner_get_exercise_id (runner, i));
      g_assert_true (exercise->completed);
      /* Done in full: sets in full, reps and seconds over all sets. */
      g_assert_cmpint (exercise->done.sets, ==, planned->sets);
      g_assert_cmpint (exercise->done.reps, ==, planned->sets * planned->reps);
      g_assert_cmpint (exercise->done.duration_s, ==, planned->sets * planned->duration_s);
    }

  /* The calendar and the next day's decision see it. */
  g_assert_cmpint (calendar_status (fixture->store, DAY), ==, PREHAB_SESSION_DONE);
  next = decide (fixture->store, NEXT);
  g_assert_cmpint (next->decision, !=, PREHAB_DECISION_REGRESS);
}

static void
test_guided_partial_run (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabRunner) runner = runner_for_day (fixture->store, DAY);
  g_autoptr (PrehabSession) session = NULL;
  g_autoptr (PrehabPlan) before = NULL;
  g_autoptr (PrehabPlan) next = NULL;
  g_autofree char *row = NULL;
  gboolean named = FALSE;

  before = decide (fixture->store, NEXT);
  g_assert_cmpint (before->decision, !=, PREHAB_DECISION_REGRESS);

  run_a_little (runner);
  g_assert_true (prehab_schedule_record_guided (fixture->store, DAY, runner, 6, 4, NULL, &error));
  g_assert_no_error (error);

  session = load_session (fixture, DAY);
  g_assert_nonnull (session);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_PARTIAL);
  g_assert_cmpint (session->pain_during, ==, 6);
  g_assert_cmpint (session->pain_after, ==, 4);
  g_assert_cmpstr (session->note, ==, "");
  for (guint i = 0; i < session->exercises->len; i++)
    g_assert_false (g_array_index (session->exercises, PrehabSessionExercise, i).completed);

  /* 5 s of 3 minutes, no set in full; 3 cat-cows; nothing of the rest. */
  row = dup_done_row (fixture->store, DAY, 0);
  g_assert_cmpstr (row, ==, "0|-|-|5|0");
  g_clear_pointer (&row, g_free);
  row = dup_done_row (fixture->store, DAY, 1);
  g_assert_cmpstr (row, ==, "0|3|-|-|0");
  g_clear_pointer (&row, g_free);
  for (guint i = 2; i < session->exercises->len; i++)
    {
      row = dup_done_row (fixture->store, DAY, i);
      g_assert_cmpstr (row, ==, "-|-|-|-|0");
      g_clear_pointer (&row, g_free);
    }

  /* The calendar shows it partly done; the next day's decision eases off
   * after pain 6 with it. */
  g_assert_cmpint (calendar_status (fixture->store, DAY), ==, PREHAB_SESSION_PARTIAL);
  next = decide (fixture->store, NEXT);
  g_assert_cmpint (next->decision, ==, PREHAB_DECISION_REGRESS);
  for (guint i = 0; i < next->reasons->len; i++)
    named = named || strstr (next->reasons->pdata[i], "reached 6 out of 10") != NULL;
  g_assert_true (named);
}

static void
test_guided_keeps_more (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabRunner) runner = runner_for_day (fixture->store, DAY);
  g_autoptr (PrehabSession) session = NULL;
  g_autofree char *row = NULL;
  const char *first = prehab_runner_get_exercise_id (runner, 0);

  /* Breathing was ticked off earlier that day: a shorter guided run of it
   * does not take that back. */
  g_assert_true (prehab_schedule_set_exercise_done (fixture->store, DAY, first, TRUE, &error));
  g_assert_no_error (error);
  run_a_little (runner);
  g_assert_true (prehab_schedule_record_guided (fixture->store, DAY, runner, -1, -1,
                                                "Stopped for a call", &error));
  g_assert_no_error (error);

  session = load_session (fixture, DAY);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_PARTIAL);
  g_assert_cmpint (session->pain_during, ==, -1);
  g_assert_cmpstr (session->note, ==, "Stopped for a call");
  row = dup_done_row (fixture->store, DAY, 0);
  g_assert_cmpstr (row, ==, "1|-|-|180|1");
  g_clear_pointer (&row, g_free);
  g_clear_pointer (&session, prehab_session_free);

  /* Ticking another exercise off later keeps the counted cat-cows and the
   * note. */
  g_assert_true (prehab_schedule_set_exercise_done (fixture->store, DAY,
                                                    prehab_runner_get_exercise_id (runner, 2),
                                                    TRUE, &error));
  g_assert_no_error (error);
  row = dup_done_row (fixture->store, DAY, 1);
  g_assert_cmpstr (row, ==, "0|3|-|-|0");
  g_clear_pointer (&row, g_free);
  row = dup_done_row (fixture->store, DAY, 2);
  g_assert_cmpstr (row, ==, "1|8|-|-|1");
  session = load_session (fixture, DAY);
  g_assert_cmpstr (session->note, ==, "Stopped for a call");
  g_clear_pointer (&session, prehab_session_free);

  /* Mark All Done, then a whole guided run: done, with the run's pain. */
  g_assert_true (prehab_schedule_mark_done (fixture->store, DAY, NULL, -1, -1, &error));
  g_assert_no_error (error);
  g_clear_object (&runner);
  runner = runner_for_day (fixture->store, DAY);
  run_to_end (runner);
  g_assert_true (prehab_schedule_record_guided (fixture->store, DAY, runner, 3, 2, NULL, &error));
  g_assert_no_error (error);
  session = load_session (fixture, DAY);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_DONE);
  g_assert_cmpint (session->pain_during, ==, 3);
  g_assert_cmpstr (session->note, ==, "Stopped for a call");
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 1);
}

static void
test_guided_refuses (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabRunner) runner = runner_for_day (fixture->store, DAY);
  g_autoptr (PrehabRunner) skipped = runner_for_day (fixture->store, DAY);
  g_autoptr (PrehabRunner) unknown = NULL;
  g_autofree char *before = NULL;
  PrehabRunnerItem stranger = { "no-such-exercise", { .sets = 1, .duration_s = 30 } };
  const struct
  {
    const char *date;
    int         during;
    int         after;
    const char *note;
    int         code;
  } bad[] = {
    { DAY, 11, -1, NULL, PREHAB_SCHEDULE_ERROR_INVALID },
    { DAY, -2, -1, NULL, PREHAB_SCHEDULE_ERROR_INVALID },
    { DAY, -1, 12, NULL, PREHAB_SCHEDULE_ERROR_INVALID },
    { DAY, 3, 2, "\xff\xfe", PREHAB_SCHEDULE_ERROR_INVALID },
    { "2026-03-23", 3, 2, NULL, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
    { "2026-03-17", 3, 2, NULL, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
    { "2026-02-30", 3, 2, NULL, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
    { NULL, 3, 2, NULL, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
  };

  run_a_little (runner);
  before = prehab_test_dump_store (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *after = NULL;

      g_test_message ("bad record %u", i);
      g_assert_false (prehab_schedule_record_guided (fixture->store, bad[i].date, runner,
                                                     bad[i].during, bad[i].after, bad[i].note,
                                                     &error));
      g_assert_error (error, PREHAB_SCHEDULE_ERROR, bad[i].code);
      g_clear_error (&error);
      after = prehab_test_dump_store (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }

  /* Every step skipped: nothing was done, nothing is stored. */
  prehab_runner_start (skipped);
  while (prehab_runner_get_state (skipped) != PREHAB_RUNNER_FINISHED)
    prehab_runner_skip (skipped);
  g_assert_false (prehab_runner_get_any_done (skipped));
  g_assert_false (prehab_schedule_record_guided (fixture->store, DAY, skipped, 2, 2, NULL, &error));
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = prehab_test_dump_store (fixture->store);

    g_assert_cmpstr (after, ==, before);
  }

  /* An exercise the catalog does not have. */
  unknown = prehab_runner_new (&stranger, 1, fake_clock, NULL);
  prehab_runner_start (unknown);
  advance (unknown, 60);
  g_assert_true (prehab_runner_get_any_done (unknown));
  g_assert_false (prehab_schedule_record_guided (fixture->store, DAY, unknown, 2, 2, NULL, &error));
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = prehab_test_dump_store (fixture->store);

    g_assert_cmpstr (after, ==, before);
  }

  /* The good call still works after all that. */
  g_assert_true (prehab_schedule_record_guided (fixture->store, DAY, runner, 3, 2, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for the date. */
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/journal/session-done-doses", test_journal_done_doses);
  ADD ("/guided/full-run", test_guided_full_run);
  ADD ("/guided/partial-run", test_guided_partial_run);
  ADD ("/guided/keeps-more", test_guided_keeps_more);
  ADD ("/guided/refuses", test_guided_refuses);

#undef ADD

  return g_test_run ();
}
