/* test-gap.c: unit tests of the gap check, rule by rule: small fixture
 * trajectories that make each rule fire and keep it silent, including
 * the edge at each threshold; the severity rule, the suggestions, the
 * binomial test and the order of the findings. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cfg.h"
#include "db.h"
#include "error.h"
#include "fixture.h"
#include "gap.h"
#include "stats.h"

/* ---- building trajectories with SQL ---------------------------------- */

static void
sqlf(struct fixture *f, const char *fmt, ...)
{
	va_list ap;
	char *sql;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	assert_non_null(sql);
	fixture_sql(f, sql);
	sqlite3_free(sql);
}

/* Trajectory CODE in PHASE; ids are 1, 2, ... in order of creation. */
static void
trajectory(struct fixture *f, const char *code, const char *phase)
{
	sqlf(f, "INSERT INTO trajectory (code, title, phase_id) SELECT %Q, %Q,"
	    " id FROM phase WHERE code = %Q", code, code, phase);
}

/* A stakeholder involved in trajectory T. */
static void
stakeholder(struct fixture *f, int t, const char *name, const char *voice,
    int impact, const char *represented_by)
{
	sqlf(f, "INSERT OR IGNORE INTO stakeholder (name, name_key, voice)"
	    " VALUES (%Q, lower(%Q), %Q);"
	    "INSERT INTO involvement (trajectory_id, stakeholder_id, impact,"
	    " represented_by) SELECT %d, id, %d, %Q FROM stakeholder"
	    " WHERE name = %Q", name, name, voice, t, impact, represented_by,
	    name);
}

static void
session(struct fixture *f, int t, const char *ref, const char *form,
    const char *phase, const char *status, const char *date)
{
	sqlf(f, "INSERT INTO session (trajectory_id, ref, form_id, phase_id,"
	    " status, date) VALUES (%d, %Q, (SELECT id FROM form WHERE code = %Q),"
	    " (SELECT id FROM phase WHERE code = %Q), %Q, %Q)", t, ref, form,
	    phase, status, date);
}

static void
attend(struct fixture *f, int t, const char *ref, const char *name,
    const char *role)
{
	sqlf(f, "INSERT INTO attendance (session_id, stakeholder_id, role)"
	    " VALUES ((SELECT id FROM session WHERE trajectory_id = %d AND"
	    " ref = %Q), (SELECT id FROM stakeholder WHERE name = %Q), %Q)",
	    t, ref, name, role);
}

/* N profiles, each the packed category ids in HEX, for session REF. */
static void
profiles(struct fixture *f, int t, const char *ref, int n, const char *hex)
{
	sqlf(f, "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k"
	    " WHERE i < %d) INSERT INTO participant (session_id, seq, profile)"
	    " SELECT s.id, (SELECT ifnull(max(seq), 0) FROM participant"
	    " WHERE session_id = s.id) + i, X'%s' FROM k, session s"
	    " WHERE s.trajectory_id = %d AND s.ref = %Q", n, hex, t, ref);
}

/* education (laag 1, middelbaar 2, hoog 3) and region (noord 4,
 * zuid 5), with benchmarks for trajectory 1. */
static void
dimensions(struct fixture *f, double laag, double noord)
{
	sqlf(f, "INSERT INTO dimension (id, name) VALUES (1, 'education'),"
	    " (2, 'region');"
	    "INSERT INTO category (id, dimension_id, name) VALUES"
	    " (1, 1, 'laag'), (2, 1, 'middelbaar'), (3, 1, 'hoog'),"
	    " (4, 2, 'noord'), (5, 2, 'zuid');"
	    "INSERT INTO benchmark (trajectory_id, category_id, share) VALUES"
	    " (1, 1, %f), (1, 2, %f), (1, 3, 0.35), (1, 4, %f), (1, 5, %f)",
	    laag, 0.65 - laag, noord, 1 - noord);
}

#define LAAG "01000000"
#define MIDDELBAAR "02000000"
#define HOOG "03000000"
#define NOORD "04000000"
#define ZUID "05000000"

/* ---- running the check -------------------------------------------------- */

static struct gap_list found;

static void
check_with(struct fixture *f, const struct cfg *cfg)
{
	gap_list_free(&found);
	assert_int_equal(gap_check(f->db, 1, cfg, &found), ST_OK);
}

static void
check(struct fixture *f)
{
	struct cfg cfg;

	cfg_defaults(&cfg);
	check_with(f, &cfg);
	cfg_free(&cfg);
}

