/* prehab-date-chooser.c
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

#define G_LOG_DOMAIN "prehab-date-chooser"

#include "config.h"

#include "prehab-date-chooser.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "prehab-date.h"

/* A day of the past or today, never of the future: a calendar, the chosen
 * day in words and a way back to today. A day still to come can be
 * pointed at, but it is refused in words and :valid turns FALSE. */
struct _PrehabDateChooser
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkCalendar *calendar;
  GtkLabel    *date_label;
  GtkWidget   *future_label;

  char        *date;   /* YYYY-MM-DD */
  char        *today;  /* YYYY-MM-DD, the last day that may be chosen */
  gboolean     valid;
};

G_DEFINE_FINAL_TYPE (PrehabDateChooser, prehab_date_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TODAY,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Noon of @date ("YYYY-MM-DD…"), local time. */
static GDateTime *
date_time_from_iso (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static void
update (PrehabDateChooser *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  /* Translators: a date in words, e.g. "Monday 5 January 2026"; see
   * g_date_time_format() for the codes */
  g_autofree char *words = g_date_time_format (date, _("%A %-e %B %Y"));
  gboolean is_today = g_str_equal (iso, self->today);
  gboolean valid = strcmp (iso, self->today) <= 0;

  if (is_today)
    {
      /* Translators: %s is a date in words, e.g. "Monday 5 January 2026" */
      g_autofree char *text = g_strdup_printf (_("Today, %s"), words);

      gtk_label_set_label (self->date_label, text);
    }
  else
    {
      gtk_label_set_label (self->date_label, words);
    }
  gtk_widget_set_visible (self->future_label, !valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "date-chooser.today", !is_today);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (iso, self->date) != 0)
    {
      g_free (self->date);
      self->date = g_steal_pointer (&iso);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_calendar_changed_cb (PrehabDateChooser *self)
{
  update (self);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PrehabDateChooser *self = PREHAB_DATE_CHOOSER (widget);

  prehab_date_chooser_set_date (self, self->today);
}

static void
prehab_date_chooser_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PREHAB_TYPE_DATE_CHOOSER);
  /* The template's children that have no name of their own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (prehab_date_chooser_parent_class)->dispose (object);
}

static void
prehab_date_chooser_finalize (GObject *object)
{
  PrehabDateChooser *self = (PrehabDateChooser *)object;

  g_free (self->date);
  g_free (self->today);

  G_OBJECT_CLASS (prehab_date_chooser_parent_class)->finalize (object);
}

static void
prehab_date_chooser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PrehabDateChooser *self = PREHAB_DATE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_date_chooser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PrehabDateChooser *self = PREHAB_DATE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      prehab_date_chooser_set_date (self, g_value_get_string (value));
      break;
    case PROP_TODAY:
      prehab_date_chooser_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_date_chooser_class_init (PrehabDateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_date_chooser_dispose;
  object_class->finalize = prehab_date_chooser_finalize;
  object_class->get_property = prehab_date_chooser_get_property;
  object_class->set_property = prehab_date_chooser_set_property;

  /**
   * PrehabDateChooser:date:
   *
   * The chosen day, YYYY-MM-DD; it may lie after :today, which makes
   * :valid FALSE.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PrehabDateChooser:today:
   *
   * The last day that may be chosen, YYYY-MM-DD; prehab_date_dup_today()
   * unless set.
   */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PrehabDateChooser:valid:
   *
   * Whether :date is :today or earlier.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-date-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabDateChooser, calendar);
  gtk_widget_class_bind_template_child (widget_class, PrehabDateChooser, date_label);
  gtk_widget_class_bind_template_child (widget_class, PrehabDateChooser, future_label);

  gtk_widget_class_install_action (widget_class, "date-chooser.today", NULL, today_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datechooser");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prehab_date_chooser_init (PrehabDateChooser *self)
{
  GtkBoxLayout *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 18);

  self->today = prehab_date_dup_today ();
  self->valid = TRUE;
  prehab_date_chooser_set_date (self, self->today);

  /* The calendar reports a new day as up to three property changes. */
  g_signal_connect_object (self->calendar, "notify::day",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
prehab_date_chooser_new (void)
{
  return g_object_new (PREHAB_TYPE_DATE_CHOOSER, NULL);
}

const char *
prehab_date_chooser_get_date (PrehabDateChooser *self)
{
  g_return_val_if_fail (PREHAB_IS_DATE_CHOOSER (self), NULL);

  return self->date;
}

/**
 * prehab_date_chooser_set_date:
 * @self: the chooser
 * @date: (nullable): a day as YYYY-MM-DD, or %NULL for today
 *
 * Shows @date on the calendar and chooses it.
 */
void
prehab_date_chooser_set_date (PrehabDateChooser *self,
                              const char        *date)
{
  g_autoptr (GDateTime) day = NULL;

  g_return_if_fail (PREHAB_IS_DATE_CHOOSER (self));

  day = date_time_from_iso (date != NULL ? date : self->today);
  g_return_if_fail (day != NULL);

  gtk_calendar_select_day (self->calendar, day);
  update (self);
}

const char *
prehab_date_chooser_get_today (PrehabDateChooser *self)
{
  g_return_val_if_fail (PREHAB_IS_DATE_CHOOSER (self), NULL);

  return self->today;
}

void
prehab_date_chooser_set_today (PrehabDateChooser *self,
                               const char        *today)
{
  g_autofree char *own = NULL;

  g_return_if_fail (PREHAB_IS_DATE_CHOOSER (self));

  if (today == NULL)
    today = own = prehab_date_dup_today ();
  if (g_strcmp0 (today, self->today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

gboolean
prehab_date_chooser_get_valid (PrehabDateChooser *self)
{
  g_return_val_if_fail (PREHAB_IS_DATE_CHOOSER (self), FALSE);

  return self->valid;
}
