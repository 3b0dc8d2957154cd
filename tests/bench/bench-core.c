/* bench-core.c: times the core's work on a long journal
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-core DATA_DIR [ROUNDS]
 *
 * On a journal written by make-history (with the same PREHAB_TODAY), runs
 * each measured call ROUNDS times and prints one line per measurement:
 * "NAME median_ms min_ms". The store is opened once; the first call of
 * each measurement is a warm-up and is not counted.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-journal.h"
#include "prehab-report.h"
#include "prehab-schedule.h"

typedef gboolean (*Measured) (PrehabStore *store, const char *today, GError **error);

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

static gboolean
measure (PrehabStore  *store,
         const char   *today,
         const char   *name,
         Measured      func,
         int           rounds,
         GError      **error)
{
  g_autofree double *ms = g_new (double, rounds);

  if (!func (store, today, error))
    return FALSE;

  for (int i = 0; i < rounds; i++)
    {
      gint64 begin = g_get_monotonic_time ();

      if (!func (store, today, error))
        return FALSE;
      ms[i] = (g_get_monotonic_time () - begin) / 1000.0;
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
      fprintf (stderr, "Usage: bench-core DATA_DIR [ROUNDS]\n");
      return 2;
    }

  report_path = g_build_filename (argv[1], "report.pdf", NULL);
  store = prehab_catalog_open_store (argv[1], &error);
  if (store == NULL ||
      !measure (store, today, "planner-decision", decide, rounds, &error) ||
      !measure (store, today, "calendar", load_calendar, rounds, &error) ||
      !measure (store, today, "list-all-entries", list_all_entries, MAX (rounds / 10, 1), &error) ||
      !measure (store, today, "report-gather-8-weeks", gather_report, MAX (rounds / 4, 1), &error) ||
      !measure (store, today, "report-pdf-ten-years", write_report_ten_years, MAX (rounds / 10, 1), &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
