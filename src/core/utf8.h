/* utf8.h: UTF-8 checks, keys for case-insensitive matching, widths. */
#ifndef MEERSTEM_UTF8_H
#define MEERSTEM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one character; returns its length, or -1 for invalid UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF too). */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Write the UTF-8 form of CP (at most 4 bytes) to OUT; returns its
 * length. */
int utf8_encode(uint32_t cp, char *out);
/* True when S[0..N) is valid UTF-8; else *BAD is the offending offset. */
int utf8_valid(const char *s, size_t n, size_t *bad);
/* Number of characters in the first N bytes (for column numbers). */
size_t utf8_chars(const char *s, size_t n);
/* Bytes used by the first CHARS characters of S (for cursor moves). */
size_t utf8_offset(const char *s, size_t chars);
/* Terminal columns S takes, using wcwidth in a UTF-8 locale whatever
 * the user's locale is; invalid bytes and controls count one each. */
int utf8_width(const char *s);
/* The longest prefix of S that fits in COLS columns, in bytes. */
size_t utf8_fit(const char *s, int cols);

/* A hash of the bytes of S (djb2), for the caches of names. */
size_t str_hash(const char *s);
/* Trim leading and trailing white space in place; returns S. */
char *str_trim(char *s);
/* A character lower-cased with Unicode case mapping, as in keys. */
uint32_t utf8_fold(uint32_t cp);
/* The matching key of a name: trimmed and lower-cased with Unicode
 * case mapping ("Émile " and "émile" share a key). Newly allocated. */
char *utf8_key(const char *s);

#endif
