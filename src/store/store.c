/* store.c — opening, migrating and closing an event store (an_store), its reused prepared
 * statements, SQLite error mapping, counts and the consistency check. Writing documents is
 * in ingest.c, reading them in query.c and export.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store_impl.h"
#include "util/error.h"

#define DEFAULT_BUSY_MS 60000

static const char *const stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_DOC_LOOKUP] = "SELECT id, text_hash FROM documents WHERE doc_id = ?1",
    [ST_DOC_INSERT] =
        "INSERT INTO documents(doc_id, text_hash, date, title, source, url, file, line, text,"
        " sentence_count, event_count, ingested_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [ST_SENT_INSERT] = "INSERT INTO sentences(doc, sent, off, len) VALUES (?1, ?2, ?3, ?4)",
    [ST_ROLLUP_UPSERT] =
        "INSERT INTO rollups(date, source, target, code, root, quad, goldstein, mentions,"
        " sentences, documents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)"
        " ON CONFLICT(date, source, target, code) DO UPDATE SET"
        " mentions = mentions + excluded.mentions, sentences = sentences + excluded.sentences,"
        " documents = documents + 1 RETURNING id",
    [ST_EVENT_INSERT] =
        "INSERT INTO events(doc, sent, date, doc_date, source, target, code, root, quad,"
        " goldstein, plover, source_text, target_text, verb_text, source_off, source_len,"
        " target_off, target_len, verb_off, verb_len, rule, issues, location, rollup)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    [ST_DOC_GROUPS] = "SELECT rollup, count(*), count(DISTINCT sent) FROM events"
                      " WHERE doc = ?1 GROUP BY rollup",
    [ST_ROLLUP_SUB] = "UPDATE rollups SET mentions = mentions - ?2, sentences = sentences - ?3,"
                      " documents = documents - 1 WHERE id = ?1",
    [ST_ROLLUP_GC] = "DELETE FROM rollups WHERE id = ?1 AND mentions <= 0",
    [ST_DEL_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [ST_DEL_SENTS] = "DELETE FROM sentences WHERE doc = ?1",
    [ST_DEL_DOC] = "DELETE FROM documents WHERE id = ?1",
};

int an_store_map_rc(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return 0;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return AN_EBUSY;
    case SQLITE_NOMEM: return AN_ENOMEM;
    case SQLITE_NOTADB: return AN_EBADINPUT;
    case SQLITE_CANTOPEN: return AN_ENOTFOUND;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CORRUPT:
    case SQLITE_PROTOCOL:
    case SQLITE_TOOBIG: return AN_EIO;
    default: return AN_EINTERNAL;
    }
}

/* SQLite does not always record the system error of a failed write (sqlite3_system_errno is
 * 0 for a WAL write that hit the file size limit): errno, read straight after the failing
 * call, is used when it is one of the errors a write can meet. */
static int write_errno(int e)
{
    return e == ENOSPC || e == EFBIG || e == EDQUOT || e == EIO || e == EROFS || e == EACCES ||
                   e == EPERM
               ? e
               : 0;
}

int an_store_sqlerr_db(sqlite3 *db, const char *path, int rc, an_error *err, const char *what)
{
    int saved_errno = errno;
    int code = an_store_map_rc(rc);
    if (code == 0) code = AN_EINTERNAL;
    const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const char *hint = "";
    char why[160] = "";
    int sys = db ? sqlite3_system_errno(db) : 0;
    if (!sys) sys = write_errno(saved_errno);
    switch (rc & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
        if (sys) snprintf(why, sizeof why, " (%s)", strerror(sys));
        hint = " (documents committed before are intact)";
        break;
    case SQLITE_CANTOPEN:
        if (sys) snprintf(why, sizeof why, " (%s)", strerror(sys));
        break;
    case SQLITE_READONLY: hint = " (the file or its directory is not writable)"; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: hint = " (another process holds the lock; try again later)"; break;
    }
    return an_err(err, code, path, 0, "%s: %s%s%s", what, msg, why, hint);
}

int an_store_sqlerr(an_store *s, int rc, an_error *err, const char *what)
{
    return an_store_sqlerr_db(s->db, s->path, rc, err, what);
}

int an_store_stmt(an_store *s, int which, sqlite3_stmt **out, an_error *err)
{
    if (!s->st[which]) {
        int rc = sqlite3_prepare_v3(s->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                                    &s->st[which], NULL);
        if (rc != SQLITE_OK) return an_store_sqlerr(s, rc, err, "preparing a statement");
    }
    *out = s->st[which];
    return 0;
}

int an_store_exec(an_store *s, const char *sql, an_error *err, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : an_store_sqlerr(s, rc, err, what);
}

