/* test-journal.c: reading, editing, deleting and restoring pain entries
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prehab-catalog.h"
#include "prehab-date.h"
#include "prehab-enrollment.h"
#include "prehab-journal.h"
#include "prehab-schedule.h"
#include "prehab-store-private.h"
#include "prehab-test-util.h"

/* "Today" is pinned in main(): a Sunday, three weeks after START. */
#define TODAY "2026-03-22"
#define START "2026-03-01"

typedef PrehabTestStore Fixture;

/* Helpers ----------------------------------------------------------------- */

static gint64
count (PrehabStore *store,
       const char  *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (PrehabStore *store,
       const char  *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return prehab_test_count (store, sql);
}

static GStrv
strv_new (const char *first,
          ...) G_GNUC_NULL_TERMINATED;

static GStrv
strv_new (const char *first,
          ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *value = first; value != NULL; value = va_arg (args, const char *))
    g_strv_builder_add (builder, value);
  va_end (args);

  return g_strv_builder_end (builder);
}

static PrehabPainEntry *
entry_new (const char *logged_at,
           const char *context,
           int         pain)
{
  PrehabPainEntry *entry = prehab_pain_entry_new ();

  entry->logged_at = g_strdup (logged_at);
  g_free (entry->context);
  entry->context = g_strdup (context);
  entry->pain = pain;
  return entry;
}

