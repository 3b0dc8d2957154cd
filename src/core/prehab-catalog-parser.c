/* prehab-catalog-parser.c
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

#define G_LOG_DOMAIN "prehab-catalog"

#include "config.h"

#include "prehab-catalog-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "prehab-store.h"
#include "prehab-vocabulary.h"

/* Reads data/content/catalog.xml with GMarkup and checks what one element
 * at a time cannot: names present, ids unique, references resolved. A
 * catalog that fails here never reaches the store. */

static void
named_free (gpointer data)
{
  CatalogNamed *named = data;

  g_free (named->id);
  g_free (named->name);
  g_free (named);
}

static void
use_free (gpointer data)
{
  CatalogUse *use = data;

  g_free (use->ref);
  g_free (use);
}

static void
exercise_free (gpointer data)
{
  CatalogExercise *exercise = data;

  g_free (exercise->id);
  g_free (exercise->name);
  g_free (exercise->summary);
  g_free (exercise->category);
  g_free (exercise->position);
  g_strfreev (exercise->phases);
  g_strfreev (exercise->movements);
  g_strfreev (exercise->planes);
  g_free (exercise->tempo);
  g_ptr_array_unref (exercise->uses);
  g_ptr_array_unref (exercise->steps);
  g_ptr_array_unref (exercise->cues);
  g_ptr_array_unref (exercise->cautions);
  g_ptr_array_unref (exercise->easier);
  g_ptr_array_unref (exercise->harder);
  g_free (exercise);
}

static void
item_free (gpointer data)
{
  CatalogItem *item = data;

  g_free (item->kind);
  g_free (item->ref);
  g_free (item);
}

static void
week_free (gpointer data)
{
  CatalogWeek *week = data;

  g_free (week->phase);
  g_free (week->focus);
  g_ptr_array_unref (week->items);
  g_free (week);
}

static void
program_free (gpointer data)
{
  CatalogProgram *program = data;

  g_free (program->id);
  g_free (program->name);
  g_free (program->description);
  g_ptr_array_unref (program->week_list);
  g_free (program);
}

void
prehab_catalog_data_free (PrehabCatalogData *catalog)
{
  g_ptr_array_unref (catalog->equipment);
  g_ptr_array_unref (catalog->triggers);
  g_ptr_array_unref (catalog->exercises);
  g_ptr_array_unref (catalog->programs);
  g_free (catalog->checksum);
  g_string_free (catalog->text, TRUE);
  g_free (catalog->session_kind);
  g_free (catalog);
}


static PrehabCatalogData *
catalog_new (void)
{
  PrehabCatalogData *catalog = g_new0 (PrehabCatalogData, 1);

  catalog->equipment = g_ptr_array_new_with_free_func (named_free);
  catalog->triggers = g_ptr_array_new_with_free_func (named_free);
  catalog->exercises = g_ptr_array_new_with_free_func (exercise_free);
  catalog->programs = g_ptr_array_new_with_free_func (program_free);
  catalog->text = g_string_new (NULL);
  return catalog;
}

static gpointer
last_of (GPtrArray *array)
{
  g_assert (array->len > 0);
  return g_ptr_array_index (array, array->len - 1);
}

static gboolean
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (context != NULL)
    g_markup_parse_context_get_position (context, &line, NULL);

  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
               "line %d: %s", line, message);
  return FALSE;
}

/* Parses an optional non-negative integer attribute; 0 when absent. */
static gboolean
parse_count (GMarkupParseContext  *context,
             const char           *name,
             const char           *value,
             int                   max,
             int                  *out,
             GError              **error)
{
  guint64 number;

  *out = 0;
  if (value == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (value, 10, 1, max, &number, NULL))
    return set_invalid (context, error, "%s=\"%s\" is not a whole number from 1 to %d",
                        name, value, max);

  *out = (int) number;
  return TRUE;
}

