/* prehab-vocabulary.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stable identifiers of the data model and the command line, each with
 * the label a person reads. Labels are translated; identifiers never are. */

typedef struct
{
  const char *id;
  const char *label;  /* untranslated; pass through prehab_vocabulary_label() */
} PrehabTerm;

extern const PrehabTerm prehab_phases[];
extern const PrehabTerm prehab_positions[];
extern const PrehabTerm prehab_categories[];
extern const PrehabTerm prehab_movements[];
extern const PrehabTerm prehab_planes[];
extern const PrehabTerm prehab_contexts[];
extern const PrehabTerm prehab_regions[];
extern const PrehabTerm prehab_qualities[];
extern const PrehabTerm prehab_equipment[];
extern const PrehabTerm prehab_weekdays[];   /* Monday first, as stored */

typedef enum
{
  PREHAB_RED_FLAG_EMERGENCY,   /* call emergency services now */
  PREHAB_RED_FLAG_SEE_DOCTOR,  /* see a doctor within days */
} PrehabRedFlagTier;

/* The red-flag symptoms of PLANNER.md, in the order of the safety screen. */
typedef struct
{
  const char        *id;
  PrehabRedFlagTier  tier;
  const char        *label;    /* untranslated short name */
  const char        *question; /* untranslated question of the safety screen */
} PrehabRedFlag;

extern const PrehabRedFlag prehab_red_flags[];

const PrehabRedFlag *prehab_red_flag_lookup (const char *id);
int                  prehab_weekday_index   (const char *id);

gboolean    prehab_vocabulary_contains (const PrehabTerm *terms,
                                        const char       *id);
const char *prehab_vocabulary_label    (const PrehabTerm *terms,
                                        const char       *id);
char       *prehab_vocabulary_join_ids (const PrehabTerm *terms);

G_END_DECLS
