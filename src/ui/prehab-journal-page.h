/* prehab-journal-page.h
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

#define PREHAB_TYPE_JOURNAL_PAGE (prehab_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (PrehabJournalPage, prehab_journal_page, PREHAB, JOURNAL_PAGE, GtkWidget)

void        prehab_journal_page_set_store  (PrehabJournalPage *self,
                                            PrehabStore       *store);
void        prehab_journal_page_add_entry  (PrehabJournalPage *self,
                                            gint64             entry_id);
void        prehab_journal_page_reload     (PrehabJournalPage *self);
const char *prehab_journal_page_get_filter (PrehabJournalPage *self);
void        prehab_journal_page_set_filter (PrehabJournalPage *self,
                                            const char        *filter);

G_END_DECLS
