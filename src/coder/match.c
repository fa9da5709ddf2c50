/* match.c — matching one verb pattern against the sentence (tabari-semantics.md §4.8):
 * the elements after '*' are matched rightwards from the token after the verb up to the end
 * of its clause; the elements before '*' leftwards from the token before the verb back to the
 * start of the sentence. Words match a token's candidates (stems where allowed) whatever the
 * token's type; $ + @ match a token of an actor and record it; % the first token of a
 * compound; ^ skips one actor; synsets try their members longest first; alternatives in
 * written order. Matching is greedy: the first position that fits is taken. */
#include <stdlib.h>
#include <string.h>

#include "coder/sent.h"

typedef struct mctx {
    an_sent *s;
    const an_pattern *p;
    an_match *m;
    int upper_limit;        /* one past the last token the upper part may use */
    int in_upper;           /* matching the part after '*' */
    uint16_t alt_chars;     /* characters of the words matched inside alternatives */
} mctx;

/* The live actor mention that token t belongs to, or -1. */
static int32_t actor_at(const an_sent *s, int t)
{
    const an_ctok *tk = &s->toks.v[t];
    if (tk->type != AN_T_ACTOR || tk->eliminated) return -1;
    if (tk->occ < 0) return tk->mention; /* a resolved pronoun */
    const an_occ *oc = &s->occs.v[tk->occ];
    if (oc->cancelled) return -1;
    return s->toks.v[oc->first].mention;
}

static int elem_at(mctx *c, const an_pelem *e, int t, int *end);
static int seq_fwd(mctx *c, const an_pelem *e, int n, int pos, int adjacent, int limit,
                   int *end);

/* Synsets are memoised per pattern match. Members may hold other synsets, so without it a
 * chain of nested synsets is matched again at every position each level tries: work
 * exponential in the nesting depth. Within one an_match_pattern call the outcome of a synset
 * at a token (and in the part before or after '*') never changes; it is kept with its effect
 * on the match's source and target and replayed, which gives the same result as matching
 * again. Memory: an open-addressing table in the sentence, cleared by a generation bump. */
typedef struct an_synmemo {
    uint32_t gen;
    uint32_t syn;
    uint32_t at;            /* in_upper << 31 | token */
    int32_t end;            /* last token matched, -1: no match */
    uint8_t wrote_source, wrote_target;
    an_party source, target;
} an_synmemo;

static an_synmemo *memo_find(an_sent *s, uint32_t syn, uint32_t at)
{
    if (!s->synmemo_cap) return NULL;
    size_t mask = s->synmemo_cap - 1;
    for (size_t i = ((syn * 2654435761u) ^ (at * 40503u)) & mask;; i = (i + 1) & mask) {
        an_synmemo *e = &s->synmemo[i];
        if (e->gen != s->synmemo_gen || (e->syn == syn && e->at == at)) return e;
    }
}

/* A slot for key in the current generation, growing the table; NULL when out of memory
 * (then nothing is memoised, which is slower but still correct). */
static an_synmemo *memo_slot(an_sent *s, uint32_t syn, uint32_t at)
{
    if ((s->synmemo_used + 1) * 2 > s->synmemo_cap) {
        size_t cap = s->synmemo_cap ? s->synmemo_cap * 2 : 256;
        an_synmemo *old = s->synmemo, *nv = calloc(cap, sizeof *nv);
        if (!nv) return NULL;
        size_t oldcap = s->synmemo_cap;
        s->synmemo = nv;
        s->synmemo_cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].gen == s->synmemo_gen) *memo_find(s, old[i].syn, old[i].at) = old[i];
        free(old);
    }
    an_synmemo *e = memo_find(s, syn, at);
    if (e->gen != s->synmemo_gen) {
        s->synmemo_used++;
        e->gen = s->synmemo_gen;
        e->syn = syn;
        e->at = at;
    }
    return e;
}

/* A new pattern match: forget what the last one memoised. */
static void memo_reset(an_sent *s)
{
    s->synmemo_used = 0;
    if (++s->synmemo_gen == 0) { /* wrapped: gen 0 must mean empty again */
        if (s->synmemo) memset(s->synmemo, 0, s->synmemo_cap * sizeof *s->synmemo);
        s->synmemo_gen = 1;
    }
}

