/* analysis.h — a document's text pipeline in one call: dateline, tokens, sentences.
 * The coder embeds an an_text per document; an_analyze (public) wraps it. */
#ifndef AN_ANALYSIS_H
#define AN_ANALYSIS_H

#include "annalist.h"
#include "text/sentence.h"
#include "text/tokenize.h"
#include "util/arena.h"

typedef struct an_text {
    const char *text;        /* borrowed document text */
    size_t len;
    an_tokvec tokens;        /* malloc'd, reused across documents */
    an_sentvec sentences;
    uint32_t body_off;       /* where the text after the dateline starts */
    const char *dateline;    /* place named by a leading dateline, or NULL (arena) */
} an_text;

/* Analyses text; strings go into arena. Reusing t across documents reuses its arrays.
 * single_sentence: the whole text is one sentence (no splitting; a leading dateline is
 * still recognised and left out). */
int an_text_analyze(an_text *t, an_arena *arena, const char *text, size_t len,
                    int single_sentence);
void an_text_free(an_text *t);

#endif
