/* prehab-bench.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void prehab_bench_watch_window (GtkWindow *window);

G_END_DECLS
