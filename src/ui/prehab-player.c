/* prehab-player.c
 *
 * Copyright 2026 The Prehab authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prehab-player"

#include "config.h"

#include "prehab-player.h"

#include <glib/gi18n.h>
#include <gsound.h>

#include "prehab-breathing-guide.h"
#include "prehab-date.h"
#include "prehab-figure.h"
#include "prehab-figure-view.h"
#include "prehab-player-stage.h"

/* How often the clock is read while the session runs. */
#define TICK_MS          100
/* The last seconds of a countdown that tick. */
#define COUNTDOWN_TICKS  3
/* Event sounds that may fail in a row before the session stops trying. */
#define MAX_SOUND_FAILURES 3

struct _PrehabPlayer
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkToggleButton      *mute_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkWidget            *content_box;
  GtkLabel             *kind_label;
  GtkLabel             *name_label;
  GtkLabel             *cue_label;
  GtkLabel             *detail_label;
  PrehabFigureView     *figure;
  GtkStack             *counter_stack;
  GtkLabel             *countdown_label;
  GtkLabel             *rep_label;
  PrehabBreathingGuide *guide;
  GtkLabel             *pace_label;
  GtkLabel             *hold_label;
  GtkLabel             *next_label;
  GtkWidget            *pause_button;
  GtkProgressBar       *progress_bar;
  GtkLabel             *remaining_label;
  GtkImage             *finish_icon;
  GtkLabel             *finish_title;
  GtkLabel             *finish_description;
  GtkWidget            *summary_group;
  GtkListBox           *summary_list;
  GtkWidget            *rating_group;
  GtkBox               *rating_box;
  GtkWidget            *note_group;
  AdwEntryRow          *note_row;
  GtkWidget            *save_button;
  GtkWidget            *close_button;

  GtkRange             *during_scale;
  GtkRange             *after_scale;

  PrehabStore          *store;
  char                 *date;
  PrehabRunner         *runner;
  GHashTable           *exercises;       /* id → PrehabExercise */
  GStrv                 figure_ids;      /* exercises that have a figure */
  guint                 frame_tick_id;
  GSettings            *settings;
  GSoundContext        *sound;
  gboolean              sound_failed;
  guint                 sound_failures;
  GtkApplication       *inhibit_app;
  guint                 inhibit_cookie;
  guint                 timeout_id;
  guint                 flash_id;
  int                   last_seconds;    /* the countdown shown, whole seconds */
  gboolean              finished;        /* the finish page is up */
  gboolean              saved;
  gboolean              closing;         /* close without asking */
  gboolean              asking;          /* the leave dialog is up */
};

