/* prehab-journal-entries.c
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

#define G_LOG_DOMAIN "prehab-journal-entries"

#include "config.h"

#include "prehab-journal-entries.h"

#include <glib/gi18n.h>

#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-journal-item.h"
#include "prehab-journal-row.h"
#include "prehab-vocabulary.h"

/* The Journal's "Entries" sub-page: a GtkListView over a GListStore of
 * PrehabJournalItem, newest first, one item per entry. The first entry of
 * a day shows the day's heading, so keyboard and screen-reader users move
 * from entry to entry, and ten years of entries cost one load and only the
 * rows on screen (GTK 4.8 has no list sections). A new load is compared
 * with the shown list and only what changed is replaced, so deleting,
 * restoring or editing an entry keeps the scroll position and the focus.
 *
 * A filter shows the entries naming one trigger or one body region. Delete
 * (the Delete key or a row's menu) removes an entry at once, with Undo in
 * a toast. */
struct _PrehabJournalEntries
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkLabel      *count_label;
  GtkWidget     *clear_button;
  GtkMenuButton *filter_button;
  GtkLabel      *filter_label;
  GtkStack      *list_stack;
  GtkListView   *list_view;
  AdwStatusPage *no_match_page;
  GMenu         *trigger_section;
  GMenu         *region_section;

  PrehabStore   *store;
  GListStore    *model;          /* of PrehabJournalItem */
  GPtrArray     *entries;        /* of PrehabPainEntry, oldest first */
  GPtrArray     *triggers;       /* of PrehabTrigger */
  GHashTable    *trigger_names;  /* key → translated name */
  GHashTable    *named_triggers; /* keys the entries name */
  GHashTable    *named_regions;  /* ids the entries name */
  char          *menu_signature; /* the filter menu's items, to skip rebuilding it */
  char          *filter;         /* "", "trigger:KEY" or "region:ID" */
  char          *today;
  guint          focus_position;
  guint          focus_tick_id;
};

