/* prehab-trend-chart.c
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

#define G_LOG_DOMAIN "prehab-trend-chart"

#include "config.h"

#include "prehab-trend-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prehab-date.h"
#include "prehab-plan-cell.h"
#include "prehab-plan-mark.h"
#include "prehab-trend-draw-private.h"
#include "prehab-trend-legend.h"

/* The pain trend of the Journal view: each day's mean rating as a point,
 * the 7-day rolling mean as a line, the baseline dashed, the program's
 * phases as tinted bands behind and the sessions done as marks along the
 * bottom, with a legend under it. One picture for assistive technologies:
 * its description is the trend's one-sentence summary.
 *
 * The axis spans the trend's days, at least a week, so that the first days
 * of a program do not fill the width with one point. */
struct _PrehabTrendChart
{
  GtkWidget  parent_instance;

  GtkWidget *legend;        /* PrehabTrendLegend, under the drawing */
  GArray    *days;          /* of ChartDay, the trend's days */
  GArray    *calendar;      /* of CalendarMark, contiguous from calendar_start */
  guint32    calendar_start;
  double     baseline;      /* NAN when unknown */
  guint      n_rated;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (PrehabTrendChart, prehab_trend_chart, GTK_TYPE_WIDGET)

typedef struct
{
  guint32 day;
  guint   n_entries;
  double  mean;
  double  rolling;
} ChartDay;

typedef struct
{
  int                 week;
  PrehabPhase         phase;
  PrehabSessionStatus status;
  gboolean            is_future;
} CalendarMark;

#define MIN_AXIS_DAYS   7
#define GAP             6
#define STRIP_HEIGHT    4
#define MARK_SIZE       10
#define LEGEND_GAP      12
#define MIN_WIDTH       240
#define NAT_WIDTH       560

static int
get_caption_height (GtkWidget *widget)
{
  g_autoptr (PangoLayout) layout = prehab_trend_caption_layout_new (widget, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static guint
get_n_axis_days (PrehabTrendChart *self)
{
  return MAX (self->days->len, MIN_AXIS_DAYS);
}

static guint32
get_axis_start (PrehabTrendChart *self)
{
  if (self->days->len > 0)
    return g_array_index (self->days, ChartDay, 0).day;
  if (self->calendar->len > 0)
    return self->calendar_start;
  return 0;
}

static const CalendarMark *
lookup_mark (PrehabTrendChart *self,
             guint32           day)
{
  if (self->calendar->len == 0 || day < self->calendar_start ||
      day - self->calendar_start >= self->calendar->len)
    return NULL;

  return &g_array_index (self->calendar, CalendarMark, day - self->calendar_start);
}

/* The legend lists what the drawing shows: the phases and sessions of the
 * days on the axis, the baseline when there is one. */
static void
update_legend (PrehabTrendChart *self)
{
  PrehabTrendLegendItems items = 0;
  guint phases = 0;
  guint32 start = get_axis_start (self);

  if (self->n_rated > 0)
    {
      items = PREHAB_TREND_LEGEND_ROLLING | PREHAB_TREND_LEGEND_DAILY;
      if (!isnan (self->baseline))
        items |= PREHAB_TREND_LEGEND_BASELINE;

      for (guint i = 0; start != 0 && i < get_n_axis_days (self); i++)
        {
          const CalendarMark *mark = lookup_mark (self, start + i);

          if (mark == NULL)
            continue;
          if (mark->status == PREHAB_SESSION_DONE)
            items |= PREHAB_TREND_LEGEND_DONE;
          else if (mark->status == PREHAB_SESSION_PARTIAL)
            items |= PREHAB_TREND_LEGEND_PARTIAL;
          phases |= 1u << mark->phase;
        }
    }

  prehab_trend_legend_set_items (PREHAB_TREND_LEGEND (self->legend), items, phases);
}

typedef struct
{
  int             caption_height;
  int             axis_width;     /* the 0–10 labels */
  graphene_rect_t plot;
  float           marks_y;        /* top of the session marks, or -1 */
  float           labels_y;       /* top of the week labels */
  float           height;         /* of the drawing, the legend under it */
} Geometry;

static int
get_plot_height (int width)
{
  return CLAMP (width * 2 / 5, 140, 220);
}

static void
compute_geometry (PrehabTrendChart *self,
                  int               width,
                  Geometry         *geometry)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr (PangoLayout) ten = prehab_trend_caption_layout_new (widget, "10");
  float y;

  geometry->caption_height = get_caption_height (widget);
  pango_layout_get_pixel_size (ten, &geometry->axis_width, NULL);
  geometry->axis_width += GAP;

  /* Phase names sit above the plot. */
  y = self->calendar->len > 0 ? geometry->caption_height + 2 : geometry->caption_height / 2.0f;
  geometry->plot = GRAPHENE_RECT_INIT (geometry->axis_width, y,
                                       MAX (width - geometry->axis_width - 2, 1),
                                       get_plot_height (width));
  y += geometry->plot.size.height + GAP;

  if (self->calendar->len > 0)
    {
      geometry->marks_y = y;
      y += MARK_SIZE + GAP / 2;
    }
  else
    geometry->marks_y = -1;

  geometry->labels_y = y;
  geometry->height = ceilf (y + geometry->caption_height);
}

/* The drawing's height at @width, and the legend's under it. */
static void
get_heights (PrehabTrendChart *self,
             int               width,
             int              *drawing,
             int              *legend)
{
  Geometry geometry;

  compute_geometry (self, width, &geometry);
  *drawing = geometry.height;
  *legend = 0;
  if (gtk_widget_get_visible (self->legend))
    gtk_widget_measure (self->legend, GTK_ORIENTATION_VERTICAL, width, legend, NULL, NULL, NULL);
}

static float
day_x (const Geometry *geometry,
       guint           n_days,
       double          index)
{
  return geometry->plot.origin.x + (index + 0.5) * geometry->plot.size.width / n_days;
}

static float
pain_y (const Geometry *geometry,
        double          pain)
{
  return geometry->plot.origin.y + geometry->plot.size.height * (1 - CLAMP (pain, 0, 10) / 10);
}

static void
draw_bands (PrehabTrendChart        *self,
            GtkSnapshot             *snapshot,
            cairo_t                 *cr,
            const Geometry          *geometry,
            const PrehabPlanPalette *palette)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_days = get_n_axis_days (self);
  guint32 start = get_axis_start (self);
  float day_width = geometry->plot.size.width / n_days;
  guint i = 0;

  while (i < n_days)
    {
      const CalendarMark *mark = lookup_mark (self, start + i);
      guint end = i + 1;
      float x0, x1;
      const GdkRGBA *color;

      if (mark == NULL)
        {
          i++;
          continue;
        }
      while (end < n_days && lookup_mark (self, start + end) != NULL &&
             lookup_mark (self, start + end)->phase == mark->phase)
        end++;

      color = &palette->phases[CLAMP ((int) mark->phase, 0, PREHAB_N_PHASES - 1)];
      x0 = geometry->plot.origin.x + i * day_width;
      x1 = geometry->plot.origin.x + end * day_width;

      prehab_trend_set_source (cr, color, 0.13);
      cairo_rectangle (cr, x0, geometry->plot.origin.y, x1 - x0, geometry->plot.size.height);
      cairo_fill (cr);
      prehab_trend_set_source (cr, color, 1);
      cairo_rectangle (cr, x0, geometry->plot.origin.y, x1 - x0, STRIP_HEIGHT);
      cairo_fill (cr);

      /* The phase's name above its band, where it fits. */
      {
        g_autoptr (PangoLayout) name = prehab_trend_caption_layout_new (widget,
                                                              prehab_plan_cell_phase_label (mark->phase));
        int width;

        pango_layout_get_pixel_size (name, &width, NULL);
        if (width + 4 <= x1 - x0)
          prehab_trend_append_text (snapshot, name, x0 + 2, 0, &palette->foreground, 0.7);
      }

      i = end;
    }
}

static void
draw_grid (PrehabTrendChart        *self,
           GtkSnapshot             *snapshot,
           cairo_t                 *cr,
           const Geometry          *geometry,
           const PrehabPlanPalette *palette)
{
  int step = geometry->plot.size.height >= 160 ? 2 : 5;

  cairo_set_line_width (cr, 1);
  for (int value = 0; value <= 10; value += step)
    {
      g_autofree char *text = g_strdup_printf ("%d", value);
      g_autoptr (PangoLayout) layout = prehab_trend_caption_layout_new (GTK_WIDGET (self), text);
      float y = roundf (pain_y (geometry, value)) + 0.5f;
      int width, height;

      prehab_trend_set_source (cr, &palette->foreground, value == 0 ? 0.3 : 0.1);
      cairo_move_to (cr, geometry->plot.origin.x, y);
      cairo_line_to (cr, geometry->plot.origin.x + geometry->plot.size.width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &width, &height);
      prehab_trend_append_text (snapshot, layout, geometry->axis_width - GAP - width, y - height / 2.0f,
                   &palette->foreground, 0.6);
    }
}

#define N_WEEK_FORMATS 3

/* A label of the time axis: the long form, then shorter ones for where it
 * does not fit. */
static char *
format_week (guint format,
             int   week)
{
  switch (format)
    {
    case 0:
      /* Translators: a label of the pain chart's time axis */
      return g_strdup_printf (_("Week %d"), week);
    case 1:
      /* Translators: a label of the pain chart's time axis, short for
       * "Week %d" where that does not fit */
      return g_strdup_printf (_("Wk %d"), week);
    default:
      return g_strdup_printf ("%d", week);
    }
}

/* Week numbers under the program's weeks; without a program, a date every
 * week (or every other week where they do not fit). */
static void
draw_axis_labels (PrehabTrendChart        *self,
                  GtkSnapshot             *snapshot,
                  const Geometry          *geometry,
                  const PrehabPlanPalette *palette)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_days = get_n_axis_days (self);
  guint32 start = get_axis_start (self);
  float day_width = geometry->plot.size.width / n_days;

