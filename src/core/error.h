/* error.h: the last error of the core library and the exit statuses of
 * CONTRACT.md. Like errno, there is one last error: meerstem is single
 * threaded and every caller reports or clears it before the next call. */
#ifndef MEERSTEM_ERROR_H
#define MEERSTEM_ERROR_H

/* Statuses double as exit statuses (CONTRACT.md). */
enum status {
	ST_OK = 0,	/* success */
	ST_FOUND = 1,	/* the gap check found something */
	ST_INPUT = 2,	/* bad usage or bad input; nothing was changed */
	ST_DB = 3,	/* the database cannot be used */
	ST_FAIL = 4,	/* any other failure (out of memory, I/O) */
	ST_CONFLICT = 5	/* the record changed underneath an edit */
};

/* Record an error and return its status, so callers can write
 * `return err_set(ST_INPUT, ...)`. */
int err_set(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Same, with errno's text appended after ": ". */
int err_sys(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Put context in front of the recorded message ("file.csv:3:2: " ...). */
void err_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Name the field at fault in the last error, by its contract name
 * ("voice", "date"), so an import can point at the column and a form
 * at the field. err_set and err_sys forget it. */
void err_at(const char *field);
/* err_set and err_at in one. */
int err_set_at(const char *field, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The field named by err_at, or NULL. */
const char *err_field(void);

const char *err_msg(void);
int err_status(void);
void err_clear(void);

/* Warnings do not stop anything; they go to the handler (standard error
 * by default, the status line in the interface). */
typedef void (*warn_fn)(const char *msg, void *arg);
void err_set_warn(warn_fn fn, void *arg);
void err_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Out-of-memory helpers that record ST_FAIL on failure. */
void *xmalloc_or_err(size_t n);

#endif
