/* petrarch_discards.c — PETRARCH discard files (*discards*.txt, petrarch-differences.md §1.5):
 * one phrase a line; "+phrase" discards the whole story, a plain phrase the sentence; a
 * trailing '_' means the phrase's last word must end there (otherwise it is a stem); '#'
 * comments. Phrases are stored normalised (text/normalize.h: upper case, diacritics removed)
 * with single blanks between words ('_' inside a phrase is a blank). Matching them is the
 * coder's work. */
#include <string.h>

#include "dict/lex.h"
#include "dict/petrarch_phrase.h"
#include "text/normalize.h"
#include "util/error.h"

int an_load_petrarch_discards(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    size_t problems_before = d->problems;
    an_pcomment cs = {0};
    char norm[1024];
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        size_t rawlen = len;
        len = an_petrarch_strip(&cs, line, len, AN_PSTRIP_SEMI);
        const char *s = an_petrarch_trim(line, &len);
        if (len == 0) continue;
        an_discard dc;
        memset(&dc, 0, sizeof dc);
        if (s[0] == '+') {
            dc.story = 1;
            s++, len--;
            s = an_petrarch_trim(s, &len);
        }
        while (len && (s[len - 1] == '_' || s[len - 1] == ' ' || s[len - 1] == '\t')) {
            if (s[len - 1] == '_') dc.exact_end = 1;
            len--;
        }
        if (len == 0) {
            an_dict_problem(d, path, f.line, "empty discard phrase");
            continue;
        }
        size_t n = an_normalize(s, len, norm, sizeof norm);
        if (n >= sizeof norm) {
            an_dict_problem(d, path, f.line, "discard phrase longer than %zu bytes",
                            sizeof norm - 1);
            continue;
        }
        /* Single blanks between words; '_' is a blank. */
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            char c = norm[i];
            if (c == '_' || c == '\t') c = ' ';
            if (c == ' ' && (o == 0 || norm[o - 1] == ' ')) continue;
            norm[o++] = c;
        }
        while (o && norm[o - 1] == ' ') o--;
        dc.phrase = an_arena_strndup(&d->arena, norm, o);
        dc.src = an_dict_src(d, path, f.line, line, rawlen);
        if (!dc.phrase || !dc.src.text || AN_VEC_PUSH(&d->discards, dc) < 0) {
            rc = AN_ENOMEM;
            break;
        }
    }
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
