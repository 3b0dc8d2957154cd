/* prehab-plan-help.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREHAB_TYPE_PLAN_HELP (prehab_plan_help_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlanHelp, prehab_plan_help, PREHAB, PLAN_HELP, AdwWindow)

PrehabPlanHelp *prehab_plan_help_new (void);

G_END_DECLS
