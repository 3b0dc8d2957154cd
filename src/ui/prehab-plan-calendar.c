/* prehab-plan-calendar.c
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

#define G_LOG_DOMAIN "prehab-plan-calendar"

#include "config.h"

#include "prehab-plan-calendar.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prehab-plan-cell.h"
#include "prehab-plan-mark.h"

/* The 8-week calendar: one row per program week, its days in order from
 * the start date, so that a row is always one labelled week of the program
 * and each column one weekday. Under each row run two phase bands, the
 * planned phase above and the phase as it happened below; the days
 * themselves are PrehabPlanCell buttons, one focusable at a time (the
 * selected one), moved between with the arrow keys. */
struct _PrehabPlanCalendar
{
  GtkWidget   parent_instance;

  GArray     *days;            /* of PrehabCalendarDay */
  GPtrArray  *cells;           /* of PrehabPlanCell, one per day */
  GtkWidget  *weekday_labels[7];
  int         selected;        /* index in days, -1 when none */

  /* Geometry of the last allocation, for drawing. */
  gboolean    short_labels;    /* "3" rather than "Week 3" */
  int         label_width;
  int         header_height;
  int         cell_width;
  int         cell_height;
};

G_DEFINE_FINAL_TYPE (PrehabPlanCalendar, prehab_plan_calendar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_DATE,
  N_PROPS
};

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  MOVE_BACK,         /* one day back in time */
  MOVE_FORWARD,
  MOVE_WEEK_BACK,
  MOVE_WEEK_FORWARD,
  MOVE_LEFT,         /* one day to the left: back, or forward in RTL */
  MOVE_RIGHT,
  MOVE_WEEK_START,
  MOVE_WEEK_END,
  MOVE_FIRST,
  MOVE_LAST,
} Move;

#define COLUMN_SPACING   4
#define ROW_SPACING      8
#define HEADER_SPACING   6
#define BAND_TOP_SPACING 3
#define BANDS_HEIGHT     (PREHAB_PLAN_PLANNED_BAND_HEIGHT + PREHAB_PLAN_BAND_GAP \
                          + PREHAB_PLAN_ACTUAL_BAND_HEIGHT)
#define MIN_CELL_WIDTH   34
#define NAT_CELL_WIDTH   64
#define MIN_CELL_HEIGHT  58
#define LONG_LABEL_CELL_WIDTH 44  /* narrower cells get short week labels */
#define MAX_CELL_HEIGHT  68

static guint
get_n_rows (PrehabPlanCalendar *self)
{
  return self->days != NULL ? (self->days->len + 6) / 7 : 0;
}

static PrehabPlanCell *
get_cell (PrehabPlanCalendar *self,
          int                 index)
{
  if (self->cells == NULL || index < 0 || (guint)index >= self->cells->len)
    return NULL;

  return g_ptr_array_index (self->cells, index);
}

static int
find_date (PrehabPlanCalendar *self,
           const char         *date)
{
  if (self->days == NULL || date == NULL)
    return -1;

  for (guint i = 0; i < self->days->len; i++)
    if (g_strcmp0 (g_array_index (self->days, PrehabCalendarDay, i).date, date) == 0)
      return i;

  return -1;
}

static gboolean
is_rtl (PrehabPlanCalendar *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static void
select_index (PrehabPlanCalendar *self,
              int                 index,
              gboolean            grab_focus)
{
  PrehabPlanCell *old_cell = get_cell (self, self->selected);
  PrehabPlanCell *new_cell = get_cell (self, index);

  if (new_cell == NULL)
    return;

  if (index != self->selected)
    {
      /* One day at a time takes the keyboard focus: Tab enters the
       * calendar on the selected day and leaves it from there. */
      if (old_cell != NULL)
        {
          prehab_plan_cell_set_selected (old_cell, FALSE);
          gtk_widget_set_focusable (GTK_WIDGET (old_cell), FALSE);
        }
      prehab_plan_cell_set_selected (new_cell, TRUE);
      gtk_widget_set_focusable (GTK_WIDGET (new_cell), TRUE);
      self->selected = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATE]);
    }

  if (grab_focus)
    gtk_widget_grab_focus (GTK_WIDGET (new_cell));
}

