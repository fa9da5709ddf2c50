/* dict.c — the dictionary model's life cycle: creation with the built-in function words,
 * the builder functions loaders call, event-code parsing, date resolution of actor codes,
 * compilation (an_dict_finish) and statistics. Loading files is in load.c and the
 * format-specific loaders. */
#include "dict/dict.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/trie.h"
#include "util/date.h"
#include "util/error.h"

void an_options_init(an_options *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = AN_CODEBY_CLAUSE;
    o->min_words = -1; /* unset: an_dict_finish picks TABARI's 8 for TABARI verbs, else 0 */
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_bmin = 128;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->default_source = AN_NO_ID;
    o->default_target = AN_NO_ID;
    o->time_shifting = -1;
    o->require_dyad = 1;
}

/* Built-in roots that compete with dictionary roots (tabari-semantics.md §2.3). */
static const struct {
    const char *word;
    an_rootkind kind;
} builtins[] = {
    {"A", AN_ROOT_DET},       {"AN", AN_ROOT_DET},      {"THE", AN_ROOT_DET},
    {"AND", AN_ROOT_CONJ},    {"BUT", AN_ROOT_CONJ},    {"OR", AN_ROOT_CONJ},
    {"NOR", AN_ROOT_CONJ},    {"IN", AN_ROOT_PREP},     {"OF", AN_ROOT_PREP},
    {"HE", AN_ROOT_PRONOUN},  {"HIM", AN_ROOT_PRONOUN}, {"SHE", AN_ROOT_PRONOUN},
    {"HER", AN_ROOT_PRONOUN}, {"IT", AN_ROOT_PRONOUN},  {"THEY", AN_ROOT_PRONOUN},
    {"THEM", AN_ROOT_PRONOUN}, {"THEIR", AN_ROOT_PRONOUN}, {"WAS", AN_ROOT_AUX},
    {"WERE", AN_ROOT_AUX},    {"BEEN", AN_ROOT_AUX},    {"BY", AN_ROOT_BY},
    {"FORMER", AN_ROOT_FORMER},
};

int an_dict_new(an_dict **out, an_error *err)
{
    *out = NULL;
    an_dict *d = calloc(1, sizeof *d);
    if (!d) return an_err_oom(err);
    an_arena_init(&d->arena, 256 * 1024);
    if (an_intern_init(&d->words) < 0 || an_intern_init(&d->codes) < 0 ||
        an_intern_init(&d->files) < 0 || an_intern_init(&d->phrase_keys) < 0) {
        an_dict_free(d);
        return an_err_oom(err);
    }
    an_options_init(&d->options);
    d->code_null = an_dict_code(d, "---", 3);
    d->code_discard = an_dict_code(d, "###", 3);
    d->code_complex = an_dict_code(d, "+++", 3);
    an_src none = {an_intern_add(&d->files, "<built-in>", 10), 0, NULL};
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        an_rword w = {an_dict_word(d, builtins[i].word, strlen(builtins[i].word)), AN_WM_EXACT, 0};
        if (an_dict_add_root(d, builtins[i].kind, (uint32_t)i, &w, 1, 0, none) < 0) {
            an_dict_free(d);
            return an_err_oom(err);
        }
    }
    *out = d;
    return 0;
}

void an_dict_set_diag(an_dict *d, an_diag_fn fn, void *userdata)
{
    d->diag = fn;
    d->diag_ud = userdata;
}

