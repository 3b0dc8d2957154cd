/* test-planner-checkpoint.c: saved replay states change no decision
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * prehab_schedule_decide() resumes the planner from the newest saved state
 * before the day it decides. These tests build seeded random histories day
 * by day through the same calls as the app (ratings with qualities and
 * warning signs, done, partial and skipped sessions, gaps, back-filled,
 * edited and deleted entries, changed equipment and training days,
 * clearances) and check that every decision equals the one of a full
 * replay from the start date, field by field; and that each kind of write
 * drops the states it could make wrong.
 */

#include "config.h"

#include <string.h>

#include "prehab-catalog.h"
#include "prehab-schedule.h"
#include "prehab-store-private.h"
#include "prehab-test-util.h"

typedef PrehabTestStore Fixture;

/* Every field of a plan, as text to compare. */
static char *
plan_to_string (const PrehabPlan *plan)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          "enrollment %" G_GINT64_FORMAT " day %u week %d/%d index %d "
                          "phase %d>%d decision %d alert %d clinician %d training %d "
                          "baseline %.17g\nfocus %s\n",
                          plan->enrollment_id, plan->day, plan->week, plan->day_in_week,
                          plan->day_index, plan->phase_from, plan->phase, plan->decision,
                          plan->alert, plan->see_clinician, plan->training, plan->baseline,
                          plan->focus);
  for (guint i = 0; i < plan->reasons->len; i++)
    g_string_append_printf (text, "reason %s\n", (const char *) plan->reasons->pdata[i]);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);
      const PrehabDose *dose = &item->dose;

      g_string_append_printf (text, "item %s %d×%d hold %d for %d side %d tempo %d-%d rest %d "
                              "strength %d replaces %s cue %s\n",
                              item->exercise_id, dose->sets, dose->reps, dose->hold_s,
                              dose->duration_s, dose->per_side, dose->tempo_out_s,
                              dose->tempo_back_s, dose->rest_s, item->strength,
                              item->replaces ? item->replaces : "-", item->cue ? item->cue : "-");
    }

  return g_string_free (text, FALSE);
}

static char *
decide_with_states (PrehabStore *store,
                    const char  *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) plan = prehab_schedule_decide (store, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan_to_string (plan);
}

typedef struct
{
  const char *date;
  char       *answer;
} Reference;

static gboolean
reference_cb (PrehabStore  *store,
              gpointer      user_data,
              GError      **error)
{
  Reference *reference = user_data;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PrehabPlan) plan = NULL;

  prehab_test_exec (store, "DELETE FROM planner_checkpoint");
  plan = prehab_schedule_decide (store, reference->date, &local_error);
  g_assert_no_error (local_error);
  g_assert_nonnull (plan);
  reference->answer = plan_to_string (plan);

  /* Leave the states as they were. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "rolled back");
  return FALSE;
}

/* The decision of a full replay from the start date, leaving the store as
 * it was. */
static char *
decide_from_start (PrehabStore *store,
                   const char  *date)
{
  Reference reference = { date, NULL };
  g_autoptr (GError) error = NULL;

  g_assert_false (prehab_store_transaction (store, reference_cb, &reference, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  return reference.answer;
}

static gint64
states_from (PrehabStore *store,
             const char  *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM planner_checkpoint "
                                          "WHERE day >= '%s'", date);

  return prehab_test_count (store, sql);
}

static gint64
states_before (PrehabStore *store,
               const char  *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM planner_checkpoint "
                                          "WHERE day < '%s'", date);

  return prehab_test_count (store, sql);
}

static void
set_today (guint32 day)
{
  g_autofree char *date = prehab_day_to_date (day);

  g_setenv ("PREHAB_TODAY", date, TRUE);
}

