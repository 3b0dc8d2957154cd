/* test-planner.c: the rules of PLANNER.md, one scenario each
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-exercise.h"
#include "prehab-planner.h"
#include "prehab-program.h"
#include "prehab-test-util.h"
#include "prehab-vocabulary.h"

/* Every scenario starts on a Monday, so that day offsets 0, 7, 14 … are
 * Mondays and the program's weeks are calendar weeks. */
#define START_DATE "2026-01-05"

#define MON (1 << 0)
#define TUE (1 << 1)
#define WED (1 << 2)
#define THU (1 << 3)
#define FRI (1 << 4)
#define SAT (1 << 5)
#define SUN (1 << 6)

/* The built-in program and exercises, loaded once from one store. */
static struct
{
  char          *dir;
  PrehabStore   *store;
  PrehabProgram *program;
  GListModel    *exercises;
} shared;

/* A scenario: the person, their history, the day asked about and what the
 * planner must answer.
 *
 * The history is a list of "DAYS: EVENTS" separated by ";". DAYS is a day
 * offset from the start ("4"), a range ("0-9") or a range with a step
 * ("5-19/2": every other day). Each day runs the events of every entry
 * that covers it, in the order written. Events, separated by spaces:
 *
 *   mN eN oN       a morning, evening or other pain rating of N
 *   dN aN          a rating during or after exercise, linked to the session
 *   sD/A pD/A      a session done (or partly done) as the planner planned it
 *                  that day, with pain D during and A after (-1: not rated)
 *   x              a session skipped
 *   !FLAG          a red flag (its id) logged with a rating of 3
 *
 * A rating may carry qualities as letters after the number: a ache,
 * k stiffness, s sharp, b burning, t tingling, n numbness ("d3t"). Any
 * rating or flag may carry its time: "!fever@15:00". Otherwise mornings are
 * at 07:30, ratings during and after at 10:10 and 10:40, other ratings and
 * flags at 12:00, evenings at 21:00.
 *
 * The expectations on the session are words separated by spaces:
 *
 *   +ID          the exercise is in the session, as the program has it
 *   -ID          the exercise is not in the session
 *   ID<ORIG      the exercise is in the session, in place of ORIG
 *   cue:ID       the exercise comes with a key cue; nocue:ID without
 *   ID=SxR       its dose is S sets of R reps
 *   ID:hold=N    its hold is N seconds; ID:duration=N lasts N seconds
 *   strength=N   N strength exercises; strength>0 at least one
 *   training=B   whether it is a strength day (0 or 1)
 *   from=PHASE   yesterday's phase
 *   items>N      more than N exercises
 */

typedef struct _Scenario Scenario;
typedef struct _Run Run;

typedef void (*ScenarioCheck) (const Scenario *scenario,
                               Run            *run);

struct _Scenario
{
  const char     *name;
  const char     *history;
  int             day;            /* the day to decide, as an offset */
  guint           training_days;  /* 0: Monday, Wednesday and Friday */
  const char     *equipment;      /* NULL: everything; "default"; "none"; "ID …":
                                   * those; "-ID …": everything but those */
  const char     *flags;          /* safety-screen answers, space-separated ids */
  const char     *flags_at;       /* "D HH:MM" when answered; NULL: the start */
  const char     *cleared_at;     /* "D HH:MM" when cleared; NULL: never */

  PrehabDecision  decision;
  PrehabPhase     phase;
  PrehabAlert     alert;
  const char     *expect;         /* expectations on the session, as above */
  const char     *reason;         /* text that one of the reasons holds, or NULL */

  const char     *later;          /* history added afterwards: the day's plan must not change */
  const char     *reference;      /* another history, for @check */
  ScenarioCheck   check;          /* further checks, or NULL */
};

struct _Run
{
  const Scenario   *scenario;
  guint32           start;
  PrehabEnrollment *enrollment;
  PrehabPlanner    *planner;
  PrehabPlan       *plan;
};

/* Building the person and their history ------------------------------------ */

static char *
dup_time (guint32     start,
          const char *offset_time)
{
  g_auto (GStrv) parts = g_strsplit (offset_time, " ", 2);
  g_autofree char *date = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  date = prehab_day_to_date (start + atoi (parts[0]));
  return g_strdup_printf ("%s %s:00", date, parts[1]);
}

static GStrv
dup_equipment (const char *spec)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) words = NULL;

  if (g_strcmp0 (spec, "none") == 0)
    return g_strv_builder_end (builder);

  if (g_strcmp0 (spec, "default") == 0)
    {
      g_strv_builder_addv (builder, (const char **) prehab_default_equipment ());
      return g_strv_builder_end (builder);
    }

  /* "ID …" is that list; "-ID …" is everything but those. */
  words = g_strsplit (spec != NULL ? spec : "", " ", -1);
  if (words[0] != NULL && words[0][0] != '-')
    {
      g_strv_builder_addv (builder, (const char **) words);
      return g_strv_builder_end (builder);
    }

  for (guint i = 0; prehab_equipment[i].id != NULL; i++)
    {
      g_autofree char *minus = g_strconcat ("-", prehab_equipment[i].id, NULL);

      if (!g_strv_contains ((const char * const *) words, minus))
        g_strv_builder_add (builder, prehab_equipment[i].id);
    }

  return g_strv_builder_end (builder);
}

static PrehabEnrollment *
enrollment_new (const Scenario *scenario,
                guint32         start)
{
  PrehabEnrollment *enrollment = g_new0 (PrehabEnrollment, 1);

  enrollment->program_id = g_strdup (PREHAB_DEFAULT_PROGRAM);
  enrollment->start_date = prehab_day_to_date (start);
  enrollment->training_days = scenario->training_days != 0 ? scenario->training_days
                                                           : MON | WED | FRI;
  enrollment->equipment = dup_equipment (scenario->equipment);
  if (scenario->flags != NULL)
    {
      enrollment->flags = g_strsplit (scenario->flags, " ", -1);
      enrollment->flags_reported_at = dup_time (start, scenario->flags_at != NULL
                                                       ? scenario->flags_at : "0 08:00");
    }
  if (scenario->cleared_at != NULL)
    enrollment->cleared_at = dup_time (start, scenario->cleared_at);

  return enrollment;
}

static guint
flag_bit (const char *id)
{
  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    if (g_str_equal (prehab_red_flags[i].id, id))
      return 1u << i;

  g_error ("No red flag %s", id);
}

static guint
parse_qualities (const char *letters)
{
  guint qualities = 0;

  for (const char *c = letters; *c != '\0'; c++)
    switch (*c)
      {
      case 'a': qualities |= PREHAB_QUALITY_ACHE; break;
      case 'k': qualities |= PREHAB_QUALITY_STIFFNESS; break;
      case 's': qualities |= PREHAB_QUALITY_SHARP; break;
      case 'b': qualities |= PREHAB_QUALITY_BURNING; break;
      case 't': qualities |= PREHAB_QUALITY_TINGLING; break;
      case 'n': qualities |= PREHAB_QUALITY_NUMBNESS; break;
      default: g_error ("Unknown quality '%c'", *c);
      }

  return qualities;
}