/* Matches synset syn at token t: its members longest first, the first that fits wins. */
static int synset_at(mctx *c, uint32_t syn, int t, int *end)
{
    an_sent *s = c->s;
    const an_dict *d = s->d;
    uint32_t at = (uint32_t)(c->in_upper != 0) << 31 | (uint32_t)t;
    const an_synmemo *hit = memo_find(s, syn, at);
    if (hit && hit->gen == s->synmemo_gen) {
        if (hit->wrote_source) c->m->source = hit->source, c->m->has_source = 1;
        if (hit->wrote_target) c->m->target = hit->target, c->m->has_target = 1;
        if (hit->end >= 0) *end = hit->end;
        return hit->end >= 0;
    }
    /* has_source / has_target only go from 0 to 1: clearing them shows what this call sets. */
    an_match before = *c->m;
    c->m->has_source = c->m->has_target = 0;
    const an_synset *sy = &d->synsets.v[syn];
    int ok = 0, e_end = -1;
    for (uint16_t k = 0; k < sy->nmembers && !ok; k++) {
        const an_seq *mem = &d->seqs.v[sy->members + k];
        /* A member that starts with a word can only match where the token can be it. */
        if (mem->first_word != AN_NO_ID &&
            !an_tok_has(s, (uint32_t)t, mem->first_word, d->pelems.v[mem->elems].match))
            continue;
        ok = seq_fwd(c, d->pelems.v + mem->elems, mem->n, t, 1, (int)s->toks.n, &e_end);
    }
    an_synmemo *slot = memo_slot(s, syn, at);
    if (slot) {
        slot->end = ok ? e_end : -1;
        slot->wrote_source = (uint8_t)c->m->has_source;
        slot->wrote_target = (uint8_t)c->m->has_target;
        slot->source = c->m->source;
        slot->target = c->m->target;
    }
    if (!c->m->has_source) c->m->source = before.source, c->m->has_source = before.has_source;
    if (!c->m->has_target) c->m->target = before.target, c->m->has_target = before.has_target;
    if (ok) *end = e_end;
    return ok;
}

/* The first token in [from, limit) where some member of synset syn can start (by its first
 * word's token chain), or -1; `from` itself when a member does not start with a word. */
static int synset_next(const an_sent *s, uint32_t syn, int from, int limit)
{
    const an_dict *d = s->d;
    const an_synset *sy = &d->synsets.v[syn];
    int best = -1;
    for (uint16_t k = 0; k < sy->nmembers && best != from; k++) {
        const an_seq *mem = &d->seqs.v[sy->members + k];
        if (mem->first_word == AN_NO_ID) return from;
        int q = an_sent_next_word(s, mem->first_word, d->pelems.v[mem->elems].match, from, limit);
        if (q >= 0 && (best < 0 || q < best)) best = q;
    }
    return best;
}

/* Matches e[0..n) forwards: the first element exactly at pos when adjacent, else at the
 * first position from pos on. */
static int seq_fwd(mctx *c, const an_pelem *e, int n, int pos, int adjacent, int limit, int *end)
{
    int cur = pos;
    for (int k = 0; k < n; k++) {
        int adj = k == 0 ? adjacent : e[k - 1].adjacent;
        int got = -1, ek = 0;
        if (adj) {
            if (cur < limit && elem_at(c, &e[k], cur, &ek)) got = cur;
        } else if (e[k].kind == AN_PE_WORD) {
            /* the word's own token chain instead of a scan */
            int q = cur < limit ? an_sent_next_word(c->s, e[k].id, e[k].match, cur, limit) : -1;
            if (q >= 0 && elem_at(c, &e[k], q, &ek)) got = q;
        } else if (e[k].kind == AN_PE_SYNSET) {
            /* only where a member's first word is */
            for (int q = cur; q < limit; q++) {
                q = synset_next(c->s, e[k].id, q, limit);
                if (q < 0) break;
                if (elem_at(c, &e[k], q, &ek)) {
                    got = q;
                    break;
                }
            }
        } else {
            /* annalist mode: an actor slot does not reach past another verb ("signed an
             * agreement allowing their troops ...": the troops are not what was signed) nor
             * into a circumstance ("signed agreements during President Lula's visit") */
            int actor_slot = c->s->mode == AN_MODE_ANNALIST &&
                             (e[k].kind == AN_PE_SOURCE || e[k].kind == AN_PE_TARGET);
            for (int q = cur; q < limit; q++) {
                if (actor_slot && (c->s->toks.v[q].type == AN_T_VERB ||
                                   (c->s->toks.v[q].wc & AN_WC_SUBORD)))
                    break;
                if (elem_at(c, &e[k], q, &ek)) {
                    got = q;
                    break;
                }
            }
        }
        if (got < 0) return 0;
        cur = ek + 1;
    }
    *end = cur - 1;
    return 1;
}

