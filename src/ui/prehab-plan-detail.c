/* prehab-plan-detail.c
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

#define G_LOG_DOMAIN "prehab-plan-detail"

#include "config.h"

#include "prehab-plan-detail.h"

#include <glib/gi18n.h>

#include "prehab-plan-cell.h"
#include "prehab-vocabulary.h"

/* The detail of the day selected in the Plan calendar: the planner's
 * decision (or, ahead, what is planned), the session and the pain
 * entries. */
struct _PrehabPlanDetail
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *date_label;
  GtkLabel             *summary_label;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *decision_group;
  AdwPreferencesGroup  *session_group;
  AdwPreferencesGroup  *pain_group;

  /* The rows added to each group, to take them out again. */
  GPtrArray            *decision_rows;
  GPtrArray            *session_rows;
  GPtrArray            *pain_rows;
};

G_DEFINE_FINAL_TYPE (PrehabPlanDetail, prehab_plan_detail, GTK_TYPE_WIDGET)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);

  return row;
}

static void
add_status_icon (GtkWidget  *row,
                 const char *icon_name,
                 const char *label,
                 const char *css_class)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
}

static const char *
exercise_name (GHashTable *names,
               const char *id)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, id) : NULL;

  return name != NULL ? name : id;
}

static char *
join_reasons (const PrehabPlan *plan)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) reasons = NULL;

  for (guint i = 0; plan->reasons != NULL && i < plan->reasons->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (plan->reasons, i));
  reasons = g_strv_builder_end (builder);

  return g_strjoinv ("\n", reasons);
}

static void
show_plan (PrehabPlanDetail        *self,
           const PrehabCalendarDay *day,
           const PrehabPlan        *plan)
{
  if (day->is_future)
    {
      adw_preferences_group_set_title (self->decision_group,
                                       /* Translators: heading of what the program plans
                                        * for a day ahead */
                                       _("Planned"));
      add_row (self->decision_group, self->decision_rows,
               plan->training ? _("Strength session") : _("Daily routine"),
               plan->focus);
    }
  else
    {
      g_autofree char *reasons = join_reasons (plan);
      GtkWidget *row;

      adw_preferences_group_set_title (self->decision_group, _("Decision"));
      row = add_row (self->decision_group, self->decision_rows,
                     prehab_decision_label (plan->decision), reasons);
      if (plan->see_clinician)
        add_status_icon (row, "dialog-warning-symbolic",
                         /* Translators: a sign beside a decision that asks to see a clinician */
                         _("See a clinician"), "warning");
    }
}

static void
show_session (PrehabPlanDetail        *self,
              const PrehabCalendarDay *day,
              const PrehabPlan        *plan,
              const PrehabSession     *session,
              GHashTable              *names)
{
  g_autofree char *description = NULL;

  if (session != NULL && session->status != PREHAB_SESSION_NONE)
    {
      guint n_done = 0;

      for (guint i = 0; i < session->exercises->len; i++)
        {
          const PrehabSessionExercise *exercise =
            &g_array_index (session->exercises, PrehabSessionExercise, i);
          g_autofree char *dose = prehab_dose_format (&exercise->planned);
          GtkWidget *row = add_row (self->session_group, self->session_rows,
                                    exercise_name (names, exercise->exercise_id), dose);

          if (exercise->completed)
            {
              n_done++;
              add_status_icon (row, "object-select-symbolic",
                               /* Translators: an exercise of a session was done */
                               _("Done"), "success");
            }
        }

      switch (session->status)
        {
        case PREHAB_SESSION_DONE:
          description = g_strdup (_("Done"));
          break;
        case PREHAB_SESSION_PARTIAL:
          /* Translators: a session that was partly done: "2 of 5 exercises done" */
          description = g_strdup_printf (ngettext ("%u of %u exercise done",
                                                   "%u of %u exercises done",
                                                   session->exercises->len),
                                         n_done, session->exercises->len);
          break;
        case PREHAB_SESSION_SKIPPED:
          /* Translators: the person chose to rest that day */
          description = g_strdup (_("Skipped"));
          break;
        case PREHAB_SESSION_NONE:
        default:
          break;
        }
    }
  else if (plan != NULL)
    {
      for (guint i = 0; plan->items != NULL && i < plan->items->len; i++)
        {
          const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);
          g_autofree char *dose = prehab_dose_format (&item->dose);

          add_row (self->session_group, self->session_rows,
                   exercise_name (names, item->exercise_id), dose);
        }

      if (day->is_future)
        description = g_strdup (_("What the program plans for this day"));
      else if (day->is_today)
        description = g_strdup (_("Not done yet"));
      else
        /* Translators: a past day without a session; said plainly, not as a
         * reproach */
        description = g_strdup (_("No session recorded"));
    }

  adw_preferences_group_set_title (self->session_group,
                                   day->training ? _("Strength Session") : _("Session"));
  adw_preferences_group_set_description (self->session_group, description);
}

static char *
describe_entry (const PrehabPainEntry *entry)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = NULL;
  const char *time = entry->logged_at != NULL ? strchr (entry->logged_at, ' ') : NULL;

  if (time != NULL)
    g_strv_builder_add (builder, time + 1);
  for (guint i = 0; entry->regions != NULL && entry->regions[i] != NULL; i++)
    g_strv_builder_add (builder, prehab_vocabulary_label (prehab_regions, entry->regions[i]));
  for (guint i = 0; entry->qualities != NULL && entry->qualities[i] != NULL; i++)
    g_strv_builder_add (builder, prehab_vocabulary_label (prehab_qualities, entry->qualities[i]));
  if (entry->note != NULL && *entry->note != '\0')
    g_strv_builder_add (builder, entry->note);
  parts = g_strv_builder_end (builder);

  /* Translators: separates the details of a pain entry: "08:30 · Neck · Ache" */
  return g_strjoinv (_(" · "), parts);
}

