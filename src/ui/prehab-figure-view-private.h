/* prehab-figure-view-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prehab-figure-view.h"

G_BEGIN_DECLS

/* What the widget's test checks: whether a tick callback runs, and the
 * frame drawn now. */
gboolean prehab_figure_view_is_animating    (PrehabFigureView *self);
double   prehab_figure_view_get_shown_frame (PrehabFigureView *self);

G_END_DECLS
