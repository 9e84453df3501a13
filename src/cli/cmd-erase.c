/* cmd-erase.c: erase one stakeholder's personal data everywhere, for a
 * request under the GDPR (AVG): see erase.h for what it touches. */
#include "config.h"

#include <stdio.h>

#include "../core/erase.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "commands.h"

static int
run(struct cli *cli, int argc, char **argv)
{
	struct erase_report r;
	int rc;

	if (argc != 2)
		return cli_usage(cli, "%s", argc < 2 ?
		    _("missing stakeholder name") : _("too many arguments"));
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	if ((rc = erase_stakeholder(cli->db, argv[1], &r)) != ST_OK)
		return cli_report(rc);
	printf(_("erased: the register entry is now '%s'; %ld texts "
	    "rewritten; %d automatic backups scrubbed\n"), r.pseudonym,
	    r.texts, r.backups);
	if (r.wal_busy)
		err_warn(_("%s: another process has the database open, so old "
		    "copies of the erased text stay in %s-wal until it closes; "
		    "run meerstem check then"), cli->db_path, cli->db_path);
	return ST_OK;
}

const struct command cmd_erase = {
	"erase", "NAME",
	N_("erase a stakeholder's name and contact everywhere: the register, "
	    "every mention, the change log, the automatic backups"),
	run
};
