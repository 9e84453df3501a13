/* cmd-export.c: export one kind of a trajectory's records as CSV or
 * JSON, to a file (written beside it and renamed into place) or to
 * standard output. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "../core/export.h"
#include "../core/gap.h"
#include "../core/i18n.h"
#include "../core/outfile.h"
#include "commands.h"

static int
run(struct cli *cli, int argc, char **argv)
{
	enum { O_FORMAT = 1, O_DELIMITER, O_ANONYMISE };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, O_FORMAT },
		{ "delimiter", required_argument, NULL, O_DELIMITER },
		{ "output", required_argument, NULL, 'o' },
		{ "anonymise", no_argument, NULL, O_ANONYMISE },
		{ "anonymize", no_argument, NULL, O_ANONYMISE },
		{ NULL, 0, NULL, 0 }
	};
	enum out_format f = OUT_CSV;
	struct outfile *of;
	const char *path = "-";
	char delim = ',';
	size_t found;
	int ch, rc, gaps, anonymise = 0;

	while ((ch = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
		if (ch == O_FORMAT)
			rc = cli_format(cli, optarg, "csv,json", &f);
		else if (ch == O_DELIMITER)
			rc = cli_delimiter(cli, optarg, &delim);
		else if (ch == 'o') {
			path = optarg;
			rc = ST_OK;
		} else if (ch == O_ANONYMISE) {
			anonymise = 1;
			rc = ST_OK;
		} else
			return cli_bad_option(cli, ch, argv);
		if (rc != ST_OK)
			return rc;
	}
	if (argc - optind < 2)
		return cli_usage(cli, "%s", argc == optind ? _("missing kind") :
		    _("missing trajectory code"));
	if (argc - optind > 2)
		return cli_usage(cli, _("unexpected argument '%s'"),
		    argv[optind + 2]);
	/* The gap check's findings export like a kind, through its writer. */
	gaps = strcmp(argv[optind], "gaps") == 0;
	if (!gaps && export_check_kind(argv[optind]) != ST_OK)
		return cli_usage(cli, "%s", err_msg());
	if (gaps && delim != ',')
		return cli_usage(cli, "%s", _("export gaps writes commas only"));
	/* The gap check's findings name stakeholders as its subjects. */
	if (gaps && anonymise)
		return cli_usage(cli, "%s", _("export gaps cannot be anonymised"));
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	if ((rc = outfile_open(&of, path, export_personal(argv[optind]) ?
	    0600 : 0666)) != ST_OK)
		return cli_report(rc);
	if (gaps)
		rc = gap_write(cli->db, argv[optind + 1], &cli->cfg, f,
		    outfile_fp(of), &found);
	else
		rc = export_write(cli->db, argv[optind], argv[optind + 1],
		    outfile_fp(of), f, delim, anonymise);
	if (rc == ST_OK)
		rc = outfile_commit(of);
	else
		outfile_abort(of);
	return cli_report(rc);
}

const struct command cmd_export = {
	"export", "KIND CODE [-o FILE] [--format csv|json] [--delimiter C] "
	    "[--anonymise]",
	N_("export a trajectory's records as CSV or JSON; KIND as for import, "
	    "or matrix (sessions per form and phase) or gaps (the gap check); "
	    "--anonymise puts pseudonyms for people's names and leaves out "
	    "contact details"),
	run
};
