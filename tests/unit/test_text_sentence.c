/* test_text_sentence.c - unit tests for the sentence splitter (through an_analyze):
 * real news paragraphs from the shared corpora (loaded at run time by document id and
 * paragraph index; the expected sentence counts and first/last words were checked by hand),
 * and small inputs covering abbreviations, quotes, bullets, captions with agency credits,
 * headlines, hard-wrapped lines, initials, decimals and ellipses. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annalist.h"

#define CORPORA AN_TEST_SHARED_DATA "/corpora/"

static an_analysis *analyze(const char *text, size_t len, int single)
{
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.text_len = len;
    doc.single_sentence = single;
    an_analysis *a = NULL;
    an_error err;
    memset(&err, 0, sizeof err);
    if (an_analyze(&a, &doc, &err) < 0) fail_msg("an_analyze failed: %s", err.msg);
    return a;
}

/* Checks that text splits into exactly the sentences want[0..n) (their exact text). */
static void expect_sentences(const char *text, const char *const *want, size_t n)
{
    an_analysis *a = analyze(text, strlen(text), 0);
    size_t got = an_analysis_sentence_count(a);
    for (size_t i = 0; i < got || i < n; i++) {
        const an_sentence *s = an_analysis_sentence(a, i);
        if (i >= got) fail_msg("sentence %zu missing: \"%s\"", i, want[i]);
        char buf[1024];
        snprintf(buf, sizeof buf, "%.*s", (int)s->span.len, text + s->span.off);
        if (i >= n) fail_msg("unexpected sentence %zu: \"%s\"", i, buf);
        if (strcmp(buf, want[i]) != 0)
            fail_msg("sentence %zu is \"%s\"\n  expected \"%s\"", i, buf, want[i]);
    }
    /* Every token but the bullets is in exactly one sentence, in order. */
    size_t next = 0;
    for (size_t i = 0; i < got; i++) {
        const an_sentence *s = an_analysis_sentence(a, i);
        while (next < s->first_token) {
            assert_true(an_analysis_token(a, next)->flags & AN_TOKF_BULLET);
            next++;
        }
        next = s->first_token + s->token_count;
    }
    while (next < an_analysis_token_count(a)) {
        assert_true(an_analysis_token(a, next)->flags & AN_TOKF_BULLET);
        next++;
    }
    an_analysis_free(a);
}

#define EXPECT_SENTENCES(text, ...)                                                \
    do {                                                                           \
        static const char *const w_[] = {__VA_ARGS__};                             \
        expect_sentences((text), w_, sizeof w_ / sizeof w_[0]);                    \
    } while (0)

/* ---------------------------------------------------------------- corpus paragraphs */

typedef struct para_case {
    const char *corpus;
    const char *id;
    int para;              /* 0-based paragraph ('\n'-separated) of the document text */
    int count;             /* sentences, checked by hand */
    const char *words[9][2]; /* first and last word of each sentence */
} para_case;

