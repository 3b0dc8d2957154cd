/* prehab-journal-item.c
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

#define G_LOG_DOMAIN "prehab-journal-item"

#include "config.h"

#include "prehab-journal-item.h"

/* One row of the Journal view's list: a pain entry and where it sits in its
 * day (the first row of a day shows the day's heading, the last closes its
 * card). The entry is not copied: the item keeps a reference to the array
 * the page loaded, so a list of ten years costs one load and one small
 * object per entry. */
struct _PrehabJournalItem
{
  GObject                parent_instance;

  GPtrArray             *entries;        /* owns entry */
  const PrehabPainEntry *entry;
  GHashTable            *trigger_names;  /* trigger key → translated name */
  char                  *day_title;
  gboolean               first_in_day;
  gboolean               last_in_day;
};

G_DEFINE_FINAL_TYPE (PrehabJournalItem, prehab_journal_item, G_TYPE_OBJECT)

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);

  return g_strv_equal (a, b);
}

static gboolean
entry_equal (const PrehabPainEntry *a,
             const PrehabPainEntry *b)
{
  return a->id == b->id &&
         a->pain == b->pain &&
         a->session_id == b->session_id &&
         g_strcmp0 (a->logged_at, b->logged_at) == 0 &&
         g_strcmp0 (a->context, b->context) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         strv_equal ((const char * const *) a->regions, (const char * const *) b->regions) &&
         strv_equal ((const char * const *) a->qualities, (const char * const *) b->qualities) &&
         strv_equal ((const char * const *) a->flags, (const char * const *) b->flags) &&
         strv_equal ((const char * const *) a->triggers, (const char * const *) b->triggers);
}

static void
prehab_journal_item_finalize (GObject *object)
{
  PrehabJournalItem *self = PREHAB_JOURNAL_ITEM (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->trigger_names, g_hash_table_unref);
  g_free (self->day_title);

  G_OBJECT_CLASS (prehab_journal_item_parent_class)->finalize (object);
}

static void
prehab_journal_item_class_init (PrehabJournalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prehab_journal_item_finalize;
}

static void
prehab_journal_item_init (PrehabJournalItem *self)
{
}

/**
 * prehab_journal_item_new:
 * @entries: the array that owns @entry; the item keeps a reference
 * @entry: the entry
 * @trigger_names: (nullable): trigger key → translated name; the item
 *   keeps a reference
 * @day_title: the heading of the entry's day, e.g. "Yesterday"
 * @first_in_day: whether the entry is the first row of its day
 * @last_in_day: whether it is the last
 *
 * Returns: (transfer full): a new item
 */
PrehabJournalItem *
prehab_journal_item_new (GPtrArray             *entries,
                         const PrehabPainEntry *entry,
                         GHashTable            *trigger_names,
                         const char            *day_title,
                         gboolean               first_in_day,
                         gboolean               last_in_day)
{
  PrehabJournalItem *self;

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (PREHAB_TYPE_JOURNAL_ITEM, NULL);
  self->entries = g_ptr_array_ref (entries);
  self->entry = entry;
  self->trigger_names = trigger_names ? g_hash_table_ref (trigger_names) : NULL;
  self->day_title = g_strdup (day_title);
  self->first_in_day = first_in_day;
  self->last_in_day = last_in_day;

  return self;
}

const PrehabPainEntry *
prehab_journal_item_get_entry (PrehabJournalItem *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), NULL);

  return self->entry;
}

gint64
prehab_journal_item_get_id (PrehabJournalItem *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), 0);

  return self->entry->id;
}

const char *
prehab_journal_item_get_day_title (PrehabJournalItem *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), NULL);

  return self->day_title;
}

gboolean
prehab_journal_item_is_first_in_day (PrehabJournalItem *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), FALSE);

  return self->first_in_day;
}

gboolean
prehab_journal_item_is_last_in_day (PrehabJournalItem *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), FALSE);

  return self->last_in_day;
}

/**
 * prehab_journal_item_get_trigger_name:
 * @self: an item
 * @key: a trigger key of the entry
 *
 * Returns: the trigger's translated name; @key itself for a trigger the
 *   journal does not list (the person's own triggers are their names)
 */
const char *
prehab_journal_item_get_trigger_name (PrehabJournalItem *self,
                                      const char        *key)
{
  const char *name;

  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  name = self->trigger_names ? g_hash_table_lookup (self->trigger_names, key) : NULL;
  return name != NULL ? name : key;
}

/**
 * prehab_journal_item_equal:
 * @self: an item
 * @other: another item
 *
 * Returns: whether both show the same: the same entry, unchanged, in the
 *   same place of the same day
 */
gboolean
prehab_journal_item_equal (PrehabJournalItem *self,
                           PrehabJournalItem *other)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (self), FALSE);
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ITEM (other), FALSE);

  return self->first_in_day == other->first_in_day &&
         self->last_in_day == other->last_in_day &&
         g_strcmp0 (self->day_title, other->day_title) == 0 &&
         entry_equal (self->entry, other->entry);
}

/**
 * prehab_journal_item_take_snapshot:
 * @self: an item in the list
 * @other: an equal item (prehab_journal_item_equal()) from a newer load
 *
 * Points @self at the newer load's copy of its entry, so that the older
 * load can be freed while the row, which shows the same, stays as it is.
 */
void
prehab_journal_item_take_snapshot (PrehabJournalItem *self,
                                   PrehabJournalItem *other)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_ITEM (self));
  g_return_if_fail (PREHAB_IS_JOURNAL_ITEM (other));

  if (self == other)
    return;

  g_ptr_array_ref (other->entries);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = other->entries;
  self->entry = other->entry;

  if (other->trigger_names != NULL)
    g_hash_table_ref (other->trigger_names);
  g_clear_pointer (&self->trigger_names, g_hash_table_unref);
  self->trigger_names = other->trigger_names;
}
