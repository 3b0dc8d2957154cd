/* test-settings.c: the GSettings keys, read back, refused out of range, and
 * read into the reminders' plain settings
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prehab-reminder-service.h"

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
reset_all (GSettings *settings)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
test_round_trip (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  g_autoptr (GSettings) other = new_settings ();
  g_auto (GStrv) days = NULL;

  reset_all (settings);

  g_assert_true (g_settings_set_boolean (settings, "session-reminder", TRUE));
  g_assert_true (g_settings_set_int (settings, "session-reminder-time", 7 * 60 + 30));
  g_assert_true (g_settings_set_boolean (settings, "break-reminders", TRUE));
  g_assert_true (g_settings_set_int (settings, "break-interval", 30));
  g_assert_true (g_settings_set_int (settings, "work-start", 8 * 60));
  g_assert_true (g_settings_set_int (settings, "work-end", 16 * 60));
  g_assert_true (g_settings_set_flags (settings, "work-days", (1 << 0) | (1 << 6)));
  g_assert_true (g_settings_set_enum (settings, "color-scheme", 2));
  g_assert_true (g_settings_set_boolean (settings, "start-at-login", TRUE));
  g_assert_true (g_settings_set_boolean (settings, "background-explained", TRUE));

  /* Read back through another object on the same backend. */
  g_assert_true (g_settings_get_boolean (other, "session-reminder"));
  g_assert_cmpint (g_settings_get_int (other, "session-reminder-time"), ==, 450);
  g_assert_true (g_settings_get_boolean (other, "break-reminders"));
  g_assert_cmpint (g_settings_get_int (other, "break-interval"), ==, 30);
  g_assert_cmpint (g_settings_get_int (other, "work-start"), ==, 480);
  g_assert_cmpint (g_settings_get_int (other, "work-end"), ==, 960);
  g_assert_cmpuint (g_settings_get_flags (other, "work-days"), ==, (1 << 0) | (1 << 6));
  days = g_settings_get_strv (other, "work-days");
  g_assert_cmpuint (g_strv_length (days), ==, 2);
  g_assert_cmpstr (days[0], ==, "mon");
  g_assert_cmpstr (days[1], ==, "sun");
  g_assert_cmpint (g_settings_get_enum (other, "color-scheme"), ==, 2);
  {
    g_autofree char *scheme = g_settings_get_string (other, "color-scheme");
    g_assert_cmpstr (scheme, ==, "dark");
  }
  g_assert_true (g_settings_get_boolean (other, "start-at-login"));
  g_assert_true (g_settings_get_boolean (other, "background-explained"));

  reset_all (settings);
}

static void
test_defaults (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  PrehabReminderSettings reminders;

  reset_all (settings);
  prehab_reminder_settings_load (settings, &reminders);

  /* Reminders are off until the person turns them on. */
  g_assert_false (prehab_reminder_settings_any (&reminders));
  g_assert_cmpint (reminders.break_interval, ==, 45);
  g_assert_cmpint (reminders.work_start_minute, ==, 9 * 60);
  g_assert_cmpint (reminders.work_end_minute, ==, 17 * 60);
  g_assert_cmpuint (reminders.work_days, ==, 0x1f);
  g_assert_true (prehab_reminder_settings_has_hours (&reminders));
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 0);
}

/* Values no widget could produce are refused by the schema itself, and the
 * key keeps its value. */
static void
test_out_of_range_refused (void)
{
  static const struct { const char *key; int value; } bad[] = {
    { "break-interval", 14 },
    { "break-interval", 121 },
    { "session-reminder-time", -1 },
    { "session-reminder-time", 1440 },
    { "work-start", 1440 },
    { "work-end", -5 },
  };
  g_autoptr (GSettings) settings = new_settings ();
  g_autoptr (GSettingsSchema) schema = NULL;

  reset_all (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GSettingsSchemaKey) key = g_settings_schema_get_key (schema, bad[i].key);
      g_autoptr (GVariant) value = g_variant_ref_sink (g_variant_new_int32 (bad[i].value));
      g_autoptr (GVariant) before = g_settings_get_value (settings, bad[i].key);
      g_autoptr (GVariant) after = NULL;

      g_assert_false (g_settings_schema_key_range_check (key, value));

      g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_WARNING, "*outside of valid range*");
      g_assert_false (g_settings_set_int (settings, bad[i].key, bad[i].value));
      g_test_assert_expected_messages ();

      after = g_settings_get_value (settings, bad[i].key);
      g_assert_true (g_variant_equal (before, after));
    }

  /* Only the schema's names for a style and for weekdays. */
  {
    g_autoptr (GSettingsSchemaKey) scheme = g_settings_schema_get_key (schema, "color-scheme");
    g_autoptr (GSettingsSchemaKey) days = g_settings_schema_get_key (schema, "work-days");
    g_autoptr (GVariant) purple = g_variant_ref_sink (g_variant_new_string ("purple"));
    const char *funday[] = { "mon", "funday", NULL };
    g_autoptr (GVariant) bad_days = g_variant_ref_sink (g_variant_new_strv (funday, -1));

    g_assert_false (g_settings_schema_key_range_check (scheme, purple));
    g_assert_false (g_settings_schema_key_range_check (days, bad_days));
  }
}

static void
test_reminder_settings_load (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  PrehabReminderSettings reminders;

  reset_all (settings);
  g_settings_set_boolean (settings, "break-reminders", TRUE);
  g_settings_set_int (settings, "break-interval", 90);
  g_settings_set_int (settings, "work-start", 10 * 60);
  g_settings_set_int (settings, "work-end", 9 * 60);
  g_settings_set_flags (settings, "work-days", 1 << 2);
  g_settings_set_int (settings, "session-reminder-time", 20 * 60);

  prehab_reminder_settings_load (settings, &reminders);
  g_assert_false (reminders.session_enabled);
  g_assert_cmpint (reminders.session_minute, ==, 20 * 60);
  g_assert_true (reminders.breaks_enabled);
  g_assert_cmpint (reminders.break_interval, ==, 90);
  g_assert_cmpint (reminders.work_start_minute, ==, 600);
  g_assert_cmpint (reminders.work_end_minute, ==, 540);
  g_assert_cmpuint (reminders.work_days, ==, 1 << 2);
  g_assert_true (prehab_reminder_settings_any (&reminders));
  /* Work ending before it starts holds no break. */
  g_assert_false (prehab_reminder_settings_has_hours (&reminders));

  reset_all (settings);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "memory") != 0)
    g_error ("Run with GSETTINGS_BACKEND=memory and GSETTINGS_SCHEMA_DIR set to the built schema");

  g_test_add_func ("/settings/round-trip", test_round_trip);
  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/out-of-range-refused", test_out_of_range_refused);
  g_test_add_func ("/settings/reminder-settings", test_reminder_settings_load);

  return g_test_run ();
}
