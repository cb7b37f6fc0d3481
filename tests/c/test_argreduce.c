/* test_argreduce.c: argmin/argmax (argreduce.h) along every axis and
 * flattened, against a plain reference scan; NaN and tie rules; empty-axis
 * and bad-output errors; count_nonzero, the var/std deviation pass and the NaN fill helpers
 * (nanfill.h). */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "numc/numc.h"
#include "numc/argreduce.h"
#include "numc/nanfill.h"
#include "nctest.h"

/* First index of the max (min) of n doubles at stride s, NaN first wins. */
static int64_t ref_arg(const double *p, ptrdiff_t n, ptrdiff_t s, int is_max)
{
    int64_t bi = 0;
    double b = p[0];
    if (isnan(b))
        return 0;
    for (ptrdiff_t i = 1; i < n; i++) {
        double v = p[i * s];
        if (isnan(v))
            return i;
        if (is_max ? v > b : v < b) {
            b = v;
            bi = i;
        }
    }
    return bi;
}

static void fill(nc_array *a, unsigned seed)
{
    double *d = (double *)a->data;
    for (ptrdiff_t i = 0; i < a->size; i++) {
        seed = seed * 1103515245u + 12345u;
        d[i] = (double)((seed >> 8) % 1000) - 500.0;
    }
}

static void test_axes(void)
{
    ptrdiff_t shape[3] = {7, 300, 5};
    nc_array a, out;
    memset(&a, 0, sizeof a);
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 3, shape, NC_ORDER_C, 0) == NC_OK);
    fill(&a, 3);
    ((double *)a.data)[1234] = NAN;
    ((double *)a.data)[2000] = NAN;
    for (int is_max = 0; is_max < 2; is_max++) {
        for (int axis = 0; axis < 3; axis++) {
            ptrdiff_t os[2];
            for (int i = 0, j = 0; i < 3; i++)
                if (i != axis)
                    os[j++] = shape[i];
            memset(&out, 0, sizeof out);
            NC_CHECK(nc_array_init_empty(&out, NC_INT64, 2, os, NC_ORDER_C, 0) == NC_OK);
            NC_CHECK(nc_argreduce(&a, axis, is_max, &out) == NC_OK);
            ptrdiff_t s = a.strides[axis] / 8;
            int bad = 0;
            for (ptrdiff_t i = 0; i < os[0]; i++)
                for (ptrdiff_t j = 0; j < os[1]; j++) {
                    ptrdiff_t idx[3] = {0, 0, 0};
                    for (int k = 0, m = 0; k < 3; k++)
                        if (k != axis)
                            idx[k] = m++ == 0 ? i : j;
                    const double *p = (const double *)a.data + idx[0] * 1500 + idx[1] * 5 + idx[2];
                    bad += ((int64_t *)out.data)[i * os[1] + j] != ref_arg(p, shape[axis], s, is_max);
                }
            NC_CHECK_MSG(bad == 0, "axis %d is_max %d: %d wrong", axis, is_max, bad);
            nc_array_clear(&out);
        }
        ptrdiff_t one = 1;
        memset(&out, 0, sizeof out);
        NC_CHECK(nc_array_init_empty(&out, NC_INT64, 0, &one, NC_ORDER_C, 0) == NC_OK);
        NC_CHECK(nc_argreduce(&a, -1, is_max, &out) == NC_OK);
        NC_CHECK(*(int64_t *)out.data == 1234);
        nc_array_clear(&out);
    }
    nc_array_clear(&a);
}

static void test_flat_blocks(void)
{
    /* Long contiguous runs take the blocked path: ties and late maxima. */
    ptrdiff_t n = 5000;
    nc_array a, out;
    memset(&a, 0, sizeof a);
    memset(&out, 0, sizeof out);
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 1, &n, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&out, NC_INT64, 0, &n, NC_ORDER_C, 0) == NC_OK);
    fill(&a, 9);
    double *d = (double *)a.data;
    d[4000] = 1e9;
    d[4500] = 1e9;
    d[17] = -1e9;
    d[600] = -1e9;
    NC_CHECK(nc_argreduce(&a, -1, 1, &out) == NC_OK && *(int64_t *)out.data == 4000);
    NC_CHECK(nc_argreduce(&a, -1, 0, &out) == NC_OK && *(int64_t *)out.data == 17);
    d[4999] = NAN;
    NC_CHECK(nc_argreduce(&a, -1, 1, &out) == NC_OK && *(int64_t *)out.data == 4999);
    d[3] = -INFINITY;
    NC_CHECK(nc_argreduce(&a, -1, 0, &out) == NC_OK && *(int64_t *)out.data == 4999);
    int64_t c = 0;
    d[5] = 0.0;
    d[6] = -0.0;
    NC_CHECK(nc_count_nonzero(&a, &c) == NC_OK);
    int64_t ref = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        ref += d[i] != 0 || isnan(d[i]);
    NC_CHECK(c == ref);
    nc_array_clear(&a);
    nc_array_clear(&out);
}

