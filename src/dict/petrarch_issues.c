/* petrarch_issues.c — PETRARCH issue files (Phoenix.IssueCoding.txt; petrarch-differences.md
 * §1.5), read into an_issue entries:
 *   <ISSUE CATEGORY="..." TYPE="..."> ... </ISSUE>   sections (the tags are only checked)
 *   phrase [CODE]      the phrase codes the issue CODE
 *   n:word             the word and its plural: PETRARCH's (Y -> IES, else +S) and the English
 *                      one when it differs (n:crisis -> CRISIS, CRISISS, CRISES)
 *   v:word             the word and its regular forms as PETRARCH-1 makes them (+S, +ED or +D,
 *                      +ING with a final E dropped) and the English forms (inflect.c's table
 *                      for an irregular verb, else the regular rule) where they differ
 *   a+b                "a b" (PETRARCH also writes "a-b", which annalist's tokenizer reads as the
 *                      same words) and the joined "ab"
 *   ~phrase, ~~phrase  exclusions: found in the sentence (~) or story (~~), they suppress issue
 *                      coding; an_issue.exclude is 1 for '~' and 2 for '~~', code AN_NO_ID
 * Each variant is its own an_issue, its words the tokens annalist's tokenizer makes of it (so
 * "women's", "u.n." and "timor-leste" split as in text), each the very next word after the
 * previous one. A line with no [CODE] is a problem (PETRARCH skips it silently); two entries run
 * together on one line ("x [A]y [A]") are read as two, with a warning. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dict/inflect.h"
#include "dict/lex.h"
#include "dict/petrarch_phrase.h"
#include "text/tokenize.h"
#include "util/error.h"

#define MAX_PARTS 32
#define MAX_VARIANTS 256
#define VAR_BYTES 512

typedef struct part {
    const char *s;
    size_t len;
    char marker;        /* 0, 'n' or 'v' */
    int seg_last;       /* the last part of its blank-separated segment */
} part;

typedef struct ictx {
    an_dict *d;
    const char *path;
    unsigned long line;
    an_src src;
    uint32_t code;
    uint8_t exclude;
    an_tokvec toks;
    an_arena arena;
    char (*seen)[VAR_BYTES]; /* variants of the current line */
    int nseen;
    int overflow;
} ictx;

/* Adds one variant (if not already added for this line). */
static int emit(ictx *c, const char *v, size_t n)
{
    an_dict *d = c->d;
    if (n == 0 || n >= VAR_BYTES) return 0;
    for (int i = 0; i < c->nseen; i++)
        if (strlen(c->seen[i]) == n && memcmp(c->seen[i], v, n) == 0) return 0;
    if (c->nseen >= MAX_VARIANTS) {
        c->overflow = 1;
        return 0;
    }
    memcpy(c->seen[c->nseen], v, n);
    c->seen[c->nseen++][n] = '\0';
    c->toks.n = 0;
    an_arena_reset(&c->arena);
    if (an_tokenize(&c->toks, &c->arena, v, n, 0) < 0) return AN_ENOMEM;
    if (c->toks.n == 0) return 0;
    if (c->toks.n > 0xFFFF) return an_dict_problem(d, c->path, c->line, "issue phrase too long");
    an_issue is;
    memset(&is, 0, sizeof is);
    is.words = (uint32_t)d->rwords.n;
    is.nwords = (uint16_t)c->toks.n;
    is.exclude = c->exclude;
    is.code = c->code;
    is.src = c->src;
    if (AN_VEC_RESERVE(&d->rwords, d->rwords.n + c->toks.n) < 0) return AN_ENOMEM;
    for (size_t i = 0; i < c->toks.n; i++) {
        const char *w = c->toks.v[i].norm;
        an_rword rw;
        rw.word = an_dict_word(d, w, strlen(w));
        if (rw.word == AN_NO_ID) return AN_ENOMEM;
        rw.match = AN_WM_EXACT;
        rw.adjacent = (uint8_t)(i + 1 < c->toks.n);
        d->rwords.v[d->rwords.n++] = rw;
    }
    if (AN_VEC_PUSH(&d->issues, is) < 0) return AN_ENOMEM;
    return 0;
}

