/* prehab-exercise-detail.c
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

#define G_LOG_DOMAIN "prehab-exercise-detail"

#include "config.h"

#include "prehab-exercise-detail.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "prehab-date.h"
#include "prehab-exercise-history.h"
#include "prehab-figure.h"
#include "prehab-figure-view.h"
#include "prehab-vocabulary.h"

/* Everything about one exercise: its animated figure, dose, steps, cues, when to back off, the
 * equipment, its easier and harder versions, and the person's own history
 * with it. Whoever shows it handles "variant-activated" to open a version. */

struct _PrehabExerciseDetail
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *name_label;
  GtkBox              *tags_box;
  GtkLabel            *summary_label;
  GtkWidget           *figure_box;
  PrehabFigureView    *figure_view;
  GtkButton           *play_button;
  GtkWidget           *still_label;
  AdwActionRow        *dose_row;
  AdwActionRow        *position_row;
  AdwPreferencesGroup *steps_group;
  AdwPreferencesGroup *cues_group;
  AdwPreferencesGroup *cautions_group;
  AdwPreferencesGroup *equipment_group;
  AdwPreferencesGroup *variants_group;
  GtkBox              *variants_box;
  AdwPreferencesGroup *history_group;
  AdwActionRow        *never_row;
  AdwActionRow        *times_row;
  GtkLabel            *times_label;
  AdwActionRow        *last_done_row;
  GtkLabel            *last_done_label;
  AdwActionRow        *last_pain_row;
  GtkLabel            *last_pain_label;

  PrehabStore         *store;
  GListModel          *catalog;
  PrehabExercise      *exercise;
};

#define N_PHASES 4  /* desensitize, mobilize, strengthen, maintain */

G_DEFINE_FINAL_TYPE (PrehabExerciseDetail, prehab_exercise_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOG,
  PROP_EXERCISE,
  N_PROPS
};

enum {
  SIGNAL_VARIANT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static PrehabExercise *
find_exercise (PrehabExerciseDetail *self,
               const char           *id)
{
  guint n = g_list_model_get_n_items (self->catalog);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (self->catalog, i);

      if (g_str_equal (prehab_exercise_get_id (exercise), id))
        return exercise;
    }

  return NULL;
}

static void
add_tag (PrehabExerciseDetail *self,
         const char           *text,
         const char           *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "exercise-tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (tag, css_class);
  gtk_box_append (self->tags_box, tag);
}

static GtkWidget *
create_text_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
fill_header (PrehabExerciseDetail *self)
{
  const char * const *phases = prehab_exercise_get_phases (self->exercise);
  const char *position = prehab_exercise_get_position (self->exercise);

  gtk_label_set_label (self->name_label, prehab_exercise_get_name (self->exercise));
  gtk_label_set_label (self->summary_label, prehab_exercise_get_summary (self->exercise));

  /* One pill for daily posture work, as on the cards: four would not fit
   * a narrow window. */
  if (g_strv_length ((char **) phases) == N_PHASES)
    add_tag (self, _("Every phase"), NULL);
  else
    for (guint i = 0; phases[i] != NULL; i++)
      {
        g_autofree char *css_class = g_strconcat ("phase-", phases[i], NULL);

        add_tag (self, prehab_vocabulary_label (prehab_phases, phases[i]), css_class);
      }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->position_row),
                                 prehab_vocabulary_label (prehab_positions, position));
}

/* The play button says what pressing it does; without animations (the
 * system asks for less motion) it gives way to a line that says why the
 * figure stands still. */
