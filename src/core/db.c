/* db.c: opening, checking, upgrading and backing up the database file,
 * and the transaction and statement-cache helpers every model uses. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "error.h"
#include "i18n.h"
#include "outfile.h"
#include "schema.h"

#define STMT_SLOTS 256	/* power of two, well above the statements we have */

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	char who[64];
	unsigned flags;
	int created;
	int depth;		/* transaction nesting */
	int last_rc;		/* SQLite's code for the last db_fail */
	struct stmt_slot stmts[STMT_SLOTS];
	int (*pending)(void *);	/* see db_interrupt_when */
	void *pending_arg;
	int interrupted;
};

/* Once a statement is interrupted, the ones that end the work (a
 * COMMIT of the read transaction) run. */
static int
progress(void *arg)
{
	struct db *db = arg;

	if (db->interrupted || db->pending == NULL)
		return 0;
	db->interrupted = db->pending(db->pending_arg) != 0;
	return db->interrupted;
}

void
db_interrupt_when(struct db *db, int (*pending)(void *), void *arg)
{
	db->pending = pending;
	db->pending_arg = arg;
	db->interrupted = 0;
	sqlite3_progress_handler(db->h, pending != NULL ? 4000 : 0,
	    pending != NULL ? progress : NULL, db);
}

int
db_interrupted(const struct db *db)
{
	return db->interrupted;
}

sqlite3 *
db_sqlite(struct db *db)
{
	return db->h;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

int
db_readonly(const struct db *db)
{
	return (db->flags & DB_READONLY) != 0;
}

int
db_created(const struct db *db)
{
	return db->created;
}

const char *
db_who(const struct db *db)
{
	return db->who;
}

int
db_schema_version(void)
{
	return schema_version;
}

/* Which file keeps a database from being written: the file itself,
 * a -shm or -wal file left read-only by an earlier read-only open
 * (SQLite gives them the mode the database had then), or the
 * directory. */
static int
readonly_fail(const char *path)
{
	char side[4096];
	const char *const ext[] = { "-shm", "-wal" };
	size_t i;

	if (access(path, W_OK) != 0)
		return err_set(ST_DB, _("%s: the database file is read-only"), path);
	for (i = 0; i < 2; i++) {
		snprintf(side, sizeof side, "%s%s", path, ext[i]);
		if (access(side, F_OK) == 0 && access(side, W_OK) != 0)
			return err_set(ST_DB, _("%s is read-only, unlike the "
			    "database (it was made when the database was "
			    "read-only): make it writable too"), side);
	}
	return err_set(ST_DB, _("%s: the database cannot be written "
	    "(read-only file or directory)"), path);
}

int
db_fail(struct db *db, int rc)
{
	char detail[512];
	const char *path = db != NULL ? db->path : "";
	int sys = 0;

	/* SQLite's words, with the system's reason for an I/O error
	 * ("File too large" under ulimit -f, a failing disk). */
	if (db != NULL && db->h != NULL &&
	    ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN))
		sys = sqlite3_system_errno(db->h);
	snprintf(detail, sizeof detail, "%s%s%s", db != NULL && db->h != NULL ?
	    sqlite3_errmsg(db->h) : sqlite3_errstr(rc), sys != 0 ? ": " : "",
	    sys != 0 ? strerror(sys) : "");

	if (db != NULL)
		db->last_rc = rc;
	if (rc == SQLITE_READONLY_DIRECTORY)
		return err_set(ST_DB, _("%s: the database's directory is "
		    "read-only, and SQLite must create %s-wal and %s-shm "
		    "beside it"), path, path, path);
	/* SQLite calls only a failed write of a page "full"; growing the
	 * -shm file or syncing on a full disk fail as I/O errors. */
	if (sys == ENOSPC)
		rc = SQLITE_FULL;
	if (sys == EFBIG)
		return err_set(ST_FAIL, _("%s: the file-size limit (ulimit -f) "
		    "is reached; nothing was changed"), path);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(ST_DB, _("%s: the database is locked by another "
		    "process; try again when it is done"), path);
	case SQLITE_CORRUPT:
		return err_set(ST_DB, _("%s: the database file is corrupt (%s); "
		    "restore it from a backup"), path, detail);
	case SQLITE_NOTADB:
		return err_set(ST_DB, _("%s: not a database file"), path);
	case SQLITE_READONLY:
		return readonly_fail(path);
	case SQLITE_CANTOPEN:
		return err_set(ST_DB, _("%s: cannot open the database (%s)"),
		    path, detail);
	case SQLITE_FULL:
		return err_set(ST_FAIL, _("%s: the disk is full; nothing was "
		    "changed"), path);
	case SQLITE_NOMEM:
		return err_set(ST_FAIL, "%s", _("out of memory"));
	case SQLITE_INTERRUPT:
		return err_set(ST_FAIL, "%s", _("interrupted"));
	case SQLITE_CONSTRAINT:
		return err_set(ST_INPUT, _("refused by the database: %s"), detail);
	case SQLITE_IOERR:
		return err_set(ST_FAIL, _("%s: input/output error (%s); nothing "
		    "was changed"), path, detail);
	default:
		return err_set(ST_FAIL, _("%s: database error: %s"), path, detail);
	}
}

