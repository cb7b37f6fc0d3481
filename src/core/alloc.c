/* alloc.c: the pluggable allocator every core allocation goes through.
 * Tests replace it to inject failures; the default wraps malloc. */
#include <stdlib.h>
#include "numc/alloc.h"
#include "core/largemem.h"

static void *sys_malloc(void *ctx, size_t size) { (void)ctx; return malloc(size ? size : 1); }
static void *sys_calloc(void *ctx, size_t n, size_t size)
{
    (void)ctx;
    return calloc(n ? n : 1, size ? size : 1);
}
static void sys_free(void *ctx, void *ptr) { (void)ctx; free(ptr); }

static nc_allocator current = {sys_malloc, sys_calloc, sys_free, NULL};

nc_allocator nc_set_allocator(const nc_allocator *a)
{
    nc_allocator old = current;
    if (a)
        current = *a;
    else
        current = (nc_allocator){sys_malloc, sys_calloc, sys_free, NULL};
    return old;
}

int nc__allocator_is_default(void) { return current.malloc == sys_malloc; }

void *nc_malloc(size_t size) { return current.malloc(current.ctx, size); }
void *nc_calloc(size_t n, size_t size) { return current.calloc(current.ctx, n, size); }
void nc_free(void *ptr)
{
    if (ptr)
        current.free(current.ctx, ptr);
}
