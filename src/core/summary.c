/* summary.c: reading the summary of a trajectory (see summary.h) and
 * writing it as text and Markdown; summary-html.c writes the HTML. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "date.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "summary.h"
#include "utf8.h"
#include "vocab.h"
#include "wrap.h"

#define WIDTH 78

static const char sql_members[] =
    "SELECT delegation, count(*) FROM member WHERE trajectory_id = ?1"
    " GROUP BY delegation";
static const char sql_sessions[] =
    "SELECT f.code, p.code, s.status, count(*) FROM session s"
    " JOIN form f ON f.id = s.form_id JOIN phase p ON p.id = s.phase_id"
    " WHERE s.trajectory_id = ?1 AND s.status <> 'cancelled'"
    " GROUP BY f.code, p.code, s.status";
/* Heard early: first heard before late_phase. */
static const char sql_voices[] =
    "SELECT s.voice, count(*), count(i.first_heard), ifnull(sum(p.position <"
    "  (SELECT position FROM phase WHERE code = ?2)), 0)"
    " FROM involvement i JOIN stakeholder s ON s.id = i.stakeholder_id"
    " LEFT JOIN phase p ON p.id = i.first_heard"
    " WHERE i.trajectory_id = ?1 GROUP BY s.voice";
static const char sql_inputs[] =
    "SELECT disposition, count(*), count(reported_date) FROM input"
    " WHERE trajectory_id = ?1 GROUP BY disposition";

/* ---- loading -------------------------------------------------------------- */

const long *
summary_cell(const struct summary *s, size_t form, size_t phase)
{
	return s->sessions + (form * s->cat.n_phases + phase) * 2;
}

static const char *
col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t != NULL ? (const char *)t : "";
}

/* Run SQL for the trajectory (?1, and ?2 = ARG when not NULL) and
 * hand every row to ROW. */
