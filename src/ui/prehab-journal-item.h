/* prehab-journal-item.h
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

#include <glib-object.h>

#include "prehab-journal.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_JOURNAL_ITEM (prehab_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (PrehabJournalItem, prehab_journal_item, PREHAB, JOURNAL_ITEM, GObject)

PrehabJournalItem     *prehab_journal_item_new             (GPtrArray             *entries,
                                                            const PrehabPainEntry *entry,
                                                            GHashTable            *trigger_names,
                                                            const char            *day_title,
                                                            gboolean               first_in_day,
                                                            gboolean               last_in_day);
const PrehabPainEntry *prehab_journal_item_get_entry       (PrehabJournalItem     *self);
gint64                 prehab_journal_item_get_id          (PrehabJournalItem     *self);
const char            *prehab_journal_item_get_day_title   (PrehabJournalItem     *self);
gboolean               prehab_journal_item_is_first_in_day (PrehabJournalItem     *self);
gboolean               prehab_journal_item_is_last_in_day  (PrehabJournalItem     *self);
const char            *prehab_journal_item_get_trigger_name (PrehabJournalItem    *self,
                                                            const char            *key);
gboolean               prehab_journal_item_equal           (PrehabJournalItem     *self,
                                                            PrehabJournalItem     *other);
void                   prehab_journal_item_take_snapshot   (PrehabJournalItem     *self,
                                                            PrehabJournalItem     *other);

G_END_DECLS
