/* annalist_mode.c — what annalist mode adds to PETRARCH's reading of a sentence, for real news:
 *   places after a preposition of location are locations, not actors ("in Rawalpindi");
 *   pronouns ("he", "its", "they") and bare surnames ("Sharif") resolve to the latest
 *     matching actor of the sentence or of the document so far;
 *   an agent without a country takes the country of the sentence's location or dateline,
 *     or is not an actor at all;
 *   a speech verb ("X said Y visited Z") ends a clause, so Y is the source of what follows;
 *   a negated verb ("did not attack") codes nothing;
 *   the event date comes from the text ("on Monday", "on Nov. 25", "yesterday").
 * The document context (annalist_mode.h) carries actors from sentence to sentence. */
#include <string.h>
#include <strings.h>

#include "coder/annalist_mode.h"
#include "text/normalize.h"
#include "util/date.h"

static int word_is(const an_ctok *t, const char *w) { return strcmp(t->norm, w) == 0; }

static int is_locative(const an_ctok *t) { return (t->wc & AN_WC_LOCATIVE) != 0; }

static uint8_t mention_flags(const an_sent *s, const an_mention *me)
{
    if (me->occ < 0) return 0;
    const an_root *r = &s->d->roots.v[s->occs.v[me->occ].root];
    return r->kind == AN_ROOT_ACTOR ? s->d->actors.v[r->entry].flags : 0;
}

/* The first code of a mention's resolved code, or NULL. */
static const char *mention_code(const an_sent *s, const an_mention *me)
{
    if (me->literal != AN_NO_ID) return an_dict_code_str(s->d, me->literal);
    if (!me->code || !me->code->ncodes) return NULL;
    return an_dict_code_str(s->d, s->d->codelist.v[me->code->codes]);
}

/* Whether the verb at token v has a pattern reading the preposition at token p right after
 * it and then a target ("ARRIVE IN +"): the place after it is where the verb goes, so it
 * is the target ("arrived in Islamabad"), not a location. */
static int verb_takes_place(const an_sent *s, uint32_t v, uint32_t p)
{
    const an_ctok *vt = &s->toks.v[v];
    if (vt->type != AN_T_VERB || vt->occ < 0) return 0;
    const an_root *r = &s->d->roots.v[s->occs.v[vt->occ].root];
    if (r->kind != AN_ROOT_VERB) return 0;
    uint32_t prep = an_intern_find(&s->d->words, s->toks.v[p].norm, s->toks.v[p].len);
    if (prep == AN_NO_ID) return 0;
    const an_vblock *b = &s->d->blocks.v[s->d->verbs.v[r->entry].block];
    for (uint32_t i = 0; i < b->npatterns; i++) {
        const an_pattern *pt = &s->d->patterns.v[b->patterns + i];
        if (pt->nlower || pt->nupper < 2) continue;
        const an_pelem *e = &s->d->pelems.v[pt->upper];
        if (e[0].kind == AN_PE_WORD && e[0].id == prep && e[1].kind == AN_PE_TARGET) return 1;
    }
    return 0;
}

/* Whether a mention names a country or region by itself (a bare three-letter code, no
 * person or organisation): "in Pakistan" is then a place like "in Lahore". */
static int is_country(const an_sent *s, const an_mention *me)
{
    if (me->occ < 0 || (mention_flags(s, me) & AN_RF_PERSON)) return 0;
    const char *c = mention_code(s, me);
    return c && strlen(c) == 3 && strcmp(c, "---") != 0;
}

/* Whether a country mention ends its noun phrase ("in Iraq", "in Sudan's Darfur region"),
 * rather than describing the noun after it ("in the Ukrainian city of Sumy": the city was
 * struck, and it stands for Ukraine). */
static int country_ends_phrase(const an_sent *s, const an_mention *me)
{
    if (s->toks.v[me->last].poss || me->last + 1u >= s->toks.n) return 1;
    const an_ctok *next = &s->toks.v[me->last + 1];
    if (next->wc & (AN_WC_NPSTOP | AN_WC_BE | AN_WC_NEGATION | AN_WC_DATE | AN_WC_SPEECH))
        return 1;   /* "in Iraq have", "in Iraq on Monday" */
    switch (next->type) {
    case AN_T_NONE: case AN_T_NOUN: case AN_T_AGENT: case AN_T_ADJ: case AN_T_ACTOR:
        return 0;
    default:
        return 1;
    }
}

/* The token before a place that may be its preposition: past a determiner and lower-case
 * words ("in the occupied West Bank", "in southern Thailand"), and past "<place noun> of"
 * ("in the northern Iraq city of Mosul", "in the town of Jenin"); else the token right
 * before it, or -1. */
static int location_preposition(const an_sent *s, uint32_t first)
{
    int t = (int)first - 1;
    /* the token before the place, past one determiner: returned when nothing else fits */
    int before = t >= 1 && s->toks.v[t].type == AN_T_DET ? t - 1 : t;
    /* "in the Bangladesh capital, Dhaka": an apposition to a place noun reads like "of". */
    int apposition = t >= 1 && s->toks.v[t].type == AN_T_COMMA &&
                     s->toks.v[t - 1].type == AN_T_NONE && !s->toks.v[t - 1].cap &&
                     s->toks.v[t - 1].kind == AN_TOK_WORD && !s->toks.v[t - 1].wc;
    if (apposition || (t >= 1 && word_is(&s->toks.v[t], "OF"))) {
        /* "<...> city of X": look for the preposition before the place noun. */
        int u = apposition ? t - 2 : t - 1;
        for (int k = 0; k < 5 && u >= 0; k++, u--) {
            const an_ctok *p = &s->toks.v[u];
            if (is_locative(p)) return u;
            if (p->type == AN_T_COMMA || p->type == AN_T_VERB || (p->wc & AN_WC_NPSTOP)) break;
        }
        return t;
    }
    for (int k = 0; k < 3 && t >= 0; k++, t--) {
        const an_ctok *p = &s->toks.v[t];
        if (is_locative(p)) return t;
        if (!(p->type == AN_T_DET || (p->type == AN_T_NONE && !p->cap && p->kind == AN_TOK_WORD &&
                                      !p->wc)))
            return before;
    }
    return (int)first - 1;
}

