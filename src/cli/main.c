/* main.c — the annalist program: dispatches to a command (cmd_*.c) and holds the option
 * handling and messages the commands share. */
#include <stdarg.h>
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
    cli_errorf("unknown command \"%s\"; run 'annalist --help'", cmd);
    return EXIT_BAD_INPUT;
}
