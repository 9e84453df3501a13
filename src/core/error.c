/* error.c: the last error and the warning handler. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"

static char last_msg[2048];
static int last_status;
static const char *last_field;
static warn_fn warn_handler;
static void *warn_arg;

int
err_set(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof last_msg, fmt, ap);
	va_end(ap);
	last_status = status;
	last_field = NULL;
	return status;
}

int
err_sys(int status, const char *fmt, ...)
{
	int saved = errno;
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof last_msg, fmt, ap);
	va_end(ap);
	len = strlen(last_msg);
	snprintf(last_msg + len, sizeof last_msg - len, ": %s", strerror(saved));
	last_status = status;
	last_field = NULL;
	return status;
}

void
err_prefix(const char *fmt, ...)
{
	char head[1024], old[sizeof last_msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, last_msg, sizeof old);
	if (snprintf(last_msg, sizeof last_msg, "%s%s", head, old) >=
	    (int)sizeof last_msg)
		strcpy(last_msg + sizeof last_msg - 4, "...");
}

void
err_at(const char *field)
{
	last_field = field;
}

int
err_set_at(const char *field, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof last_msg, fmt, ap);
	va_end(ap);
	last_status = status;
	last_field = field;
	return status;
}

const char *
err_field(void)
{
	return last_field;
}

const char *
err_msg(void)
{
	return last_msg;
}

int
err_status(void)
{
	return last_status;
}

void
err_clear(void)
{
	last_msg[0] = '\0';
	last_status = ST_OK;
	last_field = NULL;
}

void
err_set_warn(warn_fn fn, void *arg)
{
	warn_handler = fn;
	warn_arg = arg;
}

void
err_warn(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (warn_handler != NULL)
		warn_handler(msg, warn_arg);
	else
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("warning"), msg);
}

void *
xmalloc_or_err(size_t n)
{
	void *p = malloc(n == 0 ? 1 : n);

	if (p == NULL)
		err_set(ST_FAIL, "%s", _("out of memory"));
	return p;
}
