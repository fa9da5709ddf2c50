/* test_readers.c - unit tests for the input readers (an_reader_*): plain text with date
 * lines and datelines, JSON Lines with every kind of bad line, PETRARCH XML (the shared
 * unit-test records, checked against an independent scan, and truncated copies), TABARI
 * records (the shared validation text), format sniffing, and the zstd-compressed corpora
 * (every line a document). Bad documents must be errors naming file and line, and the
 * documents after them must still come. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "annalist.h"

#define DATA AN_TEST_SOURCE_DIR "/tests/data/text/"
#define SHARED AN_TEST_SHARED_DATA "/"
#define PETR_XML SHARED "petrarch-unittest/raw/PETR.UnitTest.records.xml"
#define TABARI_TEXT SHARED "tabari-validation/raw/Validate.text"

/* ---------------------------------------------------------------- helpers */

/* What one an_reader_next call gave: a document (copied) or an error. */
typedef struct item {
    int rc;               /* 1, or the negative error code */
    char *id, *date, *text, *title, *source, *url, *parse, *file;
    unsigned long line;
    int single;
    an_error err;
} item;

typedef struct items {
    item *v;
    size_t n;
} items;

static char *dup_or_null(const char *s, size_t len)
{
    return s ? strndup(s, len) : NULL;
}

/* Reads r to the end (or to a final error), recording every call. */
static items read_all(an_reader *r)
{
    items it = {NULL, 0};
    for (;;) {
        const an_doc *doc;
        an_error err;
        memset(&err, 0, sizeof err);
        int rc = an_reader_next(r, &doc, &err);
        if (rc == 0) break;
        it.v = realloc(it.v, (it.n + 1) * sizeof *it.v);
        assert_non_null(it.v);
        item *x = &it.v[it.n++];
        memset(x, 0, sizeof *x);
        x->rc = rc;
        x->err = err;
        if (rc == 1) {
            assert_non_null(doc);
            x->id = strdup(doc->id);
            x->date = dup_or_null(doc->date, doc->date ? strlen(doc->date) : 0);
            x->text = strndup(doc->text, doc->text_len);
            assert_int_equal(strlen(x->text), doc->text_len); /* no NUL inside */
            x->title = dup_or_null(doc->title, doc->title ? strlen(doc->title) : 0);
            x->source = dup_or_null(doc->source, doc->source ? strlen(doc->source) : 0);
            x->url = dup_or_null(doc->url, doc->url ? strlen(doc->url) : 0);
            x->parse = dup_or_null(doc->parse, doc->parse ? strlen(doc->parse) : 0);
            x->file = dup_or_null(doc->file, doc->file ? strlen(doc->file) : 0);
            x->line = doc->line;
            x->single = doc->single_sentence;
        } else {
            assert_null(doc);
            assert_int_equal(err.code, rc);
            assert_true(err.msg[0] != '\0');
            if (rc == AN_EIO || rc == AN_ENOMEM) break;
        }
        if (it.n > 100000) fail_msg("reader does not end");
    }
    return it;
}

static void free_items(items *it)
{
    for (size_t i = 0; i < it->n; i++) {
        item *x = &it->v[i];
        free(x->id);
        free(x->date);
        free(x->text);
        free(x->title);
        free(x->source);
        free(x->url);
        free(x->parse);
        free(x->file);
    }
    free(it->v);
    it->v = NULL;
    it->n = 0;
}

static items read_file(const char *path, an_input_format fmt, an_input_format *sniffed)
{
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = fmt;
    an_reader *r;
    an_error err;
    memset(&err, 0, sizeof err);
    if (an_reader_open(&r, path, &ro, &err) < 0) fail_msg("%s: %s", path, err.msg);
    if (sniffed) *sniffed = an_reader_format(r);
    items it = read_all(r);
    an_reader_free(r);
    return it;
}

static items read_mem(const char *name, const char *data, size_t len, const an_read_opts *ro)
{
    an_reader *r;
    an_error err;
    memset(&err, 0, sizeof err);
    if (an_reader_open_mem(&r, name, data, len, ro, &err) < 0) fail_msg("%s: %s", name, err.msg);
    items it = read_all(r);
    an_reader_free(r);
    return it;
}

static void expect_doc(const items *it, size_t i, const char *id, const char *date,
                       unsigned long line)
{
    if (i >= it->n) fail_msg("item %zu missing (want document %s)", i, id);
    const item *x = &it->v[i];
    if (x->rc != 1) fail_msg("item %zu: error %d \"%s\", want document %s", i, x->rc, x->err.msg, id);
    assert_string_equal(x->id, id);
    if (date) assert_string_equal(x->date, date);
    else assert_null(x->date);
    if (line) assert_int_equal(x->line, line);
}

