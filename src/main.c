/* main.c: meerstem's entry point: set up the locale and messages, then
 * hand over to the command line, which opens the interface when no
 * command is given. */
#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>

#include "cli/cli.h"
#include "core/i18n.h"

/* The fuzzing harnesses link the whole program but this function. */
#ifndef MEERSTEM_NO_MAIN
int
main(int argc, char **argv)
{
#ifdef M_TRIM_THRESHOLD
	/* SQLite takes and frees some 90 KiB for every statement that
	 * writes inside a transaction; glibc would hand that back to the
	 * kernel and take it again each time (a brk pair per row of an
	 * import). Keep up to 4 MiB of free heap instead. */
	mallopt(M_TRIM_THRESHOLD, 4 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
#endif
	/* Past the file-size limit (ulimit -f) a write should fail with
	 * EFBIG and be reported, not kill us halfway through. */
	signal(SIGXFSZ, SIG_IGN);
	i18n_init();
	return cli_main(argc, argv);
}
#endif
