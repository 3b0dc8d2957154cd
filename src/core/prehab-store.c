/* prehab-store.c
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

#define G_LOG_DOMAIN "prehab-store"

#include "config.h"

#include "prehab-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "prehab-core-resources.h"

#define DATABASE_NAME   "prehab.db"
#define BUSY_TIMEOUT_MS 5000

struct _PrehabStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *data_dir;
  char       *path;
  char       *backup_dir;
  GHashTable *statements;  /* SQL text → sqlite3_stmt* */
  int         schema_version;
  guint       transaction_depth;
};

G_DEFINE_FINAL_TYPE (PrehabStore, prehab_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (prehab-store-error-quark, prehab_store_error)

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
load_builtin_migrations (void)
{
  g_autoptr (GPtrArray) scripts = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) names = NULL;
  g_autoptr (GError) error = NULL;
  const char *folder = RESOURCE_BASE "/migrations/";

  names = g_resource_enumerate_children (prehab_core_get_resource (), folder,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    g_error ("The migrations are missing from the resources: %s", error->message);

  /* Files are named NNNN-what.sql; their order is the schema version. */
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (folder, names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;
      guint64 number = g_ascii_strtoull (names[i], NULL, 10);

      if (number != i + 1)
        g_error ("Migration %s is out of sequence (expected number %u)", names[i], i + 1);

      bytes = g_resource_lookup_data (prehab_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("Cannot read migration %s: %s", path, error->message);

      g_ptr_array_add (scripts, g_strndup (g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes)));
    }

  g_ptr_array_add (scripts, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&scripts), FALSE);
}

static const char * const *
builtin_migrations (void)
{
  static char **migrations;

  if (g_once_init_enter (&migrations))
    g_once_init_leave (&migrations, load_builtin_migrations ());

  return (const char * const *) migrations;
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PREHAB_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return PREHAB_STORE_ERROR_NO_SPACE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return PREHAB_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return PREHAB_STORE_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
      return PREHAB_STORE_ERROR_CONSTRAINT;
    default:
      return PREHAB_STORE_ERROR_FAILED;
    }
}

