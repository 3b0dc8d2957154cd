/* prehab-exercise-window.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-exercise.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_EXERCISE_WINDOW (prehab_exercise_window_get_type ())

G_DECLARE_FINAL_TYPE (PrehabExerciseWindow, prehab_exercise_window, PREHAB, EXERCISE_WINDOW, AdwWindow)

GtkWidget *prehab_exercise_window_new (GtkWindow      *parent,
                                       PrehabExercise *exercise,
                                       GListModel     *exercises);

G_END_DECLS
