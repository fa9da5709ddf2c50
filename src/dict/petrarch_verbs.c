/* petrarch_verbs.c — PETRARCH verb dictionaries, both formats (petrarch-differences.md §1.2,
 * §1.3; docs/dictionaries.md):
 *   PETRARCH-1 (PETR.Validate.verbs.txt): synsets, "--- NAME [CODE] ---" blocks, verb lines
 *     with their own [CODE] and {FORMS}, multi-word verbs with '+', and word patterns
 *     "- BEFORE * AFTER [CODE]" compiled by an_compile_pattern (pattern.c).
 *   PETRARCH-2 (CAMEO.2.0.txt, recognised by its "####### VERB PATTERNS" header line): the same
 *     blocks and verb lines; syntactic patterns (head nouns, {noun phrases}, (prepositional
 *     phrases)) compiled here into word patterns; [A:B] = active:passive; "~" transformation
 *     lines at the end, which annalist counts and does not apply (one summary warning).
 * One an_vblock per block owns the block's patterns (kept in file order: non-TABARI dialects
 * try them in file order); each verb line is an an_verb pointing at its block.
 *
 * Forms of a verb line:
 *   VERB {F1 F2 ...}   the verb and the listed forms only (annalist always keeps the bare verb;
 *                      PETRARCH-1 at 9e368cc dropped it for a braced verb that is not the
 *                      first of its block)
 *   VERB               the verb, the forms the dialect's PETRARCH reader generates (PETRARCH-1:
 *                      +S, +ED or +D after E, +ING with a final E dropped; PETRARCH-2: see
 *                      inflect.h), and the English forms: those of inflect.c's table for an
 *                      irregular verb (GO: GOES WENT GONE GOING), else the regular rule's
 *                      where they differ (TRY: TRIES TRIED; TAP: TAPPED TAPPING) - PETRARCH's
 *                      own forms stay, so a PETRARCH dictionary codes at least what it did
 *   +CORDON_OFF, WIRE_+TAP   multi-word verbs: '+' marks the word that inflects (first or last
 *                      word); every word must follow the previous one directly in the text
 * Generated forms are added after every form written in the file, so a written form wins (the
 * test dictionary's "MET [031:032]" block over MEET's generated MET). A multi-word verb written
 * without '+' ("LASH OUT") is read with its first word as the verb, with a warning; a
 * hyphenated verb ("RE-ELECT", one word to PETRARCH, two to annalist's tokenizer) inflects its
 * last part (RE-ELECTED).
 *
 * Synsets: "&NAME" then "+member" lines directly after it. PETRARCH-1: a member's words must be
 * consecutive ('_' or blank alike); a member may name an earlier synset. Both formats add the
 * member's plural (Y -> IES, a final S replaced by ES, else +S, as PETRARCH does) as another
 * member, unless the member or the synset name ends in '_' ("&PREPOSIT1_", referred to as
 * "&PREPOSIT1"); PETRARCH-2 makes no plural for a multi-word member, which becomes a noun
 * phrase.
 *
 * PETRARCH-1 patterns: a pattern holding '{' is skipped with a warning (PETRARCH-1 does not read
 * { | } alternatives); a '-' inside a pattern is '_' (hyphenated words are split by the
 * tokenizer); a trailing '_' changes nothing. An undefined synset drops the pattern (problem).
 *
 * PETRARCH-2 patterns become word patterns, since annalist codes from text:
 *   WORD            a head noun: AN_PE_WORD with AN_WM_NOUN (its plural matches too)
 *   {A B C}         AN_PE_NP (n = elements it groups), then A and B (AN_WM_EXACT) and the head
 *                   C (AN_WM_NOUN), each adjacent to the next
 *   (P X ...)       AN_PE_PP, then the preposition P (exact), then its objects as above
 *   A/B/C           AN_PE_ALT: one of the words (PETRARCH-2 would look the slashed string up as
 *                   one word, which never matches; the intent is alternatives)
 *   $ + % ^ &NAME   source, target, compound, skip, synset (a synset name may hold '_')
 *   A_B, *_X, X_*   '_' (or '-') between two elements: the second is the very next word
 * Elements are otherwise separated by any number of words. Not done here: matching them. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dict/inflect.h"
#include "dict/lex.h"
#include "dict/petrarch_phrase.h"
#include "dict/synsets.h"
#include "util/error.h"

#define MAX_FORMS 32

typedef struct vstate {
    an_dict *d;
    const char *path;
    unsigned long line;
    an_dialect dialect;
    int64_t block;          /* current block, -1 before the first */
    an_synset_builder sb;   /* the open synset (members follow its &NAME line) */
    an_pdefer defer;        /* generated verb forms */
    size_t transforms;      /* PETRARCH-2 '~' lines */
    unsigned long first_transform;
    struct p2ctx *p2;       /* PETRARCH-2 pattern scratch, allocated once per file */
} vstate;

