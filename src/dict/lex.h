/* lex.h — reading dictionary files: lines with comments removed, bracketed code blocks,
 * and phrases split into words with their connectors (TABARI and PETRARCH share the
 * connector notation: "A_B" adjacent, "A B" gap, "A_ B", "A~_B", "A=").
 * Semantics of connectors per dialect are applied by the loaders. */
#ifndef AN_DICT_LEX_H
#define AN_DICT_LEX_H

#include <stddef.h>

#include "annalist.h"
#include "dict/dict.h"
#include "text/linereader.h"

/* Connector written after a phrase element. */
typedef enum an_conn {
    AN_CONN_END = 0,     /* nothing: last element */
    AN_CONN_BLANK,       /* "A B" */
    AN_CONN_UNDER,       /* "A_B" (or a trailing "A_") */
    AN_CONN_UNDER_BLANK, /* "A_ B" */
    AN_CONN_TILDE,       /* "A~_B" */
    AN_CONN_EQUALS,      /* "A=" */
} an_conn;

/* A phrase element as written: a word, a special token (* $ + % ^ @ { | }), or &NAME. */
typedef struct an_lexeme {
    const char *s;
    size_t len;
    an_conn conn;
} an_lexeme;

/* Limits of dictionary entries (docs/robustness.md). Set at compile time (-DAN_...=N); an
 * entry over a limit is reported as file:line and skipped, the rest of the file loads. */
#ifndef AN_LEX_MAX
#define AN_LEX_MAX 128               /* words and special tokens in one phrase or pattern */
#endif
#ifndef AN_DICT_MAX_LINE
#define AN_DICT_MAX_LINE (64 * 1024) /* bytes in one line of a dictionary file */
#endif
#ifndef AN_PATTERN_MAX_BYTES
#define AN_PATTERN_MAX_BYTES 340     /* bytes of a pattern or synset member (TABARI, PETRARCH-1) */
#endif

/* Splits a phrase into elements. The text must already be upper-cased with '-' turned into
 * '_' where the dialect wants it. Returns the number of elements, or -1 when there are more
 * than max. */
int an_lex_phrase(const char *s, size_t len, an_lexeme *out, int max);

/* A dictionary file read line by line. */
typedef struct an_dictfile {
    an_linereader *lr;
    const char *path;
    unsigned long line;
    char *buf;           /* the current line, modifiable copy */
    size_t cap;
} an_dictfile;

int an_dictfile_open(an_dictfile *f, const char *path, an_error *err);
/* Next raw line (without '\n' and '\r'): 1, 0 at the end, <0 on a read error. Over-long
 * lines are reported through d and skipped. */
int an_dictfile_next(an_dictfile *f, an_dict *d, char **line, size_t *len, an_error *err);
void an_dictfile_close(an_dictfile *f);

/* Upper-cases s in place (ASCII) and returns it. */
char *an_lex_upper(char *s, size_t len);
/* Trims blanks at both ends; returns the new start and sets *len. */
char *an_lex_trim(char *s, size_t *len);
/* Finds the first '[' ... ']' block at or after s; returns 1 and its inner text, or 0. */
int an_lex_bracket(const char *s, size_t len, const char **inner, size_t *inner_len,
                   size_t *end);
/* Normalises a dictionary word (same form as text tokens) and interns it. */
uint32_t an_lex_word(an_dict *d, const char *s, size_t len);

/* Parses a date "yymmdd" or "yyyymmdd" (pivot: two-digit years below pivot are 20xx)
 * into a day number; AN_NO_DATE when invalid. */
int an_lex_date(const char *s, size_t len, int pivot);

#endif
