/* test_bounds.c — robustness bounds (docs/robustness.md): the coder's work on one sentence
 * stays polynomial for adversarial dictionaries (thousands of roots sharing a first word,
 * patterns of a hundred gapped words, synsets of hundreds of members, synsets nested a dozen
 * deep, a synset holding itself), measured with the coder's work counter, not a timer; and
 * every size limit ends in an error that names the file, line or document. */
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
#include "coder/coder_impl.h"

/* ------------------------------------------------------------------ helpers */

static char dir[64];

static int setup_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/annalist-bounds-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    return rmdir(dir);
}

/* A growing string for building dictionaries and sentences. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Collects diagnostics: how many, and the last one. */
typedef struct diags {
    size_t n;
    an_error last;
    int seen_text;          /* some message contained `want` */
    const char *want;
} diags;

static void on_diag(void *ud, const an_error *e)
{
    diags *d = ud;
    d->n++;
    d->last = *e;
    if (d->want && strstr(e->msg, d->want)) d->seen_text = 1;
}

/* Loads one dictionary file `name` with the given text; the caller frees. */
static an_dict *load_dict(const char *name, const char *text, diags *dg)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_file(path, text, strlen(text));
    an_dict *d;
    an_error err = {0};
    assert_int_equal(an_dict_new(&d, &err), 0);
    if (dg) an_dict_set_diag(d, on_diag, dg);
    int rc = an_dict_load(d, path, &err);
    char buf[1024];
    if (rc < 0 && rc != AN_EBADINPUT) fail_msg("%s", an_error_text(&err, buf, sizeof buf));
    if (an_dict_finish(d, &err) < 0) fail_msg("%s", an_error_text(&err, buf, sizeof buf));
    unlink(path);
    return d;
}

/* Codes text as one single-sentence document; returns the coder's work counter. */
static uint64_t code_work(const an_dict *d, const char *text, size_t *events)
{
    an_coder *c;
    an_error err = {0};
    an_code_opts o = AN_CODE_OPTS_INIT;
    o.max_sentence_bytes = 0; /* no limit: the test's sentences are long on purpose */
    o.require_dyad = 0;
    assert_int_equal(an_coder_new(&c, d, &o, &err), 0);
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "bounds";
    doc.date = "2001-02-03";
    doc.text = text;
    doc.text_len = strlen(text);
    doc.single_sentence = 1;
    an_result res;
    char buf[1024];
    if (an_coder_code(c, &doc, &res, &err) < 0) fail_msg("%s", an_error_text(&err, buf, sizeof buf));
    if (events) *events = res.event_count;
    uint64_t w = an_coder_work(c);
    an_coder_free(c);
    return w;
}

/* "prefix word word ... word": n repetitions of word. */
static char *repeat(const char *prefix, const char *word, size_t n)
{
    sbuf b = {0};
    sb_printf(&b, "%s", prefix);
    for (size_t i = 0; i < n; i++) sb_printf(&b, " %s", word);
    return b.s;
}

/* ------------------------------------------------------------------ work bounds */

/* 1500 actors "ALPHA Bi Ci" (TABARI: words after a blank may come after a gap) whose later
 * words never occur: at every token each root scans to the end of the sentence. Root
 * assignment is O(roots x tokens^2): doubling the sentence may at most quadruple the work. */
static void test_roots_sharing_a_first_word(void **state)
{
    (void)state;
    const size_t nroots = 1500;
    sbuf b = {0};
    for (size_t i = 0; i < nroots; i++) sb_printf(&b, "ALPHA B%zu C%zu [X%zu]\n", i, i, i);
    an_dict *d = load_dict("roots.actors", b.s, NULL);
    free(b.s);
    uint64_t w[2];
    size_t t[2] = {50, 100};
    for (int k = 0; k < 2; k++) {
        char *text = repeat("alpha", "alpha", t[k] - 1);
        w[k] = code_work(d, text, NULL);
        free(text);
    }
    print_message("roots: %zu tokens %llu steps, %zu tokens %llu steps\n", t[0],
                  (unsigned long long)w[0], t[1], (unsigned long long)w[1]);
    assert_true(w[0] >= nroots * t[0]);                  /* the counter counts */
    assert_true(w[1] <= (uint64_t)nroots * t[1] * t[1]); /* roots x tokens^2 */
    assert_true(w[1] * 10 <= w[0] * 45);                 /* at most quadratic in the tokens */
    an_dict_free(d);
}

