/* prehab-planner.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-journal.h"
#include "prehab-program.h"

G_BEGIN_DECLS

/* The planner of PLANNER.md as a pure computation: it is handed the
 * program, the exercises, the enrollment and the history, and answers what
 * to do on a day. It does no I/O; prehab-schedule.c feeds it from the store.
 *
 * Days are GDate Julian day numbers. A decision for day D sees the pain
 * entries logged up to the end of D and the sessions done before D: today's
 * morning rating can settle yesterday's session, and a session counts once,
 * on the day after it was done. */

/* The planner's thresholds, public so that the help ("How the plan
 * adapts") states the numbers the planner uses. Pain is rated 0–10. */
#define PREHAB_PAIN_GREEN_MAX                 3   /* during or after exercise */
#define PREHAB_PAIN_AMBER_MAX                 5   /* above it: red */
#define PREHAB_SETTLED_MAX_RISE               1   /* next morning, points above the one before */
#define PREHAB_UNSETTLED_RISE                 2   /* this many above: step back at once */
#define PREHAB_MEANINGFUL_CHANGE_POINTS       2   /* or … */
#define PREHAB_MEANINGFUL_CHANGE_PERCENT      30  /* … this share, whichever is smaller */
#define PREHAB_DESENSITIZE_MIN_DAYS           5
#define PREHAB_MOBILITY_MIN_DAYS              10
#define PREHAB_STRENGTH_ADHERENCE_PERCENT     80  /* of the last 14 days' sessions */
#define PREHAB_GAP_DAYS                       7   /* without a session: restart lighter */
#define PREHAB_RESTART_PERCENT                80  /* of the last doses */
#define PREHAB_SWAP_DAYS                      7   /* an easier variant after sharp pain */
#define PREHAB_REVIEW_FIRST_WEEK              4
#define PREHAB_REVIEW_LAST_WEEK               6
#define PREHAB_MAINTAIN_STRENGTH_PER_WEEK     2

typedef enum
{
  PREHAB_DECISION_START,
  PREHAB_DECISION_ADVANCE,
  PREHAB_DECISION_HOLD,
  PREHAB_DECISION_REGRESS,
  PREHAB_DECISION_STOP,
} PrehabDecision;

const char *prehab_decision_to_id (PrehabDecision decision);
const char *prehab_decision_label (PrehabDecision decision);

/* How urgently a clinician should look: anything above NONE sets
 * see_clinician. */
typedef enum
{
  PREHAB_ALERT_NONE,
  PREHAB_ALERT_REVIEW,       /* no meaningful change: suggest a check */
  PREHAB_ALERT_CLINICIAN,    /* stop: worsening or new numbness; see a clinician */
  PREHAB_ALERT_SEE_DOCTOR,   /* stop: a see-a-doctor-soon red flag */
  PREHAB_ALERT_EMERGENCY,    /* stop: an emergency red flag */
} PrehabAlert;

typedef enum
{
  PREHAB_CONTEXT_MORNING,
  PREHAB_CONTEXT_EVENING,
  PREHAB_CONTEXT_DURING,
  PREHAB_CONTEXT_AFTER,
  PREHAB_CONTEXT_OTHER,
} PrehabContext;

typedef enum
{
  PREHAB_QUALITY_ACHE      = 1 << 0,
  PREHAB_QUALITY_STIFFNESS = 1 << 1,
  PREHAB_QUALITY_SHARP     = 1 << 2,
  PREHAB_QUALITY_BURNING   = 1 << 3,
  PREHAB_QUALITY_TINGLING  = 1 << 4,
  PREHAB_QUALITY_NUMBNESS  = 1 << 5,
} PrehabQuality;

/* One pain rating as the planner sees it. */
typedef struct
{
  guint32        day;
  int            minute;     /* minutes after midnight */
  PrehabContext  context;
  int            pain;       /* 0–10 */
  guint          qualities;  /* PrehabQuality bits */
  guint          flags;      /* bit i: prehab_red_flags[i] */
  gboolean       with_session; /* linked to a session */
} PrehabReading;

