/* inflect.h — English inflection for the dictionary loaders: verb forms (3rd person, past,
 * past participle, -ing) and noun plurals, each in two flavours:
 *   - English: a table of irregular verbs and nouns (inflect.c), else the regular rules below;
 *   - PETRARCH: the exact rules PETRARCH-1 / PETRARCH-2 apply when they generate forms while
 *     reading a dictionary, wrong English included ("TRY" -> "TRYED"), so annalist reads a
 *     PETRARCH dictionary the way PETRARCH does.
 * It does not know about dictionaries, only about words. Words are ASCII; the output has the
 * case of the input (an all-upper-case word gives upper-case forms, anything else lower case).
 *
 * English regular verb rule (an_inflect_verb_regular):
 *   3rd person: +ES after S, SH, CH, X, Z, and after O that follows a consonant (ECHOES,
 *     RADIOS); Y after a consonant -> IES; else +S.
 *   past = past participle: final E -> +D; Y after a consonant -> IED; a one-syllable word
 *     ending consonant-vowel-consonant (the last not W, X or Y) doubles it (STOP -> STOPPED);
 *     else +ED. Longer words never double by rule (VISIT -> VISITED); the ones that do
 *     (ADMIT, CONTROL, REFER, ...) and the -IC verbs (PANIC -> PANICKED) are table rows.
 *   -ing: IE -> YING (DIE -> DYING); a final E after a consonant is dropped (MAKE -> MAKING,
 *     but AGREE -> AGREEING, DYE -> DYEING); doubling as for the past; else +ING.
 * English regular noun rule (an_inflect_noun_plural): +ES after S, SH, CH, X or Z; Y after a
 *   consonant -> IES; else +S. Irregular nouns (MAN -> MEN, CRISIS -> CRISES, HERO -> HEROES,
 *   SHEEP -> SHEEP) are table rows; a word ending in MAN/WOMAN takes MEN/WOMEN (GUNMAN ->
 *   GUNMEN) unless it is listed as an exception (HUMAN, GERMAN, OMAN, ...). */
#ifndef AN_DICT_INFLECT_H
#define AN_DICT_INFLECT_H

#include <stddef.h>

#define AN_INFLECT_MAX 64   /* longest word handled, with its NUL */
#define AN_INFLECT_FORMS 16 /* most forms an_inflect_*_all can return */

/* The forms of a verb; each NUL-terminated (the first alternative when a table row has
 * several, e.g. "BURNED" of "BURNED/BURNT"). */
typedef struct an_verb_forms {
    char third[AN_INFLECT_MAX];  /* he ___ */
    char past[AN_INFLECT_MAX];
    char pp[AN_INFLECT_MAX];     /* past participle */
    char ing[AN_INFLECT_MAX];
    int irregular;               /* 1 when the forms come from the irregular-verb table */
} an_verb_forms;

/* A row of the irregular-verb table, lower case; a field may hold alternatives separated
 * by '/' ("burned/burnt"). Static data. */
typedef struct an_irregular_verb {
    const char *base, *third, *past, *pp, *ing;
} an_irregular_verb;

/* A row of the irregular-noun table ("crisis", "crises"); plural alternatives by '/'. */
typedef struct an_irregular_noun {
    const char *singular, *plural;
} an_irregular_noun;

/* Which PETRARCH reader's rule. */
typedef enum an_petrarch_rule {
    AN_PETRARCH_1 = 1, /* PETRARCH-1 verbs and issues (v:): +S; +D after E else +ED;
                        * -ING with a final E dropped */
    AN_PETRARCH_2,     /* PETRARCH-2 verbs: +ES after S/X/Z, Y -> IES, else +S; +D after E
                        * else +ED; a final E after a consonant dropped before -ING */
} an_petrarch_rule;

/* Which PETRARCH plural rule (they differ between the readers' functions). */
typedef enum an_petrarch_plural {
    AN_PPLURAL_AGENT = 1, /* agents: Y -> IES, a final S gets ES appended, else +S */
    AN_PPLURAL_SYNSET,    /* synset members: Y -> IES, a final S replaced by ES, else +S */
    AN_PPLURAL_ISSUE,     /* issues n:  Y -> IES, else +S */
} an_petrarch_plural;

/* English forms of base[0..len): the table row when the verb is irregular, else the regular
 * rule. Returns 0, or -1 when the word is empty or too long. */
int an_inflect_verb(an_verb_forms *out, const char *base, size_t len);
/* The regular rule only (never the table). */
int an_inflect_verb_regular(an_verb_forms *out, const char *base, size_t len);
/* The forms a PETRARCH reader generates (past == pp). */
int an_inflect_verb_petrarch(an_verb_forms *out, const char *base, size_t len,
                             an_petrarch_rule rule);

/* The irregular-verb table row of base (any case), or NULL. */
const an_irregular_verb *an_inflect_irregular_verb(const char *base, size_t len);
/* Every distinct form of base's table row other than base itself (alternatives split), in
 * the case of base. Returns the count (0 when base is not in the table). */
int an_inflect_irregular_forms(const char *base, size_t len,
                               char out[][AN_INFLECT_MAX], int max);
/* The tables, for tests and tools: row i, or NULL past the end. Rows are sorted by base. */
const an_irregular_verb *an_inflect_verb_row(size_t i);
const an_irregular_noun *an_inflect_noun_row(size_t i);

/* English plural of noun[0..len) into out (the first alternative). Returns the length, or 0
 * when the word is empty or too long. An invariable noun gives itself (SHEEP). */
size_t an_inflect_noun_plural(char *out, size_t cap, const char *noun, size_t len);
/* Every English plural of noun (alternatives of a table row). Returns the count. */
int an_inflect_noun_plurals(const char *noun, size_t len, char out[][AN_INFLECT_MAX], int max);
/* The plural a PETRARCH reader generates. Returns the length, or 0. */
size_t an_inflect_petrarch_plural(char *out, size_t cap, const char *noun, size_t len,
                                  an_petrarch_plural rule);

#endif
