/* test-model.c: unit tests of the model modules: the stakeholder
 * register and involvement, sessions and attendance, participant
 * profiles and benchmarks, commission members and inputs; their
 * checks, optimistic concurrency, deletion rules and change log. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db.h"
#include "error.h"
#include "fixture.h"
#include "input.h"
#include "member.h"
#include "participant.h"
#include "session.h"
#include "stakeholder.h"
#include "trajectory.h"

/* A fixture with trajectory T (id 1) and an empty register. */
static int
setup(void **state)
{
	struct fixture *f;
	struct trajectory t = { 0 };

	fixture_setup(state);
	f = *state;
	strcpy(t.code, "T");
	t.title = strdup("Test");
	assert_int_equal(trajectory_add(f->db, &t), ST_OK);
	assert_int_equal(t.id, 1);
	trajectory_free(&t);
	return 0;
}

static long
log_count(struct fixture *f, const char *action)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM change_log WHERE "
	    "action = '%s'", action);
	return (long)fixture_int(f, sql);
}

static sqlite3_int64
add_stakeholder(struct fixture *f, const char *name, const char *voice)
{
	struct stakeholder s = { 0 };
	sqlite3_int64 id;

	s.name = strdup(name);
	snprintf(s.voice, sizeof s.voice, "%s", voice);
	assert_int_equal(stakeholder_add(f->db, &s), ST_OK);
	id = s.id;
	stakeholder_free(&s);
	return id;
}

static sqlite3_int64
add_session(struct fixture *f, const char *ref, const char *phase,
    const char *status)
{
	struct session s = { 0 };
	sqlite3_int64 id;

	s.trajectory_id = 1;
	s.ref = strdup(ref);
	strcpy(s.form, "focus_group");
	snprintf(s.phase, sizeof s.phase, "%s", phase);
	snprintf(s.status, sizeof s.status, "%s", status);
	s.participants = -1;
	assert_int_equal(session_add(f->db, &s), ST_OK);
	id = s.id;
	session_free(&s);
	return id;
}

static void
test_stakeholder_register(void **state)
{
	struct fixture *f = *state;
	struct stakeholder s = { 0 }, u, stale;

	s.name = strdup("  Zoë's Stichting ");
	assert_int_equal(stakeholder_add(f->db, &s), ST_OK);
	assert_string_equal(s.name, "Zoë's Stichting");
	assert_string_equal(s.kind, "group");
	assert_string_equal(s.voice, "unknown");
	stakeholder_free(&s);

	/* The name is matched ignoring case and blanks. */
	assert_int_equal(stakeholder_find(f->db, " ZOË'S STICHTING", &u), ST_OK);
	assert_string_equal(u.name, "Zoë's Stichting");
	s.name = strdup("zoë's stichting");
	assert_int_equal(stakeholder_add(f->db, &s), ST_INPUT);
	assert_string_equal(err_msg(), "the register already has a stakeholder "
	    "named 'Zoë's Stichting'");
	stakeholder_free(&s);

	/* Bad codes name the field. */
	s.name = strdup("X");
	strcpy(s.voice, "loud");
	assert_int_equal(stakeholder_add(f->db, &s), ST_INPUT);
	assert_string_equal(err_field(), "voice");
	assert_non_null(strstr(err_msg(), "bad voice 'loud'"));
	stakeholder_free(&s);

	/* An edit on a stale copy is refused, not lost. */
	assert_int_equal(stakeholder_get(f->db, u.id, &stale), ST_OK);
	strcpy(u.voice, "vulnerable");
	assert_int_equal(stakeholder_update(f->db, &u), ST_OK);
	strcpy(stale.kind, "person");
	assert_int_equal(stakeholder_update(f->db, &stale), ST_CONFLICT);
	stakeholder_free(&stale);
	stakeholder_free(&u);
	assert_string_equal(fixture_text(f, "SELECT voice || ' ' || kind || ' '"
	    " || version FROM stakeholder"), "vulnerable group 2");
	assert_string_equal(fixture_text(f, "SELECT detail FROM change_log"
	    " WHERE action = 'stakeholder.update'"),
	    "voice: unknown -> vulnerable");
	assert_int_equal(log_count(f, "stakeholder.add"), 1);
	assert_int_equal(stakeholder_find(f->db, "nobody", &u), ST_INPUT);
	assert_string_equal(err_msg(), "no stakeholder 'nobody' in the register");
}

