/* prehab-report.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* The report for a clinician: gathered from the store once, then drawn
 * with cairo page by page, the same drawing for a PDF file and a printer.
 * Sizes are in points (1/72 inch). */

/* A4, the default page of prehab_report_write_pdf(). */
#define PREHAB_REPORT_A4_WIDTH  595.2756
#define PREHAB_REPORT_A4_HEIGHT 841.8898

/* The most notes a report lists: the latest ones of its range. */
#define PREHAB_REPORT_MAX_NOTES 200

#define PREHAB_REPORT_ERROR (prehab_report_error_quark ())

typedef enum
{
  PREHAB_REPORT_ERROR_INVALID_DATE,  /* malformed, in the future, or from after to */
  PREHAB_REPORT_ERROR_WRITE,         /* the file could not be written */
} PrehabReportError;

#define PREHAB_TYPE_REPORT (prehab_report_get_type ())

G_DECLARE_FINAL_TYPE (PrehabReport, prehab_report, PREHAB, REPORT, GObject)

GQuark        prehab_report_error_quark (void);
gboolean      prehab_report_check_range (const char   *from,
                                         const char   *to,
                                         GError      **error);
PrehabReport *prehab_report_new         (PrehabStore  *store,
                                         const char   *from,
                                         const char   *to,
                                         GError      **error);
const char   *prehab_report_get_from    (PrehabReport *self);
const char   *prehab_report_get_to      (PrehabReport *self);
guint         prehab_report_get_n_pages (PrehabReport *self,
                                         double        page_width,
                                         double        page_height);
void          prehab_report_draw_page   (PrehabReport *self,
                                         cairo_t      *cr,
                                         guint         page,
                                         double        page_width,
                                         double        page_height);
gboolean      prehab_report_write_pdf   (PrehabReport *self,
                                         const char   *path,
                                         GError      **error);

G_END_DECLS