  if (start == 0)
    return;

  if (self->calendar->len > 0)
    {
      guint format = 0;

      /* The widest label decides the form of all of them. */
      for (; format < N_WEEK_FORMATS - 1; format++)
        {
          g_autofree char *text = format_week (format, 88);
          g_autoptr (PangoLayout) layout = prehab_trend_caption_layout_new (widget, text);
          int width;

          pango_layout_get_pixel_size (layout, &width, NULL);
          if (width + 4 <= 7 * day_width)
            break;
        }

      for (guint i = 0; i < n_days; i++)
        {
          const CalendarMark *mark = lookup_mark (self, start + i);
          g_autofree char *text = NULL;
          g_autoptr (PangoLayout) layout = NULL;
          const CalendarMark *previous = i > 0 ? lookup_mark (self, start + i - 1) : NULL;
          guint span = 1;
          int width;

          if (mark == NULL || (previous != NULL && previous->week == mark->week))
            continue;
          while (i + span < n_days && lookup_mark (self, start + i + span) != NULL &&
                 lookup_mark (self, start + i + span)->week == mark->week)
            span++;

          text = format_week (format, mark->week);
          layout = prehab_trend_caption_layout_new (widget, text);
          pango_layout_get_pixel_size (layout, &width, NULL);
          if (width > span * day_width + 4)
            continue;
          prehab_trend_append_text (snapshot, layout,
                       geometry->plot.origin.x + (i + span / 2.0f) * day_width - width / 2.0f,
                       geometry->labels_y, &palette->foreground, 0.6);
        }
    }
  else
    {
      guint every = 7;
      int widest = 0;

      for (guint i = 0; i < n_days; i += 7)
        {
          g_autofree char *date = prehab_day_to_date (start + i);
          g_autoptr (GDateTime) time = NULL;
          int year, month, mday, width;

          if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
            continue;
          time = g_date_time_new_local (year, month, mday, 12, 0, 0);
          {
            /* Translators: a date on the pain chart's time axis, as in
             * "1 Jan"; see the format of g_date_time_format() */
            g_autofree char *text = g_date_time_format (time, _("%-d %b"));
            g_autoptr (PangoLayout) layout = prehab_trend_caption_layout_new (widget, text);

            pango_layout_get_pixel_size (layout, &width, NULL);
            widest = MAX (widest, width);
          }
        }
      while (widest + 8 > every * day_width && every < n_days)
        every += 7;

      for (guint i = 0; i < n_days; i += every)
        {
          g_autofree char *date = prehab_day_to_date (start + i);
          g_autoptr (GDateTime) time = NULL;
          g_autofree char *text = NULL;
          g_autoptr (PangoLayout) layout = NULL;
          int year, month, mday, width;

          if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
            continue;
          time = g_date_time_new_local (year, month, mday, 12, 0, 0);
          text = g_date_time_format (time, _("%-d %b"));
          layout = prehab_trend_caption_layout_new (widget, text);
          pango_layout_get_pixel_size (layout, &width, NULL);
          if (geometry->plot.origin.x + i * day_width + width > geometry->plot.origin.x + geometry->plot.size.width)
            break;
          prehab_trend_append_text (snapshot, layout, geometry->plot.origin.x + i * day_width,
                       geometry->labels_y, &palette->foreground, 0.6);
        }
    }
}