typedef struct
{
  char       *exercise_id;
  PrehabDose  dose;
  gboolean    strength;
  char       *replaces;   /* the exercise of the program it stands in for, or NULL */
  char       *cue;        /* translated key cue to show with a swap, or NULL */
} PrehabPlanItem;

typedef struct
{
  gint64          enrollment_id; /* the enrollment it was decided for */
  guint32         day;
  int             week;          /* 1-based; past the program's end in maintain */
  int             day_in_week;   /* 1–7 */
  int             day_index;     /* 0 on the start date */
  PrehabPhase     phase_from;    /* yesterday's phase (today's on the first day) */
  PrehabPhase     phase;
  PrehabDecision  decision;
  PrehabAlert     alert;
  gboolean        see_clinician;
  GPtrArray      *reasons;       /* of translated strings, most important first */
  gboolean        training;      /* strength day */
  GArray         *items;         /* of PrehabPlanItem */
  double          baseline;      /* < 0 while unknown */
  char           *focus;         /* translated: what this part of the program is for */
} PrehabPlan;

void prehab_plan_free (PrehabPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabPlan, prehab_plan_free)

/* What the replay decided on one day, for the calendar. */
typedef struct
{
  guint32        day;
  PrehabPhase    phase;
  PrehabDecision decision;
  PrehabAlert    alert;
  gboolean       training;
} PrehabPlanDay;

#define PREHAB_TYPE_PLANNER (prehab_planner_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanner, prehab_planner, PREHAB, PLANNER, GObject)

PrehabPlanner *prehab_planner_new         (const PrehabProgram    *program,
                                           GListModel             *exercises,
                                           const PrehabEnrollment *enrollment);
void           prehab_planner_add_reading (PrehabPlanner          *self,
                                           const PrehabReading    *reading);
void           prehab_planner_add_session (PrehabPlanner          *self,
                                           guint32                 day,
                                           gboolean                training,
                                           PrehabSessionStatus     status,
                                           int                     pain_during,
                                           int                     pain_after,
                                           const char * const     *completed);
PrehabPlan    *prehab_planner_decide      (PrehabPlanner          *self,
                                           guint32                 day);
GArray        *prehab_planner_replay      (PrehabPlanner          *self,
                                           guint32                 last_day);
PrehabPlan    *prehab_planner_preview     (PrehabPlanner          *self,
                                           guint32                 day);
PrehabPlanDay  prehab_planner_preview_day (PrehabPlanner          *self,
                                           guint32                 day);
guint32        prehab_planner_get_start_day (PrehabPlanner        *self);

/* Saved replay states. The replay is deterministic given the history up to
 * a day, so the state it carries at the end of a day can be kept and a
 * later decision can resume from it instead of replaying from the start.
 * prehab-schedule.c keeps them in the planner_checkpoint table. */
typedef struct
{
  guint32  day;    /* the last day the state has seen */
  char    *state;  /* text to hand back to prehab_planner_resume() */
} PrehabPlannerCheckpoint;

void           prehab_planner_checkpoint_free    (PrehabPlannerCheckpoint *checkpoint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabPlannerCheckpoint, prehab_planner_checkpoint_free)

const char    *prehab_planner_get_stamp          (PrehabPlanner        *self);
gboolean       prehab_planner_resume             (PrehabPlanner        *self,
                                                  guint32               day,
                                                  const char           *stamp,
                                                  const char           *state);
guint32        prehab_planner_get_resume_day     (PrehabPlanner        *self);
guint32        prehab_planner_get_history_start  (PrehabPlanner        *self);
gboolean       prehab_planner_is_checkpoint_day  (PrehabPlanner        *self,
                                                  guint32               day);
GPtrArray     *prehab_planner_take_checkpoints   (PrehabPlanner        *self);

G_END_DECLS
