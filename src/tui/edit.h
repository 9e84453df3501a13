/* edit.h: a text being edited, as wide characters, so that the cursor
 * moves by character and the display by column (ë, é, €, and wide CJK
 * characters alike). Used by form fields and prompts. */
#ifndef MEERSTEM_EDIT_H
#define MEERSTEM_EDIT_H

#include "ui.h"

struct edit {
	wchar_t *buf;
	size_t len, cap, cur;
	int multiline;		/* Enter inserts a new line */
	int scroll;		/* first column shown of a one-line text */
};

int edit_set(struct edit *e, const char *utf8);
/* The text as UTF-8, newly allocated (NULL when out of memory). */
char *edit_text(const struct edit *e);
void edit_free(struct edit *e);
/* Apply a key: a character inserts it, the line-editing actions move
 * and delete. Returns 1 when the key was for the text. */
int edit_key(struct edit *e, const struct key *k);
/* Draw a one-line text in W columns at Y, X; with FOCUS put the cursor
 * there. */
void edit_draw_line(struct edit *e, struct tui *t, int y, int x, int w,
    attr_t attr, int focus);
/* Draw a multi-line text in H lines of W columns, wrapping long lines,
 * keeping the cursor's line in view. */
void edit_draw_lines(struct edit *e, struct tui *t, int y, int x, int h,
    int w, attr_t attr, int focus);

#endif
