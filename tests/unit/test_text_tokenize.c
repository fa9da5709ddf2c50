/* test_text_tokenize.c - unit tests for the tokenizer through the public an_analyze: words,
 * possessives, hyphenated compounds, numbers, currency amounts, abbreviations and dotted
 * acronyms (with the norm rule of tokenize.c: an abbreviation keeps its final period only
 * after a capital letter), quotes, bullets, ellipses and punctuation types, and spans. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "annalist.h"

typedef struct want {
    const char *text;   /* the token's bytes */
    const char *norm;
    int type;
    unsigned flags;     /* flags it must have */
    unsigned noflags;   /* flags it must not have */
} want;

#define W AN_TOK_WORD
#define NUM AN_TOK_NUMBER
#define CUR AN_TOK_CURRENCY
#define COM AN_TOK_COMMA
#define QUO AN_TOK_QUOTE
#define END AN_TOK_END
#define PUN AN_TOK_PUNCT
#define CAP AN_TOKF_CAPITALIZED
#define ALLCAPS AN_TOKF_ALLCAPS
#define HYPH AN_TOKF_HYPHEN_BEFORE
#define POSS AN_TOKF_POSSESSIVE
#define ABBR AN_TOKF_ABBREV
#define SPACE AN_TOKF_SPACE_BEFORE
#define LINE AN_TOKF_LINE_START
#define PARA AN_TOKF_PARA_START
#define BULLET AN_TOKF_BULLET

static an_analysis *analyze(const char *text)
{
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.text_len = strlen(text);
    an_analysis *a = NULL;
    an_error err;
    memset(&err, 0, sizeof err);
    int rc = an_analyze(&a, &doc, &err);
    if (rc < 0) fail_msg("an_analyze(\"%s\") failed: %s", text, err.msg);
    return a;
}

static const char *type_name(int t)
{
    static const char *names[] = {"?", "word", "number", "currency", "comma", "quote", "end", "punct"};
    return t >= 1 && t <= 7 ? names[t] : "?";
}

/* Checks every token of text, in order, against want[0..n). */
static void expect_tokens(const char *text, const want *w, size_t n)
{
    an_analysis *a = analyze(text);
    size_t got = an_analysis_token_count(a);
    for (size_t i = 0; i < n || i < got; i++) {
        const an_token *t = an_analysis_token(a, i);
        if (i >= got) fail_msg("\"%s\": missing token %zu \"%s\"", text, i, w[i].text);
        char tt[128];
        snprintf(tt, sizeof tt, "%.*s", (int)t->span.len, text + t->span.off);
        if (i >= n) fail_msg("\"%s\": unexpected token %zu \"%s\"", text, i, tt);
        if (strcmp(tt, w[i].text) != 0)
            fail_msg("\"%s\": token %zu is \"%s\", expected \"%s\"", text, i, tt, w[i].text);
        if (w[i].norm && strcmp(t->norm, w[i].norm) != 0)
            fail_msg("\"%s\": token \"%s\" norm \"%s\", expected \"%s\"", text, tt, t->norm, w[i].norm);
        if (w[i].type && t->type != w[i].type)
            fail_msg("\"%s\": token \"%s\" is a %s, expected a %s", text, tt, type_name(t->type),
                     type_name(w[i].type));
        if ((t->flags & w[i].flags) != w[i].flags)
            fail_msg("\"%s\": token \"%s\" flags 0x%x lack 0x%x", text, tt, t->flags, w[i].flags);
        if (t->flags & w[i].noflags)
            fail_msg("\"%s\": token \"%s\" flags 0x%x should not have 0x%x", text, tt, t->flags,
                     t->flags & w[i].noflags);
    }
    an_analysis_free(a);
}

#define EXPECT(text, ...)                                                      \
    do {                                                                       \
        static const want w_[] = {__VA_ARGS__};                                \
        expect_tokens((text), w_, sizeof w_ / sizeof w_[0]);                   \
    } while (0)

