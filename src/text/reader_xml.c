/* reader_xml.c — PETRARCH XML input: <Sentence date="YYYYMMDD" id="…"><Text>…</Text>
 * <Parse>…</Parse></Sentence>, anywhere in the document. Streams with libxml2's reader and
 * expands one Sentence at a time. A well-formedness error ends the file (XML cannot be
 * resynchronised); the sentences before it have been returned. */
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "text/reader_impl.h"
#include "util/date.h"
#include "util/error.h"

#define XML_MAX_BYTES ((size_t)1 << 30)

typedef struct xml_error_sink {
    an_error *err;
    const char *name;
    int seen;
} xml_error_sink;

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    xml_error_sink *sink = arg;
    if (sink->seen || !e || e->level < XML_ERR_ERROR) return;
    sink->seen = 1;
    char msg[200];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
    an_err(sink->err, AN_EBADINPUT, sink->name, (unsigned long)(e->line > 0 ? e->line : 0),
           "malformed XML: %s", msg);
}


int an_read_xml_open(an_reader *r, an_error *err)
{
    an_buf all = AN_BUF_INIT;
    for (;;) {
        const char *line;
        size_t len;
        int rc = an_linereader_next(r->lr, &line, &len, err);
        if (rc == AN_ELIMIT) {
            an_buf_free(&all);
            return rc;
        }
        if (rc < 0) {
            an_buf_free(&all);
            return rc;
        }
        if (rc == 0) break;
        an_buf_append(&all, line, len);
        an_buf_putc(&all, '\n');
        if (all.oom) {
            an_buf_free(&all);
            return an_err_oom(err);
        }
        if (all.len > XML_MAX_BYTES) {
            an_buf_free(&all);
            return an_err(err, AN_ELIMIT, r->name, 0, "XML input larger than %zu bytes",
                          XML_MAX_BYTES);
        }
    }
    r->xml_data = all.data ? all.data : NULL;
    r->xml_len = all.len;
    if (!r->xml_data) {
        r->done = 1;
        return 0;
    }
    xmlTextReaderPtr xr = xmlReaderForMemory(r->xml_data, (int)r->xml_len, r->name, NULL,
                                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                 XML_PARSE_NOWARNING);
    if (!xr) return an_err(err, AN_ENOMEM, r->name, 0, "cannot start the XML parser");
    r->xml_reader = xr;
    return 0;
}

/* Text content with runs of white space collapsed to one blank, trimmed. */
static char *collapsed_content(an_reader *r, xmlNodePtr node, size_t *len_out)
{
    xmlChar *raw = xmlNodeGetContent(node);
    if (!raw) return NULL;
    size_t n = strlen((const char *)raw);
    char *out = an_arena_alloc(&r->arena, n + 1);
    size_t o = 0;
    int space = 0;
    if (out) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = raw[i];
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
    xmlFree(raw);
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
        y += y <= 30 ? 2000 : 1900;
        s += 2;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    return an_date_valid(y, m, d) ? an_date_from_ymd(y, m, d) : AN_NO_DATE;
}

int an_read_xml_next(an_reader *r, an_error *err)
{
    xmlTextReaderPtr xr = r->xml_reader;
    if (!xr) return 0;
    xml_error_sink sink = {err, r->name, 0};
    xmlTextReaderSetStructuredErrorHandler(xr, on_xml_error, &sink);
    int rc;
    while ((rc = xmlTextReaderRead(xr)) == 1) {
        if (xmlTextReaderNodeType(xr) != XML_READER_TYPE_ELEMENT) continue;
        const xmlChar *name = xmlTextReaderConstLocalName(xr);
        if (!name || strcmp((const char *)name, "Sentence") != 0) continue;
        unsigned long line = (unsigned long)xmlTextReaderGetParserLineNumber(xr);
        xmlChar *id = xmlTextReaderGetAttribute(xr, BAD_CAST "id");
        xmlChar *date = xmlTextReaderGetAttribute(xr, BAD_CAST "date");
        xmlNodePtr node = xmlTextReaderExpand(xr);
        if (!node) {
            xmlFree(id);
            xmlFree(date);
            break;
        }
        char idbuf[320];
        if (id) snprintf(idbuf, sizeof idbuf, "%s", (const char *)id);
        else snprintf(idbuf, sizeof idbuf, "%s#%lu", r->name, r->doc_count + 1);
        int days = date ? parse_xml_date((const char *)date) : AN_NO_DATE;
        int bad_date = date && days == AN_NO_DATE;
        char datebuf[64];
        snprintf(datebuf, sizeof datebuf, "%s", date ? (const char *)date : "");
        xmlFree(id);
        xmlFree(date);
        xmlNodePtr text = NULL, parse = NULL;
        for (xmlNodePtr c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (!text && strcmp((const char *)c->name, "Text") == 0) text = c;
            if (!parse && strcmp((const char *)c->name, "Parse") == 0) parse = c;
        }
        xmlTextReaderNext(xr);
        if (bad_date)
            return an_err(err, AN_EBADINPUT, r->name, line,
                          "sentence %s: date \"%s\", expected YYYYMMDD", idbuf, datebuf);
        if (!text)
            return an_err(err, AN_EBADINPUT, r->name, line, "sentence %s: no <Text> element",
                          idbuf);
        size_t tlen;
        char *t = collapsed_content(r, text, &tlen);
        if (!t) return an_err_oom(err);
        rc = an_reader_finish_doc(r, idbuf, days, t, tlen, line, err);
        r->doc.single_sentence = 1;
        if (rc == 1 && parse) {
            size_t plen;
            r->doc.parse = collapsed_content(r, parse, &plen);
            if (r->doc.parse && plen == 0) r->doc.parse = NULL;
        }
        return rc;
    }
    if (rc < 0 || sink.seen) {
        if (!sink.seen) an_err(err, AN_EBADINPUT, r->name, 0, "malformed XML");
        an_read_xml_close(r);
        r->done = 1;
        return AN_EBADINPUT;
    }
    return 0;
}

void an_read_xml_close(an_reader *r)
{
    if (r->xml_reader) xmlFreeTextReader(r->xml_reader);
    r->xml_reader = NULL;
    free(r->xml_data);
    r->xml_data = NULL;
}
