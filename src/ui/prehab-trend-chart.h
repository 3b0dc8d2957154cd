/* prehab-trend-chart.h
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

#include "prehab-insights.h"
#include "prehab-schedule.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_TREND_CHART (prehab_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (PrehabTrendChart, prehab_trend_chart, PREHAB, TREND_CHART, GtkWidget)

GtkWidget  *prehab_trend_chart_new                        (void);
void        prehab_trend_chart_set_trend                  (PrehabTrendChart  *self,
                                                           const PrehabTrend *trend);
void        prehab_trend_chart_set_calendar               (PrehabTrendChart  *self,
                                                           GArray            *days);
const char *prehab_trend_chart_get_summary                (PrehabTrendChart  *self);
guint       prehab_trend_chart_get_n_days                 (PrehabTrendChart  *self);
guint       prehab_trend_chart_get_n_rated_days           (PrehabTrendChart  *self);

G_END_DECLS
