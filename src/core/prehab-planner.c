/* prehab-planner.c
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

#define G_LOG_DOMAIN "prehab-planner"

#include "config.h"

#include "prehab-planner.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "prehab-vocabulary.h"

/* How the rules of PLANNER.md read as code. The planner replays the
 * program day by day from the start date, so that the phase and the step
 * of the ladder on any day follow from the history up to that day alone:
 * `prehab status --date D` and the calendar agree with what was shown on
 * D, as long as nothing was back-filled since.
 *
 * The ladder: each phase owns the program weeks that carry its phase, in
 * order (desensitize: week 1; mobilize: weeks 2–3; strengthen: weeks 4–8),
 * and a step is one of those weeks' session templates. The content changes
 * one variable per exercise from one strengthen week to the next (2 × 8,
 * 2 × 10, 2 × 12, 3 × 12, then the harder variant), so stepping up the
 * ladder is the progression of PLANNER.md. A step up needs a week on the
 * step below (the 10–20 % weekly volume limit); a step down is one week's
 * template back, or the previous phase from a phase's first step. */

#define GREEN_MAX            PREHAB_PAIN_GREEN_MAX
#define AMBER_MAX            PREHAB_PAIN_AMBER_MAX
#define SETTLED_MAX_RISE     ((double) PREHAB_SETTLED_MAX_RISE)
#define UNSETTLED_RISE       ((double) PREHAB_UNSETTLED_RISE)
#define MIN_DAYS_IN_WINDOW   3
#define DAYS_PER_STEP        7
#define GAP_DAYS             PREHAB_GAP_DAYS
#define RESTART_FRACTION     (PREHAB_RESTART_PERCENT / 100.0)
#define SWAP_DAYS            PREHAB_SWAP_DAYS
#define DESENSITIZE_MIN_DAYS PREHAB_DESENSITIZE_MIN_DAYS
#define MOBILITY_MIN_DAYS    PREHAB_MOBILITY_MIN_DAYS
#define STRENGTH_ADHERENCE   (PREHAB_STRENGTH_ADHERENCE_PERCENT / 100.0)
#define HOLD_ADHERENCE       (2.0 / 3.0)
#define REVIEW_FIRST_DAY     (PREHAB_REVIEW_FIRST_WEEK * 7)  /* the end of week 4 */
#define REVIEW_LAST_DAY      (PREHAB_REVIEW_LAST_WEEK * 7)   /* the end of week 6 */
#define MAINTAIN_STRENGTH_PER_WEEK PREHAB_MAINTAIN_STRENGTH_PER_WEEK

/* Saved states (checkpoints): one at the end of every fourth program week,
 * never within CHECKPOINT_MARGIN days of the day decided, where entries
 * are often logged late and each would drop the state. */
#define CHECKPOINT_INTERVAL  28
#define CHECKPOINT_MARGIN    8
/* How far back the rules read from the day they decide: the worsening stop
 * compares the two 7-day windows ending 7 days back, so 20 days; adherence
 * reads 14, the trend 13, settled mornings and red days 7. Kept with a
 * margin. The baseline (the first 7 days), the last session before (gaps,
 * swaps) and the qualities not yet handled after a stop are loaded apart:
 * see prehab_planner_get_history_start(). */
#define HISTORY_LOOKBACK     28
/* Bump whenever a rule, the state or the meaning of its bits changes: a
 * state saved by another version is never resumed. */
#define STATE_VERSION        1

#define EXERCISE_QUALITIES (PREHAB_QUALITY_SHARP | PREHAB_QUALITY_BURNING | PREHAB_QUALITY_TINGLING)

typedef struct
{
  guint32              day;
  gboolean             training;
  PrehabSessionStatus  status;
  int                  pain_during;
  int                  pain_after;
  GStrv                completed;
} SessionRecord;

typedef enum
{
  ZONE_UNKNOWN,
  ZONE_GREEN,
  ZONE_AMBER,
  ZONE_RED,
} Zone;

typedef enum
{
  SETTLE_UNKNOWN,
  SETTLE_YES,
  SETTLE_SLOW,   /* more than 1 and less than 2 above */
  SETTLE_NO,     /* 2 or more above */
} Settle;

/* What one day of history holds, gathered once per replay. */
typedef struct
{
  double               morning_sum;
  int                  morning_n;
  double               all_sum;
  int                  all_n;
  int                  exercise_pain;     /* highest during/after rating, -1 none */
  guint                exercise_qualities;
  guint                flags;             /* warning signs logged that day */
  guint                late_flags;        /* those logged after the clearance, on its day */
  gboolean             numbness;          /* numbness with exercise */
  gboolean             late_numbness;
  const SessionRecord *session;           /* done or partial, NULL otherwise */
} DayInfo;

/* The state carried from one day to the next. */
typedef struct
{
  PrehabPhase  phase;
  guint        rung;
  int          phase_start;       /* day index */
  int          last_step;         /* day index of the last change of step or phase */
  int          green_run;         /* green, settled sessions since the last step */
  int          slow_amber_days;   /* amber sessions that settled slowly, since the last step */
  int          mobility_days;
  int          last_regress;      /* day index, -1 none */
  int          last_trend_regress;
  int          worsening_stop;    /* day index, -1 none */
  int          qualities_seen;    /* day index up to which qualities were handled */
  guint        flags;             /* warning signs since the start … */
  guint        flags_since_clear; /* … and since the clearance */
  gboolean     numbness;
  gboolean     numbness_since_clear;
  GHashTable  *swaps;             /* exercise id → GINT_TO_POINTER (last day index + 1) */
} Replay;

struct _PrehabPlanner
{
  GObject              parent_instance;

  const PrehabProgram *program;
  GHashTable          *exercises;       /* id → PrehabExercise */
  gint64               enrollment_id;
  guint32              start_day;
  guint                training_days;
  GHashTable          *equipment;       /* set of ids */
  guint                onboarding_flags;
  guint32              flags_day;
  int                  flags_minute;
  guint32              cleared_day;     /* 0: never cleared */
  int                  cleared_minute;

  GArray              *readings;        /* of PrehabReading */
  GArray              *sessions;        /* of SessionRecord */
  GHashTable          *session_days;    /* day → index in sessions + 1 */

  /* Ladders: indexes of the program weeks of each phase. */
  GArray              *ladder[PREHAB_PHASE_MAINTAIN + 1];

  char                *stamp;           /* what a saved state depends on */
  gboolean             resumed;
  guint32              resume_day;      /* the last day @resume has seen */
  Replay               resume;
  GPtrArray           *captured;        /* of PrehabPlannerCheckpoint */
};

G_DEFINE_FINAL_TYPE (PrehabPlanner, prehab_planner, G_TYPE_OBJECT)

/* The working of one day's decision. */
typedef struct
{
  PrehabDecision  decision;
  PrehabAlert     alert;
  GPtrArray      *reasons;        /* NULL during a silent replay */
  gboolean        training;
  gboolean        restart;
  gboolean        stopped;
  GPtrArray      *omitted;        /* reasons about left-out exercises */
} Verdict;