/* ------------------------------------------------------------------ small helpers */

/* memchr with a const result. */
static const char *find_char(const char *s, size_t len, char c)
{
    return memchr(s, c, len);
}

/* ------------------------------------------------------------------ blocks */

/* "--- NAME [CODE] ---": starts a block; no code means "---" (the bare verb codes nothing). */
static int block_line(vstate *st, const char *s, size_t len, an_src src)
{
    an_dict *d = st->d;
    size_t p = 0;
    while (p < len && s[p] == '-') p++;
    size_t open, ilen, end;
    const char *inner;
    int found = an_petrarch_bracket(s, len, &open, &inner, &ilen, &end);
    if (found < 0) return an_dict_problem(d, st->path, st->line, "'[' without ']' in block line");
    size_t name_end = found ? open : len;
    while (name_end > p && s[name_end - 1] == '-') name_end--;
    size_t nlen = name_end - p;
    const char *name = an_petrarch_trim(s + p, &nlen);
    an_ecode code;
    if (found) {
        if (an_petrarch_ecode(d, inner, ilen, st->dialect == AN_DIALECT_PETRARCH2, &code) < 0) {
            an_dict_problem(d, st->path, st->line, "bad block code [%.*s]; the block codes "
                            "nothing", (int)ilen, inner);
            an_petrarch_ecode(d, "---", 3, 0, &code);
        }
        size_t o2, l2, e2;
        const char *i2;
        if (an_petrarch_bracket(s + end, len - end, &o2, &i2, &l2, &e2) > 0)
            an_dict_warning(d, st->path, st->line, "second code [%.*s] on a block line ignored "
                            "(the first one is the block's code)", (int)l2, i2);
    } else {
        an_petrarch_ecode(d, "---", 3, 0, &code);
    }
    an_pword w[AN_LEX_MAX];
    int nw = an_petrarch_split(name, nlen, w, AN_LEX_MAX);
    an_vblock b;
    memset(&b, 0, sizeof b);
    b.patterns = (uint32_t)d->patterns.n;
    b.code = code;
    b.name = nw > 0 ? an_lex_word(d, w[0].s, w[0].len) : AN_NO_ID;
    b.src = src;
    if (AN_VEC_PUSH(&d->blocks, b) < 0) return AN_ENOMEM;
    st->block = (int64_t)d->blocks.n - 1;
    return 0;
}

/* Appends a compiled pattern to the current block (a block's patterns are contiguous). */
static int push_pattern(vstate *st, an_pattern *p)
{
    an_dict *d = st->d;
    an_vblock *b = &d->blocks.v[st->block];
    if (b->npatterns && b->patterns + b->npatterns != d->patterns.n)
        return an_dict_problem(d, st->path, st->line, "pattern separated from its block");
    if (b->npatterns == 0) b->patterns = (uint32_t)d->patterns.n;
    if (AN_VEC_PUSH(&d->patterns, *p) < 0) return AN_ENOMEM;
    b->npatterns++;
    return 0;
}

/* ------------------------------------------------------------------ verb lines */

/* Adds the phrase words w[0..n) with word h replaced by form (NULL: as written). */
static int add_form(vstate *st, uint32_t verb, const an_pword *w, int n, int h, const char *form,
                    int generated, an_src src)
{
    char buf[1024];
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        const char *ws = w[i].s;
        size_t wl = w[i].len;
        if (i == h && form) {
            ws = form;
            wl = strlen(form);
        }
        if (o + wl + 3 > sizeof buf) return an_dict_problem(st->d, st->path, st->line,
                                                            "verb phrase too long");
        if (i) buf[o++] = '_';
        if (i == h && n > 1) buf[o++] = '+';
        memcpy(buf + o, ws, wl);
        o += wl;
    }
    uint8_t flags = (uint8_t)(n > 1 && h == n - 1 ? AN_RF_VERB_HEAD_LAST : 0);
    if (generated)
        return an_pdefer_add(&st->defer, 'V', AN_ROOT_VERB, verb, buf, o, flags, AN_WM_EXACT, 1,
                             src);
    an_pword ww[AN_LEX_MAX];
    int nn = an_petrarch_split(buf, o, ww, AN_LEX_MAX);
    int rc = an_petrarch_add_words(st->d, 'V', AN_ROOT_VERB, verb, ww, nn, flags, AN_WM_EXACT, 1,
                                   src, 1, NULL);
    return rc < 0 ? rc : 0;
}

/* The inflected word of a multi-word verb: the '+' word (first or last), else the first
 * word with a warning. Returns -1 after a problem. */
