/* test-runner.c: the guided session's steps and timing on a fake clock
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prehab-runner.h"

#define S(x) ((gint64) (x) * G_USEC_PER_SEC)

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

/* Doses as the catalog has them. */
static const PrehabDose cat_cow = { .sets = 1, .reps = 15, .tempo_out_s = 4, .tempo_back_s = 4, .rest_s = 30 };
static const PrehabDose breathing = { .sets = 1, .duration_s = 180 };
static const PrehabDose open_book = { .sets = 1, .reps = 8, .per_side = TRUE, .rest_s = 30 };
static const PrehabDose pull_apart = { .sets = 2, .reps = 5, .hold_s = 5, .rest_s = 60 };
static const PrehabDose bird_dog = { .sets = 2, .reps = 8, .hold_s = 3, .per_side = TRUE, .rest_s = 60 };

typedef struct
{
  guint steps_entered;
  guint reps_started;
  guint pace_changes;
  guint finished;
} Events;

static void
on_step_changed_cb (PrehabRunner *runner,
                    guint         position,
                    Events       *events)
{
  events->steps_entered++;
}

static void
on_rep_changed_cb (PrehabRunner *runner,
                   int           rep,
                   Events       *events)
{
  events->reps_started++;
}

static void
on_pace_changed_cb (PrehabRunner *runner,
                    int           pace,
                    Events       *events)
{
  events->pace_changes++;
}

static void
on_finished_cb (PrehabRunner *runner,
                Events       *events)
{
  events->finished++;
}

static PrehabRunner *
runner_for (const PrehabDose *doses,
            guint             n,
            Events           *events)
{
  g_autofree PrehabRunnerItem *items = g_new0 (PrehabRunnerItem, n);
  PrehabRunner *runner;

  for (guint i = 0; i < n; i++)
    items[i] = (PrehabRunnerItem) { "exercise", doses[i] };

  fake_now = S (1000);
  runner = prehab_runner_new (items, n, fake_clock, NULL);
  if (events != NULL)
    {
      g_signal_connect (runner, "step-changed", G_CALLBACK (on_step_changed_cb), events);
      g_signal_connect (runner, "rep-changed", G_CALLBACK (on_rep_changed_cb), events);
      g_signal_connect (runner, "pace-changed", G_CALLBACK (on_pace_changed_cb), events);
      g_signal_connect (runner, "finished", G_CALLBACK (on_finished_cb), events);
    }

  return runner;
}

static void
advance (PrehabRunner *runner,
         double        seconds)
{
  fake_now += (gint64) (seconds * G_USEC_PER_SEC);
  prehab_runner_update (runner);
}

static void
assert_step (PrehabRunner   *runner,
             guint           index,
             PrehabStepKind  kind,
             int             set,
             PrehabSide      side,
             int             duration_s)
{
  const PrehabRunnerStep *step = prehab_runner_get_step (runner, index);

  g_assert_cmpint (step->kind, ==, kind);
  g_assert_cmpint (step->set, ==, set);
  g_assert_cmpint (step->side, ==, side);
  g_assert_cmpint (step->duration_s, ==, duration_s);
}

static void
test_steps_paced_reps (void)
{
  g_autoptr (PrehabRunner) runner = runner_for (&cat_cow, 1, NULL);
  const PrehabRunnerStep *work;

  /* Get ready 10 s, then 15 breaths of 4 s in and 4 s out. */
  g_assert_cmpuint (prehab_runner_get_n_steps (runner), ==, 2);
  assert_step (runner, 0, PREHAB_STEP_PREPARE, 0, PREHAB_SIDE_NONE, 10);
  assert_step (runner, 1, PREHAB_STEP_WORK, 1, PREHAB_SIDE_NONE, 120);
  work = prehab_runner_get_step (runner, 1);
  g_assert_true (work->paced);
  g_assert_cmpint (work->reps, ==, 15);
  g_assert_cmpint (prehab_runner_get_total_s (runner), ==, 130);
}