static void
show_pain (PrehabPlanDetail *self,
           GPtrArray        *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const PrehabPainEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = describe_entry (entry);

      /* Translators: a pain entry of a day: rating out of ten and when it
       * was taken, as in "3/10, Morning" */
      title = g_strdup_printf (_("%d/10, %s"), entry->pain,
                               prehab_vocabulary_label (prehab_contexts, entry->context));
      add_row (self->pain_group, self->pain_rows, title, subtitle);
    }

  adw_preferences_group_set_description (self->pain_group,
                                         entries->len == 0 ? _("No pain logged") : NULL);
}

static void
show_error (PrehabPlanDetail *self,
            const GError     *error)
{
  g_autofree char *text = NULL;

  /* Translators: the detail of a calendar day could not be read; the
   * reason follows */
  text = g_strdup_printf (_("This day could not be loaded: %s"), error->message);
  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
prehab_plan_detail_dispose (GObject *object)
{
  PrehabPlanDetail *self = (PrehabPlanDetail *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_PLAN_DETAIL);
  g_clear_pointer (&self->decision_rows, g_ptr_array_unref);
  g_clear_pointer (&self->session_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pain_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_plan_detail_parent_class)->dispose (object);
}

static void
prehab_plan_detail_class_init (PrehabPlanDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_plan_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-plan-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, date_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, decision_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, session_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanDetail, pain_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plan-detail");
}

static void
prehab_plan_detail_init (PrehabPlanDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->decision_rows = g_ptr_array_new ();
  self->session_rows = g_ptr_array_new ();
  self->pain_rows = g_ptr_array_new ();
}

/**
 * prehab_plan_detail_clear:
 * @self: the detail
 *
 * Shows nothing.
 */
void
prehab_plan_detail_clear (PrehabPlanDetail *self)
{
  g_return_if_fail (PREHAB_IS_PLAN_DETAIL (self));

  clear_rows (self->decision_group, self->decision_rows);
  clear_rows (self->session_group, self->session_rows);
  clear_rows (self->pain_group, self->pain_rows);
  adw_preferences_group_set_description (self->session_group, NULL);
  adw_preferences_group_set_description (self->pain_group, NULL);
  gtk_label_set_label (self->date_label, "");
  gtk_label_set_label (self->summary_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/**
 * prehab_plan_detail_show_day:
 * @self: the detail
 * @store: the store to read the day from
 * @enrollment_id: the active enrollment
 * @exercise_names: (element-type utf8 utf8): exercise names by id
 * @day: the day, as the calendar shows it
 *
 * Shows what happened on @day: the planner's decision and its reasons, the
 * session and the pain entries; or, for a day ahead, what is planned.
 */
void
prehab_plan_detail_show_day (PrehabPlanDetail        *self,
                             PrehabStore             *store,
                             gint64                   enrollment_id,
                             GHashTable              *exercise_names,
                             const PrehabCalendarDay *day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) plan = NULL;
  g_autoptr (PrehabSession) session = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GDateTime) date_time = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *week = NULL;
  int year, month, mday;

  g_return_if_fail (PREHAB_IS_PLAN_DETAIL (self));
  g_return_if_fail (PREHAB_IS_STORE (store));
  g_return_if_fail (day != NULL && day->date != NULL);

  prehab_plan_detail_clear (self);

  if (sscanf (day->date, "%d-%d-%d", &year, &month, &mday) == 3)
    date_time = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date_time != NULL)
    /* Translators: the heading of a day's detail, as in "Tuesday
     * 9 December"; see the format of g_date_time_format() */
    date_text = g_date_time_format (date_time, _("%A %-d %B"));
  gtk_label_set_label (self->date_label, date_text != NULL ? date_text : day->date);

  /* Translators: the program week of a day, as in "Week 3" */
  week = g_strdup_printf (_("Week %d"), day->week);
  if (day->is_future || day->phase == day->planned_phase)
    /* Translators: a day's week and phase: "Week 3 · Mobilize" */
    summary = g_strdup_printf (_("%s · %s"), week, prehab_plan_cell_phase_label (day->phase));
  else
    /* Translators: a day's week and phase when it differed from the plan:
     * "Week 3 · Desensitize, planned: Mobilize" */
    summary = g_strdup_printf (_("%s · %s, planned: %s"), week,
                               prehab_plan_cell_phase_label (day->phase),
                               prehab_plan_cell_phase_label (day->planned_phase));
  if (day->is_today)
    {
      g_autofree char *today = g_steal_pointer (&summary);

      /* Translators: the summary of today's detail: "Today · Week 3 · Mobilize" */
      summary = g_strdup_printf (_("Today · %s"), today);
    }
  gtk_label_set_label (self->summary_label, summary);

  if (day->is_future)
    plan = prehab_schedule_preview (store, day->date, &error);
  else
    plan = prehab_schedule_decide (store, day->date, &error);
  if (plan == NULL)
    {
      show_error (self, error);
      g_clear_error (&error);
    }
  else
    show_plan (self, day, plan);

  if (!day->is_future)
    {
      session = prehab_journal_load_session (store, enrollment_id, day->date, &error);
      if (error != NULL)
        {
          show_error (self, error);
          g_clear_error (&error);
        }

      entries = prehab_journal_list_entries (store, day->date, day->date, &error);
      if (entries == NULL)
        {
          show_error (self, error);
          g_clear_error (&error);
        }
    }

  show_session (self, day, plan, session, exercise_names);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_group), plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pain_group), entries != NULL);
  if (entries != NULL)
    show_pain (self, entries);

  /* A new day starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}
