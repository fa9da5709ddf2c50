/* test_inflect.c - unit tests for src/dict/inflect.c: the irregular tables (sorted, well
 * formed), the English regular rules, the PETRARCH generation rules and noun plurals. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dict/inflect.h"

static void check_verb(const char *base, const char *third, const char *past, const char *pp,
                       const char *ing)
{
    an_verb_forms f;
    assert_int_equal(an_inflect_verb(&f, base, strlen(base)), 0);
    if (strcmp(f.third, third) || strcmp(f.past, past) || strcmp(f.pp, pp) || strcmp(f.ing, ing))
        fail_msg("%s: got %s %s %s %s, expected %s %s %s %s", base, f.third, f.past, f.pp, f.ing,
                 third, past, pp, ing);
}

static void check_petrarch(an_petrarch_rule rule, const char *base, const char *third,
                           const char *past, const char *ing)
{
    an_verb_forms f;
    assert_int_equal(an_inflect_verb_petrarch(&f, base, strlen(base), rule), 0);
    if (strcmp(f.third, third) || strcmp(f.past, past) || strcmp(f.ing, ing))
        fail_msg("PETRARCH-%d %s: got %s %s %s, expected %s %s %s", (int)rule, base, f.third,
                 f.past, f.ing, third, past, ing);
    assert_string_equal(f.pp, f.past);
}

static void check_plural(const char *noun, const char *plural)
{
    char out[AN_INFLECT_MAX];
    size_t n = an_inflect_noun_plural(out, sizeof out, noun, strlen(noun));
    if (n == 0 || strcmp(out, plural) != 0)
        fail_msg("plural of %s: got \"%s\", expected %s", noun, n ? out : "", plural);
}

static void check_pplural(an_petrarch_plural rule, const char *noun, const char *plural)
{
    char out[AN_INFLECT_MAX];
    size_t n = an_inflect_petrarch_plural(out, sizeof out, noun, strlen(noun), rule);
    if (n == 0 || strcmp(out, plural) != 0)
        fail_msg("PETRARCH plural (%d) of %s: got \"%s\", expected %s", (int)rule, noun,
                 n ? out : "", plural);
}

/* Every row has five non-empty lower-case fields, rows are sorted and unique. */
static void test_verb_table(void **state)
{
    (void)state;
    size_t n = 0;
    const an_irregular_verb *prev = NULL, *v;
    while ((v = an_inflect_verb_row(n))) {
        const char *f[5] = {v->base, v->third, v->past, v->pp, v->ing};
        for (int i = 0; i < 5; i++) {
            assert_non_null(f[i]);
            assert_true(strlen(f[i]) > 0);
            for (const char *p = f[i]; *p; p++)
                if (!(islower((unsigned char)*p) || *p == '/'))
                    fail_msg("row %s: field \"%s\" is not lower case", v->base, f[i]);
        }
        if (prev && strcmp(prev->base, v->base) >= 0)
            fail_msg("verb table not sorted at %s, %s", prev->base, v->base);
        /* Each row is findable, in any case. */
        assert_ptr_equal(an_inflect_irregular_verb(v->base, strlen(v->base)), v);
        prev = v;
        n++;
    }
    assert_true(n >= 200);
    assert_null(an_inflect_irregular_verb("visit", 5));
    assert_non_null(an_inflect_irregular_verb("GO", 2));
    assert_non_null(an_inflect_irregular_verb("Meet", 4));
    assert_null(an_inflect_irregular_verb("goes", 4));
}

static void test_noun_table(void **state)
{
    (void)state;
    size_t n = 0;
    const an_irregular_noun *prev = NULL, *r;
    while ((r = an_inflect_noun_row(n))) {
        if (prev && strcmp(prev->singular, r->singular) >= 0)
            fail_msg("noun table not sorted at %s, %s", prev->singular, r->singular);
        prev = r;
        n++;
    }
    assert_true(n >= 50);
}

