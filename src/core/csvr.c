/* csvr.c: the CSV reader (see csvr.h). libcsv does the quoting; this
 * file feeds it one line at a time, so that every cell it hands back
 * can be given a line number, and checks what libcsv lets through:
 * NUL bytes, invalid UTF-8, rows of the wrong width, huge cells. */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvr.h"
#include "csvw.h"
#include "error.h"
#include "i18n.h"
#include "utf8.h"

#define BLOCK 65536

struct csvr {
	FILE *fp;
	char *name;
	struct csv_parser p;
	int parser_ready;
	iconv_t cd;			/* (iconv_t)-1 without --encoding */
	const char *encoding;
	char raw[BLOCK];		/* bytes read, not yet converted */
	size_t raw_len;
	char *buf;			/* UTF-8 text not yet parsed */
	size_t pos, len, cap;
	int eof;
	long line;			/* line of the text at buf + pos */
	long row_line;			/* line the current row started on */
	long quote_line;		/* where an open quoted cell began */
	/* The row being read: cells end to end, each NUL-terminated. */
	char *cells;
	size_t cells_len, cells_cap;
	size_t *off;
	long *cell_line;
	int ncells, max_cells;
	int row_ready;
	int finished;			/* csv_fini was called */
	int failed;			/* a callback set the error */
	char **head;
	int ncols;
};

const char *
csvr_name(const struct csvr *r)
{
	return r->name;
}

long
csvr_line(const struct csvr *r)
{
	return r->ncells > 0 ? r->cell_line[0] : r->line;
}

static long
cell_line(const struct csvr *r, int col)
{
	return col >= 0 && col < r->ncells ? r->cell_line[col] : csvr_line(r);
}

int
csvr_error(struct csvr *r, int col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (col < 0)
		return err_set(ST_INPUT, "%s:%ld: %s", r->name, csvr_line(r), msg);
	return err_set(ST_INPUT, "%s:%ld:%d: %s", r->name, cell_line(r, col),
	    col + 1, msg);
}

int
csvr_fail(struct csvr *r, int col)
{
	if (col < 0)
		err_prefix("%s:%ld: ", r->name, csvr_line(r));
	else
		err_prefix("%s:%ld:%d: ", r->name, cell_line(r, col), col + 1);
	return err_status();
}

/* ---- libcsv callbacks ------------------------------------------------ */

