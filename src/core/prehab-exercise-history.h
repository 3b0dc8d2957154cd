/* prehab-exercise-history.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* The person's own record with one exercise, over every run of the program:
 * what the exercise's detail page shows. */
typedef struct
{
  char  *exercise_id;
  guint  times_done;        /* sessions in which it was completed */
  char  *last_done;         /* YYYY-MM-DD; NULL when never done */
  int    last_pain_during;  /* 0–10: the latest rating of a session that
                             * included it; -1 when none was rated */
  char  *last_pain_date;    /* YYYY-MM-DD of that rating; NULL with -1 */
} PrehabExerciseHistory;

PrehabExerciseHistory *prehab_exercise_history_load (PrehabStore            *store,
                                                     const char             *exercise_id,
                                                     GError                **error);
void                   prehab_exercise_history_free (PrehabExerciseHistory  *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabExerciseHistory, prehab_exercise_history_free)

G_END_DECLS
