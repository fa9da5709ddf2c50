/* events.c — from the parsed sentence to events (tabari-semantics.md §3, §4.6–§4.11, §5):
 * complexity and discard checks, time shifting, the verb loop with CODE BY, pattern choice,
 * source and target search, passive voice, then building events from compound members and
 * paired codes and filtering them (null, dominance, self-events, duplicates). */
#include <stdlib.h>
#include <string.h>

#include "coder/annalist_mode.h"
#include "coder/sent.h"
#include "util/date.h"

static int live_mention(const an_sent *s, int32_t m)
{
    if (m < 0) return 0;
    const an_mention *me = &s->mentions.v[m];
    if (me->occ >= 0 && s->occs.v[me->occ].cancelled) return 0;
    return !s->toks.v[me->first].eliminated && s->toks.v[me->first].mention == m;
}

static int32_t base_mention(const an_sent *s, int32_t m)
{
    int guard = 0;
    while (m >= 0 && s->mentions.v[m].antecedent >= 0 && guard++ < 64) m = s->mentions.v[m].antecedent;
    return m;
}

/* A fingerprint of the agents a mention brings (pronouns bring their antecedent's). */
static int32_t mention_agents_key(const an_sent *s, int32_t m, int *former)
{
    int32_t b = base_mention(s, m);
    const an_mention *me = &s->mentions.v[b];
    *former = me->former;
    if (!me->nagents) return -1;
    uint32_t h = 17;
    for (uint8_t i = 0; i < me->nagents; i++)
        h = h * 31 + s->d->agents.v[s->d->roots.v[s->occs.v[me->agents[i]].root].entry].code;
    return (int32_t)(h & 0x7fffffff);
}

/* Identity of a party for the "differs from" tests: actor code, agent, coded compound. */
typedef struct ident {
    const void *code;
    uint32_t literal;
    int32_t agent_code;
    int former;
} ident;

static ident party_ident(const an_sent *s, const an_party *p, int noagent)
{
    ident id = {NULL, AN_NO_ID, -1, 0};
    if (p->mention < 0) {
        id.literal = p->default_code;
        return id;
    }
    int32_t b = base_mention(s, p->mention);
    const an_mention *me = &s->mentions.v[b];
    id.code = me->lone_agent ? (const void *)"lone" : me->code;
    id.literal = me->literal;
    /* In the "differs from" tests a pronoun stands for its antecedent's actor code without
     * the agent (COMPOUND-24 codes "their" as a target apart from "the ambassadors of
     * Arnor, Osgiliath and Gondor" it stands for). */
    if (s->mentions.v[p->mention].antecedent >= 0) noagent = 1;
    if (!noagent) {
        int former;
        id.agent_code = mention_agents_key(s, p->mention, &former);
        id.former = former;
    }
    return id;
}

static int same_ident(ident a, ident b)
{
    if (a.literal != AN_NO_ID || b.literal != AN_NO_ID) {
        if (a.literal != b.literal) return 0;
    } else if (a.code != b.code) {
        return 0;
    }
    return a.agent_code == b.agent_code && a.former == b.former;
}

static an_party party_of(const an_sent *s, int32_t m)
{
    an_party p = {m, -1, AN_NO_ID};
    const an_mention *me = &s->mentions.v[m];
    if (me->stands_for >= 0 && !s->compounds.v[me->stands_for].cancelled) {
        p.compound = me->stands_for;
        return p;
    }
    if (me->compound >= 0) {
        const an_compound *cp = &s->compounds.v[me->compound];
        if (!cp->cancelled && s->members.v[cp->members] == m) p.compound = me->compound;
    }
    return p;
}

static int party_is_compound(const an_sent *s, const an_party *p)
{
    if (p->mention < 0) return 0;
    if (p->compound >= 0) return 1;
    const an_mention *me = &s->mentions.v[base_mention(s, p->mention)];
    return me->code && me->code->ncodes > 1;
}

/* ------------------------------------------------------------------ complexity */

static int first_token_of_mention(const an_sent *s, uint32_t t)
{
    int32_t m = s->toks.v[t].mention;
    return live_mention(s, m) ? m : -1;
}

/* The live actor mention token t belongs to (any of its tokens), or -1. */
static int actor_token(const an_sent *s, uint32_t t)
{
    const an_ctok *tk = &s->toks.v[t];
    if (tk->type != AN_T_ACTOR || tk->eliminated) return -1;
    int32_t m = tk->occ < 0 ? tk->mention : s->toks.v[s->occs.v[tk->occ].first].mention;
    return live_mention(s, m) ? m : -1;
}

/* The mention that stands for m's whole compound (its first member) when m is in a live
 * compound, else m. */
static int32_t whole_compound(const an_sent *s, int32_t m)
{
    const an_mention *me = &s->mentions.v[m];
    if (me->compound >= 0 && !s->compounds.v[me->compound].cancelled)
        return s->members.v[s->compounds.v[me->compound].members];
    return m;
}

static int verb_is_null(const an_sent *s, const an_occ *oc)
{
    const an_root *r = &s->d->roots.v[oc->root];
    return (s->d->verbs.v[r->entry].code.flags & AN_EC_NULL) != 0;
}

static int live_verb(const an_sent *s, const an_occ *oc)
{
    return oc->type == AN_T_VERB && !oc->cancelled && !s->toks.v[oc->first].eliminated;
}

static void check_complexity(an_sent *s)
{
    const an_options *o = s->opt;
    int verbs = 0, actors = 0, pronouns = 0, conj = 0;
    int first_verb = -1;
    for (size_t k = 0; k < s->occs.n; k++) {
        const an_occ *oc = &s->occs.v[k];
        if (!live_verb(s, oc)) continue;
        verbs++;
        if (first_verb < 0 && !verb_is_null(s, oc)) first_verb = oc->first;
    }
    int before = 0, after = 0;
    for (uint32_t t = 0; t < s->toks.n; t++) {
        const an_ctok *tk = &s->toks.v[t];
        if (tk->eliminated) continue;
        if (first_token_of_mention(s, t) >= 0) {
            actors++;
            if (first_verb < 0 || (int)t < first_verb) before++;
            if (first_verb >= 0 && (int)t > first_verb) after++;
        }
        if (tk->type == AN_T_PRONOUN) pronouns++;
        if (tk->type == AN_T_CONJ && tk->compound < 0) conj++;
    }
    int late = first_verb < 0 ? (int)s->toks.n : first_verb;
    const char *why = NULL;
    if (o->complex_verbs && verbs >= o->complex_verbs) why = "VERBS";
    else if (o->complex_actors && actors >= o->complex_actors) why = "ACTORS";
    else if (o->complex_pronouns && pronouns >= o->complex_pronouns) why = "PRONOUNS";
    else if (o->complex_conj && conj >= o->complex_conj) why = "CONJ";
    else if (o->complex_lateverb && late >= o->complex_lateverb) why = "LATEVERB";
    else if (o->complex_noactprior && before == 0) why = "NOACTPRIOR";
    else if (o->complex_noactafter && after == 0) why = "NOACTAFTER";
    else if (o->complex_noverb && first_verb < 0) why = "NOVERB";
    if (why) {
        s->complex = 1;
        an_trace(s, "complex: the %s condition holds", why);
    }
}

