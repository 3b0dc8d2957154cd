/* test-onboarding.c
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

/* The set-up window under a display: answers are given through its widgets,
 * found the way a person finds them (by the words they show), and what it
 * stored is read back through the core. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "prehab-catalog.h"
#include "prehab-date-chooser.h"
#include "prehab-enrollment.h"
#include "prehab-journal.h"
#include "prehab-onboarding.h"
#include "prehab-safety-check.h"
#include "prehab-test-util.h"
#include "prehab-vocabulary.h"

#define TODAY "2026-01-07"  /* a Wednesday */

typedef struct
{
  char             *data_dir;
  PrehabStore      *store;
  PrehabOnboarding *onboarding;
  guint             n_finished;
  gboolean          destroyed;
} Fixture;

/* ------------------------------------------------------------- helpers */

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_finished_cb (PrehabOnboarding *onboarding,
                Fixture          *fixture)
{
  fixture->n_finished++;
}

static void
on_destroy_cb (GtkWidget *widget,
               Fixture   *fixture)
{
  fixture->destroyed = TRUE;
  fixture->onboarding = NULL;
}

static void
open_onboarding (Fixture                *fixture,
                 const PrehabEnrollment *current)
{
  fixture->onboarding = prehab_onboarding_new (fixture->store, current);
  g_signal_connect (fixture->onboarding, "finished", G_CALLBACK (on_finished_cb), fixture);
  g_signal_connect (fixture->onboarding, "destroy", G_CALLBACK (on_destroy_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->onboarding));
  flush_events ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  fixture->data_dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->onboarding != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->onboarding));
  flush_events ();
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->onboarding),
                                                  PREHAB_TYPE_ONBOARDING, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_toggle_for (GtkWidget     *widget,
               gconstpointer  weekday)
{
  return GTK_IS_TOGGLE_BUTTON (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), weekday) == 0;
}

/* The switch or check box of the row that reads @title. */
static GtkWidget *
find_row_control (Fixture    *fixture,
                  const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (fixture->onboarding), is_row_titled, title);

  g_assert_nonnull (row);
  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

static GtkSwitch *
find_flag_switch (Fixture    *fixture,
                  const char *flag_id)
{
  const PrehabRedFlag *flag = prehab_red_flag_lookup (flag_id);

  g_assert_nonnull (flag);
  return GTK_SWITCH (find_row_control (fixture, _(flag->question)));
}

static GtkCheckButton *
find_equipment_check (Fixture    *fixture,
                      const char *equipment_id)
{
  return GTK_CHECK_BUTTON (find_row_control (fixture, prehab_vocabulary_label (prehab_equipment,
                                                                               equipment_id)));
}

static GtkToggleButton *
find_day_toggle (Fixture    *fixture,
                 const char *weekday_id)
{
  const char *name = prehab_vocabulary_label (prehab_weekdays, weekday_id);
  GtkWidget *toggle = find_widget (GTK_WIDGET (fixture->onboarding), is_toggle_for, name);

  g_assert_nonnull (toggle);
  return GTK_TOGGLE_BUTTON (toggle);
}

static const char *
button_label (Fixture    *fixture,
              const char *name)
{
  return gtk_button_get_label (GTK_BUTTON (template_child (fixture, name)));
}

static gboolean
can_go_on (Fixture *fixture)
{
  return gtk_widget_is_sensitive (template_child (fixture, "next_button"));
}

static void
click (Fixture    *fixture,
       const char *button_name)
{
  GtkWidget *button = template_child (fixture, button_name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "stack")));
}

static void
go_to_page (Fixture    *fixture,
            const char *name)
{
  for (int i = 0; i < 6 && g_strcmp0 (visible_page (fixture), name) != 0; i++)
    click (fixture, "next_button");
  g_assert_cmpstr (visible_page (fixture), ==, name);
}

