/* prehab-plan-mark.h
 *
 * Copyright 2026 The Prehab authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prehab-program.h"

G_BEGIN_DECLS

/* The pictures of the Plan view: the marks of a day and the phase bands,
 * drawn by the calendar and by its legend with the same code and the same
 * colours, all looked up from the style. */

typedef enum
{
  PREHAB_PLAN_MARK_NONE,
  PREHAB_PLAN_MARK_DONE,           /* a filled check */
  PREHAB_PLAN_MARK_PARTIAL,        /* a half-filled circle */
  PREHAB_PLAN_MARK_MISSED,         /* a faint dashed ring */
  PREHAB_PLAN_MARK_SKIPPED,        /* a faint ring with a dash */
  PREHAB_PLAN_MARK_TRAINING,       /* a dumbbell: a strength day */
  PREHAB_PLAN_MARK_PAIN,           /* a rating in a pill */
  PREHAB_PLAN_MARK_PHASE,          /* a band in a phase's colour */
  PREHAB_PLAN_MARK_PLANNED_BAND,   /* the upper, paler band */
  PREHAB_PLAN_MARK_ACTUAL_BAND,    /* the lower, full band */
  PREHAB_PLAN_MARK_ALERT,          /* the planner asked to see a clinician */
} PrehabPlanMarkKind;

#define PREHAB_N_PHASES 4

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA accent;
  GdkRGBA success;
  GdkRGBA success_foreground;
  GdkRGBA warning;
  GdkRGBA phases[PREHAB_N_PHASES];
} PrehabPlanPalette;

/* Band geometry shared by the calendar and the legend, in pixels. */
#define PREHAB_PLAN_PLANNED_BAND_HEIGHT 3
#define PREHAB_PLAN_ACTUAL_BAND_HEIGHT  5
#define PREHAB_PLAN_BAND_GAP            2
#define PREHAB_PLAN_PLANNED_BAND_ALPHA  0.45

void prehab_plan_palette_lookup (GtkWidget               *widget,
                                 PrehabPlanPalette       *palette);
void prehab_plan_mark_draw      (GtkSnapshot             *snapshot,
                                 PrehabPlanMarkKind       kind,
                                 const graphene_rect_t   *bounds,
                                 const PrehabPlanPalette *palette);
void prehab_plan_band_draw      (GtkSnapshot             *snapshot,
                                 const graphene_rect_t   *bounds,
                                 const GdkRGBA           *color,
                                 gboolean                 round_start,
                                 gboolean                 round_end);
void prehab_plan_pain_pill_draw (GtkSnapshot             *snapshot,
                                 PangoLayout             *layout,
                                 float                    x,
                                 float                    y,
                                 float                    width,
                                 float                    height,
                                 const PrehabPlanPalette *palette);

#define PREHAB_TYPE_PLAN_MARK_KIND (prehab_plan_mark_kind_get_type ())
GType prehab_plan_mark_kind_get_type (void);

#define PREHAB_TYPE_PLAN_MARK (prehab_plan_mark_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanMark, prehab_plan_mark, PREHAB, PLAN_MARK, GtkWidget)

GtkWidget          *prehab_plan_mark_new       (PrehabPlanMarkKind  kind);
PrehabPlanMarkKind  prehab_plan_mark_get_kind  (PrehabPlanMark     *self);
void                prehab_plan_mark_set_kind  (PrehabPlanMark     *self,
                                                PrehabPlanMarkKind  kind);
PrehabPhase         prehab_plan_mark_get_phase (PrehabPlanMark     *self);
void                prehab_plan_mark_set_phase (PrehabPlanMark     *self,
                                                PrehabPhase         phase);

G_END_DECLS