static gint64
start_program (PrehabStore *store,
               const char  *start_date)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = start_date,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };
  gint64 id = prehab_enrollment_start (store, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Random histories ---------------------------------------------------------- */

static const char * const exercise_ids[] = {
  "cat-cow", "seated-thoracic-extension", "deadlift", "goblet-squat", "foam-roller-mid-back",
  "reverse-fly", "band-pull-apart", "swiss-ball-snow-angels", "side-plank", "bird-dog",
  "single-arm-row", "superman", "thread-the-needle-open-book", "side-lying-open-book",
  "wall-thoracic-rotation", "wedge-extension-lie", "diaphragmatic-breathing", "childs-pose",
};

static const char * const equipment_ids[] = {
  "mat", "towel", "chair", "wall", "door-frame", "foam-roller", "band", "dumbbell",
  "swiss-ball", "wedge", "kettlebell",
};

typedef struct
{
  GRand       *rand;
  PrehabStore *store;
  gint64       enrollment_id;
  guint32      start;
  GArray      *entries;      /* ids of entries logged */
  double       level;        /* the drifting pain level */
  int          gap_left;     /* days left of a gap without sessions */
  gboolean     stopped;      /* a warning sign or numbness was logged */
  double       flag_rate;
  double       quality_rate;
  double       gap_rate;
  int          gap_max;      /* longest gap, in days */
  gboolean     every_morning;
} History;

static gboolean
chance (History *history,
        double   p)
{
  return g_rand_double (history->rand) < p;
}

static int
random_pain (History *history,
             double   offset)
{
  double pain = history->level + offset + g_rand_double_range (history->rand, -1.5, 1.5);

  return CLAMP ((int) (pain + 0.5), 0, 10);
}

static gint64
log_entry (History    *history,
           guint32     day,
           const char *time,
           const char *context,
           int         pain,
           gint64      session_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autofree char *date = prehab_day_to_date (day);
  g_autoptr (GPtrArray) qualities = g_ptr_array_new ();
  gint64 id;

  entry->logged_at = g_strdup_printf ("%s %s", date, time);
  g_free (entry->context);
  entry->context = g_strdup (context);
  entry->pain = pain;
  entry->session_id = session_id;

  if (chance (history, history->quality_rate))
    g_ptr_array_add (qualities, (gpointer) (chance (history, 0.5) ? "sharp" : "burning"));
  if (chance (history, history->quality_rate / 2))
    g_ptr_array_add (qualities, (gpointer) "tingling");
  if (chance (history, 0.3))
    g_ptr_array_add (qualities, (gpointer) "ache");
  if (chance (history, history->flag_rate / 3))
    {
      g_ptr_array_add (qualities, (gpointer) "numbness");
      history->stopped = TRUE;
    }
  g_ptr_array_add (qualities, NULL);
  entry->qualities = g_strdupv ((char **) qualities->pdata);

  if (chance (history, history->flag_rate))
    {
      const char *flags[] = { chance (history, 0.8) ? "night-pain" : "chest-pain", NULL };

      entry->flags = g_strdupv ((char **) flags);
      history->stopped = TRUE;
    }

  id = prehab_journal_add_entry (history->store, entry, &error);
  g_assert_no_error (error);
  g_array_append_val (history->entries, id);
  return id;
}

static gint64
save_session (History             *history,
              guint32              day,
              PrehabSessionStatus  status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) session = prehab_session_new ();
  guint n = g_rand_int_range (history->rand, 2, 8);
  guint first = g_rand_int_range (history->rand, 0, G_N_ELEMENTS (exercise_ids));

  session->date = prehab_day_to_date (day);
  session->training = prehab_day_weekday (day) % 2 == 0;
  session->status = status;
  session->pain_during = chance (history, 0.85) ? random_pain (history, 0.5) : -1;
  session->pain_after = chance (history, 0.7) ? random_pain (history, 0) : -1;

  for (guint i = 0; i < n; i++)
    {
      PrehabSessionExercise exercise = { 0 };

      exercise.exercise_id = g_strdup (exercise_ids[(first + i * 5) % G_N_ELEMENTS (exercise_ids)]);
      exercise.planned = (PrehabDose) { .sets = 2, .reps = 10 };
      exercise.completed = status == PREHAB_SESSION_DONE ||
                           (status == PREHAB_SESSION_PARTIAL && i % 2 == 0);
      g_array_append_val (session->exercises, exercise);
    }

  g_assert_true (prehab_journal_save_session (history->store, history->enrollment_id,
                                              session, &error));
  g_assert_no_error (error);
  return session->id;
}

