/* tabari_actors.c — TABARI .actors files (tabari-semantics.md §2.1, §2.4): actors with
 * date-restricted and compound codes, '+' synonyms, multi-line code blocks, <NOUN> and
 * <ADJECTIVE> lists. Also the code-block parser shared with the PETRARCH actor loader. */
#include <ctype.h>
#include <string.h>

#include "dict/actors.h"
#include "dict/lex.h"
#include "util/date.h"
#include "util/error.h"

/* Parses "CODE", "CODE <d", "CODE >d", "CODE d1-d2", "A/B/C ..." into *out.
 * strict_lt: '<' and '>' exclude the date (TABARI, PETRARCH-2) or include it (PETRARCH-1). */
int an_parse_dated_code(an_dict *d, const char *s, size_t len, int strict_lt,
                        an_datedcode *out, const char *file, unsigned long line)
{
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    size_t clen = 0;
    while (clen < len && !isspace((unsigned char)s[clen]) && s[clen] != '<' && s[clen] != '>')
        clen++;
    /* A code made only of digits and '-' is a bare date range: the code is missing. */
    int only_dates = clen > 0, digits = 0;
    for (size_t i = 0; i < clen; i++) {
        if (isdigit((unsigned char)s[i])) digits++;
        else if (s[i] != '-') only_dates = 0;
    }
    only_dates = only_dates && digits > 0;
    if (clen == 0 || only_dates || (clen >= 6 && isdigit((unsigned char)s[0]) && memchr(s, '-', clen)))
        return an_dict_problem(d, file, line, "code block [%.*s] has no actor code", (int)len, s);
    out->from = AN_DAY_MIN;
    out->to = AN_DAY_MAX;
    /* The code list: A/B/C. */
    out->codes = (uint32_t)d->codelist.n;
    out->ncodes = 0;
    size_t i = 0;
    while (i < clen) {
        size_t j = i;
        while (j < clen && s[j] != '/') j++;
        if (j == i) return an_dict_problem(d, file, line, "empty code in [%.*s]", (int)len, s);
        uint32_t id = an_dict_code(d, s + i, j - i);
        if (id == AN_NO_ID || AN_VEC_PUSH(&d->codelist, id) < 0) return AN_ENOMEM;
        out->ncodes++;
        i = j + 1;
    }
    const char *r = s + clen;
    size_t rl = len - clen;
    while (rl && isspace((unsigned char)*r)) r++, rl--;
    if (rl == 0) return 0;
    /* Compact the restriction: drop blanks ("950601 - 990815", "< 950601"). */
    char buf[64];
    size_t n = 0;
    for (size_t k = 0; k < rl && n + 1 < sizeof buf; k++)
        if (!isspace((unsigned char)r[k])) buf[n++] = r[k];
    buf[n] = '\0';
    if (buf[0] == '<' || buf[0] == '>') {
        int day = an_lex_date(buf + 1, n - 1, 30);
        if (day == AN_NO_DATE)
            return an_dict_problem(d, file, line, "bad date \"%s\" in [%.*s], expected yymmdd or "
                                   "yyyymmdd", buf + 1, (int)len, s);
        if (buf[0] == '<') out->to = strict_lt ? day - 1 : day;
        else out->from = strict_lt ? day + 1 : day;
        return 0;
    }
    char *dash = strchr(buf, '-');
    if (!dash)
        return an_dict_problem(d, file, line, "bad date restriction \"%s\" in [%.*s]: expected "
                               "<date, >date or date-date", buf, (int)len, s);
    int a = an_lex_date(buf, (size_t)(dash - buf), 30);
    int b = an_lex_date(dash + 1, strlen(dash + 1), 30);
    if (a == AN_NO_DATE || b == AN_NO_DATE)
        return an_dict_problem(d, file, line, "bad date range \"%s\" in [%.*s], expected "
                               "yymmdd-yymmdd", buf, (int)len, s);
    if (a > b)
        return an_dict_problem(d, file, line, "date range \"%s\" ends before it starts", buf);
    out->from = a;
    out->to = b;
    return 0;
}

int an_actor_builder_add_codes(an_dict *d, an_actor_builder *b, const char *s, size_t len,
                               int strict_lt, const char *file, unsigned long line)
{
    size_t pos = 0;
    while (pos < len) {
        const char *inner;
        size_t ilen, end;
        int found = an_lex_bracket(s + pos, len - pos, &inner, &ilen, &end);
        if (found == 0) break;
        if (found < 0) return an_dict_problem(d, file, line, "'[' without ']'");
        if (b->n >= AN_ACTOR_MAX_CODES)
            return an_dict_problem(d, file, line, "more than %d codes for one actor",
                                   AN_ACTOR_MAX_CODES);
        an_datedcode dc;
        int rc = an_parse_dated_code(d, inner, ilen, strict_lt, &dc, file, line);
        if (rc < 0) return rc;
        b->codes[b->n++] = dc;
        pos += end;
    }
    return 0;
}

