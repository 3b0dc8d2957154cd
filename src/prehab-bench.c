/* prehab-bench.c: the measurements the benchmarks (tests/bench/) take
 *
 * Copyright 2026 The Prehab authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here runs unless an environment variable asks for it:
 *
 * PREHAB_BENCH_FIRST_FRAME: the window's first painted frame prints
 * "first-frame PEAK_KB" (the peak memory so far) and quits.
 *
 * PREHAB_BENCH_SAVE=VIEW (today or journal): after the first frame, shows
 * VIEW, then logs a pain entry through the log dialog's own Save, as many
 * times as PREHAB_BENCH_ROUNDS says (default 10). Each save prints
 * "save-to-view PAINT_MS UPDATE_MS": the time from Save to the window's
 * next painted frame, and to the end of the synchronous update of the
 * views. Then it quits.
 */

#define G_LOG_DOMAIN "prehab-bench"

#include "config.h"

#include "prehab-bench.h"

#include <string.h>

#include "prehab-log-dialog.h"

#define SAVE_PAUSE_MS 300  /* lets the dialog, or the window, settle */

typedef struct
{
  GtkWindow *window;
  char      *view;
  guint      rounds;
  guint      round;
  gint64     saved_at;
  gint64     updated_at;
} SaveBench;

static gboolean open_dialog_cb (gpointer user_data);

static void
quit (GtkWindow *window)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_save_painted_cb (GdkFrameClock *clock,
                    SaveBench     *bench)
{
  gint64 painted_at = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, on_save_painted_cb, bench);
  g_print ("save-to-view %.2f %.2f\n", (painted_at - bench->saved_at) / 1000.0,
           (bench->updated_at - bench->saved_at) / 1000.0);

  if (++bench->round < bench->rounds)
    g_timeout_add (SAVE_PAUSE_MS, open_dialog_cb, bench);
  else
    quit (bench->window);
}

static gboolean
save_cb (gpointer user_data)
{
  SaveBench *bench = user_data;
  g_autoptr (GtkWidget) dialog = g_object_get_data (G_OBJECT (bench->window), "prehab-bench-dialog");

  g_object_set_data (G_OBJECT (bench->window), "prehab-bench-dialog", NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                    G_CALLBACK (on_save_painted_cb), bench);

  bench->saved_at = g_get_monotonic_time ();
  gtk_widget_activate_action (dialog, "log.save", NULL);
  bench->updated_at = g_get_monotonic_time ();

  if (gtk_widget_get_visible (dialog))
    {
      g_printerr ("prehab-bench: the log dialog did not save\n");
      quit (bench->window);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
open_dialog_cb (gpointer user_data)
{
  SaveBench *bench = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.log-pain", NULL);
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (PREHAB_IS_LOG_DIALOG (toplevel))
        dialog = toplevel;
    }

  if (dialog == NULL)
    {
      g_printerr ("prehab-bench: no log dialog\n");
      quit (bench->window);
      return G_SOURCE_REMOVE;
    }

  prehab_log_dialog_set_pain (PREHAB_LOG_DIALOG (dialog), 3);
  g_object_set_data (G_OBJECT (bench->window), "prehab-bench-dialog", g_object_ref (dialog));
  g_timeout_add (SAVE_PAUSE_MS, save_cb, bench);

  return G_SOURCE_REMOVE;
}

static void
save_bench_free (gpointer data)
{
  SaveBench *bench = data;

  g_free (bench->view);
  g_free (bench);
}

static void
start_save_bench (GtkWindow  *window,
                  const char *view)
{
  SaveBench *bench = g_new0 (SaveBench, 1);
  const char *rounds = g_getenv ("PREHAB_BENCH_ROUNDS");

  bench->window = window;
  bench->view = g_strdup (view);
  bench->rounds = rounds != NULL ? MAX (1, g_ascii_strtoull (rounds, NULL, 10)) : 10;
  g_object_set_data_full (G_OBJECT (window), "prehab-bench-save", bench, save_bench_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view);
  g_timeout_add (SAVE_PAUSE_MS, open_dialog_cb, bench);
}

static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           GtkWindow     *window)
{
  const char *save_view = g_getenv ("PREHAB_BENCH_SAVE");
  g_autofree char *status = NULL;
  const char *peak;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, window);

  if (save_view != NULL)
    {
      start_save_bench (window, save_view);
      return;
    }

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (peak = strstr (status, "VmHWM:")) != NULL)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", g_ascii_strtoll (peak + 6, NULL, 10));
  else
    g_print ("first-frame 0\n");
  quit (window);
}

static void
on_window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_painted_cb), window);
}

/**
 * prehab_bench_watch_window:
 * @window: the main window, before it is presented
 *
 * Takes the measurement the environment asks for, if any (see above).
 */
void
prehab_bench_watch_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("PREHAB_BENCH_FIRST_FRAME") != NULL || g_getenv ("PREHAB_BENCH_SAVE") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realized_cb), NULL);
}
