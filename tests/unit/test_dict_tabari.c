/* test_dict_tabari.c - unit tests for the TABARI dictionary loaders (src/dict/tabari_*.c,
 * options.c, synsets.c, pattern.c): the shared TABARI files (the CAMEO master verbs and
 * options, the validation suite's actors, agents, verbs and options) load with counts worked
 * out from the raw files, and each feature is checked on small files written by the test:
 * dated codes and synonyms, nouns and adjectives, agents, verb roots, forms, patterns,
 * synsets and the <TIME> section, options, comments, and malformed lines (each reported as
 * file:line with what was expected, the rest of the file still loaded). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annalist.h"
#include "dict/dict.h"
#include "util/date.h"

#define CAMEO AN_TEST_SHARED_DATA "/dictionaries/tabari-cameo/"
#define VALID AN_TEST_SHARED_DATA "/tabari-validation/raw/"

/* ------------------------------------------------------------------ helpers */

#define LOG_MAX 256

typedef struct diag_log {
    int problems, warnings, n;
    unsigned long line[LOG_MAX];
    int code[LOG_MAX];
    char file[LOG_MAX][300];
    char msg[LOG_MAX][600];
} diag_log;

static void on_diag(void *ud, const an_error *e)
{
    diag_log *l = ud;
    if (e->code) l->problems++;
    else l->warnings++;
    if (l->n < LOG_MAX) {
        l->line[l->n] = e->line;
        l->code[l->n] = e->code;
        snprintf(l->file[l->n], sizeof l->file[0], "%s", e->file);
        snprintf(l->msg[l->n], sizeof l->msg[0], "%s", e->msg);
        l->n++;
    }
}

static void print_log(const diag_log *l)
{
    for (int i = 0; i < l->n; i++)
        print_message("  %s %s:%lu: %s\n", l->code[i] ? "problem" : "warning", l->file[i],
                      l->line[i], l->msg[i]);
}

/* 1 when the log holds a problem (want_problem) or a warning in file at line whose message
 * contains text. */
static int logged(const diag_log *l, int want_problem, const char *file, unsigned long line,
                  const char *text)
{
    for (int i = 0; i < l->n; i++)
        if ((l->code[i] != 0) == want_problem && l->line[i] == line &&
            strcmp(l->file[i], file) == 0 && strstr(l->msg[i], text))
            return 1;
    return 0;
}

#define EXPECT_PROBLEM(log, file, line, text)                                                 \
    do {                                                                                      \
        if (!logged(log, 1, file, line, text)) {                                              \
            print_log(log);                                                                   \
            fail_msg("no problem at %s:%lu containing \"%s\"", file, (unsigned long)(line),   \
                     text);                                                                   \
        }                                                                                     \
    } while (0)

#define EXPECT_WARNING(log, file, line, text)                                                 \
    do {                                                                                      \
        if (!logged(log, 0, file, line, text)) {                                              \
            print_log(log);                                                                   \
            fail_msg("no warning at %s:%lu containing \"%s\"", file, (unsigned long)(line),   \
                     text);                                                                   \
        }                                                                                     \
    } while (0)

/* The distinct lines with problems, ascending, as "1 4 7". */
static const char *problem_lines(const diag_log *l)
{
    static char buf[1024];
    unsigned long seen[LOG_MAX];
    int n = 0;
    for (int i = 0; i < l->n; i++) {
        if (!l->code[i]) continue;
        int dup = 0;
        for (int k = 0; k < n; k++) dup |= seen[k] == l->line[i];
        if (!dup) seen[n++] = l->line[i];
    }
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && seen[k - 1] > seen[k]; k--) {
            unsigned long t = seen[k];
            seen[k] = seen[k - 1];
            seen[k - 1] = t;
        }
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && o < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%lu", i ? " " : "", seen[i]);
    return buf;
}

#define EXPECT_PROBLEM_LINES(log, want)                                                       \
    do {                                                                                      \
        if (strcmp(problem_lines(log), want) != 0) print_log(log);                            \
        assert_string_equal(problem_lines(log), want);                                        \
    } while (0)

static char tmpdir[256];
static char made[64][300];
static int nmade;

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/an_test_tabari_XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < nmade; i++) unlink(made[i]);
    nmade = 0;
    rmdir(tmpdir);
    return 0;
}

/* Writes a dictionary file named name into the test directory; returns its path. */
static const char *write_file(const char *name, const char *text, size_t len)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    int i = 0;
    while (i < nmade && strcmp(made[i], path) != 0) i++;
    if (i == nmade) {
        assert_true(nmade < 64);
        nmade++;
    }
    snprintf(made[i], sizeof made[0], "%s", path);
    FILE *f = fopen(made[i], "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return made[i];
}

static const char *write_text(const char *name, const char *text)
{
    return write_file(name, text, strlen(text));
}

static an_dict *new_dict(diag_log *log)
{
    an_dict *d = NULL;
    an_error err = {0};
    assert_int_equal(an_dict_new(&d, &err), 0);
    memset(log, 0, sizeof *log);
    an_dict_set_diag(d, on_diag, log);
    return d;
}

/* Loads path into d; the return code must agree with the problems reported for it. */
static void load_into(an_dict *d, const char *path, diag_log *log)
{
    an_error err = {0};
    int before = log->problems;
    int rc = an_dict_load(d, path, &err);
    if (rc < 0 && rc != AN_EBADINPUT) fail_msg("loading %s: %s", path, err.msg);
    if ((rc == AN_EBADINPUT) != (log->problems > before))
        fail_msg("%s: rc %d with %d new problems", path, rc, log->problems - before);
}

static an_dict *load_path(const char *path, diag_log *log)
{
    an_dict *d = new_dict(log);
    load_into(d, path, log);
    return d;
}

static an_dict *load_text(const char *name, const char *text, diag_log *log)
{
    return load_path(write_text(name, text), log);
}

static void finish(an_dict *d)
{
    an_error err = {0};
    if (an_dict_finish(d, &err) != 0) fail_msg("an_dict_finish: %s", err.msg);
}

static an_dict_stats stats_of(const an_dict *d)
{
    an_dict_stats st;
    an_dict_get_stats(d, &st);
    return st;
}

/* The words of a root as written in a dictionary: "A_B C" ('_' adjacent, ' ' gap). */
static void render(const an_dict *d, uint32_t off, uint16_t n, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (uint16_t i = 0; i < n && o < cap; i++) {
        const an_rword *w = &d->rwords.v[off + i];
        o += (size_t)snprintf(out + o, cap - o, "%s%s", an_dict_word_str(d, w->word),
                              i + 1 < n ? (w->adjacent ? "_" : " ") : "");
    }
}

/* Index of the root of kind whose words render as phrase, or -1. */
static int64_t find_root(const an_dict *d, an_rootkind kind, const char *phrase)
{
    char buf[512];
    for (size_t i = 0; i < d->roots.n; i++) {
        const an_root *r = &d->roots.v[i];
        if (r->kind != kind) continue;
        render(d, r->words, r->nwords, buf, sizeof buf);
        if (strcmp(buf, phrase) == 0) return (int64_t)i;
    }
    return -1;
}

static const an_root *must_root(const an_dict *d, an_rootkind kind, const char *phrase)
{
    int64_t r = find_root(d, kind, phrase);
    if (r < 0) fail_msg("no root \"%s\" of kind %d", phrase, (int)kind);
    return &d->roots.v[r];
}

static const an_actor *must_actor(const an_dict *d, const char *phrase)
{
    return &d->actors.v[must_root(d, AN_ROOT_ACTOR, phrase)->entry];
}

static const an_verb *verb_of(const an_dict *d, const char *form)
{
    return &d->verbs.v[must_root(d, AN_ROOT_VERB, form)->entry];
}

static const an_vblock *block_of(const an_dict *d, const char *form)
{
    return &d->blocks.v[verb_of(d, form)->block];
}

static const an_agent *agent_of(const an_dict *d, const char *phrase)
{
    return &d->agents.v[must_root(d, AN_ROOT_AGENT, phrase)->entry];
}

/* The code(s) of actor phrase on a date ("A/B"), "(none)" when nothing holds. */
static const char *code_on(const an_dict *d, const char *phrase, int y, int m, int day)
{
    static char buf[128];
    const an_datedcode *dc = an_actor_resolve(d, must_actor(d, phrase),
                                              y ? an_date_from_ymd(y, m, day) : AN_NO_DATE);
    if (!dc) return "(none)";
    size_t o = 0;
    buf[0] = '\0';
    for (uint16_t i = 0; i < dc->ncodes && o < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? "/" : "",
                              an_dict_code_str(d, d->codelist.v[dc->codes + i]));
    return buf;
}

#define CODE_ON(d, phrase, y, m, dd, want) assert_string_equal(code_on(d, phrase, y, m, dd), want)

/* An event code as written: "190", "031:032", "025?", "031!", "---", "###", "+++", "+7". */
static const char *ecode_str(const an_dict *d, an_ecode c)
{
    static char buf[64];
    if (c.flags & AN_EC_TIMESHIFT) {
        snprintf(buf, sizeof buf, "%+d", (int)c.shift);
        return buf;
    }
    snprintf(buf, sizeof buf, "%s%s%s%s%s", an_dict_code_str(d, c.a),
             c.flags & AN_EC_SUBORD_A ? "?" : c.flags & AN_EC_DOMIN_A ? "!" : "",
             c.flags & AN_EC_PAIRED ? ":" : "",
             c.flags & AN_EC_PAIRED ? an_dict_code_str(d, c.b) : "",
             c.flags & AN_EC_SUBORD_B ? "?" : c.flags & AN_EC_DOMIN_B ? "!" : "");
    return buf;
}

/* The patterns of a block, in stored order. */
static const an_pattern *pattern_at(const an_dict *d, const an_vblock *b, uint32_t i)
{
    assert_true(i < b->npatterns);
    return &d->patterns.v[b->patterns + i];
}

/* Element i of the upper (after '*') or lower part of a pattern. */
static const an_pelem *upper(const an_dict *d, const an_pattern *p, int i)
{
    assert_true(i < p->nupper);
    return &d->pelems.v[p->upper + (uint32_t)i];
}

static const an_pelem *lower(const an_dict *d, const an_pattern *p, int i)
{
    assert_true(i < p->nlower);
    return &d->pelems.v[p->lower + (uint32_t)i];
}

