/* dict.h — the compiled dictionary model that every loader fills and the coder matches
 * against. TABARI and PETRARCH dictionaries both become this one model:
 *
 *   words    interned normalised words (ids); a character trie over them finds, for any text
 *            token, every dictionary word that is the token or a prefix of it
 *   roots    phrases (actors, agents, verbs and their forms, nouns, adjectives, time phrases,
 *            built-in function words), each a sequence of root words with matching rules,
 *            indexed by first word
 *   actors   date-restricted code lists; agents; verbs grouped in blocks that own patterns;
 *            patterns with their elements; synsets; discards; issues; TABARI options
 *
 * Everything records the file and line it came from, so each event can name its rule.
 * After an_dict_finish the model is read-only and may be shared between threads. */
#ifndef AN_DICT_H
#define AN_DICT_H

#include <limits.h>
#include <stdint.h>

#include "annalist.h"
#include "util/arena.h"
#include "util/intern.h"
#include "util/vec.h"

/* ------------------------------------------------------------------ word matching */

/* How a dictionary word may match a text token (its normalised form). */
typedef enum an_wmatch {
    AN_WM_EXACT = 0,    /* token == word */
    AN_WM_POSS,         /* token == word, word'S or word' (PETRARCH: possessive removed) */
    AN_WM_NOUN,         /* token == word + "" | S | 'S | ES (TABARI noun roots) */
    AN_WM_VERB,         /* token == word + "" | S | ED | ES | EN | ING | (D after E) */
    AN_WM_STEM,         /* the word is a prefix of the token */
    AN_WM_COUNT
} an_wmatch;

/* A word of a root phrase. */
typedef struct an_rword {
    uint32_t word;      /* word id */
    uint8_t match;      /* an_wmatch */
    uint8_t adjacent;   /* the next word of the phrase must be the very next token */
} an_rword;

/* ------------------------------------------------------------------ provenance */

typedef struct an_src {
    uint32_t file;      /* id in an_dict.files */
    uint32_t line;      /* 1-based */
    const char *text;   /* the entry as written (trimmed), in the dict arena */
} an_src;

/* ------------------------------------------------------------------ codes */

/* Special event and actor codes. */
enum {
    AN_EC_NULL = 1u << 0,        /* --- : codes nothing */
    AN_EC_DISCARD = 1u << 1,     /* ### : discard the sentence (TABARI) */
    AN_EC_COMPLEX = 1u << 2,     /* +++ : the sentence is complex (TABARI) */
    AN_EC_PAIRED = 1u << 3,      /* A:B paired event (TABARI, PETRARCH-1) */
    AN_EC_ACTPASS = 1u << 4,     /* A:B active:passive (PETRARCH-2) */
    AN_EC_SUBORD_A = 1u << 5,    /* A? subordinate */
    AN_EC_DOMIN_A = 1u << 6,     /* A! dominant */
    AN_EC_SUBORD_B = 1u << 7,
    AN_EC_DOMIN_B = 1u << 8,
    AN_EC_NULL_B = 1u << 9,      /* B part is --- */
    AN_EC_TIMESHIFT = 1u << 10,  /* a <TIME> code: shift = days */
};

/* An event code as written in a dictionary: "042", "032:033", "023?", "---", "[-7]". */
typedef struct an_ecode {
    uint32_t a, b;      /* code string ids in an_dict.codes (b only when paired) */
    uint32_t flags;     /* AN_EC_* */
    int32_t shift;      /* TIME: days to shift */
} an_ecode;

/* ------------------------------------------------------------------ roots */

typedef enum an_rootkind {
    AN_ROOT_ACTOR = 1,
    AN_ROOT_AGENT,
    AN_ROOT_VERB,
    AN_ROOT_NOUN,
    AN_ROOT_ADJ,
    AN_ROOT_TIME,
    AN_ROOT_DET,        /* built-in function words (TABARI §2.3) */
    AN_ROOT_CONJ,
    AN_ROOT_PREP,       /* IN, OF */
    AN_ROOT_PRONOUN,
    AN_ROOT_AUX,        /* WAS WERE BEEN */
    AN_ROOT_BY,
    AN_ROOT_FORMER,
} an_rootkind;