static void
on_day_clicked_cb (PrehabPlanCalendar *self,
                   GtkButton          *button)
{
  int index;

  if (self->cells == NULL || !g_ptr_array_find (self->cells, button, (guint *)&index))
    return;

  select_index (self, index, TRUE);
  g_signal_emit (self, signals[DAY_ACTIVATED], 0,
                 prehab_plan_cell_get_date (PREHAB_PLAN_CELL (button)));
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (widget);
  int n_days = self->days != NULL ? (int)self->days->len : 0;
  int index = self->selected;
  Move move = g_variant_get_int32 (args);

  if (n_days == 0)
    return FALSE;
  if (index < 0)
    index = 0;

  if (move == MOVE_LEFT)
    move = is_rtl (self) ? MOVE_FORWARD : MOVE_BACK;
  else if (move == MOVE_RIGHT)
    move = is_rtl (self) ? MOVE_BACK : MOVE_FORWARD;

  switch (move)
    {
    case MOVE_BACK:
      index -= 1;
      break;
    case MOVE_FORWARD:
      index += 1;
      break;
    case MOVE_WEEK_BACK:
      index -= 7;
      break;
    case MOVE_WEEK_FORWARD:
      index += 7;
      break;
    case MOVE_WEEK_START:
      index -= index % 7;
      break;
    case MOVE_WEEK_END:
      index += 6 - index % 7;
      break;
    case MOVE_FIRST:
      index = 0;
      break;
    case MOVE_LAST:
      index = n_days - 1;
      break;
    case MOVE_LEFT:
    case MOVE_RIGHT:
    default:
      g_assert_not_reached ();
    }

  /* At the edges the focus stays put, as in GtkCalendar: a key that leads
   * nowhere does nothing rather than wrapping around. */
  if (index < 0 || index >= n_days)
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }

  select_index (self, index, TRUE);
  return TRUE;
}

static void
clear_children (PrehabPlanCalendar *self)
{
  if (self->cells != NULL)
    for (guint i = 0; i < self->cells->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->cells, i));
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_labels); i++)
    g_clear_pointer (&self->weekday_labels[i], gtk_widget_unparent);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
}

static GtkWidget *
create_label (PrehabPlanCalendar *self,
              const char         *text,
              const char         *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_add_css_class (label, "dim-label");
  /* Every day's accessible name says its week and weekday already. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return label;
}

static void
create_children (PrehabPlanCalendar *self)
{
  self->cells = g_ptr_array_new ();

  for (guint i = 0; i < MIN (7, self->days->len); i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, i);
      GDate date;
      char name[64];

      g_date_clear (&date, 1);
      g_date_set_parse (&date, day->date);
      /* Translators: a column header of the 8-week calendar: the
       * abbreviated weekday; see the format of strftime() */
      if (!g_date_valid (&date) || g_date_strftime (name, sizeof name, _("%a"), &date) == 0)
        name[0] = '\0';
      self->weekday_labels[i] = create_label (self, name, "caption-heading");
    }

  for (guint i = 0; i < self->days->len; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, i);
      GtkWidget *cell = prehab_plan_cell_new (day, i == 0);

      gtk_widget_set_focusable (cell, FALSE);
      g_signal_connect_object (cell, "clicked", G_CALLBACK (on_day_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_parent (cell, GTK_WIDGET (self));
      g_ptr_array_add (self->cells, cell);
    }
}

/* The week labels are drawn, not widgets: they switch to the short form
 * on narrow widths, which a label cannot do while being allocated. They are
 * no loss to assistive technologies, as every day's name says its week. */
static PangoLayout *
create_week_layout (PrehabPlanCalendar *self,
                    guint               row,
                    gboolean            short_form)
{
  const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, row * 7);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *text = NULL;
  PangoLayout *layout;

  if (short_form)
    text = g_strdup_printf ("%d", day->week);
  else
    /* Translators: the label of a row of the 8-week calendar */
    text = g_strdup_printf (_("Week %d"), day->week);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);

  return layout;
}

static int
get_label_width (PrehabPlanCalendar *self,
                 gboolean            short_form)
{
  guint n_rows = get_n_rows (self);
  int width = 0;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr (PangoLayout) layout = create_week_layout (self, row, short_form);
      int text_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      width = MAX (width, text_width);
    }

  return width + 2;
}

static gboolean
use_short_labels (PrehabPlanCalendar *self,
                  int                 width)
{
  return (width - get_label_width (self, FALSE)) / 7 - COLUMN_SPACING < LONG_LABEL_CELL_WIDTH;
}

static int
get_cell_width (PrehabPlanCalendar *self,
                int                 width)
{
  int label_width = get_label_width (self, use_short_labels (self, width));

  return MAX (MIN_CELL_WIDTH, (width - label_width) / 7 - COLUMN_SPACING);
}

