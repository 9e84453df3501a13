/* screen-help.c: the help screen, generated from the key table with the
 * keys in force (after [keys]); editing keys are left out read-only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "screens.h"
#include "ui.h"

#define MAX_LINES 96

struct help_line {
	char keys[64];
	const char *text;	/* translated */
	int heading;
};

struct help {
	struct layer layer;
	struct help_line lines[MAX_LINES];
	int n, top;
};

static const enum action help_hints[] = { AC_BACK, AC_DOWN, AC_UP, AC_QUIT, AC_NONE };

static const char *const context_titles[KC_COUNT] = {
	N_("In lists and screens"),
	N_("In forms and prompts"),
	N_("In questions"),
};

static void
help_draw(struct layer *l, struct tui *t)
{
	struct help *h = (struct help *)l;
	int rows = tui_content_rows(), i, y;

	draw_fill(0, 0, COLS, colour(R_TITLE));
	draw_text(0, 1, COLS - 2, _("meerstem: keys (Esc or q goes back; "
	    "see meerstem(1) for the screens)"), colour(R_TITLE), 0);
	if (h->top > h->n - rows)
		h->top = h->n - rows > 0 ? h->n - rows : 0;
	for (i = 0; i < rows && h->top + i < h->n; i++) {
		const struct help_line *hl = &h->lines[h->top + i];

		y = CONTENT_TOP + i;
		if (hl->heading) {
			draw_text(y, 1, COLS - 2, hl->text, colour(R_HEADING), 0);
			continue;
		}
		draw_text(y, 3, 20, hl->keys, colour(R_HINT_KEY), 0);
		draw_text(y, 24, COLS - 25, hl->text, colour(R_NORMAL), 0);
	}
}

static void
help_where(struct layer *l, char *buf, size_t size)
{
	struct help *h = (struct help *)l;

	snprintf(buf, size, "%d/%d", h->top + 1, h->n);
}

static int
help_key(struct layer *l, struct tui *t, const struct key *k)
{
	struct help *h = (struct help *)l;
	int rows = tui_content_rows();

	switch (k->action) {
	case AC_DOWN:
		h->top++;
		break;
	case AC_UP:
		if (h->top > 0)
			h->top--;
		break;
	case AC_PAGE_DOWN:
		h->top += rows;
		break;
	case AC_PAGE_UP:
		h->top = h->top > rows ? h->top - rows : 0;
		break;
	case AC_TOP:
		h->top = 0;
		break;
	case AC_BOTTOM:
		h->top = h->n;
		break;
	case AC_BACK:
	case AC_HELP:
		tui_pop(t);
		break;
	case AC_QUIT:
		return 0;
	default:
		break;
	}
	return 1;
}

static void
help_destroy(struct layer *l)
{
	free(l);
}

static const struct layer_ops help_ops = {
	KC_LIST, help_draw, help_key, NULL, help_destroy, help_where, 0, NULL
};

struct layer *
help_new(struct tui *t)
{
	struct help *h = calloc(1, sizeof *h);
	const struct keydef *table;
	size_t n, i;
	int c;

	if (h == NULL)
		return NULL;
	h->layer.ops = &help_ops;
	h->layer.hints = help_hints;
	table = keys_table(&n);
	for (c = 0; c < KC_COUNT; c++) {
		if (h->n > 0)
			h->lines[h->n++].heading = -1;
		h->lines[h->n].heading = 1;
		h->lines[h->n++].text = _(context_titles[c]);
		for (i = 0; i < n && h->n < MAX_LINES; i++) {
			if ((int)table[i].context != c)
				continue;
			if (t->read_only && (table[i].flags & KF_EDIT))
				continue;
			keys_describe(table[i].action, h->lines[h->n].keys,
			    sizeof h->lines[h->n].keys);
			h->lines[h->n++].text = _(table[i].help);
		}
	}
	/* Blank separator lines are headings without text. */
	for (i = 0; i < (size_t)h->n; i++)
		if (h->lines[i].heading < 0) {
			h->lines[i].heading = 1;
			h->lines[i].text = "";
		}
	return &h->layer;
}