typedef struct an_root {
    uint32_t words;     /* offset into an_dict.rwords */
    uint16_t nwords;
    uint8_t kind;       /* an_rootkind */
    uint8_t flags;      /* AN_RF_* */
    uint32_t entry;     /* actor / agent / verb / time index by kind; builtin: subtype */
    uint32_t order;     /* load order: ties go to the root read first */
    an_src src;
} an_root;

enum {
    AN_RF_PLACE = 1u << 0,       /* an actor that is a place (annalist extension) */
    AN_RF_PERSON = 1u << 2,      /* an actor that is a person (annalist extension) */
    AN_RF_VERB_HEAD_LAST = 1u << 1, /* multi-word verb whose inflected word is the last */
};

/* ------------------------------------------------------------------ actors and agents */

#define AN_DAY_MIN INT32_MIN
#define AN_DAY_MAX INT32_MAX

/* One code of an actor, valid from..to (day numbers, inclusive). */
typedef struct an_datedcode {
    uint32_t codes;     /* offset into an_dict.codelist */
    uint16_t ncodes;    /* > 1 for a coded compound [A/B/C] */
    int32_t from, to;
} an_datedcode;

typedef struct an_actor {
    uint32_t dated;     /* offset into an_dict.datedcodes; tried in order, first that holds */
    uint16_t ndated;
    uint8_t flags;      /* AN_RF_PLACE */
    uint32_t head;      /* root index of the head phrase (for OUTPUT: PARENT and stats) */
} an_actor;

typedef struct an_agent {
    uint32_t code;      /* code id */
    uint8_t prefix;     /* CODE~ : put in front of the actor code */
} an_agent;

/* ------------------------------------------------------------------ verbs and patterns */

typedef enum an_pkind {
    AN_PE_WORD = 1,     /* a literal word */
    AN_PE_SOURCE,       /* $ */
    AN_PE_TARGET,       /* + */
    AN_PE_COMPOUND,     /* % */
    AN_PE_SKIP,         /* ^ */
    AN_PE_ATTRIB,       /* @ */
    AN_PE_SYNSET,       /* &NAME */
    AN_PE_ALT,          /* { a | b c } */
    AN_PE_NP,           /* PETRARCH-2 noun phrase {A B}: words in order, head last */
    AN_PE_PP,           /* PETRARCH-2 prepositional phrase (FOR AID) */
} an_pkind;

typedef struct an_pelem {
    uint8_t kind;       /* an_pkind */
    uint8_t match;      /* AN_PE_WORD: an_wmatch (TABARI stems, PETRARCH-2 plurals) */
    uint8_t adjacent;   /* the element after this one (in text order) must be adjacent */
    uint8_t pad;
    uint32_t id;        /* word id, synset index, or alt-group index */
    uint32_t n;         /* AN_PE_NP / AN_PE_PP: number of following elements it groups */
} an_pelem;

/* A group of alternatives { a | b c }: each alternative is a run of elements. */
typedef struct an_altgroup {
    uint32_t alts;      /* offset into an_dict.alts */
    uint16_t nalts;
} an_altgroup;

typedef struct an_seq {
    uint32_t elems;     /* offset into an_dict.pelems */
    uint16_t n;
    uint16_t chars;     /* letters in its words: synset members are tried longest first */
    uint32_t first_word; /* set by an_dict_finish: the word its first element must be, or
                            AN_NO_ID when it starts with something else */
} an_seq;

typedef struct an_synset {
    uint32_t name;      /* word id of the name, e.g. "&CURRENCY" */
    uint32_t members;   /* offset into an_dict.seqs; members tried longest first */
    uint16_t nmembers;
    uint8_t no_plural;  /* name ends in '_' (PETRARCH) */
    uint8_t defined;
} an_synset;

