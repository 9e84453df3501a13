/* import.c: CSV import, one function per kind. Cells are turned into
 * the model's records and merged through the model, so an import gets
 * the same checks and messages as the interface; the model names the
 * field at fault and this file turns it into a line and column. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "csvr.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "import.h"
#include "input.h"
#include "member.h"
#include "participant.h"
#include "session.h"
#include "stakeholder.h"
#include "trajectory.h"
#include "utf8.h"

#define SLOTS 1024		/* category cache per dimension: power of two */
#define CACHED_NAME 64		/* longer category names are not cached */

const char *const import_kinds[] = {
	"stakeholders", "sessions", "attendance", "participants", "benchmarks",
	"members", "inputs", NULL
};

struct import {
	struct db *db;
	struct csvr *r;
	sqlite3_int64 traj;
	struct import_counts *c;
	struct csvr_col *cols;
	int ncols;
};

/* ---- cells ---------------------------------------------------------- */

/* Prefix the model's error with the cell it is about: the column the
 * model named, else FALLBACK (a column index or -1). */
static int
fail(struct import *im, int fallback)
{
	const char *field = err_field();
	int k, col = fallback;

	if (err_status() != ST_INPUT)
		return err_status();
	for (k = 0; field != NULL && k < im->ncols; k++)
		if (strcmp(im->cols[k].name, field) == 0 && im->cols[k].index >= 0)
			col = im->cols[k].index;
	return csvr_fail(im->r, col);
}

static char *
cell(struct import *im, int k)
{
	return csvr_cell(im->r, im->cols[k].index);
}

static int
has(const struct import *im, int k)
{
	return im->cols[k].index >= 0;
}

/* Copy a code cell into DST of SIZE bytes, trimmed ("" if absent). */
static int
code(struct import *im, int k, char *dst, size_t size)
{
	char *s = cell(im, k);

	dst[0] = '\0';
	if (s == NULL)
		return ST_OK;
	str_trim(s);
	if (strlen(s) >= size)
		return csvr_error(im->r, im->cols[k].index, _("bad %s '%s'"),
		    im->cols[k].name, s);
	memcpy(dst, s, strlen(s) + 1);
	return ST_OK;
}

/* A whole number, or DEF when the cell is empty or absent. */
static int
number(struct import *im, int k, long def, long *out)
{
	char *s = cell(im, k), *end;

	*out = def;
	if (s == NULL || *str_trim(s) == '\0')
		return ST_OK;
	errno = 0;
	*out = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || (*s != '-' && (*s < '0' || *s > '9')) ||
	    *out < -1000000000L || *out > 1000000000L)
		return csvr_error(im->r, im->cols[k].index, _("bad number '%s' "
		    "for %s: expected a whole number"), s, im->cols[k].name);
	return ST_OK;
}

/* A decimal number; a decimal comma (0,16) is read as a point. */
static int
decimal(struct import *im, int k, double *out)
{
	char *s = cell(im, k), *end, *comma;

	if (s == NULL || *str_trim(s) == '\0')
		return csvr_error(im->r, im->cols[k].index, _("missing %s"),
		    im->cols[k].name);
	if (strchr(s, '.') == NULL && (comma = strchr(s, ',')) != NULL &&
	    strchr(comma + 1, ',') == NULL)
		*comma = '.';
	errno = 0;
	*out = strtod(s, &end);
	if (*end != '\0' || errno != 0 || !isfinite(*out) ||
	    strpbrk(s, "xXnN") != NULL)
		return csvr_error(im->r, im->cols[k].index, _("bad number '%s' "
		    "for %s"), s, im->cols[k].name);
	return ST_OK;
}

static void
count(struct import *im, enum merge_outcome out)
{
	im->c->rows++;
	if (out == MERGE_ADDED)
		im->c->added++;
	else if (out == MERGE_CHANGED)
		im->c->changed++;
	else
		im->c->unchanged++;
}

/* Bit B of a merge mask when column K is in the file. */
static unsigned
maybe(const struct import *im, int k, unsigned b)
{
	return has(im, k) ? b : 0;
}

static int
map(struct import *im, struct csvr_col *cols, int n, int extra)
{
	im->cols = cols;
	im->ncols = n;
	return csvr_map(im->r, cols, n, extra);
}

