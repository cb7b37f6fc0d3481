/* test_select.c: the selection core (select.h): gathers and scatters with
 * every clip mode and bounds errors, mask compaction and expansion over
 * strided views, nonzero over dtypes (-0.0 is zero), where with
 * broadcasting, and the strided-view extent check against hostile strides. */
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "nctest.h"

static void arange(nc_array *a, nc_dtype_id dt, int ndim, const ptrdiff_t *shape)
{
    memset(a, 0, sizeof *a);
    NC_CHECK(nc_array_init_empty(a, dt, ndim, shape, NC_ORDER_C, 0) == NC_OK);
    for (ptrdiff_t i = 0; i < a->size; i++) {
        if (dt == NC_FLOAT64)
            ((double *)a->data)[i] = (double)i;
        else if (dt == NC_INT64)
            ((int64_t *)a->data)[i] = i;
    }
}

static void idx1(nc_array *a, int n, const int64_t *v)
{
    ptrdiff_t s = n;
    memset(a, 0, sizeof *a);
    NC_CHECK(nc_array_init_empty(a, NC_INT64, 1, &s, NC_ORDER_C, 0) == NC_OK);
    memcpy(a->data, v, (size_t)n * sizeof *v);
}

static void test_gather_modes(void)
{
    nc_array src, idx, dst;
    ptrdiff_t n = 5, k = 4;
    arange(&src, NC_FLOAT64, 1, &n);
    const int64_t v[] = {0, -1, 7, -6};
    idx1(&idx, 4, v);
    arange(&dst, NC_FLOAT64, 1, &k);
    NC_CHECK(nc_index_gather(&src, 1, &idx, NULL, NC_CLIP_WRAP, &dst) == NC_OK);
    double *d = (double *)dst.data;
    NC_CHECK(d[0] == 0 && d[1] == 4 && d[2] == 2 && d[3] == 4);
    NC_CHECK(nc_index_gather(&src, 1, &idx, NULL, NC_CLIP_CLIP, &dst) == NC_OK);
    NC_CHECK(d[0] == 0 && d[1] == 0 && d[2] == 4 && d[3] == 0);
    int axis = 3;
    NC_CHECK(nc_index_gather(&src, 1, &idx, &axis, NC_CLIP_RAISE, &dst) == NC_ERR_INDEX);
    NC_CHECK(strcmp(nc_error_message(), "index 7 is out of bounds for axis 3 with size 5") == 0);
    /* wrong dtype / shape of the destination is refused */
    nc_array bad;
    arange(&bad, NC_INT64, 1, &k);
    NC_CHECK(nc_index_gather(&src, 1, &idx, NULL, NC_CLIP_WRAP, &bad) == NC_ERR_VALUE);
    nc_array_clear(&bad);
    nc_array_clear(&src);
    nc_array_clear(&idx);
    nc_array_clear(&dst);
}

static void test_gather_rows_and_scatter(void)
{
    /* 2-d source: gather rows (block path), then columns (typed per-row path) */
    nc_array src, idx, dst;
    ptrdiff_t shp[2] = {3, 4}, dshp[2] = {2, 4};
    arange(&src, NC_FLOAT64, 2, shp);
    const int64_t v[] = {2, 0};
    idx1(&idx, 2, v);
    arange(&dst, NC_FLOAT64, 2, dshp);
    NC_CHECK(nc_index_gather(&src, 1, &idx, NULL, NC_CLIP_RAISE, &dst) == NC_OK);
    double *d = (double *)dst.data;
    NC_CHECK(d[0] == 8 && d[3] == 11 && d[4] == 0 && d[7] == 3);
    /* columns: view src transposed so that axis 1 comes first */
    nc_array srct = {0}, dstc = {0};
    ptrdiff_t tshape[2] = {4, 3}, tstr[2] = {8, 32};
    NC_CHECK(nc_array_init_view(&srct, src.buffer, src.data, NC_FLOAT64, 2, tshape, tstr, 1) == NC_OK);
    ptrdiff_t cshape[2] = {2, 3};
    arange(&dstc, NC_FLOAT64, 2, cshape);
    NC_CHECK(nc_index_gather(&srct, 1, &idx, NULL, NC_CLIP_RAISE, &dstc) == NC_OK);
    d = (double *)dstc.data;
    NC_CHECK(d[0] == 2 && d[1] == 6 && d[2] == 10 && d[3] == 0 && d[5] == 8);
    /* scatter with repeated index: last write wins */
    const int64_t r[] = {1, 1};
    nc_array ridx;
    idx1(&ridx, 2, r);
    NC_CHECK(nc_index_scatter(&src, 1, &ridx, NULL, NC_CLIP_RAISE, &dst) == NC_OK);
    NC_CHECK(((double *)src.data)[4] == 0 && ((double *)src.data)[7] == 3);
    nc_array_clear(&ridx);
    nc_array_clear(&srct);
    nc_array_clear(&dstc);
    nc_array_clear(&src);
    nc_array_clear(&idx);
    nc_array_clear(&dst);
}