/* ------------------------------------------------------------------ patterns */

typedef struct choice {
    an_ecode code;
    int32_t pattern;       /* index in d->patterns, or -1 for the root's own code */
    an_match m;
} choice;

/* Chooses the pattern of a verb's block (or its own code) per the dialect's rules. */
static void choose(an_sent *s, const an_occ *verb, const an_vblock *b, const an_ecode *own,
                   an_clause cl, choice *out)
{
    const an_dict *d = s->d;
    out->code = *own;
    out->pattern = -1;
    memset(&out->m, 0, sizeof out->m);
    out->m.source.mention = out->m.target.mention = -1;
    int tabari = d->verb_dialect == AN_DIALECT_TABARI;
    int have = 0;
    uint16_t best_actual = 0;
    for (uint32_t i = 0; i < b->npatterns; i++) {
        const an_pattern *p = &d->patterns.v[b->patterns + i];
        if (have && tabari && p->length <= best_actual) break;
        if (p->need_word != AN_NO_ID && !an_sent_has_word(s, p->need_word)) continue;
        if (p->need_synset != AN_NO_ID && !an_sent_has_synset(s, p->need_synset)) continue;
        an_match m;
        if (!an_match_pattern(s, p, verb, cl, &m)) {
            an_trace(s, "  pattern %s:%u \"%s\": no match", an_dict_file_str(d, p->src.file),
                     p->src.line, p->src.text ? p->src.text : "");
            continue;
        }
        an_trace(s, "  pattern %s:%u \"%s\": MATCH", an_dict_file_str(d, p->src.file),
                 p->src.line, p->src.text ? p->src.text : "");
        out->code = p->code;
        out->pattern = (int32_t)(b->patterns + i);
        out->m = m;
        have = 1;
        if (!tabari || !m.used_alts) return;
        best_actual = m.actual_length;
    }
}

/* ------------------------------------------------------------------ sources and targets */

typedef struct vstate {
    an_party source;
    int source_set;
    int source_from_pattern;
    int noagent_source;       /* clause-initial actor: its agent is not looked up */
    int default_src_found, default_tgt_found;
    int passive_reset;
} vstate;

static an_party no_party(void)
{
    an_party p = {-1, -1, AN_NO_ID};
    return p;
}

static int is_passive(const an_sent *s, const an_occ *verb);

static int word_is_any(const an_ctok *t, const char *w) { return strcmp(t->norm, w) == 0; }

/* Whether the noun phrase starting at token t follows a preposition (past a determiner and
 * lower-case words): "near a police patrol", "in central Baghdad". */
static int after_preposition(const an_sent *s, uint32_t t)
{
    for (uint32_t k = 1; k <= 4 && k <= t; k++) {
        const an_ctok *p = &s->toks.v[t - k];
        if (p->type == AN_T_PREP || (p->wc & (AN_WC_NPPREP | AN_WC_LOCATIVE)) ||
            word_is_any(p, "THROUGH") || word_is_any(p, "INTO") || word_is_any(p, "ONTO") ||
            word_is_any(p, "AGAINST") || word_is_any(p, "WITH") || word_is_any(p, "ON") ||
            word_is_any(p, "TO") || word_is_any(p, "OVER") || word_is_any(p, "UNDER") ||
            word_is_any(p, "BEHIND") || word_is_any(p, "AMONG"))
            return 1;
        if (!(p->type == AN_T_DET || (p->kind == AN_TOK_WORD && !p->cap &&
                                      (p->type == AN_T_NONE || p->type == AN_T_NOUN) && !p->wc)))
            return 0;
    }
    return 0;
}

/* The first token before `limit` that looks like a verb: a dictionary verb, an auxiliary or
 * a form of BE, or a lower-case word in -ED ("exploded", "rocked"); else `limit`. */
static int first_verb_like(const an_sent *s, uint32_t limit)
{
    for (uint32_t t = 0; t < limit; t++) {
        const an_ctok *k = &s->toks.v[t];
        if (k->type == AN_T_VERB || k->type == AN_T_AUX || (k->wc & AN_WC_BE)) return (int)t;
        if (k->type == AN_T_NONE && k->kind == AN_TOK_WORD && !k->cap && k->len > 4 &&
            !strcmp(k->norm + k->len - 2, "ED"))
            return (int)t;
    }
    return (int)limit;
}

/* Whether the verb is an -ING participle after a comma (an adverb may come between), or after
 * "and" ("…, killing 17 people and wounding 20"). */
static int participle_clause(const an_sent *s, uint32_t first)
{
    const an_ctok *v = &s->toks.v[first];
    if (v->len <= 4 || strcmp(v->norm + v->len - 3, "ING") != 0 || first == 0) return 0;
    uint32_t t = first - 1;
    const an_ctok *p = &s->toks.v[t];
    if (p->kind == AN_TOK_WORD && !p->cap && p->len > 2 && !strcmp(p->norm + p->len - 2, "LY") &&
        t > 0)
        p = &s->toks.v[--t];
    return p->type == AN_T_COMMA || word_is_any(p, "AND");
}

static int find_source(an_sent *s, an_clause cl, const an_occ *verb, const an_party *target,
                       int target_set, an_party *out)
{
    const an_options *o = s->opt;
    ident tid = target_set ? party_ident(s, target, 0) : (ident){NULL, AN_NO_ID, -2, 0};
    if (s->mode == AN_MODE_ANNALIST && !is_passive(s, verb)) {
        /* In news prose the subject of an active verb comes before it: the nearest actor
         * before it ("…three Israelis were killed, as Israel's army struck back"). A
         * participle after a comma ("…, killing 17 people") shares the sentence's subject,
         * which is never inside a prepositional phrase ("A car bomb exploded near a police
         * patrol, killing 17 people" has no actor as its source). */
        int participle = participle_clause(s, verb->first);
        /* The subject of a participle clause stands before the sentence's first verb. */
        int from = (int)verb->first - 1;
        if (participle) from = first_verb_like(s, verb->first) - 1;
        for (int t = from; t >= (int)cl.first; t--) {
            int32_t m = actor_token(s, (uint32_t)t);
            if (m < 0) continue;
            if (participle && after_preposition(s, s->mentions.v[m].first)) {
                t = s->mentions.v[m].first;
                continue;
            }
            an_party p = party_of(s, whole_compound(s, m));
            if (target_set && same_ident(party_ident(s, &p, 0), tid)) continue;
            *out = p;
            return 1;
        }
        /* "Pakistan and seven Muslim nations welcomed ...": the clause was split at "and"
         * because "seven Muslim nations" is no actor, yet Pakistan, right before the "and",
         * is a subject of the verb too. Only for a short subject with no comma in it. */
        uint32_t f = cl.first;
        if (f < 2 || s->toks.v[f - 1].type != AN_T_CONJ || verb->first - f > 5) return 0;
        for (uint32_t t = f; t < verb->first; t++)
            if (s->toks.v[t].type == AN_T_COMMA || s->toks.v[t].type == AN_T_VERB) return 0;
        int32_t m = actor_token(s, f - 2);
        if (m < 0) return 0;
        m = whole_compound(s, m);
        for (uint32_t t = s->mentions.v[m].first; t-- > 0;) /* no verb before it */
            if (s->toks.v[t].type == AN_T_VERB) return 0;
        *out = party_of(s, m);
        return 1;
    }
    for (uint32_t t = cl.first; t < cl.end; t++) {
        int32_t m = actor_token(s, t);
        if (m < 0) continue;
        an_party p = party_of(s, m);
        if (target_set && same_ident(party_ident(s, &p, 0), tid)) continue;
        if (o->default_prior && o->default_source != AN_NO_ID && t > verb->last) break;
        *out = p;
        return 1;
    }
    if (o->default_source != AN_NO_ID) {
        *out = no_party();
        out->default_code = o->default_source;
        return 1;
    }
    return 0;
}

