/* structure.c — the shallow parse of a sentence after root assignment, in TABARI's order
 * (tabari-semantics.md §4): nouns marked by determiners and capitals, actor codes resolved
 * for the date (null actors become nouns), agents converted, compound actors, comma-clause
 * elimination, clauses split at conjunctions, agents attached to actors, pronouns resolved. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coder/annalist_mode.h"
#include "coder/sent.h"

static void set_occ_type(an_sent *s, int32_t o, uint8_t type)
{
    an_occ *oc = &s->occs.v[o];
    oc->type = type;
    for (uint32_t t = oc->first; t <= oc->last; t++)
        if (s->toks.v[t].occ == o) s->toks.v[t].type = type;
}

/* §4.1: a verb after a determiner, or capitalised in mid-sentence, is a noun. */
static int ends_with(const an_ctok *t, const char *suffix)
{
    size_t n = strlen(suffix);
    return t->len > n && memcmp(t->norm + t->len - n, suffix, n) == 0;
}

/* "a shark attack", "the missile strike", "a Russian drone attack": a verb in its base form
 * after a determiner and singular modifiers is the head of a noun compound (a plural noun
 * before it is a subject: "the two sides agree"). */
/* Whether the verb at oc is written in its base form: the word its dictionary entry starts
 * with ("MEET {MEETS MET}": "met" is not). */
static int base_form(const an_sent *s, const an_occ *oc)
{
    const an_ctok *v = &s->toks.v[oc->first];
    if (ends_with(v, "S") || ends_with(v, "ED") || ends_with(v, "ING") || ends_with(v, "EN"))
        return 0;
    const char *text = s->d->roots.v[oc->root].src.text;
    if (!text) return 1;
    while (*text == '+' || *text == '-' || *text == ' ') text++;
    size_t n = strcspn(text, " \t{[_");
    return n == v->len && strncasecmp(text, v->norm, n) == 0;
}

static int noun_compound_head(const an_sent *s, const an_occ *oc)
{
    if (oc->first < 2 || !base_form(s, oc)) return 0;
    /* Up to three modifiers between the determiner and the verb: common nouns, actors and
     * agents ("a Russian drone attack", "the Israeli air strike"); the one right before the
     * verb singular. */
    const an_ctok *n = &s->toks.v[oc->first - 1];
    if (ends_with(n, "S") || ends_with(n, "LY") || n->poss) return 0;
    for (uint32_t k = 1; k <= 4 && k <= oc->first; k++) {
        const an_ctok *p = &s->toks.v[oc->first - k];
        if (p->type == AN_T_DET) return k >= 2;
        int modifier = p->kind == AN_TOK_WORD && !p->wc && !p->poss &&
                       ((p->type == AN_T_NONE && !p->cap) || p->type == AN_T_ACTOR ||
                        p->type == AN_T_AGENT);
        if (!modifier) return 0;
    }
    return 0;
}

