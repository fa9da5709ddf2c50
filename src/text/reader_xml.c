/* reader_xml.c — PETRARCH XML input: <Sentence date="YYYYMMDD" id="…"><Text>…</Text>
 * <Parse>…</Parse></Sentence>, anywhere in the document. Feeds the file line by line to
 * libxml2's push parser and collects each Sentence from its SAX events, so every sentence
 * that closes before a well-formedness error is returned (a pull reader can lose the ones
 * it had read ahead). The error then ends the file: XML cannot be resynchronised. */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>

#include "text/reader_impl.h"
#include "util/date.h"
#include "util/error.h"
#include "util/vec.h"

#define XML_MAX_BYTES ((size_t)1 << 30)

/* A Sentence element whose end tag has been parsed. Strings are malloc'd. */
typedef struct xml_sentence {
    char *id, *date;         /* attribute values, NULL when absent */
    char *text, *parse;      /* raw content, NULL when the element is absent */
    unsigned long line;
} xml_sentence;

struct an_xml_state {
    xmlParserCtxtPtr ctxt;
    an_reader *r;
    AN_VEC(xml_sentence) done;   /* completed sentences not yet returned */
    size_t next;                 /* first of them not yet returned */
    size_t fed;                  /* bytes given to the parser */
    int finished;                /* the parser has seen the end of the input */
    int oom;
    /* The Sentence being parsed. */
    int depth;                   /* element depth inside it; 0 when outside any */
    int in_text, in_parse;       /* depth at which a <Text> / <Parse> child opened, or 0 */
    int seen_text, seen_parse;
    xml_sentence cur;
    an_buf text, parse;
    /* The first error, kept until the sentences before it have been returned. */
    an_error err;
    int err_seen;
    int err_fatal;               /* the parser stopped there; otherwise it went on */
};

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    struct an_xml_state *x = arg;
    if (e && e->level == XML_ERR_FATAL) x->err_fatal = 1;
    if (x->err_seen || !e || e->level < XML_ERR_ERROR) return;
    x->err_seen = 1;
    char msg[200];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
    an_err(&x->err, AN_EBADINPUT, x->r->name, (unsigned long)(e->line > 0 ? e->line : 0),
           "malformed XML: %s", msg);
}

/* An attribute value; libxml2 leaves '&' as "&#38;" when entities are not substituted. */
static char *attr_dup(const xmlChar *v, const xmlChar *end)
{
    size_t n = (size_t)(end - v);
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] == '&' && i + 5 <= n && memcmp(v + i, "&#38;", 5) == 0) {
            out[o++] = '&';
            i += 4;
            continue;
        }
        out[o++] = (char)v[i];
    }
    out[o] = '\0';
    return out;
}

static void free_sentence(xml_sentence *s)
{
    free(s->id);
    free(s->date);
    free(s->text);
    free(s->parse);
    memset(s, 0, sizeof *s);
}

static void on_start(void *ud, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndefaulted,
                     const xmlChar **attrs)
{
    struct an_xml_state *x = ud;
    if (x->depth > 0) {
        x->depth++;
        if (x->depth == 2 && !x->in_text && !x->in_parse) {
            if (!x->seen_text && strcmp((const char *)name, "Text") == 0) {
                x->in_text = 2;
                x->seen_text = 1;
            } else if (!x->seen_parse && strcmp((const char *)name, "Parse") == 0) {
                x->in_parse = 2;
                x->seen_parse = 1;
            }
        }
        return;
    }
    if (strcmp((const char *)name, "Sentence") != 0) return;
    x->depth = 1;
    x->in_text = x->in_parse = x->seen_text = x->seen_parse = 0;
    memset(&x->cur, 0, sizeof x->cur);
    an_buf_clear(&x->text);
    an_buf_clear(&x->parse);
    x->cur.line = (unsigned long)xmlSAX2GetLineNumber(x->ctxt);
    for (int i = 0; i < nattrs; i++) {
        const xmlChar **a = attrs + 5 * i; /* localname, prefix, URI, value, end */
        char **slot = strcmp((const char *)a[0], "id") == 0     ? &x->cur.id
                      : strcmp((const char *)a[0], "date") == 0 ? &x->cur.date
                                                                  : NULL;
        if (!slot || *slot) continue;
        if (!(*slot = attr_dup(a[3], a[4]))) x->oom = 1;
    }
}

static void on_end(void *ud, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
    struct an_xml_state *x = ud;
    if (x->depth == 0) return;
    if (x->in_text == x->depth) x->in_text = 0;
    if (x->in_parse == x->depth) x->in_parse = 0;
    if (--x->depth > 0) return;
    /* The Sentence is complete. */
    if (x->seen_text && !(x->cur.text = strdup(x->text.data ? x->text.data : ""))) x->oom = 1;
    if (x->seen_parse && !(x->cur.parse = strdup(x->parse.data ? x->parse.data : ""))) x->oom = 1;
    if (x->text.oom || x->parse.oom) x->oom = 1;
    if (AN_VEC_PUSH(&x->done, x->cur) < 0) {
        x->oom = 1;
        free_sentence(&x->cur);
    }
    memset(&x->cur, 0, sizeof x->cur);
}

static void on_chars(void *ud, const xmlChar *ch, int len)
{
    struct an_xml_state *x = ud;
    if (x->in_text) an_buf_append(&x->text, ch, (size_t)len);
    else if (x->in_parse) an_buf_append(&x->parse, ch, (size_t)len);
}

