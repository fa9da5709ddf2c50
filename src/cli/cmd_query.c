/* cmd_query.c — `annalist query --db PATH`: filtered events (or one per roll-up with
 * --one-a-day), dyad and actor time series, top actors and dyads, the document list, counts
 * and a consistency check; as an aligned table for people or JSON Lines (--json). */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_json.h"

enum {
    OPT_DB = OPT_CMD_BASE,
    OPT_JSON,
    OPT_LIMIT,
    OPT_PREFIX,
    OPT_SERIES,
    OPT_TOP_ACTORS,
    OPT_TOP_DYADS,
    OPT_DOCUMENTS,
    OPT_SUMMARY,
    OPT_CHECK,
    OPT_ACTOR,
    OPT_SOURCE,
    OPT_TARGET,
    OPT_DYAD,
    OPT_CODE,
    OPT_ROOT,
    OPT_QUAD,
    OPT_FROM,
    OPT_TO,
    OPT_DOC,
    OPT_ONE_A_DAY,
};

static const char help[] =
    "usage: annalist query --db PATH [WHAT] [FILTERS] [--json] [--limit N]\n"
    "\n"
    "Reads the event store PATH (see docs/store.md). Without WHAT, lists events (mentions)\n"
    "in store order.\n"
    "\n"
    "what:\n"
    "  --series PERIOD   time series by day|week|month|year: events per quad class,\n"
    "                    Goldstein sum and mean; both directions of --dyad, or --actor as\n"
    "                    source and as target (weeks are named by their Monday)\n"
    "  --top-actors      actors by number of events (as source or target)\n"
    "  --top-dyads       directed source>target pairs by number of events\n"
    "  --documents       stored documents: id, date, text hash, sentences, events\n"
    "  --summary         counts of documents, sentences, events and roll-ups\n"
    "  --check           verify the file and the store's counts (exit 1 if broken)\n"
    "\n"
    "filters (actor, code and date values are prefixes):\n"
    "  --actor CODE      source or target starts with CODE (PAK matches PAKGOV)\n"
    "  --source CODE     source starts with CODE\n"
    "  --target CODE     target starts with CODE\n"
    "  --dyad A,B        between A and B, either direction ('A>B': only A to B)\n"
    "  --code CODE       event code starts with CODE (04, 042, 0421)\n"
    "  --root RR         root code (two digits)\n"
    "  --quad N[,N...]   quad classes 1-4 (repeatable)\n"
    "  --from DATE       event date on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --to DATE         event date up to DATE, inclusive (--to 1987-03: all of March)\n"
    "  --doc ID          events of one document\n"
    "  --one-a-day       Phoenix one-a-day filter: one event per date, source, target and\n"
    "                    code (the roll-up, with its mention, sentence, document counts);\n"
    "                    series and top lists then count roll-ups instead of mentions\n"
    "\n"
    "output:\n"
    "  --json            JSON Lines, one object per row, for programs\n"
    "  --limit N         at most N rows; 0: all (default: all with --json, 50 events or\n"
    "                    10 top rows in tables)\n"
    "  --prefix N        top lists: group actor codes by their first N characters\n"
    "  --help            this help\n";

typedef enum mode { M_EVENTS, M_SERIES, M_TOP_ACTORS, M_TOP_DYADS, M_DOCS, M_SUMMARY, M_CHECK } mode;

typedef struct out_ctx {
    int json;
    size_t rows;
    int one_a_day;
} out_ctx;

static void json_key_str(const char *key, const char *v, int first)
{
    printf("%s\"%s\":", first ? "{" : ",", key);
    if (v) json_print_string(stdout, v, strlen(v));
    else fputs("null", stdout);
}

/* Writes ,"key":v with `decimals` digits after the point, or null for NAN. */
static void json_num(const char *key, double v, int decimals)
{
    printf(",\"%s\":", key);
    if (isnan(v)) fputs("null", stdout);
    else printf("%.*f", decimals, v);
}

static void fmt_gold(char *buf, size_t n, double v, int decimals)
{
    if (isnan(v)) snprintf(buf, n, "-");
    else snprintf(buf, n, "%.*f", decimals, v);
}

