/* arena.c — bump allocator (see arena.h). Blocks are chained; reset keeps the first
 * block so a coder that codes many documents allocates nothing in the steady state. */
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct an_arena_block {
    an_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define AN_ALIGN 16

void an_arena_init(an_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->used_total = 0;
}

static an_arena_block *new_block(size_t size)
{
    an_arena_block *b = malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *an_arena_alloc(an_arena *a, size_t size)
{
    if (size == 0) size = 1;
    if (size > SIZE_MAX / 2) return NULL;
    a->used_total += size;
#ifdef AN_ARENA_DEBUG
    an_arena_block *b = new_block(size);
    if (!b) return NULL;
    b->used = size;
    b->next = a->head;
    a->head = b;
    return b->data;
#else
    size_t need = (size + AN_ALIGN - 1) & ~(size_t)(AN_ALIGN - 1);
    an_arena_block *b = a->head;
    if (!b || b->size - b->used < need) {
        if (need > a->block_size / 4) {
            /* A large request gets its own block, linked behind the current one so the
             * current block keeps serving small requests. */
            an_arena_block *big = new_block(need);
            if (!big) return NULL;
            big->used = need;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            return big->data;
        }
        an_arena_block *nb = new_block(a->block_size);
        if (!nb) return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    return p;
#endif
}

void *an_arena_calloc(an_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = an_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *an_arena_strndup(an_arena *a, const char *s, size_t len)
{
    char *p = an_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *an_arena_strdup(an_arena *a, const char *s)
{
    return an_arena_strndup(a, s, strlen(s));
}

void an_arena_reset(an_arena *a)
{
    a->used_total = 0;
#ifdef AN_ARENA_DEBUG
    an_arena_free(a);
#else
    /* Keep the most recent regular-sized block; free the rest. */
    an_arena_block *keep = NULL, *b = a->head;
    while (b) {
        an_arena_block *next = b->next;
        if (!keep && b->size == a->block_size) {
            keep = b;
        } else {
            free(b);
        }
        b = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
#endif
}

void an_arena_free(an_arena *a)
{
    an_arena_block *b = a->head;
    while (b) {
        an_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}
