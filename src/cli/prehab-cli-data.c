/* prehab-cli-data.c
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
#include <stdio.h>

#include "prehab-catalog.h"
#include "prehab-export.h"
#include "prehab-import.h"

/* The data verbs: export and import. Both do all their work before they
 * write anything, so a failed verb leaves no file and no change. */

int
prehab_cli_run_export (const char  *data_dir,
                       int          argc,
                       char       **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *table = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("json (the full backup, the default) or csv (one table for spreadsheets)"), N_("FORMAT") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table,
      N_("With --format csv: entries (pain entries, the default) or sessions (one row per exercise of each session)"),
      N_("TABLE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (replaced whole, never left half-written); without it, standard output"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  PrehabExportFormat format = PREHAB_EXPORT_JSON;
  gconstpointer data;
  gsize size;
  int status;

  status = prehab_cli_parse_options ("export",
                                     _("Write the journal in open formats: the full backup as JSON, which “prehab import” reads back, or pain entries or sessions as CSV."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (format_name == NULL || g_str_equal (format_name, "json"))
    {
      if (table != NULL)
        return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("--table goes with --format csv"));
      format = PREHAB_EXPORT_JSON;
    }
  else if (g_str_equal (format_name, "csv"))
    {
      if (table == NULL || g_str_equal (table, "entries"))
        format = PREHAB_EXPORT_CSV_ENTRIES;
      else if (g_str_equal (table, "sessions"))
        format = PREHAB_EXPORT_CSV_SESSIONS;
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown table “%s”; use entries or sessions"),
                                                      table);
          return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
        }
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”; use json or csv"),
                                                  format_name);
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }

  if (output != NULL && *output == '\0')
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("--output needs a file name"));

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  bytes = prehab_export_to_bytes (store, format, &error);
  if (bytes == NULL)
    return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, error->message);

  if (output != NULL)
    {
      if (!prehab_export_write_file (output, bytes, &error))
        return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, error->message);
      return PREHAB_CLI_EXIT_OK;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size > 0 && fwrite (data, 1, size, stdout) != size)
    return prehab_cli_fail (PREHAB_CLI_EXIT_FAILURE, _("Could not write the output"));
  return prehab_cli_finish_output ();
}

int
prehab_cli_run_import (const char  *data_dir,
                       int          argc,
                       char       **argv)
{
  gboolean replace = FALSE;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace all of the journal's data with the backup's, instead of adding what is missing"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr (PrehabStore) store = NULL;
  g_autoptr (PrehabBackup) backup = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  PrehabImportSummary summary;
  int status;

  status = prehab_cli_parse_options ("import",
                                     _("Read a backup made by “prehab export” or the Export menu. By default only what the journal does not have yet is added (an entry with the same time, context, pain and note is already there); the whole file is checked first and a refused file changes nothing."),
                                     entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (files == NULL || files[0] == NULL)
    return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, _("Which backup? Give the file: prehab import FILE"));
  if (files[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s” for “%s”; see “prehab %s --help”"),
                                                  files[1], "import", "import");
      return prehab_cli_fail (PREHAB_CLI_EXIT_USAGE, message);
    }

  store = prehab_catalog_open_store (data_dir, &error);
  if (store == NULL)
    return prehab_cli_fail_with_error (error);

  backup = prehab_backup_load_file (files[0], store, &error);
  if (backup == NULL)
    return prehab_cli_fail (g_error_matches (error, PREHAB_IMPORT_ERROR, PREHAB_IMPORT_ERROR_READ)
                              ? PREHAB_CLI_EXIT_FAILURE : PREHAB_CLI_EXIT_USAGE,
                            error->message);

  if (!prehab_backup_apply (backup, store,
                            replace ? PREHAB_IMPORT_REPLACE : PREHAB_IMPORT_MERGE,
                            &summary, &error))
    return prehab_cli_fail_with_error (error);

  text = prehab_import_summary_dup_text (&summary);
  if (replace)
    /* Translators: %s is "Imported 42 entries and 10 sessions" */
    g_print (_("Replaced the journal's data with the backup. %s.\n"), text);
  else
    g_print ("%s.\n", text);

  return prehab_cli_finish_output ();
}
