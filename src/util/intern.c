/* intern.c — open-addressing string intern table (see intern.h). */
#include "util/intern.h"

#include <stdlib.h>
#include <string.h>

/* A small multiply-xorshift hash: fast on the short words dictionaries hold. */
uint64_t an_hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (len * 0xC2B2AE3D27D4EB4Full);
    while (len >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        h = (h ^ (k * 0xBF58476D1CE4E5B9ull)) * 0x94D049BB133111EBull;
        h ^= h >> 31;
        p += 8;
        len -= 8;
    }
    uint64_t k = 0;
    if (len) {
        memcpy(&k, p, len);
        h = (h ^ (k * 0xBF58476D1CE4E5B9ull)) * 0x94D049BB133111EBull;
    }
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    return h;
}

int an_intern_init(an_intern *t)
{
    memset(t, 0, sizeof *t);
    an_arena_init(&t->arena, 64 * 1024);
    t->nslots = 1024;
    t->slots = calloc(t->nslots, sizeof *t->slots);
    return t->slots ? 0 : -1;
}

void an_intern_free(an_intern *t)
{
    free(t->slots);
    free(t->hashes);
    free(t->strs);
    free(t->lens);
    an_arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

static uint32_t lookup(const an_intern *t, const char *s, size_t len, uint64_t h, size_t *slot)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        uint32_t v = t->slots[i];
        if (v == 0) {
            *slot = i;
            return AN_NO_ID;
        }
        uint32_t id = v - 1;
        if (t->hashes[id] == h && t->lens[id] == len && memcmp(t->strs[id], s, len) == 0) {
            *slot = i;
            return id;
        }
        i = (i + 1) & mask;
    }
}

static int grow_slots(an_intern *t)
{
    size_t n = t->nslots * 2;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots) return -1;
    for (size_t id = 0; id < t->count; id++) {
        size_t i = (size_t)t->hashes[id] & (n - 1);
        while (slots[i]) i = (i + 1) & (n - 1);
        slots[i] = (uint32_t)id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    return 0;
}

uint32_t an_intern_find(const an_intern *t, const char *s, size_t len)
{
    if (!t->slots) return AN_NO_ID;
    size_t slot;
    return lookup(t, s, len, an_hash_bytes(s, len), &slot);
}

uint32_t an_intern_add(an_intern *t, const char *s, size_t len)
{
    uint64_t h = an_hash_bytes(s, len);
    size_t slot;
    uint32_t id = lookup(t, s, len, h, &slot);
    if (id != AN_NO_ID) return id;
    if (t->count >= UINT32_MAX - 1) return AN_NO_ID;
    if (t->count == t->cap_ids) {
        size_t cap = t->cap_ids ? t->cap_ids * 2 : 1024;
        uint64_t *hs = realloc(t->hashes, cap * sizeof *hs);
        if (!hs) return AN_NO_ID;
        t->hashes = hs;
        const char **ss = realloc(t->strs, cap * sizeof *ss);
        if (!ss) return AN_NO_ID;
        t->strs = ss;
        uint32_t *ls = realloc(t->lens, cap * sizeof *ls);
        if (!ls) return AN_NO_ID;
        t->lens = ls;
        t->cap_ids = cap;
    }
    char *copy = an_arena_strndup(&t->arena, s, len);
    if (!copy) return AN_NO_ID;
    id = (uint32_t)t->count++;
    t->strs[id] = copy;
    t->lens[id] = (uint32_t)len;
    t->hashes[id] = h;
    t->slots[slot] = id + 1;
    if (t->count * 2 > t->nslots && grow_slots(t) < 0) {
        /* The id is stored; the table is just fuller than we like. */
    }
    return id;
}