typedef struct an_pattern {
    uint32_t lower;     /* offset into pelems: elements before '*', in text order */
    uint16_t nlower;
    uint32_t upper;     /* elements after '*', in text order */
    uint16_t nupper;
    uint8_t lower_adjacent; /* the last lower element must be adjacent to the verb */
    uint8_t upper_adjacent; /* the first upper element must be adjacent to the verb */
    uint8_t has_alts;
    uint16_t length;    /* TABARI pattern length (longest alternative counted) */
    uint16_t fixed_length; /* without alternatives */
    uint16_t alt_length;   /* sum of the longest alternatives' lengths */
    an_ecode code;
    an_src src;
    uint32_t need_word;    /* set by an_dict_finish: a word the pattern cannot match without
                              (its longest plain word), or AN_NO_ID */
    uint32_t need_synset;  /* else a synset it cannot match without, or AN_NO_ID */
} an_pattern;

/* A block of synonymous verbs sharing patterns (PETRARCH); in TABARI each root and its
 * {forms} make one block. */
typedef struct an_vblock {
    uint32_t patterns;  /* offset into an_dict.patterns (after finish: sorted) */
    uint32_t npatterns;
    an_ecode code;      /* block default code */
    uint32_t name;      /* word id of the block name / root's first word */
    an_src src;
} an_vblock;

typedef struct an_verb {
    uint32_t block;
    an_ecode code;      /* this verb's own code (defaults to the block's) */
    uint8_t own_code;
    an_src src;
} an_verb;

/* ------------------------------------------------------------------ discards and issues */

typedef struct an_discard {
    const char *phrase; /* normalised, upper case, words separated by single blanks */
    uint8_t story;      /* + : discard the whole story */
    uint8_t exact_end;  /* trailing '_': the last word must end there */
    an_src src;
    uint32_t words;     /* set by an_dict_finish: the phrase's words in rwords */
    uint16_t nwords;
} an_discard;

typedef struct an_issue {
    uint32_t words;     /* offset into rwords */
    uint16_t nwords;
    uint8_t exclude;    /* ~ phrase: suppresses the issue */
    uint32_t code;      /* code id */
    an_src src;
} an_issue;

/* ------------------------------------------------------------------ options */

typedef enum an_codeby { AN_CODEBY_CLAUSE = 0, AN_CODEBY_SENTENCE, AN_CODEBY_ALL } an_codeby;

/* TABARI .options and OPTION: records (tabari-semantics.md §5). */
typedef struct an_options {
    an_codeby code_by;
    int min_words;            /* MINIMUM WORDS, default 8 (TABARI); 0 = off */
    int convert_agents;
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    int complex_verbs, complex_actors, complex_pronouns, complex_conj, complex_lateverb;
    int complex_noactprior, complex_noactafter, complex_noverb;
    uint32_t default_source, default_target;  /* code ids or AN_NO_ID */
    int default_prior, default_after;
    int time_shifting;        /* -1: on iff a <TIME> section was read */
    int yyyy;
    int fbis;
    int nonevents;
    int mode;                 /* AN_MODE_* to override the dictionary's, 0 = keep it */
    int require_dyad;         /* PETRARCH: drop events whose source or target is "---" */
    int new_actor_length;     /* PETRARCH: an uncoded noun phrase of at most N words is an
                                 actor coded with its quoted text; 0 = off */
    int forward;              /* FORWARD on (pronoun fallback to the previous record) */
    char forward_fmt[64];
} an_options;

void an_options_init(an_options *o);

/* ------------------------------------------------------------------ coding modes */

/* TABARI: TABARI 0.8.4's rules exactly (its validation suite). PETRARCH: PETRARCH-1's
 * noun-phrase rules approximated on text (its unit tests). ANNALIST: PETRARCH's rules plus
 * what real news needs (pronouns and names across sentences, negation, attribution,
 * locations, event dates); chosen by the bundled dictionaries' "mode: annalist" line. */
enum { AN_MODE_TABARI = 1, AN_MODE_PETRARCH, AN_MODE_ANNALIST };

/* ------------------------------------------------------------------ dictionary formats */