static void
update_play_button (PrehabExerciseDetail *self)
{
  gboolean can_animate = prehab_figure_view_get_can_animate (self->figure_view);
  gboolean playing = prehab_figure_view_get_playing (self->figure_view);
  const char *label = playing ? _("Pause Animation") : _("Play Animation");

  gtk_widget_set_visible (GTK_WIDGET (self->play_button), can_animate);
  gtk_widget_set_visible (self->still_label, !can_animate);
  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_play_clicked_cb (PrehabExerciseDetail *self)
{
  prehab_figure_view_set_playing (self->figure_view,
                                  !prehab_figure_view_get_playing (self->figure_view));
  update_play_button (self);
}

static void
fill_figure (PrehabExerciseDetail *self)
{
  const char *id = prehab_exercise_get_id (self->exercise);
  g_autoptr (PrehabFigure) figure = NULL;
  g_autoptr (GError) error = NULL;

  figure = prehab_figure_load (id, &error);
  if (figure == NULL)
    {
      if (!g_error_matches (error, PREHAB_FIGURE_ERROR, PREHAB_FIGURE_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
      gtk_widget_set_visible (self->figure_box, FALSE);
      return;
    }

  prehab_figure_view_set_exercise_id (self->figure_view, id);
  prehab_figure_view_set_playing (self->figure_view, TRUE);
  g_signal_connect_object (self->figure_view, "notify::can-animate",
                           G_CALLBACK (update_play_button), self, G_CONNECT_SWAPPED);
  update_play_button (self);
}

static void
fill_dose (PrehabExerciseDetail *self)
{
  const PrehabDose *dose = prehab_exercise_get_dose (self->exercise);
  g_autofree char *text = prehab_dose_format (dose);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dose_row), text);
  if (dose->sets > 1 && dose->rest_s > 0)
    {
      g_autofree char *rest = NULL;

      if (dose->rest_s % 60 == 0)
        /* Translators: the rest between sets, in minutes */
        rest = g_strdup_printf (ngettext ("Rest %d minute between sets",
                                          "Rest %d minutes between sets", dose->rest_s / 60),
                                dose->rest_s / 60);
      else
        /* Translators: the rest between sets, in seconds */
        rest = g_strdup_printf (ngettext ("Rest %d second between sets",
                                          "Rest %d seconds between sets", dose->rest_s),
                                dose->rest_s);
      adw_action_row_set_subtitle (self->dose_row, rest);
    }
}

static void
fill_steps (PrehabExerciseDetail *self)
{
  const char * const *steps = prehab_exercise_get_steps (self->exercise);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      GtkWidget *row = create_text_row (steps[i]);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "step-number");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->steps_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->steps_group), steps[0] != NULL);
}

static void
fill_cues_and_cautions (PrehabExerciseDetail *self)
{
  const char * const *cues = prehab_exercise_get_cues (self->exercise);
  const char * const *cautions = prehab_exercise_get_cautions (self->exercise);

  for (guint i = 0; cues[i] != NULL; i++)
    {
      GtkWidget *row = create_text_row (cues[i]);

      /* The catalog puts the cue that matters most first. */
      if (i == 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Key cue"));
      adw_preferences_group_add (self->cues_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cues_group), cues[0] != NULL);

  for (guint i = 0; cautions[i] != NULL; i++)
    {
      GtkWidget *row = create_text_row (cautions[i]);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Caution"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->cautions_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cautions_group), cautions[0] != NULL);
}

/* One row per thing to have: an item, a group of alternatives ("Dumbbell or
 * resistance band"), or an optional item. */
static void
fill_equipment (PrehabExerciseDetail *self)
{
  guint n = prehab_exercise_get_n_equipment (self->exercise);
  g_autoptr (GString) alternatives = NULL;
  int group = 0;

  if (n == 0)
    {
      adw_preferences_group_add (self->equipment_group, create_text_row (_("No equipment")));
      return;
    }

  for (guint i = 0; i <= n; i++)
    {
      const PrehabEquipmentUse *use = i < n ? prehab_exercise_get_equipment (self->exercise, i) : NULL;
      gboolean in_group = use != NULL && !use->optional && use->alt_group > 0;

      /* A group of alternatives ends when the next item is not part of it. */
      if (alternatives != NULL && (!in_group || use->alt_group != group))
        {
          GtkWidget *row = create_text_row (alternatives->str);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Any one of these"));
          adw_preferences_group_add (self->equipment_group, row);
          g_string_free (g_steal_pointer (&alternatives), TRUE);
        }

      if (use == NULL)
        break;

      if (in_group)
        {
          if (alternatives == NULL)
            {
              alternatives = g_string_new (use->name);
              group = use->alt_group;
            }
          else
            /* Translators: joins alternative pieces of equipment */
            g_string_append_printf (alternatives, _(" or %s"), use->name);
          continue;
        }

      {
        GtkWidget *row = create_text_row (use->name);

        if (use->optional)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Optional"));
        adw_preferences_group_add (self->equipment_group, row);
      }
    }
}

static void
on_variant_clicked_cb (GtkButton            *button,
                       PrehabExerciseDetail *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "exercise-id");

  g_signal_emit (self, signals[SIGNAL_VARIANT_ACTIVATED], 0, id);
}

static void
add_variants (PrehabExerciseDetail *self,
              const char * const   *ids,
              gboolean              easier)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      PrehabExercise *variant = find_exercise (self, ids[i]);
      const char *kind = easier ? _("Easier version") : _("Harder version");
      g_autofree char *accessible = NULL;
      GtkWidget *button, *box, *text, *caption, *name, *arrow;

      if (variant == NULL)
        continue;

      caption = gtk_label_new (kind);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");

      name = gtk_label_new (prehab_exercise_get_name (variant));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (name, "heading");

      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), caption);
      gtk_box_append (GTK_BOX (text), name);

      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), arrow);

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "variant-link");
      /* Translators: the accessible name of a link to another version of
       * the exercise, e.g. "Easier version: Seated twist" */
      accessible = g_strdup_printf (_("%s: %s"), kind, prehab_exercise_get_name (variant));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "exercise-id", g_strdup (ids[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_variant_clicked_cb), self, 0);
      gtk_box_append (self->variants_box, button);
    }
}

