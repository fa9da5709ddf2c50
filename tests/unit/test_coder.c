/* test_coder.c — the coder's behaviours through the public API, on a small dictionary set the
 * test writes itself (actors, people, places, agents, verbs, discards): compounds, passive
 * voice, dated actors, discards, and annalist mode's rules (negation, attribution, locations,
 * lone agents, pronouns and surnames across sentences, event dates), each against the other
 * modes where they differ; plus provenance, explain traces and the sentence limits. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annalist.h"

static char dir[] = "/tmp/annalist-test-coder.XXXXXX";

static const char *const files[][2] = {
    {"test.dictset", "mode: annalist\nactors.txt\npeople.actors.txt\nplaces.actors.txt\n"
                     "agents.txt\nverbs.txt\ndiscards.txt\n"},
    {"actors.txt", "PAKISTAN [PAK]\n+PAKISTANI\n+PAKISTANIS\nEGYPT [EGY]\nINDIA [IND]\n+INDIAN\nNORWAY [NOR]\n"
                   "UNITED_STATES [USA]\n+U.S.\n"},
    {"people.actors.txt", "# annalist: kind=people\n"
                          "SHEHBAZ_SHARIF\n\t[PAKGOV >20220410]\n\t[PAKELI]\n"
                          "MARIA_SOLBERG\n\t[NORGOV]\n"},
    {"places.actors.txt", "# annalist: kind=places\nRAWALPINDI [PAK]\nCAIRO [EGYGOV]\n"},
    {"agents.txt", "ARMY [~MIL]\nPROTESTER [~CVL]\nGOVERNMENT [~GOV]\nDRONE [~MIL]\n"
                   "REPORTER [~MED]\n"},
    {"verbs.txt", "--- VISIT [042] ---\nVISIT {VISITS VISITED VISITING}\n"
                  "ARRIVE {ARRIVES ARRIVED ARRIVING}\n- *_IN_+ [042]\n\n"
                  "--- BACK [051] ---\nBACK {BACKS BACKED BACKING}\n\n"
                  "--- DELAY [100] ---\nDELAY {DELAYS DELAYED DELAYING}\n\n"
                  "--- DISCUSS [040] ---\nDISCUSS {DISCUSSES DISCUSSED DISCUSSING}\n\n"
                  "--- ATTACK [190] ---\nATTACK {ATTACKS ATTACKED ATTACKING}\n\n"
                  "--- CONDEMN [111] ---\nCONDEMN {CONDEMNS CONDEMNED CONDEMNING}\n\n"
                  "--- PRAISE [051] ---\nPRAISE {PRAISES PRAISED PRAISING}\n\n"
                  "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n\n"
                  "--- RALLY [141] ---\nRALLY {RALLIES RALLIED RALLYING}\n- * AGAINST_+ [141]\n"
                  "- * FOR_RESIGNATION [1411]\n\n"
                  "--- DEMAND [100] ---\nDEMAND {DEMANDS DEMANDED DEMANDING}\n"
                  "- * RESIGNATION [1041]\n"},
    {"discards.txt", "+crossword\n"},
};

static char dictset[256];

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir)) return -1;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(path, "w");
        if (!f) return -1;
        fputs(files[i][1], f);
        fclose(f);
    }
    snprintf(dictset, sizeof dictset, "%s/test.dictset", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}

typedef struct coded {
    char events[1024];   /* "SRC>TGT:CODE" joined by spaces, in output order */
    char dates[256];     /* the events' dates, joined by spaces */
    char first_rule[256];
    char first_location[64];
    char first_verb[64];
    size_t nevents;
    int diags;           /* problems reported through the coder's diag callback */
} coded;

static void count_diag(void *ud, const an_error *e)
{
    (void)e;
    ++*(int *)ud;
}

