/* vocab.h: the fixed vocabularies of CONTRACT.md, with their labels.
 * Codes are stable English identifiers; labels follow the locale. The
 * user-extensible vocabularies (forms, phases) live in the catalogue. */
#ifndef MEERSTEM_VOCAB_H
#define MEERSTEM_VOCAB_H

#include <stddef.h>

struct vocab {
	const char *name;		/* what a value is, for messages */
	const char *const *codes;	/* in contract order, NULL-terminated */
	const char *const *labels;	/* English, translated with gettext */
};

extern const struct vocab vocab_level;
extern const struct vocab vocab_voice;
extern const struct vocab vocab_kind;
extern const struct vocab vocab_delegation;
extern const struct vocab vocab_session_status;
extern const struct vocab vocab_role;
extern const struct vocab vocab_disposition;
extern const struct vocab vocab_gap;
extern const struct vocab vocab_severity;
extern const struct vocab vocab_degree;
extern const struct vocab vocab_representative;
extern const struct vocab vocab_trajectory_status;

int vocab_count(const struct vocab *v);
/* Position of CODE, or -1 when it is not one of V's codes. */
int vocab_index(const struct vocab *v, const char *code);
/* The translated label of CODE, or CODE itself when unknown. */
const char *vocab_label(const struct vocab *v, const char *code);
/* ST_OK, or ST_INPUT with "bad voice 'x': expected one of ..." */
int vocab_check(const struct vocab *v, const char *code);
/* For a record's field CODE of SIZE bytes: "" becomes DEF, then the
 * value is checked, and an error names FIELD (err_at). */
int vocab_check_field(const struct vocab *v, char *code, size_t size,
    const char *def, const char *field);

#endif
