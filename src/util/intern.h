/* intern.h — string interning: each distinct byte string gets a dense id (0, 1, 2 ...).
 * Dictionary words are interned once at load time; matching then compares integers.
 * Strings are copied into the table's own arena and stay valid until an_intern_free. */
#ifndef AN_INTERN_H
#define AN_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#define AN_NO_ID UINT32_MAX

typedef struct an_intern {
    uint32_t *slots;     /* id + 1 per slot; 0 = empty */
    uint64_t *hashes;    /* hash per id, to grow without rehashing strings */
    const char **strs;   /* string per id */
    uint32_t *lens;
    size_t count, cap_ids, nslots;
    an_arena arena;
} an_intern;

int an_intern_init(an_intern *t);
void an_intern_free(an_intern *t);
/* Returns the id of s, adding it when new; AN_NO_ID when out of memory. */
uint32_t an_intern_add(an_intern *t, const char *s, size_t len);
/* Returns the id of s, or AN_NO_ID when it is not in the table. */
uint32_t an_intern_find(const an_intern *t, const char *s, size_t len);
static inline const char *an_intern_str(const an_intern *t, uint32_t id) { return t->strs[id]; }
static inline uint32_t an_intern_len(const an_intern *t, uint32_t id) { return t->lens[id]; }

uint64_t an_hash_bytes(const void *data, size_t len);

#endif