/* An error of code rc in file at line, whose message contains every needle (NULL-ended). */
static void expect_err(const items *it, size_t i, int rc, const char *file, unsigned long line, ...)
{
    if (i >= it->n) fail_msg("item %zu missing (want an error at line %lu)", i, line);
    const item *x = &it->v[i];
    if (x->rc != rc)
        fail_msg("item %zu: rc %d (%s), want %d at line %lu", i, x->rc,
                 x->rc == 1 ? x->id : x->err.msg, rc, line);
    assert_string_equal(x->err.file, file);
    if (x->err.line != line)
        fail_msg("item %zu: error at line %lu, want %lu: %s", i, x->err.line, line, x->err.msg);
    va_list ap;
    va_start(ap, line);
    const char *needle;
    while ((needle = va_arg(ap, const char *)) != NULL)
        if (!strstr(x->err.msg, needle))
            fail_msg("item %zu: message \"%s\" lacks \"%s\"", i, x->err.msg, needle);
    va_end(ap);
}

/* Copies s with runs of blanks collapsed to one space and the ends trimmed. */
static char *squeeze(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        if (isspace((unsigned char)s[i])) {
            space = o > 0;
            continue;
        }
        if (space) out[o++] = ' ';
        space = 0;
        out[o++] = s[i];
    }
    out[o] = '\0';
    return out;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) fail_msg("cannot write %s", path);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static const char *first_sentence(const item *x, char *buf, size_t size, const char **dateline)
{
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = x->id;
    doc.text = x->text;
    doc.text_len = strlen(x->text);
    an_analysis *a;
    an_error err;
    assert_int_equal(an_analyze(&a, &doc, &err), 0);
    const an_sentence *s = an_analysis_sentence(a, 0);
    assert_non_null(s);
    snprintf(buf, size, "%.*s", (int)s->span.len, x->text + s->span.off);
    static char dl[64];
    snprintf(dl, sizeof dl, "%s", an_analysis_dateline(a) ? an_analysis_dateline(a) : "");
    *dateline = dl;
    an_analysis_free(a);
    return buf;
}

/* ---------------------------------------------------------------- text */

static void test_text_date_lines(void **state)
{
    (void)state;
    const char *path = DATA "multi-article.txt";
    an_input_format f;
    items it = read_file(path, AN_INPUT_AUTO, &f);
    assert_int_equal(f, AN_INPUT_TEXT);
    assert_int_equal(it.n, 5);
    char id[512];
    static const struct { const char *date; unsigned long line; const char *dateline, *first; } want[] = {
        {"2024-11-26", 2, "ISLAMABAD", "Pakistan and Belarus signed 15 agreements on Tuesday."},
        {"2024-11-25", 6, "LAHORE", "The Punjab cabinet met on Monday."},
        {"2024-11-26", 8, "", "Belarus President Aleksandr Lukashenko arrived in Pakistan on a three-day visit."},
        {"2026-01-15", 11, "KARACHI", "The central bank held rates."},
        {"2026-01-19", 13, "PESHAWAR", "Police arrested two suspects."},
    };
    for (size_t i = 0; i < 5; i++) {
        snprintf(id, sizeof id, "%s#%zu", path, i + 1);
        expect_doc(&it, i, id, want[i].date, want[i].line);
        assert_string_equal(it.v[i].file, path);
        assert_false(it.v[i].single);
        char buf[256];
        const char *dl;
        assert_string_equal(first_sentence(&it.v[i], buf, sizeof buf, &dl), want[i].first);
        assert_string_equal(dl, want[i].dateline);
    }
    /* The blank line inside a document stays; the date lines are not text; a sentence that
     * merely starts with a date is. */
    assert_string_equal(it.v[0].text, "ISLAMABAD: Pakistan and Belarus signed 15 agreements on "
                                      "Tuesday. The deals cover trade.\n\nOfficials said more "
                                      "talks would follow.");
    assert_string_equal(it.v[2].text, "Belarus President Aleksandr Lukashenko arrived in Pakistan "
                                      "on a three-day visit.\nOn November 25, 2024 the talks began.");
    free_items(&it);
}

