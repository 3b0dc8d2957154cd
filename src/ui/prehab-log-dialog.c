/* prehab-log-dialog.c
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

#define G_LOG_DOMAIN "prehab-log-dialog"

#include "config.h"

#include "prehab-log-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-log-dialog-private.h"
#include "prehab-vocabulary.h"

/* A pain rating for the journal, new or edited: pain 0 to 10, when, where,
 * how it feels, warning signs, triggers, a note, and the time (now unless
 * changed). Built for the keyboard: focus starts on the pain scale, a digit
 * sets the pain anywhere outside a text field, Ctrl+Enter saves and Escape
 * cancels. */

G_DEFINE_FINAL_TYPE (PrehabLogDialog, prehab_log_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Morning from 04:00 to 11:59, evening from 18:00 to 03:59, otherwise
 * "other": the planner reads morning ratings as the day's baseline. */
static const char *
context_for_hour (int hour)
{
  if (hour >= 4 && hour < 12)
    return "morning";
  if (hour >= 18 || hour < 4)
    return "evening";
  return "other";
}

static void
on_trigger_entry_activate_cb (PrehabLogDialog *self)
{
  prehab_log_dialog_add_typed_trigger (self);
}

/* ------------------------------------------------------ date and time */

static char *
dup_chosen_time (PrehabLogDialog *self)
{
  return g_strdup_printf ("%s %02d:%02d",
                          prehab_date_chooser_get_date (self->date_chooser),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
}

/* The time the entry is saved with: now, unless the person chose one. */
static char *
dup_logged_at (PrehabLogDialog *self)
{
  if (!self->time_chosen)
    return prehab_date_dup_now ();

  return dup_chosen_time (self);
}

static void
show_time (PrehabLogDialog *self,
           const char      *logged_at)
{
  int year, month, day, hour, minute;

  if (sscanf (logged_at, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) != 5)
    return;

  self->loading = TRUE;
  prehab_date_chooser_set_date (self->date_chooser, logged_at);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  self->loading = FALSE;
}

static void
update_time (PrehabLogDialog *self)
{
  g_autofree char *now = prehab_date_dup_now ();
  g_autofree char *chosen = dup_chosen_time (self);
  g_autofree char *subtitle = NULL;
  const char *date = prehab_date_chooser_get_date (self->date_chooser);
  gboolean future = prehab_date_chooser_get_valid (self->date_chooser) && strcmp (chosen, now) > 0;

  gtk_widget_set_visible (self->time_error, future);

  if (!self->time_chosen)
    {
      /* Translators: the time of a new pain rating when none was chosen */
      subtitle = g_strdup (_("Now"));
    }
  else
    {
      g_autoptr (GDateTime) when = g_date_time_new_local (atoi (date), atoi (date + 5), atoi (date + 8),
                                                          gtk_spin_button_get_value_as_int (self->hour_spin),
                                                          gtk_spin_button_get_value_as_int (self->minute_spin),
                                                          0);
      g_autofree char *today = prehab_date_dup_today ();

      if (when == NULL)
        subtitle = g_strdup (chosen);
      else if (g_str_equal (date, today))
        /* Translators: a time today; see g_date_time_format() for the codes */
        subtitle = g_date_time_format (when, _("Today at %H:%M"));
      else
        /* Translators: a date and time, e.g. "Monday 5 January 2026 at 14:05";
         * see g_date_time_format() for the codes */
        subtitle = g_date_time_format (when, _("%A %-e %B %Y at %H:%M"));
    }
  adw_expander_row_set_subtitle (self->time_row, subtitle);
}

static void
on_time_changed_cb (PrehabLogDialog *self)
{
  if (self->loading)
    return;

  self->time_chosen = TRUE;
  if (!self->context_chosen && self->original == NULL)
    {
      self->loading = TRUE;
      prehab_log_dialog_set_context (self, context_for_hour (gtk_spin_button_get_value_as_int (self->hour_spin)));
      self->loading = FALSE;
    }
  update_time (self);
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* --------------------------------------------------------------- save */

static PrehabPainEntry *
collect_entry (PrehabLogDialog *self)
{
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GStrvBuilder) flags = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) qualities = g_strv_builder_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  if (self->original != NULL)
    {
      entry->id = self->original->id;
      entry->session_id = self->original->session_id;
    }

  entry->logged_at = dup_logged_at (self);
  entry->pain = self->pain;
  g_free (entry->context);
  entry->context = g_strdup (prehab_log_dialog_get_context (self));
  entry->regions = prehab_body_map_dup_selected (self->body_map);
  for (guint i = 0; i < self->quality_buttons->len; i++)
    if (gtk_toggle_button_get_active (self->quality_buttons->pdata[i]))
      g_strv_builder_add (qualities, prehab_qualities[i].id);
  entry->qualities = g_strv_builder_end (qualities);

  for (guint i = 0; i < self->flag_checks->len; i++)
    if (gtk_check_button_get_active (self->flag_checks->pdata[i]))
      g_strv_builder_add (flags, prehab_red_flags[i].id);
  entry->flags = g_strv_builder_end (flags);

  entry->triggers = prehab_log_dialog_dup_trigger_keys (self);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (entry->note);
  entry->note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_steal_pointer (&entry);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrehabLogDialog *self = PREHAB_LOG_DIALOG (widget);
  g_autoptr (PrehabPainEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  gtk_widget_set_visible (self->error_box, FALSE);

  /* A trigger typed but not added yet is meant too. */
  prehab_log_dialog_add_typed_trigger (self);

  if (self->pain < 0)
    {
      prehab_log_dialog_show_error (self, _("Choose how much it hurts, from 0 for no pain to 10 for the worst imaginable."));
      gtk_widget_grab_focus (prehab_log_dialog_get_pain_focus (self));
      return;
    }

  entry = collect_entry (self);
  if (self->original != NULL)
    id = prehab_journal_update_entry (self->store, entry, &error) ? entry->id : 0;
  else
    id = prehab_journal_add_entry (self->store, entry, &error);

  if (id == 0)
    {
      prehab_log_dialog_show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---------------------------------------------------------- the entry */

static void
fill_in (PrehabLogDialog       *self,
         const PrehabPainEntry *entry)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  self->loading = TRUE;

  prehab_log_dialog_set_pain (self, entry->pain);
  prehab_log_dialog_set_context (self, entry->context);
  prehab_body_map_set_selected (self->body_map, (const char * const *) entry->regions);

  for (guint i = 0; i < self->quality_buttons->len; i++)
    gtk_toggle_button_set_active (self->quality_buttons->pdata[i],
                                  entry->qualities != NULL &&
                                  g_strv_contains ((const char * const *) entry->qualities,
                                                   prehab_qualities[i].id));

  /* Expanded first: that builds the rows (see prehab_log_dialog_build_flags). */
  adw_expander_row_set_expanded (self->flags_row, entry->flags != NULL && entry->flags[0] != NULL);
  for (guint i = 0; i < self->flag_checks->len; i++)
    gtk_check_button_set_active (self->flag_checks->pdata[i],
                                 entry->flags != NULL &&
                                 g_strv_contains ((const char * const *) entry->flags,
                                                  prehab_red_flags[i].id));

  for (guint i = 0; entry->triggers != NULL && entry->triggers[i] != NULL; i++)
    prehab_log_dialog_pick_trigger (self, entry->triggers[i], entry->triggers[i]);

  gtk_text_buffer_set_text (buffer, entry->note != NULL ? entry->note : "", -1);

  self->loading = FALSE;

  show_time (self, entry->logged_at);
  self->context_chosen = TRUE;
  self->time_chosen = TRUE;
  update_time (self);
}

/* ---------------------------------------------------------- overrides */

/* On a small screen the dialog is no larger than the window it belongs to,
 * so that it fits on a phone, where that window fills the screen. */
static void
prehab_log_dialog_realize (GtkWidget *widget)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (widget), &width, &height);
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    gtk_window_set_default_size (GTK_WINDOW (widget),
                                 MIN (width, gtk_widget_get_width (GTK_WIDGET (parent))),
                                 MIN (height, gtk_widget_get_height (GTK_WIDGET (parent))));

  GTK_WIDGET_CLASS (prehab_log_dialog_parent_class)->realize (widget);
}

static void
prehab_log_dialog_dispose (GObject *object)
{
  PrehabLogDialog *self = PREHAB_LOG_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_LOG_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prehab_log_dialog_parent_class)->dispose (object);
}

