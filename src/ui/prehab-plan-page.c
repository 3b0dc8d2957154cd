/* prehab-plan-page.c
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

#define G_LOG_DOMAIN "prehab-plan-page"

#include "config.h"

#include "prehab-plan-page.h"

#include <glib/gi18n.h>

#include "prehab-plan-calendar.h"
#include "prehab-plan-cell.h"
#include "prehab-plan-detail.h"
#include "prehab-plan-mark.h"
#include "prehab-date.h"
#include "prehab-schedule.h"

/* The Plan view: the 8-week calendar and, beside it (or, on a narrow
 * window, one step further), the detail of the selected day. */
struct _PrehabPlanPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  AdwLeaflet         *leaflet;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkWidget          *today_button;
  PrehabPlanCalendar *calendar;
  GtkLabel           *legend_desensitize;
  GtkLabel           *legend_mobilize;
  GtkLabel           *legend_strengthen;
  GtkLabel           *legend_maintain;
  GtkWidget          *legend_desensitize_child;
  GtkWidget          *legend_mobilize_child;
  GtkWidget          *legend_strengthen_child;
  GtkWidget          *legend_maintain_child;
  PrehabPlanDetail   *detail;

  PrehabStore        *store;
  GArray             *days;             /* of PrehabCalendarDay */
  GHashTable         *exercise_names;   /* id → name */
  gint64              enrollment_id;
  gboolean            dirty;            /* the plan is read when next shown */
  guint               load_idle_id;     /* or, hidden, when the app is idle */
};

G_DEFINE_FINAL_TYPE (PrehabPlanPage, prehab_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PrehabCalendarDay *
find_day (PrehabPlanPage *self,
          const char     *date)
{
  if (self->days == NULL || date == NULL)
    return NULL;

  for (guint i = 0; i < self->days->len; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, i);

      if (g_str_equal (day->date, date))
        return day;
    }

  return NULL;
}

static const PrehabCalendarDay *
find_today (PrehabPlanPage *self)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, i);

      if (day->is_today)
        return day;
    }

  return NULL;
}

static char *
format_date (const char *date,
             const char *format)
{
  int year, month, mday;
  g_autoptr (GDateTime) date_time = NULL;

  if (sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
    return g_strdup (date);

  date_time = g_date_time_new_local (year, month, mday, 12, 0, 0);
  return date_time != NULL ? g_date_time_format (date_time, format) : g_strdup (date);
}

static void
update_header (PrehabPlanPage *self)
{
  const PrehabCalendarDay *today = find_today (self);
  const PrehabCalendarDay *first = &g_array_index (self->days, PrehabCalendarDay, 0);
  const PrehabCalendarDay *last = &g_array_index (self->days, PrehabCalendarDay,
                                                  self->days->len - 1);
  int n_weeks = last->week;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  /* Translators: the first and last day of the program under the Plan's
   * title, as in "19 Nov – 13 Jan"; see g_date_time_format() */
  g_autofree char *from = format_date (first->date, _("%-d %b"));
  g_autofree char *to = format_date (last->date, _("%-d %b"));

  if (today != NULL)
    {
      /* Translators: the Plan's title: the current week of the program */
      title = g_strdup_printf (_("Week %d of %d"), today->week, n_weeks);
      /* Translators: under the Plan's title: today's phase, then the
       * program's dates: "Mobilize · 19 Nov – 13 Jan" */
      subtitle = g_strdup_printf (_("%s · %s – %s"),
                                  prehab_plan_cell_phase_label (today->phase), from, to);
    }
  else
    {
      title = g_strdup_printf (ngettext ("The %d-Week Program", "The %d-Week Program", n_weeks),
                               n_weeks);
      /* Translators: the program's dates: "19 Nov – 13 Jan" */
      subtitle = g_strdup_printf (_("%s – %s"), from, to);
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (self->today_button, today != NULL);
}

/* The legend names the phases that the program has. */
static void
update_legend (PrehabPlanPage *self)
{
  GtkWidget *children[PREHAB_N_PHASES] = {
    self->legend_desensitize_child, self->legend_mobilize_child,
    self->legend_strengthen_child, self->legend_maintain_child,
  };
  gboolean present[PREHAB_N_PHASES] = { FALSE, };

  for (guint i = 0; i < self->days->len; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, i);

      if (day->planned_phase < PREHAB_N_PHASES)
        present[day->planned_phase] = TRUE;
      if (!day->is_future && day->phase < PREHAB_N_PHASES)
        present[day->phase] = TRUE;
    }

  for (guint i = 0; i < PREHAB_N_PHASES; i++)
    gtk_widget_set_visible (children[i], present[i]);
}

static void
show_selected_day (PrehabPlanPage *self)
{
  const PrehabCalendarDay *day =
    find_day (self, prehab_plan_calendar_get_selected_date (self->calendar));

  if (day == NULL || self->store == NULL)
    {
      prehab_plan_detail_clear (self->detail);
      return;
    }

  prehab_plan_detail_show_day (self->detail, self->store, self->enrollment_id,
                               self->exercise_names, day);
}

static GHashTable *
load_exercise_names (PrehabStore  *store,
                     GError      **error)
{
  g_autoptr (GListModel) exercises = prehab_exercise_load_all (store, error);
  GHashTable *names;

  if (exercises == NULL)
    return NULL;

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);

      g_hash_table_insert (names, g_strdup (prehab_exercise_get_id (exercise)),
                           g_strdup (prehab_exercise_get_name (exercise)));
    }

  return names;
}

