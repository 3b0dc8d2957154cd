/* prehab-body-map.c
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

#define G_LOG_DOMAIN "prehab-body-map"

#include "config.h"

#include "prehab-body-map.h"

#include <glib/gi18n.h>

#include "prehab-vocabulary.h"

/* A figure seen from behind with the ten regions of the journal, picked by
 * a click on the figure or with a toggle button per region beside it (or
 * under it on a narrow window). The toggles are the keyboard and screen
 * reader path; the figure shows the same choice.
 *
 * The figure is drawn in a 200 × 300 box of its own units, scaled to fit.
 * Seen from behind, the person's left is on the viewer's left, so the
 * figure is never mirrored, also not in right-to-left locales. */

#define UNITS_WIDTH   200.0
#define UNITS_HEIGHT  300.0
#define SPACING       18
#define SIDE_MIN      260   /* narrower than this, the toggles go under the figure */
#define N_REGIONS     10

typedef struct
{
  double x, y;
} Point;

typedef struct
{
  const char *id;        /* a prehab_regions id */
  double      radius;    /* of the rounded corners */
  gboolean    mirrored;  /* the points are of the left side: use them mirrored */
  gboolean    both;      /* drawn on both sides: as given and mirrored */
  Point       anchor;    /* a point inside, in the shape's own side */
  guint       n_points;
  Point       points[8];
} RegionShape;

/* In the order of prehab_regions[]. */
static const RegionShape region_shapes[N_REGIONS] = {
  { "neck", 5, FALSE, FALSE, { 100, 58 },
    4, { { 89, 49 }, { 111, 49 }, { 111, 66 }, { 89, 66 } } },
  { "between-shoulder-blades", 7, FALSE, FALSE, { 100, 98 },
    4, { { 87, 69 }, { 113, 69 }, { 113, 128 }, { 87, 128 } } },
  { "mid-back-left", 6, FALSE, FALSE, { 88, 156 },
    4, { { 77, 131 }, { 98.5, 131 }, { 98.5, 182 }, { 77, 182 } } },
  { "mid-back-right", 6, TRUE, FALSE, { 88, 156 },
    4, { { 77, 131 }, { 98.5, 131 }, { 98.5, 182 }, { 77, 182 } } },
  { "ribs", 5, FALSE, TRUE, { 67, 150 },
    4, { { 60, 115 }, { 74, 115 }, { 74, 182 }, { 65, 182 } } },
  { "low-back", 8, FALSE, FALSE, { 100, 204 },
    4, { { 65, 185 }, { 135, 185 }, { 136, 222 }, { 64, 222 } } },
  { "shoulder-left", 6, FALSE, FALSE, { 62, 92 },
    7, { { 62, 72 }, { 84, 69 }, { 84, 112 }, { 42, 112 }, { 39, 101 }, { 41, 88 }, { 49, 78 } } },
  { "shoulder-right", 6, TRUE, FALSE, { 62, 92 },
    7, { { 62, 72 }, { 84, 69 }, { 84, 112 }, { 42, 112 }, { 39, 101 }, { 41, 88 }, { 49, 78 } } },
  { "arm-left", 6, FALSE, FALSE, { 46, 170 },
    4, { { 40, 115 }, { 57, 115 }, { 45, 226 }, { 31, 226 } } },
  { "arm-right", 6, TRUE, FALSE, { 46, 170 },
    4, { { 40, 115 }, { 57, 115 }, { 45, 226 }, { 31, 226 } } },
};

/* The parts of the figure that are not regions (the hips and legs fade
 * out), drawn on the left and mirrored. */
static const Point hips[] = { { 64, 225 }, { 136, 225 }, { 139, 252 }, { 61, 252 } };
static const Point leg[] = { { 62, 255 }, { 98, 255 }, { 96, 300 }, { 66, 300 } };

struct _PrehabBodyMap
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *figure;
  GtkWidget  *side;
  GtkGrid    *toggle_grid;

  GtkWidget  *toggles[N_REGIONS];
  int         hover;      /* index of the region under the pointer, or -1 */
  gboolean    updating;   /* setting toggles from the API: notify once */
};

