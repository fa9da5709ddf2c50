/* roots.c — the first coding stage: for every token, the dictionary words it can be (exact,
 * stem, or word plus a regular ending); then root assignment: at each token not yet covered,
 * the dictionary root that covers the most characters wins, ties to the root read first
 * (tabari-semantics.md §2.2–§2.3). Roots never span a comma; gapped roots skip other words,
 * which keep their own roots. */
#include <stdlib.h>
#include <string.h>

#include "coder/sent.h"
#include "dict/trie.h"

#define MAX_PREFIX_HITS 32

static int rest_is(const char *rest, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(rest, s, n) == 0;
}

/* Which match kinds a word of length wlen allows for a token whose remaining characters
 * after the word are rest[0..n). */
static uint8_t match_mask(const char *word, size_t wlen, const char *rest, size_t n, int poss)
{
    uint8_t m = 1u << AN_WM_STEM;
    if (n == 0) {
        return m | (1u << AN_WM_EXACT) | (1u << AN_WM_POSS) | (1u << AN_WM_NOUN) |
               (1u << AN_WM_VERB);
    }
    if (rest_is(rest, n, "'S") || (poss && rest_is(rest, n, "'"))) m |= 1u << AN_WM_POSS;
    if (rest_is(rest, n, "S") || rest_is(rest, n, "'S") || rest_is(rest, n, "ES"))
        m |= 1u << AN_WM_NOUN;
    if (rest_is(rest, n, "S") || rest_is(rest, n, "ED") || rest_is(rest, n, "ES") ||
        rest_is(rest, n, "EN") || rest_is(rest, n, "ING") ||
        (wlen && word[wlen - 1] == 'E' && rest_is(rest, n, "D")))
        m |= 1u << AN_WM_VERB;
    return m;
}

static inline uint32_t wslot(uint32_t w) { return (w * 2654435761u) & (AN_WSET_SLOTS - 1); }

static int wset_full(const an_sent *s) { return s->wset_used.n >= AN_WSET_SLOTS / 2; }

/* Adds token tok's candidate word w to the sentence's word set (slots hold word + 1; 0 is
 * empty) and to the word's chain of tokens. Tokens arrive in order, so chains are sorted. */
static int wset_add(an_sent *s, uint32_t w, uint32_t tok)
{
    if (wset_full(s)) return 0; /* full: lookups fall back to scanning */
    uint32_t i = wslot(w);
    while (s->wset[i] && s->wset[i] != w + 1) i = (i + 1) & (AN_WSET_SLOTS - 1);
    an_wocc o = {tok, UINT32_MAX};
    uint32_t at = (uint32_t)s->wocc.n;
    if (AN_VEC_PUSH(&s->wocc, o) < 0) return AN_ENOMEM;
    if (s->wset[i]) {
        s->wocc.v[s->wlast[i]].next = at;
    } else {
        s->wset[i] = w + 1;
        s->wfirst[i] = at;
        if (AN_VEC_PUSH(&s->wset_used, i) < 0) return AN_ENOMEM;
    }
    s->wlast[i] = at;
    return 0;
}

/* The word's slot, or -1 when absent; -2 when the set overflowed (answer unknown). */
static long wset_find(const an_sent *s, uint32_t w)
{
    if (wset_full(s)) return -2;
    uint32_t i = wslot(w);
    while (s->wset[i]) {
        if (s->wset[i] == w + 1) return i;
        i = (i + 1) & (AN_WSET_SLOTS - 1);
    }
    return -1;
}

int an_sent_has_word(const an_sent *s, uint32_t w) { return wset_find(s, w) != -1; }

int an_sent_next_word(const an_sent *s, uint32_t word, int match, int from, int limit)
{
    long slot = wset_find(s, word);
    if (slot == -1) return -1;
    if (slot == -2) {
        for (int q = from; q < limit; q++)
            if (an_tok_has(s, (uint32_t)q, word, match)) return q;
        return -1;
    }
    for (uint32_t o = s->wfirst[slot]; o != UINT32_MAX; o = s->wocc.v[o].next) {
        int q = (int)s->wocc.v[o].tok;
        if (q >= limit) break;
        if (q >= from && an_tok_has(s, (uint32_t)q, word, match)) return q;
    }
    return -1;
}

int an_sent_prev_word(const an_sent *s, uint32_t word, int match, int upto)
{
    long slot = wset_find(s, word);
    if (slot == -1) return -1;
    if (slot == -2) {
        for (int q = upto; q >= 0; q--)
            if (an_tok_has(s, (uint32_t)q, word, match)) return q;
        return -1;
    }
    int last = -1;
    for (uint32_t o = s->wfirst[slot]; o != UINT32_MAX; o = s->wocc.v[o].next) {
        int q = (int)s->wocc.v[o].tok;
        if (q > upto) break;
        if (an_tok_has(s, (uint32_t)q, word, match)) last = q;
    }
    return last;
}

