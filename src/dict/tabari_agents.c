/* tabari_agents.c — TABARI .agents files: "PHRASE [~CODE]" (appended to the actor code) or
 * "PHRASE [CODE~]" (put in front). Agents are roots with noun endings (§2.5). */
#include <string.h>

#include "dict/actors.h"
#include "dict/lex.h"
#include "util/error.h"

/* Parses "~GOV" / "NGO~" into an agent; returns 0 or a problem. */
int an_parse_agent_code(an_dict *d, const char *s, size_t len, an_agent *out, int require_tilde,
                        const char *file, unsigned long line)
{
    while (len && (*s == ' ' || *s == '\t')) s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    out->prefix = 0;
    if (len && s[0] == '~') {
        s++, len--;
    } else if (len && s[len - 1] == '~') {
        len--;
        out->prefix = 1;
    } else if (require_tilde) {
        return an_dict_problem(d, file, line, "agent code [%.*s] needs a '~' (~CODE or CODE~)",
                               (int)len, s);
    }
    while (len && (*s == ' ' || *s == '\t')) s++, len--;
    if (len == 0) return an_dict_problem(d, file, line, "empty agent code");
    out->code = an_dict_code(d, s, len);
    return out->code == AN_NO_ID ? AN_ENOMEM : 0;
}

int an_load_tabari_agents(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    size_t problems_before = d->problems;
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        if (len && line[0] == '~') break;
        if (len && (line[0] == '/' || line[0] == '#')) continue;
        size_t full_len = len;
        const char *semi = memchr(line, ';', len);
        if (semi) len = (size_t)(semi - line);
        char *s = an_lex_trim(line, &len);
        if (len == 0) continue;
        const char *inner;
        size_t ilen, end;
        int found = an_lex_bracket(s, len, &inner, &ilen, &end);
        if (found <= 0) {
            an_dict_problem(d, path, f.line, "agent \"%.*s\" has no [~CODE]", (int)len, s);
            continue;
        }
        an_agent ag;
        if (an_parse_agent_code(d, inner, ilen, &ag, 1, path, f.line) < 0) continue;
        if (AN_VEC_PUSH(&d->agents, ag) < 0) {
            rc = AN_ENOMEM;
            break;
        }
        size_t plen = (size_t)(memchr(s, '[', len) ? (char *)memchr(s, '[', len) - s : (long)len);
        rc = an_tabari_add_root(d, s, plen, AN_ROOT_AGENT, (uint32_t)d->agents.n - 1, 0, path,
                                f.line, line, full_len);
        if (rc == AN_ENOMEM) break;
    }
    an_dictfile_close(&f);
    if (rc == AN_ENOMEM) return an_err_oom(err);
    if (rc < 0 && rc != AN_EBADINPUT) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
