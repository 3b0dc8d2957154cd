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

#include "prehab-enrollment.h"
#include "prehab-exercise.h"
#include "prehab-exercise-card.h"
#include "prehab-exercise-detail.h"
#include "prehab-vocabulary.h"

/* The Exercises view: a grid of cards narrowed by a search and by filters,
 * and the detail pages that a card opens, stacked in a leaflet so that an
 * easier or harder version opens on top of the exercise it came from and
 * Back (the button, Escape, Alt+Left) returns to it. A detail opened from
 * another view remembers that view, and Back from it returns there. */

struct _PrehabExercisesPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *grid_page;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkMenuButton      *filter_button;
  GtkWidget          *chips_scroller;
  GtkBox             *chips_box;
  GtkStack           *stack;
  GtkGridView        *grid_view;
  AdwStatusPage      *empty_page;
  GtkCheckButton     *equipment_check;
  GtkLabel           *equipment_caption;
  GtkGrid            *phase_grid;
  GtkGrid            *position_grid;
  GtkGrid            *movement_grid;

  PrehabStore        *store;
  GListModel         *exercises;
  GtkFilterListModel *filtered;
  GtkSelectionModel  *selection;  /* the grid's model, given on first show */
  GtkCustomFilter    *filter;
  char               *query;

  /* The check buttons of the filter popover, and what is checked */
  GPtrArray          *phase_checks;
  GPtrArray          *position_checks;
  GPtrArray          *movement_checks;
  GPtrArray          *phases;     /* NULL-terminated ids */
  GPtrArray          *positions;
  GPtrArray          *movements;
  GStrv               equipment;  /* of the program in progress; NULL: none started */
  gboolean            updating_checks;

  GPtrArray          *pages;        /* the leaflet's detail pages, in order */
  char               *return_view;  /* the view that opened the first detail */
};

G_DEFINE_FINAL_TYPE (PrehabExercisesPage, prehab_exercises_page, GTK_TYPE_WIDGET)

/* The movements a person can filter by: the directions a spine moves in. */
static const char * const filter_movements[] = {
  "extension", "flexion", "rotation", "side-bending", NULL
};

#define RETURN_FOCUS_KEY "prehab-return-focus"
#define BACK_BUTTON_KEY  "prehab-back-button"
#define TERM_ID_KEY      "prehab-term-id"

static void push_detail (PrehabExercisesPage *self,
                         PrehabExercise      *exercise,
                         const char          *back_label);

/* Filtering ---------------------------------------------------------------- */

static gboolean
filter_exercise_cb (gpointer item,
                    gpointer user_data)
{
  PrehabExercisesPage *self = user_data;
  const char * const nothing[] = { NULL };
  PrehabExerciseFilter filter = {
    .phases = (const char * const *) self->phases->pdata,
    .positions = (const char * const *) self->positions->pdata,
    .movements = (const char * const *) self->movements->pdata,
  };

  if (gtk_check_button_get_active (self->equipment_check))
    filter.equipment = self->equipment != NULL ? (const char * const *) self->equipment : nothing;

  return prehab_exercise_matches (PREHAB_EXERCISE (item), self->query) &&
         prehab_exercise_passes_filter (PREHAB_EXERCISE (item), &filter);
}

static gboolean
has_filters (PrehabExercisesPage *self)
{
  return self->phases->len > 0 || self->positions->len > 0 || self->movements->len > 0 ||
         gtk_check_button_get_active (self->equipment_check);
}

