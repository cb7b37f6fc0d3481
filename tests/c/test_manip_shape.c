/* test_manip_shape.c: the core's rearranging routines (manip_shape.h) without
 * Python: flip/diagonal/broadcast geometry, roll, tile, repeat, axis copies,
 * cyclic fill, pad modes, triangles, nonzero bounds, last-axis sums, and
 * refusals of bad axes, negative counts and overflowing sizes. */
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "numc/manip_shape.h"
#include "nctest.h"

static void make(nc_array *a, int ndim, const ptrdiff_t *shape)
{
    memset(a, 0, sizeof *a);
    NC_CHECK(nc_array_init_empty(a, NC_INT64, ndim, shape, NC_ORDER_C, 0) == NC_OK);
    for (ptrdiff_t i = 0; i < a->size; i++)
        ((int64_t *)a->data)[i] = i;
}

static int64_t at2(const nc_array *a, ptrdiff_t i, ptrdiff_t j)
{
    int64_t v;
    memcpy(&v, a->data + i * a->strides[0] + j * a->strides[1], 8);
    return v;
}

static void test_views(void)
{
    nc_array a;
    ptrdiff_t sh[2] = {3, 4};
    make(&a, 2, sh);
    nc_geom g;
    int ax = 1;
    NC_CHECK(nc_view_flip(&a, 1, &ax, &g) == NC_OK);
    NC_CHECK(g.strides[1] == -8 && *(int64_t *)g.data == 3);
    NC_CHECK(nc_view_flip(&a, -1, NULL, &g) == NC_OK && *(int64_t *)g.data == 11);
    ax = 2;
    NC_CHECK(nc_view_flip(&a, 1, &ax, &g) == NC_ERR_AXIS);
    int rep[2] = {0, -2};
    NC_CHECK(nc_view_flip(&a, 2, rep, &g) == NC_ERR_VALUE);
    NC_CHECK(nc_view_diagonal(&a, 1, 0, 1, &g) == NC_OK);
    NC_CHECK(g.ndim == 1 && g.shape[0] == 3 && *(int64_t *)g.data == 1 && g.strides[0] == 40);
    NC_CHECK(nc_view_diagonal(&a, -2, 0, 1, &g) == NC_OK && g.shape[0] == 1 &&
             *(int64_t *)g.data == 8);
    NC_CHECK(nc_view_diagonal(&a, PTRDIFF_MAX, 0, 1, &g) == NC_OK && g.shape[0] == 0);
    NC_CHECK(nc_view_diagonal(&a, PTRDIFF_MIN, 0, 1, &g) == NC_OK && g.shape[0] == 0);
    NC_CHECK(nc_view_diagonal(&a, 0, 0, 0, &g) == NC_ERR_VALUE);
    NC_CHECK(nc_view_diagonal(&a, 0, 0, 5, &g) == NC_ERR_AXIS);
    ptrdiff_t bs[3] = {2, 3, 4}, bad[2] = {3, 5};
    NC_CHECK(nc_view_broadcast_to(&a, 3, bs, &g) == NC_OK && g.strides[0] == 0);
    NC_CHECK(nc_view_broadcast_to(&a, 2, bad, &g) == NC_ERR_VALUE);
    nc_array_clear(&a);
}

