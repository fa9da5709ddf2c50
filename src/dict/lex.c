/* lex.c — shared lexical pieces of the dictionary loaders (see lex.h). */
#include "dict/lex.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/normalize.h"
#include "util/date.h"
#include "util/error.h"

static int is_special(char c)
{
    return c == '*' || c == '$' || c == '+' || c == '%' || c == '^' || c == '@' || c == '{' ||
           c == '|' || c == '}';
}

int an_lex_phrase(const char *s, size_t len, an_lexeme *out, int max)
{
    int n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
        if (i >= len) break;
        size_t start = i;
        if (is_special(s[i])) {
            i++;
        } else {
            while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '_' && s[i] != '=' &&
                   !(s[i] == '~' && i + 1 < len && s[i + 1] == '_') && !is_special(s[i]))
                i++;
        }
        if (i == start) { /* a lone connector character: skip it */
            i++;
            continue;
        }
        if (n >= max) return -1;
        out[n].s = s + start;
        out[n].len = i - start;
        /* The connector after it. */
        an_conn c = AN_CONN_END;
        if (i < len) {
            if (s[i] == '=') {
                c = AN_CONN_EQUALS;
                i++;
            } else if (s[i] == '~' && i + 1 < len && s[i + 1] == '_') {
                c = AN_CONN_TILDE;
                i += 2;
            } else if (s[i] == '_') {
                i++;
                if (i < len && (s[i] == ' ' || s[i] == '\t')) c = AN_CONN_UNDER_BLANK;
                else c = AN_CONN_UNDER;
            } else if (s[i] == ' ' || s[i] == '\t') {
                c = AN_CONN_BLANK;
            } else {
                c = AN_CONN_UNDER; /* a special char glued to a word: "WORD{" */
            }
        }
        /* Nothing but blanks after the connector: it is the last element. */
        size_t j = i;
        while (j < len && (s[j] == ' ' || s[j] == '\t')) j++;
        if (j >= len && c == AN_CONN_BLANK) c = AN_CONN_END;
        if (j >= len && c == AN_CONN_UNDER_BLANK) c = AN_CONN_UNDER;
        out[n].conn = c;
        n++;
    }
    return n;
}

int an_dictfile_open(an_dictfile *f, const char *path, an_error *err)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    int rc = an_linereader_open(&f->lr, path, err);
    if (rc < 0) return rc;
    an_linereader_set_max(f->lr, AN_DICT_MAX_LINE);
    return 0;
}

int an_dictfile_next(an_dictfile *f, an_dict *d, char **line, size_t *len, an_error *err)
{
    for (;;) {
        const char *l;
        size_t n;
        an_error lerr = {0};
        int rc = an_linereader_next(f->lr, &l, &n, &lerr);
        f->line = an_linereader_lineno(f->lr);
        if (rc == AN_ELIMIT) {
            an_dict_problem(d, f->path, f->line,
                            "line is %zu bytes, longer than the limit of %d; skipped", n,
                            AN_DICT_MAX_LINE);
            continue;
        }
        if (rc < 0) {
            if (err) *err = lerr;
            return rc;
        }
        if (rc == 0) return 0;
        if (n && l[n - 1] == '\r') n--;
        if (f->line == 1 && n >= 3 && memcmp(l, "\xEF\xBB\xBF", 3) == 0) {
            l += 3;
            n -= 3;
        }
        if (n + 1 > f->cap) {
            size_t cap = n + 1 < 256 ? 256 : n + 1;
            char *p = realloc(f->buf, cap);
            if (!p) return an_err_oom(err);
            f->buf = p;
            f->cap = cap;
        }
        memcpy(f->buf, l, n);
        f->buf[n] = '\0';
        *line = f->buf;
        *len = n;
        return 1;
    }
}

void an_dictfile_close(an_dictfile *f)
{
    an_linereader_free(f->lr);
    free(f->buf);
    memset(f, 0, sizeof *f);
}

char *an_lex_upper(char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 'a' && s[i] <= 'z') s[i] = (char)(s[i] - 32);
    return s;
}

char *an_lex_trim(char *s, size_t *len)
{
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    *len = n;
    return s;
}

int an_lex_bracket(const char *s, size_t len, const char **inner, size_t *inner_len, size_t *end)
{
    const char *open = memchr(s, '[', len);
    if (!open) return 0;
    const char *close = memchr(open, ']', len - (size_t)(open - s));
    if (!close) return -1;
    *inner = open + 1;
    *inner_len = (size_t)(close - open - 1);
    *end = (size_t)(close - s) + 1;
    return 1;
}

uint32_t an_lex_word(an_dict *d, const char *s, size_t len)
{
    char buf[256];
    size_t n = an_normalize_word(s, len, buf, sizeof buf);
    if (n >= sizeof buf) n = sizeof buf - 1;
    return an_dict_word(d, buf, n);
}

int an_lex_date(const char *s, size_t len, int pivot)
{
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    if (len != 6 && len != 8) return AN_NO_DATE;
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)s[i])) return AN_NO_DATE;
    int y, m, dd;
    if (len == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y < pivot ? 2000 : 1900;
        s += 2;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    dd = (s[2] - '0') * 10 + (s[3] - '0');
    if (!an_date_valid(y, m, dd)) return AN_NO_DATE;
    return an_date_from_ymd(y, m, dd);
}