static int head_word(vstate *st, const an_pword *w, int n, const char *text, size_t tlen,
                     int warn)
{
    if (n == 1) return 0;
    int h = -1, plus = 0;
    for (int i = 0; i < n; i++)
        if (w[i].plus) {
            plus++;
            h = i;
        }
    if (plus == 0) {
        /* A hyphenated verb ("RE-ELECT") is one word to PETRARCH; its last part inflects. */
        int hyphenated = 1;
        for (int i = 0; i < n - 1; i++)
            if (!w[i].hyphen) hyphenated = 0;
        if (hyphenated) return n - 1;
        if (warn)
            an_dict_warning(st->d, st->path, st->line, "multi-word verb \"%.*s\" has no '+'; "
                            "its first word is taken as the verb", (int)tlen, text);
        return 0;
    }
    if (plus > 1 || (h != 0 && h != n - 1)) {
        an_dict_problem(st->d, st->path, st->line, "in \"%.*s\" '+' must mark the first or the "
                        "last word, once", (int)tlen, text);
        return -1;
    }
    return h;
}

/* A verb line: "VERB", "VERB [CODE]", "VERB {FORMS}", multi-word verbs with '+'. */
static int verb_line(vstate *st, const char *s, size_t len, an_src src)
{
    an_dict *d = st->d;
    if (st->block < 0)
        return an_dict_problem(d, st->path, st->line, "verb before the first \"--- NAME ---\" "
                               "block line");
    an_vblock *blk = &d->blocks.v[st->block];
    const char *brace = find_char(s, len, '{');
    size_t open, ilen, end;
    const char *inner;
    int found = an_petrarch_bracket(s, len, &open, &inner, &ilen, &end);
    if (found < 0) return an_dict_problem(d, st->path, st->line, "'[' without ']'");
    size_t plen = len;
    if (brace) plen = (size_t)(brace - s);
    if (found && open < plen) plen = open;
    const char *forms = NULL;
    size_t flen = 0;
    if (brace) {
        const char *close = find_char(brace, len - (size_t)(brace - s), '}');
        if (!close) return an_dict_problem(d, st->path, st->line, "'{' without '}'");
        forms = brace + 1;
        flen = (size_t)(close - brace - 1);
    }
    an_verb v;
    memset(&v, 0, sizeof v);
    v.block = (uint32_t)st->block;
    v.code = blk->code;
    v.src = src;
    if (found) {
        if (an_petrarch_ecode(d, inner, ilen, st->dialect == AN_DIALECT_PETRARCH2, &v.code) < 0)
            return an_dict_problem(d, st->path, st->line, "bad verb code [%.*s]", (int)ilen,
                                   inner);
        v.own_code = 1;
    }
    size_t tl = plen;
    const char *text = an_petrarch_trim(s, &tl);
    an_pword w[AN_LEX_MAX];
    int n = an_petrarch_split(text, tl, w, AN_LEX_MAX);
    if (n <= 0) return an_dict_problem(d, st->path, st->line, "verb line without a verb");
    int h = head_word(st, w, n, text, tl, 1);
    if (h < 0) return AN_EBADINPUT;
    if (AN_VEC_PUSH(&d->verbs, v) < 0) return AN_ENOMEM;
    uint32_t verb = (uint32_t)d->verbs.n - 1;
    int rc = add_form(st, verb, w, n, h, NULL, 0, src);
    if (rc < 0) return rc;
    if (forms) {
        /* The written forms, blank-separated; multi-word forms carry their own '+'. */
        size_t i = 0;
        while (i < flen) {
            while (i < flen && isspace((unsigned char)forms[i])) i++;
            size_t start = i;
            while (i < flen && !isspace((unsigned char)forms[i])) i++;
            if (i == start) continue;
            an_pword fw[AN_LEX_MAX];
            int fn = an_petrarch_split(forms + start, i - start, fw, AN_LEX_MAX);
            if (fn <= 0) continue;
            int fh = 0;
            if (fn > 1) {
                int plus = 0;
                for (int k = 0; k < fn; k++)
                    if (fw[k].plus) plus++;
                int hyphenated = 1;
                for (int k = 0; k < fn - 1; k++)
                    if (!fw[k].hyphen) hyphenated = 0;
                if (plus == 0 && !hyphenated) {
                    an_dict_warning(d, st->path, st->line, "form \"%.*s\" of a multi-word verb "
                                    "has no '+'; skipped", (int)(i - start), forms + start);
                    continue;
                }
                fh = head_word(st, fw, fn, forms + start, i - start, 0);
                if (fh < 0) continue;
            }
            rc = add_form(st, verb, fw, fn, fh, NULL, 0, src);
            if (rc == AN_ENOMEM) return rc;
        }
        return 0;
    }
    /* Generated forms of the inflected word. */
    char wbuf[AN_INFLECT_MAX];
    if (w[h].len >= sizeof wbuf) return 0;
    memcpy(wbuf, w[h].s, w[h].len);
    wbuf[w[h].len] = '\0';
    an_lex_upper(wbuf, w[h].len);
    char gen[MAX_FORMS][AN_INFLECT_MAX];
    int ng = 0;
    an_verb_forms vf;
    if (an_inflect_verb_petrarch(&vf, wbuf, w[h].len, st->dialect == AN_DIALECT_PETRARCH2
                                                           ? AN_PETRARCH_2 : AN_PETRARCH_1) == 0) {
        memcpy(gen[ng++], vf.third, AN_INFLECT_MAX);
        memcpy(gen[ng++], vf.past, AN_INFLECT_MAX);
        memcpy(gen[ng++], vf.ing, AN_INFLECT_MAX);
    }
    /* And the English forms: the irregular table's, else the regular rule's. */
    if (an_inflect_irregular_verb(wbuf, w[h].len)) {
        ng += an_inflect_irregular_forms(wbuf, w[h].len, gen + ng, MAX_FORMS - ng);
    } else if (an_inflect_verb_regular(&vf, wbuf, w[h].len) == 0) {
        memcpy(gen[ng++], vf.third, AN_INFLECT_MAX);
        memcpy(gen[ng++], vf.past, AN_INFLECT_MAX);
        memcpy(gen[ng++], vf.ing, AN_INFLECT_MAX);
    }
    for (int k = 0; k < ng; k++) {
        int dup = 0;
        for (int j = 0; j < k && !dup; j++) dup = strcmp(gen[j], gen[k]) == 0;
        if (dup) continue;
        rc = add_form(st, verb, w, n, h, gen[k], 1, src);
        if (rc == AN_ENOMEM) return rc;
    }
    return 0;
}

