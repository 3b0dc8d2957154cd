/* prehab-exercises-page.c
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

#define G_LOG_DOMAIN "prehab-exercises-page"

#include "config.h"

#include "prehab-exercises-page.h"

#include <glib/gi18n.h>

#include "prehab-exercise.h"

struct _PrehabExercisesPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListBox         *list_box;
  GtkLabel           *count_label;

  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *query;
};

G_DEFINE_FINAL_TYPE (PrehabExercisesPage, prehab_exercises_page, GTK_TYPE_WIDGET)

static gboolean
filter_exercise_cb (gpointer item,
                    gpointer user_data)
{
  PrehabExercisesPage *self = user_data;

  return prehab_exercise_matches (PREHAB_EXERCISE (item), self->query);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PrehabExercise *exercise = PREHAB_EXERCISE (item);
  g_autofree char *phases = prehab_exercise_dup_phases_label (exercise);
  g_autofree char *dose = prehab_dose_format (prehab_exercise_get_dose (exercise));
  g_autofree char *equipment = prehab_exercise_dup_equipment_label (exercise);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: the second line of an exercise in the list: phases · dose,
   * then the equipment on a line of its own */
  subtitle = g_strdup_printf (_("%s · %s\n%s"), phases, dose, equipment);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prehab_exercise_get_name (exercise));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_tooltip_text (row, prehab_exercise_get_summary (exercise));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static void
update_visible_page (PrehabExercisesPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");

  if (self->query != NULL && *self->query != '\0')
    count = g_strdup_printf (ngettext ("%u exercise matches", "%u exercises match", n_items),
                             n_items);
  else
    count = g_strdup_printf (ngettext ("%u exercise", "%u exercises", n_items), n_items);
  gtk_label_set_label (self->count_label, count);
}

static void
on_items_changed_cb (PrehabExercisesPage *self)
{
  update_visible_page (self);
}

static void
on_search_changed_cb (PrehabExercisesPage *self,
                      GtkSearchEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (self->query);
  self->query = g_strstrip (g_strdup (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search_cb (PrehabExercisesPage *self,
                   GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
prehab_exercises_page_dispose (GObject *object)
{
  PrehabExercisesPage *self = (PrehabExercisesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_EXERCISES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (prehab_exercises_page_parent_class)->dispose (object);
}

static void
prehab_exercises_page_finalize (GObject *object)
{
  PrehabExercisesPage *self = (PrehabExercisesPage *)object;

  g_free (self->query);

  G_OBJECT_CLASS (prehab_exercises_page_parent_class)->finalize (object);
}

static void
prehab_exercises_page_class_init (PrehabExercisesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_exercises_page_dispose;
  object_class->finalize = prehab_exercises_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-exercises-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "exercisespage");
}

static void
prehab_exercises_page_init (PrehabExercisesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (filter_exercise_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered),
                           create_row_cb, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * prehab_exercises_page_load:
 * @self: the page
 * @store: the store to read the catalog from
 * @error: return location for an error
 *
 * Shows the exercises of @store.
 *
 * Returns: %TRUE when the catalog could be read
 */
gboolean
prehab_exercises_page_load (PrehabExercisesPage  *self,
                            PrehabStore          *store,
                            GError              **error)
{
  g_autoptr (GListModel) exercises = NULL;

  g_return_val_if_fail (PREHAB_IS_EXERCISES_PAGE (self), FALSE);
  g_return_val_if_fail (PREHAB_IS_STORE (store), FALSE);

  exercises = prehab_exercise_load_all (store, error);
  if (exercises == NULL)
    return FALSE;

  gtk_filter_list_model_set_model (self->filtered, exercises);
  update_visible_page (self);
  return TRUE;
}

void
prehab_exercises_page_start_search (PrehabExercisesPage *self)
{
  g_return_if_fail (PREHAB_IS_EXERCISES_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
prehab_exercises_page_set_key_capture_widget (PrehabExercisesPage *self,
                                              GtkWidget           *widget)
{
  g_return_if_fail (PREHAB_IS_EXERCISES_PAGE (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}
