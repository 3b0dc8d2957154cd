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

#include "prehab-body-map.h"
#include "prehab-date-chooser.h"
#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-vocabulary.h"

/* A pain rating for the journal, new or edited: pain 0 to 10, when, where,
 * how it feels, warning signs, triggers, a note, and the time (now unless
 * changed). Built for the keyboard: focus starts on the pain scale, a digit
 * sets the pain anywhere outside a text field, Ctrl+Enter saves and Escape
 * cancels. */

#define N_PAIN           11
#define TEN_WINDOW_USEC  (1500 * G_TIME_SPAN_MILLISECOND)

struct _PrehabLogDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkWidget         *save_button;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
  GtkScrolledWindow *scroller;
  GtkLabel          *pain_heading;
  GtkBox            *pain_box;
  GtkLabel          *context_heading;
  GtkFlowBox        *context_box;
  GtkLabel          *region_heading;
  PrehabBodyMap     *body_map;
  GtkLabel          *quality_heading;
  GtkFlowBox        *quality_box;
  GtkRevealer       *guidance_revealer;
  GtkBox            *guidance_box;
  AdwExpanderRow    *flags_row;
  GtkRevealer       *emergency_revealer;
  GtkRevealer       *see_doctor_revealer;
  GtkLabel          *trigger_heading;
  GtkFlowBox        *trigger_box;
  GtkEntry          *trigger_entry;
  GtkTextView       *note_view;
  GtkWidget         *time_list;
  AdwExpanderRow    *time_row;
  PrehabDateChooser *date_chooser;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;
  GtkWidget         *time_error;

  PrehabStore       *store;
  PrehabPainEntry   *original;         /* the entry being edited, or NULL */
  GPtrArray         *pain_buttons;     /* GtkToggleButton, 0 to 10 */
  GPtrArray         *context_buttons;  /* GtkToggleButton, prehab_contexts order */
  GPtrArray         *quality_buttons;  /* GtkToggleButton, prehab_qualities order */
  GPtrArray         *flag_checks;      /* GtkCheckButton, prehab_red_flags order */
  int                pain;             /* -1 until chosen */
  gboolean           context_chosen;   /* by the person: no longer follows the time */
  gboolean           time_chosen;      /* by the person: no longer "now" */
  gboolean           loading;          /* filling the form in: no reactions */
  int                last_digit;
  gint64             last_digit_time;
};

