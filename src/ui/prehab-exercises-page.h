/* prehab-exercises-page.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_EXERCISES_PAGE (prehab_exercises_page_get_type ())

G_DECLARE_FINAL_TYPE (PrehabExercisesPage, prehab_exercises_page, PREHAB, EXERCISES_PAGE, GtkWidget)

gboolean prehab_exercises_page_load                    (PrehabExercisesPage  *self,
                                                        PrehabStore          *store,
                                                        GError              **error);
gboolean prehab_exercises_page_reload                  (PrehabExercisesPage  *self,
                                                        GError              **error);
void     prehab_exercises_page_fill_grid               (PrehabExercisesPage  *self);
void     prehab_exercises_page_start_search            (PrehabExercisesPage  *self);
void     prehab_exercises_page_set_key_capture_widget  (PrehabExercisesPage  *self,
                                                        GtkWidget            *widget);
gboolean prehab_exercises_page_show_exercise           (PrehabExercisesPage  *self,
                                                        const char           *exercise_id,
                                                        const char           *return_view,
                                                        const char           *return_title);

G_END_DECLS