static void
update_count (PrehabExercisesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->exercises != NULL ? g_list_model_get_n_items (self->exercises) : 0;
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "grid" : "empty");
  if (shown == 0)
    {
      gboolean searching = self->query != NULL && *self->query != '\0';
      const char *hint;

      if (!has_filters (self))
        hint = _("Try another word, such as a body position, a movement or a piece of "
                 "equipment.");
      else if (searching)
        hint = _("Try another word, or remove a filter.");
      else
        hint = _("Remove a filter to see more exercises.");
      adw_status_page_set_description (self->empty_page, hint);
    }

  if (shown == total)
    count = g_strdup_printf (ngettext ("%u exercise", "%u exercises", total), total);
  else
    /* Translators: how many exercises the search and filters leave, e.g.
     * "8 of 25 exercises" */
    count = g_strdup_printf (ngettext ("%u of %u exercise", "%u of %u exercises", total),
                             shown, total);
  gtk_label_set_label (self->count_label, count);
}

static void
on_chip_clicked_cb (GtkButton           *chip,
                    PrehabExercisesPage *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (chip), "prehab-check");

  gtk_check_button_set_active (check, FALSE);
  /* The chip is gone; keep the focus in the filter bar. */
  if (has_filters (self))
    gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_button));
}

/* A pill that shows an active filter and removes it when pressed. */
static GtkWidget *
create_chip (PrehabExercisesPage *self,
             GtkCheckButton      *check,
             const char          *label)
{
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chip = gtk_button_new ();

  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "filter-chip");
  /* Translators: the accessible name and tooltip of the button that
   * removes one filter, e.g. "Remove Filter: Seated" */
  accessible = g_strdup_printf (_("Remove Filter: %s"), label);
  gtk_widget_set_tooltip_text (chip, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (chip), "prehab-check", check);
  g_signal_connect_object (chip, "clicked", G_CALLBACK (on_chip_clicked_cb), self, 0);

  gtk_box_append (self->chips_box, chip);
  return chip;
}

static void
add_chips (PrehabExercisesPage *self,
           GPtrArray           *checks)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        create_chip (self, check, gtk_check_button_get_label (check));
    }
}

static void
update_chips (PrehabExercisesPage *self)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  if (gtk_check_button_get_active (self->equipment_check))
    create_chip (self, self->equipment_check, _("Equipment I have"));
  add_chips (self, self->phase_checks);
  add_chips (self, self->position_checks);
  add_chips (self, self->movement_checks);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  gtk_widget_set_visible (self->chips_scroller, n > 0);

}

static void
collect_checked (GPtrArray *checks,
                 GPtrArray *ids)
{
  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (ids, g_object_get_data (G_OBJECT (check), TERM_ID_KEY));
    }
}

/* A new search or filter starts at the top of the grid, not at the card
 * that happened to have the focus. */
static void
scroll_to_top (PrehabExercisesPage *self)
{
  if (gtk_grid_view_get_model (self->grid_view) != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", 0);
}

static void
refilter (PrehabExercisesPage *self)
{
  collect_checked (self->phase_checks, self->phases);
  collect_checked (self->position_checks, self->positions);
  collect_checked (self->movement_checks, self->movements);
  update_chips (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  scroll_to_top (self);
}

static void
on_filter_toggled_cb (PrehabExercisesPage *self)
{
  if (!self->updating_checks)
    refilter (self);
}

/* Adds the check button of one filter value; @id must outlive the page (it
 * points into the vocabulary's static tables). */
static void
add_filter_check (PrehabExercisesPage *self,
                  GtkGrid             *grid,
                  GPtrArray           *checks,
                  const char          *id,
                  const char          *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  guint index = checks->len;

  g_object_set_data (G_OBJECT (check), TERM_ID_KEY, (gpointer) id);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_filter_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_grid_attach (grid, check, index % 2, index / 2, 1, 1);
  g_ptr_array_add (checks, check);
}

static void
clear_checks (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
}

static void
clear_search_and_filters (PrehabExercisesPage *self)
{
  self->updating_checks = TRUE;
  gtk_check_button_set_active (self->equipment_check, FALSE);
  clear_checks (self->phase_checks);
  clear_checks (self->position_checks);
  clear_checks (self->movement_checks);
  self->updating_checks = FALSE;

  g_clear_pointer (&self->query, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refilter (self);
}

static void
update_equipment_filter (PrehabExercisesPage *self)
{
  gboolean started = self->equipment != NULL;

  if (!started && gtk_check_button_get_active (self->equipment_check))
    gtk_check_button_set_active (self->equipment_check, FALSE);

  gtk_widget_set_sensitive (GTK_WIDGET (self->equipment_check), started);
  if (started)
    {
      gtk_label_set_label (self->equipment_caption,
                           _("Only exercises you can do with the equipment you chose when "
                             "setting up the program."));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->equipment_check), NULL);
    }
  else
    {
      const char *why = _("Start the program first: the equipment you have is chosen in its "
                          "set-up.");

      gtk_label_set_label (self->equipment_caption, why);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->equipment_check), why);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->equipment_check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->equipment_caption),
                                  -1);
}

