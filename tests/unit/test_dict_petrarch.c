/* test_dict_petrarch.c - unit tests for the PETRARCH dictionary loaders (src/dict/petrarch_*.c):
 * the shared PETRARCH files load with the expected problems, and each feature is checked on
 * small dictionary files written by the test (dates, synonyms, compounds, places, agents,
 * verbs of both PETRARCH formats, synsets, discards, issues, comments, malformed lines). */
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

#define RAW AN_TEST_SHARED_DATA "/petrarch-unittest/raw/"
#define PHX AN_TEST_SHARED_DATA "/dictionaries/petrarch2-phoenix/"

/* ------------------------------------------------------------------ helpers */

#define LOG_MAX 256

typedef struct diag_log {
    int problems, warnings, n;
    unsigned long line[LOG_MAX];
    int code[LOG_MAX];
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
        snprintf(l->msg[l->n], sizeof l->msg[0], "%s", e->msg);
        l->n++;
    }
}

/* 1 when the log has a problem (want_problem) or warning at line containing text. */
static int logged(const diag_log *l, int want_problem, unsigned long line, const char *text)
{
    for (int i = 0; i < l->n; i++)
        if ((l->code[i] != 0) == want_problem && l->line[i] == line && strstr(l->msg[i], text))
            return 1;
    return 0;
}

static void print_log(const diag_log *l)
{
    for (int i = 0; i < l->n; i++)
        print_message("  %s line %lu: %s\n", l->code[i] ? "problem" : "warning", l->line[i],
                      l->msg[i]);
}

