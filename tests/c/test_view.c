/* test_view.c: view geometry of the core (view.h): slice clipping, basic
 * indexing, shape inference, no-copy reshape strides, transpose, squeeze,
 * dtype views, ordered copies, membership, and hostile inputs. */
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "nctest.h"

static void make(nc_array *a, int ndim, const ptrdiff_t *shape)
{
    memset(a, 0, sizeof *a);
    nc_status st = nc_array_init_empty(a, NC_FLOAT64, ndim, shape, NC_ORDER_C, 0);
    NC_CHECK(st == NC_OK);
    for (ptrdiff_t i = 0; i < a->size; i++)
        ((double *)a->data)[i] = (double)i;
}

static void test_slice_adjust(void)
{
    /* Python: range(10)[slice] lengths */
    struct { ptrdiff_t b, e, s, len, start; } c[] = {
        {0, PTRDIFF_MAX, 1, 10, 0},           /* [:] */
        {PTRDIFF_MAX, PTRDIFF_MIN, -1, 10, 9}, /* [::-1] */
        {-3, PTRDIFF_MAX, 1, 3, 7},           /* [-3:] */
        {8, 2, -2, 3, 8},                     /* [8:2:-2] */
        {20, 30, 1, 0, 10},                   /* [20:30] */
        {-20, 3, 1, 3, 0},                    /* [-20:3] */
        {5, -20, -1, 6, 5},                   /* [5:-20:-1] */
        {0, PTRDIFF_MAX, PTRDIFF_MAX, 1, 0},   /* [::huge] */
        {PTRDIFF_MAX, PTRDIFF_MIN, PTRDIFF_MIN, 1, 9},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        ptrdiff_t b = c[i].b, e = c[i].e;
        ptrdiff_t n = nc_slice_adjust(10, &b, &e, c[i].s);
        NC_CHECK_MSG(n == c[i].len && (n == 0 || b == c[i].start), "case %zu: n=%td b=%td", i, n, b);
    }
    ptrdiff_t b = 0, e = 5;
    NC_CHECK(nc_slice_adjust(0, &b, &e, 1) == 0);
}

static void test_index(void)
{
    nc_array a;
    ptrdiff_t shape[] = {3, 4};
    make(&a, 2, shape);
    nc_geom g;
    int scalar;
    nc_index ij[] = {{NC_INDEX_INT, 1, 0, 0}, {NC_INDEX_INT, -1, 0, 0}};
    NC_CHECK(nc_view_index(&a, 2, ij, &g, &scalar) == NC_OK && scalar && *(double *)g.data == 7.0);
    nc_index sl[] = {{NC_INDEX_NEWAXIS, 0, 0, 0}, {NC_INDEX_ELLIPSIS, 0, 0, 0},
                     {NC_INDEX_SLICE, PTRDIFF_MAX, PTRDIFF_MIN, -2}};
    NC_CHECK(nc_view_index(&a, 3, sl, &g, &scalar) == NC_OK && !scalar);
    NC_CHECK(g.ndim == 3 && g.shape[0] == 1 && g.shape[1] == 3 && g.shape[2] == 2);
    NC_CHECK(g.strides[1] == 32 && g.strides[2] == -16 && *(double *)g.data == 3.0);
    nc_index oob[] = {{NC_INDEX_INT, 3, 0, 0}};
    NC_CHECK(nc_view_index(&a, 1, oob, &g, &scalar) == NC_ERR_INDEX);
    NC_CHECK(strcmp(nc_error_message(), "index 3 is out of bounds for axis 0 with size 3") == 0);
    nc_index three[] = {{NC_INDEX_INT, 0, 0, 0}, {NC_INDEX_INT, 0, 0, 0}, {NC_INDEX_INT, 0, 0, 0}};
    NC_CHECK(nc_view_index(&a, 3, three, &g, &scalar) == NC_ERR_INDEX);
    nc_index two_ell[] = {{NC_INDEX_ELLIPSIS, 0, 0, 0}, {NC_INDEX_ELLIPSIS, 0, 0, 0}};
    NC_CHECK(nc_view_index(&a, 2, two_ell, &g, &scalar) == NC_ERR_INDEX);
    nc_index zero_step[] = {{NC_INDEX_SLICE, 0, 1, 0}};
    NC_CHECK(nc_view_index(&a, 1, zero_step, &g, &scalar) == NC_ERR_VALUE);
    nc_index many_new[NC_MAXDIMS + 1];
    for (int i = 0; i <= NC_MAXDIMS; i++)
        many_new[i].kind = NC_INDEX_NEWAXIS;
    NC_CHECK(nc_view_index(&a, NC_MAXDIMS + 1, many_new, &g, &scalar) == NC_ERR_INDEX);
    nc_array_clear(&a);
}

