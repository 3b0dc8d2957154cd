/* prehab-runner.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "prehab-exercise.h"

G_BEGIN_DECLS

/* The guided session as a state machine: it turns a session's exercises and
 * doses into timed steps (get ready, work, switch sides, rest) and walks
 * through them on a clock it is given, so tests run it instantly. It knows
 * nothing of widgets; the player shows what it says. */

/* Reps without a tempo of their own take this many seconds each way. */
#define PREHAB_RUNNER_DEFAULT_TEMPO_S 2
/* Seconds to get into position before each exercise. */
#define PREHAB_RUNNER_PREPARE_S       10
/* Seconds to change sides in a per-side exercise. */
#define PREHAB_RUNNER_SWITCH_S        5
/* Pressing Back later than this into a step restarts the step; earlier,
 * it goes to the previous step. */
#define PREHAB_RUNNER_BACK_RESTART_S  3

typedef enum
{
  PREHAB_STEP_PREPARE,
  PREHAB_STEP_WORK,
  PREHAB_STEP_SWITCH_SIDES,
  PREHAB_STEP_REST,
} PrehabStepKind;

typedef enum
{
  PREHAB_SIDE_NONE,
  PREHAB_SIDE_LEFT,
  PREHAB_SIDE_RIGHT,
} PrehabSide;

/* Where a rep is: moving out (breathing in), holding, coming back
 * (breathing out). NONE outside reps. */
typedef enum
{
  PREHAB_PACE_NONE,
  PREHAB_PACE_OUT,
  PREHAB_PACE_HOLD,
  PREHAB_PACE_BACK,
} PrehabPace;

typedef enum
{
  PREHAB_RUNNER_READY,
  PREHAB_RUNNER_RUNNING,
  PREHAB_RUNNER_PAUSED,
  PREHAB_RUNNER_FINISHED,
} PrehabRunnerState;

typedef struct
{
  PrehabStepKind kind;
  guint          item;        /* index of the exercise in the session */
  int            set;         /* 1-based; 0 for get ready */
  PrehabSide     side;
  int            reps;        /* 0: timed work, or not work */
  int            out_s;       /* per rep */
  int            hold_s;
  int            back_s;
  gboolean       paced;       /* the dose gives a breathing tempo */
  int            duration_s;  /* the whole step */
} PrehabRunnerStep;

/* Microseconds on a monotonic clock, like g_get_monotonic_time(). */
typedef gint64 (*PrehabClockFunc) (gpointer user_data);

typedef struct
{
  const char *exercise_id;
  PrehabDose  dose;
} PrehabRunnerItem;

#define PREHAB_TYPE_RUNNER (prehab_runner_get_type ())

G_DECLARE_FINAL_TYPE (PrehabRunner, prehab_runner, PREHAB, RUNNER, GObject)

PrehabRunner           *prehab_runner_new               (const PrehabRunnerItem *items,
                                                         guint                   n_items,
                                                         PrehabClockFunc         clock,
                                                         gpointer                clock_data);
guint                   prehab_runner_get_n_items       (PrehabRunner           *self);
const char             *prehab_runner_get_exercise_id   (PrehabRunner           *self,
                                                         guint                   item);
const PrehabDose       *prehab_runner_get_planned_dose  (PrehabRunner           *self,
                                                         guint                   item);
guint                   prehab_runner_get_n_steps       (PrehabRunner           *self);
const PrehabRunnerStep *prehab_runner_get_step          (PrehabRunner           *self,
                                                         guint                   index);

void                    prehab_runner_start             (PrehabRunner           *self);
void                    prehab_runner_pause             (PrehabRunner           *self);
void                    prehab_runner_resume            (PrehabRunner           *self);
void                    prehab_runner_skip              (PrehabRunner           *self);
void                    prehab_runner_back              (PrehabRunner           *self);
void                    prehab_runner_update            (PrehabRunner           *self);

PrehabRunnerState       prehab_runner_get_state         (PrehabRunner           *self);
guint                   prehab_runner_get_position      (PrehabRunner           *self);
const PrehabRunnerStep *prehab_runner_get_current_step  (PrehabRunner           *self);
/* The step after the current one, or NULL at the last. */
const PrehabRunnerStep *prehab_runner_get_next_step     (PrehabRunner           *self);
gint64                  prehab_runner_get_step_elapsed  (PrehabRunner           *self);
gint64                  prehab_runner_get_step_remaining (PrehabRunner          *self);
int                     prehab_runner_get_rep           (PrehabRunner           *self);
PrehabPace              prehab_runner_get_pace          (PrehabRunner           *self,
                                                         double                 *fraction);
int                     prehab_runner_get_total_s       (PrehabRunner           *self);
gint64                  prehab_runner_get_remaining     (PrehabRunner           *self);
double                  prehab_runner_get_progress      (PrehabRunner           *self);

/* What was done of one exercise so far: see HACKING.md "The guided
 * session" for how skipped and unfinished work is counted. */
gboolean                prehab_runner_get_done          (PrehabRunner           *self,
                                                         guint                   item,
                                                         PrehabDose             *done);
gboolean                prehab_runner_get_any_done      (PrehabRunner           *self);

G_END_DECLS