/* ------------------------------------------------------------------ synsets */

/* "&NAME" or "&NAME_" (no plurals for its members): opens a synset. */
static int synset_line(vstate *st, const char *s, size_t len)
{
    int no_plural = 0;
    while (len && s[len - 1] == '_') {
        len--;
        no_plural = 1;
    }
    int rc = an_synset_open(st->d, &st->sb, s, len, st->path, st->line);
    if (rc < 0) return rc;
    if (st->sb.active) st->d->synsets.v[st->sb.synset].no_plural = (uint8_t)no_plural;
    return 0;
}

/* Pushes a one-word or NP sequence for a PETRARCH-2 member: words w[0..n). */
static int p2_member_seq(vstate *st, const an_pword *w, int n, const char *plural)
{
    an_dict *d = st->d;
    an_seq seq = {(uint32_t)d->pelems.n, 0, 0, 0};
    if (n > 1) {
        an_pelem np;
        memset(&np, 0, sizeof np);
        np.kind = AN_PE_NP;
        np.n = (uint32_t)n;
        if (AN_VEC_PUSH(&d->pelems, np) < 0) return AN_ENOMEM;
    }
    for (int i = 0; i < n; i++) {
        an_pelem e;
        memset(&e, 0, sizeof e);
        e.kind = AN_PE_WORD;
        const char *ws = w[i].s;
        size_t wl = w[i].len;
        if (i == n - 1 && plural) {
            ws = plural;
            wl = strlen(plural);
        }
        e.id = an_lex_word(d, ws, wl);
        if (e.id == AN_NO_ID) return AN_ENOMEM;
        e.match = (uint8_t)(n > 1 && i == n - 1 ? AN_WM_NOUN : AN_WM_EXACT);
        e.adjacent = (uint8_t)(i < n - 1);
        for (size_t k = 0; k < wl; k++)
            if (isalnum((unsigned char)ws[k]) || ws[k] == '\'') seq.chars++;
        if (AN_VEC_PUSH(&d->pelems, e) < 0) return AN_ENOMEM;
    }
    seq.n = (uint16_t)(d->pelems.n - seq.elems);
    return an_synset_add(d, &st->sb, &seq);
}

