/* prehab-player-stage.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Two children side by side when there is room, one above the other when
 * there is not: the player's figure and its counter. Children come from
 * the template (or gtk_widget_set_parent()), first one first. */

#define PREHAB_TYPE_PLAYER_STAGE (prehab_player_stage_get_type ())

G_DECLARE_FINAL_TYPE (PrehabPlayerStage, prehab_player_stage, PREHAB, PLAYER_STAGE, GtkWidget)

G_END_DECLS
