/* trie.c — character trie (see trie.h). Built by inserting words into a node array with
 * per-node sorted edge lists, then flattened so that each node's edges are contiguous. */
#include "dict/trie.h"

#include <stdlib.h>
#include <string.h>

typedef struct tnode {
    uint32_t edges;     /* offset of the first edge */
    uint16_t nedges;
    uint32_t word;      /* word id ending here, or AN_NO_ID */
} tnode;

typedef struct tedge {
    unsigned char c;
    uint32_t child;
} tedge;

struct an_trie {
    tnode *nodes;
    size_t nnodes;
    tedge *edges;
    size_t nedges;
};

/* Build-time node with a growable edge list. */
typedef struct bnode {
    tedge *e;
    uint16_t n, cap;
    uint32_t word;
} bnode;

typedef struct builder {
    bnode *nodes;
    size_t n, cap;
} builder;

static int64_t new_node(builder *b)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        bnode *p = realloc(b->nodes, cap * sizeof *p);
        if (!p) return -1;
        b->nodes = p;
        b->cap = cap;
    }
    b->nodes[b->n] = (bnode){NULL, 0, 0, AN_NO_ID};
    return (int64_t)b->n++;
}

static int64_t child_of(builder *b, uint32_t node, unsigned char c)
{
    bnode *nd = &b->nodes[node];
    size_t lo = 0, hi = nd->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nd->e[mid].c < c) lo = mid + 1;
        else hi = mid;
    }
    if (lo < nd->n && nd->e[lo].c == c) return nd->e[lo].child;
    int64_t ch = new_node(b);
    if (ch < 0) return -1;
    nd = &b->nodes[node]; /* may have moved */
    if (nd->n == nd->cap) {
        uint16_t cap = nd->cap ? (uint16_t)(nd->cap * 2) : 2;
        if (cap > 256) cap = 256;
        tedge *e = realloc(nd->e, cap * sizeof *e);
        if (!e) return -1;
        nd->e = e;
        nd->cap = cap;
    }
    memmove(nd->e + lo + 1, nd->e + lo, (nd->n - lo) * sizeof *nd->e);
    nd->e[lo].c = c;
    nd->e[lo].child = (uint32_t)ch;
    nd->n++;
    return ch;
}

an_trie *an_trie_build(const an_intern *t)
{
    builder b = {0};
    an_trie *tr = calloc(1, sizeof *tr);
    if (!tr || new_node(&b) < 0) goto fail;
    for (size_t id = 0; id < t->count; id++) {
        const unsigned char *s = (const unsigned char *)t->strs[id];
        uint32_t node = 0;
        for (uint32_t i = 0; i < t->lens[id]; i++) {
            int64_t ch = child_of(&b, node, s[i]);
            if (ch < 0) goto fail;
            node = (uint32_t)ch;
        }
        b.nodes[node].word = (uint32_t)id;
    }
    size_t total = 0;
    for (size_t i = 0; i < b.n; i++) total += b.nodes[i].n;
    tr->nodes = malloc((b.n ? b.n : 1) * sizeof *tr->nodes);
    tr->edges = malloc((total ? total : 1) * sizeof *tr->edges);
    if (!tr->nodes || !tr->edges) goto fail;
    size_t off = 0;
    for (size_t i = 0; i < b.n; i++) {
        tr->nodes[i].edges = (uint32_t)off;
        tr->nodes[i].nedges = b.nodes[i].n;
        tr->nodes[i].word = b.nodes[i].word;
        if (b.nodes[i].n) memcpy(tr->edges + off, b.nodes[i].e, b.nodes[i].n * sizeof(tedge));
        off += b.nodes[i].n;
        free(b.nodes[i].e);
    }
    tr->nnodes = b.n;
    tr->nedges = total;
    free(b.nodes);
    return tr;
fail:
    for (size_t i = 0; i < b.n; i++) free(b.nodes[i].e);
    free(b.nodes);
    an_trie_free(tr);
    return NULL;
}

void an_trie_free(an_trie *tr)
{
    if (!tr) return;
    free(tr->nodes);
    free(tr->edges);
    free(tr);
}

size_t an_trie_prefixes(const an_trie *tr, const char *s, size_t len, an_prefix_hit *hits,
                        size_t max)
{
    size_t found = 0;
    uint32_t node = 0;
    for (size_t i = 0;; i++) {
        const tnode *nd = &tr->nodes[node];
        if (nd->word != AN_NO_ID && i > 0) {
            if (found < max) hits[found] = (an_prefix_hit){nd->word, (uint32_t)i};
            found++;
        }
        if (i == len || nd->nedges == 0) break;
        unsigned char c = (unsigned char)s[i];
        const tedge *e = tr->edges + nd->edges;
        size_t lo = 0, hi = nd->nedges;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (e[mid].c < c) lo = mid + 1;
            else hi = mid;
        }
        if (lo == nd->nedges || e[lo].c != c) break;
        node = e[lo].child;
    }
    return found;
}

size_t an_trie_memory(const an_trie *tr)
{
    return tr ? tr->nnodes * sizeof(tnode) + tr->nedges * sizeof(tedge) : 0;
}