/* The advice of the safety check: shown, or folded away and hidden. */
static gboolean
is_advice_shown (Fixture    *fixture,
                 const char *revealer_name)
{
  GtkWidget *safety_check = template_child (fixture, "safety_check");
  GObject *revealer = gtk_widget_get_template_child (safety_check, PREHAB_TYPE_SAFETY_CHECK,
                                                     revealer_name);

  g_assert_nonnull (revealer);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer))
         && gtk_widget_get_visible (GTK_WIDGET (revealer));
}

static GtkWidget *
date_chooser_child (Fixture    *fixture,
                    const char *name)
{
  GtkWidget *chooser = template_child (fixture, "date_chooser");
  GObject *child = gtk_widget_get_template_child (chooser, PREHAB_TYPE_DATE_CHOOSER, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* A day picked on the calendar, as a click would. */
static void
select_date (Fixture *fixture,
             int      year,
             int      month,
             int      day)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (GTK_CALENDAR (date_chooser_child (fixture, "calendar")), date);
  flush_events ();
}

static const char *
start_date_words (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (date_chooser_child (fixture, "date_label")));
}

/* The dialog the set-up window opened, answered with @response. */
static void
answer_dialog (Fixture    *fixture,
               const char *heading,
               const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        dialog = ADW_MESSAGE_DIALOG (window);
    }

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog))
                 == GTK_WINDOW (fixture->onboarding));
  /* A click on a response emits it, then the dialog closes, unless the
   * response already took its parent with it. */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  flush_events ();
}

static PrehabEnrollment *
load_active (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollment *enrollment = prehab_enrollment_load_active (fixture->store, &error);

  g_assert_no_error (error);
  return enrollment;
}

static char *
join (GStrv strv)
{
  return strv != NULL ? g_strjoinv (",", strv) : g_strdup ("");
}

static GPtrArray *
list_pain_entries (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = prehab_journal_list_entries (fixture->store, "2025-01-01", TODAY, &error);

  g_assert_no_error (error);
  return entries;
}

static gint64
start_program (Fixture            *fixture,
               const char         *start_date,
               guint               training_days,
               const char * const *equipment,
               const char * const *flags)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = start_date,
    .training_days = training_days,
    .equipment = equipment,
    .flags = flags,
  };
  gint64 id = prehab_enrollment_start (fixture->store, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* --------------------------------------------------------------- tests */

static void
test_first_run_defaults (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char * const *defaults = prehab_default_equipment ();
  g_autoptr (GDateTime) start = NULL;
  g_autofree char *start_date = NULL;
  AdwWindowTitle *title;

  open_onboarding (fixture, NULL);

  g_assert_cmpstr (visible_page (fixture), ==, "welcome");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (fixture, "welcome_title"))),
                   ==, "Welcome to Prehab");
  g_assert_cmpstr (button_label (fixture, "back_button"), ==, "Cancel");
  g_assert_cmpstr (button_label (fixture, "next_button"), ==, "Next");
  g_assert_true (can_go_on (fixture));

  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    g_assert_false (gtk_switch_get_active (find_flag_switch (fixture, prehab_red_flags[i].id)));
  g_assert_false (is_advice_shown (fixture, "emergency_revealer"));
  g_assert_false (is_advice_shown (fixture, "see_doctor_revealer"));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "cleared_box")));

  start = gtk_calendar_get_date (GTK_CALENDAR (date_chooser_child (fixture, "calendar")));
  start_date = g_date_time_format (start, "%Y-%m-%d");
  g_assert_cmpstr (start_date, ==, TODAY);
  g_assert_cmpstr (start_date_words (fixture), ==, "Today, Wednesday 7 January 2026");

  g_assert_nonnull (defaults);
  for (guint i = 0; prehab_equipment[i].id != NULL; i++)
    g_assert_cmpint (gtk_check_button_get_active (find_equipment_check (fixture,
                                                                        prehab_equipment[i].id)),
                     ==, g_strv_contains (defaults, prehab_equipment[i].id));

  for (guint i = 0; prehab_weekdays[i].id != NULL; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (find_day_toggle (fixture,
                                                                    prehab_weekdays[i].id)),
                     ==, (PREHAB_TRAINING_DAYS_DEFAULT & (1u << i)) != 0);

  /* Six pages on the first run, the last one starts the program. */
  go_to_page (fixture, "pain");
  g_assert_cmpstr (button_label (fixture, "back_button"), ==, "Back");
  g_assert_cmpstr (button_label (fixture, "next_button"), ==, "Start Program");
  title = ADW_WINDOW_TITLE (template_child (fixture, "window_title"));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Step 6 of 6");
  g_assert_cmpint (fixture->n_finished, ==, 0);
  g_assert_null (load_active (fixture));
}