G_DEFINE_FINAL_TYPE (PrehabBodyMap, prehab_body_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
region_index (const char *id)
{
  for (int i = 0; i < N_REGIONS; i++)
    if (g_strcmp0 (region_shapes[i].id, id) == 0)
      return i;

  return -1;
}

static Point
side_point (const Point *point,
            gboolean     mirrored)
{
  Point p = *point;

  if (mirrored)
    p.x = UNITS_WIDTH - p.x;
  return p;
}

/* A closed polygon with its corners rounded by @radius (or less on short
 * edges). */
static void
append_rounded_polygon (cairo_t     *cr,
                        const Point *points,
                        guint        n_points,
                        double       radius,
                        gboolean     mirrored)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < n_points; i++)
    {
      Point prev = side_point (&points[(i + n_points - 1) % n_points], mirrored);
      Point here = side_point (&points[i], mirrored);
      Point next = side_point (&points[(i + 1) % n_points], mirrored);
      double to_prev = hypot (prev.x - here.x, prev.y - here.y);
      double to_next = hypot (next.x - here.x, next.y - here.y);
      double r_prev = MIN (radius, to_prev / 2);
      double r_next = MIN (radius, to_next / 2);
      double ax = here.x + (prev.x - here.x) * r_prev / to_prev;
      double ay = here.y + (prev.y - here.y) * r_prev / to_prev;
      double bx = here.x + (next.x - here.x) * r_next / to_next;
      double by = here.y + (next.y - here.y) * r_next / to_next;

      if (i == 0)
        cairo_move_to (cr, ax, ay);
      else
        cairo_line_to (cr, ax, ay);
      cairo_curve_to (cr, here.x, here.y, here.x, here.y, bx, by);
    }
  cairo_close_path (cr);
}

static void
append_region (cairo_t *cr,
               int      index)
{
  const RegionShape *shape = &region_shapes[index];

  append_rounded_polygon (cr, shape->points, shape->n_points, shape->radius, shape->mirrored);
  if (shape->both)
    append_rounded_polygon (cr, shape->points, shape->n_points, shape->radius, TRUE);
}

/* Where the figure's units sit in the figure widget: centred, as large as
 * fits. */
static void
get_transform (PrehabBodyMap *self,
               double        *scale,
               double        *x0,
               double        *y0)
{
  double width = gtk_widget_get_width (self->figure);
  double height = gtk_widget_get_height (self->figure);

  *scale = MIN (width / UNITS_WIDTH, height / UNITS_HEIGHT);
  *x0 = (width - UNITS_WIDTH * *scale) / 2;
  *y0 = (height - UNITS_HEIGHT * *scale) / 2;
}

static int
figure_region_at (PrehabBodyMap *self,
                  double         x,
                  double         y)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale, x0, y0;
  int found = -1;

  get_transform (self, &scale, &x0, &y0);
  if (scale <= 0)
    return -1;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  x = (x - x0) / scale;
  y = (y - y0) / scale;
  for (int i = 0; i < N_REGIONS && found < 0; i++)
    {
      cairo_new_path (cr);
      append_region (cr, i);
      if (cairo_in_fill (cr, x, y))
        found = i;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return found;
}

static gboolean
is_selected (PrehabBodyMap *self,
             int            index)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggles[index]));
}

static void
set_source_rgba (cairo_t       *cr,
                 const GdkRGBA *color,
                 double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_label (PrehabBodyMap *self,
            cairo_t       *cr,
            const char    *text,
            double         x,
            double         y,
            const GdkRGBA *color)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (self->figure, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);

  set_source_rgba (cr, color, 0.6);
  cairo_move_to (cr, x - width / 2.0, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_figure_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  PrehabBodyMap *self = user_data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  gboolean focus_visible = FALSE;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (area));
  cairo_pattern_t *fade;
  GdkRGBA fg, accent_bg, accent;
  double scale, x0, y0;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent_bg))
    gdk_rgba_parse (&accent_bg, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = accent_bg;
  if (GTK_IS_WINDOW (root))
    focus_visible = gtk_window_get_focus_visible (GTK_WINDOW (root));

  get_transform (self, &scale, &x0, &y0);
  if (scale <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);

  /* What is not a region: the head, the hands, the hips and legs fading
   * out. */
  set_source_rgba (cr, &fg, 0.09);
  cairo_new_path (cr);
  cairo_save (cr);
  cairo_translate (cr, 100, 27);
  cairo_scale (cr, 17, 21);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 38, 234, 7, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, UNITS_WIDTH - 38, 234, 7, 0, 2 * G_PI);
  cairo_fill (cr);

  fade = cairo_pattern_create_linear (0, 225, 0, 300);
  cairo_pattern_add_color_stop_rgba (fade, 0, fg.red, fg.green, fg.blue, fg.alpha * 0.09);
  cairo_pattern_add_color_stop_rgba (fade, 1, fg.red, fg.green, fg.blue, 0);
  cairo_set_source (cr, fade);
  append_rounded_polygon (cr, hips, G_N_ELEMENTS (hips), 6, FALSE);
  append_rounded_polygon (cr, leg, G_N_ELEMENTS (leg), 6, FALSE);
  append_rounded_polygon (cr, leg, G_N_ELEMENTS (leg), 6, TRUE);
  cairo_fill (cr);
  cairo_pattern_destroy (fade);

  for (int i = 0; i < N_REGIONS; i++)
    {
      gboolean selected = is_selected (self, i);
      gboolean hovered = i == self->hover;

      cairo_new_path (cr);
      append_region (cr, i);
      if (selected)
        set_source_rgba (cr, &accent_bg, hovered ? 0.85 : 1.0);
      else if (hovered)
        set_source_rgba (cr, &accent_bg, 0.35);
      else
        set_source_rgba (cr, &fg, 0.17);
      cairo_fill_preserve (cr);

      if (focus_visible && gtk_widget_has_focus (self->toggles[i]))
        {
          set_source_rgba (cr, &accent, 1.0);
          cairo_set_line_width (cr, 2.5 / scale);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }

  /* The spine, to see up and down and the middle at a glance. */
  set_source_rgba (cr, &fg, 0.3);
  for (double y = 73; y <= 219; y += 7.3)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, UNITS_WIDTH / 2, y, 1.3, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  cairo_restore (cr);

  /* Translators: short for "left", the person's own left side on the
   * figure of the back; one or two letters */
  draw_label (self, cr, C_("body side", "L"), x0 + 14 * scale, y0 + 280 * scale, &fg);
  /* Translators: short for "right", the person's own right side on the
   * figure of the back; one or two letters */
  draw_label (self, cr, C_("body side", "R"), x0 + 186 * scale, y0 + 280 * scale, &fg);
}