typedef struct
{
  History *history;
  guint32  day;
} DayData;

static gboolean
add_day_cb (PrehabStore  *store,
            gpointer      user_data,
            GError      **error)
{
  DayData *data = user_data;
  History *history = data->history;
  guint32 day = data->day;

  history->level = CLAMP (history->level + g_rand_double_range (history->rand, -0.4, 0.4), 0.5, 8.5);
  /* Now and then a bad week. */
  if (chance (history, 0.01))
    history->level = MIN (history->level + 3, 9);

  if (history->every_morning || chance (history, 0.85))
    log_entry (history, day, "07:30", "morning", random_pain (history, 0), 0);
  if (chance (history, 0.2))
    log_entry (history, day, "07:45", "morning", random_pain (history, 0.5), 0);
  if (chance (history, 0.4))
    log_entry (history, day, "21:00", "evening", random_pain (history, -0.5), 0);

  if (history->gap_left > 0)
    history->gap_left--;
  else if (chance (history, history->gap_rate))
    history->gap_left = g_rand_int_range (history->rand, 5, history->gap_max + 1);
  else if (chance (history, 0.8))
    {
      PrehabSessionStatus status = chance (history, 0.7) ? PREHAB_SESSION_DONE
                                 : chance (history, 0.6) ? PREHAB_SESSION_PARTIAL
                                 : PREHAB_SESSION_SKIPPED;
      gint64 session_id = save_session (history, day, status);

      if (chance (history, 0.5))
        log_entry (history, day, "18:10", "during", random_pain (history, 1), session_id);
      if (chance (history, 0.5))
        log_entry (history, day, "18:40", "after", random_pain (history, 0.5), session_id);
    }

  return TRUE;
}

/* A write to the past: what a person back-fills, corrects or removes. The
 * states from its day on must be gone afterwards. */
