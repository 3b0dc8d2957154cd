/* prehab-day-picker.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREHAB_TYPE_DAY_PICKER (prehab_day_picker_get_type ())

G_DECLARE_FINAL_TYPE (PrehabDayPicker, prehab_day_picker, PREHAB, DAY_PICKER, GtkWidget)

GtkWidget *prehab_day_picker_new      (void);
guint      prehab_day_picker_get_days (PrehabDayPicker *self);
void       prehab_day_picker_set_days (PrehabDayPicker *self,
                                       guint            days);

G_END_DECLS