/* Prefixes that leave a hyphenated verb a verb ("re-elected", "co-operate"). */
static int verb_prefix(const an_ctok *t)
{
    static const char *const prefixes[] = {"RE", "CO", "PRE", "UN", "NON", "COUNTER", "OVER",
                                           "UNDER", "OUT", "MIS", "DE", "CROSS", "SUB", "DOUBLE",
                                           "X"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (strcmp(t->norm, prefixes[i]) == 0) return 1;
    return 0;
}

/* A verb inside a hyphenated compound is part of a modifier or a noun: "long-delayed",
 * "US-led", "rebel-held", "cease-fire", "walk-out"; unless the compound follows its subject
 * ("North Korea test-fired a missile"). */
static int in_hyphen_compound(const an_sent *s, const an_occ *oc)
{
    const an_ctok *v = &s->toks.v[oc->first];
    if (v->hyphen && oc->first > 0 && !verb_prefix(&s->toks.v[oc->first - 1])) {
        if (oc->first < 2) return 1;
        const an_ctok *before = &s->toks.v[oc->first - 2];
        int subject = (before->type == AN_T_ACTOR || before->type == AN_T_AGENT ||
                       before->type == AN_T_PRONOUN) && !before->poss;
        return !subject;
    }
    return oc->last + 1u < s->toks.n && s->toks.v[oc->last + 1].hyphen &&
           !s->toks.v[oc->last + 1].wc;
}

static void mark_nouns(an_sent *s)
{
    for (size_t o = 0; o < s->occs.n; o++) {
        an_occ *oc = &s->occs.v[o];
        if (s->tagged && oc->type == AN_T_VERB) {
            /* With a parse, a verb is whatever the parse tags as one (PETRARCH). */
            const char *tag = s->toks.v[oc->first].tag;
            if (tag && strncmp(tag, "VB", 2) != 0) {
                set_occ_type(s, (int32_t)o, AN_T_NOUN);
                an_trace(s, "noun: \"%s\" is tagged %s, not a verb", s->toks.v[oc->first].norm, tag);
            }
            continue;
        }
        if (oc->type != AN_T_VERB || oc->first == 0) continue;
        const an_ctok *prev = &s->toks.v[oc->first - 1];
        if (prev->type == AN_T_DET || (!s->allcaps && s->toks.v[oc->first].midcap)) {
            set_occ_type(s, (int32_t)o, AN_T_NOUN);
            an_trace(s, "noun: \"%s\" is not a verb here (%s)", s->toks.v[oc->first].norm,
                     prev->type == AN_T_DET ? "after a determiner" : "capitalised");
        } else if (s->mode == AN_MODE_ANNALIST && !s->allcaps &&
                   ((prev->wc & AN_WC_PRON_POSS) || !strcmp(prev->norm, "WHOSE") ||
                    !strcmp(prev->norm, "OUR") || !strcmp(prev->norm, "MY") ||
                    !strcmp(prev->norm, "YOUR") || !strcmp(prev->norm, "ANY") ||
                    !strcmp(prev->norm, "NO") || !strcmp(prev->norm, "EVERY") ||
                    !strcmp(prev->norm, "EACH") || !strcmp(prev->norm, "ANOTHER") ||
                    !strcmp(prev->norm, "SEVERAL"))) {
            /* "his visit", "their attack", "whose fight"; "any request", "another attack" */
            set_occ_type(s, (int32_t)o, AN_T_NOUN);
            an_trace(s, "noun: \"%s\" is not a verb here (after a possessive or quantifier)",
                     s->toks.v[oc->first].norm);
        } else if (s->mode == AN_MODE_ANNALIST && oc->first >= 2 && prev->type == AN_T_NONE &&
                   ends_with(prev, "LY") && s->toks.v[oc->first - 2].type == AN_T_DET) {
            /* "a widely opposed change", "the newly elected parliament" */
            set_occ_type(s, (int32_t)o, AN_T_NOUN);
            an_trace(s, "noun: \"%s\" is not a verb here (after a determiner and an adverb)",
                     s->toks.v[oc->first].norm);
        } else if (s->mode == AN_MODE_ANNALIST && in_hyphen_compound(s, oc)) {
            set_occ_type(s, (int32_t)o, AN_T_NOUN);
            an_trace(s, "noun: \"%s\" is part of a hyphenated word", s->toks.v[oc->first].norm);
        } else if (s->mode == AN_MODE_ANNALIST && noun_compound_head(s, oc)) {
            set_occ_type(s, (int32_t)o, AN_T_NOUN);
            an_trace(s, "noun: \"%s\" ends a noun compound (\"a shark attack\")",
                     s->toks.v[oc->first].norm);
        }
    }
}

/* Resolves each actor's code for the document date; a null (---) actor becomes a noun. */
/* An actor joined by a hyphen to a word before it that is no actor names something else:
 * "the Pan-American Highway", "anti-American protests", "pro-Russian separatists" ("US-led"
 * and "China-Pakistan" start with the actor and are not affected). */
static int in_name_compound(const an_sent *s, const an_occ *oc)
{
    if (oc->first == 0 || !s->toks.v[oc->first].hyphen) return 0;
    const an_ctok *p = &s->toks.v[oc->first - 1];
    if (p->kind != AN_TOK_WORD || p->type == AN_T_ACTOR || p->type == AN_T_AGENT ||
        p->type == AN_T_FORMER || !strcmp(p->norm, "EX"))
        return 0;
    return p->cap || !strcmp(p->norm, "PRO") || !strcmp(p->norm, "ANTI") ||
           !strcmp(p->norm, "NON");
}

static int make_mentions(an_sent *s)
{
    const an_dict *d = s->d;
    s->mentions.n = 0;
    for (size_t o = 0; o < s->occs.n; o++) {
        an_occ *oc = &s->occs.v[o];
        if (oc->type != AN_T_ACTOR) continue;
        const an_root *r = &d->roots.v[oc->root];
        const an_actor *a = &d->actors.v[r->entry];
        const an_datedcode *dc = an_actor_resolve(d, a, s->day);
        if (dc && dc->ncodes == 1) {
            uint32_t code = d->codelist.v[dc->codes];
            if (code == d->code_null) {
                set_occ_type(s, (int32_t)o, AN_T_NOUN);
                continue;
            }
            if (code == d->code_discard) {
                s->discard = 1;
                an_trace(s, "discard: actor \"%s\" is coded ###", s->toks.v[oc->first].norm);
            }
        }
        if (s->mode == AN_MODE_ANNALIST && in_name_compound(s, oc)) {
            set_occ_type(s, (int32_t)o, AN_T_NOUN);
            an_trace(s, "noun: \"%s\" is part of the hyphenated word \"%s-%s\"",
                     s->toks.v[oc->first].norm, s->toks.v[oc->first - 1].norm,
                     s->toks.v[oc->first].norm);
            continue;
        }
        an_mention m = an_mention_make(oc->first, oc->last, (int32_t)o);
        m.code = dc;
        m.place = (r->flags & AN_RF_PLACE) != 0;
        if (AN_VEC_PUSH(&s->mentions, m) < 0) return AN_ENOMEM;
        s->toks.v[oc->first].mention = (int32_t)s->mentions.n - 1;
    }
    return 0;
}

/* §3: a verb or time root coded ### discards the sentence, wherever it is. */
static void check_discard_roots(an_sent *s)
{
    const an_dict *d = s->d;
    for (size_t o = 0; o < s->occs.n; o++) {
        const an_occ *oc = &s->occs.v[o];
        const an_root *r = &d->roots.v[oc->root];
        if (r->kind == AN_ROOT_VERB) {
            if (d->verbs.v[r->entry].code.flags & AN_EC_DISCARD) s->discard = 1;
        } else if (r->kind == AN_ROOT_TIME) {
            if (d->blocks.v[r->entry].code.flags & AN_EC_DISCARD) s->discard = 1;
        }
    }
}

static int is_conj_word(const an_sent *s, uint32_t t, const char *w)
{
    return s->toks.v[t].type == AN_T_CONJ && strcmp(s->toks.v[t].norm, w) == 0;
}

/* §2.5 CONVERT AGENTS: a lone agent becomes an actor coded with its agent code. */
static int convert_agents(an_sent *s)
{
    const an_dict *d = s->d;
    for (size_t o = 0; o < s->occs.n; o++) {
        an_occ *oc = &s->occs.v[o];
        if (oc->type != AN_T_AGENT) continue;
        int before = oc->first > 0 && (s->toks.v[oc->first - 1].type == AN_T_ACTOR ||
                                       s->toks.v[oc->first - 1].type == AN_T_FORMER);
        uint32_t n = oc->last + 1;
        int after = n < s->toks.n && s->toks.v[n].type == AN_T_ACTOR;
        if (!after && n + 1 < s->toks.n && s->toks.v[n].type == AN_T_PREP &&
            s->toks.v[n + 1].type == AN_T_ACTOR)
            after = 1;
        if (before || after) continue;
        const an_agent *ag = &d->agents.v[d->roots.v[oc->root].entry];
        set_occ_type(s, (int32_t)o, AN_T_ACTOR);
        an_mention m = an_mention_make(oc->first, oc->last, (int32_t)o);
        m.literal = ag->code;
        if (AN_VEC_PUSH(&s->mentions, m) < 0) return AN_ENOMEM;
        s->toks.v[oc->first].mention = (int32_t)s->mentions.n - 1;
    }
    return 0;
}

/* In the compound runs, words that may stand between actors like adjectives. TABARI takes
 * only its <ADJECTIVE> list; PETRARCH reads adjectives from the parse, which text does not
 * give, so lower-case words the dictionaries do not know count as adjectives there. */
static int compound_filler(const an_sent *s, uint32_t t)
{
    const an_ctok *tk = &s->toks.v[t];
    if (tk->type == AN_T_DET || tk->type == AN_T_ADJ) return 1;
    if (s->mode == AN_MODE_TABARI) return 0;
    /* PETRARCH's compound noun phrases also hold agents and "of" phrases: "Ithilen and the
     * government of Gondor", and the words of an actor merged into a later one ("Armenian
     * Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev"). */
    if (tk->type == AN_T_AGENT) return 1;
    if (tk->type == AN_T_NOUN && tk->occ >= 0 &&
        s->d->roots.v[s->occs.v[tk->occ].root].kind == AN_ROOT_ACTOR)
        return 1;
    if (tk->type == AN_T_PREP && !strcmp(tk->norm, "OF") && t + 1 < s->toks.n &&
        (s->toks.v[t + 1].type == AN_T_ACTOR || s->toks.v[t + 1].type == AN_T_DET))
        return 1;
    if (tk->tag) return tk->type == AN_T_NONE && !strncmp(tk->tag, "JJ", 2);
    return tk->type == AN_T_NONE && !tk->cap && tk->kind == AN_TOK_WORD;
}

static int mention_at(const an_sent *s, uint32_t t)
{
    int32_t o = s->toks.v[t].occ;
    if (o < 0) return -1;
    return s->toks.v[s->occs.v[o].first].mention;
}

/* §4.2: compounds, triggered by AND / NOR. */
static int find_compounds(an_sent *s)
{
    s->compounds.n = 0;
    s->members.n = 0;
    for (uint32_t c = 0; c < s->toks.n; c++) {
        if (!is_conj_word(s, c, "AND") && !is_conj_word(s, c, "NOR")) continue;
        /* Right: actors, determiners, adjectives; the last actor ends the compound. */
        int32_t right = -1;
        for (uint32_t j = c + 1; j < s->toks.n; j++) {
            uint8_t ty = s->toks.v[j].type;
            if (ty == AN_T_ACTOR) right = (int32_t)s->occs.v[s->toks.v[j].occ].last, j = (uint32_t)right;
            else if (!compound_filler(s, j)) break;
        }
        if (right < 0) continue;
        /* Left: actors, determiners, adjectives, commas, conjunctions; an actor needs a
         * comma or conjunction between it and the last one collected. */
        int32_t left = -1;
        int separated = 1;
        for (int32_t j = (int32_t)c - 1; j >= 0; j--) {
            uint8_t ty = s->toks.v[j].type;
            if (ty == AN_T_ACTOR) {
                if (!separated) break;
                int32_t o = s->toks.v[j].occ;
                left = s->occs.v[o].first;
                j = left;
                separated = 0;
            } else if (ty == AN_T_COMMA || ty == AN_T_CONJ) {
                separated = 1;
            } else if (!compound_filler(s, (uint32_t)j)) {
                break;
            }
        }
        if (left < 0) continue;
        an_compound cp;
        cp.first = (uint16_t)left;
        cp.last = (uint16_t)right;
        cp.members = (uint32_t)s->members.n;
        cp.nmembers = 0;
        cp.cancelled = 0;
        for (uint32_t t = (uint32_t)left; t <= (uint32_t)right; t++) {
            int m = s->toks.v[t].type == AN_T_ACTOR ? mention_at(s, t) : -1;
            if (m < 0 || s->mentions.v[m].first != t) continue;
            if (AN_VEC_PUSH(&s->members, m) < 0) return AN_ENOMEM;
            cp.nmembers++;
        }
        if (cp.nmembers < 2) {
            s->members.n = cp.members;
            continue;
        }
        /* An earlier compound nested inside this one is cancelled. */
        for (size_t k = 0; k < s->compounds.n; k++) {
            an_compound *e = &s->compounds.v[k];
            if (!e->cancelled && e->first >= cp.first && e->last <= cp.last) e->cancelled = 1;
        }
        if (AN_VEC_PUSH(&s->compounds, cp) < 0) return AN_ENOMEM;
        c = (uint32_t)right;
    }
    /* Record membership on tokens and mentions. Where two compounds overlap, the later one
     * takes the shared actors: "Arnor and Dagolath Osgiliath, Mordor and Elrond" gives
     * Arnor+Dagolath and Osgiliath+Mordor+Elrond (DEBUG-20). */
    for (uint32_t t = 0; t < s->toks.n; t++) s->toks.v[t].compound = -1;
    for (size_t k = 0; k < s->compounds.n; k++) {
        const an_compound *cp = &s->compounds.v[k];
        if (cp->cancelled) continue;
        for (uint32_t t = cp->first; t <= cp->last; t++) s->toks.v[t].compound = (int32_t)k;
        for (uint16_t m = 0; m < cp->nmembers; m++)
            s->mentions.v[s->members.v[cp->members + m]].compound = (int32_t)k;
    }
    for (size_t k = 0; k < s->compounds.n; k++) {
        an_compound *cp = &s->compounds.v[k];
        if (cp->cancelled) continue;
        uint16_t kept = 0;
        for (uint16_t m = 0; m < cp->nmembers; m++) {
            int32_t mi = s->members.v[cp->members + m];
            if (s->mentions.v[mi].compound == (int32_t)k) s->members.v[cp->members + kept++] = mi;
        }
        cp->nmembers = kept;
        if (kept < 2) cp->cancelled = 1;
    }
    return 0;
}

/* annalist mode eliminates a comma clause only when no verb is in it: in news a comma
 * clause with a verb ("..., where he held talks with Mahama", "..., demanding the
 * resignation of...") usually reports an event. */
static int clause_has_verb(const an_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t t = a; t <= b && t < s->toks.n; t++)
        if (s->toks.v[t].type == AN_T_VERB) return 1;
    return 0;
}