/* ---- statement cache ------------------------------------------------ */

static size_t
slot_of(const char *sql)
{
	uintptr_t p = (uintptr_t)sql;

	return (size_t)((p >> 4) ^ (p >> 12)) & (STMT_SLOTS - 1);
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	size_t i = slot_of(sql), n;
	int rc;

	for (n = 0; n < STMT_SLOTS; n++, i = (i + 1) & (STMT_SLOTS - 1)) {
		struct stmt_slot *s = &db->stmts[i];

		if (s->sql == sql) {
			sqlite3_reset(s->st);
			sqlite3_clear_bindings(s->st);
			return s->st;
		}
		if (s->sql == NULL) {
			rc = sqlite3_prepare_v3(db->h, sql, -1,
			    SQLITE_PREPARE_PERSISTENT, &s->st, NULL);
			if (rc != SQLITE_OK) {
				db_fail(db, rc);
				return NULL;
			}
			s->sql = sql;
			return s->st;
		}
	}
	err_set(ST_FAIL, "statement cache full");
	return NULL;
}

static void
stmts_finalize(struct db *db)
{
	size_t i;

	for (i = 0; i < STMT_SLOTS; i++) {
		if (db->stmts[i].st != NULL)
			sqlite3_finalize(db->stmts[i].st);
		db->stmts[i].st = NULL;
		db->stmts[i].sql = NULL;
	}
}

/* ---- running SQL ---------------------------------------------------- */

int
db_exec(struct db *db, const char *sql)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? ST_OK : db_fail(db, rc);
}

int
db_step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return ST_OK;
	return db_fail(db, rc);
}

int
db_insert(struct db *db, sqlite3_stmt *st, sqlite3_int64 *id)
{
	int rc = db_step_done(db, st);

	if (rc == ST_OK)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}

static int
bind_va(struct db *db, sqlite3_stmt *st, const char *types, va_list ap)
{
	const char *s;
	const void *blob;
	int i, rc = SQLITE_OK, len;

	for (i = 1; types[i - 1] != '\0' && rc == SQLITE_OK; i++) {
		switch (types[i - 1]) {
		case 'i':
			rc = sqlite3_bind_int(st, i, va_arg(ap, int));
			break;
		case 'I':
			rc = sqlite3_bind_int64(st, i, va_arg(ap, sqlite3_int64));
			break;
		case 'd':
			rc = sqlite3_bind_double(st, i, va_arg(ap, double));
			break;
		case 't':
			rc = db_bind_text(st, i, va_arg(ap, const char *));
			break;
		case 'o':
			s = va_arg(ap, const char *);
			rc = db_bind_opt(st, i, s);
			break;
		case 'b':
			blob = va_arg(ap, const void *);
			len = va_arg(ap, int);
			rc = sqlite3_bind_blob(st, i, blob, len, SQLITE_TRANSIENT);
			break;
		case 'n':
			rc = sqlite3_bind_null(st, i);
			break;
		default:
			rc = SQLITE_MISUSE;
		}
	}
	return rc == SQLITE_OK ? ST_OK : db_fail(db, rc);
}

int
db_bind(struct db *db, sqlite3_stmt *st, const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = bind_va(db, st, types, ap);
	va_end(ap);
	return rc;
}

int
db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

int
db_bind_opt(sqlite3_stmt *st, int idx, const char *s)
{
	return db_bind_text(st, idx, s != NULL && *s != '\0' ? s : NULL);
}

char *
db_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	char *s = strdup(t != NULL ? (const char *)t : "");

	if (s == NULL)
		err_set(ST_FAIL, "%s", _("out of memory"));
	return s;
}

