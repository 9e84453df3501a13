/* screen-overview.c: tab 1, the summary of `meerstem summary` on one
 * screen for the council member with five minutes: phase and dates,
 * the commission, who was heard per voice as bars, sessions and input
 * in two numbers each, and the most severe gaps. The figures come from
 * summary_load, so the screen and the report cannot disagree. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/summary.h"
#include "../core/vocab.h"
#include "screens.h"

#define OVERVIEW_GAPS 100

struct overview {
	struct layer layer;
	struct view *view;
	struct summary sum;
	int loaded;
};

static const enum action hints[] = { AC_OPEN, AC_HELP, AC_QUIT, AC_NONE };

static int
load(struct overview *o, struct tui *t)
{
	struct summary s;
	int rc;

	/* The most severe gaps that fit on any screen; all are counted. */
	tui_slow_begin(t, _("checking the gaps…"));
	rc = summary_load(t->db, o->view->traj.code, t->cfg, OVERVIEW_GAPS, &s);
	tui_slow_end(t);
	if (rc != ST_OK)
		return rc;
	if (o->loaded)
		summary_free(&o->sum);
	o->sum = s;
	o->loaded = 1;
	return ST_OK;
}

/* "Label: value" from X; returns the column after it. */
static int
field(int y, int x, const char *label, const char *value)
{
	if (value == NULL || *value == '\0' || x >= COLS - 1)
		return x;
	x += draw_text(y, x, COLS - 1 - x, label, colour(R_HEADING), 0);
	x += draw_text(y, x + 1, COLS - 2 - x, value, colour(R_NORMAL), 0) + 3;
	return x;
}

static void
draw_head(struct overview *o, int y)
{
	const struct summary *s = &o->sum;
	char members[256];
	size_t len = 0;
	int d, x;

	draw_text(y, 1, COLS - 2, s->t.title, colour(R_TITLE), 0);
	x = field(y + 1, 1, _("Phase:"), s->phase_text);
	field(y + 1, x, _("Due:"), s->t.due_date);
	x = field(y + 2, 1, _("Status:"), vocab_label(&vocab_trajectory_status,
	    s->t.status));
	field(y + 2, x, _("Commission:"), s->t.commission);
	members[0] = '\0';
	for (d = 0; d < SUM_DELEGATIONS - 1 && len < sizeof members; d++)
		len += (size_t)snprintf(members + len, sizeof members - len,
		    "%s%s %ld", d > 0 ? ", " : "", vocab_label(&vocab_delegation,
		    vocab_delegation.codes[d]), s->members[d]);
	field(y + 3, 1, _("Members:"), members);
}

static void
voice_figures(char *buf, size_t size, const long *n)
{
	snprintf(buf, size, _("%ld of %ld heard, %ld early"), n[SUM_HEARD],
	    n[SUM_REGISTERED], n[SUM_EARLY]);
}

/* One voice: its label, a bar of the heard share of those registered,
 * and the figures. The bar is reverse video, so that it shows without
 * colours and in any locale. */
static void
draw_voice(int y, int v, const long *n, int label_w, int bar_w)
{
	char figures[128];
	int fill, i, x = 2 + label_w + 2;

	voice_figures(figures, sizeof figures, n);
	draw_text(y, 2, label_w, vocab_label(&vocab_voice, vocab_voice.codes[v]),
	    colour(R_NORMAL), 0);
	fill = n[SUM_REGISTERED] > 0 ?
	    (int)((n[SUM_HEARD] * bar_w + n[SUM_REGISTERED] / 2) /
	    n[SUM_REGISTERED]) : 0;
	for (i = 0; i < bar_w; i++)
		draw_text(y, x + i, 1, i < fill ? " " : ".", i < fill ?
		    colour(R_BAR) | A_REVERSE : colour(R_EMPTY), 0);
	draw_text(y, x + bar_w + 2, COLS - x - bar_w - 3, figures,
	    n[SUM_REGISTERED] > 0 && n[SUM_HEARD] == 0 ? colour(R_BAD) :
	    colour(R_NORMAL), 0);
}

