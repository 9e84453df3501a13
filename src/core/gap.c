/* gap.c: the gap check (see gap.h). One query per rule; for
 * representativeness one pass over the participant profiles counts every
 * category of every dimension at once, since a GROUP BY per dimension
 * would read a million profiles once per dimension. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "cfg.h"
#include "date.h"
#include "db.h"
#include "error.h"
#include "gap.h"
#include "i18n.h"
#include "stats.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"
#include "wrap.h"

/* The severity rule, in one place: a finding is SEVERE when its rule's
 * condition (the comment) holds, else MILD. man/meerstem.1 documents
 * this table under GAP CHECK; keep the two together. */
static const struct {
	enum gap_severity severe, mild;
} severity_rule[GAP_NCODES] = {
	/* impact 3, or a vulnerable or critical voice */
	[GAP_UNHEARD] = { GAP_HIGH, GAP_MEDIUM },
	/* a vulnerable or critical voice */
	[GAP_VOICE_MISSING] = { GAP_HIGH, GAP_MEDIUM },
	/* impact 3, or a vulnerable or critical voice */
	[GAP_LATE] = { GAP_MEDIUM, GAP_LOW },
	/* impact 3 */
	[GAP_UNSUITED_FORM] = { GAP_HIGH, GAP_MEDIUM },
	/* GAP_SMALL_SESSION participants or more, or an unknown number */
	[GAP_NO_FEEDBACK] = { GAP_MEDIUM, GAP_LOW },
	/* no disposition decided yet */
	[GAP_INPUT_UNANSWERED] = { GAP_MEDIUM, GAP_LOW },
	/* significant at GAP_ALPHA */
	[GAP_UNDERREPRESENTED] = { GAP_MEDIUM, GAP_LOW },
	/* one of the three delegations has no members */
	[GAP_DELEGATION_IMBALANCE] = { GAP_HIGH, GAP_MEDIUM },
};

#define VOICE_VULNERABLE 0
#define VOICE_CRITICAL 1
#define VOICE_UNKNOWN 5

struct check {
	struct db *db;
	sqlite3_int64 id;
	const struct cfg *cfg;
	struct catalogue cat;
	int phase;		/* the trajectory's phase, in the catalogue */
	long today;
	struct gap_list *out;
};

static const char sql_phase[] =
    "SELECT p.code FROM trajectory t JOIN phase p ON p.id = t.phase_id"
    " WHERE t.id = ?";

/* ---- findings ---------------------------------------------------------- */

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *
fmt(const char *f, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, f);
	n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	va_start(ap, f);
	vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

static void
gap_free(struct gap *g)
{
	free(g->subject);
	free(g->label);
	free(g->detail);
	free(g->suggestion);
	free(g->advice);
	free(g->key);
}

static int gap_cmp(const void *a, const void *b);

/* Sort the findings and keep the first N of them. */
static void
keep(struct gap_list *l, size_t n)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, gap_cmp);
	while (l->n > n)
		gap_free(&l->v[--l->n]);
}

/* Whether a finding of CODE about SUBJECT would be cut from a limited
 * list that is full: after a cut, v[limit - 1] is at least as severe as
 * the last finding the list will keep. Such a finding is only counted,
 * and its sentences are never written: a trajectory of a million
 * stakeholders is counted in the time its query takes. */
static int
dropped(struct check *c, enum gap_code code, int severe, const char *subject)
{
	struct gap_list *l = c->out;
	const struct gap *worst;
	enum gap_severity sev = severe ? severity_rule[code].severe :
	    severity_rule[code].mild;
	char *key;
	int d;

	if (l->limit == 0 || !l->cut)
		return 0;
	worst = &l->v[l->limit - 1];
	if (sev != worst->severity)
		d = (int)sev - (int)worst->severity;
	else if (code != worst->code)
		d = (int)code - (int)worst->code;
	else {
		if ((key = utf8_key(subject)) == NULL)
			return 0;
		d = strcmp(key, worst->key);
		free(key);
	}
	if (d < 0)
		return 0;
	l->total++;
	l->per_severity[sev]++;
	return 1;
}

/* Add G, whose strings the list takes over (also on failure). A
 * limited list is cut back to its limit whenever it holds twice as
 * many, so that memory stays bounded and sorting costs n log limit. */
static int
push(struct check *c, struct gap *g, int severe)
{
	struct gap_list *l = c->out;
	struct gap *v;

	g->severity = severe ? severity_rule[g->code].severe :
	    severity_rule[g->code].mild;
	if (g->suggestion == NULL)
		g->suggestion = strdup("");
	if (g->subject != NULL && g->label == NULL)
		g->label = strdup(g->subject);
	if (g->subject != NULL)
		g->key = utf8_key(g->subject);
	if (g->subject == NULL || g->label == NULL || g->detail == NULL ||
	    g->suggestion == NULL || g->advice == NULL || g->key == NULL)
		goto nomem;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;

		if ((v = realloc(l->v, cap * sizeof *v)) == NULL)
			goto nomem;
		l->v = v;
		l->cap = cap;
	}
	g->seq = l->total++;
	l->per_severity[g->severity]++;
	l->v[l->n++] = *g;
	if (l->limit > 0 && l->n >= 2 * l->limit) {
		keep(l, l->limit);
		l->cut = 1;
	}
	return ST_OK;