static void test_errors(void)
{
    ptrdiff_t shape[2] = {0, 3}, os = 3;
    nc_array a, out;
    memset(&a, 0, sizeof a);
    memset(&out, 0, sizeof out);
    NC_CHECK(nc_array_init_empty(&a, NC_INT32, 2, shape, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&out, NC_INT64, 1, &os, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_argreduce(&a, 0, 1, &out) == NC_ERR_VALUE);
    NC_CHECK(strstr(nc_error_message(), "empty sequence") != NULL);
    NC_CHECK(nc_argreduce(&a, 2, 1, &out) == NC_ERR_AXIS);
    NC_CHECK(nc_argreduce(&a, 1, 1, &out) == NC_ERR_VALUE); /* out shape (3,) != (0,) */
    nc_array_clear(&out);
    NC_CHECK(nc_array_init_empty(&out, NC_FLOAT64, 1, &os, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_argreduce(&a, 0, 1, &out) == NC_ERR_TYPE);
    nc_array_clear(&out);
    nc_array_clear(&a);
}

static void test_nanfill(void)
{
    ptrdiff_t n = 6;
    nc_array a, m;
    memset(&a, 0, sizeof a);
    memset(&m, 0, sizeof m);
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT32, 1, &n, NC_ORDER_C, 0) == NC_OK);
    NC_CHECK(nc_array_init_empty(&m, NC_BOOL, 1, &n, NC_ORDER_C, 0) == NC_OK);
    float *f = (float *)a.data;
    float v[6] = {1, NAN, 3, NAN, INFINITY, -0.0f};
    memcpy(f, v, sizeof v);
    int64_t k = 0;
    NC_CHECK(nc_nan_replace(&a, 7.0, &m, &k) == NC_OK && k == 2);
    NC_CHECK(f[1] == 7 && f[3] == 7 && f[4] == INFINITY && m.data[1] && m.data[3] && !m.data[0]);
    NC_CHECK(nc_masked_fill(&a, &m, -2.0) == NC_OK && f[1] == -2 && f[3] == -2 && f[0] == 1);
    nc_array_clear(&a);
    nc_array_clear(&m);
}

static void test_sum_sqdev(void)
{
    ptrdiff_t shape[2] = {300, 7};
    nc_array a;
    memset(&a, 0, sizeof a);
    NC_CHECK(nc_array_init_empty(&a, NC_FLOAT64, 2, shape, NC_ORDER_C, 0) == NC_OK);
    fill(&a, 5);
    const double *d = (const double *)a.data;
    double ref = 0, r = 0;
    for (ptrdiff_t i = 0; i < a.size; i++)
        ref += (d[i] - 3.0) * (d[i] - 3.0);
    NC_CHECK(nc_sum_sqdev_f64(&a, 3.0, &r) == NC_OK && fabs(r - ref) <= 1e-12 * ref);
    /* a transposed view goes through the iterator */
    nc_array t;
    ptrdiff_t ts[2] = {7, 300}, tst[2] = {8, 56};
    memset(&t, 0, sizeof t);
    NC_CHECK(nc_array_init_view(&t, a.buffer, a.data, NC_FLOAT64, 2, ts, tst, 0) == NC_OK);
    NC_CHECK(nc_sum_sqdev_f64(&t, 3.0, &r) == NC_OK && fabs(r - ref) <= 1e-12 * ref);
    nc_array_clear(&t);
    NC_CHECK(nc_sum_sqdev_f64(&a, 3.0, NULL) == NC_ERR_INTERNAL);
    nc_array_clear(&a);
}

int main(void)
{
    NC_RUN(test_sum_sqdev);
    NC_RUN(test_axes);
    NC_RUN(test_flat_blocks);
    NC_RUN(test_errors);
    NC_RUN(test_nanfill);
    return nctest_finish();
}
