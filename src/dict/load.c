/* load.c — an_dict_load: a dictionary file, a directory of them, or a .dictset list;
 * decides each file's kind and dialect from its name (docs/dictionaries.md) and calls the
 * right loader. Also finds the bundled dictionaries. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict/dict.h"
#include "dict/lex.h"
#include "util/error.h"

typedef enum fkind {
    FK_UNKNOWN = 0,
    FK_ACTORS,
    FK_AGENTS,
    FK_VERBS,
    FK_DISCARDS,
    FK_ISSUES,
    FK_OPTIONS,
} fkind;

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static int contains_ci(const char *s, const char *needle)
{
    size_t m = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, m) == 0) return 1;
    return 0;
}

static fkind kind_from_name(const char *path, int *tabari)
{
    const char *b = base_name(path);
    *tabari = has_suffix(b, ".actors") || has_suffix(b, ".agents") || has_suffix(b, ".verbs") ||
              has_suffix(b, ".options");
    if (has_suffix(b, ".options")) return FK_OPTIONS;
    if (contains_ci(b, "actor")) return FK_ACTORS;
    if (contains_ci(b, "agent")) return FK_AGENTS;
    if (contains_ci(b, "verb") || contains_ci(b, "CAMEO.2")) return FK_VERBS;
    if (contains_ci(b, "discard")) return FK_DISCARDS;
    if (contains_ci(b, "issue")) return FK_ISSUES;
    return FK_UNKNOWN;
}

static fkind kind_from_label(const char *s, size_t n)
{
    static const struct { const char *name; fkind k; } labels[] = {
        {"actors", FK_ACTORS}, {"agents", FK_AGENTS}, {"verbs", FK_VERBS},
        {"discards", FK_DISCARDS}, {"issues", FK_ISSUES}, {"options", FK_OPTIONS},
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strlen(labels[i].name) == n && strncasecmp(s, labels[i].name, n) == 0) return labels[i].k;
    return FK_UNKNOWN;
}

static int load_file(an_dict *d, const char *path, fkind kind, int tabari, an_error *err)
{
    int rc;
    switch (kind) {
    case FK_ACTORS:
        rc = tabari ? an_load_tabari_actors(d, path, err) : an_load_petrarch_actors(d, path, err);
        break;
    case FK_AGENTS:
        rc = tabari ? an_load_tabari_agents(d, path, err) : an_load_petrarch_agents(d, path, err);
        break;
    case FK_VERBS:
        rc = tabari ? an_load_tabari_verbs(d, path, err) : an_load_petrarch_verbs(d, path, err);
        break;
    case FK_DISCARDS: rc = an_load_petrarch_discards(d, path, err); break;
    case FK_ISSUES: rc = an_load_petrarch_issues(d, path, err); break;
    case FK_OPTIONS: rc = an_load_tabari_options(d, path, err); break;
    default:
        return an_err(err, AN_EBADINPUT, path, 0,
                      "cannot tell what kind of dictionary this is from its name (expected "
                      "actors, agents, verbs, discards, issues or .options in the name)");
    }
    if (rc >= 0 || rc == AN_EBADINPUT) d->files_loaded++;
    return rc;
}

static int load_dictset(an_dict *d, const char *path, an_error *err)
{
    an_dictfile f;
    int rc = an_dictfile_open(&f, path, err);
    if (rc < 0) return rc;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) slash[1] = '\0';
    else dir[0] = '\0';
    char *line;
    size_t len;
    int worst = 0;
    while ((rc = an_dictfile_next(&f, d, &line, &len, err)) > 0) {
        char *hash = memchr(line, '#', len);
        if (hash) len = (size_t)(hash - line);
        line = an_lex_trim(line, &len);
        if (len == 0) continue;
        line[len] = '\0';
        if (strncasecmp(line, "mode:", 5) == 0) {
            /* "mode: annalist|petrarch|tabari" chooses how the coder reads sentences. */
            const char *m = line + 5;
            while (*m == ' ' || *m == '\t') m++;
            if (!strcasecmp(m, "annalist")) d->declared_mode = AN_MODE_ANNALIST;
            else if (!strcasecmp(m, "petrarch")) d->declared_mode = AN_MODE_PETRARCH;
            else if (!strcasecmp(m, "tabari")) d->declared_mode = AN_MODE_TABARI;
            else an_dict_problem(d, path, f.line, "unknown mode \"%s\" (expected annalist, "
                                 "petrarch or tabari)", m);
            continue;
        }
        fkind kind = FK_UNKNOWN;
        int tabari = 0;
        char *colon = strchr(line, ':');
        if (colon && (kind = kind_from_label(line, (size_t)(colon - line))) != FK_UNKNOWN) {
            line = colon + 1;
            while (*line == ' ' || *line == '\t') line++;
        }
        char full[PATH_MAX];
        if (line[0] == '/') snprintf(full, sizeof full, "%s", line);
        else snprintf(full, sizeof full, "%s%s", dir, line);
        fkind named = kind_from_name(full, &tabari);
        if (kind == FK_UNKNOWN) kind = named;
        an_error ferr = {0};
        int r = load_file(d, full, kind, tabari, &ferr);
        if (r == AN_ENOTFOUND || r == AN_EIO || (r < 0 && r != AN_EBADINPUT)) {
            an_dict_problem(d, path, f.line, "%s", ferr.msg[0] ? ferr.msg : an_strerror(r));
            if (err && !worst) *err = ferr;
            worst = r;
        } else if (r == AN_EBADINPUT && !worst) {
            worst = r;
        }
    }
    an_dictfile_close(&f);
    if (rc < 0) return rc;
    if (worst == AN_EBADINPUT)
        return an_err(err, AN_EBADINPUT, path, 0, "%zu problem(s) in the dictionaries",
                      d->problems);
    return worst;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_dir(an_dict *d, const char *path, an_error *err)
{
    DIR *dir = opendir(path);
    if (!dir) return an_err(err, AN_EIO, path, 0, "cannot open directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                rc = an_err_oom(err);
                break;
            }
            names = p;
        }
        names[n] = strdup(e->d_name);
        if (!names[n]) {
            rc = an_err_oom(err);
            break;
        }
        n++;
    }
    closedir(dir);
    if (rc == 0) {
        qsort(names, n, sizeof *names, cmp_str);
        /* A .dictset in the directory says what to load and in which order. */
        for (size_t i = 0; i < n && rc == 0; i++) {
            if (!has_suffix(names[i], ".dictset")) continue;
            char full[PATH_MAX];
            snprintf(full, sizeof full, "%s/%s", path, names[i]);
            rc = load_dictset(d, full, err);
            goto done;
        }
        int worst = 0;
        for (size_t i = 0; i < n; i++) {
            char full[PATH_MAX];
            snprintf(full, sizeof full, "%s/%s", path, names[i]);
            struct stat st;
            if (stat(full, &st) < 0 || S_ISDIR(st.st_mode)) continue;
            int tabari;
            fkind k = kind_from_name(full, &tabari);
            if (k == FK_UNKNOWN) continue; /* README and other files */
            int r = load_file(d, full, k, tabari, err);
            if (r < 0 && (worst == 0 || worst == AN_EBADINPUT)) worst = r;
        }
        rc = worst;
    }