/* Whether token t joins a list ("and", "or", a comma). */
static int is_list_joint(const an_ctok *t)
{
    return t->type == AN_T_COMMA || word_is(t, "AND") || word_is(t, "OR");
}

/* Nouns that a city's name names after itself: "the Kyoto treaty", "the Minsk agreements",
 * "the Doha talks", "the Geneva Conventions". */
static int named_after_place(const an_ctok *t)
{
    static const char *const heads[] = {
        "ACCORD", "ACCORDS", "AGREEMENT", "AGREEMENTS", "CONVENTION", "CONVENTIONS",
        "DECLARATION", "FORMAT", "FRAMEWORK", "PROCESS", "PROTOCOL", "PROTOCOLS", "ROUND",
        "SUMMIT", "TALKS", "TREATY", "TREATIES", "CONFERENCE", "PACT", "DEAL", "GROUP",
        "COMMUNIQUE", "CHARTER", "INITIATIVE", "PLAN", "PLATFORM", "CONSENSUS", "DIALOGUE"};
    if (t->kind != AN_TOK_WORD || t->type != AN_T_NONE) return 0;
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        if (strcmp(t->norm, heads[i]) == 0) return 1;
    return 0;
}

static int meeting_noun(const an_ctok *t)
{
    static const char *const nouns[] = {"CONFERENCE", "SUMMIT", "MEETING", "TALKS", "FORUM",
                                        "SESSION", "GATHERING", "SUMMITS", "MEETINGS"};
    if (t->kind != AN_TOK_WORD || t->type != AN_T_NONE) return 0;
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
        if (strcmp(t->norm, nouns[i]) == 0) return 1;
    return 0;
}

/* A place opening the sentence and followed by a dash, a slash or a colon is a dateline the
 * reader did not take off ("Ouagadougou - Rwanda's threat ...", "BANGKOK/JEDDAH, ..."): where
 * the story was filed, not an actor. */
static int dateline_place(const an_sent *s, const an_mention *me)
{
    if (!me->place || me->first > 1) return 0;
    if (me->first == 1) {
        /* the second city of a double dateline: "BANGKOK/JEDDAH, ..." */
        const an_ctok *a = &s->toks.v[1];
        return a->span.off > 0 && s->text[a->span.off - 1] == '/' && s->toks.v[0].type == AN_T_NOUN;
    }
    const an_ctok *b = &s->toks.v[me->last];
    const char *p = s->text + b->span.off + b->span.len;
    for (int k = 0; k < 3 && *p == ' '; k++) p++;
    return *p == '-' || *p == '/' || *p == ':' || !strncmp(p, "\xe2\x80\x94", 3) ||
           !strncmp(p, "\xe2\x80\x93", 3);
}

void an_annalist_locations(an_sent *s)
{
    /* A city naming an agreement or a meeting is no actor: "refused to sign the Kyoto
     * treaty". */
    for (size_t m = 0; m < s->mentions.n; m++) {
        an_mention *me = &s->mentions.v[m];
        if (s->toks.v[me->first].mention != (int32_t)m || me->last + 1u >= s->toks.n) continue;
        const an_ctok *next = &s->toks.v[me->last + 1];
        /* an international organisation hosting a meeting is not a party to what is done
         * at it: "opened a UN conference", "at the NATO summit" */
        const char *code = mention_code(s, me);
        int igo = code && !strncmp(code, "IGO", 3) && meeting_noun(next);
        if (!(me->place && named_after_place(next)) && !igo && !dateline_place(s, me)) continue;
        an_trace(s, "place: \"%s\" names the \"%s\", not an actor", s->toks.v[me->first].norm,
                 s->toks.v[me->last + 1].norm);
        s->toks.v[me->first].mention = -1;
        if (me->occ >= 0) s->occs.v[me->occ].cancelled = 1;
        for (uint32_t u = me->first; u <= me->last; u++) s->toks.v[u].type = AN_T_NOUN;
    }

    /* Mentions are not in text order, so a list is followed by passes until none grows. */
    uint32_t ends[16];          /* the tokens after locations dropped so far */
    size_t nends = 0;
    for (size_t pass = 0, grew = 1; grew && pass < 4; pass++) {
    grew = 0;
    for (size_t m = 0; m < s->mentions.n; m++) {
        an_mention *me = &s->mentions.v[m];
        if (s->toks.v[me->first].mention != (int32_t)m) continue;
        int country = !me->place && is_country(s, me);
        if (!me->place && !(country && country_ends_phrase(s, me))) continue;
        int t = location_preposition(s, me->first);
        /* The rest of a list of places is places too: "in Russia and Germany". */
        int listed = 0;
        for (size_t k = 0; k < nends && t >= 0; k++)
            if (ends[k] == (uint32_t)t && is_list_joint(&s->toks.v[t])) listed = 1;
        if (!listed && (t < 0 || !is_locative(&s->toks.v[t]))) continue;
        if (listed) {
            while (t > 0 && !is_locative(&s->toks.v[t])) t--;
            if (!is_locative(&s->toks.v[t])) continue;
        }
        /* A country is a location only inside it ("in", "across", "within"): "at" points as
         * often as it places ("fired missiles at Israel") and "near", "around" or "off" a
         * country is what is threatened ("drills around Taiwan"). */
        if (country && !(word_is(&s->toks.v[t], "IN") || word_is(&s->toks.v[t], "INSIDE") ||
                         word_is(&s->toks.v[t], "WITHIN") || word_is(&s->toks.v[t], "ACROSS") ||
                         word_is(&s->toks.v[t], "THROUGHOUT")))
            continue;
        if (t > 0 && verb_takes_place(s, (uint32_t)t - 1, (uint32_t)t)) {
            an_trace(s, "place: \"%s\" after \"%s %s\" is where the verb goes: an actor",
                     s->toks.v[me->first].norm, s->toks.v[t - 1].norm, s->toks.v[t].norm);
            continue;
        }
        /* A location: remember the first one, and drop the actor. */
        if (!s->location) {
            const an_ctok *a = &s->toks.v[me->first], *b = &s->toks.v[me->last];
            s->location_span.off = a->span.off;
            s->location_span.len = b->span.off + b->span.len - a->span.off;
            s->location = mention_code(s, me);
            s->location_is_place = !country;
            s->location_mention = (int32_t)m;
        }
        if (country && !s->country_location) {
            s->country_location = mention_code(s, me);
            s->country_location_tok = me->first;
        }
        an_trace(s, "location: \"%s\" after \"%s\" is a place, not an actor",
                 s->toks.v[me->first].norm, s->toks.v[t].norm);
        s->toks.v[me->first].mention = -1;
        if (me->occ >= 0) s->occs.v[me->occ].cancelled = 1;
        for (uint32_t u = me->first; u <= me->last; u++) s->toks.v[u].type = AN_T_NOUN;
        if (nends < sizeof ends / sizeof *ends) ends[nends++] = me->last + 1u;
        grew = 1;
    }
    }
}

