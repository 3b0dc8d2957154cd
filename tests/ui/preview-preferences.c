/* preview-preferences.c: the preferences window on a temporary journal,
 * written to a PNG, for looking at it
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage, under a display (settings in memory, the built schema):
 *
 *   GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo \
 *   xvfb-run -n 130 -s "-screen 0 1280x900x24" \
 *     build/tests/preview-preferences --page reminders --output /tmp/r.png \
 *       [--started] [--on] [--dark] [--width W] [--height H]
 *
 * --page is program, reminders, general or data; --started starts a program
 * today first; --on turns every reminder on (and makes work end before it
 * starts with --bad-hours).
 */

#define G_LOG_DOMAIN "preview-preferences"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-preferences-window.h"

static char *output;

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

static void
on_destroy_cb (GtkWidget *window,
               gboolean  *done)
{
  *done = TRUE;
  g_main_context_wakeup (NULL);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GtkCssProvider) style = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GFile) temp = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *page = NULL;
  gboolean started = FALSE;
  gboolean on = FALSE;
  gboolean bad_hours = FALSE;
  gboolean dark = FALSE;
  gboolean done = FALSE;
  int width = 0;
  int height = 0;
  PrehabPreferencesWindow *window;
  GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, "Show a page", "NAME" },
    { "started", 0, 0, G_OPTION_ARG_NONE, &started, "Start a program today first", NULL },
    { "on", 0, 0, G_OPTION_ARG_NONE, &on, "Turn every reminder on", NULL },
    { "bad-hours", 0, 0, G_OPTION_ARG_NONE, &bad_hours, "Work ends before it starts", NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Prefer the dark style", NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Write a PNG and quit", "FILE" },
    { NULL }
  };

  /* In another language: LANGUAGE=es PREHAB_LOCALEDIR=build/po. */
  setlocale (LC_ALL, "");
  if (g_getenv ("PREHAB_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PREHAB_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- preview Prehab's preferences");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();
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

  temp_dir = g_dir_make_tmp ("prehab-preview-XXXXXX", &error);
  if (temp_dir == NULL || (store = prehab_catalog_open_store (temp_dir, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  temp = g_file_new_for_path (temp_dir);

  if (started)
    {
      g_autofree char *today = prehab_date_dup_today ();
      PrehabEnrollmentSettings enrollment = {
        .start_date = today,
        .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
        .equipment = prehab_default_equipment (),
      };

      if (prehab_enrollment_start (store, &enrollment, &error) == 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  settings = g_settings_new (APPLICATION_ID);
  if (on)
    {
      g_settings_set_boolean (settings, "session-reminder", TRUE);
      g_settings_set_boolean (settings, "break-reminders", TRUE);
    }
  if (bad_hours)
    g_settings_set_int (settings, "work-end", 8 * 60);

  window = prehab_preferences_window_new (NULL, store, settings);
  if (width > 0 || height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width > 0 ? width : 640,
                                 height > 0 ? height : 680);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), page);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy_cb), &done);
  gtk_window_present (GTK_WINDOW (window));
  if (output != NULL)
    g_timeout_add (1500, save_screenshot_cb, window);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&store);
  remove_tree (temp);
  return 0;
}
