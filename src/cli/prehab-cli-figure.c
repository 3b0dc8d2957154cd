/* prehab-cli-figure.c
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

#define G_LOG_DOMAIN "prehab-cli"

#include "config.h"

#include "prehab-cli-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "prehab-figure.h"

/* "prehab render-figure ID --output FILE": an exercise's figure as a PNG or
 * SVG file. It reads only the figures built into Prehab, so it needs no
 * data folder and never creates one. */

#define DEFAULT_SIZE 512

static gboolean
parse_frame (const char *text,
             double     *frame)
{
  char *end = NULL;

  *frame = g_ascii_strtod (text, &end);
  return *text != '\0' && end != NULL && *end == '\0' && isfinite (*frame) &&
         *frame >= 0 && *frame <= 1;
}

int
prehab_cli_run_render_figure (const char  *data_dir,
                              int          argc,
                              char       **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *frame_text = NULL;
  g_auto (GStrv) ids = NULL;
  int size = DEFAULT_SIZE;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the image to FILE, a .png or .svg"), N_("FILE") },
    { "frame", 0, 0, G_OPTION_ARG_STRING, &frame_text,
      N_("Moment of the movement, from 0 (start) to 1 (end); default 0"), N_("FRAME") },
    { "size", 0, 0, G_OPTION_ARG_INT, &size,
      N_("Width in pixels, from 16 to 4096; default 512"), N_("PIXELS") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the colours for a dark background"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids, NULL, N_("EXERCISE") },
    { NULL }
  };
  g_autoptr (PrehabFigure) figure = NULL;
  g_autoptr (GError) error = NULL;
  PrehabFigureStyle style;
  double frame = 0;
  int status;

  status = prehab_cli_parse_options ("render-figure",
                                     _("Draw an exercise's figure as a PNG or SVG image."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (ids == NULL || ids[0] == NULL)
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE,
                            _("Name an exercise, such as “prehab render-figure cat-cow --output cat-cow.png”; see “prehab exercises”"));
  if (ids[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s” for “%s”; see “prehab %s --help”"),
                                                  ids[1], "render-figure", "render-figure");
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }
  if (output == NULL || *output == '\0')
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("--output FILE is needed, a .png or .svg file"));
  if (!g_str_has_suffix (output, ".png") && !g_str_has_suffix (output, ".svg") &&
      !g_str_has_suffix (output, ".PNG") && !g_str_has_suffix (output, ".SVG"))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must end in .png or .svg"), output);
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }
  if (frame_text != NULL && !parse_frame (frame_text, &frame))
    {
      g_autofree char *message = g_strdup_printf (_("--frame must be a number from 0 (start) to 1 (end), not “%s”"),
                                                  frame_text);
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }
  if (size < 16 || size > 4096)
    {
      g_autofree char *message = g_strdup_printf (_("--size must be from 16 to 4096 pixels, not %d"), size);
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }

  figure = prehab_figure_load (ids[0], &error);
  if (figure == NULL)
    {
      if (g_error_matches (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_NOT_FOUND))
        {
          g_autofree char *message = g_strdup_printf (_("No exercise “%s”; see “prehab exercises” for the ids"),
                                                      ids[0]);
          return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
        }
      return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, error->message);
    }

  if (dark)
    prehab_figure_style_init_dark (&style);
  else
    prehab_figure_style_init_light (&style);

  if (!prehab_figure_write (figure, output, size, frame, &style, &error))
    {
      gboolean usage = g_error_matches (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID);

      return prehab_cli_fail (usage ? PREHAB_CLI_EXIT_USAGE : PREHAB_CLI_EXIT_FAILURE, error->message);
    }

  return PREHAB_CLI_EXIT_OK;
}
