/* vec.c — growth helper for vec.h arrays. */
#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>

int an_vec_grow(void **items, size_t *cap, size_t elem_size, size_t need)
{
    /* A reserved vector always has storage, even for zero elements: callers may then write
     * `v.v + v.n` and memcpy into it (NULL + 0 is undefined behaviour). */
    if (need <= *cap && *items) return 0;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem_size) return -1;
        c *= 2;
    }
    void *p = realloc(*items, c * elem_size);
    if (!p) return -1;
    *items = p;
    *cap = c;
    return 0;
}
