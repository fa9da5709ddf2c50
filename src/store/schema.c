/* schema.c — the store's tables (docs/store.md) and the migrations that bring a file of any
 * older schema version to the current one. Each step is SQL run in order; all steps a file
 * needs run in one transaction that also sets PRAGMA user_version, so a file is always at
 * exactly one version. A step, once released, never changes: add a new one instead. */
#include <string.h>

#include "store/store_impl.h"
#include "util/error.h"

/* Version 1: documents (with their text and sentence count), the sentences events were
 * coded from (spans into the text), events with provenance. */
static const char schema_v1[] =
    "CREATE TABLE documents ("
    " id INTEGER PRIMARY KEY,"
    " doc_id TEXT NOT NULL UNIQUE,"
    " text_hash TEXT NOT NULL,"
    " date TEXT, title TEXT, source TEXT, url TEXT, file TEXT, line INTEGER,"
    " text TEXT NOT NULL,"
    " sentence_count INTEGER NOT NULL,"
    " event_count INTEGER NOT NULL,"
    " ingested_at TEXT NOT NULL);"
    "CREATE TABLE sentences ("
    " doc INTEGER NOT NULL REFERENCES documents(id),"
    " sent INTEGER NOT NULL,"
    " off INTEGER NOT NULL,"
    " len INTEGER NOT NULL,"
    " PRIMARY KEY (doc, sent)) WITHOUT ROWID;"
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " doc INTEGER NOT NULL REFERENCES documents(id),"
    " sent INTEGER NOT NULL,"
    " date TEXT NOT NULL, doc_date TEXT NOT NULL,"
    " source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL,"
    " plover TEXT NOT NULL,"
    " source_text TEXT NOT NULL, target_text TEXT NOT NULL, verb_text TEXT NOT NULL,"
    " source_off INTEGER NOT NULL, source_len INTEGER NOT NULL,"
    " target_off INTEGER NOT NULL, target_len INTEGER NOT NULL,"
    " verb_off INTEGER NOT NULL, verb_len INTEGER NOT NULL,"
    " rule TEXT NOT NULL, issues TEXT NOT NULL, location TEXT NOT NULL);"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE INDEX events_date ON events(date);";

/* Version 2: GDELT-style roll-ups of duplicate reports, each event linked to its roll-up;
 * indexes for actor queries; the meta table and convenience views. */
static const char schema_v2[] =
    "CREATE TABLE rollups ("
    " id INTEGER PRIMARY KEY,"
    " date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    " root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL,"
    " mentions INTEGER NOT NULL, sentences INTEGER NOT NULL, documents INTEGER NOT NULL,"
    " UNIQUE (date, source, target, code));"
    "ALTER TABLE events ADD COLUMN rollup INTEGER REFERENCES rollups(id);"
    "INSERT INTO rollups(date, source, target, code, root, quad, goldstein, mentions,"
    " sentences, documents)"
    " SELECT date, source, target, code, min(root), min(quad), min(goldstein), count(*),"
    " count(DISTINCT doc * 4294967296 + sent), count(DISTINCT doc)"
    " FROM events GROUP BY date, source, target, code ORDER BY min(id);"
    "UPDATE events SET rollup = (SELECT r.id FROM rollups r WHERE r.date = events.date"
    " AND r.source = events.source AND r.target = events.target AND r.code = events.code);"
    "CREATE INDEX events_rollup ON events(rollup);"
    "CREATE INDEX events_source ON events(source);"
    "CREATE INDEX events_target ON events(target);"
    "CREATE INDEX rollups_source ON rollups(source);"
    "CREATE INDEX rollups_target ON rollups(target);"
    "CREATE INDEX rollups_date ON rollups(date);"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO meta VALUES ('text_hash', 'fnv1a-64 of the document text bytes, 16 hex digits');"
    "INSERT INTO meta VALUES ('rollup_key', 'date source target code');"
    "CREATE VIEW mentions AS"
    " SELECT e.id AS event, e.rollup, d.doc_id, e.sent, e.date, e.doc_date, e.source,"
    " e.target, e.code, e.root, e.quad, e.goldstein, e.plover, e.source_text, e.target_text,"
    " e.verb_text, e.rule, d.url, d.source AS outlet,"
    " CAST(substr(CAST(d.text AS BLOB), s.off + 1, s.len) AS TEXT) AS sentence"
    " FROM events e JOIN documents d ON d.id = e.doc"
    " LEFT JOIN sentences s ON s.doc = e.doc AND s.sent = e.sent;"
    "CREATE VIEW sentence_text AS"
    " SELECT d.doc_id, s.sent,"
    " CAST(substr(CAST(d.text AS BLOB), s.off + 1, s.len) AS TEXT) AS text"
    " FROM sentences s JOIN documents d ON d.id = s.doc;";

