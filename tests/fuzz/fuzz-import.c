/* fuzz-import.c: any bytes as a CSV import of any kind. The first byte
 * picks the kind (import_kinds[byte % 7]) and the command line's options
 * (byte / 7: its remainder by 4 the --delimiter, none, comma, semicolon
 * or tab; the next bit --encoding windows-1252); the rest is the file,
 * imported into the demo trajectory of a database built once per process
 * from the shipped demo files, so that session refs, stakeholder names
 * and dimensions can resolve. Beyond not crashing or leaking: an
 * accepted file leaves the database passing meerstem check and the
 * counts add up; a refused one is bad input (status 2), leaves every row
 * as it was, and its message names the file and a line (and a column
 * when it gives one). After an accepted import the database is restored
 * from a copy in memory, so that every input meets the same data. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "demo.h"
#include "error.h"
#include "fuzz.h"
#include "import.h"

#define DEMO_CODE "AMS-2023"	/* share/meerstem/demo/trajectory.ini */

static struct db *db;
static sqlite3 *pristine;
static unsigned long long pristine_hash;
static char db_path_buf[4200];
static int say;			/* FUZZ_IMPORT_SAY: tell the outcome */

static void
cleanup(void)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", NULL };
	char path[4300];
	int i;

	db_close(db);
	sqlite3_close(pristine);
	for (i = 0; suffixes[i] != NULL; i++) {
		snprintf(path, sizeof path, "%s%s", db_path_buf, suffixes[i]);
		unlink(path);
	}
}

static void
sql_fail(sqlite3 *h, const char *what)
{
	fprintf(stderr, "fuzz-import: %s: %s\n", what, sqlite3_errmsg(h));
	abort();
}

/* Copy the whole database FROM into TO. */
static void
copy(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");

	if (b == NULL)
		sql_fail(to, "backup");
	if (sqlite3_backup_step(b, -1) != SQLITE_DONE)
		sql_fail(to, "backup step");
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		sql_fail(to, "backup finish");
}

static unsigned long long
mix(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n-- > 0)
		h = (h ^ *s++) * 1099511628211ULL;	/* FNV-1a */
	return h;
}

/* A hash of every row of every table, independent of the order rows
 * come in (a sum of the rows' hashes): equal hashes, same data, though
 * the file's bytes may differ. */
static unsigned long long
content_hash(sqlite3 *h)
{
	sqlite3_stmt *tables, *rows;
	unsigned long long x = 0, row;
	char sql[512];
	const unsigned char *name;
	int i, n;

	if (sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type ="
	    " 'table' ORDER BY name", -1, &tables, NULL) != SQLITE_OK)
		sql_fail(h, "tables");
	while (sqlite3_step(tables) == SQLITE_ROW) {
		name = sqlite3_column_text(tables, 0);
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
		if (sqlite3_prepare_v2(h, sql, -1, &rows, NULL) != SQLITE_OK)
			sql_fail(h, sql);
		n = sqlite3_column_count(rows);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			row = mix(14695981039346656037ULL, name,
			    strlen((const char *)name) + 1);
			for (i = 0; i < n; i++) {
				row = mix(row, &(int){ sqlite3_column_type(rows,
				    i) }, sizeof(int));
				row = mix(row, sqlite3_column_blob(rows, i),
				    (size_t)sqlite3_column_bytes(rows, i));
			}
			x += row;
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	return x;
}

static void
setup(void)
{
	snprintf(db_path_buf, sizeof db_path_buf, "%s/demo.db", fuzz_dir());
	if (demo_build(db_path_buf) != ST_OK ||
	    db_open(&db, db_path_buf, 0) != ST_OK) {
		fprintf(stderr, "fuzz-import: cannot build the demo database: "
		    "%s (is MEERSTEM_DATADIR set?)\n", err_msg());
		abort();
	}
	if (sqlite3_open(":memory:", &pristine) != SQLITE_OK)
		sql_fail(pristine, "memory");
	copy(pristine, db_sqlite(db));
	pristine_hash = content_hash(db_sqlite(db));
	say = getenv("FUZZ_IMPORT_SAY") != NULL;
	atexit(cleanup);
}

static void
problem(const char *check, const char *what, void *arg)
{
	(void)arg;
	fuzz_fail(__FILE__, __LINE__, "db_check", "%s: %s", check, what);
}

/* "PATH:LINE:" or "PATH:LINE:COL: ", LINE and COL from 1; or the one
 * message about a file without a header row. */
static void
check_message(const char *msg, const char *path)
{
	size_t n = strlen(path);
	const char *p = msg + n;
	char *end;
	long line, col;

	fuzz_assert(strncmp(msg, path, n) == 0 && *p == ':',
	    "the message does not name the file: %s", msg);
	if (strncmp(p, ": ", 2) == 0 && strstr(p, "empty file") != NULL)
		return;
	line = strtol(p + 1, &end, 10);
	fuzz_assert(end > p + 1 && *end == ':' && line >= 1,
	    "the message names no line: %s", msg);
	if (end[1] >= '0' && end[1] <= '9') {
		col = strtol(end + 1, &end, 10);
		fuzz_assert(*end == ':' && col >= 1 && col <= 1024,
		    "bad column in: %s", msg);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = { 0, ',', ';', '\t' };
	struct csvr_opts o = { 0, NULL };
	struct import_counts c;
	const char *kind, *path;
	int rc;

	if (size == 0)
		return 0;
	if (db == NULL)
		setup();
	kind = import_kinds[data[0] % 7];
	o.delimiter = delims[data[0] / 7 % 4];
	o.encoding = data[0] / 28 % 2 != 0 ? "windows-1252" : NULL;
	path = fuzz_file("in.csv", data + 1, size - 1);
	err_clear();
	rc = import_csv(db, kind, DEMO_CODE, path, &o, &c);
	fuzz_assert(!db_in_transaction(db), "%s: a transaction left open", kind);
	if (say)
		fprintf(stderr, "%s: %s\n", kind, rc == ST_OK ? "accepted" :
		    err_msg());
	if (rc != ST_OK) {
		fuzz_assert(rc == ST_INPUT, "%s: status %d: %s", kind, rc,
		    err_msg());
		check_message(err_msg(), path);
		fuzz_assert(c.rows == 0, "%s: refused, yet %ld rows counted",
		    kind, c.rows);
		fuzz_assert(content_hash(db_sqlite(db)) == pristine_hash,
		    "%s: refused (%s), yet the data changed", kind, err_msg());
		return 0;
	}
	if (strcmp(kind, "participants") != 0)
		fuzz_assert(c.rows == c.added + c.changed + c.unchanged,
		    "%s: %ld rows, %ld + %ld + %ld", kind, c.rows, c.added,
		    c.changed, c.unchanged);
	fuzz_assert(db_check(db, problem, NULL) == 0, "%s: check: %s", kind,
	    err_msg());
	copy(db_sqlite(db), pristine);
	return 0;
}
