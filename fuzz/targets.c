/* targets.c — the fuzz target bodies (see targets.h): readers, dictionary loaders and the
 * coder, driven through the public API only. Besides what the sanitizers catch, each target
 * checks the API's promises: an error has a message, a document is valid text, tokens and
 * sentences lie inside the text, events point into it. Not a test of coding quality. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "targets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annalist.h"

#ifndef AN_FUZZ_BUNDLED_DICT
#define AN_FUZZ_BUNDLED_DICT "data/dict/annalist.dictset"
#endif
#ifndef AN_FUZZ_DATA_DIR
#define AN_FUZZ_DATA_DIR "../shared/data"
#endif

/* ------------------------------------------------------------------ checks */

static void check_failed(const char *what, const char *file, int line)
{
    fprintf(stderr, "fuzz: invariant failed: %s (%s:%d)\n", what, file, line);
    abort();
}

#define CHECK(cond) ((cond) ? (void)0 : check_failed(#cond, __FILE__, __LINE__))

/* A failing call names its problem: the code it returned and a message. */
static void check_error(const an_error *err, int rc)
{
    CHECK(rc < 0);
    CHECK(err->code == rc);
    CHECK(err->msg[0] != '\0');
    CHECK(memchr(err->msg, '\0', sizeof err->msg) != NULL);
    CHECK(memchr(err->file, '\0', sizeof err->file) != NULL);
}

static int quiet(void) { return getenv("ANNALIST_FUZZ_VERBOSE") == NULL; }

/* Diagnostics must be well formed; with ANNALIST_FUZZ_VERBOSE they are printed. */
static void on_diag(void *ud, const an_error *e)
{
    size_t *count = ud;
    (*count)++;
    CHECK(e->msg[0] != '\0');
    CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
    if (!quiet()) {
        char buf[1024];
        fprintf(stderr, "diag: %s\n", an_error_text(e, buf, sizeof buf));
    }
}

/* Runs the text pipeline on a document and checks tokens and sentences against its text. */
static void check_analysis(const an_doc *doc)
{
    an_analysis *a;
    an_error err = {0};
    int rc = an_analyze(&a, doc, &err);
    if (rc < 0) {
        check_error(&err, rc);
        return;
    }
    size_t nt = an_analysis_token_count(a), ns = an_analysis_sentence_count(a);
    for (size_t i = 0; i < nt; i++) {
        const an_token *t = an_analysis_token(a, i);
        CHECK(t && t->norm);
        CHECK((size_t)t->span.off + t->span.len <= doc->text_len);
        CHECK(t->type >= AN_TOK_WORD && t->type <= AN_TOK_PUNCT);
        if (i) CHECK(t->span.off >= an_analysis_token(a, i - 1)->span.off);
    }
    for (size_t i = 0; i < ns; i++) {
        const an_sentence *s = an_analysis_sentence(a, i);
        CHECK(s && s->token_count > 0);
        CHECK((size_t)s->first_token + s->token_count <= nt);
        CHECK((size_t)s->span.off + s->span.len <= doc->text_len);
    }
    CHECK(an_analysis_sentence(a, ns) == NULL && an_analysis_token(a, nt) == NULL);
    an_analysis_free(a);
}

/* ------------------------------------------------------------------ readers */

static int fuzz_reader(const uint8_t *data, size_t size, an_input_format fmt, const char *name)
{
    for (int pass = 0; pass < 2; pass++) {
        an_read_opts o = AN_READ_OPTS_INIT;
        o.format = fmt;
        if (pass == 1) {
            /* Tight limits, so that the limit paths run too. */
            o.max_line_bytes = 64;
            o.max_doc_bytes = 200;
            o.default_date = "2001-02-03";
        }
        an_reader *r;
        an_error err = {0};
        int rc = an_reader_open_mem(&r, name, (const char *)data, size, &o, &err);
        if (rc < 0) {
            check_error(&err, rc);
            continue;
        }
        CHECK(an_reader_format(r) == fmt);
        for (;;) {
            const an_doc *doc;
            memset(&err, 0, sizeof err);
            rc = an_reader_next(r, &doc, &err);
            if (rc == 0) break;
            if (rc < 0) {
                check_error(&err, rc);
                CHECK(doc == NULL);
                if (rc == AN_EIO || rc == AN_ENOMEM) break;
                continue;
            }
            CHECK(rc == 1 && doc);
            CHECK(doc->id && doc->id[0]);
            CHECK(doc->text || doc->text_len == 0);
            CHECK(doc->text_len <= o.max_doc_bytes);
            if (doc->text_len) CHECK(memchr(doc->text, '\0', doc->text_len) == NULL);
            if (doc->date) CHECK(strlen(doc->date) == 10);
            check_analysis(doc);
        }
        an_reader_free(r);
    }
    return 0;
}

