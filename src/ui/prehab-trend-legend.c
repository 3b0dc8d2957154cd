/* prehab-trend-legend.c
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

#define G_LOG_DOMAIN "prehab-trend-legend"

#include "config.h"

#include "prehab-trend-legend.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prehab-plan-cell.h"
#include "prehab-plan-mark.h"
#include "prehab-trend-draw-private.h"

/* The legend under the pain chart (PrehabTrendChart, its parent): each of
 * what the chart shows, drawn the way the chart draws it, with its name;
 * the items wrap onto more rows on a narrow window. The chart's accessible
 * description says what matters, so the legend is only a picture. */
struct _PrehabTrendLegend
{
  GtkWidget               parent_instance;

  PrehabTrendLegendItems  items;
  guint                   phases;
};

G_DEFINE_FINAL_TYPE (PrehabTrendLegend, prehab_trend_legend, GTK_TYPE_WIDGET)

#define SWATCH       18
#define SWATCH_GAP   4
#define ITEM_SPACING 14
#define ROW_SPACING  6
#define MARK_SIZE    10

typedef struct
{
  PrehabTrendLegendItems  kind;   /* 0 for a phase */
  PrehabPhase             phase;
  PangoLayout            *layout;
  int                     width;  /* swatch and text */
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static GArray *
create_items (PrehabTrendLegend *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  const struct { PrehabTrendLegendItems kind; const char *text; } kinds[] = {
    /* Translators: legend of the pain chart: the line */
    { PREHAB_TREND_LEGEND_ROLLING, N_("7-day average") },
    /* Translators: legend of the pain chart: the points */
    { PREHAB_TREND_LEGEND_DAILY, N_("Daily average") },
    /* Translators: legend of the pain chart: the dashed line, the pain of
     * the program's first week */
    { PREHAB_TREND_LEGEND_BASELINE, N_("Baseline") },
    /* Translators: legend of the pain chart: the marks along the bottom */
    { PREHAB_TREND_LEGEND_DONE, N_("Session done") },
    /* Translators: legend of the pain chart */
    { PREHAB_TREND_LEGEND_PARTIAL, N_("Partly done") },
  };

  g_array_set_clear_func (items, item_clear);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      Item item = { kinds[i].kind, 0, NULL, 0 };

      if ((self->items & kinds[i].kind) == 0)
        continue;
      item.layout = prehab_trend_caption_layout_new (widget, _(kinds[i].text));
      pango_layout_get_pixel_size (item.layout, &item.width, NULL);
      item.width += SWATCH + SWATCH_GAP;
      g_array_append_val (items, item);
    }

  for (PrehabPhase phase = PREHAB_PHASE_DESENSITIZE; phase <= PREHAB_PHASE_MAINTAIN; phase++)
    {
      Item item = { 0, phase, NULL, 0 };

      if ((self->phases & (1u << phase)) == 0)
        continue;
      item.layout = prehab_trend_caption_layout_new (widget, prehab_plan_cell_phase_label (phase));
      pango_layout_get_pixel_size (item.layout, &item.width, NULL);
      item.width += SWATCH + SWATCH_GAP;
      g_array_append_val (items, item);
    }

  return items;
}

static int
get_row_height (PrehabTrendLegend *self)
{
  g_autoptr (PangoLayout) layout = prehab_trend_caption_layout_new (GTK_WIDGET (self), "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (height, MARK_SIZE);
}

/* Lays the items out in rows at @width; returns the number of rows and,
 * with @positions, where each item starts. */
static int
lay_out (GArray           *items,
         int               width,
         int               row_height,
         graphene_point_t *positions)
{
  int rows = 0, x = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (rows == 0 || (x > 0 && x + item->width > width))
        {
          rows++;
          x = 0;
        }
      if (positions != NULL)
        positions[i] = GRAPHENE_POINT_INIT (x, (rows - 1) * (row_height + ROW_SPACING));
      x += item->width + ITEM_SPACING;
    }

  return rows;
}

