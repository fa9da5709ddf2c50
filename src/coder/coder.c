/* coder.c — the public coder: codes one document at a time. Splits the text into sentences
 * (text/analysis), prepares each sentence's tokens, runs the stages (roots → structure →
 * events → finalize) and turns the results into an_event records with provenance.
 * A coder holds only per-document state, so one dictionary can serve many coders. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coder/annalist_mode.h"
#include "coder/coder_impl.h"
#include "coder/ptree.h"
#include "coder/sent.h"
#include "text/analysis.h"
#include "text/normalize.h"
#include "util/date.h"
#include "util/error.h"

struct an_coder {
    const an_dict *dict;
    an_code_opts opts;
    an_options options;        /* TABARI options in force (the dictionary's, or overridden) */
    an_arena arena;            /* per document */
    an_text text;
    an_sent sent;
    an_ptree tree;
    an_docctx ctx;            /* annalist mode: actors of the document so far */
    an_candcache cache;       /* token forms' dictionary candidates */
    AN_VEC(an_event) events;
    AN_VEC(uint8_t) status;    /* per sentence: an_sent_status */
    an_buf trace;
    an_diag_fn diag;
    void *diag_ud;
    /* TABARI FORWARD: the last record's story and sentence numbers and its first actor. */
    long fwd_story, fwd_sentence;
    const an_datedcode *fwd_code;
    uint32_t fwd_literal;
    int tokens_cut;            /* the sentence had more tokens than the limit */
};

/* Reads story and sentence numbers from a record id with a FORWARD format such as
 * "^^*****NNN*SSS" ('^' leading blanks, which ids do not carry; '*' any character;
 * N story digits; S sentence digits). Returns 0 when the id does not fit. */
static int forward_numbers(const char *fmt, const char *id, long *story, long *sentence)
{
    while (*fmt == ' ') fmt++;
    while (*fmt == '^') fmt++;
    *story = *sentence = 0;
    int ns = 0, nn = 0;
    for (; *fmt && *fmt != ' '; fmt++, id++) {
        if (!*id) return 0;
        if (*fmt == 'N' || *fmt == 'S') {
            if (*id < '0' || *id > '9') return 0;
            long *v = *fmt == 'N' ? story : sentence;
            if (*v > 100000000000000L) return 0; /* a format with more digits than a long */
            *v = *v * 10 + (*id - '0');
            if (*fmt == 'N') nn++;
            else ns++;
        }
    }
    return nn > 0 && ns > 0;
}

int an_coder_new(an_coder **out, const an_dict *dict, const an_code_opts *opts, an_error *err)
{
    *out = NULL;
    if (!dict || !dict->finished)
        return an_err(err, AN_EUSAGE, NULL, 0, "the dictionary must be finished first");
    an_coder *c = calloc(1, sizeof *c);
    if (!c) return an_err_oom(err);
    an_code_opts defaults = AN_CODE_OPTS_INIT;
    c->opts = opts ? *opts : defaults;
    c->dict = dict;
    an_wordclass_init();
    c->options = dict->options;
    an_arena_init(&c->arena, 64 * 1024);
    c->sent.d = dict;
    c->sent.opt = &c->options;
    c->sent.arena = &c->arena;
    c->sent.cache = &c->cache;
    c->fwd_story = -1;
    c->fwd_literal = AN_NO_ID;
    *out = c;
    return 0;
}

void an_coder_set_diag(an_coder *c, an_diag_fn fn, void *userdata)
{
    c->diag = fn;
    c->diag_ud = userdata;
}

void an_coder_set_options(an_coder *c, const an_options *o) { c->options = *o; }
const an_options *an_coder_options(const an_coder *c) { return &c->options; }

void an_coder_free(an_coder *c)
{
    if (!c) return;
    an_sent *s = &c->sent;
    AN_VEC_FREE(&s->toks);
    AN_VEC_FREE(&s->cands);
    AN_VEC_FREE(&s->occs);
    AN_VEC_FREE(&s->mentions);
    AN_VEC_FREE(&s->compounds);
    AN_VEC_FREE(&s->members);
    AN_VEC_FREE(&s->clauses);
    AN_VEC_FREE(&s->pending);
    AN_VEC_FREE(&s->wset_used);
    AN_VEC_FREE(&s->wocc);
    AN_VEC_FREE(&s->synset_seen);
    AN_VEC_FREE(&s->synset_touched);
    AN_VEC_FREE(&s->finals);
    free(s->synmemo);
    AN_VEC_FREE(&c->events);
    AN_VEC_FREE(&c->status);
    an_text_free(&c->text);
    an_ptree_free(&c->tree);
    an_candcache_free(&c->cache);
    an_arena_free(&c->arena);
    an_buf_free(&c->trace);
    free(c);
}