int an_actor_builder_commit(an_dict *d, an_actor_builder *b, an_dialect dialect)
{
    if (!b->active) return 0;
    b->active = 0;
    an_actor *a = &d->actors.v[b->actor];
    size_t dated = 0, undated = 0;
    for (int i = 0; i < b->n; i++) {
        if (b->codes[i].from == AN_DAY_MIN && b->codes[i].to == AN_DAY_MAX) undated++;
        else dated++;
    }
    if (b->n == 0) {
        an_dict_problem(d, b->file, b->line, "actor has no code");
    }
    a->dated = (uint32_t)d->datedcodes.n;
    if (dialect == AN_DIALECT_PETRARCH1) {
        /* PETRARCH-1: dated codes first in written order, the undated one is the fallback
         * wherever it was written; with no fallback the actor codes as "---". */
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < b->n; i++) {
                int is_undated = b->codes[i].from == AN_DAY_MIN && b->codes[i].to == AN_DAY_MAX;
                if (is_undated != pass) continue;
                if (AN_VEC_PUSH(&d->datedcodes, b->codes[i]) < 0) return AN_ENOMEM;
            }
        if (undated == 0 && dated > 0) {
            an_datedcode null = {(uint32_t)d->codelist.n, 1, AN_DAY_MIN, AN_DAY_MAX};
            if (AN_VEC_PUSH(&d->codelist, d->code_null) < 0 ||
                AN_VEC_PUSH(&d->datedcodes, null) < 0)
                return AN_ENOMEM;
        }
    } else {
        /* TABARI (and PETRARCH-2): written order, first that holds; a single dated block gets
         * an implicit [---] default; several dated blocks and no default: no code. */
        for (int i = 0; i < b->n; i++)
            if (AN_VEC_PUSH(&d->datedcodes, b->codes[i]) < 0) return AN_ENOMEM;
        if (dialect == AN_DIALECT_TABARI && dated == 1 && undated == 0) {
            an_datedcode null = {(uint32_t)d->codelist.n, 1, AN_DAY_MIN, AN_DAY_MAX};
            if (AN_VEC_PUSH(&d->codelist, d->code_null) < 0 ||
                AN_VEC_PUSH(&d->datedcodes, null) < 0)
                return AN_ENOMEM;
        }
    }
    a->ndated = (uint16_t)(d->datedcodes.n - a->dated);
    return 0;
}

int an_actor_builder_begin(an_dict *d, an_actor_builder *b, uint8_t flags, const char *file,
                           unsigned long line)
{
    an_actor a = {0, 0, flags, 0};
    if (AN_VEC_PUSH(&d->actors, a) < 0) return AN_ENOMEM;
    b->actor = (uint32_t)d->actors.n - 1;
    b->n = 0;
    b->active = 1;
    b->file = file;
    b->line = line;
    return 0;
}

/* Adds a TABARI phrase as a root of the given kind; duplicates are warned about and skipped. */
static int add_tabari_root(an_dict *d, char *phrase, size_t len, an_rootkind kind,
                           uint32_t entry, uint8_t flags, const char *file, unsigned long line,
                           const char *entry_text, size_t entry_len)
{
    an_lex_upper(phrase, len);
    /* Every '-' except the line's first character is '_' (BARAD-DUR = BARAD_DUR). */
    for (size_t i = 1; i < len; i++)
        if (phrase[i] == '-') phrase[i] = '_';
    phrase = an_lex_trim(phrase, &len);
    if (len < 2) return an_dict_problem(d, file, line, "phrase \"%.*s\" is shorter than 2 characters",
                                        (int)len, phrase);
    char group = kind == AN_ROOT_AGENT ? 'G' : kind == AN_ROOT_VERB ? 'V' : kind == AN_ROOT_TIME ? 'T' : 'N';
    int fresh = an_dict_phrase_new(d, group, phrase, len);
    if (fresh < 0) return AN_ENOMEM;
    if (!fresh) {
        an_dict_warning(d, file, line, "duplicate phrase \"%.*s\" ignored (the first entry wins)",
                        (int)len, phrase);
        return 0;
    }
    an_lexeme lx[AN_LEX_MAX];
    int n = an_lex_phrase(phrase, len, lx, AN_LEX_MAX);
    if (n <= 0) return an_dict_problem(d, file, line, "empty or over-long phrase");
    an_rword w[AN_LEX_MAX];
    if (an_tabari_root_words(d, lx, n, kind == AN_ROOT_VERB, w) < 0)
        return an_dict_problem(d, file, line, "phrase \"%.*s\" holds a pattern symbol",
                               (int)len, phrase);
    an_src src = an_dict_src(d, file, line, entry_text, entry_len);
    if (an_dict_add_root(d, kind, entry, w, (size_t)n, flags, src) < 0) return AN_ENOMEM;
    return 1;
}