/* Eliminates tokens [a, b] (inclusive) and cancels the roots and compounds crossing it. */
static void eliminate(an_sent *s, uint32_t a, uint32_t b)
{
    if (s->mode == AN_MODE_ANNALIST && clause_has_verb(s, a, b)) return;
    an_trace(s, "comma clause eliminated: tokens %u-%u", a, b);
    for (uint32_t t = a; t <= b && t < s->toks.n; t++) s->toks.v[t].eliminated = 1;
    for (size_t o = 0; o < s->occs.n; o++) {
        an_occ *oc = &s->occs.v[o];
        int inside = oc->first >= a && oc->last <= b;
        int crosses = !inside && oc->first <= b && oc->last >= a;
        if (inside || crosses) oc->cancelled = 1;
        if (crosses) {
            for (uint32_t t = oc->first; t <= oc->last; t++)
                if (s->toks.v[t].occ == (int32_t)o) s->toks.v[t].type = AN_T_NONE;
        }
    }
    for (size_t k = 0; k < s->compounds.n; k++) {
        an_compound *cp = &s->compounds.v[k];
        if (!cp->cancelled && cp->first <= b && cp->last >= a && !(cp->first >= a && cp->last <= b))
            cp->cancelled = 1;
        if (!cp->cancelled && cp->first >= a && cp->last <= b) cp->cancelled = 1;
    }
    for (uint32_t t = a; t <= b && t < s->toks.n; t++) s->toks.v[t].type = AN_T_NONE;
}

