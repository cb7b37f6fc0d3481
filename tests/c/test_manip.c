/* test_manip.c: the core's joining and overlap routines (manip.h):
 * concatenate shapes, values and errors, broadcast views, masked copies,
 * and shares_memory against a brute-force byte comparison. */
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "numc/manip.h"
#include "nctest.h"

static void make(nc_array *a, nc_dtype_id t, int ndim, const ptrdiff_t *shape, double start)
{
    memset(a, 0, sizeof *a);
    NC_CHECK(nc_array_init_empty(a, t, ndim, shape, NC_ORDER_C, 0) == NC_OK);
    for (ptrdiff_t i = 0; i < a->size; i++) {
        if (t == NC_FLOAT64)
            ((double *)a->data)[i] = start + (double)i;
        else if (t == NC_INT32)
            ((int32_t *)a->data)[i] = (int32_t)(start + (double)i);
    }
}

static void test_concat(void)
{
    nc_array a, b, out;
    ptrdiff_t sa[2] = {2, 3}, sb[2] = {2, 1};
    make(&a, NC_FLOAT64, 2, sa, 0);
    make(&b, NC_INT32, 2, sb, 100);
    const nc_array *in[2] = {&a, &b};
    int axis = -1, nd;
    ptrdiff_t shape[NC_MAXDIMS];
    NC_CHECK(nc_concat_shape(2, in, &axis, &nd, shape) == NC_OK);
    NC_CHECK(axis == 1 && nd == 2 && shape[0] == 2 && shape[1] == 4);
    memset(&out, 0, sizeof out);
    NC_CHECK(nc_array_init_empty(&out, NC_FLOAT64, nd, shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_concatenate(&out, 2, in, axis, NC_CAST_SAME_KIND) == NC_OK);
    double want[8] = {0, 1, 2, 100, 3, 4, 5, 101};
    NC_CHECK(memcmp(out.data, want, sizeof want) == 0);
    /* casting refused: float64 into int32 under 'safe' */
    nc_array oi;
    memset(&oi, 0, sizeof oi);
    NC_CHECK(nc_array_init_empty(&oi, NC_INT32, nd, shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_concatenate(&oi, 2, in, 1, NC_CAST_SAFE) == NC_ERR_CAST);
    /* F-ordered output takes the strided path */
    nc_array of;
    memset(&of, 0, sizeof of);
    NC_CHECK(nc_array_init_empty(&of, NC_FLOAT64, nd, shape, NC_ORDER_F, 0) == NC_OK);
    NC_CHECK(nc_concatenate(&of, 2, in, 1, NC_CAST_SAME_KIND) == NC_OK);
    double wantf[8] = {0, 3, 1, 4, 2, 5, 100, 101};
    NC_CHECK(memcmp(of.data, wantf, sizeof wantf) == 0);
    /* errors */
    axis = 0;
    NC_CHECK(nc_concat_shape(2, in, &axis, &nd, shape) == NC_ERR_VALUE);
    axis = 2;
    NC_CHECK(nc_concat_shape(2, in, &axis, &nd, shape) == NC_ERR_AXIS);
    NC_CHECK(nc_concat_shape(0, in, &axis, &nd, shape) == NC_ERR_VALUE);
    nc_array z;
    make(&z, NC_FLOAT64, 0, NULL, 0);
    const nc_array *zz[1] = {&z};
    axis = 0;
    NC_CHECK(nc_concat_shape(1, zz, &axis, &nd, shape) == NC_ERR_VALUE);
    NC_CHECK(nc_concatenate(&out, 1, in, 1, NC_CAST_SAME_KIND) == NC_ERR_VALUE); /* wrong out shape */
    nc_array_clear(&a);
    nc_array_clear(&b);
    nc_array_clear(&z);
    nc_array_clear(&out);
    nc_array_clear(&oi);
    nc_array_clear(&of);
}

static void test_broadcast_and_copyto(void)
{
    nc_array a, dst, mask;
    ptrdiff_t s1[1] = {3}, s2[2] = {2, 3}, bad[2] = {2, 4};
    make(&a, NC_FLOAT64, 1, s1, 1);
    nc_geom g;
    NC_CHECK(nc_view_broadcast_to(&a, 2, s2, &g) == NC_OK);
    NC_CHECK(g.strides[0] == 0 && g.strides[1] == 8 && g.shape[0] == 2);
    NC_CHECK(nc_view_broadcast_to(&a, 2, bad, &g) == NC_ERR_VALUE);
    NC_CHECK(nc_view_broadcast_to(&a, 0, NULL, &g) == NC_ERR_VALUE);
    make(&dst, NC_FLOAT64, 2, s2, 0);
    memset(&mask, 0, sizeof mask);
    NC_CHECK(nc_array_init_empty(&mask, NC_BOOL, 1, s1, NC_ORDER_C, 1) == NC_OK);
    mask.data[1] = 1;
    NC_CHECK(nc_array_copyto(&dst, &a, &mask, NC_CAST_SAME_KIND) == NC_OK);
    double want[6] = {0, 2, 2, 3, 2, 5};
    NC_CHECK(memcmp(dst.data, want, sizeof want) == 0);
    NC_CHECK(nc_array_copyto(&dst, &a, NULL, NC_CAST_SAME_KIND) == NC_OK);
    NC_CHECK(((double *)dst.data)[3] == 1.0);
    nc_array_clear(&a);
    nc_array_clear(&dst);
    nc_array_clear(&mask);
}

/* Byte-level truth: mark the bytes of a, look for them under b. */
static int brute_share(const nc_array *a, const nc_array *b, const char *base, size_t len)
{
    unsigned char marks[4096] = {0};
    int ia = nc_dtype_info(a->dtype)->itemsize, ib = nc_dtype_info(b->dtype)->itemsize;
    ptrdiff_t idx[NC_MAXDIMS];
    for (int pass = 0; pass < 2; pass++) {
        const nc_array *x = pass ? b : a;
        int is = pass ? ib : ia;
        if (x->size == 0)
            return 0;
        memset(idx, 0, sizeof idx);
        for (ptrdiff_t k = 0; k < x->size; k++) {
            const char *p = x->data;
            for (int d = 0; d < x->ndim; d++)
                p += idx[d] * x->strides[d];
            for (int c = 0; c < is; c++) {
                size_t o = (size_t)(p + c - base);
                if (o >= len)
                    continue;
                if (pass && marks[o])
                    return 1;
                marks[o] = 1;
            }
            for (int d = x->ndim - 1; d >= 0; d--) {
                if (++idx[d] < x->shape[d])
                    break;
                idx[d] = 0;
            }
        }
    }
    return 0;
}

static void test_shares_memory(void)
{
    nc_array base;
    ptrdiff_t s[2] = {6, 8};
    make(&base, NC_FLOAT64, 2, s, 0);
    /* views: (offset row, offset col, step row, step col) */
    int views[][4] = {{0, 0, 1, 1}, {0, 0, 2, 1}, {1, 0, 2, 1}, {0, 0, 2, 2}, {1, 1, 2, 2},
                      {0, 1, 1, 3}, {0, 0, 3, 4}, {2, 2, 3, 3}, {5, 0, 1, 2}};
    int nv = (int)(sizeof views / sizeof views[0]);
    for (int i = 0; i < nv; i++)
        for (int j = 0; j < nv; j++) {
            nc_array v[2];
            for (int k = 0; k < 2; k++) {
                int *q = views[k ? j : i];
                ptrdiff_t sh[2] = {(6 - q[0] + q[2] - 1) / q[2], (8 - q[1] + q[3] - 1) / q[3]};
                ptrdiff_t st[2] = {base.strides[0] * q[2], base.strides[1] * q[3]};
                memset(&v[k], 0, sizeof v[k]);
                NC_CHECK(nc_array_init_view(&v[k], base.buffer,
                                            base.data + q[0] * base.strides[0] + q[1] * 8,
                                            NC_FLOAT64, 2, sh, st, 1) == NC_OK);
            }
            int r = -2, bounds = -2;
            NC_CHECK(nc_shares_memory(&v[0], &v[1], -1, &r) == NC_OK);
            NC_CHECK(nc_shares_memory(&v[0], &v[1], 0, &bounds) == NC_OK);
            NC_CHECK_MSG(r == brute_share(&v[0], &v[1], base.data, 6 * 8 * 8), "views %d %d", i, j);
            NC_CHECK(bounds >= r);
            nc_array_clear(&v[0]);
            nc_array_clear(&v[1]);
        }
    /* max_work too small on a non-trivial case: too hard */
    ptrdiff_t sh[1] = {24}, st1[1] = {16};
    nc_array e, o;
    memset(&e, 0, sizeof e);
    memset(&o, 0, sizeof o);
    NC_CHECK(nc_array_init_view(&e, base.buffer, base.data, NC_FLOAT64, 1, sh, st1, 1) == NC_OK);
    NC_CHECK(nc_array_init_view(&o, base.buffer, base.data + 8, NC_FLOAT64, 1, sh, st1, 1) == NC_OK);
    int r = 0;
    NC_CHECK(nc_shares_memory(&e, &o, 10, &r) == NC_OK && r == -1);
    NC_CHECK(nc_shares_memory(&e, &o, 100, &r) == NC_OK && r == 0);
    nc_array_clear(&e);
    nc_array_clear(&o);
    nc_array_clear(&base);
}

int main(void)
{
    NC_RUN(test_concat);
    NC_RUN(test_broadcast_and_copyto);
    NC_RUN(test_shares_memory);
    return nctest_finish();
}