static void test_words_and_flags(void **state)
{
    (void)state;
    EXPECT("Pakistan and NATO met",
           {"Pakistan", "PAKISTAN", W, CAP | LINE | PARA, ALLCAPS | SPACE},
           {"and", "AND", W, SPACE, CAP},
           {"NATO", "NATO", W, CAP | ALLCAPS | SPACE, 0},
           {"met", "MET", W, SPACE, CAP});
    /* One capital letter is not "all caps"; capitals of any script count. */
    EXPECT("A МОСКВА Öz",
           {"A", "A", W, CAP, ALLCAPS},
           {"МОСКВА", "МОСКВА", W, CAP | ALLCAPS, 0},
           {"Öz", "OZ", W, CAP, ALLCAPS});
    /* Diacritics go from the norm, the span keeps the original bytes. */
    EXPECT("Türkiye, São Tomé",
           {"Türkiye", "TURKIYE", W, CAP, 0},
           {",", ",", COM, 0, SPACE},
           {"São", "SAO", W, CAP, 0},
           {"Tomé", "TOME", W, CAP, 0});
}

static void test_possessives(void **state)
{
    (void)state;
    EXPECT("Pakistan's ministers' meeting",
           {"Pakistan's", "PAKISTAN'S", W, CAP | POSS, 0},
           {"ministers'", "MINISTERS'", W, POSS, 0},
           {"meeting", "MEETING", W, 0, POSS});
    /* The curly apostrophe is the same; inner apostrophes are not possessives. */
    EXPECT("Pakistan’s O'Brien don't Côte d’Ivoire",
           {"Pakistan’s", "PAKISTAN'S", W, POSS, 0},
           {"O'Brien", "O'BRIEN", W, CAP, POSS},
           {"don't", "DON'T", W, 0, POSS},
           {"Côte", "COTE", W, CAP, 0},
           {"d’Ivoire", "D'IVOIRE", W, 0, POSS});
    /* An acronym's possessive is one token. */
    EXPECT("the U.K.'s envoy",
           {"the", "THE", W, 0, 0},
           {"U.K.'s", "U.K.'S", W, POSS | ABBR, 0},
           {"envoy", "ENVOY", W, 0, 0});
    /* A quote after a plural is a possessive only when it touches the word. */
    EXPECT("the states 'agreed'",
           {"the", NULL, W, 0, 0},
           {"states", "STATES", W, 0, POSS},
           {"'", "'", QUO, SPACE, 0},
           {"agreed", "AGREED", W, 0, POSS},
           {"'", "'", QUO, 0, SPACE});
}

static void test_hyphens(void **state)
{
    (void)state;
    EXPECT("China-Pakistan corridor",
           {"China", "CHINA", W, CAP, HYPH},
           {"Pakistan", "PAKISTAN", W, CAP | HYPH, 0},
           {"corridor", "CORRIDOR", W, SPACE, HYPH});
    /* An en dash joins too; a spaced hyphen, a double hyphen and an em dash do not. */
    EXPECT("China–Pakistan x - y a--b peace—war",
           {"China", NULL, W, 0, 0},
           {"Pakistan", NULL, W, HYPH, 0},
           {"x", NULL, W, 0, 0},
           {"-", "--", PUN, SPACE, 0},
           {"y", NULL, W, 0, HYPH},
           {"a", NULL, W, 0, 0},
           {"--", "--", PUN, 0, 0},
           {"b", NULL, W, 0, HYPH},
           {"peace", NULL, W, 0, 0},
           {"—", "--", PUN, 0, 0},
           {"war", NULL, W, 0, HYPH});
    EXPECT("a 12-year-old anti-war co-operation",
           {"a", NULL, W, 0, 0},
           {"12", "12", NUM, 0, HYPH},
           {"year", "YEAR", W, HYPH, 0},
           {"old", "OLD", W, HYPH, 0},
           {"anti", "ANTI", W, 0, HYPH},
           {"war", "WAR", W, HYPH, 0},
           {"co", "CO", W, 0, HYPH},
           {"operation", "OPERATION", W, HYPH, 0});
}

