/* petrarch_agents.c — PETRARCH agent files (*agents*.txt, petrarch-differences.md §1.4):
 *   !NAME! = A, B, C              a substitution set; X!NAME!Y stands for XAY, XBY, XCY
 *   PHRASE [~CODE]  PHRASE [CODE~] an agent; the code is appended to / put in front of the
 *                                 actor's code (no check that '~' is there, as in PETRARCH)
 *   PHRASE {PLURAL} [~CODE]       an irregular plural; {} : no plural at all (POLICE {})
 * Each line is one agent (an_agent); its phrases are AN_ROOT_AGENT roots whose words match
 * whole tokens, the last one also with a possessive ('s).
 *
 * Plurals, when no {..} is given: PETRARCH's generated plural of the last word (Y -> IES, a
 * final S gets ES appended, else +S; "ATTORNEY" -> "ATTORNIES"), and also the English plural
 * (inflect.h: "ATTORNEYS", "CHURCHES", "GUNMEN") when it differs, so agents match real text;
 * docs/dictionaries.md describes the English rule. Generated plurals are added after the file's
 * written phrases, so a written phrase wins over a generated one. A phrase with substitution
 * markers gets no generated plural (PETRARCH: "no additional plural formation"); its {..}
 * plural, if given, is expanded like the phrase. Every marker of a phrase is expanded
 * (PETRARCH-1 expands only the first one and keeps the rest as text). A trailing '_' is
 * dropped before the plural is made (PETRARCH-1 would make "X_S"). */
#include <stdlib.h>
#include <string.h>

#include "dict/actors.h"
#include "dict/inflect.h"
#include "dict/lex.h"
#include "dict/petrarch_phrase.h"
#include "util/error.h"

#define MAX_SETS 64
#define SET_BYTES 2048
#define EXPAND_MAX 1024     /* longest expanded phrase */
#define EXPAND_DEPTH 8      /* markers expanded in one phrase */

typedef struct subset {
    char name[64];
    char items[SET_BYTES];  /* items separated by '\0' */
    int nitems;
} subset;

typedef struct actx {
    an_dict *d;
    const char *path;
    unsigned long line;
    subset *sets;
    int nsets;
    an_pdefer *defer;
    uint32_t agent;
    an_src src;
} actx;

/* Reads "!NAME! = A, B, C". */
static int define_set(actx *c, const char *s, size_t len)
{
    const char *b1 = memchr(s, '!', len);
    const char *b2 = b1 ? memchr(b1 + 1, '!', len - (size_t)(b1 + 1 - s)) : NULL;
    const char *eq = b2 ? memchr(b2, '=', len - (size_t)(b2 - s)) : NULL;
    if (!b1 || !b2 || !eq)
        return an_dict_problem(c->d, c->path, c->line,
                               "substitution set must be written !NAME! = A, B, C");
    size_t nlen = (size_t)(b2 - b1 - 1);
    if (nlen == 0 || nlen >= sizeof c->sets[0].name)
        return an_dict_problem(c->d, c->path, c->line, "bad substitution set name");
    subset *set = NULL;
    for (int i = 0; i < c->nsets; i++)
        if (strlen(c->sets[i].name) == nlen && memcmp(c->sets[i].name, b1 + 1, nlen) == 0)
            set = &c->sets[i];
    if (!set) {
        if (c->nsets >= MAX_SETS)
            return an_dict_problem(c->d, c->path, c->line, "more than %d substitution sets",
                                   MAX_SETS);
        set = &c->sets[c->nsets++];
    }
    memcpy(set->name, b1 + 1, nlen);
    set->name[nlen] = '\0';
    set->nitems = 0;
    size_t o = 0;
    const char *p = eq + 1, *end = s + len;
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        size_t ilen = (size_t)(stop - p);
        const char *item = an_petrarch_trim(p, &ilen);
        if (ilen) {
            if (o + ilen + 1 > sizeof set->items)
                return an_dict_problem(c->d, c->path, c->line, "substitution set too long");
            memcpy(set->items + o, item, ilen);
            o += ilen;
            set->items[o++] = '\0';
            set->nitems++;
        }
        p = stop + 1;
    }
    if (set->nitems == 0)
        return an_dict_problem(c->d, c->path, c->line, "substitution set !%s! is empty",
                               set->name);
    return 0;
}

/* Adds one agent phrase: written ones now, generated ones (plurals) at the end of the file. */
static int add_phrase(actx *c, const char *s, size_t len, int generated)
{
    if (generated)
        return an_pdefer_add(c->defer, 'G', AN_ROOT_AGENT, c->agent, s, len, 0, AN_WM_POSS, 0,
                             c->src);
    int rc = an_petrarch_add_phrase(c->d, 'G', AN_ROOT_AGENT, c->agent, s, len, 0, AN_WM_POSS,
                                    c->src, 1, NULL);
    return rc < 0 ? rc : 0;
}

/* A phrase separator. */
static int is_sep(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '_' || ch == '-';
}

