/* prehab-log-dialog-sections.c
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

#include <glib/gi18n.h>
#include <string.h>

#include "prehab-body-map.h"
#include "prehab-journal.h"
#include "prehab-log-dialog-private.h"
#include "prehab-vocabulary.h"

/* The sections of the Log Pain dialog that are built from the vocabulary
 * and the store: the pain scale, when, how it feels, the warning signs and
 * the triggers, with what they do when picked. */

#define N_PAIN           11
#define TEN_WINDOW_USEC  (1500 * G_TIME_SPAN_MILLISECOND)

/* What to do about a kind of pain that can come from an irritated nerve or
 * that the plan reacts to; shown as soon as it is picked. */
static const struct
{
  const char *quality;
  const char *guidance;
} quality_guidance[] = {
  { "sharp", N_("Stop the movement that brought it on: some discomfort while exercising is fine, sharp pain is not. "
                "Logged during or after exercise, it swaps the day’s exercises for easier ones for a week.") },
  { "burning", N_("Burning can come from an irritated nerve. Ease off what brings it on. "
                  "Logged during or after exercise, it swaps the day’s exercises for easier ones for a week.") },
  { "tingling", N_("Pins and needles can come from an irritated nerve. Ease off and change position; logged during "
                   "or after exercise, it swaps the day’s exercises for easier ones for a week. If it spreads or is "
                   "in more than one place, see a doctor soon and tick it under Warning Signs.") },
  { "numbness", N_("New numbness needs a check. Stop exercising for now. Logged during or after exercise, "
                   "it pauses the plan until a clinician has seen you. If it spreads, tick it under Warning Signs.") },
};

/* ------------------------------------------------------------- helpers */

static char *
dup_folded (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static GtkWidget *
flow_box_append_chip (GtkFlowBox *box,
                      const char *label,
                      const char *key)
{
  GtkWidget *chip = gtk_toggle_button_new_with_label (label);
  GtkWidget *text = gtk_button_get_child (GTK_BUTTON (chip));

  /* A long name wraps rather than make every column of the flow box wide. */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (chip, "chip");
  g_object_set_data_full (G_OBJECT (chip), "key", g_strdup (key), g_free);
  gtk_flow_box_append (box, chip);
  /* Tab goes from chip to chip, not to the flow box's own children. */
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);

  return chip;
}

static GtkWidget *
chip_of (GtkWidget *flow_box_child)
{
  return gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (flow_box_child));
}

void
prehab_log_dialog_show_error (PrehabLogDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

/* A heading's mnemonic (Alt and its underlined letter) moves the focus to
 * @widget. GTK also makes the heading part of @widget's accessible name,
 * which would read "Neck Where": the heading names the group instead. */
void
prehab_log_dialog_set_mnemonic_target (GtkLabel  *heading,
                     GtkWidget *widget)
{
  gtk_label_set_mnemonic_widget (heading, widget);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A folded revealer is hidden as well, so that a screen reader does not
 * read what is not shown. */
void
prehab_log_dialog_on_child_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
reveal (GtkRevealer *revealer,
        gboolean     shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, shown);
  prehab_log_dialog_on_child_revealed_cb (revealer);
}

/* ------------------------------------------------- radio-like groups */

/* Pain and context are groups of toggle buttons of which one is chosen.
 * Like radio buttons, the group is one stop for Tab (the chosen button, or
 * @fallback) and the arrow keys move the choice. */
static void
update_roving_focus (GPtrArray *buttons,
                     guint      fallback)
{
  int chosen = -1;

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_toggle_button_get_active (buttons->pdata[i]))
      chosen = i;

  for (guint i = 0; i < buttons->len; i++)
    gtk_widget_set_focusable (buttons->pdata[i], (int) i == (chosen >= 0 ? chosen : (int) fallback));
}

static GtkWidget *
roving_focus_target (GPtrArray *buttons)
{
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_focusable (buttons->pdata[i]))
      return buttons->pdata[i];

  return buttons->pdata[0];
}

static gboolean
on_radio_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GPtrArray             *buttons)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean rtl = gtk_widget_get_direction (button) == GTK_TEXT_DIR_RTL;
  guint index = 0;
  int next;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      !g_ptr_array_find (buttons, button, &index))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = rtl ? (int) index + 1 : (int) index - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = rtl ? (int) index - 1 : (int) index + 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = (int) index - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = (int) index + 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      next = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      next = buttons->len - 1;
      break;
    default:
      return FALSE;
    }

  next = CLAMP (next, 0, (int) buttons->len - 1);
  gtk_toggle_button_set_active (buttons->pdata[next], TRUE);
  gtk_widget_grab_focus (buttons->pdata[next]);
  return TRUE;
}