static void
test_first_run_saves_answers (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *flags = NULL;
  PrehabPainEntry *baseline;

  open_onboarding (fixture, NULL);
  go_to_page (fixture, "safety");

  /* One answer of each tier shows both cards; the person may go on. */
  gtk_switch_set_active (find_flag_switch (fixture, "chest-pain"), TRUE);
  g_assert_true (is_advice_shown (fixture, "emergency_revealer"));
  g_assert_false (is_advice_shown (fixture, "see_doctor_revealer"));
  gtk_switch_set_active (find_flag_switch (fixture, "night-pain"), TRUE);
  g_assert_true (is_advice_shown (fixture, "see_doctor_revealer"));
  g_assert_true (can_go_on (fixture));
  click (fixture, "next_button");

  /* A future start is refused until an earlier day is chosen. */
  g_assert_cmpstr (visible_page (fixture), ==, "start");
  select_date (fixture, 2026, 1, 8);
  g_assert_false (can_go_on (fixture));
  g_assert_true (gtk_widget_get_visible (date_chooser_child (fixture, "future_label")));
  select_date (fixture, 2026, 1, 5);
  g_assert_true (can_go_on (fixture));
  g_assert_false (gtk_widget_get_visible (date_chooser_child (fixture, "future_label")));
  g_assert_cmpstr (start_date_words (fixture), ==, "Monday 5 January 2026");
  click (fixture, "next_button");

  g_assert_cmpstr (visible_page (fixture), ==, "equipment");
  for (guint i = 0; prehab_equipment[i].id != NULL; i++)
    gtk_check_button_set_active (find_equipment_check (fixture, prehab_equipment[i].id), FALSE);
  gtk_check_button_set_active (find_equipment_check (fixture, "mat"), TRUE);
  gtk_check_button_set_active (find_equipment_check (fixture, "band"), TRUE);
  click (fixture, "next_button");

  /* No day blocks; back-to-back days and more than three only warn. */
  g_assert_cmpstr (visible_page (fixture), ==, "days");
  for (guint i = 0; prehab_weekdays[i].id != NULL; i++)
    gtk_toggle_button_set_active (find_day_toggle (fixture, prehab_weekdays[i].id), FALSE);
  g_assert_false (can_go_on (fixture));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "days_warning_box")));
  gtk_toggle_button_set_active (find_day_toggle (fixture, "tue"), TRUE);
  g_assert_true (can_go_on (fixture));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "days_warning_box")));
  gtk_toggle_button_set_active (find_day_toggle (fixture, "wed"), TRUE);
  g_assert_true (can_go_on (fixture));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "days_warning_box")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (template_child (fixture,
                                                                            "days_warning_label"))),
                            "back to back"));
  gtk_toggle_button_set_active (find_day_toggle (fixture, "wed"), FALSE);
  gtk_toggle_button_set_active (find_day_toggle (fixture, "sun"), TRUE);
  gtk_toggle_button_set_active (find_day_toggle (fixture, "thu"), TRUE);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "days_warning_box")));
  click (fixture, "next_button");

  g_assert_cmpstr (visible_page (fixture), ==, "pain");
  gtk_range_set_value (GTK_RANGE (template_child (fixture, "pain_scale")), 4);
  g_assert_cmpint (fixture->n_finished, ==, 0);
  click (fixture, "next_button");

  g_assert_cmpint (fixture->n_finished, ==, 1);
  g_assert_true (fixture->destroyed);

  enrollment = load_active (fixture);
  g_assert_nonnull (enrollment);
  g_assert_cmpstr (enrollment->start_date, ==, "2026-01-05");
  g_assert_cmphex (enrollment->training_days, ==, (1u << 1) | (1u << 3) | (1u << 6));
  equipment = join (enrollment->equipment);
  g_assert_cmpstr (equipment, ==, "band,mat");
  flags = join (enrollment->flags);
  g_assert_cmpstr (flags, ==, "chest-pain,night-pain");
  g_assert_null (enrollment->cleared_at);

  entries = list_pain_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 1);
  baseline = g_ptr_array_index (entries, 0);
  g_assert_cmpint (baseline->pain, ==, 4);
  g_assert_cmpstr (baseline->context, ==, "other");
  g_assert_true (g_str_has_prefix (baseline->logged_at, "2026-01-05 "));
}

