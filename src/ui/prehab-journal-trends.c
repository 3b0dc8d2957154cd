/* prehab-journal-trends.c
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

#define G_LOG_DOMAIN "prehab-journal-trends"

#include "config.h"

#include "prehab-journal-trends.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-insights.h"
#include "prehab-journal.h"
#include "prehab-schedule.h"
#include "prehab-trend-chart.h"

/* The Journal's "Trends" sub-page: the pain chart of the program, its
 * summary as a caption, and how the person's triggers go with their pain
 * (prehab-insights.h), largest difference first. */
struct _PrehabJournalTrends
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkLabel         *chart_title;
  PrehabTrendChart *chart;
  GtkLabel         *chart_caption;
  GtkListBox       *insights_list;
};

G_DEFINE_FINAL_TYPE (PrehabJournalTrends, prehab_journal_trends, GTK_TYPE_WIDGET)

#define PROGRAM_DAYS 56

static void
clear_insights (PrehabJournalTrends *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->insights_list))) != NULL)
    gtk_list_box_remove (self->insights_list, child);
}

static GtkWidget *
create_insight_row (const PrehabTriggerInsight *insight)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *difference;
  g_autofree char *text = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), insight->sentence);
  if (insight->next_day_sentence != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), insight->next_day_sentence);

  /* The difference in points, signed, beside the sentence that says it;
   * the sentence is what assistive technologies read. */
  text = g_strdup_printf ("%+.1f", insight->difference);
  difference = gtk_label_new (text);
  gtk_widget_add_css_class (difference, "numeric");
  gtk_widget_add_css_class (difference, "insight-difference");
  if (insight->difference >= 0.5)
    gtk_widget_add_css_class (difference, "warning");
  else if (insight->difference <= -0.5)
    gtk_widget_add_css_class (difference, "success");
  else
    gtk_widget_add_css_class (difference, "dim-label");
  gtk_widget_set_valign (difference, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (difference),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), difference);

  return row;
}

static GtkWidget *
create_needed_row (const char *needed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), needed);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
show_insights (PrehabJournalTrends *self,
               GPtrArray           *entries,
               GPtrArray           *triggers,
               const char          *today)
{
  g_autoptr (PrehabTriggerInsights) insights = NULL;

  clear_insights (self);
  insights = prehab_insights_compare_triggers (entries, triggers, NULL, today);
  if (insights == NULL)
    return;

  for (guint i = 0; insights->insights != NULL && i < insights->insights->len; i++)
    gtk_list_box_append (self->insights_list, create_insight_row (insights->insights->pdata[i]));
  if (insights->needed != NULL)
    gtk_list_box_append (self->insights_list, create_needed_row (insights->needed));
}

/* Keeps the first of several errors; returns whether there was one. */
static gboolean
keep_first_error (GError **error,
                  GError  *new_error)
{
  if (new_error == NULL)
    return FALSE;
  if (error != NULL && *error == NULL)
    g_propagate_error (error, new_error);
  else
    g_error_free (new_error);
  return TRUE;
}

static void
prehab_journal_trends_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PREHAB_TYPE_JOURNAL_TRENDS);
  /* The template's top box has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (prehab_journal_trends_parent_class)->dispose (object);
}

static void
prehab_journal_trends_class_init (PrehabJournalTrendsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_journal_trends_dispose;

  g_type_ensure (PREHAB_TYPE_TREND_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-journal-trends.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalTrends, chart_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalTrends, chart);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalTrends, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalTrends, insights_list);
}

static void
prehab_journal_trends_init (PrehabJournalTrends *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->chart_title, _("Pain Over the Program"));
  gtk_label_set_text (self->chart_caption, prehab_trend_chart_get_summary (self->chart));
}

/**
 * prehab_journal_trends_update:
 * @self: the sub-page
 * @store: the open store, for the program's calendar and baseline
 * @entries: (element-type PrehabPainEntry): every entry, oldest first
 * @triggers: (element-type PrehabTrigger): the journal's triggers, for
 *   their names
 * @today: YYYY-MM-DD
 * @error: return location for the first error
 *
 * Shows the chart and the insights. The chart spans the program, from its
 * start to the end of its eight weeks or today, whichever comes first;
 * without a program under way, the last eight weeks of entries. What can
 * be shown is shown even when reading the program fails.
 *
 * Returns: %FALSE when a part could not be read
 */
gboolean
prehab_journal_trends_update (PrehabJournalTrends  *self,
                              PrehabStore          *store,
                              GPtrArray            *entries,
                              GPtrArray            *triggers,
                              const char           *today,
                              GError              **error)
{
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (GArray) calendar = NULL;
  g_autoptr (PrehabTrend) trend = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GError *local_error = NULL;
  gboolean failed = FALSE;
  double baseline = NAN;
  guint32 today_day;

  g_return_val_if_fail (PREHAB_IS_JOURNAL_TRENDS (self), FALSE);
  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  today_day = prehab_date_to_day (today);
  enrollment = prehab_enrollment_load_active (store, &local_error);
  failed |= keep_first_error (error, g_steal_pointer (&local_error));

  if (enrollment != NULL && prehab_date_to_day (enrollment->start_date) <= today_day)
    {
      g_autoptr (PrehabPlan) plan = NULL;
      guint32 end = prehab_date_to_day (enrollment->start_date) + PROGRAM_DAYS - 1;

      calendar = prehab_schedule_load_calendar (store, today, &local_error);
      failed |= keep_first_error (error, g_steal_pointer (&local_error));
      if (calendar != NULL && calendar->len > 0)
        end = prehab_date_to_day (g_array_index (calendar, PrehabCalendarDay, calendar->len - 1).date);

      /* The planner's baseline: the first week's mornings. */
      plan = prehab_schedule_decide (store, today, &local_error);
      failed |= keep_first_error (error, g_steal_pointer (&local_error));
      if (plan != NULL && plan->baseline >= 0)
        baseline = plan->baseline;

      from = g_strdup (enrollment->start_date);
      to = prehab_day_to_date (MIN (end, today_day));
      gtk_label_set_text (self->chart_title, _("Pain Over the Program"));
    }
  else if (entries->len > 0)
    {
      const PrehabPainEntry *last = entries->pdata[entries->len - 1];
      g_autofree char *last_date = g_strndup (last->logged_at, 10);
      guint32 last_day = prehab_date_to_day (last_date);

      from = prehab_day_to_date (last_day - (PROGRAM_DAYS - 1));
      to = g_steal_pointer (&last_date);
      /* Translators: the title of the pain chart before a program */
      gtk_label_set_text (self->chart_title, _("Pain Over Eight Weeks"));
    }

  if (from != NULL && to != NULL)
    trend = prehab_trend_compute (entries, from, to, baseline);
  prehab_trend_chart_set_calendar (self->chart, calendar);
  prehab_trend_chart_set_trend (self->chart, trend);
  gtk_label_set_text (self->chart_caption, prehab_trend_chart_get_summary (self->chart));

  show_insights (self, entries, triggers, today);

  return !failed;
}