static void
add_radio_keys (GtkWidget *button,
                GPtrArray *buttons)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_radio_key_pressed_cb), buttons);
  gtk_widget_add_controller (button, keys);
}

/* -------------------------------------------------------------- pain */

/* The pain button that Tab reaches: the chosen one, else 0. */
GtkWidget *
prehab_log_dialog_get_pain_focus (PrehabLogDialog *self)
{
  return roving_focus_target (self->pain_buttons);
}

static void
on_pain_toggled_cb (PrehabLogDialog *self,
                    GtkToggleButton *button)
{
  g_autofree char *value = NULL;
  guint index;

  if (!gtk_toggle_button_get_active (button) ||
      !g_ptr_array_find (self->pain_buttons, button, &index))
    return;

  self->pain = index;
  update_roving_focus (self->pain_buttons, 0);
  prehab_log_dialog_set_mnemonic_target (self->pain_heading, GTK_WIDGET (button));

  /* Translators: the chosen pain, e.g. "7 out of 10" */
  value = g_strdup_printf (_("%d out of 10"), self->pain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pain_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
}

void
prehab_log_dialog_build_pain_scale (PrehabLogDialog *self)
{
  for (int i = 0; i < N_PAIN; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      GtkWidget *button = gtk_toggle_button_new_with_label (number);
      const char *name = NULL;

      if (i == 0)
        /* Translators: accessible name of the 0 on the pain scale */
        name = _("0, no pain");
      else if (i == 5)
        /* Translators: accessible name of the 5 on the pain scale */
        name = _("5, moderate");
      else if (i == 10)
        /* Translators: accessible name of the 10 on the pain scale */
        name = _("10, worst imaginable");

      if (name != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          gtk_widget_set_tooltip_text (button, name);
        }
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->pain_buttons->pdata[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_pain_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      add_radio_keys (button, self->pain_buttons);
      gtk_box_append (self->pain_box, button);
      g_ptr_array_add (self->pain_buttons, button);
    }

  update_roving_focus (self->pain_buttons, 0);
  prehab_log_dialog_set_mnemonic_target (self->pain_heading, self->pain_buttons->pdata[0]);
}

/* A digit sets the pain from anywhere but a text field or the date and
 * time; "1" then "0" in quick succession makes 10. */
gboolean
prehab_log_dialog_on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   PrehabLogDialog       *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gint64 now = g_get_monotonic_time ();
  int digit;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  else
    return FALSE;

  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
       gtk_widget_is_ancestor (focus, self->time_list)))
    return FALSE;

  if (digit == 0 && self->last_digit == 1 && self->pain == 1 &&
      now - self->last_digit_time < TEN_WINDOW_USEC)
    digit = 10;
  self->last_digit = digit;
  self->last_digit_time = now;

  prehab_log_dialog_set_pain (self, digit);
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pain_box)))
    gtk_widget_grab_focus (self->pain_buttons->pdata[digit]);

  return TRUE;
}

/* ----------------------------------------------------------- context */

void
prehab_log_dialog_set_context (PrehabLogDialog *self,
             const char      *context)
{
  for (guint i = 0; i < self->context_buttons->len; i++)
    if (g_strcmp0 (prehab_contexts[i].id, context) == 0)
      gtk_toggle_button_set_active (self->context_buttons->pdata[i], TRUE);
}

const char *
prehab_log_dialog_get_context (PrehabLogDialog *self)
{
  for (guint i = 0; i < self->context_buttons->len; i++)
    if (gtk_toggle_button_get_active (self->context_buttons->pdata[i]))
      return prehab_contexts[i].id;

  return "other";
}

static void
on_context_toggled_cb (PrehabLogDialog *self,
                       GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  update_roving_focus (self->context_buttons, 0);
  prehab_log_dialog_set_mnemonic_target (self->context_heading, GTK_WIDGET (button));
  if (!self->loading)
    self->context_chosen = TRUE;
}

/* A row of linked buttons like the pain scale: one is chosen. Their labels
 * wrap on a narrow window. */
