/* fuzz-figure.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The figure parser (data/content/figures/ID.xml) on any bytes; a figure it
 * accepts is also posed and drawn, at a small size, in the middle of its
 * movement. */

#include "prehab-figure-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabFigure) figure = prehab_figure_new_from_bytes (bytes, "fuzz.xml", &error);
  PrehabFigureStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert ((figure == NULL) == (error != NULL));
  if (figure == NULL)
    return 0;

  prehab_figure_style_init_light (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cr = cairo_create (surface);
  prehab_figure_render (figure, cr, 64, 48, 0.5, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
