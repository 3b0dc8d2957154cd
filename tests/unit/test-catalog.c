/* test-catalog.c: the content catalog and its sync into the store
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prehab-catalog.h"
#include "prehab-exercise.h"
#include "prehab-store-private.h"
#include "prehab-test-util.h"
#include "prehab-vocabulary.h"

#define CATALOG_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<catalog version=\"1\">\n" \
  "  <equipment id=\"mat\"><name>Exercise mat</name></equipment>\n" \
  "  <equipment id=\"chair\"><name>Chair</name></equipment>\n"

/* Catalog A, then B: B renames ex-a, drops ex-b, adds ex-c, renames a
 * trigger and rewrites the program. */
static const char catalog_a[] =
  CATALOG_HEAD
  "  <trigger id=\"driving\"><name>Driving</name></trigger>\n"
  "  <exercise id=\"ex-a\" category=\"mobility\" position=\"quadruped\" phases=\"mobilize\"\n"
  "            movements=\"flexion extension\" planes=\"sagittal\">\n"
  "    <name>Exercise A</name><summary>First.</summary>\n"
  "    <dose sets=\"2\" reps=\"10\" tempo=\"3-3\"/>\n"
  "    <uses ref=\"mat\"/>\n"
  "    <step>Do A.</step><cue>Slowly.</cue><caution>Stop if it hurts.</caution>\n"
  "    <harder ref=\"ex-b\"/>\n"
  "  </exercise>\n"
  "  <exercise id=\"ex-b\" category=\"strength\" position=\"prone\" phases=\"strengthen\"\n"
  "            movements=\"extension\" planes=\"sagittal\">\n"
  "    <name>Exercise B</name><summary>Second.</summary>\n"
  "    <dose reps=\"8\" hold=\"5\"/>\n"
  "    <uses ref=\"mat\"/>\n"
  "    <step>Do B.</step>\n"
  "    <easier ref=\"ex-a\"/>\n"
  "  </exercise>\n"
  "  <program id=\"plan\" weeks=\"1\">\n"
  "    <name>Plan</name><description>Version A.</description>\n"
  "    <week number=\"1\" phase=\"mobilize\"><focus>Move.</focus>\n"
  "      <session kind=\"daily\"><item ref=\"ex-a\"/><item ref=\"ex-b\" reps=\"6\"/></session>\n"
  "    </week>\n"
  "  </program>\n"
  "</catalog>\n";

static const char catalog_b[] =
  CATALOG_HEAD
  "  <trigger id=\"driving\"><name>Long drives</name></trigger>\n"
  "  <trigger id=\"stress\"><name>Stress</name></trigger>\n"
  "  <exercise id=\"ex-a\" category=\"mobility\" position=\"seated\" phases=\"desensitize mobilize\"\n"
  "            movements=\"rotation\" planes=\"transverse\">\n"
  "    <name>Exercise A, renamed</name><summary>First, again.</summary>\n"
  "    <dose duration=\"90\"/>\n"
  "    <uses ref=\"chair\"/>\n"
  "    <step>Do A differently.</step><step>Then rest.</step>\n"
  "    <harder ref=\"ex-c\"/>\n"
  "  </exercise>\n"
  "  <exercise id=\"ex-c\" category=\"strength\" position=\"standing\" phases=\"strengthen\"\n"
  "            movements=\"retraction\" planes=\"\">\n"
  "    <name>Exercise C</name><summary>Third.</summary>\n"
  "    <dose sets=\"3\" reps=\"12\" per-side=\"yes\"/>\n"
  "    <uses ref=\"mat\" group=\"1\"/><uses ref=\"chair\" group=\"1\"/>\n"
  "    <step>Do C.</step>\n"
  "  </exercise>\n"
  "  <program id=\"plan\" weeks=\"2\">\n"
  "    <name>Plan</name><description>Version B.</description>\n"
  "    <week number=\"1\" phase=\"desensitize\"><focus>Calm.</focus>\n"
  "      <session kind=\"daily\"><item ref=\"ex-a\"/></session>\n"
  "    </week>\n"
  "    <week number=\"2\" phase=\"strengthen\"><focus>Build.</focus>\n"
  "      <session kind=\"daily\"><item ref=\"ex-a\"/></session>\n"
  "      <session kind=\"training\"><item ref=\"ex-a\"/><item ref=\"ex-c\" sets=\"2\"/></session>\n"
  "    </week>\n"
  "  </program>\n"
  "</catalog>\n";

