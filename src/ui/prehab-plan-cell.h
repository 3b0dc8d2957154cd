/* prehab-plan-cell.h
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

#include "prehab-schedule.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_PLAN_CELL (prehab_plan_cell_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanCell, prehab_plan_cell, PREHAB, PLAN_CELL, GtkButton)

GtkWidget               *prehab_plan_cell_new                  (const PrehabCalendarDay *day,
                                                               gboolean                 first);
const char              *prehab_plan_cell_get_date             (PrehabPlanCell           *self);
const PrehabCalendarDay *prehab_plan_cell_get_day              (PrehabPlanCell           *self);
gboolean                 prehab_plan_cell_get_selected         (PrehabPlanCell           *self);
void                     prehab_plan_cell_set_selected         (PrehabPlanCell           *self,
                                                               gboolean                 selected);
const char              *prehab_plan_cell_get_accessible_label (PrehabPlanCell           *self);
char                    *prehab_plan_cell_dup_status_text      (const PrehabCalendarDay *day);
const char              *prehab_plan_cell_phase_label          (PrehabPhase              phase);

G_END_DECLS