static void
draw_baseline (PrehabTrendChart        *self,
               GtkSnapshot             *snapshot,
               cairo_t                 *cr,
               const Geometry          *geometry,
               const PrehabPlanPalette *palette)
{
  static const double dashes[] = { 5, 4 };
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  float y = pain_y (geometry, self->baseline);
  int width, height;

  if (isnan (self->baseline))
    return;

  prehab_trend_set_source (cr, &palette->foreground, 0.65);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, geometry->plot.origin.x, y);
  cairo_line_to (cr, geometry->plot.origin.x + geometry->plot.size.width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Translators: the label of the dashed line of the pain chart, with the
   * baseline pain, e.g. "Baseline 4.5" */
  text = g_strdup_printf (_("Baseline %.1f"), self->baseline);
  layout = prehab_trend_caption_layout_new (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &width, &height);
  /* Above the line, unless that leaves the plot. */
  prehab_trend_append_text (snapshot, layout,
               geometry->plot.origin.x + geometry->plot.size.width - width - 4,
               y - height - 1 < geometry->plot.origin.y + STRIP_HEIGHT ? y + 2 : y - height - 1,
               &palette->foreground, 0.75);
}

static void
draw_data (PrehabTrendChart        *self,
           cairo_t                 *cr,
           const Geometry          *geometry,
           const PrehabPlanPalette *palette)
{
  guint n_days = get_n_axis_days (self);
  gboolean drawing = FALSE;
  double radius = geometry->plot.size.width / n_days > 8 ? 3.5 : 2.5;

  /* The daily means. */
  prehab_trend_set_source (cr, &palette->foreground, 0.45);
  for (guint i = 0; i < self->days->len; i++)
    {
      const ChartDay *day = &g_array_index (self->days, ChartDay, i);

      if (day->n_entries == 0 || isnan (day->mean))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, day_x (geometry, n_days, i), pain_y (geometry, day->mean), radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  /* The rolling mean, broken where there is none. */
  for (guint i = 0; i < self->days->len; i++)
    {
      const ChartDay *day = &g_array_index (self->days, ChartDay, i);
      float x = day_x (geometry, n_days, i);

      if (isnan (day->rolling))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, pain_y (geometry, day->rolling));
      else
        {
          cairo_move_to (cr, x, pain_y (geometry, day->rolling));
          /* A lone day still shows, as a dot. */
          cairo_line_to (cr, x, pain_y (geometry, day->rolling));
        }
      drawing = TRUE;
    }
  prehab_trend_set_source (cr, &palette->accent, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_sessions (PrehabTrendChart        *self,
               GtkSnapshot             *snapshot,
               const Geometry          *geometry,
               const PrehabPlanPalette *palette)
{
  guint n_days = get_n_axis_days (self);
  guint32 start = get_axis_start (self);
  float size = MIN (MARK_SIZE, geometry->plot.size.width / n_days - 1);

  if (geometry->marks_y < 0 || size < 4)
    return;

  for (guint i = 0; i < n_days; i++)
    {
      const CalendarMark *mark = lookup_mark (self, start + i);
      PrehabPlanMarkKind kind;
      graphene_rect_t bounds;

      if (mark == NULL)
        continue;
      if (mark->status == PREHAB_SESSION_DONE)
        kind = PREHAB_PLAN_MARK_DONE;
      else if (mark->status == PREHAB_SESSION_PARTIAL)
        kind = PREHAB_PLAN_MARK_PARTIAL;
      else
        continue;

      bounds = GRAPHENE_RECT_INIT (day_x (geometry, n_days, i) - size / 2,
                                   geometry->marks_y + (MARK_SIZE - size) / 2, size, size);
      prehab_plan_mark_draw (snapshot, kind, &bounds, palette);
    }
}

static void
draw_empty (PrehabTrendChart        *self,
            GtkSnapshot             *snapshot,
            const Geometry          *geometry,
            const PrehabPlanPalette *palette)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                   _("No pain ratings to show yet"));
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  prehab_trend_append_text (snapshot, layout,
               geometry->plot.origin.x + (geometry->plot.size.width - width) / 2,
               geometry->plot.origin.y + (geometry->plot.size.height - height) / 2,
               &palette->foreground, 0.55);
}

