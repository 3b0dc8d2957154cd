/* test-insights.c: the trend and the trigger comparisons, on fixtures whose
 * every number is worked out by hand in the comments
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "prehab-insights.h"
#include "prehab-journal.h"

#define EPSILON 1e-9

/* Entries ----------------------------------------------------------------- */

/* One entry at @logged_at with @pain, naming the triggers that follow. */
static void
add_entry (GPtrArray  *entries,
           const char *logged_at,
           int         pain,
           ...) G_GNUC_NULL_TERMINATED;

static void
add_entry (GPtrArray  *entries,
           const char *logged_at,
           int         pain,
           ...)
{
  PrehabPainEntry *entry = prehab_pain_entry_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  entry->logged_at = g_strdup (logged_at);
  entry->pain = pain;
  va_start (args, pain);
  for (const char *key = va_arg (args, const char *); key != NULL; key = va_arg (args, const char *))
    g_strv_builder_add (builder, key);
  va_end (args);
  entry->triggers = g_strv_builder_end (builder);

  g_ptr_array_add (entries, entry);
}

static GPtrArray *
entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_pain_entry_free);
}

static void
add_trigger (GPtrArray  *triggers,
             const char *builtin_id,
             const char *name)
{
  PrehabTrigger *trigger = g_new0 (PrehabTrigger, 1);

  trigger->id = triggers->len + 1;
  trigger->builtin_id = g_strdup (builtin_id);
  trigger->name = g_strdup (name);
  g_ptr_array_add (triggers, trigger);
}

static void
assert_nan_or (double value,
               double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, expected, EPSILON);
}

/* The trend --------------------------------------------------------------- */

static void
test_trend_days (void)
{
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTrend) trend = NULL;
  /* Days 1 to 16 of March. Daily means: 1st (4 + 6) / 2 = 5; 3rd 2;
   * 5th (3 + 4 + 8) / 3 = 5; 9th 7; every other day none.
   *
   * Rolling means over the rated days of the 7 days ending on each day
   * (never before the 1st):
   *   1st, 2nd             5                    (5)
   *   3rd, 4th             (5 + 2) / 2 = 3.5
   *   5th, 6th, 7th        (5 + 2 + 5) / 3 = 4
   *   8th  (2nd–8th)       (2 + 5) / 2 = 3.5
   *   9th  (3rd–9th)       (2 + 5 + 7) / 3 = 14/3
   *   10th (4th–10th)      (5 + 7) / 2 = 6
   *   11th (5th–11th)      (5 + 7) / 2 = 6
   *   12th to 15th         7                    (only the 9th)
   *   16th (10th–16th)     none: NAN
   *
   * First week: the 1st to the 7th, (5 + 2 + 5) / 3 = 4. Last week: the
   * 3rd to the 9th, 14/3. Only 8 days from the first rated day to the
   * last: too little for a trend. */
  const struct
  {
    const char *date;
    guint       n;
    double      mean;
    double      rolling;
  } expected[] = {
    { "2026-03-01", 2, 5, 5 },
    { "2026-03-02", 0, NAN, 5 },
    { "2026-03-03", 1, 2, 3.5 },
    { "2026-03-04", 0, NAN, 3.5 },
    { "2026-03-05", 3, 5, 4 },
    { "2026-03-06", 0, NAN, 4 },
    { "2026-03-07", 0, NAN, 4 },
    { "2026-03-08", 0, NAN, 3.5 },
    { "2026-03-09", 1, 7, 14.0 / 3 },
    { "2026-03-10", 0, NAN, 6 },
    { "2026-03-11", 0, NAN, 6 },
    { "2026-03-12", 0, NAN, 7 },
    { "2026-03-13", 0, NAN, 7 },
    { "2026-03-14", 0, NAN, 7 },
    { "2026-03-15", 0, NAN, 7 },
    { "2026-03-16", 0, NAN, NAN },
  };

  /* Outside the range: ignored, or the 1st to 6th and the first week
   * would change. */
  add_entry (entries, "2026-02-28 20:00", 10, NULL);
  add_entry (entries, "2026-03-17 08:00", 0, NULL);

  add_entry (entries, "2026-03-01 07:00", 4, NULL);
  add_entry (entries, "2026-03-01 21:00", 6, NULL);
  add_entry (entries, "2026-03-03 12:00", 2, NULL);
  add_entry (entries, "2026-03-05 00:00", 3, NULL);
  add_entry (entries, "2026-03-05 12:00", 4, NULL);
  add_entry (entries, "2026-03-05 23:59", 8, NULL);
  add_entry (entries, "2026-03-09 09:30", 7, NULL);

  trend = prehab_trend_compute (entries, "2026-03-01", "2026-03-16", 4.5);
  g_assert_cmpuint (trend->days->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PrehabTrendDay *day = &g_array_index (trend->days, PrehabTrendDay, i);

      g_test_message ("%s", expected[i].date);
      g_assert_cmpstr (day->date, ==, expected[i].date);
      g_assert_cmpuint (day->n_entries, ==, expected[i].n);
      assert_nan_or (day->mean, expected[i].mean);
      assert_nan_or (day->rolling, expected[i].rolling);
    }

  g_assert_cmpfloat_with_epsilon (trend->baseline, 4.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (trend->first, 4, EPSILON);
  g_assert_cmpfloat_with_epsilon (trend->last, 14.0 / 3, EPSILON);
  g_assert_cmpstr (trend->summary, ==, "Not enough ratings yet to show a trend.");
}

