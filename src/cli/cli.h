/* cli.h: the command line. Each command is a descriptor in one table
 * (commands.c), so that dispatch, --help and the man page agree. */
#ifndef MEERSTEM_CLI_H
#define MEERSTEM_CLI_H

#include "../core/cfg.h"
#include "../core/out.h"

struct db;

struct cli {
	const char *prog;
	int dry_run;			/* CLI_DRY_RUN: stop at cli_open */
	char *db_path;			/* resolved database file */
	const char *cfg_arg;		/* -c FILE, or NULL */
	int read_only;
	int demo;
	struct cfg cfg;
	struct db *db;
	const struct command *cmd;	/* the command being run */
};

struct command {
	const char *name;	/* "trajectory add" */
	const char *args;	/* what follows the name in a usage line */
	const char *help;	/* one line, marked with N_() */
	int (*run)(struct cli *cli, int argc, char **argv);
};

extern const struct command *const commands[];

int cli_main(int argc, char **argv);

/* cli_main with FLAGS. CLI_DRY_RUN parses and checks the options, the
 * command and its arguments, and reads the configuration, but stops
 * before the database is opened or any directory made (cli_open
 * returns CLI_STOPPED, and so does cli_run): the fuzzer's way in. */
enum { CLI_DRY_RUN = 1 };
#define CLI_STOPPED (-1)
int cli_run(int argc, char **argv, unsigned flags);

/* Open the database for the running command (DB_CREATE, DB_READONLY
 * flags; --read-only adds DB_READONLY). Reports errors itself. Every
 * command parses all its arguments before it calls this. */
int cli_open(struct cli *cli, unsigned flags);
/* Report a usage error for the running command; returns ST_INPUT. */
int cli_usage(struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print the recorded error (unless RC is ST_OK or ST_FOUND) and
 * return RC. */
int cli_report(int rc);
/* Report getopt's complaint C ('?' or ':', with an optstring starting
 * with ':') about the running command's options; returns ST_INPUT. */
int cli_bad_option(struct cli *cli, int c, char **argv);
/* Parse --format for the running command; ST_INPUT on a bad name. */
int cli_format(struct cli *cli, const char *name, const char *allowed,
    enum out_format *f);

/* Parse --delimiter: ',' ';' a tab, or comma, semicolon, tab. */
int cli_delimiter(struct cli *cli, const char *arg, char *delim);

#endif