/* Builds the coder's view of one sentence: words, numbers, commas and double quotes. */
static int prepare_tokens(an_coder *c, const an_sentence *sent, size_t max_tokens)
{
    an_sent *s = &c->sent;
    s->toks.n = 0;
    int seen_cap = 0;
    for (uint32_t k = 0; k < sent->token_count; k++) {
        const an_token *t = &c->text.tokens.v[sent->first_token + k];
        if (t->type == AN_TOK_END || t->type == AN_TOK_PUNCT) continue;
        if (t->type == AN_TOK_QUOTE && t->norm[0] != '"') continue;
        if (s->toks.n >= max_tokens) {
            c->tokens_cut = 1;
            break;
        }
        an_ctok ct;
        memset(&ct, 0, sizeof ct);
        ct.norm = t->norm;
        ct.len = (uint32_t)strlen(t->norm);
        ct.span = t->span;
        ct.kind = (uint8_t)t->type;
        ct.type = t->type == AN_TOK_COMMA ? AN_T_COMMA : t->type == AN_TOK_QUOTE ? AN_T_QUOTE
                                                                                  : AN_T_NONE;
        ct.cap = (t->flags & AN_TOKF_CAPITALIZED) != 0;
        ct.midcap = ct.cap && seen_cap;
        ct.hyphen = (t->flags & AN_TOKF_HYPHEN_BEFORE) != 0;
        if (ct.cap) seen_cap = 1;
        ct.poss = (t->flags & AN_TOKF_POSSESSIVE) != 0;
        if (s->mode == AN_MODE_ANNALIST && !s->allcaps &&
            (!strcmp(ct.norm, "US") || !strcmp(ct.norm, "US'S")) &&
            !strncmp(s->text + t->span.off, "US", 2)) {
            /* "US forces": in capitals amid lower-case text, US is the country, not "us"
             * (the dictionaries cannot list it: their matching ignores case). */
            ct.norm = ct.len == 2 ? "U.S." : "U.S.'S";
            ct.len = (uint32_t)strlen(ct.norm);
        }
        ct.occ = -1;
        ct.mention = -1;
        ct.compound = -1;
        if (s->mode != AN_MODE_TABARI && ct.len > 3 && !strcmp(ct.norm + ct.len - 3, "N'T")) {
            /* PETRARCH dictionaries spell contractions as Treebank tokens: "did n't",
             * "ca n't", "wo n't". */
            an_ctok neg = ct;
            ct.len -= 3;
            char *stem = an_arena_strndup(&c->arena, ct.norm, ct.len);
            if (!stem) return AN_ENOMEM;
            ct.norm = stem;
            neg.norm = "N'T";
            neg.len = 3;
            neg.cap = neg.midcap = 0;
            if (AN_VEC_PUSH(&s->toks, ct) < 0 || AN_VEC_PUSH(&s->toks, neg) < 0) return AN_ENOMEM;
            continue;
        }
        if (AN_VEC_PUSH(&s->toks, ct) < 0) return AN_ENOMEM;
    }
    return 0;
}

/* Builds the coder's tokens from the leaves of a Treebank parse: its tokenisation and its
 * parts of speech replace annalist's own. Each leaf is found in the text for its span. */