/* The forms of one part: itself, or its n:/v: expansions. Returns the count. */
static int part_forms(const part *p, char out[][AN_INFLECT_MAX], int max)
{
    if (p->len == 0 || p->len >= AN_INFLECT_MAX) return 0;
    int n = 0;
    memcpy(out[n], p->s, p->len);
    out[n++][p->len] = '\0';
    if (p->marker == 'n') {
        char tmp[4][AN_INFLECT_MAX];
        if (an_inflect_petrarch_plural(tmp[0], AN_INFLECT_MAX, p->s, p->len, AN_PPLURAL_ISSUE) &&
            n < max)
            memcpy(out[n++], tmp[0], AN_INFLECT_MAX);
        int k = an_inflect_noun_plurals(p->s, p->len, tmp, 4);
        for (int i = 0; i < k && n < max; i++) memcpy(out[n++], tmp[i], AN_INFLECT_MAX);
    } else if (p->marker == 'v') {
        an_verb_forms vf;
        if (an_inflect_verb_petrarch(&vf, p->s, p->len, AN_PETRARCH_1) == 0 && n + 3 <= max) {
            memcpy(out[n++], vf.third, AN_INFLECT_MAX);
            memcpy(out[n++], vf.past, AN_INFLECT_MAX);
            memcpy(out[n++], vf.ing, AN_INFLECT_MAX);
        }
        if (an_inflect_irregular_verb(p->s, p->len)) {
            n += an_inflect_irregular_forms(p->s, p->len, out + n, max - n);
        } else if (an_inflect_verb_regular(&vf, p->s, p->len) == 0 && n + 3 <= max) {
            memcpy(out[n++], vf.third, AN_INFLECT_MAX);
            memcpy(out[n++], vf.past, AN_INFLECT_MAX);
            memcpy(out[n++], vf.ing, AN_INFLECT_MAX);
        }
    }
    /* Distinct, case-insensitively. */
    int m = 0;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < m && !dup; j++) dup = strcasecmp(out[j], out[i]) == 0;
        if (!dup) {
            if (m != i) memcpy(out[m], out[i], AN_INFLECT_MAX);
            m++;
        }
    }
    return m;
}

/* Builds every variant of parts[i..n) after buf[0..len). */
static int expand(ictx *c, const part *parts, int i, int n, char *buf, size_t len)
{
    char forms[AN_INFLECT_FORMS][AN_INFLECT_MAX];
    int nf = part_forms(&parts[i], forms, AN_INFLECT_FORMS);
    for (int f = 0; f < nf; f++) {
        size_t fl = strlen(forms[f]);
        if (len + fl + 2 >= VAR_BYTES) continue;
        memcpy(buf + len, forms[f], fl);
        size_t l2 = len + fl;
        int rc;
        if (i == n - 1) {
            rc = emit(c, buf, l2);
        } else if (parts[i].seg_last) {
            buf[l2] = ' ';
            rc = expand(c, parts, i + 1, n, buf, l2 + 1);
        } else {
            buf[l2] = ' '; /* a+b: "a b" (= "a-b" to the tokenizer) */
            rc = expand(c, parts, i + 1, n, buf, l2 + 1);
            if (rc == 0) rc = expand(c, parts, i + 1, n, buf, l2); /* and "ab" */
        }
        if (rc < 0) return rc;
    }
    return 0;
}

/* Reads one entry's phrase and adds its variants. */
static int entry(ictx *c, const char *s, size_t len)
{
    part parts[MAX_PARTS];
    int n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && isspace((unsigned char)s[i])) i++;
        if (i >= len) break;
        size_t seg_end = i;
        while (seg_end < len && !isspace((unsigned char)s[seg_end])) seg_end++;
        /* The segment's '+'-separated parts. */
        size_t p = i;
        while (p <= seg_end) {
            size_t q = p;
            while (q < seg_end && s[q] != '+') q++;
            if (q > p) {
                if (n >= MAX_PARTS)
                    return an_dict_problem(c->d, c->path, c->line, "issue phrase too long");
                part *pt = &parts[n++];
                pt->s = s + p;
                pt->len = q - p;
                pt->marker = 0;
                pt->seg_last = 0;
                if (pt->len > 2 && pt->s[1] == ':' && (tolower((unsigned char)pt->s[0]) == 'n' ||
                                                       tolower((unsigned char)pt->s[0]) == 'v')) {
                    pt->marker = (char)tolower((unsigned char)pt->s[0]);
                    pt->s += 2;
                    pt->len -= 2;
                }
            }
            p = q + 1;
        }
        if (n) parts[n - 1].seg_last = 1;
        i = seg_end;
    }
    if (n == 0) return an_dict_problem(c->d, c->path, c->line, "empty issue phrase");
    char buf[VAR_BYTES];
    c->nseen = 0;
    c->overflow = 0;
    int rc = expand(c, parts, 0, n, buf, 0);
    if (rc < 0) return rc;
    if (c->overflow)
        return an_dict_problem(c->d, c->path, c->line, "issue phrase expands to more than %d "
                               "variants; the rest are ignored", MAX_VARIANTS);
    return 0;
}

