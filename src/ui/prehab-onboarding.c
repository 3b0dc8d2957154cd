/* prehab-onboarding.c
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

#define G_LOG_DOMAIN "prehab-onboarding"

#include "config.h"

#include "prehab-onboarding.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "prehab-date-chooser.h"
#include "prehab-day-picker.h"
#include "prehab-safety-check.h"
#include "prehab-vocabulary.h"

struct _PrehabOnboarding
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  GtkStack            *stack;
  GtkLabel            *welcome_title;
  GtkLabel            *welcome_body;
  GtkWidget           *cleared_box;
  GtkLabel            *cleared_label;
  GtkButton           *cleared_button;
  PrehabSafetyCheck   *safety_check;
  PrehabDateChooser   *date_chooser;
  AdwPreferencesGroup *equipment_group;
  PrehabDayPicker     *day_picker;
  GtkLabel            *days_summary_label;
  GtkWidget           *days_warning_box;
  GtkImage            *days_warning_icon;
  GtkLabel            *days_warning_label;
  GtkLabel            *pain_value_label;
  GtkScale            *pain_scale;

  PrehabStore         *store;

  /* The enrollment under review; 0 on the first run. */
  gint64               enrollment_id;
  char                *program_id;
  char                *flags_reported_at;
  gboolean             needs_clearance;

  GPtrArray           *equipment_checks;  /* GtkCheckButton, in prehab_equipment order */

  guint                finished : 1;
  guint                quit_confirmed : 1;
};

G_DEFINE_FINAL_TYPE (PrehabOnboarding, prehab_onboarding, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The pages in order; the last one is only asked on the first run. */
static const char * const page_names[] = {
  "welcome", "safety", "start", "equipment", "days", "pain",
};

/* ------------------------------------------------------------ helpers */

static gboolean
is_revisit (PrehabOnboarding *self)
{
  return self->enrollment_id != 0;
}

static guint
get_n_pages (PrehabOnboarding *self)
{
  return is_revisit (self) ? G_N_ELEMENTS (page_names) - 1 : G_N_ELEMENTS (page_names);
}

static guint
get_page_index (PrehabOnboarding *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;

  g_assert_not_reached ();
  return 0;
}

/* Noon of @date ("YYYY-MM-DD…"), local time. */
static GDateTime *
date_time_from_iso (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static guint
count_days (guint days)
{
  guint n = 0;

  for (; days != 0; days >>= 1)
    n += days & 1;

  return n;
}

/* Two chosen days in a row, Sunday to Monday included: the week repeats. */
static gboolean
has_consecutive_days (guint days)
{
  guint next = ((days << 1) | (days >> 6)) & 0x7f;

  return count_days (days) > 1 && (days & next) != 0;
}

static GStrv
dup_equipment (PrehabOnboarding *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->equipment_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->equipment_checks, i)))
      g_strv_builder_add (builder, prehab_equipment[i].id);

  return g_strv_builder_end (builder);
}

static void
set_equipment (PrehabOnboarding   *self,
               const char * const *equipment)
{
  for (guint i = 0; i < self->equipment_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->equipment_checks, i),
                                 equipment != NULL
                                 && g_strv_contains (equipment, prehab_equipment[i].id));
}

static gboolean
is_page_complete (PrehabOnboarding *self,
                  const char       *name)
{
  if (g_str_equal (name, "start"))
    return prehab_date_chooser_get_valid (self->date_chooser);
  if (g_str_equal (name, "days"))
    return prehab_day_picker_get_days (self->day_picker) != 0;

  return TRUE;
}

