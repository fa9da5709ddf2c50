/* query.c — reading the store: filtered events (mentions, or one row per roll-up with the
 * Phoenix one-a-day filter), time series by period in both directions of a dyad, top actors
 * and dyads, and the document list. Filters become SQL with bound parameters (query_sql.h);
 * rows go to the caller's callback. Export formats are in export.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/query_sql.h"
#include "util/error.h"

/* ---- SQL building */

void qb_init(qb *q)
{
    memset(q, 0, sizeof q[0]);
}

void qb_free(qb *q)
{
    an_buf_free(&q->sql);
    for (int i = 0; i < q->nowned; i++) free(q->owned[i]);
}

void qb_sql(qb *q, const char *s) { an_buf_puts(&q->sql, s); }

void qb_arg(qb *q, const char *v)
{
    if (q->nargs >= QB_MAX_ARGS) {
        q->bad = 1;
        return;
    }
    q->args[q->nargs++] = v;
    an_buf_puts(&q->sql, "?");
}

/* The smallest string greater than every string that starts with prefix, or NULL. */
static char *prefix_upper(const char *prefix)
{
    size_t n = strlen(prefix);
    char *u = malloc(n + 1);
    if (!u) return NULL;
    memcpy(u, prefix, n + 1);
    while (n > 0) {
        unsigned char c = (unsigned char)u[n - 1];
        if (c < 0xff) {
            u[n - 1] = (char)(c + 1);
            u[n] = '\0';
            return u;
        }
        u[--n] = '\0';
    }
    free(u);
    return NULL;
}

/* Keeps an allocated argument until qb_free. */
static const char *qb_own(qb *q, char *s)
{
    if (!s) {
        q->bad = 1;
        return "";
    }
    if (q->nowned >= QB_MAX_ARGS) {
        free(s);
        q->bad = 1;
        return "";
    }
    q->owned[q->nowned++] = s;
    return s;
}

void qb_prefix(qb *q, const char *col, const char *prefix)
{
    char *upper = prefix_upper(prefix);
    an_buf_printf(&q->sql, "(%s >= ", col);
    qb_arg(q, prefix);
    if (upper) {
        an_buf_printf(&q->sql, " AND %s < ", col);
        qb_arg(q, qb_own(q, upper));
    }
    qb_sql(q, ")");
}

static int set(const char *s) { return s && *s; }

void qb_where(qb *q, const an_store_filter *f, const char *t, int on_rollups, unsigned skip)
{
    char a[64], b[64];
    an_buf_puts(&q->sql, " WHERE 1");
    if (!f) return;
    snprintf(a, sizeof a, "%s.source", t);
    snprintf(b, sizeof b, "%s.target", t);
    if (set(f->actor) && !(skip & QB_SKIP_ACTOR)) {
        qb_sql(q, " AND (");
        qb_prefix(q, a, f->actor);
        qb_sql(q, " OR ");
        qb_prefix(q, b, f->actor);
        qb_sql(q, ")");
    }
    if (set(f->source)) {
        qb_sql(q, " AND ");
        qb_prefix(q, a, f->source);
    }
    if (set(f->target)) {
        qb_sql(q, " AND ");
        qb_prefix(q, b, f->target);
    }
    if (set(f->dyad_a) && set(f->dyad_b) && !(skip & QB_SKIP_DYAD)) {
        qb_sql(q, " AND ((");
        qb_prefix(q, a, f->dyad_a);
        qb_sql(q, " AND ");
        qb_prefix(q, b, f->dyad_b);
        qb_sql(q, ")");
        if (!f->dyad_directed) {
            qb_sql(q, " OR (");
            qb_prefix(q, a, f->dyad_b);
            qb_sql(q, " AND ");
            qb_prefix(q, b, f->dyad_a);
            qb_sql(q, ")");
        }
        qb_sql(q, ")");
    }
    char col[64];
    if (set(f->code)) {
        snprintf(col, sizeof col, "%s.code", t);
        qb_sql(q, " AND ");
        qb_prefix(q, col, f->code);
    }
    if (set(f->root)) {
        an_buf_printf(&q->sql, " AND %s.root = ", t);
        qb_arg(q, f->root);
    }
    if (f->quads & 0x1e) {
        an_buf_printf(&q->sql, " AND %s.quad IN (", t);
        int first = 1;
        for (int k = 1; k <= 4; k++) {
            if (!(f->quads & (1u << k))) continue;
            an_buf_printf(&q->sql, "%s%d", first ? "" : ",", k);
            first = 0;
        }
        qb_sql(q, ")");
    }
    snprintf(col, sizeof col, "%s.date", t);
    if (set(f->from)) {
        an_buf_printf(&q->sql, " AND %s >= ", col);
        qb_arg(q, f->from);
    }
    if (set(f->to)) {
        char *upper = prefix_upper(f->to);
        if (upper) {
            an_buf_printf(&q->sql, " AND %s < ", col);
            qb_arg(q, qb_own(q, upper));
        }
    }
    if (set(f->doc)) {
        if (on_rollups)
            an_buf_printf(&q->sql, " AND %s.id IN (SELECT rollup FROM events WHERE doc ="
                                   " (SELECT id FROM documents WHERE doc_id = ", t);
        else
            an_buf_printf(&q->sql, " AND %s.doc = (SELECT id FROM documents WHERE doc_id = ", t);
        qb_arg(q, f->doc);
        qb_sql(q, on_rollups ? "))" : ")");
    }
}

