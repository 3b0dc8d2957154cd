/* prehab-safety-check.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREHAB_TYPE_SAFETY_CHECK (prehab_safety_check_get_type ())

G_DECLARE_FINAL_TYPE (PrehabSafetyCheck, prehab_safety_check, PREHAB, SAFETY_CHECK, GtkWidget)

GtkWidget *prehab_safety_check_new       (void);
GStrv      prehab_safety_check_dup_flags (PrehabSafetyCheck  *self);
void       prehab_safety_check_set_flags (PrehabSafetyCheck  *self,
                                          const char * const *flags);

G_END_DECLS
