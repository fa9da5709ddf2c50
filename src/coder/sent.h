/* sent.h — the coder's working state for one sentence, shared by the coding stages:
 *   roots.c      word candidates per token and root assignment (longest match)
 *   structure.c  nouns, actors and agents, compounds, comma clauses, clauses, pronouns
 *   match.c      verb patterns
 *   events.c     complexity and discards, the verb loop, source/target, event building
 * The arrays live in the coder and are reused, so coding a sentence allocates nothing in
 * the steady state. Indices are token positions within the sentence (0-based). */
#ifndef AN_CODER_SENT_H
#define AN_CODER_SENT_H

#include <stdint.h>

#include "annalist.h"
#include <string.h>

#include "dict/dict.h"
#include "util/arena.h"
#include "util/buf.h"
#include "coder/wordclass.h"
#include "util/vec.h"

/* What a token is after root assignment and parsing. */
typedef enum an_ttype {
    AN_T_NONE = 0,      /* an unknown word */
    AN_T_NUMBER,
    AN_T_COMMA,
    AN_T_QUOTE,
    AN_T_ACTOR,
    AN_T_AGENT,
    AN_T_VERB,
    AN_T_NOUN,
    AN_T_ADJ,
    AN_T_TIME,
    AN_T_DET,
    AN_T_CONJ,
    AN_T_PREP,
    AN_T_PRONOUN,
    AN_T_AUX,
    AN_T_BY,
    AN_T_FORMER,
} an_ttype;

/* A candidate dictionary word for a token, with the ways it may match (bit per an_wmatch). */
typedef struct an_cand {
    uint32_t word;
    uint8_t mask;
    uint8_t extra;      /* characters of the ending used for NOUN/VERB/POSS matches */
} an_cand;

typedef struct an_ctok {
    const char *norm;   /* normalised text */
    uint32_t len;
    an_span span;       /* in the document text */
    uint8_t kind;       /* AN_TOK_* of the analysis token */
    uint8_t type;       /* an_ttype */
    uint8_t cap;        /* starts with a capital letter */
    uint8_t midcap;     /* capitalised after an earlier capitalised token */
    uint8_t eliminated; /* inside an eliminated comma clause */
    uint8_t poss;       /* possessive ending */
    uint8_t hyphen;     /* joined by a hyphen to the token before ("long-delayed") */
    const char *tag;    /* part of speech from a Treebank parse, or NULL */
    uint32_t wc;        /* closed-class word classes (wordclass.h), set with the candidates */
    uint32_t cand;      /* candidates: cands[cand .. cand + ncand) */
    uint16_t ncand;
    int32_t occ;        /* root occurrence covering this token, or -1 */
    int32_t mention;    /* actor mention whose head is this token, or -1 */
    int32_t compound;   /* parsed compound this token lies in, or -1 */
} an_ctok;

/* One occurrence of a dictionary root in the sentence. */
typedef struct an_occ {
    uint32_t root;
    uint16_t first, last;   /* first and last token (gapped roots skip tokens between) */
    uint16_t chars;
    uint8_t type;           /* an_ttype; may change (verb → noun, cancelled → none) */
    uint8_t cancelled;
} an_occ;

/* An actor in the sentence: a coded root, a resolved pronoun or a converted agent. */
typedef struct an_mention {
    uint16_t first, last;   /* tokens covered (the head token is first) */
    int32_t occ;            /* root occurrence, or -1 */
    int32_t antecedent;     /* pronoun: the mention it stands for, else -1 */
    const an_datedcode *code; /* resolved code, NULL when none holds */
    uint32_t literal;       /* converted agent: code id, else AN_NO_ID */
    int32_t agents[4];      /* agent occurrences attached, in text order */
    uint8_t nagents;
    uint8_t former;         /* FORMER next to it: agent becomes ELI */
    uint8_t lone_agent;     /* PETRARCH: an agent with no actor, coded "---" + agent */
    const char *home;       /* annalist: a lone agent's country from the context, or NULL */
    const an_agent *ctx_agent[4]; /* annalist: agents of an actor from an earlier sentence */
    uint8_t ctx_agents;
    int32_t compound;       /* parsed compound it belongs to, or -1 */
    int32_t stands_for;     /* plural pronoun: the compound it stands for, else -1 */
    uint8_t place;
} an_mention;