typedef enum an_dialect {
    AN_DIALECT_NONE = 0,
    AN_DIALECT_TABARI,
    AN_DIALECT_PETRARCH1,
    AN_DIALECT_PETRARCH2,
} an_dialect;

/* ------------------------------------------------------------------ the dictionary */

typedef struct an_trie an_trie;

struct an_dict {
    an_intern words;          /* normalised words */
    an_intern codes;          /* actor, agent and event code strings */
    an_intern files;          /* file names for provenance */
    an_arena arena;           /* entry texts and other load-time strings */

    AN_VEC(an_rword) rwords;
    AN_VEC(an_root) roots;
    AN_VEC(an_actor) actors;
    AN_VEC(an_datedcode) datedcodes;
    AN_VEC(uint32_t) codelist;
    AN_VEC(an_agent) agents;
    AN_VEC(an_verb) verbs;
    AN_VEC(an_vblock) blocks;
    AN_VEC(an_pattern) patterns;
    AN_VEC(an_pelem) pelems;
    AN_VEC(an_altgroup) altgroups;
    AN_VEC(an_seq) alts;
    AN_VEC(an_seq) seqs;      /* synset members */
    AN_VEC(an_synset) synsets;
    /* Set by an_dict_finish: per word id, the synsets with a member that starts with it
     * (word_synsets[word_synsets_off[w] .. word_synsets_off[w + 1])), and per synset whether
     * a member starts with no word (then it may match in any sentence). */
    uint32_t *word_synsets_off;
    size_t word_synsets_words;
    AN_VEC(uint32_t) word_synsets;
    AN_VEC(uint8_t) synset_any;
    AN_VEC(an_discard) discards;
    AN_VEC(an_issue) issues;
    AN_VEC(an_ecode) timecodes; /* per AN_ROOT_TIME root: the time code; patterns via blocks */

    an_options options;
    an_dialect verb_dialect;  /* dialect of the verb dictionary (pattern semantics) */
    an_dialect actor_dialect;
    int has_time_section;

    /* Diagnostics while loading. */
    an_diag_fn diag;
    void *diag_ud;
    size_t problems;
    size_t warnings;
    an_intern phrase_keys;    /* "kind|phrase" of every root, to ignore duplicates */
    size_t files_loaded;
    uint32_t next_order;

    /* Compiled by an_dict_finish. */
    int finished;
    an_trie *trie;            /* word prefixes */
    /* Roots by their first word: first_roots[first_index[w] .. first_index[w+1]) holds the
     * roots of one word or whose second word may come after a gap; roots whose second word
     * must be adjacent are indexed by their first two words in the pair table instead. */
    uint32_t *first_index;
    uint32_t *first_roots;
    uint64_t *pair_keys;      /* open addressing: (w0 + 1) << 32 | (w1 + 1); 0 = empty */
    uint32_t *pair_begin, *pair_end; /* per slot: range in pair_roots */
    uint32_t *pair_roots;
    size_t pair_slots;
    uint32_t *discard_index;  /* CSR like first_index, over discards by their first word */
    uint32_t *discard_list;
    int has_story_discards;
    int mode;                 /* AN_MODE_*: how the coder reads sentences */
    int declared_mode;        /* a dictset "mode:" line, else 0 */
    int options_set_comma;    /* a COMMA: option was read (keeps PETRARCH defaults off) */
    uint32_t code_null, code_discard, code_complex; /* ids of "---", "###", "+++" */
};

/* ------------------------------------------------------------------ builder API for loaders */