/* annalist mode: a subordinating conjunction or a preposition of circumstance starts what
 * is not the verb's object ("blocked roads in Gaza after rockets were fired at an Israeli
 * town", "evacuated expatriates amid rampages in Ivory Coast"). */
static int ends_object(const an_ctok *t) { return (t->wc & AN_WC_SUBORD) != 0; }

/* A common noun; or a place named as a location ("a UN office in Afghanistan that …"). */
static int common_noun(const an_ctok *t)
{
    if (t->kind != AN_TOK_WORD || t->wc) return 0;
    return (t->type == AN_T_NONE && !t->cap) || t->type == AN_T_NOUN;
}

/* annalist mode: a relative clause after a common noun describes that noun, so what it names
 * is not the verb's object: "executed a man convicted of spying for Israel", "condemned the
 * gunmen who attacked Israeli tourists". A participle with BY or FROM names who did it or
 * where it comes from ("condemned the attack carried out by Israel", "tariffs on goods
 * imported from the United States") and the search goes on. */
static int starts_relative(const an_sent *s, uint32_t t)
{
    if (t == 0 || !common_noun(&s->toks.v[t - 1])) return 0;
    const an_ctok *tk = &s->toks.v[t];
    if (tk->kind != AN_TOK_WORD) return 0;
    if (!strcmp(tk->norm, "WHO") || !strcmp(tk->norm, "WHICH") || !strcmp(tk->norm, "WHOSE") ||
        !strcmp(tk->norm, "THAT"))
        return 1;
    if (tk->type != AN_T_VERB || tk->len < 4) return 0;
    int participle = !strcmp(tk->norm + tk->len - 2, "ED") || !strcmp(tk->norm + tk->len - 2, "EN");
    if (!participle) return 0;
    for (uint32_t u = t + 1; u < s->toks.n && u <= t + 3; u++)
        if (s->toks.v[u].type == AN_T_BY || !strcmp(s->toks.v[u].norm, "FROM")) return 0;
    return 1;
}

static int find_target(an_sent *s, an_clause cl, const an_occ *verb, const an_party *source,
                       int source_set, int noagent_source, an_party *out)
{
    const an_options *o = s->opt;
    ident sid = source_set ? party_ident(s, source, noagent_source) : (ident){NULL, AN_NO_ID, -2, 0};
    /* After the verb, to the end of its conjunction clause (a comma clause of annalist
     * mode does not stop the target: "blocked a bridge, demanding X's resignation"). */
    uint32_t end = cl.match_end ? cl.match_end : cl.end;
    for (uint32_t t = verb->last + 1u; t < end; t++) {
        /* annalist mode: a quotation after the verb is what was said, not its target
         * ("warned his supporters, saying: \"... for Britain ...\"") */
        if (s->mode == AN_MODE_ANNALIST &&
            (s->toks.v[t].type == AN_T_QUOTE || ends_object(&s->toks.v[t]) ||
             starts_relative(s, t)))
            break;
        int32_t m = actor_token(s, t);
        if (m < 0) continue;
        /* Past the comma, an actor with a verb of its own right after it is the subject of
         * the next clause ("attacked the camp, Egypt condemned ..."): the search ends. */
        uint32_t after = s->mentions.v[m].last + 1u;
        if (t >= cl.end && after < s->toks.n && s->toks.v[after].type == AN_T_VERB) break;
        an_party p = party_of(s, m);
        if (source_set && same_ident(party_ident(s, &p, 0), sid)) continue;
        *out = p;
        return 1;
    }
    if (o->default_after && o->default_target != AN_NO_ID) {
        *out = no_party();
        out->default_code = o->default_target;
        return 1;
    }
    /* The nearest actor before the verb. annalist mode takes it only for a passive verb
     * ("Pakistan was attacked by India"): in news prose an actor before an active verb is
     * its subject, not its object. */
    int before = s->mode != AN_MODE_ANNALIST || is_passive(s, verb);
    for (int t = (int)verb->first - 1; before && t >= (int)cl.first; t--) {
        int32_t m = actor_token(s, (uint32_t)t);
        if (m < 0) continue;
        an_party p = party_of(s, m);
        if (source_set && same_ident(party_ident(s, &p, 0), sid)) continue;
        *out = p;
        return 1;
    }
    /* A compound source with no other target pairs its members (TABARI, PETRARCH);
     * annalist mode leaves that to patterns with '%' ("X and Y signed a deal"). */
    if (s->mode != AN_MODE_ANNALIST && source_set && party_is_compound(s, source)) {
        *out = *source;
        return 1;
    }
    if (o->default_source != AN_NO_ID && o->default_target != AN_NO_ID) {
        *out = no_party();
        out->default_code = o->default_target;
        return 1;
    }
    return 0;
}

