/* pack.c — the compact buffer a worker thread makes of one coded document (an_store_encode)
 * and its decoding on the writer's thread. The buffer lives only inside one process, so it
 * uses host byte order: a magic word, the text hash, the document's fields and text, its
 * sentence count and the sentences that yielded events (number and span), its distinct
 * roll-up keys (groups) with their counts, and its events, each naming its group. Strings
 * are a 32-bit length and the bytes (0xffffffff: NULL). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_impl.h"
#include "util/error.h"

#define PACK_MAGIC 0x4B504E41u /* "ANPK" */
#define NULL_LEN 0xffffffffu

/* ---- writing */

typedef struct packer {
    an_buf b;
} packer;

static void put_u32(packer *p, uint32_t v) { an_buf_append(&p->b, &v, sizeof v); }
static void put_u64(packer *p, uint64_t v) { an_buf_append(&p->b, &v, sizeof v); }
static void put_f64(packer *p, double v) { an_buf_append(&p->b, &v, sizeof v); }

static void put_strn(packer *p, const char *s, size_t len)
{
    if (!s) {
        put_u32(p, NULL_LEN);
        return;
    }
    if (len >= NULL_LEN) len = NULL_LEN - 1;
    put_u32(p, (uint32_t)len);
    an_buf_append(&p->b, s, len);
}

static void put_str(packer *p, const char *s) { put_strn(p, s, s ? strlen(s) : 0); }

static int key_cmp(const an_event *a, const an_event *b)
{
    int c = strcmp(a->date, b->date);
    if (!c) c = strcmp(a->source ? a->source : "", b->source ? b->source : "");
    if (!c) c = strcmp(a->target ? a->target : "", b->target ? b->target : "");
    if (!c) c = strcmp(a->code ? a->code : "", b->code ? b->code : "");
    return c;
}

/* qsort has no context argument: the events being sorted, per thread. */
static _Thread_local const an_event *sort_events;

/* Orders event indexes by roll-up key, then sentence, then position. */
static int idx_cmp(const void *x, const void *y)
{
    uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
    int c = key_cmp(&sort_events[i], &sort_events[j]);
    if (c) return c;
    if (sort_events[i].sent != sort_events[j].sent)
        return sort_events[i].sent < sort_events[j].sent ? -1 : 1;
    return i < j ? -1 : i > j;
}

static int sent_cmp(const void *x, const void *y)
{
    const pk_sent *a = x, *b = y;
    return a->sent < b->sent ? -1 : a->sent > b->sent;
}

/* Writes the sentences that yielded events, in order, each once. */
static int pack_sentences(packer *p, const an_result *r)
{
    put_u32(p, (uint32_t)r->sentence_count);
    size_t n = r->event_count, ns = 0;
    pk_sent *s = n ? malloc(n * sizeof *s) : NULL;
    if (n && !s) return AN_ENOMEM;
    int sorted = 1;
    for (size_t i = 0; i < n; i++) {
        const an_event *e = &r->events[i];
        s[i] = (pk_sent){e->sent, e->sentence_span.off, e->sentence_span.len};
        if (i && s[i - 1].sent > s[i].sent) sorted = 0;
    }
    /* The coder emits events in sentence order; other callers may not. */
    if (!sorted) qsort(s, n, sizeof *s, sent_cmp);
    for (size_t i = 0; i < n; i++)
        if (ns == 0 || s[ns - 1].sent != s[i].sent) s[ns++] = s[i];
    put_u32(p, (uint32_t)ns);
    for (size_t i = 0; i < ns; i++) {
        put_u32(p, s[i].sent);
        put_u32(p, s[i].off);
        put_u32(p, s[i].len);
    }
    free(s);
    return 0;
}

/* Groups the events by roll-up key: group_of[i] for each event, groups numbered in the
 * order of their first event; writes the groups. */
