/* prehab-plan-help.c
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

#define G_LOG_DOMAIN "prehab-plan-help"

#include "config.h"

#include "prehab-plan-help.h"

#include <glib/gi18n.h>

#include "prehab-planner.h"
#include "prehab-vocabulary.h"

/* "How the plan adapts": the rules of the planner (PLANNER.md) in plain
 * words. Every number is formatted from the planner's own constants, and
 * the warning signs are listed from the same table the safety screen and
 * the log use, so the help cannot drift from what the planner does. */

struct _PrehabPlanHelp
{
  AdwWindow          parent_instance;

  GtkScrolledWindow *scroller;
  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (PrehabPlanHelp, prehab_plan_help, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------- helpers */

static GtkBox *
add_section (PrehabPlanHelp *self)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_box_append (self->content, section);
  return GTK_BOX (section);
}

/* A heading, exposed as one to assistive technologies with its level
 * (the window's title is level 1). */
static GtkWidget *
add_heading (GtkBox     *box,
             const char *text,
             int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_add_css_class (label, level <= 2 ? "title-2" : "title-4");
  if (level > 2)
    gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
add_paragraph (GtkBox     *box,
               const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (box, label);
  return label;
}

static void
add_paragraph_take (GtkBox *box,
                    char   *text)
{
  add_paragraph (box, text);
  g_free (text);
}

/* A list of short items, each after a bullet; a list for assistive
 * technologies. */
static GtkBox *
add_list (GtkBox *box)
{
  GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 8,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                  NULL);

  gtk_box_append (box, list);
  return GTK_BOX (list);
}

/* @term, when not NULL, is shown in bold above @text, instead of the
 * bullet. */
static GtkWidget *
add_item (GtkBox     *list,
          const char *term,
          const char *text,
          const char *term_class)
{
  GtkWidget *item = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_HORIZONTAL,
                                  "spacing", 8,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                  NULL);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bullet),
                                  GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_visible (bullet, term == NULL);
  gtk_box_append (GTK_BOX (item), bullet);
  gtk_widget_set_hexpand (body, TRUE);
  gtk_box_append (GTK_BOX (item), body);

  if (term != NULL)
    {
      label = add_paragraph (GTK_BOX (body), term);
      gtk_widget_add_css_class (label, "heading");
      if (term_class != NULL)
        gtk_widget_add_css_class (label, term_class);
    }
  if (text != NULL)
    add_paragraph (GTK_BOX (body), text);

  gtk_box_append (list, item);
  return item;
}

static void
add_item_take (GtkBox     *list,
               char       *term,
               char       *text,
               const char *term_class)
{
  add_item (list, term, text, term_class);
  g_free (term);
  g_free (text);
}

/* ------------------------------------------------------------ sections */

static void
build_intro (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;

  add_paragraph (section, _("Each day, Prehab looks at what you have logged: your pain ratings, the sessions you did and any warning signs. From that it decides today’s session. It can step up, keep steady, ease off, or pause and ask you to get checked. These are the rules it follows."));

  gtk_widget_add_css_class (card, "card");
  gtk_box_append (section, card);
  label = add_heading (GTK_BOX (card), _("Not a Diagnosis"), 3);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  label = add_paragraph (GTK_BOX (card), _("Prehab cannot tell what causes your pain, and it does not replace a physiotherapist or a doctor. It only decides how the program goes on, and it tells you when someone should take a look."));
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
}

