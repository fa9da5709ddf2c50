/* test_cameo.c - unit tests for the compiled CAMEO table (an_cameo_lookup): every code of the
 * shared cameo_event_codes.tsv, a few known facts, and the conflict decisions of docs/cameo.md. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annalist.h"

#define TSV_PATH AN_TEST_SHARED_DATA "/cameo/cameo_event_codes.tsv"
#define MAX_FIELDS 32

/* Splits line in place at tabs (empty fields kept); returns the number of fields. */
static int split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;

    line[strcspn(line, "\r\n")] = '\0';
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, '\t');
        if (!p) break;
        *p++ = '\0';
    }
    return n;
}

static int column(char **fields, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i], name) == 0) return i;
    return -1;
}

static int is_plover_category(const char *s)
{
    static const char *const cats[] = {
        "AGREE",   "CONSULT",  "SUPPORT", "CONCEDE",  "COOPERATE", "AID",
        "RETREAT", "REQUEST",  "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
        "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    };
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++)
        if (strcmp(s, cats[i]) == 0) return 1;
    return 0;
}

static const an_cameo_info *must_find(const char *code)
{
    const an_cameo_info *ci = an_cameo_lookup(code);
    if (!ci) fail_msg("an_cameo_lookup(\"%s\") returned NULL", code);
    return ci;
}

/* (a) Every code of the TSV resolves, with the TSV's quad class and Goldstein value. */
static void test_every_tsv_code(void **state)
{
    (void)state;
    FILE *f = fopen(TSV_PATH, "r");
    if (!f) fail_msg("cannot open %s", TSV_PATH);

    char line[8192];
    char *fields[MAX_FIELDS];
    if (!fgets(line, sizeof line, f)) fail_msg("%s: empty", TSV_PATH);
    int nh = split_tabs(line, fields, MAX_FIELDS);
    int c_code = column(fields, nh, "code");
    int c_gold = column(fields, nh, "goldstein");
    int c_quad = column(fields, nh, "quad_class");
    assert_true(c_code >= 0 && c_gold >= 0 && c_quad >= 0);

    int rows = 0, with_goldstein = 0, roots = 0;
    while (fgets(line, sizeof line, f)) {
        int n = split_tabs(line, fields, MAX_FIELDS);
        if (n == 1 && fields[0][0] == '\0') continue;
        if (n <= c_code || n <= c_gold || n <= c_quad)
            fail_msg("%s: row %d has %d fields", TSV_PATH, rows + 2, n);
        const char *code = fields[c_code];
        const an_cameo_info *ci = must_find(code);
        rows++;
        if (strlen(code) == 2) roots++;

        if (strcmp(ci->code, code) != 0) fail_msg("%s: entry says code %s", code, ci->code);
        if (!ci->name || !ci->name[0]) fail_msg("%s: no name", code);
        if (ci->quad != atoi(fields[c_quad]))
            fail_msg("%s: quad %d, TSV says %s", code, ci->quad, fields[c_quad]);
        if (isnan(ci->goldstein)) fail_msg("%s: Goldstein is NAN; every code has a value", code);
        if (fields[c_gold][0]) {
            with_goldstein++;
            double want = strtod(fields[c_gold], NULL);
            if (fabs(ci->goldstein - want) > 1e-9)
                fail_msg("%s: Goldstein %g, TSV says %s", code, ci->goldstein, fields[c_gold]);
        }

        /* PLOVER: none for roots 01 and 02 and their children; one category for the rest. */
        if (!ci->plover) fail_msg("%s: plover is NULL", code);
        if (strncmp(code, "01", 2) == 0 || strncmp(code, "02", 2) == 0) {
            if (ci->plover[0]) fail_msg("%s: PLOVER %s, decided none", code, ci->plover);
        } else if (!is_plover_category(ci->plover)) {
            fail_msg("%s: PLOVER \"%s\" is not one PLOVER category", code, ci->plover);
        }
    }
    fclose(f);
    assert_int_equal(rows, 313);
    assert_int_equal(roots, 20);
    assert_int_equal(with_goldstein, 311);
}

