/* cmd_explain.c — `annalist explain "sentence"`: codes one sentence and shows every step:
 * tokens and their types, the phrases found, compounds, clauses, each verb and the patterns
 * tried with the outcome, and the events. For people who maintain dictionaries. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: annalist explain [OPTIONS] TEXT|-\n"
    "\n"
    "Codes TEXT (or stdin with '-') as one sentence and shows how: tokens, phrases found,\n"
    "actors, clauses, each verb and every pattern tried, and the events.\n"
    "\n"
    "options:\n"
    "  --dict PATH       dictionary file, directory or .dictset (repeatable)\n"
    "  --date DATE       document date YYYY-MM-DD (default: today is not assumed; none)\n"
    "  --help            this help\n";

static char *read_stdin(size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            if (cap > (64u << 20)) break;
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
        }
    }
    *len = n;
    return buf;
}

int cmd_explain(int argc, char **argv)
{
    cli_common c = {.input = AN_INPUT_AUTO, .output = "jsonl"};
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == OPT_HELP) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        int r = cli_common_option(&c, opt, optarg);
        if (r <= 0) {
            if (r == 0) fputs(help, stderr);
            return EXIT_BAD_INPUT;
        }
    }
    if (optind != argc - 1) {
        fputs(help, stderr);
        return EXIT_BAD_INPUT;
    }
    char *owned = NULL;
    const char *text = argv[optind];
    size_t len = strlen(text);
    if (!strcmp(text, "-")) {
        owned = read_stdin(&len);
        if (!owned) {
            cli_errorf("cannot read stdin");
            return EXIT_INTERNAL;
        }
        text = owned;
    }
    an_dict *d = NULL;
    int rc = cli_load_dict(&c, &d, 1);
    if (!d) {
        free(owned);
        return cli_exit_status(rc);
    }
    an_code_opts co = AN_CODE_OPTS_INIT;
    co.explain = 1;
    co.default_date = c.date;
    co.mode = (an_code_mode)c.mode;
    cli_apply_limits(&c, NULL, &co);
    an_coder *coder;
    an_error err = {0};
    rc = an_coder_new(&coder, d, &co, &err);
    if (rc == 0) {
        an_doc doc = {0};
        doc.id = "explain";
        doc.date = c.date;
        doc.text = text;
        doc.text_len = len;
        doc.single_sentence = 1;
        an_result res;
        rc = an_coder_code(coder, &doc, &res, &err);
        if (rc == 0) {
            fputs(res.trace ? res.trace : "", stdout);
            printf("events: %zu\n", res.event_count);
            for (size_t i = 0; i < res.event_count; i++) {
                const an_event *e = &res.events[i];
                printf("  %s %s %s  source \"%s\"  target \"%s\"  verb \"%s\"\n    rule %s\n",
                       e->source, e->target, e->code, e->source_text, e->target_text,
                       e->verb_text, e->rule);
            }
        }
        an_coder_free(coder);
    }
    if (rc < 0) cli_error(&err);
    an_dict_free(d);
    free(owned);
    return cli_exit_status(rc);
}