G_DEFINE_FINAL_TYPE (PrehabJournalEntries, prehab_journal_entries, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define TRIGGER_PREFIX "trigger:"
#define REGION_PREFIX  "region:"

static void
report (PrehabJournalEntries *self,
        const GError         *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
}

/* The journal was written: whoever shows it reloads (the page, through
 * prehab_journal_entries_show()). */
static void
notify_changed (PrehabJournalEntries *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GDateTime *
date_time_from_date (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

/* "Today", "Yesterday", "Friday, 20 November", "Monday, 3 March 2025". */
static char *
dup_day_title (const char *date,
               const char *today)
{
  g_autoptr (GDateTime) time = date_time_from_date (date);
  g_autoptr (GDateTime) now = date_time_from_date (today);
  guint32 day = prehab_date_to_day (date);
  guint32 today_day = prehab_date_to_day (today);

  if (time == NULL)
    return g_strdup (date);
  if (day != 0 && day == today_day)
    return g_strdup (_("Today"));
  if (day != 0 && day + 1 == today_day)
    return g_strdup (_("Yesterday"));
  if (now != NULL && g_date_time_get_year (now) == g_date_time_get_year (time))
    /* Translators: a day heading of the journal in the current year; see
     * the format of g_date_time_format() */
    return g_date_time_format (time, _("%A, %-d %B"));

  /* Translators: a day heading of the journal in another year; see the
   * format of g_date_time_format() */
  return g_date_time_format (time, _("%A, %-d %B %Y"));
}

static gboolean
strv_contains (GStrv       strv,
               const char *value)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

static gboolean
matches_filter (PrehabJournalEntries  *self,
                const PrehabPainEntry *entry)
{
  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;
  if (g_str_has_prefix (self->filter, TRIGGER_PREFIX))
    return strv_contains (entry->triggers, self->filter + strlen (TRIGGER_PREFIX));
  if (g_str_has_prefix (self->filter, REGION_PREFIX))
    return strv_contains (entry->regions, self->filter + strlen (REGION_PREFIX));

  return TRUE;
}

/* The label of the filter, for its button and the empty state. */
static const char *
get_filter_label (PrehabJournalEntries *self)
{
  if (self->filter == NULL || *self->filter == '\0')
    return _("All Entries");
  if (g_str_has_prefix (self->filter, TRIGGER_PREFIX))
    {
      const char *key = self->filter + strlen (TRIGGER_PREFIX);
      const char *name = self->trigger_names ? g_hash_table_lookup (self->trigger_names, key) : NULL;

      return name != NULL ? name : key;
    }
  if (g_str_has_prefix (self->filter, REGION_PREFIX))
    return prehab_vocabulary_label (prehab_regions, self->filter + strlen (REGION_PREFIX));

  return self->filter;
}

static void take_journal (PrehabJournalEntries *self,
                          GPtrArray            *entries,
                          GPtrArray            *triggers,
                          const char           *today,
                          const char           *added_day);

/* Adds the items of one day's entries, @day_entries newest first. */
static void
add_day_items (PrehabJournalEntries *self,
               GPtrArray            *items,
               GPtrArray            *day_entries,
               const char           *day_title)
{
  for (guint j = 0; j < day_entries->len; j++)
    g_ptr_array_add (items, prehab_journal_item_new (self->entries, day_entries->pdata[j],
                                                     self->trigger_names, day_title,
                                                     j == 0, j + 1 == day_entries->len));
}

/* The items the list should show now: the entries that pass the filter,
 * newest first, each knowing its place in its day. */
static GPtrArray *
build_items (PrehabJournalEntries *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) day_entries = g_ptr_array_new ();
  g_autofree char *day_title = NULL;
  char current[11] = "";

  if (self->entries == NULL)
    return items;

  for (guint i = self->entries->len; i > 0; i--)
    {
      const PrehabPainEntry *entry = self->entries->pdata[i - 1];

      if (!matches_filter (self, entry))
        continue;

      if (strncmp (current, entry->logged_at, 10) != 0)
        {
          /* Close the previous day and open this one. */
          add_day_items (self, items, day_entries, day_title);
          g_ptr_array_set_size (day_entries, 0);
          g_strlcpy (current, entry->logged_at, sizeof current);
          g_free (day_title);
          day_title = dup_day_title (current, self->today);
        }
      g_ptr_array_add (day_entries, (gpointer) entry);
    }
  add_day_items (self, items, day_entries, day_title);

  return items;
}

static PrehabJournalItem *
get_model_item (PrehabJournalEntries *self,
                guint                 position)
{
  /* The store keeps its reference; the caller only borrows. */
  PrehabJournalItem *item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  g_object_unref (item);
  return item;
}

/* Replaces the @n_old items from @start with @wanted, but only the
 * changed middle of them, so that the rows around it, the scroll position
 * and the focus stay, and the rows that stay are not bound again. */
static void
update_model_range (PrehabJournalEntries *self,
                    guint                 start,
                    guint                 n_old,
                    GPtrArray            *wanted)
{
  guint n_new = wanted->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new &&
         prehab_journal_item_equal (get_model_item (self, start + prefix), wanted->pdata[prefix]))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         prehab_journal_item_equal (get_model_item (self, start + n_old - 1 - suffix),
                                    wanted->pdata[n_new - 1 - suffix]))
    suffix++;

  /* The rows that stay point at the new load, so the old one is freed. */
  for (guint i = 0; i < prefix; i++)
    prehab_journal_item_take_snapshot (get_model_item (self, start + i), wanted->pdata[i]);
  for (guint i = 0; i < suffix; i++)
    prehab_journal_item_take_snapshot (get_model_item (self, start + n_old - 1 - i),
                                       wanted->pdata[n_new - 1 - i]);

  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_store_splice (self->model, start + prefix, n_old - prefix - suffix,
                         wanted->pdata + prefix, n_new - prefix - suffix);
}