static void
build_phases (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);

  add_heading (section, _("The Four Phases"), 2);
  add_paragraph (section, _("The eight weeks go through four phases, each with its own purpose. You move on when your body shows it is ready, not by the calendar alone."));

  add_heading (section, prehab_vocabulary_label (prehab_phases, "desensitize"), 3);
  add_paragraph (section, _("Usually the first week. Its purpose is to calm a sensitive neck and back: slow breathing and small, easy movements, a little every day, show your body that moving is safe."));
  add_paragraph_take (section,
                      g_strdup_printf (ngettext ("The plan moves on after at least %d day, when none of the last three days had pain in the red zone and your mornings settled.",
                                                 "The plan moves on after at least %d days, when none of the last three days had pain in the red zone and your mornings settled.",
                                                 PREHAB_DESENSITIZE_MIN_DAYS),
                                       PREHAB_DESENSITIZE_MIN_DAYS));

  add_heading (section, prehab_vocabulary_label (prehab_phases, "mobilize"), 3);
  add_paragraph (section, _("Usually weeks 2 and 3. Its purpose is to get your mid back and neck moving through more of their range again, every day."));
  add_paragraph_take (section,
                      /* Translators: the first %d is a number of days, the second a
                       * percentage; "%%" is a percent sign */
                      g_strdup_printf (ngettext ("Strength work starts after at least %d day of mobility work in all, when you did at least %d%% of your planned sessions in the last two weeks, no day in the last week reached the red zone, every morning settled, and your pain is not rising. You do not need to be free of pain for this.",
                                                 "Strength work starts after at least %d days of mobility work in all, when you did at least %d%% of your planned sessions in the last two weeks, no day in the last week reached the red zone, every morning settled, and your pain is not rising. You do not need to be free of pain for this.",
                                                 PREHAB_MOBILITY_MIN_DAYS),
                                       PREHAB_MOBILITY_MIN_DAYS, PREHAB_STRENGTH_ADHERENCE_PERCENT));

  add_heading (section, prehab_vocabulary_label (prehab_phases, "strengthen"), 3);
  add_paragraph (section, _("Usually weeks 4 to 8. Its purpose is to strengthen the muscles that hold up your head and upper back. It starts light, with the easiest version of each exercise, on your training days and never two days in a row. On those days mobility is the warm-up; on the others it is the session."));
  add_paragraph (section, _("From there, one thing changes at a time: more repetitions first (2 × 8, then 2 × 10, 2 × 12 and 3 × 12), then a harder version of the exercise. Each step lasts at least a week."));

  add_heading (section, prehab_vocabulary_label (prehab_phases, "maintain"), 3);
  add_paragraph_take (section,
                      g_strdup_printf (ngettext ("After the eight weeks. Its purpose is to keep what you have gained: mobility every day, and strength work %d time a week.",
                                                 "After the eight weeks. Its purpose is to keep what you have gained: mobility every day, and strength work %d times a week.",
                                                 PREHAB_MAINTAIN_STRENGTH_PER_WEEK),
                                       PREHAB_MAINTAIN_STRENGTH_PER_WEEK));
}

static void
build_zones (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);
  GtkBox *list;

  add_heading (section, _("Pain Zones"), 2);
  add_paragraph (section, _("After a session you rate the pain you felt during it and right after it, from 0 (none) to 10 (the worst you can imagine). The higher of the two puts the session in a zone."));

  list = add_list (section);
  add_item_take (list,
                 /* Translators: the pain zone; %d is the highest rating in it */
                 g_strdup_printf (_("Green: 0 to %d"), PREHAB_PAIN_GREEN_MAX),
                 g_strdup (_("Fine. You may feel the exercise, but it stays mild. Two green sessions in a row with settled mornings let the plan step up.")),
                 "success");
  add_item_take (list,
                 /* Translators: the pain zone; the numbers are its lowest and highest rating */
                 g_strdup_printf (_("Amber: %d to %d"), PREHAB_PAIN_GREEN_MAX + 1, PREHAB_PAIN_AMBER_MAX),
                 g_strdup (_("Acceptable, as long as it settles by the next morning. The doses stay the same.")),
                 "warning");
  add_item_take (list,
                 /* Translators: the pain zone; %d is the lowest rating in it */
                 g_strdup_printf (_("Red: %d or more"), PREHAB_PAIN_AMBER_MAX + 1),
                 g_strdup (_("Too much for now. The next session is a step easier.")),
                 "error");

  add_paragraph (section, _("These limits come from studies of knee and Achilles tendon pain (the pain-monitoring model) and from physiotherapy practice. They are carried over to the neck and back, where they have not been tested as directly."));
}

static void
build_mornings (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);
  GtkBox *list;

  add_heading (section, _("The Next Morning Decides"), 2);
  add_paragraph (section, _("How a session really went often shows only the next day. So the planner compares your rating the morning after a session with the morning before it, or with your starting level when that is missing. This is the 24-hour rule."));

  list = add_list (section);
  add_item_take (list, NULL,
                 g_strdup_printf (ngettext ("Settled: no more than %d point above the morning before. All is well.",
                                            "Settled: no more than %d points above the morning before. All is well.",
                                            PREHAB_SETTLED_MAX_RISE),
                                  PREHAB_SETTLED_MAX_RISE),
                 NULL);
  add_item_take (list, NULL,
                 /* Translators: ratings are averaged, so a rise between the two numbers can happen */
                 g_strdup_printf (_("Slow to settle: more than %d but less than %d points above. When this happens twice after sessions in the amber zone, the plan eases off."),
                                  PREHAB_SETTLED_MAX_RISE, PREHAB_UNSETTLED_RISE),
                 NULL);
  add_item_take (list, NULL,
                 g_strdup_printf (ngettext ("Not settled: %d point or more above. The plan eases off the same day.",
                                            "Not settled: %d points or more above. The plan eases off the same day.",
                                            PREHAB_UNSETTLED_RISE),
                                  PREHAB_UNSETTLED_RISE),
                 NULL);

  add_paragraph (section, _("Your starting level is the average of your morning ratings in the first week. Rate your pain each morning before your day begins; when a morning is missing, the plan still goes on."));
  add_paragraph (section, _("One rating can swing by several points from one hour to the next. That is why the planner never acts on one number alone: it looks at the mornings after sessions and at weekly averages, the last seven days against the seven before, once at least three days of each week have a rating."));
  add_paragraph_take (section,
                      /* Translators: "%%" is a percent sign */
                      g_strdup_printf (_("A change counts as meaningful when it is at least %d points or %d%% of the earlier level, whichever is smaller, and never less than 1 point."),
                                       PREHAB_MEANINGFUL_CHANGE_POINTS, PREHAB_MEANINGFUL_CHANGE_PERCENT));
}