static int pack_groups(packer *p, const an_result *r, uint32_t *group_of)
{
    size_t n = r->event_count;
    uint32_t *order = malloc(n * sizeof *order);
    uint32_t *first = malloc(n * sizeof *first); /* per sorted group: its first event */
    uint32_t *ments = malloc(n * sizeof *ments);
    uint32_t *sents = malloc(n * sizeof *sents);
    uint32_t *rank = malloc(n * sizeof *rank);
    int rc = 0;
    if (!order || !first || !ments || !sents || !rank) {
        rc = AN_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) order[i] = (uint32_t)i;
    sort_events = r->events;
    qsort(order, n, sizeof *order, idx_cmp);
    sort_events = NULL;
    /* Groups in key order; within one, events by sentence, so distinct sentences are the
     * changes of sentence number. */
    size_t ng = 0;
    for (size_t k = 0; k < n; k++) {
        const an_event *e = &r->events[order[k]];
        if (k == 0 || key_cmp(&r->events[order[k - 1]], e) != 0) {
            first[ng] = order[k];
            ments[ng] = 0;
            sents[ng] = 0;
            ng++;
        } else if (order[k] < first[ng - 1]) {
            first[ng - 1] = order[k];
        }
        ments[ng - 1]++;
        if (ments[ng - 1] == 1 || r->events[order[k - 1]].sent != e->sent) sents[ng - 1]++;
        group_of[order[k]] = (uint32_t)(ng - 1);
    }
    /* Renumber the groups by their first event, so roll-ups are made in text order. */
    uint32_t *by_first = order; /* reused: group numbers sorted by first event */
    for (size_t g = 0; g < ng; g++) by_first[g] = (uint32_t)g;
    for (size_t g = 1; g < ng; g++) { /* insertion sort: a document has few groups */
        uint32_t v = by_first[g];
        size_t k = g;
        while (k > 0 && first[by_first[k - 1]] > first[v]) {
            by_first[k] = by_first[k - 1];
            k--;
        }
        by_first[k] = v;
    }
    for (size_t g = 0; g < ng; g++) rank[by_first[g]] = (uint32_t)g;
    for (size_t i = 0; i < n; i++) group_of[i] = rank[group_of[i]];
    put_u32(p, (uint32_t)ng);
    for (size_t g = 0; g < ng; g++) {
        uint32_t sg = by_first[g];
        const an_event *e = &r->events[first[sg]];
        put_str(p, e->date);
        put_str(p, e->source ? e->source : "");
        put_str(p, e->target ? e->target : "");
        put_str(p, e->code ? e->code : "");
        put_str(p, e->root);
        put_u32(p, (uint32_t)e->quad);
        put_f64(p, e->goldstein);
        put_u32(p, ments[sg]);
        put_u32(p, sents[sg]);
    }
done:
    free(order);
    free(first);
    free(ments);
    free(sents);
    free(rank);
    return rc;
}

int an_store_encode(void *userdata, const an_doc *doc, const an_result *r, char **buf,
                    size_t *len, size_t *cap)
{
    (void)userdata;
    packer p = {{*buf, *len, *cap, 0}};
    const char *text = doc->text ? doc->text : "";
    size_t text_len = doc->text ? doc->text_len : 0;
    put_u32(&p, PACK_MAGIC);
    put_u64(&p, an_store_text_hash(text, text_len));
    put_str(&p, doc->id ? doc->id : "");
    put_str(&p, doc->date);
    put_str(&p, doc->title);
    put_str(&p, doc->source);
    put_str(&p, doc->url);
    put_str(&p, doc->file);
    put_u32(&p, (uint32_t)doc->line);
    put_strn(&p, text, text_len);

    int rc = pack_sentences(&p, r);
    uint32_t *group_of = NULL;
    if (rc == 0 && r->event_count) {
        group_of = malloc(r->event_count * sizeof *group_of);
        rc = group_of ? pack_groups(&p, r, group_of) : AN_ENOMEM;
    } else if (rc == 0) {
        put_u32(&p, 0);
    }
    if (rc == 0) {
        put_u32(&p, (uint32_t)r->event_count);
        for (size_t i = 0; i < r->event_count; i++) {
            const an_event *e = &r->events[i];
            put_u32(&p, group_of[i]);
            put_u32(&p, e->sent);
            put_str(&p, e->doc_date);
            put_str(&p, e->plover ? e->plover : "");
            put_str(&p, e->source_text ? e->source_text : "");
            put_str(&p, e->target_text ? e->target_text : "");
            put_str(&p, e->verb_text ? e->verb_text : "");
            put_str(&p, e->rule ? e->rule : "");
            put_str(&p, e->issues ? e->issues : "");
            put_str(&p, e->location ? e->location : "");
            put_u32(&p, e->source_span.off);
            put_u32(&p, e->source_span.len);
            put_u32(&p, e->target_span.off);
            put_u32(&p, e->target_span.len);
            put_u32(&p, e->verb_span.off);
            put_u32(&p, e->verb_span.len);
        }
    }
    free(group_of);
    *buf = p.b.data;
    *len = p.b.len;
    *cap = p.b.cap;
    if (rc == 0 && p.b.oom) rc = AN_ENOMEM;
    return rc;
}

/* ---- reading */

typedef struct cursor {
    const unsigned char *p, *end;
    int bad;
} cursor;

static uint32_t get_u32(cursor *c)
{
    uint32_t v = 0;
    if ((size_t)(c->end - c->p) < sizeof v) {
        c->bad = 1;
        return 0;
    }
    memcpy(&v, c->p, sizeof v);
    c->p += sizeof v;
    return v;
}

