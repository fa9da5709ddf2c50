/* test_text_normalize.c - unit tests for the matching form of words (text/normalize.h):
 * upper case, diacritics stripped, typographic apostrophes and dashes made ASCII,
 * compatibility forms unified, other scripts kept, and dotted acronyms in dictionary words. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "text/normalize.h"
#include "text/utf8.h"

static void expect_norm(const char *in, const char *want)
{
    char out[256];
    size_t n = an_normalize(in, strlen(in), out, sizeof out);
    if (n != strlen(want) || strcmp(out, want) != 0)
        fail_msg("an_normalize(\"%s\") = \"%s\" (%zu), expected \"%s\"", in, out, n, want);
    /* Whatever comes out is valid UTF-8. */
    assert_true(an_utf8_check(out, n, NULL));
}

static void expect_word(const char *in, const char *want)
{
    char out[256];
    size_t n = an_normalize_word(in, strlen(in), out, sizeof out);
    if (n != strlen(want) || strcmp(out, want) != 0)
        fail_msg("an_normalize_word(\"%s\") = \"%s\" (%zu), expected \"%s\"", in, out, n, want);
}

static void test_latin(void **state)
{
    (void)state;
    expect_norm("Pakistan", "PAKISTAN");
    expect_norm("Türkiye", "TURKIYE");
    expect_norm("São Tomé", "SAO TOME");
    expect_norm("Côte d'Ivoire", "COTE D'IVOIRE");
    expect_norm("Curaçao", "CURACAO");
    /* Letters with a stroke or a ligature have no decomposition; they fold all the same. */
    expect_norm("Łódź", "LODZ");
    expect_norm("Øresund", "ORESUND");
    expect_norm("Đoković", "DOKOVIC");
    expect_norm("Ærø", "AERO");
    expect_norm("Œuvre", "OEUVRE");
}

static void test_latin_special(void **state)
{
    (void)state;
    expect_norm("Straße", "STRASSE");         /* ß folds to SS */
    expect_norm("GROẞE", "GROSSE");           /* capital sharp s too */
    expect_norm("İstanbul", "ISTANBUL");      /* dotted capital I */
    expect_norm("Diyarbakır", "DIYARBAKIR");  /* dotless i */
    expect_norm("ﬁnance ﬂow", "FINANCE FLOW"); /* ligatures */
    expect_norm("ＵＮＩＣＥＦ", "UNICEF");      /* full-width forms */
    expect_norm("H₂O x²", "H2O X2");            /* sub- and superscripts */
    expect_norm("Ménage à trois", "MENAGE A TROIS");
    /* Decomposed input (letter + combining mark) gives the same as precomposed. */
    expect_norm("Tu\xCC\x88rkiye", "TURKIYE");
    expect_norm("1990s", "1990S");
}

static void test_punctuation(void **state)
{
    (void)state;
    expect_norm("Pakistan’s", "PAKISTAN'S");   /* U+2019 */
    expect_norm("Pakistan‘s", "PAKISTAN'S");   /* U+2018 */
    expect_norm("ministersʼ", "MINISTERS'");   /* U+02BC modifier apostrophe */
    expect_norm("China–Pakistan", "CHINA-PAKISTAN");  /* en dash */
    expect_norm("peace—war", "PEACE-WAR");             /* em dash */
    expect_norm("non‑aligned", "NON-ALIGNED");         /* non-breaking hyphen */
    expect_norm("“quoted”", "\"QUOTED\"");
    expect_norm("«Le Monde»", "\"LE MONDE\"");
    expect_norm("U.S.", "U.S.");
    expect_norm("$5.2", "$5.2");
    expect_norm("€300", "€300");
}

static void test_other_scripts(void **state)
{
    (void)state;
    expect_norm("Москва", "МОСКВА");              /* Cyrillic: upper-cased */
    expect_norm("Беларусь", "БЕЛАРУСЬ");
    expect_norm("Αθήνα", "ΑΘΗΝΑ");                /* Greek: upper-cased, tonos stripped */
    expect_norm("باكستان", "باكستان");            /* Arabic: no case, unchanged */
    expect_norm("پاکستان", "پاکستان");            /* Urdu */
    expect_norm("بَاكِسْتَان", "باكستان");        /* Arabic vowel points are stripped */
    expect_norm("ישראל", "ישראל");                /* Hebrew */
    expect_norm("पाकिस्तान", "पाकिस्तान");        /* Devanagari vowel signs are letters */
    expect_norm("বাংলাদেশ", "বাংলাদেশ");          /* Bengali likewise */
    expect_norm("中国", "中国");
    expect_norm("ไทย", "ไทย");
}

static void test_invalid_and_bounds(void **state)
{
    (void)state;
    expect_norm("a\xFF" "b", "A?B");
    expect_norm("\xC3", "?");
    expect_norm("\xE2\x80", "??");
    expect_norm("\xED\xA0\x80", "???"); /* a surrogate is three bad bytes */
    /* Too small a buffer: the needed length comes back and the output is terminated. */
    char small[5];
    memset(small, 'x', sizeof small);
    size_t n = an_normalize("Islamabad", 9, small, sizeof small);
    assert_int_equal(n, 9);
    assert_string_equal(small, "ISLA");
    /* No buffer at all: only the length. */
    assert_int_equal(an_normalize("Straße", strlen("Straße"), NULL, 0), 7);
    assert_int_equal(an_normalize("", 0, small, sizeof small), 0);
    assert_string_equal(small, "");
    /* Only len bytes are read. */
    char out[16];
    assert_int_equal(an_normalize("Gazaxyz", 4, out, sizeof out), 4);
    assert_string_equal(out, "GAZA");
}

static void test_normalize_word(void **state)
{
    (void)state;
    /* Dotted acronyms get their final period, whether written with it or not. */
    expect_word("U.S", "U.S.");
    expect_word("U.S.", "U.S.");
    expect_word("u.s", "U.S.");
    expect_word("U.K", "U.K.");
    expect_word("U.S.A", "U.S.A.");
    expect_word("U.", "U.");
    /* TABARI's trailing '_' (the word ends here) is not part of the word. */
    expect_word("U.N._", "U.N.");
    expect_word("U.N_", "U.N.");
    expect_word("PAKISTAN_", "PAKISTAN");
    /* Not acronyms: left as an_normalize gives them. */
    expect_word("USA", "USA");
    expect_word("Gen.", "GEN.");
    expect_word("3.5", "3.5");
    expect_word("A.B1", "A.B1");
    expect_word("US.A", "US.A");
    expect_word("U", "U");
    expect_word("São", "SAO");
    expect_word("", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_latin),
        cmocka_unit_test(test_latin_special),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_other_scripts),
        cmocka_unit_test(test_invalid_and_bounds),
        cmocka_unit_test(test_normalize_word),
    };
    return cmocka_run_group_tests_name("text_normalize", tests, NULL, NULL);
}
