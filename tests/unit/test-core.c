/* test-core.c: unit tests of the core library's foundation: dates,
 * UTF-8, CSV guards, vocabularies, configuration, the database layer
 * and trajectories. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "cfg.h"
#include "csvw.h"
#include "date.h"
#include "db.h"
#include "error.h"
#include "fixture.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"

static void
test_date(void **state)
{
	char buf[11];
	long d, d2;

	(void)state;
	assert_int_equal(date_parse("1970-01-01", &d), ST_OK);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2024-02-29", &d), ST_OK);
	date_format(d, buf);
	assert_string_equal(buf, "2024-02-29");
	assert_int_equal(date_parse("2024-03-01", &d2), ST_OK);
	assert_int_equal(d2 - d, 1);
	assert_int_equal(date_parse("2023-02-29", &d), ST_INPUT);
	assert_non_null(strstr(err_msg(), "bad date '2023-02-29'"));
	assert_int_equal(date_parse("2100-02-29", &d), ST_INPUT);
	assert_int_equal(date_parse("2000-02-29", &d), ST_OK);
	assert_int_equal(date_parse("2023-13-01", &d), ST_INPUT);
	assert_int_equal(date_parse("2023-1-01", &d), ST_INPUT);
	assert_int_equal(date_parse("2023-01-01x", &d), ST_INPUT);
	assert_int_equal(date_parse("", &d), ST_INPUT);
	setenv("MEERSTEM_TODAY", "2026-11-23", 1);
	assert_int_equal(date_today(&d), ST_OK);
	date_format(d, buf);
	assert_string_equal(buf, "2026-11-23");
	setenv("MEERSTEM_TODAY", "tomorrow", 1);
	assert_int_equal(date_today(&d), ST_INPUT);
	assert_non_null(strstr(err_msg(), "MEERSTEM_TODAY: "));
	unsetenv("MEERSTEM_TODAY");
}

static void
test_utf8(void **state)
{
	uint32_t cp;
	size_t bad = 0;
	char *k1, *k2;

	(void)state;
	assert_int_equal(utf8_decode("\xc3\xab", 2, &cp), 2);	/* ë */
	assert_int_equal(cp, 0xeb);
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), -1);	/* overlong */
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), -1);	/* surrogate */
	assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &cp), -1);	/* > U+10FFFF */
	assert_int_equal(utf8_decode("\xe2\x82", 2, &cp), -1);	/* truncated */
	assert_true(utf8_valid("Zeeuws-Vlaanderen \xe2\x82\xac", 21, NULL));
	assert_false(utf8_valid("caf\xe9 x", 6, &bad));
	assert_int_equal(bad, 3);
	assert_int_equal(utf8_width("Caf\xc3\xa9"), 4);
	assert_int_equal(utf8_width("\xe4\xb8\xad\xe6\x96\x87"), 4);	/* 中文 */
	assert_int_equal(utf8_fit("\xe4\xb8\xad\xe6\x96\x87", 3), 3);
	assert_int_equal(utf8_chars("\xc3\xa9t\xc3\xa9", 5), 3);
	assert_int_equal(utf8_offset("\xc3\xa9t\xc3\xa9", 2), 3);
	k1 = utf8_key("  \xc3\x89mile Zo\xc3\xAB ");	/* "  Émile Zoë " */
	k2 = utf8_key("\xc3\xa9MILE ZO\xc3\x8b");	/* "éMILE ZOË" */
	assert_string_equal(k1, k2);
	assert_string_equal(k1, "\xc3\xa9mile zo\xc3\xab");
	free(k1);
	free(k2);
}

static void
test_csv_guard(void **state)
{
	static const char *const cells[] = { "=SUM(A1)", "+31 6", "-", "@x",
	    "\tx", "'=x", "''+y", "'plain", "plain", "", "0.5" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		char guarded[64];

		snprintf(guarded, sizeof guarded, "%s%s",
		    csvw_needs_guard(cells[i]) ? "'" : "", cells[i]);
		assert_string_equal(csvw_unguard(guarded), cells[i]);
	}
	assert_true(csvw_needs_guard("=1+1"));
	assert_false(csvw_needs_guard("'plain"));
	assert_false(csvw_needs_guard("0.5"));
}

