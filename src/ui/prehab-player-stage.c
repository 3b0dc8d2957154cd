/* prehab-player-stage.c
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

#define G_LOG_DOMAIN "prehab-player-stage"

#include "config.h"

#include "prehab-player-stage.h"

/* Side by side from this width on. */
#define WIDE_WIDTH    540
#define SPACING       24
/* One above the other, the first child is kept this narrow, so that the
 * second one still shows on a small screen. */
#define STACKED_FIRST 220

struct _PrehabPlayerStage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PrehabPlayerStage, prehab_player_stage, GTK_TYPE_WIDGET)

/* The visible children, at most two. */
static guint
get_children (GtkWidget  *widget,
              GtkWidget **children)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n < 2; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      children[n++] = child;

  return n;
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

/* How wide each child is when side by side in @width: the first takes
 * what it asks for, up to half. */
static void
split_width (GtkWidget **children,
             int         width,
             int        *first,
             int        *second)
{
  int min, nat;

  measure_child (children[0], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  *first = CLAMP (nat, min, (width - SPACING) / 2);
  *second = width - SPACING - *first;
}

/* How wide a child is when stacked in @width. */
static int
stacked_width (GtkWidget *child,
               guint      index,
               int        width)
{
  int min, nat;

  measure_child (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  if (index == 0)
    nat = MIN (nat, STACKED_FIRST);

  return width >= 0 ? CLAMP (nat, min, MAX (width, min)) : nat;
}

static GtkSizeRequestMode
prehab_player_stage_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prehab_player_stage_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GtkWidget *children[2];
  guint n = get_children (widget, children);
  int min[2] = { 0 }, nat[2] = { 0 };

  *minimum = *natural = 0;
  if (n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < n; i++)
        measure_child (children[i], orientation, -1, &min[i], &nat[i]);
      *minimum = MAX (min[0], min[1]);
      *natural = n == 2 ? MAX (nat[0] + SPACING + nat[1], WIDE_WIDTH) : nat[0];
      return;
    }

  if (n == 2 && for_size >= WIDE_WIDTH)
    {
      int widths[2];

      split_width (children, for_size, &widths[0], &widths[1]);
      for (guint i = 0; i < n; i++)
        measure_child (children[i], orientation, widths[i], &min[i], &nat[i]);
      *minimum = MAX (min[0], min[1]);
      *natural = MAX (nat[0], nat[1]);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      measure_child (children[i], orientation, stacked_width (children[i], i, for_size),
                     &min[i], &nat[i]);
      *minimum += min[i];
      *natural += nat[i];
    }
  if (n == 2)
    {
      *minimum += SPACING / 2;
      *natural += SPACING / 2;
    }
}

static void
prehab_player_stage_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GtkWidget *children[2];
  guint n = get_children (widget, children);

  if (n == 2 && width >= WIDE_WIDTH)
    {
      int widths[2];
      int x = 0;

      split_width (children, width, &widths[0], &widths[1]);
      for (guint i = 0; i < n; i++)
        {
          int min, nat, child_height;

          measure_child (children[i], GTK_ORIENTATION_VERTICAL, widths[i], &min, &nat);
          child_height = CLAMP (nat, min, height);
          /* Each one in the middle of the height. */
          gtk_widget_size_allocate (children[i],
                                    &(GtkAllocation) { x, (height - child_height) / 2,
                                                       widths[i], child_height },
                                    -1);
          x += widths[i] + SPACING;
        }
      return;
    }

  {
    int y = 0;

    for (guint i = 0; i < n; i++)
      {
        int min, nat, child_width, child_height;

        child_width = stacked_width (children[i], i, width);
        measure_child (children[i], GTK_ORIENTATION_VERTICAL, child_width, &min, &nat);
        child_height = nat;
        gtk_widget_size_allocate (children[i],
                                  &(GtkAllocation) { (width - child_width) / 2, y,
                                                     child_width, child_height },
                                  -1);
        y += child_height + SPACING / 2;
      }
  }
}

static void
prehab_player_stage_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (prehab_player_stage_parent_class)->dispose (object);
}

static void
prehab_player_stage_class_init (PrehabPlayerStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_player_stage_dispose;
  widget_class->get_request_mode = prehab_player_stage_get_request_mode;
  widget_class->measure = prehab_player_stage_measure;
  widget_class->size_allocate = prehab_player_stage_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "player-stage");
}

static void
prehab_player_stage_init (PrehabPlayerStage *self)
{
}
