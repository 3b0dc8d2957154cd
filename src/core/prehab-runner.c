/* prehab-runner.c
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

#define G_LOG_DOMAIN "prehab-runner"

#include "config.h"

#include "prehab-runner.h"

#define USEC_PER_S G_USEC_PER_SEC

struct _PrehabRunner
{
  GObject            parent_instance;

  PrehabClockFunc    clock;
  gpointer           clock_data;

  GPtrArray         *exercise_ids;  /* of char * */
  GArray            *doses;         /* of PrehabDose */
  GArray            *steps;         /* of PrehabRunnerStep */
  gint64            *progress;      /* per step: the most of it done, µs */
  int                total_s;

  PrehabRunnerState  state;
  guint              position;
  gint64             step_start;    /* clock time the current step began */
  gint64             paused_at;
  int                last_rep;
  PrehabPace         last_pace;
};

G_DEFINE_FINAL_TYPE (PrehabRunner, prehab_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  STEP_CHANGED,
  REP_CHANGED,
  PACE_CHANGED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
step_duration (const PrehabRunnerStep *step)
{
  return (gint64) step->duration_s * USEC_PER_S;
}

static gint64
rep_duration (const PrehabRunnerStep *step)
{
  return (gint64) (step->out_s + step->hold_s + step->back_s) * USEC_PER_S;
}

static void
add_step (PrehabRunner     *self,
          PrehabRunnerStep *step)
{
  g_assert (step->duration_s > 0);

  g_array_append_val (self->steps, *step);
  self->total_s += step->duration_s;
}

/* Get ready, then each set: the work on each side (with a change of side
 * between), and a rest between sets. */
static void
add_item_steps (PrehabRunner     *self,
                guint             item,
                const PrehabDose *dose)
{
  int sets = MAX (dose->sets, 1);
  int n_sides = dose->per_side ? 2 : 1;

  add_step (self, &(PrehabRunnerStep) {
    .kind = PREHAB_STEP_PREPARE,
    .item = item,
    .duration_s = PREHAB_RUNNER_PREPARE_S,
  });

  for (int set = 1; set <= sets; set++)
    {
      for (int s = 0; s < n_sides; s++)
        {
          PrehabRunnerStep work = {
            .kind = PREHAB_STEP_WORK,
            .item = item,
            .set = set,
            .side = dose->per_side ? (s == 0 ? PREHAB_SIDE_LEFT : PREHAB_SIDE_RIGHT)
                                   : PREHAB_SIDE_NONE,
          };

          if (s > 0)
            add_step (self, &(PrehabRunnerStep) {
              .kind = PREHAB_STEP_SWITCH_SIDES,
              .item = item,
              .set = set,
              .side = work.side,
              .duration_s = PREHAB_RUNNER_SWITCH_S,
            });

          if (dose->reps > 0)
            {
              work.reps = dose->reps;
              work.paced = dose->tempo_out_s > 0 && dose->tempo_back_s > 0;
              work.out_s = work.paced ? dose->tempo_out_s : PREHAB_RUNNER_DEFAULT_TEMPO_S;
              work.back_s = work.paced ? dose->tempo_back_s : PREHAB_RUNNER_DEFAULT_TEMPO_S;
              work.hold_s = MAX (dose->hold_s, 0);
              work.duration_s = work.reps * (work.out_s + work.hold_s + work.back_s);
            }
          else
            {
              work.duration_s = MAX (dose->duration_s, 1);
            }

          add_step (self, &work);
        }

      if (set < sets && dose->rest_s > 0)
        add_step (self, &(PrehabRunnerStep) {
          .kind = PREHAB_STEP_REST,
          .item = item,
          .set = set,
          .duration_s = dose->rest_s,
        });
    }
}

static gint64
current_elapsed (PrehabRunner *self,
                 gint64        now)
{
  switch (self->state)
    {
    case PREHAB_RUNNER_RUNNING:
      return MAX (now - self->step_start, 0);
    case PREHAB_RUNNER_PAUSED:
      return MAX (self->paused_at - self->step_start, 0);
    case PREHAB_RUNNER_READY:
    case PREHAB_RUNNER_FINISHED:
    default:
      return 0;
    }
}

static void
record_progress (PrehabRunner *self,
                 gint64        elapsed)
{
  const PrehabRunnerStep *step = &g_array_index (self->steps, PrehabRunnerStep, self->position);

  elapsed = MIN (elapsed, step_duration (step));
  self->progress[self->position] = MAX (self->progress[self->position], elapsed);
}

static PrehabPace
pace_at (const PrehabRunnerStep *step,
         gint64                  elapsed,
         int                    *rep,
         double                 *fraction)
{
  gint64 per_rep, within, out, hold;
  int index;

  *rep = 0;
  *fraction = 0.0;
  if (step->kind != PREHAB_STEP_WORK || step->reps == 0)
    return PREHAB_PACE_NONE;

  per_rep = rep_duration (step);
  index = (int) MIN (elapsed / per_rep, step->reps - 1);
  within = MIN (elapsed - index * per_rep, per_rep);
  out = (gint64) step->out_s * USEC_PER_S;
  hold = (gint64) step->hold_s * USEC_PER_S;
  *rep = index + 1;

  if (within < out)
    {
      *fraction = (double) within / out;
      return PREHAB_PACE_OUT;
    }
  if (within < out + hold)
    {
      *fraction = (double) (within - out) / hold;
      return PREHAB_PACE_HOLD;
    }
  *fraction = (double) (within - out - hold) / (step->back_s * USEC_PER_S);
  return PREHAB_PACE_BACK;
}

static void
emit_pace_changes (PrehabRunner *self)
{
  const PrehabRunnerStep *step = prehab_runner_get_current_step (self);
  double fraction;
  PrehabPace pace;
  int rep = 0;

  pace = step ? pace_at (step, current_elapsed (self, self->clock (self->clock_data)), &rep, &fraction)
              : PREHAB_PACE_NONE;

  if (rep != self->last_rep)
    {
      self->last_rep = rep;
      if (rep > 0)
        g_signal_emit (self, signals[REP_CHANGED], 0, rep);
    }
  if (pace != self->last_pace)
    {
      self->last_pace = pace;
      g_signal_emit (self, signals[PACE_CHANGED], 0, (int) pace);
    }
}

static void
set_state (PrehabRunner      *self,
           PrehabRunnerState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
finish (PrehabRunner *self)
{
  self->last_rep = 0;
  self->last_pace = PREHAB_PACE_NONE;
  set_state (self, PREHAB_RUNNER_FINISHED);
  g_signal_emit (self, signals[FINISHED], 0);
}

/* Moves to @position, which starts at @start on the clock. */
static void
enter_step (PrehabRunner *self,
            guint         position,
            gint64        start)
{
  self->position = position;
  self->step_start = start;
  if (self->state == PREHAB_RUNNER_PAUSED)
    self->paused_at = start;
  self->last_rep = 0;
  self->last_pace = PREHAB_PACE_NONE;
  g_signal_emit (self, signals[STEP_CHANGED], 0, position);
}

static void
prehab_runner_finalize (GObject *object)
{
  PrehabRunner *self = (PrehabRunner *) object;

  g_clear_pointer (&self->exercise_ids, g_ptr_array_unref);
  g_clear_pointer (&self->doses, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (prehab_runner_parent_class)->finalize (object);
}

static void
prehab_runner_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PrehabRunner *self = PREHAB_RUNNER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_runner_class_init (PrehabRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prehab_runner_finalize;
  object_class->get_property = prehab_runner_get_property;

  /* A PrehabRunnerState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      PREHAB_RUNNER_READY, PREHAB_RUNNER_FINISHED, PREHAB_RUNNER_READY,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The runner entered the step at this position. */
  signals[STEP_CHANGED] = g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_UINT);
  /* A new rep (1-based) of the current step began. */
  signals[REP_CHANGED] = g_signal_new ("rep-changed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT);
  /* The part of the rep changed: a PrehabPace. */
  signals[PACE_CHANGED] = g_signal_new ("pace-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
prehab_runner_init (PrehabRunner *self)
{
  self->exercise_ids = g_ptr_array_new_with_free_func (g_free);
  self->doses = g_array_new (FALSE, TRUE, sizeof (PrehabDose));
  self->steps = g_array_new (FALSE, TRUE, sizeof (PrehabRunnerStep));
}

/**
 * prehab_runner_new:
 * @items: (array length=n_items): the session's exercises and doses
 * @n_items: how many
 * @clock: (nullable): the clock, or %NULL for g_get_monotonic_time()
 * @clock_data: data for @clock
 *
 * Plans the steps of a session. Nothing runs until prehab_runner_start().
 *
 * Returns: (transfer full): a new runner
 */
PrehabRunner *
prehab_runner_new (const PrehabRunnerItem *items,
                   guint                   n_items,
                   PrehabClockFunc         clock,
                   gpointer                clock_data)
{
  PrehabRunner *self;

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  self = g_object_new (PREHAB_TYPE_RUNNER, NULL);
  self->clock = clock ? clock : monotonic_clock;
  self->clock_data = clock_data;

  for (guint i = 0; i < n_items; i++)
    {
      g_ptr_array_add (self->exercise_ids, g_strdup (items[i].exercise_id));
      g_array_append_val (self->doses, items[i].dose);
      add_item_steps (self, i, &items[i].dose);
    }
  self->progress = g_new0 (gint64, MAX (self->steps->len, 1));

  return self;
}

guint
prehab_runner_get_n_items (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  return self->exercise_ids->len;
}

const char *
prehab_runner_get_exercise_id (PrehabRunner *self,
                               guint         item)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), NULL);
  g_return_val_if_fail (item < self->exercise_ids->len, NULL);

  return self->exercise_ids->pdata[item];
}

const PrehabDose *
prehab_runner_get_planned_dose (PrehabRunner *self,
                                guint         item)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), NULL);
  g_return_val_if_fail (item < self->doses->len, NULL);

  return &g_array_index (self->doses, PrehabDose, item);
}

