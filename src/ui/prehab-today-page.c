/* prehab-today-page.c
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

#define G_LOG_DOMAIN "prehab-today-page"

#include "config.h"

#include "prehab-today-page.h"

#include <glib/gi18n.h>

#include "prehab-schedule.h"
#include "prehab-vocabulary.h"

struct _PrehabTodayPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkWidget        *alert_box;
  GtkImage         *alert_icon;
  GtkLabel         *alert_title;
  GtkLabel         *alert_body;
  GtkWidget        *cleared_button;
  GtkLabel         *title_label;
  GtkLabel         *phase_label;
  GtkLabel         *focus_label;
  GtkLabel         *decision_label;
  GtkBox           *reasons_box;
  GtkLabel         *session_title;
  GtkLabel         *session_progress;
  GtkWidget        *all_done_button;
  GtkWidget        *start_button;
  GtkListBox       *session_list;
  GtkLabel         *breaks_label;

  PrehabStore      *store;
  GHashTable       *names;        /* exercise id → translated name */
  char             *today;
  gint64            enrollment_id;
  gint64            last_break;
  gboolean          updating;     /* ignore check buttons while rebuilding */
};

G_DEFINE_FINAL_TYPE (PrehabTodayPage, prehab_today_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (PrehabTodayPage *self,
        const GError    *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
exercise_name (PrehabTodayPage *self,
               const char      *id)
{
  const char *name = self->names ? g_hash_table_lookup (self->names, id) : NULL;

  return name != NULL ? name : id;
}

static void
update_breaks (PrehabTodayPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *subtitle = NULL;
  int n = prehab_journal_count_movement_breaks (self->store, self->today, &error);

  if (n < 0)
    {
      report (self, error);
      return;
    }

  if (n == 0)
    subtitle = g_strdup (_("None yet today. A minute of moving every half hour or so helps."));
  else
    subtitle = g_strdup_printf (ngettext ("%d taken today", "%d taken today", n), n);
  gtk_label_set_text (self->breaks_label, subtitle);
}

static void
update_session_header (PrehabTodayPage *self,
                       guint            n_done,
                       guint            n_items)
{
  g_autofree char *description = NULL;

  if (n_items == 0)
    description = g_strdup (_("Nothing planned today."));
  else if (n_done == n_items)
    description = g_strdup (_("All done. Well done."));
  else
    description = g_strdup_printf (ngettext ("%u of %u exercise done", "%u of %u exercises done", n_items),
                                   n_done, n_items);
  gtk_label_set_text (self->session_progress, description);
  gtk_widget_set_sensitive (self->all_done_button, n_items > 0 && n_done < n_items);
  gtk_widget_set_visible (self->start_button, n_items > 0);
}

static guint
count_done (PrehabTodayPage *self,
            guint           *n_items)
{
  guint n_done = 0;

  *n_items = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->session_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check == NULL)
        continue;
      (*n_items)++;
      if (gtk_check_button_get_active (check))
        n_done++;
    }

  return n_done;
}

static void
on_check_toggled_cb (PrehabTodayPage *self,
                     GtkCheckButton  *check)
{
  g_autoptr (GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (check), "exercise-id");
  guint n_items, n_done;

  if (self->updating)
    return;

  if (!prehab_schedule_set_exercise_done (self->store, self->today, id,
                                          gtk_check_button_get_active (check), &error))
    {
      report (self, error);
      prehab_today_page_reload (self);
      return;
    }

  n_done = count_done (self, &n_items);
  update_session_header (self, n_done, n_items);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  if (n_items > 0 && n_done == n_items)
    gtk_widget_activate_action (GTK_WIDGET (self), "today.rate-session", NULL);
}

/* A row laid out as AdwActionRow lays out its own (tick box, title and
 * subtitle, arrow), but on grids. In GTK 4.8 a GtkBox that holds wrapping
 * labels gets asked for its width at a given height while the list is laid
 * out; it passes the question on, and each label answers with a search over
 * widths that lays its text out again and again (about 40 layouts a label,
 * most of the start's text layout). GtkGrid answers from its columns, and
 * the row's labels are laid out a handful of times (see HACKING.md,
 * "Benchmarks"). */