static void
test_trend_empty (void)
{
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTrend) trend = NULL;
  g_autoptr (PrehabTrend) reversed = NULL;
  g_autoptr (PrehabTrend) bad = NULL;

  /* Nothing logged: every day is there, with nothing in it. */
  trend = prehab_trend_compute (entries, "2026-02-27", "2026-03-02", NAN);
  g_assert_cmpuint (trend->days->len, ==, 4);
  g_assert_cmpstr (g_array_index (trend->days, PrehabTrendDay, 0).date, ==, "2026-02-27");
  g_assert_cmpstr (g_array_index (trend->days, PrehabTrendDay, 2).date, ==, "2026-03-01");
  for (guint i = 0; i < trend->days->len; i++)
    {
      const PrehabTrendDay *day = &g_array_index (trend->days, PrehabTrendDay, i);

      g_assert_cmpuint (day->n_entries, ==, 0);
      g_assert_true (isnan (day->mean));
      g_assert_true (isnan (day->rolling));
    }
  g_assert_true (isnan (trend->baseline));
  g_assert_true (isnan (trend->first));
  g_assert_true (isnan (trend->last));
  g_assert_cmpstr (trend->summary, ==, "Not enough ratings yet to show a trend.");

  /* No days for a range backwards or a date that is not one. */
  add_entry (entries, "2026-03-01 07:00", 4, NULL);
  reversed = prehab_trend_compute (entries, "2026-03-02", "2026-03-01", NAN);
  g_assert_cmpuint (reversed->days->len, ==, 0);
  g_assert_true (isnan (reversed->first));
  g_assert_cmpstr (reversed->summary, ==, "Not enough ratings yet to show a trend.");
  bad = prehab_trend_compute (entries, "2026-02-30", "2026-03-01", NAN);
  g_assert_cmpuint (bad->days->len, ==, 0);
}