static void
test_steps_sides_sets_and_rests (void)
{
  PrehabDose doses[] = { open_book, pull_apart, breathing };
  g_autoptr (PrehabRunner) runner = runner_for (doses, G_N_ELEMENTS (doses), NULL);

  /* Open book: 8 reps of 2 + 2 s on each side, 5 s to change sides. */
  assert_step (runner, 0, PREHAB_STEP_PREPARE, 0, PREHAB_SIDE_NONE, 10);
  assert_step (runner, 1, PREHAB_STEP_WORK, 1, PREHAB_SIDE_LEFT, 32);
  assert_step (runner, 2, PREHAB_STEP_SWITCH_SIDES, 1, PREHAB_SIDE_RIGHT, 5);
  assert_step (runner, 3, PREHAB_STEP_WORK, 1, PREHAB_SIDE_RIGHT, 32);
  g_assert_false (prehab_runner_get_step (runner, 1)->paced);
  /* Pull-apart: 2 sets of 5 reps of 2 + 5 + 2 s, 60 s rest between the
   * sets and none after the last. */
  assert_step (runner, 4, PREHAB_STEP_PREPARE, 0, PREHAB_SIDE_NONE, 10);
  assert_step (runner, 5, PREHAB_STEP_WORK, 1, PREHAB_SIDE_NONE, 45);
  assert_step (runner, 6, PREHAB_STEP_REST, 1, PREHAB_SIDE_NONE, 60);
  assert_step (runner, 7, PREHAB_STEP_WORK, 2, PREHAB_SIDE_NONE, 45);
  /* Breathing: 180 s of timed work. */
  assert_step (runner, 8, PREHAB_STEP_PREPARE, 0, PREHAB_SIDE_NONE, 10);
  assert_step (runner, 9, PREHAB_STEP_WORK, 1, PREHAB_SIDE_NONE, 180);
  g_assert_cmpuint (prehab_runner_get_n_steps (runner), ==, 10);
  g_assert_cmpint (prehab_runner_get_total_s (runner), ==, 79 + 160 + 190);
  g_assert_cmpuint (prehab_runner_get_step (runner, 9)->item, ==, 2);
}

static void
test_full_session (void)
{
  PrehabDose doses[] = { cat_cow, open_book, pull_apart, bird_dog, breathing };
  Events events = { 0 };
  g_autoptr (PrehabRunner) runner = runner_for (doses, G_N_ELEMENTS (doses), &events);
  int total = prehab_runner_get_total_s (runner);
  int ticks = 0;

  /* Bird dog: 2 sets × 2 sides × 8 reps of 7 s, one change of side per
   * set, one rest: 10 + 4 × 56 + 2 × 5 + 60. */
  g_assert_cmpint (total, ==, 130 + 79 + 160 + (10 + 224 + 10 + 60) + 190);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_READY);
  g_assert_cmpint (prehab_runner_get_remaining (runner), ==, S (total));

  prehab_runner_start (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_RUNNING);
  while (prehab_runner_get_state (runner) == PREHAB_RUNNER_RUNNING)
    {
      advance (runner, 0.25);
      ticks++;
      g_assert_cmpint (ticks, <=, total * 4);
    }

  /* Finished on the tick its time ran out, not before or after. */
  g_assert_cmpint (ticks, ==, total * 4);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
  g_assert_cmpuint (events.finished, ==, 1);
  g_assert_cmpuint (events.steps_entered, ==, prehab_runner_get_n_steps (runner));
  /* Reps started: 15 + 16 + 10 + 32. */
  g_assert_cmpuint (events.reps_started, ==, 15 + 16 + 10 + 32);
  g_assert_cmpint (prehab_runner_get_remaining (runner), ==, 0);
  g_assert_cmpfloat (prehab_runner_get_progress (runner), ==, 1.0);
  g_assert_null (prehab_runner_get_current_step (runner));

  for (guint i = 0; i < G_N_ELEMENTS (doses); i++)
    {
      PrehabDose done;

      g_assert_true (prehab_runner_get_done (runner, i, &done));
      g_assert_cmpint (done.sets, ==, doses[i].sets);
      g_assert_cmpint (done.reps, ==, doses[i].sets * doses[i].reps);
      g_assert_cmpint (done.hold_s, ==, doses[i].hold_s);
      g_assert_cmpint (done.duration_s, ==, doses[i].sets * doses[i].duration_s);
      g_assert_cmpint (done.per_side, ==, doses[i].per_side);
    }
}