static void
update_buttons (PrehabOnboarding *self)
{
  guint index = get_page_index (self);
  guint n_pages = get_n_pages (self);
  g_autofree char *step = NULL;

  gtk_button_set_label (self->back_button, index == 0 ? _("Cancel") : _("Back"));

  if (index + 1 < n_pages)
    gtk_button_set_label (self->next_button, _("Next"));
  else if (is_revisit (self))
    gtk_button_set_label (self->next_button, _("Save"));
  else
    gtk_button_set_label (self->next_button, _("Start Program"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.next",
                                 is_page_complete (self, page_names[index]));

  /* Translators: the subtitle of the set-up window, e.g. "Step 2 of 6" */
  step = g_strdup_printf (_("Step %u of %u"), index + 1, n_pages);
  adw_window_title_set_subtitle (self->window_title, step);
}

static void
show_error (PrehabOnboarding *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

static void
update_clearance (PrehabOnboarding *self)
{
  g_autoptr (GDateTime) reported = date_time_from_iso (self->flags_reported_at);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->cleared_box, self->needs_clearance);
  if (!self->needs_clearance)
    return;

  if (reported != NULL)
    /* Translators: a date in words, e.g. "Monday 5 January 2026"; see
     * g_date_time_format() for the codes */
    date = g_date_time_format (reported, _("%A %-e %B %Y"));

  if (date != NULL)
    /* Translators: %s is a date in words, e.g. "Monday 5 January 2026" */
    text = g_strdup_printf (_("Strength work has been paused since you reported symptoms on %s. "
                              "Once a doctor or physiotherapist has checked you and said exercise "
                              "is fine, tell Prehab here."),
                            date);
  else
    text = g_strdup (_("Strength work is paused because you reported symptoms. Once a doctor or "
                       "physiotherapist has checked you and said exercise is fine, tell Prehab "
                       "here."));
  gtk_label_set_label (self->cleared_label, text);
}

static void
update_days (PrehabOnboarding *self)
{
  guint days = prehab_day_picker_get_days (self->day_picker);
  guint n = count_days (days);
  g_autofree char *summary = NULL;
  const char *warning = NULL;
  gboolean blocking = n == 0;

  if (blocking)
    warning = _("Choose at least one day.");
  else if (n > 3)
    warning = _("More than three strength days a week leaves little time to recover. "
                "Two or three are plenty.");
  else if (has_consecutive_days (days))
    warning = _("Two of your days are back to back. Your body recovers better with a rest "
                "day between strength days.");

  summary = g_strdup_printf (ngettext ("Strength work on %u day a week",
                                       "Strength work on %u days a week", n),
                             n);
  gtk_label_set_label (self->days_summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->days_summary_label), n > 0);

  /* A warning leaves the choice to the person; no day at all is an error. */
  gtk_widget_set_visible (self->days_warning_box, warning != NULL);
  if (warning != NULL)
    gtk_label_set_label (self->days_warning_label, warning);
  gtk_image_set_from_icon_name (self->days_warning_icon,
                                blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (self->days_warning_box, blocking ? "warning" : "error");
  gtk_widget_add_css_class (self->days_warning_box, blocking ? "error" : "warning");

  update_buttons (self);
}

static void
set_page (PrehabOnboarding *self,
          guint             index)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_assert (index < get_n_pages (self));

  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_stack_set_visible_child_name (self->stack, page_names[index]);

  /* The focus stays on the header bar's buttons, not on a page that left. */
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

/* The first run starts the program and logs today's pain as its baseline in
 * one transaction; a review updates the enrollment and logs nothing. */
static gboolean
save (PrehabOnboarding  *self,
      GError           **error)
{
  g_auto (GStrv) equipment = dup_equipment (self);
  g_auto (GStrv) flags = prehab_safety_check_dup_flags (self->safety_check);
  PrehabEnrollmentSettings settings = {
    .program_id = self->program_id,
    .start_date = prehab_date_chooser_get_date (self->date_chooser),
    .training_days = prehab_day_picker_get_days (self->day_picker),
    .equipment = (const char * const *)equipment,
    .flags = (const char * const *)flags,
    .has_baseline = !is_revisit (self),
    .baseline_pain = (int)gtk_range_get_value (GTK_RANGE (self->pain_scale)),
  };

  if (is_revisit (self))
    return prehab_enrollment_update (self->store, self->enrollment_id, &settings, error);

  return prehab_enrollment_start (self->store, &settings, error) > 0;
}

static void
finish (PrehabOnboarding *self)
{
  g_autoptr (GError) error = NULL;

  if (!save (self, &error))
    {
      g_autofree char *message = NULL;

      g_debug ("Could not save the set-up: %s", error->message);
      /* Translators: %s is the reason, a sentence of its own */
      message = g_strdup_printf (_("Your set-up could not be saved. %s"), error->message);
      show_error (self, message);
      return;
    }

  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---------------------------------------------------------- callbacks */

static void
on_visible_page_changed_cb (PrehabOnboarding *self)
{
  update_buttons (self);
}

static void
on_start_date_changed_cb (PrehabOnboarding *self)
{
  update_buttons (self);
}

static void
on_days_changed_cb (PrehabOnboarding *self)
{
  update_days (self);
}

static void
on_pain_changed_cb (PrehabOnboarding *self)
{
  int pain = (int)gtk_range_get_value (GTK_RANGE (self->pain_scale));
  g_autofree char *text = g_strdup_printf ("%d", pain);

  gtk_label_set_label (self->pain_value_label, text);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_quit_response_cb (PrehabOnboarding *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "quit") != 0)
    return;

  /* The window closes once the dialog is gone: a dialog that outlives the
   * window it is transient for touches that window when it is finalized. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->quit_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_cleared_response_cb (PrehabOnboarding *self,
                        const char       *response)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "confirm") != 0)
    return;

  if (!prehab_enrollment_confirm_cleared (self->store, self->enrollment_id, &error))
    {
      g_autofree char *message = NULL;

      g_debug ("Could not record the clearance: %s", error->message);
      /* Translators: %s is the reason, a sentence of its own */
      message = g_strdup_printf (_("Your answer could not be saved. %s"), error->message);
      show_error (self, message);
      return;
    }

  gtk_widget_set_visible (self->error_box, FALSE);
  self->needs_clearance = FALSE;
  gtk_label_set_label (self->cleared_label,
                       _("Thank you. Strength work is back in your plan; start gently."));
  gtk_widget_set_visible (GTK_WIDGET (self->cleared_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.confirm-cleared", FALSE);
}

/* ------------------------------------------------------------ actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (widget);
  guint index = get_page_index (self);

  if (!is_page_complete (self, page_names[index]))
    return;

  if (index + 1 < get_n_pages (self))
    set_page (self, index + 1);
  else
    finish (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (widget);
  guint index = get_page_index (self);

  if (index > 0)
    set_page (self, index - 1);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
confirm_cleared_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Did a Clinician Clear You?"),
                                                       _("Confirm only if a doctor or "
                                                         "physiotherapist has checked you and "
                                                         "said exercise is safe for you. Strength "
                                                         "work then comes back into your plan.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", _("_Confirm"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cleared_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------- overrides */

/* Closing the first set-up half way asks first; a review just closes. */
static gboolean
prehab_onboarding_close_request (GtkWindow *window)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (window);
  AdwMessageDialog *dialog;

  if (self->finished || self->quit_confirmed || is_revisit (self))
    return GTK_WINDOW_CLASS (prehab_onboarding_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Quit Set-Up?"),
                                                       _("Prehab needs these answers to plan "
                                                         "your days. Nothing has been saved "
                                                         "yet; set-up starts again the next "
                                                         "time you open Prehab.")));
  adw_message_dialog_add_responses (dialog,
                                    "continue", _("C_ontinue Set-Up"),
                                    "quit", _("_Quit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quit_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
prehab_onboarding_dispose (GObject *object)
{
  PrehabOnboarding *self = (PrehabOnboarding *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_ONBOARDING);
  g_clear_object (&self->store);
  g_clear_pointer (&self->equipment_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_onboarding_parent_class)->dispose (object);
}

static void
prehab_onboarding_finalize (GObject *object)
{
  PrehabOnboarding *self = (PrehabOnboarding *)object;

  g_free (self->program_id);
  g_free (self->flags_reported_at);

  G_OBJECT_CLASS (prehab_onboarding_parent_class)->finalize (object);
}

static void
prehab_onboarding_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_onboarding_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_onboarding_class_init (PrehabOnboardingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = prehab_onboarding_dispose;
  object_class->finalize = prehab_onboarding_finalize;
  object_class->get_property = prehab_onboarding_get_property;
  object_class->set_property = prehab_onboarding_set_property;
  window_class->close_request = prehab_onboarding_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PREHAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrehabOnboarding::finished:
   *
   * The answers were saved: a program was started, or the one under review
   * was updated. The window closes right after.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (PREHAB_TYPE_DATE_CHOOSER);
  g_type_ensure (PREHAB_TYPE_DAY_PICKER);
  g_type_ensure (PREHAB_TYPE_SAFETY_CHECK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-onboarding.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, window_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, back_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, next_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, error_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, error_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, welcome_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, welcome_body);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, cleared_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, cleared_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, cleared_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, safety_check);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, equipment_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, day_picker);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_summary_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_warning_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_warning_icon);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_warning_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, pain_value_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, pain_scale);

  gtk_widget_class_install_action (widget_class, "onboarding.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "onboarding.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "onboarding.confirm-cleared", NULL,
                                   confirm_cleared_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_css_name (widget_class, "onboarding");
}

