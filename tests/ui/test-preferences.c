/* test-preferences.c: the preferences window on a temporary journal and
 * settings in memory
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "prehab-catalog.h"
#include "prehab-day-picker.h"
#include "prehab-enrollment.h"
#include "prehab-preferences-window.h"
#include "prehab-test-util.h"

#define TODAY "2026-01-07"  /* a Wednesday */

typedef struct
{
  char                    *data_dir;
  PrehabStore             *store;
  GSettings               *settings;
  PrehabPreferencesWindow *window;
  guint                    n_changed;
} Fixture;

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_enrollment_changed_cb (PrehabPreferencesWindow *window,
                          Fixture                 *fixture)
{
  fixture->n_changed++;
}

static void
reset_settings (GSettings *settings)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = prehab_preferences_window_new (NULL, fixture->store, fixture->settings);
  g_object_ref_sink (fixture->window);
  g_signal_connect (fixture->window, "enrollment-changed",
                    G_CALLBACK (on_enrollment_changed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  flush_events ();
}

static void
start_program (Fixture *fixture)
{
  PrehabEnrollmentSettings settings = {
    .start_date = TODAY,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (prehab_enrollment_start (fixture->store, &settings, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  started)
{
  g_autoptr (GError) error = NULL;

  fixture->data_dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->data_dir, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APPLICATION_ID);
  reset_settings (fixture->settings);
  if (GPOINTER_TO_INT (started))
    start_program (fixture);
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  flush_events ();
  reset_settings (fixture->settings);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* The first widget of @type under @root (depth first) for which @match
 * holds, or any with @match NULL. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_title (GtkWidget     *row,
           gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_PREFERENCES_ROW,
                                has_title, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

/* The row's switch, spin button, button or check: the widget it activates. */
static GtkWidget *
row_control (Fixture    *fixture,
             const char *title,
             GType       type)
{
  GtkWidget *control = find_widget (find_row (fixture, title), type, NULL, NULL);

  g_assert_nonnull (control);
  return control;
}

static gboolean
has_accessible_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  g_autofree char *error = NULL;

  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return error == NULL;
}

static gboolean
visible_in_window (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (!gtk_widget_get_visible (widget))
        return FALSE;
      if (GTK_IS_WINDOW (widget))
        return TRUE;
    }

  return FALSE;
}

static void
test_not_started (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *set_up = find_row (fixture, "Set Up the Program");

  g_assert_true (visible_in_window (set_up));
  g_assert_false (visible_in_window (find_row (fixture, "Start Date")));
  g_assert_false (visible_in_window (find_row (fixture, "Equipment I Have")));
}

/* Every control is there and named for assistive technologies: a row's
 * switch or spin button by the row's title (AdwActionRow's labelled-by). */
static void
test_rows_named (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { const char *title; const char *control; } rows[] = {
    { "Session Reminder", "GtkSwitch" },
    { "Time", "GtkSpinButton" },
    { "Movement Break Reminders", "GtkSwitch" },
    { "Minutes Between Breaks", "GtkSpinButton" },
    { "Work Starts", "GtkSpinButton" },
    { "Work Ends", "GtkSpinButton" },
    { "Start at Login", "GtkSwitch" },
    { "Sounds in Guided Sessions", "GtkSwitch" },
  };
  static const char * const plain_rows[] = {
    "Start Date", "Review Safety Questions and Set-Up", "Equipment I Have", "Style",
    "Full Backup (JSON)", "Pain Entries (CSV)", "Sessions (CSV)", "Clinician Report (PDF)",
    "Import Backup", "Folder",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = find_row (fixture, rows[i].title);
      GtkWidget *control = row_control (fixture, rows[i].title, g_type_from_name (rows[i].control));

      g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == control);
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (control),
                                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    }
  for (guint i = 0; i < G_N_ELEMENTS (plain_rows); i++)
    g_assert_true (visible_in_window (find_row (fixture, plain_rows[i])));

  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), PREHAB_TYPE_DAY_PICKER,
                                 has_accessible_label, "Training days"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), PREHAB_TYPE_DAY_PICKER,
                                 has_accessible_label, "Working days"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON,
                                 has_accessible_label, "Choose the backup folder"));
}

