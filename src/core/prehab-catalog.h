/* prehab-catalog.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prehab-store.h"

G_BEGIN_DECLS

GBytes      *prehab_catalog_dup_builtin_content (void);
gboolean     prehab_catalog_sync                (PrehabStore  *store,
                                                 GBytes       *content,
                                                 gboolean     *changed,
                                                 GError      **error);
PrehabStore *prehab_catalog_open_store          (const char   *data_dir,
                                                 GError      **error);

G_END_DECLS
