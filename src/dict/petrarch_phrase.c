/* petrarch_phrase.c — comment removal, phrase splitting, root words with the duplicate check,
 * and event codes, shared by the PETRARCH loaders (see petrarch_phrase.h). */
#include "dict/petrarch_phrase.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dict/lex.h"

/* ------------------------------------------------------------------ comments */

/* Finds pat[0..plen) in s[0..len), or NULL. */
static const char *find2(const char *s, size_t len, const char *pat, size_t plen)
{
    if (len < plen) return NULL;
    for (size_t i = 0; i + plen <= len; i++)
        if (s[i] == pat[0] && memcmp(s + i, pat, plen) == 0) return s + i;
    return NULL;
}

size_t an_petrarch_strip(an_pcomment *st, char *line, size_t len, unsigned flags)
{
    size_t i = 0, out = 0;
    int bracket = 0;
    if (!st->in_xml) {
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
        /* "<!" that does not open "<!--": PETRARCH skips the whole line. */
        if (k + 1 < len && line[k] == '<' && line[k + 1] == '!' &&
            !(k + 3 < len && line[k + 2] == '-' && line[k + 3] == '-'))
            return 0;
    }
    while (i < len) {
        if (st->in_xml) {
            const char *end = find2(line + i, len - i, "-->", 3);
            if (!end) return out;
            i = (size_t)(end - line) + 3;
            st->in_xml = 0;
            continue;
        }
        char c = line[i];
        if (c == '<' && i + 3 < len && line[i + 1] == '!' && line[i + 2] == '-' &&
            line[i + 3] == '-') {
            st->in_xml = 1;
            i += 4;
            continue;
        }
        if (c == '[') bracket = 1;
        else if (c == ']') bracket = 0;
        if (c == '#' && !bracket) break;
        if (c == ';' && !bracket && (flags & AN_PSTRIP_SEMI)) break;
        line[out++] = c;
        i++;
    }
    return out;
}

const char *an_petrarch_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t' || *s == '\r')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    *len = n;
    return s;
}

int an_petrarch_bracket(const char *s, size_t len, size_t *open, const char **inner,
                        size_t *inner_len, size_t *end)
{
    const char *o = memchr(s, '[', len);
    if (!o) return 0;
    const char *c = memchr(o, ']', len - (size_t)(o - s));
    if (!c) return -1;
    *open = (size_t)(o - s);
    *inner = o + 1;
    *inner_len = (size_t)(c - o - 1);
    *end = (size_t)(c - s) + 1;
    return 1;
}

/* ------------------------------------------------------------------ phrases */

/* A word separator of a PETRARCH phrase. */
static int is_sep(char c)
{
    return c == ' ' || c == '\t' || c == '_' || c == '-';
}

int an_petrarch_split(const char *s, size_t len, an_pword *out, int max)
{
    int n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && is_sep(s[i])) i++;
        if (i >= len) break;
        uint8_t plus = 0;
        while (i < len && s[i] == '+') {
            plus = 1;
            i++;
        }
        size_t start = i;
        while (i < len && !is_sep(s[i])) i++;
        if (i == start) continue; /* a lone '+' */
        if (n >= max) return -1;
        out[n].s = s + start;
        out[n].len = i - start;
        out[n].plus = plus;
        out[n].adj = 0;
        /* The connector: adjacency if the separator run holds '_' or '-' and no blank. */
        size_t j = i;
        int under = 0, blank = 0, hyphen = 0;
        while (j < len && is_sep(s[j])) {
            if (s[j] == '_' || s[j] == '-') under = 1;
            else blank = 1;
            if (s[j] == '-') hyphen = 1;
            j++;
        }
        out[n].hyphen = (uint8_t)(hyphen && j - i == 1 && j < len);
        /* "A_ B" is TABARI's "stopped word, gap": PETRARCH-1 rewrites "_ " to " ". */
        out[n].adj = (uint8_t)(under && !blank);
        n++;
    }
    if (n) out[n - 1].adj = out[n - 1].hyphen = 0;
    return n;
}

int an_petrarch_rwords(an_dict *d, const an_pword *w, int n, uint8_t last_match,
                       int all_adjacent, an_rword *out, char *key, size_t keycap,
                       size_t *keylen)
{
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        uint32_t id = an_lex_word(d, w[i].s, w[i].len);
        if (id == AN_NO_ID) return -1;
        out[i].word = id;
        out[i].match = (uint8_t)(i == n - 1 ? last_match : AN_WM_EXACT);
        out[i].adjacent = (uint8_t)(i < n - 1 && (all_adjacent || w[i].adj));
        if (key) {
            const char *ws = an_dict_word_str(d, id);
            size_t wl = strlen(ws);
            if (k + wl + 2 < keycap) {
                memcpy(key + k, ws, wl);
                k += wl;
                if (i < n - 1) key[k++] = out[i].adjacent ? '_' : ' ';
            }
        }
    }
    if (keylen) *keylen = k;
    return n;
}

