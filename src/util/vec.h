/* vec.h — growable arrays of any element type, backed by malloc.
 *   AN_VEC(int) v = {0};  if (AN_VEC_PUSH(&v, 42) < 0) ...;  free(v.v);
 * PUSH returns 0, or -1 when memory ran out (the vector is left unchanged). */
#ifndef AN_VEC_H
#define AN_VEC_H

#include <stddef.h>
#include <stdlib.h>

#define AN_VEC(T) struct { T *v; size_t n, cap; }

int an_vec_grow(void **items, size_t *cap, size_t elem_size, size_t need);

/* The common case (room already there) is decided inline: vectors grow in hot loops. */
#define AN_VEC_RESERVE(vec, need)                                                          \
    ((need) <= (vec)->cap && (vec)->v                                                      \
         ? 0                                                                               \
         : an_vec_grow((void **)&(vec)->v, &(vec)->cap, sizeof *(vec)->v, (need)))
#define AN_VEC_PUSH(vec, item) \
    (AN_VEC_RESERVE((vec), (vec)->n + 1) < 0 ? -1 : ((vec)->v[(vec)->n++] = (item), 0))
#define AN_VEC_FREE(vec) do { free((vec)->v); (vec)->v = NULL; (vec)->n = (vec)->cap = 0; } while (0)

#endif
