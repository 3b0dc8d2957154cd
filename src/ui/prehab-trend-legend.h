/* prehab-trend-legend.h
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

G_BEGIN_DECLS

/* What the legend of the pain chart lists; phases are listed apart, one
 * bit per PrehabPhase. */
typedef enum
{
  PREHAB_TREND_LEGEND_ROLLING  = 1 << 0,  /* the 7-day line */
  PREHAB_TREND_LEGEND_DAILY    = 1 << 1,  /* the daily points */
  PREHAB_TREND_LEGEND_BASELINE = 1 << 2,  /* the dashed line */
  PREHAB_TREND_LEGEND_DONE     = 1 << 3,  /* a session done */
  PREHAB_TREND_LEGEND_PARTIAL  = 1 << 4,  /* a session partly done */
} PrehabTrendLegendItems;

#define PREHAB_TYPE_TREND_LEGEND (prehab_trend_legend_get_type ())

G_DECLARE_FINAL_TYPE (PrehabTrendLegend, prehab_trend_legend, PREHAB, TREND_LEGEND, GtkWidget)

GtkWidget *prehab_trend_legend_new       (void);
void       prehab_trend_legend_set_items (PrehabTrendLegend      *self,
                                          PrehabTrendLegendItems  items,
                                          guint                   phases);

G_END_DECLS
