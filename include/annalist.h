/* annalist.h — the public API of libannalist, a political event-data coder.
 *
 * Data flow: a reader turns input files into documents (an_doc); the coder splits each
 * document into sentences and tokens, matches them against a compiled dictionary (an_dict)
 * and returns CAMEO-coded events (an_event) with provenance; the store keeps them.
 *
 * Conventions: functions return 0 on success and a negative AN_E* code on failure, filling
 * the optional an_error (which names the file, line and problem). Output parameters come
 * first. Types are opaque unless callers build them (an_doc, option structs). Nothing here
 * uses global mutable state: one an_dict can be shared by many threads, each with its own
 * an_coder.
 */
#ifndef ANNALIST_H
#define ANNALIST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AN_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

enum {
    AN_OK = 0,
    AN_EBADINPUT = -1, /* input or dictionary text is malformed */
    AN_ENOTFOUND = -2, /* a file, key or record does not exist */
    AN_ENOMEM = -3,    /* out of memory */
    AN_EIO = -4,       /* a read or write failed */
    AN_ELIMIT = -5,    /* a configured limit was exceeded */
    AN_EUSAGE = -6,    /* the caller passed invalid arguments */
    AN_EINTERNAL = -7, /* a bug: an invariant did not hold */
    AN_EBUSY = -8,     /* a resource (database) is locked */
};

typedef struct an_error {
    int code;            /* one of AN_E*, 0 when nothing went wrong */
    char file[256];      /* file or document the problem is in, "" if none */
    unsigned long line;  /* 1-based line, 0 if not known */
    char msg[512];       /* what is wrong, for people */
} an_error;

/* A short name for an error code ("bad input", "out of memory" ...). */
const char *an_strerror(int code);

/* Writes "file:line: msg" (or the parts that are known) into buf; returns buf. */
const char *an_error_text(const an_error *err, char *buf, size_t size);

/* ---------------------------------------------------------------- documents */

/* One news document. Callers may fill it themselves to code text from memory.
 * All strings are borrowed; text need not be NUL-terminated (text_len counts). */
typedef struct an_doc {
    const char *id;       /* unique document id */
    const char *date;     /* "YYYY-MM-DD", or NULL when unknown */
    const char *text;
    size_t text_len;
    const char *title;    /* optional */
    const char *source;   /* optional: outlet or feed */
    const char *url;      /* optional */
    const char *parse;    /* optional Penn Treebank parse of the (single-sentence) text */
    const char *file;     /* where the document came from, for messages; may be NULL */
    unsigned long line;   /* 1-based line where it starts in file, 0 if not known */
    int single_sentence;  /* the text is one coding unit: do not split it into sentences
                             (TABARI records, PETRARCH <Sentence>s, gold-suite records) */
} an_doc;

typedef enum an_input_format {
    AN_INPUT_AUTO = 0,  /* sniff from the first bytes and the file name */
    AN_INPUT_TEXT,
    AN_INPUT_JSONL,
    AN_INPUT_PETRARCH_XML,
    AN_INPUT_TABARI,
} an_input_format;

/* Parses "auto", "text", "jsonl", "petrarch-xml", "tabari"; returns -1 if unknown. */
int an_input_format_parse(const char *name);
const char *an_input_format_name(an_input_format f);

typedef struct an_read_opts {
    an_input_format format;
    const char *default_date;   /* "YYYY-MM-DD" for documents without a date, or NULL */
    size_t max_line_bytes;      /* longer input lines are an error for that document */
    size_t max_doc_bytes;       /* longer documents are an error */
} an_read_opts;

#define AN_READ_OPTS_INIT { AN_INPUT_AUTO, NULL, (size_t)8 << 20, (size_t)32 << 20 }

typedef struct an_reader an_reader;

/* Opens a file ("-" is stdin; a name ending in .zst is decompressed). */
int an_reader_open(an_reader **out, const char *path, const an_read_opts *opts,
                   an_error *err);
/* Reads from memory; name is used in messages. The bytes are copied. */
int an_reader_open_mem(an_reader **out, const char *name, const char *data, size_t len,
                       const an_read_opts *opts, an_error *err);

/* Next document: returns 1 and sets *doc (valid until the next call), 0 at the end,
 * or a negative code for a document that could not be read (err says which and why);
 * after such an error the caller may call again to go on with the next document.
 * AN_EIO is final. */