G_DEFINE_FINAL_TYPE (PrehabPlayer, prehab_player, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_step (PrehabPlayer *self);
static void update_time (PrehabPlayer *self);
static void update_controls (PrehabPlayer *self);
static void update_frame_tick (PrehabPlayer *self);
static void show_finish (PrehabPlayer *self);

/* Helpers ----------------------------------------------------------------- */

static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "session-sounds"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
animations_enabled (PrehabPlayer *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static PrehabExercise *
lookup_exercise (PrehabPlayer *self,
                 guint         item)
{
  return g_hash_table_lookup (self->exercises, prehab_runner_get_exercise_id (self->runner, item));
}

static const char *
item_name (PrehabPlayer *self,
           guint         item)
{
  PrehabExercise *exercise = lookup_exercise (self, item);

  return exercise != NULL ? prehab_exercise_get_name (exercise)
                          : prehab_runner_get_exercise_id (self->runner, item);
}

/* The first cue is the one to keep in mind while moving. */
static const char *
item_cue (PrehabPlayer *self,
          guint         item)
{
  PrehabExercise *exercise = lookup_exercise (self, item);
  const char * const *cues = exercise != NULL ? prehab_exercise_get_cues (exercise) : NULL;

  return cues != NULL && cues[0] != NULL ? cues[0] : "";
}

/* Minutes and seconds, "1:05"; seconds are rounded up so that the count
 * reaches 0:00 only when the step ends. */
static char *
format_clock (gint64 usec)
{
  gint64 seconds = (usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  /* Translators: a countdown, minutes and seconds, e.g. "1:05" */
  return g_strdup_printf (_("%d:%02d"), (int) (seconds / 60), (int) (seconds % 60));
}

static const char *
side_label (PrehabSide side)
{
  switch (side)
    {
    case PREHAB_SIDE_LEFT:
      /* Translators: the side of the body a per-side exercise works now */
      return _("Left side");
    case PREHAB_SIDE_RIGHT:
      return _("Right side");
    case PREHAB_SIDE_NONE:
    default:
      return NULL;
    }
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  text = text != NULL ? text : "";
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), *text != '\0');
}

static void
set_accessible_label (gpointer    widget,
                      const char *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* "Set 1 of 2", or NULL for a single set. */
static char *
dup_set_text (PrehabPlayer           *self,
              const PrehabRunnerStep *step)
{
  const PrehabDose *dose = prehab_runner_get_planned_dose (self->runner, step->item);

  if (dose->sets <= 1 || step->set == 0)
    return NULL;

  /* Translators: which set of an exercise, e.g. "Set 1 of 2" */
  return g_strdup_printf (_("Set %d of %d"), step->set, dose->sets);
}

/* A short description of a step for "Next: …". */
static char *
dup_next_text (PrehabPlayer           *self,
               const PrehabRunnerStep *current,
               const PrehabRunnerStep *next)
{
  g_autofree char *rest = NULL;
  g_autofree char *set = NULL;
  const char *side;

  if (next == NULL)
    /* Translators: shown where "Next: …" is, during the session's last step */
    return g_strdup (_("Last step"));

  /* Changing sides and resting say what comes next already. */
  if (current != NULL && (current->kind == PREHAB_STEP_SWITCH_SIDES ||
                          current->kind == PREHAB_STEP_REST))
    return NULL;

  switch (next->kind)
    {
    case PREHAB_STEP_PREPARE:
      /* Translators: what comes after this step: an exercise's name */
      return g_strdup_printf (_("Next: %s"), item_name (self, next->item));

    case PREHAB_STEP_SWITCH_SIDES:
      /* Translators: what comes after this step: changing to the other side */
      return g_strdup (_("Next: switch sides"));

    case PREHAB_STEP_REST:
      rest = format_clock ((gint64) next->duration_s * G_USEC_PER_SEC);
      /* Translators: what comes after this step: a rest of minutes and
       * seconds, e.g. "Next: rest, 1:00" */
      return g_strdup_printf (_("Next: rest, %s"), rest);

    case PREHAB_STEP_WORK:
    default:
      break;
    }

  /* Translators: a side in the middle of "Next: …", e.g. "Next: Bird dog,
   * left side" */
  side = next->side == PREHAB_SIDE_LEFT ? _("left side")
         : next->side == PREHAB_SIDE_RIGHT ? _("right side") : NULL;
  set = dup_set_text (self, next);

  /* Getting ready names the exercise already; say only where it starts. */
  if (current != NULL && current->kind == PREHAB_STEP_PREPARE && current->item == next->item)
    /* Translators: while getting ready for an exercise done on each side */
    return g_strdup (next->side == PREHAB_SIDE_LEFT ? _("Starts on the left side")
                     : next->side == PREHAB_SIDE_RIGHT ? _("Starts on the right side") : NULL);

  if (current != NULL && current->kind != PREHAB_STEP_PREPARE && current->item == next->item)
    {
      /* Within the same exercise: only what changes. */
      if (side != NULL && set != NULL)
        /* Translators: the next step of the same exercise, e.g.
         * "Next: right side, Set 2 of 2" */
        return g_strdup_printf (_("Next: %s, %s"), side, set);
      if (set != NULL)
        /* Translators: the next step of the same exercise, e.g. "Next: Set 2 of 2" */
        return g_strdup_printf (_("Next: %s"), set);
      if (side != NULL)
        return g_strdup_printf (_("Next: %s"), side);
    }

  if (side != NULL)
    /* Translators: the next step: an exercise on one side, e.g.
     * "Next: Side-lying open book, left side" */
    return g_strdup_printf (_("Next: %s, %s"), item_name (self, next->item), side);

  /* Translators: what comes after this step: an exercise's name */
  return g_strdup_printf (_("Next: %s"), item_name (self, next->item));
}

static const char *
pace_word (const PrehabRunnerStep *step,
           PrehabPace              pace)
{
  switch (pace)
    {
    case PREHAB_PACE_OUT:
      /* Translators: the first half of a rep, with a breathing tempo */
      return step->paced ? _("Breathe in")
                         /* Translators: the first half of a rep without a
                          * breathing tempo: move into the position */
                         : _("Move");
    case PREHAB_PACE_HOLD:
      /* Translators: keep the position for the hold of a rep */
      return _("Hold");
    case PREHAB_PACE_BACK:
      /* Translators: the second half of a rep, with a breathing tempo */
      return step->paced ? _("Breathe out")
                         /* Translators: the second half of a rep without a
                          * breathing tempo: come back to the start */
                         : _("Return");
    case PREHAB_PACE_NONE:
    default:
      return "";
    }
}

/* Sounds and the flash ---------------------------------------------------- */

static gboolean
sounds_on (PrehabPlayer *self)
{
  return !gtk_toggle_button_get_active (self->mute_button);
}

/* Plays an event sound of the desktop's theme. No sound server, no theme,
 * no sound: the session goes on either way. */
static void
play_sound (PrehabPlayer *self,
            const char   *event_id,
            const char   *description)
{
  g_autoptr (GError) error = NULL;

  if (!sounds_on (self) || self->sound_failed)
    return;

  if (self->sound == NULL)
    {
      self->sound = gsound_context_new (NULL, &error);
      if (self->sound == NULL)
        {
          g_debug ("No event sounds: %s", error->message);
          self->sound_failed = TRUE;
          return;
        }
    }

  if (gsound_context_play_simple (self->sound, NULL, &error,
                                  GSOUND_ATTR_EVENT_ID, event_id,
                                  GSOUND_ATTR_EVENT_DESCRIPTION, description,
                                  NULL))
    {
      self->sound_failures = 0;
      return;
    }

  g_debug ("Could not play “%s”: %s", event_id, error->message);

  /* Without a working sound device every try fails the same way, and each
   * one costs the main loop a look through the audio configuration: give
   * up for this session after a few in a row. The flash still shows. */
  if (++self->sound_failures >= MAX_SOUND_FAILURES)
    self->sound_failed = TRUE;
}

static gboolean
end_flash_cb (gpointer user_data)
{
  PrehabPlayer *self = user_data;

  self->flash_id = 0;
  gtk_widget_remove_css_class (self->content_box, "flash");
  return G_SOURCE_REMOVE;
}

/* A visible cue with every sound: a pulse of the accent colour that fades
 * (style.css), or a still highlight for a second without animations. */
static void
flash (PrehabPlayer *self)
{
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_add_css_class (self->content_box, "flash");
  self->flash_id = g_timeout_add (animations_enabled (self) ? 250 : 1000, end_flash_cb, self);
}

static void
cue_step (PrehabPlayer           *self,
          const PrehabRunnerStep *step)
{
  if (step->kind == PREHAB_STEP_WORK)
    /* Translators: describes an event sound to the sound server */
    play_sound (self, "bell", _("Start moving"));
  else
    /* Translators: describes an event sound to the sound server */
    play_sound (self, "message", _("Next step"));
  flash (self);
}

/* Showing the runner ------------------------------------------------------ */

static void
update_inhibit (PrehabPlayer *self)
{
  gboolean want = !self->finished &&
                  prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING &&
                  gtk_widget_get_mapped (GTK_WIDGET (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (want && self->inhibit_cookie == 0 && app != NULL)
    {
      /* Translators: why the screen stays on, shown by the desktop */
      self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                      GTK_APPLICATION_INHIBIT_IDLE,
                                                      _("A guided session is running"));
      if (self->inhibit_cookie != 0)
        g_set_object (&self->inhibit_app, app);
    }
  else if (!want && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_object (&self->inhibit_app);
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  PrehabPlayer *self = user_data;

  prehab_runner_update (self->runner);
  if (self->timeout_id == 0)
    return G_SOURCE_REMOVE;

  update_time (self);
  return G_SOURCE_CONTINUE;
}

static void
update_controls (PrehabPlayer *self)
{
  PrehabRunnerState state = prehab_runner_get_state (self->runner);
  gboolean running = state == PREHAB_RUNNER_RUNNING;
  gboolean active = !self->finished && (running || state == PREHAB_RUNNER_PAUSED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.toggle-pause", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.skip", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.back", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.save",
                                 self->finished && !self->saved &&
                                 prehab_runner_get_any_done (self->runner));

  gtk_button_set_icon_name (GTK_BUTTON (self->pause_button),
                            running ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->pause_button, running ? _("Pause (Space)") : _("Resume (Space)"));
  set_accessible_label (self->pause_button, running ? _("Pause") : _("Resume"));

  if (running && self->timeout_id == 0)
    self->timeout_id = g_timeout_add (TICK_MS, on_timeout_cb, self);
  else if (!running)
    g_clear_handle_id (&self->timeout_id, g_source_remove);

  update_frame_tick (self);
  update_inhibit (self);
}

/* The breathing guide and the figure follow the rep: the figure moves to
 * its end pose while moving out, holds there, and comes back. Without
 * animations both stand still in each part: the figure shows where the
 * part goes. */
static void
update_pace (PrehabPlayer *self)
{
  const PrehabRunnerStep *step = prehab_runner_get_current_step (self->runner);
  double fraction = 0;
  PrehabPace pace;
  double frame;

  if (step == NULL || step->kind != PREHAB_STEP_WORK || step->reps == 0)
    return;

  pace = prehab_runner_get_pace (self->runner, &fraction);
  prehab_breathing_guide_set_pace (self->guide, pace, fraction, step->hold_s > 0);

  if (!animations_enabled (self))
    frame = pace == PREHAB_PACE_BACK ? 0 : 1;
  else if (pace == PREHAB_PACE_OUT)
    frame = fraction;
  else if (pace == PREHAB_PACE_HOLD)
    frame = 1;
  else if (pace == PREHAB_PACE_BACK)
    frame = 1 - fraction;
  else
    frame = 0;
  prehab_figure_view_set_frame (self->figure, frame);
}

static gboolean
on_frame_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  update_pace (user_data);
  return G_SOURCE_CONTINUE;
}

/* Smooth movement needs every frame while reps run; the rest of the
 * screen changes at most ten times a second. */
static void
update_frame_tick (PrehabPlayer *self)
{
  const PrehabRunnerStep *step = prehab_runner_get_current_step (self->runner);
  gboolean tick = !self->finished && step != NULL && step->kind == PREHAB_STEP_WORK &&
                  step->reps > 0 && animations_enabled (self) &&
                  prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING;

  if (tick && self->frame_tick_id == 0)
    self->frame_tick_id = gtk_widget_add_tick_callback (self->content_box, on_frame_cb, self, NULL);
  else if (!tick && self->frame_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->content_box, self->frame_tick_id);
      self->frame_tick_id = 0;
    }
}

/* What changes within a step: the countdown, the rep and its pace, the
 * session's progress. */
static void
update_time (PrehabPlayer *self)
{
  const PrehabRunnerStep *step = prehab_runner_get_current_step (self->runner);
  gint64 remaining;
  g_autofree char *left = NULL;
  g_autofree char *left_text = NULL;
  gboolean running = prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING;
  int seconds;

  if (step == NULL || self->finished)
    return;

  remaining = prehab_runner_get_step_remaining (self->runner);
  seconds = (int) ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (step->kind == PREHAB_STEP_WORK && step->reps > 0)
    {
      double fraction;
      PrehabPace pace = prehab_runner_get_pace (self->runner, &fraction);
      int rep = prehab_runner_get_rep (self->runner);
      g_autofree char *rep_text = NULL;

      /* Translators: the rep under way and how many, e.g. "Rep 3 of 15" */
      rep_text = g_strdup_printf (_("Rep %d of %d"), rep, step->reps);
      set_label (self->rep_label, rep_text);
      set_label (self->pace_label, pace_word (step, pace));
      update_pace (self);

      /* A hold counts down its own seconds. */
      if (pace == PREHAB_PACE_HOLD && step->hold_s >= 2)
        {
          g_autofree char *hold = format_clock ((gint64) ((1 - fraction) * step->hold_s * G_USEC_PER_SEC));

          set_label (self->hold_label, hold);
        }
      else
        {
          set_label (self->hold_label, NULL);
        }
    }
  else
    {
      g_autofree char *countdown = format_clock (remaining);

      set_label (self->countdown_label, countdown);

      /* The last seconds tick, once each. */
      if (running && seconds != self->last_seconds && seconds > 0 && seconds <= COUNTDOWN_TICKS &&
          step->duration_s > COUNTDOWN_TICKS)
        /* Translators: describes an event sound to the sound server */
        play_sound (self, "audio-volume-change", _("Countdown"));
    }
  self->last_seconds = seconds;

  gtk_progress_bar_set_fraction (self->progress_bar, prehab_runner_get_progress (self->runner));
  left = format_clock (prehab_runner_get_remaining (self->runner));
  /* Translators: time left of the whole session, e.g. "12:30 left" */
  left_text = g_strdup_printf (_("%s left"), left);
  set_label (self->remaining_label, left_text);
}

/* The figure plays through timed work on its own; reps move it (see
 * update_pace()); getting ready, resting and changing sides show the start
 * pose to get into. */
static void
update_figure (PrehabPlayer           *self,
               const PrehabRunnerStep *step)
{
  const char *id = prehab_runner_get_exercise_id (self->runner, step->item);
  gboolean has_figure = self->figure_ids != NULL && g_strv_contains ((const char * const *) self->figure_ids, id);
  gboolean running = prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING;

  gtk_widget_set_visible (GTK_WIDGET (self->figure), has_figure);
  if (!has_figure)
    return;

  prehab_figure_view_set_exercise_id (self->figure, id);
  prehab_figure_view_set_playing (self->figure, running && step->kind == PREHAB_STEP_WORK && step->reps == 0);
  if (step->kind != PREHAB_STEP_WORK)
    prehab_figure_view_set_frame (self->figure, 0);
}

/* What a step shows as long as it lasts. */
static void
update_step (PrehabPlayer *self)
{
  const PrehabRunnerStep *step = prehab_runner_get_current_step (self->runner);
  const PrehabRunnerStep *next;
  const PrehabDose *dose;
  g_autofree char *subtitle = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *set = NULL;
  g_autofree char *summary = NULL;
  const char *kind = NULL;
  const char *side;
  gboolean reps;

  if (step == NULL || self->finished)
    return;

  dose = prehab_runner_get_planned_dose (self->runner, step->item);
  next = prehab_runner_get_next_step (self->runner);
  set = dup_set_text (self, step);
  side = side_label (step->side);
  reps = step->kind == PREHAB_STEP_WORK && step->reps > 0;

  switch (step->kind)
    {
    case PREHAB_STEP_PREPARE:
      /* Translators: the step before an exercise: get into position */
      kind = _("Get Ready");
      detail = prehab_dose_format (dose);
      break;
    case PREHAB_STEP_WORK:
      /* Translators: the step of an exercise's work: start moving */
      kind = _("Go");
      if (side != NULL && set != NULL)
        /* Translators: e.g. "Left side · Set 1 of 2" */
        detail = g_strdup_printf (_("%s · %s"), side, set);
      else
        detail = g_strdup (side != NULL ? side : set);
      break;
    case PREHAB_STEP_SWITCH_SIDES:
      /* Translators: the step between the two sides of an exercise */
      kind = _("Switch Sides");
      /* Translators: during the change of sides, e.g. "Right side next" */
      detail = g_strdup (step->side == PREHAB_SIDE_LEFT ? _("Left side next") : _("Right side next"));
      break;
    case PREHAB_STEP_REST:
      /* Translators: the step between two sets: a noun */
      kind = _("Rest");
      /* Translators: during a rest between sets, e.g. "Set 2 of 2 next" */
      detail = g_strdup_printf (_("Set %d of %d next"), step->set + 1, dose->sets);
      break;
    default:
      g_assert_not_reached ();
    }

  if (prehab_runner_get_state (self->runner) == PREHAB_RUNNER_PAUSED)
    /* Translators: shown instead of the step's kind while paused */
    kind = _("Paused");

  set_label (self->kind_label, kind);
  set_label (self->name_label, item_name (self, step->item));
  set_label (self->cue_label, item_cue (self, step->item));
  set_label (self->detail_label, detail);
  next_text = dup_next_text (self, step, next);
  set_label (self->next_label, next_text);
  gtk_stack_set_visible_child_name (self->counter_stack, reps ? "reps" : "timer");
  update_figure (self, step);
  update_frame_tick (self);

  /* Translators: the window's subtitle, e.g. "Exercise 2 of 6" */
  subtitle = g_strdup_printf (_("Exercise %u of %u"), step->item + 1,
                              prehab_runner_get_n_items (self->runner));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* GTK 4.8 has no live regions: a screen reader reads the step when asked
   * (the labels above, the window title) or when it comes back to the
   * play button, whose description always says where the session is. */
  summary = detail != NULL && *detail != '\0'
            /* Translators: the step for screen readers: kind, exercise,
             * detail, e.g. "Go: Bird dog, Left side · Set 1 of 2" */
            ? g_strdup_printf (_("%s: %s, %s"), kind, item_name (self, step->item), detail)
            /* Translators: the step for screen readers: kind and exercise */
            : g_strdup_printf (_("%s: %s"), kind, item_name (self, step->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  set_accessible_label (self->content_box, summary);

  self->last_seconds = -1;
  update_time (self);
}

/* Runner signals ---------------------------------------------------------- */

static void
on_step_changed_cb (PrehabPlayer *self,
                    guint         position)
{
  update_step (self);
  if (prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING)
    cue_step (self, prehab_runner_get_current_step (self->runner));
}

static void
on_state_changed_cb (PrehabPlayer *self)
{
  update_controls (self);
  update_step (self);
}

static void
on_finished_cb (PrehabPlayer *self)
{
  /* Translators: describes an event sound to the sound server */
  play_sound (self, "complete", _("Session finished"));
  show_finish (self);
}

/* The finish page --------------------------------------------------------- */

/* What was done of one exercise, in words. */
static char *
dup_done_text (const PrehabDose *planned,
               const PrehabDose *done,
               gboolean          completed)
{
  int sets = MAX (planned->sets, 1);

  if (completed)
    /* Translators: what was done of an exercise in a session */
    return g_strdup (_("Done in full"));

  if (planned->reps > 0)
    {
      int total = sets * planned->reps;

      if (done->reps == 0)
        /* Translators: what was done of an exercise in a session */
        return g_strdup (_("Not done"));
      if (planned->per_side)
        /* Translators: reps done of an exercise ended early, e.g.
         * "5 of 8 reps each side" */
        return g_strdup_printf (ngettext ("%d of %d rep each side", "%d of %d reps each side", total),
                                done->reps, total);
      /* Translators: reps done of an exercise ended early, e.g. "5 of 15 reps" */
      return g_strdup_printf (ngettext ("%d of %d rep", "%d of %d reps", total), done->reps, total);
    }

  if (done->duration_s == 0)
    /* Translators: what was done of an exercise in a session */
    return g_strdup (_("Not done"));

  {
    g_autofree char *part = format_clock ((gint64) done->duration_s * G_USEC_PER_SEC);
    g_autofree char *whole = format_clock ((gint64) sets * planned->duration_s * G_USEC_PER_SEC);

    /* Translators: time done of a timed exercise ended early, e.g.
     * "1:20 of 3:00" */
    return g_strdup_printf (_("%s of %s"), part, whole);
  }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_finish (PrehabPlayer *self)
{
  guint n_items = prehab_runner_get_n_items (self->runner);
  guint n_full = 0;
  gboolean any = prehab_runner_get_any_done (self->runner);
  g_autofree char *description = NULL;
  const char *title;

  if (self->finished)
    return;
  self->finished = TRUE;

  clear_list (self->summary_list);
  for (guint i = 0; i < n_items; i++)
    {
      PrehabDose done;
      gboolean completed = prehab_runner_get_done (self->runner, i, &done);
      g_autofree char *text = dup_done_text (prehab_runner_get_planned_dose (self->runner, i),
                                             &done, completed);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new ();

      if (completed)
        {
          n_full++;
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
          gtk_widget_add_css_class (icon, "success");
        }
      else if (done.reps > 0 || done.duration_s > 0)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "view-more-horizontal-symbolic");
          gtk_widget_add_css_class (icon, "dim-label");
        }
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 16);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_name (self, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
      gtk_list_box_append (self->summary_list, row);
    }

  if (!any)
    {
      /* Translators: the title of the player's last page when no work was done */
      title = _("Nothing to Save");
      description = g_strdup (_("Not one whole rep or second of work was done, so there is nothing to save."));
      gtk_image_set_from_icon_name (self->finish_icon, "media-skip-forward-symbolic");
    }
  else if (n_full == n_items)
    {
      /* Translators: the title of the player's last page */
      title = _("Session Done");
      description = g_strdup (_("Every exercise done in full. Well done."));
      gtk_image_set_from_icon_name (self->finish_icon, "object-select-symbolic");
    }
  else
    {
      /* Translators: the title of the player's last page when some
       * exercises were not done in full */
      title = _("Session Ended Early");
      description = g_strdup_printf (ngettext ("%u of %u exercise done in full. What you did still counts: it is saved as a partial session.",
                                               "%u of %u exercises done in full. What you did still counts: it is saved as a partial session.",
                                               n_items),
                                     n_full, n_items);
      gtk_image_set_from_icon_name (self->finish_icon, "view-more-horizontal-symbolic");
    }

  set_label (self->finish_title, title);
  set_label (self->finish_description, description);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_widget_set_visible (self->summary_group, any);
  gtk_widget_set_visible (self->rating_group, any);
  gtk_widget_set_visible (self->note_group, any);
  gtk_widget_set_visible (self->save_button, any);
  gtk_widget_set_visible (GTK_WIDGET (self->mute_button), FALSE);
  gtk_widget_set_visible (self->close_button, !any);
  gtk_stack_set_visible_child_name (self->stack, "finish");
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_remove_css_class (self->content_box, "flash");

  update_controls (self);
  gtk_widget_grab_focus (any ? GTK_WIDGET (self->during_scale) : self->close_button);
}

/* Same look as the Today view's rating prompt. */
static GtkRange *
add_pain_scale (GtkBox     *box,
                const char *label)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  /* Translators: the ends of the 0 to 10 pain scale */
  gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, _("None"));
  gtk_scale_add_mark (GTK_SCALE (scale), 3, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 5, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 10, GTK_POS_BOTTOM, _("Worst"));
  set_accessible_label (scale, label);
  gtk_box_append (box, title);
  gtk_box_append (box, scale);

  return GTK_RANGE (scale);
}

/* Leaving ----------------------------------------------------------------- */

static void
close_now (PrehabPlayer *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  close_now (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PrehabPlayer     *self)
{
  gboolean was_running = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "was-running"));

  self->asking = FALSE;

  if (g_str_equal (response, "save"))
    show_finish (self);
  else if (g_str_equal (response, "discard"))
    /* Once the dialog, which is transient for this window, is gone. */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
  else if (was_running)
    prehab_runner_resume (self->runner);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PrehabPlayer *self = PREHAB_PLAYER (widget);
  gboolean any = prehab_runner_get_any_done (self->runner);
  gboolean was_running = prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING;
  AdwMessageDialog *dialog;

  if (self->asking)
    return;

  if (self->saved || (self->finished && !any))
    {
      close_now (self);
      return;
    }

  if (self->finished)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Leave Without Saving?"),
                                                           _("What you did in this session will not be recorded.")));
      adw_message_dialog_add_responses (dialog,
                                        "keep", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        NULL);
    }
  else
    {
      prehab_runner_pause (self->runner);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Stop the Session?"),
                                                           any ? _("You can save what you did so far and rate how it felt.")
                                                               : _("Nothing was done yet, so there is nothing to save.")));
      adw_message_dialog_add_response (dialog, "keep", _("_Keep Going"));
      if (any)
        {
          adw_message_dialog_add_response (dialog, "save", _("_Stop and Save What I Did"));
          adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
        }
      adw_message_dialog_add_response (dialog, "discard", any ? _("_Discard") : _("_Stop"));
    }

  if (any)
    adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "was-running", GINT_TO_POINTER (was_running));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb), self, 0);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions and callbacks --------------------------------------------------- */

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PrehabPlayer *self = PREHAB_PLAYER (widget);

  if (prehab_runner_get_state (self->runner) == PREHAB_RUNNER_RUNNING)
    prehab_runner_pause (self->runner);
  else
    prehab_runner_resume (self->runner);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  prehab_runner_skip (PREHAB_PLAYER (widget)->runner);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrehabPlayer *self = PREHAB_PLAYER (widget);
  guint position = prehab_runner_get_position (self->runner);

  prehab_runner_back (self->runner);
  /* Going back to the start of the same step emits no step change. */
  if (prehab_runner_get_position (self->runner) == position)
    update_step (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrehabPlayer *self = PREHAB_PLAYER (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  g_strstrip (note);
  if (!prehab_schedule_record_guided (self->store, self->date, self->runner,
                                      (int) gtk_range_get_value (self->during_scale),
                                      (int) gtk_range_get_value (self->after_scale),
                                      note, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      g_warning ("%s", error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  self->saved = TRUE;
  update_controls (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  close_now (self);
}

static void
on_mute_toggled_cb (PrehabPlayer *self)
{
  gboolean muted = gtk_toggle_button_get_active (self->mute_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            muted ? "audio-volume-muted-symbolic" : "audio-volume-high-symbolic");
}

/* Space, Left and Right belong to the session while it runs, whichever
 * control has the focus; on the finish page they go to the controls. */
static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  PrehabPlayer *self = PREHAB_PLAYER (widget);
  const char *action = user_data;
  PrehabRunnerState state = prehab_runner_get_state (self->runner);

  if (!g_str_equal (action, "player.leave") &&
      (self->finished || (state != PREHAB_RUNNER_RUNNING && state != PREHAB_RUNNER_PAUSED)))
    return FALSE;

  return gtk_widget_activate_action (widget, action, NULL);
}

static gboolean
on_close_request_cb (PrehabPlayer *self)
{
  if (self->closing)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "player.leave", NULL);
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_callback_action_new (shortcut_cb,
                                                                                   (gpointer) action,
                                                                                   NULL)));
}

/* Overrides --------------------------------------------------------------- */

static void
prehab_player_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (prehab_player_parent_class)->map (widget);
  update_inhibit (PREHAB_PLAYER (widget));
}

