/* test-schedule.c: enrollments, the journal and the schedule on a real store
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prehab-catalog.h"
#include "prehab-schedule.h"
#include "prehab-store-private.h"
#include "prehab-test-util.h"

/* "Today" is pinned in main(): a Sunday, three weeks after START. */
#define TODAY "2026-03-22"
#define START "2026-03-01"

typedef PrehabTestStore Fixture;

/* Helpers ----------------------------------------------------------------- */

static gint64
count (PrehabStore *store,
       const char  *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (PrehabStore *store,
       const char  *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return prehab_test_count (store, sql);
}

static char *
dup_text (PrehabStore *store,
          const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prehab_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static char *
date_plus (const char *date,
           int         days)
{
  return prehab_day_to_date (prehab_date_to_day (date) + days);
}

static gint64
start_program (PrehabStore *store,
               const char  *start_date)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = start_date,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };
  gint64 id = prehab_enrollment_start (store, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
log_pain (PrehabStore *store,
          const char  *logged_at,
          const char  *context,
          int          pain,
          const char  *flag)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  const char *flags[] = { flag, NULL };
  gint64 id;

  entry->logged_at = g_strdup (logged_at);
  g_free (entry->context);
  entry->context = g_strdup (context);
  entry->pain = pain;
  entry->flags = flag != NULL ? g_strdupv ((char **) flags) : NULL;

  id = prehab_journal_add_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A settled morning, then the whole session done with low pain. */
static void
green_day (PrehabStore *store,
           const char  *date)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *morning = g_strconcat (date, " 07:30", NULL);

  log_pain (store, morning, "morning", 2, NULL);
  g_assert_true (prehab_schedule_mark_done (store, date, NULL, 2, 1, &error));
  g_assert_no_error (error);
}

static PrehabPlan *
decide (PrehabStore *store,
        const char  *date)
{
  g_autoptr (GError) error = NULL;
  PrehabPlan *plan = prehab_schedule_decide (store, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* The ids of the session planned for @date. */
static GStrv
dup_planned_ids (PrehabStore *store,
                 const char  *date)
{
  g_autoptr (PrehabPlan) plan = decide (store, date);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < plan->items->len; i++)
    g_strv_builder_add (builder, g_array_index (plan->items, PrehabPlanItem, i).exercise_id);

  return g_strv_builder_end (builder);
}

/* Enrollments ------------------------------------------------------------- */

static void
test_enrollment_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabEnrollment) none = NULL;
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  const char *equipment[] = { "towel", "mat", "band", NULL };
  PrehabEnrollmentSettings settings = {
    .start_date = START,
    .training_days = (1 << 1) | (1 << 3),
    .equipment = equipment,
    .has_baseline = TRUE,
    .baseline_pain = 4,
  };
  gint64 id;

  none = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  id = prehab_enrollment_start (fixture->store, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  enrollment = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (enrollment);
  g_assert_cmpint (enrollment->id, ==, id);
  g_assert_cmpstr (enrollment->program_id, ==, PREHAB_DEFAULT_PROGRAM);
  g_assert_cmpstr (enrollment->start_date, ==, START);
  g_assert_cmpuint (enrollment->training_days, ==, (1 << 1) | (1 << 3));
  g_assert_cmpstrv (enrollment->equipment, ((const char * const[]) { "band", "mat", "towel", NULL }));
  g_assert_nonnull (enrollment->flags);
  g_assert_cmpuint (g_strv_length (enrollment->flags), ==, 0);
  g_assert_null (enrollment->flags_reported_at);
  g_assert_null (enrollment->cleared_at);
  g_assert_true (prehab_enrollment_has_equipment (enrollment, "band"));
  g_assert_false (prehab_enrollment_has_equipment (enrollment, "kettlebell"));

  /* The first rating is dated on the start day. */
  g_assert_cmpint (count (fixture->store,
                          "SELECT count(*) FROM pain_entry WHERE pain = 4 AND context = 'other' "
                          "AND logged_at LIKE '%s %%'", START), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 1);
}

static void
test_enrollment_start_refuses (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *unknown_equipment[] = { "mat", "trampoline", NULL };
  const char *unknown_flag[] = { "fever", "hiccups", NULL };
  const struct
  {
    const char         *start_date;
    guint               training_days;
    const char * const *equipment;
    const char * const *flags;
    gboolean            has_baseline;
    int                 baseline_pain;
  } cases[] = {
    { NULL, 1, NULL, NULL, FALSE, 0 },
    { "", 1, NULL, NULL, FALSE, 0 },
    { "2026-02-30", 1, NULL, NULL, FALSE, 0 },
    { "2026-1-5", 1, NULL, NULL, FALSE, 0 },
    { "yesterday", 1, NULL, NULL, FALSE, 0 },
    { "2026-03-22 ", 1, NULL, NULL, FALSE, 0 },
    { "2026-03-23", 1, NULL, NULL, FALSE, 0 },
    { START, 0, NULL, NULL, FALSE, 0 },
    { START, 0x80, NULL, NULL, FALSE, 0 },
    { START, 0xff, NULL, NULL, FALSE, 0 },
    { START, 1, unknown_equipment, NULL, FALSE, 0 },
    { START, 1, NULL, unknown_flag, FALSE, 0 },
    { START, 1, NULL, NULL, TRUE, -1 },
    { START, 1, NULL, NULL, TRUE, 11 },
  };
  g_autofree char *before = NULL;

  /* A run in progress must survive every refused start. */
  start_program (fixture->store, "2026-03-10");
  before = prehab_test_dump_store (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;
      PrehabEnrollmentSettings settings = {
        .start_date = cases[i].start_date,
        .training_days = cases[i].training_days,
        .equipment = cases[i].equipment,
        .flags = cases[i].flags,
        .has_baseline = cases[i].has_baseline,
        .baseline_pain = cases[i].baseline_pain,
      };

      g_test_message ("case %u: %s", i, cases[i].start_date);
      g_assert_false (prehab_enrollment_settings_validate (&settings, TODAY, NULL));
      g_assert_cmpint (prehab_enrollment_start (fixture->store, &settings, &error), ==, 0);
      g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
      after = prehab_test_dump_store (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_enrollment_restart_keeps_history (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabEnrollment) active = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (PrehabPlan) plan = NULL;
  gint64 first, second;

  first = start_program (fixture->store, START);
  green_day (fixture->store, "2026-03-02");
  green_day (fixture->store, "2026-03-03");

  second = start_program (fixture->store, "2026-03-20");
  g_assert_cmpint (second, !=, first);

  active = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (active->id, ==, second);
  g_assert_cmpstr (active->start_date, ==, "2026-03-20");

  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM enrollment WHERE id = %"
                          G_GINT64_FORMAT " AND ended_at IS NOT NULL", first), ==, 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM enrollment WHERE id = %"
                          G_GINT64_FORMAT " AND ended_at IS NULL", second), ==, 1);

  /* The first run's sessions are kept, and stay its own. */
  kept = prehab_journal_list_sessions (fixture->store, first, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = prehab_journal_list_sessions (fixture->store, second, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 0);

  /* The schedule now answers for the new run only. */
  plan = prehab_schedule_decide (fixture->store, "2026-03-03", &error);
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE);
  g_assert_null (plan);
  g_clear_error (&error);
  plan = decide (fixture->store, "2026-03-20");
  g_assert_cmpint (plan->decision, ==, PREHAB_DECISION_START);
  g_assert_cmpint (plan->day_index, ==, 0);
}

