/* prehab-plan-cell.c
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

#define G_LOG_DOMAIN "prehab-plan-cell"

#include "config.h"

#include "prehab-plan-cell.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prehab-plan-mark.h"
#include "prehab-vocabulary.h"

/* One day of the Plan calendar: a button, so that it is focusable, reacts
 * to Enter, Space and clicks, and offers assistive technologies a click
 * action; its face is drawn with a snapshot, its frame comes from the style
 * (the "plan-day" node of style.css). */
struct _PrehabPlanCell
{
  GtkButton          parent_instance;

  PrehabCalendarDay  day;
  gboolean           first;
  gboolean           selected;
  char              *accessible_label;
  char              *accessible_description;
};

G_DEFINE_FINAL_TYPE (PrehabPlanCell, prehab_plan_cell, GTK_TYPE_BUTTON)

#define PADDING     5
#define MIN_WIDTH   34
#define MIN_HEIGHT  58
#define NAT_WIDTH   64
#define NAT_HEIGHT  62

static GDateTime *
date_time_from_day (const PrehabCalendarDay *day)
{
  int year, month, mday;

  if (day->date == NULL || sscanf (day->date, "%d-%d-%d", &year, &month, &mday) != 3)
    return NULL;

  return g_date_time_new_local (year, month, mday, 12, 0, 0);
}

/**
 * prehab_plan_cell_phase_label:
 * @phase: a phase
 *
 * Returns: the translated name of @phase
 */
const char *
prehab_plan_cell_phase_label (PrehabPhase phase)
{
  return prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (phase));
}

/**
 * prehab_plan_cell_dup_status_text:
 * @day: a day of the calendar
 *
 * Describes the day's session and pain in words, the way the accessible
 * name of its cell ends: "session done, pain 3", "strength session
 * planned", "missed", "today". These words are stable: the end-to-end tests
 * look for "session done", "session partly done" and "missed".
 *
 * Returns: (transfer full): the text
 */
char *
prehab_plan_cell_dup_status_text (const PrehabCalendarDay *day)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *status = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  if (day->is_today)
    /* Translators: part of a calendar day's accessible name */
    g_ptr_array_add (parts, g_strdup (_("today")));

  switch (day->status)
    {
    case PREHAB_SESSION_DONE:
      status = day->training ? _("strength session done") : _("session done");
      break;
    case PREHAB_SESSION_PARTIAL:
      status = day->training ? _("strength session partly done") : _("session partly done");
      break;
    case PREHAB_SESSION_SKIPPED:
      /* Translators: part of a calendar day's accessible name: the person
       * chose to rest that day */
      status = _("session skipped");
      break;
    case PREHAB_SESSION_NONE:
    default:
      if (day->is_future || day->is_today)
        status = day->training ? _("strength session planned") : NULL;
      else
        /* Translators: part of a calendar day's accessible name: a past
         * day with no session recorded */
        status = _("missed");
      break;
    }
  if (status != NULL)
    g_ptr_array_add (parts, g_strdup (status));

  if (day->is_future && day->status == PREHAB_SESSION_NONE && !day->training)
    /* Translators: part of a calendar day's accessible name: the short
     * daily routine is planned on that day */
    g_ptr_array_add (parts, g_strdup (_("daily routine planned")));

  if (day->pain >= 0)
    /* Translators: part of a calendar day's accessible name: the day's
     * pain rating, 0 to 10 */
    g_ptr_array_add (parts, g_strdup_printf (_("pain %d"), day->pain));

  if (day->has_decision && day->alert >= PREHAB_ALERT_CLINICIAN)
    /* Translators: part of a calendar day's accessible name: the planner
     * stopped the program that day */
    g_ptr_array_add (parts, g_strdup (_("stopped, see a clinician")));
  else if (day->has_decision && day->alert == PREHAB_ALERT_REVIEW)
    /* Translators: part of a calendar day's accessible name */
    g_ptr_array_add (parts, g_strdup (_("a clinician's review suggested")));

  if (parts->len == 0)
    /* Translators: part of a calendar day's accessible name when nothing
     * was recorded or is planned */
    g_ptr_array_add (parts, g_strdup (_("nothing planned")));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of a calendar day's accessible name:
   * "session done, pain 3" */
  return g_strjoinv (_(", "), (char **)parts->pdata);
}

