/* ptree.h — a Penn Treebank parse as leaves (word, tag) and phrase spans (see ptree.c). */
#ifndef AN_PTREE_H
#define AN_PTREE_H

#include <stdint.h>

#include "util/arena.h"
#include "util/vec.h"

typedef struct an_pleaf {
    const char *word;   /* unescaped ("-LRB-" → "(") */
    const char *tag;    /* NNP, VBD, ... */
} an_pleaf;

enum { AN_PHRASE_NP = 1, AN_PHRASE_VP, AN_PHRASE_NPTMP };

typedef struct an_pphrase {
    uint32_t first, end;  /* leaves [first, end) */
    uint8_t kind;
    uint8_t depth;
} an_pphrase;

typedef struct an_ptree {
    AN_VEC(an_pleaf) leaves;
    AN_VEC(an_pphrase) phrases;   /* in closing order: inner phrases before outer ones */
} an_ptree;

/* Parses s; strings go into arena. Returns 0, AN_EBADINPUT for unbalanced brackets or no
 * leaves, AN_ELIMIT for nesting deeper than 256, AN_ENOMEM. Reuses t's arrays. */
int an_ptree_parse(an_ptree *t, an_arena *arena, const char *s, size_t len);
void an_ptree_free(an_ptree *t);

#endif
