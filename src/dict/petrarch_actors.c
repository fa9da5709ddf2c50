/* petrarch_actors.c — PETRARCH actor files (*.actors.txt): head phrases with optional codes,
 * '+' synonyms, code lines with date restrictions, coded compounds, comments, and annalist's
 * "# annalist: kind=places" directive. Dates follow PETRARCH-1 (petrarch-differences.md §1.4):
 * '<' and '>' include the date, ranges include both ends, the first restriction that holds in
 * written order wins, the undated code is the fallback wherever it is written, and with no
 * fallback and nothing holding the actor codes as "---" (actors.c builder, AN_DIALECT_PETRARCH1).
 *
 * Entry structure, as PETRARCH-1's reader builds it:
 *   HEAD [CODE] [CODE d1-d2] ...   a head line; codes on it are optional
 *   +SYNONYM                       shares the entry's codes (codes written here are ignored)
 *   <tab>[CODE >d]                 code lines (PETRARCH-1 wants a leading tab; any line whose
 *                                  trimmed text starts with '[' is read as one)
 * A head line without a code, followed by another head line before any code line, does not
 * start an entry of its own: PETRARCH-1 only moves on to a new code slot once the current
 * entry has a code, so the codeless head shares the codes of the next entry that has one, like
 * a synonym ("U.N._" above "UN_SECRETARY_GENERAL ... [IGOUNO]" in Phoenix.International,
 * "LEONID_BREZHNEV_" and four more names above their code lines in Phoenix.Countries).
 * PETRARCH-2 instead stores such a phrase with no code at all; annalist follows PETRARCH-1,
 * which is also what those files mean. A codeless head at the end of the file is a problem.
 *
 * Not done here: matching (src/coder); PETRARCH-2's date semantics. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "dict/actors.h"
#include "dict/lex.h"
#include "dict/petrarch_phrase.h"
#include "util/error.h"

/* "# annalist: kind=places" or "kind=people" (or kind=actors to end such a section): sets
 * the actor flags in *place. */
static int directive(const char *s, size_t len, uint8_t *place)
{
    s = an_petrarch_trim(s, &len);
    if (len < 2 || s[0] != '#') return 0;
    s++, len--;
    s = an_petrarch_trim(s, &len);
    if (len < 9 || strncasecmp(s, "annalist:", 9) != 0) return 0;
    s += 9, len -= 9;
    s = an_petrarch_trim(s, &len);
    if (len >= 11 && strncasecmp(s, "kind=places", 11) == 0) {
        *place = AN_RF_PLACE;
        return 1;
    }
    if (len >= 11 && strncasecmp(s, "kind=people", 11) == 0) {
        *place = AN_RF_PERSON; /* persons: "he"/"she" and bare surnames can refer to them */
        return 1;
    }
    if (len >= 11 && strncasecmp(s, "kind=actors", 11) == 0) {
        *place = 0;
        return 1;
    }
    return 0;
}

/* Copies the code block inner[0..len) into out as "[...]" with every date written with four
 * year digits: PETRARCH reads a two-digit year 00-30 as 20xx and 31-99 as 19xx (TABARI's pivot,
 * which the shared code-block parser uses, is 29). A date must have 6 or 8 digits. Returns the
 * length of out, or AN_EBADINPUT after reporting a problem. */
static int expand_dates(an_dict *d, const char *inner, size_t len, char *out, size_t cap,
                        const char *file, unsigned long line)
{
    size_t i = 0, o = 0;
    out[o++] = '[';
    /* The code itself may hold digits ("G77"). */
    while (i < len && !isspace((unsigned char)inner[i]) && inner[i] != '<' && inner[i] != '>') {
        if (o + 2 >= cap) return an_dict_problem(d, file, line, "code block too long");
        out[o++] = inner[i++];
    }
    while (i < len) {
        if (o + 12 >= cap) return an_dict_problem(d, file, line, "code block too long");
        if (!isdigit((unsigned char)inner[i])) {
            out[o++] = inner[i++];
            continue;
        }
        size_t start = i;
        while (i < len && isdigit((unsigned char)inner[i])) i++;
        size_t n = i - start;
        if (n != 6 && n != 8)
            return an_dict_problem(d, file, line,
                                   "date \"%.*s\" in [%.*s] has %zu digits; expected yymmdd or "
                                   "yyyymmdd",
                                   (int)n, inner + start, (int)len, inner, n);
        if (n == 6) {
            int yy = (inner[start] - '0') * 10 + (inner[start + 1] - '0');
            out[o++] = yy <= 30 ? '2' : '1';
            out[o++] = yy <= 30 ? '0' : '9';
        }
        memcpy(out + o, inner + start, n);
        o += n;
    }
    out[o++] = ']';
    return (int)o;
}

