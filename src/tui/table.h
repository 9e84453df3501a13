/* table.h: the list widget. It holds one screenful of rows of a core
 * listing and pages through the database as the cursor moves: memory
 * stays one page, and the end of a million rows is one query away. */
#ifndef MEERSTEM_TABLE_H
#define MEERSTEM_TABLE_H

#include "../core/listing.h"
#include "ui.h"

struct table_row {
	sqlite3_int64 id;
	char *cell[LISTING_MAX_COLUMNS];
	struct listing_key *key;
};

/* A column the front end fills for each row shown, after the
 * listing's: a figure the database does not hold, such as the open gaps
 * of a trajectory. */
struct table_extra {
	const char *label;	/* heading, to translate with _() */
	int min;
	void (*fill)(struct tui *t, void *ctx, sqlite3_int64 id, char *buf,
	    size_t size);
	void *ctx;
};

struct table {
	struct listing *list;
	const struct listing_column *cols;
	int ncols;
	int min[LISTING_MAX_COLUMNS], flex[LISTING_MAX_COLUMNS];
	struct table_row *rows;
	int nrows, cap, height;
	int cur;		/* cursor, an index into rows */
	long pos;		/* position of rows[0] from 1; 0 unknown */
	long total;
	char *search;		/* the last search, for n and N */
	const char *empty;	/* what an empty list says */
	const struct table_extra *extra;	/* or NULL */
};

/* Open a listing of KIND for OWNER; MIN and FLEX give each column's
 * least width and whether it takes a share of the spare width. */
int table_open(struct table *tb, struct tui *t, enum listing_kind kind,
    sqlite3_int64 owner, const int *min, const int *flex);
void table_close(struct table *tb);

/* The row under the cursor, or NULL for an empty list. */
const struct table_row *table_current(const struct table *tb);
/* Count the rows and show the first page again (after a sort or a
 * filter). */
int table_restart(struct table *tb);
/* Read the database again, keeping the cursor on the same row where it
 * still exists. */
int table_reload(struct table *tb);
/* Handle a moving key (up, down, pages, top, bottom, n, N); 1 if it
 * was one. */
int table_key(struct table *tb, struct tui *t, const struct key *k);
/* Search from the cursor for TEXT (incremental search: INCLUSIVE
 * looks at the cursor row too); wraps around. 1 when found. */
int table_search(struct table *tb, struct tui *t, const char *text, int dir,
    int inclusive);
/* Search as the user types on the prompt line; n and N go on. */
void table_prompt_search(struct table *tb, struct tui *t);
/* Put the cursor on the row with id ID if a search for TEXT finds it. */
int table_seek(struct table *tb, const char *text, sqlite3_int64 id);

void table_draw(struct table *tb, struct tui *t, int y, int h);
void table_where(const struct table *tb, char *buf, size_t size);
/* A cell as shown: the label of a code, "yes"/"no", the text. */
const char *table_cell_text(const struct tui *t, const struct listing_column *c,
    const char *raw);

#endif