static void
test_clock_jump_finishes (void)
{
  PrehabDose doses[] = { open_book, breathing };
  Events events = { 0 };
  g_autoptr (PrehabRunner) runner = runner_for (doses, G_N_ELEMENTS (doses), &events);
  PrehabDose done;

  prehab_runner_start (runner);
  advance (runner, prehab_runner_get_total_s (runner) + 100);

  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
  g_assert_cmpuint (events.steps_entered, ==, prehab_runner_get_n_steps (runner));
  g_assert_cmpuint (events.finished, ==, 1);
  g_assert_true (prehab_runner_get_done (runner, 0, &done));
  g_assert_cmpint (done.reps, ==, 8);
  g_assert_true (prehab_runner_get_done (runner, 1, &done));
  g_assert_cmpint (done.duration_s, ==, 180);
}

static void
test_pace (void)
{
  PrehabDose doses[] = { cat_cow, pull_apart };
  g_autoptr (PrehabRunner) runner = runner_for (doses, G_N_ELEMENTS (doses), NULL);
  double fraction;

  g_assert_cmpint (prehab_runner_get_pace (runner, NULL), ==, PREHAB_PACE_NONE);
  prehab_runner_start (runner);
  advance (runner, 10);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 1);
  g_assert_cmpint (prehab_runner_get_rep (runner), ==, 1);
  g_assert_cmpint (prehab_runner_get_pace (runner, &fraction), ==, PREHAB_PACE_OUT);
  g_assert_cmpfloat (fraction, ==, 0.0);

  advance (runner, 3);
  g_assert_cmpint (prehab_runner_get_pace (runner, &fraction), ==, PREHAB_PACE_OUT);
  g_assert_cmpfloat_with_epsilon (fraction, 0.75, 1e-9);
  advance (runner, 2);
  g_assert_cmpint (prehab_runner_get_pace (runner, &fraction), ==, PREHAB_PACE_BACK);
  g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
  advance (runner, 3);
  g_assert_cmpint (prehab_runner_get_rep (runner), ==, 2);
  g_assert_cmpint (prehab_runner_get_pace (runner, NULL), ==, PREHAB_PACE_OUT);
  /* The last breath ends the step. */
  advance (runner, 13 * 8 + 7);
  g_assert_cmpint (prehab_runner_get_rep (runner), ==, 15);
  g_assert_cmpint (prehab_runner_get_pace (runner, NULL), ==, PREHAB_PACE_BACK);
  g_assert_cmpint (prehab_runner_get_step_remaining (runner), ==, S (1));

  /* Pull-apart: 2 s out, a 5 s hold, 2 s back. */
  advance (runner, 1 + 10);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 3);
  advance (runner, 2);
  g_assert_cmpint (prehab_runner_get_pace (runner, &fraction), ==, PREHAB_PACE_HOLD);
  g_assert_cmpfloat (fraction, ==, 0.0);
  advance (runner, 4);
  g_assert_cmpint (prehab_runner_get_pace (runner, &fraction), ==, PREHAB_PACE_HOLD);
  g_assert_cmpfloat_with_epsilon (fraction, 0.8, 1e-9);
  advance (runner, 1);
  g_assert_cmpint (prehab_runner_get_pace (runner, NULL), ==, PREHAB_PACE_BACK);
}

