/* prehab-trend-draw-private.h
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

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Drawing helpers shared by the pain chart and its legend. */

/* Small text with tabular figures, as the chart's labels are. */
static inline PangoLayout *
prehab_trend_caption_layout_new (GtkWidget  *widget,
                                 const char *text)
{
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);

  return layout;
}

static inline void
prehab_trend_set_source (cairo_t       *cr,
                         const GdkRGBA *color,
                         double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static inline void
prehab_trend_append_text (GtkSnapshot   *snapshot,
                          PangoLayout   *layout,
                          float          x,
                          float          y,
                          const GdkRGBA *color,
                          double         alpha)
{
  GdkRGBA faded = *color;

  faded.alpha *= alpha;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x), roundf (y)));
  gtk_snapshot_append_layout (snapshot, layout, &faded);
  gtk_snapshot_restore (snapshot);
}

G_END_DECLS