/* Reports a problem at file:line (counted; loading goes on). Always returns AN_EBADINPUT. */
int an_dict_problem(an_dict *d, const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports a warning (e.g. a duplicate entry ignored): passed to the diag callback with
 * code 0, counted apart from problems. */
void an_dict_warning(an_dict *d, const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Records a root phrase key; returns 1 when it is new, 0 when the same phrase (connectors
 * included) was already entered in the same group ('N' nouns/actors, 'G' agents, 'V' verbs,
 * 'T' time), -1 when out of memory. */
int an_dict_phrase_new(an_dict *d, char group, const char *phrase, size_t len);
uint32_t an_dict_word(an_dict *d, const char *norm, size_t len);   /* intern a normalised word */
uint32_t an_dict_code(an_dict *d, const char *code, size_t len);   /* intern a code string */
an_src an_dict_src(an_dict *d, const char *file, unsigned long line, const char *text, size_t len);

/* Parses an event code ("042", "032:033", "---", "023?", "031!", "+7" for TIME) into *out.
 * actpass: A:B means active:passive (PETRARCH-2) instead of a paired event. Returns 0 or -1. */
int an_dict_parse_ecode(an_dict *d, const char *s, size_t len, int actpass, an_ecode *out);

/* Adds a root; words are copied. Returns the root index or -1 when out of memory. */
int64_t an_dict_add_root(an_dict *d, an_rootkind kind, uint32_t entry, const an_rword *words,
                         size_t nwords, uint8_t flags, an_src src);

/* Compiles the text of a pattern (after the leading '-', before the code) into *out
 * (code and src are left to the caller). TABARI: stems and {a|b} alternatives; PETRARCH-1:
 * whole words only. Returns 0, or reports a problem at file:line and returns -1. */
int an_compile_pattern(an_dict *d, const char *text, size_t len, an_dialect dialect,
                       an_pattern *out, const char *file, unsigned long line);
/* Compiles a synset member (a phrase without '*') into a sequence; 0 or -1 (reported). */
int an_compile_seq(an_dict *d, const char *text, size_t len, an_dialect dialect, an_seq *out,
                   const char *file, unsigned long line);
/* Finds or creates the synset named by word id name (e.g. "&CURRENCY"). */
int64_t an_dict_synset(an_dict *d, uint32_t name, int create);
/* Converts the words of a TABARI root phrase (no special tokens) into root words.
 * verb: regular endings are verb endings, else noun endings. Returns the count or -1. */
struct an_lexeme;
int an_tabari_root_words(an_dict *d, const struct an_lexeme *lx, int n, int verb, an_rword *out);

/* Loaders: each reads one file of the named kind. They report bad entries through
 * an_dict_problem and go on; they return AN_ENOTFOUND / AN_EIO when the file cannot be read. */
int an_load_tabari_actors(an_dict *d, const char *path, an_error *err);
int an_load_tabari_agents(an_dict *d, const char *path, an_error *err);
int an_load_tabari_verbs(an_dict *d, const char *path, an_error *err);
int an_load_tabari_options(an_dict *d, const char *path, an_error *err);
/* Applies one options line (a .options line or the text of an OPTION: record). */
int an_dict_apply_option(an_dict *d, an_options *o, const char *line, const char *file,
                         unsigned long lineno);
int an_load_petrarch_actors(an_dict *d, const char *path, an_error *err);
int an_load_petrarch_agents(an_dict *d, const char *path, an_error *err);
int an_load_petrarch_verbs(an_dict *d, const char *path, an_error *err);
int an_load_petrarch_discards(an_dict *d, const char *path, an_error *err);
int an_load_petrarch_issues(an_dict *d, const char *path, an_error *err);

/* ------------------------------------------------------------------ queries for the coder */

/* Roots whose first two words are w0 and w1 (second adjacent): sets [*begin, *end) into
 * d->pair_roots; an empty range when there are none. */
void an_dict_pair_roots(const an_dict *d, uint32_t w0, uint32_t w1, uint32_t *begin, uint32_t *end);

/* Resolves an actor's code for a day number: returns the dated entry that holds, or NULL. */
const an_datedcode *an_actor_resolve(const an_dict *d, const an_actor *a, int day);

static inline const char *an_dict_code_str(const an_dict *d, uint32_t id)
{
    return an_intern_str(&d->codes, id);
}
static inline const char *an_dict_word_str(const an_dict *d, uint32_t id)
{
    return an_intern_str(&d->words, id);
}
static inline const char *an_dict_file_str(const an_dict *d, uint32_t id)
{
    return an_intern_str(&d->files, id);
}

#endif
