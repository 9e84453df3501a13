/* edit.c: editing a text as wide characters; see edit.h. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "edit.h"

static int
reserve(struct edit *e, size_t n)
{
	wchar_t *p;
	size_t cap = e->cap ? e->cap : 32;

	if (n + 1 <= e->cap)
		return ST_OK;
	while (cap < n + 1)
		cap *= 2;
	if ((p = realloc(e->buf, cap * sizeof *p)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	e->buf = p;
	e->cap = cap;
	return ST_OK;
}

int
edit_set(struct edit *e, const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int len, rc;

	e->len = e->cur = 0;
	e->scroll = 0;
	if ((rc = reserve(e, n)) != ST_OK)
		return rc;
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			cp = 0xfffd;
			len = 1;
		}
		e->buf[e->len++] = (wchar_t)cp;
		i += (size_t)len;
	}
	e->buf[e->len] = L'\0';
	e->cur = e->len;
	return ST_OK;
}

char *
edit_text(const struct edit *e)
{
	char *s = malloc(e->len * 4 + 1);
	size_t i, o = 0;

	if (s == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	for (i = 0; i < e->len; i++)
		o += (size_t)utf8_encode((uint32_t)e->buf[i], s + o);
	s[o] = '\0';
	return s;
}

void
edit_free(struct edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

static void
insert(struct edit *e, wchar_t c)
{
	if (reserve(e, e->len + 1) != ST_OK)
		return;
	memmove(e->buf + e->cur + 1, e->buf + e->cur,
	    (e->len - e->cur + 1) * sizeof *e->buf);
	e->buf[e->cur++] = c;
	e->len++;
}

static void
erase_range(struct edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, (e->len - to + 1) * sizeof *e->buf);
	e->len -= to - from;
	e->cur = from;
}

static size_t
line_start(const struct edit *e)
{
	size_t i = e->cur;

	while (i > 0 && e->buf[i - 1] != L'\n')
		i--;
	return i;
}

static size_t
line_end(const struct edit *e)
{
	size_t i = e->cur;

	while (i < e->len && e->buf[i] != L'\n')
		i++;
	return i;
}

int
edit_key(struct edit *e, const struct key *k)
{
	if (!k->fn && k->code >= 32 && k->code != 127) {
		insert(e, (wchar_t)k->code);
		return 1;
	}
	switch (k->action) {
	case AC_FORM_ENTER:
		if (!e->multiline)
			return 0;
		insert(e, L'\n');
		return 1;
	case AC_CHAR_LEFT:
		if (e->cur > 0)
			e->cur--;
		return 1;
	case AC_CHAR_RIGHT:
		if (e->cur < e->len)
			e->cur++;
		return 1;
	case AC_LINE_START:
		e->cur = line_start(e);
		return 1;
	case AC_LINE_END:
		e->cur = line_end(e);
		return 1;
	case AC_DELETE_BACK:
		if (e->cur > 0)
			erase_range(e, e->cur - 1, e->cur);
		return 1;
	case AC_DELETE_CHAR:
		if (e->cur < e->len) {
			e->cur++;
			erase_range(e, e->cur - 1, e->cur);
		}
		return 1;
	case AC_KILL_START:
		erase_range(e, line_start(e), e->cur);
		return 1;
	case AC_KILL_END:
		{
			size_t end = line_end(e), cur = e->cur;

			erase_range(e, cur, end);
		}
		return 1;
	default:
		return 0;
	}
}

static int
width_of(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

static void
put(int y, int x, wchar_t c, attr_t attr)
{
	wchar_t s[2] = { c, 0 };
	cchar_t cc;

	if (c == L'\n' || wcwidth(c) < 0)
		s[0] = c == L'\n' ? L' ' : L'?';
	setcchar(&cc, s, attr, 0, NULL);
	mvadd_wch(y, x, &cc);
}

void
edit_draw_line(struct edit *e, struct tui *t, int y, int x, int w,
    attr_t attr, int focus)
{
	size_t i;
	int col = 0, curcol = 0;

	for (i = 0; i < e->cur; i++)
		curcol += width_of(e->buf[i]);
	/* Scroll so that the cursor stays in view. */
	if (curcol < e->scroll)
		e->scroll = curcol;
	if (curcol - e->scroll > w - 1)
		e->scroll = curcol - w + 1;
	draw_fill(y, x, w, attr);
	for (i = 0; i < e->len; i++) {
		int cw = width_of(e->buf[i]);

		if (col >= e->scroll && col - e->scroll + cw <= w)
			put(y, x + col - e->scroll, e->buf[i], attr);
		col += cw;
	}
	if (focus) {
		t->cursor_y = y;
		t->cursor_x = x + curcol - e->scroll;
	}
}

typedef void (*place_fn)(const struct edit *e, size_t i, int line, int col,
    void *arg);

/* Lay E out in lines of W columns, broken after the last blank that
 * fits (a word longer than W is cut): FN gets every position from 0 to
 * len, the cursor's places, with its line and column. */
static void
layout(const struct edit *e, int w, place_fn fn, void *arg)
{
	size_t s = 0, j, k, blank, end;
	int line = 0, col;

	for (;;) {
		blank = (size_t)-1;
		for (j = s, col = 0; j < e->len && e->buf[j] != L'\n'; j++) {
			int cw = width_of(e->buf[j]);

			if (col + cw > w && j > s)
				break;
			if (e->buf[j] == L' ')
				blank = j;
			col += cw;
		}
		end = j < e->len && e->buf[j] != L'\n' && blank != (size_t)-1 ?
		    blank + 1 : j;
		for (k = s, col = 0; k < end; k++) {
			fn(e, k, line, col, arg);
			col += width_of(e->buf[k]);
		}
		if (end == e->len) {
			fn(e, end, line, col, arg);
			return;
		}
		if (e->buf[end] == L'\n')
			fn(e, end++, line, col, arg);
		s = end;
		line++;
	}
}

struct where {
	size_t cur;
	int line, col;
};

static void
find_cursor(const struct edit *e, size_t i, int line, int col, void *arg)
{
	struct where *c = arg;

	(void)e;
	if (i == c->cur) {
		c->line = line;
		c->col = col;
	}
}

struct lines {
	int y, x, h, scroll;
	attr_t attr;
};

static void
put_char(const struct edit *e, size_t i, int line, int col, void *arg)
{
	struct lines *l = arg;

	if (i < e->len && e->buf[i] != L'\n' && line >= l->scroll &&
	    line < l->scroll + l->h)
		put(l->y + line - l->scroll, l->x + col, e->buf[i], l->attr);
}

void
edit_draw_lines(struct edit *e, struct tui *t, int y, int x, int h, int w,
    attr_t attr, int focus)
{
	struct where c = { e->cur, 0, 0 };
	struct lines l = { y, x, h, 0, attr };
	int r;

	/* Find the cursor's line first, then draw from e->scroll. */
	layout(e, w, find_cursor, &c);
	if (c.col >= w) {
		c.line++;
		c.col = 0;
	}
	if (c.line < e->scroll)
		e->scroll = c.line;
	if (c.line >= e->scroll + h)
		e->scroll = c.line - h + 1;
	for (r = 0; r < h; r++)
		draw_fill(y + r, x, w, attr);
	l.scroll = e->scroll;
	layout(e, w, put_char, &l);
	if (focus) {
		t->cursor_y = y + c.line - e->scroll;
		t->cursor_x = x + c.col;
	}
}
