/* prehab-journal-row.h
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

#include <gtk/gtk.h>

#include "prehab-journal-item.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_JOURNAL_ROW (prehab_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (PrehabJournalRow, prehab_journal_row, PREHAB, JOURNAL_ROW, GtkWidget)

GtkWidget         *prehab_journal_row_new                  (void);
void               prehab_journal_row_set_item             (PrehabJournalRow  *self,
                                                            PrehabJournalItem *item);
PrehabJournalItem *prehab_journal_row_get_item             (PrehabJournalRow  *self);
const char        *prehab_journal_row_get_accessible_label (PrehabJournalRow  *self);
char              *prehab_journal_row_dup_time             (const char        *logged_at);

G_END_DECLS
