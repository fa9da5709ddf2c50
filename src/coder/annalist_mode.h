/* annalist_mode.h — annalist mode's additions to coding (see annalist_mode.c) and the document
 * context that carries actors from one sentence to the next. */
#ifndef AN_CODER_ANNALIST_MODE_H
#define AN_CODER_ANNALIST_MODE_H

#include "coder/sent.h"

#define AN_DOCCTX_MAX 64

/* An actor seen earlier in the document. Codes and agents point into the dictionary. */
typedef struct an_ctxactor {
    const an_datedcode *code;
    uint32_t literal;
    const an_agent *agents[4];
    uint8_t nagents;
    uint8_t flags;          /* AN_RF_PERSON, AN_RF_PLACE */
    uint8_t compound;
    uint32_t surname;       /* a person's last name (word id), or AN_NO_ID */
    uint32_t sentence;      /* number of the sentence it was seen in */
} an_ctxactor;

struct an_docctx {
    an_ctxactor a[AN_DOCCTX_MAX];  /* oldest first */
    size_t n;
    const char *home;       /* the document's country: its dateline's, else its first actor's */
    uint32_t sentence;      /* sentences remembered so far */
};

void an_docctx_reset(an_docctx *ctx);
/* Sets the document's country from its dateline ("ISLAMABAD:"), if the place is known. */
void an_docctx_dateline(an_docctx *ctx, const an_dict *d, const char *dateline, int day);

void an_annalist_locations(an_sent *s);
int an_annalist_pronouns(an_sent *s);
int an_annalist_surnames(an_sent *s);
void an_annalist_lone_agents(an_sent *s);
int an_annalist_clauses(an_sent *s);
/* 1 for a passive verb form ("were killed"); the caller checks for a BY phrase. */
int an_annalist_agentless_passive(const an_sent *s, const an_occ *verb);
/* 1 when the verb is negated and no pattern spelled the negation out. */
int an_annalist_negated(const an_sent *s, const an_occ *verb, const an_pattern *p);
/* The day the sentence's events happened: a date named in it, else docday. */
int an_annalist_event_date(const an_sent *s, int docday);
/* Adds the sentence's actors to the document context. */
void an_annalist_remember(an_sent *s);

#endif
