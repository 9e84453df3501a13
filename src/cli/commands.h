/* commands.h: every command's descriptor, one per cmd-*.c file. */
#ifndef MEERSTEM_COMMANDS_H
#define MEERSTEM_COMMANDS_H

#include "cli.h"

extern const struct command cmd_init;
extern const struct command cmd_trajectory_add;
extern const struct command cmd_trajectory_list;
extern const struct command cmd_trajectory_show;
extern const struct command cmd_import;
extern const struct command cmd_export;
extern const struct command cmd_gaps;
extern const struct command cmd_summary;
extern const struct command cmd_catalogue;
extern const struct command cmd_check;
extern const struct command cmd_backup;
extern const struct command cmd_erase;

#endif