static void test_roll_tile_repeat(void)
{
    nc_array a, d, t;
    ptrdiff_t sh[2] = {3, 4};
    make(&a, 2, sh);
    memset(&d, 0, sizeof d);
    NC_CHECK(nc_array_init_empty(&d, NC_INT64, 2, sh, NC_ORDER_C, 0) == NC_OK);
    int axes[2] = {0, 1};
    ptrdiff_t shifts[2] = {1, -1};
    NC_CHECK(nc_roll(&d, &a, 2, axes, shifts) == NC_OK);
    /* d[i][j] = a[i-1][j+1] */
    NC_CHECK(at2(&d, 0, 0) == 9 && at2(&d, 1, 3) == 0 && at2(&d, 2, 2) == 7);
    shifts[0] = PTRDIFF_MIN;
    NC_CHECK(nc_roll(&d, &a, 2, axes, shifts) == NC_OK);
    nc_array_clear(&d);

    memset(&t, 0, sizeof t);
    ptrdiff_t reps[3] = {2, 1, 2};
    NC_CHECK(nc_tile(&a, 3, reps, &t) == NC_OK);
    NC_CHECK(t.ndim == 3 && t.shape[0] == 2 && t.shape[1] == 3 && t.shape[2] == 8);
    NC_CHECK(((int64_t *)t.data)[4] == 0 && ((int64_t *)t.data)[24 + 13] == 5);
    nc_array_clear(&t);
    ptrdiff_t huge[2] = {PTRDIFF_MAX / 2, 4};
    NC_CHECK(nc_tile(&a, 2, huge, &t) == NC_ERR_VALUE);
    ptrdiff_t neg[1] = {-1};
    NC_CHECK(nc_tile(&a, 1, neg, &t) == NC_ERR_VALUE);

    ptrdiff_t r3[3] = {0, 2, 1};
    NC_CHECK(nc_repeat(&a, 0, 3, r3, &t) == NC_OK);
    NC_CHECK(t.shape[0] == 3 && at2(&t, 0, 0) == 4 && at2(&t, 1, 3) == 7 && at2(&t, 2, 0) == 8);
    nc_array_clear(&t);
    ptrdiff_t r1 = 3;
    NC_CHECK(nc_repeat(&a, -1, 1, &r1, &t) == NC_OK && t.shape[1] == 12 && at2(&t, 1, 5) == 5);
    nc_array_clear(&t);
    ptrdiff_t rn[3] = {1, -1, 1};
    NC_CHECK(nc_repeat(&a, 0, 3, rn, &t) == NC_ERR_VALUE);
    NC_CHECK(nc_repeat(&a, 0, 2, rn, &t) == NC_ERR_VALUE);
    NC_CHECK(nc_repeat(&a, 2, 1, &r1, &t) == NC_ERR_AXIS);
    ptrdiff_t big = PTRDIFF_MAX / 2;
    NC_CHECK(nc_repeat(&a, 0, 1, &big, &t) == NC_ERR_VALUE);
    nc_array_clear(&a);
}

static void test_copy_fill(void)
{
    nc_array a, d;
    ptrdiff_t sh[1] = {5}, dsh[1] = {7};
    make(&a, 1, sh);
    memset(&d, 0, sizeof d);
    NC_CHECK(nc_array_init_empty(&d, NC_INT64, 1, dsh, NC_ORDER_C, 1) == NC_OK);
    ptrdiff_t di[3] = {6, 0, 1}, si[3] = {4, 0, 1};
    NC_CHECK(nc_axis_copy_idx(&d, di, &a, si, 0, 3) == NC_OK);
    int64_t *v = (int64_t *)d.data;
    NC_CHECK(v[6] == 4 && v[0] == 0 && v[1] == 1);
    di[0] = 7;
    NC_CHECK(nc_axis_copy_idx(&d, di, &a, si, 0, 3) == NC_ERR_INDEX);
    NC_CHECK(nc_fill_cyclic(&d, &a) == NC_OK && v[5] == 0 && v[6] == 1);
    nc_array_clear(&d);
    nc_array_clear(&a);
}