static gint64
add (PrehabStore     *store,
     PrehabPainEntry *entry)
{
  g_autoptr (GError) error = NULL;
  gint64 id = prehab_journal_add_entry (store, entry, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
log_pain (PrehabStore *store,
          const char  *logged_at,
          const char  *context,
          int          pain)
{
  g_autoptr (PrehabPainEntry) entry = entry_new (logged_at, context, pain);

  return add (store, entry);
}

static PrehabPainEntry *
load (PrehabStore *store,
      gint64       id)
{
  g_autoptr (GError) error = NULL;
  PrehabPainEntry *entry = prehab_journal_load_entry (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static void
assert_same_strv (GStrv a,
                  GStrv b)
{
  g_assert_cmpuint (a != NULL ? g_strv_length (a) : 0, ==, b != NULL ? g_strv_length (b) : 0);
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

/* Every field, byte for byte. */
static void
assert_same_entry (const PrehabPainEntry *a,
                   const PrehabPainEntry *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->logged_at, ==, b->logged_at);
  g_assert_cmpstr (a->context, ==, b->context);
  g_assert_cmpint (a->pain, ==, b->pain);
  g_assert_cmpuint (strlen (a->note), ==, strlen (b->note));
  g_assert_true (memcmp (a->note, b->note, strlen (a->note)) == 0);
  assert_same_strv (a->regions, b->regions);
  assert_same_strv (a->qualities, b->qualities);
  assert_same_strv (a->flags, b->flags);
  assert_same_strv (a->triggers, b->triggers);
  g_assert_cmpint (a->session_id, ==, b->session_id);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
}

/* An entry with something in every field. */
static PrehabPainEntry *
full_entry (void)
{
  PrehabPainEntry *entry = entry_new ("2026-03-20 18:45", "evening", 6);

  g_free (entry->note);
  entry->note = g_strdup ("Worse after the long drive.");
  entry->regions = strv_new ("between-shoulder-blades", "neck", NULL);
  entry->qualities = strv_new ("ache", "burning", NULL);
  entry->flags = strv_new ("night-pain", NULL);
  entry->triggers = strv_new ("driving", "Desk chair", NULL);
  return entry;
}

/* Entries ----------------------------------------------------------------- */

static void
test_load_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) loaded = NULL;
  g_autoptr (PrehabPainEntry) missing = NULL;
  g_autoptr (PrehabPainEntry) copy = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  gint64 id = add (fixture->store, entry);

  loaded = load (fixture->store, id);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->logged_at, ==, "2026-03-20 18:45");
  g_assert_cmpstr (loaded->context, ==, "evening");
  g_assert_cmpint (loaded->pain, ==, 6);
  g_assert_cmpstr (loaded->note, ==, "Worse after the long drive.");
  g_assert_cmpstrv (loaded->regions, ((const char * const[]) { "between-shoulder-blades", "neck", NULL }));
  g_assert_cmpstrv (loaded->qualities, ((const char * const[]) { "ache", "burning", NULL }));
  g_assert_cmpstrv (loaded->flags, ((const char * const[]) { "night-pain", NULL }));
  /* Built-in first, in the catalog's order; then the person's own. */
  g_assert_cmpstrv (loaded->triggers, ((const char * const[]) { "driving", "Desk chair", NULL }));
  g_assert_cmpint (loaded->session_id, ==, 0);
  g_assert_nonnull (loaded->created_at);
  g_assert_cmpuint (strlen (loaded->created_at), ==, 19);
  g_assert_cmpstr (loaded->updated_at, ==, loaded->created_at);

  /* The list reads the same entry. */
  listed = prehab_journal_list_entries (fixture->store, "2026-03-20", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_same_entry (listed->pdata[0], loaded);

  /* A copy is deep and equal. */
  copy = prehab_pain_entry_copy (loaded);
  assert_same_entry (copy, loaded);
  g_assert_true (copy->note != loaded->note);
  g_assert_true (copy->triggers != loaded->triggers);

  /* Unknown ids. */
  for (gint64 bad = -1; bad <= 0; bad++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PrehabPainEntry) none = prehab_journal_load_entry (fixture->store, bad, &local_error);

      g_assert_null (none);
      g_assert_error (local_error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    }
  missing = prehab_journal_load_entry (fixture->store, id + 1, &error);
  g_assert_null (missing);
  g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
}

static void
test_update_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) edited = NULL;
  g_autoptr (PrehabPainEntry) loaded = NULL;
  g_autoptr (PrehabPainEntry) other_loaded = NULL;
  gint64 id = add (fixture->store, entry);
  gint64 other = log_pain (fixture->store, "2026-03-20 07:00", "morning", 3);
  gint64 triggers_before = prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger");

  other_loaded = load (fixture->store, other);

  /* Backdate updated_at to see it move. */
  prehab_test_exec (fixture->store,
                    "UPDATE pain_entry SET created_at = '2026-03-20 18:46:00', "
                    "updated_at = '2026-03-20 18:46:00'");

  edited = load (fixture->store, id);
  g_free (edited->logged_at);
  edited->logged_at = g_strdup ("2026-03-21 08:10");
  g_free (edited->context);
  edited->context = g_strdup ("morning");
  edited->pain = 2;
  g_free (edited->note);
  edited->note = g_strdup ("Better: it was the chair.");
  g_strfreev (edited->regions);
  edited->regions = strv_new ("low-back", NULL);
  g_strfreev (edited->qualities);
  edited->qualities = NULL;
  g_strfreev (edited->flags);
  edited->flags = g_new0 (char *, 1);  /* an empty list, not NULL */
  g_strfreev (edited->triggers);
  edited->triggers = strv_new ("Desk chair", "Stress", "new habit", NULL);

  g_assert_true (prehab_journal_update_entry (fixture->store, edited, &error));
  g_assert_no_error (error);

  loaded = load (fixture->store, id);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->logged_at, ==, "2026-03-21 08:10");
  g_assert_cmpstr (loaded->context, ==, "morning");
  g_assert_cmpint (loaded->pain, ==, 2);
  g_assert_cmpstr (loaded->note, ==, "Better: it was the chair.");
  g_assert_cmpstrv (loaded->regions, ((const char * const[]) { "low-back", NULL }));
  g_assert_cmpstrv (loaded->qualities, ((const char * const[]) { NULL }));
  g_assert_cmpstrv (loaded->flags, ((const char * const[]) { NULL }));
  g_assert_cmpstrv (loaded->triggers, ((const char * const[]) { "stress", "Desk chair", "new habit", NULL }));
  g_assert_cmpstr (loaded->created_at, ==, "2026-03-20 18:46:00");
  g_assert_cmpstr (loaded->updated_at, !=, "2026-03-20 18:46:00");

  /* One row per entry still; the unused trigger "driving" stays; one new. */
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 2);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger"), ==,
                   triggers_before + 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM pain_entry_trigger WHERE entry_id = %"
                          G_GINT64_FORMAT, id), ==, 3);

  /* The other entry is untouched. */
  {
    g_autoptr (PrehabPainEntry) again = load (fixture->store, other);

    g_free (other_loaded->updated_at);
    other_loaded->updated_at = g_strdup ("2026-03-20 18:46:00");
    g_free (other_loaded->created_at);
    other_loaded->created_at = g_strdup ("2026-03-20 18:46:00");
    assert_same_entry (again, other_loaded);
  }
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) kept = NULL;
  g_autoptr (PrehabPainEntry) restored = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_restore = NULL;
  gint64 triggers_before;
  gint64 id;

  log_pain (fixture->store, "2026-03-19 07:00", "morning", 3);
  id = add (fixture->store, entry);
  log_pain (fixture->store, "2026-03-21 07:00", "morning", 4);
  triggers_before = prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger");
  before_delete = prehab_test_dump_store (fixture->store);

  /* Undo keeps the entry as it was loaded. */
  kept = load (fixture->store, id);
  g_assert_true (prehab_journal_delete_entry (fixture->store, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM pain_entry WHERE id = %" G_GINT64_FORMAT, id),
                   ==, 0);
  /* Its tags go with it, the triggers stay. */
  for (guint i = 0; i < 4; i++)
    {
      const char *tables[] = { "pain_entry_region", "pain_entry_quality", "pain_entry_flag",
                               "pain_entry_trigger" };

      g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM %s WHERE entry_id = %" G_GINT64_FORMAT,
                              tables[i], id), ==, 0);
    }
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_trigger"), ==,
                   triggers_before);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 2);

  /* Deleting it again: not found, nothing written. */
  {
    g_autofree char *before = prehab_test_dump_store (fixture->store);
    g_autofree char *after = NULL;

    g_assert_false (prehab_journal_delete_entry (fixture->store, id, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (prehab_journal_delete_entry (fixture->store, 0, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (prehab_journal_delete_entry (fixture->store, 999999, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    after = prehab_test_dump_store (fixture->store);
    g_assert_cmpstr (after, ==, before);
  }

  /* Undo: the same id, tags, triggers, note, times. */
  g_assert_true (prehab_journal_restore_entry (fixture->store, kept, &error));
  g_assert_no_error (error);
  restored = load (fixture->store, id);
  assert_same_entry (restored, kept);

  /* Everything is as before the delete, but the record of the highest
   * deleted id. */
  prehab_test_exec (fixture->store, "DELETE FROM meta WHERE key = 'pain_entry_deleted_id'");
  after_restore = prehab_test_dump_store (fixture->store);
  g_assert_cmpstr (after_restore, ==, before_delete);

  /* Restoring what is there is refused and changes nothing. */
  g_assert_false (prehab_journal_restore_entry (fixture->store, kept, &error));
  g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autofree char *after = prehab_test_dump_store (fixture->store);

    g_assert_cmpstr (after, ==, before_delete);
  }
}

static void
test_many_entries_per_day (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) day = NULL;
  const char *times[] = { "2026-03-20 23:59", "2026-03-20 00:00", "2026-03-20 12:30",
                          "2026-03-20 12:30", "2026-03-20 07:15" };
  gint64 ids[G_N_ELEMENTS (times)];
  gint64 middle;

  log_pain (fixture->store, "2026-03-19 23:59", "evening", 9);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    ids[i] = log_pain (fixture->store, times[i], "other", (int) i);
  log_pain (fixture->store, "2026-03-21 00:00", "morning", 9);

  /* Oldest first; the same minute in the order they were written. */
  day = prehab_journal_list_entries (fixture->store, "2026-03-20", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 5);
  g_assert_cmpint (((PrehabPainEntry *) day->pdata[0])->id, ==, ids[1]);
  g_assert_cmpint (((PrehabPainEntry *) day->pdata[1])->id, ==, ids[4]);
  g_assert_cmpint (((PrehabPainEntry *) day->pdata[2])->id, ==, ids[2]);
  g_assert_cmpint (((PrehabPainEntry *) day->pdata[3])->id, ==, ids[3]);
  g_assert_cmpint (((PrehabPainEntry *) day->pdata[4])->id, ==, ids[0]);

  /* Editing or deleting one leaves the others of the day alone. */
  middle = ids[2];
  {
    g_autoptr (PrehabPainEntry) edited = load (fixture->store, middle);

    edited->pain = 10;
    g_assert_true (prehab_journal_update_entry (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_true (prehab_journal_delete_entry (fixture->store, ids[3], &error));
  g_assert_no_error (error);

  g_clear_pointer (&day, g_ptr_array_unref);
  day = prehab_journal_list_entries (fixture->store, "2026-03-20", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 4);
  for (guint i = 0; i < day->len; i++)
    {
      const PrehabPainEntry *entry = day->pdata[i];

      g_assert_cmpint (entry->id, !=, ids[3]);
      g_assert_cmpint (entry->pain, ==, entry->id == middle ? 10 : (entry->id == ids[0] ? 0 :
                                                                  entry->id == ids[1] ? 1 : 4));
    }
}

/* Text of every kind but NUL, byte for byte through add, load, update and
 * restore. */
static void
test_text_round_trips (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *samples[] = {
    "",
    "Ache 😖🧘‍♀️👩🏽‍⚕️ after the drive",                   /* emoji, ZWJ sequences, skin tone */
    "e\u0301 a\u0308 n\u0303 \u1e9b\u0323 Z\u0351\u0308\u0350", /* combining marks, not normalized */
    "ألم في الرقبة بعد العمل \u200f שלום \u202eevil\u202c",      /* right to left, bidi controls */
    "首の痛み 목 통증 颈部疼痛 𠀋𡈽",                          /* CJK, beyond the BMP */
    "tab\there\r\nCR LF\nLF\x01\x02\x07\x1b[31mred\x1b[0m\x7f", /* control characters but NUL */
    "\ufeffBOM \u200b\u200c\u200d zero widths \u00a0nbsp \u2028\u2029",
    "'; DROP TABLE pain_entry; -- \" %s %n \\ ?1",
  };
  g_autoptr (GString) big = g_string_new (NULL);

  /* 1 MB of all of the above. */
  while (big->len < 1024 * 1024)
    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      g_string_append (big, samples[i]);
  g_assert_true (g_utf8_validate (big->str, big->len, NULL));

  for (guint i = 0; i <= G_N_ELEMENTS (samples); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *text = i < G_N_ELEMENTS (samples) ? samples[i] : big->str;
      g_autoptr (PrehabPainEntry) entry = entry_new ("2026-03-20 10:00", "other", 4);
      g_autoptr (PrehabPainEntry) loaded = NULL;
      g_autoptr (PrehabPainEntry) edited = NULL;
      g_autoptr (PrehabPainEntry) restored = NULL;
      gint64 id;

      g_test_message ("sample %u", i);
      g_free (entry->note);
      entry->note = g_strdup (text);
      id = add (fixture->store, entry);
      loaded = load (fixture->store, id);
      g_assert_cmpuint (strlen (loaded->note), ==, strlen (text));
      g_assert_true (memcmp (loaded->note, text, strlen (text)) == 0);

      /* An edit that puts the text after what was there. */
      edited = prehab_pain_entry_copy (loaded);
      g_free (edited->note);
      edited->note = g_strconcat ("Edited: ", text, NULL);
      g_assert_true (prehab_journal_update_entry (fixture->store, edited, &error));
      g_assert_no_error (error);
      g_clear_pointer (&loaded, prehab_pain_entry_free);
      loaded = load (fixture->store, id);
      g_assert_cmpstr (loaded->note, ==, edited->note);

      /* Delete, restore: the same bytes again. */
      g_assert_true (prehab_journal_delete_entry (fixture->store, id, &error));
      g_assert_no_error (error);
      g_assert_true (prehab_journal_restore_entry (fixture->store, loaded, &error));
      g_assert_no_error (error);
      restored = load (fixture->store, id);
      assert_same_entry (restored, loaded);
    }

  /* Trigger names of the same kinds but control characters. */
  {
    const char *names[] = { "Zürich 🚋", "ألم", "首の痛み", "e\u0301te\u0301", "\u202eevil\u202c", NULL };
    g_autoptr (PrehabPainEntry) entry = entry_new ("2026-03-20 11:00", "other", 4);
    g_autoptr (PrehabPainEntry) loaded = NULL;

    entry->triggers = g_strdupv ((char **) names);
    loaded = load (fixture->store, add (fixture->store, entry));
    g_assert_cmpstrv (loaded->triggers, names);
  }
}

/* A minute from now on the pinned day; 00:00 the next day at 23:59. */
static char *
dup_a_minute_from_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) soon = g_date_time_add_minutes (now, 1);

  if (g_date_time_get_hour (soon) < g_date_time_get_hour (now))
    return g_strdup ("2026-03-23 00:00");

  return g_date_time_format (soon, TODAY " %H:%M");
}

/* Every refused edit and restore changes nothing at all. */
static void
test_refused_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) original = NULL;
  g_autofree char *too_long = g_malloc (PREHAB_NOTE_MAX_BYTES + 2);
  g_autofree char *soon = dup_a_minute_from_now ();
  g_autofree char *before = NULL;
  gint64 id;
  enum
  {
    TIME,
    CONTEXT,
    PAIN,
    REGION,
    QUALITY,
    FLAG,
    TRIGGER,
    NOTE,
  };
  const struct
  {
    int         field;
    const char *value;
    int         pain;
  } cases[] = {
    { PAIN, NULL, 11 },
    { PAIN, NULL, -1 },
    { TIME, soon, 0 },                 /* a minute after now */
    { TIME, "2026-03-23 00:00", 0 },
    { TIME, "2026-03-20", 0 },
    { TIME, "2026-03-20 8:00", 0 },
    { TIME, "2026-03-20 08:00:00", 0 },
    { TIME, "2026-02-30 08:00", 0 },
    { TIME, "2026-03-20 24:00", 0 },
    { TIME, "yesterday", 0 },
    { TIME, NULL, 0 },
    { CONTEXT, "noon", 0 },
    { CONTEXT, "Morning", 0 },
    { CONTEXT, NULL, 0 },
    { REGION, "knee", 0 },
    { QUALITY, "itchy", 0 },
    { FLAG, "hiccups", 0 },
    { TRIGGER, "", 0 },
    { TRIGGER, " \t ", 0 },
    { TRIGGER, "\x01\x02", 0 },
    { TRIGGER, "two\nlines", 0 },
    { TRIGGER, "\u00a0\u200b", 0 },
    { TRIGGER, "caf\xe9", 0 },
    { NOTE, "caf\xe9", 0 },
    { NOTE, "\xc0\xaf overlong", 0 },
    { NOTE, "\xed\xa0\x80 surrogate", 0 },
    { NOTE, "cut \xf0\x9f\x98", 0 },
    { NOTE, too_long, 0 },
  };

  memset (too_long, 'a', PREHAB_NOTE_MAX_BYTES + 1);
  too_long[PREHAB_NOTE_MAX_BYTES + 1] = '\0';

  log_pain (fixture->store, "2026-03-19 08:00", "morning", 3);
  id = add (fixture->store, entry);
  original = load (fixture->store, id);
  before = prehab_test_dump_store (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GError) restore_error = NULL;
      g_autoptr (PrehabPainEntry) edited = prehab_pain_entry_copy (original);
      g_autoptr (PrehabPainEntry) fresh = NULL;
      g_autofree char *after = NULL;
      char **list = NULL;

      switch (cases[i].field)
        {
        case TIME:
          g_free (edited->logged_at);
          edited->logged_at = g_strdup (cases[i].value);
          break;
        case CONTEXT:
          g_free (edited->context);
          edited->context = g_strdup (cases[i].value);
          break;
        case PAIN:
          edited->pain = cases[i].pain;
          break;
        case REGION:
          list = edited->regions;
          edited->regions = strv_new ("neck", cases[i].value, NULL);
          break;
        case QUALITY:
          list = edited->qualities;
          edited->qualities = strv_new (cases[i].value, NULL);
          break;
        case FLAG:
          list = edited->flags;
          edited->flags = strv_new (cases[i].value, NULL);
          break;
        case TRIGGER:
          list = edited->triggers;
          edited->triggers = strv_new ("driving", cases[i].value, NULL);
          break;
        case NOTE:
          g_free (edited->note);
          edited->note = g_strdup (cases[i].value);
          break;
        default:
          g_assert_not_reached ();
        }
      g_strfreev (list);

      g_test_message ("case %u", i);
      g_assert_false (prehab_journal_update_entry (fixture->store, edited, &error));
      g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), <, 300);

      /* Restoring such an entry under a free id is refused the same way. */
      edited->id = id + 1000;
      g_assert_false (prehab_journal_restore_entry (fixture->store, edited, &restore_error));
      g_assert_error (restore_error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);

      after = prehab_test_dump_store (fixture->store);
      g_assert_true (g_str_equal (after, before));
      fresh = load (fixture->store, id);
      assert_same_entry (fresh, original);
    }

  /* The note's limit itself is fine, with a message naming the size. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PrehabPainEntry) edited = prehab_pain_entry_copy (original);

    g_free (edited->note);
    edited->note = g_strdup (too_long);
    g_assert_false (prehab_journal_update_entry (fixture->store, edited, &error));
    g_assert_nonnull (strstr (error->message, "16.0\u00a0MB"));
    edited->note[PREHAB_NOTE_MAX_BYTES] = '\0';
    g_assert_true (prehab_pain_entry_validate (edited, TODAY " 12:00", NULL));
  }

  /* An unknown id: not found, nothing written, nothing created (not even
   * the new trigger it names). */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PrehabPainEntry) edited = prehab_pain_entry_copy (original);
    g_autofree char *after = NULL;

    g_strfreev (edited->triggers);
    edited->triggers = strv_new ("A brand new trigger", NULL);
    for (gint64 bad = -1; bad <= 0; bad++)
      {
        g_autoptr (GError) local_error = NULL;

        edited->id = bad;
        g_assert_false (prehab_journal_update_entry (fixture->store, edited, &local_error));
        g_assert_error (local_error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
      }
    edited->id = id + 1;
    g_assert_false (prehab_journal_update_entry (fixture->store, edited, &error));
    g_assert_error (error, PREHAB_JOURNAL_ERROR, PREHAB_JOURNAL_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* A restore needs a saved id. */
    edited->id = 0;
    g_assert_false (prehab_journal_restore_entry (fixture->store, edited, &error));
    g_assert_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID);

    after = prehab_test_dump_store (fixture->store);
    g_assert_true (g_str_equal (after, before));
  }
}

