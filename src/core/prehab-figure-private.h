/* prehab-figure-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prehab-figure.h"

G_BEGIN_DECLS

/* The figure's model, shared by the parser (prehab-figure-parser.c), the
 * poser (prehab-figure-pose.c) and the renderer (prehab-figure.c), and by
 * the unit tests. Lengths are metres, angles degrees in the files and
 * radians here. World axes: x forward (where a standing figure faces), y up,
 * z to the figure's right. */

typedef struct
{
  double x, y, z;
} FigVec;

typedef struct
{
  double w, x, y, z;
} FigQuat;

typedef enum
{
  FIG_PELVIS,
  FIG_LUMBAR,
  FIG_MIDBACK,   /* the lower thorax: takes half of the thorax joint's angles */
  FIG_THORAX,
  FIG_NECK,
  FIG_HEAD,
  FIG_RIGHT_UPPER_ARM,
  FIG_RIGHT_FOREARM,
  FIG_RIGHT_HAND,
  FIG_LEFT_UPPER_ARM,
  FIG_LEFT_FOREARM,
  FIG_LEFT_HAND,
  FIG_RIGHT_THIGH,
  FIG_RIGHT_SHIN,
  FIG_RIGHT_FOOT,
  FIG_LEFT_THIGH,
  FIG_LEFT_SHIN,
  FIG_LEFT_FOOT,
  FIG_N_SEGMENTS
} FigSegment;

/* How the joint at a segment's near end is posed. */
typedef enum
{
  FIG_JOINT_ROOT,   /* the pelvis: position and orientation in the world */
  FIG_JOINT_SPINE,  /* flex (forward), side (to the right), turn (to the right) */
  FIG_JOINT_BALL,   /* shoulder, hip: elevation, plane (0 forward, 90 out), twist (out) */
  FIG_JOINT_ELBOW,  /* flex */
  FIG_JOINT_KNEE,   /* flex */
  FIG_JOINT_WRIST,  /* flex (toward the palm) */
  FIG_JOINT_ANKLE,  /* flex (toes up) */
} FigJointKind;

/* The four ends a limb can put somewhere. */
typedef enum
{
  FIG_RIGHT_ARM,
  FIG_LEFT_ARM,
  FIG_RIGHT_LEG,
  FIG_LEFT_LEG,
  FIG_N_LIMBS
} FigLimb;

typedef enum
{
  FIG_CONTACT_NONE,
  FIG_CONTACT_PIN,      /* stays where it was when the pin began */
  FIG_CONTACT_WORLD,    /* reaches a point in the world */
  FIG_CONTACT_SEGMENT,  /* reaches a point on a body segment */
} FigContactKind;

typedef struct
{
  FigContactKind kind;
  FigSegment     segment;     /* FIG_CONTACT_SEGMENT */
  FigVec         point;       /* world (pin once resolved, world) or segment-local */
  gboolean       fixed[3];    /* pin: coordinates given in the file */
  FigQuat        end;         /* pin: world rotation of the hand or foot */
  gboolean       flat;        /* pin: the hand or foot lies flat, pointing forward */
  gboolean       has_bend;
  FigVec         bend;        /* where the elbow or knee points, in the parent's frame */
} FigContact;

typedef struct
{
  FigVec     root;
  gboolean   ground;          /* root.y is computed: the lowest point touches the floor */
  double     tilt, lean, roll, heading;
  double     joint[FIG_N_SEGMENTS][3];
  double     breath;
  FigContact contact[FIG_N_LIMBS];
  double     weight;          /* relative time to reach this keyframe from the previous */
} FigKeyframe;

typedef enum
{
  FIG_PROP_MAT,
  FIG_PROP_WALL,
  FIG_PROP_CHAIR,
  FIG_PROP_FOAM_ROLLER,
  FIG_PROP_BALL,
  FIG_PROP_SWISS_BALL,
  FIG_PROP_KETTLEBELL,
  FIG_PROP_DUMBBELL,
  FIG_PROP_BARBELL,
  FIG_PROP_BAND,
  FIG_PROP_WEDGE,
  FIG_PROP_TOWEL,
  FIG_PROP_DOOR_FRAME,
  FIG_PROP_DESK,
  FIG_N_PROP_KINDS
} FigPropKind;

