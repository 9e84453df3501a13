/* fixture.c: see fixture.h. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalogue.h"
#include "db.h"
#include "error.h"
#include "fixture.h"
#include "paths.h"

int
fixture_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct catalogue cat;
	char *shipped;
	const char *tmp = getenv("TMPDIR");

	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "%s/meerstem-unit.XXXXXX",
	    tmp != NULL ? tmp : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	assert_int_equal(db_open(&f->db, f->path, DB_CREATE), ST_OK);
	shipped = paths_data_file("catalogue.ini");
	assert_non_null(shipped);
	assert_int_equal(catalogue_read_file(&cat, shipped), ST_OK);
	assert_int_equal(catalogue_store(f->db, &cat), ST_OK);
	catalogue_free(&cat);
	free(shipped);
	*state = f;
	return 0;
}

int
fixture_teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[600];

	db_close(f->db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(f);
	return 0;
}

void
fixture_sql(struct fixture *f, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

sqlite3_int64
fixture_int(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3_int64 v = -1;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st,
	    NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

const char *
fixture_text(struct fixture *f, const char *sql)
{
	static char buf[4096];
	sqlite3_stmt *st;
	const unsigned char *t;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st,
	    NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (t = sqlite3_column_text(st, 0)) != NULL)
		snprintf(buf, sizeof buf, "%s", (const char *)t);
	sqlite3_finalize(st);
	return buf;
}