static uint16_t seq_word_chars(const an_sent *s, const an_pelem *e, int n)
{
    uint16_t chars = 0;
    for (int k = 0; k < n; k++)
        if (e[k].kind == AN_PE_WORD) chars += (uint16_t)an_intern_len(&s->d->words, e[k].id);
    return chars;
}

/* Matches one element starting exactly at token t; *end gets its last token. */
static int elem_at(mctx *c, const an_pelem *e, int t, int *end)
{
    an_sent *s = c->s;
    const an_dict *d = s->d;
    s->work++;
    if (t < 0 || t >= (int)s->toks.n) return 0;
    switch (e->kind) {
    case AN_PE_WORD:
        if (!an_tok_has(s, (uint32_t)t, e->id, e->match)) return 0;
        *end = t;
        return 1;
    case AN_PE_SOURCE:
    case AN_PE_TARGET:
    case AN_PE_ATTRIB: {
        int32_t m = actor_at(s, t);
        if (m < 0) return 0;
        an_party pty = {m, -1, AN_NO_ID};
        const an_mention *me = &s->mentions.v[m];
        if (me->compound >= 0 && s->members.v[s->compounds.v[me->compound].members] == m)
            pty.compound = me->compound;
        if (e->kind == AN_PE_SOURCE) {
            c->m->source = pty;
            c->m->has_source = 1;
        } else if (e->kind == AN_PE_TARGET) {
            c->m->target = pty;
            c->m->has_target = 1;
        }
        *end = t;
        return 1;
    }
    case AN_PE_COMPOUND: {
        int32_t k = s->toks.v[t].compound;
        if (k < 0 || s->compounds.v[k].cancelled || s->compounds.v[k].first != t) return 0;
        an_party pty = {s->members.v[s->compounds.v[k].members], k, AN_NO_ID};
        if (d->verb_dialect != AN_DIALECT_TABARI && c->in_upper) {
            /* PETRARCH: '%' after the verb is the target only ("agrees with % ..."). */
            c->m->target = pty;
            c->m->has_target = 1;
        } else {
            c->m->source = c->m->target = pty;
            c->m->has_source = c->m->has_target = 1;
        }
        *end = t;
        return 1;
    }
    case AN_PE_SKIP: {
        int32_t m = actor_at(s, t);
        if (m < 0) return 0;
        const an_mention *me = &s->mentions.v[m];
        *end = me->last > t ? me->last : t;
        return 1;
    }
    case AN_PE_SYNSET:
        return synset_at(c, e->id, t, end);
    case AN_PE_ALT: {
        const an_altgroup *g = &d->altgroups.v[e->id];
        for (uint16_t k = 0; k < g->nalts; k++) {
            const an_seq *alt = &d->alts.v[g->alts + k];
            const an_pelem *ae = d->pelems.v + alt->elems;
            if (seq_fwd(c, ae, alt->n, t, 1, (int)s->toks.n, end)) {
                c->alt_chars += seq_word_chars(s, ae, alt->n);
                return 1;
            }
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* "we", "I", "you": subject pronouns that wordclass.c gives no pronoun class (they never
 * refer to an actor of the text). */
static int word_in_subject_pronouns(const an_ctok *t)
{
    return !strcmp(t->norm, "WE") || !strcmp(t->norm, "I") || !strcmp(t->norm, "YOU");
}

/* annalist mode: a word or synset before the verb that is followed by a role ("army chief",
 * "troop commander") modifies that role: "Pakistan's army chief visited" is no troop
 * movement. */
static int modifies_role(const an_sent *s, const an_pelem *e, int end, const an_occ *verb)
{
    if (s->mode != AN_MODE_ANNALIST || !(e->kind == AN_PE_WORD || e->kind == AN_PE_SYNSET))
        return 0;
    int next = end + 1;
    return next < (int)verb->first && s->toks.v[next].type == AN_T_AGENT;
}

/* Lower part: elements before the verb, matched leftwards from the token before it. */
static int match_lower(mctx *c, const an_occ *verb)
{
    const an_pattern *p = c->p;
    const an_pelem *e = c->s->d->pelems.v + p->lower;
    int right = (int)verb->first - 1; /* the element must end at or before this token */
    int tabari = c->s->d->verb_dialect == AN_DIALECT_TABARI;
    for (int k = (int)p->nlower - 1; k >= 0; k--) {
        /* Adjacent to the element (or verb) on its right. TABARI does not hold a synset in
         * the lower part to its closing '_' (SYNSET-22h codes through "did not even ever"). */
        int adj = e[k].adjacent && !(tabari && e[k].kind == AN_PE_SYNSET);
        int found = 0;
        int from = right;
        if (!adj && e[k].kind == AN_PE_WORD) {
            /* the word's own token chain instead of a scan */
            from = right >= 0 ? an_sent_prev_word(c->s, e[k].id, e[k].match, right) : -1;
        }
        /* annalist mode: an actor slot before the verb does not reach past a subject pronoun
         * ("schools, hospitals and police - and that we will offer": we offer, not the police;
         * another verb may come between: "X and Y signed accords and agreed to ..."). */
        int actor_slot = c->s->mode == AN_MODE_ANNALIST &&
                         (e[k].kind == AN_PE_SOURCE || e[k].kind == AN_PE_TARGET ||
                          e[k].kind == AN_PE_COMPOUND);
        for (int q = from; q >= 0; q--) {
            int end;
            if (actor_slot && q < (int)verb->first - 1 && (c->s->toks.v[q + 1].wc & AN_WC_NPSTOP) &&
                ((c->s->toks.v[q + 1].wc & AN_WC_PRONOUN) || word_in_subject_pronouns(&c->s->toks.v[q + 1])))
                break;
            if (elem_at(c, &e[k], q, &end) && end <= right && (!adj || end == right) &&
                !modifies_role(c->s, &e[k], end, verb)) {
                right = q - 1;
                if (e[k].kind == AN_PE_SKIP) {
                    /* ^ passes over the whole actor, leftwards too */
                    int32_t m = actor_at(c->s, q);
                    if (m >= 0 && c->s->mentions.v[m].first < q) right = c->s->mentions.v[m].first - 1;
                }
                found = 1;
                break;
            }
            if (adj && e[k].kind != AN_PE_SYNSET && e[k].kind != AN_PE_ALT) break;
        }
        if (!found) return 0;
    }
    return 1;
}

int an_match_pattern(an_sent *s, const an_pattern *p, const an_occ *verb, an_clause cl,
                     an_match *m)
{
    memset(m, 0, sizeof *m);
    m->source.mention = m->target.mention = -1;
    m->source.compound = m->target.compound = -1;
    m->source.default_code = m->target.default_code = AN_NO_ID;
    mctx c = {s, p, m, cl.match_end ? cl.match_end : cl.end, 1, 0};
    memo_reset(s);
    m->upper_end = -1;
    if (p->nupper) {
        int end;
        if (!seq_fwd(&c, s->d->pelems.v + p->upper, p->nupper, verb->last + 1, p->upper_adjacent,
                     c.upper_limit, &end))
            return 0;
        m->upper_end = end;
    }
    c.in_upper = 0;
    if (p->nlower && !match_lower(&c, verb)) return 0;
    m->matched = 1;
    m->used_alts = p->has_alts;
    m->actual_length = (uint16_t)(p->length - p->alt_length + c.alt_chars);
    return 1;
}
