/* prehab-window.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_WINDOW (prehab_window_get_type ())

G_DECLARE_FINAL_TYPE (PrehabWindow, prehab_window, PREHAB, WINDOW, AdwApplicationWindow)

PrehabWindow *prehab_window_new (gpointer     application,
                                 PrehabStore *store);
void          prehab_window_show_toast (PrehabWindow *self,
                                        const char   *message);

void          prehab_window_present_first_run (PrehabWindow *self);
void          prehab_window_reload            (PrehabWindow *self);

G_END_DECLS
