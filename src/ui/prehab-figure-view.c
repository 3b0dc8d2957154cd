/* prehab-figure-view.c
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

#define G_LOG_DOMAIN "prehab-figure-view"

#include "config.h"

#include "prehab-figure-view.h"
#include "prehab-figure-view-private.h"

#include <math.h>

#include "prehab-figure.h"

/* An exercise's figure drawn in the theme's colours. Playing, it moves from
 * the start pose to the end pose and back, resting a moment at each end;
 * when the system asks for less motion (GtkSettings:gtk-enable-animations)
 * it shows the still at "frame" instead, and it follows that setting as it
 * changes. To assistive technologies it is an image whose label is the
 * figure's description of the movement. */

#define PAUSE_SECONDS 0.8
#define MIN_WIDTH 96
#define NATURAL_WIDTH 320

struct _PrehabFigureView
{
  GtkWidget     parent_instance;

  char         *exercise_id;
  PrehabFigure *figure;
  double        frame;
  gboolean      playing;

  GtkSettings  *settings;
  guint         tick_id;
  gint64        start_time;    /* frame-clock time the cycle began, or 0 */
  double        shown_frame;   /* the frame drawn now */
};

enum
{
  PROP_0,
  PROP_EXERCISE_ID,
  PROP_FRAME,
  PROP_PLAYING,
  PROP_CAN_ANIMATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PrehabFigureView, prehab_figure_view, GTK_TYPE_WIDGET)

