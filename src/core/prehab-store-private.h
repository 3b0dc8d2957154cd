/* prehab-store-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "prehab-store.h"

G_BEGIN_DECLS

/* Only src/core/ and the unit tests include this header: everything that
 * touches SQL lives in core. */

/* A cached prepared statement, borrowed from the store. g_autoptr() resets it
 * and clears its bindings when it goes out of scope. */
typedef sqlite3_stmt PrehabStatement;

void             prehab_statement_release  (PrehabStatement  *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabStatement, prehab_statement_release)

PrehabStatement *prehab_store_prepare      (PrehabStore      *self,
                                            const char       *sql,
                                            GError          **error);
gboolean         prehab_store_step_done    (PrehabStore      *self,
                                            PrehabStatement  *stmt,
                                            GError          **error);
int              prehab_store_step_row     (PrehabStore      *self,
                                            PrehabStatement  *stmt,
                                            GError          **error);
gboolean         prehab_store_exec_script  (PrehabStore      *self,
                                            const char       *sql,
                                            GError          **error);
gboolean         prehab_store_set_error    (PrehabStore      *self,
                                            int               rc,
                                            GError          **error);
sqlite3         *prehab_store_get_db       (PrehabStore      *self);

/* For tests: open with an explicit list of migration scripts (index 0 is
 * version 1) instead of the ones in the GResource. */
PrehabStore     *prehab_store_open_with_migrations (const char          *data_dir,
                                                    const char * const  *migrations,
                                                    GError             **error);

/* Binds text or NULL. */
void             prehab_statement_bind_text (PrehabStatement *stmt,
                                             int              column,
                                             const char      *text);
/* Reads a column of catalog text in the current language ("" when empty). */
const char      *prehab_statement_get_translated (PrehabStatement *stmt,
                                                  int              column);
/* Reads a column as int, -1 when NULL. */
int              prehab_statement_get_int_or_unset (PrehabStatement *stmt,
                                                    int              column);

G_END_DECLS
