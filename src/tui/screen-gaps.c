/* screen-gaps.c: tab 6, the gap check: the findings, most severe
 * first, and under the list the one the cursor is on in full, with
 * what to do about it. Enter goes to the finding's subject: the
 * stakeholder, the session, the input, or the stakeholders of a voice.
 * The findings are computed, not stored: the list holds the GAPS_SHOWN
 * most severe of them, so that memory stays bounded however large the
 * trajectory; `meerstem gaps` lists them all. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/gap.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../core/vocab.h"
#include "screens.h"

#define GAPS_SHOWN 1000

/* Rows of the pane under the list that shows the current finding. */
#define DETAIL_ROWS 7

struct gaps {
	struct layer layer;
	struct view *view;
	struct gap_list list;
	int cur, top;
	char *search;
};

static const enum action hints[] = {
	AC_OPEN, AC_SEARCH, AC_HELP, AC_NONE
};

static int
list_rows(void)
{
	int h = tui_content_rows() - 1 - DETAIL_ROWS;

	return h > 1 ? h : 1;
}

static int
load(struct gaps *g, struct tui *t)
{
	struct gap_list l = { 0 };
	int rc;

	tui_slow_begin(t, _("checking the gaps…"));
	rc = gap_check_top(t->db, g->view->traj.id, t->cfg, GAPS_SHOWN, &l);
	tui_slow_end(t);
	if (rc != ST_OK)
		return rc;
	gap_list_free(&g->list);
	g->list = l;
	if (g->cur >= (int)l.n)
		g->cur = l.n > 0 ? (int)l.n - 1 : 0;
	return ST_OK;
}

void
gaps_draw_finding(int y, int x, const struct gap *f, attr_t attr, int cursor)
{
	draw_text(y, x, 8, vocab_label(&vocab_severity,
	    vocab_severity.codes[f->severity]), cursor ? attr :
	    colour_severity(f->severity), 1);
	draw_text(y, x + 9, 20, vocab_label(&vocab_gap, vocab_gap.codes[f->code]),
	    attr, 1);
	draw_text(y, x + 30, COLS - x - 31, f->label, attr, 0);
}

static void
draw_row(struct gaps *g, int y, int i)
{
	attr_t a = colour(i == g->cur ? R_CURSOR : R_NORMAL);

	draw_fill(y, 0, COLS, a);
	gaps_draw_finding(y, 1, &g->list.v[i], a, i == g->cur);
}

static void
draw_detail(struct gaps *g, int y)
{
	const struct gap *f = &g->list.v[g->cur];
	int n;

	draw_fill(y, 0, COLS, colour(R_HEADING));
	draw_text(y, 1, COLS - 2, f->label, colour(R_HEADING), 0);
	n = draw_para(y + 1, 2, COLS - 4, DETAIL_ROWS - 1, 0, f->detail,
	    colour(R_NORMAL));
	if (*f->advice != '\0' && n < DETAIL_ROWS - 1)
		draw_para(y + 1 + n, 2, COLS - 4, DETAIL_ROWS - 1 - n, 0, f->advice,
		    colour(R_GOOD));
}

static void
draw(struct layer *l, struct tui *t)
{
	struct gaps *g = (struct gaps *)l;
	int h = list_rows(), i, y = CONTENT_TOP;

	(void)t;
	draw_fill(y, 0, COLS, colour(R_HEADING));
	draw_text(y, 1, 8, _("Severity"), colour(R_HEADING), 0);
	draw_text(y, 10, 20, _("Kind"), colour(R_HEADING), 0);
	draw_text(y, 31, COLS - 32, _("Subject"), colour(R_HEADING), 0);
	if (g->list.n == 0) {
		draw_para(y + 2, 2, COLS - 4, 3, 0, _("No gaps found: no rule of "
		    "the gap check fires for this trajectory."), colour(R_EMPTY));
		return;
	}
	if (g->cur < g->top)
		g->top = g->cur;
	if (g->cur >= g->top + h)
		g->top = g->cur - h + 1;
	for (i = 0; i < h && g->top + i < (int)g->list.n; i++)
		draw_row(g, y + 1 + i, g->top + i);
	draw_detail(g, y + 1 + h);
}

static void
where(struct layer *l, char *buf, size_t size)
{
	struct gaps *g = (struct gaps *)l;

	if (g->list.total > g->list.n)
		snprintf(buf, size, _("%d/%zu of %zu"), g->list.n > 0 ?
		    g->cur + 1 : 0, g->list.n, g->list.total);
	else
		snprintf(buf, size, "%d/%zu", g->list.n > 0 ? g->cur + 1 : 0,
		    g->list.n);
}

