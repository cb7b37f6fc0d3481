/* test_iter.c: the broadcasting iterator, assignment and the ufunc driver,
 * exercised with a ufunc defined here (so the driver is tested apart from
 * the real loop tables). */
#include <math.h>
#include <stdlib.h>
#include "numc/numc.h"
#include "nctest.h"

static void fill_f64(nc_array *a, double start)
{
    /* Arrays made here are contiguous. */
    double *p = (double *)a->data;
    for (ptrdiff_t i = 0; i < a->size; i++)
        p[i] = start + (double)i;
}

static void test_coalescing(void)
{
    nc_array a;
    ptrdiff_t shape[] = {4, 5, 6};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 3, shape, NC_ORDER_C, 1) == NC_OK);
    const nc_array *ops[] = {&a, &a};
    nc_iter it;
    NC_CHECK(nc_iter_init(&it, 2, ops, 3, shape) == NC_OK);
    NC_CHECK(it.ndim == 1 && it.inner_size == 120 && it.inner_strides[0] == 8);
    nc_array_clear(&a);
}

static void test_broadcast_iteration(void)
{
    nc_array a, b;
    ptrdiff_t sa[] = {3, 1}, sb[] = {4}, shape[] = {3, 4};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 2, sa, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&b, NC_FLOAT64, 1, sb, NC_ORDER_C, 0) == NC_OK);
    fill_f64(&a, 0);
    fill_f64(&b, 10);
    const nc_array *ops[] = {&a, &b};
    nc_iter it;
    NC_CHECK(nc_iter_init(&it, 2, ops, 2, shape) == NC_OK);
    int count = 0;
    double sum = 0;
    do {
        for (ptrdiff_t i = 0; i < it.inner_size; i++) {
            sum += *(double *)(it.ptrs[0] + i * it.inner_strides[0]) * 100 +
                   *(double *)(it.ptrs[1] + i * it.inner_strides[1]);
            count++;
        }
    } while (nc_iter_next(&it));
    NC_CHECK(count == 12);
    NC_CHECK(sum == (0 + 1 + 2) * 100 * 4 + (10 + 11 + 12 + 13) * 3);
    ptrdiff_t bad[] = {3, 5};
    NC_CHECK(nc_iter_init(&it, 2, ops, 2, bad) == NC_ERR_SHAPE);
    nc_array_clear(&a);
    nc_array_clear(&b);
}

static void test_empty_and_scalar(void)
{
    nc_array a;
    ptrdiff_t shape[] = {3, 0};
    NC_CHECK(nc_array_init_empty(&a, NC_INT32, 2, shape, NC_ORDER_C, 0) == NC_OK);
    const nc_array *ops[] = {&a};
    nc_iter it;
    NC_CHECK(nc_iter_init(&it, 1, ops, 2, shape) == NC_OK && nc_iter_size(&it) == 0);
    nc_array_clear(&a);
    NC_CHECK(nc_array_init_empty(&a, NC_INT32, 0, NULL, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_iter_init(&it, 1, ops, 0, NULL) == NC_OK && nc_iter_size(&it) == 1);
    NC_CHECK(it.inner_size == 1 && !nc_iter_next(&it));
    nc_array_clear(&a);
}

static void test_transposed_order(void)
{
    /* A transposed operand is walked in memory order: inner stride 8. */
    nc_array a, t;
    ptrdiff_t shape[] = {50, 40};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 2, shape, NC_ORDER_C, 0) == NC_OK);
    ptrdiff_t tshape[] = {40, 50}, tstrides[] = {8, 320};
    NC_CHECK(nc_array_init_view(&t, a.buffer, a.data, NC_FLOAT64, 2, tshape, tstrides, 1) == NC_OK);
    const nc_array *ops[] = {&t};
    nc_iter it;
    NC_CHECK(nc_iter_init(&it, 1, ops, 2, tshape) == NC_OK);
    NC_CHECK(it.ndim == 1 && it.inner_strides[0] == 8 && it.inner_size == 2000);
    nc_array_clear(&t);
    nc_array_clear(&a);
}

static void test_assign_overlap(void)
{
    nc_array a, lo, hi;
    ptrdiff_t shape[] = {6}, five[] = {5};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 1, shape, NC_ORDER_C, 0) == NC_OK);
    fill_f64(&a, 0);
    NC_CHECK(nc_array_init_view(&lo, a.buffer, a.data, NC_FLOAT64, 1, five, NULL, 1) == NC_OK);
    NC_CHECK(nc_array_init_view(&hi, a.buffer, a.data + 8, NC_FLOAT64, 1, five, NULL, 1) == NC_OK);
    NC_CHECK(nc_array_assign(&hi, &lo, NC_CAST_NO) == NC_OK);
    double *p = (double *)a.data;
    NC_CHECK(p[0] == 0 && p[1] == 0 && p[2] == 1 && p[5] == 4);
    nc_array_clear(&lo);
    nc_array_clear(&hi);
    nc_array_clear(&a);
}

