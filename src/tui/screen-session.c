/* screen-session.c: one session with its details and who attended;
 * attendance is recorded by picking stakeholders from the register
 * with search, one after another. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/session.h"
#include "../core/vocab.h"
#include "form.h"
#include "screens.h"

#define FINDING_LINES 4

struct attendee {
	sqlite3_int64 id;
	char *name;
	char role[16];
	int people;
};

struct session_view {
	struct layer layer;
	struct view *view;
	struct session s;
	struct attendee *att;
	int natt, cap, cur, top;
	sqlite3_int64 editing;	/* stakeholder whose attendance is in a form */
};

static const enum action hints[] = {
	AC_ADD, AC_OPEN, AC_DELETE, AC_EDIT, AC_BACK, AC_HELP, AC_NONE
};

static void
forget(struct session_view *sv)
{
	while (sv->natt > 0)
		free(sv->att[--sv->natt].name);
	session_free(&sv->s);
}

static int
collect(const struct attendance *a, void *arg)
{
	struct session_view *sv = arg;
	struct attendee *p;

	if (sv->natt == sv->cap) {
		int cap = sv->cap ? sv->cap * 2 : 16;

		if ((p = realloc(sv->att, (size_t)cap * sizeof *p)) == NULL)
			return err_set(ST_FAIL, "%s", _("out of memory"));
		sv->att = p;
		sv->cap = cap;
	}
	p = &sv->att[sv->natt];
	if ((p->name = strdup(a->stakeholder)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	p->id = a->stakeholder_id;
	snprintf(p->role, sizeof p->role, "%s", a->role);
	p->people = a->people;
	sv->natt++;
	return 0;
}

static int
load(struct tui *t, struct session_view *sv, sqlite3_int64 id)
{
	int rc;

	forget(sv);
	if ((rc = session_get(t->db, id, &sv->s)) != ST_OK)
		return rc;
	rc = session_attendance_each(t->db, sv->view->traj.id, id, collect, sv);
	if (sv->cur >= sv->natt)
		sv->cur = sv->natt > 0 ? sv->natt - 1 : 0;
	return rc;
}

static void
draw(struct layer *l, struct tui *t)
{
	struct session_view *sv = (struct session_view *)l;
	struct session *s = &sv->s;
	char line[512], none[8] = "-";
	int y = CONTENT_TOP, i, rows;
	const char *p = s->findings;
	char add[32];

	draw_fill(0, 0, COLS, colour(R_TITLE));
	if (s->ref == NULL) {
		draw_text(y + 1, 3, COLS - 4, _("This session was deleted."),
		    colour(R_ERROR), 0);
		return;
	}
	snprintf(line, sizeof line, _("Session %s: %s"), s->ref, s->title);
	draw_text(0, 1, COLS - 2, line, colour(R_TITLE), 0);
	snprintf(line, sizeof line, _("%s, %s; %s; %s"), tui_form_label(t, s->form),
	    tui_phase_label(t, s->phase), s->date[0] ? s->date : _("no date"),
	    vocab_label(&vocab_session_status, s->status));
	draw_text(y++, 1, COLS - 2, line, colour(R_NORMAL), 0);
	snprintf(line, sizeof line, _("Location: %s   Participants: %s   "
	    "Feedback given: %s"), s->location[0] ? s->location : none,
	    s->participants >= 0 ? "" : none, s->feedback_date[0] ?
	    s->feedback_date : _("not yet"));
	if (s->participants >= 0)
		snprintf(line, sizeof line, _("Location: %s   Participants: %d   "
		    "Feedback given: %s"), s->location[0] ? s->location : none,
		    s->participants, s->feedback_date[0] ? s->feedback_date :
		    _("not yet"));
	draw_text(y++, 1, COLS - 2, line, colour(R_NORMAL), 0);
	draw_text(y++, 1, COLS - 2, _("Findings:"), colour(R_HEADING), 0);
	for (i = 0; i < FINDING_LINES; i++, y++) {
		size_t n = strcspn(p, "\n");
		char *one = strndup(p, n);

		if (one != NULL) {
			draw_text(y, 3, COLS - 4, one, colour(R_NORMAL), 0);
			free(one);
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	snprintf(line, sizeof line, _("Attendance (%d)"), sv->natt);
	draw_fill(y, 0, COLS, colour(R_HEADING));
	draw_text(y, 1, 40, line, colour(R_HEADING), 0);
	draw_text(y, 50, 14, _("role"), colour(R_HEADING), 0);
	draw_text(y, 66, 10, _("people"), colour(R_HEADING), 0);
	y++;
	rows = CONTENT_TOP + tui_content_rows() - y;
	if (sv->cur < sv->top)
		sv->top = sv->cur;
	if (sv->cur >= sv->top + rows)
		sv->top = sv->cur - rows + 1;
	keys_first(AC_ADD, add, sizeof add);
	snprintf(line, sizeof line, _("Nobody recorded: press %s to pick who "
	    "attended."), add);
	if (sv->natt == 0)
		draw_text(y + 1, 3, COLS - 4, t->read_only ? _("Nobody recorded.") :
		    line, colour(R_EMPTY), 0);
	for (i = 0; i < rows && sv->top + i < sv->natt; i++) {
		struct attendee *a = &sv->att[sv->top + i];
		attr_t at = sv->top + i == sv->cur ? colour(R_CURSOR) :
		    colour(R_NORMAL);

		snprintf(line, sizeof line, "%d", a->people);
		draw_fill(y + i, 0, COLS, at);
		draw_text(y + i, 1, 47, a->name, at, 0);
		draw_text(y + i, 50, 14, vocab_label(&vocab_role, a->role), at, 0);
		draw_text(y + i, 66, 10, line, at, 0);
	}
}

static void
where(struct layer *l, char *buf, size_t size)
{
	struct session_view *sv = (struct session_view *)l;

	snprintf(buf, size, "%d/%d", sv->natt ? sv->cur + 1 : 0, sv->natt);
}

static int
attend(struct tui *t, void *ctx, sqlite3_int64 id, const char *name)
{
	struct session_view *sv = ctx;
	struct attendance a;
	int i, rc;

	for (i = 0; i < sv->natt; i++)
		if (sv->att[i].id == id) {
			tui_message(t, _("%s already attends"), name);
			return 0;
		}
	memset(&a, 0, sizeof a);
	a.session_id = sv->s.id;
	a.stakeholder_id = id;
	if ((rc = session_attend(t->db, &a)) != ST_OK) {
		tui_error(t, rc);
		return 0;
	}
	tui_reload(t);
	tui_message(t, _("%s attends %s"), name, sv->s.ref);
	return 1;
}

void
session_view_attend(struct tui *t, struct layer *l)
{
	struct session_view *sv = (struct session_view *)l;
	struct layer *p;
	char title[256];

	snprintf(title, sizeof title, _("Who attended %s? Enter records one, "
	    "/ searches, Esc ends"), sv->s.ref);
	if ((p = register_picker_new(t, sv->view, title, 1, attend, sv)) == NULL)
		tui_error(t, err_status());
	else
		tui_push(t, p);
}

static int
save_attendance(struct tui *t, struct form *f, void *ctx)
{
	struct session_view *sv = ctx;
	struct attendance a;
	int rc;

	memset(&a, 0, sizeof a);
	a.session_id = sv->s.id;
	a.stakeholder_id = sv->editing;
	snprintf(a.role, sizeof a.role, "%s", form_get(f, "role"));
	a.people = form_get_number(f, "people");
	if (a.people < 1)
		return err_set_at("people", ST_INPUT, "%s", _("people: at least 1"));
	if ((rc = session_attend(t->db, &a)) == ST_OK)
		tui_reload(t);
	return rc;
}

static void
edit_attendance(struct tui *t, struct session_view *sv)
{
	struct attendee *a;
	struct form *f;
	char people[16];

	if (sv->natt == 0)
		return;
	a = &sv->att[sv->cur];
	sv->editing = a->id;
	snprintf(people, sizeof people, "%d", a->people);
	f = form_new(a->name, save_attendance, sv);
	form_vocab(f, "role", _("Role"), &vocab_role, a->role);
	form_text(f, "people", _("People"), FT_NUMBER, people, 1);
	form_open(t, f);
}

static void
removed(struct tui *t, void *ctx, int yes)
{
	struct session_view *sv = ctx;
	int rc;

	if (!yes)
		return;
	if ((rc = session_attendance_remove(t->db, sv->s.id, sv->editing)) != ST_OK)
		tui_error(t, rc);
	else
		tui_reload(t);
}

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct session_view *sv = (struct session_view *)l;
	char q[512];

	switch (k->action) {
	case AC_DOWN:
		if (sv->cur + 1 < sv->natt)
			sv->cur++;
		return 1;
	case AC_UP:
		if (sv->cur > 0)
			sv->cur--;
		return 1;
	case AC_TOP:
		sv->cur = 0;
		return 1;
	case AC_BOTTOM:
		sv->cur = sv->natt > 0 ? sv->natt - 1 : 0;
		return 1;
	case AC_ADD:
		if (sv->s.ref != NULL)
			session_view_attend(t, l);
		return 1;
	case AC_OPEN:
		if (!tui_refuse_readonly(t, AC_EDIT))
			edit_attendance(t, sv);
		return 1;
	case AC_EDIT:
		if (sv->s.ref != NULL)
			session_form(t, sv->view, sv->s.id, NULL, NULL, NULL, NULL);
		return 1;
	case AC_DELETE:
		if (sv->natt == 0)
			return 1;
		sv->editing = sv->att[sv->cur].id;
		snprintf(q, sizeof q, _("%s did not attend %s after all? (y/n)"),
		    sv->att[sv->cur].name, sv->s.ref);
		dialog_confirm(t, q, removed, sv);
		return 1;
	case AC_BACK:
		tui_pop(t);
		return 1;
	default:
		return 0;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	struct session_view *sv = (struct session_view *)l;
	sqlite3_int64 id = sv->s.id;
	int rc;

	if ((rc = load(t, sv, id)) != ST_OK) {
		/* Deleted by someone else: keep the id to show nothing. */
		sv->s.id = id;
		tui_error(t, rc);
	}
}

static void
destroy(struct layer *l)
{
	struct session_view *sv = (struct session_view *)l;

	forget(sv);
	free(sv->att);
	free(sv);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
session_view_new(struct tui *t, struct view *v, sqlite3_int64 id)
{
	struct session_view *sv = calloc(1, sizeof *sv);

	if (sv == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	sv->layer.ops = &ops;
	sv->layer.hints = hints;
	sv->view = v;
	if (load(t, sv, id) != ST_OK) {
		destroy(&sv->layer);
		return NULL;
	}
	return &sv->layer;
}
