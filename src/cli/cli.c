/* cli.c: global options, dispatch, --help and --version. */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/db.h"
#include "../core/demo.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/paths.h"
#include "../core/wrap.h"
#include "../tui/tui.h"
#include "cli.h"

static void
print_usage_line(FILE *fp, const char *prog)
{
	fprintf(fp, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), prog);
}

static void
help(const char *prog)
{
	const struct command *const *c;

	print_usage_line(stdout, prog);
	fputs(_("Keep track of whose voice is heard in the advisory trajectories "
	    "of the SER.\nWithout a command, open the interface.\n\n"), stdout);
	fputs(_("Options:\n"
	    "  -d, --database=FILE  use the database FILE (default: $MEERSTEM_DB,\n"
	    "                       else $XDG_DATA_HOME/meerstem/meerstem.db)\n"
	    "  -c, --config=FILE    read the configuration from FILE (default:\n"
	    "                       $XDG_CONFIG_HOME/meerstem/config.ini)\n"
	    "      --read-only      open the database read-only\n"
	    "      --demo           use the demo trajectory built from shipped data\n"
	    "  -h, --help           display this help and exit\n"
	    "  -V, --version        output version information and exit\n"),
	    stdout);
	fputs(_("\nCommands:\n"), stdout);
	for (c = commands; *c != NULL; c++) {
		char head[512];

		snprintf(head, sizeof head, "%s %s", (*c)->name, (*c)->args);
		/* Within 80 columns, as GNU tools print their help. */
		wrap_write(stdout, head, 2, 6, 79);
		wrap_write(stdout, _((*c)->help), 6, 6, 79);
	}
	fputs(_("\nExit status: 0 success; 1 the gap check found gaps; 2 bad usage "
	    "or input\n(nothing was changed); 3 the database cannot be used; "
	    "4 other failures;\n5 a record changed underneath an edit.\n"),
	    stdout);
	fputs(_("\nSee meerstem(1) and meerstem(5) for the details.\n"), stdout);
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, PACKAGE_VERSION);
	fputs(_("Copyright (C) 2026 the meerstem authors.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

int
cli_usage(struct cli *cli, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (cli->cmd != NULL)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, cli->cmd->name, msg);
	else
		fprintf(stderr, "%s: %s\n", PACKAGE, msg);
	if (cli->cmd != NULL)
		fprintf(stderr, _("Usage: %s %s %s\n"), cli->prog, cli->cmd->name,
		    cli->cmd->args);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), cli->prog);
	return ST_INPUT;
}

int
cli_format(struct cli *cli, const char *name, const char *allowed,
    enum out_format *f)
{
	if (out_format_parse(name, allowed, f) != ST_OK)
		return cli_usage(cli, "%s", err_msg());
	return ST_OK;
}

int
cli_delimiter(struct cli *cli, const char *arg, char *delim)
{
	static const char *const names[] = { "comma", "semicolon", "tab" };
	static const char chars[] = ",;\t";
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(arg, names[i]) == 0 ||
		    (arg[0] == chars[i] && arg[1] == '\0') ||
		    (i == 2 && strcmp(arg, "\\t") == 0)) {
			*delim = chars[i];
			return ST_OK;
		}
	return cli_usage(cli, _("bad delimiter '%s': expected ',', ';' or "
	    "tab"), arg);
}

int
cli_bad_option(struct cli *cli, int c, char **argv)
{
	if (c == ':')
		return cli_usage(cli, _("option '%s' needs an argument"),
		    argv[optind - 1]);
	return cli_usage(cli, _("unknown option '%s'"), argv[optind - 1]);
}

int
cli_report(int rc)
{
	if (rc != ST_OK && rc != ST_FOUND && err_msg()[0] != '\0')
		fprintf(stderr, "%s: %s\n", PACKAGE, err_msg());
	return rc;
}

int
cli_open(struct cli *cli, unsigned flags)
{
	int rc;

	if (cli->dry_run)
		return CLI_STOPPED;
	if (cli->read_only)
		flags |= DB_READONLY;
	if ((flags & DB_CREATE) && (rc = paths_make_parent(cli->db_path)) != ST_OK)
		return cli_report(rc);
	return cli_report(db_open(&cli->db, cli->db_path, flags));
}

/* The command named by ARGV (one or two words), or NULL. */
static const struct command *
find_command(int argc, char **argv, int *words)
{
	const struct command *const *c;
	size_t n;

	for (c = commands; *c != NULL; c++) {
		const char *name = (*c)->name, *space = strchr(name, ' ');

		if (space == NULL) {
			if (strcmp(name, argv[0]) == 0) {
				*words = 1;
				return *c;
			}
			continue;
		}
		n = (size_t)(space - name);
		if (strlen(argv[0]) == n && strncmp(name, argv[0], n) == 0 &&
		    argc > 1 && strcmp(space + 1, argv[1]) == 0) {
			*words = 2;
			return *c;
		}
	}
	return NULL;
}

