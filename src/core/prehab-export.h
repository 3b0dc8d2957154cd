/* prehab-export.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* The person's data in open formats: the full JSON backup (read back by
 * prehab-import.h) and two CSV tables for spreadsheets. HACKING.md
 * "Export and import" and docs/backup-format.md describe the formats. */

#define PREHAB_BACKUP_FORMAT  "prehab-backup"
#define PREHAB_BACKUP_VERSION 1

typedef enum
{
  PREHAB_EXPORT_JSON,
  PREHAB_EXPORT_CSV_ENTRIES,
  PREHAB_EXPORT_CSV_SESSIONS,
} PrehabExportFormat;

#define PREHAB_EXPORT_ERROR (prehab_export_error_quark ())

typedef enum
{
  PREHAB_EXPORT_ERROR_WRITE,  /* the file could not be written */
} PrehabExportError;

GQuark      prehab_export_error_quark     (void);
gboolean    prehab_export_format_parse    (const char          *name,
                                           PrehabExportFormat  *format);
const char *prehab_export_format_to_string (PrehabExportFormat  format);
char       *prehab_export_dup_file_name   (PrehabExportFormat  format,
                                           const char         *date);
GBytes     *prehab_export_to_bytes        (PrehabStore         *store,
                                           PrehabExportFormat   format,
                                           GError             **error);
gboolean    prehab_export_write_file      (const char          *path,
                                           GBytes              *contents,
                                           GError             **error);
gboolean    prehab_export_to_file         (PrehabStore         *store,
                                           PrehabExportFormat   format,
                                           const char          *path,
                                           GError             **error);

G_END_DECLS