nomem:
	gap_free(g);
	return err_set(ST_FAIL, "%s", _("out of memory"));
}

static const char *
col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t != NULL ? (const char *)t : "";
}

static const char *
voice_label(int voice)
{
	return vocab_label(&vocab_voice, voice >= 0 ? vocab_voice.codes[voice] :
	    "unknown");
}

static const char *
form_name(const struct check *c, const char *code)
{
	int i = catalogue_form_index(&c->cat, code);

	return i >= 0 ? catalogue_form_name(&c->cat.forms[i]) : code;
}

/* ---- suggestions --------------------------------------------------------- */

struct candidate {
	int cost, effort, index;
};

static int
candidate_cmp(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost - y->cost;
	if (x->effort != y->effort)
		return x->effort - y->effort;
	return x->index - y->index;
}

/* Forms that reach VOICE well and can still be organised in the
 * trajectory's phase, cheapest first, then least effort for the
 * participants, then in catalogue order. */
static int
suggest_voice(struct check *c, int voice, struct gap *g)
{
	struct candidate *cand;
	char codes[GAP_MAX_SUGGESTIONS * (CAT_CODE_MAX + 1) + 1] = "";
	char *names = NULL, *more;
	size_t i, n = 0;
	const char *phase = catalogue_phase_name(&c->cat.phases[c->phase]);

	if (voice < 0 || voice == VOICE_UNKNOWN) {
		g->advice = strdup(_("Record this stakeholder's voice in the "
		    "register: the suggestions depend on it."));
		return ST_OK;
	}
	if ((cand = calloc(c->cat.n_forms + 1, sizeof *cand)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	for (i = 0; i < c->cat.n_forms; i++) {
		const struct cat_form *f = &c->cat.forms[i];

		if (!(f->reach_good & (1u << voice)) ||
		    !(f->phases & (1u << c->phase)))
			continue;
		cand[n].cost = vocab_index(&vocab_degree, f->cost);
		cand[n].effort = vocab_index(&vocab_degree, f->effort);
		cand[n++].index = (int)i;
	}
	qsort(cand, n, sizeof *cand, candidate_cmp);
	if (n > GAP_MAX_SUGGESTIONS)
		n = GAP_MAX_SUGGESTIONS;
	for (i = 0; i < n; i++) {
		const struct cat_form *f = &c->cat.forms[cand[i].index];

		strcat(codes, i > 0 ? " " : "");
		strcat(codes, f->code);
		more = names == NULL ? fmt("%s", catalogue_form_name(f)) :
		    fmt("%s, %s", names, catalogue_form_name(f));
		free(names);
		if ((names = more) == NULL)
			break;
	}
	free(cand);
	if (i < n)
		return ST_FAIL;
	g->suggestion = strdup(codes);
	if (n == 0)
		g->advice = fmt(_("No form in the catalogue that reaches %s "
		    "voices well can still be organised in the phase %s."),
		    voice_label(voice), phase);
	else
		g->advice = fmt(_("Hear them through %s: forms that reach %s "
		    "voices well and can still be organised in the phase %s, "
		    "cheapest first."), names, voice_label(voice), phase);
	free(names);
	return ST_OK;
}

static int
weighty_voice(int voice)
{
	return voice == VOICE_VULNERABLE || voice == VOICE_CRITICAL;
}

/* ---- the rules ------------------------------------------------------------- */

/* Step ST and call ROW for every row; reset it in every case. */
static int
each_row(struct check *c, sqlite3_stmt *st,
    int (*row)(struct check *, sqlite3_stmt *))
{
	int rc, step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = row(c, st)) != ST_OK) {
			sqlite3_reset(st);
			return rc;
		}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? ST_OK : db_fail(c->db, step);
}

/* Prepare SQL and bind the trajectory id as ?1 and, when TYPES says
 * so, more parameters from ?2 on (db_bind letters). */
static sqlite3_stmt *
query(struct check *c, const char *sql, const char *types, ...)
{
	sqlite3_stmt *st = db_stmt(c->db, sql);
	va_list ap;
	int i, rc = SQLITE_OK;

	if (st == NULL)
		return NULL;
	rc = sqlite3_bind_int64(st, 1, c->id);
	va_start(ap, types);
	for (i = 0; types[i] != '\0' && rc == SQLITE_OK; i++) {
		if (types[i] == 'i')
			rc = sqlite3_bind_int(st, i + 2, va_arg(ap, int));
		else
			rc = db_bind_text(st, i + 2, va_arg(ap, const char *));
	}
	va_end(ap);
	if (rc != SQLITE_OK) {
		db_fail(c->db, rc);
		return NULL;
	}
	return st;
}

/* UNHEARD: affected at or above the threshold, heard in no held
 * session (a listener is not heard) and represented by no delegation.
 * The planned sessions are found from the attendance of the stakeholder
 * (CROSS JOIN), not from the trajectory's sessions in date order. */