static void
test_trend_went_down (void)
{
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTrend) trend = NULL;

  /* First week (1st–7th): 6, 5, 5, 5, 5 on the 1st to 5th: 26 / 5 = 5.2.
   * Last week (22nd–28th): 3 on the 22nd, 4 on the 24th, 3 on the 26th,
   * (2 + 3) / 2 = 2.5 on the 28th: 12.5 / 4 = 3.125, written 3.1.
   * The 1st to the 28th: 28 days, 4 weeks. */
  add_entry (entries, "2026-03-01 08:00", 6, NULL);
  add_entry (entries, "2026-03-02 08:00", 5, NULL);
  add_entry (entries, "2026-03-03 08:00", 5, NULL);
  add_entry (entries, "2026-03-04 08:00", 5, NULL);
  add_entry (entries, "2026-03-05 08:00", 5, NULL);
  add_entry (entries, "2026-03-22 08:00", 3, NULL);
  add_entry (entries, "2026-03-24 08:00", 4, NULL);
  add_entry (entries, "2026-03-26 08:00", 3, NULL);
  add_entry (entries, "2026-03-28 08:00", 2, NULL);
  add_entry (entries, "2026-03-28 20:00", 3, NULL);

  trend = prehab_trend_compute (entries, "2026-03-01", "2026-03-28", 5.0);
  g_assert_cmpuint (trend->days->len, ==, 28);
  g_assert_cmpfloat_with_epsilon (trend->first, 5.2, EPSILON);
  g_assert_cmpfloat_with_epsilon (trend->last, 3.125, EPSILON);
  g_assert_cmpfloat_with_epsilon (g_array_index (trend->days, PrehabTrendDay, 27).rolling, 3.125, EPSILON);
  g_assert_cmpstr (trend->summary, ==, "Pain went from 5.2 to 3.1 over 4 weeks.");
}

static void
test_trend_rose (void)
{
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTrend) trend = NULL;

  /* First week: 3, 3, 3 on the 1st to 3rd: 3.0. Last week (9th–15th): 5,
   * 6, 4 on the 13th to 15th: 5.0. The 1st to the 15th: 15 days, to the
   * nearest week 2. The range goes on to the 20th with nothing more. */
  add_entry (entries, "2026-03-01 08:00", 3, NULL);
  add_entry (entries, "2026-03-02 08:00", 3, NULL);
  add_entry (entries, "2026-03-03 08:00", 3, NULL);
  add_entry (entries, "2026-03-13 08:00", 5, NULL);
  add_entry (entries, "2026-03-14 08:00", 6, NULL);
  add_entry (entries, "2026-03-15 08:00", 4, NULL);

  trend = prehab_trend_compute (entries, "2026-03-01", "2026-03-20", NAN);
  g_assert_cmpuint (trend->days->len, ==, 20);
  g_assert_cmpfloat_with_epsilon (trend->first, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (trend->last, 5, EPSILON);
  g_assert_cmpstr (trend->summary, ==, "Pain rose from 3.0 to 5.0 over 2 weeks.");
}

static void
test_trend_stayed (void)
{
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTrend) trend = NULL;

  /* First week: 4, 4, 5 on the 1st to 3rd: 13/3 = 4.33. Last week: 4, 4,
   * 4 on the 19th to 21st: 4.0. They differ by 0.33 < 0.5: "about" their
   * mean, (13/3 + 4) / 2 = 4.17, written 4.2. 21 days: 3 weeks. */
  add_entry (entries, "2026-03-01 08:00", 4, NULL);
  add_entry (entries, "2026-03-02 08:00", 4, NULL);
  add_entry (entries, "2026-03-03 08:00", 5, NULL);
  add_entry (entries, "2026-03-19 08:00", 4, NULL);
  add_entry (entries, "2026-03-20 08:00", 4, NULL);
  add_entry (entries, "2026-03-21 08:00", 4, NULL);

  trend = prehab_trend_compute (entries, "2026-03-01", "2026-03-21", NAN);
  g_assert_cmpfloat_with_epsilon (trend->first, 13.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (trend->last, 4, EPSILON);
  g_assert_cmpstr (trend->summary, ==, "Pain stayed about 4.2 over 3 weeks.");
}