static int in_live_compound(const an_sent *s, uint32_t t)
{
    int32_t k = s->toks.v[t].compound;
    return k >= 0 && !s->compounds.v[k].cancelled;
}

/* §4.3: comma-delimited clauses. */
static void comma_clauses(an_sent *s)
{
    const an_options *o = s->opt;
    uint32_t n = (uint32_t)s->toks.n;
    uint32_t c = 0;
    if (s->mode == AN_MODE_ANNALIST && n > 2 && !strcmp(s->toks.v[0].norm, "ACCORDING") &&
        !strcmp(s->toks.v[1].norm, "TO")) {
        /* "According to Kyiv, ...": the source of the report, not an actor of the event. */
        uint32_t e = 2;
        while (e < n && s->toks.v[e].type != AN_T_COMMA) e++;
        if (e < n) {
            for (uint32_t t = 0; t <= e; t++) s->toks.v[t].type = AN_T_NONE;
            eliminate(s, 0, e);
            c = e + 1;
        }
    }
    while (c < n) {
        if (s->toks.v[c].type != AN_T_COMMA || in_live_compound(s, c)) {
            c++;
            continue;
        }
        if ((int)c >= o->comma_bmin && (int)c <= o->comma_bmax && c > 0) eliminate(s, 0, c - 1);
        uint32_t dpos = c + 1;
        while (dpos < n && (s->toks.v[dpos].type != AN_T_COMMA || in_live_compound(s, dpos)))
            dpos++;
        if (dpos >= n) {
            int after = (int)(n - c - 1);
            if (after >= o->comma_emin && after <= o->comma_emax) eliminate(s, c, n - 1);
            return;
        }
        int between = (int)(dpos - c - 1);
        if (between >= o->comma_min && between <= o->comma_max) eliminate(s, c, dpos);
        c = dpos + 1; /* D is consumed: it does not open the next candidate */
    }
}

