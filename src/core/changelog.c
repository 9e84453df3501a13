/* changelog.c: writing the change log. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "db.h"
#include "error.h"
#include "utf8.h"

static const char sql_add[] =
    "INSERT INTO change_log (who, trajectory, action, subject, detail)"
    " VALUES (?, ?, ?, ?, ?)";

int
changelog_add(struct db *db, const char *trajectory, const char *action,
    const char *subject, const char *fmt, ...)
{
	sqlite3_stmt *st;
	char *detail = NULL;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&detail, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return err_set(ST_FAIL, "out of memory");
	if ((st = db_stmt(db, sql_add)) == NULL) {
		free(detail);
		return err_status();
	}
	rc = db_bind(db, st, "ttttt", db_who(db), trajectory, action,
	    subject != NULL ? subject : "", detail);
	if (rc == ST_OK)
		rc = db_step_done(db, st);
	free(detail);
	return rc;
}

#define DIFF_VALUE 40	/* bytes of a value kept in the log */

void
changelog_diff_init(struct changelog_diff *d)
{
	d->text[0] = '\0';
	d->len = 0;
}

/* S shortened to at most DIFF_VALUE bytes, cut on a character boundary,
 * with line breaks shown as spaces. */
static void
shorten(char *buf, size_t size, const char *s)
{
	size_t n = strlen(s), cut = n, i;

	if (n > DIFF_VALUE) {
		cut = DIFF_VALUE;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
	}
	snprintf(buf, size, "%.*s%s", (int)cut, s, cut < n ? "..." : "");
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')
			buf[i] = ' ';
}

void
changelog_diff_text(struct changelog_diff *d, const char *field,
    const char *before, const char *after)
{
	char a[DIFF_VALUE + 8], b[DIFF_VALUE + 8];
	size_t room = sizeof d->text - d->len;
	int n;

	before = before != NULL ? before : "";
	after = after != NULL ? after : "";
	if (strcmp(before, after) == 0 || room <= 4)
		return;
	shorten(a, sizeof a, before);
	shorten(b, sizeof b, after);
	n = snprintf(d->text + d->len, room, "%s%s: %s -> %s",
	    d->len > 0 ? "; " : "", field, a, b);
	if (n < 0 || (size_t)n >= room) {
		strcpy(d->text + sizeof d->text - 4, "...");
		d->len = sizeof d->text;
	} else
		d->len += (size_t)n;
}

void
changelog_diff_int(struct changelog_diff *d, const char *field,
    long long before, long long after)
{
	char a[24], b[24];

	if (before == after)
		return;
	snprintf(a, sizeof a, "%lld", before);
	snprintf(b, sizeof b, "%lld", after);
	changelog_diff_text(d, field, a, b);
}

const char *
changelog_diff_str(const struct changelog_diff *d)
{
	return d->len > 0 ? d->text : "no change";
}