/* ------------------------------------------------------------------ document context */

void an_docctx_reset(an_docctx *ctx)
{
    ctx->n = 0;
    ctx->home = NULL;
    ctx->sentence = 0;
}

void an_docctx_dateline(an_docctx *ctx, const an_dict *d, const char *dateline, int day)
{
    /* Look the dateline up as a one- or two-word actor phrase ("KYIV", "NEW DELHI"). */
    char norm[128];
    size_t n = an_normalize(dateline, strlen(dateline), norm, sizeof norm);
    if (n >= sizeof norm) return;
    char *sp = strchr(norm, ' ');
    size_t first_len = sp ? (size_t)(sp - norm) : n;
    uint32_t w = an_intern_find(&d->words, norm, first_len);
    if (w == AN_NO_ID || !d->first_index) return;
    uint32_t b = d->first_index[w], e = d->first_index[w + 1];
    const uint32_t *list = d->first_roots;
    if (sp) {
        const char *second = sp + 1;
        if (strchr(second, ' ')) return;
        uint32_t w2 = an_intern_find(&d->words, second, strlen(second));
        if (w2 == AN_NO_ID) return;
        an_dict_pair_roots(d, w, w2, &b, &e);
        list = d->pair_roots;
    }
    for (uint32_t x = b; x < e; x++) {
        const an_root *r = &d->roots.v[list[x]];
        if (r->kind != AN_ROOT_ACTOR || r->nwords != (sp ? 2 : 1)) continue;
        const an_datedcode *dc = an_actor_resolve(d, &d->actors.v[r->entry], day);
        if (!dc || !dc->ncodes) continue;
        ctx->home = an_dict_code_str(d, d->codelist.v[dc->codes]);
        return;
    }
}

static void ctx_push(an_docctx *ctx, const an_ctxactor *a)
{
    if (ctx->n == AN_DOCCTX_MAX) {
        memmove(ctx->a, ctx->a + 1, (AN_DOCCTX_MAX - 1) * sizeof ctx->a[0]);
        ctx->n--;
    }
    ctx->a[ctx->n++] = *a;
}

/* "Mr Kilroy-Silk", "Lady Thatcher": a titled name that no dictionary knows. */
static int unknown_person_at(const an_sent *s, uint32_t t)
{
    const an_ctok *title = &s->toks.v[t];
    if (!(title->wc & AN_WC_TITLE) || !title->cap || t + 1 >= s->toks.n) return 0;
    const an_ctok *name = &s->toks.v[t + 1];
    return name->cap && name->mention < 0 && name->type == AN_T_NONE;
}

void an_annalist_remember(an_sent *s)
{
    an_docctx *ctx = s->ctx;
    if (!ctx) return;
    for (uint32_t t = 0; t < s->toks.n; t++) {
        if (s->toks.v[t].mention < 0 && !s->toks.v[t].eliminated && unknown_person_at(s, t)) {
            /* Remembered without a code: a later "he" or "she" that refers to this person
             * then stays unresolved instead of going to someone named before. */
            an_ctxactor u;
            memset(&u, 0, sizeof u);
            u.literal = AN_NO_ID;
            u.flags = AN_RF_PERSON;
            u.surname = AN_NO_ID;
            u.sentence = ctx->sentence;
            ctx_push(ctx, &u);
            continue;
        }
        int32_t m = s->toks.v[t].mention;
        if (m < 0 || s->toks.v[t].eliminated) continue;
        const an_mention *me = &s->mentions.v[m];
        if (me->antecedent >= 0 || me->lone_agent || me->occ < 0) continue;
        if (s->occs.v[me->occ].cancelled || (!me->code && me->literal == AN_NO_ID)) continue;
        an_ctxactor a;
        memset(&a, 0, sizeof a);
        a.code = me->code;
        a.literal = me->literal;
        a.flags = mention_flags(s, me);
        a.compound = me->compound >= 0;
        a.surname = AN_NO_ID;
        const an_root *r = &s->d->roots.v[s->occs.v[me->occ].root];
        if ((a.flags & AN_RF_PERSON) && r->nwords >= 2)
            a.surname = s->d->rwords.v[r->words + r->nwords - 1].word;
        for (uint8_t i = 0; i < me->nagents && i < 4; i++)
            a.agents[a.nagents++] = &s->d->agents.v[s->d->roots.v[s->occs.v[me->agents[i]].root].entry];
        a.sentence = ctx->sentence;
        ctx_push(ctx, &a);
    }
    ctx->sentence++;
}