/* ---- events */

static int on_event(void *ud, const an_store_event_row *row)
{
    out_ctx *o = ud;
    const an_event *e = &row->event;
    if (o->json) {
        printf("{\"id\":%lld", (long long)row->id);
        printf(",\"doc\":");
        json_print_string(stdout, e->doc_id, strlen(e->doc_id));
        printf(",\"sent\":%u", e->sent);
        json_key_str("date", e->date[0] ? e->date : NULL, 0);
        json_key_str("doc_date", e->doc_date[0] ? e->doc_date : NULL, 0);
        json_key_str("source", e->source, 0);
        json_key_str("target", e->target, 0);
        json_key_str("code", e->code, 0);
        json_key_str("root", e->root, 0);
        printf(",\"quad\":%d", e->quad);
        json_num("goldstein", e->goldstein, 1);
        json_key_str("plover", e->plover, 0);
        json_key_str("source_text", e->source_text, 0);
        json_key_str("target_text", e->target_text, 0);
        json_key_str("verb_text", e->verb_text, 0);
        json_key_str("rule", e->rule, 0);
        json_key_str("text", e->sentence_text, 0);
        printf(",\"rollup\":%lld,\"mentions\":%llu,\"sentences\":%llu,\"documents\":%llu}\n",
               (long long)row->rollup, (unsigned long long)row->mentions,
               (unsigned long long)row->sentences, (unsigned long long)row->documents);
    } else {
        if (o->rows == 0) {
            printf("%-10s  %-12s  %-12s  %-4s  %1s  %5s  ", "date", "source", "target", "code",
                   "q", "gold");
            if (o->one_a_day) printf("%8s  %9s  %9s  ", "mentions", "sentences", "documents");
            printf("%s\n", "document:sentence  text");
        }
        char g[16];
        fmt_gold(g, sizeof g, e->goldstein, 1);
        printf("%-10s  %-12s  %-12s  %-4s  %1d  %5s  ", e->date[0] ? e->date : "-", e->source,
               e->target, e->code, e->quad, g);
        if (o->one_a_day)
            printf("%8llu  %9llu  %9llu  ", (unsigned long long)row->mentions,
                   (unsigned long long)row->sentences, (unsigned long long)row->documents);
        /* The sentence on one line, cut to keep the table readable. */
        printf("%s:%u  ", e->doc_id, e->sent);
        size_t n = 0;
        for (const char *p = e->sentence_text; *p && n < 80; p++, n++) {
            if (n == 79 && p[1]) {
                fputs("...", stdout);
                break;
            }
            putchar(*p == '\n' || *p == '\t' ? ' ' : *p);
        }
        putchar('\n');
    }
    o->rows++;
    return 0;
}

/* ---- series */

static int on_series(void *ud, const an_store_series_row *r)
{
    out_ctx *o = ud;
    if (o->json) {
        json_key_str("period", r->period, 1);
        json_key_str("source", r->source, 0);
        json_key_str("target", r->target, 0);
        printf(",\"events\":%llu,\"quad1\":%llu,\"quad2\":%llu,\"quad3\":%llu,\"quad4\":%llu",
               (unsigned long long)r->events, (unsigned long long)r->quad[1],
               (unsigned long long)r->quad[2], (unsigned long long)r->quad[3],
               (unsigned long long)r->quad[4]);
        json_num("goldstein_sum", r->goldstein_sum, 1);
        json_num("goldstein_mean", r->goldstein_mean, 4);
        puts("}");
    } else {
        if (o->rows == 0)
            printf("%-10s  %-24s  %7s  %6s  %6s  %6s  %6s  %9s  %7s\n", "period", "direction",
                   "events", "quad1", "quad2", "quad3", "quad4", "gold.sum", "mean");
        char dir[64], mean[16];
        snprintf(dir, sizeof dir, "%s>%s", r->source, r->target);
        fmt_gold(mean, sizeof mean, r->goldstein_mean, 2);
        printf("%-10s  %-24s  %7llu  %6llu  %6llu  %6llu  %6llu  %9.1f  %7s\n", r->period, dir,
               (unsigned long long)r->events, (unsigned long long)r->quad[1],
               (unsigned long long)r->quad[2], (unsigned long long)r->quad[3],
               (unsigned long long)r->quad[4], r->goldstein_sum, mean);
    }
    o->rows++;
    return 0;
}

