/* figure-contact-sheet.c
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

#include "config.h"

#include <cairo.h>
#include <stdlib.h>

#include "prehab-catalog.h"
#include "prehab-catalog-private.h"
#include "prehab-figure.h"
#include "prehab-figure-private.h"

/* Every exercise's figure at its start and its end, with its name, on one
 * sheet in the light style and one in the dark: what to look at after
 * touching the renderer or a pose. `meson compile -C build contact-sheet`
 * writes build/contact-sheet-light.png and build/contact-sheet-dark.png.
 *
 * Usage: figure-contact-sheet [--frames N] [--columns N] [--cell PIXELS] PREFIX [ID | FILE.xml ...]
 * With ids or figure files (read from disk, for editing a pose without
 * rebuilding) only those are drawn. */

static int cell_width = 240;
#define CELL_WIDTH cell_width
#define CELL_HEIGHT (cell_width * 3 / 4)
#define LABEL_HEIGHT 30
#define GAP 12

typedef struct
{
  PrehabFigure *figure;
  char         *name;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->figure, prehab_figure_unref);
  g_free (entry->name);
}

static char *
exercise_name (PrehabCatalogData *catalog,
               const char        *id)
{
  for (guint i = 0; i < catalog->exercises->len; i++)
    {
      const CatalogExercise *exercise = g_ptr_array_index (catalog->exercises, i);

      if (g_str_equal (exercise->id, id))
        return g_strdup (exercise->name);
    }
  return g_strdup (id);
}

static gboolean
write_sheet (GArray                  *entries,
             const char              *path,
             const PrehabFigureStyle *style,
             double                   background,
             int                      frames,
             int                      columns)
{
  int per_row = MAX (1, columns);
  int rows = (entries->len + per_row - 1) / per_row;
  int block = frames * CELL_WIDTH + (frames - 1) * 4;
  int width = per_row * block + (per_row + 1) * GAP;
  int height = rows * (CELL_HEIGHT + LABEL_HEIGHT) + (rows + 1) * GAP;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_set_source_rgb (cr, background, background, background);
  cairo_paint (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 13);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      int x = GAP + (i % per_row) * (block + GAP);
      int y = GAP + (i / per_row) * (CELL_HEIGHT + LABEL_HEIGHT + GAP);
      cairo_text_extents_t extents;

      for (int f = 0; f < frames; f++)
        {
          double frame = frames > 1 ? (double) f / (frames - 1) : 0;

          /* A faint card behind each frame shows the canvas. */
          cairo_save (cr);
          cairo_rectangle (cr, x + f * (CELL_WIDTH + 4), y, CELL_WIDTH, CELL_HEIGHT);
          cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.08);
          cairo_fill (cr);
          cairo_translate (cr, x + f * (CELL_WIDTH + 4), y);
          prehab_figure_render (entry->figure, cr, CELL_WIDTH, CELL_HEIGHT, frame, style);
          cairo_restore (cr);
        }

      cairo_text_extents (cr, entry->name, &extents);
      cairo_set_source_rgba (cr, style->ink.red, style->ink.green, style->ink.blue, style->ink.alpha);
      cairo_move_to (cr, x + (block - extents.width) / 2 - extents.x_bearing,
                     y + CELL_HEIGHT + LABEL_HEIGHT / 2 + 5);
      cairo_show_text (cr, entry->name);
    }

  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("figure-contact-sheet: %s: %s\n", path, cairo_status_to_string (status));
      return FALSE;
    }
  g_print ("%s\n", path);
  return TRUE;
}

/* FIGURE_DEBUG=1 prints where the joints are at each keyframe, in metres:
 * handy when writing a pose. */
static void
print_joints (PrehabFigure *figure)
{
  static const FigSegment shown[] = {
    FIG_PELVIS, FIG_THORAX, FIG_NECK, FIG_HEAD, FIG_RIGHT_UPPER_ARM, FIG_RIGHT_HAND,
    FIG_LEFT_HAND, FIG_RIGHT_SHIN, FIG_RIGHT_FOOT, FIG_LEFT_FOOT,
  };
  guint n = figure->keyframes->len;
  double total = 0, at = 0;

  for (guint k = 1; k < n; k++)
    total += g_array_index (figure->keyframes, FigKeyframe, k).weight;

  for (guint k = 0; k < n; k++)
    {
      FigPose pose;

      if (k > 0)
        at += g_array_index (figure->keyframes, FigKeyframe, k).weight;
      fig_pose_at (figure, at / total, &pose);
      g_print ("%s keyframe %u\n", figure->exercise_id, k);
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        {
          FigVec p = pose.position[shown[i]];
          g_print ("  %-16s %6.3f %6.3f %6.3f\n", fig_segment_name (shown[i]), p.x, p.y, p.z);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GBytes) content = prehab_catalog_dup_builtin_content ();
  g_autoptr (PrehabCatalogData) catalog = NULL;
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr (GError) error = NULL;
  g_autofree char *light_path = NULL, *dark_path = NULL;
  g_auto (GStrv) ids = NULL;
  PrehabFigureStyle light, dark;
  int frames = 2, columns = 4;
  int i = 1;

  g_array_set_clear_func (entries, entry_clear);

  for (; i + 1 < argc && g_str_has_prefix (argv[i], "--"); i += 2)
    {
      if (g_str_equal (argv[i], "--frames"))
        frames = CLAMP (atoi (argv[i + 1]), 1, 12);
      else if (g_str_equal (argv[i], "--columns"))
        columns = CLAMP (atoi (argv[i + 1]), 1, 12);
      else if (g_str_equal (argv[i], "--cell"))
        cell_width = CLAMP (atoi (argv[i + 1]), 64, 1024);
      else
        break;
    }
  if (i >= argc)
    {
      g_printerr ("Usage: figure-contact-sheet [--frames N] [--columns N] [--cell PIXELS] PREFIX [ID | FILE.xml ...]\n");
      return 2;
    }

  catalog = prehab_catalog_data_parse (content, &error);
  if (catalog == NULL)
    {
      g_printerr ("figure-contact-sheet: %s\n", error->message);
      return 1;
    }

  if (i + 1 < argc)
    ids = g_strdupv (argv + i + 1);
  else
    ids = prehab_figure_list_ids ();

  for (guint j = 0; ids[j] != NULL; j++)
    {
      Entry entry = { 0, };

      if (g_str_has_suffix (ids[j], ".xml"))
        {
          g_autofree char *text = NULL;
          gsize length;

          if (g_file_get_contents (ids[j], &text, &length, &error))
            {
              g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);
              entry.figure = prehab_figure_new_from_bytes (bytes, ids[j], &error);
            }
        }
      else
        {
          entry.figure = prehab_figure_load (ids[j], &error);
        }

      if (entry.figure == NULL)
        {
          g_printerr ("figure-contact-sheet: %s\n", error->message);
          return 1;
        }

      if (g_getenv ("FIGURE_DEBUG") != NULL)
        print_joints (entry.figure);
      entry.name = exercise_name (catalog, prehab_figure_get_exercise_id (entry.figure));
      g_array_append_val (entries, entry);
    }

  light_path = g_strconcat (argv[i], "-light.png", NULL);
  dark_path = g_strconcat (argv[i], "-dark.png", NULL);
  prehab_figure_style_init_light (&light);
  prehab_figure_style_init_dark (&dark);

  columns = MIN (columns, (int) entries->len);
  if (!write_sheet (entries, light_path, &light, 0.98, frames, columns) ||
      !write_sheet (entries, dark_path, &dark, 0.14, frames, columns))
    return 1;

  return 0;
}