guint
prehab_runner_get_n_steps (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  return self->steps->len;
}

const PrehabRunnerStep *
prehab_runner_get_step (PrehabRunner *self,
                        guint         index)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return &g_array_index (self->steps, PrehabRunnerStep, index);
}

/**
 * prehab_runner_start:
 * @self: a runner
 *
 * Starts the first step now. A session without steps finishes at once.
 */
void
prehab_runner_start (PrehabRunner *self)
{
  g_return_if_fail (PREHAB_IS_RUNNER (self));

  if (self->state != PREHAB_RUNNER_READY)
    return;

  if (self->steps->len == 0)
    {
      finish (self);
      return;
    }

  set_state (self, PREHAB_RUNNER_RUNNING);
  enter_step (self, 0, self->clock (self->clock_data));
  emit_pace_changes (self);
}

void
prehab_runner_pause (PrehabRunner *self)
{
  g_return_if_fail (PREHAB_IS_RUNNER (self));

  if (self->state != PREHAB_RUNNER_RUNNING)
    return;

  /* Whatever ended before the pause still counts as done. */
  prehab_runner_update (self);
  if (self->state != PREHAB_RUNNER_RUNNING)
    return;

  self->paused_at = self->clock (self->clock_data);
  set_state (self, PREHAB_RUNNER_PAUSED);
}

