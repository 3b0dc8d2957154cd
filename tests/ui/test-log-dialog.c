/* test-log-dialog.c
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

/* The Log Pain dialog under a display, on a temporary journal: editing an
 * entry the way win.edit-entry opens it (filled in, saved in place, its
 * time kept), and a new entry that needs a pain rating before it saves.
 * What was stored is read back through the core. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "prehab-body-map.h"
#include "prehab-catalog.h"
#include "prehab-date-chooser.h"
#include "prehab-journal.h"
#include "prehab-log-dialog.h"
#include "prehab-test-util.h"
#include "prehab-vocabulary.h"

#define TODAY "2026-01-07"

typedef struct
{
  char            *data_dir;
  PrehabStore     *store;
  PrehabLogDialog *dialog;
  gint64           saved_id;
  guint            n_saved;
} Fixture;

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_saved_cb (PrehabLogDialog *dialog,
             gint64           entry_id,
             Fixture         *fixture)
{
  fixture->n_saved++;
  fixture->saved_id = entry_id;
}

static void
on_destroy_cb (GtkWidget *widget,
               Fixture   *fixture)
{
  fixture->dialog = NULL;
}

static void
show_dialog (Fixture         *fixture,
             PrehabLogDialog *dialog)
{
  fixture->dialog = dialog;
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  fixture->data_dir = prehab_test_make_dir ();
  fixture->store = prehab_catalog_open_store (fixture->data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  flush_events ();
  g_clear_object (&fixture->store);
  prehab_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->dialog),
                                                  PREHAB_TYPE_LOG_DIALOG, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The toggle button that reads @label, under @root. */
static GtkToggleButton *
find_toggle (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return GTK_TOGGLE_BUTTON (child);
      found = find_toggle (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkToggleButton *
toggle (Fixture    *fixture,
        const char *label)
{
  GtkToggleButton *button = find_toggle (GTK_WIDGET (fixture->dialog), label);

  g_assert_nonnull (button);
  return button;
}

static gint64
add_entry (Fixture *fixture)
{
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GError) error = NULL;
  const char *regions[] = { "neck", "arm-left", NULL };
  const char *qualities[] = { "tingling", NULL };
  const char *triggers[] = { "computer-work", "Gardening", NULL };
  gint64 id;

  entry->logged_at = g_strdup ("2026-01-06 19:30");
  entry->pain = 5;
  g_free (entry->context);
  entry->context = g_strdup ("evening");
  g_free (entry->note);
  entry->note = g_strdup ("After the long drive home.\nStiff at night.");
  entry->regions = g_strdupv ((GStrv) regions);
  entry->qualities = g_strdupv ((GStrv) qualities);
  entry->triggers = g_strdupv ((GStrv) triggers);

  id = prehab_journal_add_entry (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
dup_joined (GStrv strv)
{
  return strv != NULL ? g_strjoinv (",", strv) : g_strdup ("");
}

static char *
dup_note (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (template_child (fixture, "note_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
count_entries (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = prehab_journal_list_entries (fixture->store, NULL, NULL, &error);

  g_assert_no_error (error);
  return entries->len;
}

static void
save (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "log.save", NULL));
  flush_events ();
}

/* ---------------------------------------------------------------- tests */

static void
test_edit_shows_entry (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) regions = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;
  gint64 id = add_entry (fixture);
  PrehabLogDialog *dialog;
  GtkWidget *guidance;

  dialog = prehab_log_dialog_new_for_entry (fixture->store, id, &error);
  g_assert_no_error (error);
  show_dialog (fixture, dialog);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Entry");
  g_assert_cmpint (prehab_log_dialog_get_entry_id (dialog), ==, id);
  g_assert_cmpint (prehab_log_dialog_get_pain (dialog), ==, 5);
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "5")));
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Evening")));
  g_assert_false (gtk_toggle_button_get_active (toggle (fixture, "Morning")));

  regions = prehab_body_map_dup_selected (PREHAB_BODY_MAP (template_child (fixture, "body_map")));
  joined = dup_joined (regions);
  g_assert_cmpstr (joined, ==, "neck,arm-left");

  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Tingling")));
  g_assert_false (gtk_toggle_button_get_active (toggle (fixture, "Sharp")));
  guidance = template_child (fixture, "guidance_revealer");
  g_assert_true (gtk_widget_get_visible (guidance));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (guidance)));

  /* A built-in trigger by its translated name, one's own by its own. */
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Computer work")));
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Gardening")));
  g_assert_false (gtk_toggle_button_get_active (toggle (fixture, "Driving")));

  note = dup_note (fixture);
  g_assert_cmpstr (note, ==, "After the long drive home.\nStiff at night.");

  g_assert_cmpstr (prehab_date_chooser_get_date (PREHAB_DATE_CHOOSER (template_child (fixture, "date_chooser"))),
                   ==, "2026-01-06");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (template_child (fixture, "hour_spin"))), ==, 19);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (template_child (fixture, "minute_spin"))), ==, 30);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "time_error")));
}