/* §4.10: WAS/WERE/BEEN one or two tokens before the verb and BY one to three after it. */
static int is_passive(const an_sent *s, const an_occ *verb)
{
    int aux = 0, by = 0;
    for (int k = 1; k <= 2; k++) {
        int t = (int)verb->first - k;
        if (t >= 0 && s->toks.v[t].type == AN_T_AUX) aux = 1;
        /* annalist mode also reads "is/are/be being attacked by" as passive */
        if (t >= 0 && s->mode == AN_MODE_ANNALIST && (s->toks.v[t].wc & AN_WC_BE)) aux = 1;
    }
    for (int k = 1; k <= 3; k++) {
        uint32_t t = verb->first + (uint32_t)k;
        if (t < s->toks.n && s->toks.v[t].type == AN_T_BY) by = 1;
    }
    if (!aux && by && s->mode == AN_MODE_ANNALIST && verb->last + 1u < s->toks.n &&
        s->toks.v[verb->last + 1].type == AN_T_BY) {
        /* A participle right before BY and an actor is passive without an auxiliary too:
         * "a civilian allegedly killed by UK troops", "the convoy, attacked by militants" */
        const an_ctok *v = &s->toks.v[verb->last];
        int participle = v->len > 2 && (!memcmp(v->norm + v->len - 2, "ED", 2) ||
                                        !memcmp(v->norm + v->len - 2, "EN", 2));
        /* ... with an actor as the agent ("spoke by telephone with" is active) */
        int agent = 0;
        for (uint32_t u = verb->last + 2u; u < s->toks.n && u <= verb->last + 4u && !agent; u++)
            agent = s->toks.v[u].type == AN_T_ACTOR;
        if (participle && agent) aux = 1;
    }
    if (aux && !by && s->mode == AN_MODE_ANNALIST) {
        /* "Sanctions were imposed on five Iranian firms by the European Union": BY and an
         * actor anywhere later, before a comma or another verb. */
        for (uint32_t t = verb->last + 1; t + 1 < s->toks.n && !by; t++) {
            const an_ctok *tk = &s->toks.v[t];
            if (tk->type == AN_T_COMMA || tk->type == AN_T_VERB || tk->type == AN_T_CONJ) break;
            if (tk->type == AN_T_BY) {
                for (uint32_t u = t + 1; u < s->toks.n && u < t + 4; u++)
                    if (s->toks.v[u].type == AN_T_ACTOR) by = 1;
            }
        }
    }
    return aux && by;
}

/* Whether an event code is cooperation that two parties do with each other: intent to
 * cooperate (03), consultation (04), signing an agreement (057), material cooperation (06).
 * Statements, appeals and praise (01, 02, 051) are made to others. */
static int mutual(const an_sent *s, const an_ecode *code)
{
    if (code->flags & (AN_EC_NULL | AN_EC_DISCARD | AN_EC_COMPLEX)) return 0;
    const char *c = an_dict_code_str(s->d, code->a);
    if (!c || strlen(c) < 2) return 0;
    return !strncmp(c, "03", 2) || !strncmp(c, "04", 2) || !strncmp(c, "06", 2) ||
           !strcmp(c, "057");
}

/* annalist mode's reading of a passive verb: the first actor within a few words after BY is
 * the agent, the nearest actor before the verb in its clause (a compound as a whole) the
 * patient, or failing that the first actor between the verb and BY. */
/* The nearest actor before the verb in its clause (a compound as a whole): a passive verb's
 * patient. */
static int nearest_actor_before(const an_sent *s, an_clause cl, const an_occ *verb, an_party *out)
{
    for (int t = (int)verb->first - 1; t >= (int)cl.first; t--) {
        int32_t m = actor_token(s, (uint32_t)t);
        if (m < 0) continue;
        *out = party_of(s, whole_compound(s, m));
        return 1;
    }
    return 0;
}

static int passive_parties(const an_sent *s, an_clause cl, const an_occ *verb, an_party *agent,
                           an_party *patient)
{
    uint32_t end = cl.match_end ? cl.match_end : cl.end;
    int found = 0;
    uint32_t by = UINT32_MAX;
    for (uint32_t t = verb->last + 1u; t < end && !found; t++) {
        if (s->toks.v[t].type != AN_T_BY) continue;
        by = t;
        for (uint32_t u = t + 1; u < end && u <= t + 4u; u++) {
            int32_t m = actor_token(s, u);
            if (m < 0) continue;
            *agent = party_of(s, m);
            found = 1;
            break;
        }
        break;
    }
    if (!found) return 0;
    if (nearest_actor_before(s, cl, verb, patient)) return 1;
    /* "Sanctions were imposed on Iranian firms by the EU": the patient between verb and BY */
    for (uint32_t t = verb->last + 1u; t < by; t++) {
        int32_t m = actor_token(s, t);
        if (m < 0) continue;
        *patient = party_of(s, m);
        return 1;
    }
    return 0;
}

/* Nouns of armed attack that name their attacker before them: "Israeli strikes". */
static int attack_noun(const an_ctok *t)
{
    static const char *const nouns[] = {
        "STRIKE", "STRIKES", "AIRSTRIKE", "AIRSTRIKES", "ATTACK", "ATTACKS", "RAID", "RAIDS",
        "SHELLING", "BOMBARDMENT", "BOMBARDMENTS", "BOMBING", "BOMBINGS", "FIRE", "GUNFIRE",
        "ASSAULT", "ASSAULTS", "OFFENSIVE", "AMBUSH", "BARRAGE", "STRIKE", "SHELLFIRE"};
    if (t->kind != AN_TOK_WORD) return 0;
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
        if (strcmp(t->norm, nouns[i]) == 0) return 1;
    return 0;
}

/* annalist mode: the attacker of an agentless passive named in a phrase of attack after the
 * verb: "Hundreds were killed in Israeli strikes", "two soldiers died in a Russian drone
 * attack". Returns the attacker's mention, or -1. */
static int32_t attack_agent(const an_sent *s, an_clause cl, const an_occ *verb)
{
    uint32_t end = cl.match_end ? cl.match_end : cl.end;
    for (uint32_t t = verb->last + 1u; t < end && t <= verb->last + 3u; t++) {
        const an_ctok *p = &s->toks.v[t];
        if (!(word_is_any(p, "IN") || word_is_any(p, "DURING") || word_is_any(p, "BY"))) continue;
        uint32_t u = t + 1;
        while (u < end && u <= t + 2 && s->toks.v[u].type == AN_T_DET) u++;
        if (u >= end) return -1;
        int32_t m = actor_token(s, u);
        /* a named actor: "a submarine fire" is no attack by a navy */
        if (m < 0 || s->mentions.v[m].lone_agent) return -1;
        uint32_t after = s->mentions.v[m].last + 1u;
        for (uint32_t k = 0; k < 3 && after < s->toks.n; k++, after++) {
            const an_ctok *n = &s->toks.v[after];
            if (attack_noun(n)) return m;
            if (!((n->type == AN_T_NONE || n->type == AN_T_NOUN || n->type == AN_T_AGENT) &&
                  n->kind == AN_TOK_WORD && !n->wc))
                break;
        }
        return -1;
    }
    return -1;
}

/* ------------------------------------------------------------------ event records */

static int add_event(an_sent *s, const an_party *src, const an_party *tgt, int src_noagent,
                     uint32_t code, uint32_t flags, const an_occ *verb, int32_t pattern,
                     uint32_t verb_entry)
{
    an_pending ev;
    memset(&ev, 0, sizeof ev);
    ev.source = *src;
    ev.target = *tgt;
    ev.source_noagent = (uint8_t)src_noagent;
    ev.code = code;
    ev.flags = flags;
    ev.verb_first = verb->first;
    ev.verb_last = verb->last;
    ev.pattern = pattern;
    ev.verb = (int32_t)verb_entry;
    return AN_VEC_PUSH(&s->pending, ev) < 0 ? AN_ENOMEM : 0;
}

