/* store_impl.h — the event store's insides shared by store.c, schema.c, pack.c, ingest.c,
 * rollup.c, query.c and export.c: the handle, its reused prepared statements, the packed
 * document layout and the SQLite error mapping. Not part of the public API. */
#ifndef AN_STORE_IMPL_H
#define AN_STORE_IMPL_H

#include <sqlite3.h>
#include <stdint.h>

#include "annalist.h"
#include "util/buf.h"
#include "util/vec.h"

/* The file's PRAGMA application_id: "ANLS". */
#define AN_STORE_APP_ID 0x414E4C53

/* Prepared statements kept for the life of the handle (ingest runs them per document). */
enum {
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_DOC_LOOKUP,
    ST_DOC_INSERT,
    ST_SENT_INSERT,
    ST_ROLLUP_UPSERT,
    ST_EVENT_INSERT,
    ST_DOC_GROUPS,
    ST_ROLLUP_SUB,
    ST_ROLLUP_GC,
    ST_DEL_EVENTS,
    ST_DEL_SENTS,
    ST_DEL_DOC,
    ST_COUNT
};

/* A string inside a packed document: not NUL-terminated; p == NULL is SQL NULL. */
typedef struct pk_str {
    const char *p;
    uint32_t len;
} pk_str;

/* A sentence that yielded events: its number in the document and its span. */
typedef struct pk_sent {
    uint32_t sent, off, len;
} pk_sent;

/* A distinct (date, source, target, code) among a document's events. */
typedef struct pk_group {
    pk_str date, source, target, code, root;
    int32_t quad;
    double goldstein;        /* NAN when unknown */
    uint32_t mentions, sentences;
    int64_t rollup;          /* filled by the writer */
} pk_group;

typedef struct pk_event {
    uint32_t group, sent;
    pk_str doc_date, plover, source_text, target_text, verb_text, rule, issues, location;
    uint32_t source_off, source_len, target_off, target_len, verb_off, verb_len;
} pk_event;

/* A packed document decoded in place (strings point into the packed buffer). */
typedef struct pk_doc {
    uint64_t hash;
    pk_str id, date, title, source, url, file, text;
    uint32_t line;
    uint32_t sentence_count; /* sentences in the document (sents holds those with events) */
    AN_VEC(pk_sent) sents;
    AN_VEC(pk_group) groups;
    AN_VEC(pk_event) events;
} pk_doc;

typedef struct an_ckpt an_ckpt;

struct an_store {
    sqlite3 *db;
    an_ckpt *ckpt;           /* background checkpoints (writable stores), or NULL */
    char *path;
    int readonly;
    int busy_ms;             /* the busy timeout */
    sqlite3_stmt *st[ST_COUNT];
    an_buf pack;             /* an_store_ingest_doc packs here */
    pk_doc doc;              /* decode target, reused */
    char now[24];            /* ingested_at of the current second */
    int64_t now_sec;
};

/* Fills err from the SQLite error rc on s's database ("PATH: what: sqlite message") and
 * returns the matching AN_E* code. */
int an_store_sqlerr(an_store *s, int rc, an_error *err, const char *what);
/* The same for a database handle that is not (yet) in a store. */
int an_store_sqlerr_db(sqlite3 *db, const char *path, int rc, an_error *err, const char *what);
/* The AN_E* code for an SQLite result code. */
int an_store_map_rc(int rc);
/* A prepared statement kept in the handle (prepared on first use). */
int an_store_stmt(an_store *s, int which, sqlite3_stmt **out, an_error *err);
/* Runs SQL without results. */
int an_store_exec(an_store *s, const char *sql, an_error *err, const char *what);
/* The handle's hex text hash ("0123456789abcdef" + NUL). */
void an_store_hash_hex(uint64_t h, char out[17]);

/* schema.c */
int an_schema_version(sqlite3 *db, int *version);
/* AN_EBADINPUT when a file without an annalist schema version has tables of its own. */
int an_schema_check_foreign(sqlite3 *db, const char *path, an_error *err);
/* Brings the database at path to AN_STORE_SCHEMA_VERSION (creating it when empty). */
int an_schema_migrate(sqlite3 *db, const char *path, an_error *err);

/* pack.c */
/* Decodes a packed document; AN_EINTERNAL when the bytes are not one. */
int an_pack_decode(pk_doc *d, const void *data, size_t len, an_error *err);
void an_pack_free(pk_doc *d);

/* rollup.c: called inside the document's transaction. */
/* Adds the document's groups to the roll-ups, setting each group's rollup id. */
int an_rollup_add(an_store *s, pk_doc *d, an_error *err);
/* Takes a stored document's mentions out of the roll-ups (before its events go). */
int an_rollup_remove_doc(an_store *s, int64_t doc_pk, an_error *err);
/* Checks every roll-up against its mentions; 0 or AN_EINTERNAL. */
int an_rollup_check(an_store *s, an_error *err);

/* checkpoint.c */
/* Moves WAL checkpoints of a writable store to a background thread. When that cannot be
 * set up, SQLite keeps checkpointing on the writer; returns 0 either way. */
int an_ckpt_start(an_store *s, an_error *err);
void an_ckpt_stop(an_store *s);

/* ingest.c */
/* Deletes a stored document (its roll-ups first) inside the current transaction. */
int an_ingest_remove(an_store *s, int64_t doc_pk, an_error *err);

#endif