static void
update_model (PrehabJournalEntries *self,
              GPtrArray            *wanted)
{
  update_model_range (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)), wanted);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
add_named (GHashTable *set,
           char      **names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!g_hash_table_contains (set, names[i]))
      g_hash_table_add (set, g_strdup (names[i]));
}

/* Collects the triggers and regions the entries name: from all of them,
 * or, when @added_day is set, from the entries of that day only, the only
 * ones added since the last time. */
static void
collect_named (PrehabJournalEntries *self,
               const char           *added_day)
{
  guint first = 0;

  if (added_day == NULL || self->named_triggers == NULL)
    {
      g_clear_pointer (&self->named_triggers, g_hash_table_unref);
      g_clear_pointer (&self->named_regions, g_hash_table_unref);
      self->named_triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->named_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  else
    {
      first = self->entries->len;
      while (first > 0 &&
             strncmp (((const PrehabPainEntry *) self->entries->pdata[first - 1])->logged_at,
                      added_day, 10) >= 0)
        first--;
    }

  for (guint i = first; i < self->entries->len; i++)
    {
      const PrehabPainEntry *entry = self->entries->pdata[i];

      add_named (self->named_triggers, entry->triggers);
      add_named (self->named_regions, entry->regions);
    }
}

typedef struct
{
  char *label;
  char *target;
} FilterItem;

static void
filter_item_clear (gpointer data)
{
  FilterItem *item = data;

  g_free (item->label);
  g_free (item->target);
}

static void
append_filter_item (GArray     *items,
                    GString    *signature,
                    const char *label,
                    const char *prefix,
                    const char *key)
{
  FilterItem item = { g_strdup (label), g_strconcat (prefix, key, NULL) };

  g_array_append_val (items, item);
  g_string_append_printf (signature, "%s\x1f%s\x1e", item.target, item.label);
}

static void
fill_section (GMenu  *section,
              GArray *items)
{
  g_menu_remove_all (section);
  for (guint i = 0; i < items->len; i++)
    {
      const FilterItem *item = &g_array_index (items, FilterItem, i);
      g_autoptr (GMenuItem) menu_item = g_menu_item_new (item->label, NULL);

      g_menu_item_set_action_and_target_value (menu_item, "journal.filter",
                                               g_variant_new_string (item->target));
      g_menu_append_item (section, menu_item);
    }
}

/* @added_day: when set, the entries only gained some of that day. */
static void
update_filter_menu (PrehabJournalEntries *self,
                    const char           *added_day)
{
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) own = g_ptr_array_new ();
  g_autoptr (GArray) trigger_items = g_array_new (FALSE, FALSE, sizeof (FilterItem));
  g_autoptr (GArray) region_items = g_array_new (FALSE, FALSE, sizeof (FilterItem));
  g_autoptr (GString) signature = g_string_new (NULL);

  g_array_set_clear_func (trigger_items, filter_item_clear);
  g_array_set_clear_func (region_items, filter_item_clear);
  collect_named (self, added_day);

  /* Triggers in the journal's order (most used first), then any the list
   * does not have. */
  for (guint i = 0; self->triggers != NULL && i < self->triggers->len; i++)
    {
      const PrehabTrigger *trigger = self->triggers->pdata[i];
      const char *key = prehab_trigger_get_key (trigger);

      if (!g_hash_table_contains (self->named_triggers, key) || g_hash_table_contains (listed, key))
        continue;
      g_hash_table_add (listed, (gpointer) key);
      append_filter_item (trigger_items, signature, trigger->name, TRIGGER_PREFIX, key);
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->named_triggers);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (listed, key))
        g_ptr_array_add (own, key);
    g_ptr_array_sort (own, compare_names);
  }
  for (guint i = 0; i < own->len; i++)
    append_filter_item (trigger_items, signature, own->pdata[i], TRIGGER_PREFIX, own->pdata[i]);

  g_string_append_c (signature, '\x1d');
  for (guint i = 0; prehab_regions[i].id != NULL; i++)
    if (g_hash_table_contains (self->named_regions, prehab_regions[i].id))
      append_filter_item (region_items, signature,
                          prehab_vocabulary_label (prehab_regions, prehab_regions[i].id),
                          REGION_PREFIX, prehab_regions[i].id);

  /* A new menu rebuilds the filter's popover: only when it changed. */
  if (g_strcmp0 (signature->str, self->menu_signature) == 0)
    return;
  g_free (self->menu_signature);
  self->menu_signature = g_string_free (g_steal_pointer (&signature), FALSE);
  fill_section (self->trigger_section, trigger_items);
  fill_section (self->region_section, region_items);
}