void
db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", t != NULL ? (const char *)t : "");
}

int
db_query_int(struct db *db, const char *sql, sqlite3_int64 *out,
    const char *types, ...)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	va_list ap;
	int rc;

	*out = 0;
	if (st == NULL)
		return err_status();
	va_start(ap, types);
	rc = bind_va(db, st, types, ap);
	va_end(ap);
	if (rc != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc);
	return ST_OK;
}

/* ---- transactions --------------------------------------------------- */

int
db_begin(struct db *db)
{
	int rc;

	if (db_readonly(db))
		return err_set(ST_DB, _("%s: opened read-only; nothing can be "
		    "changed"), db->path);
	rc = db_exec(db, db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nest");
	if (rc == ST_OK)
		db->depth++;
	return rc;
}

int
db_commit(struct db *db)
{
	int rc;

	if (db->depth == 0)
		return err_set(ST_FAIL, "commit outside a transaction");
	rc = db_exec(db, db->depth == 1 ? "COMMIT" : "RELEASE nest");
	if (rc != ST_OK) {
		/* A failed COMMIT (full disk) leaves the transaction open. */
		char msg[2048];
		int st = err_status();

		snprintf(msg, sizeof msg, "%s", err_msg());
		db_rollback(db);
		return err_set(st, "%s", msg);
	}
	db->depth--;
	return ST_OK;
}

void
db_rollback(struct db *db)
{
	if (db->depth == 0)
		return;
	if (db->depth == 1)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	else
		sqlite3_exec(db->h, "ROLLBACK TO nest; RELEASE nest", NULL,
		    NULL, NULL);
	db->depth--;
}

int
db_in_transaction(const struct db *db)
{
	return db->depth > 0;
}

/* ---- opening ---------------------------------------------------------- */

static int
pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc);
	return ST_OK;
}

int
db_data_version(struct db *db, int *version)
{
	return pragma_int(db, "PRAGMA data_version", version);
}

static void
who_init(struct db *db)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL && pw->pw_name != NULL)
		snprintf(db->who, sizeof db->who, "%s", pw->pw_name);
	else
		snprintf(db->who, sizeof db->who, "uid %ld", (long)geteuid());
}

/* Create an empty file readable by its owner only: SQLite gives its
 * journal and WAL files the mode of the database file. */
static int
create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return err_sys(ST_DB, _("%s: cannot create the database"), path);
	if (close(fd) != 0)
		return err_sys(ST_DB, _("%s: cannot create the database"), path);
	return ST_OK;
}

static int
apply_migrations(struct db *db, int from)
{
	char sql[64];
	int v, current, rc;

	for (v = from; v < schema_version; v++) {
		if ((rc = db_begin(db)) != ST_OK)
			return rc;
		/* Another instance may have upgraded while we waited. */
		if ((rc = pragma_int(db, "PRAGMA user_version", &current)) != ST_OK)
			goto fail;
		if (current > v)
			goto next;
		if (v == 0) {
			snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
			    (int)DB_APPLICATION_ID);
			if ((rc = db_exec(db, sql)) != ST_OK)
				goto fail;
		}
		if ((rc = db_exec(db, schema_migrations[v])) != ST_OK)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if ((rc = db_exec(db, sql)) != ST_OK)
			goto fail;
next:
		if ((rc = db_commit(db)) != ST_OK)
			return rc;
	}
	return ST_OK;
fail:
	db_rollback(db);
	return rc;
}

static int
upgrade(struct db *db, int version)
{
	char *bak;
	size_t n = strlen(db->path) + 32;
	int rc;

	if (db_readonly(db))
		return err_set(ST_DB, _("%s: schema version %d needs an upgrade "
		    "to %d; open it once without --read-only"), db->path,
		    version, schema_version);
	if ((bak = xmalloc_or_err(n)) == NULL)
		return ST_FAIL;
	snprintf(bak, n, "%s.bak-v%d", db->path, version);
	rc = db_backup(db, bak);
	if (rc != ST_OK) {
		err_prefix(_("not upgrading: no backup: "));
		free(bak);
		return rc;
	}
	free(bak);
	return apply_migrations(db, version);
}

static int
objects_count(struct db *db, int *n)
{
	return pragma_int(db, "SELECT count(*) FROM sqlite_schema", n);
}

