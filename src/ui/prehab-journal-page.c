/* prehab-journal-page.c
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

#define G_LOG_DOMAIN "prehab-journal-page"

#include "config.h"

#include "prehab-journal-page.h"

#include <string.h>

#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-journal-entries.h"
#include "prehab-journal-trends.h"

/* The Journal view: an empty state until the first entry, then two
 * sub-pages behind a switcher, "Entries" (prehab-journal-entries.c) and
 * "Trends" (prehab-journal-trends.c). The page reads the journal once for
 * both; it reads it when it is on screen (a reload asked while it is
 * hidden only marks it out of date), and computes the trends only when
 * they are shown. */
struct _PrehabJournalPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkStack             *sub_stack;
  PrehabJournalEntries *entries;
  PrehabJournalTrends  *trends;

  PrehabStore          *store;
  GPtrArray            *loaded;        /* of PrehabPainEntry, oldest first */
  GPtrArray            *triggers;      /* of PrehabTrigger */
  char                 *today;
  gboolean              entries_dirty;
  gboolean              trends_dirty;
};

G_DEFINE_FINAL_TYPE (PrehabJournalPage, prehab_journal_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (PrehabJournalPage *self,
        const char        *message)
{
  g_warning ("%s", message);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
}

static gboolean
trends_shown (PrehabJournalPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->sub_stack), "trends") == 0;
}

static void
reload_entries (PrehabJournalPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autoptr (GPtrArray) triggers = NULL;

  self->entries_dirty = FALSE;
  g_free (self->today);
  self->today = prehab_date_dup_today ();

  loaded = prehab_journal_list_entries (self->store, NULL, NULL, &error);
  if (loaded != NULL)
    triggers = prehab_journal_list_triggers (self->store, &error);
  if (loaded == NULL || triggers == NULL)
    {
      report (self, error->message);
      return;
    }

  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  self->loaded = g_steal_pointer (&loaded);
  g_clear_pointer (&self->triggers, g_ptr_array_unref);
  self->triggers = g_steal_pointer (&triggers);

  prehab_journal_entries_show (self->entries, self->loaded, self->triggers, self->today);
  gtk_stack_set_visible_child_name (self->stack, self->loaded->len > 0 ? "journal" : "empty");
}

static void
reload_trends (PrehabJournalPage *self)
{
  g_autoptr (GError) error = NULL;

  self->trends_dirty = FALSE;
  if (self->loaded == NULL)
    return;

  if (!prehab_journal_trends_update (self->trends, self->store, self->loaded, self->triggers,
                                     self->today, &error))
    report (self, error->message);
}

static void
on_sub_page_changed_cb (PrehabJournalPage *self)
{
  if (trends_shown (self) && self->trends_dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_trends (self);
}

/* An entry was deleted or restored: the window reloads every view, this
 * one too; on its own, the page reloads itself. */
static void
on_entries_changed_cb (PrehabJournalPage *self)
{
  if (g_signal_has_handler_pending (self, signals[SIGNAL_CHANGED], 0, FALSE))
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  else
    prehab_journal_page_reload (self);
}

static void
on_entries_error_cb (PrehabJournalPage *self,
                     const char        *message)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
}

static void
prehab_journal_page_map (GtkWidget *widget)
{
  PrehabJournalPage *self = PREHAB_JOURNAL_PAGE (widget);

  GTK_WIDGET_CLASS (prehab_journal_page_parent_class)->map (widget);

  if (self->store == NULL)
    return;
  if (self->entries_dirty)
    reload_entries (self);
  if (self->trends_dirty && trends_shown (self))
    reload_trends (self);
}

static void
prehab_journal_page_dispose (GObject *object)
{
  PrehabJournalPage *self = PREHAB_JOURNAL_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_JOURNAL_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_pointer (&self->triggers, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_journal_page_parent_class)->dispose (object);
}

static void
prehab_journal_page_finalize (GObject *object)
{
  PrehabJournalPage *self = PREHAB_JOURNAL_PAGE (object);

  g_free (self->today);

  G_OBJECT_CLASS (prehab_journal_page_parent_class)->finalize (object);
}