static void
prehab_log_dialog_finalize (GObject *object)
{
  PrehabLogDialog *self = PREHAB_LOG_DIALOG (object);

  g_clear_pointer (&self->original, prehab_pain_entry_free);
  g_clear_pointer (&self->pain_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->context_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->quality_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->flag_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_log_dialog_parent_class)->finalize (object);
}

static void
prehab_log_dialog_class_init (PrehabLogDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_log_dialog_dispose;
  object_class->finalize = prehab_log_dialog_finalize;
  widget_class->realize = prehab_log_dialog_realize;

  /**
   * PrehabLogDialog::saved:
   * @entry_id: the id of the entry written
   *
   * Emitted when the entry was written, just before the dialog closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PREHAB_TYPE_BODY_MAP);
  g_type_ensure (PREHAB_TYPE_DATE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-log-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, pain_heading);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, pain_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, context_heading);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, context_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, region_heading);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, body_map);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, quality_heading);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, quality_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, guidance_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, guidance_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, flags_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, emergency_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, see_doctor_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, trigger_heading);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, trigger_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, trigger_entry);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, time_list);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, PrehabLogDialog, time_error);
  gtk_widget_class_bind_template_callback (widget_class, on_trigger_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);

  gtk_widget_class_install_action (widget_class, "log.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prehab_log_dialog_init (PrehabLogDialog *self)
{
  g_autofree char *now = prehab_date_dup_now ();
  GtkEventController *keys;
  GtkShortcutController *shortcuts;
  GtkShortcutAction *save;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pain = -1;
  self->last_digit = -1;
  self->pain_buttons = g_ptr_array_new ();
  self->context_buttons = g_ptr_array_new ();
  self->quality_buttons = g_ptr_array_new ();
  self->flag_checks = g_ptr_array_new ();

  prehab_log_dialog_build_pain_scale (self);
  prehab_log_dialog_build_contexts (self);
  prehab_log_dialog_build_qualities (self);
  prehab_log_dialog_build_flags (self);

  prehab_log_dialog_set_mnemonic_target (self->region_heading,
                       prehab_body_map_get_toggle (self->body_map, prehab_regions[0].id));
  prehab_log_dialog_set_mnemonic_target (self->quality_heading, self->quality_buttons->pdata[0]);
  prehab_log_dialog_set_mnemonic_target (self->trigger_heading, GTK_WIDGET (self->trigger_entry));

  g_signal_connect (self->guidance_revealer, "notify::child-revealed",
                    G_CALLBACK (prehab_log_dialog_on_child_revealed_cb), NULL);
  g_signal_connect (self->emergency_revealer, "notify::child-revealed",
                    G_CALLBACK (prehab_log_dialog_on_child_revealed_cb), NULL);
  g_signal_connect (self->see_doctor_revealer, "notify::child-revealed",
                    G_CALLBACK (prehab_log_dialog_on_child_revealed_cb), NULL);

  /* Ctrl+Enter saves from anywhere, the note included, which would take
   * it as a new line: so it is caught before the focused widget sees it. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  save = gtk_named_action_new ("log.save");
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          save));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (prehab_log_dialog_on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* A new entry: now, and the context of the hour. */
  show_time (self, now);
  self->loading = TRUE;
  prehab_log_dialog_set_context (self, context_for_hour (atoi (now + 11)));
  self->loading = FALSE;
  update_time (self);

  gtk_window_set_focus (GTK_WINDOW (self), self->pain_buttons->pdata[0]);
}

