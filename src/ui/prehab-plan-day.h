/* prehab-plan-day.h
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

#define PREHAB_TYPE_PLAN_DAY (prehab_plan_day_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanDay, prehab_plan_day, PREHAB, PLAN_DAY, GtkButton)

GtkWidget               *prehab_plan_day_new                  (const PrehabCalendarDay *day,
                                                               gboolean                 first);
const char              *prehab_plan_day_get_date             (PrehabPlanDay           *self);
const PrehabCalendarDay *prehab_plan_day_get_day              (PrehabPlanDay           *self);
gboolean                 prehab_plan_day_get_selected         (PrehabPlanDay           *self);
void                     prehab_plan_day_set_selected         (PrehabPlanDay           *self,
                                                               gboolean                 selected);
const char              *prehab_plan_day_get_accessible_label (PrehabPlanDay           *self);
char                    *prehab_plan_day_dup_status_text      (const PrehabCalendarDay *day);
const char              *prehab_plan_day_phase_label          (PrehabPhase              phase);

G_END_DECLS
