/* prehab-safety-check.c
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

#define G_LOG_DOMAIN "prehab-safety-check"

#include "config.h"

#include "prehab-safety-check.h"

#include <glib/gi18n.h>

#include "prehab-vocabulary.h"

/* The red-flag questions of the safety screen, one switch each, in their two
 * tiers, with what to do shown as soon as one is answered yes. */
struct _PrehabSafetyCheck
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *emergency_group;
  GtkRevealer         *emergency_revealer;
  AdwPreferencesGroup *see_doctor_group;
  GtkRevealer         *see_doctor_revealer;

  GPtrArray           *switches;  /* GtkSwitch, in prehab_red_flags order */
};

G_DEFINE_FINAL_TYPE (PrehabSafetyCheck, prehab_safety_check, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_flag (PrehabSafetyCheck *self,
          PrehabRedFlagTier  tier)
{
  for (guint i = 0; i < self->switches->len; i++)
    if (prehab_red_flags[i].tier == tier
        && gtk_switch_get_active (g_ptr_array_index (self->switches, i)))
      return TRUE;

  return FALSE;
}

/* A folded revealer is hidden as well, so that a screen reader does not
 * read advice that is not shown. */
static void
on_child_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
reveal (GtkRevealer *revealer,
        gboolean     shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, shown);
  on_child_revealed_cb (revealer);
}

static void
update_advice (PrehabSafetyCheck *self)
{
  reveal (self->emergency_revealer, has_flag (self, PREHAB_RED_FLAG_EMERGENCY));
  reveal (self->see_doctor_revealer, has_flag (self, PREHAB_RED_FLAG_SEE_DOCTOR));
}

static void
on_switch_changed_cb (PrehabSafetyCheck *self)
{
  update_advice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

static void
prehab_safety_check_dispose (GObject *object)
{
  PrehabSafetyCheck *self = (PrehabSafetyCheck *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREHAB_TYPE_SAFETY_CHECK);
  g_clear_pointer (&self->switches, g_ptr_array_unref);

  G_OBJECT_CLASS (prehab_safety_check_parent_class)->dispose (object);
}

static void
prehab_safety_check_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PrehabSafetyCheck *self = PREHAB_SAFETY_CHECK (object);

  switch (prop_id)
    {
    case PROP_FLAGS:
      g_value_take_boxed (value, prehab_safety_check_dup_flags (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_safety_check_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PrehabSafetyCheck *self = PREHAB_SAFETY_CHECK (object);

  switch (prop_id)
    {
    case PROP_FLAGS:
      prehab_safety_check_set_flags (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prehab_safety_check_class_init (PrehabSafetyCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_safety_check_dispose;
  object_class->get_property = prehab_safety_check_get_property;
  object_class->set_property = prehab_safety_check_set_property;

  /**
   * PrehabSafetyCheck:flags:
   *
   * The ids of the red flags answered yes, in the order of
   * prehab_red_flags[].
   */
  properties[PROP_FLAGS] =
    g_param_spec_boxed ("flags", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/prehab-safety-check.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabSafetyCheck, emergency_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabSafetyCheck, emergency_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrehabSafetyCheck, see_doctor_group);
  gtk_widget_class_bind_template_child (widget_class, PrehabSafetyCheck, see_doctor_revealer);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "safetycheck");
}

static void
prehab_safety_check_init (PrehabSafetyCheck *self)
{
  GtkBoxLayout *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 24);

  self->switches = g_ptr_array_new ();
  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    {
      const PrehabRedFlag *flag = &prehab_red_flags[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      /* The row names its switch: the question is its accessible name. */
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_changed_cb),
                               self, G_CONNECT_SWAPPED);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(flag->question));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

      adw_preferences_group_add (flag->tier == PREHAB_RED_FLAG_EMERGENCY ? self->emergency_group
                                                                         : self->see_doctor_group,
                                 row);
      g_ptr_array_add (self->switches, toggle);
    }

  g_signal_connect (self->emergency_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
  g_signal_connect (self->see_doctor_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed_cb), NULL);
}

GtkWidget *
prehab_safety_check_new (void)
{
  return g_object_new (PREHAB_TYPE_SAFETY_CHECK, NULL);
}

/**
 * prehab_safety_check_dup_flags:
 * @self: the safety check
 *
 * Returns: (transfer full): the ids of the red flags answered yes
 */
GStrv
prehab_safety_check_dup_flags (PrehabSafetyCheck *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PREHAB_IS_SAFETY_CHECK (self), NULL);

  for (guint i = 0; i < self->switches->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (self->switches, i)))
      g_strv_builder_add (builder, prehab_red_flags[i].id);

  return g_strv_builder_end (builder);
}

/**
 * prehab_safety_check_set_flags:
 * @self: the safety check
 * @flags: (nullable): the ids of the red flags to show answered yes
 *
 * Answers yes to @flags and no to every other question.
 */
void
prehab_safety_check_set_flags (PrehabSafetyCheck  *self,
                               const char * const *flags)
{
  g_return_if_fail (PREHAB_IS_SAFETY_CHECK (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < self->switches->len; i++)
    gtk_switch_set_active (g_ptr_array_index (self->switches, i),
                           flags != NULL && g_strv_contains (flags, prehab_red_flags[i].id));
  g_object_thaw_notify (G_OBJECT (self));
}
