/* prehab-figure-draw.c
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

#include <math.h>

/* Draws a posed figure (prehab-figure-pose.c) with cairo. Every body
 * segment is the convex hull of a few spheres; seen through an
 * orthographic camera a sphere is a circle, so a segment is the hull of
 * circles, from any side. Props are boxes, cylinders, spheres and rings,
 * likewise projected. The shapes are painted back to front; each first
 * clears a thin ring around itself (its halo), which separates a limb from
 * whatever lies behind it on any background and in any colour. */

#define CIRCLE_POINTS 28
#define HALO_METRES 0.016
#define N_BOUND_SAMPLES 24

typedef enum
{
  ROLE_INK,
  ROLE_ACCENT,
  ROLE_PROP,
  ROLE_GROUND,
} Role;

typedef struct
{
  double x, y;
} Point;

typedef struct
{
  GArray  *points;     /* Point: a convex polygon, or a polyline when stroke > 0 */
  double   stroke;     /* line width in metres for a polyline, else 0 */
  gboolean closed;     /* a stroked polyline that closes (a ring) */
  double   depth;      /* larger is nearer the camera */
  Role     role;
  double   far;        /* 0 near side to 1 far side: how muted */
  int      segment;    /* the body segment, or -1 */
  gboolean background; /* floor, mat, wall: painted first, never cut */
  guint    order;
} Shape;

typedef struct
{
  FigVec right, up, toward;
} Camera;

typedef struct
{
  GArray  *shapes;      /* Shape */
  Camera   camera;
  gboolean for_bounds;  /* only the shapes' points count: no outlines */
} Scene;

/* The camera */

static Camera
camera_new (double azimuth,
            double elevation)
{
  Camera camera;

  camera.toward = fig_vec (sin (azimuth) * cos (elevation), sin (elevation),
                           cos (azimuth) * cos (elevation));
  camera.right = fig_vec (cos (azimuth), 0, -sin (azimuth));
  camera.up = fig_vec_cross (camera.toward, camera.right);
  return camera;
}

static Point
project (const Camera *camera,
         FigVec        p)
{
  return (Point) { fig_vec_dot (p, camera->right), fig_vec_dot (p, camera->up) };
}

static double
depth_of (const Camera *camera,
          FigVec        p)
{
  return fig_vec_dot (p, camera->toward);
}

/* Convex hulls */

static double
turn (Point o,
      Point a,
      Point b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *p = a, *q = b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return 0;
}

/* Replaces @points with their convex hull, counter-clockwise (Andrew's
 * monotone chain). */
static void
convex_hull (GArray *points)
{
  g_autoptr (GArray) hull = NULL;
  guint n = points->len, k = 0;
  Point *p;

  if (n < 3)
    return;

  g_array_sort (points, compare_points);
  p = &g_array_index (points, Point, 0);
  hull = g_array_sized_new (FALSE, FALSE, sizeof (Point), 2 * n);
  g_array_set_size (hull, 2 * n);

  for (guint i = 0; i < n; i++)
    {
      while (k >= 2 && turn (g_array_index (hull, Point, k - 2), g_array_index (hull, Point, k - 1), p[i]) <= 0)
        k--;
      g_array_index (hull, Point, k++) = p[i];
    }
  for (guint i = n - 1, lower = k + 1; i > 0; i--)
    {
      while (k >= lower && turn (g_array_index (hull, Point, k - 2), g_array_index (hull, Point, k - 1), p[i - 1]) <= 0)
        k--;
      g_array_index (hull, Point, k++) = p[i - 1];
    }

  g_array_set_size (points, 0);
  g_array_append_vals (points, hull->data, k - 1);
}

/* The points of the unit circle that every circle, disc and rim is drawn
 * through, worked out once: a figure's bounds take some 30 000 circles. */
static const Point *
unit_circle (void)
{
  static Point points[CIRCLE_POINTS];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < CIRCLE_POINTS; i++)
        {
          double a = 2 * G_PI * i / CIRCLE_POINTS;

          points[i] = (Point) { cos (a), sin (a) };
        }
      g_once_init_leave (&ready, 1);
    }

  return points;
}