/* One verb's events: each source member with each target member (a compound is expanded
 * when the actor found is its first member), and the reversed event after each one for a
 * paired code. Returns 1 when a non-subordinate event was made. */
static int make_events(an_sent *s, const an_party *src, const an_party *tgt, int src_noagent,
                       const an_ecode *ec, const an_occ *verb, int32_t pattern, uint32_t verb_entry)
{
    int32_t smem[64], tmem[64];
    int ns = 0, nt = 0;
    const an_party *parts[2] = {src, tgt};
    for (int side = 0; side < 2; side++) {
        const an_party *p = parts[side];
        int32_t *out = side ? tmem : smem;
        int *n = side ? &nt : &ns;
        if (p->mention >= 0 && p->compound >= 0) {
            const an_compound *cp = &s->compounds.v[p->compound];
            for (uint16_t k = 0; k < cp->nmembers && *n < 64; k++) out[(*n)++] = s->members.v[cp->members + k];
        } else {
            out[(*n)++] = p->mention;
        }
    }
    int paired = (ec->flags & AN_EC_PAIRED) != 0;
    int nonsub = 0;
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < nt; j++) {
            an_party a = {smem[i], -1, src->default_code};
            an_party b = {tmem[j], -1, tgt->default_code};
            if (smem[i] >= 0 && smem[i] == tmem[j]) continue; /* a member with itself */
            uint32_t fa = ec->flags & (AN_EC_NULL | AN_EC_SUBORD_A | AN_EC_DOMIN_A | AN_EC_DISCARD | AN_EC_COMPLEX);
            if (add_event(s, &a, &b, src_noagent, ec->a, fa, verb, pattern, verb_entry) < 0) return AN_ENOMEM;
            if (!(fa & (AN_EC_SUBORD_A | AN_EC_NULL))) nonsub = 1;
            if (paired) {
                uint32_t fb = 0;
                if (ec->flags & AN_EC_NULL_B) fb |= AN_EC_NULL;
                if (ec->flags & AN_EC_SUBORD_B) fb |= AN_EC_SUBORD_A;
                if (ec->flags & AN_EC_DOMIN_B) fb |= AN_EC_DOMIN_A;
                if (add_event(s, &b, &a, 0, ec->b, fb, verb, pattern, verb_entry) < 0) return AN_ENOMEM;
            }
        }
    }
    return nonsub;
}

/* ------------------------------------------------------------------ time shifting */

static void time_shift(an_sent *s)
{
    const an_dict *d = s->d;
    for (size_t k = 0; k < s->occs.n; k++) {
        const an_occ *oc = &s->occs.v[k];
        if (oc->type != AN_T_TIME || oc->cancelled || s->toks.v[oc->first].eliminated) continue;
        const an_vblock *b = &d->blocks.v[d->roots.v[oc->root].entry];
        an_clause cl = {0, (uint16_t)s->toks.n, (uint16_t)s->toks.n};
        for (size_t c = 0; c < s->clauses.n; c++)
            if (oc->first >= s->clauses.v[c].first && oc->first < s->clauses.v[c].end) cl = s->clauses.v[c];
        choice ch;
        choose(s, oc, b, &b->code, cl, &ch);
        const an_ecode *ec = &ch.code;
        if (ec->flags & AN_EC_TIMESHIFT) {
            if (s->day != AN_NO_DATE) s->shifted_day = s->day + ec->shift;
            an_trace(s, "time: \"%s\" shifts the date by %d days", s->toks.v[oc->first].norm, ec->shift);
            return;
        }
        if (ec->flags & AN_EC_DISCARD) {
            s->discard = 1;
            return;
        }
        if (ec->flags & AN_EC_COMPLEX) {
            s->complex = 1;
            return;
        }
    }
}

/* ------------------------------------------------------------------ the verb loop */

/* Auxiliaries and modals that may stand between a subject and its verb. */
static int modal(const an_ctok *t)
{
    static const char *const words[] = {"HAVE", "HAS", "HAD", "MAY", "MIGHT", "WILL", "WOULD",
                                        "CAN", "COULD", "SHOULD", "MUST", "SHALL", "DID", "DOES",
                                        "DO", "ALSO", "REPORTEDLY", "ALLEGEDLY"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(t->norm, words[i]) == 0) return 1;
    return 0;
}

/* annalist mode: whether a verb opens a relative clause on a common noun: a participle
 * right after it, or a relative pronoun (past auxiliaries and adverbs) before the verb. */
static int relative_on_noun(const an_sent *s, const an_occ *verb, int prev_verb_end)
{
    /* A participle only in the object of the clause's previous verb, with no actor, comma or
     * conjunction between: "Israeli helicopters fired" is a subject and its verb. */
    if (prev_verb_end >= 0 && starts_relative(s, verb->first) &&
        !(s->toks.v[prev_verb_end].wc & AN_WC_SPEECH)) { /* "said 153 members voted" */
        int plain = 1;
        for (uint32_t u = (uint32_t)prev_verb_end + 1; u < verb->first && plain; u++) {
            an_ttype ty = (an_ttype)s->toks.v[u].type;
            if (ty == AN_T_COMMA || ty == AN_T_CONJ || ty == AN_T_ACTOR || ty == AN_T_AGENT ||
                ty == AN_T_VERB || ty == AN_T_QUOTE)
                plain = 0;
        }
        if (plain) return 1;
    }
    int t = (int)verb->first - 1;
    while (t > 0 && (s->toks.v[t].type == AN_T_AUX || (s->toks.v[t].wc & (AN_WC_NEGATION | AN_WC_BE)) ||
                     modal(&s->toks.v[t])))
        t--;
    if (t <= 0) return 0;
    const an_ctok *rel = &s->toks.v[t];
    return (!strcmp(rel->norm, "WHO") || !strcmp(rel->norm, "WHICH") || !strcmp(rel->norm, "THAT")) &&
           common_noun(&s->toks.v[t - 1]);
}

/* annalist mode: an act of force, a show of force or an appeal with no target but a
 * location after the verb acts on the place ("drones struck a building in Kharkiv",
 * "called for a ceasefire in Gaza"): the location is the target. Statements, meetings,
 * plans and the rest are only where they happen ("announced plans to build homes in the
 * West Bank"). */
static int location_target(const an_sent *s, const an_occ *verb, const an_ecode *ec,
                           const an_party *source, an_party *out)
{
    int32_t m = s->location_mention;
    if (m < 0 || s->mentions.v[m].first <= verb->last) return 0;
    const char *code = an_dict_code_str(s->d, ec->a);
    if (!code || strlen(code) < 2) return 0;
    static const char *const roots[] = {"02", "15", "18", "19", "20"};
    int force = 0;
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
        if (!strncmp(code, roots[i], 2)) force = 1;
    if (!force) return 0;
    /* The verb must have an object before the place: "hostages kidnapped in Afghanistan" and
     * "troops killed recently in Iraq" are passives, not acts on the place. */
    uint32_t t = verb->last + 1u;
    while (t < s->toks.n && s->toks.v[t].kind == AN_TOK_WORD && !s->toks.v[t].cap &&
           s->toks.v[t].len > 2 && !strcmp(s->toks.v[t].norm + s->toks.v[t].len - 2, "LY"))
        t++;
    if (t >= s->toks.n || s->toks.v[t].type == AN_T_PREP || (s->toks.v[t].wc & AN_WC_NPSTOP) ||
        (s->toks.v[t].wc & (AN_WC_LOCATIVE | AN_WC_NPPREP | AN_WC_DATE)) ||
        s->toks.v[t].kind != AN_TOK_WORD)
        return 0;
    an_party p = {m, -1, AN_NO_ID};
    if (same_ident(party_ident(s, &p, 0), party_ident(s, source, 0))) return 0;
    *out = p;
    return 1;
}