static void
test_involvement(void **state)
{
	struct fixture *f = *state;
	struct involvement inv = { 0 }, got;
	sqlite3_int64 fnv = add_stakeholder(f, "FNV", "established");

	inv.trajectory_id = 1;
	inv.stakeholder_id = fnv;
	inv.impact = 4;
	assert_int_equal(stakeholder_involve(f->db, &inv), ST_INPUT);
	assert_string_equal(err_msg(), "bad impact 4: expected 0 to 3");
	assert_string_equal(err_field(), "impact");
	inv.impact = 3;
	assert_int_equal(stakeholder_involve(f->db, &inv), ST_OK);
	assert_string_equal(inv.represented_by, "none");
	assert_int_equal(stakeholder_involve(f->db, &inv), ST_INPUT);
	assert_string_equal(err_msg(), "'FNV' is already involved in T");
	assert_int_equal(stakeholder_involvement_get(f->db, 1, fnv, &got), ST_OK);
	strcpy(got.represented_by, "employees");
	assert_int_equal(stakeholder_involvement_update(f->db, &got), ST_OK);
	got.version = 1;
	assert_int_equal(stakeholder_involvement_update(f->db, &got),
	    ST_CONFLICT);
	stakeholder_involvement_free(&got);
	assert_string_equal(fixture_text(f, "SELECT trajectory || ' ' || subject"
	    " || ': ' || detail FROM change_log WHERE action ="
	    " 'involvement.update'"), "T FNV: represented_by: none -> employees");
	assert_int_equal(stakeholder_withdraw(f->db, 1, fnv), ST_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM involvement"), 0);
	assert_int_equal(stakeholder_withdraw(f->db, 1, fnv), ST_INPUT);
	assert_string_equal(err_msg(), "'FNV' is not involved in T");
}

static void
test_refused_deletions(void **state)
{
	struct fixture *f = *state;
	struct attendance a = { 0 };
	sqlite3_int64 fnv = add_stakeholder(f, "FNV", "established");
	sqlite3_int64 other = add_stakeholder(f, "Other", "unknown");
	sqlite3_int64 s1 = add_session(f, "S1", "diagnosis", "held");

	a.session_id = s1;
	a.stakeholder_id = fnv;
	/* Attending involves the stakeholder with the defaults. */
	assert_int_equal(session_attend(f->db, &a), ST_OK);
	assert_string_equal(fixture_text(f, "SELECT impact || represented_by ||"
	    " (SELECT code FROM phase WHERE id = first_heard) FROM involvement"),
	    "0nonediagnosis");
	assert_int_equal(stakeholder_withdraw(f->db, 1, fnv), ST_INPUT);
	assert_string_equal(err_msg(), "'FNV' attended 1 sessions of T; remove "
	    "the attendance first");
	assert_int_equal(stakeholder_delete(f->db, fnv), ST_INPUT);
	assert_string_equal(err_msg(), "'FNV' is involved in T; remove it from "
	    "that trajectory first");
	/* Attendance without involvement (made behind meerstem's back). */
	fixture_sql(f, "INSERT INTO attendance (session_id, stakeholder_id)"
	    " VALUES (1, 2); DELETE FROM involvement WHERE stakeholder_id = 2");
	assert_int_equal(stakeholder_delete(f->db, other), ST_INPUT);
	assert_string_equal(err_msg(), "'Other' attended 1 sessions; remove the "
	    "attendance first");
	assert_int_equal(session_attendance_remove(f->db, s1, other), ST_OK);
	assert_int_equal(stakeholder_delete(f->db, other), ST_OK);
	assert_int_equal(session_attendance_remove(f->db, s1, fnv), ST_OK);
	assert_int_equal(stakeholder_withdraw(f->db, 1, fnv), ST_OK);
	assert_int_equal(stakeholder_delete(f->db, fnv), ST_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM stakeholder"), 0);
	assert_int_equal(log_count(f, "stakeholder.delete"), 2);
}

static void
test_session(void **state)
{
	struct fixture *f = *state;
	struct session s = { 0 }, u, stale;

	s.trajectory_id = 1;
	s.ref = strdup("S01");
	s.participants = -1;
	strcpy(s.form, "focus_group");
	strcpy(s.phase, "drafting");
	assert_int_equal(session_add(f->db, &s), ST_INPUT);
	assert_string_equal(err_field(), "phase");
	assert_string_equal(err_msg(), "unknown phase 'drafting': expected one "
	    "of orientation, diagnosis, options, adoption, followup");
	strcpy(s.phase, "options");
	strcpy(s.date, "2024-02-30");
	assert_int_equal(session_add(f->db, &s), ST_INPUT);
	assert_string_equal(err_field(), "date");
	strcpy(s.date, "2024-02-28");
	assert_int_equal(session_add(f->db, &s), ST_OK);
	assert_string_equal(s.status, "planned");
	assert_int_equal(session_add(f->db, &s), ST_INPUT);
	assert_string_equal(err_msg(), "T already has a session 'S01'");
	session_free(&s);
	assert_string_equal(fixture_text(f, "SELECT ifnull(participants, 'null')"
	    " FROM session"), "null");

	assert_int_equal(session_find(f->db, 1, "S01", &u), ST_OK);
	assert_int_equal(session_get(f->db, u.id, &stale), ST_OK);
	strcpy(u.status, "held");
	u.participants = 12;
	assert_int_equal(session_update(f->db, &u), ST_OK);
	assert_int_equal(session_update(f->db, &stale), ST_CONFLICT);
	session_free(&stale);
	session_free(&u);
	assert_string_equal(fixture_text(f, "SELECT detail FROM change_log"
	    " WHERE action = 'session.update'"),
	    "participants: -1 -> 12; status: planned -> held");
	assert_int_equal(session_find(f->db, 1, "S02", &u), ST_INPUT);
	assert_string_equal(err_msg(), "no session 'S02' in T");
}

static int
count_fn(const struct session *s, void *arg)
{
	(void)s;
	(*(int *)arg)++;
	return 0;
}

static void
test_session_delete(void **state)
{
	struct fixture *f = *state;
	struct attendance a = { 0 };
	struct input in = { 0 };
	struct profile_value v[1] = { { 0, 0, "gender", "vrouw" } };
	sqlite3_int64 fnv = add_stakeholder(f, "FNV", "established");
	sqlite3_int64 s1 = add_session(f, "S03", "diagnosis", "held");
	long seq;
	int i, n = 0;

	a.session_id = s1;
	a.stakeholder_id = fnv;
	assert_int_equal(session_attend(f->db, &a), ST_OK);
	assert_int_equal(participant_add(f->db, s1, v, 1, &seq), ST_OK);
	for (i = 0; i < 4; i++) {
		char summary[16];

		snprintf(summary, sizeof summary, "idea %d", i);
		in.trajectory_id = 1;
		in.session_id = s1;
		in.summary = summary;
		in.disposition[0] = '\0';
		assert_int_equal(input_add(f->db, &in), ST_OK);
	}
	assert_int_equal(session_delete(f->db, s1), ST_INPUT);
	assert_string_equal(err_msg(), "session S03 has 4 inputs; delete or move "
	    "them first");
	fixture_sql(f, "DELETE FROM input");
	assert_int_equal(session_delete(f->db, s1), ST_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM attendance"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM participant"), 0);
	/* The involvement stays, no longer heard. */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM involvement"
	    " WHERE first_heard IS NULL"), 1);
	assert_string_equal(fixture_text(f, "SELECT detail FROM change_log"
	    " WHERE action = 'session.delete'"),
	    "; with 1 attendance records and 1 participant profiles");
	assert_int_equal(session_each(f->db, 1, 0, count_fn, &n), ST_OK);
	assert_int_equal(n, 0);
}