static void
test_trend_too_little (void)
{
  /* Three days rated in each week. With 13 days from the first rated day
   * to the last (the 1st to the 14th) the two weeks do not overlap: a
   * trend, 5.0 to 2.0, 14 days = 2 weeks. With 12 (the 1st to the 13th)
   * they would: too little. With only two days rated in the last week:
   * too little. */
  const struct
  {
    const char *last_days[3];
    const char *summary;
  } cases[] = {
    { { "2026-03-12 08:00", "2026-03-13 08:00", "2026-03-14 08:00" },
      "Pain went from 5.0 to 2.0 over 2 weeks." },
    { { "2026-03-11 08:00", "2026-03-12 08:00", "2026-03-13 08:00" },
      "Not enough ratings yet to show a trend." },
    { { "2026-03-20 08:00", "2026-03-21 08:00", NULL },
      "Not enough ratings yet to show a trend." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) entries = entries_new ();
      g_autoptr (PrehabTrend) trend = NULL;

      add_entry (entries, "2026-03-01 08:00", 5, NULL);
      add_entry (entries, "2026-03-02 08:00", 5, NULL);
      add_entry (entries, "2026-03-03 08:00", 5, NULL);
      for (guint j = 0; j < 3 && cases[i].last_days[j] != NULL; j++)
        add_entry (entries, cases[i].last_days[j], 2, NULL);

      trend = prehab_trend_compute (entries, "2026-03-01", "2026-03-31", NAN);
      g_test_message ("case %u", i);
      g_assert_cmpfloat_with_epsilon (trend->first, 5, EPSILON);
      g_assert_cmpfloat_with_epsilon (trend->last, 2, EPSILON);
      g_assert_cmpstr (trend->summary, ==, cases[i].summary);
    }

  /* A single rating. */
  {
    g_autoptr (GPtrArray) entries = entries_new ();
    g_autoptr (PrehabTrend) trend = NULL;

    add_entry (entries, "2026-03-04 08:00", 6, NULL);
    trend = prehab_trend_compute (entries, "2026-03-01", "2026-03-31", NAN);
    g_assert_cmpfloat_with_epsilon (trend->first, 6, EPSILON);
    g_assert_cmpfloat_with_epsilon (trend->last, 6, EPSILON);
    g_assert_cmpstr (trend->summary, ==, "Not enough ratings yet to show a trend.");
  }
}

/* Triggers ---------------------------------------------------------------- */

static PrehabTriggerInsight *
find_insight (PrehabTriggerInsights *insights,
              const char            *key)
{
  for (guint i = 0; i < insights->insights->len; i++)
    {
      PrehabTriggerInsight *insight = insights->insights->pdata[i];

      if (g_str_equal (insight->trigger, key))
        return insight;
    }

  return NULL;
}

/* Driving on the 1st, 3rd and 5th; not on the 2nd, 4th and 6th: exactly
 * PREHAB_INSIGHT_MIN_DAYS on each side. */
