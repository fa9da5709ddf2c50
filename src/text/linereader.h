/* linereader.h — reads an input stream line by line: a file, stdin, memory, or a
 * zstd-compressed file (name ending in .zst). Lines longer than a limit are skipped
 * (consumed, not stored) and reported, so a hostile 50 MB line costs no memory. */
#ifndef AN_LINEREADER_H
#define AN_LINEREADER_H

#include <stddef.h>
#include <stdio.h>

#include "annalist.h"

typedef struct an_linereader an_linereader;

int an_linereader_open(an_linereader **out, const char *path, an_error *err);
int an_linereader_open_mem(an_linereader **out, const char *name, const char *data, size_t len,
                           an_error *err);
void an_linereader_set_max(an_linereader *lr, size_t max_line_bytes);

/* Next line without its '\n' (a trailing '\r' is kept; callers strip it).
 * Returns 1 with line and len set (valid until the next call), 0 at the end,
 * AN_ELIMIT when the line was too long (it has been skipped; len holds its length),
 * AN_EIO on a read or decompression failure (final). */
int an_linereader_next(an_linereader *lr, const char **line, size_t *len, an_error *err);
/* 1-based number of the line last returned. */
unsigned long an_linereader_lineno(const an_linereader *lr);
const char *an_linereader_name(const an_linereader *lr);
/* Peeks at up to n bytes from the start of the stream (before any line is read). */
size_t an_linereader_peek(an_linereader *lr, const char **data, size_t n);
void an_linereader_free(an_linereader *lr);

#endif
