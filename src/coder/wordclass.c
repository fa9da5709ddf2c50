/* wordclass.c — the closed-class English words the coder's rules look at (prepositions
 * that end a noun phrase, speech verbs, pronouns, negators ...), looked up once per token
 * with a small hash so the rules test bits instead of comparing strings. */
#include <pthread.h>
#include <string.h>

#include "coder/wordclass.h"
#include "util/intern.h"

typedef struct entry {
    const char *word;
    uint32_t cls;
} entry;

static const entry words[] = {
    /* words that end a noun phrase */
    {"ON", AN_WC_NPSTOP}, {"FOR", AN_WC_NPSTOP | AN_WC_NPPREP}, {"AT", AN_WC_NPSTOP | AN_WC_NPPREP | AN_WC_LOCATIVE},
    {"TO", AN_WC_NPSTOP}, {"WITH", AN_WC_NPSTOP}, {"BY", AN_WC_NPSTOP}, {"AFTER", AN_WC_NPSTOP},
    {"BEFORE", AN_WC_NPSTOP}, {"DURING", AN_WC_NPSTOP}, {"AGAINST", AN_WC_NPSTOP},
    {"ABOUT", AN_WC_NPSTOP}, {"OVER", AN_WC_NPSTOP}, {"UNDER", AN_WC_NPSTOP}, {"INTO", AN_WC_NPSTOP},
    {"ONTO", AN_WC_NPSTOP}, {"THAN", AN_WC_NPSTOP}, {"AS", AN_WC_NPSTOP}, {"THAT", AN_WC_NPSTOP},
    {"WHICH", AN_WC_NPSTOP}, {"WHO", AN_WC_NPSTOP}, {"WHOM", AN_WC_NPSTOP}, {"WHOSE", AN_WC_NPSTOP},
    {"WHEN", AN_WC_NPSTOP}, {"WHERE", AN_WC_NPSTOP}, {"WHILE", AN_WC_NPSTOP}, {"AMID", AN_WC_NPSTOP},
    {"DESPITE", AN_WC_NPSTOP}, {"THROUGH", AN_WC_NPSTOP}, {"BETWEEN", AN_WC_NPSTOP},
    {"AMONG", AN_WC_NPSTOP}, {"TOWARD", AN_WC_NPSTOP}, {"TOWARDS", AN_WC_NPSTOP},
    {"UNTIL", AN_WC_NPSTOP}, {"SINCE", AN_WC_NPSTOP}, {"WITHOUT", AN_WC_NPSTOP},
    {"WITHIN", AN_WC_NPSTOP | AN_WC_LOCATIVE}, {"ACROSS", AN_WC_NPSTOP | AN_WC_LOCATIVE},
    {"AROUND", AN_WC_NPSTOP | AN_WC_LOCATIVE}, {"NEAR", AN_WC_NPSTOP | AN_WC_LOCATIVE},
    {"UPON", AN_WC_NPSTOP}, {"IS", AN_WC_NPSTOP | AN_WC_BE}, {"ARE", AN_WC_NPSTOP | AN_WC_BE},
    {"WAS", AN_WC_NPSTOP}, {"WERE", AN_WC_NPSTOP}, {"BE", AN_WC_NPSTOP | AN_WC_BE},
    {"BEEN", AN_WC_NPSTOP}, {"BEING", AN_WC_NPSTOP | AN_WC_BE}, {"HAS", AN_WC_NPSTOP},
    {"HAVE", AN_WC_NPSTOP}, {"HAD", AN_WC_NPSTOP}, {"WILL", AN_WC_NPSTOP}, {"WOULD", AN_WC_NPSTOP},
    {"CAN", AN_WC_NPSTOP}, {"COULD", AN_WC_NPSTOP}, {"SHOULD", AN_WC_NPSTOP}, {"MAY", AN_WC_NPSTOP},
    {"MIGHT", AN_WC_NPSTOP}, {"MUST", AN_WC_NPSTOP}, {"SHALL", AN_WC_NPSTOP}, {"DO", AN_WC_NPSTOP},
    {"DOES", AN_WC_NPSTOP}, {"DID", AN_WC_NPSTOP}, {"NOT", AN_WC_NPSTOP | AN_WC_NEGATION},
    {"NEVER", AN_WC_NEGATION}, {"N'T", AN_WC_NEGATION},
    {"IF", AN_WC_NPSTOP}, {"BUT", AN_WC_NPSTOP}, {"SO", AN_WC_NPSTOP}, {"ALSO", AN_WC_NPSTOP},
    {"THEN", AN_WC_NPSTOP}, {"WE", AN_WC_NPSTOP}, {"I", AN_WC_NPSTOP}, {"YOU", AN_WC_NPSTOP},
    /* pronouns */
    {"HE", AN_WC_NPSTOP | AN_WC_PRON_PERSON}, {"HIM", AN_WC_PRON_PERSON | AN_WC_PRON_OBJECT},
    {"HIS", AN_WC_PRON_PERSON | AN_WC_PRON_POSS}, {"SHE", AN_WC_NPSTOP | AN_WC_PRON_PERSON},
    {"HER", AN_WC_PRON_PERSON}, {"IT", AN_WC_NPSTOP | AN_WC_PRON_THING},
    {"ITS", AN_WC_PRON_THING | AN_WC_PRON_POSS}, {"THEY", AN_WC_NPSTOP | AN_WC_PRON_PLURAL},
    {"THEM", AN_WC_PRON_PLURAL | AN_WC_PRON_OBJECT}, {"THEIR", AN_WC_PRON_PLURAL | AN_WC_PRON_POSS},
    /* prepositions that join a noun phrase to an actor ("soldiers from Gondor") */
    {"OF", AN_WC_NPPREP}, {"IN", AN_WC_NPPREP | AN_WC_LOCATIVE}, {"FROM", AN_WC_NPPREP},
    {"INSIDE", AN_WC_LOCATIVE}, {"OUTSIDE", AN_WC_LOCATIVE}, {"THROUGHOUT", AN_WC_LOCATIVE},
    {"OFF", AN_WC_LOCATIVE},
    /* speech verbs: "X said Y visited Z" */
    {"SAY", AN_WC_SPEECH}, {"SAYS", AN_WC_SPEECH}, {"SAID", AN_WC_SPEECH}, {"SAYING", AN_WC_SPEECH},
    {"TELL", AN_WC_SPEECH}, {"TELLS", AN_WC_SPEECH}, {"TOLD", AN_WC_SPEECH},
    {"ANNOUNCE", AN_WC_SPEECH}, {"ANNOUNCED", AN_WC_SPEECH}, {"ANNOUNCES", AN_WC_SPEECH},
    {"STATE", AN_WC_SPEECH}, {"STATED", AN_WC_SPEECH}, {"STATES", AN_WC_SPEECH},
    {"CLAIM", AN_WC_SPEECH}, {"CLAIMED", AN_WC_SPEECH}, {"CLAIMS", AN_WC_SPEECH},
    {"ADD", AN_WC_SPEECH}, {"ADDED", AN_WC_SPEECH}, {"ADDS", AN_WC_SPEECH}, {"NOTE", AN_WC_SPEECH},
    {"NOTED", AN_WC_SPEECH}, {"NOTES", AN_WC_SPEECH}, {"REPORT", AN_WC_SPEECH},
    {"REPORTED", AN_WC_SPEECH}, {"REPORTS", AN_WC_SPEECH}, {"WRITE", AN_WC_SPEECH},
    {"WROTE", AN_WC_SPEECH}, {"WRITES", AN_WC_SPEECH}, {"DECLARE", AN_WC_SPEECH},
    {"DECLARED", AN_WC_SPEECH}, {"INSIST", AN_WC_SPEECH}, {"INSISTED", AN_WC_SPEECH},
    {"ARGUE", AN_WC_SPEECH}, {"ARGUED", AN_WC_SPEECH}, {"EXPLAIN", AN_WC_SPEECH},
    {"EXPLAINED", AN_WC_SPEECH}, {"ASSERT", AN_WC_SPEECH}, {"ASSERTED", AN_WC_SPEECH},
    {"BELIEVE", AN_WC_SPEECH}, {"BELIEVED", AN_WC_SPEECH}, {"THINK", AN_WC_SPEECH},
    {"THOUGHT", AN_WC_SPEECH}, {"CONFIRM", AN_WC_SPEECH}, {"CONFIRMED", AN_WC_SPEECH},
    {"SUGGEST", AN_WC_SPEECH}, {"SUGGESTED", AN_WC_SPEECH}, {"MAINTAIN", AN_WC_SPEECH},
    {"MAINTAINED", AN_WC_SPEECH},
    /* date words: the event-date rule reads only tokens of this class */
    {"YESTERDAY", AN_WC_DATE}, {"TODAY", AN_WC_DATE}, {"TONIGHT", AN_WC_DATE},
    {"JANUARY", AN_WC_DATE}, {"FEBRUARY", AN_WC_DATE}, {"MARCH", AN_WC_DATE},
    {"APRIL", AN_WC_DATE}, {"MAY", AN_WC_DATE}, {"JUNE", AN_WC_DATE}, {"JULY", AN_WC_DATE},
    {"AUGUST", AN_WC_DATE}, {"SEPTEMBER", AN_WC_DATE}, {"OCTOBER", AN_WC_DATE},
    {"NOVEMBER", AN_WC_DATE}, {"DECEMBER", AN_WC_DATE}, {"JAN", AN_WC_DATE}, {"FEB", AN_WC_DATE},
    {"MAR", AN_WC_DATE}, {"APR", AN_WC_DATE}, {"JUN", AN_WC_DATE}, {"JUL", AN_WC_DATE},
    {"AUG", AN_WC_DATE}, {"SEP", AN_WC_DATE}, {"SEPT", AN_WC_DATE}, {"OCT", AN_WC_DATE},
    {"NOV", AN_WC_DATE}, {"DEC", AN_WC_DATE}, {"MONDAY", AN_WC_DATE}, {"TUESDAY", AN_WC_DATE},
    {"WEDNESDAY", AN_WC_DATE}, {"THURSDAY", AN_WC_DATE}, {"FRIDAY", AN_WC_DATE},
    {"SATURDAY", AN_WC_DATE}, {"SUNDAY", AN_WC_DATE}, {"MON", AN_WC_DATE}, {"TUE", AN_WC_DATE},
    {"WED", AN_WC_DATE}, {"THU", AN_WC_DATE}, {"FRI", AN_WC_DATE}, {"SAT", AN_WC_DATE},
    {"SUN", AN_WC_DATE},
    /* buildings that stand for the institution in them ("the parliament building") */
    {"BUILDING", AN_WC_BUILDING}, {"BUILDINGS", AN_WC_BUILDING},
    {"HEADQUARTERS", AN_WC_BUILDING}, {"COMPOUND", AN_WC_BUILDING},
    {"OFFICE", AN_WC_BUILDING}, {"OFFICES", AN_WC_BUILDING}, {"PREMISES", AN_WC_BUILDING},
    {"RESIDENCE", AN_WC_BUILDING}, {"COMPLEX", AN_WC_BUILDING},
    /* sites and units that stand for the force in them ("police stations", "army base") */
    {"STATION", AN_WC_BUILDING}, {"STATIONS", AN_WC_BUILDING}, {"BASE", AN_WC_BUILDING},
    {"BASES", AN_WC_BUILDING}, {"BARRACKS", AN_WC_BUILDING}, {"CHECKPOINT", AN_WC_BUILDING},
    {"CHECKPOINTS", AN_WC_BUILDING}, {"POST", AN_WC_BUILDING}, {"POSTS", AN_WC_BUILDING},
    {"OUTPOST", AN_WC_BUILDING}, {"OUTPOSTS", AN_WC_BUILDING}, {"CONVOY", AN_WC_BUILDING},
    {"CONVOYS", AN_WC_BUILDING}, {"PATROL", AN_WC_BUILDING}, {"PATROLS", AN_WC_BUILDING},
    {"CAMP", AN_WC_BUILDING}, {"CAMPS", AN_WC_BUILDING},
    /* subordinators and prepositions of circumstance (annalist mode: no object past them) */
    {"AFTER", AN_WC_SUBORD}, {"BEFORE", AN_WC_SUBORD}, {"WHILE", AN_WC_SUBORD},
    {"BECAUSE", AN_WC_SUBORD}, {"ALTHOUGH", AN_WC_SUBORD}, {"THOUGH", AN_WC_SUBORD},
    {"WHEREAS", AN_WC_SUBORD}, {"UNLESS", AN_WC_SUBORD}, {"UNTIL", AN_WC_SUBORD},
    {"AMID", AN_WC_SUBORD}, {"AMIDST", AN_WC_SUBORD}, {"DESPITE", AN_WC_SUBORD},
    {"WHEN", AN_WC_SUBORD}, {"IF", AN_WC_SUBORD}, {"FOLLOWING", AN_WC_SUBORD},
    {"DURING", AN_WC_SUBORD}, {"SINCE", AN_WC_SUBORD},
    /* titles before a person's name */
    {"MR", AN_WC_TITLE}, {"MRS", AN_WC_TITLE}, {"MS", AN_WC_TITLE}, {"DR", AN_WC_TITLE},
    {"SIR", AN_WC_TITLE}, {"LORD", AN_WC_TITLE}, {"LADY", AN_WC_TITLE}, {"DAME", AN_WC_TITLE},
    {"BARONESS", AN_WC_TITLE}, {"MISS", AN_WC_TITLE},
};