static void
fill_variants (PrehabExerciseDetail *self)
{
  add_variants (self, prehab_exercise_get_easier (self->exercise), TRUE);
  add_variants (self, prehab_exercise_get_harder (self->exercise), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->variants_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->variants_box)) != NULL);
}

/* "Today", "Yesterday", "Tuesday 3 March", or with the year when it is not
 * this year's. */
static char *
format_day (const char *date)
{
  g_autofree char *today = prehab_date_dup_today ();
  g_autoptr (GDateTime) date_time = NULL;
  guint32 day = prehab_date_to_day (date);
  int year, month, mday;

  if (day == 0 || sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
    return g_strdup (date);

  if (g_str_equal (date, today))
    return g_strdup (_("Today"));
  if (day + 1 == prehab_date_to_day (today))
    return g_strdup (_("Yesterday"));

  date_time = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date_time == NULL)
    return g_strdup (date);

  if (strncmp (date, today, 4) == 0)
    /* Translators: a day of this year, as in "Tuesday 3 March"; see
     * g_date_time_format() */
    return g_date_time_format (date_time, _("%A %-d %B"));

  /* Translators: a day of another year, as in "3 March 2025"; see
   * g_date_time_format() */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

static void
show_history (PrehabExerciseDetail        *self,
              const PrehabExerciseHistory *history)
{
  gboolean done = history->times_done > 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->never_row), _("Not done yet"));
  adw_action_row_set_subtitle (self->never_row,
                               _("When you complete this exercise in a session, how often "
                                 "and how it went will show here."));
  gtk_widget_set_visible (GTK_WIDGET (self->never_row), !done);
  gtk_widget_set_visible (GTK_WIDGET (self->times_row), done);
  gtk_widget_set_visible (GTK_WIDGET (self->last_done_row), done);
  gtk_widget_set_visible (GTK_WIDGET (self->last_pain_row), done);

  if (!done)
    return;

  {
    g_autofree char *times = g_strdup_printf (ngettext ("%u time", "%u times", history->times_done),
                                              history->times_done);
    g_autofree char *last = format_day (history->last_done);

    gtk_label_set_label (self->times_label, times);
    gtk_label_set_label (self->last_done_label, last);
  }

  if (history->last_pain_during < 0)
    {
      /* Translators: no pain rating was given in the sessions with this exercise */
      gtk_label_set_label (self->last_pain_label, _("Not rated"));
      adw_action_row_set_subtitle (self->last_pain_row, "");
    }
  else
    {
      /* Translators: a pain rating, e.g. "3 out of 10" */
      g_autofree char *pain = g_strdup_printf (_("%d out of 10"), history->last_pain_during);

      gtk_label_set_label (self->last_pain_label, pain);
      /* Say when, if the last session with it had no rating. */
      if (g_strcmp0 (history->last_pain_date, history->last_done) != 0)
        {
          g_autofree char *day = format_day (history->last_pain_date);
          /* Translators: when the pain rating shown was given, e.g. "Rated Tuesday 3 March" */
          g_autofree char *when = g_strdup_printf (_("Rated %s"), day);

          adw_action_row_set_subtitle (self->last_pain_row, when);
        }
      else
        {
          adw_action_row_set_subtitle (self->last_pain_row, "");
        }
    }
}

