/* test_transpose.c: the cache-blocked transposing copy (transpose_copy.c)
 * against an element-by-element reference: every itemsize (1, 2, 4, 8, 16),
 * odd and non-square shapes whose edges cut through tiles and SIMD blocks,
 * negative strides, 3-d permutations, misaligned destinations, and outputs
 * large enough to take the non-temporal store path. */
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "nctest.h"

static void fill(nc_array *a)
{
    int k = nc_dtype_info(a->dtype)->itemsize;
    unsigned char *p = (unsigned char *)a->data;
    for (ptrdiff_t e = 0; e < a->size; e++)
        for (int b = 0; b < k; b++)
            p[e * k + b] = (unsigned char)((e >> (8 * (b % 3))) ^ (b * 37) ^ (e * 5 >> 11));
}

/* Copies a permuted (and optionally flipped) view of a C-ordered base array
 * into a C-ordered destination (offset by `dst_off` elements from its
 * buffer's start) and compares against the reference gather. */
static void check(nc_dtype_id dt, int ndim, const ptrdiff_t *bshape, const int *perm, int flip,
                  int dst_off)
{
    int k = nc_dtype_info(dt)->itemsize;
    nc_array a = {0}, v = {0}, big = {0}, d = {0};
    NC_CHECK(nc_array_init_empty(&a, dt, ndim, bshape, NC_ORDER_C, 0) == NC_OK);
    fill(&a);
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
    char *data = a.data;
    for (int i = 0; i < ndim; i++) {
        shape[i] = bshape[perm[i]];
        strides[i] = a.strides[perm[i]];
        if (flip >> i & 1) {
            data += (shape[i] - 1) * strides[i];
            strides[i] = -strides[i];
        }
    }
    NC_CHECK(nc_array_init_view(&v, a.buffer, data, dt, ndim, shape, strides, 0) == NC_OK);
    ptrdiff_t total = a.size + dst_off;
    NC_CHECK(nc_array_init_empty(&big, dt, 1, &total, NC_ORDER_C, 0) == NC_OK);
    memset(big.data, 0xAB, (size_t)total * (size_t)k);
    NC_CHECK(nc_array_init_view(&d, big.buffer, big.data + dst_off * k, dt, ndim, shape, NULL, 1) ==
             NC_OK);
    int blocked = nc__copy_blocked(&d, &v);
    if (!blocked)
        NC_CHECK(nc_array_assign(&d, &v, NC_CAST_NO) == NC_OK);
    /* Reference: walk the destination in C order. */
    ptrdiff_t idx[NC_MAXDIMS] = {0};
    long bad = 0;
    for (ptrdiff_t e = 0; e < d.size; e++) {
        const char *s = data;
        for (int i = 0; i < ndim; i++)
            s += idx[i] * strides[i];
        bad += memcmp(d.data + e * k, s, (size_t)k) != 0;
        for (int i = ndim - 1; i >= 0; i--) {
            if (++idx[i] < shape[i])
                break;
            idx[i] = 0;
        }
    }
    for (int i = 0; i < dst_off * k; i++)
        bad += (unsigned char)big.data[i] != 0xAB;
    NC_CHECK_MSG(bad == 0, "dtype %s ndim %d shape0 %td flip %d off %d blocked %d: %ld bad",
                 nc_dtype_info(dt)->name, ndim, bshape[0], flip, dst_off, blocked, bad);
    nc_array_clear(&d);
    nc_array_clear(&big);
    nc_array_clear(&v);
    nc_array_clear(&a);
}

static const nc_dtype_id dtypes[] = {NC_UINT8, NC_INT16, NC_FLOAT32, NC_INT32, NC_FLOAT64,
                                     NC_INT64, NC_COMPLEX128};

static void test_2d_shapes(void)
{
    static const ptrdiff_t shapes[][2] = {{67, 131}, {131, 67}, {129, 257}, {5, 1001},
                                          {1001, 5}, {33, 4099}, {256, 256}, {1, 5000}};
    int perm[] = {1, 0};
    for (size_t t = 0; t < sizeof dtypes / sizeof dtypes[0]; t++)
        for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
            check(dtypes[t], 2, shapes[s], perm, 0, 0);
}

static void test_negative_strides(void)
{
    ptrdiff_t shape[] = {131, 203};
    int perm[] = {1, 0};
    for (size_t t = 0; t < sizeof dtypes / sizeof dtypes[0]; t++)
        for (int flip = 1; flip < 4; flip++)
            check(dtypes[t], 2, shape, perm, flip, 0);
}

static void test_3d(void)
{
    ptrdiff_t shape[] = {3, 70, 101};
    static const int perms[][3] = {{0, 2, 1}, {2, 1, 0}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}};
    for (size_t t = 0; t < sizeof dtypes / sizeof dtypes[0]; t++)
        for (size_t p = 0; p < sizeof perms / sizeof perms[0]; p++) {
            check(dtypes[t], 3, shape, perms[p], 0, 0);
            check(dtypes[t], 3, shape, perms[p], 5, 0);
        }
}

static void test_misaligned_dst(void)
{
    ptrdiff_t shape[] = {97, 150};
    int perm[] = {1, 0};
    for (size_t t = 0; t < sizeof dtypes / sizeof dtypes[0]; t++)
        for (int off = 1; off < 4; off++)
            check(dtypes[t], 2, shape, perm, 0, off);
}

/* Outputs of 64 MiB or more take the non-temporal store path. */
static void test_large(void)
{
    int perm[] = {1, 0};
    ptrdiff_t f64[] = {2899, 2901}, f64sq[] = {2900, 2900}, f32[] = {4097, 4099};
    check(NC_FLOAT64, 2, f64sq, perm, 0, 0);
    check(NC_FLOAT64, 2, f64, perm, 0, 0);
    check(NC_FLOAT64, 2, f64sq, perm, 2, 1);
    check(NC_FLOAT32, 2, f32, perm, 0, 0);
    check(NC_FLOAT32, 2, f32, perm, 1, 3);
}

int main(void)
{
    NC_RUN(test_2d_shapes);
    NC_RUN(test_negative_strides);
    NC_RUN(test_3d);
    NC_RUN(test_misaligned_dst);
    NC_RUN(test_large);
    return nctest_finish();
}
