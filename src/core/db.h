/* db.h: the database file: open or create, check and upgrade the
 * schema, transactions, cached prepared statements, online backup.
 * Only core modules include this; front ends use the model modules. */
#ifndef MEERSTEM_DB_H
#define MEERSTEM_DB_H

#include <sqlite3.h>

/* "MSTM": PRAGMA application_id of every meerstem database. */
#define DB_APPLICATION_ID 0x4d53544d
#define DB_BUSY_TIMEOUT_MS 5000

enum {
	DB_CREATE = 1 << 0,	/* create the file (mode 0600) if it is missing,
				 * or the schema in an empty file */
	DB_READONLY = 1 << 1	/* open read-only; never write, never upgrade */
};

struct db;

/* Open PATH. A missing or empty file is created or filled only with
 * DB_CREATE. A file of another application, with a newer schema, or
 * that is not a database is refused with ST_DB and left untouched; an
 * older schema is copied to PATH.bak-vN and then upgraded, one
 * migration per transaction. */
int db_open(struct db **out, const char *path, unsigned flags);
void db_close(struct db *db);

sqlite3 *db_sqlite(struct db *db);
const char *db_path(const struct db *db);
int db_readonly(const struct db *db);
/* True when this open created the schema (the catalogue is not loaded). */
int db_created(const struct db *db);
/* Login name of the user, recorded in the change log. */
const char *db_who(const struct db *db);
int db_schema_version(void);

/* A prepared statement for SQL, cached by the address of SQL (pass a
 * string literal or a static array). It comes back reset with its
 * bindings cleared; callers reset it when done so that no read stays
 * open. Returns NULL with the error set. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so a model function can be one user action on its own or
 * part of an import. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
int db_in_transaction(const struct db *db);

/* A number that changes when another connection commits a change to
 * the file (PRAGMA data_version): cheap enough to poll. */
int db_data_version(struct db *db, int *version);

/* While PENDING is set, SQLite calls it every few thousand steps of a
 * statement; when it returns non-zero, that statement fails as
 * interrupted and db_interrupted says so until the next call. NULL
 * stops it. For work the interface does while no key waits. */
void db_interrupt_when(struct db *db, int (*pending)(void *), void *arg);
int db_interrupted(const struct db *db);

/* Run SQL without results (schema, pragmas). */
int db_exec(struct db *db, const char *sql);

/* Step a statement that returns no rows, then reset it. */
int db_step_done(struct db *db, sqlite3_stmt *st);
/* Step a bound INSERT and give the new row's id. Cheaper than
 * RETURNING, which builds a temporary table for every row. */
int db_insert(struct db *db, sqlite3_stmt *st, sqlite3_int64 *id);

/* Record a failed SQLite call as an error with the right status (busy:
 * ST_DB, constraint: ST_INPUT, full disk: ST_FAIL, ...) and return it. */
int db_fail(struct db *db, int rc);

/* Bind parameters 1, 2, ... from TYPES, one letter each: i int,
 * I sqlite3_int64, d double, t text (NULL binds NULL), o optional text
 * ("" binds NULL too), b blob (pointer, then int length), n NULL.
 * Text and blobs are copied. ST_OK, or the error set. */
int db_bind(struct db *db, sqlite3_stmt *st, const char *types, ...);

/* Bind text that may be NULL (NULL binds SQL NULL). */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Bind text, with an empty or NULL string becoming SQL NULL. */
int db_bind_opt(sqlite3_stmt *st, int idx, const char *s);

/* Copy column text into a new string ("" for NULL); NULL on no memory. */
char *db_column_dup(sqlite3_stmt *st, int col);
/* Copy column text into DST of SIZE bytes ("" for NULL), truncating. */
void db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t size);

/* Run a query whose first row's first column is an integer, with the
 * parameters of TYPES as db_bind takes them; *OUT is 0 without a row. */
int db_query_int(struct db *db, const char *sql, sqlite3_int64 *out,
    const char *types, ...);

/* Online backup into DEST through a temporary file in DEST's directory,
 * renamed into place; "-" writes the copy to standard output. */
int db_backup(struct db *db, const char *dest);

/* Integrity report: calls FN once per problem found; returns the number
 * of problems, or -1 with the error set. */
typedef void (*db_problem_fn)(const char *check, const char *problem, void *arg);
int db_check(struct db *db, db_problem_fn fn, void *arg);

#endif