static void
add_circle (GArray *points,
            Point   c,
            double  radius)
{
  const Point *unit = unit_circle ();
  guint start = points->len;

  g_array_set_size (points, start + CIRCLE_POINTS);
  for (guint i = 0; i < CIRCLE_POINTS; i++)
    g_array_index (points, Point, start + i) = (Point) { c.x + radius * unit[i].x,
                                                         c.y + radius * unit[i].y };
}

/* The scene: shapes for a pose */

static void
shape_clear (gpointer data)
{
  Shape *shape = data;

  g_clear_pointer (&shape->points, g_array_unref);
}

static Shape *
scene_add (Scene  *scene,
           Role    role,
           double  depth)
{
  Shape shape = { 0, };

  shape.points = g_array_new (FALSE, FALSE, sizeof (Point));
  shape.role = role;
  shape.depth = depth;
  shape.segment = -1;
  shape.order = scene->shapes->len;
  g_array_append_val (scene->shapes, shape);
  return &g_array_index (scene->shapes, Shape, scene->shapes->len - 1);
}

/* Makes @shape's points its outline. The box of a convex hull is the box
 * of its points, so a scene made for bounds skips it. */
static void
scene_outline (Scene *scene,
               Shape *shape)
{
  if (!scene->for_bounds)
    convex_hull (shape->points);
}

/* A frame for a prop: an origin and a rotation. */
typedef struct
{
  FigVec  origin;
  FigQuat rotation;
} PropFrame;

static FigVec
to_world (const PropFrame *frame,
          double           x,
          double           y,
          double           z)
{
  return fig_vec_add (frame->origin, fig_quat_rotate (frame->rotation, fig_vec (x, y, z)));
}

static void
add_box (Scene           *scene,
         const PropFrame *frame,
         Role             role,
         gboolean         background,
         double           cx,
         double           cy,
         double           cz,
         double           sx,
         double           sy,
         double           sz)
{
  Shape *shape = scene_add (scene, role, depth_of (&scene->camera, to_world (frame, cx, cy, cz)));

  shape->background = background;
  for (int i = 0; i < 8; i++)
    {
      FigVec corner = to_world (frame, cx + (i & 1 ? sx : -sx) / 2, cy + (i & 2 ? sy : -sy) / 2,
                                cz + (i & 4 ? sz : -sz) / 2);
      Point p = project (&scene->camera, corner);

      g_array_append_val (shape->points, p);
    }
  scene_outline (scene, shape);
}

/* Rim points of a disc of @radius centred on local @c, facing local @axis
 * (a unit vector along x, y or z). */
static void
add_disc_points (GArray          *points,
                 const Camera    *camera,
                 const PropFrame *frame,
                 FigVec           c,
                 FigVec           axis,
                 double           radius)
{
  const Point *unit = unit_circle ();
  FigVec u = fabs (axis.y) > 0.9 ? fig_vec (1, 0, 0) : fig_vec (0, 1, 0);
  FigVec v;

  u = fig_vec_normalize (fig_vec_sub (u, fig_vec_scale (axis, fig_vec_dot (u, axis))));
  v = fig_vec_cross (axis, u);

  for (guint i = 0; i < CIRCLE_POINTS; i++)
    {
      FigVec local = fig_vec_add (c, fig_vec_add (fig_vec_scale (u, radius * unit[i].x),
                                                  fig_vec_scale (v, radius * unit[i].y)));
      Point p = project (camera, to_world (frame, local.x, local.y, local.z));

      g_array_append_val (points, p);
    }
}

/* A cylinder from local @a to local @b along one axis. */
static void
add_cylinder (Scene           *scene,
              const PropFrame *frame,
              Role             role,
              FigVec           a,
              FigVec           b,
              double           radius)
{
  FigVec axis = fig_vec_normalize (fig_vec_sub (b, a));
  FigVec mid = fig_vec_lerp (a, b, 0.5);
  Shape *shape = scene_add (scene, role, depth_of (&scene->camera, to_world (frame, mid.x, mid.y, mid.z)));

  add_disc_points (shape->points, &scene->camera, frame, a, axis, radius);
  add_disc_points (shape->points, &scene->camera, frame, b, axis, radius);
  scene_outline (scene, shape);
}

