/* screen-register.c: the shared register in a window, to pick
 * stakeholders from with search: to involve one in the trajectory, or
 * to record attendance of several one after another. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "screens.h"
#include "table.h"

struct picker {
	struct layer layer;
	struct table table;
	char *title;
	int many;
	picked_fn picked;
	void *ctx;
};

static const enum action hints[] = {
	AC_SEARCH, AC_OPEN, AC_NEXT_MATCH, AC_BACK, AC_NONE
};

/* name, category, voice, involved */
static const int col_min[] = { 24, 14, 14, 8 };
static const int col_flex[] = { 1, 1, 0, 0 };

static void
draw(struct layer *l, struct tui *t)
{
	struct picker *p = (struct picker *)l;

	draw_fill(0, 0, COLS, colour(R_TITLE));
	draw_text(0, 1, COLS - 2, p->title, colour(R_TITLE), 0);
	table_draw(&p->table, t, CONTENT_TOP, tui_content_rows());
}

static void
where(struct layer *l, char *buf, size_t size)
{
	table_where(&((struct picker *)l)->table, buf, size);
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct picker *p = (struct picker *)l;
	const struct table_row *r;
	picked_fn fn = p->picked;
	void *ctx = p->ctx;
	sqlite3_int64 id;
	char name[512];

	if (table_key(&p->table, t, k))
		return 1;
	switch (k->action) {
	case AC_OPEN:
		if ((r = table_current(&p->table)) == NULL)
			return 1;
		id = r->id;
		snprintf(name, sizeof name, "%s", r->cell[0]);
		if (!p->many) {
			tui_pop(t);
			fn(t, ctx, id, name);
		} else if (fn(t, ctx, id, name)) {
			if (table_reload(&p->table) != ST_OK)
				tui_error(t, err_status());
		}
		return 1;
	case AC_SEARCH:
		table_prompt_search(&p->table, t);
		return 1;
	case AC_BACK:
		tui_pop(t);
		return 1;
	case AC_QUIT:
	case AC_HELP:
	case AC_REFRESH:
		return 0;
	default:
		return 1;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	struct picker *p = (struct picker *)l;

	if (table_reload(&p->table) != ST_OK)
		tui_error(t, err_status());
}

static void
destroy(struct layer *l)
{
	struct picker *p = (struct picker *)l;

	table_close(&p->table);
	free(p->title);
	free(p);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
register_picker_new(struct tui *t, struct view *v, const char *title,
    int many, picked_fn picked, void *ctx)
{
	struct picker *p = calloc(1, sizeof *p);

	if (p == NULL || (p->title = strdup(title)) == NULL) {
		free(p);
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	p->layer.ops = &ops;
	p->layer.hints = hints;
	p->many = many;
	p->picked = picked;
	p->ctx = ctx;
	if (table_open(&p->table, t, LISTING_REGISTER, v->traj.id, col_min,
	    col_flex) != ST_OK) {
		free(p->title);
		free(p);
		return NULL;
	}
	p->table.empty = _("The register is empty.");
	return &p->layer;
}
