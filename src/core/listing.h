/* listing.h: the lists of the interface (trajectories, a trajectory's
 * stakeholders, the register, sessions, inputs), sorted and filtered,
 * read a page at a time with keyset pagination: every page is an index
 * seek, so the last page of a million rows costs what the first does. */
#ifndef MEERSTEM_LISTING_H
#define MEERSTEM_LISTING_H

#include <sqlite3.h>

struct db;
struct vocab;

enum listing_kind {
	LISTING_TRAJECTORIES,	/* every trajectory, by code */
	LISTING_STAKEHOLDERS,	/* the stakeholders of a trajectory */
	LISTING_REGISTER,	/* the whole register, by name, marking those
				   involved in a trajectory */
	LISTING_SESSIONS,	/* a trajectory's sessions, newest first */
	LISTING_INPUTS		/* a trajectory's inputs, unanswered first */
};

/* What a cell holds, so that the front end can show a label for it. */
enum listing_type {
	LT_TEXT,
	LT_INT,
	LT_BOOL,	/* "1" or "0" */
	LT_DATE,	/* YYYY-MM-DD or "" */
	LT_VOCAB,	/* a code of the column's vocabulary */
	LT_PHASE,	/* a phase code of the catalogue, or "" */
	LT_FORM		/* a form code of the catalogue */
};

struct listing_column {
	const char *name;		/* contract name: "voice" */
	const char *label;		/* heading, to translate with _() */
	enum listing_type type;
	const struct vocab *vocab;	/* for LT_VOCAB */
	int sortable;
};

/* The stakeholder filters; the other lists take none. */
enum listing_filter {
	LF_VOICE,	/* a voice code */
	LF_CATEGORY,	/* a category, exactly */
	LF_UNHEARD,	/* any value: only those not heard yet */
	LF_COUNT
};

#define LISTING_MAX_COLUMNS 10

/* One row, valid during the callback only; copy the key with
 * listing_key_dup to come back to it. */
struct listing_row {
	sqlite3_int64 id;	/* of the trajectory, stakeholder, session or
				   input */
	const char *cell[LISTING_MAX_COLUMNS];	/* "" for none */
	const struct listing_key *key;
};

typedef int (*listing_fn)(const struct listing_row *row, void *arg);

struct listing;
struct listing_key;

/* A list of KIND; OWNER is the trajectory (0 for LISTING_TRAJECTORIES;
 * for LISTING_REGISTER the trajectory whose involvement is marked). */
int listing_open(struct listing **out, struct db *db, enum listing_kind kind,
    sqlite3_int64 owner);
void listing_close(struct listing *l);

const struct listing_column *listing_columns(const struct listing *l, int *n);
/* Sort by column COL (a sortable one), in its natural order (names A to
 * Z, impact high to low, voices and phases in contract order) or
 * REVERSE. Rows with equal values keep the order of the register or
 * of entry. Keys of the old order are no longer valid. */
int listing_sort(struct listing *l, int col, int reverse);
int listing_sorted_by(const struct listing *l, int *reverse);
/* Set or clear (VALUE NULL) a filter; ST_INPUT for a list without it. */
int listing_filter(struct listing *l, enum listing_filter f, const char *value);
const char *listing_filter_value(const struct listing *l, enum listing_filter f);

/* Call FN for up to N rows after FROM in the list's order (DIR > 0) or
 * before it, nearest first (DIR < 0); FROM NULL starts at the first or
 * the last row. Stops early when FN returns non-zero. *GOT, if not
 * NULL, is the number of rows passed to FN. */
int listing_fetch(struct listing *l, const struct listing_key *from, int dir,
    int n, listing_fn fn, void *arg, int *got);
/* The first row after FROM (before it with DIR < 0) whose name, ref,
 * code or summary contains TEXT, ignoring case; *FOUND says whether
 * there was one. FROM NULL searches from the start or the end. */
int listing_find(struct listing *l, const struct listing_key *from, int dir,
    const char *text, listing_fn fn, void *arg, int *found);
/* Rows in the list with its filters: one pass over an index, so call it
 * when the list opens or changes, not on every key. */
int listing_count(struct listing *l, long *n);

struct listing_key *listing_key_dup(const struct listing_key *k);
void listing_key_free(struct listing_key *k);

/* The categories used in the register, in order, for a filter's pick
 * list: the one after AFTER ("" for the first) into BUF; *FOUND 0 at
 * the end. Each call is one index seek. */
int listing_next_category(struct db *db, const char *after, char *buf,
    size_t size, int *found);

#endif