static int
print_att(const struct attendance *a, void *arg)
{
	char *buf = arg;

	snprintf(buf + strlen(buf), 256 - strlen(buf), "%s/%s/%s/%d;",
	    a->session_ref, a->stakeholder, a->role, a->people);
	return 0;
}

static void
test_attendance(void **state)
{
	struct fixture *f = *state;
	struct attendance a = { 0 };
	sqlite3_int64 fnv = add_stakeholder(f, "FNV", "established");
	sqlite3_int64 cnv = add_stakeholder(f, "CNV", "established");
	sqlite3_int64 s1 = add_session(f, "S1", "diagnosis", "held");
	sqlite3_int64 s2 = add_session(f, "S2", "options", "held");
	enum merge_outcome out;
	char buf[256] = "";

	a.session_id = s2;
	a.stakeholder_id = cnv;
	strcpy(a.role, "chair");
	assert_int_equal(session_attend(f->db, &a), ST_INPUT);
	assert_string_equal(err_field(), "role");
	strcpy(a.role, "speaker");
	a.people = 2;
	assert_int_equal(session_attend(f->db, &a), ST_OK);
	a.session_id = s1;
	a.stakeholder_id = fnv;
	a.people = -1;
	assert_int_equal(session_attend(f->db, &a), ST_INPUT);
	assert_string_equal(err_field(), "people");
	a.people = 0;
	a.role[0] = '\0';
	assert_int_equal(session_attendance_merge(f->db, &a, 0, &out), ST_OK);
	assert_int_equal(out, MERGE_ADDED);
	assert_int_equal(session_attendance_merge(f->db, &a, ATT_ROLE, &out),
	    ST_OK);
	assert_int_equal(out, MERGE_UNCHANGED);
	strcpy(a.role, "listener");
	assert_int_equal(session_attendance_merge(f->db, &a, ATT_ROLE, &out),
	    ST_OK);
	assert_int_equal(out, MERGE_CHANGED);
	assert_int_equal(session_attendance_each(f->db, 1, 0, print_att, buf), ST_OK);
	assert_string_equal(buf, "S1/FNV/listener/1;S2/CNV/speaker/2;");
	buf[0] = '\0';
	assert_int_equal(session_attendance_each(f->db, 1, s2, print_att, buf), ST_OK);
	assert_string_equal(buf, "S2/CNV/speaker/2;");
	/* A listener is not heard; CNV spoke in the options phase. */
	assert_string_equal(fixture_text(f, "SELECT group_concat(ifnull((SELECT"
	    " code FROM phase WHERE id = first_heard), '-'), ',') FROM (SELECT"
	    " first_heard FROM involvement ORDER BY stakeholder_id)"), "-,options");
	assert_int_equal(log_count(f, "attendance.add"), 1);
}