#define NSLOTS 512

static struct {
    uint64_t hash[NSLOTS];
    uint32_t cls[NSLOTS];
    const char *word[NSLOTS];
} table;

static void build_table(void)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        uint64_t h = an_hash_bytes(words[i].word, strlen(words[i].word));
        size_t k = (size_t)h & (NSLOTS - 1);
        while (table.word[k] && strcmp(table.word[k], words[i].word) != 0) k = (k + 1) & (NSLOTS - 1);
        table.word[k] = words[i].word;
        table.hash[k] = h;
        table.cls[k] |= words[i].cls;
    }
}

/* Built once, before any coder codes (an_coder_new calls this). */
void an_wordclass_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, build_table);
}

static uint32_t lookup(const char *norm, size_t len)
{
    if (len == 0 || len > 12) return 0;
    uint64_t h = an_hash_bytes(norm, len);
    size_t k = (size_t)h & (NSLOTS - 1);
    while (table.word[k]) {
        if (table.hash[k] == h && strlen(table.word[k]) == len && memcmp(table.word[k], norm, len) == 0)
            return table.cls[k];
        k = (k + 1) & (NSLOTS - 1);
    }
    return 0;
}

uint32_t an_wordclass(const char *norm, size_t len)
{
    if (len > 1 && norm[len - 1] == '.') return lookup(norm, len - 1) & AN_WC_DATE;
    return lookup(norm, len);
}
