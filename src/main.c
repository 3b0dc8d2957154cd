/* main.c
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

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "prehab-application.h"
#include "prehab-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PrehabApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* PREHAB_LOCALEDIR runs the translations of a build tree (build/po, set
   * by `meson devenv`) without installing them. */
  localedir = g_getenv ("PREHAB_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Command-line verbs need no display. */
  if (prehab_cli_handles (argc, argv))
    return prehab_cli_run (argc, argv);

  if (!gtk_init_check ())
    {
      g_printerr ("prehab: %s\n",
                  _("No display to open the window on; run Prehab in a graphical session, or use a command such as “prehab exercises”"));
      return 1;
    }

  app = prehab_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
