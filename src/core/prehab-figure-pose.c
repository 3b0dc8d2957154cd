/* prehab-figure-pose.c
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

#include "prehab-figure-private.h"

#include <math.h>
#include <string.h>

/* The jointed body and how keyframes pose it. Every segment hangs from its
 * parent at a fixed point; its rotation comes from the keyframe's joint
 * angles (forward kinematics), except for a limb whose hand or foot is put
 * somewhere (a pin on the floor, a hand behind the head): then the two
 * segments of the limb are solved to reach it (two-bone inverse
 * kinematics), so hands stay planted while the back moves. */

#define DEG (G_PI / 180.0)

typedef struct
{
  const char   *name;
  const char   *joint;
  int           parent;
  FigJointKind  kind;
  int           side;      /* +1 right, -1 left, 0 centre */
  FigVec        attach;    /* the joint, in the parent's frame */
} SegmentInfo;

/* Proportions of an adult about 1.78 m tall. In each segment's own frame
 * the segment runs along +y (trunk, neck, head) or -y (limbs) at rest:
 * standing, arms by the sides, palms forward, feet forward. */
static const SegmentInfo segments[FIG_N_SEGMENTS] = {
  [FIG_PELVIS] = { "pelvis", "pelvis", -1, FIG_JOINT_ROOT, 0, { 0, 0, 0 } },
  [FIG_LUMBAR] = { "lumbar", "lumbar", FIG_PELVIS, FIG_JOINT_SPINE, 0, { 0, 0.10, 0 } },
  /* The thorax bends at two joints, half its angles at each, so the back
   * curves instead of kinking. */
  [FIG_MIDBACK] = { "midback", NULL, FIG_LUMBAR, FIG_JOINT_SPINE, 0, { 0, 0.18, 0 } },
  [FIG_THORAX] = { "thorax", "thorax", FIG_MIDBACK, FIG_JOINT_SPINE, 0, { 0, 0.13, 0 } },
  [FIG_NECK] = { "neck", "neck", FIG_THORAX, FIG_JOINT_SPINE, 0, { -0.01, 0.14, 0 } },
  [FIG_HEAD] = { "head", "head", FIG_NECK, FIG_JOINT_SPINE, 0, { 0, 0.08, 0 } },
  [FIG_RIGHT_UPPER_ARM] = { "right-upper-arm", "right-shoulder", FIG_THORAX, FIG_JOINT_BALL, 1,
                            { -0.01, 0.105, 0.175 } },
  [FIG_RIGHT_FOREARM] = { "right-forearm", "right-elbow", FIG_RIGHT_UPPER_ARM, FIG_JOINT_ELBOW, 1,
                          { 0, -0.29, 0 } },
  [FIG_RIGHT_HAND] = { "right-hand", "right-wrist", FIG_RIGHT_FOREARM, FIG_JOINT_WRIST, 1,
                       { 0, -0.25, 0 } },
  [FIG_LEFT_UPPER_ARM] = { "left-upper-arm", "left-shoulder", FIG_THORAX, FIG_JOINT_BALL, -1,
                           { -0.01, 0.105, -0.175 } },
  [FIG_LEFT_FOREARM] = { "left-forearm", "left-elbow", FIG_LEFT_UPPER_ARM, FIG_JOINT_ELBOW, -1,
                         { 0, -0.29, 0 } },
  [FIG_LEFT_HAND] = { "left-hand", "left-wrist", FIG_LEFT_FOREARM, FIG_JOINT_WRIST, -1,
                      { 0, -0.25, 0 } },
  [FIG_RIGHT_THIGH] = { "right-thigh", "right-hip", FIG_PELVIS, FIG_JOINT_BALL, 1,
                        { 0, 0, 0.09 } },
  [FIG_RIGHT_SHIN] = { "right-shin", "right-knee", FIG_RIGHT_THIGH, FIG_JOINT_KNEE, 1,
                       { 0, -0.42, 0 } },
  [FIG_RIGHT_FOOT] = { "right-foot", "right-ankle", FIG_RIGHT_SHIN, FIG_JOINT_ANKLE, 1,
                       { 0, -0.42, 0 } },
  [FIG_LEFT_THIGH] = { "left-thigh", "left-hip", FIG_PELVIS, FIG_JOINT_BALL, -1,
                       { 0, 0, -0.09 } },
  [FIG_LEFT_SHIN] = { "left-shin", "left-knee", FIG_LEFT_THIGH, FIG_JOINT_KNEE, -1,
                      { 0, -0.42, 0 } },
  [FIG_LEFT_FOOT] = { "left-foot", "left-ankle", FIG_LEFT_SHIN, FIG_JOINT_ANKLE, -1,
                      { 0, -0.42, 0 } },
};