static const an_synset *synset_of(const an_dict *d, const char *name)
{
    int64_t s = an_dict_synset((an_dict *)d, an_dict_word((an_dict *)d, name, strlen(name)), 0);
    if (s < 0) fail_msg("no synset %s", name);
    return &d->synsets.v[s];
}

/* The member sequences of a synset rendered as "DOLLAR|SWISS_FRANC|PESO_$" in stored order
 * ('_' adjacent, ' ' gap, $ + for actors, &NAME for synsets). */
static const char *members_of(const an_dict *d, const an_synset *s)
{
    static char buf[1024];
    size_t o = 0;
    buf[0] = '\0';
    for (uint16_t m = 0; m < s->nmembers; m++) {
        const an_seq *q = &d->seqs.v[s->members + m];
        if (m && o < sizeof buf) o += (size_t)snprintf(buf + o, sizeof buf - o, "|");
        for (uint16_t i = 0; i < q->n; i++) {
            const an_pelem *e = &d->pelems.v[q->elems + i];
            const char *w = "?";
            if (e->kind == AN_PE_WORD) w = an_dict_word_str(d, e->id);
            else if (e->kind == AN_PE_SOURCE) w = "$";
            else if (e->kind == AN_PE_TARGET) w = "+";
            else if (e->kind == AN_PE_SYNSET) w = an_dict_word_str(d, d->synsets.v[e->id].name);
            if (o >= sizeof buf) break;
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", w,
                                  i + 1 < q->n ? (e->adjacent ? "_" : " ") : "");
        }
    }
    return buf;
}

/* ------------------------------------------------------------------ shared files */

/* Counts below were worked out from the raw files with a short script (lines up to the first
 * '~' line, '/' and '#' lines skipped, ';' comments cut): 1216 root lines, no {forms} lines,
 * no synsets, 15582 pattern lines of which 13 are malformed (unbalanced or mismatched braces,
 * two '*'), leaving 15569; 973 roots coded [---]; 278 distinct event codes over roots and
 * good patterns ('?'/'!' dropped, A:B split, ---/###/+++ left out). */
static const unsigned long cameo_bad_lines[] = {7990, 10190, 13706, 14146, 14916, 14917, 14918,
                                                14919, 14920, 14921, 14922, 14924, 16330};

static void test_shared_cameo_verbs(void **state)
{
    (void)state;
    const char *path = CAMEO "CAMEO.091003.master.verbs";
    diag_log log;
    an_dict *d = load_path(path, &log);
    EXPECT_PROBLEM_LINES(&log, "7990 10190 13706 14146 14916 14917 14918 14919 14920 14921 "
                               "14922 14924 16330");
    assert_int_equal(log.problems, 13);
    for (size_t i = 0; i < sizeof cameo_bad_lines / sizeof cameo_bad_lines[0]; i++)
        assert_true(logged(&log, 1, path, cameo_bad_lines[i], "pattern"));
    /* - + { WAS | WERE ] * BY_ $ AIRSTRIKE  [195] */
    EXPECT_PROBLEM(&log, path, 7990, "'{' without '}'");
    EXPECT_PROBLEM(&log, path, 10190, "two '*'");  /* - * COMMIT * AID  [033] */
    EXPECT_PROBLEM(&log, path, 13706, "unexpected '}'"); /* ... IN_ PROTEST }  [145] */
    assert_int_equal(d->verb_dialect, AN_DIALECT_TABARI);
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.files, 1);
    assert_int_equal(st.problems, 13);
    assert_int_equal(st.verbs, 1216);
    assert_int_equal(st.verb_forms, 1216);
    assert_int_equal(st.patterns, 15569);
    assert_int_equal(st.synsets, 0);
    assert_int_equal(st.time_phrases, 0);
    assert_int_equal(st.actors, 0);
    assert_int_equal(st.event_codes, 278);
    size_t null_roots = 0;
    for (size_t i = 0; i < d->verbs.n; i++) null_roots += !!(d->verbs.v[i].code.flags & AN_EC_NULL);
    assert_int_equal(null_roots, 973);
    /* Patterns per root, counted the same way: ABANDON 11, ACCEPT 39, SAID 1467, YIELD 2. */
    assert_int_equal(block_of(d, "ABANDON")->npatterns, 11);
    assert_int_equal(block_of(d, "ACCEPT")->npatterns, 39);
    assert_int_equal(block_of(d, "SAID")->npatterns, 1467);
    assert_int_equal(block_of(d, "YIELD")->npatterns, 2);
    /* The file has CRLF line ends: nothing of the '\r' is left in codes or entry texts. */
    const an_vblock *b = block_of(d, "ABANDON");
    assert_true(b->code.flags & AN_EC_NULL);
    const an_pattern *p = pattern_at(d, b, 0);
    assert_int_equal(p->src.line, 2);  /* - SAID + MUST * POLICY  [100] ;ab 10 Jul 2003 */
    assert_string_equal(ecode_str(d, p->code), "100");
    assert_null(strchr(p->src.text, '\r'));
    assert_int_equal(verb_of(d, "ABANDON")->src.line, 1);
    assert_string_equal(ecode_str(d, verb_of(d, "YIELD")->code), "080");
    assert_string_equal(ecode_str(d, verb_of(d, "ABDUCT")->code), "181");
    finish(d);
    assert_int_equal(d->mode, AN_MODE_TABARI);
    assert_int_equal(d->options.min_words, 8); /* TABARI's default with TABARI verbs */
    an_dict_free(d);
}

static void test_shared_cameo_options(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_path(CAMEO "CAMEO.09b5.options", &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(log.warnings, 0);
    /* COMPLEX: VERBS[6] ACTORS[6] EXPLAIN */
    assert_int_equal(d->options.complex_verbs, 6);
    assert_int_equal(d->options.complex_actors, 6);
    assert_int_equal(d->options.complex_conj, 0);
    assert_int_equal(d->options.complex_noactprior, 0);
    /* FORWARD: ^********^*** OFF */
    assert_int_equal(d->options.forward, 0);
    assert_non_null(strstr(d->options.forward_fmt, "^********^***"));
    assert_int_equal(d->options.code_by, AN_CODEBY_CLAUSE);
    assert_int_equal(d->options.default_source, AN_NO_ID);
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.files, 1);
    assert_int_equal(st.verbs + st.actors + st.agents + st.patterns, 0);
    an_dict_free(d);
}

/* Counts from the raw files. TABARI.Demo.actors (up to ~~FINISH): 120 head lines, 5 '+'
 * synonyms, 8 <NOUN> and 5 <ADJECTIVE> entries, 10 heads with a dated block (ALBRIGHT,
 * ALBRJGHT, ALBRKGHT_, AXNOR, ENT, GOLLUM, ONODOHER, PRINCE DOL_AMROTH, USSR, ZIMBABWE).
 * Validate.agents: 86 lines, 5 of them CODE~, 26 distinct codes. TABARI.Demo.verbs: 283 roots
 * outside <SYNSETS> and <TIME>, 6 {forms}, 407 verb and 2 <TIME> patterns, 10 time phrases,
 * 5 synsets with 10, 3, 5, 3, 2 members, 51 roots coded [---], 8 paired root codes, 129
 * distinct event codes. */
