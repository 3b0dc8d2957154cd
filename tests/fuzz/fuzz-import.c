/* fuzz-import.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON backup's import on any bytes: the whole-file check must refuse
 * what it cannot use, with an error, and never crash or leak. A file it
 * accepts is applied (replacing the journal of a temporary store, so the
 * store stays small), and the journal it leaves must export to a backup
 * that is accepted in turn. */

#include "prehab-export.h"
#include "prehab-import.h"
#include "prehab-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PrehabStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("prehab-fuzz-import-XXXXXX", &error);

  g_assert_no_error (error);
  store = prehab_store_open (dir, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabBackup) backup = prehab_backup_load_bytes (bytes, store, &error);
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (PrehabBackup) again = NULL;
  PrehabImportSummary summary = { 0, };

  g_assert ((backup == NULL) == (error != NULL));
  if (backup == NULL)
    return 0;

  if (!prehab_backup_apply (backup, store, PREHAB_IMPORT_REPLACE, &summary, &error))
    {
      /* Refused as a whole (a rule only the journal can check). */
      g_assert_nonnull (error);
      return 0;
    }

  exported = prehab_export_to_bytes (store, PREHAB_EXPORT_JSON, &error);
  g_assert_no_error (error);
  again = prehab_backup_load_bytes (exported, store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  return 0;
}