static void
add_sphere (Scene  *scene,
            Role    role,
            FigVec  c,
            double  radius)
{
  Shape *shape = scene_add (scene, role, depth_of (&scene->camera, c));

  add_circle (shape->points, project (&scene->camera, c), radius);
  scene_outline (scene, shape);
}

/* A ring such as a kettlebell's handle, drawn as a stroke. */
static void
add_ring (Scene           *scene,
          const PropFrame *frame,
          Role             role,
          FigVec           c,
          FigVec           axis,
          double           radius,
          double           thickness)
{
  Shape *shape = scene_add (scene, role, depth_of (&scene->camera, to_world (frame, c.x, c.y, c.z)));

  shape->stroke = thickness;
  shape->closed = TRUE;
  add_disc_points (shape->points, &scene->camera, frame, c, axis, radius);
}

/* A band between the hands; when the hands are pulled apart to the sides
 * it wraps in front of the chest rather than through it. */
static void
add_band (Scene         *scene,
          const FigPose *pose,
          FigVec         left,
          FigVec         right)
{
  FigVec forward = fig_quat_rotate (pose->rotation[FIG_THORAX], fig_vec (1, 0, 0));
  FigVec chest = fig_vec_add (pose->position[FIG_THORAX], fig_vec_scale (forward, 0.16));
  FigVec mid = fig_vec_lerp (left, right, 0.5);
  double short_of = fig_vec_dot (fig_vec_sub (chest, mid), forward);
  Shape *shape;
  Point p;

  if (short_of > 0)
    mid = fig_vec_add (mid, fig_vec_scale (forward, short_of));

  shape = scene_add (scene, ROLE_PROP, depth_of (&scene->camera, mid));
  shape->stroke = 0.016;
  p = project (&scene->camera, right);
  g_array_append_val (shape->points, p);
  p = project (&scene->camera, mid);
  g_array_append_val (shape->points, p);
  p = project (&scene->camera, left);
  g_array_append_val (shape->points, p);
}

/* Where a hand holds something: the middle of the closed fist. */
static FigVec
grip (const FigPose *pose,
      FigSegment     hand)
{
  return fig_vec_add (pose->position[hand], fig_quat_rotate (pose->rotation[hand], fig_vec (0, -0.05, 0)));
}

