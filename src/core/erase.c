/* erase.c: erasing a stakeholder's personal data (see erase.h). The
 * text is rewritten by two SQL functions, so that each column is one
 * UPDATE that SQLite pages through, and the same statements scrub the
 * automatic backups, whatever their schema version. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "db.h"
#include "erase.h"
#include "error.h"
#include "i18n.h"
#include "stakeholder.h"
#include "utf8.h"

/* Every column of free text that may name a stakeholder. */
static const char *const sql_text[] = {
	"UPDATE trajectory SET title = meerstem_replace(title, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(title, ?1)",
	"UPDATE trajectory SET question = meerstem_replace(question, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(question, ?1)",
	"UPDATE trajectory SET requester = meerstem_replace(requester, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(requester, ?1)",
	"UPDATE involvement SET reason = meerstem_replace(reason, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(reason, ?1)",
	"UPDATE session SET title = meerstem_replace(title, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(title, ?1)",
	"UPDATE session SET location = meerstem_replace(location, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(location, ?1)",
	"UPDATE session SET findings = meerstem_replace(findings, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(findings, ?1)",
	"UPDATE input SET summary = meerstem_replace(summary, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(summary, ?1)",
	"UPDATE input SET reason = meerstem_replace(reason, ?1, ?2),"
	" version = version + 1 WHERE meerstem_mentions(reason, ?1)",
	"UPDATE change_log SET subject = meerstem_replace(subject, ?1, ?2)"
	" WHERE meerstem_mentions(subject, ?1)",
	"UPDATE change_log SET detail = meerstem_replace(detail, ?1, ?2)"
	" WHERE meerstem_mentions(detail, ?1)",
	NULL
};

/* The register entry itself, found by its key. */
static const char sql_entry[] =
    "UPDATE stakeholder SET name = ?2, name_key = ?3, contact = '',"
    " version = version + 1, updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE name_key = ?1";

#define MIN_CONTACT_PART 4	/* shorter parts of a contact are not searched */
#define MAX_NEEDLES 16

/* ---- finding whole words, ignoring case --------------------------- */

static int
word_char(uint32_t cp)
{
	/* Letters beyond ASCII (é, ï) belong to words too. */
	return cp >= 0x80 || isalnum((int)cp);
}

/* The character that ends just before byte I > 0 of S. */
static uint32_t
char_before(const char *s, size_t i)
{
	size_t j = i - 1;
	uint32_t cp;

	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	if (utf8_decode(s + j, i - j, &cp) < 0)
		cp = (unsigned char)s[i - 1];
	return cp;
}

/* Where NEEDLE (folded characters, N of them) starts in S at or after
 * byte FROM as a whole word: its offset, and its length in *LEN; or -1. */
static long
find_word(const char *s, size_t size, const uint32_t *needle, size_t n,
    size_t from, size_t *len)
{
	size_t i, k, j;
	uint32_t cp;
	int l;

	for (i = from; i < size; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		for (j = 0, k = i; j < n && k < size; j++, k += (size_t)l) {
			if ((l = utf8_decode(s + k, size - k, &cp)) < 0) {
				l = 1;
				cp = 0xfffd;
			}
			if (utf8_fold(cp) != needle[j])
				break;
		}
		if (j < n)
			continue;
		if (i > 0 && word_char(char_before(s, i)))
			continue;
		if (k < size && utf8_decode(s + k, size - k, &cp) > 0 &&
		    word_char(cp))
			continue;
		*len = k - i;
		return (long)i;
	}
	return -1;
}

/* NEEDLE as folded characters; NULL when it is empty or not UTF-8. */
static uint32_t *
fold(const char *needle, size_t *n)
{
	size_t size = strlen(needle), i = 0;
	uint32_t *cps = malloc((size + 1) * sizeof *cps), cp;
	int l;

	*n = 0;
	if (cps == NULL)
		return NULL;
	while (i < size) {
		if ((l = utf8_decode(needle + i, size - i, &cp)) < 0) {
			free(cps);
			return NULL;
		}
		cps[(*n)++] = utf8_fold(cp);
		i += (size_t)l;
	}
	if (*n == 0) {
		free(cps);
		return NULL;
	}
	return cps;
}

/* ---- the SQL functions ----------------------------------------------- */