static void
add_equipment_rows (PrehabOnboarding *self)
{
  for (guint i = 0; prehab_equipment[i].id != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* The row names its check box. */
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     prehab_vocabulary_label (prehab_equipment,
                                                              prehab_equipment[i].id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      adw_preferences_group_add (self->equipment_group, row);
      g_ptr_array_add (self->equipment_checks, check);
    }
}

static void
prehab_onboarding_init (PrehabOnboarding *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->equipment_checks = g_ptr_array_new ();
  add_equipment_rows (self);
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);

      gtk_scale_add_mark (self->pain_scale, i, GTK_POS_BOTTOM, number);
    }

  /* Connected once the template is complete: the stack announces its first
   * page while it is being built. */
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_chooser, "notify::valid",
                           G_CALLBACK (on_start_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_picker, "notify::days",
                           G_CALLBACK (on_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pain_scale, "value-changed",
                           G_CALLBACK (on_pain_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->welcome_title, _("Welcome to Prehab"));
  gtk_label_set_label (self->welcome_body,
                       _("A few questions, and your eight weeks of neck and mid-back exercises "
                         "are ready to start."));
  /* Translators: the title of the first set-up, shown in narrow header bars */
  adw_window_title_set_title (self->window_title, _("Set-Up"));

  set_equipment (self, prehab_default_equipment ());
  prehab_day_picker_set_days (self->day_picker, PREHAB_TRAINING_DAYS_DEFAULT);
  update_days (self);
  on_pain_changed_cb (self);
  update_clearance (self);
  update_buttons (self);
}

/* Fills the pages with the answers of the enrollment under review. */
static void
load_enrollment (PrehabOnboarding       *self,
                 const PrehabEnrollment *current)
{
  self->enrollment_id = current->id;
  self->program_id = g_strdup (current->program_id);
  self->flags_reported_at = g_strdup (current->flags_reported_at);
  self->needs_clearance = current->flags != NULL && current->flags[0] != NULL
                          && current->cleared_at == NULL;

  /* A review does not ask for today's pain: that page is never shown. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "pain"), FALSE);

  prehab_safety_check_set_flags (self->safety_check, (const char * const *)current->flags);
  prehab_date_chooser_set_date (self->date_chooser, current->start_date);
  set_equipment (self, (const char * const *)current->equipment);
  prehab_day_picker_set_days (self->day_picker, current->training_days);

  gtk_label_set_label (self->welcome_title, _("Review Your Set-Up"));
  gtk_label_set_label (self->welcome_body,
                       _("Check your answers and change what no longer fits. Your journal and "
                         "your sessions stay as they are."));
  gtk_window_set_title (GTK_WINDOW (self), _("Program Set-Up"));
  adw_window_title_set_title (self->window_title, _("Program Set-Up"));

  update_clearance (self);
  update_buttons (self);
}

/**
 * prehab_onboarding_new:
 * @store: the store to save the answers in
 * @current: (nullable): the enrollment to review, or %NULL on the first run
 *
 * Creates the set-up window. On the first run it asks every question,
 * including today's pain, and starts the program; with @current it shows
 * that enrollment's answers, skips the pain question and updates it.
 * Either way it emits #PrehabOnboarding::finished once the answers are
 * saved, then closes. Make it transient for the main window and present it.
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows
 */
PrehabOnboarding *
prehab_onboarding_new (PrehabStore            *store,
                       const PrehabEnrollment *current)
{
  PrehabOnboarding *self;

  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (current == NULL || current->id > 0, NULL);

  self = g_object_new (PREHAB_TYPE_ONBOARDING, "store", store, NULL);
  if (current != NULL)
    load_enrollment (self, current);

  return self;
}