static char **
parse_terms (GMarkupParseContext  *context,
             const char           *name,
             const char           *value,
             const PrehabTerm     *terms,
             gboolean              allow_empty,
             GError              **error)
{
  g_auto (GStrv) words = g_strsplit_set (value != NULL ? value : "", " ", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (!prehab_vocabulary_contains (terms, words[i]))
        {
          g_autofree char *known = prehab_vocabulary_join_ids (terms);
          set_invalid (context, error, "%s: unknown value “%s” (known: %s)",
                       name, words[i], known);
          return NULL;
        }
      g_strv_builder_add (builder, words[i]);
      n++;
    }

  if (n == 0 && !allow_empty)
    {
      set_invalid (context, error, "%s needs at least one value", name);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || !g_ascii_islower (*id) || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
parse_id (GMarkupParseContext  *context,
          const char           *element,
          const char           *id,
          GError              **error)
{
  if (!valid_id (id))
    return set_invalid (context, error, "<%s> needs an id of lower-case letters, digits and "
                        "dashes, not “%s”", element, id != NULL ? id : "");
  return TRUE;
}

static const char *
parent_element (GMarkupParseContext *context)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return stack != NULL && stack->next != NULL ? stack->next->data : NULL;
}

static gboolean
is_text_element (const char *element)
{
  static const char * const text_elements[] = {
    "name", "summary", "step", "cue", "caution", "description", "focus", NULL
  };

  return g_strv_contains (text_elements, element);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  PrehabCatalogData *catalog = user_data;
  const char *parent = parent_element (context);

  if (is_text_element (element))
    {
      catalog->in_text = TRUE;
      g_string_truncate (catalog->text, 0);
      return;
    }

  if (g_str_equal (element, "catalog"))
    {
      const char *version = NULL;

      g_markup_collect_attributes (element, names, values, error,
                                   G_MARKUP_COLLECT_STRING, "version", &version,
                                   G_MARKUP_COLLECT_INVALID);
    }
  else if ((g_str_equal (element, "equipment") || g_str_equal (element, "trigger")) &&
           g_strcmp0 (parent, "catalog") == 0)
    {
      const char *id;
      CatalogNamed *named;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_INVALID) ||
          !parse_id (context, element, id, error))
        return;

      named = g_new0 (CatalogNamed, 1);
      named->id = g_strdup (id);
      g_ptr_array_add (g_str_equal (element, "equipment") ? catalog->equipment
                                                          : catalog->triggers,
                       named);
    }
  else if (g_str_equal (element, "exercise") && g_strcmp0 (parent, "catalog") == 0)
    {
      const char *id, *category, *position, *phases, *movements, *planes = NULL;
      CatalogExercise *exercise;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "category", &category,
                                        G_MARKUP_COLLECT_STRING, "position", &position,
                                        G_MARKUP_COLLECT_STRING, "phases", &phases,
                                        G_MARKUP_COLLECT_STRING, "movements", &movements,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "planes", &planes,
                                        G_MARKUP_COLLECT_INVALID) ||
          !parse_id (context, element, id, error))
        return;

      if (!prehab_vocabulary_contains (prehab_categories, category))
        {
          set_invalid (context, error, "exercise %s: unknown category “%s”", id, category);
          return;
        }
      if (!prehab_vocabulary_contains (prehab_positions, position))
        {
          set_invalid (context, error, "exercise %s: unknown position “%s”", id, position);
          return;
        }

      exercise = g_new0 (CatalogExercise, 1);
      exercise->id = g_strdup (id);
      exercise->category = g_strdup (category);
      exercise->position = g_strdup (position);
      exercise->sets = 1;
      exercise->rest_s = 30;
      exercise->uses = g_ptr_array_new_with_free_func (use_free);
      exercise->steps = g_ptr_array_new_with_free_func (g_free);
      exercise->cues = g_ptr_array_new_with_free_func (g_free);
      exercise->cautions = g_ptr_array_new_with_free_func (g_free);
      exercise->easier = g_ptr_array_new_with_free_func (g_free);
      exercise->harder = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (catalog->exercises, exercise);

      if (!(exercise->phases = parse_terms (context, "phases", phases, prehab_phases,
                                            FALSE, error)) ||
          !(exercise->movements = parse_terms (context, "movements", movements,
                                               prehab_movements, FALSE, error)) ||
          !(exercise->planes = parse_terms (context, "planes", planes, prehab_planes,
                                            TRUE, error)))
        return;
    }
  else if (g_str_equal (element, "dose") && g_strcmp0 (parent, "exercise") == 0)
    {
      CatalogExercise *exercise = last_of (catalog->exercises);
      const char *sets = NULL, *reps = NULL, *hold = NULL, *duration = NULL;
      const char *per_side = NULL, *tempo = NULL, *rest = NULL;
      int tempo_out = 0, tempo_back = 0;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "sets", &sets,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "reps", &reps,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "hold", &hold,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "duration", &duration,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "per-side", &per_side,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "tempo", &tempo,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "rest", &rest,
                                        G_MARKUP_COLLECT_INVALID) ||
          !parse_count (context, "sets", sets, 20, &exercise->sets, error) ||
          !parse_count (context, "reps", reps, 200, &exercise->reps, error) ||
          !parse_count (context, "hold", hold, 3600, &exercise->hold_s, error) ||
          !parse_count (context, "duration", duration, 7200, &exercise->duration_s, error))
        return;

      if (sets == NULL)
        exercise->sets = 1;

      if (rest != NULL)
        {
          guint64 seconds;

          if (!g_ascii_string_to_unsigned (rest, 10, 0, 600, &seconds, NULL))
            {
              set_invalid (context, error, "rest=\"%s\" is not 0 to 600 seconds", rest);
              return;
            }
          exercise->rest_s = (int) seconds;
        }

      if ((exercise->reps > 0) == (exercise->duration_s > 0))
        {
          set_invalid (context, error, "exercise %s: a dose has reps or a duration, one of them",
                       exercise->id);
          return;
        }

      if (tempo != NULL &&
          (sscanf (tempo, "%d-%d", &tempo_out, &tempo_back) != 2 ||
           tempo_out < 1 || tempo_out > 9 || tempo_back < 1 || tempo_back > 9))
        {
          set_invalid (context, error, "tempo=\"%s\" is not two counts of 1 to 9 seconds, such as 4-4", tempo);
          return;
        }
      if (tempo != NULL)
        exercise->tempo = g_strdup_printf ("%d-%d", tempo_out, tempo_back);

      exercise->per_side = g_strcmp0 (per_side, "yes") == 0;
    }
  else if (g_str_equal (element, "uses") && g_strcmp0 (parent, "exercise") == 0)
    {
      CatalogExercise *exercise = last_of (catalog->exercises);
      const char *ref, *group = NULL, *optional = NULL;
      CatalogUse *use;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "ref", &ref,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "group", &group,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "optional", &optional,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      use = g_new0 (CatalogUse, 1);
      use->ref = g_strdup (ref);
      use->optional = g_strcmp0 (optional, "yes") == 0;
      g_ptr_array_add (exercise->uses, use);
      parse_count (context, "group", group, 99, &use->group, error);
    }
  else if ((g_str_equal (element, "easier") || g_str_equal (element, "harder")) &&
           g_strcmp0 (parent, "exercise") == 0)
    {
      CatalogExercise *exercise = last_of (catalog->exercises);
      const char *ref;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "ref", &ref,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      g_ptr_array_add (g_str_equal (element, "easier") ? exercise->easier : exercise->harder,
                       g_strdup (ref));
    }
  else if (g_str_equal (element, "program") && g_strcmp0 (parent, "catalog") == 0)
    {
      const char *id, *weeks;
      CatalogProgram *program;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "weeks", &weeks,
                                        G_MARKUP_COLLECT_INVALID) ||
          !parse_id (context, element, id, error))
        return;

      program = g_new0 (CatalogProgram, 1);
      program->id = g_strdup (id);
      program->week_list = g_ptr_array_new_with_free_func (week_free);
      g_ptr_array_add (catalog->programs, program);
      parse_count (context, "weeks", weeks, 52, &program->weeks, error);
    }
  else if (g_str_equal (element, "week") && g_strcmp0 (parent, "program") == 0)
    {
      CatalogProgram *program = last_of (catalog->programs);
      const char *number, *phase;
      CatalogWeek *week;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "number", &number,
                                        G_MARKUP_COLLECT_STRING, "phase", &phase,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (!prehab_vocabulary_contains (prehab_phases, phase))
        {
          set_invalid (context, error, "week: unknown phase “%s”", phase);
          return;
        }

      week = g_new0 (CatalogWeek, 1);
      week->phase = g_strdup (phase);
      week->items = g_ptr_array_new_with_free_func (item_free);
      g_ptr_array_add (program->week_list, week);
      if (parse_count (context, "number", number, 52, &week->number, error) &&
          week->number != (int) program->week_list->len)
        set_invalid (context, error, "week %d is out of order", week->number);
    }
  else if (g_str_equal (element, "session") && g_strcmp0 (parent, "week") == 0)
    {
      const char *kind;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "kind", &kind,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (!g_str_equal (kind, "daily") && !g_str_equal (kind, "training"))
        {
          set_invalid (context, error, "session kind must be daily or training, not “%s”", kind);
          return;
        }

      g_free (catalog->session_kind);
      catalog->session_kind = g_strdup (kind);
    }
  else if (g_str_equal (element, "item") && g_strcmp0 (parent, "session") == 0)
    {
      CatalogProgram *program = last_of (catalog->programs);
      CatalogWeek *week = last_of (program->week_list);
      const char *ref, *sets = NULL, *reps = NULL, *hold = NULL, *duration = NULL;
      CatalogItem *item;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "ref", &ref,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "sets", &sets,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "reps", &reps,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "hold", &hold,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "duration", &duration,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      item = g_new0 (CatalogItem, 1);
      item->kind = g_strdup (catalog->session_kind);
      item->ref = g_strdup (ref);
      g_ptr_array_add (week->items, item);

      if (!parse_count (context, "sets", sets, 20, &item->sets, error) ||
          !parse_count (context, "reps", reps, 200, &item->reps, error) ||
          !parse_count (context, "hold", hold, 3600, &item->hold_s, error) ||
          !parse_count (context, "duration", duration, 7200, &item->duration_s, error))
        return;
    }
  else
    {
      set_invalid (context, error, "unexpected <%s> inside <%s>", element,
                   parent != NULL ? parent : "nothing");
    }
}

