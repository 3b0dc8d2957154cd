/* prehab-enrollment.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* Training days: bit 0 is Monday … bit 6 is Sunday. */
#define PREHAB_TRAINING_DAYS_DEFAULT ((1 << 0) | (1 << 2) | (1 << 4))

/* What the onboarding asks, and what `prehab start` takes. */
typedef struct
{
  const char         *program_id;     /* NULL: PREHAB_DEFAULT_PROGRAM */
  const char         *start_date;     /* YYYY-MM-DD, not in the future */
  guint               training_days;  /* at least one bit */
  const char * const *equipment;      /* equipment ids; NULL or empty: none */
  const char * const *flags;          /* red flags answered "yes"; NULL: none */
  gboolean            has_baseline;   /* start: also log a first pain rating */
  int                 baseline_pain;  /* 0–10, with has_baseline */
} PrehabEnrollmentSettings;

/* The person's current run through a program. */
typedef struct
{
  gint64  id;
  char   *program_id;
  char   *start_date;      /* YYYY-MM-DD */
  guint   training_days;
  GStrv   equipment;       /* sorted ids */
  GStrv   flags;           /* red flags from the safety screen, sorted ids */
  char   *flags_reported_at; /* YYYY-MM-DD HH:MM:SS, NULL without flags */
  char   *cleared_at;      /* YYYY-MM-DD HH:MM:SS, NULL until a clinician cleared */
} PrehabEnrollment;

const char *const *prehab_default_equipment (void);

gboolean          prehab_enrollment_settings_validate (const PrehabEnrollmentSettings *settings,
                                                       const char                     *today,
                                                       GError                        **error);
PrehabEnrollment *prehab_enrollment_load_active       (PrehabStore                    *store,
                                                       GError                        **error);
gint64            prehab_enrollment_start             (PrehabStore                    *store,
                                                       const PrehabEnrollmentSettings *settings,
                                                       GError                        **error);
gboolean          prehab_enrollment_update            (PrehabStore                    *store,
                                                       gint64                          id,
                                                       const PrehabEnrollmentSettings *settings,
                                                       GError                        **error);
gboolean          prehab_enrollment_confirm_cleared   (PrehabStore                    *store,
                                                       gint64                          id,
                                                       GError                        **error);
gboolean          prehab_enrollment_has_equipment     (const PrehabEnrollment         *self,
                                                       const char                     *equipment_id);
void              prehab_enrollment_free              (PrehabEnrollment               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabEnrollment, prehab_enrollment_free)

G_END_DECLS
