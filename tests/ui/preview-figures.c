/* preview-figures.c
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

/* A developer's tool, built but not installed: every figure view in a
 * card, as the app's theme draws it, and optionally a PNG of the window.
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
 *       build/tests/preview-figures --output figures.png [--dark] [--play] \
 *       [--width 1280] [--height 800] [--frame 0.5] [ID ...]
 *
 * Without --output the window stays open.
 */

#include "config.h"

#include <adwaita.h>

#include "prehab-figure.h"
#include "prehab-figure-view.h"

static char *output;
static gboolean dark;
static gboolean play;
static int width = 1280;
static int height = 800;
static double frame = 1.0;
static char **ids;

static GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write a PNG of the window and quit", "FILE" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
  { "play", 0, 0, G_OPTION_ARG_NONE, &play, "Animate", NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "frame", 0, 0, G_OPTION_ARG_DOUBLE, &frame, "The still to show", "0..1" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids, NULL, "ID" },
  { NULL }
};

static gboolean
save_screenshot_cb (gpointer data)
{
  GtkWidget *window = data;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (window);
  int h = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, output))
    g_error ("could not write %s", output);
  g_print ("wrote %s (%d×%d)\n", output, w, h);

  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *flow = gtk_flow_box_new ();
  g_auto (GStrv) all = prehab_figure_list_ids ();
  char **shown = ids != NULL ? ids : all;

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_margin_start (flow, 12);
  gtk_widget_set_margin_end (flow, 12);
  gtk_widget_set_margin_top (flow, 12);
  gtk_widget_set_margin_bottom (flow, 12);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);

  for (guint i = 0; shown[i] != NULL; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *view = prehab_figure_view_new ();

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_size_request (view, 180, -1);
      prehab_figure_view_set_exercise_id (PREHAB_FIGURE_VIEW (view), shown[i]);
      prehab_figure_view_set_frame (PREHAB_FIGURE_VIEW (view), frame);
      prehab_figure_view_set_playing (PREHAB_FIGURE_VIEW (view), play);
      gtk_box_append (GTK_BOX (card), view);
      gtk_box_append (GTK_BOX (card), gtk_label_new (shown[i]));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), flow);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  if (output != NULL)
    g_timeout_add (1500, save_screenshot_cb, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- preview the exercise figures");
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwApplication) app = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  app = adw_application_new ("io.github.prehab.PreviewFigures", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}