int an_tabari_add_root(an_dict *d, char *phrase, size_t len, an_rootkind kind, uint32_t entry,
                       uint8_t flags, const char *file, unsigned long line,
                       const char *entry_text, size_t entry_len)
{
    return add_tabari_root(d, phrase, len, kind, entry, flags, file, line, entry_text, entry_len);
}

/* Strips a trailing ';' comment. */
static size_t cut_comment(const char *s, size_t len)
{
    const char *semi = memchr(s, ';', len);
    return semi ? (size_t)(semi - s) : len;
}

int an_load_tabari_actors(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    if (d->actor_dialect == AN_DIALECT_NONE) d->actor_dialect = AN_DIALECT_TABARI;
    size_t problems_before = d->problems;
    an_actor_builder b = {0};
    int section = 0; /* 0 actors, 1 nouns, 2 adjectives */
    int head_has_code = 0;
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        if (len && line[0] == '~') break;
        if (len && (line[0] == '/' || line[0] == '#')) continue;
        size_t full_len = len;
        len = cut_comment(line, len);
        char *s = an_lex_trim(line, &len);
        if (len == 0) continue;
        if (s[0] == '<') {
            an_lex_upper(s, len);
            if (strncmp(s, "<NOUN", 5) == 0) section = 1;
            else if (strncmp(s, "<ADJ", 4) == 0) section = 2;
            else if (strncmp(s, "</NOUN", 6) == 0 || strncmp(s, "</ADJ", 5) == 0) section = 0;
            else an_dict_problem(d, path, f.line, "unknown section tag %.*s", (int)len, s);
            continue;
        }
        if (section) {
            rc = add_tabari_root(d, s, len, section == 1 ? AN_ROOT_NOUN : AN_ROOT_ADJ, 0, 0,
                                 path, f.line, line, full_len);
            if (rc == AN_ENOMEM) break;
            continue;
        }
        if (s[0] == '[') {
            /* Code lines of a multi-line entry. */
            if (!b.active) {
                an_dict_problem(d, path, f.line, "code line without an actor before it");
                continue;
            }
            if (head_has_code) {
                an_dict_problem(d, path, f.line, "actor already has a code on its head line; "
                                "a code line cannot follow");
                continue;
            }
            an_actor_builder_add_codes(d, &b, s, len, 1, path, f.line);
            continue;
        }
        if (s[0] == '+') {
            if (!b.active) {
                an_dict_problem(d, path, f.line, "synonym without an actor before it");
                continue;
            }
            size_t plen = len - 1;
            const char *br = memchr(s + 1, '[', plen);
            if (br) plen = (size_t)(br - (s + 1)); /* codes on '+' lines are ignored */
            rc = add_tabari_root(d, s + 1, plen, AN_ROOT_ACTOR, b.actor, 0, path, f.line, line,
                                 full_len);
            if (rc == AN_ENOMEM) break;
            continue;
        }
        /* A new head line. */
        if ((rc = an_actor_builder_commit(d, &b, AN_DIALECT_TABARI)) < 0) break;
        if ((rc = an_actor_builder_begin(d, &b, 0, path, f.line)) < 0) break;
        const char *br = memchr(s, '[', len);
        size_t plen = br ? (size_t)(br - s) : len;
        head_has_code = br != NULL;
        if (br) an_actor_builder_add_codes(d, &b, br, len - plen, 1, path, f.line);
        rc = add_tabari_root(d, s, plen, AN_ROOT_ACTOR, b.actor, 0, path, f.line, line, full_len);
        if (rc == AN_ENOMEM) break;
        if (rc > 0) d->actors.v[b.actor].head = (uint32_t)d->roots.n - 1;
    }
    if (rc >= 0) rc = an_actor_builder_commit(d, &b, AN_DIALECT_TABARI);
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0 && rc != AN_EBADINPUT) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