/* A verb in [a, b) and one after comma c, before the next comma or conjunction. */
static int comma_starts_clause(const an_sent *s, uint32_t a, uint32_t c)
{
    int before = 0, after = 0;
    for (uint32_t t = a; t < c && !before; t++) before = s->toks.v[t].type == AN_T_VERB;
    for (uint32_t t = c + 1; t < s->toks.n && !after; t++) {
        uint8_t ty = s->toks.v[t].type;
        if (ty == AN_T_COMMA || ty == AN_T_CONJ) break;
        after = ty == AN_T_VERB;
    }
    return before && after;
}

/* §4.4: clauses split at conjunctions outside compounds and eliminated text. */
static int split_clauses(an_sent *s)
{
    s->clauses.n = 0;
    uint32_t n = (uint32_t)s->toks.n;
    uint32_t start = 0;
    for (uint32_t t = 1; t + 1 < n; t++) {
        if (s->mode == AN_MODE_ANNALIST && s->toks.v[t].type == AN_T_COMMA && !in_live_compound(s, t) &&
            !s->toks.v[t].eliminated && comma_starts_clause(s, start, t)) {
            /* "Modi arrived in Ghana, where he held talks with Mahama": a comma between two
             * stretches that each have a verb starts a clause of its own. */
            an_clause cl = {(uint16_t)start, (uint16_t)t, 0};
            if (AN_VEC_PUSH(&s->clauses, cl) < 0) return AN_ENOMEM;
            start = t + 1;
            continue;
        }
        if (s->toks.v[t].type != AN_T_CONJ || in_live_compound(s, t) || s->toks.v[t].eliminated)
            continue;
        uint8_t before = s->toks.v[t - 1].type;
        /* noun CONJ adjective* noun, and adjective CONJ adjective, do not split. */
        uint32_t j = t + 1;
        while (j < n && s->toks.v[j].type == AN_T_ADJ) j++;
        if (before == AN_T_NOUN && j < n && s->toks.v[j].type == AN_T_NOUN) continue;
        if (before == AN_T_ADJ && s->toks.v[t + 1].type == AN_T_ADJ) continue;
        if (s->mode == AN_MODE_ANNALIST) {
            /* "fruit and vegetables", "travel bans and asset freezes": a conjunction starts a
             * clause only when a verb follows it before the next conjunction (or a
             * subordinate clause: "vaccines and supplies to Afghanistan after an earthquake
             * killed hundreds"). */
            int verb_after = 0;
            for (uint32_t u = t + 1; u < n && !verb_after; u++) {
                if (s->toks.v[u].type == AN_T_CONJ || (s->toks.v[u].wc & AN_WC_SUBORD)) break;
                verb_after = s->toks.v[u].type == AN_T_VERB && !s->toks.v[u].eliminated;
            }
            if (!verb_after) continue;
        }
        an_clause cl = {(uint16_t)start, (uint16_t)t, 0};
        if (AN_VEC_PUSH(&s->clauses, cl) < 0) return AN_ENOMEM;
        start = t + 1;
    }
    an_clause cl = {(uint16_t)start, (uint16_t)n, 0};
    if (AN_VEC_PUSH(&s->clauses, cl) < 0) return AN_ENOMEM;
    /* Patterns read to the end of the conjunction clause: a comma clause ends at the next
     * conjunction clause's start, or the sentence's end. */
    for (size_t k = 0; k < s->clauses.n; k++) {
        an_clause *c = &s->clauses.v[k];
        uint16_t e = c->end;
        for (size_t j = k + 1; j < s->clauses.n; j++) {
            uint16_t prev_end = s->clauses.v[j - 1].end;
            if (prev_end < s->toks.n && s->toks.v[prev_end].type == AN_T_CONJ) break;
            e = s->clauses.v[j].end;
        }
        c->match_end = e;
    }
    return 0;
}

/* §2.5: each actor takes at most one agent: right after it (after an optional FORMER), or
 * else ending right before it with one IN or OF allowed between. FORMER gives ELI. */
