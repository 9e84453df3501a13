/* member.h: the members of a trajectory's commission, by delegation. */
#ifndef MEERSTEM_MEMBER_H
#define MEERSTEM_MEMBER_H

#include <sqlite3.h>

#include "stakeholder.h"	/* enum merge_outcome */

struct db;

struct member {
	sqlite3_int64 id, trajectory_id;
	char *name;		/* unique in the commission, ignoring case */
	char delegation[16];	/* vocab_delegation (required) */
	int version;
};

/* Trim the name and check the fields: ST_INPUT naming the field. */
int member_check(struct member *m);
/* Add M to its trajectory's commission; refused if the name is taken. */
int member_add(struct db *db, struct member *m);
int member_get(struct db *db, sqlite3_int64 id, struct member *m);
/* By name, ignoring case and surrounding blanks. */
int member_find(struct db *db, sqlite3_int64 trajectory_id, const char *name,
    struct member *m);
/* ST_CONFLICT if it changed since it was read. */
int member_update(struct db *db, struct member *m);
int member_delete(struct db *db, sqlite3_int64 id);
void member_free(struct member *m);

/* Import: add M, or set the delegation of the member with its name. */
int member_merge(struct db *db, struct member *m, enum merge_outcome *out);

/* The members of a trajectory in the order they were entered; M is
 * valid during the call only. */
typedef int (*member_fn)(const struct member *m, void *arg);
int member_each(struct db *db, sqlite3_int64 trajectory_id, member_fn fn,
    void *arg);

#endif