void an_store_hash_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}

uint64_t an_store_text_hash(const char *text, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Switches the file to WAL unless it is already. Two processes creating one file at once
 * may both try: SQLite then answers SQLITE_BUSY at once, without waiting (so as not to
 * deadlock), so this waits and tries again, up to the busy timeout. */
static int wal_on(an_store *s, an_error *err)
{
    for (int waited = 0;; waited += 10) {
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                const char *mode = (const char *)sqlite3_column_text(st, 0);
                rc = mode && strcmp(mode, "wal") == 0 ? SQLITE_OK : SQLITE_BUSY;
            }
            sqlite3_finalize(st);
        }
        if (rc == SQLITE_OK) return 0;
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            return an_store_sqlerr(s, rc, err, "cannot turn on WAL");
        if (waited >= s->busy_ms)
            return an_err(err, AN_EBUSY, s->path, 0,
                          "cannot turn on WAL: the database stayed locked by another process");
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

int an_store_open(an_store **out, const char *path, int flags, an_error *err)
{
    *out = NULL;
    if (!path || !*path) return an_err(err, AN_EUSAGE, NULL, 0, "no database path given");
    int readonly = (flags & AN_STORE_READONLY) != 0;
    struct stat stt;
    if (stat(path, &stt) == 0) {
        if (S_ISDIR(stt.st_mode))
            return an_err(err, AN_EBADINPUT, path, 0, "is a directory, not a database file");
    } else if (readonly || (flags & AN_STORE_NOCREATE)) {
        return an_err(err, AN_ENOTFOUND, path, 0, "no such database (%s)", strerror(errno));
    }
    an_store *s = calloc(1, sizeof *s);
    if (!s) return an_err_oom(err);
    s->path = strdup(path);
    s->readonly = readonly;
    if (!s->path) {
        free(s);
        return an_err_oom(err);
    }
    int oflags = SQLITE_OPEN_NOMUTEX |
                 (readonly ? SQLITE_OPEN_READONLY
                           : SQLITE_OPEN_READWRITE |
                                 ((flags & AN_STORE_NOCREATE) ? 0 : SQLITE_OPEN_CREATE));
    int rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
    int ret = 0;
    if (rc != SQLITE_OK) {
        ret = an_store_sqlerr(s, rc, err, "cannot open the database");
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, DEFAULT_BUSY_MS);
    s->busy_ms = DEFAULT_BUSY_MS;
    if (!readonly && sqlite3_db_readonly(s->db, "main") == 1) {
        ret = an_err(err, AN_EIO, path, 0,
                     "the database is read-only (no write permission); cannot store into it");
        goto fail;
    }
    int version = 0;
    if ((rc = an_schema_version(s->db, &version)) != SQLITE_OK) {
        ret = an_store_sqlerr(s, rc, err, "cannot read the database");
        goto fail;
    }
    if (version > AN_STORE_SCHEMA_VERSION) {
        ret = an_err(err, AN_EUSAGE, path, 0,
                     "schema version %d is newer than this annalist (%s) understands (%d); "
                     "use a newer annalist",
                     version, AN_VERSION, AN_STORE_SCHEMA_VERSION);
        goto fail;
    }
    if (readonly) {
        if (version < AN_STORE_SCHEMA_VERSION) {
            ret = an_err(err, AN_EUSAGE, path, 0,
                         version == 0 ? "not an annalist store (no schema)"
                                      : "schema version %d is older than the current %d; "
                                        "open it once for writing (annalist ingest) to migrate",
                         version, AN_STORE_SCHEMA_VERSION);
            goto fail;
        }
    } else {
        /* Leave another program's database as it is (not even switch it to WAL). */
        if (version == 0 && (ret = an_schema_check_foreign(s->db, path, err)) < 0) goto fail;
        /* WAL cannot be switched on inside a transaction: before migrating. */
        if ((ret = wal_on(s, err)) < 0) goto fail;
        if ((ret = an_schema_migrate(s->db, path, err)) < 0) goto fail;
    }
    if ((ret = an_store_exec(s, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384;"
                                "PRAGMA temp_store = MEMORY",
                             err, "cannot set up the connection")) < 0)
        goto fail;
    if (!readonly && (ret = an_ckpt_start(s, err)) < 0) goto fail;
    *out = s;
    return 0;
fail:
    an_store_close(s);
    return ret;
}

void an_store_close(an_store *s)
{
    if (!s) return;
    an_ckpt_stop(s);
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    an_buf_free(&s->pack);
    an_pack_free(&s->doc);
    free(s->path);
    free(s);
}

const char *an_store_path(const an_store *s) { return s->path; }

void an_store_set_busy_timeout(an_store *s, int ms)
{
    s->busy_ms = ms < 0 ? 0 : ms;
    sqlite3_busy_timeout(s->db, s->busy_ms);
}

/* Runs a query returning one integer. */
static int query_u64(an_store *s, const char *sql, uint64_t *out, an_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return an_store_sqlerr(s, rc, err, "query");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = (uint64_t)sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? 0 : an_store_sqlerr(s, rc, err, "query");
}

int an_store_get_counts(an_store *s, an_store_counts *out, an_error *err)
{
    memset(out, 0, sizeof *out);
    int rc;
    /* One read transaction, so the counts agree with each other. */
    if ((rc = an_store_exec(s, "BEGIN", err, "query")) < 0) return rc;
    if ((rc = query_u64(s, "SELECT count(*) FROM documents", &out->documents, err)) < 0 ||
        (rc = query_u64(s, "SELECT count(*) FROM sentences", &out->sentences, err)) < 0 ||
        (rc = query_u64(s, "SELECT count(*) FROM events", &out->events, err)) < 0 ||
        (rc = query_u64(s, "SELECT count(*) FROM rollups", &out->rollups, err)) < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    int v = 0;
    an_schema_version(s->db, &v);
    out->schema_version = v;
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    return 0;
}

int an_store_has_doc(an_store *s, const an_doc *doc, an_error *err)
{
    sqlite3_stmt *st;
    int rc = an_store_stmt(s, ST_DOC_LOOKUP, &st, err);
    if (rc < 0) return rc;
    const char *id = doc->id ? doc->id : "";
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    int found = 0;
    if (rc == SQLITE_ROW) {
        char hex[17];
        an_store_hash_hex(an_store_text_hash(doc->text ? doc->text : "",
                                             doc->text ? doc->text_len : 0),
                          hex);
        const unsigned char *h = sqlite3_column_text(st, 1);
        found = h && strcmp((const char *)h, hex) == 0;
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) return an_store_sqlerr(s, rc, err, "looking up a document");
    return found;
}

/* Runs a check query that counts offending rows; a non-zero count is a broken invariant. */
static int check_zero(an_store *s, const char *sql, const char *what, an_error *err)
{
    uint64_t n = 0;
    int rc = query_u64(s, sql, &n, err);
    if (rc < 0) return rc;
    if (n)
        return an_err(err, AN_EINTERNAL, s->path, 0, "store check failed: %llu %s",
                      (unsigned long long)n, what);
    return 0;
}

int an_store_check(an_store *s, an_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(1)", -1, &st, NULL);
    if (rc != SQLITE_OK) return an_store_sqlerr(s, rc, err, "integrity check");
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return an_store_sqlerr(s, rc, err, "integrity check");
    }
    const char *res = (const char *)sqlite3_column_text(st, 0);
    if (!res || strcmp(res, "ok") != 0) {
        an_err(err, AN_EIO, s->path, 0, "the database file is damaged: %s", res ? res : "?");
        sqlite3_finalize(st);
        return AN_EIO;
    }
    sqlite3_finalize(st);
    if ((rc = an_store_exec(s, "BEGIN", err, "store check")) < 0) return rc;
    if ((rc = check_zero(s,
                         "SELECT count(*) FROM documents d WHERE"
                         " event_count != (SELECT count(*) FROM events WHERE doc = d.id) OR"
                         " sentence_count < (SELECT count(*) FROM sentences WHERE doc = d.id)",
                         "documents whose event count differs from the events stored", err)) < 0 ||
        (rc = check_zero(s,
                         "SELECT count(*) FROM sentences t JOIN documents d ON d.id = t.doc"
                         " WHERE t.sent >= d.sentence_count OR t.off + t.len > length(CAST(d.text AS BLOB))"
                         " OR NOT EXISTS (SELECT 1 FROM events WHERE doc = t.doc AND sent = t.sent)",
                         "sentences outside their document or without events", err)) < 0 ||
        (rc = check_zero(s,
                         "SELECT count(*) FROM events e WHERE NOT EXISTS"
                         " (SELECT 1 FROM documents WHERE id = e.doc) OR NOT EXISTS"
                         " (SELECT 1 FROM sentences WHERE doc = e.doc AND sent = e.sent)",
                         "events without their document or sentence", err)) < 0 ||
        (rc = check_zero(s,
                         "SELECT count(*) FROM sentences t WHERE NOT EXISTS"
                         " (SELECT 1 FROM documents WHERE id = t.doc)",
                         "sentences without their document", err)) < 0 ||
        (rc = an_rollup_check(s, err)) < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    return 0;
}