static void
sql_mentions(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *needle = (const char *)sqlite3_value_text(argv[1]);
	uint32_t *cps;
	size_t n, len;

	(void)argc;
	if (s == NULL || needle == NULL || (cps = fold(needle, &n)) == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	sqlite3_result_int(ctx, find_word(s, (size_t)sqlite3_value_bytes(argv[0]),
	    cps, n, 0, &len) >= 0);
	free(cps);
}

/* S (SIZE bytes) with every whole-word mention of the folded NEEDLE
 * (N characters) replaced by WITH: a new string of *OUTLEN bytes,
 * NUL-terminated, or NULL when out of memory. */
static char *
replace_all(const char *s, size_t size, const uint32_t *cps, size_t n,
    const char *with, size_t *outlen)
{
	size_t wlen = strlen(with), len, from = 0, o = 0, cap;
	char *out;
	long at;

	for (cap = size + 1; (at = find_word(s, size, cps, n, from, &len)) >= 0;
	    from = (size_t)at + len)
		cap += wlen;
	from = 0;
	if ((out = malloc(cap)) == NULL)
		return NULL;
	while ((at = find_word(s, size, cps, n, from, &len)) >= 0) {
		memcpy(out + o, s + from, (size_t)at - from);
		o += (size_t)at - from;
		memcpy(out + o, with, wlen);
		o += wlen;
		from = (size_t)at + len;
	}
	memcpy(out + o, s + from, size - from);
	o += size - from;
	out[o] = '\0';
	*outlen = o;
	return out;
}

static void
sql_replace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *needle = (const char *)sqlite3_value_text(argv[1]);
	const char *with = (const char *)sqlite3_value_text(argv[2]);
	uint32_t *cps;
	size_t n, o;
	char *out;

	(void)argc;
	if (s == NULL || needle == NULL || with == NULL ||
	    (cps = fold(needle, &n)) == NULL) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	out = replace_all(s, (size_t)sqlite3_value_bytes(argv[0]), cps, n, with,
	    &o);
	free(cps);
	if (out == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, out, (int)o, free);
}

char *
erase_replace(const char *text, const char *needle, const char *with)
{
	uint32_t *cps;
	size_t n, o;
	char *out;

	if ((cps = fold(needle, &n)) == NULL)
		return strdup(text);
	out = replace_all(text, strlen(text), cps, n, with, &o);
	free(cps);
	return out;
}

static int
register_functions(sqlite3 *h)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;

	if (sqlite3_create_function(h, "meerstem_mentions", 2, flags, NULL,
	    sql_mentions, NULL, NULL) != SQLITE_OK)
		return sqlite3_extended_errcode(h);
	if (sqlite3_create_function(h, "meerstem_replace", 3, flags, NULL,
	    sql_replace, NULL, NULL) != SQLITE_OK)
		return sqlite3_extended_errcode(h);
	return SQLITE_OK;
}

/* ---- rewriting a database ------------------------------------------ */

struct erasure {
	const char *key;		/* the name's key in the register */
	const char *pseudonym, *pseudonym_key;
	const char *needles[MAX_NEEDLES];	/* the name, parts of the contact */
	int n_needles;
	long texts;
};

/* Run SQL with the erasure's parameters; a missing table or column
 * (an old backup) is skipped when OLD_SCHEMA is set. An SQLite code. */
static int
run(sqlite3 *h, const char *sql, const char *p1, const char *p2,
    const char *p3, int old_schema, long *changes)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return old_schema && rc == SQLITE_ERROR ? SQLITE_OK : rc;
	if ((rc = sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC)) == SQLITE_OK &&
	    (rc = sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC)) == SQLITE_OK &&
	    (p3 == NULL ||
	    (rc = sqlite3_bind_text(st, 3, p3, -1, SQLITE_STATIC)) == SQLITE_OK))
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	*changes += sqlite3_changes(h);
	return SQLITE_OK;
}

/* Rewrite every column and the register entry in the open database H,
 * inside the caller's transaction. An SQLite code. */
static int
rewrite(sqlite3 *h, struct erasure *e, int old_schema)
{
	long entry = 0;
	int i, k, rc;

	if ((rc = register_functions(h)) != SQLITE_OK)
		return rc;
	for (k = 0; k < e->n_needles; k++)
		for (i = 0; sql_text[i] != NULL; i++)
			if ((rc = run(h, sql_text[i], e->needles[k], e->pseudonym,
			    NULL, old_schema, &e->texts)) != SQLITE_OK)
				return rc;
	return run(h, sql_entry, e->key, e->pseudonym, e->pseudonym_key,
	    old_schema, &entry);
}