/* steps[i] brings a file from version i to version i + 1. */
static const char *const steps[] = {schema_v1, schema_v2};

_Static_assert(sizeof steps / sizeof steps[0] == AN_STORE_SCHEMA_VERSION,
               "one migration step per schema version");

int an_schema_version(sqlite3 *db, int *version)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* A file at version 0 must be empty, or it is some other program's database. The count and
 * the version are read in one statement (one snapshot): another annalist may just have
 * created the schema. */
int an_schema_check_foreign(sqlite3 *db, const char *path, an_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT count(*), (SELECT user_version FROM pragma_user_version)"
                                " FROM sqlite_schema",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) return an_store_sqlerr_db(db, path, rc, err, "cannot read the database");
    int n = 0, version = 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        n = sqlite3_column_int(st, 0);
        version = sqlite3_column_int(st, 1);
    }
    int ret = rc == SQLITE_ROW ? 0 : an_store_sqlerr_db(db, path, rc, err, "cannot read the database");
    sqlite3_finalize(st);
    if (ret == 0 && n > 0 && version == 0)
        ret = an_err(err, AN_EBADINPUT, path, 0,
                     "an SQLite database that is not an annalist store (it has tables but "
                     "no annalist schema version)");
    return ret;
}

int an_schema_migrate(sqlite3 *db, const char *path, an_error *err)
{
    int version = 0, rc;
    /* Cheap test first: a current file needs no write lock. */
    if ((rc = an_schema_version(db, &version)) != SQLITE_OK)
        return an_store_sqlerr_db(db, path, rc, err, "cannot read the schema version");
    if (version == AN_STORE_SCHEMA_VERSION) return 0;

    if ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
        return an_store_sqlerr_db(db, path, rc, err, "cannot lock the database to set it up");
    int ret = 0;
    /* Another process may have migrated it meanwhile: read again under the lock. */
    if ((rc = an_schema_version(db, &version)) != SQLITE_OK) {
        ret = an_store_sqlerr_db(db, path, rc, err, "cannot read the schema version");
        goto done;
    }
    if (version > AN_STORE_SCHEMA_VERSION) {
        ret = an_err(err, AN_EUSAGE, path, 0, "schema version %d is newer than this annalist "
                     "understands (%d)", version, AN_STORE_SCHEMA_VERSION);
        goto done;
    }
    if (version == 0 && (ret = an_schema_check_foreign(db, path, err)) < 0) goto done;
    for (int v = version; v < AN_STORE_SCHEMA_VERSION; v++) {
        if ((rc = sqlite3_exec(db, steps[v], NULL, NULL, NULL)) != SQLITE_OK) {
            char what[64];
            snprintf(what, sizeof what, "migrating the schema from version %d to %d", v, v + 1);
            ret = an_store_sqlerr_db(db, path, rc, err, what);
            goto done;
        }
    }
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
             AN_STORE_APP_ID, AN_STORE_SCHEMA_VERSION);
    if ((rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) != SQLITE_OK) {
        ret = an_store_sqlerr_db(db, path, rc, err, "setting the schema version");
        goto done;
    }
    if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
        ret = an_store_sqlerr_db(db, path, rc, err, "committing the schema");
done:
    if (ret < 0 && !sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return ret;
}