static void test_numbers(void **state)
{
    (void)state;
    EXPECT("50,000 troops, 3.5 percent, the 1990s, 1,250,000 people",
           {"50,000", "50,000", NUM, 0, 0},
           {"troops", NULL, W, 0, 0},
           {",", ",", COM, 0, 0},
           {"3.5", "3.5", NUM, 0, 0},
           {"percent", NULL, W, 0, 0},
           {",", ",", COM, 0, 0},
           {"the", NULL, W, 0, 0},
           {"1990s", "1990S", NUM, 0, 0},
           {",", ",", COM, 0, 0},
           {"1,250,000", "1,250,000", NUM, 0, 0},
           {"people", NULL, W, 0, 0});
    /* A comma is a thousands separator only before exactly three digits. */
    EXPECT("1,2 and 3,4567",
           {"1", "1", NUM, 0, 0},
           {",", ",", COM, 0, 0},
           {"2", "2", NUM, 0, 0},
           {"and", NULL, W, 0, 0},
           {"3", "3", NUM, 0, 0},
           {",", ",", COM, 0, 0},
           {"4567", "4567", NUM, 0, 0});
    /* A number ending a sentence leaves the full stop alone. */
    EXPECT("in 2024. Then",
           {"in", NULL, W, 0, 0},
           {"2024", "2024", NUM, 0, 0},
           {".", ".", END, 0, 0},
           {"Then", NULL, W, CAP, 0});
}

static void test_currency(void **state)
{
    (void)state;
    EXPECT("$5.2 billion, US$10, €300, £1,000, ¥50",
           {"$5.2", "$5.2", CUR, 0, 0},
           {"billion", "BILLION", W, 0, 0},
           {",", ",", COM, 0, 0},
           {"US$10", "US$10", CUR, 0, 0},
           {",", ",", COM, 0, 0},
           {"€300", "€300", CUR, 0, 0},
           {",", ",", COM, 0, 0},
           {"£1,000", "£1,000", CUR, 0, 0},
           {",", ",", COM, 0, 0},
           {"¥50", "¥50", CUR, 0, 0});
    /* Rupees: "Rs." is an abbreviation, the amount a number. */
    EXPECT("Rs. 500 and Rs.500 and Rs 500",
           {"Rs.", "RS", W, CAP | ABBR, 0},
           {"500", "500", NUM, 0, 0},
           {"and", NULL, W, 0, 0},
           {"Rs.", "RS", W, ABBR, 0},
           {"500", "500", NUM, 0, 0},
           {"and", NULL, W, 0, 0},
           {"Rs", "RS", W, 0, ABBR},
           {"500", "500", NUM, 0, 0});
    /* A currency sign without an amount is punctuation. */
    EXPECT("$ and €",
           {"$", "$", PUN, 0, 0},
           {"and", NULL, W, 0, 0},
           {"€", "€", PUN, 0, 0});
}