/* Splits "WORD@HH:MM" into the word and the minute, if any. */
static char *
split_time (const char *event,
            int        *minute)
{
  const char *at = strchr (event, '@');
  int hours, minutes;

  if (at == NULL)
    return g_strdup (event);

  if (sscanf (at + 1, "%d:%d", &hours, &minutes) != 2)
    g_error ("Bad time in %s", event);
  *minute = hours * 60 + minutes;
  return g_strndup (event, at - event);
}

static void
add_session (PrehabPlanner       *planner,
             guint32              day,
             PrehabSessionStatus  status,
             const char          *pains)
{
  g_autoptr (PrehabPlan) plan = prehab_planner_decide (planner, day);
  g_autoptr (GPtrArray) completed = g_ptr_array_new ();
  int during = -1, after = -1;

  if (pains != NULL && sscanf (pains, "%d/%d", &during, &after) != 2)
    g_error ("Bad session pains %s", pains);

  for (guint i = 0; i < plan->items->len; i++)
    g_ptr_array_add (completed, g_array_index (plan->items, PrehabPlanItem, i).exercise_id);
  g_ptr_array_add (completed, NULL);

  prehab_planner_add_session (planner, day, plan->training, status, during, after,
                              (const char * const *) completed->pdata);
}

static void
add_event (PrehabPlanner *planner,
           guint32        day,
           const char    *text)
{
  PrehabReading reading = { day, 12 * 60, PREHAB_CONTEXT_OTHER, 3, 0, 0, FALSE };
  g_autofree char *event = split_time (text, &reading.minute);
  char *rest = NULL;

  switch (event[0])
    {
    case 's':
      add_session (planner, day, PREHAB_SESSION_DONE, event + 1);
      return;
    case 'p':
      add_session (planner, day, PREHAB_SESSION_PARTIAL, event + 1);
      return;
    case 'x':
      prehab_planner_add_session (planner, day, FALSE, PREHAB_SESSION_SKIPPED, -1, -1, NULL);
      return;
    case '!':
      reading.flags = flag_bit (event + 1);
      prehab_planner_add_reading (planner, &reading);
      return;
    case 'm':
      reading.context = PREHAB_CONTEXT_MORNING;
      if (strchr (text, '@') == NULL)
        reading.minute = 7 * 60 + 30;
      break;
    case 'e':
      reading.context = PREHAB_CONTEXT_EVENING;
      if (strchr (text, '@') == NULL)
        reading.minute = 21 * 60;
      break;
    case 'd':
      reading.context = PREHAB_CONTEXT_DURING;
      reading.with_session = TRUE;
      if (strchr (text, '@') == NULL)
        reading.minute = 10 * 60 + 10;
      break;
    case 'a':
      reading.context = PREHAB_CONTEXT_AFTER;
      reading.with_session = TRUE;
      if (strchr (text, '@') == NULL)
        reading.minute = 10 * 60 + 40;
      break;
    case 'o':
      break;
    default:
      g_error ("Unknown event %s", text);
    }

  reading.pain = (int) strtol (event + 1, &rest, 10);
  g_assert_true (rest != event + 1);
  reading.qualities = parse_qualities (rest);
  prehab_planner_add_reading (planner, &reading);
}

typedef struct
{
  int    first;
  int    last;
  int    step;
  GStrv  events;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_strfreev (entry->events);
}

/* Adds the history @text (see the Scenario comment) to @planner. */
static void
add_history (PrehabPlanner *planner,
             guint32        start,
             const char    *text)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_auto (GStrv) parts = NULL;
  int last_day = -1;

  if (text == NULL)
    return;

  g_array_set_clear_func (entries, entry_clear);
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto (GStrv) halves = g_strsplit (parts[i], ":", 2);
      Entry entry = { 0, 0, 1, NULL };
      int n;

      if (g_strstrip (parts[i])[0] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (halves), ==, 2);

      n = sscanf (halves[0], "%d-%d/%d", &entry.first, &entry.last, &entry.step);
      if (n == 1)
        entry.last = entry.first;
      g_assert_cmpint (n, >=, 1);
      g_assert_cmpint (entry.step, >, 0);

      entry.events = g_strsplit (g_strstrip (halves[1]), " ", -1);
      last_day = MAX (last_day, entry.last);
      g_array_append_val (entries, entry);
    }

  for (int day = 0; day <= last_day; day++)
    for (guint i = 0; i < entries->len; i++)
      {
        const Entry *entry = &g_array_index (entries, Entry, i);

        if (day < entry->first || day > entry->last || (day - entry->first) % entry->step != 0)
          continue;

        for (guint j = 0; entry->events[j] != NULL; j++)
          if (entry->events[j][0] != '\0')
            add_event (planner, start + day, entry->events[j]);
      }
}

static PrehabPlanner *
planner_new_with_history (const Scenario *scenario,
                          guint32         start,
                          const char     *history)
{
  g_autoptr (PrehabEnrollment) enrollment = enrollment_new (scenario, start);
  PrehabPlanner *planner = prehab_planner_new (shared.program, shared.exercises, enrollment);

  add_history (planner, start, history);
  return planner;
}

/* Looking at plans ---------------------------------------------------------- */

static const PrehabPlanItem *
find_item (const PrehabPlan *plan,
           const char       *id)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);

      if (g_str_equal (item->exercise_id, id))
        return item;
    }

  return NULL;
}

static const PrehabPlanItem *
get_item (const PrehabPlan *plan,
          const char       *id)
{
  const PrehabPlanItem *item = find_item (plan, id);

  if (item == NULL)
    g_error ("%s is not in the session", id);

  return item;
}

static guint
count_strength (const PrehabPlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->items->len; i++)
    if (g_array_index (plan->items, PrehabPlanItem, i).strength)
      n++;

  return n;
}

static gboolean
has_reason (const PrehabPlan *plan,
            const char       *text)
{
  for (guint i = 0; i < plan->reasons->len; i++)
    if (strstr (plan->reasons->pdata[i], text) != NULL)
      return TRUE;

  return FALSE;
}

static void
dump_plan (const PrehabPlan *plan)
{
  g_test_message ("day %d: %s, %s, alert %d, training %d", plan->day_index,
                  prehab_phase_to_id (plan->phase), prehab_decision_to_id (plan->decision),
                  plan->alert, plan->training);
  for (guint i = 0; i < plan->reasons->len; i++)
    g_test_message ("  reason: %s", (const char *) plan->reasons->pdata[i]);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);

      g_test_message ("  item: %s %dx%d hold %d duration %d%s%s%s%s", item->exercise_id,
                      item->dose.sets, item->dose.reps, item->dose.hold_s, item->dose.duration_s,
                      item->strength ? " strength" : "",
                      item->replaces != NULL ? " for " : "",
                      item->replaces != NULL ? item->replaces : "",
                      item->cue != NULL ? " +cue" : "");
    }
}

