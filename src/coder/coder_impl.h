/* coder_impl.h — what the library's own tools (validate, explain) need from the coder
 * beyond the public API: per-sentence outcomes and TABARI options that change between
 * records. */
#ifndef AN_CODER_IMPL_H
#define AN_CODER_IMPL_H

#include <stdint.h>

#include "annalist.h"
#include "dict/dict.h"

typedef enum an_sent_status {
    AN_SENT_NOEVENTS = 0,
    AN_SENT_EVENTS,
    AN_SENT_DISCARD,      /* a discard phrase or ### code fired */
    AN_SENT_STORYDISCARD, /* a story discard fired */
    AN_SENT_COMPLEX,      /* the complexity filter fired */
    AN_SENT_TOOSHORT,     /* fewer tokens than MINIMUM WORDS: an input error in TABARI */
    AN_SENT_TOOLONG,      /* over the sentence size limit: not coded */
    AN_SENT_BADPARSE,     /* the Treebank parse given with it is malformed: not coded */
} an_sent_status;

/* Outcome of sentence i of the document coded last. */
int an_coder_sentence_status(const an_coder *c, size_t sent);
/* Replaces the TABARI options in force (validation OPTION: records). */
void an_coder_set_options(an_coder *c, const an_options *o);
const an_options *an_coder_options(const an_coder *c);
/* Whether the document coded last began with a dateline ("CEBU CITY: --"). */
int an_coder_had_dateline(const an_coder *c);
/* Matching steps spent on the document coded last (root and pattern element tries): a
 * measure of work that does not depend on the machine, for tests of the coder's bounds. */
uint64_t an_coder_work(const an_coder *c);

#endif