int an_fuzz_read_text(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, AN_INPUT_TEXT, "fuzz.txt");
}

int an_fuzz_read_jsonl(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, AN_INPUT_JSONL, "fuzz.jsonl");
}

int an_fuzz_read_xml(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, AN_INPUT_PETRARCH_XML, "fuzz.xml");
}

int an_fuzz_read_tabari(const uint8_t *data, size_t size)
{
    return fuzz_reader(data, size, AN_INPUT_TABARI, "fuzz.tabari");
}

/* ------------------------------------------------------------------ coding */

/* Codes a document and checks the events against its text. */
static void code_and_check(an_coder *c, const an_doc *doc)
{
    an_result res;
    an_error err = {0};
    int rc = an_coder_code(c, doc, &res, &err);
    if (rc < 0) {
        check_error(&err, rc);
        return;
    }
    CHECK(res.event_count == 0 || res.events);
    for (size_t i = 0; i < res.event_count; i++) {
        const an_event *e = &res.events[i];
        CHECK(e->source && e->target && e->code && e->rule);
        CHECK(e->sent < res.sentence_count || doc->single_sentence);
        const an_span *sp[] = {&e->source_span, &e->target_span, &e->verb_span,
                               &e->sentence_span};
        for (size_t k = 0; k < 4; k++) CHECK((size_t)sp[k]->off + sp[k]->len <= doc->text_len);
        CHECK(e->source_text && e->target_text && e->verb_text && e->sentence_text);
    }
    /* The formatter must cope with whatever was coded. */
    char *buf = NULL;
    size_t len = 0, cap = 0;
    CHECK(an_result_format(&res, AN_FORMAT_JSONL, &buf, &len, &cap) == 0);
    CHECK(an_result_format(&res, AN_FORMAT_TSV, &buf, &len, &cap) == 0);
    free(buf);
}

/* Codes text as one single-sentence document (with parse, if any) and as running text. */
static void code_text(an_coder *single, an_coder *multi, const char *text, size_t len,
                      const char *parse)
{
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "fuzz-1";
    doc.date = "2001-02-03";
    doc.text = text;
    doc.text_len = len;
    doc.parse = parse;
    doc.file = "fuzz";
    doc.line = 1;
    doc.single_sentence = 1;
    if (single) code_and_check(single, &doc);
    doc.id = "fuzz-2";
    doc.date = NULL;
    doc.parse = NULL;
    doc.single_sentence = 0;
    if (multi) code_and_check(multi, &doc);
}

/* ------------------------------------------------------------------ dictionaries */

static char tmpdir[64];

static void remove_tmpdir(void)
{
    if (tmpdir[0]) rmdir(tmpdir);
}

/* A private directory for this process's dictionary files. The loaders choose what a file is
 * from its name, so the names must be fixed: mkstemps's random letters could spell "verb"
 * or "actor" and send the file to another loader. */
static const char *work_dir(void)
{
    if (!tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/annalist-fuzz-XXXXXX",
                 base && *base && strlen(base) < 32 ? base : "/tmp");
        if (!mkdtemp(tmpdir)) {
            fprintf(stderr, "fuzz: cannot create %s: %s\n", tmpdir, strerror(errno));
            abort();
        }
        atexit(remove_tmpdir);
    }
    return tmpdir;
}

static void write_file(const char *path, const char *prefix, const uint8_t *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        fprintf(stderr, "fuzz: cannot write %s: %s\n", path, strerror(errno));
        abort();
    }
    size_t plen = prefix ? strlen(prefix) : 0;
    if ((plen && write(fd, prefix, plen) != (ssize_t)plen) ||
        (size && write(fd, data, size) != (ssize_t)size)) {
        fprintf(stderr, "fuzz: cannot write %s\n", path);
        abort();
    }
    close(fd);
}

/* Small fixed dictionaries loaded next to the one under test, so that coding has actors,
 * agents and verbs to work with. */
