/* reader_text.c — plain-text input (SPEC §3 "text"): UTF-8 prose; a line that is only a
 * date starts a new document with that date, so one file may hold several articles.
 * Document ids are "<file>#<n>". */
#include <stdio.h>
#include <string.h>

#include "text/dateline.h"
#include "text/reader_impl.h"
#include "util/date.h"
#include "util/error.h"

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

/* Adds bytes to the document, but keeps no more than the size limit allows: a document
 * without date lines may be the whole input, and memory must not follow it. */
static void keep(an_reader *r, const char *s, size_t n)
{
    if (r->text_bytes + n <= r->opts.max_doc_bytes) an_buf_append(&r->text, s, n);
    r->text_bytes += n;
}

int an_read_text_next(an_reader *r, an_error *err)
{
    int days = r->pending_days;
    unsigned long first_line = r->text_first_line;
    int has_text = r->text_open;
    if (!has_text) {
        an_buf_clear(&r->text);
        r->text_bytes = 0;
    }
    r->text_open = 0;
    for (;;) {
        const char *line;
        size_t len;
        int rc = an_linereader_next(r->lr, &line, &len, err);
        if (rc == AN_ELIMIT) {
            /* The over-long line is reported and skipped; the document goes on without it
             * on the next call. */
            r->pending_days = days;
            r->text_open = has_text;
            r->text_first_line = first_line;
            if (has_text) keep(r, "\n", 1);
            return rc;
        }
        if (rc < 0) return rc;
        if (rc == 0) break;
        unsigned long lineno = an_linereader_lineno(r->lr);
        if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3;
            len -= 3;
        }
        if (len && line[len - 1] == '\r') len--;
        int d;
        if (an_date_line(line, len, &d)) {
            if (has_text) {
                r->pending_days = d;
                break;
            }
            days = d;
            continue;
        }
        if (!has_text && is_blank(line, len)) continue;
        if (!has_text) first_line = lineno;
        if (has_text) keep(r, "\n", 1);
        keep(r, line, len);
        has_text = 1;
        if (r->text.oom) return an_err_oom(err);
    }
    if (!has_text) return 0;
    /* Trailing blank lines carry nothing. */
    while (r->text.len && (r->text.data[r->text.len - 1] == '\n' ||
                           r->text.data[r->text.len - 1] == ' '))
        r->text.len--;
    char id[320];
    snprintf(id, sizeof id, "%s#%lu", r->name, ++r->doc_seq);
    if (r->text_bytes > r->opts.max_doc_bytes)
        return an_err(err, AN_ELIMIT, r->name, first_line,
                      "document %s is %zu bytes, longer than the limit of %zu", id,
                      r->text_bytes, r->opts.max_doc_bytes);
    return an_reader_finish_doc(r, id, days, r->text.data, r->text.len, first_line, err);
}