/* A mention of tokens [first, last] with nothing resolved yet: no occurrence (-1 unless
 * given), antecedent, code, literal, agents or compound. */
static inline an_mention an_mention_make(uint32_t first, uint32_t last, int32_t occ)
{
    an_mention m;
    memset(&m, 0, sizeof m);
    m.first = (uint16_t)first;
    m.last = (uint16_t)last;
    m.occ = occ;
    m.antecedent = -1;
    m.literal = AN_NO_ID;
    m.compound = -1;
    m.stands_for = -1;
    return m;
}

typedef struct an_compound {
    uint16_t first, last;   /* token span */
    uint32_t members;       /* offset into member list */
    uint16_t nmembers;
    uint8_t cancelled;
} an_compound;

typedef struct an_clause {
    uint16_t first, end;    /* tokens [first, end) */
    uint16_t match_end;     /* patterns may read up to here: the end of the conjunction
                               clause (a comma clause of annalist mode ends earlier) */
} an_clause;

/* An actor as used in an event: the mention plus, when it is the first member of a parsed
 * compound, the whole compound. */
typedef struct an_party {
    int32_t mention;        /* -1 = none */
    int32_t compound;       /* expand to this compound's members, or -1 */
    uint32_t default_code;  /* a DEFAULT: code, else AN_NO_ID */
} an_party;

/* An event as the verb loop makes it: one source and one target member, before the
 * sentence-level filters, coded-compound expansion and agent composition (finalize.c). */
typedef struct an_pending {
    an_party source, target;   /* mention (a compound member) or a default code */
    uint8_t source_noagent;    /* the source's agent is not looked up */
    uint32_t code;             /* event code id */
    uint32_t flags;            /* AN_EC_NULL / SUBORD_A / DOMIN_A / DISCARD / COMPLEX */
    uint16_t verb_first, verb_last;
    int32_t pattern;           /* pattern index, or -1 for the verb's own code */
    int32_t verb;              /* verb entry */
} an_pending;

/* A finished event of the sentence: codes composed, ready for output. */
typedef struct an_final {
    const char *source, *target;  /* actor codes with agents, in the coder's arena */
    const char *code;
    int32_t smention, tmention;   /* base mentions (for spans), -1 for default actors */
    uint16_t verb_first, verb_last;
    int32_t pattern, verb;
} an_final;

#define AN_WSET_SLOTS 4096

typedef struct an_wocc {
    uint32_t tok;
    uint32_t next;             /* index in wocc, or UINT32_MAX */
} an_wocc;

/* A memo of each token form's dictionary candidates, kept across sentences and documents
 * by one coder: news repeats its words, and the trie walk is the costliest step per token. */
typedef struct an_cacheslot {
    uint64_t hash;             /* 0 = empty */
    const char *key;           /* the token form (in keys), then a possessive flag byte */
    uint32_t off;              /* candidates: store.v[off .. off + n) */
    uint16_t n;
    uint16_t klen;             /* key length including the flag byte */
    uint32_t wc;               /* the form's word classes (wordclass.h) */
} an_cacheslot;

typedef struct an_candcache {
    an_cacheslot *slot;
    size_t slots, used;
    AN_VEC(an_cand) store;
    an_arena keys;
} an_candcache;

void an_candcache_free(an_candcache *c);

typedef struct an_sent an_sent;
typedef struct an_docctx an_docctx;

