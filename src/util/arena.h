/* arena.h — bump allocator for per-document and per-dictionary memory.
 * Freed all at once (an_arena_reset / an_arena_free); no per-object free.
 * With -DAN_ARENA_DEBUG every allocation is its own malloc block, so ASan sees overruns. */
#ifndef AN_ARENA_H
#define AN_ARENA_H

#include <stddef.h>

typedef struct an_arena_block an_arena_block;

typedef struct an_arena {
    an_arena_block *head;   /* current block (debug: list of every allocation) */
    size_t block_size;      /* size of new regular blocks */
    size_t used_total;      /* bytes handed out since the last reset */
} an_arena;

void an_arena_init(an_arena *a, size_t block_size);
/* Uninitialised memory aligned to 16 bytes, or NULL when out of memory. */
void *an_arena_alloc(an_arena *a, size_t size);
void *an_arena_calloc(an_arena *a, size_t count, size_t size);
/* Copies len bytes and adds a NUL. */
char *an_arena_strndup(an_arena *a, const char *s, size_t len);
char *an_arena_strdup(an_arena *a, const char *s);
/* Frees everything but keeps one block for reuse. */
void an_arena_reset(an_arena *a);
void an_arena_free(an_arena *a);

#endif
