/* cmd_validate.c — `annalist validate SUITE.jsonl`: runs a gold suite and prints one line
 * per failing record (expected vs produced), then "N passed, M failed". */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_PARSE = OPT_CMD_BASE, OPT_ALL, OPT_QUIET };

static const char help[] =
    "usage: annalist validate [OPTIONS] SUITE.jsonl\n"
    "\n"
    "Codes every record of a gold suite (annalist gold JSONL v1) and compares the events with\n"
    "the record's expectation. Prints one line per failing record and a last line\n"
    "\"N passed, M failed\". Without --dict, uses the suite's suite.dictset (and the options\n"
    "file named in suite.json) from the suite's folder.\n"
    "\n"
    "options:\n"
    "  --dict PATH       dictionaries to use instead (repeatable)\n"
    "  --parse MODE      use|ignore the records' Penn Treebank parses (default use)\n"
    "  --all             print passing records too\n"
    "  --quiet           print only the last line\n"
    "  --help            this help\n";

typedef struct vstate {
    int all, quiet;
} vstate;

static void on_record(void *ud, const an_validate_record *r)
{
    vstate *st = ud;
    if (st->quiet || !r->counted) return;
    if (r->passed && !st->all) return;
    printf("%s %s [%s]: expected %s, produced %s\n", r->passed ? "PASS" : "FAIL", r->id,
           r->category, r->expected, r->produced);
}

static void on_diag(void *ud, const an_error *e)
{
    (void)ud;
    if (e->code == 0) return; /* warnings (duplicate entries) are not shown here */
    cli_error(e);
}

int cmd_validate(int argc, char **argv)
{
    const char *dicts[CLI_MAX_DICTS];
    size_t ndicts = 0;
    vstate st = {0, 0};
    an_validate_opts vo = AN_VALIDATE_OPTS_INIT;
    static const struct option longopts[] = {
        {"dict", required_argument, NULL, OPT_DICT},
        {"parse", required_argument, NULL, OPT_PARSE},
        {"all", no_argument, NULL, OPT_ALL},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HELP: fputs(help, stdout); return EXIT_OK;
        case OPT_DICT:
            if (ndicts >= CLI_MAX_DICTS) {
                cli_errorf("too many --dict options");
                return EXIT_BAD_INPUT;
            }
            dicts[ndicts++] = optarg;
            break;
        case OPT_PARSE:
            if (!strcmp(optarg, "use")) vo.parse = AN_PARSE_USE;
            else if (!strcmp(optarg, "ignore")) vo.parse = AN_PARSE_IGNORE;
            else {
                cli_errorf("--parse: expected use or ignore, got \"%s\"", optarg);
                return EXIT_BAD_INPUT;
            }
            break;
        case OPT_ALL: st.all = 1; break;
        case OPT_QUIET: st.quiet = 1; break;
        default: fputs(help, stderr); return EXIT_BAD_INPUT;
        }
    }
    if (optind != argc - 1) {
        fputs(help, stderr);
        return EXIT_BAD_INPUT;
    }
    vo.dicts = ndicts ? dicts : NULL;
    vo.ndicts = ndicts;
    vo.diag = on_diag;
    an_validate_summary sum;
    an_error err = {0};
    int rc = an_validate(argv[optind], &vo, on_record, &st, &sum, &err);
    if (rc < 0) {
        cli_error(&err);
        return cli_exit_status(rc);
    }
    printf("%zu passed, %zu failed\n", sum.passed, sum.failed);
    return EXIT_OK;
}