/* Decide what the file is before anything writes to it. */
static int
check_identity(struct db *db)
{
	int app = 0, version = 0, objects = 0, rc;

	/* A file that is not a database is refused as such; a locked,
	 * unreadable or corrupt one keeps db_fail's message. */
	if ((rc = pragma_int(db, "PRAGMA application_id", &app)) != ST_OK ||
	    (rc = pragma_int(db, "PRAGMA user_version", &version)) != ST_OK ||
	    (rc = objects_count(db, &objects)) != ST_OK) {
		if ((db->last_rc & 0xff) == SQLITE_NOTADB)
			return err_set(ST_DB, _("%s: not a meerstem database (%s)"),
			    db->path, sqlite3_errstr(db->last_rc));
		return rc;
	}
	if (app == 0 && version == 0 && objects == 0) {
		/* Only init fills an empty file: an emptied database (a
		 * failed copy, a kill before the schema was written) is
		 * reported, not silently replaced by a new one. */
		if (db_readonly(db) || !(db->flags & DB_CREATE))
			return err_set(ST_DB, _("%s: the database is empty; "
			    "create it with meerstem init"), db->path);
		db->created = 1;
		return apply_migrations(db, 0);
	}
	if ((uint32_t)app != DB_APPLICATION_ID)
		return err_set(ST_DB, _("%s: not a meerstem database "
		    "(application id %#x)"), db->path, (unsigned)app);
	if (version > schema_version)
		return err_set(ST_DB, _("%s: written by a newer meerstem (schema "
		    "version %d; this version knows %d); refusing to touch it"),
		    db->path, version, schema_version);
	if (version < schema_version)
		return upgrade(db, version);
	return ST_OK;
}

static int
set_pragmas(struct db *db)
{
	int rc;

	if ((rc = db_exec(db, "PRAGMA foreign_keys = ON")) != ST_OK)
		return rc;
	if ((rc = db_exec(db, "PRAGMA secure_delete = ON")) != ST_OK)
		return rc;
	if (db_readonly(db))
		return ST_OK;
	/* WAL lets the interface read while an import writes. */
	return db_exec(db, "PRAGMA journal_mode = WAL");
}

int
db_open(struct db **out, const char *path, unsigned flags)
{
	static int memstatus_off;
	struct db *db;
	struct stat sb;
	int oflags, rc, missing;

	*out = NULL;
	missing = lstat(path, &sb) != 0;
	if (missing && errno != ENOENT)
		return err_sys(ST_DB, _("%s: cannot open the database"), path);
	if (missing && !(flags & DB_CREATE))
		return err_set(ST_DB, _("%s: no such database; create it with "
		    "meerstem init"), path);
	if (!missing && S_ISDIR(sb.st_mode))
		return err_set(ST_DB, _("%s: is a directory, not a database"), path);
	/* SQLite puts the -wal file beside the name it opens: a link and
	 * its target would each get their own and disagree. */
	if (!missing && S_ISLNK(sb.st_mode))
		return err_set(ST_DB, _("%s: is a symbolic link; give the path of "
		    "the database file itself"), path);
	if (missing && (flags & DB_READONLY))
		return err_set(ST_DB, _("%s: no such database"), path);
	if ((db = calloc(1, sizeof *db)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	db->flags = flags;
	if ((db->path = strdup(path)) == NULL) {
		free(db);
		return err_set(ST_FAIL, "%s", _("out of memory"));
	}
	who_init(db);
	if (missing && (rc = create_private(path)) != ST_OK)
		goto fail;
	oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE;
	/* meerstem is single threaded: no mutex per call, no statistics
	 * on every allocation (both show in an import's profile). The
	 * setting can only be made before SQLite's first use; if it was
	 * used already, the statistics merely stay on. */
	if (!memstatus_off) {
		memstatus_off = 1;
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	rc = sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOFOLLOW |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rc = db_fail(db, rc);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, DB_BUSY_TIMEOUT_MS);
	if ((rc = check_identity(db)) != ST_OK)
		goto fail;
	if ((rc = set_pragmas(db)) != ST_OK)
		goto fail;
	*out = db;
	return ST_OK;
fail:
	db_close(db);
	if (missing)
		unlink(path);
	return rc;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	while (db->depth > 0)
		db_rollback(db);
	stmts_finalize(db);
	if (db->h != NULL)
		sqlite3_close(db->h);
	free(db->path);
	free(db);
}

/* ---- backup and check ------------------------------------------------- */

/* A failed backup: the source's own trouble (locked, corrupt) in
 * db_fail's words, anything else as a failure to write the copy NAME. */
static int
backup_fail(struct db *db, sqlite3 *dst, int rc, const char *name)
{
	int sys = dst != NULL ? sqlite3_system_errno(dst) : 0;

	if (sys == ENOSPC)
		rc = SQLITE_FULL;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return db_fail(db, rc);
	case SQLITE_FULL:
		return err_set(ST_FAIL, _("%s: the disk is full; no backup was "
		    "written"), name);
	case SQLITE_NOMEM:
		return err_set(ST_FAIL, "%s", _("out of memory"));
	}
	return err_set(ST_FAIL, _("%s: cannot write the backup (%s%s%s)"), name,
	    dst != NULL ? sqlite3_errmsg(dst) : sqlite3_errstr(rc),
	    sys != 0 ? ": " : "", sys != 0 ? strerror(sys) : "");
}

static int
backup_into(struct db *db, const char *tmp, const char *name)
{
	sqlite3 *dst;
	sqlite3_backup *b;
	int rc;

	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		rc = backup_fail(db, dst, rc, name);
		sqlite3_close(dst);
		return rc;
	}
	sqlite3_extended_result_codes(dst, 1);
	b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (b == NULL) {
		rc = backup_fail(db, dst, sqlite3_extended_errcode(dst), name);
		sqlite3_close(dst);
		return rc;
	}
	/* One step copies everything under a read lock: a consistent copy. */
	rc = sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
		rc = sqlite3_extended_errcode(dst);
	/* The copy of a WAL database says WAL in its header: make it one
	 * self-contained file. */
	if (rc == SQLITE_DONE)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_DONE && rc != SQLITE_OK)
		rc = backup_fail(db, dst, rc, name);
	else
		rc = ST_OK;
	sqlite3_close(dst);
	return rc;
}