static void
test_edit_saves_in_place (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) stored = NULL;
  g_autofree char *qualities = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *triggers = NULL;
  gint64 id = add_entry (fixture);

  show_dialog (fixture, prehab_log_dialog_new_for_entry (fixture->store, id, &error));
  g_assert_no_error (error);

  prehab_log_dialog_set_pain (fixture->dialog, 2);
  gtk_toggle_button_set_active (toggle (fixture, "Tingling"), FALSE);
  gtk_toggle_button_set_active (toggle (fixture, "Stiffness"), TRUE);
  gtk_toggle_button_set_active (toggle (fixture, "Left arm"), FALSE);
  gtk_toggle_button_set_active (toggle (fixture, "Morning"), TRUE);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "error_box")));

  save (fixture);

  /* Saved in place: the same id, no second entry, and the dialog closed. */
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (count_entries (fixture), ==, 1);

  stored = prehab_journal_load_entry (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->pain, ==, 2);
  g_assert_cmpstr (stored->context, ==, "morning");
  qualities = dup_joined (stored->qualities);
  g_assert_cmpstr (qualities, ==, "stiffness");
  regions = dup_joined (stored->regions);
  g_assert_cmpstr (regions, ==, "neck");

  /* What was not touched stays as it was, the time included. */
  g_assert_cmpstr (stored->logged_at, ==, "2026-01-06 19:30");
  g_assert_cmpstr (stored->note, ==, "After the long drive home.\nStiff at night.");
  triggers = dup_joined (stored->triggers);
  g_assert_true (strstr (triggers, "computer-work") != NULL);
  g_assert_true (strstr (triggers, "Gardening") != NULL);
  g_assert_cmpuint (g_strv_length (stored->triggers), ==, 2);
}

static void
test_edit_missing_entry (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (prehab_log_dialog_new_for_entry (fixture->store, 4242, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
test_new_needs_pain (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  PrehabPainEntry *entry;
  GtkWidget *error_box;

  show_dialog (fixture, prehab_log_dialog_new (fixture->store));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Log Pain");
  g_assert_cmpint (prehab_log_dialog_get_entry_id (fixture->dialog), ==, 0);
  g_assert_cmpint (prehab_log_dialog_get_pain (fixture->dialog), ==, -1);

  /* No rating chosen: saying so, writing nothing, keeping what was picked. */
  gtk_toggle_button_set_active (toggle (fixture, "Ribs"), TRUE);
  save (fixture);
  error_box = template_child (fixture, "error_box");
  g_assert_nonnull (fixture->dialog);
  g_assert_true (gtk_widget_get_visible (error_box));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_entries (fixture), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Ribs")));

  /* A typed trigger not yet added with Enter is saved too. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (fixture, "trigger_entry")), "  carrying the baby ");
  prehab_log_dialog_set_pain (fixture->dialog, 0);
  save (fixture);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  entries = prehab_journal_list_entries (fixture->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpint (entry->id, ==, fixture->saved_id);
  g_assert_cmpint (entry->pain, ==, 0);
  g_assert_true (g_str_has_prefix (entry->logged_at, TODAY " "));
  g_assert_cmpuint (g_strv_length (entry->regions), ==, 1);
  g_assert_cmpstr (entry->regions[0], ==, "ribs");
  g_assert_cmpuint (g_strv_length (entry->triggers), ==, 1);
  g_assert_cmpstr (entry->triggers[0], ==, "carrying the baby");
}

static void
test_new_typed_triggers (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *entry;
  GtkWidget *box;
  guint n_chips = 0, n_after = 0;

  show_dialog (fixture, prehab_log_dialog_new (fixture->store));
  entry = template_child (fixture, "trigger_entry");
  box = template_child (fixture, "trigger_box");
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    n_chips++;
  g_assert_cmpuint (n_chips, >=, 12);

  /* Blank: nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  /* Another case of a built-in trigger's name: that chip. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "DRIVING");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Driving")));
  /* A new one: a new chip, picked; the same again in other letters: no
   * second chip. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ärger at work");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (entry), "ärger AT WORK");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_toggle_button_get_active (toggle (fixture, "Ärger at work")));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    n_after++;
  g_assert_cmpuint (n_after, ==, n_chips + 1);
}

/* The warning signs' check boxes under @root, in order. */
static void
collect_checks (GtkWidget *root,
                GPtrArray *checks)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child))
        g_ptr_array_add (checks, child);
      collect_checks (child, checks);
    }
}

