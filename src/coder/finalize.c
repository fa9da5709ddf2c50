/* finalize.c — the sentence-level end of coding (tabari-semantics.md §4.11 steps 2–5):
 * null events go; dominant events, when there are any, push out the rest, and otherwise
 * non-subordinate ones push out subordinate ones; a ### event discards the sentence and a
 * +++ event or actor makes it complex; coded compounds ([A/B]) are expanded, sources first;
 * agent codes are composed onto actor codes; events with no code, a special code, the same
 * actor on both sides, or a duplicate of an earlier event are dropped; at most 64 remain. */
#include <string.h>

#include "coder/sent.h"
#include "util/arena.h"

#define MAX_EVENTS 64

int32_t an_base_mention(const an_sent *s, int32_t m)
{
    int guard = 0;
    while (m >= 0 && s->mentions.v[m].antecedent >= 0 && guard++ < 64) m = s->mentions.v[m].antecedent;
    return m;
}

/* Appends agent code g to actor code a: "~XXX" after, "XXX~" before, unless XXX already
 * occurs in a at an offset divisible by 3 (tabari-semantics.md §2.5). */
static const char *compose(an_sent *s, const char *a, const char *g, int prefix)
{
    if (!g || !*g) return a;
    /* An organisation has no government of its own: "UN Secretary-General" is IGOUNO. */
    if (s->mode == AN_MODE_ANNALIST && !strcmp(g, "GOV") &&
        (!strncmp(a, "IGO", 3) || !strncmp(a, "NGO", 3)))
        return a;
    size_t al = strlen(a), gl = strlen(g);
    const char *hit = strstr(a, g);
    if (hit && (size_t)(hit - a) % 3 == 0) return a;
    char *out = an_arena_alloc(s->arena, al + gl + 1);
    if (!out) return a;
    if (prefix) {
        memcpy(out, g, gl);
        memcpy(out + gl, a, al);
    } else {
        memcpy(out, a, al);
        memcpy(out + al, g, gl);
    }
    out[al + gl] = '\0';
    return out;
}

/* The actor codes of one side of an event: one per code of a coded compound. */
typedef struct side {
    const char *codes[16];
    int n;
    int32_t base;
    int uncoded;   /* no code holds for the date */
} side;

static void side_codes(an_sent *s, const an_party *p, int noagent, side *out)
{
    const an_dict *d = s->d;
    out->n = 0;
    out->uncoded = 0;
    out->base = -1;
    if (p->mention < 0) {
        if (p->default_code != AN_NO_ID) out->codes[out->n++] = an_dict_code_str(d, p->default_code);
        else out->uncoded = 1;
        return;
    }
    int32_t b = an_base_mention(s, p->mention);
    out->base = b;
    const an_mention *me = &s->mentions.v[b];
    const an_agent *ags[8];
    int nag = 0;
    if (!noagent) {
        for (uint8_t i = 0; i < me->ctx_agents; i++) ags[nag++] = me->ctx_agent[i];
        for (uint8_t i = 0; i < me->nagents; i++)
            ags[nag++] = &d->agents.v[d->roots.v[s->occs.v[me->agents[i]].root].entry];
        /* A pronoun's own agents: "its president". */
        const an_mention *pm = &s->mentions.v[p->mention];
        if (pm != me)
            for (uint8_t i = 0; i < pm->nagents && nag < 8; i++)
                ags[nag++] = &d->agents.v[d->roots.v[s->occs.v[pm->agents[i]].root].entry];
    }
    int former = !noagent && me->former;
    if (me->lone_agent) {
        /* PETRARCH: an agent alone is "---" plus its code; annalist gives it a country. */
        char home[4] = "---";
        if (me->home) memcpy(home, me->home, 3);
        const char *c = an_arena_strndup(s->arena, home, 3);
        if (!c) c = "---";
        for (int i = 0; i < nag; i++) c = compose(s, c, an_dict_code_str(d, ags[i]->code), ags[i]->prefix);
        out->codes[out->n++] = c;
        return;
    }
    if (me->literal != AN_NO_ID) {
        const char *lit = an_dict_code_str(d, me->literal);
        char *c = an_arena_alloc(s->arena, strlen(lit) + 2);
        if (c) {
            c[0] = '~';
            strcpy(c + 1, lit);
            out->codes[out->n++] = c;
        }
        return;
    }
    if (!me->code) {
        out->uncoded = 1;
        return;
    }
    for (uint16_t k = 0; k < me->code->ncodes && out->n < 16; k++) {
        const char *a = an_dict_code_str(d, d->codelist.v[me->code->codes + k]);
        if (former) a = compose(s, a, "ELI", 0);
        else if (s->mode == AN_MODE_ANNALIST && strlen(a) > 3 && strncmp(a, "IGO", 3) &&
                 strncmp(a, "NGO", 3))
            ; /* an actor that has its role already ("Hamas" PSEREBHMS) keeps it: "Hamas
                 negotiators" are PSEREBHMS, not PSEREBHMSGOV */
        else
            for (int i = 0; i < nag; i++) a = compose(s, a, an_dict_code_str(d, ags[i]->code), ags[i]->prefix);
        out->codes[out->n++] = a;
    }
}

