/* tokenize.h — splits text into tokens: words (with possessives, internal apostrophes,
 * dotted acronyms and known abbreviations), numbers (50,000 3.5 1990s), currency amounts
 * ($5.2, US$10, €300), hyphenated compounds as separate words marked as joined, and
 * punctuation by role. Each token keeps its byte span in the original text and gets its
 * normalised matching form (normalize.h). Sentence splitting is in sentence.h. */
#ifndef AN_TOKENIZE_H
#define AN_TOKENIZE_H

#include <stddef.h>

#include "annalist.h"
#include "util/arena.h"
#include "util/vec.h"

typedef AN_VEC(an_token) an_tokvec;

/* Appends the tokens of text[0..len) to out; spans are offsets into text plus base.
 * Norm strings are allocated in arena. Returns 0 or AN_ENOMEM. */
int an_tokenize(an_tokvec *out, an_arena *arena, const char *text, size_t len, uint32_t base);

#endif
