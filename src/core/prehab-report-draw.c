/* prehab-report-draw.c
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

#define G_LOG_DOMAIN "prehab-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "prehab-date.h"
#include "prehab-program.h"
#include "prehab-report-private.h"
#include "prehab-vocabulary.h"

/* The report's layout: its content becomes a list of blocks (a paragraph,
 * a table row, the chart), each measured at the page's text width; the
 * blocks are then placed down the pages. Text blocks and table rows may
 * break between lines, so a long note runs on to the next page instead of
 * being cut. Text is laid out once, with hinting off and at 72 dpi, so the
 * same layout draws the same on a PDF and on a printer's page. */

#define MARGIN_X       56.0
#define MARGIN_TOP     56.0
#define MARGIN_BOTTOM  64.0
#define FOOTER_OFFSET  36.0   /* from the page's bottom edge to the footer's baseline area */
#define CELL_PAD        3.5
#define CHART_HEIGHT  200.0
#define CHART_TOP      10.0   /* room above the plot for its top label */
#define TIMELINE_HEIGHT 58.0
#define MAX_CELLS       5

#define FONT_BODY    "Sans 9.5"
#define FONT_SMALL   "Sans 8"
#define FONT_TITLE   "Sans Bold 20"
#define FONT_HEADING "Sans Bold 12.5"

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_CHART,
  BLOCK_TIMELINE,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  double       space_before;
  double       height;
  gboolean     keep_with_next;
  gboolean     header;          /* a table's header row: shaded */
  gboolean     rule;            /* a line under a table row */
  guint        n_cells;
  PangoLayout *cells[MAX_CELLS];
  double       cell_x[MAX_CELLS];
  double       top_pad;
  int          split_cell;      /* the cell whose lines may break, or -1 */
  GArray      *breaks;          /* of double: where the block may break */
} Block;

typedef struct
{
  Block  *block;
  guint   page;
  double  y;
  double  from;   /* the part of the block on this page */
  double  to;
} Placement;

/* Print colours: dark text, a grey for secondary text, and the Plan view's
 * phase colours (GNOME's purple, blue, orange, brown). */
static const double ink[3] = { 0.1, 0.1, 0.12 };
static const double muted[3] = { 0.36, 0.36, 0.4 };
static const double line_colour[3] = { 0.1, 0.37, 0.75 };
static const double phase_colours[4][3] = {
  { 0.569, 0.255, 0.675 },
  { 0.208, 0.518, 0.894 },
  { 1.0, 0.471, 0.0 },
  { 0.710, 0.514, 0.353 },
};

static void
block_free (Block *block)
{
  for (guint i = 0; i < block->n_cells; i++)
    g_clear_object (&block->cells[i]);
  g_clear_pointer (&block->breaks, g_array_unref);
  g_free (block);
}

void
prehab_report_clear_layout (PrehabReport *self)
{
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->n_pages = 0;
  self->layout_width = 0;
  self->layout_height = 0;
}

typedef struct
{
  PrehabReport *report;
  PangoContext *context;
  double        width;    /* of the text, in points */
} Builder;