/* Tables that hold the person's data: a sync must never change them. */
static const char *user_tables[] = {
  "enrollment", "enrollment_equipment", "enrollment_flag", "session", "session_exercise",
  "movement_break", "pain_entry", "pain_entry_region", "pain_entry_quality",
  "pain_entry_flag", "pain_entry_trigger", "planner_decision",
};

static const char *all_tables[] = {
  "meta", "equipment", "exercise", "exercise_phase", "exercise_movement", "exercise_plane",
  "exercise_equipment", "exercise_text", "exercise_variant", "program", "program_week",
  "program_item", "red_flag", "pain_trigger", "enrollment", "enrollment_equipment",
  "enrollment_flag", "session", "session_exercise", "movement_break", "pain_entry",
  "pain_entry_region", "pain_entry_quality", "pain_entry_flag", "pain_entry_trigger",
  "planner_decision",
};

typedef struct
{
  char        *dir;
  PrehabStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = prehab_test_make_dir ();
  fixture->store = prehab_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
dump_tables (PrehabStore        *store,
             const char * const *tables,
             gsize               n_tables)
{
  g_autoptr (GString) dump = g_string_new (NULL);

  for (gsize i = 0; i < n_tables; i++)
    {
      g_autofree char *rows = prehab_test_dump_table (store, tables[i]);
      g_string_append_printf (dump, "[%s]\n%s", tables[i], rows);
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
sync_text (PrehabStore *store,
           const char  *text,
           gboolean     expect_change)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  gboolean changed = !expect_change;

  g_assert_true (prehab_catalog_sync (store, bytes, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, expect_change);
}

static PrehabExercise *
find_exercise (GListModel *exercises,
               const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);

      if (g_str_equal (prehab_exercise_get_id (exercise), id))
        return exercise;
    }

  return NULL;
}

static void
test_catalog_builtin_content (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *expected_ids[] = {
    "cat-cow", "diaphragmatic-breathing", "thread-the-needle-open-book",
    "side-lying-open-book", "foam-roller-mid-back", "seated-thoracic-extension",
    "ball-against-wall", "forearm-wall-opener", "wedge-extension-lie", "seated-twist",
    "childs-pose", "supine-thread-the-needle", "side-bending", "desk-stretches",
    "movement-break", "swiss-ball-snow-angels", "reverse-fly", "band-pull-apart",
    "single-arm-row", "superman", "wall-thoracic-rotation", "side-plank", "goblet-squat",
    "deadlift", "bird-dog",
  };
  g_autoptr (GBytes) content = prehab_catalog_dup_builtin_content ();
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_true (prehab_catalog_sync (fixture->store, content, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);

  exercises = prehab_exercise_load_all (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exercises), ==, G_N_ELEMENTS (expected_ids));

  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
      const PrehabDose *dose = prehab_exercise_get_dose (exercise);

      g_assert_cmpstr (prehab_exercise_get_id (exercise), ==, expected_ids[i]);
      g_assert_cmpstr (prehab_exercise_get_name (exercise), !=, "");
      g_assert_cmpstr (prehab_exercise_get_summary (exercise), !=, "");
      g_assert_true (prehab_exercise_get_builtin (exercise));
      g_assert_cmpuint (g_strv_length ((char **) prehab_exercise_get_phases (exercise)), >=, 1);
      g_assert_cmpuint (g_strv_length ((char **) prehab_exercise_get_movements (exercise)), >=, 1);
      g_assert_cmpuint (g_strv_length ((char **) prehab_exercise_get_steps (exercise)), >=, 3);
      g_assert_cmpuint (g_strv_length ((char **) prehab_exercise_get_cues (exercise)), >=, 2);
      g_assert_cmpuint (g_strv_length ((char **) prehab_exercise_get_cautions (exercise)), >=, 1);
      g_assert_true (prehab_vocabulary_contains (prehab_positions,
                                                 prehab_exercise_get_position (exercise)));
      g_assert_cmpint (dose->sets, >=, 1);
      g_assert_true ((dose->reps > 0) != (dose->duration_s > 0));

      /* Every variant points at an exercise of the catalog. */
      for (const char * const *v = prehab_exercise_get_easier (exercise); *v != NULL; v++)
        g_assert_nonnull (find_exercise (exercises, *v));
      for (const char * const *v = prehab_exercise_get_harder (exercise); *v != NULL; v++)
        g_assert_nonnull (find_exercise (exercises, *v));
    }

  /* Spot checks against the program brief. */
  {
    PrehabExercise *cat_cow = find_exercise (exercises, "cat-cow");
    PrehabExercise *row = find_exercise (exercises, "single-arm-row");
    PrehabExercise *breathing = find_exercise (exercises, "diaphragmatic-breathing");
    g_autofree char *row_equipment = prehab_exercise_dup_equipment_label (row);

    g_assert_true (g_str_has_prefix (prehab_exercise_get_name (cat_cow), "Cat-cow"));
    g_assert_cmpint (prehab_exercise_get_dose (cat_cow)->tempo_out_s, >, 0);
    g_assert_true (g_strv_contains (prehab_exercise_get_phases (cat_cow), "desensitize"));
    g_assert_cmpstr (prehab_exercise_get_equipment (cat_cow, 0)->id, ==, "mat");
    g_assert_true (prehab_exercise_get_dose (row)->per_side);
    g_assert_nonnull (strstr (row_equipment, " or "));
    g_assert_cmpuint (prehab_exercise_get_n_equipment (breathing), ==, 0);
  }

  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM equipment"), ==, 14);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM pain_trigger WHERE builtin_id IS NOT NULL"),
                   ==, 12);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT weeks FROM program WHERE id = 'neck-mid-back-8'"), ==, 8);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(DISTINCT week) FROM program_item "
                                      "WHERE program_id = 'neck-mid-back-8'"), ==, 8);
  /* Strength work only in the strengthen weeks' training sessions. */
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM program_item i JOIN exercise e "
                                      "ON e.id = i.exercise_id WHERE e.category = 'strength' "
                                      "AND i.kind = 'daily'"), ==, 0);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM program_week WHERE week = 1 "
                                      "AND phase = 'desensitize'"), ==, 1);
}

