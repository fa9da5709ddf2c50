/* tokenize.c — the tokenizer (see tokenize.h). One pass over the bytes; ASCII is decided
 * by table, other characters through chars.c. Allocates only the normalised forms, from
 * the caller's arena. */
#include "text/tokenize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text/chars.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "util/sorted.h"

typedef struct scan {
    const char *s;
    size_t len;
} scan;

/* Class and byte length of the character at i (a bad byte counts as OTHER, length 1). */
static inline an_charclass class_at(const scan *sc, size_t i, size_t *n)
{
    if (i >= sc->len) {
        *n = 0;
        return AN_CH_SPACE;
    }
    unsigned char c = (unsigned char)sc->s[i];
    if (c < 0x80) {
        *n = 1;
        return (an_charclass)an_ascii_class[c];
    }
    int32_t cp;
    *n = an_utf8_decode(sc->s + i, sc->len - i, &cp);
    if (*n == 0) {
        *n = 1;
        return AN_CH_OTHER;
    }
    return an_char_class_u(cp);
}

static inline int is_wordch(an_charclass c) { return c == AN_CH_LETTER || c == AN_CH_DIGIT; }

/* Abbreviations that take a period and do not end a sentence by themselves (upper case,
 * kept in strcmp order for the binary search). */
static const char *const abbreviations[] = {
    "ADM", "AMB", "APPROX", "APR", "ASSN", "AUG", "AVE", "BLN", "BLVD", "BRIG", "BROS", "CA",
    "CAPT", "CDR", "CF", "CIE", "CMDR", "CO", "COL", "CORP", "CPL", "DEC", "DEPT", "DET", "DR",
    "EST", "ETC", "FEB", "FIG", "FT", "GEN", "GOV", "GOV'T", "GOVT", "HON", "INC", "INSP",
    "INTL", "JAN", "JR", "JUL", "JUN", "LIEUT", "LT", "LTD", "MAJ", "MAR", "MESSRS", "MLN",
    "MMES", "MR", "MRS", "MS", "MT", "NATL", "NO", "NOV", "OCT", "PCT", "PLC", "PRES", "PROF",
    "PVT", "RD", "REP", "REV", "RS", "SEC", "SECY", "SEN", "SEP", "SEPT", "SGT", "SR", "ST",
    "SUPT", "UNIV", "VOL", "VS",
};

static int is_abbreviation(const char *w, size_t n)
{
    char up[8];
    if (n == 0 || n >= sizeof up) return 0;
    for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)w[i]);
    up[n] = '\0';
    return an_in_sorted(abbreviations, sizeof abbreviations / sizeof abbreviations[0], up);
}

/* "U", "U.S", "e.g": single letters separated by periods so far. */
static int acronym_so_far(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int letter = isalpha((unsigned char)w[i]);
        if (i % 2 == 0 ? !letter : w[i] != '.') return 0;
    }
    return n % 2 == 1;
}

/* After a dotted acronym: "U.K.'s" is one possessive token. Returns the new end. */
static size_t acronym_possessive(const scan *sc, size_t i, unsigned *flags)
{
    size_t n, n2;
    if (class_at(sc, i, &n) != AN_CH_APOSTROPHE || i + n >= sc->len) return i;
    char after = sc->s[i + n];
    if ((after != 's' && after != 'S') || is_wordch(class_at(sc, i + n + 1, &n2))) return i;
    *flags |= AN_TOKF_POSSESSIVE;
    return i + n + 1;
}

static int push(an_tokvec *out, an_arena *arena, const char *text, size_t off, size_t n,
                uint32_t base, int type, unsigned flags, const char *norm_override)
{
    an_token t;
    t.span.off = base + (uint32_t)off;
    t.span.len = (uint32_t)n;
    t.type = type;
    t.flags = flags;
    if (norm_override) {
        t.norm = norm_override;
    } else {
        char stackbuf[128];
        size_t m = an_normalize(text + off, n, stackbuf, sizeof stackbuf);
        char *p;
        if (m < sizeof stackbuf) {
            p = an_arena_strndup(arena, stackbuf, m);
        } else {
            p = an_arena_alloc(arena, m + 1);
            if (p) an_normalize(text + off, n, p, m + 1);
        }
        if (!p) return AN_ENOMEM;
        t.norm = p;
    }
    return AN_VEC_PUSH(out, t) < 0 ? AN_ENOMEM : 0;
}

