/* test-help.c
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

/* The help under a display: "How the plan adapts" states the planner's own
 * numbers and has a section per phase; the shortcuts window lists every
 * accelerator the application sets (so the two never drift apart); F1
 * opens the plan's help; the About window carries the metainfo's release
 * notes, links and licence. The application is registered (its startup
 * sets the accelerators and actions) but never activated. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "prehab-application.h"
#include "prehab-plan-help.h"
#include "prehab-planner.h"
#include "prehab-program.h"
#include "prehab-vocabulary.h"

static PrehabApplication *app;

/* ------------------------------------------------------------- helpers */

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        {
          g_assert_null (found);
          found = window;
        }
    }

  return found;
}

static guint
count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        n++;
    }

  return n;
}

static char *
squeeze_spaces (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr (GRegex) between_tags = g_regex_new (">\\s+<", 0, 0, NULL);
  g_autofree char *one = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  g_autofree char *two = g_regex_replace_literal (between_tags, one, -1, 0, "><", 0, NULL);

  return g_strstrip (g_steal_pointer (&two));
}

/* The same key for "win.show-view::today" and "win.show-view('today')". */
static char *
dup_action_key (const char *detailed)
{
  g_autofree char *name = NULL;
  g_autoptr (GVariant) target = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *printed = NULL;

  g_action_parse_detailed_name (detailed, &name, &target, &error);
  g_assert_no_error (error);
  if (target != NULL)
    printed = g_variant_print (target, TRUE);

  return g_strdup_printf ("%s(%s)", name, printed != NULL ? printed : "");
}

/* ------------------------------------------------------- the plan help */

static void
test_plan_help_states_the_planner (void)
{
  PrehabPlanHelp *help = prehab_plan_help_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GString) all = g_string_new (NULL);
  g_autoptr (GHashTable) headings = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *green = g_strdup_printf ("Green: 0 to %d", PREHAB_PAIN_GREEN_MAX);
  g_autofree char *amber = g_strdup_printf ("Amber: %d to %d", PREHAB_PAIN_GREEN_MAX + 1,
                                            PREHAB_PAIN_AMBER_MAX);
  g_autofree char *red = g_strdup_printf ("Red: %d or more", PREHAB_PAIN_AMBER_MAX + 1);
  g_autofree char *desensitize = g_strdup_printf ("moves on after at least %d days",
                                                  PREHAB_DESENSITIZE_MIN_DAYS);
  g_autofree char *mobilize = g_strdup_printf ("at least %d days of mobility work in all, when you did at least %d%%",
                                               PREHAB_MOBILITY_MIN_DAYS,
                                               PREHAB_STRENGTH_ADHERENCE_PERCENT);
  g_autofree char *maintain = g_strdup_printf ("strength work %d times a week",
                                               PREHAB_MAINTAIN_STRENGTH_PER_WEEK);
  g_autofree char *settled = g_strdup_printf ("no more than %d point above", PREHAB_SETTLED_MAX_RISE);
  g_autofree char *unsettled = g_strdup_printf ("Not settled: %d points or more above",
                                                PREHAB_UNSETTLED_RISE);
  g_autofree char *meaningful = g_strdup_printf ("at least %d points or %d%% of the earlier level",
                                                 PREHAB_MEANINGFUL_CHANGE_POINTS,
                                                 PREHAB_MEANINGFUL_CHANGE_PERCENT);
  g_autofree char *gap = g_strdup_printf ("After %d days or more without a session, the first day back starts again at about %d%%",
                                          PREHAB_GAP_DAYS, PREHAB_RESTART_PERCENT);
  g_autofree char *swap = g_strdup_printf ("for the next %d days", PREHAB_SWAP_DAYS);
  g_autofree char *review = g_strdup_printf ("by the end of week %d and is not clearly falling, or by the end of week %d",
                                             PREHAB_REVIEW_FIRST_WEEK, PREHAB_REVIEW_LAST_WEEK);
  const char *expected[] = { green, amber, red, desensitize, mobilize, maintain, settled,
                             unsettled, meaningful, gap, swap, review, "24-hour rule",
                             "Not a Diagnosis" };

  gtk_window_present (GTK_WINDOW (help));
  flush_events ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (help)), ==, "How the Plan Adapts");
  collect_labels (GTK_WIDGET (help), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      g_string_append_printf (all, "%s\n", gtk_label_get_text (label));
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)) == GTK_ACCESSIBLE_ROLE_HEADING)
        g_hash_table_add (headings, (gpointer) gtk_label_get_text (label));
    }

  /* A heading per phase, named as everywhere else in the app. */
  for (PrehabPhase phase = PREHAB_PHASE_DESENSITIZE; phase <= PREHAB_PHASE_MAINTAIN; phase++)
    {
      const char *name = prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (phase));

      g_test_message ("phase heading %s", name);
      g_assert_true (g_hash_table_contains (headings, name));
    }
  /* And one per decision but the start. */
  for (PrehabDecision decision = PREHAB_DECISION_ADVANCE; decision <= PREHAB_DECISION_STOP; decision++)
    g_assert_true (g_hash_table_contains (headings, prehab_decision_label (decision)));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("expecting “%s”", expected[i]);
      g_assert_nonnull (strstr (all->str, expected[i]));
    }

  /* Every warning sign of the safety screen, by its question. */
  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    g_assert_nonnull (strstr (all->str, prehab_red_flags[i].question));

  gtk_window_destroy (GTK_WINDOW (help));
  flush_events ();
}

