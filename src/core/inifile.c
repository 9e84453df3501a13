/* inifile.c: inih with a reader that counts lines and refuses what
 * inih would otherwise misread. inih's line buffer is 200 bytes by
 * default and it splits a longer line into a phantom key; Debian's
 * inih lets us raise the limit at run time, and the reader reports any
 * line that still would not fit. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "i18n.h"
#include "inifile.h"
#include "utf8.h"

#define INIFILE_MAX_LINE 65536

struct reader {
	FILE *fp;
	const char *path;
	int line;
	int continued;		/* the current line starts with white space */
	int failed;		/* the reader set the error */
	int handler_failed;	/* the handler set the error */
	char *buf;
	size_t cap;
	inifile_fn fn;
	void *arg;
};

/* A CR that does not end the line: inih would read a file with old
 * Mac line ends as one line and drop all but its first key. */
static const char *
lone_cr(const char *s, size_t len)
{
	const char *cr = memchr(s, '\r', len);

	if (cr == NULL || (cr == s + len - 2 && s[len - 1] == '\n') ||
	    cr == s + len - 1)
		return NULL;
	return cr;
}

static char *
read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	ssize_t len = getline(&r->buf, &r->cap, r->fp);
	const char *cr;
	size_t bad;

	if (len < 0 || r->failed || r->handler_failed)
		return NULL;
	r->line++;
	if (memchr(r->buf, '\0', (size_t)len) != NULL) {
		err_set(ST_INPUT, _("%s:%d: contains a NUL byte"), r->path, r->line);
		r->failed = 1;
		return NULL;
	}
	if (!utf8_valid(r->buf, (size_t)len, &bad)) {
		err_set(ST_INPUT, _("%s:%d:%zu: invalid UTF-8"), r->path, r->line,
		    utf8_chars(r->buf, bad) + 1);
		r->failed = 1;
		return NULL;
	}
	if ((cr = lone_cr(r->buf, (size_t)len)) != NULL) {
		err_set(ST_INPUT, _("%s:%d:%zu: a carriage return inside the "
		    "line (save the file with LF or CRLF line ends)"), r->path,
		    r->line, utf8_chars(r->buf, (size_t)(cr - r->buf)) + 1);
		r->failed = 1;
		return NULL;
	}
	if (len + 1 > num) {
		err_set(ST_INPUT, _("%s:%d: line longer than %d bytes"), r->path,
		    r->line, num - 3);
		r->failed = 1;
		return NULL;
	}
	r->continued = r->buf[0] == ' ' || r->buf[0] == '\t';
	memcpy(str, r->buf, (size_t)len + 1);
	return str;
}

static int
handle(void *user, const char *section, const char *key, const char *value)
{
	struct reader *r = user;
	int rc = r->fn(r->arg, section, key, value, r->line, r->continued);

	if (rc != ST_OK) {
		err_prefix("%s:%d: ", r->path, r->line);
		r->handler_failed = 1;
		return 0;
	}
	return 1;
}

int
inifile_parse(const char *path, inifile_fn fn, void *arg)
{
	struct reader r = { 0 };
	int rc;

	if ((r.fp = fopen(path, "r")) == NULL)
		return err_sys(errno == ENOENT ? ST_INPUT : ST_FAIL, "%s", path);
	r.path = path;
	r.fn = fn;
	r.arg = arg;
	ini_max_line = INIFILE_MAX_LINE;
	ini_stop_on_first_error = 1;
	ini_allow_multiline = 1;
	ini_allow_inline_comments = 1;
	rc = ini_parse_stream(read_line, &r, handle, &r);
	if (ferror(r.fp) && !r.failed) {
		err_sys(ST_FAIL, "%s", path);
		r.failed = 1;
	}
	fclose(r.fp);
	free(r.buf);
	if (r.failed || r.handler_failed)
		return err_status() != ST_OK ? err_status() : ST_INPUT;
	if (rc == -2)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if (rc != 0)
		return err_set(ST_INPUT, _("%s:%d: expected [section] or "
		    "key = value"), path, rc);
	return ST_OK;
}

int
inifile_bool(const char *value, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };
	int i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(value, yes[i]) == 0) {
			*out = 1;
			return ST_OK;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(value, no[i]) == 0) {
			*out = 0;
			return ST_OK;
		}
	return err_set(ST_INPUT, _("bad value '%s': expected yes or no"), value);
}
