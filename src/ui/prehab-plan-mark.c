/* prehab-plan-mark.c
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

#define G_LOG_DOMAIN "prehab-plan-mark"

#include "config.h"

#include "prehab-plan-mark.h"

#include <math.h>

struct _PrehabPlanMark
{
  GtkWidget           parent_instance;

  PrehabPlanMarkKind  kind;
  PrehabPhase         phase;
};

G_DEFINE_FINAL_TYPE (PrehabPlanMark, prehab_plan_mark, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PHASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Named colours: libadwaita's, and the phase colours of style.css and
 * style-dark.css. */
static const char * const phase_color_names[PREHAB_N_PHASES] = {
  "prehab_phase_desensitize_color",
  "prehab_phase_mobilize_color",
  "prehab_phase_strengthen_color",
  "prehab_phase_maintain_color",
};

GType
prehab_plan_mark_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { PREHAB_PLAN_MARK_NONE, "PREHAB_PLAN_MARK_NONE", "none" },
        { PREHAB_PLAN_MARK_DONE, "PREHAB_PLAN_MARK_DONE", "done" },
        { PREHAB_PLAN_MARK_PARTIAL, "PREHAB_PLAN_MARK_PARTIAL", "partial" },
        { PREHAB_PLAN_MARK_MISSED, "PREHAB_PLAN_MARK_MISSED", "missed" },
        { PREHAB_PLAN_MARK_SKIPPED, "PREHAB_PLAN_MARK_SKIPPED", "skipped" },
        { PREHAB_PLAN_MARK_TRAINING, "PREHAB_PLAN_MARK_TRAINING", "training" },
        { PREHAB_PLAN_MARK_PAIN, "PREHAB_PLAN_MARK_PAIN", "pain" },
        { PREHAB_PLAN_MARK_PHASE, "PREHAB_PLAN_MARK_PHASE", "phase" },
        { PREHAB_PLAN_MARK_PLANNED_BAND, "PREHAB_PLAN_MARK_PLANNED_BAND", "planned-band" },
        { PREHAB_PLAN_MARK_ACTUAL_BAND, "PREHAB_PLAN_MARK_ACTUAL_BAND", "actual-band" },
        { PREHAB_PLAN_MARK_ALERT, "PREHAB_PLAN_MARK_ALERT", "alert" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("PrehabPlanMarkKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static gboolean
lookup_color (GtkStyleContext *context,
              const char      *name,
              GdkRGBA         *color)
{
  return gtk_style_context_lookup_color (context, name, color);
}
G_GNUC_END_IGNORE_DEPRECATIONS

/**
 * prehab_plan_palette_lookup:
 * @widget: the widget whose style to read
 * @palette: (out caller-allocates): the colours
 *
 * Reads the colours of the Plan view from the style of @widget, so that
 * they follow the light, dark and high-contrast styles. A colour missing
 * from the style (a window without Prehab's stylesheet) is derived from the
 * foreground colour rather than made up.
 */
void
prehab_plan_palette_lookup (GtkWidget         *widget,
                            PrehabPlanPalette *palette)
{
  GtkStyleContext *context;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (palette != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &palette->foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!lookup_color (context, "accent_color", &palette->accent))
    palette->accent = palette->foreground;
  if (!lookup_color (context, "success_color", &palette->success))
    palette->success = palette->foreground;
  if (!lookup_color (context, "warning_color", &palette->warning))
    palette->warning = palette->foreground;
  if (!lookup_color (context, "success_fg_color", &palette->success_foreground)
      && !lookup_color (context, "window_bg_color", &palette->success_foreground))
    palette->success_foreground = (GdkRGBA) { 1, 1, 1, 1 };

  for (guint i = 0; i < PREHAB_N_PHASES; i++)
    {
      if (!lookup_color (context, phase_color_names[i], &palette->phases[i]))
        {
          /* Four steps of the foreground, faint to strong. */
          palette->phases[i] = palette->foreground;
          palette->phases[i].alpha = 0.25 + 0.2 * i;
        }
    }
}

static void
append_circle (cairo_t *cr,
               double   x,
               double   y,
               double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_close_path (cr);
}

static void
draw_check (cairo_t *cr,
            double   x,
            double   y,
            double   radius)
{
  cairo_move_to (cr, x - radius * 0.45, y + radius * 0.02);
  cairo_line_to (cr, x - radius * 0.12, y + radius * 0.35);
  cairo_line_to (cr, x + radius * 0.48, y - radius * 0.32);
  cairo_set_line_width (cr, MAX (1.5, radius * 0.26));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_dumbbell (cairo_t       *cr,
               double         x,
               double         y,
               double         size,
               const GdkRGBA *color)
{
  double bar = size * 0.16;
  double plate_w = size * 0.16;
  double plate_h = size * 0.62;
  double half = size * 0.5;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_rectangle (cr, x - half * 0.7, y - bar / 2, half * 1.4, bar);
  cairo_fill (cr);
  for (int side = -1; side <= 1; side += 2)
    {
      double px = x + side * (half * 0.62) - plate_w / 2;

      cairo_rectangle (cr, px, y - plate_h / 2, plate_w, plate_h);
      cairo_rectangle (cr, x + side * (half * 0.92) - plate_w / 2, y - plate_h * 0.32,
                       plate_w * 0.8, plate_h * 0.64);
    }
  cairo_fill (cr);
}

/**
 * prehab_plan_band_draw:
 * @snapshot: where to draw
 * @bounds: the band's rectangle
 * @color: its colour
 * @round_start: whether the start (left) end is rounded
 * @round_end: whether the end (right) end is rounded
 *
 * Draws one stretch of a phase band. The calendar joins the stretches of
 * neighbouring days into one band and rounds it where a phase begins and
 * ends.
 */
void
prehab_plan_band_draw (GtkSnapshot           *snapshot,
                       const graphene_rect_t *bounds,
                       const GdkRGBA         *color,
                       gboolean               round_start,
                       gboolean               round_end)
{
  GskRoundedRect clip;
  float radius = bounds->size.height / 2;
  graphene_size_t rounded = GRAPHENE_SIZE_INIT (radius, radius);
  graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);

  gsk_rounded_rect_init (&clip, bounds,
                         round_start ? &rounded : &square,
                         round_end ? &rounded : &square,
                         round_end ? &rounded : &square,
                         round_start ? &rounded : &square);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, bounds);
  gtk_snapshot_pop (snapshot);
}

/**
 * prehab_plan_pain_pill_draw:
 * @snapshot: where to draw
 * @layout: the text, a pain rating
 * @x: left edge of the pill
 * @y: top edge of the pill
 * @width: width of the pill
 * @height: height of the pill
 * @palette: the colours
 *
 * Draws a pain rating as a small neutral pill: the number informs, it does
 * not alarm.
 */
void
prehab_plan_pain_pill_draw (GtkSnapshot             *snapshot,
                            PangoLayout             *layout,
                            float                    x,
                            float                    y,
                            float                    width,
                            float                    height,
                            const PrehabPlanPalette *palette)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);
  GdkRGBA background = palette->foreground;
  GdkRGBA text = palette->foreground;
  int text_width, text_height;

  background.alpha *= 0.1;
  text.alpha *= 0.85;
  prehab_plan_band_draw (snapshot, &bounds, &background, TRUE, TRUE);

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (roundf (x + (width - text_width) / 2),
                                                roundf (y + (height - text_height) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, &text);
  gtk_snapshot_restore (snapshot);
}

