/* prehab-data-transfer.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-export.h"
#include "prehab-import.h"

G_BEGIN_DECLS

/* Export and import from the window (win.export, win.import). Choosing the
 * file is separate from the work, so tests can hand a GFile straight to
 * the second half. */

/* Called after an import changed the journal, so every view reloads. */
typedef void (*PrehabDataChangedFunc) (gpointer user_data);

typedef struct
{
  GtkWindow             *parent;
  PrehabStore           *store;
  AdwToastOverlay       *toasts;
  GSettings             *settings;   /* nullable: backup-folder */
  PrehabDataChangedFunc  changed;
  gpointer               changed_data;
} PrehabDataTransfer;

void       prehab_data_transfer_choose_export (const PrehabDataTransfer *transfer,
                                               PrehabExportFormat        format);
void       prehab_data_transfer_choose_import (const PrehabDataTransfer *transfer);
void       prehab_data_transfer_export_file   (const PrehabDataTransfer *transfer,
                                               PrehabExportFormat        format,
                                               GFile                    *file,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean   prehab_data_transfer_export_finish (GAsyncResult             *result,
                                               GError                  **error);
GtkWindow *prehab_data_transfer_import_file   (const PrehabDataTransfer *transfer,
                                               GFile                    *file);

G_END_DECLS