/* "trajectory" alone, or with an unknown verb: list the verbs. */
static int
unknown_command(struct cli *cli, int argc, char **argv)
{
	const struct command *const *c;
	size_t n = strlen(argv[0]);
	int group = 0;

	for (c = commands; *c != NULL; c++)
		if (strncmp((*c)->name, argv[0], n) == 0 && (*c)->name[n] == ' ')
			group = 1;
	if (!group)
		return cli_usage(cli, _("unknown command '%s'"), argv[0]);
	fprintf(stderr, "%s: %s: %s\n", PACKAGE, argv[0], argc > 1 ?
	    _("unknown subcommand") : _("missing subcommand"));
	for (c = commands; *c != NULL; c++)
		if (strncmp((*c)->name, argv[0], n) == 0 && (*c)->name[n] == ' ')
			fprintf(stderr, _("Usage: %s %s %s\n"), cli->prog,
			    (*c)->name, (*c)->args);
	return ST_INPUT;
}

static int
load_config(struct cli *cli)
{
	char *path;
	int rc = ST_OK;

	cfg_defaults(&cli->cfg);
	if (cli->cfg_arg != NULL)
		return cli_report(cfg_load(&cli->cfg, cli->cfg_arg));
	if ((path = paths_user_config()) != NULL) {
		rc = cli_report(cfg_load(&cli->cfg, path));
		free(path);
	}
	return rc;
}

static int
resolve_db(struct cli *cli, const char *arg)
{
	if (cli->demo && arg != NULL)
		return cli_usage(cli, "%s", _("--demo and --database exclude each other"));
	if (arg != NULL && *arg == '\0')
		return cli_usage(cli, "%s", _("the database file name is empty"));
	if (arg != NULL)
		cli->db_path = strdup(arg);
	else if (cli->demo)
		cli->db_path = paths_demo_db();
	else
		cli->db_path = paths_default_db();
	if (cli->db_path == NULL)
		return cli_report(err_status() != ST_OK ? err_status() : ST_FAIL);
	return ST_OK;
}

static int
parse_global(struct cli *cli, int argc, char **argv, const char **db_arg)
{
	enum { OPT_READ_ONLY = 256, OPT_DEMO };
	static const struct option longopts[] = {
		{ "database", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "read-only", no_argument, NULL, OPT_READ_ONLY },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:d:c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': *db_arg = optarg; break;
		case 'c': cli->cfg_arg = optarg; break;
		case OPT_READ_ONLY: cli->read_only = 1; break;
		case OPT_DEMO: cli->demo = 1; break;
		case 'h': help(cli->prog); return -1;
		case 'V': version(); return -1;
		case ':':
			return cli_usage(cli, _("option '%s' needs an argument"),
			    argv[optind - 1]);
		default:
			return cli_usage(cli, _("unknown option '%s'"),
			    argv[optind - 1]);
		}
	}
	return ST_OK;
}

int
cli_main(int argc, char **argv)
{
	return cli_run(argc, argv, 0);
}

int
cli_run(int argc, char **argv, unsigned flags)
{
	struct cli cli = { 0 };
	const struct command *cmd = NULL;
	const char *db_arg = NULL;
	int rc, words = 0;

	cli.prog = PACKAGE;
	cli.dry_run = (flags & CLI_DRY_RUN) != 0;
	optind = 0;	/* getopt starts afresh on every call */
	if ((rc = parse_global(&cli, argc, argv, &db_arg)) != ST_OK)
		return rc < 0 ? ST_OK : rc;
	if (optind < argc &&
	    (cmd = find_command(argc - optind, argv + optind, &words)) == NULL)
		return unknown_command(&cli, argc - optind, argv + optind);
	cli.cmd = cmd;
	if ((rc = resolve_db(&cli, db_arg)) != ST_OK)
		goto done;
	if ((rc = load_config(&cli)) != ST_OK)
		goto done;
	/* A dry run stops before anything opens the database or the screen. */
	if (cli.dry_run && (cli.demo || cmd == NULL)) {
		rc = CLI_STOPPED;
		goto done;
	}
	if (cli.demo && (rc = cli_report(demo_ensure(cli.db_path))) != ST_OK)
		goto done;
	if (cmd == NULL) {
		rc = cli_report(tui_main(cli.db_path, &cli.cfg, cli.read_only));
		goto done;
	}
	/* The command sees its last name word as argv[0], as getopt wants,
	 * and optind = 0 makes getopt start afresh. */
	argv += optind + words - 1;
	argc -= optind + words - 1;
	optind = 0;
	rc = cmd->run(&cli, argc, argv);
done:
	db_close(cli.db);
	cfg_free(&cli.cfg);
	free(cli.db_path);
	return rc;
}