int an_reader_next(an_reader *r, const an_doc **doc, an_error *err);

/* The format actually read (after sniffing). */
an_input_format an_reader_format(const an_reader *r);
void an_reader_free(an_reader *r);

/* ---------------------------------------------------------------- text analysis */

/* The sentences and tokens of one document, as the coder sees them. Mainly for
 * debugging (annalist code --debug-tokens) and for tools built on the tokenizer. */
typedef struct an_analysis an_analysis;

typedef struct an_span {
    uint32_t off, len;    /* byte offset and length in the document text */
} an_span;

enum {
    AN_TOK_WORD = 1,
    AN_TOK_NUMBER,
    AN_TOK_CURRENCY,      /* an amount with a currency sign: "$5.2", "€300" */
    AN_TOK_COMMA,         /* , ; : ( ) — clause punctuation */
    AN_TOK_QUOTE,
    AN_TOK_END,           /* . ! ? ending a sentence */
    AN_TOK_PUNCT,         /* any other punctuation */
};

/* Token flags. */
enum {
    AN_TOKF_CAPITALIZED = 1u << 0,  /* first letter upper case */
    AN_TOKF_ALLCAPS = 1u << 1,      /* every letter upper case (and at least two) */
    AN_TOKF_HYPHEN_BEFORE = 1u << 2,/* joined by a hyphen to the token before */
    AN_TOKF_POSSESSIVE = 1u << 3,   /* ends in 's or s' */
    AN_TOKF_ABBREV = 1u << 4,       /* a known abbreviation or dotted acronym */
    AN_TOKF_SPACE_BEFORE = 1u << 5, /* white space between this token and the one before */
    AN_TOKF_LINE_START = 1u << 6,   /* first token of a line */
    AN_TOKF_PARA_START = 1u << 7,   /* first token after a blank line */
    AN_TOKF_BULLET = 1u << 8,       /* a list bullet (not part of any sentence) */
};

typedef struct an_token {
    an_span span;          /* original bytes */
    const char *norm;      /* normalised form used for matching (NUL-terminated) */
    int type;              /* AN_TOK_* */
    unsigned flags;        /* AN_TOKF_* */
} an_token;

typedef struct an_sentence {
    an_span span;          /* in the document text */
    uint32_t first_token;  /* index into the document's tokens */
    uint32_t token_count;
    uint32_t paragraph;    /* 0-based paragraph number */
} an_sentence;

/* Splits and tokenizes doc. The analysis borrows doc->text. */
int an_analyze(an_analysis **out, const an_doc *doc, an_error *err);
size_t an_analysis_sentence_count(const an_analysis *a);
const an_sentence *an_analysis_sentence(const an_analysis *a, size_t i);
size_t an_analysis_token_count(const an_analysis *a);
const an_token *an_analysis_token(const an_analysis *a, size_t i);
/* The dateline found at the start of the document ("ISLAMABAD"), or NULL. */
const char *an_analysis_dateline(const an_analysis *a);
void an_analysis_free(an_analysis *a);

/* ---------------------------------------------------------------- dictionaries */

typedef struct an_dict an_dict;

/* Receives each problem found while loading (file:line: what is wrong). */
typedef void (*an_diag_fn)(void *userdata, const an_error *diag);

int an_dict_new(an_dict **out, an_error *err);
void an_dict_set_diag(an_dict *d, an_diag_fn fn, void *userdata);

/* Loads a dictionary file, a directory of them, or a .dictset list. Entries with errors are
 * reported through the diag callback and skipped; the rest loads. Returns AN_EBADINPUT when
 * some entry was bad, AN_ENOTFOUND / AN_EIO when the file could not be read. */
int an_dict_load(an_dict *d, const char *path, an_error *err);
/* Loads annalist's bundled dictionaries (see an_dict_default_path). */
int an_dict_load_default(an_dict *d, an_error *err);
/* The bundled dictionary set that an_dict_load_default uses, or NULL if none is found. */
const char *an_dict_default_path(void);
/* Compiles what was loaded. After this the dictionary is read-only and may be shared. */
int an_dict_finish(an_dict *d, an_error *err);
void an_dict_free(an_dict *d);