/* Codes one text document dated `date` in `mode` with the test dictionaries. */
static coded code_with(const char *text, const char *date, an_code_mode mode,
                       const an_code_opts *base)
{
    coded out;
    memset(&out, 0, sizeof out);
    an_error err;
    an_dict *d = NULL;
    assert_int_equal(an_dict_new(&d, &err), 0);
    assert_int_equal(an_dict_load(d, dictset, &err), 0);
    assert_int_equal(an_dict_finish(d, &err), 0);
    an_code_opts opts = AN_CODE_OPTS_INIT;
    if (base) opts = *base;
    opts.mode = mode;
    an_coder *c = NULL;
    assert_int_equal(an_coder_new(&c, d, &opts, &err), 0);
    an_coder_set_diag(c, count_diag, &out.diags);
    an_read_opts ro = AN_READ_OPTS_INIT;
    ro.format = AN_INPUT_TEXT;
    ro.default_date = date;
    an_reader *r = NULL;
    assert_int_equal(an_reader_open_mem(&r, "test", text, strlen(text), &ro, &err), 0);
    const an_doc *doc = NULL;
    assert_int_equal(an_reader_next(r, &doc, &err), 1);
    an_result res;
    assert_int_equal(an_coder_code(c, doc, &res, &err), 0);
    out.nevents = res.event_count;
    for (size_t i = 0; i < res.event_count; i++) {
        const an_event *e = &res.events[i];
        size_t n = strlen(out.events);
        snprintf(out.events + n, sizeof out.events - n, "%s%s>%s:%s", i ? " " : "", e->source,
                 e->target, e->code);
        n = strlen(out.dates);
        snprintf(out.dates + n, sizeof out.dates - n, "%s%s", i ? " " : "", e->date);
        if (i == 0) {
            snprintf(out.first_rule, sizeof out.first_rule, "%s", e->rule);
            snprintf(out.first_location, sizeof out.first_location, "%s", e->location);
            snprintf(out.first_verb, sizeof out.first_verb, "%s", e->verb_text);
        }
    }
    an_reader_free(r);
    an_coder_free(c);
    an_dict_free(d);
    return out;
}

static coded code_in(const char *text, an_code_mode mode)
{
    return code_with(text, "2026-11-25", mode, NULL);
}

static coded code(const char *text) { return code_in(text, AN_CODE_MODE_DICT); }

/* ------------------------------------------------------------------ dictionary kinds */

static void stats_count_actors_by_kind(void **state)
{
    (void)state;
    an_error err;
    an_dict *d = NULL;
    assert_int_equal(an_dict_new(&d, &err), 0);
    assert_int_equal(an_dict_load(d, dictset, &err), 0);
    assert_int_equal(an_dict_finish(d, &err), 0);
    an_dict_stats st;
    an_dict_get_stats(d, &st);
    assert_int_equal(st.actors, 9);
    assert_int_equal(st.verbs, 11);
    assert_int_equal(st.people, 2);   /* the kind=people file */
    assert_int_equal(st.places, 2);   /* the kind=places file */
    assert_int_equal(st.countries, 5);
    assert_int_equal(st.organizations, 0);
    assert_int_equal(st.dated_actors, 1);
    an_dict_free(d);
}

/* ------------------------------------------------------------------ basic coding */

static void simple_event_has_provenance(void **state)
{
    (void)state;
    coded r = code("Pakistan condemned India.");
    assert_string_equal(r.events, "PAK>IND:111");
    assert_string_equal(r.first_verb, "condemned");
    /* the rule names the dictionary file and line of the verb entry */
    assert_non_null(strstr(r.first_rule, "verbs.txt:"));
}

static void compound_source_gives_one_event_per_member(void **state)
{
    (void)state;
    coded r = code("Pakistan and Egypt condemned India.");
    assert_string_equal(r.events, "PAK>IND:111 EGY>IND:111");
}

static void actor_and_unknown_group_as_subject(void **state)
{
    (void)state;
    /* "seven other nations" is no actor, so the sentence splits at "and"; Pakistan is still
     * a subject of the verb */
    assert_string_equal(code_in("Pakistan and seven other nations praised India.",
                                AN_CODE_MODE_ANNALIST).events,
                        "PAK>IND:051");
}