static void
add_prop (Scene         *scene,
          const FigProp *prop,
          const FigPose *pose)
{
  PropFrame frame;
  FigQuat heading = fig_quat_axis (fig_vec (0, 1, 0), prop->heading);
  double r;

  if (prop->both_hands)
    {
      FigVec right = grip (pose, FIG_RIGHT_HAND), left = grip (pose, FIG_LEFT_HAND);
      FigVec across = fig_vec_normalize (fig_vec_sub (right, left));
      FigVec up = fig_vec (0, 1, 0);
      FigVec forward;

      /* Held between the hands: local z runs from the left hand to the
       * right, y stays as upright as it can. */
      if (fig_vec_length (across) < 0.5)
        across = fig_vec (0, 0, 1);
      up = fig_vec_normalize (fig_vec_sub (up, fig_vec_scale (across, fig_vec_dot (up, across))));
      if (fig_vec_length (up) < 0.5)
        up = fig_vec (1, 0, 0);
      forward = fig_vec_cross (up, across);
      frame.origin = fig_vec_add (fig_vec_lerp (left, right, 0.5), prop->position);
      frame.rotation = fig_quat_from_basis (forward, up, across);

      if (prop->kind == FIG_PROP_BAND)
        {
          add_band (scene, pose, left, right);
          return;
        }
    }
  else if (prop->attach >= 0)
    {
      frame.origin = fig_vec_add (pose->position[prop->attach],
                                  fig_quat_rotate (pose->rotation[prop->attach], prop->position));
      if (prop->attach == FIG_RIGHT_HAND || prop->attach == FIG_LEFT_HAND)
        frame.origin = fig_vec_add (frame.origin, fig_vec_sub (grip (pose, prop->attach),
                                                               pose->position[prop->attach]));
      frame.rotation = fig_quat_mul (pose->rotation[prop->attach], heading);
    }
  else
    {
      frame.origin = prop->position;
      frame.rotation = heading;

      /* Furniture and walls stand on the floor; a chair's position gives
       * the height of its seat. */
      if (prop->kind == FIG_PROP_WALL || prop->kind == FIG_PROP_DOOR_FRAME ||
          prop->kind == FIG_PROP_DESK || prop->kind == FIG_PROP_CHAIR)
        frame.origin.y = 0;
    }

  switch (prop->kind)
    {
    case FIG_PROP_MAT:
      {
        double l = prop->length > 0 ? prop->length : 1.8, w = prop->width > 0 ? prop->width : 0.6;
        double h = prop->height > 0 ? prop->height : 0.012;

        add_box (scene, &frame, ROLE_GROUND, TRUE, 0, h / 2, 0, l, h, w);
      }
      break;

    case FIG_PROP_WALL:
      {
        double h = prop->height > 0 ? prop->height : 2.0, w = prop->width > 0 ? prop->width : 1.2;

        /* Its face is at the position, facing back along -x. */
        add_box (scene, &frame, ROLE_GROUND, TRUE, 0.05, h / 2, 0, 0.1, h, w);
      }
      break;

    case FIG_PROP_CHAIR:
      {
        double h = prop->height > 0 ? prop->height : prop->position.y > 0.2 ? prop->position.y : 0.46;
        double s = prop->width > 0 ? prop->width : 0.42;
        double back = prop->length;
        double leg = 0.035, e = s / 2 - leg / 2;

        add_box (scene, &frame, ROLE_PROP, FALSE, 0, h - 0.02, 0, s, 0.04, s);
        for (int i = 0; i < 4; i++)
          add_box (scene, &frame, ROLE_PROP, FALSE, i & 1 ? e : -e, (h - 0.04) / 2,
                   i & 2 ? e : -e, leg, h - 0.04, leg);
        if (back > 0)
          {
            add_box (scene, &frame, ROLE_PROP, FALSE, -e, h + back / 2, e, leg, back, leg);
            add_box (scene, &frame, ROLE_PROP, FALSE, -e, h + back / 2, -e, leg, back, leg);
            add_box (scene, &frame, ROLE_PROP, FALSE, -e, h + back - 0.09, 0, leg, 0.18, s);
          }
      }
      break;

    case FIG_PROP_DESK:
      {
        double h = prop->height > 0 ? prop->height : 0.74, l = prop->length > 0 ? prop->length : 0.7;
        double w = prop->width > 0 ? prop->width : 1.0;

        add_box (scene, &frame, ROLE_GROUND, TRUE, 0, h - 0.02, 0, l, 0.04, w);
        add_box (scene, &frame, ROLE_GROUND, TRUE, -l / 2 + 0.03, (h - 0.04) / 2, w / 2 - 0.03, 0.04, h - 0.04, 0.04);
        add_box (scene, &frame, ROLE_GROUND, TRUE, -l / 2 + 0.03, (h - 0.04) / 2, -w / 2 + 0.03, 0.04, h - 0.04, 0.04);
        add_box (scene, &frame, ROLE_GROUND, TRUE, l / 2 - 0.03, (h - 0.04) / 2, w / 2 - 0.03, 0.04, h - 0.04, 0.04);
        add_box (scene, &frame, ROLE_GROUND, TRUE, l / 2 - 0.03, (h - 0.04) / 2, -w / 2 + 0.03, 0.04, h - 0.04, 0.04);
      }
      break;

    case FIG_PROP_FOAM_ROLLER:
      r = prop->radius > 0 ? prop->radius : 0.075;
      {
        double l = prop->length > 0 ? prop->length : 0.9;

        add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, r, -l / 2), fig_vec (0, r, l / 2), r);
      }
      break;

    case FIG_PROP_TOWEL:
      if (prop->rolled)
        {
          double l = prop->length > 0 ? prop->length : 0.4;

          r = prop->radius > 0 ? prop->radius : 0.045;
          add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, prop->attach >= 0 ? 0 : r, -l / 2),
                        fig_vec (0, prop->attach >= 0 ? 0 : r, l / 2), r);
        }
      else
        {
          double h = prop->height > 0 ? prop->height : 0.04;

          add_box (scene, &frame, ROLE_PROP, FALSE, 0, prop->attach >= 0 ? 0 : h / 2, 0,
                   prop->length > 0 ? prop->length : 0.3, h, prop->width > 0 ? prop->width : 0.25);
        }
      break;

    case FIG_PROP_BALL:
    case FIG_PROP_SWISS_BALL:
      r = prop->radius > 0 ? prop->radius : prop->kind == FIG_PROP_BALL ? 0.04 : 0.32;
      add_sphere (scene, ROLE_PROP, to_world (&frame, 0, prop->attach >= 0 ? 0 : r, 0), r);
      break;

    case FIG_PROP_WEDGE:
      {
        double l = prop->length > 0 ? prop->length : 0.3, w = prop->width > 0 ? prop->width : 0.28;
        double h = prop->height > 0 ? prop->height : 0.11;
        Shape *shape = scene_add (scene, ROLE_PROP, depth_of (&scene->camera, to_world (&frame, 0, h / 3, 0)));

        /* A ramp rising toward +x. */
        for (int i = 0; i < 6; i++)
          {
            double x = i < 2 ? -l / 2 : l / 2, y = i >= 4 ? h : 0, z = i & 1 ? w / 2 : -w / 2;
            Point p = project (&scene->camera, to_world (&frame, x, y, z));

            g_array_append_val (shape->points, p);
          }
        scene_outline (scene, shape);
      }
      break;

    case FIG_PROP_KETTLEBELL:
      /* The handle at the position, the bell hanging below it. */
      r = prop->radius > 0 ? prop->radius : 0.085;
      add_sphere (scene, ROLE_PROP, to_world (&frame, 0, -r - 0.025, 0), r);
      add_ring (scene, &frame, ROLE_PROP, fig_vec (0, 0, 0), fig_vec (0, 0, 1), 0.055, 0.02);
      break;

    case FIG_PROP_DUMBBELL:
      /* Across the palm: local z. */
      r = prop->radius > 0 ? prop->radius : 0.045;
      add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, 0, -0.11), fig_vec (0, 0, 0.11), 0.014);
      add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, 0, 0.065), fig_vec (0, 0, 0.13), r);
      add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, 0, -0.13), fig_vec (0, 0, -0.065), r);
      break;

    case FIG_PROP_BARBELL:
      r = prop->radius > 0 ? prop->radius : 0.225;
      add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, 0, -0.72), fig_vec (0, 0, 0.72), 0.014);
      add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, 0, 0.42), fig_vec (0, 0, 0.5), r);
      add_cylinder (scene, &frame, ROLE_PROP, fig_vec (0, 0, -0.5), fig_vec (0, 0, -0.42), r);
      break;

    case FIG_PROP_DOOR_FRAME:
      {
        double w = prop->width > 0 ? prop->width : 0.9, h = prop->height > 0 ? prop->height : 2.05;

        add_box (scene, &frame, ROLE_GROUND, FALSE, 0, h / 2, w / 2 + 0.04, 0.14, h, 0.08);
        add_box (scene, &frame, ROLE_GROUND, FALSE, 0, h / 2, -w / 2 - 0.04, 0.14, h, 0.08);
        add_box (scene, &frame, ROLE_GROUND, FALSE, 0, h + 0.04, 0, 0.14, 0.08, w + 0.16);
      }
      break;

    case FIG_PROP_BAND:
    case FIG_N_PROP_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* How far a limb is on the body's far side: 0 when its shoulder or hip is
 * level with the trunk or nearer, 1 when it is straight behind. A whole
 * limb takes the tone of its root, so an arm keeps one tone as it moves. */