static void test_pad(void)
{
    nc_array a, p;
    ptrdiff_t sh[2] = {2, 3};
    make(&a, 2, sh);
    memset(&p, 0, sizeof p);
    ptrdiff_t w[4] = {1, 2, 4, 0};
    int64_t cv[4] = {-1, -2, -3, -4};
    NC_CHECK(nc_pad(&a, w, NC_PAD_CONSTANT, (const char *)cv, &p) == NC_OK);
    NC_CHECK(p.shape[0] == 5 && p.shape[1] == 7);
    NC_CHECK(at2(&p, 0, 0) == -3 && at2(&p, 0, 5) == -1 && at2(&p, 4, 6) == -2 &&
             at2(&p, 1, 4) == 0 && at2(&p, 2, 6) == 5);
    nc_array_clear(&p);
    NC_CHECK(nc_pad(&a, w, NC_PAD_REFLECT, NULL, &p) == NC_OK);
    /* row 1 of the center is 0 1 2 reflected leftwards with period 4 */
    NC_CHECK(at2(&p, 1, 0) == 0 && at2(&p, 1, 1) == 1 && at2(&p, 1, 2) == 2 &&
             at2(&p, 1, 3) == 1 && at2(&p, 0, 4) == 3);
    nc_array_clear(&p);
    NC_CHECK(nc_pad(&a, w, NC_PAD_WRAP, NULL, &p) == NC_OK);
    NC_CHECK(at2(&p, 1, 3) == 2 && at2(&p, 1, 0) == 2 && at2(&p, 4, 4) == 3);
    nc_array_clear(&p);
    NC_CHECK(nc_pad(&a, w, NC_PAD_SYMMETRIC, NULL, &p) == NC_OK);
    NC_CHECK(at2(&p, 1, 3) == 0 && at2(&p, 1, 0) == 2 && at2(&p, 0, 4) == 0);
    nc_array_clear(&p);
    NC_CHECK(nc_pad(&a, w, NC_PAD_EDGE, NULL, &p) == NC_OK && at2(&p, 4, 0) == 3);
    ptrdiff_t center[2] = {2, 3}, len[2] = {-1, -1};
    NC_CHECK(nc_pad_lanes(&p, 0, w, center, NC_PADSTAT_MAX, len, NULL) == NC_OK);
    NC_CHECK(at2(&p, 0, 4) == 3 && at2(&p, 4, 6) == 5);
    nc_array_clear(&p);
    ptrdiff_t negw[4] = {-1, 0, 0, 0}, hugew[4] = {PTRDIFF_MAX, 0, 0, 0};
    NC_CHECK(nc_pad(&a, negw, NC_PAD_EDGE, NULL, &p) == NC_ERR_VALUE);
    NC_CHECK(nc_pad(&a, hugew, NC_PAD_EDGE, NULL, &p) == NC_ERR_VALUE);
    nc_array_clear(&a);
    ptrdiff_t esh[2] = {0, 3};
    make(&a, 2, esh);
    NC_CHECK(nc_pad(&a, w, NC_PAD_EDGE, NULL, &p) == NC_ERR_VALUE);
    nc_array_clear(&a);
}

/* nc_pad_first_lanes, fused (max/min/mean on int64 rows) or not (median,
 * a zero before-width), against nc_pad + nc_pad_lanes element by element:
 * 3-d (axis 0 only) and 2-d (where the center rows' axis-1 pads may come
 * with it; the rest of axis 1 is then padded over the added rows only). */
static void check_first_lanes(int nd, const ptrdiff_t *sh, const ptrdiff_t *w,
                              const ptrdiff_t *lens, nc_pad_stat stat)
{
    nc_array a, p, q;
    make(&a, nd, sh);
    memset(&p, 0, sizeof p);
    memset(&q, 0, sizeof q);
    int rows_done = -1;
    nc_status s1 = nc_pad_first_lanes(&a, w, stat, lens, &p, &rows_done);
    nc_status s2 = nc_pad(&a, w, NC_PAD_EMPTY, NULL, &q);
    NC_CHECK(s2 == NC_OK && (rows_done == 0 || rows_done == 1));
    NC_CHECK(!rows_done || nd == 2);
    if (!s2)
        s2 = nc_pad_lanes(&q, 0, w, sh, stat, lens, NULL);
    NC_CHECK(s1 == s2);
    if (!s1 && !s2 && nd == 2) {
        nc_status t1 = NC_OK, t2 = nc_pad_lanes(&q, 1, w, sh, stat, lens + 2, NULL);
        if (rows_done) {
            /* axis 1 over the rows axis 0 added: views of p's first and last rows */
            ptrdiff_t part[2] = {w[0], p.shape[1]}, part2[2] = {w[1], p.shape[1]};
            nc_array v = {0};
            if (!(t1 = nc_array_init_view(&v, p.buffer, p.data, p.dtype, 2, part, p.strides, 1)))
                t1 = nc_pad_lanes(&v, 1, w, sh, stat, lens + 2, NULL);
            nc_array_clear(&v);
            if (!t1 && !(t1 = nc_array_init_view(&v, p.buffer,
                                                 p.data + (w[0] + sh[0]) * p.strides[0],
                                                 p.dtype, 2, part2, p.strides, 1)))
                t1 = nc_pad_lanes(&v, 1, w, sh, stat, lens + 2, NULL);
            nc_array_clear(&v);
        } else {
            t1 = nc_pad_lanes(&p, 1, w, sh, stat, lens + 2, NULL);
        }
        NC_CHECK(t1 == t2);
        if (!t1 && !t2)
            NC_CHECK(memcmp(p.data, q.data, (size_t)p.size * 8) == 0);
    } else if (!s1 && !s2) {
        /* compare what both wrote: axis 0 full, the other axes' centers */
        for (ptrdiff_t i = 0; i < p.shape[0]; i++)
            for (ptrdiff_t j = 0; j < sh[1]; j++)
                for (ptrdiff_t k = 0; k < sh[2]; k++) {
                    ptrdiff_t off = i * p.strides[0] + (j + w[2]) * p.strides[1] +
                                    (k + w[4]) * p.strides[2];
                    NC_CHECK(*(int64_t *)(void *)(p.data + off) ==
                             *(int64_t *)(void *)(q.data + off));
                }
    }
    nc_array_clear(&p);
    nc_array_clear(&q);
    nc_array_clear(&a);
}

