/* ptree.c — reading a Penn Treebank parse ("(ROOT (S (NP (NNP Arnor)) (VP ...)))") into
 * leaves with their part-of-speech tags and the noun-phrase and verb-phrase spans over
 * them. A parse whose brackets do not balance, or that has no leaves, is rejected: the
 * coder then reports the sentence as a bad parse (PETRARCH's bad_input_parse). */
#include <ctype.h>
#include <string.h>

#include "coder/ptree.h"
#include "util/error.h"

#define MAX_DEPTH 256

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && isspace((unsigned char)*p)) p++;
    return p;
}

/* Undoes the Treebank escapes in a leaf. */
static const char *unescape(an_arena *a, const char *w, size_t n)
{
    static const struct { const char *from, *to; } esc[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"}, {"-LCB-", "{"},
        {"-RCB-", "}"}, {"``", "\""}, {"''", "\""},
    };
    for (size_t i = 0; i < sizeof esc / sizeof esc[0]; i++)
        if (strlen(esc[i].from) == n && memcmp(w, esc[i].from, n) == 0) return esc[i].to;
    return an_arena_strndup(a, w, n);
}

int an_ptree_parse(an_ptree *t, an_arena *arena, const char *s, size_t len)
{
    t->leaves.n = 0;
    t->phrases.n = 0;
    const char *p = s, *end = s + len;
    struct frame {
        const char *label;
        size_t label_len;
        uint32_t first;
    } stack[MAX_DEPTH];
    int depth = 0;
    p = skip_space(p, end);
    while (p < end) {
        if (*p == '(') {
            if (depth >= MAX_DEPTH) return AN_ELIMIT;
            p++;
            const char *lab = p;
            while (p < end && !isspace((unsigned char)*p) && *p != '(' && *p != ')') p++;
            stack[depth].label = lab;
            stack[depth].label_len = (size_t)(p - lab);
            stack[depth].first = (uint32_t)t->leaves.n;
            depth++;
            p = skip_space(p, end);
            if (p < end && *p != '(' && *p != ')') {
                /* A leaf: (TAG word) */
                const char *w = p;
                while (p < end && *p != ')') {
                    if (*p == '(') return AN_EBADINPUT;
                    p++;
                }
                size_t wn = (size_t)(p - w);
                while (wn && isspace((unsigned char)w[wn - 1])) wn--;
                an_pleaf leaf;
                leaf.word = unescape(arena, w, wn);
                leaf.tag = an_arena_strndup(arena, stack[depth - 1].label, stack[depth - 1].label_len);
                if (!leaf.word || !leaf.tag) return AN_ENOMEM;
                if (AN_VEC_PUSH(&t->leaves, leaf) < 0) return AN_ENOMEM;
            }
            continue;
        }
        if (*p == ')') {
            if (depth == 0) return AN_EBADINPUT;
            depth--;
            struct frame *f = &stack[depth];
            uint32_t last = (uint32_t)t->leaves.n;
            int is_np = f->label_len >= 2 && f->label[0] == 'N' && f->label[1] == 'P';
            int is_vp = f->label_len >= 2 && f->label[0] == 'V' && f->label[1] == 'P';
            if ((is_np || is_vp) && last > f->first) {
                an_pphrase ph = {f->first, last, (uint8_t)(is_np ? AN_PHRASE_NP : AN_PHRASE_VP),
                                 (uint8_t)depth};
                /* NP-TMP is a time expression, not a noun phrase of an actor. */
                if (is_np && f->label_len > 2 && memcmp(f->label, "NP-TMP", 6) == 0) ph.kind = AN_PHRASE_NPTMP;
                if (AN_VEC_PUSH(&t->phrases, ph) < 0) return AN_ENOMEM;
            }
            p++;
            p = skip_space(p, end);
            continue;
        }
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        return AN_EBADINPUT; /* text outside brackets */
    }
    if (depth != 0 || t->leaves.n == 0) return AN_EBADINPUT;
    return 0;
}

void an_ptree_free(an_ptree *t)
{
    AN_VEC_FREE(&t->leaves);
    AN_VEC_FREE(&t->phrases);
}
