/* cli.h — shared pieces of the annalist command-line program: the common options, messages
 * and the command entry points. The CLI uses only the public API (include/annalist.h). */
#ifndef AN_CLI_H
#define AN_CLI_H

#include <stdio.h>

#include "annalist.h"

#define CLI_MAX_DICTS 64

/* Exit statuses (SPEC §2). */
enum { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_INTERNAL = 2 };

typedef struct cli_common {
    const char *dicts[CLI_MAX_DICTS];
    int ndicts;
    an_input_format input;
    const char *output;      /* "jsonl" or "tsv" */
    const char *date;
    int threads;
    int mode;                /* an_code_mode */
    /* Limits (docs/robustness.md); 0 keeps the library's default. */
    size_t max_line_bytes, max_doc_bytes, max_sentence_bytes, max_sentence_tokens;
} cli_common;

/* Reports an error as "annalist: file:line: message" on stderr. */
void cli_error(const an_error *err);
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Number of online cores (the default for --threads). */
int cli_default_threads(void);
/* Maps a library return code to an exit status. */
int cli_exit_status(int rc);
/* Parses a common option (returns 1 if it was one, 0 if not, -1 on a bad value). */
int cli_common_option(cli_common *c, int opt, const char *arg);
/* Puts the --max-* limits given into the reader and coder options (either may be NULL). */
void cli_apply_limits(const cli_common *c, an_read_opts *ro, an_code_opts *co);
/* Loads the dictionaries named with --dict, or the bundled set; reports problems.
 * quiet: 0 problems and a count of warnings, 1 nothing, 2 problems and every warning. */
int cli_load_dict(const cli_common *c, an_dict **out, int quiet_problems);

int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);

/* Option values for getopt_long shared by commands. */
enum {
    OPT_DICT = 1000,
    OPT_INPUT,
    OPT_OUTPUT,
    OPT_DATE,
    OPT_THREADS,
    OPT_HELP,
    OPT_MODE,
    OPT_MAX_LINE_BYTES,
    OPT_MAX_DOC_BYTES,
    OPT_MAX_SENTENCE_BYTES,
    OPT_MAX_SENTENCE_TOKENS,
    OPT_CMD_BASE = 1100, /* commands number their own options from here */
};

#define CLI_COMMON_LONGOPTS                                       \
    {"dict", required_argument, NULL, OPT_DICT},                  \
    {"input", required_argument, NULL, OPT_INPUT},                \
    {"output", required_argument, NULL, OPT_OUTPUT},              \
    {"date", required_argument, NULL, OPT_DATE},                  \
    {"threads", required_argument, NULL, OPT_THREADS},            \
    {"help", no_argument, NULL, OPT_HELP},                        \
    {"mode", required_argument, NULL, OPT_MODE},                  \
    {"max-line-bytes", required_argument, NULL, OPT_MAX_LINE_BYTES}, \
    {"max-doc-bytes", required_argument, NULL, OPT_MAX_DOC_BYTES}, \
    {"max-sentence-bytes", required_argument, NULL, OPT_MAX_SENTENCE_BYTES}, \
    {"max-sentence-tokens", required_argument, NULL, OPT_MAX_SENTENCE_TOKENS}

#define CLI_COMMON_HELP                                                                    \
    "  --dict PATH       dictionary file, directory or .dictset (repeatable;\n"            \
    "                    default: the bundled dictionaries)\n"                             \
    "  --input FORMAT    auto|text|jsonl|petrarch-xml|tabari (default auto)\n"             \
    "  --output FORMAT   jsonl|tsv (default jsonl)\n"                                      \
    "  --date DATE       document date YYYY-MM-DD when the input has none\n"               \
    "  --threads N       worker threads (default: number of cores)\n"                      \
    "  --mode MODE       tabari|petrarch|annalist: how sentences are read (default: what\n"  \
    "                    the dictionaries ask for; the bundled set asks for annalist)\n"   \
    "  --max-line-bytes N      longest input line (default 8M); a longer line is an\n"     \
    "                          error for its document\n"                                   \
    "  --max-doc-bytes N       longest document (default 32M; at most 4G-1)\n"             \
    "  --max-sentence-bytes N  longer sentences are reported and not coded (default 4096)\n" \
    "  --max-sentence-tokens N tokens coded per sentence (default 256, 1..65535; TABARI\n"  \
    "                          dictionaries stop at 126); the rest is reported, not coded\n" \
    "                          (each N may end in k or M: 64k, 8M)\n"                  \
    "  --help            this help\n"

#endif