static void
test_pause_resume (void)
{
  g_autoptr (PrehabRunner) runner = runner_for (&breathing, 1, NULL);
  gint64 remaining;

  prehab_runner_start (runner);
  advance (runner, 40);
  prehab_runner_pause (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_PAUSED);
  remaining = prehab_runner_get_remaining (runner);
  g_assert_cmpint (remaining, ==, S (150));

  /* Time spent paused does not count. */
  advance (runner, 500);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_PAUSED);
  g_assert_cmpint (prehab_runner_get_remaining (runner), ==, remaining);
  g_assert_cmpint (prehab_runner_get_step_elapsed (runner), ==, S (30));

  prehab_runner_resume (runner);
  advance (runner, 149);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_RUNNING);
  g_assert_cmpint (prehab_runner_get_remaining (runner), ==, S (1));
  advance (runner, 1);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);

  /* Pausing or resuming out of place changes nothing. */
  prehab_runner_pause (runner);
  prehab_runner_resume (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
}

static void
test_skip_records_what_was_done (void)
{
  PrehabDose doses[] = { cat_cow, breathing };
  Events events = { 0 };
  g_autoptr (PrehabRunner) runner = runner_for (doses, G_N_ELEMENTS (doses), &events);
  PrehabDose done;

  prehab_runner_start (runner);
  prehab_runner_skip (runner);   /* get ready */
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 1);
  advance (runner, 3 * 8 + 5);   /* three whole breaths, and part of a fourth */
  prehab_runner_skip (runner);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 2);

  g_assert_false (prehab_runner_get_done (runner, 0, &done));
  g_assert_cmpint (done.sets, ==, 0);
  g_assert_cmpint (done.reps, ==, 3);
  g_assert_true (prehab_runner_get_any_done (runner));

  /* Skipping to the end finishes; the breathing was never started. */
  prehab_runner_skip (runner);
  advance (runner, 61);
  prehab_runner_skip (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
  g_assert_cmpuint (events.finished, ==, 1);
  g_assert_false (prehab_runner_get_done (runner, 1, &done));
  g_assert_cmpint (done.duration_s, ==, 61);

  /* Nothing moves after the end. */
  prehab_runner_skip (runner);
  prehab_runner_back (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
  g_assert_cmpuint (events.finished, ==, 1);
}

static void
test_skip_everything (void)
{
  PrehabDose doses[] = { cat_cow, open_book };
  g_autoptr (PrehabRunner) runner = runner_for (doses, G_N_ELEMENTS (doses), NULL);
  PrehabDose done;
  guint presses = 0;

  prehab_runner_start (runner);
  while (prehab_runner_get_state (runner) != PREHAB_RUNNER_FINISHED)
    {
      prehab_runner_skip (runner);
      presses++;
    }

  g_assert_cmpuint (presses, ==, prehab_runner_get_n_steps (runner));
  g_assert_false (prehab_runner_get_any_done (runner));
  g_assert_false (prehab_runner_get_done (runner, 1, &done));
  g_assert_cmpint (done.reps, ==, 0);
  g_assert_cmpint (done.hold_s, ==, 0);
}

static void
test_back (void)
{
  g_autoptr (PrehabRunner) runner = runner_for (&open_book, 1, NULL);
  PrehabDose done;

  prehab_runner_start (runner);
  advance (runner, 10 + 32 + 1);          /* one second into changing sides */
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 2);

  /* Early in a step, Back goes to the previous step, from its start. */
  prehab_runner_back (runner);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 1);
  g_assert_cmpint (prehab_runner_get_step_elapsed (runner), ==, 0);
  g_assert_cmpint (prehab_runner_get_rep (runner), ==, 1);

  /* Later in a step, Back starts it again. */
  advance (runner, 10);
  prehab_runner_back (runner);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 1);
  g_assert_cmpint (prehab_runner_get_step_elapsed (runner), ==, 0);

  /* Work done before going back still counts. */
  g_assert_true (prehab_runner_get_any_done (runner));

  /* Back on the first step restarts it. */
  prehab_runner_back (runner);
  prehab_runner_back (runner);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 0);
  advance (runner, 2);
  prehab_runner_back (runner);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 0);
  g_assert_cmpint (prehab_runner_get_step_elapsed (runner), ==, 0);

  /* Per side, reps count only as far as the lesser side went: all 8 on the
   * left, 2 on the right. */
  advance (runner, 10 + 32 + 5 + 2 * 4 + 1);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 3);
  prehab_runner_skip (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
  g_assert_false (prehab_runner_get_done (runner, 0, &done));
  g_assert_cmpint (done.reps, ==, 2);
  g_assert_cmpint (done.sets, ==, 0);
}