static void
test_first_run_quit (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (GPtrArray) entries = NULL;

  open_onboarding (fixture, NULL);

  /* Cancel asks first; "Continue Set-Up" keeps everything as it was. */
  click (fixture, "back_button");
  answer_dialog (fixture, "Quit Set-Up?", "continue");
  g_assert_false (fixture->destroyed);
  g_assert_cmpstr (visible_page (fixture), ==, "welcome");

  /* Escape asks the same. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->onboarding), "window.close", NULL);
  flush_events ();
  answer_dialog (fixture, "Quit Set-Up?", "quit");
  g_assert_true (fixture->destroyed);
  g_assert_cmpint (fixture->n_finished, ==, 0);

  g_assert_null (load_active (fixture));
  entries = list_pain_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_error_keeps_window (Fixture       *fixture,
                         gconstpointer  user_data)
{
  open_onboarding (fixture, NULL);
  go_to_page (fixture, "pain");

  /* The day turns while the window is open: the start it shows is now in
   * the future, which the core refuses. */
  g_setenv ("PREHAB_TODAY", "2026-01-06", TRUE);
  click (fixture, "next_button");

  g_assert_false (fixture->destroyed);
  g_assert_cmpint (fixture->n_finished, ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "error_box")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (template_child (fixture,
                                                                            "error_label"))),
                            "could not be saved"));
  g_assert_null (load_active (fixture));

  /* Going back hides the message. */
  click (fixture, "back_button");
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "error_box")));
}

