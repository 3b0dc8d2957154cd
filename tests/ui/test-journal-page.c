/* test-journal-page.c
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

/* The Journal view under a display, on a real store in a temporary folder:
 * the list by day, the filter, what activating a row asks of the window
 * (a "win" action group stands in for it), deleting, and a journal of ten
 * years, of which only the rows on screen are built. */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-journal-entries.h"
#include "prehab-journal-item.h"
#include "prehab-journal-page.h"
#include "prehab-journal-row.h"
#include "prehab-test-util.h"

#define TODAY "2026-01-07"  /* a Wednesday */

typedef struct
{
  char              *data_dir;
  PrehabStore       *store;
  GtkWidget         *window;
  PrehabJournalPage *page;
  GArray            *edited;     /* of gint64: win.edit-entry's targets */
  guint              n_log_pain;
  guint              n_changed;
} Fixture;

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
add_entry (Fixture    *fixture,
           const char *logged_at,
           int         pain,
           const char *region,
           const char *trigger)
{
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GError) error = NULL;
  const char *regions[] = { region, NULL };
  const char *triggers[] = { trigger, NULL };
  gint64 id;

  entry->logged_at = g_strdup (logged_at);
  g_free (entry->context);
  entry->context = g_strdup ("morning");
  entry->pain = pain;
  entry->regions = g_strdupv ((char **) regions);
  entry->triggers = g_strdupv ((char **) triggers);
  id = prehab_journal_add_entry (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
on_edit_entry_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  Fixture       *fixture)
{
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (fixture->edited, id);
}

static void
on_log_pain_cb (GSimpleAction *action,
                GVariant      *parameter,
                Fixture       *fixture)
{
  fixture->n_log_pain++;
}

static void
on_changed_cb (PrehabJournalPage *page,
               Fixture           *fixture)
{
  fixture->n_changed++;
  prehab_journal_page_reload (page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) edit = g_simple_action_new ("edit-entry", G_VARIANT_TYPE_INT64);
  g_autoptr (GSimpleAction) log_pain = g_simple_action_new ("log-pain", NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();

  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  fixture->data_dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->data_dir, &error);
  g_assert_no_error (error);
  fixture->edited = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (edit, "activate", G_CALLBACK (on_edit_entry_cb), fixture);
  g_signal_connect (log_pain, "activate", G_CALLBACK (on_log_pain_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (log_pain));

  fixture->page = g_object_new (PREHAB_TYPE_JOURNAL_PAGE, NULL);
  g_signal_connect (fixture->page, "changed", G_CALLBACK (on_changed_cb), fixture);
  fixture->window = gtk_window_new ();
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 600);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
}

static void
show_page (Fixture *fixture)
{
  prehab_journal_page_set_store (fixture->page, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (gtk_widget_get_width (GTK_WIDGET (fixture->page)) == 0)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  flush_events ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->edited, g_array_unref);
  prehab_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* A widget of the page, or of its "Entries" sub-page. */
static GObject *
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                  PREHAB_TYPE_JOURNAL_PAGE, name);

  if (child == NULL)
    {
      GObject *entries = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                        PREHAB_TYPE_JOURNAL_PAGE, "entries");

      child = gtk_widget_get_template_child (GTK_WIDGET (entries), PREHAB_TYPE_JOURNAL_ENTRIES, name);
    }
  g_assert_nonnull (child);
  return child;
}

static GListModel *
get_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (template_child (fixture, "list_view"))));
}

static PrehabJournalItem *
item_at (Fixture *fixture,
         guint    position)
{
  g_autoptr (PrehabJournalItem) item = g_list_model_get_item (get_model (fixture), position);

  g_assert_nonnull (item);
  return item;  /* the model keeps it */
}

static const char *
visible_page (Fixture    *fixture,
              const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, stack)));
}