static void
test_catalog_sync_is_idempotent (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GBytes) content = prehab_catalog_dup_builtin_content ();
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  gboolean changed = TRUE;

  g_assert_true (prehab_catalog_sync (fixture->store, content, NULL, &error));
  g_assert_no_error (error);
  first = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));

  /* Same bytes: nothing to do. */
  g_assert_true (prehab_catalog_sync (fixture->store, content, &changed, &error));
  g_assert_no_error (error);
  g_assert_false (changed);
  second = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));
  g_assert_cmpstr (first, ==, second);

  /* Forced to write again, it writes the same rows. */
  prehab_test_exec (fixture->store, "DELETE FROM meta WHERE key = 'content_checksum'");
  g_assert_true (prehab_catalog_sync (fixture->store, content, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  third = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));
  g_assert_cmpstr (first, ==, third);
}

static void
add_user_rows (PrehabStore *store)
{
  prehab_test_exec (store,
    "INSERT INTO exercise (id, name, summary, category, position, reps, builtin) "
    "  VALUES ('ex-c', 'My own C', 'Mine.', 'mobility', 'any', 5, 0);"
    "INSERT INTO exercise (id, name, summary, category, position, duration_s, builtin) "
    "  VALUES ('my-stretch', 'My stretch', 'Mine too.', 'mobility', 'standing', 60, 0);"
    "INSERT INTO exercise_text (exercise_id, kind, position, body) "
    "  VALUES ('ex-c', 'step', 0, 'My own step.');"
    "INSERT INTO exercise_variant (exercise_id, variant_id, kind) "
    "  VALUES ('my-stretch', 'ex-b', 'harder');"
    "INSERT INTO pain_trigger (name) VALUES ('Carrying my toddler');"
    "INSERT INTO enrollment (id, program_id, start_date, training_days) "
    "  VALUES (1, 'plan', '2026-01-05', 21);"
    "INSERT INTO enrollment_equipment VALUES (1, 'mat');"
    "INSERT INTO enrollment_flag VALUES (1, 'night-pain', '2026-01-05 08:00:00');"
    "INSERT INTO session (id, enrollment_id, date, status, pain_during, pain_after, note) "
    "  VALUES (1, 1, '2026-01-06', 'partial', 3, 4, 'Stopped early.');"
    "INSERT INTO session_exercise (session_id, position, exercise_id, planned_sets, "
    "  planned_reps, done_sets, done_reps, completed) VALUES (1, 0, 'ex-b', 2, 8, 1, 8, 0);"
    "INSERT INTO movement_break (taken_at) VALUES ('2026-01-06 10:15:00');"
    "INSERT INTO pain_entry (id, logged_at, context, pain, note, session_id) "
    "  VALUES (1, '2026-01-06 07:45', 'morning', 5, 'Stiff after the drive.', 1);"
    "INSERT INTO pain_entry_region VALUES (1, 'between-shoulder-blades');"
    "INSERT INTO pain_entry_quality VALUES (1, 'stiffness');"
    "INSERT INTO pain_entry_trigger SELECT 1, id FROM pain_trigger;"
    "INSERT INTO planner_decision (enrollment_id, date, decision, phase_to, reasons) "
    "  VALUES (1, '2026-01-06', 'start', 'mobilize', '[\"Day one.\"]');");
}