static void
prehab_player_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (prehab_player_parent_class)->unmap (widget);
  update_inhibit (PREHAB_PLAYER (widget));
}

static void
prehab_player_dispose (GObject *object)
{
  PrehabPlayer *self = PREHAB_PLAYER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  if (self->frame_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->content_box, self->frame_tick_id);
      self->frame_tick_id = 0;
    }
  if (self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  g_clear_object (&self->inhibit_app);
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_PLAYER);
  g_clear_object (&self->runner);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->sound);
  g_clear_pointer (&self->exercises, g_hash_table_unref);
  g_clear_pointer (&self->figure_ids, g_strfreev);

  G_OBJECT_CLASS (prehab_player_parent_class)->dispose (object);
}

static void
prehab_player_finalize (GObject *object)
{
  PrehabPlayer *self = PREHAB_PLAYER (object);

  g_free (self->date);

  G_OBJECT_CLASS (prehab_player_parent_class)->finalize (object);
}

static void
prehab_player_class_init (PrehabPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_player_dispose;
  object_class->finalize = prehab_player_finalize;
  widget_class->map = prehab_player_map;
  widget_class->unmap = prehab_player_unmap;

  /**
   * PrehabPlayer::saved:
   *
   * Emitted after the session was recorded, so the views update.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  g_type_ensure (PREHAB_TYPE_BREATHING_GUIDE);
  g_type_ensure (PREHAB_TYPE_FIGURE_VIEW);
  g_type_ensure (PREHAB_TYPE_PLAYER_STAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-player.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, window_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, mute_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, content_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, kind_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, name_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, cue_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, figure);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, counter_stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, rep_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, guide);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, pace_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, hold_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, next_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, finish_icon);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, finish_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, finish_description);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, summary_list);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, rating_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, rating_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, note_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, note_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, save_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlayer, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_mute_toggled_cb);

  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "player.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "player.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "player.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "player.save", NULL, save_action);
}

static void
prehab_player_init (PrehabPlayer *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->during_scale = add_pain_scale (self->rating_box, _("Highest pain during the session"));
  self->after_scale = add_pain_scale (self->rating_box, _("Pain right now"));

  /* Before the focused control sees the key. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_space, "player.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Space, "player.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, "player.skip");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, "player.back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, "player.leave");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);

  self->settings = dup_settings ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "session-sounds", self->mute_button, "active",
                     G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_INVERT_BOOLEAN);
  else
    g_debug ("Schema %s is not installed: session sounds are on until muted", APPLICATION_ID);
  on_mute_toggled_cb (self);

  self->last_seconds = -1;
}

/* Public API -------------------------------------------------------------- */

/**
 * prehab_player_new_for_runner:
 * @parent: (nullable): the window it belongs to
 * @store: the open store, where the session is recorded
 * @date: the day of the session, YYYY-MM-DD
 * @runner: the session's steps, not started
 *
 * Returns: (transfer floating): a player; prehab_player_start() runs it
 */
PrehabPlayer *
prehab_player_new_for_runner (GtkWindow    *parent,
                              PrehabStore  *store,
                              const char   *date,
                              PrehabRunner *runner)
{
  g_autoptr (GListModel) exercises = NULL;
  g_autoptr (GError) error = NULL;
  PrehabPlayer *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (PREHAB_IS_RUNNER (runner), NULL);

  self = g_object_new (PREHAB_TYPE_PLAYER, NULL);
  self->store = g_object_ref (store);
  self->date = g_strdup (date);
  self->runner = g_object_ref (runner);
  self->exercises = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->figure_ids = prehab_figure_list_ids ();

  exercises = prehab_exercise_load_all (store, &error);
  if (exercises == NULL)
    g_warning ("Exercise names are missing from the player: %s", error->message);
  for (guint i = 0; exercises != NULL && i < g_list_model_get_n_items (exercises); i++)
    {
      PrehabExercise *exercise = g_list_model_get_item (exercises, i);

      g_hash_table_insert (self->exercises, (gpointer) prehab_exercise_get_id (exercise), exercise);
    }

  if (parent != NULL)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (parent));
      int height = gtk_widget_get_height (GTK_WIDGET (parent));

      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      /* As large as the window it covers. */
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }

  g_signal_connect_object (runner, "step-changed", G_CALLBACK (on_step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "notify::state", G_CALLBACK (on_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "finished", G_CALLBACK (on_finished_cb), self,
                           G_CONNECT_SWAPPED);

  update_step (self);
  update_controls (self);

  return self;
}

/**
 * prehab_player_new:
 * @parent: (nullable): the window it belongs to
 * @store: the open store
 * @plan: the day's plan, from prehab_schedule_decide()
 *
 * A player for the session of @plan on the real clock.
 *
 * Returns: (transfer floating): a player; prehab_player_start() runs it
 */
PrehabPlayer *
prehab_player_new (GtkWindow        *parent,
                   PrehabStore      *store,
                   const PrehabPlan *plan)
{
  g_autofree PrehabRunnerItem *items = NULL;
  g_autoptr (PrehabRunner) runner = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  items = g_new0 (PrehabRunnerItem, MAX (plan->items->len, 1));
  for (guint i = 0; i < plan->items->len; i++)
    {
      const PrehabPlanItem *item = &g_array_index (plan->items, PrehabPlanItem, i);

      items[i] = (PrehabRunnerItem) { item->exercise_id, item->dose };
    }

  runner = prehab_runner_new (items, plan->items->len, NULL, NULL);
  date = prehab_day_to_date (plan->day);

  return prehab_player_new_for_runner (parent, store, date, runner);
}

/**
 * prehab_player_start:
 * @self: the player
 *
 * Shows the player and starts the first step.
 */
void
prehab_player_start (PrehabPlayer *self)
{
  g_return_if_fail (PREHAB_IS_PLAYER (self));

  gtk_window_present (GTK_WINDOW (self));
  prehab_runner_start (self->runner);
  gtk_widget_grab_focus (self->pause_button);
}

PrehabRunner *
prehab_player_get_runner (PrehabPlayer *self)
{
  g_return_val_if_fail (PREHAB_IS_PLAYER (self), NULL);

  return self->runner;
}