/* ---- top lists */

static int on_top(void *ud, const an_store_top_row *r)
{
    out_ctx *o = ud;
    if (o->json) {
        if (r->target) {
            json_key_str("source", r->source, 1);
            json_key_str("target", r->target, 0);
        } else {
            json_key_str("actor", r->source, 1);
        }
        printf(",\"events\":%llu", (unsigned long long)r->events);
        if (!r->target)
            printf(",\"as_source\":%llu,\"as_target\":%llu", (unsigned long long)r->as_source,
                   (unsigned long long)r->as_target);
        printf(",\"quad1\":%llu,\"quad2\":%llu,\"quad3\":%llu,\"quad4\":%llu",
               (unsigned long long)r->quad[1], (unsigned long long)r->quad[2],
               (unsigned long long)r->quad[3], (unsigned long long)r->quad[4]);
        json_num("goldstein_mean", r->goldstein_mean, 4);
        puts("}");
    } else {
        char mean[16];
        fmt_gold(mean, sizeof mean, r->goldstein_mean, 2);
        if (o->rows == 0) {
            if (r->target) printf("%4s  %-24s  %7s", "rank", "dyad", "events");
            else printf("%4s  %-14s  %7s  %9s  %9s", "rank", "actor", "events", "as source",
                        "as target");
            printf("  %6s  %6s  %6s  %6s  %7s\n", "quad1", "quad2", "quad3", "quad4", "mean");
        }
        if (r->target) {
            char dyad[64];
            snprintf(dyad, sizeof dyad, "%s>%s", r->source, r->target);
            printf("%4zu  %-24s  %7llu", o->rows + 1, dyad, (unsigned long long)r->events);
        } else {
            printf("%4zu  %-14s  %7llu  %9llu  %9llu", o->rows + 1, r->source,
                   (unsigned long long)r->events, (unsigned long long)r->as_source,
                   (unsigned long long)r->as_target);
        }
        printf("  %6llu  %6llu  %6llu  %6llu  %7s\n", (unsigned long long)r->quad[1],
               (unsigned long long)r->quad[2], (unsigned long long)r->quad[3],
               (unsigned long long)r->quad[4], mean);
    }
    o->rows++;
    return 0;
}

/* ---- documents */

static int on_doc(void *ud, const an_store_doc_row *r)
{
    out_ctx *o = ud;
    if (o->json) {
        json_key_str("id", r->id, 1);
        json_key_str("date", r->date, 0);
        json_key_str("title", r->title, 0);
        json_key_str("source", r->source, 0);
        json_key_str("url", r->url, 0);
        json_key_str("text_hash", r->text_hash, 0);
        json_key_str("ingested_at", r->ingested_at, 0);
        printf(",\"sentences\":%llu,\"events\":%llu}\n", (unsigned long long)r->sentences,
               (unsigned long long)r->events);
    } else {
        if (o->rows == 0)
            printf("%-30s  %-10s  %-16s  %9s  %6s  %s\n", "document", "date", "text hash",
                   "sentences", "events", "title");
        printf("%-30s  %-10s  %-16s  %9llu  %6llu  %.60s\n", r->id, r->date ? r->date : "-",
               r->text_hash, (unsigned long long)r->sentences, (unsigned long long)r->events,
               r->title ? r->title : "");
    }
    o->rows++;
    return 0;
}

/* ---- options */

static int parse_quads(const char *arg, unsigned *quads)
{
    const char *p = arg;
    while (*p) {
        if (*p < '1' || *p > '4' || (p[1] && p[1] != ',')) {
            cli_errorf("--quad: expected quad classes 1 to 4 separated by commas, got \"%s\"",
                       arg);
            return -1;
        }
        *quads |= 1u << (*p - '0');
        p += p[1] ? 2 : 1;
    }
    return 0;
}

