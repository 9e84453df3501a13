/* out.c: tabular output (see out.h). Text tables size their columns
 * from the first rows only, then stream, so memory stays flat. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csvw.h"
#include "error.h"
#include "i18n.h"
#include "json.h"
#include "out.h"
#include "utf8.h"

#define SAMPLE_ROWS 200
#define MAX_WIDTH 48

struct out {
	FILE *fp;
	enum out_format f;
	char delim;
	const struct out_col *cols;
	int ncols;
	struct json json;
	int *width;
	char ***sample;		/* text: rows kept until the widths are known */
	int nsample;
	int streaming;
};

int
out_format_parse(const char *name, const char *allowed, enum out_format *f)
{
	static const char *const names[] = { "text", "csv", "json", "md", "html" };
	size_t len = strlen(name);
	const char *p;
	int i;

	/* An empty name would match everywhere and never move on. */
	for (p = allowed; len > 0 && (p = strstr(p, name)) != NULL; p += len)
		if ((p == allowed || p[-1] == ',') && (p[len] == ',' || p[len] == '\0'))
			for (i = 0; i < 5; i++)
				if (strcmp(names[i], name) == 0) {
					*f = (enum out_format)i;
					return ST_OK;
				}
	return err_set(ST_INPUT, _("bad format '%s': expected one of %s"),
	    name, allowed);
}

struct out *
out_begin(FILE *fp, enum out_format f, const struct out_col *cols, int ncols)
{
	return out_begin_delim(fp, f, ',', cols, ncols);
}

struct out *
out_begin_delim(FILE *fp, enum out_format f, char delim,
    const struct out_col *cols, int ncols)
{
	struct out *o = calloc(1, sizeof *o);
	const char *head[64];
	int i;

	if (o == NULL || ncols > 64) {
		free(o);
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	o->fp = fp;
	o->f = f;
	o->delim = delim;
	o->cols = cols;
	o->ncols = ncols;
	switch (f) {
	case OUT_CSV:
		for (i = 0; i < ncols; i++)
			head[i] = cols[i].key;
		csvw_row(fp, delim, head, ncols);
		break;
	case OUT_JSON:
		json_init(&o->json, fp, 1);
		json_begin_array(&o->json);
		break;
	default:
		o->width = calloc((size_t)ncols, sizeof *o->width);
		o->sample = calloc(SAMPLE_ROWS, sizeof *o->sample);
		if (o->width == NULL || o->sample == NULL) {
			out_abort(o);
			err_set(ST_FAIL, "%s", _("out of memory"));
			return NULL;
		}
		for (i = 0; i < ncols; i++)
			o->width[i] = utf8_width(cols[i].label);
	}
	return o;
}

/* Newlines and tabs would break a text table's rows. */
static char *
flatten(const char *s)
{
	char *t = strdup(s != NULL ? s : ""), *p;

	if (t == NULL)
		return NULL;
	for (p = t; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return t;
}

/* Padding is written only before something follows it, so lines
 * carry no trailing blanks. */
static void
put(FILE *fp, int *pending, const char *s, size_t n)
{
	if (n == 0)
		return;
	while (*pending > 0) {
		fputc(' ', fp);
		(*pending)--;
	}
	fwrite(s, 1, n, fp);
}

static void
text_line(struct out *o, const char *const *cells)
{
	int i, w, room, pending = 0;
	size_t fit;

	for (i = 0; i < o->ncols; i++) {
		const char *c = cells[i] != NULL ? cells[i] : "";
		int last = i == o->ncols - 1;

		w = utf8_width(c);
		room = o->width[i];
		if (i > 0)
			pending += 2;
		if (o->cols[i].numeric && !last && room > w)
			pending += room - w;
		if (!last && w > room) {
			fit = utf8_fit(c, room - 1);
			put(o->fp, &pending, c, fit);
			put(o->fp, &pending, "…", strlen("…"));
			w = utf8_width(c) - utf8_width(c + fit) + 1;
		} else
			put(o->fp, &pending, c, strlen(c));
		if (!o->cols[i].numeric && !last && room > w)
			pending += room - w;
	}
	fputc('\n', o->fp);
}

static void
text_flush(struct out *o)
{
	const char *head[64];
	int i, r;

	for (i = 0; i < o->ncols; i++)
		head[i] = o->cols[i].label;
	text_line(o, head);
	for (r = 0; r < o->nsample; r++) {
		text_line(o, (const char *const *)o->sample[r]);
		for (i = 0; i < o->ncols; i++)
			free(o->sample[r][i]);
		free(o->sample[r]);
	}
	o->nsample = 0;
	o->streaming = 1;
}

static int
text_row(struct out *o, const char *const *cells)
{
	char **copy;
	int i, w;

	if (o->streaming) {
		char *flat[64];

		for (i = 0; i < o->ncols; i++)
			flat[i] = flatten(cells[i]);
		text_line(o, (const char *const *)flat);
		for (i = 0; i < o->ncols; i++)
			free(flat[i]);
		return ST_OK;
	}
	if ((copy = calloc((size_t)o->ncols, sizeof *copy)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	for (i = 0; i < o->ncols; i++) {
		if ((copy[i] = flatten(cells[i])) == NULL) {
			while (i-- > 0)
				free(copy[i]);
			free(copy);
			return err_set(ST_FAIL, "%s", _("out of memory"));
		}
		w = utf8_width(copy[i]);
		if (w > o->width[i])
			o->width[i] = w > MAX_WIDTH ? MAX_WIDTH : w;
	}
	o->sample[o->nsample++] = copy;
	if (o->nsample == SAMPLE_ROWS)
		text_flush(o);
	return ST_OK;
}

static int
json_row(struct out *o, const char *const *cells)
{
	int i;

	json_begin_object(&o->json);
	for (i = 0; i < o->ncols; i++) {
		json_key(&o->json, o->cols[i].key);
		if (cells[i] == NULL)
			json_null(&o->json);
		else if (o->cols[i].numeric && *cells[i] != '\0')
			json_real(&o->json, strtod(cells[i], NULL));
		else
			json_string(&o->json, cells[i]);
	}
	json_end_object(&o->json);
	return ST_OK;
}

int
out_row(struct out *o, const char *const *cells)
{
	switch (o->f) {
	case OUT_CSV:
		return csvw_row(o->fp, o->delim, cells, o->ncols);
	case OUT_JSON:
		return json_row(o, cells);
	default:
		return text_row(o, cells);
	}
}

void
out_abort(struct out *o)
{
	int r, i;

	if (o == NULL)
		return;
	for (r = 0; r < o->nsample; r++) {
		for (i = 0; i < o->ncols; i++)
			free(o->sample[r][i]);
		free(o->sample[r]);
	}
	free(o->sample);
	free(o->width);
	free(o);
}

int
out_end(struct out *o)
{
	FILE *fp = o->fp;
	int rc = ST_OK;

	if (o->f == OUT_JSON) {
		json_end_array(&o->json);
		rc = json_finish(&o->json);
	} else if (o->f != OUT_CSV && !o->streaming)
		text_flush(o);
	out_abort(o);
	if (rc == ST_OK && (fflush(fp) != 0 || ferror(fp)))
		rc = err_sys(ST_FAIL, "%s", _("cannot write the output"));
	return rc;
}