/* A test ufunc: f64 "sub" with one loop, plus an i32 loop that fails. */
static int sub_f64(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++)
        *(double *)(args[2] + i * steps[2]) =
            *(double *)(args[0] + i * steps[0]) - *(double *)(args[1] + i * steps[1]);
    return 0;
}
static int fail_i32(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, void *ctx)
{
    (void)args; (void)n; (void)steps; (void)ctx;
    return 1;
}
static const nc_loop test_loops[] = {
    {{NC_INT32, NC_INT32, NC_INT32}, fail_i32},
    {{NC_FLOAT64, NC_FLOAT64, NC_FLOAT64}, sub_f64},
};
static const nc_ufunc test_uf = {"testsub", 2, 1, NC_IDENTITY_NONE, NC_RESOLVE_DEFAULT, 2, test_loops, ""};

static void test_ufunc_exec(void)
{
    nc_array a, b, out = {0};
    ptrdiff_t sa[] = {2, 3}, sb[] = {3};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 2, sa, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&b, NC_INT16, 1, sb, NC_ORDER_C, 0) == NC_OK);
    fill_f64(&a, 10);
    int16_t *bp = (int16_t *)b.data;
    bp[0] = 1; bp[1] = 2; bp[2] = 3;
    nc_dtype_id in[] = {NC_FLOAT64, NC_INT16};
    int loop;
    NC_CHECK(nc_ufunc_resolve(&test_uf, in, NULL, NULL, NC_CAST_SAFE, &loop) == NC_OK && loop == 1);
    nc_array *ops[] = {&a, &b, &out};
    int fpe;
    NC_CHECK(nc_ufunc_exec(&test_uf, loop, ops, NC_CAST_SAME_KIND, NC_ORDER_K, &fpe) == NC_OK);
    NC_CHECK(out.ndim == 2 && out.shape[0] == 2 && out.shape[1] == 3 && out.dtype == NC_FLOAT64);
    double *o = (double *)out.data;
    NC_CHECK(o[0] == 9 && o[1] == 9 && o[2] == 9 && o[3] == 12 && o[5] == 12);
    /* Output with the wrong shape. */
    nc_array bad;
    ptrdiff_t sbad[] = {3};
    NC_CHECK(nc_array_init_empty(&bad, NC_FLOAT64, 1, sbad, NC_ORDER_C, 0) == NC_OK);
    nc_array *ops2[] = {&a, &b, &bad};
    NC_CHECK(nc_ufunc_exec(&test_uf, loop, ops2, NC_CAST_SAME_KIND, NC_ORDER_K, &fpe) == NC_ERR_SHAPE);
    /* Output dtype the casting rule refuses. */
    nc_array iout;
    NC_CHECK(nc_array_init_empty(&iout, NC_INT32, 2, sa, NC_ORDER_C, 0) == NC_OK);
    nc_array *ops3[] = {&a, &b, &iout};
    NC_CHECK(nc_ufunc_exec(&test_uf, loop, ops3, NC_CAST_SAME_KIND, NC_ORDER_K, &fpe) == NC_ERR_CAST);
    /* A failing loop is an error, not a crash, and allocates nothing. */
    nc_array x = {0};
    nc_array *ops4[] = {&iout, &iout, &x};
    NC_CHECK(nc_ufunc_exec(&test_uf, 0, ops4, NC_CAST_SAME_KIND, NC_ORDER_K, &fpe) == NC_ERR_VALUE);
    NC_CHECK(x.buffer == NULL);
    /* No loop for complex input under the safe rule. */
    nc_dtype_id cin[] = {NC_COMPLEX64, NC_FLOAT64};
    NC_CHECK(nc_ufunc_resolve(&test_uf, cin, NULL, NULL, NC_CAST_SAFE, &loop) == NC_ERR_NOLOOP);
    /* In-place with an overlapping, shifted input reads the old values. */
    nc_array lo, hi;
    ptrdiff_t five[] = {5};
    nc_array base;
    ptrdiff_t six[] = {6};
    NC_CHECK(nc_array_init_empty(&base, NC_FLOAT64, 1, six, NC_ORDER_C, 0) == NC_OK);
    fill_f64(&base, 0);
    NC_CHECK(nc_array_init_view(&lo, base.buffer, base.data, NC_FLOAT64, 1, five, NULL, 1) == NC_OK);
    NC_CHECK(nc_array_init_view(&hi, base.buffer, base.data + 8, NC_FLOAT64, 1, five, NULL, 1) == NC_OK);
    nc_array *ops5[] = {&hi, &lo, &hi};
    NC_CHECK(nc_ufunc_exec(&test_uf, 1, ops5, NC_CAST_SAME_KIND, NC_ORDER_K, &fpe) == NC_OK);
    double *bb = (double *)base.data;
    NC_CHECK(bb[1] == 1 && bb[2] == 1 && bb[5] == 1);
    nc_array_clear(&lo);
    nc_array_clear(&hi);
    nc_array_clear(&base);
    nc_array_clear(&bad);
    nc_array_clear(&iout);
    nc_array_clear(&a);
    nc_array_clear(&b);
    nc_array_clear(&out);
}

int main(void)
{
    NC_RUN(test_coalescing);
    NC_RUN(test_broadcast_iteration);
    NC_RUN(test_empty_and_scalar);
    NC_RUN(test_transposed_order);
    NC_RUN(test_assign_overlap);
    NC_RUN(test_ufunc_exec);
    return nctest_finish();
}