static GtkWidget *
create_item_row (PrehabTodayPage      *self,
                 const PrehabPlanItem *item,
                 gboolean              done)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *text = gtk_grid_new ();
  GtkWidget *title;
  GtkWidget *subtitle_label;
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *dose = prehab_dose_format (&item->dose);
  g_autofree char *check_label = NULL;
  g_autoptr (GString) subtitle = g_string_new (dose);
  const char *name = exercise_name (self, item->exercise_id);

  if (item->strength)
    g_string_prepend (subtitle, _("Strength · "));
  if (item->replaces != NULL)
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: shown under an exercise that stands in for another */
      g_string_append_printf (subtitle, _("Instead of %s"), exercise_name (self, item->replaces));
    }
  if (item->cue != NULL)
    g_string_append_printf (subtitle, "\n%s", item->cue);

  title = g_object_new (GTK_TYPE_LABEL, "label", name, "xalign", 0.0f, "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR, "css-classes",
                        (const char *[]) { "title", NULL }, NULL);
  subtitle_label = g_object_new (GTK_TYPE_LABEL, "label", subtitle->str, "xalign", 0.0f,
                                 "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "css-classes",
                                 (const char *[]) { "subtitle", NULL }, NULL);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_grid_set_row_spacing (GTK_GRID (text), 3);
  gtk_grid_attach (GTK_GRID (text), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (text), subtitle_label, 0, 1, 1, 1);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
  /* Translators: accessible name of the tick box of an exercise */
  check_label = g_strdup_printf (_("Done: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "exercise-id", g_strdup (item->exercise_id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (grid, "session-row");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), check, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), text, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), arrow, 2, 0, 1, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the exercise card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "exercise-id", g_strdup (item->exercise_id), g_free);

  return row;
}

static void
show_alert (PrehabTodayPage  *self,
            const PrehabPlan *plan)
{
  const char *title = NULL;
  const char *icon = "dialog-warning-symbolic";
  gboolean stop = plan->decision == PREHAB_DECISION_STOP;

  switch (plan->alert)
    {
    case PREHAB_ALERT_EMERGENCY:
      title = _("Get Help Now");
      icon = "dialog-error-symbolic";
      break;
    case PREHAB_ALERT_SEE_DOCTOR:
      title = _("See a Doctor Soon");
      break;
    case PREHAB_ALERT_CLINICIAN:
      title = _("Pause and See a Clinician");
      break;
    case PREHAB_ALERT_REVIEW:
      title = _("A Check-Up Is a Good Idea");
      icon = "dialog-information-symbolic";
      break;
    case PREHAB_ALERT_NONE:
    default:
      break;
    }

  gtk_widget_set_visible (self->alert_box, title != NULL);
  if (title == NULL)
    return;

  gtk_label_set_text (self->alert_title, title);
  gtk_image_set_from_icon_name (self->alert_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->alert_title), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->alert_title), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->alert_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->alert_icon), "warning");
  if (plan->alert != PREHAB_ALERT_REVIEW)
    {
      const char *css = plan->alert == PREHAB_ALERT_EMERGENCY ? "error" : "warning";

      gtk_widget_add_css_class (GTK_WIDGET (self->alert_title), css);
      gtk_widget_add_css_class (GTK_WIDGET (self->alert_icon), css);
    }

  gtk_label_set_text (self->alert_body,
                      plan->reasons->len > 0 ? plan->reasons->pdata[0] : "");
  gtk_widget_set_visible (self->cleared_button, stop);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alert_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