static int
print_profile(const char *ref, long seq, const struct profile_value *v, int n,
    void *arg)
{
	char *buf = arg;
	int i;

	snprintf(buf + strlen(buf), 512 - strlen(buf), "%s#%ld:", ref, seq);
	for (i = 0; i < n; i++)
		snprintf(buf + strlen(buf), 512 - strlen(buf), "%s%s=%s",
		    i > 0 ? "," : "", v[i].dimension, v[i].category);
	snprintf(buf + strlen(buf), 512 - strlen(buf), ";");
	return 0;
}

static int
print_tally(const struct profile_value *v, long count, long total, void *arg)
{
	char *buf = arg;

	snprintf(buf + strlen(buf), 512 - strlen(buf), "%s=%s:%ld/%ld;",
	    v->dimension, v->category, count, total);
	return 0;
}

static int
print_dim(sqlite3_int64 id, const char *name, void *arg)
{
	char *buf = arg;

	snprintf(buf + strlen(buf), 512 - strlen(buf), "%s;", name);
	(void)id;
	return 0;
}

static void
test_participants(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 s1 = add_session(f, "S1", "diagnosis", "held");
	sqlite3_int64 s2 = add_session(f, "S2", "options", "held");
	struct profile_value a[] = {
		{ 0, 0, "region", "noord" }, { 0, 0, "age_band", "18-34" } };
	struct profile_value b[] = { { 0, 0, "age_band", "35-64" } };
	struct profile_value dup[] = {
		{ 0, 0, "age_band", "18-34" }, { 0, 0, "age_band", "35-64" } };
	struct profile_value bad[] = { { 0, 0, "session", "x" } };
	char buf[512] = "";
	long seq, removed;

	assert_int_equal(participant_add(f->db, s1, a, 2, &seq), ST_OK);
	assert_int_equal(seq, 1);
	assert_int_equal(participant_add(f->db, s1, b, 1, &seq), ST_OK);
	assert_int_equal(seq, 2);
	assert_int_equal(participant_add(f->db, s2, b, 1, &seq), ST_OK);
	assert_int_equal(participant_add(f->db, s1, dup, 2, &seq), ST_INPUT);
	assert_string_equal(err_msg(), "two values for dimension 'age_band'");
	assert_int_equal(participant_add(f->db, s1, bad, 1, &seq), ST_INPUT);
	assert_string_equal(err_msg(), "a dimension cannot be called 'session'");
	/* Values come back in the order of their dimensions. */
	assert_int_equal(participant_each(f->db, 1, 0, print_profile, buf), ST_OK);
	assert_string_equal(buf, "S1#1:region=noord,age_band=18-34;"
	    "S1#2:age_band=35-64;S2#1:age_band=35-64;");
	buf[0] = '\0';
	assert_int_equal(participant_tally(f->db, 1, 0, 0, print_tally, buf), ST_OK);
	assert_string_equal(buf, "region=noord:1/1;age_band=18-34:1/3;"
	    "age_band=35-64:2/3;");
	buf[0] = '\0';
	/* focus_group is not representative. */
	assert_int_equal(participant_tally(f->db, 1, 0, 1, print_tally, buf), ST_OK);
	assert_string_equal(buf, "");
	assert_int_equal(participant_tally(f->db, 1, s2, 0, print_tally, buf), ST_OK);
	assert_string_equal(buf, "age_band=35-64:1/1;");
	buf[0] = '\0';
	assert_int_equal(participant_dimensions(f->db, 1, print_dim, buf), ST_OK);
	assert_string_equal(buf, "region;age_band;");
	assert_int_equal(participant_update(f->db, s1, 2, a, 1), ST_OK);
	assert_int_equal(participant_update(f->db, s1, 9, a, 1), ST_CONFLICT);
	assert_int_equal(participant_delete(f->db, s1, 1), ST_OK);
	assert_int_equal(participant_delete(f->db, s1, 1), ST_INPUT);
	assert_string_equal(err_msg(), "session S1 has no profile 1");
	buf[0] = '\0';
	assert_int_equal(participant_each(f->db, 1, s1, print_profile, buf), ST_OK);
	assert_string_equal(buf, "S1#2:region=noord;");
	assert_int_equal(participant_clear(f->db, s1), ST_OK);
	assert_int_equal(participant_replace_begin(f->db, s2, &removed), ST_OK);
	assert_int_equal(removed, 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM participant"), 0);
	assert_int_equal(log_count(f, "participant.add"), 3);
	assert_int_equal(log_count(f, "participant.clear"), 1);
}

static int
last_tally(const struct profile_value *v, long count, long total, void *arg)
{
	static int n;
	char *buf = arg;

	snprintf(buf, 512, "%d %s=%s:%ld/%ld", ++n, v->dimension, v->category,
	    count, total);
	return 0;
}

/* More categories than the decoder's cache holds: names are evicted,
 * but never those of the profile being decoded, even when its ids share
 * a home slot (ids 1024 apart). */
static void
test_participant_cache(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 s1 = add_session(f, "S1", "diagnosis", "held");
	char buf[512] = "";
	uint32_t id;
	long i;

	fixture_sql(f, "INSERT INTO dimension (name) VALUES ('a'), ('b'), ('c');"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	    " WHERE i < 3000) INSERT INTO category (dimension_id, name)"
	    " SELECT (i - 1) % 3 + 1, printf('%s%d', char(97 + (i - 1) % 3),"
	    " (i - 1) / 3) FROM n ORDER BY i;"
	    "INSERT INTO participant VALUES (1, 1, x'010000000104000001080000')");
	assert_int_equal(participant_each(f->db, 1, s1, print_profile, buf), ST_OK);
	assert_string_equal(buf, "S1#1:a=a0,b=b341,c=c682;");
	for (i = 2; i <= 3001; i++) {
		id = (uint32_t)(i - 1);
		assert_int_equal(participant_insert(f->db, s1, i, &id, 1), ST_OK);
	}
	buf[0] = '\0';
	assert_int_equal(participant_tally(f->db, 1, 0, 0, print_tally, buf), ST_OK);
	assert_int_equal(strncmp(buf, "a=a0:2/1001;a=a1:1/1001;", 24), 0);
	assert_int_equal(participant_tally(f->db, 1, 0, 0, last_tally, buf),
	    ST_OK);
	assert_string_equal(buf, "3000 c=c999:1/1001");
}

static int
print_share(const struct profile_value *v, double share, void *arg)
{
	char *buf = arg;

	snprintf(buf + strlen(buf), 512 - strlen(buf), "%s=%s:%g;",
	    v->dimension, v->category, share);
	return 0;
}

static void
test_benchmarks(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 bad;
	enum merge_outcome out;
	char buf[512] = "";

	assert_int_equal(participant_benchmark_set(f->db, 1, "gender", "man",
	    0.5), ST_OK);
	assert_int_equal(participant_benchmark_set(f->db, 1, "gender", "vrouw",
	    1.5), ST_INPUT);
	assert_string_equal(err_msg(), "bad share 1.5: expected a number from 0 "
	    "to 1");
	assert_int_equal(participant_benchmark_check(f->db, 1, &bad), ST_INPUT);
	assert_string_equal(err_msg(), "dimension 'gender': the shares add up to "
	    "0.5; they must add up to 1 (within 0.01)");
	assert_int_equal(bad, fixture_int(f, "SELECT id FROM dimension WHERE"
	    " name = 'gender'"));
	assert_int_equal(participant_benchmark_merge(f->db, 1, "gender", "vrouw",
	    0.49, &out), ST_OK);
	assert_int_equal(out, MERGE_ADDED);
	assert_int_equal(participant_benchmark_check(f->db, 1, &bad), ST_OK);
	assert_int_equal(participant_benchmark_merge(f->db, 1, "gender", "vrouw",
	    0.49, &out), ST_OK);
	assert_int_equal(out, MERGE_UNCHANGED);
	assert_int_equal(participant_benchmark_set(f->db, 1, "gender", "vrouw",
	    0.5), ST_OK);
	assert_int_equal(participant_benchmark_each(f->db, 1, print_share, buf), ST_OK);
	assert_string_equal(buf, "gender=man:0.5;gender=vrouw:0.5;");
	assert_int_equal(participant_benchmark_remove(f->db, 1, "gender", "man"),
	    ST_OK);
	assert_int_equal(participant_benchmark_remove(f->db, 1, "gender", "man"),
	    ST_INPUT);
	assert_string_equal(err_msg(), "T has no benchmark for gender=man");
	assert_int_equal(participant_benchmark_remove(f->db, 1, "age", "x"),
	    ST_INPUT);
	assert_string_equal(err_msg(), "no dimension 'age'");
	assert_string_equal(fixture_text(f, "SELECT group_concat(action || ' '"
	    " || detail, '|') FROM change_log WHERE action LIKE 'benchmark%'"),
	    "benchmark.add 0.5|benchmark.update 0.49 -> 0.5|benchmark.delete 0.5");
}

static void
test_members(void **state)
{
	struct fixture *f = *state;
	struct member m = { 0 }, u, stale;
	enum merge_outcome out;

	m.trajectory_id = 1;
	m.name = strdup("Ingrid Oosterveld");
	assert_int_equal(member_add(f->db, &m), ST_INPUT);
	assert_string_equal(err_msg(), "Ingrid Oosterveld needs a delegation");
	strcpy(m.delegation, "workers");
	assert_int_equal(member_add(f->db, &m), ST_INPUT);
	assert_string_equal(err_field(), "delegation");
	strcpy(m.delegation, "employees");
	assert_int_equal(member_add(f->db, &m), ST_OK);
	assert_int_equal(member_add(f->db, &m), ST_INPUT);
	assert_string_equal(err_msg(), "the commission of T already has a member "
	    "'Ingrid Oosterveld'");
	member_free(&m);
	assert_int_equal(member_find(f->db, 1, "INGRID oosterveld ", &u), ST_OK);
	assert_int_equal(member_get(f->db, u.id, &stale), ST_OK);
	strcpy(u.delegation, "crown");
	assert_int_equal(member_update(f->db, &u), ST_OK);
	assert_int_equal(member_update(f->db, &stale), ST_CONFLICT);
	member_free(&stale);
	m.trajectory_id = 1;
	m.name = strdup("ingrid OOSTERVELD");
	assert_int_equal(member_merge(f->db, &m, &out), ST_OK);
	assert_int_equal(out, MERGE_CHANGED);
	assert_int_equal(member_merge(f->db, &m, &out), ST_OK);
	assert_int_equal(out, MERGE_UNCHANGED);
	member_free(&m);
	assert_string_equal(fixture_text(f, "SELECT name || ' ' || delegation"
	    " FROM member"), "Ingrid Oosterveld employees");
	assert_int_equal(member_delete(f->db, u.id), ST_OK);
	assert_int_equal(member_delete(f->db, u.id), ST_INPUT);
	member_free(&u);
	assert_int_equal(log_count(f, "member.delete"), 1);
}

static void
test_inputs(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 s1 = add_session(f, "S1", "diagnosis", "held");
	sqlite3_int64 s2 = add_session(f, "S2", "options", "held");
	struct input in = { 0 }, u;
	enum merge_outcome out;

	in.trajectory_id = 1;
	in.session_id = s1;
	in.summary = strdup("Meer uren werken");
	strcpy(in.disposition, "rejected");
	assert_int_equal(input_add(f->db, &in), ST_INPUT);
	assert_string_equal(err_field(), "reason");
	in.reason = strdup("Buiten de adviesvraag");
	strcpy(in.reported_date, "2024-13-01");
	assert_int_equal(input_add(f->db, &in), ST_INPUT);
	assert_string_equal(err_field(), "reported_date");
	in.reported_date[0] = '\0';
	in.session_id = 99;
	assert_int_equal(input_add(f->db, &in), ST_INPUT);
	assert_string_equal(err_field(), "session");
	in.session_id = s1;
	assert_int_equal(input_add(f->db, &in), ST_OK);
	assert_int_equal(input_add(f->db, &in), ST_INPUT);
	assert_string_equal(err_msg(), "T already has an input 'Meer uren "
	    "werken'");
	input_free(&in);

	/* Moving an input to another session. */
	assert_int_equal(input_find(f->db, 1, " Meer uren werken", &u), ST_OK);
	assert_string_equal(u.session_ref, "S1");
	u.session_id = s2;
	assert_int_equal(input_update(f->db, &u), ST_OK);
	input_free(&u);
	assert_int_equal(input_find(f->db, 1, "Meer uren werken", &u), ST_OK);
	assert_string_equal(u.session_ref, "S2");
	in = u;
	in.summary = strdup(u.summary);
	in.reason = NULL;
	in.session_ref = NULL;
	strcpy(in.disposition, "adopted");
	assert_int_equal(input_merge(f->db, &in, INP_DISPOSITION, &out), ST_OK);
	assert_int_equal(out, MERGE_CHANGED);
	assert_int_equal(input_merge(f->db, &in, INP_DISPOSITION, &out), ST_OK);
	assert_int_equal(out, MERGE_UNCHANGED);
	free(in.summary);
	assert_int_equal(input_delete(f->db, u.id), ST_OK);
	input_free(&u);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM input"), 0);
	assert_string_equal(fixture_text(f, "SELECT detail FROM change_log"
	    " WHERE action = 'input.update'"), "session: S1 -> (moved)");
}

static void
test_stakeholder_merge(void **state)
{
	struct fixture *f = *state;
	struct stakeholder s = { 0 };
	struct involvement inv = { 0 };
	enum merge_outcome out;
	char name[] = "fnv", contact[] = "x@example.nl";

	s.name = name;
	s.contact = contact;
	strcpy(s.voice, "critical");
	inv.impact = 2;
	assert_int_equal(stakeholder_merge(f->db, 1, &s, &inv, SH_VOICE |
	    SH_CONTACT | INV_IMPACT, &out), ST_OK);
	assert_int_equal(out, MERGE_ADDED);
	/* Without the contact column the contact stays; the voice changes. */
	s.contact = NULL;
	strcpy(s.voice, "vulnerable");
	assert_int_equal(stakeholder_merge(f->db, 1, &s, &inv, SH_VOICE |
	    INV_IMPACT, &out), ST_OK);
	assert_int_equal(out, MERGE_CHANGED);
	assert_int_equal(stakeholder_merge(f->db, 1, &s, &inv, SH_VOICE |
	    INV_IMPACT, &out), ST_OK);
	assert_int_equal(out, MERGE_UNCHANGED);
	assert_string_equal(fixture_text(f, "SELECT name || ' ' || voice || ' '"
	    " || contact || ' ' || version FROM stakeholder"),
	    "fnv vulnerable x@example.nl 2");
	assert_int_equal(fixture_int(f, "SELECT impact FROM involvement"), 2);
	/* The import logs itself; merges do not. */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE"
	    " action LIKE 'stakeholder%'"), 0);
}

