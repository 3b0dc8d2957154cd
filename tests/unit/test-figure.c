/* test-figure.c: the exercise figures, their pose data and their images
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "prehab-catalog.h"
#include "prehab-catalog-private.h"
#include "prehab-figure.h"
#include "prehab-figure-private.h"
#include "prehab-test-util.h"

#define WIDTH 200
#define HEIGHT 150
#define MARGIN 3

static cairo_surface_t *
render (PrehabFigure *figure,
        double        frame,
        gboolean      dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PrehabFigureStyle style;

  if (dark)
    prehab_figure_style_init_dark (&style);
  else
    prehab_figure_style_init_light (&style);

  prehab_figure_render (figure, cr, WIDTH, HEIGHT, frame, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * HEIGHT) == 0;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  guint32 pixel;

  memcpy (&pixel, row + 4 * x, sizeof pixel);
  return pixel;
}

static guint32
read_be32 (const char *bytes)
{
  guint32 value;

  memcpy (&value, bytes, sizeof value);
  return GUINT32_FROM_BE (value);
}

/* The catalog's exercise ids, in order. */
static GPtrArray *
catalog_ids (void)
{
  g_autoptr (GBytes) content = prehab_catalog_dup_builtin_content ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabCatalogData) catalog = prehab_catalog_data_parse (content, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < catalog->exercises->len; i++)
    g_ptr_array_add (ids, g_strdup (((CatalogExercise *) g_ptr_array_index (catalog->exercises, i))->id));
  return ids;
}

static void
test_every_exercise_has_a_figure (void)
{
  g_autoptr (GPtrArray) ids = catalog_ids ();
  g_auto (GStrv) figures = prehab_figure_list_ids ();

  g_assert_cmpuint (ids->len, ==, 25);
  g_assert_cmpuint (g_strv_length (figures), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PrehabFigure) figure = prehab_figure_load (g_ptr_array_index (ids, i), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (prehab_figure_get_exercise_id (figure), ==, g_ptr_array_index (ids, i));
      /* Listed in the catalog's order. */
      g_assert_cmpstr (figures[i], ==, g_ptr_array_index (ids, i));
    }
}

static void
test_every_figure_names_an_exercise (void)
{
  g_autoptr (GPtrArray) ids = catalog_ids ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) files = g_resources_enumerate_children (RESOURCE_BASE "/content/figures/",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), ==, ids->len);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autoptr (PrehabFigure) figure = NULL;

      g_assert_true (g_str_has_suffix (files[i], ".xml"));
      id = g_strndup (files[i], strlen (files[i]) - 4);
      g_assert_true (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL));
      figure = prehab_figure_load (id, &error);
      g_assert_no_error (error);
    }
}

static void
test_figures_are_described (void)
{
  g_auto (GStrv) ids = prehab_figure_list_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (PrehabFigure) figure = prehab_figure_load (ids[i], NULL);
      const char *description = prehab_figure_get_description (figure);

      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >, 40);
      g_assert_null (strchr (description, '\n'));
      g_assert_cmpfloat (prehab_figure_get_duration (figure), >=, 0.5);
      g_assert_cmpfloat (prehab_figure_get_duration (figure), <=, 20);
    }
}

/* Every figure at nine moments of its movement: all of its ink inside the
 * canvas with a clear margin, and, over the movement, filling the canvas
 * in width or in height (the figure is fitted to the box that holds every
 * frame, so that it keeps its place and size while it moves). At its start
 * and end: some ink, and the two frames differ. */
#define N_MOMENTS 9

