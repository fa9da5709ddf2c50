/* options.c — TABARI options: the .options file and the text of OPTION: records
 * (tabari-semantics.md §5). Commands are recognised by their first letter (and the fourth
 * for COMMA/COMPLEX), keywords by substring search, as TABARI does. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "dict/lex.h"
#include "util/error.h"

/* The value after '=': 1 for T/TRUE/ON/Y, 0 for F/FALSE/OFF/N, -1 if none. */
static int bool_value(const char *s)
{
    const char *eq = strchr(s, '=');
    const char *v = eq ? eq + 1 : s;
    while (*v == ' ' || *v == '\t') v++;
    if (!*v) return -1;
    if (strncmp(v, "OFF", 3) == 0) return 0;
    if (*v == 'T' || *v == 'Y' || strncmp(v, "ON", 2) == 0) return 1;
    if (*v == 'F' || *v == 'N') return 0;
    return -1;
}

static int int_after(const char *s, const char *key, int *out)
{
    const char *p = strstr(s, key);
    if (!p) return 0;
    p += strlen(key);
    while (*p == ' ' || *p == '=' || *p == '[' || *p == '\t') p++;
    if (!isdigit((unsigned char)*p)) {
        *out = 0;
        return 1;
    }
    *out = atoi(p);
    return 1;
}

static void set_command(an_options *o, const char *s)
{
    if (strstr(s, "CODE")) {
        if (strstr(s, "SEN")) o->code_by = AN_CODEBY_SENTENCE;
        else if (strstr(s, "ALL")) o->code_by = AN_CODEBY_ALL;
        else o->code_by = AN_CODEBY_CLAUSE;
    } else if (strstr(s, "MINIMUM") || strstr(s, "MIN WORD")) {
        const char *eq = strchr(s, '=');
        o->min_words = eq ? atoi(eq + 1) : 0;
    } else if (strstr(s, "CONVERT")) {
        int v = bool_value(s);
        if (v >= 0) o->convert_agents = v;
    } else if (strstr(s, "FBIS")) {
        int v = bool_value(s);
        if (v >= 0) o->fbis = v;
    } else if (strstr(s, "YYYY")) {
        int v = bool_value(s);
        if (v >= 0) o->yyyy = v;
    } else if (strstr(s, "TIME")) {
        int v = bool_value(s);
        if (v >= 0) o->time_shifting = v;
    }
    /* LABEL, DUP WARNING, USAGE, SKIP RECORDS, HAIKU, ALLCAPS, CHECK DOMINANT: no effect
     * on coding. */
}

static void complex_command(an_options *o, const char *s)
{
    o->complex_verbs = o->complex_actors = o->complex_pronouns = o->complex_conj = 0;
    o->complex_lateverb = o->complex_noactprior = o->complex_noactafter = o->complex_noverb = 0;
    int v;
    if (int_after(s, "VERBS", &v)) o->complex_verbs = v;
    if (int_after(s, "ACTORS", &v)) o->complex_actors = v;
    if (int_after(s, "PRONOUNS", &v)) o->complex_pronouns = v;
    if (int_after(s, "CONJ", &v)) o->complex_conj = v;
    if (int_after(s, "LATEVERB", &v)) o->complex_lateverb = v;
    o->complex_noactprior = strstr(s, "NOACTPRIOR") != NULL;
    o->complex_noactafter = strstr(s, "NOACTAFTER") != NULL;
    /* "NOVERB" also occurs inside nothing else we parse. */
    o->complex_noverb = strstr(s, "NOVERB") != NULL;
}

static void comma_command(an_options *o, const char *s)
{
    if (strstr(s, "OFF")) {
        o->comma_max = o->comma_bmax = o->comma_emax = 0;
        o->comma_min = o->comma_bmin = o->comma_emin = 128;
        return;
    }
    /* KEY=VALUE pairs; keys are matched whole so BMIN is not MIN. */
    const char *p = strchr(s, ':');
    p = p ? p + 1 : s;
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        const char *k = p;
        while (*p && *p != '=' && *p != ' ') p++;
        size_t kl = (size_t)(p - k);
        while (*p == ' ') p++;
        if (*p != '=') {
            while (*p && *p != ' ') p++;
            continue;
        }
        p++;
        while (*p == ' ') p++;
        int v = atoi(p);
        while (*p && *p != ' ') p++;
#define KEY(name, field) \
    if (kl == strlen(name) && strncmp(k, name, kl) == 0) o->field = v;
        KEY("MIN", comma_min)
        KEY("MAX", comma_max)
        KEY("BMIN", comma_bmin)
        KEY("BMAX", comma_bmax)
        KEY("EMIN", comma_emin)
        KEY("EMAX", comma_emax)
#undef KEY
    }
}