static void test_irregular_verbs(void **state)
{
    (void)state;
    check_verb("go", "goes", "went", "gone", "going");
    check_verb("MEET", "MEETS", "MET", "MET", "MEETING");
    check_verb("hold", "holds", "held", "held", "holding");
    check_verb("BREAK", "BREAKS", "BROKE", "BROKEN", "BREAKING");
    check_verb("say", "says", "said", "said", "saying");
    check_verb("flee", "flees", "fled", "fled", "fleeing");
    check_verb("lie", "lies", "lay", "lain", "lying");
    check_verb("admit", "admits", "admitted", "admitted", "admitting");
    check_verb("panic", "panics", "panicked", "panicked", "panicking");
    check_verb("travel", "travels", "traveled", "traveled", "traveling");
    /* Every form of a row, alternatives included, base excluded. */
    char forms[AN_INFLECT_FORMS][AN_INFLECT_MAX];
    int n = an_inflect_irregular_forms("BURN", 4, forms, AN_INFLECT_FORMS);
    assert_int_equal(n, 4);
    assert_string_equal(forms[0], "BURNS");
    assert_string_equal(forms[1], "BURNED");
    assert_string_equal(forms[2], "BURNT");
    assert_string_equal(forms[3], "BURNING");
    n = an_inflect_irregular_forms("put", 3, forms, AN_INFLECT_FORMS);
    assert_int_equal(n, 2); /* puts, putting ("put" is the base) */
    n = an_inflect_irregular_forms("TRAVEL", 6, forms, AN_INFLECT_FORMS);
    assert_int_equal(n, 5);
    assert_int_equal(an_inflect_irregular_forms("VISIT", 5, forms, AN_INFLECT_FORMS), 0);
}

static void test_regular_verbs(void **state)
{
    (void)state;
    check_verb("visit", "visits", "visited", "visited", "visiting");
    check_verb("push", "pushes", "pushed", "pushed", "pushing");
    check_verb("watch", "watches", "watched", "watched", "watching");
    check_verb("fix", "fixes", "fixed", "fixed", "fixing");
    check_verb("echo", "echoes", "echoed", "echoed", "echoing");
    check_verb("veto", "vetoes", "vetoed", "vetoed", "vetoing");
    check_verb("radio", "radios", "radioed", "radioed", "radioing");
    check_verb("try", "tries", "tried", "tried", "trying");
    check_verb("deny", "denies", "denied", "denied", "denying");
    check_verb("play", "plays", "played", "played", "playing");
    check_verb("deplore", "deplores", "deplored", "deplored", "deploring");
    check_verb("agree", "agrees", "agreed", "agreed", "agreeing");
    check_verb("dye", "dyes", "dyed", "dyed", "dyeing");
    check_verb("die", "dies", "died", "died", "dying");
    check_verb("stop", "stops", "stopped", "stopped", "stopping");
    check_verb("ban", "bans", "banned", "banned", "banning");
    check_verb("ship", "ships", "shipped", "shipped", "shipping");
    check_verb("quiz", "quizzes", "quizzed", "quizzed", "quizzing");
    check_verb("aid", "aids", "aided", "aided", "aiding");
    check_verb("snow", "snows", "snowed", "snowed", "snowing");
    check_verb("sign", "signs", "signed", "signed", "signing");
    check_verb("DEPART", "DEPARTS", "DEPARTED", "DEPARTED", "DEPARTING");
    an_verb_forms f;
    assert_int_equal(an_inflect_verb_regular(&f, "go", 2), 0);
    assert_string_equal(f.past, "goed"); /* the rule alone never looks at the table */
    assert_int_equal(f.irregular, 0);
    assert_int_equal(an_inflect_verb(&f, "", 0), -1);
}