typedef struct an_dict_stats {
    size_t files;
    size_t problems;          /* entries reported as malformed */
    size_t actors;            /* actor entries (head phrases) */
    size_t actor_phrases;     /* phrases incl. synonyms */
    size_t dated_actors;      /* actors with date-restricted codes */
    size_t places;            /* actor entries marked as places */
    size_t agents;
    size_t agent_phrases;     /* incl. generated plurals and substitutions */
    size_t verbs;             /* verb entries (roots / block members) */
    size_t verb_forms;        /* phrases incl. generated and irregular forms */
    size_t patterns;
    size_t synsets;
    size_t discards;
    size_t issues;
    size_t nouns, adjectives; /* TABARI <NOUN> and <ADJECTIVE> lists */
    size_t time_phrases;      /* TABARI <TIME> entries */
    size_t event_codes;       /* distinct event codes the verbs can produce */
    size_t words;             /* distinct interned words */
    /* Actors by kind (annalist's own dictionaries mark people and places): */
    size_t people;            /* actor entries in a "kind=people" file */
    size_t countries;         /* other actors whose every code is a bare 3-letter code */
    size_t organizations;     /* the remaining actors: IGOs, NGOs, groups, parties, media */
} an_dict_stats;

void an_dict_get_stats(const an_dict *d, an_dict_stats *out);

/* ---------------------------------------------------------------- coding */

typedef enum an_parse_mode {
    AN_PARSE_USE = 0,   /* use a Penn Treebank parse when the document carries one */
    AN_PARSE_IGNORE,    /* always use annalist's own shallow parse */
} an_parse_mode;

/* How sentences are read: as TABARI 0.8.4 does, as PETRARCH-1 does, or annalist's way for
 * real news (PETRARCH's noun phrases plus pronouns and names across sentences, negation,
 * attribution, locations and event dates). DICT: whatever the dictionary set asks for. */
typedef enum an_code_mode {
    AN_CODE_MODE_DICT = 0,
    AN_CODE_MODE_TABARI = 1,
    AN_CODE_MODE_PETRARCH = 2,
    AN_CODE_MODE_ANNALIST = 3,
} an_code_mode;

/* Parses "tabari", "petrarch", "annalist"; -1 if unknown. */
int an_code_mode_parse(const char *name);

typedef struct an_code_opts {
    an_parse_mode parse;
    int require_dyad;        /* only events with both source and target (default 1) */
    const char *default_date;/* document date when the document has none ("YYYY-MM-DD") */
    size_t max_sentence_bytes;
    size_t max_sentence_tokens;
    int explain;             /* record a trace of each step (for annalist explain) */
    an_code_mode mode;
} an_code_opts;

#define AN_CODE_OPTS_INIT { AN_PARSE_USE, 1, NULL, 4096, 256, 0, AN_CODE_MODE_DICT }

typedef struct an_event {
    const char *doc_id;
    uint32_t sent;            /* 0-based sentence number in the document */
    char date[11];            /* when the event happened, "YYYY-MM-DD" or "" */
    char doc_date[11];
    const char *source, *target; /* CAMEO actor codes */
    const char *code;         /* CAMEO event code */
    char root[3];
    int quad;                 /* 1..4, 0 when the code is not CAMEO */
    double goldstein;         /* NAN when unknown */
    const char *plover;       /* "" when none */
    an_span source_span, target_span, verb_span, sentence_span;
    const char *source_text, *target_text, *verb_text, *sentence_text;
    const char *rule;         /* "file:line: the dictionary entry that fired" */
    const char *issues;       /* "CODE;CODE" or "" */
    const char *location;     /* a place named in the sentence, or "" */
} an_event;

typedef struct an_coder an_coder;

/* Result of coding one document: valid until the next an_coder_code on the same coder. */
typedef struct an_result {
    const an_event *events;
    size_t event_count;
    size_t sentence_count;
    const char *trace;        /* explain trace when opts.explain, else NULL */
} an_result;

int an_coder_new(an_coder **out, const an_dict *dict, const an_code_opts *opts,
                 an_error *err);
/* Codes one document. Problems with single sentences (too long, invalid UTF-8) are
 * reported through the coder's diag callback; the rest of the document is still coded. */
int an_coder_code(an_coder *c, const an_doc *doc, an_result *out, an_error *err);
void an_coder_set_diag(an_coder *c, an_diag_fn fn, void *userdata);
void an_coder_free(an_coder *c);

/* ---------------------------------------------------------------- output */

typedef enum an_format {
    AN_FORMAT_JSONL = 0,  /* one JSON object per event, SPEC §4 keys */
    AN_FORMAT_TSV,        /* date source target code doc sent */
} an_format;

