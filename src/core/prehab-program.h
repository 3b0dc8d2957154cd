/* prehab-program.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "prehab-exercise.h"
#include "prehab-store.h"

G_BEGIN_DECLS

typedef enum
{
  PREHAB_PHASE_DESENSITIZE,
  PREHAB_PHASE_MOBILIZE,
  PREHAB_PHASE_STRENGTHEN,
  PREHAB_PHASE_MAINTAIN,
} PrehabPhase;

const char *prehab_phase_to_id   (PrehabPhase  phase);
gboolean    prehab_phase_from_id (const char  *id,
                                  PrehabPhase *phase);

/* One exercise of a session template, with its dose already resolved
 * (the program's override, else the exercise's own dose). */
typedef struct
{
  char       *exercise_id;
  PrehabDose  dose;
} PrehabProgramItem;

typedef struct
{
  int          number;    /* 1-based */
  PrehabPhase  phase;
  char        *focus;     /* translated */
  GArray      *daily;     /* of PrehabProgramItem */
  GArray      *training;  /* of PrehabProgramItem; empty when the week has none */
} PrehabProgramWeek;

/* A program and its weeks, read once from the store; immutable after load. */
typedef struct
{
  char              *id;
  char              *name;         /* translated */
  char              *description;  /* translated */
  guint              n_weeks;
  PrehabProgramWeek *weeks;        /* n_weeks of them, week 1 first */
} PrehabProgram;

#define PREHAB_DEFAULT_PROGRAM "neck-mid-back-8"

PrehabProgram           *prehab_program_load      (PrehabStore   *store,
                                                   const char    *program_id,
                                                   GError       **error);
void                     prehab_program_free      (PrehabProgram *program);
const PrehabProgramWeek *prehab_program_get_week  (const PrehabProgram *program,
                                                   guint                number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabProgram, prehab_program_free)

G_END_DECLS
