/* prehab-journal-entries.h
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

#define PREHAB_TYPE_JOURNAL_ENTRIES (prehab_journal_entries_get_type ())

G_DECLARE_FINAL_TYPE (PrehabJournalEntries, prehab_journal_entries, PREHAB, JOURNAL_ENTRIES, GtkWidget)

void        prehab_journal_entries_set_store  (PrehabJournalEntries *self,
                                               PrehabStore          *store);
void        prehab_journal_entries_show       (PrehabJournalEntries *self,
                                               GPtrArray            *entries,
                                               GPtrArray            *triggers,
                                               const char           *today);
void        prehab_journal_entries_show_day   (PrehabJournalEntries *self,
                                               GPtrArray            *entries,
                                               GPtrArray            *triggers,
                                               const char           *today,
                                               const char           *day);
const char *prehab_journal_entries_get_filter (PrehabJournalEntries *self);
void        prehab_journal_entries_set_filter (PrehabJournalEntries *self,
                                               const char           *filter);

G_END_DECLS