static void test_text_defaults_and_bad_docs(void **state)
{
    (void)state;
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = AN_INPUT_TEXT;
    ro.default_date = "2024-11-20";
    /* BOM, CRLF lines, no date line: the default date; then a date line. */
    static const char crlf[] = "\xEF\xBB\xBFPakistan and China met.\r\nTalks went on.\r\n"
                               "2024-11-26\r\nSecond article.\r\n";
    items it = read_mem("crlf.txt", crlf, sizeof crlf - 1, &ro);
    assert_int_equal(it.n, 2);
    expect_doc(&it, 0, "crlf.txt#1", "2024-11-20", 1);
    assert_string_equal(it.v[0].text, "Pakistan and China met.\nTalks went on.");
    expect_doc(&it, 1, "crlf.txt#2", "2024-11-26", 4);
    assert_string_equal(it.v[1].text, "Second article.");
    free_items(&it);

    /* Invalid UTF-8 and a NUL byte: errors naming file, line and document; the documents
     * after them come, with the numbers they would have had. */
    static const char bad[] = "2024-11-01\nGood one.\n2024-11-02\nBad \xFF byte.\n2024-11-03\n"
                              "Nul \0 byte.\n2024-11-04\nGood two.\n";
    it = read_mem("bad.txt", bad, sizeof bad - 1, &ro);
    assert_int_equal(it.n, 4);
    expect_doc(&it, 0, "bad.txt#1", "2024-11-01", 2);
    expect_err(&it, 1, AN_EBADINPUT, "bad.txt", 4, "bad.txt#2", "UTF-8", NULL);
    expect_err(&it, 2, AN_EBADINPUT, "bad.txt", 6, "bad.txt#3", "NUL", NULL);
    expect_doc(&it, 3, "bad.txt#4", "2024-11-04", 8);
    free_items(&it);

    /* An over-long line is reported and skipped; its document goes on without it. */
    ro.max_line_bytes = 100;
    char longdoc[600];
    memset(longdoc, 0, sizeof longdoc);
    strcpy(longdoc, "2024-11-05\nFirst line.\n");
    size_t n = strlen(longdoc);
    memset(longdoc + n, 'x', 300);
    strcpy(longdoc + n + 300, "\nSecond line.\n2024-11-06\nNext article.\n");
    it = read_mem("long.txt", longdoc, strlen(longdoc), &ro);
    assert_int_equal(it.n, 3);
    expect_err(&it, 0, AN_ELIMIT, "long.txt", 3, "300", "100", NULL);
    expect_doc(&it, 1, "long.txt#1", "2024-11-05", 2);
    assert_string_equal(it.v[1].text, "First line.\n\nSecond line.");
    expect_doc(&it, 2, "long.txt#2", "2024-11-06", 6);
    free_items(&it);

    /* Only date lines and blanks: no document. An invalid default date: a usage error. */
    static const char dates[] = "2024-11-05\n\n  \nUpdated 26 November 2024\n";
    it = read_mem("dates.txt", dates, sizeof dates - 1, &ro);
    assert_int_equal(it.n, 0);
    free_items(&it);
    ro.default_date = "2024-02-30";
    an_reader *r;
    an_error err;
    assert_int_equal(an_reader_open_mem(&r, "x", "a", 1, &ro, &err), AN_EUSAGE);
    assert_non_null(strstr(err.msg, "2024-02-30"));
}

/* ---------------------------------------------------------------- jsonl */

static void test_jsonl(void **state)
{
    (void)state;
    const char *path = DATA "mixed.jsonl";
    an_input_format f;
    items it = read_file(path, AN_INPUT_AUTO, &f);
    assert_int_equal(f, AN_INPUT_JSONL);
    size_t i = 0;
    expect_doc(&it, i, "j1", "2024-11-26", 1);
    assert_string_equal(it.v[i].text, "Pakistan and Belarus signed deals.");
    assert_string_equal(it.v[i].title, "Deals");
    assert_string_equal(it.v[i].source, "APP");
    assert_string_equal(it.v[i].url, "https://example.org/1");
    assert_null(it.v[i].parse);
    i++;
    expect_doc(&it, i++, "2", NULL, 3); /* integer id, null date; the blank line 2 skipped */
    expect_err(&it, i++, AN_EBADINPUT, path, 4, "j3", "2024-13-01", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 5, "j4", "date", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 6, "j5", "text", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 7, "j6", "text", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 8, "JSON", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 9, "object", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 10, "id", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 11, "id", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 12, "j10", "title", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 13, "JSON", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 14, "JSON", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 15, "JSON", NULL);
    expect_err(&it, i++, AN_EBADINPUT, path, 16, "j14", "date", NULL);
    expect_doc(&it, i++, "j15", NULL, 17);
    assert_string_equal(it.v[i - 1].text, "Last good document.");
    assert_int_equal(it.n, i);
    free_items(&it);

    /* A BOM before the first object; the parse member; a document over the size limit. */
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.max_doc_bytes = 20;
    static const char bom[] = "\xEF\xBB\xBF{\"id\":\"a\",\"date\":\"2024-01-02\",\"text\":\"Short.\","
                              "\"parse\":\"(ROOT (S))\"}\n"
                              "{\"id\":\"b\",\"date\":null,\"text\":\"This text is longer than twenty bytes.\"}\n"
                              "{\"id\":\"c\",\"date\":null,\"text\":\"T\\u00fcrkiye \\u2019\"}";
    it = read_mem("bom.jsonl", bom, sizeof bom - 1, &ro);
    assert_int_equal(it.n, 3);
    expect_doc(&it, 0, "a", "2024-01-02", 1);
    assert_string_equal(it.v[0].parse, "(ROOT (S))");
    assert_false(it.v[0].single);
    expect_err(&it, 1, AN_ELIMIT, "bom.jsonl", 2, "b", NULL);
    expect_doc(&it, 2, "c", NULL, 3); /* the last line has no newline */
    assert_string_equal(it.v[2].text, "T\xC3\xBCrkiye \xE2\x80\x99");
    free_items(&it);
}