/* Navigation --------------------------------------------------------------- */

static PrehabExercise *
find_exercise (PrehabExercisesPage *self,
               const char          *id)
{
  guint n = self->exercises != NULL ? g_list_model_get_n_items (self->exercises) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PrehabExercise) exercise = g_list_model_get_item (self->exercises, i);

      if (g_str_equal (prehab_exercise_get_id (exercise), id))
        return exercise;
    }

  return NULL;
}

static PrehabExerciseDetail *
page_get_detail (GtkWidget *page)
{
  return PREHAB_EXERCISE_DETAIL (gtk_widget_get_last_child (page));
}

/* Removes the detail pages after the one shown: they were left by Back. */
static void
prune_pages (PrehabExercisesPage *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  while (self->pages->len > 0)
    {
      GtkWidget *last = g_ptr_array_index (self->pages, self->pages->len - 1);

      if (last == visible)
        break;

      g_ptr_array_remove_index (self->pages, self->pages->len - 1);
      adw_leaflet_remove (self->leaflet, last);
    }
}

static void
restore_focus (PrehabExercisesPage *self,
               GtkWidget           *page)
{
  GtkWidget *focus = g_object_get_data (G_OBJECT (page), RETURN_FOCUS_KEY);

  if (focus != NULL && gtk_widget_is_ancestor (focus, page) && gtk_widget_get_mapped (focus) &&
      gtk_widget_grab_focus (focus))
    return;

  if (page == self->grid_page)
    gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
  else
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (page), BACK_BUTTON_KEY));
}

static void
on_visible_child_changed_cb (PrehabExercisesPage *self)
{
  GtkWidget *visible;
  gboolean forward;

  /* The leaflet also says so while it is being disposed. */
  if (self->pages == NULL || self->leaflet == NULL)
    return;

  visible = adw_leaflet_get_visible_child (self->leaflet);
  forward = self->pages->len > 0 &&
            visible == g_ptr_array_index (self->pages, self->pages->len - 1);

  if (!adw_leaflet_get_child_transition_running (self->leaflet))
    prune_pages (self);

  if (forward)
    return;

  /* Back from the first detail that another view opened: return there. */
  if (visible == self->grid_page && self->return_view != NULL)
    {
      g_autofree char *view = g_steal_pointer (&self->return_view);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", view);
      return;
    }

  restore_focus (self, visible);
}

static void
on_transition_running_changed_cb (PrehabExercisesPage *self)
{
  if (self->pages == NULL || self->leaflet == NULL)
    return;

  if (!adw_leaflet_get_child_transition_running (self->leaflet))
    prune_pages (self);
}

static gboolean
go_back (PrehabExercisesPage *self)
{
  if (adw_leaflet_get_visible_child (self->leaflet) == self->grid_page)
    return FALSE;

  return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
go_back_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  return go_back (PREHAB_EXERCISES_PAGE (widget));
}

static void
on_back_clicked_cb (PrehabExercisesPage *self)
{
  go_back (self);
}