/* A "+member" line of the open synset: the member and, unless '_' forbids it, its plural. */
static int member_line(vstate *st, const char *s, size_t len)
{
    an_dict *d = st->d;
    if (!st->sb.active) return 0; /* a synset defined twice: the first definition is kept */
    int no_plural = d->synsets.v[st->sb.synset].no_plural;
    while (len && (s[len - 1] == '_' || s[len - 1] == ' ' || s[len - 1] == '\t')) {
        if (s[len - 1] == '_') no_plural = 1;
        len--;
    }
    if (len == 0) return an_dict_problem(d, st->path, st->line, "empty synset member");
    an_pword w[AN_LEX_MAX];
    int n = an_petrarch_split(s, len, w, AN_LEX_MAX);
    if (n <= 0) return an_dict_problem(d, st->path, st->line, "empty synset member");
    char plural[AN_INFLECT_MAX];
    const an_pword *last = &w[n - 1];
    int special = strchr("&$+%^@*", last->s[0]) != NULL || last->plus;
    int make_plural = !no_plural && !special &&
                      an_inflect_petrarch_plural(plural, sizeof plural, last->s, last->len,
                                                 AN_PPLURAL_SYNSET) > 0;
    if (st->dialect == AN_DIALECT_PETRARCH2) {
        int rc = p2_member_seq(st, w, n, NULL);
        if (rc < 0 || n > 1 || !make_plural) return rc;
        return p2_member_seq(st, w, n, plural);
    }
    /* PETRARCH-1: consecutive words; compile "A_B_C" (and "A_B_Cs"). */
    char buf[1024];
    for (int pass = 0; pass < 1 + make_plural; pass++) {
        size_t o = 0;
        for (int i = 0; i < n; i++) {
            const char *ws = w[i].s;
            size_t wl = w[i].len;
            if (pass == 1 && i == n - 1) {
                ws = plural;
                wl = strlen(plural);
            }
            if (o + wl + 2 > sizeof buf)
                return an_dict_problem(d, st->path, st->line, "synset member too long");
            if (i) buf[o++] = '_';
            memcpy(buf + o, ws, wl);
            o += wl;
        }
        an_seq seq;
        if (an_compile_seq(d, buf, o, AN_DIALECT_PETRARCH1, &seq, st->path, st->line) < 0)
            return AN_EBADINPUT;
        int rc = an_synset_add(d, &st->sb, &seq);
        if (rc < 0) return rc;
    }
    return 0;
}

/* ------------------------------------------------------------------ PETRARCH-1 patterns */

/* "- BEFORE * AFTER [CODE]" in PETRARCH-1 notation, compiled by pattern.c. */
static int p1_pattern(vstate *st, const char *s, size_t len, an_src src)
{
    an_dict *d = st->d;
    if (find_char(s, len, '{')) {
        an_dict_warning(d, st->path, st->line, "pattern with { } skipped: PETRARCH-1 does not "
                        "read { | } alternatives (use a synset)");
        return 0;
    }
    size_t open, ilen, end;
    const char *inner;
    int found = an_petrarch_bracket(s, len, &open, &inner, &ilen, &end);
    if (found <= 0) return an_dict_problem(d, st->path, st->line, "pattern has no [CODE]");
    char buf[1024];
    size_t n = open - 1;
    if (n >= sizeof buf) return an_dict_problem(d, st->path, st->line, "pattern too long");
    memcpy(buf, s + 1, n);
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '-') buf[i] = '_';
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '_')) n--;
    an_pattern p;
    if (an_compile_pattern(d, buf, n, AN_DIALECT_PETRARCH1, &p, st->path, st->line) < 0)
        return AN_EBADINPUT;
    if (an_petrarch_ecode(d, inner, ilen, 0, &p.code) < 0)
        return an_dict_problem(d, st->path, st->line, "bad pattern code [%.*s]", (int)ilen,
                               inner);
    p.src = src;
    return push_pattern(st, &p);
}

/* ------------------------------------------------------------------ PETRARCH-2 patterns */

#define P2_MAX 128

typedef struct p2ctx {
    vstate *st;
    an_pelem tmp[2][P2_MAX]; /* before and after '*' */
    int n[2];
    int side;                /* 0 before the verb, 1 after */
    int np_open, pp_open;    /* header indices, -1 when closed */
    int pp_first;            /* the next element of the open PP is its preposition */
    int np_count;            /* elements in the open NP */
    int last;                /* index of the last element on this side, -1 none */
    int closed[2];           /* headers closed right before (for a following '_') */
    int nclosed;
    int adj_next;            /* a '_' was read: the next element is adjacent */
    int star_adj_before, star_adj_after;
    int has_alts;
} p2ctx;

/* Reports a problem with a PETRARCH-2 pattern. */
static int p2_problem(p2ctx *c, const char *msg, const char *tok, size_t tlen)
{
    tok = an_petrarch_trim(tok, &tlen);
    return an_dict_problem(c->st->d, c->st->path, c->st->line, "%s \"%.*s\"", msg, (int)tlen,
                           tok);
}

