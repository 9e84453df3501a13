/* screen-view.c: an open trajectory: the tab bar, and the tab shown,
 * which gets the keys first. Tabs are made the first time they are
 * shown, so that opening a trajectory reads only what its first tab
 * needs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "screens.h"

static const struct {
	const char *label;
	struct layer *(*make)(struct tui *t, struct view *v);
} tabs[TAB_COUNT] = {
	[TAB_OVERVIEW] = { N_("Overview"), overview_new },
	[TAB_STAKEHOLDERS] = { N_("Stakeholders"), stakeholders_new },
	[TAB_MATRIX] = { N_("Matrix"), matrix_new },
	[TAB_SESSIONS] = { N_("Sessions"), sessions_new },
	[TAB_INPUTS] = { N_("Inputs"), inputs_new },
	[TAB_GAPS] = { N_("Gaps"), gaps_new },
};

static void
draw(struct layer *l, struct tui *t)
{
	struct view *v = (struct view *)l;
	char label[64];
	int i, x, w;

	draw_fill(0, 0, COLS, colour(R_TAB));
	x = 1 + draw_text(0, 1, 14, v->traj.code, colour(R_TITLE), 0);
	x += 1;
	/* A blank on both sides of each label when they fit (a language
	 * with longer words gets one). */
	for (i = 0, w = x; i < TAB_COUNT; i++)
		w += draw_width(_(tabs[i].label)) + 4;
	for (i = 0; i < TAB_COUNT && x < COLS; i++) {
		attr_t a = colour(i == v->tab ? R_TAB_ACTIVE : R_TAB);

		snprintf(label, sizeof label, w <= COLS ? " %d %s " : " %d %s",
		    i + 1, _(tabs[i].label));
		x += draw_text(0, x, COLS - x, label, a, 0);
	}
	if (v->tabs[v->tab] != NULL)
		v->tabs[v->tab]->ops->draw(v->tabs[v->tab], t);
}

static void
where(struct layer *l, char *buf, size_t size)
{
	struct view *v = (struct view *)l;
	struct layer *tab = v->tabs[v->tab];

	buf[0] = '\0';
	if (tab != NULL && tab->ops->where != NULL)
		tab->ops->where(tab, buf, size);
}

struct layer *
view_switch(struct tui *t, struct view *v, int tab)
{
	if (tab < 0 || tab >= TAB_COUNT)
		return NULL;
	if (v->tabs[tab] == NULL) {
		if ((v->tabs[tab] = tabs[tab].make(t, v)) == NULL) {
			tui_error(t, err_status());
			return NULL;
		}
	} else if (v->tabs[tab]->ops->reload != NULL && tab != v->tab)
		v->tabs[tab]->ops->reload(v->tabs[tab], t);
	v->tab = tab;
	v->layer.hints = v->tabs[tab]->hints;
	t->dirty = 1;
	return v->tabs[tab];
}

/* The next tab in direction DIR, going round. */
static int
step(int tab, int dir)
{
	return (tab + dir + TAB_COUNT) % TAB_COUNT;
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct view *v = (struct view *)l;
	struct layer *tab = v->tabs[v->tab];

	if (tab != NULL && tab->ops->key(tab, t, k)) {
		/* A tab's own hints may change with its mode. */
		if (v->tabs[v->tab] != NULL)
			v->layer.hints = v->tabs[v->tab]->hints;
		return 1;
	}
	switch (k->action) {
	case AC_TAB_NEXT:
		view_switch(t, v, step(v->tab, 1));
		return 1;
	case AC_TAB_PREV:
		view_switch(t, v, step(v->tab, -1));
		return 1;
	case AC_TAB_1: case AC_TAB_2: case AC_TAB_3:
	case AC_TAB_4: case AC_TAB_5: case AC_TAB_6:
		view_switch(t, v, k->action - AC_TAB_1);
		return 1;
	case AC_BACK:
		t->traj_code[0] = '\0';
		tui_pop(t);
		return 1;
	default:
		return 0;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	struct view *v = (struct view *)l;
	struct trajectory tr;

	/* Another instance may have edited the trajectory itself. */
	if (trajectory_get(t->db, v->traj.code, &tr) == ST_OK) {
		trajectory_free(&v->traj);
		v->traj = tr;
	} else
		err_clear();
	if (v->tabs[v->tab] != NULL && v->tabs[v->tab]->ops->reload != NULL)
		v->tabs[v->tab]->ops->reload(v->tabs[v->tab], t);
}

static void
destroy(struct layer *l)
{
	struct view *v = (struct view *)l;
	int i;

	for (i = 0; i < TAB_COUNT; i++)
		if (v->tabs[i] != NULL)
			v->tabs[i]->ops->destroy(v->tabs[i]);
	trajectory_free(&v->traj);
	free(v);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
view_new(struct tui *t, const char *code, int tab)
{
	struct view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	v->layer.ops = &ops;
	if (trajectory_get(t->db, code, &v->traj) != ST_OK) {
		free(v);
		return NULL;
	}
	snprintf(t->traj_code, sizeof t->traj_code, "%s", code);
	if (view_switch(t, v, tab) == NULL) {
		destroy(&v->layer);
		t->traj_code[0] = '\0';
		return NULL;
	}
	return &v->layer;
}