static int
get_header_height (PrehabPlanCalendar *self)
{
  int height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_labels); i++)
    {
      int natural;

      if (self->weekday_labels[i] == NULL)
        continue;
      gtk_widget_measure (self->weekday_labels[i], GTK_ORIENTATION_VERTICAL,
                          -1, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  return height;
}

static int
cell_height_for_width (int cell_width)
{
  return CLAMP ((int)(cell_width * 0.9), MIN_CELL_HEIGHT, MAX_CELL_HEIGHT);
}

static int
height_for_cell_height (PrehabPlanCalendar *self,
                        int                 cell_height)
{
  guint n_rows = get_n_rows (self);

  if (n_rows == 0)
    return 0;

  return get_header_height (self) + HEADER_SPACING
         + n_rows * (cell_height + BAND_TOP_SPACING + BANDS_HEIGHT)
         + (n_rows - 1) * ROW_SPACING;
}

static void
prehab_plan_calendar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (widget);

  if (get_n_rows (self) == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = get_label_width (self, TRUE) + 7 * (MIN_CELL_WIDTH + COLUMN_SPACING);
      *natural = get_label_width (self, FALSE) + 7 * (NAT_CELL_WIDTH + COLUMN_SPACING);
    }
  else if (for_size < 0)
    {
      *minimum = height_for_cell_height (self, MIN_CELL_HEIGHT);
      *natural = height_for_cell_height (self, cell_height_for_width (NAT_CELL_WIDTH));
    }
  else
    {
      *minimum = *natural =
        height_for_cell_height (self, cell_height_for_width (get_cell_width (self, for_size)));
    }
}

static GtkSizeRequestMode
prehab_plan_calendar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
column_x (PrehabPlanCalendar *self,
          int                 width,
          guint               column)
{
  int x = self->label_width + COLUMN_SPACING + column * (self->cell_width + COLUMN_SPACING);

  return is_rtl (self) ? width - x - self->cell_width : x;
}

static int
row_y (PrehabPlanCalendar *self,
       guint               row)
{
  return self->header_height + HEADER_SPACING
         + row * (self->cell_height + BAND_TOP_SPACING + BANDS_HEIGHT + ROW_SPACING);
}

static void
prehab_plan_calendar_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (widget);
  guint n_rows = get_n_rows (self);

  if (n_rows == 0)
    return;

  self->short_labels = use_short_labels (self, width);
  self->label_width = get_label_width (self, self->short_labels);
  self->header_height = get_header_height (self);
  self->cell_width = get_cell_width (self, width);
  self->cell_height = cell_height_for_width (self->cell_width);

  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_labels); i++)
    if (self->weekday_labels[i] != NULL)
      gtk_widget_size_allocate (self->weekday_labels[i],
                                &(GtkAllocation) { column_x (self, width, i), 0,
                                                   self->cell_width, self->header_height },
                                -1);

  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_size_allocate (g_ptr_array_index (self->cells, i),
                              &(GtkAllocation) { column_x (self, width, i % 7), row_y (self, i / 7),
                                                 self->cell_width, self->cell_height },
                              -1);
}

/* The bands of one row: each day's stretch joined to its neighbour's when
 * they share the phase, rounded where a phase begins or ends. */
static void
snapshot_bands (PrehabPlanCalendar      *self,
                GtkSnapshot             *snapshot,
                const PrehabPlanPalette *palette,
                guint                    row,
                gboolean                 actual)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  float y = row_y (self, row) + self->cell_height + BAND_TOP_SPACING;
  float height = PREHAB_PLAN_PLANNED_BAND_HEIGHT;
  guint first = row * 7;
  guint last = MIN (first + 7, self->days->len);

  if (actual)
    {
      y += PREHAB_PLAN_PLANNED_BAND_HEIGHT + PREHAB_PLAN_BAND_GAP;
      height = PREHAB_PLAN_ACTUAL_BAND_HEIGHT;
    }

  for (guint i = first; i < last; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (self->days, PrehabCalendarDay, i);
      const PrehabCalendarDay *previous = i > first ? day - 1 : NULL;
      const PrehabCalendarDay *next = i + 1 < last ? day + 1 : NULL;
      PrehabPhase phase = actual ? day->phase : day->planned_phase;
      gboolean joins_previous, joins_next;
      graphene_rect_t bounds;
      GdkRGBA color;
      float x;

      /* What happened is known up to today only. */
      if (actual && day->is_future)
        continue;
      if (phase > PREHAB_PHASE_MAINTAIN)
        continue;

      joins_previous = previous != NULL
                       && (actual ? previous->phase : previous->planned_phase) == phase;
      joins_next = next != NULL
                   && (actual ? next->phase : next->planned_phase) == phase
                   && !(actual && next->is_future);

      x = column_x (self, width, i % 7);
      graphene_rect_init (&bounds, x, y, self->cell_width + (joins_next ? COLUMN_SPACING : 0),
                          height);
      if (is_rtl (self) && joins_next)
        bounds.origin.x -= COLUMN_SPACING;

      color = palette->phases[phase];
      if (!actual)
        color.alpha *= PREHAB_PLAN_PLANNED_BAND_ALPHA;

      if (is_rtl (self))
        prehab_plan_band_draw (snapshot, &bounds, &color, !joins_next, !joins_previous);
      else
        prehab_plan_band_draw (snapshot, &bounds, &color, !joins_previous, !joins_next);
    }
}

