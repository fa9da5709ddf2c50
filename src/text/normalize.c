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

/* Latin letters whose mark is drawn into the letter (a stroke, a ligature) and so has no
 * Unicode decomposition: folded to ASCII like the other accented letters, since news and
 * dictionaries write "Lodz", "Oresund", "Djokovic" for them. Returns NULL for the rest. */
static const char *fold_latin(int32_t cp)
{
    switch (cp) {
    case 0x00C6: case 0x00E6: return "AE"; /* Æ æ */
    case 0x0152: case 0x0153: return "OE"; /* Œ œ */
    case 0x00D8: case 0x00F8: return "O";  /* Ø ø */
    case 0x0141: case 0x0142: return "L";  /* Ł ł */
    case 0x0110: case 0x0111: return "D";  /* Đ đ */
    case 0x00D0: case 0x00F0: return "D";  /* Ð ð */
    case 0x0126: case 0x0127: return "H";  /* Ħ ħ */
    case 0x0166: case 0x0167: return "T";  /* Ŧ ŧ */
    case 0x00DE: case 0x00FE: return "TH"; /* Þ þ */
    default: return NULL;
    }
}

static void put_cp(char *out, size_t cap, size_t *o, int32_t cp)
{
    const char *f = cp >= 0xC0 && cp < 0x180 ? fold_latin(cp) : NULL;
    if (f) {
        while (*f) put(out, cap, o, *f++);
        return;
    }
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

/* Combining marks that are accents on a letter (é, ü, ç; Arabic and Hebrew vowel points),
 * which matching ignores. The vowel signs and viramas of Indic and other Brahmic scripts are
 * combining marks too, but they are letters of the word (पाकिस्तान), so they stay. */
static int is_accent(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC && cat != UTF8PROC_CATEGORY_ME)
        return 0;
    return (cp >= 0x0300 && cp <= 0x036F) ||  /* combining diacritical marks */
           (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
           (cp >= 0x0483 && cp <= 0x0489) ||  /* Cyrillic */
           (cp >= 0x0591 && cp <= 0x05C7) ||  /* Hebrew points */
           (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
           cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED); /* Arabic harakat */
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
            (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD),
            &boundclass);
        if (m < 0 || m > 16) {
            put_cp(out, cap, &o, cp);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            if (is_accent(dec[k])) continue;
            put_cp(out, cap, &o, dec[k]);
        }
    }
    if (cap) out[o < cap ? o : cap - 1] = '\0';
    return o;
}

/* "U.S" and "U.S." are the same word: single letters, each but the last followed by '.' */
static int is_dotted_acronym(const char *w, size_t n)
{
    if (n < 2) return 0;
    for (size_t i = 0; i < n; i++) {
        int letter = (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z');
        if (i % 2 == 0 ? !letter : w[i] != '.') return 0;
    }
    return 1;
}

size_t an_normalize_word(const char *s, size_t len, char *out, size_t cap)
{
    /* A trailing '_' is TABARI's "the word ends here" mark, not part of the word. */
    while (len && s[len - 1] == '_') len--;
    size_t n = an_normalize(s, len, out, cap);
    if (n + 2 > cap) return n + 1;
    if (is_dotted_acronym(out, n) && out[n - 1] != '.') {
        out[n++] = '.';
        out[n] = '\0';
    }
    return n;
}
