/* largemem.h: internal large-block allocation (see largemem.c). */
#ifndef NC_LARGEMEM_H
#define NC_LARGEMEM_H
#include <stddef.h>
#include <stdint.h>

/* Buffers at least this big come from nc__large_alloc. */
#define NC_LARGE_BYTES ((size_t)256 << 10)

/* Returns a block of at least `size` bytes (zeroed if asked) and its
 * capacity, to be passed back to nc__large_free; NULL when out of memory. */
void *nc__large_alloc(size_t size, int zeroed, size_t *cap_out);
void nc__large_free(void *p, size_t cap);
/* 1 when the default allocator is installed. */
int nc__allocator_is_default(void);
#endif
