/* test-report-print.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-journal.h"
#include "prehab-report-actions.h"
#include "../unit/prehab-test-util.h"

/* The printed report: the print operation the window runs, exported to a
 * PDF file (GtkPrintOperation's export-filename), must have the pages and
 * text of the report's own PDF. The PDF is read back with poppler-utils. */

#define TODAY "2026-03-20"

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  char *output = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

static guint
count_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + 6, NULL, 10);
}

static void
prepare (PrehabStore *store)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = { 0 };

  settings.start_date = "2026-02-20";
  settings.training_days = PREHAB_TRAINING_DAYS_DEFAULT;
  g_assert_cmpint (prehab_enrollment_start (store, &settings, &error), >, 0);
  g_assert_no_error (error);

  for (int i = 0; i < 20; i++)
    {
      g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
      g_autofree char *date = prehab_day_to_date (prehab_date_to_day ("2026-02-20") + i);

      entry->logged_at = g_strdup_printf ("%s 07:30", date);
      entry->context = g_strdup ("morning");
      entry->pain = 3 + i % 3;
      entry->note = g_strdup_printf ("Printed note %d: stiff in the morning, better after the stretches.", i);
      g_assert_cmpint (prehab_journal_add_entry (store, entry, &error), >, 0);
      g_assert_no_error (error);
    }
}

static void
test_print_matches_pdf (PrehabTestStore *fixture,
                        gconstpointer    data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabReport) report = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (fixture->dir, "written.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *written_text = NULL;
  g_autofree char *name = prehab_report_dup_suggested_name ();
  guint n_pages;

  g_assert_cmpstr (name, ==, "prehab-report-" TODAY ".pdf");

  prepare (fixture->store);
  report = prehab_report_new (fixture->store, NULL, NULL, &error);
  g_assert_no_error (error);
  n_pages = prehab_report_get_n_pages (report, PREHAB_REPORT_A4_WIDTH, PREHAB_REPORT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_true (prehab_report_write_pdf (report, written, &error));
  g_assert_no_error (error);

  operation = prehab_report_print_operation_new (report);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_cmpuint (count_pages (printed), ==, n_pages);
  g_assert_cmpuint (count_pages (written), ==, n_pages);
  printed_text = run_tool ("pdftotext", printed);
  written_text = run_tool ("pdftotext", written);
  g_assert_nonnull (strstr (printed_text, "Printed note 19: stiff in the morning"));
  g_assert_nonnull (strstr (printed_text, "not a diagnosis"));
  g_assert_nonnull (strstr (printed_text, "page 2 of"));
  /* Same layout, page by page: the same text, whatever drew it. */
  g_assert_cmpstr (printed_text, ==, written_text);

  /* To look at the printed pages: REPORT_PRINT_COPY=/tmp/printed.pdf */
  if (g_getenv ("REPORT_PRINT_COPY") != NULL)
    {
      g_autoptr (GFile) from = g_file_new_for_path (printed);
      g_autoptr (GFile) to = g_file_new_for_path (g_getenv ("REPORT_PRINT_COPY"));

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/report/print-matches-pdf", PrehabTestStore, NULL,
              prehab_test_store_set_up, test_print_matches_pdf, prehab_test_store_tear_down);

  return g_test_run ();
}