static void
prehab_plan_calendar_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (widget);
  guint n_rows = get_n_rows (self);
  int width = gtk_widget_get_width (widget);
  PrehabPlanPalette palette;
  GdkRGBA label_color;

  if (n_rows == 0)
    return;

  prehab_plan_palette_lookup (widget, &palette);
  label_color = palette.foreground;
  label_color.alpha *= 0.55;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr (PangoLayout) layout = create_week_layout (self, row, self->short_labels);
      int text_width, text_height;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (is_rtl (self) ? width - text_width : 0,
                                                    row_y (self, row)
                                                    + (self->cell_height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &label_color);
      gtk_snapshot_restore (snapshot);

      snapshot_bands (self, snapshot, &palette, row, FALSE);
      snapshot_bands (self, snapshot, &palette, row, TRUE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static gboolean
prehab_plan_calendar_grab_focus (GtkWidget *widget)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (widget);
  PrehabPlanCell *cell = get_cell (self, self->selected);

  if (cell == NULL)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (cell));
}

static void
prehab_plan_calendar_dispose (GObject *object)
{
  PrehabPlanCalendar *self = (PrehabPlanCalendar *)object;

  clear_children (self);
  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (prehab_plan_calendar_parent_class)->dispose (object);
}

static void
prehab_plan_calendar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      g_value_set_string (value, prehab_plan_calendar_get_selected_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_plan_calendar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PrehabPlanCalendar *self = PREHAB_PLAN_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      prehab_plan_calendar_select_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  guint            keypad_keyval,
                  GdkModifierType  modifiers,
                  Move             move)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, move_cb, "i", move);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, modifiers, move_cb, "i", move);
}

static void
prehab_plan_calendar_class_init (PrehabPlanCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_plan_calendar_dispose;
  object_class->get_property = prehab_plan_calendar_get_property;
  object_class->set_property = prehab_plan_calendar_set_property;

  widget_class->measure = prehab_plan_calendar_measure;
  widget_class->get_request_mode = prehab_plan_calendar_get_request_mode;
  widget_class->size_allocate = prehab_plan_calendar_size_allocate;
  widget_class->snapshot = prehab_plan_calendar_snapshot;
  widget_class->grab_focus = prehab_plan_calendar_grab_focus;

  /**
   * PrehabPlanCalendar:selected-date:
   *
   * The selected day as YYYY-MM-DD, or %NULL. Arrow keys, clicks, Enter
   * and Space change it.
   */
  properties[PROP_SELECTED_DATE] =
    g_param_spec_string ("selected-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrehabPlanCalendar::day-activated:
   * @self: the calendar
   * @date: the day, YYYY-MM-DD
   *
   * A day was clicked, or Enter or Space pressed on it: its detail is
   * wanted. The day is the selected one by then.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, MOVE_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, MOVE_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, MOVE_WEEK_BACK);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, MOVE_WEEK_FORWARD);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, MOVE_WEEK_START);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, MOVE_WEEK_END);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, MOVE_FIRST);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, MOVE_LAST);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, MOVE_WEEK_BACK);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, MOVE_WEEK_FORWARD);

  gtk_widget_class_set_css_name (widget_class, "plan-calendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prehab_plan_calendar_init (PrehabPlanCalendar *self)
{
  self->selected = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("8-week plan"),
                                  -1);
}

/**
 * prehab_plan_calendar_new:
 *
 * Returns: (transfer floating): an empty calendar
 */
GtkWidget *
prehab_plan_calendar_new (void)
{
  return g_object_new (PREHAB_TYPE_PLAN_CALENDAR, NULL);
}

/**
 * prehab_plan_calendar_set_days:
 * @self: the calendar
 * @days: (nullable) (element-type PrehabCalendarDay): the days of the
 *   program in order from the start date, as prehab_schedule_load_calendar()
 *   returns them; the calendar keeps a reference
 *
 * Shows @days: one row per seven days. The selected day is kept when it is
 * still there; otherwise today is selected, or else the last day.
 */
