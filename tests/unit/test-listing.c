/* test-listing.c: unit tests of what the core gives the interface: the
 * paged lists (every sort in its order, paging forward and backward
 * across groups, from both ends, filters, search, counts, both ways of
 * driving a stakeholder sort), stakeholder and involvement saved as one
 * action, the next session ref and the session matrix. */
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
#include "listing.h"
#include "session.h"
#include "stakeholder.h"

/* Rows read by a walk: their first cell (or column COL), joined. */
struct seen {
	char text[4096];
	int col;
	struct listing_key *last;
};

static int
collect(const struct listing_row *row, void *arg)
{
	struct seen *s = arg;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof s->text - n, "%s%s", n > 0 ? " " : "",
	    row->cell[s->col]);
	listing_key_free(s->last);
	s->last = listing_key_dup(row->key);
	assert_non_null(s->last);
	return 0;
}

static const char *
page(struct listing *l, struct seen *s, const struct listing_key *from,
    int dir, int n)
{
	int got;

	s->text[0] = '\0';
	assert_int_equal(listing_fetch(l, from, dir, n, collect, s, &got), ST_OK);
	return s->text;
}

/* Ten stakeholders A..J in trajectory 1, with varied columns; K is in
 * the register only. A and D were heard in the diagnosis phase. */
static int
setup(void **state)
{
	struct fixture *f;

	fixture_setup(state);
	f = *state;
	fixture_sql(f,
	    "INSERT INTO trajectory (code, title, phase_id) VALUES ('T', 't', 1);"
	    "INSERT INTO stakeholder (name, name_key, category, voice) VALUES"
	    " ('Émile', 'émile', 'burgers', 'critical'),"
	    " ('Bond', 'bond', 'vakbond', 'established'),"
	    " ('Cora', 'cora', '', 'vulnerable'),"
	    " ('Dirk', 'dirk', 'burgers', 'vulnerable'),"
	    " ('Anna', 'anna', 'jongeren', 'unknown'),"
	    " ('Fenna', 'fenna', 'burgers', 'silent_middle'),"
	    " ('Gert', 'gert', 'vakbond', 'critical'),"
	    " ('Hans', 'hans', '', 'unknown'),"
	    " ('Iris', 'iris', 'jongeren', 'vulnerable'),"
	    " ('Joost', 'joost', 'burgers', 'established'),"
	    " ('Kees', 'kees', 'burgers', 'critical');"
	    "INSERT INTO involvement (trajectory_id, stakeholder_id, impact,"
	    " influence, represented_by) SELECT 1, id, id % 4, 3 - id % 4,"
	    " CASE WHEN id % 2 THEN 'none' ELSE 'employers' END"
	    " FROM stakeholder WHERE id <= 10;"
	    "INSERT INTO session (trajectory_id, ref, form_id, phase_id, status)"
	    " VALUES (1, 'S1', 1, 2, 'held');"
	    "INSERT INTO attendance (session_id, stakeholder_id) VALUES (1, 1), (1, 4);");
	return 0;
}

static void
test_name_pages(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 0 };
	struct listing_key *k;
	long n;

	assert_int_equal(listing_open(&l, f->db, LISTING_STAKEHOLDERS, 1), ST_OK);
	assert_int_equal(listing_count(l, &n), ST_OK);
	assert_int_equal(n, 10);
	assert_string_equal(page(l, &s, NULL, 1, 4), "Anna Bond Cora Dirk");
	k = listing_key_dup(s.last);
	assert_string_equal(page(l, &s, k, 1, 4), "Fenna Gert Hans Iris");
	assert_string_equal(page(l, &s, k, -1, 2), "Cora Bond");
	listing_key_free(k);
	assert_string_equal(page(l, &s, NULL, -1, 3), "Émile Joost Iris");
	/* Names sort by the bytes of their keys: accented initials last. */
	assert_string_equal(page(l, &s, NULL, 1, 0),
	    "Anna Bond Cora Dirk Fenna Gert Hans Iris Joost Émile");
	assert_int_equal(listing_sort(l, 0, 1), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 3), "Émile Joost Iris");
	listing_key_free(s.last);
	listing_close(l);
}

