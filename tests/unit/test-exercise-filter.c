/* test-exercise-filter.c: narrowing the catalog by phase, position,
 * movement and the person's equipment
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prehab-catalog.h"
#include "prehab-exercise.h"
#include "prehab-test-util.h"

typedef struct
{
  char        *dir;
  PrehabStore *store;
  GListModel  *exercises;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->exercises = prehab_exercise_load_all (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->exercises), >, 20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->exercises);
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static PrehabExercise *
find_exercise (Fixture    *fixture,
               const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (fixture->exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (fixture->exercises, i);

      if (g_str_equal (prehab_exercise_get_id (exercise), id))
        return exercise;
    }

  g_error ("no exercise %s in the catalog", id);
}

/* The ids that pass @filter, in catalog order, joined by spaces. */
static char *
dup_passing (Fixture                    *fixture,
             const PrehabExerciseFilter *filter)
{
  g_autoptr (GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fixture->exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (fixture->exercises, i);

      if (prehab_exercise_passes_filter (exercise, filter))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                                prehab_exercise_get_id (exercise));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static guint
count_passing (Fixture                    *fixture,
               const PrehabExerciseFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (fixture->exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (fixture->exercises, i);
      n += prehab_exercise_passes_filter (exercise, filter);
    }

  return n;
}

static void
test_filter_empty_passes_all (Fixture       *fixture,
                              gconstpointer  data)
{
  const char * const none[] = { NULL };
  PrehabExerciseFilter empty = { none, none, none, NULL };
  guint n = g_list_model_get_n_items (fixture->exercises);

  g_assert_cmpuint (count_passing (fixture, NULL), ==, n);
  g_assert_cmpuint (count_passing (fixture, &(PrehabExerciseFilter) { 0 }), ==, n);
  g_assert_cmpuint (count_passing (fixture, &empty), ==, n);
}

static void
test_filter_phase (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const maintain[] = { "maintain", NULL };
  const char * const desensitize[] = { "desensitize", NULL };
  const char * const either[] = { "maintain", "strengthen", NULL };
  g_autofree char *ids = NULL;

  ids = dup_passing (fixture, &(PrehabExerciseFilter) { .phases = maintain });
  g_assert_cmpstr (ids, ==, "desk-stretches movement-break");

  /* Several phases are alternatives: every strengthen exercise, plus the two
   * that carry maintain. */
  g_assert_true (prehab_exercise_passes_filter (find_exercise (fixture, "deadlift"),
                                                &(PrehabExerciseFilter) { .phases = either }));
  g_assert_true (prehab_exercise_passes_filter (find_exercise (fixture, "movement-break"),
                                                &(PrehabExerciseFilter) { .phases = either }));
  g_assert_false (prehab_exercise_passes_filter (find_exercise (fixture, "childs-pose"),
                                                 &(PrehabExerciseFilter) { .phases = either }));

  /* An exercise in two phases passes either of them. */
  g_assert_true (prehab_exercise_passes_filter (find_exercise (fixture, "cat-cow"),
                                                &(PrehabExerciseFilter) { .phases = desensitize }));
  g_assert_false (prehab_exercise_passes_filter (find_exercise (fixture, "bird-dog"),
                                                 &(PrehabExerciseFilter) { .phases = desensitize }));
}

static void
test_filter_position (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const side_lying[] = { "side-lying", NULL };
  const char * const lying[] = { "supine", "prone", "side-lying", NULL };
  g_autofree char *ids = NULL;

  /* "Any position" exercises fit every position. */
  ids = dup_passing (fixture, &(PrehabExerciseFilter) { .positions = side_lying });
  g_assert_cmpstr (ids, ==, "side-lying-open-book movement-break side-plank");

  g_assert_true (prehab_exercise_passes_filter (find_exercise (fixture, "superman"),
                                                &(PrehabExerciseFilter) { .positions = lying }));
  g_assert_false (prehab_exercise_passes_filter (find_exercise (fixture, "cat-cow"),
                                                 &(PrehabExerciseFilter) { .positions = lying }));
}

static void
test_filter_movement (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const rotation[] = { "rotation", NULL };
  const char * const side_bending[] = { "side-bending", NULL };
  g_autofree char *ids = NULL;

  ids = dup_passing (fixture, &(PrehabExerciseFilter) { .movements = side_bending });
  g_assert_cmpstr (ids, ==, "side-bending desk-stretches side-plank");

  g_assert_true (prehab_exercise_passes_filter (find_exercise (fixture, "seated-twist"),
                                                &(PrehabExerciseFilter) { .movements = rotation }));
  g_assert_false (prehab_exercise_passes_filter (find_exercise (fixture, "cat-cow"),
                                                 &(PrehabExerciseFilter) { .movements = rotation }));
}

static void
test_filter_equipment (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const nothing[] = { NULL };
  const char * const mat[] = { "mat", NULL };
  const char * const towel[] = { "towel", NULL };
  const char * const band[] = { "band", NULL };
  const char * const band_chair[] = { "band", "chair", NULL };
  const char * const barbell[] = { "barbell", NULL };
  struct {
    const char         *exercise;
    const char * const *equipment;
    gboolean            can_do;
  } cases[] = {
    /* nothing needed */
    { "diaphragmatic-breathing", nothing, TRUE },
    { "diaphragmatic-breathing", NULL, TRUE },
    /* a needed item, and an optional one that is never needed */
    { "side-lying-open-book", mat, TRUE },
    { "side-lying-open-book", towel, FALSE },
    { "side-lying-open-book", nothing, FALSE },
    /* alternatives: any one of the group will do */
    { "wedge-extension-lie", towel, TRUE },
    { "wedge-extension-lie", mat, FALSE },
    { "deadlift", barbell, TRUE },
    /* a group of alternatives and a needed item: both are needed */
    { "single-arm-row", band, FALSE },
    { "single-arm-row", band_chair, TRUE },
  };
  g_autofree char *ids = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PrehabExercise *exercise = find_exercise (fixture, cases[i].exercise);
      PrehabExerciseFilter filter = { .equipment = cases[i].equipment };

      g_test_message ("%s with case %u", cases[i].exercise, i);
      g_assert_cmpint (prehab_exercise_can_do_with (exercise, cases[i].equipment),
                       ==, cases[i].can_do);
      /* NULL equipment in a filter means "no equipment filter" */
      if (cases[i].equipment != NULL)
        g_assert_cmpint (prehab_exercise_passes_filter (exercise, &filter), ==, cases[i].can_do);
    }

  /* With nothing at hand, only what needs nothing passes. */
  ids = dup_passing (fixture, &(PrehabExerciseFilter) { .equipment = nothing });
  g_assert_cmpstr (ids, ==, "diaphragmatic-breathing side-bending movement-break");
}

static void
test_filter_combined (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const strengthen[] = { "strengthen", NULL };
  const char * const standing[] = { "standing", NULL };
  const char * const extension[] = { "extension", NULL };
  const char * const dumbbell[] = { "dumbbell", NULL };
  g_autofree char *ids = NULL;

  /* Every list must be met; the movement break needs nothing and fits any
   * position. */
  ids = dup_passing (fixture, &(PrehabExerciseFilter) {
                       .phases = strengthen, .positions = standing,
                       .movements = extension, .equipment = dumbbell });
  g_assert_cmpstr (ids, ==, "movement-break goblet-squat deadlift");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/exercise-filter/empty-passes-all", test_filter_empty_passes_all);
  ADD ("/exercise-filter/phase", test_filter_phase);
  ADD ("/exercise-filter/position", test_filter_position);
  ADD ("/exercise-filter/movement", test_filter_movement);
  ADD ("/exercise-filter/equipment", test_filter_equipment);
  ADD ("/exercise-filter/combined", test_filter_combined);

#undef ADD

  return g_test_run ();
}
