/* prehab-insights.c
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

#define G_LOG_DOMAIN "prehab-insights"

#include "config.h"

#include "prehab-insights.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "prehab-date.h"
#include "prehab-journal.h"

/* A rolling mean covers the day and the six before it. */
#define WEEK 7

/* The trend is told once its first and its last week (of the rated span)
 * each have this many rated days and do not overlap: the planner's rule
 * for a week trend. */
#define TREND_MIN_DAYS_PER_WEEK 3

/* Closer than this, the first and last week "stayed about" the same. */
#define TREND_STEADY 0.5

/* Closer than this, pain with and without a trigger is "about the same". */
#define INSIGHT_SAME 0.25

/* One rated calendar day. */
typedef struct
{
  guint32    day;
  double     sum;
  guint      n;
  GPtrArray *keys;  /* the trigger keys named that day, each once (borrowed) */
} Day;

static void
day_free (Day *day)
{
  g_clear_pointer (&day->keys, g_ptr_array_unref);
  g_free (day);
}

static double
day_mean (const Day *day)
{
  return day->sum / day->n;
}

static gboolean
keys_contain (GPtrArray  *keys,
              const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (keys->pdata[i], key))
      return TRUE;

  return FALSE;
}

/* The rated days of @entries between @from and @to (both included; 0 for
 * no limit), by Julian day. */
static GHashTable *
collect_days (GPtrArray *entries,
              guint32    from,
              guint32    to)
{
  GHashTable *days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) day_free);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const PrehabPainEntry *entry = entries->pdata[i];
      guint32 julian;
      int minute;
      Day *day;

      if (!prehab_parse_time (entry->logged_at, &julian, &minute) ||
          (from != 0 && julian < from) || (to != 0 && julian > to))
        continue;

      day = g_hash_table_lookup (days, GUINT_TO_POINTER (julian));
      if (day == NULL)
        {
          day = g_new0 (Day, 1);
          day->day = julian;
          day->keys = g_ptr_array_new ();
          g_hash_table_insert (days, GUINT_TO_POINTER (julian), day);
        }

      day->sum += entry->pain;
      day->n++;
      for (guint k = 0; entry->triggers != NULL && entry->triggers[k] != NULL; k++)
        if (!keys_contain (day->keys, entry->triggers[k]))
          g_ptr_array_add (day->keys, entry->triggers[k]);
    }

  return days;
}

static const Day *
lookup_day (GHashTable *days,
            guint32     julian)
{
  return g_hash_table_lookup (days, GUINT_TO_POINTER (julian));
}

/* A mean with one decimal, in the locale's way of writing it. */
static char *
format_mean (double value)
{
  return g_strdup_printf ("%.1f", value);
}

/* The trend --------------------------------------------------------------- */

static void
trend_day_clear (gpointer data)
{
  PrehabTrendDay *day = data;

  g_clear_pointer (&day->date, g_free);
}

/* The mean of the daily means of the rated days from @first to @last;
 * NAN when none is rated. @n_rated counts them. */
static double
mean_of_days (GHashTable *days,
              guint32     first,
              guint32     last,
              guint      *n_rated)
{
  double sum = 0;
  guint n = 0;

  for (guint32 d = first; d <= last; d++)
    {
      const Day *day = lookup_day (days, d);

      if (day != NULL)
        {
          sum += day_mean (day);
          n++;
        }
    }

  if (n_rated != NULL)
    *n_rated = n;
  return n > 0 ? sum / n : NAN;
}

static char *
dup_trend_summary (double  first,
                   double  last,
                   guint32 first_rated,
                   guint32 last_rated)
{
  /* Calendar days from the first rated day to the last, both included,
   * to the nearest whole week; at least two, as the weeks do not overlap. */
  guint weeks = (last_rated - first_rated + 1 + WEEK / 2) / WEEK;
  g_autofree char *from = format_mean (first);
  g_autofree char *to = format_mean (last);

  if (fabs (last - first) < TREND_STEADY)
    {
      g_autofree char *about = format_mean ((first + last) / 2);

      /* Translators: %s is a mean pain rating such as "4.0", %u a number
       * of weeks */
      return g_strdup_printf (ngettext ("Pain stayed about %s over %u week.",
                                        "Pain stayed about %s over %u weeks.", weeks),
                              about, weeks);
    }

  if (last < first)
    /* Translators: the two %s are mean pain ratings such as "5.2" and
     * "3.1", %u a number of weeks */
    return g_strdup_printf (ngettext ("Pain went from %s to %s over %u week.",
                                      "Pain went from %s to %s over %u weeks.", weeks),
                            from, to, weeks);

  /* Translators: the two %s are mean pain ratings such as "3.1" and "5.2",
   * %u a number of weeks */
  return g_strdup_printf (ngettext ("Pain rose from %s to %s over %u week.",
                                    "Pain rose from %s to %s over %u weeks.", weeks),
                          from, to, weeks);
}