static void
reason (Verdict    *verdict,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
reason (Verdict    *verdict,
        const char *format,
        ...)
{
  va_list args;

  if (verdict->reasons == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (verdict->reasons, g_strdup_vprintf (format, args));
  va_end (args);
}

const char *
prehab_decision_to_id (PrehabDecision decision)
{
  static const char * const ids[] = { "start", "advance", "hold", "regress", "stop" };

  g_return_val_if_fail (decision <= PREHAB_DECISION_STOP, NULL);

  return ids[decision];
}

const char *
prehab_decision_label (PrehabDecision decision)
{
  switch (decision)
    {
    case PREHAB_DECISION_START:
      /* Translators: the planner's decision for the first day */
      return _("Start");
    case PREHAB_DECISION_ADVANCE:
      /* Translators: the planner's decision: a step up */
      return _("Step up");
    case PREHAB_DECISION_HOLD:
      /* Translators: the planner's decision: same doses as before */
      return _("Keep steady");
    case PREHAB_DECISION_REGRESS:
      /* Translators: the planner's decision: a step back */
      return _("Ease off");
    case PREHAB_DECISION_STOP:
      /* Translators: the planner's decision: pause and see a clinician */
      return _("Pause and get checked");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
prehab_plan_free (PrehabPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->reasons, g_ptr_array_unref);
  g_clear_pointer (&plan->items, g_array_unref);
  g_free (plan->focus);
  g_free (plan);
}

static void
plan_item_clear (gpointer data)
{
  PrehabPlanItem *item = data;

  g_clear_pointer (&item->exercise_id, g_free);
  g_clear_pointer (&item->replaces, g_free);
  g_clear_pointer (&item->cue, g_free);
}

static void
session_record_clear (gpointer data)
{
  SessionRecord *record = data;

  g_clear_pointer (&record->completed, g_strfreev);
}

/* Helpers ------------------------------------------------------------------ */

static double
meaningful_change (double reference)
{
  /* PLANNER.md: 2 points or 30 %, whichever is smaller, with a floor of one
   * point so that a drift from 0.2 to 0.4 is not a change. */
  return MAX (1.0, MIN ((double) PREHAB_MEANINGFUL_CHANGE_POINTS,
                        PREHAB_MEANINGFUL_CHANGE_PERCENT / 100.0 * reference));
}

static Zone
zone_of (int pain)
{
  if (pain < 0)
    return ZONE_UNKNOWN;
  if (pain <= GREEN_MAX)
    return ZONE_GREEN;
  if (pain <= AMBER_MAX)
    return ZONE_AMBER;
  return ZONE_RED;
}

static gboolean
morning_of (const DayInfo *days,
            int            index,
            double        *value)
{
  if (index < 0 || days[index].morning_n == 0)
    return FALSE;

  *value = days[index].morning_sum / days[index].morning_n;
  return TRUE;
}

static gboolean
day_mean (const DayInfo *days,
          int            index,
          double        *value)
{
  if (index < 0 || days[index].all_n == 0)
    return FALSE;

  *value = days[index].all_sum / days[index].all_n;
  return TRUE;
}

/* The mean of the daily means of days [first, last]; FALSE with fewer than
 * MIN_DAYS_IN_WINDOW days that have ratings. */
static gboolean
window_mean (const DayInfo *days,
             int            first,
             int            last,
             double        *value)
{
  double sum = 0;
  int n = 0;

  for (int i = MAX (first, 0); i <= last; i++)
    {
      double mean;

      if (day_mean (days, i, &mean))
        {
          sum += mean;
          n++;
        }
    }

  if (n < MIN_DAYS_IN_WINDOW)
    return FALSE;

  *value = sum / n;
  return TRUE;
}

/* Baseline: mean morning pain over the program's first 7 days (those up to
 * @index), else every rating of those days. */
static gboolean
baseline_at (const DayInfo *days,
             int            index,
             double        *value)
{
  double morning_sum = 0, all_sum = 0;
  int morning_n = 0, all_n = 0;

  for (int i = 0; i <= MIN (index, 6); i++)
    {
      morning_sum += days[i].morning_sum;
      morning_n += days[i].morning_n;
      all_sum += days[i].all_sum;
      all_n += days[i].all_n;
    }

  if (morning_n > 0)
    *value = morning_sum / morning_n;
  else if (all_n > 0)
    *value = all_sum / all_n;
  else
    return FALSE;

  return TRUE;
}

typedef enum
{
  TREND_UNKNOWN,
  TREND_FALLING,
  TREND_FLAT,
  TREND_RISING,
} Trend;

static Trend
trend_at (const DayInfo *days,
          int            index,
          double        *last_week)
{
  double last, before;

  if (!window_mean (days, index - 6, index, &last) ||
      !window_mean (days, index - 13, index - 7, &before))
    return TREND_UNKNOWN;

  if (last_week != NULL)
    *last_week = last;

  if (last - before >= meaningful_change (before))
    return TREND_RISING;
  if (before - last >= meaningful_change (before))
    return TREND_FALLING;
  return TREND_FLAT;
}

/* How the morning of day @index compares with the one before it (or the
 * baseline when that is missing). */
static Settle
settle_at (const DayInfo *days,
           int            index,
           gboolean       have_baseline,
           double         baseline)
{
  double morning, before;

  if (index < 1 || !morning_of (days, index, &morning))
    return SETTLE_UNKNOWN;

  if (!morning_of (days, index - 1, &before))
    {
      if (!have_baseline)
        return SETTLE_UNKNOWN;
      before = baseline;
    }

  if (morning - before >= UNSETTLED_RISE)
    return SETTLE_NO;
  if (morning - before > SETTLED_MAX_RISE)
    return SETTLE_SLOW;
  return SETTLE_YES;
}

/* Completed planned sessions over planned sessions in the 14 days before
 * @index; a partial session counts half. FALSE with fewer than 3 days. */
static gboolean
adherence_at (const DayInfo *days,
              int            index,
              double        *value)
{
  int first = MAX (0, index - 14);
  double done = 0;

  if (index - first < 3)
    return FALSE;

  for (int i = first; i < index; i++)
    if (days[i].session != NULL)
      done += days[i].session->status == PREHAB_SESSION_DONE ? 1.0 : 0.5;

  *value = done / (index - first);
  return TRUE;
}

static gboolean
has_red_day (const DayInfo *days,
             int            first,
             int            last)
{
  for (int i = MAX (first, 0); i <= last; i++)
    if (zone_of (days[i].exercise_pain) == ZONE_RED)
      return TRUE;

  return FALSE;
}

static gboolean
has_unsettled_morning (const DayInfo *days,
                       int            first,
                       int            last,
                       gboolean       have_baseline,
                       double         baseline)
{
  for (int i = MAX (first, 1); i <= last; i++)
    {
      Settle settle = settle_at (days, i, have_baseline, baseline);

      if (settle == SETTLE_NO || settle == SETTLE_SLOW)
        return TRUE;
    }

  return FALSE;
}

static PrehabExercise *
lookup_exercise (PrehabPlanner *self,
                 const char    *id)
{
  return id != NULL ? g_hash_table_lookup (self->exercises, id) : NULL;
}

static gboolean
is_strength (PrehabExercise *exercise)
{
  return g_strcmp0 (prehab_exercise_get_category (exercise), "strength") == 0;
}

static const char *
exercise_name (PrehabPlanner *self,
               const char    *id)
{
  PrehabExercise *exercise = lookup_exercise (self, id);

  return exercise != NULL ? prehab_exercise_get_name (exercise) : id;
}

/* Whether the person has what @exercise needs: every required item, or one
 * of each group of alternatives. */
static gboolean
has_equipment_for (PrehabPlanner  *self,
                   PrehabExercise *exercise)
{
  guint n = prehab_exercise_get_n_equipment (exercise);
  g_autoptr (GHashTable) groups_met = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) groups_seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      const PrehabEquipmentUse *use = prehab_exercise_get_equipment (exercise, i);
      gboolean have = g_hash_table_contains (self->equipment, use->id);

      if (use->optional)
        continue;

      if (use->alt_group == 0)
        {
          if (!have)
            return FALSE;
          continue;
        }

      g_hash_table_add (groups_seen, GINT_TO_POINTER (use->alt_group));
      if (have)
        g_hash_table_add (groups_met, GINT_TO_POINTER (use->alt_group));
    }

  return g_hash_table_size (groups_met) == g_hash_table_size (groups_seen);
}

static char *
dup_missing_equipment (PrehabExercise *exercise)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint n = prehab_exercise_get_n_equipment (exercise);

  for (guint i = 0; i < n; i++)
    {
      const PrehabEquipmentUse *use = prehab_exercise_get_equipment (exercise, i);

      if (!use->optional)
        g_ptr_array_add (names, use->name);
    }
  g_ptr_array_add (names, NULL);

  /* Translators: separator in a list of equipment */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/* The closest variant of @id the person can do: @id itself, else its
 * easier variants, else its harder ones, breadth first. */
static const char *
doable_variant (PrehabPlanner *self,
                const char    *id,
                gboolean       easier_only)
{
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_add (queue, (gpointer) id);
  g_hash_table_add (seen, (gpointer) id);

  for (guint i = 0; i < queue->len; i++)
    {
      PrehabExercise *exercise = lookup_exercise (self, queue->pdata[i]);
      const char * const *easier;
      const char * const *harder;

      if (exercise == NULL)
        continue;

      if ((i > 0 || !easier_only) && has_equipment_for (self, exercise))
        return prehab_exercise_get_id (exercise);

      easier = prehab_exercise_get_easier (exercise);
      for (guint j = 0; easier != NULL && easier[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) easier[j]))
          g_ptr_array_add (queue, (gpointer) easier[j]);

      if (easier_only)
        continue;

      harder = prehab_exercise_get_harder (exercise);
      for (guint j = 0; harder != NULL && harder[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) harder[j]))
          g_ptr_array_add (queue, (gpointer) harder[j]);
    }

  return NULL;
}

static gboolean
is_training_day (PrehabPlanner *self,
                 guint32        day)
{
  return (self->training_days & (1u << prehab_day_weekday (day))) != 0;
}

/* The flags reported up to the end of @day that no clearance known on
 * @day covers. */
static gboolean
clearance_covers (PrehabPlanner *self,
                  guint32        as_of_day,
                  guint32        day,
                  int            minute)
{
  if (self->cleared_day == 0 || self->cleared_day > as_of_day)
    return FALSE;

  return day < self->cleared_day ||
         (day == self->cleared_day && minute <= self->cleared_minute);
}

static const PrehabProgramWeek *
template_week (PrehabPlanner *self,
               PrehabPhase    phase,
               guint          rung,
               int            index)
{
  GArray *ladder = self->ladder[phase == PREHAB_PHASE_MAINTAIN ? PREHAB_PHASE_STRENGTHEN : phase];
  guint calendar = MIN ((guint) index / 7, self->program->n_weeks - 1);

  if (ladder->len == 0)
    return &self->program->weeks[calendar];

  return &self->program->weeks[g_array_index (ladder, guint, MIN (rung, ladder->len - 1))];
}

