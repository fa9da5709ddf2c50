/* sentence.h — sentence splitting over a document's tokens (see sentence.c). */
#ifndef AN_SENTENCE_H
#define AN_SENTENCE_H

#include <stddef.h>

#include "annalist.h"
#include "util/vec.h"

typedef AN_VEC(an_sentence) an_sentvec;

/* Appends the sentences of toks[0..n) to out. Bullets are left out of every sentence;
 * every other token belongs to exactly one sentence. Returns 0 or AN_ENOMEM. */
int an_split_sentences(an_sentvec *out, const an_token *toks, size_t n);

#endif
