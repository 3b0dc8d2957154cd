/* prehab-breathing-guide.c
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

#define G_LOG_DOMAIN "prehab-breathing-guide"

#include "config.h"

#include "prehab-breathing-guide.h"

#include <math.h>

struct _PrehabBreathingGuide
{
  GtkWidget   parent_instance;

  PrehabPace  pace;
  double      fraction;     /* through the part, 0–1 */
  gboolean    has_hold;
  gboolean    animated;
};

G_DEFINE_FINAL_TYPE (PrehabBreathingGuide, prehab_breathing_guide, GTK_TYPE_WIDGET)

#define CIRCLE_SIZE   144
#define BAR_WIDTH     144
#define BAR_HEIGHT    14
#define BAR_GAP       4

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_colors (GtkWidget *widget,
               GdkRGBA   *foreground,
               GdkRGBA   *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, foreground);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", accent))
    *accent = *foreground;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
animations_enabled (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* How full the circle is, 0–1, eased so breathing feels even. */
static double
level (PrehabPace pace,
       double     fraction)
{
  double eased = (1 - cos (G_PI * CLAMP (fraction, 0, 1))) / 2;

  switch (pace)
    {
    case PREHAB_PACE_OUT:
      return eased;
    case PREHAB_PACE_HOLD:
      return 1;
    case PREHAB_PACE_BACK:
      return 1 - eased;
    case PREHAB_PACE_NONE:
    default:
      return 0;
    }
}

static void
on_animations_changed_cb (PrehabBreathingGuide *self)
{
  gboolean animated = animations_enabled (GTK_WIDGET (self));

  if (animated == self->animated)
    return;

  self->animated = animated;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A disc of radius @r at the centre, filled and ringed. */
static void
append_disc (GtkSnapshot   *snapshot,
             double         cx,
             double         cy,
             double         r,
             const GdkRGBA *fill,
             const GdkRGBA *ring,
             double         ring_width)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r);
  GskRoundedRect disc;

  gsk_rounded_rect_init_from_rect (&disc, &bounds, r);
  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &disc);
      gtk_snapshot_append_color (snapshot, fill, &bounds);
      gtk_snapshot_pop (snapshot);
    }
  if (ring != NULL)
    gtk_snapshot_append_border (snapshot, &disc,
                                (float[4]) { ring_width, ring_width, ring_width, ring_width },
                                (GdkRGBA[4]) { *ring, *ring, *ring, *ring });
}

static void
snapshot_circle (PrehabBreathingGuide *self,
                 GtkSnapshot          *snapshot,
                 const GdkRGBA        *foreground,
                 const GdkRGBA        *accent)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double max_r = MIN (width, height) / 2.0;
  double min_r = max_r * 0.35;
  double r = min_r + (max_r - min_r) * level (self->pace, self->fraction);
  GdkRGBA fill = *accent;
  GdkRGBA track = *foreground;

  /* Where the breath will reach, then the breath. */
  track.alpha *= 0.12;
  append_disc (snapshot, width / 2.0, height / 2.0, max_r, NULL, &track, 2);
  fill.alpha *= 0.25;
  append_disc (snapshot, width / 2.0, height / 2.0, r, &fill, accent, 4);
}

/* In, (hold,) out: one segment each, the current one filled. */
static void
snapshot_bar (PrehabBreathingGuide *self,
              GtkSnapshot          *snapshot,
              const GdkRGBA        *foreground,
              const GdkRGBA        *accent)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  PrehabPace parts[] = { PREHAB_PACE_OUT, PREHAB_PACE_HOLD, PREHAB_PACE_BACK };
  int n = self->has_hold ? 3 : 2;
  double bar_width = MIN (width, BAR_WIDTH);
  double segment = (bar_width - BAR_GAP * (n - 1)) / n;
  double x = (width - bar_width) / 2;
  double y = (height - BAR_HEIGHT) / 2.0;
  GdkRGBA track = *foreground;

  track.alpha *= 0.15;
  for (int i = 0, j = 0; i < 3; i++)
    {
      graphene_rect_t bounds;
      GskRoundedRect pill;

      if (parts[i] == PREHAB_PACE_HOLD && !self->has_hold)
        continue;

      bounds = GRAPHENE_RECT_INIT (x + j * (segment + BAR_GAP), y, segment, BAR_HEIGHT);
      gsk_rounded_rect_init_from_rect (&pill, &bounds, BAR_HEIGHT / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, parts[i] == self->pace ? accent : &track, &bounds);
      gtk_snapshot_pop (snapshot);
      j++;
    }
}

static void
prehab_breathing_guide_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  PrehabBreathingGuide *self = PREHAB_BREATHING_GUIDE (widget);
  GdkRGBA foreground, accent;

  lookup_colors (widget, &foreground, &accent);
  if (self->animated)
    snapshot_circle (self, snapshot, &foreground, &accent);
  else
    snapshot_bar (self, snapshot, &foreground, &accent);
}

static void
prehab_breathing_guide_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  PrehabBreathingGuide *self = PREHAB_BREATHING_GUIDE (widget);

  if (self->animated)
    *minimum = *natural = CIRCLE_SIZE;
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = BAR_WIDTH;
  else
    *minimum = *natural = BAR_HEIGHT * 2;
}

static void
prehab_breathing_guide_root (GtkWidget *widget)
{
  PrehabBreathingGuide *self = PREHAB_BREATHING_GUIDE (widget);

  GTK_WIDGET_CLASS (prehab_breathing_guide_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-enable-animations",
                           G_CALLBACK (on_animations_changed_cb), self, G_CONNECT_SWAPPED);
  self->animated = animations_enabled (widget);
}

static void
prehab_breathing_guide_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget),
                                        on_animations_changed_cb, widget);
  GTK_WIDGET_CLASS (prehab_breathing_guide_parent_class)->unroot (widget);
}

static void
prehab_breathing_guide_class_init (PrehabBreathingGuideClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = prehab_breathing_guide_snapshot;
  widget_class->measure = prehab_breathing_guide_measure;
  widget_class->root = prehab_breathing_guide_root;
  widget_class->unroot = prehab_breathing_guide_unroot;

  gtk_widget_class_set_css_name (widget_class, "breathing-guide");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
prehab_breathing_guide_init (PrehabBreathingGuide *self)
{
  self->animated = TRUE;
}

GtkWidget *
prehab_breathing_guide_new (void)
{
  return g_object_new (PREHAB_TYPE_BREATHING_GUIDE, NULL);
}

/**
 * prehab_breathing_guide_set_pace:
 * @self: the guide
 * @pace: the part of the rep under way
 * @fraction: how far through it, 0–1
 * @has_hold: whether the rep has a hold (the still bar shows it)
 *
 * The player calls this on every frame while a rep runs.
 */
void
prehab_breathing_guide_set_pace (PrehabBreathingGuide *self,
                                 PrehabPace            pace,
                                 double                fraction,
                                 gboolean              has_hold)
{
  g_return_if_fail (PREHAB_IS_BREATHING_GUIDE (self));

  fraction = CLAMP (fraction, 0, 1);
  /* The still bar changes only with the part of the rep. */
  if (!self->animated && pace == self->pace && has_hold == self->has_hold)
    return;

  self->pace = pace;
  self->fraction = fraction;
  self->has_hold = has_hold;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the guide moves (animations on) or is the still bar. */
gboolean
prehab_breathing_guide_get_animated (PrehabBreathingGuide *self)
{
  g_return_val_if_fail (PREHAB_IS_BREATHING_GUIDE (self), FALSE);

  return self->animated;
}