static void
update_description (PrehabBodyMap *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (int i = 0; i < N_REGIONS; i++)
    if (is_selected (self, i))
      {
        if (text->len > 0)
          /* Translators: separates region names in a list */
          g_string_append (text, _(", "));
        g_string_append (text, prehab_vocabulary_label (prehab_regions, region_shapes[i].id));
      }

  if (text->len == 0)
    g_string_assign (text, _("No region picked"));
  else
    {
      /* Translators: %s is a list of body regions, e.g. "Neck, Low back" */
      g_autofree char *picked = g_strdup_printf (_("Picked: %s"), text->str);

      g_string_assign (text, picked);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
on_toggle_toggled_cb (PrehabBodyMap *self)
{
  gtk_widget_queue_draw (self->figure);
  update_description (self);
  if (!self->updating)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_toggle_focus_changed_cb (PrehabBodyMap *self)
{
  gtk_widget_queue_draw (self->figure);
}

static void
set_hover (PrehabBodyMap *self,
           int            index)
{
  if (index == self->hover)
    return;

  self->hover = index;
  gtk_widget_set_cursor_from_name (self->figure, index >= 0 ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (self->figure);
  gtk_widget_queue_draw (self->figure);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              PrehabBodyMap            *self)
{
  set_hover (self, figure_region_at (self, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             PrehabBodyMap            *self)
{
  set_hover (self, -1);
}

static void
on_released_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                PrehabBodyMap   *self)
{
  int index = figure_region_at (self, x, y);

  if (index < 0)
    return;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[index]), !is_selected (self, index));
}

static gboolean
on_query_tooltip_cb (GtkWidget     *figure,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip,
                     PrehabBodyMap *self)
{
  int index = keyboard ? -1 : figure_region_at (self, x, y);

  if (index < 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, prehab_vocabulary_label (prehab_regions, region_shapes[index].id));
  return TRUE;
}

/* Side by side when the toggles get SIDE_MIN pixels beside the figure. */
static gboolean
is_side_by_side (PrehabBodyMap *self,
                 int            width,
                 int           *figure_width)
{
  gtk_widget_measure (self->figure, GTK_ORIENTATION_HORIZONTAL, -1, NULL, figure_width, NULL, NULL);

  return width >= *figure_width + SPACING + SIDE_MIN;
}

static GtkSizeRequestMode
prehab_body_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prehab_body_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PrehabBodyMap *self = PREHAB_BODY_MAP (widget);
  int figure_min, figure_nat, side_min, side_nat, figure_width;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->figure, orientation, -1, &figure_min, &figure_nat, NULL, NULL);
      gtk_widget_measure (self->side, orientation, -1, &side_min, &side_nat, NULL, NULL);
      *minimum = MAX (figure_min, side_min);
      *natural = figure_nat + SPACING + MAX (side_min, SIDE_MIN + 80);
      return;
    }

  if (for_size < 0)
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);

  gtk_widget_measure (self->figure, orientation, -1, &figure_min, &figure_nat, NULL, NULL);
  if (is_side_by_side (self, for_size, &figure_width))
    {
      gtk_widget_measure (self->side, orientation, for_size - figure_width - SPACING,
                          &side_min, &side_nat, NULL, NULL);
      *minimum = MAX (figure_nat, side_min);
      *natural = MAX (figure_nat, side_nat);
    }
  else
    {
      gtk_widget_measure (self->side, orientation, for_size, &side_min, &side_nat, NULL, NULL);
      *minimum = figure_nat + SPACING + side_min;
      *natural = figure_nat + SPACING + side_nat;
    }
}

