/* prehab-cli-report.c
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

#define G_LOG_DOMAIN "prehab-cli"

#include "config.h"

#include "prehab-cli-private.h"

#include <glib/gi18n.h>

#include "prehab-catalog.h"
#include "prehab-report.h"

/* The report verb: a PDF for a clinician. */

int
prehab_cli_run_report (const char  *data_dir,
                       int          argc,
                       char       **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write; required"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First day, YYYY-MM-DD (default: the program's start, at most eight weeks back)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day, YYYY-MM-DD (default: today; not in the future)"),
      N_("DATE") },
    { NULL }
  };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (PrehabReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *display = NULL;
  int status;

  status = prehab_cli_parse_options ("report",
                                     _("Write a report for a clinician as a PDF: the program, its phases, "
                                       "sessions, the pain trend, warning signs, doses and notes."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (output == NULL || output[0] == '\0')
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("--output is required: the PDF file to write"));

  /* Refuse bad dates before the store is even opened. */
  if (!prehab_report_check_range (from, to, &error))
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, error->message);

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  report = prehab_report_new (store, from, to, &error);
  if (report == NULL)
    {
      if (g_error_matches (error, PREHAB_REPORT_ERROR, PREHAB_REPORT_ERROR_INVALID_DATE))
        return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, error->message);
      return prehab_cli_fail_with_error (error);
    }

  if (!prehab_report_write_pdf (report, output, &error))
    return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, error->message);

  display = g_filename_display_name (output);
  /* Translators: the first %s is a file, the others dates */
  g_print (_("Wrote the report of %s to %s to %s.\n"), prehab_report_get_from (report),
           prehab_report_get_to (report), display);
  return prehab_cli_finish_output ();
}
