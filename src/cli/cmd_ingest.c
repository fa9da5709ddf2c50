/* cmd_ingest.c — `annalist ingest --db PATH`: read documents, code them on the worker pool
 * (each worker packs its document's rows with an_store_encode) and store them on this
 * thread, one transaction per document. Documents already stored with the same text are
 * skipped before coding. Draws a progress line on a terminal and prints a summary. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum {
    OPT_DB = OPT_CMD_BASE,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_QUIET,
    OPT_BUSY_TIMEOUT,
};

static const char help[] =
    "usage: annalist ingest --db PATH [OPTIONS] [FILE...]\n"
    "\n"
    "Codes documents and stores them in the SQLite event store PATH (created when missing):\n"
    "each document with its text, the sentences events were coded from, the events with\n"
    "provenance, and GDELT-style roll-ups of duplicate reports. Each document is stored in\n"
    "one transaction. A document whose id is stored with the same text is skipped; one whose\n"
    "text changed is replaced as a whole. Reads stdin when no FILE is given or FILE is '-'.\n"
    "Prints a summary; exit status 1 when some input could not be read or coded in full.\n"
    "See docs/store.md.\n"
    "\n"
    "options:\n"
    "  --db PATH         the store (required)\n" CLI_COMMON_HELP
    "  --progress        draw the progress line even when stderr is not a terminal\n"
    "  --no-progress     never draw it (default: only on a terminal, not under CI)\n"
    "  --quiet           no summary at the end\n"
    "  --busy-timeout MS wait this long for another writer's lock (default 60000)\n"
    "(--output does not apply here: see 'annalist export'.)\n";

/* ---- ids seen in this run: the skip-before-coding test is only exact for the first
 * occurrence of an id (a later one may follow a version still being coded). */

typedef struct idset {
    char **slots;
    size_t cap, n;
} idset;

static uint64_t id_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

/* Adds id; returns 1 if it was new, 0 if seen before, -1 when out of memory. */
static int idset_add(idset *set, const char *id)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 1024;
        char **slots = calloc(cap, sizeof *slots);
        if (!slots) return -1;
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slots[i]) continue;
            size_t k = id_hash(set->slots[i]) & (cap - 1);
            while (slots[k]) k = (k + 1) & (cap - 1);
            slots[k] = set->slots[i];
        }
        free(set->slots);
        set->slots = slots;
        set->cap = cap;
    }
    size_t k = id_hash(id) & (set->cap - 1);
    while (set->slots[k]) {
        if (strcmp(set->slots[k], id) == 0) return 0;
        k = (k + 1) & (set->cap - 1);
    }
    if (!(set->slots[k] = strdup(id))) return -1;
    set->n++;
    return 1;
}

static void idset_free(idset *set)
{
    for (size_t i = 0; i < set->cap; i++) free(set->slots[i]);
    free(set->slots);
}

/* ---- the ingest */

typedef struct ingest {
    an_store *store;
    an_pool *pool;
    int failed;                /* a store error: stop */
    int precheck;              /* look documents up before coding (the store was not empty) */
    an_error err;
    size_t added, replaced, unchanged, skipped, not_coded;
    int status;
    /* progress */
    int progress;
    double start, last_draw;
    int drawn;
    char **files;
    int nfiles;
    const an_read_opts *ro;
    atomic_size_t total;       /* documents in the input, once counted (0: not yet) */
    atomic_int stop_count;
} ingest;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void on_packed(void *ud, const char *data, size_t len)
{
    ingest *x = ud;
    if (x->failed) return;
    an_ingest_outcome o;
    an_error err = {0};
    int rc = an_store_ingest_packed(x->store, data, len, &o, &err);
    if (rc < 0) {
        x->failed = rc;
        x->err = err;
        return;
    }
    if (o == AN_INGEST_ADDED) x->added++;
    else if (o == AN_INGEST_REPLACED) x->replaced++;
    else x->unchanged++;
}

static void on_diag(void *ud, const an_error *e)
{
    ingest *x = ud;
    if (x->drawn) fputs("\r\033[K", stderr);
    cli_error(e);
    if (x->status < EXIT_BAD_INPUT) x->status = EXIT_BAD_INPUT;
}

/* Counts the input's documents on a side thread so the bar can show a fraction. */
static void *count_docs(void *arg)
{
    ingest *x = arg;
    size_t n = 0;
    for (int f = 0; f < x->nfiles; f++) {
        an_reader *r;
        an_error err = {0};
        if (an_reader_open(&r, x->files[f], x->ro, &err) < 0) continue;
        const an_doc *doc;
        int rc;
        while ((rc = an_reader_next(r, &doc, &err)) != 0) {
            if (atomic_load(&x->stop_count)) break;
            if (rc > 0) n++;
            else if (rc == AN_EIO || rc == AN_ENOMEM) break;
        }
        an_reader_free(r);
        if (atomic_load(&x->stop_count)) return NULL;
    }
    atomic_store(&x->total, n ? n : 1);
    return NULL;
}