/**
 * prehab_trend_compute:
 * @entries: (element-type PrehabPainEntry): pain entries; those outside
 *   @from_date..@to_date are ignored
 * @from_date: the first day, YYYY-MM-DD
 * @to_date: the last day, included
 * @baseline: the planner's baseline, or NAN
 *
 * Computes the daily means, their rolling 7-day means, the first and last
 * week and a sentence that tells the trend (see prehab-insights.h).
 *
 * Returns: (transfer full): the trend; its days are empty when a date is
 *   not a real date or @from_date is after @to_date
 */
PrehabTrend *
prehab_trend_compute (GPtrArray  *entries,
                      const char *from_date,
                      const char *to_date,
                      double      baseline)
{
  g_autoptr (PrehabTrend) trend = g_new0 (PrehabTrend, 1);
  g_autoptr (GHashTable) days = NULL;
  guint32 from = prehab_date_to_day (from_date);
  guint32 to = prehab_date_to_day (to_date);
  guint32 first_rated = 0, last_rated = 0;
  guint first_n = 0, last_n = 0;

  trend->days = g_array_new (FALSE, TRUE, sizeof (PrehabTrendDay));
  g_array_set_clear_func (trend->days, trend_day_clear);
  trend->baseline = baseline;
  trend->first = NAN;
  trend->last = NAN;

  if (from == 0 || to == 0 || from > to)
    {
      trend->summary = g_strdup (_("Not enough ratings yet to show a trend."));
      return g_steal_pointer (&trend);
    }

  days = collect_days (entries, from, to);

  for (guint32 d = from; d <= to; d++)
    {
      const Day *day = lookup_day (days, d);
      PrehabTrendDay trend_day = { 0 };

      trend_day.date = prehab_day_to_date (d);
      trend_day.n_entries = day != NULL ? day->n : 0;
      trend_day.mean = day != NULL ? day_mean (day) : NAN;
      trend_day.rolling = mean_of_days (days, d >= from + WEEK - 1 ? d - (WEEK - 1) : from, d, NULL);
      g_array_append_val (trend->days, trend_day);

      if (day != NULL)
        {
          if (first_rated == 0)
            first_rated = d;
          last_rated = d;
        }
    }

  if (first_rated != 0)
    {
      trend->first = mean_of_days (days, first_rated, MIN (first_rated + WEEK - 1, to), &first_n);
      trend->last = mean_of_days (days, MAX (last_rated - (WEEK - 1), from), last_rated, &last_n);
    }

  if (first_rated != 0 && last_rated - first_rated >= 2 * WEEK - 1 &&
      first_n >= TREND_MIN_DAYS_PER_WEEK && last_n >= TREND_MIN_DAYS_PER_WEEK)
    trend->summary = dup_trend_summary (trend->first, trend->last, first_rated, last_rated);
  else
    trend->summary = g_strdup (_("Not enough ratings yet to show a trend."));

  return g_steal_pointer (&trend);
}

void
prehab_trend_free (PrehabTrend *trend)
{
  if (trend == NULL)
    return;

  g_clear_pointer (&trend->days, g_array_unref);
  g_free (trend->summary);
  g_free (trend);
}

/* Triggers ---------------------------------------------------------------- */

static void
trigger_insight_free (PrehabTriggerInsight *insight)
{
  if (insight == NULL)
    return;

  g_free (insight->trigger);
  g_free (insight->label);
  g_free (insight->sentence);
  g_free (insight->next_day_sentence);
  g_free (insight);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabTriggerInsight, trigger_insight_free)

static const char *
find_label (GPtrArray  *triggers,
            const char *key)
{
  for (guint i = 0; triggers != NULL && i < triggers->len; i++)
    {
      const PrehabTrigger *trigger = triggers->pdata[i];

      if (g_strcmp0 (prehab_trigger_get_key (trigger), key) == 0)
        return trigger->name;
    }

  return key;
}

/* "9 days with, 21 without" */
static char *
dup_day_counts (guint with,
                guint without)
{
  /* Translators: the start of a count of days, as in "9 days with, 21
   * without": days on which a trigger was logged */
  g_autofree char *with_text = g_strdup_printf (ngettext ("%u day with", "%u days with", with), with);
  /* Translators: the end of a count of days, as in "9 days with, 21
   * without": days on which the trigger was not logged */
  g_autofree char *without_text = g_strdup_printf (ngettext ("%u without", "%u without", without), without);

  /* Translators: joins "9 days with" and "21 without" */
  return g_strdup_printf (_("%s, %s"), with_text, without_text);
}