static void
test_triggers_threshold (void)
{
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_trigger_free);
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTriggerInsights) insights = NULL;
  g_autoptr (PrehabTriggerInsights) fewer = NULL;
  const PrehabTriggerInsight *driving;

  add_trigger (triggers, "sitting", "Long sitting");
  add_trigger (triggers, "driving", "Driving");

  /* With: 6, 7, 5: 6.0. Without: 2, 3, 1: 2.0. Difference 4.0.
   * The days after a day with: 2nd 2, 4th 3, 6th 1: 3 days, 2.0. After a
   * day without: 3rd 7, 5th 5 (the 7th is not rated): 2 days, too few:
   * NAN on that side and no next-day sentence. */
  add_entry (entries, "2026-03-01 09:00", 6, "driving", NULL);
  add_entry (entries, "2026-03-02 09:00", 2, NULL);
  add_entry (entries, "2026-03-03 09:00", 7, "driving", NULL);
  add_entry (entries, "2026-03-04 09:00", 3, NULL);
  add_entry (entries, "2026-03-05 09:00", 5, "driving", NULL);
  add_entry (entries, "2026-03-06 09:00", 1, NULL);

  insights = prehab_insights_compare_triggers (entries, triggers, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (insights->insights->len, ==, 1);
  driving = insights->insights->pdata[0];
  g_assert_cmpstr (driving->trigger, ==, "driving");
  g_assert_cmpstr (driving->label, ==, "Driving");
  g_assert_cmpuint (driving->days_with, ==, 3);
  g_assert_cmpuint (driving->days_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (driving->mean_with, 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (driving->mean_without, 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (driving->difference, 4, EPSILON);
  g_assert_cmpuint (driving->next_days_with, ==, 3);
  g_assert_cmpuint (driving->next_days_without, ==, 2);
  g_assert_cmpfloat_with_epsilon (driving->next_mean_with, 2, EPSILON);
  g_assert_true (isnan (driving->next_mean_without));
  g_assert_cmpstr (driving->sentence, ==,
                   "On days you logged “Driving”, pain averaged 4.0 higher: 3 days with, 3 without.");
  g_assert_null (driving->next_day_sentence);
  g_assert_null (insights->needed);

  /* Without driving on the 5th: 2 days with, hidden; one more is needed. */
  g_strfreev (((PrehabPainEntry *) entries->pdata[4])->triggers);
  ((PrehabPainEntry *) entries->pdata[4])->triggers = NULL;
  fewer = prehab_insights_compare_triggers (entries, triggers, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (fewer->insights->len, ==, 0);
  g_assert_cmpstr (fewer->needed, ==, "Log 1 more day with “Driving” to compare it.");
}

/* Days 1 to 10 of March (nothing on the 8th). Entries and their triggers:
 *
 *   day  ratings        daily mean  stress  Desk chair  walk  Garden work
 *   1st  4, 6           5           x                         x (on the 6)
 *   2nd  2              2                               x
 *   3rd  8              8           x       x
 *   4th  3              3                   x                 x
 *   5th  6, 2           4           x (both)                  x (on the 2)
 *   6th  1              1                               x
 *   7th  5              5                   x
 *   9th  4              4                               x
 *   10th 3              3           x
 *
 * Nine rated days; the means add up to 35.
 *
 * stress: with 1st, 3rd, 5th, 10th: (5 + 8 + 4 + 3) / 4 = 5.0; without
 *   2nd, 4th, 6th, 7th, 9th: (2 + 3 + 1 + 5 + 4) / 5 = 3.0; +2.0.
 *   Next days after with: 2nd 2, 4th 3, 6th 1 (the 11th is out of range):
 *   3 days, 2.0. After without: 3rd 8, 5th 4, 7th 5, 10th 3 (not the
 *   8th): 4 days, 5.0. The day after: 3.0 lower.
 * Desk chair: with 3rd, 4th, 7th: 16/3 = 5.33; without 19/6 = 3.17;
 *   +13/6 = 2.17, written 2.2. Next after with: 4th 3, 5th 4: 2 days, NAN;
 *   after without: 2nd 2, 3rd 8, 6th 1, 7th 5, 10th 3: 5 days, 3.8.
 *   No next-day sentence.
 * walk: with 2nd, 6th, 9th: 7/3 = 2.33; without 28/6 = 4.67; -7/3 = -2.33.
 *   Next after with: 3rd 8, 7th 5, 10th 3: 16/3; after without: 2nd 2,
 *   4th 3, 5th 4, 6th 1: 2.5; +17/6 = 2.83, written 2.8.
 * Garden work: with 1st, 4th, 5th: 12/3 = 4.0; without 23/6 = 3.83;
 *   +1/6 = 0.17 < 0.25: about the same. Next after with: 2nd 2, 5th 4,
 *   6th 1: 7/3; after without: 3rd 8, 4th 3, 7th 5, 10th 3: 4.75;
 *   -29/12 = -2.42, written 2.4 lower.
 * phone (built in, "Phone use"): 2nd and 9th, 2 days: hidden, needs 1.
 * lifting: the 3rd only: hidden, needs 2.
 *
 * Order by size of the difference: walk 2.33, Desk chair 2.17, stress 2.0,
 * Garden work 0.17. */
static GPtrArray *
many_triggers (void)
{
  GPtrArray *entries = entries_new ();

  add_entry (entries, "2026-03-01 08:00", 4, "stress", NULL);
  add_entry (entries, "2026-03-01 20:00", 6, "Garden work", NULL);
  add_entry (entries, "2026-03-02 08:00", 2, "walk", "phone", NULL);
  add_entry (entries, "2026-03-03 08:00", 8, "stress", "Desk chair", "lifting", NULL);
  add_entry (entries, "2026-03-04 08:00", 3, "Desk chair", "Garden work", NULL);
  add_entry (entries, "2026-03-05 08:00", 6, "stress", NULL);
  add_entry (entries, "2026-03-05 18:00", 2, "stress", "Garden work", NULL);
  add_entry (entries, "2026-03-06 08:00", 1, "walk", NULL);
  add_entry (entries, "2026-03-07 08:00", 5, "Desk chair", NULL);
  add_entry (entries, "2026-03-09 08:00", 4, "walk", "phone", NULL);
  add_entry (entries, "2026-03-10 08:00", 3, "stress", NULL);
  /* Out of range: neither a day nor a next day. */
  add_entry (entries, "2026-02-28 08:00", 9, "lifting", NULL);
  add_entry (entries, "2026-03-11 08:00", 9, "phone", NULL);

  return entries;
}

static void
test_triggers_compare (void)
{
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_trigger_free);
  g_autoptr (GPtrArray) entries = many_triggers ();
  g_autoptr (PrehabTriggerInsights) insights = NULL;
  const PrehabTriggerInsight *insight;
  const char *order[] = { "walk", "Desk chair", "stress", "Garden work" };

  add_trigger (triggers, "stress", "Stress");
  add_trigger (triggers, "phone", "Phone use");
  add_trigger (triggers, "lifting", "Lifting");
  add_trigger (triggers, NULL, "Desk chair");

  insights = prehab_insights_compare_triggers (entries, triggers, "2026-03-01", "2026-03-10");
  g_assert_cmpuint (insights->insights->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((PrehabTriggerInsight *) insights->insights->pdata[i])->trigger, ==, order[i]);

  insight = find_insight (insights, "stress");
  g_assert_cmpstr (insight->label, ==, "Stress");
  g_assert_cmpuint (insight->days_with, ==, 4);
  g_assert_cmpuint (insight->days_without, ==, 5);
  g_assert_cmpfloat_with_epsilon (insight->mean_with, 5, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->mean_without, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->difference, 2, EPSILON);
  g_assert_cmpuint (insight->next_days_with, ==, 3);
  g_assert_cmpuint (insight->next_days_without, ==, 4);
  g_assert_cmpfloat_with_epsilon (insight->next_mean_with, 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->next_mean_without, 5, EPSILON);
  g_assert_cmpstr (insight->sentence, ==,
                   "On days you logged “Stress”, pain averaged 2.0 higher: 4 days with, 5 without.");
  g_assert_cmpstr (insight->next_day_sentence, ==,
                   "The day after, pain averaged 3.0 lower: 3 days with, 4 without.");

  insight = find_insight (insights, "Desk chair");
  g_assert_cmpstr (insight->label, ==, "Desk chair");
  g_assert_cmpuint (insight->days_with, ==, 3);
  g_assert_cmpuint (insight->days_without, ==, 6);
  g_assert_cmpfloat_with_epsilon (insight->mean_with, 16.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->mean_without, 19.0 / 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->difference, 13.0 / 6, EPSILON);
  g_assert_cmpuint (insight->next_days_with, ==, 2);
  g_assert_cmpuint (insight->next_days_without, ==, 5);
  g_assert_true (isnan (insight->next_mean_with));
  g_assert_cmpfloat_with_epsilon (insight->next_mean_without, 3.8, EPSILON);
  g_assert_cmpstr (insight->sentence, ==,
                   "On days you logged “Desk chair”, pain averaged 2.2 higher: 3 days with, 6 without.");
  g_assert_null (insight->next_day_sentence);

  /* Not in the list: the key is the label. */
  insight = find_insight (insights, "walk");
  g_assert_cmpstr (insight->label, ==, "walk");
  g_assert_cmpuint (insight->days_with, ==, 3);
  g_assert_cmpuint (insight->days_without, ==, 6);
  g_assert_cmpfloat_with_epsilon (insight->mean_with, 7.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->mean_without, 28.0 / 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->difference, -7.0 / 3, EPSILON);
  g_assert_cmpuint (insight->next_days_with, ==, 3);
  g_assert_cmpuint (insight->next_days_without, ==, 4);
  g_assert_cmpfloat_with_epsilon (insight->next_mean_with, 16.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->next_mean_without, 2.5, EPSILON);
  g_assert_cmpstr (insight->sentence, ==,
                   "On days you logged “walk”, pain averaged 2.3 lower: 3 days with, 6 without.");
  g_assert_cmpstr (insight->next_day_sentence, ==,
                   "The day after, pain averaged 2.8 higher: 3 days with, 4 without.");

  insight = find_insight (insights, "Garden work");
  g_assert_cmpuint (insight->days_with, ==, 3);
  g_assert_cmpuint (insight->days_without, ==, 6);
  g_assert_cmpfloat_with_epsilon (insight->difference, 1.0 / 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->next_mean_with, 7.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (insight->next_mean_without, 4.75, EPSILON);
  g_assert_cmpstr (insight->sentence, ==,
                   "On days you logged “Garden work”, pain was about the same as on other days: "
                   "3 days with, 6 without.");
  g_assert_cmpstr (insight->next_day_sentence, ==,
                   "The day after, pain averaged 2.4 lower: 3 days with, 4 without.");

  /* Phone needs one more day, lifting two: phone is closer; its label
   * comes from the list. */
  g_assert_null (find_insight (insights, "phone"));
  g_assert_null (find_insight (insights, "lifting"));
  g_assert_cmpstr (insights->needed, ==, "Log 1 more day with “Phone use” to compare it.");
}

static void
test_triggers_no_labels_no_limits (void)
{
  g_autoptr (GPtrArray) entries = many_triggers ();
  g_autoptr (PrehabTriggerInsights) insights = NULL;
  const PrehabTriggerInsight *stress;

  /* Without limits the 28th (lifting, 9) and the 11th (phone, 9) count:
   * eleven rated days. phone: 2nd, 9th, 11th: 3 days with, 8 without,
   * (2 + 4 + 9) / 3 = 5.0 against (9 + 5 + 8 + 3 + 4 + 1 + 5 + 3) / 8 =
   * 4.75. lifting: the 28th and the 3rd, still 2 days: needs 1 more.
   * stress: the 10th's next day (the 11th, 9) is now rated: after with
   * 2, 3, 1, 9: 15/4. */
  insights = prehab_insights_compare_triggers (entries, NULL, NULL, NULL);
  g_assert_nonnull (find_insight (insights, "phone"));
  g_assert_cmpstr (find_insight (insights, "phone")->label, ==, "phone");
  g_assert_cmpuint (find_insight (insights, "phone")->days_with, ==, 3);
  g_assert_cmpuint (find_insight (insights, "phone")->days_without, ==, 8);
  g_assert_cmpfloat_with_epsilon (find_insight (insights, "phone")->difference, 0.25, EPSILON);
  stress = find_insight (insights, "stress");
  g_assert_cmpstr (stress->label, ==, "stress");
  g_assert_cmpuint (stress->next_days_with, ==, 4);
  g_assert_cmpfloat_with_epsilon (stress->next_mean_with, 15.0 / 4, EPSILON);
  g_assert_null (find_insight (insights, "lifting"));
  g_assert_cmpstr (insights->needed, ==, "Log 1 more day with “lifting” to compare it.");
}

static void
test_triggers_needed (void)
{
  const struct
  {
    const char *why;
    const char *days[4];   /* each day: "d" with stress, "-" without */
    const char *needed;
  } cases[] = {
    { "no entries", { NULL },
      "Name what you were doing when you log pain; after 3 days with a trigger and 3 without, "
      "its pattern shows here." },
    { "no trigger logged", { "-", "-", "-", "-" },
      "Name what you were doing when you log pain; after 3 days with a trigger and 3 without, "
      "its pattern shows here." },
    { "one of each", { "d", "-", NULL },
      "Log 2 more days with “Stress” and 2 more days without to compare it." },
    { "one with, two without", { "d", "-", "-", NULL },
      "Log 2 more days with “Stress” and 1 more day without to compare it." },
    { "two with, one without", { "d", "d", "-", NULL },
      "Log 1 more day with “Stress” and 2 more days without to compare it." },
    { "every day", { "d", "d", "d", "d" },
      "Log 3 more days without “Stress” to compare it." },
    { "three with, one without", { "d", "d", "d", "-" },
      "Log 2 more days without “Stress” to compare it." },
  };
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_trigger_free);

  add_trigger (triggers, "stress", "Stress");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) entries = entries_new ();
      g_autoptr (PrehabTriggerInsights) insights = NULL;

      for (guint d = 0; d < 4 && cases[i].days[d] != NULL; d++)
        {
          g_autofree char *at = g_strdup_printf ("2026-03-%02u 09:00", d + 1);

          if (g_str_equal (cases[i].days[d], "d"))
            add_entry (entries, at, 4, "stress", NULL);
          else
            add_entry (entries, at, 4, NULL);
        }

      g_test_message ("%s", cases[i].why);
      insights = prehab_insights_compare_triggers (entries, triggers, NULL, NULL);
      g_assert_cmpuint (insights->insights->len, ==, 0);
      g_assert_cmpstr (insights->needed, ==, cases[i].needed);
    }
}

/* Two triggers that each need one more day: the first by label is named;
 * a tie in size is sorted by label too. */
static void
test_triggers_ties (void)
{
  g_autoptr (GPtrArray) entries = entries_new ();
  g_autoptr (PrehabTriggerInsights) insights = NULL;

  /* Days 1 to 6, pain 6, 6, 6, 2, 2, 2. "b" and "a" on the first three:
   * both +4.0, shown as "a" then "b". "zebra" and "yak" on two days each:
   * each needs 1 more; "yak" comes first. */
  add_entry (entries, "2026-03-01 09:00", 6, "b", "a", "zebra", NULL);
  add_entry (entries, "2026-03-02 09:00", 6, "b", "a", "zebra", "yak", NULL);
  add_entry (entries, "2026-03-03 09:00", 6, "b", "a", "yak", NULL);
  add_entry (entries, "2026-03-04 09:00", 2, NULL);
  add_entry (entries, "2026-03-05 09:00", 2, NULL);
  add_entry (entries, "2026-03-06 09:00", 2, NULL);

  insights = prehab_insights_compare_triggers (entries, NULL, NULL, NULL);
  g_assert_cmpuint (insights->insights->len, ==, 2);
  g_assert_cmpstr (((PrehabTriggerInsight *) insights->insights->pdata[0])->trigger, ==, "a");
  g_assert_cmpstr (((PrehabTriggerInsight *) insights->insights->pdata[1])->trigger, ==, "b");
  g_assert_cmpstr (insights->needed, ==, "Log 1 more day with “yak” to compare it.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insights/trend/days", test_trend_days);
  g_test_add_func ("/insights/trend/empty", test_trend_empty);
  g_test_add_func ("/insights/trend/went-down", test_trend_went_down);
  g_test_add_func ("/insights/trend/rose", test_trend_rose);
  g_test_add_func ("/insights/trend/stayed", test_trend_stayed);
  g_test_add_func ("/insights/trend/too-little", test_trend_too_little);
  g_test_add_func ("/insights/triggers/threshold", test_triggers_threshold);
  g_test_add_func ("/insights/triggers/compare", test_triggers_compare);
  g_test_add_func ("/insights/triggers/no-labels-no-limits", test_triggers_no_labels_no_limits);
  g_test_add_func ("/insights/triggers/needed", test_triggers_needed);
  g_test_add_func ("/insights/triggers/ties", test_triggers_ties);

  return g_test_run ();
}