static void draw(ingest *x, int final)
{
    double t = now_seconds();
    if (!final && t - x->last_draw < 0.1) return;
    x->last_draw = t;
    size_t docs, sents, events;
    an_pool_counts(x->pool, &docs, &sents, &events);
    size_t done = x->added + x->replaced + x->unchanged + x->skipped;
    double rate = t > x->start ? done / (t - x->start) : 0;
    size_t total = atomic_load(&x->total);
    enum { W = 24 };
    char bar[W + 1];
    if (total) {
        size_t fill = done >= total ? W : done * W / total;
        for (size_t i = 0; i < W; i++) bar[i] = i < fill ? '#' : '.';
    } else {
        /* Not counted yet: a marker moving back and forth. */
        size_t pos = (size_t)((t - x->start) * 8) % (2 * W - 2);
        if (pos >= W) pos = 2 * W - 2 - pos;
        for (size_t i = 0; i < W; i++) bar[i] = i == pos ? '=' : ' ';
    }
    bar[W] = '\0';
    fprintf(stderr, "\r\033[K[%s] ", bar);
    if (total) fprintf(stderr, "%3zu%%  %zu/%zu documents", done >= total ? 100 : done * 100 / total,
                       done, total);
    else fprintf(stderr, "%zu documents", done);
    fprintf(stderr, "  %zu events  %.0f documents/s", events, rate);
    fflush(stderr);
    x->drawn = 1;
}

static int want_progress(int forced)
{
    if (forced >= 0) return forced;
    const char *ci = getenv("CI"), *term = getenv("TERM");
    if (ci && *ci) return 0;
    if (term && strcmp(term, "dumb") == 0) return 0;
    return isatty(STDERR_FILENO);
}

/* Reads one file and submits its documents; returns < 0 after a store error. */
static int ingest_file(ingest *x, const char *path, const an_read_opts *ro, idset *seen)
{
    an_error err = {0};
    an_reader *r;
    int rc = an_reader_open(&r, path, ro, &err);
    if (rc < 0) {
        on_diag(x, &err);
        return 0;
    }
    const an_doc *doc;
    while (!x->failed && (rc = an_reader_next(r, &doc, &err)) != 0) {
        if (rc < 0) {
            on_diag(x, &err);
            x->not_coded++;
            if (rc == AN_EIO || rc == AN_ENOMEM) break;
            continue;
        }
        int first = idset_add(seen, doc->id ? doc->id : "");
        if (first < 0) {
            an_error oom = {.code = AN_ENOMEM};
            snprintf(oom.msg, sizeof oom.msg, "out of memory");
            x->failed = AN_ENOMEM;
            x->err = oom;
            break;
        }
        if (first && x->precheck) {
            rc = an_store_has_doc(x->store, doc, &err);
            if (rc < 0) {
                x->failed = rc;
                x->err = err;
                break;
            }
            if (rc == 1) {
                x->skipped++;
                if (x->progress) draw(x, 0);
                continue;
            }
        }
        if (an_pool_submit(x->pool, doc, &err) < 0) {
            on_diag(x, &err);
            x->not_coded++;
        }
        if (x->progress) draw(x, 0);
    }
    an_reader_free(r);
    return x->failed ? x->failed : 0;
}