static int
draw_voices(struct overview *o, int y, int rows)
{
	char figures[128];
	int v, label_w = 0, fig_w = 0, bar_w, drawn = 1;

	draw_text(y, 1, COLS - 2, _("Voices: heard of registered stakeholders"),
	    colour(R_HEADING), 0);
	for (v = 0; v < SUM_VOICES; v++) {
		int w = draw_width(vocab_label(&vocab_voice, vocab_voice.codes[v]));

		voice_figures(figures, sizeof figures, o->sum.voices[v]);
		label_w = w > label_w ? w : label_w;
		fig_w = draw_width(figures) > fig_w ? draw_width(figures) : fig_w;
	}
	label_w = label_w > 24 ? 24 : label_w;
	bar_w = COLS - (2 + label_w + 2) - 2 - fig_w - 1;
	bar_w = bar_w > 40 ? 40 : bar_w < 5 ? 5 : bar_w;
	for (v = 0; v < SUM_VOICES && drawn < rows; v++, drawn++)
		draw_voice(y + drawn, v, o->sum.voices[v], label_w, bar_w);
	return drawn;
}

static void
draw_activity(struct overview *o, int y)
{
	const struct summary *s = &o->sum;
	long held = 0, planned = 0, items = 0, reported = 0, open;
	char line[512];
	size_t f, p;
	int d;

	for (f = 0; f < s->cat.n_forms; f++)
		for (p = 0; p < s->cat.n_phases; p++) {
			held += summary_cell(s, f, p)[SUM_HELD];
			planned += summary_cell(s, f, p)[SUM_PLANNED];
		}
	for (d = 0; d < SUM_DISPOSITIONS; d++) {
		items += s->inputs[d][SUM_ITEMS];
		reported += s->inputs[d][SUM_REPORTED];
	}
	open = s->inputs[vocab_index(&vocab_disposition, "open")][SUM_ITEMS];
	snprintf(line, sizeof line, _("%ld held, %ld planned"), held, planned);
	field(y, 1, _("Sessions:"), line);
	snprintf(line, sizeof line, _("%ld items, %ld without a disposition, "
	    "%ld reported back"), items, open, reported);
	field(y + 1, 1, _("Input:"), line);
}

static void
draw_gaps(struct overview *o, int y, int rows)
{
	const struct gap_list *g = &o->sum.gaps;
	char head[256], k[32];
	size_t i;

	keys_first(AC_TAB_6, k, sizeof k);
	if (g->n == 0)
		snprintf(head, sizeof head, "%s", o->sum.gaps_text);
	else
		snprintf(head, sizeof head, _("%s  (%s: all gaps)"),
		    o->sum.gaps_text, k);
	draw_text(y, 1, COLS - 2, head, colour(R_HEADING), 0);
	for (i = 0; i < g->n && (int)i + 1 < rows; i++)
		gaps_draw_finding(y + 1 + (int)i, 2, &g->v[i], colour(R_NORMAL), 0);
}

static void
draw(struct layer *l, struct tui *t)
{
	struct overview *o = (struct overview *)l;
	int y = CONTENT_TOP, end = CONTENT_TOP + tui_content_rows();

	(void)t;
	if (!o->loaded)
		return;
	draw_head(o, y);
	y += 5;
	y += draw_voices(o, y, end - y) + 1;
	if (y + 1 < end)
		draw_activity(o, y);
	y += 3;
	if (y < end)
		draw_gaps(o, y, end - y);
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct overview *o = (struct overview *)l;

	if (k->action != AC_OPEN)
		return 0;
	view_switch(t, o->view, TAB_GAPS);
	return 1;
}

static void
reload(struct layer *l, struct tui *t)
{
	int rc;

	if ((rc = load((struct overview *)l, t)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct overview *o = (struct overview *)l;

	if (o->loaded)
		summary_free(&o->sum);
	free(o);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, NULL, 0, NULL
};

struct layer *
overview_new(struct tui *t, struct view *v)
{
	struct overview *o = calloc(1, sizeof *o);

	if (o == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	o->layer.ops = &ops;
	o->layer.hints = hints;
	o->view = v;
	if (load(o, t) != ST_OK) {
		free(o);
		return NULL;
	}
	return &o->layer;
}