/* F1 is the action's accelerator, and the action opens one window however
 * often it is asked. */
static void
test_plan_help_action (void)
{
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "app.plan-help");
  GtkWindow *help;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_assert_null (find_toplevel (PREHAB_TYPE_PLAN_HELP));

  g_action_group_activate_action (G_ACTION_GROUP (app), "plan-help", NULL);
  flush_events ();
  help = find_toplevel (PREHAB_TYPE_PLAN_HELP);
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  g_assert_true (gtk_window_get_application (help) == GTK_APPLICATION (app));

  g_action_group_activate_action (G_ACTION_GROUP (app), "plan-help", NULL);
  flush_events ();
  g_assert_cmpuint (count_toplevels (PREHAB_TYPE_PLAN_HELP), ==, 1);

  /* Escape's binding closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (help), "window.close", NULL));
  flush_events ();
  g_assert_null (find_toplevel (PREHAB_TYPE_PLAN_HELP));
}

/* -------------------------------------------------------- the shortcuts */

static void
test_shortcuts_list_every_accelerator (void)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/prehab-shortcuts-window.ui");
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  guint n_checked = 0;
  GtkWindow *overlay;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;

        g_object_get (l->data, "action-name", &action, NULL);
        if (action != NULL)
          g_hash_table_add (listed, dup_action_key (action));
      }

  g_assert_cmpuint (g_strv_length (actions), >=, 8);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                      actions[i]);
      g_autofree char *key = dup_action_key (actions[i]);

      if (accels[0] == NULL)
        continue;

      g_test_message ("%s (%s)", actions[i], accels[0]);
      if (!g_hash_table_contains (listed, key))
        g_error ("the shortcuts window (ui/prehab-shortcuts-window.ui) does not list %s (%s)",
                 actions[i], accels[0]);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 8);

  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (overlay);
  flush_events ();
}

/* ------------------------------------------------------------ the About */

static void
test_about_window (void)
{
  g_autofree char *metainfo = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) release = g_regex_new ("<release version=\"([^\"]+)\"[^>]*>\\s*<description>(.*?)</description>",
                                            G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GRegex) homepage = g_regex_new ("<url type=\"homepage\">([^<]+)</url>", 0, 0, NULL);
  g_autoptr (GRegex) bugtracker = g_regex_new ("<url type=\"bugtracker\">([^<]+)</url>", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *shown_notes = NULL;
  AdwAboutWindow *about;

  g_file_get_contents (PREHAB_METAINFO_IN, &metainfo, NULL, &error);
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  flush_events ();
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);

  /* The newest release is listed first. */
  g_assert_true (g_regex_match (release, metainfo, 0, &match));
  version = g_match_info_fetch (match, 1);
  notes = g_match_info_fetch (match, 2);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, version);
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, version);
  g_clear_pointer (&shown_notes, g_free);
  shown_notes = squeeze_spaces (adw_about_window_get_release_notes (about));
  g_clear_pointer (&version, g_free);
  version = squeeze_spaces (notes);
  g_assert_cmpstr (shown_notes, ==, version);

  g_clear_pointer (&match, g_match_info_free);
  g_assert_true (g_regex_match (homepage, metainfo, 0, &match));
  g_clear_pointer (&version, g_free);
  version = g_match_info_fetch (match, 1);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, version);
  g_clear_pointer (&match, g_match_info_free);
  g_assert_true (g_regex_match (bugtracker, metainfo, 0, &match));
  g_clear_pointer (&version, g_free);
  version = g_match_info_fetch (match, 1);
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, version);

  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "not a medical device"));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "GTK 4."));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "libadwaita 1."));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "SQLite 3."));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "schema"));

  gtk_window_close (GTK_WINDOW (about));
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_setenv ("PREHAB_TODAY", "2026-01-07", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = prehab_application_new ();
  /* Registered on its own: another Prehab on the bus must not answer. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/help/plan-help/states-the-planner", test_plan_help_states_the_planner);
  g_test_add_func ("/help/plan-help/action", test_plan_help_action);
  g_test_add_func ("/help/shortcuts/every-accelerator", test_shortcuts_list_every_accelerator);
  g_test_add_func ("/help/about", test_about_window);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
