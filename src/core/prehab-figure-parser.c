/* prehab-figure-parser.c
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

/* Reads one figure file (data/content/figures/ID.xml) with GMarkup. Every
 * element and attribute is checked: a typo in a joint's name or an angle
 * out of range is refused with the file and the line, never drawn. The
 * format is described in HACKING.md ("Figures"). */

#define MAX_KEYFRAMES 8
#define MAX_PROPS 8

typedef struct
{
  PrehabFigure *figure;
  const char   *name;
  FigKeyframe   keyframe;      /* the keyframe being read */
  gboolean      in_keyframe;
  gboolean      in_description;
  gboolean      seen_camera;
  gboolean      seen_root;
  GString      *text;
} ParseState;

static const char * const prop_kinds[FIG_N_PROP_KINDS] = {
  [FIG_PROP_MAT] = "mat",
  [FIG_PROP_WALL] = "wall",
  [FIG_PROP_CHAIR] = "chair",
  [FIG_PROP_FOAM_ROLLER] = "foam-roller",
  [FIG_PROP_BALL] = "ball",
  [FIG_PROP_SWISS_BALL] = "swiss-ball",
  [FIG_PROP_KETTLEBELL] = "kettlebell",
  [FIG_PROP_DUMBBELL] = "dumbbell",
  [FIG_PROP_BARBELL] = "barbell",
  [FIG_PROP_BAND] = "band",
  [FIG_PROP_WEDGE] = "wedge",
  [FIG_PROP_TOWEL] = "towel",
  [FIG_PROP_DOOR_FRAME] = "door-frame",
  [FIG_PROP_DESK] = "desk",
};

static gboolean
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (context, &line, NULL);
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "line %d: %s", line, message);
  return FALSE;
}

/* Looks up @key among the attributes; NULL when absent. */
static const char *
attribute (const char **names,
           const char **values,
           const char  *key)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], key))
      return values[i];
  return NULL;
}

/* Refuses any attribute not in @known. */
static gboolean
check_attributes (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char * const   *known,
                  GError              **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains (known, names[i]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) known);
        return set_invalid (context, error, "<%s> has no attribute “%s” (known: %s)",
                            element, names[i], list);
      }
  return TRUE;
}

/* Parses an optional number attribute into @out, which keeps its value
 * when the attribute is absent. */
static gboolean
parse_number (GMarkupParseContext  *context,
              const char          **names,
              const char          **values,
              const char           *key,
              double                min,
              double                max,
              double               *out,
              gboolean             *given,
              GError              **error)
{
  const char *text = attribute (names, values, key);
  char *end = NULL;
  double value;

  if (given != NULL)
    *given = text != NULL;
  if (text == NULL)
    return TRUE;

  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    return set_invalid (context, error, "%s=\"%s\" is not a number", key, text);
  if (value < min || value > max)
    return set_invalid (context, error, "%s=\"%s\" is out of range (%g to %g)", key, text, min, max);

  *out = value;
  return TRUE;
}

static gboolean
parse_vector (GMarkupParseContext  *context,
              const char          **names,
              const char          **values,
              const char           *key,
              double                limit,
              FigVec               *out,
              gboolean             *given,
              GError              **error)
{
  const char *text = attribute (names, values, key);
  g_auto (GStrv) parts = NULL;
  double v[3];

  *given = text != NULL;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, " ", -1);
  if (g_strv_length (parts) != 3)
    return set_invalid (context, error, "%s=\"%s\" needs three numbers: x y z", key, text);

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;

      v[i] = g_ascii_strtod (parts[i], &end);
      if (*parts[i] == '\0' || *end != '\0' || !isfinite (v[i]) || fabs (v[i]) > limit)
        return set_invalid (context, error, "%s=\"%s\" needs three numbers from %g to %g",
                            key, text, -limit, limit);
    }

  *out = fig_vec (v[0], v[1], v[2]);
  return TRUE;
}

static gboolean
parse_position (GMarkupParseContext  *context,
                const char          **names,
                const char          **values,
                FigVec               *out,
                gboolean              given[3],
                GError              **error)
{
  return parse_number (context, names, values, "x", -5, 5, &out->x, &given[0], error) &&
         parse_number (context, names, values, "y", -5, 5, &out->y, &given[1], error) &&
         parse_number (context, names, values, "z", -5, 5, &out->z, &given[2], error);
}

