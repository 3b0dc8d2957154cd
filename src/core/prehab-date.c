/* prehab-date.c
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

#define G_LOG_DOMAIN "prehab-date"

#include "config.h"

#include "prehab-date.h"

#include <string.h>

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *value)
{
  int result = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (text[i] - '0');
    }

  *value = result;
  return TRUE;
}

/* Parses exactly YYYY-MM-DD at the start of @text. */
static guint32
parse_date_prefix (const char *text)
{
  int year, month, day;
  GDate date;

  if (text == NULL || strlen (text) < 10 ||
      !parse_digits (text, 4, &year) || text[4] != '-' ||
      !parse_digits (text + 5, 2, &month) || text[7] != '-' ||
      !parse_digits (text + 8, 2, &day))
    return 0;

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/**
 * prehab_date_to_day:
 * @date: a date as YYYY-MM-DD
 *
 * Returns: the Julian day number, or 0 when @date is not a real date in
 *   exactly that form
 */
guint32
prehab_date_to_day (const char *date)
{
  if (date == NULL || strlen (date) != 10)
    return 0;

  return parse_date_prefix (date);
}

/**
 * prehab_day_to_date:
 * @day: a Julian day number
 *
 * Returns: (transfer full): the date as YYYY-MM-DD
 */
char *
prehab_day_to_date (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/**
 * prehab_parse_time:
 * @text: "YYYY-MM-DD HH:MM", optionally followed by ":SS"
 * @day: (out): the Julian day
 * @minute: (out): minutes after midnight
 *
 * Returns: %TRUE when @text is a real date and time in that form
 */
gboolean
prehab_parse_time (const char *text,
                   guint32    *day,
                   int        *minute)
{
  size_t length;
  int hours, minutes, seconds;
  guint32 parsed;

  if (text == NULL)
    return FALSE;

  length = strlen (text);
  if (length != 16 && length != 19)
    return FALSE;

  parsed = parse_date_prefix (text);
  if (parsed == 0 || text[10] != ' ' ||
      !parse_digits (text + 11, 2, &hours) || text[13] != ':' ||
      !parse_digits (text + 14, 2, &minutes) ||
      hours > 23 || minutes > 59)
    return FALSE;

  if (length == 19 &&
      (text[16] != ':' || !parse_digits (text + 17, 2, &seconds) || seconds > 59))
    return FALSE;

  *day = parsed;
  *minute = hours * 60 + minutes;
  return TRUE;
}

/**
 * prehab_date_dup_today:
 *
 * The local date. `PREHAB_TODAY=YYYY-MM-DD` in the environment pins it, so
 * that tests, screenshots and support reproductions see a fixed day.
 *
 * Returns: (transfer full): today as YYYY-MM-DD
 */
char *
prehab_date_dup_today (void)
{
  const char *pinned = g_getenv ("PREHAB_TODAY");
  g_autoptr (GDateTime) now = NULL;

  if (pinned != NULL && prehab_date_to_day (pinned) != 0)
    return g_strdup (pinned);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * prehab_date_dup_now:
 *
 * Returns: (transfer full): the local time as YYYY-MM-DD HH:MM, on the day
 *   prehab_date_dup_today() gives
 */
char *
prehab_date_dup_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  return g_strdup_printf ("%s %s", today, time);
}

/**
 * prehab_date_dup_now_seconds:
 *
 * Returns: (transfer full): the local time as YYYY-MM-DD HH:MM:SS, on the
 *   day prehab_date_dup_today() gives
 */
char *
prehab_date_dup_now_seconds (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = prehab_date_dup_today ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");

  return g_strdup_printf ("%s %s", today, time);
}

/**
 * prehab_day_weekday:
 * @day: a Julian day number
 *
 * Returns: 0 for Monday to 6 for Sunday
 */
int
prehab_day_weekday (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date) - 1;
}
