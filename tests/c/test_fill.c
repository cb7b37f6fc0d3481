/* test_fill.c: constant fills, arange lengths and values, linspace, eye. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "nctest.h"

static void test_fill_constant(void)
{
    nc_array a;
    ptrdiff_t shape[] = {3, 4};
    NC_CHECK(nc_array_init_empty(&a, NC_INT32, 2, shape, NC_ORDER_C, 0) == NC_OK);
    double v = 7.9;
    NC_CHECK(nc_array_fill(&a, &v, NC_FLOAT64) == NC_OK);
    int ok = 1;
    for (int i = 0; i < 12; i++)
        ok &= ((int32_t *)a.data)[i] == 7;
    NC_CHECK(ok);
    /* a strided view: every other column */
    nc_array v2;
    ptrdiff_t vs[] = {3, 2}, vst[] = {16, 8};
    NC_CHECK(nc_array_init_view(&v2, a.buffer, a.data, NC_INT32, 2, vs, vst, 1) == NC_OK);
    int32_t z = -1;
    NC_CHECK(nc_array_fill(&v2, &z, NC_INT32) == NC_OK);
    NC_CHECK(((int32_t *)a.data)[0] == -1 && ((int32_t *)a.data)[1] == 7 && ((int32_t *)a.data)[2] == -1);
    v2.flags &= ~NC_WRITEABLE;
    NC_CHECK(nc_array_fill(&v2, &z, NC_INT32) == NC_ERR_VALUE);
    nc_array_clear(&v2);
    nc_array_clear(&a);
}

static void test_arange_length(void)
{
    ptrdiff_t n;
    NC_CHECK(nc_arange_length(0, 10, 3, &n) == NC_OK && n == 4);
    NC_CHECK(nc_arange_length(5, 1, 1, &n) == NC_OK && n == 0);
    NC_CHECK(nc_arange_length(0, 1, 0, &n) == NC_ERR_ZERODIV);
    NC_CHECK(nc_arange_length(0, NAN, 1, &n) == NC_ERR_VALUE);
    NC_CHECK(nc_arange_length(0, INFINITY, 1, &n) == NC_ERR_VALUE);
    NC_CHECK(nc_arange_length(0, 1e300, 1e-300, &n) == NC_ERR_VALUE);
    NC_CHECK(strcmp(nc_error_message(), "Maximum allowed size exceeded") == 0);
}

static void test_arange_fill(void)
{
    nc_array a;
    ptrdiff_t shape[] = {9};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 1, shape, NC_ORDER_C, 0) == NC_OK);
    double *d = (double *)a.data;
    d[0] = 0.1;
    d[1] = 0.1 + 0.1;
    NC_CHECK(nc_arange_fill(&a) == NC_OK);
    NC_CHECK(d[2] == 0.30000000000000004 && d[8] == 0.9);
    nc_array_clear(&a);
    /* int8 wraps like NumPy's fill */
    shape[0] = 4;
    NC_CHECK(nc_array_init_empty(&a, NC_INT8, 1, shape, NC_ORDER_C, 0) == NC_OK);
    int8_t *b = (int8_t *)a.data;
    b[0] = 100;
    b[1] = 110;
    NC_CHECK(nc_arange_fill(&a) == NC_OK);
    NC_CHECK(b[2] == 120 && b[3] == (int8_t)(uint8_t)130);
    nc_array_clear(&a);
    shape[0] = 3;
    NC_CHECK(nc_array_init_empty(&a, NC_BOOL, 1, shape, NC_ORDER_C, 1) == NC_OK);
    NC_CHECK(nc_arange_fill(&a) == NC_ERR_TYPE);
    nc_array_clear(&a);
}

static void test_linspace(void)
{
    nc_array a;
    ptrdiff_t shape[] = {5};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 1, shape, NC_ORDER_C, 0) == NC_OK);
    double start[2] = {0, 0}, stop[2] = {1, 0}, step[2];
    NC_CHECK(nc_linspace_fill(&a, start, stop, 1, step) == NC_OK);
    double *d = (double *)a.data;
    NC_CHECK(d[0] == 0 && d[1] == 0.25 && d[4] == 1 && step[0] == 0.25);
    NC_CHECK(nc_linspace_fill(&a, start, stop, 0, step) == NC_OK);
    NC_CHECK(d[4] == 0.8 && step[0] == 0.2);
    NC_CHECK(nc_array_floor(&a) == NC_OK && d[4] == 0);
    nc_array_clear(&a);
    shape[0] = 1;
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 1, shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_linspace_fill(&a, start, stop, 1, step) == NC_OK);
    NC_CHECK(isnan(step[0]) && ((double *)a.data)[0] == 0);
    nc_array_clear(&a);
    NC_CHECK(nc_array_init_empty(&a, NC_INT32, 1, shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_linspace_fill(&a, start, stop, 1, step) == NC_ERR_TYPE);
    nc_array_clear(&a);
}

static void test_eye(void)
{
    nc_array a;
    ptrdiff_t shape[] = {3, 4};
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT32, 2, shape, NC_ORDER_C, 1) == NC_OK);
    NC_CHECK(nc_eye_fill(&a, 1) == NC_OK);
    float *f = (float *)a.data;
    NC_CHECK(f[1] == 1 && f[4 + 2] == 1 && f[8 + 3] == 1 && f[0] == 0);
    nc_array_clear(&a);
    NC_CHECK(nc_array_init_empty(&a, NC_INT64, 2, shape, NC_ORDER_F, 1) == NC_OK);
    NC_CHECK(nc_eye_fill(&a, -2) == NC_OK);
    int64_t *p = (int64_t *)a.data; /* F order: element (i, j) at i + 3 j */
    NC_CHECK(p[2] == 1 && p[0] == 0);
    NC_CHECK(nc_eye_fill(&a, 10) == NC_OK && nc_eye_fill(&a, -10) == NC_OK);
    nc_array_clear(&a);
}

int main(void)
{
    NC_RUN(test_fill_constant);
    NC_RUN(test_arange_length);
    NC_RUN(test_arange_fill);
    NC_RUN(test_linspace);
    NC_RUN(test_eye);
    return nctest_finish();
}
