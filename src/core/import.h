/* import.h: importing the CSV files of CONTRACT.md into a trajectory,
 * every row or none, updating by key so that a second import of the
 * same file changes nothing. */
#ifndef MEERSTEM_IMPORT_H
#define MEERSTEM_IMPORT_H

#include "csvr.h"

struct db;

/* The kinds, in the order of CONTRACT.md, NULL-terminated. */
extern const char *const import_kinds[];

struct import_counts {
	long rows;
	long added, changed, unchanged;
	long replaced;		/* participants: earlier profiles replaced */
};

/* ST_OK if KIND is one of import_kinds, else ST_INPUT listing them. */
int import_check_kind(const char *kind);

/* Import PATH ("-": standard input) as KIND into trajectory CODE in one
 * transaction, logged as one change. An error names the file, line
 * and column, and leaves the database as it was. */
int import_csv(struct db *db, const char *kind, const char *code,
    const char *path, const struct csvr_opts *o, struct import_counts *c);

#endif
