/* preview-onboarding.c
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

/* A developer's preview of the set-up window, to look at each page before
 * the main window opens it (see tests/ui/screenshot-onboarding.sh):
 *
 *   build/tests/preview-onboarding [--page N] [--revisit] [--flags ID,ID]
 *                                  [--days mon,wed,...] [--dark] [--width W] [--height H]
 *                                  [--data-dir DIR] [--quit-after SECONDS]
 *
 * Without --data-dir the journal lives in a temporary folder that is removed
 * on exit. --revisit first starts a program (with the red flags of --flags
 * and the training days of --days) and opens its review instead of the
 * first run. Once the answers are saved, the review of what was saved opens;
 * closing a window without saving quits. */

#define G_LOG_DOMAIN "preview-onboarding"

#include "config.h"

#include <adwaita.h>

#include "prehab-catalog.h"
#include "prehab-enrollment.h"
#include "prehab-onboarding.h"
#include "prehab-date.h"
#include "prehab-vocabulary.h"

typedef struct
{
  PrehabStore *store;
  gboolean     finished;
  gboolean     done;
} Preview;

static void
on_finished_cb (PrehabOnboarding *onboarding,
                Preview          *preview)
{
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *flags = NULL;

  enrollment = prehab_enrollment_load_active (preview->store, &error);
  if (enrollment == NULL)
    {
      g_printerr ("finished, but no active enrollment: %s\n",
                  error != NULL ? error->message : "none");
      return;
    }

  preview->finished = TRUE;
  equipment = g_strjoinv (",", enrollment->equipment);
  flags = enrollment->flags != NULL ? g_strjoinv (",", enrollment->flags) : g_strdup ("");
  g_print ("finished: start %s, training days 0x%02x, equipment %s, flags %s\n",
           enrollment->start_date, enrollment->training_days, equipment, flags);
}

static PrehabOnboarding *new_onboarding (Preview                *preview,
                                         const PrehabEnrollment *current);

/* Like the application, the preview lives on once the set-up is saved: it
 * opens the review of what was saved. It quits when a window closes
 * without saving. */
static void
on_destroy_cb (GtkWidget *window,
               Preview   *preview)
{
  g_autoptr (PrehabEnrollment) enrollment = NULL;

  if (preview->finished)
    enrollment = prehab_enrollment_load_active (preview->store, NULL);

  preview->finished = FALSE;
  if (enrollment != NULL)
    gtk_window_present (GTK_WINDOW (new_onboarding (preview, enrollment)));
  else
    preview->done = TRUE;
  g_main_context_wakeup (NULL);
}

static PrehabOnboarding *
new_onboarding (Preview                *preview,
                const PrehabEnrollment *current)
{
  PrehabOnboarding *onboarding = prehab_onboarding_new (preview->store, current);

  g_signal_connect (onboarding, "finished", G_CALLBACK (on_finished_cb), preview);
  g_signal_connect (onboarding, "destroy", G_CALLBACK (on_destroy_cb), preview);
  return onboarding;
}

static void
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFile *child;

  while (children != NULL
         && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL)
         && child != NULL)
    remove_tree (child);

  g_file_delete (file, NULL, NULL);
}

static gboolean
quit_cb (gpointer user_data)
{
  Preview *preview = user_data;

  preview->done = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GtkCssProvider) style = NULL;
  g_autoptr (PrehabEnrollment) current = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *days = NULL;
  g_auto (GStrv) flag_ids = NULL;
  int page = 1;
  int width = 0;
  int height = 0;
  int quit_after = 0;
  gboolean revisit = FALSE;
  gboolean dark = FALSE;
  Preview preview = { NULL };
  PrehabOnboarding *onboarding;
  GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_INT, &page, "Show page N (1-6)", "N" },
    { "revisit", 0, 0, G_OPTION_ARG_NONE, &revisit, "Review a started program", NULL },
    { "flags", 0, 0, G_OPTION_ARG_STRING, &flags, "Red flags of the started program", "ID,ID" },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days, "Training days of the started program",
      "mon,wed,..." },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Prefer the dark style", NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Journal folder", "DIR" },
    { "quit-after", 0, 0, G_OPTION_ARG_INT, &quit_after, "Quit after SECONDS", "SECONDS" },
    { NULL }
  };

  context = g_option_context_new ("- preview Prehab's set-up window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();
  /* What AdwApplication does for the application: its icon and style. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  if (data_dir == NULL)
    {
      temp_dir = g_dir_make_tmp ("prehab-preview-XXXXXX", &error);
      if (temp_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      data_dir = g_strdup (temp_dir);
    }

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (revisit)
    {
      g_autofree char *today = prehab_date_dup_today ();
      PrehabEnrollmentSettings settings = {
        .start_date = today,
        .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
        .equipment = prehab_default_equipment (),
      };

      flag_ids = flags != NULL ? g_strsplit (flags, ",", -1) : NULL;
      if (days != NULL)
        {
          g_auto (GStrv) day_ids = g_strsplit (days, ",", -1);

          settings.training_days = 0;
          for (guint i = 0; day_ids[i] != NULL; i++)
            if (prehab_weekday_index (day_ids[i]) >= 0)
              settings.training_days |= 1u << prehab_weekday_index (day_ids[i]);
        }
      settings.flags = (const char * const *)flag_ids;
      current = prehab_enrollment_load_active (store, &error);
      if (current == NULL && error == NULL
          && prehab_enrollment_start (store, &settings, &error) > 0)
        current = prehab_enrollment_load_active (store, &error);
      if (current == NULL)
        {
          g_printerr ("%s\n", error != NULL ? error->message : "no active enrollment");
          return 1;
        }
    }

  preview.store = store;
  onboarding = new_onboarding (&preview, current);
  if (width > 0 || height > 0)
    gtk_window_set_default_size (GTK_WINDOW (onboarding), width > 0 ? width : 520,
                                 height > 0 ? height : 640);
  for (int i = 1; i < page; i++)
    gtk_widget_activate_action (GTK_WIDGET (onboarding), "onboarding.next", NULL);
  gtk_window_present (GTK_WINDOW (onboarding));

  if (quit_after > 0)
    g_timeout_add_seconds (quit_after, quit_cb, &preview);

  while (!preview.done)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&store);
  if (temp_dir != NULL)
    {
      g_autoptr (GFile) folder = g_file_new_for_path (temp_dir);

      remove_tree (folder);
    }

  return 0;
}