static gboolean
parse_segment (GMarkupParseContext  *context,
               const char           *key,
               const char           *value,
               int                  *out,
               GError              **error)
{
  *out = fig_segment_from_name (value);
  if (*out < 0)
    return set_invalid (context, error, "%s: unknown body segment “%s”", key, value);
  return TRUE;
}

static gboolean
parse_accent (GMarkupParseContext  *context,
              const char           *value,
              gboolean              accent[FIG_N_SEGMENTS],
              GError              **error)
{
  static const struct
  {
    const char *name;
    FigSegment  first, last;
  } groups[] = {
    { "spine", FIG_LUMBAR, FIG_THORAX },
    { "thorax", FIG_MIDBACK, FIG_THORAX },
    { "trunk", FIG_PELVIS, FIG_THORAX },
    { "arms", FIG_RIGHT_UPPER_ARM, FIG_LEFT_HAND },
    { "legs", FIG_RIGHT_THIGH, FIG_LEFT_FOOT },
    { "right-arm", FIG_RIGHT_UPPER_ARM, FIG_RIGHT_HAND },
    { "left-arm", FIG_LEFT_UPPER_ARM, FIG_LEFT_HAND },
    { "right-leg", FIG_RIGHT_THIGH, FIG_RIGHT_FOOT },
    { "left-leg", FIG_LEFT_THIGH, FIG_LEFT_FOOT },
  };
  g_auto (GStrv) words = g_strsplit (value, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int segment;
      gboolean found = FALSE;

      if (*words[i] == '\0')
        continue;

      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        if (g_str_equal (words[i], groups[g].name))
          {
            for (FigSegment s = groups[g].first; s <= groups[g].last; s++)
              accent[s] = TRUE;
            found = TRUE;
          }

      if (found)
        continue;
      if (!parse_segment (context, "accent", words[i], &segment, error))
        return FALSE;
      accent[segment] = TRUE;
    }

  return TRUE;
}

static gboolean
start_figure (ParseState           *state,
              GMarkupParseContext  *context,
              const char          **names,
              const char          **values,
              GError              **error)
{
  static const char * const known[] = { "exercise", "duration", "accent", NULL };
  PrehabFigure *figure = state->figure;
  const char *id = attribute (names, values, "exercise");
  const char *accent = attribute (names, values, "accent");
  gboolean given;

  if (!check_attributes (context, "figure", names, known, error))
    return FALSE;

  if (id == NULL || *id == '\0' || !g_ascii_islower (*id) || strlen (id) > 64 ||
      strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen (id))
    return set_invalid (context, error, "<figure> needs exercise=\"ID\" of lower-case letters, "
                        "digits and dashes");
  figure->exercise_id = g_strdup (id);

  if (!parse_number (context, names, values, "duration", 0.5, 20, &figure->duration, &given, error))
    return FALSE;
  if (!given)
    return set_invalid (context, error, "<figure> needs duration=\"SECONDS\"");

  return accent == NULL || parse_accent (context, accent, figure->accent, error);
}

static gboolean
start_camera (ParseState           *state,
              GMarkupParseContext  *context,
              const char          **names,
              const char          **values,
              GError              **error)
{
  static const char * const known[] = { "azimuth", "elevation", NULL };
  double azimuth = 0, elevation = 0;

  if (state->seen_camera)
    return set_invalid (context, error, "only one <camera> is allowed");
  state->seen_camera = TRUE;

  if (!check_attributes (context, "camera", names, known, error) ||
      !parse_number (context, names, values, "azimuth", -180, 180, &azimuth, NULL, error) ||
      !parse_number (context, names, values, "elevation", -10, 90, &elevation, NULL, error))
    return FALSE;

  state->figure->camera_azimuth = azimuth * G_PI / 180;
  state->figure->camera_elevation = elevation * G_PI / 180;
  return TRUE;
}