static void
test_reminder_settings (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *breaks = find_row (fixture, "Movement Break Reminders");
  GtkSpinButton *interval = GTK_SPIN_BUTTON (row_control (fixture, "Minutes Between Breaks",
                                                          GTK_TYPE_SPIN_BUTTON));
  GtkSpinButton *work_start = GTK_SPIN_BUTTON (row_control (fixture, "Work Starts",
                                                            GTK_TYPE_SPIN_BUTTON));
  GtkSpinButton *session_time = GTK_SPIN_BUTTON (row_control (fixture, "Time",
                                                              GTK_TYPE_SPIN_BUTTON));
  PrehabDayPicker *work_days = NULL;

  /* Off at first, and the details with it. */
  g_assert_false (g_settings_get_boolean (fixture->settings, "break-reminders"));
  g_assert_false (gtk_widget_get_sensitive (find_row (fixture, "Minutes Between Breaks")));

  /* Activating the row (Enter on it) flips its switch and the setting. */
  gtk_widget_activate (breaks);
  flush_events ();
  g_assert_true (g_settings_get_boolean (fixture->settings, "break-reminders"));
  g_assert_true (gtk_widget_get_sensitive (find_row (fixture, "Minutes Between Breaks")));

  gtk_spin_button_set_value (interval, 30);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "break-interval"), ==, 30);

  /* The spin button cannot go past the schema's range. */
  gtk_spin_button_set_value (interval, 500);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "break-interval"), ==, 120);

  /* Times are typed and shown as HH:MM. */
  gtk_editable_set_text (GTK_EDITABLE (work_start), "07:30");
  gtk_spin_button_update (work_start);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "work-start"), ==, 7 * 60 + 30);
  g_settings_set_int (fixture->settings, "session-reminder-time", 10 * 60 + 15);
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (session_time)), ==, "10:15");

  /* Nonsense leaves the time as it was. */
  gtk_editable_set_text (GTK_EDITABLE (work_start), "25:00");
  gtk_spin_button_update (work_start);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "work-start"), ==, 7 * 60 + 30);

  work_days = PREHAB_DAY_PICKER (find_widget (GTK_WIDGET (fixture->window), PREHAB_TYPE_DAY_PICKER,
                                              has_accessible_label, "Working days"));
  g_assert_cmpuint (prehab_day_picker_get_days (work_days), ==, 0x1f);
  prehab_day_picker_set_days (work_days, (1 << 0) | (1 << 5));
  g_assert_cmpuint (g_settings_get_flags (fixture->settings, "work-days"), ==, (1 << 0) | (1 << 5));

  g_settings_set_flags (fixture->settings, "work-days", 1 << 3);
  flush_events ();
  g_assert_cmpuint (prehab_day_picker_get_days (work_days), ==, 1 << 3);
}

static void
test_style_and_sounds (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwComboRow *style = ADW_COMBO_ROW (find_row (fixture, "Style"));
  GtkWidget *sounds = find_row (fixture, "Sounds in Guided Sessions");

  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 0);
  adw_combo_row_set_selected (style, 2);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "color-scheme"), ==, 2);
  g_settings_set_enum (fixture->settings, "color-scheme", 1);
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 1);

  g_assert_true (g_settings_get_boolean (fixture->settings, "session-sounds"));
  gtk_widget_activate (sounds);
  flush_events ();
  g_assert_false (g_settings_get_boolean (fixture->settings, "session-sounds"));
}

/* Without an application on a bus there is no Background portal to ask:
 * the row says so and cannot be used. */
static void
test_autostart_unavailable (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *row = find_row (fixture, "Start at Login");

  g_assert_false (gtk_widget_get_sensitive (row));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Not available"));
}

static void
test_backup_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwActionRow *row = ADW_ACTION_ROW (find_row (fixture, "Folder"));
  GtkWidget *reset = find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, has_accessible_label,
                                  "Use the Documents folder");

  g_assert_nonnull (reset);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (row), "(the default)"));
  g_assert_false (gtk_widget_get_sensitive (reset));

  g_settings_set_string (fixture->settings, "backup-folder", "/tmp/prehab backups");
  flush_events ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "/tmp/prehab backups");
  g_assert_true (gtk_widget_get_sensitive (reset));

  g_signal_emit_by_name (reset, "clicked");
  {
    g_autofree char *folder = g_settings_get_string (fixture->settings, "backup-folder");
    g_assert_cmpstr (folder, ==, "");
  }
}