static void
build_decisions (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);

  add_heading (section, _("Step Up, Keep Steady, or Ease Off"), 2);
  add_paragraph (section, _("The planner checks the rules in this order, from the most careful down, and the first that applies decides the day."));

  add_heading (section, prehab_decision_label (PREHAB_DECISION_REGRESS), 3);
  add_paragraph (section, _("When a session reached the red zone, when a morning did not settle, when amber pain was slow to settle twice, or when your weekly pain rose by a meaningful amount. The plan goes one step back, or back to the previous phase from the first step of a phase."));
  add_paragraph_take (section,
                      /* Translators: the first %d is a number of days, the second a
                       * percentage; "%%" is a percent sign */
                      g_strdup_printf (ngettext ("After %d day or more without a session, the first day back starts again at about %d%% of your last doses.",
                                                 "After %d days or more without a session, the first day back starts again at about %d%% of your last doses.",
                                                 PREHAB_GAP_DAYS),
                                       PREHAB_GAP_DAYS, PREHAB_RESTART_PERCENT));
  add_paragraph (section, _("Easing off never means resting: keep your mobility work and movement breaks going every day."));

  add_heading (section, prehab_decision_label (PREHAB_DECISION_HOLD), 3);
  add_paragraph (section, _("When a session reached the amber zone but settled, when you did fewer than two in three of your planned sessions in the last two weeks, or when your pain is steady but still above where you started. The doses stay the same."));

  add_heading (section, prehab_decision_label (PREHAB_DECISION_ADVANCE), 3);
  add_paragraph (section, _("When your last two rated sessions stayed green, the mornings after them settled, you have had at least a week on the current doses, and your weekly pain is not rising. Only one thing changes at a time, so the weekly load grows gently."));
}

static void
build_qualities (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);
  GtkBox *list;

  add_heading (section, _("How the Pain Feels"), 2);
  add_paragraph (section, _("When you log pain you can also say what it feels like. Some feelings change the plan."));

  list = add_list (section);
  add_item (list, NULL, _("An ache or stiffness is common while you get moving again. Only its number counts."), NULL);
  add_item_take (list, NULL,
                 g_strdup_printf (ngettext ("Sharp, burning or tingling pain with exercise: the exercises of that session make way for easier versions for the next %d day, and each shows its key cue to help you do it comfortably.",
                                            "Sharp, burning or tingling pain with exercise: the exercises of that session make way for easier versions for the next %d days, and each shows its key cue to help you do it comfortably.",
                                            PREHAB_SWAP_DAYS),
                                  PREHAB_SWAP_DAYS),
                 NULL);
  add_item (list, NULL, _("Numbness with exercise: new numbness or weakness needs a clinician’s check. The plan pauses strength work until you confirm that you were cleared."), NULL);
}

static void
add_flags (GtkBox            *section,
           PrehabRedFlagTier  tier)
{
  GtkBox *list = add_list (section);

  for (guint i = 0; prehab_red_flags[i].id != NULL; i++)
    if (prehab_red_flags[i].tier == tier)
      add_item (list, NULL, _(prehab_red_flags[i].question), NULL);
}

static void
build_warning_signs (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);
  GtkWidget *heading;

  add_heading (section, _("Warning Signs"), 2);
  add_paragraph (section, _("Some symptoms are not for an exercise program. When you report one, at set-up or in a pain log, the plan stops and tells you where to go."));

  heading = add_heading (section, _("Call Your Local Emergency Number Now"), 3);
  gtk_widget_add_css_class (heading, "error");
  add_flags (section, PREHAB_RED_FLAG_EMERGENCY);

  heading = add_heading (section, _("See a Doctor in the Next Few Days"), 3);
  gtk_widget_add_css_class (heading, "warning");
  add_flags (section, PREHAB_RED_FLAG_SEE_DOCTOR);

  add_heading (section, prehab_decision_label (PREHAB_DECISION_STOP), 3);
  add_paragraph (section, _("The plan also pauses after numbness with exercise, and when your weekly pain rises by a meaningful amount two weeks running even though the plan already eased off."));
  add_paragraph (section, _("While it is paused, strength work stays out until you confirm on the Today view that a clinician cleared you. Gentle breathing and mobility stay in the plan if they feel fine. A new warning sign after that pauses it again."));

  add_heading (section, _("A Check Is Suggested"), 3);
  add_paragraph_take (section,
                      g_strdup_printf (_("If your pain has not improved by a meaningful amount by the end of week %d and is not clearly falling, or by the end of week %d at the latest, the plan goes on but suggests a check with a physiotherapist or doctor."),
                                       PREHAB_REVIEW_FIRST_WEEK, PREHAB_REVIEW_LAST_WEEK));
}

