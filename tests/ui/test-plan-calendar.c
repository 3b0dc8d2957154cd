/* test-plan-calendar.c
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

#include <gtk/gtk.h>
#include <locale.h>

#include "prehab-plan-calendar.h"
#include "prehab-plan-cell.h"

/* The calendar fed with days built here, shown in a real window under
 * Xvfb: cells, layout, accessible names, keys and clicks. */

#define START_DATE "2025-11-19"   /* a Wednesday */
#define TODAY_DATE "2025-12-09"   /* a Tuesday: week 3, the 21st day */
#define TODAY_INDEX 20

typedef struct
{
  GtkWidget          *window;
  PrehabPlanCalendar *calendar;
  GArray             *days;
} Fixture;

static void
clear_day (gpointer data)
{
  PrehabCalendarDay *day = data;

  g_free (day->date);
}

/* 56 days from START_DATE: the first week all done, then a mix; strength
 * days on Mondays, Wednesdays and Fridays. */
static GArray *
build_days (void)
{
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (PrehabCalendarDay), 56);
  g_autoptr (GDateTime) start = g_date_time_new_local (2025, 11, 19, 12, 0, 0);

  g_array_set_clear_func (days, clear_day);

  for (int i = 0; i < 56; i++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (start, i);
      PrehabCalendarDay day = { 0 };

      day.date = g_date_time_format (date, "%Y-%m-%d");
      day.week = i / 7 + 1;
      day.weekday = g_date_time_get_day_of_week (date) - 1;
      day.is_today = i == TODAY_INDEX;
      day.is_future = i > TODAY_INDEX;
      day.planned_phase = day.week <= 2 ? PREHAB_PHASE_DESENSITIZE
                          : day.week <= 4 ? PREHAB_PHASE_MOBILIZE : PREHAB_PHASE_STRENGTHEN;
      day.phase = day.planned_phase;
      day.training = day.weekday == 0 || day.weekday == 2 || day.weekday == 4;
      day.pain = -1;
      day.status = PREHAB_SESSION_NONE;

      if (i < 7)
        day.status = PREHAB_SESSION_DONE;
      else if (i == 8)
        day.status = PREHAB_SESSION_PARTIAL;
      else if (i == 9)
        day.status = PREHAB_SESSION_SKIPPED;
      else if (i < TODAY_INDEX && i != 12)
        day.status = PREHAB_SESSION_DONE;   /* 2025-12-01, day 12, is missed */

      if (i == 0)
        day.pain = 3;
      if (i == 12)
        day.pain = 5;

      g_array_append_val (days, day);
    }

  return days;
}

static void
wait_for_allocation (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) == 0 || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->days = build_days ();
  fixture->calendar = PREHAB_PLAN_CALENDAR (prehab_plan_calendar_new ());
  prehab_plan_calendar_set_days (fixture->calendar, fixture->days);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->calendar));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_allocation (GTK_WIDGET (fixture->calendar));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->days, g_array_unref);
}

static GtkWidget *
cell_at (Fixture *fixture,
         guint    index)
{
  const char *date = g_array_index (fixture->days, PrehabCalendarDay, index).date;
  GtkWidget *cell = prehab_plan_calendar_get_day_widget (fixture->calendar, date);

  g_assert_nonnull (cell);
  return cell;
}

static const char *
label_at (Fixture *fixture,
          guint    index)
{
  return prehab_plan_cell_get_accessible_label (PREHAB_PLAN_CELL (cell_at (fixture, index)));
}

static void
test_cells (Fixture       *fixture,
            gconstpointer  data)
{
  guint n_cells = 0;
  guint n_focusable = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->calendar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PREHAB_IS_PLAN_CELL (child))
      {
        n_cells++;
        n_focusable += gtk_widget_get_focusable (child);
      }

  g_assert_cmpuint (n_cells, ==, 56);
  g_assert_cmpuint (prehab_plan_calendar_get_n_days (fixture->calendar), ==, 56);
  g_assert_cmpuint (prehab_plan_calendar_get_n_rows (fixture->calendar), ==, 8);
  /* Only the selected day takes the focus from Tab: one stop, not 56. */
  g_assert_cmpuint (n_focusable, ==, 1);
  g_assert_cmpstr (prehab_plan_calendar_get_selected_date (fixture->calendar), ==, TODAY_DATE);
  g_assert_true (gtk_widget_get_focusable (cell_at (fixture, TODAY_INDEX)));
}

static GtkWidget *
find_label (GtkWidget  *parent,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), text))
      return child;

  return NULL;
}

static double
center_x (GtkWidget *widget,
          GtkWidget *relative_to)
{
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, relative_to,
                                                   gtk_widget_get_width (widget) / 2.0, 0,
                                                   &x, &y));
  return x;
}

static double
top_y (GtkWidget *widget,
       GtkWidget *relative_to)
{
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, relative_to, 0, 0, &x, &y));
  return y;
}

