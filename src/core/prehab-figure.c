/* prehab-figure.c
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

#define G_LOG_DOMAIN "prehab-figure"

#include "config.h"

#include "prehab-figure.h"
#include "prehab-figure-private.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "prehab-catalog.h"
#include "prehab-catalog-private.h"
#include "prehab-core-resources.h"

/* The figures' public side: styles, loading a figure from the content
 * compiled into Prehab, and writing it as an image. The body and its poses
 * are in prehab-figure-pose.c, the drawing in prehab-figure-draw.c, the
 * file format in prehab-figure-parser.c. */

#define FIGURES_PATH RESOURCE_BASE "/content/figures/"

G_DEFINE_QUARK (prehab-figure-error-quark, prehab_figure_error)

static PrehabColor
rgb (guint32 hex,
     double  alpha)
{
  return (PrehabColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                         (hex & 0xff) / 255.0, alpha };
}

/**
 * prehab_figure_style_init_light:
 * @style: (out): the style to fill
 *
 * The colours for a light background, from the GNOME palette.
 */
void
prehab_figure_style_init_light (PrehabFigureStyle *style)
{
  style->ink = rgb (0x3d3846, 1);
  style->accent = rgb (0x1c71d8, 1);
  style->muted = rgb (0x9a9996, 1);
  style->prop = rgb (0x986a44, 1);
  style->ground = rgb (0xdeddda, 1);
}

/**
 * prehab_figure_style_init_dark:
 * @style: (out): the style to fill
 *
 * The colours for a dark background, from the GNOME palette.
 */
void
prehab_figure_style_init_dark (PrehabFigureStyle *style)
{
  style->ink = rgb (0xf6f5f4, 1);
  style->accent = rgb (0x78aeed, 1);
  style->muted = rgb (0x9a9996, 1);
  style->prop = rgb (0xcdab8f, 1);
  style->ground = rgb (0x5e5c64, 1);
}

/* The figure object */

PrehabFigure *
prehab_figure_new (void)
{
  PrehabFigure *figure = g_new0 (PrehabFigure, 1);

  g_atomic_ref_count_init (&figure->ref_count);
  figure->keyframes = g_array_new (FALSE, TRUE, sizeof (FigKeyframe));
  figure->props = g_array_new (FALSE, TRUE, sizeof (FigProp));
  return figure;
}

PrehabFigure *
prehab_figure_ref (PrehabFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  g_atomic_ref_count_inc (&figure->ref_count);
  return figure;
}

void
prehab_figure_unref (PrehabFigure *figure)
{
  g_return_if_fail (figure != NULL);

  if (!g_atomic_ref_count_dec (&figure->ref_count))
    return;

  g_free (figure->exercise_id);
  g_free (figure->description);
  g_array_unref (figure->keyframes);
  g_array_unref (figure->props);
  g_free (figure);
}

const char *
prehab_figure_get_exercise_id (PrehabFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  return figure->exercise_id;
}

/**
 * prehab_figure_get_description:
 * @figure: a figure
 *
 * Returns: the movement described in words, in the user's language
 */
const char *
prehab_figure_get_description (PrehabFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, figure->description);
}

double
prehab_figure_get_duration (PrehabFigure *figure)
{
  g_return_val_if_fail (figure != NULL, 0);

  return figure->duration;
}

/* Loading */

static gboolean
valid_id (const char *id)
{
  return id != NULL && g_ascii_islower (*id) && strlen (id) <= 64 &&
         strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (id);
}

static GBytes *
lookup_figure (const char *exercise_id)
{
  g_autofree char *path = g_strconcat (FIGURES_PATH, exercise_id, ".xml", NULL);

  return g_resource_lookup_data (prehab_core_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/**
 * prehab_figure_load:
 * @exercise_id: an exercise of the catalog
 * @error: return location for a %PREHAB_FIGURE_ERROR
 *
 * Loads the figure of an exercise from Prehab's content.
 *
 * Returns: (transfer full): the figure, or %NULL with
 *   %PREHAB_FIGURE_ERROR_NOT_FOUND (or %PREHAB_FIGURE_ERROR_INVALID for
 *   bad pose data)
 */
PrehabFigure *
prehab_figure_load (const char  *exercise_id,
                    GError     **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PrehabFigure) figure = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (exercise_id != NULL, NULL);

  if (!valid_id (exercise_id) || (bytes = lookup_figure (exercise_id)) == NULL)
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_NOT_FOUND,
                   _ ("No figure for an exercise “%s”"), exercise_id);
      return NULL;
    }

  name = g_strconcat ("figures/", exercise_id, ".xml", NULL);
  figure = prehab_figure_new_from_bytes (bytes, name, error);
  if (figure == NULL)
    return NULL;

  if (!g_str_equal (figure->exercise_id, exercise_id))
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID,
                   "%s: the figure is for “%s”, not “%s”", name, figure->exercise_id, exercise_id);
      return NULL;
    }

  return g_steal_pointer (&figure);
}

/**
 * prehab_figure_list_ids:
 *
 * Returns: (transfer full): every exercise that has a figure, in the
 *   catalog's order
 */
GStrv
prehab_figure_list_ids (void)
{
  g_autoptr (GBytes) content = prehab_catalog_dup_builtin_content ();
  g_autoptr (PrehabCatalogData) catalog = prehab_catalog_data_parse (content, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; catalog != NULL && i < catalog->exercises->len; i++)
    {
      const CatalogExercise *exercise = g_ptr_array_index (catalog->exercises, i);
      g_autoptr (GBytes) bytes = lookup_figure (exercise->id);

      if (bytes != NULL)
        g_strv_builder_add (builder, exercise->id);
    }

  return g_strv_builder_end (builder);
}

/* Writing */

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * prehab_figure_write:
 * @figure: a figure
 * @path: a file name ending in .png or .svg
 * @size: the width in pixels, 16 to 4096
 * @frame: 0 (start) to 1 (end)
 * @style: the colours
 * @error: return location for a %PREHAB_FIGURE_ERROR
 *
 * Writes the figure as an image, replacing @path whole or not at all.
 *
 * Returns: %TRUE on success
 */
gboolean
prehab_figure_write (PrehabFigure             *figure,
                     const char               *path,
                     int                       size,
                     double                    frame,
                     const PrehabFigureStyle  *style,
                     GError                  **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  g_autofree char *lower = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean svg;
  int height;

  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  svg = g_str_has_suffix (lower, ".svg");
  if (!svg && !g_str_has_suffix (lower, ".png"))
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID,
                   _ ("“%s” must end in .png or .svg"), path);
      return FALSE;
    }
  if (size < 16 || size > 4096)
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID,
                   _ ("The size must be from 16 to 4096 pixels, not %d"), size);
      return FALSE;
    }
  if (!(frame >= 0 && frame <= 1))
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID,
                   _ ("The frame must be from 0 (start) to 1 (end), not %g"), frame);
      return FALSE;
    }

  height = (int) round (size / PREHAB_FIGURE_ASPECT_RATIO);
  if (svg)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes_cb, data, size, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, height);
    }

  cr = cairo_create (surface);
  prehab_figure_render (figure, cr, size, height, frame, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (svg)
        cairo_surface_finish (surface);
      else
        status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, data);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_WRITE,
                   _ ("Could not draw the figure: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, (const char *) data->data, data->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_WRITE,
                   "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