static guint
ladder_top (PrehabPlanner *self,
            PrehabPhase    phase)
{
  GArray *ladder = self->ladder[phase == PREHAB_PHASE_MAINTAIN ? PREHAB_PHASE_STRENGTHEN : phase];

  return ladder->len > 0 ? ladder->len - 1 : 0;
}

/* Building the day's history ---------------------------------------------- */

static int
compare_readings (gconstpointer a,
                  gconstpointer b)
{
  const PrehabReading *ra = a, *rb = b;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  return ra->minute - rb->minute;
}

static DayInfo *
gather_days (PrehabPlanner *self,
             guint          n_days)
{
  DayInfo *days = g_new0 (DayInfo, n_days);

  for (guint i = 0; i < n_days; i++)
    days[i].exercise_pain = -1;

  for (guint i = 0; i < self->readings->len; i++)
    {
      const PrehabReading *reading = &g_array_index (self->readings, PrehabReading, i);
      DayInfo *info;

      if (reading->day < self->start_day || reading->day - self->start_day >= n_days)
        continue;

      info = &days[reading->day - self->start_day];
      info->flags |= reading->flags;
      if (reading->day == self->cleared_day && reading->minute > self->cleared_minute)
        info->late_flags |= reading->flags;
      info->all_sum += reading->pain;
      info->all_n++;
      if (reading->context == PREHAB_CONTEXT_MORNING)
        {
          info->morning_sum += reading->pain;
          info->morning_n++;
        }
      if (reading->context == PREHAB_CONTEXT_DURING || reading->context == PREHAB_CONTEXT_AFTER ||
          reading->with_session)
        {
          info->exercise_pain = MAX (info->exercise_pain, reading->pain);
          info->exercise_qualities |= reading->qualities;
          if ((reading->qualities & PREHAB_QUALITY_NUMBNESS) != 0)
            {
              info->numbness = TRUE;
              if (reading->day == self->cleared_day && reading->minute > self->cleared_minute)
                info->late_numbness = TRUE;
            }
        }
    }

  for (guint i = 0; i < self->sessions->len; i++)
    {
      const SessionRecord *record = &g_array_index (self->sessions, SessionRecord, i);
      DayInfo *info;

      if (record->day < self->start_day || record->day - self->start_day >= n_days ||
          (record->status != PREHAB_SESSION_DONE && record->status != PREHAB_SESSION_PARTIAL))
        continue;

      info = &days[record->day - self->start_day];
      info->session = record;
      info->exercise_pain = MAX (info->exercise_pain, MAX (record->pain_during, record->pain_after));
    }

  return days;
}

/* The decision of one day ------------------------------------------------- */

static void
step_back (PrehabPlanner *self,
           Replay        *replay,
           int            index)
{
  if (replay->rung > 0)
    replay->rung--;
  else if (replay->phase == PREHAB_PHASE_MOBILIZE || replay->phase == PREHAB_PHASE_STRENGTHEN)
    {
      replay->phase--;
      replay->rung = ladder_top (self, replay->phase);
      replay->phase_start = index;
    }

  replay->last_step = index;
  replay->last_regress = index;
  replay->green_run = 0;
  replay->slow_amber_days = 0;
}

static void
change_phase (Replay      *replay,
              PrehabPhase  phase,
              int          index)
{
  replay->phase = phase;
  if (phase != PREHAB_PHASE_MAINTAIN)
    replay->rung = 0;
  replay->phase_start = index;
  replay->last_step = index;
  replay->green_run = 0;
  replay->slow_amber_days = 0;
}

static void
check_stop (PrehabPlanner *self,
            Replay        *replay,
            const DayInfo *days,
            int            index,
            Verdict       *verdict)
{
  guint32 day = self->start_day + index;
  gboolean cleared = self->cleared_day != 0 && self->cleared_day <= day;
  guint flags;
  gboolean numbness;

  /* Running totals: everything since the start, and since the clearance. */
  replay->flags |= days[index].flags;
  replay->numbness |= days[index].numbness;
  if (day == self->cleared_day)
    {
      replay->flags_since_clear = days[index].late_flags;
      replay->numbness_since_clear = days[index].late_numbness;
    }
  else
    {
      replay->flags_since_clear |= days[index].flags;
      replay->numbness_since_clear |= days[index].numbness;
    }

  flags = cleared ? replay->flags_since_clear : replay->flags;
  numbness = cleared ? replay->numbness_since_clear : replay->numbness;

  if (self->onboarding_flags != 0 && self->flags_day <= day &&
      !clearance_covers (self, day, self->flags_day, self->flags_minute))
    flags |= self->onboarding_flags;

  if (flags != 0)
    {
      gboolean emergency = FALSE;

      for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
        if ((flags & (1u << i)) != 0 && prehab_red_flags[i].tier == PREHAB_RED_FLAG_EMERGENCY)
          emergency = TRUE;

      verdict->stopped = TRUE;
      verdict->alert = MAX (verdict->alert,
                            emergency ? PREHAB_ALERT_EMERGENCY : PREHAB_ALERT_SEE_DOCTOR);
      if (emergency)
        reason (verdict, "%s", _("You reported a warning sign that needs help right away: call your local emergency number now and do not exercise."));
      else
        reason (verdict, "%s", _("You reported a warning sign a doctor should check: book an appointment in the next few days."));

      for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
        if ((flags & (1u << i)) != 0)
          /* Translators: %s is a warning sign, e.g. "Fever, chills or night sweats" */
          reason (verdict, _("Warning sign: %s."), _(prehab_red_flags[i].label));
    }

  if (numbness)
    {
      verdict->stopped = TRUE;
      verdict->alert = MAX (verdict->alert, PREHAB_ALERT_CLINICIAN);
      reason (verdict, "%s", _("You felt numbness with exercise. New numbness or weakness needs a clinician's check before you go on."));
    }

  /* Worse two weeks running although the plan already stepped back. After
   * a clearance both weeks of the rise must come after it: the clinician
   * has seen the rise before, and the stop would otherwise come back the
   * day after the clearance from the same ratings. */
  if (replay->worsening_stop < 0 && index >= 21 &&
      (!cleared || index - 13 > (int) self->cleared_day - (int) self->start_day) &&
      replay->last_regress >= 0 &&
      replay->last_regress >= index - 14 &&
      trend_at (days, index, NULL) == TREND_RISING &&
      trend_at (days, index - 7, NULL) == TREND_RISING)
    replay->worsening_stop = index;

  if (replay->worsening_stop >= 0 &&
      !clearance_covers (self, day, self->start_day + replay->worsening_stop, 0))
    {
      verdict->stopped = TRUE;
      verdict->alert = MAX (verdict->alert, PREHAB_ALERT_CLINICIAN);
      reason (verdict, "%s", _("Your weekly pain went up by a meaningful amount two weeks running, even after the plan eased off. Please see a clinician before you go on."));
    }
  else if (replay->worsening_stop >= 0)
    replay->worsening_stop = -1;

  if (verdict->stopped)
    reason (verdict, "%s", _("Strength work is paused until you confirm that a clinician cleared you. Gentle breathing and mobility stay in the plan if they feel fine."));
}

static void
check_review (const DayInfo *days,
              int            index,
              gboolean       have_baseline,
              double         baseline,
              Verdict       *verdict)
{
  double last_week;
  Trend trend;

  if (index < REVIEW_FIRST_DAY || !have_baseline || baseline <= 1.0)
    return;

  trend = trend_at (days, index, &last_week);
  if (!window_mean (days, index - 6, index, &last_week))
    return;

  if (baseline - last_week >= meaningful_change (baseline))
    return;

  /* From the end of week 4 the review is suggested unless pain is clearly
   * on its way down; from the end of week 6 it is suggested regardless. */
  if (index < REVIEW_LAST_DAY && trend == TREND_FALLING)
    return;

  verdict->alert = MAX (verdict->alert, PREHAB_ALERT_REVIEW);
  /* No improvement can also mean worse: say which. */
  if (last_week - baseline >= meaningful_change (baseline))
    reason (verdict,
            _("Your pain is higher than when you started (%.1f then, %.1f over the last week). The plan goes on, but a check with a physiotherapist or doctor is a good idea."),
            baseline, last_week);
  else
    reason (verdict,
            _("Your pain has not changed much since you started (%.1f then, %.1f over the last week). The plan goes on, but a check with a physiotherapist or doctor is a good idea."),
            baseline, last_week);
}

/* Records what the sessions of the past day taught: the green run, mobility
 * days and slow-settling amber days. */
static void
learn_from_yesterday (Replay        *replay,
                      const DayInfo *days,
                      int            index,
                      Zone           zone,
                      Settle         settle)
{
  const DayInfo *yesterday = &days[index - 1];

  if (yesterday->session == NULL)
    return;

  if (replay->phase == PREHAB_PHASE_DESENSITIZE || replay->phase == PREHAB_PHASE_MOBILIZE)
    replay->mobility_days++;

  if (zone == ZONE_GREEN && settle != SETTLE_NO && settle != SETTLE_SLOW)
    replay->green_run++;
  else
    replay->green_run = 0;

  if (zone == ZONE_AMBER && settle == SETTLE_SLOW)
    replay->slow_amber_days++;
}

