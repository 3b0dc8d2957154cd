/* test-figure-view.c
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
#include <string.h>

#include "prehab-figure.h"
#include "prehab-figure-view.h"
#include "prehab-figure-view-private.h"

/* The figure view in a real window under Xvfb: its exercise, its size,
 * what it tells assistive technologies, and that it keeps still when the
 * system asks for reduced motion. */

typedef struct
{
  GtkWidget        *window;
  PrehabFigureView *view;
  GtkSettings      *settings;
  gboolean          animations_were;
} Fixture;

static void
wait_for_allocation (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) == 0 || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the main loop run for a few frames' worth of time. */
static void
run_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_usleep (20000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->view = PREHAB_FIGURE_VIEW (prehab_figure_view_new ());
  fixture->settings = gtk_widget_get_settings (GTK_WIDGET (fixture->view));
  g_object_get (fixture->settings, "gtk-enable-animations", &fixture->animations_were, NULL);
  g_object_set (fixture->settings, "gtk-enable-animations", TRUE, NULL);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  prehab_figure_view_set_exercise_id (fixture->view, "cat-cow");
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_allocation (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_set (fixture->settings, "gtk-enable-animations", fixture->animations_were, NULL);
}

static void
test_exercise (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = NULL;

  g_assert_cmpstr (prehab_figure_view_get_exercise_id (fixture->view), ==, "cat-cow");
  g_object_get (fixture->view, "exercise-id", &id, NULL);
  g_assert_cmpstr (id, ==, "cat-cow");

  /* An exercise without a figure shows nothing, quietly, and says
   * nothing. */
  prehab_figure_view_set_exercise_id (fixture->view, "no-such-exercise");
  g_assert_cmpstr (prehab_figure_view_get_exercise_id (fixture->view), ==, "no-such-exercise");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (fixture->view),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  prehab_figure_view_set_playing (fixture->view, TRUE);
  g_assert_false (prehab_figure_view_is_animating (fixture->view));
  prehab_figure_view_set_exercise_id (fixture->view, NULL);
  g_assert_null (prehab_figure_view_get_exercise_id (fixture->view));
}

static void
test_size (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  int minimum, natural, min_height, nat_height;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >, 0);
  g_assert_cmpint (natural, >=, minimum);

  /* Height for width keeps the figure's shape. */
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 400, &min_height, &nat_height, NULL, NULL);
  g_assert_cmpint (min_height, ==, 300);
  g_assert_cmpint (gtk_widget_get_request_mode (view), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  g_assert_cmpint (gtk_widget_get_width (view), >, 0);
  g_assert_cmpint (gtk_widget_get_height (view), >, 0);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (PrehabFigure) figure = prehab_figure_load ("cat-cow", NULL);
  const char *description = prehab_figure_get_description (figure);
  g_autofree char *label_error = NULL, *description_error = NULL;

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (fixture->view), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_nonnull (description);
  g_assert_cmpuint (strlen (description), >, 20);

  label_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, description);
  g_assert_null (label_error);
  description_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                          description);
  g_assert_null (description_error);

  /* No figure: no stale label. */
  prehab_figure_view_set_exercise_id (fixture->view, NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (fixture->view),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
}

static void
test_plays (Fixture       *fixture,
            gconstpointer  data)
{
  PrehabFigureView *view = fixture->view;

  g_assert_true (prehab_figure_view_get_can_animate (view));
  g_assert_false (prehab_figure_view_is_animating (view));
  g_assert_cmpfloat (prehab_figure_view_get_shown_frame (view), ==, 1.0);

  prehab_figure_view_set_playing (view, TRUE);
  g_assert_true (prehab_figure_view_get_playing (view));
  g_assert_true (prehab_figure_view_is_animating (view));

  /* Stopping shows the still again. */
  prehab_figure_view_set_frame (view, 0.25);
  prehab_figure_view_set_playing (view, FALSE);
  g_assert_false (prehab_figure_view_is_animating (view));
  g_assert_cmpfloat (prehab_figure_view_get_shown_frame (view), ==, 0.25);
  g_assert_cmpfloat (prehab_figure_view_get_frame (view), ==, 0.25);

  /* The frame is clamped. */
  prehab_figure_view_set_frame (view, 3.0);
  g_assert_cmpfloat (prehab_figure_view_get_frame (view), ==, 1.0);
}

static void
test_reduced_motion (Fixture       *fixture,
                     gconstpointer  data)
{
  PrehabFigureView *view = fixture->view;
  guint notified = 0;

  g_signal_connect (view, "notify::can-animate", G_CALLBACK (count_cb), &notified);
  g_object_set (fixture->settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_false (prehab_figure_view_get_can_animate (view));
  g_assert_cmpuint (notified, ==, 1);

  prehab_figure_view_set_frame (view, 0.5);
  prehab_figure_view_set_playing (view, TRUE);
  g_assert_true (prehab_figure_view_get_playing (view));
  g_assert_false (prehab_figure_view_is_animating (view));
  run_frames (5);
  g_assert_false (prehab_figure_view_is_animating (view));
  g_assert_cmpfloat (prehab_figure_view_get_shown_frame (view), ==, 0.5);

  /* The view follows the setting as it changes, both ways. */
  g_object_set (fixture->settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_true (prehab_figure_view_get_can_animate (view));
  g_assert_true (prehab_figure_view_is_animating (view));

  g_object_set (fixture->settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_false (prehab_figure_view_is_animating (view));
  g_assert_cmpfloat (prehab_figure_view_get_shown_frame (view), ==, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/figure-view/exercise", Fixture, NULL, fixture_set_up, test_exercise, fixture_tear_down);
  g_test_add ("/figure-view/size", Fixture, NULL, fixture_set_up, test_size, fixture_tear_down);
  g_test_add ("/figure-view/accessible", Fixture, NULL, fixture_set_up, test_accessible,
              fixture_tear_down);
  g_test_add ("/figure-view/plays", Fixture, NULL, fixture_set_up, test_plays, fixture_tear_down);
  g_test_add ("/figure-view/reduced-motion", Fixture, NULL, fixture_set_up, test_reduced_motion,
              fixture_tear_down);

  return g_test_run ();
}