/* Rows are program weeks: the start date, a Wednesday, heads the first
 * column, and every column is one weekday. */
static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *calendar = GTK_WIDGET (fixture->calendar);
  GtkWidget *wednesday = find_label (calendar, "Wed");
  GtkWidget *tuesday = find_label (calendar, "Tue");
  guint row, column;

  g_assert_true (prehab_plan_calendar_get_day_position (fixture->calendar, START_DATE,
                                                        &row, &column));
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (column, ==, 0);
  g_assert_true (prehab_plan_calendar_get_day_position (fixture->calendar, TODAY_DATE,
                                                        &row, &column));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 6);
  g_assert_false (prehab_plan_calendar_get_day_position (fixture->calendar, "2025-11-18",
                                                         NULL, NULL));

  /* As drawn: headers over their columns, rows top to bottom. */
  g_assert_nonnull (wednesday);
  g_assert_nonnull (tuesday);
  g_assert_cmpfloat_with_epsilon (center_x (wednesday, calendar),
                                  center_x (cell_at (fixture, 0), calendar), 0.5);
  g_assert_cmpfloat_with_epsilon (center_x (wednesday, calendar),
                                  center_x (cell_at (fixture, 49), calendar), 0.5);
  g_assert_cmpfloat_with_epsilon (center_x (tuesday, calendar),
                                  center_x (cell_at (fixture, TODAY_INDEX), calendar), 0.5);
  g_assert_cmpfloat (center_x (cell_at (fixture, 0), calendar), <,
                     center_x (cell_at (fixture, 1), calendar));
  g_assert_cmpfloat (top_y (cell_at (fixture, 6), calendar), <,
                     top_y (cell_at (fixture, 7), calendar));
  g_assert_cmpfloat (top_y (cell_at (fixture, 14), calendar), ==,
                     top_y (cell_at (fixture, TODAY_INDEX), calendar));
  g_assert_cmpfloat (top_y (cell_at (fixture, 49), calendar), >,
                     top_y (cell_at (fixture, 42), calendar));
}

static void
test_accessible_labels (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpstr (label_at (fixture, 0), ==,
                   "Week 1, Wednesday 19 November: strength session done, pain 3");
  g_assert_cmpstr (label_at (fixture, 1), ==, "Week 1, Thursday 20 November: session done");
  g_assert_cmpstr (label_at (fixture, 8), ==,
                   "Week 2, Thursday 27 November: session partly done");
  g_assert_cmpstr (label_at (fixture, 9), ==, "Week 2, Friday 28 November: session skipped");
  g_assert_cmpstr (label_at (fixture, 12), ==, "Week 2, Monday 1 December: missed, pain 5");
  g_assert_cmpstr (label_at (fixture, TODAY_INDEX), ==, "Week 3, Tuesday 9 December: today");
  g_assert_cmpstr (label_at (fixture, TODAY_INDEX + 1), ==,
                   "Week 4, Wednesday 10 December: strength session planned");
  g_assert_cmpstr (label_at (fixture, TODAY_INDEX + 2), ==,
                   "Week 4, Thursday 11 December: daily routine planned");
}

/* Activates the calendar's own shortcut for @keyval, as a key press on the
 * focused day would: key events bubble from the day to the calendar. */
static void
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GtkWidget *calendar = GTK_WIDGET (fixture->calendar);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (calendar);
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; !found && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              found = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    calendar, gtk_shortcut_get_arguments (shortcut));
            }
        }
    }

  g_assert_true (found);
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
assert_selected (Fixture *fixture,
                 guint    index)
{
  GtkWidget *cell = cell_at (fixture, index);

  g_assert_cmpstr (prehab_plan_calendar_get_selected_date (fixture->calendar), ==,
                   g_array_index (fixture->days, PrehabCalendarDay, index).date);
  g_assert_true (focus_widget (fixture) == cell);
  g_assert_true (prehab_plan_cell_get_selected (PREHAB_PLAN_CELL (cell)));
  g_assert_true (gtk_widget_get_focusable (cell));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  gtk_widget_grab_focus (GTK_WIDGET (fixture->calendar));
  g_assert_true (focus_widget (fixture) == cell_at (fixture, TODAY_INDEX));

  press_key (fixture, GDK_KEY_Right, 0);
  assert_selected (fixture, TODAY_INDEX + 1);
  g_assert_false (gtk_widget_get_focusable (cell_at (fixture, TODAY_INDEX)));
  g_assert_false (prehab_plan_cell_get_selected (PREHAB_PLAN_CELL (cell_at (fixture,
                                                                            TODAY_INDEX))));

  press_key (fixture, GDK_KEY_Left, 0);
  press_key (fixture, GDK_KEY_Left, 0);
  assert_selected (fixture, TODAY_INDEX - 1);

  press_key (fixture, GDK_KEY_Up, 0);
  assert_selected (fixture, TODAY_INDEX - 8);

  press_key (fixture, GDK_KEY_Down, 0);
  press_key (fixture, GDK_KEY_Down, 0);
  assert_selected (fixture, TODAY_INDEX + 6);

  press_key (fixture, GDK_KEY_Home, 0);
  assert_selected (fixture, 21);
  press_key (fixture, GDK_KEY_End, 0);
  assert_selected (fixture, 27);

  press_key (fixture, GDK_KEY_Home, GDK_CONTROL_MASK);
  assert_selected (fixture, 0);
  /* No wrapping at the edges. */
  press_key (fixture, GDK_KEY_Left, 0);
  press_key (fixture, GDK_KEY_Up, 0);
  assert_selected (fixture, 0);

  press_key (fixture, GDK_KEY_End, GDK_CONTROL_MASK);
  assert_selected (fixture, 55);
  press_key (fixture, GDK_KEY_Down, 0);
  press_key (fixture, GDK_KEY_Right, 0);
  assert_selected (fixture, 55);
}