static void
swap_for_qualities (PrehabPlanner *self,
                    Replay        *replay,
                    const DayInfo *days,
                    int            index,
                    Verdict       *verdict)
{
  for (int i = MAX (replay->qualities_seen + 1, 0); i <= index; i++)
    {
      const SessionRecord *session = NULL;
      guint qualities = days[i].exercise_qualities & EXERCISE_QUALITIES;

      if (qualities == 0)
        continue;

      /* The exercises of that day's session, else the last one before. */
      for (int j = i; j >= 0 && session == NULL; j--)
        session = days[j].session;
      if (session == NULL)
        continue;

      for (guint k = 0; session->completed != NULL && session->completed[k] != NULL; k++)
        {
          const char *id = session->completed[k];
          const char *easier = doable_variant (self, id, TRUE);

          if (easier == NULL)
            continue;

          if (!g_hash_table_contains (replay->swaps, id))
            reason (verdict, _("You felt sharp, burning or tingling pain with exercise, so %s makes way for the easier %s this week."),
                    exercise_name (self, id), exercise_name (self, easier));
          g_hash_table_insert (replay->swaps, g_strdup (id), GINT_TO_POINTER (i + SWAP_DAYS + 1));
          verdict->decision = PREHAB_DECISION_REGRESS;
        }
    }

  replay->qualities_seen = index;
}

static int
last_session_before (const DayInfo *days,
                     int            index)
{
  for (int i = index - 1; i >= 0; i--)
    if (days[i].session != NULL)
      return i;

  return -1;
}

static int
strength_sessions_this_week (const DayInfo *days,
                             int            index)
{
  int first = index - index % 7;
  int n = 0;

  for (int i = first; i < index; i++)
    if (days[i].session != NULL && days[i].session->training)
      n++;

  return n;
}

static void
decide_day (PrehabPlanner *self,
            Replay        *replay,
            const DayInfo *days,
            int            index,
            Verdict       *verdict)
{
  int program_days = (int) self->program->n_weeks * 7;
  double baseline = -1, adherence = 1, last_week = 0;
  gboolean have_baseline, have_adherence;
  Zone zone = ZONE_UNKNOWN;
  Settle settle = SETTLE_UNKNOWN;
  Trend trend;
  int last_session;
  gboolean transitioned = FALSE;
  gboolean hold = FALSE;

  verdict->decision = index == 0 ? PREHAB_DECISION_START : PREHAB_DECISION_HOLD;

  have_baseline = baseline_at (days, index, &baseline);
  have_adherence = adherence_at (days, index, &adherence);
  trend = trend_at (days, index, &last_week);

  /* Expired swaps go back to the program's exercise. */
  {
    GHashTableIter iter;
    gpointer until;

    g_hash_table_iter_init (&iter, replay->swaps);
    while (g_hash_table_iter_next (&iter, NULL, &until))
      if (GPOINTER_TO_INT (until) <= index)
        g_hash_table_iter_remove (&iter);
  }

  if (index > 0)
    {
      zone = days[index - 1].session != NULL || days[index - 1].exercise_pain >= 0
             ? zone_of (days[index - 1].exercise_pain) : ZONE_UNKNOWN;
      settle = settle_at (days, index, have_baseline, baseline);
      learn_from_yesterday (replay, days, index, zone, settle);
    }

  /* Maintain follows strengthen: a person still on the way there after
   * week 8 keeps climbing the ladder, so that strength work starts light
   * and only once the rules for it are met. */
  if (index >= program_days && replay->phase == PREHAB_PHASE_STRENGTHEN)
    {
      change_phase (replay, PREHAB_PHASE_MAINTAIN, index);
      verdict->decision = PREHAB_DECISION_ADVANCE;
      reason (verdict, "%s", _("The eight weeks are done. Keep your mobility routine every day and strength work twice a week."));
      transitioned = TRUE;
    }

  /* 1. Stop. */
  check_stop (self, replay, days, index, verdict);
  if (verdict->stopped)
    {
      verdict->decision = PREHAB_DECISION_STOP;
      return;
    }

  /* 2. Review suggested: the plan goes on. */
  check_review (days, index, have_baseline, baseline, verdict);

  if (index == 0)
    {
      reason (verdict, "%s", _("Welcome. The first days are gentle: slow breathing and easy movement, a little every day."));
      return;
    }

  /* 3. Regress. */
  swap_for_qualities (self, replay, days, index, verdict);

  if (zone == ZONE_RED)
    {
      reason (verdict, _("Pain with yesterday's session reached %d out of 10, in the red zone (6 or more), so today's session is a step easier."),
              days[index - 1].exercise_pain);
      step_back (self, replay, index);
      verdict->decision = PREHAB_DECISION_REGRESS;
    }
  else if (settle == SETTLE_NO)
    {
      reason (verdict, "%s", _("This morning's pain is 2 or more points above the morning before, so today's session is a step easier."));
      step_back (self, replay, index);
      verdict->decision = PREHAB_DECISION_REGRESS;
    }
  else if (replay->slow_amber_days >= 2)
    {
      reason (verdict, "%s", _("Twice now, pain in the amber zone (4 or 5) was slow to settle by the next morning, so the plan goes back a step."));
      step_back (self, replay, index);
      verdict->decision = PREHAB_DECISION_REGRESS;
    }
  else if (trend == TREND_RISING && replay->last_trend_regress < index - 6)
    {
      reason (verdict, "%s", _("Your pain over the last week is up by a meaningful amount on the week before, so the plan goes back a step."));
      step_back (self, replay, index);
      replay->last_trend_regress = index;
      verdict->decision = PREHAB_DECISION_REGRESS;
    }

  last_session = last_session_before (days, index);
  if (last_session >= 0 && index - last_session - 1 >= GAP_DAYS)
    {
      reason (verdict,
              ngettext ("It has been %d day since your last session, so today restarts at about 80%% of your last doses.",
                        "It has been %d days since your last session, so today restarts at about 80%% of your last doses.",
                        index - last_session - 1),
              index - last_session - 1);
      verdict->restart = TRUE;
      verdict->decision = PREHAB_DECISION_REGRESS;
    }

  if (verdict->decision == PREHAB_DECISION_REGRESS)
    {
      reason (verdict, "%s", _("Easing off never means resting: keep your mobility work and movement breaks going."));
      return;
    }

  /* 4. Hold. */
  if (zone == ZONE_AMBER)
    {
      reason (verdict, _("Pain with yesterday's session reached %d out of 10, in the amber zone (4 or 5). That is fine when it settles by the next morning; the doses stay the same."),
              days[index - 1].exercise_pain);
      hold = TRUE;
    }

  if (have_adherence && adherence < HOLD_ADHERENCE)
    {
      reason (verdict, _("You did %.0f%% of the planned sessions in the last two weeks. The plan moves on once you are doing at least two out of three."),
              adherence * 100);
      hold = TRUE;
    }

  if (trend == TREND_FLAT && have_baseline && last_week > baseline)
    {
      reason (verdict, _("Your pain over the last week (%.1f) is steady but above where you started (%.1f), so the doses stay the same."),
              last_week, baseline);
      hold = TRUE;
    }

  if (transitioned)
    return;

  if (hold)
    {
      verdict->decision = PREHAB_DECISION_HOLD;
      return;
    }

  /* 5. Advance. */
  if (replay->phase == PREHAB_PHASE_DESENSITIZE)
    {
      if (index - replay->phase_start >= DESENSITIZE_MIN_DAYS &&
          !has_red_day (days, index - 3, index - 1) &&
          !has_unsettled_morning (days, index - 2, index, have_baseline, baseline))
        {
          change_phase (replay, PREHAB_PHASE_MOBILIZE, index);
          verdict->decision = PREHAB_DECISION_ADVANCE;
          reason (verdict, "%s", _("Your first days went well: no pain in the red zone and settled mornings. Time to get your mid back moving more."));
          return;
        }
    }
  else if (replay->phase == PREHAB_PHASE_MOBILIZE &&
           replay->mobility_days >= MOBILITY_MIN_DAYS &&
           (!have_adherence || adherence >= STRENGTH_ADHERENCE) &&
           !has_red_day (days, index - 7, index - 1) &&
           !has_unsettled_morning (days, index - 6, index, have_baseline, baseline) &&
           trend != TREND_RISING)
    {
      change_phase (replay, PREHAB_PHASE_STRENGTHEN, index);
      verdict->decision = PREHAB_DECISION_ADVANCE;
      reason (verdict, "%s", _("Ten days of mobility work done, steady sessions and settled mornings: strength work starts today, light, on your training days. You don't need to be pain-free for this."));
      return;
    }

  if (replay->phase != PREHAB_PHASE_DESENSITIZE &&
      replay->green_run >= 2 &&
      index - replay->last_step >= DAYS_PER_STEP &&
      trend != TREND_RISING &&
      replay->rung < ladder_top (self, replay->phase))
    {
      replay->rung++;
      replay->last_step = index;
      replay->green_run = 0;
      replay->slow_amber_days = 0;
      verdict->decision = PREHAB_DECISION_ADVANCE;
      reason (verdict, "%s", _("Your last two sessions stayed in the green zone (3 or less) and your mornings settled, so the session steps up by one thing at a time."));
      return;
    }

  /* 6. Otherwise hold. */
    {
      verdict->decision = PREHAB_DECISION_HOLD;
      if (replay->phase == PREHAB_PHASE_DESENSITIZE)
        reason (verdict, "%s", _("Keep the gentle routine going. The plan moves on after at least five days with calm mornings and no pain above 5."));
      else if (replay->phase == PREHAB_PHASE_MOBILIZE && replay->mobility_days < MOBILITY_MIN_DAYS)
        reason (verdict,
                ngettext ("Keep up the mobility work: %d more day of it before strength work can start.",
                          "Keep up the mobility work: %d more days of it before strength work can start.",
                          MOBILITY_MIN_DAYS - replay->mobility_days),
                MOBILITY_MIN_DAYS - replay->mobility_days);
      else
        reason (verdict, "%s", _("Same doses as before. The session steps up after a week on them, when two sessions in a row stay green and your mornings settle."));
    }
}

