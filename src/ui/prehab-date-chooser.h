/* prehab-date-chooser.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREHAB_TYPE_DATE_CHOOSER (prehab_date_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PrehabDateChooser, prehab_date_chooser, PREHAB, DATE_CHOOSER, GtkWidget)

GtkWidget  *prehab_date_chooser_new       (void);
const char *prehab_date_chooser_get_date  (PrehabDateChooser *self);
void        prehab_date_chooser_set_date  (PrehabDateChooser *self,
                                           const char        *date);
const char *prehab_date_chooser_get_today (PrehabDateChooser *self);
void        prehab_date_chooser_set_today (PrehabDateChooser *self,
                                           const char        *today);
gboolean    prehab_date_chooser_get_valid (PrehabDateChooser *self);

G_END_DECLS
