/* prehab-journal-row.c
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

#define G_LOG_DOMAIN "prehab-journal-row"

#include "config.h"

#include "prehab-journal-row.h"

#include <glib/gi18n.h>

#include "prehab-vocabulary.h"

/* One pain entry of the Journal view's list, and the heading of its day
 * when it is the day's first entry: the rows of a day look like one boxed
 * list (style.css, "journal-entry"), while each row stays one item of the
 * GtkListView, so that ten years of entries cost only the rows on screen. */
struct _PrehabJournalRow
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *header_label;
  GtkWidget         *card;
  GtkLabel          *pain_label;
  GtkLabel          *zone_label;
  GtkLabel          *time_label;
  GtkLabel          *where_label;
  GtkLabel          *triggers_label;
  GtkWidget         *flags_box;
  GtkLabel          *flags_label;
  GtkLabel          *note_label;
  GtkMenuButton     *menu_button;

  PrehabJournalItem *item;
  char              *accessible_label;
};

G_DEFINE_FINAL_TYPE (PrehabJournalRow, prehab_journal_row, GTK_TYPE_WIDGET)

static const char * const zone_classes[] = { "low", "moderate", "high" };

static guint
get_zone (int pain)
{
  if (pain <= 2)
    return 0;
  if (pain <= 5)
    return 1;
  return 2;
}

static const char *
get_zone_label (int pain)
{
  switch (get_zone (pain))
    {
    case 0:
      /* Translators: a pain rating of 0 to 2, under the number */
      return C_("pain", "Low");
    case 1:
      /* Translators: a pain rating of 3 to 5, under the number */
      return C_("pain", "Moderate");
    default:
      /* Translators: a pain rating of 6 to 10, under the number */
      return C_("pain", "High");
    }
}

/* Labels of a list of vocabulary ids, joined; NULL when empty. */
static char *
join_terms (const PrehabTerm *terms,
            GStrv             ids)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) prehab_vocabulary_label (terms, ids[i]));
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);

  /* Translators: separates the items of a list, as in "Neck, Ribs" */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static char *
join_triggers (PrehabJournalItem *item,
               GStrv              keys)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) prehab_journal_item_get_trigger_name (item, keys[i]));
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);

  return g_strjoinv (_(", "), (char **) names->pdata);
}

static char *
join_flags (GStrv ids)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const PrehabRedFlag *flag = prehab_red_flag_lookup (ids[i]);

      g_ptr_array_add (labels, (gpointer) (flag != NULL ? _(flag->label) : ids[i]));
    }
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (_(", "), (char **) labels->pdata);
}

/**
 * prehab_journal_row_dup_time:
 * @logged_at: YYYY-MM-DD HH:MM
 *
 * Returns: (transfer full): the time of day in the locale's format
 */