static void compound_subject_of_mutual_verb(void **state)
{
    (void)state;
    /* consultation between the members, both ways; a condemnation is not mutual */
    assert_string_equal(code_in("Pakistan and Egypt discussed trade.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>EGY:040 EGY>PAK:040");
    assert_int_equal(code_in("Pakistan and Egypt condemned the plan.", AN_CODE_MODE_ANNALIST).nevents, 0);
}

static void passive_voice_swaps_source_and_target(void **state)
{
    (void)state;
    assert_string_equal(code("India was attacked by Pakistan.").events, "PAK>IND:190");
}

static void dated_actor_takes_the_code_of_the_document_date(void **state)
{
    (void)state;
    coded in_office = code_with("Shehbaz Sharif praised Egypt.", "2024-05-01", AN_CODE_MODE_DICT, NULL);
    coded before = code_with("Shehbaz Sharif praised Egypt.", "2020-05-01", AN_CODE_MODE_DICT, NULL);
    assert_string_equal(in_office.events, "PAKGOV>EGY:051");
    assert_string_equal(before.events, "PAKELI>EGY:051");
}

static void discard_phrase_drops_the_sentence(void **state)
{
    (void)state;
    assert_int_equal(code("Pakistan condemned India in the crossword.").nevents, 0);
    assert_int_equal(code("Pakistan condemned India in the debate.").nevents, 1);
}

static void no_event_without_a_verb(void **state)
{
    (void)state;
    assert_int_equal(code("Pakistan, India and Egypt.").nevents, 0);
    /* "attack" heads a noun compound here: an Egyptian was hurt in it, nobody attacked */
    assert_int_equal(code_in("An Egyptian tourist was hurt in a shark attack in Pakistan.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
}

/* ------------------------------------------------------------------ annalist mode */

static void negated_verb_codes_nothing_in_annalist_mode(void **state)
{
    (void)state;
    assert_int_equal(code_in("Pakistan did not attack India.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("Pakistan never attacked India.", AN_CODE_MODE_ANNALIST).nevents, 0);
    /* the field's coders ignore negation */
    assert_string_equal(code_in("Pakistan did not attack India.", AN_CODE_MODE_PETRARCH).events,
                        "PAK>IND:190");
}

static void possibility_is_no_event(void **state)
{
    (void)state;
    assert_int_equal(code_in("Pakistan could attack India.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("Pakistan might attack India.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("Pakistan attacked India.", AN_CODE_MODE_ANNALIST).events, "PAK>IND:190");
}

static void reported_clause_has_its_own_source(void **state)
{
    (void)state;
    coded r = code_in("India said Pakistan attacked Egypt.", AN_CODE_MODE_ANNALIST);
    assert_non_null(strstr(r.events, "PAK>EGY:190"));
    assert_null(strstr(r.events, "IND>EGY:190"));
    assert_null(strstr(r.events, "IND>PAK:190"));
}

static void place_after_preposition_is_a_location(void **state)
{
    (void)state;
    coded r = code_in("Pakistan condemned India in Rawalpindi.", AN_CODE_MODE_ANNALIST);
    assert_string_equal(r.events, "PAK>IND:111");
    assert_string_equal(r.first_location, "Rawalpindi");
    /* a dateline left in the text is where the story was filed, not an actor */
    assert_int_equal(code_in("Cairo - attacked India on Monday.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("Cairo attacked India on Monday.", AN_CODE_MODE_ANNALIST).events,
                        "EGYGOV>IND:190");
    /* a city naming an agreement is no actor */
    assert_int_equal(code_in("Pakistan condemned the Cairo declaration.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("Pakistan condemned Cairo.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>EGYGOV:111");
}

static void country_inside_which_something_happens_is_a_location(void **state)
{
    (void)state;
    /* "in" a country places the act; the object is what the verb acts on */
    coded r = code_in("Egypt condemned the attacks in Pakistan.", AN_CODE_MODE_ANNALIST);
    assert_int_equal(r.nevents, 0);
    /* a list of places is places ("in Pakistan and India") */
    assert_int_equal(code_in("Egypt condemned the attacks in Pakistan and India.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    /* an attack on something in a place acts on the place; a passive does not */
    assert_string_equal(code_in("The Indian army attacked a camp in Rawalpindi.",
                                AN_CODE_MODE_ANNALIST).events, "INDMIL>PAK:190");
    assert_int_equal(code_in("Two Indian soldiers attacked in Rawalpindi were praised.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    /* PETRARCH's reading keeps the country as the target */
    assert_string_equal(code_in("Egypt condemned the attacks in Pakistan.",
                                AN_CODE_MODE_PETRARCH).events, "EGY>PAK:111");
    /* "at" and a demonym before a noun are no locations */
    assert_string_equal(code_in("Egypt condemned attacks at Pakistan.", AN_CODE_MODE_ANNALIST).events,
                        "EGY>PAK:111");
    /* a verb whose pattern reads the preposition goes there: the place is the target */
    assert_string_equal(code_in("Maria Solberg arrived in Cairo on Monday.",
                                AN_CODE_MODE_ANNALIST).events, "NORGOV>EGYGOV:042");
    assert_string_equal(code_in("Maria Solberg arrived in Pakistan on Monday.",
                                AN_CODE_MODE_ANNALIST).events, "NORGOV>PAK:042");
}

static void location_past_adjectives_and_place_nouns(void **state)
{
    (void)state;
    /* "in northern Pakistan", "in the city of Rawalpindi": locations, no target */
    assert_int_equal(code_in("Egypt condemned the attacks in northern Pakistan.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    coded r = code_in("Egypt condemned the attacks in the northern city of Rawalpindi.",
                      AN_CODE_MODE_ANNALIST);
    assert_int_equal(r.nevents, 0);
}

static void participle_after_a_comma_shares_the_subject(void **state)
{
    (void)state;
    /* the bomb is the subject; the army near which it exploded is not */
    assert_int_equal(code_in("A bomb exploded near an Indian army post, attacking protesters in Rawalpindi.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("The Indian army shelled a post, attacking protesters in Rawalpindi.",
                                AN_CODE_MODE_ANNALIST).events, "INDMIL>PAKCVL:190");
    /* the toll of an attack is part of it */
    assert_string_equal(code_in("The Indian army attacked Pakistan, attacking protesters in Rawalpindi.",
                                AN_CODE_MODE_ANNALIST).events, "INDMIL>PAK:190");
    /* a verb after a possessive is a noun: "their visit" */
    assert_int_equal(code_in("Egypt and their visit to India.", AN_CODE_MODE_ANNALIST).nevents, 0);
}

static void passive_with_an_attack_names_its_attacker(void **state)
{
    (void)state;
    /* "were attacked in Indian strikes": the actor of the attack is the source */
    assert_string_equal(code_in("Pakistani protesters were attacked in Indian strikes.",
                                AN_CODE_MODE_ANNALIST).events, "IND>PAKCVL:190");
    /* a participle after a common noun and before a place is a passive too */
    assert_null(strstr(code_in("Egypt visited the villages attacked in May, Pakistan said.",
                               AN_CODE_MODE_ANNALIST).events, ":190"));
    /* without it, an agentless passive has no source */
    assert_int_equal(code_in("Pakistani protesters were attacked in the night.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    /* "an Indian drone attack" is a noun, not a verb with a subject */
    assert_null(strstr(code_in("Protesters in Rawalpindi praised an Indian drone attack.",
                               AN_CODE_MODE_ANNALIST).events, ":190"));
}

static void verb_in_a_hyphenated_word_is_no_verb(void **state)
{
    (void)state;
    assert_int_equal(code_in("Pakistan and its India-backed long-delayed plan.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    /* an actor after a hyphen and a word that is none names something else */
    assert_int_equal(code_in("Egypt condemned the anti-Indian protests.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("Egypt condemned the India-Pakistan talks.", AN_CODE_MODE_ANNALIST).events,
                        "EGY>IND:111");
    /* a prefix leaves the verb a verb */
    assert_string_equal(code_in("Pakistan re-visited India.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>IND:042");
    /* so does "a widely backed plan": an adjective after a determiner and an adverb */
    assert_int_equal(code_in("Egypt and a widely backed India.", AN_CODE_MODE_ANNALIST).nevents, 0);
}

static void actor_on_its_own_country_is_no_event(void **state)
{
    (void)state;
    /* "the Pakistani government praised Pakistan": no other party */
    assert_int_equal(code_in("The Pakistani government praised Pakistan.", AN_CODE_MODE_ANNALIST).nevents,
                     0);
    /* its people, named by a plural demonym, are a party */
    assert_string_equal(code_in("The Pakistani government praised Pakistanis.", AN_CODE_MODE_ANNALIST).events,
                        "PAKGOV>PAK:051");
    /* a part of its own country is: the army attacking protesters */
    assert_string_equal(code_in("The Pakistani army attacked Pakistani protesters.",
                                AN_CODE_MODE_ANNALIST).events, "PAKMIL>PAKCVL:190");
}

static void protest_for_a_demand_is_one_event(void **state)
{
    (void)state;
    coded r = code_in("Protesters in Rawalpindi rallied against the government, demanding the "
                      "resignation of Shehbaz Sharif.", AN_CODE_MODE_ANNALIST);
    assert_string_equal(r.events, "PAKCVL>PAKGOV:1411");
}

static void reported_attack_has_the_speaker_as_target(void **state)
{
    (void)state;
    assert_string_equal(code_in("Pakistan said on Monday that India attacked the camp.",
                                AN_CODE_MODE_ANNALIST).events, "IND>PAK:190");
    assert_string_equal(code_in("India attacked the camp overnight, Pakistan said.",
                                AN_CODE_MODE_ANNALIST).events, "IND>PAK:190");
    /* not a speaker of the attacker's own country, nor a statement of support */
    assert_int_equal(code_in("India attacked the camp overnight, the Indian army said.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("Pakistan said that India praised the plan.", AN_CODE_MODE_ANNALIST).nevents,
                     0);
}

static void relative_clause_holds_no_target(void **state)
{
    (void)state;
    assert_int_equal(code_in("Egypt condemned a man who visited India.", AN_CODE_MODE_ANNALIST).nevents,
                     0);
    /* a participle after a common noun starts a relative clause too, unless BY follows */
    assert_null(strstr(code_in("Egypt condemned a plan praised for helping India.",
                               AN_CODE_MODE_ANNALIST).events, ":111"));
    assert_non_null(strstr(code_in("Egypt condemned the plan praised by India.",
                                   AN_CODE_MODE_ANNALIST).events, "EGY>IND:111"));
}

static void statement_to_an_audience_is_no_event(void **state)
{
    (void)state;
    /* the media are reporters, not parties: neither audience nor source */
    assert_int_equal(code_in("Pakistan said to Egyptian reporters.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("Egyptian reporters attacked India.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("Pakistan said to protesters in Rawalpindi.", AN_CODE_MODE_ANNALIST).nevents,
                     0);
    /* to an actor it is a statement */
    assert_string_equal(code_in("Pakistan said to India.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>IND:010");
}

static void capitalised_us_is_the_united_states(void **state)
{
    (void)state;
    assert_string_equal(code_in("The US army attacked Pakistan.", AN_CODE_MODE_ANNALIST).events,
                        "USAMIL>PAK:190");
    assert_string_equal(code_in("The US's army attacked Pakistan.", AN_CODE_MODE_ANNALIST).events,
                        "USAMIL>PAK:190");
    /* lower case, or a headline in capitals, is the pronoun */
    assert_int_equal(code_in("Pakistan praised us.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("PAKISTAN PRAISED US.", AN_CODE_MODE_ANNALIST).nevents, 0);
    /* other modes keep the dictionaries' reading */
    assert_int_equal(code_in("Egypt praised US.", AN_CODE_MODE_PETRARCH).nevents, 0);
}

static void subordinate_clause_holds_no_target(void **state)
{
    (void)state;
    /* Egypt condemned no one: Pakistan and India belong to the "after" clause, which is
     * background and codes nothing itself (tests/golden/README.md, convention 1) */
    assert_int_equal(code_in("Egypt condemned the plan after Pakistan visited India.",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    /* a "when" clause may hold the event, with its own subject */
    assert_string_equal(code_in("Egypt condemned the plan when Pakistan visited India.",
                                AN_CODE_MODE_ANNALIST).events, "PAK>IND:042");
}

static void lone_agent_takes_the_country_of_the_location(void **state)
{
    (void)state;
    coded r = code_in("The army attacked protesters in Rawalpindi.", AN_CODE_MODE_ANNALIST);
    assert_string_equal(r.events, "PAKMIL>PAKCVL:190");
    /* a building stands for the institution in it */
    assert_string_equal(code_in("Protesters attacked the government building in Rawalpindi.",
                                AN_CODE_MODE_ANNALIST).events,
                        "PAKCVL>PAKGOV:190");
    /* an object agent takes the country of a place named after it; a subject does not */
    assert_string_equal(code_in("Egypt attacked protesters in northern Pakistan.",
                                AN_CODE_MODE_ANNALIST).events,
                        "EGY>PAKCVL:190");
    assert_int_equal(code_in("The army attacked a camp in northern Pakistan.", AN_CODE_MODE_ANNALIST).nevents, 0);
    /* without a place there is no country to give them: no event rather than a guess */
    assert_int_equal(code_in("The army attacked protesters.", AN_CODE_MODE_ANNALIST).nevents, 0);
}

static void pronoun_refers_to_a_person_of_an_earlier_sentence(void **state)
{
    (void)state;
    coded r = code_in("Shehbaz Sharif arrived in Cairo on Monday.\n\nHe praised India.",
                      AN_CODE_MODE_ANNALIST);
    assert_non_null(strstr(r.events, "PAKGOV>IND:051"));
    /* a titled name no dictionary knows is the subject before: "he" is not Solberg */
    coded unknown = code_in("Mr Hansen met Maria Solberg in Oslo.\n\nHe praised Egypt.",
                            AN_CODE_MODE_ANNALIST);
    assert_null(strstr(unknown.events, ">EGY:051"));
    /* and only the sentence just before counts */
    coded far = code_in("Shehbaz Sharif arrived in Cairo.\n\nThe talks lasted two days.\n\n"
                        "He praised India.", AN_CODE_MODE_ANNALIST);
    assert_null(strstr(far.events, ">IND:051"));
    /* "it" does not reach across sentences */
    coded it = code_in("Pakistan hosted talks.\n\nIt praised India.", AN_CODE_MODE_ANNALIST);
    assert_null(strstr(it.events, "PAK>IND:051"));
}

static void plural_pronoun_refers_to_a_compound(void **state)
{
    (void)state;
    /* "their" is Pakistan and Egypt, not the country of the sentence */
    assert_string_equal(code_in("Pakistan and Egypt said India attacked their army.",
                                AN_CODE_MODE_ANNALIST).events,
                        "IND>PAK:190 IND>EGY:190");
}

static void surname_refers_to_the_person_named_before(void **state)
{
    (void)state;
    coded r = code_in("Maria Solberg spoke in Oslo. Solberg praised Egypt.", AN_CODE_MODE_ANNALIST);
    assert_string_equal(r.events, "NORGOV>EGY:051");
}

static void event_date_comes_from_the_text(void **state)
{
    (void)state;
    /* 2026-11-25 is a Wednesday: "on Monday" is the 23rd */
    assert_string_equal(code_in("Pakistan condemned India on Monday.", AN_CODE_MODE_ANNALIST).dates,
                        "2026-11-23");
    assert_string_equal(code_in("Pakistan condemned India yesterday.", AN_CODE_MODE_ANNALIST).dates,
                        "2026-11-24");
    /* a date after the document date is last year's */
    assert_string_equal(code_in("Pakistan condemned India on Dec. 3.", AN_CODE_MODE_ANNALIST).dates,
                        "2025-12-03");
    assert_string_equal(code_in("Pakistan condemned India.", AN_CODE_MODE_ANNALIST).dates,
                        "2026-11-25");
}

static void passive_without_by_has_no_source(void **state)
{
    (void)state;
    /* "India was attacked" names no attacker: India is not the source */
    assert_int_equal(code_in("India was attacked on Monday.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_int_equal(code_in("India was attacked in Egypt.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("India was attacked by Pakistan.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>IND:190");
    /* a participle right before BY is passive even without "was" */
    assert_string_equal(code_in("India attacked by Pakistan on Monday.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>IND:190");
    /* the passive subject is no source for the next verb either */
    coded r = code_in("India was attacked as Pakistan condemned Egypt.", AN_CODE_MODE_ANNALIST);
    assert_string_equal(r.events, "PAK>EGY:111");
}

static void trailing_attribution_is_not_a_target(void **state)
{
    (void)state;
    /* the reporter after the last comma is not what Pakistan praised (an attack with no
     * target of its own is another matter: reported_attack_has_the_speaker_as_target) */
    assert_int_equal(code_in("Pakistan praised the plan last week, Egypt said.", AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("Pakistan attacked India, Egypt said.", AN_CODE_MODE_ANNALIST).events,
                        "PAK>IND:190");
    /* in mid-sentence too */
    assert_string_equal(code_in("Pakistan praised the camp, Egypt said, and India condemned Pakistan.",
                                AN_CODE_MODE_ANNALIST).events,
                        "IND>PAK:111");
    /* a comma followed by an actor and another verb is no attribution */
    assert_string_equal(code_in("Pakistan attacked the camp, Egypt condemned India.",
                                AN_CODE_MODE_ANNALIST).events,
                        "EGY>IND:111");
}

static void quotation_is_not_a_target(void **state)
{
    (void)state;
    assert_int_equal(code_in("Pakistan condemned the plan, saying: \"India must go.\"",
                             AN_CODE_MODE_ANNALIST).nevents, 0);
    assert_string_equal(code_in("Pakistan condemned India, saying: \"It must go.\"",
                                AN_CODE_MODE_ANNALIST).events, "PAK>IND:111");
}

/* ------------------------------------------------------------------ explain and limits */

static void explain_records_a_trace(void **state)
{
    (void)state;
    an_error err;
    an_dict *d = NULL;
    assert_int_equal(an_dict_new(&d, &err), 0);
    assert_int_equal(an_dict_load(d, dictset, &err), 0);
    assert_int_equal(an_dict_finish(d, &err), 0);
    an_code_opts opts = AN_CODE_OPTS_INIT;
    opts.explain = 1;
    an_coder *c = NULL;
    assert_int_equal(an_coder_new(&c, d, &opts, &err), 0);
    static const char text[] = "Pakistan condemned India.";
    an_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "explain";
    doc.date = "2026-11-25";
    doc.text = text;
    doc.text_len = sizeof text - 1;
    doc.single_sentence = 1;
    an_result res;
    assert_int_equal(an_coder_code(c, &doc, &res, &err), 0);
    assert_int_equal(res.event_count, 1);
    assert_non_null(res.trace);
    assert_non_null(strstr(res.trace, "CONDEMN"));
    an_coder_free(c);
    an_dict_free(d);
}

static void long_sentence_is_coded_up_to_the_limit_and_reported(void **state)
{
    (void)state;
    char text[4096] = "Pakistan condemned India";
    for (int i = 0; i < 60; i++) strcat(text, " and more");
    strcat(text, ".");
    an_code_opts opts = AN_CODE_OPTS_INIT;
    opts.max_sentence_tokens = 20;
    coded r = code_with(text, "2026-11-25", AN_CODE_MODE_DICT, &opts);
    assert_string_equal(r.events, "PAK>IND:111");
    assert_int_equal(r.diags, 1);
    coded whole = code_with(text, "2026-11-25", AN_CODE_MODE_DICT, NULL);
    assert_int_equal(whole.diags, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stats_count_actors_by_kind),
        cmocka_unit_test(simple_event_has_provenance),
        cmocka_unit_test(compound_source_gives_one_event_per_member),
        cmocka_unit_test(actor_and_unknown_group_as_subject),
        cmocka_unit_test(compound_subject_of_mutual_verb),
        cmocka_unit_test(passive_voice_swaps_source_and_target),
        cmocka_unit_test(dated_actor_takes_the_code_of_the_document_date),
        cmocka_unit_test(discard_phrase_drops_the_sentence),
        cmocka_unit_test(no_event_without_a_verb),
        cmocka_unit_test(negated_verb_codes_nothing_in_annalist_mode),
        cmocka_unit_test(possibility_is_no_event),
        cmocka_unit_test(reported_clause_has_its_own_source),
        cmocka_unit_test(place_after_preposition_is_a_location),
        cmocka_unit_test(country_inside_which_something_happens_is_a_location),
        cmocka_unit_test(location_past_adjectives_and_place_nouns),
        cmocka_unit_test(participle_after_a_comma_shares_the_subject),
        cmocka_unit_test(passive_with_an_attack_names_its_attacker),
        cmocka_unit_test(verb_in_a_hyphenated_word_is_no_verb),
        cmocka_unit_test(subordinate_clause_holds_no_target),
        cmocka_unit_test(capitalised_us_is_the_united_states),
        cmocka_unit_test(relative_clause_holds_no_target),
        cmocka_unit_test(reported_attack_has_the_speaker_as_target),
        cmocka_unit_test(protest_for_a_demand_is_one_event),
        cmocka_unit_test(actor_on_its_own_country_is_no_event),
        cmocka_unit_test(statement_to_an_audience_is_no_event),
        cmocka_unit_test(lone_agent_takes_the_country_of_the_location),
        cmocka_unit_test(pronoun_refers_to_a_person_of_an_earlier_sentence),
        cmocka_unit_test(plural_pronoun_refers_to_a_compound),
        cmocka_unit_test(surname_refers_to_the_person_named_before),
        cmocka_unit_test(event_date_comes_from_the_text),
        cmocka_unit_test(passive_without_by_has_no_source),
        cmocka_unit_test(trailing_attribution_is_not_a_target),
        cmocka_unit_test(quotation_is_not_a_target),
        cmocka_unit_test(explain_records_a_trace),
        cmocka_unit_test(long_sentence_is_coded_up_to_the_limit_and_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
