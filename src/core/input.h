/* input.h: the input (inbreng) that came out of sessions, and what was
 * done with it: its disposition, the reason, and when it was reported
 * back to the participants. */
#ifndef MEERSTEM_INPUT_H
#define MEERSTEM_INPUT_H

#include <sqlite3.h>

#include "stakeholder.h"	/* enum merge_outcome */

struct db;

struct input {
	sqlite3_int64 id, trajectory_id;
	sqlite3_int64 session_id;	/* a session of the same trajectory */
	char *session_ref;		/* filled when read */
	char *summary;			/* unique in the trajectory */
	char disposition[16];		/* vocab_disposition; "" means open */
	char *reason;			/* required when rejected */
	char reported_date[11];		/* YYYY-MM-DD or "" */
	int version;
};

/* Which fields a merge sets (session and summary always are). */
enum {
	INP_DISPOSITION = 1 << 0,
	INP_REASON = 1 << 1,
	INP_REPORTED_DATE = 1 << 2
};

/* Fill in defaults, trim the text and check every field: ST_INPUT
 * naming the field. */
int input_check(struct db *db, struct input *in);
int input_add(struct db *db, struct input *in);
int input_get(struct db *db, sqlite3_int64 id, struct input *in);
/* By summary (exact, after trimming). */
int input_find(struct db *db, sqlite3_int64 trajectory_id,
    const char *summary, struct input *in);
/* ST_CONFLICT if it changed since it was read. Changing session_id
 * moves the input to another session. */
int input_update(struct db *db, struct input *in);
int input_delete(struct db *db, sqlite3_int64 id);
void input_free(struct input *in);

/* Import: add IN, or set the session and the fields in MASK of the
 * input with its summary. Not logged. */
int input_merge(struct db *db, struct input *in, unsigned mask,
    enum merge_outcome *out);

/* The inputs of a trajectory, or of one session when SESSION_ID is not
 * 0, in the order they were entered; IN is valid during the call only. */
typedef int (*input_fn)(const struct input *in, void *arg);
int input_each(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, input_fn fn, void *arg);

#endif
