/* screen-trajectories.c: the first screen: every trajectory with its
 * phase and status; add, edit, delete, and open one in its tabs. */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/db.h"
#include "../core/error.h"
#include "../core/gap.h"
#include "../core/i18n.h"
#include "../core/trajectory.h"
#include "../core/vocab.h"
#include "form.h"
#include "screens.h"
#include "table.h"

/* Gap counts of the rows shown. The gap check is computed, not
 * stored, so the counts are filled in when no key waits, after the
 * screen is drawn: a trajectory of a million stakeholders takes
 * seconds to check, the first screen must not. A count stays shown
 * until it is checked again after a change. */
#define GAP_CACHE 256

struct trajectories {
	struct layer layer;
	struct table table;
	struct table_extra gaps;
	struct {
		sqlite3_int64 id;
		size_t n;
		int failed, fresh;
	} cache[GAP_CACHE];
	int ncache, next;	/* next: the entry to reuse when full */
	int version;		/* of the trajectory in the form; 0 adds */
	char code[33];
	char empty[160];
};

static const enum action hints[] = {
	AC_OPEN, AC_ADD, AC_EDIT, AC_DELETE, AC_SEARCH, AC_HELP, AC_QUIT, AC_NONE
};

/* code, title, phase, status */
static const int col_min[] = { 10, 20, 14, 9 };
static const int col_flex[] = { 0, 1, 0, 0 };

static void
draw(struct layer *l, struct tui *t)
{
	struct trajectories *s = (struct trajectories *)l;

	draw_fill(0, 0, COLS, colour(R_TITLE));
	draw_text(0, 1, COLS - 2, _("meerstem: trajectories"), colour(R_TITLE), 0);
	table_draw(&s->table, t, CONTENT_TOP, tui_content_rows());
}

static void
where(struct layer *l, char *buf, size_t size)
{
	table_where(&((struct trajectories *)l)->table, buf, size);
}

static int
cached(const struct trajectories *s, sqlite3_int64 id)
{
	int i;

	for (i = 0; i < s->ncache; i++)
		if (s->cache[i].id == id)
			return i;
	return -1;
}

/* The gaps of trajectory ID as last checked; "?" when the check failed
 * (a bad late_phase in the configuration, which the tabs then name). */
static void
fill_gaps(struct tui *t, void *ctx, sqlite3_int64 id, char *buf, size_t size)
{
	struct trajectories *s = ctx;
	int i = cached(s, id);

	if (i < 0 || !s->cache[i].fresh)
		t->idle = 1;
	if (i < 0)
		snprintf(buf, size, "…");
	else if (s->cache[i].failed)
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%zu", s->cache[i].n);
}

static int
key_waiting(void *arg)
{
	struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };

	(void)arg;
	return poll(&in, 1, 0) > 0;
}

/* Check one trajectory shown whose count is missing or old. */
static int
idle(struct layer *l, struct tui *t)
{
	struct trajectories *s = (struct trajectories *)l;
	struct gap_list g;
	int r, i, failed, interrupted;

	for (r = 0; r < s->table.nrows && r < GAP_CACHE; r++) {
		if ((i = cached(s, s->table.rows[r].id)) >= 0 &&
		    s->cache[i].fresh)
			continue;
		if (i < 0) {
			if (s->ncache < GAP_CACHE)
				i = s->ncache++;
			else {
				i = s->next;
				s->next = (s->next + 1) % GAP_CACHE;
			}
		}
		s->cache[i].id = s->table.rows[r].id;
		/* A key pressed meanwhile goes first; the count waits. */
		db_interrupt_when(t->db, key_waiting, NULL);
		failed = gap_check_top(t->db, s->cache[i].id, t->cfg, 1, &g) !=
		    ST_OK;
		interrupted = db_interrupted(t->db);
		db_interrupt_when(t->db, NULL, NULL);
		if (failed)
			err_clear();
		if (!interrupted) {
			s->cache[i].failed = failed;
			s->cache[i].n = g.total;
			s->cache[i].fresh = 1;
			t->dirty = 1;
		}
		gap_list_free(&g);
		return 1;
	}
	return 0;
}