static const char sql_unheard[] =
    "SELECT s.name, s.voice, i.impact, EXISTS (SELECT 1 FROM attendance a"
    "   JOIN session se ON se.id = a.session_id WHERE a.stakeholder_id = s.id"
    "   AND se.trajectory_id = ?1 AND se.status = 'held'),"
    " (SELECT group_concat(ref, ', ') FROM (SELECT se.ref FROM attendance a"
    "   CROSS JOIN session se ON se.id = a.session_id WHERE a.stakeholder_id = s.id"
    "   AND se.trajectory_id = ?1 AND se.status = 'planned'"
    "   ORDER BY se.date, se.ref)), s.id"
    " FROM involvement i JOIN stakeholder s ON s.id = i.stakeholder_id"
    " WHERE i.trajectory_id = ?1 AND i.impact >= ?2"
    " AND i.first_heard IS NULL AND i.represented_by = 'none'";

static int
unheard_row(struct check *c, sqlite3_stmt *st)
{
	struct gap g = { .code = GAP_UNHEARD };
	int voice = vocab_index(&vocab_voice, col_text(st, 1));
	int impact = sqlite3_column_int(st, 2);
	int severe = impact == 3 || weighty_voice(voice);
	char *why;
	int rc;

	if (dropped(c, GAP_UNHEARD, severe, col_text(st, 0)))
		return ST_OK;
	g.subject = db_column_dup(st, 0);
	g.subject_id = sqlite3_column_int64(st, 5);
	why = sqlite3_column_int(st, 3) ?
	    fmt(_("Impact %d, %s voice; it attended held sessions only as a "
	    "listener, and no delegation of the council represents it."),
	    impact, voice_label(voice)) :
	    fmt(_("Impact %d, %s voice; heard in no held session, and no "
	    "delegation of the council represents it."), impact,
	    voice_label(voice));
	/* A planned session with it is worth knowing before planning one. */
	if (why != NULL && sqlite3_column_type(st, 4) != SQLITE_NULL) {
		g.detail = fmt(_("%s It is expected at the planned session %s."),
		    why, col_text(st, 4));
		free(why);
	} else
		g.detail = why;
	if ((rc = suggest_voice(c, voice, &g)) != ST_OK) {
		gap_free(&g);
		return rc;
	}
	return push(c, &g, severe);
}

static int
rule_unheard(struct check *c)
{
	sqlite3_stmt *st = query(c, sql_unheard, "i", c->cfg->impact_threshold);

	return st == NULL ? err_status() : each_row(c, st, unheard_row);
}

/* VOICE_MISSING: a voice type among the trajectory's stakeholders with
 * none of them heard. "unknown" is no voice type. */
static const char sql_voice_missing[] =
    "SELECT s.voice, count(*) FROM involvement i"
    " JOIN stakeholder s ON s.id = i.stakeholder_id"
    " WHERE i.trajectory_id = ?1 AND s.voice <> 'unknown'"
    " GROUP BY s.voice HAVING count(i.first_heard) = 0";

static int
voice_missing_row(struct check *c, sqlite3_stmt *st)
{
	struct gap g = { .code = GAP_VOICE_MISSING };
	int voice = vocab_index(&vocab_voice, col_text(st, 0));
	long n = (long)sqlite3_column_int64(st, 1);
	int rc;

	g.subject = db_column_dup(st, 0);
	g.label = strdup(voice_label(voice));
	g.detail = fmt(ngettext("%ld stakeholder with a %s voice is "
	    "registered in this trajectory, and it was not heard in any held "
	    "session.", "%ld stakeholders with a %s voice are registered in "
	    "this trajectory, and none of them was heard in a held session.",
	    (unsigned long)n), n, voice_label(voice));
	if ((rc = suggest_voice(c, voice, &g)) != ST_OK) {
		gap_free(&g);
		return rc;
	}
	return push(c, &g, weighty_voice(voice));
}

static int
rule_voice_missing(struct check *c)
{
	sqlite3_stmt *st = query(c, sql_voice_missing, "");

	return st == NULL ? err_status() : each_row(c, st, voice_missing_row);
}

/* LATE: strongly affected and first heard in late_phase or later. */
static const char sql_late[] =
    "SELECT s.name, s.voice, i.impact, p.code, s.id FROM involvement i"
    " JOIN stakeholder s ON s.id = i.stakeholder_id"
    " JOIN phase p ON p.id = i.first_heard"
    " WHERE i.trajectory_id = ?1 AND i.impact >= ?2"
    " AND p.position >= (SELECT position FROM phase WHERE code = ?3)";

