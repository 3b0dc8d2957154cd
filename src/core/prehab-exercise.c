/* prehab-exercise.c
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

#define G_LOG_DOMAIN "prehab-exercise"

#include "config.h"

#include "prehab-exercise.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "prehab-store-private.h"
#include "prehab-vocabulary.h"

struct _PrehabExercise
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *summary;
  char       *category;
  char       *position;
  PrehabDose  dose;
  gboolean    builtin;

  /* NULL-terminated arrays of strings */
  GPtrArray  *phases;
  GPtrArray  *movements;
  GPtrArray  *planes;
  GPtrArray  *steps;
  GPtrArray  *cues;
  GPtrArray  *cautions;
  GPtrArray  *easier;
  GPtrArray  *harder;

  GPtrArray  *equipment;  /* PrehabEquipmentUse */
  char       *search_text;
};

G_DEFINE_FINAL_TYPE (PrehabExercise, prehab_exercise, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
equipment_use_free (gpointer data)
{
  PrehabEquipmentUse *use = data;

  g_free (use->id);
  g_free (use->name);
  g_free (use);
}

static char *
format_seconds (int seconds)
{
  int minutes = seconds / 60;
  int rest = seconds % 60;

  if (minutes == 0)
    /* Translators: a duration in seconds, e.g. "45 s" */
    return g_strdup_printf (_("%d s"), seconds);
  if (rest == 0)
    /* Translators: a duration in minutes, e.g. "2 min" */
    return g_strdup_printf (_("%d min"), minutes);

  /* Translators: a duration in minutes and seconds, e.g. "1 min 30 s" */
  return g_strdup_printf (_("%d min %d s"), minutes, rest);
}

/**
 * prehab_dose_format:
 * @dose: a dose
 *
 * Returns: (transfer full): the dose in words, e.g. "2 × 10 reps · each side"
 */
char *
prehab_dose_format (const PrehabDose *dose)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_return_val_if_fail (dose != NULL, NULL);

  if (dose->reps > 0)
    {
      g_autofree char *reps = g_strdup_printf (ngettext ("%d rep", "%d reps", dose->reps),
                                               dose->reps);
      if (dose->sets > 1)
        /* Translators: sets × reps, e.g. "2 × 10 reps" */
        g_ptr_array_add (parts, g_strdup_printf (_("%d × %s"), dose->sets, reps));
      else
        g_ptr_array_add (parts, g_steal_pointer (&reps));
    }
  else if (dose->duration_s > 0)
    {
      g_autofree char *duration = format_seconds (dose->duration_s);

      if (dose->sets > 1)
        g_ptr_array_add (parts, g_strdup_printf (_("%d × %s"), dose->sets, duration));
      else
        g_ptr_array_add (parts, g_steal_pointer (&duration));
    }

  if (dose->hold_s > 0)
    {
      g_autofree char *hold = format_seconds (dose->hold_s);
      /* Translators: how long each rep is held, e.g. "hold 30 s" */
      g_ptr_array_add (parts, g_strdup_printf (_("hold %s"), hold));
    }

  if (dose->tempo_out_s > 0 && dose->tempo_back_s > 0)
    {
      if (dose->tempo_out_s == dose->tempo_back_s)
        /* Translators: the pace of one rep, e.g. "4 s each way" */
        g_ptr_array_add (parts, g_strdup_printf (_("%d s each way"), dose->tempo_out_s));
      else
        /* Translators: the pace of one rep, e.g. "2 s out, 4 s back" */
        g_ptr_array_add (parts, g_strdup_printf (_("%d s out, %d s back"),
                                                 dose->tempo_out_s, dose->tempo_back_s));
    }

  if (dose->per_side)
    g_ptr_array_add (parts, g_strdup (_("each side")));

  g_ptr_array_add (parts, NULL);
  /* Translators: separator between the parts of a dose */
  joined = g_strjoinv (_(" · "), (char **) parts->pdata);
  return g_steal_pointer (&joined);
}