/* ---- session refs ----------------------------------------------------- */

/* Sessions met in a file, in a list that grows with the sessions of the
 * trajectory (never with the rows), each with its next profile number. */
struct ref {
	char *ref;
	sqlite3_int64 id;
	long seq;
};

struct refs {
	struct ref *v;
	size_t n, cap;
	size_t last;
};

static void
refs_free(struct refs *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		free(rs->v[i].ref);
	free(rs->v);
}

/* The session with the ref in cell K; *NEW is set the first time. */
static int
session_ref(struct import *im, struct refs *rs, int k, struct ref **out,
    int *new)
{
	struct session s;
	struct ref *v;
	char *ref = cell(im, k);
	size_t i;

	*new = 0;
	str_trim(ref);
	if (rs->n > 0 && strcmp(rs->v[rs->last].ref, ref) == 0) {
		*out = &rs->v[rs->last];
		return ST_OK;
	}
	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].ref, ref) == 0) {
			rs->last = i;
			*out = &rs->v[i];
			return ST_OK;
		}
	if (*ref == '\0')
		return csvr_error(im->r, im->cols[k].index, "%s",
		    _("missing session ref"));
	if (session_find(im->db, im->traj, ref, &s) != ST_OK)
		return csvr_fail(im->r, im->cols[k].index);
	if (rs->n == rs->cap) {
		size_t cap = rs->cap > 0 ? 2 * rs->cap : 16;

		if ((v = realloc(rs->v, cap * sizeof *v)) == NULL) {
			session_free(&s);
			return err_set(ST_FAIL, "%s", _("out of memory"));
		}
		rs->v = v;
		rs->cap = cap;
	}
	v = &rs->v[rs->n];
	v->ref = s.ref;
	v->id = s.id;
	v->seq = 0;
	s.ref = NULL;
	session_free(&s);
	rs->last = rs->n++;
	*new = 1;
	*out = v;
	return ST_OK;
}

/* ---- stakeholders ----------------------------------------------------- */

static int
stakeholders(struct import *im)
{
	enum { NAME, KIND, CATEGORY, VOICE, IMPACT, INFLUENCE, REPRESENTED_BY,
	    REASON, CONTACT };
	struct csvr_col cols[] = {
		{ "name", 1, 0 }, { "kind", 0, 0 }, { "category", 0, 0 },
		{ "voice", 0, 0 }, { "impact", 0, 0 }, { "influence", 0, 0 },
		{ "represented_by", 0, 0 }, { "reason", 0, 0 },
		{ "contact", 0, 0 },
	};
	struct stakeholder_batch *batch;
	struct stakeholder s;
	struct involvement inv;
	enum merge_outcome out;
	unsigned mask;
	long impact, influence;
	int rc;

	if ((rc = map(im, cols, 9, 0)) != ST_OK ||
	    (rc = stakeholder_batch_new(im->db, &batch)) != ST_OK)
		return rc;
	mask = maybe(im, KIND, SH_KIND) | maybe(im, CATEGORY, SH_CATEGORY) |
	    maybe(im, VOICE, SH_VOICE) | maybe(im, CONTACT, SH_CONTACT) |
	    maybe(im, IMPACT, INV_IMPACT) | maybe(im, INFLUENCE, INV_INFLUENCE) |
	    maybe(im, REPRESENTED_BY, INV_REPRESENTED_BY) |
	    maybe(im, REASON, INV_REASON);
	while ((rc = csvr_next(im->r)) > 0) {
		memset(&s, 0, sizeof s);
		memset(&inv, 0, sizeof inv);
		s.name = cell(im, NAME);
		s.category = cell(im, CATEGORY);
		s.contact = cell(im, CONTACT);
		inv.reason = cell(im, REASON);
		if ((rc = code(im, KIND, s.kind, sizeof s.kind)) ||
		    (rc = code(im, VOICE, s.voice, sizeof s.voice)) ||
		    (rc = code(im, REPRESENTED_BY, inv.represented_by,
		    sizeof inv.represented_by)) ||
		    (rc = number(im, IMPACT, 0, &impact)) ||
		    (rc = number(im, INFLUENCE, 0, &influence)))
			break;
		inv.impact = (int)impact;
		inv.influence = (int)influence;
		if (stakeholder_batch_merge(batch, im->traj, &s, &inv, mask,
		    &out) != ST_OK) {
			rc = fail(im, im->cols[NAME].index);
			break;
		}
		count(im, out);
	}
	rc = rc < 0 ? err_status() : rc;
	/* Every row is checked before it is queued: what a flush can meet
	 * is the database's own trouble (a full disk), not a cell. */
	if (rc == ST_OK)
		rc = stakeholder_batch_flush(batch);
	stakeholder_batch_free(batch);
	return rc;
}

