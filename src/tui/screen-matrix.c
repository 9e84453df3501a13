/* screen-matrix.c: tab 3, the matrix. The trajectory's view: forms by
 * phases, each cell the held, planned and cancelled sessions, coloured
 * by state; Enter lists a cell's sessions and offers to plan one there.
 * The catalogue's view (v): forms by their attributes and the voices
 * each reaches well or badly (seed 002, Bijlage 1). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/session.h"
#include "../core/vocab.h"
#include "screens.h"

#define MAX_CELL_SESSIONS 60
#define NAME_WIDTH 24
#define VOICES 5		/* the voices of the catalogue, without unknown */

struct cell {
	int held, planned, cancelled;
};

struct matrix {
	struct layer layer;
	struct view *view;
	const struct catalogue *cat;
	int catalogue;		/* showing the catalogue's view */
	struct cell *cells;	/* form * n_phases + phase */
	size_t nforms, nphases;
	int row, col;
	/* the sessions of the cell in the pick list */
	sqlite3_int64 ids[MAX_CELL_SESSIONS];
	char *labels[MAX_CELL_SESSIONS + 1];
	int nlabels;
};

static const enum action hints[] = {
	AC_OPEN, AC_VIEW, AC_HELP, AC_NONE
};

static int
count_cell(const struct matrix_cell *c, void *arg)
{
	struct matrix *m = arg;
	int f = catalogue_form_index(m->cat, c->form);
	int p = catalogue_phase_index(m->cat, c->phase);

	if (f < 0 || p < 0)
		return 0;
	m->cells[f * (int)m->nphases + p].held = c->held;
	m->cells[f * (int)m->nphases + p].planned = c->planned;
	m->cells[f * (int)m->nphases + p].cancelled = c->cancelled;
	return 0;
}