static void test_shape_infer(void)
{
    ptrdiff_t s1[] = {2, -1};
    NC_CHECK(nc_shape_infer(6, 2, s1, 8) == NC_OK && s1[1] == 3);
    ptrdiff_t s2[] = {-1, -1};
    NC_CHECK(nc_shape_infer(6, 2, s2, 8) == NC_ERR_VALUE);
    ptrdiff_t s3[] = {4, -1};
    NC_CHECK(nc_shape_infer(6, 2, s3, 8) == NC_ERR_VALUE);
    NC_CHECK(strcmp(nc_error_message(), "cannot reshape array of size 6 into shape (4,newaxis)") == 0);
    ptrdiff_t s4[] = {PTRDIFF_MAX, PTRDIFF_MAX, -1};
    NC_CHECK(nc_shape_infer(6, 3, s4, 8) == NC_ERR_VALUE);
    ptrdiff_t s5[] = {0, PTRDIFF_MAX, 4};
    NC_CHECK(nc_shape_infer(0, 3, s5, 8) == NC_ERR_VALUE); /* hidden overflow */
    ptrdiff_t s8[] = {0, PTRDIFF_MAX / 4};
    NC_CHECK(nc_shape_infer(0, 2, s8, 8) == NC_ERR_VALUE); /* bytes overflow */
    ptrdiff_t s9[] = {0, PTRDIFF_MAX / 8};
    NC_CHECK(nc_shape_infer(0, 2, s9, 8) == NC_OK);
    ptrdiff_t s6[] = {0, -1};
    NC_CHECK(nc_shape_infer(0, 2, s6, 8) == NC_ERR_VALUE);
    ptrdiff_t s7[] = {4};
    NC_CHECK(nc_shape_infer(6, 1, s7, 8) == NC_ERR_VALUE);
    NC_CHECK(strcmp(nc_error_message(), "cannot reshape array of size 6 into shape (4,)") == 0);
}