static void
prehab_exercise_finalize (GObject *object)
{
  PrehabExercise *self = (PrehabExercise *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->category);
  g_free (self->position);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->movements, g_ptr_array_unref);
  g_clear_pointer (&self->planes, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->cues, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);
  g_clear_pointer (&self->easier, g_ptr_array_unref);
  g_clear_pointer (&self->harder, g_ptr_array_unref);
  g_clear_pointer (&self->equipment, g_ptr_array_unref);
  g_free (self->search_text);

  G_OBJECT_CLASS (prehab_exercise_parent_class)->finalize (object);
}

static void
prehab_exercise_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PrehabExercise *self = PREHAB_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_exercise_class_init (PrehabExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prehab_exercise_finalize;
  object_class->get_property = prehab_exercise_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prehab_exercise_init (PrehabExercise *self)
{
  self->phases = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->movements = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->planes = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->steps = g_ptr_array_new_null_terminated (5, g_free, TRUE);
  self->cues = g_ptr_array_new_null_terminated (3, g_free, TRUE);
  self->cautions = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->easier = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->harder = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->equipment = g_ptr_array_new_with_free_func (equipment_use_free);
}

/* Adds the vocabulary ids found in @found to @array in vocabulary order. */
static void
add_in_vocabulary_order (GPtrArray        *array,
                         const PrehabTerm *terms,
                         GHashTable       *found)
{
  for (guint i = 0; terms[i].id != NULL; i++)
    if (g_hash_table_contains (found, terms[i].id))
      g_ptr_array_add (array, g_strdup (terms[i].id));
}

static gboolean
load_tags (PrehabStore      *store,
           GHashTable       *by_id,
           const char       *sql,
           const PrehabTerm *terms,
           gsize             array_offset,
           GError          **error)
{
  g_autoptr (PrehabStatement) stmt = prehab_store_prepare (store, sql, error);
  g_autoptr (GHashTable) found = NULL;
  PrehabExercise *current = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      PrehabExercise *exercise = g_hash_table_lookup (by_id, id);

      if (exercise != current)
        {
          if (current != NULL)
            add_in_vocabulary_order (G_STRUCT_MEMBER (GPtrArray *, current, array_offset),
                                     terms, found);
          g_hash_table_remove_all (found);
          current = exercise;
        }

      g_hash_table_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  if (current != NULL)
    add_in_vocabulary_order (G_STRUCT_MEMBER (GPtrArray *, current, array_offset),
                             terms, found);

  return rc == 0;
}

static gboolean
load_equipment (PrehabStore  *store,
                GHashTable   *by_id,
                GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT ee.exercise_id, ee.equipment_id, e.name, "
                               "       ee.alt_group, ee.optional "
                               "FROM exercise_equipment ee "
                               "JOIN equipment e ON e.id = ee.equipment_id "
                               "ORDER BY ee.exercise_id, ee.optional, ee.alt_group, e.sort_order",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      PrehabExercise *exercise;
      PrehabEquipmentUse *use;

      exercise = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      if (exercise == NULL)
        continue;

      use = g_new0 (PrehabEquipmentUse, 1);
      use->id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      use->name = g_strdup (prehab_statement_get_translated (stmt, 2));
      use->alt_group = sqlite3_column_int (stmt, 3);
      use->optional = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (exercise->equipment, use);
    }

  return rc == 0;
}

static gboolean
load_texts (PrehabStore  *store,
            GHashTable   *by_id,
            GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT exercise_id, kind, body FROM exercise_text "
                               "ORDER BY exercise_id, kind, position",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      PrehabExercise *exercise = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      GPtrArray *array;

      if (exercise == NULL)
        continue;

      if (g_str_equal (kind, "step"))
        array = exercise->steps;
      else if (g_str_equal (kind, "cue"))
        array = exercise->cues;
      else
        array = exercise->cautions;

      g_ptr_array_add (array, g_strdup (prehab_statement_get_translated (stmt, 2)));
    }

  return rc == 0;
}

