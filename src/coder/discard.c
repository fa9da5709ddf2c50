/* discard.c — PETRARCH discard phrases (sports results and other off-topic text): a phrase
 * matches consecutive tokens, every word whole except the last, which is a stem unless the
 * entry ends in '_'. A sentence discard drops the sentence; a story discard drops the whole
 * document (coder.c applies that after the document is coded). */
#include "coder/sent.h"

int an_sent_discards(an_sent *s, int *story)
{
    const an_dict *d = s->d;
    *story = 0;
    if (!d->discards.n) return 0;
    int found = 0;
    for (uint32_t t = 0; t < s->toks.n; t++) {
        const an_ctok *tk = &s->toks.v[t];
        const an_cand *c = s->cands.v + tk->cand;
        for (uint16_t k = 0; k < tk->ncand; k++) {
            uint32_t w = c[k].word;
            for (uint32_t x = d->discard_index[w]; x < d->discard_index[w + 1]; x++) {
                const an_discard *dc = &d->discards.v[d->discard_list[x]];
                const an_rword *rw = d->rwords.v + dc->words;
                int ok = 1;
                for (uint16_t i = 0; i < dc->nwords && ok; i++) {
                    uint32_t pos = t + i;
                    ok = pos < s->toks.n && an_tok_has(s, pos, rw[i].word, rw[i].match);
                }
                if (!ok) continue;
                an_trace(s, "discard: \"%s\" (%s:%u)%s", dc->phrase,
                         an_dict_file_str(d, dc->src.file), dc->src.line,
                         dc->story ? " discards the story" : "");
                if (dc->story) {
                    *story = 1;
                    return 1;
                }
                found = 1;
            }
        }
    }
    return found;
}