static char tmpdir[256];
static char made[64][300];
static int nmade;

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/an_test_petrarch_XXXXXX");
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
static const char *write_file(const char *name, const char *text)
{
    assert_true(nmade < 64);
    char *path = made[nmade++];
    snprintf(path, sizeof made[0], "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static an_dict *load_path(const char *path, diag_log *log)
{
    an_dict *d = NULL;
    an_error err = {0};
    assert_int_equal(an_dict_new(&d, &err), 0);
    memset(log, 0, sizeof *log);
    an_dict_set_diag(d, on_diag, log);
    int rc = an_dict_load(d, path, &err);
    if (rc < 0 && rc != AN_EBADINPUT) fail_msg("loading %s: %s", path, err.msg);
    if ((rc == AN_EBADINPUT) != (log->problems > 0))
        fail_msg("%s: rc %d with %d problems", path, rc, log->problems);
    return d;
}

static an_dict *load_text(const char *name, const char *text, diag_log *log)
{
    return load_path(write_file(name, text), log);
}

/* The words of a root or issue as "A_B C" ('_' adjacent, ' ' gap; "'" marks AN_WM_POSS on
 * the last word, "~" AN_WM_NOUN). */
static void render(const an_dict *d, uint32_t off, uint16_t n, char *out, size_t cap,
                   int marks)
{
    size_t o = 0;
    out[0] = '\0';
    for (uint16_t i = 0; i < n; i++) {
        const an_rword *w = &d->rwords.v[off + i];
        o += (size_t)snprintf(out + o, cap - o, "%s%s%s", an_dict_word_str(d, w->word),
                              !marks ? "" : w->match == AN_WM_POSS ? "'"
                                          : w->match == AN_WM_NOUN ? "~" : "",
                              i + 1 < n ? (w->adjacent ? "_" : " ") : "");
        if (o >= cap) break;
    }
}

/* Index of the root of kind whose words render as phrase, or -1. */
static int64_t find_root(const an_dict *d, an_rootkind kind, const char *phrase)
{
    char buf[512];
    for (size_t i = 0; i < d->roots.n; i++) {
        const an_root *r = &d->roots.v[i];
        if (r->kind != kind) continue;
        render(d, r->words, r->nwords, buf, sizeof buf, 0);
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

/* The code(s) of actor phrase on a date ("A/B"), "(none)" when nothing holds. */
static const char *code_on(const an_dict *d, const char *phrase, int y, int m, int day)
{
    static char buf[128];
    const an_datedcode *dc = an_actor_resolve(d, must_actor(d, phrase),
                                              y ? an_date_from_ymd(y, m, day) : AN_NO_DATE);
    if (!dc) return "(none)";
    size_t o = 0;
    buf[0] = '\0';
    for (uint16_t i = 0; i < dc->ncodes; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? "/" : "",
                              an_dict_code_str(d, d->codelist.v[dc->codes + i]));
    return buf;
}

#define CODE_ON(d, phrase, y, m, dd, want) assert_string_equal(code_on(d, phrase, y, m, dd), want)

static const char *ecode_str(const an_dict *d, an_ecode c)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s%s%s", an_dict_code_str(d, c.a),
             c.flags & AN_EC_PAIRED ? ":" : c.flags & AN_EC_ACTPASS ? "/" : "",
             c.flags & (AN_EC_PAIRED | AN_EC_ACTPASS) ? an_dict_code_str(d, c.b) : "");
    return buf;
}

static const an_verb *verb_of(const an_dict *d, const char *form)
{
    return &d->verbs.v[must_root(d, AN_ROOT_VERB, form)->entry];
}

static const an_agent *agent_of(const an_dict *d, const char *phrase)
{
    return &d->agents.v[must_root(d, AN_ROOT_AGENT, phrase)->entry];
}

/* ------------------------------------------------------------------ shared files */

static void test_shared_petrarch1_files(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_path(RAW "PETR.Validate.actors.txt", &log);
    if (log.problems) print_log(&log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(d->actor_dialect, AN_DIALECT_PETRARCH1);
    /* DATE-01..13: the head code is only the fallback; first range in written order wins. */
    CODE_ON(d, "SAM_GAMGEE", 2008, 1, 20, "HOBCIV");  /* '<' includes the date */
    CODE_ON(d, "SAM_GAMGEE", 2008, 1, 21, "HOBMIL");
    CODE_ON(d, "SAM_GAMGEE", 2010, 1, 10, "ORCHOB");  /* listed before the overlapping HOBMIL */
    CODE_ON(d, "SAM_GAMGEE", 2012, 11, 9, "HOBMIL");  /* range end included */
    CODE_ON(d, "SAM_GAMGEE", 2013, 1, 19, "HOBGOV");
    CODE_ON(d, "SAM_GAMGEE", 2013, 1, 20, "HOBELI");  /* '>' includes 20130119, HOBGOV first */
    CODE_ON(d, "HAMFAST GAMGEE", 2012, 11, 9, "HOBGOV");
    CODE_ON(d, "HAMFAST GAMGEE", 2014, 1, 1, "HOB");
    CODE_ON(d, "GOLLUM", 1995, 6, 1, "HOB");           /* mixed 6- and 8-digit dates */
    CODE_ON(d, "SMEAGOL", 1999, 8, 15, "HOBGOV");
    CODE_ON(d, "STINKER", 1999, 8, 16, "HOBREB");
    CODE_ON(d, "ONODOHER", 1991, 12, 27, "---");       /* nothing holds, no fallback */
    CODE_ON(d, "PRINCE OF DOL AMROTH", 1995, 6, 30, "---");
    CODE_ON(d, "PRINCE OF DOL AMROTH", 1995, 7, 1, "DOL");
    CODE_ON(d, "ZIMBABWE", 1979, 6, 6, "RHO");         /* "[ZBW]#jw": '#' comment */
    CODE_ON(d, "ZIMBABWE", 1980, 1, 1, "ZBW");
    CODE_ON(d, "THE_SHIRE", 2000, 1, 1, "FRO/BIL/SAM");
    CODE_ON(d, "LORIEN", 0, 0, 0, "ELR/GAL");
    CODE_ON(d, "INTERPOL", 0, 0, 0, "IGOCOPITP");
    CODE_ON(d, "ARNOR", 0, 0, 0, "ARN");               /* trailing '_' changes nothing */
    CODE_ON(d, "BARAD_DUR", 0, 0, 0, "MOR");           /* '-' is '_' */
    CODE_ON(d, "CARAS GALADHON", 0, 0, 0, "ELF");      /* blank: words may be apart */
    CODE_ON(d, "ISILDUR", 0, 0, 0, "+++");             /* a plain code in PETRARCH */
    CODE_ON(d, "U.S.", 0, 0, 0, "USA");
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "NASGUL"), -1); /* commented out */
    const an_root *g = must_root(d, AN_ROOT_ACTOR, "GONDOR");
    assert_int_equal(d->rwords.v[g->words].match, AN_WM_POSS);
    an_dict_free(d);

    d = load_path(RAW "PETR.Validate.agents.txt", &log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(d->agents.n, 88);
    assert_int_equal(agent_of(d, "CONGRESSES")->code, agent_of(d, "CONGRESS")->code);
    assert_true(find_root(d, AN_ROOT_AGENT, "CONGRESSWOMEN") >= 0);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "POLICES"), -1);        /* AGENT-22 */
    assert_true(find_root(d, AN_ROOT_AGENT, "GOLDEN_GEESE") >= 0);       /* AGENT-21 */
    assert_true(find_root(d, AN_ROOT_AGENT, "MINISTRIES_OF_SILLY_WALKS") >= 0);
    assert_int_equal(agent_of(d, "HUMAN_RIGHTS_ORGANIZATION")->prefix, 1);
    assert_string_equal(an_dict_code_str(d, agent_of(d, "POLICE")->code), "COP");
    an_dict_free(d);

    d = load_path(RAW "PETR.Validate.verbs.txt", &log);
    if (log.problems) print_log(&log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(d->verb_dialect, AN_DIALECT_PETRARCH1);
    assert_true(logged(&log, 0, 447, "second code"));    /* --- DELAY [120] [031:031] --- */
    assert_true(logged(&log, 0, 1094, "duplicate phrase \"SHOT\""));
    assert_string_equal(ecode_str(d, verb_of(d, "DOWNPLAYING")->code), "014");
    assert_string_equal(ecode_str(d, verb_of(d, "POSTPONED")->code), "120");
    assert_int_equal(verb_of(d, "POSTPONE")->block, verb_of(d, "DELAY")->block);
    assert_string_equal(ecode_str(d, verb_of(d, "MET")->code), "031:032"); /* written MET wins */
    assert_string_equal(ecode_str(d, verb_of(d, "MEETING")->code), "031:031");
    assert_string_equal(ecode_str(d, verb_of(d, "LEFT")->code), "032:033");
    assert_string_equal(ecode_str(d, verb_of(d, "REPORT")->code), "025?");
    assert_int_equal(find_root(d, AN_ROOT_VERB, "DEPARTES"), -1);        /* VERB-21 */
    assert_true(find_root(d, AN_ROOT_VERB, "DEPLORED") >= 0);            /* VERB-22 */
    assert_true(find_root(d, AN_ROOT_VERB, "BROKEN_DOWN") >= 0);         /* VERB-02 */
    assert_true(find_root(d, AN_ROOT_VERB, "WIRE_TAPPED") >= 0);
    assert_true(must_root(d, AN_ROOT_VERB, "WIRE_TAPPING")->flags & AN_RF_VERB_HEAD_LAST);
    /* "- * DIPLXMATIC [###] # ...": '#' inside a code is not a comment. */
    int found = 0;
    for (size_t i = 0; i < d->patterns.n; i++)
        if (d->patterns.v[i].src.line == 992) {
            assert_string_equal(ecode_str(d, d->patterns.v[i].code), "###");
            found = 1;
        }
    assert_true(found);
    an_dict_free(d);

    d = load_path(RAW "PETR.Validate.discards.txt", &log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(d->discards.n, 9);
    an_dict_free(d);
}

static void test_shared_phoenix_files(void **state)
{
    (void)state;
    static const struct { const char *file; int problems; } files[] = {
        {"CAMEO.2.0.txt", 6},
        {"Phoenix.Countries.actors.txt", 9},
        {"Phoenix.International.actors.txt", 1},
        {"Phoenix.MilNonState.actors.txt", 0},
        {"Phoenix.agents.txt", 2},
        {"Phoenix.discards.txt", 0},
        {"Phoenix.IssueCoding.txt", 13},
    };
    diag_log log;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s%s", PHX, files[i].file);
        an_dict *d = load_path(path, &log);
        if (log.problems != files[i].problems) {
            print_log(&log);
            fail_msg("%s: %d problems, expected %d", files[i].file, log.problems,
                     files[i].problems);
        }
        an_error err = {0};
        assert_int_equal(an_dict_finish(d, &err), 0);
        if (i == 0) {
            assert_int_equal(d->verb_dialect, AN_DIALECT_PETRARCH2);
            assert_true(logged(&log, 0, 9178, "8 PETRARCH-2 verb transformation"));
            assert_true(logged(&log, 1, 2406, "&FIGHT_CRIM"));
            assert_true(d->patterns.n > 4000);
        }
        if (i == 1) {
            /* LEONID_BREZHNEV_ has no code and is followed by head lines: it shares theirs. */
            CODE_ON(d, "LEONID_BREZHNEV", 1970, 1, 1, "RUSGOV");
            CODE_ON(d, "SECRETARY_BREZHNEV", 1970, 1, 1, "RUSGOV");
            assert_ptr_equal(must_actor(d, "LEONID_BREZHNEV"), must_actor(d, "SECRETARY_BREZHNEV"));
            assert_true(logged(&log, 1, 2039, "has 7 digits; expected yymmdd or yyyymmdd"));
        }
        if (i == 2) {
            CODE_ON(d, "U.N.", 0, 0, 0, "IGOUNO");
            assert_true(logged(&log, 1, 40, "date \"2004017\" in [KORGOVBUS 2004017-20061201] "
                                            "has 7 digits; expected yymmdd or yyyymmdd"));
            /* The rest of the entry and of the file loaded. */
            CODE_ON(d, "BAN_KI_MOON", 2008, 1, 1, "IGOUNO");
            CODE_ON(d, "KOFI_ANNAN", 1998, 1, 1, "IGOUNO");
        }
        if (i == 6) assert_true(logged(&log, 1, 141, "has no [CODE]"));
        an_dict_free(d);
    }
}

/* ------------------------------------------------------------------ actors */

static void test_actor_dates(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("dates.actors.txt",
                           "FRODO\n"
                           "\t[HOBA 950101-951231]\n"
                           "\t[HOBF]\n"                          /* fallback in the middle */
                           "\t[HOBB >19960101]\n"
                           "MERRY [MER]\n"
                           "  [MERX <000101]\n"                  /* any '[' line, year 2000 */
                           "PIPPIN\n"
                           "\t[PIPX 300101-310101]\n",           /* 2030-01-01 .. 1931-01-01? */
                           &log);
    /* 310101 is 1931 (31 and up: 19xx), so the range ends before it starts: a problem. */
    assert_int_equal(log.problems, 2);
    assert_true(logged(&log, 1, 8, "ends before it starts"));
    assert_true(logged(&log, 1, 7, "actor has no code"));
    CODE_ON(d, "FRODO", 1995, 1, 1, "HOBA");
    CODE_ON(d, "FRODO", 1995, 12, 31, "HOBA");
    CODE_ON(d, "FRODO", 1996, 1, 1, "HOBB");
    CODE_ON(d, "FRODO", 1994, 12, 31, "HOBF");
    CODE_ON(d, "FRODO", 0, 0, 0, "HOBF");
    CODE_ON(d, "MERRY", 2000, 1, 1, "MERX");
    CODE_ON(d, "MERRY", 2000, 1, 2, "MER");
    an_dict_free(d);

    d = load_text("years.actors.txt",
                  "SAM\n\t[SAMX 300101-300630]\n\t[SAMY 19310101-19310630]\n"
                  "ROSIE\n\t[ROS 310101-20300101]\n",
                  &log);
    assert_int_equal(log.problems, 0);
    CODE_ON(d, "SAM", 2030, 3, 1, "SAMX");     /* 30 -> 2030 */
    CODE_ON(d, "SAM", 1931, 3, 1, "SAMY");
    CODE_ON(d, "SAM", 1930, 3, 1, "---");
    CODE_ON(d, "ROSIE", 1931, 1, 1, "ROS");    /* 31 -> 1931 */
    CODE_ON(d, "ROSIE", 2030, 1, 2, "---");
    an_dict_free(d);
}

static void test_actor_entries(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("entries.actors.txt",
                           "GONDOR [GON]\n"
                           "+MINAS_TIRITH\n"
                           "+ANORIEN [XXX]\n"                   /* code ignored, warned */
                           "LORIEN [ELR/GAL]\n"
                           "AL-QAEDA [AQ]\n"
                           "CARAS GALADHON_ [ELF]\n"
                           "GONDOR [DUP]\n"                     /* duplicate: first wins */
                           "NEW_ZEALAND [NZE]\n",
                           &log);
    assert_int_equal(log.problems, 0);
    assert_true(logged(&log, 0, 3, "ignored"));
    assert_true(logged(&log, 0, 7, "duplicate phrase \"GONDOR\""));
    CODE_ON(d, "GONDOR", 0, 0, 0, "GON");
    CODE_ON(d, "MINAS_TIRITH", 0, 0, 0, "GON");
    CODE_ON(d, "ANORIEN", 0, 0, 0, "GON");
    CODE_ON(d, "LORIEN", 0, 0, 0, "ELR/GAL");
    CODE_ON(d, "AL_QAEDA", 0, 0, 0, "AQ");
    CODE_ON(d, "CARAS GALADHON", 0, 0, 0, "ELF");
    const an_root *r = must_root(d, AN_ROOT_ACTOR, "MINAS_TIRITH");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[r->words].adjacent, 1);
    assert_int_equal(d->rwords.v[r->words + 1].match, AN_WM_POSS);
    r = must_root(d, AN_ROOT_ACTOR, "CARAS GALADHON");
    assert_int_equal(d->rwords.v[r->words].adjacent, 0);
    /* head: the head phrase's root */
    const an_actor *a = must_actor(d, "ANORIEN");
    assert_int_equal(a->head, (uint32_t)find_root(d, AN_ROOT_ACTOR, "GONDOR"));
    assert_int_equal(d->actors.n, 6);
    an_dict_free(d);
}