/* (b) Known facts and codes that are not CAMEO codes. */
static void test_known_facts(void **state)
{
    (void)state;
    const an_cameo_info *ci = must_find("042");
    assert_string_equal(ci->code, "042");
    assert_string_equal(ci->name, "Make a visit");
    assert_int_equal(ci->quad, 1);
    assert_true(fabs(ci->goldstein - 1.9) < 1e-9);
    assert_string_equal(ci->plover, "CONSULT");

    assert_int_equal(must_find("190")->quad, 4);
    assert_string_equal(must_find("0233")->name, "Appeal for humanitarian aid");
    assert_int_equal(must_find("0233")->quad, 1);
    assert_int_equal(must_find("06")->quad, 2);
    assert_int_equal(must_find("14")->quad, 3);
    assert_true(fabs(must_find("20")->goldstein - -10.0) < 1e-9);
    assert_string_equal(must_find("19")->name, "FIGHT");
    assert_string_equal(must_find("044")->name, "Meet at a \"third\" location");

    assert_null(an_cameo_lookup("999"));
    assert_null(an_cameo_lookup(""));
    assert_null(an_cameo_lookup("04a"));
    assert_null(an_cameo_lookup(NULL));
    assert_null(an_cameo_lookup("00"));
    assert_null(an_cameo_lookup("21"));
    assert_null(an_cameo_lookup("0"));
    assert_null(an_cameo_lookup("042 "));
    assert_null(an_cameo_lookup(" 042"));
    assert_null(an_cameo_lookup("0421"));
    assert_null(an_cameo_lookup("20421"));
}

/* (c) The decisions recorded in docs/cameo.md and tools/gen_cameo_table.py. */
static void test_conflict_decisions(void **state)
{
    (void)state;
    /* 101, 105-108: TABARI 0.7b5 / CAMEO2PLOVER meaning, not GDELT's. */
    assert_string_equal(must_find("101")->name, "Demand material cooperation");
    assert_string_equal(must_find("105")->name, "Demand that target yields");
    assert_string_equal(must_find("106")->name, "Demand meeting, negotiation");
    assert_string_equal(must_find("107")->name, "Demand settling of dispute");
    assert_string_equal(must_find("108")->name, "Demand mediation");

    /* 1213, 1214: named from TABARI; Goldstein of the parent 121 (-4.0). */
    assert_string_equal(must_find("1213")->name, "Reject judicial cooperation");
    assert_string_equal(must_find("1214")->name, "Reject intelligence cooperation");
    assert_true(fabs(must_find("121")->goldstein - -4.0) < 1e-9);
    assert_true(must_find("1213")->goldstein == must_find("121")->goldstein);
    assert_true(must_find("1214")->goldstein == must_find("121")->goldstein);
    assert_int_equal(must_find("1213")->quad, 3);
    assert_string_equal(must_find("1214")->plover, "REJECT");

    /* Roots 01 and 02 and their children: no PLOVER category. */
    assert_string_equal(must_find("01")->plover, "");
    assert_string_equal(must_find("010")->plover, "");
    assert_string_equal(must_find("02")->plover, "");
    assert_string_equal(must_find("0256")->plover, "");
    assert_string_equal(must_find("03")->plover, "AGREE");

    /* 08 -> CONCEDE|RETREAT: the root takes CONCEDE (as 080); each code keeps its own line. */
    assert_string_equal(must_find("08")->plover, "CONCEDE");
    assert_string_equal(must_find("080")->plover, "CONCEDE");
    assert_string_equal(must_find("0811")->plover, "CONCEDE");
    assert_string_equal(must_find("0813")->plover, "RETREAT");
    assert_string_equal(must_find("0814")->plover, "RETREAT");
    assert_string_equal(must_find("083")->plover, "CONCEDE");
    assert_string_equal(must_find("084")->plover, "RETREAT");
    assert_string_equal(must_find("0874")->plover, "RETREAT");

    /* Codes the mapping puts outside their root's category keep the mapping's value. */
    assert_string_equal(must_find("16")->plover, "SANCTION");
    assert_string_equal(must_find("163")->plover, "COERCE");
    assert_string_equal(must_find("17")->plover, "COERCE");
    assert_string_equal(must_find("1712")->plover, "ASSAULT");
    assert_string_equal(must_find("175")->plover, "ASSAULT");
    assert_string_equal(must_find("19")->plover, "ASSAULT");
    assert_string_equal(must_find("191")->plover, "COERCE");
    assert_string_equal(must_find("192")->plover, "COERCE");
    assert_string_equal(must_find("201")->plover, "ASSAULT");

    /* Corrected typing slips in GDELT's names. */
    assert_string_equal(must_find("033")->name,
                        "Express intent to provide material aid, not specified below");
    assert_string_equal(must_find("2041")->name,
                        "Use chemical, biological, or radiological weapons");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_tsv_code),
        cmocka_unit_test(test_known_facts),
        cmocka_unit_test(test_conflict_decisions),
    };
    return cmocka_run_group_tests_name("cameo", tests, NULL, NULL);
}