/* Everything the stages share for the current sentence. */
struct an_sent {
    const an_dict *d;
    const an_options *opt;
    int mode;                  /* AN_MODE_* */
    int tagged;                /* tokens carry parts of speech from a parse */
    an_docctx *ctx;            /* annalist mode: actors of earlier sentences, else NULL */
    const char *location;      /* annalist mode: code of the first place named as a location */
    an_span location_span;
    int location_is_place;     /* the location is a city or place (not a country), which
                                  lends its country to agents without one */
    const char *country_location; /* code of the first country named as a location */
    uint32_t country_location_tok;
    int32_t location_mention;  /* the mention of the first location (dropped as an actor), or -1 */
    const char *text;          /* document text */
    int day;                   /* document date (day number) or AN_NO_DATE */
    int shifted_day;
    int allcaps;
    int discard;               /* a discard code fired */
    int complex;               /* the complexity filter fired */
    int too_short;             /* fewer tokens than MINIMUM WORDS */
    const an_datedcode *fwd_code; /* FORWARD: the previous record's first actor, or NULL */
    uint32_t fwd_literal;
    an_buf *trace;             /* explain trace, or NULL */

    AN_VEC(an_ctok) toks;
    AN_VEC(an_cand) cands;
    AN_VEC(an_occ) occs;
    AN_VEC(an_mention) mentions;
    AN_VEC(an_compound) compounds;
    AN_VEC(int32_t) members;   /* mention indices of compound members */
    AN_VEC(an_clause) clauses;
    an_candcache *cache;       /* owned by the coder */
    /* The dictionary words the sentence's tokens can be (a hash set, rebuilt per sentence):
     * patterns whose needed word is missing are skipped without matching. */
    uint32_t wset[AN_WSET_SLOTS];
    AN_VEC(uint32_t) wset_used;
    /* Per word-set slot, the tokens that can be the word, in order: a chain through wocc
     * from wfirst (wlast appends). Lets a pattern find its next word without a scan. */
    uint32_t wfirst[AN_WSET_SLOTS], wlast[AN_WSET_SLOTS];
    AN_VEC(an_wocc) wocc;
    AN_VEC(int8_t) synset_seen;  /* per synset: 1 when a member's first word is in the sentence */
    AN_VEC(uint32_t) synset_touched;
    AN_VEC(an_pending) pending;
    AN_VEC(an_final) finals;
    struct an_arena *arena;    /* per-document strings (composed codes) */
    /* match.c: synset outcomes memoised during one pattern match (see there). */
    struct an_synmemo *synmemo;
    size_t synmemo_cap, synmemo_used;
    uint32_t synmemo_gen;
    uint64_t work;             /* matching steps since the document began (root and pattern
                                  tries): tests check that it grows polynomially */
};

/* roots.c */
int an_sent_candidates(an_sent *s, void *trie);
int an_sent_roots(an_sent *s);
int an_tok_has(const an_sent *s, uint32_t t, uint32_t word, int match);
/* Whether some token of the sentence can be the dictionary word. */
int an_sent_has_word(const an_sent *s, uint32_t word);
/* The first token in [from, limit) that can be the word by kind match, or -1. */
int an_sent_next_word(const an_sent *s, uint32_t word, int match, int from, int limit);
/* The last token in [0, upto] that can be the word by kind match, or -1. */
int an_sent_prev_word(const an_sent *s, uint32_t word, int match, int upto);
/* Whether some member of the synset could match in this sentence (cached per sentence). */
int an_sent_has_synset(an_sent *s, uint32_t synset);

/* discard.c: 1 when a discard phrase matches (*story: a story discard). */
int an_sent_discards(an_sent *s, int *story);

/* structure.c */
int an_sent_structure(an_sent *s);


/* events.c */
int an_sent_code(an_sent *s);

/* finalize.c: filters and expands s->pending into s->finals. */
int an_sent_finalize(an_sent *s);
/* The mention a pronoun stands for (itself for other mentions). */
int32_t an_base_mention(const an_sent *s, int32_t m);

/* match.c */
typedef struct an_match {
    int matched;
    an_party source, target;
    int has_source, has_target;
    uint16_t actual_length;
    int used_alts;
    int upper_end;          /* last token the part after '*' used, or -1 */
} an_match;
int an_match_pattern(an_sent *s, const an_pattern *p, const an_occ *verb, an_clause cl,
                     an_match *m);

/* Helpers shared by the stages. */
int an_occ_type(const an_sent *s, int32_t occ);
const char *an_ttype_name(int t);
void an_trace(an_sent *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