/* The first code of a mention (its actor's or, for an agent alone, its country), or NULL. */
static const char *mention_country(const an_sent *s, int32_t m)
{
    const an_mention *me = &s->mentions.v[m];
    if (me->antecedent >= 0) me = &s->mentions.v[me->antecedent];
    if (me->lone_agent) return me->home;
    if (me->literal != AN_NO_ID) return an_dict_code_str(s->d, me->literal);
    if (!me->code || !me->code->ncodes) return NULL;
    return an_dict_code_str(s->d, s->d->codelist.v[me->code->codes]);
}

/* Whether a mention is the media or civilians (by its own code or an agent attached):
 * witnesses to events, not parties to them. */
static int reports_only(const an_sent *s, const an_mention *me)
{
    const an_dict *d = s->d;
    if (me->code && me->code->ncodes) {
        const char *c = an_dict_code_str(d, d->codelist.v[me->code->codes]);
        if (c && (strstr(c, "MED") || strstr(c, "CVL"))) return 1;
    }
    for (uint8_t i = 0; i < me->nagents; i++) {
        const char *c = an_dict_code_str(d, d->agents.v[d->roots.v[s->occs.v[me->agents[i]].root].entry].code);
        if (c && (strstr(c, "MED") || strstr(c, "CVL"))) return 1;
    }
    return 0;
}

static int says(const an_ctok *t)
{
    return !strcmp(t->norm, "SAID") || !strcmp(t->norm, "SAYS") || !strcmp(t->norm, "SAY");
}

/* annalist mode: the speaker that reports the verb's clause, or -1: the actor before a
 * speech verb that comes before the verb ("Pakistan said on Monday that India had violated
 * the ceasefire"), or the actor of a trailing attribution (", Pakistan said" or ", said
 * Pakistan's army"). */
static int32_t reported_speaker(const an_sent *s, const an_occ *verb)
{
    for (int t = (int)verb->first - 1; t >= 0; t--) {
        const an_ctok *k = &s->toks.v[t];
        if (!(k->wc & AN_WC_SPEECH) || !(k->type == AN_T_VERB || k->type == AN_T_NONE)) continue;
        if (!says(k)) return -1;
        for (int u = t - 1; u >= 0 && u >= t - 4; u--) {
            int32_t m = actor_token(s, (uint32_t)u);
            if (m >= 0) return m;
            if (s->toks.v[u].type == AN_T_COMMA || s->toks.v[u].type == AN_T_VERB) break;
        }
        return -1;
    }
    for (uint32_t t = verb->last + 1u; t + 1 < s->toks.n; t++) {
        if (s->toks.v[t].type != AN_T_COMMA) continue;
        for (uint32_t u = t + 1; u < s->toks.n && u <= t + 6; u++) {
            const an_ctok *k = &s->toks.v[u];
            if ((k->wc & AN_WC_SPEECH) && (k->type == AN_T_VERB || k->type == AN_T_NONE)) {
                if (!says(k)) return -1;
                /* the actor just before or just after the speech verb */
                for (uint32_t w = t + 1; w < s->toks.n && w <= u + 4; w++) {
                    int32_t m = w == u ? -1 : actor_token(s, w);
                    if (m >= 0) return m;
                }
                return -1;
            }
        }
    }
    return -1;
}

/* annalist mode: an act of conflict reported by a speaker with no target of its own has the
 * speaker as its target ("Pakistan said India had violated the ceasefire": IND>PAK): the
 * one who complains is the one it was done to. Not for protests (police reporting a rally)
 * nor coercion (a government reporting its own arrests), whose object the text names. */
static int speaker_target(const an_sent *s, const an_occ *verb, const an_ecode *ec,
                          const an_party *source, an_party *out)
{
    const char *code = an_dict_code_str(s->d, ec->a);
    if (!code || strlen(code) < 2) return 0;
    static const char *const roots[] = {"11", "12", "13", "15", "16", "18", "19", "20"};
    int conflict = 0;
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
        if (!strncmp(code, roots[i], 2)) conflict = 1;
    if (!conflict) return 0;
    int32_t m = reported_speaker(s, verb);
    /* Only a named actor speaking for a state or group: anonymous "officials", the media and
     * witnesses report events that were not done to them. */
    if (m < 0 || s->mentions.v[m].lone_agent || reports_only(s, &s->mentions.v[m])) return 0;
    /* A speaker of the source's own country reports, it does not complain ("An Israeli tank
     * opened fire …, Israeli security sources said"). */
    const char *sc = mention_country(s, m);
    const char *oc = source->mention >= 0 ? mention_country(s, source->mention) : NULL;
    if (!sc || (oc && !strncmp(sc, oc, 3))) return 0;
    /* International organisations and NGOs monitor and report; they are rarely the victim. */
    if (!strncmp(sc, "IGO", 3) || !strncmp(sc, "NGO", 3)) return 0;
    an_party p = party_of(s, m);
    if (same_ident(party_ident(s, &p, 0), party_ident(s, source, 0))) return 0;
    *out = p;
    return 1;
}

/* annalist mode: whether an event is a bare statement (010) to a lone agent ("reporters",
 * "voters", "a press conference"), which is its audience, not a party to anything. */
static int audience(const an_sent *s, const an_ecode *ec, const an_party *target)
{
    if (target->mention < 0) return 0;
    const char *code = an_dict_code_str(s->d, ec->a);
    if (!code || strcmp(code, "010") != 0) return 0;
    /* an agent alone ("told reporters"), or a news outlet ("told BBC News") */
    return s->mentions.v[target->mention].lone_agent ||
           reports_only(s, &s->mentions.v[target->mention]);
}


/* annalist mode: whether the tokens before `t` (back to the previous verb, a comma or the
 * start) open a subordinate clause ("after", "because", "if", "amid" ..., not "when");
 * through earlier verbs, so that a chain of verbs after "after" stays subordinate. */
static int in_subordinate(const an_sent *s, int t)
{
    for (int verbs = 0; t >= 0; t--) {
        const an_ctok *k = &s->toks.v[t];
        if (k->type == AN_T_COMMA || k->type == AN_T_QUOTE) return 0;
        /* "when" introduces the event itself as often as its background ("three soldiers
         * were killed when militants attacked a post") */
        if ((k->wc & AN_WC_SUBORD) && strcmp(k->norm, "WHEN") != 0) return 1;
        if (k->type == AN_T_VERB && ++verbs > 8) return 0;
    }
    return 0;
}