/* Makes one element for an atomic token (word, actor symbol or &SYNSET). */
static int p2_atom(p2ctx *c, const char *t, size_t tl, uint8_t match, an_pelem *e)
{
    an_dict *d = c->st->d;
    memset(e, 0, sizeof *e);
    if (tl == 1 && strchr("$+%^@", t[0])) {
        e->kind = t[0] == '$' ? AN_PE_SOURCE : t[0] == '+' ? AN_PE_TARGET
                : t[0] == '%' ? AN_PE_COMPOUND : t[0] == '^' ? AN_PE_SKIP : AN_PE_ATTRIB;
        return 0;
    }
    if (t[0] == '&') {
        uint32_t name = an_lex_word(d, t, tl);
        int64_t syn = name == AN_NO_ID ? -1 : an_dict_synset(d, name, 0);
        if (syn < 0 || !d->synsets.v[syn].defined)
            return p2_problem(c, "synset is used but never defined (pattern skipped):", t, tl);
        e->kind = AN_PE_SYNSET;
        e->id = (uint32_t)syn;
        return 0;
    }
    e->kind = AN_PE_WORD;
    e->match = match;
    e->id = an_lex_word(d, t, tl);
    return e->id == AN_NO_ID ? AN_ENOMEM : 0;
}

/* Appends an element on the current side of '*', applying a pending '_' to the one before. */
static int p2_push(p2ctx *c, const an_pelem *e)
{
    int s = c->side;
    if (c->n[s] >= P2_MAX) return p2_problem(c, "pattern has too many elements:", "", 0);
    c->tmp[s][c->n[s]] = *e;
    if (c->adj_next && c->last >= 0) c->tmp[s][c->last].adjacent = 1;
    if (c->adj_next && c->last < 0 && s == 1) c->star_adj_after = 1;
    c->adj_next = 0;
    c->nclosed = 0;
    c->last = c->n[s]++;
    return 0;
}

/* A token: a word, A/B alternatives, an actor symbol or a synset. */
static int p2_token(p2ctx *c, const char *t, size_t tl)
{
    an_dict *d = c->st->d;
    /* Its role decides how it matches. */
    uint8_t match = AN_WM_NOUN;
    int prep = c->pp_open >= 0 && c->pp_first && c->np_open < 0;
    if (prep) match = AN_WM_EXACT;
    else if (c->np_open >= 0) match = AN_WM_EXACT; /* modifiers; the head is fixed at '}' */
    if (c->np_open >= 0 && c->np_count > 0) c->adj_next = 1; /* words of {..} are consecutive */
    c->pp_first = 0;
    if (c->np_open >= 0) c->np_count++;
    an_pelem e;
    if (t[0] != '&' && memchr(t, '/', tl)) {
        /* Alternatives: each becomes a one-element run in d->pelems. */
        an_altgroup g = {(uint32_t)d->alts.n, 0};
        size_t i = 0;
        while (i <= tl) {
            size_t j = i;
            while (j < tl && t[j] != '/') j++;
            if (j > i) {
                an_pelem a;
                int rc = p2_atom(c, t + i, j - i, match, &a);
                if (rc < 0) return rc;
                an_seq alt = {(uint32_t)d->pelems.n, 1, (uint16_t)(j - i), 0};
                if (AN_VEC_PUSH(&d->pelems, a) < 0 || AN_VEC_PUSH(&d->alts, alt) < 0)
                    return AN_ENOMEM;
                g.nalts++;
            }
            i = j + 1;
        }
        if (g.nalts == 0) return p2_problem(c, "empty alternatives", t, tl);
        if (AN_VEC_PUSH(&d->altgroups, g) < 0) return AN_ENOMEM;
        memset(&e, 0, sizeof e);
        e.kind = AN_PE_ALT;
        e.id = (uint32_t)d->altgroups.n - 1;
        e.match = match;
        c->has_alts = 1;
    } else {
        int rc = p2_atom(c, t, tl, match, &e);
        if (rc < 0) return rc;
    }
    return p2_push(c, &e);
}

/* Opens a noun phrase '{' or a prepositional phrase '(' (its header element). */
static int p2_open(p2ctx *c, an_pkind kind)
{
    an_pelem e;
    memset(&e, 0, sizeof e);
    e.kind = (uint8_t)kind;
    if (kind == AN_PE_NP && c->pp_open >= 0) c->pp_first = 0; /* (TO {A B}): no preposition */
    int rc = p2_push(c, &e);
    if (rc < 0) return rc;
    if (kind == AN_PE_NP) {
        c->np_open = c->last;
        c->np_count = 0;
    } else {
        c->pp_open = c->last;
        c->pp_first = 1;
    }
    return 0;
}

/* Closes the open group whose header is at index h: n = elements after it. */
static void p2_close(p2ctx *c, int h)
{
    an_pelem *t = c->tmp[c->side];
    t[h].n = (uint32_t)(c->n[c->side] - h - 1);
    if (c->nclosed < 2) c->closed[c->nclosed++] = h;
}