static int
each(struct db *db, struct summary *s, const char *sql, const char *arg,
    void (*row)(struct summary *, sqlite3_stmt *))
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, arg != NULL ? "It" : "I", s->t.id, arg)) != ST_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(s, st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

static void
member_row(struct summary *s, sqlite3_stmt *st)
{
	int d = vocab_index(&vocab_delegation, col_text(st, 0));

	if (d >= 0)
		s->members[d] = (long)sqlite3_column_int64(st, 1);
}

static void
session_row(struct summary *s, sqlite3_stmt *st)
{
	int f = catalogue_form_index(&s->cat, col_text(st, 0));
	int p = catalogue_phase_index(&s->cat, col_text(st, 1));
	int held = strcmp(col_text(st, 2), "held") == 0;

	if (f >= 0 && p >= 0)
		s->sessions[((size_t)f * s->cat.n_phases + (size_t)p) * 2 +
		    (held ? SUM_HELD : SUM_PLANNED)] += (long)sqlite3_column_int64(st, 3);
}

static void
voice_row(struct summary *s, sqlite3_stmt *st)
{
	int v = vocab_index(&vocab_voice, col_text(st, 0));
	int i;

	if (v >= 0)
		for (i = 0; i < 3; i++)
			s->voices[v][i] = (long)sqlite3_column_int64(st, i + 1);
}

static void
input_row(struct summary *s, sqlite3_stmt *st)
{
	int d = vocab_index(&vocab_disposition, col_text(st, 0));

	if (d >= 0) {
		s->inputs[d][SUM_ITEMS] = (long)sqlite3_column_int64(st, 1);
		s->inputs[d][SUM_REPORTED] = (long)sqlite3_column_int64(st, 2);
	}
}

static int
load(struct db *db, const char *code, const struct cfg *cfg,
    size_t gap_limit, struct summary *s)
{
	long today;
	int rc;

	if ((rc = trajectory_get(db, code, &s->t)) != ST_OK)
		return rc;
	/* The gap check also refuses a late_phase the catalogue lacks. */
	if ((rc = gap_check_top(db, s->t.id, cfg, gap_limit, &s->gaps)) != ST_OK ||
	    (rc = catalogue_read_db(&s->cat, db)) != ST_OK ||
	    (rc = date_today(&today)) != ST_OK)
		return rc;
	date_format(today, s->today);
	s->phase = catalogue_phase_index(&s->cat, s->t.phase);
	s->late = catalogue_phase_index(&s->cat, cfg->late_phase);
	if (s->phase < 0 || s->late < 0)
		return err_set(ST_DB, "%s", _("the catalogue changed during the "
		    "summary; try again"));
	snprintf(s->phase_text, sizeof s->phase_text, _("%s (%d of %zu)"),
	    catalogue_phase_name(&s->cat.phases[s->phase]), s->phase + 1,
	    s->cat.n_phases);
	if (s->gaps.total == 0)
		snprintf(s->gaps_text, sizeof s->gaps_text, "%s",
		    _("No gaps found."));
	else
		snprintf(s->gaps_text, sizeof s->gaps_text, ngettext("%zu gap: "
		    "%zu high, %zu medium, %zu low.", "%zu gaps: %zu high, %zu "
		    "medium, %zu low.", (unsigned long)s->gaps.total), s->gaps.total,
		    s->gaps.per_severity[GAP_HIGH],
		    s->gaps.per_severity[GAP_MEDIUM],
		    s->gaps.per_severity[GAP_LOW]);
	s->sessions = calloc(s->cat.n_forms * s->cat.n_phases * 2 + 1,
	    sizeof *s->sessions);
	if (s->sessions == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if ((rc = each(db, s, sql_members, NULL, member_row)) != ST_OK ||
	    (rc = each(db, s, sql_sessions, NULL, session_row)) != ST_OK ||
	    (rc = each(db, s, sql_voices, cfg->late_phase, voice_row)) != ST_OK)
		return rc;
	return each(db, s, sql_inputs, NULL, input_row);
}

int
summary_load(struct db *db, const char *code, const struct cfg *cfg,
    size_t gap_limit, struct summary *s)
{
	int rc, snapshot;

	memset(s, 0, sizeof *s);
	/* One read transaction: every part shows the same moment. */
	snapshot = sqlite3_get_autocommit(db_sqlite(db));
	if (snapshot && (rc = db_exec(db, "BEGIN")) != ST_OK)
		return rc;
	rc = load(db, code, cfg, gap_limit, s);
	if (snapshot)
		db_exec(db, "COMMIT");
	if (rc != ST_OK)
		summary_free(s);
	return rc;
}

void
summary_free(struct summary *s)
{
	trajectory_free(&s->t);
	catalogue_free(&s->cat);
	gap_list_free(&s->gaps);
	free(s->sessions);
	s->sessions = NULL;
}

/* ---- text ------------------------------------------------------------------ */

/* S padded or cut to WIDTH columns, aligned left or right. */
static void
cell(FILE *fp, const char *s, int width, int right)
{
	int w = utf8_width(s);

	if (w > width) {
		fwrite(s, 1, utf8_fit(s, width - 1), fp);
		fputs("…", fp);
		return;
	}
	if (right)
		fprintf(fp, "%*s%s", width - w, "", s);
	else
		fprintf(fp, "%s%*s", s, width - w, "");
}

static int
widest(const char *const *labels, int n)
{
	int i, w, max = 0;

	for (i = 0; i < n; i++)
		if ((w = utf8_width(labels[i])) > max)
			max = w;
	return max;
}

static void
text_field(FILE *fp, const char *label, const char *value, int width)
{
	if (value == NULL || *value == '\0')
		return;
	fputs("  ", fp);
	cell(fp, label, width, 0);
	fputc(' ', fp);
	/* Long values (the question) wrap under themselves. */
	wrap_continue(fp, value, width + 3, width + 3, WIDTH);
}

static void
text_trajectory(FILE *fp, const struct summary *s)
{
	const char *labels[] = { _("Phase:"), _("Status:"), _("Commission:"),
	    _("Requester:"), _("Question:"), _("Start:"), _("Due:") };
	int w = widest(labels, 7);

	fprintf(fp, "\n%s\n", _("Trajectory"));
	text_field(fp, labels[0], s->phase_text, w);
	text_field(fp, labels[1], vocab_label(&vocab_trajectory_status,
	    s->t.status), w);
	text_field(fp, labels[2], s->t.commission, w);
	text_field(fp, labels[3], s->t.requester, w);
	text_field(fp, labels[4], s->t.question, w);
	text_field(fp, labels[5], s->t.start_date, w);
	text_field(fp, labels[6], s->t.due_date, w);
}

static void
text_members(FILE *fp, const struct summary *s)
{
	char line[512];
	size_t len = 0;
	int d;

	fprintf(fp, "\n%s\n", _("Commission by delegation"));
	line[0] = '\0';
	for (d = 0; d < SUM_DELEGATIONS - 1 && len < sizeof line; d++)
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s %ld",
		    d > 0 ? ", " : "", vocab_label(&vocab_delegation,
		    vocab_delegation.codes[d]), s->members[d]);
	wrap_write(fp, line, 2, 2, WIDTH);
}

/* "held/planned", or nothing for an empty cell. */
static void
cell_text(char *buf, size_t size, const long *c)
{
	if (c[SUM_HELD] == 0 && c[SUM_PLANNED] == 0)
		buf[0] = '\0';
	else
		snprintf(buf, size, "%ld/%ld", c[SUM_HELD], c[SUM_PLANNED]);
}

/* Rows are built in a buffer so that a row ends without blanks. */
static void
text_matrix(FILE *fp, const struct summary *s)
{
	char line[1024], buf[64], legend[2048];
	size_t f, p, len;
	int w = utf8_width(_("Form"));

	fprintf(fp, "\n%s\n", _("Sessions by form and phase (held/planned)"));
	for (f = 0; f < s->cat.n_forms; f++)
		if (utf8_width(catalogue_form_name(&s->cat.forms[f])) > w)
			w = utf8_width(catalogue_form_name(&s->cat.forms[f]));
	if (w > 40)
		w = 40;
	fputs("  ", fp);
	cell(fp, _("Form"), w, 0);
	for (p = 0; p < s->cat.n_phases; p++)
		fprintf(fp, "%7zu", p + 1);
	fputc('\n', fp);
	for (f = 0; f < s->cat.n_forms; f++) {
		const char *name = catalogue_form_name(&s->cat.forms[f]);
		int pad = w - utf8_width(name);

		if (pad < 0)
			len = (size_t)snprintf(line, sizeof line, "  %.*s…",
			    (int)utf8_fit(name, w - 1), name);
		else
			len = (size_t)snprintf(line, sizeof line, "  %s%*s", name,
			    pad, "");
		for (p = 0; p < s->cat.n_phases && len < sizeof line; p++) {
			cell_text(buf, sizeof buf, summary_cell(s, f, p));
			len += (size_t)snprintf(line + len, sizeof line - len,
			    "%7s", buf);
		}
		if (len >= sizeof line)
			len = sizeof line - 1;
		while (len > 0 && line[len - 1] == ' ')
			line[--len] = '\0';
		fprintf(fp, "%s\n", line);
	}
	legend[0] = '\0';
	for (p = 0, len = 0; p < s->cat.n_phases && len < sizeof legend; p++)
		len += (size_t)snprintf(legend + len, sizeof legend - len,
		    "%s%zu %s", p > 0 ? ", " : "", p + 1,
		    catalogue_phase_name(&s->cat.phases[p]));
	wrap_write(fp, legend, 2, 2, WIDTH);
}

static void
text_voices(FILE *fp, const struct summary *s)
{
	const char *head[] = { _("Voice"), _("Registered"), _("Heard"),
	    _("Heard early") };
	const char *labels[SUM_VOICES];
	int w[4], v, i;
	char n[32];

	for (v = 0; v < SUM_VOICES; v++)
		labels[v] = vocab_label(&vocab_voice, vocab_voice.codes[v]);
	w[0] = widest(labels, SUM_VOICES);
	if (utf8_width(head[0]) > w[0])
		w[0] = utf8_width(head[0]);
	for (i = 1; i < 4; i++)
		w[i] = utf8_width(head[i]);
	fprintf(fp, "\n%s\n  ", _("Voices"));
	for (i = 0; i < 4; i++) {
		cell(fp, head[i], w[i], i > 0);
		fputs(i < 3 ? "  " : "\n", fp);
	}
	for (v = 0; v < SUM_VOICES; v++) {
		fputs("  ", fp);
		cell(fp, labels[v], w[0], 0);
		for (i = 0; i < 3; i++) {
			snprintf(n, sizeof n, "%ld", s->voices[v][i]);
			fputs("  ", fp);
			cell(fp, n, w[i + 1], 1);
		}
		fputc('\n', fp);
	}
	wrap_write(fp, _("Heard: spoke in a held session. Heard early: "
	    "first heard before the phase from which hearing counts as late."),
	    2, 2, WIDTH);
}

static void
text_inputs(FILE *fp, const struct summary *s)
{
	const char *head[] = { _("Disposition"), _("Items"), _("Reported back") };
	const char *labels[SUM_DISPOSITIONS + 1];
	long total[2] = { 0, 0 };
	int w[3], d, i;
	char n[32];

	for (d = 0; d < SUM_DISPOSITIONS; d++)
		labels[d] = vocab_label(&vocab_disposition,
		    vocab_disposition.codes[d]);
	labels[d] = _("total");
	w[0] = widest(labels, SUM_DISPOSITIONS + 1);
	if (utf8_width(head[0]) > w[0])
		w[0] = utf8_width(head[0]);
	for (i = 1; i < 3; i++)
		w[i] = utf8_width(head[i]);
	fprintf(fp, "\n%s\n  ", _("Inputs"));
	for (i = 0; i < 3; i++) {
		cell(fp, head[i], w[i], i > 0);
		fputs(i < 2 ? "  " : "\n", fp);
	}
	for (d = 0; d <= SUM_DISPOSITIONS; d++) {
		const long *row = d < SUM_DISPOSITIONS ? s->inputs[d] : total;

		fputs("  ", fp);
		cell(fp, labels[d], w[0], 0);
		for (i = 0; i < 2; i++) {
			snprintf(n, sizeof n, "%ld", row[i]);
			fputs("  ", fp);
			cell(fp, n, w[i + 1], 1);
			if (d < SUM_DISPOSITIONS)
				total[i] += row[i];
		}
		fputc('\n', fp);
	}
}

static int
write_text(const struct summary *s, FILE *fp)
{
	char head[512];

	snprintf(head, sizeof head, _("Summary of %s: %s"), s->t.code,
	    s->t.title);
	wrap_write(fp, head, 0, 2, WIDTH);
	fputs(_("As of"), fp);
	fprintf(fp, " %s\n", s->today);
	text_trajectory(fp, s);
	text_members(fp, s);
	text_matrix(fp, s);
	text_voices(fp, s);
	fprintf(fp, "\n%s\n  %s\n", _("Gaps"), s->gaps_text);
	if (gap_write_text(fp, &s->gaps, WIDTH) != ST_OK)
		return ST_FAIL;
	text_inputs(fp, s);
	return ST_OK;
}

/* ---- Markdown --------------------------------------------------------------- */

/* Text as Markdown that renders as the text itself: punctuation that
 * means something is escaped, line breaks become spaces. */
static void
md(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			fputc(' ', fp);
		else {
			if (strchr("\\`*_[]<>|#&!~", *s) != NULL)
				fputc('\\', fp);
			fputc(*s, fp);
		}
	}
}