/* PETRARCH-1 and PETRARCH-2 make wrong English on purpose. */
static void test_petrarch_rules(void **state)
{
    (void)state;
    check_petrarch(AN_PETRARCH_1, "VISIT", "VISITS", "VISITED", "VISITING");
    check_petrarch(AN_PETRARCH_1, "DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING");
    check_petrarch(AN_PETRARCH_1, "AGREE", "AGREES", "AGREED", "AGREING");
    check_petrarch(AN_PETRARCH_1, "TRY", "TRYS", "TRYED", "TRYING");
    check_petrarch(AN_PETRARCH_1, "PUSH", "PUSHS", "PUSHED", "PUSHING");
    check_petrarch(AN_PETRARCH_1, "GO", "GOS", "GOED", "GOING");
    check_petrarch(AN_PETRARCH_2, "TRY", "TRIES", "TRYED", "TRYING");
    check_petrarch(AN_PETRARCH_2, "PRESS", "PRESSES", "PRESSED", "PRESSING");
    check_petrarch(AN_PETRARCH_2, "FIX", "FIXES", "FIXED", "FIXING");
    check_petrarch(AN_PETRARCH_2, "AGREE", "AGREES", "AGREED", "AGREEING");
    check_petrarch(AN_PETRARCH_2, "RACE", "RACES", "RACED", "RACING");
    check_petrarch(AN_PETRARCH_2, "PUSH", "PUSHS", "PUSHED", "PUSHING");
}

static void test_noun_plurals(void **state)
{
    (void)state;
    check_plural("GOVERNMENT", "GOVERNMENTS");
    check_plural("CHURCH", "CHURCHES");
    check_plural("BOSS", "BOSSES");
    check_plural("TAX", "TAXES");
    check_plural("AUTHORITY", "AUTHORITIES");
    check_plural("ATTORNEY", "ATTORNEYS");
    check_plural("MAN", "MEN");
    check_plural("WOMAN", "WOMEN");
    check_plural("GUNMAN", "GUNMEN");
    check_plural("POLICEWOMAN", "POLICEWOMEN");
    check_plural("HUMAN", "HUMANS");
    check_plural("GERMAN", "GERMANS");
    check_plural("CHILD", "CHILDREN");
    check_plural("PERSON", "PEOPLE");
    check_plural("GOOSE", "GEESE");
    check_plural("CRISIS", "CRISES");
    check_plural("THIEF", "THIEVES");
    check_plural("HERO", "HEROES");
    check_plural("RADIO", "RADIOS");
    check_plural("SHEEP", "SHEEP");
    check_plural("child", "children");
    char forms[4][AN_INFLECT_MAX];
    assert_int_equal(an_inflect_noun_plurals("MEDIUM", 6, forms, 4), 2);
    assert_string_equal(forms[0], "MEDIA");
    assert_string_equal(forms[1], "MEDIUMS");
}

static void test_petrarch_plurals(void **state)
{
    (void)state;
    check_pplural(AN_PPLURAL_AGENT, "CONGRESS", "CONGRESSES");
    check_pplural(AN_PPLURAL_AGENT, "ATTORNEY", "ATTORNEIES");
    check_pplural(AN_PPLURAL_AGENT, "CHURCH", "CHURCHS");
    check_pplural(AN_PPLURAL_AGENT, "POLICE", "POLICES");
    check_pplural(AN_PPLURAL_SYNSET, "DOLLARS", "DOLLARES");
    check_pplural(AN_PPLURAL_SYNSET, "MILITARY", "MILITARIES");
    check_pplural(AN_PPLURAL_SYNSET, "PESO", "PESOS");
    check_pplural(AN_PPLURAL_ISSUE, "CRISIS", "CRISISS");
    check_pplural(AN_PPLURAL_ISSUE, "academy", "academies");
    char small[4];
    assert_int_equal(an_inflect_petrarch_plural(small, sizeof small, "WORD", 4, AN_PPLURAL_AGENT),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verb_table),     cmocka_unit_test(test_noun_table),
        cmocka_unit_test(test_irregular_verbs), cmocka_unit_test(test_regular_verbs),
        cmocka_unit_test(test_petrarch_rules), cmocka_unit_test(test_noun_plurals),
        cmocka_unit_test(test_petrarch_plurals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