/* Parses a PETRARCH-2 pattern body (after '-', before the code). */
static int p2_parse(p2ctx *c, const char *s, size_t len)
{
    int stars = 0;
    size_t i = 0;
    while (i < len) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t') {
            i++;
            continue;
        }
        if (ch == '_' || ch == '-') {
            /* The next element must be the very next word; "_" right before '*' ties the
             * last element to the verb. */
            c->adj_next = 1;
            if (c->last >= 0) {
                for (int k = 0; k < c->nclosed; k++) c->tmp[c->side][c->closed[k]].adjacent = 1;
            }
            i++;
            continue;
        }
        if (ch == '*') {
            if (c->np_open >= 0 || c->pp_open >= 0)
                return p2_problem(c, "'*' inside a phrase in pattern", s, len);
            if (++stars > 1) return p2_problem(c, "pattern has two '*':", s, len);
            if (c->adj_next && c->last >= 0) {
                c->star_adj_before = 1;
                c->tmp[0][c->last].adjacent = 1;
            }
            c->adj_next = 0;
            c->side = 1;
            c->last = -1;
            c->nclosed = 0;
            i++;
            continue;
        }
        if (ch == '(') {
            if (c->pp_open >= 0 || c->np_open >= 0)
                return p2_problem(c, "nested '(' in pattern", s, len);
            int rc = p2_open(c, AN_PE_PP);
            if (rc < 0) return rc;
            i++;
            continue;
        }
        if (ch == '{') {
            if (c->np_open >= 0) return p2_problem(c, "nested '{' in pattern", s, len);
            int rc = p2_open(c, AN_PE_NP);
            if (rc < 0) return rc;
            i++;
            continue;
        }
        if (ch == '}') {
            if (c->np_open < 0) return p2_problem(c, "'}' without '{' in pattern", s, len);
            an_pelem *t = c->tmp[c->side];
            if (c->last > c->np_open && t[c->last].kind == AN_PE_WORD)
                t[c->last].match = AN_WM_NOUN; /* the head of the noun phrase */
            if (c->last > c->np_open && t[c->last].kind == AN_PE_ALT) t[c->last].match = AN_WM_NOUN;
            p2_close(c, c->np_open);
            c->np_open = -1;
            i++;
            continue;
        }
        if (ch == ')') {
            if (c->pp_open < 0 || c->np_open >= 0)
                return p2_problem(c, "')' without '(' in pattern", s, len);
            p2_close(c, c->pp_open);
            c->pp_open = -1;
            i++;
            continue;
        }
        /* A token: up to a blank or bracket; '_' and '-' end it except in a synset name. */
        size_t start = i;
        int syn = ch == '&';
        while (i < len && !strchr(" \t(){}*", s[i]) && (syn || (s[i] != '_' && s[i] != '-')))
            i++;
        if (i == start) {
            i++;
            continue;
        }
        int rc = p2_token(c, s + start, i - start);
        if (rc < 0) return rc;
    }
    if (c->np_open >= 0 || c->pp_open >= 0)
        return p2_problem(c, "unclosed '(' or '{' in pattern", s, len);
    if (stars != 1) return p2_problem(c, "pattern has no '*' (the verb):", s, len);
    return 0;
}

/* The match kind of a group header is not used; the word elements carry theirs. Words of an
 * alternative get the match of the position they stand in. */
static void p2_fix_alt_matches(an_dict *d, const an_pelem *e, int n)
{
    for (int i = 0; i < n; i++) {
        if (e[i].kind != AN_PE_ALT) continue;
        const an_altgroup *g = &d->altgroups.v[e[i].id];
        for (uint16_t k = 0; k < g->nalts; k++) {
            an_pelem *a = &d->pelems.v[d->alts.v[g->alts + k].elems];
            if (a->kind == AN_PE_WORD) a->match = e[i].match;
        }
    }
}

