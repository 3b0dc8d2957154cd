/* prehab-log-dialog.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_LOG_DIALOG (prehab_log_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PrehabLogDialog, prehab_log_dialog, PREHAB, LOG_DIALOG, AdwWindow)

PrehabLogDialog *prehab_log_dialog_new          (PrehabStore      *store);
PrehabLogDialog *prehab_log_dialog_new_for_entry (PrehabStore     *store,
                                                  gint64           entry_id,
                                                  GError         **error);
gint64           prehab_log_dialog_get_entry_id (PrehabLogDialog  *self);
int              prehab_log_dialog_get_pain     (PrehabLogDialog  *self);
void             prehab_log_dialog_set_pain     (PrehabLogDialog  *self,
                                                 int               pain);

G_END_DECLS
