/* test-transfer-util.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prehab-enrollment.h"
#include "prehab-export.h"
#include "prehab-import.h"
#include "prehab-journal.h"
#include "prehab-schedule.h"
#include "prehab-test-util.h"

/* Shared by test-export.c and test-import.c: a journal with a little of
 * everything a person makes. "Today" is pinned in their main(). */

#define TRANSFER_TODAY "2026-03-22"
#define TRANSFER_START "2026-03-01"

static inline gint64
transfer_add_entry (PrehabStore        *store,
                    const char         *logged_at,
                    const char         *context,
                    int                 pain,
                    const char * const *regions,
                    const char * const *qualities,
                    const char * const *triggers,
                    const char         *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  gint64 id;

  entry->logged_at = g_strdup (logged_at);
  g_free (entry->context);
  entry->context = g_strdup (context);
  entry->pain = pain;
  entry->regions = g_strdupv ((char **) regions);
  entry->qualities = g_strdupv ((char **) qualities);
  entry->triggers = g_strdupv ((char **) triggers);
  g_free (entry->note);
  entry->note = g_strdup (note != NULL ? note : "");

  id = prehab_journal_add_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A program, entries with tags, own triggers and notes, two sessions, a
 * decision of the planner and a movement break. */
static inline void
transfer_fill_store (PrehabStore *store)
{
  g_autoptr (GError) error = NULL;
  const char *equipment[] = { "mat", "towel", "wall", NULL };
  const char *flags[] = { "night-pain", NULL };
  PrehabEnrollmentSettings settings = {
    .start_date = TRANSFER_START,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = equipment,
    .flags = flags,
  };
  const char *neck[] = { "neck", "between-shoulder-blades", NULL };
  const char *ache[] = { "ache", "stiffness", NULL };
  const char *triggers[] = { "sitting", "Wäsche, \"aufhängen\"", NULL };
  const char *own[] = { "Gardening; weeding", NULL };
  g_autoptr (PrehabPlan) plan = NULL;
  gint64 enrollment;

  enrollment = prehab_enrollment_start (store, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enrollment, >, 0);
  g_assert_true (prehab_enrollment_confirm_cleared (store, enrollment, &error));
  g_assert_no_error (error);

  transfer_add_entry (store, "2026-03-01 08:00", "morning", 5, neck, ache, triggers,
                      "Stiff, \"again\"\r\nafter the drive");
  transfer_add_entry (store, "2026-03-02 08:10", "morning", 4, NULL, NULL, own, "");
  transfer_add_entry (store, "2026-03-02 20:00", "evening", 3, neck, NULL, NULL,
                      "مرحبا — e\xcc\x81 🙂");

  g_assert_true (prehab_schedule_mark_done (store, "2026-03-02", NULL, 2, 3, &error));
  g_assert_no_error (error);
  g_assert_true (prehab_schedule_mark_done (store, "2026-03-03", NULL, -1, 1, &error));
  g_assert_no_error (error);

  plan = prehab_schedule_decide (store, "2026-03-04", &error);
  g_assert_no_error (error);
  g_assert_true (prehab_schedule_record_decision (store, plan, &error));
  g_assert_no_error (error);

  g_assert_cmpint (prehab_journal_add_movement_break (store, "2026-03-03 11:00:00", &error), >, 0);
  g_assert_no_error (error);
}

static inline GBytes *
transfer_export (PrehabStore        *store,
                 PrehabExportFormat  format)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = prehab_export_to_bytes (store, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static inline PrehabBackup *
transfer_load_text (PrehabStore  *store,
                    const char   *text,
                    GError      **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return prehab_backup_load_bytes (bytes, store, error);
}

static inline void
transfer_import (PrehabStore         *store,
                 GBytes              *bytes,
                 PrehabImportMode     mode,
                 PrehabImportSummary *summary)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabBackup) backup = prehab_backup_load_bytes (bytes, store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (prehab_backup_apply (backup, store, mode, summary, &error));
  g_assert_no_error (error);
}

/* A new journal in a folder of its own. */
static inline PrehabStore *
transfer_open_empty (char **dir)
{
  g_autoptr (GError) error = NULL;
  PrehabStore *store;

  *dir = prehab_test_make_dir ();
  store = prehab_catalog_open_store (*dir, &error);
  g_assert_no_error (error);
  return store;
}
