/* prehab-exercise.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* A dose: 0 means "not part of this dose" for every count. */
typedef struct
{
  int      sets;
  int      reps;
  int      hold_s;
  int      duration_s;
  gboolean per_side;
  int      tempo_out_s;   /* first half of a rep: inhale, lift, turn */
  int      tempo_back_s;  /* second half: exhale, lower, return */
  int      rest_s;
} PrehabDose;

char *prehab_dose_format (const PrehabDose *dose);

typedef struct
{
  char     *id;
  char     *name;       /* translated */
  int       alt_group;  /* 0: needed on its own; n > 0: any one of group n */
  gboolean  optional;
} PrehabEquipmentUse;

#define PREHAB_TYPE_EXERCISE (prehab_exercise_get_type ())

G_DECLARE_FINAL_TYPE (PrehabExercise, prehab_exercise, PREHAB, EXERCISE, GObject)

GListModel               *prehab_exercise_load_all            (PrehabStore    *store,
                                                               GError        **error);
const char               *prehab_exercise_get_id              (PrehabExercise *self);
const char               *prehab_exercise_get_name            (PrehabExercise *self);
const char               *prehab_exercise_get_summary         (PrehabExercise *self);
const char               *prehab_exercise_get_category        (PrehabExercise *self);
const char               *prehab_exercise_get_position        (PrehabExercise *self);
const char * const       *prehab_exercise_get_phases          (PrehabExercise *self);
const char * const       *prehab_exercise_get_movements       (PrehabExercise *self);
const char * const       *prehab_exercise_get_planes          (PrehabExercise *self);
const char * const       *prehab_exercise_get_steps           (PrehabExercise *self);
const char * const       *prehab_exercise_get_cues            (PrehabExercise *self);
const char * const       *prehab_exercise_get_cautions        (PrehabExercise *self);
const char * const       *prehab_exercise_get_easier          (PrehabExercise *self);
const char * const       *prehab_exercise_get_harder          (PrehabExercise *self);
const PrehabDose         *prehab_exercise_get_dose            (PrehabExercise *self);
guint                     prehab_exercise_get_n_equipment     (PrehabExercise *self);
const PrehabEquipmentUse *prehab_exercise_get_equipment       (PrehabExercise *self,
                                                               guint           index);
gboolean                  prehab_exercise_get_builtin         (PrehabExercise *self);
char                     *prehab_exercise_dup_equipment_label (PrehabExercise *self);
char                     *prehab_exercise_dup_phases_label    (PrehabExercise *self);
gboolean                  prehab_exercise_matches             (PrehabExercise *self,
                                                               const char     *query);

/* What the Exercises view narrows the catalog by. In each list, NULL or
 * empty lets every value through and several values are alternatives; the
 * lists themselves must all be met. */
typedef struct
{
  const char * const *phases;     /* phase ids: in any of these phases */
  const char * const *positions;  /* position ids; "any"-position exercises always pass */
  const char * const *movements;  /* movement ids: makes any of these movements */
  const char * const *equipment;  /* NULL: no equipment filter; else what the
                                   * person has (empty: nothing) */
} PrehabExerciseFilter;

gboolean prehab_exercise_can_do_with   (PrehabExercise             *self,
                                        const char * const         *equipment);
gboolean prehab_exercise_passes_filter (PrehabExercise             *self,
                                        const PrehabExerciseFilter *filter);

G_END_DECLS