static const char tabari_actors[] =
    "<NOUN>\nFORCES_\nLEADER\n</NOUN>\n<ADJECTIVE>\nGOOD\n</ADJECTIVE>\n"
    "ARNOR [ARN]\nGONDOR [GON]\nARAGORN [RNG]\nMORDOR [MOR <011214] [MOR2]\n"
    "WHITE_COUNCIL [WHC]\n";
static const char tabari_agents[] = "MINISTER_ [~GOV]\nREBELS_ [~REB]\nPOLICE [~COP]\n";
static const char tabari_verbs[] =
    "<SYNSETS>\n&TIE\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\n"
    "ACCUSE [112]\n- $ * + OF &TIE CRIMES [1121]\n- * { BITTERLY | OPENLY } [1122]\n"
    "MET [040]\n- $ * WITH + [041]\nSAID [010]\n";
static const char petrarch_actors[] =
    "ISRAEL [ISR]\nHAMAS [PSEREBHMS]\nGAZA_CITY [PSEGZA]\nJORDAN [JOR]\n"
    "PRESIDENT_GEORGE_W._BUSH [USAGOV]\n";
static const char petrarch_agents[] =
    "!PERSON! = MAN, MEN, WOMAN\nPRESIDENT [~GOV]\nREBEL!PERSON! [~REB]\nPOLICE {} [~COP]\n";
static const char petrarch_verbs[] =
    "&TIE\n+MILITARY\n+ECONOMIC\n\n--- ACCUSE [112] ---\nACCUSE\n- * + OF &TIE CRIMES [1121]\n"
    "\n--- MEET [040] ---\nMEET\nMET\n- * WITH + [041]\n";

typedef struct companion {
    const char *name;
    const char *text;
} companion;

static const companion tabari_set[] = {
    {"fixed.actors", tabari_actors}, {"fixed.agents", tabari_agents},
    {"fixed.verbs", tabari_verbs}, {NULL, NULL}};
static const companion petrarch_set[] = {
    {"fixed.actors.txt", petrarch_actors}, {"fixed.agents.txt", petrarch_agents},
    {"fixed.verbs.txt", petrarch_verbs}, {NULL, NULL}};

static const char *const fixed_sentences[] = {
    "Aragorn accused Gondor of military crimes yesterday.",
    "Gondor leader met with the Arnor minister, said the White Council.",
    "Israel accused Hamas of economic crimes in Gaza City.",
    "President George W. Bush met with the Jordan police. Rebel men accuse Israel.",
};

/* Loads the input as a dictionary of one kind (file name `name`, with `prefix` before the
 * input), plus the companions whose kind differs, then codes fixed text and the input. */
static int fuzz_dict(const uint8_t *data, size_t size, const char *name, const char *prefix,
                     const companion *set, const char *skip)
{
    const char *dir = work_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_file(path, prefix, data, size);

    an_dict *d;
    an_error err = {0};
    size_t ndiag = 0;
    CHECK(an_dict_new(&d, &err) == 0);
    an_dict_set_diag(d, on_diag, &ndiag);
    int rc = an_dict_load(d, path, &err);
    if (rc < 0) check_error(&err, rc);
    CHECK(rc == 0 || rc == AN_EBADINPUT);
    for (const companion *c = set; c && c->name; c++) {
        if (skip && strstr(c->name, skip)) continue;
        char cpath[128];
        snprintf(cpath, sizeof cpath, "%s/%s", dir, c->name);
        write_file(cpath, NULL, (const uint8_t *)c->text, strlen(c->text));
        memset(&err, 0, sizeof err);
        rc = an_dict_load(d, cpath, &err);
        unlink(cpath);
        if (rc < 0) check_error(&err, rc);
    }
    unlink(path);
    an_dict_stats st;
    an_dict_get_stats(d, &st);
    memset(&err, 0, sizeof err);
    rc = an_dict_finish(d, &err);
    if (rc < 0) {
        check_error(&err, rc);
        an_dict_free(d);
        return 0;
    }
    an_coder *single = NULL, *multi = NULL;
    an_code_opts co = AN_CODE_OPTS_INIT;
    co.require_dyad = 0;
    CHECK(an_coder_new(&single, d, &co, &err) == 0);
    co.explain = 1;
    CHECK(an_coder_new(&multi, d, &co, &err) == 0);
    an_coder_set_diag(single, on_diag, &ndiag);
    an_coder_set_diag(multi, on_diag, &ndiag);
    for (size_t i = 0; i < sizeof fixed_sentences / sizeof *fixed_sentences; i++)
        code_text(single, multi, fixed_sentences[i], strlen(fixed_sentences[i]), NULL);
    /* The input's own words are the dictionary's words: code it as text too. */
    code_text(single, multi, (const char *)data, size, NULL);
    an_coder_free(single);
    an_coder_free(multi);
    an_dict_free(d);
    return 0;
}

