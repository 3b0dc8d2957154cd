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
#ifdef __GLIBC__
#include <langinfo.h>
#endif
#include <stdio.h>
#include <string.h>

#include "prehab-date.h"
#include "prehab-vocabulary.h"

#define N_WEEKDAYS 7

struct _PrehabOnboarding
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  GtkLabel            *welcome_title;
  GtkLabel            *welcome_body;
  GtkWidget           *cleared_box;
  GtkLabel            *cleared_label;
  GtkButton           *cleared_button;
  AdwPreferencesGroup *emergency_group;
  GtkRevealer         *emergency_revealer;
  AdwPreferencesGroup *see_doctor_group;
  GtkRevealer         *see_doctor_revealer;
  GtkCalendar         *calendar;
  GtkLabel            *start_date_label;
  GtkLabel            *start_date_error;
  AdwPreferencesGroup *equipment_group;
  GtkBox              *days_box;
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

  char                *today;       /* YYYY-MM-DD */
  char                *start_date;  /* YYYY-MM-DD, as the calendar shows it */
  GPtrArray           *flag_switches;     /* GtkSwitch, in prehab_red_flags order */
  GPtrArray           *equipment_checks;  /* GtkCheckButton, in prehab_equipment order */
  GtkToggleButton     *day_toggles[N_WEEKDAYS];  /* Monday first */

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

static GDateTime *
date_time_from_iso (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

/* The day the week starts on in the person's locale: 0 Monday … 6 Sunday. */
static int
get_first_weekday (void)
{
#ifdef __GLIBC__
  /* As GtkCalendar does: the locale's first weekday counts from 1, starting
   * on the day _NL_TIME_WEEK_1STDAY names. */
  union { unsigned int word; char *string; } langinfo;
  int week_1stday;
  int first_weekday;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971130)  /* a Sunday */
    week_1stday = 6;
  else if (langinfo.word == 19971201)  /* a Monday */
    week_1stday = 0;
  else
    return 0;

  return (week_1stday + first_weekday - 1) % N_WEEKDAYS;
#else
  return 0;
#endif
}

static guint
get_training_days (PrehabOnboarding *self)
{
  guint days = 0;

  for (guint i = 0; i < N_WEEKDAYS; i++)
    if (gtk_toggle_button_get_active (self->day_toggles[i]))
      days |= 1u << i;

  return days;
}

static guint
count_days (guint days)
{
  guint n = 0;

  for (guint i = 0; i < N_WEEKDAYS; i++)
    if (days & (1u << i))
      n++;

  return n;
}

/* Two chosen days in a row, Sunday to Monday included: the week repeats. */
static gboolean
has_consecutive_days (guint days)
{
  guint next = ((days << 1) | (days >> (N_WEEKDAYS - 1))) & 0x7f;

  return count_days (days) > 1 && (days & next) != 0;
}

static gboolean
has_flag (PrehabOnboarding  *self,
          PrehabRedFlagTier  tier)
{
  for (guint i = 0; i < self->flag_switches->len; i++)
    if (prehab_red_flags[i].tier == tier
        && gtk_switch_get_active (g_ptr_array_index (self->flag_switches, i)))
      return TRUE;

  return FALSE;
}

static GStrv
dup_flags (PrehabOnboarding *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->flag_switches->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (self->flag_switches, i)))
      g_strv_builder_add (builder, prehab_red_flags[i].id);

  return g_strv_builder_end (builder);
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

static gboolean
is_page_complete (PrehabOnboarding *self,
                  const char       *name)
{
  if (g_str_equal (name, "start"))
    return self->start_date != NULL && strcmp (self->start_date, self->today) <= 0;
  if (g_str_equal (name, "days"))
    return get_training_days (self) != 0;

  return TRUE;
}

static void
update_buttons (PrehabOnboarding *self)
{
  guint index = get_page_index (self);
  guint n_pages = get_n_pages (self);
  gboolean last = index + 1 == n_pages;
  g_autofree char *step = NULL;

  gtk_button_set_label (self->back_button, index == 0 ? _("Cancel") : _("Back"));

  if (!last)
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

/* A folded revealer is hidden as well, so that a screen reader does not
 * read a message that is not shown. */
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

static void
show_error (PrehabOnboarding *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  reveal (self->error_revealer, TRUE);
}

static void
hide_error (PrehabOnboarding *self)
{
  reveal (self->error_revealer, FALSE);
}

static void
update_safety (PrehabOnboarding *self)
{
  reveal (self->emergency_revealer, has_flag (self, PREHAB_RED_FLAG_EMERGENCY));
  reveal (self->see_doctor_revealer, has_flag (self, PREHAB_RED_FLAG_SEE_DOCTOR));
}

static void
update_clearance (PrehabOnboarding *self)
{
  g_autoptr (GDateTime) reported = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->cleared_box, self->needs_clearance);
  if (!self->needs_clearance)
    return;

  reported = date_time_from_iso (self->flags_reported_at);
  if (reported != NULL)
    /* Translators: a date in words, e.g. "Monday 5 January 2026"; see
     * the format of g_date_time_format() */
    date = g_date_time_format (reported, _("%A %-e %B %Y"));

  if (date != NULL)
    /* Translators: %s is a date in words */
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
update_start_date (PrehabOnboarding *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  gboolean future;

  g_free (self->start_date);
  self->start_date = g_date_time_format (date, "%Y-%m-%d");
  future = strcmp (self->start_date, self->today) > 0;

  words = g_date_time_format (date, _("%A %-e %B %Y"));
  if (g_str_equal (self->start_date, self->today))
    /* Translators: %s is a date in words, e.g. "Monday 5 January 2026" */
    text = g_strdup_printf (_("Starts today, %s"), words);
  else
    /* Translators: %s is a date in words, e.g. "Monday 5 January 2026" */
    text = g_strdup_printf (_("Starts on %s"), words);
  gtk_label_set_label (self->start_date_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->start_date_error), future);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.start-today",
                                 !g_str_equal (self->start_date, self->today));
  update_buttons (self);
}

