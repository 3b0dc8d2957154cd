/* test-body-map.c
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
#include <string.h>

#include "prehab-body-map.h"
#include "prehab-vocabulary.h"

/* The body map in a real window under Xvfb: which region a point of the
 * figure falls in, the toggles and the selection kept in step, accessible
 * names, and the layout beside or under the figure. */

typedef struct
{
  GtkWidget     *window;
  PrehabBodyMap *map;
  guint          n_notify;
} Fixture;

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_for_allocation (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) == 0 || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

static void
on_notify_selected_cb (PrehabBodyMap *map,
                       GParamSpec    *pspec,
                       Fixture       *fixture)
{
  fixture->n_notify++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);

  fixture->map = PREHAB_BODY_MAP (prehab_body_map_new ());
  g_signal_connect (fixture->map, "notify::selected", G_CALLBACK (on_notify_selected_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->map));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_allocation (GTK_WIDGET (fixture->map));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  flush_events ();
}

static char *
join (GStrv strv)
{
  return g_strjoinv (",", strv);
}

static char *
dup_selected (Fixture *fixture)
{
  g_auto (GStrv) selected = prehab_body_map_dup_selected (fixture->map);

  return join (selected);
}

/* Presses a toggle the way Space does: GTK shows it pressed for a moment,
 * then toggles it. */
static void
activate_toggle (GtkToggleButton *toggle)
{
  gboolean before = gtk_toggle_button_get_active (toggle);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (toggle)));
  while (gtk_toggle_button_get_active (toggle) == before)
    g_main_context_iteration (NULL, TRUE);
}

static void
region_point (Fixture    *fixture,
              const char *region,
              double     *x,
              double     *y)
{
  g_assert_true (prehab_body_map_get_region_point (fixture->map, region, x, y));
}

/* Where a point of the figure's own 200 × 300 units lands in the body map:
 * the figure is scaled to fit its area and centred in it. */
static void
units_point (Fixture *fixture,
             double   ux,
             double   uy,
             double  *x,
             double  *y)
{
  GtkWidget *figure = prehab_body_map_get_figure (fixture->map);
  double width = gtk_widget_get_width (figure);
  double height = gtk_widget_get_height (figure);
  double scale = MIN (width / 200.0, height / 300.0);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (figure, GTK_WIDGET (fixture->map),
                                           &GRAPHENE_POINT_INIT ((width - 200 * scale) / 2 + ux * scale,
                                                                 (height - 300 * scale) / 2 + uy * scale),
                                           &point));
  *x = point.x;
  *y = point.y;
}

static void
test_hit_regions (Fixture       *fixture,
                  gconstpointer  data)
{
  double x, y;

  /* A point inside each region finds that region, and no other. */
  for (guint i = 0; prehab_regions[i].id != NULL; i++)
    {
      region_point (fixture, prehab_regions[i].id, &x, &y);
      g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, prehab_regions[i].id);
    }

  /* Points of the figure's drawing, in its own units. */
  units_point (fixture, 100, 58, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "neck");
  units_point (fixture, 100, 100, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "between-shoulder-blades");
  units_point (fixture, 100, 205, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "low-back");
  units_point (fixture, 67, 160, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "ribs");
  units_point (fixture, 133, 160, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "ribs");

  /* Seen from behind, the person's left is on the viewer's left. */
  units_point (fixture, 88, 160, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "mid-back-left");
  units_point (fixture, 112, 160, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "mid-back-right");
  units_point (fixture, 55, 95, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "shoulder-left");
  units_point (fixture, 145, 95, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "shoulder-right");
  units_point (fixture, 42, 190, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "arm-left");
  units_point (fixture, 158, 190, &x, &y);
  g_assert_cmpstr (prehab_body_map_region_at (fixture->map, x, y), ==, "arm-right");

  /* The head, the hips, the gaps between regions and the corners are no
   * region. */
  units_point (fixture, 100, 25, &x, &y);
  g_assert_null (prehab_body_map_region_at (fixture->map, x, y));
  units_point (fixture, 100, 240, &x, &y);
  g_assert_null (prehab_body_map_region_at (fixture->map, x, y));
  units_point (fixture, 100, 129.5, &x, &y);
  g_assert_null (prehab_body_map_region_at (fixture->map, x, y));
  units_point (fixture, 2, 2, &x, &y);
  g_assert_null (prehab_body_map_region_at (fixture->map, x, y));
  units_point (fixture, 198, 298, &x, &y);
  g_assert_null (prehab_body_map_region_at (fixture->map, x, y));

  /* The toggles beside or under the figure are not the figure. */
  {
    GtkWidget *toggle = prehab_body_map_get_toggle (fixture->map, "neck");
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (toggle, GTK_WIDGET (fixture->map),
                                             &GRAPHENE_POINT_INIT (4, 4), &point));
    g_assert_null (prehab_body_map_region_at (fixture->map, point.x, point.y));
  }
}