static void attach_agents(an_sent *s)
{
    for (size_t m = 0; m < s->mentions.n; m++) {
        an_mention *me = &s->mentions.v[m];
        if (me->occ < 0 || me->literal != AN_NO_ID || me->antecedent >= 0) continue;
        int32_t agent = -1;
        uint32_t n = (uint32_t)s->toks.n;
        uint32_t after = me->last + 1;
        if (after < n && s->toks.v[after].type == AN_T_FORMER && !s->toks.v[after].eliminated) {
            me->former = 1;
            after++;
        }
        if (after < n && s->toks.v[after].type == AN_T_AGENT && !s->toks.v[after].eliminated &&
            s->occs.v[s->toks.v[after].occ].first == after) {
            agent = s->toks.v[after].occ;
        }
        if (me->first > 0 && s->toks.v[me->first - 1].type == AN_T_FORMER) me->former = 1;
        if (agent < 0 && me->first > 0) {
            uint32_t b = me->first - 1;
            if (s->toks.v[b].type == AN_T_PREP && b > 0) b--;
            if (s->toks.v[b].type == AN_T_AGENT && !s->toks.v[b].eliminated) {
                int32_t ao = s->toks.v[b].occ;
                if (s->occs.v[ao].last == b) {
                    agent = ao;
                    uint32_t f = s->occs.v[ao].first;
                    if (f > 0 && s->toks.v[f - 1].type == AN_T_FORMER) me->former = 1;
                }
            }
        }
        if (agent >= 0) me->agents[me->nagents++] = agent;
    }
}

/* Words that may sit inside a noun phrase between an actor and its agents: determiners,
 * adjectives, nouns, numbers and words the dictionaries do not know. */
static int np_filler(const an_ctok *t)
{
    if (t->eliminated) return 0;
    /* Function words end a noun phrase: "Pakistan for a three-day official visit" does not
     * make "official" an agent of Pakistan. */
    if (t->type == AN_T_NONE && (t->wc & AN_WC_NPSTOP)) return 0;
    if (t->tag && (!strncmp(t->tag, "VB", 2) || !strcmp(t->tag, "IN") || !strcmp(t->tag, "CC") ||
                   !strcmp(t->tag, "TO") || !strcmp(t->tag, "MD") || !strncmp(t->tag, "W", 1)))
        return 0;
    return t->type == AN_T_NONE || t->type == AN_T_DET || t->type == AN_T_ADJ ||
           t->type == AN_T_NOUN || t->type == AN_T_NUMBER;
}

static int is_np_prep(const an_ctok *t)
{
    return (t->wc & AN_WC_NPPREP) != 0;
}

static void add_agent(an_mention *me, int32_t occ)
{
    for (uint8_t i = 0; i < me->nagents; i++)
        if (me->agents[i] == occ) return;
    if (me->nagents < 4) me->agents[me->nagents++] = occ;
}

/* annalist mode: an agent word with no actor that modifies a following common noun
 * ("military aid", "military sites") is an adjective, not an actor; except before a building,
 * site or unit, which stands for the institution ("police stations", "an army convoy"). */
static int modifier_agent(const an_sent *s, int32_t occ)
{
    if (s->mode != AN_MODE_ANNALIST) return 0;
    uint32_t n = s->occs.v[occ].last + 1u;
    if (n >= s->toks.n) return 0;
    const an_ctok *t = &s->toks.v[n];
    size_t len = strlen(t->norm);
    int adverb = len > 3 && !strcmp(t->norm + len - 2, "LY");
    /* a plural agent is a head, not a modifier: "set police stations ablaze", "troops
     * shelled" */
    const an_ctok *a = &s->toks.v[n - 1];
    if (!a->poss && a->len > 3 && a->norm[a->len - 1] == 'S' && a->norm[a->len - 2] != 'S') return 0;
    /* a building stands for the institution: "set fire to the parliament building" */
    return t->type == AN_T_NONE && !t->cap && t->kind == AN_TOK_WORD && !adverb &&
           !(t->wc & (AN_WC_NPSTOP | AN_WC_BUILDING));
}

/* Agents in the noun phrase of [first, last]: before it ("the Gondor main opposition
 * group", "an MSF Arnor diplomat", "soldiers from Gondor", "activists in Arnor") and after
 * it ("Arnor cleric", "Gondor's government"), in text order. */
static void np_agents(an_sent *s, uint32_t first, uint32_t last, int32_t *out, int *n)
{
    *n = 0;
    int32_t before[4];
    int nb = 0;
    int t = (int)first - 1;
    if (t > 0 && is_np_prep(&s->toks.v[t]) && s->toks.v[t - 1].type == AN_T_AGENT) t--;
    for (; t >= 0; t--) {
        const an_ctok *tk = &s->toks.v[t];
        if (tk->type == AN_T_AGENT && !tk->eliminated) {
            int32_t o = tk->occ;
            if (nb < 4 && (nb == 0 || before[nb - 1] != o)) before[nb++] = o;
            t = s->occs.v[o].first;
            continue;
        }
        if (tk->type == AN_T_CONJ && t > 0 && s->toks.v[t - 1].type == AN_T_AGENT) continue;
        if (!np_filler(tk)) break;
    }
    for (int i = nb - 1; i >= 0 && *n < 4; i--) out[(*n)++] = before[i];
    for (uint32_t u = last + 1; u < s->toks.n; u++) {
        const an_ctok *tk = &s->toks.v[u];
        if (tk->type == AN_T_AGENT && !tk->eliminated) {
            if (*n < 4) out[(*n)++] = tk->occ;
            u = s->occs.v[tk->occ].last;
            continue;
        }
        if (!np_filler(tk)) break;
    }
}