void
prehab_log_dialog_build_contexts (PrehabLogDialog *self)
{
  for (guint i = 0; prehab_contexts[i].id != NULL; i++)
    {
      const char *label = prehab_vocabulary_label (prehab_contexts, prehab_contexts[i].id);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);
      GtkWidget *text = gtk_button_get_child (GTK_BUTTON (button));

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (prehab_contexts[i].id), g_free);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->context_buttons->pdata[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_context_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      add_radio_keys (button, self->context_buttons);
      gtk_box_append (self->context_box, button);
      g_ptr_array_add (self->context_buttons, button);
    }
  update_roving_focus (self->context_buttons, 0);
}

/* --------------------------------------------------------- qualities */

static void
on_quality_toggled_cb (PrehabLogDialog *self)
{
  gboolean any = FALSE;

  for (GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (self->guidance_box));
       label != NULL; label = gtk_widget_get_next_sibling (label))
    any |= gtk_widget_get_visible (label);

  reveal (self->guidance_revealer, any);
}

void
prehab_log_dialog_build_qualities (PrehabLogDialog *self)
{
  for (guint i = 0; prehab_qualities[i].id != NULL; i++)
    {
      const char *id = prehab_qualities[i].id;
      const char *name = prehab_vocabulary_label (prehab_qualities, id);
      GtkWidget *chip = flow_box_append_chip (self->quality_box, name, id);

      g_ptr_array_add (self->quality_buttons, chip);

      for (guint j = 0; j < G_N_ELEMENTS (quality_guidance); j++)
        if (g_str_equal (quality_guidance[j].quality, id))
          {
            g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", name,
                                                               _(quality_guidance[j].guidance));
            GtkWidget *label = gtk_label_new (NULL);

            gtk_label_set_markup (GTK_LABEL (label), markup);
            gtk_label_set_wrap (GTK_LABEL (label), TRUE);
            gtk_label_set_xalign (GTK_LABEL (label), 0);
            gtk_widget_set_visible (label, FALSE);
            g_object_bind_property (chip, "active", label, "visible", G_BINDING_SYNC_CREATE);
            gtk_box_append (self->guidance_box, label);
          }

      /* After the bindings above have shown or hidden the guidance. */
      g_signal_connect_object (chip, "notify::active", G_CALLBACK (on_quality_toggled_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

/* ----------------------------------------------------- warning signs */

static void
on_flag_toggled_cb (PrehabLogDialog *self)
{
  gboolean emergency = FALSE, see_doctor = FALSE;

  for (guint i = 0; i < self->flag_checks->len; i++)
    if (gtk_check_button_get_active (self->flag_checks->pdata[i]))
      {
        if (prehab_red_flags[i].tier == PREHAB_RED_FLAG_EMERGENCY)
          emergency = TRUE;
        else
          see_doctor = TRUE;
      }

  reveal (self->emergency_revealer, emergency);
  reveal (self->see_doctor_revealer, see_doctor && !emergency);

  /* The tier's heading, next to the box just ticked, says what to do too. */
  if (emergency)
    gtk_widget_add_css_class (self->tier_rows[PREHAB_RED_FLAG_EMERGENCY], "alerting");
  else
    gtk_widget_remove_css_class (self->tier_rows[PREHAB_RED_FLAG_EMERGENCY], "alerting");
  if (see_doctor)
    gtk_widget_add_css_class (self->tier_rows[PREHAB_RED_FLAG_SEE_DOCTOR], "alerting");
  else
    gtk_widget_remove_css_class (self->tier_rows[PREHAB_RED_FLAG_SEE_DOCTOR], "alerting");
}

static GtkWidget *
add_tier_row (PrehabLogDialog *self,
              const char      *title,
              const char      *subtitle,
              const char      *icon_name,
              const char      *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "tier");
  gtk_widget_add_css_class (row, css_class);
  adw_expander_row_add_row (self->flags_row, row);

  return row;
}

/* "Fever, chills or night sweats?" says no more than its label. */
static gboolean
question_repeats_label (const char *question,
                        const char *label)
{
  g_autofree char *folded_question = dup_folded (question);
  g_autofree char *folded_label = dup_folded (label);
  gsize length = strlen (folded_label);

  return strncmp (folded_question, folded_label, length) == 0 &&
         (folded_question[length] == '\0' || g_str_equal (folded_question + length, "?"));
}

static void
build_flag_rows (PrehabLogDialog *self)
{
  PrehabRedFlagTier tier = PREHAB_RED_FLAG_SEE_DOCTOR;

  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    {
      const PrehabRedFlag *flag = &prehab_red_flags[i];
      GtkWidget *row, *check;

      if (i == 0 || flag->tier != tier)
        {
          tier = flag->tier;
          if (tier == PREHAB_RED_FLAG_EMERGENCY)
            self->tier_rows[tier] = add_tier_row (self, _("Call Your Local Emergency Number Now"),
                                                  _("If you have any of these"),
                                                  "dialog-error-symbolic", "emergency");
          else
            self->tier_rows[tier] = add_tier_row (self, _("See a Doctor Soon"),
                                                  _("Within the next few days, if you have any of these"),
                                                  "dialog-warning-symbolic", "see-doctor");
        }

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(flag->label));
      if (!question_repeats_label (_(flag->question), _(flag->label)))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(flag->question));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* The row names its check box; the question describes it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(flag->question),
                                      -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_flag_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->flags_row, row);
      g_ptr_array_add (self->flag_checks, check);
    }
}

