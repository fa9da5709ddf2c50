/* ingest.c — writing one coded document into the store in one transaction: unchanged
 * documents (same id, same text hash) are left alone, changed ones are removed as a whole
 * and stored again. Roll-up bookkeeping is in rollup.c; packing in pack.c. */
#include <math.h>
#include <string.h>
#include <time.h>

#include "store/store_impl.h"
#include "util/error.h"

static void bind_str(sqlite3_stmt *st, int i, pk_str s)
{
    if (s.p) sqlite3_bind_text(st, i, s.len ? s.p : "", (int)s.len, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

/* Steps a statement that returns no rows, then resets it. */
static int run(an_store *s, sqlite3_stmt *st, an_error *err, const char *what)
{
    int rc = sqlite3_step(st);
    /* The message and the system errno first: resetting may overwrite them. */
    int ret = rc == SQLITE_DONE ? 0 : an_store_sqlerr(s, rc, err, what);
    sqlite3_reset(st);
    return ret;
}

static const char *now_text(an_store *s)
{
    time_t t = time(NULL);
    if ((int64_t)t != s->now_sec || !s->now[0]) {
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(s->now, sizeof s->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
        s->now_sec = (int64_t)t;
    }
    return s->now;
}

int an_ingest_remove(an_store *s, int64_t doc_pk, an_error *err)
{
    int rc = an_rollup_remove_doc(s, doc_pk, err);
    if (rc < 0) return rc;
    static const int dels[] = {ST_DEL_EVENTS, ST_DEL_SENTS, ST_DEL_DOC};
    for (size_t i = 0; i < sizeof dels / sizeof dels[0]; i++) {
        sqlite3_stmt *st;
        if ((rc = an_store_stmt(s, dels[i], &st, err)) < 0) return rc;
        sqlite3_bind_int64(st, 1, doc_pk);
        if ((rc = run(s, st, err, "removing the old version of a document")) < 0) return rc;
    }
    return 0;
}

/* Looks the document id up inside the transaction: *pk = 0 when not stored. */
static int lookup(an_store *s, pk_str id, int64_t *pk, char hash[17], an_error *err)
{
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, ST_DOC_LOOKUP, &st, err);
    if (rc < 0) return rc;
    bind_str(st, 1, id);
    *pk = 0;
    hash[0] = '\0';
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *pk = sqlite3_column_int64(st, 0);
        const unsigned char *h = sqlite3_column_text(st, 1);
        snprintf(hash, 17, "%s", h ? (const char *)h : "");
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return an_store_sqlerr(s, rc, err, "looking up a document");
    return 0;
}

static int insert_doc(an_store *s, const pk_doc *d, const char *hex, int64_t *pk, an_error *err)
{
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, ST_DOC_INSERT, &st, err);
    if (rc < 0) return rc;
    bind_str(st, 1, d->id);
    sqlite3_bind_text(st, 2, hex, 16, SQLITE_STATIC);
    bind_str(st, 3, d->date);
    bind_str(st, 4, d->title);
    bind_str(st, 5, d->source);
    bind_str(st, 6, d->url);
    bind_str(st, 7, d->file);
    if (d->line) sqlite3_bind_int64(st, 8, d->line);
    else sqlite3_bind_null(st, 8);
    bind_str(st, 9, d->text);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)d->sentence_count);
    sqlite3_bind_int64(st, 11, (sqlite3_int64)d->events.n);
    sqlite3_bind_text(st, 12, now_text(s), -1, SQLITE_STATIC);
    if ((rc = run(s, st, err, "storing a document")) < 0) return rc;
    *pk = sqlite3_last_insert_rowid(s->db);

    if ((rc = an_store_stmt(s, ST_SENT_INSERT, &st, err)) < 0) return rc;
    for (size_t i = 0; i < d->sents.n; i++) {
        const pk_sent *t = &d->sents.v[i];
        sqlite3_bind_int64(st, 1, *pk);
        sqlite3_bind_int64(st, 2, t->sent);
        sqlite3_bind_int64(st, 3, t->off);
        sqlite3_bind_int64(st, 4, t->len);
        if ((rc = run(s, st, err, "storing a sentence")) < 0) return rc;
    }
    return 0;
}

