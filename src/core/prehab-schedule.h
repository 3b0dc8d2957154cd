/* prehab-schedule.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prehab-planner.h"
#include "prehab-runner.h"

G_BEGIN_DECLS

/* The planner fed from the store: what the Today and Plan views and the
 * command line ask. Every write goes through one transaction. */

#define PREHAB_SCHEDULE_ERROR (prehab_schedule_error_quark ())

typedef enum
{
  PREHAB_SCHEDULE_ERROR_NOT_STARTED,  /* no program started yet */
  PREHAB_SCHEDULE_ERROR_INVALID_DATE, /* malformed, before the start, or in the future */
  PREHAB_SCHEDULE_ERROR_INVALID,      /* any other bad value */
} PrehabScheduleError;

/* One cell of the 8-week calendar. */
typedef struct
{
  char                *date;           /* YYYY-MM-DD */
  guint32              day;
  int                  week;           /* 1-based */
  int                  weekday;        /* 0 Monday … 6 Sunday */
  gboolean             is_today;
  gboolean             is_future;
  PrehabPhase          planned_phase;  /* from the program's week */
  PrehabPhase          phase;          /* as it happened; the planned phase ahead */
  gboolean             training;       /* strength day, done or planned */
  PrehabSessionStatus  status;         /* NONE on a past day means missed */
  int                  pain;           /* the day's mean rating, rounded; -1 none */
  gboolean             has_decision;
  PrehabDecision       decision;
  PrehabAlert          alert;
} PrehabCalendarDay;

GQuark      prehab_schedule_error_quark       (void);
PrehabPlan *prehab_schedule_decide            (PrehabStore          *store,
                                               const char           *date,
                                               GError              **error);
gboolean    prehab_schedule_record_decision   (PrehabStore          *store,
                                               const PrehabPlan     *plan,
                                               GError              **error);
PrehabPlan *prehab_schedule_preview           (PrehabStore          *store,
                                               const char           *date,
                                               GError              **error);
GArray     *prehab_schedule_load_calendar     (PrehabStore          *store,
                                               const char           *today,
                                               GError              **error);
gboolean    prehab_schedule_mark_done         (PrehabStore          *store,
                                               const char           *date,
                                               const char * const   *exercise_ids,
                                               int                   pain_during,
                                               int                   pain_after,
                                               GError              **error);
gboolean    prehab_schedule_set_exercise_done (PrehabStore          *store,
                                               const char           *date,
                                               const char           *exercise_id,
                                               gboolean              done,
                                               GError              **error);
gboolean    prehab_schedule_record_guided     (PrehabStore          *store,
                                               const char           *date,
                                               PrehabRunner         *runner,
                                               int                   pain_during,
                                               int                   pain_after,
                                               const char           *note,
                                               GError              **error);
void        prehab_calendar_day_clear         (PrehabCalendarDay    *day);

G_END_DECLS
