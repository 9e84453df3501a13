/* date.h: calendar dates as ISO YYYY-MM-DD and as day numbers. */
#ifndef MEERSTEM_DATE_H
#define MEERSTEM_DATE_H

/* Parse a strict ISO date into days since 1970-01-01; ST_INPUT with a
 * message if it is not a real date. */
int date_parse(const char *s, long *days);
/* True when S is a valid ISO date. */
int date_valid(const char *s);
/* ST_OK for "" or a valid date; else ST_INPUT naming FIELD (err_at). */
int date_check(const char *s, const char *field);
/* Format DAYS as YYYY-MM-DD into BUF (at least 11 bytes). */
void date_format(long days, char *buf);
/* Today, or MEERSTEM_TODAY when set (reproducible reports and tests). */
int date_today(long *days);

#endif