static char *
dup_comparison (const char *label,
                double      difference,
                guint       with,
                guint       without)
{
  g_autofree char *counts = dup_day_counts (with, without);
  g_autofree char *amount = format_mean (fabs (difference));

  if (fabs (difference) < INSIGHT_SAME)
    /* Translators: the first %s is a trigger such as "Driving", the second
     * a count such as "9 days with, 21 without". It says nothing about
     * cause on purpose. */
    return g_strdup_printf (_("On days you logged “%s”, pain was about the same as on other days: %s."),
                            label, counts);

  if (difference > 0)
    /* Translators: the first %s is a trigger such as "Driving", the second
     * a difference of mean pain such as "1.8", the third a count such as
     * "9 days with, 21 without". It says nothing about cause on purpose. */
    return g_strdup_printf (_("On days you logged “%s”, pain averaged %s higher: %s."),
                            label, amount, counts);

  /* Translators: as the sentence before, with lower pain */
  return g_strdup_printf (_("On days you logged “%s”, pain averaged %s lower: %s."),
                          label, amount, counts);
}

static char *
dup_next_day_comparison (double difference,
                         guint  with,
                         guint  without)
{
  g_autofree char *counts = dup_day_counts (with, without);
  g_autofree char *amount = format_mean (fabs (difference));

  if (fabs (difference) < INSIGHT_SAME)
    /* Translators: %s is a count such as "8 days with, 19 without": the
     * days after a day with the trigger, and after a day without */
    return g_strdup_printf (_("The day after, pain was about the same: %s."), counts);

  if (difference > 0)
    /* Translators: the first %s is a difference of mean pain such as "0.9",
     * the second a count such as "8 days with, 19 without": the days after
     * a day with the trigger, and after a day without */
    return g_strdup_printf (_("The day after, pain averaged %s higher: %s."), amount, counts);

  /* Translators: as the sentence before, with lower pain */
  return g_strdup_printf (_("The day after, pain averaged %s lower: %s."), amount, counts);
}

static PrehabTriggerInsight *
compare_trigger (GHashTable *days,
                 const char *key,
                 const char *label)
{
  g_autoptr (PrehabTriggerInsight) insight = g_new0 (PrehabTriggerInsight, 1);
  double sum_with = 0, sum_without = 0, next_sum_with = 0, next_sum_without = 0;
  GHashTableIter iter;
  gpointer value;

  insight->trigger = g_strdup (key);
  insight->label = g_strdup (label);

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Day *day = value;
      const Day *next = lookup_day (days, day->day + 1);

      if (keys_contain (day->keys, key))
        {
          insight->days_with++;
          sum_with += day_mean (day);
          if (next != NULL)
            {
              insight->next_days_with++;
              next_sum_with += day_mean (next);
            }
        }
      else
        {
          insight->days_without++;
          sum_without += day_mean (day);
          if (next != NULL)
            {
              insight->next_days_without++;
              next_sum_without += day_mean (next);
            }
        }
    }

  insight->mean_with = insight->days_with > 0 ? sum_with / insight->days_with : NAN;
  insight->mean_without = insight->days_without > 0 ? sum_without / insight->days_without : NAN;
  insight->difference = insight->mean_with - insight->mean_without;
  insight->next_mean_with = insight->next_days_with >= PREHAB_INSIGHT_MIN_DAYS
                              ? next_sum_with / insight->next_days_with : NAN;
  insight->next_mean_without = insight->next_days_without >= PREHAB_INSIGHT_MIN_DAYS
                                 ? next_sum_without / insight->next_days_without : NAN;

  return g_steal_pointer (&insight);
}

static gboolean
is_comparable (const PrehabTriggerInsight *insight)
{
  return insight->days_with >= PREHAB_INSIGHT_MIN_DAYS &&
         insight->days_without >= PREHAB_INSIGHT_MIN_DAYS;
}

static guint
days_missing (const PrehabTriggerInsight *insight)
{
  return (guint) MAX (0, PREHAB_INSIGHT_MIN_DAYS - (int) insight->days_with) +
         (guint) MAX (0, PREHAB_INSIGHT_MIN_DAYS - (int) insight->days_without);
}

static int
compare_insights (gconstpointer a,
                  gconstpointer b)
{
  const PrehabTriggerInsight *first = *(PrehabTriggerInsight **) a;
  const PrehabTriggerInsight *second = *(PrehabTriggerInsight **) b;
  double first_size = fabs (first->difference);
  double second_size = fabs (second->difference);

  if (first_size != second_size)
    return first_size > second_size ? -1 : 1;

  return g_utf8_collate (first->label, second->label);
}

