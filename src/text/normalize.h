/* normalize.h — the matching form of a word: case folded to upper case, diacritics
 * stripped (Türkiye → TURKIYE), compatibility forms unified (ﬁ → FI), typographic
 * apostrophes and dashes mapped to ASCII. Dictionaries and text use the same function,
 * so they always agree. */
#ifndef AN_NORMALIZE_H
#define AN_NORMALIZE_H

#include <stddef.h>

/* Writes the normalised form of s[0..len) into out (capacity cap, NUL-terminated) and
 * returns its length, or the length needed (> cap - 1) when out is too small.
 * Invalid UTF-8 bytes are copied as '?'. */
size_t an_normalize(const char *s, size_t len, char *out, size_t cap);

/* Normalises a dictionary word in place-compatible fashion: same as an_normalize, and a
 * dotted acronym ("U.S", "U.N._") gets its final period ("U.S.", "U.N."). */
size_t an_normalize_word(const char *s, size_t len, char *out, size_t cap);

#endif