/**
 * prehab_plan_mark_draw:
 * @snapshot: where to draw
 * @kind: what to draw; %PREHAB_PLAN_MARK_PAIN and the bands are drawn by
 *   their owners, not here
 * @bounds: the square to draw in
 * @palette: the colours
 *
 * Draws the mark of a session's status or of a strength day, centred in
 * @bounds. A missed day is drawn faint on purpose: the calendar shows what
 * happened without scolding.
 */
void
prehab_plan_mark_draw (GtkSnapshot             *snapshot,
                       PrehabPlanMarkKind       kind,
                       const graphene_rect_t   *bounds,
                       const PrehabPlanPalette *palette)
{
  double size = MIN (bounds->size.width, bounds->size.height);
  double x = bounds->origin.x + bounds->size.width / 2;
  double y = bounds->origin.y + bounds->size.height / 2;
  double radius = size / 2 - 1;
  GdkRGBA faint;
  cairo_t *cr;

  if (kind == PREHAB_PLAN_MARK_NONE || size < 4)
    return;

  faint = palette->foreground;
  faint.alpha *= 0.4;

  cr = gtk_snapshot_append_cairo (snapshot, bounds);

  switch (kind)
    {
    case PREHAB_PLAN_MARK_DONE:
      gdk_cairo_set_source_rgba (cr, &palette->success);
      append_circle (cr, x, y, radius);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &palette->success_foreground);
      draw_check (cr, x, y, radius);
      break;

    case PREHAB_PLAN_MARK_PARTIAL:
      {
        double line = MAX (1.5, radius * 0.2);

        gdk_cairo_set_source_rgba (cr, &palette->success);
        cairo_set_line_width (cr, line);
        append_circle (cr, x, y, radius - line / 2);
        cairo_stroke (cr);
        /* The left half filled, whatever the text direction: it reads as
         * "half" either way. */
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, radius - line, G_PI / 2, 3 * G_PI / 2);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;

    case PREHAB_PLAN_MARK_MISSED:
      {
        double line = MAX (1.2, radius * 0.14);
        double dash = (2 * G_PI * (radius - line / 2)) / 16;

        gdk_cairo_set_source_rgba (cr, &faint);
        cairo_set_line_width (cr, line);
        cairo_set_dash (cr, &dash, 1, 0);
        append_circle (cr, x, y, radius - line / 2);
        cairo_stroke (cr);
      }
      break;

    case PREHAB_PLAN_MARK_SKIPPED:
      {
        double line = MAX (1.2, radius * 0.14);

        gdk_cairo_set_source_rgba (cr, &faint);
        cairo_set_line_width (cr, line);
        append_circle (cr, x, y, radius - line / 2);
        cairo_stroke (cr);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_width (cr, MAX (1.5, radius * 0.2));
        cairo_move_to (cr, x - radius * 0.4, y);
        cairo_line_to (cr, x + radius * 0.4, y);
        cairo_stroke (cr);
      }
      break;

    case PREHAB_PLAN_MARK_TRAINING:
      {
        GdkRGBA color = palette->foreground;

        color.alpha *= 0.7;
        draw_dumbbell (cr, x, y, size, &color);
      }
      break;

    case PREHAB_PLAN_MARK_ALERT:
      /* A warning-coloured dot with an exclamation mark cut out of it. */
      gdk_cairo_set_source_rgba (cr, &palette->warning);
      append_circle (cr, x, y, radius);
      cairo_new_sub_path (cr);
      cairo_rectangle (cr, x - radius * 0.14, y - radius * 0.6, radius * 0.28, radius * 0.7);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y + radius * 0.45, radius * 0.15, 0, 2 * G_PI);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_fill (cr);
      break;

    case PREHAB_PLAN_MARK_NONE:
    case PREHAB_PLAN_MARK_PAIN:
    case PREHAB_PLAN_MARK_PHASE:
    case PREHAB_PLAN_MARK_PLANNED_BAND:
    case PREHAB_PLAN_MARK_ACTUAL_BAND:
    default:
      break;
    }

  cairo_destroy (cr);
}

