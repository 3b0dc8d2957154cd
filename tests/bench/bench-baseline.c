/* bench-baseline.c: the blank GNOME window Prehab's start is measured
 * against
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens an AdwApplicationWindow with a header bar and a status page, and on
 * its first painted frame prints "first-frame PEAK_KB" and quits, exactly
 * as Prehab does with PREHAB_BENCH_FIRST_FRAME set.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           GtkWidget     *window)
{
  g_autofree char *status = NULL;
  const char *peak;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, window);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (peak = strstr (status, "VmHWM:")) != NULL)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", g_ascii_strtoll (peak + 6, NULL, 10));
  else
    g_print ("first-frame 0\n");
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_painted_cb), window);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Baseline");
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 860, 720);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.prehab.Baseline",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