static void test_abbreviations(void **state)
{
    (void)state;
    /* Known abbreviations keep the period in the span, and in the norm only after a
     * capital letter. */
    EXPECT("Jan. 14 Gen. Asim Mr. Smith Dr. Lt. Col. Rs.",
           {"Jan.", "JAN", W, CAP | ABBR, 0},
           {"14", "14", NUM, 0, 0},
           {"Gen.", "GEN", W, CAP | ABBR, 0},
           {"Asim", "ASIM", W, CAP, ABBR},
           {"Mr.", "MR", W, ABBR, 0},
           {"Smith", "SMITH", W, 0, ABBR},
           {"Dr.", "DR", W, ABBR, 0},
           {"Lt.", "LT", W, ABBR, 0},
           {"Col.", "COL", W, ABBR, 0},
           {"Rs.", "RS", W, ABBR, 0});
    /* Dotted acronyms: upper-case ones keep their final period, lower-case ones drop it;
     * one written without it gets it, so it matches the dictionary's "U.S.". */
    EXPECT("the U.S. and U.S troops, e.g. this, at 5 p.m. or U.S-led",
           {"the", NULL, W, 0, 0},
           {"U.S.", "U.S.", W, CAP | ALLCAPS | ABBR, 0},
           {"and", NULL, W, 0, 0},
           {"U.S", "U.S.", W, ABBR, 0},
           {"troops", NULL, W, 0, 0},
           {",", ",", COM, 0, 0},
           {"e.g.", "E.G", W, ABBR, CAP},
           {"this", NULL, W, 0, 0},
           {",", ",", COM, 0, 0},
           {"at", NULL, W, 0, 0},
           {"5", "5", NUM, 0, 0},
           {"p.m.", "P.M", W, ABBR, 0},
           {"or", NULL, W, 0, 0},
           {"U.S", "U.S.", W, ABBR, 0},
           {"led", "LED", W, HYPH, 0});
    /* An initial is an acronym of one letter. */
    EXPECT("John F. Kennedy",
           {"John", NULL, W, CAP, 0},
           {"F.", "F.", W, CAP | ABBR, 0},
           {"Kennedy", NULL, W, CAP, 0});
    /* "No." is an abbreviation only before a number. */
    EXPECT("No. 10 Downing Street. No. He",
           {"No.", "NO", W, ABBR, 0},
           {"10", "10", NUM, 0, 0},
           {"Downing", NULL, W, 0, 0},
           {"Street", NULL, W, 0, ABBR},
           {".", ".", END, 0, 0},
           {"No", "NO", W, 0, ABBR},
           {".", ".", END, 0, 0},
           {"He", NULL, W, 0, 0});
    /* A word that is not an abbreviation leaves the period as a full stop. */
    EXPECT("Islamabad. Then",
           {"Islamabad", "ISLAMABAD", W, 0, ABBR},
           {".", ".", END, 0, 0},
           {"Then", NULL, W, 0, 0});
    /* A long dotted run is still just a token (its norm is longer than any buffer). */
    static const char run[] = "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.G.H.I.J";
    an_analysis *a = analyze(run);
    assert_int_equal(an_analysis_token_count(a), 1);
    assert_string_equal(an_analysis_token(a, 0)->norm, "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.G.H.I.J.");
    an_analysis_free(a);
}

static void test_quotes_and_punct(void **state)
{
    (void)state;
    EXPECT("\"We will win,\" he said: 'no' “yes” ‘maybe’ «non»",
           {"\"", "\"", QUO, 0, 0},
           {"We", NULL, W, 0, 0},
           {"will", NULL, W, 0, 0},
           {"win", NULL, W, 0, 0},
           {",", ",", COM, 0, 0},
           {"\"", "\"", QUO, 0, SPACE},
           {"he", NULL, W, 0, 0},
           {"said", NULL, W, 0, 0},
           {":", ":", COM, 0, 0},
           {"'", "'", QUO, SPACE, 0},
           {"no", NULL, W, 0, 0},
           {"'", "'", QUO, 0, 0},
           {"“", "\"", QUO, 0, 0},
           {"yes", NULL, W, 0, 0},
           {"”", "\"", QUO, 0, 0},
           {"‘", "'", QUO, 0, 0},
           {"maybe", NULL, W, 0, 0},
           {"’", "'", QUO, 0, 0},
           {"«", "\"", QUO, 0, 0},
           {"non", NULL, W, 0, 0},
           {"»", "\"", QUO, 0, 0});
    /* Clause punctuation is a comma token with its own norm. */
    EXPECT("a; b (c) [d] e: f",
           {"a", NULL, W, 0, 0},
           {";", ";", COM, 0, 0},
           {"b", NULL, W, 0, 0},
           {"(", "(", COM, 0, 0},
           {"c", NULL, W, 0, 0},
           {")", ")", COM, 0, 0},
           {"[", "(", COM, 0, 0},
           {"d", NULL, W, 0, 0},
           {"]", ")", COM, 0, 0},
           {"e", NULL, W, 0, 0},
           {":", ":", COM, 0, 0},
           {"f", NULL, W, 0, 0});
    /* Sentence ends, runs of them, ellipses. */
    EXPECT("Really?! Yes!! wait... so… 5%",
           {"Really", NULL, W, 0, 0},
           {"?!", "?", END, 0, 0},
           {"Yes", NULL, W, 0, 0},
           {"!!", "!", END, 0, 0},
           {"wait", NULL, W, 0, 0},
           {"...", "...", PUN, 0, 0},
           {"so", NULL, W, 0, 0},
           {"…", "...", PUN, 0, 0},
           {"5", "5", NUM, 0, 0},
           {"%", "%", PUN, 0, 0});
}

