/* error.c — error codes, messages and the an_error record. */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *an_strerror(int code)
{
    switch (code) {
    case AN_OK: return "success";
    case AN_EBADINPUT: return "bad input";
    case AN_ENOTFOUND: return "not found";
    case AN_ENOMEM: return "out of memory";
    case AN_EIO: return "input/output error";
    case AN_ELIMIT: return "limit exceeded";
    case AN_EUSAGE: return "invalid usage";
    case AN_EINTERNAL: return "internal error";
    case AN_EBUSY: return "resource busy";
    default: return "unknown error";
    }
}

int an_err(an_error *err, int code, const char *file, unsigned long line, const char *fmt, ...)
{
    if (!err) return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

int an_err_oom(an_error *err)
{
    return an_err(err, AN_ENOMEM, NULL, 0, "out of memory");
}

const char *an_error_text(const an_error *err, char *buf, size_t size)
{
    if (!size) return buf;
    if (!err) {
        snprintf(buf, size, "no error");
    } else if (err->file[0] && err->line) {
        snprintf(buf, size, "%s:%lu: %s", err->file, err->line, err->msg);
    } else if (err->file[0]) {
        snprintf(buf, size, "%s: %s", err->file, err->msg);
    } else {
        snprintf(buf, size, "%s", err->msg[0] ? err->msg : an_strerror(err->code));
    }
    return buf;
}