/* The day's session ------------------------------------------------------- */

static int
scaled (int value)
{
  return value > 0 ? MAX (1, (int) lround (value * RESTART_FRACTION)) : 0;
}

/* About 80 % of @dose after a gap. Reps and hold multiply, so scaling both
 * would leave 64 % (and 10 × 3 s becomes 8 × 2 s, 53 %): scale the one
 * variable whose rounding lands closest to 80 %, reps first on a tie. */
static void
restart_dose (PrehabDose *dose)
{
  int *variables[] = { &dose->reps, &dose->hold_s, &dose->duration_s };
  int *best = NULL;
  double best_miss = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      int value = *variables[i];
      double miss;

      if (value <= 0)
        continue;

      miss = fabs ((double) scaled (value) / value - RESTART_FRACTION);
      if (miss < best_miss)
        {
          best = variables[i];
          best_miss = miss;
        }
    }

  if (best != NULL)
    *best = scaled (*best);
}

static GArray *
build_session (PrehabPlanner *self,
               Replay        *replay,
               int            index,
               Verdict       *verdict,
               char         **focus)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (PrehabPlanItem));
  g_autoptr (GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  const PrehabProgramWeek *week = template_week (self, replay->phase, replay->rung, index);
  g_autoptr (GArray) source = g_array_new (FALSE, FALSE, sizeof (PrehabProgramItem));

  g_array_set_clear_func (items, plan_item_clear);

  /* Items are borrowed from the program. A strength day is the training
   * template, then the daily posture work: PLANNER.md keeps posture work
   * and movement breaks every day. */
  if (verdict->training && week->training->len > 0)
    {
      g_array_append_vals (source, week->training->data, week->training->len);
      for (guint i = 0; i < week->daily->len; i++)
        {
          const PrehabProgramItem *daily = &g_array_index (week->daily, PrehabProgramItem, i);
          PrehabExercise *exercise = lookup_exercise (self, daily->exercise_id);

          if (exercise != NULL &&
              g_strcmp0 (prehab_exercise_get_category (exercise), "posture") == 0)
            g_array_append_val (source, *daily);
        }
    }
  else
    g_array_append_vals (source, week->daily->data, week->daily->len);

  if (focus != NULL)
    *focus = g_strdup (week->focus);

  for (guint i = 0; i < source->len; i++)
    {
      const PrehabProgramItem *template = &g_array_index (source, PrehabProgramItem, i);
      PrehabExercise *exercise = lookup_exercise (self, template->exercise_id);
      PrehabPlanItem item = { 0 };
      const char *chosen = template->exercise_id;
      PrehabExercise *chosen_exercise;
      gboolean swapped = FALSE;

      if (exercise == NULL)
        continue;

      if (g_hash_table_contains (replay->swaps, template->exercise_id))
        {
          const char *easier = doable_variant (self, template->exercise_id, TRUE);

          if (easier != NULL)
            {
              chosen = easier;
              swapped = TRUE;
            }
        }

      if (!swapped && !has_equipment_for (self, exercise))
        {
          chosen = doable_variant (self, template->exercise_id, FALSE);
          /* A harder variant can be strength work (the thread the needle's
           * is the active rotation at the wall): it never stands in for
           * mobility, or strength would land on days that have none. */
          if (chosen != NULL && !is_strength (exercise) &&
              is_strength (lookup_exercise (self, chosen)))
            chosen = NULL;
          if (chosen == NULL)
            {
              g_autofree char *needs = dup_missing_equipment (exercise);

              if (verdict->omitted != NULL)
                g_ptr_array_add (verdict->omitted,
                                 /* Translators: an exercise left out of today's session */
                                 g_strdup_printf (_("%s is left out: it needs %s, and no other version fits what you have."),
                                                  prehab_exercise_get_name (exercise), needs));
              continue;
            }
        }

      if (!g_hash_table_add (added, (gpointer) chosen))
        continue;

      chosen_exercise = lookup_exercise (self, chosen);
      item.exercise_id = g_strdup (chosen);
      item.strength = is_strength (chosen_exercise);

      /* A stand-in for missing equipment says why, as a left-out one does. */
      if (!swapped && chosen_exercise != exercise && verdict->omitted != NULL)
        {
          g_autofree char *needs = dup_missing_equipment (exercise);

          g_ptr_array_add (verdict->omitted,
                           /* Translators: an exercise of the program replaced by another
                            * one, e.g. "Seated thoracic mobilization over a chair takes
                            * the place of Mid-back foam rolling, which needs Foam roller." */
                           g_strdup_printf (_("%s takes the place of %s, which needs %s."),
                                            prehab_exercise_get_name (chosen_exercise),
                                            prehab_exercise_get_name (exercise), needs));
        }

      if (g_strcmp0 (chosen, template->exercise_id) == 0)
        item.dose = template->dose;
      else
        {
          /* A variant keeps the program's sets and reps where it counts
           * the same things; otherwise it brings its own dose. */
          const PrehabDose *own = prehab_exercise_get_dose (chosen_exercise);

          item.dose = *own;
          if (own->reps > 0 && template->dose.reps > 0)
            {
              item.dose.sets = template->dose.sets;
              item.dose.reps = template->dose.reps;
            }
          item.replaces = g_strdup (template->exercise_id);
          if (swapped)
            {
              const char * const *cues = prehab_exercise_get_cues (chosen_exercise);

              if (cues != NULL && cues[0] != NULL)
                item.cue = g_strdup (cues[0]);
            }
        }

      if (verdict->restart)
        restart_dose (&item.dose);

      g_array_append_val (items, item);
    }

  return items;
}

static gboolean
decide_training (PrehabPlanner *self,
                 Replay        *replay,
                 const DayInfo *days,
                 int            index,
                 gboolean       stopped)
{
  if (stopped)
    return FALSE;
  if (replay->phase != PREHAB_PHASE_STRENGTHEN && replay->phase != PREHAB_PHASE_MAINTAIN)
    return FALSE;
  if (!is_training_day (self, self->start_day + index))
    return FALSE;

  /* Never two strength days running. */
  if (index > 0 && days[index - 1].session != NULL && days[index - 1].session->training)
    return FALSE;

  if (replay->phase == PREHAB_PHASE_MAINTAIN &&
      strength_sessions_this_week (days, index) >= MAINTAIN_STRENGTH_PER_WEEK)
    return FALSE;

  return TRUE;
}

/* The replay -------------------------------------------------------------- */

static void
replay_init (Replay *replay)
{
  *replay = (Replay) { 0 };
  replay->phase = PREHAB_PHASE_DESENSITIZE;
  replay->rung = 0;
  replay->phase_start = 0;
  replay->last_step = 0;
  replay->green_run = 0;
  replay->slow_amber_days = 0;
  replay->mobility_days = 0;
  replay->last_regress = -1;
  replay->last_trend_regress = -1000;
  replay->worsening_stop = -1;
  replay->qualities_seen = -1;
  replay->swaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
replay_clear (Replay *replay)
{
  g_clear_pointer (&replay->swaps, g_hash_table_unref);
}

static void
replay_copy (Replay       *to,
             const Replay *from)
{
  GHashTableIter iter;
  gpointer id, until;

  *to = *from;
  to->swaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, from->swaps);
  while (g_hash_table_iter_next (&iter, &id, &until))
    g_hash_table_insert (to->swaps, g_strdup (id), until);
}

/* Saved states --------------------------------------------------------------
 *
 * A state is a JSON object of the Replay fields; day indexes are relative
 * to the start date, which the stamp covers. */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