static void
prehab_exercise_detail_constructed (GObject *object)
{
  PrehabExerciseDetail *self = PREHAB_EXERCISE_DETAIL (object);

  G_OBJECT_CLASS (prehab_exercise_detail_parent_class)->constructed (object);

  g_assert (PREHAB_IS_STORE (self->store));
  g_assert (G_IS_LIST_MODEL (self->catalog));
  g_assert (PREHAB_IS_EXERCISE (self->exercise));

  fill_header (self);
  fill_figure (self);
  fill_dose (self);
  fill_steps (self);
  fill_cues_and_cautions (self);
  fill_equipment (self);
  fill_variants (self);
  prehab_exercise_detail_reload_history (self);
}

static void
prehab_exercise_detail_dispose (GObject *object)
{
  PrehabExerciseDetail *self = PREHAB_EXERCISE_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_EXERCISE_DETAIL);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->exercise);

  G_OBJECT_CLASS (prehab_exercise_detail_parent_class)->dispose (object);
}

static void
prehab_exercise_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PrehabExerciseDetail *self = PREHAB_EXERCISE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_exercise_detail_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PrehabExerciseDetail *self = PREHAB_EXERCISE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_EXERCISE:
      self->exercise = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_exercise_detail_class_init (PrehabExerciseDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = prehab_exercise_detail_constructed;
  object_class->dispose = prehab_exercise_detail_dispose;
  object_class->get_property = prehab_exercise_detail_get_property;
  object_class->set_property = prehab_exercise_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PREHAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL,
                         PREHAB_TYPE_EXERCISE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrehabExerciseDetail::variant-activated:
   * @self: the detail
   * @exercise_id: the easier or harder version the person chose
   */
  signals[SIGNAL_VARIANT_ACTIVATED] =
    g_signal_new ("variant-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PREHAB_TYPE_FIGURE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-exercise-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, tags_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, figure_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, figure_view);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, play_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, still_label);
  gtk_widget_class_bind_template_callback (widget_class, on_play_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, dose_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, position_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, steps_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, cues_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, cautions_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, equipment_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, variants_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, variants_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, history_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, never_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, times_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, times_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, last_done_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, last_done_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, last_pain_row);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseDetail, last_pain_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "exercisedetail");
}

static void
prehab_exercise_detail_init (PrehabExerciseDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * prehab_exercise_detail_new:
 * @store: the store to read the person's history from
 * @catalog: every exercise, to name the easier and harder versions
 * @exercise: the exercise to show
 *
 * Returns: (transfer floating): the detail page of @exercise
 */
GtkWidget *
prehab_exercise_detail_new (PrehabStore    *store,
                            GListModel     *catalog,
                            PrehabExercise *exercise)
{
  g_return_val_if_fail (PREHAB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (catalog), NULL);
  g_return_val_if_fail (PREHAB_IS_EXERCISE (exercise), NULL);

  return g_object_new (PREHAB_TYPE_EXERCISE_DETAIL,
                       "store", store,
                       "catalog", catalog,
                       "exercise", exercise,
                       NULL);
}

PrehabExercise *
prehab_exercise_detail_get_exercise (PrehabExerciseDetail *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE_DETAIL (self), NULL);

  return self->exercise;
}

/**
 * prehab_exercise_detail_reload_history:
 * @self: the detail
 *
 * Reads the person's history with the exercise again, after the journal
 * changed. A history that cannot be read says so in its place.
 */
void
prehab_exercise_detail_reload_history (PrehabExerciseDetail *self)
{
  g_autoptr (PrehabExerciseHistory) history = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PREHAB_IS_EXERCISE_DETAIL (self));

  history = prehab_exercise_history_load (self->store, prehab_exercise_get_id (self->exercise),
                                          &error);
  if (history == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->times_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->last_done_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->last_pain_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->never_row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->never_row),
                                     _("Your history could not be read"));
      adw_action_row_set_subtitle (self->never_row, error->message);
      return;
    }

  show_history (self, history);
}