done:
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

int an_dict_load(an_dict *d, const char *path, an_error *err)
{
    if (d->finished)
        return an_err(err, AN_EUSAGE, path, 0, "dictionary already compiled; load before finish");
    struct stat st;
    if (stat(path, &st) < 0)
        return an_err(err, errno == ENOENT ? AN_ENOTFOUND : AN_EIO, path, 0, "cannot open: %s",
                      strerror(errno));
    if (S_ISDIR(st.st_mode)) return load_dir(d, path, err);
    if (has_suffix(path, ".dictset")) return load_dictset(d, path, err);
    int tabari;
    fkind k = kind_from_name(path, &tabari);
    int rc = load_file(d, path, k, tabari, err);
    if (rc == AN_EBADINPUT && (!err || !err->msg[0]))
        an_err(err, AN_EBADINPUT, path, 0, "%zu problem(s) in the dictionary", d->problems);
    return rc;
}

/* ------------------------------------------------------------------ bundled dictionaries */

static int readable(const char *p)
{
    return access(p, R_OK) == 0;
}

const char *an_dict_default_path(void)
{
    static __thread char found[PATH_MAX];
    const char *env = getenv("ANNALIST_DICT");
    if (env && *env) {
        snprintf(found, sizeof found, "%s", env);
        return found;
    }
    /* Next to the program: <exe>/../data/dict (build tree) or <exe>/../share/annalist/dict. */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        const char *rel[] = {"/../data/dict/annalist.dictset",
                             "/../share/annalist/dict/annalist.dictset",
                             "/data/dict/annalist.dictset"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(found, sizeof found, "%s%s", exe, rel[i]);
            if (readable(found)) return found;
        }
    }
#ifdef AN_DATADIR
    snprintf(found, sizeof found, "%s/dict/annalist.dictset", AN_DATADIR);
    if (readable(found)) return found;
#endif
#ifdef AN_SOURCE_DATADIR
    snprintf(found, sizeof found, "%s/dict/annalist.dictset", AN_SOURCE_DATADIR);
    if (readable(found)) return found;
#endif
    return NULL;
}

int an_dict_load_default(an_dict *d, an_error *err)
{
    const char *p = an_dict_default_path();
    if (!p)
        return an_err(err, AN_ENOTFOUND, NULL, 0,
                      "bundled dictionaries not found (set ANNALIST_DICT or use --dict)");
    return an_dict_load(d, p, err);
}
