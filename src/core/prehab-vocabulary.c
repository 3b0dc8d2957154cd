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

const PrehabTerm prehab_contexts[] = {
  /* Translators: when a pain rating was taken */
  { "morning", N_("Morning") },
  { "evening", N_("Evening") },
  { "during", N_("During exercise") },
  { "after", N_("After exercise") },
  /* Translators: when a pain rating was taken: any other time */
  { "other", N_("Other time") },
  { NULL, NULL }
};

const PrehabTerm prehab_regions[] = {
  { "neck", N_("Neck") },
  { "between-shoulder-blades", N_("Between the shoulder blades") },
  { "mid-back-left", N_("Left mid back") },
  { "mid-back-right", N_("Right mid back") },
  { "ribs", N_("Ribs") },
  { "low-back", N_("Low back") },
  { "shoulder-left", N_("Left shoulder") },
  { "shoulder-right", N_("Right shoulder") },
  { "arm-left", N_("Left arm") },
  { "arm-right", N_("Right arm") },
  { NULL, NULL }
};

const PrehabTerm prehab_qualities[] = {
  /* Translators: kind of pain: dull and lasting */
  { "ache", N_("Ache") },
  { "stiffness", N_("Stiffness") },
  { "sharp", N_("Sharp") },
  { "burning", N_("Burning") },
  /* Translators: kind of pain: pins and needles */
  { "tingling", N_("Tingling") },
  { "numbness", N_("Numbness") },
  { NULL, NULL }
};

/* The same ids and labels as the catalog, for the command line's checks and
 * for places that have no store at hand. */
const PrehabTerm prehab_equipment[] = {
  { "mat", N_("Exercise mat") },
  { "foam-roller", N_("Foam roller") },
  { "ball", N_("Ball (tennis, massage or basketball)") },
  { "swiss-ball", N_("Swiss ball") },
  { "kettlebell", N_("Kettlebell") },
  { "dumbbell", N_("Dumbbell") },
  { "barbell", N_("Barbell") },
  { "band", N_("Resistance band") },
  { "wedge", N_("Spinal wedge") },
  { "towel", N_("Towel") },
  { "chair", N_("Sturdy chair") },
  { "wall", N_("Wall") },
  { "door-frame", N_("Door frame") },
  { "trx", N_("Suspension trainer (TRX)") },
  { NULL, NULL }
};

const PrehabTerm prehab_weekdays[] = {
  { "mon", N_("Monday") },
  { "tue", N_("Tuesday") },
  { "wed", N_("Wednesday") },
  { "thu", N_("Thursday") },
  { "fri", N_("Friday") },
  { "sat", N_("Saturday") },
  { "sun", N_("Sunday") },
  { NULL, NULL }
};

const PrehabRedFlag prehab_red_flags[] = {
  { "chest-pain", PREHAB_RED_FLAG_EMERGENCY, N_("Chest pain or pressure"),
    N_("Chest pain or pressure, perhaps with breathlessness, sweating, or pain spreading into an arm or the jaw?") },
  { "tearing-pain", PREHAB_RED_FLAG_EMERGENCY, N_("Sudden tearing pain"),
    N_("A sudden, severe, tearing pain between the shoulder blades?") },
  { "worst-headache", PREHAB_RED_FLAG_EMERGENCY, N_("Worst headache ever"),
    N_("A sudden headache, the worst you have ever had?") },
  { "stroke-signs", PREHAB_RED_FLAG_EMERGENCY, N_("Signs of a stroke"),
    N_("Slurred speech, double vision, or a face, arm or leg that went numb?") },
  { "bladder-bowel", PREHAB_RED_FLAG_EMERGENCY, N_("Loss of bladder or bowel control"),
    N_("Loss of control over your bladder or bowels?") },
  { "weakness-both-sides", PREHAB_RED_FLAG_EMERGENCY, N_("New weakness on both sides"),
    N_("New weakness in both arms or both legs?") },
  { "major-trauma", PREHAB_RED_FLAG_EMERGENCY, N_("Pain after an accident or fall"),
    N_("Pain that began after a bad accident or fall?") },
  { "fever", PREHAB_RED_FLAG_SEE_DOCTOR, N_("Fever, chills or night sweats"),
    N_("Fever, chills or night sweats?") },
  { "weight-loss", PREHAB_RED_FLAG_SEE_DOCTOR, N_("Weight loss without a reason"),
    N_("Weight loss you cannot explain?") },
  { "cancer-history", PREHAB_RED_FLAG_SEE_DOCTOR, N_("Cancer, weak immunity or steroids"),
    N_("Cancer in the past, a weakened immune system, or steroid tablets for a long time?") },
  { "night-pain", PREHAB_RED_FLAG_SEE_DOCTOR, N_("Constant or night pain"),
    N_("Pain that never stops, or pain at night that no position eases?") },
  { "cord-signs", PREHAB_RED_FLAG_SEE_DOCTOR, N_("Clumsy hands or unsteady walking"),
    N_("Clumsy hands, unsteady walking, or an electric-shock feeling when you bend your neck?") },
  { "spreading-numbness", PREHAB_RED_FLAG_SEE_DOCTOR, N_("Spreading numbness or weakness"),
    N_("Numbness, tingling or weakness that is spreading or in more than one place?") },
  { NULL, 0, NULL, NULL }
};

const PrehabRedFlag *
prehab_red_flag_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    if (g_str_equal (prehab_red_flags[i].id, id))
      return &prehab_red_flags[i];

  return NULL;
}

/**
 * prehab_weekday_index:
 * @id: "mon" … "sun"
 *
 * Returns: 0 for Monday to 6 for Sunday, or -1 when @id is not a weekday
 */
int
prehab_weekday_index (const char *id)
{
  if (id == NULL)
    return -1;

  for (int i = 0; prehab_weekdays[i].id != NULL; i++)
    if (g_ascii_strcasecmp (prehab_weekdays[i].id, id) == 0)
      return i;

  return -1;
}

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
