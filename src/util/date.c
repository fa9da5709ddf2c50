/* date.c — day-number arithmetic and news date parsing (see date.h). */
#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

int an_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Howard Hinnant's days-from-civil algorithm. */
int an_date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void an_date_to_ymd(int days, int *y, int *m, int *d)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int dd = doy - (153 * mp + 2) / 5 + 1;
    int mm = mp + (mp < 10 ? 3 : -9);
    *y = yy + (mm <= 2);
    *m = mm;
    *d = dd;
}

int an_date_weekday(int days)
{
    /* 1970-01-01 was a Thursday (3). */
    int w = (days % 7 + 7) % 7;
    return (w + 3) % 7;
}

void an_date_format(int days, char out[11])
{
    if (days == AN_NO_DATE) {
        out[0] = '\0';
        return;
    }
    int y, m, d;
    an_date_to_ymd(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        out[0] = '\0';
        return;
    }
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int an_date_parse_iso(const char *s, size_t len)
{
    if (len != 10 || s[4] != '-' || s[7] != '-') return AN_NO_DATE;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !an_date_valid(y, m, d)) return AN_NO_DATE;
    return an_date_from_ymd(y, m, d);
}

static size_t alpha_run(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && isalpha((unsigned char)s[i])) i++;
    return i;
}

static int word_eq(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

int an_month_from_name(const char *s, size_t len, size_t *consumed)
{
    static const char *full[12] = {"january", "february", "march", "april", "may", "june",
                                   "july", "august", "september", "october", "november",
                                   "december"};
    size_t n = alpha_run(s, len);
    if (n < 3) return 0;
    for (int i = 0; i < 12; i++) {
        int match = word_eq(s, n, full[i]) || (n == 3 && strncasecmp(s, full[i], 3) == 0) ||
                    (i == 8 && word_eq(s, n, "sept"));
        if (match) {
            size_t c = n;
            if (c < len && s[c] == '.') c++;
            if (consumed) *consumed = c;
            return i + 1;
        }
    }
    return 0;
}

int an_weekday_from_name(const char *s, size_t len, size_t *consumed)
{
    static const char *full[7] = {"monday", "tuesday", "wednesday", "thursday",
                                  "friday", "saturday", "sunday"};
    size_t n = alpha_run(s, len);
    if (n < 3) return -1;
    for (int i = 0; i < 7; i++) {
        if (word_eq(s, n, full[i]) || (n == 3 && strncasecmp(s, full[i], 3) == 0)) {
            size_t c = n;
            if (c < len && s[c] == '.') c++;
            if (consumed) *consumed = c;
            return i;
        }
    }
    return -1;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    return i;
}

/* Reads 1-2 digits of a day number, with an optional English ordinal suffix. */
static int read_day(const char *s, size_t len, size_t *i)
{
    size_t j = *i;
    int v = 0, n = 0;
    while (j < len && isdigit((unsigned char)s[j]) && n < 3) {
        v = v * 10 + (s[j] - '0');
        j++;
        n++;
    }
    if (n == 0 || n > 2 || v < 1 || v > 31) return -1;
    if (j + 1 < len && (word_eq(s + j, 2, "st") || word_eq(s + j, 2, "nd") ||
                        word_eq(s + j, 2, "rd") || word_eq(s + j, 2, "th")))
        j += 2;
    if (j < len && isalnum((unsigned char)s[j])) return -1;
    *i = j;
    return v;
}

static int read_year(const char *s, size_t len, size_t *i)
{
    size_t j = *i;
    if (j + 4 > len) return -1;
    int y = digits(s + j, 4);
    if (y < 1000) return -1;
    if (j + 4 < len && isalnum((unsigned char)s[j + 4])) return -1;
    *i = j + 4;
    return y;
}

int an_date_parse_text(const char *s, size_t len, size_t *consumed)
{
    size_t i = 0, c;
    /* ISO form. */
    if (len >= 10 && isdigit((unsigned char)s[0]) && s[4] == '-') {
        int d = an_date_parse_iso(s, 10);
        if (d != AN_NO_DATE && (len == 10 || !isalnum((unsigned char)s[10]))) {
            if (consumed) *consumed = 10;
            return d;
        }
    }
    /* Optional weekday: "Monday, " */
    if (an_weekday_from_name(s, len, &c) >= 0) {
        i = c;
        if (i < len && s[i] == ',') i++;
        i = skip_space(s, len, i);
    }
    int day, month, year;
    size_t j = i;
    if ((day = read_day(s, len, &j)) > 0) {
        /* "26 November 2024" / "26 Nov. 2024" / "26th of November 2024" */
        j = skip_space(s, len, j);
        if (len - j >= 3 && word_eq(s + j, 2, "of") && s[j + 2] == ' ') j = skip_space(s, len, j + 2);
        if (!(month = an_month_from_name(s + j, len - j, &c))) return AN_NO_DATE;
        j = skip_space(s, len, j + c);
        if (j < len && s[j] == ',') j = skip_space(s, len, j + 1);
        if ((year = read_year(s, len, &j)) < 0) return AN_NO_DATE;
    } else if ((month = an_month_from_name(s + i, len - i, &c)) != 0) {
        /* "November 25, 2024" / "Nov. 25 2024" */
        j = skip_space(s, len, i + c);
        if ((day = read_day(s, len, &j)) < 0) return AN_NO_DATE;
        if (j < len && s[j] == ',') j++;
        j = skip_space(s, len, j);
        if ((year = read_year(s, len, &j)) < 0) return AN_NO_DATE;
    } else {
        return AN_NO_DATE;
    }
    if (!an_date_valid(year, month, day)) return AN_NO_DATE;
    if (consumed) *consumed = j;
    return an_date_from_ymd(year, month, day);
}
