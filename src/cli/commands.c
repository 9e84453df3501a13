/* commands.c: the table of commands, in the order --help lists them. */
#include "config.h"

#include <stddef.h>

#include "cli.h"
#include "commands.h"

const struct command *const commands[] = {
	&cmd_init,
	&cmd_trajectory_add,
	&cmd_trajectory_list,
	&cmd_trajectory_show,
	&cmd_import,
	&cmd_export,
	&cmd_gaps,
	&cmd_summary,
	&cmd_catalogue,
	&cmd_check,
	&cmd_backup,
	&cmd_erase,
	NULL
};
