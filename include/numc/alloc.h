/* alloc.h: the core's pluggable allocator.
 *
 * Every allocation the core makes goes through nc_malloc/nc_calloc/nc_free,
 * which call the installed allocator.  Tests install one that fails on the
 * N-th call to prove that out-of-memory is an ordinary, handled error. */
#ifndef NUMC_ALLOC_H
#define NUMC_ALLOC_H

#include <stddef.h>
#include "numc/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nc_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t n, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} nc_allocator;

/* Installs `a` (NULL restores the default malloc-based allocator) and
 * returns the previous one.  Not thread-safe: install before use. */
NC_API nc_allocator nc_set_allocator(const nc_allocator *a);

NC_API void *nc_malloc(size_t size);
NC_API void *nc_calloc(size_t n, size_t size);
NC_API void nc_free(void *ptr);

/* Unmaps the large freed blocks the core keeps for reuse (see largemem.c). */
NC_API void nc_release_cached_memory(void);

#ifdef __cplusplus
}
#endif
#endif