/* A new entry never takes the id of a deleted one, so Undo still works
 * after more entries were logged. */
static void
test_restore_after_new_entries (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) kept = NULL;
  g_autoptr (PrehabPainEntry) restored = NULL;
  gint64 first = log_pain (fixture->store, "2026-03-19 08:00", "morning", 3);
  gint64 last = add (fixture->store, entry);
  gint64 newer, newest;

  kept = load (fixture->store, last);
  g_assert_true (prehab_journal_delete_entry (fixture->store, last, &error));
  g_assert_no_error (error);
  g_assert_true (prehab_journal_delete_entry (fixture->store, first, &error));
  g_assert_no_error (error);

  newer = log_pain (fixture->store, "2026-03-21 08:00", "morning", 2);
  g_assert_cmpint (newer, >, last);
  newest = log_pain (fixture->store, "2026-03-21 09:00", "other", 2);
  g_assert_cmpint (newest, >, newer);

  g_assert_true (prehab_journal_restore_entry (fixture->store, kept, &error));
  g_assert_no_error (error);
  restored = load (fixture->store, last);
  assert_same_entry (restored, kept);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 3);
}

/* Starting the program again with a first rating, while the newest entry
 * is deleted and its Undo pending, numbers the rating past it. */
static void
test_restore_after_restart (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPainEntry) entry = full_entry ();
  g_autoptr (PrehabPainEntry) kept = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = "2026-03-21",
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .has_baseline = TRUE,
    .baseline_pain = 4,
  };
  gint64 last = add (fixture->store, entry);

  kept = load (fixture->store, last);
  g_assert_true (prehab_journal_delete_entry (fixture->store, last, &error));
  g_assert_no_error (error);

  g_assert_cmpint (prehab_enrollment_start (fixture->store, &settings, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT max (id) FROM pain_entry"), >, last);

  g_assert_true (prehab_journal_restore_entry (fixture->store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prehab_test_count (fixture->store, "SELECT count(*) FROM pain_entry"), ==, 2);
}

static gint64
start_program (PrehabStore *store)
{
  g_autoptr (GError) error = NULL;
  PrehabEnrollmentSettings settings = {
    .start_date = START,
    .training_days = PREHAB_TRAINING_DAYS_DEFAULT,
    .equipment = prehab_default_equipment (),
  };
  gint64 id = prehab_enrollment_start (store, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The session link: kept by an edit, restored while the session exists,
 * dropped when it is gone. */
static void
test_session_link (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabSession) session = NULL;
  g_autoptr (PrehabPainEntry) entry = entry_new ("2026-03-05 18:00", "after", 3);
  g_autoptr (PrehabPainEntry) loaded = NULL;
  g_autoptr (PrehabPainEntry) restored = NULL;
  gint64 enrollment = start_program (fixture->store);
  gint64 id;

  g_assert_true (prehab_schedule_mark_done (fixture->store, "2026-03-05", NULL, 3, 2, &error));
  g_assert_no_error (error);
  session = prehab_journal_load_session (fixture->store, enrollment, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  entry->session_id = session->id;
  id = add (fixture->store, entry);
  loaded = load (fixture->store, id);
  g_assert_cmpint (loaded->session_id, ==, session->id);

  /* An edit keeps it. */
  loaded->pain = 4;
  g_assert_true (prehab_journal_update_entry (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, prehab_pain_entry_free);
  loaded = load (fixture->store, id);
  g_assert_cmpint (loaded->session_id, ==, session->id);

  /* Deleted and restored while the session is there: linked again. */
  g_assert_true (prehab_journal_delete_entry (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (prehab_journal_restore_entry (fixture->store, loaded, &error));
  g_assert_no_error (error);
  restored = load (fixture->store, id);
  assert_same_entry (restored, loaded);

  /* Deleted, then the session is taken back: restored without a link. */
  g_assert_true (prehab_journal_delete_entry (fixture->store, id, &error));
  g_assert_no_error (error);
  session->status = PREHAB_SESSION_NONE;
  g_assert_true (prehab_journal_save_session (fixture->store, enrollment, session, &error));
  g_assert_no_error (error);
  g_assert_true (prehab_journal_restore_entry (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&restored, prehab_pain_entry_free);
  restored = load (fixture->store, id);
  g_assert_cmpint (restored->session_id, ==, 0);
  g_assert_cmpint (restored->pain, ==, 4);

  /* An edit from an entry that still names the session: no link either. */
  g_assert_true (prehab_journal_update_entry (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&restored, prehab_pain_entry_free);
  restored = load (fixture->store, id);
  g_assert_cmpint (restored->session_id, ==, 0);
}

/* The planner reads the journal afresh: an edit, a delete and an Undo each
 * change its answer at once. */
static void
test_planner_sees_edits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PrehabPlan) green = NULL;
  g_autoptr (PrehabPlan) edited = NULL;
  g_autoptr (PrehabPlan) deleted = NULL;
  g_autoptr (PrehabPlan) undone = NULL;
  g_autoptr (PrehabPainEntry) morning = NULL;
  gint64 last_morning = 0;

  start_program (fixture->store);

  /* Six green days: a settled morning of 2, then the session done. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *date = prehab_day_to_date (prehab_date_to_day (START) + i);
      g_autofree char *at = g_strconcat (date, " 07:30", NULL);

      last_morning = log_pain (fixture->store, at, "morning", 2);
      g_assert_true (prehab_schedule_mark_done (fixture->store, date, NULL, 2, 1, &error));
      g_assert_no_error (error);
    }

  green = prehab_schedule_decide (fixture->store, "2026-03-06", &error);
  g_assert_no_error (error);
  g_assert_cmpint (green->decision, ==, PREHAB_DECISION_ADVANCE);

  /* The morning of the 6th was 8, not 2: it did not settle. */
  morning = load (fixture->store, last_morning);
  g_assert_cmpstr (morning->logged_at, ==, "2026-03-06 07:30");
  morning->pain = 8;
  g_assert_true (prehab_journal_update_entry (fixture->store, morning, &error));
  g_assert_no_error (error);
  edited = prehab_schedule_decide (fixture->store, "2026-03-06", &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->decision, ==, PREHAB_DECISION_REGRESS);

  /* Without that rating a missing morning does not block progress. */
  g_assert_true (prehab_journal_delete_entry (fixture->store, last_morning, &error));
  g_assert_no_error (error);
  deleted = prehab_schedule_decide (fixture->store, "2026-03-06", &error);
  g_assert_no_error (error);
  g_assert_cmpint (deleted->decision, ==, PREHAB_DECISION_ADVANCE);

  /* Undo brings the 8 back, and the regress with it. */
  g_assert_true (prehab_journal_restore_entry (fixture->store, morning, &error));
  g_assert_no_error (error);
  undone = prehab_schedule_decide (fixture->store, "2026-03-06", &error);
  g_assert_no_error (error);
  g_assert_cmpint (undone->decision, ==, PREHAB_DECISION_REGRESS);
}

/* Triggers ---------------------------------------------------------------- */

static void
test_list_triggers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) triggers = NULL;
  const char *expected_after[] = {
    /* stress: 3 entries; driving and Desk chair: 2, catalog order then own;
     * then every other built-in in catalog order, unused. */
    "stress", "driving", "Desk chair", "sitting", "computer-work", "phone", "reading",
    "gaming", "studying", "sleep-position", "lifting", "overhead-work", "exercise",
  };
  const guint uses[] = { 3, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  /* Before anything is logged: the catalog's order. */
  triggers = prehab_journal_list_triggers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, 12);
  {
    PrehabTrigger *first = triggers->pdata[0];

    g_assert_cmpstr (first->builtin_id, ==, "sitting");
    g_assert_cmpstr (first->name, ==, "Long sitting");
    g_assert_cmpstr (prehab_trigger_get_key (first), ==, "sitting");
    g_assert_cmpuint (first->uses, ==, 0);
  }
  g_clear_pointer (&triggers, g_ptr_array_unref);

  /* Names are found by id or by name whatever the case. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (PrehabPainEntry) entry = entry_new ("2026-03-20 09:00", "other", 3);

      if (i == 0)
        entry->triggers = strv_new ("stress", "driving", "Desk chair", NULL);
      else if (i == 1)
        entry->triggers = strv_new ("Stress", "Driving", "desk chair", NULL);
      else
        entry->triggers = strv_new ("STRESS", NULL);
      add (fixture->store, entry);
    }

  triggers = prehab_journal_list_triggers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, G_N_ELEMENTS (expected_after));
  for (guint i = 0; i < triggers->len; i++)
    {
      PrehabTrigger *trigger = triggers->pdata[i];

      g_test_message ("trigger %u: %s", i, prehab_trigger_get_key (trigger));
      g_assert_cmpstr (prehab_trigger_get_key (trigger), ==, expected_after[i]);
      g_assert_cmpuint (trigger->uses, ==, uses[i]);
      g_assert_cmpint (trigger->id, >, 0);
    }
  {
    PrehabTrigger *own = triggers->pdata[2];

    g_assert_null (own->builtin_id);
    g_assert_cmpstr (own->name, ==, "Desk chair");
  }

  /* A retired one is not offered. */
  prehab_test_exec (fixture->store, "UPDATE pain_trigger SET retired = 1 WHERE builtin_id = 'gaming'");
  g_clear_pointer (&triggers, g_ptr_array_unref);
  triggers = prehab_journal_list_triggers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, G_N_ELEMENTS (expected_after) - 1);
  for (guint i = 0; i < triggers->len; i++)
    g_assert_cmpstr (prehab_trigger_get_key (triggers->pdata[i]), !=, "gaming");
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for the date. */
  g_setenv ("PREHAB_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, prehab_test_store_set_up, func, prehab_test_store_tear_down)

  ADD ("/journal/load-entry", test_load_entry);
  ADD ("/journal/update-entry", test_update_entry);
  ADD ("/journal/delete-and-restore", test_delete_and_restore);
  ADD ("/journal/many-entries-per-day", test_many_entries_per_day);
  ADD ("/journal/text-round-trips", test_text_round_trips);
  ADD ("/journal/refused-edits", test_refused_edits);
  ADD ("/journal/restore-after-new-entries", test_restore_after_new_entries);
  ADD ("/journal/restore-after-restart", test_restore_after_restart);
  ADD ("/journal/session-link", test_session_link);
  ADD ("/journal/planner-sees-edits", test_planner_sees_edits);
  ADD ("/journal/list-triggers", test_list_triggers);

#undef ADD

  return g_test_run ();
}