static void
dump_replay (GArray *calendar)
{
  g_autoptr (GString) line = g_string_new ("replay:");

  for (guint i = 0; i < calendar->len; i++)
    {
      const PrehabPlanDay *day = &g_array_index (calendar, PrehabPlanDay, i);

      g_string_append_printf (line, " %u:%c%c%s", i,
                              prehab_phase_to_id (day->phase)[0],
                              prehab_decision_to_id (day->decision)[0],
                              day->training ? "T" : "");
    }
  g_test_message ("%s", line->str);
}

static void
check_expectation (const PrehabPlan *plan,
                   const char       *word)
{
  const char *sign;

  if (g_str_has_prefix (word, "+"))
    {
      const PrehabPlanItem *item = get_item (plan, word + 1);

      g_assert_null (item->replaces);
    }
  else if (g_str_has_prefix (word, "-"))
    g_assert_null (find_item (plan, word + 1));
  else if (g_str_has_prefix (word, "cue:"))
    g_assert_nonnull (get_item (plan, word + 4)->cue);
  else if (g_str_has_prefix (word, "nocue:"))
    g_assert_null (get_item (plan, word + 6)->cue);
  else if (g_str_has_prefix (word, "strength>"))
    g_assert_cmpuint (count_strength (plan), >, (guint) atoi (word + 9));
  else if (g_str_has_prefix (word, "strength="))
    g_assert_cmpuint (count_strength (plan), ==, (guint) atoi (word + 9));
  else if (g_str_has_prefix (word, "training="))
    g_assert_cmpint (plan->training, ==, atoi (word + 9));
  else if (g_str_has_prefix (word, "items>"))
    g_assert_cmpuint (plan->items->len, >, (guint) atoi (word + 6));
  else if (g_str_has_prefix (word, "from="))
    g_assert_cmpstr (prehab_phase_to_id (plan->phase_from), ==, word + 5);
  else if ((sign = strchr (word, '<')) != NULL)
    {
      g_autofree char *id = g_strndup (word, sign - word);

      g_assert_cmpstr (get_item (plan, id)->replaces, ==, sign + 1);
    }
  else if ((sign = strstr (word, ":hold=")) != NULL)
    {
      g_autofree char *id = g_strndup (word, sign - word);

      g_assert_cmpint (get_item (plan, id)->dose.hold_s, ==, atoi (sign + 6));
    }
  else if ((sign = strstr (word, ":duration=")) != NULL)
    {
      g_autofree char *id = g_strndup (word, sign - word);

      g_assert_cmpint (get_item (plan, id)->dose.duration_s, ==, atoi (sign + 10));
    }
  else if ((sign = strchr (word, '=')) != NULL)
    {
      g_autofree char *id = g_strndup (word, sign - word);
      const PrehabPlanItem *item = get_item (plan, id);
      int sets, reps;

      g_assert_cmpint (sscanf (sign + 1, "%dx%d", &sets, &reps), ==, 2);
      g_assert_cmpint (item->dose.sets, ==, sets);
      g_assert_cmpint (item->dose.reps, ==, reps);
    }
  else
    g_error ("Unknown expectation %s", word);
}

static void
assert_same_plan (const PrehabPlan *a,
                  const PrehabPlan *b)
{
  g_assert_cmpint (a->decision, ==, b->decision);
  g_assert_cmpint (a->phase, ==, b->phase);
  g_assert_cmpint (a->phase_from, ==, b->phase_from);
  g_assert_cmpint (a->alert, ==, b->alert);
  g_assert_cmpint (a->training, ==, b->training);
  g_assert_cmpfloat (a->baseline, ==, b->baseline);
  g_assert_cmpuint (a->reasons->len, ==, b->reasons->len);
  for (guint i = 0; i < a->reasons->len; i++)
    g_assert_cmpstr (a->reasons->pdata[i], ==, b->reasons->pdata[i]);
  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    {
      const PrehabPlanItem *ia = &g_array_index (a->items, PrehabPlanItem, i);
      const PrehabPlanItem *ib = &g_array_index (b->items, PrehabPlanItem, i);

      g_assert_cmpstr (ia->exercise_id, ==, ib->exercise_id);
      g_assert_cmpstr (ia->replaces, ==, ib->replaces);
      g_assert_cmpstr (ia->cue, ==, ib->cue);
      g_assert_true (memcmp (&ia->dose, &ib->dose, sizeof ia->dose) == 0);
    }
}

/* The runner ------------------------------------------------------------------ */

