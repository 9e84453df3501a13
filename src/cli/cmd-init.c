/* cmd-init.c: create the database, or upgrade it, and load the
 * catalogue into it. Running it again reloads the catalogue. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/catalogue.h"
#include "../core/db.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/paths.h"
#include "commands.h"

static int
load(struct cli *cli, const char *path)
{
	struct catalogue cat;
	int rc;

	/* Read the catalogue before creating anything: bad input changes
	 * nothing. */
	if ((rc = catalogue_read_file(&cat, path)) != ST_OK)
		return cli_report(rc);
	if ((rc = cli_open(cli, DB_CREATE)) == ST_OK) {
		rc = cli_report(catalogue_store(cli->db, &cat));
		if (rc == ST_OK)
			printf(_("%s: schema version %d, %zu phases, %zu forms\n"),
			    cli->db_path, db_schema_version(), cat.n_phases,
			    cat.n_forms);
	}
	catalogue_free(&cat);
	return rc;
}

static int
run(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "catalogue", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 }
	};
	const char *path = NULL;
	char *shipped;
	int c, rc;

	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'C')
			return cli_bad_option(cli, c, argv);
		path = optarg;
	}
	if (optind != argc)
		return cli_usage(cli, _("unexpected argument '%s'"), argv[optind]);
	if (cli->read_only)
		return cli_usage(cli, "%s", _("init changes the database; it "
		    "cannot run with --read-only"));
	if (path != NULL)
		return load(cli, path);
	if ((shipped = paths_data_file("catalogue.ini")) == NULL)
		return cli_report(err_status());
	rc = load(cli, shipped);
	free(shipped);
	return rc;
}

const struct command cmd_init = {
	"init", "[--catalogue FILE]",
	N_("create or upgrade the database and load the catalogue of forms and phases"),
	run
};