static void
test_vocab(void **state)
{
	(void)state;
	assert_int_equal(vocab_index(&vocab_voice, "silent_middle"), 3);
	assert_int_equal(vocab_index(&vocab_voice, "loud"), -1);
	assert_int_equal(vocab_count(&vocab_gap), 8);
	assert_int_equal(vocab_check(&vocab_role, "chair"), ST_INPUT);
	assert_string_equal(err_msg(), "bad role 'chair': expected one of "
	    "participant, speaker, listener");
	assert_string_equal(vocab_label(&vocab_disposition, "rejected"),
	    "not adopted");
}

static void
test_cfg_defaults(void **state)
{
	struct cfg cfg;

	(void)state;
	cfg_defaults(&cfg);
	assert_int_equal(cfg.impact_threshold, 2);
	assert_string_equal(cfg.late_phase, "options");
	assert_int_equal(cfg.feedback_days, 42);
	assert_true(cfg.underrepresentation_ratio == 0.8);
	assert_true(cfg.delegation_max_ratio == 1.5);
	assert_int_equal(cfg.min_group_size, 5);
	cfg_free(&cfg);
}

static void
test_db_new_file(void **state)
{
	struct fixture *f = *state;
	struct stat sb;

	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_true(db_created(f->db));
	assert_int_equal(fixture_int(f, "PRAGMA foreign_keys"), 1);
	assert_string_equal(fixture_text(f, "PRAGMA journal_mode"), "wal");
}

static void
test_db_transactions_nest(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(db_begin(f->db), ST_OK);
	fixture_sql(f, "INSERT INTO dimension (name) VALUES ('outer')");
	assert_int_equal(db_begin(f->db), ST_OK);
	fixture_sql(f, "INSERT INTO dimension (name) VALUES ('inner')");
	db_rollback(f->db);
	assert_true(db_in_transaction(f->db));
	assert_int_equal(db_commit(f->db), ST_OK);
	assert_false(db_in_transaction(f->db));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM dimension"), 1);
	assert_string_equal(fixture_text(f, "SELECT name FROM dimension"), "outer");
}

static void
test_db_stmt_cache(void **state)
{
	static const char sql[] = "SELECT count(*) FROM form";
	struct fixture *f = *state;
	sqlite3_stmt *a = db_stmt(f->db, sql), *b;

	assert_non_null(a);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	b = db_stmt(f->db, sql);
	assert_ptr_equal(a, b);
	assert_false(sqlite3_stmt_busy(b));	/* handed back reset */
	assert_null(db_stmt(f->db, "SELECT nonsense FROM nowhere"));
	assert_int_not_equal(err_status(), ST_OK);
}

static void
test_trajectory(void **state)
{
	struct fixture *f = *state;
	struct trajectory t = { 0 }, u, stale;

	strcpy(t.code, "AMS-2023");
	t.title = strdup("Arbeidsmarkt");
	assert_int_equal(trajectory_add(f->db, &t), ST_OK);
	assert_string_equal(t.phase, "orientation");
	assert_int_equal(trajectory_add(f->db, &t), ST_INPUT);
	trajectory_free(&t);

	assert_int_equal(trajectory_get(f->db, "AMS-2023", &u), ST_OK);
	assert_int_equal(trajectory_get(f->db, "AMS-2023", &stale), ST_OK);
	strcpy(u.phase, "options");
	assert_int_equal(trajectory_update(f->db, &u), ST_OK);
	/* A second editor with the old version is told, not overwritten. */
	strcpy(stale.status, "closed");
	assert_int_equal(trajectory_update(f->db, &stale), ST_CONFLICT);
	trajectory_free(&stale);
	trajectory_free(&u);
	assert_int_equal(trajectory_get(f->db, "AMS-2023", &u), ST_OK);
	assert_string_equal(u.phase, "options");
	assert_string_equal(u.status, "active");
	trajectory_free(&u);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE"
	    " trajectory = 'AMS-2023'"), 2);
}

