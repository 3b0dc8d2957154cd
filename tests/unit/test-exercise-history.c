/* test-exercise-history.c: the person's own record with one exercise
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prehab-catalog.h"
#include "prehab-enrollment.h"
#include "prehab-exercise-history.h"
#include "prehab-journal.h"
#include "prehab-test-util.h"

#define TODAY "2026-03-22"

typedef PrehabTestStore Fixture;

static gint64
start_program (PrehabStore *store,
               const char  *start_date)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = start_date,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };
  gint64 id = prehab_enrollment_start (store, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Records a session of @date with the exercises in @done (completed) and
 * @not_done (planned, not completed). */
static void
save_session (PrehabStore         *store,
              gint64               enrollment_id,
              const char          *date,
              PrehabSessionStatus  status,
              int                  pain_during,
              const char * const  *done,
              const char * const  *not_done)
{
  g_autoptr (PrehabSession) session = prehab_session_new ();
  g_autoptr (GError) error = NULL;

  session->date = g_strdup (date);
  session->status = status;
  session->pain_during = pain_during;
  for (guint i = 0; done != NULL && done[i] != NULL; i++)
    {
      PrehabSessionExercise exercise = { g_strdup (done[i]), { .sets = 1, .reps = 10 }, TRUE };
      g_array_append_val (session->exercises, exercise);
    }
  for (guint i = 0; not_done != NULL && not_done[i] != NULL; i++)
    {
      PrehabSessionExercise exercise = { g_strdup (not_done[i]), { .sets = 1, .reps = 10 }, FALSE };
      g_array_append_val (session->exercises, exercise);
    }

  g_assert_true (prehab_journal_save_session (store, enrollment_id, session, &error));
  g_assert_no_error (error);
}