/* ---------------------------------------------------------- public API */

/**
 * prehab_log_dialog_new:
 * @store: the open store
 *
 * Returns: (transfer none): a dialog for a new pain entry, now; like every
 *   window it belongs to GTK until it is destroyed
 */
PrehabLogDialog *
prehab_log_dialog_new (PrehabStore *store)
{
  PrehabLogDialog *self;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  self = g_object_new (PREHAB_TYPE_LOG_DIALOG, NULL);
  self->store = g_object_ref (store);
  prehab_log_dialog_build_triggers (self);

  return self;
}

/**
 * prehab_log_dialog_new_for_entry:
 * @store: the open store
 * @entry_id: the entry to edit
 * @error: return location for an error
 *
 * Returns: (transfer none) (nullable): a dialog showing the entry, or
 *   %NULL when it cannot be read
 */
PrehabLogDialog *
prehab_log_dialog_new_for_entry (PrehabStore  *store,
                                 gint64        entry_id,
                                 GError      **error)
{
  g_autoptr (PrehabPainEntry) entry = NULL;
  PrehabLogDialog *self;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (entry_id > 0, NULL);

  entry = prehab_journal_load_entry (store, entry_id, error);
  if (entry == NULL)
    return NULL;

  self = prehab_log_dialog_new (store);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Entry"));
  fill_in (self, entry);
  self->original = g_steal_pointer (&entry);
  gtk_window_set_focus (GTK_WINDOW (self), prehab_log_dialog_get_pain_focus (self));

  return self;
}

/**
 * prehab_log_dialog_get_entry_id:
 * @self: the dialog
 *
 * Returns: the id of the entry being edited, or 0 for a new entry
 */
gint64
prehab_log_dialog_get_entry_id (PrehabLogDialog *self)
{
  g_return_val_if_fail (PREHAB_IS_LOG_DIALOG (self), 0);

  return self->original != NULL ? self->original->id : 0;
}

/**
 * prehab_log_dialog_get_pain:
 * @self: the dialog
 *
 * Returns: the chosen pain, 0 to 10, or -1 when none was chosen yet
 */
int
prehab_log_dialog_get_pain (PrehabLogDialog *self)
{
  g_return_val_if_fail (PREHAB_IS_LOG_DIALOG (self), -1);

  return self->pain;
}

void
prehab_log_dialog_set_pain (PrehabLogDialog *self,
                            int              pain)
{
  g_return_if_fail (PREHAB_IS_LOG_DIALOG (self));
  g_return_if_fail (pain >= 0 && pain <= 10);

  gtk_toggle_button_set_active (self->pain_buttons->pdata[pain], TRUE);
}