int an_petrarch_add_words(an_dict *d, char group, an_rootkind kind, uint32_t entry,
                          const an_pword *w, int n, uint8_t flags, uint8_t last_match,
                          int all_adjacent, an_src src, int warn_dup, int64_t *root)
{
    const char *file = an_dict_file_str(d, src.file);
    if (n <= 0) return an_dict_problem(d, file, src.line, "empty phrase");
    if (n > AN_LEX_MAX)
        return an_dict_problem(d, file, src.line, "phrase has more than %d words", AN_LEX_MAX);
    an_rword rw[AN_LEX_MAX];
    char key[AN_PKEY_MAX];
    size_t klen;
    if (an_petrarch_rwords(d, w, n, last_match, all_adjacent, rw, key, sizeof key, &klen) < 0)
        return AN_ENOMEM;
    int fresh = an_dict_phrase_new(d, group, key, klen);
    if (fresh < 0) return AN_ENOMEM;
    if (!fresh) {
        if (warn_dup)
            an_dict_warning(d, file, src.line,
                            "duplicate phrase \"%.*s\" ignored (the first entry wins)",
                            (int)klen, key);
        return 0;
    }
    int64_t r = an_dict_add_root(d, kind, entry, rw, (size_t)n, flags, src);
    if (r < 0) return AN_ENOMEM;
    if (root) *root = r;
    return 1;
}

int an_petrarch_add_phrase(an_dict *d, char group, an_rootkind kind, uint32_t entry,
                           const char *phrase, size_t len, uint8_t flags, uint8_t last_match,
                           an_src src, int warn_dup, int64_t *root)
{
    an_pword w[AN_LEX_MAX];
    int n = an_petrarch_split(phrase, len, w, AN_LEX_MAX);
    if (n < 0)
        return an_dict_problem(d, an_dict_file_str(d, src.file), src.line,
                               "phrase has more than %d words", AN_LEX_MAX);
    return an_petrarch_add_words(d, group, kind, entry, w, n, flags, last_match, 0, src,
                                 warn_dup, root);
}

/* ------------------------------------------------------------------ deferred roots */

int an_pdefer_add(an_pdefer *q, char group, an_rootkind kind, uint32_t entry, const char *s,
                  size_t len, uint8_t flags, uint8_t last_match, int all_adjacent, an_src src)
{
    if (q->n + len > q->cap || !q->text) { /* storage even for an empty phrase */
        size_t cap = q->cap ? q->cap * 2 : 4096;
        while (cap < q->n + len) cap *= 2;
        char *p = realloc(q->text, cap);
        if (!p) return AN_ENOMEM;
        q->text = p;
        q->cap = cap;
    }
    an_pdefer_item it;
    it.entry = entry;
    it.off = (uint32_t)q->n;
    it.len = (uint32_t)len;
    it.src = src;
    it.kind = (uint8_t)kind;
    it.flags = flags;
    it.last_match = last_match;
    it.all_adjacent = (uint8_t)all_adjacent;
    it.group = group;
    if (AN_VEC_PUSH(&q->items, it) < 0) return AN_ENOMEM;
    memcpy(q->text + q->n, s, len);
    q->n += len;
    return 0;
}

int an_pdefer_flush(an_dict *d, an_pdefer *q)
{
    for (size_t i = 0; i < q->items.n; i++) {
        const an_pdefer_item *it = &q->items.v[i];
        an_pword w[AN_LEX_MAX];
        int n = an_petrarch_split(q->text + it->off, it->len, w, AN_LEX_MAX);
        if (n <= 0) continue;
        int rc = an_petrarch_add_words(d, it->group, (an_rootkind)it->kind, it->entry, w, n,
                                       it->flags, it->last_match, it->all_adjacent, it->src, 0,
                                       NULL);
        if (rc == AN_ENOMEM) return rc;
    }
    q->items.n = 0;
    q->n = 0;
    return 0;
}

void an_pdefer_free(an_pdefer *q)
{
    free(q->text);
    AN_VEC_FREE(&q->items);
    memset(q, 0, sizeof *q);
}

/* ------------------------------------------------------------------ codes */

/* One side of a code: "---" or empty is the null code, anything else a plain code. */
static int code_part(an_dict *d, const char *s, size_t n, uint32_t *id, int *null)
{
    *null = 0;
    if (n == 0 || (n == 3 && memcmp(s, "---", 3) == 0)) {
        *null = 1;
        *id = d->code_null;
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] == '[' || s[i] == ']' || s[i] == ':') return -1;
    *id = an_dict_code(d, s, n);
    return *id == AN_NO_ID ? -1 : 0;
}

int an_petrarch_ecode(an_dict *d, const char *s, size_t len, int actpass, an_ecode *out)
{
    memset(out, 0, sizeof *out);
    out->b = AN_NO_ID;
    char c[64];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (isspace((unsigned char)s[i])) continue;
        if (n + 1 >= sizeof c) return -1;
        c[n++] = s[i];
    }
    if (n == 0) return -1;
    const char *colon = memchr(c, ':', n);
    int null;
    if (!colon) {
        if (code_part(d, c, n, &out->a, &null) < 0) return -1;
        if (null) out->flags |= AN_EC_NULL;
        return 0;
    }
    size_t la = (size_t)(colon - c);
    if (code_part(d, c, la, &out->a, &null) < 0) return -1;
    if (null) out->flags |= AN_EC_NULL;
    if (code_part(d, colon + 1, n - la - 1, &out->b, &null) < 0) return -1;
    if (null) out->flags |= AN_EC_NULL_B;
    if ((out->flags & AN_EC_NULL) && (out->flags & AN_EC_NULL_B) && la == 0) return -1; /* ":" */
    out->flags |= actpass ? AN_EC_ACTPASS : AN_EC_PAIRED;
    return 0;
}
