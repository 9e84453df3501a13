/* screen-inputs.c: tab 5, the input that came out of the sessions and
 * what was done with it, the unanswered items first: no disposition
 * yet, or one that was never reported back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/input.h"
#include "../core/session.h"
#include "../core/vocab.h"
#include "form.h"
#include "screens.h"
#include "table.h"

#define MAX_SESSION_CHOICES 500

struct inputs {
	struct layer layer;
	struct view *view;
	struct table table;
	sqlite3_int64 id;	/* of the input in the form or question */
	int version;
	char summary[256];
	char *codes[MAX_SESSION_CHOICES], *labels[MAX_SESSION_CHOICES];
	int nchoices;
	char empty[160];
};

static const enum action hints[] = {
	AC_ADD, AC_EDIT, AC_DELETE, AC_SEARCH, AC_HELP, AC_NONE
};

/* session, disposition, reported, summary, reason */
static const int col_min[] = { 6, 14, 10, 20, 10 };
static const int col_flex[] = { 0, 0, 0, 2, 1 };

static void
draw(struct layer *l, struct tui *t)
{
	table_draw(&((struct inputs *)l)->table, t, CONTENT_TOP,
	    tui_content_rows());
}

static void
where(struct layer *l, char *buf, size_t size)
{
	table_where(&((struct inputs *)l)->table, buf, size);
}

static void
free_choices(struct inputs *s)
{
	while (s->nchoices > 0) {
		s->nchoices--;
		free(s->codes[s->nchoices]);
		free(s->labels[s->nchoices]);
	}
}

static int
add_choice(const struct session *se, void *arg)
{
	struct inputs *s = arg;
	char code[32], label[512];

	if (s->nchoices == MAX_SESSION_CHOICES)
		return 1;
	snprintf(code, sizeof code, "%lld", (long long)se->id);
	snprintf(label, sizeof label, "%s %s %s", se->ref, se->date, se->title);
	s->codes[s->nchoices] = strdup(code);
	s->labels[s->nchoices] = strdup(label);
	if (s->codes[s->nchoices] == NULL || s->labels[s->nchoices] == NULL) {
		free(s->codes[s->nchoices]);
		free(s->labels[s->nchoices]);
		return err_set(ST_FAIL, "%s", _("out of memory"));
	}
	s->nchoices++;
	return 0;
}

static int
save(struct tui *t, struct form *f, void *ctx)
{
	struct inputs *s = ctx;
	struct input in;
	int rc;

	memset(&in, 0, sizeof in);
	in.id = s->id;
	in.version = s->version;
	in.trajectory_id = s->view->traj.id;
	in.session_id = strtoll(form_get(f, "session"), NULL, 10);
	snprintf(in.disposition, sizeof in.disposition, "%s",
	    form_get(f, "disposition"));
	snprintf(in.reported_date, sizeof in.reported_date, "%s",
	    form_get(f, "reported_date"));
	if ((in.summary = strdup(form_get(f, "summary"))) == NULL ||
	    (in.reason = strdup(form_get(f, "reason"))) == NULL)
		rc = err_set(ST_FAIL, "%s", _("out of memory"));
	else
		rc = s->id == 0 ? input_add(t->db, &in) : input_update(t->db, &in);
	if (rc == ST_OK) {
		tui_reload(t);
		table_seek(&s->table, in.summary, in.id);
		tui_message(t, "%s", s->id == 0 ? _("input added") :
		    _("input saved"));
	}
	input_free(&in);
	return rc;
}

