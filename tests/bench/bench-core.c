/* bench-core.c: times the core's work on a long journal
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-core DATA_DIR [ROUNDS [NAME...]]
 *
 * On a journal written by make-history (with the same PREHAB_TODAY), runs
 * each measured call ROUNDS times and prints one line per measurement:
 * "NAME median_ms min_ms". The store is opened once; the first call of
 * each measurement is a warm-up and is not counted.
 *
 * The planner resumes from saved states; a back-filled entry drops those
 * from its day on. "planner-after-backfill-*" time a decision right after
 * a rating was back-filled five years back, and in the first week (every
 * state dropped: a replay from the start, which saves them all again):
 * the worst cases. They write to the journal, so they come last.
 *
 * With NAMEs, only those measurements run (for callgrind, say).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-exercise.h"
#include "prehab-export.h"
#include "prehab-figure.h"
#include "prehab-journal.h"
#include "prehab-report.h"
#include "prehab-schedule.h"

typedef gboolean (*Measured) (PrehabStore *store, const char *today, GError **error);

/* When the timed part of a call begins; a call may move it past its set-up. */
static gint64 bench_begin;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
decide (PrehabStore  *store,
        const char   *today,
        GError      **error)
{
  g_autoptr (PrehabPlan) plan = prehab_schedule_decide (store, today, error);

  return plan != NULL;
}

static gboolean
load_calendar (PrehabStore  *store,
               const char   *today,
               GError      **error)
{
  g_autoptr (GArray) days = prehab_schedule_load_calendar (store, today, error);

  return days != NULL;
}

static gboolean
list_all_entries (PrehabStore  *store,
                  const char   *today,
                  GError      **error)
{
  g_autoptr (GPtrArray) entries = prehab_journal_list_entries (store, NULL, NULL, error);

  return entries != NULL;
}

/* The report's PDF, written in the data folder. */
static char *report_path;

/* What the window does before its worker thread writes the PDF: gather
 * the default range (the last eight weeks). */
static gboolean
gather_report (PrehabStore  *store,
               const char   *today,
               GError      **error)
{
  g_autoptr (PrehabReport) report = prehab_report_new (store, NULL, NULL, error);

  return report != NULL;
}

/* The whole ten years, gathered and written. */
static gboolean
write_report_ten_years (PrehabStore  *store,
                        const char   *today,
                        GError      **error)
{
  g_autofree char *from = prehab_day_to_date (prehab_date_to_day (today) - 3652);
  g_autoptr (PrehabReport) report = prehab_report_new (store, from, NULL, error);

  return report != NULL && prehab_report_write_pdf (report, report_path, error);
}
/* Ten years of pain entries as CSV, and the whole journal as a JSON
 * backup, in memory (the file write is one atomic replace after it). */
static gboolean
export_csv (PrehabStore  *store,
            const char   *today,
            GError      **error)
{
  g_autoptr (GBytes) bytes = prehab_export_to_bytes (store, PREHAB_EXPORT_CSV_ENTRIES, error);

  return bytes != NULL;
}

static gboolean
export_json (PrehabStore  *store,
             const char   *today,
             GError      **error)
{
  g_autoptr (GBytes) bytes = prehab_export_to_bytes (store, PREHAB_EXPORT_JSON, error);

  return bytes != NULL;
}

static int backfill_years;

static gboolean
backfill_then_decide (PrehabStore  *store,
                      const char   *today,
                      GError      **error)
{
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (PrehabEnrollment) enrollment = prehab_enrollment_load_active (store, error);
  g_autoptr (PrehabPlan) plan = NULL;
  g_autofree char *date = NULL;
  guint32 day;

  if (enrollment == NULL)
    return FALSE;

  day = backfill_years > 0 ? prehab_date_to_day (today) - backfill_years * 365
                           : prehab_date_to_day (enrollment->start_date) + 2;
  date = prehab_day_to_date (day);
  entry->logged_at = g_strdup_printf ("%s 23:59", date);
  entry->pain = 4;
  if (prehab_journal_add_entry (store, entry, error) == 0)
    return FALSE;

  /* Only the decision is timed. */
  bench_begin = g_get_monotonic_time ();
  plan = prehab_schedule_decide (store, today, error);
  return plan != NULL;
}

/* Every exercise's figure, as the Exercises view's cards load them. */
static gboolean
load_all_figures (PrehabStore  *store,
                  const char   *today,
                  GError      **error)
{
  g_autoptr (GListModel) exercises = prehab_exercise_load_all (store, error);

  if (exercises == NULL)
    return FALSE;

  bench_begin = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (exercises, i);
      g_autoptr (PrehabFigure) figure = prehab_figure_load (prehab_exercise_get_id (exercise), error);

      if (figure == NULL)
        return FALSE;
    }
  return TRUE;
}

static char **only;

static gboolean
measure (PrehabStore  *store,
         const char   *today,
         const char   *name,
         Measured      func,
         int           rounds,
         GError      **error)
{
  g_autofree double *ms = g_new (double, rounds);

  if (only != NULL && *only != NULL && !g_strv_contains ((const char * const *) only, name))
    return TRUE;

  if (!func (store, today, error))
    return FALSE;

  for (int i = 0; i < rounds; i++)
    {
      bench_begin = g_get_monotonic_time ();
      if (!func (store, today, error))
        return FALSE;
      ms[i] = (g_get_monotonic_time () - bench_begin) / 1000.0;
    }

  qsort (ms, rounds, sizeof (double), compare_doubles);
  printf ("%s %.3f %.3f\n", name, ms[rounds / 2], ms[0]);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *today = prehab_date_dup_today ();
  int rounds = argc > 2 ? atoi (argv[2]) : 20;

  if (argc < 2 || rounds < 1)
    {
      fprintf (stderr, "Usage: bench-core DATA_DIR [ROUNDS [NAME...]]\n");
      return 2;
    }
  only = argc > 3 ? argv + 3 : NULL;

  report_path = g_build_filename (argv[1], "report.pdf", NULL);
  store = prehab_catalog_open_store (argv[1], &error);
  if (store == NULL ||
      !measure (store, today, "planner-decision", decide, rounds, &error) ||
      !measure (store, today, "calendar", load_calendar, rounds, &error) ||
      !measure (store, today, "figures-all", load_all_figures, MAX (rounds / 4, 1), &error) ||
      !measure (store, today, "list-all-entries", list_all_entries, MAX (rounds / 10, 1), &error) ||
      !measure (store, today, "export-csv-entries", export_csv, MAX (rounds / 4, 1), &error) ||
      !measure (store, today, "export-json", export_json, MAX (rounds / 10, 1), &error) ||
      !measure (store, today, "report-gather-8-weeks", gather_report, MAX (rounds / 4, 1), &error) ||
      !measure (store, today, "report-pdf-ten-years", write_report_ten_years, MAX (rounds / 10, 1), &error) ||
      !(backfill_years = 5, measure (store, today, "planner-after-backfill-5y", backfill_then_decide,
                                     MAX (rounds / 4, 3), &error)) ||
      !(backfill_years = 0, measure (store, today, "planner-after-backfill-start", backfill_then_decide,
                                     MAX (rounds / 4, 3), &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