int
db_backup(struct db *db, const char *dest)
{
	struct outfile *of;
	const char *tmp;
	int rc;

	if ((rc = outfile_open(&of, dest, 0600)) != ST_OK)
		return rc;
	/* SQLite writes the copy by name; the outfile then streams it to
	 * standard output or renames it into place. */
	if ((tmp = outfile_temp_path(of)) == NULL) {
		rc = err_status();
		outfile_abort(of);
		return rc;
	}
	rc = backup_into(db, tmp, strcmp(dest, "-") == 0 ? tmp : dest);
	if (rc != ST_OK) {
		outfile_abort(of);
		return rc;
	}
	return outfile_commit_file(of);
}

static int
check_rows(struct db *db, const char *sql, const char *name,
    db_problem_fn fn, void *arg, int skip_ok)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) != SQLITE_OK) {
		db_fail(db, rc);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		char buf[512];

		if (skip_ok && t != NULL && strcmp(t, "ok") == 0)
			continue;
		if (sqlite3_column_count(st) >= 4)
			snprintf(buf, sizeof buf, _("row %lld of %s refers to a "
			    "missing row of %s"), sqlite3_column_int64(st, 1), t,
			    (const char *)sqlite3_column_text(st, 2));
		else
			snprintf(buf, sizeof buf, "%s", t != NULL ? t : "");
		fn(name, buf, arg);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, rc);
		return -1;
	}
	return n;
}

int
db_check(struct db *db, db_problem_fn fn, void *arg)
{
	int n, total = 0, app = 0, version = 0;
	char buf[256];

	if ((n = check_rows(db, "PRAGMA integrity_check", "integrity", fn, arg, 1)) < 0)
		return -1;
	total += n;
	if ((n = check_rows(db, "PRAGMA foreign_key_check", "foreign keys", fn, arg, 0)) < 0)
		return -1;
	total += n;
	if (pragma_int(db, "PRAGMA application_id", &app) != ST_OK ||
	    pragma_int(db, "PRAGMA user_version", &version) != ST_OK)
		return -1;
	if ((uint32_t)app != DB_APPLICATION_ID) {
		snprintf(buf, sizeof buf, _("application id is %#x, expected %#x"),
		    (unsigned)app, (unsigned)DB_APPLICATION_ID);
		fn("application id", buf, arg);
		total++;
	}
	if (version != schema_version) {
		snprintf(buf, sizeof buf, _("schema version is %d, expected %d"),
		    version, schema_version);
		fn("schema version", buf, arg);
		total++;
	}
	return total;
}
