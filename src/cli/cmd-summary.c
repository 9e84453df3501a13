/* cmd-summary.c: the one-page summary of a trajectory as text, Markdown
 * or a self-contained HTML page, to standard output or a file. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/outfile.h"
#include "../core/summary.h"
#include "commands.h"

static int
write_to(const struct summary *s, enum out_format f, const char *path)
{
	struct outfile *of;
	int rc;

	if ((rc = outfile_open(&of, path, 0666)) != ST_OK)
		return rc;
	if ((rc = summary_write(s, f, outfile_fp(of))) != ST_OK) {
		outfile_abort(of);
		return rc;
	}
	return outfile_commit(of);
}

static int
run(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	enum out_format f = OUT_TEXT;
	const char *path = "-";
	struct summary s;
	int c, rc;

	while ((c = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
		if (c == 'o')
			path = optarg;
		else if (c != 'f')
			return cli_bad_option(cli, c, argv);
		else if ((rc = cli_format(cli, optarg, "text,md,html", &f)) != ST_OK)
			return rc;
	}
	if (optind == argc)
		return cli_usage(cli, "%s", _("missing trajectory code"));
	if (optind + 1 < argc)
		return cli_usage(cli, _("unexpected argument '%s'"),
		    argv[optind + 1]);
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	/* Everything is read before the output file is touched. */
	if ((rc = summary_load(cli->db, argv[optind], &cli->cfg, 0, &s)) != ST_OK)
		return cli_report(rc);
	rc = write_to(&s, f, path);
	summary_free(&s);
	return cli_report(rc);
}

const struct command cmd_summary = {
	"summary", "CODE [--format text|md|html] [-o FILE]",
	N_("write the one-page summary of a trajectory for the council"),
	run
};