void an_dict_free(an_dict *d)
{
    if (!d) return;
    an_intern_free(&d->words);
    an_intern_free(&d->codes);
    an_intern_free(&d->files);
    an_intern_free(&d->phrase_keys);
    an_arena_free(&d->arena);
    AN_VEC_FREE(&d->rwords);
    AN_VEC_FREE(&d->roots);
    AN_VEC_FREE(&d->actors);
    AN_VEC_FREE(&d->datedcodes);
    AN_VEC_FREE(&d->codelist);
    AN_VEC_FREE(&d->agents);
    AN_VEC_FREE(&d->verbs);
    AN_VEC_FREE(&d->blocks);
    AN_VEC_FREE(&d->patterns);
    AN_VEC_FREE(&d->pelems);
    AN_VEC_FREE(&d->altgroups);
    AN_VEC_FREE(&d->alts);
    AN_VEC_FREE(&d->seqs);
    AN_VEC_FREE(&d->synsets);
    free(d->word_synsets_off);
    AN_VEC_FREE(&d->word_synsets);
    AN_VEC_FREE(&d->synset_any);
    AN_VEC_FREE(&d->discards);
    AN_VEC_FREE(&d->issues);
    AN_VEC_FREE(&d->timecodes);
    an_trie_free(d->trie);
    free(d->first_index);
    free(d->first_roots);
    free(d->pair_keys);
    free(d->pair_begin);
    free(d->pair_end);
    free(d->pair_roots);
    free(d->discard_index);
    free(d->discard_list);
    free(d);
}

int an_dict_problem(an_dict *d, const char *file, unsigned long line, const char *fmt, ...)
{
    d->problems++;
    if (d->diag) {
        an_error e = {0};
        e.code = AN_EBADINPUT;
        snprintf(e.file, sizeof e.file, "%s", file ? file : "");
        e.line = line;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e.msg, sizeof e.msg, fmt, ap);
        va_end(ap);
        d->diag(d->diag_ud, &e);
    }
    return AN_EBADINPUT;
}

void an_dict_warning(an_dict *d, const char *file, unsigned long line, const char *fmt, ...)
{
    d->warnings++;
    if (!d->diag) return;
    an_error e = {0};
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    e.line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    d->diag(d->diag_ud, &e);
}

int an_dict_phrase_new(an_dict *d, char group, const char *phrase, size_t len)
{
    char key[512];
    if (len > sizeof key - 2) len = sizeof key - 2;
    key[0] = group;
    memcpy(key + 1, phrase, len);
    size_t before = d->phrase_keys.count;
    if (an_intern_add(&d->phrase_keys, key, len + 1) == AN_NO_ID) return -1;
    return d->phrase_keys.count > before;
}

uint32_t an_dict_word(an_dict *d, const char *norm, size_t len)
{
    return an_intern_add(&d->words, norm, len);
}

uint32_t an_dict_code(an_dict *d, const char *code, size_t len)
{
    return an_intern_add(&d->codes, code, len);
}

an_src an_dict_src(an_dict *d, const char *file, unsigned long line, const char *text, size_t len)
{
    an_src s;
    s.file = an_intern_add(&d->files, file, strlen(file));
    s.line = (uint32_t)line;
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r' ||
                   text[len - 1] == '\n'))
        len--;
    while (len && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    s.text = an_arena_strndup(&d->arena, text, len);
    return s;
}

int64_t an_dict_add_root(an_dict *d, an_rootkind kind, uint32_t entry, const an_rword *words,
                         size_t nwords, uint8_t flags, an_src src)
{
    if (nwords == 0 || nwords > 0xFFFF) return -1;
    an_root r;
    r.words = (uint32_t)d->rwords.n;
    r.nwords = (uint16_t)nwords;
    r.kind = (uint8_t)kind;
    r.flags = flags;
    r.entry = entry;
    r.order = d->next_order++;
    r.src = src;
    if (AN_VEC_RESERVE(&d->rwords, d->rwords.n + nwords) < 0) return -1;
    memcpy(d->rwords.v + d->rwords.n, words, nwords * sizeof *words);
    d->rwords.n += nwords;
    if (AN_VEC_PUSH(&d->roots, r) < 0) return -1;
    return (int64_t)d->roots.n - 1;
}

/* ------------------------------------------------------------------ event codes */

static int parse_code_part(an_dict *d, const char *s, size_t len, uint32_t *id, int *sub,
                           int *dom, int *null)
{
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    *sub = *dom = *null = 0;
    if (len && s[len - 1] == '?') { *sub = 1; len--; }
    else if (len && s[len - 1] == '!') { *dom = 1; len--; }
    if (len == 0 || (len == 3 && memcmp(s, "---", 3) == 0)) {
        *null = 1;
        *id = d->code_null;
        return 0;
    }
    for (size_t i = 0; i < len; i++)
        if (isspace((unsigned char)s[i]) || s[i] == '[' || s[i] == ']') return -1;
    *id = an_dict_code(d, s, len);
    return *id == AN_NO_ID ? -1 : 0;
}