static void
build_sources (PrehabPlanHelp *self)
{
  GtkBox *section = add_section (self);
  GtkBox *list;

  add_heading (section, _("Where the Rules Come From"), 2);
  add_paragraph (section, _("Each rule rests on published research or clinical guidance. You can select a reference to copy it."));

  list = add_list (section);
  /* The references stay in their original language; what they support is
   * translated. */
  add_item (list, _("Pain zones and the next-morning check"),
            "Thomeé R. The pain-monitoring model. Phys Ther 1997;77(12):1690–1703.",
            NULL);
  add_item (list, _("Pain up to 5 during exercise, settled by the next morning, no rise from week to week"),
            "Silbernagel KG et al. Am J Sports Med 2007;35(6):897–906.", NULL);
  add_item (list, _("Exercise that hurts a little need not be avoided"),
            "Smith BE et al. Br J Sports Med 2017.", NULL);
  /* xgettext:no-c-format */
  add_item (list, _("A meaningful change is about 2 points or 30%"),
            "Farrar JT et al. Pain 2001;94:149. Dworkin RH et al. (IMMPACT). J Pain 2008.", NULL);
  add_item (list, _("One neck pain rating can vary by about 4 points"),
            "Cleland JA et al. Arch Phys Med Rehabil 2008;89:69. Kovacs FM et al. BMC Musculoskelet Disord 2008;9:43.",
            NULL);
  add_item (list, _("Strength doses: 8 to 12 repetitions, 2 to 3 days a week, repetitions before load"),
            "Ratamess et al. American College of Sports Medicine position stand. 2009.",
            NULL);
  add_item (list, _("Strengthening and stretching help long-lasting neck pain"),
            "Gross A et al. Cochrane Database Syst Rev 2015, CD004250.", NULL);
  add_item (list, _("Warning signs"),
            "Physiopedia, “Thoracic back pain red flags”. IFOMPT cervical framework, Rushton et al. JOSPT 2023;53(1):7–22.",
            NULL);
}

/* The references are worth copying: make their text selectable. */
static void
make_references_selectable (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && !gtk_widget_has_css_class (child, "heading") &&
          gtk_widget_get_visible (child))
        gtk_label_set_selectable (GTK_LABEL (child), TRUE);
      else
        make_references_selectable (child);
    }
}

/* ----------------------------------------------------------- overrides */

static void
prehab_plan_help_map (GtkWidget *widget)
{
  PrehabPlanHelp *self = PREHAB_PLAN_HELP (widget);

  GTK_WIDGET_CLASS (prehab_plan_help_parent_class)->map (widget);

  /* Start on the text, at its top, so that the keys scroll it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->scroller));
}

static void
prehab_plan_help_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PREHAB_TYPE_PLAN_HELP);

  G_OBJECT_CLASS (prehab_plan_help_parent_class)->dispose (object);
}

static void
prehab_plan_help_class_init (PrehabPlanHelpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prehab_plan_help_dispose;
  widget_class->map = prehab_plan_help_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/prehab/Prehab/prehab-plan-help.ui");
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanHelp, scroller);
  gtk_widget_class_bind_template_child (widget_class, PrehabPlanHelp, content);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prehab_plan_help_init (PrehabPlanHelp *self)
{
  GtkWidget *sources;

  gtk_widget_init_template (GTK_WIDGET (self));

  build_intro (self);
  build_phases (self);
  build_zones (self);
  build_mornings (self);
  build_decisions (self);
  build_qualities (self);
  build_warning_signs (self);
  build_sources (self);

  sources = gtk_widget_get_last_child (GTK_WIDGET (self->content));
  make_references_selectable (gtk_widget_get_last_child (sources));
}

/* ---------------------------------------------------------- public API */

/**
 * prehab_plan_help_new:
 *
 * Returns: (transfer none): the "How the plan adapts" window; like every
 *   window it belongs to GTK until it is destroyed
 */
PrehabPlanHelp *
prehab_plan_help_new (void)
{
  return g_object_new (PREHAB_TYPE_PLAN_HELP, NULL);
}