int an_sent_has_synset(an_sent *s, uint32_t sy)
{
    const an_dict *d = s->d;
    if (wset_full(s) || sy >= s->synset_seen.n) return 1;
    return d->synset_any.v[sy] || s->synset_seen.v[sy];
}

/* Marks the synsets a member of which starts with one of the sentence's words. */
static int mark_synsets(an_sent *s)
{
    const an_dict *d = s->d;
    if (s->synset_seen.n < d->synsets.n) {
        if (AN_VEC_RESERVE(&s->synset_seen, d->synsets.n) < 0) return AN_ENOMEM;
        memset(s->synset_seen.v, 0, d->synsets.n);
        s->synset_seen.n = d->synsets.n;
    }
    for (size_t i = 0; i < s->wset_used.n; i++) {
        uint32_t w = s->wset[s->wset_used.v[i]] - 1;
        if (w >= d->word_synsets_words) continue;
        for (uint32_t k = d->word_synsets_off[w]; k < d->word_synsets_off[w + 1]; k++) {
            uint32_t sy = d->word_synsets.v[k];
            if (s->synset_seen.v[sy]) continue;
            s->synset_seen.v[sy] = 1;
            if (AN_VEC_PUSH(&s->synset_touched, sy) < 0) return AN_ENOMEM;
        }
    }
    return 0;
}

#define CACHE_MAX_SLOTS ((size_t)1 << 20)
#define CACHE_MAX_STORE ((size_t)1 << 23)

void an_candcache_free(an_candcache *c)
{
    free(c->slot);
    AN_VEC_FREE(&c->store);
    an_arena_free(&c->keys);
    memset(c, 0, sizeof *c);
}

static int cache_grow(an_candcache *c)
{
    size_t slots = c->slots ? c->slots * 2 : 1u << 14;
    an_cacheslot *n = calloc(slots, sizeof *n);
    if (!n) return -1;
    for (size_t i = 0; i < c->slots; i++) {
        if (!c->slot[i].hash) continue;
        size_t k = (size_t)c->slot[i].hash & (slots - 1);
        while (n[k].hash) k = (k + 1) & (slots - 1);
        n[k] = c->slot[i];
    }
    free(c->slot);
    c->slot = n;
    c->slots = slots;
    return 0;
}

/* Finds the cached candidates of a token form; returns the slot or NULL. Sets *h. */
static const an_cacheslot *cache_find(const an_candcache *c, const char *norm, uint32_t len,
                                      int poss, uint64_t *h)
{
    *h = (an_hash_bytes(norm, len) ^ (uint64_t)poss) | 1; /* never 0 */
    if (!c->slots) return NULL;
    size_t k = (size_t)*h & (c->slots - 1);
    for (const an_cacheslot *e = &c->slot[k]; e->hash; e = &c->slot[k]) {
        if (e->hash == *h && e->klen == len + 1 && e->key[len] == (char)poss &&
            memcmp(e->key, norm, len) == 0)
            return e;
        k = (k + 1) & (c->slots - 1);
    }
    return NULL;
}

static void cache_put(an_candcache *c, const char *norm, uint32_t len, int poss, uint64_t h,
                      const an_cand *cands, uint16_t n, uint32_t wc)
{
    if (c->store.n + n > CACHE_MAX_STORE || len + 1 > UINT16_MAX) return;
    if ((c->used + 1) * 2 > c->slots) {
        if (c->slots >= CACHE_MAX_SLOTS || cache_grow(c) < 0) return;
        if (!c->keys.block_size) an_arena_init(&c->keys, 256 * 1024);
    }
    char *key = an_arena_alloc(&c->keys, len + 1);
    if (!key || AN_VEC_RESERVE(&c->store, c->store.n + n) < 0) return;
    memcpy(key, norm, len);
    key[len] = (char)poss;
    size_t k = (size_t)h & (c->slots - 1);
    while (c->slot[k].hash) k = (k + 1) & (c->slots - 1);
    c->slot[k] = (an_cacheslot){.hash = h, .key = key, .off = (uint32_t)c->store.n, .n = n,
                                .klen = (uint16_t)(len + 1), .wc = wc};
    if (n) memcpy(c->store.v + c->store.n, cands, n * sizeof *cands);
    c->store.n += n;
    c->used++;
}