static PrehabColor
color_from_rgba (const GdkRGBA *rgba)
{
  return (PrehabColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* @top over @bottom, opaque: translucent parts would let the joined
 * segment below show through. */
static PrehabColor
over (PrehabColor top,
      PrehabColor bottom,
      double      amount)
{
  double a = top.alpha * amount;

  return (PrehabColor) { bottom.red + (top.red - bottom.red) * a,
                         bottom.green + (top.green - bottom.green) * a,
                         bottom.blue + (top.blue - bottom.blue) * a, 1.0 };
}

/* The style from the theme: its text colour for the body, its accent for
 * the part that moves, and quieter mixes of the text colour into the
 * background for the far side, the props and the floor. */
static void
style_from_theme (PrehabFigureView  *self,
                  PrehabFigureStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, accent, bg;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    {
      /* Without the named colour, the inverse of the text stands in. */
      bg = (GdkRGBA) { 1 - fg.red, 1 - fg.green, 1 - fg.blue, 1 };
    }

  bg.alpha = 1;
  style->ink = over (color_from_rgba (&fg), color_from_rgba (&bg), 1.0);
  style->accent = over (color_from_rgba (&accent), color_from_rgba (&bg), 1.0);
  style->muted = over (color_from_rgba (&fg), color_from_rgba (&bg), 0.42);
  style->prop = over (color_from_rgba (&fg), color_from_rgba (&bg), 0.30);
  style->ground = over (color_from_rgba (&fg), color_from_rgba (&bg), 0.12);
}

static gboolean
can_animate (PrehabFigureView *self)
{
  GtkSettings *settings = self->settings != NULL ? self->settings
                                                 : gtk_widget_get_settings (GTK_WIDGET (self));
  gboolean enabled = TRUE;

  g_object_get (settings, "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static double
cycle_frame (PrehabFigureView *self,
             gint64            now)
{
  double duration = prehab_figure_get_duration (self->figure);
  double period = 2 * (PAUSE_SECONDS + duration);
  double t = fmod ((now - self->start_time) / (double) G_USEC_PER_SEC, period);

  if (t < PAUSE_SECONDS)
    return 0;
  t -= PAUSE_SECONDS;
  if (t < duration)
    return t / duration;
  t -= duration;
  if (t < PAUSE_SECONDS)
    return 1;
  t -= PAUSE_SECONDS;
  return 1 - t / duration;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  PrehabFigureView *self = PREHAB_FIGURE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double frame;

  if (self->start_time == 0)
    self->start_time = now;

  frame = cycle_frame (self, now);
  if (frame != self->shown_frame)
    {
      self->shown_frame = frame;
      gtk_widget_queue_draw (widget);
    }

  return G_SOURCE_CONTINUE;
}

/* Starts or stops the animation to match "playing", the figure and the
 * system's animation setting. */
static void
update_animation (PrehabFigureView *self)
{
  gboolean animate = self->playing && self->figure != NULL && can_animate (self);

  if (animate && self->tick_id == 0)
    {
      self->start_time = 0;
      self->shown_frame = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!animate && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  if (!animate)
    self->shown_frame = self->frame;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_enable_animations_changed_cb (PrehabFigureView *self)
{
  update_animation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ANIMATE]);
}

static void
watch_settings (PrehabFigureView *self,
                GtkSettings      *settings)
{
  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "notify::gtk-enable-animations",
                             G_CALLBACK (on_enable_animations_changed_cb), self, G_CONNECT_SWAPPED);

  on_enable_animations_changed_cb (self);
}

static void
update_accessible (PrehabFigureView *self)
{
  if (self->figure != NULL)
    {
      const char *description = prehab_figure_get_description (self->figure);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
prehab_figure_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PrehabFigureView *self = PREHAB_FIGURE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PrehabFigureStyle style;
  cairo_t *cr;

  if (self->figure == NULL || width <= 0 || height <= 0)
    return;

  style_from_theme (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  prehab_figure_render (self->figure, cr, width, height, self->shown_frame, &style);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
prehab_figure_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prehab_figure_view_measure (GtkWidget      *widget,
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
      *natural = NATURAL_WIDTH;
    }
  else
    {
      /* The figure's own shape: as high as the width allows. */
      int width = for_size >= 0 ? MAX (for_size, MIN_WIDTH) : NATURAL_WIDTH;

      *minimum = *natural = (int) (width / PREHAB_FIGURE_ASPECT_RATIO + 0.5);
    }
}

static void
prehab_figure_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (prehab_figure_view_parent_class)->css_changed (widget, change);

  /* A new theme, dark style or high contrast: new colours. */
  gtk_widget_queue_draw (widget);
}

static void
prehab_figure_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (prehab_figure_view_parent_class)->root (widget);

  watch_settings (PREHAB_FIGURE_VIEW (widget), gtk_widget_get_settings (widget));
}

static void
prehab_figure_view_dispose (GObject *object)
{
  PrehabFigureView *self = PREHAB_FIGURE_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->figure, prehab_figure_unref);

  G_OBJECT_CLASS (prehab_figure_view_parent_class)->dispose (object);
}

static void
prehab_figure_view_finalize (GObject *object)
{
  PrehabFigureView *self = PREHAB_FIGURE_VIEW (object);

  g_free (self->exercise_id);

  G_OBJECT_CLASS (prehab_figure_view_parent_class)->finalize (object);
}

static void
prehab_figure_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PrehabFigureView *self = PREHAB_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXERCISE_ID:
      g_value_set_string (value, self->exercise_id);
      break;
    case PROP_FRAME:
      g_value_set_double (value, self->frame);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_CAN_ANIMATE:
      g_value_set_boolean (value, prehab_figure_view_get_can_animate (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_figure_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PrehabFigureView *self = PREHAB_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXERCISE_ID:
      prehab_figure_view_set_exercise_id (self, g_value_get_string (value));
      break;
    case PROP_FRAME:
      prehab_figure_view_set_frame (self, g_value_get_double (value));
      break;
    case PROP_PLAYING:
      prehab_figure_view_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_figure_view_class_init (PrehabFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_figure_view_dispose;
  object_class->finalize = prehab_figure_view_finalize;
  object_class->get_property = prehab_figure_view_get_property;
  object_class->set_property = prehab_figure_view_set_property;

  widget_class->snapshot = prehab_figure_view_snapshot;
  widget_class->get_request_mode = prehab_figure_view_get_request_mode;
  widget_class->measure = prehab_figure_view_measure;
  widget_class->css_changed = prehab_figure_view_css_changed;
  widget_class->root = prehab_figure_view_root;

  properties[PROP_EXERCISE_ID] =
    g_param_spec_string ("exercise-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAME] =
    g_param_spec_double ("frame", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_ANIMATE] =
    g_param_spec_boolean ("can-animate", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
prehab_figure_view_init (PrehabFigureView *self)
{
  self->frame = 1.0;
  self->shown_frame = 1.0;
  watch_settings (self, gtk_widget_get_settings (GTK_WIDGET (self)));
}

/**
 * prehab_figure_view_new:
 *
 * Returns: (transfer floating): a figure view showing nothing until an
 *   exercise is set
 */
GtkWidget *
prehab_figure_view_new (void)
{
  return g_object_new (PREHAB_TYPE_FIGURE_VIEW, NULL);
}

const char *
prehab_figure_view_get_exercise_id (PrehabFigureView *self)
{
  g_return_val_if_fail (PREHAB_IS_FIGURE_VIEW (self), NULL);

  return self->exercise_id;
}

/**
 * prehab_figure_view_set_exercise_id:
 * @self: a figure view
 * @exercise_id: (nullable): the exercise whose figure to show
 *
 * Shows that exercise's figure, or nothing for %NULL or an exercise
 * without a figure.
 */
void
prehab_figure_view_set_exercise_id (PrehabFigureView *self,
                                    const char       *exercise_id)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PREHAB_IS_FIGURE_VIEW (self));

  if (g_strcmp0 (self->exercise_id, exercise_id) == 0)
    return;

  g_free (self->exercise_id);
  self->exercise_id = g_strdup (exercise_id);
  g_clear_pointer (&self->figure, prehab_figure_unref);

  if (exercise_id != NULL)
    {
      self->figure = prehab_figure_load (exercise_id, &error);
      if (self->figure == NULL && !g_error_matches (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
    }

  update_accessible (self);
  update_animation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE_ID]);
}

double
prehab_figure_view_get_frame (PrehabFigureView *self)
{
  g_return_val_if_fail (PREHAB_IS_FIGURE_VIEW (self), 0);

  return self->frame;
}

/**
 * prehab_figure_view_set_frame:
 * @self: a figure view
 * @frame: 0 (start pose) to 1 (end pose); clamped
 *
 * Sets the still shown when not playing, or when animations are off. The
 * default is 1, the end pose, which shows the movement best.
 */
void
prehab_figure_view_set_frame (PrehabFigureView *self,
                              double            frame)
{
  g_return_if_fail (PREHAB_IS_FIGURE_VIEW (self));

  frame = CLAMP (frame, 0.0, 1.0);
  if (self->frame == frame)
    return;

  self->frame = frame;
  if (self->tick_id == 0)
    {
      self->shown_frame = frame;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
}

gboolean
prehab_figure_view_get_playing (PrehabFigureView *self)
{
  g_return_val_if_fail (PREHAB_IS_FIGURE_VIEW (self), FALSE);

  return self->playing;
}

/**
 * prehab_figure_view_set_playing:
 * @self: a figure view
 * @playing: whether to animate
 *
 * Animates the figure from start to end and back while @playing, unless
 * the system asks for reduced motion: then the still at "frame" stays.
 */
void
prehab_figure_view_set_playing (PrehabFigureView *self,
                                gboolean          playing)
{
  g_return_if_fail (PREHAB_IS_FIGURE_VIEW (self));

  playing = !!playing;
  if (self->playing == playing)
    return;

  self->playing = playing;
  update_animation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
prehab_figure_view_get_can_animate (PrehabFigureView *self)
{
  g_return_val_if_fail (PREHAB_IS_FIGURE_VIEW (self), FALSE);

  return can_animate (self);
}

/* For the widget's test. */
gboolean
prehab_figure_view_is_animating (PrehabFigureView *self)
{
  return self->tick_id != 0;
}

double
prehab_figure_view_get_shown_frame (PrehabFigureView *self)
{
  return self->shown_frame;
}