/* Turns an SQLite result code into a message that says what to do. */
static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *path,
                  int          rc)
{
  int code = error_code_for_sqlite (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (code)
    {
    case PREHAB_STORE_ERROR_BUSY:
      g_set_error (error, PREHAB_STORE_ERROR, code,
                   _("The journal is busy in another Prehab window or command; try again in a moment"));
      break;
    case PREHAB_STORE_ERROR_NO_SPACE:
      g_set_error (error, PREHAB_STORE_ERROR, code,
                   _("The disk is full, so nothing was saved; free some space and try again"));
      break;
    case PREHAB_STORE_ERROR_READ_ONLY:
      g_set_error (error, PREHAB_STORE_ERROR, code,
                   _("Prehab cannot write to “%s”; check that the file and its folder belong to you and are writable"),
                   path);
      break;
    case PREHAB_STORE_ERROR_CORRUPT:
      g_set_error (error, PREHAB_STORE_ERROR, code,
                   _("The journal “%s” is damaged and was left as it is; restore a backup or move the file aside to start afresh"),
                   path);
      break;
    case PREHAB_STORE_ERROR_CONSTRAINT:
      g_set_error (error, PREHAB_STORE_ERROR, code,
                   _("The change was refused because it would break the journal’s rules (%s); nothing was saved"),
                   detail);
      break;
    default:
      g_set_error (error, PREHAB_STORE_ERROR, code,
                   _("The journal “%s” could not be read or written (%s)"),
                   path, detail);
      break;
    }
}

gboolean
prehab_store_set_error (PrehabStore  *self,
                        int           rc,
                        GError      **error)
{
  set_sqlite_error (error, self->db, self->path, rc);
  return FALSE;
}

void
prehab_statement_release (PrehabStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

PrehabStatement *
prehab_store_prepare (PrehabStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PREHAB_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      prehab_store_set_error (self, rc, error);
      return NULL;
    }

  /* Statements are keyed by their text, which must be a string literal. A
   * statement is reset when fetched again, so never run the same SQL from
   * inside a loop over its own rows. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
prehab_store_step_done (PrehabStore      *self,
                        PrehabStatement  *stmt,
                        GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return prehab_store_set_error (self, rc, error);
}

/* Returns 1 for a row, 0 at the end, -1 on error. */
int
prehab_store_step_row (PrehabStore      *self,
                       PrehabStatement  *stmt,
                       GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;

  prehab_store_set_error (self, rc, error);
  return -1;
}

gboolean
prehab_store_exec_script (PrehabStore  *self,
                          const char   *sql,
                          GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return prehab_store_set_error (self, rc, error);

  return TRUE;
}

void
prehab_statement_bind_text (PrehabStatement *stmt,
                            int              column,
                            const char      *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

int
prehab_statement_get_int_or_unset (PrehabStatement *stmt,
                                   int              column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_int (stmt, column);
}

/**
 * prehab_store_get_data_version:
 * @self: a store
 *
 * SQLite's data version of this connection: it changes whenever another
 * connection (the command line, say) commits to the journal, so a view
 * knows when to read again.
 *
 * Returns: the data version, or -1 on error
 */
gint64
prehab_store_get_data_version (PrehabStore *self)
{
  g_autoptr (PrehabStatement) stmt = NULL;

  g_return_val_if_fail (PREHAB_IS_STORE (self), -1);

  stmt = prehab_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL || prehab_store_step_row (self, stmt, NULL) <= 0)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

const char *
prehab_statement_get_translated (PrehabStatement *stmt,
                                 int              column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return "";

  return g_dgettext (GETTEXT_PACKAGE, text);
}

sqlite3 *
prehab_store_get_db (PrehabStore *self)
{
  g_return_val_if_fail (PREHAB_IS_STORE (self), NULL);

  return self->db;
}

static gboolean
read_int_pragma (PrehabStore  *self,
                 const char   *sql,
                 int          *value,
                 GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return prehab_store_set_error (self, rc, error);

  return TRUE;
}

/* Reads only: a file that fails here is never written to. */
static gboolean
check_integrity (PrehabStore  *self,
                 GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *verdict = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK || g_strcmp0 (verdict, "ok") != 0)
    {
      if (verdict != NULL)
        g_debug ("quick_check of %s: %s", self->path, verdict);
      set_sqlite_error (error, NULL, self->path, SQLITE_CORRUPT);
      return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd >= 0)
    return g_close (fd, error);

  /* The journal is ours: if it was made readable by others, make it private again. */
  if (errno == EEXIST)
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
        g_chmod (path, st.st_mode & 0700);
      return TRUE;
    }

  {
    int saved_errno = errno;

    g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_OPEN,
                 _("Prehab cannot create its journal “%s”: %s"),
                 path, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
ensure_private_dir (const char  *dir,
                    GError     **error)
{
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_OPEN,
                   _("Prehab cannot create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
take_backup (PrehabStore  *self,
             int           from_version,
             GError      **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!ensure_private_dir (self->backup_dir, error))
    return FALSE;

  name = g_strdup_printf ("prehab-schema%d-%s.db", from_version, stamp);
  path = g_build_filename (self->backup_dir, name, NULL);

  if (!ensure_private_file (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          /* Another Prehab opening the journal at the same moment may be
           * migrating it, or copying to the same name: wait as for a lock. */
          for (int waited = 0; waited <= BUSY_TIMEOUT_MS; waited += 20)
            {
              rc = sqlite3_backup_step (backup, -1);
              if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
                break;
              g_usleep (20 * 1000);
            }
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        {
          rc = sqlite3_errcode (copy);
        }
    }

  sqlite3_close (copy);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_MIGRATION,
                   _("Prehab could not copy the journal to “%s” before updating it (%s); nothing was changed"),
                   path, sqlite3_errstr (rc));
      g_unlink (path);
      return FALSE;
    }

  g_debug ("Backed up schema %d to %s", from_version, path);
  return TRUE;
}

/* Switching a new file to WAL needs a moment alone with it, and SQLite does
 * not wait for that through the busy timeout: retry for as long. */
static gboolean
set_journal_mode (PrehabStore  *self,
                  GError      **error)
{
  int rc = SQLITE_OK;

  for (int waited = 0; waited <= BUSY_TIMEOUT_MS; waited += 20)
    {
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      g_usleep (20 * 1000);
    }

  if (rc != SQLITE_OK)
    return prehab_store_set_error (self, rc, error);

  return TRUE;
}

typedef struct
{
  const char *script;
  int         version;
} Migration;

static gboolean
apply_migration_cb (PrehabStore  *self,
                    gpointer      user_data,
                    GError      **error)
{
  Migration *migration = user_data;
  g_autofree char *set_version = NULL;
  int current;

  /* Another Prehab may have migrated while this one waited for the lock. */
  if (!read_int_pragma (self, "PRAGMA user_version", &current, error))
    return FALSE;
  if (current >= migration->version)
    return TRUE;

  if (!prehab_store_exec_script (self, migration->script, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);
  return prehab_store_exec_script (self, set_version, error);
}

static gboolean
migrate (PrehabStore         *self,
         const char * const  *migrations,
         GError             **error)
{
  int latest = (int) g_strv_length ((char **) migrations);

  if (self->schema_version >= latest)
    return TRUE;

  if (self->schema_version > 0 && !take_backup (self, self->schema_version, error))
    return FALSE;

  for (int version = self->schema_version + 1; version <= latest; version++)
    {
      Migration migration = { migrations[version - 1], version };
      g_autoptr (GError) local_error = NULL;

      if (!prehab_store_transaction (self, apply_migration_cb, &migration, &local_error))
        {
          g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_MIGRATION,
                       _("Prehab could not update the journal to version %d (%s); it was left at version %d"),
                       version, local_error->message, self->schema_version);
          return FALSE;
        }

      self->schema_version = version;
    }

  return TRUE;
}

static gboolean
open_connection (PrehabStore  *self,
                 int           flags,
                 GError      **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc != SQLITE_OK)
    return prehab_store_set_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

static gboolean
open_database (PrehabStore         *self,
               const char * const  *migrations,
               GError             **error)
{
  int latest = (int) g_strv_length ((char **) migrations);

  if (!ensure_private_dir (self->data_dir, error) ||
      !ensure_private_file (self->path, error))
    return FALSE;

  /* Checks first, on a read-only connection: a file from a newer Prehab or
   * a damaged one must stay byte-for-byte as it is, and a read-write
   * connection would fold a leftover write-ahead log into it on close. */
  if (!open_connection (self, SQLITE_OPEN_READONLY, error))
    return FALSE;

  if (!read_int_pragma (self, "PRAGMA user_version", &self->schema_version, error))
    return FALSE;

  if (self->schema_version > latest)
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_NEWER_VERSION,
                   _("The journal “%s” was saved by a newer version of Prehab (format %d; this version reads up to %d). Update Prehab to open it; the file was left unchanged."),
                   self->path, self->schema_version, latest);
      return FALSE;
    }

  if (self->schema_version > 0 && !check_integrity (self, error))
    return FALSE;

  g_clear_pointer (&self->db, sqlite3_close);

  if (!open_connection (self, SQLITE_OPEN_READWRITE, error))
    return FALSE;

  /* Durability before speed: a day of the journal must never be lost. */
  if (!set_journal_mode (self, error) ||
      !prehab_store_exec_script (self,
                                 "PRAGMA synchronous = FULL;"
                                 "PRAGMA foreign_keys = ON;"
                                 "PRAGMA trusted_schema = OFF;",
                                 error))
    return FALSE;

  return migrate (self, migrations, error);
}

static void
prehab_store_finalize (GObject *object)
{
  PrehabStore *self = (PrehabStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->data_dir);
  g_free (self->path);
  g_free (self->backup_dir);

  G_OBJECT_CLASS (prehab_store_parent_class)->finalize (object);
}

static void
prehab_store_class_init (PrehabStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prehab_store_finalize;
}

static void
prehab_store_init (PrehabStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

/**
 * prehab_store_dup_default_data_dir:
 *
 * Returns: (transfer full): the folder that holds the journal when no other
 *   is given: `$XDG_DATA_HOME/prehab`.
 */
char *
prehab_store_dup_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "prehab", NULL);
}