/* ---------------------------------------------------------------- petrarch-xml */

typedef struct xml_sent {
    char *id, *date, *text;
    int has_parse;
    size_t end;            /* offset just past </Sentence> */
} xml_sent;

/* Value of attribute name inside tag[0..len), or NULL. Handles blanks around '='. */
static char *xml_attr(const char *tag, size_t len, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 1; i + nl < len; i++) {
        if (!isspace((unsigned char)tag[i - 1]) || strncmp(tag + i, name, nl) != 0) continue;
        size_t j = i + nl;
        while (j < len && isspace((unsigned char)tag[j])) j++;
        if (j >= len || tag[j] != '=') continue;
        j++;
        while (j < len && isspace((unsigned char)tag[j])) j++;
        if (j >= len || (tag[j] != '"' && tag[j] != '\'')) continue;
        char q = tag[j++];
        size_t k = j;
        while (k < len && tag[k] != q) k++;
        return strndup(tag + j, k - j);
    }
    return NULL;
}

/* Text of an element's content: entities decoded, blanks collapsed. */
static char *xml_text(const char *s, size_t len)
{
    char *dec = malloc(len + 1);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        static const struct { const char *ent; char c; } ents[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        int done = 0;
        for (size_t e = 0; e < 5 && !done; e++) {
            size_t el = strlen(ents[e].ent);
            if (i + el <= len && strncmp(s + i, ents[e].ent, el) == 0) {
                dec[o++] = ents[e].c;
                i += el - 1;
                done = 1;
            }
        }
        if (!done) dec[o++] = s[i];
    }
    char *out = squeeze(dec, o);
    free(dec);
    return out;
}

/* An independent scan of PETRARCH XML: the complete <Sentence> elements outside comments. */
static size_t scan_sentences(const char *x, size_t len, xml_sent *out, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        if (strncmp(x + i, "<!--", 4) == 0) {
            const char *e = strstr(x + i + 4, "-->");
            if (!e || (size_t)(e - x) + 3 > len) break;
            i = (size_t)(e - x) + 3;
            continue;
        }
        if (strncmp(x + i, "<Sentence", 9) == 0 && i + 9 < len &&
            (isspace((unsigned char)x[i + 9]) || x[i + 9] == '>')) {
            const char *gt = memchr(x + i, '>', len - i);
            const char *end = strstr(x + i, "</Sentence>");
            if (!gt || !end || (size_t)(end - x) + 11 > len) break;
            size_t tag_len = (size_t)(gt - (x + i));
            size_t body = (size_t)(gt - x) + 1, body_end = (size_t)(end - x);
            assert_true(n < max);
            xml_sent *s = &out[n++];
            s->id = xml_attr(x + i, tag_len, "id");
            s->date = xml_attr(x + i, tag_len, "date");
            const char *t = strstr(x + body, "<Text>");
            const char *te = strstr(x + body, "</Text>");
            s->text = t && te && te < end ? xml_text(t + 6, (size_t)(te - t - 6)) : NULL;
            const char *p = strstr(x + body, "<Parse>");
            const char *pe = strstr(x + body, "</Parse>");
            s->has_parse = 0;
            if (p && pe && pe < end) {
                for (const char *c = p + 7; c < pe; c++)
                    if (!isspace((unsigned char)*c)) s->has_parse = 1;
            }
            s->end = body_end + 11;
            i = s->end;
            (void)body;
            continue;
        }
        i++;
    }
    return n;
}

