/* test_reduce.c: the reduction engine (reduce over axis sets, identity and
 * first-element starts, where masks, casting buffers, blocked order-free
 * reductions), accumulate, reduceat, ufunc.at and the masked driver, on the
 * core's real ufuncs. */
#include <math.h>
#include <string.h>
#include "numc/numc.h"
#include "numc/reduce.h"
#include "nctest.h"

static void make_f64(nc_array *a, int ndim, const ptrdiff_t *shape)
{
    NC_CHECK(nc_array_init_empty(a, NC_FLOAT64, ndim, shape, NC_ORDER_C, 0) == NC_OK);
    for (ptrdiff_t i = 0; i < a->size; i++)
        ((double *)a->data)[i] = (double)i;
}

static int loop_of(const nc_ufunc *uf, nc_dtype_id dt)
{
    int l = -1;
    NC_CHECK(nc_reduce_resolve(uf, dt, -1, -1, &l) == NC_OK);
    return l;
}

static void test_reduce_axes(void)
{
    const nc_ufunc *add = nc_ufunc_find("add");
    nc_array a, out = {0};
    ptrdiff_t shape[] = {3, 4};
    make_f64(&a, 2, shape);
    int fpe, l = loop_of(add, NC_FLOAT64), ax0 = 0, ax1 = -1;
    NC_CHECK(nc_ufunc_reduce(add, l, &a, 1, &ax0, 0, NULL, NULL, &out, &fpe) == NC_OK);
    NC_CHECK(out.ndim == 1 && out.shape[0] == 4);
    NC_CHECK(((double *)out.data)[0] == 12 && ((double *)out.data)[3] == 21);
    nc_array_clear(&out);
    NC_CHECK(nc_ufunc_reduce(add, l, &a, 1, &ax1, 1, NULL, NULL, &out, &fpe) == NC_OK);
    NC_CHECK(out.ndim == 2 && out.shape[0] == 3 && out.shape[1] == 1);
    NC_CHECK(((double *)out.data)[2] == 8 + 9 + 10 + 11);
    nc_array_clear(&out);
    NC_CHECK(nc_ufunc_reduce(add, l, &a, -1, NULL, 0, NULL, NULL, &out, &fpe) == NC_OK);
    NC_CHECK(out.ndim == 0 && *(double *)out.data == 66);
    nc_array_clear(&out);
    int bad = 2;
    NC_CHECK(nc_ufunc_reduce(add, l, &a, 1, &bad, 0, NULL, NULL, &out, &fpe) == NC_ERR_AXIS);
    int dup[] = {0, -2};
    NC_CHECK(nc_ufunc_reduce(add, l, &a, 2, dup, 0, NULL, NULL, &out, &fpe) == NC_ERR_VALUE);
    const nc_ufunc *sub = nc_ufunc_find("subtract");
    int both[] = {0, 1};
    NC_CHECK(nc_ufunc_reduce(sub, loop_of(sub, NC_FLOAT64), &a, 2, both, 0, NULL, NULL, &out,
                             &fpe) == NC_ERR_VALUE);
    NC_CHECK(strstr(nc_error_message(), "not reorderable") != NULL);
    nc_array_clear(&a);
}

static void test_no_identity_and_where(void)
{
    const nc_ufunc *mx = nc_ufunc_find("maximum");
    nc_array a, out = {0}, m;
    ptrdiff_t shape[] = {0, 3}, ms[] = {3};
    make_f64(&a, 2, shape);
    int fpe, l = loop_of(mx, NC_FLOAT64), ax0 = 0;
    NC_CHECK(nc_ufunc_reduce(mx, l, &a, 1, &ax0, 0, NULL, NULL, &out, &fpe) == NC_ERR_VALUE);
    NC_CHECK(strstr(nc_error_message(), "zero-size array to reduction operation maximum") != NULL);
    double init = -5;
    NC_CHECK(nc_ufunc_reduce(mx, l, &a, 1, &ax0, 0, &init, NULL, &out, &fpe) == NC_OK);
    NC_CHECK(out.size == 3 && ((double *)out.data)[1] == -5);
    nc_array_clear(&out);
    nc_array_clear(&a);
    shape[0] = 2;
    make_f64(&a, 2, shape);
    NC_CHECK(nc_array_init_empty(&m, NC_BOOL, 1, ms, NC_ORDER_C, 1) == NC_OK);
    ((nc_bool *)m.data)[1] = 1;
    NC_CHECK(nc_ufunc_reduce(mx, l, &a, -1, NULL, 0, NULL, &m, &out, &fpe) == NC_ERR_VALUE);
    NC_CHECK(nc_ufunc_reduce(mx, l, &a, -1, NULL, 0, &init, &m, &out, &fpe) == NC_OK);
    NC_CHECK(*(double *)out.data == 4);
    nc_array_clear(&out);
    nc_array_clear(&m);
    nc_array_clear(&a);
}