static void
update_accessible (PrehabPlanCell *self)
{
  g_autoptr (GDateTime) date_time = date_time_from_day (&self->day);
  g_autofree char *date_text = NULL;
  g_autofree char *status = prehab_plan_cell_dup_status_text (&self->day);
  const char *planned = prehab_plan_cell_phase_label (self->day.planned_phase);

  /* Translators: a day in a calendar day's accessible name, as in
   * "Tuesday 9 December"; see the format of g_date_time_format() */
  date_text = g_date_time_format (date_time, _("%A %-d %B"));

  g_free (self->accessible_label);
  /* Translators: the accessible name of a day of the 8-week calendar:
   * "Week 3, Tuesday 9 December: session done, pain 3" */
  self->accessible_label = g_strdup_printf (_("Week %d, %s: %s"),
                                            self->day.week, date_text, status);

  g_free (self->accessible_description);
  if (self->day.is_future || self->day.phase == self->day.planned_phase)
    /* Translators: accessible description of a calendar day */
    self->accessible_description = g_strdup_printf (_("Phase: %s"), planned);
  else
    /* Translators: accessible description of a calendar day whose phase
     * differed from the plan: "Phase: Desensitize, planned: Mobilize" */
    self->accessible_description = g_strdup_printf (_("Phase: %s, planned: %s"),
                                                    prehab_plan_cell_phase_label (self->day.phase),
                                                    planned);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->accessible_description,
                                  -1);
}

static PrehabPlanMarkKind
get_mark_kind (PrehabPlanCell *self)
{
  switch (self->day.status)
    {
    case PREHAB_SESSION_DONE:
      return PREHAB_PLAN_MARK_DONE;
    case PREHAB_SESSION_PARTIAL:
      return PREHAB_PLAN_MARK_PARTIAL;
    case PREHAB_SESSION_SKIPPED:
      return PREHAB_PLAN_MARK_SKIPPED;
    case PREHAB_SESSION_NONE:
    default:
      if (self->day.is_future || self->day.is_today)
        return self->day.training ? PREHAB_PLAN_MARK_TRAINING : PREHAB_PLAN_MARK_NONE;
      return PREHAB_PLAN_MARK_MISSED;
    }
}

static PangoLayout *
create_date_layout (PrehabPlanCell *self,
                    int            max_width)
{
  g_autoptr (GDateTime) date_time = date_time_from_day (&self->day);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();
  PangoLayout *layout;
  int width;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  if (self->day.is_today)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);

  if (date_time == NULL)
    return layout;

  /* Where a month begins, and on the first day, say which month. */
  if (self->first || g_date_time_get_day_of_month (date_time) == 1)
    {
      /* Translators: a calendar cell's date where a month begins: day of
       * month and abbreviated month, as in "1 Jan"; see the format of
       * g_date_time_format() */
      g_autofree char *text = g_date_time_format (date_time, _("%-d %b"));

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width <= max_width)
        return layout;
    }

  {
    g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (date_time));

    pango_layout_set_text (layout, number, -1);
  }

  return layout;
}

static PangoLayout *
create_pain_layout (PrehabPlanCell *self,
                    int             pain)
{
  g_autofree char *text = g_strdup_printf ("%d", pain);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);

  return layout;
}