static char *
dup_needed (const PrehabTriggerInsight *closest)
{
  guint with, without;

  if (closest == NULL)
    /* Translators: shown before any trigger was logged; %u is a number of
     * days (3) */
    return g_strdup_printf (ngettext ("Name what you were doing when you log pain; after %u day with a trigger and %u without, its pattern shows here.",
                                      "Name what you were doing when you log pain; after %u days with a trigger and %u without, its pattern shows here.",
                                      PREHAB_INSIGHT_MIN_DAYS),
                            PREHAB_INSIGHT_MIN_DAYS, PREHAB_INSIGHT_MIN_DAYS);

  with = (guint) MAX (0, PREHAB_INSIGHT_MIN_DAYS - (int) closest->days_with);
  without = (guint) MAX (0, PREHAB_INSIGHT_MIN_DAYS - (int) closest->days_without);

  if (without == 0)
    /* Translators: %u is a number of days, %s a trigger such as "Stress" */
    return g_strdup_printf (ngettext ("Log %u more day with “%s” to compare it.",
                                      "Log %u more days with “%s” to compare it.", with),
                            with, closest->label);

  if (with == 0)
    /* Translators: %u is a number of days, %s a trigger such as "Stress" */
    return g_strdup_printf (ngettext ("Log %u more day without “%s” to compare it.",
                                      "Log %u more days without “%s” to compare it.", without),
                            without, closest->label);

  {
    /* Translators: part of "Log 2 more days with “Stress” and 1 more day
     * without to compare it."; %u is a number of days, %s a trigger */
    g_autofree char *with_text = g_strdup_printf (ngettext ("%u more day with “%s”",
                                                            "%u more days with “%s”", with),
                                                  with, closest->label);
    /* Translators: part of "Log 2 more days with “Stress” and 1 more day
     * without to compare it."; %u is a number of days */
    g_autofree char *without_text = g_strdup_printf (ngettext ("%u more day without",
                                                               "%u more days without", without),
                                                     without);

    /* Translators: the first %s is like "2 more days with “Stress”", the
     * second like "1 more day without" */
    return g_strdup_printf (_("Log %s and %s to compare it."), with_text, without_text);
  }
}

/**
 * prehab_insights_compare_triggers:
 * @entries: (element-type PrehabPainEntry): pain entries
 * @triggers: (nullable) (element-type PrehabTrigger): the labels
 * @from_date: (nullable): the first day, or %NULL for no limit
 * @to_date: (nullable): the last day, included, or %NULL for no limit
 *
 * Compares, for each trigger named in the entries of those days, the pain
 * of the rated days with it and without it, and of the days after (see
 * prehab-insights.h).
 *
 * Returns: (transfer full): the comparisons and what is still needed
 */
PrehabTriggerInsights *
prehab_insights_compare_triggers (GPtrArray  *entries,
                                  GPtrArray  *triggers,
                                  const char *from_date,
                                  const char *to_date)
{
  g_autoptr (PrehabTriggerInsights) insights = g_new0 (PrehabTriggerInsights, 1);
  g_autoptr (GHashTable) days = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_insight_free);
  const PrehabTriggerInsight *closest = NULL;
  GHashTableIter iter;
  gpointer value;

  insights->insights = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_insight_free);

  days = collect_days (entries,
                       from_date != NULL ? prehab_date_to_day (from_date) : 0,
                       to_date != NULL ? prehab_date_to_day (to_date) : 0);

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Day *day = value;

      for (guint i = 0; i < day->keys->len; i++)
        if (!keys_contain (keys, day->keys->pdata[i]))
          g_ptr_array_add (keys, day->keys->pdata[i]);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      PrehabTriggerInsight *insight = compare_trigger (days, key, find_label (triggers, key));

      if (is_comparable (insight))
        {
          insight->sentence = dup_comparison (insight->label, insight->difference,
                                              insight->days_with, insight->days_without);
          if (!isnan (insight->next_mean_with) && !isnan (insight->next_mean_without))
            insight->next_day_sentence = dup_next_day_comparison (insight->next_mean_with - insight->next_mean_without,
                                                                  insight->next_days_with,
                                                                  insight->next_days_without);
          g_ptr_array_add (insights->insights, insight);
        }
      else
        {
          g_ptr_array_add (waiting, insight);
        }
    }

  g_ptr_array_sort (insights->insights, compare_insights);

  /* The one closest to being compared; on a tie, the first by label. */
  for (guint i = 0; i < waiting->len; i++)
    {
      const PrehabTriggerInsight *insight = waiting->pdata[i];

      if (closest == NULL || days_missing (insight) < days_missing (closest) ||
          (days_missing (insight) == days_missing (closest) &&
           g_utf8_collate (insight->label, closest->label) < 0))
        closest = insight;
    }

  if (closest != NULL || insights->insights->len == 0)
    insights->needed = dup_needed (closest);

  return g_steal_pointer (&insights);
}

void
prehab_trigger_insights_free (PrehabTriggerInsights *insights)
{
  if (insights == NULL)
    return;

  g_clear_pointer (&insights->insights, g_ptr_array_unref);
  g_free (insights->needed);
  g_free (insights);
}