show_plan (PrehabTodayPage  *self,
           const PrehabPlan *plan,
           PrehabSession    *session)
{
  g_autofree char *title = NULL;
  g_autofree char *phase = NULL;
  guint n_done = 0;

  show_alert (self, plan);

  if (plan->phase == PREHAB_PHASE_MAINTAIN)
    title = g_strdup (_("After the Eight Weeks"));
  else
    /* Translators: e.g. "Week 3, Day 2" of the program */
    title = g_strdup_printf (_("Week %d, Day %d"), plan->week, plan->day_in_week);
  gtk_label_set_text (self->title_label, title);

  /* Translators: %s is a program phase, e.g. "Mobilize" */
  phase = g_strdup_printf (_("%s phase"),
                           prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (plan->phase)));
  gtk_label_set_text (self->phase_label, phase);
  gtk_label_set_text (self->focus_label, plan->focus ? plan->focus : "");
  gtk_widget_set_visible (GTK_WIDGET (self->focus_label), plan->focus && *plan->focus);

  gtk_label_set_text (self->decision_label, prehab_decision_label (plan->decision));
  clear_box (self->reasons_box);
  for (guint i = 0; i < plan->reasons->len; i++)
    {
      GtkWidget *label = gtk_label_new (plan->reasons->pdata[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->reasons_box, label);
    }

  gtk_label_set_text (self->session_title,
                      plan->training ? _("Today's Session: Strength Day") : _("Today's Session"));

  self->updating = TRUE;
  clear_list (self->session_list);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);
      gboolean done = FALSE;

      for (guint j = 0; session != NULL && j < session->exercises->len; j++)
        {
          const PrehabSessionExercise *recorded = &g_array_index (session->exercises,
                                                                  PrehabSessionExercise, j);
          if (g_str_equal (recorded->exercise_id, item->exercise_id))
            done = recorded->completed;
        }
      if (done)
        n_done++;

      gtk_list_box_append (self->session_list, create_item_row (self, item, done));
    }
  self->updating = FALSE;

  update_session_header (self, n_done, plan->items->len);
}

static void
on_row_activated_cb (PrehabTodayPage *self,
                     GtkListBoxRow   *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "exercise-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-exercise", "s", id);
}

static void
on_rating_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PrehabTodayPage  *self)
{
  g_autoptr (GError) error = NULL;
  GtkRange *during = g_object_get_data (G_OBJECT (dialog), "during");
  GtkRange *after = g_object_get_data (G_OBJECT (dialog), "after");

  if (!g_str_equal (response, "save"))
    return;

  if (!prehab_schedule_mark_done (self->store, self->today, NULL,
                                  (int) gtk_range_get_value (during),
                                  (int) gtk_range_get_value (after), &error))
    {
      report (self, error);
      return;
    }

  prehab_today_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
create_pain_scale (const char *label,
                   GtkBox     *box)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, _("None"));
  gtk_scale_add_mark (GTK_SCALE (scale), 3, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 5, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 10, GTK_POS_BOTTOM, _("Worst"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_box_append (box, title);
  gtk_box_append (box, scale);
  return scale;
}

static void
rate_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PrehabTodayPage *self = PREHAB_TODAY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *during, *after;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("How Did It Feel?"),
                                   _("Rate your pain from 0 (none) to 10 (worst imaginable). Up to 3 is fine, 4 or 5 is fine if it settles by tomorrow morning, 6 or more means the plan eases off."));
  during = create_pain_scale (_("Highest pain during the session"), GTK_BOX (box));
  after = create_pain_scale (_("Pain right now"), GTK_BOX (box));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Skip"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  g_object_set_data (G_OBJECT (dialog), "during", during);
  g_object_set_data (G_OBJECT (dialog), "after", after);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rating_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_all_done_clicked_cb (PrehabTodayPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!prehab_schedule_mark_done (self->store, self->today, NULL, -1, -1, &error))
    {
      report (self, error);
      return;
    }

  prehab_today_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  gtk_widget_activate_action (GTK_WIDGET (self), "today.rate-session", NULL);
}

/* The toast lives in the window's overlay, outside this page, where an
 * action of the page could not be found: its button calls back instead. */
static void
on_undo_break_clicked_cb (AdwToast        *toast,
                          PrehabTodayPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->last_break == 0)
    return;

  if (!prehab_journal_remove_movement_break (self->store, self->last_break, &error))
    report (self, error);
  self->last_break = 0;
  update_breaks (self);
}