static int
get_pain_height (PrehabPlanCell *self)
{
  g_autoptr (PangoLayout) layout = create_pain_layout (self, 10);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Whether a two-digit date and a two-digit pain fit side by side. */
static gboolean
is_compact (PrehabPlanCell *self,
            int             width)
{
  g_autoptr (PangoLayout) date = gtk_widget_create_pango_layout (GTK_WIDGET (self), "28");
  g_autoptr (PangoLayout) pain = create_pain_layout (self, 10);
  int date_width, pain_width, pain_height;

  pango_layout_get_pixel_size (date, &date_width, NULL);
  pango_layout_get_pixel_size (pain, &pain_width, &pain_height);
  pain_width = MAX (pain_width + 8, pain_height + 2);

  return date_width + pain_width + 2 * PADDING + 4 > width;
}

static void
prehab_plan_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PrehabPlanCell *self = PREHAB_PLAN_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (PangoLayout) date_layout = NULL;
  g_autoptr (PangoLayout) pain_layout = NULL;
  PrehabPlanPalette palette;
  PrehabPlanMarkKind kind;
  GdkRGBA date_color;
  gboolean compact;
  int text_width, text_height;
  int pain_width = 0, pain_height = 0;
  float top, mark_size, mark_area;

  prehab_plan_palette_lookup (widget, &palette);

  if (self->day.pain >= 0)
    {
      pain_layout = create_pain_layout (self, self->day.pain);
      pango_layout_get_pixel_size (pain_layout, &pain_width, &pain_height);
      pain_width = MAX (pain_width + 8, pain_height + 2);
    }

  /* The pain sits beside the date where there is room for the widest of
   * both, else under the mark: narrow cells stack date, mark and pain, all
   * of them alike so that the marks line up. */
  compact = is_compact (self, width);
  date_layout = create_date_layout (self, width - 2 * PADDING - (compact ? 0 : pain_width + 2));
  pango_layout_get_pixel_size (date_layout, &text_width, &text_height);

  date_color = self->day.is_today ? palette.accent : palette.foreground;
  if (self->day.is_future)
    date_color.alpha *= 0.6;

  gtk_snapshot_save (snapshot);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - PADDING - text_width, PADDING));
  else
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING + 1, PADDING));
  gtk_snapshot_append_layout (snapshot, date_layout, &date_color);
  gtk_snapshot_restore (snapshot);

  if (pain_layout != NULL && compact)
    prehab_plan_pain_pill_draw (snapshot, pain_layout,
                                (width - pain_width) / 2.0f, height - PADDING - pain_height,
                                pain_width, pain_height, &palette);
  else if (pain_layout != NULL)
    {
      float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                ? PADDING : width - PADDING - pain_width;

      prehab_plan_pain_pill_draw (snapshot, pain_layout,
                                  x, PADDING + (text_height - pain_height) / 2.0f,
                                  pain_width, pain_height, &palette);
    }

  /* The mark, centred in the room left. */
  kind = get_mark_kind (self);
  top = PADDING + text_height;
  if (compact)
    mark_area = height - top - PADDING - get_pain_height (self);
  else
    mark_area = height - top - PADDING;
  mark_size = floorf (MIN (MIN (mark_area, width - 2 * PADDING) * (compact ? 0.9f : 0.8f), 22));
  if (kind == PREHAB_PLAN_MARK_TRAINING)
    mark_size = floorf (mark_size * 0.85f);
  if (kind != PREHAB_PLAN_MARK_NONE && mark_size >= 8)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT ((width - mark_size) / 2,
                                                   top + (mark_area - mark_size) / 2,
                                                   mark_size, mark_size);

      prehab_plan_mark_draw (snapshot, kind, &bounds, &palette);
    }

  /* A day the planner asked to see a clinician says so in a corner. */
  if (self->day.has_decision && self->day.alert >= PREHAB_ALERT_CLINICIAN)
    {
      float size = 10;
      gboolean left = gtk_widget_get_direction (widget) != GTK_TEXT_DIR_RTL;
      graphene_rect_t bounds;

      if (compact)
        graphene_rect_init (&bounds, left ? width - PADDING - size + 1 : PADDING - 1,
                            PADDING + (text_height - size) / 2, size, size);
      else
        graphene_rect_init (&bounds, left ? PADDING : width - PADDING - size,
                            height - PADDING - size, size, size);
      prehab_plan_mark_draw (snapshot, PREHAB_PLAN_MARK_ALERT, &bounds, &palette);
    }

  /* A past strength day keeps a small dumbbell beside its status. */
  if (self->day.training && kind != PREHAB_PLAN_MARK_TRAINING && !compact && width >= 44
      && mark_area >= 24)
    {
      float size = 11;
      float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                ? PADDING : width - PADDING - size;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, height - PADDING - size, size, size);

      prehab_plan_mark_draw (snapshot, PREHAB_PLAN_MARK_TRAINING, &bounds, &palette);
    }
}