/* PETRARCH-1 verb STRIKE with 198 patterns of up to 100 gapped words whose last word comes
 * only before the verb, so every pattern is tried and fails at the end of the sentence; the
 * sentence repeats "strike al al al al". */
static void test_patterns_with_many_gaps(void **state)
{
    (void)state;
    sbuf b = {0};
    sb_printf(&b, "--- STRIKE [190] ---\nSTRIKE\n");
    for (int p = 0; p < 198; p++) {
        sb_printf(&b, "- *");
        for (int k = 0; k <= p % 99; k++) sb_printf(&b, " AL");
        sb_printf(&b, " %s [191]\n", p < 99 ? "OMEGA" : "OMEGAX");
    }
    an_dict *d = load_dict("gaps.verbs.txt", b.s, NULL);
    free(b.s);
    uint64_t w[2];
    size_t groups[2] = {12, 24};
    for (int k = 0; k < 2; k++) {
        sbuf s = {0};
        sb_printf(&s, "omega omegax");
        for (size_t g = 0; g < groups[k]; g++) sb_printf(&s, " strike al al al al");
        w[k] = code_work(d, s.s, NULL);
        free(s.s);
    }
    print_message("gapped patterns: %llu steps, twice the verbs and tokens %llu steps\n",
                  (unsigned long long)w[0], (unsigned long long)w[1]);
    assert_true(w[0] >= 198 * groups[0]);  /* every pattern of every verb was tried */
    assert_true(w[1] * 10 <= w[0] * 45);   /* at most quadratic */
    assert_true(w[1] * 10 >= w[0] * 15);   /* and it did grow: the sentence was not cut */
    an_dict_free(d);
}

/* TABARI synset of 300 members "AL Zi" (gapped; Zi never occurs) after the verb: every
 * member is tried at every token after it and scans to the end. */
static void test_synset_with_hundreds_of_members(void **state)
{
    (void)state;
    sbuf b = {0};
    sb_printf(&b, "<SYNSETS>\n&BIG\n");
    for (int i = 0; i < 300; i++) sb_printf(&b, "+AL Z%03d\n", i);
    sb_printf(&b, "</SYNSETS>\nSTRIKE [190]\n- * &BIG [191]\n");
    an_dict *d = load_dict("big.verbs", b.s, NULL);
    free(b.s);
    uint64_t w[2];
    size_t t[2] = {50, 100};
    for (int k = 0; k < 2; k++) {
        char *text = repeat("Gondor strike", "al", t[k] - 2);
        w[k] = code_work(d, text, NULL);
        free(text);
    }
    print_message("big synset: %llu steps, twice the tokens %llu steps\n",
                  (unsigned long long)w[0], (unsigned long long)w[1]);
    assert_true(w[0] >= 300 * (t[0] - 2)); /* every member tried at every "al" */
    assert_true(w[1] <= (uint64_t)300 * t[1] * t[1] * 2);
    assert_true(w[1] * 10 <= w[0] * 45);
    an_dict_free(d);
}

/* Synsets nested `depth` deep: &Sk = { &S(k-1)_&S(k-1)_ZZ | &S(k-1) }, &S0 = { AL }. Matched
 * afresh at every level this costs 3^depth (depth 16: 129 million steps); with synsets
 * memoised per pattern match level j is tried at depth-j positions: quadratic in the depth
 * (depth 16: about 600 steps). */
static an_dict *nested_dict(int depth)
{
    sbuf b = {0};
    sb_printf(&b, "&S0\n+AL\n\n");
    for (int k = 1; k <= depth; k++)
        sb_printf(&b, "&S%d\n+&S%d &S%d ZZ_\n+&S%d\n\n", k, k - 1, k - 1, k - 1);
    sb_printf(&b, "--- STRIKE [190] ---\nSTRIKE\n- * &S%d [191]\n", depth);
    an_dict *d = load_dict("nested.verbs.txt", b.s, NULL);
    free(b.s);
    return d;
}

static void test_nested_synsets(void **state)
{
    (void)state;
    int depth[2] = {6, 14};
    uint64_t w[2];
    size_t events[2];
    for (int k = 0; k < 2; k++) {
        an_dict *d = nested_dict(depth[k]);
        char *text = repeat("Gondor strike", "al", 40);
        w[k] = code_work(d, text, &events[k]);
        free(text);
        an_dict_free(d);
    }
    print_message("nested synsets: depth %d %llu steps, depth %d %llu steps\n", depth[0],
                  (unsigned long long)w[0], depth[1], (unsigned long long)w[1]);
    /* Quadratic in the depth ((14/6)^2 < 6), where 3^14/3^6 would be 6561. */
    assert_true(w[1] <= w[0] * 6);
    assert_true(w[1] < 100000);
}