static int valid_date_prefix(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

static int parse_size(const char *opt, const char *arg, size_t *out)
{
    char *end;
    long long v = strtoll(arg, &end, 10);
    if (*end || v < 0) {
        cli_errorf("%s: expected a number, got \"%s\"", opt, arg);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

int cmd_query(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"json", no_argument, NULL, OPT_JSON},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"prefix", required_argument, NULL, OPT_PREFIX},
        {"series", required_argument, NULL, OPT_SERIES},
        {"top-actors", no_argument, NULL, OPT_TOP_ACTORS},
        {"top-dyads", no_argument, NULL, OPT_TOP_DYADS},
        {"documents", no_argument, NULL, OPT_DOCUMENTS},
        {"summary", no_argument, NULL, OPT_SUMMARY},
        {"check", no_argument, NULL, OPT_CHECK},
        {"actor", required_argument, NULL, OPT_ACTOR},
        {"source", required_argument, NULL, OPT_SOURCE},
        {"target", required_argument, NULL, OPT_TARGET},
        {"dyad", required_argument, NULL, OPT_DYAD},
        {"code", required_argument, NULL, OPT_CODE},
        {"root", required_argument, NULL, OPT_ROOT},
        {"quad", required_argument, NULL, OPT_QUAD},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"doc", required_argument, NULL, OPT_DOC},
        {"one-a-day", no_argument, NULL, OPT_ONE_A_DAY},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    an_store_filter f = AN_STORE_FILTER_INIT;
    const char *db = NULL;
    int json = 0, limit_given = 0, nmodes = 0;
    size_t limit = 0, prefix = 0;
    mode m = M_EVENTS;
    an_period period = AN_PERIOD_DAY;
    char dyad[256];
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HELP: fputs(help, stdout); return EXIT_OK;
        case OPT_DB: db = optarg; break;
        case OPT_JSON: json = 1; break;
        case OPT_LIMIT:
            if (parse_size("--limit", optarg, &limit) < 0) return EXIT_BAD_INPUT;
            limit_given = 1;
            break;
        case OPT_PREFIX:
            if (parse_size("--prefix", optarg, &prefix) < 0) return EXIT_BAD_INPUT;
            break;
        case OPT_SERIES: {
            int p = an_period_parse(optarg);
            if (p < 0) {
                cli_errorf("--series: expected day, week, month or year, got \"%s\"", optarg);
                return EXIT_BAD_INPUT;
            }
            period = (an_period)p;
            m = M_SERIES;
            nmodes++;
            break;
        }
        case OPT_TOP_ACTORS: m = M_TOP_ACTORS; nmodes++; break;
        case OPT_TOP_DYADS: m = M_TOP_DYADS; nmodes++; break;
        case OPT_DOCUMENTS: m = M_DOCS; nmodes++; break;
        case OPT_SUMMARY: m = M_SUMMARY; nmodes++; break;
        case OPT_CHECK: m = M_CHECK; nmodes++; break;
        case OPT_ACTOR: f.actor = optarg; break;
        case OPT_SOURCE: f.source = optarg; break;
        case OPT_TARGET: f.target = optarg; break;
        case OPT_DYAD: {
            size_t n = strcspn(optarg, ",>");
            if (!optarg[n] || n == 0 || !optarg[n + 1] || strlen(optarg) >= sizeof dyad) {
                cli_errorf("--dyad: expected A,B (either direction) or A>B, got \"%s\"", optarg);
                return EXIT_BAD_INPUT;
            }
            memcpy(dyad, optarg, strlen(optarg) + 1);
            f.dyad_directed = dyad[n] == '>';
            dyad[n] = '\0';
            f.dyad_a = dyad;
            f.dyad_b = dyad + n + 1;
            break;
        }
        case OPT_CODE: f.code = optarg; break;
        case OPT_ROOT: f.root = optarg; break;
        case OPT_QUAD:
            if (parse_quads(optarg, &f.quads) < 0) return EXIT_BAD_INPUT;
            break;
        case OPT_FROM:
        case OPT_TO:
            if (!valid_date_prefix(optarg)) {
                cli_errorf("%s: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%s\"",
                           opt == OPT_FROM ? "--from" : "--to", optarg);
                return EXIT_BAD_INPUT;
            }
            if (opt == OPT_FROM) f.from = optarg;
            else f.to = optarg;
            break;
        case OPT_DOC: f.doc = optarg; break;
        case OPT_ONE_A_DAY: f.one_a_day = 1; break;
        default: fputs(help, stderr); return EXIT_BAD_INPUT;
        }
    }
    if (!db) {
        cli_errorf("query: --db PATH is required");
        fputs(help, stderr);
        return EXIT_BAD_INPUT;
    }
    if (nmodes > 1) {
        cli_errorf("query: give at most one of --series, --top-actors, --top-dyads, "
                   "--documents, --summary, --check");
        return EXIT_BAD_INPUT;
    }
    if (optind < argc) {
        cli_errorf("query: unexpected argument \"%s\"", argv[optind]);
        return EXIT_BAD_INPUT;
    }
    int top = m == M_TOP_ACTORS || m == M_TOP_DYADS;
    if (limit_given) f.limit = limit;
    else if (top) f.limit = 10;
    else if (m == M_EVENTS && !json) f.limit = 50;

    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    an_store *s;
    an_error err = {0};
    int rc = an_store_open(&s, db, AN_STORE_READONLY, &err);
    if (rc < 0) {
        cli_error(&err);
        return cli_exit_status(rc);
    }
    out_ctx o = {json, 0, f.one_a_day};
    switch (m) {
    case M_EVENTS: rc = an_store_query_events(s, &f, on_event, &o, &err); break;
    case M_SERIES: rc = an_store_series(s, &f, period, on_series, &o, &err); break;
    case M_TOP_ACTORS: rc = an_store_top_actors(s, &f, prefix, on_top, &o, &err); break;
    case M_TOP_DYADS: rc = an_store_top_dyads(s, &f, prefix, on_top, &o, &err); break;
    case M_DOCS: rc = an_store_query_docs(s, &f, on_doc, &o, &err); break;
    case M_SUMMARY: {
        an_store_counts n;
        rc = an_store_get_counts(s, &n, &err);
        if (rc < 0) break;
        if (json)
            printf("{\"documents\":%llu,\"sentences\":%llu,\"events\":%llu,\"rollups\":%llu,"
                   "\"schema_version\":%d}\n",
                   (unsigned long long)n.documents, (unsigned long long)n.sentences,
                   (unsigned long long)n.events, (unsigned long long)n.rollups, n.schema_version);
        else
            printf("documents                %llu\nsentences with events    %llu\n"
                   "events                   %llu\nroll-ups                 %llu\n"
                   "schema                   version %d\n",
                   (unsigned long long)n.documents, (unsigned long long)n.sentences,
                   (unsigned long long)n.events, (unsigned long long)n.rollups, n.schema_version);
        break;
    }
    case M_CHECK:
        rc = an_store_check(s, &err);
        if (rc == 0 && json) puts("{\"ok\":true}");
        else if (rc == 0) printf("%s: ok\n", db);
        break;
    }
    an_store_close(s);
    if (rc < 0) {
        fflush(stdout);
        cli_error(&err);
        /* A failed check is a finding about the file, not a crash. */
        if (m == M_CHECK && (rc == AN_EINTERNAL || rc == AN_EIO)) return EXIT_BAD_INPUT;
        return cli_exit_status(rc);
    }
    if (!json && !limit_given && o.rows == f.limit && (m == M_EVENTS || top))
        fprintf(stderr, "annalist: showing the first %zu rows; --limit N or --limit 0 for more\n",
                o.rows);
    if (!json && o.rows == 0 && m != M_SUMMARY && m != M_CHECK) fputs("no rows\n", stdout);
    if (fflush(stdout) != 0) {
        cli_errorf("writing output failed");
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}