static int
late_row(struct check *c, sqlite3_stmt *st)
{
	struct gap g = { .code = GAP_LATE };
	int voice = vocab_index(&vocab_voice, col_text(st, 1));
	int impact = sqlite3_column_int(st, 2);
	int heard = catalogue_phase_index(&c->cat, col_text(st, 3));
	int late = catalogue_phase_index(&c->cat, c->cfg->late_phase);
	int severe = impact == 3 || weighty_voice(voice);
	int rc;

	if (dropped(c, GAP_LATE, severe, col_text(st, 0)))
		return ST_OK;
	g.subject = db_column_dup(st, 0);
	g.subject_id = sqlite3_column_int64(st, 4);
	if (heard == late)
		g.detail = fmt(_("Impact %d, %s voice; first heard only in the "
		    "phase %s, from which on hearing counts as late."), impact,
		    voice_label(voice), catalogue_phase_name(&c->cat.phases[late]));
	else
		g.detail = fmt(_("Impact %d, %s voice; first heard only in the "
		    "phase %s, after the phase %s, from which on hearing counts "
		    "as late."), impact, voice_label(voice), heard >= 0 ?
		    catalogue_phase_name(&c->cat.phases[heard]) :
		    col_text(st, 3), catalogue_phase_name(&c->cat.phases[late]));
	if ((rc = suggest_voice(c, voice, &g)) != ST_OK) {
		gap_free(&g);
		return rc;
	}
	return push(c, &g, severe);
}

static int
rule_late(struct check *c)
{
	sqlite3_stmt *st = query(c, sql_late, "it", c->cfg->impact_threshold,
	    c->cfg->late_phase);

	return st == NULL ? err_status() : each_row(c, st, late_row);
}

/* UNSUITED_FORM: a vulnerable or critical stakeholder heard, but only
 * through forms the catalogue marks as reaching its voice badly. The
 * rows come per hearing, grouped by stakeholder. This is the hearing
 * view spelled out, with CROSS JOIN fixing the order so that the plan
 * starts from the few stakeholders of those voices rather than from
 * every session (0.34 s against 0.02 s for 10,000 stakeholders). */
static const char sql_unsuited[] =
    "SELECT s.id, s.name, s.voice, i.impact, se.ref, f.code,"
    " ifnull(r.reach, '')"
    " FROM stakeholder s CROSS JOIN involvement i CROSS JOIN attendance a"
    " CROSS JOIN session se"
    " JOIN phase p ON p.id = se.phase_id JOIN form f ON f.id = se.form_id"
    " LEFT JOIN form_reach r ON r.form_id = se.form_id AND r.voice = s.voice"
    " WHERE s.voice IN ('vulnerable', 'critical')"
    " AND i.trajectory_id = ?1 AND i.stakeholder_id = s.id"
    " AND i.first_heard IS NOT NULL"
    " AND a.stakeholder_id = s.id AND a.role <> 'listener'"
    " AND se.id = a.session_id AND se.trajectory_id = ?1"
    " AND se.status = 'held'"
    " ORDER BY s.id, p.position, se.date, se.ref";

struct unsuited {
	sqlite3_int64 who;
	char *name, *where;
	int voice, impact, all_bad;
};

static int
unsuited_flush(struct check *c, struct unsuited *u)
{
	struct gap g = { .code = GAP_UNSUITED_FORM };
	int rc = ST_OK;

	if (u->name != NULL && u->all_bad &&
	    !dropped(c, GAP_UNSUITED_FORM, u->impact == 3, u->name)) {
		g.subject = u->name;
		g.subject_id = u->who;
		u->name = NULL;
		g.detail = fmt(_("Impact %d, %s voice; heard only through forms "
		    "that reach such voices badly: %s."), u->impact,
		    voice_label(u->voice), u->where);
		if ((rc = suggest_voice(c, u->voice, &g)) != ST_OK)
			gap_free(&g);
		else
			rc = push(c, &g, u->impact == 3);
	}
	free(u->name);
	free(u->where);
	u->name = u->where = NULL;
	return rc;
}

static int
rule_unsuited(struct check *c)
{
	sqlite3_stmt *st = query(c, sql_unsuited, "");
	struct unsuited u = { 0 };
	char *where;
	int step = SQLITE_DONE, rc = ST_OK;

	if (st == NULL)
		return err_status();
	while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 who = sqlite3_column_int64(st, 0);
		const char *form = form_name(c, col_text(st, 5));

		if (u.name == NULL || who != u.who) {
			if ((rc = unsuited_flush(c, &u)) != ST_OK)
				break;
			u.who = who;
			u.voice = vocab_index(&vocab_voice, col_text(st, 2));
			u.impact = sqlite3_column_int(st, 3);
			u.all_bad = 1;
			u.name = db_column_dup(st, 1);
			where = fmt(_("%s in %s"), form, col_text(st, 4));
		} else
			where = fmt(_("%s, %s in %s"), u.where, form,
			    col_text(st, 4));
		free(u.where);
		u.where = where;
		if (u.name == NULL || u.where == NULL)
			rc = err_set(ST_FAIL, "%s", _("out of memory"));
		if (strcmp(col_text(st, 6), "bad") != 0)
			u.all_bad = 0;
	}
	sqlite3_reset(st);
	if (rc == ST_OK && step != SQLITE_DONE)
		rc = db_fail(c->db, step);
	if (rc == ST_OK)
		return unsuited_flush(c, &u);
	free(u.name);
	free(u.where);
	return rc;
}

/* NO_FEEDBACK: held more than feedback_days ago, no feedback date. The
 * size is the participants recorded, else the people who attended. */