static void
test_grouped_sorts(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 0 };
	struct listing_key *k;
	int rev;

	assert_int_equal(listing_open(&l, f->db, LISTING_STAKEHOLDERS, 1), ST_OK);
	/* Voices in contract order, names within a voice. */
	assert_int_equal(listing_sort(l, 2, 0), ST_OK);
	assert_int_equal(listing_sorted_by(l, &rev), 2);
	assert_string_equal(page(l, &s, NULL, 1, 0),
	    "Cora Dirk Iris Gert Émile Fenna Bond Joost Anna Hans");
	/* Paging crosses groups both ways. */
	page(l, &s, NULL, 1, 4);
	k = listing_key_dup(s.last);
	assert_string_equal(page(l, &s, k, 1, 3), "Émile Fenna Bond");
	assert_string_equal(page(l, &s, k, -1, 5), "Iris Dirk Cora");
	listing_key_free(k);
	assert_string_equal(page(l, &s, NULL, -1, 3), "Hans Anna Joost");
	/* Impact high to low (ids 3, 7 have impact 3), register order. */
	assert_int_equal(listing_sort(l, 3, 0), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0),
	    "Cora Gert Bond Fenna Joost Émile Anna Iris Dirk Hans");
	assert_int_equal(listing_sort(l, 3, 1), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 3), "Hans Dirk Iris");
	/* Delegation in contract order: employers before none. */
	assert_int_equal(listing_sort(l, 5, 0), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0),
	    "Bond Dirk Fenna Hans Joost Émile Cora Anna Gert Iris");
	/* Heard: not heard first; first heard: by phase, not heard last. */
	assert_int_equal(listing_sort(l, 6, 0), ST_OK);
	assert_string_equal(page(l, &s, NULL, -1, 2), "Dirk Émile");
	assert_int_equal(listing_sort(l, 7, 0), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 3), "Émile Dirk Bond");
	/* Category, then name. */
	assert_int_equal(listing_sort(l, 1, 0), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0),
	    "Cora Hans Dirk Fenna Joost Émile Anna Iris Bond Gert");
	assert_int_equal(listing_sort(l, 99, 0), ST_INPUT);
	listing_key_free(s.last);
	listing_close(l);
}

static void
test_filters_and_search(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 0 };
	struct listing_key *k;
	long n;
	int found;

	assert_int_equal(listing_open(&l, f->db, LISTING_STAKEHOLDERS, 1), ST_OK);
	assert_int_equal(listing_filter(l, LF_VOICE, "vulnerable"), ST_OK);
	assert_int_equal(listing_count(l, &n), ST_OK);
	assert_int_equal(n, 3);
	assert_string_equal(page(l, &s, NULL, 1, 0), "Cora Dirk Iris");
	assert_int_equal(listing_filter(l, LF_UNHEARD, "1"), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0), "Cora Iris");
	assert_string_equal(listing_filter_value(l, LF_VOICE), "vulnerable");
	assert_int_equal(listing_filter(l, LF_VOICE, NULL), ST_OK);
	assert_int_equal(listing_filter(l, LF_UNHEARD, NULL), ST_OK);
	assert_int_equal(listing_filter(l, LF_CATEGORY, "burgers"), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0), "Dirk Fenna Joost Émile");
	assert_int_equal(listing_filter(l, LF_CATEGORY, NULL), ST_OK);

	/* Search ignores case, also beyond ASCII, and goes both ways. */
	s.text[0] = '\0';
	assert_int_equal(listing_find(l, NULL, 1, "ÉMI", collect, &s, &found), ST_OK);
	assert_int_equal(found, 1);
	assert_string_equal(s.text, "Émile");
	k = listing_key_dup(s.last);
	s.text[0] = '\0';
	assert_int_equal(listing_find(l, k, -1, "n", collect, &s, &found), ST_OK);
	assert_string_equal(s.text, "Hans");
	assert_int_equal(listing_find(l, k, 1, "n", collect, &s, &found), ST_OK);
	assert_int_equal(found, 0);
	listing_key_free(k);
	s.text[0] = '\0';
	assert_int_equal(listing_find(l, NULL, 1, "N", collect, &s, &found), ST_OK);
	assert_string_equal(s.text, "Anna");
	k = listing_key_dup(s.last);
	s.text[0] = '\0';
	assert_int_equal(listing_find(l, k, 1, "n", collect, &s, &found), ST_OK);
	assert_string_equal(s.text, "Bond");
	listing_key_free(k);
	listing_key_free(s.last);
	listing_close(l);

	assert_int_equal(listing_open(&l, f->db, LISTING_SESSIONS, 1), ST_OK);
	assert_int_equal(listing_filter(l, LF_VOICE, "critical"), ST_INPUT);
	listing_close(l);
}

