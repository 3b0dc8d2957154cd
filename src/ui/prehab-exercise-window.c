/* prehab-exercise-window.c
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

#define G_LOG_DOMAIN "prehab-exercise-window"

#include "config.h"

#include "prehab-exercise-window.h"

#include <glib/gi18n.h>

/* An exercise card: dose, steps, cues, when to back off, and the easier and
 * harder versions, which open their own card. */

struct _PrehabExerciseWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkBox         *content;

  PrehabExercise *exercise;
  GListModel     *exercises;
};

G_DEFINE_FINAL_TYPE (PrehabExerciseWindow, prehab_exercise_window, ADW_TYPE_WINDOW)

static PrehabExercise *
find_exercise (PrehabExerciseWindow *self,
               const char           *id)
{
  guint n = g_list_model_get_n_items (self->exercises);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (self->exercises, i);

      if (g_str_equal (prehab_exercise_get_id (exercise), id))
        return exercise;
    }

  return NULL;
}

static GtkWidget *
add_group (PrehabExerciseWindow *self,
           const char           *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->content, group);
  return group;
}

static void
add_text_rows (GtkWidget          *group,
               const char * const *texts,
               gboolean            numbered)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), texts[i]);
      if (numbered)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          GtkWidget *label = gtk_label_new (number);

          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
on_variant_activated_cb (AdwActionRow         *row,
                         PrehabExerciseWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "exercise-id");
  PrehabExercise *variant = find_exercise (self, id);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (variant == NULL)
    return;

  gtk_window_present (GTK_WINDOW (prehab_exercise_window_new (parent, variant, self->exercises)));
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_variants (PrehabExerciseWindow *self,
              GtkWidget            *group,
              const char * const   *ids,
              const char           *kind)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      PrehabExercise *variant = find_exercise (self, ids[i]);
      GtkWidget *row;

      if (variant == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prehab_exercise_get_name (variant));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "exercise-id", g_strdup (ids[i]), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_variant_activated_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
fill (PrehabExerciseWindow *self)
{
  PrehabExercise *exercise = self->exercise;
  g_autofree char *dose = prehab_dose_format (prehab_exercise_get_dose (exercise));
  g_autofree char *equipment = prehab_exercise_dup_equipment_label (exercise);
  const char * const *easier = prehab_exercise_get_easier (exercise);
  const char * const *harder = prehab_exercise_get_harder (exercise);
  GtkWidget *summary = gtk_label_new (prehab_exercise_get_summary (exercise));
  GtkWidget *group;
  GtkWidget *row;

  gtk_window_set_title (GTK_WINDOW (self), prehab_exercise_get_name (exercise));
  adw_window_title_set_title (self->window_title, prehab_exercise_get_name (exercise));

  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_box_append (self->content, summary);

  group = add_group (self, _("Dose"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dose);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), equipment);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  add_text_rows (add_group (self, _("Steps")), prehab_exercise_get_steps (exercise), TRUE);
  add_text_rows (add_group (self, _("Cues")), prehab_exercise_get_cues (exercise), FALSE);
  add_text_rows (add_group (self, _("Back Off If")), prehab_exercise_get_cautions (exercise), FALSE);

  if ((easier != NULL && easier[0] != NULL) || (harder != NULL && harder[0] != NULL))
    {
      group = add_group (self, _("Other Versions"));
      add_variants (self, group, easier, _("Easier"));
      add_variants (self, group, harder, _("Harder"));
    }
}

static void
prehab_exercise_window_dispose (GObject *object)
{
  PrehabExerciseWindow *self = PREHAB_EXERCISE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_EXERCISE_WINDOW);
  g_clear_object (&self->exercise);
  g_clear_object (&self->exercises);

  G_OBJECT_CLASS (prehab_exercise_window_parent_class)->dispose (object);
}

static void
prehab_exercise_window_class_init (PrehabExerciseWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_exercise_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-exercise-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PrehabExerciseWindow, content);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prehab_exercise_window_init (PrehabExerciseWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * prehab_exercise_window_new:
 * @parent: the window it belongs to
 * @exercise: the exercise to show
 * @exercises: every exercise, to open variants
 *
 * Returns: (transfer floating): the exercise card
 */
GtkWidget *
prehab_exercise_window_new (GtkWindow      *parent,
                            PrehabExercise *exercise,
                            GListModel     *exercises)
{
  PrehabExerciseWindow *self;

  g_return_val_if_fail (PREHAB_IS_EXERCISE (exercise), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (exercises), NULL);

  self = g_object_new (PREHAB_TYPE_EXERCISE_WINDOW, "transient-for", parent, NULL);
  self->exercise = g_object_ref (exercise);
  self->exercises = g_object_ref (exercises);
  fill (self);

  return GTK_WIDGET (self);
}