/* A pronoun's kind: 1 person (he, she), 2 thing (it, its), 3 plural (they, their). */
static int pronoun_kind_tok(const an_ctok *t)
{
    if (t->wc & AN_WC_PRON_PERSON) return 1;
    if (t->wc & AN_WC_PRON_THING) return 2;
    if (t->wc & AN_WC_PRON_PLURAL) return 3;
    return 0;
}

static int fits(int kind, uint8_t flags, int compound)
{
    if (kind == 1) return (flags & AN_RF_PERSON) != 0;
    if (kind == 2) return !(flags & AN_RF_PERSON) && !(flags & AN_RF_PLACE);
    return compound || (!(flags & AN_RF_PERSON) && !(flags & AN_RF_PLACE));
}

static int add_context_mention(an_sent *s, uint32_t t, const an_ctxactor *a)
{
    an_mention m = an_mention_make(t, t, -1);
    m.code = a->code;
    m.literal = a->literal;
    m.ctx_agents = a->nagents;
    for (uint8_t i = 0; i < a->nagents; i++) m.ctx_agent[i] = a->agents[i];
    if (AN_VEC_PUSH(&s->mentions, m) < 0) return AN_ENOMEM;
    s->toks.v[t].mention = (int32_t)s->mentions.n - 1;
    s->toks.v[t].type = AN_T_ACTOR;
    return 0;
}

/* Whether an agent follows token t, past lower-case phrase words ("its own army"). */
static int agent_follows(const an_sent *s, uint32_t t)
{
    for (uint32_t u = t + 1; u < s->toks.n && u < t + 4; u++) {
        const an_ctok *tk = &s->toks.v[u];
        if (tk->type == AN_T_AGENT || (tk->mention >= 0 && s->mentions.v[tk->mention].lone_agent))
            return 1;
        if (!(tk->type == AN_T_NONE && !tk->cap)) return 0;
    }
    return 0;
}

/* "its president": agents right after a possessive pronoun belong to it (they were lone
 * agents until now). */
static void take_agents(an_sent *s, uint32_t t)
{
    an_mention *pm = &s->mentions.v[s->toks.v[t].mention];
    for (uint32_t u = t + 1; u < s->toks.n; u++) {
        an_ctok *tk = &s->toks.v[u];
        if (tk->type == AN_T_AGENT || (tk->type == AN_T_ACTOR && tk->occ >= 0 &&
                                       s->occs.v[tk->occ].type == AN_T_ACTOR &&
                                       tk->mention >= 0 && s->mentions.v[tk->mention].lone_agent)) {
            if (pm->nagents < 4) pm->agents[pm->nagents++] = tk->occ;
            if (tk->mention >= 0 && s->mentions.v[tk->mention].lone_agent) tk->mention = -1;
            u = s->occs.v[tk->occ].last;
            continue;
        }
        if (tk->type == AN_T_NONE && !tk->cap) continue;
        break;
    }
}

