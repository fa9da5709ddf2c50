/* linereader.c — buffered line input over files, stdin, memory and zstd streams. */
#include "text/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zstd.h>

#include "util/error.h"

#define CHUNK (256 * 1024)

struct an_linereader {
    char name[256];
    FILE *fp;
    int own_fp;
    ZSTD_DStream *zs;         /* non-NULL for .zst input */
    unsigned char *zin;       /* compressed input buffer */
    ZSTD_inBuffer zinbuf;
    int zpending;             /* the decoder is inside a frame (wants more input) */
    const char *mem;          /* memory input (copied) */
    size_t mem_len, mem_pos;
    char *buf;                /* decoded bytes not yet returned */
    size_t buf_start, buf_len, buf_cap;
    char *line;               /* assembled line when it spans refills */
    size_t line_cap;
    size_t max_line;
    unsigned long lineno;
    int eof;
};

static int fill_raw(an_linereader *lr, char *dst, size_t cap, size_t *got, an_error *err)
{
    *got = 0;
    if (lr->mem) {
        size_t n = lr->mem_len - lr->mem_pos;
        if (n > cap) n = cap;
        memcpy(dst, lr->mem + lr->mem_pos, n);
        lr->mem_pos += n;
        *got = n;
        return 0;
    }
    if (!lr->zs) {
        size_t n = fread(dst, 1, cap, lr->fp);
        if (n == 0 && ferror(lr->fp))
            return an_err(err, AN_EIO, lr->name, lr->lineno, "read failed: %s", strerror(errno));
        *got = n;
        return 0;
    }
    ZSTD_outBuffer out = {dst, cap, 0};
    while (out.pos == 0) {
        int at_eof = 0;
        if (lr->zinbuf.pos == lr->zinbuf.size) {
            size_t n = fread(lr->zin, 1, ZSTD_DStreamInSize(), lr->fp);
            if (n == 0 && ferror(lr->fp))
                return an_err(err, AN_EIO, lr->name, lr->lineno, "read failed: %s",
                              strerror(errno));
            at_eof = n == 0;
            lr->zinbuf.src = lr->zin;
            lr->zinbuf.size = n;
            lr->zinbuf.pos = 0;
        }
        /* At the end of the input this still flushes what the decoder holds. */
        size_t in_before = lr->zinbuf.pos;
        size_t r = ZSTD_decompressStream(lr->zs, &out, &lr->zinbuf);
        if (ZSTD_isError(r))
            return an_err(err, AN_EIO, lr->name, lr->lineno, "zstd: %s", ZSTD_getErrorName(r));
        if (out.pos || lr->zinbuf.pos != in_before) lr->zpending = r != 0;
        if (at_eof) {
            /* The last call that did anything wanted more of a frame the file cut off. */
            if (out.pos == 0 && lr->zpending)
                return an_err(err, AN_EIO, lr->name, lr->lineno,
                              "zstd: truncated input (the file ends inside a frame)");
            break;
        }
    }
    *got = out.pos;
    return 0;
}

/* Moves pending bytes to the front and reads more; returns bytes added (0 at the end). */
static int refill(an_linereader *lr, size_t *added, an_error *err)
{
    *added = 0;
    if (lr->eof) return 0;
    if (lr->buf_start > 0) {
        memmove(lr->buf, lr->buf + lr->buf_start, lr->buf_len);
        lr->buf_start = 0;
    }
    if (lr->buf_cap - lr->buf_len < CHUNK / 2) {
        /* Only reached when a line is being assembled; bounded by max_line. */
        size_t cap = lr->buf_cap * 2;
        char *p = realloc(lr->buf, cap);
        if (!p) return an_err_oom(err);
        lr->buf = p;
        lr->buf_cap = cap;
    }
    size_t got;
    int rc = fill_raw(lr, lr->buf + lr->buf_len, lr->buf_cap - lr->buf_len, &got, err);
    if (rc < 0) return rc;
    if (got == 0) lr->eof = 1;
    lr->buf_len += got;
    *added = got;
    return 0;
}

