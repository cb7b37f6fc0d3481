/* buffer.c: reference-counted owners of array memory.
 *
 * A buffer made by nc_buffer_new keeps header and data in one allocation, the
 * data 64-byte aligned after the header.  Wrapped buffers point at foreign
 * memory and call their release hook when the last reference goes.
 * Invariant: refcount > 0 while any array uses the buffer. */
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include "numc/array.h"
#include "numc/alloc.h"
#include "core/largemem.h"

#define DATA_ALIGN 64

typedef struct owned_buffer {
    nc_buffer head;
    void *block;      /* what nc_malloc returned; NULL for foreign data */
    void *large;      /* data block from nc__large_alloc, or NULL */
    size_t large_cap;
} owned_buffer;

nc_status nc_buffer_new(size_t size, int zeroed, nc_buffer **out)
{
    size_t header = sizeof(owned_buffer);
    if (size > PTRDIFF_MAX - header - DATA_ALIGN)
        return nc_error_set(NC_ERR_NOMEM, "Unable to allocate %zu bytes", size);
    if (size >= NC_LARGE_BYTES) {
        /* Header apart from the data, so the data keeps huge-page alignment. */
        owned_buffer *b = nc_malloc(sizeof *b);
        if (!b)
            return nc_error_set(NC_ERR_NOMEM, "Unable to allocate a buffer header");
        size_t cap;
        void *data = nc__large_alloc(size, zeroed, &cap);
        if (!data) {
            nc_free(b);
            return nc_error_set(NC_ERR_NOMEM, "Unable to allocate %zu bytes for an array", size);
        }
        b->block = b;
        b->large = data;
        b->large_cap = cap;
        b->head = (nc_buffer){1, data, size, NULL, NULL};
        *out = &b->head;
        return NC_OK;
    }
    size_t total = header + DATA_ALIGN + size;
    void *block = zeroed ? nc_calloc(1, total) : nc_malloc(total);
    if (!block)
        return nc_error_set(NC_ERR_NOMEM, "Unable to allocate %zu bytes for an array", size);
    owned_buffer *b = block;
    uintptr_t p = (uintptr_t)block + header;
    p = (p + DATA_ALIGN - 1) & ~(uintptr_t)(DATA_ALIGN - 1);
    b->block = block;
    b->large = NULL;
    b->head.refcount = 1;
    b->head.data = (char *)p;
    b->head.size = size;
    b->head.release = NULL;
    b->head.ctx = NULL;
    *out = &b->head;
    return NC_OK;
}

/* Wrapped buffers are allocated as owned_buffer too, with block == NULL marking
 * that the data is foreign. */
nc_status nc_buffer_wrap(void *data, size_t size, void (*release)(nc_buffer *),
                         void *ctx, nc_buffer **out)
{
    owned_buffer *b = nc_malloc(sizeof *b);
    if (!b)
        return nc_error_set(NC_ERR_NOMEM, "Unable to allocate a buffer header");
    b->block = NULL;
    b->large = NULL;
    b->head.refcount = 1;
    b->head.data = data;
    b->head.size = size;
    b->head.release = release;
    b->head.ctx = ctx;
    *out = &b->head;
    return NC_OK;
}

void nc_buffer_incref(nc_buffer *buf)
{
    atomic_fetch_add_explicit((_Atomic long *)&buf->refcount, 1, memory_order_relaxed);
}

void nc_buffer_decref(nc_buffer *buf)
{
    if (!buf)
        return;
    if (atomic_fetch_sub_explicit((_Atomic long *)&buf->refcount, 1, memory_order_acq_rel) != 1)
        return;
    owned_buffer *b = (owned_buffer *)buf;
    if (b->large)
        nc__large_free(b->large, b->large_cap);
    if (b->block) {
        nc_free(b->block);
        return;
    }
    if (buf->release)
        buf->release(buf);
    nc_free(b);
}