static gboolean
load_variants (PrehabStore  *store,
               GHashTable   *by_id,
               GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT v.exercise_id, v.kind, v.variant_id "
                               "FROM exercise_variant v "
                               "JOIN exercise x ON x.id = v.variant_id AND x.retired = 0 "
                               "ORDER BY v.exercise_id, v.kind, x.sort_order",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      PrehabExercise *exercise = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);

      if (exercise == NULL)
        continue;

      g_ptr_array_add (g_str_equal (kind, "easier") ? exercise->easier : exercise->harder,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }

  return rc == 0;
}

static void
build_search_text (PrehabExercise *self)
{
  g_autoptr (GString) text = g_string_new (self->name);
  g_autofree char *equipment = prehab_exercise_dup_equipment_label (self);
  g_autofree char *phases = prehab_exercise_dup_phases_label (self);

  g_string_append_printf (text, " %s %s %s %s %s", self->summary, equipment, phases,
                          prehab_vocabulary_label (prehab_positions, self->position),
                          prehab_vocabulary_label (prehab_categories, self->category));
  for (guint i = 0; i < self->movements->len; i++)
    g_string_append_printf (text, " %s",
                            prehab_vocabulary_label (prehab_movements,
                                                     self->movements->pdata[i]));

  self->search_text = g_string_free (g_steal_pointer (&text), FALSE);
}

static GListModel *
load_all_in_snapshot (PrehabStore  *store,
                      GError      **error)
{
  g_autoptr (GListStore) list = g_list_store_new (PREHAB_TYPE_EXERCISE);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (PrehabStatement) stmt = NULL;
  guint n_items;
  int rc;

  stmt = prehab_store_prepare (store,
                               "SELECT id, name, summary, category, position, sets, reps, "
                               "       hold_s, duration_s, per_side, tempo, rest_s, builtin "
                               "FROM exercise WHERE retired = 0 "
                               "ORDER BY sort_order, id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = prehab_store_step_row (store, stmt, error)) > 0)
    {
      g_autoptr (PrehabExercise) exercise = g_object_new (PREHAB_TYPE_EXERCISE, NULL);
      const char *tempo = (const char *) sqlite3_column_text (stmt, 10);

      exercise->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      exercise->name = g_strdup (prehab_statement_get_translated (stmt, 1));
      exercise->summary = g_strdup (prehab_statement_get_translated (stmt, 2));
      exercise->category = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      exercise->position = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      exercise->dose.sets = sqlite3_column_int (stmt, 5);
      exercise->dose.reps = sqlite3_column_int (stmt, 6);
      exercise->dose.hold_s = sqlite3_column_int (stmt, 7);
      exercise->dose.duration_s = sqlite3_column_int (stmt, 8);
      exercise->dose.per_side = sqlite3_column_int (stmt, 9) != 0;
      if (tempo != NULL)
        sscanf (tempo, "%d-%d", &exercise->dose.tempo_out_s, &exercise->dose.tempo_back_s);
      exercise->dose.rest_s = sqlite3_column_int (stmt, 11);
      exercise->builtin = sqlite3_column_int (stmt, 12) != 0;

      g_hash_table_insert (by_id, exercise->id, exercise);
      g_list_store_append (list, exercise);
    }
  if (rc < 0)
    return NULL;

  if (!load_tags (store, by_id,
                  "SELECT exercise_id, phase FROM exercise_phase ORDER BY exercise_id",
                  prehab_phases, G_STRUCT_OFFSET (PrehabExercise, phases), error) ||
      !load_tags (store, by_id,
                  "SELECT exercise_id, movement FROM exercise_movement ORDER BY exercise_id",
                  prehab_movements, G_STRUCT_OFFSET (PrehabExercise, movements), error) ||
      !load_tags (store, by_id,
                  "SELECT exercise_id, plane FROM exercise_plane ORDER BY exercise_id",
                  prehab_planes, G_STRUCT_OFFSET (PrehabExercise, planes), error) ||
      !load_equipment (store, by_id, error) ||
      !load_texts (store, by_id, error) ||
      !load_variants (store, by_id, error))
    return NULL;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (G_LIST_MODEL (list), i);
      build_search_text (exercise);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * prehab_exercise_load_all:
 * @store: an open store
 * @error: return location for an error
 *
 * Loads every exercise in use (retired ones are left out), in catalog order,
 * with its text translated into the current language. All of it is read
 * from one snapshot of the journal.
 *
 * Returns: (transfer full) (nullable): a list of #PrehabExercise
 */
GListModel *
prehab_exercise_load_all (PrehabStore  *store,
                          GError      **error)
{
  GListModel *exercises;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  /* A savepoint outside a transaction starts a read transaction. */
  if (!prehab_store_exec_script (store, "SAVEPOINT prehab_read", error))
    return NULL;

  exercises = load_all_in_snapshot (store, error);
  prehab_store_exec_script (store, "RELEASE prehab_read", NULL);

  return exercises;
}

const char *
prehab_exercise_get_id (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  return self->id;
}

const char *
prehab_exercise_get_name (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  return self->name;
}

const char *
prehab_exercise_get_summary (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  return self->summary;
}

const char *
prehab_exercise_get_category (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  return self->category;
}

const char *
prehab_exercise_get_position (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  return self->position;
}

#define DEFINE_STRV_GETTER(field)                                          \
const char * const *                                                       \
prehab_exercise_get_##field (PrehabExercise *self)                         \
{                                                                          \
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);                  \
  return (const char * const *) self->field->pdata;                        \
}

DEFINE_STRV_GETTER (phases)
DEFINE_STRV_GETTER (movements)
DEFINE_STRV_GETTER (planes)
DEFINE_STRV_GETTER (steps)
DEFINE_STRV_GETTER (cues)
DEFINE_STRV_GETTER (cautions)
DEFINE_STRV_GETTER (easier)
DEFINE_STRV_GETTER (harder)

#undef DEFINE_STRV_GETTER

const PrehabDose *
prehab_exercise_get_dose (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  return &self->dose;
}

guint
prehab_exercise_get_n_equipment (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), 0);
  return self->equipment->len;
}