/* "- PRE * POST [CODE]" in PETRARCH-2 notation, compiled into word-pattern elements. */
static int p2_pattern(vstate *st, const char *s, size_t len, an_src src)
{
    an_dict *d = st->d;
    size_t open, ilen, end;
    const char *inner;
    int found = an_petrarch_bracket(s, len, &open, &inner, &ilen, &end);
    if (found <= 0) return an_dict_problem(d, st->path, st->line, "pattern has no [CODE]");
    p2ctx *c = st->p2;
    if (!c && !(c = st->p2 = malloc(sizeof *c))) return AN_ENOMEM;
    memset(c, 0, offsetof(p2ctx, tmp));
    memset(&c->n, 0, sizeof *c - offsetof(p2ctx, n));
    c->st = st;
    c->np_open = c->pp_open = -1;
    c->last = -1;
    int rc = p2_parse(c, s + 1, open - 1);
    if (rc < 0) goto done;
    an_pattern p;
    memset(&p, 0, sizeof p);
    if (an_petrarch_ecode(d, inner, ilen, 1, &p.code) < 0) {
        rc = an_dict_problem(d, st->path, st->line, "bad pattern code [%.*s]", (int)ilen, inner);
        goto done;
    }
    p2_fix_alt_matches(d, c->tmp[0], c->n[0]);
    p2_fix_alt_matches(d, c->tmp[1], c->n[1]);
    for (int side = 0; side < 2; side++) {
        uint32_t first = (uint32_t)d->pelems.n;
        if (AN_VEC_RESERVE(&d->pelems, d->pelems.n + (size_t)c->n[side]) < 0) {
            rc = AN_ENOMEM;
            goto done;
        }
        memcpy(d->pelems.v + d->pelems.n, c->tmp[side], (size_t)c->n[side] * sizeof(an_pelem));
        d->pelems.n += (size_t)c->n[side];
        if (side == 0) {
            p.lower = first;
            p.nlower = (uint16_t)c->n[0];
        } else {
            p.upper = first;
            p.nupper = (uint16_t)c->n[1];
        }
    }
    p.lower_adjacent = (uint8_t)c->star_adj_before;
    p.upper_adjacent = (uint8_t)c->star_adj_after;
    p.has_alts = (uint8_t)c->has_alts;
    p.src = src;
    rc = push_pattern(st, &p);
done:
    return rc;
}

/* ------------------------------------------------------------------ the file */

/* 1 when the file has PETRARCH-2's "####### VERB PATTERNS" header line. */
static int is_petrarch2(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    /* Over-long lines are reported by the real read, not by this look-ahead. */
    an_diag_fn diag = d->diag;
    size_t problems = d->problems;
    d->diag = NULL;
    char *line;
    size_t len;
    int found = 0;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0)
        if (len >= 21 && memcmp(line, "####### VERB PATTERNS", 21) == 0) {
            found = 1;
            break;
        }
    d->diag = diag;
    d->problems = problems;
    an_dictfile_close(&f);
    return rc < 0 ? rc : found;
}

int an_load_petrarch_verbs(an_dict *d, const char *path, an_error *err)
{
    int p2 = is_petrarch2(d, path, err);
    if (p2 < 0) return p2;
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    an_dialect dialect = p2 ? AN_DIALECT_PETRARCH2 : AN_DIALECT_PETRARCH1;
    if (d->verb_dialect == AN_DIALECT_NONE) d->verb_dialect = dialect;
    size_t problems_before = d->problems;
    vstate st;
    memset(&st, 0, sizeof st);
    st.d = d;
    st.path = path;
    st.dialect = dialect;
    st.block = -1;
    an_pcomment cs = {0};
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        st.line = f.line;
        size_t rawlen = len;
        len = an_petrarch_strip(&cs, line, len, AN_PSTRIP_SEMI);
        const char *s = an_petrarch_trim(line, &len);
        if (len == 0) continue;
        int r = 0;
        if (s[0] == '~') {
            an_synset_close(d, &st.sb);
            if (p2) {
                if (st.transforms++ == 0) st.first_transform = f.line;
            } else {
                an_dict_problem(d, path, f.line, "unexpected '~' line in a PETRARCH-1 verb file");
            }
            continue;
        }
        if (s[0] == '+' && an_synset_reading(&st.sb)) {
            r = member_line(&st, s + 1, len - 1);
        } else if (s[0] == '&') {
            r = synset_line(&st, s, len);
        } else {
            an_synset_close(d, &st.sb);
            an_src src = an_dict_src(d, path, f.line, line, rawlen);
            if (!src.text) {
                rc = AN_ENOMEM;
                break;
            }
            if (len >= 3 && memcmp(s, "---", 3) == 0) {
                r = block_line(&st, s, len, src);
            } else if (s[0] == '-') {
                if (st.block < 0)
                    r = an_dict_problem(d, path, f.line, "pattern before the first block");
                else if (p2)
                    r = p2_pattern(&st, s, len, src);
                else
                    r = p1_pattern(&st, s, len, src);
            } else {
                r = verb_line(&st, s, len, src);
            }
        }
        if (r == AN_ENOMEM) {
            rc = r;
            break;
        }
    }
    an_synset_close(d, &st.sb);
    if (rc >= 0) rc = an_pdefer_flush(d, &st.defer);
    an_pdefer_free(&st.defer);
    free(st.p2);
    an_dictfile_close(&f);
    if (st.transforms)
        an_dict_warning(d, path, st.first_transform,
                        "%zu PETRARCH-2 verb transformation line(s) (~ ...) read and not "
                        "applied: annalist does not combine the codes of nested verbs",
                        st.transforms);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0 && rc != AN_EBADINPUT) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
