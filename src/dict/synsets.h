/* synsets.h — building synonym sets while a verb dictionary is read (see synsets.c). */
#ifndef AN_DICT_SYNSETS_H
#define AN_DICT_SYNSETS_H

#include "dict/dict.h"

typedef struct an_synset_builder {
    int active;
    int skipping;      /* the members of a synset defined again: read and ignored */
    uint32_t synset;
} an_synset_builder;

/* Whether "+member" lines belong to a synset now (one being built or one being skipped). */
static inline int an_synset_reading(const an_synset_builder *sb) { return sb->active || sb->skipping; }

/* Starts synset "&NAME" (closing any open one). */
int an_synset_open(an_dict *d, an_synset_builder *sb, const char *name, size_t len,
                   const char *file, unsigned long line);
/* Adds a compiled member to the open synset (ignored when none is open). */
int an_synset_add(an_dict *d, an_synset_builder *sb, const an_seq *member);
/* Ends the open synset and orders its members longest first. */
void an_synset_close(an_dict *d, an_synset_builder *sb);

#endif