/* The row widgets the list built, and the first whose entry is @id. */
static guint
count_rows (Fixture           *fixture,
            gint64             id,
            PrehabJournalRow **row)
{
  GtkWidget *list_view = GTK_WIDGET (template_child (fixture, "list_view"));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *widget = gtk_widget_get_first_child (child);

      if (!PREHAB_IS_JOURNAL_ROW (widget))
        continue;
      n++;
      if (row != NULL && prehab_journal_row_get_item (PREHAB_JOURNAL_ROW (widget)) != NULL &&
          prehab_journal_item_get_id (prehab_journal_row_get_item (PREHAB_JOURNAL_ROW (widget))) == id)
        *row = PREHAB_JOURNAL_ROW (widget);
    }

  return n;
}

static void
add_three_days (Fixture *fixture,
                gint64   ids[5])
{
  ids[0] = add_entry (fixture, "2026-01-05 08:00", 6, "neck", "computer-work");
  ids[1] = add_entry (fixture, "2026-01-06 08:00", 4, "neck", "sitting");
  ids[2] = add_entry (fixture, "2026-01-06 19:30", 7, "ribs", "computer-work");
  ids[3] = add_entry (fixture, "2026-01-07 00:00", 2, "neck", NULL);
  ids[4] = add_entry (fixture, "2025-12-31 09:00", 1, "low-back", NULL);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  GtkWidget *stack;
  GtkWidget *status;
  GtkWidget *button;

  show_page (fixture);
  g_assert_cmpstr (visible_page (fixture, "stack"), ==, "empty");

  /* Its button asks the window for the log dialog. */
  stack = GTK_WIDGET (template_child (fixture, "stack"));
  status = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_true (ADW_IS_STATUS_PAGE (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Entries Yet");
  button = adw_status_page_get_child (ADW_STATUS_PAGE (status));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.log-pain");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_cmpuint (fixture->n_log_pain, ==, 1);
}

static void
test_days (Fixture       *fixture,
           gconstpointer  user_data)
{
  gint64 ids[5];
  PrehabJournalRow *row = NULL;

  add_three_days (fixture, ids);
  show_page (fixture);

  g_assert_cmpstr (visible_page (fixture, "stack"), ==, "journal");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 5);

  /* Newest first; the first entry of a day carries its heading. */
  g_assert_cmpint (prehab_journal_item_get_id (item_at (fixture, 0)), ==, ids[3]);
  g_assert_cmpstr (prehab_journal_item_get_day_title (item_at (fixture, 0)), ==, "Today");
  g_assert_true (prehab_journal_item_is_first_in_day (item_at (fixture, 0)));
  g_assert_true (prehab_journal_item_is_last_in_day (item_at (fixture, 0)));

  g_assert_cmpint (prehab_journal_item_get_id (item_at (fixture, 1)), ==, ids[2]);
  g_assert_cmpstr (prehab_journal_item_get_day_title (item_at (fixture, 1)), ==, "Yesterday");
  g_assert_true (prehab_journal_item_is_first_in_day (item_at (fixture, 1)));
  g_assert_false (prehab_journal_item_is_last_in_day (item_at (fixture, 1)));
  g_assert_cmpint (prehab_journal_item_get_id (item_at (fixture, 2)), ==, ids[1]);
  g_assert_false (prehab_journal_item_is_first_in_day (item_at (fixture, 2)));
  g_assert_true (prehab_journal_item_is_last_in_day (item_at (fixture, 2)));

  g_assert_cmpstr (prehab_journal_item_get_day_title (item_at (fixture, 3)), ==, "Monday, 5 January");
  g_assert_cmpstr (prehab_journal_item_get_day_title (item_at (fixture, 4)), ==,
                   "Wednesday, 31 December 2025");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (fixture, "count_label"))), ==,
                   "5 entries");

  /* The row says it all in one sentence. */
  count_rows (fixture, ids[2], &row);
  g_assert_nonnull (row);
  g_assert_cmpstr (prehab_journal_row_get_accessible_label (row), ==,
                   "Yesterday, 19:30, Morning: pain 7 out of 10, High. Where: Ribs. "
                   "Triggers: Computer work.");
}

