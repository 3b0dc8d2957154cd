/* fuzz-cli.c
 *
 * Copyright 2026 The Prehab authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line on any arguments: the input, split at newlines, is the
 * argument list after "prehab --data-dir DIR". The verbs run for real
 * against a journal in a temporary folder, which is also the working
 * folder; an argument holding a '/' is dropped, so no verb writes outside
 * it, and help options are dropped (GOption prints and exits on them).
 * Whatever the arguments, the exit status is 0, 1 or 2. */

#include <fcntl.h>
#include <unistd.h>

#include "prehab-cli.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *data_dir;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;
  int null_fd = open ("/dev/null", O_WRONLY);

  data_dir = g_dir_make_tmp ("prehab-fuzz-cli-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (chdir (data_dir), ==, 0);
  g_setenv ("PREHAB_TODAY", "2026-11-21", TRUE);

  /* The verbs print; the fuzzer's own report goes to its log file. */
  dup2 (null_fd, STDOUT_FILENO);
  close (null_fd);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto (GStrv) words = g_strsplit (text, "\n", 24);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  int status;

  g_ptr_array_add (argv, (char *) "prehab");
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, data_dir);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      /* GOption answers --help, -h and -? by printing and exiting. */
      if (word[0] == '-' && (strchr (word, 'h') != NULL || strchr (word, '?') != NULL))
        continue;
      if (strchr (word, '/') == NULL && !g_str_has_prefix (word, ".."))
        g_ptr_array_add (argv, (char *) word);
    }
  g_ptr_array_add (argv, NULL);

  if (!prehab_cli_handles (argv->len - 1, (char **) argv->pdata))
    return 0;

  status = prehab_cli_run (argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, >=, 0);
  g_assert_cmpint (status, <=, 2);
  return 0;
}
