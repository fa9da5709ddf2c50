/* tabari_verbs.c — TABARI .verbs files (tabari-semantics.md §2.6): verb roots with codes,
 * {…} irregular-form lines, '-' patterns belonging to the latest root, <SYNSETS>, <TIME>
 * (time-shift phrases with their own patterns) and <ATTRIB> sections. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dict/actors.h"
#include "dict/lex.h"
#include "dict/synsets.h"
#include "util/error.h"

enum { SEC_VERBS, SEC_SYNSETS, SEC_TIME, SEC_ATTRIB };

typedef struct vstate {
    an_dict *d;
    const char *path;
    unsigned long line;
    int64_t block;          /* current block, -1 before the first root */
    int64_t verb;           /* current verb entry */
    int64_t time_root;      /* current TIME entry index into d->timecodes */
    int last_was_root;      /* a {forms} line may follow only a root line */
    unsigned long rejected_root; /* line of the last root that could not be read, or 0 */
    int rejected_duplicate;      /* ... because it repeats an earlier one (a warning only) */
} vstate;

/* Parses a TIME code: [+n], [-n], [---], [###], [+++]. */
static int parse_time_code(an_dict *d, const char *s, size_t len, an_ecode *out)
{
    char buf[32];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++)
        if (!isspace((unsigned char)s[i])) buf[n++] = s[i];
    buf[n] = '\0';
    if ((buf[0] == '+' || buf[0] == '-') && n > 1 && isdigit((unsigned char)buf[1])) {
        char *end;
        long v = strtol(buf, &end, 10);
        if (*end || v < -8191 || v > 8191) return -1;
        memset(out, 0, sizeof *out);
        out->a = out->b = AN_NO_ID;
        out->flags = AN_EC_TIMESHIFT;
        out->shift = (int32_t)v;
        return 0;
    }
    return an_dict_parse_ecode(d, buf, n, 0, out);
}

/* Splits "PHRASE [CODE] ;comment" into the phrase and the code text. */
static int split_code(char *s, size_t len, size_t *plen, const char **code, size_t *clen)
{
    const char *inner;
    size_t ilen, end;
    int found = an_lex_bracket(s, len, &inner, &ilen, &end);
    if (found <= 0) {
        *plen = len;
        *code = NULL;
        *clen = 0;
        return found;
    }
    *plen = (size_t)(memchr(s, '[', len) ? (char *)memchr(s, '[', len) - s : (long)len);
    *code = inner;
    *clen = ilen;
    return 1;
}

static int new_block(vstate *st, const an_ecode *code, uint32_t name, an_src src)
{
    an_vblock b;
    memset(&b, 0, sizeof b);
    b.patterns = (uint32_t)st->d->patterns.n;
    b.code = *code;
    b.name = name;
    b.src = src;
    if (AN_VEC_PUSH(&st->d->blocks, b) < 0) return AN_ENOMEM;
    st->block = (int64_t)st->d->blocks.n - 1;
    return 0;
}

/* Its patterns and forms must not go to the root before it: they are reported instead. */
static int reject_root(vstate *st, int rc)
{
    st->rejected_root = st->line;
    st->rejected_duplicate = rc == 0;
    return rc;
}

/* A pattern or {forms} line of a root that was not read: a problem, or only a warning when
 * the root was a duplicate (its first entry is the one used). */
static int orphan_line(vstate *st, const char *what)
{
    if (st->rejected_duplicate) {
        an_dict_warning(st->d, st->path, st->line, "%s of the duplicate verb on line %lu ignored",
                        what, st->rejected_root);
        return 0;
    }
    return an_dict_problem(st->d, st->path, st->line,
                           "%s of the verb on line %lu, which was not read; ignored", what,
                           st->rejected_root);
}