static uint32_t bracket_code(an_dict *d, const char *s)
{
    const char *open = strchr(s, '[');
    const char *close = open ? strchr(open, ']') : NULL;
    if (!open || !close) return AN_NO_ID;
    const char *a = open + 1;
    size_t n = (size_t)(close - a);
    while (n && *a == ' ') a++, n--;
    while (n && a[n - 1] == ' ') n--;
    if (n == 0 || n > 15) return AN_NO_ID;
    return an_dict_code(d, a, n);
}

static void default_command(an_dict *d, an_options *o, const char *s)
{
    if (strstr(s, "OFF")) {
        o->default_source = o->default_target = AN_NO_ID;
        o->default_prior = o->default_after = 0;
        return;
    }
    const char *src = strstr(s, "SOURCE");
    const char *tgt = strstr(s, "TARGET");
    if (src) {
        char part[256];
        size_t n = tgt && tgt > src ? (size_t)(tgt - src) : strlen(src);
        if (n >= sizeof part) n = sizeof part - 1;
        memcpy(part, src, n);
        part[n] = '\0';
        uint32_t c = bracket_code(d, part);
        if (c != AN_NO_ID) o->default_source = c;
        if (strstr(part, "PRIOR")) o->default_prior = 1;
    }
    if (tgt) {
        char part[256];
        size_t n = src && src > tgt ? (size_t)(src - tgt) : strlen(tgt);
        if (n >= sizeof part) n = sizeof part - 1;
        memcpy(part, tgt, n);
        part[n] = '\0';
        uint32_t c = bracket_code(d, part);
        if (c != AN_NO_ID) o->default_target = c;
        if (strstr(part, "AFTER")) o->default_after = 1;
    }
}

int an_dict_apply_option(an_dict *d, an_options *o, const char *line, const char *file,
                         unsigned long lineno)
{
    char s[512];
    size_t n = strlen(line);
    while (n && isspace((unsigned char)line[n - 1])) n--;
    while (n && isspace((unsigned char)*line)) line++, n--;
    if (n == 0 || line[0] == '/' || line[0] == '#') return 0;
    if (n >= sizeof s) n = sizeof s - 1;
    memcpy(s, line, n);
    s[n] = '\0';
    /* Text before ':' is upper-cased; the rest too, since keywords are found by substring. */
    an_lex_upper(s, n);
    if (!strchr(s, ':'))
        return an_dict_problem(d, file, lineno, "option line \"%s\" has no command (X:)", s);
    switch (s[0]) {
    case 'S': set_command(o, s); break;
    case 'C':
        if (n > 3 && s[3] == 'M') {
            comma_command(o, s);
            d->options_set_comma = 1;
        }
        else if (n > 3 && s[3] == 'P') complex_command(o, s);
        else return an_dict_problem(d, file, lineno, "unknown option command \"%s\"", s);
        break;
    case 'D': default_command(d, o, s); break;
    case 'F':
        o->forward = strstr(s, "OFF") == NULL;
        snprintf(o->forward_fmt, sizeof o->forward_fmt, "%s", strchr(s, ':') + 1);
        break;
    case 'N':
        o->nonevents = strstr(s, "TRUE") || strstr(s, "ONLY");
        break;
    case 'O': /* OUTPUT: fields of TABARI's own output; not needed here */
    case 'L': /* LABEL: labels come from the CAMEO table */
        break;
    default:
        return an_dict_problem(d, file, lineno, "unknown option command \"%s\"", s);
    }
    return 0;
}

int an_load_tabari_options(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    size_t problems_before = d->problems;
    char *line;
    size_t len;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        if (len && line[0] == '~') break;
        an_dict_apply_option(d, &d->options, line, path, f.line);
    }
    an_dictfile_close(&f);
    if (rc < 0) return rc;
    return d->problems > problems_before ? AN_EBADINPUT : 0;
}
