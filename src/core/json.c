/* json.c: streaming JSON output. Errors are checked once, at the end,
 * through the stream's error flag. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "json.h"

void
json_init(struct json *j, FILE *fp, int indent)
{
	memset(j, 0, sizeof *j);
	j->fp = fp;
	j->indent = indent;
	j->first[0] = 1;
}

static void
newline(struct json *j)
{
	int i;

	if (!j->indent)
		return;
	fputc('\n', j->fp);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->fp);
}

/* Separator and indentation before a value or a key. */
static void
before(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (!j->first[j->depth])
		fputc(',', j->fp);
	if (j->depth > 0)
		newline(j);
	j->first[j->depth] = 0;
}

static void
open_(struct json *j, int c)
{
	before(j);
	fputc(c, j->fp);
	if (j->depth < 31)
		j->depth++;
	j->first[j->depth] = 1;
}

static void
close_(struct json *j, int c)
{
	int empty = j->first[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty)
		newline(j);
	fputc(c, j->fp);
}

void json_begin_object(struct json *j) { open_(j, '{'); }
void json_end_object(struct json *j) { close_(j, '}'); }
void json_begin_array(struct json *j) { open_(j, '['); }
void json_end_array(struct json *j) { close_(j, ']'); }

static void
quoted(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(fp, "\\u%04x", c);
			else
				fputc(c, fp);
		}
	}
	fputc('"', fp);
}

void
json_key(struct json *j, const char *key)
{
	before(j);
	quoted(j->fp, key);
	fputs(j->indent ? ": " : ":", j->fp);
	j->after_key = 1;
}

void
json_string(struct json *j, const char *s)
{
	before(j);
	if (s == NULL)
		fputs("null", j->fp);
	else
		quoted(j->fp, s);
}

void
json_int(struct json *j, long long v)
{
	before(j);
	fprintf(j->fp, "%lld", v);
}

void
json_format_real(char *buf, double v)
{
	/* 15 digits where they read back as V (0.16, not 0.16000000000000001). */
	snprintf(buf, 32, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, 32, "%.17g", v);
}

void
json_real(struct json *j, double v)
{
	char buf[32];

	before(j);
	if (!isfinite(v)) {
		fputs("null", j->fp);
		return;
	}
	json_format_real(buf, v);
	fputs(buf, j->fp);
}

void
json_bool(struct json *j, int v)
{
	before(j);
	fputs(v ? "true" : "false", j->fp);
}

void
json_null(struct json *j)
{
	before(j);
	fputs("null", j->fp);
}

void
json_member_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void
json_member_int(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

int
json_finish(struct json *j)
{
	fputc('\n', j->fp);
	if (ferror(j->fp))
		return err_sys(ST_FAIL, "%s", _("cannot write the JSON output"));
	return ST_OK;
}