/* The list as it stands: id, day title and place in the day, per row. */
static char *
describe_list (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (get_model (fixture)); i++)
    {
      PrehabJournalItem *item = item_at (fixture, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %d%d;", prehab_journal_item_get_id (item),
                              prehab_journal_item_get_day_title (item),
                              prehab_journal_item_is_first_in_day (item),
                              prehab_journal_item_is_last_in_day (item));
    }
  g_string_append (text, gtk_label_get_text (GTK_LABEL (template_child (fixture, "count_label"))));

  return g_string_free (text, FALSE);
}

/* A new entry is added to the list shown without reading the journal
 * again; the list is then what a full read shows, the rows of other days
 * untouched. */
static void
test_add_entry (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *filters[] = { "", "trigger:computer-work" };
  gint64 ids[5];

  add_three_days (fixture, ids);
  show_page (fixture);

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      struct { const char *logged_at; const char *trigger; } added[] = {
        { "2026-01-07 09:15", "computer-work" },  /* today, after the last */
        { "2026-01-06 12:00", NULL },             /* inside a day */
        { "2026-01-03 10:00", "computer-work" },  /* a day of its own */
        { "2026-01-06 08:00", "computer-work" },  /* the same time as another */
      };

      prehab_journal_page_set_filter (fixture->page, filters[f]);
      for (guint i = 0; i < G_N_ELEMENTS (added); i++)
        {
          g_autofree char *incremental = NULL;
          g_autofree char *reloaded = NULL;
          g_autoptr (PrehabJournalItem) other_day = NULL;
          gint64 id;

          other_day = g_object_ref (item_at (fixture, g_list_model_get_n_items (get_model (fixture)) - 1));
          id = add_entry (fixture, added[i].logged_at, 5, "neck", added[i].trigger);
          prehab_journal_page_add_entry (fixture->page, id);
          flush_events ();
          incremental = describe_list (fixture);
          /* The oldest row, of another day, keeps its item. */
          if (strncmp (prehab_journal_item_get_entry (other_day)->logged_at, added[i].logged_at, 10) != 0)
            g_assert_true (item_at (fixture, g_list_model_get_n_items (get_model (fixture)) - 1) == other_day);

          prehab_journal_page_reload (fixture->page);
          flush_events ();
          reloaded = describe_list (fixture);
          g_assert_cmpstr (incremental, ==, reloaded);
        }
    }
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 ids[5];
  GtkLabel *count;

  add_three_days (fixture, ids);
  show_page (fixture);
  count = GTK_LABEL (template_child (fixture, "count_label"));

  prehab_journal_page_set_filter (fixture->page, "trigger:computer-work");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 2);
  g_assert_cmpint (prehab_journal_item_get_id (item_at (fixture, 0)), ==, ids[2]);
  g_assert_cmpint (prehab_journal_item_get_id (item_at (fixture, 1)), ==, ids[0]);
  /* Each is alone in its day now. */
  g_assert_true (prehab_journal_item_is_first_in_day (item_at (fixture, 0)));
  g_assert_true (prehab_journal_item_is_last_in_day (item_at (fixture, 0)));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2 of 5 entries");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (fixture, "filter_label"))), ==,
                   "Computer work");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture, "clear_button"))));

  prehab_journal_page_set_filter (fixture->page, "region:neck");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "3 of 5 entries");

  /* Nothing matches: the empty state says so and offers to clear. */
  prehab_journal_page_set_filter (fixture->page, "region:arm-left");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 0);
  g_assert_cmpstr (visible_page (fixture, "list_stack"), ==, "no-match");

  gtk_widget_activate_action (GTK_WIDGET (template_child (fixture, "list_view")),
                              "journal.clear-filter", NULL);
  g_assert_cmpstr (prehab_journal_page_get_filter (fixture->page), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 5);
  g_assert_cmpstr (visible_page (fixture, "list_stack"), ==, "list");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "5 entries");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture, "clear_button"))));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  user_data)
{
  gint64 ids[5];
  GtkWidget *list_view;

  add_three_days (fixture, ids);
  show_page (fixture);
  list_view = GTK_WIDGET (template_child (fixture, "list_view"));

  /* Activating a row (Enter or a click) asks the window to edit it. */
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 1));
  flush_events ();
  g_assert_cmpuint (fixture->edited->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->edited, gint64, 0), ==, ids[2]);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) gone = NULL;
  g_autoptr (PrehabJournalItem) first = NULL;
  g_autoptr (PrehabJournalItem) last = NULL;
  gint64 ids[5];

  add_three_days (fixture, ids);
  show_page (fixture);
  first = g_object_ref (item_at (fixture, 0));
  last = g_object_ref (item_at (fixture, 4));

  /* Yesterday's evening entry: yesterday's morning entry becomes the
   * first of its day. */
  gtk_widget_activate_action (GTK_WIDGET (template_child (fixture, "list_view")),
                              "journal.delete-entry", "x", ids[2]);
  flush_events ();

  gone = prehab_journal_load_entry (fixture->store, ids[2], &error);
  g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 4);
  g_assert_cmpint (prehab_journal_item_get_id (item_at (fixture, 1)), ==, ids[1]);
  g_assert_true (prehab_journal_item_is_first_in_day (item_at (fixture, 1)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (fixture, "count_label"))), ==,
                   "4 entries");

  /* The rows that did not change are the same rows: the list keeps its
   * place. */
  g_assert_true (item_at (fixture, 0) == first);
  g_assert_true (item_at (fixture, 3) == last);
}