/* A code line "phrase [CODE]" (possibly followed by another entry on the same line). */
static int code_line(ictx *c, const char *s, size_t len)
{
    an_dict *d = c->d;
    int first = 1;
    while (len) {
        size_t open, ilen, end;
        const char *inner;
        int found = an_petrarch_bracket(s, len, &open, &inner, &ilen, &end);
        if (found < 0) return an_dict_problem(d, c->path, c->line, "'[' without ']'");
        if (found == 0) {
            if (first) return an_dict_problem(d, c->path, c->line, "issue phrase \"%.*s\" has no "
                                              "[CODE]", (int)len, s);
            an_dict_warning(d, c->path, c->line, "text \"%.*s\" after the code ignored",
                            (int)len, s);
            return 0;
        }
        size_t plen = open;
        const char *phrase = an_petrarch_trim(s, &plen);
        size_t cl = ilen;
        const char *code = an_petrarch_trim(inner, &cl);
        if (plen == 0) {
            if (first) return an_dict_problem(d, c->path, c->line, "issue code without a phrase");
            an_dict_warning(d, c->path, c->line, "repeated code [%.*s] ignored", (int)cl, code);
        } else {
            if (!first)
                an_dict_warning(d, c->path, c->line, "two issue entries on one line; read as two");
            if (cl == 0) return an_dict_problem(d, c->path, c->line, "empty issue code");
            c->code = an_dict_code(d, code, cl);
            c->exclude = 0;
            if (c->code == AN_NO_ID) return AN_ENOMEM;
            int rc = entry(c, phrase, plen);
            if (rc == AN_ENOMEM) return rc;
        }
        s += end;
        len -= end;
        s = an_petrarch_trim(s, &len);
        first = 0;
    }
    return 0;
}

int an_load_petrarch_issues(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    size_t problems_before = d->problems;
    ictx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.path = path;
    an_arena_init(&c.arena, 16 * 1024);
    c.seen = malloc(MAX_VARIANTS * sizeof *c.seen);
    if (!c.seen) {
        an_dictfile_close(&f);
        return an_err_oom(err);
    }
    an_pcomment cs = {0};
    int in_section = 0;
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        c.line = f.line;
        size_t rawlen = len;
        len = an_petrarch_strip(&cs, line, len, 0);
        const char *s = an_petrarch_trim(line, &len);
        if (len == 0) continue;
        if (s[0] == '<') {
            if (len >= 6 && strncasecmp(s, "<ISSUE", 6) == 0) {
                if (in_section)
                    an_dict_warning(d, path, f.line, "<ISSUE> inside an open <ISSUE> section");
                in_section = 1;
            } else if (len >= 7 && strncasecmp(s, "</ISSUE", 7) == 0) {
                in_section = 0; /* a stray </ISSUE> (Phoenix has one) does no harm */
            } else {
                an_dict_problem(d, path, f.line, "unknown tag %.*s", (int)len, s);
            }
            continue;
        }
        c.src = an_dict_src(d, path, f.line, line, rawlen);
        if (!c.src.text) {
            rc = AN_ENOMEM;
            break;
        }
        int r;
        if (s[0] == '~') {
            c.exclude = 1;
            s++, len--;
            if (len && s[0] == '~') {
                c.exclude = 2;
                s++, len--;
            }
            s = an_petrarch_trim(s, &len);
            c.code = AN_NO_ID;
            r = entry(&c, s, len);
        } else {
            r = code_line(&c, s, len);
        }
        if (r == AN_ENOMEM) {
            rc = r;
            break;
        }
    }
    free(c.seen);
    AN_VEC_FREE(&c.toks);
    an_arena_free(&c.arena);
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