int an_sent_candidates(an_sent *s, void *trie_ptr)
{
    for (size_t i = 0; i < s->synset_touched.n; i++)
        if (s->synset_touched.v[i] < s->synset_seen.n) s->synset_seen.v[s->synset_touched.v[i]] = 0;
    s->synset_touched.n = 0;
    const an_trie *trie = trie_ptr;
    const an_dict *d = s->d;
    s->cands.n = 0;
    for (size_t i = 0; i < s->wset_used.n; i++) s->wset[s->wset_used.v[i]] = 0;
    s->wset_used.n = 0;
    s->wocc.n = 0;
    /* Storage even when no token has a candidate: `cands.v + tok->cand` must not be NULL + 0. */
    if (AN_VEC_RESERVE(&s->cands, 1) < 0) return AN_ENOMEM;
    an_prefix_hit hits[MAX_PREFIX_HITS];
    for (size_t i = 0; i < s->toks.n; i++) {
        an_ctok *t = &s->toks.v[i];
        t->cand = (uint32_t)s->cands.n;
        t->ncand = 0;
        if (t->type == AN_T_COMMA || t->type == AN_T_QUOTE) continue;
        uint64_t h = 0;
        const an_cacheslot *hit = s->cache ? cache_find(s->cache, t->norm, t->len, t->poss, &h) : NULL;
        if (hit) {
            t->wc = hit->wc;
            uint16_t n = hit->n;
            if (AN_VEC_RESERVE(&s->cands, s->cands.n + n) < 0) return AN_ENOMEM;
            const an_cand *src = s->cache->store.v + hit->off;
            for (uint16_t k = 0; k < n; k++) {
                s->cands.v[s->cands.n++] = src[k];
                if (wset_add(s, src[k].word, (uint32_t)i) < 0) return AN_ENOMEM;
            }
            t->ncand = n;
            continue;
        }
        t->wc = an_wordclass(t->norm, t->len);
        size_t nh = an_trie_prefixes(trie, t->norm, t->len, hits, MAX_PREFIX_HITS);
        if (nh > MAX_PREFIX_HITS) nh = MAX_PREFIX_HITS;
        for (size_t hi = 0; hi < nh; hi++) {
            const char *w = an_intern_str(&d->words, hits[hi].word);
            an_cand c;
            c.word = hits[hi].word;
            c.extra = (uint8_t)(t->len - hits[hi].len);
            c.mask = match_mask(w, hits[hi].len, t->norm + hits[hi].len, t->len - hits[hi].len,
                                t->poss);
            if (AN_VEC_PUSH(&s->cands, c) < 0 || wset_add(s, c.word, (uint32_t)i) < 0) return AN_ENOMEM;
            t->ncand++;
        }
        if (s->cache) cache_put(s->cache, t->norm, t->len, t->poss, h, s->cands.v + t->cand, t->ncand,
                               t->wc);
    }
    return mark_synsets(s);
}

/* Returns the characters the token contributes when matching word by kind match, or -1. */
static int tok_match(const an_sent *s, uint32_t t, uint32_t word, int match, uint32_t wlen)
{
    const an_ctok *tk = &s->toks.v[t];
    const an_cand *c = s->cands.v + tk->cand;
    for (uint16_t k = 0; k < tk->ncand; k++) {
        if (c[k].word != word) continue;
        if (!(c[k].mask & (1u << match))) return -1;
        if (match == AN_WM_STEM || match == AN_WM_EXACT) return (int)wlen;
        return (int)(wlen + c[k].extra);
    }
    return -1;
}

int an_tok_has(const an_sent *s, uint32_t t, uint32_t word, int match)
{
    return tok_match(s, t, word, match, 0) >= 0;
}

/* Tries root r at token i; returns the characters covered (or -1) and the last token.
 * *steps counts the tokens tried. */
static int try_root(const an_sent *s, const an_root *r, uint32_t i, uint16_t *last,
                    uint64_t *steps)
{
    const an_dict *d = s->d;
    const an_rword *w = d->rwords.v + r->words;
    (*steps)++;
    int chars = tok_match(s, i, w[0].word, w[0].match, an_intern_len(&d->words, w[0].word));
    if (chars < 0) return -1;
    uint32_t pos = i;
    for (uint16_t k = 1; k < r->nwords; k++) {
        uint32_t wl = an_intern_len(&d->words, w[k].word);
        int got = -1;
        if (w[k - 1].adjacent) {
            uint32_t j = pos + 1;
            (*steps)++;
            if (j < s->toks.n && s->toks.v[j].type != AN_T_COMMA)
                got = tok_match(s, j, w[k].word, w[k].match, wl);
            if (got >= 0) pos = j;
        } else {
            for (uint32_t j = pos + 1; j < s->toks.n && s->toks.v[j].type != AN_T_COMMA; j++) {
                (*steps)++;
                if (s->toks.v[j].occ >= 0) continue;
                got = tok_match(s, j, w[k].word, w[k].match, wl);
                if (got >= 0) {
                    pos = j;
                    break;
                }
            }
        }
        if (got < 0) return -1;
        chars += got;
    }
    *last = (uint16_t)pos;
    return chars;
}