static void
open_form(struct tui *t, struct inputs *s, const struct input *in)
{
	struct form *f;
	char current[32] = "";
	int rc;

	free_choices(s);
	if ((rc = session_each(t->db, s->view->traj.id, 1, add_choice, s)) !=
	    ST_OK && rc != 1) {
		tui_error(t, rc);
		return;
	}
	if (s->nchoices == 0) {
		tui_message(t, "%s", _("log a session first: input comes out of "
		    "sessions"));
		return;
	}
	s->id = in != NULL ? in->id : 0;
	s->version = in != NULL ? in->version : 0;
	if (in != NULL)
		snprintf(current, sizeof current, "%lld", (long long)in->session_id);
	f = form_new(in ? _("Edit input") : _("New input"), save, s);
	form_choice(f, "session", _("Session"), (const char *const *)s->codes,
	    (const char *const *)s->labels, s->nchoices, current);
	form_text(f, "summary", _("Summary"), FT_TEXT, in ? in->summary : "", 1);
	form_vocab(f, "disposition", _("Disposition"), &vocab_disposition,
	    in ? in->disposition : "open");
	form_text(f, "reason", _("Reason"), FT_LINES, in ? in->reason : "", 0);
	form_text(f, "reported_date", _("Reported back"), FT_DATE,
	    in ? in->reported_date : "", 0);
	form_open(t, f);
}

static void
edit(struct tui *t, struct inputs *s)
{
	const struct table_row *r = table_current(&s->table);
	struct input in;
	int rc;

	if (r == NULL)
		return;
	if ((rc = input_get(t->db, r->id, &in)) != ST_OK) {
		tui_error(t, rc);
		return;
	}
	open_form(t, s, &in);
	input_free(&in);
}

static void
show(struct tui *t, struct inputs *s)
{
	const struct table_row *r = table_current(&s->table);
	char text[4096];
	int i;

	if (r == NULL)
		return;
	text[0] = '\0';
	for (i = 0; i < s->table.ncols; i++) {
		size_t n = strlen(text);

		snprintf(text + n, sizeof text - n, "%s: %s\n",
		    _(s->table.cols[i].label), table_cell_text(t,
		    &s->table.cols[i], r->cell[i]));
	}
	dialog_info(t, _("Input"), text);
}

static void
deleted(struct tui *t, void *ctx, int yes)
{
	struct inputs *s = ctx;
	int rc;

	if (!yes)
		return;
	if ((rc = input_delete(t->db, s->id)) != ST_OK)
		tui_error(t, rc);
	else {
		tui_reload(t);
		tui_message(t, "%s", _("input deleted"));
	}
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct inputs *s = (struct inputs *)l;
	const struct table_row *r = table_current(&s->table);
	char q[512];

	if (table_key(&s->table, t, k))
		return 1;
	switch (k->action) {
	case AC_OPEN:
		if (t->read_only)
			show(t, s);
		else
			edit(t, s);
		return 1;
	case AC_ADD:
		open_form(t, s, NULL);
		return 1;
	case AC_EDIT:
		edit(t, s);
		return 1;
	case AC_DELETE:
		if (r == NULL)
			return 1;
		s->id = r->id;
		snprintf(s->summary, sizeof s->summary, "%s", r->cell[3]);
		snprintf(q, sizeof q, _("Delete the input '%s'? (y/n)"), s->summary);
		dialog_confirm(t, q, deleted, s);
		return 1;
	case AC_SEARCH:
		table_prompt_search(&s->table, t);
		return 1;
	default:
		return 0;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	int rc;

	if ((rc = table_reload(&((struct inputs *)l)->table)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct inputs *s = (struct inputs *)l;

	free_choices(s);
	table_close(&s->table);
	free(s);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
inputs_new(struct tui *t, struct view *v)
{
	struct inputs *s = calloc(1, sizeof *s);
	char k[32];

	if (s == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	s->layer.ops = &ops;
	s->layer.hints = hints;
	s->view = v;
	if (table_open(&s->table, t, LISTING_INPUTS, v->traj.id, col_min,
	    col_flex) != ST_OK) {
		free(s);
		return NULL;
	}
	keys_first(AC_ADD, k, sizeof k);
	if (t->read_only)
		snprintf(s->empty, sizeof s->empty, "%s", _("No input recorded."));
	else
		snprintf(s->empty, sizeof s->empty, _("No input recorded: press %s "
		    "to add what came out of a session."), k);
	s->table.empty = s->empty;
	return &s->layer;
}

void
inputs_seek(struct tui *t, struct layer *tab, const char *summary,
    sqlite3_int64 id)
{
	struct inputs *s = (struct inputs *)tab;

	if (!table_seek(&s->table, summary, id))
		tui_message(t, "%s", _("that input is no longer there"));
}