void
prehab_runner_resume (PrehabRunner *self)
{
  g_return_if_fail (PREHAB_IS_RUNNER (self));

  if (self->state != PREHAB_RUNNER_PAUSED)
    return;

  self->step_start += self->clock (self->clock_data) - self->paused_at;
  set_state (self, PREHAB_RUNNER_RUNNING);
}

/**
 * prehab_runner_skip:
 * @self: a runner
 *
 * Leaves the current step where it is and starts the next one; what was
 * done of the step so far still counts. Skipping the last step finishes.
 */
void
prehab_runner_skip (PrehabRunner *self)
{
  gint64 now;

  g_return_if_fail (PREHAB_IS_RUNNER (self));

  if (self->state != PREHAB_RUNNER_RUNNING && self->state != PREHAB_RUNNER_PAUSED)
    return;

  prehab_runner_update (self);
  if (self->state == PREHAB_RUNNER_FINISHED)
    return;

  now = self->clock (self->clock_data);
  record_progress (self, current_elapsed (self, now));

  if (self->position + 1 >= self->steps->len)
    {
      finish (self);
      return;
    }

  enter_step (self, self->position + 1, now);
  emit_pace_changes (self);
}

/**
 * prehab_runner_back:
 * @self: a runner
 *
 * Restarts the current step, or goes to the previous one when the current
 * step began less than %PREHAB_RUNNER_BACK_RESTART_S ago.
 */
