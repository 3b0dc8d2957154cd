/* test-trend-chart.c
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

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-trend-chart.h"

/* The Journal's pain chart fed with a trend computed here from entries
 * built here, shown in a real window under Xvfb and rendered to pixels:
 * its accessible description, its size, and what it draws. */

#define FROM_DATE "2025-11-03"   /* a Monday */
#define TO_DATE   "2025-11-30"   /* four weeks */

typedef struct
{
  GtkWidget        *window;
  PrehabTrendChart *chart;
} Fixture;

static PrehabPainEntry *
new_entry (const char *date,
           const char *time,
           int         pain)
{
  PrehabPainEntry *entry = prehab_pain_entry_new ();

  entry->logged_at = g_strdup_printf ("%s %s", date, time);
  g_free (entry->context);
  entry->context = g_strdup ("morning");
  entry->pain = pain;
  return entry;
}

/* Four weeks of mornings, pain falling from 6 to 3. */
static GPtrArray *
build_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_pain_entry_free);
  guint32 from = prehab_date_to_day (FROM_DATE);

  for (guint i = 0; i < 28; i++)
    {
      g_autofree char *date = prehab_day_to_date (from + i);

      g_ptr_array_add (entries, new_entry (date, "08:00", 6 - (int) (i / 7)));
    }

  return entries;
}

/* The program's calendar over the same days: every session done. */
static GArray *
build_calendar (void)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (PrehabCalendarDay));
  guint32 from = prehab_date_to_day (FROM_DATE);

  g_array_set_clear_func (days, (GDestroyNotify) prehab_calendar_day_clear);
  for (guint i = 0; i < 56; i++)
    {
      PrehabCalendarDay day = { 0 };

      day.date = prehab_day_to_date (from + i);
      day.week = i / 7 + 1;
      day.is_future = i >= 28;
      day.planned_phase = day.week == 1 ? PREHAB_PHASE_DESENSITIZE
                          : day.week <= 3 ? PREHAB_PHASE_MOBILIZE : PREHAB_PHASE_STRENGTHEN;
      day.phase = day.planned_phase;
      day.status = i < 28 ? PREHAB_SESSION_DONE : PREHAB_SESSION_NONE;
      day.pain = -1;
      g_array_append_val (days, day);
    }

  return days;
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

/* Until the widget was laid out and drawn after its last change: two
 * frames of its window. */
static void
wait_for_drawing (GtkWidget *widget)
{
  guint n_frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, on_tick_cb, &n_frames, NULL);

  while (n_frames < 2 || gtk_widget_get_width (widget) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->chart = PREHAB_TREND_CHART (prehab_trend_chart_new ());
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->chart));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_drawing (GTK_WIDGET (fixture->chart));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

static GdkRGBA
lookup_color (GtkWidget  *widget,
              const char *name)
{
  GdkRGBA color = { 0 };

  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color));
  return color;
}