char *
prehab_journal_row_dup_time (const char *logged_at)
{
  g_autoptr (GDateTime) time = NULL;
  int year, month, day, hour, minute;

  g_return_val_if_fail (logged_at != NULL, NULL);

  if (sscanf (logged_at, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) != 5 ||
      (time = g_date_time_new_local (year, month, day, hour, minute, 0)) == NULL)
    return g_strdup (logged_at);

  /* Translators: the time of a journal entry; see the format of
   * g_date_time_format(), e.g. "%l:%M %p" for a 12-hour clock */
  return g_date_time_format (time, _("%H:%M"));
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The menu is made when it opens, not for every row the list binds. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  PrehabJournalRow *self = PREHAB_JOURNAL_ROW (user_data);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr (GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);
  gint64 id;

  if (self->item == NULL)
    return;

  id = prehab_journal_item_get_id (self->item);
  g_menu_item_set_action_and_target_value (edit, "win.edit-entry", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (delete, "journal.delete-entry",
                                           g_variant_new_int64 (id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, delete);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
update (PrehabJournalRow *self)
{
  const PrehabPainEntry *entry;
  g_autofree char *time = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *qualities = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *where = NULL;
  g_autofree char *triggers_text = NULL;
  g_autofree char *flags_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr (GString) sentence = NULL;
  const char *context;
  const char *zone;

  if (self->item == NULL)
    return;

  entry = prehab_journal_item_get_entry (self->item);
  time = prehab_journal_row_dup_time (entry->logged_at);
  context = entry->context != NULL ? prehab_vocabulary_label (prehab_contexts, entry->context) : NULL;
  zone = get_zone_label (entry->pain);
  regions = join_terms (prehab_regions, entry->regions);
  qualities = join_terms (prehab_qualities, entry->qualities);
  triggers = join_triggers (self->item, entry->triggers);
  flags = join_flags (entry->flags);

  gtk_label_set_text (self->header_label, prehab_journal_item_get_day_title (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->header_label),
                          prehab_journal_item_is_first_in_day (self->item));

  pain = g_strdup_printf ("%d", entry->pain);
  gtk_label_set_text (self->pain_label, pain);
  gtk_label_set_text (self->zone_label, zone);
  for (guint i = 0; i < G_N_ELEMENTS (zone_classes); i++)
    {
      if (i == get_zone (entry->pain))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->pain_label), zone_classes[i]);
          gtk_widget_add_css_class (GTK_WIDGET (self->zone_label), zone_classes[i]);
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->pain_label), zone_classes[i]);
          gtk_widget_remove_css_class (GTK_WIDGET (self->zone_label), zone_classes[i]);
        }
    }

  if (context != NULL)
    /* Translators: the first line of a journal entry: time and when it
     * was, e.g. "14:30 · Morning" */
    title = g_strdup_printf (_("%s · %s"), time, context);
  else
    title = g_strdup (time);
  gtk_label_set_text (self->time_label, title);

  if (regions != NULL && qualities != NULL)
    /* Translators: where it hurt and what it felt like, e.g.
     * "Neck, Ribs · Ache, Stiffness" */
    where = g_strdup_printf (_("%s · %s"), regions, qualities);
  else
    where = g_strdup (regions != NULL ? regions : qualities);
  set_optional_text (self->where_label, where);

  if (triggers != NULL)
    /* Translators: what set the pain off, e.g. "Triggers: Sitting, Phone" */
    triggers_text = g_strdup_printf (_("Triggers: %s"), triggers);
  set_optional_text (self->triggers_label, triggers_text);

  if (flags != NULL)
    /* Translators: warning signs logged with an entry */
    flags_text = g_strdup_printf (_("Warning signs: %s"), flags);
  gtk_label_set_text (self->flags_label, flags_text != NULL ? flags_text : "");
  gtk_widget_set_visible (self->flags_box, flags_text != NULL);

  set_optional_text (self->note_label, entry->note);

  if (prehab_journal_item_is_first_in_day (self->item))
    gtk_widget_add_css_class (self->card, "first");
  else
    gtk_widget_remove_css_class (self->card, "first");
  if (prehab_journal_item_is_last_in_day (self->item))
    gtk_widget_add_css_class (self->card, "last");
  else
    gtk_widget_remove_css_class (self->card, "last");

  /* One sentence for assistive technologies. */
  sentence = g_string_new (NULL);
  /* Translators: the start of a journal entry's accessible name: day,
   * time, when, rating and how it counts, e.g. "Today, 14:30, Morning:
   * pain 4 out of 10, Moderate." */
  g_string_append_printf (sentence, _("%s, %s, %s: pain %d out of 10, %s."),
                          prehab_journal_item_get_day_title (self->item), time,
                          context != NULL ? context : _("Other time"), entry->pain, zone);
  if (regions != NULL)
    {
      g_string_append_c (sentence, ' ');
      /* Translators: part of a journal entry's accessible name */
      g_string_append_printf (sentence, _("Where: %s."), regions);
    }
  if (qualities != NULL)
    {
      g_string_append_c (sentence, ' ');
      /* Translators: part of a journal entry's accessible name: what the
       * pain felt like */
      g_string_append_printf (sentence, _("Felt: %s."), qualities);
    }
  if (triggers != NULL)
    {
      g_string_append_c (sentence, ' ');
      g_string_append_printf (sentence, "%s.", triggers_text);
    }
  if (flags != NULL)
    {
      g_string_append_c (sentence, ' ');
      g_string_append_printf (sentence, "%s.", flags_text);
    }
  if (entry->note != NULL && *entry->note != '\0')
    {
      g_string_append_c (sentence, ' ');
      /* Translators: part of a journal entry's accessible name */
      g_string_append_printf (sentence, _("Note: %s"), entry->note);
    }

  g_free (self->accessible_label);
  self->accessible_label = g_string_free (g_steal_pointer (&sentence), FALSE);

  /* Translators: accessible name of the menu button of a journal entry,
   * with its day and time: "Menu of the Entry of Today, 14:30" */
  menu_label = g_strdup_printf (_("Menu of the Entry of %s, %s"),
                                prehab_journal_item_get_day_title (self->item), time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

static void
prehab_journal_row_dispose (GObject *object)
{
  PrehabJournalRow *self = PREHAB_JOURNAL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_JOURNAL_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (prehab_journal_row_parent_class)->dispose (object);
}

static void
prehab_journal_row_finalize (GObject *object)
{
  PrehabJournalRow *self = PREHAB_JOURNAL_ROW (object);

  g_free (self->accessible_label);

  G_OBJECT_CLASS (prehab_journal_row_parent_class)->finalize (object);
}

static void
prehab_journal_row_class_init (PrehabJournalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_journal_row_dispose;
  object_class->finalize = prehab_journal_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/prehab-journal-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journal-row");
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, card);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, pain_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, zone_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, triggers_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, flags_box);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, flags_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabJournalRow, menu_button);
}

static void
prehab_journal_row_init (PrehabJournalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
prehab_journal_row_new (void)
{
  return g_object_new (PREHAB_TYPE_JOURNAL_ROW, NULL);
}

/**
 * prehab_journal_row_set_item:
 * @self: the row
 * @item: (nullable): the entry to show
 */
void
prehab_journal_row_set_item (PrehabJournalRow  *self,
                             PrehabJournalItem *item)
{
  g_return_if_fail (PREHAB_IS_JOURNAL_ROW (self));
  g_return_if_fail (item == NULL || PREHAB_IS_JOURNAL_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
}

PrehabJournalItem *
prehab_journal_row_get_item (PrehabJournalRow *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ROW (self), NULL);

  return self->item;
}

/**
 * prehab_journal_row_get_accessible_label:
 * @self: the row
 *
 * Returns: (nullable): the sentence that names the entry for assistive
 *   technologies: "Today, 14:30, Morning: pain 4 out of 10, Moderate.
 *   Where: Neck. …"
 */
const char *
prehab_journal_row_get_accessible_label (PrehabJournalRow *self)
{
  g_return_val_if_fail (PREHAB_IS_JOURNAL_ROW (self), NULL);

  return self->accessible_label;
}
