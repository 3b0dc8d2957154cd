/* prehab-onboarding.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prehab-enrollment.h"
#include "prehab-store.h"

G_BEGIN_DECLS

#define PREHAB_TYPE_ONBOARDING (prehab_onboarding_get_type ())

G_DECLARE_FINAL_TYPE (PrehabOnboarding, prehab_onboarding, PREHAB, ONBOARDING, AdwWindow)

PrehabOnboarding *prehab_onboarding_new (PrehabStore            *store,
                                         const PrehabEnrollment *current);

G_END_DECLS
