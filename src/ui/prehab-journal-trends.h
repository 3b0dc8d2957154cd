/* prehab-journal-trends.h
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

#pragma once

#include <adwaita.h>

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_JOURNAL_TRENDS (prehab_journal_trends_get_type ())

G_DECLARE_FINAL_TYPE (PrehabJournalTrends, prehab_journal_trends, PREHAB, JOURNAL_TRENDS, GtkWidget)

gboolean prehab_journal_trends_update (PrehabJournalTrends  *self,
                                       PrehabStore          *store,
                                       GPtrArray            *entries,
                                       GPtrArray            *triggers,
                                       const char           *today,
                                       GError              **error);

G_END_DECLS