/* PETRARCH: a noun phrase codes as its first actor, so a later actor in the same phrase is
 * not an actor of its own ("Ithilen's awful minister Calimehtar" is Ithilen's minister;
 * "Belarus President Aleksandr Lukashenko" is one actor). Two actors share a phrase when
 * only agents and phrase words stand between them. */
/* Whether mention a's code extends mention b's (same country, more roles: YEMREB vs YEM). */
static int more_specific(const an_sent *s, int32_t a, int32_t b)
{
    const an_mention *ma = &s->mentions.v[a], *mb = &s->mentions.v[b];
    if (!ma->code || !mb->code || ma->code->ncodes != 1 || mb->code->ncodes != 1) return 0;
    const char *ca = an_dict_code_str(s->d, s->d->codelist.v[ma->code->codes]);
    const char *cb = an_dict_code_str(s->d, s->d->codelist.v[mb->code->codes]);
    size_t la = strlen(ca), lb = strlen(cb);
    return la > lb && lb >= 3 && strncmp(ca, cb, lb) == 0;
}

static void merge_np_actors(an_sent *s)
{
    int32_t prev = -1;
    for (uint32_t t = 0; t < s->toks.n; t++) {
        int32_t m = s->toks.v[t].mention;
        if (m < 0 || s->toks.v[t].type != AN_T_ACTOR) continue;
        const an_mention *me = &s->mentions.v[m];
        if (me->occ < 0 || s->occs.v[me->occ].first != t) continue;
        if (prev >= 0) {
            const an_mention *pm = &s->mentions.v[prev];
            int same_np = 1;
            for (uint32_t u = pm->last + 1; u < me->first && same_np; u++) {
                const an_ctok *tk = &s->toks.v[u];
                /* "awful and evil": a conjunction between two lower-case words joins
                 * adjectives inside the phrase. */
                int adj_conj = tk->type == AN_T_CONJ && u > pm->last + 1u && u + 1 < me->first &&
                               !s->toks.v[u - 1].cap && !s->toks.v[u + 1].cap &&
                               np_filler(&s->toks.v[u - 1]) && np_filler(&s->toks.v[u + 1]);
                same_np = tk->type == AN_T_AGENT || np_filler(tk) || adj_conj;
            }
            if (same_np && s->mode == AN_MODE_ANNALIST && more_specific(s, m, prev)) {
                /* "Yemen's Houthi rebels": the later actor is the same country, more
                 * precisely (YEMREB over YEM); it stands for the phrase. */
                an_trace(s, "noun phrase: \"%s\" names \"%s\" more precisely", s->toks.v[me->first].norm,
                         s->toks.v[pm->first].norm);
                set_occ_type(s, pm->occ, AN_T_NOUN);
                s->toks.v[pm->first].mention = -1;
                prev = m;
                t = me->last;
                continue;
            }
            if (same_np) {
                an_trace(s, "noun phrase: \"%s\" belongs to the phrase of \"%s\"", s->toks.v[me->first].norm,
                         s->toks.v[pm->first].norm);
                set_occ_type(s, me->occ, AN_T_NOUN);
                s->toks.v[t].mention = -1;
                t = me->last;
                continue;
            }
        }
        prev = m;
        t = me->last;
    }
}

/* PETRARCH (petrarch-differences.md §1.4): an actor takes every agent of its noun phrase;
 * a compound's members share the agents around the compound; an agent whose noun phrase
 * has no actor is an actor of its own, coded "---" plus the agent ("---GOV"). */
static int petrarch_agents(an_sent *s)
{
    uint8_t *used = NULL;
    if (s->occs.n) {
        used = calloc(s->occs.n, 1);
        if (!used) return AN_ENOMEM;
    }
    for (size_t m = 0; m < s->mentions.n; m++) {
        an_mention *me = &s->mentions.v[m];
        if (me->occ < 0 || me->literal != AN_NO_ID || s->occs.v[me->occ].cancelled) continue;
        uint32_t first = me->first, last = me->last;
        if (me->compound >= 0) {
            first = s->compounds.v[me->compound].first;
            last = s->compounds.v[me->compound].last;
        }
        int32_t ags[4];
        int n;
        np_agents(s, first, last, ags, &n);
        if (me->compound >= 0) {
            /* Agents right next to this member too ("Arnor's government and Gondor"). */
            int32_t own[4];
            int no;
            np_agents(s, me->first, me->last, own, &no);
            for (int i = 0; i < no; i++) {
                uint32_t f = s->occs.v[own[i]].first;
                if (f > first && f < last) add_agent(me, own[i]);
            }
        }
        for (int i = 0; i < n; i++) add_agent(me, ags[i]);
        for (uint8_t i = 0; i < me->nagents; i++) used[me->agents[i]] = 1;
        /* annalist mode keeps one role per actor, the phrase's head, its last agent
         * ("Syrian government forces" is SYRMIL; "Iranian military shipping firms" IRNBUS). */
        if (s->mode == AN_MODE_ANNALIST && me->nagents > 1) {
            me->agents[0] = me->agents[me->nagents - 1];
            me->nagents = 1;
        }
    }
    for (size_t o = 0; o < s->occs.n; o++) {
        an_occ *oc = &s->occs.v[o];
        if (oc->type != AN_T_AGENT || oc->cancelled || used[o] || s->toks.v[oc->first].eliminated)
            continue;
        if (modifier_agent(s, (int32_t)o)) continue;
        /* An agent alone: "---" plus its code. */
        set_occ_type(s, (int32_t)o, AN_T_ACTOR);
        an_mention m = an_mention_make(oc->first, oc->last, (int32_t)o);
        m.lone_agent = 1;
        m.agents[0] = (int32_t)o;
        m.nagents = 1;
        if (AN_VEC_PUSH(&s->mentions, m) < 0) {
            free(used);
            return AN_ENOMEM;
        }
        s->toks.v[oc->first].mention = (int32_t)s->mentions.n - 1;
    }
    free(used);
    return 0;
}

