/* utf8.c: UTF-8 decoding, validation, width and case-folded keys.
 * Case and width come from glibc's C.UTF-8 locale, so results do not
 * depend on the locale the user runs meerstem in. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "utf8.h"

static locale_t
utf8_locale(void)
{
	static locale_t loc;
	static int tried;

	if (!tried) {
		tried = 1;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

int
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	int len, i;

	if (n == 0)
		return -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2; c = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3; c = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return -1;
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

int
utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	uint32_t cp;
	int len;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_decode(s + i, n - i, &cp)) < 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += (size_t)len;
	}
	return 1;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
	return chars;
}

size_t
utf8_offset(const char *s, size_t chars)
{
	size_t i = 0;

	while (s[i] != '\0' && chars > 0) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

static int
char_width(uint32_t cp)
{
	locale_t loc = utf8_locale(), old;
	int w;

	if (cp < 0x80)
		return 1;
	if (loc == (locale_t)0)
		return 1;
	old = uselocale(loc);
	w = wcwidth((wchar_t)cp);
	uselocale(old);
	return w < 0 ? 1 : w;
}

int
utf8_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int len, w = 0;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			w++;
			i++;
			continue;
		}
		w += char_width(cp);
		i += (size_t)len;
	}
	return w;
}

size_t
utf8_fit(const char *s, int cols)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int len, w;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		w = len < 0 ? 1 : char_width(cp);
		if (len < 0)
			len = 1;
		if (w > cols)
			break;
		cols -= w;
		i += (size_t)len;
	}
	return i;
}

char *
str_trim(char *s)
{
	size_t n = strlen(s), start = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	s[n] = '\0';
	while (s[start] == ' ' || s[start] == '\t' || s[start] == '\r' ||
	    s[start] == '\n')
		start++;
	if (start > 0)
		memmove(s, s + start, n - start + 1);
	return s;
}

int
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

uint32_t
utf8_fold(uint32_t cp)
{
	locale_t loc;

	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	loc = utf8_locale();
	return loc != (locale_t)0 ? (uint32_t)towlower_l((wint_t)cp, loc) : cp;
}

char *
utf8_key(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *key;
	uint32_t cp;
	int len;

	/* Lower-casing grows a character by at most half its bytes (two
	 * bytes to three), so twice the input always fits. */
	if ((key = malloc(2 * n + 8)) == NULL)
		return NULL;
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			key[o++] = s[i++];
			continue;
		}
		o += (size_t)utf8_encode(utf8_fold(cp), key + o);
		i += (size_t)len;
	}
	key[o] = '\0';
	return str_trim(key);
}

size_t
str_hash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}