int an_fuzz_dict_tabari_actors(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.actors", NULL, tabari_set, ".actors");
}

int an_fuzz_dict_tabari_agents(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.agents", NULL, tabari_set, ".agents");
}

int an_fuzz_dict_tabari_verbs(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.verbs", NULL, tabari_set, ".verbs");
}

int an_fuzz_dict_tabari_options(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.options", NULL, tabari_set, NULL);
}

int an_fuzz_dict_petrarch_actors(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.actors.txt", NULL, petrarch_set, ".actors");
}

int an_fuzz_dict_petrarch_agents(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.agents.txt", NULL, petrarch_set, ".agents");
}

int an_fuzz_dict_petrarch_verbs(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.verbs.txt", NULL, petrarch_set, ".verbs");
}

int an_fuzz_dict_petrarch2_verbs(const uint8_t *data, size_t size)
{
    /* The header line makes the loader read the file as PETRARCH-2 (CAMEO.2.0.txt). */
    return fuzz_dict(data, size, "x.verbs.txt", "####### VERB PATTERNS #######\n", petrarch_set,
                     ".verbs");
}

int an_fuzz_dict_discards(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.discards.txt", NULL, petrarch_set, NULL);
}

int an_fuzz_dict_issues(const uint8_t *data, size_t size)
{
    return fuzz_dict(data, size, "x.IssueCoding.txt", NULL, petrarch_set, NULL);
}

/* ------------------------------------------------------------------ the coder */

typedef struct fixed_dict {
    an_dict *dict;
    an_coder *single, *multi;
    int tried;
} fixed_dict;

/* Loads a fixed dictionary once per process: ANNALIST_FUZZ_DICT (paths separated by ':'),
 * else the default list. Kept until exit (still reachable, so no leak report). */