/* §4.5: HE HIM SHE HER IT → the first actor before the pronoun outside compounds;
 * THEY THEM THEIR → the first compound before it, else the first actor. */
static int resolve_pronouns(an_sent *s)
{
    for (uint32_t t = 0; t < s->toks.n; t++) {
        an_ctok *tk = &s->toks.v[t];
        if (tk->type != AN_T_PRONOUN || tk->eliminated) continue;
        int plural = !strcmp(tk->norm, "THEY") || !strcmp(tk->norm, "THEM") ||
                     !strcmp(tk->norm, "THEIR");
        int32_t ante = -1, stands = -1;
        if (plural) {
            for (size_t k = 0; k < s->compounds.n && ante < 0; k++) {
                const an_compound *cp = &s->compounds.v[k];
                if (!cp->cancelled && cp->last < t) {
                    ante = s->members.v[cp->members];
                    stands = (int32_t)k;
                }
            }
        }
        for (size_t m = 0; m < s->mentions.n && ante < 0; m++) {
            const an_mention *me = &s->mentions.v[m];
            if (me->first >= t) continue;
            if (me->occ >= 0 && s->occs.v[me->occ].cancelled) continue;
            if (!plural && me->compound >= 0) continue;
            ante = (int32_t)m;
        }
        if (ante < 0 && (s->fwd_code || s->fwd_literal != AN_NO_ID)) {
            /* FORWARD (tabari-semantics.md §4.5): the previous record's first actor, without
             * its agent. */
            an_mention m = an_mention_make(t, t, -1);
            m.code = s->fwd_code;
            m.literal = s->fwd_literal;
            if (AN_VEC_PUSH(&s->mentions, m) < 0) return AN_ENOMEM;
            tk->mention = (int32_t)s->mentions.n - 1;
            tk->type = AN_T_ACTOR;
            an_trace(s, "pronoun: \"%s\" stands for the previous record's first actor", tk->norm);
            continue;
        }
        if (ante < 0) continue;
        an_mention m = an_mention_make(t, t, -1);
        m.antecedent = ante;
        m.stands_for = stands;
        if (AN_VEC_PUSH(&s->mentions, m) < 0) return AN_ENOMEM;
        tk->mention = (int32_t)s->mentions.n - 1;
        tk->type = AN_T_ACTOR;
        an_trace(s, "pronoun: \"%s\" stands for \"%s\"", tk->norm,
                 s->toks.v[s->mentions.v[ante].first].norm);
    }
    return 0;
}

/* Drops mentions whose root was cancelled or eliminated (their slots stay, marked dead by
 * occ cancellation); mentions are looked up through tokens, so nothing else changes. */
static void kill_dead_mentions(an_sent *s)
{
    for (size_t m = 0; m < s->mentions.n; m++) {
        an_mention *me = &s->mentions.v[m];
        if (me->occ >= 0 && s->occs.v[me->occ].cancelled) s->toks.v[me->first].mention = -1;
    }
}

int an_sent_structure(an_sent *s)
{
    int rc;
    mark_nouns(s);
    check_discard_roots(s);
    if ((rc = make_mentions(s)) < 0) return rc;
    if (s->opt->convert_agents && (rc = convert_agents(s)) < 0) return rc;
    if (s->mode == AN_MODE_ANNALIST) an_annalist_locations(s);
    if (s->mode != AN_MODE_TABARI) {
        merge_np_actors(s);
        /* Agents first, so that lone agents ("lawmakers and officials") can form compounds. */
        find_compounds(s);
        if ((rc = petrarch_agents(s)) < 0) return rc;
    }
    if ((rc = find_compounds(s)) < 0) return rc;
    comma_clauses(s);
    kill_dead_mentions(s);
    if ((rc = split_clauses(s)) < 0) return rc;
    if (s->mode == AN_MODE_TABARI) {
        attach_agents(s);
        return resolve_pronouns(s);
    }
    /* PETRARCH-1 resolves no pronouns: a pronoun is an uncoded noun phrase. */
    if (s->mode == AN_MODE_PETRARCH) return 0;
    if ((rc = an_annalist_clauses(s)) < 0 || (rc = an_annalist_surnames(s)) < 0 ||
        (rc = an_annalist_pronouns(s)) < 0)
        return rc;
    an_annalist_lone_agents(s);
    return 0;
}