static void
prehab_body_map_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PrehabBodyMap *self = PREHAB_BODY_MAP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int figure_width, figure_height, side_height;

  gtk_widget_measure (self->figure, GTK_ORIENTATION_VERTICAL, -1, NULL, &figure_height, NULL, NULL);

  if (is_side_by_side (self, width, &figure_width))
    {
      int side_width = width - figure_width - SPACING;
      int figure_x = rtl ? width - figure_width : 0;
      int side_x = rtl ? 0 : figure_width + SPACING;

      gtk_widget_measure (self->side, GTK_ORIENTATION_VERTICAL, side_width, NULL, &side_height, NULL, NULL);
      side_height = MIN (side_height, height);
      gtk_widget_size_allocate (self->figure,
                                &(GtkAllocation) { figure_x, (height - figure_height) / 2,
                                                   figure_width, figure_height },
                                -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { side_x, (height - side_height) / 2,
                                                   side_width, side_height },
                                -1);
    }
  else
    {
      gtk_widget_size_allocate (self->figure,
                                &(GtkAllocation) { 0, 0, width, figure_height },
                                -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { 0, figure_height + SPACING,
                                                   width, MAX (0, height - figure_height - SPACING) },
                                -1);
    }
}

static void
prehab_body_map_dispose (GObject *object)
{
  PrehabBodyMap *self = PREHAB_BODY_MAP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_BODY_MAP);

  G_OBJECT_CLASS (prehab_body_map_parent_class)->dispose (object);
}

static void
prehab_body_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PrehabBodyMap *self = PREHAB_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_take_boxed (value, prehab_body_map_dup_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_body_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PrehabBodyMap *self = PREHAB_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      prehab_body_map_set_selected (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_body_map_class_init (PrehabBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_body_map_dispose;
  object_class->get_property = prehab_body_map_get_property;
  object_class->set_property = prehab_body_map_set_property;

  widget_class->get_request_mode = prehab_body_map_get_request_mode;
  widget_class->measure = prehab_body_map_measure;
  widget_class->size_allocate = prehab_body_map_size_allocate;

  /**
   * PrehabBodyMap:selected:
   *
   * The ids of the picked regions, in the order of prehab_regions[].
   */
  properties[PROP_SELECTED] =
    g_param_spec_boxed ("selected", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-body-map.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabBodyMap, figure);
  gtk_widget_class_bind_template_child (widget_class, PrehabBodyMap, side);
  gtk_widget_class_bind_template_child (widget_class, PrehabBodyMap, toggle_grid);

  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prehab_body_map_init (PrehabBodyMap *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hover = -1;

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->figure), draw_figure_cb, self, NULL);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, 0);
  gtk_widget_add_controller (self->figure, motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released_cb), self, 0);
  gtk_widget_add_controller (self->figure, GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (self->figure, TRUE);
  g_signal_connect_object (self->figure, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self, 0);

  /* Two columns: the left side's regions on the left, as on the figure. */
  for (int i = 0; i < N_REGIONS; i++)
    {
      const char *label = prehab_vocabulary_label (prehab_regions, region_shapes[i].id);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (label);
      GtkWidget *text = gtk_button_get_child (GTK_BUTTON (toggle));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_assert (g_strcmp0 (prehab_regions[i].id, region_shapes[i].id) == 0);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
      gtk_widget_set_hexpand (toggle, TRUE);
      gtk_widget_add_css_class (toggle, "region");
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_toggle_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "enter", G_CALLBACK (on_toggle_focus_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_toggle_focus_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (toggle, focus);

      gtk_grid_attach (self->toggle_grid, toggle, i % 2, i / 2, 1, 1);
      self->toggles[i] = toggle;
    }

  update_description (self);
}

GtkWidget *
prehab_body_map_new (void)
{
  return g_object_new (PREHAB_TYPE_BODY_MAP, NULL);
}

/**
 * prehab_body_map_dup_selected:
 * @self: the body map
 *
 * Returns: (transfer full): the ids of the picked regions, in the order of
 *   prehab_regions[]
 */
GStrv
prehab_body_map_dup_selected (PrehabBodyMap *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PREHAB_IS_BODY_MAP (self), NULL);

  for (int i = 0; i < N_REGIONS; i++)
    if (is_selected (self, i))
      g_strv_builder_add (builder, region_shapes[i].id);

  return g_strv_builder_end (builder);
}

