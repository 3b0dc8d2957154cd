/* prehab-plan-calendar.h
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

#define PREHAB_TYPE_PLAN_CALENDAR (prehab_plan_calendar_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanCalendar, prehab_plan_calendar, PREHAB, PLAN_CALENDAR, GtkWidget)

GtkWidget  *prehab_plan_calendar_new                 (void);
void        prehab_plan_calendar_set_days            (PrehabPlanCalendar *self,
                                                      GArray             *days);
guint       prehab_plan_calendar_get_n_days          (PrehabPlanCalendar *self);
const char *prehab_plan_calendar_get_selected_date   (PrehabPlanCalendar *self);
gboolean    prehab_plan_calendar_select_date         (PrehabPlanCalendar *self,
                                                      const char         *date);
void        prehab_plan_calendar_focus_selected      (PrehabPlanCalendar *self);
guint       prehab_plan_calendar_get_n_rows          (PrehabPlanCalendar *self);
GtkWidget  *prehab_plan_calendar_get_day_widget      (PrehabPlanCalendar *self,
                                                      const char         *date);
gboolean    prehab_plan_calendar_get_day_position    (PrehabPlanCalendar *self,
                                                      const char         *date,
                                                      guint              *row,
                                                      guint              *column);

G_END_DECLS
