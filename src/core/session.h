/* session.h: participation sessions of a trajectory (planned, held or
 * cancelled) and who attended them. */
#ifndef MEERSTEM_SESSION_H
#define MEERSTEM_SESSION_H

#include <sqlite3.h>

#include "stakeholder.h"	/* enum merge_outcome */

struct db;

/* Text fields are the caller's allocations when adding or updating,
 * and freed by session_free after a read. */
struct session {
	sqlite3_int64 id, trajectory_id;
	char *ref;			/* unique in its trajectory: "S03" */
	char form[33], phase[33];	/* catalogue codes */
	char *title, *location, *findings;
	char date[11], feedback_date[11];	/* YYYY-MM-DD or "" */
	int participants;		/* number of people; -1 if unknown */
	char status[16];		/* vocab_session_status; "" means planned */
	int version;
};

struct attendance {
	sqlite3_int64 session_id, stakeholder_id;
	char role[16];		/* vocab_role; "" means participant */
	int people;		/* at least 1; 0 means the default, 1 */
	/* Filled by session_attendance_each, valid during the call only. */
	const char *session_ref, *stakeholder;
};

/* Which fields a merge sets (ref, form and phase always are). */
enum {
	SES_TITLE = 1 << 0,
	SES_DATE = 1 << 1,
	SES_LOCATION = 1 << 2,
	SES_PARTICIPANTS = 1 << 3,
	SES_STATUS = 1 << 4,
	SES_FINDINGS = 1 << 5,
	SES_FEEDBACK_DATE = 1 << 6,
	ATT_ROLE = 1 << 8,
	ATT_PEOPLE = 1 << 9
};

/* Fill in defaults, trim the text and check every field, the form and
 * phase against the catalogue: ST_INPUT with the message and err_field()
 * naming the field. */
int session_check(struct db *db, struct session *s);

/* Add S to its trajectory (S->id and version are set); refused when
 * the ref is taken. */
int session_add(struct db *db, struct session *s);
int session_get(struct db *db, sqlite3_int64 id, struct session *s);
/* By ref; ST_INPUT "no session 'S9' in AMS-2023" when there is none. */
int session_find(struct db *db, sqlite3_int64 trajectory_id, const char *ref,
    struct session *s);
/* ST_CONFLICT if it changed since it was read. */
int session_update(struct db *db, struct session *s);
/* Delete a session with its attendance and participant profiles;
 * refused while inputs came from it. */
int session_delete(struct db *db, sqlite3_int64 id);
void session_free(struct session *s);

/* Import: add S, or set the fields in MASK of the session with its ref.
 * Not logged: the import logs itself. */
int session_merge(struct db *db, struct session *s, unsigned mask,
    enum merge_outcome *out);

/* Every session of a trajectory, in the order they were entered (the
 * order of export) or BY_DATE (undated last). FN's return as in
 * stakeholder_each; S is valid during the call only. */
typedef int (*session_fn)(const struct session *s, void *arg);
int session_each(struct db *db, sqlite3_int64 trajectory_id, int by_date,
    session_fn fn, void *arg);

/* Record that a stakeholder attended, or change the role and people of
 * an attendance. A stakeholder not yet involved in the session's
 * trajectory becomes involved with the defaults. */
int session_attend(struct db *db, struct attendance *a);
int session_attendance_remove(struct db *db, sqlite3_int64 session_id,
    sqlite3_int64 stakeholder_id);
/* Import: as session_attend for the fields in MASK, not logged. */
int session_attendance_merge(struct db *db, struct attendance *a,
    unsigned mask, enum merge_outcome *out);

/* The attendance of one session, or of every session of the trajectory
 * when SESSION_ID is 0, by session in entry order, then by stakeholder
 * in register order. */
typedef int (*attendance_fn)(const struct attendance *a, void *arg);
int session_attendance_each(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, attendance_fn fn, void *arg);

#endif