static void
test_revisit (Fixture       *fixture,
              gconstpointer  user_data)
{
  const char * const equipment_ids[] = { "chair", "foam-roller", NULL };
  const char * const flag_ids[] = { "fever", NULL };
  g_autoptr (PrehabEnrollment) current = NULL;
  g_autoptr (PrehabEnrollment) cleared = NULL;
  g_autoptr (PrehabEnrollment) saved = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *flags = NULL;
  gint64 id;

  id = start_program (fixture, "2026-01-02", (1u << 1) | (1u << 4), equipment_ids, flag_ids);
  current = load_active (fixture);
  open_onboarding (fixture, current);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (fixture, "welcome_title"))),
                   ==, "Review Your Set-Up");
  g_assert_cmpstr (button_label (fixture, "back_button"), ==, "Cancel");

  /* The answers of the enrollment are shown. */
  g_assert_true (gtk_switch_get_active (find_flag_switch (fixture, "fever")));
  g_assert_false (gtk_switch_get_active (find_flag_switch (fixture, "chest-pain")));
  g_assert_true (is_advice_shown (fixture, "see_doctor_revealer"));
  g_assert_true (gtk_check_button_get_active (find_equipment_check (fixture, "foam-roller")));
  g_assert_true (gtk_check_button_get_active (find_equipment_check (fixture, "chair")));
  g_assert_false (gtk_check_button_get_active (find_equipment_check (fixture, "mat")));
  g_assert_true (gtk_toggle_button_get_active (find_day_toggle (fixture, "tue")));
  g_assert_true (gtk_toggle_button_get_active (find_day_toggle (fixture, "fri")));
  g_assert_false (gtk_toggle_button_get_active (find_day_toggle (fixture, "mon")));
  g_assert_cmpstr (start_date_words (fixture), ==, "Friday 2 January 2026");

  /* A clinician's clearance is asked for, confirmed and stored at once. */
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "cleared_box")));
  click (fixture, "next_button");
  click (fixture, "cleared_button");
  answer_dialog (fixture, "Did a Clinician Clear You?", "cancel");
  cleared = load_active (fixture);
  g_assert_null (cleared->cleared_at);
  g_clear_pointer (&cleared, prehab_enrollment_free);
  click (fixture, "cleared_button");
  answer_dialog (fixture, "Did a Clinician Clear You?", "confirm");
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "cleared_button")));
  cleared = load_active (fixture);
  g_assert_nonnull (cleared->cleared_at);

  /* Five pages: no pain question, and the last one saves. */
  go_to_page (fixture, "days");
  g_assert_cmpstr (button_label (fixture, "next_button"), ==, "Save");
  gtk_toggle_button_set_active (find_day_toggle (fixture, "tue"), FALSE);
  gtk_toggle_button_set_active (find_day_toggle (fixture, "mon"), TRUE);
  click (fixture, "back_button");
  click (fixture, "back_button");
  g_assert_cmpstr (visible_page (fixture), ==, "start");
  select_date (fixture, 2026, 1, 1);
  go_to_page (fixture, "days");
  click (fixture, "next_button");

  g_assert_cmpint (fixture->n_finished, ==, 1);
  g_assert_true (fixture->destroyed);

  saved = load_active (fixture);
  g_assert_cmpint (saved->id, ==, id);
  g_assert_cmpstr (saved->start_date, ==, "2026-01-01");
  g_assert_cmphex (saved->training_days, ==, (1u << 0) | (1u << 4));
  equipment = join (saved->equipment);
  g_assert_cmpstr (equipment, ==, "chair,foam-roller");
  flags = join (saved->flags);
  g_assert_cmpstr (flags, ==, "fever");
  /* The same answers keep the clearance. */
  g_assert_nonnull (saved->cleared_at);

  /* A review logs no pain. */
  entries = list_pain_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_revisit_cancel (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (PrehabEnrollment) current = NULL;
  g_autoptr (PrehabEnrollment) after = NULL;
  g_autofree char *flags = NULL;

  start_program (fixture, TODAY, PREHAB_TRAINING_DAYS_DEFAULT, NULL, NULL);
  current = load_active (fixture);
  open_onboarding (fixture, current);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "cleared_box")));

  click (fixture, "next_button");
  gtk_switch_set_active (find_flag_switch (fixture, "fever"), TRUE);

  /* A review closes without asking, and without saving. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->onboarding), "window.close", NULL);
  flush_events ();
  g_assert_true (fixture->destroyed);
  g_assert_cmpint (fixture->n_finished, ==, 0);

  after = load_active (fixture);
  flags = join (after->flags);
  g_assert_cmpstr (flags, ==, "");
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/onboarding/first-run/defaults", test_first_run_defaults);
  ADD ("/onboarding/first-run/saves-answers", test_first_run_saves_answers);
  ADD ("/onboarding/first-run/quit", test_first_run_quit);
  ADD ("/onboarding/first-run/error-keeps-window", test_error_keeps_window);
  ADD ("/onboarding/revisit/update", test_revisit);
  ADD ("/onboarding/revisit/cancel", test_revisit_cancel);

#undef ADD

  return g_test_run ();
}