/* How many pixels of the rendered chart are close to @color. */
static guint
count_pixels (Fixture       *fixture,
              const GdkRGBA *color)
{
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  gsize stride = width * 4;
  guint n = 0;

  wait_for_drawing (widget);
  /* The chart draws itself alone, as it does in its window. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* Cairo's ARGB32: B, G, R, A in memory on little-endian machines. */
        const guchar *p = pixels + y * stride + x * 4;

        if (p[3] > 200 &&
            ABS (p[2] - color->red * 255) < 24 &&
            ABS (p[1] - color->green * 255) < 24 &&
            ABS (p[0] - color->blue * 255) < 24)
          n++;
      }

  return n;
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = build_entries ();
  g_autoptr (PrehabTrend) trend = prehab_trend_compute (entries, FROM_DATE, TO_DATE, 6.0);
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  int minimum, natural;

  g_assert_cmpstr (trend->summary, ==, "Pain went from 6.0 to 3.0 over 4 weeks.");

  prehab_trend_chart_set_trend (fixture->chart, trend);
  wait_for_drawing (widget);

  g_assert_cmpstr (prehab_trend_chart_get_summary (fixture->chart), ==, trend->summary);
  g_assert_cmpuint (prehab_trend_chart_get_n_days (fixture->chart), ==, 28);
  g_assert_cmpuint (prehab_trend_chart_get_n_rated_days (fixture->chart), ==, 28);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  g_assert_cmpint (gtk_widget_get_width (widget), >=, 240);
  g_assert_cmpint (gtk_widget_get_height (widget), >=, 140);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, 640, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 140);
  g_assert_cmpint (natural, ==, minimum);

  /* The 7-day line is drawn in the accent colour. */
  {
    GdkRGBA accent = lookup_color (widget, "accent_color");

    g_assert_cmpuint (count_pixels (fixture, &accent), >, 100);
  }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) prehab_pain_entry_free);
  g_autoptr (PrehabTrend) trend = prehab_trend_compute (entries, FROM_DATE, TO_DATE, NAN);
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  GdkRGBA accent = lookup_color (widget, "accent_color");

  /* Nothing given: it says so. */
  g_assert_cmpstr (prehab_trend_chart_get_summary (fixture->chart), ==, "No pain ratings to show yet.");
  g_assert_cmpuint (prehab_trend_chart_get_n_days (fixture->chart), ==, 0);
  g_assert_cmpint (gtk_widget_get_height (widget), >, 0);
  g_assert_cmpuint (count_pixels (fixture, &accent), ==, 0);

  /* A period without ratings: the trend's own sentence, and no line. */
  prehab_trend_chart_set_trend (fixture->chart, trend);
  wait_for_drawing (widget);
  g_assert_cmpstr (prehab_trend_chart_get_summary (fixture->chart), ==,
                   "Not enough ratings yet to show a trend.");
  g_assert_cmpuint (prehab_trend_chart_get_n_rated_days (fixture->chart), ==, 0);
  g_assert_cmpuint (count_pixels (fixture, &accent), ==, 0);

  /* Back to nothing. */
  prehab_trend_chart_set_trend (fixture->chart, NULL);
  g_assert_cmpstr (prehab_trend_chart_get_summary (fixture->chart), ==, "No pain ratings to show yet.");
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = build_entries ();
  g_autoptr (PrehabTrend) trend = prehab_trend_compute (entries, FROM_DATE, TO_DATE, NAN);
  g_autoptr (GArray) calendar = build_calendar ();
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  GdkRGBA success = lookup_color (widget, "success_color");
  guint before;
  int with_calendar, without_calendar;

  prehab_trend_chart_set_trend (fixture->chart, trend);
  wait_for_drawing (widget);
  before = count_pixels (fixture, &success);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, 640, &without_calendar, NULL, NULL, NULL);

  /* The done sessions are marked in the success colour, under the plot. */
  prehab_trend_chart_set_calendar (fixture->chart, calendar);
  wait_for_drawing (widget);
  g_assert_cmpuint (count_pixels (fixture, &success), >, before + 28);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, 640, &with_calendar, NULL, NULL, NULL);
  g_assert_cmpint (with_calendar, >, without_calendar);

  prehab_trend_chart_set_calendar (fixture->chart, NULL);
  wait_for_drawing (widget);
  g_assert_cmpuint (count_pixels (fixture, &success), ==, before);
}

/* A program's first days still span a week, not the whole width. */
static void
test_short (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = build_entries ();
  g_autoptr (PrehabTrend) trend = prehab_trend_compute (entries, FROM_DATE, "2025-11-05", NAN);

  prehab_trend_chart_set_trend (fixture->chart, trend);
  g_assert_cmpuint (prehab_trend_chart_get_n_rated_days (fixture->chart), ==, 3);
  g_assert_cmpuint (prehab_trend_chart_get_n_days (fixture->chart), ==, 7);
  g_assert_cmpstr (prehab_trend_chart_get_summary (fixture->chart), ==,
                   "Not enough ratings yet to show a trend.");
}

/* At the narrowest window the chart still fits, and is shorter. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = build_entries ();
  g_autoptr (PrehabTrend) trend = prehab_trend_compute (entries, FROM_DATE, TO_DATE, 6.0);
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  int minimum_width, narrow, wide;

  prehab_trend_chart_set_trend (fixture->chart, trend);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
  g_assert_cmpint (minimum_width, <=, 300);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, minimum_width, &narrow, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, 700, &wide, NULL, NULL, NULL);
  g_assert_cmpint (narrow, >, 0);
  g_assert_cmpint (narrow, <, wide);
}

int
main (int   argc,
      char *argv[])
{
  /* English sentences and a point for decimals, whatever the locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/trend-chart/summary", Fixture, NULL,
              fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/trend-chart/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/trend-chart/sessions", Fixture, NULL,
              fixture_set_up, test_sessions, fixture_tear_down);
  g_test_add ("/trend-chart/short", Fixture, NULL,
              fixture_set_up, test_short, fixture_tear_down);
  g_test_add ("/trend-chart/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
