/* table.c: the list widget; see table.h. Rows are fetched after the
 * last row or before the first by key, so that every move is an index
 * seek; the position "row N of M" is exact when the page was reached
 * from either end and unknown after a search. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/vocab.h"
#include "table.h"

/* ---- rows ------------------------------------------------------------- */

static void
row_free(struct table_row *r)
{
	int i;

	for (i = 0; i < LISTING_MAX_COLUMNS; i++)
		free(r->cell[i]);
	listing_key_free(r->key);
	memset(r, 0, sizeof *r);
}

static int
row_copy(struct table_row *r, const struct listing_row *src, int ncols)
{
	int i;

	memset(r, 0, sizeof *r);
	r->id = src->id;
	if ((r->key = listing_key_dup(src->key)) == NULL)
		return ST_FAIL;
	for (i = 0; i < ncols; i++)
		if ((r->cell[i] = strdup(src->cell[i])) == NULL) {
			row_free(r);
			return err_set(ST_FAIL, "%s", _("out of memory"));
		}
	return ST_OK;
}

static void
clear_rows(struct table *tb)
{
	int i;

	for (i = 0; i < tb->nrows; i++)
		row_free(&tb->rows[i]);
	tb->nrows = 0;
}

/* Collected rows of one fetch, in the order they came. */
struct batch {
	struct table_row *v;
	int n, max, ncols, failed;
};

static int
collect(const struct listing_row *row, void *arg)
{
	struct batch *b = arg;

	if (b->n >= b->max)
		return 1;
	if (row_copy(&b->v[b->n], row, b->ncols) != ST_OK) {
		b->failed = 1;
		return 1;
	}
	b->n++;
	return 0;
}

static int
fetch(struct table *tb, const struct listing_key *from, int dir, int n,
    struct batch *b)
{
	int rc;

