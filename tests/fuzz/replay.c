/* replay.c: feed a harness the files of its seed corpus and of its
 * regressions (tests/fuzz/corpus/NAME, tests/fuzz/regressions/NAME, NAME
 * from the program's name replay-NAME), one TAP line each: the standing
 * test of every crash the fuzzer once found, with any compiler. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int n;

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
replay_file(const char *path, const char *label)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t size = 0, cap = 0, got;

	if (fp == NULL) {
		printf("not ok %d - %s: cannot read\n", ++n, label);
		return;
	}
	do {
		if (size == cap && (data = realloc(data, cap = cap * 2 + 4096)) == NULL)
			abort();
		got = fread(data + size, 1, cap - size, fp);
		size += got;
	} while (got > 0);
	fclose(fp);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	/* Reached only if the input neither crashed nor broke a promise. */
	printf("ok %d - %s\n", ++n, label);
	fflush(stdout);
}

static void
replay_dir(const char *dir, const char *kind)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, path[4096], label[512];
	size_t count = 0, i;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (count + 1) * sizeof *names)) == NULL ||
		    (names[count++] = strdup(e->d_name)) == NULL)
			abort();
	}
	closedir(d);
	if (count > 0)
		qsort(names, count, sizeof *names, by_name);
	for (i = 0; i < count; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		snprintf(label, sizeof label, "%s %s", kind, names[i]);
		replay_file(path, label);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	const char *src = getenv("TESTS_SRCDIR"), *name = strrchr(argv[0], '/');
	char dir[4096];

	name = name != NULL ? name + 1 : argv[0];
	if (strncmp(name, "replay-", 7) == 0)
		name += 7;
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			replay_file(argv[i], argv[i]);
	} else {
		if (src == NULL) {
			fprintf(stderr, "replay: run through make check (TESTS_SRCDIR)\n");
			return 1;
		}
		snprintf(dir, sizeof dir, "%s/fuzz/corpus/%s", src, name);
		replay_dir(dir, "seed");
		snprintf(dir, sizeof dir, "%s/fuzz/regressions/%s", src, name);
		replay_dir(dir, "regression");
	}
	printf("1..%d\n", n);
	return n > 0 ? 0 : 1;
}