static void
cursor_to(struct gaps *g, int to)
{
	int last = (int)g->list.n - 1;

	g->cur = to < 0 ? 0 : to > last ? (last < 0 ? 0 : last) : to;
}

/* ---- search ------------------------------------------------------------- */

static int
matches(const struct gap *f, const char *key)
{
	char *label = utf8_key(f->label), *detail = utf8_key(f->detail);
	int hit = label != NULL && detail != NULL &&
	    (strstr(label, key) != NULL || strstr(detail, key) != NULL);

	free(label);
	free(detail);
	return hit;
}

/* From the cursor (or the next row) in direction DIR, wrapping. */
static int
find(struct tui *t, struct gaps *g, const char *text, int dir, int inclusive)
{
	char *key = utf8_key(text);
	int n = (int)g->list.n, i, at;

	if (key == NULL || n == 0) {
		free(key);
		return 0;
	}
	for (i = inclusive ? 0 : 1; i <= n; i++) {
		at = ((g->cur + dir * i) % n + n) % n;
		if (matches(&g->list.v[at], key)) {
			g->cur = at;
			free(key);
			t->dirty = 1;
			return 1;
		}
	}
	free(key);
	tui_message(t, _("'%s' not found"), text);
	return 0;
}

static void
typed(struct tui *t, void *ctx, const char *text)
{
	if (text != NULL && *text != '\0')
		find(t, ctx, text, 1, 1);
}

static void
searched(struct tui *t, void *ctx, const char *text)
{
	struct gaps *g = ctx;
	char *copy;

	if (text == NULL || *text == '\0')
		return;
	if ((copy = strdup(text)) != NULL) {
		free(g->search);
		g->search = copy;
	}
	find(t, g, text, 1, 1);
}

/* ---- going to the subject ----------------------------------------------- */

static void
go(struct tui *t, struct gaps *g)
{
	const struct gap *f;
	struct layer *tab;
	char text[2048];

	if (g->list.n == 0)
		return;
	f = &g->list.v[g->cur];
	switch (f->code) {
	case GAP_UNHEARD: case GAP_LATE: case GAP_UNSUITED_FORM:
		if ((tab = view_switch(t, g->view, TAB_STAKEHOLDERS)) != NULL)
			stakeholders_seek(t, tab, f->subject, f->subject_id);
		return;
	case GAP_VOICE_MISSING:
		if ((tab = view_switch(t, g->view, TAB_STAKEHOLDERS)) != NULL)
			stakeholders_show_voice(t, tab, f->subject);
		return;
	case GAP_NO_FEEDBACK:
		if ((tab = view_switch(t, g->view, TAB_SESSIONS)) != NULL)
			sessions_seek(t, tab, f->subject, f->subject_id);
		return;
	case GAP_INPUT_UNANSWERED:
		if ((tab = view_switch(t, g->view, TAB_INPUTS)) != NULL)
			inputs_seek(t, tab, f->subject, f->subject_id);
		return;
	default:
		/* A category of participants or the commission: no record
		 * to go to, so the finding itself in full. */
		snprintf(text, sizeof text, "%s\n\n%s", f->detail, f->advice);
		dialog_info(t, f->label, text);
		return;
	}
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct gaps *g = (struct gaps *)l;
	int h = list_rows();

	switch (k->action) {
	case AC_UP: cursor_to(g, g->cur - 1); break;
	case AC_DOWN: cursor_to(g, g->cur + 1); break;
	case AC_PAGE_UP: cursor_to(g, g->cur - h); break;
	case AC_PAGE_DOWN: cursor_to(g, g->cur + h); break;
	case AC_TOP: cursor_to(g, 0); break;
	case AC_BOTTOM: cursor_to(g, (int)g->list.n - 1); break;
	case AC_OPEN: go(t, g); break;
	case AC_SEARCH:
		dialog_prompt(t, "/", searched, typed, g);
		break;
	case AC_NEXT_MATCH: case AC_PREV_MATCH:
		if (g->search != NULL)
			find(t, g, g->search, k->action == AC_NEXT_MATCH ? 1 : -1,
			    0);
		break;
	default:
		return 0;
	}
	t->dirty = 1;
	return 1;
}

static void
reload(struct layer *l, struct tui *t)
{
	int rc;

	if ((rc = load((struct gaps *)l, t)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct gaps *g = (struct gaps *)l;

	gap_list_free(&g->list);
	free(g->search);
	free(g);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
gaps_new(struct tui *t, struct view *v)
{
	struct gaps *g = calloc(1, sizeof *g);

	if (g == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	g->layer.ops = &ops;
	g->layer.hints = hints;
	g->view = v;
	if (load(g, t) != ST_OK) {
		free(g);
		return NULL;
	}
	return &g->layer;
}
