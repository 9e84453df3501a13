/* anonymise.c: pseudonyms for an anonymised export (see anonymise.h).
 * The needles are searched in each text one after the other, so the
 * cost grows with the people of the trajectory times its text: fine for
 * the hundreds of people a trajectory names. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anonymise.h"
#include "db.h"
#include "erase.h"
#include "error.h"
#include "i18n.h"
#include "utf8.h"

#define MIN_CONTACT_PART 4	/* as erase.c: shorter parts are not searched */

struct person {
	char *name;
	char *key;		/* utf8_key of the name */
	char pseudonym[32];
};

struct needle {
	char *text;
	const char *with;	/* a pseudonym, or "[contact]" */
};

struct anon {
	struct person *people;
	size_t n_people, cap_people;
	struct needle *needles;
	size_t n_needles, cap_needles;
};

static const char contact_mark[] = "[contact]";

/* Persons involved in the trajectory or attending its sessions, with
 * their contacts; then the other stakeholders' contacts (no name). */
static const char sql_people[] =
    "SELECT s.id, s.name, s.contact, s.kind = 'person' FROM stakeholder s"
    " WHERE s.id IN (SELECT stakeholder_id FROM involvement"
    "   WHERE trajectory_id = ?1)"
    " OR s.id IN (SELECT a.stakeholder_id FROM attendance a"
    "   JOIN session se ON se.id = a.session_id WHERE se.trajectory_id = ?1)"
    " ORDER BY s.id";

static const char sql_members[] =
    "SELECT id, name FROM member WHERE trajectory_id = ?1 ORDER BY id";

static int
oom(void)
{
	return err_set(ST_FAIL, "%s", _("out of memory"));
}

static int
add_needle(struct anon *a, const char *text, size_t len, const char *with)
{
	struct needle *v;

	if (len == 0)
		return ST_OK;
	if (a->n_needles == a->cap_needles) {
		size_t cap = a->cap_needles > 0 ? 2 * a->cap_needles : 32;

		if ((v = realloc(a->needles, cap * sizeof *v)) == NULL)
			return oom();
		a->needles = v;
		a->cap_needles = cap;
	}
	if ((a->needles[a->n_needles].text = strndup(text, len)) == NULL)
		return oom();
	a->needles[a->n_needles++].with = with;
	return ST_OK;
}

/* The name as people write it in running text: without the titles
 * before it (words ending in a full stop: "Prof.", "dr.") and without a
 * trailing remark in brackets ("(fictief)"). */
static void
bare_name(const char *name, const char **start, size_t *len)
{
	const char *s = name, *end, *sp, *open;

	while ((sp = strchr(s, ' ')) != NULL && sp > s && sp[-1] == '.')
		s = sp + 1;
	end = s + strlen(s);
	if (end > s && end[-1] == ')' && (open = strrchr(s, '(')) != NULL) {
		end = open;
		while (end > s && end[-1] == ' ')
			end--;
	}
	*start = s;
	*len = (size_t)(end - s);
}

/* A person: its name, key and pseudonym. Needles point at the
 * pseudonyms in A->people, which moves as it grows, so they are made
 * only once every person is in (name_needles). */
static int
add_person(struct anon *a, const char *name, const char *prefix,
    sqlite3_int64 id)
{
	struct person *v;

	if (a->n_people == a->cap_people) {
		size_t cap = a->cap_people > 0 ? 2 * a->cap_people : 32;

		if ((v = realloc(a->people, cap * sizeof *v)) == NULL)
			return oom();
		a->people = v;
		a->cap_people = cap;
	}
	v = &a->people[a->n_people];
	if ((v->name = strdup(name)) == NULL)
		return oom();
	if ((v->key = utf8_key(name)) == NULL) {
		free(v->name);
		return oom();
	}
	snprintf(v->pseudonym, sizeof v->pseudonym, "%s %lld", prefix,
	    (long long)id);
	a->n_people++;
	return ST_OK;
}

static int
add_contact(struct anon *a, const char *contact)
{
	const char *p = contact, *end;
	size_t len;
	int rc;

	while (*p != '\0') {
		end = p + strcspn(p, ",;\n");
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		len = (size_t)(end - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
		    p[len - 1] == '\r'))
			len--;
		if (utf8_chars(p, len) >= MIN_CONTACT_PART &&
		    (rc = add_needle(a, p, len, contact_mark)) != ST_OK)
			return rc;
		p = *end != '\0' ? end + 1 : end;
	}
	return ST_OK;
}