static int
collect_keys(const struct stakeholder *s, const struct involvement *inv,
    void *arg)
{
	char *buf = arg;

	snprintf(buf + strlen(buf), 256 - strlen(buf), "%s%s;", s->name,
	    inv != NULL ? "+" : "");
	return 0;
}

static void
test_stakeholder_pages(void **state)
{
	struct fixture *f = *state;
	struct stakeholder_page p = { 0 };
	struct involvement inv = { 0 };
	char buf[256] = "";
	long n;

	add_stakeholder(f, "delta", "unknown");
	add_stakeholder(f, "Alpha", "unknown");
	inv.stakeholder_id = add_stakeholder(f, "charlie", "unknown");
	add_stakeholder(f, "Bravo", "unknown");
	inv.trajectory_id = 1;
	assert_int_equal(stakeholder_involve(f->db, &inv), ST_OK);
	p.limit = 2;
	assert_int_equal(stakeholder_list(f->db, &p, collect_keys, buf), ST_OK);
	assert_string_equal(buf, "Alpha;Bravo;");
	buf[0] = '\0';
	p.after = "bravo";
	assert_int_equal(stakeholder_list(f->db, &p, collect_keys, buf), ST_OK);
	assert_string_equal(buf, "charlie;delta;");
	buf[0] = '\0';
	p.backward = 1;
	p.after = "charlie";
	assert_int_equal(stakeholder_list(f->db, &p, collect_keys, buf), ST_OK);
	assert_string_equal(buf, "Bravo;Alpha;");
	buf[0] = '\0';
	p.after = NULL;
	p.limit = 1;
	assert_int_equal(stakeholder_list(f->db, &p, collect_keys, buf), ST_OK);
	assert_string_equal(buf, "delta;");
	buf[0] = '\0';
	p.trajectory_id = 1;
	p.backward = 0;
	p.limit = 0;
	assert_int_equal(stakeholder_list(f->db, &p, collect_keys, buf), ST_OK);
	assert_string_equal(buf, "charlie+;");
	buf[0] = '\0';
	assert_int_equal(stakeholder_each(f->db, 1, collect_keys, buf), ST_OK);
	assert_string_equal(buf, "charlie+;");
	assert_int_equal(stakeholder_count(f->db, 0, &n), ST_OK);
	assert_int_equal(n, 4);
	assert_int_equal(stakeholder_count(f->db, 1, &n), ST_OK);
	assert_int_equal(n, 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_stakeholder_register),
		T(test_involvement),
		T(test_refused_deletions),
		T(test_session),
		T(test_session_delete),
		T(test_attendance),
		T(test_participants),
		T(test_participant_cache),
		T(test_benchmarks),
		T(test_members),
		T(test_inputs),
		T(test_stakeholder_merge),
		T(test_stakeholder_pages),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
