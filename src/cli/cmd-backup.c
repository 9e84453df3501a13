/* cmd-backup.c: a consistent copy of the database while it is in use,
 * with SQLite's online backup. */
#include "config.h"

#include <stdio.h>

#include "../core/db.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "commands.h"

static int
run(struct cli *cli, int argc, char **argv)
{
	int rc;

	if (argc != 2)
		return cli_usage(cli, "%s", argc < 2 ? _("missing backup file") :
		    _("too many arguments"));
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	return cli_report(db_backup(cli->db, argv[1]));
}

const struct command cmd_backup = {
	"backup", "FILE",
	N_("write a consistent copy of the database to FILE (- for standard output)"),
	run
};
