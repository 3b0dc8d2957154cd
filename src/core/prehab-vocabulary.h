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

gboolean    prehab_vocabulary_contains (const PrehabTerm *terms,
                                        const char       *id);
const char *prehab_vocabulary_label    (const PrehabTerm *terms,
                                        const char       *id);
char       *prehab_vocabulary_join_ids (const PrehabTerm *terms);

G_END_DECLS