static void
md_field(FILE *fp, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	fprintf(fp, "- **");
	md(fp, label);
	fprintf(fp, "** ");
	md(fp, value);
	fputc('\n', fp);
}

static void
md_row(FILE *fp, const char *const *cells, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		fputs(i == 0 ? "| " : " | ", fp);
		md(fp, cells[i]);
	}
	fputs(" |\n", fp);
}

/* A table head; ALIGN has 'l' or 'r' per column. */
static void
md_head(FILE *fp, const char *const *cells, const char *align)
{
	int i, n = (int)strlen(align);

	md_row(fp, cells, n);
	for (i = 0; i < n; i++)
		fputs(align[i] == 'r' ? "| --: " : "| --- ", fp);
	fputs("|\n", fp);
}

static void
md_trajectory(FILE *fp, const struct summary *s)
{
	fprintf(fp, "\n## %s\n\n", _("Trajectory"));
	md_field(fp, _("Phase:"), s->phase_text);
	md_field(fp, _("Status:"), vocab_label(&vocab_trajectory_status,
	    s->t.status));
	md_field(fp, _("Commission:"), s->t.commission);
	md_field(fp, _("Requester:"), s->t.requester);
	md_field(fp, _("Question:"), s->t.question);
	md_field(fp, _("Start:"), s->t.start_date);
	md_field(fp, _("Due:"), s->t.due_date);
}

