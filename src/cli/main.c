/* main.c — the annalist program: dispatches to a command (cmd_*.c) and holds the option
 * handling and messages the commands share. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "annalist " AN_VERSION " — political event data from news text (CAMEO)\n"
    "\n"
    "usage: annalist COMMAND [OPTIONS] ...\n"
    "\n"
    "commands:\n"
    "  code     [OPTIONS] [FILE...]      code documents, print events (stdin when no FILE)\n"
    "  explain  [OPTIONS] TEXT|-         one sentence: tokens, actors, rules tried, events\n"
    "  validate [OPTIONS] SUITE.jsonl    run a gold suite; last line \"N passed, M failed\"\n"
    "  dict     check|stats DICT...      load dictionaries, report problems, print counts\n"
    "  ingest   --db PATH [OPTIONS] [FILE...]  code documents and store them (SQLite)\n"
    "  query    --db PATH [OPTIONS]      events, time series, top actors and dyads\n"
    "  export   --db PATH --format jsonl|tsv|gdelt  write the stored events\n"
    "\n"
    "Run 'annalist COMMAND --help' for the options of a command.\n";

void cli_error(const an_error *err)
{
    char buf[1024];
    fprintf(stderr, "annalist: %s\n", an_error_text(err, buf, sizeof buf));
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("annalist: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int cli_exit_status(int rc)
{
    if (rc >= 0) return EXIT_OK;
    if (rc == AN_ENOMEM || rc == AN_EINTERNAL) return EXIT_INTERNAL;
    return EXIT_BAD_INPUT;
}

/* A limit: a number from lo to hi, optionally followed by k (1024) or M (1024 * 1024).
 * Returns 1, or -1 after saying what is wrong. */
static int parse_limit(const char *opt, const char *arg, uint64_t lo, uint64_t hi, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    uint64_t mult = 1;
    if (end != arg && (*end == 'k' || *end == 'K')) mult = 1024, end++;
    else if (end != arg && *end == 'M') mult = 1024 * 1024, end++;
    if (end == arg || *end || arg[0] == '-' || errno == ERANGE || n > hi / mult ||
        n * mult < lo) {
        cli_errorf("%s: expected a number from %llu to %llu (k and M suffixes allowed), got "
                   "\"%s\"", opt, (unsigned long long)lo, (unsigned long long)hi, arg);
        return -1;
    }
    *out = (size_t)(n * mult);
    return 1;
}

void cli_apply_limits(const cli_common *c, an_read_opts *ro, an_code_opts *co)
{
    if (ro && c->max_line_bytes) ro->max_line_bytes = c->max_line_bytes;
    if (ro && c->max_doc_bytes) ro->max_doc_bytes = c->max_doc_bytes;
    if (co && c->max_sentence_bytes) co->max_sentence_bytes = c->max_sentence_bytes;
    if (co && c->max_sentence_tokens) co->max_sentence_tokens = c->max_sentence_tokens;
}

int cli_common_option(cli_common *c, int opt, const char *arg)
{
    switch (opt) {
    case OPT_DICT:
        if (c->ndicts >= CLI_MAX_DICTS) {
            cli_errorf("too many --dict options (at most %d)", CLI_MAX_DICTS);
            return -1;
        }
        c->dicts[c->ndicts++] = arg;
        return 1;
    case OPT_INPUT: {
        int f = an_input_format_parse(arg);
        if (f < 0) {
            cli_errorf("--input: unknown format \"%s\" (expected auto, text, jsonl, "
                       "petrarch-xml or tabari)", arg);
            return -1;
        }
        c->input = (an_input_format)f;
        return 1;
    }
    case OPT_OUTPUT:
        if (strcmp(arg, "jsonl") != 0 && strcmp(arg, "tsv") != 0) {
            cli_errorf("--output: unknown format \"%s\" (expected jsonl or tsv)", arg);
            return -1;
        }
        c->output = arg;
        return 1;
    case OPT_DATE:
        if (strlen(arg) != 10 || arg[4] != '-' || arg[7] != '-') {
            cli_errorf("--date: \"%s\" is not a date YYYY-MM-DD", arg);
            return -1;
        }
        c->date = arg;
        return 1;
    case OPT_MODE: {
        int m = an_code_mode_parse(arg);
        if (m < 0) {
            cli_errorf("--mode: expected tabari, petrarch or annalist, got \"%s\"", arg);
            return -1;
        }
        c->mode = m;
        return 1;
    }
    case OPT_MAX_LINE_BYTES:
        return parse_limit("--max-line-bytes", arg, 1, UINT32_MAX, &c->max_line_bytes);
    case OPT_MAX_DOC_BYTES:
        /* Offsets into a document are 32-bit. */
        return parse_limit("--max-doc-bytes", arg, 1, UINT32_MAX, &c->max_doc_bytes);
    case OPT_MAX_SENTENCE_BYTES:
        return parse_limit("--max-sentence-bytes", arg, 1, UINT32_MAX, &c->max_sentence_bytes);
    case OPT_MAX_SENTENCE_TOKENS:
        /* Token positions within a sentence are 16-bit. */
        return parse_limit("--max-sentence-tokens", arg, 1, 65535, &c->max_sentence_tokens);
    case OPT_THREADS: {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*end || n < 1 || n > 256) {
            cli_errorf("--threads: expected a number from 1 to 256, got \"%s\"", arg);
            return -1;
        }
        c->threads = (int)n;
        return 1;
    }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("annalist " AN_VERSION);
        return EXIT_OK;
    }
    const char *cmd = argv[1];
    argc--;
    argv++;
    if (strcmp(cmd, "code") == 0) return cmd_code(argc, argv);
    if (strcmp(cmd, "dict") == 0) return cmd_dict(argc, argv);
    if (strcmp(cmd, "validate") == 0) return cmd_validate(argc, argv);
    if (strcmp(cmd, "explain") == 0) return cmd_explain(argc, argv);
    if (strcmp(cmd, "ingest") == 0) return cmd_ingest(argc, argv);
    if (strcmp(cmd, "query") == 0) return cmd_query(argc, argv);
    if (strcmp(cmd, "export") == 0) return cmd_export(argc, argv);
    cli_errorf("unknown command \"%s\"; run 'annalist --help'", cmd);
    return EXIT_BAD_INPUT;
}
