/* pool.c — parallel coding with output in input order (an_pool). Documents are copied
 * into a ring of slots; worker threads, each with its own coder over the shared read-only
 * dictionary, take slots in order, code and format them; the submitting thread hands the
 * finished slots to the output callback strictly in submission order. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "annalist.h"
#include "util/error.h"

enum { SLOT_EMPTY = 0, SLOT_QUEUED, SLOT_WORKING, SLOT_DONE };

typedef struct slot {
    int state;
    an_doc doc;
    char *strings;           /* the document's copied strings */
    size_t strings_cap;
    char *out;               /* formatted events */
    size_t out_len, out_cap;
    size_t sentences, events;
    int failed;              /* coding failed: out holds nothing */
    an_error err;
} slot;

struct an_pool {
    const an_dict *dict;
    an_code_opts opts;
    an_format fmt;
    an_pool_out_fn out;
    void *out_ud;
    an_diag_fn diag;
    void *diag_ud;
    an_pool_encode_fn encode;
    void *encode_ud;
    int threads;             /* coders made (and workers wanted) */
    int started;             /* worker threads running */
    pthread_t *tids;
    an_coder **coders;       /* one per worker (or one for inline coding) */
    slot *slots;
    size_t nslots;
    size_t next_submit;      /* sequence number of the next submitted document */
    size_t next_take;        /* next sequence a worker takes */
    size_t next_emit;        /* next sequence to hand to the output */
    int stopping;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
    pthread_mutex_t diag_lock;
    size_t documents, sentences, events;
};

static void on_coder_diag(void *ud, const an_error *e)
{
    an_pool *p = ud;
    if (!p->diag) return;
    pthread_mutex_lock(&p->diag_lock);
    p->diag(p->diag_ud, e);
    pthread_mutex_unlock(&p->diag_lock);
}

/* Copies the document's strings into the slot so the caller's may go away. */
static int copy_doc(slot *s, const an_doc *d)
{
    const char *fields[] = {d->id, d->date, d->title, d->source, d->url, d->parse, d->file};
    size_t need = d->text_len + 1;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i]) need += strlen(fields[i]) + 1;
    if (need > s->strings_cap) {
        char *p = realloc(s->strings, need);
        if (!p) return AN_ENOMEM;
        s->strings = p;
        s->strings_cap = need;
    }
    char *w = s->strings;
    const char **dst[] = {&s->doc.id, &s->doc.date, &s->doc.title, &s->doc.source, &s->doc.url,
                          &s->doc.parse, &s->doc.file};
    s->doc = *d;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (!fields[i]) continue;
        size_t n = strlen(fields[i]) + 1;
        memcpy(w, fields[i], n);
        *dst[i] = w;
        w += n;
    }
    if (d->text_len) memcpy(w, d->text, d->text_len);
    w[d->text_len] = '\0';
    s->doc.text = w;
    return 0;
}

static void code_slot(an_pool *p, an_coder *c, slot *s)
{
    an_result r;
    s->out_len = 0;
    s->failed = 0;
    memset(&s->err, 0, sizeof s->err);
    if (an_coder_code(c, &s->doc, &r, &s->err) < 0) {
        s->failed = 1;
        return;
    }
    s->sentences = r.sentence_count;
    s->events = r.event_count;
    int rc = p->encode ? p->encode(p->encode_ud, &s->doc, &r, &s->out, &s->out_len, &s->out_cap)
                       : an_result_format(&r, p->fmt, &s->out, &s->out_len, &s->out_cap);
    if (rc < 0) {
        s->failed = 1;
        if (rc == AN_ENOMEM) an_err_oom(&s->err);
        else an_err(&s->err, rc, s->doc.file, s->doc.line, "document %s: could not be encoded",
                    s->doc.id ? s->doc.id : "");
    }
}

static void *worker(void *arg)
{
    an_pool *p = ((void **)arg)[0];
    an_coder *c = ((void **)arg)[1];
    free(arg);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stopping && p->next_take == p->next_submit) pthread_cond_wait(&p->work, &p->lock);
        if (p->next_take == p->next_submit && p->stopping) break;
        slot *s = &p->slots[p->next_take % p->nslots];
        p->next_take++;
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->lock);
        code_slot(p, c, s);
        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Hands finished slots to the output in order; with wait_all, waits for all of them.
 * Called with the lock held. */
static int drain(an_pool *p, int wait_all, an_error *err)
{
    int rc = 0;
    for (;;) {
        if (p->next_emit == p->next_submit) return rc;
        slot *s = &p->slots[p->next_emit % p->nslots];
        if (s->state != SLOT_DONE) {
            if (!wait_all && p->next_submit - p->next_emit < p->nslots) return rc;
            pthread_cond_wait(&p->done, &p->lock);
            continue;
        }
        pthread_mutex_unlock(&p->lock);
        if (s->failed) {
            if (err && rc == 0) *err = s->err;
            rc = s->err.code ? s->err.code : AN_EINTERNAL;
        } else if (s->out_len && p->out) {
            p->out(p->out_ud, s->out, s->out_len);
        }
        pthread_mutex_lock(&p->lock);
        p->documents++;
        p->sentences += s->sentences;
        p->events += s->events;
        s->state = SLOT_EMPTY;
        p->next_emit++;
    }
}

