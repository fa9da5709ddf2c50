/* date.h — calendar dates as day numbers (days since 1970-01-01, proleptic Gregorian),
 * and parsing of the date forms news uses ("26 November 2024", "Nov. 25, 2024", "2024-11-26"). */
#ifndef AN_DATE_H
#define AN_DATE_H

#include <stddef.h>

#define AN_NO_DATE (-2147483647 - 1)

int an_date_valid(int y, int m, int d);
int an_date_from_ymd(int y, int m, int d);
void an_date_to_ymd(int days, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday */
int an_date_weekday(int days);
/* Writes "YYYY-MM-DD" (11 bytes with NUL); "" for AN_NO_DATE. */
void an_date_format(int days, char out[11]);
/* Parses exactly "YYYY-MM-DD" (len bytes); returns AN_NO_DATE when invalid. */
int an_date_parse_iso(const char *s, size_t len);
/* Month number 1..12 of a month name or abbreviation ("Nov", "Nov.", "November",
 * case-insensitive); 0 if none. *consumed gets the bytes used (a trailing '.' included). */
int an_month_from_name(const char *s, size_t len, size_t *consumed);
/* Weekday 0..6 of a day name ("Monday", "Mon", "Mon."); -1 if none. */
int an_weekday_from_name(const char *s, size_t len, size_t *consumed);

/* Parses a full date at the start of s: "26 November 2024", "November 25, 2024",
 * "Nov. 25 2024", "2024-11-26", "Monday, 25 November 2024", "25 Nov 2024".
 * Returns the day number and sets *consumed, or AN_NO_DATE. */
int an_date_parse_text(const char *s, size_t len, size_t *consumed);

#endif