static void test_shared_validation_dictionaries(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_path(VALID "TABARI.Demo.actors", &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(d->actor_dialect, AN_DIALECT_TABARI);
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.actors, 120);
    assert_int_equal(st.actor_phrases, 125);
    assert_int_equal(st.nouns, 8);
    assert_int_equal(st.adjectives, 5);
    assert_int_equal(st.dated_actors, 10);
    /* Dates: '<' and '>' exclude the date, ranges include both ends (§2.4). */
    CODE_ON(d, "GOLLUM", 1995, 5, 31, "HOB");     /* [HOB < 950601] */
    CODE_ON(d, "GOLLUM", 1995, 6, 1, "HOBGOV");   /* [HOBGOV 950601 - 990815] */
    CODE_ON(d, "GOLLUM", 1999, 8, 15, "HOBGOV");
    CODE_ON(d, "GOLLUM", 1999, 8, 16, "(none)");  /* [HOBREB > 990816]: three dated, no default */
    CODE_ON(d, "GOLLUM", 1999, 8, 17, "HOBREB");
    CODE_ON(d, "STINKER", 1999, 8, 17, "HOBREB"); /* +STINKER */
    assert_ptr_equal(must_actor(d, "SMEAGOL"), must_actor(d, "GOLLUM"));
    CODE_ON(d, "MINAS_TIRITH", 2000, 1, 1, "GON");
    CODE_ON(d, "AXNOR", 1991, 12, 25, "AR1");     /* [AR1 <911226] [AR2] */
    CODE_ON(d, "AXNOR", 1991, 12, 26, "AR2");
    CODE_ON(d, "ALBRIGHT", 1999, 12, 1, "USAGOV"); /* [USAGOV 991201-010114] [---] */
    CODE_ON(d, "ALBRIGHT", 2001, 1, 14, "USAGOV");
    CODE_ON(d, "ALBRIGHT", 2001, 1, 15, "---");
    CODE_ON(d, "ALBRJGHT", 2001, 12, 13, "USAGOV"); /* <011214: 01 is 2001 */
    CODE_ON(d, "ENT", 1988, 12, 31, "###");
    CODE_ON(d, "ENT", 1989, 1, 1, "ENT");
    CODE_ON(d, "PRINCE DOL_AMROTH", 1995, 6, 29, "---");
    CODE_ON(d, "PRINCE DOL_AMROTH", 1995, 6, 30, "DOL");
    CODE_ON(d, "ZIMBABWE", 1979, 6, 5, "RHO");     /* code lines, the second with ';' */
    CODE_ON(d, "ZIMBABWE", 1979, 6, 6, "ZBW");
    CODE_ON(d, "THE_SHIRE", 2000, 1, 1, "FRO/BIL/SAM");
    CODE_ON(d, "LORIEN", 2000, 1, 1, "ELR/GAL");
    CODE_ON(d, "BARAD_DUR", 2000, 1, 1, "MOR");    /* BARAD-DUR */
    CODE_ON(d, "AL_GORE", 2000, 1, 1, "AGR");      /* AL_GORE and AL GORE differ */
    CODE_ON(d, "AL GORE", 2000, 1, 1, "TEN");
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "ALBRIGHZ"), -1); /* '#' lines */
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "ALBRIGHY"), -1);
    const an_root *r = must_root(d, AN_ROOT_ACTOR, "MOUSE");       /* MOUSE= */
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    r = must_root(d, AN_ROOT_ACTOR, "ESTONIA");                    /* ESTONIA_ */
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_NOUN);
    r = must_root(d, AN_ROOT_ACTOR, "ARGENTIN");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_STEM);
    assert_true(find_root(d, AN_ROOT_NOUN, "FORCES") >= 0);
    assert_true(find_root(d, AN_ROOT_ADJ, "LOVELY") >= 0);
    an_dict_free(d);

    d = load_path(VALID "Validate.agents", &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    st = stats_of(d);
    assert_int_equal(st.agents, 86);
    assert_int_equal(st.agent_phrases, 86);
    int prefix = 0;
    for (size_t i = 0; i < d->agents.n; i++) prefix += d->agents.v[i].prefix;
    assert_int_equal(prefix, 5);
    size_t distinct = 0;
    for (size_t i = 0; i < d->agents.n; i++) {
        size_t k = 0;
        while (k < i && d->agents.v[k].code != d->agents.v[i].code) k++;
        distinct += k == i;
    }
    assert_int_equal(distinct, 26);
    assert_string_equal(an_dict_code_str(d, agent_of(d, "FOREIGN_MINISTER")->code), "GOVFRM");
    assert_int_equal(agent_of(d, "HUMAN_RIGHTS_BODY")->prefix, 1);
    assert_string_equal(an_dict_code_str(d, agent_of(d, "HUMAN_RIGHTS_BODY")->code), "NGO");
    r = must_root(d, AN_ROOT_AGENT, "POLICE");                     /* POLICE_ : noun endings */
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_NOUN);
    assert_true(find_root(d, AN_ROOT_AGENT, "SEMI_OFFICIAL_NEWSPAPER") >= 0);
    an_dict_free(d);

    d = load_path(VALID "TABARI.Demo.verbs", &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    st = stats_of(d);
    assert_int_equal(st.verbs, 283);
    assert_int_equal(st.verb_forms, 289);
    assert_int_equal(st.patterns, 409);
    assert_int_equal(st.time_phrases, 10);
    assert_int_equal(st.synsets, 5);
    assert_int_equal(st.event_codes, 129);
    static const struct { const char *name; int n; } syns[] = {
        {"&CURRENCY", 10}, {"&TIETYPES", 3}, {"&NEGATVAUXVRB", 5}, {"&TIEPHRASE", 3},
        {"&TIEOPENPHRASE", 2},
    };
    for (size_t i = 0; i < sizeof syns / sizeof syns[0]; i++)
        assert_int_equal(synset_of(d, syns[i].name)->nmembers, syns[i].n);
    size_t nulls = 0, paired = 0;
    for (size_t i = 0; i < d->verbs.n; i++) {
        nulls += !!(d->verbs.v[i].code.flags & AN_EC_NULL);
        paired += !!(d->verbs.v[i].code.flags & AN_EC_PAIRED);
    }
    assert_int_equal(nulls, 51);
    assert_int_equal(paired, 8);
    assert_int_equal(block_of(d, "WITHDRAW")->npatterns, 36);
    assert_int_equal(block_of(d, "SHOULD")->npatterns, 22);
    assert_int_equal(block_of(d, "WELCOME")->npatterns, 6);
    assert_int_equal(block_of(d, "CLASH")->npatterns, 7);
    /* { ACTING_ ACTXD_ ACTUALITY } and { BROKE_ BROKEN_ BROKEN_DOWN_ } */
    assert_int_equal(verb_of(d, "ACTUALITY")->block, verb_of(d, "ACT")->block);
    assert_int_equal(verb_of(d, "BROKEN_DOWN")->block, verb_of(d, "BREAK")->block);
    assert_string_equal(ecode_str(d, verb_of(d, "BROKE")->code), "1717");
    assert_string_equal(ecode_str(d, verb_of(d, "ATTEND")->code), "031!");
    assert_string_equal(ecode_str(d, verb_of(d, "REPORT")->code), "025?");
    assert_string_equal(ecode_str(d, verb_of(d, "ARRIVE")->code), "032:033");
    assert_true(verb_of(d, "BLAST")->code.flags & AN_EC_COMPLEX);
    assert_true(verb_of(d, "SOCCER")->code.flags & AN_EC_DISCARD);
    const an_root *t = must_root(d, AN_ROOT_TIME, "LAST_WEEK");
    assert_string_equal(ecode_str(d, d->blocks.v[t->entry].code), "-7");
    t = must_root(d, AN_ROOT_TIME, "FOREVER_AND_A_DAY");           /* [- - -] */
    assert_true(d->blocks.v[t->entry].code.flags & AN_EC_NULL);
    t = must_root(d, AN_ROOT_TIME, "TOMORROW");
    assert_int_equal(d->blocks.v[t->entry].npatterns, 2);
    finish(d);
    assert_int_equal(d->options.time_shifting, 1); /* a <TIME> section was read */
    an_dict_free(d);

    d = load_path(VALID "Validate.options", &log);
    assert_int_equal(log.problems, 0);
    /* COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN */
    assert_int_equal(d->options.complex_verbs, 5);
    assert_int_equal(d->options.complex_conj, 4);
    assert_int_equal(d->options.complex_noactprior, 1);
    assert_int_equal(d->options.complex_actors, 0);
    assert_int_equal(d->options.complex_noverb, 0);
    assert_int_equal(d->options.min_words, -1); /* "//SET: MINIMUM WORDS = 5" is a comment */
    an_dict_free(d);

    /* The directory: the four dictionaries, not Validate.project or Validate.text. */
    d = load_path(VALID, &log);
    assert_int_equal(log.problems, 0);
    st = stats_of(d);
    assert_int_equal(st.files, 4);
    assert_int_equal(st.actors, 120);
    assert_int_equal(st.agents, 86);
    assert_int_equal(st.verbs, 283);
    assert_int_equal(st.patterns, 409);
    assert_int_equal(d->options.complex_verbs, 5);
    finish(d);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ actors */

static void test_actor_dated_codes(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("dates.actors",
                           "FRODO [HOBA <950601] [HOBB]\n"
                           "SAM [SAMX >20000101]\n"            /* one dated block: [---] after */
                           "PIPPIN [PIPA 300101-291231]\n"    /* 30 is 1930, 29 is 2029 */
                           "MERRY [MERA 19950101-19951231] [MERB]\n"
                           "ROSIE [ROSA 950101 - 951231] [ROSB > 960101]\n" /* blanks allowed */
                           "ENT [### <890101] [ENT]\n"
                           "ISILDUR [+++]\n"
                           "BOROMIR [---]\n"
                           "THE_SHIRE [FRO/BIL/SAM >990101] [BAG]\n",
                           &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    CODE_ON(d, "FRODO", 1995, 5, 31, "HOBA");
    CODE_ON(d, "FRODO", 1995, 6, 1, "HOBB");       /* '<' excludes the date */
    CODE_ON(d, "SAM", 2000, 1, 1, "---");          /* '>' excludes it; implicit [---] */
    CODE_ON(d, "SAM", 2000, 1, 2, "SAMX");
    CODE_ON(d, "SAM", 0, 0, 0, "---");             /* no date: the undated code */
    CODE_ON(d, "PIPPIN", 1930, 1, 1, "PIPA");
    CODE_ON(d, "PIPPIN", 2029, 12, 31, "PIPA");
    CODE_ON(d, "PIPPIN", 1929, 12, 31, "---");
    CODE_ON(d, "PIPPIN", 2030, 1, 1, "---");
    CODE_ON(d, "MERRY", 1995, 1, 1, "MERA");       /* ranges include both ends */
    CODE_ON(d, "MERRY", 1995, 12, 31, "MERA");
    CODE_ON(d, "MERRY", 1996, 1, 1, "MERB");
    CODE_ON(d, "ROSIE", 1995, 7, 1, "ROSA");
    CODE_ON(d, "ROSIE", 1996, 1, 1, "(none)");     /* two dated blocks, none holds, no default */
    CODE_ON(d, "ROSIE", 1996, 1, 2, "ROSB");
    CODE_ON(d, "ENT", 1988, 12, 31, "###");
    CODE_ON(d, "ENT", 1989, 1, 1, "ENT");
    CODE_ON(d, "ISILDUR", 2000, 1, 1, "+++");
    CODE_ON(d, "BOROMIR", 2000, 1, 1, "---");
    CODE_ON(d, "THE_SHIRE", 1999, 1, 2, "FRO/BIL/SAM");
    CODE_ON(d, "THE_SHIRE", 1999, 1, 1, "BAG");
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.actors, 9);
    assert_int_equal(st.dated_actors, 7); /* all but ISILDUR and BOROMIR */
    an_dict_free(d);
}

static void test_actor_synonyms_and_code_lines(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("synonyms.actors",
                           "GONDOR\n"                          /* 1 */
                           "+MINAS_TIRITH  \n"
                           "+ANORIEN [XXX]\n"                  /* code on '+' ignored */
                           "\t[GON]\n"
                           "\n"                                /* 5 */
                           "ROHAN [ROH]\n"
                           "+EDORAS\n"
                           "GOLLUM ; a comment\n"
                           "+SMEAGOL\n"
                           "\t[HOB < 950601]\n"                /* 10 */
                           "  [HOBGOV 950601 - 990815]\n"      /* any line starting '[' */
                           "\t[HOBREB > 990816]\n"
                           "\t\n"
                           "ROHAN [DUP]\n"                     /* 14: duplicate, first wins */
                           "ARNOR [ARN]\n",
                           &log);
    if (log.problems) print_log(&log);
    assert_int_equal(log.problems, 0);
    EXPECT_WARNING(&log, made[nmade - 1], 14, "duplicate phrase \"ROHAN\"");
    CODE_ON(d, "GONDOR", 2000, 1, 1, "GON");
    CODE_ON(d, "MINAS_TIRITH", 2000, 1, 1, "GON");
    CODE_ON(d, "ANORIEN", 2000, 1, 1, "GON");
    assert_ptr_equal(must_actor(d, "ANORIEN"), must_actor(d, "GONDOR"));
    assert_int_equal(must_actor(d, "ANORIEN")->head,
                     (uint32_t)find_root(d, AN_ROOT_ACTOR, "GONDOR"));
    CODE_ON(d, "EDORAS", 2000, 1, 1, "ROH");
    CODE_ON(d, "ROHAN", 2000, 1, 1, "ROH");
    CODE_ON(d, "SMEAGOL", 1995, 5, 31, "HOB");
    CODE_ON(d, "SMEAGOL", 1999, 8, 15, "HOBGOV");
    CODE_ON(d, "SMEAGOL", 1999, 8, 17, "HOBREB");
    CODE_ON(d, "ARNOR", 2000, 1, 1, "ARN");
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "XXX"), -1);
    for (size_t i = 0; i < d->codes.count; i++)
        assert_string_not_equal(an_dict_code_str(d, (uint32_t)i), "XXX");
    const an_root *r = must_root(d, AN_ROOT_ACTOR, "MINAS_TIRITH");
    assert_int_equal(r->src.line, 2);
    /* 4 heads and 4 synonyms; the duplicate head adds no phrase. */
    assert_int_equal(stats_of(d).actor_phrases, 8);
    an_dict_free(d);
}

