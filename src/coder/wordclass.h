/* wordclass.h — classes of closed-class words the coding rules test (see wordclass.c). */
#ifndef AN_WORDCLASS_H
#define AN_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

enum {
    AN_WC_NPSTOP = 1u << 0,       /* ends a noun phrase: prepositions, auxiliaries, "that" */
    AN_WC_NPPREP = 1u << 1,       /* joins a noun phrase to an actor: of, in, from, at, for */
    AN_WC_LOCATIVE = 1u << 2,     /* a preposition of place: in, at, near ... */
    AN_WC_SPEECH = 1u << 3,       /* a speech verb: said, told, announced ... */
    AN_WC_PRON_PERSON = 1u << 4,  /* he, him, his, she, her */
    AN_WC_PRON_THING = 1u << 5,   /* it, its */
    AN_WC_PRON_PLURAL = 1u << 6,  /* they, them, their */
    AN_WC_PRON_POSS = 1u << 7,    /* his, its, their */
    AN_WC_PRON_OBJECT = 1u << 8,  /* him, them */
    AN_WC_NEGATION = 1u << 9,     /* not, never, n't */
    AN_WC_BE = 1u << 10,          /* is, are, be, being */
    AN_WC_DATE = 1u << 11,        /* a month or weekday name (also "Jan."), yesterday, today */
    AN_WC_BUILDING = 1u << 12,    /* building, headquarters, offices: stand for an institution */
    AN_WC_TITLE = 1u << 13,       /* Mr, Mrs, Ms, Dr, Sir, Lord, Lady: a person's name follows */
    AN_WC_SUBORD = 1u << 14,      /* after, while, because, amid, during ...: what follows is a
                                     circumstance, not the verb's object */
};

#define AN_WC_PRONOUN (AN_WC_PRON_PERSON | AN_WC_PRON_THING | AN_WC_PRON_PLURAL)

void an_wordclass_init(void);
/* The classes of a normalised word (0 for any other word). A word with a final period
 * ("JAN.") has the date class of the word without it. */
uint32_t an_wordclass(const char *norm, size_t len);

#endif
