/* prehab-cli-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prehab-cli.h"

#include "prehab-schedule.h"

G_BEGIN_DECLS

/* Shared by the verbs' files: every verb takes the data folder (or NULL)
 * and its own arguments, "prehab VERB" first, and returns its exit status. */

int prehab_cli_fail            (PrehabCliExit   status,
                                const char     *message);
int prehab_cli_fail_with_error (const GError   *error);
int prehab_cli_finish_output   (void);
gboolean prehab_cli_parse_pain (const char     *option,
                                const char     *text,
                                int            *pain,
                                GError        **error);
int prehab_cli_parse_options   (const char     *verb,
                                const char     *description,
                                GOptionEntry   *entries,
                                int            *argc,
                                char         ***argv);

int prehab_cli_run_start       (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_done        (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_status      (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_log         (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_export      (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_import      (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_report      (const char     *data_dir,
                                int             argc,
                                char          **argv);
int prehab_cli_run_render_figure (const char   *data_dir,
                                  int           argc,
                                  char        **argv);

G_END_DECLS