int cmd_ingest(int argc, char **argv)
{
    cli_common c = {.input = AN_INPUT_AUTO, .output = "jsonl"};
    const char *db = NULL;
    int forced_progress = -1, quiet = 0;
    long busy_ms = -1;
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        {"db", required_argument, NULL, OPT_DB},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"busy-timeout", required_argument, NULL, OPT_BUSY_TIMEOUT},
        {NULL, 0, NULL, 0},
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HELP: fputs(help, stdout); return EXIT_OK;
        case OPT_DB: db = optarg; continue;
        case OPT_PROGRESS: forced_progress = 1; continue;
        case OPT_NO_PROGRESS: forced_progress = 0; continue;
        case OPT_QUIET: quiet = 1; continue;
        case OPT_BUSY_TIMEOUT: {
            char *end;
            busy_ms = strtol(optarg, &end, 10);
            if (*end || busy_ms < 0 || busy_ms > 86400000) {
                cli_errorf("--busy-timeout: expected milliseconds, got \"%s\"", optarg);
                return EXIT_BAD_INPUT;
            }
            continue;
        }
        case OPT_OUTPUT:
            cli_errorf("--output does not apply to ingest (see 'annalist export')");
            return EXIT_BAD_INPUT;
        }
        int r = cli_common_option(&c, opt, optarg);
        if (r < 0) return EXIT_BAD_INPUT;
        if (r == 0) {
            fputs(help, stderr);
            return EXIT_BAD_INPUT;
        }
    }
    if (!db) {
        cli_errorf("ingest: --db PATH is required");
        fputs(help, stderr);
        return EXIT_BAD_INPUT;
    }
    /* A file size limit (ulimit -f) should fail the write, not kill the process. */
    signal(SIGXFSZ, SIG_IGN);

    const char *stdin_only[] = {"-"};
    char **files = argc > optind ? argv + optind : (char **)stdin_only;
    int nfiles = argc > optind ? argc - optind : 1;
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = c.input;
    ro.default_date = c.date;
    cli_apply_limits(&c, &ro, NULL);

    ingest x;
    memset(&x, 0, sizeof x);
    atomic_init(&x.total, 0);
    atomic_init(&x.stop_count, 0);
    an_error err = {0};
    int rc = an_store_open(&x.store, db, 0, &err);
    if (rc < 0) {
        cli_error(&err);
        return cli_exit_status(rc);
    }
    if (busy_ms >= 0) an_store_set_busy_timeout(x.store, (int)busy_ms);
    /* Into an empty store every document is new: skip the lookups before coding (the
     * writer still decides, so documents another process adds meanwhile stay right). */
    an_store_counts before;
    x.precheck = an_store_get_counts(x.store, &before, &err) < 0 || before.documents > 0;
    an_dict *d = NULL;
    rc = cli_load_dict(&c, &d, 0);
    if (!d) {
        an_store_close(x.store);
        return cli_exit_status(rc);
    }
    an_code_opts co = AN_CODE_OPTS_INIT;
    co.default_date = c.date;
    cli_apply_limits(&c, NULL, &co);
    co.mode = (an_code_mode)c.mode;
    rc = an_pool_new(&x.pool, d, &co, c.threads ? c.threads : cli_default_threads(),
                     AN_FORMAT_JSONL, on_packed, &x, &err);
    if (rc < 0) {
        cli_error(&err);
        an_dict_free(d);
        an_store_close(x.store);
        return cli_exit_status(rc);
    }
    an_pool_set_encoder(x.pool, an_store_encode, NULL);
    an_pool_set_diag(x.pool, on_diag, &x);

    x.progress = want_progress(forced_progress);
    x.start = now_seconds();
    x.files = files;
    x.nfiles = nfiles;
    x.ro = &ro;
    pthread_t counter;
    int counting = 0;
    if (x.progress) {
        int from_stdin = 0;
        for (int f = 0; f < nfiles; f++) from_stdin |= strcmp(files[f], "-") == 0;
        if (!from_stdin) counting = pthread_create(&counter, NULL, count_docs, &x) == 0;
    }

    idset seen = {0};
    for (int f = 0; f < nfiles && !x.failed; f++) ingest_file(&x, files[f], &ro, &seen);
    if (an_pool_finish(x.pool, &err) < 0) {
        on_diag(&x, &err);
        x.not_coded++;
    }
    if (counting) {
        atomic_store(&x.stop_count, 1);
        pthread_join(counter, NULL);
    }
    if (x.progress) {
        draw(&x, 1);
        fputc('\n', stderr);
        x.drawn = 0;
    }
    double secs = now_seconds() - x.start;
    size_t docs, sents, events;
    an_pool_counts(x.pool, &docs, &sents, &events);
    an_pool_free(x.pool);
    an_dict_free(d);
    idset_free(&seen);

    int status = x.status;
    if (x.failed) {
        cli_error(&x.err);
        status = cli_exit_status(x.failed);
        if (status == EXIT_OK) status = EXIT_INTERNAL;
    }
    if (!quiet) {
        size_t done = x.added + x.replaced + x.unchanged + x.skipped;
        printf("ingested %zu documents into %s: %zu added, %zu replaced, %zu unchanged", done,
               db, x.added, x.replaced, x.unchanged + x.skipped);
        if (x.not_coded) printf("; %zu not stored (see the messages above)", x.not_coded);
        printf("%s\n", x.failed ? "; stopped by the error above" : "");
        printf("coded %zu documents (%zu sentences, %zu events) in %.2f s, %.0f documents/s\n",
               docs, sents, events, secs, secs > 0 ? done / secs : 0.0);
        an_store_counts n;
        an_error cerr = {0};
        if (an_store_get_counts(x.store, &n, &cerr) == 0)
            printf("the store holds %llu documents, %llu events (from %llu sentences), "
                   "%llu roll-ups\n",
                   (unsigned long long)n.documents, (unsigned long long)n.events,
                   (unsigned long long)n.sentences, (unsigned long long)n.rollups);
    }
    an_store_close(x.store);
    if (fflush(stdout) != 0 && status == EXIT_OK) status = EXIT_INTERNAL;
    return status;
}