static void
test_catalog_bump_keeps_user_rows (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *history_before = NULL;

  sync_text (fixture->store, catalog_a, TRUE);
  add_user_rows (fixture->store);
  before = dump_tables (fixture->store, user_tables, G_N_ELEMENTS (user_tables));

  sync_text (fixture->store, catalog_b, TRUE);
  after = dump_tables (fixture->store, user_tables, G_N_ELEMENTS (user_tables));
  g_assert_cmpstr (before, ==, after);

  /* Built-in rows followed the catalog. */
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM exercise WHERE id = 'ex-a' "
                                      "AND name = 'Exercise A, renamed' AND position = 'seated' "
                                      "AND duration_s = 90 AND reps IS NULL AND tempo IS NULL"),
                   ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM exercise_text WHERE exercise_id = 'ex-a'"),
                   ==, 2);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM pain_trigger WHERE builtin_id = 'driving' "
                                      "AND name = 'Long drives'"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM program_week WHERE program_id = 'plan'"),
                   ==, 2);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM program_item WHERE exercise_id = 'ex-b'"),
                   ==, 0);

  /* The dropped exercise is retired, not deleted: history still points at it. */
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT retired FROM exercise WHERE id = 'ex-b'"), ==, 1);

  /* The person's exercise that shares an id with the new ex-c is theirs still. */
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM exercise WHERE id = 'ex-c' "
                                      "AND builtin = 0 AND name = 'My own C'"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM exercise_text WHERE exercise_id = 'ex-c' "
                                      "AND body = 'My own step.'"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM exercise_variant WHERE "
                                      "exercise_id = 'my-stretch'"), ==, 1);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM pain_trigger WHERE builtin_id IS NULL "
                                      "AND name = 'Carrying my toddler'"), ==, 1);

  /* What a person sees: the retired exercise is gone from the catalog. */
  exercises = prehab_exercise_load_all (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (find_exercise (exercises, "ex-b"));
  g_assert_nonnull (find_exercise (exercises, "ex-a"));
  g_assert_nonnull (find_exercise (exercises, "my-stretch"));
  g_assert_cmpstr (prehab_exercise_get_name (find_exercise (exercises, "ex-a")), ==,
                   "Exercise A, renamed");

  /* Back to A: ex-b returns with its history intact. */
  history_before = prehab_test_dump_table (fixture->store, "session_exercise");
  sync_text (fixture->store, catalog_a, TRUE);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT retired FROM exercise WHERE id = 'ex-b'"), ==, 0);
  {
    g_autofree char *history_after = prehab_test_dump_table (fixture->store, "session_exercise");
    g_assert_cmpstr (history_before, ==, history_after);
  }
}