void qb_limit(qb *q, const an_store_filter *f)
{
    if (f && f->limit) an_buf_printf(&q->sql, " LIMIT %llu", (unsigned long long)f->limit);
}

int qb_prepare(an_store *s, qb *q, sqlite3_stmt **out, an_error *err)
{
    *out = NULL;
    if (q->bad || q->sql.oom) {
        if (q->sql.oom) return an_err_oom(err);
        return an_err(err, AN_EUSAGE, s->path, 0, "query has too many conditions");
    }
    int rc = sqlite3_prepare_v2(s->db, q->sql.data, (int)q->sql.len, out, NULL);
    if (rc != SQLITE_OK) return an_store_sqlerr(s, rc, err, "query");
    for (int i = 0; i < q->nargs; i++)
        sqlite3_bind_text(*out, i + 1, q->args[i], -1, SQLITE_TRANSIENT);
    return 0;
}

/* ---- events */

/* The columns every event query selects, in the order row_event reads them. t is the
 * events table alias of the mention shown; the roll-up is r. */
#define EVENT_COLUMNS                                                                     \
    "d.doc_id, e.sent, e.date, e.doc_date, e.source, e.target, e.code, e.root, e.quad,"     \
    " e.goldstein, e.plover, e.source_text, e.target_text, e.verb_text, e.source_off,"      \
    " e.source_len, e.target_off, e.target_len, e.verb_off, e.verb_len, e.rule, e.issues,"  \
    " e.location, d.text, s.off, s.len, r.id, r.mentions, r.sentences, r.documents,"        \
    " d.url, d.source"

#define EVENT_JOINS                                                                       \
    " JOIN documents d ON d.id = e.doc"                                                   \
    " LEFT JOIN sentences s ON s.doc = e.doc AND s.sent = e.sent"

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

