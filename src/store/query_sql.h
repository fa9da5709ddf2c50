/* query_sql.h — building filtered SQL for the store's readers (query.c, export.c): a query
 * text with bound parameters, the WHERE clause of an an_store_filter, and reading an event
 * row. Not part of the public API. */
#ifndef AN_QUERY_SQL_H
#define AN_QUERY_SQL_H

#include "store/store_impl.h"

#define QB_MAX_ARGS 48

typedef struct qb {
    an_buf sql;
    const char *args[QB_MAX_ARGS];  /* bound in order to ?1, ?2 ... (copied when bound) */
    int nargs;
    char *owned[QB_MAX_ARGS];       /* arguments made here, freed by qb_free */
    int nowned;
    int bad;                        /* too many arguments, or out of memory */
} qb;

/* Conditions qb_where leaves out (a series makes them per direction instead). */
enum { QB_SKIP_ACTOR = 1, QB_SKIP_DYAD = 2 };

void qb_init(qb *q);
void qb_free(qb *q);
void qb_sql(qb *q, const char *s);
/* Appends a parameter placeholder bound to v (borrowed until qb_prepare). */
void qb_arg(qb *q, const char *v);
/* Appends "(col >= prefix AND col < prefix's upper bound)". */
void qb_prefix(qb *q, const char *col, const char *prefix);
/* Appends " WHERE ..." for filter f on table alias t (columns date, source, target, code,
 * root, quad; the rollups table when on_rollups, else events). */
void qb_where(qb *q, const an_store_filter *f, const char *t, int on_rollups, unsigned skip);
void qb_limit(qb *q, const an_store_filter *f);
int qb_prepare(an_store *s, qb *q, sqlite3_stmt **out, an_error *err);

/* The event query for f: column 0 is the row id, then the event columns qb_read_event reads. */
int qb_events_sql(qb *q, const an_store_filter *f);
/* Reads the event columns starting at column `first`; the sentence text goes into scratch.
 * url and outlet (may be NULL) get the document's url and source, NULL when unknown. */
int qb_read_event(sqlite3_stmt *st, int first, an_store_event_row *row, an_buf *scratch,
                  const char **url, const char **outlet);

#endif
