/* prehab-day-picker.c
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

#define G_LOG_DOMAIN "prehab-day-picker"

#include "config.h"

#include "prehab-day-picker.h"

#ifdef __GLIBC__
#include <langinfo.h>
#endif
#include <string.h>

#include "prehab-vocabulary.h"

#define N_WEEKDAYS 7
#define ALL_DAYS   ((1u << N_WEEKDAYS) - 1)

/* Seven toggle buttons, one a weekday, in the order of the person's locale.
 * The days are a bit mask with bit 0 for Monday, as the enrollment stores
 * them. */
struct _PrehabDayPicker
{
  GtkWidget        parent_instance;

  GtkToggleButton *toggles[N_WEEKDAYS];  /* Monday first */
  guint            days;
};

G_DEFINE_FINAL_TYPE (PrehabDayPicker, prehab_day_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The day the week starts on in the person's locale: 0 Monday … 6 Sunday. */
static int
get_first_weekday (void)
{
#ifdef __GLIBC__
  /* As GtkCalendar reads it: the first weekday counts from 1, starting on
   * the day _NL_TIME_WEEK_1STDAY names. */
  union { unsigned int word; char *string; } langinfo;
  int week_1stday;
  int first_weekday;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971130)  /* a Sunday */
    week_1stday = 6;
  else if (langinfo.word == 19971201)  /* a Monday */
    week_1stday = 0;
  else
    return 0;

  return (week_1stday + first_weekday - 1 + N_WEEKDAYS) % N_WEEKDAYS;
#else
  return 0;
#endif
}

static void
on_toggled_cb (PrehabDayPicker *self)
{
  guint days = 0;

  for (guint i = 0; i < N_WEEKDAYS; i++)
    if (gtk_toggle_button_get_active (self->toggles[i]))
      days |= 1u << i;

  if (days == self->days)
    return;

  self->days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
}

static void
prehab_day_picker_dispose (GObject *object)
{
  PrehabDayPicker *self = (PrehabDayPicker *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->toggles, 0, sizeof self->toggles);

  G_OBJECT_CLASS (prehab_day_picker_parent_class)->dispose (object);
}

static void
prehab_day_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PrehabDayPicker *self = PREHAB_DAY_PICKER (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      g_value_set_uint (value, self->days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_day_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PrehabDayPicker *self = PREHAB_DAY_PICKER (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      prehab_day_picker_set_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_day_picker_class_init (PrehabDayPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_day_picker_dispose;
  object_class->get_property = prehab_day_picker_get_property;
  object_class->set_property = prehab_day_picker_set_property;

  /**
   * PrehabDayPicker:days:
   *
   * The chosen days: bit 0 is Monday … bit 6 is Sunday.
   */
  properties[PROP_DAYS] =
    g_param_spec_uint ("days", NULL, NULL,
                       0, ALL_DAYS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daypicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prehab_day_picker_init (PrehabDayPicker *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  /* 1 January 2024 was a Monday: its week gives the locale's short names. */
  g_autoptr (GDateTime) monday = g_date_time_new_local (2024, 1, 1, 12, 0, 0);
  int first = get_first_weekday ();

  gtk_box_layout_set_homogeneous (layout, TRUE);
  gtk_box_layout_set_spacing (layout, 6);

  for (int i = 0; i < N_WEEKDAYS; i++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (monday, i);
      g_autofree char *abbreviation = g_date_time_format (date, "%a");
      const char *name = prehab_vocabulary_label (prehab_weekdays, prehab_weekdays[i].id);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (abbreviation);

      gtk_widget_set_tooltip_text (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      self->toggles[i] = GTK_TOGGLE_BUTTON (toggle);
    }

  /* Shown in the locale's week order, stored Monday first. */
  for (int i = 0; i < N_WEEKDAYS; i++)
    gtk_widget_set_parent (GTK_WIDGET (self->toggles[(first + i) % N_WEEKDAYS]),
                           GTK_WIDGET (self));
}

GtkWidget *
prehab_day_picker_new (void)
{
  return g_object_new (PREHAB_TYPE_DAY_PICKER, NULL);
}

/**
 * prehab_day_picker_get_days:
 * @self: the picker
 *
 * Returns: the chosen days, bit 0 for Monday … bit 6 for Sunday
 */
guint
prehab_day_picker_get_days (PrehabDayPicker *self)
{
  g_return_val_if_fail (PREHAB_IS_DAY_PICKER (self), 0);

  return self->days;
}

void
prehab_day_picker_set_days (PrehabDayPicker *self,
                            guint            days)
{
  g_return_if_fail (PREHAB_IS_DAY_PICKER (self));
  g_return_if_fail (days <= ALL_DAYS);

  if (days == self->days)
    return;

  /* The toggles report each change; the property is notified once. */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < N_WEEKDAYS; i++)
    gtk_toggle_button_set_active (self->toggles[i], (days & (1u << i)) != 0);
  g_object_thaw_notify (G_OBJECT (self));
}
