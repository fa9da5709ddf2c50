/* dateline.c — recognising date-only lines and leading datelines in news text. */
#include "text/dateline.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "util/date.h"

static size_t skip_blank(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) i++;
    return i;
}

/* Words that may introduce a date line: "Updated", "Published:", "Last updated on". */
static size_t skip_date_prefix(const char *s, size_t len)
{
    static const char *words[] = {"last", "first", "updated", "update", "published", "posted",
                                  "date", "dated", "created", "on", "modified", NULL};
    size_t i = skip_blank(s, len, 0);
    for (;;) {
        size_t j = i;
        while (j < len && isalpha((unsigned char)s[j])) j++;
        int found = 0;
        for (int k = 0; words[k]; k++) {
            if (strlen(words[k]) == j - i && strncasecmp(s + i, words[k], j - i) == 0) {
                found = 1;
                break;
            }
        }
        if (!found) return i;
        if (j < len && s[j] == ':') j++;
        i = skip_blank(s, len, j);
    }
}

/* After the date: only a time ("10:32 GMT", "at 5.30pm", "- 14:05 UTC") or punctuation. */
static int only_time_left(const char *s, size_t len, size_t i)
{
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == ',' || c == '-' || c == '|' || c == '(' ||
            c == ')' || c == ':' || c == '.' || isdigit(c)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && isalpha((unsigned char)s[j])) j++;
        size_t n = j - i;
        if (n == 0) return 0;
        int ok = (n == 2 && (!strncasecmp(s + i, "am", 2) || !strncasecmp(s + i, "pm", 2) ||
                             !strncasecmp(s + i, "at", 2) || !strncasecmp(s + i, "ET", 2) ||
                             !strncasecmp(s + i, "PT", 2))) ||
                 (n >= 3 && n <= 4 && isupper((unsigned char)s[i]) &&
                  isupper((unsigned char)s[j - 1])); /* GMT, UTC, PKT, CEST */
        if (!ok) return 0;
        i = j;
    }
    return 1;
}

int an_date_line(const char *line, size_t len, int *days)
{
    if (len > 120) return 0;
    size_t i = skip_date_prefix(line, len);
    size_t used;
    int d = an_date_parse_text(line + i, len - i, &used);
    if (d == AN_NO_DATE) return 0;
    if (!only_time_left(line, len, i + used)) return 0;
    *days = d;
    return 1;
}

size_t an_dateline_prefix(const char *s, size_t len, size_t *place_len)
{
    /* The place: one to four words in capitals ("ISLAMABAD", "NEW DELHI", "RIO DE JANEIRO"),
     * optionally followed by ", Country" in any case, then ":" or a dash, or
     * ", <date> (Agency) -". */
    size_t i = 0, words = 0, last_upper_end = 0;
    while (i < len && words < 5) {
        size_t j = i;
        int upper = 0, lower = 0;
        while (j < len && (isalpha((unsigned char)s[j]) || s[j] == '.' || s[j] == '\'')) {
            if (isupper((unsigned char)s[j])) upper++;
            if (islower((unsigned char)s[j])) lower++;
            j++;
        }
        if (j == i || upper < 2 || lower > 0) {
            /* Lower-case particles inside a place name ("RIO de JANEIRO") are allowed. */
            if (!(words > 0 && j > i && upper == 0 && j - i <= 3)) break;
        }
        words++;
        if (upper >= 2) last_upper_end = j;
        i = j;
        if (i < len && s[i] == ' ' && i + 1 < len && isalpha((unsigned char)s[i + 1])) {
            i++;
            continue;
        }
        break;
    }
    if (last_upper_end == 0) return 0;
    size_t place = last_upper_end;
    i = place;
    /* Optional ", Pakistan" or ", Nov 25" or ", Nov 25 (Reuters)". */
    size_t k = i;
    if (k < len && s[k] == ',') {
        k = skip_blank(s, len, k + 1);
        while (k < len && s[k] != ':' && s[k] != '-' && s[k] != '\n' && k - i < 60) {
            if (s[k] == '\xe2') break; /* en/em dash in UTF-8 */
            k++;
        }
        i = k;
    } else {
        i = skip_blank(s, len, i);
        if (i < len && s[i] == '(') { /* "LONDON (Reuters) -" */
            while (i < len && s[i] != ')' && s[i] != '\n') i++;
            if (i < len && s[i] == ')') i++;
            i = skip_blank(s, len, i);
        }
    }
    /* The separator: ':' or '-' / '--' / en or em dash, followed by a blank. */
    size_t sep = i;
    if (sep < len && s[sep] == ':') sep++;
    else if (sep < len && s[sep] == '-') { sep++; if (sep < len && s[sep] == '-') sep++; }
    else if (sep + 2 < len && (unsigned char)s[sep] == 0xE2 && (unsigned char)s[sep + 1] == 0x80 &&
             ((unsigned char)s[sep + 2] == 0x93 || (unsigned char)s[sep + 2] == 0x94)) sep += 3;
    else return 0;
    if (sep >= len || (s[sep] != ' ' && s[sep] != '\t')) return 0;
    *place_len = place;
    return skip_blank(s, len, sep);
}

/* News agencies whose name opens feed items ("Reuters - ..."): a credit, not an actor. */
static const char *const agencies[] = {
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Canadian Press", "CP",
    "Xinhua", "Interfax", "TASS", "ITAR-TASS", "RIA Novosti", "Bloomberg", "PTI", "IANS", "ANI",
    "APP", "Anadolu", "Yonhap", "Kyodo", "DPA", "dpa", "ANSA", "EFE", "UPI", "IRNA", "WAM",
    "SPA", "Bernama", "BERNAMA", "Antara", "ANTARA", "KUNA", "MENA", "Petra", "QNA", "NAN",
    NULL};

size_t an_credit_prefix(const char *s, size_t len)
{
    size_t i = 0, open = 0;
    if (i < len && s[i] == '(') open = ++i;
    size_t name = 0;
    for (int k = 0; agencies[k]; k++) {
        size_t n = strlen(agencies[k]);
        if (n <= len - i && memcmp(s + i, agencies[k], n) == 0 && n > name) name = n;
    }
    if (!name) return 0;
    i += name;
    if (open) {
        if (i >= len || s[i] != ')') return 0;
        i++;
    }
    if (i + 3 >= len || s[i] != ' ' || s[i + 1] != '-' || s[i + 2] != ' ') return 0;
    return i + 3;
}
