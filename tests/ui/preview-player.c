/* preview-player.c
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

/* A developer's tool, built but not installed: the guided session player
 * on a temporary store, stopped at one moment of a short session on a
 * clock that stands still, and optionally a PNG of the window.
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
 *       build/tests/preview-player --output prepare.png [--dark] \
 *       [--width 360] [--height 720] [--step N] [--at SECONDS] \
 *       [--finish done|partial|nothing] [--reduce-motion] [--flash]
 *
 * The session: cat-cow (15 reps paced 4 s in, 4 s out), side-lying open
 * book (8 reps each side), band pull-apart (2 sets of 5 reps with a 5 s
 * hold, 60 s rest between) and diaphragmatic breathing (3 minutes). Its
 * steps, by --step: 0 get ready, 1 cat-cow, 2 get ready, 3 open book left,
 * 4 switch sides, 5 open book right, 6 get ready, 7 pull-apart set 1,
 * 8 rest, 9 set 2, 10 get ready, 11 breathing. --at is the time into that
 * step. Without --output the window stays open (and the clock runs).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-player.h"

static char *output;
static gboolean dark;
static gboolean reduce_motion;
static int width = 860;
static int height = 720;
static int step;
static double at;
static char *finish;
static gboolean flash;

static GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write a PNG of the window and quit", "FILE" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
  { "reduce-motion", 0, 0, G_OPTION_ARG_NONE, &reduce_motion, "Turn animations off", NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "step", 0, 0, G_OPTION_ARG_INT, &step, "Show this step (0 is the first)", "N" },
  { "at", 0, 0, G_OPTION_ARG_DOUBLE, &at, "Seconds into the step", "SECONDS" },
  { "finish", 0, 0, G_OPTION_ARG_STRING, &finish, "Show the finish page", "done|partial|nothing" },
  { "flash", 0, 0, G_OPTION_ARG_NONE, &flash, "Restart the step just before the picture, to show its flash", NULL },
  { NULL }
};

static const char * const session[] = {
  "cat-cow", "side-lying-open-book", "band-pull-apart", "diaphragmatic-breathing",
};

static gint64 now = (gint64) 1000 * G_USEC_PER_SEC;
static gint64 started;

/* Stands still for a picture; runs from the chosen moment otherwise. */
static gint64
still_clock (gpointer user_data)
{
  if (output != NULL)
    return now;

  return now + g_get_monotonic_time () - started;
}

static PrehabRunner *
create_runner (PrehabStore *store)
{
  g_autoptr (GListModel) exercises = prehab_exercise_load_all (store, NULL);
  PrehabRunnerItem items[G_N_ELEMENTS (session)] = { { 0 } };

  g_assert (exercises != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (session); i++)
    for (guint j = 0; j < g_list_model_get_n_items (exercises); j++)
      {
        g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, j);

        if (g_str_equal (prehab_exercise_get_id (exercise), session[i]))
          items[i] = (PrehabRunnerItem) { session[i], *prehab_exercise_get_dose (exercise) };
      }
  for (guint i = 0; i < G_N_ELEMENTS (session); i++)
    if (items[i].exercise_id == NULL)
      g_error ("no exercise %s in the catalog", session[i]);

  started = g_get_monotonic_time ();
  return prehab_runner_new (items, G_N_ELEMENTS (session), still_clock, NULL);
}

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
  /* Not drawn yet on a busy machine: try again. */
  if (node == NULL || !gtk_widget_get_mapped (window))
    return G_SOURCE_CONTINUE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, output))
    g_error ("could not write %s", output);
  g_print ("wrote %s (%d×%d)\n", output, w, h);

  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static gboolean
restart_step_cb (gpointer data)
{
  gtk_widget_activate_action (data, "player.back", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app,
                PrehabStore  *store)
{
  g_autoptr (PrehabRunner) runner = create_runner (store);
  g_autofree char *today = prehab_date_dup_today ();
  PrehabPlayer *player;

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  if (reduce_motion)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  player = prehab_player_new_for_runner (NULL, store, today, runner);
  gtk_window_set_application (GTK_WINDOW (player), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (player), width, height);
  prehab_player_start (player);

  if (g_strcmp0 (finish, "done") == 0)
    {
      now += (gint64) (prehab_runner_get_total_s (runner) + 1) * G_USEC_PER_SEC;
      prehab_runner_update (runner);
    }
  else if (g_strcmp0 (finish, "partial") == 0)
    {
      /* Cat-cow in full, half the open book's left side, then the rest
       * skipped. */
      now += (gint64) (10 + 120 + 10 + 16) * G_USEC_PER_SEC;
      prehab_runner_update (runner);
      while (prehab_runner_get_state (runner) != PREHAB_RUNNER_FINISHED)
        prehab_runner_skip (runner);
    }
  else if (g_strcmp0 (finish, "nothing") == 0)
    {
      while (prehab_runner_get_state (runner) != PREHAB_RUNNER_FINISHED)
        prehab_runner_skip (runner);
    }
  else
    {
      for (int i = 0; i < step; i++)
        prehab_runner_skip (runner);
      now += (gint64) (at * G_USEC_PER_SEC);
      prehab_runner_update (runner);
    }

  if (flash)
    g_timeout_add (1350, restart_step_cb, player);
  if (output != NULL)
    g_timeout_add (1500, save_screenshot_cb, player);

}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- preview the guided session");
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwApplication) app = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *data_dir = NULL;
  PrehabEnrollmentSettings settings = { 0 };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (g_getenv ("PREHAB_TODAY") == NULL)
    g_setenv ("PREHAB_TODAY", "2025-12-09", TRUE);

  data_dir = g_dir_make_tmp ("prehab-preview-XXXXXX", &error);
  if (data_dir == NULL)
    g_error ("%s", error->message);
  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  settings.start_date = g_getenv ("PREHAB_TODAY");
  settings.training_days = PREHAB_TRAINING_DAYS_DEFAULT;
  settings.equipment = prehab_default_equipment ();
  if (prehab_enrollment_start (store, &settings, &error) == 0)
    g_error ("%s", error->message);

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".PlayerPreview",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_BASE,
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), store);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_clear_object (&store);
  remove_tree (data_dir);
  return status;
}