static void test_actor_nouns_adjectives_connectors(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("sections.actors",
                           "<NOUN>\n"
                           "BEES   ;pas\n"
                           "FORCES_\n"
                           "POLITICAL_SCIENTISTS\n"
                           "</NOUN>\n"
                           "<ADJECTIVE>\n"
                           "AWFUL\n"
                           "GOOD\n"
                           "</ADJECTIVE>\n"
                           "BARAD-DUR [MOR]\n"
                           "MOUSE= [MUS]\n"
                           "ESTONIA_ [EST]\n"
                           "PRINCE DOL_AMROTH [DOL]\n"
                           "ITHILEN_ TELEVISION [ITHTV]\n"
                           "GREY~_HAVENS [GRH]\n"
                           "<adj>\n"                          /* any tag starting <ADJ */
                           "LOVELY\n"
                           "</adj>\n"
                           "U.N. [UNO]\n",
                           &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.nouns, 3);
    assert_int_equal(st.adjectives, 3);
    assert_int_equal(st.actors, 7);
    assert_true(find_root(d, AN_ROOT_NOUN, "BEES") >= 0);
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_NOUN, "FORCES")->words].match, AN_WM_NOUN);
    assert_true(find_root(d, AN_ROOT_NOUN, "POLITICAL_SCIENTISTS") >= 0);
    assert_true(find_root(d, AN_ROOT_ADJ, "LOVELY") >= 0);
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "GOOD"), -1);
    /* '-' is '_'. */
    const an_root *r = must_root(d, AN_ROOT_ACTOR, "BARAD_DUR");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[r->words].adjacent, 1);
    assert_int_equal(d->rwords.v[r->words + 1].match, AN_WM_STEM);
    /* '=' exact, no endings; last '_' exact with noun endings. */
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_ACTOR, "MOUSE")->words].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_ACTOR, "ESTONIA")->words].match,
                     AN_WM_NOUN);
    /* "A B": A a stem, gap allowed; "A_B": exact and adjacent. */
    r = must_root(d, AN_ROOT_ACTOR, "PRINCE DOL_AMROTH");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_STEM);
    assert_int_equal(d->rwords.v[r->words].adjacent, 0);
    assert_int_equal(d->rwords.v[r->words + 1].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[r->words + 1].adjacent, 1);
    /* Roots read "_ " and "~_" the other way round from patterns (§2.2 quirk). */
    r = must_root(d, AN_ROOT_ACTOR, "ITHILEN_TELEVISION");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_STEM);
    r = must_root(d, AN_ROOT_ACTOR, "GREY HAVENS");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    CODE_ON(d, "U.N.", 0, 0, 0, "UNO");
    an_dict_free(d);
}

static void test_actor_comments(void **state)
{
    (void)state;
    static const char text[] =
        "# a comment [HID]\r\n"             /* 1 */
        "/ another comment\r\n"
        "// and another\r\n"
        "\r\n"
        "   \t \r\n"                        /* 5 */
        "ROHAN [ROH] ; comment [NOT]\r\n"
        "EDORAS [EDO];comment\r\n"
        ";   only a comment\r\n"
        "BREE\r\n"                          /* 9 */
        "#\t[BRX]\r\n"                      /* commented-out code line */
        "\t[950601-990815]\r\n"             /* 11: malformed, to check the numbering */
        "\t[BRE]\r\n"
        "~~FINISH 16:47 CDT Thu 05 May 2005\r\n"
        "AFTER_THE_END [AFT]\r\n"
        "[ORPHAN]\r\n";
    diag_log log;
    an_dict *d = load_path(write_file("comments.actors", text, sizeof text - 1), &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "11");
    EXPECT_PROBLEM(&log, path, 11, "code block [950601-990815] has no actor code");
    CODE_ON(d, "ROHAN", 0, 0, 0, "ROH");
    CODE_ON(d, "EDORAS", 0, 0, 0, "EDO");
    CODE_ON(d, "BREE", 0, 0, 0, "BRE");
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "A"), -1);
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "AFTER_THE_END"), -1);
    assert_int_equal(stats_of(d).actors, 3);
    assert_int_equal(stats_of(d).actor_phrases, 3);
    for (size_t i = 0; i < d->codes.count; i++) {
        const char *c = an_dict_code_str(d, (uint32_t)i);
        assert_true(strcmp(c, "HID") && strcmp(c, "NOT") && strcmp(c, "BRX") && strcmp(c, "AFT"));
    }
    assert_int_equal(must_root(d, AN_ROOT_ACTOR, "BREE")->src.line, 9);
    an_dict_free(d);
}

/* Every malformed line: a problem naming the file, its line and what was expected; the good
 * lines after it load. */
static void test_actor_malformed(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("malformed.actors",
                           "[ORPHAN]\n"                        /* 1 */
                           "+LONELY\n"                         /* 2 */
                           "GOODA [GA]\n"
                           "UNCLOSED [UNC\n"                   /* 4 */
                           "GOODB [GB]\n"
                           "\t[EXTRA]\n"                       /* 6 */
                           "ERECH [ERE 19990101]\n"            /* 7 */
                           "GOODC [GC]\n"
                           "MORIA [MOR 2004017-20061201]\n"    /* 9 */
                           "KHAZAD [KHA <991340]\n"            /* 10 */
                           "BACKWARDS [BCK 990101-980101]\n"   /* 11 */
                           "NOACTORCODE\n"                     /* 12 */
                           "\t[950601-990815]\n"               /* 13 */
                           "EMPTYCODES [A//B]\n"               /* 14 */
                           "X [XX]\n"                          /* 15 */
                           "<BOGUS>\n"                         /* 16 */
                           "GOODD [GD]\n"
                           "+GOODDSYN\n"
                           "NOCODEATALL\n"                     /* 19 */
                           "+ITS_SYNONYM\n"
                           "GOODE [GE]\n"
                           "LEAPY [LPY 010229-010301]\n"       /* 22: 2001 is not a leap year */
                           "LEAPT [LPT 000229-000301]\n"       /* 2000 is */
                           "HEADLESS\n",                       /* 24: no code before the end */
                           &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "1 2 4 6 7 9 10 11 12 13 14 15 16 19 22 24");
    EXPECT_PROBLEM(&log, path, 1, "code line without an actor before it");
    EXPECT_PROBLEM(&log, path, 2, "synonym without an actor before it");
    EXPECT_PROBLEM(&log, path, 4, "'[' without ']'");
    EXPECT_PROBLEM(&log, path, 4, "actor has no code");
    EXPECT_PROBLEM(&log, path, 6, "already has a code on its head line");
    EXPECT_PROBLEM(&log, path, 7, "expected <date, >date or date-date");
    EXPECT_PROBLEM(&log, path, 9, "expected yymmdd-yymmdd");
    EXPECT_PROBLEM(&log, path, 10, "expected yymmdd or yyyymmdd");
    EXPECT_PROBLEM(&log, path, 11, "ends before it starts");
    EXPECT_PROBLEM(&log, path, 12, "actor has no code");
    EXPECT_PROBLEM(&log, path, 13, "code block [950601-990815] has no actor code");
    EXPECT_PROBLEM(&log, path, 14, "empty code in [A//B]");
    EXPECT_PROBLEM(&log, path, 15, "shorter than 2 characters");
    EXPECT_PROBLEM(&log, path, 16, "unknown section tag <BOGUS>");
    EXPECT_PROBLEM(&log, path, 19, "actor has no code");
    EXPECT_PROBLEM(&log, path, 22, "bad date range \"010229-010301\"");
    EXPECT_PROBLEM(&log, path, 24, "actor has no code");
    /* The good lines loaded, with their own codes. */
    CODE_ON(d, "GOODA", 0, 0, 0, "GA");
    CODE_ON(d, "GOODB", 0, 0, 0, "GB");      /* [EXTRA] not added */
    CODE_ON(d, "GOODC", 0, 0, 0, "GC");
    CODE_ON(d, "GOODD", 0, 0, 0, "GD");
    CODE_ON(d, "GOODDSYN", 0, 0, 0, "GD");
    CODE_ON(d, "GOODE", 0, 0, 0, "GE");
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "LONELY"), -1);
    CODE_ON(d, "ITS_SYNONYM", 2000, 1, 1, "(none)"); /* shares its head's (missing) code */
    CODE_ON(d, "LEAPT", 2000, 2, 29, "LPT");
    CODE_ON(d, "LEAPT", 2000, 2, 28, "---");
    an_dict_free(d);
}

/* ------------------------------------------------------------------ agents */

static void test_agents(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("test.agents",
                           "// agents for the test\n"
                           "# and a comment [~XXX]\n"
                           "POLICE_ [~COP] ; trailing comment\n"
                           "HUMAN_RIGHTS_BODY_ [ NGO~ ]\n"
                           "GOVERNMENT   [  ~GOV]\n"
                           "SEMI-OFFICIAL_NEWSPAPER_ [~MED]\n"
                           "FOREIGN_MINISTER_ [~GOVFRM]\n"
                           "\n"
                           "POLICE_ [~DUP]\n"                  /* 9: duplicate, first wins */
                           "~~FINISH\n"
                           "AFTER_END_ [~AFT]\n",
                           &log);
    const char *path = made[nmade - 1];
    if (log.problems) print_log(&log);
    assert_int_equal(log.problems, 0);
    EXPECT_WARNING(&log, path, 9, "duplicate phrase \"POLICE_\"");
    assert_int_equal(stats_of(d).agent_phrases, 5);
    const an_agent *a = agent_of(d, "POLICE");
    assert_string_equal(an_dict_code_str(d, a->code), "COP");
    assert_int_equal(a->prefix, 0);
    a = agent_of(d, "HUMAN_RIGHTS_BODY");
    assert_string_equal(an_dict_code_str(d, a->code), "NGO");
    assert_int_equal(a->prefix, 1);
    assert_string_equal(an_dict_code_str(d, agent_of(d, "GOVERNMENT")->code), "GOV");
    assert_string_equal(an_dict_code_str(d, agent_of(d, "SEMI_OFFICIAL_NEWSPAPER")->code), "MED");
    /* Agents are roots with noun endings: a final '_' word takes S/'S/ES, a plain one is a
     * stem. */
    const an_root *r = must_root(d, AN_ROOT_AGENT, "FOREIGN_MINISTER");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[r->words].adjacent, 1);
    assert_int_equal(d->rwords.v[r->words + 1].match, AN_WM_NOUN);
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_AGENT, "GOVERNMENT")->words].match,
                     AN_WM_STEM);
    assert_int_equal(r->src.line, 7);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "AFTER_END"), -1);
    for (size_t i = 0; i < d->codes.count; i++) {
        const char *c = an_dict_code_str(d, (uint32_t)i);
        assert_true(strcmp(c, "XXX") && strcmp(c, "AFT"));
    }
    an_dict_free(d);
}