	b->v = NULL;
	b->n = 0;
	b->failed = 0;
	b->max = n;
	b->ncols = tb->ncols;
	if (n <= 0)
		return ST_OK;
	if ((b->v = calloc((size_t)n, sizeof *b->v)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	rc = listing_fetch(tb->list, from, dir, n, collect, b, NULL);
	if (rc == ST_OK && b->failed)
		rc = ST_FAIL;
	if (rc != ST_OK) {
		while (b->n > 0)
			row_free(&b->v[--b->n]);
		free(b->v);
		b->v = NULL;
	}
	return rc;
}

static void
batch_free(struct batch *b)
{
	while (b->n > 0)
		row_free(&b->v[--b->n]);
	free(b->v);
	b->v = NULL;
}

static int
ensure(struct table *tb, int n)
{
	struct table_row *p;

	if (n <= tb->cap)
		return ST_OK;
	if ((p = realloc(tb->rows, (size_t)n * sizeof *p)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	tb->rows = p;
	tb->cap = n;
	return ST_OK;
}

/* Add up to N rows before the first (DIR < 0) or after the last. */
static int
extend(struct table *tb, int dir, int n, int *got)
{
	struct batch b;
	const struct listing_key *from;
	int rc, i;

	*got = 0;
	if (tb->nrows == 0)
		from = NULL;
	else
		from = dir < 0 ? tb->rows[0].key : tb->rows[tb->nrows - 1].key;
	if (tb->nrows == 0 && dir < 0)
		return ST_OK;
	if ((rc = ensure(tb, tb->nrows + n)) != ST_OK ||
	    (rc = fetch(tb, from, dir, n, &b)) != ST_OK)
		return rc;
	if (dir < 0) {
		memmove(tb->rows + b.n, tb->rows, (size_t)tb->nrows *
		    sizeof *tb->rows);
		for (i = 0; i < b.n; i++)
			tb->rows[b.n - 1 - i] = b.v[i];
		if (tb->pos > 0)
			tb->pos -= b.n;
		if (b.n < n)
			tb->pos = 1;
	} else {
		for (i = 0; i < b.n; i++)
			tb->rows[tb->nrows + i] = b.v[i];
	}
	tb->nrows += b.n;
	*got = b.n;
	b.n = 0;
	batch_free(&b);
	return ST_OK;
}

/* Drop N rows from the front or the back. */
static void
drop(struct table *tb, int front, int n)
{
	int i;

	if (n > tb->nrows)
		n = tb->nrows;
	if (front) {
		for (i = 0; i < n; i++)
			row_free(&tb->rows[i]);
		memmove(tb->rows, tb->rows + n, (size_t)(tb->nrows - n) *
		    sizeof *tb->rows);
		if (tb->pos > 0)
			tb->pos += n;
	} else
		for (i = tb->nrows - n; i < tb->nrows; i++)
			row_free(&tb->rows[i]);
	tb->nrows -= n;
}

/* Fill the page: after the last row, then before the first. */
static int
fill(struct table *tb)
{
	int rc, got;

	if ((rc = ensure(tb, tb->height)) != ST_OK)
		return rc;
	if (tb->nrows < tb->height &&
	    (rc = extend(tb, 1, tb->height - tb->nrows, &got)) != ST_OK)
		return rc;
	if (tb->nrows < tb->height && tb->nrows > 0) {
		int before = tb->nrows;

		if ((rc = extend(tb, -1, tb->height - tb->nrows, &got)) != ST_OK)
			return rc;
		tb->cur += tb->nrows - before;
	}
	if (tb->nrows == 0)
		tb->pos = 0;
	if (tb->cur >= tb->nrows)
		tb->cur = tb->nrows > 0 ? tb->nrows - 1 : 0;
	return ST_OK;
}

/* ---- opening and reloading -------------------------------------------- */

/* The screens size their columns for the English headings; a translated
 * heading may be wider. Widen its column by what the translation adds,
 * taking the room from the flexible columns (down to FIT_FLOOR or their
 * own heading), so that the row stays as wide as the screen planned it
 * and the English layout is unchanged. */
#define FIT_FLOOR 8

static void
fit_headings(struct table *tb)
{
	int i, j, head[LISTING_MAX_COLUMNS];

	for (i = 0; i < tb->ncols; i++)
		head[i] = draw_width(_(tb->cols[i].label));
	for (i = 0; i < tb->ncols; i++) {
		int english = draw_width(tb->cols[i].label);
		int need = head[i] - (english > tb->min[i] ? english : tb->min[i]);

		for (j = 0; j < tb->ncols && need > 0; j++)
			while (j != i && tb->flex[j] && need > 0 &&
			    tb->min[j] > FIT_FLOOR && tb->min[j] > head[j]) {
				tb->min[j]--;
				tb->min[i]++;
				need--;
			}
	}
}

int
table_open(struct table *tb, struct tui *t, enum listing_kind kind,
    sqlite3_int64 owner, const int *min, const int *flex)
{
	int rc, i;

	memset(tb, 0, sizeof *tb);
	if ((rc = listing_open(&tb->list, t->db, kind, owner)) != ST_OK)
		return rc;
	tb->cols = listing_columns(tb->list, &tb->ncols);
	for (i = 0; i < tb->ncols; i++) {
		tb->min[i] = min[i];
		tb->flex[i] = flex[i];
	}
	fit_headings(tb);
	tb->height = tui_content_rows() > 2 ? tui_content_rows() - 2 : 1;
	return table_restart(tb);
}

void
table_close(struct table *tb)
{
	clear_rows(tb);
	free(tb->rows);
	free(tb->search);
	listing_close(tb->list);
	memset(tb, 0, sizeof *tb);
}

const struct table_row *
table_current(const struct table *tb)
{
	return tb->nrows > 0 ? &tb->rows[tb->cur] : NULL;
}

int
table_restart(struct table *tb)
{
	int rc;

	clear_rows(tb);
	tb->cur = 0;
	tb->pos = 1;
	if ((rc = listing_count(tb->list, &tb->total)) != ST_OK)
		return rc;
	return fill(tb);
}

int
table_reload(struct table *tb)
{
	struct batch b = { 0 };
	sqlite3_int64 id = tb->nrows > 0 ? tb->rows[tb->cur].id : 0;
	int rc, offset = tb->cur, i, before = 0;

	if ((rc = listing_count(tb->list, &tb->total)) != ST_OK)
		return rc;
	/* Start again from the row before the page, which stays the same
	 * key even if the page's rows changed. */
	if (tb->nrows > 0 && (rc = fetch(tb, tb->rows[0].key, -1, 1, &b)) != ST_OK)
		return rc;
	clear_rows(tb);
	if ((rc = ensure(tb, tb->height + 1)) != ST_OK) {
		batch_free(&b);
		return rc;
	}
	if (b.n == 1) {
		tb->rows[0] = b.v[0];
		tb->nrows = 1;
		b.n = 0;
		before = 1;
		if (tb->pos > 0)
			tb->pos--;
	} else
		tb->pos = 1;
	batch_free(&b);
	if ((rc = extend(tb, 1, tb->height, &i)) != ST_OK)
		return rc;
	if (before && tb->nrows > 1)
		drop(tb, 1, 1);
	tb->cur = 0;
	if ((rc = fill(tb)) != ST_OK)
		return rc;
	tb->cur = offset < tb->nrows ? offset : tb->nrows - 1;
	if (tb->cur < 0)
		tb->cur = 0;
	for (i = 0; i < tb->nrows; i++)
		if (tb->rows[i].id == id)
			tb->cur = i;
	return ST_OK;
}

/* ---- moving ------------------------------------------------------------- */

static int
move_down(struct table *tb, int n)
{
	int rc, got;

	while (n-- > 0) {
		if (tb->cur + 1 < tb->nrows) {
			tb->cur++;
			continue;
		}
		if ((rc = extend(tb, 1, 1, &got)) != ST_OK)
			return rc;
		if (got == 0) {
			if (tb->pos > 0 || tb->total > 0)
				tb->pos = tb->total - tb->nrows + 1;
			break;
		}
		if (tb->nrows > tb->height)
			drop(tb, 1, 1);
		tb->cur = tb->nrows - 1;
	}
	return ST_OK;
}

static int
move_up(struct table *tb, int n)
{
	int rc, got;

	while (n-- > 0) {
		if (tb->cur > 0) {
			tb->cur--;
			continue;
		}
		if ((rc = extend(tb, -1, 1, &got)) != ST_OK)
			return rc;
		if (got == 0)
			break;
		if (tb->nrows > tb->height)
			drop(tb, 0, 1);
		tb->cur = 0;
	}
	return ST_OK;
}

static int
page_down(struct table *tb)
{
	struct batch b;
	int rc, i, offset = tb->cur;

	if (tb->nrows == 0)
		return ST_OK;
	if ((rc = fetch(tb, tb->rows[tb->nrows - 1].key, 1, tb->height, &b)) != ST_OK)
		return rc;
	if (b.n == 0) {
		tb->cur = tb->nrows - 1;
		batch_free(&b);
		return ST_OK;
	}
	if (tb->pos > 0)
		tb->pos += tb->nrows;
	clear_rows(tb);
	for (i = 0; i < b.n; i++)
		tb->rows[i] = b.v[i];
	tb->nrows = b.n;
	b.n = 0;
	batch_free(&b);
	if (tb->nrows < tb->height && tb->total > 0)
		tb->pos = tb->total - tb->nrows + 1;
	tb->cur = offset;
	return fill(tb);
}

static int
page_up(struct table *tb)
{
	int rc, got, keep;

	if (tb->nrows == 0)
		return ST_OK;
	keep = tb->cur;
	/* Rows before the page become the page. */
	if ((rc = extend(tb, -1, tb->height, &got)) != ST_OK)
		return rc;
	if (got == 0) {
		tb->cur = 0;
		return ST_OK;
	}
	drop(tb, 0, tb->nrows - tb->height > 0 ? tb->nrows - tb->height : 0);
	tb->cur = keep < tb->nrows ? keep : tb->nrows - 1;
	return ST_OK;
}

static int
to_top(struct table *tb)
{
	clear_rows(tb);
	tb->cur = 0;
	tb->pos = 1;
	return fill(tb);
}

static int
to_bottom(struct table *tb)
{
	int rc, got;

	clear_rows(tb);
	tb->pos = 0;
	if ((rc = ensure(tb, tb->height)) != ST_OK)
		return rc;
	/* Read the last page backwards from the end. */
	{
		struct batch b;
		int i;

		if ((rc = fetch(tb, NULL, -1, tb->height, &b)) != ST_OK)
			return rc;
		for (i = 0; i < b.n; i++)
			tb->rows[b.n - 1 - i] = b.v[i];
		tb->nrows = got = b.n;
		b.n = 0;
		batch_free(&b);
	}
	tb->pos = got < tb->height ? 1 : tb->total - got + 1;
	tb->cur = tb->nrows > 0 ? tb->nrows - 1 : 0;
	return ST_OK;
}

/* Make ROW (a copy, taken over) the cursor row of a new page. */
static int
page_at(struct table *tb, struct table_row *row)
{
	int rc;

	clear_rows(tb);
	if ((rc = ensure(tb, tb->height)) != ST_OK) {
		row_free(row);
		return rc;
	}
	tb->rows[0] = *row;
	tb->nrows = 1;
	tb->cur = 0;
	tb->pos = 0;
	return fill(tb);
}

struct found {
	struct table_row row;
	int ncols, ok;
};

static int
take_found(const struct listing_row *row, void *arg)
{
	struct found *f = arg;

	f->ok = row_copy(&f->row, row, f->ncols) == ST_OK;
	return 1;
}

int
table_search(struct table *tb, struct tui *t, const char *text, int dir,
    int inclusive)
{
	struct found f = { .ncols = tb->ncols };
	struct batch b = { 0 };
	const struct listing_key *from = NULL;
	int rc = ST_OK, found = 0, wrapped = 0;

	if (text == NULL || *text == '\0')
		return 0;
	if (tb->nrows > 0 && !inclusive)
		from = tb->rows[tb->cur].key;
	else if (tb->nrows > 0) {
		/* From the row before the cursor: the cursor row counts. */
		rc = fetch(tb, tb->rows[tb->cur].key, -dir, 1, &b);
		if (rc == ST_OK && b.n == 1)
			from = b.v[0].key;
	}
	if (rc == ST_OK)
		rc = listing_find(tb->list, from, dir, text, take_found, &f,
		    &found);
	if (rc == ST_OK && !found && from != NULL) {
		wrapped = 1;
		rc = listing_find(tb->list, NULL, dir, text, take_found, &f,
		    &found);
	}
	batch_free(&b);
	if (rc != ST_OK) {
		tui_error(t, rc);
		return 0;
	}
	if (!found || !f.ok) {
		tui_message(t, _("not found: %s"), text);
		t->message_error = 1;
		return 0;
	}
	if (wrapped)
		tui_message(t, "%s", dir > 0 ? _("search wrapped to the top") :
		    _("search wrapped to the bottom"));
	if (page_at(tb, &f.row) != ST_OK)
		tui_error(t, err_status());
	return 1;
}

int
table_seek(struct table *tb, const char *text, sqlite3_int64 id)
{
	struct found f = { .ncols = tb->ncols };
	const struct listing_key *from = NULL;
	struct listing_key *k = NULL;
	int found, rc, tries;

	/* Several rows may contain TEXT: walk the matches to ID. */
	for (tries = 0; tries < 1000; tries++) {
		rc = listing_find(tb->list, from, 1, text, take_found, &f, &found);
		if (rc != ST_OK || !found || !f.ok)
			break;
		if (f.row.id == id) {
			listing_key_free(k);
			return page_at(tb, &f.row) == ST_OK;
		}
		listing_key_free(k);
		k = f.row.key;
		f.row.key = NULL;
		row_free(&f.row);
		from = k;
	}
	listing_key_free(k);
	return 0;
}

static void
searched(struct tui *t, void *ctx, const char *text)
{
	struct table *tb = ctx;
	char *copy;

	if (text != NULL && *text != '\0' && (copy = strdup(text)) != NULL) {
		free(tb->search);
		tb->search = copy;
	}
}

static void
typed(struct tui *t, void *ctx, const char *text)
{
	table_search(ctx, t, text, 1, 1);
}

void
table_prompt_search(struct table *tb, struct tui *t)
{
	dialog_prompt(t, "/", searched, typed, tb);
}

int
table_key(struct table *tb, struct tui *t, const struct key *k)
{
	int rc = ST_OK;

	switch (k->action) {
	case AC_DOWN:
		rc = move_down(tb, 1);
		break;
	case AC_UP:
		rc = move_up(tb, 1);
		break;
	case AC_PAGE_DOWN:
		rc = page_down(tb);
		break;
	case AC_PAGE_UP:
		rc = page_up(tb);
		break;
	case AC_TOP:
		rc = to_top(tb);
		break;
	case AC_BOTTOM:
		rc = to_bottom(tb);
		break;
	case AC_NEXT_MATCH:
	case AC_PREV_MATCH:
		if (tb->search == NULL)
			tui_message(t, "%s", _("no search yet: press / first"));
		else
			table_search(tb, t, tb->search,
			    k->action == AC_NEXT_MATCH ? 1 : -1, 0);
		return 1;
	default:
		return 0;
	}
	if (rc != ST_OK)
		tui_error(t, rc);
	return 1;
}

/* ---- drawing ------------------------------------------------------------ */

const char *
table_cell_text(const struct tui *t, const struct listing_column *c,
    const char *raw)
{
	switch (c->type) {
	case LT_VOCAB:
		return vocab_label(c->vocab, raw);
	case LT_PHASE:
		return *raw ? tui_phase_label(t, raw) : "";
	case LT_FORM:
		return tui_form_label(t, raw);
	case LT_BOOL:
		return strcmp(raw, "1") == 0 ? _("yes") : _("no");
	default:
		return raw;
	}
}

/* Adjust the page to H rows (the window changed size). */
static void
fit(struct table *tb, struct tui *t, int h)
{
	if (h < 1)
		h = 1;
	if (h == tb->height)
		return;
	if (tb->nrows > h) {
		int excess = tb->nrows - h, front = tb->cur - h + 1;

		if (front < 0)
			front = 0;
		if (front > excess)
			front = excess;
		drop(tb, 1, front);
		tb->cur -= front;
		drop(tb, 0, tb->nrows - h);
	}
	tb->height = h;
	if (fill(tb) != ST_OK)
		tui_error(t, err_status());
}

/* A sort arrow, or a plain character where the locale has none. */
static const char *
arrow(int reverse)
{
	if (wcwidth(L'\u25b2') == 1)
		return reverse ? "\u25bc" : "\u25b2";
	return reverse ? "v" : "^";
}

void
table_draw(struct table *tb, struct tui *t, int y, int h)
{
	int widths[LISTING_MAX_COLUMNS + 1], min[LISTING_MAX_COLUMNS + 1],
	    flex[LISTING_MAX_COLUMNS + 1], i, r, x, rev, n = tb->ncols;
	int sorted = listing_sorted_by(tb->list, &rev);
	char extra[64];

	fit(tb, t, h - 1);
	memcpy(min, tb->min, sizeof tb->min);
	memcpy(flex, tb->flex, sizeof tb->flex);
	if (tb->extra != NULL) {
		min[n] = tb->extra->min;
		flex[n++] = 0;
	}
	draw_columns(widths, min, flex, n, COLS - 1);
	draw_fill(y, 0, COLS, colour(R_HEADING));
	for (i = 0, x = 1; i < tb->ncols; x += widths[i++] + 1) {
		int w = draw_text(y, x, widths[i], _(tb->cols[i].label),
		    colour(R_HEADING), 0);

		if (i == sorted && tb->cols[i].sortable && w < widths[i])
			draw_text(y, x + w, 1, arrow(rev), colour(R_HEADING), 0);
	}
	if (tb->extra != NULL)
		draw_text(y, x, widths[i], _(tb->extra->label), colour(R_HEADING),
		    0);
	if (tb->nrows == 0 && tb->empty != NULL)
		draw_text(y + 2, 2, COLS - 4, tb->empty, colour(R_EMPTY), 0);
	for (r = 0; r < tb->nrows && r < h - 1; r++) {
		attr_t a = r == tb->cur ? colour(R_CURSOR) : colour(R_NORMAL);

		draw_fill(y + 1 + r, 0, COLS, a);
		for (i = 0, x = 1; i < tb->ncols; x += widths[i++] + 1)
			draw_text(y + 1 + r, x, widths[i], table_cell_text(t,
			    &tb->cols[i], tb->rows[r].cell[i]), a, 0);
		if (tb->extra != NULL) {
			tb->extra->fill(t, tb->extra->ctx, tb->rows[r].id, extra,
			    sizeof extra);
			draw_text(y + 1 + r, x, widths[i], extra, a, 0);
		}
	}
}

void
table_where(const struct table *tb, char *buf, size_t size)
{
	if (tb->nrows == 0)
		snprintf(buf, size, "0/%ld", tb->total);
	else if (tb->pos > 0)
		snprintf(buf, size, "%ld/%ld", tb->pos + tb->cur, tb->total);
	else
		snprintf(buf, size, "?/%ld", tb->total);
}