static int tokens_from_tree(an_coder *c, const an_sentence *sent, size_t max_tokens)
{
    an_sent *s = &c->sent;
    s->toks.n = 0;
    const char *text = c->text.text;
    uint32_t pos = sent->span.off, end = sent->span.off + sent->span.len;
    int seen_cap = 0;
    for (size_t i = 0; i < c->tree.leaves.n; i++) {
        const an_pleaf *lf = &c->tree.leaves.v[i];
        size_t wl = strlen(lf->word);
        an_span sp = {pos, 0};
        for (uint32_t k = pos; k + wl <= end && k < pos + 400; k++) {
            if (memcmp(text + k, lf->word, wl) == 0) {
                sp.off = k;
                sp.len = (uint32_t)wl;
                pos = k + (uint32_t)wl;
                break;
            }
        }
        const char *tag = lf->tag;
        if (!strcmp(tag, ".") || !strcmp(tag, "$") || !strcmp(tag, "#") || !strcmp(tag, "-NONE-"))
            continue;
        if (!strcmp(tag, "POS")) {
            /* "Gondor 's": the possessive belongs to the word before. */
            if (s->toks.n) s->toks.v[s->toks.n - 1].poss = 1;
            continue;
        }
        if (s->toks.n >= max_tokens) {
            c->tokens_cut = 1;
            break;
        }
        an_ctok ct;
        memset(&ct, 0, sizeof ct);
        ct.span = sp;
        ct.tag = tag;
        ct.occ = ct.mention = ct.compound = -1;
        if (!strcmp(tag, ",") || !strcmp(tag, ":") || !strcmp(tag, "-LRB-") || !strcmp(tag, "-RRB-")) {
            ct.norm = ",";
            ct.len = 1;
            ct.kind = AN_TOK_COMMA;
            ct.type = AN_T_COMMA;
        } else if (!strcmp(tag, "``") || !strcmp(tag, "''")) {
            ct.norm = "\"";
            ct.len = 1;
            ct.kind = AN_TOK_QUOTE;
            ct.type = AN_T_QUOTE;
        } else {
            char buf[256];
            size_t n = an_normalize(lf->word, wl, buf, sizeof buf);
            if (n >= sizeof buf) n = sizeof buf - 1;
            char *norm = an_arena_strndup(&c->arena, buf, n);
            if (!norm) return AN_ENOMEM;
            ct.norm = norm;
            ct.len = (uint32_t)n;
            ct.kind = !strcmp(tag, "CD") ? AN_TOK_NUMBER : AN_TOK_WORD;
            ct.cap = lf->word[0] >= 'A' && lf->word[0] <= 'Z';
            ct.midcap = ct.cap && seen_cap;
            if (ct.cap) seen_cap = 1;
        }
        if (AN_VEC_PUSH(&s->toks, ct) < 0) return AN_ENOMEM;
    }
    return 0;
}

int an_coder_had_dateline(const an_coder *c) { return c->text.dateline != NULL; }

int an_code_mode_parse(const char *name)
{
    if (!strcmp(name, "tabari")) return AN_CODE_MODE_TABARI;
    if (!strcmp(name, "petrarch")) return AN_CODE_MODE_PETRARCH;
    if (!strcmp(name, "annalist")) return AN_CODE_MODE_ANNALIST;
    return -1;
}

static int has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') return 1;
    return 0;
}

static void trace_tokens(an_sent *s)
{
    if (!s->trace) return;
    an_buf_puts(s->trace, "tokens:");
    for (size_t t = 0; t < s->toks.n; t++) {
        const an_ctok *tk = &s->toks.v[t];
        an_buf_printf(s->trace, " %s/%s%s", tk->norm, an_ttype_name(tk->type),
                      tk->eliminated ? "(x)" : "");
    }
    an_buf_putc(s->trace, '\n');
    for (size_t o = 0; o < s->occs.n; o++) {
        const an_occ *oc = &s->occs.v[o];
        if (oc->type <= AN_T_QUOTE || oc->type >= AN_T_DET) continue;
        const an_root *r = &s->d->roots.v[oc->root];
        an_buf_printf(s->trace, "phrase %s \"%s\" tokens %u-%u%s (%s:%u)\n",
                      an_ttype_name(oc->type), r->src.text ? r->src.text : "", oc->first,
                      oc->last, oc->cancelled ? " cancelled" : "",
                      an_dict_file_str(s->d, r->src.file), r->src.line);
    }
    for (size_t k = 0; k < s->compounds.n; k++) {
        const an_compound *cp = &s->compounds.v[k];
        if (!cp->cancelled)
            an_buf_printf(s->trace, "compound tokens %u-%u with %u actors\n", cp->first, cp->last,
                          cp->nmembers);
    }
    for (size_t k = 0; k < s->clauses.n; k++) {
        const an_clause *cl = &s->clauses.v[k];
        an_buf_printf(s->trace, "clause tokens %u-%u (patterns read to %u)\n", cl->first,
                      cl->end ? cl->end - 1 : 0, cl->match_end ? cl->match_end - 1 : 0);
    }
}

