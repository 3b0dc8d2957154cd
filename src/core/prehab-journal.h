/* prehab-journal.h
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "prehab-exercise.h"
#include "prehab-store.h"

G_BEGIN_DECLS

/* One pain rating of the journal. Lists hold stable ids (see
 * prehab-vocabulary.h); triggers hold built-in trigger ids or the person's
 * own trigger names. */
typedef struct
{
  gint64  id;          /* 0 until saved */
  char   *logged_at;   /* YYYY-MM-DD HH:MM, local time */
  char   *context;     /* morning, evening, during, after, other */
  int     pain;        /* 0–10 */
  char   *note;
  GStrv   regions;
  GStrv   qualities;
  GStrv   flags;
  GStrv   triggers;
  gint64  session_id;  /* 0: none */
  char   *created_at;  /* YYYY-MM-DD HH:MM:SS when read from the journal;
                        * add and update ignore it, restore keeps it */
  char   *updated_at;  /* likewise; update sets it to now */
} PrehabPainEntry;

/* The longest note the journal keeps, in bytes of UTF-8. */
#define PREHAB_NOTE_MAX_BYTES 16000000

PrehabPainEntry *prehab_pain_entry_new      (void);
PrehabPainEntry *prehab_pain_entry_copy     (const PrehabPainEntry *entry);
void             prehab_pain_entry_free     (PrehabPainEntry *entry);
gboolean         prehab_pain_entry_validate (const PrehabPainEntry *entry,
                                             const char            *now,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabPainEntry, prehab_pain_entry_free)

/* Errors of the journal's own: validation errors are
 * PREHAB_STORE_ERROR_INVALID, like every value the person gives. */
#define PREHAB_JOURNAL_ERROR (prehab_journal_error_quark ())

typedef enum
{
  PREHAB_JOURNAL_ERROR_NOT_FOUND,  /* no entry with that id */
  PREHAB_JOURNAL_ERROR_EXISTS,     /* restore: the id is already in use */
} PrehabJournalError;

GQuark prehab_journal_error_quark (void);

/* A trigger the person can pick: a built-in one or one of their own. */
typedef struct
{
  gint64  id;
  char   *builtin_id;  /* NULL for the person's own */
  char   *name;        /* translated for built-in triggers */
  guint   uses;        /* how many entries name it */
} PrehabTrigger;

void        prehab_trigger_free    (PrehabTrigger       *trigger);
/* The key to use in PrehabPainEntry.triggers: the built-in id or the name. */
const char *prehab_trigger_get_key (const PrehabTrigger *trigger);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabTrigger, prehab_trigger_free)

/* One exercise of a recorded session: what was planned, whether it was
 * done, and how much of it was done. A done dose of all zeros means "not
 * counted": saving then records the planned dose for a completed exercise
 * and nothing for the others, as ticking an exercise off does. */
typedef struct
{
  char       *exercise_id;
  PrehabDose  planned;
  gboolean    completed;
  PrehabDose  done;
} PrehabSessionExercise;

gboolean prehab_session_exercise_has_done (const PrehabSessionExercise *exercise);

typedef enum
{
  PREHAB_SESSION_NONE,     /* nothing recorded for the day */
  PREHAB_SESSION_PARTIAL,
  PREHAB_SESSION_DONE,
  PREHAB_SESSION_SKIPPED,
} PrehabSessionStatus;

typedef struct
{
  gint64               id;
  char                *date;         /* YYYY-MM-DD */
  gboolean             training;
  PrehabSessionStatus  status;
  int                  pain_during;  /* -1: not given */
  int                  pain_after;   /* -1: not given */
  GArray              *exercises;    /* of PrehabSessionExercise */
  char                *note;         /* NULL or empty: none */
} PrehabSession;

PrehabSession *prehab_session_new  (void);
void           prehab_session_free (PrehabSession *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrehabSession, prehab_session_free)

/* Entries: add, read back, edit, delete and restore (for Undo). Updating
 * and restoring validate like adding; every write is one transaction. */
PrehabPainEntry *prehab_journal_load_entry           (PrehabStore           *store,
                                                      gint64                 id,
                                                      GError               **error);
gboolean        prehab_journal_update_entry          (PrehabStore           *store,
                                                      const PrehabPainEntry *entry,
                                                      GError               **error);
gboolean        prehab_journal_delete_entry          (PrehabStore           *store,
                                                      gint64                 id,
                                                      GError               **error);
gboolean        prehab_journal_restore_entry         (PrehabStore           *store,
                                                      const PrehabPainEntry *entry,
                                                      GError               **error);
/* Every trigger that is not retired, most used first, then the catalog's
 * order, then by name. */
GPtrArray      *prehab_journal_list_triggers         (PrehabStore           *store,
                                                      GError               **error);

gint64          prehab_journal_add_entry             (PrehabStore           *store,
                                                      const PrehabPainEntry *entry,
                                                      GError               **error);
GPtrArray      *prehab_journal_list_entries          (PrehabStore           *store,
                                                      const char            *from_date,
                                                      const char            *to_date,
                                                      GError               **error);
gboolean        prehab_journal_save_session          (PrehabStore           *store,
                                                      gint64                 enrollment_id,
                                                      PrehabSession         *session,
                                                      GError               **error);
PrehabSession  *prehab_journal_load_session          (PrehabStore           *store,
                                                      gint64                 enrollment_id,
                                                      const char            *date,
                                                      GError               **error);
GPtrArray      *prehab_journal_list_sessions         (PrehabStore           *store,
                                                      gint64                 enrollment_id,
                                                      const char            *from_date,
                                                      const char            *to_date,
                                                      GError               **error);
gint64          prehab_journal_add_movement_break    (PrehabStore           *store,
                                                      const char            *taken_at,
                                                      GError               **error);
gboolean        prehab_journal_remove_movement_break (PrehabStore           *store,
                                                      gint64                 id,
                                                      GError               **error);
int             prehab_journal_count_movement_breaks (PrehabStore           *store,
                                                      const char            *date,
                                                      GError               **error);

G_END_DECLS