/* ---- sessions --------------------------------------------------------- */

static int
sessions(struct import *im)
{
	enum { REF, FORM, PHASE, TITLE, DATE, LOCATION, PARTICIPANTS, STATUS,
	    FINDINGS, FEEDBACK_DATE };
	struct csvr_col cols[] = {
		{ "ref", 1, 0 }, { "form", 1, 0 }, { "phase", 1, 0 },
		{ "title", 0, 0 }, { "date", 0, 0 }, { "location", 0, 0 },
		{ "participants", 0, 0 }, { "status", 0, 0 },
		{ "findings", 0, 0 }, { "feedback_date", 0, 0 },
	};
	struct session s;
	enum merge_outcome out;
	unsigned mask;
	long n;
	int rc;

	if ((rc = map(im, cols, 10, 0)) != ST_OK)
		return rc;
	mask = maybe(im, TITLE, SES_TITLE) | maybe(im, DATE, SES_DATE) |
	    maybe(im, LOCATION, SES_LOCATION) |
	    maybe(im, PARTICIPANTS, SES_PARTICIPANTS) |
	    maybe(im, STATUS, SES_STATUS) | maybe(im, FINDINGS, SES_FINDINGS) |
	    maybe(im, FEEDBACK_DATE, SES_FEEDBACK_DATE);
	while ((rc = csvr_next(im->r)) > 0) {
		memset(&s, 0, sizeof s);
		s.trajectory_id = im->traj;
		s.ref = cell(im, REF);
		s.title = cell(im, TITLE);
		s.location = cell(im, LOCATION);
		s.findings = cell(im, FINDINGS);
		if ((rc = code(im, FORM, s.form, sizeof s.form)) ||
		    (rc = code(im, PHASE, s.phase, sizeof s.phase)) ||
		    (rc = code(im, STATUS, s.status, sizeof s.status)) ||
		    (rc = code(im, DATE, s.date, sizeof s.date)) ||
		    (rc = code(im, FEEDBACK_DATE, s.feedback_date,
		    sizeof s.feedback_date)) ||
		    (rc = number(im, PARTICIPANTS, -1, &n)))
			return rc;
		s.participants = (int)n;
		if (n < 0 && has(im, PARTICIPANTS) &&
		    *cell(im, PARTICIPANTS) != '\0')
			return csvr_error(im->r, im->cols[PARTICIPANTS].index,
			    _("bad number of participants %ld"), n);
		if (session_merge(im->db, &s, mask, &out) != ST_OK)
			return fail(im, im->cols[REF].index);
		count(im, out);
	}
	return rc < 0 ? err_status() : ST_OK;
}

/* ---- attendance ------------------------------------------------------- */

static int
attendance(struct import *im)
{
	enum { SESSION, STAKEHOLDER, ROLE, PEOPLE };
	struct csvr_col cols[] = {
		{ "session", 1, 0 }, { "stakeholder", 1, 0 }, { "role", 0, 0 },
		{ "people", 0, 0 },
	};
	struct refs rs = { 0 };
	struct ref *ref;
	struct stakeholder s;
	struct attendance a;
	enum merge_outcome out;
	unsigned mask;
	long people;
	int rc, new;

	if ((rc = map(im, cols, 4, 0)) != ST_OK)
		return rc;
	mask = maybe(im, ROLE, ATT_ROLE) | maybe(im, PEOPLE, ATT_PEOPLE);
	while ((rc = csvr_next(im->r)) > 0) {
		memset(&a, 0, sizeof a);
		if ((rc = session_ref(im, &rs, SESSION, &ref, &new)) ||
		    (rc = code(im, ROLE, a.role, sizeof a.role)) ||
		    (rc = number(im, PEOPLE, 0, &people)))
			break;
		if (stakeholder_find(im->db, cell(im, STAKEHOLDER), &s) != ST_OK) {
			rc = csvr_fail(im->r, im->cols[STAKEHOLDER].index);
			break;
		}
		a.session_id = ref->id;
		a.stakeholder_id = s.id;
		stakeholder_free(&s);
		/* 0 asks the model for the default; a written 0 is wrong. */
		if (people == 0 && has(im, PEOPLE) && *cell(im, PEOPLE) != '\0') {
			rc = csvr_error(im->r, im->cols[PEOPLE].index, _("bad "
			    "number of people %d: expected 1 or more"), 0);
			break;
		}
		a.people = (int)people;
		if (session_attendance_merge(im->db, &a, mask, &out) != ST_OK) {
			rc = fail(im, im->cols[STAKEHOLDER].index);
			break;
		}
		count(im, out);
	}
	refs_free(&rs);
	return rc < 0 ? err_status() : rc;
}

