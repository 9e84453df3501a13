/* cmd-check.c: check the database file: SQLite's integrity and
 * foreign-key checks, the application id and the schema version. */
#include "config.h"

#include <stdio.h>

#include "../core/db.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "commands.h"

static void
problem(const char *check, const char *what, void *arg)
{
	(void)arg;
	printf("%s: %s\n", check, what);
}

static int
run(struct cli *cli, int argc, char **argv)
{
	int n, rc;

	if (argc > 1)
		return cli_usage(cli, _("unexpected argument '%s'"), argv[1]);
	/* Open read-only: a check must not upgrade or repair anything. */
	if ((rc = cli_open(cli, DB_READONLY)) != ST_OK)
		return rc;
	if ((n = db_check(cli->db, problem, NULL)) < 0)
		return cli_report(err_status());
	if (n > 0) {
		fprintf(stderr, _("%s: %s: %d problems found\n"), PACKAGE,
		    cli->db_path, n);
		return ST_DB;
	}
	printf(_("%s: ok (integrity, foreign keys, application id, schema "
	    "version %d)\n"), cli->db_path, db_schema_version());
	return ST_OK;
}

const struct command cmd_check = {
	"check", "",
	N_("check the database's integrity, foreign keys, application id and schema version"),
	run
};