static void test_bullets_and_lines(void **state)
{
    (void)state;
    EXPECT("• Pakistan\n- China will\n· talks - end\n\nNext",
           {"•", "*", PUN, BULLET | LINE | PARA, 0},
           {"Pakistan", NULL, W, 0, BULLET | LINE},
           {"-", "*", PUN, BULLET | LINE, PARA},
           {"China", NULL, W, 0, BULLET},
           {"will", NULL, W, 0, 0},
           {"·", "*", PUN, BULLET | LINE, 0},
           {"talks", NULL, W, 0, 0},
           {"-", "--", PUN, SPACE, BULLET},
           {"end", NULL, W, 0, 0},
           {"Next", NULL, W, LINE | PARA | CAP, 0});
    /* Invisible characters are blanks: a zero-width space, a BOM, a no-break space. */
    EXPECT("a\xE2\x80\x8B" "b\xEF\xBB\xBF" "c\xC2\xA0" "d",
           {"a", NULL, W, 0, 0},
           {"b", NULL, W, SPACE, 0},
           {"c", NULL, W, SPACE, 0},
           {"d", NULL, W, SPACE, 0});
}

static void test_spans_and_dateline(void **state)
{
    (void)state;
    const char *text = "ISLAMABAD: Pakistan’s envoy left.";
    an_analysis *a = analyze(text);
    assert_non_null(an_analysis_dateline(a));
    assert_string_equal(an_analysis_dateline(a), "ISLAMABAD");
    /* Spans are offsets into the document text, after the dateline. */
    const an_token *t0 = an_analysis_token(a, 0);
    assert_int_equal(t0->span.off, 11);
    assert_int_equal(t0->span.len, strlen("Pakistan’s"));
    assert_true(t0->flags & LINE);
    size_t n = an_analysis_token_count(a);
    assert_int_equal(n, 4);
    const an_token *last = an_analysis_token(a, n - 1);
    assert_int_equal(last->span.off + last->span.len, strlen(text));
    assert_null(an_analysis_token(a, n));
    an_analysis_free(a);
    /* Empty text: nothing, no failure. */
    a = analyze("");
    assert_int_equal(an_analysis_token_count(a), 0);
    assert_int_equal(an_analysis_sentence_count(a), 0);
    assert_null(an_analysis_dateline(a));
    an_analysis_free(a);
    /* Bytes that are not UTF-8 are tokens, never a crash. */
    a = analyze("a\xFF\xFE b \xC3");
    assert_true(an_analysis_token_count(a) >= 2);
    an_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_flags),
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_currency),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_quotes_and_punct),
        cmocka_unit_test(test_bullets_and_lines),
        cmocka_unit_test(test_spans_and_dateline),
    };
    return cmocka_run_group_tests_name("text_tokenize", tests, NULL, NULL);
}