/* Both drivers of a stakeholder sort give the same rows. */
static void
test_register_driver(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 0 };
	char small[4096];
	long n;

	fixture_sql(f,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	    " WHERE i < 40) INSERT INTO stakeholder (name, name_key, voice)"
	    " SELECT 'Z' || i, 'z' || i, 'critical' FROM n;"
	    "INSERT INTO involvement (trajectory_id, stakeholder_id)"
	    " SELECT 1, id FROM stakeholder WHERE id > 11");
	assert_int_equal(listing_open(&l, f->db, LISTING_STAKEHOLDERS, 1), ST_OK);
	assert_int_equal(listing_sort(l, 2, 0), ST_OK);
	strcpy(small, page(l, &s, NULL, 1, 0));
	/* 50 of 51 in the trajectory: the register drives the sort. */
	assert_int_equal(listing_count(l, &n), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0), small);
	listing_key_free(s.last);
	listing_close(l);
}

static void
test_register(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 3 };
	long n;

	assert_int_equal(listing_open(&l, f->db, LISTING_REGISTER, 1), ST_OK);
	assert_int_equal(listing_count(l, &n), ST_OK);
	assert_int_equal(n, 11);
	assert_string_equal(page(l, &s, NULL, -1, 2), "1 0");
	s.col = 0;
	assert_string_equal(page(l, &s, NULL, -1, 2), "Émile Kees");
	listing_key_free(s.last);
	listing_close(l);
}

static void
test_sessions_and_inputs(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 1 };
	struct listing_key *k;
	int found;

	fixture_sql(f,
	    "INSERT INTO session (trajectory_id, ref, form_id, phase_id, date)"
	    " VALUES (1, 'S2', 2, 1, '2024-03-01'), (1, 'S3', 2, 1, NULL),"
	    " (1, 'S4', 3, 2, '2024-05-01'), (1, 'S5', 3, 2, '2024-03-01');"
	    "INSERT INTO input (trajectory_id, session_id, summary, disposition,"
	    " reported_date) VALUES (1, 2, 'a', 'adopted', '2024-04-01'),"
	    " (1, 2, 'b', 'open', NULL), (1, 1, 'c', 'rejected', NULL),"
	    " (1, 4, 'd', 'partly', '2024-06-01'), (1, 1, 'e', 'open', NULL);");
	assert_int_equal(listing_open(&l, f->db, LISTING_SESSIONS, 1), ST_OK);
	/* Newest first, the same date by entry (newest entry first),
	 * undated last. */
	assert_string_equal(page(l, &s, NULL, 1, 0), "S4 S5 S2 S3 S1");
	page(l, &s, NULL, 1, 2);
	k = listing_key_dup(s.last);
	assert_string_equal(page(l, &s, k, 1, 2), "S2 S3");
	listing_key_free(k);
	s.text[0] = '\0';
	assert_int_equal(listing_find(l, NULL, -1, "s2", collect, &s, &found), ST_OK);
	assert_string_equal(s.text, "S2");
	listing_close(l);

	assert_int_equal(listing_open(&l, f->db, LISTING_INPUTS, 1), ST_OK);
	s.col = 3;
	/* Unanswered first (by session, then entry), then answered. */
	assert_string_equal(page(l, &s, NULL, 1, 0), "c e b a d");
	assert_string_equal(page(l, &s, NULL, -1, 2), "d a");
	listing_key_free(s.last);
	listing_close(l);
}

