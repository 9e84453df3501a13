/* changelog.c: writing the change log. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "changelog.h"
#include "db.h"
#include "error.h"

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
