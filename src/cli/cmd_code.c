/* cmd_code.c — `annalist code`: read documents, code them, print events (JSON Lines or
 * TSV). With --debug-tokens it prints the text pipeline's view instead: documents,
 * sentences and tokens as JSON Lines. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_json.h"

enum { OPT_DEBUG_TOKENS = OPT_CMD_BASE, OPT_STATS };

static const char help[] =
    "usage: annalist code [OPTIONS] [FILE...]\n"
    "\n"
    "Codes documents into CAMEO events and prints one event per line. Reads stdin when no\n"
    "FILE is given or FILE is '-'. A FILE ending in .zst is decompressed.\n"
    "\n"
    "options:\n" CLI_COMMON_HELP
    "  --debug-tokens    print documents, sentences and tokens (JSON Lines) instead\n"
    "  --stats           print counts and timings as one JSON line on stderr at the end\n";

static const char *type_name(int type)
{
    switch (type) {
    case AN_TOK_WORD: return "word";
    case AN_TOK_NUMBER: return "number";
    case AN_TOK_CURRENCY: return "currency";
    case AN_TOK_COMMA: return "comma";
    case AN_TOK_QUOTE: return "quote";
    case AN_TOK_END: return "end";
    default: return "punct";
    }
}

static void print_flags(FILE *out, unsigned f)
{
    static const struct { unsigned bit; const char *name; } names[] = {
        {AN_TOKF_CAPITALIZED, "cap"},     {AN_TOKF_ALLCAPS, "allcaps"},
        {AN_TOKF_HYPHEN_BEFORE, "hyphen"}, {AN_TOKF_POSSESSIVE, "possessive"},
        {AN_TOKF_ABBREV, "abbrev"},        {AN_TOKF_LINE_START, "line"},
        {AN_TOKF_PARA_START, "para"},      {AN_TOKF_BULLET, "bullet"},
    };
    fputc('[', out);
    int first = 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!(f & names[i].bit)) continue;
        fprintf(out, "%s\"%s\"", first ? "" : ",", names[i].name);
        first = 0;
    }
    fputc(']', out);
}

static int debug_tokens(FILE *out, const an_doc *doc, an_error *err)
{
    an_analysis *a;
    int rc = an_analyze(&a, doc, err);
    if (rc < 0) return rc;
    size_t ns = an_analysis_sentence_count(a);
    fputs("{\"type\":\"doc\",\"id\":", out);
    json_print_string(out, doc->id, strlen(doc->id));
    fputs(",\"date\":", out);
    if (doc->date) json_print_string(out, doc->date, strlen(doc->date));
    else fputs("null", out);
    fputs(",\"dateline\":", out);
    const char *dl = an_analysis_dateline(a);
    if (dl) json_print_string(out, dl, strlen(dl));
    else fputs("null", out);
    fprintf(out, ",\"sentences\":%zu,\"tokens\":%zu}\n", ns, an_analysis_token_count(a));
    for (size_t s = 0; s < ns; s++) {
        const an_sentence *sent = an_analysis_sentence(a, s);
        fputs("{\"type\":\"sentence\",\"doc\":", out);
        json_print_string(out, doc->id, strlen(doc->id));
        fprintf(out, ",\"sent\":%zu,\"paragraph\":%u,\"off\":%u,\"len\":%u,\"text\":", s,
                sent->paragraph, sent->span.off, sent->span.len);
        json_print_string(out, doc->text + sent->span.off, sent->span.len);
        fputs(",\"tokens\":[", out);
        for (uint32_t k = 0; k < sent->token_count; k++) {
            const an_token *t = an_analysis_token(a, sent->first_token + k);
            fputs(k ? ",{\"text\":" : "{\"text\":", out);
            json_print_string(out, doc->text + t->span.off, t->span.len);
            fputs(",\"norm\":", out);
            json_print_string(out, t->norm, strlen(t->norm));
            fprintf(out, ",\"type\":\"%s\",\"off\":%u,\"flags\":", type_name(t->type), t->span.off);
            print_flags(out, t->flags);
            fputc('}', out);
        }
        fputs("]}\n", out);
    }
    an_analysis_free(a);
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void write_out(void *ud, const char *data, size_t len)
{
    fwrite(data, 1, len, (FILE *)ud);
}

static void print_diag(void *ud, const an_error *e)
{
    int *status = ud;
    cli_error(e);
    if (*status < EXIT_BAD_INPUT) *status = EXIT_BAD_INPUT;
}

int cmd_code(int argc, char **argv)
{
    cli_common c = {.input = AN_INPUT_AUTO, .output = "jsonl"};
    int want_tokens = 0, want_stats = 0;
    double t_start = now_seconds(), t_loaded = t_start;
    static const struct option longopts[] = {
        CLI_COMMON_LONGOPTS,
        {"debug-tokens", no_argument, NULL, OPT_DEBUG_TOKENS},
        {"stats", no_argument, NULL, OPT_STATS},
        {NULL, 0, NULL, 0},
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == OPT_HELP) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (opt == OPT_STATS) {
            want_stats = 1;
            continue;
        }
        if (opt == OPT_DEBUG_TOKENS) {
            want_tokens = 1;
            continue;
        }
        int r = cli_common_option(&c, opt, optarg);
        if (r < 0) return EXIT_BAD_INPUT;
        if (r == 0) {
            fputs(help, stderr);
            return EXIT_BAD_INPUT;
        }
    }
    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    const char *stdin_only[] = {"-"};
    char **files = argc > optind ? argv + optind : (char **)stdin_only;
    int nfiles = argc > optind ? argc - optind : 1;
    int status = EXIT_OK;
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = c.input;
    ro.default_date = c.date;
    cli_apply_limits(&c, &ro, NULL);

    an_dict *d = NULL;
    an_pool *pool = NULL;
    if (!want_tokens) {
        int rc = cli_load_dict(&c, &d, 0);
        if (!d) return cli_exit_status(rc);
        t_loaded = now_seconds();
        an_code_opts co = AN_CODE_OPTS_INIT;
        co.default_date = c.date;
        cli_apply_limits(&c, NULL, &co);
        co.mode = (an_code_mode)c.mode;
        an_error err = {0};
        rc = an_pool_new(&pool, d, &co, c.threads ? c.threads : cli_default_threads(),
                         strcmp(c.output, "tsv") == 0 ? AN_FORMAT_TSV : AN_FORMAT_JSONL,
                         write_out, stdout, &err);
        if (rc < 0) {
            cli_error(&err);
            an_dict_free(d);
            return cli_exit_status(rc);
        }
        an_pool_set_diag(pool, print_diag, &status);
    }
    for (int f = 0; f < nfiles; f++) {
        an_error err = {0};
        an_reader *r;
        int rc = an_reader_open(&r, files[f], &ro, &err);
        if (rc < 0) {
            cli_error(&err);
            if (status < cli_exit_status(rc)) status = cli_exit_status(rc);
            continue;
        }
        const an_doc *doc;
        for (;;) {
            rc = an_reader_next(r, &doc, &err);
            if (rc == 0) break;
            if (rc < 0) {
                cli_error(&err);
                if (status < EXIT_BAD_INPUT) status = EXIT_BAD_INPUT;
                if (rc == AN_EIO || rc == AN_ENOMEM) break;
                continue;
            }
            rc = want_tokens ? debug_tokens(stdout, doc, &err) : an_pool_submit(pool, doc, &err);
            if (rc < 0) {
                cli_error(&err);
                status = EXIT_INTERNAL;
            }
        }
        an_reader_free(r);
    }
    if (pool) {
        an_error err = {0};
        if (an_pool_finish(pool, &err) < 0) {
            cli_error(&err);
            status = EXIT_INTERNAL;
        }
        if (want_stats) {
            size_t docs, sents, events;
            an_pool_counts(pool, &docs, &sents, &events);
            double t_end = now_seconds();
            fflush(stdout);
            fprintf(stderr,
                    "{\"documents\":%zu,\"sentences\":%zu,\"events\":%zu,\"threads\":%d,"
                    "\"dict_load_ms\":%.1f,\"code_ms\":%.1f}\n",
                    docs, sents, events, c.threads ? c.threads : cli_default_threads(),
                    (t_loaded - t_start) * 1e3, (t_end - t_loaded) * 1e3);
        }
        an_pool_free(pool);
    }
    an_dict_free(d);
    if (fflush(stdout) != 0) {
        cli_errorf("writing output failed");
        return EXIT_INTERNAL;
    }
    return status;
}
