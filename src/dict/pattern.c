/* pattern.c — compiles verb patterns and synset members into elements (an_pelem), for the
 * TABARI and PETRARCH-1 dialects: words with their connectors, $ + % ^ @, &SYNSET, and (TABARI
 * only) { a | b } alternatives; computes TABARI's pattern length. Also the TABARI rules for
 * root phrases (an_tabari_root_words). See tabari-semantics.md §2.2, §2.6, §2.7. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "dict/lex.h"

int64_t an_dict_synset(an_dict *d, uint32_t name, int create)
{
    for (size_t i = 0; i < d->synsets.n; i++)
        if (d->synsets.v[i].name == name) return (int64_t)i;
    if (!create) return -1;
    an_synset s = {name, 0, 0, 0, 0};
    if (AN_VEC_PUSH(&d->synsets, s) < 0) return -1;
    return (int64_t)d->synsets.n - 1;
}

/* TABARI: a pattern word may be a stem when followed by a blank, by "~_", or by nothing. */
static int tabari_stem(an_conn c)
{
    return c == AN_CONN_BLANK || c == AN_CONN_TILDE || c == AN_CONN_END;
}

static int conn_adjacent(an_conn c)
{
    return c == AN_CONN_UNDER || c == AN_CONN_TILDE || c == AN_CONN_EQUALS;
}

int an_tabari_root_words(an_dict *d, const an_lexeme *lx, int n, int verb, an_rword *out)
{
    for (int i = 0; i < n; i++) {
        const an_lexeme *l = &lx[i];
        if (l->len == 0 || strchr("*$+%^@{|}", l->s[0])) return -1;
        an_rword w;
        w.word = an_lex_word(d, l->s, l->len);
        if (w.word == AN_NO_ID) return -1;
        int last = i == n - 1;
        if (!last) {
            /* Multi-word roots read "_ " and "~_" the other way round (§2.2 quirk). */
            switch (l->conn) {
            case AN_CONN_UNDER: w.match = AN_WM_EXACT; w.adjacent = 1; break;
            case AN_CONN_UNDER_BLANK: w.match = AN_WM_STEM; w.adjacent = 1; break;
            case AN_CONN_TILDE: w.match = AN_WM_EXACT; w.adjacent = 0; break;
            case AN_CONN_EQUALS: w.match = AN_WM_EXACT; w.adjacent = 1; break;
            default: w.match = AN_WM_STEM; w.adjacent = 0; break;
            }
        } else {
            w.adjacent = 0;
            if (l->conn == AN_CONN_UNDER || l->conn == AN_CONN_UNDER_BLANK)
                w.match = verb ? AN_WM_VERB : AN_WM_NOUN;
            else if (l->conn == AN_CONN_EQUALS) w.match = AN_WM_EXACT;
            else w.match = AN_WM_STEM;
        }
        out[i] = w;
    }
    return n;
}

/* Copies text, upper-cases it, turns '-' into '_' (TABARI) and pads { | } with blanks
 * except where '_' touches them ("_{", "}_"). */
static size_t prepare(const char *text, size_t len, an_dialect dialect, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 3 < cap; i++) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = (char)(c - 32);
        if (c == '-' && dialect == AN_DIALECT_TABARI) c = '_';
        if (c == '{' || c == '|' || c == '}') {
            int under_before = o > 0 && out[o - 1] == '_';
            int under_after = i + 1 < len && text[i + 1] == '_';
            if (!(c == '{' && under_before)) out[o++] = ' ';
            out[o++] = c;
            if (!(c == '}' && under_after)) out[o++] = ' ';
            continue;
        }
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

static int word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '\'';
}

/* TABARI pattern length: letters, digits, '_' and '\'' outside braces, plus the longest
 * alternative of each {...}. A synset designator (&NAME) counts nothing: with its letters
 * counted, "* &CURRENCY" would be tried before "* DOLLAR", but TABARI codes
 * "contribute a million dollars" with the DOLLAR pattern (SYNSET-07) and every other
 * ordering in the suite agrees with counting nothing. */
