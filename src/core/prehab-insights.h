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
 * the entries' local time; a day's pain (its daily mean) is the mean of its
 * ratings, whatever their context. Entries outside from..to are ignored.
 * Numbers in sentences have one decimal, written the locale's way. */

typedef struct
{
  char   *date;       /* YYYY-MM-DD */
  guint   n_entries;  /* 0: nothing logged that day */
  double  mean;       /* the day's mean rating; NAN when none */
  double  rolling;    /* mean of the daily means of the 7 days ending here
                       * (not before from) that have ratings; NAN when
                       * none of them has */
} PrehabTrendDay;

/* The first week is the 7 days starting at the first rated day, the last
 * week the 7 days ending at the last rated day. The summary tells the
 * trend once those weeks do not overlap (13 or more days between the first
 * and the last rated day) and each has ratings on 3 or more days; "over N
 * weeks" counts the days from the first rated day to the last, both
 * included, to the nearest whole week. Pain "stayed about" the mean of
 * first and last when they differ by less than 0.5; otherwise it "went
 * from" first "to" last, or "rose from" it. */
typedef struct
{
  GArray *days;       /* of PrehabTrendDay: every calendar day from..to */
  double  baseline;   /* as given; NAN when none */
  double  first;      /* mean of the daily means of the first week; NAN
                       * when no day is rated */
  double  last;       /* mean of the daily means of the last week (the
                       * rolling mean of the last rated day); NAN if none */
  char   *summary;    /* one translated sentence for the chart's
                       * accessible description, e.g. "Pain went from 5.2
                       * to 3.1 over 4 weeks.", or "Not enough ratings yet
                       * to show a trend." */
} PrehabTrend;

PrehabTrend *prehab_trend_compute (GPtrArray  *entries,
                                   const char *from_date,
                                   const char *to_date,
                                   double      baseline);
void         prehab_trend_free    (PrehabTrend *trend);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabTrend, prehab_trend_free)

/* A trigger is compared once it has PREHAB_INSIGHT_MIN_DAYS days with it
 * and as many rated days without it. A day "with" a trigger is a rated day
 * with at least one entry naming it (several entries on one day count
 * once); every other rated day is "without". Means are means of daily
 * means. The next day of a day is the following calendar day, counted
 * when it is rated. Pain "averaged N higher" or "lower" unless the two
 * means differ by less than 0.25 ("about the same"). The sentences say
 * what went together, never what caused what. */
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
  double  next_mean_with;     /* the mean of those next days' means; NAN
                               * when that side has fewer than
                               * PREHAB_INSIGHT_MIN_DAYS next days */
  double  next_mean_without;
  char   *sentence;           /* translated, no claim of cause */
  char   *next_day_sentence;  /* translated; NULL unless both next means
                               * are known */
} PrehabTriggerInsight;

typedef struct
{
  GPtrArray *insights;  /* of PrehabTriggerInsight, largest |difference|
                         * first, then by label; triggers without enough
                         * data are left out */
  char      *needed;    /* translated line saying how much more is needed:
                         * for the trigger missing the fewest days (then
                         * the first by label), or how to start when no
                         * trigger was logged; NULL when every trigger
                         * logged so far is compared */
} PrehabTriggerInsights;

/* @triggers (nullable): PrehabTrigger list (prehab_journal_list_triggers)
 * giving the labels; a key it lacks is its own label. @from_date and
 * @to_date may be NULL for no limit. */
PrehabTriggerInsights *prehab_insights_compare_triggers (GPtrArray  *entries,
                                                         GPtrArray  *triggers,
                                                         const char *from_date,
                                                         const char *to_date);
void                   prehab_trigger_insights_free     (PrehabTriggerInsights *insights);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabTriggerInsights, prehab_trigger_insights_free)

G_END_DECLS