static void
update_filter_state (PrehabJournalEntries *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint total = self->entries != NULL ? self->entries->len : 0;
  gboolean filtered = self->filter != NULL && *self->filter != '\0';
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  const char *label = get_filter_label (self);

  if (filtered)
    /* Translators: how many entries the filter shows, of all of them */
    count = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", total), shown, total);
  else
    count = g_strdup_printf (ngettext ("%u entry", "%u entries", total), total);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->clear_button, filtered);

  gtk_label_set_text (self->filter_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
  if (filtered)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filter-active");

  /* Translators: the empty state when no entry passes the filter; %s is a
   * trigger or a body region */
  description = g_markup_printf_escaped (_("No entry in the journal names “%s”."), label);
  adw_status_page_set_description (self->no_match_page, description);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-match");
}

static GtkWidget *
find_item_widget (PrehabJournalEntries *self,
                  PrehabJournalItem    *item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (PREHAB_IS_JOURNAL_ROW (row) && prehab_journal_row_get_item (PREHAB_JOURNAL_ROW (row)) == item)
        return child;
    }

  return NULL;
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  PrehabJournalEntries *self = PREHAB_JOURNAL_ENTRIES (user_data);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  GtkWidget *child;

  self->focus_tick_id = 0;
  if (n == 0)
    return G_SOURCE_REMOVE;

  child = find_item_widget (self, get_model_item (self, MIN (self->focus_position, n - 1)));
  if (child != NULL)
    gtk_widget_grab_focus (child);

  return G_SOURCE_REMOVE;
}

/* Keeps the keyboard in the list after a row went away: the row that took
 * its place takes the focus once it is on screen. */
static void
focus_position (PrehabJournalEntries *self,
                guint                 position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (n == 0)
    return;

  self->focus_position = MIN (position, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              self->focus_position);
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_tick_cb,
                                                        self, NULL);
}

static const PrehabPainEntry *
find_entry (PrehabJournalEntries *self,
            gint64                id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const PrehabPainEntry *entry = self->entries->pdata[i];

      if (entry->id == id)
        return entry;
    }

  return NULL;
}

static gboolean
find_position (PrehabJournalEntries *self,
               gint64                id,
               guint                *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < n; i++)
    if (prehab_journal_item_get_id (get_model_item (self, i)) == id)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

static void
on_undo_clicked_cb (AdwToast             *toast,
                    PrehabJournalEntries *self)
{
  g_autoptr (GError) error = NULL;
  const PrehabPainEntry *entry = g_object_get_data (G_OBJECT (toast), "entry");

  if (entry == NULL)
    return;

  if (!prehab_journal_restore_entry (self->store, entry, &error))
    {
      report (self, error);
      return;
    }

  notify_changed (self);
}