static PrehabExerciseHistory *
load (PrehabStore *store,
      const char  *exercise_id)
{
  g_autoptr (GError) error = NULL;
  PrehabExerciseHistory *history = prehab_exercise_history_load (store, exercise_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_cmpstr (history->exercise_id, ==, exercise_id);
  return history;
}

static void
test_history_never_done (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const cat_cow[] = { "cat-cow", NULL };
  const char * const bird_dog[] = { "bird-dog", NULL };
  g_autoptr (PrehabExerciseHistory) history = NULL;
  gint64 enrollment;

  /* No program at all. */
  history = load (fixture->store, "cat-cow");
  g_assert_cmpuint (history->times_done, ==, 0);
  g_assert_null (history->last_done);
  g_assert_cmpint (history->last_pain_during, ==, -1);
  g_assert_null (history->last_pain_date);
  g_clear_pointer (&history, prehab_exercise_history_free);

  /* Planned but not completed, and another exercise done: still nothing. */
  enrollment = start_program (fixture->store, "2026-03-01");
  save_session (fixture->store, enrollment, "2026-03-02", PREHAB_SESSION_PARTIAL, 3,
                bird_dog, cat_cow);
  history = load (fixture->store, "cat-cow");
  g_assert_cmpuint (history->times_done, ==, 0);
  g_assert_null (history->last_done);
  g_assert_cmpint (history->last_pain_during, ==, -1);
  g_clear_pointer (&history, prehab_exercise_history_free);

  /* An id that is in no session at all. */
  history = load (fixture->store, "no-such-exercise");
  g_assert_cmpuint (history->times_done, ==, 0);
  g_assert_null (history->last_done);
}

static void
test_history_counts_completed_sessions (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char * const cat_cow[] = { "cat-cow", NULL };
  const char * const both[] = { "cat-cow", "childs-pose", NULL };
  g_autoptr (PrehabExerciseHistory) history = NULL;
  gint64 enrollment = start_program (fixture->store, "2026-03-01");

  save_session (fixture->store, enrollment, "2026-03-01", PREHAB_SESSION_DONE, 4, both, NULL);
  save_session (fixture->store, enrollment, "2026-03-03", PREHAB_SESSION_PARTIAL, 2, cat_cow, NULL);
  /* A skipped day never counts, whatever its rows say. */
  save_session (fixture->store, enrollment, "2026-03-05", PREHAB_SESSION_SKIPPED, -1, cat_cow, NULL);

  history = load (fixture->store, "cat-cow");
  g_assert_cmpuint (history->times_done, ==, 2);
  g_assert_cmpstr (history->last_done, ==, "2026-03-03");
  g_assert_cmpint (history->last_pain_during, ==, 2);
  g_assert_cmpstr (history->last_pain_date, ==, "2026-03-03");
  g_clear_pointer (&history, prehab_exercise_history_free);

  history = load (fixture->store, "childs-pose");
  g_assert_cmpuint (history->times_done, ==, 1);
  g_assert_cmpstr (history->last_done, ==, "2026-03-01");
  g_assert_cmpint (history->last_pain_during, ==, 4);
}

static void
test_history_last_rating (Fixture       *fixture,
                          gconstpointer  data)
{
  const char * const cat_cow[] = { "cat-cow", NULL };
  g_autoptr (PrehabExerciseHistory) history = NULL;
  gint64 enrollment = start_program (fixture->store, "2026-03-01");

  /* The latest session was not rated: the latest rating is older. */
  save_session (fixture->store, enrollment, "2026-03-02", PREHAB_SESSION_DONE, 5, cat_cow, NULL);
  save_session (fixture->store, enrollment, "2026-03-04", PREHAB_SESSION_DONE, -1, cat_cow, NULL);

  history = load (fixture->store, "cat-cow");
  g_assert_cmpuint (history->times_done, ==, 2);
  g_assert_cmpstr (history->last_done, ==, "2026-03-04");
  g_assert_cmpint (history->last_pain_during, ==, 5);
  g_assert_cmpstr (history->last_pain_date, ==, "2026-03-02");
  g_clear_pointer (&history, prehab_exercise_history_free);

  /* A rating of 0 is a rating. */
  save_session (fixture->store, enrollment, "2026-03-06", PREHAB_SESSION_DONE, 0, cat_cow, NULL);
  history = load (fixture->store, "cat-cow");
  g_assert_cmpuint (history->times_done, ==, 3);
  g_assert_cmpint (history->last_pain_during, ==, 0);
  g_assert_cmpstr (history->last_pain_date, ==, "2026-03-06");
}

static void
test_history_all_enrollments (Fixture       *fixture,
                              gconstpointer  data)
{
  const char * const cat_cow[] = { "cat-cow", NULL };
  g_autoptr (PrehabExerciseHistory) history = NULL;
  gint64 first = start_program (fixture->store, "2026-02-01");
  gint64 second;

  save_session (fixture->store, first, "2026-02-02", PREHAB_SESSION_DONE, 6, cat_cow, NULL);
  save_session (fixture->store, first, "2026-02-10", PREHAB_SESSION_DONE, 5, cat_cow, NULL);

  /* Starting again ends the first run; its sessions still count. */
  second = start_program (fixture->store, "2026-03-01");
  g_assert_cmpint (second, !=, first);
  save_session (fixture->store, second, "2026-03-01", PREHAB_SESSION_DONE, 2, cat_cow, NULL);

  history = load (fixture->store, "cat-cow");
  g_assert_cmpuint (history->times_done, ==, 3);
  g_assert_cmpstr (history->last_done, ==, "2026-03-01");
  g_assert_cmpint (history->last_pain_during, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, prehab_test_store_set_up, func, prehab_test_store_tear_down)

  ADD ("/exercise-history/never-done", test_history_never_done);
  ADD ("/exercise-history/counts-completed-sessions", test_history_counts_completed_sessions);
  ADD ("/exercise-history/last-rating", test_history_last_rating);
  ADD ("/exercise-history/all-enrollments", test_history_all_enrollments);

#undef ADD

  return g_test_run ();
}
