/* form.h: the form widget for adding and editing records: one-line and
 * multi-line text fields edited as wide characters, dates and numbers
 * checked before saving, and codes chosen from pick lists by their
 * labels. Saving calls the screen's function, which saves in one
 * transaction through the core; a refusal names the field. */
#ifndef MEERSTEM_FORM_H
#define MEERSTEM_FORM_H

#include "ui.h"

struct vocab;

enum field_type { FT_TEXT, FT_LINES, FT_NUMBER, FT_DATE, FT_CHOICE };

struct form;

/* Save the form; ST_OK closes it. On another status the form shows the
 * core's error and stays open, on the field the error names (after
 * ST_CONFLICT it closes and everything is read again). */
typedef int (*form_save_fn)(struct tui *t, struct form *f, void *ctx);

struct form *form_new(const char *title, form_save_fn save, void *ctx);
/* Add a field NAME (its contract name, as err_field() gives it). */
int form_text(struct form *f, const char *name, const char *label,
    enum field_type type, const char *value, int required);
/* A choice of CODES shown as LABELS (copied); CURRENT a code or NULL. */
int form_choice(struct form *f, const char *name, const char *label,
    const char *const *codes, const char *const *labels, int n,
    const char *current);
/* A choice of a vocabulary's codes. */
int form_vocab(struct form *f, const char *name, const char *label,
    const struct vocab *v, const char *current);
/* The value of NAME: text as UTF-8, a choice as its code; owned by the
 * form until the next call. "" for an unknown name. */
const char *form_get(struct form *f, const char *name);
/* A number field's value; -1 when empty. */
int form_get_number(struct form *f, const char *name);
/* Free CTX (a plain allocation) with the form. */
void form_own(struct form *f, void *ctx);
/* Show F over the current screen; a form that could not be built (out
 * of memory) is reported and freed. */
void form_open(struct tui *t, struct form *f);

#endif