static void
delete_entry (PrehabJournalEntries *self,
              gint64                id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) copy = NULL;
  const PrehabPainEntry *entry = find_entry (self, id);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->list_view)) ||
                       gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) != NULL;
  GtkWidget *overlay;
  guint position = 0;
  gboolean shown;

  if (entry == NULL)
    return;

  copy = prehab_pain_entry_copy (entry);
  shown = find_position (self, id, &position);

  if (!prehab_journal_delete_entry (self->store, id, &error))
    {
      report (self, error);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Entry deleted"));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), "entry", g_steal_pointer (&copy),
                              (GDestroyNotify) prehab_pain_entry_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }

  notify_changed (self);
  if (shown && had_focus)
    focus_position (self, position);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  delete_entry (PREHAB_JOURNAL_ENTRIES (widget), g_variant_get_int64 (parameter));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  prehab_journal_entries_set_filter (PREHAB_JOURNAL_ENTRIES (widget), "");
}

/* The row of the list that has the keyboard focus, if any. */
static PrehabJournalItem *
get_focused_item (PrehabJournalEntries *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (gtk_widget_get_parent (focus) == GTK_WIDGET (self->list_view))
        {
          GtkWidget *row = gtk_widget_get_first_child (focus);

          if (PREHAB_IS_JOURNAL_ROW (row))
            return prehab_journal_row_get_item (PREHAB_JOURNAL_ROW (row));
          return NULL;
        }
    }

  return NULL;
}

static gboolean
on_delete_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PrehabJournalEntries *self = PREHAB_JOURNAL_ENTRIES (user_data);
  PrehabJournalItem *item = get_focused_item (self);

  if (item == NULL)
    return FALSE;

  delete_entry (self, prehab_journal_item_get_id (item));
  return TRUE;
}

static void
on_list_activate_cb (PrehabJournalEntries *self,
                     guint                 position)
{
  PrehabJournalItem *item;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;

  item = get_model_item (self, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-entry", "x",
                              prehab_journal_item_get_id (item));
}

static void
on_setup_cb (GtkListItemFactory *factory,
             GtkListItem        *list_item,
             PrehabJournalEntries *self)
{
  gtk_list_item_set_child (list_item, prehab_journal_row_new ());
}

static void
on_bind_cb (GtkListItemFactory *factory,
            GtkListItem        *list_item,
            PrehabJournalEntries *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *item_widget = gtk_widget_get_parent (row);

  prehab_journal_row_set_item (PREHAB_JOURNAL_ROW (row), gtk_list_item_get_item (list_item));

  /* GTK 4.8 has no accessible label for list items: the focusable item
   * widget is what a screen reader reads, so it takes the row's sentence. */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    prehab_journal_row_get_accessible_label (PREHAB_JOURNAL_ROW (row)),
                                    -1);
}

static void
on_unbind_cb (GtkListItemFactory *factory,
              GtkListItem        *list_item,
              PrehabJournalEntries *self)
{
  prehab_journal_row_set_item (PREHAB_JOURNAL_ROW (gtk_list_item_get_child (list_item)), NULL);
}