/* Scans a word or number starting at i; returns its end and sets *flags / *type. */
static size_t scan_word(const scan *sc, size_t i, unsigned *flags, int *type)
{
    const char *s = sc->s;
    size_t start = i, n;
    int numeric = isdigit((unsigned char)s[i]) != 0;
    *type = numeric ? AN_TOK_NUMBER : AN_TOK_WORD;
    for (;;) {
        an_charclass c = class_at(sc, i, &n);
        if (is_wordch(c)) {
            i += n;
            continue;
        }
        size_t n2;
        an_charclass next = class_at(sc, i + n, &n2);
        if (c == AN_CH_APOSTROPHE) {
            if (next == AN_CH_LETTER) {
                /* Possessive 's, or an inner apostrophe (O'Brien, don't, d'Ivoire). */
                char after = i + n < sc->len ? s[i + n] : 0;
                size_t n3;
                an_charclass after2 = class_at(sc, i + n + n2, &n3);
                if ((after == 's' || after == 'S') && !is_wordch(after2)) {
                    *flags |= AN_TOKF_POSSESSIVE;
                    return i + n + n2;
                }
                i += n;
                continue;
            }
            if (!is_wordch(next) && i > start && (s[i - 1] == 's' || s[i - 1] == 'S') && !numeric) {
                *flags |= AN_TOKF_POSSESSIVE; /* ministers' */
                return i + n;
            }
            return i;
        }
        if (c == AN_CH_PERIOD) {
            if (numeric && next == AN_CH_DIGIT) {
                i += n;
                continue;
            }
            if (!numeric && acronym_so_far(s + start, i - start)) {
                /* U.S. / e.g. / F. : keep the period and go on if a letter follows. */
                *flags |= AN_TOKF_ABBREV;
                i += n;
                if (next == AN_CH_LETTER && i + n2 < sc->len && s[i + n2] == '.') continue;
                if (next == AN_CH_LETTER && (i + n2 >= sc->len || !is_wordch(class_at(sc, i + n2, &n)))) {
                    /* "U.S" without final period: include the last letter */
                    i += n2;
                    if (i < sc->len && s[i] == '.') i++;
                }
                return acronym_possessive(sc, i, flags);
            }
            if (!numeric && is_abbreviation(s + start, i - start)) {
                /* "No." only before a number ("No. 10"). */
                if ((i - start == 2 && strncasecmp(s + start, "no", 2) == 0)) {
                    size_t j = i + 1;
                    while (j < sc->len && s[j] == ' ') j++;
                    if (j >= sc->len || !isdigit((unsigned char)s[j])) return i;
                }
                *flags |= AN_TOKF_ABBREV;
                return i + n;
            }
            return i;
        }
        if (c == AN_CH_COMMA && numeric && next == AN_CH_DIGIT && i > start &&
            isdigit((unsigned char)s[i - 1]) && i + 4 <= sc->len &&
            isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
            (i + 4 == sc->len || !isdigit((unsigned char)s[i + 4]))) {
            i += n; /* 50,000: a thousands separator has exactly three digits after it */
            continue;
        }
        if (c == AN_CH_CURRENCY && !numeric && i - start <= 2 && next == AN_CH_DIGIT) {
            /* US$10, HK$5, A$3 */
            *type = AN_TOK_CURRENCY;
            numeric = 1;
            i += n;
            continue;
        }
        return i;
    }
}