const PrehabEquipmentUse *
prehab_exercise_get_equipment (PrehabExercise *self,
                               guint           index)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);
  g_return_val_if_fail (index < self->equipment->len, NULL);
  return g_ptr_array_index (self->equipment, index);
}

gboolean
prehab_exercise_get_builtin (PrehabExercise *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), FALSE);
  return self->builtin;
}

/**
 * prehab_exercise_dup_equipment_label:
 * @self: an exercise
 *
 * Returns: (transfer full): what the exercise needs in words, e.g.
 *   "Exercise mat, dumbbells or resistance band (towel optional)", or
 *   "No equipment"
 */
char *
prehab_exercise_dup_equipment_label (PrehabExercise *self)
{
  g_autoptr (GString) needed = g_string_new (NULL);
  g_autoptr (GString) optional = g_string_new (NULL);

  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);

  for (guint i = 0; i < self->equipment->len; i++)
    {
      PrehabEquipmentUse *use = g_ptr_array_index (self->equipment, i);
      PrehabEquipmentUse *previous = i > 0 ? g_ptr_array_index (self->equipment, i - 1) : NULL;
      GString *target = use->optional ? optional : needed;

      if (target->len > 0)
        {
          gboolean same_group = previous != NULL && !use->optional && !previous->optional &&
                                use->alt_group > 0 && use->alt_group == previous->alt_group;
          /* Translators: joins alternatives ("dumbbells or resistance band")
           * and needed items ("mat, chair") */
          g_string_append (target, same_group ? _(" or ") : _(", "));
        }
      g_string_append (target, use->name);
    }

  if (needed->len == 0 && optional->len == 0)
    return g_strdup (_("No equipment"));

  if (optional->len > 0)
    {
      if (needed->len == 0)
        /* Translators: %s is a list of equipment that is nice to have */
        return g_strdup_printf (_("Optional: %s"), optional->str);

      /* Translators: needed equipment, then equipment that is nice to have */
      return g_strdup_printf (_("%s (optional: %s)"), needed->str, optional->str);
    }

  return g_string_free (g_steal_pointer (&needed), FALSE);
}

