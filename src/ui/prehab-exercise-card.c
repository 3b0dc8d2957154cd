/* prehab-exercise-card.c
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

#define G_LOG_DOMAIN "prehab-exercise-card"

#include "config.h"

#include "prehab-exercise-card.h"

#include <glib/gi18n.h>

#include "prehab-figure.h"
#include "prehab-figure-view.h"
#include "prehab-vocabulary.h"

/* One exercise in the Exercises grid: a still of its figure, its name,
 * phases, dose and equipment. The grid's item around it is what takes focus and is
 * activated, so the card also names that item for assistive technologies. */

struct _PrehabExerciseCard
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkWidget        *figure_band;
  PrehabFigureView *figure_view;
  GtkLabel         *name_label;
  GtkBox           *tags_box;
  GtkLabel         *dose_label;
  GtkLabel         *equipment_label;

  PrehabExercise   *exercise;
};

#define N_PHASES 4  /* desensitize, mobilize, strengthen, maintain */

G_DEFINE_FINAL_TYPE (PrehabExerciseCard, prehab_exercise_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXERCISE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether @exercise_id has a figure; the list is read once. */
static gboolean
has_figure (const char *exercise_id)
{
  static GHashTable *ids = NULL;

  if (g_once_init_enter (&ids))
    {
      g_auto (GStrv) list = prehab_figure_list_ids ();
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; list[i] != NULL; i++)
        g_hash_table_add (set, g_strdup (list[i]));
      g_once_init_leave (&ids, set);
    }

  return g_hash_table_contains (ids, exercise_id);
}

/* A phase as a small coloured pill, as in the Plan view's bands. */
static GtkWidget *
create_phase_tag (const char *phase)
{
  g_autofree char *css_class = g_strconcat ("phase-", phase, NULL);
  GtkWidget *tag = gtk_label_new (prehab_vocabulary_label (prehab_phases, phase));

  gtk_widget_add_css_class (tag, "exercise-tag");
  gtk_widget_add_css_class (tag, css_class);
  return tag;
}

static void
add_tag (PrehabExerciseCard *self,
         GtkWidget          *tag)
{
  gtk_box_append (self->tags_box, tag);
}

static void
clear_tags (PrehabExerciseCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_box_remove (self->tags_box, child);
}

/* The grid item that holds the card is what a screen reader lands on. */
static void
update_accessible (PrehabExerciseCard *self)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autofree char *phases = NULL;
  g_autofree char *dose = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *description = NULL;
  const char *name;

  if (self->exercise == NULL)
    return;

  name = prehab_exercise_get_name (self->exercise);
  phases = prehab_exercise_dup_phases_label (self->exercise);
  dose = prehab_dose_format (prehab_exercise_get_dose (self->exercise));
  equipment = prehab_exercise_dup_equipment_label (self->exercise);
  /* Translators: how a screen reader describes an exercise card:
   * phases, then dose, then equipment */
  description = g_strdup_printf (_("%s. %s. %s."), phases, dose, equipment);

  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

static void
on_parent_changed_cb (PrehabExerciseCard *self)
{
  update_accessible (self);
}

static void
prehab_exercise_card_dispose (GObject *object)
{
  PrehabExerciseCard *self = PREHAB_EXERCISE_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_EXERCISE_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->exercise);

  G_OBJECT_CLASS (prehab_exercise_card_parent_class)->dispose (object);
}

static void
prehab_exercise_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PrehabExerciseCard *self = PREHAB_EXERCISE_CARD (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_exercise_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PrehabExerciseCard *self = PREHAB_EXERCISE_CARD (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      prehab_exercise_card_set_exercise (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_exercise_card_class_init (PrehabExerciseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_exercise_card_dispose;
  object_class->get_property = prehab_exercise_card_get_property;
  object_class->set_property = prehab_exercise_card_set_property;

  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL,
                         PREHAB_TYPE_EXERCISE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PREHAB_TYPE_FIGURE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-exercise-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseCard, figure_band);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseCard, figure_view);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseCard, tags_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseCard, dose_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseCard, equipment_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "exercisecard");
}

static void
prehab_exercise_card_init (PrehabExerciseCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed_cb), NULL);
}

GtkWidget *
prehab_exercise_card_new (void)
{
  return g_object_new (PREHAB_TYPE_EXERCISE_CARD, NULL);
}

PrehabExercise *
prehab_exercise_card_get_exercise (PrehabExerciseCard *self)
{
  g_return_val_if_fail (PREHAB_IS_EXERCISE_CARD (self), NULL);

  return self->exercise;
}

/**
 * prehab_exercise_card_set_exercise:
 * @self: a card
 * @exercise: (nullable): the exercise to show
 *
 * Shows @exercise on the card; the grid calls this as it recycles cards.
 */
void
prehab_exercise_card_set_exercise (PrehabExerciseCard *self,
                                   PrehabExercise     *exercise)
{
  g_autofree char *dose = NULL;
  g_autofree char *equipment = NULL;
  const char * const *phases;

  g_return_if_fail (PREHAB_IS_EXERCISE_CARD (self));
  g_return_if_fail (exercise == NULL || PREHAB_IS_EXERCISE (exercise));

  if (!g_set_object (&self->exercise, exercise))
    return;

  clear_tags (self);
  if (exercise == NULL)
    {
      prehab_figure_view_set_exercise_id (self->figure_view, NULL);
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->dose_label, "");
      gtk_label_set_label (self->equipment_label, "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
      return;
    }

  dose = prehab_dose_format (prehab_exercise_get_dose (exercise));
  equipment = prehab_exercise_dup_equipment_label (exercise);
  /* A still of the end pose, which shows the movement best. */
  if (has_figure (prehab_exercise_get_id (exercise)))
    prehab_figure_view_set_exercise_id (self->figure_view, prehab_exercise_get_id (exercise));
  else
    prehab_figure_view_set_exercise_id (self->figure_view, NULL);
  gtk_widget_set_visible (self->figure_band, has_figure (prehab_exercise_get_id (exercise)));
  gtk_label_set_label (self->name_label, prehab_exercise_get_name (exercise));
  gtk_label_set_label (self->dose_label, dose);
  gtk_label_set_label (self->equipment_label, equipment);

  /* Four pills would not fit a card: daily posture work gets one. */
  phases = prehab_exercise_get_phases (exercise);
  if (g_strv_length ((char **) phases) == N_PHASES)
    {
      GtkWidget *tag = gtk_label_new (_("Every phase"));

      gtk_widget_add_css_class (tag, "exercise-tag");
      add_tag (self, tag);
    }
  else
    {
      for (guint i = 0; phases[i] != NULL; i++)
        add_tag (self, create_phase_tag (phases[i]));
    }

  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}
