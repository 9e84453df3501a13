/* wrap.c: word-wrapping by display width (see wrap.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"

static int
word_width(const char *s, size_t n)
{
	char *word = strndup(s, n);
	int w;

	if (word == NULL)
		return (int)n;	/* a byte a column: wrapping is cosmetic */
	w = utf8_width(word);
	free(word);
	return w;
}

void
wrap_write(FILE *fp, const char *text, int first, int indent, int width)
{
	fprintf(fp, "%*s", first, "");
	wrap_continue(fp, text, first, indent, width);
}

void
wrap_continue(FILE *fp, const char *text, int col, int indent, int width)
{
	const char *p = text, *end;
	int w, words = 0;
	size_t n;

	for (;;) {
		p += strspn(p, " \t\r\n");
		if (*p == '\0')
			break;
		n = strcspn(p, " \t\r\n");
		end = p + n;
		w = word_width(p, n);
		if (words > 0 && col + 1 + w > width) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
		} else if (words > 0) {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, n, fp);
		col += w;
		words++;
		p = end;
	}
	fputc('\n', fp);
}
