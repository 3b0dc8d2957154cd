/* prehab-cli.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command-line contract. */
typedef enum
{
  PREHAB_CLI_EXIT_OK = 0,
  PREHAB_CLI_EXIT_FAILURE = 1,
  PREHAB_CLI_EXIT_USAGE = 2,
} PrehabCliExit;

gboolean prehab_cli_handles (int    argc,
                             char **argv);
int      prehab_cli_run     (int    argc,
                             char **argv);

G_END_DECLS