int qb_read_event(sqlite3_stmt *st, int first, an_store_event_row *row, an_buf *scratch,
                  const char **url, const char **outlet)
{
    memset(row, 0, sizeof *row);
    an_event *e = &row->event;
    int c = first;
    e->doc_id = col_text(st, c++);
    e->sent = (uint32_t)sqlite3_column_int64(st, c++);
    snprintf(e->date, sizeof e->date, "%s", col_text(st, c++));
    snprintf(e->doc_date, sizeof e->doc_date, "%s", col_text(st, c++));
    e->source = col_text(st, c++);
    e->target = col_text(st, c++);
    e->code = col_text(st, c++);
    snprintf(e->root, sizeof e->root, "%s", col_text(st, c++));
    e->quad = sqlite3_column_int(st, c++);
    e->goldstein = sqlite3_column_type(st, c) == SQLITE_NULL ? NAN : sqlite3_column_double(st, c);
    c++;
    e->plover = col_text(st, c++);
    e->source_text = col_text(st, c++);
    e->target_text = col_text(st, c++);
    e->verb_text = col_text(st, c++);
    e->source_span.off = (uint32_t)sqlite3_column_int64(st, c++);
    e->source_span.len = (uint32_t)sqlite3_column_int64(st, c++);
    e->target_span.off = (uint32_t)sqlite3_column_int64(st, c++);
    e->target_span.len = (uint32_t)sqlite3_column_int64(st, c++);
    e->verb_span.off = (uint32_t)sqlite3_column_int64(st, c++);
    e->verb_span.len = (uint32_t)sqlite3_column_int64(st, c++);
    e->rule = col_text(st, c++);
    e->issues = col_text(st, c++);
    e->location = col_text(st, c++);
    const char *text = (const char *)sqlite3_column_text(st, c);
    size_t text_len = (size_t)sqlite3_column_bytes(st, c);
    c++;
    uint64_t off = (uint64_t)sqlite3_column_int64(st, c++);
    uint64_t len = (uint64_t)sqlite3_column_int64(st, c++);
    if (!text || off > text_len) off = len = 0;
    if (len > text_len - off) len = text_len - off;
    e->sentence_span.off = (uint32_t)off;
    e->sentence_span.len = (uint32_t)len;
    an_buf_clear(scratch);
    an_buf_append(scratch, text ? text + off : "", (size_t)len);
    if (scratch->oom) return AN_ENOMEM;
    e->sentence_text = scratch->data ? scratch->data : "";
    row->rollup = sqlite3_column_int64(st, c++);
    row->mentions = (uint64_t)sqlite3_column_int64(st, c++);
    row->sentences = (uint64_t)sqlite3_column_int64(st, c++);
    row->documents = (uint64_t)sqlite3_column_int64(st, c++);
    if (url) *url = (const char *)sqlite3_column_text(st, c);
    c++;
    if (outlet) *outlet = (const char *)sqlite3_column_text(st, c);
    return 0;
}

int qb_events_sql(qb *q, const an_store_filter *f)
{
    if (f && f->one_a_day) {
        /* One row per roll-up, shown through its first stored mention. */
        qb_sql(q, "SELECT r.id, " EVENT_COLUMNS " FROM rollups r"
                  " JOIN events e ON e.id = (SELECT min(id) FROM events WHERE rollup = r.id)"
                  EVENT_JOINS);
        qb_where(q, f, "r", 1, 0);
        qb_sql(q, " ORDER BY e.doc, e.id");
    } else {
        qb_sql(q, "SELECT e.id, " EVENT_COLUMNS " FROM events e" EVENT_JOINS
                  " LEFT JOIN rollups r ON r.id = e.rollup");
        qb_where(q, f, "e", 0, 0);
        qb_sql(q, " ORDER BY e.doc, e.id");
    }
    qb_limit(q, f);
    return 0;
}

/* Finishes a row loop: SQLITE_DONE, or a callback stop, is success. */
static int finish(an_store *s, sqlite3_stmt *st, int rc, an_error *err)
{
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW || rc == SQLITE_OK) return 0;
    if (rc < 0) return rc;
    return an_store_sqlerr(s, rc, err, "query");
}

int an_store_query_events(an_store *s, const an_store_filter *f, an_store_event_fn fn,
                          void *userdata, an_error *err)
{
    qb q;
    qb_init(&q);
    qb_events_sql(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    an_buf scratch = AN_BUF_INIT;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        an_store_event_row row;
        if (qb_read_event(st, 1, &row, &scratch, NULL, NULL) < 0) {
            rc = an_err_oom(err);
            break;
        }
        row.id = sqlite3_column_int64(st, 0);
        if (fn(userdata, &row)) break;
    }
    an_buf_free(&scratch);
    return finish(s, st, rc, err);
}

/* ---- time series */

int an_period_parse(const char *name)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    for (int i = 0; i < 4; i++)
        if (name && strcmp(name, names[i]) == 0) return i;
    return -1;
}

static const char *period_expr(an_period p)
{
    switch (p) {
    case AN_PERIOD_WEEK:
        return "date(t.date, '-' || ((CAST(strftime('%w', t.date) AS INTEGER) + 6) % 7)"
               " || ' days')";
    case AN_PERIOD_MONTH: return "substr(t.date, 1, 7)";
    case AN_PERIOD_YEAR: return "substr(t.date, 1, 4)";
    default: return "t.date";
    }
}