static fixed_dict *load_fixed(fixed_dict *fd, const char *defaults)
{
    if (fd->tried) return fd->dict ? fd : NULL;
    fd->tried = 1;
    const char *env = getenv("ANNALIST_FUZZ_DICT");
    char *list = strdup(env && *env ? env : defaults);
    CHECK(list != NULL);
    an_error err = {0};
    CHECK(an_dict_new(&fd->dict, &err) == 0);
    int ok = 1;
    for (char *save = NULL, *p = strtok_r(list, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
        memset(&err, 0, sizeof err);
        int rc = an_dict_load(fd->dict, p, &err);
        if (rc == AN_ENOTFOUND || rc == AN_EIO) {
            char buf[1024];
            fprintf(stderr, "fuzz: cannot load the dictionary: %s\n",
                    an_error_text(&err, buf, sizeof buf));
            ok = 0;
        }
    }
    free(list);
    if (ok && an_dict_finish(fd->dict, &err) < 0) ok = 0;
    if (!ok) {
        fprintf(stderr, "fuzz: set ANNALIST_FUZZ_DICT; the coder targets do nothing\n");
        an_dict_free(fd->dict);
        fd->dict = NULL;
        return NULL;
    }
    an_code_opts co = AN_CODE_OPTS_INIT;
    co.explain = 1;
    CHECK(an_coder_new(&fd->single, fd->dict, &co, &err) == 0);
    co.explain = 0;
    co.require_dyad = 0;
    CHECK(an_coder_new(&fd->multi, fd->dict, &co, &err) == 0);
    return fd;
}

static int fuzz_code(fixed_dict *fd, const char *defaults, const uint8_t *data, size_t size)
{
    if (!load_fixed(fd, defaults)) return 0;
    /* TEXT [NUL PARSE]: copies, so that the parse is NUL-terminated and ASan sees the text's
     * exact end. */
    const uint8_t *nul = memchr(data, '\0', size);
    size_t tlen = nul ? (size_t)(nul - data) : size;
    char *text = malloc(tlen ? tlen : 1);
    char *parse = NULL;
    CHECK(text != NULL);
    memcpy(text, data, tlen);
    if (nul) {
        size_t plen = size - tlen - 1;
        parse = malloc(plen + 1);
        CHECK(parse != NULL);
        memcpy(parse, nul + 1, plen);
        parse[plen] = '\0';
    }
    size_t ndiag = 0;
    an_coder_set_diag(fd->single, on_diag, &ndiag);
    an_coder_set_diag(fd->multi, on_diag, &ndiag);
    code_text(fd->single, fd->multi, text, tlen, parse);
    free(text);
    free(parse);
    return 0;
}

static fixed_dict tabari_fixed, petrarch_fixed, annalist_fixed;

int an_fuzz_code_tabari(const uint8_t *data, size_t size)
{
    return fuzz_code(&tabari_fixed,
                     AN_FUZZ_DATA_DIR "/tabari-validation/suite.dictset:" AN_FUZZ_DATA_DIR
                                      "/tabari-validation/raw/Validate.options",
                     data, size);
}

int an_fuzz_code_petrarch(const uint8_t *data, size_t size)
{
    return fuzz_code(&petrarch_fixed, AN_FUZZ_DATA_DIR "/petrarch-unittest/suite.dictset", data,
                     size);
}

/* annalist mode (the bundled dictionaries ask for it): the rules of src/coder/annalist_mode.c
 * on top of PETRARCH's, with the document context carried across sentences. */
int an_fuzz_code_annalist(const uint8_t *data, size_t size)
{
    return fuzz_code(&annalist_fixed, AN_FUZZ_BUNDLED_DICT, data, size);
}

/* ------------------------------------------------------------------ store queries */

/* A small store made once per process from the bundled dictionaries and a few documents;
 * the input supplies the query options. Removed at exit. */
typedef struct fixed_store {
    an_store *store;
    FILE *sink;
    char dir[64], path[96];
    int tried;
} fixed_store;

static fixed_store store_fixed;

static void drop_store(void)
{
    if (store_fixed.store) an_store_close(store_fixed.store);
    if (store_fixed.sink) fclose(store_fixed.sink);
    static const char *const tails[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s%s", store_fixed.path, tails[i]);
        unlink(p);
    }
    if (store_fixed.dir[0]) rmdir(store_fixed.dir);
}

static an_store *load_store(void)
{
    if (store_fixed.tried) return store_fixed.store;
    store_fixed.tried = 1;
    fixed_dict *fd = load_fixed(&annalist_fixed, AN_FUZZ_BUNDLED_DICT);
    if (!fd) return NULL;
    const char *tmp = getenv("TMPDIR");
    snprintf(store_fixed.dir, sizeof store_fixed.dir, "%s/an_fuzz_store_XXXXXX",
             tmp && *tmp && strlen(tmp) < 30 ? tmp : "/tmp");
    CHECK(mkdtemp(store_fixed.dir) != NULL);
    snprintf(store_fixed.path, sizeof store_fixed.path, "%s/s.db", store_fixed.dir);
    atexit(drop_store);
    an_error err = {0};
    CHECK(an_store_open(&store_fixed.store, store_fixed.path, 0, &err) == 0);
    static const char *const docs[][3] = {
        {"d1", "2026-11-23", "Pakistan condemned India on Monday. Egypt praised Pakistan."},
        {"d2", "2026-11-24", "Russian forces attacked Ukraine. Pakistan condemned India again."},
        {"d3", "2025-01-02", "Shehbaz Sharif met Xi Jinping in Beijing. They signed a trade deal."},
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        an_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = docs[i][0];
        doc.date = docs[i][1];
        doc.text = docs[i][2];
        doc.text_len = strlen(docs[i][2]);
        an_result res;
        CHECK(an_coder_code(fd->multi, &doc, &res, &err) == 0);
        CHECK(an_store_ingest_doc(store_fixed.store, &doc, &res, NULL, &err) == 0);
    }
    store_fixed.sink = fopen("/dev/null", "w");
    CHECK(store_fixed.sink != NULL);
    return store_fixed.store;
}

static int count_event(void *ud, const an_store_event_row *r)
{
    CHECK(r->event.source && r->event.target && r->event.code);
    ++*(size_t *)ud;
    return 0;
}

static int count_series(void *ud, const an_store_series_row *r)
{
    CHECK(r->period && r->source && r->target);
    ++*(size_t *)ud;
    return 0;
}

static int count_top(void *ud, const an_store_top_row *r)
{
    CHECK(r->source != NULL);
    ++*(size_t *)ud;
    return 0;
}

static int count_doc(void *ud, const an_store_doc_row *r)
{
    CHECK(r->id && r->text_hash);
    ++*(size_t *)ud;
    return 0;
}

/* One query call: it succeeds or names its problem. */
static void query_done(int rc, const an_error *err)
{
    if (rc < 0) check_error(err, rc);
}

/* Input: a control byte (bit 0 directed dyad, bit 1 one-a-day, bits 2-5 quad classes,
 * bits 6-7 prefix length and limit), then up to twelve fields separated by newlines:
 * actor, source, target, dyad a, dyad b, code, root, from, to, document, period, export
 * format. An empty field is no condition. */
int an_fuzz_store_query(const uint8_t *data, size_t size)
{
    an_store *s = load_store();
    if (!s || size == 0) return 0;
    unsigned ctl = data[0];
    char *buf = malloc(size);
    CHECK(buf != NULL);
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    const char *field[12] = {0};
    char *p = buf;
    for (int i = 0; i < 12 && p; i++) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        field[i] = *p ? p : NULL;
        p = nl ? nl + 1 : NULL;
    }
    an_store_filter f = AN_STORE_FILTER_INIT;
    f.actor = field[0];
    f.source = field[1];
    f.target = field[2];
    f.dyad_a = field[3];
    f.dyad_b = field[4];
    f.dyad_directed = (ctl & 1) != 0;
    f.one_a_day = (ctl & 2) != 0;
    f.code = field[5];
    f.root = field[6];
    f.quads = (ctl >> 1) & 0x1e; /* bits for classes 1..4 */
    f.from = field[7];
    f.to = field[8];
    f.doc = field[9];
    f.limit = (ctl >> 6) * 3;
    int period = field[10] ? an_period_parse(field[10]) : AN_PERIOD_MONTH;
    int format = field[11] ? an_export_format_parse(field[11]) : AN_EXPORT_JSONL;
    size_t rows = 0;
    an_error err = {0};
    query_done(an_store_query_events(s, &f, count_event, &rows, &err), &err);
    if (period >= 0) {
        memset(&err, 0, sizeof err);
        query_done(an_store_series(s, &f, (an_period)period, count_series, &rows, &err), &err);
    }
    memset(&err, 0, sizeof err);
    query_done(an_store_top_actors(s, &f, ctl >> 6, count_top, &rows, &err), &err);
    memset(&err, 0, sizeof err);
    query_done(an_store_top_dyads(s, &f, ctl >> 6, count_top, &rows, &err), &err);
    memset(&err, 0, sizeof err);
    query_done(an_store_query_docs(s, &f, count_doc, &rows, &err), &err);
    if (format >= 0) {
        memset(&err, 0, sizeof err);
        query_done(an_store_export(s, (an_export_format)format, &f, store_fixed.sink, &err), &err);
    }
    free(buf);
    return 0;
}