static void
run_scenario (gconstpointer data)
{
  const Scenario *scenario = data;
  g_autoptr (GArray) calendar = NULL;
  g_auto (GStrv) words = NULL;
  Run run = { scenario, prehab_date_to_day (START_DATE), NULL, NULL, NULL };

  run.enrollment = enrollment_new (scenario, run.start);
  run.planner = planner_new_with_history (scenario, run.start, scenario->history);
  run.plan = prehab_planner_decide (run.planner, run.start + scenario->day);

  if (g_test_verbose ())
    {
      calendar = prehab_planner_replay (run.planner, run.start + scenario->day);
      dump_replay (calendar);
      dump_plan (run.plan);
    }

  g_assert_cmpint (run.plan->day_index, ==, scenario->day);
  g_assert_cmpstr (prehab_decision_to_id (run.plan->decision), ==,
                   prehab_decision_to_id (scenario->decision));
  g_assert_cmpstr (prehab_phase_to_id (run.plan->phase), ==, prehab_phase_to_id (scenario->phase));
  g_assert_cmpint (run.plan->alert, ==, scenario->alert);
  g_assert_cmpint (run.plan->see_clinician, ==, scenario->alert != PREHAB_ALERT_NONE);

  /* Every decision says why, in words. */
  g_assert_cmpuint (run.plan->reasons->len, >, 0);
  for (guint i = 0; i < run.plan->reasons->len; i++)
    g_assert_cmpstr (run.plan->reasons->pdata[i], !=, "");
  if (scenario->reason != NULL && !has_reason (run.plan, scenario->reason))
    {
      dump_plan (run.plan);
      g_error ("No reason says \"%s\"", scenario->reason);
    }

  /* A stop leaves strength work out. */
  if (run.plan->decision == PREHAB_DECISION_STOP)
    {
      g_assert_false (run.plan->training);
      g_assert_cmpuint (count_strength (run.plan), ==, 0);
    }

  /* The replay agrees with the day's decision. */
  g_clear_pointer (&calendar, g_array_unref);
  calendar = prehab_planner_replay (run.planner, run.start + scenario->day);
  g_assert_cmpuint (calendar->len, ==, scenario->day + 1);
  {
    const PrehabPlanDay *last = &g_array_index (calendar, PrehabPlanDay, scenario->day);

    g_assert_cmpint (last->decision, ==, run.plan->decision);
    g_assert_cmpint (last->phase, ==, run.plan->phase);
    g_assert_cmpint (last->alert, ==, run.plan->alert);
    g_assert_cmpint (last->training, ==, run.plan->training);
  }

  words = g_strsplit (scenario->expect != NULL ? scenario->expect : "", " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      check_expectation (run.plan, words[i]);

  if (scenario->check != NULL)
    scenario->check (scenario, &run);

  /* What comes later does not change what was decided for this day. */
  if (scenario->later != NULL)
    {
      g_autoptr (PrehabPlan) again = NULL;

      add_history (run.planner, run.start, scenario->later);
      again = prehab_planner_decide (run.planner, run.start + scenario->day);
      assert_same_plan (run.plan, again);
    }

  prehab_plan_free (run.plan);
  g_object_unref (run.planner);
  prehab_enrollment_free (run.enrollment);
}

/* Checks beyond the table ------------------------------------------------------ */

static int
first_day_in_phase (GArray      *calendar,
                    PrehabPhase  phase)
{
  for (guint i = 0; i < calendar->len; i++)
    if (g_array_index (calendar, PrehabPlanDay, i).phase == phase)
      return i;

  return -1;
}

/* Desensitize lasts at least 5 days, strength waits for 10 days of mobility
 * work, and strength items appear only on training days from then on. */
static void
check_ladder_timing (const Scenario *scenario,
                     Run            *run)
{
  g_autoptr (GArray) calendar = prehab_planner_replay (run->planner, run->start + scenario->day);
  int mobilize = first_day_in_phase (calendar, PREHAB_PHASE_MOBILIZE);
  int strengthen = first_day_in_phase (calendar, PREHAB_PHASE_STRENGTHEN);

  /* Not before the rules allow, and with a session every day, green and
   * settled, no later either: 5 days in, and the tenth session of mobility
   * work done on day 9. */
  g_assert_cmpint (mobilize, ==, 5);
  g_assert_cmpint (strengthen, ==, 10);

  for (int i = 0; i <= scenario->day; i++)
    {
      g_autoptr (PrehabPlan) plan = prehab_planner_decide (run->planner, run->start + i);
      const PrehabPlanDay *day = &g_array_index (calendar, PrehabPlanDay, i);
      int weekday = prehab_day_weekday (run->start + i);

      g_assert_cmpint (plan->training, ==, day->training);
      if (i < strengthen)
        {
          g_assert_cmpint (day->phase, !=, PREHAB_PHASE_STRENGTHEN);
          g_assert_false (day->training);
        }
      if (!plan->training)
        g_assert_cmpuint (count_strength (plan), ==, 0);
      else
        {
          g_assert_true ((run->enrollment->training_days & (1u << weekday)) != 0);
          g_assert_cmpuint (count_strength (plan), >, 0);
        }
    }
}

/* No two strength days in a row, with training days Monday to Wednesday. */
static void
check_no_consecutive_training (const Scenario *scenario,
                               Run            *run)
{
  g_autoptr (GArray) calendar = prehab_planner_replay (run->planner, run->start + scenario->day);
  int n_training = 0;

  for (guint i = 1; i < calendar->len; i++)
    {
      const PrehabPlanDay *day = &g_array_index (calendar, PrehabPlanDay, i);
      const PrehabPlanDay *before = &g_array_index (calendar, PrehabPlanDay, i - 1);

      g_assert_false (day->training && before->training);
      n_training += day->training;
    }

  /* Mondays and Wednesdays of the strength weeks. */
  g_assert_cmpint (n_training, >=, 3);
}

/* After week 8, at most two strength days in a week. */
static void
check_maintain_twice_a_week (const Scenario *scenario,
                             Run            *run)
{
  g_autoptr (GArray) calendar = prehab_planner_replay (run->planner, run->start + 69);
  int per_week[10] = { 0 };

  for (guint i = 56; i < calendar->len; i++)
    {
      const PrehabPlanDay *day = &g_array_index (calendar, PrehabPlanDay, i);

      g_assert_cmpint (day->phase, ==, PREHAB_PHASE_MAINTAIN);
      per_week[i / 7] += day->training;
    }

  for (guint week = 8; week < 10; week++)
    g_assert_cmpint (per_week[week], ==, 2);
}

static double
volume (const PrehabDose *dose)
{
  if (dose->reps == 0)
    return dose->sets * dose->duration_s;

  return dose->sets * dose->reps * MAX (dose->hold_s, 1);
}

/* Maintain comes after some days of strength work, never straight from
 * mobilize, and after week 8. */
static void
check_strengthen_before_maintain (const Scenario *scenario,
                                  Run            *run)
{
  g_autoptr (GArray) calendar = prehab_planner_replay (run->planner, run->start + scenario->day);
  int strengthen = first_day_in_phase (calendar, PREHAB_PHASE_STRENGTHEN);
  int maintain = first_day_in_phase (calendar, PREHAB_PHASE_MAINTAIN);

  g_assert_cmpint (strengthen, >, 0);
  g_assert_cmpint (maintain, >=, 56);
  g_assert_cmpint (maintain, >, strengthen);
  for (int i = 0; i < strengthen; i++)
    g_assert_false (g_array_index (calendar, PrehabPlanDay, i).training);
}

/* The same day without the gap has the full doses: after the gap each is
 * about 80 % of it, one variable scaled. */
static void
check_restart_doses (const Scenario *scenario,
                     Run            *run)
{
  g_autoptr (PrehabPlanner) planner = planner_new_with_history (scenario, run->start,
                                                                 scenario->reference);
  g_autoptr (PrehabPlan) full = prehab_planner_decide (planner, run->start + scenario->day);
  double sum_full = 0, sum_restart = 0;

  g_assert_cmpint (full->decision, ==, PREHAB_DECISION_HOLD);
  g_assert_cmpint (full->phase, ==, run->plan->phase);
  g_assert_cmpint (full->training, ==, run->plan->training);
  g_assert_cmpuint (full->items->len, ==, run->plan->items->len);

  for (guint i = 0; i < full->items->len; i++)
    {
      const PrehabPlanItem *a = &g_array_index (full->items, PrehabPlanItem, i);
      const PrehabPlanItem *b = &g_array_index (run->plan->items, PrehabPlanItem, i);
      int changes = (a->dose.reps != b->dose.reps) + (a->dose.hold_s != b->dose.hold_s) +
                    (a->dose.duration_s != b->dose.duration_s);
      double ratio = volume (&b->dose) / volume (&a->dose);

      g_assert_cmpstr (a->exercise_id, ==, b->exercise_id);
      g_assert_cmpint (b->dose.sets, ==, a->dose.sets);
      g_assert_cmpint (changes, ==, 1);
      g_assert_cmpfloat (ratio, >=, 0.7);
      g_assert_cmpfloat (ratio, <=, 0.85);

      sum_full += volume (&a->dose);
      sum_restart += volume (&b->dose);
    }

  g_assert_cmpfloat (fabs (sum_restart / sum_full - 0.8), <, 0.05);
  g_assert_true (has_reason (full, "amber"));
}

/* Every step up the strength ladder changes one variable per exercise:
 * sets or reps or the hold, never two at once. */
static void
check_one_variable_at_a_time (const Scenario *scenario,
                              Run            *run)
{
  g_autoptr (PrehabPlan) before = NULL;
  int n_compared = 0, n_changed = 0;

  for (int i = 10; i <= scenario->day; i++)
    {
      g_autoptr (PrehabPlan) plan = prehab_planner_decide (run->planner, run->start + i);

      if (!plan->training)
        continue;

      if (before != NULL)
        for (guint j = 0; j < plan->items->len; j++)
          {
            const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, j);
            const PrehabPlanItem *old = item->strength ? find_item (before, item->exercise_id)
                                                       : NULL;
            int changes;

            if (old == NULL)
              continue;

            changes = (item->dose.sets != old->dose.sets) +
                      (item->dose.reps != old->dose.reps) +
                      (item->dose.hold_s != old->dose.hold_s);
            g_assert_cmpint (changes, <=, 1);
            /* Never less on the way up. */
            g_assert_cmpint (item->dose.sets, >=, old->dose.sets);
            g_assert_cmpint (item->dose.reps, >=, old->dose.reps);
            n_compared++;
            n_changed += changes;
          }

      g_clear_pointer (&before, prehab_plan_free);
      before = g_steal_pointer (&plan);
    }

  g_assert_cmpint (n_compared, >, 10);
  g_assert_cmpint (n_changed, >=, 6);

  /* Before and after the first step: 2 × 8 → 2 × 10, the reps alone. */
  {
    g_autoptr (PrehabPlan) monday = prehab_planner_decide (run->planner, run->start + 14);
    g_autoptr (PrehabPlan) friday = prehab_planner_decide (run->planner, run->start + 18);

    g_assert_true (monday->training && friday->training);
    check_expectation (monday, "swiss-ball-snow-angels=2x8");
    check_expectation (friday, "swiss-ball-snow-angels=2x10");
    check_expectation (monday, "bird-dog=2x8");
    check_expectation (friday, "bird-dog=2x10");
  }
}

