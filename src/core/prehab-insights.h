/* prehab-insights.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the journal shows about the person's own ratings: the daily trend
 * and how triggers go with pain. Pure functions over a list of
 * PrehabPainEntry (prehab-journal.h); no I/O. A "day" is a calendar day of
 * the entries' local time; a day's pain is the mean of its ratings. */

typedef struct
{
  char   *date;       /* YYYY-MM-DD */
  guint   n_entries;  /* 0: nothing logged that day */
  double  mean;       /* the day's mean rating; NAN when none */
  double  rolling;    /* mean of the daily means of the 7 days ending here
                       * that have ratings; NAN when none of them has */
} PrehabTrendDay;

typedef struct
{
  GArray *days;       /* of PrehabTrendDay: every calendar day from..to */
  double  baseline;   /* as given; NAN when none */
  double  first;      /* rolling mean of the first rated week; NAN if none */
  double  last;       /* rolling mean of the last rated day; NAN if none */
  char   *summary;    /* one translated sentence for the chart's
                       * accessible description, e.g. "Pain went from 5.2
                       * to 3.1 over four weeks." */
} PrehabTrend;

PrehabTrend *prehab_trend_compute (GPtrArray  *entries,
                                   const char *from_date,
                                   const char *to_date,
                                   double      baseline);
void         prehab_trend_free    (PrehabTrend *trend);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabTrend, prehab_trend_free)

/* A trigger is compared once it has PREHAB_INSIGHT_MIN_DAYS days with it
 * and as many rated days without it. */
#define PREHAB_INSIGHT_MIN_DAYS 3

typedef struct
{
  char   *trigger;            /* built-in id or the person's own name */
  char   *label;              /* translated name */
  guint   days_with;          /* rated days with an entry naming it */
  guint   days_without;       /* rated days with no entry naming it */
  double  mean_with;          /* mean of those days' means */
  double  mean_without;
  double  difference;         /* mean_with - mean_without */
  guint   next_days_with;     /* of days_with, those whose next day is rated */
  guint   next_days_without;
  double  next_mean_with;     /* the next days' mean; NAN when a side has
                               * fewer than PREHAB_INSIGHT_MIN_DAYS */
  double  next_mean_without;
  char   *sentence;           /* translated, no claim of cause */
  char   *next_day_sentence;  /* translated; NULL when too few next days */
} PrehabTriggerInsight;

typedef struct
{
  GPtrArray *insights;  /* of PrehabTriggerInsight, largest |difference|
                         * first; triggers without enough data are left out */
  char      *needed;    /* translated line saying how much more is needed
                         * before (more) triggers can be compared; NULL when
                         * every trigger logged so far is compared */
} PrehabTriggerInsights;

/* @triggers (nullable): PrehabTrigger list (prehab_journal_list_triggers)
 * giving the labels; without it a trigger's key is its label. */
PrehabTriggerInsights *prehab_insights_compare_triggers (GPtrArray  *entries,
                                                         GPtrArray  *triggers,
                                                         const char *from_date,
                                                         const char *to_date);
void                   prehab_trigger_insights_free     (PrehabTriggerInsights *insights);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabTriggerInsights, prehab_trigger_insights_free)

G_END_DECLS