state_to_string (const Replay *replay)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;
  const struct
  {
    const char *name;
    gint64      value;
  } fields[] = {
    { "phase", replay->phase },
    { "rung", replay->rung },
    { "phase_start", replay->phase_start },
    { "last_step", replay->last_step },
    { "green_run", replay->green_run },
    { "slow_amber_days", replay->slow_amber_days },
    { "mobility_days", replay->mobility_days },
    { "last_regress", replay->last_regress },
    { "last_trend_regress", replay->last_trend_regress },
    { "worsening_stop", replay->worsening_stop },
    { "qualities_seen", replay->qualities_seen },
    { "flags", replay->flags },
    { "flags_since_clear", replay->flags_since_clear },
    { "numbness", replay->numbness },
    { "numbness_since_clear", replay->numbness_since_clear },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      json_builder_add_int_value (builder, fields[i].value);
    }

  g_hash_table_iter_init (&iter, replay->swaps);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_sort (ids, compare_ids);
  json_builder_set_member_name (builder, "swaps");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      json_builder_set_member_name (builder, ids->pdata[i]);
      json_builder_add_int_value (builder,
                                  GPOINTER_TO_INT (g_hash_table_lookup (replay->swaps, ids->pdata[i])));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
read_int (JsonObject *object,
          const char *name,
          gint64      min,
          gint64      max,
          gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return *value >= min && *value <= max;
}

/* Reads a state saved at day index @index; FALSE when it is not one this
 * planner could have written. */
static gboolean
state_from_string (PrehabPlanner *self,
                   const char    *text,
                   int            index,
                   Replay        *replay)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object, *swaps;
  JsonNode *root;
  g_autoptr (GList) members = NULL;
  gint64 phase, rung, phase_start, last_step, green_run, slow_amber_days, mobility_days;
  gint64 last_regress, last_trend_regress, worsening_stop, qualities_seen;
  gint64 flags, flags_since_clear, numbness, numbness_since_clear;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);

  if (!read_int (object, "phase", PREHAB_PHASE_DESENSITIZE, PREHAB_PHASE_MAINTAIN, &phase) ||
      !read_int (object, "rung", 0, ladder_top (self, phase), &rung) ||
      !read_int (object, "phase_start", 0, index, &phase_start) ||
      !read_int (object, "last_step", 0, index, &last_step) ||
      !read_int (object, "green_run", 0, index, &green_run) ||
      !read_int (object, "slow_amber_days", 0, index, &slow_amber_days) ||
      !read_int (object, "mobility_days", 0, index, &mobility_days) ||
      !read_int (object, "last_regress", -1, index, &last_regress) ||
      !read_int (object, "last_trend_regress", -1000, index, &last_trend_regress) ||
      !read_int (object, "worsening_stop", -1, index, &worsening_stop) ||
      !read_int (object, "qualities_seen", -1, index, &qualities_seen) ||
      !read_int (object, "flags", 0, G_MAXUINT32, &flags) ||
      !read_int (object, "flags_since_clear", 0, G_MAXUINT32, &flags_since_clear) ||
      !read_int (object, "numbness", 0, 1, &numbness) ||
      !read_int (object, "numbness_since_clear", 0, 1, &numbness_since_clear))
    return FALSE;

  if (!json_object_has_member (object, "swaps") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "swaps")))
    return FALSE;
  swaps = json_object_get_object_member (object, "swaps");

  replay_init (replay);
  replay->phase = phase;
  replay->rung = rung;
  replay->phase_start = phase_start;
  replay->last_step = last_step;
  replay->green_run = green_run;
  replay->slow_amber_days = slow_amber_days;
  replay->mobility_days = mobility_days;
  replay->last_regress = last_regress;
  replay->last_trend_regress = last_trend_regress;
  replay->worsening_stop = worsening_stop;
  replay->qualities_seen = qualities_seen;
  replay->flags = flags;
  replay->flags_since_clear = flags_since_clear;
  replay->numbness = numbness;
  replay->numbness_since_clear = numbness_since_clear;

  members = json_object_get_members (swaps);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gint64 until;

      if (!read_int (swaps, l->data, 1, (gint64) index + SWAP_DAYS + 1, &until))
        {
          replay_clear (replay);
          return FALSE;
        }
      g_hash_table_insert (replay->swaps, g_strdup (l->data), GINT_TO_POINTER ((int) until));
    }

  return TRUE;
}

static gboolean
is_checkpoint_index (int index)
{
  return (index + 1) % CHECKPOINT_INTERVAL == 0;
}

/* Runs the planner to @last_day: from the start date, or from the day after
 * a resumed state. Fills @plan for the last day when given, and @calendar
 * with every day when given. Keeps the states of the checkpoint days it
 * passes that are far enough from @last_day. */
static void
run (PrehabPlanner *self,
     guint32        last_day,
     PrehabPlan    *plan,
     GArray        *calendar)
{
  guint n_days = last_day - self->start_day + 1;
  guint first = 0;
  g_autofree DayInfo *days = NULL;
  Replay replay;

  g_array_sort (self->readings, compare_readings);
  days = gather_days (self, n_days);

  g_ptr_array_set_size (self->captured, 0);
  if (self->resumed)
    {
      replay_copy (&replay, &self->resume);
      first = self->resume_day - self->start_day + 1;
    }
  else
    replay_init (&replay);

  for (guint index = first; index < n_days; index++)
    {
      gboolean last = index == n_days - 1;
      Verdict verdict = { 0 };
      PrehabPhase phase_from = replay.phase;

      if (last && plan != NULL)
        {
          verdict.reasons = g_ptr_array_new_with_free_func (g_free);
          verdict.omitted = g_ptr_array_new_with_free_func (g_free);
        }

      decide_day (self, &replay, days, index, &verdict);
      verdict.training = decide_training (self, &replay, days, index, verdict.stopped);

      if (calendar != NULL)
        {
          PrehabPlanDay entry = {
            self->start_day + index, replay.phase, verdict.decision, verdict.alert, verdict.training
          };
          g_array_append_val (calendar, entry);
        }

      if (is_checkpoint_index (index) && index + CHECKPOINT_MARGIN <= n_days - 1)
        {
          PrehabPlannerCheckpoint *checkpoint = g_new0 (PrehabPlannerCheckpoint, 1);

          checkpoint->day = self->start_day + index;
          checkpoint->state = state_to_string (&replay);
          g_ptr_array_add (self->captured, checkpoint);
        }

      if (last && plan != NULL)
        {
          double baseline;

          plan->enrollment_id = self->enrollment_id;
          plan->day = self->start_day + index;
          plan->day_index = index;
          plan->week = index / 7 + 1;
          plan->day_in_week = index % 7 + 1;
          plan->phase_from = phase_from;
          plan->phase = replay.phase;
          plan->decision = verdict.decision;
          plan->alert = verdict.alert;
          plan->see_clinician = verdict.alert != PREHAB_ALERT_NONE;
          plan->training = verdict.training;
          plan->baseline = baseline_at (days, index, &baseline) ? baseline : -1;
          plan->items = build_session (self, &replay, index, &verdict, &plan->focus);
          if (replay.phase == PREHAB_PHASE_MAINTAIN)
            {
              g_free (plan->focus);
              plan->focus = g_strdup (_("The eight weeks are done. Keep moving every day, and keep two strength sessions a week: that is what holds the gains."));
            }
          if (verdict.stopped && plan->phase == PREHAB_PHASE_STRENGTHEN)
            reason (&verdict, "%s", _("Today's session leaves strength work out."));
          for (guint i = 0; i < verdict.omitted->len; i++)
            g_ptr_array_add (verdict.reasons, g_strdup (verdict.omitted->pdata[i]));
          plan->reasons = g_steal_pointer (&verdict.reasons);
        }

      g_clear_pointer (&verdict.reasons, g_ptr_array_unref);
      g_clear_pointer (&verdict.omitted, g_ptr_array_unref);
    }

  replay_clear (&replay);
}

/* GObject ----------------------------------------------------------------- */

static void
prehab_planner_finalize (GObject *object)
{
  PrehabPlanner *self = PREHAB_PLANNER (object);

  g_clear_pointer (&self->exercises, g_hash_table_unref);
  g_clear_pointer (&self->equipment, g_hash_table_unref);
  g_clear_pointer (&self->readings, g_array_unref);
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->session_days, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->ladder); i++)
    g_clear_pointer (&self->ladder[i], g_array_unref);
  g_clear_pointer (&self->stamp, g_free);
  if (self->resumed)
    replay_clear (&self->resume);
  g_clear_pointer (&self->captured, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_planner_parent_class)->finalize (object);
}

static void
prehab_planner_class_init (PrehabPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prehab_planner_finalize;
}

static void
prehab_planner_init (PrehabPlanner *self)
{
  self->exercises = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->equipment = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->readings = g_array_new (FALSE, TRUE, sizeof (PrehabReading));
  self->sessions = g_array_new (FALSE, TRUE, sizeof (SessionRecord));
  g_array_set_clear_func (self->sessions, session_record_clear);
  self->session_days = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->ladder); i++)
    self->ladder[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  self->captured = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_planner_checkpoint_free);
}