static void
test_training_days (Fixture       *fixture,
                    gconstpointer  data)
{
  PrehabDayPicker *picker = NULL;
  g_autoptr (PrehabEnrollment) before = NULL;
  g_autoptr (PrehabEnrollment) after = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_after = NULL;
  g_autoptr (GError) error = NULL;

  picker = PREHAB_DAY_PICKER (find_widget (GTK_WIDGET (fixture->window), PREHAB_TYPE_DAY_PICKER,
                                           has_accessible_label, "Training days"));
  g_assert_true (visible_in_window (GTK_WIDGET (picker)));
  g_assert_cmpuint (prehab_day_picker_get_days (picker), ==, PREHAB_TRAINING_DAYS_DEFAULT);

  /* Tuesday, Thursday, Saturday: saved at once. */
  prehab_day_picker_set_days (picker, (1 << 1) | (1 << 3) | (1 << 5));
  flush_events ();
  after = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->training_days, ==, (1 << 1) | (1 << 3) | (1 << 5));
  g_assert_cmpstr (after->start_date, ==, TODAY);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* No day at all is refused: nothing is written. */
  dump = prehab_test_dump_store (fixture->store);
  prehab_day_picker_set_days (picker, 0);
  flush_events ();
  dump_after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (dump, ==, dump_after);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  before = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_cmpuint (before->training_days, ==, (1 << 1) | (1 << 3) | (1 << 5));
}

static void
test_equipment (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *row = find_row (fixture, "Foam roller");
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_control (fixture, "Foam roller",
                                                                              GTK_TYPE_CHECK_BUTTON))));
  gtk_widget_activate (row);
  flush_events ();

  enrollment = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (prehab_enrollment_has_equipment (enrollment, "foam-roller"));
  g_assert_true (prehab_enrollment_has_equipment (enrollment, "mat"));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* What the main window was asked to do by the Data page's rows. */
static void
record_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GString *asked = user_data;

  g_string_append_printf (asked, "%s%s%s;", g_action_get_name (G_ACTION (action)),
                          parameter != NULL ? "::" : "",
                          parameter != NULL ? g_variant_get_string (parameter, NULL) : "");
}

static void
test_data_rows (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *title; const char *asks; } rows[] = {
    { "Full Backup (JSON)", "export::json;" },
    { "Pain Entries (CSV)", "export::csv-entries;" },
    { "Sessions (CSV)", "export::csv-sessions;" },
    { "Clinician Report (PDF)", "save-report;" },
    { "Import Backup", "import;" },
  };
  g_autoptr (GString) asked = g_string_new (NULL);
  GActionEntry entries[] = {
    { "export", record_action_cb, "s" },
    { "import", record_action_cb },
    { "save-report", record_action_cb },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *parent = gtk_window_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), asked);
  gtk_widget_insert_action_group (parent, "win", G_ACTION_GROUP (group));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (PrehabPreferencesWindow) window = NULL;
      Fixture own = *fixture;

      /* Each row hands over to the main window and closes Preferences. */
      window = prehab_preferences_window_new (GTK_WINDOW (parent), fixture->store,
                                              fixture->settings);
      g_object_ref_sink (window);
      gtk_window_present (GTK_WINDOW (window));
      flush_events ();
      own.window = window;
      g_string_truncate (asked, 0);
      g_signal_emit_by_name (find_row (&own, rows[i].title), "activated");
      flush_events ();
      g_assert_cmpstr (asked->str, ==, rows[i].asks);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
    }

  gtk_window_destroy (GTK_WINDOW (parent));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  /* A switch flips at the end of its animation: no animation, no wait. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, started, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (started), fixture_set_up, func, fixture_tear_down)
  ADD ("/preferences/not-started", FALSE, test_not_started);
  ADD ("/preferences/rows-named", TRUE, test_rows_named);
  ADD ("/preferences/reminder-settings", TRUE, test_reminder_settings);
  ADD ("/preferences/style-and-sounds", FALSE, test_style_and_sounds);
  ADD ("/preferences/autostart-unavailable", FALSE, test_autostart_unavailable);
  ADD ("/preferences/backup-folder", FALSE, test_backup_folder);
  ADD ("/preferences/data-rows", FALSE, test_data_rows);
  ADD ("/preferences/training-days", TRUE, test_training_days);
  ADD ("/preferences/equipment", TRUE, test_equipment);
#undef ADD

  return g_test_run ();
}
