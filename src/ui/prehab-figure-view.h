/* prehab-figure-view.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows one exercise's figure in the theme's colours: a still at "frame"
 * (cards), or animated from start to end and back while "playing" is set
 * and the system allows animations (detail page, session player). Its
 * accessible description is the figure's description of the movement. */

#define PREHAB_TYPE_FIGURE_VIEW (prehab_figure_view_get_type ())

G_DECLARE_FINAL_TYPE (PrehabFigureView, prehab_figure_view, PREHAB, FIGURE_VIEW, GtkWidget)

GtkWidget  *prehab_figure_view_new             (void);
const char *prehab_figure_view_get_exercise_id (PrehabFigureView *self);
void        prehab_figure_view_set_exercise_id (PrehabFigureView *self,
                                                const char       *exercise_id);
double      prehab_figure_view_get_frame       (PrehabFigureView *self);
void        prehab_figure_view_set_frame       (PrehabFigureView *self,
                                                double            frame);
gboolean    prehab_figure_view_get_playing     (PrehabFigureView *self);
void        prehab_figure_view_set_playing     (PrehabFigureView *self,
                                                gboolean          playing);
/* FALSE when the system asks for reduced motion: playing shows the still. */
gboolean    prehab_figure_view_get_can_animate (PrehabFigureView *self);

G_END_DECLS
