/* csvr.h: reading CSV files (RFC 4180) with libcsv, in blocks, so that
 * memory does not grow with the file, and with the line and column of
 * every cell for messages. Accepts a UTF-8 byte-order mark, LF, CRLF
 * and lone CR line ends, comma, semicolon or tab separators (detected
 * from the header row), and any encoding iconv knows. */
#ifndef MEERSTEM_CSVR_H
#define MEERSTEM_CSVR_H

#include <stddef.h>

#define CSVR_MAX_COLUMNS 1024
#define CSVR_MAX_CELL (16 * 1024 * 1024)	/* bytes in one cell */

struct csvr;

struct csvr_opts {
	char delimiter;		/* ',' ';' or '\t'; 0: detect */
	const char *encoding;	/* an iconv name; NULL: UTF-8 */
};

/* A column an import knows. csvr_map sets INDEX to its position in the
 * file, or -1 when the file does not have it. */
struct csvr_col {
	const char *name;
	int required;
	int index;
};

/* Open PATH ("-" is standard input) and read its header row. ST_INPUT
 * names the file, line and column of anything wrong with it. */
int csvr_open(struct csvr **out, const char *path, const struct csvr_opts *o);
void csvr_close(struct csvr *r);

/* The header: number of columns and their names (trimmed). */
int csvr_columns(const struct csvr *r);
const char *csvr_column(const struct csvr *r, int i);
/* Match the header against COLS by name, ignoring ASCII case: an
 * unknown column is an error unless EXTRA is set; a missing required
 * one always is. */
int csvr_map(struct csvr *r, struct csvr_col *cols, int n, int extra);
/* True when column I of the file is one of COLS (after csvr_map). */
int csvr_mapped(const struct csvr_col *cols, int n, int i);

/* Read the next row: 1 when there is one, 0 at the end of the file,
 * -1 with the error set (naming file, line and column). Every row has
 * as many cells as the header; blank lines are skipped. */
int csvr_next(struct csvr *r);
/* Cell I of the current row, NUL-terminated and valid UTF-8, its line
 * breaks as LF, with the formula guard of an export removed
 * (csvw_unguard); NULL when I < 0.
 * The text belongs to the reader and may be changed until the next row. */
char *csvr_cell(struct csvr *r, int i);
/* The line the current row starts on. */
long csvr_line(const struct csvr *r);

/* Record an error at cell COL of the current row (-1: the row) as
 * "FILE:LINE:COLUMN: message" and return ST_INPUT. */
int csvr_error(struct csvr *r, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Put the position of cell COL (or the row, -1) in front of the
 * recorded error; returns its status. */
int csvr_fail(struct csvr *r, int col);
/* The file's name in messages ("<stdin>" for standard input). */
const char *csvr_name(const struct csvr *r);

#endif
