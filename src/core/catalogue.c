/* catalogue.c: reading, checking and storing the catalogue. Sections
 * are "[phase CODE]" and "[form CODE]"; phases come first, in order,
 * and forms follow by rising level of involvement. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "changelog.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "inifile.h"
#include "vocab.h"

struct parse {
	struct catalogue *cat;
	char section[80];
	int kind;		/* 'p', 'f' or 0 */
	char last_key[32];
};

static int
valid_code(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= CAT_CODE_MAX && s[0] >= 'a' && s[0] <= 'z' &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static void *
grow(void *base, size_t n, size_t size)
{
	void *p = realloc(base, (n + 1) * size);

	if (p != NULL)
		memset((char *)p + n * size, 0, size);
	else
		err_set(ST_FAIL, "%s", _("out of memory"));
	return p;
}

/* A new "[phase x]" or "[form x]" section starts. */
static int
start_section(struct parse *ps, const char *section, int line)
{
	const char *code;
	void *p;

	snprintf(ps->section, sizeof ps->section, "%s", section);
	ps->last_key[0] = '\0';
	if (strncmp(section, "phase ", 6) == 0)
		ps->kind = 'p';
	else if (strncmp(section, "form ", 5) == 0)
		ps->kind = 'f';
	else
		return err_set(ST_INPUT, _("unknown section [%s]: expected "
		    "[phase CODE] or [form CODE]"), section);
	code = strchr(section, ' ') + 1;
	if (!valid_code(code))
		return err_set(ST_INPUT, _("bad code '%s': use a-z, 0-9 and _, "
		    "starting with a letter"), code);
	if (ps->kind == 'p') {
		if (ps->cat->n_forms > 0)
			return err_set(ST_INPUT, "%s", _("phases must come before "
			    "the forms"));
		if (catalogue_phase_index(ps->cat, code) >= 0)
			return err_set(ST_INPUT, _("phase '%s' appears twice"), code);
		if (ps->cat->n_phases == 32)
			return err_set(ST_INPUT, "%s", _("more than 32 phases"));
		if ((p = grow(ps->cat->phases, ps->cat->n_phases,
		    sizeof *ps->cat->phases)) == NULL)
			return ST_FAIL;
		ps->cat->phases = p;
		strcpy(ps->cat->phases[ps->cat->n_phases++].code, code);
	} else {
		if (catalogue_form_index(ps->cat, code) >= 0)
			return err_set(ST_INPUT, _("form '%s' appears twice"), code);
		if ((p = grow(ps->cat->forms, ps->cat->n_forms,
		    sizeof *ps->cat->forms)) == NULL)
			return ST_FAIL;
		ps->cat->forms = p;
		strcpy(ps->cat->forms[ps->cat->n_forms].code, code);
		ps->cat->forms[ps->cat->n_forms++].line = line;
	}
	return ST_OK;
}

/* Set or, for a continuation line, extend a text field. */
static int
set_text(char **field, const char *value, int continued)
{
	char *s;
	size_t old;

	if (!continued || *field == NULL) {
		free(*field);
		*field = strdup(value);
		return *field != NULL ? ST_OK :
		    err_set(ST_FAIL, "%s", _("out of memory"));
	}
	old = strlen(*field);
	if ((s = realloc(*field, old + strlen(value) + 2)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	s[old] = '\n';
	strcpy(s + old + 1, value);
	*field = s;
	return ST_OK;
}

static int
set_code(char *field, size_t size, const struct vocab *v, const char *value)
{
	int rc = vocab_check(v, value);

	if (rc == ST_OK)
		snprintf(field, size, "%s", value);
	return rc;
}

/* "a, b, c" → bits of the codes' positions in a vocabulary or the
 * catalogue's phases. */
static int
set_list(unsigned *bits, const char *value, const struct vocab *v,
    const struct catalogue *cat)
{
	char *copy = strdup(value), *tok, *save = NULL;
	int i, rc = ST_OK;

	if (copy == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	*bits = 0;
	for (tok = strtok_r(copy, ", \t", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t", &save)) {
		if (v != NULL) {
			if ((rc = vocab_check(v, tok)) != ST_OK)
				break;
			i = vocab_index(v, tok);
		} else if ((i = catalogue_phase_index(cat, tok)) < 0) {
			rc = err_set(ST_INPUT, _("unknown phase '%s' (phases are "
			    "declared before the forms)"), tok);
			break;
		}
		*bits |= 1u << i;
	}
	free(copy);
	return rc;
}

static int
phase_key(struct cat_phase *p, const char *key, const char *value, int cont)
{
	if (strcmp(key, "name_nl") == 0)
		return set_text(&p->name_nl, value, cont);
	if (strcmp(key, "name_en") == 0)
		return set_text(&p->name_en, value, cont);
	if (strcmp(key, "description") == 0)
		return set_text(&p->description, value, cont);
	return err_set(ST_INPUT, _("unknown key '%s' in a phase"), key);
}

static int
form_key(struct cat_form *f, const struct catalogue *cat, const char *key,
    const char *value, int cont)
{
	static const struct { const char *key; size_t off, size;
	    const struct vocab *v; } codes[] = {
		{ "level", offsetof(struct cat_form, level), 16, &vocab_level },
		{ "representative", offsetof(struct cat_form, representative),
		    8, &vocab_representative },
		{ "commitment", offsetof(struct cat_form, commitment), 8, &vocab_degree },
		{ "effort", offsetof(struct cat_form, effort), 8, &vocab_degree },
		{ "cost", offsetof(struct cat_form, cost), 8, &vocab_degree },
	};
	size_t i;
	int rc;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(key, codes[i].key) == 0)
			return set_code((char *)f + codes[i].off, codes[i].size,
			    codes[i].v, value);
	if (strcmp(key, "name_nl") == 0)
		return set_text(&f->name_nl, value, cont);
	if (strcmp(key, "name_en") == 0)
		return set_text(&f->name_en, value, cont);
	if (strcmp(key, "purpose") == 0)
		return set_text(&f->purpose, value, cont);
	if (strcmp(key, "pros") == 0)
		return set_text(&f->pros, value, cont);
	if (strcmp(key, "cons") == 0)
		return set_text(&f->cons, value, cont);
	if (strcmp(key, "phases") == 0)
		return set_list(&f->phases, value, NULL, cat);
	if (strcmp(key, "reaches_well") == 0) {
		if ((rc = set_list(&f->reach_good, value, &vocab_voice, cat)) != ST_OK)
			return rc;
	} else if (strcmp(key, "reaches_badly") == 0) {
		if ((rc = set_list(&f->reach_bad, value, &vocab_voice, cat)) != ST_OK)
			return rc;
	} else
		return err_set(ST_INPUT, _("unknown key '%s' in a form"), key);
	if (f->reach_good & f->reach_bad)
		return err_set(ST_INPUT, "%s", _("a voice is reached both well "
		    "and badly"));
	return ST_OK;
}

static int
handle(void *arg, const char *section, const char *key, const char *value,
    int line, int continued)
{
	struct parse *ps = arg;
	int rc;

	if (*section == '\0')
		return err_set(ST_INPUT, _("'%s' comes before the first [phase "
		    "CODE] or [form CODE] section"), key);
	if (strcmp(section, ps->section) != 0 &&
	    (rc = start_section(ps, section, line)) != ST_OK)
		return rc;
	if (continued && strcmp(key, ps->last_key) != 0)
		continued = 0;
	snprintf(ps->last_key, sizeof ps->last_key, "%s", key);
	if (ps->kind == 'p')
		return phase_key(&ps->cat->phases[ps->cat->n_phases - 1], key,
		    value, continued);
	return form_key(&ps->cat->forms[ps->cat->n_forms - 1], ps->cat, key,
	    value, continued);
}

/* Every field a form or phase needs, once the whole file is read. */
static int
check_complete(const struct catalogue *cat, const char *path)
{
	size_t i;
	const char *missing;

	if (cat->n_phases == 0 || cat->n_forms == 0)
		return err_set(ST_INPUT, _("%s: no phases or no forms"), path);
	for (i = 0; i < cat->n_phases; i++) {
		const struct cat_phase *p = &cat->phases[i];

		if (p->name_nl == NULL || p->name_en == NULL)
			return err_set(ST_INPUT, _("%s: phase '%s' lacks "
			    "name_nl or name_en"), path, p->code);
	}
	for (i = 0; i < cat->n_forms; i++) {
		const struct cat_form *f = &cat->forms[i];

		missing = f->name_nl == NULL ? "name_nl" :
		    f->name_en == NULL ? "name_en" :
		    f->level[0] == '\0' ? "level" :
		    f->representative[0] == '\0' ? "representative" :
		    f->commitment[0] == '\0' ? "commitment" :
		    f->effort[0] == '\0' ? "effort" :
		    f->cost[0] == '\0' ? "cost" :
		    f->phases == 0 ? "phases" : NULL;
		if (missing != NULL)
			return err_set(ST_INPUT, _("%s:%d: form '%s' lacks '%s'"),
			    path, f->line, f->code, missing);
	}
	return ST_OK;
}

int
catalogue_read_file(struct catalogue *cat, const char *path)
{
	struct parse ps;
	int rc;

	memset(cat, 0, sizeof *cat);
	memset(&ps, 0, sizeof ps);
	ps.cat = cat;
	if ((rc = inifile_parse(path, handle, &ps)) == ST_OK)
		rc = check_complete(cat, path);
	if (rc != ST_OK)
		catalogue_free(cat);
	return rc;
}

void
catalogue_free(struct catalogue *cat)
{
	size_t i;

	for (i = 0; i < cat->n_phases; i++) {
		free(cat->phases[i].name_nl);
		free(cat->phases[i].name_en);
		free(cat->phases[i].description);
	}
	for (i = 0; i < cat->n_forms; i++) {
		free(cat->forms[i].name_nl);
		free(cat->forms[i].name_en);
		free(cat->forms[i].purpose);
		free(cat->forms[i].pros);
		free(cat->forms[i].cons);
	}
	free(cat->phases);
	free(cat->forms);
	memset(cat, 0, sizeof *cat);
}

const char *
catalogue_phase_name(const struct cat_phase *p)
{
	return i18n_dutch() ? p->name_nl : p->name_en;
}

const char *
catalogue_form_name(const struct cat_form *f)
{
	return i18n_dutch() ? f->name_nl : f->name_en;
}

int
catalogue_phase_index(const struct catalogue *cat, const char *code)
{
	size_t i;

	for (i = 0; i < cat->n_phases; i++)
		if (strcmp(cat->phases[i].code, code) == 0)
			return (int)i;
	return -1;
}

int
catalogue_form_index(const struct catalogue *cat, const char *code)
{
	size_t i;

	for (i = 0; i < cat->n_forms; i++)
		if (strcmp(cat->forms[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* ---- database ----------------------------------------------------- */

static const char sql_phases[] =
    "SELECT code, name_nl, name_en, description FROM phase ORDER BY position, id";
static const char sql_forms[] =
    "SELECT id, code, name_nl, name_en, level, representative, commitment,"
    " effort, cost, purpose, pros, cons FROM form ORDER BY position, id";
static const char sql_form_reach[] =
    "SELECT voice, reach FROM form_reach WHERE form_id = ?";
static const char sql_form_phases[] =
    "SELECT p.code FROM form_phase fp JOIN phase p ON p.id = fp.phase_id"
    " WHERE fp.form_id = ?";

static void
copy_col(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", t != NULL ? (const char *)t : "");
}

static int
read_phases(struct catalogue *cat, struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_phases);
	struct cat_phase *p;
	int rc;

	if (st == NULL)
		return err_status();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((p = grow(cat->phases, cat->n_phases, sizeof *p)) == NULL)
			break;
		cat->phases = p;
		p += cat->n_phases++;
		copy_col(p->code, sizeof p->code, st, 0);
		if ((p->name_nl = db_column_dup(st, 1)) == NULL ||
		    (p->name_en = db_column_dup(st, 2)) == NULL ||
		    (p->description = db_column_dup(st, 3)) == NULL)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_FAIL;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

static int
read_form_details(struct cat_form *f, struct catalogue *cat, struct db *db,
    sqlite3_int64 id)
{
	sqlite3_stmt *st;
	int rc, i;

	if ((st = db_stmt(db, sql_form_reach)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		i = vocab_index(&vocab_voice, (const char *)sqlite3_column_text(st, 0));
		if (i < 0)
			continue;
		if (strcmp((const char *)sqlite3_column_text(st, 1), "good") == 0)
			f->reach_good |= 1u << i;
		else
			f->reach_bad |= 1u << i;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc);
	if ((st = db_stmt(db, sql_form_phases)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((i = catalogue_phase_index(cat,
		    (const char *)sqlite3_column_text(st, 0))) >= 0 && i < 32)
			f->phases |= 1u << i;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

static int
read_forms(struct catalogue *cat, struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_forms);
	sqlite3_int64 *ids = NULL, *more;
	struct cat_form *f;
	size_t i;
	int rc;

	if (st == NULL)
		return err_status();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((f = grow(cat->forms, cat->n_forms, sizeof *f)) == NULL)
			break;
		cat->forms = f;
		if ((more = realloc(ids, (cat->n_forms + 1) * sizeof *ids)) == NULL) {
			err_set(ST_FAIL, "%s", _("out of memory"));
			break;
		}
		ids = more;
		ids[cat->n_forms] = sqlite3_column_int64(st, 0);
		f += cat->n_forms++;
		copy_col(f->code, sizeof f->code, st, 1);
		copy_col(f->level, sizeof f->level, st, 4);
		copy_col(f->representative, sizeof f->representative, st, 5);
		copy_col(f->commitment, sizeof f->commitment, st, 6);
		copy_col(f->effort, sizeof f->effort, st, 7);
		copy_col(f->cost, sizeof f->cost, st, 8);
		if ((f->name_nl = db_column_dup(st, 2)) == NULL ||
		    (f->name_en = db_column_dup(st, 3)) == NULL ||
		    (f->purpose = db_column_dup(st, 9)) == NULL ||
		    (f->pros = db_column_dup(st, 10)) == NULL ||
		    (f->cons = db_column_dup(st, 11)) == NULL)
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		return rc == SQLITE_ROW ? ST_FAIL : db_fail(db, rc);
	}
	/* Details after the loop: one statement at a time stays simple. */
	for (i = 0, rc = ST_OK; i < cat->n_forms && rc == ST_OK; i++)
		rc = read_form_details(&cat->forms[i], cat, db, ids[i]);
	free(ids);
	return rc;
}

int
catalogue_read_db(struct catalogue *cat, struct db *db)
{
	int rc;

	memset(cat, 0, sizeof *cat);
	if ((rc = read_phases(cat, db)) == ST_OK)
		rc = read_forms(cat, db);
	if (rc != ST_OK)
		catalogue_free(cat);
	return rc;
}

static const char sql_upsert_phase[] =
    "INSERT INTO phase (code, position, name_nl, name_en, description)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO UPDATE SET"
    " position = ?2, name_nl = ?3, name_en = ?4, description = ?5";
static const char sql_upsert_form[] =
    "INSERT INTO form (code, position, name_nl, name_en, level,"
    " representative, commitment, effort, cost, purpose, pros, cons)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (code) DO UPDATE SET position = ?2, name_nl = ?3,"
    " name_en = ?4, level = ?5, representative = ?6, commitment = ?7,"
    " effort = ?8, cost = ?9, purpose = ?10, pros = ?11, cons = ?12"
    " RETURNING id";
static const char sql_clear_reach[] = "DELETE FROM form_reach WHERE form_id = ?";
static const char sql_clear_phases[] = "DELETE FROM form_phase WHERE form_id = ?";
static const char sql_add_reach[] =
    "INSERT INTO form_reach (form_id, voice, reach) VALUES (?, ?, ?)";
static const char sql_add_phase[] =
    "INSERT INTO form_phase (form_id, phase_id)"
    " SELECT ?, id FROM phase WHERE code = ?";

static int
store_phase(struct db *db, const struct cat_phase *p, int position)
{
	sqlite3_stmt *st = db_stmt(db, sql_upsert_phase);

	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "tittt", p->code, position, p->name_nl,
	    p->name_en, p->description != NULL ? p->description : "")) != ST_OK)
		return rc;
	return db_step_done(db, st);
}

static int
exec_id(struct db *db, const char *sql, sqlite3_int64 id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK)
		return rc;
	return db_step_done(db, st);
}

static int
store_form_details(struct db *db, const struct catalogue *cat,
    const struct cat_form *f, sqlite3_int64 id)
{
	sqlite3_stmt *st;
	int i, rc;

	if ((rc = exec_id(db, sql_clear_reach, id)) != ST_OK ||
	    (rc = exec_id(db, sql_clear_phases, id)) != ST_OK)
		return rc;
	for (i = 0; vocab_voice.codes[i] != NULL; i++) {
		if (!((f->reach_good | f->reach_bad) & (1u << i)))
			continue;
		if ((st = db_stmt(db, sql_add_reach)) == NULL)
			return err_status();
		if ((rc = db_bind(db, st, "Itt", id, vocab_voice.codes[i],
		    (f->reach_good & (1u << i)) ? "good" : "bad")) != ST_OK ||
		    (rc = db_step_done(db, st)) != ST_OK)
			return rc;
	}
	for (i = 0; (size_t)i < cat->n_phases; i++) {
		if (!(f->phases & (1u << i)))
			continue;
		if ((st = db_stmt(db, sql_add_phase)) == NULL)
			return err_status();
		if ((rc = db_bind(db, st, "It", id, cat->phases[i].code)) != ST_OK ||
		    (rc = db_step_done(db, st)) != ST_OK)
			return rc;
	}
	return ST_OK;
}

static int
store_form(struct db *db, const struct catalogue *cat,
    const struct cat_form *f, int position)
{
	sqlite3_stmt *st = db_stmt(db, sql_upsert_form);
	const char *text[] = { f->code, NULL, f->name_nl, f->name_en, f->level,
	    f->representative, f->commitment, f->effort, f->cost, f->purpose,
	    f->pros, f->cons };
	sqlite3_int64 id;
	int i, rc;

	if (st == NULL)
		return err_status();
	for (i = 0; i < 12; i++)
		if (i != 1 && text[i] == NULL)
			text[i] = "";
	if ((rc = db_bind(db, st, "titttttttttt", text[0], position, text[2],
	    text[3], text[4], text[5], text[6], text[7], text[8], text[9],
	    text[10], text[11])) != ST_OK)
		return rc;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return db_fail(db, rc);
	}
	id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return store_form_details(db, cat, f, id);
}

int
catalogue_store(struct db *db, const struct catalogue *cat)
{
	size_t i;
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	for (i = 0; i < cat->n_phases && rc == ST_OK; i++)
		rc = store_phase(db, &cat->phases[i], (int)i + 1);
	for (i = 0; i < cat->n_forms && rc == ST_OK; i++)
		rc = store_form(db, cat, &cat->forms[i], (int)i + 1);
	if (rc == ST_OK)
		rc = changelog_add(db, NULL, "catalogue.load", "",
		    "%zu phases, %zu forms", cat->n_phases, cat->n_forms);
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}
