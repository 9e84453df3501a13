/* fixture.h: a fresh database with the shipped catalogue, in a private
 * temporary directory, for the unit tests. */
#ifndef MEERSTEM_FIXTURE_H
#define MEERSTEM_FIXTURE_H

#include <sqlite3.h>

struct db;

struct fixture {
	char dir[256];
	char path[300];
	struct db *db;
};

/* cmocka setup and teardown: *state becomes a struct fixture. */
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* Run SQL directly (test data only); fails the test on error. */
void fixture_sql(struct fixture *f, const char *sql);
/* The first column of the first row of SQL as an integer. */
sqlite3_int64 fixture_int(struct fixture *f, const char *sql);
/* Same, as text in a static buffer ("" for NULL). */
const char *fixture_text(struct fixture *f, const char *sql);

#endif