G_DEFINE_FINAL_TYPE (PrehabLogDialog, prehab_log_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What to do about a kind of pain that can come from an irritated nerve or
 * that the plan reacts to; shown as soon as it is picked. */
static const struct
{
  const char *quality;
  const char *guidance;
} quality_guidance[] = {
  { "sharp", N_("Stop the movement that brought it on; pain may be felt, but not sharp pain. "
                "Logged during or after exercise, it swaps the day’s exercises for easier ones for a week.") },
  { "burning", N_("Burning can come from an irritated nerve. Ease off what brings it on. "
                  "Logged during or after exercise, it swaps the day’s exercises for easier ones for a week.") },
  { "tingling", N_("Pins and needles can come from an irritated nerve. Ease off and change position. "
                   "If it spreads or is in more than one place, see a doctor soon and tick it under Warning Signs.") },
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

static GtkWidget *
flow_box_append_chip (GtkFlowBox *box,
                      const char *label,
                      const char *key)
{
  GtkWidget *chip = gtk_toggle_button_new_with_label (label);

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

static void
show_error (PrehabLogDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

/* A heading's mnemonic (Alt and its underlined letter) moves the focus to
 * @widget. GTK also makes the heading part of @widget's accessible name,
 * which would read "Neck Where": the heading names the group instead. */
static void
set_mnemonic_target (GtkLabel  *heading,
                     GtkWidget *widget)
{
  gtk_label_set_mnemonic_widget (heading, widget);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A folded revealer is hidden as well, so that a screen reader does not
 * read what is not shown. */
static void
on_child_revealed_cb (GtkRevealer *revealer)
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
  on_child_revealed_cb (revealer);
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
  set_mnemonic_target (self->pain_heading, GTK_WIDGET (button));

  /* Translators: the chosen pain, e.g. "7 out of 10" */
  value = g_strdup_printf (_("%d out of 10"), self->pain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pain_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
}

static void
build_pain_scale (PrehabLogDialog *self)
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
  set_mnemonic_target (self->pain_heading, self->pain_buttons->pdata[0]);
}

/* A digit sets the pain from anywhere but a text field or the date and
 * time; "1" then "0" in quick succession makes 10. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
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

static void
set_context (PrehabLogDialog *self,
             const char      *context)
{
  for (guint i = 0; i < self->context_buttons->len; i++)
    if (g_strcmp0 (prehab_contexts[i].id, context) == 0)
      gtk_toggle_button_set_active (self->context_buttons->pdata[i], TRUE);
}

static const char *
get_context (PrehabLogDialog *self)
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
  set_mnemonic_target (self->context_heading, GTK_WIDGET (button));
  if (!self->loading)
    self->context_chosen = TRUE;
}

static void
build_contexts (PrehabLogDialog *self)
{
  for (guint i = 0; prehab_contexts[i].id != NULL; i++)
    {
      GtkWidget *chip = flow_box_append_chip (self->context_box,
                                              prehab_vocabulary_label (prehab_contexts, prehab_contexts[i].id),
                                              prehab_contexts[i].id);

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (chip), self->context_buttons->pdata[0]);
      g_signal_connect_object (chip, "toggled", G_CALLBACK (on_context_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      add_radio_keys (chip, self->context_buttons);
      g_ptr_array_add (self->context_buttons, chip);
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

static void
build_qualities (PrehabLogDialog *self)
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
}

static void
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
build_flags (PrehabLogDialog *self)
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
            add_tier_row (self, _("Call Your Local Emergency Number Now"),
                          _("If you have any of these"), "dialog-error-symbolic", "emergency");
          else
            add_tier_row (self, _("See a Doctor Soon"),
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

/* ---------------------------------------------------------- triggers */

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

/* Picks the trigger typed in the entry, adding it as a chip when it is
 * new; blank text is ignored. Returns whether a trigger was picked. */
static gboolean
add_typed_trigger (PrehabLogDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->trigger_entry))));
  GtkWidget *chip;

  if (*name == '\0')
    return FALSE;

  chip = find_trigger_chip (self, name);
  if (chip == NULL)
    chip = flow_box_append_chip (self->trigger_box, name, name);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->trigger_entry), "");

  return TRUE;
}

static void
on_trigger_entry_activate_cb (PrehabLogDialog *self)
{
  add_typed_trigger (self);
}

static void
build_triggers (PrehabLogDialog *self)
{
  g_autoptr (GPtrArray) triggers = NULL;
  g_autoptr (GError) error = NULL;

  triggers = prehab_journal_list_triggers (self->store, &error);
  if (triggers == NULL)
    {
      g_warning ("%s", error->message);
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < triggers->len; i++)
    {
      const PrehabTrigger *trigger = triggers->pdata[i];

      flow_box_append_chip (self->trigger_box, trigger->name, prehab_trigger_get_key (trigger));
    }
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
      set_context (self, context_for_hour (gtk_spin_button_get_value_as_int (self->hour_spin)));
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

static GStrv
dup_active_keys (GPtrArray *buttons)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_toggle_button_get_active (buttons->pdata[i]))
      g_strv_builder_add (builder, g_object_get_data (buttons->pdata[i], "key"));

  return g_strv_builder_end (builder);
}