static char *span_copy(an_coder *c, an_span sp)
{
    return an_arena_strndup(&c->arena, c->text.text + sp.off, sp.len);
}

static an_span mention_span(const an_sent *s, int32_t m)
{
    an_span sp = {0, 0};
    if (m < 0) return sp;
    const an_mention *me = &s->mentions.v[m];
    const an_ctok *a = &s->toks.v[me->first], *b = &s->toks.v[me->last];
    int32_t first = me->first, last = me->last;
    for (uint8_t i = 0; i < me->nagents; i++) {
        const an_occ *ag = &s->occs.v[me->agents[i]];
        if (ag->first < first) first = ag->first;
        if (ag->last > last) last = ag->last;
    }
    a = &s->toks.v[first];
    b = &s->toks.v[last];
    sp.off = a->span.off;
    sp.len = b->span.off + b->span.len - a->span.off;
    return sp;
}

/* Turns the sentence's finished events into public an_event records. */
static int emit_events(an_coder *c, const an_doc *doc, uint32_t sent_no, an_span sent_span,
                       const char *doc_date)
{
    an_sent *s = &c->sent;
    const an_dict *d = c->dict;
    for (size_t i = 0; i < s->finals.n; i++) {
        const an_final *f = &s->finals.v[i];
        an_event e;
        memset(&e, 0, sizeof e);
        e.doc_id = doc->id ? doc->id : "";
        e.sent = sent_no;
        an_date_format(s->shifted_day, e.date);
        snprintf(e.doc_date, sizeof e.doc_date, "%s", doc_date ? doc_date : "");
        e.source = f->source;
        e.target = f->target;
        e.code = f->code;
        e.root[0] = f->code[0];
        e.root[1] = f->code[0] ? f->code[1] : '\0';
        e.root[2] = '\0';
        const an_cameo_info *ci = an_cameo_lookup(f->code);
        e.quad = ci ? ci->quad : 0;
        e.goldstein = ci ? ci->goldstein : NAN;
        e.plover = ci && ci->plover ? ci->plover : "";
        e.source_span = mention_span(s, f->smention);
        e.target_span = mention_span(s, f->tmention);
        e.verb_span.off = s->toks.v[f->verb_first].span.off;
        e.verb_span.len = s->toks.v[f->verb_last].span.off + s->toks.v[f->verb_last].span.len -
                          e.verb_span.off;
        e.sentence_span = sent_span;
        e.source_text = span_copy(c, e.source_span);
        e.target_text = span_copy(c, e.target_span);
        e.verb_text = span_copy(c, e.verb_span);
        e.sentence_text = span_copy(c, sent_span);
        const an_src *src = f->pattern >= 0 ? &d->patterns.v[f->pattern].src : &d->verbs.v[f->verb].src;
        const char *file = an_dict_file_str(d, src->file);
        const char *base = strrchr(file, '/');
        size_t rl = strlen(file) + (src->text ? strlen(src->text) : 0) + 32;
        char *rule = an_arena_alloc(&c->arena, rl);
        if (rule) snprintf(rule, rl, "%s:%u: %s", base ? base + 1 : file, src->line, src->text ? src->text : "");
        e.rule = rule ? rule : "";
        e.issues = "";
        e.location = s->location ? span_copy(c, s->location_span) : "";
        if (!e.source_text || !e.target_text || !e.verb_text || !e.sentence_text) return AN_ENOMEM;
        if (AN_VEC_PUSH(&c->events, e) < 0) return AN_ENOMEM;
    }
    return 0;
}

