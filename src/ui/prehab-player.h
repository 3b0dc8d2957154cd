/* prehab-player.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-runner.h"
#include "prehab-schedule.h"
#include "prehab-store.h"

G_BEGIN_DECLS

/* The guided session: a window that counts the session through for the
 * person (get ready, reps paced by breathing, holds, sides, rests), then
 * asks how it felt and records what was done. */

#define PREHAB_TYPE_PLAYER (prehab_player_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlayer, prehab_player, PREHAB, PLAYER, AdwWindow)

PrehabPlayer *prehab_player_new            (GtkWindow        *parent,
                                            PrehabStore      *store,
                                            const PrehabPlan *plan);
PrehabPlayer *prehab_player_new_for_runner (GtkWindow        *parent,
                                            PrehabStore      *store,
                                            const char       *date,
                                            PrehabRunner     *runner);
void          prehab_player_start          (PrehabPlayer     *self);
PrehabRunner *prehab_player_get_runner     (PrehabPlayer     *self);

G_END_DECLS