/* Drops every detail page at once, without a transition. */
static void
pop_to_grid (PrehabExercisesPage *self)
{
  g_clear_pointer (&self->return_view, g_free);
  adw_leaflet_set_visible_child (self->leaflet, self->grid_page);
  prune_pages (self);
}

static void
on_variant_activated_cb (PrehabExercisesPage  *self,
                         const char           *exercise_id,
                         PrehabExerciseDetail *detail)
{
  PrehabExercise *variant = find_exercise (self, exercise_id);

  if (variant != NULL)
    push_detail (self, variant,
                 prehab_exercise_get_name (prehab_exercise_detail_get_exercise (detail)));
}

static GtkWidget *
create_back_button (PrehabExercisesPage *self,
                    const char          *back_label)
{
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (back_label);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-previous-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 6);
  /* Translators: the tooltip of the button that goes back from an exercise */
  gtk_widget_set_tooltip_text (button, _("Back (Alt+Left or Escape)"));
  /* Translators: the accessible name of the Back button, e.g. "Back to All Exercises" */
  accessible = g_strdup_printf (_("Back to %s"), back_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

/* Shows @exercise on top of what is shown, with a Back button named after
 * where it returns. */
static void
push_detail (PrehabExercisesPage *self,
             PrehabExercise      *exercise,
             const char          *back_label)
{
  GtkWidget *current = adw_leaflet_get_visible_child (self->leaflet);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *page, *back, *detail;

  /* Pages left by a Back still in its transition go first. */
  prune_pages (self);

  if (focus != NULL)
    g_object_set_data_full (G_OBJECT (current), RETURN_FOCUS_KEY, g_object_ref (focus),
                            g_object_unref);
  else
    g_object_set_data (G_OBJECT (current), RETURN_FOCUS_KEY, NULL);

  detail = prehab_exercise_detail_new (self->store, self->exercises, exercise);
  gtk_widget_set_vexpand (detail, TRUE);
  g_signal_connect_object (detail, "variant-activated", G_CALLBACK (on_variant_activated_cb),
                           self, G_CONNECT_SWAPPED);

  back = create_back_button (self, back_label);
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (page), back);
  gtk_box_append (GTK_BOX (page), detail);
  g_object_set_data (G_OBJECT (page), BACK_BUTTON_KEY, back);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, prehab_exercise_get_name (exercise),
                                  -1);

  adw_leaflet_append (self->leaflet, page);
  g_ptr_array_add (self->pages, page);
  adw_leaflet_set_visible_child (self->leaflet, page);
  gtk_widget_grab_focus (back);
}

static void
open_card (PrehabExercisesPage *self,
           PrehabExercise      *exercise)
{
  /* Translators: where the Back button of an exercise opened from the
   * grid returns */
  push_detail (self, exercise, _("All Exercises"));
}

static void
on_grid_activate_cb (PrehabExercisesPage *self,
                     guint                position)
{
  g_autoptr (PrehabExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                               position);

  if (exercise != NULL)
    open_card (self, exercise);
}

/* The grid activates an item on Enter; Space selects it, which means
 * nothing here, so Space opens it too. */
static gboolean
on_grid_key_pressed_cb (PrehabExercisesPage   *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  GtkWidget *card;

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || root == NULL)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || gtk_widget_get_parent (focus) != GTK_WIDGET (self->grid_view))
    return GDK_EVENT_PROPAGATE;

  card = gtk_widget_get_first_child (focus);
  if (card == NULL || !PREHAB_IS_EXERCISE_CARD (card) ||
      prehab_exercise_card_get_exercise (PREHAB_EXERCISE_CARD (card)) == NULL)
    return GDK_EVENT_PROPAGATE;

  open_card (self, prehab_exercise_card_get_exercise (PREHAB_EXERCISE_CARD (card)));
  return GDK_EVENT_STOP;
}

/* Grid items --------------------------------------------------------------- */

static void
on_item_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  gtk_list_item_set_child (item, prehab_exercise_card_new ());
}

