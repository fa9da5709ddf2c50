/* checkpoint.c — WAL checkpoints of a writable store on a background thread with its own
 * connection, so that copying the log into the database and the fsyncs of synchronous=NORMAL
 * happen beside the writer instead of inside its commits. After each commit the WAL hook
 * wakes the thread once the log holds CKPT_SOFT pages. A passive checkpoint cannot always
 * catch up with a busy writer (the log then cannot restart from its beginning), so past
 * CKPT_HARD pages the writer checkpoints itself, between two documents. Nothing here is
 * needed for correctness: with or without it the log is replayed the same way after a crash. */
#include <pthread.h>
#include <stdlib.h>

#include "store/store_impl.h"
#include "util/error.h"

enum { CKPT_SOFT = 4000, CKPT_HARD = 16000 };

struct an_ckpt {
    sqlite3 *db;
    pthread_t tid;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int wanted, stop;
    int busy;                /* asked and not yet done (read by the writer without the lock:
                                at worst one extra or one late wake-up) */
    int next_hard;           /* log size at which the writer tries again itself (a reader
                                holding an old snapshot can keep a checkpoint from finishing) */
};

static void *ckpt_main(void *arg)
{
    an_ckpt *c = arg;
    pthread_mutex_lock(&c->lock);
    for (;;) {
        while (!c->wanted && !c->stop) pthread_cond_wait(&c->cond, &c->lock);
        if (c->stop) break;
        c->wanted = 0;
        pthread_mutex_unlock(&c->lock);
        /* Failure (busy, say) is harmless: the next commit asks again. */
        sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->lock);
        __atomic_store_n(&c->busy, 0, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&c->lock);
    return NULL;
}

static int on_commit(void *ud, sqlite3 *db, const char *name, int pages)
{
    an_ckpt *c = ud;
    if (pages < CKPT_HARD) {
        c->next_hard = CKPT_HARD;
    } else if (pages >= c->next_hard) {
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        c->next_hard = pages + CKPT_HARD / 16;
        return SQLITE_OK;
    }
    if (pages >= CKPT_SOFT && !__atomic_load_n(&c->busy, __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&c->busy, 1, __ATOMIC_RELEASE);
        pthread_mutex_lock(&c->lock);
        c->wanted = 1;
        pthread_cond_signal(&c->cond);
        pthread_mutex_unlock(&c->lock);
    }
    return SQLITE_OK;
}

int an_ckpt_start(an_store *s, an_error *err)
{
    (void)err;
    an_ckpt *c = calloc(1, sizeof *c);
    if (!c) return 0; /* checkpoints stay with SQLite, on the writer */
    int rc = sqlite3_open_v2(s->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        /* No second connection: keep SQLite's own checkpoints on the writer. */
        sqlite3_close(c->db);
        free(c);
        return 0;
    }
    sqlite3_busy_timeout(c->db, 1000);
    c->next_hard = CKPT_HARD;
    /* A connection learns that the file is in WAL mode when it first reads it; until then a
     * checkpoint does nothing. */
    sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cond, NULL);
    if (pthread_create(&c->tid, NULL, ckpt_main, c) != 0) {
        /* No thread: keep SQLite's own checkpoints on the writer. */
        pthread_mutex_destroy(&c->lock);
        pthread_cond_destroy(&c->cond);
        sqlite3_close(c->db);
        free(c);
        return 0;
    }
    s->ckpt = c;
    sqlite3_wal_hook(s->db, on_commit, c);
    return 0;
}

void an_ckpt_stop(an_store *s)
{
    an_ckpt *c = s->ckpt;
    if (!c) return;
    sqlite3_wal_hook(s->db, NULL, NULL);
    pthread_mutex_lock(&c->lock);
    c->stop = 1;
    pthread_cond_signal(&c->cond);
    pthread_mutex_unlock(&c->lock);
    pthread_join(c->tid, NULL);
    sqlite3_close(c->db);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cond);
    free(c);
    s->ckpt = NULL;
}