/* Adds every [ ... ] block of s to the builder; a malformed block is reported and skipped. */
static int add_codes(an_dict *d, an_actor_builder *b, const char *s, size_t len,
                     const char *file, unsigned long line)
{
    size_t pos = 0;
    char buf[256];
    while (pos < len) {
        size_t open, ilen, end;
        const char *inner;
        int found = an_petrarch_bracket(s + pos, len - pos, &open, &inner, &ilen, &end);
        if (found == 0) break;
        if (found < 0) return an_dict_problem(d, file, line, "'[' without ']'");
        int n = expand_dates(d, inner, ilen, buf, sizeof buf, file, line);
        if (n > 0) {
            int rc = an_actor_builder_add_codes(d, b, buf, (size_t)n, 0, file, line);
            if (rc == AN_ENOMEM) return rc;
        }
        pos += end;
    }
    return 0;
}

int an_load_petrarch_actors(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    if (d->actor_dialect == AN_DIALECT_NONE) d->actor_dialect = AN_DIALECT_PETRARCH1;
    size_t problems_before = d->problems;
    an_actor_builder b = {0};
    an_pcomment cs = {0};
    int codes_written = 0; /* the current entry has had a code block (valid or not) */
    int head_set = 0;
    uint8_t place = 0;
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        if (!cs.in_xml && directive(line, len, &place)) continue;
        size_t rawlen = len;
        len = an_petrarch_strip(&cs, line, len, AN_PSTRIP_SEMI);
        const char *s = an_petrarch_trim(line, &len);
        if (len == 0) continue;
        if (s[0] == '[') {
            if (!b.active) {
                an_dict_problem(d, path, f.line, "code line without an actor before it");
                continue;
            }
            codes_written = 1;
            if ((rc = add_codes(d, &b, s, len, path, f.line)) == AN_ENOMEM) break;
            continue;
        }
        an_src src = an_dict_src(d, path, f.line, line, rawlen);
        if (!src.text) {
            rc = AN_ENOMEM;
            break;
        }
        if (s[0] == '+') {
            if (!b.active) {
                an_dict_problem(d, path, f.line, "synonym without an actor before it");
                continue;
            }
            size_t plen = len - 1;
            const char *br = memchr(s + 1, '[', plen);
            if (br) {
                plen = (size_t)(br - (s + 1));
                an_dict_warning(d, path, f.line, "a code on a '+' synonym line is ignored; the "
                                "synonym shares its entry's codes");
            }
            int64_t root;
            rc = an_petrarch_add_phrase(d, 'N', AN_ROOT_ACTOR, b.actor, s + 1, plen, place,
                                        AN_WM_POSS, src, 1, &root);
            if (rc == AN_ENOMEM) break;
            if (rc == 1 && !head_set) {
                d->actors.v[b.actor].head = (uint32_t)root;
                head_set = 1;
            }
            continue;
        }
        /* A head line. */
        const char *br = memchr(s, '[', len);
        size_t plen = br ? (size_t)(br - s) : len;
        if (!(b.active && !codes_written)) {
            /* A new entry, unless the current one has no code yet (see the file comment). */
            if ((rc = an_actor_builder_commit(d, &b, AN_DIALECT_PETRARCH1)) < 0) break;
            if ((rc = an_actor_builder_begin(d, &b, place, path, f.line)) < 0) break;
            codes_written = 0;
            head_set = 0;
        }
        int64_t root;
        rc = an_petrarch_add_phrase(d, 'N', AN_ROOT_ACTOR, b.actor, s, plen, place, AN_WM_POSS,
                                    src, 1, &root);
        if (rc == AN_ENOMEM) break;
        if (rc == 1 && !head_set) {
            d->actors.v[b.actor].head = (uint32_t)root;
            head_set = 1;
        }
        if (br) {
            codes_written = 1;
            if ((rc = add_codes(d, &b, br, len - plen, path, f.line)) == AN_ENOMEM) break;
        }
        rc = 0;
    }
    if (rc >= 0) rc = an_actor_builder_commit(d, &b, AN_DIALECT_PETRARCH1);
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0 && rc != AN_EBADINPUT) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