int an_dict_parse_ecode(an_dict *d, const char *s, size_t len, int actpass, an_ecode *out)
{
    memset(out, 0, sizeof *out);
    out->b = AN_NO_ID;
    /* "- - -" in a TIME section is the null code with blanks. */
    char compact[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof compact; i++)
        if (!isspace((unsigned char)s[i])) compact[n++] = s[i];
    compact[n] = '\0';
    if (n == 0) return -1;
    if (strcmp(compact, "###") == 0) {
        out->a = d->code_discard;
        out->flags = AN_EC_DISCARD;
        return 0;
    }
    if (strcmp(compact, "+++") == 0) {
        out->a = d->code_complex;
        out->flags = AN_EC_COMPLEX;
        return 0;
    }
    const char *colon = memchr(compact, ':', n);
    int sub, dom, null;
    if (!colon) {
        if (parse_code_part(d, compact, n, &out->a, &sub, &dom, &null) < 0) return -1;
        if (null) out->flags |= AN_EC_NULL;
        if (sub) out->flags |= AN_EC_SUBORD_A;
        if (dom) out->flags |= AN_EC_DOMIN_A;
        return 0;
    }
    size_t la = (size_t)(colon - compact);
    if (parse_code_part(d, compact, la, &out->a, &sub, &dom, &null) < 0) return -1;
    if (null) out->flags |= AN_EC_NULL;
    if (sub) out->flags |= AN_EC_SUBORD_A;
    if (dom) out->flags |= AN_EC_DOMIN_A;
    if (parse_code_part(d, colon + 1, n - la - 1, &out->b, &sub, &dom, &null) < 0) return -1;
    if (null) out->flags |= AN_EC_NULL_B;
    if (sub) out->flags |= AN_EC_SUBORD_B;
    if (dom) out->flags |= AN_EC_DOMIN_B;
    out->flags |= actpass ? AN_EC_ACTPASS : AN_EC_PAIRED;
    return 0;
}

/* ------------------------------------------------------------------ actors */

const an_datedcode *an_actor_resolve(const an_dict *d, const an_actor *a, int day)
{
    if (a->ndated == 0) return NULL; /* datedcodes may be empty (and NULL) */
    const an_datedcode *dc = d->datedcodes.v + a->dated;
    if (day == AN_NO_DATE) {
        /* No document date: the undated fallback if there is one, else the first code. */
        for (uint16_t i = 0; i < a->ndated; i++)
            if (dc[i].from == AN_DAY_MIN && dc[i].to == AN_DAY_MAX) return &dc[i];
        return a->ndated ? &dc[0] : NULL;
    }
    for (uint16_t i = 0; i < a->ndated; i++)
        if (day >= dc[i].from && day <= dc[i].to) return &dc[i];
    return NULL;
}

/* ------------------------------------------------------------------ compilation */

/* TABARI keeps a root's patterns longest first; a new pattern goes after the leading
 * patterns whose stored length is at least its fixed length (tabari-semantics.md §2.7). */
static int sort_tabari_patterns(an_dict *d, an_vblock *b)
{
    if (b->npatterns < 2) return 0;
    an_pattern *src = d->patterns.v + b->patterns;
    an_pattern *tmp = malloc(b->npatterns * sizeof *tmp);
    if (!tmp) return -1;
    size_t n = 0;
    for (uint32_t i = 0; i < b->npatterns; i++) {
        size_t k = 0;
        while (k < n && tmp[k].length >= src[i].fixed_length) k++;
        memmove(tmp + k + 1, tmp + k, (n - k) * sizeof *tmp);
        tmp[k] = src[i];
        n++;
    }
    memcpy(src, tmp, n * sizeof *tmp);
    free(tmp);
    return 0;
}