/* Adds the generated plurals of phrase s (PETRARCH's and the English ones). */
static int add_plurals(actx *c, const char *s, size_t len)
{
    while (len && is_sep(s[len - 1])) len--;
    size_t ws = len;
    while (ws && !is_sep(s[ws - 1])) ws--;
    size_t wl = len - ws;
    if (wl == 0 || wl >= AN_INFLECT_MAX) return 0;
    char forms[AN_INFLECT_FORMS][AN_INFLECT_MAX];
    int n = 0;
    if (an_inflect_petrarch_plural(forms[0], AN_INFLECT_MAX, s + ws, wl, AN_PPLURAL_AGENT)) n = 1;
    char eng[4][AN_INFLECT_MAX];
    int ne = an_inflect_noun_plurals(s + ws, wl, eng, 4);
    for (int i = 0; i < ne && n < AN_INFLECT_FORMS; i++) {
        int dup = strlen(eng[i]) == wl && memcmp(eng[i], s + ws, wl) == 0;
        for (int k = 0; k < n && !dup; k++) dup = strcmp(forms[k], eng[i]) == 0;
        if (!dup) memcpy(forms[n++], eng[i], AN_INFLECT_MAX);
    }
    char buf[EXPAND_MAX];
    for (int i = 0; i < n; i++) {
        size_t fl = strlen(forms[i]);
        if (ws + fl > sizeof buf) continue;
        memcpy(buf, s, ws);
        memcpy(buf + ws, forms[i], fl);
        int rc = add_phrase(c, buf, ws + fl, 1);
        if (rc < 0) return rc;
    }
    return 0;
}

/* Expands every !NAME! of s and adds each result: as a phrase (mode 0) or, for mode 1, with
 * its generated plurals too. */
static int expand(actx *c, const char *s, size_t len, int mode, int depth)
{
    const char *b1 = memchr(s, '!', len);
    if (!b1) {
        int rc = add_phrase(c, s, len, 0);
        if (rc < 0 || mode == 0) return rc;
        return add_plurals(c, s, len);
    }
    const char *b2 = memchr(b1 + 1, '!', len - (size_t)(b1 + 1 - s));
    if (!b2)
        return an_dict_problem(c->d, c->path, c->line, "substitution marker without its "
                               "closing '!'");
    size_t nlen = (size_t)(b2 - b1 - 1);
    const subset *set = NULL;
    for (int i = 0; i < c->nsets; i++)
        if (strlen(c->sets[i].name) == nlen && memcmp(c->sets[i].name, b1 + 1, nlen) == 0)
            set = &c->sets[i];
    if (!set)
        return an_dict_problem(c->d, c->path, c->line, "substitution set !%.*s! is not defined",
                               (int)nlen, b1 + 1);
    if (depth >= EXPAND_DEPTH)
        return an_dict_problem(c->d, c->path, c->line, "more than %d substitution markers",
                               EXPAND_DEPTH);
    size_t pre = (size_t)(b1 - s), post = len - (size_t)(b2 + 1 - s);
    const char *item = set->items;
    for (int i = 0; i < set->nitems; i++) {
        size_t il = strlen(item);
        char buf[EXPAND_MAX];
        if (pre + il + post <= sizeof buf) {
            memcpy(buf, s, pre);
            memcpy(buf + pre, item, il);
            memcpy(buf + pre + il, b2 + 1, post);
            int rc = expand(c, buf, pre + il + post, 0, depth + 1);
            if (rc == AN_ENOMEM) return rc;
        }
        item += il + 1;
    }
    return 0;
}

int an_load_petrarch_agents(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    size_t problems_before = d->problems;
    subset *sets = calloc(MAX_SETS, sizeof *sets);
    an_pdefer defer = {0};
    if (!sets) {
        an_dictfile_close(&f);
        return an_err_oom(err);
    }
    actx c = {d, path, 0, sets, 0, &defer, 0, {0, 0, NULL}};
    an_pcomment cs = {0};
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        c.line = f.line;
        size_t rawlen = len;
        len = an_petrarch_strip(&cs, line, len, 0);
        const char *s = an_petrarch_trim(line, &len);
        if (len == 0) continue;
        if (memchr(s, '!', len) && memchr(s, '=', len)) {
            define_set(&c, s, len);
            continue;
        }
        size_t open, ilen, end;
        const char *inner;
        int found = an_petrarch_bracket(s, len, &open, &inner, &ilen, &end);
        if (found <= 0) {
            an_dict_problem(d, path, f.line, found < 0 ? "'[' without ']'"
                                                       : "agent has no [~CODE]");
            continue;
        }
        an_agent ag;
        if (an_parse_agent_code(d, inner, ilen, &ag, 0, path, f.line) < 0) continue;
        size_t plen = open;
        const char *plural = NULL;
        size_t plural_len = 0;
        const char *brace = memchr(s, '{', plen);
        if (brace) {
            const char *close = memchr(brace, '}', plen - (size_t)(brace - s));
            if (!close) {
                an_dict_problem(d, path, f.line, "'{' without '}'");
                continue;
            }
            plural_len = (size_t)(close - brace - 1);
            plural = an_petrarch_trim(brace + 1, &plural_len);
            plen = (size_t)(brace - s);
        }
        size_t pl = plen;
        const char *phrase = an_petrarch_trim(s, &pl);
        if (pl == 0) {
            an_dict_problem(d, path, f.line, "agent code without a phrase");
            continue;
        }
        if (AN_VEC_PUSH(&d->agents, ag) < 0) {
            rc = AN_ENOMEM;
            break;
        }
        c.agent = (uint32_t)d->agents.n - 1;
        c.src = an_dict_src(d, path, f.line, line, rawlen);
        int substituted = memchr(phrase, '!', pl) != NULL;
        /* mode 1: the phrase and its generated plurals; mode 0: the phrase only. */
        rc = expand(&c, phrase, pl, brace || substituted ? 0 : 1, 0);
        if (rc == AN_ENOMEM) break;
        if (plural && plural_len) {
            rc = expand(&c, plural, plural_len, 0, 0);
            if (rc == AN_ENOMEM) break;
        }
        rc = 0;
    }
    if (rc >= 0) rc = an_pdefer_flush(d, &defer);
    an_pdefer_free(&defer);
    free(sets);
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0 && rc != AN_EBADINPUT) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
