/* draw.c: putting UTF-8 text on the screen with wide-character curses:
 * widths from wcwidth in the user's locale, cut to a column count with
 * an ellipsis, characters the locale cannot show replaced. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"
#include "ui.h"

/* The next character of S as shown here, and its width. */
static int
next_char(const char *s, size_t n, wchar_t *wc, int *w)
{
	uint32_t cp;
	int len = utf8_decode(s, n, &cp);

	if (len < 0) {
		*wc = L'?';
		*w = 1;
		return 1;
	}
	if (cp < 32 || cp == 127) {
		*wc = L' ';
		*w = 1;
		return len;
	}
	*wc = (wchar_t)cp;
	*w = wcwidth(*wc);
	if (*w < 0) {
		*wc = L'?';
		*w = 1;
	}
	return len;
}

int
draw_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	wchar_t wc;
	int w, total = 0;

	while (i < n) {
		i += (size_t)next_char(s + i, n - i, &wc, &w);
		total += w;
	}
	return total;
}

static wchar_t
ellipsis(void)
{
	return wcwidth(L'\u2026') == 1 ? L'\u2026' : L'~';
}

int
draw_text(int y, int x, int w, const char *s, attr_t attr, int pad)
{
	size_t n = strlen(s), i = 0;
	wchar_t wc, buf[2] = { 0, 0 };
	cchar_t cc;
	int cw, used = 0, total;

	if (w < 0)
		w = COLS - x;
	if (w <= 0 || y < 0 || y >= LINES)
		return 0;
	total = draw_width(s);
	while (i < n) {
		int len = next_char(s + i, n - i, &wc, &cw);

		/* Leave room for the ellipsis when the rest does not fit. */
		if (used + cw > w || (total > w && used + cw > w - 1)) {
			buf[0] = ellipsis();
			setcchar(&cc, buf, attr, 0, NULL);
			mvadd_wch(y, x + used, &cc);
			used++;
			break;
		}
		buf[0] = wc;
		if (cw > 0) {
			setcchar(&cc, buf, attr, 0, NULL);
			mvadd_wch(y, x + used, &cc);
		}
		used += cw;
		i += (size_t)len;
	}
	if (pad && used < w)
		draw_fill(y, x + used, w - used, attr);
	return pad ? w : used;
}

void
draw_fill(int y, int x, int w, attr_t attr)
{
	int i;

	if (y < 0 || y >= LINES)
		return;
	attrset(attr);
	for (i = 0; i < w && x + i < COLS; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

void
draw_box(int y, int x, int h, int w, const char *title)
{
	attr_t b = colour(R_BORDER);
	int i;

	for (i = 0; i < h; i++)
		draw_fill(y + i, x, w, colour(R_NORMAL));
	/* The wide-character line drawing set: Unicode in a UTF-8 locale,
	 * the terminal's own graphics elsewhere. */
	attrset(b);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
	attrset(A_NORMAL);
	if (title != NULL && *title != '\0') {
		mvaddch(y, x + 1, ' ');
		draw_text(y, x + 2, w - 5, title, colour(R_TITLE), 0);
		addch(' ');
	}
}

void
draw_columns(int *widths, const int *min, const int *flex, int n, int total)
{
	int i, used = 0, nflex = 0, extra, first = 1;

	for (i = 0; i < n; i++) {
		widths[i] = min[i];
		used += min[i] + (i > 0);
		nflex += flex[i];
	}
	extra = total - used;
	if (extra <= 0 || nflex == 0)
		return;
	for (i = 0; i < n; i++)
		if (flex[i]) {
			widths[i] += extra / nflex + (first ? extra % nflex : 0);
			first = 0;
		}
}

/* Lines end at a new line or the last blank that fits; a word longer
 * than W is cut. */
int
draw_wrap(const char *text, int w, void (*put)(int n, const char *s, size_t len,
    void *arg), void *arg)
{
	const char *p = text;
	int n = 0;

	while (*p != '\0') {
		size_t len = strcspn(p, "\n"), fit;
		char *line = strndup(p, len);

		if (line == NULL)
			break;
		fit = line[0] == '\0' ? 0 : utf8_fit(line, w);
		/* Break at the last blank that fits, if any. */
		if (fit < len) {
			size_t b = fit;

			while (b > 0 && line[b] != ' ')
				b--;
			if (b > 0)
				fit = b + 1;
		}
		if (fit == 0 && len > 0)
			fit = 1;
		if (put != NULL) {
			size_t shown = fit < len ? fit : len;

			/* The blank broken at may lie just past W. */
			while (shown > 0 && p[shown - 1] == ' ')
				shown--;
			put(n, p, shown, arg);
		}
		n++;
		free(line);
		p += fit < len ? fit : len;
		if (fit >= len && *p == '\n')
			p++;
	}
	return n;
}

struct para {
	int y, x, w, h, top;
	attr_t attr;
};

static void
para_put(int n, const char *s, size_t len, void *arg)
{
	struct para *p = arg;
	char *line;

	if (n < p->top || n >= p->top + p->h || (line = strndup(s, len)) == NULL)
		return;
	draw_text(p->y + n - p->top, p->x, p->w, line, p->attr, 0);
	free(line);
}

int
draw_para(int y, int x, int w, int h, int top, const char *text, attr_t attr)
{
	struct para p = { y, x, w, h, top, attr };
	int n = draw_wrap(text, w, para_put, &p) - top;

	return n < 0 ? 0 : n < h ? n : h;
}