/* Tells the diag callback about a sentence that was not coded. */
/* Tells the diag callback that only the first max_tokens tokens of a sentence were coded. */
static void report_many_tokens(an_coder *c, const an_doc *doc, size_t sent_no, size_t max_tokens)
{
    if (!c->diag) return;
    an_error e = {0};
    e.code = AN_ELIMIT;
    snprintf(e.file, sizeof e.file, "%s", doc->file ? doc->file : (doc->id ? doc->id : ""));
    e.line = doc->line;
    snprintf(e.msg, sizeof e.msg,
             "document %s: sentence %zu has more than %zu tokens (the limit); the rest of it "
             "is not coded", doc->id ? doc->id : "", sent_no + 1, max_tokens);
    c->diag(c->diag_ud, &e);
}

static void report_long_sentence(an_coder *c, const an_doc *doc, uint32_t bytes)
{
    if (!c->diag) return;
    an_error e = {0};
    e.code = AN_ELIMIT;
    snprintf(e.file, sizeof e.file, "%s", doc->file ? doc->file : (doc->id ? doc->id : ""));
    e.line = doc->line;
    snprintf(e.msg, sizeof e.msg,
             "document %s: a sentence of %u bytes is longer than the limit of %zu; not coded",
             doc->id ? doc->id : "", bytes, c->opts.max_sentence_bytes);
    c->diag(c->diag_ud, &e);
}

