/* prehab-report-actions.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prehab-report.h"

G_BEGIN_DECLS

/* The window's report actions: win.save-report (a PDF through a file
 * chooser) and win.print-report (the print dialog). Both read the store
 * from the window's "store" property. */

void               prehab_report_actions_install        (GtkWidgetClass *widget_class);
GtkPrintOperation *prehab_report_print_operation_new    (PrehabReport   *report);
char              *prehab_report_dup_suggested_name     (void);

G_END_DECLS