/* The rows of the warning signs are built only once their expander is
 * opened (a collapsed expander still measures its rows); every one of them
 * is there then, and stays when it closes again; editing an entry with a
 * warning sign opens it. */
static void
test_new_warning_signs_when_expanded (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  guint n_flags = 0;
  GtkWidget *flags_row;

  while (prehab_red_flags[n_flags].id != NULL)
    n_flags++;

  show_dialog (fixture, prehab_log_dialog_new (fixture->store));
  flags_row = template_child (fixture, "flags_row");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (flags_row)));
  collect_checks (flags_row, checks);
  g_assert_cmpuint (checks->len, ==, 0);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (flags_row), TRUE);
  flush_events ();
  collect_checks (flags_row, checks);
  g_assert_cmpuint (checks->len, ==, n_flags);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_widget_is_visible (checks->pdata[i]));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (flags_row), FALSE);
  flush_events ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (flags_row), TRUE);
  flush_events ();
  g_ptr_array_set_size (checks, 0);
  collect_checks (flags_row, checks);
  g_assert_cmpuint (checks->len, ==, n_flags);

  /* A box ticked is saved. */
  gtk_check_button_set_active (checks->pdata[n_flags - 1], TRUE);
  prehab_log_dialog_set_pain (fixture->dialog, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "log.save", NULL);
  flush_events ();
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PrehabPainEntry) stored = prehab_journal_load_entry (fixture->store, fixture->saved_id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (stored->flags);
    g_assert_cmpstr (stored->flags[0], ==, prehab_red_flags[n_flags - 1].id);
    g_assert_null (stored->flags[1]);
  }
}

static void
test_edit_warning_signs_shown (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  const char *flags[] = { "fever", NULL };
  PrehabLogDialog *dialog;
  guint shown = 0, ticked = 0;
  gint64 id;

  entry->logged_at = g_strdup ("2026-01-06 09:00");
  entry->pain = 4;
  g_free (entry->context);
  entry->context = g_strdup ("morning");
  entry->flags = g_strdupv ((GStrv) flags);
  id = prehab_journal_add_entry (fixture->store, entry, &error);
  g_assert_no_error (error);

  dialog = prehab_log_dialog_new_for_entry (fixture->store, id, &error);
  g_assert_no_error (error);
  show_dialog (fixture, dialog);
  collect_checks (template_child (fixture, "flags_row"), checks);
  for (guint i = 0; i < checks->len; i++)
    {
      shown += gtk_widget_is_visible (checks->pdata[i]);
      ticked += gtk_check_button_get_active (checks->pdata[i]);
    }
  g_assert_cmpuint (shown, ==, checks->len);
  g_assert_cmpuint (ticked, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/log-dialog/edit/shows-entry", test_edit_shows_entry);
  ADD ("/log-dialog/edit/saves-in-place", test_edit_saves_in_place);
  ADD ("/log-dialog/edit/missing-entry", test_edit_missing_entry);
  ADD ("/log-dialog/new/needs-pain", test_new_needs_pain);
  ADD ("/log-dialog/new/typed-triggers", test_new_typed_triggers);
  ADD ("/log-dialog/new/warning-signs-when-expanded", test_new_warning_signs_when_expanded);
  ADD ("/log-dialog/edit/warning-signs-shown", test_edit_warning_signs_shown);

#undef ADD

  return g_test_run ();
}