/* The swap lasts the day it was logged and 7 more: cat-cow comes back on the
 * 8th day after. */
static void
check_swap_expires (const Scenario *scenario,
                    Run            *run)
{
  for (int i = scenario->day; i <= 12; i++)
    {
      g_autoptr (PrehabPlan) plan = prehab_planner_decide (run->planner, run->start + i);

      if (i <= scenario->day + 7)
        {
          check_expectation (plan, "-cat-cow");
          check_expectation (plan, "seated-thoracic-extension<cat-cow");
          check_expectation (plan, "cue:seated-thoracic-extension");
        }
      else
        {
          check_expectation (plan, "+cat-cow");
          check_expectation (plan, "nocue:cat-cow");
        }
    }
}

/* Without the clearance the same history stops. */
static void
check_stops_without_clearance (const Scenario *scenario,
                               Run            *run)
{
  Scenario uncleared = *scenario;
  g_autoptr (PrehabPlanner) planner = NULL;
  g_autoptr (PrehabPlan) plan = NULL;

  uncleared.cleared_at = NULL;
  planner = planner_new_with_history (&uncleared, run->start, scenario->history);
  plan = prehab_planner_decide (planner, run->start + scenario->day);
  g_assert_cmpint (plan->decision, ==, PREHAB_DECISION_STOP);
}

/* The review is a suggestion: the days after it still plan sessions. */
static void
check_review_goes_on (const Scenario *scenario,
                      Run            *run)
{
  g_autoptr (GArray) calendar = prehab_planner_replay (run->planner,
                                                       run->start + scenario->day + 6);

  for (guint i = scenario->day; i < calendar->len; i++)
    {
      const PrehabPlanDay *day = &g_array_index (calendar, PrehabPlanDay, i);

      g_assert_cmpint (day->decision, !=, PREHAB_DECISION_STOP);
      g_assert_cmpint (day->alert, ==, PREHAB_ALERT_REVIEW);
    }
  g_assert_cmpint (g_array_index (calendar, PrehabPlanDay, scenario->day - 1).alert,
                   ==, PREHAB_ALERT_NONE);
}

/* The table ------------------------------------------------------------------- */

/* Typical histories: a green session every day from the start to @last,
 * each morning rated 2; with mornings of 1, low enough that no review is
 * suggested from week 5; pain rising by 2 points a week. */
#define STEADY(last)      "0-" #last ": m2 s2/2"
#define STEADY_LOW(last)  "0-" #last ": m1 s2/2"
#define WORSE_EVERY_WEEK  "0-7: m2 s2/2; 8-14: m4 s2/2; 15-21: m6 s2/2; " \
                          "22-28: m8 s2/2; 29-35: m10 s2/2"