/* Appends the events of one coded document to *buf (length *len, capacity *cap; grown with
 * realloc; the caller frees *buf). Returns 0 or AN_ENOMEM. */
int an_result_format(const an_result *r, an_format fmt, char **buf, size_t *len, size_t *cap);

/* ---------------------------------------------------------------- parallel coding */

/* A pool of coders over one shared dictionary: documents are submitted in order, coded on
 * `threads` worker threads, and their formatted events come back through `out` in the
 * order the documents were submitted. With threads == 1 everything runs on the caller. */
typedef struct an_pool an_pool;

/* Receives formatted output (in submission order) and per-document problems. */
typedef void (*an_pool_out_fn)(void *userdata, const char *data, size_t len);

int an_pool_new(an_pool **out, const an_dict *dict, const an_code_opts *opts, int threads,
                an_format fmt, an_pool_out_fn fn, void *userdata, an_error *err);
/* Diagnostics (sentences not coded, etc.) from any worker; called under a lock. */
void an_pool_set_diag(an_pool *p, an_diag_fn fn, void *userdata);

/* Replaces the formatter: on a worker thread, turns a coded document into the bytes that
 * `out` later receives in order (append to *buf, length *len, capacity *cap; grow with
 * realloc). The result is valid only during the call. Used e.g. by the store to prepare
 * rows in parallel. Return 0 or a negative AN_E* code. Set before the first submit. */
typedef int (*an_pool_encode_fn)(void *userdata, const an_doc *doc, const an_result *r,
                                 char **buf, size_t *len, size_t *cap);
void an_pool_set_encoder(an_pool *p, an_pool_encode_fn fn, void *userdata);
/* Copies the document and queues it; may call `out` for earlier documents. */
int an_pool_submit(an_pool *p, const an_doc *doc, an_error *err);
/* Waits for every document and delivers the remaining output. */
int an_pool_finish(an_pool *p, an_error *err);
void an_pool_free(an_pool *p);
/* Counters since the pool was made. */
void an_pool_counts(const an_pool *p, size_t *documents, size_t *sentences, size_t *events);

/* ---------------------------------------------------------------- validation */

/* Runs a gold suite ("annalist gold JSONL v1", ../shared/data/README.md): codes every record
 * in order, honours control records (TABARI OPTION: lines) and PETRARCH <Config> values,
 * and compares what was coded with what each record expects. */
typedef struct an_validate_opts {
    const char *const *dicts;  /* dictionaries to use; NULL: the suite's own (suite.dictset
                                  next to the suite, plus suite.json's options file) */
    size_t ndicts;
    an_parse_mode parse;
    an_diag_fn diag;           /* receives dictionary problems; may be NULL */
    void *diag_ud;
} an_validate_opts;

#define AN_VALIDATE_OPTS_INIT { NULL, 0, AN_PARSE_USE, NULL, NULL }

typedef struct an_validate_record {
    const char *id;
    const char *category;
    const char *expect;        /* the record's "expect" */
    int counted;               /* has an expectation (not control / unchecked / unknown) */
    int passed;
    const char *expected;      /* "SRC>TGT:CODE ..." or the special outcome */
    const char *produced;
} an_validate_record;

typedef void (*an_validate_fn)(void *userdata, const an_validate_record *r);

typedef struct an_validate_summary {
    size_t records;            /* lines read */
    size_t counted;            /* records with an expectation */
    size_t passed, failed;
} an_validate_summary;

int an_validate(const char *suite_path, const an_validate_opts *opts, an_validate_fn fn,
                void *userdata, an_validate_summary *out, an_error *err);

/* ---------------------------------------------------------------- CAMEO tables */

typedef struct an_cameo_info {
    const char *code;
    const char *name;
    int quad;
    double goldstein;         /* NAN when the code has none */
    const char *plover;
} an_cameo_info;

/* Looks a CAMEO event code up; NULL when it is not a CAMEO code. */
const an_cameo_info *an_cameo_lookup(const char *code);

/* ---------------------------------------------------------------- event store */

/* An embedded SQLite event store (docs/store.md): documents, their sentences and coded
 * events with provenance, and GDELT-style roll-ups of duplicate reports (same date,
 * source, target and code). One store handle belongs to one thread; several processes
 * may use one file (writers take turns, waiting up to the busy timeout). Errors name the
 * database path in an_error.file; a full disk or a read-only file is AN_EIO, a lock held
 * past the busy timeout AN_EBUSY. */