static void test_agents_malformed(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("malformed.agents",
                           "NOCODE\n"                          /* 1 */
                           "NOTILDE [GOV]\n"                   /* 2 */
                           "GOODA_ [~GA]\n"
                           "EMPTY [~]\n"                       /* 4 */
                           "UNCLOSED [~MIL\n"                  /* 5 */
                           "GOODB_ [GB~]\n"
                           " [~GOV]\n"                         /* 7 */
                           "X [~GOV]\n"                        /* 8 */
                           "NOCODE_EITHER ; [~COMMENTED]\n"    /* 9 */
                           "GOODC [~GC]\n",
                           &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "1 2 4 5 7 8 9");
    EXPECT_PROBLEM(&log, path, 1, "agent \"NOCODE\" has no [~CODE]");
    EXPECT_PROBLEM(&log, path, 2, "needs a '~' (~CODE or CODE~)");
    EXPECT_PROBLEM(&log, path, 4, "empty agent code");
    EXPECT_PROBLEM(&log, path, 5, "has no [~CODE]");
    EXPECT_PROBLEM(&log, path, 7, "shorter than 2 characters");
    EXPECT_PROBLEM(&log, path, 8, "shorter than 2 characters");
    EXPECT_PROBLEM(&log, path, 9, "has no [~CODE]");
    assert_string_equal(an_dict_code_str(d, agent_of(d, "GOODA")->code), "GA");
    assert_string_equal(an_dict_code_str(d, agent_of(d, "GOODB")->code), "GB");
    assert_int_equal(agent_of(d, "GOODB")->prefix, 1);
    assert_string_equal(an_dict_code_str(d, agent_of(d, "GOODC")->code), "GC");
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "NOTILDE"), -1);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "UNCLOSED"), -1);
    assert_int_equal(stats_of(d).agent_phrases, 3);
    /* Not asserted: stats.agents, which also counts the two entries of lines 7 and 8 whose
     * phrases were rejected (see the report of this test's author). */
    an_dict_free(d);
}

/* ------------------------------------------------------------------ verbs */

static const char roots_verbs[] =
    "ATTACK [190] ;jw\n"                                 /* 1 */
    "- * WITH ROCKETS [195]\n"
    "- $ ARMY_* + [196]\n"
    "- + WAS * BY $ [197]\n"
    "- % HAVE * [198]\n"                                 /* 5 */
    "- * AT ^ + [199]\n"
    "- @ SAID * [200]\n"
    "- *_TALKS [---]\n"
    "- * { GENEVA | INTERNATIONAL_ }_CONVENTIONS [151]\n"
    "- IN_ * [075]\n"                                    /* 10 */
    "- RECENT~_* [025]\n"
    "- ANTI- + * [111]\n"
    "BREAK_ [1717]\n"
    "{ BROKE_ BROKEN_ BROKEN_DOWN_ }\n"
    "- * OFF_ [195]\n"                                   /* 15 */
    "MEET [031:031]\n"
    "REPORT [025?]\n"
    "ATTEND [031!]\n"
    "ACCORD [---]\n"
    "BLAST [+++]\n"                                      /* 20 */
    "SOCCER [###]\n"
    "ban= [191]\n"                                       /* lower case is upper-cased */
    "CALLED_ON [094]\n"
    "BURN DOWN [222]\n"
    "- * VILLAGE [###]\n";                               /* 25 */

static void test_verbs_roots_forms_patterns(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("roots.verbs", roots_verbs, &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(d->verb_dialect, AN_DIALECT_TABARI);
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.verbs, 11);
    assert_int_equal(st.verb_forms, 14);
    assert_int_equal(st.patterns, 13);
    assert_int_equal(d->blocks.n, 11);
    /* Codes. */
    assert_string_equal(ecode_str(d, verb_of(d, "ATTACK")->code), "190");
    assert_string_equal(ecode_str(d, verb_of(d, "MEET")->code), "031:031");
    assert_string_equal(ecode_str(d, verb_of(d, "REPORT")->code), "025?");
    assert_string_equal(ecode_str(d, verb_of(d, "ATTEND")->code), "031!");
    assert_true(verb_of(d, "ACCORD")->code.flags & AN_EC_NULL);
    assert_true(verb_of(d, "BLAST")->code.flags & AN_EC_COMPLEX);
    assert_true(verb_of(d, "SOCCER")->code.flags & AN_EC_DISCARD);
    /* Forms share the root's entry, code and patterns. */
    assert_ptr_equal(verb_of(d, "BROKEN_DOWN"), verb_of(d, "BREAK"));
    assert_ptr_equal(verb_of(d, "BROKE"), verb_of(d, "BREAK"));
    assert_int_equal(block_of(d, "BROKEN")->npatterns, 1);
    assert_int_equal(must_root(d, AN_ROOT_VERB, "BROKE")->src.line, 14);
    /* Root words: verb endings on a final '_', '=' none, a plain word a stem. */
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_VERB, "BREAK")->words].match, AN_WM_VERB);
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_VERB, "BAN")->words].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[must_root(d, AN_ROOT_VERB, "ATTACK")->words].match, AN_WM_STEM);
    const an_root *r = must_root(d, AN_ROOT_VERB, "CALLED_ON");
    assert_int_equal(r->nwords, 2);
    assert_int_equal(d->rwords.v[r->words].adjacent, 1);
    r = must_root(d, AN_ROOT_VERB, "BURN DOWN");
    assert_int_equal(d->rwords.v[r->words].adjacent, 0);
    assert_int_equal(block_of(d, "BURN DOWN")->npatterns, 1);
    assert_true(pattern_at(d, block_of(d, "BURN DOWN"), 0)->code.flags & AN_EC_DISCARD);

    /* ATTACK's patterns, in file order before an_dict_finish sorts them. */
    const an_vblock *b = block_of(d, "ATTACK");
    assert_int_equal(b->npatterns, 11);
    for (uint32_t i = 0; i < b->npatterns; i++)
        assert_int_equal(pattern_at(d, b, i)->src.line, 2 + i);
    /* - * WITH ROCKETS [195]: words after '*', each a stem, not adjacent. */
    const an_pattern *p = pattern_at(d, b, 0);
    assert_string_equal(ecode_str(d, p->code), "195");
    assert_int_equal(p->nlower, 0);
    assert_int_equal(p->nupper, 2);
    assert_int_equal(upper(d, p, 0)->kind, AN_PE_WORD);
    assert_string_equal(an_dict_word_str(d, upper(d, p, 0)->id), "WITH");
    assert_int_equal(upper(d, p, 0)->match, AN_WM_STEM);
    assert_int_equal(upper(d, p, 0)->adjacent, 0);
    assert_int_equal(p->upper_adjacent, 0);
    /* - $ ARMY_* + [196]: source, a word adjacent to the verb, target. */
    p = pattern_at(d, b, 1);
    assert_int_equal(p->nlower, 2);
    assert_int_equal(lower(d, p, 0)->kind, AN_PE_SOURCE);
    assert_int_equal(lower(d, p, 1)->kind, AN_PE_WORD);
    assert_int_equal(lower(d, p, 1)->match, AN_WM_EXACT);
    assert_int_equal(p->lower_adjacent, 1);
    assert_int_equal(upper(d, p, 0)->kind, AN_PE_TARGET);
    /* - + WAS * BY $, - % HAVE *, - * AT ^ +, - @ SAID * */
    assert_int_equal(lower(d, pattern_at(d, b, 2), 0)->kind, AN_PE_TARGET);
    assert_int_equal(upper(d, pattern_at(d, b, 2), 1)->kind, AN_PE_SOURCE);
    assert_int_equal(lower(d, pattern_at(d, b, 3), 0)->kind, AN_PE_COMPOUND);
    assert_int_equal(upper(d, pattern_at(d, b, 4), 1)->kind, AN_PE_SKIP);
    assert_int_equal(lower(d, pattern_at(d, b, 5), 0)->kind, AN_PE_ATTRIB);
    /* - *_TALKS [---] */
    p = pattern_at(d, b, 6);
    assert_int_equal(p->upper_adjacent, 1);
    assert_true(p->code.flags & AN_EC_NULL);
    /* - * { GENEVA | INTERNATIONAL_ }_CONVENTIONS [151] */
    p = pattern_at(d, b, 7);
    assert_int_equal(p->has_alts, 1);
    assert_int_equal(p->nupper, 2);
    assert_int_equal(upper(d, p, 0)->kind, AN_PE_ALT);
    assert_int_equal(upper(d, p, 0)->adjacent, 1); /* }_ */
    const an_altgroup *g = &d->altgroups.v[upper(d, p, 0)->id];
    assert_int_equal(g->nalts, 2);
    const an_pelem *alt1 = &d->pelems.v[d->alts.v[g->alts + 1].elems];
    assert_string_equal(an_dict_word_str(d, alt1->id), "INTERNATIONAL");
    assert_int_equal(alt1->match, AN_WM_EXACT);
    /* IN_ * : IN exact but not adjacent (§2.2); RECENT~_* : a stem, adjacent. */
    p = pattern_at(d, b, 8);
    assert_int_equal(lower(d, p, 0)->match, AN_WM_EXACT);
    assert_int_equal(p->lower_adjacent, 0);
    p = pattern_at(d, b, 9);
    assert_int_equal(lower(d, p, 0)->match, AN_WM_STEM);
    assert_int_equal(p->lower_adjacent, 1);
    /* - ANTI- + * : "ANTI_ + *" (every '-' but the first is '_'): exact, a gap allowed. */
    p = pattern_at(d, b, 10);
    assert_int_equal(p->nlower, 2);
    assert_string_equal(an_dict_word_str(d, lower(d, p, 0)->id), "ANTI");
    assert_int_equal(lower(d, p, 0)->match, AN_WM_EXACT);
    assert_int_equal(lower(d, p, 0)->adjacent, 0);
    assert_int_equal(lower(d, p, 1)->kind, AN_PE_TARGET);
    finish(d);
    an_dict_free(d);
}

