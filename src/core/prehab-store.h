/* prehab-store.h
 *
 * Copyright 2026 The Prehab authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PREHAB_STORE_ERROR (prehab_store_error_quark ())

typedef enum
{
  PREHAB_STORE_ERROR_OPEN,
  PREHAB_STORE_ERROR_NEWER_VERSION,
  PREHAB_STORE_ERROR_CORRUPT,
  PREHAB_STORE_ERROR_MIGRATION,
  PREHAB_STORE_ERROR_BUSY,
  PREHAB_STORE_ERROR_NO_SPACE,
  PREHAB_STORE_ERROR_READ_ONLY,
  PREHAB_STORE_ERROR_CONSTRAINT,
  PREHAB_STORE_ERROR_INVALID,
  PREHAB_STORE_ERROR_FAILED,
} PrehabStoreError;

#define PREHAB_TYPE_STORE (prehab_store_get_type ())

G_DECLARE_FINAL_TYPE (PrehabStore, prehab_store, PREHAB, STORE, GObject)

/**
 * PrehabStoreTransactionFunc:
 * @store: the store, inside a transaction
 * @user_data: data passed to prehab_store_transaction()
 * @error: return location for an error
 *
 * Does the writes of one transaction. Returning %FALSE rolls all of them back.
 */
typedef gboolean (*PrehabStoreTransactionFunc) (PrehabStore  *store,
                                                gpointer      user_data,
                                                GError      **error);

GQuark       prehab_store_error_quark          (void);
char        *prehab_store_dup_default_data_dir (void);
PrehabStore *prehab_store_open                 (const char                 *data_dir,
                                                GError                    **error);
const char  *prehab_store_get_path             (PrehabStore                *self);
const char  *prehab_store_get_data_dir         (PrehabStore                *self);
const char  *prehab_store_get_backup_dir       (PrehabStore                *self);
int          prehab_store_get_schema_version   (PrehabStore                *self);
int          prehab_store_get_latest_version   (void);
const char  *prehab_store_get_sqlite_version   (void);
gint64       prehab_store_get_data_version     (PrehabStore                *self);
gboolean     prehab_store_transaction          (PrehabStore                *self,
                                                PrehabStoreTransactionFunc  func,
                                                gpointer                    user_data,
                                                GError                    **error);
GPtrArray   *prehab_store_list_backups         (const char                 *data_dir);
gboolean     prehab_store_restore_backup       (const char                 *data_dir,
                                                const char                 *backup_path,
                                                char                      **aside_path,
                                                GError                    **error);
char        *prehab_store_dup_meta             (PrehabStore                *self,
                                                const char                 *key,
                                                GError                    **error);
gboolean     prehab_store_set_meta             (PrehabStore                *self,
                                                const char                 *key,
                                                const char                 *value,
                                                GError                    **error);

G_END_DECLS