static void free_xml_sents(xml_sent *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].id);
        free(s[i].date);
        free(s[i].text);
    }
}

static void test_petrarch_xml(void **state)
{
    (void)state;
    size_t len;
    char *data = slurp(PETR_XML, &len);
    static xml_sent want[1000];
    size_t nwant = scan_sentences(data, len, want, 1000);
    assert_true(nwant > 200);

    an_input_format f;
    items it = read_file(PETR_XML, AN_INPUT_AUTO, &f);
    assert_int_equal(f, AN_INPUT_PETRARCH_XML);
    assert_int_equal(it.n, nwant);
    size_t with_parse = 0;
    for (size_t i = 0; i < nwant; i++) {
        const item *x = &it.v[i];
        if (x->rc != 1) fail_msg("sentence %zu (%s): %s", i, want[i].id, x->err.msg);
        assert_string_equal(x->id, want[i].id);
        assert_non_null(want[i].date);
        char iso[11];
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", want[i].date, want[i].date + 4, want[i].date + 6);
        assert_string_equal(x->date, iso);
        assert_non_null(want[i].text);
        assert_string_equal(x->text, want[i].text);
        assert_true(x->single);
        assert_true(x->line > 0);
        if (want[i].has_parse) {
            if (!x->parse) fail_msg("sentence %s: parse missing", x->id);
            assert_int_equal(x->parse[0], '(');
            with_parse++;
        } else {
            assert_null(x->parse);
        }
    }
    assert_true(with_parse > 200);
    /* The line of the first sentence is the line of its start tag. */
    const char *p1 = strstr(data, "id=\"DEMO-00\"");
    if (p1) {
        unsigned long line = 1;
        for (const char *c = data; c < p1; c++) line += *c == '\n';
        assert_int_equal(it.v[0].line, line);
    }
    free_items(&it);
    free_xml_sents(want, nwant);

    /* Truncated copies: every sentence that closed before the cut, then one error with a
     * line number, and nothing after it. The cuts include spots where a reader that reads
     * ahead used to lose the last complete sentence. */
    char tmp[] = "/tmp/an-test-xml-XXXXXX";
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    close(fd);
    static const size_t cuts[] = {5000, 20000, 115425, 248836, 300000};
    for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
        size_t cut = cuts[c] < len ? cuts[c] : len / 2;
        write_file(tmp, data, cut);
        static xml_sent part[1000];
        size_t npart = scan_sentences(data, cut, part, 1000);
        items t = read_file(tmp, AN_INPUT_PETRARCH_XML, NULL);
        if (t.n != npart + 1)
            fail_msg("cut at %zu: %zu items, want %zu sentences and an error", cut, t.n, npart);
        for (size_t i = 0; i < npart; i++) {
            if (t.v[i].rc != 1) fail_msg("cut at %zu: item %zu: %s", cut, i, t.v[i].err.msg);
            assert_string_equal(t.v[i].id, part[i].id);
        }
        unsigned long cut_lines = 1;
        for (size_t k = 0; k < cut; k++) cut_lines += data[k] == '\n';
        const item *e = &t.v[npart];
        if (e->rc != AN_EBADINPUT) fail_msg("cut at %zu: want an error, got %d", cut, e->rc);
        assert_string_equal(e->err.file, tmp);
        assert_true(e->err.line > 0 && e->err.line <= cut_lines);
        assert_non_null(strstr(e->err.msg, "XML"));
        free_items(&t);
        free_xml_sents(part, npart);
    }
    unlink(tmp);
    free(data);

    /* Small cases: a missing <Text> or a bad date is an error for that sentence only;
     * entities, CDATA and nested markup are text; no id gives "<file>#n". */
    const char *path = DATA "small.xml";
    it = read_file(path, AN_INPUT_AUTO, &f);
    assert_int_equal(f, AN_INPUT_PETRARCH_XML);
    assert_int_equal(it.n, 5);
    expect_doc(&it, 0, "X-01", "2024-01-01", 4);
    assert_string_equal(it.v[0].text, "Pakistan and China signed a deal & a memorandum.");
    assert_string_equal(it.v[0].parse, "(ROOT (S (NP (NNP Pakistan))))");
    expect_err(&it, 1, AN_EBADINPUT, path, 11, "X-02", "20241332", NULL);
    expect_err(&it, 2, AN_EBADINPUT, path, 12, "X-03", "Text", NULL);
    char id4[512];
    snprintf(id4, sizeof id4, "%s#4", path);
    expect_doc(&it, 3, id4, "2024-01-03", 13);
    assert_string_equal(it.v[3].text, "Gaza <ceasefire> talks resumed.");
    expect_doc(&it, 4, "X-05", "2024-01-04", 14);
    assert_string_equal(it.v[4].text, "Nested bold text.");
    assert_null(it.v[4].parse);
    free_items(&it);

    /* Malformed from the start, and a sentence cut short inside one line. */
    static const char tiny[] = "<Sentences><Sentence id=\"a\" date=\"20240101\"><Text>Hi</Text>"
                               "</Sentence><Sentence id=\"b\"";
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = AN_INPUT_PETRARCH_XML;
    it = read_mem("tiny.xml", tiny, sizeof tiny - 1, &ro);
    assert_int_equal(it.n, 2);
    expect_doc(&it, 0, "a", "2024-01-01", 1);
    expect_err(&it, 1, AN_EBADINPUT, "tiny.xml", 1, "XML", NULL);
    free_items(&it);
    it = read_mem("junk.xml", "<<<>>>\n", 7, &ro);
    assert_int_equal(it.n, 1);
    expect_err(&it, 0, AN_EBADINPUT, "junk.xml", 1, "XML", NULL);
    free_items(&it);
}

