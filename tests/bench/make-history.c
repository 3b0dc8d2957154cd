/* make-history.c: writes a journal of many years of daily use, for the
 * benchmarks
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: make-history DATA_DIR [YEARS]
 *
 * With PREHAB_TODAY set, starts the program YEARS (default 10) years
 * before today and fills every day since with three pain ratings
 * (morning, after the session, evening; triggers, regions and qualities
 * drawn from a fixed seed, so every run writes the same journal), a
 * session with its exercises, and a few movement breaks. It uses the same
 * core calls as the app, in one transaction.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-journal.h"

typedef struct
{
  gint64  enrollment_id;
  guint32 first_day;
  guint32 last_day;
  GRand  *rand;
  guint   entries;
  guint   sessions;
} History;

static const char *triggers[] = {
  "sitting", "computer-work", "driving", "phone", "reading", "stress",
  "sleep-position", "lifting", "Carrying the toddler", "Long meetings",
};
static const char *regions[] = {
  "neck", "between-shoulder-blades", "mid-back-left", "mid-back-right",
  "shoulder-left", "shoulder-right",
};
static const char *qualities[] = { "ache", "stiffness" };
static const char *contexts[] = { "morning", "after", "evening" };
static const char *times[] = { "07:30", "13:10", "21:45" };
static const char *exercises[] = { "cat-cow", "side-lying-open-book", "diaphragmatic-breathing" };

static GStrv
pick (GRand              *rand,
      const char * const *from,
      guint               n_from,
      guint               most)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_rand_int_range (rand, 0, most + 1);
  guint start = g_rand_int_range (rand, 0, n_from);

  for (guint i = 0; i < n && i < n_from; i++)
    g_strv_builder_add (builder, from[(start + i) % n_from]);

  return g_strv_builder_end (builder);
}

static gboolean
add_day (PrehabStore  *store,
         History      *history,
         guint32       day,
         GError      **error)
{
  g_autofree char *date = prehab_day_to_date (day);
  g_autoptr (PrehabSession) session = prehab_session_new ();
  /* Pain eases over the first months and then wanders around 2. */
  int level = day - history->first_day < 120 ? 5 - (int) (day - history->first_day) / 40 : 2;

  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    {
      g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();

      entry->logged_at = g_strdup_printf ("%s %s", date, times[i]);
      entry->context = g_strdup (contexts[i]);
      entry->pain = CLAMP (level + g_rand_int_range (history->rand, -1, 3), 0, 10);
      entry->note = g_rand_int_range (history->rand, 0, 4) == 0
                    ? g_strdup ("Stiff after a long afternoon at the desk; better after a walk.")
                    : g_strdup ("");
      entry->regions = pick (history->rand, regions, G_N_ELEMENTS (regions), 2);
      entry->qualities = pick (history->rand, qualities, G_N_ELEMENTS (qualities), 1);
      entry->flags = g_new0 (char *, 1);
      entry->triggers = pick (history->rand, triggers, G_N_ELEMENTS (triggers), 2);
      if (prehab_journal_add_entry (store, entry, error) == 0)
        return FALSE;
      history->entries++;
    }

  session->date = g_strdup (date);
  session->status = PREHAB_SESSION_DONE;
  session->pain_during = CLAMP (level, 0, 10);
  session->pain_after = CLAMP (level - 1, 0, 10);
  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    {
      PrehabSessionExercise exercise = {
        .exercise_id = g_strdup (exercises[i]),
        .planned = { .sets = 1, .reps = 8 },
        .completed = TRUE,
      };

      g_array_append_val (session->exercises, exercise);
    }
  if (!prehab_journal_save_session (store, history->enrollment_id, session, error))
    return FALSE;
  history->sessions++;

  return TRUE;
}

static gboolean
fill_cb (PrehabStore  *store,
         gpointer      user_data,
         GError      **error)
{
  History *history = user_data;

  for (guint32 day = history->first_day; day <= history->last_day; day++)
    if (!add_day (store, history, day, error))
      return FALSE;

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabStore) store = NULL;
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *start = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261121);
  PrehabEnrollmentSettings settings = { 0 };
  History history = { 0 };
  int years = argc > 2 ? atoi (argv[2]) : 10;

  if (argc < 2 || years < 1 || years > 50)
    {
      fprintf (stderr, "Usage: make-history DATA_DIR [YEARS]\n");
      return 2;
    }

  store = prehab_catalog_open_store (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* Up to yesterday: today's evening has not come yet. */
  history.last_day = prehab_date_to_day (today) - 1;
  history.first_day = history.last_day - (guint32) (years * 365.25);
  history.rand = rand;
  start = prehab_day_to_date (history.first_day);

  settings.start_date = start;
  settings.training_days = PREHAB_TRAINING_DAYS_DEFAULT;
  settings.equipment = prehab_default_equipment ();
  history.enrollment_id = prehab_enrollment_start (store, &settings, &error);
  if (history.enrollment_id == 0 ||
      !prehab_store_transaction (store, fill_cb, &history, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("%s: %u days from %s, %u entries, %u sessions\n", argv[1],
          history.last_day - history.first_day + 1, start, history.entries, history.sessions);
  return 0;
}