/* ---- participants ----------------------------------------------------- */

struct cat_slot {
	char name[CACHED_NAME + 1];
	uint32_t id;
};

/* A dimension column: its id and a cache of its categories' ids. */
struct dim {
	int col;
	sqlite3_int64 id;
	struct cat_slot *slots;
};

static int
category(struct import *im, struct dim *d, char *name, uint32_t *id)
{
	struct cat_slot *c = &d->slots[str_hash(name) & (SLOTS - 1)];
	sqlite3_int64 cat;
	size_t n = strlen(name);

	if (c->id != 0 && strcmp(c->name, name) == 0) {
		*id = c->id;
		return ST_OK;
	}
	if (n <= CACHED_NAME)
		memcpy(c->name, name, n + 1);
	if (participant_check_category(name) != ST_OK ||
	    participant_category_id(im->db, d->id, name, 1, &cat) != ST_OK)
		return csvr_fail(im->r, d->col);
	if (cat > (sqlite3_int64)UINT32_MAX)
		return csvr_error(im->r, d->col, "%s", _("too many categories"));
	*id = (uint32_t)cat;
	c->id = n <= CACHED_NAME ? *id : 0;
	return ST_OK;
}

static int
dimensions(struct import *im, struct dim *dims, int *ndims)
{
	char name[PARTICIPANT_MAX_NAME * 4 + 1];
	int i, n = 0;

	for (i = 0; i < csvr_columns(im->r); i++) {
		if (csvr_mapped(im->cols, im->ncols, i))
			continue;
		if (n == PARTICIPANT_MAX_DIMENSIONS)
			return csvr_error(im->r, -1, _("more than %d dimensions"),
			    PARTICIPANT_MAX_DIMENSIONS);
		snprintf(name, sizeof name, "%s", csvr_column(im->r, i));
		dims[n].col = i;
		if (participant_check_dimension(name) != ST_OK ||
		    participant_dimension_id(im->db, name, 1, &dims[n].id)) {
			/* Still on the header row: its line and this column. */
			err_prefix("%s:%ld:%d: ", csvr_name(im->r),
			    csvr_line(im->r), i + 1);
			return err_status();
		}
		if ((dims[n].slots = calloc(SLOTS, sizeof *dims[n].slots)) == NULL)
			return err_set(ST_FAIL, "%s", _("out of memory"));
		*ndims = ++n;
	}
	return ST_OK;
}

static int
participants(struct import *im)
{
	struct csvr_col cols[] = { { "session", 1, 0 } };
	struct dim dims[PARTICIPANT_MAX_DIMENSIONS];
	uint32_t ids[PARTICIPANT_MAX_DIMENSIONS];
	struct participant_batch *batch = NULL;
	struct refs rs = { 0 };
	struct ref *ref;
	long removed;
	int rc, i, n, ndims = 0, new;
	char *c;

	if ((rc = map(im, cols, 1, 1)) != ST_OK)
		return rc;
	if ((rc = dimensions(im, dims, &ndims)) != ST_OK ||
	    (rc = participant_batch_new(im->db, &batch)) != ST_OK)
		goto done;
	while ((rc = csvr_next(im->r)) > 0) {
		if ((rc = session_ref(im, &rs, 0, &ref, &new)) != ST_OK)
			break;
		/* The first row of a session replaces its profiles. */
		if (new) {
			if ((rc = participant_batch_flush(batch)) != ST_OK ||
			    (rc = participant_replace_begin(im->db, ref->id,
			    &removed)) != ST_OK)
				break;
			im->c->replaced += removed;
		}
		for (i = n = 0; i < ndims; i++) {
			c = csvr_cell(im->r, dims[i].col);
			if (*c == '\0')
				continue;
			if ((rc = category(im, &dims[i], c, &ids[n++])) != ST_OK)
				goto done;
		}
		if ((rc = participant_batch_add(batch, ref->id, ++ref->seq, ids,
		    n)) != ST_OK)
			break;
		im->c->rows++;
		im->c->added++;
	}
	rc = rc < 0 ? err_status() : rc;
	if (rc == ST_OK)
		rc = participant_batch_flush(batch);
done:
	participant_batch_free(batch);
	for (i = 0; i < ndims; i++)
		free(dims[i].slots);
	refs_free(&rs);
	return rc;
}

