/* main.c: meerstem's entry point: set up the locale and messages, then
 * hand over to the command line, which opens the interface when no
 * command is given. */
#include "config.h"

#include <signal.h>

#include "cli/cli.h"
#include "core/i18n.h"

/* The fuzzing harnesses link the whole program but this function. */
#ifndef MEERSTEM_NO_MAIN
int
main(int argc, char **argv)
{
	/* Past the file-size limit (ulimit -f) a write should fail with
	 * EFBIG and be reported, not kill us halfway through. */
	signal(SIGXFSZ, SIG_IGN);
	i18n_init();
	return cli_main(argc, argv);
}
#endif
