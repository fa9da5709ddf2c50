/* reader.c — opening inputs, sniffing their format, and the checks every document passes
 * (valid UTF-8, no NUL bytes, size limits). The formats themselves are in reader_*.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/reader_impl.h"
#include "text/utf8.h"
#include "util/date.h"
#include "util/error.h"

static const char *format_names[] = {"auto", "text", "jsonl", "petrarch-xml", "tabari"};

int an_input_format_parse(const char *name)
{
    for (int i = 0; i < 5; i++)
        if (strcmp(name, format_names[i]) == 0) return i;
    return -1;
}

const char *an_input_format_name(an_input_format f)
{
    return (unsigned)f < 5 ? format_names[f] : "?";
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A TABARI record header: six or more digits, blanks, then an id. Blank lines and the
 * '#' comment lines TABARI files open with (Validate.text) may come first. */
static int looks_tabari(const char *p, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (p[i] == '\n' || p[i] == '\r')) i++;
        if (i >= n || p[i] != '#') break;
        while (i < n && p[i] != '\n') i++;
    }
    size_t d = i;
    while (d < n && p[d] >= '0' && p[d] <= '9') d++;
    if (d - i < 6 || d - i > 9) return 0;
    return d < n && (p[d] == ' ' || p[d] == '\t');
}

static an_input_format sniff(an_reader *r)
{
    char base[256];
    snprintf(base, sizeof base, "%s", r->name);
    if (ends_with(base, ".zst")) base[strlen(base) - 4] = '\0';
    if (ends_with(base, ".jsonl") || ends_with(base, ".ndjson") || ends_with(base, ".json"))
        return AN_INPUT_JSONL;
    if (ends_with(base, ".xml")) return AN_INPUT_PETRARCH_XML;
    const char *p;
    size_t n = an_linereader_peek(r->lr, &p, 4096);
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) i++;
    if (i < n && p[i] == '{') return AN_INPUT_JSONL;
    if (i < n && p[i] == '<') return AN_INPUT_PETRARCH_XML;
    if (looks_tabari(p, n)) return AN_INPUT_TABARI;
    return AN_INPUT_TEXT;
}

static int reader_init(an_reader *r, const an_read_opts *opts, an_error *err)
{
    an_read_opts defaults = AN_READ_OPTS_INIT;
    r->opts = opts ? *opts : defaults;
    /* Offsets into a document are 32-bit (an_span). */
    if (r->opts.max_doc_bytes > UINT32_MAX) r->opts.max_doc_bytes = UINT32_MAX;
    an_arena_init(&r->arena, 16 * 1024);
    r->default_days = AN_NO_DATE;
    if (r->opts.default_date) {
        r->default_days = an_date_parse_iso(r->opts.default_date, strlen(r->opts.default_date));
        if (r->default_days == AN_NO_DATE)
            return an_err(err, AN_EUSAGE, NULL, 0, "invalid date \"%s\", expected YYYY-MM-DD",
                          r->opts.default_date);
    }
    r->pending_days = r->default_days;
    an_linereader_set_max(r->lr, r->opts.max_line_bytes);
    r->format = r->opts.format == AN_INPUT_AUTO ? sniff(r) : r->opts.format;
    if (r->format == AN_INPUT_PETRARCH_XML) return an_read_xml_open(r, err);
    return 0;
}

int an_reader_open(an_reader **out, const char *path, const an_read_opts *opts, an_error *err)
{
    *out = NULL;
    an_reader *r = calloc(1, sizeof *r);
    if (!r) return an_err_oom(err);
    int rc = an_linereader_open(&r->lr, path, err);
    if (rc == 0) {
        snprintf(r->name, sizeof r->name, "%s", an_linereader_name(r->lr));
        rc = reader_init(r, opts, err);
    }
    if (rc < 0) {
        an_reader_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int an_reader_open_mem(an_reader **out, const char *name, const char *data, size_t len,
                       const an_read_opts *opts, an_error *err)
{
    *out = NULL;
    an_reader *r = calloc(1, sizeof *r);
    if (!r) return an_err_oom(err);
    int rc = an_linereader_open_mem(&r->lr, name, data, len, err);
    if (rc == 0) {
        snprintf(r->name, sizeof r->name, "%s", name);
        rc = reader_init(r, opts, err);
    }
    if (rc < 0) {
        an_reader_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int an_reader_next(an_reader *r, const an_doc **doc, an_error *err)
{
    *doc = NULL;
    if (r->done) return 0;
    an_arena_reset(&r->arena);
    memset(&r->doc, 0, sizeof r->doc);
    int rc;
    switch (r->format) {
    case AN_INPUT_JSONL: rc = an_read_jsonl_next(r, err); break;
    case AN_INPUT_PETRARCH_XML: rc = an_read_xml_next(r, err); break;
    case AN_INPUT_TABARI: rc = an_read_tabari_next(r, err); break;
    default: rc = an_read_text_next(r, err); break;
    }
    if (rc == 1) {
        r->doc_count++;
        *doc = &r->doc;
    } else if (rc == 0 || rc == AN_EIO || rc == AN_ENOMEM) {
        r->done = 1;
    }
    return rc;
}

an_input_format an_reader_format(const an_reader *r) { return r->format; }

void an_reader_free(an_reader *r)
{
    if (!r) return;
    an_read_xml_close(r);
    an_linereader_free(r->lr);
    an_arena_free(&r->arena);
    an_buf_free(&r->text);
    free(r);
}

int an_reader_finish_doc(an_reader *r, const char *id, int days, const char *text, size_t len,
                         unsigned long line, an_error *err)
{
    if (len > r->opts.max_doc_bytes)
        return an_err(err, AN_ELIMIT, r->name, line,
                      "document %s is %zu bytes, longer than the limit of %zu", id, len,
                      r->opts.max_doc_bytes);
    size_t bad;
    if (!an_utf8_check(text, len, &bad)) {
        if (text[bad] == '\0')
            return an_err(err, AN_EBADINPUT, r->name, line,
                          "document %s: NUL byte at text offset %zu", id, bad);
        return an_err(err, AN_EBADINPUT, r->name, line,
                      "document %s: invalid UTF-8 (byte 0x%02X) at text offset %zu", id,
                      (unsigned char)text[bad], bad);
    }
    r->doc.id = an_arena_strdup(&r->arena, id);
    r->doc.text = an_arena_strndup(&r->arena, text, len);
    if (!r->doc.id || !r->doc.text) return an_err_oom(err);
    r->doc.text_len = len;
    if (days == AN_NO_DATE) days = r->default_days;
    if (days != AN_NO_DATE) {
        char *d = an_arena_alloc(&r->arena, 11);
        if (!d) return an_err_oom(err);
        an_date_format(days, d);
        r->doc.date = d;
    }
    r->doc.file = r->name;
    r->doc.line = line;
    return 1;
}
