/* prehab-today-page.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_TODAY_PAGE (prehab_today_page_get_type ())

G_DECLARE_FINAL_TYPE (PrehabTodayPage, prehab_today_page, PREHAB, TODAY_PAGE, GtkWidget)

void prehab_today_page_set_store (PrehabTodayPage *self,
                                  PrehabStore     *store);
void prehab_today_page_reload    (PrehabTodayPage *self);

G_END_DECLS