static void
test_toggles_follow_selection (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *picked[] = { "arm-right", "ribs", "no-such-region", NULL };
  g_autofree char *selected = NULL;
  GtkToggleButton *neck = GTK_TOGGLE_BUTTON (prehab_body_map_get_toggle (fixture->map, "neck"));
  GtkToggleButton *ribs = GTK_TOGGLE_BUTTON (prehab_body_map_get_toggle (fixture->map, "ribs"));
  GtkToggleButton *arm = GTK_TOGGLE_BUTTON (prehab_body_map_get_toggle (fixture->map, "arm-right"));

  selected = dup_selected (fixture);
  g_assert_cmpstr (selected, ==, "");
  for (guint i = 0; prehab_regions[i].id != NULL; i++)
    g_assert_false (prehab_body_map_get_region_selected (fixture->map, prehab_regions[i].id));

  /* Picking through the API presses the toggle. */
  prehab_body_map_set_region_selected (fixture->map, "neck", TRUE);
  g_assert_true (gtk_toggle_button_get_active (neck));
  g_assert_cmpuint (fixture->n_notify, ==, 1);
  g_clear_pointer (&selected, g_free);
  selected = dup_selected (fixture);
  g_assert_cmpstr (selected, ==, "neck");

  /* Pressing the toggle the way Space or a click does picks the region. */
  activate_toggle (ribs);
  g_assert_true (gtk_toggle_button_get_active (ribs));
  g_assert_true (prehab_body_map_get_region_selected (fixture->map, "ribs"));
  g_assert_cmpuint (fixture->n_notify, ==, 2);
  g_clear_pointer (&selected, g_free);
  selected = dup_selected (fixture);
  g_assert_cmpstr (selected, ==, "neck,ribs");

  activate_toggle (neck);
  g_assert_false (prehab_body_map_get_region_selected (fixture->map, "neck"));
  g_assert_cmpuint (fixture->n_notify, ==, 3);

  /* Setting a whole selection: unknown ids are left out, the order is the
   * vocabulary's, one notification. */
  prehab_body_map_set_selected (fixture->map, picked);
  g_assert_cmpuint (fixture->n_notify, ==, 4);
  g_assert_true (gtk_toggle_button_get_active (arm));
  g_assert_true (gtk_toggle_button_get_active (ribs));
  g_assert_false (gtk_toggle_button_get_active (neck));
  g_clear_pointer (&selected, g_free);
  selected = dup_selected (fixture);
  g_assert_cmpstr (selected, ==, "ribs,arm-right");

  /* The same selection again changes nothing. */
  prehab_body_map_set_selected (fixture->map, picked);
  g_assert_cmpuint (fixture->n_notify, ==, 4);

  /* The property says the same. */
  {
    g_auto (GStrv) property = NULL;
    g_autofree char *joined = NULL;

    g_object_get (fixture->map, "selected", &property, NULL);
    joined = join (property);
    g_assert_cmpstr (joined, ==, "ribs,arm-right");
  }

  prehab_body_map_set_selected (fixture->map, NULL);
  g_clear_pointer (&selected, g_free);
  selected = dup_selected (fixture);
  g_assert_cmpstr (selected, ==, "");
  g_assert_cmpuint (fixture->n_notify, ==, 5);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *figure = prehab_body_map_get_figure (fixture->map);

  /* Each toggle is a focusable button that reads its region's name. */
  for (guint i = 0; prehab_regions[i].id != NULL; i++)
    {
      GtkWidget *toggle = prehab_body_map_get_toggle (fixture->map, prehab_regions[i].id);
      const char *label = gtk_button_get_label (GTK_BUTTON (toggle));

      g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
      g_assert_cmpstr (label, ==, prehab_vocabulary_label (prehab_regions, prehab_regions[i].id));
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_true (g_hash_table_add (names, (gpointer) label));
      g_assert_true (gtk_widget_get_focusable (toggle));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (toggle)), ==,
                       GTK_ACCESSIBLE_ROLE_BUTTON);
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, 10);

  /* The figure is a picture for a screen reader, not a control. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (figure)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_false (gtk_widget_get_focusable (figure));
}

/* Beside the figure on a wide window, under it on a narrow one. */
static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  gboolean wide = GPOINTER_TO_INT (data) >= 500;
  GtkWidget *figure = prehab_body_map_get_figure (fixture->map);
  GtkWidget *toggle = prehab_body_map_get_toggle (fixture->map, "neck");
  graphene_rect_t figure_bounds, toggle_bounds;

  g_assert_true (gtk_widget_compute_bounds (figure, GTK_WIDGET (fixture->map), &figure_bounds));
  g_assert_true (gtk_widget_compute_bounds (toggle, GTK_WIDGET (fixture->map), &toggle_bounds));

  if (wide)
    g_assert_cmpfloat (toggle_bounds.origin.x, >=, figure_bounds.origin.x + figure_bounds.size.width);
  else
    g_assert_cmpfloat (toggle_bounds.origin.y, >=, figure_bounds.origin.y + figure_bounds.size.height);

  /* Everything fits the width it was given. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->map)), <=, GPOINTER_TO_INT (data));
  for (guint i = 0; prehab_regions[i].id != NULL; i++)
    {
      GtkWidget *each = prehab_body_map_get_toggle (fixture->map, prehab_regions[i].id);

      g_assert_true (gtk_widget_compute_bounds (each, GTK_WIDGET (fixture->map), &toggle_bounds));
      g_assert_cmpfloat (toggle_bounds.origin.x + toggle_bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (fixture->map)));
      g_assert_cmpint (gtk_widget_get_height (each), >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, width, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_set_up, func, fixture_tear_down)

  ADD ("/body-map/wide/hit-regions", 640, test_hit_regions);
  ADD ("/body-map/narrow/hit-regions", 360, test_hit_regions);
  ADD ("/body-map/wide/layout", 640, test_layout);
  ADD ("/body-map/narrow/layout", 360, test_layout);
  ADD ("/body-map/toggles-follow-selection", 640, test_toggles_follow_selection);
  ADD ("/body-map/accessible-names", 640, test_accessible_names);

#undef ADD

  return g_test_run ();
}
