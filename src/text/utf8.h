/* utf8.h — UTF-8 validation and decoding (strict: no overlongs, surrogates or > U+10FFFF). */
#ifndef AN_UTF8_H
#define AN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the valid UTF-8 character at s, or 0 if the bytes there are invalid. */
size_t an_utf8_valid_prefix_len(const char *s, size_t len);
/* Returns 1 when all len bytes are valid UTF-8 without NUL bytes; otherwise 0 and *bad
 * gets the offset of the first offending byte. */
int an_utf8_check(const char *s, size_t len, size_t *bad);
/* Decodes one character; returns its byte length (0 if invalid) and sets *cp. */
size_t an_utf8_decode(const char *s, size_t len, int32_t *cp);

#endif