/* ---------------------------------------------------------------- tabari */

static void test_tabari(void **state)
{
    (void)state;
    size_t len;
    char *data = slurp(TABARI_TEXT, &len);
    /* Independent count. A record starts at a line beginning with a digit that is not inside
     * a record (text lines such as "50,000 tonnes" also begin with digits); a blank line
     * ends a record. */
    size_t records = 0, digit_lines = 0;
    int in_record = 0;
    for (const char *l = data; l < data + len;) {
        const char *nl = memchr(l, '\n', (size_t)(data + len - l));
        size_t ll = nl ? (size_t)(nl - l) : (size_t)(data + len - l);
        while (ll && (l[ll - 1] == '\r')) ll--;
        if (ll && isdigit((unsigned char)l[0])) digit_lines++;
        if (!in_record && ll && isdigit((unsigned char)l[0])) {
            records++;
            in_record = 1;
        } else if (in_record && ll == 0) {
            in_record = 0;
        }
        l = nl ? nl + 1 : data + len;
    }
    assert_true(records > 400);
    assert_true(digit_lines > records);

    an_input_format f;
    items it = read_file(TABARI_TEXT, AN_INPUT_AUTO, &f);
    assert_int_equal(f, AN_INPUT_TABARI); /* sniffed past the '#' comment block */
    assert_int_equal(it.n, records);
    size_t found = 0;
    for (size_t i = 0; i < it.n; i++) {
        const item *x = &it.v[i];
        if (x->rc != 1) fail_msg("record %zu: %s", i, x->err.msg);
        assert_true(x->single);
        assert_true(x->id[0] != '\0');
        assert_non_null(x->date);
        /* Comments are removed from the text (a stray star-slash with no opening, as in
         * PATTERN-26, is text). */
        if (strstr(x->text, "/*"))
            fail_msg("record %s keeps a comment: %s", x->id, x->text);
        char *sq = squeeze(x->text, strlen(x->text));
        if (strcmp(x->id, "DEMO-01") == 0) {
            assert_string_equal(x->date, "1995-01-01");
            assert_string_equal(sq, "Arnor is about to restore full diplomatic ties with Gondor "
                                    "almost five years after crowds trashed its embassy, a senior "
                                    "official said on Saturday.");
            found++;
        } else if (strcmp(x->id, "START-00") == 0) {
            assert_int_equal(i, 0);
            assert_string_equal(x->date, "2000-01-01"); /* 000101: two-digit year 00 */
            found++;
        } else if (strcmp(x->id, "YYYY-01") == 0) {
            assert_string_equal(x->date, "2015-06-07"); /* 20150607: eight digits */
            found++;
        } else if (strcmp(x->id, "YYYY-02") == 0) {
            assert_string_equal(x->date, "1914-07-24");
            found++;
        } else if (strcmp(x->id, "00589742 004") == 0) {
            assert_string_equal(x->date, "2006-11-18");
            assert_true(strncmp(sq, "Representatives of Turkey, India,", 33) == 0);
            assert_non_null(strstr(sq, "are in attendance at the conference."));
            assert_null(strstr(sq, "090922"));
            found++;
        }
        free(sq);
    }
    assert_int_equal(found, 5);
    free_items(&it);
    free(data);

    /* Small file: a comment over two lines, a bad date, an eight-digit date, no id. */
    const char *path = DATA "small.tabari";
    it = read_file(path, AN_INPUT_AUTO, &f);
    assert_int_equal(f, AN_INPUT_TABARI);
    assert_int_equal(it.n, 4);
    expect_doc(&it, 0, "SMALL-01", "1995-01-01", 2);
    char *sq = squeeze(it.v[0].text, strlen(it.v[0].text));
    assert_string_equal(sq, "Arnor is about to restore full diplomatic ties with Gondor almost "
                            "five years later.");
    free(sq);
    expect_err(&it, 1, AN_EBADINPUT, path, 7, "991332", NULL);
    expect_doc(&it, 2, "SMALL-02", "2015-06-07", 10);
    char id4[512];
    snprintf(id4, sizeof id4, "%s#4", path);
    expect_doc(&it, 3, id4, "2024-02-29", 13);
    assert_string_equal(it.v[3].text, "A record without an id.");
    free_items(&it);
}