int an_annalist_pronouns(an_sent *s)
{
    for (uint32_t t = 0; t < s->toks.n; t++) {
        an_ctok *tk = &s->toks.v[t];
        if (tk->eliminated || tk->mention >= 0) continue;
        int kind = pronoun_kind_tok(tk);
        if (!kind) continue;
        /* A possessive ("its", "their", "his") is an actor only with a role after it ("its
         * army", "his government"); "their case", "its record" are not actors. */
        int possessive = (tk->wc & AN_WC_PRON_POSS) != 0;
        if (possessive && !agent_follows(s, t)) continue;
        /* The latest fitting actor before the pronoun in this sentence ... */
        int32_t ante = -1, stands = -1;
        if (kind == 3) {
            for (size_t k = s->compounds.n; k-- > 0 && ante < 0;) {
                const an_compound *cp = &s->compounds.v[k];
                if (!cp->cancelled && cp->last < t) {
                    ante = s->members.v[cp->members];
                    stands = (int32_t)k;
                }
            }
        }
        /* A subject or possessive pronoun refers to the first fitting actor before it,
         * usually the subject ("Ukraine accused Russia ... and called on its allies": its =
         * Ukraine); an object pronoun cannot be the subject, so it takes the latest other one
         * ("Merz hosted Zelensky ... and promised him weapons": him = Zelensky). */
        int object = (tk->wc & AN_WC_PRON_OBJECT) ||
                     (!strcmp(tk->norm, "HER") && t + 1 < s->toks.n &&
                      s->toks.v[t + 1].type != AN_T_NONE && s->toks.v[t + 1].type != AN_T_AGENT);
        int32_t first_fit = -1, last_fit = -1;
        for (uint32_t u = 0; u < t && ante < 0; u++) {
            int32_t m = s->toks.v[u].mention;
            if (m < 0 || s->toks.v[u].eliminated) continue;
            const an_mention *me = &s->mentions.v[m];
            if (me->antecedent >= 0 || me->lone_agent) continue;
            if (me->occ >= 0 && s->occs.v[me->occ].cancelled) continue;
            if (!fits(kind, mention_flags(s, me), me->compound >= 0)) continue;
            if (first_fit < 0) first_fit = m;
            last_fit = m;
        }
        if (ante < 0) ante = object && last_fit != first_fit ? last_fit : first_fit;
        if (ante >= 0) {
            an_mention m = an_mention_make(t, t, -1);
            m.antecedent = ante;
            m.stands_for = stands;
            if (AN_VEC_PUSH(&s->mentions, m) < 0) return AN_ENOMEM;
            tk->mention = (int32_t)s->mentions.n - 1;
            tk->type = AN_T_ACTOR;
            take_agents(s, t);
            an_trace(s, "pronoun: \"%s\" stands for \"%s\"", tk->norm,
                     s->toks.v[s->mentions.v[ante].first].norm);
            continue;
        }
        /* ... else the first fitting actor of the latest sentence that has one; across
         * sentences only "he"/"she" and possessives with a role, since "it" and "they" so
         * often stand for things and people that are not actors ("It follows a move ..."). */
        if (!s->ctx || (kind != 1 && !possessive)) continue;
        int pick = -1;
        for (int i = (int)s->ctx->n - 1; i >= 0; i--) {
            const an_ctxactor *a = &s->ctx->a[i];
            /* only the sentence just before: further back, news has usually moved on to
             * someone the dictionaries do not know (measured on BBC politics, see
             * docs/validation.md) */
            if (a->sentence + 1 != s->ctx->sentence) break;
            if (fits(kind, a->flags, a->compound)) pick = i;
        }
        if (pick >= 0 && !s->ctx->a[pick].code && s->ctx->a[pick].literal == AN_NO_ID) {
            an_trace(s, "pronoun: \"%s\" stands for a person no dictionary knows", tk->norm);
            continue;
        }
        if (pick >= 0) {
            const an_ctxactor *a = &s->ctx->a[pick];
            if (add_context_mention(s, t, a) < 0) return AN_ENOMEM;
            take_agents(s, t);
            an_trace(s, "pronoun: \"%s\" stands for an actor of an earlier sentence", tk->norm);
        }
    }
    return 0;
}

int an_annalist_surnames(an_sent *s)
{
    if (!s->ctx || !s->ctx->n) return 0;
    for (uint32_t t = 0; t < s->toks.n; t++) {
        an_ctok *tk = &s->toks.v[t];
        if (tk->type != AN_T_NONE || !tk->cap || tk->eliminated) continue;
        for (int i = (int)s->ctx->n - 1; i >= 0; i--) {
            const an_ctxactor *a = &s->ctx->a[i];
            if (a->surname == AN_NO_ID) continue;
            if (!an_tok_has(s, t, a->surname, AN_WM_POSS)) continue;
            if (add_context_mention(s, t, a) < 0) return AN_ENOMEM;
            an_trace(s, "name: \"%s\" is the person named earlier in the document", tk->norm);
            break;
        }
    }
    return 0;
}

/* Whether the actor starting at token t is named as a place: after a preposition of
 * location, past determiners and lower-case words ("in northwestern Nigeria", "in the
 * occupied West Bank"). */
static int named_as_place(const an_sent *s, uint32_t t)
{
    for (uint32_t k = 1; k <= 3 && k <= t; k++) {
        const an_ctok *p = &s->toks.v[t - k];
        if (is_locative(p)) return 1;
        if (!(p->type == AN_T_DET || (p->type == AN_T_NONE && !p->cap))) return 0;
    }
    return 0;
}

/* Whether a coded actor (not a lone agent) follows token t; with places_too == 0, one
 * named as a place does not count. */
static int actor_after(const an_sent *s, uint32_t t, int places_too)
{
    for (uint32_t u = t + 1; u < s->toks.n; u++) {
        int32_t m = s->toks.v[u].mention;
        if (m < 0 || s->mentions.v[m].lone_agent) continue;
        if (!places_too && s->mentions.v[m].first == u && named_as_place(s, u)) continue;
        return 1;
    }
    return 0;
}

static int verb_before(const an_sent *s, uint32_t t)
{
    while (t-- > 0)
        if (s->toks.v[t].type == AN_T_VERB) return 1;
    return 0;
}

