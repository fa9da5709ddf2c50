/* reader_impl.h — state shared by the input readers (reader.c and reader_*.c).
 * Not part of the public API. */
#ifndef AN_READER_IMPL_H
#define AN_READER_IMPL_H

#include "annalist.h"
#include "text/linereader.h"
#include "util/arena.h"
#include "util/buf.h"

struct an_reader {
    an_read_opts opts;
    an_input_format format;
    char name[256];            /* file name for messages and document ids */
    an_linereader *lr;         /* text, jsonl and tabari input */
    an_arena arena;            /* strings of the current document; reset per document */
    an_doc doc;
    unsigned long doc_count;   /* documents returned so far */
    unsigned long doc_seq;     /* documents met so far, rejected ones included: numbers the
                                  "<file>#n" ids, so a bad document does not shift the rest */
    int default_days;          /* opts.default_date as a day number, or AN_NO_DATE */
    int done;

    /* text and tabari: a line read ahead but not yet used */
    const char *pending;
    size_t pending_len;
    int has_pending;
    int pending_days;          /* text: date of the date line that starts the next doc */
    int text_open;             /* text: the document in r->text goes on after an over-long
                                  line was reported (AN_ELIMIT) */
    unsigned long text_first_line;
    an_buf text;               /* the document being assembled */
    size_t text_bytes;         /* text, tabari: its size so far, counted on past
                                  opts.max_doc_bytes (the bytes beyond are not kept) */

    /* petrarch-xml */
    struct an_xml_state *xml;  /* push parser and the sentences it has completed */
};

int an_read_text_next(an_reader *r, an_error *err);
int an_read_jsonl_next(an_reader *r, an_error *err);
int an_read_tabari_next(an_reader *r, an_error *err);
int an_read_xml_open(an_reader *r, an_error *err);
int an_read_xml_next(an_reader *r, an_error *err);
void an_read_xml_close(an_reader *r);

/* Checks the assembled text (UTF-8, NUL bytes, size) and fills r->doc; shared by readers. */
int an_reader_finish_doc(an_reader *r, const char *id, int days, const char *text, size_t len,
                         unsigned long line, an_error *err);

#endif
