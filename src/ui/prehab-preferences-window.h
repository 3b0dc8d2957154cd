/* prehab-preferences-window.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_PREFERENCES_WINDOW (prehab_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPreferencesWindow, prehab_preferences_window, PREHAB, PREFERENCES_WINDOW, AdwPreferencesWindow)

PrehabPreferencesWindow *prehab_preferences_window_new (GtkWindow   *parent,
                                                        PrehabStore *store,
                                                        GSettings   *settings);

G_END_DECLS