static const para_case cases[] = {
    {"bbc-politics.jsonl.zst", "bbc-politics-001", 3, 3,
     {{"She", "Election"}, {"Liberal", "misdirected"}, {"She", "time"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-002", 4, 7,
     {{"If", "authorities"}, {"It's", "it"}, {"But", "condemned"}, {"The", "year"},
      {"Similar", "Scotland"}, {"It", "exemptions"}, {"Its", "commissioner"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-004", 3, 5,
     {{"Colin", "Blackpool"}, {"Obviously", "that"}, {"I", "crowds"}, {"It", "country"},
      {"The", "announcement"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-005", 5, 8,
     {{"His", "skills"}, {"His", "electioneering"}, {"Sir", "will"}, {"I", "through"},
      {"Stability", "anything"}, {"We", "away"}, {"But", "people"}, {"That", "excess"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-007", 1, 3,
     {{"Tory", "agenda"}, {"Dr", "all"}, {"He", "defeat"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-008", 3, 4,
     {{"When", "Betty"}, {"Harriet", "woman"}, {"Another", "with"}, {"Even", "world"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-012", 1, 4,
     {{"The", "1974"}, {"Mr", "injustice"}, {"He", "Westminster"}, {"In", "exonerated"}}},
    {"bbc-politics.jsonl.zst", "bbc-politics-019", 2, 5,
     {{"The", "drunk"}, {"But", "drunk"}, {"Mr", "minister"}, {"If", "it"},
      {"However", "coverage"}}},
    {"agnews-world-test.jsonl.zst", "agnews-test-00034", 0, 1, {{"The", "Press"}}},
    {"agnews-world-test.jsonl.zst", "agnews-test-00036", 0, 2,
     {{"A", "cures"}, {"At", "French"}}},
    {"agnews-world-test.jsonl.zst", "agnews-test-00155", 0, 1, {{"In", "share"}}},
    {"agnews-world-test.jsonl.zst", "agnews-test-00186", 0, 1, {{"Russian", "Ossetia"}}},
    {"agnews-world-test.jsonl.zst", "agnews-test-00327", 0, 2,
     {{"The", "happy"}, {"But", "Affleck"}}},
    {"reuters21578.jsonl.zst", "reuters21578-44", 1, 2, {{"U.S.", "week"}, {"Terms", "Court"}}},
    {"reuters21578.jsonl.zst", "reuters21578-79", 11, 3,
     {{"In", "newsprint"}, {"There", "said"}, {"When", "ready"}}},
    {"reuters21578.jsonl.zst", "reuters21578-158", 1, 2,
     {{"According", "Express"}, {"The", "independent"}}},
    {"reuters21578.jsonl.zst", "reuters21578-203", 11, 2, {{"There", "Co."}, {"The", "earlier"}}},
    {"reuters21578.jsonl.zst", "reuters21578-319", 13, 2,
     {{"Delhi", "market"}, {"There", "pressure"}}},
    {"reuters21578.jsonl.zst", "reuters21578-369", 2, 2, {{"Penril", "board"}, {"It", "reason"}}},
    {"reuters21578.jsonl.zst", "reuters21578-727", 1, 3,
     {{"The", "Group"}, {"Gerald", "Group"}, {"He", "Industries"}}},
    {"reuters21578.jsonl.zst", "reuters21578-1269", 9, 3,
     {{"Woolworth's", "industry"}, {"In", "chain"}, {"Both", "Canada"}}},
};
#define NCASES (sizeof cases / sizeof cases[0])

static int is_wordlike(const an_token *t)
{
    return t->type == AN_TOK_WORD || t->type == AN_TOK_NUMBER || t->type == AN_TOK_CURRENCY;
}

/* Loads the texts of the cases' documents from one corpus (in the order of cases[]). */
static void load_corpus(const char *corpus, char **texts)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s", CORPORA, corpus);
    size_t want = 0, found = 0;
    for (size_t c = 0; c < NCASES; c++) want += strcmp(cases[c].corpus, corpus) == 0;
    an_read_opts ro = AN_READ_OPTS_INIT;
    an_reader *r;
    an_error err;
    memset(&err, 0, sizeof err);
    if (an_reader_open(&r, path, &ro, &err) < 0) fail_msg("%s: %s", path, err.msg);
    const an_doc *doc;
    int rc;
    while (found < want && (rc = an_reader_next(r, &doc, &err)) != 0) {
        if (rc < 0) continue;
        for (size_t c = 0; c < NCASES; c++) {
            if (strcmp(cases[c].corpus, corpus) != 0 || strcmp(cases[c].id, doc->id) != 0) continue;
            texts[c] = strndup(doc->text, doc->text_len);
            found++;
        }
    }
    an_reader_free(r);
    if (found != want) fail_msg("%s: found %zu of %zu documents", corpus, found, want);
}

static void test_corpus_paragraphs(void **state)
{
    (void)state;
    char *texts[NCASES] = {0};
    load_corpus("bbc-politics.jsonl.zst", texts);
    load_corpus("agnews-world-test.jsonl.zst", texts);
    load_corpus("reuters21578.jsonl.zst", texts);
    for (size_t c = 0; c < NCASES; c++) {
        const para_case *pc = &cases[c];
        /* The paragraph: the para-th '\n'-separated piece. */
        const char *p = texts[c];
        for (int k = 0; k < pc->para; k++) {
            p = strchr(p, '\n');
            if (!p) fail_msg("%s has no paragraph %d", pc->id, pc->para);
            p++;
        }
        size_t len = strcspn(p, "\n");
        an_analysis *a = analyze(p, len, 0);
        size_t ns = an_analysis_sentence_count(a);
        if (ns != (size_t)pc->count) {
            for (size_t i = 0; i < ns; i++) {
                const an_sentence *s = an_analysis_sentence(a, i);
                print_message("  %zu: %.*s\n", i, (int)s->span.len, p + s->span.off);
            }
            fail_msg("%s paragraph %d: %zu sentences, expected %d", pc->id, pc->para, ns, pc->count);
        }
        for (size_t i = 0; i < ns; i++) {
            const an_sentence *s = an_analysis_sentence(a, i);
            const an_token *first = NULL, *last = NULL;
            for (uint32_t k = 0; k < s->token_count; k++) {
                const an_token *t = an_analysis_token(a, s->first_token + k);
                if (!is_wordlike(t)) continue;
                if (!first) first = t;
                last = t;
            }
            assert_non_null(first);
            char fw[64], lw[64];
            snprintf(fw, sizeof fw, "%.*s", (int)first->span.len, p + first->span.off);
            snprintf(lw, sizeof lw, "%.*s", (int)last->span.len, p + last->span.off);
            if (strcmp(fw, pc->words[i][0]) != 0 || strcmp(lw, pc->words[i][1]) != 0)
                fail_msg("%s paragraph %d sentence %zu: [%s ... %s], expected [%s ... %s]: %.*s",
                         pc->id, pc->para, i, fw, lw, pc->words[i][0], pc->words[i][1],
                         (int)s->span.len, p + s->span.off);
        }
        an_analysis_free(a);
    }
    for (size_t c = 0; c < NCASES; c++) free(texts[c]);
}

/* ---------------------------------------------------------------- small inputs */

static void test_abbreviations(void **state)
{
    (void)state;
    EXPECT_SENTENCES(
        "Gen. Asim Munir met Mr. Smith on Jan. 14 in Rawalpindi. He later flew to the U.S. "
        "The next day he met Lt. Gen. Ahmed Sharif and Dr. Khan at 10 a.m. in Washington, "
        "D.C. and St. Louis.",
        "Gen. Asim Munir met Mr. Smith on Jan. 14 in Rawalpindi.",
        "He later flew to the U.S.",
        "The next day he met Lt. Gen. Ahmed Sharif and Dr. Khan at 10 a.m. in Washington, "
        "D.C. and St. Louis.");
    /* An acronym before a name is not a sentence end. */
    EXPECT_SENTENCES("Officials in the U.S. Congress and the U.N. Security Council agreed.",
                     "Officials in the U.S. Congress and the U.N. Security Council agreed.");
    EXPECT_SENTENCES("The deal was signed by J.S. Winningham and Co. The market rose.",
                     "The deal was signed by J.S. Winningham and Co.", "The market rose.");
    EXPECT_SENTENCES("He lives at No. 10 Downing Street. No. He does not.",
                     "He lives at No. 10 Downing Street.", "No.", "He does not.");
}

static void test_quotes(void **state)
{
    (void)state;
    EXPECT_SENTENCES("\"We will win.\" Then the crowd cheered. He said: \"We will not surrender.\" "
                     "\"We will fight,\" he added. ‘No,’ she said. “Will we win?” he asked.",
                     "\"We will win.\"", "Then the crowd cheered.",
                     "He said: \"We will not surrender.\"", "\"We will fight,\" he added.",
                     "‘No,’ she said.", "“Will we win?” he asked.");
    /* Single closing quotes stay with their sentence too. */
    EXPECT_SENTENCES("He said ‘We will win.’ Then he left. She said 'No.' Then she left.",
                     "He said ‘We will win.’", "Then he left.", "She said 'No.'",
                     "Then she left.");
    /* A quoted passage of several sentences reopened at each (the BBC's style). */
    EXPECT_SENTENCES("He said: \"We tried hard. \"It failed in the end.\" The party met.",
                     "He said: \"We tried hard.", "\"It failed in the end.\"", "The party met.");
    /* A quotation that closes after the sentence's end and one that does not end it. */
    EXPECT_SENTENCES("“We will win. We will fight.” He left. “Why?” she asked.",
                     "“We will win.", "We will fight.”", "He left.", "“Why?” she asked.");
    /* A parenthesis closing after the full stop. */
    EXPECT_SENTENCES("He agreed. (The vote was close.) Then they left.",
                     "He agreed.", "(The vote was close.)", "Then they left.");
}

static void test_bullets(void **state)
{
    (void)state;
    EXPECT_SENTENCES("Key points:\n• Pakistan will export rice\n• China will build roads.\n"
                     "- Talks continue in Beijing\n- Both sides agreed",
                     "Key points:", "Pakistan will export rice", "China will build roads.",
                     "Talks continue in Beijing", "Both sides agreed");
    /* A hyphen inside a line is not a bullet. */
    EXPECT_SENTENCES("Talks - and trade - continue.", "Talks - and trade - continue.");
}

static void test_captions(void **state)
{
    (void)state;
    EXPECT_SENTENCES("Prime Minister Shehbaz Sharif chairs a meeting in Islamabad on Tuesday. (APP)\n"
                     "President Asif Ali Zardari addresses the Senate (APP)\n"
                     "The Senate passed the bill.",
                     "Prime Minister Shehbaz Sharif chairs a meeting in Islamabad on Tuesday. (APP)",
                     "President Asif Ali Zardari addresses the Senate (APP)",
                     "The Senate passed the bill.");
    /* An acronym in brackets inside a line is not a credit. */
    EXPECT_SENTENCES("The Pakistan Peoples Party (PPP) Chairman Bilawal Bhutto Zardari met the "
                     "Pakistan Tehreek-e-Insaf (PTI) leaders.",
                     "The Pakistan Peoples Party (PPP) Chairman Bilawal Bhutto Zardari met the "
                     "Pakistan Tehreek-e-Insaf (PTI) leaders.");
    /* The credit at the very end of the text. */
    EXPECT_SENTENCES("Troops patrol Karachi. (Reuters)", "Troops patrol Karachi. (Reuters)");
}

static void test_headlines(void **state)
{
    (void)state;
    EXPECT_SENTENCES("Pakistan, Belarus sign 15 agreements\n"
                     "Pakistan and Belarus signed 15 agreements on Tuesday. The deals cover trade.",
                     "Pakistan, Belarus sign 15 agreements",
                     "Pakistan and Belarus signed 15 agreements on Tuesday.",
                     "The deals cover trade.");
    EXPECT_SENTENCES("PM visits China\n\nPrime Minister Shehbaz Sharif arrived in Beijing.",
                     "PM visits China", "Prime Minister Shehbaz Sharif arrived in Beijing.");
    /* A line that goes on in lower case, or breaks after a function word, is one sentence. */
    EXPECT_SENTENCES("Pakistan and China signed\nan agreement on Monday.",
                     "Pakistan and China signed\nan agreement on Monday.");
    EXPECT_SENTENCES("Prime Minister Shehbaz Sharif met the\nChinese envoy on Monday.",
                     "Prime Minister Shehbaz Sharif met the\nChinese envoy on Monday.");
}

static void test_hard_wrapped(void **state)
{
    (void)state;
    /* Wrapped at 52 columns: each line break falls where the next word would not fit. */
    EXPECT_SENTENCES("Sharif meets Xi in Beijing\n"
                     "Prime Minister Shehbaz Sharif met President Xi\n"
                     "Jinping in Beijing on Monday and the two leaders\n"
                     "agreed to expand the China-Pakistan Economic\n"
                     "Corridor, officials said. The talks lasted two hours\n"
                     "and covered trade, energy and security. Foreign\n"
                     "Minister Ishaq Dar told reporters that Pakistan\n"
                     "would host the next round in Islamabad in March.",
                     "Sharif meets Xi in Beijing",
                     "Prime Minister Shehbaz Sharif met President Xi\n"
                     "Jinping in Beijing on Monday and the two leaders\n"
                     "agreed to expand the China-Pakistan Economic\n"
                     "Corridor, officials said.",
                     "The talks lasted two hours\nand covered trade, energy and security.",
                     "Foreign\nMinister Ishaq Dar told reporters that Pakistan\n"
                     "would host the next round in Islamabad in March.");
    /* Short lines of a list are not wrapped text. */
    EXPECT_SENTENCES("Pakistan\nChina\nBelarus", "Pakistan", "China", "Belarus");
    EXPECT_SENTENCES("Prime Minister Shehbaz Sharif chairs the meeting\n"
                     "President Asif Ali Zardari addresses the Senate\n"
                     "Army chief General Asim Munir visits the troops\n"
                     "Foreign Minister Ishaq Dar meets the envoys",
                     "Prime Minister Shehbaz Sharif chairs the meeting",
                     "President Asif Ali Zardari addresses the Senate",
                     "Army chief General Asim Munir visits the troops",
                     "Foreign Minister Ishaq Dar meets the envoys");
}

static void test_initials_numbers_ellipsis(void **state)
{
    (void)state;
    EXPECT_SENTENCES("John F. Kennedy visited Pakistan in 1962. B. D. Aggarwal said so.",
                     "John F. Kennedy visited Pakistan in 1962.", "B. D. Aggarwal said so.");
    EXPECT_SENTENCES("The plan was drafted by Lloyd U. Noland Jr. It was approved.",
                     "The plan was drafted by Lloyd U. Noland Jr.", "It was approved.");
    EXPECT_SENTENCES("Growth was 3.5 percent in 2024. The rupee traded at 278.50. "
                     "Reserves rose $1.2 billion.",
                     "Growth was 3.5 percent in 2024.", "The rupee traded at 278.50.",
                     "Reserves rose $1.2 billion.");
    EXPECT_SENTENCES("He paused... then continued. The talks resumed… Officials were hopeful.",
                     "He paused... then continued.", "The talks resumed…",
                     "Officials were hopeful.");
    EXPECT_SENTENCES("Will Pakistan win? Yes! It will.", "Will Pakistan win?", "Yes!", "It will.");
}

static void test_feed_credits(void **state)
{
    (void)state;
    /* A news agency's credit, alone or before a dateline, is not part of the text. */
    const char *text = "Canadian Press - KINSHASA, Congo (AP) - Attackers overran a village.";
    an_analysis *a = analyze(text, strlen(text), 0);
    assert_string_equal(an_analysis_dateline(a), "KINSHASA");
    assert_int_equal(an_analysis_sentence(a, 0)->span.off, strlen("Canadian Press - KINSHASA, Congo (AP) - "));
    an_analysis_free(a);
    text = "Reuters - Some 30,000 people fled.";
    a = analyze(text, strlen(text), 0);
    assert_null(an_analysis_dateline(a));
    assert_int_equal(an_analysis_sentence(a, 0)->span.off, strlen("Reuters - "));
    an_analysis_free(a);
    /* Any other name before a dash stays: "Pakistan - India talks" */
    text = "Pakistan - India talks resumed.";
    a = analyze(text, strlen(text), 0);
    assert_int_equal(an_analysis_sentence(a, 0)->span.off, 0);
    an_analysis_free(a);
}

static void test_paragraphs_and_modes(void **state)
{
    (void)state;
    const char *text = "ISLAMABAD: First para.\n\nSecond para. Still second.\n\n\nThird.";
    an_analysis *a = analyze(text, strlen(text), 0);
    assert_string_equal(an_analysis_dateline(a), "ISLAMABAD");
    assert_int_equal(an_analysis_sentence_count(a), 4);
    static const uint32_t para[] = {0, 1, 1, 2};
    for (size_t i = 0; i < 4; i++) assert_int_equal(an_analysis_sentence(a, i)->paragraph, para[i]);
    const an_sentence *s0 = an_analysis_sentence(a, 0);
    assert_int_equal(s0->span.off, strlen("ISLAMABAD: "));
    assert_null(an_analysis_sentence(a, 4));
    an_analysis_free(a);
    /* One coding unit: no split. */
    a = analyze(text, strlen(text), 1);
    assert_int_equal(an_analysis_sentence_count(a), 1);
    assert_int_equal(an_analysis_sentence(a, 0)->first_token, 0);
    assert_int_equal(an_analysis_sentence(a, 0)->token_count, an_analysis_token_count(a));
    assert_int_equal(an_analysis_sentence(a, 0)->span.off + an_analysis_sentence(a, 0)->span.len,
                     strlen(text));
    an_analysis_free(a);
    /* Only blanks or only bullets: no sentence. */
    a = analyze(" \n\n \t", 5, 0);
    assert_int_equal(an_analysis_sentence_count(a), 0);
    an_analysis_free(a);
    a = analyze("•\n•", strlen("•\n•"), 0);
    assert_int_equal(an_analysis_sentence_count(a), 0);
    an_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_paragraphs),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_bullets),
        cmocka_unit_test(test_captions),
        cmocka_unit_test(test_headlines),
        cmocka_unit_test(test_hard_wrapped),
        cmocka_unit_test(test_initials_numbers_ellipsis),
        cmocka_unit_test(test_paragraphs_and_modes),
        cmocka_unit_test(test_feed_credits),
    };
    return cmocka_run_group_tests_name("text_sentence", tests, NULL, NULL);
}