static void
on_break_clicked_cb (PrehabTodayPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *taken_at = prehab_date_dup_now_seconds ();
  GtkWidget *overlay;
  AdwToast *toast;

  self->last_break = prehab_journal_add_movement_break (self->store, taken_at, &error);
  if (self->last_break == 0)
    {
      report (self, error);
      return;
    }
  update_breaks (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (_("Movement break counted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_break_clicked_cb),
                           self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_cleared_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PrehabTodayPage  *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "cleared") || self->enrollment_id == 0)
    return;

  if (!prehab_enrollment_confirm_cleared (self->store, self->enrollment_id, &error))
    {
      report (self, error);
      return;
    }

  prehab_today_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_cleared_clicked_cb (PrehabTodayPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Did a Clinician Clear You?"),
                                   _("Confirm only if a doctor or physiotherapist has checked the warning signs and said you can exercise. Strength work then comes back into the plan. If a warning sign comes back, log it and the plan pauses again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "cleared", _("I Was _Cleared"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cleared",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cleared_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
prehab_today_page_dispose (GObject *object)
{
  PrehabTodayPage *self = PREHAB_TODAY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_TODAY_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (prehab_today_page_parent_class)->dispose (object);
}

static void
prehab_today_page_finalize (GObject *object)
{
  PrehabTodayPage *self = PREHAB_TODAY_PAGE (object);

  g_free (self->today);

  G_OBJECT_CLASS (prehab_today_page_parent_class)->finalize (object);
}

static void
prehab_today_page_class_init (PrehabTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_today_page_dispose;
  object_class->finalize = prehab_today_page_finalize;

  /**
   * PrehabTodayPage::changed:
   *
   * Emitted after the page wrote to the journal, so other views update.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * PrehabTodayPage::error:
   * @message: what went wrong, for the person
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-today-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, alert_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, alert_icon);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, alert_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, alert_body);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, cleared_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, focus_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, decision_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, session_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, session_progress);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, all_done_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, session_list);
  gtk_widget_class_bind_template_child (widget_class, PrehabTodayPage, breaks_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_break_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cleared_clicked_cb);

  gtk_widget_class_install_action (widget_class, "today.rate-session", NULL, rate_session_action);
}

static void
prehab_today_page_init (PrehabTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * prehab_today_page_set_store:
 * @self: the page
 * @store: the open store
 *
 * Gives the page its store and shows today.
 */
void
prehab_today_page_set_store (PrehabTodayPage *self,
                             PrehabStore     *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) exercises = NULL;

  g_return_if_fail (PREHAB_IS_TODAY_PAGE (self));
  g_return_if_fail (PREHAB_IS_STORE (store));

  g_set_object (&self->store, store);

  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  exercises = prehab_exercise_load_all (store, &error);
  if (exercises == NULL)
    report (self, error);
  for (guint i = 0; exercises != NULL && i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);

      g_hash_table_insert (self->names, g_strdup (prehab_exercise_get_id (exercise)),
                           g_strdup (prehab_exercise_get_name (exercise)));
    }

  prehab_today_page_reload (self);
}

/**
 * prehab_today_page_reload:
 * @self: the page
 *
 * Asks the planner about today again and shows its answer; the decision is
 * kept in the audit trail.
 */
void
prehab_today_page_reload (PrehabTodayPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabSession) session = NULL;

  g_return_if_fail (PREHAB_IS_TODAY_PAGE (self));

  if (self->store == NULL)
    return;

  g_free (self->today);
  self->today = prehab_date_dup_today ();

  plan = prehab_schedule_decide (self->store, self->today, &error);
  if (plan == NULL)
    {
      self->enrollment_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      /* Not started yet is what the empty page says; anything else (a
       * start date after today after a clock change, a read error) is
       * reported. */
      if (!g_error_matches (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED))
        report (self, error);
      return;
    }
  self->enrollment_id = plan->enrollment_id;

  if (!prehab_schedule_record_decision (self->store, plan, &error))
    {
      report (self, error);
      g_clear_error (&error);
    }

  session = prehab_journal_load_session (self->store, plan->enrollment_id, self->today, &error);
  if (session == NULL && error != NULL)
    {
      report (self, error);
      g_clear_error (&error);
    }

  show_plan (self, plan, session);
  update_breaks (self);
  gtk_stack_set_visible_child_name (self->stack, "today");
}