static void
prehab_trend_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PrehabTrendChart *self = PREHAB_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PrehabPlanPalette palette;
  Geometry geometry;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  prehab_plan_palette_lookup (widget, &palette);
  compute_geometry (self, width, &geometry);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, geometry.height));
  draw_bands (self, snapshot, cr, &geometry, &palette);
  draw_grid (self, snapshot, cr, &geometry, &palette);
  if (self->n_rated > 0)
    {
      draw_baseline (self, snapshot, cr, &geometry, &palette);
      draw_data (self, cr, &geometry, &palette);
    }
  cairo_destroy (cr);

  if (self->n_rated == 0)
    draw_empty (self, snapshot, &geometry, &palette);
  draw_sessions (self, snapshot, &geometry, &palette);
  draw_axis_labels (self, snapshot, &geometry, &palette);
  gtk_widget_snapshot_child (widget, self->legend, snapshot);
}

static GtkSizeRequestMode
prehab_trend_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prehab_trend_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  PrehabTrendChart *self = PREHAB_TREND_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      int drawing, legend;

      get_heights (self, for_size < 0 ? NAT_WIDTH : MAX (for_size, MIN_WIDTH), &drawing, &legend);
      *minimum = *natural = drawing + (legend > 0 ? LEGEND_GAP + legend : 0);
    }
}