int an_read_xml_open(an_reader *r, an_error *err)
{
    struct an_xml_state *x = calloc(1, sizeof *x);
    if (!x) return an_err_oom(err);
    x->r = r;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_chars;
    sax.ignorableWhitespace = on_chars;
    sax.cdataBlock = on_chars;
    sax.serror = on_xml_error;
    x->ctxt = xmlCreatePushParserCtxt(&sax, x, NULL, 0, r->name);
    if (!x->ctxt) {
        free(x);
        return an_err(err, AN_ENOMEM, r->name, 0, "cannot start the XML parser");
    }
    xmlCtxtUseOptions(x->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    r->xml = x;
    return 0;
}

/* Text content with runs of white space collapsed to one blank, trimmed; in the arena. */
static char *collapsed(an_reader *r, const char *raw, size_t *len_out)
{
    size_t n = strlen(raw);
    char *out = an_arena_alloc(&r->arena, n + 1);
    size_t o = 0;
    int space = 0;
    if (out) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)raw[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = o > 0;
                continue;
            }
            if (space) out[o++] = ' ';
            space = 0;
            out[o++] = (char)c;
        }
        out[o] = '\0';
    }
    *len_out = o;
    return out;
}

static int parse_xml_date(const char *s)
{
    size_t n = strlen(s);
    if (n == 10) return an_date_parse_iso(s, n);
    if (n != 8 && n != 6) return AN_NO_DATE;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return AN_NO_DATE;
    int y, m, d;
    if (n == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y < 30 ? 2000 : 1900; /* as in TABARI records: 00-29 are 20xx */
        s += 2;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    return an_date_valid(y, m, d) ? an_date_from_ymd(y, m, d) : AN_NO_DATE;
}

/* Turns a completed sentence into r->doc. */
static int emit(an_reader *r, xml_sentence *s, an_error *err)
{
    r->doc_seq++;
    char idbuf[320];
    if (s->id) snprintf(idbuf, sizeof idbuf, "%s", s->id);
    else snprintf(idbuf, sizeof idbuf, "%s#%lu", r->name, r->doc_seq);
    int days = s->date ? parse_xml_date(s->date) : AN_NO_DATE;
    if (s->date && days == AN_NO_DATE)
        return an_err(err, AN_EBADINPUT, r->name, s->line,
                      "sentence %s: date \"%.40s\", expected YYYYMMDD", idbuf, s->date);
    if (!s->text)
        return an_err(err, AN_EBADINPUT, r->name, s->line, "sentence %s: no <Text> element",
                      idbuf);
    size_t tlen, plen = 0;
    char *t = collapsed(r, s->text, &tlen);
    char *p = s->parse ? collapsed(r, s->parse, &plen) : NULL;
    if (!t || (s->parse && !p)) return an_err_oom(err);
    int rc = an_reader_finish_doc(r, idbuf, days, t, tlen, s->line, err);
    r->doc.single_sentence = 1;
    if (rc == 1 && p && plen > 0) r->doc.parse = p;
    return rc;
}

/* Gives the parser the next line (or the end of the input); 0 when there is nothing more. */
static int feed(an_reader *r, an_error *err)
{
    struct an_xml_state *x = r->xml;
    const char *line;
    size_t len;
    int rc = an_linereader_next(r->lr, &line, &len, err);
    if (rc < 0) return rc; /* an over-long line cannot be skipped inside XML either */
    if (rc == 0) {
        x->finished = 1;
        if (x->fed > 0) xmlParseChunk(x->ctxt, NULL, 0, 1);
        return 0;
    }
    /* Lines joined with '\n' and none added at the end, so an error at the end of a
     * truncated file is reported on its last line. */
    if (an_linereader_lineno(r->lr) > 1) xmlParseChunk(x->ctxt, "\n", 1, 0);
    x->fed += len + 1;
    if (x->fed > XML_MAX_BYTES)
        return an_err(err, AN_ELIMIT, r->name, an_linereader_lineno(r->lr),
                      "XML input larger than %zu bytes", XML_MAX_BYTES);
    if (len) xmlParseChunk(x->ctxt, line, (int)len, 0);
    return 1;
}

int an_read_xml_next(an_reader *r, an_error *err)
{
    struct an_xml_state *x = r->xml;
    if (!x) return 0;
    for (;;) {
        if (x->oom) {
            an_read_xml_close(r);
            return an_err_oom(err);
        }
        if (x->next < x->done.n) {
            xml_sentence *s = &x->done.v[x->next++];
            int rc = emit(r, s, err);
            free_sentence(s);
            if (x->next == x->done.n) x->done.n = x->next = 0;
            return rc;
        }
        if (x->err_seen && (x->err_fatal || x->finished)) {
            if (err) *err = x->err;
            an_read_xml_close(r);
            r->done = 1;
            return AN_EBADINPUT;
        }
        if (x->finished) return 0;
        int rc = feed(r, err);
        if (rc < 0) {
            an_read_xml_close(r);
            r->done = 1;
            return rc;
        }
    }
}

void an_read_xml_close(an_reader *r)
{
    struct an_xml_state *x = r->xml;
    if (!x) return;
    for (size_t i = x->next; i < x->done.n; i++) free_sentence(&x->done.v[i]);
    AN_VEC_FREE(&x->done);
    free_sentence(&x->cur);
    an_buf_free(&x->text);
    an_buf_free(&x->parse);
    if (x->ctxt) {
        if (x->ctxt->myDoc) xmlFreeDoc(x->ctxt->myDoc);
        xmlFreeParserCtxt(x->ctxt);
    }
    free(x);
    r->xml = NULL;
}
