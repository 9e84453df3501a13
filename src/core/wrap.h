/* wrap.h: word-wrapping text for the terminal, by display width. */
#ifndef MEERSTEM_WRAP_H
#define MEERSTEM_WRAP_H

#include <stdio.h>

/* Write FIRST spaces, then TEXT wrapped at WIDTH columns with every
 * further line indented by INDENT spaces, and a newline. Words are
 * split at white space; a word wider than a line gets one of its own. */
void wrap_write(FILE *fp, const char *text, int first, int indent, int width);
/* The same for a line already written up to column COL (a label). */
void wrap_continue(FILE *fp, const char *text, int col, int indent,
    int width);

#endif
