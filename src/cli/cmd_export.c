/* cmd_export.c — `annalist export --db PATH --format jsonl|tsv|gdelt`: writes the stored
 * events (JSON Lines and TSV as `annalist code` prints them; GDELT 1.0 event-table rows,
 * one per roll-up) to stdout or a file. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
    OPT_DB = OPT_CMD_BASE,
    OPT_FORMAT,
    OPT_OUT,
    OPT_FROM,
    OPT_TO,
    OPT_ONE_A_DAY,
};

static const char help[] =
    "usage: annalist export --db PATH --format jsonl|tsv|gdelt [OPTIONS]\n"
    "\n"
    "Writes the events of the store PATH in store order (see docs/store.md).\n"
    "  jsonl   one event (mention) per line, the keys `annalist code` prints\n"
    "  tsv     date source target code doc sent, like the Phoenix/PETRARCH event files\n"
    "  gdelt   GDELT 1.0 event table: 58 tab-separated columns, one row per roll-up\n"
    "          (date, source, target, code) with its mention and article counts; the\n"
    "          columns the store cannot fill (tone, coordinates ...) are empty\n"
    "\n"
    "options:\n"
    "  --db PATH         the store (required)\n"
    "  --format FORMAT   jsonl|tsv|gdelt (required)\n"
    "  --out FILE        write to FILE instead of stdout\n"
    "  --from DATE       events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --to DATE         events up to DATE, inclusive\n"
    "  --one-a-day       jsonl/tsv: one event per date, source, target and code (Phoenix)\n"
    "  --help            this help\n";

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"out", required_argument, NULL, OPT_OUT},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"one-a-day", no_argument, NULL, OPT_ONE_A_DAY},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL, *out_path = NULL;
    int fmt = -1;
    an_store_filter f = AN_STORE_FILTER_INIT;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HELP: fputs(help, stdout); return EXIT_OK;
        case OPT_DB: db = optarg; break;
        case OPT_FORMAT:
            fmt = an_export_format_parse(optarg);
            if (fmt < 0) {
                cli_errorf("--format: expected jsonl, tsv or gdelt, got \"%s\"", optarg);
                return EXIT_BAD_INPUT;
            }
            break;
        case OPT_OUT: out_path = optarg; break;
        case OPT_FROM: f.from = optarg; break;
        case OPT_TO: f.to = optarg; break;
        case OPT_ONE_A_DAY: f.one_a_day = 1; break;
        default: fputs(help, stderr); return EXIT_BAD_INPUT;
        }
    }
    if (!db || fmt < 0) {
        cli_errorf("export: --db PATH and --format jsonl|tsv|gdelt are required");
        fputs(help, stderr);
        return EXIT_BAD_INPUT;
    }
    if (optind < argc) {
        cli_errorf("export: unexpected argument \"%s\"", argv[optind]);
        return EXIT_BAD_INPUT;
    }
    an_store *s;
    an_error err = {0};
    int rc = an_store_open(&s, db, AN_STORE_READONLY, &err);
    if (rc < 0) {
        cli_error(&err);
        return cli_exit_status(rc);
    }
    FILE *out = stdout;
    static char outbuf[1 << 20];
    if (out_path && strcmp(out_path, "-") != 0) {
        out = fopen(out_path, "w");
        if (!out) {
            cli_errorf("%s: cannot create the file", out_path);
            an_store_close(s);
            return EXIT_BAD_INPUT;
        }
    }
    setvbuf(out, outbuf, _IOFBF, sizeof outbuf);
    rc = an_store_export(s, (an_export_format)fmt, &f, out, &err);
    an_store_close(s);
    int status = EXIT_OK;
    if (rc < 0) {
        cli_error(&err);
        status = cli_exit_status(rc);
    }
    if (out != stdout && fclose(out) != 0 && status == EXIT_OK) {
        cli_errorf("%s: writing failed", out_path);
        status = EXIT_BAD_INPUT;
    }
    return status;
}