static void
update_days (PrehabOnboarding *self)
{
  guint days = get_training_days (self);
  guint n = count_days (days);
  g_autofree char *summary = NULL;
  const char *warning = NULL;
  gboolean blocking = FALSE;

  if (n == 0)
    {
      warning = _("Choose at least one day.");
      blocking = TRUE;
    }
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

  gtk_widget_set_visible (self->days_warning_box, warning != NULL);
  if (warning != NULL)
    gtk_label_set_label (self->days_warning_label, warning);
  gtk_image_set_from_icon_name (self->days_warning_icon,
                                blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  if (blocking)
    {
      gtk_widget_remove_css_class (self->days_warning_box, "warning");
      gtk_widget_add_css_class (self->days_warning_box, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->days_warning_box, "error");
      gtk_widget_add_css_class (self->days_warning_box, "warning");
    }

  update_buttons (self);
}

static void
set_page (PrehabOnboarding *self,
          guint             index)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_assert (index < get_n_pages (self));

  hide_error (self);
  gtk_stack_set_visible_child_name (self->stack, page_names[index]);

  /* The focus stays on the header bar's buttons, not on a page that left. */
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

/* ---------------------------------------------------------- finishing */

/* The first run starts the program and logs today's pain as its baseline in
 * one transaction; a review updates the enrollment and logs nothing. */
static gboolean
save (PrehabOnboarding  *self,
      GError           **error)
{
  g_auto (GStrv) equipment = dup_equipment (self);
  g_auto (GStrv) flags = dup_flags (self);
  PrehabEnrollmentSettings settings = {
    .program_id = self->program_id,
    .start_date = self->start_date,
    .training_days = get_training_days (self),
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
on_flag_changed_cb (PrehabOnboarding *self)
{
  update_safety (self);
}

static void
on_calendar_changed_cb (PrehabOnboarding *self)
{
  update_start_date (self);
}

static void
on_day_toggled_cb (PrehabOnboarding *self)
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
   * window it is transient for touches it when it is finalized. */
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

  hide_error (self);
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
start_today_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PrehabOnboarding *self = PREHAB_ONBOARDING (widget);
  g_autoptr (GDateTime) today = date_time_from_iso (self->today);

  gtk_calendar_select_day (self->calendar, today);
  update_start_date (self);
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

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Quit Set-up?"),
                                                       _("Prehab needs these answers to plan "
                                                         "your days. Nothing has been saved "
                                                         "yet; set-up starts again the next "
                                                         "time you open Prehab.")));
  adw_message_dialog_add_responses (dialog,
                                    "continue", _("C_ontinue Set-up"),
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
  g_clear_pointer (&self->flag_switches, g_ptr_array_unref);
  g_clear_pointer (&self->equipment_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_onboarding_parent_class)->dispose (object);
}

static void
prehab_onboarding_finalize (GObject *object)
{
  PrehabOnboarding *self = (PrehabOnboarding *)object;

  g_free (self->program_id);
  g_free (self->flags_reported_at);
  g_free (self->today);
  g_free (self->start_date);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-onboarding.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, window_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, back_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, next_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, error_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, welcome_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, welcome_body);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, cleared_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, cleared_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, cleared_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, emergency_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, emergency_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, see_doctor_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, see_doctor_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, calendar);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, start_date_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, start_date_error);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, equipment_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_summary_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_warning_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_warning_icon);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, days_warning_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, pain_value_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabOnboarding, pain_scale);

  gtk_widget_class_install_action (widget_class, "onboarding.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "onboarding.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "onboarding.start-today", NULL,
                                   start_today_action);
  gtk_widget_class_install_action (widget_class, "onboarding.confirm-cleared", NULL,
                                   confirm_cleared_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_css_name (widget_class, "onboarding");
}