static void
change_the_past (History *history,
                 guint32  today)
{
  g_autoptr (GError) error = NULL;
  guint32 day = history->start + g_rand_int_range (history->rand, 0, today - history->start + 1);
  g_autofree char *date = prehab_day_to_date (day);
  g_autofree char *first_changed = NULL;
  int what = g_rand_int_range (history->rand, 0, 7);

  switch (what)
    {
    case 0: /* a back-filled rating */
      log_entry (history, day, "12:00", chance (history, 0.5) ? "morning" : "after",
                 random_pain (history, 1), 0);
      first_changed = g_strdup (date);
      break;

    case 1: /* an edited rating */
    case 2: /* a deleted one */
      {
        guint i;
        gint64 id;
        g_autoptr (PrehabPainEntry) entry = NULL;

        if (history->entries->len == 0)
          return;
        i = g_rand_int_range (history->rand, 0, history->entries->len);
        id = g_array_index (history->entries, gint64, i);
        entry = prehab_journal_load_entry (history->store, id, &error);
        g_assert_no_error (error);
        g_assert_nonnull (entry);
        first_changed = g_strndup (entry->logged_at, 10);
        if (what == 1)
          {
            const char *sharp[] = { "sharp", NULL };

            entry->pain = (entry->pain + 3) % 11;
            g_clear_pointer (&entry->qualities, g_strfreev);
            if (chance (history, 0.3))
              entry->qualities = g_strdupv ((char **) sharp);
            g_assert_true (prehab_journal_update_entry (history->store, entry, &error));
          }
        else
          {
            g_assert_true (prehab_journal_delete_entry (history->store, id, &error));
            g_array_remove_index_fast (history->entries, i);
          }
        g_assert_no_error (error);
      }
      break;

    case 3: /* a session marked or changed on a past day */
      save_session (history, day, chance (history, 0.5) ? PREHAB_SESSION_DONE
                                                         : PREHAB_SESSION_PARTIAL);
      first_changed = g_strdup (date);
      break;

    case 4: /* a session removed */
      {
        g_autoptr (PrehabSession) none = prehab_session_new ();
        g_autoptr (GPtrArray) sessions = prehab_journal_list_sessions (history->store,
                                                                      history->enrollment_id,
                                                                      NULL, NULL, &error);
        const PrehabSession *removed;

        g_assert_no_error (error);
        if (sessions->len == 0)
          return;
        removed = sessions->pdata[g_rand_int_range (history->rand, 0, sessions->len)];
        g_free (date);
        date = g_strdup (removed->date);
        none->date = g_strdup (date);
        none->status = PREHAB_SESSION_NONE;
        g_assert_true (prehab_journal_save_session (history->store, history->enrollment_id,
                                                    none, &error));
        g_assert_no_error (error);
        first_changed = g_strdup (date);
      }
      break;

    case 5: /* other equipment or training days */
      {
        g_autoptr (PrehabEnrollment) enrollment = prehab_enrollment_load_active (history->store, &error);
        g_autoptr (GPtrArray) equipment = g_ptr_array_new ();
        PrehabEnrollmentSettings settings = { 0 };

        g_assert_no_error (error);
        for (guint i = 0; i < G_N_ELEMENTS (equipment_ids); i++)
          if (chance (history, 0.5))
            g_ptr_array_add (equipment, (gpointer) equipment_ids[i]);
        g_ptr_array_add (equipment, NULL);
        settings.start_date = enrollment->start_date;
        settings.training_days = g_rand_int_range (history->rand, 1, 128);
        settings.equipment = (const char * const *) equipment->pdata;
        g_assert_true (prehab_enrollment_update (history->store, history->enrollment_id,
                                                 &settings, &error));
        g_assert_no_error (error);
        first_changed = g_strdup ("0000-00-00");
      }
      break;

    default: /* a clinician's clearance, today */
      if (!history->stopped)
        return;
      g_assert_true (prehab_enrollment_confirm_cleared (history->store, history->enrollment_id,
                                                        &error));
      g_assert_no_error (error);
      history->stopped = FALSE;
      first_changed = g_strdup ("0000-00-00");
      break;
    }

  if (states_from (history->store, first_changed) != 0)
    g_test_message ("change %d from %s left states", what, first_changed);
  g_assert_cmpint (states_from (history->store, first_changed), ==, 0);
}

typedef struct
{
  guint32 seed;
  guint   n_days;
  double  flag_rate;
  double  quality_rate;
  double  gap_rate;
  int     gap_max;
  double  change_rate;
} Scenario;