/* One branch of the series: events of the direction `dir` (0 or 1). */
static void series_branch(qb *q, const an_store_filter *f, an_period p, int dir,
                          const char *src, const char *tgt, unsigned skip)
{
    an_buf_printf(&q->sql, "SELECT %s AS period, %d AS dir, t.quad, t.goldstein FROM %s t",
                  period_expr(p), dir, f->one_a_day ? "rollups" : "events");
    qb_where(q, f, "t", f->one_a_day, skip);
    qb_sql(q, " AND t.date != ''");
    if (set(src)) {
        qb_sql(q, " AND ");
        qb_prefix(q, "t.source", src);
    }
    if (set(tgt)) {
        qb_sql(q, " AND ");
        qb_prefix(q, "t.target", tgt);
    }
}

int an_store_series(an_store *s, const an_store_filter *f, an_period period,
                    an_store_series_fn fn, void *userdata, an_error *err)
{
    an_store_filter none = AN_STORE_FILTER_INIT;
    if (!f) f = &none;
    const char *dirs[2][2] = {{"*", "*"}, {"*", "*"}};
    int ndirs = 1;
    unsigned skip = 0;
    qb q;
    qb_init(&q);
    qb_sql(&q, "SELECT period, dir, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3),"
               " sum(quad = 4), sum(quad NOT BETWEEN 1 AND 4), total(goldstein),"
               " avg(goldstein) FROM (");
    if (set(f->dyad_a) && set(f->dyad_b)) {
        skip = QB_SKIP_DYAD;
        dirs[0][0] = f->dyad_a;
        dirs[0][1] = f->dyad_b;
        dirs[1][0] = f->dyad_b;
        dirs[1][1] = f->dyad_a;
        ndirs = f->dyad_directed || strcmp(f->dyad_a, f->dyad_b) == 0 ? 1 : 2;
        series_branch(&q, f, period, 0, f->dyad_a, f->dyad_b, skip);
        if (ndirs == 2) {
            qb_sql(&q, " UNION ALL ");
            series_branch(&q, f, period, 1, f->dyad_b, f->dyad_a, skip);
        }
    } else if (set(f->actor)) {
        skip = QB_SKIP_ACTOR;
        dirs[0][0] = f->actor;
        dirs[1][1] = f->actor;
        ndirs = 2;
        series_branch(&q, f, period, 0, f->actor, NULL, skip);
        qb_sql(&q, " UNION ALL ");
        series_branch(&q, f, period, 1, NULL, f->actor, skip);
    } else {
        series_branch(&q, f, period, 0, NULL, NULL, 0);
    }
    qb_sql(&q, ") GROUP BY period, dir ORDER BY period, dir");
    qb_limit(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        an_store_series_row row;
        memset(&row, 0, sizeof row);
        row.period = col_text(st, 0);
        int dir = sqlite3_column_int(st, 1) ? 1 : 0;
        row.source = dirs[dir][0];
        row.target = dirs[dir][1];
        row.events = (uint64_t)sqlite3_column_int64(st, 2);
        for (int k = 1; k <= 4; k++) row.quad[k] = (uint64_t)sqlite3_column_int64(st, 2 + k);
        row.quad[0] = (uint64_t)sqlite3_column_int64(st, 7);
        row.goldstein_sum = sqlite3_column_double(st, 8);
        row.goldstein_mean =
            sqlite3_column_type(st, 9) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 9);
        if (fn(userdata, &row)) break;
    }
    return finish(s, st, rc, err);
}

/* ---- top actors and dyads */

static void actor_expr(qb *q, const char *col, size_t prefix_len)
{
    if (prefix_len) an_buf_printf(&q->sql, "substr(%s, 1, %zu)", col, prefix_len);
    else qb_sql(q, col);
}