static const char sql_no_feedback[] =
    "SELECT se.ref, f.code, se.date, coalesce(se.participants,"
    "  (SELECT sum(a.people) FROM attendance a WHERE a.session_id = se.id)),"
    " se.id"
    " FROM session se JOIN form f ON f.id = se.form_id"
    " WHERE se.trajectory_id = ?1 AND se.status = 'held'"
    " AND se.feedback_date IS NULL AND se.date < ?2";

static int
no_feedback_row(struct check *c, sqlite3_stmt *st)
{
	struct gap g = { .code = GAP_NO_FEEDBACK };
	const char *date = col_text(st, 2);
	const char *form = form_name(c, col_text(st, 1));
	int known = sqlite3_column_type(st, 3) != SQLITE_NULL;
	long size = (long)sqlite3_column_int64(st, 3), days;

	if (date_parse(date, &days) != ST_OK)
		return ST_INPUT;
	if (dropped(c, GAP_NO_FEEDBACK, !known || size >= GAP_SMALL_SESSION,
	    col_text(st, 0)))
		return ST_OK;
	days = c->today - days;
	g.subject = db_column_dup(st, 0);
	g.subject_id = sqlite3_column_int64(st, 4);
	if (known)
		g.detail = fmt(ngettext("Held on %s (%s, %ld participant), %ld "
		    "days ago; no feedback to the participants is recorded, "
		    "and it is due within %d days.", "Held on %s (%s, %ld "
		    "participants), %ld days ago; no feedback to the "
		    "participants is recorded, and it is due within %d days.",
		    (unsigned long)size), date, form, size, days,
		    c->cfg->feedback_days);
	else
		g.detail = fmt(_("Held on %s (%s), %ld days ago; no feedback to "
		    "the participants is recorded, and it is due within %d "
		    "days."), date, form, days, c->cfg->feedback_days);
	g.advice = strdup(_("Tell the participants what was done with their "
	    "input, and record the date of the feedback."));
	return push(c, &g, !known || size >= GAP_SMALL_SESSION);
}

static int
rule_no_feedback(struct check *c)
{
	char cutoff[11];
	sqlite3_stmt *st;

	date_format(c->today - c->cfg->feedback_days, cutoff);
	st = query(c, sql_no_feedback, "t", cutoff);
	return st == NULL ? err_status() : each_row(c, st, no_feedback_row);
}

/* INPUT_UNANSWERED: no disposition, or one never reported back. */
static const char sql_unanswered[] =
    "SELECT i.summary, i.disposition, se.ref, i.id FROM input i"
    " JOIN session se ON se.id = i.session_id"
    " WHERE i.trajectory_id = ?1"
    " AND (i.disposition = 'open' OR i.reported_date IS NULL)";

static int
unanswered_row(struct check *c, sqlite3_stmt *st)
{
	struct gap g = { .code = GAP_INPUT_UNANSWERED };
	const char *disposition = col_text(st, 1), *ref = col_text(st, 2);
	int open = strcmp(disposition, "open") == 0;

	if (dropped(c, GAP_INPUT_UNANSWERED, open, col_text(st, 0)))
		return ST_OK;
	g.subject = db_column_dup(st, 0);
	g.subject_id = sqlite3_column_int64(st, 3);
	if (open) {
		g.detail = fmt(_("Input from session %s that has no disposition "
		    "yet."), ref);
		g.advice = fmt(_("Decide what the advice does with this input, "
		    "and tell the participants of %s why."), ref);
	} else {
		g.detail = fmt(_("Input from session %s, %s, but this was never "
		    "reported back."), ref,
		    vocab_label(&vocab_disposition, disposition));
		g.advice = fmt(_("Tell the participants of %s what was done with "
		    "this input, and record the date."), ref);
	}
	return push(c, &g, open);
}

static int
rule_unanswered(struct check *c)
{
	sqlite3_stmt *st = query(c, sql_unanswered, "");

	return st == NULL ? err_status() : each_row(c, st, unanswered_row);
}

/* UNDERREPRESENTED. Every category of every dimension that has a
 * benchmark in this trajectory, in id order for a binary search. */
static const char sql_categories[] =
    "SELECT c.id, c.dimension_id, d.name, c.name, b.share FROM category c"
    " JOIN dimension d ON d.id = c.dimension_id"
    " LEFT JOIN benchmark b ON b.category_id = c.id AND b.trajectory_id = ?1"
    " WHERE c.dimension_id IN (SELECT c2.dimension_id FROM benchmark b2"
    "   JOIN category c2 ON c2.id = b2.category_id WHERE b2.trajectory_id = ?1)"
    " ORDER BY c.id";
/* Profiles of the representative forms (partly representative ones,
 * such as a panel, too) in sessions that were not cancelled. */
static const char sql_profiles[] =
    "SELECT p.profile FROM session s JOIN form f ON f.id = s.form_id"
    " JOIN participant p ON p.session_id = s.id"
    " WHERE s.trajectory_id = ?1 AND f.representative <> 'no'"
    " AND s.status <> 'cancelled'";

struct category {
	sqlite3_int64 id;
	size_t dim;		/* index into the tally's dimensions */
	char *subject;		/* DIMENSION=CATEGORY */
	double share;		/* the benchmark's, or -1 */
	long count;
};