static void
test_random_histories (Fixture       *fixture,
                       gconstpointer  data)
{
  const Scenario *scenario = data;
  g_autoptr (GRand) rand = g_rand_new_with_seed (scenario->seed);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  guint32 start = prehab_date_to_day ("2024-01-01");
  g_autofree char *start_date = prehab_day_to_date (start);
  History history = {
    rand, fixture->store, 0, start, entries, 3.5, 0, FALSE,
    scenario->flag_rate, scenario->quality_rate, scenario->gap_rate, scenario->gap_max, FALSE,
  };
  guint resumed = 0;

  /* Speed only: nothing here needs to survive a power cut. */
  prehab_test_exec (fixture->store, "PRAGMA synchronous = OFF");

  set_today (start);
  history.enrollment_id = start_program (fixture->store, start_date);

  for (guint i = 0; i < scenario->n_days; i++)
    {
      g_autoptr (GError) error = NULL;
      guint32 day = start + i;
      g_autofree char *date = prehab_day_to_date (day);
      DayData day_data = { &history, day };
      g_autofree char *expected = NULL;
      g_autofree char *answer = NULL;

      /* The day's entries are all in the past by the next morning. */
      set_today (day + 1);
      g_assert_true (prehab_store_transaction (fixture->store, add_day_cb, &day_data, &error));
      g_assert_no_error (error);

      if (chance (&history, scenario->change_rate))
        change_the_past (&history, day);

      if (states_before (fixture->store, date) > 0)
        resumed++;
      answer = decide_with_states (fixture->store, date);
      expected = decide_from_start (fixture->store, date);
      if (g_strcmp0 (answer, expected) != 0)
        g_test_message ("seed %u, %s: resumed, then replayed from the start", scenario->seed, date);
      g_assert_cmpstr (answer, ==, expected);

      g_ptr_array_add (answers, g_steal_pointer (&expected));
    }

  /* Most decisions came from a saved state. */
  g_assert_cmpuint (resumed, >=, scenario->n_days / 2);

  /* Past days asked again (`status --date`), each from the newest state
   * before it, however close: as the full replay answered then, unless
   * the past changed since. Without changes they must be equal. */
  if (scenario->change_rate == 0)
    {
      g_autofree char *last = prehab_day_to_date (start + scenario->n_days - 1);

      g_free (decide_with_states (fixture->store, last));
      for (guint i = 0; i < scenario->n_days; i++)
        {
          g_autofree char *date = prehab_day_to_date (start + i);
          g_autofree char *answer = decide_with_states (fixture->store, date);

          if (g_strcmp0 (answer, answers->pdata[i]) != 0)
            g_test_message ("seed %u, %s asked again", scenario->seed, date);
          g_assert_cmpstr (answer, ==, answers->pdata[i]);
        }
    }
}

/* Each kind of write ------------------------------------------------------- */

#define START "2025-01-06"  /* a Monday */
#define DAYS  150

/* A calm history of DAYS days, and the states a decision on its last day
 * saves. Returns the last day. */
static guint32
calm_history (Fixture *fixture,
              gint64  *enrollment_id)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint32 start = prehab_date_to_day (START);
  guint32 last = start + DAYS - 1;
  g_autofree char *last_date = prehab_day_to_date (last);
  History history = { rand, fixture->store, 0, start, entries, 2.5, 0, FALSE, 0, 0, 0, 0, TRUE };

  prehab_test_exec (fixture->store, "PRAGMA synchronous = OFF");
  set_today (last + 1);
  history.enrollment_id = start_program (fixture->store, START);

  for (guint32 day = start; day <= last; day++)
    {
      g_autoptr (GError) error = NULL;
      DayData day_data = { &history, day };

      g_assert_true (prehab_store_transaction (fixture->store, add_day_cb, &day_data, &error));
      g_assert_no_error (error);
    }

  g_free (decide_with_states (fixture->store, last_date));
  /* A state at the end of every fourth program week, up to 8 days back. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"),
                   ==, (DAYS - 8) / 28);

  *enrollment_id = history.enrollment_id;
  return last;
}

static void
assert_same_as_full_replay (PrehabStore *store,
                            guint32      day)
{
  g_autofree char *date = prehab_day_to_date (day);
  g_autofree char *answer = decide_with_states (store, date);
  g_autofree char *expected = decide_from_start (store, date);

  g_assert_cmpstr (answer, ==, expected);
}

/* The day of the second state: changes are made on the day before it. */
#define SECOND_STATE "2025-03-02"
#define BEFORE_IT    "2025-03-01"

static void
assert_states_dropped (PrehabStore *store)
{
  g_assert_cmpint (states_from (store, BEFORE_IT), ==, 0);
  g_assert_cmpint (states_before (store, BEFORE_IT), ==, 1);
}