void an_annalist_lone_agents(an_sent *s)
{
    /* The country for agents without one: the sentence's location, else the document's
     * dateline ("KYIV: Police said ..."), else the sentence's last country ("a strike on
     * the Ukrainian city of Kharkiv, killing seven civilians"). Without any,
     * the agent is not an actor: the first country of the whole story is too weak a guess
     * ("schools and hospitals" in a British story are not British actors of an event). */
    const char *doc_home = s->location_is_place ? s->location : (s->ctx ? s->ctx->home : NULL);
    const char *sentence_home = NULL;
    {
        /* Else the country of the sentence's last actor that has one: "Indonesian
         * protesters set fire to parliament" is Indonesia's parliament. */
        for (uint32_t t = 0; t < s->toks.n && !doc_home; t++) {
            int32_t m = s->toks.v[t].mention;
            if (m < 0 || s->mentions.v[m].lone_agent) continue;
            const char *c = mention_code(s, &s->mentions.v[m]);
            if (c && strlen(c) >= 3 && strncmp(c, "IGO", 3) && strncmp(c, "NGO", 3) &&
                strncmp(c, "---", 3))
                sentence_home = c;
        }
    }
    for (size_t m = 0; m < s->mentions.n; m++) {
        an_mention *me = &s->mentions.v[m];
        if (!me->lone_agent || s->toks.v[me->first].mention != (int32_t)m) continue;
        const char *home = doc_home;
        /* An object agent may take the country of a place named after it ("abducted 20
         * students from a school in northwestern Nigeria"); a subject may not: "a suicide
         * bomber attacked a checkpoint in Pakistan" names no attacker. */
        int object = verb_before(s, me->first);
        /* An object agent with a country named as a location after it: "killed 20 people in
         * the Gaza Strip" (before the sentence's other actors, which are its subject). */
        if (!home && object && s->country_location && s->country_location_tok > me->last)
            home = s->country_location;
        if (!home && sentence_home && !actor_after(s, me->last, !object)) {
            /* The sentence's country, unless an actor follows: in "sent police officers to
             * Haiti" the officers are what is sent, not a Kenyan target. */
            home = sentence_home;
        }
        /* Else a country named as a location, for an object or after it ("abducted in
         * Yemen", "In Iraq, police said"), but not for a subject before it. */
        if (!home && s->country_location && (object || s->country_location_tok < me->first))
            home = s->country_location;
        if (me->compound >= 0) {
            /* "Russian oil traders and shipping firms": the compound's country. */
            const an_compound *cp = &s->compounds.v[me->compound];
            for (uint16_t k = 0; k < cp->nmembers; k++) {
                const an_mention *o = &s->mentions.v[s->members.v[cp->members + k]];
                const char *c = o->lone_agent ? NULL : mention_code(s, o);
                if (c) {
                    home = c;
                    break;
                }
            }
        }
        if (home && strlen(home) >= 3) {
            me->home = home;
            an_trace(s, "agent \"%s\" takes the country %.3s from the context",
                     s->toks.v[me->first].norm, home);
        } else {
            s->toks.v[me->first].mention = -1;
            an_trace(s, "agent \"%s\" has no country: not an actor", s->toks.v[me->first].norm);
        }
    }
}

/* ------------------------------------------------------------------ clauses */

static int is_speech_verb(const an_ctok *t) { return (t->wc & AN_WC_SPEECH) != 0; }

/* "…ended without progress, Japanese officials said." A short stretch after a comma that
 * ends in a speech verb (then the sentence's end, a comma or a conjunction) names who reported
 * the event, not a party to it: the clause is cut at the comma, so the verbs before it do
 * not take their target from the reporter. */
#define ATTRIBUTION_MAX_TOKENS 8

static int attribution_after(const an_sent *s, uint32_t comma)
{
    uint32_t t = comma + 1, n = (uint32_t)s->toks.n;
    for (; t < n && t - comma <= ATTRIBUTION_MAX_TOKENS; t++) {
        const an_ctok *tk = &s->toks.v[t];
        if (is_speech_verb(tk) && (tk->type == AN_T_VERB || tk->type == AN_T_NONE)) break;
        if (tk->type == AN_T_VERB || tk->type == AN_T_COMMA || tk->type == AN_T_CONJ) return 0;
    }
    if (t >= n || t - comma > ATTRIBUTION_MAX_TOKENS || t == comma + 1) return 0;
    for (t++; t < n; t++) { /* "said on Monday." / "said, adding ..." / "said and ..." */
        const an_ctok *tk = &s->toks.v[t];
        if (tk->type == AN_T_COMMA || tk->type == AN_T_CONJ) return 1;
        if (tk->type == AN_T_VERB || tk->type == AN_T_ACTOR) return 0;
    }
    return 1;
}

static int reported_by(an_sent *s)
{
    for (uint32_t t = 1; t < s->toks.n; t++) {
        if (s->toks.v[t].type != AN_T_COMMA || s->toks.v[t].eliminated || !attribution_after(s, t))
            continue;
        an_trace(s, "attribution: \"%s\" after the comma reports the clause before it",
                 s->toks.v[t + 1].norm);
        size_t nc = s->clauses.n;
        for (size_t c = 0; c < nc; c++) {
            an_clause *cl = &s->clauses.v[c];
            if (cl->first < t && t < cl->end) {
                an_clause tail = {(uint16_t)(t + 1), cl->end, cl->match_end};
                cl->end = cl->match_end = (uint16_t)t;
                if (AN_VEC_PUSH(&s->clauses, tail) < 0) return AN_ENOMEM;
            } else if (cl->end <= t + 1 && cl->match_end > t) {
                cl->match_end = (uint16_t)t; /* patterns and targets stop at the comma */
            }
        }
    }
    /* split-off clauses were appended: put them back in sentence order */
    for (size_t i = 1; i < s->clauses.n; i++) {
        an_clause k = s->clauses.v[i];
        size_t j = i;
        for (; j > 0 && s->clauses.v[j - 1].first > k.first; j--) s->clauses.v[j] = s->clauses.v[j - 1];
        s->clauses.v[j] = k;
    }
    return 0;
}

/* "Two people were killed": a verb after a form of BE (with at most one word between, not
 * "to") that is not an -ING form is passive; with no BY phrase its subject is the target and
 * the source is unknown. */
/* "villages destroyed in the war", "civilians killed in Israeli strikes": a participle in -ed
 * right after a common noun and followed by a preposition (not "by"), a comma or the end has
 * no object: a passive without BE, whose subject is the noun. */