/* annalist mode: whether an actor stands right before the verb (past auxiliaries, "not",
 * adverbs and a relative pronoun: "Saudi nationals who provide money") and after the clause's
 * previous verb: the verb has a subject of its own, not the
 * previous verb's source ("condemned the plan after Pakistan visited India"). An actor
 * followed by "and" ("condemned India and praised Pakistan") is the previous verb's object. */
static int subject_after(const an_sent *s, const an_occ *verb, int prev_verb_end)
{
    if (prev_verb_end < 0) return 0;
    int t = (int)verb->first - 1;
    while (t > prev_verb_end &&
           (s->toks.v[t].type == AN_T_AUX || (s->toks.v[t].wc & (AN_WC_NEGATION | AN_WC_BE)) ||
            modal(&s->toks.v[t]) ||
            !strcmp(s->toks.v[t].norm, "WHO") || !strcmp(s->toks.v[t].norm, "WHICH") ||
            (s->toks.v[t].type == AN_T_NONE && !s->toks.v[t].cap && s->toks.v[t].len > 2 &&
             memcmp(s->toks.v[t].norm + s->toks.v[t].len - 2, "LY", 2) == 0)))
        t--;
    /* past the actor's agents: "Laotian military forces may have massacred" */
    while (t > prev_verb_end && s->toks.v[t].type == AN_T_AGENT) t--;
    return t > prev_verb_end && actor_token(s, (uint32_t)t) >= 0;
}

static void drop_pending(an_sent *s, size_t i)
{
    memmove(s->pending.v + i, s->pending.v + i + 1, (s->pending.n - i - 1) * sizeof *s->pending.v);
    s->pending.n--;
}

static int same_source(const an_sent *s, const an_pending *a, const an_pending *b)
{
    return same_ident(party_ident(s, &a->source, 0), party_ident(s, &b->source, 0));
}

/* annalist mode: a protest and the demand a participle gives it ("took to the streets,
 * demanding the resignation of President X") are one event: the protest coded for that
 * demand (141 + 1041 = 1411; the 14x codes split like the 104x ones). The demand's own
 * event goes; the protest keeps its target. Only codes the dictionary uses can be made. */
static void merge_protest_demands(an_sent *s)
{
    const an_dict *d = s->d;
    for (size_t i = 0; i < s->pending.n; i++) {
        an_pending *dem = &s->pending.v[i];
        const char *dc = an_dict_code_str(d, dem->code);
        if (!dc || strlen(dc) != 4 || strncmp(dc, "104", 3) != 0 || dc[3] < '1' || dc[3] > '4') continue;
        if (!participle_clause(s, dem->verb_first)) continue;
        for (size_t j = 0; j < s->pending.n; j++) {
            an_pending *pro = &s->pending.v[j];
            const char *pc = an_dict_code_str(d, pro->code);
            if (j == i || !pc || strlen(pc) != 3 || strncmp(pc, "14", 2) != 0 || pc[2] < '1' ||
                pc[2] > '5' || pro->verb_first >= dem->verb_first)
                continue;
            if (!same_source(s, pro, dem)) continue;
            char merged[5] = {'1', '4', pc[2], dc[3], 0};
            uint32_t id = an_intern_find(&d->codes, merged, 4);
            if (id == AN_NO_ID) continue;
            an_trace(s, "protest for a demand: %s and %s make %s", pc, dc, merged);
            pro->code = id;
            drop_pending(s, i--);
            break;
        }
    }
}

/* Whether an event code is an act of force (roots 18, 19, 20). */
static int force_code(const char *c)
{
    return c && (!strncmp(c, "18", 2) || !strncmp(c, "19", 2) || !strncmp(c, "20", 2));
}

/* annalist mode: the toll of an attack in a participle clause is part of the attack ("attacked
 * a base near Cali, killing six people"): one event for the act (tests/golden/README.md,
 * convention 1), not one more for its casualties. */
static void drop_consequences(an_sent *s)
{
    const an_dict *d = s->d;
    for (size_t i = 0; i < s->pending.n; i++) {
        an_pending *c = &s->pending.v[i];
        if (!force_code(an_dict_code_str(d, c->code))) continue;
        if (!participle_clause(s, c->verb_first)) continue;
        int earlier = 0;
        for (size_t j = 0; j < s->pending.n && !earlier; j++) {
            const an_pending *a = &s->pending.v[j];
            earlier = j != i && a->verb_first < c->verb_first &&
                      force_code(an_dict_code_str(d, a->code)) && same_source(s, a, c);
        }
        if (!earlier) continue;
        an_trace(s, "the toll of the attack (\"%s\") is part of it: no event of its own",
                 s->toks.v[c->verb_first].norm);
        drop_pending(s, i--);
    }
}