static double
farness (const Scene   *scene,
         const FigPose *pose,
         FigSegment     segment)
{
  FigSegment root, reference;
  FigVec lateral;
  double offset;

  if (segment < FIG_RIGHT_UPPER_ARM)
    return 0;

  root = segment - (segment - FIG_RIGHT_UPPER_ARM) % 3;
  reference = fig_segment_parent (root);
  lateral = fig_vec_sub (pose->position[root], pose->position[reference]);
  lateral = fig_vec_sub (lateral, fig_vec_scale (fig_quat_rotate (pose->rotation[reference], fig_vec (0, 1, 0)),
                                                 fig_vec_dot (lateral, fig_quat_rotate (pose->rotation[reference],
                                                                                        fig_vec (0, 1, 0)))));
  offset = fig_vec_length (lateral);
  if (offset < 1e-6)
    return 0;

  /* The cosine of the angle between the limb's side and the view. */
  return CLAMP ((-fig_vec_dot (lateral, scene->camera.toward) / offset - 0.25) / 0.5, 0, 1);
}

static void
add_body (Scene         *scene,
          PrehabFigure  *figure,
          const FigPose *pose)
{
  for (int i = 0; i < FIG_N_SEGMENTS; i++)
    {
      FigSphere spheres[8];
      guint n = fig_segment_spheres (i, pose->breath, spheres);
      Shape *shape;
      double depth = 0;

      shape = scene_add (scene, figure->accent[i] ? ROLE_ACCENT : ROLE_INK, 0);
      shape->segment = i;
      for (guint j = 0; j < n; j++)
        {
          FigVec c = fig_vec_add (pose->position[i], fig_quat_rotate (pose->rotation[i], spheres[j].center));

          add_circle (shape->points, project (&scene->camera, c), spheres[j].radius);
          depth += depth_of (&scene->camera, c);
        }
      scene_outline (scene, shape);

      /* The head's first sphere is the skull; the face must not pull it
       * forward. */
      if (i == FIG_HEAD)
        shape->depth = depth_of (&scene->camera,
                                 fig_vec_add (pose->position[i],
                                              fig_quat_rotate (pose->rotation[i], spheres[0].center)));
      else
        shape->depth = depth / n;
      shape->far = farness (scene, pose, i);
    }
}

