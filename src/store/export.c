/* export.c — writing the store's events out: JSON Lines and TSV exactly as `annalist code`
 * prints them (through an_result_format), and the GDELT 1.0 event table with one row per
 * roll-up. Filtering is shared with query.c (query_sql.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/query_sql.h"
#include "util/date.h"
#include "util/error.h"

int an_export_format_parse(const char *name)
{
    if (!name) return -1;
    if (strcmp(name, "jsonl") == 0) return AN_EXPORT_JSONL;
    if (strcmp(name, "tsv") == 0) return AN_EXPORT_TSV;
    if (strcmp(name, "gdelt") == 0) return AN_EXPORT_GDELT;
    return -1;
}

static int write_err(an_store *s, an_error *err)
{
    return an_err(err, AN_EIO, NULL, 0, "%s: writing the export failed", s->path);
}

static int export_events(an_store *s, an_export_format fmt, const an_store_filter *f, FILE *out,
                         an_error *err)
{
    qb q;
    qb_init(&q);
    qb_events_sql(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    an_buf scratch = AN_BUF_INIT;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        an_store_event_row row;
        if (qb_read_event(st, 1, &row, &scratch, NULL, NULL) < 0) {
            rc = an_err_oom(err);
            break;
        }
        an_result r;
        memset(&r, 0, sizeof r);
        r.events = &row.event;
        r.event_count = 1;
        len = 0;
        if (an_result_format(&r, fmt == AN_EXPORT_TSV ? AN_FORMAT_TSV : AN_FORMAT_JSONL, &buf,
                             &len, &cap) < 0) {
            rc = an_err_oom(err);
            break;
        }
        if (fwrite(buf, 1, len, out) != len) {
            rc = write_err(s, err);
            break;
        }
    }
    free(buf);
    an_buf_free(&scratch);
    sqlite3_finalize(st);
    if (rc < 0) return rc;
    if (rc != SQLITE_DONE) return an_store_sqlerr(s, rc, err, "export");
    return 0;
}

/* ---- GDELT 1.0
 * IsRootEvent is 1 when a mention comes from a document's lead sentence (GDELT: the lead
 * paragraph). */

/* CAMEO actor type codes (GDELT's CAMEO.type.txt): they fill Type1..3, not the country. */
static int is_type_code(const char *g)
{
    static const char types[] =
        "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB "
        "LEG MED REF MOD RAD AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET ";
    for (const char *t = types; *t; t += 4)
        if (memcmp(t, g, 3) == 0) return 1;
    return 0;
}

/* Splits a CAMEO actor code into GDELT's country and up to three type codes. */
static void actor_fields(const char *code, char country[4], char type[3][4])
{
    country[0] = '\0';
    for (int i = 0; i < 3; i++) type[i][0] = '\0';
    size_t n = strlen(code), nt = 0;
    for (size_t off = 0; off + 3 <= n; off += 3) {
        char g[4] = {code[off], code[off + 1], code[off + 2], '\0'};
        if (is_type_code(g)) {
            if (nt < 3) memcpy(type[nt++], g, 4);
        } else if (off == 0) {
            memcpy(country, g, 4);
        }
    }
}