/* ---------------------------------------------------------------- sniffing, files */

static void test_sniffing(void **state)
{
    (void)state;
    static const struct { const char *name, *data; an_input_format want; } cases[] = {
        {"a", "{\"id\":\"x\",\"date\":null,\"text\":\"t\"}\n", AN_INPUT_JSONL},
        {"a", "\xEF\xBB\xBF  \n{\"id\":\"x\"}", AN_INPUT_JSONL},
        {"a", "<?xml version=\"1.0\"?><Sentences/>", AN_INPUT_PETRARCH_XML},
        {"a", "\n950101  DEMO-01\nText.\n", AN_INPUT_TABARI},
        {"a", "20150607 YYYY-01\nText.\n", AN_INPUT_TABARI},
        {"a", "####\n# comment\n\n950101 X\nText.\n", AN_INPUT_TABARI},
        {"a", "ISLAMABAD: Pakistan and Belarus signed deals.\n", AN_INPUT_TEXT},
        {"a", "2024-11-26\nText.\n", AN_INPUT_TEXT},
        {"a", "12345 is not a record header\n", AN_INPUT_TEXT},
        {"a", "", AN_INPUT_TEXT},
        {"news.jsonl", "Prose in a .jsonl file.", AN_INPUT_JSONL},
        {"news.ndjson.zst", "x", AN_INPUT_JSONL},
        {"records.xml", "text", AN_INPUT_PETRARCH_XML},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        an_read_opts ro = AN_READ_OPTS_INIT;
        an_reader *r;
        an_error err;
        memset(&err, 0, sizeof err);
        assert_int_equal(an_reader_open_mem(&r, cases[i].name, cases[i].data, strlen(cases[i].data),
                                            &ro, &err), 0);
        if (an_reader_format(r) != cases[i].want)
            fail_msg("case %zu (%s): sniffed %s, want %s", i, cases[i].name,
                     an_input_format_name(an_reader_format(r)), an_input_format_name(cases[i].want));
        an_reader_free(r);
    }
    /* An explicit format wins. */
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = AN_INPUT_TEXT;
    an_reader *r;
    an_error err;
    assert_int_equal(an_reader_open_mem(&r, "a.jsonl", "{}", 2, &ro, &err), 0);
    assert_int_equal(an_reader_format(r), AN_INPUT_TEXT);
    an_reader_free(r);
    assert_int_equal(an_input_format_parse("petrarch-xml"), AN_INPUT_PETRARCH_XML);
    assert_int_equal(an_input_format_parse("tabari"), AN_INPUT_TABARI);
    assert_int_equal(an_input_format_parse("xml"), -1);
    assert_string_equal(an_input_format_name(AN_INPUT_JSONL), "jsonl");

    /* Files that cannot be read. */
    memset(&err, 0, sizeof err);
    assert_int_equal(an_reader_open(&r, "/nonexistent/news.txt", NULL, &err), AN_ENOTFOUND);
    assert_string_equal(err.file, "/nonexistent/news.txt");
    memset(&err, 0, sizeof err);
    assert_int_equal(an_reader_open(&r, AN_TEST_SOURCE_DIR "/tests", NULL, &err), AN_EBADINPUT);
    assert_non_null(strstr(err.msg, "directory"));

    /* Empty input is no documents and no error, in every format. */
    char tmp[] = "/tmp/an-test-empty-XXXXXX";
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    close(fd);
    for (int fmt = AN_INPUT_AUTO; fmt <= AN_INPUT_TABARI; fmt++) {
        items it = read_file(tmp, (an_input_format)fmt, NULL);
        if (it.n != 0) fail_msg("empty file as %s: %zu items", an_input_format_name(fmt), it.n);
        free_items(&it);
    }
    unlink(tmp);
}