static int
compare_shapes (gconstpointer a,
                gconstpointer b)
{
  const Shape *s = a, *t = b;

  if (s->background != t->background)
    return s->background ? -1 : 1;
  if (s->depth != t->depth)
    return s->depth < t->depth ? -1 : 1;
  return s->order < t->order ? -1 : s->order > t->order;
}

static void
scene_init (Scene        *scene,
            PrehabFigure *figure,
            double        frame,
            gboolean      for_bounds)
{
  FigPose pose;

  scene->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  g_array_set_clear_func (scene->shapes, shape_clear);
  scene->camera = camera_new (figure->camera_azimuth, figure->camera_elevation);
  scene->for_bounds = for_bounds;

  fig_pose_at (figure, frame, &pose);
  for (guint i = 0; i < figure->props->len; i++)
    add_prop (scene, &g_array_index (figure->props, FigProp, i), &pose);
  add_body (scene, figure, &pose);

  if (!for_bounds)
    g_array_sort (scene->shapes, compare_shapes);
}

static void
scene_clear (Scene *scene)
{
  g_clear_pointer (&scene->shapes, g_array_unref);
}

/* Bounds and fitting */

static void
extend_bounds (double       bounds[4],
               const Shape *shape)
{
  double pad = shape->stroke / 2;

  for (guint i = 0; i < shape->points->len; i++)
    {
      Point p = g_array_index (shape->points, Point, i);

      bounds[0] = MIN (bounds[0], p.x - pad);
      bounds[1] = MIN (bounds[1], p.y - pad);
      bounds[2] = MAX (bounds[2], p.x + pad);
      bounds[3] = MAX (bounds[3], p.y + pad);
    }
}

/* The box that holds every frame, so the figure keeps its place and size
 * while it moves. */
static void
compute_bounds (PrehabFigure *figure)
{
  double *bounds = figure->bounds;

  bounds[0] = bounds[1] = G_MAXDOUBLE;
  bounds[2] = bounds[3] = -G_MAXDOUBLE;

  for (guint f = 0; f <= N_BOUND_SAMPLES; f++)
    {
      Scene scene;

      scene_init (&scene, figure, (double) f / N_BOUND_SAMPLES, TRUE);
      for (guint i = 0; i < scene.shapes->len; i++)
        extend_bounds (bounds, &g_array_index (scene.shapes, Shape, i));
      scene_clear (&scene);
    }
}

/* Painting */

static PrehabColor
mix (PrehabColor a,
     PrehabColor b,
     double      t)
{
  return (PrehabColor) { a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t,
                         a.blue + (b.blue - a.blue) * t, a.alpha + (b.alpha - a.alpha) * t };
}

