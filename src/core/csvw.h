/* csvw.h: writing CSV cells with libcsv, neutralising spreadsheet
 * formulas (CONTRACT.md) in a way import undoes, so that export then
 * import is the identity. */
#ifndef MEERSTEM_CSVW_H
#define MEERSTEM_CSVW_H

#include <stdio.h>

/* Write one row of N cells (NULL is an empty cell) and a CRLF-free
 * line end. Returns ST_OK or ST_FAIL when the stream fails. */
int csvw_row(FILE *fp, char delim, const char *const *cells, int n);
/* True when a cell must get a leading ' to stop a spreadsheet running
 * it: it starts with = + - @ tab or CR, or with ' before such a start. */
int csvw_needs_guard(const char *cell);
/* Undo the guard on import: the text after the ' if it was added. */
const char *csvw_unguard(const char *cell);

#endif
