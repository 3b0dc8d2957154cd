/* prehab-import.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* Reading a JSON backup (prehab-export.h) back: the whole file is parsed
 * and checked first (prehab_backup_load_*), then written in one
 * transaction (prehab_backup_apply). */

/* The largest backup read: ten years of daily use take about 10 MB. */
#define PREHAB_BACKUP_MAX_BYTES (256 * 1024 * 1024)

#define PREHAB_IMPORT_ERROR (prehab_import_error_quark ())

typedef enum
{
  PREHAB_IMPORT_ERROR_NOT_FOUND,     /* no such file */
  PREHAB_IMPORT_ERROR_READ,          /* the file could not be read */
  PREHAB_IMPORT_ERROR_EMPTY,         /* nothing in it */
  PREHAB_IMPORT_ERROR_TOO_LARGE,     /* over PREHAB_BACKUP_MAX_BYTES */
  PREHAB_IMPORT_ERROR_TRUNCATED,     /* ends in the middle */
  PREHAB_IMPORT_ERROR_NOT_JSON,      /* not JSON, or nested absurdly deep */
  PREHAB_IMPORT_ERROR_NOT_BACKUP,    /* JSON, but not a Prehab backup */
  PREHAB_IMPORT_ERROR_NEWER_VERSION, /* made by a newer Prehab */
  PREHAB_IMPORT_ERROR_INVALID,       /* a field's type, range or reference */
} PrehabImportError;

typedef enum
{
  PREHAB_IMPORT_MERGE,    /* add what the journal does not have yet */
  PREHAB_IMPORT_REPLACE,  /* the person's data becomes the file's */
} PrehabImportMode;

/* What a checked backup holds, to show before importing it. */
typedef struct
{
  guint  n_enrollments;
  guint  n_own_triggers;
  guint  n_entries;
  guint  n_sessions;
  guint  n_decisions;
  guint  n_movement_breaks;
  char  *first_date;  /* YYYY-MM-DD of the first entry or session; NULL: none */
  char  *last_date;
} PrehabBackupInfo;

/* What an import did. */
typedef struct
{
  guint entries_added;
  guint entries_skipped;       /* already in the journal */
  guint sessions_added;
  guint sessions_skipped;
  guint enrollments_added;
  guint enrollments_skipped;
  guint triggers_added;
  guint triggers_skipped;
  guint decisions_added;
  guint decisions_skipped;
  guint movement_breaks_added;
  guint movement_breaks_skipped;
} PrehabImportSummary;

typedef struct _PrehabBackup PrehabBackup;

GQuark                  prehab_import_error_quark       (void);
PrehabBackup           *prehab_backup_load_bytes        (GBytes                    *contents,
                                                         PrehabStore               *store,
                                                         GError                   **error);
PrehabBackup           *prehab_backup_load_file         (const char                *path,
                                                         PrehabStore               *store,
                                                         GError                   **error);
const PrehabBackupInfo *prehab_backup_get_info          (const PrehabBackup        *backup);
gboolean                prehab_backup_apply             (PrehabBackup              *backup,
                                                         PrehabStore               *store,
                                                         PrehabImportMode           mode,
                                                         PrehabImportSummary       *summary,
                                                         GError                   **error);
void                    prehab_backup_free              (PrehabBackup              *backup);
char                   *prehab_backup_info_dup_text     (const PrehabBackupInfo    *info);
char                   *prehab_import_summary_dup_text  (const PrehabImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabBackup, prehab_backup_free)

G_END_DECLS