/**
 * prehab_body_map_set_selected:
 * @self: the body map
 * @regions: (nullable): region ids; unknown ones are ignored
 *
 * Picks @regions and no other region.
 */
void
prehab_body_map_set_selected (PrehabBodyMap      *self,
                              const char * const *regions)
{
  gboolean changed = FALSE;

  g_return_if_fail (PREHAB_IS_BODY_MAP (self));

  self->updating = TRUE;
  for (int i = 0; i < N_REGIONS; i++)
    {
      gboolean selected = regions != NULL && g_strv_contains (regions, region_shapes[i].id);

      if (selected != is_selected (self, i))
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[i]), selected);
          changed = TRUE;
        }
    }
  self->updating = FALSE;

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
prehab_body_map_get_region_selected (PrehabBodyMap *self,
                                     const char    *region)
{
  int index = region_index (region);

  g_return_val_if_fail (PREHAB_IS_BODY_MAP (self), FALSE);
  g_return_val_if_fail (index >= 0, FALSE);

  return is_selected (self, index);
}

void
prehab_body_map_set_region_selected (PrehabBodyMap *self,
                                     const char    *region,
                                     gboolean       selected)
{
  int index = region_index (region);

  g_return_if_fail (PREHAB_IS_BODY_MAP (self));
  g_return_if_fail (index >= 0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[index]), selected);
}

/**
 * prehab_body_map_region_at:
 * @self: the body map
 * @x: x in the body map's coordinates
 * @y: y in the body map's coordinates
 *
 * Finds the region of the figure under a point, as a click there would.
 *
 * Returns: (nullable): the region id, or %NULL outside every region
 */
const char *
prehab_body_map_region_at (PrehabBodyMap *self,
                           double         x,
                           double         y)
{
  graphene_point_t point;
  int index;

  g_return_val_if_fail (PREHAB_IS_BODY_MAP (self), NULL);

  if (!gtk_widget_compute_point (GTK_WIDGET (self), self->figure,
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return NULL;

  index = figure_region_at (self, point.x, point.y);
  return index >= 0 ? region_shapes[index].id : NULL;
}

/**
 * prehab_body_map_get_region_point:
 * @self: the body map
 * @region: a region id
 * @x: (out): x of a point inside the region, in the body map's coordinates
 * @y: (out): y of that point
 *
 * Returns: %FALSE when the body map has no size yet
 */
gboolean
prehab_body_map_get_region_point (PrehabBodyMap *self,
                                  const char    *region,
                                  double        *x,
                                  double        *y)
{
  int index = region_index (region);
  const RegionShape *shape;
  graphene_point_t point;
  double scale, x0, y0;
  Point anchor;

  g_return_val_if_fail (PREHAB_IS_BODY_MAP (self), FALSE);
  g_return_val_if_fail (index >= 0, FALSE);

  shape = &region_shapes[index];
  get_transform (self, &scale, &x0, &y0);
  if (scale <= 0)
    return FALSE;

  anchor = side_point (&shape->anchor, shape->mirrored);
  if (!gtk_widget_compute_point (self->figure, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x0 + anchor.x * scale, y0 + anchor.y * scale),
                                 &point))
    return FALSE;

  *x = point.x;
  *y = point.y;
  return TRUE;
}

/**
 * prehab_body_map_get_toggle:
 * @self: the body map
 * @region: a region id
 *
 * Returns: (transfer none): the toggle button of @region
 */
GtkWidget *
prehab_body_map_get_toggle (PrehabBodyMap *self,
                            const char    *region)
{
  int index = region_index (region);

  g_return_val_if_fail (PREHAB_IS_BODY_MAP (self), NULL);
  g_return_val_if_fail (index >= 0, NULL);

  return self->toggles[index];
}

/**
 * prehab_body_map_get_figure:
 * @self: the body map
 *
 * Returns: (transfer none): the drawn figure
 */
GtkWidget *
prehab_body_map_get_figure (PrehabBodyMap *self)
{
  g_return_val_if_fail (PREHAB_IS_BODY_MAP (self), NULL);

  return self->figure;
}