/* Ten years of entries: one list item per entry, rows only for the
 * screen. */
static gboolean
add_many_cb (PrehabStore  *store,
             gpointer      user_data,
             GError      **error)
{
  Fixture *fixture = user_data;
  guint32 today = prehab_date_to_day (TODAY);

  for (guint i = 0; i < 3650; i++)
    {
      g_autofree char *date = prehab_day_to_date (today - 1 - i);
      const char *times[] = { "07:30", "13:00", "21:15" };

      for (guint j = 0; j < G_N_ELEMENTS (times); j++)
        {
          g_autofree char *at = g_strdup_printf ("%s %s", date, times[j]);

          add_entry (fixture, at, (int) ((i + j) % 11), j == 1 ? "ribs" : "neck",
                     j == 2 ? "computer-work" : NULL);
        }
    }

  return TRUE;
}

static void
test_many (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = NULL;
  guint n_rows;

  g_assert_true (prehab_store_transaction (fixture->store, add_many_cb, fixture, &error));
  g_assert_no_error (error);

  timer = g_timer_new ();
  show_page (fixture);
  g_test_message ("10 years shown in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);

  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 3 * 3650);
  /* GTK 4.8's list view keeps about 200 rows around the visible ones,
   * whatever the length of the list. */
  n_rows = count_rows (fixture, 0, NULL);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <=, 250);

  /* A reload that finds nothing new keeps every row. */
  {
    g_autoptr (PrehabJournalItem) first = g_object_ref (item_at (fixture, 0));

    g_timer_start (timer);
    prehab_journal_page_reload (fixture->page);
    g_test_message ("reloaded in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
    g_assert_true (item_at (fixture, 0) == first);
    g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 3 * 3650);
  }

  g_timer_start (timer);
  prehab_journal_page_set_filter (fixture->page, "trigger:computer-work");
  g_test_message ("filtered in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 3650);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/journal-page/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/journal-page/days", Fixture, NULL, fixture_set_up, test_days, fixture_tear_down);
  g_test_add ("/journal-page/add-entry", Fixture, NULL, fixture_set_up, test_add_entry, fixture_tear_down);
  g_test_add ("/journal-page/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/journal-page/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/journal-page/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/journal-page/many", Fixture, NULL, fixture_set_up, test_many, fixture_tear_down);

  return g_test_run ();
}
