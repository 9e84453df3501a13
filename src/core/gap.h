/* gap.h: the gap check: whose voice is missing in a trajectory, and
 * which participation forms could still reach it. A pure function of
 * the database, the thresholds of the configuration and today's date
 * (MEERSTEM_TODAY); man/meerstem.1 documents every rule. */
#ifndef MEERSTEM_GAP_H
#define MEERSTEM_GAP_H

#include <stddef.h>
#include <stdio.h>

#include <sqlite3.h>

#include "out.h"

struct cfg;
struct db;

/* In the order of vocab_gap and vocab_severity. */
enum gap_code {
	GAP_UNHEARD, GAP_VOICE_MISSING, GAP_LATE, GAP_UNSUITED_FORM,
	GAP_NO_FEEDBACK, GAP_INPUT_UNANSWERED, GAP_UNDERREPRESENTED,
	GAP_DELEGATION_IMBALANCE, GAP_NCODES
};
enum gap_severity { GAP_HIGH, GAP_MEDIUM, GAP_LOW, GAP_NSEVERITIES };

/* At most this many forms are suggested for one finding. */
#define GAP_MAX_SUGGESTIONS 3
/* A session with fewer participants than this is small. */
#define GAP_SMALL_SESSION 10
/* The significance level of the representativeness test. */
#define GAP_ALPHA 0.05

struct gap {
	enum gap_code code;
	enum gap_severity severity;
	char *subject;		/* a stakeholder name, voice code, session ref,
				   input summary, DIMENSION=CATEGORY or
				   "commission" (CONTRACT.md) */
	char *label;		/* the subject for people: a voice's label */
	char *detail;		/* one translated sentence */
	char *suggestion;	/* form codes, space separated; "" for none */
	char *advice;		/* what to do, a translated sentence that
				   names the suggested forms */
	char *key;		/* the subject case-folded, for sorting */
	sqlite3_int64 subject_id;	/* the stakeholder, session or input
				   the finding is about; 0 for a voice,
				   a category or the commission */
	size_t seq;		/* order of finding, the last sort key */
};

struct gap_list {
	struct gap *v;
	size_t n, cap;
	size_t limit;		/* keep at most this many findings; 0: all */
	int cut;		/* the list was cut back to its limit */
	size_t total;		/* the findings, kept or not */
	size_t per_severity[GAP_NSEVERITIES];	/* of all of them */
};

/* Check trajectory ID against the thresholds of CFG. On success OUT
 * holds the findings, most severe first, then in code order, then by
 * subject. A late_phase that is not a phase of the catalogue is
 * ST_INPUT naming the configuration file and line. */
int gap_check(struct db *db, sqlite3_int64 id, const struct cfg *cfg,
    struct gap_list *out);
/* The same, keeping only the LIMIT most severe findings (0: all) but
 * counting every one in total and per_severity: for the interface,
 * whose memory must not grow with the trajectory. */
int gap_check_top(struct db *db, sqlite3_int64 id, const struct cfg *cfg,
    size_t limit, struct gap_list *out);
void gap_list_free(struct gap_list *l);

/* Check trajectory CODE and write the findings to FP as text, csv or
 * json (columns code, severity, subject, detail, suggestion). *FOUND
 * is the number of findings. For `meerstem gaps` and `export gaps`. */
int gap_write(struct db *db, const char *code, const struct cfg *cfg,
    enum out_format f, FILE *fp, size_t *found);

/* Write FINDINGS as text for people: one block per finding, wrapped
 * at WIDTH columns. Shared with the summary. */
int gap_write_text(FILE *fp, const struct gap_list *findings, int width);

#endif