static void
prehab_journal_entries_dispose (GObject *object)
{
  PrehabJournalEntries *self = PREHAB_JOURNAL_ENTRIES (object);
  GtkWidget *child;

  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_JOURNAL_ENTRIES);
  /* The template's top box has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->model);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->triggers, g_ptr_array_unref);
  g_clear_pointer (&self->trigger_names, g_hash_table_unref);
  g_clear_pointer (&self->named_triggers, g_hash_table_unref);
  g_clear_pointer (&self->named_regions, g_hash_table_unref);

  G_OBJECT_CLASS (prehab_journal_entries_parent_class)->dispose (object);
}

static void
prehab_journal_entries_finalize (GObject *object)
{
  PrehabJournalEntries *self = PREHAB_JOURNAL_ENTRIES (object);

  g_free (self->filter);
  g_free (self->menu_signature);
  g_free (self->today);

  G_OBJECT_CLASS (prehab_journal_entries_parent_class)->finalize (object);
}

static void
prehab_journal_entries_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PrehabJournalEntries *self = PREHAB_JOURNAL_ENTRIES (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, prehab_journal_entries_get_filter (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_journal_entries_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PrehabJournalEntries *self = PREHAB_JOURNAL_ENTRIES (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      prehab_journal_entries_set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_journal_entries_class_init (PrehabJournalEntriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_journal_entries_dispose;
  object_class->finalize = prehab_journal_entries_finalize;
  object_class->get_property = prehab_journal_entries_get_property;
  object_class->set_property = prehab_journal_entries_set_property;

  /**
   * PrehabJournalEntries:filter:
   *
   * Which entries the list shows: "" for all, "trigger:KEY" for those
   * naming a trigger (its built-in id or the person's own name),
   * "region:ID" for those naming a body region.
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrehabJournalEntries::changed:
   *
   * Emitted after an entry was deleted or restored; the list shows it once
   * it is given the new entries (prehab_journal_entries_show()).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * PrehabJournalEntries::error:
   * @message: what went wrong, for the person
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-journal-entries.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, count_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, filter_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, list_view);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, trigger_section);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalEntries, region_section);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "journal.filter", "filter");
  gtk_widget_class_install_action (widget_class, "journal.clear-filter", NULL, clear_filter_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-entry", "x", delete_entry_action);
}

static void
prehab_journal_entries_init (PrehabJournalEntries *self)
{
  GtkListItemFactory *factory;
  GtkEventController *shortcuts;
  GtkShortcutAction *delete;

  /* The filter action reads the property while the template is built. */
  self->filter = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = prehab_date_dup_today ();
  self->model = g_list_store_new (PREHAB_TYPE_JOURNAL_ITEM);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))));

  /* Delete removes the focused entry, with Undo in the toast. */
  shortcuts = gtk_shortcut_controller_new ();
  delete = gtk_callback_action_new (on_delete_key_cb, self, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"),
                                                          delete));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  update_filter_state (self);
}

/**
 * prehab_journal_entries_set_store:
 * @self: the list
 * @store: the open store, where entries are deleted and restored
 */
void
prehab_journal_entries_set_store (PrehabJournalEntries *self,
                                  PrehabStore          *store)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_ENTRIES (self));
  g_return_if_fail (PREHAB_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * prehab_journal_entries_show:
 * @self: the list
 * @entries: (element-type PrehabPainEntry): every entry, oldest first; the
 *   list keeps a reference
 * @triggers: (element-type PrehabTrigger): the journal's triggers, for
 *   their names and the filter's order; the list keeps a reference
 * @today: YYYY-MM-DD, for "Today" and "Yesterday"
 *
 * Shows @entries, replacing only the rows that changed.
 */
void
prehab_journal_entries_show (PrehabJournalEntries *self,
                             GPtrArray            *entries,
                             GPtrArray            *triggers,
                             const char           *today)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_if_fail (PREHAB_IS_JOURNAL_ENTRIES (self));
  g_return_if_fail (entries != NULL);
  g_return_if_fail (triggers != NULL);
  g_return_if_fail (today != NULL);

  take_journal (self, entries, triggers, today, NULL);
  items = build_items (self);
  update_model (self, items);
  update_filter_state (self);
}

/* Day items of the model are newest first; finds where @day's start (or
 * would start) and how many there are. */
static guint
find_day_items (PrehabJournalEntries *self,
                const char           *day,
                guint                *n_items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint low = 0, high = n;
  guint end;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const PrehabPainEntry *entry = prehab_journal_item_get_entry (get_model_item (self, middle));

      if (strncmp (entry->logged_at, day, 10) > 0)
        low = middle + 1;
      else
        high = middle;
    }

  for (end = low; end < n; end++)
    {
      const PrehabPainEntry *entry = prehab_journal_item_get_entry (get_model_item (self, end));

      if (strncmp (entry->logged_at, day, 10) != 0)
        break;
    }

  *n_items = end - low;
  return low;
}