typedef struct an_store an_store;

#define AN_STORE_SCHEMA_VERSION 2   /* PRAGMA user_version of a current store */

enum {
    AN_STORE_READONLY = 1 << 0,  /* queries only; the file must exist and be current */
    AN_STORE_NOCREATE = 1 << 1,  /* read-write, but the file must already exist */
};

/* Opens (creating when needed) the store at path and migrates an older schema to the
 * current one in one transaction. WAL mode, synchronous=NORMAL, busy timeout 60 s. */
int an_store_open(an_store **out, const char *path, int flags, an_error *err);
void an_store_close(an_store *s);
/* Borrowed; valid until an_store_close. */
const char *an_store_path(const an_store *s);
/* How long a write waits for another process's lock before AN_EBUSY (milliseconds). */
void an_store_set_busy_timeout(an_store *s, int ms);

/* The text hash used to recognise an unchanged document: FNV-1a 64 over the text bytes. */
uint64_t an_store_text_hash(const char *text, size_t len);

typedef enum an_ingest_outcome {
    AN_INGEST_ADDED = 1,      /* a new document id */
    AN_INGEST_REPLACED,       /* the id was stored with another text: replaced as a whole */
    AN_INGEST_UNCHANGED,      /* the id was stored with the same text: nothing changed */
} an_ingest_outcome;

/* 1 when the store holds doc->id with the same text (ingesting it would change nothing),
 * 0 when not, or a negative AN_E* code. */
int an_store_has_doc(an_store *s, const an_doc *doc, an_error *err);
/* Stores one coded document (r from an_coder_code on doc) in one transaction: the document,
 * every sentence, every event and the roll-ups. outcome may be NULL. */
int an_store_ingest_doc(an_store *s, const an_doc *doc, const an_result *r,
                        an_ingest_outcome *outcome, an_error *err);
/* Parallel ingest: pass an_store_encode to an_pool_set_encoder (userdata unused) so each
 * worker packs its coded document into a compact buffer; then, on the thread that owns the
 * store, hand each buffer the pool delivers to an_store_ingest_packed. */
int an_store_encode(void *userdata, const an_doc *doc, const an_result *r, char **buf,
                    size_t *len, size_t *cap);
int an_store_ingest_packed(an_store *s, const void *data, size_t len,
                           an_ingest_outcome *outcome, an_error *err);
/* Removes a document with its sentences and events, updating the roll-ups. Returns 1 if it
 * was stored, 0 if not. */
int an_store_delete_doc(an_store *s, const char *doc_id, an_error *err);

typedef struct an_store_counts {
    uint64_t documents, sentences, events, rollups;
    int schema_version;
} an_store_counts;

int an_store_get_counts(an_store *s, an_store_counts *out, an_error *err);
/* Verifies the file (SQLite integrity check) and the store's invariants: per-document
 * sentence and event counts, roll-up counts against their mentions. AN_EIO when the file is
 * damaged, AN_EINTERNAL when an invariant does not hold (err says which). */
int an_store_check(an_store *s, an_error *err);

/* Which events a query or an export looks at. Actor, code and date arguments are prefixes:
 * "PAK" matches "PAKGOV", code "04" matches "042" and "0421", to "1987-03" includes the
 * whole month. NULL or "" means no condition. */
typedef struct an_store_filter {
    const char *actor;        /* source or target starts with it */
    const char *source;       /* source starts with it */
    const char *target;       /* target starts with it */
    const char *dyad_a, *dyad_b; /* source a and target b, or (unless dyad_directed) b and a */
    int dyad_directed;
    const char *code;         /* event code starts with it */
    const char *root;         /* root code equals it */
    unsigned quads;           /* bit 1 << q keeps quad class q (1..4); 0 keeps all */
    const char *from, *to;    /* event dates from..to inclusive (YYYY, YYYY-MM or YYYY-MM-DD) */
    const char *doc;          /* only the events of this document id */
    int one_a_day;            /* Phoenix one-a-day filter: one row per roll-up (date, source,
                                 target, code), counting roll-ups instead of mentions */
    size_t limit;             /* at most this many rows; 0: no limit */
} an_store_filter;

#define AN_STORE_FILTER_INIT { NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0u, NULL, NULL, \
                               NULL, 0, 0 }

/* Row callbacks return 0 to go on, anything else to stop (the query then returns 0).
 * Strings in rows are borrowed and valid only during the call. */

