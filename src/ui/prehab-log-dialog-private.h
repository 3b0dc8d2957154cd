/* prehab-log-dialog-private.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prehab-body-map.h"
#include "prehab-date-chooser.h"
#include "prehab-log-dialog.h"

G_BEGIN_DECLS

struct _PrehabLogDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkWidget         *save_button;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
  GtkScrolledWindow *scroller;
  GtkLabel          *pain_heading;
  GtkBox            *pain_box;
  GtkLabel          *context_heading;
  GtkBox            *context_box;
  GtkLabel          *region_heading;
  PrehabBodyMap     *body_map;
  GtkLabel          *quality_heading;
  GtkFlowBox        *quality_box;
  GtkRevealer       *guidance_revealer;
  GtkBox            *guidance_box;
  AdwExpanderRow    *flags_row;
  GtkRevealer       *emergency_revealer;
  GtkRevealer       *see_doctor_revealer;
  GtkLabel          *trigger_heading;
  GtkFlowBox        *trigger_box;
  GtkEntry          *trigger_entry;
  GtkTextView       *note_view;
  GtkWidget         *time_list;
  AdwExpanderRow    *time_row;
  PrehabDateChooser *date_chooser;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;
  GtkWidget         *time_error;

  PrehabStore       *store;
  PrehabPainEntry   *original;         /* the entry being edited, or NULL */
  GPtrArray         *pain_buttons;     /* GtkToggleButton, 0 to 10 */
  GPtrArray         *context_buttons;  /* GtkToggleButton, prehab_contexts order */
  GPtrArray         *quality_buttons;  /* GtkToggleButton, prehab_qualities order */
  GPtrArray         *flag_checks;      /* GtkCheckButton, prehab_red_flags order;
                                          empty until flags_row is first expanded */
  GtkWidget         *tier_rows[2];     /* by PrehabRedFlagTier; the same */
  int                pain;             /* -1 until chosen */
  gboolean           context_chosen;   /* by the person: no longer follows the time */
  gboolean           time_chosen;      /* by the person: no longer "now" */
  gboolean           loading;          /* filling the form in: no reactions */
  int                last_digit;
  gint64             last_digit_time;
};

/* prehab-log-dialog-sections.c */
void        prehab_log_dialog_build_pain_scale      (PrehabLogDialog       *self);
void        prehab_log_dialog_build_contexts        (PrehabLogDialog       *self);
void        prehab_log_dialog_build_qualities       (PrehabLogDialog       *self);
void        prehab_log_dialog_build_flags           (PrehabLogDialog       *self);
void        prehab_log_dialog_build_triggers        (PrehabLogDialog       *self);
GtkWidget  *prehab_log_dialog_get_pain_focus        (PrehabLogDialog       *self);
gboolean    prehab_log_dialog_on_key_pressed_cb     (GtkEventControllerKey *controller,
                                                     guint                  keyval,
                                                     guint                  keycode,
                                                     GdkModifierType        state,
                                                     PrehabLogDialog       *self);
void        prehab_log_dialog_set_context           (PrehabLogDialog       *self,
                                                     const char            *context);
const char *prehab_log_dialog_get_context           (PrehabLogDialog       *self);
void        prehab_log_dialog_pick_trigger          (PrehabLogDialog       *self,
                                                     const char            *name,
                                                     const char            *key);
GStrv       prehab_log_dialog_dup_trigger_keys      (PrehabLogDialog       *self);
gboolean    prehab_log_dialog_add_typed_trigger     (PrehabLogDialog       *self);
void        prehab_log_dialog_show_error            (PrehabLogDialog       *self,
                                                     const char            *message);
void        prehab_log_dialog_set_mnemonic_target   (GtkLabel              *heading,
                                                     GtkWidget             *widget);
void        prehab_log_dialog_on_child_revealed_cb  (GtkRevealer           *revealer);

G_END_DECLS