/* Upper segment of each limb; the lower and the end follow it. */
static const FigSegment limb_upper[FIG_N_LIMBS] = {
  FIG_RIGHT_UPPER_ARM, FIG_LEFT_UPPER_ARM, FIG_RIGHT_THIGH, FIG_LEFT_THIGH,
};

static const char * const limb_names[FIG_N_LIMBS] = {
  "right-hand", "left-hand", "right-foot", "left-foot",
};

/* Vectors and quaternions */

FigVec
fig_vec (double x,
         double y,
         double z)
{
  return (FigVec) { x, y, z };
}

FigVec
fig_vec_add (FigVec a,
             FigVec b)
{
  return fig_vec (a.x + b.x, a.y + b.y, a.z + b.z);
}

FigVec
fig_vec_sub (FigVec a,
             FigVec b)
{
  return fig_vec (a.x - b.x, a.y - b.y, a.z - b.z);
}

FigVec
fig_vec_scale (FigVec a,
               double s)
{
  return fig_vec (a.x * s, a.y * s, a.z * s);
}

FigVec
fig_vec_lerp (FigVec a,
              FigVec b,
              double t)
{
  return fig_vec_add (a, fig_vec_scale (fig_vec_sub (b, a), t));
}

double
fig_vec_dot (FigVec a,
             FigVec b)
{
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

FigVec
fig_vec_cross (FigVec a,
               FigVec b)
{
  return fig_vec (a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}

double
fig_vec_length (FigVec a)
{
  return sqrt (fig_vec_dot (a, a));
}

FigVec
fig_vec_normalize (FigVec a)
{
  double length = fig_vec_length (a);

  return length > 1e-12 ? fig_vec_scale (a, 1.0 / length) : fig_vec (0, 0, 0);
}

FigQuat
fig_quat_axis (FigVec axis,
               double angle)
{
  FigVec n = fig_vec_normalize (axis);
  double s = sin (angle / 2);

  return (FigQuat) { cos (angle / 2), n.x * s, n.y * s, n.z * s };
}

FigQuat
fig_quat_mul (FigQuat a,
              FigQuat b)
{
  return (FigQuat) {
    a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
    a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
    a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
    a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
  };
}

FigQuat
fig_quat_conj (FigQuat q)
{
  return (FigQuat) { q.w, -q.x, -q.y, -q.z };
}

FigVec
fig_quat_rotate (FigQuat q,
                 FigVec  v)
{
  FigVec u = fig_vec (q.x, q.y, q.z);
  FigVec t = fig_vec_scale (fig_vec_cross (u, v), 2.0);

  return fig_vec_add (fig_vec_add (v, fig_vec_scale (t, q.w)), fig_vec_cross (u, t));
}

static FigQuat
quat_normalize (FigQuat q)
{
  double n = sqrt (q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);

  return (FigQuat) { q.w / n, q.x / n, q.y / n, q.z / n };
}

FigQuat
fig_quat_slerp (FigQuat a,
                FigQuat b,
                double  t)
{
  double dot = a.w * b.w + a.x * b.x + a.y * b.y + a.z * b.z;
  double theta, sa, wa, wb;

  if (dot < 0)
    {
      b = (FigQuat) { -b.w, -b.x, -b.y, -b.z };
      dot = -dot;
    }

  if (dot > 0.9995)
    {
      wa = 1 - t;
      wb = t;
    }
  else
    {
      theta = acos (dot);
      sa = sin (theta);
      wa = sin ((1 - t) * theta) / sa;
      wb = sin (t * theta) / sa;
    }

  return quat_normalize ((FigQuat) { wa * a.w + wb * b.w, wa * a.x + wb * b.x,
                                     wa * a.y + wb * b.y, wa * a.z + wb * b.z });
}

/* The rotation whose columns are the orthonormal @x, @y, @z. */
FigQuat
fig_quat_from_basis (FigVec x,
                     FigVec y,
                     FigVec z)
{
  double trace = x.x + y.y + z.z;
  FigQuat q;

  if (trace > 0)
    {
      double s = 0.5 / sqrt (trace + 1.0);
      q = (FigQuat) { 0.25 / s, (y.z - z.y) * s, (z.x - x.z) * s, (x.y - y.x) * s };
    }
  else if (x.x > y.y && x.x > z.z)
    {
      double s = 2.0 * sqrt (1.0 + x.x - y.y - z.z);
      q = (FigQuat) { (y.z - z.y) / s, 0.25 * s, (y.x + x.y) / s, (z.x + x.z) / s };
    }
  else if (y.y > z.z)
    {
      double s = 2.0 * sqrt (1.0 + y.y - x.x - z.z);
      q = (FigQuat) { (z.x - x.z) / s, (y.x + x.y) / s, 0.25 * s, (z.y + y.z) / s };
    }
  else
    {
      double s = 2.0 * sqrt (1.0 + z.z - x.x - y.y);
      q = (FigQuat) { (x.y - y.x) / s, (z.x + x.z) / s, (z.y + y.z) / s, 0.25 * s };
    }

  return quat_normalize (q);
}

static const FigVec axis_x = { 1, 0, 0 };
static const FigVec axis_y = { 0, 1, 0 };
static const FigVec axis_z = { 0, 0, 1 };

/* The skeleton */

const char *
fig_segment_name (FigSegment segment)
{
  return segments[segment].name;
}

int
fig_segment_from_name (const char *name)
{
  for (int i = 0; i < FIG_N_SEGMENTS; i++)
    if (g_str_equal (segments[i].name, name))
      return i;
  return -1;
}

int
fig_segment_parent (FigSegment segment)
{
  return segments[segment].parent;
}

FigJointKind
fig_segment_joint_kind (FigSegment segment)
{
  return segments[segment].kind;
}

const char *
fig_joint_name (FigSegment segment)
{
  return segments[segment].joint;
}

int
fig_joint_from_name (const char *name)
{
  for (int i = 1; i < FIG_N_SEGMENTS; i++)
    if (segments[i].joint != NULL && g_str_equal (segments[i].joint, name))
      return i;
  return -1;
}

int
fig_limb_from_name (const char *name)
{
  for (int i = 0; i < FIG_N_LIMBS; i++)
    if (g_str_equal (limb_names[i], name))
      return i;
  return -1;
}

/* The spheres whose hull is the segment, in its own frame. @breath (0 to 1)
 * widens the belly. Returns how many were written (at most 8). */
guint
fig_segment_spheres (FigSegment  segment,
                     double      breath,
                     FigSphere  *s)
{
  guint n = 0;

#define SPHERE(X, Y, Z, R) (s[n++] = (FigSphere) { { (X), (Y), (Z) }, (R) })
  switch (segment)
    {
    case FIG_PELVIS:
      SPHERE (0.0, 0.0, 0.085, 0.09);
      SPHERE (0.0, 0.0, -0.085, 0.09);
      SPHERE (0.01, 0.09, 0.09, 0.085);
      SPHERE (0.01, 0.09, -0.09, 0.085);
      break;
    case FIG_LUMBAR:
      SPHERE (0.015, 0.0, 0.075, 0.09);
      SPHERE (0.015, 0.0, -0.075, 0.09);
      SPHERE (0.02, 0.18, 0.08, 0.095);
      SPHERE (0.02, 0.18, -0.08, 0.095);
      SPHERE (0.03 + 0.07 * breath, 0.08, 0.0, 0.09 + 0.02 * breath);
      break;
    case FIG_MIDBACK:
      SPHERE (0.025, 0.0, 0.08, 0.10);
      SPHERE (0.025, 0.0, -0.08, 0.10);
      SPHERE (0.025, 0.13, 0.09, 0.104);
      SPHERE (0.025, 0.13, -0.09, 0.104);
      break;
    case FIG_THORAX:
      SPHERE (0.025, 0.0, 0.09, 0.104);
      SPHERE (0.025, 0.0, -0.09, 0.104);
      SPHERE (0.02, 0.04, 0.10, 0.10);
      SPHERE (0.02, 0.04, -0.10, 0.10);
      SPHERE (0.0, 0.105, 0.135, 0.07);
      SPHERE (0.0, 0.105, -0.135, 0.07);
      break;
    case FIG_NECK:
      SPHERE (0.0, 0.0, 0.0, 0.048);
      SPHERE (0.01, 0.08, 0.0, 0.045);
      break;
    case FIG_HEAD:
      SPHERE (0.015, 0.10, 0.0, 0.105);
      /* The nose and chin say which way the face looks. */
      SPHERE (0.105, 0.085, 0.0, 0.022);
      SPHERE (0.075, 0.035, 0.0, 0.04);
      break;
    case FIG_RIGHT_UPPER_ARM:
    case FIG_LEFT_UPPER_ARM:
      SPHERE (0.0, 0.0, 0.0, 0.05);
      SPHERE (0.0, -0.29, 0.0, 0.038);
      break;
    case FIG_RIGHT_FOREARM:
    case FIG_LEFT_FOREARM:
      SPHERE (0.0, 0.0, 0.0, 0.037);
      SPHERE (0.0, -0.25, 0.0, 0.028);
      break;
    case FIG_RIGHT_HAND:
    case FIG_LEFT_HAND:
      SPHERE (0.0, -0.01, 0.0, 0.03);
      SPHERE (0.0, -0.09, 0.0, 0.027);
      break;
    case FIG_RIGHT_THIGH:
    case FIG_LEFT_THIGH:
      SPHERE (0.0, 0.0, 0.0, 0.078);
      SPHERE (0.0, -0.42, 0.0, 0.05);
      break;
    case FIG_RIGHT_SHIN:
    case FIG_LEFT_SHIN:
      SPHERE (0.0, 0.0, 0.0, 0.05);
      SPHERE (0.0, -0.42, 0.0, 0.036);
      break;
    case FIG_RIGHT_FOOT:
    case FIG_LEFT_FOOT:
      SPHERE (-0.035, -0.055, 0.0, 0.038);
      SPHERE (0.155, -0.07, 0.0, 0.024);
      break;
    case FIG_N_SEGMENTS:
    default:
      g_assert_not_reached ();
    }
#undef SPHERE

  return n;
}

void
fig_keyframe_init_rest (FigKeyframe *keyframe)
{
  memset (keyframe, 0, sizeof *keyframe);
  keyframe->ground = TRUE;
  keyframe->weight = 1.0;
}

FigVec
fig_pose_limb_end (const FigPose *pose,
                   FigLimb        limb)
{
  FigSegment end = limb_upper[limb] + 2;

  return pose->position[end];
}

/* Forward kinematics */

static FigQuat
joint_rotation (FigSegment    segment,
                const double  angle[3])
{
  const SegmentInfo *info = &segments[segment];
  double a = angle[0] * DEG, b = angle[1] * DEG, c = angle[2] * DEG;

  switch (info->kind)
    {
    case FIG_JOINT_SPINE:
      /* Turn about the segment's own axis first, then bend it. */
      return fig_quat_mul (fig_quat_mul (fig_quat_axis (axis_z, -a), fig_quat_axis (axis_x, b)),
                           fig_quat_axis (axis_y, -c));
    case FIG_JOINT_BALL:
      {
        /* Raise the limb by @a from hanging, toward the direction @b
         * (0 forward, 90 out to its side), after twisting it outward by
         * @c. */
        FigVec toward = fig_vec (cos (b), 0, info->side * sin (b));
        FigVec n = fig_vec_cross (fig_vec (0, -1, 0), toward);
        FigQuat swing = fig_quat_axis (n, a);

        return fig_quat_mul (swing, fig_quat_axis (axis_y, -info->side * c));
      }
    case FIG_JOINT_ELBOW:
    case FIG_JOINT_WRIST:
    case FIG_JOINT_ANKLE:
      return fig_quat_axis (axis_z, a);
    case FIG_JOINT_KNEE:
      return fig_quat_axis (axis_z, -a);
    case FIG_JOINT_ROOT:
    default:
      g_assert_not_reached ();
    }
}

static FigQuat
root_rotation (const FigKeyframe *k)
{
  FigQuat q = fig_quat_axis (axis_y, k->heading * DEG);

  q = fig_quat_mul (q, fig_quat_axis (axis_z, -k->tilt * DEG));
  q = fig_quat_mul (q, fig_quat_axis (axis_x, k->lean * DEG));
  return fig_quat_mul (q, fig_quat_axis (axis_y, -k->roll * DEG));
}

static void
place_segment (FigPose    *pose,
               FigSegment  segment)
{
  int parent = segments[segment].parent;

  pose->position[segment] = fig_vec_add (pose->position[parent],
                                         fig_quat_rotate (pose->rotation[parent],
                                                          segments[segment].attach));
  pose->rotation[segment] = fig_quat_mul (pose->rotation[parent], pose->local[segment]);
}

static void
forward (FigPose *pose)
{
  /* Parents come before their children in the table. */
  for (int i = 1; i < FIG_N_SEGMENTS; i++)
    place_segment (pose, i);
}

static void
pose_from_keyframe (const FigKeyframe *k,
                    FigPose           *pose)
{
  pose->breath = k->breath;
  pose->position[FIG_PELVIS] = k->root;
  pose->rotation[FIG_PELVIS] = root_rotation (k);
  pose->local[FIG_PELVIS] = pose->rotation[FIG_PELVIS];
  for (int i = 1; i < FIG_N_SEGMENTS; i++)
    {
      if (i == FIG_MIDBACK || i == FIG_THORAX)
        {
          double half[3] = { k->joint[FIG_THORAX][0] / 2, k->joint[FIG_THORAX][1] / 2,
                             k->joint[FIG_THORAX][2] / 2 };
          pose->local[i] = joint_rotation (i, half);
        }
      else
        {
          pose->local[i] = joint_rotation (i, k->joint[i]);
        }
    }
  forward (pose);
}

static double
lowest_point (const FigPose *pose,
              const gboolean skip[FIG_N_SEGMENTS])
{
  double lowest = G_MAXDOUBLE;

  for (int i = 0; i < FIG_N_SEGMENTS; i++)
    {
      FigSphere spheres[8];
      guint n;

      if (skip != NULL && skip[i])
        continue;

      n = fig_segment_spheres (i, pose->breath, spheres);
      for (guint j = 0; j < n; j++)
        {
          FigVec c = fig_vec_add (pose->position[i],
                                  fig_quat_rotate (pose->rotation[i], spheres[j].center));
          lowest = MIN (lowest, c.y - spheres[j].radius);
        }
    }

  return lowest;
}

/* Inverse kinematics */

static FigVec
default_bend (FigLimb limb)
{
  switch (limb)
    {
    case FIG_RIGHT_ARM:
      return fig_vec (-1, -0.3, 0.4);
    case FIG_LEFT_ARM:
      return fig_vec (-1, -0.3, -0.4);
    case FIG_RIGHT_LEG:
    case FIG_LEFT_LEG:
    case FIG_N_LIMBS:
    default:
      return fig_vec (1, 0, 0);
    }
}

/* Sets the local rotations of the limb's two segments so its end reaches
 * @target, the elbow or knee pointing toward @bend (in the frame of the
 * limb's parent). A target out of reach is reached for as far as the limb
 * goes. */
static void
solve_limb (FigPose           *pose,
            FigLimb            limb,
            FigVec             target,
            const FigContact  *contact)
{
  FigSegment upper = limb_upper[limb], lower = upper + 1, end = upper + 2;
  int parent = segments[upper].parent;
  gboolean leg = limb == FIG_RIGHT_LEG || limb == FIG_LEFT_LEG;
  FigVec start = pose->position[upper];
  double a = fig_vec_length (segments[lower].attach);
  double b = fig_vec_length (segments[end].attach);
  FigVec along = fig_vec_sub (target, start);
  double d = CLAMP (fig_vec_length (along), fabs (a - b) + 1e-4, a + b - 1e-4);
  FigVec dir = fig_vec_normalize (along);
  FigVec bend = contact->has_bend ? contact->bend : default_bend (limb);
  FigVec pole, elbow, u, f, x, y, z, fp;
  double reach, height;
  FigQuat world;

  if (fig_vec_length (dir) < 0.5)
    dir = fig_quat_rotate (pose->rotation[parent], fig_vec (0, -1, 0));

  pole = fig_quat_rotate (pose->rotation[parent], fig_vec_normalize (bend));
  pole = fig_vec_sub (pole, fig_vec_scale (dir, fig_vec_dot (pole, dir)));
  if (fig_vec_length (pole) < 1e-6)
    pole = fig_vec_cross (dir, fig_quat_rotate (pose->rotation[parent], axis_z));
  pole = fig_vec_normalize (pole);

  reach = (a * a - b * b + d * d) / (2 * d);
  height = sqrt (MAX (a * a - reach * reach, 0));
  elbow = fig_vec_add (start, fig_vec_add (fig_vec_scale (dir, reach), fig_vec_scale (pole, height)));
  u = fig_vec_normalize (fig_vec_sub (elbow, start));
  f = fig_vec_normalize (fig_vec_sub (fig_vec_add (start, fig_vec_scale (dir, d)), elbow));

  /* The elbow bends toward the segment's +x, the knee toward its -x. */
  fp = fig_vec_sub (f, fig_vec_scale (u, fig_vec_dot (f, u)));
  if (fig_vec_length (fp) < 1e-6)
    fp = fig_vec_scale (pole, -1);
  x = fig_vec_normalize (fp);
  if (leg)
    x = fig_vec_scale (x, -1);
  y = fig_vec_scale (u, -1);
  z = fig_vec_cross (x, y);
  world = fig_quat_from_basis (x, y, z);

  pose->local[upper] = fig_quat_mul (fig_quat_conj (pose->rotation[parent]), world);
  pose->local[lower] = fig_quat_axis (axis_z, (leg ? -1 : 1) * acos (CLAMP (fig_vec_dot (u, f), -1, 1)));
}

static FigVec
contact_target (const FigContact *contact,
                const FigPose    *pose)
{
  if (contact->kind == FIG_CONTACT_SEGMENT)
    return fig_vec_add (pose->position[contact->segment],
                        fig_quat_rotate (pose->rotation[contact->segment], contact->point));
  return contact->point;
}

static void
place_limb (FigPose *pose,
            FigLimb  limb)
{
  FigSegment upper = limb_upper[limb];

  for (FigSegment s = upper; s <= upper + 2; s++)
    place_segment (pose, s);
}

/* Applies the contacts of keyframes @k0 and @k1 at @s (0 to 1 between
 * them) to @pose, whose limbs are posed by their joint angles so far. */
static void
apply_contacts (FigPose           *pose,
                const FigKeyframe *k0,
                const FigKeyframe *k1,
                double             s)
{
  /* Legs first: hands may hold a leg. */
  static const FigLimb order[FIG_N_LIMBS] = {
    FIG_RIGHT_LEG, FIG_LEFT_LEG, FIG_RIGHT_ARM, FIG_LEFT_ARM,
  };

  for (guint i = 0; i < FIG_N_LIMBS; i++)
    {
      FigLimb limb = order[i];
      const FigContact *c0 = &k0->contact[limb], *c1 = &k1->contact[limb];
      FigSegment upper = limb_upper[limb], lower = upper + 1, end = upper + 2;
      FigQuat free_upper = pose->local[upper], free_lower = pose->local[lower];
      FigQuat free_end = pose->local[end];
      gboolean has0 = c0->kind != FIG_CONTACT_NONE, has1 = c1->kind != FIG_CONTACT_NONE;

      if (!has0 && !has1)
        continue;

      if (has0 && has1)
        {
          FigVec target = fig_vec_lerp (contact_target (c0, pose), contact_target (c1, pose), s);
          FigContact blend = *c1;

          blend.has_bend = c0->has_bend || c1->has_bend;
          blend.bend = fig_vec_lerp (c0->has_bend ? c0->bend : default_bend (limb),
                                     c1->has_bend ? c1->bend : default_bend (limb), s);
          solve_limb (pose, limb, target, &blend);
          place_limb (pose, limb);
          if (c0->kind == FIG_CONTACT_PIN || c1->kind == FIG_CONTACT_PIN)
            {
              FigQuat e0 = c0->kind == FIG_CONTACT_PIN ? c0->end : pose->rotation[end];
              FigQuat e1 = c1->kind == FIG_CONTACT_PIN ? c1->end : pose->rotation[end];

              pose->local[end] = fig_quat_mul (fig_quat_conj (pose->rotation[lower]),
                                               fig_quat_slerp (e0, e1, s));
            }
        }
      else
        {
          const FigContact *c = has0 ? c0 : c1;
          double w = has0 ? 1 - s : s;   /* how much of the contact */

          solve_limb (pose, limb, contact_target (c, pose), c);
          place_limb (pose, limb);
          if (c->kind == FIG_CONTACT_PIN)
            pose->local[end] = fig_quat_mul (fig_quat_conj (pose->rotation[lower]), c->end);

          pose->local[upper] = fig_quat_slerp (free_upper, pose->local[upper], w);
          pose->local[lower] = fig_quat_slerp (free_lower, pose->local[lower], w);
          pose->local[end] = fig_quat_slerp (free_end, pose->local[end], w);
        }
      place_limb (pose, limb);
    }
}

/* Keyframes */

static void
keyframe_lerp (const FigKeyframe *a,
               const FigKeyframe *b,
               double             t,
               FigKeyframe       *out)
{
  *out = *a;
  out->root = fig_vec_lerp (a->root, b->root, t);
  out->tilt = a->tilt + (b->tilt - a->tilt) * t;
  out->lean = a->lean + (b->lean - a->lean) * t;
  out->roll = a->roll + (b->roll - a->roll) * t;
  out->heading = a->heading + (b->heading - a->heading) * t;
  out->breath = a->breath + (b->breath - a->breath) * t;
  for (int i = 0; i < FIG_N_SEGMENTS; i++)
    for (int j = 0; j < 3; j++)
      out->joint[i][j] = a->joint[i][j] + (b->joint[i][j] - a->joint[i][j]) * t;
}

/* Ease in and out: slow at each keyframe, so the pose can be seen. */
static double
ease (double t)
{
  return (1 - cos (G_PI * CLAMP (t, 0, 1))) / 2;
}

/**
 * fig_pose_at:
 * @figure: a resolved figure
 * @frame: 0 (first keyframe) to 1 (last), clamped
 * @pose: (out): the pose
 *
 * Poses the body between the two keyframes around @frame, eased.
 */
void
fig_pose_at (PrehabFigure *figure,
             double        frame,
             FigPose      *pose)
{
  GArray *keyframes = figure->keyframes;
  const FigKeyframe *k0, *k1;
  FigKeyframe mix;
  double total = 0, at, s = 0;
  guint i;

  frame = CLAMP (isnan (frame) ? 0 : frame, 0, 1);

  for (i = 1; i < keyframes->len; i++)
    total += g_array_index (keyframes, FigKeyframe, i).weight;

  k0 = k1 = &g_array_index (keyframes, FigKeyframe, 0);
  at = frame * total;
  for (i = 1; i < keyframes->len; i++)
    {
      const FigKeyframe *next = &g_array_index (keyframes, FigKeyframe, i);

      k0 = &g_array_index (keyframes, FigKeyframe, i - 1);
      k1 = next;
      if (at <= next->weight || i == keyframes->len - 1)
        {
          s = ease (at / next->weight);
          break;
        }
      at -= next->weight;
    }

  keyframe_lerp (k0, k1, s, &mix);
  pose_from_keyframe (&mix, pose);
  apply_contacts (pose, k0, k1, s);
}

static gboolean
limb_has_fixed_height (const FigContact *contact)
{
  return contact->kind == FIG_CONTACT_WORLD || contact->kind == FIG_CONTACT_SEGMENT ||
         (contact->kind == FIG_CONTACT_PIN && contact->fixed[1]);
}

/**
 * prehab_figure_resolve:
 * @figure: a parsed figure
 *
 * Settles what the keyframes leave to be computed: the height of the body
 * (its lowest point on the floor) and where pinned hands and feet stay.
 */
void
prehab_figure_resolve (PrehabFigure *figure)
{
  for (guint k = 0; k < figure->keyframes->len; k++)
    {
      FigKeyframe *keyframe = &g_array_index (figure->keyframes, FigKeyframe, k);
      FigKeyframe *previous = k > 0 ? &g_array_index (figure->keyframes, FigKeyframe, k - 1) : NULL;
      FigPose pose;

      pose_from_keyframe (keyframe, &pose);

      if (keyframe->ground)
        {
          gboolean skip[FIG_N_SEGMENTS] = { FALSE, };

          /* A hand or foot put at a given height is not what the body
           * stands on. */
          for (int limb = 0; limb < FIG_N_LIMBS; limb++)
            if (limb_has_fixed_height (&keyframe->contact[limb]))
              for (int s = 0; s < 3; s++)
                skip[limb_upper[limb] + s] = TRUE;

          keyframe->root.y -= lowest_point (&pose, skip) - figure->floor;
          pose_from_keyframe (keyframe, &pose);
        }

      for (int limb = 0; limb < FIG_N_LIMBS; limb++)
        {
          FigContact *contact = &keyframe->contact[limb];
          FigContact *before = previous != NULL ? &previous->contact[limb] : NULL;
          FigSegment end = limb_upper[limb] + 2;
          FigVec at = pose.position[end];

          if (contact->kind != FIG_CONTACT_PIN)
            continue;

          if (before != NULL && before->kind == FIG_CONTACT_PIN)
            {
              /* A pin holds from the keyframe where it began. */
              contact->point = before->point;
              contact->end = before->end;
              continue;
            }

          if (contact->fixed[0])
            at.x = contact->point.x;
          if (contact->fixed[1])
            at.y = contact->point.y;
          if (contact->fixed[2])
            at.z = contact->point.z;
          contact->point = at;
          contact->end = pose.rotation[end];
          if (contact->flat)
            {
              /* Flat on the floor, pointing where the body faces. */
              FigQuat heading = fig_quat_axis (axis_y, keyframe->heading * DEG);

              contact->end = limb <= FIG_LEFT_ARM ? fig_quat_mul (heading, fig_quat_axis (axis_z, G_PI / 2))
                                                  : heading;
            }
        }
    }

  /* Props placed relative to the body stay where it was at the start. */
  for (guint i = 0; i < figure->props->len; i++)
    {
      FigProp *prop = &g_array_index (figure->props, FigProp, i);
      FigPose start;

      if (prop->at < 0)
        continue;

      fig_pose_at (figure, 0, &start);
      prop->position = fig_vec_add (start.position[prop->at], prop->position);
      prop->at = -1;
    }
}
