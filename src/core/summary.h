/* summary.h: the one page a council member reads before adoption: the
 * trajectory and its phase, the commission by delegation, the sessions
 * by form and phase, who was heard per voice, the gaps, and what was
 * done with the input. Loaded once, written as text, Markdown or HTML. */
#ifndef MEERSTEM_SUMMARY_H
#define MEERSTEM_SUMMARY_H

#include <stdio.h>

#include "catalogue.h"
#include "gap.h"
#include "out.h"
#include "trajectory.h"

struct cfg;
struct db;

enum { SUM_REGISTERED, SUM_HEARD, SUM_EARLY };	/* columns of voices */
enum { SUM_HELD, SUM_PLANNED };			/* of a matrix cell */
enum { SUM_ITEMS, SUM_REPORTED };		/* columns of inputs */

#define SUM_VOICES 6		/* vocab_voice */
#define SUM_DELEGATIONS 5	/* vocab_delegation */
#define SUM_DISPOSITIONS 4	/* vocab_disposition */

struct summary {
	struct trajectory t;
	struct catalogue cat;
	int phase;			/* the trajectory's, in cat */
	int late;			/* late_phase, in cat */
	char today[11];
	char phase_text[256];		/* "Options (3 of 5)" */
	char gaps_text[128];		/* "15 gaps: 4 high, ..." */
	long members[SUM_DELEGATIONS];
	long *sessions;			/* see summary_cell */
	long voices[SUM_VOICES][3];	/* registered, heard, heard before
					   late_phase */
	long inputs[SUM_DISPOSITIONS][2];	/* items, reported back */
	struct gap_list gaps;
};

/* Read everything the summary shows of trajectory CODE, in one read
 * transaction, with the GAP_LIMIT most severe gaps (0: all; the counts
 * are of all). ST_INPUT for an unknown code or a bad late_phase. */
int summary_load(struct db *db, const char *code, const struct cfg *cfg,
    size_t gap_limit, struct summary *s);
void summary_free(struct summary *s);

/* Held and planned sessions of FORM in PHASE (indices in s->cat). */
const long *summary_cell(const struct summary *s, size_t form, size_t phase);

/* Write S as OUT_TEXT, OUT_MD or OUT_HTML. */
int summary_write(const struct summary *s, enum out_format f, FILE *fp);
/* The HTML page: one self-contained file (summary-html.c). */
int summary_write_html(const struct summary *s, FILE *fp);

#endif