static void
on_item_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  prehab_exercise_card_set_exercise (PREHAB_EXERCISE_CARD (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static void
on_item_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  prehab_exercise_card_set_exercise (PREHAB_EXERCISE_CARD (gtk_list_item_get_child (item)), NULL);
}

/* Search ------------------------------------------------------------------- */

static void
on_search_changed_cb (PrehabExercisesPage *self,
                      GtkSearchEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (self->query);
  self->query = g_strstrip (g_strdup (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  scroll_to_top (self);
}

/* A hidden search does not narrow the grid. */
static void
on_search_mode_changed_cb (PrehabExercisesPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_clear_clicked_cb (PrehabExercisesPage *self)
{
  clear_search_and_filters (self);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

/* Overrides ---------------------------------------------------------------- */

static void
prehab_exercises_page_map (GtkWidget *widget)
{
  prehab_exercises_page_fill_grid (PREHAB_EXERCISES_PAGE (widget));

  GTK_WIDGET_CLASS (prehab_exercises_page_parent_class)->map (widget);
}

static void
prehab_exercises_page_dispose (GObject *object)
{
  PrehabExercisesPage *self = (PrehabExercisesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_EXERCISES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->exercises);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_exercises_page_parent_class)->dispose (object);
}

static void
prehab_exercises_page_finalize (GObject *object)
{
  PrehabExercisesPage *self = (PrehabExercisesPage *)object;

  g_free (self->query);
  g_free (self->return_view);
  g_strfreev (self->equipment);
  g_ptr_array_unref (self->phase_checks);
  g_ptr_array_unref (self->position_checks);
  g_ptr_array_unref (self->movement_checks);
  g_ptr_array_unref (self->phases);
  g_ptr_array_unref (self->positions);
  g_ptr_array_unref (self->movements);

  G_OBJECT_CLASS (prehab_exercises_page_parent_class)->finalize (object);
}

static void
prehab_exercises_page_class_init (PrehabExercisesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_exercises_page_dispose;
  object_class->finalize = prehab_exercises_page_finalize;

  widget_class->map = prehab_exercises_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-exercises-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, grid_page);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, chips_scroller);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, equipment_check);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, equipment_caption);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, phase_grid);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, position_grid);
  gtk_widget_class_bind_template_child (widget_class, PrehabExercisesPage, movement_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_transition_running_changed_cb);

  /* The leaflet handles Alt+Left itself when it has the focus; these cover
   * the rest of the page, and Escape. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, go_back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, go_back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, go_back_shortcut_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "exercisespage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prehab_exercises_page_init (PrehabExercisesPage *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->phase_checks = g_ptr_array_new ();
  self->position_checks = g_ptr_array_new ();
  self->movement_checks = g_ptr_array_new ();
  self->phases = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  self->positions = g_ptr_array_new_null_terminated (7, NULL, TRUE);
  self->movements = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  self->pages = g_ptr_array_new ();

  for (guint i = 0; prehab_phases[i].id != NULL; i++)
    add_filter_check (self, self->phase_grid, self->phase_checks, prehab_phases[i].id,
                      prehab_vocabulary_label (prehab_phases, prehab_phases[i].id));
  /* "Any position" exercises pass every position filter (see
   * prehab_exercise_passes_filter()): it is no choice of its own. */
  for (guint i = 0; prehab_positions[i].id != NULL; i++)
    if (!g_str_equal (prehab_positions[i].id, "any"))
      add_filter_check (self, self->position_grid, self->position_checks, prehab_positions[i].id,
                        prehab_vocabulary_label (prehab_positions, prehab_positions[i].id));
  for (guint i = 0; filter_movements[i] != NULL; i++)
    add_filter_check (self, self->movement_grid, self->movement_checks, filter_movements[i],
                      prehab_vocabulary_label (prehab_movements, filter_movements[i]));
  update_equipment_filter (self);

  self->filter = gtk_custom_filter_new (filter_exercise_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_item_unbind_cb), NULL);
  gtk_grid_view_set_factory (self->grid_view, factory);
  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_grid_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_view), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/* Public API --------------------------------------------------------------- */

