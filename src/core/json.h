/* json.h: a small streaming JSON writer (UTF-8 in, UTF-8 out). */
#ifndef MEERSTEM_JSON_H
#define MEERSTEM_JSON_H

#include <stdio.h>

struct json {
	FILE *fp;
	int depth;
	int first[32];		/* no member written yet at this depth */
	int after_key;
	int indent;		/* pretty-print with two spaces */
};

void json_init(struct json *j, FILE *fp, int indent);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);	/* NULL writes null */
void json_int(struct json *j, long long v);
void json_real(struct json *j, double v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);
/* Shorthands for "key": value members. */
void json_member_string(struct json *j, const char *key, const char *s);
void json_member_int(struct json *j, const char *key, long long v);
/* V as the shortest of %.15g and %.17g that reads back as V, into BUF
 * of at least 32 bytes; for numbers in CSV as well as JSON. */
void json_format_real(char *buf, double v);
/* ST_OK, or ST_FAIL if the stream failed. Ends with a newline. */
int json_finish(struct json *j);

#endif
