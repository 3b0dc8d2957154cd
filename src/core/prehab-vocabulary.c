/* prehab-vocabulary.c
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

#define G_LOG_DOMAIN "prehab-vocabulary"

#include "config.h"

#include "prehab-vocabulary.h"

#include <glib/gi18n-lib.h>

const PrehabTerm prehab_phases[] = {
  /* Translators: program phase: calming the pain down with easy movement */
  { "desensitize", N_("Desensitize") },
  /* Translators: program phase: getting the mid back moving again */
  { "mobilize", N_("Mobilize") },
  { "strengthen", N_("Strengthen") },
  /* Translators: program phase after the eight weeks */
  { "maintain", N_("Maintain") },
  { NULL, NULL }
};

const PrehabTerm prehab_positions[] = {
  /* Translators: body position: on hands and knees */
  { "quadruped", N_("On hands and knees") },
  { "side-lying", N_("Lying on your side") },
  { "supine", N_("Lying on your back") },
  { "prone", N_("Lying face down") },
  { "seated", N_("Sitting") },
  { "standing", N_("Standing") },
  { "kneeling", N_("Kneeling") },
  /* Translators: body position: any position will do */
  { "any", N_("Any position") },
  { NULL, NULL }
};

const PrehabTerm prehab_categories[] = {
  { "mobility", N_("Mobility") },
  { "breathing", N_("Breathing") },
  { "posture", N_("Posture and breaks") },
  { "strength", N_("Strength") },
  { NULL, NULL }
};

const PrehabTerm prehab_movements[] = {
  /* Translators: spine movement: bending forward */
  { "flexion", N_("Bending forward") },
  /* Translators: spine movement: arching back */
  { "extension", N_("Arching back") },
  { "rotation", N_("Turning") },
  { "side-bending", N_("Side bending") },
  /* Translators: drawing the shoulder blades back and together */
  { "retraction", N_("Shoulder blades back") },
  { "breathing", N_("Breathing") },
  /* Translators: soft-tissue release, such as rolling on a foam roller */
  { "pressure", N_("Pressure release") },
  { NULL, NULL }
};

const PrehabTerm prehab_planes[] = {
  /* Translators: anatomical plane of forward and backward movement */
  { "sagittal", N_("Sagittal") },
  /* Translators: anatomical plane of sideways movement */
  { "frontal", N_("Frontal") },
  /* Translators: anatomical plane of turning movement */
  { "transverse", N_("Transverse") },
  { NULL, NULL }
};

gboolean
prehab_vocabulary_contains (const PrehabTerm *terms,
                            const char       *id)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; terms[i].id != NULL; i++)
    if (g_str_equal (terms[i].id, id))
      return TRUE;

  return FALSE;
}

/**
 * prehab_vocabulary_label:
 * @terms: one of the vocabularies
 * @id: a stable identifier
 *
 * Returns: the translated label of @id, or @id itself when it is unknown
 */
const char *
prehab_vocabulary_label (const PrehabTerm *terms,
                         const char       *id)
{
  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; terms[i].id != NULL; i++)
    if (g_str_equal (terms[i].id, id))
      return _(terms[i].label);

  return id;
}

/**
 * prehab_vocabulary_join_ids:
 * @terms: one of the vocabularies
 *
 * Returns: (transfer full): the identifiers separated by ", ", for help and
 *   error messages
 */
char *
prehab_vocabulary_join_ids (const PrehabTerm *terms)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) ids = NULL;

  for (guint i = 0; terms[i].id != NULL; i++)
    g_strv_builder_add (builder, terms[i].id);

  ids = g_strv_builder_end (builder);
  return g_strjoinv (", ", ids);
}