struct tally {
	struct category *v;	/* in id order */
	size_t n;
	sqlite3_int64 *dims;	/* dimension ids, with their profiles: */
	long *totals;
	size_t ndims;
};

static void
tally_free(struct tally *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].subject);
	free(t->v);
	free(t->dims);
	free(t->totals);
}

/* The index of dimension DIM, added if new; dimensions are few. */
static int
tally_dimension(struct tally *t, sqlite3_int64 dim, size_t *index)
{
	sqlite3_int64 *dims;
	long *totals;

	for (*index = 0; *index < t->ndims; (*index)++)
		if (t->dims[*index] == dim)
			return ST_OK;
	if ((dims = realloc(t->dims, (t->ndims + 1) * sizeof *dims)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	t->dims = dims;
	if ((totals = realloc(t->totals, (t->ndims + 1) * sizeof *totals)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	t->totals = totals;
	t->dims[t->ndims] = dim;
	t->totals[t->ndims++] = 0;
	return ST_OK;
}

static int
tally_add(struct tally *t, sqlite3_stmt *st)
{
	struct category *v = realloc(t->v, (t->n + 1) * sizeof *v), *k;

	if (v == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	t->v = v;
	k = &v[t->n];
	memset(k, 0, sizeof *k);
	k->id = sqlite3_column_int64(st, 0);
	k->share = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 :
	    sqlite3_column_double(st, 4);
	if ((k->subject = fmt("%s=%s", col_text(st, 2), col_text(st, 3))) == NULL)
		return ST_FAIL;
	t->n++;
	return tally_dimension(t, sqlite3_column_int64(st, 1), &k->dim);
}

static struct category *
tally_find(struct tally *t, uint32_t id)
{
	size_t lo = 0, hi = t->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t->v[mid].id == (sqlite3_int64)id)
			return &t->v[mid];
		if (t->v[mid].id < (sqlite3_int64)id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The one pass: every category id of every profile. */
static int
tally_profiles(struct check *c, struct tally *t)
{
	sqlite3_stmt *st = query(c, sql_profiles, "");
	const unsigned char *p;
	struct category *k;
	int step, len, i;
	uint32_t id;
	size_t j;

	if (st == NULL)
		return err_status();
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		p = sqlite3_column_blob(st, 0);
		len = sqlite3_column_bytes(st, 0);
		for (i = 0; i + 4 <= len; i += 4) {
			id = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 |
			    (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24;
			if ((k = tally_find(t, id)) != NULL)
				k->count++;
		}
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		return db_fail(c->db, step);
	for (j = 0; j < t->n; j++)
		t->totals[t->v[j].dim] += t->v[j].count;
	return ST_OK;
}

/* The sentence on the test. A count below min_group_size is not shown,
 * so neither is the p-value, from which it could be worked out. */
static char *
test_sentence(double pv, int hidden)
{
	int significant = pv < GAP_ALPHA;

	if (hidden)
		return significant ? fmt(_("One-sided exact binomial test: "
		    "significant at the %g level (p is not shown for a group "
		    "this small)."), GAP_ALPHA) : fmt(_("One-sided exact "
		    "binomial test: not significant at the %g level for a sample "
		    "of this size (p is not shown for a group this small)."),
		    GAP_ALPHA);
	if (significant)
		return pv < 0.001 ? fmt(_("One-sided exact binomial test: "
		    "p < 0.001, significant at the %g level."), GAP_ALPHA) :
		    fmt(_("One-sided exact binomial test: p = %.3f, significant "
		    "at the %g level."), pv, GAP_ALPHA);
	return fmt(_("One-sided exact binomial test: p = %.3f, not significant "
	    "at the %g level for a sample of this size."), pv, GAP_ALPHA);
}

static int
underrepresented(struct check *c, struct category *k, long n)
{
	struct gap g = { .code = GAP_UNDERREPRESENTED };
	double ratio = c->cfg->underrepresentation_ratio, share, pv;
	int m = c->cfg->min_group_size, hidden = k->count < m;
	char *facts, *test;

	if (n == 0 || k->share <= 0)
		return ST_OK;
	share = (double)k->count / (double)n;
	/* Shares are decimals: 6 of 25 against 0.8 × 0.3 is at the
	 * threshold, not below it, whatever the rounding of 0.8 × 0.3. */
	if (!(share < ratio * k->share - 1e-9))
		return ST_OK;
	pv = stats_binom_cdf(k->count, n, k->share);
	if (hidden)
		facts = fmt(_("< %d of %ld profiles from representative forms "
		    "(< %.1f%%) against a benchmark share of %.1f%%: ratio < %.2f "
		    "(threshold %.2f)."), m, n,
		    100.0 * m / (double)n, 100.0 * k->share,
		    (double)m / (double)n / k->share, ratio);
	else
		facts = fmt(_("%ld of %ld profiles from representative forms "
		    "(%.1f%%) against a benchmark share of %.1f%%: ratio %.2f "
		    "(threshold %.2f)."), k->count, n, 100.0 * share,
		    100.0 * k->share, share / k->share, ratio);
	test = test_sentence(pv, hidden);
	if (facts != NULL && test != NULL)
		g.detail = fmt("%s %s", facts, test);
	free(facts);
	free(test);
	g.subject = strdup(k->subject);
	g.advice = strdup(_("Recruit more participants from this group, for "
	    "instance by weighted lottery, or weigh the results against the "
	    "benchmark."));
	return push(c, &g, pv < GAP_ALPHA);
}

static int
rule_underrepresented(struct check *c)
{
	struct tally t = { 0 };
	sqlite3_stmt *st = query(c, sql_categories, "");
	size_t i;
	int step = SQLITE_DONE, rc = ST_OK;

	if (st == NULL)
		return err_status();
	while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = tally_add(&t, st);
	sqlite3_reset(st);
	if (rc == ST_OK && step != SQLITE_DONE)
		rc = db_fail(c->db, step);
	/* Without benchmarks there is nothing to compare: no pass. */
	if (rc == ST_OK && t.n > 0)
		rc = tally_profiles(c, &t);
	for (i = 0; rc == ST_OK && i < t.n; i++)
		rc = underrepresented(c, &t.v[i], t.totals[t.v[i].dim]);
	tally_free(&t);
	return rc;
}

/* DELEGATION_IMBALANCE: the largest of the employers, employees and
 * crown delegations over the smallest, when a composition is known. */
static const char sql_delegations[] =
    "SELECT"
    " (SELECT count(*) FROM member WHERE trajectory_id = ?1 AND delegation = 'employers'),"
    " (SELECT count(*) FROM member WHERE trajectory_id = ?1 AND delegation = 'employees'),"
    " (SELECT count(*) FROM member WHERE trajectory_id = ?1 AND delegation = 'crown')";

static int
delegation_row(struct check *c, sqlite3_stmt *st)
{
	struct gap g = { .code = GAP_DELEGATION_IMBALANCE };
	long n[3], lo, hi;
	int i;

	for (i = 0; i < 3; i++)
		n[i] = (long)sqlite3_column_int64(st, i);
	lo = hi = n[0];
	for (i = 1; i < 3; i++) {
		lo = n[i] < lo ? n[i] : lo;
		hi = n[i] > hi ? n[i] : hi;
	}
	if (hi == 0 || (lo > 0 && !((double)hi > c->cfg->delegation_max_ratio *
	    (double)lo)))
		return ST_OK;
	g.subject = strdup("commission");
	g.label = strdup(_("the commission"));
	if (lo == 0)
		g.detail = fmt(_("Members per delegation: employers %ld, "
		    "employees %ld, crown members %ld; a delegation has no "
		    "members."), n[0], n[1], n[2]);
	else
		g.detail = fmt(_("Members per delegation: employers %ld, "
		    "employees %ld, crown members %ld; the largest delegation is "
		    "%.2f times the smallest (limit %.2f)."), n[0], n[1], n[2],
		    (double)hi / (double)lo, c->cfg->delegation_max_ratio);
	g.advice = strdup(_("Ask the smaller delegations for more members, or "
	    "weigh the delegations' views explicitly when the council adopts "
	    "the advice."));
	return push(c, &g, lo == 0);
}

static int
rule_delegations(struct check *c)
{
	sqlite3_stmt *st = query(c, sql_delegations, "");

	return st == NULL ? err_status() : each_row(c, st, delegation_row);
}

/* ---- the check ------------------------------------------------------------- */

static int
gap_cmp(const void *a, const void *b)
{
	const struct gap *x = a, *y = b;
	int d;

	if (x->severity != y->severity)
		return (int)x->severity - (int)y->severity;
	if (x->code != y->code)
		return (int)x->code - (int)y->code;
	if ((d = strcmp(x->key, y->key)) != 0)
		return d;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
late_phase_error(const struct check *c)
{
	char list[512];
	size_t i, len = 0;

	list[0] = '\0';
	for (i = 0; i < c->cat.n_phases && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", c->cat.phases[i].code);
	if (c->cfg->path != NULL && c->cfg->late_phase_line > 0)
		return err_set(ST_INPUT, _("%s:%d: late_phase: unknown phase "
		    "'%s': expected one of %s"), c->cfg->path,
		    c->cfg->late_phase_line, c->cfg->late_phase, list);
	return err_set(ST_INPUT, _("late_phase: the default phase '%s' is not in "
	    "the catalogue; set late_phase in the [gaps] section of the "
	    "configuration to one of %s"), c->cfg->late_phase, list);
}

static int
setup(struct check *c)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = catalogue_read_db(&c->cat, c->db)) != ST_OK)
		return rc;
	if (catalogue_phase_index(&c->cat, c->cfg->late_phase) < 0)
		return late_phase_error(c);
	if ((st = query(c, sql_phase, "")) == NULL)
		return err_status();
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		c->phase = catalogue_phase_index(&c->cat, col_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(ST_INPUT, _("no trajectory with id %lld"),
		    (long long)c->id);
	if (rc != SQLITE_ROW)
		return db_fail(c->db, rc);
	if (c->phase < 0)
		return err_set(ST_DB, "%s", _("the trajectory's phase is not in "
		    "the catalogue"));
	return date_today(&c->today);
}

static int
run_rules(struct check *c)
{
	static int (*const rules[])(struct check *) = {
		rule_unheard, rule_voice_missing, rule_late, rule_unsuited,
		rule_no_feedback, rule_unanswered, rule_underrepresented,
		rule_delegations,
	};
	size_t i;
	int rc = ST_OK;

	for (i = 0; i < sizeof rules / sizeof rules[0] && rc == ST_OK; i++)
		rc = rules[i](c);
	return rc;
}

int
gap_check(struct db *db, sqlite3_int64 id, const struct cfg *cfg,
    struct gap_list *out)
{
	return gap_check_top(db, id, cfg, 0, out);
}

int
gap_check_top(struct db *db, sqlite3_int64 id, const struct cfg *cfg,
    size_t limit, struct gap_list *out)
{
	struct check c = { .db = db, .id = id, .cfg = cfg, .out = out };
	int rc, snapshot;

	memset(out, 0, sizeof *out);
	out->limit = limit;
	/* One read transaction, so every rule sees the same data. */
	snapshot = sqlite3_get_autocommit(db_sqlite(db));
	if (snapshot && (rc = db_exec(db, "BEGIN")) != ST_OK)
		return rc;
	if ((rc = setup(&c)) == ST_OK)
		rc = run_rules(&c);
	if (snapshot)
		db_exec(db, "COMMIT");
	catalogue_free(&c.cat);
	if (rc != ST_OK) {
		gap_list_free(out);
		return rc;
	}
	keep(out, limit > 0 ? limit : out->n);
	return ST_OK;
}

void
gap_list_free(struct gap_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		gap_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- output -------------------------------------------------------------- */

int
gap_write_text(FILE *fp, const struct gap_list *l, int width)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct gap *g = &l->v[i];
		char *head = fmt("%s · %s · %s",
		    vocab_label(&vocab_severity, vocab_severity.codes[g->severity]),
		    vocab_label(&vocab_gap, vocab_gap.codes[g->code]), g->label);
		char *advice = fmt(_("Suggestion: %s"), g->advice);

		if (head == NULL || advice == NULL) {
			free(head);
			free(advice);
			return ST_FAIL;
		}
		fputc('\n', fp);
		wrap_write(fp, head, 0, 4, width);
		wrap_write(fp, g->detail, 2, 2, width);
		wrap_write(fp, advice, 2, 2, width);
		free(head);
		free(advice);
	}
	return ST_OK;
}

static int
write_text(FILE *fp, const struct trajectory *t, const struct gap_list *l)
{
	char *head;
	int rc;

	if (l->n == 0)
		head = fmt(_("Gap check of %s, %s: no gaps found."), t->code,
		    t->title);
	else
		head = fmt(ngettext("Gap check of %s, %s: %zu gap (%zu high, %zu "
		    "medium, %zu low).", "Gap check of %s, %s: %zu gaps (%zu "
		    "high, %zu medium, %zu low).", (unsigned long)l->n), t->code,
		    t->title, l->n, l->per_severity[GAP_HIGH],
		    l->per_severity[GAP_MEDIUM], l->per_severity[GAP_LOW]);
	if (head == NULL)
		return ST_FAIL;
	wrap_write(fp, head, 0, 0, 78);
	free(head);
	rc = gap_write_text(fp, l, 78);
	if (rc == ST_OK && (fflush(fp) != 0 || ferror(fp)))
		rc = err_sys(ST_FAIL, "%s", _("cannot write the output"));
	return rc;
}

static int
write_table(FILE *fp, enum out_format f, const struct gap_list *l)
{
	static const struct out_col cols[] = {
		{ "code", "code", 0 }, { "severity", "severity", 0 },
		{ "subject", "subject", 0 }, { "detail", "detail", 0 },
		{ "suggestion", "suggestion", 0 },
	};
	struct out *o = out_begin(fp, f, cols, 5);
	size_t i;
	int rc = ST_OK;

	if (o == NULL)
		return err_status();
	for (i = 0; i < l->n && rc == ST_OK; i++) {
		const struct gap *g = &l->v[i];
		const char *cells[5] = { vocab_gap.codes[g->code],
		    vocab_severity.codes[g->severity], g->subject, g->detail,
		    g->suggestion };

		rc = out_row(o, cells);
	}
	if (rc != ST_OK) {
		out_abort(o);
		return rc;
	}
	return out_end(o);
}

int
gap_write(struct db *db, const char *code, const struct cfg *cfg,
    enum out_format f, FILE *fp, size_t *found)
{
	struct trajectory t;
	struct gap_list l;
	int rc;

	*found = 0;
	if ((rc = trajectory_get(db, code, &t)) != ST_OK)
		return rc;
	if ((rc = gap_check(db, t.id, cfg, &l)) == ST_OK) {
		*found = l.n;
		rc = f == OUT_TEXT ? write_text(fp, &t, &l) :
		    write_table(fp, f, &l);
		gap_list_free(&l);
	}
	trajectory_free(&t);
	return rc;
}