static void
show_error (PrehabPlanPage *self,
            const GError   *error)
{
  g_warning ("Could not load the plan: %s", error->message);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_selected_date_cb (PrehabPlanPage *self)
{
  show_selected_day (self);
}

static void
on_day_activated_cb (PrehabPlanPage *self,
                     const char     *date)
{
  /* Folded, the detail is a step away: take it. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_back_clicked_cb (PrehabPlanPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "calendar");
  prehab_plan_calendar_focus_selected (self->calendar);
}

static void
on_today_clicked_cb (PrehabPlanPage *self)
{
  const PrehabCalendarDay *today = find_today (self);

  if (today == NULL)
    return;

  prehab_plan_calendar_select_date (self->calendar, today->date);
  prehab_plan_calendar_focus_selected (self->calendar);
}

static void load_plan (PrehabPlanPage *self);

/* A plan that changed while the view was hidden is read when the app is
 * idle, or at once when the view is shown: a save made in another view
 * does not wait for a calendar nobody sees to paint its answer. */
static gboolean
load_idle_cb (gpointer user_data)
{
  PrehabPlanPage *self = user_data;

  self->load_idle_id = 0;
  if (self->dirty)
    load_plan (self);

  return G_SOURCE_REMOVE;
}

static void
prehab_plan_page_map (GtkWidget *widget)
{
  PrehabPlanPage *self = PREHAB_PLAN_PAGE (widget);

  if (self->dirty)
    load_plan (self);

  GTK_WIDGET_CLASS (prehab_plan_page_parent_class)->map (widget);
}

static void
prehab_plan_page_dispose (GObject *object)
{
  PrehabPlanPage *self = (PrehabPlanPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_PLAN_PAGE);
  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->exercise_names, g_hash_table_unref);

  G_OBJECT_CLASS (prehab_plan_page_parent_class)->dispose (object);
}

static void
prehab_plan_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrehabPlanPage *self = PREHAB_PLAN_PAGE (object);

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
prehab_plan_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrehabPlanPage *self = PREHAB_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      prehab_plan_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_plan_page_class_init (PrehabPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_plan_page_dispose;
  object_class->get_property = prehab_plan_page_get_property;
  object_class->set_property = prehab_plan_page_set_property;

  widget_class->map = prehab_plan_page_map;

  /**
   * PrehabPlanPage:store:
   *
   * The store the plan is read from. Setting it reloads the page.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PREHAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PREHAB_TYPE_PLAN_CALENDAR);
  g_type_ensure (PREHAB_TYPE_PLAN_DETAIL);
  g_type_ensure (PREHAB_TYPE_PLAN_MARK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_desensitize);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_mobilize);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_strengthen);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_maintain);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_desensitize_child);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_mobilize_child);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_strengthen_child);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, legend_maintain_child);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planpage");
}

static void
prehab_plan_page_init (PrehabPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The phase names come from the vocabulary, translated once there. */
  gtk_label_set_label (self->legend_desensitize,
                       prehab_plan_cell_phase_label (PREHAB_PHASE_DESENSITIZE));
  gtk_label_set_label (self->legend_mobilize,
                       prehab_plan_cell_phase_label (PREHAB_PHASE_MOBILIZE));
  gtk_label_set_label (self->legend_strengthen,
                       prehab_plan_cell_phase_label (PREHAB_PHASE_STRENGTHEN));
  gtk_label_set_label (self->legend_maintain,
                       prehab_plan_cell_phase_label (PREHAB_PHASE_MAINTAIN));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * prehab_plan_page_get_store:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the store
 */
PrehabStore *
prehab_plan_page_get_store (PrehabPlanPage *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_PAGE (self), NULL);

  return self->store;
}

/**
 * prehab_plan_page_set_store:
 * @self: the page
 * @store: (nullable): the store to read the plan from
 *
 * Shows the plan of @store.
 */
void
prehab_plan_page_set_store (PrehabPlanPage *self,
                            PrehabStore    *store)
{
  g_return_if_fail (PREHAB_IS_PLAN_PAGE (self));
  g_return_if_fail (store == NULL || PREHAB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  prehab_plan_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
load_plan (PrehabPlanPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) days = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autofree char *today = NULL;

  self->dirty = FALSE;
  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  if (self->store == NULL)
    {
      g_clear_pointer (&self->days, g_array_unref);
      prehab_plan_calendar_set_days (self->calendar, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  today = prehab_date_dup_today ();
  days = prehab_schedule_load_calendar (self->store, today, &error);
  if (days == NULL)
    {
      g_clear_pointer (&self->days, g_array_unref);
      prehab_plan_calendar_set_days (self->calendar, NULL);
      if (g_error_matches (error, PREHAB_SCHEDULE_ERROR, PREHAB_SCHEDULE_ERROR_NOT_STARTED))
        gtk_stack_set_visible_child_name (self->stack, "empty");
      else
        show_error (self, error);
      return;
    }

  enrollment = prehab_enrollment_load_active (self->store, &error);
  if (enrollment == NULL && error != NULL)
    {
      show_error (self, error);
      return;
    }
  names = load_exercise_names (self->store, &error);
  if (names == NULL)
    {
      show_error (self, error);
      return;
    }

  if (days->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->enrollment_id = enrollment != NULL ? enrollment->id : 0;
  g_clear_pointer (&self->exercise_names, g_hash_table_unref);
  self->exercise_names = g_steal_pointer (&names);
  g_clear_pointer (&self->days, g_array_unref);
  self->days = g_array_ref (days);

  update_header (self);
  update_legend (self);

  /* Without a change of selected day the calendar says nothing: show the
   * day's new detail all the same. */
  g_signal_handlers_block_by_func (self->calendar, on_selected_date_cb, self);
  prehab_plan_calendar_set_days (self->calendar, days);
  g_signal_handlers_unblock_by_func (self->calendar, on_selected_date_cb, self);
  show_selected_day (self);

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

/**
 * prehab_plan_page_reload:
 * @self: the page
 *
 * Reads the plan again: call it when the data changed (a session checked
 * off, a pain entry logged, the program set up) or the day turned. The
 * selected day stays selected. A page that is not on screen reads it when
 * the app is next idle, or when it is shown or asked to select a day,
 * whichever comes first.
 */
void
prehab_plan_page_reload (PrehabPlanPage *self)
{
  g_return_if_fail (PREHAB_IS_PLAN_PAGE (self));

  self->dirty = TRUE;
  if (self->store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_plan (self);
  else if (self->load_idle_id == 0)
    self->load_idle_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

/**
 * prehab_plan_page_select_date:
 * @self: the page
 * @date: a day of the program, YYYY-MM-DD
 *
 * Selects @date in the calendar and shows its detail.
 *
 * Returns: %TRUE when @date is a day of the program
 */
gboolean
prehab_plan_page_select_date (PrehabPlanPage *self,
                              const char     *date)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->dirty)
    load_plan (self);

  return prehab_plan_calendar_select_date (self->calendar, date);
}
