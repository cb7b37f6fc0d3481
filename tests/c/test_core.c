/* test_core.c: buffers, shapes, arrays, the allocator and error messages. */
#include <stdint.h>
#include <stdlib.h>
#include "numc/numc.h"
#include "nctest.h"

/* An allocator that fails from the N-th call on, to test out-of-memory paths. */
static long fail_after = -1;
static void *failing_malloc(void *ctx, size_t n) { (void)ctx; if (fail_after == 0) return NULL; if (fail_after > 0) fail_after--; return malloc(n); }
static void *failing_calloc(void *ctx, size_t n, size_t s) { (void)ctx; if (fail_after == 0) return NULL; if (fail_after > 0) fail_after--; return calloc(n, s); }
static void failing_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_shape_size(void)
{
    ptrdiff_t size;
    ptrdiff_t s1[] = {2, 3, 4};
    NC_CHECK(nc_shape_size(3, s1, 8, &size) == NC_OK && size == 24);
    ptrdiff_t neg[] = {2, -1};
    NC_CHECK(nc_shape_size(2, neg, 8, &size) == NC_ERR_VALUE);
    ptrdiff_t huge[] = {PTRDIFF_MAX / 2, 4};
    NC_CHECK(nc_shape_size(2, huge, 1, &size) == NC_ERR_VALUE);
    ptrdiff_t bytes_overflow[] = {PTRDIFF_MAX / 4};
    NC_CHECK(nc_shape_size(1, bytes_overflow, 8, &size) == NC_ERR_VALUE);
    ptrdiff_t zero[] = {0, PTRDIFF_MAX};
    NC_CHECK(nc_shape_size(2, zero, 8, &size) == NC_OK && size == 0);
    ptrdiff_t zero_overflow[] = {0, PTRDIFF_MAX, 4};
    NC_CHECK(nc_shape_size(3, zero_overflow, 8, &size) == NC_ERR_VALUE);
    NC_CHECK(nc_shape_size(NC_MAXDIMS + 1, s1, 8, &size) == NC_ERR_VALUE);
    NC_CHECK(nc_shape_size(0, NULL, 8, &size) == NC_OK && size == 1);
}

static void test_broadcast(void)
{
    ptrdiff_t a[] = {3, 1, 5}, b[] = {4, 1}, out[NC_MAXDIMS];
    const ptrdiff_t *shapes[] = {a, b};
    int ndims[] = {3, 2}, nd;
    NC_CHECK(nc_broadcast_shapes(2, ndims, shapes, &nd, out) == NC_OK);
    NC_CHECK(nd == 3 && out[0] == 3 && out[1] == 4 && out[2] == 5);
    ptrdiff_t c[] = {3}, d[] = {4};
    const ptrdiff_t *bad[] = {c, d};
    int n1[] = {1, 1};
    NC_CHECK(nc_broadcast_shapes(2, n1, bad, &nd, out) == NC_ERR_SHAPE);
    ptrdiff_t e[] = {0}, f[] = {1};
    const ptrdiff_t *zeros[] = {e, f};
    NC_CHECK(nc_broadcast_shapes(2, n1, zeros, &nd, out) == NC_OK && out[0] == 0);
}

static void test_array_flags(void)
{
    nc_array a;
    ptrdiff_t shape[] = {2, 3};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 2, shape, NC_ORDER_C, 1) == NC_OK);
    NC_CHECK(a.size == 6 && a.strides[0] == 24 && a.strides[1] == 8);
    NC_CHECK((a.flags & NC_C_CONTIGUOUS) && !(a.flags & NC_F_CONTIGUOUS));
    NC_CHECK(a.flags & NC_OWNDATA);
    NC_CHECK(((uintptr_t)a.data % 64) == 0);
    nc_array v;
    ptrdiff_t vshape[] = {3, 2}, vstrides[] = {8, 24};
    NC_CHECK(nc_array_init_view(&v, a.buffer, a.data, NC_FLOAT64, 2, vshape, vstrides, 1) == NC_OK);
    NC_CHECK(!(v.flags & NC_C_CONTIGUOUS) && (v.flags & NC_F_CONTIGUOUS));
    NC_CHECK(a.buffer->refcount == 2);
    NC_CHECK(nc_array_may_overlap(&a, &v));
    nc_array_clear(&a);
    NC_CHECK(v.buffer->refcount == 1);
    nc_array_clear(&v);

    ptrdiff_t deep[10] = {1, 1, 1, 1, 1, 1, 1, 1, 2, 3};
    NC_CHECK(nc_array_init_empty(&a, NC_INT8, 10, deep, NC_ORDER_F, 0) == NC_OK);
    NC_CHECK(a.shape != a.inline_dims && a.size == 6 && a.strides[9] == 2);
    nc_array_clear(&a);
}

static void test_allocation_failure(void)
{
    nc_allocator fa = {failing_malloc, failing_calloc, failing_free, NULL};
    nc_allocator old = nc_set_allocator(&fa);
    ptrdiff_t shape[10] = {1, 1, 1, 1, 1, 1, 1, 1, 2, 3};
    for (long k = 0; k < 3; k++) {
        nc_array a;
        fail_after = k;
        nc_status st = nc_array_init_empty(&a, NC_INT32, 10, shape, NC_ORDER_C, 0);
        if (k < 2) {
            NC_CHECK_MSG(st == NC_ERR_NOMEM, "k=%ld", k);
            NC_CHECK(strstr(nc_error_message(), "allocate") != NULL);
        } else {
            NC_CHECK(st == NC_OK);
            nc_array_clear(&a);
        }
    }
    fail_after = -1;
    nc_set_allocator(&old);
}

static void test_large_buffers(void)
{
    /* Large blocks are reused after free; zeroed requests get fresh
     * (lazily zero) mappings instead, so they stay zeroed. */
    nc_buffer *b;
    size_t size = (size_t)9 << 20;
    NC_CHECK(nc_buffer_new(size, 1, &b) == NC_OK);
    NC_CHECK(((uintptr_t)b->data % 64) == 0);
    char *first = b->data;
    memset(b->data, 7, size);
    nc_buffer_decref(b);
    NC_CHECK(nc_buffer_new(size, 0, &b) == NC_OK);
    NC_CHECK(b->data == first);
    memset(b->data, 7, size);
    nc_buffer_decref(b);
    NC_CHECK(nc_buffer_new(size, 1, &b) == NC_OK);
    int zero = 1;
    for (size_t i = 0; i < size; i += 4093)
        zero &= b->data[i] == 0;
    NC_CHECK(zero && b->data[size - 1] == 0);
    nc_buffer_decref(b);
    nc_release_cached_memory();
    /* With a custom allocator large buffers go through it (and can fail). */
    nc_allocator fa = {failing_malloc, failing_calloc, failing_free, NULL};
    nc_allocator old = nc_set_allocator(&fa);
    fail_after = 1;
    NC_CHECK(nc_buffer_new(size, 0, &b) == NC_ERR_NOMEM);
    fail_after = -1;
    nc_set_allocator(&old);
}

int main(void)
{
    NC_RUN(test_shape_size);
    NC_RUN(test_broadcast);
    NC_RUN(test_array_flags);
    NC_RUN(test_allocation_failure);
    NC_RUN(test_large_buffers);
    return nctest_finish();
}