static size_t
count(enum gap_code code)
{
	size_t i, n = 0;

	for (i = 0; i < found.n; i++)
		n += found.v[i].code == code;
	return n;
}

static const struct gap *
find(enum gap_code code, const char *subject)
{
	size_t i;

	for (i = 0; i < found.n; i++)
		if (found.v[i].code == code &&
		    strcmp(found.v[i].subject, subject) == 0)
			return &found.v[i];
	return NULL;
}

static int
teardown(void **state)
{
	gap_list_free(&found);
	unsetenv("MEERSTEM_TODAY");
	return fixture_teardown(state);
}

#define has(text, part) assert_non_null(strstr((text), (part)))

/* ---- UNHEARD ------------------------------------------------------------- */

static void
test_unheard(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;
	struct cfg cfg;

	trajectory(f, "T", "options");
	stakeholder(f, 1, "At threshold", "established", 2, "none");
	stakeholder(f, 1, "Below threshold", "established", 1, "none");
	stakeholder(f, 1, "Impact three", "established", 3, "none");
	stakeholder(f, 1, "Vulnerable two", "vulnerable", 2, "none");
	stakeholder(f, 1, "Represented", "vulnerable", 3, "employees");
	stakeholder(f, 1, "Advisory", "critical", 3, "advisory");
	stakeholder(f, 1, "Spoke", "vulnerable", 3, "none");
	stakeholder(f, 1, "Listened", "vulnerable", 3, "none");
	stakeholder(f, 1, "Planned only", "critical", 3, "none");
	session(f, 1, "S1", "work_visit", "diagnosis", "held", "2024-01-10");
	session(f, 1, "S2", "focus_group", "options", "planned", "2025-01-10");
	attend(f, 1, "S1", "Spoke", "participant");
	attend(f, 1, "S1", "Listened", "listener");
	attend(f, 1, "S2", "Planned only", "speaker");
	check(f);
	assert_int_equal(count(GAP_UNHEARD), 5);
	assert_non_null(g = find(GAP_UNHEARD, "At threshold"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	assert_non_null(g = find(GAP_UNHEARD, "Impact three"));
	assert_int_equal(g->severity, GAP_HIGH);
	assert_non_null(g = find(GAP_UNHEARD, "Vulnerable two"));
	assert_int_equal(g->severity, GAP_HIGH);
	has(g->detail, "Impact 2, vulnerable voice; heard in no held session");
	assert_non_null(g = find(GAP_UNHEARD, "Listened"));
	has(g->detail, "only as a listener");
	assert_non_null(g = find(GAP_UNHEARD, "Planned only"));
	has(g->detail, "represents it. It is expected at the planned session S2.");
	assert_null(find(GAP_UNHEARD, "Below threshold"));
	assert_null(find(GAP_UNHEARD, "Represented"));
	assert_null(find(GAP_UNHEARD, "Advisory"));
	assert_null(find(GAP_UNHEARD, "Spoke"));

	cfg_defaults(&cfg);
	cfg.impact_threshold = 3;
	check_with(f, &cfg);
	cfg_free(&cfg);
	assert_null(find(GAP_UNHEARD, "At threshold"));
	assert_null(find(GAP_UNHEARD, "Vulnerable two"));
	assert_non_null(find(GAP_UNHEARD, "Impact three"));
}

/* Being heard in another trajectory does not count in this one. */
static void
test_unheard_per_trajectory(void **state)
{
	struct fixture *f = *state;

	trajectory(f, "T", "diagnosis");
	trajectory(f, "U", "diagnosis");
	stakeholder(f, 1, "FNV", "established", 3, "none");
	stakeholder(f, 2, "FNV", "established", 3, "none");
	session(f, 2, "S1", "dialogue_table", "diagnosis", "held", "2024-01-10");
	attend(f, 2, "S1", "FNV", "speaker");
	check(f);
	assert_non_null(find(GAP_UNHEARD, "FNV"));
	assert_non_null(find(GAP_VOICE_MISSING, "established"));
	assert_int_equal(found.n, 2);
}

/* Suggestions: reaching the voice well, possible now, cheapest first. */
static void
test_suggestions(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;

	trajectory(f, "T", "options");
	stakeholder(f, 1, "Schoonmakers", "vulnerable", 3, "none");
	stakeholder(f, 1, "Jongeren", "silent_majority", 2, "none");
	stakeholder(f, 1, "Zzp'ers", "unknown", 2, "none");
	check(f);
	assert_non_null(g = find(GAP_UNHEARD, "Schoonmakers"));
	/* work_visit costs little, experience_interview a medium amount. */
	assert_string_equal(g->suggestion, "work_visit experience_interview");
	has(g->advice, "Work visit, Interview with people with lived experience");
	has(g->advice, "Options and recommendations");
	assert_non_null(g = find(GAP_UNHEARD, "Jongeren"));
	/* Equal cost and effort: catalogue order; the assembly is over. */
	assert_string_equal(g->suggestion, "survey citizens_panel citizens_forum");
	assert_non_null(g = find(GAP_UNHEARD, "Zzp'ers"));
	assert_string_equal(g->suggestion, "");
	has(g->advice, "Record this stakeholder's voice");

	/* In the adoption phase no form reaches vulnerable voices well. */
	fixture_sql(f, "UPDATE trajectory SET phase_id ="
	    " (SELECT id FROM phase WHERE code = 'adoption')");
	check(f);
	assert_non_null(g = find(GAP_UNHEARD, "Schoonmakers"));
	assert_string_equal(g->suggestion, "");
	has(g->advice, "No form in the catalogue that reaches vulnerable voices "
	    "well can still be organised in the phase Adoption by the council.");
}

/* ---- VOICE_MISSING --------------------------------------------------------- */

static void
test_voice_missing(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;

	trajectory(f, "T", "diagnosis");
	stakeholder(f, 1, "Critical one", "critical", 0, "none");
	stakeholder(f, 1, "Critical two", "critical", 1, "employees");
	stakeholder(f, 1, "Middle", "silent_middle", 0, "none");
	stakeholder(f, 1, "Vulnerable heard", "vulnerable", 0, "none");
	stakeholder(f, 1, "Vulnerable unheard", "vulnerable", 0, "none");
	stakeholder(f, 1, "Unknown", "unknown", 0, "none");
	session(f, 1, "S1", "experience_interview", "diagnosis", "held",
	    "2024-01-10");
	attend(f, 1, "S1", "Vulnerable heard", "participant");
	/* A voice registered only for another trajectory is not missing. */
	trajectory(f, "U", "diagnosis");
	stakeholder(f, 2, "Established elsewhere", "established", 3, "none");
	check(f);
	assert_int_equal(count(GAP_VOICE_MISSING), 2);
	assert_non_null(g = find(GAP_VOICE_MISSING, "critical"));
	assert_int_equal(g->severity, GAP_HIGH);
	assert_string_equal(g->label, "critical");
	has(g->detail, "2 stakeholders with a critical voice are registered");
	assert_string_equal(g->suggestion, "experience_interview");
	assert_non_null(g = find(GAP_VOICE_MISSING, "silent_middle"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	has(g->detail, "1 stakeholder with a silent middle voice is registered");
	assert_null(find(GAP_VOICE_MISSING, "vulnerable"));
	assert_null(find(GAP_VOICE_MISSING, "unknown"));
	assert_null(find(GAP_VOICE_MISSING, "established"));
}

/* ---- LATE ------------------------------------------------------------------- */

static void
test_late(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;
	struct cfg cfg;

	trajectory(f, "T", "options");
	stakeholder(f, 1, "Late", "established", 2, "employers");
	stakeholder(f, 1, "Late and weighty", "vulnerable", 2, "none");
	stakeholder(f, 1, "Early", "established", 3, "none");
	stakeholder(f, 1, "Early and late", "established", 3, "none");
	stakeholder(f, 1, "Late but little affected", "established", 1, "none");
	session(f, 1, "D", "dialogue_table", "diagnosis", "held", "2024-01-10");
	session(f, 1, "O", "work_visit", "options", "held", "2024-03-10");
	attend(f, 1, "O", "Late", "participant");
	attend(f, 1, "O", "Late and weighty", "speaker");
	attend(f, 1, "D", "Early", "participant");
	attend(f, 1, "D", "Early and late", "participant");
	attend(f, 1, "O", "Early and late", "participant");
	attend(f, 1, "O", "Late but little affected", "participant");
	check(f);
	assert_int_equal(count(GAP_LATE), 2);
	assert_non_null(g = find(GAP_LATE, "Late"));
	assert_int_equal(g->severity, GAP_LOW);
	assert_string_equal(g->detail, "Impact 2, established voice; first "
	    "heard only in the phase Options and recommendations, from which on "
	    "hearing counts as late.");
	assert_non_null(g = find(GAP_LATE, "Late and weighty"));
	assert_int_equal(g->severity, GAP_MEDIUM);

	/* late_phase moves the edge: options is on time before adoption. */
	cfg_defaults(&cfg);
	strcpy(cfg.late_phase, "adoption");
	check_with(f, &cfg);
	assert_int_equal(count(GAP_LATE), 0);
	strcpy(cfg.late_phase, "diagnosis");
	check_with(f, &cfg);
	assert_int_equal(count(GAP_LATE), 4);
	has(find(GAP_LATE, "Late")->detail, "first heard only in the phase "
	    "Options and recommendations, after the phase Diagnosis, from which "
	    "on hearing counts as late.");
	cfg_free(&cfg);
}

/* A late_phase that is not in the catalogue names the file and line. */
static void
test_late_phase_unknown(void **state)
{
	struct fixture *f = *state;
	struct gap_list l;
	struct cfg cfg;

	trajectory(f, "T", "options");
	cfg_defaults(&cfg);
	strcpy(cfg.late_phase, "drafting");
	cfg.path = strdup("my.ini");
	cfg.late_phase_line = 7;
	assert_int_equal(gap_check(f->db, 1, &cfg, &l), ST_INPUT);
	assert_string_equal(err_msg(), "my.ini:7: late_phase: unknown phase "
	    "'drafting': expected one of orientation, diagnosis, options, "
	    "adoption, followup");
	assert_int_equal(l.n, 0);
	cfg_free(&cfg);
	cfg_defaults(&cfg);
	assert_int_equal(gap_check(f->db, 99, &cfg, &l), ST_INPUT);
	has(err_msg(), "no trajectory");
	cfg_free(&cfg);
}

/* ---- UNSUITED_FORM ------------------------------------------------------------ */

static void
test_unsuited_form(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;

	trajectory(f, "T", "diagnosis");
	stakeholder(f, 1, "Survey only", "vulnerable", 3, "none");
	stakeholder(f, 1, "Survey and visit", "vulnerable", 3, "none");
	stakeholder(f, 1, "Focus group only", "vulnerable", 3, "none");
	stakeholder(f, 1, "Critical at a visit", "critical", 0, "employees");
	stakeholder(f, 1, "Established by survey", "established", 3, "none");
	stakeholder(f, 1, "Listened at an interview", "vulnerable", 1, "none");
	session(f, 1, "S1", "survey", "diagnosis", "held", "2024-01-10");
	session(f, 1, "S2", "experience_interview", "diagnosis", "held",
	    "2024-01-11");
	session(f, 1, "S3", "focus_group", "diagnosis", "held", "2024-01-12");
	session(f, 1, "S4", "work_visit", "diagnosis", "held", "2024-01-13");
	session(f, 1, "S5", "survey", "diagnosis", "held", "2024-01-14");
	attend(f, 1, "S1", "Survey only", "participant");
	attend(f, 1, "S5", "Survey only", "participant");
	attend(f, 1, "S1", "Survey and visit", "participant");
	attend(f, 1, "S2", "Survey and visit", "speaker");
	attend(f, 1, "S3", "Focus group only", "participant");
	attend(f, 1, "S4", "Critical at a visit", "participant");
	attend(f, 1, "S1", "Established by survey", "participant");
	attend(f, 1, "S1", "Listened at an interview", "participant");
	attend(f, 1, "S2", "Listened at an interview", "listener");
	check(f);
	assert_int_equal(count(GAP_UNSUITED_FORM), 3);
	assert_non_null(g = find(GAP_UNSUITED_FORM, "Survey only"));
	assert_int_equal(g->severity, GAP_HIGH);
	has(g->detail, "heard only through forms that reach such voices badly: "
	    "Survey in S1, Survey in S5.");
	assert_string_equal(g->suggestion, "work_visit experience_interview");
	assert_non_null(g = find(GAP_UNSUITED_FORM, "Critical at a visit"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	assert_string_equal(g->suggestion, "experience_interview");
	assert_non_null(find(GAP_UNSUITED_FORM, "Listened at an interview"));
	assert_null(find(GAP_UNSUITED_FORM, "Survey and visit"));
	assert_null(find(GAP_UNSUITED_FORM, "Focus group only"));
	assert_null(find(GAP_UNSUITED_FORM, "Established by survey"));
}

/* ---- NO_FEEDBACK ------------------------------------------------------------ */

static void
test_no_feedback(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;
	struct cfg cfg;

	trajectory(f, "T", "options");
	stakeholder(f, 1, "A", "established", 0, "none");
	session(f, 1, "Big", "dialogue_table", "options", "held", "2024-05-28");
	session(f, 1, "Ten", "focus_group", "options", "held", "2024-05-28");
	session(f, 1, "Nine", "focus_group", "options", "held", "2024-05-28");
	session(f, 1, "Counted", "focus_group", "options", "held", "2024-05-28");
	session(f, 1, "Unknown", "focus_group", "options", "held", "2024-05-28");
	session(f, 1, "Answered", "focus_group", "options", "held", "2024-05-28");
	session(f, 1, "Planned", "focus_group", "options", "planned", "2024-05-28");
	session(f, 1, "Undated", "focus_group", "options", "held", NULL);
	fixture_sql(f, "UPDATE session SET participants = 26 WHERE ref = 'Big';"
	    "UPDATE session SET participants = 10 WHERE ref = 'Ten';"
	    "UPDATE session SET participants = 9 WHERE ref = 'Nine';"
	    "UPDATE session SET feedback_date = '2024-06-01' WHERE ref = 'Answered'");
	attend(f, 1, "Counted", "A", "participant");

	/* 42 days after the session feedback is still due in time. */
	setenv("MEERSTEM_TODAY", "2024-07-09", 1);
	check(f);
	assert_int_equal(count(GAP_NO_FEEDBACK), 0);

	setenv("MEERSTEM_TODAY", "2024-07-10", 1);
	check(f);
	assert_int_equal(count(GAP_NO_FEEDBACK), 5);
	assert_non_null(g = find(GAP_NO_FEEDBACK, "Big"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	assert_string_equal(g->detail, "Held on 2024-05-28 (Dialogue table, 26 "
	    "participants), 43 days ago; no feedback to the participants is "
	    "recorded, and it is due within 42 days.");
	assert_int_equal(find(GAP_NO_FEEDBACK, "Ten")->severity, GAP_MEDIUM);
	assert_int_equal(find(GAP_NO_FEEDBACK, "Nine")->severity, GAP_LOW);
	assert_non_null(g = find(GAP_NO_FEEDBACK, "Counted"));
	assert_int_equal(g->severity, GAP_LOW);
	has(g->detail, "(Focus group, 1 participant)");
	assert_non_null(g = find(GAP_NO_FEEDBACK, "Unknown"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	has(g->detail, "(Focus group), 43 days ago");

	cfg_defaults(&cfg);
	cfg.feedback_days = 43;
	check_with(f, &cfg);
	assert_int_equal(count(GAP_NO_FEEDBACK), 0);
	cfg_free(&cfg);
}

/* ---- INPUT_UNANSWERED ------------------------------------------------------- */

static void
test_input_unanswered(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;

	trajectory(f, "T", "options");
	session(f, 1, "S1", "focus_group", "options", "held", "2024-05-28");
	fixture_sql(f, "INSERT INTO input (trajectory_id, session_id, summary,"
	    " disposition, reported_date) VALUES"
	    " (1, 1, 'open', 'open', NULL),"
	    " (1, 1, 'open but reported', 'open', '2024-06-01'),"
	    " (1, 1, 'adopted quietly', 'adopted', NULL),"
	    " (1, 1, 'rejected and told', 'rejected', '2024-06-01'),"
	    " (1, 1, 'partly and told', 'partly', '2024-06-01')");
	setenv("MEERSTEM_TODAY", "2024-06-02", 1);
	check(f);
	assert_int_equal(count(GAP_INPUT_UNANSWERED), 3);
	assert_non_null(g = find(GAP_INPUT_UNANSWERED, "open"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	assert_string_equal(g->detail, "Input from session S1 that has no "
	    "disposition yet.");
	assert_int_equal(find(GAP_INPUT_UNANSWERED, "open but reported")->severity,
	    GAP_MEDIUM);
	assert_non_null(g = find(GAP_INPUT_UNANSWERED, "adopted quietly"));
	assert_int_equal(g->severity, GAP_LOW);
	assert_string_equal(g->detail, "Input from session S1, adopted, but this "
	    "was never reported back.");
	assert_string_equal(g->suggestion, "");
}

/* ---- UNDERREPRESENTED ------------------------------------------------------- */

static void
test_binomial(void **state)
{
	(void)state;
	assert_float_equal(stats_binom_cdf(2, 10, 0.3), 0.3827827864, 1e-9);
	assert_float_equal(stats_binom_cdf(0, 5, 0.5), 0.03125, 1e-12);
	assert_float_equal(stats_binom_cdf(270, 1000, 0.3), 0.0201265082, 1e-9);
	assert_float_equal(stats_binom_cdf(300, 1000, 0.4), 3.149945928e-11, 1e-18);
	assert_float_equal(stats_binom_cdf(26000, 100000, 0.27), 4.43342375e-13,
	    1e-20);
	/* Above the mode nothing may stop the sum early. */
	assert_float_equal(stats_binom_cdf(60, 100, 0.5), 0.9823998999, 1e-9);
	assert_float_equal(stats_binom_cdf(10, 10, 0.3), 1, 0);
	assert_float_equal(stats_binom_cdf(-1, 10, 0.3), 0, 0);
	assert_float_equal(stats_binom_cdf(3, 10, 1), 0, 0);
	assert_float_equal(stats_binom_cdf(3, 10, 0), 1, 0);
}

/* 3 of 10 is not 300 of 1,000: the same share, a different verdict. */
static void
test_underrepresented_sample_size(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;
	struct cfg cfg;

	trajectory(f, "T", "options");
	trajectory(f, "U", "options");
	dimensions(f, 0.4, 0.5);
	session(f, 1, "Small", "survey", "diagnosis", "held", "2024-01-10");
	profiles(f, 1, "Small", 3, LAAG);
	profiles(f, 1, "Small", 7, HOOG);
	check(f);
	assert_non_null(g = find(GAP_UNDERREPRESENTED, "education=laag"));
	assert_int_equal(g->severity, GAP_LOW);
	/* 3 is below the minimum group size of 5: no count, no p. */
	assert_string_equal(g->detail, "< 5 of 10 profiles from representative "
	    "forms (< 50.0%) against a benchmark share of 40.0%: ratio < 1.25 "
	    "(threshold 0.80). One-sided exact binomial "
	    "test: not significant at the 0.05 level for a sample of this size "
	    "(p is not shown for a group this small).");
	has(g->advice, "weighted lottery");

	cfg_defaults(&cfg);
	cfg.min_group_size = 3;
	check_with(f, &cfg);
	assert_non_null(g = find(GAP_UNDERREPRESENTED, "education=laag"));
	assert_string_equal(g->detail, "3 of 10 profiles from representative "
	    "forms (30.0%) against a benchmark share of 40.0%: ratio 0.75 "
	    "(threshold 0.80). One-sided exact binomial test: p = 0.382, not "
	    "significant at the 0.05 level for a sample of this size.");
	cfg_free(&cfg);

	profiles(f, 1, "Small", 297, LAAG);
	profiles(f, 1, "Small", 693, HOOG);
	check(f);
	assert_non_null(g = find(GAP_UNDERREPRESENTED, "education=laag"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	has(g->detail, "300 of 1000 profiles from representative forms (30.0%)");
	has(g->detail, "p < 0.001, significant at the 0.05 level.");
}

static void
test_underrepresented(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;
	struct cfg cfg;

	trajectory(f, "T", "options");
	dimensions(f, 0.3, 0.25);
	session(f, 1, "S", "citizens_panel", "diagnosis", "held", "2024-01-10");
	session(f, 1, "F", "focus_group", "diagnosis", "held", "2024-01-10");
	session(f, 1, "C", "survey", "diagnosis", "cancelled", "2024-01-10");
	/* Education, 25 profiles: laag 6 of 25 = 0.24 = 0.8 x 0.3, at the
	 * threshold and not below it; middelbaar 0 against 0.35. Region,
	 * 26 profiles (one has no education): noord 6 of 26 against 0.25. */
	profiles(f, 1, "S", 5, LAAG NOORD);
	profiles(f, 1, "S", 1, LAAG ZUID);
	profiles(f, 1, "S", 19, HOOG ZUID);
	profiles(f, 1, "S", 1, NOORD);
	/* Not representative, or cancelled: not counted. */
	profiles(f, 1, "F", 50, HOOG ZUID);
	profiles(f, 1, "C", 50, HOOG ZUID);
	check(f);
	assert_null(find(GAP_UNDERREPRESENTED, "education=laag"));
	assert_null(find(GAP_UNDERREPRESENTED, "region=noord"));
	assert_non_null(g = find(GAP_UNDERREPRESENTED, "education=middelbaar"));
	has(g->detail, "< 5 of 25 profiles");
	assert_int_equal(g->severity, GAP_MEDIUM);
	assert_int_equal(count(GAP_UNDERREPRESENTED), 1);

	/* One laag fewer, and laag is below the threshold. */
	fixture_sql(f, "UPDATE participant SET profile = X'" HOOG NOORD "'"
	    " WHERE session_id = (SELECT id FROM session WHERE ref = 'S')"
	    " AND seq = 1");
	check(f);
	assert_non_null(g = find(GAP_UNDERREPRESENTED, "education=laag"));
	has(g->detail, "5 of 25 profiles from representative forms (20.0%)");
	assert_null(find(GAP_UNDERREPRESENTED, "region=noord"));

	cfg_defaults(&cfg);
	cfg.underrepresentation_ratio = 0.5;
	check_with(f, &cfg);
	assert_null(find(GAP_UNDERREPRESENTED, "education=laag"));
	cfg_free(&cfg);

	/* Without benchmarks there is nothing to compare with. */
	fixture_sql(f, "DELETE FROM benchmark");
	check(f);
	assert_int_equal(count(GAP_UNDERREPRESENTED), 0);
}

/* ---- DELEGATION_IMBALANCE ------------------------------------------------- */

static void
members(struct fixture *f, const char *delegation, int n)
{
	int i;

	for (i = 0; i < n; i++)
		sqlf(f, "INSERT INTO member (trajectory_id, name, name_key,"
		    " delegation) SELECT 1, 'm' || n, 'm' || n, %Q FROM"
		    " (SELECT count(*) AS n FROM member)", delegation);
}

static void
test_delegation_imbalance(void **state)
{
	struct fixture *f = *state;
	const struct gap *g;

	trajectory(f, "T", "options");
	check(f);
	assert_int_equal(count(GAP_DELEGATION_IMBALANCE), 0);
	members(f, "employers", 3);
	members(f, "employees", 2);
	members(f, "crown", 2);
	members(f, "advisory", 9);
	check(f);
	assert_int_equal(count(GAP_DELEGATION_IMBALANCE), 0);	/* 1.5: the limit */
	members(f, "employers", 1);
	check(f);
	assert_non_null(g = find(GAP_DELEGATION_IMBALANCE, "commission"));
	assert_int_equal(g->severity, GAP_MEDIUM);
	assert_string_equal(g->detail, "Members per delegation: employers 4, "
	    "employees 2, crown members 2; the largest delegation is 2.00 "
	    "times the smallest (limit 1.50).");
	fixture_sql(f, "DELETE FROM member WHERE delegation = 'crown'");
	check(f);
	assert_non_null(g = find(GAP_DELEGATION_IMBALANCE, "commission"));
	assert_int_equal(g->severity, GAP_HIGH);
	has(g->detail, "crown members 0; a delegation has no members.");
}

/* ---- the whole list ------------------------------------------------------- */

/* Most severe first, then in code order, then by subject ignoring case. */
static void
test_order(void **state)
{
	static const char *const want[] = {
		"UNHEARD high aap", "UNHEARD high Beer", "UNHEARD high cavia",
		"VOICE_MISSING high vulnerable", "UNHEARD medium Dromedaris",
		"VOICE_MISSING medium established", "INPUT_UNANSWERED medium zebra", "INPUT_UNANSWERED low Anders",
		"INPUT_UNANSWERED low beter",
	};
	struct fixture *f = *state;
	char got[128];
	size_t i;

	trajectory(f, "T", "options");
	stakeholder(f, 1, "cavia", "vulnerable", 3, "none");
	stakeholder(f, 1, "Dromedaris", "established", 2, "none");
	stakeholder(f, 1, "Beer", "vulnerable", 3, "none");
	stakeholder(f, 1, "aap", "vulnerable", 3, "none");
	session(f, 1, "S1", "focus_group", "options", "held", "2024-05-28");
	fixture_sql(f, "UPDATE session SET feedback_date = '2024-05-29';"
	    "INSERT INTO input (trajectory_id, session_id, summary, disposition)"
	    " VALUES (1, 1, 'beter', 'adopted'), (1, 1, 'zebra', 'open'),"
	    " (1, 1, 'Anders', 'partly')");
	setenv("MEERSTEM_TODAY", "2024-06-02", 1);
	check(f);
	assert_int_equal(found.n, sizeof want / sizeof want[0]);
	for (i = 0; i < found.n; i++) {
		snprintf(got, sizeof got, "%s %s %s",
		    (const char *[]){ "UNHEARD", "VOICE_MISSING", "LATE",
		    "UNSUITED_FORM", "NO_FEEDBACK", "INPUT_UNANSWERED",
		    "UNDERREPRESENTED", "DELEGATION_IMBALANCE" }[found.v[i].code],
		    (const char *[]){ "high", "medium", "low" }[found.v[i].severity],
		    found.v[i].subject);
		assert_string_equal(got, want[i]);
	}
	assert_int_equal(found.per_severity[GAP_HIGH], 4);
	assert_int_equal(found.per_severity[GAP_MEDIUM], 3);
	assert_int_equal(found.per_severity[GAP_LOW], 2);
}

/* An empty trajectory has no gaps; the check changes nothing. */
static void
test_quiet(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 changes;

	trajectory(f, "T", "orientation");
	changes = fixture_int(f, "SELECT total_changes()");
	check(f);
	assert_int_equal(found.n, 0);
	assert_int_equal(fixture_int(f, "SELECT total_changes()"), changes);
}

/* Each finding names the record it is about, for the interface to go
 * to; findings about no record have 0. */
static void
test_subject_ids(void **state)
{
	struct fixture *f = *state;
	size_t i;

	trajectory(f, "T", "options");
	stakeholder(f, 1, "Filler", "established", 0, "none");
	stakeholder(f, 1, "Unheard", "critical", 3, "none");
	stakeholder(f, 1, "Late", "established", 3, "none");
	stakeholder(f, 1, "Surveyed", "vulnerable", 3, "none");
	session(f, 1, "S0", "survey", "diagnosis", "cancelled", "2024-01-01");
	session(f, 1, "S1", "survey", "diagnosis", "held", "2024-01-10");
	session(f, 1, "S2", "focus_group", "options", "held", "2024-03-10");
	attend(f, 1, "S1", "Surveyed", "participant");
	attend(f, 1, "S2", "Late", "participant");
	fixture_sql(f, "INSERT INTO input (trajectory_id, session_id, summary,"
	    " disposition) VALUES (1, 3, 'idea', 'adopted'),"
	    " (1, 3, 'other idea', 'open')");
	setenv("MEERSTEM_TODAY", "2024-06-02", 1);
	check(f);
	assert_int_equal(find(GAP_UNHEARD, "Unheard")->subject_id,
	    fixture_int(f, "SELECT id FROM stakeholder WHERE name = 'Unheard'"));
	assert_int_equal(find(GAP_LATE, "Late")->subject_id,
	    fixture_int(f, "SELECT id FROM stakeholder WHERE name = 'Late'"));
	assert_int_equal(find(GAP_UNSUITED_FORM, "Surveyed")->subject_id,
	    fixture_int(f, "SELECT id FROM stakeholder WHERE name = 'Surveyed'"));
	assert_int_equal(find(GAP_NO_FEEDBACK, "S2")->subject_id,
	    fixture_int(f, "SELECT id FROM session WHERE ref = 'S2'"));
	assert_int_equal(find(GAP_INPUT_UNANSWERED, "other idea")->subject_id,
	    fixture_int(f, "SELECT id FROM input WHERE summary = 'other idea'"));
	assert_int_equal(find(GAP_VOICE_MISSING, "critical")->subject_id, 0);
	for (i = 0; i < found.n; i++)
		if (found.v[i].code == GAP_DELEGATION_IMBALANCE)
			assert_int_equal(found.v[i].subject_id, 0);
}

/* A limited check keeps the most severe findings in the full check's
 * order and counts all of them, however often it cuts back. */
static void
test_top(void **state)
{
	struct fixture *f = *state;
	struct gap_list top;
	struct cfg cfg;
	char name[32];
	size_t i;
	int k;

	trajectory(f, "T", "options");
	for (k = 0; k < 60; k++) {
		snprintf(name, sizeof name, "S%02d", (k * 37) % 60);
		stakeholder(f, 1, name, k % 3 ? "established" : "vulnerable",
		    2 + k % 2, "none");
	}
	check(f);
	cfg_defaults(&cfg);
	assert_int_equal(gap_check_top(f->db, 1, &cfg, 4, &top), ST_OK);
	cfg_free(&cfg);
	assert_int_equal(top.n, 4);
	assert_int_equal(top.total, found.n);
	assert_int_equal(found.total, found.n);
	for (i = 0; i < GAP_NSEVERITIES; i++)
		assert_int_equal(top.per_severity[i], found.per_severity[i]);
	for (i = 0; i < top.n; i++) {
		assert_int_equal(top.v[i].code, found.v[i].code);
		assert_string_equal(top.v[i].subject, found.v[i].subject);
	}
	gap_list_free(&top);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_unheard),
		T(test_unheard_per_trajectory),
		T(test_suggestions),
		T(test_voice_missing),
		T(test_late),
		T(test_late_phase_unknown),
		T(test_unsuited_form),
		T(test_no_feedback),
		T(test_input_unanswered),
		cmocka_unit_test(test_binomial),
		T(test_underrepresented_sample_size),
		T(test_underrepresented),
		T(test_delegation_imbalance),
		T(test_order),
		T(test_quiet),
		T(test_subject_ids),
		T(test_top),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