static void
on_day_activated_cb (PrehabPlanCalendar *calendar,
                     const char         *date,
                     GPtrArray          *activated)
{
  g_ptr_array_add (activated, g_strdup (date));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notifies)
{
  (*n_notifies)++;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_length (GPtrArray *array,
                 guint      length)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, on_timeout_cb, &timed_out);

  while (array->len < length && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) activated = g_ptr_array_new_with_free_func (g_free);
  guint n_notifies = 0;

  g_signal_connect (fixture->calendar, "day-activated",
                    G_CALLBACK (on_day_activated_cb), activated);
  g_signal_connect (fixture->calendar, "notify::selected-date",
                    G_CALLBACK (on_notify_cb), &n_notifies);

  /* Enter and Space activate a button; so does AT-SPI's click. The button
   * shows itself pressed for a moment before it reports the click. */
  g_assert_true (gtk_widget_activate (cell_at (fixture, 12)));
  wait_for_length (activated, 1);
  g_assert_cmpuint (activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (activated, 0), ==, "2025-12-01");
  g_assert_cmpuint (n_notifies, ==, 1);
  assert_selected (fixture, 12);

  /* A click on a day that is not focusable selects it too. */
  g_signal_emit_by_name (cell_at (fixture, 30), "clicked");
  g_assert_cmpuint (activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (activated, 1), ==, "2025-12-19");
  g_assert_cmpuint (n_notifies, ==, 2);
  assert_selected (fixture, 30);

  /* Selecting from code neither activates nor moves the focus. */
  g_assert_true (prehab_plan_calendar_select_date (fixture->calendar, START_DATE));
  g_assert_false (prehab_plan_calendar_select_date (fixture->calendar, "2026-03-01"));
  g_assert_cmpuint (activated->len, ==, 2);
  g_assert_cmpuint (n_notifies, ==, 3);
  g_assert_cmpstr (prehab_plan_calendar_get_selected_date (fixture->calendar), ==, START_DATE);
  g_assert_true (focus_widget (fixture) == cell_at (fixture, 30));
}

/* New days keep the selected day; without days there is nothing to select. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GArray) days = build_days ();
  guint n_notifies = 0;

  g_assert_true (prehab_plan_calendar_select_date (fixture->calendar, "2025-12-01"));
  g_signal_connect (fixture->calendar, "notify::selected-date",
                    G_CALLBACK (on_notify_cb), &n_notifies);

  prehab_plan_calendar_set_days (fixture->calendar, days);
  g_assert_cmpstr (prehab_plan_calendar_get_selected_date (fixture->calendar), ==, "2025-12-01");
  g_assert_true (prehab_plan_cell_get_selected (PREHAB_PLAN_CELL (cell_at (fixture, 12))));

  prehab_plan_calendar_set_days (fixture->calendar, NULL);
  g_assert_null (prehab_plan_calendar_get_selected_date (fixture->calendar));
  g_assert_cmpuint (prehab_plan_calendar_get_n_days (fixture->calendar), ==, 0);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (fixture->calendar)));
  g_assert_cmpuint (n_notifies, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* English names, whatever the machine's locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-calendar/cells", Fixture, NULL,
              fixture_set_up, test_cells, fixture_tear_down);
  g_test_add ("/plan-calendar/layout", Fixture, NULL,
              fixture_set_up, test_layout, fixture_tear_down);
  g_test_add ("/plan-calendar/accessible-labels", Fixture, NULL,
              fixture_set_up, test_accessible_labels, fixture_tear_down);
  g_test_add ("/plan-calendar/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/plan-calendar/activate", Fixture, NULL,
              fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/plan-calendar/reload", Fixture, NULL,
              fixture_set_up, test_reload, fixture_tear_down);

  return g_test_run ();
}
