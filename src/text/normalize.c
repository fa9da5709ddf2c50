/* normalize.c — matching forms of words (see normalize.h). ASCII takes a table path;
 * other code points go through utf8proc's decomposition without allocating. */
#include "text/normalize.h"

#include <utf8proc.h>

#include "text/chars.h"
#include "text/utf8.h"

static inline void put(char *out, size_t cap, size_t *o, char c)
{
    if (*o + 1 < cap) out[*o] = c;
    (*o)++;
}

static void put_cp(char *out, size_t cap, size_t *o, int32_t cp)
{
    if (cp < 0x80) {
        char c = (char)cp;
        if (c >= 'a' && c <= 'z') c = (char)(c - 32);
        put(out, cap, o, c);
        return;
    }
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_toupper(cp), tmp);
    for (utf8proc_ssize_t i = 0; i < n; i++) put(out, cap, o, (char)tmp[i]);
}

size_t an_normalize(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            put(out, cap, &o, (c >= 'a' && c <= 'z') ? (char)(c - 32) : (char)c);
            i++;
            continue;
        }
        int32_t cp;
        size_t n = an_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            put(out, cap, &o, '?');
            i++;
            continue;
        }
        i += n;
        an_charclass cls = an_char_class_u(cp);
        if (cls == AN_CH_APOSTROPHE) { put(out, cap, &o, '\''); continue; }
        if (cls == AN_CH_HYPHEN || cls == AN_CH_DASH) { put(out, cap, &o, '-'); continue; }
        if (cls == AN_CH_QUOTE) { put(out, cap, &o, '"'); continue; }
        utf8proc_int32_t dec[16];
        int boundclass = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, dec, 16,
            (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                                UTF8PROC_CASEFOLD),
            &boundclass);
        if (m < 0 || m > 16) {
            put_cp(out, cap, &o, cp);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            const utf8proc_property_t *p = utf8proc_get_property(dec[k]);
            if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_ME ||
                p->category == UTF8PROC_CATEGORY_MC)
                continue;
            put_cp(out, cap, &o, dec[k]);
        }
    }
    if (cap) out[o < cap ? o : cap - 1] = '\0';
    return o;
}

/* "U.S" and "U.S." are the same word: a run of single letters each followed by '.' */
static int is_dotted_acronym(const char *w, size_t n)
{
    if (n < 2) return 0;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') continue;
        if (i + 1 < n && w[i + 1] != '.') return 0;
        letters++;
    }
    return letters >= 1 && w[1] == '.';
}

size_t an_normalize_word(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = an_normalize(s, len, out, cap);
    if (n + 2 > cap) return n + 1;
    if (is_dotted_acronym(out, n) && out[n - 1] != '.') {
        out[n++] = '.';
        out[n] = '\0';
    }
    return n;
}
