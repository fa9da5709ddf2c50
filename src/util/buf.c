/* buf.c — growable byte buffer (see buf.h). */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

int an_buf_reserve(an_buf *b, size_t extra)
{
    if (b->oom) return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void an_buf_append(an_buf *b, const void *data, size_t len)
{
    if (an_buf_reserve(b, len) < 0) return;
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void an_buf_puts(an_buf *b, const char *s)
{
    an_buf_append(b, s, strlen(s));
}

void an_buf_putc(an_buf *b, char c)
{
    if (an_buf_reserve(b, 1) < 0) return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void an_buf_vprintf(an_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || an_buf_reserve(b, (size_t)n) < 0) return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void an_buf_printf(an_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    an_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void an_buf_json_string(an_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (an_buf_reserve(b, len + 2) < 0) return;
    an_buf_putc(b, '"');
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            size_t run = i;
            while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x80 &&
                   s[run] != '"' && s[run] != '\\')
                run++;
            if (run > i) {
                an_buf_append(b, s + i, run - i);
                i = run;
                continue;
            }
            switch (c) {
            case '"': an_buf_append(b, "\\\"", 2); break;
            case '\\': an_buf_append(b, "\\\\", 2); break;
            case '\n': an_buf_append(b, "\\n", 2); break;
            case '\t': an_buf_append(b, "\\t", 2); break;
            case '\r': an_buf_append(b, "\\r", 2); break;
            default: {
                char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                an_buf_append(b, esc, 6);
            }
            }
            i++;
            continue;
        }
        size_t n = an_utf8_valid_prefix_len(s + i, len - i);
        if (n == 0) {
            an_buf_append(b, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            an_buf_append(b, s + i, n);
            i += n;
        }
    }
    an_buf_putc(b, '"');
}

void an_buf_clear(an_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void an_buf_free(an_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