static void test_cast_and_blocked(void)
{
    const nc_ufunc *add = nc_ufunc_find("add"), *mx = nc_ufunc_find("maximum");
    nc_array a, out = {0};
    ptrdiff_t n = 100003;
    NC_CHECK(nc_array_init_empty(&a, NC_INT8, 1, &n, NC_ORDER_C, 0) == NC_OK);
    int64_t want = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        ((int8_t *)a.data)[i] = (int8_t)(i % 200 - 100);
        want += i % 200 - 100;
    }
    int fpe, l = loop_of(add, NC_INT8);
    NC_CHECK(add->loops[l].types[0] == NC_INT64);
    NC_CHECK(nc_ufunc_reduce(add, l, &a, -1, NULL, 0, NULL, NULL, &out, &fpe) == NC_OK);
    NC_CHECK(out.dtype == NC_INT64 && *(int64_t *)out.data == want);
    nc_array_clear(&out);
    l = loop_of(mx, NC_INT8);
    NC_CHECK(nc_ufunc_reduce(mx, l, &a, -1, NULL, 0, NULL, NULL, &out, &fpe) == NC_OK);
    NC_CHECK(out.dtype == NC_INT8 && *(int8_t *)out.data == 99);
    nc_array_clear(&out);
    nc_array_clear(&a);
}

static void test_accumulate_reduceat(void)
{
    const nc_ufunc *add = nc_ufunc_find("add");
    nc_array a, out = {0};
    ptrdiff_t shape[] = {3, 4};
    make_f64(&a, 2, shape);
    int fpe, l = loop_of(add, NC_FLOAT64);
    NC_CHECK(nc_ufunc_accumulate(add, l, &a, 1, &out, &fpe) == NC_OK);
    NC_CHECK(((double *)out.data)[3] == 6 && ((double *)out.data)[7] == 4 + 5 + 6 + 7);
    nc_array_clear(&out);
    NC_CHECK(nc_ufunc_accumulate(add, l, &a, 0, &out, &fpe) == NC_OK);
    NC_CHECK(((double *)out.data)[8] == 0 + 4 + 8);
    nc_array_clear(&out);
    int64_t idx[] = {0, 3, 1};
    NC_CHECK(nc_ufunc_reduceat(add, l, &a, idx, 3, 1, &out, &fpe) == NC_OK);
    NC_CHECK(out.shape[1] == 3);
    double *o = (double *)out.data;
    NC_CHECK(o[0] == 0 + 1 + 2 && o[1] == 3 && o[2] == 1 + 2 + 3);
    nc_array_clear(&out);
    int64_t badidx[] = {4};
    NC_CHECK(nc_ufunc_reduceat(add, l, &a, badidx, 1, 1, &out, &fpe) == NC_ERR_INDEX);
    nc_array_clear(&a);
}

static void test_at_and_where(void)
{
    const nc_ufunc *add = nc_ufunc_find("add");
    nc_array a, idx, b;
    ptrdiff_t n = 5, ni = 4;
    make_f64(&a, 1, &n);
    NC_CHECK(nc_array_init_empty(&idx, NC_INT64, 1, &ni, NC_ORDER_C, 0) == NC_OK);
    int64_t iv[] = {0, 0, -1, 2};
    memcpy(idx.data, iv, sizeof iv);
    NC_CHECK(nc_array_init_empty(&b, NC_FLOAT64, 0, NULL, NC_ORDER_C, 0) == NC_OK);
    *(double *)b.data = 10;
    nc_at_index ix = {2, 0, 0, 0, &idx};
    int fpe, l = loop_of(add, NC_FLOAT64);
    NC_CHECK(nc_ufunc_apply_at(add, l, &a, 1, &ix, &b, &fpe) == NC_OK);
    double *d = (double *)a.data;
    NC_CHECK(d[0] == 20 && d[1] == 1 && d[2] == 12 && d[4] == 14);
    iv[1] = 5;
    memcpy(idx.data, iv, sizeof iv);
    NC_CHECK(nc_ufunc_apply_at(add, l, &a, 1, &ix, &b, &fpe) == NC_ERR_INDEX);
    NC_CHECK(d[0] == 20); /* checked before writing */

    /* where=: masked positions of a given output keep their values. */
    nc_array m, o;
    NC_CHECK(nc_array_init_empty(&m, NC_BOOL, 1, &n, NC_ORDER_C, 1) == NC_OK);
    NC_CHECK(nc_array_init_empty(&o, NC_FLOAT32, 1, &n, NC_ORDER_C, 1) == NC_OK);
    ((nc_bool *)m.data)[1] = ((nc_bool *)m.data)[3] = 1;
    nc_array *ops[] = {&a, &a, &o};
    NC_CHECK(nc_ufunc_exec_where(add, l, ops, &m, NC_CAST_SAME_KIND, NC_ORDER_K, &fpe) == NC_OK);
    float *of = (float *)o.data;
    NC_CHECK(of[0] == 0 && of[1] == 2 && of[2] == 0 && of[3] == 6 && of[4] == 0);
    nc_array_clear(&m);
    nc_array_clear(&o);
    nc_array_clear(&idx);
    nc_array_clear(&b);
    nc_array_clear(&a);
}

int main(void)
{
    NC_RUN(test_reduce_axes);
    NC_RUN(test_no_identity_and_where);
    NC_RUN(test_cast_and_blocked);
    NC_RUN(test_accumulate_reduceat);
    NC_RUN(test_at_and_where);
    return nctest_finish();
}