static int init_common(an_linereader *lr, const char *name, an_error *err)
{
    snprintf(lr->name, sizeof lr->name, "%s", name);
    lr->buf_cap = CHUNK;
    lr->buf = malloc(lr->buf_cap);
    if (!lr->buf) return an_err_oom(err);
    lr->max_line = (size_t)8 << 20;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int an_linereader_open(an_linereader **out, const char *path, an_error *err)
{
    *out = NULL;
    an_linereader *lr = calloc(1, sizeof *lr);
    if (!lr) return an_err_oom(err);
    int rc = init_common(lr, strcmp(path, "-") == 0 ? "<stdin>" : path, err);
    if (rc < 0) goto fail;
    if (strcmp(path, "-") == 0) {
        lr->fp = stdin;
    } else {
        struct stat st;
        if (stat(path, &st) < 0) {
            rc = an_err(err, errno == ENOENT ? AN_ENOTFOUND : AN_EIO, path, 0, "cannot open: %s",
                        strerror(errno));
            goto fail;
        }
        if (S_ISDIR(st.st_mode)) {
            rc = an_err(err, AN_EBADINPUT, path, 0, "is a directory, expected a file");
            goto fail;
        }
        lr->fp = fopen(path, "rb");
        if (!lr->fp) {
            rc = an_err(err, AN_EIO, path, 0, "cannot open: %s", strerror(errno));
            goto fail;
        }
        lr->own_fp = 1;
    }
    if (ends_with(path, ".zst")) {
        lr->zs = ZSTD_createDStream();
        lr->zin = malloc(ZSTD_DStreamInSize());
        if (!lr->zs || !lr->zin) {
            rc = an_err_oom(err);
            goto fail;
        }
        ZSTD_initDStream(lr->zs);
    }
    *out = lr;
    return 0;
fail:
    an_linereader_free(lr);
    return rc;
}

int an_linereader_open_mem(an_linereader **out, const char *name, const char *data, size_t len,
                           an_error *err)
{
    *out = NULL;
    an_linereader *lr = calloc(1, sizeof *lr);
    if (!lr) return an_err_oom(err);
    int rc = init_common(lr, name, err);
    char *copy = malloc(len ? len : 1);
    if (rc == 0 && !copy) rc = an_err_oom(err);
    if (rc < 0) {
        free(copy);
        an_linereader_free(lr);
        return rc;
    }
    if (len) memcpy(copy, data, len);
    lr->mem = copy;
    lr->mem_len = len;
    *out = lr;
    return 0;
}

void an_linereader_set_max(an_linereader *lr, size_t max_line_bytes)
{
    lr->max_line = max_line_bytes ? max_line_bytes : (size_t)8 << 20;
}

size_t an_linereader_peek(an_linereader *lr, const char **data, size_t n)
{
    size_t added;
    while (lr->buf_len < n && !lr->eof) {
        if (refill(lr, &added, NULL) < 0) break;
    }
    *data = lr->buf + lr->buf_start;
    return lr->buf_len < n ? lr->buf_len : n;
}

int an_linereader_next(an_linereader *lr, const char **line, size_t *len, an_error *err)
{
    size_t scanned = 0, skipped = 0;
    int skipping = 0;
    for (;;) {
        char *start = lr->buf + lr->buf_start;
        char *nl = scanned < lr->buf_len ? memchr(start + scanned, '\n', lr->buf_len - scanned) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - start);
            lr->buf_start += n + 1;
            lr->buf_len -= n + 1;
            lr->lineno++;
            if (skipping || n > lr->max_line) {
                *len = skipped + n;
                return an_err(err, AN_ELIMIT, lr->name, lr->lineno,
                              "line is %zu bytes, longer than the limit of %zu", skipped + n,
                              lr->max_line);
            }
            *line = start;
            *len = n;
            return 1;
        }
        if (lr->buf_len > lr->max_line) {
            /* Too long: drop what we have and keep reading to the end of the line. */
            skipping = 1;
            skipped += lr->buf_len;
            lr->buf_start = 0;
            lr->buf_len = 0;
            scanned = 0;
        } else {
            scanned = lr->buf_len;
        }
        size_t added;
        int rc = refill(lr, &added, err);
        if (rc < 0) return rc;
        if (added == 0) {
            if (lr->buf_len == 0 && !skipping) return 0;
            /* Last line without '\n'. */
            size_t n = lr->buf_len;
            lr->lineno++;
            lr->buf_len = 0;
            if (skipping || n > lr->max_line) {
                *len = skipped + n;
                return an_err(err, AN_ELIMIT, lr->name, lr->lineno,
                              "line is %zu bytes, longer than the limit of %zu", skipped + n,
                              lr->max_line);
            }
            /* Keep the bytes addressable: buf_start stays, length consumed. */
            *line = lr->buf + lr->buf_start;
            lr->buf_start += n;
            *len = n;
            return 1;
        }
    }
}

unsigned long an_linereader_lineno(const an_linereader *lr) { return lr->lineno; }
const char *an_linereader_name(const an_linereader *lr) { return lr->name; }

void an_linereader_free(an_linereader *lr)
{
    if (!lr) return;
    if (lr->own_fp && lr->fp) fclose(lr->fp);
    if (lr->zs) ZSTD_freeDStream(lr->zs);
    free(lr->zin);
    free((void *)lr->mem);
    free(lr->buf);
    free(lr->line);
    free(lr);
}
