/* prehab-breathing-guide.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prehab-runner.h"

G_BEGIN_DECLS

/* The pace of a rep, drawn: a circle that grows while moving out
 * (breathing in), stays full while holding and shrinks while coming back
 * (breathing out). With animations turned off it is a still bar of the
 * parts of the rep, the current part marked. Words go beside it, in the
 * player; the guide itself is decoration for assistive technologies. */

#define PREHAB_TYPE_BREATHING_GUIDE (prehab_breathing_guide_get_type ())

G_DECLARE_FINAL_TYPE (PrehabBreathingGuide, prehab_breathing_guide, PREHAB, BREATHING_GUIDE, GtkWidget)

GtkWidget *prehab_breathing_guide_new      (void);
void       prehab_breathing_guide_set_pace (PrehabBreathingGuide *self,
                                            PrehabPace            pace,
                                            double                fraction,
                                            gboolean              has_hold);
gboolean   prehab_breathing_guide_get_animated (PrehabBreathingGuide *self);

G_END_DECLS