static int insert_events(an_store *s, const pk_doc *d, int64_t pk, an_error *err)
{
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, ST_EVENT_INSERT, &st, err);
    if (rc < 0) return rc;
    for (size_t i = 0; i < d->events.n; i++) {
        const pk_event *e = &d->events.v[i];
        const pk_group *g = &d->groups.v[e->group];
        sqlite3_bind_int64(st, 1, pk);
        sqlite3_bind_int64(st, 2, e->sent);
        bind_str(st, 3, g->date);
        pk_str dd = e->doc_date.p ? e->doc_date : (pk_str){"", 0};
        bind_str(st, 4, dd);
        bind_str(st, 5, g->source);
        bind_str(st, 6, g->target);
        bind_str(st, 7, g->code);
        bind_str(st, 8, g->root);
        sqlite3_bind_int(st, 9, g->quad);
        if (isnan(g->goldstein)) sqlite3_bind_null(st, 10);
        else sqlite3_bind_double(st, 10, g->goldstein);
        bind_str(st, 11, e->plover);
        bind_str(st, 12, e->source_text);
        bind_str(st, 13, e->target_text);
        bind_str(st, 14, e->verb_text);
        sqlite3_bind_int64(st, 15, e->source_off);
        sqlite3_bind_int64(st, 16, e->source_len);
        sqlite3_bind_int64(st, 17, e->target_off);
        sqlite3_bind_int64(st, 18, e->target_len);
        sqlite3_bind_int64(st, 19, e->verb_off);
        sqlite3_bind_int64(st, 20, e->verb_len);
        bind_str(st, 21, e->rule);
        bind_str(st, 22, e->issues);
        bind_str(st, 23, e->location);
        sqlite3_bind_int64(st, 24, g->rollup);
        if ((rc = run(s, st, err, "storing an event")) < 0) return rc;
    }
    return 0;
}

static int tx(an_store *s, int which, an_error *err, const char *what)
{
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, which, &st, err);
    if (rc < 0) return rc;
    return run(s, st, err, what);
}

/* Names the document in an error the SQLite layer filled in. */
static void add_doc_context(an_error *err, pk_str id)
{
    if (!err || !err->code) return;
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "document %.*s: %.290s", (int)(id.len > 200 ? 200 : id.len),
             id.p ? id.p : "", err->msg);
    memcpy(err->msg, msg, sizeof msg);
}

int an_store_ingest_packed(an_store *s, const void *data, size_t len,
                           an_ingest_outcome *outcome, an_error *err)
{
    if (outcome) *outcome = 0;
    if (s->readonly)
        return an_err(err, AN_EUSAGE, s->path, 0, "the store was opened read-only");
    pk_doc *d = &s->doc;
    int rc = an_pack_decode(d, data, len, err);
    if (rc < 0) return rc;
    if (d->id.len == 0)
        return an_err(err, AN_EBADINPUT, s->path, 0, "a document without an id cannot be stored");
    char hex[17], old[17];
    an_store_hash_hex(d->hash, hex);

    if ((rc = tx(s, ST_BEGIN, err, "cannot start a transaction")) < 0) {
        add_doc_context(err, d->id);
        return rc;
    }
    int64_t pk = 0;
    an_ingest_outcome what = AN_INGEST_ADDED;
    if ((rc = lookup(s, d->id, &pk, old, err)) < 0) goto fail;
    if (pk && strcmp(old, hex) == 0) {
        what = AN_INGEST_UNCHANGED;
    } else {
        if (pk) {
            what = AN_INGEST_REPLACED;
            if ((rc = an_ingest_remove(s, pk, err)) < 0) goto fail;
        }
        if ((rc = insert_doc(s, d, hex, &pk, err)) < 0) goto fail;
        if ((rc = an_rollup_add(s, d, err)) < 0) goto fail;
        if ((rc = insert_events(s, d, pk, err)) < 0) goto fail;
    }
    if ((rc = tx(s, what == AN_INGEST_UNCHANGED ? ST_ROLLBACK : ST_COMMIT, err,
                 "cannot commit the document")) < 0)
        goto fail;
    if (outcome) *outcome = what;
    return 0;
fail:
    add_doc_context(err, d->id);
    if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int an_store_ingest_doc(an_store *s, const an_doc *doc, const an_result *r,
                        an_ingest_outcome *outcome, an_error *err)
{
    if (outcome) *outcome = 0;
    an_result empty;
    memset(&empty, 0, sizeof empty);
    s->pack.len = 0;
    int rc = an_store_encode(NULL, doc, r ? r : &empty, &s->pack.data, &s->pack.len,
                             &s->pack.cap);
    if (rc < 0) {
        if (rc == AN_ENOMEM) return an_err_oom(err);
        return an_err(err, rc, s->path, 0, "document %s: could not be packed",
                      doc->id ? doc->id : "");
    }
    return an_store_ingest_packed(s, s->pack.data, s->pack.len, outcome, err);
}

int an_store_delete_doc(an_store *s, const char *doc_id, an_error *err)
{
    if (s->readonly)
        return an_err(err, AN_EUSAGE, s->path, 0, "the store was opened read-only");
    int rc = tx(s, ST_BEGIN, err, "cannot start a transaction");
    if (rc < 0) return rc;
    int64_t pk = 0;
    char old[17];
    pk_str id = {doc_id ? doc_id : "", doc_id ? (uint32_t)strlen(doc_id) : 0};
    if ((rc = lookup(s, id, &pk, old, err)) < 0) goto fail;
    if (pk && (rc = an_ingest_remove(s, pk, err)) < 0) goto fail;
    if ((rc = tx(s, ST_COMMIT, err, "cannot commit the deletion")) < 0) goto fail;
    return pk ? 1 : 0;
fail:
    if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