static const Scenario scenarios[] = {
  /* The first day. */
  { .name = "start", .history = NULL, .day = 0,
    .decision = PREHAB_DECISION_START, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "+diaphragmatic-breathing +cat-cow +movement-break strength=0 training=0",
    .reason = "Welcome" },
  { .name = "start-with-a-rating", .history = "0: m5", .day = 0,
    .decision = PREHAB_DECISION_START, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "+diaphragmatic-breathing strength=0" },
  { .name = "start-with-a-red-flag-stops", .history = NULL, .day = 0, .flags = "tearing-pain",
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_EMERGENCY, .expect = "strength=0", .reason = "Sudden tearing pain" },

  /* Desensitize → mobilize: at least 5 days in. */
  { .name = "desensitize-holds-before-day-5", .history = STEADY (3) "; 4: m2", .day = 4,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "+side-lying-open-book", .reason = "five days" },
  { .name = "desensitize-to-mobilize-on-day-5", .history = STEADY (4) "; 5: m2", .day = 5,
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "from=desensitize +foam-roller-mid-back +thread-the-needle-open-book strength=0" },
  { .name = "red-day-delays-mobilize", .history = STEADY (3) "; 4: m2 s6/6; 5-7: m2 s2/2", .day = 7,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_DESENSITIZE },

  /* Mobilize → strengthen: 10 days of mobility, not pain-free. */
  { .name = "steady-improvement-reaches-strengthen", .history = STEADY_LOW (40), .day = 40,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .check = check_ladder_timing },
  { .name = "strengthen-after-ten-days-not-pain-free", .history = "0-9: m3 s3/3; 10: m3", .day = 10,
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "from=mobilize training=0 strength=0", .reason = "pain-free" },
  { .name = "strength-items-on-the-next-training-day", .history = STEADY (10) "; 11: m2", .day = 11,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 strength>0 swiss-ball-snow-angels=2x8 bird-dog=2x8 +cat-cow" },
  { .name = "strengthen-needs-80-percent-adherence",
    .history = "0-40: m1; 0-40/4: s2/2; 1-40/4: s2/2; 2-40/4: s2/2", .day = 20,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "strength=0 training=0" },

  /* Hold: amber that settled, adherence, a flat trend above baseline. */
  { .name = "amber-that-settles-holds", .history = STEADY (7) "; 8: m2 s4/4; 9: m2", .day = 9,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "+cat-cow +foam-roller-mid-back", .reason = "amber zone" },
  { .name = "one-slow-amber-day-holds", .history = STEADY (7) "; 8: m2 s4/4; 9: m3 m4", .day = 9,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .reason = "amber zone" },
  { .name = "adherence-below-two-thirds-holds",
    .history = STEADY (4) "; 5-20: m2; 5-19/2: s2/2", .day = 20,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "strength=0", .reason = "planned sessions" },
  { .name = "partial-sessions-count-half",
    .history = STEADY (4) "; 5-20: m2 p2/2", .day = 20,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .reason = "You did 50%" },
  { .name = "flat-trend-above-baseline-holds",
    .history = STEADY (6) "; 7-20: m2 m3 s2/2", .day = 20,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "strength=0", .reason = "above where you started" },

  /* Regress. */
  { .name = "red-zone-regresses", .history = STEADY (7) "; 8: m2 s7/6; 9: m2", .day = 9,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "from=mobilize +movement-break +cat-cow", .reason = "red zone" },
  { .name = "red-zone-steps-down-the-strength-ladder",
    .history = STEADY_LOW (19) "; 20: m1 s7/7; 21: m1", .day = 21,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "from=strengthen training=1 swiss-ball-snow-angels=2x8 -single-arm-row",
    .reason = "red zone" },
  { .name = "red-zone-on-first-strength-step-goes-back-to-mobilize",
    .history = STEADY (11) "; 12: m2 s6/6; 13: m2", .day = 13,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "from=strengthen strength=0 +movement-break", .reason = "red zone" },
  { .name = "unsettled-morning-regresses", .history = STEADY (7) "; 8: m4", .day = 8,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "from=mobilize +movement-break", .reason = "2 or more points" },
  { .name = "two-slow-amber-days-regress",
    .history = STEADY (7) "; 8: m2 s4/4; 9: m3 m4 s4/4; 10: m5", .day = 10,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "from=mobilize +movement-break", .reason = "Twice now" },
  { .name = "week-trend-rise-regresses", .history = STEADY (6) "; 7-13: m3 s2/2", .day = 13,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "from=mobilize +movement-break", .reason = "up by a meaningful amount" },

  /* Sharp, burning or tingling with exercise: the easier variant and its cue. */
  { .name = "tingling-swaps-for-the-easier-variant",
    .history = STEADY (2) "; 3: m2 s2/2 d3t", .day = 3,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "seated-thoracic-extension<cat-cow cue:seated-thoracic-extension -cat-cow "
              "+side-lying-open-book nocue:side-lying-open-book",
    .reason = "easier" },
  { .name = "sharp-pain-swaps-for-the-easier-variant",
    .history = STEADY (2) "; 3: m2 s2/2 d4s", .day = 3,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "seated-thoracic-extension<cat-cow cue:seated-thoracic-extension",
    .reason = "easier" },
  { .name = "burning-after-swaps-for-the-easier-variant",
    .history = STEADY (2) "; 3: m2 s2/2 a3b", .day = 3,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "seated-thoracic-extension<cat-cow cue:seated-thoracic-extension",
    .reason = "easier" },
  { .name = "swap-expires-after-7-days",
    .history = STEADY (2) "; 3: m2 s2/2 d3t; 4-12: m2 s2/2", .day = 3,
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_DESENSITIZE,
    .check = check_swap_expires },

  /* A gap of 7 days restarts at about 80 %; 6 days do not. */
  { .name = "gap-of-7-days-restarts-near-80-percent",
    .history = STEADY_LOW (17) "; 18-25: m1", .day = 25,
    .reference = STEADY_LOW (17) "; 18-24: m1 s4/4; 25: m1",
    .decision = PREHAB_DECISION_REGRESS, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 swiss-ball-snow-angels=2x8 bird-dog=2x8 bird-dog:hold=3 cat-cow=1x12",
    .reason = "80%",
    .check = check_restart_doses },
  { .name = "gap-of-6-days-does-not-restart",
    .history = STEADY_LOW (17) "; 18-24: m1", .day = 24,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "cat-cow=1x15" },

  /* Stop: red flags (one row per flag below), clearance, numbness, worsening. */
  { .name = "red-flag-cleared-lifts-the-stop", .history = STEADY (3) "; 4: m2", .day = 4,
    .flags = "fever", .cleared_at = "1 09:00",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_DESENSITIZE,
    .expect = "+cat-cow", .check = check_stops_without_clearance },
  { .name = "red-flag-before-the-clearance-on-its-day-is-cleared",
    .history = STEADY (1) "; 2: m2 !cord-signs@08:00 s2/2; 3-4: m2 s2/2", .day = 4,
    .cleared_at = "2 09:00",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_DESENSITIZE,
    .check = check_stops_without_clearance },
  { .name = "red-flag-after-the-clearance-stops-again",
    .history = STEADY (3) "; 4: m2 !night-pain", .day = 4,
    .flags = "fever", .cleared_at = "1 09:00",
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_SEE_DOCTOR, .expect = "strength=0", .reason = "Constant or night pain" },
  { .name = "red-flag-after-the-clearance-on-its-day-stops-again",
    .history = STEADY (1) "; 2: m2 !fever@15:00", .day = 2, .cleared_at = "2 09:00",
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_SEE_DOCTOR },
  { .name = "emergency-outranks-see-a-doctor",
    .history = STEADY (13) "; 14: m2 !fever !stroke-signs", .day = 14,
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_STRENGTHEN,
    .alert = PREHAB_ALERT_EMERGENCY, .expect = "training=0 strength=0 +cat-cow",
    .reason = "emergency number" },
  { .name = "safety-answers-given-later-do-not-stop-earlier-days",
    .history = STEADY (9) "; 10: m2", .day = 10,
    .flags = "weight-loss", .flags_at = "12 10:00",
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "safety-answers-given-later-stop-from-their-day",
    .history = STEADY (11) "; 12: m2", .day = 12,
    .flags = "weight-loss", .flags_at = "12 10:00",
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_STRENGTHEN,
    .alert = PREHAB_ALERT_SEE_DOCTOR, .expect = "strength=0" },
  { .name = "new-numbness-with-exercise-stops",
    .history = STEADY (3) "; 4: m2 s2/2 d3n", .day = 4,
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_CLINICIAN, .expect = "strength=0 +diaphragmatic-breathing",
    .reason = "numbness" },
  { .name = "numbness-with-exercise-stops-strength-days",
    .history = STEADY (12) "; 13: m2 s2/2 a2n; 14: m2", .day = 14,
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_STRENGTHEN,
    .alert = PREHAB_ALERT_CLINICIAN, .expect = "training=0 strength=0",
    .reason = "leaves strength work out" },
  { .name = "numbness-at-rest-does-not-stop",
    .history = STEADY (3) "; 4: m2 o3n", .day = 4,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_DESENSITIZE },
  { .name = "numbness-cleared-lifts-the-stop",
    .history = STEADY (3) "; 4: m2 s2/2 d3n; 5-6: m2 s2/2", .day = 6, .cleared_at = "5 18:00",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .check = check_stops_without_clearance },
  { .name = "worse-two-weeks-running-despite-a-regress-stops",
    .history = STEADY (7) "; 8-14: m4 s2/2; 15-21: m6 s2/2", .day = 21,
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_MOBILIZE,
    .alert = PREHAB_ALERT_CLINICIAN, .expect = "strength=0", .reason = "two weeks running" },
  { .name = "worse-two-weeks-running-cleared-lifts-the-stop",
    .history = STEADY (7) "; 8-14: m4 s2/2; 15-25: m6 s2/2", .day = 25, .cleared_at = "22 09:00",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .check = check_stops_without_clearance },
  { .name = "worse-for-less-than-two-weeks-after-the-clearance-goes-on",
    .history = WORSE_EVERY_WEEK, .day = 34, .cleared_at = "21 20:00",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_REVIEW, .reason = "higher than when you started",
    .check = check_stops_without_clearance },
  { .name = "worse-two-weeks-running-after-the-clearance-stops-again",
    .history = WORSE_EVERY_WEEK, .day = 35, .cleared_at = "21 20:00",
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_CLINICIAN, .reason = "two weeks running" },

  /* Review suggested by week 4 to 6 without a meaningful change. */
  { .name = "no-change-by-week-4-suggests-a-review",
    .history = "0-34: m4 s2/2", .day = 28,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .alert = PREHAB_ALERT_REVIEW, .expect = "training=1 strength>0",
    .reason = "has not changed much", .check = check_review_goes_on },
  { .name = "meaningful-improvement-needs-no-review",
    .history = "0-6: m5 s2/2; 7-42: m3 s2/2", .day = 42,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "falling-pain-defers-the-review-at-week-4",
    .history = "0-6: m5 s2/2; 7-20: m5 m7 s2/2; 21-35: m4 s2/2", .day = 28,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN },
  /* The same fall from 5.3 to 3.6 a week on the week before, against a
   * baseline of 5: deferred in week 5, not from week 6. */
  { .name = "falling-pain-defers-the-review-in-week-5",
    .history = "0-26: m5 s2/2; 27-28: m6 s2/2; 29-31: m4 s2/2; 32-33: m3 s2/2; 34: m4 s2/2; 35: m3",
    .day = 35,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "falling-pain-gets-the-review-at-week-6",
    .history = "0-33: m5 s2/2; 34-35: m6 s2/2; 36-38: m4 s2/2; 39-40: m3 s2/2; 41: m4 s2/2; 42: m3",
    .day = 42,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .alert = PREHAB_ALERT_REVIEW, .reason = "has not changed much" },

  /* Strength days: never two in a row. */
  { .name = "no-strength-the-day-after-a-strength-day",
    .history = STEADY_LOW (21) "; 22: m1", .day = 22, .training_days = MON | TUE | WED,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=0 strength=0", .check = check_no_consecutive_training },
  { .name = "strength-again-two-days-later",
    .history = STEADY_LOW (22) "; 23: m1", .day = 23, .training_days = MON | TUE | WED,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 strength>0", .check = check_no_consecutive_training },
  { .name = "strength-on-a-tuesday-after-a-skipped-monday",
    .history = STEADY_LOW (20) "; 21: m1 x; 22: m1", .day = 22, .training_days = MON | TUE | WED,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 strength>0" },

  /* Equipment: the variant the person can do. */
  { .name = "no-foam-roller-takes-the-chair-version", .history = STEADY (4) "; 5: m2", .day = 5,
    .equipment = "-foam-roller",
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "seated-thoracic-extension<foam-roller-mid-back -foam-roller-mid-back "
              "nocue:seated-thoracic-extension seated-thoracic-extension=1x10",
    .reason = "Foam roller" },
  { .name = "dumbbell-keeps-the-goblet-squat", .history = STEADY_LOW (24) "; 25: m1", .day = 25,
    .equipment = "-kettlebell",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 +goblet-squat goblet-squat=2x8 single-arm-row=2x10" },
  { .name = "no-swiss-ball-replaces-the-snow-angels", .history = STEADY (10) "; 11: m2", .day = 11,
    .equipment = "-swiss-ball",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 -swiss-ball-snow-angels reverse-fly<swiss-ball-snow-angels",
    .reason = "which needs Swiss ball" },
  { .name = "mat-only-leaves-the-snow-angels-out", .history = STEADY (10) "; 11: m2", .day = 11,
    .equipment = "mat",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 -swiss-ball-snow-angels +cat-cow +bird-dog",
    .reason = "Prone snow angels on a Swiss ball is left out" },
  { .name = "no-mat-never-puts-strength-in-a-mobility-day", .history = STEADY (4) "; 5: m2",
    .day = 5,
    .equipment = "-mat",
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "strength=0 -wall-thoracic-rotation -thread-the-needle-open-book "
              "seated-thoracic-extension<cat-cow",
    .reason = "Quadruped thread the needle to open book is left out" },
  { .name = "default-equipment-plans-a-full-session", .history = STEADY (10) "; 11: m2", .day = 11,
    .equipment = "default",
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 strength>1 +cat-cow +bird-dog -swiss-ball-snow-angels" },

  /* Advance within a phase: two green settled sessions and a week on the step. */
  { .name = "advance-within-strengthen-after-a-week", .history = STEADY_LOW (16) "; 17: m1",
    .day = 17,
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "from=strengthen", .reason = "one thing at a time" },
  { .name = "no-advance-before-a-week-on-the-step", .history = STEADY_LOW (15) "; 16: m1",
    .day = 16,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .expect = "training=1 swiss-ball-snow-angels=2x8" },
  { .name = "no-advance-without-two-green-sessions",
    .history = STEADY_LOW (14) "; 15: m1 s4/4; 16: m1 s2/2; 17: m1", .day = 17,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "no-advance-without-pain-ratings",
    .history = STEADY_LOW (14) "; 15-16: m1 s-1/-1; 17: m1", .day = 17,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "no-advance-without-settled-mornings",
    .history = STEADY_LOW (14) "; 15: m1 s2/2; 16: m2 m3 s2/2; 17: m1", .day = 17,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "doses-climb-one-variable-at-a-time", .history = STEADY_LOW (55), .day = 55,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_STRENGTHEN,
    .check = check_one_variable_at_a_time },

  /* After week 8: maintain. */
  { .name = "after-week-8-maintain", .history = STEADY_LOW (69), .day = 56,
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_MAINTAIN,
    .expect = "from=strengthen training=1 strength>0", .reason = "eight weeks are done",
    .check = check_maintain_twice_a_week },
  { .name = "week-9-without-strength-work-keeps-to-the-ladder",
    .history = "0-62: m1; 0-62/4: s2/2; 1-62/4: s2/2; 2-62/4: s2/2", .day = 56,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MOBILIZE,
    .expect = "training=0 strength=0" },
  { .name = "strengthen-after-week-8-then-maintain",
    .history = "0-70: m1; 0-50/4: s2/2; 1-50/4: s2/2; 2-50/4: s2/2; 51-70: s2/2", .day = 70,
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_MAINTAIN,
    .expect = "from=maintain training=1 strength>0", .check = check_strengthen_before_maintain },
  { .name = "maintain-strength-at-most-twice-a-week", .history = STEADY_LOW (59) "; 60: m1",
    .day = 60,
    .decision = PREHAB_DECISION_HOLD, .phase = PREHAB_PHASE_MAINTAIN,
    .expect = "training=0 strength=0 +cat-cow" },

  /* A past day sees only what was known on it. */
  { .name = "past-day-ignores-later-data", .history = STEADY (9) "; 10: m2", .day = 10,
    .later = "11-20: m7 s8/8 d6t; 12: !chest-pain; 14: a3n",
    .decision = PREHAB_DECISION_ADVANCE, .phase = PREHAB_PHASE_STRENGTHEN },
  { .name = "past-stop-stays-after-a-later-clearance", .history = STEADY (3) "; 4: m2 !fever",
    .day = 4, .cleared_at = "8 09:00", .later = "5-12: m1 s1/1",
    .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
    .alert = PREHAB_ALERT_SEE_DOCTOR },
};

/* Every red flag of PLANNER.md stops, in its tier, both when answered at
 * onboarding and when logged later. */
static const struct
{
  const char  *id;
  PrehabAlert  alert;
} red_flags[] = {
  { "chest-pain", PREHAB_ALERT_EMERGENCY },
  { "tearing-pain", PREHAB_ALERT_EMERGENCY },
  { "worst-headache", PREHAB_ALERT_EMERGENCY },
  { "stroke-signs", PREHAB_ALERT_EMERGENCY },
  { "bladder-bowel", PREHAB_ALERT_EMERGENCY },
  { "weakness-both-sides", PREHAB_ALERT_EMERGENCY },
  { "major-trauma", PREHAB_ALERT_EMERGENCY },
  { "fever", PREHAB_ALERT_SEE_DOCTOR },
  { "weight-loss", PREHAB_ALERT_SEE_DOCTOR },
  { "cancer-history", PREHAB_ALERT_SEE_DOCTOR },
  { "night-pain", PREHAB_ALERT_SEE_DOCTOR },
  { "cord-signs", PREHAB_ALERT_SEE_DOCTOR },
  { "spreading-numbness", PREHAB_ALERT_SEE_DOCTOR },
};

static void
test_red_flags_all_listed (void)
{
  guint n = 0;

  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (red_flags); j++)
        found |= g_str_equal (red_flags[j].id, prehab_red_flags[i].id);
      g_assert_true (found);
      n++;
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (red_flags));
}

/* Two scenarios per flag; their strings live in @strings. */
static Scenario *
red_flag_scenarios_new (GPtrArray *strings)
{
  Scenario *rows = g_new0 (Scenario, 2 * G_N_ELEMENTS (red_flags));

  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    {
      Scenario *onboarding = &rows[2 * i];
      Scenario *logged = &rows[2 * i + 1];
      const char *reason = red_flags[i].alert == PREHAB_ALERT_EMERGENCY
                           ? "emergency number" : "book an appointment";

      *onboarding = (Scenario) {
        .name = g_strconcat ("red-flag-at-onboarding-", red_flags[i].id, NULL),
        .history = STEADY (2) "; 3: m2", .day = 3, .flags = red_flags[i].id,
        .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_DESENSITIZE,
        .alert = red_flags[i].alert, .expect = "training=0 strength=0 +diaphragmatic-breathing",
        .reason = reason,
      };
      *logged = (Scenario) {
        .name = g_strconcat ("red-flag-logged-", red_flags[i].id, NULL),
        .history = g_strconcat (STEADY (13) "; 14: m2 !", red_flags[i].id, NULL), .day = 14,
        .decision = PREHAB_DECISION_STOP, .phase = PREHAB_PHASE_STRENGTHEN,
        .alert = red_flags[i].alert, .expect = "training=0 strength=0 +cat-cow",
        .reason = reason,
      };
      g_ptr_array_add (strings, (char *) onboarding->name);
      g_ptr_array_add (strings, (char *) logged->name);
      g_ptr_array_add (strings, (char *) logged->history);
    }

  return rows;
}

/* Main ------------------------------------------------------------------------ */

static void
shared_set_up (void)
{
  g_autoptr (GError) error = NULL;

  shared.dir = prehab_test_make_dir ();
  shared.store = prehab_catalog_open_store (shared.dir, &error);
  g_assert_no_error (error);
  shared.program = prehab_program_load (shared.store, PREHAB_DEFAULT_PROGRAM, &error);
  g_assert_no_error (error);
  shared.exercises = prehab_exercise_load_all (shared.store, &error);
  g_assert_no_error (error);
}

static void
shared_tear_down (void)
{
  g_clear_object (&shared.exercises);
  g_clear_pointer (&shared.program, prehab_program_free);
  g_clear_object (&shared.store);
  prehab_test_remove_tree (shared.dir);
  g_clear_pointer (&shared.dir, g_free);
}

static void
add_scenario (const Scenario *scenario)
{
  g_autofree char *path = g_strconcat ("/planner/", scenario->name, NULL);

  g_test_add_data_func (path, scenario, run_scenario);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree Scenario *red_flag_scenarios = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  shared_set_up ();

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    add_scenario (&scenarios[i]);

  g_test_add_func ("/planner/red-flags-all-listed", test_red_flags_all_listed);
  red_flag_scenarios = red_flag_scenarios_new (strings);
  for (guint i = 0; i < 2 * G_N_ELEMENTS (red_flags); i++)
    add_scenario (&red_flag_scenarios[i]);

  status = g_test_run ();

  shared_tear_down ();
  return status;
}
