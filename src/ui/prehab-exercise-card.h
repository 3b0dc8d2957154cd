/* prehab-exercise-card.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prehab-exercise.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_EXERCISE_CARD (prehab_exercise_card_get_type ())

G_DECLARE_FINAL_TYPE (PrehabExerciseCard, prehab_exercise_card, PREHAB, EXERCISE_CARD, GtkWidget)

GtkWidget      *prehab_exercise_card_new          (void);
PrehabExercise *prehab_exercise_card_get_exercise (PrehabExerciseCard *self);
void            prehab_exercise_card_set_exercise (PrehabExerciseCard *self,
                                                   PrehabExercise     *exercise);

G_END_DECLS