/* Collapses runs of white space the way xgettext does, so the text read here
 * is the msgid that the translations were made for. */
static char *
normalize_text (const char *text)
{
  g_autoptr (GString) result = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = result->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (result, ' ');
      pending_space = FALSE;
      g_string_append_c (result, *p);
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  PrehabCatalogData *catalog = user_data;
  const char *parent = parent_element (context);
  g_autofree char *text = NULL;

  if (!is_text_element (element))
    return;

  catalog->in_text = FALSE;
  text = normalize_text (catalog->text->str);
  if (*text == '\0')
    {
      set_invalid (context, error, "<%s> is empty", element);
      return;
    }

  if (g_strcmp0 (parent, "equipment") == 0 || g_strcmp0 (parent, "trigger") == 0)
    {
      CatalogNamed *named = last_of (g_str_equal (parent, "equipment") ? catalog->equipment
                                                                       : catalog->triggers);

      if (g_str_equal (element, "name") && named->name == NULL)
        named->name = g_steal_pointer (&text);
    }
  else if (g_strcmp0 (parent, "exercise") == 0)
    {
      CatalogExercise *exercise = last_of (catalog->exercises);

      if (g_str_equal (element, "name") && exercise->name == NULL)
        exercise->name = g_steal_pointer (&text);
      else if (g_str_equal (element, "summary") && exercise->summary == NULL)
        exercise->summary = g_steal_pointer (&text);
      else if (g_str_equal (element, "step"))
        g_ptr_array_add (exercise->steps, g_steal_pointer (&text));
      else if (g_str_equal (element, "cue"))
        g_ptr_array_add (exercise->cues, g_steal_pointer (&text));
      else if (g_str_equal (element, "caution"))
        g_ptr_array_add (exercise->cautions, g_steal_pointer (&text));
    }
  else if (g_strcmp0 (parent, "program") == 0)
    {
      CatalogProgram *program = last_of (catalog->programs);

      if (g_str_equal (element, "name") && program->name == NULL)
        program->name = g_steal_pointer (&text);
      else if (g_str_equal (element, "description") && program->description == NULL)
        program->description = g_steal_pointer (&text);
    }
  else if (g_strcmp0 (parent, "week") == 0 && g_str_equal (element, "focus"))
    {
      CatalogProgram *program = last_of (catalog->programs);
      CatalogWeek *week = last_of (program->week_list);

      if (week->focus == NULL)
        week->focus = g_steal_pointer (&text);
    }

  if (text != NULL)
    set_invalid (context, error, "unexpected or repeated <%s> inside <%s>", element,
                 parent != NULL ? parent : "nothing");
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  PrehabCatalogData *catalog = user_data;

  if (catalog->in_text)
    g_string_append_len (catalog->text, text, text_len);
}

