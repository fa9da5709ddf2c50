/* petrarch_phrase.h — pieces shared by the PETRARCH loaders (petrarch_*.c): comment removal,
 * splitting a phrase into words with their connectors, turning words into root words with the
 * duplicate check, and PETRARCH event codes.
 *
 * PETRARCH phrase notation, as annalist reads it (petrarch-differences.md §1.1, §1.4):
 *   words are separated by '_' (the next word must be adjacent), a blank (other words may come
 *   between; PETRARCH-1) or '-' (same as '_': the tokenizer splits hyphenated words); a
 *   trailing '_' changes nothing; words always match whole tokens. */
#ifndef AN_DICT_PETRARCH_PHRASE_H
#define AN_DICT_PETRARCH_PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict.h"

/* ------------------------------------------------------------------ comments */

/* Comment state carried from line to line (an open <!-- ... -->). */
typedef struct an_pcomment {
    int in_xml;
} an_pcomment;

enum {
    AN_PSTRIP_SEMI = 1u << 0, /* ';' also starts a comment (TABARI legacy) */
};

/* Removes comments from line[0..len) in place and returns the length left: '#' to the end of
 * the line, <!-- ... --> (possibly over several lines), a line starting "<!" that does not open
 * a <!-- comment ("<! -- x -->" in PETR.Validate.actors.txt), and ';' with AN_PSTRIP_SEMI.
 * A '#' or ';' inside [...] is part of a code ("- * DIPLXMATIC [###] # note": code "###"). */
size_t an_petrarch_strip(an_pcomment *st, char *line, size_t len, unsigned flags);

/* ------------------------------------------------------------------ phrases */

/* A word of a phrase as written. Borrowed from the line. */
typedef struct an_pword {
    const char *s;
    size_t len;
    uint8_t adj;   /* the connector after it is '_' or '-' (and a word follows) */
    uint8_t plus;  /* written with a leading '+' (the inflected word of a multi-word verb) */
    uint8_t hyphen; /* the connector after it is '-' alone ("RE-ELECT") */
} an_pword;

/* Splits s[0..len) into words at blanks, tabs, '_' and '-'. Returns the count, 0 for an empty
 * phrase, or -1 when there are more than max words. */
int an_petrarch_split(const char *s, size_t len, an_pword *out, int max);

/* Interns the words into root words: every word AN_WM_EXACT but the last, which gets
 * last_match; adjacency from the connectors, or every word adjacent when all_adjacent. When
 * key is not NULL it receives the duplicate key, the normalised words joined by '_' (adjacent)
 * or ' ' (gap). Returns n, or -1 when out of memory. */
int an_petrarch_rwords(an_dict *d, const an_pword *w, int n, uint8_t last_match,
                       int all_adjacent, an_rword *out, char *key, size_t keycap,
                       size_t *keylen);

#define AN_PKEY_MAX 512

/* Adds words as a root of kind (entry = actor/agent/verb index) unless the same key was
 * entered in group before ('N' actors, 'G' agents, 'V' verbs). Returns 1 when added (its
 * index in *root when root is not NULL), 0 for a duplicate (warned about when warn_dup),
 * AN_EBADINPUT after reporting a problem, AN_ENOMEM. */
int an_petrarch_add_words(an_dict *d, char group, an_rootkind kind, uint32_t entry,
                          const an_pword *w, int n, uint8_t flags, uint8_t last_match,
                          int all_adjacent, an_src src, int warn_dup, int64_t *root);
/* The same from phrase text (split with an_petrarch_split). An empty phrase is a problem. */
int an_petrarch_add_phrase(an_dict *d, char group, an_rootkind kind, uint32_t entry,
                           const char *phrase, size_t len, uint8_t flags, uint8_t last_match,
                           an_src src, int warn_dup, int64_t *root);

/* ------------------------------------------------------------------ deferred roots */

/* Generated phrases (verb forms, plurals) are added after every phrase written in the file, so
 * a written entry always wins over a form generated from another one ("MET" of MEET versus a
 * written "MET [031:032]"). Duplicates among them are skipped without a warning. */
typedef struct an_pdefer_item {
    uint32_t entry, off, len;
    an_src src;
    uint8_t kind, flags, last_match, all_adjacent;
    char group;
} an_pdefer_item;

typedef struct an_pdefer {
    char *text;              /* the phrases, back to back; owned */
    size_t n, cap;
    AN_VEC(an_pdefer_item) items;
} an_pdefer;

/* Queues phrase s[0..len) (copied). Returns 0 or AN_ENOMEM. */
int an_pdefer_add(an_pdefer *q, char group, an_rootkind kind, uint32_t entry, const char *s,
                  size_t len, uint8_t flags, uint8_t last_match, int all_adjacent, an_src src);
/* Adds every queued phrase as a root (duplicates skipped silently) and empties the queue.
 * Returns 0 or AN_ENOMEM. */
int an_pdefer_flush(an_dict *d, an_pdefer *q);
void an_pdefer_free(an_pdefer *q);

/* ------------------------------------------------------------------ codes */

/* Parses a PETRARCH event code: only "---" is special ("###", "+++", "025?" are plain codes);
 * "A:B" is a paired event (PETRARCH-1) or, with actpass, active:passive (PETRARCH-2, where
 * ":170" is passive only). Returns 0, or -1 when the code is empty or malformed. */
int an_petrarch_ecode(an_dict *d, const char *s, size_t len, int actpass, an_ecode *out);

/* Finds the first "[...]" in s[0..len): returns 1 and sets *open (offset of '['), *inner and
 * *inner_len and *end (offset after ']'); 0 when there is no '['; -1 when it is not closed. */
int an_petrarch_bracket(const char *s, size_t len, size_t *open, const char **inner,
                        size_t *inner_len, size_t *end);

/* Trims blanks, tabs and CR at both ends; returns the new start and sets *len. */
const char *an_petrarch_trim(const char *s, size_t *len);

#endif