static void
prehab_plan_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
    }
}

static void
prehab_plan_cell_finalize (GObject *object)
{
  PrehabPlanCell *self = (PrehabPlanCell *)object;

  g_free (self->day.date);
  g_free (self->accessible_label);
  g_free (self->accessible_description);

  G_OBJECT_CLASS (prehab_plan_cell_parent_class)->finalize (object);
}

static void
prehab_plan_cell_class_init (PrehabPlanCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = prehab_plan_cell_finalize;

  widget_class->measure = prehab_plan_cell_measure;
  widget_class->snapshot = prehab_plan_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "plan-day");
}

static void
prehab_plan_cell_init (PrehabPlanCell *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/**
 * prehab_plan_cell_new:
 * @day: the day to show; copied
 * @first: whether @day is the first day of the program
 *
 * Creates the cell of one day of the calendar. Its accessible name says the
 * week, the date, the session and the pain, as in "Week 3, Tuesday
 * 9 December: session done, pain 3"; its description, the phase.
 *
 * Returns: (transfer floating): the cell
 */
GtkWidget *
prehab_plan_cell_new (const PrehabCalendarDay *day,
                     gboolean                 first)
{
  PrehabPlanCell *self;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (day->date != NULL, NULL);

  self = g_object_new (PREHAB_TYPE_PLAN_CELL, NULL);
  self->day = *day;
  self->day.date = g_strdup (day->date);
  self->first = first;

  if (day->is_today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  if (day->is_future)
    gtk_widget_add_css_class (GTK_WIDGET (self), "future");
  else if (day->status == PREHAB_SESSION_NONE && !day->is_today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "missed");

  update_accessible (self);

  return GTK_WIDGET (self);
}

const char *
prehab_plan_cell_get_date (PrehabPlanCell *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CELL (self), NULL);

  return self->day.date;
}

/**
 * prehab_plan_cell_get_day:
 * @self: the cell
 *
 * Returns: (transfer none): the day the cell shows
 */
const PrehabCalendarDay *
prehab_plan_cell_get_day (PrehabPlanCell *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CELL (self), NULL);

  return &self->day;
}

gboolean
prehab_plan_cell_get_selected (PrehabPlanCell *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CELL (self), FALSE);

  return self->selected;
}

/**
 * prehab_plan_cell_set_selected:
 * @self: the cell
 * @selected: whether the cell's day is the calendar's selected day
 *
 * Marks the cell as selected: the :selected style, and the selected state
 * for assistive technologies.
 */
void
prehab_plan_cell_set_selected (PrehabPlanCell *self,
                              gboolean       selected)
{
  g_return_if_fail (PREHAB_IS_PLAN_CELL (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
}

/**
 * prehab_plan_cell_get_accessible_label:
 * @self: the cell
 *
 * Returns the name the cell gives assistive technologies. GTK 4.8 has no
 * getter for accessible properties; this one lets the tests read it.
 *
 * Returns: (transfer none): the accessible name
 */
const char *
prehab_plan_cell_get_accessible_label (PrehabPlanCell *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CELL (self), NULL);

  return self->accessible_label;
}
