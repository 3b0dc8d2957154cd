/* prehab-exercise-detail.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-exercise.h"
#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_EXERCISE_DETAIL (prehab_exercise_detail_get_type ())

G_DECLARE_FINAL_TYPE (PrehabExerciseDetail, prehab_exercise_detail, PREHAB, EXERCISE_DETAIL, GtkWidget)

GtkWidget      *prehab_exercise_detail_new            (PrehabStore          *store,
                                                       GListModel           *catalog,
                                                       PrehabExercise       *exercise);
PrehabExercise *prehab_exercise_detail_get_exercise   (PrehabExerciseDetail *self);
void            prehab_exercise_detail_reload_history (PrehabExerciseDetail *self);

G_END_DECLS