static const GMarkupParser catalog_parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

static gboolean
has_named (GPtrArray  *array,
           const char *id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (((CatalogNamed *) g_ptr_array_index (array, i))->id, id))
      return TRUE;

  return FALSE;
}

static gboolean
check_unique (GPtrArray   *array,
              const char  *what,
              GError     **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every element type here starts with its id. */
  for (guint i = 0; i < array->len; i++)
    {
      const char *id = *(char **) g_ptr_array_index (array, i);

      if (!g_hash_table_add (seen, (gpointer) id))
        return set_invalid (NULL, error, "%s “%s” appears twice", what, id);
    }

  return TRUE;
}

static CatalogExercise *
find_exercise (PrehabCatalogData *catalog,
               const char        *id)
{
  for (guint i = 0; i < catalog->exercises->len; i++)
    {
      CatalogExercise *exercise = g_ptr_array_index (catalog->exercises, i);

      if (g_str_equal (exercise->id, id))
        return exercise;
    }

  return NULL;
}

/* Checks what the parser cannot see element by element: names present,
 * ids unique, references resolved. */
static gboolean
validate (PrehabCatalogData  *catalog,
          GError            **error)
{
  if (!check_unique (catalog->equipment, "equipment", error) ||
      !check_unique (catalog->triggers, "trigger", error) ||
      !check_unique (catalog->exercises, "exercise", error) ||
      !check_unique (catalog->programs, "program", error))
    return FALSE;

  for (guint i = 0; i < catalog->equipment->len; i++)
    if (((CatalogNamed *) g_ptr_array_index (catalog->equipment, i))->name == NULL)
      return set_invalid (NULL, error, "equipment %u has no name", i + 1);

  for (guint i = 0; i < catalog->triggers->len; i++)
    if (((CatalogNamed *) g_ptr_array_index (catalog->triggers, i))->name == NULL)
      return set_invalid (NULL, error, "trigger %u has no name", i + 1);

  for (guint i = 0; i < catalog->exercises->len; i++)
    {
      CatalogExercise *exercise = g_ptr_array_index (catalog->exercises, i);

      if (exercise->name == NULL || exercise->summary == NULL)
        return set_invalid (NULL, error, "exercise %s needs a name and a summary", exercise->id);
      if (exercise->reps == 0 && exercise->duration_s == 0)
        return set_invalid (NULL, error, "exercise %s has no <dose>", exercise->id);
      if (exercise->steps->len == 0)
        return set_invalid (NULL, error, "exercise %s has no steps", exercise->id);

      for (guint j = 0; j < exercise->uses->len; j++)
        {
          CatalogUse *use = g_ptr_array_index (exercise->uses, j);

          if (!has_named (catalog->equipment, use->ref))
            return set_invalid (NULL, error, "exercise %s uses unknown equipment “%s”",
                                exercise->id, use->ref);
        }

      for (guint j = 0; j < exercise->easier->len + exercise->harder->len; j++)
        {
          const char *ref = j < exercise->easier->len
            ? g_ptr_array_index (exercise->easier, j)
            : g_ptr_array_index (exercise->harder, j - exercise->easier->len);

          if (find_exercise (catalog, ref) == NULL || g_str_equal (ref, exercise->id))
            return set_invalid (NULL, error, "exercise %s has an unknown variant “%s”",
                                exercise->id, ref);
        }
    }

  for (guint i = 0; i < catalog->programs->len; i++)
    {
      CatalogProgram *program = g_ptr_array_index (catalog->programs, i);

      if (program->name == NULL)
        return set_invalid (NULL, error, "program %s has no name", program->id);
      if ((int) program->week_list->len != program->weeks)
        return set_invalid (NULL, error, "program %s says %d weeks but has %u",
                            program->id, program->weeks, program->week_list->len);

      for (guint w = 0; w < program->week_list->len; w++)
        {
          CatalogWeek *week = g_ptr_array_index (program->week_list, w);

          if (week->items->len == 0)
            return set_invalid (NULL, error, "program %s: week %d has no sessions",
                                program->id, week->number);

          for (guint j = 0; j < week->items->len; j++)
            {
              CatalogItem *item = g_ptr_array_index (week->items, j);

              if (find_exercise (catalog, item->ref) == NULL)
                return set_invalid (NULL, error, "program %s: week %d lists unknown exercise “%s”",
                                    program->id, week->number, item->ref);
            }
        }
    }

  return TRUE;
}

PrehabCatalogData *
prehab_catalog_data_parse (GBytes  *content,
                           GError **error)
{
  g_autoptr (PrehabCatalogData) catalog = catalog_new ();
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  context = g_markup_parse_context_new (&catalog_parser, G_MARKUP_PREFIX_ERROR_POSITION,
                                        catalog, NULL);

  if (!g_markup_parse_context_parse (context, data != NULL ? data : "", size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error) ||
      !validate (catalog, &local_error))
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                   _("The exercise catalog is not valid: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&catalog);
}