static void test_actor_codeless_heads(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("codeless.actors.txt",
                           "UN_ [IGOUNO]\n"
                           "U.N._\n"                       /* joins the next entry */
                           "\n# a comment between\n"
                           "SECRETARY_GENERAL\n"
                           "+UNSG\n"
                           "\t[IGOUNO]\n"
                           "GANDALF\n"
                           "MITHRANDIR\n"
                           "\t[WIZ <20000101]\n"
                           "SARUMAN\n",                    /* no code at the end: a problem */
                           &log);
    assert_int_equal(log.problems, 1);
    assert_true(logged(&log, 1, 11, "actor has no code"));
    CODE_ON(d, "U.N.", 0, 0, 0, "IGOUNO");
    assert_ptr_equal(must_actor(d, "U.N."), must_actor(d, "UNSG"));
    assert_ptr_not_equal(must_actor(d, "U.N."), must_actor(d, "UN"));
    CODE_ON(d, "GANDALF", 1999, 1, 1, "WIZ");
    CODE_ON(d, "GANDALF", 2001, 1, 1, "---");
    assert_int_equal(must_actor(d, "MITHRANDIR")->head,
                     (uint32_t)find_root(d, AN_ROOT_ACTOR, "GANDALF"));
    assert_int_equal(d->actors.n, 4);
    an_dict_free(d);
}

