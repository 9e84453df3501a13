/* cmd-import.c: import a CSV file of one kind into a trajectory. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/import.h"
#include "commands.h"

static void
summary(const char *path, const char *kind, const struct import_counts *c)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	if (strcmp(kind, "participants") == 0)
		printf(ngettext("%s: %ld profile, replacing %ld\n",
		    "%s: %ld profiles, replacing %ld\n", (unsigned long)c->rows),
		    name, c->rows, c->replaced);
	else
		printf(ngettext("%s: %ld row: %ld added, %ld changed, "
		    "%ld unchanged\n", "%s: %ld rows: %ld added, %ld changed, "
		    "%ld unchanged\n", (unsigned long)c->rows), name, c->rows,
		    c->added, c->changed, c->unchanged);
}

static int
run(struct cli *cli, int argc, char **argv)
{
	enum { O_DELIMITER = 1, O_ENCODING };
	static const struct option longopts[] = {
		{ "delimiter", required_argument, NULL, O_DELIMITER },
		{ "encoding", required_argument, NULL, O_ENCODING },
		{ NULL, 0, NULL, 0 }
	};
	struct csvr_opts o = { 0, NULL };
	struct import_counts c;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (ch == O_DELIMITER) {
			if ((rc = cli_delimiter(cli, optarg, &o.delimiter)))
				return rc;
		} else if (ch == O_ENCODING)
			o.encoding = optarg;
		else
			return cli_bad_option(cli, ch, argv);
	}
	if (argc - optind < 3)
		return cli_usage(cli, "%s", argc - optind == 0 ? _("missing kind") :
		    argc - optind == 1 ? _("missing trajectory code") :
		    _("missing file"));
	if (argc - optind > 3)
		return cli_usage(cli, _("unexpected argument '%s'"),
		    argv[optind + 3]);
	if (import_check_kind(argv[optind]) != ST_OK)
		return cli_usage(cli, "%s", err_msg());
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	rc = import_csv(cli->db, argv[optind], argv[optind + 1],
	    argv[optind + 2], &o, &c);
	if (rc == ST_OK)
		summary(argv[optind + 2], argv[optind], &c);
	return cli_report(rc);
}

const struct command cmd_import = {
	"import", "KIND CODE FILE [--delimiter C] [--encoding NAME]",
	N_("import a CSV file (- for standard input) into a trajectory; KIND is "
	    "stakeholders, sessions, attendance, participants, benchmarks, "
	    "members or inputs"),
	run
};
