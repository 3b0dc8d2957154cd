/* prehab-date.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are stored as YYYY-MM-DD and times as YYYY-MM-DD HH:MM, both local.
 * The planner counts in GDate Julian day numbers. */

guint32  prehab_date_to_day  (const char *date);
char    *prehab_day_to_date  (guint32     day);
gboolean prehab_parse_time   (const char *text,
                              guint32    *day,
                              int        *minute);
char    *prehab_date_dup_today (void);
char    *prehab_date_dup_now   (void);
char    *prehab_date_dup_now_seconds (void);
int      prehab_day_weekday  (guint32     day);

G_END_DECLS