/* ------------------------------------------------------------------ the table */

const an_fuzz_target an_fuzz_targets[] = {
    {"read_text", an_fuzz_read_text},
    {"read_jsonl", an_fuzz_read_jsonl},
    {"read_xml", an_fuzz_read_xml},
    {"read_tabari", an_fuzz_read_tabari},
    {"dict_tabari_actors", an_fuzz_dict_tabari_actors},
    {"dict_tabari_agents", an_fuzz_dict_tabari_agents},
    {"dict_tabari_verbs", an_fuzz_dict_tabari_verbs},
    {"dict_tabari_options", an_fuzz_dict_tabari_options},
    {"dict_petrarch_actors", an_fuzz_dict_petrarch_actors},
    {"dict_petrarch_agents", an_fuzz_dict_petrarch_agents},
    {"dict_petrarch_verbs", an_fuzz_dict_petrarch_verbs},
    {"dict_petrarch2_verbs", an_fuzz_dict_petrarch2_verbs},
    {"dict_discards", an_fuzz_dict_discards},
    {"dict_issues", an_fuzz_dict_issues},
    {"code_tabari", an_fuzz_code_tabari},
    {"code_petrarch", an_fuzz_code_petrarch},
    {"code_annalist", an_fuzz_code_annalist},
    {"store_query", an_fuzz_store_query},
    {NULL, NULL},
};