/* Lines of a zstd file, counted with libzstd directly. */
static size_t zstd_lines(const char *path, size_t *bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    ZSTD_DStream *z = ZSTD_createDStream();
    ZSTD_initDStream(z);
    size_t insz = ZSTD_DStreamInSize(), outsz = ZSTD_DStreamOutSize();
    char *in = malloc(insz), *out = malloc(outsz);
    size_t lines = 0, total = 0, got;
    char last = '\n';
    while ((got = fread(in, 1, insz, f)) > 0) {
        ZSTD_inBuffer ib = {in, got, 0};
        while (ib.pos < ib.size) {
            ZSTD_outBuffer ob = {out, outsz, 0};
            size_t r = ZSTD_decompressStream(z, &ob, &ib);
            assert_false(ZSTD_isError(r));
            for (size_t k = 0; k < ob.pos; k++) lines += out[k] == '\n';
            if (ob.pos) last = out[ob.pos - 1];
            total += ob.pos;
        }
    }
    if (last != '\n') lines++;
    ZSTD_freeDStream(z);
    free(in);
    free(out);
    fclose(f);
    *bytes = total;
    return lines;
}

static void test_zstd_corpora(void **state)
{
    (void)state;
    static const char *const corpora[] = {"agnews-world-test.jsonl.zst", "bbc-politics.jsonl.zst",
                                          "reuters21578.jsonl.zst"};
    for (size_t c = 0; c < 3; c++) {
        char path[512];
        snprintf(path, sizeof path, "%scorpora/%s", SHARED, corpora[c]);
        size_t bytes;
        size_t lines = zstd_lines(path, &bytes);
        assert_true(lines > 100);
        an_read_opts ro = AN_READ_OPTS_INIT;
        an_reader *r;
        an_error err;
        memset(&err, 0, sizeof err);
        assert_int_equal(an_reader_open(&r, path, &ro, &err), 0);
        assert_int_equal(an_reader_format(r), AN_INPUT_JSONL);
        size_t docs = 0, errors = 0, empty_ids = 0, text_bytes = 0;
        const an_doc *doc;
        int rc;
        while ((rc = an_reader_next(r, &doc, &err)) != 0) {
            if (rc < 0) {
                errors++;
                print_error("%s:%lu: %s\n", err.file, err.line, err.msg);
                if (rc == AN_EIO) break;
                continue;
            }
            docs++;
            if (!doc->id || !doc->id[0]) empty_ids++;
            text_bytes += doc->text_len;
        }
        an_reader_free(r);
        if (docs != lines || errors)
            fail_msg("%s: %zu documents and %zu errors, %zu lines", corpora[c], docs, errors, lines);
        assert_int_equal(empty_ids, 0);
        assert_true(text_bytes > 0 && text_bytes < bytes);
    }

    /* A truncated .zst is an error, not a silent end; and so is a file that is not zstd. */
    char src[512];
    snprintf(src, sizeof src, "%scorpora/bbc-politics.jsonl.zst", SHARED);
    size_t len;
    char *data = slurp(src, &len);
    char tmp[] = "/tmp/an-test-zst-XXXXXX.jsonl.zst";
    int fd = mkstemps(tmp, 10);
    assert_true(fd >= 0);
    close(fd);
    write_file(tmp, data, len / 2);
    items it = read_file(tmp, AN_INPUT_AUTO, NULL);
    assert_true(it.n > 10);
    for (size_t i = 0; i + 1 < it.n; i++) assert_int_equal(it.v[i].rc, 1);
    assert_int_equal(it.v[it.n - 1].rc, AN_EIO);
    assert_string_equal(it.v[it.n - 1].err.file, tmp);
    assert_non_null(strstr(it.v[it.n - 1].err.msg, "zstd"));
    free_items(&it);
    write_file(tmp, "{\"id\":\"x\"}\n", 11);
    it = read_file(tmp, AN_INPUT_AUTO, NULL);
    assert_int_equal(it.n, 1);
    assert_int_equal(it.v[0].rc, AN_EIO);
    assert_non_null(strstr(it.v[0].err.msg, "zstd"));
    free_items(&it);
    unlink(tmp);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_date_lines),
        cmocka_unit_test(test_text_defaults_and_bad_docs),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_petrarch_xml),
        cmocka_unit_test(test_tabari),
        cmocka_unit_test(test_sniffing),
        cmocka_unit_test(test_zstd_corpora),
    };
    return cmocka_run_group_tests_name("readers", tests, NULL, NULL);
}
