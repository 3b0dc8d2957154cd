/* prehab-body-map.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREHAB_TYPE_BODY_MAP (prehab_body_map_get_type ())

G_DECLARE_FINAL_TYPE (PrehabBodyMap, prehab_body_map, PREHAB, BODY_MAP, GtkWidget)

GtkWidget  *prehab_body_map_new                 (void);
GStrv       prehab_body_map_dup_selected        (PrehabBodyMap      *self);
void        prehab_body_map_set_selected        (PrehabBodyMap      *self,
                                                 const char * const *regions);
gboolean    prehab_body_map_get_region_selected (PrehabBodyMap      *self,
                                                 const char         *region);
void        prehab_body_map_set_region_selected (PrehabBodyMap      *self,
                                                 const char         *region,
                                                 gboolean            selected);
const char *prehab_body_map_region_at           (PrehabBodyMap      *self,
                                                 double              x,
                                                 double              y);
gboolean    prehab_body_map_get_region_point    (PrehabBodyMap      *self,
                                                 const char         *region,
                                                 double             *x,
                                                 double             *y);
GtkWidget  *prehab_body_map_get_toggle          (PrehabBodyMap      *self,
                                                 const char         *region);
GtkWidget  *prehab_body_map_get_figure          (PrehabBodyMap      *self);

G_END_DECLS