static PangoLayout *
new_layout (Builder    *builder,
            const char *font,
            double      width,
            const char *markup,
            gboolean    is_markup)
{
  PangoLayout *layout = pango_layout_new (builder->context);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (is_markup)
    pango_layout_set_markup (layout, markup, -1);
  else
    pango_layout_set_text (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Where the lines of @layout end, offset by @top. */
static GArray *
line_breaks (PangoLayout *layout,
             double       top)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = top + (double) y1 / PANGO_SCALE;
      g_array_append_val (breaks, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return breaks;
}

static Block *
add_block (Builder   *builder,
           BlockKind  kind,
           double     space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  block->split_cell = -1;
  g_ptr_array_add (builder->report->blocks, block);
  return block;
}

static Block *
add_text (Builder    *builder,
          const char *font,
          const char *text,
          gboolean    is_markup,
          double      space_before)
{
  Block *block = add_block (builder, BLOCK_TEXT, space_before);

  block->cells[0] = new_layout (builder, font, builder->width, text, is_markup);
  block->n_cells = 1;
  block->height = layout_height (block->cells[0]);
  block->split_cell = 0;
  block->breaks = line_breaks (block->cells[0], 0);
  return block;
}

static Block *
add_paragraph (Builder    *builder,
               const char *text)
{
  return add_text (builder, FONT_BODY, text, FALSE, 6);
}

static void
add_heading (Builder    *builder,
             const char *text)
{
  Block *block = add_text (builder, FONT_HEADING, text, FALSE, 20);

  block->keep_with_next = TRUE;
  block->split_cell = -1;
}

/* A table row: @n cells at the fractions @columns of the width (the next
 * one's start is each cell's end). The last cell may break between lines. */
static Block *
add_row (Builder           *builder,
         const double      *columns,
         guint              n,
         const char *const *texts,
         gboolean           header)
{
  Block *block = add_block (builder, BLOCK_ROW, 0);
  double height = 0;

  g_assert (n <= MAX_CELLS);
  block->n_cells = n;
  block->header = header;
  block->rule = TRUE;
  block->top_pad = CELL_PAD;
  for (guint i = 0; i < n; i++)
    {
      double x = columns[i] * builder->width;
      double end = (i + 1 < n ? columns[i + 1] : 1.0) * builder->width;
      g_autofree char *markup = header ? g_markup_printf_escaped ("<b>%s</b>", texts[i]) : NULL;

      block->cells[i] = new_layout (builder, header ? FONT_SMALL : FONT_BODY,
                                    end - x - 2 * CELL_PAD, header ? markup : texts[i], header);
      block->cell_x[i] = x + CELL_PAD;
      height = MAX (height, layout_height (block->cells[i]));
    }
  block->height = height + 2 * CELL_PAD;
  block->split_cell = (int) n - 1;
  block->breaks = line_breaks (block->cells[n - 1], CELL_PAD);
  return block;
}

static void
add_line_rows (Builder         *builder,
               GPtrArray       *lines,
               const char      *when_title,
               const char      *what_title,
               double           split)
{
  const double columns[] = { 0, split };
  const char *titles[] = { when_title, what_title };
  Block *header = add_row (builder, columns, 2, titles, TRUE);

  header->space_before = 8;
  header->keep_with_next = TRUE;
  for (guint i = 0; i < lines->len; i++)
    {
      const PrehabReportLine *line = lines->pdata[i];
      const char *texts[] = { line->when, line->text };

      add_row (builder, columns, 2, texts, FALSE);
    }
}

/* A list item: a bullet, and its text with every line indented. */
static void
add_bullet (Builder    *builder,
            const char *text)
{
  const double columns[] = { 0, 12 / builder->width };
  const char *texts[] = { "•", text };
  Block *block = add_row (builder, columns, 2, texts, FALSE);

  block->rule = FALSE;
  block->space_before = 2;
  block->cell_x[0] = 2;
  block->cell_x[1] = 12;
  block->top_pad = 1;
  block->height = MAX (layout_height (block->cells[0]), layout_height (block->cells[1])) + 2;
  g_array_unref (block->breaks);
  block->breaks = line_breaks (block->cells[1], 1);
}

static void
build_program (Builder *builder)
{
  PrehabReport *self = builder->report;
  const double columns[] = { 0, 0.3 };

  add_heading (builder, _("The program"));
  if (!self->has_program)
    {
      add_paragraph (builder,
                     _("No program has been started. This report shows the pain journal only."));
      return;
    }

  {
    const char *texts[] = { _("Program"), self->program_name };
    add_row (builder, columns, 2, texts, FALSE)->space_before = 8;
  }
  {
    g_autofree char *when = NULL;

    if (self->week < 1)
      /* Translators: the program's start date, still ahead */
      when = g_strdup_printf (_("Starts on %s"), self->start_label);
    else if ((guint) self->week <= self->n_weeks)
      /* Translators: the program's start date and where the person is in
       * it, e.g. "3 Mar 2026 (today is in week 4 of 8)" */
      when = g_strdup_printf (_("%s (today is in week %d of %u)"), self->start_label, self->week, self->n_weeks);
    else
      /* Translators: the program's start and end dates */
      when = g_strdup_printf (_("%s; the %u weeks ended on %s"), self->start_label, self->n_weeks, self->end_label);
    {
      const char *texts[] = { _("Started"), when };
      add_row (builder, columns, 2, texts, FALSE);
    }
  }
  {
    const char *texts[] = { _("Strength days"), self->training_days };
    add_row (builder, columns, 2, texts, FALSE);
  }
  {
    const char *texts[] = { _("Equipment at hand"), self->equipment };
    add_row (builder, columns, 2, texts, FALSE);
  }
}

static void
build_phases (Builder *builder)
{
  PrehabReport *self = builder->report;
  Block *block;

  if (self->calendar == NULL)
    return;

  add_heading (builder, _("Phases"));
  add_paragraph (builder,
                 _("The program’s eight weeks, coloured by the phase the plan was in each day. "
                   "Days after today show the phase planned for them, paler."))->keep_with_next = TRUE;
  block = add_block (builder, BLOCK_TIMELINE, 8);
  block->height = TIMELINE_HEIGHT;
  if (self->milestones->len > 0)
    add_line_rows (builder, self->milestones, _("When"), _("What changed"), 0.25);
}

static void
build_adherence (Builder *builder)
{
  PrehabReport *self = builder->report;
  const double columns[] = { 0, 0.4, 0.55, 0.7, 0.85 };
  PrehabReportAdherence total = { 0 };
  Block *header;

  add_heading (builder, _("Sessions"));
  if (self->adherence->len == 0)
    {
      add_paragraph (builder, self->has_program ? _("No sessions were planned in this period.")
                                                : _("No sessions: no program was under way."));
      return;
    }

  add_paragraph (builder,
                 _("A short session is planned every day of the program: mobility work, with strength work on "
                   "strength days. “Partly” means some of its exercises were done."))->keep_with_next = TRUE;
  {
    const char *titles[] = { self->adherence_by == PREHAB_REPORT_BY_WEEK ? _("Week")
                             : self->adherence_by == PREHAB_REPORT_BY_MONTH ? _("Month") : _("Year"),
                             _("Planned"), _("Done in full"), _("Partly done"), _("Missed") };
    header = add_row (builder, columns, 5, titles, TRUE);
    header->space_before = 8;
    header->keep_with_next = TRUE;
  }

  for (guint i = 0; i < self->adherence->len; i++)
    {
      const PrehabReportAdherence *row = &g_array_index (self->adherence, PrehabReportAdherence, i);
      g_autofree char *planned = g_strdup_printf ("%u", row->planned);
      g_autofree char *done = g_strdup_printf ("%u", row->done);
      g_autofree char *partial = g_strdup_printf ("%u", row->partial);
      g_autofree char *missed = g_strdup_printf ("%u", row->missed);
      const char *texts[] = { row->label, planned, done, partial, missed };

      add_row (builder, columns, 5, texts, FALSE);
      total.planned += row->planned;
      total.done += row->done;
      total.partial += row->partial;
      total.missed += row->missed;
    }

  if (self->adherence->len > 1)
    {
      g_autofree char *planned = g_strdup_printf ("%u", total.planned);
      g_autofree char *done = g_strdup_printf ("%u", total.done);
      g_autofree char *partial = g_strdup_printf ("%u", total.partial);
      g_autofree char *missed = g_strdup_printf ("%u", total.missed);
      /* Translators: the last row of the report's adherence table */
      const char *texts[] = { _("All"), planned, done, partial, missed };

      add_row (builder, columns, 5, texts, TRUE);
    }
}

static void
build_pain (Builder *builder)
{
  PrehabReport *self = builder->report;
  const PrehabTrend *trend = self->trend;
  guint rated = 0;
  Block *block;

  add_heading (builder, _("Pain"));
  for (guint i = 0; i < trend->days->len; i++)
    if (g_array_index (trend->days, PrehabTrendDay, i).n_entries > 0)
      rated++;

  if (rated == 0)
    {
      add_paragraph (builder, _("No pain ratings were logged in this period."));
      return;
    }

  {
    g_autofree char *ratings = g_strdup_printf (ngettext ("%u rating", "%u ratings", self->n_entries),
                                                self->n_entries);
    g_autofree char *days = g_strdup_printf (ngettext ("%u day", "%u days", rated), rated);
    /* Translators: the first %s is "N ratings", the second "N days", then
     * a sentence on the trend */
    g_autofree char *text = g_strdup_printf (_("%s on %s, from 0 (no pain) to 10 (worst imaginable). %s"),
                                             ratings, days, trend->summary);
    add_paragraph (builder, text)->keep_with_next = TRUE;
  }
  block = add_block (builder, BLOCK_CHART, 0);
  block->height = CHART_HEIGHT;
  {
    g_autofree char *legend = NULL;

    if (!isnan (trend->baseline))
      /* Translators: the key of the report's pain chart, with the baseline */
      legend = g_strdup_printf (_("Dots: the mean of each day’s ratings. Line: the mean of the last 7 days. "
                                  "Dashed line: the baseline, %.1f, the mean morning pain of the program’s first week. "
                                  "Coloured bands: the phases."),
                                trend->baseline);
    else
      legend = g_strdup (_("Dots: the mean of each day’s ratings. Line: the mean of the last 7 days. "
                           "Coloured bands: the phases."));
    add_text (builder, FONT_SMALL, legend, FALSE, 4);
  }
}

static void
build_insights (Builder *builder)
{
  PrehabReport *self = builder->report;
  GPtrArray *insights = self->insights->insights;

  add_heading (builder, _("What went with higher or lower pain"));
  add_paragraph (builder,
                 _("Each line compares the mean pain on days when something was logged with the days without "
                   "it. It shows what went together, not what caused what."));
  if (insights->len == 0)
    add_paragraph (builder, _("Not enough days were logged to compare anything in this period."));
  for (guint i = 0; i < insights->len; i++)
    {
      const PrehabTriggerInsight *insight = insights->pdata[i];
      g_autofree char *text = NULL;

      if (insight->next_day_sentence != NULL)
        text = g_strdup_printf ("%s %s", insight->sentence, insight->next_day_sentence);
      else
        text = g_strdup (insight->sentence);
      add_bullet (builder, text);
    }
}

static void
build_warnings (Builder *builder)
{
  PrehabReport *self = builder->report;

  add_heading (builder, _("Warning signs logged"));
  if (self->warnings->len == 0)
    add_paragraph (builder, _("No warning signs were logged in this period."));
  else
    add_line_rows (builder, self->warnings, _("When"), _("Warning sign"), 0.3);
  if (self->clearance != NULL)
    {
      /* Translators: %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("The person confirmed on %s that a clinician had cleared them to exercise."),
                                               self->clearance);
      add_paragraph (builder, text);
    }
}

static void
build_doses (Builder *builder)
{
  PrehabReport *self = builder->report;

  add_heading (builder, _("Current doses"));
  if (self->plan_summary == NULL)
    {
      add_paragraph (builder, _("No session is planned: no program is under way."));
      return;
    }
  add_paragraph (builder, self->plan_summary);
  for (guint i = 0; i < self->plan_reasons->len; i++)
    add_bullet (builder, self->plan_reasons->pdata[i]);
  if (self->doses->len == 0)
    add_paragraph (builder, _("No exercises are planned for today."));
  else
    add_line_rows (builder, self->doses, _("Exercise"), _("Dose"), 0.5);
}

static void
build_notes (Builder *builder)
{
  PrehabReport *self = builder->report;

  add_heading (builder, _("Notes"));
  if (self->n_notes == 0)
    {
      add_paragraph (builder, _("No notes were written in this period."));
      return;
    }
  if (self->n_notes > self->notes->len)
    {
      g_autofree char *text =
        /* Translators: the first %u is always more than one */
        g_strdup_printf (ngettext ("The latest %u of %u notes, oldest first. A shorter range shows the others.",
                                   "The latest %u of %u notes, oldest first. A shorter range shows the others.",
                                   self->n_notes),
                         self->notes->len, self->n_notes);
      add_paragraph (builder, text)->keep_with_next = TRUE;
    }
  else
    add_paragraph (builder, _("The person’s own words, oldest first."))->keep_with_next = TRUE;
  add_line_rows (builder, self->notes, _("When"), _("Note"), 0.25);
}

static void
build_closing (Builder *builder)
{
  g_autofree char *disclaimer = NULL;

  add_heading (builder, _("How the plan decides"));
  add_paragraph (builder,
                 _("The program starts with gentle movement to calm pain, then mobility work, then light "
                   "strength work that grows one step at a time. Each day the plan looks at the pain logged "
                   "during and after exercise and the next morning: up to 3 out of 10 is fine, 4 to 5 is fine "
                   "if it settles by the next morning, and 6 or more means easing off. It moves on only after "
                   "settled days, holds the same doses when pain is borderline or sessions are missed, and steps "
                   "back after a bad day or a rising week. Any warning sign stops strength work and advises "
                   "seeing a clinician; no clear improvement by week 4 to 6 suggests a check."));
  disclaimer = g_markup_printf_escaped ("<b>%s</b>",
                                        _("This report is not a diagnosis and does not replace a clinician’s "
                                          "examination. It shows what the person logged and what the app "
                                          "suggested."));
  add_text (builder, FONT_BODY, disclaimer, TRUE, 10);
}

static void
build_blocks (PrehabReport *self,
              PangoContext *context,
              double        width)
{
  Builder builder = { self, context, width };
  g_autofree char *subtitle = NULL;

  add_text (&builder, FONT_TITLE, _("Prehab report"), FALSE, 0)->keep_with_next = TRUE;
  /* Translators: under the report's title: the range of days and when it
   * was made */
  subtitle = g_strdup_printf (_("Pain, exercise and notes, %s. Made on %s."),
                              self->range_label, self->generated);
  add_text (&builder, FONT_BODY, subtitle, FALSE, 4);

  build_program (&builder);
  build_phases (&builder);
  build_adherence (&builder);
  build_pain (&builder);
  build_insights (&builder);
  build_warnings (&builder);
  build_doses (&builder);
  build_notes (&builder);
  build_closing (&builder);
}

/* Where the part of @block from @from may break to fit in @room: the last
 * line end that fits, or 0 when none does. */
static double
find_break (const Block *block,
            double       from,
            double       room)
{
  double found = 0;

  if (block->breaks == NULL || block->split_cell < 0)
    return 0;
  for (guint i = 0; i < block->breaks->len; i++)
    {
      double at = g_array_index (block->breaks, double, i);

      if (at <= from + 0.01)
        continue;
      if (at - from > room)
        break;
      /* Never leave only the bottom padding of a row behind. */
      if (at < block->height - 0.01)
        found = at;
    }
  return found;
}

/* The first piece of @block: what must fit for a heading to stay with it. */
static double
first_piece (const Block *block)
{
  if (block->breaks != NULL && block->split_cell >= 0 && block->breaks->len > 0)
    return MIN (block->height, g_array_index (block->breaks, double, 0) + block->top_pad);
  return block->height;
}

static void
place (PrehabReport *self,
       Block        *block,
       guint         page,
       double        y,
       double        from,
       double        to)
{
  Placement placement = { block, page, y, from, to };

  g_array_append_val (self->placements, placement);
}

void
prehab_report_ensure_layout (PrehabReport *self,
                             double        page_width,
                             double        page_height)
{
  PangoContext *context;
  cairo_font_options_t *options;
  double top = MARGIN_TOP;
  double bottom = page_height - MARGIN_BOTTOM;
  double y = top;
  guint page = 0;

  if (self->blocks != NULL && self->layout_width == page_width && self->layout_height == page_height)
    return;

  prehab_report_clear_layout (self);
  self->layout_width = page_width;
  self->layout_height = page_height;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  /* Metrics that do not depend on the device. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  build_blocks (self, context, MAX (page_width - 2 * MARGIN_X, 100));
  g_object_unref (context);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];
      double gap = y > top ? block->space_before : 0;
      double need = block->height;
      double from = 0;
      guint j = i;

      /* A heading stays with what follows it, and so does an
       * introduction with its table or chart. */
      while (j + 1 < self->blocks->len && ((Block *) self->blocks->pdata[j])->keep_with_next)
        {
          Block *next = self->blocks->pdata[++j];

          need += next->space_before +
                  (next->keep_with_next ? next->height : first_piece (next));
        }

      if (y + gap + need > bottom && y > top &&
          (block->keep_with_next || find_break (block, 0, bottom - y - gap) == 0))
        {
          page++;
          y = top;
          gap = 0;
        }

      /* What does not fit goes on, a line at a time, to the next pages. */
      while (y + gap + (block->height - from) > bottom)
        {
          double at = find_break (block, from, bottom - y - gap);

          if (at == 0)
            {
              if (y > top)
                {
                  page++;
                  y = top;
                  gap = 0;
                  continue;
                }
              break;  /* taller than a page and unbreakable: let it run over */
            }
          place (self, block, page, y + gap, from, at);
          from = at;
          page++;
          y = top;
          gap = 0;
        }

      place (self, block, page, y + gap, from, block->height);
      y += gap + block->height - from;
    }

  self->n_pages = page + 1;
}

static void
set_colour (cairo_t      *cr,
            const double  colour[3],
            double        alpha)
{
  cairo_set_source_rgba (cr, colour[0], colour[1], colour[2], alpha);
}

static void
show_text (PrehabReport *self,
           cairo_t      *cr,
           const char   *text,
           double        x,
           double        y,
           double        align,   /* 0 left, 0.5 centred, 1 right of x */
           gboolean      centre_y)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (FONT_SMALL);
  int width, height;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width / PANGO_SCALE,
                 centre_y ? y - (double) height / PANGO_SCALE / 2 : y);
  pango_cairo_show_layout (cr, layout);
}