/* Public API -------------------------------------------------------------- */

/* What a saved state depends on besides the history: the rules (their
 * version), the vocabulary behind its bits, the enrollment, the ladders of
 * the program and the exercises' variants and equipment (the swaps). The
 * doses and texts only shape the day's session, never the carried state.
 * A state is only resumed by a planner with the same stamp, so a new
 * Prehab, a changed catalog or a changed enrollment never picks up a state
 * the history did not lead to. */
static void
add_int (GChecksum *checksum,
         gint64     value)
{
  g_checksum_update (checksum, (const guchar *) &value, sizeof value);
}

static void
add_text (GChecksum  *checksum,
          const char *text)
{
  /* With its terminating NUL, so that "ab" + "c" differs from "a" + "bc". */
  g_checksum_update (checksum, (const guchar *) (text != NULL ? text : ""),
                     text != NULL ? strlen (text) + 1 : 1);
}

static void
add_strv (GChecksum          *checksum,
          const char * const *strv)
{
  guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;

  add_int (checksum, n);
  for (guint i = 0; i < n; i++)
    add_text (checksum, strv[i]);
}

static char *
dup_stamp (PrehabPlanner *self)
{
  const PrehabProgram *program = self->program;
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GHashTableIter iter;
  gpointer key;
  guint n;

  add_int (checksum, STATE_VERSION);
  for (n = 0; prehab_red_flags[n].id != NULL; n++)
    {
      add_text (checksum, prehab_red_flags[n].id);
      add_int (checksum, prehab_red_flags[n].tier);
    }
  add_int (checksum, n);

  add_int (checksum, self->enrollment_id);
  add_int (checksum, self->start_day);
  add_int (checksum, self->training_days);
  add_int (checksum, self->onboarding_flags);
  add_int (checksum, self->flags_day);
  add_int (checksum, self->flags_minute);
  add_int (checksum, self->cleared_day);
  add_int (checksum, self->cleared_minute);
  g_hash_table_iter_init (&iter, self->equipment);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, compare_ids);
  add_int (checksum, ids->len);
  for (guint i = 0; i < ids->len; i++)
    add_text (checksum, ids->pdata[i]);

  /* The ladders. */
  add_text (checksum, program->id);
  add_int (checksum, program->n_weeks);
  for (guint i = 0; i < program->n_weeks; i++)
    add_int (checksum, program->weeks[i].phase);

  g_ptr_array_set_size (ids, 0);
  g_hash_table_iter_init (&iter, self->exercises);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, compare_ids);
  add_int (checksum, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      PrehabExercise *exercise = g_hash_table_lookup (self->exercises, ids->pdata[i]);

      add_text (checksum, ids->pdata[i]);
      add_strv (checksum, prehab_exercise_get_easier (exercise));
      add_strv (checksum, prehab_exercise_get_harder (exercise));
      n = prehab_exercise_get_n_equipment (exercise);
      add_int (checksum, n);
      for (guint j = 0; j < n; j++)
        {
          const PrehabEquipmentUse *use = prehab_exercise_get_equipment (exercise, j);

          add_text (checksum, use->id);
          add_int (checksum, use->alt_group);
          add_int (checksum, use->optional);
        }
    }

  return g_strdup_printf ("%d:%s", STATE_VERSION, g_checksum_get_string (checksum));
}

/**
 * prehab_planner_new:
 * @program: the program; it must outlive the planner
 * @exercises: every exercise (a list of #PrehabExercise)
 * @enrollment: the person's start date, training days, equipment and
 *   safety answers
 *
 * Returns: (transfer full): a planner with no history yet
 */
PrehabPlanner *
prehab_planner_new (const PrehabProgram    *program,
                    GListModel             *exercises,
                    const PrehabEnrollment *enrollment)
{
  PrehabPlanner *self;
  guint n;

  g_return_val_if_fail (program != NULL && program->n_weeks > 0, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (exercises), NULL);
  g_return_val_if_fail (enrollment != NULL, NULL);

  self = g_object_new (PREHAB_TYPE_PLANNER, NULL);
  self->program = program;
  self->enrollment_id = enrollment->id;
  self->start_day = prehab_date_to_day (enrollment->start_date);
  self->training_days = enrollment->training_days;
  g_return_val_if_fail (self->start_day != 0, self);

  n = g_list_model_get_n_items (exercises);
  for (guint i = 0; i < n; i++)
    {
      PrehabExercise *exercise = g_list_model_get_item (exercises, i);

      g_hash_table_insert (self->exercises, (gpointer) prehab_exercise_get_id (exercise), exercise);
    }

  for (guint i = 0; enrollment->equipment != NULL && enrollment->equipment[i] != NULL; i++)
    g_hash_table_add (self->equipment, g_strdup (enrollment->equipment[i]));

  for (guint i = 0; enrollment->flags != NULL && enrollment->flags[i] != NULL; i++)
    for (guint j = 0; prehab_red_flags[j].id != NULL; j++)
      if (g_str_equal (prehab_red_flags[j].id, enrollment->flags[i]))
        self->onboarding_flags |= 1u << j;

  if (self->onboarding_flags != 0 &&
      !prehab_parse_time (enrollment->flags_reported_at, &self->flags_day, &self->flags_minute))
    {
      self->flags_day = self->start_day;
      self->flags_minute = 0;
    }
  /* Flags answered before the start date count from the start. */
  if (self->flags_day < self->start_day)
    {
      self->flags_day = self->start_day;
      self->flags_minute = 0;
    }

  if (enrollment->cleared_at == NULL ||
      !prehab_parse_time (enrollment->cleared_at, &self->cleared_day, &self->cleared_minute))
    self->cleared_day = 0;

  for (guint i = 0; i < program->n_weeks; i++)
    {
      guint week = i;
      g_array_append_val (self->ladder[program->weeks[i].phase], week);
    }

  return self;
}

/**
 * prehab_planner_add_reading:
 * @self: a planner
 * @reading: a pain rating
 *
 * Adds a rating to the history. Order does not matter.
 */
void
prehab_planner_add_reading (PrehabPlanner       *self,
                            const PrehabReading *reading)
{
  g_return_if_fail (PREHAB_IS_PLANNER (self));
  g_return_if_fail (reading != NULL);
  g_return_if_fail (reading->pain >= 0 && reading->pain <= 10);

  g_array_append_val (self->readings, *reading);
}

/**
 * prehab_planner_add_session:
 * @self: a planner
 * @day: the Julian day of the session
 * @training: whether it was a strength session
 * @status: done, partial or skipped
 * @pain_during: 0–10, or -1 when not rated
 * @pain_after: 0–10, or -1 when not rated
 * @completed: (nullable): ids of the exercises done
 *
 * Adds a session to the history. One per day: a later one replaces it.
 */
void
prehab_planner_add_session (PrehabPlanner       *self,
                            guint32              day,
                            gboolean             training,
                            PrehabSessionStatus  status,
                            int                  pain_during,
                            int                  pain_after,
                            const char * const  *completed)
{
  SessionRecord record = { day, training, status, pain_during, pain_after, NULL };
  guint index;

  g_return_if_fail (PREHAB_IS_PLANNER (self));

  record.completed = g_strdupv ((char **) completed);

  /* A second record of the same day replaces the first, in place. */
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->session_days, GUINT_TO_POINTER (day)));
  if (index > 0)
    {
      session_record_clear (&g_array_index (self->sessions, SessionRecord, index - 1));
      g_array_index (self->sessions, SessionRecord, index - 1) = record;
      return;
    }

  g_array_append_val (self->sessions, record);
  g_hash_table_insert (self->session_days, GUINT_TO_POINTER (day),
                       GUINT_TO_POINTER (self->sessions->len));
}

guint32
prehab_planner_get_start_day (PrehabPlanner *self)
{
  g_return_val_if_fail (PREHAB_IS_PLANNER (self), 0);

  return self->start_day;
}

/**
 * prehab_planner_decide:
 * @self: a planner
 * @day: the Julian day to decide, not before the start (and after the
 *   day of the state when the planner was resumed)
 *
 * Returns: (transfer full): the day's phase, decision, reasons and session
 */
PrehabPlan *
prehab_planner_decide (PrehabPlanner *self,
                       guint32        day)
{
  PrehabPlan *plan;

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), NULL);
  g_return_val_if_fail (day >= self->start_day, NULL);
  g_return_val_if_fail (!self->resumed || day > self->resume_day, NULL);

  plan = g_new0 (PrehabPlan, 1);
  run (self, day, plan, NULL);
  return plan;
}

/**
 * prehab_planner_replay:
 * @self: a planner
 * @last_day: the Julian day to stop at, not before the start
 *
 * Replays from the start date, so not on a planner that was resumed.
 *
 * Returns: (transfer full) (element-type PrehabPlanDay): what the planner
 *   decided on each day from the start to @last_day
 */