static void
prehab_trend_chart_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PrehabTrendChart *self = PREHAB_TREND_CHART (widget);
  int drawing, legend;

  get_heights (self, width, &drawing, &legend);
  if (gtk_widget_get_visible (self->legend))
    gtk_widget_size_allocate (self->legend,
                              &(GtkAllocation) { 0, drawing + LEGEND_GAP, width, legend }, -1);
}

static void
update_accessible (PrehabTrendChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  prehab_trend_chart_get_summary (self),
                                  -1);
}

/* The colours come from the style: redraw when it changes (dark style,
 * high contrast). */
static void
prehab_trend_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (prehab_trend_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
prehab_trend_chart_dispose (GObject *object)
{
  PrehabTrendChart *self = PREHAB_TREND_CHART (object);

  g_clear_pointer (&self->legend, gtk_widget_unparent);

  G_OBJECT_CLASS (prehab_trend_chart_parent_class)->dispose (object);
}

static void
prehab_trend_chart_finalize (GObject *object)
{
  PrehabTrendChart *self = PREHAB_TREND_CHART (object);

  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->calendar, g_array_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (prehab_trend_chart_parent_class)->finalize (object);
}

static void
prehab_trend_chart_class_init (PrehabTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_trend_chart_dispose;
  object_class->finalize = prehab_trend_chart_finalize;

  widget_class->snapshot = prehab_trend_chart_snapshot;
  widget_class->measure = prehab_trend_chart_measure;
  widget_class->size_allocate = prehab_trend_chart_size_allocate;
  widget_class->get_request_mode = prehab_trend_chart_get_request_mode;
  widget_class->css_changed = prehab_trend_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "trend-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
prehab_trend_chart_init (PrehabTrendChart *self)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (ChartDay));
  self->calendar = g_array_new (FALSE, TRUE, sizeof (CalendarMark));
  self->baseline = NAN;
  self->legend = prehab_trend_legend_new ();
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));
  update_legend (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the pain chart */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain over time"),
                                  -1);
  update_accessible (self);
}