static char *
dup_data_dir (const char *data_dir)
{
  return data_dir != NULL ? g_canonicalize_filename (data_dir, NULL)
                          : prehab_store_dup_default_data_dir ();
}

PrehabStore *
prehab_store_open_with_migrations (const char          *data_dir,
                                   const char * const  *migrations,
                                   GError             **error)
{
  g_autoptr (PrehabStore) self = g_object_new (PREHAB_TYPE_STORE, NULL);

  g_return_val_if_fail (migrations != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->data_dir = dup_data_dir (data_dir);
  self->path = g_build_filename (self->data_dir, DATABASE_NAME, NULL);
  self->backup_dir = g_build_filename (self->data_dir, "backups", NULL);

  if (!open_database (self, migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * prehab_store_open:
 * @data_dir: (nullable): the folder of the journal, or %NULL for the default
 * @error: return location for an error
 *
 * Opens the journal `prehab.db` in @data_dir, creating the folder (mode 0700)
 * and the file (mode 0600) when they are missing, and brings its schema up to
 * date, taking a backup copy first. A file written by a newer version of
 * Prehab, or one that fails SQLite's quick check, is refused and not written.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
PrehabStore *
prehab_store_open (const char  *data_dir,
                   GError     **error)
{
  return prehab_store_open_with_migrations (data_dir, builtin_migrations (), error);
}

const char *
prehab_store_get_path (PrehabStore *self)
{
  g_return_val_if_fail (PREHAB_IS_STORE (self), NULL);

  return self->path;
}

const char *
prehab_store_get_data_dir (PrehabStore *self)
{
  g_return_val_if_fail (PREHAB_IS_STORE (self), NULL);

  return self->data_dir;
}

const char *
prehab_store_get_backup_dir (PrehabStore *self)
{
  g_return_val_if_fail (PREHAB_IS_STORE (self), NULL);

  return self->backup_dir;
}

int
prehab_store_get_schema_version (PrehabStore *self)
{
  g_return_val_if_fail (PREHAB_IS_STORE (self), -1);

  return self->schema_version;
}

/**
 * prehab_store_get_latest_version:
 *
 * Returns: the schema version this build of Prehab writes
 */
int
prehab_store_get_latest_version (void)
{
  return (int) g_strv_length ((char **) builtin_migrations ());
}

/**
 * prehab_store_get_sqlite_version:
 *
 * Returns: the version of the SQLite library in use, for bug reports
 */
const char *
prehab_store_get_sqlite_version (void)
{
  return sqlite3_libversion ();
}

/**
 * prehab_store_transaction:
 * @self: a store
 * @func: the writes to do
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func inside one transaction (a savepoint when nested), committing
 * when it returns %TRUE and rolling every write back when it fails.
 *
 * Returns: %TRUE when the writes were committed
 */
gboolean
prehab_store_transaction (PrehabStore                *self,
                          PrehabStoreTransactionFunc  func,
                          gpointer                    user_data,
                          GError                    **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean outermost;
  gboolean ok;

  g_return_val_if_fail (PREHAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  outermost = self->transaction_depth == 0;

  /* IMMEDIATE takes the write lock up front, so the busy timeout applies
   * instead of a failed upgrade half-way through. */
  if (!prehab_store_exec_script (self,
                                 outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT prehab_nested",
                                 error))
    return FALSE;

  self->transaction_depth++;
  ok = func (self, user_data, &local_error);
  self->transaction_depth--;

  if (ok)
    {
      if (prehab_store_exec_script (self,
                                    outermost ? "COMMIT" : "RELEASE prehab_nested",
                                    error))
        return TRUE;
    }
  else if (local_error == NULL)
    {
      g_critical ("A transaction function failed without setting an error");
      g_set_error_literal (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_FAILED,
                           _("The change could not be saved"));
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  if (outermost)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO prehab_nested; RELEASE prehab_nested",
                  NULL, NULL, NULL);

  return FALSE;
}

/* Backup names end in -YYYYmmdd-HHMMSS.db, so the tail orders them in time. */
static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const char *path_a = *(const char * const *) a;
  const char *path_b = *(const char * const *) b;
  gsize length_a = strlen (path_a);
  gsize length_b = strlen (path_b);
  gsize tail = strlen ("YYYYmmdd-HHMMSS.db");

  if (length_a < tail || length_b < tail)
    return g_strcmp0 (path_b, path_a);

  return strcmp (path_b + length_b - tail, path_a + length_a - tail);
}

/**
 * prehab_store_list_backups:
 * @data_dir: (nullable): the folder of the journal, or %NULL for the default
 *
 * Returns: (transfer full) (element-type filename): the paths of the backup
 *   copies taken before migrations, newest first; empty when there are none
 */
GPtrArray *
prehab_store_list_backups (const char *data_dir)
{
  g_autofree char *dir = dup_data_dir (data_dir);
  g_autofree char *backup_dir = g_build_filename (dir, "backups", NULL);
  g_autoptr (GDir) folder = g_dir_open (backup_dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (folder == NULL)
    return paths;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "prehab-schema") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (paths, g_build_filename (backup_dir, name, NULL));

  g_ptr_array_sort (paths, compare_backups_newest_first);
  return paths;
}

/* A backup is usable when SQLite can read it whole and this Prehab knows its
 * schema. Only reads. */
static gboolean
check_backup (const char  *path,
              GError     **error)
{
  g_autoptr (PrehabStore) probe = g_object_new (PREHAB_TYPE_STORE, NULL);
  int rc;

  probe->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &probe->db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    return prehab_store_set_error (probe, rc, error);

  if (!read_int_pragma (probe, "PRAGMA user_version", &probe->schema_version, error) ||
      !check_integrity (probe, error))
    return FALSE;

  if (probe->schema_version < 1 || probe->schema_version > prehab_store_get_latest_version ())
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_INVALID,
                   _("“%s” is not a backup this version of Prehab can read"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_database (const char  *from,
               const char  *to,
               GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup = NULL;
  int rc;

  rc = sqlite3_open_v2 (from, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (to, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
    }
  if (backup != NULL)
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  sqlite3_close (source);
  sqlite3_close (target);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_FAILED,
                   _("Prehab could not copy “%s” (%s)"), from, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/**
 * prehab_store_restore_backup:
 * @data_dir: (nullable): the folder of the journal, or %NULL for the default
 * @backup_path: one of prehab_store_list_backups()
 * @aside_path: (out) (optional) (nullable): where the journal that was
 *   replaced now is, or %NULL when there was none
 * @error: return location for an error
 *
 * Puts a backup copy in the place of the journal. The journal it replaces is
 * never deleted: it is renamed to `prehab-replaced-STAMP.db` beside it. Call
 * this only while no store is open on @data_dir.
 *
 * Returns: %TRUE when the backup is in place
 */
gboolean
prehab_store_restore_backup (const char  *data_dir,
                             const char  *backup_path,
                             char       **aside_path,
                             GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = dup_data_dir (data_dir);
  g_autofree char *path = g_build_filename (dir, DATABASE_NAME, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside_name = g_strdup_printf ("prehab-replaced-%s.db", stamp);
  g_autofree char *aside = g_build_filename (dir, aside_name, NULL);
  gboolean had_journal = g_file_test (path, G_FILE_TEST_EXISTS);

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (aside_path != NULL)
    *aside_path = NULL;

  if (!check_backup (backup_path, error))
    return FALSE;

  if (g_file_test (aside, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_FAILED,
                   _("“%s” is in the way; try again in a second"), aside);
      return FALSE;
    }

  /* Move the journal and its write-ahead log aside together. */
  for (guint i = 0; had_journal && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          /* Put back what already moved. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back_from = g_strconcat (aside, suffixes[j], NULL);
              g_autofree char *back_to = g_strconcat (path, suffixes[j], NULL);
              g_rename (back_from, back_to);
            }
          g_set_error (error, PREHAB_STORE_ERROR, PREHAB_STORE_ERROR_READ_ONLY,
                       _("Prehab could not move “%s” aside: %s"), from,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (!ensure_private_file (path, error) || !copy_database (backup_path, path, error))
    {
      g_unlink (path);
      for (guint i = 0; had_journal && i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *from = g_strconcat (aside, suffixes[i], NULL);
          g_autofree char *to = g_strconcat (path, suffixes[i], NULL);

          if (g_file_test (from, G_FILE_TEST_EXISTS))
            g_rename (from, to);
        }
      return FALSE;
    }

  if (aside_path != NULL && had_journal)
    *aside_path = g_steal_pointer (&aside);

  return TRUE;
}

/**
 * prehab_store_dup_meta:
 * @self: a store
 * @key: the key
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when the key is
 *   not set (@error unset) or it could not be read (@error set)
 */
char *
prehab_store_dup_meta (PrehabStore  *self,
                       const char   *key,
                       GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (PREHAB_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = prehab_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = prehab_store_step_row (self, stmt, error);
  if (rc <= 0)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
prehab_store_set_meta (PrehabStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autoptr (PrehabStatement) stmt = NULL;

  g_return_val_if_fail (PREHAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = prehab_store_prepare (self,
                               "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return prehab_store_step_done (self, stmt, error);
}