static int
load(struct tui *t, struct matrix *m)
{
	struct cell *c;

	m->nforms = t->cat.n_forms;
	m->nphases = t->cat.n_phases;
	if ((c = calloc(m->nforms * m->nphases + 1, sizeof *c)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	free(m->cells);
	m->cells = c;
	return session_matrix(t->db, m->view->traj.id, count_cell, m);
}

/* A glyph, or a letter where the locale has none. */
static const char *
glyph(const char *utf8, wchar_t wc, const char *plain)
{
	return wcwidth(wc) == 1 ? utf8 : plain;
}

static void
draw_sessions(struct matrix *m, struct tui *t)
{
	int cw = (COLS - 1 - NAME_WIDTH) / (int)(m->nphases ? m->nphases : 1);
	int y = CONTENT_TOP, f, p, x;
	const char *held = glyph("\u25cf", L'\u25cf', "h");
	const char *planned = glyph("\u25cb", L'\u25cb', "p");
	const char *cancelled = glyph("\u00d7", L'\u00d7', "x");
	char text[64], legend[256];

	draw_fill(y, 0, COLS, colour(R_HEADING));
	draw_text(y, 1, NAME_WIDTH - 2, _("form \\ phase"), colour(R_HEADING), 0);
	for (p = 0; p < (int)m->nphases; p++)
		draw_text(y, NAME_WIDTH + p * cw, cw - 1,
		    catalogue_phase_name(&t->cat.phases[p]), colour(
		    strcmp(t->cat.phases[p].code, m->view->traj.phase) == 0 ?
		    R_TAB_ACTIVE : R_HEADING), 0);
	for (f = 0; f < (int)m->nforms && y + 2 + f < LINES - 3; f++) {
		const struct cat_form *cf = &t->cat.forms[f];

		draw_text(y + 1 + f, 1, NAME_WIDTH - 2, catalogue_form_name(cf),
		    colour(f == m->row ? R_TITLE : R_NORMAL), 0);
		for (p = 0; p < (int)m->nphases; p++) {
			struct cell *c = &m->cells[f * (int)m->nphases + p];
			enum role r = c->held ? R_HELD : c->planned ? R_PLANNED :
			    c->cancelled ? R_CANCELLED : R_EMPTY;
			attr_t a = colour(r);
			size_t n = 0;

			text[0] = '\0';
			if (c->held)
				n += (size_t)snprintf(text + n, sizeof text - n,
				    "%s%d ", held, c->held);
			if (c->planned)
				n += (size_t)snprintf(text + n, sizeof text - n,
				    "%s%d ", planned, c->planned);
			if (c->cancelled)
				snprintf(text + n, sizeof text - n, "%s%d",
				    cancelled, c->cancelled);
			if (text[0] == '\0')
				snprintf(text, sizeof text, "%s",
				    cf->phases & (1u << p) ? "." : " ");
			if (f == m->row && p == m->col)
				a = colour(R_CURSOR);
			x = NAME_WIDTH + p * cw;
			draw_fill(y + 1 + f, x, cw - 1, a);
			draw_text(y + 1 + f, x + 1, cw - 2, text, a, 0);
		}
	}
	snprintf(legend, sizeof legend, _("%s held   %s planned   %s cancelled"
	    "   . the form fits this phase"), held, planned, cancelled);
	draw_text(y + 2 + (int)m->nforms, 1, COLS - 2, legend, colour(R_EMPTY), 0);
}

static void
draw_catalogue(struct matrix *m, struct tui *t)
{
	static const int w[] = { NAME_WIDTH - 2, 9, 8, 8, 7, 7 };
	const char *heads[] = { _("form"), _("level"), _("represent."),
		_("commitment"), _("effort"), _("cost") };
	const char *good = glyph("\u2714", L'\u2714', "+");
	const char *bad = glyph("\u2718", L'\u2718', "-");
	char legend[512], num[4];
	size_t len;
	int y = CONTENT_TOP, f, i, x, v;

	draw_fill(y, 0, COLS, colour(R_HEADING));
	for (i = 0, x = 1; i < 6; x += w[i++] + 1)
		draw_text(y, x, w[i], heads[i], colour(R_HEADING), 0);
	for (v = 0; v < VOICES; v++) {
		snprintf(num, sizeof num, "%d", v + 1);
		draw_text(y, x + v * 2, 1, num, colour(R_HEADING), 0);
	}
	for (f = 0; f < (int)m->nforms && y + 2 + f < LINES - 4; f++) {
		const struct cat_form *cf = &t->cat.forms[f];
		const char *cells[6] = {
			catalogue_form_name(cf),
			vocab_label(&vocab_level, cf->level),
			vocab_label(&vocab_representative, cf->representative),
			vocab_label(&vocab_degree, cf->commitment),
			vocab_label(&vocab_degree, cf->effort),
			vocab_label(&vocab_degree, cf->cost),
		};
		attr_t a = colour(f == m->row ? R_CURSOR : R_NORMAL);

		draw_fill(y + 1 + f, 0, COLS, a);
		for (i = 0, x = 1; i < 6; x += w[i++] + 1)
			draw_text(y + 1 + f, x, w[i], cells[i], a, 0);
		for (v = 0; v < VOICES; v++) {
			const char *mark = cf->reach_good & (1u << v) ? good :
			    cf->reach_bad & (1u << v) ? bad : ".";
			attr_t ma = f == m->row ? a : colour(cf->reach_good &
			    (1u << v) ? R_GOOD : cf->reach_bad & (1u << v) ?
			    R_BAD : R_EMPTY);

			draw_text(y + 1 + f, x + v * 2, 1, mark, ma, 0);
		}
	}
	snprintf(legend, sizeof legend, _("%s reaches the voice well, %s badly"),
	    good, bad);
	draw_text(y + 2 + (int)m->nforms, 1, COLS - 2, legend, colour(R_EMPTY), 0);
	legend[0] = '\0';
	for (v = 0, len = 0; v < VOICES && len < sizeof legend; v++)
		len += (size_t)snprintf(legend + len, sizeof legend - len,
		    "%s%d %s", v ? ", " : "", v + 1, vocab_label(&vocab_voice,
		    vocab_voice.codes[v]));
	draw_text(y + 3 + (int)m->nforms, 1, COLS - 2, legend, colour(R_EMPTY), 0);
}

static void
draw(struct layer *l, struct tui *t)
{
	struct matrix *m = (struct matrix *)l;

	if (m->catalogue)
		draw_catalogue(m, t);
	else
		draw_sessions(m, t);
}

static void
where(struct layer *l, char *buf, size_t size)
{
	struct matrix *m = (struct matrix *)l;

	snprintf(buf, size, "%s", m->catalogue ? _("catalogue") :
	    _("sessions"));
}

/* ---- a cell's sessions ------------------------------------------------------ */

struct cell_walk {
	struct matrix *m;
	struct tui *t;
	const char *form, *phase;
};

static int
cell_session(const struct session *s, void *arg)
{
	struct cell_walk *w = arg;
	struct matrix *m = w->m;
	char label[512];

	if (strcmp(s->form, w->form) != 0 || strcmp(s->phase, w->phase) != 0)
		return 0;
	if (m->nlabels == MAX_CELL_SESSIONS)
		return 1;
	snprintf(label, sizeof label, "%s  %s  %s  (%s)", s->ref,
	    s->date[0] ? s->date : "----------", s->title,
	    vocab_label(&vocab_session_status, s->status));
	if ((m->labels[m->nlabels] = strdup(label)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	m->ids[m->nlabels++] = s->id;
	return 0;
}

static void
free_labels(struct matrix *m)
{
	while (m->nlabels > 0)
		free(m->labels[--m->nlabels]);
}

static void
cell_chosen(struct tui *t, void *ctx, int choice)
{
	struct matrix *m = ctx;
	struct layer *l;
	const char *form = t->cat.forms[m->row].code;
	const char *phase = t->cat.phases[m->col].code;

	if (choice < 0)
		return;
	if (choice < m->nlabels) {
		if ((l = session_view_new(t, m->view, m->ids[choice])) == NULL)
			tui_error(t, err_status());
		else
			tui_push(t, l);
		return;
	}
	if (!tui_refuse_readonly(t, AC_ADD))
		session_form(t, m->view, 0, form, phase, NULL, NULL);
}

static void
open_cell(struct tui *t, struct matrix *m)
{
	struct cell_walk w = { m, t, NULL, NULL };
	char title[256], *plan;
	int rc, n;

	if (m->nforms == 0 || m->nphases == 0)
		return;
	w.form = t->cat.forms[m->row].code;
	w.phase = t->cat.phases[m->col].code;
	free_labels(m);
	rc = session_each(t->db, m->view->traj.id, 1, cell_session, &w);
	if (rc != ST_OK && rc != 1) {
		tui_error(t, rc);
		return;
	}
	n = m->nlabels;
	if (!t->read_only) {
		if ((plan = strdup(_("+ plan a session here"))) == NULL)
			return;
		m->labels[n++] = plan;
	}
	if (n == 0) {
		tui_message(t, "%s", _("no sessions in this cell"));
		return;
	}
	snprintf(title, sizeof title, "%s, %s",
	    catalogue_form_name(&t->cat.forms[m->row]),
	    catalogue_phase_name(&t->cat.phases[m->col]));
	dialog_pick(t, title, (const char *const *)m->labels, n, 0, cell_chosen, m);
	if (n > m->nlabels)
		free(m->labels[n - 1]);
}

static void
show_form(struct tui *t, struct matrix *m)
{
	const struct cat_form *cf = &t->cat.forms[m->row];
	char text[4096], phases[512] = "";
	size_t p, len = 0;

	for (p = 0; p < t->cat.n_phases && len < sizeof phases; p++)
		if (cf->phases & (1u << p))
			len += (size_t)snprintf(phases + len, sizeof phases - len,
			    "%s%s", len ? ", " : "",
			    catalogue_phase_name(&t->cat.phases[p]));
	snprintf(text, sizeof text, "%s\n\n%s: %s\n%s: %s\n\n%s:\n%s\n\n%s:\n%s",
	    cf->purpose, _("Level"), vocab_label(&vocab_level, cf->level),
	    _("Phases"), phases, _("For"), cf->pros, _("Against"), cf->cons);
	dialog_info(t, catalogue_form_name(cf), text);
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct matrix *m = (struct matrix *)l;

	switch (k->action) {
	case AC_UP:
		if (m->row > 0)
			m->row--;
		return 1;
	case AC_DOWN:
		if (m->row + 1 < (int)m->nforms)
			m->row++;
		return 1;
	case AC_LEFT:
		if (m->col > 0)
			m->col--;
		return 1;
	case AC_RIGHT:
		if (m->col + 1 < (int)m->nphases)
			m->col++;
		return 1;
	case AC_TOP:
		m->row = 0;
		return 1;
	case AC_BOTTOM:
		m->row = m->nforms > 0 ? (int)m->nforms - 1 : 0;
		return 1;
	case AC_VIEW:
		m->catalogue = !m->catalogue;
		return 1;
	case AC_OPEN:
		if (m->catalogue)
			show_form(t, m);
		else
			open_cell(t, m);
		return 1;
	default:
		return 0;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	int rc;

	if ((rc = load(t, (struct matrix *)l)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct matrix *m = (struct matrix *)l;

	free_labels(m);
	free(m->cells);
	free(m);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
matrix_new(struct tui *t, struct view *v)
{
	struct matrix *m = calloc(1, sizeof *m);
	int p;

	if (m == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	m->layer.ops = &ops;
	m->layer.hints = hints;
	m->view = v;
	m->cat = &t->cat;
	if (load(t, m) != ST_OK) {
		destroy(&m->layer);
		return NULL;
	}
	/* Start in the trajectory's phase. */
	if ((p = catalogue_phase_index(&t->cat, v->traj.phase)) >= 0)
		m->col = p;
	return &m->layer;
}