static int
by_key(const void *x, const void *y)
{
	return strcmp(((const struct person *)x)->key,
	    ((const struct person *)y)->key);
}

/* Longer needles first, so that "Hanneke Verbeek (fictief)" is replaced
 * whole before "Hanneke Verbeek" could leave "(fictief)" behind. */
static int
by_length(const void *x, const void *y)
{
	size_t a = strlen(((const struct needle *)x)->text);
	size_t b = strlen(((const struct needle *)y)->text);

	return a < b ? 1 : a > b ? -1 : 0;
}

static int
collect(struct anon *a, struct db *db, sqlite3_int64 traj)
{
	sqlite3_stmt *st;
	const char *name;
	int rc = ST_OK, step;

	if ((st = db_stmt(db, sql_people)) == NULL ||
	    (rc = db_bind(db, st, "I", traj)) != ST_OK)
		return st == NULL ? err_status() : rc;
	while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 1);
		if (sqlite3_column_int(st, 3) && name != NULL)
			rc = add_person(a, name, "Person",
			    sqlite3_column_int64(st, 0));
		if (rc == ST_OK && sqlite3_column_text(st, 2) != NULL)
			rc = add_contact(a, (const char *)sqlite3_column_text(st, 2));
	}
	if (rc == ST_OK && step != SQLITE_DONE)
		rc = db_fail(db, step);
	sqlite3_reset(st);
	if (rc != ST_OK)
		return rc;
	if (a->n_people > 0)
		qsort(a->people, a->n_people, sizeof *a->people, by_key);
	if ((st = db_stmt(db, sql_members)) == NULL ||
	    (rc = db_bind(db, st, "I", traj)) != ST_OK)
		return st == NULL ? err_status() : rc;
	while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 1);
		/* A member who is also a person of the register keeps the
		 * person's pseudonym. */
		if (name == NULL || anon_name(a, name) != NULL)
			continue;
		if ((rc = add_person(a, name, "Member",
		    sqlite3_column_int64(st, 0))) == ST_OK)
			qsort(a->people, a->n_people, sizeof *a->people, by_key);
	}
	if (rc == ST_OK && step != SQLITE_DONE)
		rc = db_fail(db, step);
	sqlite3_reset(st);
	return rc;
}

/* The names as needles, once every person is in place: in full, and
 * as written in running text. */
static int
name_needles(struct anon *a)
{
	const struct person *p;
	const char *bare;
	size_t i, len;
	int rc = ST_OK;

	for (i = 0; i < a->n_people && rc == ST_OK; i++) {
		p = &a->people[i];
		bare_name(p->name, &bare, &len);
		if ((rc = add_needle(a, p->name, strlen(p->name),
		    p->pseudonym)) == ST_OK && len != strlen(p->name))
			rc = add_needle(a, bare, len, p->pseudonym);
	}
	return rc;
}

int
anon_open(struct db *db, sqlite3_int64 traj, struct anon **out)
{
	struct anon *a = calloc(1, sizeof *a);
	int rc;

	*out = NULL;
	if (a == NULL)
		return oom();
	if ((rc = collect(a, db, traj)) != ST_OK ||
	    (rc = name_needles(a)) != ST_OK) {
		anon_free(a);
		return rc;
	}
	if (a->n_needles > 0)
		qsort(a->needles, a->n_needles, sizeof *a->needles, by_length);
	*out = a;
	return ST_OK;
}

void
anon_free(struct anon *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n_people; i++) {
		free(a->people[i].name);
		free(a->people[i].key);
	}
	for (i = 0; i < a->n_needles; i++)
		free(a->needles[i].text);
	free(a->people);
	free(a->needles);
	free(a);
}

const char *
anon_name(const struct anon *a, const char *name)
{
	struct person key, *p;

	if (a->n_people == 0 || (key.key = utf8_key(name)) == NULL)
		return NULL;
	p = bsearch(&key, a->people, a->n_people, sizeof *a->people, by_key);
	free(key.key);
	return p != NULL ? p->pseudonym : NULL;
}

char *
anon_text(const struct anon *a, const char *text)
{
	char *s, *next;
	size_t i;

	if (text == NULL)
		return NULL;
	if ((s = strdup(text)) == NULL) {
		oom();
		return NULL;
	}
	for (i = 0; i < a->n_needles; i++) {
		if ((next = erase_replace(s, a->needles[i].text,
		    a->needles[i].with)) == NULL) {
			free(s);
			oom();
			return NULL;
		}
		free(s);
		s = next;
	}
	return s;
}
