/* trajectory.h: advisory trajectories. */
#ifndef MEERSTEM_TRAJECTORY_H
#define MEERSTEM_TRAJECTORY_H

#include <sqlite3.h>

struct db;

struct trajectory {
	sqlite3_int64 id;
	char code[33];
	char *title, *question, *commission, *requester;
	char phase[33];			/* phase code */
	char start_date[11], due_date[11];	/* "" when not set */
	char status[16];		/* vocab_trajectory_status */
	int version;			/* for detecting concurrent edits */
};

struct trajectory_counts {
	long stakeholders, heard;
	long sessions_planned, sessions_held, sessions_cancelled;
	long inputs, inputs_open, inputs_unreported;
	long participants, members;
};

/* Check a code: 1-32 of A-Z a-z 0-9 . _ - */
int trajectory_check_code(const char *code);

/* The code of trajectory ID into CODE (33 bytes). */
int trajectory_code(struct db *db, sqlite3_int64 id, char *code);
/* The id of trajectory CODE; ST_INPUT "no trajectory 'X'" if none. */
int trajectory_id(struct db *db, const char *code, sqlite3_int64 *id);

/* Add T (id and version are set on success). The phase defaults to the
 * catalogue's first; status to active. One transaction, logged. */
int trajectory_add(struct db *db, struct trajectory *t);
/* Look up by code; ST_INPUT "no trajectory 'X'" when there is none. */
int trajectory_get(struct db *db, const char *code, struct trajectory *t);
/* Save an edited T; ST_CONFLICT if it changed since it was read. */
int trajectory_update(struct db *db, struct trajectory *t);
/* Delete a trajectory with everything recorded in it (its sessions,
 * involvements, inputs, members, benchmarks); the register stays. */
int trajectory_delete(struct db *db, const char *code);
void trajectory_free(struct trajectory *t);

int trajectory_counts(struct db *db, sqlite3_int64 id,
    struct trajectory_counts *c);

/* Call FN for every trajectory in code order; stops when FN returns
 * non-zero and returns that. */
typedef int (*trajectory_fn)(const struct trajectory *t, void *arg);
int trajectory_each(struct db *db, trajectory_fn fn, void *arg);

#endif
