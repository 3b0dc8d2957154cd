/* fuzz-catalog.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The content catalog's parser (data/content/catalog.xml) on any bytes:
 * it must refuse what it cannot use, never crash or leak. */

#include "prehab-catalog-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabCatalogData) catalog = prehab_catalog_data_parse (bytes, &error);

  g_assert ((catalog == NULL) == (error != NULL));
  return 0;
}