static void
md_members(FILE *fp, const struct summary *s)
{
	const char *head[] = { _("Delegation"), _("Members") };
	char n[32];
	int d;

	fprintf(fp, "\n## %s\n\n", _("Commission by delegation"));
	md_head(fp, head, "lr");
	for (d = 0; d < SUM_DELEGATIONS - 1; d++) {
		const char *row[2] = { vocab_label(&vocab_delegation,
		    vocab_delegation.codes[d]), n };

		snprintf(n, sizeof n, "%ld", s->members[d]);
		md_row(fp, row, 2);
	}
}

static void
md_matrix(FILE *fp, const struct summary *s)
{
	char buf[64];
	size_t f, p;

	fprintf(fp, "\n## %s\n\n", _("Sessions by form and phase (held/planned)"));
	fputs("| ", fp);
	md(fp, _("Form"));
	for (p = 0; p < s->cat.n_phases; p++) {
		fputs(" | ", fp);
		md(fp, catalogue_phase_name(&s->cat.phases[p]));
	}
	fputs(" |\n| ---", fp);
	for (p = 0; p < s->cat.n_phases; p++)
		fputs(" | :-:", fp);
	fputs(" |\n", fp);
	for (f = 0; f < s->cat.n_forms; f++) {
		fputs("| ", fp);
		md(fp, catalogue_form_name(&s->cat.forms[f]));
		for (p = 0; p < s->cat.n_phases; p++) {
			cell_text(buf, sizeof buf, summary_cell(s, f, p));
			fprintf(fp, " | %s", buf);
		}
		fputs(" |\n", fp);
	}
}