static int special(const char *c)
{
    return !strcmp(c, "---") || !strcmp(c, "+++") || !strcmp(c, "###") || !strcmp(c, "***");
}

/* Whether a mention names a people by a plural demonym ("promised Palestinians", "told
 * Afghans"): the people of one's own country are a party, the country as a whole is not. */
static int people_named(const an_sent *s, int32_t m)
{
    if (m < 0) return 0;
    const an_ctok *t = &s->toks.v[s->mentions.v[m].last];
    /* "Palestinians", "Afghans", "Iraqis", "Thais"; not names that end in s ("Wales") */
    return !t->poss && t->cap && t->len > 4 &&
           (!strcmp(t->norm + t->len - 3, "ANS") || !strcmp(t->norm + t->len - 2, "IS"));
}

int an_sent_finalize(an_sent *s)
{
    const an_dict *d = s->d;
    s->finals.n = 0;
    size_t n = s->pending.n;
    int any_dom = 0, any_plain = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t f = s->pending.v[i].flags;
        if (f & AN_EC_NULL) continue;
        if (f & AN_EC_DOMIN_A) any_dom = 1;
        else if (!(f & AN_EC_SUBORD_A)) any_plain = 1;
    }
    for (size_t i = 0; i < n; i++) {
        const an_pending *e = &s->pending.v[i];
        if (e->flags & AN_EC_NULL) continue;
        if (any_dom && !(e->flags & AN_EC_DOMIN_A)) continue;
        if (!any_dom && any_plain && (e->flags & AN_EC_SUBORD_A)) continue;
        side src, tgt;
        side_codes(s, &e->source, e->source_noagent, &src);
        side_codes(s, &e->target, 0, &tgt);
        if (e->flags & AN_EC_DISCARD) {
            if (!src.uncoded && !tgt.uncoded) {
                s->discard = 1;
                an_trace(s, "discard: a ### pattern matched");
                return 0;
            }
            continue;
        }
        int complex_actor = 0;
        for (int k = 0; k < src.n; k++) complex_actor |= !strcmp(src.codes[k], "+++");
        for (int k = 0; k < tgt.n; k++) complex_actor |= !strcmp(tgt.codes[k], "+++");
        if ((e->flags & AN_EC_COMPLEX) || complex_actor) {
            s->complex = 1;
            an_trace(s, "complex: an event has code or actor +++");
            return 0;
        }
        if (src.uncoded || tgt.uncoded) continue;
        const char *code = an_dict_code_str(d, e->code);
        /* Coded compounds: sources expanded first, each expansion right after its original. */
        for (int a = 0; a < src.n; a++) {
            for (int b = 0; b < tgt.n; b++) {
                const char *sc = src.codes[a], *tc = tgt.codes[b];
                if (special(sc) || special(tc) || special(code)) continue;
                /* annalist mode codes only actors with a country or organisation. */
                if (s->mode == AN_MODE_ANNALIST && (!strncmp(sc, "---", 3) || !strncmp(tc, "---", 3)))
                    continue;
                if (!strcmp(sc, tc)) continue;
                /* annalist mode: an actor acting on its own country as a whole ("the Dutch
                 * prime minister apologised for the Netherlands' role") names no other party */
                if (s->mode == AN_MODE_ANNALIST && strlen(tc) == 3 && !strncmp(sc, tc, 3) &&
                    !people_named(s, tgt.base)) {
                    an_trace(s, "%s acting on its own country %s: no event", sc, tc);
                    continue;
                }
                /* annalist mode: a news outlet or reporter as the source is almost always a
                 * misreading ("told BBC News: ...", "reporters held hostage"): no event */
                if (s->mode == AN_MODE_ANNALIST && strlen(sc) >= 3 &&
                    !strcmp(sc + strlen(sc) - 3, "MED")) {
                    an_trace(s, "the media (%s) as the source: no event", sc);
                    continue;
                }
                int dup = 0;
                for (size_t k = 0; k < s->finals.n && !dup; k++) {
                    const an_final *f = &s->finals.v[k];
                    dup = !strcmp(f->source, sc) && !strcmp(f->target, tc) && !strcmp(f->code, code);
                }
                if (dup) continue;
                if (s->finals.n >= MAX_EVENTS) return 0;
                an_final f;
                f.source = sc;
                f.target = tc;
                f.code = code;
                f.smention = src.base;
                f.tmention = tgt.base;
                f.verb_first = e->verb_first;
                f.verb_last = e->verb_last;
                f.pattern = e->pattern;
                f.verb = e->verb;
                if (AN_VEC_PUSH(&s->finals, f) < 0) return AN_ENOMEM;
            }
        }
    }
    return 0;
}