int an_tokenize(an_tokvec *out, an_arena *arena, const char *text, size_t len, uint32_t base)
{
    scan sc = {text, len};
    size_t i = 0, n;
    unsigned pending = AN_TOKF_LINE_START | AN_TOKF_PARA_START;
    int newlines = 0;
    int rc = 0;
    while (i < len && rc == 0) {
        an_charclass c = class_at(&sc, i, &n);
        unsigned flags = pending;
        if (c == AN_CH_SPACE) {
            pending |= AN_TOKF_SPACE_BEFORE;
            i += n;
            continue;
        }
        if (c == AN_CH_NEWLINE) {
            newlines++;
            pending |= AN_TOKF_SPACE_BEFORE | AN_TOKF_LINE_START;
            if (newlines >= 2) pending |= AN_TOKF_PARA_START;
            i += n;
            continue;
        }
        newlines = 0;
        pending = 0;
        size_t n2;
        an_charclass next = class_at(&sc, i + n, &n2);
        switch (c) {
        case AN_CH_LETTER:
        case AN_CH_DIGIT: {
            int type;
            size_t end = scan_word(&sc, i, &flags, &type);
            if (end == i) end = i + n;
            /* Capitalisation flags from the first letter. */
            int upper = 0, lower = 0;
            for (size_t k = i, cl; k < end; k += cl ? cl : 1) {
                unsigned char b = (unsigned char)text[k];
                int is_upper, is_lower;
                if (b < 0x80) { /* ASCII, most of the text, without a table lookup */
                    cl = 1;
                    is_upper = b >= 'A' && b <= 'Z';
                    is_lower = b >= 'a' && b <= 'z';
                } else { /* letters of any script: "МОСКВА" is all capitals too */
                    int32_t lc = 0;
                    cl = an_utf8_decode(text + k, end - k, &lc);
                    utf8proc_category_t lcat = cl ? utf8proc_category(lc) : UTF8PROC_CATEGORY_CN;
                    is_upper = lcat == UTF8PROC_CATEGORY_LU || lcat == UTF8PROC_CATEGORY_LT;
                    is_lower = lcat == UTF8PROC_CATEGORY_LL;
                }
                if (k == i && is_upper) flags |= AN_TOKF_CAPITALIZED;
                upper += is_upper;
                lower += is_lower;
            }
            if (upper >= 2 && lower == 0) flags |= AN_TOKF_ALLCAPS;
            /* An abbreviation's final period is part of its matching form only after a
             * capital letter, as in TABARI: "U.S." stays "U.S.", "Gen." matches as "GEN". */
            size_t norm_len = end - i;
            if ((flags & AN_TOKF_ABBREV) && norm_len >= 2 && text[end - 1] == '.' &&
                !isupper((unsigned char)text[end - 2]))
                norm_len--;
            /* "U.S" written without its final period matches like "U.S." (an_normalize_word
             * gives dictionary acronyms their final period). */
            int add_period = (flags & AN_TOKF_ABBREV) && norm_len >= 3 &&
                             text[end - 2] == '.' && isupper((unsigned char)text[end - 1]);
            if (norm_len != end - i || add_period) {
                /* Any length: a long dotted run ("A.B.C.…") is input, not a reason to fail. */
                size_t m = an_normalize(text + i, norm_len, NULL, 0);
                char *norm = an_arena_alloc(arena, m + 2);
                if (norm) {
                    an_normalize(text + i, norm_len, norm, m + 1);
                    if (add_period) norm[m++] = '.';
                    norm[m] = '\0';
                }
                rc = norm ? push(out, arena, text, i, end - i, base, type, flags, norm) : AN_ENOMEM;
            } else {
                rc = push(out, arena, text, i, end - i, base, type, flags, NULL);
            }
            i = end;
            break;
        }
        case AN_CH_CURRENCY:
            if (next == AN_CH_DIGIT) {
                int type;
                unsigned f2 = 0;
                size_t end = scan_word(&sc, i + n, &f2, &type);
                rc = push(out, arena, text, i, end - i, base, AN_TOK_CURRENCY, flags, NULL);
                i = end;
            } else {
                rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags, NULL);
                i += n;
            }
            break;
        case AN_CH_HYPHEN:
            if (i > 0 && !(flags & AN_TOKF_SPACE_BEFORE) && out->n &&
                (out->v[out->n - 1].type == AN_TOK_WORD || out->v[out->n - 1].type == AN_TOK_NUMBER) &&
                is_wordch(next)) {
                /* A word-joining hyphen: the next word is marked as joined. */
                pending = AN_TOKF_HYPHEN_BEFORE;
                i += n;
                break;
            }
            if (next == AN_CH_HYPHEN) { /* "--" */
                size_t end = i + n + n2;
                rc = push(out, arena, text, i, end - i, base, AN_TOK_PUNCT, flags, "--");
                i = end;
                break;
            }
            if ((flags & AN_TOKF_LINE_START) && next == AN_CH_SPACE) {
                rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags | AN_TOKF_BULLET, "*");
            } else {
                rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags, "--");
            }
            i += n;
            break;
        case AN_CH_DASH:
            rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags, "--");
            i += n;
            break;
        case AN_CH_BULLET:
            rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags | AN_TOKF_BULLET, "*");
            i += n;
            break;
        case AN_CH_PERIOD:
            if (next == AN_CH_PERIOD) { /* "...", also of other scripts' full stops ("۔۔") */
                size_t end = i, m;
                while (end < len && class_at(&sc, end, &m) == AN_CH_PERIOD) end += m;
                rc = push(out, arena, text, i, end - i, base, AN_TOK_PUNCT, flags, "...");
                i = end;
            } else {
                rc = push(out, arena, text, i, n, base, AN_TOK_END, flags, ".");
                i += n;
            }
            break;
        case AN_CH_ELLIPSIS:
            rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags, "...");
            i += n;
            break;
        case AN_CH_END: {
            size_t end = i + n;
            while (end < len && (text[end] == '!' || text[end] == '?')) end++;
            rc = push(out, arena, text, i, end - i, base, AN_TOK_END, flags,
                      text[i] == '?' ? "?" : "!");
            i = end;
            break;
        }
        case AN_CH_COMMA:
            rc = push(out, arena, text, i, n, base, AN_TOK_COMMA, flags, ",");
            i += n;
            break;
        case AN_CH_CLAUSE: {
            const char *norm = text[i] == ';' ? ";" : text[i] == ':' ? ":" :
                               (text[i] == '(' || text[i] == '[') ? "(" :
                               (text[i] == ')' || text[i] == ']') ? ")" : ",";
            rc = push(out, arena, text, i, n, base, AN_TOK_COMMA, flags, norm);
            i += n;
            break;
        }
        case AN_CH_QUOTE:
        case AN_CH_APOSTROPHE:
            rc = push(out, arena, text, i, n, base, AN_TOK_QUOTE, flags,
                      c == AN_CH_QUOTE ? "\"" : "'");
            i += n;
            break;
        default:
            rc = push(out, arena, text, i, n, base, AN_TOK_PUNCT, flags, NULL);
            i += n;
            break;
        }
    }
    return rc;
}