static PrehabPainEntry *
collect_entry (PrehabLogDialog *self)
{
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GStrvBuilder) flags = g_strv_builder_new ();
  g_autoptr (GPtrArray) triggers = g_ptr_array_new ();
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
  entry->context = g_strdup (get_context (self));
  entry->regions = prehab_body_map_dup_selected (self->body_map);
  entry->qualities = dup_active_keys (self->quality_buttons);

  for (guint i = 0; i < self->flag_checks->len; i++)
    if (gtk_check_button_get_active (self->flag_checks->pdata[i]))
      g_strv_builder_add (flags, prehab_red_flags[i].id);
  entry->flags = g_strv_builder_end (flags);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->trigger_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (triggers, chip_of (child));
  entry->triggers = dup_active_keys (triggers);

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
  add_typed_trigger (self);

  if (self->pain < 0)
    {
      show_error (self, _("Choose how much it hurts, from 0 for no pain to 10 for the worst imaginable."));
      gtk_widget_grab_focus (roving_focus_target (self->pain_buttons));
      return;
    }

  entry = collect_entry (self);
  if (self->original != NULL)
    id = prehab_journal_update_entry (self->store, entry, &error) ? entry->id : 0;
  else
    id = prehab_journal_add_entry (self->store, entry, &error);

  if (id == 0)
    {
      show_error (self, error->message);
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
  set_context (self, entry->context);
  prehab_body_map_set_selected (self->body_map, (const char * const *) entry->regions);

  for (guint i = 0; i < self->quality_buttons->len; i++)
    gtk_toggle_button_set_active (self->quality_buttons->pdata[i],
                                  entry->qualities != NULL &&
                                  g_strv_contains ((const char * const *) entry->qualities,
                                                   prehab_qualities[i].id));

  for (guint i = 0; i < self->flag_checks->len; i++)
    gtk_check_button_set_active (self->flag_checks->pdata[i],
                                 entry->flags != NULL &&
                                 g_strv_contains ((const char * const *) entry->flags,
                                                  prehab_red_flags[i].id));
  adw_expander_row_set_expanded (self->flags_row, entry->flags != NULL && entry->flags[0] != NULL);

  for (guint i = 0; entry->triggers != NULL && entry->triggers[i] != NULL; i++)
    {
      GtkWidget *chip = find_trigger_chip (self, entry->triggers[i]);

      if (chip == NULL)
        chip = flow_box_append_chip (self->trigger_box, entry->triggers[i], entry->triggers[i]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), TRUE);
    }

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

  build_pain_scale (self);
  build_contexts (self);
  build_qualities (self);
  build_flags (self);

  set_mnemonic_target (self->region_heading,
                       prehab_body_map_get_toggle (self->body_map, prehab_regions[0].id));
  set_mnemonic_target (self->quality_heading, self->quality_buttons->pdata[0]);
  set_mnemonic_target (self->trigger_heading, GTK_WIDGET (self->trigger_entry));

  g_signal_connect (self->guidance_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
  g_signal_connect (self->emergency_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
  g_signal_connect (self->see_doctor_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);

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
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* A new entry: now, and the context of the hour. */
  show_time (self, now);
  self->loading = TRUE;
  set_context (self, context_for_hour (atoi (now + 11)));
  self->loading = FALSE;
  update_time (self);

  gtk_window_set_focus (GTK_WINDOW (self), self->pain_buttons->pdata[0]);
}

/* ---------------------------------------------------------- public API */

/**
 * prehab_log_dialog_new:
 * @store: the open store
 *
 * Returns: (transfer floating): a dialog for a new pain entry, now
 */
PrehabLogDialog *
prehab_log_dialog_new (PrehabStore *store)
{
  PrehabLogDialog *self;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);

  self = g_object_new (PREHAB_TYPE_LOG_DIALOG, NULL);
  self->store = g_object_ref (store);
  build_triggers (self);

  return self;
}

/**
 * prehab_log_dialog_new_for_entry:
 * @store: the open store
 * @entry_id: the entry to edit
 * @error: return location for an error
 *
 * Returns: (transfer floating) (nullable): a dialog showing the entry, or
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
  gtk_window_set_focus (GTK_WINDOW (self), roving_focus_target (self->pain_buttons));

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