static uint8_t type_of_root(int kind)
{
    switch (kind) {
    case AN_ROOT_ACTOR: return AN_T_ACTOR;
    case AN_ROOT_AGENT: return AN_T_AGENT;
    case AN_ROOT_VERB: return AN_T_VERB;
    case AN_ROOT_NOUN: return AN_T_NOUN;
    case AN_ROOT_ADJ: return AN_T_ADJ;
    case AN_ROOT_TIME: return AN_T_TIME;
    case AN_ROOT_DET: return AN_T_DET;
    case AN_ROOT_CONJ: return AN_T_CONJ;
    case AN_ROOT_PREP: return AN_T_PREP;
    case AN_ROOT_PRONOUN: return AN_T_PRONOUN;
    case AN_ROOT_AUX: return AN_T_AUX;
    case AN_ROOT_BY: return AN_T_BY;
    case AN_ROOT_FORMER: return AN_T_FORMER;
    default: return AN_T_NONE;
    }
}

/* Marks the tokens a root occurrence covers (its words, not the gaps between them). */
static void cover(an_sent *s, const an_root *r, uint32_t i, int32_t occ)
{
    const an_dict *d = s->d;
    const an_rword *w = d->rwords.v + r->words;
    uint32_t pos = i;
    s->toks.v[i].occ = occ;
    for (uint16_t k = 1; k < r->nwords; k++) {
        uint32_t wl = an_intern_len(&d->words, w[k].word);
        if (w[k - 1].adjacent) {
            pos++;
        } else {
            for (uint32_t j = pos + 1; j < s->toks.n; j++) {
                if (s->toks.v[j].occ >= 0) continue;
                if (tok_match(s, j, w[k].word, w[k].match, wl) >= 0) {
                    pos = j;
                    break;
                }
            }
        }
        s->toks.v[pos].occ = occ;
    }
}

/* Tries root ri at token i and keeps it if it covers more characters than the best so far
 * (ties: the root read first). */
static inline void consider(an_sent *s, uint32_t ri, uint32_t i, int *best_chars,
                            uint32_t *best_root, uint32_t *best_order, uint16_t *best_last)
{
    const an_root *r = &s->d->roots.v[ri];
    uint16_t last;
    int chars = try_root(s, r, i, &last, &s->work);
    if (chars < 0) return;
    if (chars > *best_chars || (chars == *best_chars && r->order < *best_order)) {
        *best_chars = chars;
        *best_root = ri;
        *best_order = r->order;
        *best_last = last;
    }
}

int an_sent_roots(an_sent *s)
{
    const an_dict *d = s->d;
    s->occs.n = 0;
    for (uint32_t i = 0; i < s->toks.n; i++) {
        an_ctok *t = &s->toks.v[i];
        if (t->occ >= 0 || t->type == AN_T_COMMA || t->type == AN_T_QUOTE) continue;
        int best_chars = -1;
        uint32_t best_root = 0, best_order = UINT32_MAX;
        uint16_t best_last = 0;
        const an_cand *c = s->cands.v + t->cand;
        const an_ctok *next = i + 1 < s->toks.n ? &s->toks.v[i + 1] : NULL;
        for (uint16_t k = 0; k < t->ncand; k++) {
            uint32_t w = c[k].word;
            /* Roots of one word or with a gap after the first word ... */
            for (uint32_t x = d->first_index[w]; x < d->first_index[w + 1]; x++)
                consider(s, d->first_roots[x], i, &best_chars, &best_root, &best_order, &best_last);
            /* ... and roots whose second word is the next token. */
            if (!next || next->type == AN_T_COMMA) continue;
            const an_cand *c2 = s->cands.v + next->cand;
            for (uint16_t k2 = 0; k2 < next->ncand; k2++) {
                uint32_t b, e;
                an_dict_pair_roots(d, w, c2[k2].word, &b, &e);
                for (uint32_t x = b; x < e; x++)
                    consider(s, d->pair_roots[x], i, &best_chars, &best_root, &best_order, &best_last);
            }
        }
        if (best_chars < 0) continue;
        const an_root *r = &d->roots.v[best_root];
        an_occ o;
        o.root = best_root;
        o.first = (uint16_t)i;
        o.last = best_last;
        o.chars = (uint16_t)best_chars;
        o.type = type_of_root(r->kind);
        o.cancelled = 0;
        if (AN_VEC_PUSH(&s->occs, o) < 0) return AN_ENOMEM;
        cover(s, r, i, (int32_t)s->occs.n - 1);
    }
    /* Token types. */
    for (uint32_t i = 0; i < s->toks.n; i++) {
        an_ctok *t = &s->toks.v[i];
        if (t->occ >= 0) t->type = s->occs.v[t->occ].type;
        else if (t->kind == AN_TOK_NUMBER || t->kind == AN_TOK_CURRENCY) t->type = AN_T_NUMBER;
    }
    return 0;
}
