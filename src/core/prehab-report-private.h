/* prehab-report-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "prehab-insights.h"
#include "prehab-report.h"
#include "prehab-schedule.h"

G_BEGIN_DECLS

/* A dated line of the report: a date (or a name) and what goes with it. */
typedef struct
{
  char *when;
  char *text;
} PrehabReportLine;

/* One row of the adherence table: a week (or a month, for long ranges). */
typedef struct
{
  char  *label;
  guint  planned;
  guint  done;
  guint  partial;
  guint  missed;
} PrehabReportAdherence;

typedef enum
{
  PREHAB_REPORT_BY_WEEK,
  PREHAB_REPORT_BY_MONTH,
  PREHAB_REPORT_BY_YEAR,
} PrehabReportPeriod;

struct _PrehabReport
{
  GObject                parent_instance;

  /* What was gathered, translated and formatted. */
  char                  *from;           /* YYYY-MM-DD */
  char                  *to;
  char                  *range_label;    /* "1 Mar 2026 – 26 Apr 2026" */
  char                  *generated;      /* "26 Apr 2026, 14:03" */
  char                  *today_label;

  gboolean               has_program;
  char                  *program_name;
  char                  *start_label;
  char                  *end_label;
  guint                  n_weeks;
  int                    week;           /* of the program, today */
  char                  *training_days;
  char                  *equipment;
  guint32                start_day;
  guint32                from_day;
  guint32                to_day;

  GArray                *calendar;       /* of PrehabCalendarDay; NULL without a program */
  GPtrArray             *milestones;     /* of PrehabReportLine: phase changes, pauses */
  GArray                *adherence;      /* of PrehabReportAdherence */
  PrehabReportPeriod     adherence_by;
  PrehabTrend           *trend;
  guint                  n_entries;
  PrehabTriggerInsights *insights;
  GPtrArray             *warnings;       /* of PrehabReportLine */
  char                  *clearance;      /* NULL, or when the person was cleared */
  char                  *plan_summary;   /* today's phase and decision, or NULL */
  GPtrArray             *plan_reasons;   /* of translated strings */
  GPtrArray             *doses;          /* of PrehabReportLine: exercise, dose */
  GPtrArray             *notes;          /* of PrehabReportLine, oldest first */
  guint                  n_notes;        /* in the range, listed or not */

  /* The layout, for the page size it was made for. */
  double                 layout_width;
  double                 layout_height;
  GPtrArray             *blocks;
  GArray                *placements;
  guint                  n_pages;
};

void prehab_report_line_free     (PrehabReportLine *line);
void prehab_report_clear_layout  (PrehabReport     *self);
void prehab_report_ensure_layout (PrehabReport     *self,
                                  double            page_width,
                                  double            page_height);
void prehab_report_render_page   (PrehabReport     *self,
                                  cairo_t          *cr,
                                  guint             page);
char *prehab_report_format_date  (const char       *date);

G_END_DECLS