GArray *
prehab_planner_replay (PrehabPlanner *self,
                       guint32        last_day)
{
  GArray *calendar;

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), NULL);
  g_return_val_if_fail (last_day >= self->start_day, NULL);
  /* Every day from the start needs the whole history. */
  g_return_val_if_fail (!self->resumed, NULL);

  calendar = g_array_sized_new (FALSE, TRUE, sizeof (PrehabPlanDay), last_day - self->start_day + 1);
  run (self, last_day, NULL, calendar);
  return calendar;
}

/* The program's plan for a day ahead: the phase of its week, and whether
 * it is a strength day when no two strength days run back to back. */
static gboolean
planned_training (PrehabPlanner *self,
                  guint32        day,
                  PrehabPhase    phase)
{
  gboolean training = FALSE;

  if (phase != PREHAB_PHASE_STRENGTHEN && phase != PREHAB_PHASE_MAINTAIN)
    return FALSE;

  /* A week back is enough to settle a run of consecutive training days. */
  for (guint32 d = day - MIN (day - self->start_day, 7); d <= day; d++)
    training = is_training_day (self, d) && !training;

  return training;
}

static PrehabPhase
planned_phase (PrehabPlanner *self,
               guint32        day)
{
  guint week = (day - self->start_day) / 7;

  if (week >= self->program->n_weeks)
    return PREHAB_PHASE_MAINTAIN;

  return self->program->weeks[week].phase;
}

/**
 * prehab_planner_preview_day:
 * @self: a planner
 * @day: a Julian day, not before the start
 *
 * Returns: what the program plans for @day (phase and strength day), as
 *   the calendar shows it for days still to come
 */
PrehabPlanDay
prehab_planner_preview_day (PrehabPlanner *self,
                            guint32        day)
{
  PrehabPlanDay preview = { day, PREHAB_PHASE_DESENSITIZE, PREHAB_DECISION_HOLD, PREHAB_ALERT_NONE, FALSE };

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), preview);
  g_return_val_if_fail (day >= self->start_day, preview);

  preview.phase = planned_phase (self, day);
  preview.training = planned_training (self, day, preview.phase);
  return preview;
}

/**
 * prehab_planner_preview:
 * @self: a planner
 * @day: a Julian day, not before the start
 *
 * The program's plan for a day ahead, before the planner has seen how that
 * day's morning went: the phase and session of its week.
 *
 * Returns: (transfer full): the planned day
 */
PrehabPlan *
prehab_planner_preview (PrehabPlanner *self,
                        guint32        day)
{
  PrehabPlan *plan;
  PrehabPlanDay preview;
  Replay replay;
  Verdict verdict = { 0 };
  int index;
  guint week;

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), NULL);
  g_return_val_if_fail (day >= self->start_day, NULL);

  preview = prehab_planner_preview_day (self, day);
  index = day - self->start_day;
  week = MIN ((guint) index / 7, self->program->n_weeks - 1);

  replay_init (&replay);
  replay.phase = preview.phase;
  /* The rung of the calendar week within its phase's ladder. */
  {
    GArray *ladder = self->ladder[preview.phase == PREHAB_PHASE_MAINTAIN ? PREHAB_PHASE_STRENGTHEN
                                                                          : preview.phase];
    for (guint i = 0; i < ladder->len; i++)
      if (g_array_index (ladder, guint, i) <= week)
        replay.rung = i;
  }

  verdict.training = preview.training;
  verdict.reasons = g_ptr_array_new_with_free_func (g_free);
  verdict.omitted = g_ptr_array_new_with_free_func (g_free);

  plan = g_new0 (PrehabPlan, 1);
  plan->enrollment_id = self->enrollment_id;
  plan->day = day;
  plan->day_index = index;
  plan->week = index / 7 + 1;
  plan->day_in_week = index % 7 + 1;
  plan->phase_from = preview.phase;
  plan->phase = preview.phase;
  plan->decision = PREHAB_DECISION_HOLD;
  plan->alert = PREHAB_ALERT_NONE;
  plan->training = preview.training;
  plan->baseline = -1;
  plan->items = build_session (self, &replay, index, &verdict, &plan->focus);
  reason (&verdict, "%s", _("This is the program's plan for the day. On the day, the planner adjusts it to how you are doing."));
  for (guint i = 0; i < verdict.omitted->len; i++)
    g_ptr_array_add (verdict.reasons, g_strdup (verdict.omitted->pdata[i]));
  plan->reasons = g_steal_pointer (&verdict.reasons);

  g_ptr_array_unref (verdict.omitted);
  replay_clear (&replay);
  return plan;
}

/* Saved states ------------------------------------------------------------- */

void
prehab_planner_checkpoint_free (PrehabPlannerCheckpoint *checkpoint)
{
  if (checkpoint == NULL)
    return;

  g_free (checkpoint->state);
  g_free (checkpoint);
}

/**
 * prehab_planner_get_stamp:
 * @self: a planner
 *
 * Returns: what a saved state of this planner depends on besides the
 *   history (the version of the rules, the enrollment, the program and the
 *   exercises), as text to keep beside the state
 */
const char *
prehab_planner_get_stamp (PrehabPlanner *self)
{
  g_return_val_if_fail (PREHAB_IS_PLANNER (self), NULL);

  if (self->stamp == NULL)
    self->stamp = dup_stamp (self);

  return self->stamp;
}

/**
 * prehab_planner_resume:
 * @self: a planner with no history yet
 * @day: the last day @state has seen
 * @stamp: the stamp of the planner that saved @state
 * @state: a state from prehab_planner_take_checkpoints(), saved on the
 *   same history up to @day
 *
 * Makes the next decision start from @state on the day after @day instead
 * of from the start date. The planner then needs only the history from
 * prehab_planner_get_history_start(), the first 7 days' ratings and the
 * last session before; prehab_planner_replay() cannot be used.
 *
 * Returns: %TRUE when @state was read; %FALSE (and nothing changed) when
 *   @stamp is not this planner's or @state is not one it could have written
 */
gboolean
prehab_planner_resume (PrehabPlanner *self,
                       guint32        day,
                       const char    *stamp,
                       const char    *state)
{
  Replay replay;

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (!self->resumed, FALSE);

  if (g_strcmp0 (stamp, prehab_planner_get_stamp (self)) != 0 ||
      day < self->start_day || day - self->start_day >= G_MAXINT / 2 ||
      !is_checkpoint_index (day - self->start_day) ||
      !state_from_string (self, state, day - self->start_day, &replay))
    return FALSE;

  self->resume = replay;
  self->resume_day = day;
  self->resumed = TRUE;
  return TRUE;
}

/**
 * prehab_planner_get_resume_day:
 * @self: a planner
 *
 * Returns: the day of the state the planner was resumed from, 0 when it
 *   replays from the start date
 */
guint32
prehab_planner_get_resume_day (PrehabPlanner *self)
{
  g_return_val_if_fail (PREHAB_IS_PLANNER (self), 0);

  return self->resumed ? self->resume_day : 0;
}

/**
 * prehab_planner_get_history_start:
 * @self: a planner
 *
 * The first day from which the planner needs every rating and session: the
 * start date, or after prehab_planner_resume() the earlier of
 * %HISTORY_LOOKBACK days before the first day it replays (the furthest
 * back a rule reads) and the first day whose pain qualities it has not
 * handled yet (a stop defers them). A resumed planner also needs the
 * ratings of the program's first 7 days (the baseline) and the last day
 * before this one with a session done or partly done (gaps and swaps look
 * back to it), whatever their age.
 *
 * Returns: a Julian day
 */
guint32
prehab_planner_get_history_start (PrehabPlanner *self)
{
  int first;

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), 0);

  if (!self->resumed)
    return self->start_day;

  first = (int) (self->resume_day - self->start_day) + 1;
  first = MIN (first - HISTORY_LOOKBACK, self->resume.qualities_seen + 1);
  return self->start_day + MAX (first, 0);
}

/**
 * prehab_planner_is_checkpoint_day:
 * @self: a planner
 * @day: a Julian day
 *
 * Returns: whether the planner saves its state at the end of @day (the
 *   last day of every fourth program week)
 */
gboolean
prehab_planner_is_checkpoint_day (PrehabPlanner *self,
                                  guint32        day)
{
  g_return_val_if_fail (PREHAB_IS_PLANNER (self), FALSE);

  return day >= self->start_day && is_checkpoint_index (day - self->start_day);
}

/**
 * prehab_planner_take_checkpoints:
 * @self: a planner
 *
 * The states the last decision or replay passed on checkpoint days after
 * the resumed one, up to 8 days before the day it decided: recent days are
 * left out because entries are often logged a day or two late, and each
 * would drop a newer state.
 *
 * Returns: (transfer full) (element-type PrehabPlannerCheckpoint): the
 *   states, oldest first
 */
GPtrArray *
prehab_planner_take_checkpoints (PrehabPlanner *self)
{
  GPtrArray *captured;

  g_return_val_if_fail (PREHAB_IS_PLANNER (self), NULL);

  captured = g_steal_pointer (&self->captured);
  self->captured = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_planner_checkpoint_free);
  return captured;
}
