/* trie.h — a character trie over the dictionary's words. For a text token it lists every
 * dictionary word that equals the token or is a prefix of it, which is all the matcher
 * needs: exact words, stems, and words plus regular endings. Built once, read-only after. */
#ifndef AN_TRIE_H
#define AN_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "util/intern.h"

typedef struct an_trie an_trie;

/* Builds a trie over every word of t. Returns NULL when out of memory. */
an_trie *an_trie_build(const an_intern *t);
void an_trie_free(an_trie *tr);

typedef struct an_prefix_hit {
    uint32_t word;       /* word id */
    uint32_t len;        /* its length: the token's remainder starts here */
} an_prefix_hit;

/* Fills hits (up to max) with the words that are prefixes of s (shortest first);
 * returns how many there are (may exceed max; only max are written). */
size_t an_trie_prefixes(const an_trie *tr, const char *s, size_t len, an_prefix_hit *hits,
                        size_t max);
size_t an_trie_memory(const an_trie *tr);

#endif