static int root_line(vstate *st, char *s, size_t len, int section, const char *raw, size_t rawlen)
{
    an_dict *d = st->d;
    st->block = st->verb = -1;
    st->last_was_root = 0;
    st->rejected_root = 0;
    st->rejected_duplicate = 0;
    size_t plen, clen;
    const char *code;
    int found = split_code(s, len, &plen, &code, &clen);
    if (found < 0) return reject_root(st, an_dict_problem(d, st->path, st->line, "'[' without ']'"));
    if (found == 0)
        return reject_root(st, an_dict_problem(d, st->path, st->line, "verb \"%.*s\" has no [CODE]",
                                               (int)len, s));
    an_ecode ec;
    int bad = section == SEC_TIME ? parse_time_code(d, code, clen, &ec)
                                  : an_dict_parse_ecode(d, code, clen, 0, &ec);
    if (bad < 0)
        return reject_root(st, an_dict_problem(d, st->path, st->line, "bad code [%.*s]", (int)clen,
                                               code));
    an_src src = an_dict_src(d, st->path, st->line, raw, rawlen);
    char first[128];
    size_t fl = 0;
    while (fl < plen && fl + 1 < sizeof first && s[fl] != ' ' && s[fl] != '_') {
        first[fl] = (char)toupper((unsigned char)s[fl]);
        fl++;
    }
    int rc = new_block(st, &ec, an_dict_word(d, first, fl), src);
    if (rc < 0) return rc;
    an_rootkind kind = AN_ROOT_VERB;
    uint32_t entry;
    if (section == SEC_TIME) {
        if (AN_VEC_PUSH(&d->timecodes, ec) < 0) return AN_ENOMEM;
        st->time_root = (int64_t)d->timecodes.n - 1;
        entry = (uint32_t)st->block; /* a time root's entry is its block */
        kind = AN_ROOT_TIME;
        d->has_time_section = 1;
    } else {
        an_verb v;
        memset(&v, 0, sizeof v);
        v.block = (uint32_t)st->block;
        v.code = ec;
        v.own_code = 1;
        v.src = src;
        if (AN_VEC_PUSH(&d->verbs, v) < 0) return AN_ENOMEM;
        st->verb = (int64_t)d->verbs.n - 1;
        entry = (uint32_t)st->verb;
    }
    size_t nroots = d->roots.n;
    rc = an_tabari_add_root(d, s, plen, kind, entry, 0, st->path, st->line, raw, rawlen);
    if (rc == AN_ENOMEM) return rc;
    if (rc <= 0 && d->roots.n == nroots) {
        /* The phrase was refused (a duplicate, too short): the entry made for it goes too. */
        if (section == SEC_TIME) d->timecodes.n--;
        else d->verbs.n--;
        d->blocks.n--;
        st->block = st->verb = -1;
        return reject_root(st, rc);
    }
    st->last_was_root = 1;
    return 0;
}

static int forms_line(vstate *st, char *s, size_t len, const char *raw, size_t rawlen)
{
    an_dict *d = st->d;
    if (st->rejected_root) return orphan_line(st, "{forms}");
    if (!st->last_was_root || st->verb < 0)
        return an_dict_problem(d, st->path, st->line, "{forms} line must follow a verb root");
    char *close = memchr(s, '}', len);
    if (!close) return an_dict_problem(d, st->path, st->line, "'{' without '}'");
    char *p = s + 1;
    while (p < close) {
        while (p < close && (*p == ' ' || *p == '\t')) p++;
        char *start = p;
        while (p < close && *p != ' ' && *p != '\t') p++;
        if (p > start) {
            int rc = an_tabari_add_root(d, start, (size_t)(p - start), AN_ROOT_VERB,
                                        (uint32_t)st->verb, 0, st->path, st->line, raw, rawlen);
            if (rc == AN_ENOMEM) return rc;
        }
    }
    st->last_was_root = 0;
    return 0;
}