/**
 * prehab_exercise_dup_phases_label:
 * @self: an exercise
 *
 * Returns: (transfer full): the phases the exercise belongs to, translated and
 *   separated by commas
 */
char *
prehab_exercise_dup_phases_label (PrehabExercise *self)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), NULL);

  for (guint i = 0; i < self->phases->len; i++)
    g_ptr_array_add (labels, (gpointer) prehab_vocabulary_label (prehab_phases,
                                                                 self->phases->pdata[i]));
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (_(", "), (char **) labels->pdata);
}

/**
 * prehab_exercise_matches:
 * @self: an exercise
 * @query: (nullable): what the person typed
 *
 * Every word of @query must start a word of the exercise's name, summary,
 * equipment, phases, position or movements; case and accents are ignored.
 *
 * Returns: %TRUE when @query is empty or matches
 */
gboolean
prehab_exercise_matches (PrehabExercise *self,
                         const char     *query)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  return g_str_match_string (query, self->search_text, TRUE);
}

/**
 * prehab_exercise_can_do_with:
 * @self: an exercise
 * @equipment: (nullable): the equipment ids the person has
 *
 * Whether @equipment covers what @self needs: every required item, and one
 * item of each group of alternatives. Optional items are never needed.
 *
 * Returns: %TRUE when the person can do the exercise with what they have
 */
gboolean
prehab_exercise_can_do_with (PrehabExercise     *self,
                             const char * const *equipment)
{
  g_autoptr (GHashTable) groups_seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) groups_met = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), FALSE);

  for (guint i = 0; i < self->equipment->len; i++)
    {
      const PrehabEquipmentUse *use = g_ptr_array_index (self->equipment, i);
      gboolean have = equipment != NULL && g_strv_contains (equipment, use->id);

      if (use->optional)
        continue;

      if (use->alt_group == 0)
        {
          if (!have)
            return FALSE;
          continue;
        }

      g_hash_table_add (groups_seen, GINT_TO_POINTER (use->alt_group));
      if (have)
        g_hash_table_add (groups_met, GINT_TO_POINTER (use->alt_group));
    }

  return g_hash_table_size (groups_met) == g_hash_table_size (groups_seen);
}

static gboolean
is_unset (const char * const *list)
{
  return list == NULL || list[0] == NULL;
}

/* Whether any of @values is one of @wanted. */
static gboolean
any_in (GPtrArray          *values,
        const char * const *wanted)
{
  for (guint i = 0; i < values->len; i++)
    if (g_strv_contains (wanted, g_ptr_array_index (values, i)))
      return TRUE;

  return FALSE;
}

/**
 * prehab_exercise_passes_filter:
 * @self: an exercise
 * @filter: (nullable): what to narrow to; %NULL lets everything through
 *
 * Returns: %TRUE when @self is in one of the wanted phases, positions and
 *   movements, and can be done with the given equipment (see
 *   #PrehabExerciseFilter)
 */
gboolean
prehab_exercise_passes_filter (PrehabExercise             *self,
                               const PrehabExerciseFilter *filter)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE (self), FALSE);

  if (filter == NULL)
    return TRUE;

  if (!is_unset (filter->phases) && !any_in (self->phases, filter->phases))
    return FALSE;

  if (!is_unset (filter->positions) &&
      !g_str_equal (self->position, "any") &&
      !g_strv_contains (filter->positions, self->position))
    return FALSE;

  if (!is_unset (filter->movements) && !any_in (self->movements, filter->movements))
    return FALSE;

  if (filter->equipment != NULL && !prehab_exercise_can_do_with (self, filter->equipment))
    return FALSE;

  return TRUE;
}