static void test_actor_places(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("places.actors.txt",
                           "PAKISTAN [PAK]\n"
                           "# annalist: kind=places\n"
                           "ISLAMABAD [PAKGOV]\n"
                           "+ISLAMABAD_CITY\n"
                           "RAWALPINDI [PAK]\n",
                           &log);
    assert_int_equal(log.problems, 0);
    assert_int_equal(must_actor(d, "PAKISTAN")->flags & AN_RF_PLACE, 0);
    assert_int_equal(must_root(d, AN_ROOT_ACTOR, "PAKISTAN")->flags & AN_RF_PLACE, 0);
    assert_true(must_actor(d, "ISLAMABAD")->flags & AN_RF_PLACE);
    assert_true(must_root(d, AN_ROOT_ACTOR, "ISLAMABAD_CITY")->flags & AN_RF_PLACE);
    assert_true(must_actor(d, "RAWALPINDI")->flags & AN_RF_PLACE);
    an_dict_stats st;
    an_dict_get_stats(d, &st);
    assert_int_equal(st.places, 2);
    an_dict_free(d);
}

static void test_actor_comments_and_problems(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("comments.actors.txt",
                           "<!-- a comment\n"
                           "NOT_AN_ACTOR [XXX]\n"
                           "   over three lines -->\n"
                           "ROHAN [ROH] # a comment ; still one\n"
                           "EDORAS [ROH] ; TABARI-style comment\n"
                           "<! -- PETRARCH-1 skips every line starting <! -->\n"
                           "#HIDDEN [HID]\n"
                           "ISENGARD <!-- inline --> [ISE]\n"
                           "MORIA\n"
                           "\t[MOR 2004017-20061201]\n"      /* line 10: 7-digit date */
                           "\t[DWA >20000101]\n"
                           "[ORPHAN]\n"                       /* fine: belongs to MORIA */
                           "+\n"                              /* line 13: empty synonym */
                           "ERECH [ERE 19990101]\n"           /* line 14: no < > or - */
                           "BREE [BRE]\n",
                           &log);
    assert_int_equal(log.problems, 4);
    assert_true(logged(&log, 1, 14, "actor has no code"));
    assert_true(logged(&log, 1, 10, "date \"2004017\" in [MOR 2004017-20061201] has 7 digits; "
                                    "expected yymmdd or yyyymmdd"));
    assert_true(logged(&log, 1, 13, "empty phrase"));
    assert_true(logged(&log, 1, 14, "expected <date, >date or date-date"));
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "NOT_AN_ACTOR"), -1);
    assert_int_equal(find_root(d, AN_ROOT_ACTOR, "HIDDEN"), -1);
    CODE_ON(d, "ROHAN", 0, 0, 0, "ROH");
    CODE_ON(d, "EDORAS", 0, 0, 0, "ROH");
    CODE_ON(d, "ISENGARD", 0, 0, 0, "ISE");
    CODE_ON(d, "MORIA", 2001, 1, 1, "DWA");
    CODE_ON(d, "MORIA", 1990, 1, 1, "ORPHAN");
    CODE_ON(d, "BREE", 0, 0, 0, "BRE");
    an_dict_free(d);
}