int an_sent_code(an_sent *s)
{
    const an_dict *d = s->d;
    const an_options *o = s->opt;
    s->pending.n = 0;
    if (s->discard) return 0;
    check_complexity(s);
    if (s->complex) return 0;
    if (o->time_shifting) time_shift(s);
    if (s->discard || s->complex) return 0;

    vstate v;
    memset(&v, 0, sizeof v);
    v.source = no_party();
    int stop = 0;
    int consumed = -1; /* verbs up to here were read by a matched pattern: not coded again */
    int consumer_end = -1; /* the last token of the verb whose pattern read them */
    for (size_t ci = 0; ci < s->clauses.n && !stop; ci++) {
        an_clause cl = s->clauses.v[ci];
        if (cl.end - cl.first < 3) continue;
        if (ci > 0) {
            int32_t m = first_token_of_mention(s, cl.first);
            if (m >= 0) {
                v.source = party_of(s, m);
                v.source_set = 1;
                v.source_from_pattern = 0;
                v.noagent_source = s->mode == AN_MODE_TABARI;
            }
        }
        int prev_verb_end = -1; /* last token of the clause's previous verb */
        for (size_t k = 0; k < s->occs.n; k++) {
            const an_occ *verb = &s->occs.v[k];
            if (!live_verb(s, verb) || verb->first < cl.first || verb->first >= cl.end) continue;
            /* A verb read by an earlier pattern is not coded again, unless it has a subject
             * of its own ("Speaking from the White House, Netanyahu apologised to ..."). */
            if ((int)verb->first <= consumed &&
                !(s->mode == AN_MODE_ANNALIST && subject_after(s, verb, consumer_end)))
                continue;
            int new_subject = s->mode == AN_MODE_ANNALIST && v.source_set &&
                              subject_after(s, verb, prev_verb_end);
            int relative = s->mode == AN_MODE_ANNALIST && relative_on_noun(s, verb, prev_verb_end);
            prev_verb_end = verb->last;
            if (s->mode == AN_MODE_ANNALIST && in_subordinate(s, (int)verb->first - 1)) {
                /* "cut ties with Ukraine after an official suggested that Kyiv had helped
                 * rebels": background and reasons are no events of their own */
                an_trace(s, "verb \"%s\": in a subordinate clause (background), no event",
                         s->toks.v[verb->first].norm);
                continue;
            }
            if (relative) {
                /* "a man who visited India", "a plan praised for helping India": the verb's
                 * subject is the common noun, no actor. */
                an_trace(s, "verb \"%s\": in a relative clause on a common noun, no source",
                         s->toks.v[verb->first].norm);
                continue;
            }
            const an_root *r = &d->roots.v[verb->root];
            const an_verb *ve = &d->verbs.v[r->entry];
            const an_vblock *b = &d->blocks.v[ve->block];
            an_trace(s, "verb \"%s\" (%s:%u)", s->toks.v[verb->first].norm,
                     an_dict_file_str(d, r->src.file), r->src.line);
            choice ch;
            choose(s, verb, b, &ve->code, cl, &ch);
            if (ch.pattern >= 0 && ch.m.upper_end > consumed && !(ch.code.flags & AN_EC_NULL)) {
                consumed = ch.m.upper_end;
                consumer_end = (int)verb->last;
            }
            if (ch.code.flags & AN_EC_NULL) {
                an_trace(s, "  code --- : no event");
                continue;
            }
            if (s->mode == AN_MODE_ANNALIST &&
                an_annalist_negated(s, verb, ch.pattern >= 0 ? &d->patterns.v[ch.pattern] : NULL)) {
                an_trace(s, "  negated: no event");
                continue;
            }
            an_party target = no_party();
            int target_set = 0, src_pat = 0, tgt_pat = 0;
            if (ch.m.has_source) {
                v.source = ch.m.source;
                v.source_set = 1;
                v.noagent_source = 0;
                src_pat = 1;
            }
            if (ch.m.has_target) {
                target = ch.m.target;
                target_set = 1;
                tgt_pat = 1;
            }
            if (s->mode == AN_MODE_ANNALIST && !src_pat && !tgt_pat &&
                (is_passive(s, verb) || an_annalist_agentless_passive(s, verb))) {
                /* "India was attacked by Pakistan": the agent after BY is the source, the
                 * nearest actor before the verb the target. Without BY the attacker may be
                 * named in a phrase of attack ("were killed in Israeli strikes"); else there
                 * is no source, and the subject is no agent of the verbs after it. */
                an_party agent, patient;
                int found;
                if (is_passive(s, verb)) {
                    found = passive_parties(s, cl, verb, &agent, &patient);
                    an_trace(s, found ? "  passive voice: the actor after BY is the source"
                                      : "  passive voice: no actor before the verb or after BY, no event");
                } else {
                    int32_t attacker = attack_agent(s, cl, verb);
                    found = attacker >= 0 && nearest_actor_before(s, cl, verb, &patient);
                    if (found) agent = party_of(s, attacker);
                    an_trace(s, found ? "  passive voice: the actor of the attack after the verb is the source"
                                      : "  passive voice without BY: the source is unknown, no event");
                }
                v.source_set = 0;
                if (!found) continue;
                int rc = make_events(s, &agent, &patient, 0, &ch.code, verb, ch.pattern, r->entry);
                if (rc < 0) return rc;
                if (rc == 1) {
                    if (o->code_by == AN_CODEBY_SENTENCE) stop = 1;
                    if (o->code_by != AN_CODEBY_ALL) break;
                }
                continue;
            }
            if (v.passive_reset) {
                if (!src_pat) v.source_set = 0;
                v.passive_reset = 0;
            }
            if (new_subject && !src_pat) {
                /* "Egypt condemned the plan after Pakistan visited India": Pakistan. */
                an_trace(s, "  a new subject right before the verb: the source is looked up again");
                v.source_set = 0;
            }
            if (!v.source_set) {
                if (find_source(s, cl, verb, &target, target_set, &v.source)) {
                    v.source_set = 1;
                    v.noagent_source = 0;
                    v.default_src_found = 1;
                }
            }
            if (!target_set && v.source_set) {
                if (find_target(s, cl, verb, &v.source, v.source_set, v.noagent_source, &target)) {
                    target_set = 1;
                    v.default_tgt_found = 1;
                }
            } else if (!target_set) {
                if (find_target(s, cl, verb, &v.source, 0, 0, &target)) {
                    target_set = 1;
                    v.default_tgt_found = 1;
                }
            }
            if (s->mode == AN_MODE_ANNALIST && v.source_set && !target_set &&
                party_is_compound(s, &v.source) && mutual(s, &ch.code)) {
                /* "Pakistan and Uzbekistan stressed the need to enhance trade": mutual
                 * cooperation between the members of a compound subject, both ways (other
                 * verbs are left to patterns with '%': "X and Y condemned ..." or "X and Y
                 * called for ..." is no X>Y event). */
                an_trace(s, "  cooperation within the compound subject");
                target = v.source;
                target_set = 1;
            }
            if (s->mode == AN_MODE_ANNALIST && v.source_set && !target_set &&
                location_target(s, verb, &ch.code, &v.source, &target)) {
                an_trace(s, "  an act of force or an appeal in a place: the place is the target");
                target_set = 1;
            }
            if (s->mode == AN_MODE_ANNALIST && v.source_set && !target_set &&
                speaker_target(s, verb, &ch.code, &v.source, &target)) {
                an_trace(s, "  an act of conflict reported by its victim: the speaker is the target");
                target_set = 1;
            }
            if (!v.source_set || !target_set) {
                an_trace(s, "  no %s: no event", v.source_set ? "target" : "source");
                continue;
            }
            if (s->mode == AN_MODE_ANNALIST && !tgt_pat && audience(s, &ch.code, &target)) {
                /* "told reporters", "told voters": a statement to an audience names no
                 * political target. */
                an_trace(s, "  a statement to an audience of agents: no event");
                continue;
            }
            an_party src = v.source, tgt = target;
            int noagent = v.noagent_source;
            if (!src_pat && !tgt_pat && v.default_src_found && v.default_tgt_found &&
                is_passive(s, verb)) {
                an_trace(s, "  passive voice: source and target swapped");
                an_party tmp = src;
                src = tgt;
                tgt = tmp;
                noagent = 0;
                v.passive_reset = 1;
            }
            int rc = make_events(s, &src, &tgt, noagent, &ch.code, verb, ch.pattern, r->entry);
            if (rc < 0) return rc;
            /* Pattern-set actors are cleared unless a default search succeeded before. */
            if (src_pat && !v.default_src_found) v.source_set = 0;
            if (rc == 1) {
                if (o->code_by == AN_CODEBY_SENTENCE) stop = 1;
                if (o->code_by != AN_CODEBY_ALL) break;
            }
        }
    }
    if (s->mode == AN_MODE_ANNALIST) {
        merge_protest_demands(s);
        drop_consequences(s);
    }
    return 0;
}