/**
 * prehab_exercises_page_load:
 * @self: the page
 * @store: the store to read the catalog, the program and the history from
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

  g_set_object (&self->store, store);

  exercises = prehab_exercise_load_all (store, error);
  if (exercises == NULL)
    return FALSE;

  pop_to_grid (self);
  g_set_object (&self->exercises, exercises);
  gtk_filter_list_model_set_model (self->filtered, exercises);
  update_count (self);

  return prehab_exercises_page_reload (self, error);
}

/**
 * prehab_exercises_page_reload:
 * @self: the page
 * @error: return location for an error
 *
 * Catches up with the journal: the equipment of the program in progress
 * (for the "Equipment I have" filter) and the history on the detail pages.
 *
 * Returns: %TRUE when the program could be read
 */
gboolean
prehab_exercises_page_reload (PrehabExercisesPage  *self,
                              GError              **error)
{
  g_autoptr (PrehabEnrollment) enrollment = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PREHAB_IS_EXERCISES_PAGE (self), FALSE);

  if (self->store == NULL)
    return TRUE;

  for (guint i = 0; i < self->pages->len; i++)
    prehab_exercise_detail_reload_history (page_get_detail (g_ptr_array_index (self->pages, i)));

  enrollment = prehab_enrollment_load_active (self->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_strfreev (self->equipment);
  self->equipment = NULL;
  if (enrollment != NULL)
    self->equipment = enrollment->equipment != NULL ? g_strdupv (enrollment->equipment)
                                                    : g_new0 (char *, 1);

  self->updating_checks = TRUE;
  update_equipment_filter (self);
  self->updating_checks = FALSE;
  refilter (self);

  return TRUE;
}

/**
 * prehab_exercises_page_fill_grid:
 * @self: the page
 *
 * Gives the grid its cards. Each card draws its exercise's figure, so the
 * window calls this after its first frame, when the view is not shown;
 * the page calls it itself when it is first shown.
 */
void
prehab_exercises_page_fill_grid (PrehabExercisesPage *self)
{
  g_return_if_fail (PREHAB_IS_EXERCISES_PAGE (self));

  if (gtk_grid_view_get_model (self->grid_view) == NULL)
    gtk_grid_view_set_model (self->grid_view, self->selection);
}

void
prehab_exercises_page_start_search (PrehabExercisesPage *self)
{
  g_return_if_fail (PREHAB_IS_EXERCISES_PAGE (self));

  pop_to_grid (self);
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

/**
 * prehab_exercises_page_show_exercise:
 * @self: the page
 * @exercise_id: the exercise to show
 * @return_view: (nullable): the view that asks, to return to with Back
 * @return_title: (nullable): its title, to name the Back button
 *
 * Shows the detail of @exercise_id over the grid, dropping any detail that
 * was open. Call it before showing the Exercises view, so that the detail
 * is there without a transition.
 *
 * Returns: %FALSE when there is no such exercise
 */
gboolean
prehab_exercises_page_show_exercise (PrehabExercisesPage *self,
                                     const char          *exercise_id,
                                     const char          *return_view,
                                     const char          *return_title)
{
  PrehabExercise *exercise;

  g_return_val_if_fail (PREHAB_IS_EXERCISES_PAGE (self), FALSE);
  g_return_val_if_fail (exercise_id != NULL, FALSE);

  exercise = find_exercise (self, exercise_id);
  if (exercise == NULL)
    return FALSE;

  pop_to_grid (self);
  if (return_view != NULL && return_title != NULL)
    {
      self->return_view = g_strdup (return_view);
      push_detail (self, exercise, return_title);
    }
  else
    {
      open_card (self, exercise);
    }

  return TRUE;
}
