/* actors.h — building actor entries (shared by the TABARI and PETRARCH actor loaders):
 * collect an actor's code blocks while its lines are read, then store them in the order
 * the dialect's date rules need (tabari-semantics.md §2.4, petrarch-differences.md §1.4). */
#ifndef AN_DICT_ACTORS_H
#define AN_DICT_ACTORS_H

#include "dict/dict.h"

#define AN_ACTOR_MAX_CODES 64

typedef struct an_actor_builder {
    int active;
    uint32_t actor;          /* index in d->actors */
    an_datedcode codes[AN_ACTOR_MAX_CODES];
    int n;
    const char *file;
    unsigned long line;
} an_actor_builder;

int an_actor_builder_begin(an_dict *d, an_actor_builder *b, uint8_t flags, const char *file,
                           unsigned long line);
/* Parses every [ ... ] block in s and adds it. strict_lt: '<d' means before d (TABARI). */
int an_actor_builder_add_codes(an_dict *d, an_actor_builder *b, const char *s, size_t len,
                               int strict_lt, const char *file, unsigned long line);
/* Stores the collected codes on the actor (no-op when none is being built). */
int an_actor_builder_commit(an_dict *d, an_actor_builder *b, an_dialect dialect);

/* Parses the inside of one code block ("PAKGOV 20220411-20230814"). */
int an_parse_dated_code(an_dict *d, const char *s, size_t len, int strict_lt,
                        an_datedcode *out, const char *file, unsigned long line);

/* Adds a TABARI-notation phrase as a root (upper-cases and edits phrase in place). Returns 1
 * when added, 0 when it duplicated an earlier phrase (warned), <0 on a problem. */
int an_tabari_add_root(an_dict *d, char *phrase, size_t len, an_rootkind kind, uint32_t entry,
                       uint8_t flags, const char *file, unsigned long line,
                       const char *entry_text, size_t entry_len);

/* Parses an agent code "~GOV" (appended) or "NGO~" (in front). */
int an_parse_agent_code(an_dict *d, const char *s, size_t len, an_agent *out, int require_tilde,
                        const char *file, unsigned long line);

#endif