/* Splits each discard phrase into interned words (before the trie is built, so the words
 * are in it) and indexes the discards by their first word. */
static int index_discards(an_dict *d)
{
    for (size_t i = 0; i < d->discards.n; i++) {
        an_discard *dc = &d->discards.v[i];
        dc->words = (uint32_t)d->rwords.n;
        dc->nwords = 0;
        const char *p = dc->phrase;
        while (p && *p) {
            while (*p == ' ') p++;
            const char *start = p;
            while (*p && *p != ' ') p++;
            if (p == start) break;
            an_rword w = {an_dict_word(d, start, (size_t)(p - start)), AN_WM_EXACT, 1};
            if (w.word == AN_NO_ID || AN_VEC_PUSH(&d->rwords, w) < 0) return -1;
            dc->nwords++;
        }
        if (dc->nwords) {
            an_rword *last = &d->rwords.v[dc->words + dc->nwords - 1];
            last->match = dc->exact_end ? AN_WM_POSS : AN_WM_STEM;
            last->adjacent = 0;
        }
        if (dc->story) d->has_story_discards = 1;
    }
    return 0;
}

static int build_discard_index(an_dict *d)
{
    size_t nw = d->words.count;
    d->discard_index = calloc(nw + 1, sizeof *d->discard_index);
    d->discard_list = malloc((d->discards.n ? d->discards.n : 1) * sizeof *d->discard_list);
    if (!d->discard_index || !d->discard_list) return -1;
    for (size_t i = 0; i < d->discards.n; i++)
        if (d->discards.v[i].nwords) d->discard_index[d->rwords.v[d->discards.v[i].words].word + 1]++;
    for (size_t w = 0; w < nw; w++) d->discard_index[w + 1] += d->discard_index[w];
    uint32_t *fill = calloc(nw + 1, sizeof *fill);
    if (!fill) return -1;
    for (size_t i = 0; i < d->discards.n; i++) {
        if (!d->discards.v[i].nwords) continue;
        uint32_t w = d->rwords.v[d->discards.v[i].words].word;
        d->discard_list[d->discard_index[w] + fill[w]++] = (uint32_t)i;
    }
    free(fill);
    return 0;
}

/* For each pattern, a word that must be in a sentence for the pattern to match: its
 * longest plain word outside synsets and alternatives. The coder skips the pattern at once
 * when the sentence lacks it, which is what keeps thousands of patterns cheap. */
static void pattern_needs(an_dict *d)
{
    for (size_t i = 0; i < d->patterns.n; i++) {
        an_pattern *p = &d->patterns.v[i];
        p->need_word = AN_NO_ID;
        uint32_t best = 0;
        const an_pelem *parts[2] = {d->pelems.v + p->lower, d->pelems.v + p->upper};
        uint16_t counts[2] = {p->nlower, p->nupper};
        p->need_synset = AN_NO_ID;
        for (int side = 0; side < 2; side++) {
            for (uint16_t k = 0; k < counts[side]; k++) {
                const an_pelem *e = &parts[side][k];
                if (e->kind == AN_PE_SYNSET && p->need_synset == AN_NO_ID) p->need_synset = e->id;
                if (e->kind != AN_PE_WORD) continue;
                uint32_t len = an_intern_len(&d->words, e->id);
                if (len > best) {
                    best = len;
                    p->need_word = e->id;
                }
            }
        }
    }
}

/* PETRARCH-2 patterns group their words in noun-phrase and prepositional-phrase headers
 * (AN_PE_NP, AN_PE_PP) whose words already carry the adjacency the group needs; matching
 * text needs only the words, so the headers are removed in place. */
static uint16_t strip_groups(an_pelem *e, uint16_t n)
{
    uint16_t o = 0;
    for (uint16_t i = 0; i < n; i++)
        if (e[i].kind != AN_PE_NP && e[i].kind != AN_PE_PP) e[o++] = e[i];
    return o;
}