static void
test_states_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);

  g_assert_cmpint (states_from (fixture->store, SECOND_STATE), ==, 4);
  g_assert_cmpint (prehab_test_count (fixture->store,
                                      "SELECT count(*) FROM planner_checkpoint WHERE day = '"
                                      SECOND_STATE "'"), ==, 1);
  assert_same_as_full_replay (fixture->store, last);

  /* A state that cannot be read, or that other rules saved, is passed
   * over; the next decision saves it again. */
  prehab_test_exec (fixture->store, "UPDATE planner_checkpoint SET state = '{\"phase\": 9}'");
  assert_same_as_full_replay (fixture->store, last);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint "
                                      "WHERE state LIKE '%\"phase\":9%'"), ==, 0);
  prehab_test_exec (fixture->store, "UPDATE planner_checkpoint SET stamp = 'other'");
  assert_same_as_full_replay (fixture->store, last);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint "
                                      "WHERE stamp = 'other'"), ==, 0);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"),
                   ==, (DAYS - 8) / 28);
}

static void
test_backfilled_entry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  const char *flags[] = { "night-pain", NULL };
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);

  entry->logged_at = g_strdup (BEFORE_IT " 22:00");
  entry->pain = 6;
  entry->flags = g_strdupv ((char **) flags);
  g_assert_cmpint (prehab_journal_add_entry (fixture->store, entry, &error), >, 0);
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);

  /* The warning sign stops the plan to this day. */
  assert_same_as_full_replay (fixture->store, last);
  {
    g_autofree char *date = prehab_day_to_date (last);
    g_autoptr (PrehabPlan) plan = prehab_schedule_decide (fixture->store, date, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plan->decision, ==, PREHAB_DECISION_STOP);
  }
}

static gint64
entry_on (PrehabStore *store,
          const char  *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min (id) FROM pain_entry "
                                          "WHERE logged_at LIKE '%s %%'", date);
  gint64 id = prehab_test_count (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_edited_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = NULL;
  const char *qualities[] = { "burning", NULL };
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);
  gint64 id = entry_on (fixture->store, BEFORE_IT);

  /* A new rating drops the states from its day on. */
  entry = prehab_journal_load_entry (fixture->store, id, &error);
  g_assert_no_error (error);
  entry->pain = 9;
  g_clear_pointer (&entry->qualities, g_strfreev);
  g_assert_true (prehab_journal_update_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);

  /* A new note changes nothing the planner reads: the states stay. */
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);
  g_free (entry->note);
  entry->note = g_strdup ("after gardening");
  g_assert_true (prehab_journal_update_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);

  /* So does a quality alone. */
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);
  entry->qualities = g_strdupv ((char **) qualities);
  g_assert_true (prehab_journal_update_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);

  /* And moving an entry from a later day back before the state. */
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);
  g_clear_pointer (&entry, prehab_pain_entry_free);
  entry = prehab_journal_load_entry (fixture->store, entry_on (fixture->store, "2025-05-20"), &error);
  g_assert_nonnull (entry);
  g_assert_no_error (error);
  g_free (entry->logged_at);
  entry->logged_at = g_strdup (BEFORE_IT " 23:00");
  g_assert_true (prehab_journal_update_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);
}

static void
test_deleted_entry (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);

  g_assert_true (prehab_journal_delete_entry (fixture->store, entry_on (fixture->store, BEFORE_IT),
                                              &error));
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);
}

static void
test_session_marked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) none = prehab_session_new ();
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);
  g_autofree char *today = prehab_day_to_date (last);

  /* Ticking off today's session leaves the states be. */
  g_assert_true (prehab_schedule_mark_done (fixture->store, today, NULL, 2, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);

  /* Marking a past day's session drops those from that day on. */
  g_assert_true (prehab_schedule_mark_done (fixture->store, BEFORE_IT, NULL, 7, 7, &error));
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);

  /* So does removing it again. */
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);
  none->date = g_strdup (BEFORE_IT);
  none->status = PREHAB_SESSION_NONE;
  g_assert_true (prehab_journal_save_session (fixture->store, enrollment_id, none, &error));
  g_assert_no_error (error);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);
}

