/* sorted.h — membership in a sorted array of strings (binary search), for the fixed word
 * lists of the text pipeline. The arrays must be in strcmp order. */
#ifndef AN_SORTED_H
#define AN_SORTED_H

#include <stdlib.h>
#include <string.h>

static inline int an_sorted_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Whether word is one of words[0..n). */
static inline int an_in_sorted(const char *const *words, size_t n, const char *word)
{
    return bsearch(word, words, n, sizeof *words, an_sorted_cmp) != NULL;
}

#endif