static gboolean
start_prop (ParseState           *state,
            GMarkupParseContext  *context,
            const char          **names,
            const char          **values,
            GError              **error)
{
  static const char * const known[] = {
    "kind", "x", "y", "z", "at", "attach", "heading", "length", "width", "height", "radius",
    "shape", NULL
  };
  const char *kind = attribute (names, values, "kind");
  const char *at = attribute (names, values, "at");
  const char *attach = attribute (names, values, "attach");
  const char *shape = attribute (names, values, "shape");
  FigProp prop = { 0, };
  gboolean given[3];
  double heading = 0;
  int found = -1;

  if (!check_attributes (context, "prop", names, known, error))
    return FALSE;

  if (state->figure->props->len >= MAX_PROPS)
    return set_invalid (context, error, "at most %d props", MAX_PROPS);

  for (int i = 0; kind != NULL && i < FIG_N_PROP_KINDS; i++)
    if (g_str_equal (prop_kinds[i], kind))
      found = i;
  if (found < 0)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) prop_kinds);
      return set_invalid (context, error, "<prop> needs a kind (%s), not “%s”", list,
                          kind != NULL ? kind : "");
    }

  prop.kind = found;
  prop.at = -1;
  prop.attach = -1;

  if (!parse_position (context, names, values, &prop.position, given, error) ||
      !parse_number (context, names, values, "heading", -360, 360, &heading, NULL, error) ||
      !parse_number (context, names, values, "length", 0, 4, &prop.length, NULL, error) ||
      !parse_number (context, names, values, "width", 0, 4, &prop.width, NULL, error) ||
      !parse_number (context, names, values, "height", 0, 4, &prop.height, NULL, error) ||
      !parse_number (context, names, values, "radius", 0, 1, &prop.radius, NULL, error))
    return FALSE;
  prop.heading = heading * G_PI / 180;

  if (at != NULL && !parse_segment (context, "at", at, &prop.at, error))
    return FALSE;

  if (attach != NULL && g_str_equal (attach, "hands"))
    prop.both_hands = TRUE;
  else if (attach != NULL && !parse_segment (context, "attach", attach, &prop.attach, error))
    return FALSE;

  if (at != NULL && attach != NULL)
    return set_invalid (context, error, "<prop> takes “at” or “attach”, not both");

  if (shape != NULL)
    {
      if (prop.kind != FIG_PROP_TOWEL || !(g_str_equal (shape, "roll") || g_str_equal (shape, "folded")))
        return set_invalid (context, error, "shape=\"%s\": only a towel has a shape, "
                            "“roll” or “folded”", shape);
      prop.rolled = g_str_equal (shape, "roll");
    }

  if (prop.kind == FIG_PROP_BAND && !prop.both_hands)
    return set_invalid (context, error, "a band is held between the hands: attach=\"hands\"");

  g_array_append_val (state->figure->props, prop);
  return TRUE;
}

static gboolean
start_keyframe (ParseState           *state,
                GMarkupParseContext  *context,
                const char          **names,
                const char          **values,
                GError              **error)
{
  static const char * const known[] = { "weight", "breath", NULL };
  GArray *keyframes = state->figure->keyframes;

  if (!check_attributes (context, "keyframe", names, known, error))
    return FALSE;

  if (keyframes->len >= MAX_KEYFRAMES)
    return set_invalid (context, error, "at most %d keyframes", MAX_KEYFRAMES);

  /* A keyframe starts as the one before it: only changes are written. */
  if (keyframes->len > 0)
    state->keyframe = g_array_index (keyframes, FigKeyframe, keyframes->len - 1);
  else
    fig_keyframe_init_rest (&state->keyframe);
  state->keyframe.weight = 1.0;

  state->in_keyframe = TRUE;
  state->seen_root = FALSE;
  return parse_number (context, names, values, "weight", 0.1, 10, &state->keyframe.weight, NULL, error) &&
         parse_number (context, names, values, "breath", 0, 1, &state->keyframe.breath, NULL, error);
}

static gboolean
start_root (ParseState           *state,
            GMarkupParseContext  *context,
            const char          **names,
            const char          **values,
            GError              **error)
{
  static const char * const known[] = {
    "x", "y", "z", "tilt", "lean", "roll", "heading", NULL
  };
  FigKeyframe *k = &state->keyframe;
  gboolean given[3];

  if (state->seen_root)
    return set_invalid (context, error, "only one <root> per keyframe");
  state->seen_root = TRUE;

  if (!check_attributes (context, "root", names, known, error) ||
      !parse_position (context, names, values, &k->root, given, error) ||
      !parse_number (context, names, values, "tilt", -360, 360, &k->tilt, NULL, error) ||
      !parse_number (context, names, values, "lean", -360, 360, &k->lean, NULL, error) ||
      !parse_number (context, names, values, "roll", -360, 360, &k->roll, NULL, error) ||
      !parse_number (context, names, values, "heading", -360, 360, &k->heading, NULL, error))
    return FALSE;

  if (given[1])
    k->ground = FALSE;
  return TRUE;
}