static void
draw_swatch (GtkSnapshot             *snapshot,
             const Item              *item,
             float                    x,
             float                    y,
             float                    height,
             const PrehabPlanPalette *palette)
{
  float cy = y + height / 2;
  cairo_t *cr;

  if (item->kind == PREHAB_TREND_LEGEND_DONE || item->kind == PREHAB_TREND_LEGEND_PARTIAL)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x + (SWATCH - MARK_SIZE) / 2.0f,
                                                   cy - MARK_SIZE / 2.0f, MARK_SIZE, MARK_SIZE);

      prehab_plan_mark_draw (snapshot,
                             item->kind == PREHAB_TREND_LEGEND_DONE ? PREHAB_PLAN_MARK_DONE
                                                                    : PREHAB_PLAN_MARK_PARTIAL,
                             &bounds, palette);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, SWATCH, height));
  switch ((int) item->kind)
    {
    case PREHAB_TREND_LEGEND_ROLLING:
      prehab_trend_set_source (cr, &palette->accent, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x + 2, cy);
      cairo_line_to (cr, x + SWATCH - 2, cy);
      cairo_stroke (cr);
      break;
    case PREHAB_TREND_LEGEND_DAILY:
      prehab_trend_set_source (cr, &palette->foreground, 0.45);
      cairo_arc (cr, x + SWATCH / 2.0, cy, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case PREHAB_TREND_LEGEND_BASELINE:
      {
        static const double dashes[] = { 4, 3 };

        prehab_trend_set_source (cr, &palette->foreground, 0.65);
        cairo_set_line_width (cr, 1.5);
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        cairo_move_to (cr, x + 1, cy);
        cairo_line_to (cr, x + SWATCH - 1, cy);
        cairo_stroke (cr);
      }
      break;
    default:
      {
        /* A phase: its band, tinted, with the strip on top. */
        const GdkRGBA *color = &palette->phases[CLAMP ((int) item->phase, 0, PREHAB_N_PHASES - 1)];

        prehab_trend_set_source (cr, color, 0.35);
        cairo_rectangle (cr, x + 2, cy - 5, SWATCH - 4, 10);
        cairo_fill (cr);
        prehab_trend_set_source (cr, color, 1);
        cairo_rectangle (cr, x + 2, cy - 5, SWATCH - 4, 3);
        cairo_fill (cr);
      }
      break;
    }
  cairo_destroy (cr);
}

static void
prehab_trend_legend_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PrehabTrendLegend *self = PREHAB_TREND_LEGEND (widget);
  g_autoptr (GArray) items = create_items (self);
  g_autofree graphene_point_t *positions = g_new0 (graphene_point_t, items->len + 1);
  int width = gtk_widget_get_width (widget);
  int row_height = get_row_height (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  PrehabPlanPalette palette;

  prehab_plan_palette_lookup (widget, &palette);
  lay_out (items, width, row_height, positions);

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      float x = rtl ? width - positions[i].x - item->width : positions[i].x;
      float text_x = rtl ? x : x + SWATCH + SWATCH_GAP;
      float swatch_x = rtl ? x + item->width - SWATCH : x;

      draw_swatch (snapshot, item, swatch_x, positions[i].y, row_height, &palette);
      prehab_trend_append_text (snapshot, item->layout, text_x, positions[i].y,
                                &palette.foreground, 0.8);
    }
}

static GtkSizeRequestMode
prehab_trend_legend_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prehab_trend_legend_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  PrehabTrendLegend *self = PREHAB_TREND_LEGEND (widget);
  g_autoptr (GArray) items = create_items (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, all = 0;

      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = &g_array_index (items, Item, i);

          widest = MAX (widest, item->width);
          all += item->width + (i > 0 ? ITEM_SPACING : 0);
        }
      *minimum = widest;
      *natural = all;
    }
  else
    {
      int row_height = get_row_height (self);
      int rows = lay_out (items, for_size < 0 ? G_MAXINT : for_size, row_height, NULL);

      *minimum = *natural = rows > 0 ? rows * row_height + (rows - 1) * ROW_SPACING : 0;
    }
}

static void
prehab_trend_legend_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (prehab_trend_legend_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
prehab_trend_legend_class_init (PrehabTrendLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = prehab_trend_legend_snapshot;
  widget_class->measure = prehab_trend_legend_measure;
  widget_class->get_request_mode = prehab_trend_legend_get_request_mode;
  widget_class->css_changed = prehab_trend_legend_css_changed;

  gtk_widget_class_set_css_name (widget_class, "trend-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
prehab_trend_legend_init (PrehabTrendLegend *self)
{
}

GtkWidget *
prehab_trend_legend_new (void)
{
  return g_object_new (PREHAB_TYPE_TREND_LEGEND, NULL);
}

/**
 * prehab_trend_legend_set_items:
 * @self: the legend
 * @items: what the chart shows
 * @phases: the phases its bands show, bit (1 << phase) for each
 */
void
prehab_trend_legend_set_items (PrehabTrendLegend      *self,
                               PrehabTrendLegendItems  items,
                               guint                   phases)
{
  g_return_if_fail (PREHAB_IS_TREND_LEGEND (self));

  if (self->items == items && self->phases == phases)
    return;

  self->items = items;
  self->phases = phases;
  gtk_widget_set_visible (GTK_WIDGET (self), items != 0 || phases != 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