typedef struct
{
  FigPropKind kind;
  FigVec      position;       /* world, or local to @attach */
  int         at;             /* segment whose keyframe-0 position @position is relative to, or -1 */
  int         attach;         /* segment the prop moves with, or -1 */
  gboolean    both_hands;     /* held between the hands */
  double      heading;        /* radians about the vertical */
  double      length, width, height, radius;
  gboolean    rolled;         /* towel: a roll, else folded flat */
} FigProp;

struct _PrehabFigure
{
  gatomicrefcount ref_count;
  char           *exercise_id;
  char           *description;   /* untranslated */
  double          duration;
  double          camera_azimuth;
  double          camera_elevation;
  double          floor;
  gboolean        accent[FIG_N_SEGMENTS];
  GArray         *keyframes;     /* FigKeyframe */
  GArray         *props;         /* FigProp */

  /* Filled when loaded: see prehab_figure_resolve(). */
  double          bounds[4];     /* x0, y0, x1, y1 in projected metres, y up */
};

/* A posed figure: every segment's joint position and rotation. */
typedef struct
{
  FigVec  position[FIG_N_SEGMENTS];
  FigQuat rotation[FIG_N_SEGMENTS];
  FigQuat local[FIG_N_SEGMENTS];
  double  breath;
} FigPose;

typedef struct
{
  FigVec center;
  double radius;
} FigSphere;

/* The body's fixed geometry. */
const char   *fig_segment_name        (FigSegment   segment);
int           fig_segment_from_name   (const char  *name);
int           fig_segment_parent      (FigSegment   segment);
FigJointKind  fig_segment_joint_kind  (FigSegment   segment);
const char   *fig_joint_name          (FigSegment   segment);
int           fig_joint_from_name     (const char  *name);
int           fig_limb_from_name      (const char  *name);
guint         fig_segment_spheres     (FigSegment   segment,
                                       double       breath,
                                       FigSphere   *spheres);
void          fig_keyframe_init_rest  (FigKeyframe *keyframe);

/* Vectors and rotations. */
FigVec  fig_vec           (double        x,
                           double        y,
                           double        z);
FigVec  fig_vec_add       (FigVec        a,
                           FigVec        b);
FigVec  fig_vec_sub       (FigVec        a,
                           FigVec        b);
FigVec  fig_vec_scale     (FigVec        a,
                           double        s);
FigVec  fig_vec_lerp      (FigVec        a,
                           FigVec        b,
                           double        t);
double  fig_vec_dot       (FigVec        a,
                           FigVec        b);
FigVec  fig_vec_cross     (FigVec        a,
                           FigVec        b);
double  fig_vec_length    (FigVec        a);
FigVec  fig_vec_normalize (FigVec        a);
FigQuat fig_quat_axis     (FigVec        axis,
                           double        angle);
FigQuat fig_quat_mul      (FigQuat       a,
                           FigQuat       b);
FigVec  fig_quat_rotate   (FigQuat       q,
                           FigVec        v);
FigQuat fig_quat_conj     (FigQuat       q);
FigQuat fig_quat_slerp    (FigQuat       a,
                           FigQuat       b,
                           double        t);
FigQuat fig_quat_from_basis (FigVec      x,
                             FigVec      y,
                             FigVec      z);

/* Posing. */
void     prehab_figure_resolve (PrehabFigure  *figure);
void     fig_pose_at           (PrehabFigure  *figure,
                                double         frame,
                                FigPose       *pose);
FigVec   fig_pose_limb_end     (const FigPose *pose,
                                FigLimb        limb);

/* Parsing: @name names the document in error messages. */
PrehabFigure *prehab_figure_new_from_bytes (GBytes      *content,
                                            const char  *name,
                                            GError     **error);
PrehabFigure *prehab_figure_new            (void);
void          prehab_figure_finish         (PrehabFigure *figure);

G_END_DECLS