static gboolean
start_joint (ParseState           *state,
             GMarkupParseContext  *context,
             const char          **names,
             const char          **values,
             GError              **error)
{
  static const char * const spine[] = { "name", "flex", "side", "turn", NULL };
  static const char * const ball[] = { "name", "elevation", "plane", "twist", NULL };
  static const char * const hinge[] = { "name", "flex", NULL };
  const char *name = attribute (names, values, "name");
  int segment = name != NULL ? fig_joint_from_name (name) : -1;
  double *angle;

  if (segment < 0)
    return set_invalid (context, error, "<joint> needs the name of a joint, not “%s”",
                        name != NULL ? name : "");

  angle = state->keyframe.joint[segment];
  switch (fig_segment_joint_kind (segment))
    {
    case FIG_JOINT_SPINE:
      return check_attributes (context, "joint", names, spine, error) &&
             parse_number (context, names, values, "flex", -120, 120, &angle[0], NULL, error) &&
             parse_number (context, names, values, "side", -90, 90, &angle[1], NULL, error) &&
             parse_number (context, names, values, "turn", -120, 120, &angle[2], NULL, error);
    case FIG_JOINT_BALL:
      return check_attributes (context, "joint", names, ball, error) &&
             parse_number (context, names, values, "elevation", -10, 190, &angle[0], NULL, error) &&
             parse_number (context, names, values, "plane", -180, 180, &angle[1], NULL, error) &&
             parse_number (context, names, values, "twist", -180, 180, &angle[2], NULL, error);
    case FIG_JOINT_ELBOW:
    case FIG_JOINT_KNEE:
      return check_attributes (context, "joint", names, hinge, error) &&
             parse_number (context, names, values, "flex", -5, 160, &angle[0], NULL, error);
    case FIG_JOINT_WRIST:
    case FIG_JOINT_ANKLE:
      return check_attributes (context, "joint", names, hinge, error) &&
             parse_number (context, names, values, "flex", -100, 100, &angle[0], NULL, error);
    case FIG_JOINT_ROOT:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
start_contact (ParseState           *state,
               GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               GError              **error)
{
  static const char * const pin[] = { "part", "x", "y", "z", "bend", "flat", NULL };
  static const char * const reach[] = { "part", "to", "x", "y", "z", "bend", NULL };
  static const char * const release[] = { "part", NULL };
  const char *part = attribute (names, values, "part");
  const char *to = attribute (names, values, "to");
  const char *flat = attribute (names, values, "flat");
  int limb = part != NULL ? fig_limb_from_name (part) : -1;
  FigContact contact = { 0, };
  gboolean given[3];

  if (limb < 0)
    return set_invalid (context, error, "<%s> needs part=\"right-hand\", \"left-hand\", "
                        "\"right-foot\" or \"left-foot\", not “%s”", element,
                        part != NULL ? part : "");

  if (g_str_equal (element, "free"))
    {
      if (!check_attributes (context, element, names, release, error))
        return FALSE;
      state->keyframe.contact[limb] = contact;
      return TRUE;
    }

  if (!check_attributes (context, element, names, g_str_equal (element, "pin") ? pin : reach, error) ||
      !parse_position (context, names, values, &contact.point, given, error) ||
      !parse_vector (context, names, values, "bend", 2, &contact.bend, &contact.has_bend, error))
    return FALSE;

  if (contact.has_bend && fig_vec_length (contact.bend) < 0.01)
    return set_invalid (context, error, "bend=\"0 0 0\" points nowhere");

  if (flat != NULL && !g_str_equal (flat, "yes") && !g_str_equal (flat, "no"))
    return set_invalid (context, error, "flat=\"%s\" must be “yes” or “no”", flat);
  contact.flat = flat != NULL && g_str_equal (flat, "yes");

  if (g_str_equal (element, "pin"))
    {
      contact.kind = FIG_CONTACT_PIN;
      memcpy (contact.fixed, given, sizeof contact.fixed);
    }
  else if (to != NULL)
    {
      int segment;

      if (!parse_segment (context, "to", to, &segment, error))
        return FALSE;
      contact.kind = FIG_CONTACT_SEGMENT;
      contact.segment = segment;
    }
  else
    {
      if (!given[0] || !given[1] || !given[2])
        return set_invalid (context, error, "<reach> needs x, y and z, or to=\"SEGMENT\"");
      contact.kind = FIG_CONTACT_WORLD;
    }

  state->keyframe.contact[limb] = contact;
  return TRUE;
}

static gboolean
in_parent (GMarkupParseContext  *context,
           const char           *element,
           const char           *expected,
           GError              **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack != NULL && stack->next != NULL ? stack->next->data : NULL;

  if (g_strcmp0 (parent, expected) != 0)
    {
      if (expected == NULL)
        return set_invalid (context, error, "<%s> must be the root element", element);
      return set_invalid (context, error, "<%s> belongs in <%s>", element, expected);
    }
  return TRUE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element, "figure"))
    {
      if (in_parent (context, element, NULL, error))
        start_figure (state, context, names, values, error);
    }
  else if (g_str_equal (element, "description"))
    {
      if (!in_parent (context, element, "figure", error) ||
          !check_attributes (context, element, names, (const char * const[]) { NULL }, error))
        return;
      if (state->figure->description != NULL)
        {
          set_invalid (context, error, "only one <description> is allowed");
          return;
        }
      state->in_description = TRUE;
      g_string_truncate (state->text, 0);
    }
  else if (g_str_equal (element, "camera"))
    {
      if (in_parent (context, element, "figure", error))
        start_camera (state, context, names, values, error);
    }
  else if (g_str_equal (element, "prop"))
    {
      if (in_parent (context, element, "figure", error))
        start_prop (state, context, names, values, error);
    }
  else if (g_str_equal (element, "keyframe"))
    {
      if (in_parent (context, element, "figure", error))
        start_keyframe (state, context, names, values, error);
    }
  else if (g_str_equal (element, "root"))
    {
      if (in_parent (context, element, "keyframe", error))
        start_root (state, context, names, values, error);
    }
  else if (g_str_equal (element, "joint"))
    {
      if (in_parent (context, element, "keyframe", error))
        start_joint (state, context, names, values, error);
    }
  else if (g_str_equal (element, "pin") || g_str_equal (element, "reach") ||
           g_str_equal (element, "free"))
    {
      if (in_parent (context, element, "keyframe", error))
        start_contact (state, context, element, names, values, error);
    }
  else
    {
      set_invalid (context, error, "unknown element <%s>", element);
    }
}

