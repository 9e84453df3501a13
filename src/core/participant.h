/* participant.h: anonymous participant profiles of sessions, the
 * dimensions and categories they are made of, and the population
 * benchmarks they are judged against. A profile is stored as the packed
 * ids of its categories (DESIGN.md: the fastest shape measured). */
#ifndef MEERSTEM_PARTICIPANT_H
#define MEERSTEM_PARTICIPANT_H

#include <sqlite3.h>
#include <stdint.h>

#include "stakeholder.h"	/* enum merge_outcome */

struct db;

/* A profile has at most one category per dimension. */
#define PARTICIPANT_MAX_DIMENSIONS 64
#define PARTICIPANT_MAX_NAME 64		/* bytes in a dimension's name */

/* One value of a profile, or one category of a dimension. */
struct profile_value {
	sqlite3_int64 dimension_id, category_id;
	const char *dimension, *category;
};

/* Check a dimension or category name (trimmed in place). */
int participant_check_dimension(char *name);
int participant_check_category(char *name);

/* The id of dimension NAME, or of category NAME of a dimension; created
 * when missing if CREATE, else ST_INPUT "no dimension 'x'". */
int participant_dimension_id(struct db *db, const char *name, int create,
    sqlite3_int64 *id);
int participant_category_id(struct db *db, sqlite3_int64 dimension_id,
    const char *name, int create, sqlite3_int64 *id);

/* Profiles, for the interface. Values name dimension and category
 * (ids are ignored); new names are added. Each call is one logged
 * transaction. *SEQ is the new profile's number in its session. */
int participant_add(struct db *db, sqlite3_int64 session_id,
    const struct profile_value *v, int n, long *seq);
int participant_update(struct db *db, sqlite3_int64 session_id, long seq,
    const struct profile_value *v, int n);
int participant_delete(struct db *db, sqlite3_int64 session_id, long seq);
/* Delete every profile of a session. */
int participant_clear(struct db *db, sqlite3_int64 session_id);

/* Import: without logging or checks beyond the database's own. Clear
 * the profiles of a session (*REMOVED says how many), then insert
 * profiles numbered SEQ 1, 2, ... of N category ids each. */
int participant_replace_begin(struct db *db, sqlite3_int64 session_id,
    long *removed);
int participant_insert(struct db *db, sqlite3_int64 session_id, long seq,
    const uint32_t *categories, int n);

/* The dimensions the profiles of a trajectory use, in the order the
 * dimensions were created (one pass over the profiles). */
typedef int (*dimension_fn)(sqlite3_int64 id, const char *name, void *arg);
int participant_dimensions(struct db *db, sqlite3_int64 trajectory_id,
    dimension_fn fn, void *arg);

/* Every profile of a trajectory, or of one session when SESSION_ID is
 * not 0, by session in entry order, then by number; the values are in
 * the order of their dimensions and valid during the call only. */
typedef int (*profile_fn)(const char *session_ref, long seq,
    const struct profile_value *v, int n, void *arg);
int participant_each(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, profile_fn fn, void *arg);

/* Count the profiles per category in one pass: those of SESSION_ID, or
 * of every session of the trajectory when it is 0 (with
 * REPRESENTATIVE_ONLY, only sessions of forms the catalogue marks
 * representative, yes or partly). FN gets each category met, by
 * dimension then category in order of creation, and the number of
 * profiles with a value for that dimension. */
typedef int (*tally_fn)(const struct profile_value *v, long count,
    long dimension_total, void *arg);
int participant_tally(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, int representative_only, tally_fn fn,
    void *arg);

/* Benchmarks: the population share of a category (0 to 1) that a
 * trajectory judges representativeness against. */
int participant_check_share(double share);
/* Set (add or change) or remove one share, logged. */
int participant_benchmark_set(struct db *db, sqlite3_int64 trajectory_id,
    const char *dimension, const char *category, double share);
int participant_benchmark_remove(struct db *db, sqlite3_int64 trajectory_id,
    const char *dimension, const char *category);
/* Import: set one share, not logged. */
int participant_benchmark_merge(struct db *db, sqlite3_int64 trajectory_id,
    const char *dimension, const char *category, double share,
    enum merge_outcome *out);
/* The first dimension of a trajectory's benchmark whose shares do not
 * add up to 1 within 0.01: ST_OK when there is none, else ST_INPUT
 * "dimension 'x': the shares add up to 0.95, not 1" with its id in
 * *BAD_DIMENSION. */
int participant_benchmark_check(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 *bad_dimension);
/* Every share of a trajectory, by dimension then category in order of
 * creation. */
typedef int (*benchmark_fn)(const struct profile_value *v, double share,
    void *arg);
int participant_benchmark_each(struct db *db, sqlite3_int64 trajectory_id,
    benchmark_fn fn, void *arg);

#endif
