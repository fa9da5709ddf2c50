/* reader_tabari.c — TABARI record input: a header line "YYMMDD ID" (or "YYYYMMDD ID"),
 * text lines, and an empty line. Lines before a header that do not start with a digit are
 * comments. Text from a slash-star to the next star-slash is removed, as TABARI does.
 * Two-digit years pivot at 30: 00-29 are 20xx. */
#include <ctype.h>
#include <string.h>

#include "text/reader_impl.h"
#include "util/date.h"
#include "util/error.h"

static int parse_header(const char *s, size_t len, int *days, size_t *id_off)
{
    size_t nd = 0;
    while (nd < len && isdigit((unsigned char)s[nd])) nd++;
    int y, m, d;
    size_t used;
    if (nd >= 8 && (y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0')) >= 1850 &&
        y <= 2100 && an_date_valid(y, (s[4] - '0') * 10 + (s[5] - '0'), (s[6] - '0') * 10 + (s[7] - '0'))) {
        m = (s[4] - '0') * 10 + (s[5] - '0');
        d = (s[6] - '0') * 10 + (s[7] - '0');
        used = 8;
    } else if (nd >= 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y < 30 ? 2000 : 1900;
        m = (s[2] - '0') * 10 + (s[3] - '0');
        d = (s[4] - '0') * 10 + (s[5] - '0');
        used = 6;
        if (!an_date_valid(y, m, d)) return -1;
    } else {
        return -1;
    }
    *days = an_date_from_ymd(y, m, d);
    while (used < len && (s[used] == ' ' || s[used] == '\t')) used++;
    *id_off = used;
    return 0;
}

/* Removes comments in place; returns the new length. */
static size_t strip_comments(char *s, size_t len)
{
    size_t o = 0, i = 0;
    while (i < len) {
        if (i + 1 < len && s[i] == '/' && s[i + 1] == '*') {
            char *end = NULL;
            for (size_t j = i + 2; j + 1 < len; j++)
                if (s[j] == '*' && s[j + 1] == '/') { end = s + j; break; }
            if (!end) break;
            i = (size_t)(end - s) + 2;
            continue;
        }
        s[o++] = s[i++];
    }
    while (o && s[o - 1] == ' ') o--;
    return o;
}

int an_read_tabari_next(an_reader *r, an_error *err)
{
    const char *line;
    size_t len;
    int rc;
    /* Find the next header. */
    for (;;) {
        rc = an_linereader_next(r->lr, &line, &len, err);
        if (rc <= 0) return rc;
        if (len && isdigit((unsigned char)line[0])) break;
    }
    if (len && line[len - 1] == '\r') len--;
    unsigned long header_line = an_linereader_lineno(r->lr);
    r->doc_seq++;
    int days = AN_NO_DATE;
    size_t id_off;
    int bad_header = parse_header(line, len, &days, &id_off) < 0;
    char id[320];
    if (!bad_header) {
        size_t n = len - id_off;
        /* A NUL byte ends the id: the text would be cut there anyway, leaving "". */
        const char *nul = memchr(line + id_off, '\0', n);
        if (nul) n = (size_t)(nul - (line + id_off));
        while (n && (line[id_off + n - 1] == ' ' || line[id_off + n - 1] == '\t')) n--;
        if (n > 63) n = 63;
        if (n == 0) snprintf(id, sizeof id, "%s#%lu", r->name, r->doc_seq);
        else snprintf(id, sizeof id, "%.*s", (int)n, line + id_off);
    } else {
        snprintf(id, sizeof id, "%.*s", (int)(len < 40 ? len : 40), line);
    }
    an_buf_clear(&r->text);
    r->text_bytes = 0;
    int too_long = 0;
    for (;;) {
        rc = an_linereader_next(r->lr, &line, &len, err);
        if (rc == AN_ELIMIT) {
            too_long = 1; /* err names the line; the record is rejected below */
            continue;
        }
        if (rc < 0) return rc;
        if (rc == 0) break;
        if (len && line[len - 1] == '\r') len--;
        if (len == 0) break;
        /* Past the size limit the record is only measured, not kept. */
        size_t add = len + (r->text_bytes ? 1 : 0);
        if (r->text_bytes + add <= r->opts.max_doc_bytes) {
            if (r->text_bytes) an_buf_putc(&r->text, ' ');
            an_buf_append(&r->text, line, len);
        }
        r->text_bytes += add;
    }
    if (r->text.oom) return an_err_oom(err);
    if (too_long) return AN_ELIMIT;
    if (bad_header)
        return an_err(err, AN_EBADINPUT, r->name, header_line,
                      "record header \"%s\": expected a date YYMMDD or YYYYMMDD and an id", id);
    if (r->text_bytes > r->opts.max_doc_bytes)
        return an_err(err, AN_ELIMIT, r->name, header_line,
                      "document %s is %zu bytes, longer than the limit of %zu", id,
                      r->text_bytes, r->opts.max_doc_bytes);
    size_t n = r->text.len ? strip_comments(r->text.data, r->text.len) : 0;
    rc = an_reader_finish_doc(r, id, days, r->text.data ? r->text.data : "", n, header_line, err);
    r->doc.single_sentence = 1; /* a TABARI record is one coding unit */
    return rc;
}