static void pattern_length(const char *s, size_t len, uint16_t *total, uint16_t *fixed,
                           uint16_t *alt)
{
    unsigned outside = 0, alts = 0;
    size_t i = 0;
    while (i < len) {
        if (s[i] == '{') {
            unsigned best = 0, cur = 0;
            i++;
            while (i < len && s[i] != '}') {
                if (s[i] == '&') {
                    while (i < len && s[i] != ' ' && s[i] != '_' && s[i] != '}' && s[i] != '|') i++;
                    continue;
                }
                if (s[i] == '|') {
                    if (cur > best) best = cur;
                    cur = 0;
                } else if (word_char(s[i])) {
                    cur++;
                }
                i++;
            }
            if (cur > best) best = cur;
            alts += best;
            i++;
            continue;
        }
        if (s[i] == '&') { /* skip the synset name */
            while (i < len && s[i] != ' ' && s[i] != '_' && s[i] != '}' && s[i] != '|') i++;
            continue;
        }
        if (word_char(s[i])) outside++;
        i++;
    }
    *fixed = (uint16_t)outside;
    *alt = (uint16_t)alts;
    *total = (uint16_t)(outside + alts);
}

typedef struct ctx {
    an_dict *d;
    an_dialect dialect;
    const char *file;
    unsigned long line;
    int has_alts;
    int member;          /* compiling a synset member */
} ctx;

static int elem_from_lexeme(ctx *c, const an_lexeme *l, an_pelem *e)
{
    memset(e, 0, sizeof *e);
    e->adjacent = (uint8_t)conn_adjacent(l->conn);
    switch (l->s[0]) {
    case '$': e->kind = AN_PE_SOURCE; return 0;
    case '+': e->kind = AN_PE_TARGET; return 0;
    case '%': e->kind = AN_PE_COMPOUND; return 0;
    case '^': e->kind = AN_PE_SKIP; return 0;
    case '@': e->kind = AN_PE_ATTRIB; return 0;
    case '&': {
        uint32_t name = an_lex_word(c->d, l->s, l->len);
        int64_t syn = an_dict_synset(c->d, name, 0);
        if (syn < 0 || !c->d->synsets.v[syn].defined) {
            an_dict_problem(c->d, c->file, c->line, "synset %.*s is used before it is defined",
                            (int)l->len, l->s);
            return -1;
        }
        if (c->member && c->d->synsets.v[syn].defined == 2) {
            /* The synset being defined (synsets.c): a member holding it would match forever. */
            an_dict_problem(c->d, c->file, c->line, "synset %.*s cannot be a member of itself",
                            (int)l->len, l->s);
            return -1;
        }
        e->kind = AN_PE_SYNSET;
        e->id = (uint32_t)syn;
        return 0;
    }
    }
    e->kind = AN_PE_WORD;
    e->id = an_lex_word(c->d, l->s, l->len);
    e->match = (uint8_t)(c->dialect == AN_DIALECT_TABARI && tabari_stem(l->conn) ? AN_WM_STEM
                                                                                 : AN_WM_EXACT);
    return e->id == AN_NO_ID ? -1 : 0;
}

/* Appends the elements of lexemes [from, to) to d->pelems; handles { | } groups. */
static int build_elems(ctx *c, const an_lexeme *lx, int from, int to, uint32_t *first,
                       uint16_t *count)
{
    an_dict *d = c->d;
    /* Alternatives are compiled into their own runs first, so the sequence stays contiguous. */
    an_pelem tmp[AN_LEX_MAX];
    int n = 0;
    for (int i = from; i < to; i++) {
        const an_lexeme *l = &lx[i];
        if (l->s[0] == '{') {
            if (c->dialect != AN_DIALECT_TABARI) {
                an_dict_problem(d, c->file, c->line,
                                "{ | } alternatives are not part of this dictionary format");
                return -1;
            }
            int close = i + 1;
            while (close < to && lx[close].s[0] != '}') {
                if (lx[close].s[0] == '{') {
                    an_dict_problem(d, c->file, c->line, "nested { } in a pattern");
                    return -1;
                }
                close++;
            }
            if (close >= to) {
                an_dict_problem(d, c->file, c->line, "'{' without '}' in a pattern");
                return -1;
            }
            an_altgroup g = {(uint32_t)d->alts.n, 0};
            int start = i + 1;
            for (int k = i + 1; k <= close; k++) {
                if (k < close && lx[k].s[0] != '|') continue;
                if (k == start) {
                    an_dict_problem(d, c->file, c->line, "empty alternative in { }");
                    return -1;
                }
                an_seq alt = {0, 0, 0, 0};
                if (build_elems(c, lx, start, k, &alt.elems, &alt.n) < 0) return -1;
                if (AN_VEC_PUSH(&d->alts, alt) < 0) return -1;
                g.nalts++;
                start = k + 1;
            }
            if (AN_VEC_PUSH(&d->altgroups, g) < 0) return -1;
            memset(&tmp[n], 0, sizeof tmp[n]);
            tmp[n].kind = AN_PE_ALT;
            tmp[n].id = (uint32_t)d->altgroups.n - 1;
            tmp[n].adjacent = (uint8_t)conn_adjacent(lx[close].conn);
            n++;
            c->has_alts = 1;
            i = close;
            continue;
        }
        if (l->s[0] == '|' || l->s[0] == '}' || l->s[0] == '*') {
            an_dict_problem(d, c->file, c->line, "unexpected '%c' in a pattern", l->s[0]);
            return -1;
        }
        if (elem_from_lexeme(c, l, &tmp[n]) < 0) return -1;
        n++;
    }
    *first = (uint32_t)d->pelems.n;
    *count = (uint16_t)n;
    if (AN_VEC_RESERVE(&d->pelems, d->pelems.n + (size_t)n) < 0) return -1;
    memcpy(d->pelems.v + d->pelems.n, tmp, (size_t)n * sizeof *tmp);
    d->pelems.n += (size_t)n;
    return 0;
}