/* Pattern lengths and the order TABARI tries patterns in (§2.7). */
static void test_verbs_pattern_order(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("order.verbs",
                           "WARN [160]\n"
                           "- * AT ^ + [162]\n"                /* 2: length 2 */
                           "- + * TO THE NEXT DAY $ [161]\n"   /* 3: 12 (the manual's example) */
                           "- * THEIR MEETINGS [163]\n"        /* 4: 13 (the manual's example) */
                           "- * { A | BB_CC } DD [164]\n"      /* 5: fixed 2, alternatives 5 */
                           "- * TO_BE [165]\n",                /* 6: 5 ('_' counts) */
                           &log);
    assert_int_equal(log.problems, 0);
    const an_vblock *b = block_of(d, "WARN");
    assert_int_equal(pattern_at(d, b, 0)->length, 2);
    assert_int_equal(pattern_at(d, b, 1)->length, 12);
    assert_int_equal(pattern_at(d, b, 2)->length, 13);
    const an_pattern *p = pattern_at(d, b, 3);
    assert_int_equal(p->fixed_length, 2);
    assert_int_equal(p->alt_length, 5);
    assert_int_equal(p->length, 7);
    assert_int_equal(pattern_at(d, b, 4)->length, 5);
    finish(d);
    /* Longest first; a new pattern goes after the leading ones whose length is at least its
     * fixed length, so the pattern with alternatives (fixed 2) lands after the length-2 one,
     * and TO_BE (5) is put after 13 and 12 but before 2. */
    static const uint32_t want[] = {4, 3, 6, 2, 5};
    for (uint32_t i = 0; i < 5; i++) assert_int_equal(pattern_at(d, b, i)->src.line, want[i]);
    an_dict_free(d);
}

static const char synset_verbs[] =
    "<SYNSETS>\n"                                        /* 1 */
    "&CURRENCY \n"
    "+DOLLAR\n"
    "+SWISS_FRANC\n"
    "+GOLDEN_GOBLIN_GALLEONS\n"                          /* 5 */
    "+KRONER_\n"
    "+PESO_$\n"
    "&TIETYPES\n"
    "+MILITARY\n"
    "+ECONOMIC\n"                                        /* 10 */
    "&TIEPHRASE\n"
    "+&TIETYPES_MEMOS\n"
    "+MEMOS_ON_&TIETYPES\n"
    "</SYNSETS>\n"
    "CONTRIBUTE [070]\n"                                 /* 15 */
    "- * &CURRENCY [071]\n"
    "- * NEW_&TIETYPES_RELATIONS [072]\n"
    "&INLINE\n"                                          /* a synset between roots */
    "+ALPHA\n"
    "+BETA GAMMA\n"                                      /* 20 */
    "WELCOME [041]\n"
    "- * &INLINE [042]\n"
    "- * &TIEPHRASE [043]\n"
    "- INCHING { &TIETYPES | CLOSER } * [083]\n";

static void test_verbs_synsets(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("synsets.verbs", synset_verbs, &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.synsets, 4);
    assert_int_equal(st.verbs, 2);
    assert_int_equal(st.patterns, 5);
    /* Members longest first (letters counted), written order among equals. */
    const an_synset *cur = synset_of(d, "&CURRENCY");
    assert_int_equal(cur->nmembers, 5);
    assert_string_equal(members_of(d, cur),
                        "GOLDEN_GOBLIN_GALLEONS|SWISS_FRANC|DOLLAR|KRONER|PESO_$");
    /* A member's last word is a stem unless it ends in '_'. */
    const an_seq *m = &d->seqs.v[cur->members + 2];
    assert_int_equal(d->pelems.v[m->elems].match, AN_WM_STEM);   /* DOLLAR */
    m = &d->seqs.v[cur->members + 3];
    assert_int_equal(d->pelems.v[m->elems].match, AN_WM_EXACT);  /* KRONER_ */
    m = &d->seqs.v[cur->members + 1];
    assert_int_equal(d->pelems.v[m->elems].match, AN_WM_EXACT);  /* SWISS_ */
    assert_int_equal(d->pelems.v[m->elems + 1].match, AN_WM_STEM); /* FRANC */
    assert_string_equal(members_of(d, synset_of(d, "&TIETYPES")), "MILITARY|ECONOMIC");
    assert_string_equal(members_of(d, synset_of(d, "&TIEPHRASE")),
                        "MEMOS_ON_&TIETYPES|&TIETYPES_MEMOS");
    assert_string_equal(members_of(d, synset_of(d, "&INLINE")), "BETA GAMMA|ALPHA");
    /* Patterns refer to the synsets. */
    const an_vblock *b = block_of(d, "CONTRIBUTE");
    assert_int_equal(b->npatterns, 2);
    const an_pattern *p = pattern_at(d, b, 0);
    assert_int_equal(upper(d, p, 0)->kind, AN_PE_SYNSET);
    assert_ptr_equal(&d->synsets.v[upper(d, p, 0)->id], cur);
    p = pattern_at(d, b, 1);
    assert_int_equal(p->nupper, 3);
    assert_int_equal(upper(d, p, 1)->kind, AN_PE_SYNSET);
    assert_int_equal(upper(d, p, 1)->adjacent, 1);
    b = block_of(d, "WELCOME");
    assert_int_equal(b->npatterns, 3);
    assert_ptr_equal(&d->synsets.v[upper(d, pattern_at(d, b, 0), 0)->id],
                     synset_of(d, "&INLINE"));
    p = pattern_at(d, b, 2);
    assert_int_equal(lower(d, p, 1)->kind, AN_PE_ALT);
    const an_altgroup *g = &d->altgroups.v[lower(d, p, 1)->id];
    assert_int_equal(d->pelems.v[d->alts.v[g->alts].elems].kind, AN_PE_SYNSET);
    finish(d);
    an_dict_free(d);
}

static void test_verbs_synsets_malformed(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("badsynsets.verbs",
                           "<SYNSETS>\n"                       /* 1 */
                           "+ORPHAN\n"                         /* 2: before any &NAME */
                           "&WEAPON\n"
                           "+GUN\n"
                           "NOT_A_MEMBER\n"                    /* 5 */
                           "+{ A | B }\n"                      /* 6 */
                           "+* X\n"                            /* 7 */
                           "+\n"                               /* 8 */
                           "+&WEAPON_STORE\n"                  /* 9: itself */
                           "+&NOWHERE\n"                       /* 10: not defined */
                           "+RIFLE\n"
                           "&WEAPON\n"                         /* 12: defined again */
                           "</SYNSETS>\n"
                           "ATTACK [190]\n"
                           "- * WITH &WEAPON [191]\n"          /* 15 */
                           "- * WITH &UNDEFINED [192]\n"       /* 16 */
                           "- * WITH &LATER [193]\n"           /* 17: defined below */
                           "&LATER\n"
                           "+MORTAR\n"
                           "SHELL [195]\n"
                           "- * &LATER [196]\n",
                           &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "2 5 6 7 8 9 10 16 17");
    EXPECT_PROBLEM(&log, path, 2, "synset member without &NAME");
    EXPECT_PROBLEM(&log, path, 5, "expected &NAME or +member");
    EXPECT_PROBLEM(&log, path, 6, "cannot hold '{'");
    EXPECT_PROBLEM(&log, path, 7, "cannot hold '*'");
    EXPECT_PROBLEM(&log, path, 8, "empty synset member");
    EXPECT_PROBLEM(&log, path, 9, "cannot be a member of itself");
    EXPECT_PROBLEM(&log, path, 10, "&NOWHERE is used before it is defined");
    EXPECT_PROBLEM(&log, path, 16, "&UNDEFINED is used before it is defined");
    EXPECT_PROBLEM(&log, path, 17, "&LATER is used before it is defined");
    EXPECT_WARNING(&log, path, 12, "defined again");
    /* The first definition is kept, with its good members. */
    assert_string_equal(members_of(d, synset_of(d, "&WEAPON")), "RIFLE|GUN");
    assert_string_equal(members_of(d, synset_of(d, "&LATER")), "MORTAR");
    assert_int_equal(block_of(d, "ATTACK")->npatterns, 1);
    assert_int_equal(pattern_at(d, block_of(d, "ATTACK"), 0)->src.line, 15);
    assert_int_equal(block_of(d, "SHELL")->npatterns, 1);
    finish(d);
    an_dict_free(d);

    /* The members of a synset defined again go with the (warned-about) redefinition: they
     * are no problem of their own, and not verb roots outside <SYNSETS>. */
    d = load_text("redefined.verbs",
                  "<SYNSETS>\n&ARMS\n+RIFLE\n&ARMS\n+CANNON\n</SYNSETS>\n"   /* 4, 5 */
                  "&TOOLS\n+HAMMER\n&TOOLS\n+SAW\nSHELL [195]\n",             /* 9, 10 */
                  &log);
    EXPECT_WARNING(&log, made[nmade - 1], 4, "defined again");
    EXPECT_WARNING(&log, made[nmade - 1], 9, "defined again");
    assert_string_equal(members_of(d, synset_of(d, "&ARMS")), "RIFLE");
    assert_string_equal(members_of(d, synset_of(d, "&TOOLS")), "HAMMER");
    if (log.problems) print_log(&log);
    assert_int_equal(log.problems, 0);
    an_dict_free(d);
}

