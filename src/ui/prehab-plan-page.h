/* prehab-plan-page.h
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

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_PLAN_PAGE (prehab_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanPage, prehab_plan_page, PREHAB, PLAN_PAGE, GtkWidget)

PrehabStore *prehab_plan_page_get_store   (PrehabPlanPage *self);
void         prehab_plan_page_set_store   (PrehabPlanPage *self,
                                           PrehabStore    *store);
void         prehab_plan_page_reload      (PrehabPlanPage *self);
gboolean     prehab_plan_page_select_date (PrehabPlanPage *self,
                                           const char     *date);

G_END_DECLS
