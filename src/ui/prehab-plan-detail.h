/* prehab-plan-detail.h
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

#include <adwaita.h>

#include "prehab-schedule.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_PLAN_DETAIL (prehab_plan_detail_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanDetail, prehab_plan_detail, PREHAB, PLAN_DETAIL, GtkWidget)

void prehab_plan_detail_show_day (PrehabPlanDetail        *self,
                                  PrehabStore             *store,
                                  gint64                   enrollment_id,
                                  GHashTable              *exercise_names,
                                  const PrehabCalendarDay *day);
void prehab_plan_detail_clear    (PrehabPlanDetail        *self);

G_END_DECLS
