/* rollup.c — GDELT-style roll-ups kept in step with the events: every distinct (date,
 * source, target, code) is one roll-up row counting its mentions (events), the sentences
 * and the documents they come from. Counts are additive over documents, so adding or
 * removing one document adjusts them exactly; a roll-up left with no mention is deleted. */
#include <math.h>
#include <stdlib.h>

#include "store/store_impl.h"
#include "util/error.h"

static void bind_str(sqlite3_stmt *st, int i, pk_str s)
{
    sqlite3_bind_text(st, i, s.p && s.len ? s.p : "", (int)s.len, SQLITE_STATIC);
}

int an_rollup_add(an_store *s, pk_doc *d, an_error *err)
{
    if (!d->groups.n) return 0;
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, ST_ROLLUP_UPSERT, &st, err);
    if (rc < 0) return rc;
    for (size_t i = 0; i < d->groups.n; i++) {
        pk_group *g = &d->groups.v[i];
        bind_str(st, 1, g->date);
        bind_str(st, 2, g->source);
        bind_str(st, 3, g->target);
        bind_str(st, 4, g->code);
        bind_str(st, 5, g->root);
        sqlite3_bind_int(st, 6, g->quad);
        if (isnan(g->goldstein)) sqlite3_bind_null(st, 7);
        else sqlite3_bind_double(st, 7, g->goldstein);
        sqlite3_bind_int64(st, 8, g->mentions);
        sqlite3_bind_int64(st, 9, g->sentences);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            g->rollup = sqlite3_column_int64(st, 0);
            rc = sqlite3_step(st);
        }
        int ret = rc == SQLITE_DONE ? 0 : an_store_sqlerr(s, rc, err, "updating a roll-up");
        sqlite3_reset(st);
        if (ret < 0) return ret;
    }
    return 0;
}

typedef struct sub_row {
    int64_t rollup, mentions, sentences;
} sub_row;

int an_rollup_remove_doc(an_store *s, int64_t doc_pk, an_error *err)
{
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, ST_DOC_GROUPS, &st, err);
    if (rc < 0) return rc;
    AN_VEC(sub_row) rows = {0};
    sqlite3_bind_int64(st, 1, doc_pk);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sub_row r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                     sqlite3_column_int64(st, 2)};
        if (AN_VEC_PUSH(&rows, r) < 0) {
            sqlite3_reset(st);
            AN_VEC_FREE(&rows);
            return an_err_oom(err);
        }
    }
    sqlite3_reset(st);
    int ret = 0;
    if (rc != SQLITE_DONE) {
        ret = an_store_sqlerr(s, rc, err, "reading a document's roll-ups");
        goto done;
    }
    sqlite3_stmt *sub, *gc;
    if ((ret = an_store_stmt(s, ST_ROLLUP_SUB, &sub, err)) < 0 ||
        (ret = an_store_stmt(s, ST_ROLLUP_GC, &gc, err)) < 0)
        goto done;
    for (size_t i = 0; i < rows.n; i++) {
        sqlite3_bind_int64(sub, 1, rows.v[i].rollup);
        sqlite3_bind_int64(sub, 2, rows.v[i].mentions);
        sqlite3_bind_int64(sub, 3, rows.v[i].sentences);
        rc = sqlite3_step(sub);
        if (rc == SQLITE_DONE) {
            sqlite3_reset(sub);
            sqlite3_bind_int64(gc, 1, rows.v[i].rollup);
            rc = sqlite3_step(gc);
        }
        if (rc != SQLITE_DONE) ret = an_store_sqlerr(s, rc, err, "updating a roll-up");
        sqlite3_reset(sub);
        sqlite3_reset(gc);
        if (ret < 0) goto done;
    }
done:
    AN_VEC_FREE(&rows);
    return ret;
}

/* Counts offending rows of a check query. */
static int count_rows(an_store *s, const char *sql, int64_t *n, an_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return an_store_sqlerr(s, rc, err, "store check");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : an_store_sqlerr(s, rc, err, "store check");
}

int an_rollup_check(an_store *s, an_error *err)
{
    static const struct {
        const char *sql, *what;
    } checks[] = {
        {"SELECT count(*) FROM events e LEFT JOIN rollups r ON r.id = e.rollup"
         " WHERE r.id IS NULL OR r.date != e.date OR r.source != e.source"
         " OR r.target != e.target OR r.code != e.code",
         "events not linked to the roll-up of their date, source, target and code"},
        {"SELECT count(*) FROM rollups r LEFT JOIN (SELECT rollup, count(*) AS m,"
         " count(DISTINCT doc * 4294967296 + sent) AS s, count(DISTINCT doc) AS d"
         " FROM events GROUP BY rollup) x ON x.rollup = r.id"
         " WHERE x.rollup IS NULL OR r.mentions != x.m OR r.sentences != x.s"
         " OR r.documents != x.d",
         "roll-ups whose mention, sentence or document counts differ from their events"},
    };
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        int64_t n = 0;
        int rc = count_rows(s, checks[i].sql, &n, err);
        if (rc < 0) return rc;
        if (n)
            return an_err(err, AN_EINTERNAL, s->path, 0, "store check failed: %lld %s",
                          (long long)n, checks[i].what);
    }
    return 0;
}
