/* fuzz-cli.c: any argument list (the input split at NUL bytes) through
 * the command line, parsed and checked in full but stopped before the
 * database is opened (CLI_DRY_RUN). Beyond not crashing or leaking:
 * every refusal says why on standard error, prefixed "meerstem: ".
 * Arguments with a '/' are skipped: they would name files outside the
 * harness's private directory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/cli/cli.h"
#include "error.h"
#include "fuzz.h"

#define MAX_ARGS 64

static FILE *null_out, *err_out;

static void
setup(void)
{
	const char *dir = fuzz_dir();

	setenv("HOME", dir, 1);
	setenv("XDG_DATA_HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("MEERSTEM_DATADIR", dir, 1);
	unsetenv("MEERSTEM_DB");
	if ((null_out = fopen("/dev/null", "w")) == NULL ||
	    (err_out = fopen(".stderr", "w+")) == NULL) {
		perror("fuzz-cli");
		abort();
	}
}

/* Run ARGV with standard output discarded and standard error kept in
 * err_out (libFuzzer and the sanitizers still write to descriptor 2). */
static int
run(int argc, char **argv)
{
	FILE *out = stdout, *err = stderr;
	int rc;

	if (ftruncate(fileno(err_out), 0) != 0)
		abort();
	rewind(err_out);
	stdout = null_out;
	stderr = err_out;
	err_clear();
	rc = cli_run(argc, argv, CLI_DRY_RUN);
	fflush(stdout);
	fflush(stderr);
	stdout = out;
	stderr = err;
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy, *argv[MAX_ARGS + 2], head[16] = "";
	size_t i, start;
	int argc = 0, rc;

	if (null_out == NULL)
		setup();
	if (memchr(data, '/', size) != NULL)
		return 0;
	if ((copy = malloc(size + 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[argc++] = "meerstem";
	for (i = start = 0; i <= size && argc <= MAX_ARGS; i++)
		if (i == size || copy[i] == '\0') {
			if (i > start || i < size)
				argv[argc++] = copy + start;
			start = i + 1;
		}
	argv[argc] = NULL;
	rc = run(argc, argv);
	fuzz_assert(rc == CLI_STOPPED || (rc >= ST_OK && rc <= ST_FAIL),
	    "status %d", rc);
	if (rc > ST_OK) {
		rewind(err_out);
		if (fgets(head, sizeof head, err_out) == NULL)
			head[0] = '\0';
		fuzz_assert(strncmp(head, "meerstem: ", 10) == 0,
		    "status %d without a message", rc);
	}
	free(copy);
	return 0;
}