static void test_pad_first_lanes(void)
{
    ptrdiff_t sh3[3] = {3, 2, 5}, sh2[2] = {4, 3};
    ptrdiff_t ws3[2][6] = {{2, 1, 1, 0, 3, 2}, {0, 2, 0, 1, 1, 1}};
    ptrdiff_t ws2[3][4] = {{2, 1, 3, 2}, {1, 0, 0, 2}, {0, 2, 1, 1}};
    ptrdiff_t lens[4][6] = {{-1, -1, -1, -1, -1, -1}, {3, 1, 2, 5, 1, 1},
                            {5, 0, -1, -1, 0, 2}, {-1, -1, 0, 1, -1, -1}};
    nc_pad_stat stats[4] = {NC_PADSTAT_MAX, NC_PADSTAT_MIN, NC_PADSTAT_MEAN, NC_PADSTAT_MEDIAN};
    for (int li = 0; li < 4; li++)
        for (int si = 0; si < 4; si++) {
            for (int wi = 0; wi < 2; wi++)
                check_first_lanes(3, sh3, ws3[wi], lens[li], stats[si]);
            for (int wi = 0; wi < 3; wi++)
                check_first_lanes(2, sh2, ws2[wi], lens[li], stats[si]);
        }
}

static void test_tri_bounds_sum(void)
{
    nc_array a, s;
    ptrdiff_t sh[2] = {3, 4};
    make(&a, 2, sh);
    NC_CHECK(nc_tri_zero(&a, 0, 0) == NC_OK);
    NC_CHECK(at2(&a, 0, 1) == 0 && at2(&a, 1, 1) == 5 && at2(&a, 2, 3) == 0);
    NC_CHECK(nc_tri_zero(&a, PTRDIFF_MAX, 1) == NC_OK && at2(&a, 2, 2) == 0);
    nc_array_clear(&a);
    make(&a, 2, sh);
    memset(a.data, 0, 96);
    ((int64_t *)a.data)[6] = 1;
    ptrdiff_t lo[2], hi[2];
    NC_CHECK(nc_nonzero_bounds(&a, lo, hi) == NC_OK);
    NC_CHECK(lo[0] == 1 && hi[0] == 2 && lo[1] == 2 && hi[1] == 3);
    nc_array_clear(&a);
    make(&a, 2, sh);
    memset(&s, 0, sizeof s);
    NC_CHECK(nc_array_init_empty(&s, NC_INT64, 1, sh, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_sum_last_axis(&s, &a) == NC_OK);
    NC_CHECK(((int64_t *)s.data)[2] == 8 + 9 + 10 + 11);
    nc_array_clear(&s);
    nc_array_clear(&a);
}

int main(void)
{
    NC_RUN(test_views);
    NC_RUN(test_roll_tile_repeat);
    NC_RUN(test_copy_fill);
    NC_RUN(test_pad);
    NC_RUN(test_pad_first_lanes);
    NC_RUN(test_tri_bounds_sum);
    return nctest_finish();
}
