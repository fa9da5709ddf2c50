/* cmd_dict.c — `annalist dict check|stats DICT...`: load dictionaries, report every problem
 * with file:line, and print what was loaded. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

enum { OPT_JSON = OPT_CMD_BASE, OPT_QUIET };

static const char help[] =
    "usage: annalist dict check|stats [OPTIONS] [DICT...]\n"
    "\n"
    "Loads dictionaries (files, directories or .dictset lists; default: the bundled set).\n"
    "  check   print every problem as file:line: message; exit 1 if there is any\n"
    "  stats   print counts of what was loaded\n"
    "\n"
    "options:\n"
    "  --json    stats as one JSON object\n"
    "  --quiet   stats without the list of problems\n"
    "  --help    this help\n";

static void print_stats(const an_dict_stats *s, int json)
{
    struct { const char *name; size_t v; } rows[] = {
        {"files", s->files},           {"problems", s->problems},
        {"actors", s->actors},         {"actor_phrases", s->actor_phrases},
        {"dated_actors", s->dated_actors}, {"places", s->places},
        {"agents", s->agents},         {"agent_phrases", s->agent_phrases},
        {"verbs", s->verbs},           {"verb_forms", s->verb_forms},
        {"patterns", s->patterns},     {"synsets", s->synsets},
        {"event_codes", s->event_codes}, {"discards", s->discards},
        {"issues", s->issues},         {"nouns", s->nouns},
        {"adjectives", s->adjectives}, {"time_phrases", s->time_phrases},
        {"words", s->words},           {"people", s->people},
        {"countries", s->countries},   {"organizations", s->organizations},
    };
    size_t n = sizeof rows / sizeof rows[0];
    if (json) {
        putchar('{');
        for (size_t i = 0; i < n; i++) printf("%s\"%s\":%zu", i ? "," : "", rows[i].name, rows[i].v);
        puts("}");
        return;
    }
    for (size_t i = 0; i < n; i++) printf("%-14s %zu\n", rows[i].name, rows[i].v);
}

int cmd_dict(int argc, char **argv)
{
    int json = 0, quiet = 0;
    static const struct option longopts[] = {
        {"json", no_argument, NULL, OPT_JSON},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == OPT_HELP) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (opt == OPT_JSON) json = 1;
        else if (opt == OPT_QUIET) quiet = 1;
        else {
            fputs(help, stderr);
            return EXIT_BAD_INPUT;
        }
    }
    if (optind >= argc || (strcmp(argv[optind], "check") != 0 && strcmp(argv[optind], "stats") != 0)) {
        fputs(help, stderr);
        return EXIT_BAD_INPUT;
    }
    int check = strcmp(argv[optind], "check") == 0;
    cli_common c = {0};
    for (int i = optind + 1; i < argc; i++) {
        if (c.ndicts >= CLI_MAX_DICTS) {
            cli_errorf("too many dictionaries (at most %d)", CLI_MAX_DICTS);
            return EXIT_BAD_INPUT;
        }
        c.dicts[c.ndicts++] = argv[i];
    }
    an_dict *d = NULL;
    int rc = cli_load_dict(&c, &d, check ? 2 : quiet);
    if (!d) return cli_exit_status(rc);
    an_dict_stats s;
    an_dict_get_stats(d, &s);
    if (check) {
        if (s.problems) cli_errorf("%zu problem(s) found", s.problems);
        else printf("ok: %zu files, %zu actors, %zu agents, %zu verbs, %zu patterns\n", s.files,
                    s.actors, s.agents, s.verbs, s.patterns);
    } else {
        print_stats(&s, json);
    }
    an_dict_free(d);
    return s.problems ? EXIT_BAD_INPUT : EXIT_OK;
}