/* The word each sequence (synset member, alternative) must start with, if any. */
static void seq_first_words(an_dict *d)
{
    for (size_t i = 0; i < d->seqs.n; i++) {
        an_seq *q = &d->seqs.v[i];
        q->first_word = q->n && d->pelems.v[q->elems].kind == AN_PE_WORD ? d->pelems.v[q->elems].id
                                                                          : AN_NO_ID;
    }
}

/* The reverse of the synsets' first words, so that a sentence finds the synsets it may
 * hold from its own words (see an_dict.word_synsets). */
static int index_synset_words(an_dict *d)
{
    size_t nw = d->words.count;
    free(d->word_synsets_off);
    d->word_synsets_off = calloc(nw + 1, sizeof *d->word_synsets_off);
    if (!d->word_synsets_off || AN_VEC_RESERVE(&d->synset_any, d->synsets.n + 1) < 0) return -1;
    d->word_synsets_words = nw;
    d->synset_any.n = d->synsets.n;
    memset(d->synset_any.v, 0, d->synsets.n);
    /* count, then place (a synset is listed once per distinct first word, duplicates are
     * harmless) */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            uint32_t sum = 0;
            for (size_t w = 0; w <= nw; w++) {
                uint32_t c = d->word_synsets_off[w];
                d->word_synsets_off[w] = sum;
                sum += c;
            }
            if (AN_VEC_RESERVE(&d->word_synsets, sum + 1) < 0) return -1;
            d->word_synsets.n = sum;
        }
        for (size_t sy = 0; sy < d->synsets.n; sy++) {
            const an_synset *y = &d->synsets.v[sy];
            for (uint16_t k = 0; k < y->nmembers; k++) {
                uint32_t w = d->seqs.v[y->members + k].first_word;
                if (w == AN_NO_ID || w >= nw) {
                    d->synset_any.v[sy] = 1;
                } else if (pass == 0) {
                    d->word_synsets_off[w]++;
                } else {
                    d->word_synsets.v[d->word_synsets_off[w]++] = (uint32_t)sy;
                }
            }
        }
        if (pass == 1) { /* the place pass advanced each start to the next one's: shift back */
            for (size_t w = nw; w > 0; w--) d->word_synsets_off[w] = d->word_synsets_off[w - 1];
            d->word_synsets_off[0] = 0;
        }
    }
    return 0;
}

static void strip_all_groups(an_dict *d)
{
    for (size_t i = 0; i < d->patterns.n; i++) {
        an_pattern *p = &d->patterns.v[i];
        p->nlower = strip_groups(d->pelems.v + p->lower, p->nlower);
        p->nupper = strip_groups(d->pelems.v + p->upper, p->nupper);
    }
    for (size_t i = 0; i < d->seqs.n; i++)
        d->seqs.v[i].n = strip_groups(d->pelems.v + d->seqs.v[i].elems, d->seqs.v[i].n);
    for (size_t i = 0; i < d->alts.n; i++)
        d->alts.v[i].n = strip_groups(d->pelems.v + d->alts.v[i].elems, d->alts.v[i].n);
}

static int pair_indexed(const an_dict *d, const an_root *r)
{
    return r->nwords >= 2 && d->rwords.v[r->words].adjacent;
}

static uint64_t pair_key(uint32_t w0, uint32_t w1)
{
    return ((uint64_t)w0 + 1) << 32 | ((uint64_t)w1 + 1);
}

static size_t pair_slot(const an_dict *d, uint64_t key)
{
    size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull >> 20) & (d->pair_slots - 1);
    while (d->pair_keys[i] && d->pair_keys[i] != key) i = (i + 1) & (d->pair_slots - 1);
    return i;
}

void an_dict_pair_roots(const an_dict *d, uint32_t w0, uint32_t w1, uint32_t *begin, uint32_t *end)
{
    *begin = *end = 0;
    if (!d->pair_slots) return;
    size_t i = pair_slot(d, pair_key(w0, w1));
    if (!d->pair_keys[i]) return;
    *begin = d->pair_begin[i];
    *end = d->pair_end[i];
}

