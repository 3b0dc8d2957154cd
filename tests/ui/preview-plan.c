/* preview-plan.c
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

/* A developer's tool, built but not installed: the Plan page on a
 * temporary store filled through the core API, about three weeks into the
 * program, and optionally a PNG of the window.
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
 *       build/tests/preview-plan --output plan.png [--dark] [--width 360] \
 *       [--height 720] [--select YYYY-MM-DD] [--activate YYYY-MM-DD] [--empty]
 *
 * Without --output the window stays open. Today is PREHAB_TODAY, or
 * 2025-12-09 when that is not set; the program starts 20 days earlier.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-journal.h"
#include "prehab-plan-calendar.h"
#include "prehab-plan-page.h"
#include "prehab-schedule.h"

#define DAYS_DONE 20

static char *output;
static gboolean dark;
static gboolean empty;
static int width = 1000;
static int height = 780;
static char *select_date;
static char *activate_date;

static GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write a PNG of the window and quit", "FILE" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
  { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, "Show the page before a program starts", NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "select", 0, 0, G_OPTION_ARG_STRING, &select_date, "Select a day", "DATE" },
  { "activate", 0, 0, G_OPTION_ARG_STRING, &activate_date, "Click a day", "DATE" },
  { NULL }
};

static char *
date_add (const char *date,
          int         days)
{
  return prehab_day_to_date (prehab_date_to_day (date) + days);
}

static void
add_pain (PrehabStore *store,
          const char  *date,
          const char  *time,
          const char  *context,
          int          pain,
          const char  *region,
          const char  *quality)
{
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GError) error = NULL;
  const char *regions[] = { region, NULL };
  const char *qualities[] = { quality, NULL };

  entry->logged_at = g_strdup_printf ("%s %s", date, time);
  entry->context = g_strdup (context);
  entry->pain = pain;
  entry->regions = g_strdupv ((char **)regions);
  entry->qualities = g_strdupv ((char **)qualities);
  if (prehab_journal_add_entry (store, entry, &error) == 0)
    g_error ("pain entry on %s: %s", date, error->message);
}

/* Three weeks of history: most days done, one partly, one missed, pain
 * easing from 5 to 2. */
static void
fill_store (PrehabStore *store,
            const char  *today)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = date_add (today, -DAYS_DONE);
  PrehabEnrollmentSettings settings = {
    .program_id = NULL,
    .start_date = start,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
    .flags = NULL,
  };
  static const int pain[DAYS_DONE] = { 5, 5, 4, 5, 4, 4, 3, 4, 3, 3, 3, 4, 3, 3, 2, 3, 2, 2, 3, 2 };

  if (prehab_enrollment_start (store, &settings, &error) == 0)
    g_error ("start: %s", error->message);

  for (int i = 0; i < DAYS_DONE; i++)
    {
      g_autofree char *date = date_add (start, i);

      if (i % 2 == 0 || i == 11)
        add_pain (store, date, "08:10", "morning", pain[i], "between-shoulder-blades", "stiffness");
      if (i == 11)
        add_pain (store, date, "19:40", "evening", pain[i] + 1, "neck", "ache");

      if (i == 12)
        continue;   /* missed */

      if (i == 8 || i == 17)
        {
          g_autoptr (PrehabPlan) plan = prehab_schedule_decide (store, date, &error);
          const char *ids[] = { NULL, NULL };

          if (plan == NULL)
            g_error ("decide %s: %s", date, error->message);
          ids[0] = g_array_index (plan->items, PrehabPlanItem, 0).exercise_id;
          if (!prehab_schedule_mark_done (store, date, ids, -1, -1, &error))
            g_error ("partial %s: %s", date, error->message);
          continue;
        }

      if (!prehab_schedule_mark_done (store, date, NULL, pain[i], pain[i], &error))
        g_error ("done %s: %s", date, error->message);
    }
}

static GtkWidget *
find_calendar (GtkWidget *widget)
{
  if (PREHAB_IS_PLAN_CALENDAR (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_calendar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
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
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, output))
    g_error ("could not write %s", output);
  g_print ("wrote %s (%d×%d)\n", output, w, h);

  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static gboolean
activate_day_cb (gpointer data)
{
  GtkWidget *calendar = find_calendar (data);
  GtkWidget *cell = prehab_plan_calendar_get_day_widget (PREHAB_PLAN_CALENDAR (calendar),
                                                         activate_date);

  if (cell == NULL)
    g_error ("no day %s", activate_date);
  gtk_widget_activate (cell);
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app,
                PrehabStore  *store)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = g_object_new (PREHAB_TYPE_PLAN_PAGE, "vexpand", TRUE, NULL);

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Plan", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  prehab_plan_page_set_store (PREHAB_PLAN_PAGE (page), store);
  if (select_date != NULL && !prehab_plan_page_select_date (PREHAB_PLAN_PAGE (page), select_date))
    g_error ("no day %s", select_date);

  gtk_window_present (GTK_WINDOW (window));

  if (activate_date != NULL)
    g_timeout_add (300, activate_day_cb, page);
  if (output != NULL)
    g_timeout_add (1500, save_screenshot_cb, window);
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
  g_autoptr (GOptionContext) context = g_option_context_new ("- preview the Plan page");
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwApplication) app = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *today = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (g_getenv ("PREHAB_TODAY") == NULL)
    g_setenv ("PREHAB_TODAY", "2025-12-09", TRUE);
  today = prehab_date_dup_today ();

  data_dir = g_dir_make_tmp ("prehab-preview-XXXXXX", &error);
  if (data_dir == NULL)
    g_error ("%s", error->message);
  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (!empty)
    fill_store (store, today);

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".PlanPreview",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_BASE,
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), store);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_clear_object (&store);
  remove_tree (data_dir);
  return status;
}