static void
check_frames (const char *id,
              gboolean    dark)
{
  g_autoptr (PrehabFigure) figure = prehab_figure_load (id, NULL);
  cairo_surface_t *start = NULL, *end = NULL;
  int x0 = WIDTH, y0 = HEIGHT, x1 = -1, y1 = -1;

  for (guint f = 0; f < N_MOMENTS; f++)
    {
      cairo_surface_t *frame = render (figure, (double) f / (N_MOMENTS - 1), dark);
      guint inked = 0;

      for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < WIDTH; x++)
          {
            gboolean border = x < MARGIN || y < MARGIN || x >= WIDTH - MARGIN || y >= HEIGHT - MARGIN;
            guint32 p = pixel (frame, x, y);

            if (border && p != 0)
              g_error ("%s, moment %u of %u: ink at the edge (%d, %d)", id, f, N_MOMENTS - 1, x, y);
            if ((p >> 24) > 0)
              {
                inked++;
                x0 = MIN (x0, x);
                y0 = MIN (y0, y);
                x1 = MAX (x1, x);
                y1 = MAX (y1, y);
              }
          }

      /* At least a twentieth of the canvas: a figure, not a speck. */
      if ((f == 0 || f == N_MOMENTS - 1) && inked < WIDTH * HEIGHT / 20)
        g_error ("%s, moment %u: only %u pixels drawn", id, f, inked);

      if (f == 0)
        start = frame;
      else if (f == N_MOMENTS - 1)
        end = frame;
      else
        cairo_surface_destroy (frame);
    }

  /* The drawing leaves 4 % of the smaller side as a margin (6 px here);
   * a box fitted too loosely would leave far more. */
  if (x1 - x0 + 1 < (WIDTH - 12) * 85 / 100 && y1 - y0 + 1 < (HEIGHT - 12) * 85 / 100)
    g_error ("%s: over its movement the figure spans only %d x %d of the %d x %d canvas",
             id, x1 - x0 + 1, y1 - y0 + 1, WIDTH, HEIGHT);

  if (same_pixels (start, end))
    g_error ("%s: the start and the end look the same", id);

  cairo_surface_destroy (start);
  cairo_surface_destroy (end);
}

static void
test_every_figure_renders (void)
{
  g_auto (GStrv) ids = prehab_figure_list_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      check_frames (ids[i], FALSE);
      check_frames (ids[i], TRUE);
    }
}

/* No part of the body sinks into the floor, at any moment. */
static void
test_bodies_stay_above_the_floor (void)
{
  g_auto (GStrv) ids = prehab_figure_list_ids ();
  g_autoptr (GString) problems = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (PrehabFigure) figure = prehab_figure_load (ids[i], NULL);
      double worst = 0;
      const char *where = NULL;
      double when = 0;

      for (int f = 0; f <= 20; f++)
        {
          FigPose pose;

          fig_pose_at (figure, f / 20.0, &pose);
          for (int s = 0; s < FIG_N_SEGMENTS; s++)
            {
              FigSphere spheres[8];
              guint n = fig_segment_spheres (s, pose.breath, spheres);

              for (guint k = 0; k < n; k++)
                {
                  FigVec c = fig_vec_add (pose.position[s],
                                          fig_quat_rotate (pose.rotation[s], spheres[k].center));

                  if (c.y - spheres[k].radius < worst)
                    {
                      worst = c.y - spheres[k].radius;
                      where = fig_segment_name (s);
                      when = f / 20.0;
                    }
                }
            }
        }

      if (worst < -0.02)
        g_string_append_printf (problems, "\n%s at %.2f: %s is %.0f mm below the floor",
                                ids[i], when, where, -worst * 1000);
    }

  if (problems->len > 0)
    g_error ("%s", problems->str);
}

/* A pinned hand stays on the floor while the back moves. */
static void
test_pins_hold (void)
{
  g_autoptr (PrehabFigure) figure = prehab_figure_load ("cat-cow", NULL);
  FigPose start, pose;

  fig_pose_at (figure, 0, &start);
  for (int f = 1; f <= 10; f++)
    {
      fig_pose_at (figure, f / 10.0, &pose);
      for (FigLimb limb = FIG_RIGHT_ARM; limb <= FIG_LEFT_ARM; limb++)
        {
          FigVec a = fig_pose_limb_end (&start, limb), b = fig_pose_limb_end (&pose, limb);

          g_assert_cmpfloat (fig_vec_length (fig_vec_sub (a, b)), <, 0.01);
        }
      /* The back did move. */
      g_assert_cmpfloat (fig_vec_length (fig_vec_sub (start.position[FIG_HEAD], pose.position[FIG_HEAD])),
                         >, f == 10 ? 0.05 : 0);
    }
}