/* A synset that holds itself would make matching recurse forever: the loader refuses the
 * member (file:line) and coding finishes. */
static void test_synset_holding_itself(void **state)
{
    (void)state;
    diags dg = {0};
    dg.want = "cannot be a member of itself";
    an_dict *d = load_dict("loop.verbs.txt",
                           "&LOOP\n+&LOOP\n+&LOOP AL\n+AL\n\n--- STRIKE [190] ---\nSTRIKE\n"
                           "- * &LOOP [191]\n",
                           &dg);
    assert_true(dg.seen_text);
    assert_int_equal(dg.last.line, 3);
    assert_non_null(strstr(dg.last.file, "loop.verbs.txt"));
    char *text = repeat("Gondor strike", "al", 20);
    code_work(d, text, NULL);
    free(text);
    an_dict_free(d);
}

/* TABARI dictionaries (pattern and member) cannot refer to themselves either. */
static void test_tabari_synset_holding_itself(void **state)
{
    (void)state;
    diags dg = {0};
    dg.want = "cannot be a member of itself";
    an_dict *d = load_dict("loop.verbs",
                           "<SYNSETS>\n&LOOP\n+AL &LOOP\n+AL\n</SYNSETS>\nSTRIKE [190]\n"
                           "- * &LOOP [191]\n",
                           &dg);
    assert_true(dg.seen_text);
    char *text = repeat("Gondor strike", "al", 20);
    code_work(d, text, NULL);
    free(text);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ limits */

/* Reads all documents; returns how many were read and keeps the first error. */
static int read_all(const char *name, const char *data, const an_read_opts *o, an_error *first,
                    int *first_rc)
{
    an_reader *r;
    an_error err = {0};
    assert_int_equal(an_reader_open_mem(&r, name, data, strlen(data), o, &err), 0);
    int docs = 0;
    *first_rc = 0;
    for (;;) {
        const an_doc *doc;
        int rc = an_reader_next(r, &doc, &err);
        if (rc == 0) break;
        if (rc < 0) {
            if (!*first_rc) {
                *first_rc = rc;
                *first = err;
            }
            if (rc == AN_EIO) break;
            continue;
        }
        docs++;
    }
    an_reader_free(r);
    return docs;
}

static void test_line_limit(void **state)
{
    (void)state;
    an_read_opts o = AN_READ_OPTS_INIT;
    o.format = AN_INPUT_JSONL;
    o.max_line_bytes = 100;
    char *big = repeat("{\"id\":\"b\",\"date\":null,\"text\":\"", "x", 200);
    sbuf in = {0};
    sb_printf(&in, "{\"id\":\"a\",\"date\":null,\"text\":\"short\"}\n%s\"}\n"
                   "{\"id\":\"c\",\"date\":null,\"text\":\"after\"}\n", big);
    free(big);
    an_error err;
    int rc;
    assert_int_equal(read_all("lines.jsonl", in.s, &o, &err, &rc), 2);
    assert_int_equal(rc, AN_ELIMIT);
    assert_string_equal(err.file, "lines.jsonl");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "longer than the limit of 100"));
    free(in.s);
}

static void test_document_limit(void **state)
{
    (void)state;
    an_read_opts o = AN_READ_OPTS_INIT;
    o.format = AN_INPUT_TEXT;
    o.max_doc_bytes = 300;
    /* Three documents separated by date lines; the second is too long. */
    char *body = repeat("Long", "words", 100);
    sbuf in = {0};
    sb_printf(&in, "2001-01-01\nShort one.\n2001-01-02\n%s\n%s\n2001-01-03\nAfter it.\n", body,
              body);
    free(body);
    an_error err;
    int rc;
    assert_int_equal(read_all("docs.txt", in.s, &o, &err, &rc), 2);
    assert_int_equal(rc, AN_ELIMIT);
    assert_string_equal(err.file, "docs.txt");
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.msg, "document docs.txt#2 is"));
    assert_non_null(strstr(err.msg, "longer than the limit of 300"));
    free(in.s);

    /* TABARI records too. */
    o.format = AN_INPUT_TABARI;
    char *line = repeat("words", "more", 80);
    sbuf tin = {0};
    sb_printf(&tin, "950101 REC-1\nShort.\n\n950102 REC-2\n%s\n%s\n\n950103 REC-3\nAfter.\n", line,
              line);
    free(line);
    assert_int_equal(read_all("recs.tabari", tin.s, &o, &err, &rc), 2);
    assert_int_equal(rc, AN_ELIMIT);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.msg, "document REC-2 is"));
    free(tin.s);
}