void
prehab_runner_back (PrehabRunner *self)
{
  gint64 now, elapsed;

  g_return_if_fail (PREHAB_IS_RUNNER (self));

  if (self->state != PREHAB_RUNNER_RUNNING && self->state != PREHAB_RUNNER_PAUSED)
    return;

  prehab_runner_update (self);
  if (self->state == PREHAB_RUNNER_FINISHED)
    return;

  now = self->clock (self->clock_data);
  elapsed = current_elapsed (self, now);
  record_progress (self, elapsed);

  if (elapsed >= PREHAB_RUNNER_BACK_RESTART_S * USEC_PER_S || self->position == 0)
    enter_step (self, self->position, now);
  else
    enter_step (self, self->position - 1, now);
  emit_pace_changes (self);
}

/**
 * prehab_runner_update:
 * @self: a runner
 *
 * Reads the clock and moves on past every step that has run its time,
 * emitting the signals of each change. Call it on every frame or tick.
 */
void
prehab_runner_update (PrehabRunner *self)
{
  gint64 now;

  g_return_if_fail (PREHAB_IS_RUNNER (self));

  if (self->state != PREHAB_RUNNER_RUNNING)
    return;

  now = self->clock (self->clock_data);
  for (;;)
    {
      const PrehabRunnerStep *step = prehab_runner_get_current_step (self);
      gint64 duration = step_duration (step);
      gint64 elapsed = now - self->step_start;

      record_progress (self, elapsed);
      if (elapsed < duration)
        break;

      if (self->position + 1 >= self->steps->len)
        {
          finish (self);
          return;
        }

      /* Carry the overshoot into the next step so time never drifts. */
      enter_step (self, self->position + 1, self->step_start + duration);
      if (self->state != PREHAB_RUNNER_RUNNING)
        return;
    }

  emit_pace_changes (self);
}

PrehabRunnerState
prehab_runner_get_state (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), PREHAB_RUNNER_READY);

  return self->state;
}

guint
prehab_runner_get_position (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  return self->position;
}

/**
 * prehab_runner_get_current_step:
 * @self: a runner
 *
 * Returns: (nullable): the step running or paused, the first step before
 *   the start, %NULL when finished or empty
 */
const PrehabRunnerStep *
prehab_runner_get_current_step (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), NULL);

  if (self->state == PREHAB_RUNNER_FINISHED || self->steps->len == 0)
    return NULL;

  return &g_array_index (self->steps, PrehabRunnerStep, self->position);
}

const PrehabRunnerStep *
prehab_runner_get_next_step (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), NULL);

  if (self->state == PREHAB_RUNNER_FINISHED || self->position + 1 >= self->steps->len)
    return NULL;

  return &g_array_index (self->steps, PrehabRunnerStep, self->position + 1);
}

/* Microseconds into the current step. */
gint64
prehab_runner_get_step_elapsed (PrehabRunner *self)
{
  const PrehabRunnerStep *step;

  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  step = prehab_runner_get_current_step (self);
  if (step == NULL)
    return 0;

  return MIN (current_elapsed (self, self->clock (self->clock_data)), step_duration (step));
}

/* Microseconds left of the current step. */
gint64
prehab_runner_get_step_remaining (PrehabRunner *self)
{
  const PrehabRunnerStep *step;

  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  step = prehab_runner_get_current_step (self);
  if (step == NULL)
    return 0;

  return step_duration (step) - prehab_runner_get_step_elapsed (self);
}

/* The rep under way, 1-based; 0 outside reps. */
int
prehab_runner_get_rep (PrehabRunner *self)
{
  const PrehabRunnerStep *step;
  double fraction;
  int rep;

  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  step = prehab_runner_get_current_step (self);
  if (step == NULL)
    return 0;

  pace_at (step, prehab_runner_get_step_elapsed (self), &rep, &fraction);
  return rep;
}

/**
 * prehab_runner_get_pace:
 * @self: a runner
 * @fraction: (out) (optional): how far through that part of the rep, 0–1
 *
 * Returns: the part of the rep under way
 */