static PrehabColor
shape_color (const Shape             *shape,
             const PrehabFigureStyle *style)
{
  switch (shape->role)
    {
    case ROLE_INK:
      return mix (style->ink, style->muted, shape->far);
    case ROLE_ACCENT:
      return mix (style->accent, style->muted, shape->far * 0.45);
    case ROLE_PROP:
      return style->prop;
    case ROLE_GROUND:
    default:
      return style->ground;
    }
}

static void
trace_shape (cairo_t     *cr,
             const Shape *shape)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < shape->points->len; i++)
    {
      Point p = g_array_index (shape->points, Point, i);

      cairo_line_to (cr, p.x, p.y);
    }
  if (shape->stroke == 0 || shape->closed)
    cairo_close_path (cr);
}

static void
paint_shape (cairo_t     *cr,
             const Shape *shape,
             double       width)
{
  cairo_new_path (cr);
  trace_shape (cr, shape);
  if (shape->stroke > 0)
    {
      cairo_set_line_width (cr, shape->stroke + width);
      cairo_stroke (cr);
    }
  else if (width > 0)
    {
      cairo_set_line_width (cr, width);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
    }
  else
    {
      cairo_fill (cr);
    }
}

/* Clips to outside the convex polygon @points: a rectangle around
 * everything, counter-clockwise, and the polygon clockwise, so the non-zero
 * rule leaves a hole (SVG renderers ignore an even-odd rule on a clip). */
static void
clip_outside (cairo_t *cr,
              GArray  *points,
              double   x0,
              double   y0,
              double   x1,
              double   y1)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y0);
  cairo_line_to (cr, x1, y1);
  cairo_line_to (cr, x0, y1);
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  for (guint k = points->len; k > 0; k--)
    cairo_line_to (cr, g_array_index (points, Point, k - 1).x, g_array_index (points, Point, k - 1).y);
  cairo_close_path (cr);
  cairo_clip (cr);
}

/* Segments joined at a joint overlap on purpose: their halos must not cut
 * into each other. */
static gboolean
adjacent (const Shape *a,
          const Shape *b)
{
  return a->segment >= 0 && b->segment >= 0 &&
         (fig_segment_parent (a->segment) == b->segment ||
          fig_segment_parent (b->segment) == a->segment);
}

static void
paint_scene (cairo_t                 *cr,
             const Scene             *scene,
             const PrehabFigureStyle *style,
             double                   halo,
             double                   x0,
             double                   y0,
             double                   x1,
             double                   y1)
{
  guint n = scene->shapes->len;
  guint first = 0;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The background (floor, mat, wall) on its own, never cut. */
  for (; first < n && g_array_index (scene->shapes, Shape, first).background; first++)
    {
      const Shape *shape = &g_array_index (scene->shapes, Shape, first);
      PrehabColor c = shape_color (shape, style);

      cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
      paint_shape (cr, shape, 0);
    }

  cairo_push_group (cr);
  for (guint i = first; i < n; i++)
    {
      const Shape *shape = &g_array_index (scene->shapes, Shape, i);
      PrehabColor c = shape_color (shape, style);

      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      for (guint j = first; j < i; j++)
        {
          const Shape *under = &g_array_index (scene->shapes, Shape, j);

          if (!adjacent (shape, under))
            continue;

          clip_outside (cr, under->points, x0, y0, x1, y1);
        }
      paint_shape (cr, shape, 2 * halo);
      cairo_restore (cr);

      /* A translucent colour must show the background, not the joined
       * segment below it: clear the shape's own area first. (An opaque one
       * needs no clearing, which would leave a seam along the edge.) */
      if (c.alpha < 1)
        {
          cairo_save (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          paint_shape (cr, shape, 0);
          cairo_restore (cr);
        }

      cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
      paint_shape (cr, shape, 0);
    }
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
}

typedef struct
{
  double x0, y0, x1, y1;
} Box;

static Box
points_box (GArray *points,
            double  pad)
{
  Box box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < points->len; i++)
    {
      Point p = g_array_index (points, Point, i);

      box.x0 = MIN (box.x0, p.x - pad);
      box.y0 = MIN (box.y0, p.y - pad);
      box.x1 = MAX (box.x1, p.x + pad);
      box.y1 = MAX (box.y1, p.y + pad);
    }
  return box;
}