/* The widget: one mark of the legend. */

static void
prehab_plan_mark_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PrehabPlanMark *self = PREHAB_PLAN_MARK (widget);
  int size = 16;

  if (self->kind == PREHAB_PLAN_MARK_PAIN)
    {
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0–10");
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      size = orientation == GTK_ORIENTATION_HORIZONTAL ? width + 8 : height;
    }
  else if (self->kind >= PREHAB_PLAN_MARK_PHASE && orientation == GTK_ORIENTATION_HORIZONTAL)
    size = 24;

  *minimum = *natural = size;
}

static void
prehab_plan_mark_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PrehabPlanMark *self = PREHAB_PLAN_MARK (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PrehabPlanPalette palette;
  graphene_rect_t bounds;

  prehab_plan_palette_lookup (widget, &palette);

  switch (self->kind)
    {
    case PREHAB_PLAN_MARK_PHASE:
      graphene_rect_init (&bounds, 0, (height - PREHAB_PLAN_ACTUAL_BAND_HEIGHT) / 2.0,
                          width, PREHAB_PLAN_ACTUAL_BAND_HEIGHT);
      prehab_plan_band_draw (snapshot, &bounds, &palette.phases[self->phase], TRUE, TRUE);
      break;

    case PREHAB_PLAN_MARK_PLANNED_BAND:
    case PREHAB_PLAN_MARK_ACTUAL_BAND:
      {
        /* Both bands in the foreground colour, the one meant at full
         * strength: "this line, not the other one". */
        float total = PREHAB_PLAN_PLANNED_BAND_HEIGHT + PREHAB_PLAN_BAND_GAP
                      + PREHAB_PLAN_ACTUAL_BAND_HEIGHT;
        float top = (height - total) / 2;
        gboolean planned = self->kind == PREHAB_PLAN_MARK_PLANNED_BAND;
        GdkRGBA strong = palette.foreground;
        GdkRGBA weak = palette.foreground;

        strong.alpha *= 0.8;
        weak.alpha *= 0.15;
        graphene_rect_init (&bounds, 0, top, width, PREHAB_PLAN_PLANNED_BAND_HEIGHT);
        prehab_plan_band_draw (snapshot, &bounds, planned ? &strong : &weak, TRUE, TRUE);
        graphene_rect_init (&bounds, 0, top + PREHAB_PLAN_PLANNED_BAND_HEIGHT + PREHAB_PLAN_BAND_GAP,
                            width, PREHAB_PLAN_ACTUAL_BAND_HEIGHT);
        prehab_plan_band_draw (snapshot, &bounds, planned ? &weak : &strong, TRUE, TRUE);
      }
      break;

    case PREHAB_PLAN_MARK_PAIN:
      {
        g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0–10");

        prehab_plan_pain_pill_draw (snapshot, layout, 0, 0, width, height, &palette);
      }
      break;

    case PREHAB_PLAN_MARK_NONE:
    case PREHAB_PLAN_MARK_DONE:
    case PREHAB_PLAN_MARK_PARTIAL:
    case PREHAB_PLAN_MARK_MISSED:
    case PREHAB_PLAN_MARK_SKIPPED:
    case PREHAB_PLAN_MARK_TRAINING:
    case PREHAB_PLAN_MARK_ALERT:
    default:
      {
        float size = MIN (width, height);

        graphene_rect_init (&bounds, (width - size) / 2, (height - size) / 2, size, size);
        prehab_plan_mark_draw (snapshot, self->kind, &bounds, &palette);
      }
      break;
    }
}