int an_store_top_actors(an_store *s, const an_store_filter *f, size_t prefix_len,
                        an_store_top_fn fn, void *userdata, an_error *err)
{
    an_store_filter none = AN_STORE_FILTER_INIT;
    if (!f) f = &none;
    const char *tab = f->one_a_day ? "rollups" : "events";
    qb q;
    qb_init(&q);
    qb_sql(&q, "SELECT actor, count(*), sum(as_s), sum(as_t), sum(quad NOT BETWEEN 1 AND 4),"
               " sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), avg(goldstein)"
               " FROM (SELECT actor, id, max(s) AS as_s, max(1 - s) AS as_t, quad, goldstein"
               " FROM (SELECT ");
    actor_expr(&q, "t.source", prefix_len);
    an_buf_printf(&q.sql, " AS actor, 1 AS s, t.id, t.quad, t.goldstein FROM %s t", tab);
    qb_where(&q, f, "t", f->one_a_day, 0);
    qb_sql(&q, " UNION ALL SELECT ");
    actor_expr(&q, "t.target", prefix_len);
    an_buf_printf(&q.sql, ", 0, t.id, t.quad, t.goldstein FROM %s t", tab);
    qb_where(&q, f, "t", f->one_a_day, 0);
    qb_sql(&q, ") GROUP BY actor, id) GROUP BY actor ORDER BY 2 DESC, actor");
    qb_limit(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        an_store_top_row row;
        memset(&row, 0, sizeof row);
        row.source = col_text(st, 0);
        row.events = (uint64_t)sqlite3_column_int64(st, 1);
        row.as_source = (uint64_t)sqlite3_column_int64(st, 2);
        row.as_target = (uint64_t)sqlite3_column_int64(st, 3);
        for (int k = 0; k <= 4; k++) row.quad[k] = (uint64_t)sqlite3_column_int64(st, 4 + k);
        row.goldstein_mean =
            sqlite3_column_type(st, 9) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 9);
        if (fn(userdata, &row)) break;
    }
    return finish(s, st, rc, err);
}

int an_store_top_dyads(an_store *s, const an_store_filter *f, size_t prefix_len,
                       an_store_top_fn fn, void *userdata, an_error *err)
{
    an_store_filter none = AN_STORE_FILTER_INIT;
    if (!f) f = &none;
    qb q;
    qb_init(&q);
    qb_sql(&q, "SELECT ");
    actor_expr(&q, "t.source", prefix_len);
    qb_sql(&q, " AS a, ");
    actor_expr(&q, "t.target", prefix_len);
    an_buf_printf(&q.sql, " AS b, count(*), sum(t.quad NOT BETWEEN 1 AND 4), sum(t.quad = 1),"
                          " sum(t.quad = 2), sum(t.quad = 3), sum(t.quad = 4), avg(t.goldstein)"
                          " FROM %s t", f->one_a_day ? "rollups" : "events");
    qb_where(&q, f, "t", f->one_a_day, 0);
    qb_sql(&q, " GROUP BY a, b ORDER BY 3 DESC, a, b");
    qb_limit(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        an_store_top_row row;
        memset(&row, 0, sizeof row);
        row.source = col_text(st, 0);
        row.target = col_text(st, 1);
        row.events = (uint64_t)sqlite3_column_int64(st, 2);
        for (int k = 0; k <= 4; k++) row.quad[k] = (uint64_t)sqlite3_column_int64(st, 3 + k);
        row.goldstein_mean =
            sqlite3_column_type(st, 8) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 8);
        if (fn(userdata, &row)) break;
    }
    return finish(s, st, rc, err);
}

/* ---- documents */

int an_store_query_docs(an_store *s, const an_store_filter *f, an_store_doc_fn fn,
                        void *userdata, an_error *err)
{
    qb q;
    qb_init(&q);
    qb_sql(&q, "SELECT doc_id, date, title, source, url, text_hash, ingested_at,"
               " sentence_count, event_count FROM documents d WHERE 1");
    if (f && set(f->doc)) {
        qb_sql(&q, " AND d.doc_id = ");
        qb_arg(&q, f->doc);
    }
    if (f && set(f->from)) {
        qb_sql(&q, " AND d.date >= ");
        qb_arg(&q, f->from);
    }
    if (f && set(f->to)) {
        char *upper = prefix_upper(f->to);
        if (upper) {
            qb_sql(&q, " AND d.date < ");
            qb_arg(&q, qb_own(&q, upper));
        }
    }
    qb_sql(&q, " ORDER BY d.id");
    qb_limit(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        an_store_doc_row row;
        memset(&row, 0, sizeof row);
        row.id = col_text(st, 0);
        row.date = (const char *)sqlite3_column_text(st, 1);
        row.title = (const char *)sqlite3_column_text(st, 2);
        row.source = (const char *)sqlite3_column_text(st, 3);
        row.url = (const char *)sqlite3_column_text(st, 4);
        row.text_hash = col_text(st, 5);
        row.ingested_at = col_text(st, 6);
        row.sentences = (uint64_t)sqlite3_column_int64(st, 7);
        row.events = (uint64_t)sqlite3_column_int64(st, 8);
        if (fn(userdata, &row)) break;
    }
    return finish(s, st, rc, err);
}