static void
test_trajectory_delete_cascades(void **state)
{
	struct fixture *f = *state;
	struct trajectory t = { 0 };

	strcpy(t.code, "X");
	t.title = strdup("x");
	assert_int_equal(trajectory_add(f->db, &t), ST_OK);
	fixture_sql(f,
	    "INSERT INTO stakeholder (name, name_key) VALUES ('FNV', 'fnv');"
	    "INSERT INTO involvement (trajectory_id, stakeholder_id) VALUES (1, 1);"
	    "INSERT INTO session (trajectory_id, ref, form_id, phase_id, status)"
	    " VALUES (1, 'S1', 1, 1, 'held');"
	    "INSERT INTO attendance (session_id, stakeholder_id) VALUES (1, 1);"
	    "INSERT INTO input (trajectory_id, session_id, summary) VALUES (1, 1, 'i');");
	assert_int_equal(trajectory_delete(f->db, "X"), ST_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM session"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM input"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM attendance"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM stakeholder"), 1);
	assert_int_equal(trajectory_delete(f->db, "X"), ST_INPUT);
	trajectory_free(&t);
}

/* first_heard follows held sessions the stakeholder spoke in. */
static void
test_heard_trigger(void **state)
{
	struct fixture *f = *state;
	static const char heard[] =
	    "SELECT ifnull((SELECT code FROM phase WHERE id = first_heard), '-')"
	    " FROM involvement";

	fixture_sql(f,
	    "INSERT INTO trajectory (code, title, phase_id) VALUES ('T', 't', 1);"
	    "INSERT INTO stakeholder (name, name_key) VALUES ('FNV', 'fnv');"
	    "INSERT INTO involvement (trajectory_id, stakeholder_id) VALUES (1, 1);"
	    "INSERT INTO session (trajectory_id, ref, form_id, phase_id, status)"
	    " VALUES (1, 'late', 1, (SELECT id FROM phase WHERE code = 'options'), 'held'),"
	    "        (1, 'early', 1, (SELECT id FROM phase WHERE code = 'diagnosis'), 'planned');");
	assert_string_equal(fixture_text(f, heard), "-");
	fixture_sql(f, "INSERT INTO attendance (session_id, stakeholder_id, role)"
	    " VALUES (1, 1, 'listener')");
	assert_string_equal(fixture_text(f, heard), "-");
	fixture_sql(f, "UPDATE attendance SET role = 'speaker'");
	assert_string_equal(fixture_text(f, heard), "options");
	fixture_sql(f, "INSERT INTO attendance (session_id, stakeholder_id)"
	    " VALUES (2, 1)");
	assert_string_equal(fixture_text(f, heard), "options");
	fixture_sql(f, "UPDATE session SET status = 'held' WHERE ref = 'early'");
	assert_string_equal(fixture_text(f, heard), "diagnosis");
	fixture_sql(f, "DELETE FROM session WHERE ref = 'early'");
	assert_string_equal(fixture_text(f, heard), "options");
	fixture_sql(f, "UPDATE session SET status = 'cancelled'");
	assert_string_equal(fixture_text(f, heard), "-");
}

static int
always(void *arg)
{
	(*(int *)arg)++;
	return 1;
}

/* A long read stops when the interface has a key waiting, and only
 * then; the statements that follow run. */
static void
test_db_interrupt(void **state)
{
	struct fixture *f = *state;
	static const char sql[] = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < 200000) SELECT count(*) FROM n";
	sqlite3_int64 n = 0;
	int calls = 0;

	db_interrupt_when(f->db, always, &calls);
	assert_int_equal(db_query_int(f->db, sql, &n, ""), ST_FAIL);
	assert_true(db_interrupted(f->db));
	assert_int_equal(calls, 1);
	assert_int_equal(db_exec(f->db, "SELECT 1"), ST_OK);
	db_interrupt_when(f->db, NULL, NULL);
	assert_false(db_interrupted(f->db));
	assert_int_equal(db_query_int(f->db, sql, &n, ""), ST_OK);
	assert_int_equal(n, 200000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_vocab),
		cmocka_unit_test(test_cfg_defaults),
		cmocka_unit_test_setup_teardown(test_db_new_file, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_db_transactions_nest, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_db_stmt_cache, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_trajectory, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_trajectory_delete_cascades, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_heard_trigger, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_db_interrupt, fixture_setup, fixture_teardown),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
