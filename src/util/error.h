/* error.h — filling an_error (the public error record) from inside the library. */
#ifndef AN_ERROR_H
#define AN_ERROR_H

#include "annalist.h"

/* Sets err (which may be NULL) and returns code, so callers can `return an_err(...)`. */
int an_err(an_error *err, int code, const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int an_err_oom(an_error *err);

#endif
