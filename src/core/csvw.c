/* csvw.c: CSV output (see csvw.h). */
#include "config.h"

#include <csv.h>
#include <string.h>

#include "csvw.h"
#include "error.h"
#include "i18n.h"

int
csvw_needs_guard(const char *cell)
{
	while (*cell == '\'')
		cell++;
	return *cell != '\0' && strchr("=+-@\t\r", *cell) != NULL;
}

const char *
csvw_unguard(const char *cell)
{
	return cell[0] == '\'' && csvw_needs_guard(cell + 1) ? cell + 1 : cell;
}

static int
needs_quotes(const char *cell, char delim)
{
	size_t n = strlen(cell);

	return strpbrk(cell, "\"\r\n") != NULL || strchr(cell, delim) != NULL ||
	    (n > 0 && (cell[0] == ' ' || cell[n - 1] == ' '));
}

static int
write_cell(FILE *fp, char delim, const char *cell)
{
	char guarded[2] = "'";
	int guard = csvw_needs_guard(cell);

	if (!needs_quotes(cell, delim)) {
		if (guard && fputc('\'', fp) == EOF)
			return -1;
		return fputs(cell, fp) == EOF ? -1 : 0;
	}
	if (!guard)
		return csv_fwrite(fp, cell, strlen(cell));
	/* libcsv quotes one buffer; the guard goes inside the quotes. */
	if (fputc('"', fp) == EOF || fputs(guarded, fp) == EOF)
		return -1;
	for (; *cell != '\0'; cell++) {
		if (*cell == '"' && fputc('"', fp) == EOF)
			return -1;
		if (fputc(*cell, fp) == EOF)
			return -1;
	}
	return fputc('"', fp) == EOF ? -1 : 0;
}

int
csvw_row(FILE *fp, char delim, const char *const *cells, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0 && fputc(delim, fp) == EOF)
			goto fail;
		if (write_cell(fp, delim, cells[i] != NULL ? cells[i] : "") != 0)
			goto fail;
	}
	if (fputc('\n', fp) == EOF)
		goto fail;
	return ST_OK;
fail:
	return err_sys(ST_FAIL, "%s", _("cannot write the CSV output"));
}