/* ------------------------------------------------------------------ agents */

static void test_agents(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("test.agents.txt",
                           "!PERSON! = MAN, WOMAN , PERSON\n"
                           "!MIN! = MINISTER, MINISTRY\n"
                           "GOVERNMENT [~GOV]\n"
                           "AUTHORITY [~GOV]\n"
                           "CONGRESS [~LEG]\n"
                           "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
                           "POLICE {} [~COP]\n"
                           "CHURCH [~REL]\n"
                           "GUNMAN [~UAF]\n"
                           "CONGRESS!PERSON! [~LEG]\n"
                           "FOREIGN_!MIN! [~GOV]\n"
                           "HUMAN_RIGHTS_BODY [NGO~]\n"
                           "OFFICIAL [GOV]\n"                 /* no '~': accepted */
                           "SOLDIER_ [~MIL]\n"
                           "NOCODE\n"                          /* line 15 */
                           "BAD {X [~BAD]\n"                   /* line 16 */
                           "X!NOPE!Y [~X]\n"                   /* line 17 */
                           "OFFICIALS [~XXX]\n",               /* written: wins over plural */
                           &log);
    assert_int_equal(log.problems, 3);
    assert_true(logged(&log, 1, 15, "no [~CODE]"));
    assert_true(logged(&log, 1, 16, "'{' without '}'"));
    assert_true(logged(&log, 1, 17, "!NOPE! is not defined"));
    assert_true(find_root(d, AN_ROOT_AGENT, "GOVERNMENTS") >= 0);
    assert_true(find_root(d, AN_ROOT_AGENT, "AUTHORITIES") >= 0);
    assert_true(find_root(d, AN_ROOT_AGENT, "CONGRESSES") >= 0);
    assert_true(find_root(d, AN_ROOT_AGENT, "ATTORNEYS_GENERAL") >= 0);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "ATTORNEY_GENERALS"), -1);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "POLICES"), -1);
    assert_true(find_root(d, AN_ROOT_AGENT, "POLICE") >= 0);
    assert_true(find_root(d, AN_ROOT_AGENT, "CHURCHS") >= 0);   /* PETRARCH's plural */
    assert_true(find_root(d, AN_ROOT_AGENT, "CHURCHES") >= 0);  /* and the English one */
    assert_true(find_root(d, AN_ROOT_AGENT, "GUNMEN") >= 0);
    assert_true(find_root(d, AN_ROOT_AGENT, "CONGRESSWOMAN") >= 0);
    assert_true(find_root(d, AN_ROOT_AGENT, "CONGRESSPERSON") >= 0);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "CONGRESSMANS"), -1); /* no plural */
    assert_true(find_root(d, AN_ROOT_AGENT, "FOREIGN_MINISTRY") >= 0);
    assert_int_equal(find_root(d, AN_ROOT_AGENT, "FOREIGN_MINISTRIES"), -1);
    assert_true(find_root(d, AN_ROOT_AGENT, "SOLDIERS") >= 0);
    assert_string_equal(an_dict_code_str(d, agent_of(d, "OFFICIALS")->code), "XXX");
    assert_string_equal(an_dict_code_str(d, agent_of(d, "OFFICIAL")->code), "GOV");
    const an_agent *ag = agent_of(d, "HUMAN_RIGHTS_BODIES");
    assert_int_equal(ag->prefix, 1);
    assert_string_equal(an_dict_code_str(d, ag->code), "NGO");
    assert_int_equal(agent_of(d, "GOVERNMENT")->prefix, 0);
    const an_root *r = must_root(d, AN_ROOT_AGENT, "FOREIGN_MINISTER");
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    assert_int_equal(d->rwords.v[r->words + 1].match, AN_WM_POSS);
    /* 18 lines: 2 sets, NOCODE and BAD {X are not agents; X!NOPE!Y is one without phrases. */
    assert_int_equal(d->agents.n, 14);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ verbs, PETRARCH-1 */

static const char p1_verbs[] =
    "<!-- test verbs -->\n"
    "&CURRENCY\n"                                   /* 2 */
    "+DOLLAR\n"
    "+SWISS FRANC\n"
    "+GOLD_\n"                                      /* no plural */
    "&PREP_\n"                                      /* 6: no plural for any member */
    "+IN\n"
    "+ON\n"
    "\n"
    "--- MEET [031:031] ---\n"                      /* 10 */
    "MEET\n"
    "GO {GOES WENT GONE GOING} [032]\n"
    "VISIT\n"
    "TRY\n"
    "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n"    /* 15 */
    "WIRE_+TAP\n"
    "+BREAK_DOWN\n"
    "- * &CURRENCY [071]\n"                         /* 18 */
    "- $ * &PREP +  [042]\n"
    "- * {A | B} [099]\n"                           /* 20: skipped */
    "- SAID_* PEACE-KEEPING_ [050:---]\n"
    "- * &UNDEFINED [098]\n"                        /* 22: problem */
    "- * NOCODE\n"                                  /* 23: problem */
    "--- MET [010] ---\n"                           /* 24 */
    "MET\n"
    "--- HOLD ---\n"
    "HOLD\n"
    "--- LASH OUT [122] ---\n"
    "LASH OUT\n";                                   /* 29: warned */

