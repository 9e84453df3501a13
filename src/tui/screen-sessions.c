/* screen-sessions.c: tab 4, the session log, newest first, and the
 * session form: fast entry for a commission secretary, with the form,
 * the trajectory's phase, today and a title filled in, then straight
 * on to the attendance. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/session.h"
#include "../core/vocab.h"
#include "form.h"
#include "screens.h"
#include "table.h"

struct sessions {
	struct layer layer;
	struct view *view;
	struct table table;
	sqlite3_int64 deleting;
	char ref[64];
	char empty[160];
};

static const enum action hints[] = {
	AC_OPEN, AC_ADD, AC_EDIT, AC_DELETE, AC_SEARCH, AC_HELP, AC_NONE
};

/* date, ref, form, phase, status, attended, feedback, title */
static const int col_min[] = { 10, 5, 14, 11, 9, 5, 10, 6 };
static const int col_flex[] = { 0, 0, 1, 0, 0, 0, 0, 1 };

/* ---- the session form ----------------------------------------------------- */

struct session_edit {
	struct tui *t;
	struct view *view;
	sqlite3_int64 id;
	int version;
	session_saved_fn saved;
	void *ctx;
};

static int
dup_field(char **dst, struct form *f, const char *name)
{
	if ((*dst = strdup(form_get(f, name))) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return ST_OK;
}

static int
session_save(struct tui *t, struct form *f, void *ctx)
{
	struct session_edit *e = ctx;
	struct session s;
	int rc;

	memset(&s, 0, sizeof s);
	s.id = e->id;
	s.version = e->version;
	s.trajectory_id = e->view->traj.id;
	snprintf(s.form, sizeof s.form, "%s", form_get(f, "form"));
	snprintf(s.phase, sizeof s.phase, "%s", form_get(f, "phase"));
	snprintf(s.status, sizeof s.status, "%s", form_get(f, "status"));
	snprintf(s.date, sizeof s.date, "%s", form_get(f, "date"));
	snprintf(s.feedback_date, sizeof s.feedback_date, "%s",
	    form_get(f, "feedback_date"));
	s.participants = form_get_number(f, "participants");
	if ((rc = dup_field(&s.ref, f, "ref")) == ST_OK &&
	    (rc = dup_field(&s.title, f, "title")) == ST_OK &&
	    (rc = dup_field(&s.location, f, "location")) == ST_OK &&
	    (rc = dup_field(&s.findings, f, "findings")) == ST_OK)
		rc = e->id == 0 ? session_add(t->db, &s) :
		    session_update(t->db, &s);
	if (rc == ST_OK) {
		tui_reload(t);
		tui_message(t, e->id == 0 ? _("session %s added") :
		    _("session %s saved"), s.ref);
		if (e->saved != NULL)
			e->saved(t, e->ctx, s.id);
	}
	session_free(&s);
	return rc;
}

static void
add_catalogue(struct tui *t, struct form *f, int phases, const char *current)
{
	const char *codes[64], *labels[64];
	size_t i, n = phases ? t->cat.n_phases : t->cat.n_forms;

	for (i = 0; i < n && i < 64; i++) {
		codes[i] = phases ? t->cat.phases[i].code : t->cat.forms[i].code;
		labels[i] = phases ? catalogue_phase_name(&t->cat.phases[i]) :
		    catalogue_form_name(&t->cat.forms[i]);
	}
	form_choice(f, phases ? "phase" : "form", phases ? _("Phase") :
	    _("Form"), codes, labels, (int)i, current);
}

void
session_form(struct tui *t, struct view *v, sqlite3_int64 id,
    const char *form, const char *phase, session_saved_fn saved, void *ctx)
{
	struct session_edit *e = calloc(1, sizeof *e);
	struct session s;
	struct form *f;
	char ref[64], today[11] = "", participants[16] = "";
	long days;
	int rc;

	memset(&s, 0, sizeof s);
	if (e == NULL) {
		tui_error(t, err_set(ST_FAIL, "%s", _("out of memory")));
		return;
	}
	if (id != 0 && (rc = session_get(t->db, id, &s)) != ST_OK) {
		free(e);
		tui_error(t, rc);
		return;
	}
	if (id == 0) {
		if ((rc = session_next_ref(t->db, v->traj.id, ref, sizeof ref)) !=
		    ST_OK) {
			free(e);
			tui_error(t, rc);
			return;
		}
		/* From the matrix a session is planned; otherwise it is
		 * logged as it happens, today. */
		if (form != NULL)
			today[0] = '\0';
		else if (date_today(&days) == ST_OK)
			date_format(days, today);
		else
			err_clear();
	} else if (s.participants >= 0)
		snprintf(participants, sizeof participants, "%d", s.participants);
	e->t = t;
	e->view = v;
	e->id = id;
	e->version = s.version;
	e->saved = saved;
	e->ctx = ctx;
	f = form_new(id == 0 ? _("New session") : _("Edit session"), session_save,
	    e);
	form_own(f, e);
	add_catalogue(t, f, 0, id ? s.form : form);
	add_catalogue(t, f, 1, id ? s.phase : phase != NULL ? phase :
	    v->traj.phase);
	form_text(f, "date", _("Date"), FT_DATE, id ? s.date : today, 0);
	form_vocab(f, "status", _("Status"), &vocab_session_status,
	    id ? s.status : today[0] ? "held" : "planned");
	form_text(f, "title", _("Title"), FT_TEXT, id ? s.title :
	    tui_form_label(t, form != NULL ? form : t->cat.forms[0].code), 0);
	form_text(f, "ref", _("Reference"), FT_TEXT, id ? s.ref : ref, 1);
	form_text(f, "location", _("Location"), FT_TEXT, id ? s.location : "", 0);
	form_text(f, "participants", _("Participants"), FT_NUMBER, participants, 0);
	form_text(f, "feedback_date", _("Feedback given"), FT_DATE,
	    id ? s.feedback_date : "", 0);
	form_text(f, "findings", _("Findings"), FT_LINES, id ? s.findings : "", 0);
	session_free(&s);
	form_open(t, f);
}

/* ---- the tab --------------------------------------------------------------- */

static void
draw(struct layer *l, struct tui *t)
{
	struct sessions *s = (struct sessions *)l;

	table_draw(&s->table, t, CONTENT_TOP, tui_content_rows());
}

static void
where(struct layer *l, char *buf, size_t size)
{
	table_where(&((struct sessions *)l)->table, buf, size);
}

/* A new session: open it and pick who attended. */
static void
added(struct tui *t, void *ctx, sqlite3_int64 id)
{
	struct sessions *s = ctx;
	struct layer *l = session_view_new(t, s->view, id);

	if (l == NULL) {
		tui_error(t, err_status());
		return;
	}
	/* Over the form, which closes itself after this. */
	tui_push(t, l);
	session_view_attend(t, l);
}

static void
deleted(struct tui *t, void *ctx, int yes)
{
	struct sessions *s = ctx;
	int rc;

	if (!yes)
		return;
	if ((rc = session_delete(t->db, s->deleting)) != ST_OK) {
		tui_error(t, rc);
		return;
	}
	tui_reload(t);
	tui_message(t, _("session %s deleted"), s->ref);
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct sessions *s = (struct sessions *)l;
	const struct table_row *r = table_current(&s->table);
	struct layer *v;
	char q[256];

	if (table_key(&s->table, t, k))
		return 1;
	switch (k->action) {
	case AC_OPEN:
		if (r == NULL)
			return 1;
		if ((v = session_view_new(t, s->view, r->id)) == NULL)
			tui_error(t, err_status());
		else
			tui_push(t, v);
		return 1;
	case AC_ADD:
		session_form(t, s->view, 0, NULL, NULL, added, s);
		return 1;
	case AC_EDIT:
		if (r != NULL)
			session_form(t, s->view, r->id, NULL, NULL, NULL, NULL);
		return 1;
	case AC_DELETE:
		if (r == NULL)
			return 1;
		s->deleting = r->id;
		snprintf(s->ref, sizeof s->ref, "%s", r->cell[1]);
		snprintf(q, sizeof q, _("Delete session %s with its attendance? "
		    "(y/n)"), s->ref);
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

	if ((rc = table_reload(&((struct sessions *)l)->table)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct sessions *s = (struct sessions *)l;

	table_close(&s->table);
	free(s);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
sessions_new(struct tui *t, struct view *v)
{
	struct sessions *s = calloc(1, sizeof *s);
	char k[32];

	if (s == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	s->layer.ops = &ops;
	s->layer.hints = hints;
	s->view = v;
	if (table_open(&s->table, t, LISTING_SESSIONS, v->traj.id, col_min,
	    col_flex) != ST_OK) {
		free(s);
		return NULL;
	}
	keys_first(AC_ADD, k, sizeof k);
	if (t->read_only)
		snprintf(s->empty, sizeof s->empty, "%s", _("No sessions."));
	else
		snprintf(s->empty, sizeof s->empty, _("No sessions yet: press %s "
		    "to log one."), k);
	s->table.empty = s->empty;
	return &s->layer;
}

void
sessions_seek(struct tui *t, struct layer *tab, const char *ref,
    sqlite3_int64 id)
{
	struct sessions *s = (struct sessions *)tab;

	if (!table_seek(&s->table, ref, id))
		tui_message(t, _("session %s not found"), ref);
}
