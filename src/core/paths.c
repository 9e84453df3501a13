/* paths.c: file locations following the XDG base directory spec. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "i18n.h"
#include "paths.h"

static char *
join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = malloc(n);

	if (s == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	snprintf(s, n, "%s/%s", a, b);
	return s;
}

/* $VAR if set to an absolute path, else $HOME/FALLBACK. */
static char *
xdg_dir(const char *var, const char *fallback, const char *name)
{
	const char *dir = getenv(var), *home;
	char *base, *path;

	if (dir != NULL && dir[0] == '/')
		return join(dir, name);
	home = getenv("HOME");
	if (home == NULL || *home == '\0') {
		err_set(ST_FAIL, _("neither $%s nor $HOME is set"), var);
		return NULL;
	}
	if ((base = join(home, fallback)) == NULL)
		return NULL;
	path = join(base, name);
	free(base);
	return path;
}

const char *
paths_datadir(void)
{
	const char *dir = getenv("MEERSTEM_DATADIR");

	return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

char *
paths_data_file(const char *name)
{
	return join(paths_datadir(), name);
}

char *
paths_default_db(void)
{
	const char *env = getenv("MEERSTEM_DB");
	char *s;

	if (env != NULL && *env != '\0') {
		if ((s = strdup(env)) == NULL)
			err_set(ST_FAIL, "%s", _("out of memory"));
		return s;
	}
	return xdg_dir("XDG_DATA_HOME", ".local/share", "meerstem/meerstem.db");
}

char *
paths_demo_db(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share", "meerstem/demo.db");
}

char *
paths_user_config(void)
{
	char *path = xdg_dir("XDG_CONFIG_HOME", ".config", "meerstem/config.ini");

	if (path == NULL) {
		err_clear();
		return NULL;
	}
	if (access(path, F_OK) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

int
paths_make_parent(const char *path)
{
	char *copy = strdup(path), *p;

	if (copy == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	/* Skip the leading '/' of an absolute path; "" has no parent. */
	for (p = copy + (*copy == '/'); (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
			int rc = err_sys(ST_FAIL, _("cannot create %s"), copy);

			free(copy);
			return rc;
		}
		*p = '/';
	}
	free(copy);
	return ST_OK;
}