static void
test_enrollment_update (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  const char *fever[] = { "fever", NULL };
  const char *fever_and_night[] = { "night-pain", "fever", NULL };
  const char *equipment[] = { "mat", "foam-roller", NULL };
  PrehabEnrollmentSettings settings = {
    .start_date = START,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
    .flags = fever,
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *fever_time = NULL;
  g_autofree char *night_time = NULL;
  gint64 id;

  id = prehab_enrollment_start (fixture->store, &settings, &error);
  g_assert_no_error (error);
  green_day (fixture->store, "2026-03-02");

  /* Fever was answered long ago. */
  prehab_test_exec (fixture->store,
                    "UPDATE enrollment_flag SET reported_at = '2026-02-27 09:00:00' WHERE flag = 'fever'");

  settings.start_date = "2026-03-02";
  settings.training_days = 1 << 6;
  settings.equipment = equipment;
  settings.flags = fever_and_night;
  settings.has_baseline = TRUE;
  settings.baseline_pain = 5;
  g_assert_true (prehab_enrollment_update (fixture->store, id, &settings, &error));
  g_assert_no_error (error);

  enrollment = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enrollment->id, ==, id);
  g_assert_cmpstr (enrollment->start_date, ==, "2026-03-02");
  g_assert_cmpuint (enrollment->training_days, ==, 1 << 6);
  g_assert_cmpstrv (enrollment->equipment, ((const char * const[]) { "foam-roller", "mat", NULL }));
  g_assert_cmpuint (g_strv_length (enrollment->flags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) enrollment->flags, "fever"));
  g_assert_true (g_strv_contains ((const char * const *) enrollment->flags, "night-pain"));

  /* A flag still answered "yes" keeps its time; the new one is dated now. */
  fever_time = dup_text (fixture->store, "SELECT reported_at FROM enrollment_flag WHERE flag = 'fever'");
  night_time = dup_text (fixture->store, "SELECT reported_at FROM enrollment_flag WHERE flag = 'night-pain'");
  g_assert_cmpstr (fever_time, ==, "2026-02-27 09:00:00");
  g_assert_true (g_str_has_prefix (night_time, TODAY " "));
  g_assert_cmpstr (enrollment->flags_reported_at, ==, night_time);

  /* The baseline of a review is ignored, the session is kept. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 1);

  /* Refused: bad settings, an unknown run, an ended run. Nothing changes. */
  before = prehab_test_dump_store (fixture->store);
  settings.training_days = 0;
  g_assert_false (prehab_enrollment_update (fixture->store, id, &settings, &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  settings.training_days = 1;
  settings.start_date = "2026-03-23";
  g_assert_false (prehab_enrollment_update (fixture->store, id, &settings, &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  settings.start_date = START;
  g_assert_false (prehab_enrollment_update (fixture->store, id + 100, &settings, &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);

  start_program (fixture->store, TODAY);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = prehab_test_dump_store (fixture->store);
  g_assert_false (prehab_enrollment_update (fixture->store, id, &settings, &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_enrollment_confirm_cleared (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (PrehabPlan) stopped = NULL;
  g_autoptr (PrehabPlan) cleared = NULL;
  g_autoptr (PrehabPlan) again = NULL;
  gint64 id;

  id = start_program (fixture->store, START);
  for (int i = 0; i < 21; i++)
    {
      g_autofree char *date = date_plus (START, i);
      green_day (fixture->store, date);
    }

  /* A warning sign yesterday: stop, until a clinician clears it. */
  log_pain (fixture->store, "2026-03-21 20:00", "evening", 3, "night-pain");
  stopped = decide (fixture->store, TODAY);
  g_assert_cmpint (stopped->decision, ==, PREHAB_DECISION_STOP);
  g_assert_true (stopped->see_clinician);
  g_assert_cmpint (stopped->alert, ==, PREHAB_ALERT_SEE_DOCTOR);
  g_assert_false (stopped->training);

  g_assert_true (prehab_enrollment_confirm_cleared (fixture->store, id, &error));
  g_assert_no_error (error);
  enrollment = prehab_enrollment_load_active (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (enrollment->cleared_at);
  g_assert_true (g_str_has_prefix (enrollment->cleared_at, TODAY " "));

  cleared = decide (fixture->store, TODAY);
  g_assert_cmpint (cleared->decision, !=, PREHAB_DECISION_STOP);
  g_assert_cmpint (cleared->alert, !=, PREHAB_ALERT_SEE_DOCTOR);

  /* Days before the clearance keep their stop. */
  {
    g_autoptr (GArray) calendar = prehab_schedule_load_calendar (fixture->store, TODAY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (calendar, PrehabCalendarDay, 20).decision, ==,
                     PREHAB_DECISION_STOP);
    g_assert_cmpint (g_array_index (calendar, PrehabCalendarDay, 21).decision, !=,
                     PREHAB_DECISION_STOP);
  }

  /* A new warning sign after the clearance stops again. The clearance is
   * moved to last night so that a rating can come after it. */
  prehab_test_exec (fixture->store, "UPDATE enrollment SET cleared_at = '2026-03-21 21:00:00'");
  g_clear_pointer (&cleared, prehab_plan_free);
  cleared = decide (fixture->store, TODAY);
  g_assert_cmpint (cleared->decision, !=, PREHAB_DECISION_STOP);
  log_pain (fixture->store, TODAY " 00:00", "other", 3, "chest-pain");
  again = decide (fixture->store, TODAY);
  g_assert_cmpint (again->decision, ==, PREHAB_DECISION_STOP);
  g_assert_cmpint (again->alert, ==, PREHAB_ALERT_EMERGENCY);
}

/* The journal ------------------------------------------------------------- */

static void
test_journal_add_entry (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GPtrArray) entries = NULL;
  const PrehabPainEntry *read;
  g_autofree char *note = NULL;
  g_autoptr (GString) long_trigger = g_string_new (NULL);
  gint64 id;

  /* A note of 1 MB with every kind of character but NUL. */
  {
    g_autoptr (GString) text = g_string_new (NULL);

    while (text->len < 1024 * 1024)
      g_string_append (text, "Ache 😖 ألم שלום \u202eRTL\u202c \t\r\n\x01\x1b[0m ");
    note = g_string_free (g_steal_pointer (&text), FALSE);
  }
  for (int i = 0; i < 200; i++)
    g_string_append (long_trigger, "ä");

  entry->logged_at = g_strdup ("2026-03-20 18:45");
  g_free (entry->context);
  entry->context = g_strdup ("evening");
  entry->pain = 6;
  g_free (entry->note);
  entry->note = g_strdup (note);
  entry->regions = g_strdupv ((char **) (const char *[]) { "neck", "ribs", "neck", NULL });
  entry->qualities = g_strdupv ((char **) (const char *[]) { "burning", "ache", NULL });
  entry->flags = g_strdupv ((char **) (const char *[]) { "cord-signs", NULL });
  entry->triggers = g_strdupv ((char **) (const char *[]) { "driving", long_trigger->str, NULL });

  id = prehab_journal_add_entry (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  entries = prehab_journal_list_entries (fixture->store, "2026-03-20", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  read = entries->pdata[0];
  g_assert_cmpint (read->id, ==, id);
  g_assert_cmpstr (read->logged_at, ==, "2026-03-20 18:45");
  g_assert_cmpstr (read->context, ==, "evening");
  g_assert_cmpint (read->pain, ==, 6);
  g_assert_cmpuint (strlen (read->note), ==, strlen (note));
  g_assert_true (g_str_equal (read->note, note));
  g_assert_cmpstrv (read->regions, ((const char * const[]) { "neck", "ribs", NULL }));
  g_assert_cmpstrv (read->qualities, ((const char * const[]) { "ache", "burning", NULL }));
  g_assert_cmpstrv (read->flags, ((const char * const[]) { "cord-signs", NULL }));
  g_assert_cmpuint (g_strv_length (read->triggers), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) read->triggers, "driving"));
  g_assert_true (g_strv_contains ((const char * const *) read->triggers, long_trigger->str));
  g_assert_cmpint (read->session_id, ==, 0);

  /* The day's bounds are inclusive, and other days are left out. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = prehab_journal_list_entries (fixture->store, "2026-03-21", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = prehab_journal_list_entries (fixture->store, NULL, "2026-03-19", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

static GStrv
strv_of (const char *value)
{
  const char *values[] = { value, NULL };

  return value != NULL ? g_strdupv ((char **) values) : NULL;
}

static void
test_journal_add_entry_refuses (Fixture       *fixture,
                                gconstpointer  data)
{
#define AT "2026-03-20 09:00"
  g_autofree char *long_name = g_strnfill (201, 'x');
  const struct
  {
    const char *logged_at;
    const char *context;
    int         pain;
    const char *region;
    const char *quality;
    const char *flag;
    const char *trigger;
    const char *note;
  } cases[] = {
    { NULL, "other", 3, NULL, NULL, NULL, NULL, "" },
    { "2026-02-30 08:00", "other", 3, NULL, NULL, NULL, NULL, "" },
    { "2026-3-20 08:00", "other", 3, NULL, NULL, NULL, NULL, "" },
    { "2026-03-20 08:00:00", "other", 3, NULL, NULL, NULL, NULL, "" },
    { "2026-03-20 24:00", "other", 3, NULL, NULL, NULL, NULL, "" },
    { "2026-03-23 00:00", "other", 3, NULL, NULL, NULL, NULL, "" },
    { AT, "other", -1, NULL, NULL, NULL, NULL, "" },
    { AT, "other", 11, NULL, NULL, NULL, NULL, "" },
    { AT, NULL, 3, NULL, NULL, NULL, NULL, "" },
    { AT, "Morning", 3, NULL, NULL, NULL, NULL, "" },
    { AT, "other", 3, "knee", NULL, NULL, NULL, "" },
    { AT, "other", 3, NULL, "itchy", NULL, NULL, "" },
    { AT, "other", 3, NULL, NULL, "hiccups", NULL, "" },
    { AT, "other", 3, NULL, NULL, NULL, "", "" },
    { AT, "other", 3, NULL, NULL, NULL, " \t ", "" },
    { AT, "other", 3, NULL, NULL, NULL, long_name, "" },
    { AT, "other", 3, NULL, NULL, NULL, "caf\xe9", "" },
    { AT, "other", 3, NULL, NULL, NULL, NULL, "caf\xe9" },
  };
#undef AT
  g_autofree char *before = NULL;

  log_pain (fixture->store, "2026-03-20 08:00", "morning", 3, NULL);
  before = prehab_test_dump_store (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PrehabPainEntry) entry = g_new0 (PrehabPainEntry, 1);
      g_autofree char *after = NULL;

      entry->logged_at = g_strdup (cases[i].logged_at);
      entry->context = g_strdup (cases[i].context);
      entry->pain = cases[i].pain;
      entry->note = g_strdup (cases[i].note);
      entry->regions = strv_of (cases[i].region);
      entry->qualities = strv_of (cases[i].quality);
      entry->flags = strv_of (cases[i].flag);
      entry->triggers = strv_of (cases[i].trigger);

      g_test_message ("case %u", i);
      g_assert_false (prehab_pain_entry_validate (entry, TODAY " 12:00", NULL));
      g_assert_cmpint (prehab_journal_add_entry (fixture->store, entry, &error), ==, 0);
      g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
      after = prehab_test_dump_store (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }
}

static gint64
trigger_of_entry (PrehabStore *store,
                  gint64       entry_id)
{
  g_assert_cmpint (count (store, "SELECT count(*) FROM pain_entry_trigger WHERE entry_id = %"
                          G_GINT64_FORMAT, entry_id), ==, 1);
  return count (store, "SELECT trigger_id FROM pain_entry_trigger WHERE entry_id = %"
                G_GINT64_FORMAT, entry_id);
}

static gint64
log_trigger (PrehabStore *store,
             const char  *trigger)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  gint64 id;

  entry->logged_at = g_strdup ("2026-03-20 10:00");
  entry->pain = 2;
  entry->triggers = g_strdupv ((char **) (const char *[]) { trigger, NULL });
  id = prehab_journal_add_entry (store, entry, &error);
  g_assert_no_error (error);
  return trigger_of_entry (store, id);
}

static void
test_journal_triggers (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 sitting = count (fixture->store, "SELECT id FROM pain_trigger WHERE builtin_id = 'sitting'");
  gint64 stress = count (fixture->store, "SELECT id FROM pain_trigger WHERE builtin_id = 'stress'");
  gint64 builtin = prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger");
  gint64 desk, anger;

  g_assert_cmpint (sitting, >, 0);
  g_assert_cmpint (builtin, ==, 12);

  /* Built-in ones by id, and by name whatever the case. */
  g_assert_cmpint (log_trigger (fixture->store, "sitting"), ==, sitting);
  g_assert_cmpint (log_trigger (fixture->store, "Long sitting"), ==, sitting);
  g_assert_cmpint (log_trigger (fixture->store, "LONG SITTING"), ==, sitting);
  g_assert_cmpint (log_trigger (fixture->store, "  stress\t"), ==, stress);

  /* The person's own: created once, then found again. */
  desk = log_trigger (fixture->store, "Desk chair");
  g_assert_cmpint (desk, !=, sitting);
  g_assert_cmpint (log_trigger (fixture->store, "desk chair"), ==, desk);
  g_assert_cmpint (log_trigger (fixture->store, " DESK CHAIR "), ==, desk);

  /* Case is folded beyond ASCII too. */
  anger = log_trigger (fixture->store, "Ärger im Büro");
  g_assert_cmpint (log_trigger (fixture->store, "ärger im BÜRO"), ==, anger);
  g_assert_cmpint (log_trigger (fixture->store, "ÄRGER IM BÜRO"), ==, anger);

  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger"), ==,
                   builtin + 2);
  {
    g_autofree char *name = dup_text (fixture->store,
                                      "SELECT name FROM pain_trigger WHERE builtin_id IS NULL ORDER BY id");
    g_assert_cmpstr (name, ==, "Desk chair");
  }
}

static void
test_journal_sessions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) session = prehab_session_new ();
  g_autoptr (PrehabSession) loaded = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *before = NULL;
  gint64 enrollment = start_program (fixture->store, START);
  PrehabSessionExercise first = { g_strdup ("cat-cow"), { .sets = 2, .reps = 10 }, TRUE };
  PrehabSessionExercise second = { g_strdup ("seated-twist"), { .sets = 1, .reps = 8, .per_side = TRUE }, FALSE };
  gint64 id;

  session->date = g_strdup ("2026-03-05");
  session->training = TRUE;
  session->status = PREHAB_SESSION_PARTIAL;
  session->pain_during = 4;
  g_array_append_val (session->exercises, first);
  g_array_append_val (session->exercises, second);

  g_assert_true (prehab_journal_save_session (fixture->store, enrollment, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->id, >, 0);
  id = session->id;
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM session_exercise WHERE session_id = %"
                          G_GINT64_FORMAT " AND done_reps = 10 AND completed = 1", id), ==, 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM session_exercise WHERE session_id = %"
                          G_GINT64_FORMAT " AND done_reps IS NULL AND completed = 0", id), ==, 1);

  loaded = prehab_journal_load_session (fixture->store, enrollment, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->date, ==, "2026-03-05");
  g_assert_true (loaded->training);
  g_assert_cmpint (loaded->status, ==, PREHAB_SESSION_PARTIAL);
  g_assert_cmpint (loaded->pain_during, ==, 4);
  g_assert_cmpint (loaded->pain_after, ==, -1);
  g_assert_cmpuint (loaded->exercises->len, ==, 2);
  {
    const PrehabSessionExercise *a = &g_array_index (loaded->exercises, PrehabSessionExercise, 0);
    const PrehabSessionExercise *b = &g_array_index (loaded->exercises, PrehabSessionExercise, 1);

    g_assert_cmpstr (a->exercise_id, ==, "cat-cow");
    g_assert_cmpint (a->planned.sets, ==, 2);
    g_assert_cmpint (a->planned.reps, ==, 10);
    g_assert_cmpint (a->planned.hold_s, ==, 0);
    g_assert_false (a->planned.per_side);
    g_assert_true (a->completed);
    g_assert_cmpstr (b->exercise_id, ==, "seated-twist");
    g_assert_true (b->planned.per_side);
    g_assert_false (b->completed);
  }
  g_clear_pointer (&loaded, prehab_session_free);

  /* Saving the same day again replaces it: one session per day. */
  g_array_set_size (session->exercises, 1);
  session->status = PREHAB_SESSION_DONE;
  session->training = FALSE;
  session->pain_after = 2;
  session->id = 0;
  g_assert_true (prehab_journal_save_session (fixture->store, enrollment, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->id, ==, id);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session_exercise"), ==, 1);
  loaded = prehab_journal_load_session (fixture->store, enrollment, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->status, ==, PREHAB_SESSION_DONE);
  g_assert_false (loaded->training);
  g_assert_cmpint (loaded->pain_after, ==, 2);
  g_clear_pointer (&loaded, prehab_session_free);

  /* Two more days; the list is oldest first and bounded both ways. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (PrehabSession) other = prehab_session_new ();

      other->date = g_strdup (i == 0 ? "2026-03-07" : "2026-03-03");
      other->status = PREHAB_SESSION_SKIPPED;
      g_assert_true (prehab_journal_save_session (fixture->store, enrollment, other, &error));
      g_assert_no_error (error);
    }
  sessions = prehab_journal_list_sessions (fixture->store, enrollment, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  g_assert_cmpstr (((PrehabSession *) sessions->pdata[0])->date, ==, "2026-03-03");
  g_assert_cmpstr (((PrehabSession *) sessions->pdata[1])->date, ==, "2026-03-05");
  g_assert_cmpstr (((PrehabSession *) sessions->pdata[2])->date, ==, "2026-03-07");
  g_assert_cmpint (((PrehabSession *) sessions->pdata[0])->status, ==, PREHAB_SESSION_SKIPPED);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = prehab_journal_list_sessions (fixture->store, enrollment, "2026-03-04", "2026-03-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = prehab_journal_list_sessions (fixture->store, enrollment + 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 0);

  /* Nothing that day: NULL without an error. */
  loaded = prehab_journal_load_session (fixture->store, enrollment, "2026-03-06", &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  /* Refused values change nothing. */
  before = prehab_test_dump_store (fixture->store);
  {
    const struct { const char *date; int during; int after; } bad[] = {
      { NULL, -1, -1 }, { "2026-02-30", -1, -1 }, { "2026-3-5", -1, -1 },
      { "2026-03-05", 11, -1 }, { "2026-03-05", -1, 11 }, { "2026-03-05", -2, -1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (PrehabSession) spoiled = prehab_session_new ();
        g_autofree char *after = NULL;

        spoiled->date = g_strdup (bad[i].date);
        spoiled->status = PREHAB_SESSION_DONE;
        spoiled->pain_during = bad[i].during;
        spoiled->pain_after = bad[i].after;
        g_assert_false (prehab_journal_save_session (fixture->store, enrollment, spoiled, &error));
        g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
        g_clear_error (&error);
        after = prehab_test_dump_store (fixture->store);
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* Status none removes the day's record, exercises and all. */
  session->status = PREHAB_SESSION_NONE;
  g_assert_true (prehab_journal_save_session (fixture->store, enrollment, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->id, ==, 0);
  loaded = prehab_journal_load_session (fixture->store, enrollment, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session_exercise"), ==, 0);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 2);
}

static void
test_journal_movement_breaks (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  const char *bad[] = { NULL, "", "2026-03-21", "yesterday", "2026-03-21 10:00", "2026-02-30 10:00:00",
                        "2026-03-21 10:00:60" };
  gint64 first, second, third;

  g_assert_cmpint (prehab_journal_count_movement_breaks (fixture->store, "2026-03-21", &error), ==, 0);
  g_assert_no_error (error);

  first = prehab_journal_add_movement_break (fixture->store, "2026-03-21 00:00:00", &error);
  g_assert_no_error (error);
  second = prehab_journal_add_movement_break (fixture->store, "2026-03-21 23:59:59", &error);
  g_assert_no_error (error);
  third = prehab_journal_add_movement_break (fixture->store, "2026-03-22 00:00:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (third, >, second);

  g_assert_cmpint (prehab_journal_count_movement_breaks (fixture->store, "2026-03-20", &error), ==, 0);
  g_assert_cmpint (prehab_journal_count_movement_breaks (fixture->store, "2026-03-21", &error), ==, 2);
  g_assert_cmpint (prehab_journal_count_movement_breaks (fixture->store, "2026-03-22", &error), ==, 1);
  g_assert_no_error (error);

  g_assert_true (prehab_journal_remove_movement_break (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_journal_count_movement_breaks (fixture->store, "2026-03-21", &error), ==, 1);
  /* Taking back one that is already gone is harmless. */
  g_assert_true (prehab_journal_remove_movement_break (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_journal_count_movement_breaks (fixture->store, "2026-03-21", &error), ==, 1);

  before = prehab_test_dump_store (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *after = NULL;

      g_test_message ("bad time %s", bad[i]);
      g_assert_cmpint (prehab_journal_add_movement_break (fixture->store, bad[i], &error), ==, 0);
      g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
      g_clear_error (&error);
      after = prehab_test_dump_store (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }
}

/* The schedule ------------------------------------------------------------ */

static void
test_schedule_not_started (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = prehab_test_dump_store (fixture->store);
  g_autofree char *after = NULL;
  PrehabPlan *plan;
  GArray *calendar;

  plan = prehab_schedule_decide (fixture->store, TODAY, &error);
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED);
  g_assert_null (plan);
  g_clear_error (&error);

  plan = prehab_schedule_preview (fixture->store, TODAY, &error);
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED);
  g_assert_null (plan);
  g_clear_error (&error);

  calendar = prehab_schedule_load_calendar (fixture->store, TODAY, &error);
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED);
  g_assert_null (calendar);
  g_clear_error (&error);

  g_assert_false (prehab_schedule_mark_done (fixture->store, TODAY, NULL, -1, -1, &error));
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED);
  g_clear_error (&error);

  g_assert_false (prehab_schedule_set_exercise_done (fixture->store, TODAY, "cat-cow", TRUE, &error));
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED);
  g_clear_error (&error);

  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_schedule_decide_and_record (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabPlan) again = NULL;
  g_autoptr (PrehabPlan) stopped = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reasons = NULL;
  const char *bad_dates[] = { "2026-02-30", "2026-3-5", "yesterday", "", "2026-03-23", "2026-02-28" };

  start_program (fixture->store, START);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *date = date_plus (START, i);
      green_day (fixture->store, date);
    }

  /* Deciding reads, never writes. */
  before = prehab_test_dump_store (fixture->store);
  plan = decide (fixture->store, "2026-03-06");
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (plan->day, ==, prehab_date_to_day ("2026-03-06"));
  g_assert_cmpint (plan->day_index, ==, 5);
  g_assert_cmpint (plan->week, ==, 1);
  g_assert_cmpint (plan->day_in_week, ==, 6);
  g_assert_cmpint (plan->phase_from, ==, PREHAB_PHASE_DESENSITIZE);
  g_assert_cmpint (plan->phase, ==, PREHAB_PHASE_MOBILIZE);
  g_assert_cmpint (plan->decision, ==, PREHAB_DECISION_ADVANCE);
  g_assert_false (plan->see_clinician);
  g_assert_cmpuint (plan->reasons->len, >, 0);
  g_assert_cmpuint (plan->items->len, >, 0);
  g_assert_cmpfloat_with_epsilon (plan->baseline, 2.0, 1e-9);

  /* One row per day in the audit trail. */
  g_assert_true (prehab_schedule_record_decision (fixture->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM planner_decision WHERE date = '2026-03-06' "
                                      "AND decision = 'advance' AND phase_from = 'desensitize' "
                                      "AND phase_to = 'mobilize' AND see_clinician = 0"), ==, 1);
  reasons = dup_text (fixture->store, "SELECT reasons FROM planner_decision");
  g_assert_true (g_str_has_prefix (reasons, "[\""));
  g_assert_nonnull (strstr (reasons, plan->reasons->pdata[0]));

  /* The same answer again writes nothing, not even the time. */
  g_clear_pointer (&before, g_free);
  before = prehab_test_dump_store (fixture->store);
  again = decide (fixture->store, "2026-03-06");
  g_assert_true (prehab_schedule_record_decision (fixture->store, again, &error));
  g_assert_no_error (error);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* New data for that day: the row is updated, not added. */
  log_pain (fixture->store, "2026-03-06 21:00", "evening", 4, "fever");
  stopped = decide (fixture->store, "2026-03-06");
  g_assert_cmpint (stopped->decision, ==, PREHAB_DECISION_STOP);
  g_assert_true (stopped->see_clinician);
  g_assert_true (prehab_schedule_record_decision (fixture->store, stopped, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_decision"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM planner_decision WHERE decision = 'stop' "
                                      "AND see_clinician = 1"), ==, 1);

  /* Another day, another row. */
  g_clear_pointer (&plan, prehab_plan_free);
  plan = decide (fixture->store, "2026-03-02");
  g_assert_cmpint (plan->decision, ==, PREHAB_DECISION_HOLD);
  g_assert_true (prehab_schedule_record_decision (fixture->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_decision"), ==, 2);

  /* Bad days are refused. */
  g_clear_pointer (&before, g_free);
  before = prehab_test_dump_store (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      PrehabPlan *refused = prehab_schedule_decide (fixture->store, bad_dates[i], &error);

      g_test_message ("bad date %s", bad_dates[i]);
      g_assert_null (refused);
      g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE);
      g_clear_error (&error);
    }
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_schedule_mark_done (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) session = NULL;
  g_auto (GStrv) ids = NULL;
  g_autofree char *before = NULL;
  gint64 enrollment = start_program (fixture->store, "2026-03-15");
  guint n;

  /* The whole session. */
  ids = dup_planned_ids (fixture->store, "2026-03-16");
  n = g_strv_length (ids);
  g_assert_cmpuint (n, >=, 3);
  g_assert_true (prehab_schedule_mark_done (fixture->store, "2026-03-16", NULL, 3, 2, &error));
  g_assert_no_error (error);
  session = prehab_journal_load_session (fixture->store, enrollment, "2026-03-16", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_DONE);
  g_assert_false (session->training);
  g_assert_cmpint (session->pain_during, ==, 3);
  g_assert_cmpint (session->pain_after, ==, 2);
  g_assert_cmpuint (session->exercises->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const PrehabSessionExercise *exercise = &g_array_index (session->exercises, PrehabSessionExercise, i);

      g_assert_cmpstr (exercise->exercise_id, ==, ids[i]);
      g_assert_true (exercise->completed);
      g_assert_cmpint (exercise->planned.sets, >=, 1);
    }
  g_clear_pointer (&session, prehab_session_free);

  /* Some exercises: partial; the rest: done; pain kept when not given. */
  g_assert_true (prehab_schedule_mark_done (fixture->store, "2026-03-17",
                                            (const char * const[]) { ids[1], ids[0], NULL },
                                            4, -1, &error));
  g_assert_no_error (error);
  session = prehab_journal_load_session (fixture->store, enrollment, "2026-03-17", &error);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_PARTIAL);
  g_assert_cmpint (session->pain_during, ==, 4);
  g_assert_cmpint (session->pain_after, ==, -1);
  g_assert_cmpuint (session->exercises->len, ==, n);
  g_assert_true (g_array_index (session->exercises, PrehabSessionExercise, 0).completed);
  g_assert_true (g_array_index (session->exercises, PrehabSessionExercise, 1).completed);
  g_assert_false (g_array_index (session->exercises, PrehabSessionExercise, 2).completed);
  g_clear_pointer (&session, prehab_session_free);

  g_assert_true (prehab_schedule_mark_done (fixture->store, "2026-03-17",
                                            (const char * const *) ids + 2, -1, 1, &error));
  g_assert_no_error (error);
  session = prehab_journal_load_session (fixture->store, enrollment, "2026-03-17", &error);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_DONE);
  g_assert_cmpint (session->pain_during, ==, 4);
  g_assert_cmpint (session->pain_after, ==, 1);
  g_clear_pointer (&session, prehab_session_free);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 2);

  /* Refused: nothing changes. */
  before = prehab_test_dump_store (fixture->store);
  {
    const struct
    {
      const char *date;
      const char *exercise;
      int         during;
      int         after;
      int         code;
    } bad[] = {
      { "2026-03-17", "bird-dog", -1, -1, PREHAB_SCHEDULE_ERROR_INVALID },
      { "2026-03-17", "no-such-exercise", -1, -1, PREHAB_SCHEDULE_ERROR_INVALID },
      { "2026-03-17", NULL, 11, -1, PREHAB_SCHEDULE_ERROR_INVALID },
      { "2026-03-17", NULL, -1, -2, PREHAB_SCHEDULE_ERROR_INVALID },
      { "2026-03-23", NULL, -1, -1, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
      { "2026-03-14", NULL, -1, -1, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
      { "2026-02-30", NULL, -1, -1, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
      { NULL, NULL, -1, -1, PREHAB_SCHEDULE_ERROR_INVALID_DATE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        const char *one[] = { bad[i].exercise, NULL };
        g_autofree char *after = NULL;

        g_test_message ("bad mark %u", i);
        g_assert_false (prehab_schedule_mark_done (fixture->store, bad[i].date,
                                                   bad[i].exercise != NULL ? one : NULL,
                                                   bad[i].during, bad[i].after, &error));
        g_assert_error (error, PREHAB_SCHEDULE_ERROR, bad[i].code);
        g_clear_error (&error);
        after = prehab_test_dump_store (fixture->store);
        g_assert_cmpstr (after, ==, before);
      }
  }
}

static void
test_schedule_set_exercise_done (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) session = NULL;
  g_auto (GStrv) ids = NULL;
  gint64 enrollment = start_program (fixture->store, "2026-03-20");
  guint n;

  ids = dup_planned_ids (fixture->store, TODAY);
  n = g_strv_length (ids);

  /* Tick one, untick it: no session is left for the day. */
  g_assert_true (prehab_schedule_set_exercise_done (fixture->store, TODAY, ids[2], TRUE, &error));
  g_assert_no_error (error);
  session = prehab_journal_load_session (fixture->store, enrollment, TODAY, &error);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_PARTIAL);
  g_assert_true (g_array_index (session->exercises, PrehabSessionExercise, 2).completed);
  g_clear_pointer (&session, prehab_session_free);

  g_assert_true (prehab_schedule_set_exercise_done (fixture->store, TODAY, ids[2], FALSE, &error));
  g_assert_no_error (error);
  session = prehab_journal_load_session (fixture->store, enrollment, TODAY, &error);
  g_assert_no_error (error);
  g_assert_null (session);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 0);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session_exercise"), ==, 0);

  /* Unticking what was never ticked is harmless. */
  g_assert_true (prehab_schedule_set_exercise_done (fixture->store, TODAY, ids[0], FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM session"), ==, 0);

  /* Tick them all one by one: done. Untick one: partial again. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (prehab_schedule_set_exercise_done (fixture->store, TODAY, ids[i], TRUE, &error));
      g_assert_no_error (error);
      session = prehab_journal_load_session (fixture->store, enrollment, TODAY, &error);
      g_assert_cmpint (session->status, ==, i + 1 == n ? PREHAB_SESSION_DONE : PREHAB_SESSION_PARTIAL);
      g_clear_pointer (&session, prehab_session_free);
    }
  g_assert_true (prehab_schedule_set_exercise_done (fixture->store, TODAY, ids[0], FALSE, &error));
  session = prehab_journal_load_session (fixture->store, enrollment, TODAY, &error);
  g_assert_cmpint (session->status, ==, PREHAB_SESSION_PARTIAL);
  g_assert_false (g_array_index (session->exercises, PrehabSessionExercise, 0).completed);
  g_clear_pointer (&session, prehab_session_free);

  /* Not part of the day's session. */
  g_assert_false (prehab_schedule_set_exercise_done (fixture->store, TODAY, "bird-dog", TRUE, &error));
  g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID);
}

static void
test_schedule_calendar (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) calendar = NULL;
  g_autoptr (GArray) early = NULL;
  g_auto (GStrv) ids = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint32 start = prehab_date_to_day (START);

  start_program (fixture->store, START);
  for (int i = 0; i < 14; i++)
    {
      g_autofree char *date = date_plus (START, i);
      green_day (fixture->store, date);
    }
  /* Day 16 partly done; day 15 missed; day 21 a day of mixed ratings. */
  ids = dup_planned_ids (fixture->store, "2026-03-16");
  g_assert_true (prehab_schedule_mark_done (fixture->store, "2026-03-16",
                                            (const char * const[]) { ids[0], NULL }, -1, -1, &error));
  g_assert_no_error (error);
  log_pain (fixture->store, "2026-03-21 08:00", "morning", 2, NULL);
  log_pain (fixture->store, "2026-03-21 12:00", "other", 3, NULL);
  log_pain (fixture->store, "2026-03-20 08:00", "morning", 3, NULL);
  log_pain (fixture->store, "2026-03-20 20:00", "evening", 4, NULL);
  /* Before the start and after the eighth week: not in any cell. */
  log_pain (fixture->store, "2026-02-28 08:00", "morning", 9, NULL);

  before = prehab_test_dump_store (fixture->store);
  calendar = prehab_schedule_load_calendar (fixture->store, TODAY, &error);
  g_assert_no_error (error);
  after = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpuint (calendar->len, ==, 56);
  for (guint i = 0; i < calendar->len; i++)
    {
      const PrehabCalendarDay *cell = &g_array_index (calendar, PrehabCalendarDay, i);
      g_autofree char *date = prehab_day_to_date (start + i);

      g_assert_cmpstr (cell->date, ==, date);
      g_assert_cmpuint (cell->day, ==, start + i);
      g_assert_cmpint (cell->week, ==, (int) i / 7 + 1);
      /* The first of March 2026 is a Sunday. */
      g_assert_cmpint (cell->weekday, ==, (int) (i + 6) % 7);
      g_assert_cmpint (cell->is_today, ==, i == 21);
      g_assert_cmpint (cell->is_future, ==, i > 21);
      g_assert_cmpint (cell->has_decision, ==, i <= 21);
      g_assert_cmpint (cell->planned_phase, ==,
                       i < 7 ? PREHAB_PHASE_DESENSITIZE : i < 21 ? PREHAB_PHASE_MOBILIZE
                                                                 : PREHAB_PHASE_STRENGTHEN);
      if (i < 14)
        {
          g_assert_cmpint (cell->status, ==, PREHAB_SESSION_DONE);
          g_assert_cmpint (cell->pain, ==, 2);
        }
      else if (i == 15)
        g_assert_cmpint (cell->status, ==, PREHAB_SESSION_PARTIAL);
      else
        g_assert_cmpint (cell->status, ==, PREHAB_SESSION_NONE);

      if (i > 21)
        {
          /* Ahead: the plan, strength on Mon, Wed and Fri. */
          g_assert_cmpint (cell->phase, ==, cell->planned_phase);
          g_assert_cmpint (cell->training, ==, cell->weekday == 0 || cell->weekday == 2 ||
                                               cell->weekday == 4);
        }
      if (i >= 14 && i <= 18)
        g_assert_cmpint (cell->pain, ==, -1);
    }

  {
    const PrehabCalendarDay *cells = (const PrehabCalendarDay *) (void *) calendar->data;

    /* The phase as it happened: mobilize from day 6, strengthen from day 11. */
    g_assert_cmpint (cells[4].phase, ==, PREHAB_PHASE_DESENSITIZE);
    g_assert_cmpint (cells[5].phase, ==, PREHAB_PHASE_MOBILIZE);
    g_assert_cmpint (cells[5].decision, ==, PREHAB_DECISION_ADVANCE);
    g_assert_cmpint (cells[10].phase, ==, PREHAB_PHASE_STRENGTHEN);
    g_assert_cmpint (cells[0].decision, ==, PREHAB_DECISION_START);

    /* The day's pain is the rounded mean of its ratings. */
    g_assert_cmpint (cells[20].pain, ==, 3);  /* 2.5 */
    g_assert_cmpint (cells[19].pain, ==, 4);  /* 3.5 */
    g_assert_cmpint (cells[21].pain, ==, -1);

    /* Strength days that happened: Wednesday 11 March and Friday 13 March. */
    g_assert_true (cells[10].training);
    g_assert_false (cells[11].training);
    g_assert_true (cells[12].training);
  }

  /* Asked before the start: every cell lies ahead. */
  early = prehab_schedule_load_calendar (fixture->store, "2026-02-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->len, ==, 56);
  for (guint i = 0; i < early->len; i++)
    {
      const PrehabCalendarDay *cell = &g_array_index (early, PrehabCalendarDay, i);

      g_assert_true (cell->is_future);
      g_assert_false (cell->is_today);
      g_assert_false (cell->has_decision);
    }
}

static void
test_schedule_preview (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) ahead = NULL;
  g_autoptr (PrehabPlan) rest_day = NULL;
  g_autoptr (PrehabPlan) after = NULL;
  g_autoptr (PrehabPlan) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *then = NULL;
  const char *bad_dates[] = { "2026-02-28", "2026-02-30", "2026-4-1", "soon" };

  start_program (fixture->store, START);
  before = prehab_test_dump_store (fixture->store);

  /* Wednesday 1 April: week 5, strengthen, a strength day. */
  ahead = prehab_schedule_preview (fixture->store, "2026-04-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ahead);
  g_assert_cmpuint (ahead->day, ==, prehab_date_to_day ("2026-04-01"));
  g_assert_cmpint (ahead->day_index, ==, 31);
  g_assert_cmpint (ahead->week, ==, 5);
  g_assert_cmpint (ahead->day_in_week, ==, 4);
  g_assert_cmpint (ahead->phase, ==, PREHAB_PHASE_STRENGTHEN);
  g_assert_cmpint (ahead->decision, ==, PREHAB_DECISION_HOLD);
  g_assert_false (ahead->see_clinician);
  g_assert_true (ahead->training);
  g_assert_cmpuint (ahead->items->len, >, 0);
  g_assert_cmpuint (ahead->reasons->len, >, 0);

  /* Thursday: no strength. */
  rest_day = prehab_schedule_preview (fixture->store, "2026-04-02", &error);
  g_assert_no_error (error);
  g_assert_false (rest_day->training);
  g_assert_cmpuint (rest_day->items->len, >, 0);

  /* After the eight weeks: maintain. */
  after = prehab_schedule_preview (fixture->store, "2026-05-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->phase, ==, PREHAB_PHASE_MAINTAIN);
  g_assert_cmpint (after->week, ==, 11);

  /* The first day, in the past, works too. */
  first = prehab_schedule_preview (fixture->store, START, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->phase, ==, PREHAB_PHASE_DESENSITIZE);
  g_assert_cmpint (first->day_index, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      PrehabPlan *refused = prehab_schedule_preview (fixture->store, bad_dates[i], &error);

      g_assert_null (refused);
      g_assert_error (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_INVALID_DATE);
      g_clear_error (&error);
    }

  then = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (then, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for the date. */
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, prehab_test_store_set_up, func, prehab_test_store_tear_down)

  ADD ("/enrollment/start", test_enrollment_start);
  ADD ("/enrollment/start-refuses", test_enrollment_start_refuses);
  ADD ("/enrollment/restart-keeps-history", test_enrollment_restart_keeps_history);
  ADD ("/enrollment/update", test_enrollment_update);
  ADD ("/enrollment/confirm-cleared", test_enrollment_confirm_cleared);
  ADD ("/journal/add-entry", test_journal_add_entry);
  ADD ("/journal/add-entry-refuses", test_journal_add_entry_refuses);
  ADD ("/journal/triggers", test_journal_triggers);
  ADD ("/journal/sessions", test_journal_sessions);
  ADD ("/journal/movement-breaks", test_journal_movement_breaks);
  ADD ("/schedule/not-started", test_schedule_not_started);
  ADD ("/schedule/decide-and-record", test_schedule_decide_and_record);
  ADD ("/schedule/mark-done", test_schedule_mark_done);
  ADD ("/schedule/set-exercise-done", test_schedule_set_exercise_done);
  ADD ("/schedule/calendar", test_schedule_calendar);
  ADD ("/schedule/preview", test_schedule_preview);

#undef ADD

  return g_test_run ();
}
