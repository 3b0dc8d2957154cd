/* fuzz-datetime.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The date and time parsers on any text, and a pain entry's validation with
 * that text as its time, context and note. What parses as a date must print
 * back as the same date. */

#include <string.h>

#include "prehab-date.h"
#include "prehab-journal.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (PrehabPainEntry) entry = prehab_pain_entry_new ();
  g_autoptr (GError) error = NULL;
  guint32 day = 0;
  int minute = -1;

  day = prehab_date_to_day (text);
  if (day != 0)
    {
      g_autofree char *back = prehab_day_to_date (day);

      g_assert_cmpstr (back, ==, text);
      g_assert_cmpint (prehab_day_weekday (day), >=, 0);
    }

  if (prehab_parse_time (text, &day, &minute))
    {
      g_assert_cmpuint (day, !=, 0);
      g_assert_cmpint (minute, >=, 0);
      g_assert_cmpint (minute, <, 24 * 60);
    }

  entry->logged_at = g_strdup (text);
  g_free (entry->context);
  entry->context = g_strdup (text);
  g_free (entry->note);
  entry->note = g_strdup (text);
  entry->pain = size > 0 ? (int) (gint8) data[0] : 0;
  if (!prehab_pain_entry_validate (entry, "2026-11-21 12:00", &error))
    g_assert_nonnull (error);
  return 0;
}