static void
test_deterministic (void)
{
  g_autoptr (PrehabFigure) a = prehab_figure_load ("thread-the-needle-open-book", NULL);
  g_autoptr (PrehabFigure) b = prehab_figure_load ("thread-the-needle-open-book", NULL);
  cairo_surface_t *first = render (a, 0.37, FALSE);
  cairo_surface_t *again = render (a, 0.37, FALSE);
  cairo_surface_t *other = render (b, 0.37, FALSE);
  cairo_surface_t *later = render (a, 0.38, FALSE);

  g_assert_true (same_pixels (first, again));
  g_assert_true (same_pixels (first, other));
  g_assert_false (same_pixels (first, later));

  cairo_surface_destroy (first);
  cairo_surface_destroy (again);
  cairo_surface_destroy (other);
  cairo_surface_destroy (later);
}

static void
test_frame_clamps (void)
{
  g_autoptr (PrehabFigure) figure = prehab_figure_load ("bird-dog", NULL);
  cairo_surface_t *start = render (figure, 0, FALSE);
  cairo_surface_t *end = render (figure, 1, FALSE);
  cairo_surface_t *before = render (figure, -0.5, FALSE);
  cairo_surface_t *after = render (figure, 7, FALSE);
  cairo_surface_t *nan = render (figure, NAN, FALSE);

  g_assert_true (same_pixels (start, before));
  g_assert_true (same_pixels (end, after));
  g_assert_true (same_pixels (start, nan));

  cairo_surface_destroy (start);
  cairo_surface_destroy (end);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (nan);
}

static void
test_not_found (void)
{
  static const char * const ids[] = { "no-such-exercise", "../catalog", "Cat-Cow", "", "cat-cow/" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PrehabFigure) figure = prehab_figure_load (ids[i], &error);

      g_assert_null (figure);
      g_assert_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_NOT_FOUND);
    }
}