/* Builds the first-word index (CSR) and the first-two-words hash, lists in load order. */
static int index_roots(an_dict *d)
{
    size_t nw = d->words.count, npair = 0;
    d->first_index = calloc(nw + 1, sizeof *d->first_index);
    d->first_roots = malloc((d->roots.n ? d->roots.n : 1) * sizeof *d->first_roots);
    if (!d->first_index || !d->first_roots) return -1;
    for (size_t r = 0; r < d->roots.n; r++) {
        if (pair_indexed(d, &d->roots.v[r])) npair++;
        else d->first_index[d->rwords.v[d->roots.v[r].words].word + 1]++;
    }
    for (size_t w = 0; w < nw; w++) d->first_index[w + 1] += d->first_index[w];
    uint32_t *fill = calloc(nw + 1, sizeof *fill);
    if (!fill) return -1;
    for (size_t r = 0; r < d->roots.n; r++) {
        if (pair_indexed(d, &d->roots.v[r])) continue;
        uint32_t w = d->rwords.v[d->roots.v[r].words].word;
        d->first_roots[d->first_index[w] + fill[w]++] = (uint32_t)r;
    }
    free(fill);
    /* Pair table: count per key, then place the roots. */
    d->pair_slots = 16;
    while (d->pair_slots < npair * 2 + 16) d->pair_slots *= 2;
    d->pair_keys = calloc(d->pair_slots, sizeof *d->pair_keys);
    d->pair_begin = calloc(d->pair_slots, sizeof *d->pair_begin);
    d->pair_end = calloc(d->pair_slots, sizeof *d->pair_end);
    d->pair_roots = malloc((npair ? npair : 1) * sizeof *d->pair_roots);
    if (!d->pair_keys || !d->pair_begin || !d->pair_end || !d->pair_roots) return -1;
    for (size_t r = 0; r < d->roots.n; r++) {
        const an_root *rt = &d->roots.v[r];
        if (!pair_indexed(d, rt)) continue;
        uint64_t key = pair_key(d->rwords.v[rt->words].word, d->rwords.v[rt->words + 1].word);
        size_t i = pair_slot(d, key);
        d->pair_keys[i] = key;
        d->pair_end[i]++; /* a count for now */
    }
    uint32_t off = 0;
    for (size_t i = 0; i < d->pair_slots; i++) {
        if (!d->pair_keys[i]) continue;
        uint32_t count = d->pair_end[i];
        d->pair_begin[i] = off;
        d->pair_end[i] = off; /* filled below */
        off += count;
    }
    for (size_t r = 0; r < d->roots.n; r++) {
        const an_root *rt = &d->roots.v[r];
        if (!pair_indexed(d, rt)) continue;
        uint64_t key = pair_key(d->rwords.v[rt->words].word, d->rwords.v[rt->words + 1].word);
        size_t i = pair_slot(d, key);
        d->pair_roots[d->pair_end[i]++] = (uint32_t)r;
    }
    return 0;
}

int an_dict_finish(an_dict *d, an_error *err)
{
    if (d->finished) return 0;
    strip_all_groups(d);
    seq_first_words(d);
    if (index_synset_words(d) < 0) return an_err_oom(err);
    pattern_needs(d);
    if (index_discards(d) < 0) return an_err_oom(err);
    if (d->verb_dialect == AN_DIALECT_TABARI) {
        for (size_t i = 0; i < d->blocks.n; i++)
            if (sort_tabari_patterns(d, &d->blocks.v[i]) < 0) return an_err_oom(err);
    }
    d->trie = an_trie_build(&d->words);
    if (!d->trie) return an_err_oom(err);
    if (index_roots(d) < 0) return an_err_oom(err);
    if (build_discard_index(d) < 0) return an_err_oom(err);
    if (d->options.time_shifting < 0) d->options.time_shifting = d->has_time_section;
    d->mode = d->declared_mode ? d->declared_mode
              : d->verb_dialect == AN_DIALECT_TABARI ? AN_MODE_TABARI : AN_MODE_PETRARCH;
    if (d->mode != AN_MODE_TABARI && !d->options_set_comma) {
        /* PETRARCH's comma-clause defaults: 2-8 words inside and at the end, none at the start */
        d->options.comma_max = 8;
        d->options.comma_emax = 8;
        d->options.comma_bmin = 0;
        d->options.comma_bmax = 0;
    }
    if (d->options.min_words < 0) d->options.min_words = d->verb_dialect == AN_DIALECT_TABARI ? 8 : 0;
    d->finished = 1;
    return 0;
}

