/* format.c — writing coded events as JSON Lines (SPEC §4) or TSV (date source target code
 * doc sent, as the Phoenix/PETRARCH event files). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "annalist.h"
#include "util/buf.h"

static void key_str(an_buf *b, const char *key, const char *v)
{
    an_buf_printf(b, ",\"%s\":", key);
    an_buf_json_string(b, v ? v : "", v ? strlen(v) : 0);
}

static void key_span(an_buf *b, const char *key, an_span sp)
{
    an_buf_printf(b, ",\"%s\":[%u,%u]", key, sp.off, sp.len);
}

static void format_jsonl(an_buf *b, const an_event *e)
{
    an_buf_puts(b, "{\"doc\":");
    an_buf_json_string(b, e->doc_id, strlen(e->doc_id));
    an_buf_printf(b, ",\"sent\":%u", e->sent);
    if (e->date[0]) key_str(b, "date", e->date);
    else an_buf_puts(b, ",\"date\":null");
    if (e->doc_date[0]) key_str(b, "doc_date", e->doc_date);
    else an_buf_puts(b, ",\"doc_date\":null");
    key_str(b, "source", e->source);
    key_str(b, "target", e->target);
    key_str(b, "code", e->code);
    key_str(b, "root", e->root);
    an_buf_printf(b, ",\"quad\":%d", e->quad);
    if (isnan(e->goldstein)) an_buf_puts(b, ",\"goldstein\":null");
    else an_buf_printf(b, ",\"goldstein\":%.1f", e->goldstein);
    key_str(b, "plover", e->plover);
    key_str(b, "source_text", e->source_text);
    key_str(b, "target_text", e->target_text);
    key_str(b, "verb_text", e->verb_text);
    key_span(b, "source_span", e->source_span);
    key_span(b, "target_span", e->target_span);
    key_span(b, "verb_span", e->verb_span);
    key_str(b, "rule", e->rule);
    if (e->issues && e->issues[0]) key_str(b, "issues", e->issues);
    if (e->location && e->location[0]) key_str(b, "location", e->location);
    key_str(b, "text", e->sentence_text);
    an_buf_puts(b, "}\n");
}

/* TSV fields cannot hold tabs or newlines: they become blanks. */
static void tsv_field(an_buf *b, const char *s)
{
    for (; s && *s; s++) an_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static void format_tsv(an_buf *b, const an_event *e)
{
    tsv_field(b, e->date[0] ? e->date : e->doc_date);
    an_buf_putc(b, '\t');
    tsv_field(b, e->source);
    an_buf_putc(b, '\t');
    tsv_field(b, e->target);
    an_buf_putc(b, '\t');
    tsv_field(b, e->code);
    an_buf_putc(b, '\t');
    tsv_field(b, e->doc_id);
    an_buf_printf(b, "\t%u\n", e->sent);
}

int an_result_format(const an_result *r, an_format fmt, char **buf, size_t *len, size_t *cap)
{
    an_buf b = {*buf, *len, *cap, 0};
    for (size_t i = 0; i < r->event_count; i++) {
        if (fmt == AN_FORMAT_TSV) format_tsv(&b, &r->events[i]);
        else format_jsonl(&b, &r->events[i]);
    }
    *buf = b.data;
    *len = b.len;
    *cap = b.cap;
    return b.oom ? AN_ENOMEM : 0;
}