static void
test_paused_skip_stays_paused (void)
{
  g_autoptr (PrehabRunner) runner = runner_for (&breathing, 1, NULL);

  prehab_runner_start (runner);
  advance (runner, 4);
  prehab_runner_pause (runner);
  prehab_runner_skip (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_PAUSED);
  g_assert_cmpuint (prehab_runner_get_position (runner), ==, 1);

  advance (runner, 30);
  g_assert_cmpint (prehab_runner_get_step_elapsed (runner), ==, 0);
  prehab_runner_resume (runner);
  advance (runner, 30);
  g_assert_cmpint (prehab_runner_get_step_elapsed (runner), ==, S (30));
  g_assert_cmpint (prehab_runner_get_remaining (runner), ==, S (150));
}

static void
test_pause_keeps_finished_work (void)
{
  g_autoptr (PrehabRunner) runner = runner_for (&breathing, 1, NULL);

  /* The clock ran past the end before the pause was pressed: the session
   * is over, not paused. */
  prehab_runner_start (runner);
  fake_now += S (500);
  prehab_runner_pause (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
}

static void
test_empty_session (void)
{
  Events events = { 0 };
  g_autoptr (PrehabRunner) runner = runner_for (NULL, 0, &events);

  g_assert_cmpuint (prehab_runner_get_n_steps (runner), ==, 0);
  g_assert_cmpint (prehab_runner_get_total_s (runner), ==, 0);
  prehab_runner_start (runner);
  g_assert_cmpint (prehab_runner_get_state (runner), ==, PREHAB_RUNNER_FINISHED);
  g_assert_cmpuint (events.finished, ==, 1);
  g_assert_null (prehab_runner_get_current_step (runner));
  g_assert_cmpfloat (prehab_runner_get_progress (runner), ==, 1.0);
}

static void
test_next_step (void)
{
  PrehabDose doses[] = { pull_apart };
  g_autoptr (PrehabRunner) runner = runner_for (doses, 1, NULL);

  prehab_runner_start (runner);
  g_assert_cmpint (prehab_runner_get_next_step (runner)->kind, ==, PREHAB_STEP_WORK);
  advance (runner, 10);
  g_assert_cmpint (prehab_runner_get_next_step (runner)->kind, ==, PREHAB_STEP_REST);
  advance (runner, 45 + 60);
  g_assert_null (prehab_runner_get_next_step (runner));
  g_assert_cmpfloat_with_epsilon (prehab_runner_get_progress (runner), 115.0 / 160.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/runner/steps/paced-reps", test_steps_paced_reps);
  g_test_add_func ("/runner/steps/sides-sets-rests", test_steps_sides_sets_and_rests);
  g_test_add_func ("/runner/full-session", test_full_session);
  g_test_add_func ("/runner/clock-jump", test_clock_jump_finishes);
  g_test_add_func ("/runner/pace", test_pace);
  g_test_add_func ("/runner/pause-resume", test_pause_resume);
  g_test_add_func ("/runner/skip/records-done", test_skip_records_what_was_done);
  g_test_add_func ("/runner/skip/everything", test_skip_everything);
  g_test_add_func ("/runner/back", test_back);
  g_test_add_func ("/runner/skip/paused", test_paused_skip_stays_paused);
  g_test_add_func ("/runner/pause/after-end", test_pause_keeps_finished_work);
  g_test_add_func ("/runner/empty", test_empty_session);
  g_test_add_func ("/runner/next-step", test_next_step);

  return g_test_run ();
}
