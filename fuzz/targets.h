/* targets.h — the bodies of annalist's fuzz targets as plain functions, shared by the
 * libFuzzer executables (fuzz/driver.c, one per target) and the regression replay test
 * (tests/fuzz_replay.c). Each takes one input and returns 0; a bug shows as a crash, a
 * sanitizer report or an abort from a broken invariant. Uses only include/annalist.h. */
#ifndef AN_FUZZ_TARGETS_H
#define AN_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

/* Input readers (an_reader_open_mem with the format forced). Every document read is also
 * analysed (an_analyze) and its tokens and sentences checked against the text. */
int an_fuzz_read_text(const uint8_t *data, size_t size);
int an_fuzz_read_jsonl(const uint8_t *data, size_t size);
int an_fuzz_read_xml(const uint8_t *data, size_t size);
int an_fuzz_read_tabari(const uint8_t *data, size_t size);

/* Dictionary loaders: the input is written to a file whose name selects the loader; the
 * dictionary is then finished and, with a small fixed companion dictionary, used to code a
 * few fixed sentences and the input itself. */
int an_fuzz_dict_tabari_actors(const uint8_t *data, size_t size);
int an_fuzz_dict_tabari_agents(const uint8_t *data, size_t size);
int an_fuzz_dict_tabari_verbs(const uint8_t *data, size_t size);
int an_fuzz_dict_tabari_options(const uint8_t *data, size_t size);
int an_fuzz_dict_petrarch_actors(const uint8_t *data, size_t size);
int an_fuzz_dict_petrarch_agents(const uint8_t *data, size_t size);
int an_fuzz_dict_petrarch_verbs(const uint8_t *data, size_t size);   /* PETRARCH-1 style */
int an_fuzz_dict_petrarch2_verbs(const uint8_t *data, size_t size);  /* CAMEO.2.0 style */
int an_fuzz_dict_discards(const uint8_t *data, size_t size);
int an_fuzz_dict_issues(const uint8_t *data, size_t size);

/* The coder with a fixed dictionary (the TABARI validation suite's, or the PETRARCH unit
 * tests'; ANNALIST_FUZZ_DICT overrides): the input is TEXT, optionally followed by a NUL
 * byte and a Penn Treebank parse. It is coded as one single-sentence document (with the
 * parse, explain on) and as a multi-sentence text document. */
int an_fuzz_code_tabari(const uint8_t *data, size_t size);
int an_fuzz_code_petrarch(const uint8_t *data, size_t size);
int an_fuzz_code_annalist(const uint8_t *data, size_t size);
int an_fuzz_store_query(const uint8_t *data, size_t size);

typedef int (*an_fuzz_fn)(const uint8_t *data, size_t size);

typedef struct an_fuzz_target {
    const char *name;          /* "read_text": the directory name under fuzz-regressions */
    an_fuzz_fn fn;
} an_fuzz_target;

/* Every target, ending with {NULL, NULL}. */
extern const an_fuzz_target an_fuzz_targets[];

#endif
