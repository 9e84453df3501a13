/* out.h: listings as aligned text, CSV or JSON, written row by row so
 * that a long listing never sits in memory. */
#ifndef MEERSTEM_OUT_H
#define MEERSTEM_OUT_H

#include <stdio.h>

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON, OUT_MD, OUT_HTML };

struct out_col {
	const char *key;	/* CSV header and JSON member: a stable code */
	const char *label;	/* text header: translated */
	int numeric;		/* right-aligned in text, a number in JSON */
};

struct out;

/* Parse a --format value among the comma-separated ALLOWED names. */
int out_format_parse(const char *name, const char *allowed, enum out_format *f);

struct out *out_begin(FILE *fp, enum out_format f, const struct out_col *cols,
    int ncols);
/* The same, with DELIM separating CSV cells instead of a comma. */
struct out *out_begin_delim(FILE *fp, enum out_format f, char delim,
    const struct out_col *cols, int ncols);
/* Cells may be NULL (empty text, empty CSV cell, JSON null). */
int out_row(struct out *o, const char *const *cells);
/* Write what is buffered, free O, report a failed stream. */
int out_end(struct out *o);
/* Free O without writing (after an error). */
void out_abort(struct out *o);

#endif