/* The colours of the safety cards, for every display the window opens on. */
static void
ensure_style (GtkWidget *widget)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/prehab-onboarding.css");
    }

  if (g_object_get_data (G_OBJECT (display), "prehab-onboarding-style") == NULL)
    {
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data (G_OBJECT (display), "prehab-onboarding-style", provider);
    }
}

static void
add_flag_rows (PrehabOnboarding *self)
{
  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    {
      const PrehabRedFlag *flag = &prehab_red_flags[i];
      const char *question = _(flag->question);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      /* The row names its switch: the question is its accessible name. */
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_flag_changed_cb),
                               self, G_CONNECT_SWAPPED);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

      adw_preferences_group_add (flag->tier == PREHAB_RED_FLAG_EMERGENCY ? self->emergency_group
                                                                         : self->see_doctor_group,
                                 row);
      g_ptr_array_add (self->flag_switches, toggle);
    }
}

static void
add_equipment_rows (PrehabOnboarding *self)
{
  for (guint i = 0; prehab_equipment[i].id != NULL; i++)
    {
      const char *label = prehab_vocabulary_label (prehab_equipment, prehab_equipment[i].id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      adw_preferences_group_add (self->equipment_group, row);
      g_ptr_array_add (self->equipment_checks, check);
    }
}

static void
add_day_toggles (PrehabOnboarding *self)
{
  /* 1 January 2024 was a Monday: its week gives the locale's short names. */
  g_autoptr (GDateTime) monday = g_date_time_new_local (2024, 1, 1, 12, 0, 0);
  int first = get_first_weekday ();

  for (int i = 0; i < N_WEEKDAYS; i++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (monday, i);
      g_autofree char *abbreviation = g_date_time_format (date, "%a");
      const char *name = prehab_vocabulary_label (prehab_weekdays, prehab_weekdays[i].id);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (abbreviation);

      gtk_widget_add_css_class (toggle, "day-toggle");
      gtk_widget_set_tooltip_text (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_day_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      self->day_toggles[i] = GTK_TOGGLE_BUTTON (toggle);
    }

  /* Shown in the locale's week order; stored Monday first. */
  for (int i = 0; i < N_WEEKDAYS; i++)
    gtk_box_append (self->days_box, GTK_WIDGET (self->day_toggles[(first + i) % N_WEEKDAYS]));
}

static void
add_pain_marks (PrehabOnboarding *self)
{
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);

      gtk_scale_add_mark (self->pain_scale, i, GTK_POS_BOTTOM, number);
    }
}

static void
set_training_days (PrehabOnboarding *self,
                   guint             days)
{
  for (guint i = 0; i < N_WEEKDAYS; i++)
    gtk_toggle_button_set_active (self->day_toggles[i], (days & (1u << i)) != 0);
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

static void
set_start_date (PrehabOnboarding *self,
                const char       *date)
{
  g_autoptr (GDateTime) start = date_time_from_iso (date);

  if (start == NULL)
    start = date_time_from_iso (self->today);
  gtk_calendar_select_day (self->calendar, start);
  update_start_date (self);
}

static void
prehab_onboarding_init (PrehabOnboarding *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));

  self->today = prehab_date_dup_today ();
  self->flag_switches = g_ptr_array_new ();
  self->equipment_checks = g_ptr_array_new ();

  add_flag_rows (self);
  add_equipment_rows (self);
  add_day_toggles (self);
  add_pain_marks (self);

  /* Connected once the template is complete: the stack announces its first
   * page while it is being built. */
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::day",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->error_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
  g_signal_connect (self->emergency_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
  g_signal_connect (self->see_doctor_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
  g_signal_connect_object (self->pain_scale, "value-changed",
                           G_CALLBACK (on_pain_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->welcome_title, _("Welcome to Prehab"));
  gtk_label_set_label (self->welcome_body,
                       _("A few questions, and your eight weeks of neck and mid-back exercises "
                         "are ready to start."));
  /* Translators: the title of the first set-up, shown in narrow header bars */
  adw_window_title_set_title (self->window_title, _("Set-up"));

  set_start_date (self, self->today);
  set_equipment (self, prehab_default_equipment ());
  set_training_days (self, PREHAB_TRAINING_DAYS_DEFAULT);
  on_pain_changed_cb (self);
  update_safety (self);
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

  for (guint i = 0; i < self->flag_switches->len; i++)
    gtk_switch_set_active (g_ptr_array_index (self->flag_switches, i),
                           current->flags != NULL
                           && g_strv_contains ((const char * const *)current->flags,
                                               prehab_red_flags[i].id));

  set_equipment (self, (const char * const *)current->equipment);

  set_start_date (self, current->start_date);
  set_training_days (self, current->training_days);

  gtk_label_set_label (self->welcome_title, _("Review Your Set-up"));
  gtk_label_set_label (self->welcome_body,
                       _("Check your answers and change what no longer fits. Your journal and "
                         "your sessions stay as they are."));
  gtk_window_set_title (GTK_WINDOW (self), _("Program Set-up"));
  adw_window_title_set_title (self->window_title, _("Program Set-up"));

  update_safety (self);
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