/* One event (mention), or with one_a_day one roll-up shown through its first mention. */
typedef struct an_store_event_row {
    an_event event;           /* as `annalist code` gave it; goldstein NAN when unknown */
    int64_t id;               /* the mention's id (with one_a_day: the roll-up's id) */
    int64_t rollup;           /* the roll-up this mention belongs to */
    uint64_t mentions, sentences, documents; /* the roll-up's counts */
} an_store_event_row;
typedef int (*an_store_event_fn)(void *userdata, const an_store_event_row *row);

/* Events in store order (document ingest order, sentence, position). */
int an_store_query_events(an_store *s, const an_store_filter *f, an_store_event_fn fn,
                          void *userdata, an_error *err);

typedef enum an_period {
    AN_PERIOD_DAY = 0, AN_PERIOD_WEEK, AN_PERIOD_MONTH, AN_PERIOD_YEAR,
} an_period;
/* Parses "day", "week", "month", "year"; -1 if unknown. */
int an_period_parse(const char *name);

typedef struct an_store_series_row {
    const char *period;       /* "1987-03-02" (day; week: its Monday), "1987-03", "1987" */
    const char *source, *target; /* the direction: dyad actors, or the actor and "*" */
    uint64_t events;          /* mentions (roll-ups with one_a_day) */
    uint64_t quad[5];         /* per quad class 1..4; [0]: code without a quad class */
    double goldstein_sum;
    double goldstein_mean;    /* NAN when no event had a Goldstein value */
} an_store_series_row;
typedef int (*an_store_series_fn)(void *userdata, const an_store_series_row *row);

/* A time series of the filtered events by period. With a dyad, rows for both directions
 * (a>b and b>a); with an actor, rows for it as source (actor>*) and as target (*>actor);
 * otherwise one row per period (*>*). Events without a date are left out. */
int an_store_series(an_store *s, const an_store_filter *f, an_period period,
                    an_store_series_fn fn, void *userdata, an_error *err);

typedef struct an_store_top_row {
    const char *source;       /* the actor (top actors) or the dyad's source */
    const char *target;       /* the dyad's target; NULL for top actors */
    uint64_t events;          /* events involving the actor / on the dyad */
    uint64_t as_source, as_target; /* top actors: events with it as source, as target */
    uint64_t quad[5];
    double goldstein_mean;    /* NAN when none */
} an_store_top_row;
typedef int (*an_store_top_fn)(void *userdata, const an_store_top_row *row);

/* Actors (source or target) or directed dyads by number of filtered events, most first.
 * prefix_len > 0 groups actor codes by their first prefix_len characters ("PAKGOV" → "PAK"). */
int an_store_top_actors(an_store *s, const an_store_filter *f, size_t prefix_len,
                        an_store_top_fn fn, void *userdata, an_error *err);
int an_store_top_dyads(an_store *s, const an_store_filter *f, size_t prefix_len,
                       an_store_top_fn fn, void *userdata, an_error *err);

typedef struct an_store_doc_row {
    const char *id, *date, *title, *source, *url; /* NULL when not known */
    const char *text_hash;    /* 16 hex digits */
    const char *ingested_at;  /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
    uint64_t sentences, events;
} an_store_doc_row;
typedef int (*an_store_doc_fn)(void *userdata, const an_store_doc_row *row);

/* Stored documents in ingest order (f->doc, f->from/f->to on the document date, f->limit). */
int an_store_query_docs(an_store *s, const an_store_filter *f, an_store_doc_fn fn,
                        void *userdata, an_error *err);

typedef enum an_export_format {
    AN_EXPORT_JSONL = 0,      /* one event per line, as `annalist code` prints it */
    AN_EXPORT_TSV,            /* date source target code doc sent */
    AN_EXPORT_GDELT,          /* GDELT 1.0 event table (58 tab-separated columns), one
                                 row per roll-up; columns the store cannot fill are empty */
} an_export_format;
/* Parses "jsonl", "tsv", "gdelt"; -1 if unknown. */
int an_export_format_parse(const char *name);

/* Writes the filtered events (f may be NULL) to out in store order. AN_EIO if writing fails. */
int an_store_export(an_store *s, an_export_format fmt, const an_store_filter *f, FILE *out,
                    an_error *err);

#ifdef __cplusplus
}
#endif
#endif /* ANNALIST_H */