static void
md_voices(FILE *fp, const struct summary *s)
{
	const char *head[] = { _("Voice"), _("Registered"), _("Heard"),
	    _("Heard early") };
	char n[3][32];
	int v, i;

	fprintf(fp, "\n## %s\n\n", _("Voices"));
	md_head(fp, head, "lrrr");
	for (v = 0; v < SUM_VOICES; v++) {
		const char *row[4] = { vocab_label(&vocab_voice,
		    vocab_voice.codes[v]), n[0], n[1], n[2] };

		for (i = 0; i < 3; i++)
			snprintf(n[i], sizeof n[i], "%ld", s->voices[v][i]);
		md_row(fp, row, 4);
	}
	fputc('\n', fp);
	md(fp, _("Heard: spoke in a held session. Heard early: first heard "
	    "before the phase from which hearing counts as late."));
	fputc('\n', fp);
}

static void
md_gaps(FILE *fp, const struct summary *s)
{
	size_t i;

	fprintf(fp, "\n## %s\n\n", _("Gaps"));
	md(fp, s->gaps_text);
	fputs("\n\n", fp);
	for (i = 0; i < s->gaps.n; i++) {
		const struct gap *g = &s->gaps.v[i];

		fprintf(fp, "%zu. **", i + 1);
		md(fp, vocab_label(&vocab_severity, vocab_severity.codes[g->severity]));
		fputs("** · ", fp);
		md(fp, vocab_label(&vocab_gap, vocab_gap.codes[g->code]));
		fputs(" · **", fp);
		md(fp, g->label);
		fputs("**\\\n   ", fp);
		md(fp, g->detail);
		fputs("\\\n   *", fp);
		md(fp, _("Suggestion:"));
		fputs("* ", fp);
		md(fp, g->advice);
		fputc('\n', fp);
	}
}

static void
md_inputs(FILE *fp, const struct summary *s)
{
	const char *head[] = { _("Disposition"), _("Items"), _("Reported back") };
	long total[2] = { 0, 0 };
	char n[2][32];
	int d, i;

	fprintf(fp, "\n## %s\n\n", _("Inputs"));
	md_head(fp, head, "lrr");
	for (d = 0; d <= SUM_DISPOSITIONS; d++) {
		const long *v = d < SUM_DISPOSITIONS ? s->inputs[d] : total;
		const char *row[3] = { d < SUM_DISPOSITIONS ?
		    vocab_label(&vocab_disposition, vocab_disposition.codes[d]) :
		    _("total"), n[0], n[1] };

		for (i = 0; i < 2; i++) {
			snprintf(n[i], sizeof n[i], "%ld", v[i]);
			if (d < SUM_DISPOSITIONS)
				total[i] += v[i];
		}
		md_row(fp, row, 3);
	}
}

static int
write_md(const struct summary *s, FILE *fp)
{
	char head[512];

	snprintf(head, sizeof head, _("Summary of %s: %s"), s->t.code,
	    s->t.title);
	fputs("# ", fp);
	md(fp, head);
	fprintf(fp, "\n\n*%s %s*\n", _("As of"), s->today);
	md_trajectory(fp, s);
	md_members(fp, s);
	md_matrix(fp, s);
	md_voices(fp, s);
	md_gaps(fp, s);
	md_inputs(fp, s);
	return ST_OK;
}

int
summary_write(const struct summary *s, enum out_format f, FILE *fp)
{
	int rc;

	switch (f) {
	case OUT_MD:
		rc = write_md(s, fp);
		break;
	case OUT_HTML:
		rc = summary_write_html(s, fp);
		break;
	default:
		rc = write_text(s, fp);
	}
	if (rc == ST_OK && (fflush(fp) != 0 || ferror(fp)))
		rc = err_sys(ST_FAIL, "%s", _("cannot write the output"));
	return rc;
}