static void test_sentence_limits(void **state)
{
    (void)state;
    an_dict *d = load_dict("s.actors", "GONDOR [GON]\nARNOR [ARN]\n", NULL);
    an_code_opts o = AN_CODE_OPTS_INIT;
    o.max_sentence_bytes = 100;
    o.max_sentence_tokens = 10;
    an_coder *c;
    an_error err = {0};
    assert_int_equal(an_coder_new(&c, d, &o, &err), 0);
    diags dg = {0};
    an_coder_set_diag(c, on_diag, &dg);
    char *longs = repeat("Gondor attacked Arnor", "again", 30);
    sbuf text = {0};
    sb_printf(&text, "%s.\n\nGondor met Arnor and many others in a very long list of words "
                     "today.\n\nGondor met Arnor.", longs);
    free(longs);
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "doc-7";
    doc.text = text.s;
    doc.text_len = text.len;
    doc.file = "news.txt";
    doc.line = 12;
    an_result res;
    assert_int_equal(an_coder_code(c, &doc, &res, &err), 0);
    assert_int_equal(res.sentence_count, 3);
    assert_int_equal(dg.n, 2);
    /* The first sentence is too long, the second has too many tokens. */
    assert_int_equal(an_coder_sentence_status(c, 0), AN_SENT_TOOLONG);
    assert_int_equal(dg.last.code, AN_ELIMIT);
    assert_string_equal(dg.last.file, "news.txt");
    assert_int_equal(dg.last.line, 12);
    assert_non_null(strstr(dg.last.msg, "document doc-7: sentence 2 has more than 10 tokens"));
    an_coder_free(c);
    an_dict_free(d);
    free(text.s);
}

static void test_dictionary_limits(void **state)
{
    (void)state;
    /* A 70000-byte line, a 400-byte pattern and one of 130 words; the rest loads. */
    sbuf b = {0};
    sb_printf(&b, "<SYNSETS>\n&X\n+AL\n</SYNSETS>\nSTRIKE [190]\n- * ");
    for (int i = 0; i < 14000; i++) sb_printf(&b, "WORDS");
    sb_printf(&b, " [191]\n- * ");
    for (int i = 0; i < 100; i++) sb_printf(&b, "LONG");
    sb_printf(&b, " [192]\n- *");
    for (int i = 0; i < 130; i++) sb_printf(&b, " A");
    sb_printf(&b, " [193]\n- * AL [194]\n");
    diags dg = {0};
    dg.want = "line is 70";
    an_dict *d = load_dict("limits.verbs", b.s, &dg);
    free(b.s);
    assert_true(dg.seen_text);
    assert_int_equal(dg.n, 3);
    assert_non_null(strstr(dg.last.msg, "more than 128 words"));
    assert_int_equal(dg.last.line, 8);
    an_dict_stats st;
    an_dict_get_stats(d, &st);
    assert_int_equal(st.patterns, 1);
    an_dict_free(d);

    dg = (diags){0};
    dg.want = "bytes, longer than the limit of 340";
    b = (sbuf){0};
    sb_printf(&b, "STRIKE [190]\n- * ");
    for (int i = 0; i < 100; i++) sb_printf(&b, "LONG");
    sb_printf(&b, " [192]\n");
    d = load_dict("limits2.verbs", b.s, &dg);
    free(b.s);
    assert_true(dg.seen_text);
    an_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roots_sharing_a_first_word),
        cmocka_unit_test(test_patterns_with_many_gaps),
        cmocka_unit_test(test_synset_with_hundreds_of_members),
        cmocka_unit_test(test_nested_synsets),
        cmocka_unit_test(test_synset_holding_itself),
        cmocka_unit_test(test_tabari_synset_holding_itself),
        cmocka_unit_test(test_line_limit),
        cmocka_unit_test(test_document_limit),
        cmocka_unit_test(test_sentence_limits),
        cmocka_unit_test(test_dictionary_limits),
    };
    return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