static void test_reshape_strides(void)
{
    nc_array a;
    ptrdiff_t shape[] = {4, 6};
    make(&a, 2, shape);
    ptrdiff_t st[NC_MAXDIMS];
    ptrdiff_t n1[] = {2, 2, 3, 2};
    NC_CHECK(nc_reshape_strides(&a, 4, n1, 0, st) && st[0] == 96 && st[3] == 8);
    /* a[:, :3] has shape (4, 3), strides (48, 8): (12,) needs a copy,
     * (2, 2, 3) and (1, 4, 1, 3, 1) do not. */
    nc_index idx[] = {{NC_INDEX_SLICE, 0, PTRDIFF_MAX, 1}, {NC_INDEX_SLICE, 0, 3, 1}};
    nc_geom g;
    int scalar;
    NC_CHECK(nc_view_index(&a, 2, idx, &g, &scalar) == NC_OK);
    nc_array v = {0};
    NC_CHECK(nc_array_init_view(&v, a.buffer, g.data, g.dtype, g.ndim, g.shape, g.strides, 1) == NC_OK);
    ptrdiff_t flat[] = {12};
    NC_CHECK(!nc_reshape_strides(&v, 1, flat, 0, st));
    ptrdiff_t split[] = {2, 2, 3};
    NC_CHECK(nc_reshape_strides(&v, 3, split, 0, st) && st[0] == 96 && st[1] == 48 && st[2] == 8);
    ptrdiff_t ones[] = {1, 4, 1, 3, 1};
    NC_CHECK(nc_reshape_strides(&v, 5, ones, 0, st) && st[1] == 48 && st[3] == 8);
    NC_CHECK(!nc_reshape_strides(&v, 1, flat, 1, st));
    /* a[:, ::2] (strides 48, 16) is one uniform run: flattens as a view */
    nc_index every2[] = {{NC_INDEX_SLICE, 0, PTRDIFF_MAX, 1}, {NC_INDEX_SLICE, 0, PTRDIFF_MAX, 2}};
    nc_array w = {0};
    NC_CHECK(nc_view_index(&a, 2, every2, &g, &scalar) == NC_OK);
    NC_CHECK(nc_array_init_view(&w, a.buffer, g.data, g.dtype, g.ndim, g.shape, g.strides, 1) == NC_OK);
    NC_CHECK(nc_reshape_strides(&w, 1, flat, 0, st) && st[0] == 16);
    nc_array_clear(&w);
    /* transposed view: F-order reshape is a view */
    nc_geom t;
    NC_CHECK(nc_view_transpose(&a, -1, NULL, &t) == NC_OK);
    nc_array tv = {0};
    NC_CHECK(nc_array_init_view(&tv, a.buffer, t.data, t.dtype, t.ndim, t.shape, t.strides, 1) == NC_OK);
    ptrdiff_t flat24[] = {24};
    NC_CHECK(nc_reshape_strides(&tv, 1, flat24, 1, st) && st[0] == 8);
    NC_CHECK(!nc_reshape_strides(&tv, 1, flat24, 0, st));
    /* ordered copy of the transpose in C order */
    nc_array c = {0};
    NC_CHECK(nc_array_init_empty(&c, NC_FLOAT64, 1, flat24, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_copy_ordered(&c, &tv, 0, NC_CAST_NO) == NC_OK);
    NC_CHECK(((double *)c.data)[1] == 6.0 && ((double *)c.data)[4] == 1.0);
    nc_array_clear(&c);
    nc_array_clear(&tv);
    nc_array_clear(&v);
    nc_array_clear(&a);
}

static void test_axes(void)
{
    nc_array a;
    ptrdiff_t shape[] = {2, 1, 3};
    make(&a, 3, shape);
    nc_geom g;
    int perm[] = {2, 0, 1};
    NC_CHECK(nc_view_transpose(&a, 3, perm, &g) == NC_OK && g.shape[0] == 3 && g.strides[0] == 8);
    int rep[] = {0, 0, 1};
    NC_CHECK(nc_view_transpose(&a, 3, rep, &g) == NC_ERR_VALUE);
    int bad[] = {0, 1, 3};
    NC_CHECK(nc_view_transpose(&a, 3, bad, &g) == NC_ERR_AXIS);
    int extreme[] = {INT32_MIN, 0, 1};
    NC_CHECK(nc_view_transpose(&a, 3, extreme, &g) == NC_ERR_AXIS);
    NC_CHECK(nc_view_transpose(&a, 2, perm, &g) == NC_ERR_VALUE);
    NC_CHECK(nc_view_swapaxes(&a, 0, -1, &g) == NC_OK && g.shape[0] == 3 && g.shape[2] == 2);
    NC_CHECK(nc_view_swapaxes(&a, 0, 3, &g) == NC_ERR_AXIS);
    NC_CHECK(nc_view_squeeze(&a, -1, NULL, &g) == NC_OK && g.ndim == 2);
    int ax0[] = {0};
    NC_CHECK(nc_view_squeeze(&a, 1, ax0, &g) == NC_ERR_VALUE);
    int ax1[] = {-2};
    NC_CHECK(nc_view_squeeze(&a, 1, ax1, &g) == NC_OK && g.ndim == 2 && g.shape[1] == 3);
    nc_array_clear(&a);
}

static void test_dtype_view_and_contains(void)
{
    nc_array a;
    ptrdiff_t shape[] = {2, 3};
    make(&a, 2, shape);
    nc_geom g;
    NC_CHECK(nc_view_dtype(&a, NC_INT32, &g) == NC_OK && g.shape[1] == 6 && g.strides[1] == 4);
    NC_CHECK(nc_view_dtype(&a, NC_COMPLEX128, &g) == NC_ERR_VALUE);
    NC_CHECK(nc_view_dtype(&a, NC_UINT8, &g) == NC_OK && g.shape[1] == 24);
    int found;
    double five = 5.0, half = 0.5;
    int64_t four = 4;
    NC_CHECK(nc_array_contains(&a, NC_FLOAT64, (const char *)&five, &found) == NC_OK && found);
    NC_CHECK(nc_array_contains(&a, NC_FLOAT64, (const char *)&half, &found) == NC_OK && !found);
    NC_CHECK(nc_array_contains(&a, NC_INT64, (const char *)&four, &found) == NC_OK && found);
    char *p;
    ptrdiff_t ix[] = {1, -1};
    NC_CHECK(nc_array_item_ptr(&a, 2, ix, &p) == NC_OK && *(double *)p == 5.0);
    ptrdiff_t flat[] = {-6};
    NC_CHECK(nc_array_item_ptr(&a, 1, flat, &p) == NC_OK && *(double *)p == 0.0);
    ptrdiff_t oob[] = {PTRDIFF_MIN};
    NC_CHECK(nc_array_item_ptr(&a, 1, oob, &p) == NC_ERR_INDEX);
    NC_CHECK(nc_array_item_ptr(&a, 0, NULL, &p) == NC_ERR_VALUE);
    nc_array_clear(&a);
}

static void test_blocked_copy(void)
{
    nc_array a;
    ptrdiff_t shape[] = {3, 100, 70};
    make(&a, 3, shape);
    nc_geom t;
    int perm[] = {0, 2, 1};
    NC_CHECK(nc_view_transpose(&a, 3, perm, &t) == NC_OK);
    nc_array tv = {0}, x = {0}, y = {0}, z = {0};
    NC_CHECK(nc_array_init_view(&tv, a.buffer, t.data, t.dtype, t.ndim, t.shape, t.strides, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&x, NC_FLOAT64, 3, tv.shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&y, NC_FLOAT64, 3, tv.shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&z, NC_FLOAT32, 3, tv.shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc__copy_blocked(&x, &tv) == 1);
    NC_CHECK(nc_array_assign(&y, &tv, NC_CAST_NO) == NC_OK);
    NC_CHECK(memcmp(x.data, y.data, (size_t)x.size * 8) == 0);
    NC_CHECK(nc_array_copy(&z, &tv, NC_CAST_SAME_KIND) == NC_OK);
    int ok = 1;
    for (ptrdiff_t i = 0; i < z.size; i++)
        ok &= ((float *)z.data)[i] == (float)((double *)y.data)[i];
    NC_CHECK(ok);
    NC_CHECK(nc_array_copy(&z, &tv, NC_CAST_SAFE) == NC_ERR_CAST);
    NC_CHECK(nc__copy_blocked(&y, &x) == 0); /* same fast axis: not blocked */
    nc_array_clear(&x);
    nc_array_clear(&y);
    nc_array_clear(&z);
    nc_array_clear(&tv);
    nc_array_clear(&a);
}

int main(void)
{
    NC_RUN(test_blocked_copy);
    NC_RUN(test_slice_adjust);
    NC_RUN(test_index);
    NC_RUN(test_shape_infer);
    NC_RUN(test_reshape_strides);
    NC_RUN(test_axes);
    NC_RUN(test_dtype_view_and_contains);
    return nctest_finish();
}
