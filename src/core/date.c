/* date.c: proleptic Gregorian dates (Howard Hinnant's day algorithms). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "error.h"
#include "i18n.h"

static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static int
digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
date_parse(const char *s, long *days)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	long y;
	unsigned m, d;

	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		goto bad;
	y = strtol(s, NULL, 10);
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		goto bad;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		goto bad;
	*days = days_from_civil(y, m, d);
	return ST_OK;
bad:
	return err_set(ST_INPUT, _("bad date '%s': expected YYYY-MM-DD"), s);
}

int
date_valid(const char *s)
{
	long days;

	if (date_parse(s, &days) != ST_OK) {
		err_clear();
		return 0;
	}
	return 1;
}

int
date_check(const char *s, const char *field)
{
	long days;

	if (s[0] == '\0' || date_parse(s, &days) == ST_OK)
		return ST_OK;
	err_at(field);
	return ST_INPUT;
}

void
date_format(long days, char *buf)
{
	long y;
	unsigned m, d;
	char tmp[48];

	civil_from_days(days, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%04ld-%02u-%02u", y, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

int
date_today(long *days)
{
	const char *env = getenv("MEERSTEM_TODAY");
	struct tm tm;
	time_t now;

	if (env != NULL && *env != '\0') {
		if (date_parse(env, days) != ST_OK) {
			err_prefix("MEERSTEM_TODAY: ");
			return ST_INPUT;
		}
		return ST_OK;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return err_set(ST_FAIL, "%s", _("cannot read the clock"));
	*days = days_from_civil(tm.tm_year + 1900L, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday);
	return ST_OK;
}