static void
prehab_journal_page_class_init (PrehabJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_journal_page_dispose;
  object_class->finalize = prehab_journal_page_finalize;

  widget_class->map = prehab_journal_page_map;

  /**
   * PrehabJournalPage::changed:
   *
   * Emitted after the page wrote to the journal, so that every view
   * reloads (this one too: prehab_journal_page_reload()).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * PrehabJournalPage::error:
   * @message: what went wrong, for the person
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PREHAB_TYPE_JOURNAL_ENTRIES);
  g_type_ensure (PREHAB_TYPE_JOURNAL_TRENDS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-journal-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalPage, sub_stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalPage, entries);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalPage, trends);
  gtk_widget_class_bind_template_callback (widget_class, on_sub_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entries_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entries_error_cb);
}

static void
prehab_journal_page_init (PrehabJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * prehab_journal_page_set_store:
 * @self: the page
 * @store: the open store
 *
 * Gives the page its store; it shows the journal when it is mapped.
 */
void
prehab_journal_page_set_store (PrehabJournalPage *self,
                               PrehabStore       *store)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_PAGE (self));
  g_return_if_fail (PREHAB_IS_STORE (store));

  g_set_object (&self->store, store);
  prehab_journal_entries_set_store (self->entries, store);
  prehab_journal_page_reload (self);
}

/**
 * prehab_journal_page_reload:
 * @self: the page
 *
 * Reads the journal again: at once when the page is on screen, else when
 * it is next shown. The trends are computed when their sub-page is shown.
 */
void
prehab_journal_page_reload (PrehabJournalPage *self)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_PAGE (self));

  if (self->store == NULL)
    return;

  self->entries_dirty = TRUE;
  self->trends_dirty = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  reload_entries (self);
  if (trends_shown (self))
    reload_trends (self);
}

/* Where @entry goes in @entries, oldest first by time, then by id, as the
 * journal lists them. */
static guint
find_insert_position (GPtrArray             *entries,
                      const PrehabPainEntry *entry)
{
  guint position = entries->len;

  while (position > 0)
    {
      const PrehabPainEntry *before = entries->pdata[position - 1];
      int order = strcmp (before->logged_at, entry->logged_at);

      if (order < 0 || (order == 0 && before->id < entry->id))
        break;
      position--;
    }

  return position;
}

/**
 * prehab_journal_page_add_entry:
 * @self: the page
 * @entry_id: an entry just added to the journal
 *
 * Shows a new entry: on screen, by reading that entry alone and rebuilding
 * the rows of its day only; hidden, like prehab_journal_page_reload().
 */
void
prehab_journal_page_add_entry (PrehabJournalPage *self,
                               gint64             entry_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = NULL;
  g_autoptr (GPtrArray) triggers = NULL;
  g_autofree char *today = NULL;
  char day[11];
  guint position;

  g_return_if_fail (PREHAB_IS_JOURNAL_PAGE (self));

  today = prehab_date_dup_today ();
  if (self->store == NULL || self->loaded == NULL || self->entries_dirty ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || g_strcmp0 (today, self->today) != 0)
    {
      prehab_journal_page_reload (self);
      return;
    }

  for (guint i = 0; i < self->loaded->len; i++)
    if (((const PrehabPainEntry *) self->loaded->pdata[i])->id == entry_id)
      {
        prehab_journal_page_reload (self);
        return;
      }

  entry = prehab_journal_load_entry (self->store, entry_id, &error);
  if (entry != NULL)
    triggers = prehab_journal_list_triggers (self->store, &error);
  if (entry == NULL || triggers == NULL || strlen (entry->logged_at) < 10)
    {
      /* Read it all again, which says what went wrong. */
      prehab_journal_page_reload (self);
      return;
    }

  g_strlcpy (day, entry->logged_at, sizeof day);
  position = find_insert_position (self->loaded, entry);
  g_ptr_array_insert (self->loaded, position, g_steal_pointer (&entry));
  g_clear_pointer (&self->triggers, g_ptr_array_unref);
  self->triggers = g_steal_pointer (&triggers);

  prehab_journal_entries_show_day (self->entries, self->loaded, self->triggers, self->today, day);
  gtk_stack_set_visible_child_name (self->stack, "journal");

  self->trends_dirty = TRUE;
  if (trends_shown (self))
    reload_trends (self);
}

/**
 * prehab_journal_page_get_filter:
 * @self: the page
 *
 * Returns: the filter of the entries (see #PrehabJournalEntries:filter)
 */
const char *
prehab_journal_page_get_filter (PrehabJournalPage *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_PAGE (self), NULL);

  return prehab_journal_entries_get_filter (self->entries);
}

/**
 * prehab_journal_page_set_filter:
 * @self: the page
 * @filter: (nullable): "" or %NULL for every entry, "trigger:KEY" or
 *   "region:ID"
 *
 * Shows only the entries that name a trigger or a region.
 */
void
prehab_journal_page_set_filter (PrehabJournalPage *self,
                                const char        *filter)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_PAGE (self));

  prehab_journal_entries_set_filter (self->entries, filter);
}