/* ------------------------------------------------------------------ statistics */

/* An actor coded only with bare country codes ("PAK"), whatever the dates. */
static int actor_is_country(const an_dict *d, const an_actor *a)
{
    if (!a->ndated) return 0;
    for (uint16_t k = 0; k < a->ndated; k++) {
        const an_datedcode *dc = &d->datedcodes.v[a->dated + k];
        if (dc->ncodes != 1) return 0;
        const char *code = an_dict_code_str(d, d->codelist.v[dc->codes]);
        if (!code || strlen(code) != 3) return 0;
        for (int i = 0; i < 3; i++)
            if (code[i] < 'A' || code[i] > 'Z') return 0;
    }
    return 1;
}

void an_dict_get_stats(const an_dict *d, an_dict_stats *out)
{
    memset(out, 0, sizeof *out);
    out->files = d->files_loaded;
    out->problems = d->problems;
    for (size_t i = 0; i < d->roots.n; i++) {
        const an_root *r = &d->roots.v[i];
        switch (r->kind) {
        case AN_ROOT_ACTOR: out->actor_phrases++; break;
        case AN_ROOT_AGENT: out->agent_phrases++; break;
        case AN_ROOT_VERB: out->verb_forms++; break;
        case AN_ROOT_NOUN: out->nouns++; break;
        case AN_ROOT_ADJ: out->adjectives++; break;
        case AN_ROOT_TIME: out->time_phrases++; break;
        default: break;
        }
    }
    out->actors = d->actors.n;
    for (size_t i = 0; i < d->actors.n; i++) {
        const an_actor *a = &d->actors.v[i];
        if (a->flags & AN_RF_PLACE) out->places++;
        else if (a->flags & AN_RF_PERSON) out->people++;
        else if (actor_is_country(d, a)) out->countries++;
        else out->organizations++;
        for (uint16_t k = 0; k < a->ndated; k++) {
            const an_datedcode *dc = &d->datedcodes.v[a->dated + k];
            if (dc->from != AN_DAY_MIN || dc->to != AN_DAY_MAX) {
                out->dated_actors++;
                break;
            }
        }
    }
    out->agents = d->agents.n;
    out->verbs = d->verbs.n;
    out->patterns = d->patterns.n;
    out->synsets = d->synsets.n;
    out->discards = d->discards.n;
    out->issues = d->issues.n;
    out->words = d->words.count;
    /* Distinct event codes that a verb, block or pattern can produce. */
    unsigned char *seen = calloc(d->codes.count + 1, 1);
    if (seen) {
        size_t n = 0;
#define COUNT_CODE(ec)                                                                  \
    do {                                                                                \
        if (!((ec).flags & (AN_EC_NULL | AN_EC_DISCARD | AN_EC_COMPLEX | AN_EC_TIMESHIFT)) && \
            (ec).a < d->codes.count && !seen[(ec).a]) {                                 \
            seen[(ec).a] = 1;                                                           \
            n++;                                                                        \
        }                                                                               \
        if (((ec).flags & (AN_EC_PAIRED | AN_EC_ACTPASS)) && !((ec).flags & AN_EC_NULL_B) && \
            (ec).b < d->codes.count && !seen[(ec).b]) {                                 \
            seen[(ec).b] = 1;                                                           \
            n++;                                                                        \
        }                                                                               \
    } while (0)
        for (size_t i = 0; i < d->verbs.n; i++) COUNT_CODE(d->verbs.v[i].code);
        for (size_t i = 0; i < d->blocks.n; i++) COUNT_CODE(d->blocks.v[i].code);
        for (size_t i = 0; i < d->patterns.n; i++) COUNT_CODE(d->patterns.v[i].code);
#undef COUNT_CODE
        out->event_codes = n;
        free(seen);
    }
}