static void
test_write_png (void)
{
  g_autofree char *dir = prehab_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cat-cow.png", NULL);
  g_autoptr (PrehabFigure) figure = prehab_figure_load ("cat-cow", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  PrehabFigureStyle style;
  gsize length;

  prehab_figure_style_init_light (&style);
  g_assert_true (prehab_figure_write (figure, path, 320, 0.5, &style, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR: width and height, big-endian. */
  g_assert_cmpuint (read_be32 (data + 16), ==, 320);
  g_assert_cmpuint (read_be32 (data + 20), ==, 240);

  prehab_test_remove_tree (dir);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  guint *paths = user_data;

  g_assert_cmpstr (element, !=, "image");
  if (g_str_equal (element, "path"))
    (*paths)++;
}

static void
test_write_svg (void)
{
  static const GMarkupParser parser = { start_element_cb, NULL, NULL, NULL, NULL };
  g_autofree char *dir = prehab_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "deadlift.svg", NULL);
  g_autoptr (PrehabFigure) figure = prehab_figure_load ("deadlift", NULL);
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  PrehabFigureStyle style;
  guint paths = 0;
  gsize length;

  prehab_figure_style_init_dark (&style);
  g_assert_true (prehab_figure_write (figure, path, 400, 1, &style, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "width=\"400"));
  g_assert_nonnull (strstr (data, "height=\"300"));

  /* Well-formed XML, drawn with paths, no embedded bitmap. */
  context = g_markup_parse_context_new (&parser, 0, &paths, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_cmpuint (paths, >, 20);

  prehab_test_remove_tree (dir);
}

static void
test_write_refuses (void)
{
  g_autofree char *dir = prehab_test_make_dir ();
  g_autoptr (PrehabFigure) figure = prehab_figure_load ("cat-cow", NULL);
  PrehabFigureStyle style;
  struct
  {
    const char *name;
    int         size;
    double      frame;
    int         code;
  } cases[] = {
    { "a.jpg", 256, 0, PREHAB_FIGURE_ERROR_INVALID },
    { "a", 256, 0, PREHAB_FIGURE_ERROR_INVALID },
    { "a.png", 0, 0, PREHAB_FIGURE_ERROR_INVALID },
    { "a.png", 15, 0, PREHAB_FIGURE_ERROR_INVALID },
    { "a.png", 100000, 0, PREHAB_FIGURE_ERROR_INVALID },
    { "a.png", 256, 1.5, PREHAB_FIGURE_ERROR_INVALID },
    { "a.svg", 256, -0.1, PREHAB_FIGURE_ERROR_INVALID },
    { "a.png", 256, NAN, PREHAB_FIGURE_ERROR_INVALID },
    { "missing/a.png", 256, 0, PREHAB_FIGURE_ERROR_WRITE },
  };

  prehab_figure_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) listing = NULL;

      g_assert_false (prehab_figure_write (figure, path, cases[i].size, cases[i].frame, &style, &error));
      g_assert_error (error, PREHAB_FIGURE_ERROR, cases[i].code);

      /* Nothing written. */
      listing = g_dir_open (dir, 0, NULL);
      g_assert_null (g_dir_read_name (listing));
    }

  prehab_test_remove_tree (dir);
}

#define HEAD "<?xml version=\"1.0\"?>\n<figure exercise=\"test\" duration=\"2\">\n" \
             "  <description>A test.</description>\n"
#define TWO_KEYFRAMES "  <keyframe/>\n  <keyframe><joint name=\"thorax\" flex=\"10\"/></keyframe>\n"

static void
test_parse_good (void)
{
  static const char document[] =
    HEAD
    "  <camera azimuth=\"30\" elevation=\"20\"/>\n"
    "  <prop kind=\"mat\"/>\n"
    "  <prop kind=\"dumbbell\" attach=\"right-hand\"/>\n"
    "  <keyframe>\n"
    "    <root tilt=\"79\"/>\n"
    "    <joint name=\"right-shoulder\" elevation=\"79\" plane=\"0\" twist=\"0\"/>\n"
    "    <pin part=\"left-hand\" y=\"0.045\"/>\n"
    "  </keyframe>\n"
    "  <keyframe weight=\"2\" breath=\"1\">\n"
    "    <reach part=\"right-hand\" to=\"head\" x=\"0\" y=\"0.1\" z=\"0.05\" bend=\"1 0 0\"/>\n"
    "    <free part=\"left-hand\"/>\n"
    "  </keyframe>\n"
    "</figure>\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (document, sizeof document - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabFigure) figure = prehab_figure_new_from_bytes (bytes, "good.xml", &error);
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_cmpstr (prehab_figure_get_exercise_id (figure), ==, "test");
  g_assert_cmpstr (prehab_figure_get_description (figure), ==, "A test.");
  g_assert_cmpuint (figure->keyframes->len, ==, 2);
  g_assert_cmpuint (figure->props->len, ==, 2);

  surface = render (figure, 0.5, FALSE);
  cairo_surface_destroy (surface);
}

static void
test_parse_bad (void)
{
  static const struct
  {
    const char *document;
    const char *message;   /* part of the error message */
  } cases[] = {
    { "not xml at all", "bad.xml" },
    { "<catalog/>", "unknown element <catalog>" },
    { HEAD "</figure>", "at least two keyframes" },
    { HEAD "  <keyframe/>\n</figure>", "at least two keyframes" },
    { "<figure exercise=\"test\" duration=\"2\">" TWO_KEYFRAMES "</figure>", "needs a <description>" },
    { "<figure exercise=\"test\" duration=\"2\"><description> </description>" TWO_KEYFRAMES "</figure>",
      "line 1: <description> is empty" },
    { "<figure duration=\"2\"><description>A.</description>" TWO_KEYFRAMES "</figure>",
      "needs exercise=" },
    { "<figure exercise=\"Test!\" duration=\"2\"><description>A.</description>" TWO_KEYFRAMES "</figure>",
      "needs exercise=" },
    { "<figure exercise=\"test\"><description>A.</description>" TWO_KEYFRAMES "</figure>",
      "needs duration=" },
    { "<figure exercise=\"test\" duration=\"90\"><description>A.</description>" TWO_KEYFRAMES "</figure>",
      "duration=\"90\" is out of range" },
    { HEAD "  <keyframe><joint name=\"elbo\" flex=\"10\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "line 4: <joint> needs the name of a joint, not “elbo”" },
    { HEAD "  <keyframe><joint name=\"right-elbow\" flex=\"200\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "line 4: flex=\"200\" is out of range" },
    { HEAD "  <keyframe><joint name=\"right-elbow\" flex=\"ten\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "flex=\"ten\" is not a number" },
    { HEAD "  <keyframe><joint name=\"right-elbow\" elevation=\"10\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "<joint> has no attribute “elevation”" },
    { HEAD "  <keyframe><joint name=\"thorax\" flex=\"inf\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "flex=\"inf\" is not a number" },
    { HEAD "  <prop kind=\"trampoline\"/>\n" TWO_KEYFRAMES "</figure>", "line 4: <prop> needs a kind" },
    { HEAD "  <prop kind=\"band\"/>\n" TWO_KEYFRAMES "</figure>", "attach=\"hands\"" },
    { HEAD "  <prop kind=\"ball\" attach=\"tail\"/>\n" TWO_KEYFRAMES "</figure>", "unknown body segment “tail”" },
    { HEAD "  <prop kind=\"mat\" shape=\"roll\"/>\n" TWO_KEYFRAMES "</figure>", "only a towel has a shape" },
    { HEAD "  <camera azimuth=\"400\"/>\n" TWO_KEYFRAMES "</figure>", "azimuth=\"400\" is out of range" },
    { HEAD "  <camera/><camera/>\n" TWO_KEYFRAMES "</figure>", "only one <camera>" },
    { HEAD "  <keyframe><pin part=\"nose\"/></keyframe>\n" TWO_KEYFRAMES "</figure>", "<pin> needs part=" },
    { HEAD "  <keyframe><reach part=\"right-hand\" x=\"1\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "<reach> needs x, y and z" },
    { HEAD "  <keyframe><reach part=\"right-hand\" to=\"head\" bend=\"1 0\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "needs three numbers" },
    { HEAD "  <keyframe><pin part=\"right-hand\" flat=\"maybe\"/></keyframe>\n" TWO_KEYFRAMES "</figure>",
      "must be “yes” or “no”" },
    { HEAD "  <keyframe><root/><root/></keyframe>\n" TWO_KEYFRAMES "</figure>", "only one <root>" },
    { HEAD "  <joint name=\"thorax\" flex=\"1\"/>\n" TWO_KEYFRAMES "</figure>", "<joint> belongs in <keyframe>" },
    { HEAD "  stray words\n" TWO_KEYFRAMES "</figure>", "unexpected text" },
    { "<figure exercise=\"test\" duration=\"2\" accent=\"tail\"><description>A.</description>"
      TWO_KEYFRAMES "</figure>", "accent: unknown body segment “tail”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].document, strlen (cases[i].document));
      g_autoptr (GError) error = NULL;
      g_autoptr (PrehabFigure) figure = prehab_figure_new_from_bytes (bytes, "bad.xml", &error);

      if (figure != NULL)
        g_error ("case %u was accepted: %s", i, cases[i].document);
      g_assert_error (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "bad.xml: "));
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure/every-exercise-has-a-figure", test_every_exercise_has_a_figure);
  g_test_add_func ("/figure/every-figure-names-an-exercise", test_every_figure_names_an_exercise);
  g_test_add_func ("/figure/described", test_figures_are_described);
  g_test_add_func ("/figure/every-figure-renders", test_every_figure_renders);
  g_test_add_func ("/figure/above-the-floor", test_bodies_stay_above_the_floor);
  g_test_add_func ("/figure/pins-hold", test_pins_hold);
  g_test_add_func ("/figure/deterministic", test_deterministic);
  g_test_add_func ("/figure/frame-clamps", test_frame_clamps);
  g_test_add_func ("/figure/not-found", test_not_found);
  g_test_add_func ("/figure/write-png", test_write_png);
  g_test_add_func ("/figure/write-svg", test_write_svg);
  g_test_add_func ("/figure/write-refuses", test_write_refuses);
  g_test_add_func ("/figure/parse-good", test_parse_good);
  g_test_add_func ("/figure/parse-bad", test_parse_bad);

  return g_test_run ();
}
