/* demo.c: the demo database, built from the shipped demo files through
 * the same path as a user's: the catalogue, one trajectory, then one
 * CSV import per kind. Built beside its destination and renamed into
 * place, so that an interrupted build never leaves half a demo. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "db.h"
#include "demo.h"
#include "error.h"
#include "i18n.h"
#include "import.h"
#include "inifile.h"
#include "paths.h"
#include "trajectory.h"

/* In the order references resolve: sessions before their attendance,
 * benchmarks before participants so categories keep the benchmark's
 * order. */
static const char *const files[] = {
	"stakeholders", "sessions", "attendance", "benchmarks", "participants",
	"members", "inputs"
};
#define NFILES (sizeof files / sizeof files[0])

static char *
demo_file(const char *name)
{
	size_t n = strlen(paths_datadir()) + strlen(name) + 16;
	char *p = malloc(n);

	if (p == NULL)
		err_set(ST_FAIL, "%s", _("out of memory"));
	else
		snprintf(p, n, "%s/demo/%s", paths_datadir(), name);
	return p;
}

/* ---- trajectory.ini ---------------------------------------------------- */

static int
copy(char *dst, size_t size, const char *key, const char *value)
{
	if (strlen(value) >= size)
		return err_set(ST_INPUT, _("%s is too long"), key);
	strcpy(dst, value);
	return ST_OK;
}

static int
dup_to(char **dst, const char *value)
{
	free(*dst);
	if ((*dst = strdup(value)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return ST_OK;
}

static int
ini_key(void *arg, const char *section, const char *key, const char *value,
    int line, int continued)
{
	struct trajectory *t = arg;

	(void)line;
	(void)continued;
	if (strcmp(section, "trajectory") != 0)
		return err_set(ST_INPUT, _("unknown section [%s]"), section);
	if (strcmp(key, "code") == 0)
		return copy(t->code, sizeof t->code, key, value);
	if (strcmp(key, "phase") == 0)
		return copy(t->phase, sizeof t->phase, key, value);
	if (strcmp(key, "start") == 0)
		return copy(t->start_date, sizeof t->start_date, key, value);
	if (strcmp(key, "due") == 0)
		return copy(t->due_date, sizeof t->due_date, key, value);
	if (strcmp(key, "title") == 0)
		return dup_to(&t->title, value);
	if (strcmp(key, "question") == 0)
		return dup_to(&t->question, value);
	if (strcmp(key, "commission") == 0)
		return dup_to(&t->commission, value);
	if (strcmp(key, "requester") == 0)
		return dup_to(&t->requester, value);
	return err_set(ST_INPUT, _("unknown key '%s'"), key);
}

static int
add_trajectory(struct db *db, char *code, size_t size)
{
	struct trajectory t = { 0 };
	char *path = demo_file("trajectory.ini");
	int rc;

	if (path == NULL)
		return ST_FAIL;
	if ((rc = inifile_parse(path, ini_key, &t)) == ST_OK &&
	    (rc = trajectory_add(db, &t)) != ST_OK)
		err_prefix("%s: ", path);
	snprintf(code, size, "%s", t.code);
	trajectory_free(&t);
	free(path);
	return rc;
}

/* ---- building ------------------------------------------------------------ */

static int
fill(struct db *db)
{
	struct catalogue cat;
	struct import_counts c;
	struct csvr_opts o = { 0, NULL };
	char code[33], *path;
	size_t i;
	int rc;

	if ((path = paths_data_file("catalogue.ini")) == NULL)
		return ST_FAIL;
	rc = catalogue_read_file(&cat, path);
	free(path);
	if (rc != ST_OK)
		return rc;
	rc = catalogue_store(db, &cat);
	catalogue_free(&cat);
	if (rc != ST_OK || (rc = add_trajectory(db, code, sizeof code)) != ST_OK)
		return rc;
	for (i = 0; i < NFILES; i++) {
		char name[32];

		snprintf(name, sizeof name, "%s.csv", files[i]);
		if ((path = demo_file(name)) == NULL)
			return ST_FAIL;
		rc = import_csv(db, files[i], code, path, &o, &c);
		free(path);
		if (rc != ST_OK)
			return rc;
	}
	return ST_OK;
}

static void
unlink_db(const char *path)
{
	char side[4096];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* An old demo left by a crash may have a write-ahead log beside it,
 * which SQLite would replay into the new file: fold it into the old
 * file first (closing the last connection removes the log). */
static void
settle(const char *path)
{
	sqlite3 *h;

	if (access(path, F_OK) != 0)
		return;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
		sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_close(h);
}

int
demo_build(const char *path)
{
	struct db *db;
	size_t n = strlen(path) + 16;
	char *tmp;
	int fd, rc;

	if ((rc = paths_make_parent(path)) != ST_OK)
		return rc;
	if ((tmp = xmalloc_or_err(n)) == NULL)
		return ST_FAIL;
	snprintf(tmp, n, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = err_sys(ST_FAIL, _("%s: cannot create the demo"), path);
		free(tmp);
		return rc;
	}
	close(fd);
	/* The temporary file is empty: DB_CREATE fills it with the schema. */
	if ((rc = db_open(&db, tmp, DB_CREATE)) == ST_OK) {
		rc = fill(db);
		db_close(db);
	}
	if (rc == ST_OK) {
		settle(path);
		if (rename(tmp, path) != 0)
			rc = err_sys(ST_FAIL, _("%s: cannot create the demo"), path);
	}
	if (rc != ST_OK) {
		err_prefix(_("cannot build the demo: "));
		unlink_db(tmp);
	}
	free(tmp);
	return rc;
}

/* Whether PATH is older than any shipped file it is built from. */
static int
stale(const char *path, int *old)
{
	struct stat db, sb;
	char *f, name[32];
	size_t i;

	*old = 1;
	if (stat(path, &db) != 0)
		return errno == ENOENT ? ST_OK : err_sys(ST_FAIL, "%s", path);
	*old = 0;
	for (i = 0; i <= NFILES + 1 && !*old; i++) {
		if (i < NFILES)
			snprintf(name, sizeof name, "demo/%s.csv", files[i]);
		else
			snprintf(name, sizeof name, i == NFILES ?
			    "demo/trajectory.ini" : "catalogue.ini");
		if ((f = paths_data_file(name)) == NULL)
			return ST_FAIL;
		if (stat(f, &sb) == 0 && (sb.st_mtim.tv_sec > db.st_mtim.tv_sec ||
		    (sb.st_mtim.tv_sec == db.st_mtim.tv_sec &&
		    sb.st_mtim.tv_nsec > db.st_mtim.tv_nsec)))
			*old = 1;
		free(f);
	}
	return ST_OK;
}

int
demo_ensure(const char *path)
{
	int rc, old;

	if ((rc = stale(path, &old)) != ST_OK)
		return rc;
	return old ? demo_build(path) : ST_OK;
}