static const PrehabCalendarDay *
lookup_day (PrehabReport *self,
            guint32       day)
{
  if (self->calendar == NULL || day < self->start_day || day - self->start_day >= self->calendar->len)
    return NULL;
  return &g_array_index (self->calendar, PrehabCalendarDay, day - self->start_day);
}

static const char *
phase_label (PrehabPhase phase)
{
  return prehab_vocabulary_label (prehab_phases, prehab_phase_to_id (phase));
}

static void
draw_timeline (PrehabReport *self,
               cairo_t      *cr,
               double        x,
               double        y,
               double        width)
{
  guint n = self->calendar->len;
  double cell = width / n;
  double bar = 22;
  guint i = 0;

  /* One strip per run of days in the same phase, with its name. */
  while (i < n)
    {
      const PrehabCalendarDay *day = &g_array_index (self->calendar, PrehabCalendarDay, i);
      guint end = i + 1;
      int phase = CLAMP ((int) day->phase, 0, 3);
      PangoRectangle extents;

      while (end < n && g_array_index (self->calendar, PrehabCalendarDay, end).phase == day->phase &&
             g_array_index (self->calendar, PrehabCalendarDay, end).is_future == day->is_future)
        end++;

      set_colour (cr, phase_colours[phase], day->is_future ? 0.25 : 0.8);
      cairo_rectangle (cr, x + i * cell, y, (end - i) * cell, bar);
      cairo_fill (cr);

      {
        g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
        g_autoptr (PangoFontDescription) description = pango_font_description_from_string ("Sans Bold 8");

        pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
        pango_layout_context_changed (layout);
        pango_layout_set_font_description (layout, description);
        pango_layout_set_text (layout, phase_label (day->phase), -1);
        pango_layout_get_extents (layout, NULL, &extents);
        if ((double) extents.width / PANGO_SCALE + 6 <= (end - i) * cell)
          {
            if (day->is_future)
              set_colour (cr, ink, 1);
            else
              cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_move_to (cr, x + i * cell + 3, y + (bar - (double) extents.height / PANGO_SCALE) / 2);
            pango_cairo_show_layout (cr, layout);
          }
      }
      i = end;
    }

  /* Week boundaries and numbers, and the first day of each week. */
  cairo_set_line_width (cr, 0.75);
  for (guint week = 0; week * 7 < n; week++)
    {
      double wx = x + week * 7 * cell;
      const PrehabCalendarDay *first = &g_array_index (self->calendar, PrehabCalendarDay, week * 7);
      g_autofree char *label = NULL;
      g_autofree char *date = prehab_report_format_date (first->date);

      set_colour (cr, ink, 0.6);
      cairo_move_to (cr, wx, y - 2);
      cairo_line_to (cr, wx, y + bar + 4);
      cairo_stroke (cr);
      /* Translators: a week of the report's phase timeline */
      label = g_strdup_printf (_("Week %u"), week + 1);
      set_colour (cr, ink, 1);
      show_text (self, cr, label, wx + 3, y + bar + 3, 0, FALSE);
      set_colour (cr, muted, 1);
      show_text (self, cr, date, wx + 3, y + bar + 15, 0, FALSE);
    }

  /* Today, when it is within the eight weeks. */
  for (guint d = 0; d < n; d++)
    if (g_array_index (self->calendar, PrehabCalendarDay, d).is_today)
      {
        double tx = x + (d + 0.5) * cell;

        set_colour (cr, ink, 1);
        cairo_move_to (cr, tx - 4, y - 6);
        cairo_line_to (cr, tx + 4, y - 6);
        cairo_line_to (cr, tx, y);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
}

static double
chart_y (double top,
         double height,
         double pain)
{
  return top + height * (1 - CLAMP (pain, 0, 10) / 10);
}

static void
draw_chart (PrehabReport *self,
            cairo_t      *cr,
            double        x,
            double        y,
            double        width,
            double        height)
{
  static const double dashes[] = { 4, 3 };
  GArray *days = self->trend->days;
  guint n = days->len;
  double axis = 18;
  double plot_x = x + axis;
  double plot_w = width - axis;
  double plot_h = height - 20;
  double step = plot_w / MAX (n, 1);
  double radius = CLAMP (step / 2.5, 0.9, 2.4);
  gboolean drawing = FALSE;
  gboolean long_range = n > 400;
  guint every;

  /* Phase bands, one rectangle per run of days in the same phase. */
  for (guint i = 0; i < n;)
    {
      const PrehabCalendarDay *day = lookup_day (self, self->from_day + i);
      guint end = i + 1;

      if (day == NULL)
        {
          i++;
          continue;
        }
      while (end < n && lookup_day (self, self->from_day + end) != NULL &&
             lookup_day (self, self->from_day + end)->phase == day->phase)
        end++;
      set_colour (cr, phase_colours[CLAMP ((int) day->phase, 0, 3)], 0.14);
      cairo_rectangle (cr, plot_x + i * step, y, (end - i) * step, plot_h);
      cairo_fill (cr);
      i = end;
    }

  /* The grid and its numbers. */
  cairo_set_line_width (cr, 0.5);
  for (int value = 0; value <= 10; value += 2)
    {
      g_autofree char *text = g_strdup_printf ("%d", value);
      double gy = chart_y (y, plot_h, value);

      set_colour (cr, ink, value == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, plot_x, gy);
      cairo_line_to (cr, plot_x + plot_w, gy);
      cairo_stroke (cr);
      set_colour (cr, muted, 1);
      show_text (self, cr, text, plot_x - 4, gy, 1, TRUE);
    }

  /* Dates along the bottom, about six of them. */
  every = MAX (1, (n + 5) / 6);
  if (!long_range && every > 7)
    every = (every + 6) / 7 * 7;
  for (guint i = 0; i < n; i += every)
    {
      const PrehabTrendDay *day = &g_array_index (days, PrehabTrendDay, i);
      int year, month, mday;
      g_autoptr (GDateTime) time = NULL;
      g_autofree char *text = NULL;
      double tx = plot_x + (i + 0.5) * step;

      if (sscanf (day->date, "%d-%d-%d", &year, &month, &mday) != 3)
        continue;
      time = g_date_time_new_local (year, month, mday, 12, 0, 0);
      text = long_range
             /* Translators: a date on the report's pain chart over a long range, e.g. "Mar 2026" */
             ? g_date_time_format (time, _("%b %Y"))
             /* Translators: a date on the report's pain chart, e.g. "3 Mar" */
             : g_date_time_format (time, _("%-d %b"));
      set_colour (cr, ink, 0.5);
      cairo_move_to (cr, tx, y + plot_h);
      cairo_line_to (cr, tx, y + plot_h + 3);
      cairo_stroke (cr);
      if (tx + 30 > plot_x + plot_w)
        break;
      set_colour (cr, muted, 1);
      show_text (self, cr, text, tx, y + plot_h + 5, i == 0 ? 0 : 0.5, FALSE);
    }

  /* The baseline. */
  if (!isnan (self->trend->baseline))
    {
      set_colour (cr, ink, 0.75);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, plot_x, chart_y (y, plot_h, self->trend->baseline));
      cairo_line_to (cr, plot_x + plot_w, chart_y (y, plot_h, self->trend->baseline));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Daily means, then the rolling mean over them. */
  set_colour (cr, ink, 0.45);
  for (guint i = 0; i < n; i++)
    {
      const PrehabTrendDay *day = &g_array_index (days, PrehabTrendDay, i);

      if (day->n_entries == 0 || isnan (day->mean))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, plot_x + (i + 0.5) * step, chart_y (y, plot_h, day->mean), radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      const PrehabTrendDay *day = &g_array_index (days, PrehabTrendDay, i);
      double px = plot_x + (i + 0.5) * step;

      if (isnan (day->rolling))
        {
          drawing = FALSE;
          continue;
        }
      if (!drawing)
        cairo_move_to (cr, px, chart_y (y, plot_h, day->rolling));
      cairo_line_to (cr, px, chart_y (y, plot_h, day->rolling));
      drawing = TRUE;
    }
  set_colour (cr, line_colour, 1);
  cairo_set_line_width (cr, 1.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_placement (PrehabReport    *self,
                cairo_t         *cr,
                const Placement *placement)
{
  const Block *block = placement->block;
  double x = MARGIN_X;
  double width = self->layout_width - 2 * MARGIN_X;
  double y = placement->y - placement->from;

  cairo_save (cr);
  /* Only this page's part of the block. */
  cairo_rectangle (cr, 0, placement->y, self->layout_width, placement->to - placement->from);
  cairo_clip (cr);

  switch (block->kind)
    {
    case BLOCK_CHART:
      draw_chart (self, cr, x, y + CHART_TOP, width, block->height - CHART_TOP);
      break;

    case BLOCK_TIMELINE:
      draw_timeline (self, cr, x, y + 8, width);
      break;

    case BLOCK_ROW:
      if (block->header)
        {
          cairo_set_source_rgb (cr, 0.93, 0.93, 0.94);
          cairo_rectangle (cr, x, placement->y, width, placement->to - placement->from);
          cairo_fill (cr);
        }
      for (guint i = 0; i < block->n_cells; i++)
        {
          /* Short cells are drawn with the row's first part only; the
           * parts after it say that they go on from the page before. */
          if ((int) i != block->split_cell && placement->from > 0)
            {
              if (i == 0)
                {
                  set_colour (cr, muted, 1);
                  /* Translators: beside the rest of a note that began on the page before */
                  show_text (self, cr, _("(continued)"), x + block->cell_x[0], placement->y + block->top_pad, 0, FALSE);
                }
              continue;
            }
          set_colour (cr, ink, 1);
          cairo_move_to (cr, x + block->cell_x[i], y + block->top_pad);
          pango_cairo_show_layout (cr, block->cells[i]);
        }
      if (block->rule && placement->to >= block->height)
        {
          set_colour (cr, ink, 0.2);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x, y + block->height - 0.25);
          cairo_line_to (cr, x + width, y + block->height - 0.25);
          cairo_stroke (cr);
        }
      break;

    case BLOCK_TEXT:
    default:
      set_colour (cr, ink, 1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, block->cells[0]);
      break;
    }

  cairo_restore (cr);
}

static void
draw_footer (PrehabReport *self,
             cairo_t      *cr,
             guint         page)
{
  /* Translators: the footer of every page of the report, e.g. "Prehab
   * report · 1 Mar 2026 – 26 Apr 2026 · page 2 of 5" */
  g_autofree char *text = g_strdup_printf (_("Prehab report · %s · page %u of %u"),
                                           self->range_label, page + 1, self->n_pages);
  double y = self->layout_height - FOOTER_OFFSET;

  set_colour (cr, ink, 0.3);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, y - 6);
  cairo_line_to (cr, self->layout_width - MARGIN_X, y - 6);
  cairo_stroke (cr);
  set_colour (cr, muted, 1);
  show_text (self, cr, text, self->layout_width / 2, y, 0.5, FALSE);
}

void
prehab_report_render_page (PrehabReport *self,
                           cairo_t      *cr,
                           guint         page)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* Placements are in page order: find this page's first by bisection. */
  {
    guint lo = 0, hi = self->placements->len;

    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;

        if (g_array_index (self->placements, Placement, mid).page < page)
          lo = mid + 1;
        else
          hi = mid;
      }
    for (guint i = lo; i < self->placements->len; i++)
      {
        const Placement *placement = &g_array_index (self->placements, Placement, i);

        if (placement->page != page)
          break;
        draw_placement (self, cr, placement);
      }
  }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}