/* A collapsed AdwExpanderRow still lays its rows out at full size (its
 * GtkRevealer measures them), and the warning signs' questions, long and
 * wrapped in AdwActionRows, took most of the dialog's layout when it
 * opened. So the rows are built when the row is first expanded; until
 * then no box is ticked, and flag_checks is empty. */
static void
on_flags_expanded_cb (PrehabLogDialog *self)
{
  if (!adw_expander_row_get_expanded (self->flags_row))
    return;

  g_signal_handlers_disconnect_by_func (self->flags_row, on_flags_expanded_cb, self);
  build_flag_rows (self);
}

/* Builds the warning signs' rows, now if flags_row is expanded, else when
 * it first is. */
void
prehab_log_dialog_build_flags (PrehabLogDialog *self)
{
  g_signal_connect_object (self->flags_row, "notify::expanded", G_CALLBACK (on_flags_expanded_cb),
                           self, G_CONNECT_SWAPPED);
  on_flags_expanded_cb (self);
}

/* ---------------------------------------------------------- triggers */

static GStrv
dup_active_keys (GPtrArray *buttons)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_toggle_button_get_active (buttons->pdata[i]))
      g_strv_builder_add (builder, g_object_get_data (buttons->pdata[i], "key"));

  return g_strv_builder_end (builder);
}


static GtkWidget *
find_trigger_chip (PrehabLogDialog *self,
                   const char      *name_or_key)
{
  g_autofree char *wanted = dup_folded (name_or_key);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->trigger_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = chip_of (child);
      g_autofree char *name = dup_folded (gtk_button_get_label (GTK_BUTTON (chip)));
      g_autofree char *key = dup_folded (g_object_get_data (G_OBJECT (chip), "key"));

      if (g_str_equal (name, wanted) || g_str_equal (key, wanted))
        return chip;
    }

  return NULL;
}

/**
 * prehab_log_dialog_pick_trigger:
 * @self: the dialog
 * @name: the chip's name, for a new chip
 * @key: a trigger's key (built-in id or name) or a name, in any case
 *
 * Picks the chip that @key names, adding one when none does.
 */
void
prehab_log_dialog_pick_trigger (PrehabLogDialog *self,
                                const char      *name,
                                const char      *key)
{
  GtkWidget *chip = find_trigger_chip (self, key);

  if (chip == NULL)
    chip = flow_box_append_chip (self->trigger_box, name, key);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), TRUE);
}

/* The keys of the picked triggers, in the order of the chips. */
GStrv
prehab_log_dialog_dup_trigger_keys (PrehabLogDialog *self)
{
  g_autoptr (GPtrArray) chips = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->trigger_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (chips, chip_of (child));

  return dup_active_keys (chips);
}

/* Picks the trigger typed in the entry, adding it as a chip when it is
 * new; blank text is ignored. Returns whether a trigger was picked. */
gboolean
prehab_log_dialog_add_typed_trigger (PrehabLogDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->trigger_entry))));

  if (*name == '\0')
    return FALSE;

  prehab_log_dialog_pick_trigger (self, name, name);
  gtk_editable_set_text (GTK_EDITABLE (self->trigger_entry), "");

  return TRUE;
}

void
prehab_log_dialog_build_triggers (PrehabLogDialog *self)
{
  g_autoptr (GPtrArray) triggers = NULL;
  g_autoptr (GError) error = NULL;

  triggers = prehab_journal_list_triggers (self->store, &error);
  if (triggers == NULL)
    {
      g_warning ("%s", error->message);
      prehab_log_dialog_show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < triggers->len; i++)
    {
      const PrehabTrigger *trigger = triggers->pdata[i];

      flow_box_append_chip (self->trigger_box, trigger->name, prehab_trigger_get_key (trigger));
    }
}