static void
test_enrollment_changed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *equipment[] = { "mat", "band", NULL };
  PrehabEnrollmentSettings settings = {
    .start_date = START,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = equipment,
  };
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);

  /* Other equipment: every state of the enrollment. */
  g_assert_true (prehab_enrollment_update (fixture->store, enrollment_id, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), ==, 0);
  assert_same_as_full_replay (fixture->store, last);

  /* Other training days. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), >, 0);
  settings.training_days = (1 << 1) | (1 << 3);
  g_assert_true (prehab_enrollment_update (fixture->store, enrollment_id, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), ==, 0);
  assert_same_as_full_replay (fixture->store, last);

  /* A clearance. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), >, 0);
  g_assert_true (prehab_enrollment_confirm_cleared (fixture->store, enrollment_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), ==, 0);
  assert_same_as_full_replay (fixture->store, last);

  /* A new catalog. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), >, 0);
  prehab_test_exec (fixture->store, "UPDATE meta SET value = 'other' WHERE key = 'content_checksum'");
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM planner_checkpoint"), ==, 0);
}

static void
test_session_deleted_unlinks_entries (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autofree char *sql = NULL;
  gint64 enrollment_id;
  guint32 last = calm_history (fixture, &enrollment_id);
  gint64 session_id = prehab_test_count (fixture->store,
                                         "SELECT max (id) FROM session WHERE date >= '2025-05-25'");

  /* A rating linked to a later session, logged before the state: deleting
   * the session unlinks it (ON DELETE SET NULL), which the planner reads. */
  g_assert_cmpint (session_id, >, 0);
  entry->logged_at = g_strdup (BEFORE_IT " 23:30");
  entry->pain = 5;
  entry->session_id = session_id;
  g_assert_cmpint (prehab_journal_add_entry (fixture->store, entry, &error), >, 0);
  g_assert_no_error (error);
  assert_same_as_full_replay (fixture->store, last);
  g_assert_cmpint (states_from (fixture->store, BEFORE_IT), ==, 4);

  sql = g_strdup_printf ("DELETE FROM session WHERE id = %" G_GINT64_FORMAT, session_id);
  prehab_test_exec (fixture->store, sql);
  assert_states_dropped (fixture->store);
  assert_same_as_full_replay (fixture->store, last);
}

int
main (int   argc,
      char *argv[])
{
  static const Scenario scenarios[] = {
    /* seed, days, warning signs, qualities, gaps and their longest,
     * changes to the past; 0.01 is about one every three months */
    { 1, 120, 0.002, 0.03, 0.02, 15, 0.0 },
    { 2, 400, 0.001, 0.02, 0.01, 15, 0.0 },
    { 3, 300, 0.004, 0.08, 0.03, 15, 0.15 },
    { 4, 730, 0.001, 0.03, 0.015, 40, 0.05 },
    { 5, 200, 0.01, 0.1, 0.05, 15, 0.3 },
    /* Months away, and long stops (a clearance comes with changes only). */
    { 6, 500, 0.003, 0.08, 0.02, 90, 0.1 },
    { 7, 400, 0.006, 0.1, 0.01, 60, 0.0 },
  };

  g_setenv ("PREHAB_TODAY", "2024-01-01", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("/planner-checkpoint/random/seed-%u",
                                               scenarios[i].seed);

      g_test_add (path, Fixture, &scenarios[i], prehab_test_store_set_up, test_random_histories,
                  prehab_test_store_tear_down);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, prehab_test_store_set_up, func, prehab_test_store_tear_down)

  ADD ("/planner-checkpoint/saved", test_states_saved);
  ADD ("/planner-checkpoint/backfilled-entry", test_backfilled_entry);
  ADD ("/planner-checkpoint/edited-entry", test_edited_entry);
  ADD ("/planner-checkpoint/deleted-entry", test_deleted_entry);
  ADD ("/planner-checkpoint/session-marked", test_session_marked);
  ADD ("/planner-checkpoint/session-deleted", test_session_deleted_unlinks_entries);
  ADD ("/planner-checkpoint/enrollment-changed", test_enrollment_changed);

#undef ADD

  return g_test_run ();
}