/* ---- benchmarks ------------------------------------------------------- */

struct seen {
	sqlite3_int64 id;
	long line;
};

static int
seen_add(struct seen **v, size_t *n, sqlite3_int64 id, long line)
{
	struct seen *g;
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].id == id)
			return ST_OK;
	if ((g = realloc(*v, (*n + 1) * sizeof *g)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	g[*n].id = id;
	g[*n].line = line;
	*v = g;
	(*n)++;
	return ST_OK;
}

/* Every dimension the file named must add up; the first that does not
 * is reported at its first row. */
static int
check_sums(struct import *im, const struct seen *v, size_t n, int col)
{
	sqlite3_int64 bad;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = participant_benchmark_check(im->db, im->traj, v[i].id, &bad);
		if (rc == ST_INPUT)
			err_prefix("%s:%ld:%d: ", csvr_name(im->r), v[i].line,
			    col + 1);
		if (rc != ST_OK)
			return rc;
	}
	return ST_OK;
}

static int
benchmarks(struct import *im)
{
	enum { DIMENSION, CATEGORY, SHARE };
	struct csvr_col cols[] = {
		{ "dimension", 1, 0 }, { "category", 1, 0 }, { "share", 1, 0 },
	};
	struct seen *seen = NULL;
	enum merge_outcome out;
	sqlite3_int64 dim;
	size_t nseen = 0;
	double share = 0;
	int rc;

	if ((rc = map(im, cols, 3, 0)) != ST_OK)
		return rc;
	while ((rc = csvr_next(im->r)) > 0) {
		str_trim(cell(im, DIMENSION));
		str_trim(cell(im, CATEGORY));
		if ((rc = decimal(im, SHARE, &share)) != ST_OK)
			break;
		if (participant_benchmark_merge(im->db, im->traj,
		    cell(im, DIMENSION), cell(im, CATEGORY), share, &out)) {
			rc = fail(im, -1);
			break;
		}
		if ((rc = participant_dimension_id(im->db, cell(im, DIMENSION), 0,
		    &dim)) != ST_OK ||
		    (rc = seen_add(&seen, &nseen, dim, csvr_line(im->r))) != ST_OK)
			break;
		count(im, out);
	}
	if (rc == 0)
		rc = check_sums(im, seen, nseen, im->cols[SHARE].index);
	free(seen);
	return rc < 0 ? err_status() : rc;
}

/* ---- members and inputs ----------------------------------------------- */

static int
members(struct import *im)
{
	struct csvr_col cols[] = { { "name", 1, 0 }, { "delegation", 1, 0 } };
	struct member m;
	enum merge_outcome out;
	int rc;

	if ((rc = map(im, cols, 2, 0)) != ST_OK)
		return rc;
	while ((rc = csvr_next(im->r)) > 0) {
		memset(&m, 0, sizeof m);
		m.trajectory_id = im->traj;
		m.name = cell(im, 0);
		if ((rc = code(im, 1, m.delegation, sizeof m.delegation)) != ST_OK)
			return rc;
		if (member_merge(im->db, &m, &out) != ST_OK)
			return fail(im, im->cols[0].index);
		count(im, out);
	}
	return rc < 0 ? err_status() : ST_OK;
}

