/* export.h: writing a trajectory's records as CSV or JSON, with the
 * columns of CONTRACT.md, so that export then import is the identity. */
#ifndef MEERSTEM_EXPORT_H
#define MEERSTEM_EXPORT_H

#include <stdio.h>

#include "out.h"

struct db;

/* The import kinds, then "matrix"; NULL-terminated. */
extern const char *const export_kinds[];

/* ST_OK if KIND is one of export_kinds, else ST_INPUT listing them. */
int export_check_kind(const char *kind);
/* Whether an export of KIND names people (written with mode 0600). */
int export_personal(const char *kind);

/* Write KIND of trajectory CODE to FP as OUT_CSV (cells separated by
 * DELIM) or OUT_JSON (an array of objects with the CSV's columns as
 * keys). Records come in the order they were entered, so that a file
 * imported into an empty database exports as it was. With ANONYMISE,
 * people's names become pseudonyms that are the same in every kind and
 * every run ("Person 17", "Member 3"; anonymise.h), contacts are left
 * out, and free text loses the names and contacts it mentions; the
 * file still imports. */
int export_write(struct db *db, const char *kind, const char *code, FILE *fp,
    enum out_format f, char delim, int anonymise);

#endif
