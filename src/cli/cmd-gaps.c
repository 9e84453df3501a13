/* cmd-gaps.c: the gap check of one trajectory, as text for people or
 * csv and json for scripts; exit status 1 when anything was found. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "../core/error.h"
#include "../core/gap.h"
#include "../core/i18n.h"
#include "commands.h"

static int
run(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum out_format f = OUT_TEXT;
	size_t found;
	int c, rc;

	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'f')
			return cli_bad_option(cli, c, argv);
		if ((rc = cli_format(cli, optarg, "text,csv,json", &f)) != ST_OK)
			return rc;
	}
	if (optind == argc)
		return cli_usage(cli, "%s", _("missing trajectory code"));
	if (optind + 1 < argc)
		return cli_usage(cli, _("unexpected argument '%s'"),
		    argv[optind + 1]);
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	rc = cli_report(gap_write(cli->db, argv[optind], &cli->cfg, f, stdout,
	    &found));
	return rc == ST_OK && found > 0 ? ST_FOUND : rc;
}

const struct command cmd_gaps = {
	"gaps", "CODE [--format text|csv|json]",
	N_("check a trajectory for missing voices; exit status 1 when a gap is found"),
	run
};