static void
test_catalog_refuses_invalid (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *invalid[] = {
    "<catalog><exercise id=\"x\"",                                   /* cut short */
    "not xml at all",
    "<catalog><equipment id=\"Mat\"><name>Mat</name></equipment></catalog>",
    "<catalog><exercise id=\"x\" category=\"dance\" position=\"any\" phases=\"mobilize\" "
    "movements=\"flexion\"><name>X</name></exercise></catalog>",
    "<catalog><exercise id=\"x\" category=\"mobility\" position=\"any\" phases=\"mobilize\" "
    "movements=\"flexion\"><name>X</name><summary>S.</summary><dose reps=\"5\"/>"
    "<step>Go.</step><uses ref=\"spaceship\"/></exercise></catalog>",
    "<catalog><exercise id=\"x\" category=\"mobility\" position=\"any\" phases=\"mobilize\" "
    "movements=\"flexion\"><name>X</name><summary>S.</summary><dose reps=\"5\"/>"
    "<step>Go.</step><harder ref=\"nowhere\"/></exercise></catalog>",
    "<catalog><exercise id=\"x\" category=\"mobility\" position=\"any\" phases=\"mobilize\" "
    "movements=\"flexion\"><name>X</name><summary>S.</summary><dose reps=\"0\"/>"
    "<step>Go.</step></exercise></catalog>",
    "<catalog><exercise id=\"x\" category=\"mobility\" position=\"any\" phases=\"mobilize\" "
    "movements=\"flexion\"><name>X</name><summary>S.</summary><dose reps=\"5\" duration=\"30\"/>"
    "<step>Go.</step></exercise></catalog>",
    "<catalog><exercise id=\"x\" category=\"mobility\" position=\"any\" phases=\"mobilize\" "
    "movements=\"flexion\"><name>X</name><summary>S.</summary><dose reps=\"5\" tempo=\"10-10\"/>"
    "<step>Go.</step></exercise></catalog>",
    "<catalog><program id=\"p\" weeks=\"2\"><name>P</name><week number=\"1\" phase=\"mobilize\">"
    "<session kind=\"daily\"><item ref=\"ghost\"/></session></week></program></catalog>",
  };
  g_autofree char *before = NULL;

  sync_text (fixture->store, catalog_a, TRUE);
  before = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (invalid[i], strlen (invalid[i]));
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean changed = TRUE;

      g_assert_false (prehab_catalog_sync (fixture->store, bytes, &changed, &error));
      g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
      g_assert_false (changed);

      after = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));
      g_assert_cmpstr (before, ==, after);
    }
}

/* A catalog the parser accepts but the store refuses half-way through the
 * sync (a trigger name longer than the schema allows, after the equipment
 * was written) leaves nothing behind. */
static void
test_catalog_failed_sync_rolls_back (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr (GString) text = g_string_new (CATALOG_HEAD);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean changed = TRUE;

  sync_text (fixture->store, catalog_a, TRUE);
  before = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));

  g_string_append (text, "  <equipment id=\"band\"><name>Band</name></equipment>\n"
                         "  <trigger id=\"long\"><name>");
  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "</name></trigger>\n</catalog>\n");
  bytes = g_bytes_new (text->str, text->len);

  g_assert_false (prehab_catalog_sync (fixture->store, bytes, &changed, &error));
  g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_CONSTRAINT);
  g_assert_false (changed);

  after = dump_tables (fixture->store, all_tables, G_N_ELEMENTS (all_tables));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM equipment WHERE id = 'band'"), ==, 0);
}

