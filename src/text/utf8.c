/* utf8.c — strict UTF-8 validation and decoding. ASCII runs take a fast path. */
#include "text/utf8.h"

#include <string.h>

size_t an_utf8_decode(const char *str, size_t len, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0) return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (len < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

size_t an_utf8_valid_prefix_len(const char *s, size_t len)
{
    int32_t cp;
    return an_utf8_decode(s, len, &cp);
}

int an_utf8_check(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        /* Fast path: 8 ASCII bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            /* A NUL byte in the word? (classic has-zero-byte test) */
            if ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            if (bad) *bad = i;
            return 0;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = an_utf8_valid_prefix_len(s + i, len - i);
        if (n == 0) {
            if (bad) *bad = i;
            return 0;
        }
        i += n;
    }
    return 1;
}