/**
 * prehab_journal_entries_show_day:
 * @self: the list
 * @entries: (element-type PrehabPainEntry): every entry, oldest first: the
 *   array shown, where entries were added on @day and no other changed
 * @triggers: (element-type PrehabTrigger): the journal's triggers
 * @today: YYYY-MM-DD
 * @day: YYYY-MM-DD, the day whose entries changed
 *
 * Like prehab_journal_entries_show(), but builds the rows of @day only:
 * logging an entry does not rebuild ten years of them.
 */
void
prehab_journal_entries_show_day (PrehabJournalEntries *self,
                                 GPtrArray            *entries,
                                 GPtrArray            *triggers,
                                 const char           *today,
                                 const char           *day)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) day_entries = NULL;
  g_autofree char *day_title = NULL;
  guint position, n_old;

  g_return_if_fail (PREHAB_IS_JOURNAL_ENTRIES (self));
  g_return_if_fail (entries != NULL);
  g_return_if_fail (triggers != NULL);
  g_return_if_fail (today != NULL);
  g_return_if_fail (day != NULL && strlen (day) >= 10);

  /* Another array, or another day (its "Today" and "Yesterday"): every
   * row may have changed. */
  if (entries != self->entries || g_strcmp0 (today, self->today) != 0)
    {
      prehab_journal_entries_show (self, entries, triggers, today);
      return;
    }

  take_journal (self, entries, triggers, today, day);

  day_entries = g_ptr_array_new ();
  for (guint i = entries->len; i > 0; i--)
    {
      const PrehabPainEntry *entry = entries->pdata[i - 1];
      int order = strncmp (entry->logged_at, day, 10);

      if (order < 0)
        break;
      if (order == 0 && matches_filter (self, entry))
        g_ptr_array_add (day_entries, (gpointer) entry);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (day_entries->len > 0)
    {
      char date[11];

      g_strlcpy (date, day, sizeof date);
      day_title = dup_day_title (date, today);
      add_day_items (self, items, day_entries, day_title);
    }

  position = find_day_items (self, day, &n_old);
  update_model_range (self, position, n_old, items);
  update_filter_state (self);
}

static void
take_journal (PrehabJournalEntries *self,
              GPtrArray            *entries,
              GPtrArray            *triggers,
              const char           *today,
              const char           *added_day)
{
  g_ptr_array_ref (entries);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  g_ptr_array_ref (triggers);
  g_clear_pointer (&self->triggers, g_ptr_array_unref);
  self->triggers = triggers;
  g_free (self->today);
  self->today = g_strdup (today);

  g_clear_pointer (&self->trigger_names, g_hash_table_unref);
  self->trigger_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < triggers->len; i++)
    {
      const PrehabTrigger *trigger = triggers->pdata[i];

      g_hash_table_replace (self->trigger_names, g_strdup (prehab_trigger_get_key (trigger)),
                            g_strdup (trigger->name));
    }

  update_filter_menu (self, added_day);
}

/**
 * prehab_journal_entries_get_filter:
 * @self: the list
 *
 * Returns: the filter (see #PrehabJournalEntries:filter)
 */
const char *
prehab_journal_entries_get_filter (PrehabJournalEntries *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ENTRIES (self), NULL);

  return self->filter;
}

/**
 * prehab_journal_entries_set_filter:
 * @self: the list
 * @filter: (nullable): "" or %NULL for every entry, "trigger:KEY" or
 *   "region:ID"
 *
 * Shows only the entries that name a trigger or a region.
 */
void
prehab_journal_entries_set_filter (PrehabJournalEntries *self,
                                   const char           *filter)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_ENTRIES (self));

  if (filter == NULL)
    filter = "";
  if (g_strcmp0 (self->filter, filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (filter);

  if (self->entries != NULL)
    {
      g_autoptr (GPtrArray) items = build_items (self);

      /* A new filter is a new list, shown from its top. */
      g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                           items->pdata, items->len);
    }
  update_filter_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}