/**
 * prehab_trend_chart_new:
 *
 * Returns: (transfer floating): a chart with nothing to show yet
 */
GtkWidget *
prehab_trend_chart_new (void)
{
  return g_object_new (PREHAB_TYPE_TREND_CHART, NULL);
}

/**
 * prehab_trend_chart_set_trend:
 * @self: the chart
 * @trend: (nullable): the trend to draw; the chart keeps a copy
 *
 * Shows @trend: its days are the time axis, its summary the chart's
 * accessible description.
 */
void
prehab_trend_chart_set_trend (PrehabTrendChart  *self,
                              const PrehabTrend *trend)
{
  g_return_if_fail (PREHAB_IS_TREND_CHART (self));

  g_array_set_size (self->days, 0);
  g_clear_pointer (&self->summary, g_free);
  self->baseline = NAN;
  self->n_rated = 0;

  if (trend != NULL)
    {
      for (guint i = 0; trend->days != NULL && i < trend->days->len; i++)
        {
          const PrehabTrendDay *source = &g_array_index (trend->days, PrehabTrendDay, i);
          ChartDay day = { prehab_date_to_day (source->date), source->n_entries,
                           source->mean, source->rolling };

          if (day.day == 0)
            continue;
          if (day.n_entries > 0 && !isnan (day.mean))
            self->n_rated++;
          g_array_append_val (self->days, day);
        }
      if (!isnan (trend->baseline) && trend->baseline >= 0)
        self->baseline = trend->baseline;
      self->summary = g_strdup (trend->summary);
    }

  update_accessible (self);
  update_legend (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * prehab_trend_chart_set_calendar:
 * @self: the chart
 * @days: (nullable) (element-type PrehabCalendarDay): the program's
 *   calendar (prehab_schedule_load_calendar()), for the phase bands, the
 *   sessions and the week numbers; %NULL when no program was started
 *
 * The chart keeps what it needs of @days.
 */
void
prehab_trend_chart_set_calendar (PrehabTrendChart *self,
                                 GArray           *days)
{
  g_return_if_fail (PREHAB_IS_TREND_CHART (self));

  g_array_set_size (self->calendar, 0);
  self->calendar_start = 0;

  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      const PrehabCalendarDay *day = &g_array_index (days, PrehabCalendarDay, i);
      guint32 number = prehab_date_to_day (day->date);
      CalendarMark mark = { day->week, day->phase, day->status, day->is_future };

      if (i == 0)
        self->calendar_start = number;
      /* The calendar is one run of days; stop at anything else. */
      if (number != self->calendar_start + i)
        break;
      g_array_append_val (self->calendar, mark);
    }

  update_legend (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * prehab_trend_chart_get_summary:
 * @self: the chart
 *
 * Returns: the sentence that describes the chart: its accessible
 *   description, also shown under it
 */
const char *
prehab_trend_chart_get_summary (PrehabTrendChart *self)
{
  g_return_val_if_fail (PREHAB_IS_TREND_CHART (self), NULL);

  if (self->summary == NULL || *self->summary == '\0')
    return _("No pain ratings to show yet.");

  return self->summary;
}

/**
 * prehab_trend_chart_get_n_days:
 * @self: the chart
 *
 * Returns: how many days the time axis spans
 */
guint
prehab_trend_chart_get_n_days (PrehabTrendChart *self)
{
  g_return_val_if_fail (PREHAB_IS_TREND_CHART (self), 0);

  return self->days->len > 0 ? get_n_axis_days (self) : 0;
}

/**
 * prehab_trend_chart_get_n_rated_days:
 * @self: the chart
 *
 * Returns: how many days of the axis have a rating
 */
guint
prehab_trend_chart_get_n_rated_days (PrehabTrendChart *self)
{
  g_return_val_if_fail (PREHAB_IS_TREND_CHART (self), 0);

  return self->n_rated;
}
