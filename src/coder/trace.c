/* trace.c — the explain trace: each coding stage writes one line per decision when the
 * coder runs with opts.explain; otherwise the calls cost one branch. */
#include <stdarg.h>

#include "coder/sent.h"

void an_trace(an_sent *s, const char *fmt, ...)
{
    if (!s->trace) return;
    va_list ap;
    va_start(ap, fmt);
    an_buf_vprintf(s->trace, fmt, ap);
    va_end(ap);
    an_buf_putc(s->trace, '\n');
}

const char *an_ttype_name(int t)
{
    static const char *names[] = {"word", "number", "comma", "quote", "ACTOR", "AGENT", "VERB",
                                  "noun", "adjective", "time", "det", "conj", "prep",
                                  "pronoun", "aux", "by", "former"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}