/* The shape grown by @halo, as a convex polygon. */
static GArray *
expanded_outline (const Shape *shape,
                  double       halo)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (Point));
  double radius = shape->stroke / 2 + halo;

  for (guint i = 0; i < shape->points->len; i++)
    {
      Point p = g_array_index (shape->points, Point, i);

      for (guint k = 0; k < 12; k++)
        {
          double a = 2 * G_PI * k / 12;
          Point q = { p.x + radius * cos (a), p.y + radius * sin (a) };

          g_array_append_val (points, q);
        }
    }
  convex_hull (points);
  return points;
}

/* For vector surfaces (SVG, PDF), which would turn a cleared halo into one
 * big bitmap: each shape is clipped to outside the grown outlines of the
 * shapes painted after it. Slower, but all paths. */
static void
paint_scene_clipped (cairo_t                 *cr,
                     const Scene             *scene,
                     const PrehabFigureStyle *style,
                     double                   halo,
                     double                   x0,
                     double                   y0,
                     double                   x1,
                     double                   y1)
{
  guint n = scene->shapes->len;
  g_autoptr (GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree Box *boxes = g_new (Box, n);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < n; i++)
    {
      const Shape *shape = &g_array_index (scene->shapes, Shape, i);
      GArray *outline = expanded_outline (shape, halo);

      g_ptr_array_add (outlines, outline);
      boxes[i] = points_box (outline, 0);
    }

  for (guint i = 0; i < n; i++)
    {
      const Shape *shape = &g_array_index (scene->shapes, Shape, i);
      PrehabColor c = shape_color (shape, style);
      Box box = points_box (shape->points, shape->stroke / 2);

      cairo_save (cr);
      for (guint j = i + 1; j < n && !shape->background; j++)
        {
          const Shape *above = &g_array_index (scene->shapes, Shape, j);
          GArray *outline = g_ptr_array_index (outlines, j);

          if (adjacent (shape, above) || boxes[j].x0 > box.x1 || boxes[j].x1 < box.x0 ||
              boxes[j].y0 > box.y1 || boxes[j].y1 < box.y0)
            continue;

          clip_outside (cr, outline, x0, y0, x1, y1);
        }
      cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
      paint_shape (cr, shape, 0);
      cairo_restore (cr);
    }
}

static gboolean
is_vector_surface (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * prehab_figure_render:
 * @figure: a figure
 * @cr: where to draw
 * @width: width of the area, from 0
 * @height: height of the area, from 0
 * @frame: 0 (start) to 1 (end); clamped
 * @style: the colours
 *
 * Draws the figure posed at @frame, fitted and centred in the area.
 */
void
prehab_figure_render (PrehabFigure            *figure,
                      cairo_t                 *cr,
                      double                   width,
                      double                   height,
                      double                   frame,
                      const PrehabFigureStyle *style)
{
  Scene scene;
  double bw, bh, margin, scale;

  g_return_if_fail (figure != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width < 1 || height < 1)
    return;

  bw = figure->bounds[2] - figure->bounds[0];
  bh = figure->bounds[3] - figure->bounds[1];
  margin = MAX (2.0, 0.04 * MIN (width, height));
  if (bw <= 0 || bh <= 0 || width <= 2 * margin || height <= 2 * margin)
    return;
  scale = MIN ((width - 2 * margin) / bw, (height - 2 * margin) / bh);

  scene_init (&scene, figure, frame, FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_scale (cr, scale, -scale);
  cairo_translate (cr, -(figure->bounds[0] + figure->bounds[2]) / 2,
                   -(figure->bounds[1] + figure->bounds[3]) / 2);

  if (is_vector_surface (cr))
    paint_scene_clipped (cr, &scene, style, MAX (HALO_METRES, 1.0 / scale),
                         figure->bounds[0] - 1, figure->bounds[1] - 1,
                         figure->bounds[2] + 1, figure->bounds[3] + 1);
  else
    paint_scene (cr, &scene, style, MAX (HALO_METRES, 1.0 / scale),
                 figure->bounds[0] - 1, figure->bounds[1] - 1,
                 figure->bounds[2] + 1, figure->bounds[3] + 1);
  cairo_restore (cr);

  scene_clear (&scene);
}

/* Called by the parser once the poses are settled. */
void
prehab_figure_finish (PrehabFigure *figure)
{
  compute_bounds (figure);
}
