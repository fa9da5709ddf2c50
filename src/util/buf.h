/* buf.h — growable byte buffer for building strings and output lines.
 * Owns its memory (malloc). Always NUL-terminated after any append. */
#ifndef AN_BUF_H
#define AN_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct an_buf {
    char *data;
    size_t len, cap;
    int oom;          /* set when an append failed for lack of memory */
} an_buf;

#define AN_BUF_INIT { NULL, 0, 0, 0 }

int an_buf_reserve(an_buf *b, size_t extra);
void an_buf_append(an_buf *b, const void *data, size_t len);
void an_buf_puts(an_buf *b, const char *s);
void an_buf_putc(an_buf *b, char c);
void an_buf_printf(an_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void an_buf_vprintf(an_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends s (len bytes) as a JSON string literal with quotes. Invalid UTF-8 becomes U+FFFD. */
void an_buf_json_string(an_buf *b, const char *s, size_t len);
void an_buf_clear(an_buf *b);
void an_buf_free(an_buf *b);

#endif