static char *
normalize_text (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element, "description"))
    {
      state->in_description = FALSE;
      state->figure->description = normalize_text (state->text->str);
      if (*state->figure->description == '\0')
        set_invalid (context, error, "<description> is empty");
    }
  else if (g_str_equal (element, "keyframe"))
    {
      state->in_keyframe = FALSE;
      g_array_append_val (state->figure->keyframes, state->keyframe);
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->in_description)
    {
      g_string_append_len (state->text, text, text_len);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    if (!g_ascii_isspace (text[i]))
      {
        set_invalid (context, error, "unexpected text");
        return;
      }
}

static const GMarkupParser parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

/* What only the whole document can tell. */
static gboolean
check_figure (PrehabFigure  *figure,
              GError       **error)
{
  const char *missing = NULL;

  if (figure->exercise_id == NULL)
    missing = "no <figure> element";
  else if (figure->description == NULL)
    missing = "<figure> needs a <description>";
  else if (figure->keyframes->len < 2)
    missing = "<figure> needs at least two keyframes, a start and an end";

  if (missing != NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, missing);
      return FALSE;
    }

  for (guint i = 0; i < figure->props->len; i++)
    {
      FigProp *prop = &g_array_index (figure->props, FigProp, i);

      if (prop->kind == FIG_PROP_MAT)
        figure->floor = MAX (figure->floor, prop->height > 0 ? prop->height : 0.012);
    }

  return TRUE;
}

/**
 * prehab_figure_new_from_bytes:
 * @content: a figure document
 * @name: what to call it in error messages, such as its file name
 * @error: return location for a %PREHAB_FIGURE_ERROR_INVALID error
 *
 * Parses and checks a figure, and settles its poses.
 *
 * Returns: (transfer full): the figure, or %NULL with @error naming @name
 *   and the line
 */
PrehabFigure *
prehab_figure_new_from_bytes (GBytes      *content,
                              const char  *name,
                              GError     **error)
{
  g_autoptr (PrehabFigure) figure = prehab_figure_new ();
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) local_error = NULL;
  ParseState state = { 0, };
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  state.figure = figure;
  state.name = name;
  state.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  if (!g_markup_parse_context_parse (context, data != NULL ? data : "", size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error) ||
      !check_figure (figure, &local_error))
    {
      g_string_free (state.text, TRUE);
      g_set_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  g_string_free (state.text, TRUE);
  prehab_figure_resolve (figure);
  prehab_figure_finish (figure);
  return g_steal_pointer (&figure);
}