static int
inputs(struct import *im)
{
	enum { SESSION, SUMMARY, DISPOSITION, REASON, REPORTED_DATE };
	struct csvr_col cols[] = {
		{ "session", 1, 0 }, { "summary", 1, 0 }, { "disposition", 0, 0 },
		{ "reason", 0, 0 }, { "reported_date", 0, 0 },
	};
	struct refs rs = { 0 };
	struct ref *ref;
	struct input in;
	enum merge_outcome out;
	unsigned mask;
	int rc, new;

	if ((rc = map(im, cols, 5, 0)) != ST_OK)
		return rc;
	mask = maybe(im, DISPOSITION, INP_DISPOSITION) |
	    maybe(im, REASON, INP_REASON) |
	    maybe(im, REPORTED_DATE, INP_REPORTED_DATE);
	while ((rc = csvr_next(im->r)) > 0) {
		memset(&in, 0, sizeof in);
		in.trajectory_id = im->traj;
		in.summary = cell(im, SUMMARY);
		in.reason = cell(im, REASON);
		if ((rc = session_ref(im, &rs, SESSION, &ref, &new)) ||
		    (rc = code(im, DISPOSITION, in.disposition,
		    sizeof in.disposition)) ||
		    (rc = code(im, REPORTED_DATE, in.reported_date,
		    sizeof in.reported_date)))
			break;
		in.session_id = ref->id;
		if (input_merge(im->db, &in, mask, &out) != ST_OK) {
			rc = fail(im, im->cols[SUMMARY].index);
			break;
		}
		count(im, out);
	}
	refs_free(&rs);
	return rc < 0 ? err_status() : rc;
}

/* ---- the import ------------------------------------------------------- */

static int (*const runs[])(struct import *) = {
	stakeholders, sessions, attendance, participants, benchmarks, members,
	inputs
};

static int
kind_index(const char *kind)
{
	int i;

	for (i = 0; import_kinds[i] != NULL; i++)
		if (strcmp(import_kinds[i], kind) == 0)
			return i;
	return -1;
}

int
import_check_kind(const char *kind)
{
	char list[256];
	size_t len = 0;
	int i;

	if (kind_index(kind) >= 0)
		return ST_OK;
	for (i = 0; import_kinds[i] != NULL; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", import_kinds[i]);
	return err_set(ST_INPUT, _("unknown kind '%s': expected one of %s"),
	    kind, list);
}

static int
run(struct import *im, int k, const char *code)
{
	const struct import_counts *c = im->c;
	const char *base = strrchr(csvr_name(im->r), '/');
	char action[32];
	int rc;

	if ((rc = runs[k](im)) != ST_OK)
		return rc;
	base = base != NULL ? base + 1 : csvr_name(im->r);
	snprintf(action, sizeof action, "import.%s", import_kinds[k]);
	if (c->replaced > 0)
		return changelog_add(im->db, code, action, base, "%ld rows, "
		    "replacing %ld", c->rows, c->replaced);
	return changelog_add(im->db, code, action, base, "%ld rows: %ld added, "
	    "%ld changed, %ld unchanged", c->rows, c->added, c->changed,
	    c->unchanged);
}

int
import_csv(struct db *db, const char *kind, const char *code,
    const char *path, const struct csvr_opts *o, struct import_counts *c)
{
	struct import im = { 0 };
	int k, rc;

	memset(c, 0, sizeof *c);
	if ((rc = import_check_kind(kind)) != ST_OK)
		return rc;
	k = kind_index(kind);
	im.db = db;
	im.c = c;
	if ((rc = trajectory_id(db, code, &im.traj)) != ST_OK ||
	    (rc = csvr_open(&im.r, path, o)) != ST_OK)
		return rc;
	/* A statement that can fail halfway keeps a copy of the pages it
	 * changes (a statement journal); on disk that was a write per page
	 * per row. In memory it is at most one statement's pages. */
	if ((rc = db_exec(db, "PRAGMA temp_store = MEMORY")) != ST_OK) {
		csvr_close(im.r);
		return rc;
	}
	if ((rc = db_begin(db)) == ST_OK) {
		if ((rc = run(&im, k, code)) == ST_OK)
			rc = db_commit(db);
		else
			db_rollback(db);
	}
	if (db_exec(db, "PRAGMA temp_store = DEFAULT") != ST_OK && rc == ST_OK)
		rc = err_status();
	csvr_close(im.r);
	if (rc != ST_OK)
		memset(c, 0, sizeof *c);
	return rc;
}