static int pattern_line(vstate *st, char *s, size_t len, int section, const char *raw,
                        size_t rawlen)
{
    an_dict *d = st->d;
    st->last_was_root = 0;
    if (st->block < 0 && st->rejected_root) return orphan_line(st, "pattern");
    if (st->block < 0)
        return an_dict_problem(d, st->path, st->line, "pattern before the first verb");
    size_t plen, clen;
    const char *code;
    int found = split_code(s + 1, len - 1, &plen, &code, &clen);
    if (found <= 0)
        return an_dict_problem(d, st->path, st->line, "pattern has no [CODE]");
    an_pattern p;
    if (an_compile_pattern(d, s + 1, plen, AN_DIALECT_TABARI, &p, st->path, st->line) < 0)
        return AN_EBADINPUT;
    int bad = section == SEC_TIME ? parse_time_code(d, code, clen, &p.code)
                                  : an_dict_parse_ecode(d, code, clen, 0, &p.code);
    if (bad < 0) return an_dict_problem(d, st->path, st->line, "bad code [%.*s]", (int)clen, code);
    p.src = an_dict_src(d, st->path, st->line, raw, rawlen);
    an_vblock *b = &d->blocks.v[st->block];
    if (b->npatterns && b->patterns + b->npatterns != d->patterns.n)
        return an_dict_problem(d, st->path, st->line, "pattern separated from its verb");
    if (b->npatterns == 0) b->patterns = (uint32_t)d->patterns.n;
    if (AN_VEC_PUSH(&d->patterns, p) < 0) return AN_ENOMEM;
    b->npatterns++;
    return 0;
}

static int synset_line(vstate *st, an_synset_builder *sb, char *s, size_t len)
{
    an_dict *d = st->d;
    if (s[0] == '&') return an_synset_open(d, sb, s, len, st->path, st->line);
    if (s[0] != '+')
        return an_dict_problem(d, st->path, st->line,
                               "expected &NAME or +member in the synset section");
    if (sb->skipping) return 0; /* a member of a synset defined again (warned about) */
    if (!sb->active) return an_dict_problem(d, st->path, st->line, "synset member without &NAME");
    an_seq m;
    if (an_compile_seq(d, s + 1, len - 1, AN_DIALECT_TABARI, &m, st->path, st->line) < 0)
        return AN_EBADINPUT;
    return an_synset_add(d, sb, &m);
}

int an_load_tabari_verbs(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    if (d->verb_dialect == AN_DIALECT_NONE) d->verb_dialect = AN_DIALECT_TABARI;
    size_t problems_before = d->problems;
    vstate st = {d, path, 0, -1, -1, -1, 0, 0, 0};
    an_synset_builder sb = {0};
    int section = SEC_VERBS;
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        st.line = f.line;
        if (len && line[0] == '~') break;
        if (len && (line[0] == '/' || line[0] == '#')) continue;
        size_t rawlen = len;
        const char *semi = memchr(line, ';', len);
        if (semi) len = (size_t)(semi - line);
        char *s = an_lex_trim(line, &len);
        if (len == 0) continue;
        s[len] = '\0';
        int r = 0;
        if (s[0] == '<') {
            an_lex_upper(s, len);
            an_synset_close(d, &sb);
            if (strncmp(s, "<SYN", 4) == 0) section = SEC_SYNSETS;
            else if (strncmp(s, "<TIME", 5) == 0) section = SEC_TIME;
            else if (strncmp(s, "<ATTRIB", 7) == 0) section = SEC_ATTRIB;
            else if (s[1] == '/') section = SEC_VERBS;
            else an_dict_problem(d, path, f.line, "unknown section tag %s", s);
            st.block = -1;
            st.verb = -1;
            continue;
        }
        if (section == SEC_ATTRIB) {
            an_dict_warning(d, path, f.line, "attribution entries are not used; ignored");
            continue;
        }
        if (section == SEC_SYNSETS || s[0] == '&' || (s[0] == '+' && an_synset_reading(&sb))) {
            r = synset_line(&st, &sb, s, len);
        } else if (s[0] == '{') {
            r = forms_line(&st, s, len, line, rawlen);
        } else if (s[0] == '-') {
            r = pattern_line(&st, s, len, section, line, rawlen);
        } else {
            an_synset_close(d, &sb);
            r = root_line(&st, s, len, section, line, rawlen);
        }
        if (r == AN_ENOMEM) {
            rc = r;
            break;
        }
    }
    an_synset_close(d, &sb);
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