/* The name, and each part of the contact (split at commas, semicolons
 * and line ends) long enough to search for. CONTACT is modified. */
static void
needles(struct erasure *e, const char *name, char *contact)
{
	char *part, *save = NULL;

	e->needles[e->n_needles++] = name;
	for (part = strtok_r(contact, ",;\n", &save); part != NULL &&
	    e->n_needles < MAX_NEEDLES; part = strtok_r(NULL, ",;\n", &save))
		if (utf8_chars(str_trim(part), strlen(part)) >= MIN_CONTACT_PART)
			e->needles[e->n_needles++] = part;
}

/* ---- the automatic backups ------------------------------------------- */

static int
scrub_file(const char *path, struct erasure *e)
{
	sqlite3 *h;
	int rc;

	rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(h, DB_BUSY_TIMEOUT_MS);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, "PRAGMA secure_delete = ON; BEGIN IMMEDIATE",
		    NULL, NULL, NULL);
	if (rc == SQLITE_OK && (rc = rewrite(h, e, 1)) == SQLITE_OK)
		rc = sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		err_set(ST_FAIL, _("%s: cannot erase the data from this "
		    "automatic backup: %s"), path, sqlite3_errmsg(h));
		sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_close(h);
	return rc == SQLITE_OK ? ST_OK : ST_FAIL;
}

/* FILE.bak-vN beside the database PATH. */
static int
is_backup(const char *entry, const char *base)
{
	size_t n = strlen(base);

	return strncmp(entry, base, n) == 0 &&
	    strncmp(entry + n, ".bak-v", 6) == 0 && entry[n + 6] != '\0' &&
	    strspn(entry + n + 6, "0123456789") == strlen(entry + n + 6);
}

static int
scrub_backups(const char *path, struct erasure *e, int *count)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	char dir[4096], file[4096 + 256];
	struct dirent *d;
	DIR *dp;
	int rc = ST_OK;

	snprintf(dir, sizeof dir, "%.*s", slash != NULL ?
	    (int)(slash - path) + (slash == path) : 1, slash != NULL ? path : ".");
	if ((dp = opendir(dir)) == NULL)
		return err_sys(ST_FAIL, _("%s: cannot look for automatic "
		    "backups"), dir);
	while (rc == ST_OK && (d = readdir(dp)) != NULL)
		if (is_backup(d->d_name, base)) {
			snprintf(file, sizeof file, "%s/%s", dir, d->d_name);
			if ((rc = scrub_file(file, e)) == ST_OK)
				(*count)++;
		}
	closedir(dp);
	return rc;
}

/* ---- the whole erasure ---------------------------------------------- */

static int
erase_in_db(struct db *db, struct erasure *e, struct erase_report *r)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = rewrite(db_sqlite(db), e, 0)) != SQLITE_OK)
		rc = db_fail(db, rc);
	else
		rc = changelog_add(db, NULL, "stakeholder.erase", e->pseudonym,
		    "%ld", e->texts);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db)) != ST_OK)
		return rc;
	r->texts = e->texts;
	/* The old pages are still in the -wal file until a checkpoint
	 * copies the new ones over them and the file is emptied. */
	rc = sqlite3_wal_checkpoint_v2(db_sqlite(db), NULL,
	    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	r->wal_busy = rc != SQLITE_OK;
	return ST_OK;
}

int
erase_stakeholder(struct db *db, const char *name, struct erase_report *r)
{
	struct stakeholder s;
	struct erasure e;
	char *key;
	int rc;

	memset(r, 0, sizeof *r);
	memset(&e, 0, sizeof e);
	if ((rc = stakeholder_find(db, name, &s)) != ST_OK)
		return rc;
	snprintf(r->pseudonym, sizeof r->pseudonym, "[erased %lld]",
	    (long long)s.id);
	if ((key = utf8_key(r->pseudonym)) == NULL) {
		stakeholder_free(&s);
		return err_set(ST_FAIL, "%s", _("out of memory"));
	}
	e.key = s.key;
	e.pseudonym = r->pseudonym;
	e.pseudonym_key = key;
	needles(&e, s.name, s.contact);
	/* The backups first: once the register forgets the name, a second
	 * run could not find it in them. */
	if ((rc = scrub_backups(db_path(db), &e, &r->backups)) == ST_OK)
		rc = erase_in_db(db, &e, r);
	free(key);
	stakeholder_free(&s);
	return rc;
}
