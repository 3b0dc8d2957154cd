/* prehab-figure.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The exercise figures: a jointed figure posed by keyframes read from the
 * content (data/content/), drawn with cairo in one style. No GTK: the
 * colours come in a PrehabFigureStyle, which the UI fills from its theme. */

#define PREHAB_FIGURE_ERROR (prehab_figure_error_quark ())

typedef enum
{
  PREHAB_FIGURE_ERROR_NOT_FOUND,  /* no figure for that exercise */
  PREHAB_FIGURE_ERROR_INVALID,    /* bad pose data, size, frame or file name */
  PREHAB_FIGURE_ERROR_WRITE,      /* the image could not be written */
} PrehabFigureError;

typedef struct
{
  double red, green, blue, alpha;
} PrehabColor;

typedef struct
{
  PrehabColor ink;     /* the body, near side */
  PrehabColor accent;  /* the part that moves */
  PrehabColor muted;   /* the far side of the body */
  PrehabColor prop;    /* the things used: chair, ball, weights, band */
  PrehabColor ground;  /* the floor line, the mat, the wall */
} PrehabFigureStyle;

/* Every figure is drawn for a frame this much wider than high: the same
 * shape for every exercise, so cards line up. */
#define PREHAB_FIGURE_ASPECT_RATIO (4.0 / 3.0)

void prehab_figure_style_init_light (PrehabFigureStyle *style);
void prehab_figure_style_init_dark  (PrehabFigureStyle *style);

typedef struct _PrehabFigure PrehabFigure;

GQuark        prehab_figure_error_quark      (void);
/* Every exercise id that has a figure, in catalog order. */
GStrv         prehab_figure_list_ids         (void);
PrehabFigure *prehab_figure_load             (const char              *exercise_id,
                                              GError                 **error);
PrehabFigure *prehab_figure_ref              (PrehabFigure            *figure);
void          prehab_figure_unref            (PrehabFigure            *figure);
const char   *prehab_figure_get_exercise_id  (PrehabFigure            *figure);
/* Translated description of the movement, for assistive technologies. */
const char   *prehab_figure_get_description  (PrehabFigure            *figure);
/* Seconds one way from the start pose to the end pose when animated. */
double        prehab_figure_get_duration     (PrehabFigure            *figure);
/* Draws the figure into the rectangle (0, 0, width, height) of @cr at
 * @frame: 0 is the start pose, 1 the end pose, eased in between (a frame
 * outside 0 to 1 is clamped). The figure keeps its aspect ratio and is
 * centred, with a margin. Same input, same pixels. */
void          prehab_figure_render           (PrehabFigure            *figure,
                                              cairo_t                 *cr,
                                              double                   width,
                                              double                   height,
                                              double                   frame,
                                              const PrehabFigureStyle *style);
/* Writes a PNG or SVG (chosen by the file name's extension, .png or .svg)
 * @size pixels wide (16 to 4096) and three quarters as high, with a
 * transparent background. Refuses a frame outside 0 to 1. The file is
 * replaced whole or not at all. */
gboolean      prehab_figure_write            (PrehabFigure            *figure,
                                              const char              *path,
                                              int                      size,
                                              double                   frame,
                                              const PrehabFigureStyle *style,
                                              GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabFigure, prehab_figure_unref)

G_END_DECLS
