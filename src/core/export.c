/* export.c: CSV and JSON export, one function per kind, through the
 * model's listing functions and out.c (which writes CSV with csvw and
 * neutralises spreadsheet formulas). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anonymise.h"
#include "db.h"
#include "error.h"
#include "export.h"
#include "i18n.h"
#include "input.h"
#include "json.h"
#include "member.h"
#include "participant.h"
#include "session.h"
#include "stakeholder.h"
#include "trajectory.h"

const char *const export_kinds[] = {
	"stakeholders", "sessions", "attendance", "participants", "benchmarks",
	"members", "inputs", "matrix", NULL
};

struct export {
	struct db *db;
	sqlite3_int64 traj;
	struct out *out;
	struct anon *anon;	/* NULL: names as they are */
	/* participants: the dimension of each column after "session" */
	sqlite3_int64 *dims;
	char **names;
	int ndims;
};

/* "" becomes NULL: an empty CSV cell, a JSON null. */
static const char *
opt(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static int
begin(struct export *e, FILE *fp, enum out_format f, char delim,
    const struct out_col *cols, int n)
{
	if ((e->out = out_begin_delim(fp, f, delim, cols, n)) == NULL)
		return err_status();
	return ST_OK;
}

/* ---- anonymising ----------------------------------------------------- */

/* NAME, or its pseudonym when it is a person's. */
static const char *
who(const struct export *e, const char *name)
{
	const char *p;

	if (e->anon == NULL || name == NULL)
		return name;
	p = anon_name(e->anon, name);
	return p != NULL ? p : name;
}

/* When anonymising, point *TEXT at a copy without the people's names
 * and contacts, kept in *OWN for the caller to free. */
static int
scrub(const struct export *e, const char **text, char **own)
{
	*own = NULL;
	if (e->anon == NULL || *text == NULL)
		return ST_OK;
	if ((*own = anon_text(e->anon, *text)) == NULL)
		return err_status();
	*text = *own;
	return ST_OK;
}

static void
free_all(char **v, int n)
{
	while (n-- > 0)
		free(v[n]);
}

/* ---- one function per kind -------------------------------------------- */

static const struct out_col stakeholder_cols[] = {
	{ "name", "name", 0 }, { "kind", "kind", 0 },
	{ "category", "category", 0 }, { "voice", "voice", 0 },
	{ "impact", "impact", 1 }, { "influence", "influence", 1 },
	{ "represented_by", "represented_by", 0 }, { "reason", "reason", 0 },
	{ "contact", "contact", 0 },
};

static int
stakeholder_row(const struct stakeholder *s, const struct involvement *inv,
    void *arg)
{
	struct export *e = arg;
	char impact[16], influence[16], *t[2] = { NULL, NULL };
	const char *cells[9] = { who(e, s->name), s->kind, s->category, s->voice,
	    impact, influence, inv->represented_by, inv->reason,
	    e->anon != NULL ? NULL : s->contact };
	int rc;

	snprintf(impact, sizeof impact, "%d", inv->impact);
	snprintf(influence, sizeof influence, "%d", inv->influence);
	if ((rc = scrub(e, &cells[7], &t[0])) == ST_OK &&
	    (rc = scrub(e, &cells[2], &t[1])) == ST_OK)
		rc = out_row(e->out, cells);
	free_all(t, 2);
	return rc;
}

static int
stakeholders(struct export *e)
{
	return stakeholder_each(e->db, e->traj, stakeholder_row, e);
}

static const struct out_col session_cols[] = {
	{ "ref", "ref", 0 }, { "form", "form", 0 }, { "phase", "phase", 0 },
	{ "title", "title", 0 }, { "date", "date", 0 },
	{ "location", "location", 0 }, { "participants", "participants", 1 },
	{ "status", "status", 0 }, { "findings", "findings", 0 },
	{ "feedback_date", "feedback_date", 0 },
};

static int
session_row(const struct session *s, void *arg)
{
	struct export *e = arg;
	char n[16], *t[3] = { NULL, NULL, NULL };
	const char *cells[10] = { s->ref, s->form, s->phase, s->title,
	    opt(s->date), s->location, s->participants >= 0 ? n : NULL,
	    s->status, s->findings, opt(s->feedback_date) };
	int rc;

	snprintf(n, sizeof n, "%d", s->participants);
	if ((rc = scrub(e, &cells[3], &t[0])) == ST_OK &&
	    (rc = scrub(e, &cells[5], &t[1])) == ST_OK &&
	    (rc = scrub(e, &cells[8], &t[2])) == ST_OK)
		rc = out_row(e->out, cells);
	free_all(t, 3);
	return rc;
}

static int
sessions(struct export *e)
{
	return session_each(e->db, e->traj, 0, session_row, e);
}

static const struct out_col attendance_cols[] = {
	{ "session", "session", 0 }, { "stakeholder", "stakeholder", 0 },
	{ "role", "role", 0 }, { "people", "people", 1 },
};

static int
attendance_row(const struct attendance *a, void *arg)
{
	struct export *e = arg;
	char n[16];
	const char *cells[4] = { a->session_ref, who(e, a->stakeholder), a->role,
	    n };

	snprintf(n, sizeof n, "%d", a->people);
	return out_row(e->out, cells);
}

static int
attendance(struct export *e)
{
	return session_attendance_each(e->db, e->traj, 0, attendance_row, e);
}

static const struct out_col benchmark_cols[] = {
	{ "dimension", "dimension", 0 }, { "category", "category", 0 },
	{ "share", "share", 1 },
};

static int
benchmark_row(const struct profile_value *v, double share, void *arg)
{
	struct export *e = arg;
	char n[32];
	const char *cells[3] = { v->dimension, v->category, n };

	json_format_real(n, share);
	return out_row(e->out, cells);
}

static int
benchmarks(struct export *e)
{
	return participant_benchmark_each(e->db, e->traj, benchmark_row, e);
}

static const struct out_col member_cols[] = {
	{ "name", "name", 0 }, { "delegation", "delegation", 0 },
};

static int
member_row(const struct member *m, void *arg)
{
	struct export *e = arg;
	const char *cells[2] = { who(e, m->name), m->delegation };

	return out_row(e->out, cells);
}

static int
members(struct export *e)
{
	return member_each(e->db, e->traj, member_row, e);
}

static const struct out_col input_cols[] = {
	{ "session", "session", 0 }, { "summary", "summary", 0 },
	{ "disposition", "disposition", 0 }, { "reason", "reason", 0 },
	{ "reported_date", "reported_date", 0 },
};

static int
input_row(const struct input *in, void *arg)
{
	struct export *e = arg;
	char *t[2] = { NULL, NULL };
	const char *cells[5] = { in->session_ref, in->summary, in->disposition,
	    in->reason, opt(in->reported_date) };
	int rc;

	if ((rc = scrub(e, &cells[1], &t[0])) == ST_OK &&
	    (rc = scrub(e, &cells[3], &t[1])) == ST_OK)
		rc = out_row(e->out, cells);
	free_all(t, 2);
	return rc;
}

static int
inputs(struct export *e)
{
	return input_each(e->db, e->traj, 0, input_row, e);
}

static const struct out_col matrix_cols[] = {
	{ "form", "form", 0 }, { "phase", "phase", 0 },
	{ "planned", "planned", 1 }, { "held", "held", 1 },
};

static int
matrix_row(const struct matrix_cell *c, void *arg)
{
	struct export *e = arg;
	char planned[16], held[16];
	const char *cells[4] = { c->form, c->phase, planned, held };

	snprintf(planned, sizeof planned, "%d", c->planned);
	snprintf(held, sizeof held, "%d", c->held);
	return out_row(e->out, cells);
}

static int
matrix(struct export *e)
{
	return session_matrix(e->db, e->traj, matrix_row, e);
}

/* Participants: "session", then one column per dimension in use. */
static int
participant_row(const char *ref, long seq, const struct profile_value *v,
    int n, void *arg)
{
	struct export *e = arg;
	const char *cells[PARTICIPANT_MAX_DIMENSIONS + 1];
	int i, k = 0;

	(void)seq;
	cells[0] = ref;
	/* Values and columns are both in dimension order: one merge. */
	for (i = 0; i < e->ndims; i++) {
		while (k < n && v[k].dimension_id < e->dims[i])
			k++;
		cells[i + 1] = k < n && v[k].dimension_id == e->dims[i] ?
		    v[k].category : NULL;
	}
	return out_row(e->out, cells);
}

static int
add_dimension(sqlite3_int64 id, const char *name, void *arg)
{
	struct export *e = arg;

	if (e->ndims == PARTICIPANT_MAX_DIMENSIONS)
		return err_set(ST_DB, _("the profiles use more than %d "
		    "dimensions"), PARTICIPANT_MAX_DIMENSIONS);
	if ((e->names[e->ndims] = strdup(name)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	e->dims[e->ndims++] = id;
	return ST_OK;
}

static int
participants(struct export *e, FILE *fp, enum out_format f, char delim)
{
	struct out_col cols[PARTICIPANT_MAX_DIMENSIONS + 1];
	sqlite3_int64 dims[PARTICIPANT_MAX_DIMENSIONS];
	char *names[PARTICIPANT_MAX_DIMENSIONS];
	int i, rc;

	e->dims = dims;
	e->names = names;
	e->ndims = 0;
	if ((rc = participant_dimensions(e->db, e->traj, add_dimension, e)))
		goto done;
	cols[0] = (struct out_col){ "session", "session", 0 };
	for (i = 0; i < e->ndims; i++)
		cols[i + 1] = (struct out_col){ names[i], names[i], 0 };
	if ((rc = begin(e, fp, f, delim, cols, e->ndims + 1)) != ST_OK)
		goto done;
	if ((rc = participant_each(e->db, e->traj, 0, participant_row, e)))
		out_abort(e->out);
	else
		rc = out_end(e->out);
done:
	for (i = 0; i < e->ndims; i++)
		free(names[i]);
	return rc;
}

/* ---- the export ------------------------------------------------------- */

static const struct {
	const struct out_col *cols;
	int ncols;
	int (*run)(struct export *);
	int personal;		/* names people */
	int personal_text;	/* names people, or its free text may */
} kinds[] = {
	{ stakeholder_cols, 9, stakeholders, 1, 1 },
	{ session_cols, 10, sessions, 0, 1 },
	{ attendance_cols, 4, attendance, 1, 1 },
	{ NULL, 0, NULL, 0, 0 },		/* participants */
	{ benchmark_cols, 3, benchmarks, 0, 0 },
	{ member_cols, 2, members, 1, 1 },
	{ input_cols, 5, inputs, 0, 1 },
	{ matrix_cols, 4, matrix, 0, 0 },
};

static int
kind_index(const char *kind)
{
	int i;

	for (i = 0; export_kinds[i] != NULL; i++)
		if (strcmp(export_kinds[i], kind) == 0)
			return i;
	return -1;
}

int
export_check_kind(const char *kind)
{
	char list[256];
	size_t len = 0;
	int i;

	if (kind_index(kind) >= 0)
		return ST_OK;
	for (i = 0; export_kinds[i] != NULL; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", export_kinds[i]);
	/* gaps, the gap check's findings, is exported by gap_write. */
	snprintf(list + len, sizeof list - len, ", gaps");
	return err_set(ST_INPUT, _("unknown kind '%s': expected one of %s"),
	    kind, list);
}

int
export_personal(const char *kind)
{
	int k = kind_index(kind);

	return k >= 0 && kinds[k].personal;
}

int
export_write(struct db *db, const char *kind, const char *code, FILE *fp,
    enum out_format f, char delim, int anonymise)
{
	struct export e = { 0 };
	int k, rc;

	if ((rc = export_check_kind(kind)) != ST_OK)
		return rc;
	k = kind_index(kind);
	e.db = db;
	if ((rc = trajectory_id(db, code, &e.traj)) != ST_OK)
		return rc;
	/* One read transaction: a consistent snapshot, also across the two
	 * passes over participant profiles, while others write. */
	if ((rc = db_exec(db, "BEGIN")) != ST_OK)
		return rc;
	if (anonymise && kinds[k].personal_text &&
	    (rc = anon_open(db, e.traj, &e.anon)) != ST_OK) {
		sqlite3_exec(db_sqlite(db), "COMMIT", NULL, NULL, NULL);
		return rc;
	}
	if (kinds[k].run == NULL)
		rc = participants(&e, fp, f, delim);
	else if ((rc = begin(&e, fp, f, delim, kinds[k].cols,
	    kinds[k].ncols)) == ST_OK) {
		if ((rc = kinds[k].run(&e)) != ST_OK)
			out_abort(e.out);
		else
			rc = out_end(e.out);
	}
	sqlite3_exec(db_sqlite(db), "COMMIT", NULL, NULL, NULL);
	anon_free(e.anon);
	return rc;
}