int an_pool_new(an_pool **out, const an_dict *dict, const an_code_opts *opts, int threads,
                an_format fmt, an_pool_out_fn fn, void *userdata, an_error *err)
{
    *out = NULL;
    if (threads < 1) threads = 1;
    an_pool *p = calloc(1, sizeof *p);
    if (!p) return an_err_oom(err);
    an_code_opts defaults = AN_CODE_OPTS_INIT;
    p->dict = dict;
    p->opts = opts ? *opts : defaults;
    p->fmt = fmt;
    p->out = fn;
    p->out_ud = userdata;
    p->threads = threads;
    p->nslots = threads == 1 ? 1 : (size_t)threads * 16;
    pthread_mutex_init(&p->lock, NULL);
    pthread_mutex_init(&p->diag_lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->slots = calloc(p->nslots, sizeof *p->slots);
    p->coders = calloc((size_t)threads, sizeof *p->coders);
    if (!p->slots || !p->coders) {
        an_pool_free(p);
        return an_err_oom(err);
    }
    for (int i = 0; i < threads; i++) {
        int rc = an_coder_new(&p->coders[i], dict, &p->opts, err);
        if (rc < 0) {
            an_pool_free(p);
            return rc;
        }
        an_coder_set_diag(p->coders[i], on_coder_diag, p);
    }
    if (threads > 1) {
        p->tids = calloc((size_t)threads, sizeof *p->tids);
        if (!p->tids) {
            an_pool_free(p);
            return an_err_oom(err);
        }
        for (int i = 0; i < threads; i++) {
            void **arg = malloc(2 * sizeof *arg);
            if (!arg) {
                an_pool_free(p);
                return an_err_oom(err);
            }
            arg[0] = p;
            arg[1] = p->coders[i];
            if (pthread_create(&p->tids[i], NULL, worker, arg) != 0) {
                free(arg);
                an_pool_free(p);
                return an_err(err, AN_EINTERNAL, NULL, 0, "cannot start worker threads");
            }
            p->started = i + 1;
        }
    }
    *out = p;
    return 0;
}

void an_pool_set_diag(an_pool *p, an_diag_fn fn, void *userdata)
{
    p->diag = fn;
    p->diag_ud = userdata;
}

int an_pool_submit(an_pool *p, const an_doc *doc, an_error *err)
{
    if (p->threads == 1) {
        slot *s = &p->slots[0];
        if (copy_doc(s, doc) < 0) return an_err_oom(err);
        code_slot(p, p->coders[0], s);
        p->documents++;
        p->sentences += s->sentences;
        p->events += s->events;
        if (s->failed) {
            if (err) *err = s->err;
            return s->err.code ? s->err.code : AN_EINTERNAL;
        }
        if (s->out_len && p->out) p->out(p->out_ud, s->out, s->out_len);
        return 0;
    }
    pthread_mutex_lock(&p->lock);
    /* Wait for room: the slot for this sequence number must have been emitted. */
    int rc = 0;
    while (p->next_submit - p->next_emit >= p->nslots) {
        int r = drain(p, 0, err);
        if (r < 0 && rc == 0) rc = r;
        if (p->next_submit - p->next_emit >= p->nslots) pthread_cond_wait(&p->done, &p->lock);
    }
    slot *s = &p->slots[p->next_submit % p->nslots];
    if (copy_doc(s, doc) < 0) {
        pthread_mutex_unlock(&p->lock);
        return an_err_oom(err);
    }
    s->state = SLOT_QUEUED;
    p->next_submit++;
    pthread_cond_signal(&p->work);
    int r = drain(p, 0, err);
    pthread_mutex_unlock(&p->lock);
    return rc < 0 ? rc : r;
}

int an_pool_finish(an_pool *p, an_error *err)
{
    if (p->threads == 1) return 0;
    pthread_mutex_lock(&p->lock);
    int rc = drain(p, 1, err);
    pthread_mutex_unlock(&p->lock);
    return rc;
}

void an_pool_set_encoder(an_pool *p, an_pool_encode_fn fn, void *userdata)
{
    p->encode = fn;
    p->encode_ud = userdata;
}

void an_pool_counts(const an_pool *p, size_t *documents, size_t *sentences, size_t *events)
{
    if (documents) *documents = p->documents;
    if (sentences) *sentences = p->sentences;
    if (events) *events = p->events;
}

void an_pool_free(an_pool *p)
{
    if (!p) return;
    if (p->tids) {
        pthread_mutex_lock(&p->lock);
        p->stopping = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->lock);
        for (int i = 0; i < p->started; i++) pthread_join(p->tids[i], NULL);
        free(p->tids);
    }
    if (p->coders)
        for (int i = 0; i < p->threads; i++) an_coder_free(p->coders[i]);
    free(p->coders);
    if (p->slots) {
        for (size_t i = 0; i < p->nslots; i++) {
            free(p->slots[i].strings);
            free(p->slots[i].out);
        }
    }
    free(p->slots);
    pthread_mutex_destroy(&p->lock);
    pthread_mutex_destroy(&p->diag_lock);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p);
}
