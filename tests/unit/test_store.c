/* test_store.c - unit tests for src/store: the schema and its version, migrating a version-1
 * file the test writes itself, dedup by (id, text hash) and whole-document replacement,
 * roll-up counts (mentions, sentences, documents) through adds, replacements and deletions,
 * query filters, series and top lists, the export formats, the consistency check, and the
 * error paths (read-only, busy, full, foreign and newer files). Events are made by hand, so
 * no dictionary is needed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "annalist.h"
#include "store/store_impl.h"

/* ---------------------------------------------------------------- helpers */

static char tmpdir[256];
static int path_no;

static const char *tmp_path(const char *name)
{
    static char buf[8][512];
    char *p = buf[path_no++ % 8];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    return p;
}

static void remove_db(const char *path)
{
    char b[600];
    unlink(path);
    snprintf(b, sizeof b, "%s-wal", path);
    unlink(b);
    snprintf(b, sizeof b, "%s-shm", path);
    unlink(b);
}

static int setup_dir(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/annalist-test-store-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Fails with the library's message. */
#define CHECK_OK(call, err)                                                     \
    do {                                                                        \
        int rc_ = (call);                                                       \
        if (rc_ < 0) {                                                          \
            char b_[1024];                                                      \
            fail_msg("%s -> %d: %s", #call, rc_, an_error_text(&(err), b_, sizeof b_)); \
        }                                                                       \
    } while (0)

static an_event make_event(const char *doc, uint32_t sent, const char *date, const char *src,
                           const char *tgt, const char *code)
{
    an_event e;
    memset(&e, 0, sizeof e);
    e.doc_id = doc;
    e.sent = sent;
    snprintf(e.date, sizeof e.date, "%s", date);
    snprintf(e.doc_date, sizeof e.doc_date, "%s", date);
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.root[0] = code[0];
    e.root[1] = code[1];
    const an_cameo_info *ci = an_cameo_lookup(code);
    e.quad = ci ? ci->quad : 0;
    e.goldstein = ci ? ci->goldstein : NAN;
    e.plover = ci && ci->plover ? ci->plover : "";
    e.source_text = src;
    e.target_text = tgt;
    e.verb_text = "met";
    e.rule = "test:1: MEET";
    e.issues = "";
    e.location = "";
    e.sentence_text = "";
    return e;
}

static an_doc make_doc(const char *id, const char *date, const char *text)
{
    an_doc d;
    memset(&d, 0, sizeof d);
    d.id = id;
    d.date = date;
    d.text = text;
    d.text_len = strlen(text);
    d.title = "title";
    d.source = "wire";
    return d;
}

static const char text3[] = "Japan met America. Talks went on. A third sentence ends it.";

static int ingest(an_store *s, const char *id, const char *date, const char *text,
                  an_event *ev, size_t n, an_ingest_outcome *o)
{
    an_doc d = make_doc(id, date, text);
    an_result r;
    memset(&r, 0, sizeof r);
    r.events = ev;
    r.event_count = n;
    r.sentence_count = 3;
    an_error err = {0};
    int rc = an_store_ingest_doc(s, &d, &r, o, &err);
    if (rc < 0) {
        char b[1024];
        print_message("ingest %s: %s\n", id, an_error_text(&err, b, sizeof b));
    }
    return rc;
}

static an_store *open_store(const char *path, int flags)
{
    an_store *s = NULL;
    an_error err = {0};
    CHECK_OK(an_store_open(&s, path, flags, &err), err);
    return s;
}

static an_store_counts counts(an_store *s)
{
    an_store_counts c;
    an_error err = {0};
    CHECK_OK(an_store_get_counts(s, &c, &err), err);
    return c;
}

static void check_store(an_store *s)
{
    an_error err = {0};
    CHECK_OK(an_store_check(s, &err), err);
}

/* Reads one integer with SQL on the store's own connection. */
static int64_t sql_int(an_store *s, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

typedef struct rollup_counts {
    int64_t mentions, sentences, documents;
} rollup_counts;

static rollup_counts rollup(an_store *s, const char *date, const char *src, const char *tgt,
                            const char *code)
{
    rollup_counts rc = {0, 0, 0};
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db,
                                        "SELECT mentions, sentences, documents FROM rollups"
                                        " WHERE date=? AND source=? AND target=? AND code=?",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, src, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, tgt, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, code, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        rc.mentions = sqlite3_column_int64(st, 0);
        rc.sentences = sqlite3_column_int64(st, 1);
        rc.documents = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    return rc;
}

/* The standard data set: three documents. */
static void load_sample(an_store *s)
{
    an_event a[] = {
        make_event("A", 0, "2024-11-25", "USAGOV", "JPN", "042"),
        make_event("A", 0, "2024-11-25", "USAGOV", "JPN", "042"), /* same sentence again */
        make_event("A", 1, "2024-11-25", "USAGOV", "JPN", "042"),
        make_event("A", 1, "2024-11-25", "JPN", "USAGOV", "111"),
    };
    an_event b[] = {
        make_event("B", 0, "2024-11-25", "USAGOV", "JPN", "042"),
        make_event("B", 2, "2024-12-03", "PAKGOV", "IND", "190"),
    };
    an_event c[] = {
        make_event("C", 0, "2025-01-06", "PAKMIL", "INDGOV", "173"),
        make_event("C", 1, "2025-01-07", "IND", "PAK", "036"),
    };
    an_ingest_outcome o;
    assert_int_equal(ingest(s, "A", "2024-11-26", text3, a, 4, &o), 0);
    assert_int_equal(o, AN_INGEST_ADDED);
    assert_int_equal(ingest(s, "B", "2024-12-03", text3, b, 2, &o), 0);
    assert_int_equal(o, AN_INGEST_ADDED);
    assert_int_equal(ingest(s, "C", "2025-01-08", text3, c, 2, &o), 0);
    assert_int_equal(o, AN_INGEST_ADDED);
}

/* ---------------------------------------------------------------- schema */

static void test_text_hash(void **state)
{
    (void)state;
    /* FNV-1a 64 reference values. */
    assert_true(an_store_text_hash("", 0) == 0xcbf29ce484222325ull);
    assert_true(an_store_text_hash("a", 1) == 0xaf63dc4c8601ec8cull);
    assert_true(an_store_text_hash("foobar", 6) == 0x85944171f73967e8ull);
}

static void test_schema_new(void **state)
{
    (void)state;
    const char *path = tmp_path("new.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    assert_int_equal(sql_int(s, "PRAGMA user_version"), AN_STORE_SCHEMA_VERSION);
    assert_int_equal(sql_int(s, "PRAGMA application_id"), AN_STORE_APP_ID);
    assert_int_equal(sql_int(s, "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name IN"
                                " ('documents','sentences','events','rollups','meta')"),
                     5);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    an_store_counts c = counts(s);
    assert_int_equal(c.documents, 0);
    assert_int_equal(c.schema_version, AN_STORE_SCHEMA_VERSION);
    check_store(s);
    an_store_close(s);
    /* Opening again changes nothing; read-only works on a current file. */
    s = open_store(path, AN_STORE_READONLY);
    assert_int_equal(counts(s).documents, 0);
    an_store_close(s);
}

static void test_open_errors(void **state)
{
    (void)state;
    an_store *s = NULL;
    an_error err = {0};
    /* Missing file, read-only or no-create. */
    const char *missing = tmp_path("missing.db");
    assert_int_equal(an_store_open(&s, missing, AN_STORE_READONLY, &err), AN_ENOTFOUND);
    assert_string_equal(err.file, missing);
    assert_int_equal(an_store_open(&s, missing, AN_STORE_NOCREATE, &err), AN_ENOTFOUND);
    assert_int_equal(access(missing, F_OK), -1);
    /* A directory. */
    assert_int_equal(an_store_open(&s, tmpdir, 0, &err), AN_EBADINPUT);
    /* Not a database at all. */
    const char *junk = tmp_path("junk.db");
    FILE *f = fopen(junk, "w");
    assert_non_null(f);
    for (int i = 0; i < 200; i++) fputs("this is not a database file\n", f);
    fclose(f);
    memset(&err, 0, sizeof err);
    assert_int_equal(an_store_open(&s, junk, 0, &err), AN_EBADINPUT);
    assert_string_equal(err.file, junk);
    assert_non_null(strstr(err.msg, "not a database"));
    /* Another program's SQLite file. */
    const char *foreign = tmp_path("foreign.db");
    remove_db(foreign);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(foreign, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(an_store_open(&s, foreign, 0, &err), AN_EBADINPUT);
    assert_non_null(strstr(err.msg, "not an annalist store"));
    /* A newer schema than this annalist knows. */
    const char *newer = tmp_path("newer.db");
    remove_db(newer);
    s = open_store(newer, 0);
    assert_int_equal(sqlite3_exec(s->db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    an_store_close(s);
    s = NULL;
    assert_int_equal(an_store_open(&s, newer, 0, &err), AN_EUSAGE);
    assert_non_null(strstr(err.msg, "newer"));
    assert_null(s);
}

/* The version-1 schema as released, frozen here: the migration must keep working on it. */
static const char v1_schema[] =
    "CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE,"
    " text_hash TEXT NOT NULL, date TEXT, title TEXT, source TEXT, url TEXT, file TEXT,"
    " line INTEGER, text TEXT NOT NULL, sentence_count INTEGER NOT NULL,"
    " event_count INTEGER NOT NULL, ingested_at TEXT NOT NULL);"
    "CREATE TABLE sentences (doc INTEGER NOT NULL REFERENCES documents(id),"
    " sent INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL,"
    " PRIMARY KEY (doc, sent)) WITHOUT ROWID;"
    "CREATE TABLE events (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id),"
    " sent INTEGER NOT NULL, date TEXT NOT NULL, doc_date TEXT NOT NULL, source TEXT NOT NULL,"
    " target TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    " goldstein REAL, plover TEXT NOT NULL, source_text TEXT NOT NULL,"
    " target_text TEXT NOT NULL, verb_text TEXT NOT NULL, source_off INTEGER NOT NULL,"
    " source_len INTEGER NOT NULL, target_off INTEGER NOT NULL, target_len INTEGER NOT NULL,"
    " verb_off INTEGER NOT NULL, verb_len INTEGER NOT NULL, rule TEXT NOT NULL,"
    " issues TEXT NOT NULL, location TEXT NOT NULL);"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE INDEX events_date ON events(date);";

static void v1_event(sqlite3 *db, int doc, int sent, const char *date, const char *src,
                     const char *tgt, const char *code)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO events(doc, sent, date, doc_date, source, target, code, root, quad,"
             " goldstein, plover, source_text, target_text, verb_text, source_off, source_len,"
             " target_off, target_len, verb_off, verb_len, rule, issues, location) VALUES"
             " (%d, %d, '%s', '%s', '%s', '%s', '%s', substr('%s', 1, 2), 1, 2.5, '', '%s',"
             " '%s', 'met', 0, 5, 10, 7, 6, 3, 'v1:1: MEET', '', '')",
             doc, sent, date, date, src, tgt, code, code, src, tgt);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void test_migrate_v1(void **state)
{
    (void)state;
    const char *path = tmp_path("v1.db");
    remove_db(path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, v1_schema, NULL, NULL, NULL), SQLITE_OK);
    char hex[17];
    an_store_hash_hex(an_store_text_hash(text3, strlen(text3)), hex);
    for (int d = 1; d <= 2; d++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "INSERT INTO documents VALUES (%d, 'doc%d', '%s', '2024-11-26', 't', 'wire',"
                 " NULL, NULL, NULL, '%s', 3, %d, '2024-11-27T00:00:00Z');"
                 "INSERT INTO sentences VALUES (%d, 0, 0, 18)%s;",
                 d, d, hex, text3, d == 1 ? 3 : 1, d, d == 1 ? ", (1, 1, 19, 14)" : "");
        assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    }
    v1_event(db, 1, 0, "2024-11-25", "USA", "JPN", "042");
    v1_event(db, 1, 1, "2024-11-25", "USA", "JPN", "042");
    v1_event(db, 1, 1, "2024-11-25", "JPN", "USA", "036");
    v1_event(db, 2, 0, "2024-11-25", "USA", "JPN", "042");
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    /* Read-only cannot migrate, and says so. */
    an_store *s = NULL;
    an_error err = {0};
    assert_int_equal(an_store_open(&s, path, AN_STORE_READONLY, &err), AN_EUSAGE);
    assert_non_null(strstr(err.msg, "older"));

    s = open_store(path, 0);
    assert_int_equal(sql_int(s, "PRAGMA user_version"), AN_STORE_SCHEMA_VERSION);
    an_store_counts c = counts(s);
    assert_int_equal(c.documents, 2);
    assert_int_equal(c.events, 4);
    assert_int_equal(c.rollups, 2);
    rollup_counts r = rollup(s, "2024-11-25", "USA", "JPN", "042");
    assert_int_equal(r.mentions, 3);
    assert_int_equal(r.sentences, 3);
    assert_int_equal(r.documents, 2);
    r = rollup(s, "2024-11-25", "JPN", "USA", "036");
    assert_int_equal(r.mentions, 1);
    check_store(s);
    /* The migrated file works like a new one: same text is unchanged, new events roll up. */
    an_ingest_outcome o;
    assert_int_equal(ingest(s, "doc1", "2024-11-26", text3, NULL, 0, &o), 0);
    assert_int_equal(o, AN_INGEST_UNCHANGED);
    an_event e[] = {make_event("doc3", 2, "2024-11-25", "USA", "JPN", "042")};
    assert_int_equal(ingest(s, "doc3", "2024-11-26", text3, e, 1, &o), 0);
    assert_int_equal(o, AN_INGEST_ADDED);
    r = rollup(s, "2024-11-25", "USA", "JPN", "042");
    assert_int_equal(r.mentions, 4);
    assert_int_equal(r.documents, 3);
    check_store(s);
    an_store_close(s);
}

/* ---------------------------------------------------------------- ingest */

static void test_dedup_replace(void **state)
{
    (void)state;
    const char *path = tmp_path("dedup.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    an_store_counts c = counts(s);
    assert_int_equal(c.documents, 3);
    assert_int_equal(c.sentences, 6); /* the sentences with events */
    assert_int_equal(c.events, 8);
    assert_int_equal(c.rollups, 5);
    rollup_counts r = rollup(s, "2024-11-25", "USAGOV", "JPN", "042");
    assert_int_equal(r.mentions, 4);
    assert_int_equal(r.sentences, 3);
    assert_int_equal(r.documents, 2);
    check_store(s);

    /* Same id, same text: nothing changes, even with other events. */
    an_doc d = make_doc("A", "2024-11-26", text3);
    an_error err = {0};
    assert_int_equal(an_store_has_doc(s, &d, &err), 1);
    an_doc other = make_doc("A", "2024-11-26", "Changed text.");
    assert_int_equal(an_store_has_doc(s, &other, &err), 0);
    an_event x[] = {make_event("A", 0, "2024-11-25", "FRA", "DEU", "042")};
    an_ingest_outcome o;
    int64_t changes = sql_int(s, "SELECT total_changes()");
    assert_int_equal(ingest(s, "A", "2024-11-26", text3, x, 1, &o), 0);
    assert_int_equal(o, AN_INGEST_UNCHANGED);
    assert_int_equal(sql_int(s, "SELECT total_changes()"), changes);
    assert_int_equal(counts(s).events, 8);

    /* Same id, new text: replaced as a whole. */
    const char *text2 = "Japan met America again. Nothing else happened.";
    an_event y[] = {make_event("A", 1, "2024-11-25", "USAGOV", "JPN", "042")};
    assert_int_equal(ingest(s, "A", "2024-11-27", text2, y, 1, &o), 0);
    assert_int_equal(o, AN_INGEST_REPLACED);
    c = counts(s);
    assert_int_equal(c.documents, 3);
    assert_int_equal(c.sentences, 5);
    assert_int_equal(c.events, 5);
    assert_int_equal(c.rollups, 4); /* JPN>USAGOV 111 is gone */
    r = rollup(s, "2024-11-25", "USAGOV", "JPN", "042");
    assert_int_equal(r.mentions, 2);
    assert_int_equal(r.sentences, 2);
    assert_int_equal(r.documents, 2);
    assert_int_equal(rollup(s, "2024-11-25", "JPN", "USAGOV", "111").mentions, 0);
    assert_int_equal(sql_int(s, "SELECT count(*) FROM documents WHERE doc_id='A' AND"
                                " date='2024-11-27'"),
                     1);
    check_store(s);

    /* Deleting takes the document's mentions out of the roll-ups. */
    assert_int_equal(an_store_delete_doc(s, "B", &err), 1);
    assert_int_equal(an_store_delete_doc(s, "B", &err), 0);
    r = rollup(s, "2024-11-25", "USAGOV", "JPN", "042");
    assert_int_equal(r.mentions, 1);
    assert_int_equal(r.documents, 1);
    assert_int_equal(rollup(s, "2024-12-03", "PAKGOV", "IND", "190").mentions, 0);
    check_store(s);
    assert_int_equal(an_store_delete_doc(s, "A", &err), 1);
    assert_int_equal(an_store_delete_doc(s, "C", &err), 1);
    c = counts(s);
    assert_int_equal(c.documents + c.sentences + c.events + c.rollups, 0);
    check_store(s);

    /* A document without an id is refused. */
    an_doc noid = make_doc("", NULL, "Text.");
    an_result empty;
    memset(&empty, 0, sizeof empty);
    assert_int_equal(an_store_ingest_doc(s, &noid, &empty, &o, &err), AN_EBADINPUT);
    an_store_close(s);
}

static void test_packed(void **state)
{
    (void)state;
    const char *path = tmp_path("packed.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    an_event e[] = {
        make_event("P", 0, "2024-11-25", "USA", "JPN", "042"),
        make_event("P", 2, "2024-11-25", "JPN", "USA", "042"),
        make_event("P", 2, "2024-11-25", "USA", "JPN", "042"),
    };
    an_doc d = make_doc("P", "2024-11-26", text3);
    an_result r;
    memset(&r, 0, sizeof r);
    r.events = e;
    r.event_count = 3;
    r.sentence_count = 3;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    assert_int_equal(an_store_encode(NULL, &d, &r, &buf, &len, &cap), 0);
    an_ingest_outcome o;
    an_error err = {0};
    /* A cut-off or damaged buffer is refused before anything is written. */
    assert_int_equal(an_store_ingest_packed(s, buf, len - 1, &o, &err), AN_EINTERNAL);
    buf[0] ^= 0x55;
    assert_int_equal(an_store_ingest_packed(s, buf, len, &o, &err), AN_EINTERNAL);
    buf[0] ^= 0x55;
    assert_int_equal(counts(s).documents, 0);
    CHECK_OK(an_store_ingest_packed(s, buf, len, &o, &err), err);
    assert_int_equal(o, AN_INGEST_ADDED);
    free(buf);
    rollup_counts rc = rollup(s, "2024-11-25", "USA", "JPN", "042");
    assert_int_equal(rc.mentions, 2);
    assert_int_equal(rc.sentences, 2);
    /* Roll-ups are numbered in order of their first mention. */
    assert_int_equal(sql_int(s, "SELECT id FROM rollups WHERE source='USA'"), 1);
    assert_int_equal(sql_int(s, "SELECT count(*) FROM sentences"), 2);
    assert_int_equal(sql_int(s, "SELECT sentence_count FROM documents"), 3);
    check_store(s);
    an_store_close(s);
}

static void test_check_finds_damage(void **state)
{
    (void)state;
    const char *path = tmp_path("check.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    an_error err = {0};
    assert_int_equal(sqlite3_exec(s->db, "UPDATE rollups SET mentions = mentions + 1 WHERE id = 1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(an_store_check(s, &err), AN_EINTERNAL);
    assert_non_null(strstr(err.msg, "roll-up"));
    assert_int_equal(sqlite3_exec(s->db, "UPDATE rollups SET mentions = mentions - 1 WHERE id = 1;"
                                         "DELETE FROM events WHERE id = 1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(an_store_check(s, &err), AN_EINTERNAL);
    an_store_close(s);
}

/* ---------------------------------------------------------------- queries */

typedef struct collected {
    size_t n;
    char rows[64][96];
} collected;

static int collect_event(void *ud, const an_store_event_row *r)
{
    collected *c = ud;
    if (c->n < 64)
        snprintf(c->rows[c->n], sizeof c->rows[0], "%s:%u %s %s>%s %s m%llu", r->event.doc_id,
                 r->event.sent, r->event.date, r->event.source, r->event.target, r->event.code,
                 (unsigned long long)r->mentions);
    c->n++;
    return 0;
}

static collected query(an_store *s, const an_store_filter *f)
{
    collected c;
    memset(&c, 0, sizeof c);
    an_error err = {0};
    CHECK_OK(an_store_query_events(s, f, collect_event, &c, &err), err);
    return c;
}

static void test_query_filters(void **state)
{
    (void)state;
    const char *path = tmp_path("query.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    an_store_close(s);
    s = open_store(path, AN_STORE_READONLY);

    an_store_filter f = AN_STORE_FILTER_INIT;
    collected c = query(s, &f);
    assert_int_equal(c.n, 8);
    assert_string_equal(c.rows[0], "A:0 2024-11-25 USAGOV>JPN 042 m4");
    assert_string_equal(c.rows[7], "C:1 2025-01-07 IND>PAK 036 m1");

    f.actor = "PAK"; /* prefix: PAKGOV, PAKMIL, PAK */
    assert_int_equal(query(s, &f).n, 3);
    f.actor = "PAKG";
    assert_int_equal(query(s, &f).n, 1);
    f.actor = NULL;
    f.source = "USA";
    assert_int_equal(query(s, &f).n, 4);
    f.source = NULL;
    f.target = "USAGOV";
    assert_int_equal(query(s, &f).n, 1);
    f.target = NULL;

    f.dyad_a = "IND";
    f.dyad_b = "PAK";
    assert_int_equal(query(s, &f).n, 3); /* both directions */
    f.dyad_directed = 1;
    c = query(s, &f);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.rows[0], "C:1 2025-01-07 IND>PAK 036 m1");
    f.dyad_a = f.dyad_b = NULL;
    f.dyad_directed = 0;

    f.code = "04";
    assert_int_equal(query(s, &f).n, 4);
    f.code = "0421";
    assert_int_equal(query(s, &f).n, 0);
    f.code = NULL;
    f.root = "11";
    assert_int_equal(query(s, &f).n, 1);
    f.root = NULL;
    f.quads = 1u << 4; /* material conflict: 190, 173 */
    assert_int_equal(query(s, &f).n, 2);
    f.quads = (1u << 3) | (1u << 4);
    assert_int_equal(query(s, &f).n, 3);
    f.quads = 0;

    f.from = "2024-12";
    assert_int_equal(query(s, &f).n, 3);
    f.to = "2024"; /* all of 2024 */
    assert_int_equal(query(s, &f).n, 1);
    f.from = NULL;
    f.to = "2024-11-25";
    assert_int_equal(query(s, &f).n, 5);
    f.to = NULL;
    f.doc = "B";
    assert_int_equal(query(s, &f).n, 2);
    f.doc = NULL;
    f.limit = 3;
    assert_int_equal(query(s, &f).n, 3);
    f.limit = 0;

    /* One-a-day: one row per roll-up, with its counts. */
    f.one_a_day = 1;
    c = query(s, &f);
    assert_int_equal(c.n, 5);
    assert_string_equal(c.rows[0], "A:0 2024-11-25 USAGOV>JPN 042 m4");
    f.doc = "B";
    assert_int_equal(query(s, &f).n, 2);
    an_store_close(s);
}

typedef struct series_rows {
    size_t n;
    char rows[32][128];
} series_rows;

static int collect_series(void *ud, const an_store_series_row *r)
{
    series_rows *c = ud;
    if (c->n < 32)
        snprintf(c->rows[c->n], sizeof c->rows[0], "%s %s>%s n%llu q%llu/%llu/%llu/%llu g%.1f",
                 r->period, r->source, r->target, (unsigned long long)r->events,
                 (unsigned long long)r->quad[1], (unsigned long long)r->quad[2],
                 (unsigned long long)r->quad[3], (unsigned long long)r->quad[4], r->goldstein_sum);
    c->n++;
    return 0;
}

static int collect_top(void *ud, const an_store_top_row *r)
{
    series_rows *c = ud;
    if (c->n < 32)
        snprintf(c->rows[c->n], sizeof c->rows[0], "%s%s%s n%llu s%llu t%llu", r->source,
                 r->target ? ">" : "", r->target ? r->target : "", (unsigned long long)r->events,
                 (unsigned long long)r->as_source, (unsigned long long)r->as_target);
    c->n++;
    return 0;
}

static void test_series_and_top(void **state)
{
    (void)state;
    const char *path = tmp_path("series.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    an_error err = {0};
    an_store_filter f = AN_STORE_FILTER_INIT;

    series_rows r;
    memset(&r, 0, sizeof r);
    CHECK_OK(an_store_series(s, &f, AN_PERIOD_MONTH, collect_series, &r, &err), err);
    assert_int_equal(r.n, 3);
    /* 042 is 1.9 and 111 is -2.0 on the Goldstein scale. */
    assert_string_equal(r.rows[0], "2024-11 *>* n5 q4/0/1/0 g5.6");

    /* A dyad in both directions, by week (named by its Monday). */
    f.dyad_a = "PAK";
    f.dyad_b = "IND";
    memset(&r, 0, sizeof r);
    CHECK_OK(an_store_series(s, &f, AN_PERIOD_WEEK, collect_series, &r, &err), err);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.rows[0], "2024-12-02 PAK>IND n1 q0/0/0/1 g-10.0");
    assert_string_equal(r.rows[1], "2025-01-06 PAK>IND n1 q0/0/0/1 g-5.0");
    assert_string_equal(r.rows[2], "2025-01-06 IND>PAK n1 q1/0/0/0 g4.0");

    /* An actor as source and as target. */
    f.dyad_a = f.dyad_b = NULL;
    f.actor = "JPN";
    memset(&r, 0, sizeof r);
    CHECK_OK(an_store_series(s, &f, AN_PERIOD_YEAR, collect_series, &r, &err), err);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.rows[0], "2024 JPN>* n1 q0/0/1/0 g-2.0");
    assert_string_equal(r.rows[1], "2024 *>JPN n4 q4/0/0/0 g7.6");

    /* One-a-day counts roll-ups. */
    f.actor = NULL;
    f.one_a_day = 1;
    memset(&r, 0, sizeof r);
    CHECK_OK(an_store_series(s, &f, AN_PERIOD_YEAR, collect_series, &r, &err), err);
    assert_string_equal(r.rows[0], "2024 *>* n3 q1/0/1/1 g-10.1");
    f.one_a_day = 0;

    memset(&r, 0, sizeof r);
    CHECK_OK(an_store_top_actors(s, &f, 3, collect_top, &r, &err), err);
    /* Ties go alphabetically. */
    assert_string_equal(r.rows[0], "JPN n5 s1 t4");
    assert_string_equal(r.rows[1], "USA n5 s4 t1");
    assert_string_equal(r.rows[2], "IND n3 s1 t2");
    assert_string_equal(r.rows[3], "PAK n3 s2 t1");
    memset(&r, 0, sizeof r);
    CHECK_OK(an_store_top_actors(s, &f, 0, collect_top, &r, &err), err);
    assert_string_equal(r.rows[0], "JPN n5 s1 t4");
    assert_string_equal(r.rows[1], "USAGOV n5 s4 t1");
    memset(&r, 0, sizeof r);
    f.limit = 2;
    CHECK_OK(an_store_top_dyads(s, &f, 3, collect_top, &r, &err), err);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.rows[0], "USA>JPN n4 s0 t0");
    assert_string_equal(r.rows[1], "PAK>IND n2 s0 t0");
    an_store_close(s);
}

static int count_doc(void *ud, const an_store_doc_row *r)
{
    series_rows *c = ud;
    if (c->n < 32)
        snprintf(c->rows[c->n], sizeof c->rows[0], "%s %s s%llu e%llu", r->id, r->text_hash,
                 (unsigned long long)r->sentences, (unsigned long long)r->events);
    c->n++;
    return 0;
}

static char *read_all(FILE *f, size_t *len)
{
    fflush(f);
    long n = ftell(f);
    rewind(f);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    *len = (size_t)n;
    return b;
}

static void test_export(void **state)
{
    (void)state;
    const char *path = tmp_path("export.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    an_event e[] = {
        make_event("E", 0, "2024-11-25", "USAGOV", "JPN", "042"),
        make_event("E", 2, "2024-11-25", "USAGOV", "JPN", "042"),
    };
    e[0].sentence_text = "Japan met America.";
    e[0].sentence_span = (an_span){0, 18};
    e[1].sentence_text = "A third sentence ends it.";
    e[1].sentence_span = (an_span){34, 25};
    an_ingest_outcome o;
    assert_int_equal(ingest(s, "E", "2024-11-25", text3, e, 2, &o), 0);

    /* JSONL and TSV are what the coder's formatter makes of the same events. */
    an_result r;
    memset(&r, 0, sizeof r);
    r.events = e;
    r.event_count = 2;
    for (int fmt = 0; fmt < 2; fmt++) {
        char *want = NULL;
        size_t wlen = 0, wcap = 0;
        assert_int_equal(an_result_format(&r, fmt ? AN_FORMAT_TSV : AN_FORMAT_JSONL, &want, &wlen,
                                          &wcap),
                         0);
        FILE *f = tmpfile();
        assert_non_null(f);
        an_error err = {0};
        CHECK_OK(an_store_export(s, fmt ? AN_EXPORT_TSV : AN_EXPORT_JSONL, NULL, f, &err), err);
        size_t glen;
        char *got = read_all(f, &glen);
        assert_string_equal(got, want);
        free(got);
        free(want);
        fclose(f);
    }

    /* GDELT: one row of 58 columns per roll-up. */
    FILE *f = tmpfile();
    an_error err = {0};
    CHECK_OK(an_store_export(s, AN_EXPORT_GDELT, NULL, f, &err), err);
    size_t glen;
    char *got = read_all(f, &glen);
    fclose(f);
    int tabs = 0, lines = 0;
    for (char *p = got; *p; p++) {
        tabs += *p == '\t';
        lines += *p == '\n';
    }
    assert_int_equal(lines, 1);
    assert_int_equal(tabs, 57);
    assert_non_null(strstr(got, "1\t20241125\t202411\t2024\t2024.9041\tUSAGOV\t"));
    assert_non_null(strstr(got, "\tUSA\t\t\t\t\tGOV\t\t\t"));
    assert_non_null(strstr(got, "\t1\t042\t042\t04\t1\t1.9\t2\t1\t1\t\t"));
    free(got);
    assert_int_equal(an_export_format_parse("gdelt"), AN_EXPORT_GDELT);
    assert_int_equal(an_export_format_parse("csv"), -1);

    series_rows docs;
    memset(&docs, 0, sizeof docs);
    CHECK_OK(an_store_query_docs(s, NULL, count_doc, &docs, &err), err);
    assert_int_equal(docs.n, 1);
    char hex[17], want[96];
    an_store_hash_hex(an_store_text_hash(text3, strlen(text3)), hex);
    snprintf(want, sizeof want, "E %s s3 e2", hex);
    assert_string_equal(docs.rows[0], want);
    an_store_close(s);
}

/* ---------------------------------------------------------------- errors */

static void test_readonly(void **state)
{
    (void)state;
    const char *path = tmp_path("ro.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    an_store_close(s);

    /* Opened read-only: writing is refused. */
    s = open_store(path, AN_STORE_READONLY);
    an_ingest_outcome o;
    an_event e[] = {make_event("D", 0, "2024-11-25", "USA", "JPN", "042")};
    assert_true(ingest(s, "D", "2024-11-26", text3, e, 1, &o) < 0);
    an_store_close(s);

    /* A connection that cannot write (as a read-only file gives): AN_EIO naming the path. */
    s = open_store(path, 0);
    assert_int_equal(sqlite3_exec(s->db, "PRAGMA query_only = 1", NULL, NULL, NULL), SQLITE_OK);
    an_doc d = make_doc("D", "2024-11-26", text3);
    an_result r;
    memset(&r, 0, sizeof r);
    r.events = e;
    r.event_count = 1;
    r.sentence_count = 3;
    an_error err = {0};
    assert_int_equal(an_store_ingest_doc(s, &d, &r, &o, &err), AN_EIO);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.msg, "readonly"));
    an_store_close(s);

    /* A file without write permission (not testable as root, who may write anyway). */
    if (geteuid() != 0) {
        assert_int_equal(chmod(path, 0444), 0);
        memset(&err, 0, sizeof err);
        s = NULL;
        assert_int_equal(an_store_open(&s, path, 0, &err), AN_EIO);
        assert_string_equal(err.file, path);
        assert_non_null(strstr(err.msg, "read-only"));
        assert_int_equal(chmod(path, 0644), 0);
    }
    s = open_store(path, AN_STORE_READONLY);
    assert_int_equal(counts(s).documents, 3);
    check_store(s);
    an_store_close(s);
}

static void test_busy(void **state)
{
    (void)state;
    const char *path = tmp_path("busy.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    /* Another process (here: connection) holds the write lock. */
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    an_store_set_busy_timeout(s, 50);
    an_event e[] = {make_event("D", 0, "2024-11-25", "USA", "JPN", "042")};
    an_doc d = make_doc("D", "2024-11-26", text3);
    an_result r;
    memset(&r, 0, sizeof r);
    r.events = e;
    r.event_count = 1;
    r.sentence_count = 3;
    an_error err = {0};
    an_ingest_outcome o;
    assert_int_equal(an_store_ingest_doc(s, &d, &r, &o, &err), AN_EBUSY);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.msg, "locked"));
    /* Readers are not blocked by a writer (WAL). */
    assert_int_equal(counts(s).documents, 3);
    assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
    CHECK_OK(an_store_ingest_doc(s, &d, &r, &o, &err), err);
    assert_int_equal(counts(s).documents, 4);
    check_store(s);
    an_store_close(s);
}

static void test_full(void **state)
{
    (void)state;
    const char *path = tmp_path("full.db");
    remove_db(path);
    an_store *s = open_store(path, 0);
    load_sample(s);
    /* Allow only a few more pages, then ingest documents until the store is full. */
    int64_t pages = sql_int(s, "PRAGMA page_count");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", (long long)pages + 8);
    assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
    size_t big_len = 6000;
    char *big = malloc(big_len + 1);
    assert_non_null(big);
    int rc = 0, stored = 0;
    an_error err = {0};
    for (int i = 0; i < 100 && rc == 0; i++) {
        memset(big, 'a' + i % 26, big_len);
        big[big_len] = '\0';
        char id[16];
        snprintf(id, sizeof id, "F%d", i);
        an_doc d = make_doc(id, "2024-11-26", big);
        an_event e[] = {make_event(id, 0, "2024-11-25", "USA", "JPN", "042")};
        an_result r;
        memset(&r, 0, sizeof r);
        r.events = e;
        r.event_count = 1;
        r.sentence_count = 1;
    r.sentence_count = 3;
        rc = an_store_ingest_doc(s, &d, &r, NULL, &err);
        if (rc == 0) stored++;
    }
    free(big);
    assert_int_equal(rc, AN_EIO);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.msg, "full"));
    assert_true(stored > 0);
    an_store_close(s);
    /* Everything committed before is there and consistent; nothing of the failed one. */
    s = open_store(path, 0);
    an_store_counts c = counts(s);
    assert_int_equal(c.documents, 3 + (uint64_t)stored);
    assert_int_equal(rollup(s, "2024-11-25", "USA", "JPN", "042").mentions, stored);
    check_store(s);
    an_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_hash),
        cmocka_unit_test(test_schema_new),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_migrate_v1),
        cmocka_unit_test(test_dedup_replace),
        cmocka_unit_test(test_packed),
        cmocka_unit_test(test_check_finds_damage),
        cmocka_unit_test(test_query_filters),
        cmocka_unit_test(test_series_and_top),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_readonly),
        cmocka_unit_test(test_busy),
        cmocka_unit_test(test_full),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