static void
test_trajectories_and_categories(void **state)
{
	struct fixture *f = *state;
	struct listing *l;
	struct seen s = { .col = 0 };
	char buf[64], all[256] = "";
	int found;

	fixture_sql(f, "INSERT INTO trajectory (code, title, phase_id)"
	    " VALUES ('A', 'Alfa', 1), ('Z', 'Zulu', 2)");
	assert_int_equal(listing_open(&l, f->db, LISTING_TRAJECTORIES, 0), ST_OK);
	assert_string_equal(page(l, &s, NULL, 1, 0), "A T Z");
	s.text[0] = '\0';
	assert_int_equal(listing_find(l, NULL, 1, "zul", collect, &s, &found), ST_OK);
	assert_string_equal(s.text, "Z");
	listing_key_free(s.last);
	listing_close(l);

	strcpy(buf, "");
	for (;;) {
		assert_int_equal(listing_next_category(f->db, buf, buf,
		    sizeof buf, &found), ST_OK);
		if (!found)
			break;
		strcat(all, buf);
		strcat(all, ",");
	}
	assert_string_equal(all, "burgers,jongeren,vakbond,");
}

static void
test_one_action(void **state)
{
	struct fixture *f = *state;
	struct stakeholder s = { 0 }, e;
	struct involvement inv = { 0 }, ei;

	s.name = strdup("Nieuw");
	inv.trajectory_id = 1;
	inv.impact = 5;
	/* A bad involvement adds nothing to the register either. */
	assert_int_equal(stakeholder_add_involved(f->db, &s, &inv), ST_INPUT);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM stakeholder"
	    " WHERE name = 'Nieuw'"), 0);
	inv.impact = 2;
	assert_int_equal(stakeholder_add_involved(f->db, &s, &inv), ST_OK);
	assert_int_equal(fixture_int(f, "SELECT impact FROM involvement"
	    " JOIN stakeholder ON id = stakeholder_id WHERE name = 'Nieuw'"), 2);
	/* Edits of both halves; a stale version is a conflict. */
	assert_int_equal(stakeholder_get(f->db, s.id, &e), ST_OK);
	assert_int_equal(stakeholder_involvement_get(f->db, 1, s.id, &ei), ST_OK);
	inv.impact = 3;
	inv.version = ei.version;
	assert_int_equal(stakeholder_update_involved(f->db, &e, &inv), ST_OK);
	/* Versions move on with each save; stale ones conflict, and a
	 * conflict on either half saves neither. */
	inv.version = 1;
	inv.impact = 1;
	assert_int_equal(stakeholder_update_involved(f->db, &e, &inv),
	    ST_CONFLICT);
	assert_int_equal(fixture_int(f, "SELECT version FROM stakeholder"
	    " WHERE name = 'Nieuw'"), 2);
	e.version = 1;
	assert_int_equal(stakeholder_update_involved(f->db, &e, &inv),
	    ST_CONFLICT);
	assert_int_equal(fixture_int(f, "SELECT impact FROM involvement"
	    " WHERE stakeholder_id = (SELECT id FROM stakeholder WHERE"
	    " name = 'Nieuw')"), 3);
	stakeholder_free(&e);
	stakeholder_involvement_free(&ei);
	stakeholder_free(&s);
}

static int
tally(const struct matrix_cell *c, void *arg)
{
	char *out = arg;
	size_t len = strlen(out);

	if (c->planned + c->held + c->cancelled > 0)
		snprintf(out + len, 256 - len, "%s/%s/%d+%d+%d ", c->form,
		    c->phase, c->planned, c->held, c->cancelled);
	return 0;
}

static void
test_refs_and_matrix(void **state)
{
	struct fixture *f = *state;
	char ref[16], out[256] = "";

	assert_int_equal(session_next_ref(f->db, 1, ref, sizeof ref), ST_OK);
	assert_string_equal(ref, "S02");
	fixture_sql(f, "INSERT INTO session (trajectory_id, ref, form_id,"
	    " phase_id, status) VALUES (1, 'S02', 1, 2, 'planned'),"
	    " (1, 'S04', 1, 2, 'planned')");
	assert_int_equal(session_next_ref(f->db, 1, ref, sizeof ref), ST_OK);
	assert_string_equal(ref, "S05");
	assert_int_equal(session_matrix(f->db, 1, tally, out), ST_OK);
	assert_string_equal(out, "survey/diagnosis/2+1+0 ");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_name_pages),
		T(test_grouped_sorts),
		T(test_filters_and_search),
		T(test_register_driver),
		T(test_register),
		T(test_sessions_and_inputs),
		T(test_trajectories_and_categories),
		T(test_one_action),
		T(test_refs_and_matrix),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