/* Line breaks inside a quoted cell: LF, and CR not followed by LF. */
static long
breaks(const char *s, size_t n)
{
	const char *p, *end = s + n;
	long k = 0;

	for (p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		k++;
	for (p = s; (p = memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
		if (p + 1 == end || p[1] != '\n')
			k++;
	return k;
}

static int
grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp, *n;
	size_t c = *cap > 0 ? *cap : 16;

	if (need <= *cap)
		return ST_OK;
	while (c < need)
		c *= 2;
	if ((n = realloc(*p, c * size)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	*p = n;
	*cap = c;
	return ST_OK;
}

/* Copy a cell, with its line breaks (CRLF, lone CR) as LF, as text
 * keeps them whatever file it came from; returns the length. */
static size_t
copy_text(char *dst, const char *src, size_t n)
{
	const char *cr;
	size_t o = 0, k;

	while (n > 0 && (cr = memchr(src, '\r', n)) != NULL) {
		k = (size_t)(cr - src);
		memcpy(dst + o, src, k);
		o += k;
		dst[o++] = '\n';
		k += cr + 1 < src + n && cr[1] == '\n' ? 2 : 1;
		src += k;
		n -= k;
	}
	if (n > 0)
		memcpy(dst + o, src, n);
	o += n;
	dst[o] = '\0';
	return o;
}

static void
on_cell(void *data, size_t n, void *arg)
{
	struct csvr *r = arg;
	size_t bad, cap;
	int col = r->ncells, multi;

	if (r->failed)
		return;
	if (r->ncells == 0)
		r->cells_len = 0;
	if (col >= r->max_cells) {
		r->failed = 1;
		if (r->head == NULL)
			csvr_error(r, -1, _("more than %d columns"), r->max_cells);
		else
			csvr_error(r, -1, _("more cells than the %d columns of the "
			    "header"), r->ncols);
		return;
	}
	cap = (size_t)r->max_cells;
	if (r->off == NULL && (grow(&r->off, &(size_t){ 0 }, cap,
	    sizeof *r->off) || grow(&r->cell_line, &(size_t){ 0 }, cap,
	    sizeof *r->cell_line))) {
		r->failed = 1;
		return;
	}
	/* Only a row that spans lines can have line breaks in its cells. */
	multi = r->line != r->row_line;
	r->cell_line[col] = r->line - (multi && n > 0 ? breaks(data, n) : 0);
	r->ncells++;
	if (n > 0 && memchr(data, '\0', n) != NULL) {
		r->failed = 1;
		csvr_error(r, col, "%s", _("contains a NUL byte; this is not a "
		    "text file"));
		return;
	}
	if (!utf8_valid(data, n, &bad)) {
		r->failed = 1;
		if (r->encoding != NULL)
			csvr_error(r, col, "%s", _("invalid UTF-8"));
		else
			csvr_error(r, col, _("invalid UTF-8 (byte 0x%02x); if the "
			    "file is in another encoding, name it, for example "
			    "--encoding windows-1252"),
			    ((unsigned char *)data)[bad]);
		return;
	}
	if (grow(&r->cells, &r->cells_cap, r->cells_len + n + 1, 1) != ST_OK) {
		r->failed = 1;
		return;
	}
	r->off[col] = r->cells_len;
	if (multi)
		r->cells_len += copy_text(r->cells + r->cells_len, data, n) + 1;
	else {
		if (n > 0)
			memcpy(r->cells + r->cells_len, data, n);
		r->cells[r->cells_len + n] = '\0';
		r->cells_len += n + 1;
	}
}

static void
on_row(int c, void *arg)
{
	struct csvr *r = arg;

	(void)c;
	if (!r->failed)
		r->row_ready = 1;
}

/* ---- input -------------------------------------------------------------- */

static int
read_error(struct csvr *r)
{
	return err_sys(ST_FAIL, _("%s: cannot read"), r->name);
}

/* Room for N more bytes of text at buf + len. */
static int
room(struct csvr *r, size_t n)
{
	return grow(&r->buf, &r->cap, r->len + n, 1);
}

/* The line the text at buf + len would be on, for conversion errors. */
static long
line_at_end(const struct csvr *r)
{
	return r->line + breaks(r->buf + r->pos, r->len - r->pos);
}

static int
convert(struct csvr *r)
{
	char *in = r->raw, *out;
	size_t inleft = r->raw_len, outleft;

	while (inleft > 0) {
		if (room(r, 4 * inleft + 16) != ST_OK)
			return ST_FAIL;
		out = r->buf + r->len;
		outleft = r->cap - r->len;
		if (iconv(r->cd, &in, &inleft, &out, &outleft) != (size_t)-1) {
			r->len = r->cap - outleft;
			continue;
		}
		r->len = r->cap - outleft;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !r->eof)
			break;	/* a character cut by the block's end */
		return err_set(ST_INPUT, _("%s:%ld: not valid %s text (byte "
		    "0x%02x)"), r->name, line_at_end(r), r->encoding,
		    (unsigned char)*in);
	}
	memmove(r->raw, in, inleft);
	r->raw_len = inleft;
	return ST_OK;
}

/* Read the next block, keeping what is not yet parsed. */
static int
fill(struct csvr *r)
{
	size_t n;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	/* Also when converting: an empty file converts to nothing, and the
	 * parser must still have a buffer to point into (found by fuzzing). */
	if (room(r, BLOCK) != ST_OK)
		return ST_FAIL;
	if (r->cd == (iconv_t)-1) {
		n = fread(r->buf + r->len, 1, BLOCK, r->fp);
		r->len += n;
	} else {
		n = fread(r->raw + r->raw_len, 1, BLOCK - r->raw_len, r->fp);
		r->raw_len += n;
	}
	if (ferror(r->fp))
		return read_error(r);
	if (n == 0 || feof(r->fp))
		r->eof = 1;
	return r->cd == (iconv_t)-1 ? ST_OK : convert(r);
}

/* The next piece of text to parse: up to and including a line break
 * (LF, CRLF or a lone CR), or all there is. *BREAK says whether it ends
 * a line. A CR at the end is kept back until we know what follows. */
static size_t
segment(const struct csvr *r, int *brk)
{
	const char *s = r->buf + r->pos;
	size_t n = r->len - r->pos, i;

	/* Lines are short: a plain loop beats two memchr calls. */
	for (i = 0; i < n && s[i] != '\n' && s[i] != '\r'; i++)
		;
	*brk = i < n;
	if (i == n)
		return n;
	if (s[i] == '\n')
		return i + 1;
	if (i + 1 < n)
		return s[i + 1] == '\n' ? i + 2 : i + 1;
	/* A CR at the end: wait for what follows, unless nothing does. */
	*brk = r->eof;
	return r->eof ? n : i;
}

static int
parse_error(struct csvr *r)
{
	int col = r->ncells;

	if (csv_error(&r->p) == CSV_ENOMEM || csv_error(&r->p) == CSV_ETOOBIG)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return err_set(ST_INPUT, _("%s:%ld:%d: a quote inside a cell that is "
	    "not quoted, or after the closing quote; quote the whole cell and "
	    "double the quotes inside it"), r->name, r->line, col + 1);
}

/* Parse one segment; ST_OK, or the error set. */
static int
feed(struct csvr *r, size_t n, int brk)
{
	if (csv_parse(&r->p, r->buf + r->pos, n, on_cell, on_row, r) != n) {
		if (r->failed)
			return err_status();
		return parse_error(r);
	}
	if (r->failed)
		return err_status();
	r->pos += n;
	if (r->p.entry_pos > CSVR_MAX_CELL)
		return err_set(ST_INPUT, _("%s:%ld:%d: a cell longer than %d MiB"),
		    r->name, r->line, r->ncells + 1, CSVR_MAX_CELL >> 20);
	if (!r->p.quoted)
		r->quote_line = 0;
	else if (r->quote_line == 0)
		r->quote_line = r->line;
	if (brk)
		r->line++;
	return ST_OK;
}

static int
finish(struct csvr *r)
{
	if (r->finished)
		return ST_OK;
	r->finished = 1;
	if (csv_fini(&r->p, on_cell, on_row, r) != 0) {
		if (r->failed)
			return err_status();
		return err_set(ST_INPUT, _("%s:%ld:%d: a quoted cell is not "
		    "closed: the file ends inside it"), r->name, r->quote_line > 0 ?
		    r->quote_line : r->line, r->ncells + 1);
	}
	return r->failed ? err_status() : ST_OK;
}

/* Parse until a row is complete: 1, 0 at the end, -1 on error. */
static int
read_row(struct csvr *r)
{
	size_t n;
	int brk;

	r->ncells = 0;
	r->row_ready = 0;
	r->row_line = r->line;
	for (;;) {
		if (r->pos == r->len || (r->len - r->pos == 1 &&
		    r->buf[r->pos] == '\r' && !r->eof)) {
			if (r->eof) {
				if (finish(r) != ST_OK)
					return -1;
				return r->row_ready;
			}
			if (fill(r) != ST_OK)
				return -1;
			continue;
		}
		n = segment(r, &brk);
		if (feed(r, n, brk) != ST_OK)
			return -1;
		if (r->row_ready)
			return 1;
	}
}

/* ---- header and rows ----------------------------------------------------- */

/* The separator the header row uses most: comma, semicolon or tab. */
static char
detect(const struct csvr *r)
{
	static const char cand[] = ",;\t";
	const char *s = r->buf + r->pos, *end = r->buf + r->len;
	int count[3] = { 0, 0, 0 }, quoted = 0, i, best = 0;

	for (; s < end && (quoted || (*s != '\n' && *s != '\r')); s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (!quoted)
			for (i = 0; i < 3; i++)
				if (*s == cand[i])
					count[i]++;
	}
	for (i = 1; i < 3; i++)
		if (count[i] > count[best])
			best = i;
	return cand[best];
}

static int
check_header(struct csvr *r)
{
	int i, j;

	for (i = 0; i < r->ncols; i++) {
		if (*str_trim(r->head[i]) == '\0')
			return csvr_error(r, i, "%s", _("a column without a name in "
			    "the header row"));
		for (j = 0; j < i; j++)
			if (strcasecmp(r->head[i], r->head[j]) == 0)
				return csvr_error(r, i, _("column '%s' appears "
				    "twice (also column %d)"), r->head[i], j + 1);
	}
	return ST_OK;
}

static int
read_header(struct csvr *r, char delim)
{
	int i, rc;

	if ((rc = fill(r)) != ST_OK)
		return rc;
	if (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xef\xbb\xbf", 3) == 0)
		r->pos += 3;
	csv_set_delim(&r->p, (unsigned char)(delim != 0 ? delim : detect(r)));
	r->max_cells = CSVR_MAX_COLUMNS;
	if ((rc = read_row(r)) < 0)
		return err_status();
	if (rc == 0)
		return err_set(ST_INPUT, _("%s: empty file; expected a header row "
		    "naming the columns"), r->name);
	if ((r->head = calloc((size_t)r->ncells, sizeof *r->head)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	r->ncols = r->ncells;
	for (i = 0; i < r->ncols; i++)
		if ((r->head[i] = strdup(r->cells + r->off[i])) == NULL)
			return err_set(ST_FAIL, "%s", _("out of memory"));
	r->max_cells = r->ncols;
	return check_header(r);
}

static int
open_input(struct csvr *r, const char *path, const struct csvr_opts *o)
{
	int std = strcmp(path, "-") == 0;

	r->cd = (iconv_t)-1;
	if ((r->name = strdup(std ? "<stdin>" : path)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if (o->encoding != NULL && *o->encoding != '\0') {
		r->encoding = o->encoding;
		if ((r->cd = iconv_open("UTF-8", o->encoding)) == (iconv_t)-1)
			return err_set(ST_INPUT, _("unknown encoding '%s' (see "
			    "iconv --list)"), o->encoding);
	}
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	r->parser_ready = 1;
	/* libcsv grows a cell's buffer by this much at a time. */
	csv_set_blk_size(&r->p, BLOCK);
	if (std)
		r->fp = stdin;
	else if ((r->fp = fopen(path, "rb")) == NULL)
		return err_sys(errno == ENOENT || errno == EISDIR ||
		    errno == EACCES ? ST_INPUT : ST_FAIL, "%s", path);
	r->line = 1;
	return ST_OK;
}

int
csvr_open(struct csvr **out, const char *path, const struct csvr_opts *o)
{
	struct csvr *r = calloc(1, sizeof *r);
	int rc;

	*out = NULL;
	if (r == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if (o->delimiter != 0 && strchr(",;\t", o->delimiter) == NULL) {
		free(r);
		return err_set(ST_INPUT, "%s", _("the separator must be a comma, "
		    "a semicolon or a tab"));
	}
	if ((rc = open_input(r, path, o)) != ST_OK ||
	    (rc = read_header(r, o->delimiter)) != ST_OK) {
		csvr_close(r);
		return rc;
	}
	*out = r;
	return ST_OK;
}

void
csvr_close(struct csvr *r)
{
	int i;

	if (r == NULL)
		return;
	if (r->fp != NULL && r->fp != stdin)
		fclose(r->fp);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->parser_ready)
		csv_free(&r->p);
	for (i = 0; i < r->ncols; i++)
		free(r->head[i]);
	free(r->head);
	free(r->name);
	free(r->buf);
	free(r->cells);
	free(r->off);
	free(r->cell_line);
	free(r);
}

int
csvr_columns(const struct csvr *r)
{
	return r->ncols;
}

const char *
csvr_column(const struct csvr *r, int i)
{
	return r->head[i];
}

int
csvr_mapped(const struct csvr_col *cols, int n, int i)
{
	int k;

	for (k = 0; k < n; k++)
		if (cols[k].index == i)
			return 1;
	return 0;
}

int
csvr_map(struct csvr *r, struct csvr_col *cols, int n, int extra)
{
	char list[512];
	size_t len = 0;
	int i, k;

	for (k = 0; k < n; k++) {
		cols[k].index = -1;
		for (i = 0; i < r->ncols; i++)
			if (strcasecmp(r->head[i], cols[k].name) == 0)
				cols[k].index = i;
		len += (size_t)snprintf(list + len, len < sizeof list ?
		    sizeof list - len : 0, "%s%s", k > 0 ? ", " : "",
		    cols[k].name);
	}
	/* The header row is line 1 of what was read: errors point there. */
	for (i = 0; !extra && i < r->ncols; i++)
		if (!csvr_mapped(cols, n, i))
			return err_set(ST_INPUT, _("%s:%ld:%d: unknown column '%s'; "
			    "the columns are %s"), r->name, r->ncols > 0 ?
			    r->cell_line[i] : 1L, i + 1, r->head[i], list);
	for (k = 0; k < n; k++)
		if (cols[k].required && cols[k].index < 0)
			return err_set(ST_INPUT, _("%s:%ld: missing column '%s'"),
			    r->name, r->ncols > 0 ? r->cell_line[0] : 1L,
			    cols[k].name);
	return ST_OK;
}

int
csvr_next(struct csvr *r)
{
	int rc = read_row(r);

	if (rc > 0 && r->ncells < r->ncols) {
		csvr_error(r, -1, _("%d cells, but the header has %d columns"),
		    r->ncells, r->ncols);
		return -1;
	}
	return rc;
}

char *
csvr_cell(struct csvr *r, int i)
{
	char *c;

	if (i < 0 || i >= r->ncells)
		return NULL;
	c = r->cells + r->off[i];
	return (char *)csvw_unguard(c);
}