static int reduced_passive(const an_sent *s, const an_occ *verb)
{
    const an_ctok *v = &s->toks.v[verb->first];
    if (verb->first == 0 || verb->last != verb->first || v->len < 4 ||
        memcmp(v->norm + v->len - 2, "ED", 2) != 0)
        return 0;
    const an_ctok *n = &s->toks.v[verb->first - 1];
    /* a common noun; agents and counts ("protesters rallied in", "thousands marched in")
     * are the subjects of intransitive verbs */
    int noun = n->kind == AN_TOK_WORD && !n->cap && !n->wc &&
               (n->type == AN_T_NONE || n->type == AN_T_NOUN) && !word_is(n, "THOUSANDS") &&
               !word_is(n, "HUNDREDS") && !word_is(n, "DOZENS") && !word_is(n, "MILLIONS") &&
               !word_is(n, "SCORES") && !word_is(n, "TENS");
    if (!noun) return 0;
    if (verb->last + 1u >= s->toks.n) return 1;
    const an_ctok *after = &s->toks.v[verb->last + 1];
    if (after->type == AN_T_BY || word_is(after, "BY")) return 0;
    /* a place, a time or a comma after it; particles of phrasal verbs ("called on", "voted
     * for", "agreed to") follow active verbs */
    if (word_is(after, "ON") || word_is(after, "FOR") || word_is(after, "TO") ||
        word_is(after, "WITH") || word_is(after, "AGAINST") || word_is(after, "OF"))
        return 0;
    return after->type == AN_T_COMMA || after->type == AN_T_PREP ||
           (after->wc & (AN_WC_NPPREP | AN_WC_LOCATIVE | AN_WC_DATE)) || word_is(after, "DURING");
}

int an_annalist_agentless_passive(const an_sent *s, const an_occ *verb)
{
    const an_ctok *v = &s->toks.v[verb->first];
    if (v->len > 3 && !memcmp(v->norm + v->len - 3, "ING", 3)) return 0;
    if (reduced_passive(s, verb)) return 1;
    /* a base form after BE is an adjective, not a passive: "was open to talks" (the word
     * its entry starts with, unless that is itself a participle: "SENTENCED {SENTENCING}") */
    {
        const char *text = s->d->roots.v[verb->root].src.text;
        if (text && v->len > 2 && memcmp(v->norm + v->len - 2, "ED", 2) != 0) {
            while (*text == '+' || *text == '-' || *text == ' ') text++;
            size_t n = strcspn(text, " \t{[_");
            if (n == v->len && strncasecmp(text, v->norm, n) == 0) return 0;
        }
    }
    for (int k = 1; k <= 2; k++) {
        int t = (int)verb->first - k;
        if (t < 0) return 0;
        const an_ctok *tk = &s->toks.v[t];
        if (tk->type == AN_T_AUX || (tk->wc & AN_WC_BE)) return 1;
        /* one adverb may stand between ("were reportedly killed") */
        if (tk->type != AN_T_NONE || tk->kind != AN_TOK_WORD || tk->cap || word_is(tk, "TO"))
            return 0;
    }
    return 0;
}

int an_annalist_clauses(an_sent *s)
{
    /* "X said (that) Y visited Z": a new clause starts after the speech verb, so the
     * events of the reported clause have their own source. */
    for (size_t c = 0; c < s->clauses.n; c++) {
        an_clause cl = s->clauses.v[c];
        for (uint32_t t = cl.first; t + 2 < cl.end; t++) {
            const an_ctok *tk = &s->toks.v[t];
            /* Only a word read as a verb ("the United States" holds STATES). */
            if (tk->eliminated || (tk->type != AN_T_VERB && tk->type != AN_T_NONE) ||
                !is_speech_verb(tk))
                continue;
            uint32_t next = t + 1;
            /* past a time ("said on Monday that", "said late on Tuesday") */
            for (uint32_t k = 0; k < 4 && next + 1 < cl.end; k++, next++) {
                const an_ctok *w = &s->toks.v[next];
                int time_word = (w->wc & AN_WC_DATE) || word_is(w, "LATE") ||
                                word_is(w, "EARLIER") || word_is(w, "LAST") || word_is(w, "THIS");
                /* "on" only before a date: "said on Monday", not "report on Turkey" */
                if (word_is(w, "ON") && (s->toks.v[next + 1].wc & AN_WC_DATE)) time_word = 1;
                if (!time_word) break;
            }
            if (word_is(&s->toks.v[next], "THAT")) next++;
            /* Only when an actor is the subject of the reported clause. */
            /* The reported clause starts with its subject: an actor or a pronoun, after at
             * most determiners, agents and names ("said Pakistani forces", "said his
             * government"); "declared a three-day ceasefire" reports nothing. */
            int actor_follows = 0;
            for (uint32_t u = next; u < cl.end && u < next + 6; u++) {
                const an_ctok *x = &s->toks.v[u];
                if (x->type == AN_T_ACTOR || pronoun_kind_tok(x)) {
                    /* "told Israel to stop bombing": an order to the actor, not a report of
                     * what it did */
                    uint32_t w = u;
                    while (w + 1 < cl.end && (s->toks.v[w + 1].type == AN_T_ACTOR ||
                                              s->toks.v[w + 1].type == AN_T_AGENT))
                        w++;
                    actor_follows = !(w + 1 < s->toks.n && word_is(&s->toks.v[w + 1], "TO"));
                    break;
                }
                if (!(x->type == AN_T_DET || x->type == AN_T_AGENT || x->type == AN_T_ADJ ||
                      (x->type == AN_T_NONE && x->cap)))
                    break;
            }
            if (!actor_follows) continue;
            an_clause head = {cl.first, (uint16_t)(t + 1), (uint16_t)(t + 1)};
            an_clause rest = {(uint16_t)next, cl.end, cl.match_end};
            s->clauses.v[c] = head;
            if (AN_VEC_PUSH(&s->clauses, rest) < 0) return AN_ENOMEM;
            memmove(s->clauses.v + c + 2, s->clauses.v + c + 1,
                    (s->clauses.n - c - 2) * sizeof *s->clauses.v);
            s->clauses.v[c + 1] = rest;
            an_trace(s, "attribution: \"%s\" reports a clause of its own", tk->norm);
            break;
        }
    }
    return reported_by(s);
}