static void test_masks(void)
{
    nc_array a, m, out;
    ptrdiff_t n = 10;
    arange(&a, NC_FLOAT64, 1, &n);
    memset(&m, 0, sizeof m);
    NC_CHECK(nc_array_init_empty(&m, NC_BOOL, 1, &n, NC_ORDER_C, 1) == NC_OK);
    m.data[1] = m.data[4] = m.data[9] = 1;
    ptrdiff_t cnt = -1;
    NC_CHECK(nc_mask_count(&m, &cnt) == NC_OK && cnt == 3);
    arange(&out, NC_FLOAT64, 1, &cnt);
    NC_CHECK(nc_mask_gather(&a, &m, &out) == NC_OK);
    double *o = (double *)out.data;
    NC_CHECK(o[0] == 1 && o[1] == 4 && o[2] == 9);
    /* scatter a broadcast scalar */
    nc_array val = {0};
    double z = -1;
    nc_buffer *buf;
    NC_CHECK(nc_buffer_new(sizeof z, 0, &buf) == NC_OK);
    memcpy(buf->data, &z, sizeof z);
    ptrdiff_t zs = 0;
    NC_CHECK(nc_array_init_view(&val, buf, buf->data, NC_FLOAT64, 1, &cnt, &zs, 0) == NC_OK);
    nc_buffer_decref(buf);
    NC_CHECK(nc_mask_scatter(&a, &m, &val) == NC_OK);
    double *ad = (double *)a.data;
    NC_CHECK(ad[0] == 0 && ad[1] == -1 && ad[4] == -1 && ad[9] == -1 && ad[8] == 8);
    /* mismatched mask */
    ptrdiff_t n2 = 3;
    nc_array m2 = {0};
    NC_CHECK(nc_array_init_empty(&m2, NC_BOOL, 1, &n2, NC_ORDER_C, 1) == NC_OK);
    NC_CHECK(nc_mask_gather(&a, &m2, &out) == NC_ERR_INDEX);
    nc_array_clear(&m2);
    nc_array_clear(&val);
    nc_array_clear(&a);
    nc_array_clear(&m);
    nc_array_clear(&out);
}

static void test_nonzero_and_where(void)
{
    nc_array a = {0}, nz = {0};
    ptrdiff_t shp[2] = {2, 3};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 2, shp, NC_ORDER_C, 1) == NC_OK);
    double *d = (double *)a.data;
    d[1] = -0.0;
    d[2] = 5;
    d[3] = 1e-300;
    NC_CHECK(nc_nonzero(&a, &nz) == NC_OK);
    NC_CHECK(nz.shape[0] == 2 && nz.shape[1] == 2);
    int64_t *z = (int64_t *)nz.data;
    NC_CHECK(z[0] == 0 && z[1] == 1 && z[2] == 2 && z[3] == 0);
    /* where: cond (3,), x (2,3), y scalar-broadcast */
    nc_array c = {0}, y = {0}, out = {0};
    ptrdiff_t n3 = 3, zs = 0;
    NC_CHECK(nc_array_init_empty(&c, NC_BOOL, 1, &n3, NC_ORDER_C, 1) == NC_OK);
    c.data[1] = 1;
    NC_CHECK(nc_array_init_empty(&y, NC_FLOAT64, 1, &n3, NC_ORDER_C, 1) == NC_OK);
    nc_array ys = {0};
    NC_CHECK(nc_array_init_view(&ys, y.buffer, y.data, NC_FLOAT64, 1, &n3, &zs, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&out, NC_FLOAT64, 2, shp, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_where(&c, &a, &ys, &out) == NC_OK);
    double *o = (double *)out.data;
    NC_CHECK(o[0] == 0 && o[2] == 0 && o[4] == 0 && o[1] == 0 && o[3] == 0);
    NC_CHECK(nc_where(&c, &a, &nz, &out) == NC_ERR_VALUE); /* dtype mismatch */
    nc_array_clear(&ys);
    nc_array_clear(&c);
    nc_array_clear(&y);
    nc_array_clear(&out);
    nc_array_clear(&a);
    nc_array_clear(&nz);
}

static void test_extent(void)
{
    nc_array a;
    ptrdiff_t n = 10;
    arange(&a, NC_INT64, 1, &n);
    ptrdiff_t s1 = 8, s2 = 8, big = PTRDIFF_MAX / 2, neg = -8;
    ptrdiff_t sh10 = 10, sh11 = 11, sh3 = 3, sh0 = 0;
    NC_CHECK(nc_view_check_extent(a.buffer, a.data, 1, &sh10, &s1, 8) == NC_OK);
    NC_CHECK(nc_view_check_extent(a.buffer, a.data, 1, &sh11, &s2, 8) == NC_ERR_VALUE);
    NC_CHECK(nc_view_check_extent(a.buffer, a.data, 1, &sh3, &big, 8) == NC_ERR_VALUE);
    NC_CHECK(nc_view_check_extent(a.buffer, a.data, 1, &sh3, &neg, 8) == NC_ERR_VALUE);
    NC_CHECK(nc_view_check_extent(a.buffer, a.data + 16, 1, &sh3, &neg, 8) == NC_OK);
    NC_CHECK(nc_view_check_extent(a.buffer, a.data, 1, &sh0, &big, 8) == NC_OK);
    nc_array_clear(&a);
}

int main(void)
{
    NC_RUN(test_gather_modes);
    NC_RUN(test_gather_rows_and_scatter);
    NC_RUN(test_masks);
    NC_RUN(test_nonzero_and_where);
    NC_RUN(test_extent);
    return nctest_finish();
}