static void
prehab_plan_mark_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrehabPlanMark *self = PREHAB_PLAN_MARK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PHASE:
      g_value_set_int (value, self->phase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_plan_mark_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrehabPlanMark *self = PREHAB_PLAN_MARK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      prehab_plan_mark_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PHASE:
      prehab_plan_mark_set_phase (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_plan_mark_class_init (PrehabPlanMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = prehab_plan_mark_get_property;
  object_class->set_property = prehab_plan_mark_set_property;

  widget_class->measure = prehab_plan_mark_measure;
  widget_class->snapshot = prehab_plan_mark_snapshot;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PREHAB_TYPE_PLAN_MARK_KIND, PREHAB_PLAN_MARK_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A PrehabPhase; an int, as the core has no enum types. */
  properties[PROP_PHASE] =
    g_param_spec_int ("phase", NULL, NULL,
                      PREHAB_PHASE_DESENSITIZE, PREHAB_PHASE_MAINTAIN, PREHAB_PHASE_DESENSITIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "plan-mark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
prehab_plan_mark_init (PrehabPlanMark *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
prehab_plan_mark_new (PrehabPlanMarkKind kind)
{
  return g_object_new (PREHAB_TYPE_PLAN_MARK, "kind", kind, NULL);
}

PrehabPlanMarkKind
prehab_plan_mark_get_kind (PrehabPlanMark *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_MARK (self), PREHAB_PLAN_MARK_NONE);

  return self->kind;
}

void
prehab_plan_mark_set_kind (PrehabPlanMark     *self,
                           PrehabPlanMarkKind  kind)
{
  g_return_if_fail (PREHAB_IS_PLAN_MARK (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

PrehabPhase
prehab_plan_mark_get_phase (PrehabPlanMark *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAN_MARK (self), PREHAB_PHASE_DESENSITIZE);

  return self->phase;
}

void
prehab_plan_mark_set_phase (PrehabPlanMark *self,
                            PrehabPhase     phase)
{
  g_return_if_fail (PREHAB_IS_PLAN_MARK (self));
  g_return_if_fail (phase <= PREHAB_PHASE_MAINTAIN);

  if (self->phase == phase)
    return;

  self->phase = phase;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}