static uint64_t get_u64(cursor *c)
{
    uint64_t v = 0;
    if ((size_t)(c->end - c->p) < sizeof v) {
        c->bad = 1;
        return 0;
    }
    memcpy(&v, c->p, sizeof v);
    c->p += sizeof v;
    return v;
}

static double get_f64(cursor *c)
{
    double v = 0;
    if ((size_t)(c->end - c->p) < sizeof v) {
        c->bad = 1;
        return NAN;
    }
    memcpy(&v, c->p, sizeof v);
    c->p += sizeof v;
    return v;
}

static pk_str get_str(cursor *c)
{
    pk_str s = {NULL, 0};
    uint32_t len = get_u32(c);
    if (c->bad || len == NULL_LEN) return s;
    if ((size_t)(c->end - c->p) < len) {
        c->bad = 1;
        return s;
    }
    s.p = (const char *)c->p;
    s.len = len;
    c->p += len;
    return s;
}

int an_pack_decode(pk_doc *d, const void *data, size_t len, an_error *err)
{
    cursor c = {data, (const unsigned char *)data + len, 0};
    d->sents.n = d->groups.n = d->events.n = 0;
    if (get_u32(&c) != PACK_MAGIC) goto bad;
    d->hash = get_u64(&c);
    d->id = get_str(&c);
    d->date = get_str(&c);
    d->title = get_str(&c);
    d->source = get_str(&c);
    d->url = get_str(&c);
    d->file = get_str(&c);
    d->line = get_u32(&c);
    d->text = get_str(&c);
    d->sentence_count = get_u32(&c);
    uint32_t ns = get_u32(&c);
    if (c.bad || ns > len / 12) goto bad;
    if (AN_VEC_RESERVE(&d->sents, ns) < 0) return an_err_oom(err);
    for (uint32_t i = 0; i < ns; i++) {
        pk_sent s;
        s.sent = get_u32(&c);
        s.off = get_u32(&c);
        s.len = get_u32(&c);
        /* Increasing numbers, spans inside the text. */
        if (s.sent >= d->sentence_count || (i > 0 && s.sent <= d->sents.v[i - 1].sent) ||
            s.off > d->text.len || s.len > d->text.len - s.off)
            c.bad = 1;
        d->sents.v[d->sents.n++] = s;
    }
    uint32_t ng = get_u32(&c);
    if (c.bad || ng > len / 8) goto bad;
    if (AN_VEC_RESERVE(&d->groups, ng) < 0) return an_err_oom(err);
    for (uint32_t i = 0; i < ng; i++) {
        pk_group g;
        g.date = get_str(&c);
        g.source = get_str(&c);
        g.target = get_str(&c);
        g.code = get_str(&c);
        g.root = get_str(&c);
        g.quad = (int32_t)get_u32(&c);
        g.goldstein = get_f64(&c);
        g.mentions = get_u32(&c);
        g.sentences = get_u32(&c);
        g.rollup = 0;
        if (!g.date.p || !g.source.p || !g.target.p || !g.code.p || !g.root.p) c.bad = 1;
        d->groups.v[d->groups.n++] = g;
    }
    uint32_t ne = get_u32(&c);
    if (c.bad || ne > len / 8) goto bad;
    if (AN_VEC_RESERVE(&d->events, ne) < 0) return an_err_oom(err);
    for (uint32_t i = 0; i < ne; i++) {
        pk_event e;
        e.group = get_u32(&c);
        e.sent = get_u32(&c);
        e.doc_date = get_str(&c);
        e.plover = get_str(&c);
        e.source_text = get_str(&c);
        e.target_text = get_str(&c);
        e.verb_text = get_str(&c);
        e.rule = get_str(&c);
        e.issues = get_str(&c);
        e.location = get_str(&c);
        e.source_off = get_u32(&c);
        e.source_len = get_u32(&c);
        e.target_off = get_u32(&c);
        e.target_len = get_u32(&c);
        e.verb_off = get_u32(&c);
        e.verb_len = get_u32(&c);
        if (e.group >= ng || e.sent >= d->sentence_count) c.bad = 1;
        d->events.v[d->events.n++] = e;
    }
    if (c.bad || c.p != c.end || !d->id.p || !d->text.p) goto bad;
    return 0;
bad:
    return an_err(err, AN_EINTERNAL, NULL, 0, "a packed document is malformed");
}

void an_pack_free(pk_doc *d)
{
    AN_VEC_FREE(&d->sents);
    AN_VEC_FREE(&d->groups);
    AN_VEC_FREE(&d->events);
}