void
prehab_plan_calendar_set_days (PrehabPlanCalendar *self,
                               GArray             *days)
{
  g_autofree char *selected_date = NULL;
  int selected;

  g_return_if_fail (PREHAB_IS_PLAN_CALENDAR (self));
  g_return_if_fail (days == NULL || g_array_get_element_size (days) == sizeof (PrehabCalendarDay));

  selected_date = g_strdup (prehab_plan_calendar_get_selected_date (self));

  clear_children (self);
  g_clear_pointer (&self->days, g_array_unref);
  self->selected = -1;

  if (days != NULL && days->len > 0)
    {
      self->days = g_array_ref (days);
      create_children (self);

      selected = find_date (self, selected_date);
      for (guint i = 0; selected < 0 && i < days->len; i++)
        if (g_array_index (days, PrehabCalendarDay, i).is_today)
          selected = i;
      if (selected < 0)
        selected = days->len - 1;
      select_index (self, selected, FALSE);
    }

  /* select_index() told of a new selection; tell of none, too. */
  if (self->selected < 0 && selected_date != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATE]);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
prehab_plan_calendar_get_n_days (PrehabPlanCalendar *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CALENDAR (self), 0);

  return self->days != NULL ? self->days->len : 0;
}

/**
 * prehab_plan_calendar_get_n_rows:
 * @self: the calendar
 *
 * Returns: the number of rows, one per program week
 */
guint
prehab_plan_calendar_get_n_rows (PrehabPlanCalendar *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CALENDAR (self), 0);

  return get_n_rows (self);
}

/**
 * prehab_plan_calendar_get_selected_date:
 * @self: the calendar
 *
 * Returns: (nullable): the selected day, YYYY-MM-DD
 */
const char *
prehab_plan_calendar_get_selected_date (PrehabPlanCalendar *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CALENDAR (self), NULL);

  if (self->days == NULL || self->selected < 0)
    return NULL;

  return g_array_index (self->days, PrehabCalendarDay, self->selected).date;
}

/**
 * prehab_plan_calendar_select_date:
 * @self: the calendar
 * @date: a day, YYYY-MM-DD
 *
 * Selects @date without moving the keyboard focus.
 *
 * Returns: %TRUE when @date is a day of the calendar
 */
gboolean
prehab_plan_calendar_select_date (PrehabPlanCalendar *self,
                                  const char         *date)
{
  int index;

  g_return_val_if_fail (PREHAB_IS_PLAN_CALENDAR (self), FALSE);

  index = find_date (self, date);
  if (index < 0)
    return FALSE;

  select_index (self, index, FALSE);
  return TRUE;
}

/**
 * prehab_plan_calendar_focus_selected:
 * @self: the calendar
 *
 * Moves the keyboard focus to the selected day.
 */
void
prehab_plan_calendar_focus_selected (PrehabPlanCalendar *self)
{
  g_return_if_fail (PREHAB_IS_PLAN_CALENDAR (self));

  select_index (self, self->selected, TRUE);
}

/**
 * prehab_plan_calendar_get_day_widget:
 * @self: the calendar
 * @date: a day, YYYY-MM-DD
 *
 * Returns the cell of @date, a #PrehabPlanCell. Meant for tests, which read
 * its accessible name and send it keys and clicks.
 *
 * Returns: (transfer none) (nullable): the cell, or %NULL
 */
GtkWidget *
prehab_plan_calendar_get_day_widget (PrehabPlanCalendar *self,
                                     const char         *date)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_CALENDAR (self), NULL);

  return (GtkWidget *)get_cell (self, find_date (self, date));
}

/**
 * prehab_plan_calendar_get_day_position:
 * @self: the calendar
 * @date: a day, YYYY-MM-DD
 * @row: (out) (optional): its row, 0 for the first week
 * @column: (out) (optional): its column, 0 for the start date's weekday
 *   (the leftmost column, or the rightmost in right-to-left text)
 *
 * Returns: %TRUE when @date is a day of the calendar
 */
gboolean
prehab_plan_calendar_get_day_position (PrehabPlanCalendar *self,
                                       const char         *date,
                                       guint              *row,
                                       guint              *column)
{
  int index;

  g_return_val_if_fail (PREHAB_IS_PLAN_CALENDAR (self), FALSE);

  index = find_date (self, date);
  if (index < 0)
    return FALSE;

  if (row != NULL)
    *row = index / 7;
  if (column != NULL)
    *column = index % 7;
  return TRUE;
}