/* ---- the form ----------------------------------------------------------- */

static int
add_phases(struct tui *t, struct form *f, const char *current)
{
	const char *codes[32], *labels[32];
	size_t i;

	for (i = 0; i < t->cat.n_phases && i < 32; i++) {
		codes[i] = t->cat.phases[i].code;
		labels[i] = catalogue_phase_name(&t->cat.phases[i]);
	}
	return form_choice(f, "phase", _("Phase"), codes, labels, (int)i,
	    current);
}

static int
copy_field(char *dst, size_t size, struct form *f, const char *name)
{
	const char *v = form_get(f, name);

	if (strlen(v) >= size)
		return err_set_at(name, ST_INPUT, _("'%s' is too long"), v);
	strcpy(dst, v);
	return ST_OK;
}

static int
fill(struct trajectory *tr, struct form *f, int with_code)
{
	int rc;

	if ((with_code && (rc = copy_field(tr->code, sizeof tr->code, f,
	    "code")) != ST_OK) ||
	    (rc = copy_field(tr->phase, sizeof tr->phase, f, "phase")) ||
	    (rc = copy_field(tr->start_date, sizeof tr->start_date, f, "start")) ||
	    (rc = copy_field(tr->due_date, sizeof tr->due_date, f, "due")))
		return rc;
	if (!with_code && (rc = copy_field(tr->status, sizeof tr->status, f,
	    "status")) != ST_OK)
		return rc;
	free(tr->title);
	free(tr->commission);
	free(tr->requester);
	free(tr->question);
	tr->title = strdup(form_get(f, "title"));
	tr->commission = strdup(form_get(f, "commission"));
	tr->requester = strdup(form_get(f, "requester"));
	tr->question = strdup(form_get(f, "question"));
	if (tr->title == NULL || tr->commission == NULL ||
	    tr->requester == NULL || tr->question == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return ST_OK;
}

static int
save(struct tui *t, struct form *f, void *ctx)
{
	struct trajectories *s = ctx;
	struct trajectory tr;
	int rc;

	memset(&tr, 0, sizeof tr);
	if (s->version != 0) {
		if ((rc = trajectory_get(t->db, s->code, &tr)) != ST_OK)
			return rc == ST_INPUT ? err_set(ST_CONFLICT, _("trajectory "
			    "'%s' was deleted by someone else"), s->code) : rc;
		/* The version of when the form opened: a change made
		 * since then is a conflict, not overwritten. */
		tr.version = s->version;
	}
	if ((rc = fill(&tr, f, s->version == 0)) == ST_OK)
		rc = s->version == 0 ? trajectory_add(t->db, &tr) :
		    trajectory_update(t->db, &tr);
	if (rc == ST_OK) {
		tui_reload(t);
		table_seek(&s->table, tr.code, tr.id);
		tui_message(t, s->version == 0 ? _("trajectory %s added") :
		    _("trajectory %s saved"), tr.code);
	}
	trajectory_free(&tr);
	return rc;
}

static void
open_form(struct tui *t, struct trajectories *s, const struct trajectory *tr)
{
	struct form *f;

	f = form_new(tr == NULL ? _("New trajectory") : _("Edit trajectory"),
	    save, s);
	s->version = tr != NULL ? tr->version : 0;
	if (tr == NULL)
		form_text(f, "code", _("Code"), FT_TEXT, "", 1);
	else
		snprintf(s->code, sizeof s->code, "%s", tr->code);
	form_text(f, "title", _("Title"), FT_TEXT, tr ? tr->title : "", 1);
	form_text(f, "commission", _("Commission"), FT_TEXT,
	    tr ? tr->commission : "", 0);
	form_text(f, "requester", _("Requester"), FT_TEXT,
	    tr ? tr->requester : "", 0);
	add_phases(t, f, tr ? tr->phase : NULL);
	if (tr != NULL)
		form_vocab(f, "status", _("Status"), &vocab_trajectory_status,
		    tr->status);
	form_text(f, "start", _("Start date"), FT_DATE, tr ? tr->start_date : "",
	    0);
	form_text(f, "due", _("Due date"), FT_DATE, tr ? tr->due_date : "", 0);
	form_text(f, "question", _("Advisory question"), FT_LINES,
	    tr ? tr->question : "", 0);
	form_open(t, f);
}

static void
edit(struct tui *t, struct trajectories *s)
{
	const struct table_row *r = table_current(&s->table);
	struct trajectory tr;
	int rc;

	if (r == NULL)
		return;
	if ((rc = trajectory_get(t->db, r->cell[0], &tr)) != ST_OK) {
		tui_error(t, rc);
		return;
	}
	open_form(t, s, &tr);
	trajectory_free(&tr);
}

static void
deleted(struct tui *t, void *ctx, int yes)
{
	struct trajectories *s = ctx;
	int rc;

	if (!yes)
		return;
	if ((rc = trajectory_delete(t->db, s->code)) != ST_OK) {
		tui_error(t, rc);
		return;
	}
	tui_reload(t);
	tui_message(t, _("trajectory %s deleted"), s->code);
}

static void
ask_delete(struct tui *t, struct trajectories *s)
{
	const struct table_row *r = table_current(&s->table);
	char q[256];

	if (r == NULL)
		return;
	snprintf(s->code, sizeof s->code, "%s", r->cell[0]);
	snprintf(q, sizeof q, _("Delete %s with all its sessions, involvement "
	    "and inputs? (y/n)"), s->code);
	dialog_confirm(t, q, deleted, s);
}

/* ---- keys ----------------------------------------------------------------- */

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct trajectories *s = (struct trajectories *)l;
	const struct table_row *r;
	struct layer *v;

	if (table_key(&s->table, t, k))
		return 1;
	switch (k->action) {
	case AC_OPEN:
		if ((r = table_current(&s->table)) == NULL)
			return 1;
		if ((v = view_new(t, r->cell[0], t->start_tab)) == NULL)
			tui_error(t, err_status());
		else
			tui_push(t, v);
		return 1;
	case AC_ADD:
		open_form(t, s, NULL);
		return 1;
	case AC_EDIT:
		edit(t, s);
		return 1;
	case AC_DELETE:
		ask_delete(t, s);
		return 1;
	case AC_SEARCH:
		table_prompt_search(&s->table, t);
		return 1;
	case AC_BACK:
		return 1;
	default:
		return 0;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	struct trajectories *s = (struct trajectories *)l;
	int rc, i;

	for (i = 0; i < s->ncache; i++)
		s->cache[i].fresh = 0;
	if ((rc = table_reload(&s->table)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct trajectories *s = (struct trajectories *)l;

	table_close(&s->table);
	free(s);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, idle
};

struct layer *
trajectories_new(struct tui *t)
{
	struct trajectories *s = calloc(1, sizeof *s);

	if (s == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	s->layer.ops = &ops;
	s->layer.hints = hints;
	if (table_open(&s->table, t, LISTING_TRAJECTORIES, 0, col_min,
	    col_flex) != ST_OK) {
		free(s);
		return NULL;
	}
	if (t->read_only)
		snprintf(s->empty, sizeof s->empty, "%s", _("No trajectories."));
	else {
		char k[32];

		keys_first(AC_ADD, k, sizeof k);
		snprintf(s->empty, sizeof s->empty, _("No trajectories yet: "
		    "press %s to add one."), k);
	}
	s->table.empty = s->empty;
	s->gaps.label = N_("gaps");
	s->gaps.min = draw_width(_(s->gaps.label)) > 5 ?
	    draw_width(_(s->gaps.label)) : 5;
	s->gaps.fill = fill_gaps;
	s->gaps.ctx = s;
	s->table.extra = &s->gaps;
	return &s->layer;
}