static void
test_catalog_search (Fixture       *fixture,
                     gconstpointer  data)
{
  const struct {
    const char *query;
    const char *must_match;
    const char *must_not_match;
  } cases[] = {
    { "open book", "side-lying-open-book", "cat-cow" },
    { "OPEN BOOK", "thread-the-needle-open-book", "superman" },
    { "cat cow", "cat-cow", "deadlift" },
    { "cat-cow", "cat-cow", "side-plank" },
    { "foam", "foam-roller-mid-back", "cat-cow" },
    { "kettlebell", "goblet-squat", "childs-pose" },
    { "strengthen", "reverse-fly", "childs-pose" },
    { "", "cat-cow", NULL },
  };
  g_autoptr (GBytes) content = prehab_catalog_dup_builtin_content ();
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GError) error = NULL;
  guint open_book = 0;

  g_assert_true (prehab_catalog_sync (fixture->store, content, NULL, &error));
  exercises = prehab_exercise_load_all (fixture->store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (prehab_exercise_matches (find_exercise (exercises, cases[i].must_match),
                                              cases[i].query));
      if (cases[i].must_not_match != NULL)
        g_assert_false (prehab_exercise_matches (find_exercise (exercises,
                                                                cases[i].must_not_match),
                                                 cases[i].query));
    }

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
      open_book += prehab_exercise_matches (exercise, "open book");
    }
  g_assert_cmpuint (open_book, ==, 2);
}

static void
test_catalog_dose_format (void)
{
  const struct {
    PrehabDose  dose;
    const char *expected;
  } cases[] = {
    { { .sets = 2, .reps = 10 }, "2 × 10 reps" },
    { { .sets = 1, .reps = 1 }, "1 rep" },
    { { .sets = 1, .reps = 15, .tempo_out_s = 4, .tempo_back_s = 4 }, "15 reps · 4 s each way" },
    { { .sets = 3, .reps = 8, .per_side = TRUE }, "3 × 8 reps · each side" },
    { { .sets = 1, .reps = 10, .hold_s = 5 }, "10 reps · hold 5 s" },
    { { .sets = 1, .duration_s = 150 }, "2 min 30 s" },
    { { .sets = 2, .duration_s = 60 }, "2 × 1 min" },
    { { .sets = 3, .reps = 1, .hold_s = 20, .per_side = TRUE }, "3 × 1 rep · hold 20 s · each side" },
    { { .sets = 1, .reps = 6, .tempo_out_s = 2, .tempo_back_s = 4 }, "6 reps · 2 s out, 4 s back" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = prehab_dose_format (&cases[i].dose);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_catalog_open_store (void)
{
  g_autofree char *dir = prehab_test_make_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = prehab_catalog_open_store (dir, &error);
  g_autoptr (GListModel) exercises = NULL;

  g_assert_no_error (error);
  exercises = prehab_exercise_load_all (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exercises), ==, 25);

  g_clear_object (&store);
  prehab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Content is stored in its source language; keep it untranslated here. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/catalog/builtin-content", test_catalog_builtin_content);
  ADD ("/catalog/sync-is-idempotent", test_catalog_sync_is_idempotent);
  ADD ("/catalog/bump-keeps-user-rows", test_catalog_bump_keeps_user_rows);
  ADD ("/catalog/refuses-invalid", test_catalog_refuses_invalid);
  ADD ("/catalog/failed-sync-rolls-back", test_catalog_failed_sync_rolls_back);
  ADD ("/catalog/search", test_catalog_search);
  g_test_add_func ("/catalog/dose-format", test_catalog_dose_format);
  g_test_add_func ("/catalog/open-store", test_catalog_open_store);

#undef ADD

  return g_test_run ();
}