static void test_verbs_time_section(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("time.verbs",
                           "<TIME>\n"                          /* 1 */
                           "LAST_WEEK [-7]\n"
                           "NEXT_MONTH [+30]\n"
                           "FOREVER_AND_A_DAY [- - -]\n"
                           "KAN_WA_MA_KAN [###]\n"             /* 5 */
                           "TOMORROW [+1]\n"
                           "- * AND TOMORROW AND TOMORROW [+3]\n"
                           "WHEN_PEACE_COMES [+++]\n"
                           "NEXT_YEAR [+99999]\n"              /* 9: out of range */
                           "SOMEDAY\n"                         /* 10: no code */
                           "YESTERDAY [-1]\n"
                           "</TIME>\n"
                           "SAY [023]\n"
                           "- * TOMORROW [024]\n",
                           &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "9 10");
    EXPECT_PROBLEM(&log, path, 9, "bad code [+99999]");
    EXPECT_PROBLEM(&log, path, 10, "has no [CODE]");
    an_dict_stats st = stats_of(d);
    assert_int_equal(st.time_phrases, 7);
    assert_int_equal(st.verbs, 1);
    assert_int_equal(st.patterns, 2);
    static const struct { const char *phrase, *code; } want[] = {
        {"LAST_WEEK", "-7"}, {"NEXT_MONTH", "+30"}, {"TOMORROW", "+1"}, {"YESTERDAY", "-1"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const an_root *t = must_root(d, AN_ROOT_TIME, want[i].phrase);
        assert_string_equal(ecode_str(d, d->blocks.v[t->entry].code), want[i].code);
    }
    assert_true(d->blocks.v[must_root(d, AN_ROOT_TIME, "FOREVER_AND_A_DAY")->entry].code.flags &
                AN_EC_NULL);
    assert_true(d->blocks.v[must_root(d, AN_ROOT_TIME, "KAN_WA_MA_KAN")->entry].code.flags &
                AN_EC_DISCARD);
    assert_true(d->blocks.v[must_root(d, AN_ROOT_TIME, "WHEN_PEACE_COMES")->entry].code.flags &
                AN_EC_COMPLEX);
    const an_vblock *tb = &d->blocks.v[must_root(d, AN_ROOT_TIME, "TOMORROW")->entry];
    assert_int_equal(tb->npatterns, 1);
    assert_string_equal(ecode_str(d, pattern_at(d, tb, 0)->code), "+3");
    /* After </TIME> roots are verbs again, and patterns are theirs. */
    assert_int_equal(find_root(d, AN_ROOT_TIME, "SAY"), -1);
    assert_int_equal(block_of(d, "SAY")->npatterns, 1);
    assert_string_equal(ecode_str(d, pattern_at(d, block_of(d, "SAY"), 0)->code), "024");
    finish(d);
    assert_int_equal(d->options.time_shifting, 1);
    an_dict_free(d);
}

static void test_verbs_malformed(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("malformed.verbs",
                           "- * EARLY [010]\n"                 /* 1: before any root */
                           "<BOGUS>\n"                         /* 2 */
                           "ATTACK [190]\n"
                           "- * GOODA [191]\n"
                           "- * NOCODE_HERE\n"                 /* 5 */
                           "- ONLY WORDS [192]\n"              /* 6: no '*' */
                           "- * ONE * TWO [193]\n"             /* 7 */
                           "- * UNCLOSED [194\n"               /* 8 */
                           "- * { ALPHA | BETA [195]\n"        /* 9 */
                           "- * { ALPHA | } [196]\n"           /* 10 */
                           "- * { A { B } } [197]\n"           /* 11 */
                           "- * EMPTYCODE []\n"                /* 12 */
                           "- * STRAY } [198]\n"               /* 13 */
                           "- * GOODB [199]\n"
                           "SHELL\n"                           /* 15: root without a code */
                           "BOMB [195\n"                       /* 16 */
                           "X [010]\n"                         /* 17 */
                           "DEFEAT [220]\n"
                           "STRIKE [180]\n"
                           "{ STRUCK }\n"
                           "- * GOODC [181]\n"
                           "- * GOODD [182]\n"
                           "{ LATE FORMS }\n"                  /* 23: not after a root */
                           "CLASH [190]\n"
                           "- * GOODE [191]\n",
                           &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "1 2 5 6 7 8 9 10 11 12 13 15 16 17 23");
    EXPECT_PROBLEM(&log, path, 1, "pattern before the first verb");
    EXPECT_PROBLEM(&log, path, 2, "unknown section tag <BOGUS>");
    EXPECT_PROBLEM(&log, path, 5, "pattern has no [CODE]");
    EXPECT_PROBLEM(&log, path, 6, "pattern has no '*' (the verb)");
    EXPECT_PROBLEM(&log, path, 7, "pattern has two '*'");
    EXPECT_PROBLEM(&log, path, 8, "pattern has no [CODE]");
    EXPECT_PROBLEM(&log, path, 9, "'{' without '}'");
    EXPECT_PROBLEM(&log, path, 10, "empty alternative");
    EXPECT_PROBLEM(&log, path, 11, "nested { }");
    EXPECT_PROBLEM(&log, path, 12, "bad code []");
    EXPECT_PROBLEM(&log, path, 13, "unexpected '}'");
    EXPECT_PROBLEM(&log, path, 15, "verb \"SHELL\" has no [CODE]");
    EXPECT_PROBLEM(&log, path, 16, "'[' without ']'");
    EXPECT_PROBLEM(&log, path, 17, "shorter than 2 characters");
    EXPECT_PROBLEM(&log, path, 23, "{forms} line must follow a verb root");
    /* The good lines loaded. */
    const an_vblock *b = block_of(d, "ATTACK");
    assert_int_equal(b->npatterns, 2);
    assert_int_equal(pattern_at(d, b, 0)->src.line, 4);
    assert_int_equal(pattern_at(d, b, 1)->src.line, 14);
    b = block_of(d, "STRIKE");
    assert_int_equal(b->npatterns, 2);
    assert_ptr_equal(verb_of(d, "STRUCK"), verb_of(d, "STRIKE"));
    assert_int_equal(block_of(d, "CLASH")->npatterns, 1);
    assert_int_equal(find_root(d, AN_ROOT_VERB, "SHELL"), -1);
    assert_int_equal(find_root(d, AN_ROOT_VERB, "BOMB"), -1);
    assert_int_equal(find_root(d, AN_ROOT_VERB, "LATE"), -1);
    assert_int_equal(stats_of(d).verb_forms, 5); /* ATTACK DEFEAT STRIKE STRUCK CLASH */
    finish(d);
    an_dict_free(d);

    /* A root line that is rejected: its own {forms} and patterns are not the previous root's.
     * What holds today: the root is reported and not entered. */
    static const char adopt[] = "ATTACK [190]\n"   /* 1 */
                                "- * XRAY [191]\n"
                                "SHELL\n"          /* 3: no code */
                                "- * YANKEE [192]\n"
                                "STRIKE [180]\n"   /* 5 */
                                "HIT\n"            /* 6: no code */
                                "{ HITTING }\n";
    d = load_text("adopt.verbs", adopt, &log);
    path = made[nmade - 1];
    EXPECT_PROBLEM(&log, path, 3, "verb \"SHELL\" has no [CODE]");
    EXPECT_PROBLEM(&log, path, 6, "verb \"HIT\" has no [CODE]");
    assert_int_equal(find_root(d, AN_ROOT_VERB, "SHELL"), -1);
    assert_int_equal(find_root(d, AN_ROOT_VERB, "HIT"), -1);
    /* The pattern under the rejected SHELL does not go to ATTACK, nor the {forms} under the
     * rejected HIT to STRIKE: both are reported, naming the root's line. */
    assert_int_equal(block_of(d, "ATTACK")->npatterns, 1);
    assert_int_equal(find_root(d, AN_ROOT_VERB, "HITTING"), -1);
    EXPECT_PROBLEM(&log, path, 4, "pattern of the verb on line 3");
    EXPECT_PROBLEM(&log, path, 7, "{forms} of the verb on line 6");
    an_dict_free(d);
}

/* ------------------------------------------------------------------ options */

static void test_options(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("test.options",
                           "// comment line\n"
                           "# another comment\n"
                           "   // indented comment\n"
                           "\n"
                           "SET: CODE BY SENTENCE\n"
                           "SET: MINIMUM WORDS = 5\n"
                           "set: convert agents = true\n"
                           "SET: YYYY = TRUE\n"
                           "SET: TIME SHIFTING = FALSE\n"
                           "SET: FBIS = T\n"
                           "SET: DUP WARNING = FALSE\n"
                           "COMMA: MIN=3 BMAX=5\n"
                           "COMPLEX: VERBS[4] ACTORS[7] LATEVERB[9] NOVERB NOACTAFTER\n"
                           "DEFAULT: SOURCE [USA] PRIOR TARGET [UNO] AFTER\n"
                           "FORWARD: ^^*****NNN*SSS DOC\n"
                           "NONEVENTS: TRUE\n"
                           "LABEL: 010=YIELD\n"
                           "OUTPUT: ACTOR MATCH ID\n"
                           "~~~~~\n"
                           "SET: CODE ALL\n"
                           "NOT AN OPTION\n",
                           &log);
    if (log.n) print_log(&log);
    assert_int_equal(log.problems, 0);
    const an_options *o = &d->options;
    assert_int_equal(o->code_by, AN_CODEBY_SENTENCE); /* SET: CODE ALL is after the end */
    assert_int_equal(o->min_words, 5);
    assert_int_equal(o->convert_agents, 1);
    assert_int_equal(o->yyyy, 1);
    assert_int_equal(o->time_shifting, 0);
    assert_int_equal(o->fbis, 1);
    /* COMMA changes only the values it names. */
    assert_int_equal(o->comma_min, 3);
    assert_int_equal(o->comma_bmax, 5);
    assert_int_equal(o->comma_max, 10);
    assert_int_equal(o->comma_emin, 2);
    assert_int_equal(o->comma_emax, 10);
    assert_int_equal(o->complex_verbs, 4);
    assert_int_equal(o->complex_actors, 7);
    assert_int_equal(o->complex_lateverb, 9);
    assert_int_equal(o->complex_noverb, 1);
    assert_int_equal(o->complex_noactafter, 1);
    assert_int_equal(o->complex_noactprior, 0);
    assert_int_equal(o->complex_conj, 0);
    assert_string_equal(an_dict_code_str(d, o->default_source), "USA");
    assert_string_equal(an_dict_code_str(d, o->default_target), "UNO");
    assert_int_equal(o->default_prior, 1);
    assert_int_equal(o->default_after, 1);
    assert_int_equal(o->forward, 1);
    assert_non_null(strstr(o->forward_fmt, "^^*****NNN*SSS"));
    assert_int_equal(o->nonevents, 1);
    /* Options read from the file win over the defaults an_dict_finish would pick. */
    finish(d);
    assert_int_equal(d->options.min_words, 5);
    assert_int_equal(d->options.time_shifting, 0);
    an_dict_free(d);

    /* Later lines change earlier ones: COMPLEX resets every condition, OFF switches off. */
    d = load_text("later.options",
                  "COMPLEX: VERBS[4] CONJ[2]\n"
                  "COMPLEX: ACTORS[3]\n"
                  "DEFAULT: SOURCE [USA] PRIOR\n"
                  "DEFAULT: OFF\n"
                  "COMMA: OFF\n"
                  "FORWARD: NNN OFF\n"
                  "SET: CODE BY CLAUSE\n",
                  &log);
    assert_int_equal(log.problems, 0);
    o = &d->options;
    assert_int_equal(o->complex_verbs, 0);
    assert_int_equal(o->complex_conj, 0);
    assert_int_equal(o->complex_actors, 3);
    assert_int_equal(o->default_source, AN_NO_ID);
    assert_int_equal(o->default_prior, 0);
    assert_int_equal(o->comma_max, 0);
    assert_int_equal(o->comma_bmax, 0);
    assert_int_equal(o->comma_emax, 0);
    assert_int_equal(o->forward, 0);
    assert_int_equal(o->code_by, AN_CODEBY_CLAUSE);
    an_dict_free(d);
}

static void test_options_malformed(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("malformed.options",
                           "NO COLON HERE\n"                   /* 1 */
                           "SET: MINIMUM WORDS = 6\n"
                           "CRAZY: X\n"                        /* 3 */
                           "ZAP: Y\n"                          /* 4 */
                           "SET FBIS TRUE\n"                   /* 5 */
                           "CO: short\n"                       /* 6 */
                           "COMPLEX: VERBS[3]\n",
                           &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "1 3 4 5 6");
    EXPECT_PROBLEM(&log, path, 1, "has no command (X:)");
    EXPECT_PROBLEM(&log, path, 3, "unknown option command \"CRAZY: X\"");
    EXPECT_PROBLEM(&log, path, 4, "unknown option command \"ZAP: Y\"");
    EXPECT_PROBLEM(&log, path, 5, "has no command (X:)");
    EXPECT_PROBLEM(&log, path, 6, "unknown option command");
    assert_int_equal(d->options.min_words, 6);
    assert_int_equal(d->options.fbis, 0);
    assert_int_equal(d->options.complex_verbs, 3);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ limits and I/O */

static void test_limits_and_missing_files(void **state)
{
    (void)state;
    /* A line over the 64 KiB limit is skipped and reported with its number. */
    size_t big = 70000;
    char *text = malloc(big + 200);
    assert_non_null(text);
    size_t o = (size_t)sprintf(text, "GONDOR [GON]\n");
    memset(text + o, 'A', big);
    o += big;
    o += (size_t)sprintf(text + o, " [LONG]\nROHAN [ROH]\n");
    diag_log log;
    an_dict *d = load_path(write_file("long.actors", text, o), &log);
    const char *path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "2");
    EXPECT_PROBLEM(&log, path, 2, "longer than the limit");
    CODE_ON(d, "ROHAN", 0, 0, 0, "ROH");
    assert_int_equal(must_root(d, AN_ROOT_ACTOR, "ROHAN")->src.line, 3);
    assert_int_equal(stats_of(d).actors, 2);
    an_dict_free(d);

    /* A pattern over the byte limit is reported; the next one loads. */
    o = (size_t)sprintf(text, "SAY [023]\n- *");
    for (int i = 0; i < 60; i++) o += (size_t)sprintf(text + o, " WORDS");
    o += (size_t)sprintf(text + o, " [024]\n- * THANKS [041]\n");
    d = load_path(write_file("long.verbs", text, o), &log);
    path = made[nmade - 1];
    EXPECT_PROBLEM_LINES(&log, "2");
    EXPECT_PROBLEM(&log, path, 2, "longer than the limit");
    assert_int_equal(block_of(d, "SAY")->npatterns, 1);
    assert_int_equal(pattern_at(d, block_of(d, "SAY"), 0)->src.line, 3);
    an_dict_free(d);
    free(text);

    /* A UTF-8 byte order mark before the first line is not part of it. */
    d = load_text("bom.actors", "\xEF\xBB\xBFGONDOR [GON]\n# comment\n", &log);
    assert_int_equal(log.n, 0);
    CODE_ON(d, "GONDOR", 0, 0, 0, "GON");
    an_dict_free(d);
    d = load_text("bom.options", "\xEF\xBB\xBF// comment\nSET: MINIMUM WORDS = 4\n", &log);
    assert_int_equal(log.n, 0);
    assert_int_equal(d->options.min_words, 4);
    an_dict_free(d);

    /* Empty files and files of comments load nothing and report nothing. */
    d = load_text("empty.verbs", "", &log);
    assert_int_equal(log.n, 0);
    assert_int_equal(stats_of(d).files, 1);
    assert_int_equal(stats_of(d).verbs, 0);
    load_into(d, write_text("comments.agents", "// nothing\n# here\n; either\n"), &log);
    assert_int_equal(log.n, 0);
    assert_int_equal(stats_of(d).files, 2);
    assert_int_equal(stats_of(d).agents, 0);
    /* A missing file is not found, named in the error, and not counted. */
    an_error err = {0};
    char missing[320];
    snprintf(missing, sizeof missing, "%s/missing.actors", tmpdir);
    assert_int_equal(an_dict_load(d, missing, &err), AN_ENOTFOUND);
    assert_non_null(strstr(err.file, "missing.actors"));
    assert_int_equal(stats_of(d).files, 2);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ coding */

typedef struct coded {
    char events[512];  /* "SRC>TGT:CODE" joined by blanks */
    char rule[256];    /* the first event's rule */
} coded;

static coded code_sentence(const an_dict *d, const char *text, const char *date)
{
    coded out;
    memset(&out, 0, sizeof out);
    an_error err = {0};
    an_code_opts opts = AN_CODE_OPTS_INIT;
    an_coder *c = NULL;
    assert_int_equal(an_coder_new(&c, d, &opts, &err), 0);
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.date = date;
    doc.text = text;
    doc.text_len = strlen(text);
    doc.single_sentence = 1;
    an_result res;
    if (an_coder_code(c, &doc, &res, &err) != 0) fail_msg("coding: %s", err.msg);
    for (size_t i = 0; i < res.event_count; i++) {
        const an_event *e = &res.events[i];
        size_t n = strlen(out.events);
        snprintf(out.events + n, sizeof out.events - n, "%s%s>%s:%s", i ? " " : "", e->source,
                 e->target, e->code);
        if (i == 0) snprintf(out.rule, sizeof out.rule, "%s", e->rule ? e->rule : "");
    }
    an_coder_free(c);
    return out;
}

static void test_coding_with_tabari_dictionaries(void **state)
{
    (void)state;
    diag_log log;
    char actors[300], verbs[300];
    snprintf(actors, sizeof actors, "%s", write_text("code.actors",
                            "GONDOR [GON]\n"
                            "MORDOR [MOR]\n"
                            "GOLLUM\n"
                            "\t[HOB < 950601]\n"
                            "\t[HOBGOV 950601 - 990815]\n"));
    snprintf(verbs, sizeof verbs, "%s", write_text("code.verbs",
                            "<SYNSETS>\n"
                            "&WEAPON\n"
                            "+ROCKET\n"
                            "+MISSILE\n"
                            "</SYNSETS>\n"
                            "ATTACK [190]\n"
                            "- * + WITH &WEAPON [195]\n"        /* line 7 */
                            "PRAISE [051]\n"));
    an_dict *d = new_dict(&log);
    load_into(d, actors, &log);
    load_into(d, write_text("code.agents", "ARMY_ [~MIL]\n"), &log);
    load_into(d, verbs, &log);
    assert_int_equal(log.problems, 0);
    finish(d);
    assert_int_equal(d->mode, AN_MODE_TABARI);
    coded r = code_sentence(d, "Gondor attacked Mordor with rockets near the river on Monday.",
                            "2020-03-02");
    assert_string_equal(r.events, "GON>MOR:195");
    assert_non_null(strstr(r.rule, "code.verbs:7:"));
    r = code_sentence(d, "Gondor attacked Mordor near the river early on Monday morning.",
                      "2020-03-02");
    assert_string_equal(r.events, "GON>MOR:190");
    r = code_sentence(d, "The Gondor army praised Mordor for its help on Monday morning.",
                      "2020-03-02");
    assert_string_equal(r.events, "GONMIL>MOR:051");
    /* The dated actor resolves on the sentence's date; '<' excludes 1995-06-01. */
    r = code_sentence(d, "Gollum praised Gondor for its help on the river Monday.", "1995-05-31");
    assert_string_equal(r.events, "HOB>GON:051");
    r = code_sentence(d, "Gollum praised Gondor for its help on the river Monday.", "1995-06-01");
    assert_string_equal(r.events, "HOBGOV>GON:051");
    /* TABARI's minimum of 8 words. */
    r = code_sentence(d, "Gondor praised Mordor.", "2020-03-02");
    assert_string_equal(r.events, "");
    an_dict_free(d);

    /* With an options file lowering the minimum, the short sentence is coded. */
    d = new_dict(&log);
    load_into(d, write_text("code.options", "SET: MINIMUM WORDS = 3\n"), &log);
    load_into(d, actors, &log);
    load_into(d, verbs, &log);
    assert_int_equal(log.problems, 0);
    finish(d);
    r = code_sentence(d, "Gondor praised Mordor.", "2020-03-02");
    assert_string_equal(r.events, "GON>MOR:051");
    an_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_cameo_verbs),
        cmocka_unit_test(test_shared_cameo_options),
        cmocka_unit_test(test_shared_validation_dictionaries),
        cmocka_unit_test(test_actor_dated_codes),
        cmocka_unit_test(test_actor_synonyms_and_code_lines),
        cmocka_unit_test(test_actor_nouns_adjectives_connectors),
        cmocka_unit_test(test_actor_comments),
        cmocka_unit_test(test_actor_malformed),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_agents_malformed),
        cmocka_unit_test(test_verbs_roots_forms_patterns),
        cmocka_unit_test(test_verbs_pattern_order),
        cmocka_unit_test(test_verbs_synsets),
        cmocka_unit_test(test_verbs_synsets_malformed),
        cmocka_unit_test(test_verbs_time_section),
        cmocka_unit_test(test_verbs_malformed),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_options_malformed),
        cmocka_unit_test(test_limits_and_missing_files),
        cmocka_unit_test(test_coding_with_tabari_dictionaries),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