/* A field: tabs and newlines become blanks. */
static void field(FILE *out, const char *s)
{
    for (; s && *s; s++) putc((*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s, out);
}

static void actor_columns(FILE *out, const char *code, const char *name)
{
    char country[4], type[3][4];
    actor_fields(code, country, type);
    /* Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
     * Type1Code, Type2Code, Type3Code */
    field(out, code);
    putc('\t', out);
    field(out, name);
    fprintf(out, "\t%s\t\t\t\t\t%s\t%s\t%s\t", country, type[0], type[1], type[2]);
}

static int export_gdelt(an_store *s, const an_store_filter *f, FILE *out, an_error *err)
{
    qb q;
    qb_init(&q);
    qb_sql(&q,
           "SELECT r.id, r.date, r.source, r.target, r.code, r.root, r.quad, r.goldstein,"
           " r.mentions, r.documents,"
           " (SELECT count(DISTINCT d2.source) FROM events e2 JOIN documents d2"
           "  ON d2.id = e2.doc WHERE e2.rollup = r.id),"
           " EXISTS (SELECT 1 FROM events e3 WHERE e3.rollup = r.id AND e3.sent = 0),"
           " e.source_text, e.target_text, e.location, d.ingested_at, d.url"
           " FROM rollups r JOIN events e ON e.id = (SELECT min(id) FROM events"
           "  WHERE rollup = r.id) JOIN documents d ON d.id = e.doc");
    qb_where(&q, f, "r", 1, 0);
    qb_sql(&q, " ORDER BY r.id");
    qb_limit(&q, f);
    sqlite3_stmt *st;
    int rc = qb_prepare(s, &q, &st, err);
    qb_free(&q);
    if (rc < 0) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *date = (const char *)sqlite3_column_text(st, 1);
        int day = date ? an_date_parse_iso(date, strlen(date)) : AN_NO_DATE;
        /* GLOBALEVENTID SQLDATE MonthYear Year FractionDate */
        fprintf(out, "%lld\t", (long long)sqlite3_column_int64(st, 0));
        if (day != AN_NO_DATE) {
            int y, m, d;
            an_date_to_ymd(day, &y, &m, &d);
            int doy = day - an_date_from_ymd(y, 1, 1) + 1;
            fprintf(out, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y,
                    y + doy / 365.0);
        } else {
            fputs("\t\t\t\t", out);
        }
        const char *src = (const char *)sqlite3_column_text(st, 2);
        const char *tgt = (const char *)sqlite3_column_text(st, 3);
        actor_columns(out, src ? src : "", (const char *)sqlite3_column_text(st, 12));
        actor_columns(out, tgt ? tgt : "", (const char *)sqlite3_column_text(st, 13));
        /* IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale */
        const char *code = (const char *)sqlite3_column_text(st, 4);
        if (!code) code = "";
        fprintf(out, "%d\t", sqlite3_column_int(st, 11) ? 1 : 0);
        field(out, code);
        fprintf(out, "\t%.3s\t", code);
        field(out, (const char *)sqlite3_column_text(st, 5));
        fprintf(out, "\t%d\t", sqlite3_column_int(st, 6));
        if (sqlite3_column_type(st, 7) != SQLITE_NULL)
            fprintf(out, "%.1f", sqlite3_column_double(st, 7));
        /* NumMentions NumSources NumArticles AvgTone */
        long long nsrc = sqlite3_column_int64(st, 10);
        fprintf(out, "\t%lld\t", (long long)sqlite3_column_int64(st, 8));
        if (nsrc > 0) fprintf(out, "%lld", nsrc);
        fprintf(out, "\t%lld\t\t", (long long)sqlite3_column_int64(st, 9));
        /* Actor1Geo_*, Actor2Geo_* (7 each): nothing known. */
        fputs("\t\t\t\t\t\t\t\t\t\t\t\t\t\t", out);
        /* ActionGeo_Type FullName CountryCode ADM1Code Lat Long FeatureID */
        fputc('\t', out);
        field(out, (const char *)sqlite3_column_text(st, 14));
        fputs("\t\t\t\t\t\t", out);
        /* DATEADDED SOURCEURL */
        const char *added = (const char *)sqlite3_column_text(st, 15);
        if (added && strlen(added) >= 10)
            fprintf(out, "%.4s%.2s%.2s", added, added + 5, added + 8);
        putc('\t', out);
        field(out, (const char *)sqlite3_column_text(st, 16));
        if (putc('\n', out) == EOF) {
            rc = write_err(s, err);
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc < 0) return rc;
    if (rc != SQLITE_DONE) return an_store_sqlerr(s, rc, err, "export");
    return 0;
}

int an_store_export(an_store *s, an_export_format fmt, const an_store_filter *f, FILE *out,
                    an_error *err)
{
    int rc;
    /* One read transaction: the export is a consistent snapshot even while others write. */
    if ((rc = an_store_exec(s, "BEGIN", err, "export")) < 0) return rc;
    if (fmt == AN_EXPORT_GDELT) rc = export_gdelt(s, f, out, err);
    else if (fmt == AN_EXPORT_JSONL || fmt == AN_EXPORT_TSV) rc = export_events(s, fmt, f, out, err);
    else rc = an_err(err, AN_EUSAGE, NULL, 0, "unknown export format");
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc == 0 && (fflush(out) != 0 || ferror(out))) rc = write_err(s, err);
    return rc;
}
