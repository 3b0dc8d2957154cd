/* prehab-application.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREHAB_TYPE_APPLICATION (prehab_application_get_type ())

G_DECLARE_FINAL_TYPE (PrehabApplication, prehab_application, PREHAB, APPLICATION, AdwApplication)

PrehabApplication *prehab_application_new (void);

G_END_DECLS
