/* stakeholder.h: the stakeholder register, shared by all trajectories,
 * and each stakeholder's involvement in a trajectory. */
#ifndef MEERSTEM_STAKEHOLDER_H
#define MEERSTEM_STAKEHOLDER_H

#include <sqlite3.h>

struct db;

/* One entry of the register. Text fields are the caller's allocations
 * when adding or updating, and freed by stakeholder_free after a read. */
struct stakeholder {
	sqlite3_int64 id;
	char *name;
	char *key;		/* matching key of the name (read only) */
	char kind[16];		/* vocab_kind; "" means group */
	char *category;		/* free text, may be "" */
	char voice[16];		/* vocab_voice; "" means unknown */
	char *contact;		/* personal data, may be "" */
	int version;		/* for detecting concurrent edits */
};

/* A stakeholder's place in one trajectory. */
struct involvement {
	sqlite3_int64 trajectory_id, stakeholder_id;
	int impact, influence;		/* 0 to 3 */
	char represented_by[16];	/* vocab_delegation; "" means none */
	char *reason;
	char first_heard[33];		/* phase code, "" if not yet heard
					 * (kept by the database; read only) */
	int version;
};

/* Which fields a merge sets; the others keep their value (or default). */
enum {
	SH_KIND = 1 << 0,
	SH_CATEGORY = 1 << 1,
	SH_VOICE = 1 << 2,
	SH_CONTACT = 1 << 3,
	INV_IMPACT = 1 << 8,
	INV_INFLUENCE = 1 << 9,
	INV_REPRESENTED_BY = 1 << 10,
	INV_REASON = 1 << 11
};

/* What a merge did. */
enum merge_outcome { MERGE_ADDED, MERGE_CHANGED, MERGE_UNCHANGED };

/* Fill in defaults, trim the text and check every field against the
 * contract: ST_INPUT with a message such as "bad voice 'x': ...". */
int stakeholder_check(struct stakeholder *s);
int stakeholder_involvement_check(struct involvement *inv);

/* Add S to the register (S->id and version are set). Refused when a
 * stakeholder with the same name, ignoring case, exists. */
int stakeholder_add(struct db *db, struct stakeholder *s);
int stakeholder_get(struct db *db, sqlite3_int64 id, struct stakeholder *s);
/* Look up by name, ignoring case and surrounding blanks; ST_INPUT
 * "no stakeholder 'X' in the register" when there is none. */
int stakeholder_find(struct db *db, const char *name, struct stakeholder *s);
/* Save an edited S; ST_CONFLICT if it changed since it was read. */
int stakeholder_update(struct db *db, struct stakeholder *s);
/* Refused while the stakeholder is involved in a trajectory or
 * attended a session. */
int stakeholder_delete(struct db *db, sqlite3_int64 id);
void stakeholder_free(struct stakeholder *s);

/* Involve a stakeholder in a trajectory; refused if it already is. */
int stakeholder_involve(struct db *db, struct involvement *inv);
int stakeholder_involvement_get(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 stakeholder_id, struct involvement *inv);
/* ST_CONFLICT if it changed since it was read. */
int stakeholder_involvement_update(struct db *db, struct involvement *inv);
/* Remove a stakeholder from a trajectory (it stays in the register);
 * refused while it attended sessions of that trajectory. */
int stakeholder_withdraw(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 stakeholder_id);
void stakeholder_involvement_free(struct involvement *inv);

/* One action on both halves, in one transaction: add S to the register
 * and involve it (INV's ids are set), or save both after an edit
 * (ST_CONFLICT if either changed since it was read). */
int stakeholder_add_involved(struct db *db, struct stakeholder *s,
    struct involvement *inv);
int stakeholder_update_involved(struct db *db, struct stakeholder *s,
    struct involvement *inv);

/* Import: find S by name in the register and set the fields in MASK,
 * adding it (with defaults for the rest) if it is new; then the same
 * for its involvement in TRAJECTORY_ID. Not logged: the import logs
 * itself. *OUT is MERGE_ADDED when the involvement is new. */
int stakeholder_merge(struct db *db, sqlite3_int64 trajectory_id,
    struct stakeholder *s, struct involvement *inv, unsigned mask,
    enum merge_outcome *out);

/* The same for a whole file: stakeholders new to the register are
 * written STAKEHOLDER_BATCH at a time (each batch with two statements),
 * the others at once. Flush before the transaction ends; a failed
 * flush leaves the transaction to be rolled back. */
#define STAKEHOLDER_BATCH 64
struct stakeholder_batch;
int stakeholder_batch_new(struct db *db, struct stakeholder_batch **out);
int stakeholder_batch_merge(struct stakeholder_batch *b,
    sqlite3_int64 trajectory_id, struct stakeholder *s,
    struct involvement *inv, unsigned mask, enum merge_outcome *out);
int stakeholder_batch_flush(struct stakeholder_batch *b);
void stakeholder_batch_free(struct stakeholder_batch *b);

/* Listing. FN gets each stakeholder, with its involvement when a
 * trajectory is given (else INV is NULL); both are valid during the
 * call only. A non-zero return stops the walk and is returned. */
typedef int (*stakeholder_fn)(const struct stakeholder *s,
    const struct involvement *inv, void *arg);

/* A page in name order, for lists that scroll through a large
 * register: the LIMIT stakeholders after the key AFTER (from the start
 * when NULL), or with BACKWARD the LIMIT before it, nearest first
 * (from the end when NULL). LIMIT 0 means all. */
struct stakeholder_page {
	sqlite3_int64 trajectory_id;	/* 0: the whole register */
	const char *after;		/* a struct stakeholder's key */
	int backward;
	int limit;
};
int stakeholder_list(struct db *db, const struct stakeholder_page *p,
    stakeholder_fn fn, void *arg);
/* The stakeholders of a trajectory in the order they entered the
 * register (the order of export). */
int stakeholder_each(struct db *db, sqlite3_int64 trajectory_id,
    stakeholder_fn fn, void *arg);
/* Number in the register (TRAJECTORY_ID 0) or involved in a trajectory. */
int stakeholder_count(struct db *db, sqlite3_int64 trajectory_id, long *n);

#endif