int an_coder_code(an_coder *c, const an_doc *doc, an_result *out, an_error *err)
{
    memset(out, 0, sizeof *out);
    an_arena_reset(&c->arena);
    c->sent.work = 0;
    c->events.n = 0;
    c->status.n = 0;
    an_buf_clear(&c->trace);
    an_sent *s = &c->sent;
    s->trace = c->opts.explain ? &c->trace : NULL;

    const char *text = doc->text ? doc->text : "";
    size_t len = doc->text ? doc->text_len : 0;
    int rc = an_text_analyze(&c->text, &c->arena, text, len, doc->single_sentence);
    if (rc == AN_ELIMIT)
        return an_err(err, rc, doc->file, doc->line,
                      "document %s is %zu bytes, more than the 4294967295 that can be coded",
                      doc->id ? doc->id : "", len);
    if (rc < 0) return an_err_oom(err);

    const char *date = doc->date ? doc->date : c->opts.default_date;
    int day = date ? an_date_parse_iso(date, strlen(date)) : AN_NO_DATE;
    size_t max_tokens = c->opts.max_sentence_tokens ? c->opts.max_sentence_tokens : 256;
    if (c->dict->verb_dialect == AN_DIALECT_TABARI && max_tokens > 126) max_tokens = 126;
    if (max_tokens > 65535) max_tokens = 65535; /* token positions are 16-bit */

    /* FORWARD applies between consecutive records of one story. */
    long story = -1, sentence_no = -1;
    int forward = c->options.forward && doc->single_sentence && doc->id &&
                  forward_numbers(c->options.forward_fmt, doc->id, &story, &sentence_no);
    s->fwd_code = NULL;
    s->fwd_literal = AN_NO_ID;
    if (forward && story == c->fwd_story && sentence_no == c->fwd_sentence + 1) {
        s->fwd_code = c->fwd_code;
        s->fwd_literal = c->fwd_literal;
    }

    int story_discard = 0;
    s->mode = c->opts.mode ? (int)c->opts.mode : c->options.mode ? c->options.mode : c->dict->mode;
    an_docctx_reset(&c->ctx);
    s->ctx = s->mode == AN_MODE_ANNALIST ? &c->ctx : NULL;
    if (s->ctx && c->text.dateline) an_docctx_dateline(&c->ctx, c->dict, c->text.dateline, day);
    for (size_t si = 0; si < c->text.sentences.n; si++) {
        const an_sentence *sent = &c->text.sentences.v[si];
        uint8_t status = AN_SENT_NOEVENTS;
        if (c->opts.max_sentence_bytes && sent->span.len > c->opts.max_sentence_bytes) {
            report_long_sentence(c, doc, sent->span.len);
            status = AN_SENT_TOOLONG;
            if (AN_VEC_PUSH(&c->status, status) < 0) return an_err_oom(err);
            continue;
        }
        s->text = text;
        s->day = day;
        s->shifted_day = day;
        s->discard = s->complex = s->too_short = 0;
        s->allcaps = !has_lower(text + sent->span.off, sent->span.len);
        s->occs.n = s->mentions.n = s->compounds.n = s->members.n = s->clauses.n = 0;
        s->pending.n = s->finals.n = 0;
        s->tagged = 0;
        s->location = NULL;
        s->location_is_place = 0;
        s->country_location = NULL;
        s->location_mention = -1;
        c->tokens_cut = 0;
        if (doc->parse && doc->single_sentence && c->opts.parse == AN_PARSE_USE &&
            s->mode != AN_MODE_TABARI) {
            int prc = an_ptree_parse(&c->tree, &c->arena, doc->parse, strlen(doc->parse));
            if (prc == AN_ENOMEM) return an_err_oom(err);
            if (prc < 0) {
                an_trace(s, "bad parse: the Treebank parse is malformed; not coded");
                if (AN_VEC_PUSH(&c->status, AN_SENT_BADPARSE) < 0) return an_err_oom(err);
                continue;
            }
            if ((rc = tokens_from_tree(c, sent, max_tokens)) < 0) return an_err_oom(err);
            s->tagged = 1;
        } else if ((rc = prepare_tokens(c, sent, max_tokens)) < 0) {
            return an_err_oom(err);
        }
        if (c->tokens_cut) report_many_tokens(c, doc, si, max_tokens);
        if (c->options.min_words > 0 && s->toks.n < (size_t)c->options.min_words) {
            an_trace(s, "too short: %zu tokens, MINIMUM WORDS is %d", s->toks.n,
                     c->options.min_words);
            status = AN_SENT_TOOSHORT;
        } else {
            if ((rc = an_sent_candidates(s, c->dict->trie)) < 0) return an_err_oom(err);
            int story_hit = 0;
            if (an_sent_discards(s, &story_hit)) {
                if (story_hit) story_discard = 1;
                status = AN_SENT_DISCARD;
                if (AN_VEC_PUSH(&c->status, status) < 0) return an_err_oom(err);
                continue;
            }
            if ((rc = an_sent_roots(s)) < 0 || (rc = an_sent_structure(s)) < 0)
                return an_err_oom(err);
            trace_tokens(s);
            if ((rc = an_sent_code(s)) < 0 || (rc = an_sent_finalize(s)) < 0)
                return an_err_oom(err);
            if (s->mode == AN_MODE_ANNALIST) {
                s->shifted_day = an_annalist_event_date(s, s->shifted_day);
                an_annalist_remember(s);
            }
            if (s->discard) status = AN_SENT_DISCARD;
            else if (s->complex) status = AN_SENT_COMPLEX;
            else if (s->finals.n) status = AN_SENT_EVENTS;
            if (status == AN_SENT_EVENTS &&
                (rc = emit_events(c, doc, (uint32_t)si, sent->span, date)) < 0)
                return an_err_oom(err);
        }
        if (AN_VEC_PUSH(&c->status, status) < 0) return an_err_oom(err);
    }
    if (story_discard) {
        /* A story discard drops every event of the document. */
        c->events.n = 0;
        for (size_t i = 0; i < c->status.n; i++) c->status.v[i] = AN_SENT_STORYDISCARD;
        an_trace(s, "the whole story is discarded");
    }
    if (forward) {
        /* Remember this record's first actor that is not a pronoun. */
        c->fwd_story = story;
        c->fwd_sentence = sentence_no;
        c->fwd_code = NULL;
        c->fwd_literal = AN_NO_ID;
        for (uint32_t t = 0; t < s->toks.n; t++) {
            int32_t m = s->toks.v[t].mention;
            if (m < 0 || s->toks.v[t].eliminated) continue;
            const an_mention *me = &s->mentions.v[m];
            if (me->antecedent >= 0 || me->occ < 0) continue;
            if (s->occs.v[me->occ].cancelled) continue;
            c->fwd_code = me->code;
            c->fwd_literal = me->literal;
            break;
        }
    } else {
        c->fwd_story = -1;
    }
    out->events = c->events.v;
    out->event_count = c->events.n;
    out->sentence_count = c->text.sentences.n;
    out->trace = c->opts.explain ? (c->trace.data ? c->trace.data : "") : NULL;
    return 0;
}

uint64_t an_coder_work(const an_coder *c) { return c->sent.work; }

int an_coder_sentence_status(const an_coder *c, size_t sent)
{
    return sent < c->status.n ? c->status.v[sent] : AN_SENT_NOEVENTS;
}