static void test_verbs_petrarch1(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("test.verbs.txt", p1_verbs, &log);
    if (log.problems != 2) print_log(&log);
    assert_int_equal(log.problems, 2);
    assert_true(logged(&log, 1, 22, "&UNDEFINED"));
    assert_true(logged(&log, 1, 23, "no [CODE]"));
    assert_true(logged(&log, 0, 20, "skipped"));
    assert_true(logged(&log, 0, 29, "no '+'"));
    assert_int_equal(d->verb_dialect, AN_DIALECT_PETRARCH1);
    assert_int_equal(d->blocks.n, 4);
    /* Generated forms (PETRARCH-1 rule) and irregular-table forms. */
    static const char *const have[] = {
        "MEETS", "MEETED", "MEETING", "VISITS", "VISITED", "VISITING", "TRYS", "TRYED",
        "TRYING", "TRIES", "TRIED", "CORDONED_OFF", "CORDONS_OFF", "WIRE_TAPS", "WIRE_TAPED", "WIRE_TAPPED", "BREAKS_DOWN",
        "BROKE_DOWN", "BROKEN_DOWN", "BREAKING_DOWN", "HELD", "HOLDS", "HOLDING", "GOES", "WENT",
        "LASHED_OUT", "LASHING_OUT",
    };
    for (size_t i = 0; i < sizeof have / sizeof have[0]; i++)
        if (find_root(d, AN_ROOT_VERB, have[i]) < 0) fail_msg("no verb form %s", have[i]);
    static const char *const not_have[] = {"GOS", "GOED", "CORDON_OFFS", "CORDONING_OFF",
                                           "VISITES", "DEPARTES"};
    for (size_t i = 0; i < sizeof not_have / sizeof not_have[0]; i++)
        if (find_root(d, AN_ROOT_VERB, not_have[i]) >= 0)
            fail_msg("unexpected verb form %s", not_have[i]);
    /* MET is written in its own block: it wins over MEET's generated MET. */
    assert_string_equal(ecode_str(d, verb_of(d, "MET")->code), "010");
    assert_string_equal(ecode_str(d, verb_of(d, "MEETING")->code), "031:031");
    assert_string_equal(ecode_str(d, verb_of(d, "WENT")->code), "032");
    assert_int_equal(verb_of(d, "WENT")->own_code, 1);
    assert_int_equal(verb_of(d, "VISITED")->own_code, 0);
    assert_int_equal(verb_of(d, "VISITED")->block, verb_of(d, "MEET")->block);
    assert_true(d->blocks.v[verb_of(d, "HOLD")->block].code.flags & AN_EC_NULL);
    /* Multi-word verbs: words adjacent, the flag tells where the verb is. */
    const an_root *r = must_root(d, AN_ROOT_VERB, "WIRE_TAPPED");
    assert_true(r->flags & AN_RF_VERB_HEAD_LAST);
    r = must_root(d, AN_ROOT_VERB, "CORDONED_OFF");
    assert_false(r->flags & AN_RF_VERB_HEAD_LAST);
    assert_int_equal(d->rwords.v[r->words].adjacent, 1);
    assert_int_equal(d->rwords.v[r->words].match, AN_WM_EXACT);
    /* Patterns: file order, paired codes, '-' is '_', trailing '_' dropped. */
    const an_vblock *b = &d->blocks.v[0];
    assert_int_equal(b->npatterns, 3);
    const an_pattern *p = &d->patterns.v[b->patterns];
    assert_int_equal(p[0].src.line, 18);
    assert_int_equal(p[1].src.line, 19);
    assert_int_equal(p[2].src.line, 21);
    assert_true(p[2].code.flags & AN_EC_PAIRED);
    assert_true(p[2].code.flags & AN_EC_NULL_B);
    assert_int_equal(p[2].nlower, 1);
    assert_int_equal(p[2].lower_adjacent, 1);
    assert_int_equal(p[2].nupper, 2);
    assert_int_equal(d->pelems.v[p[2].upper].adjacent, 1);
    assert_string_equal(an_dict_word_str(d, d->pelems.v[p[2].upper + 1].id), "KEEPING");
    assert_int_equal(d->pelems.v[p[1].upper].kind, AN_PE_SYNSET);
    /* Synsets: plurals as extra members unless '_'. */
    int64_t cur = an_dict_synset(d, an_dict_word(d, "&CURRENCY", 9), 0);
    int64_t prep = an_dict_synset(d, an_dict_word(d, "&PREP", 5), 0);
    assert_true(cur >= 0 && prep >= 0);
    assert_int_equal(d->synsets.v[cur].nmembers, 5); /* DOLLAR(S) SWISS_FRANC(S) GOLD */
    assert_int_equal(d->synsets.v[prep].nmembers, 2);
    assert_int_equal(d->synsets.v[prep].no_plural, 1);
    int swiss = 0;
    for (uint16_t i = 0; i < d->synsets.v[cur].nmembers; i++) {
        const an_seq *s = &d->seqs.v[d->synsets.v[cur].members + i];
        if (s->n == 2) {
            swiss++;
            assert_int_equal(d->pelems.v[s->elems].adjacent, 1); /* consecutive words */
        }
    }
    assert_int_equal(swiss, 2);
    an_error err = {0};
    assert_int_equal(an_dict_finish(d, &err), 0);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ verbs, PETRARCH-2 */

static const char p2_verbs[] =
    "# CAMEO-like test file\n"
    "####### SYNONYM SETS #######\n"
    "&WEAPON\n"
    "+GUN\n"
    "+ROCKET_LAUNCHER\n"                            /* a noun phrase, no plural */
    "&AUX_\n"
    "+WILL\n"
    "####### VERB PATTERNS #######\n"
    "---  ATTACK   [190]  ---\n"                    /* 9 */
    "ATTACK\n"
    "TRY\n"
    "AGREE [031]\n"
    "+RE_ARREST {}\n"
    "- * (WITH &WEAPON) [193]\n"                    /* 14 */
    "- * {FINANCIAL AID} (TO +) [070:170]\n"
    "- $ * (IN BOMBING/RAID) [:183]\n"
    "- * (FOR {&WEAPON SHIPMENT}) [072]\n"
    "- SPY_*_DEAL [---]\n"
    "- * VISIT) [042]\n"                            /* 19: problem */
    "######## TRANSFORMATIONS ##########\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "~ a (b . ATTACK) SAY = a b 112\n";

static void test_verbs_petrarch2(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("CAMEO.2.0-test.txt", p2_verbs, &log);
    if (log.problems != 1) print_log(&log);
    assert_int_equal(log.problems, 1);
    assert_true(logged(&log, 1, 19, "')' without '('"));
    assert_true(logged(&log, 0, 21, "2 PETRARCH-2 verb transformation"));
    assert_int_equal(d->verb_dialect, AN_DIALECT_PETRARCH2);
    static const char *const have[] = {"ATTACKS", "ATTACKED", "ATTACKING", "TRIES", "TRYED",
                                       "AGREEING", "AGREED", "RE_ARREST"};
    for (size_t i = 0; i < sizeof have / sizeof have[0]; i++)
        if (find_root(d, AN_ROOT_VERB, have[i]) < 0) fail_msg("no verb form %s", have[i]);
    assert_int_equal(find_root(d, AN_ROOT_VERB, "RE_ARRESTED"), -1);
    assert_string_equal(ecode_str(d, verb_of(d, "AGREEING")->code), "031");
    /* Synset members with plurals; a multi-word member is a noun phrase. */
    int64_t w = an_dict_synset(d, an_dict_word(d, "&WEAPON", 7), 0);
    assert_true(w >= 0);
    assert_int_equal(d->synsets.v[w].nmembers, 3); /* GUN GUNS {ROCKET LAUNCHER} */
    int np = 0;
    for (uint16_t i = 0; i < d->synsets.v[w].nmembers; i++) {
        const an_seq *s = &d->seqs.v[d->synsets.v[w].members + i];
        if (d->pelems.v[s->elems].kind == AN_PE_NP) {
            np++;
            assert_int_equal(s->n, 3);
            assert_int_equal(d->pelems.v[s->elems].n, 2);
        }
    }
    assert_int_equal(np, 1);
    /* Patterns. */
    const an_vblock *b = &d->blocks.v[0];
    assert_int_equal(b->npatterns, 5);
    const an_pattern *p = &d->patterns.v[b->patterns];
    /* - * (WITH &WEAPON) : PP(2) WITH &WEAPON */
    const an_pelem *e = &d->pelems.v[p[0].upper];
    assert_int_equal(p[0].nupper, 3);
    assert_int_equal(e[0].kind, AN_PE_PP);
    assert_int_equal(e[0].n, 2);
    assert_int_equal(e[1].kind, AN_PE_WORD);
    assert_int_equal(e[1].match, AN_WM_EXACT);
    assert_int_equal(e[2].kind, AN_PE_SYNSET);
    /* - * {FINANCIAL AID} (TO +) [070:170] */
    e = &d->pelems.v[p[1].upper];
    assert_int_equal(p[1].nupper, 6);
    assert_int_equal(e[0].kind, AN_PE_NP);
    assert_int_equal(e[0].n, 2);
    assert_int_equal(e[1].match, AN_WM_EXACT);
    assert_int_equal(e[1].adjacent, 1);
    assert_int_equal(e[2].match, AN_WM_NOUN);
    assert_int_equal(e[2].adjacent, 0);
    assert_int_equal(e[3].kind, AN_PE_PP);
    assert_int_equal(e[5].kind, AN_PE_TARGET);
    assert_true(p[1].code.flags & AN_EC_ACTPASS);
    assert_string_equal(ecode_str(d, p[1].code), "070/170");
    /* - $ * (IN BOMBING/RAID) [:183] : passive only, alternatives */
    assert_int_equal(p[2].nlower, 1);
    assert_int_equal(d->pelems.v[p[2].lower].kind, AN_PE_SOURCE);
    assert_true(p[2].code.flags & AN_EC_NULL);
    assert_true(p[2].code.flags & AN_EC_ACTPASS);
    e = &d->pelems.v[p[2].upper];
    assert_int_equal(e[2].kind, AN_PE_ALT);
    const an_altgroup *g = &d->altgroups.v[e[2].id];
    assert_int_equal(g->nalts, 2);
    const an_pelem *a = &d->pelems.v[d->alts.v[g->alts + 1].elems];
    assert_string_equal(an_dict_word_str(d, a->id), "RAID");
    assert_int_equal(a->match, AN_WM_NOUN);
    /* - * (FOR {&WEAPON SHIPMENT}) : PP(4) FOR NP(2) &WEAPON SHIPMENT */
    e = &d->pelems.v[p[3].upper];
    assert_int_equal(e[0].n, 4);
    assert_int_equal(e[2].kind, AN_PE_NP);
    assert_int_equal(e[3].kind, AN_PE_SYNSET);
    assert_int_equal(e[3].adjacent, 1);
    /* - SPY_*_DEAL */
    assert_int_equal(p[4].lower_adjacent, 1);
    assert_int_equal(p[4].upper_adjacent, 1);
    assert_true(p[4].code.flags & AN_EC_NULL);
    an_error err = {0};
    assert_int_equal(an_dict_finish(d, &err), 0);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ discards and issues */

static void test_discards(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("test.discards.txt",
                           "# story-level discards have a '+'\n"
                           "MONTHS  LATER\n"
                           "+World Golf   Championships   # comment\n"
                           "GROUP A_\n"
                           "Caf\xc3\xa9 society\n"
                           "+\n",
                           &log);
    assert_int_equal(log.problems, 1);
    assert_true(logged(&log, 1, 6, "empty"));
    assert_int_equal(d->discards.n, 4);
    assert_string_equal(d->discards.v[0].phrase, "MONTHS LATER");
    assert_int_equal(d->discards.v[0].story, 0);
    assert_string_equal(d->discards.v[1].phrase, "WORLD GOLF CHAMPIONSHIPS");
    assert_int_equal(d->discards.v[1].story, 1);
    assert_string_equal(d->discards.v[2].phrase, "GROUP A");
    assert_int_equal(d->discards.v[2].exact_end, 1);
    assert_int_equal(d->discards.v[1].exact_end, 0);
    assert_string_equal(d->discards.v[3].phrase, "CAFE SOCIETY");
    assert_int_equal(d->discards.v[3].src.line, 5);
    an_dict_free(d);
}

/* The issue entries of code (NULL: exclusions) rendered, one per line. */
static void issues_of(const an_dict *d, const char *code, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->issues.n; i++) {
        const an_issue *is = &d->issues.v[i];
        if (code ? is->code == AN_NO_ID || strcmp(an_dict_code_str(d, is->code), code)
                 : is->code != AN_NO_ID)
            continue;
        char buf[256];
        render(d, is->words, is->nwords, buf, sizeof buf, 0);
        o += (size_t)snprintf(out + o, cap - o, "%s%s", buf, code ? "\n" : "");
        if (!code) o += (size_t)snprintf(out + o, cap - o, "/%d\n", is->exclude);
    }
}

static void test_issues(void **state)
{
    (void)state;
    diag_log log;
    an_dict *d = load_text("test.IssueCoding.txt",
                           "# issues\n"
                           "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
                           "n:academy [SCHOOLS]\n"
                           "pre+k [EARLY]\n"
                           "v:massacre [ATROCITY]\n"
                           "ethnic v:purge [ATROCITY]\n"
                           "war n:crisis [WAR]\n"
                           "v:hold talks [TALKS]\n"
                           "~a head start\n"
                           "~~Armenian genocide  # historical\n"
                           "no code here\n"                      /* 11 */
                           "a [X]b [Y]\n"                        /* 12: two entries */
                           "</ISSUE>\n",
                           &log);
    assert_int_equal(log.problems, 1);
    assert_true(logged(&log, 1, 11, "no [CODE]"));
    assert_true(logged(&log, 0, 12, "two issue entries"));
    char buf[2048];
    issues_of(d, "SCHOOLS", buf, sizeof buf);
    assert_string_equal(buf, "ACADEMY\nACADEMIES\n");
    issues_of(d, "EARLY", buf, sizeof buf);
    assert_string_equal(buf, "PRE_K\nPREK\n");
    issues_of(d, "ATROCITY", buf, sizeof buf);
    assert_string_equal(buf, "MASSACRE\nMASSACRES\nMASSACRED\nMASSACRING\n"
                             "ETHNIC_PURGE\nETHNIC_PURGES\nETHNIC_PURGED\nETHNIC_PURGING\n");
    issues_of(d, "WAR", buf, sizeof buf);
    assert_string_equal(buf, "WAR_CRISIS\nWAR_CRISISS\nWAR_CRISES\n");
    issues_of(d, "TALKS", buf, sizeof buf);
    assert_string_equal(buf, "HOLD_TALKS\nHOLDS_TALKS\nHOLDED_TALKS\nHOLDING_TALKS\n"
                             "HELD_TALKS\n");
    issues_of(d, NULL, buf, sizeof buf);
    assert_string_equal(buf, "A_HEAD_START/1\nARMENIAN_GENOCIDE/2\n");
    issues_of(d, "X", buf, sizeof buf);
    assert_string_equal(buf, "A\n");
    issues_of(d, "Y", buf, sizeof buf);
    assert_string_equal(buf, "B\n");
    an_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_petrarch1_files),
        cmocka_unit_test(test_shared_phoenix_files),
        cmocka_unit_test(test_actor_dates),
        cmocka_unit_test(test_actor_entries),
        cmocka_unit_test(test_actor_codeless_heads),
        cmocka_unit_test(test_actor_places),
        cmocka_unit_test(test_actor_comments_and_problems),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_verbs_petrarch1),
        cmocka_unit_test(test_verbs_petrarch2),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_issues),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