PrehabPace
prehab_runner_get_pace (PrehabRunner *self,
                        double       *fraction)
{
  const PrehabRunnerStep *step;
  PrehabPace pace = PREHAB_PACE_NONE;
  double f = 0.0;
  int rep;

  g_return_val_if_fail (PREHAB_IS_RUNNER (self), PREHAB_PACE_NONE);

  step = prehab_runner_get_current_step (self);
  if (step != NULL)
    pace = pace_at (step, prehab_runner_get_step_elapsed (self), &rep, &f);
  if (fraction != NULL)
    *fraction = f;

  return pace;
}

int
prehab_runner_get_total_s (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  return self->total_s;
}

/* Microseconds left of the whole session if nothing is skipped. */
gint64
prehab_runner_get_remaining (PrehabRunner *self)
{
  gint64 remaining;

  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0);

  if (self->state == PREHAB_RUNNER_FINISHED)
    return 0;
  if (self->state == PREHAB_RUNNER_READY)
    return (gint64) self->total_s * USEC_PER_S;

  remaining = prehab_runner_get_step_remaining (self);
  for (guint i = self->position + 1; i < self->steps->len; i++)
    remaining += step_duration (&g_array_index (self->steps, PrehabRunnerStep, i));

  return remaining;
}

/* How far through the session, 0–1, by time. */
double
prehab_runner_get_progress (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), 0.0);

  if (self->total_s == 0)
    return self->state == PREHAB_RUNNER_FINISHED ? 1.0 : 0.0;

  return 1.0 - (double) prehab_runner_get_remaining (self) / ((gint64) self->total_s * USEC_PER_S);
}

/* Whole reps, or whole seconds of timed work, in @done µs of @step. */
static int
units_done (const PrehabRunnerStep *step,
            gint64                  done)
{
  if (done >= step_duration (step))
    return step->reps > 0 ? step->reps : step->duration_s;
  if (step->reps > 0)
    return (int) (done / rep_duration (step));

  return (int) (done / USEC_PER_S);
}

/**
 * prehab_runner_get_done:
 * @self: a runner
 * @item: index of the exercise
 * @done: (out caller-allocates): what was done
 *
 * Counts what was done of one exercise. Sets are the sets done in full;
 * reps and seconds are totals over every set, counted on both sides of a
 * per-side exercise only as far as the lesser side went. A rep counts
 * once its whole time has run; a skipped rest or get-ready costs nothing.
 *
 * Returns: %TRUE when every set of the exercise was done in full
 */
gboolean
prehab_runner_get_done (PrehabRunner *self,
                        guint         item,
                        PrehabDose   *done)
{
  const PrehabDose *planned;
  gboolean all = TRUE;
  int sets = 0, units = 0;

  g_return_val_if_fail (PREHAB_IS_RUNNER (self), FALSE);
  g_return_val_if_fail (item < self->doses->len, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  planned = &g_array_index (self->doses, PrehabDose, item);
  *done = (PrehabDose) { .per_side = planned->per_side,
                         .tempo_out_s = planned->tempo_out_s,
                         .tempo_back_s = planned->tempo_back_s,
                         .rest_s = planned->rest_s };

  for (int set = 1; set <= MAX (planned->sets, 1); set++)
    {
      gboolean set_done = TRUE;
      int set_units = G_MAXINT;

      for (guint i = 0; i < self->steps->len; i++)
        {
          const PrehabRunnerStep *step = &g_array_index (self->steps, PrehabRunnerStep, i);

          if (step->kind != PREHAB_STEP_WORK || step->item != item || step->set != set)
            continue;

          set_units = MIN (set_units, units_done (step, self->progress[i]));
          if (self->progress[i] < step_duration (step))
            set_done = FALSE;
        }

      if (set_units == G_MAXINT)
        set_units = 0;
      units += set_units;
      if (set_done)
        sets++;
      else
        all = FALSE;
    }

  done->sets = sets;
  if (planned->reps > 0)
    {
      done->reps = units;
      done->hold_s = units > 0 ? planned->hold_s : 0;
    }
  else
    {
      done->duration_s = units;
    }

  return all;
}

/* Whether any exercise has work done: a session worth recording. */
gboolean
prehab_runner_get_any_done (PrehabRunner *self)
{
  g_return_val_if_fail (PREHAB_IS_RUNNER (self), FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    {
      const PrehabRunnerStep *step = &g_array_index (self->steps, PrehabRunnerStep, i);

      if (step->kind == PREHAB_STEP_WORK && units_done (step, self->progress[i]) > 0)
        return TRUE;
    }

  return FALSE;
}
