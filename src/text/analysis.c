/* analysis.c — runs the text pipeline on one document (dateline → tokens → sentences)
 * and exposes it through the public an_analysis accessors. */
#include "text/analysis.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/dateline.h"
#include "util/error.h"

int an_text_analyze(an_text *t, an_arena *arena, const char *text, size_t len,
                    int single_sentence)
{
    t->text = text;
    t->len = len;
    t->tokens.n = 0;
    t->sentences.n = 0;
    t->dateline = NULL;
    t->body_off = 0;
    if (len > UINT32_MAX) return AN_ELIMIT; /* offsets into the text are 32-bit */
    size_t lead = 0;
    while (lead < len && (text[lead] == ' ' || text[lead] == '\n' || text[lead] == '\t' ||
                          text[lead] == '\r'))
        lead++;
    /* Feed credits ("Reuters - ", "Canadian Press - KINSHASA (AP) - ") are not text. */
    for (size_t credit; (credit = an_credit_prefix(text + lead, len - lead)) > 0;) lead += credit;
    size_t place_len = 0;
    size_t skip = an_dateline_prefix(text + lead, len - lead, &place_len);
    if (skip) {
        t->dateline = an_arena_strndup(arena, text + lead, place_len);
        if (!t->dateline) return AN_ENOMEM;
        lead += skip;
    }
    t->body_off = (uint32_t)lead;
    int rc = an_tokenize(&t->tokens, arena, text + t->body_off, len - t->body_off, t->body_off);
    if (rc < 0) return rc;
    if (t->tokens.n) t->tokens.v[0].flags |= AN_TOKF_LINE_START | AN_TOKF_PARA_START;
    if (single_sentence) {
        if (t->tokens.n == 0) return 0;
        an_sentence s;
        s.first_token = 0;
        s.token_count = (uint32_t)t->tokens.n;
        s.span.off = t->tokens.v[0].span.off;
        const an_token *last = &t->tokens.v[t->tokens.n - 1];
        s.span.len = last->span.off + last->span.len - s.span.off;
        s.paragraph = 0;
        return AN_VEC_PUSH(&t->sentences, s) < 0 ? AN_ENOMEM : 0;
    }
    return an_split_sentences(&t->sentences, t->tokens.v, t->tokens.n);
}

void an_text_free(an_text *t)
{
    AN_VEC_FREE(&t->tokens);
    AN_VEC_FREE(&t->sentences);
}

struct an_analysis {
    an_arena arena;
    an_text text;
};

int an_analyze(an_analysis **out, const an_doc *doc, an_error *err)
{
    *out = NULL;
    an_analysis *a = calloc(1, sizeof *a);
    if (!a) return an_err_oom(err);
    an_arena_init(&a->arena, 64 * 1024);
    int rc = an_text_analyze(&a->text, &a->arena, doc->text ? doc->text : "",
                             doc->text ? doc->text_len : 0, doc->single_sentence);
    if (rc < 0) {
        an_analysis_free(a);
        if (rc == AN_ELIMIT)
            return an_err(err, rc, doc->file, doc->line,
                          "document %s is %zu bytes, more than the 4294967295 that can be "
                          "analysed", doc->id ? doc->id : "", doc->text_len);
        return an_err_oom(err);
    }
    *out = a;
    return 0;
}

size_t an_analysis_sentence_count(const an_analysis *a) { return a->text.sentences.n; }
const an_sentence *an_analysis_sentence(const an_analysis *a, size_t i)
{
    return i < a->text.sentences.n ? &a->text.sentences.v[i] : NULL;
}
size_t an_analysis_token_count(const an_analysis *a) { return a->text.tokens.n; }
const an_token *an_analysis_token(const an_analysis *a, size_t i)
{
    return i < a->text.tokens.n ? &a->text.tokens.v[i] : NULL;
}
const char *an_analysis_dateline(const an_analysis *a) { return a->text.dateline; }

void an_analysis_free(an_analysis *a)
{
    if (!a) return;
    an_text_free(&a->text);
    an_arena_free(&a->arena);
    free(a);
}
