/* fuzz.c: the harnesses' private directory and their failure report. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "fuzz.h"

static char dir[4096];
static char path[4200];

static void
remove_dir(void)
{
	if (path[0] != '\0')
		unlink(path);
	rmdir(dir);
}

static void
quiet(const char *msg, void *arg)
{
	(void)msg;
	(void)arg;
}

const char *
fuzz_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (dir[0] != '\0')
		return dir;
	snprintf(dir, sizeof dir, "%s/meerstem-fuzz.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		perror(dir);
		abort();
	}
	atexit(remove_dir);
	/* Warnings (unknown keys) are not failures; keep the log short. */
	err_set_warn(quiet, NULL);
	return dir;
}

const char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(path);
		abort();
	}
	return path;
}

void
fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: broken promise: %s: ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}