int an_compile_pattern(an_dict *d, const char *text, size_t len, an_dialect dialect,
                       an_pattern *out, const char *file, unsigned long line)
{
    char buf[AN_PATTERN_MAX_BYTES * 3 + 4]; /* prepare() may triple the text */
    if (len > AN_PATTERN_MAX_BYTES)
        return an_dict_problem(d, file, line, "pattern is %zu bytes, longer than the limit of %d",
                               len, AN_PATTERN_MAX_BYTES), -1;
    size_t n = prepare(text, len, dialect, buf, sizeof buf);
    an_lexeme lx[AN_LEX_MAX];
    int nl = an_lex_phrase(buf, n, lx, AN_LEX_MAX);
    if (nl < 0)
        return an_dict_problem(d, file, line, "pattern has more than %d words", AN_LEX_MAX), -1;
    int star = -1;
    for (int i = 0; i < nl; i++) {
        if (lx[i].s[0] == '*' && lx[i].len == 1) {
            if (star >= 0) return an_dict_problem(d, file, line, "pattern has two '*'"), -1;
            star = i;
        }
    }
    if (star < 0) return an_dict_problem(d, file, line, "pattern has no '*' (the verb)"), -1;
    memset(out, 0, sizeof *out);
    ctx c = {d, dialect, file, line, 0, 0};
    if (build_elems(&c, lx, 0, star, &out->lower, &out->nlower) < 0) return -1;
    if (build_elems(&c, lx, star + 1, nl, &out->upper, &out->nupper) < 0) return -1;
    out->lower_adjacent = star > 0 && conn_adjacent(lx[star - 1].conn);
    out->upper_adjacent = (uint8_t)conn_adjacent(lx[star].conn);
    out->has_alts = (uint8_t)c.has_alts;
    pattern_length(buf, n, &out->length, &out->fixed_length, &out->alt_length);
    return 0;
}

int an_compile_seq(an_dict *d, const char *text, size_t len, an_dialect dialect, an_seq *out,
                   const char *file, unsigned long line)
{
    char buf[AN_PATTERN_MAX_BYTES * 3 + 4];
    if (len > AN_PATTERN_MAX_BYTES)
        return an_dict_problem(d, file, line,
                               "synset member is %zu bytes, longer than the limit of %d", len,
                               AN_PATTERN_MAX_BYTES), -1;
    size_t n = prepare(text, len, dialect, buf, sizeof buf);
    an_lexeme lx[AN_LEX_MAX];
    int nl = an_lex_phrase(buf, n, lx, AN_LEX_MAX);
    if (nl < 0)
        return an_dict_problem(d, file, line, "synset member has more than %d words",
                               AN_LEX_MAX), -1;
    if (nl == 0) return an_dict_problem(d, file, line, "empty synset member"), -1;
    ctx c = {d, dialect, file, line, 0, 1};
    for (int i = 0; i < nl; i++) {
        if (lx[i].s[0] == '{' || lx[i].s[0] == '*') {
            an_dict_problem(d, file, line, "a synset member cannot hold '%c'", lx[i].s[0]);
            return -1;
        }
    }
    if (build_elems(&c, lx, 0, nl, &out->elems, &out->n) < 0) return -1;
    out->chars = 0;
    for (size_t i = 0; i < n; i++)
        if (isalnum((unsigned char)buf[i]) || buf[i] == '\'') out->chars++;
    /* A member's last word is a stem unless it ends in '_' (TABARI). */
    an_pelem *last = &d->pelems.v[out->elems + out->n - 1];
    if (last->kind == AN_PE_WORD && dialect == AN_DIALECT_TABARI)
        last->match = lx[nl - 1].conn != AN_CONN_UNDER && lx[nl - 1].conn != AN_CONN_EQUALS
                          ? AN_WM_STEM : AN_WM_EXACT;
    return 0;
}
