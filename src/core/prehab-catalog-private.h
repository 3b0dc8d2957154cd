/* prehab-catalog-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The catalog as parsed from data/content/catalog.xml, checked and ready to
 * be synced into the store. Shared by the parser (prehab-catalog-parser.c)
 * and the sync (prehab-catalog.c) only. */

typedef struct
{
  char *id;
  char *name;
} CatalogNamed;

typedef struct
{
  char     *ref;
  int       group;
  gboolean  optional;
} CatalogUse;

typedef struct
{
  char      *id;
  char      *name;
  char      *summary;
  char      *category;
  char      *position;
  char     **phases;
  char     **movements;
  char     **planes;
  int        sets;
  int        reps;
  int        hold_s;
  int        duration_s;
  gboolean   per_side;
  char      *tempo;
  int        rest_s;
  GPtrArray *uses;      /* CatalogUse */
  GPtrArray *steps;
  GPtrArray *cues;
  GPtrArray *cautions;
  GPtrArray *easier;
  GPtrArray *harder;
} CatalogExercise;

typedef struct
{
  char *kind;
  char *ref;
  int   sets;
  int   reps;
  int   hold_s;
  int   duration_s;
} CatalogItem;

typedef struct
{
  int        number;
  char      *phase;
  char      *focus;
  GPtrArray *items;  /* CatalogItem */
} CatalogWeek;

typedef struct
{
  char      *id;
  char      *name;
  char      *description;
  int        weeks;
  GPtrArray *week_list;  /* CatalogWeek */
} CatalogProgram;

typedef struct
{
  GPtrArray *equipment;  /* CatalogNamed */
  GPtrArray *triggers;   /* CatalogNamed */
  GPtrArray *exercises;  /* CatalogExercise */
  GPtrArray *programs;   /* CatalogProgram */
  char      *checksum;   /* set by the sync: SHA-256 of the XML */

  /* Parser state */
  GString   *text;
  gboolean   in_text;
  char      *session_kind;
} PrehabCatalogData;

PrehabCatalogData *prehab_catalog_data_parse (GBytes            *content,
                                              GError           **error);
void               prehab_catalog_data_free  (PrehabCatalogData *catalog);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabCatalogData, prehab_catalog_data_free)

G_END_DECLS