/* ------------------------------------------------------------------ negation */

static int pattern_has_word(const an_sent *s, const an_pattern *p, const char *word)
{
    if (!p) return 0;
    const an_pelem *e = s->d->pelems.v + p->lower;
    for (uint16_t i = 0; i < p->nlower; i++)
        if (e[i].kind == AN_PE_WORD && !strcmp(an_dict_word_str(s->d, e[i].id), word)) return 1;
    return 0;
}

int an_annalist_negated(const an_sent *s, const an_occ *verb, const an_pattern *p)
{
    /* A pattern that spells the negation out ("NOT *") codes the negated form itself. */
    if (p) {
        const an_pelem *e = s->d->pelems.v + p->lower;
        for (uint16_t i = 0; i < p->nlower; i++) {
            if (e[i].kind != AN_PE_WORD) continue;
            const char *w = an_dict_word_str(s->d, e[i].id);
            if (!strcmp(w, "NOT") || !strcmp(w, "N'T") || !strcmp(w, "NEVER")) return 0;
        }
    }
    for (int k = 1; k <= 3; k++) {
        int t = (int)verb->first - k;
        if (t < 0) break;
        const an_ctok *tk = &s->toks.v[t];
        if (tk->type == AN_T_COMMA || tk->type == AN_T_ACTOR || tk->type == AN_T_VERB) break;
        size_t n = tk->len;
        if ((tk->wc & AN_WC_NEGATION) || (n > 3 && !strcmp(tk->norm + n - 3, "N'T"))) return 1;
        if (word_is(tk, "LONGER") && t > 0 && word_is(&s->toks.v[t - 1], "NO")) return 1;
        /* a possibility is not an event: "could take legal action", "might attack" ("will"
         * and "would" state an intent, which the dictionaries code) */
        if ((word_is(tk, "COULD") || word_is(tk, "MIGHT") ||
             (word_is(tk, "MAY") && (k == 1 || word_is(&s->toks.v[t + 1], "HAVE") ||
                                     word_is(&s->toks.v[t + 1], "BE")))) &&
            !pattern_has_word(s, p, tk->norm))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ event dates */

static int month_day(const an_sent *s, uint32_t t, int *month, int *day, int *year)
{
    size_t used;
    int m = an_month_from_name(s->toks.v[t].norm, s->toks.v[t].len, &used);
    if (!m || used + 1 < s->toks.v[t].len || t + 1 >= s->toks.n) return 0;
    const an_ctok *d = &s->toks.v[t + 1];
    if (d->kind != AN_TOK_NUMBER) return 0;
    int v = 0;
    /* a day has at most two digits; a longer number ("May 3333333333") is no day and must
     * not overflow */
    for (const char *p = d->norm; *p >= '0' && *p <= '9' && v <= 31; p++) v = v * 10 + (*p - '0');
    if (v < 1 || v > 31) return 0;
    *month = m;
    *day = v;
    *year = 0;
    uint32_t y = t + 2;
    if (y < s->toks.n && s->toks.v[y].type == AN_T_COMMA) y++;
    if (y < s->toks.n && s->toks.v[y].kind == AN_TOK_NUMBER && s->toks.v[y].len == 4) {
        int yy = 0;
        for (const char *p = s->toks.v[y].norm; *p >= '0' && *p <= '9'; p++) yy = yy * 10 + (*p - '0');
        if (yy >= 1900 && yy <= 2100) *year = yy;
    }
    return 1;
}

int an_annalist_event_date(const an_sent *s, int docday)
{
    if (docday == AN_NO_DATE) return docday;
    int dy, dm, dd;
    an_date_to_ymd(docday, &dy, &dm, &dd);
    for (uint32_t t = 0; t < s->toks.n; t++) {
        const an_ctok *tk = &s->toks.v[t];
        /* Only date words; a possessive one ("last Friday's attack") dates another event
         * and has no date class. */
        if (!(tk->wc & AN_WC_DATE)) continue;
        if (word_is(tk, "YESTERDAY")) return docday - 1;
        if (word_is(tk, "TODAY") || word_is(tk, "TONIGHT")) return docday;
        int on = t > 0 && (word_is(&s->toks.v[t - 1], "ON") || word_is(&s->toks.v[t - 1], "LAST"));
        size_t used;
        int wd = an_weekday_from_name(tk->norm, tk->len, &used);
        if (wd >= 0 && used >= 6 && on) {
            /* "on Monday": the latest Monday on or before the document date. */
            int back = (an_date_weekday(docday) - wd + 7) % 7;
            if (word_is(&s->toks.v[t - 1], "LAST") && back == 0) back = 7;
            return docday - back;
        }
        int month, day, year;
        if (month_day(s, t, &month, &day, &year)) {
            int y = year ? year : dy;
            if (!year && (month > dm || (month == dm && day > dd))) y--; /* last year's */
            if (an_date_valid(y, month, day)) return an_date_from_ymd(y, month, day);
        }
    }
    return docday;
}
