/* test_format.c: nc_format_shortest / nc_shortest_digits.
 * Spot values checked against NumPy's scalar repr, plus exhaustive float16
 * and sampled float32 round trips (the printed text must read back to the
 * same value, and one digit fewer must not). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "numc/numc.h"
#include "numc/format.h"
#include "nctest.h"

static int same(double v, int bits, const char *want)
{
    char buf[64];
    nc_format_shortest(v, bits, buf, sizeof buf);
    if (strcmp(buf, want) != 0) {
        fprintf(stderr, "  %.17g (%d bits): got %s, want %s\n", v, bits, buf, want);
        return 0;
    }
    return 1;
}

static void test_spot(void)
{
    NC_CHECK(same(0.1, 64, "0.1"));
    NC_CHECK(same(0.1, 32, "0.1"));
    NC_CHECK(same(0.1, 16, "0.1"));
    NC_CHECK(same(1e16, 64, "1e+16"));
    NC_CHECK(same(1e15, 64, "1000000000000000.0"));
    NC_CHECK(same(1e15, 32, "1e+15"));
    NC_CHECK(same(65500, 16, "6.55e+04"));
    NC_CHECK(same(65500, 32, "65500.0"));
    NC_CHECK(same(123456789.0, 32, "1.2345679e+08"));
    NC_CHECK(same(1000, 16, "1e+03"));
    NC_CHECK(same(999.5, 16, "999.5"));
    NC_CHECK(same(1e-4, 32, "1e-04"));
    NC_CHECK(same(1e-4, 16, "0.0001"));
    NC_CHECK(same(9e-5, 64, "9e-05"));
    NC_CHECK(same(-0.0, 64, "-0.0"));
    NC_CHECK(same(0.0, 16, "0.0"));
    NC_CHECK(same(NAN, 32, "nan"));
    NC_CHECK(same(-INFINITY, 64, "-inf"));
    NC_CHECK(same(INFINITY, 16, "inf"));
    NC_CHECK(same(5e-324, 64, "5e-324"));
    NC_CHECK(same(1.7976931348623157e308, 64, "1.7976931348623157e+308"));
    NC_CHECK(same(0x1p-24, 16, "6e-08"));
    NC_CHECK(same(100.5, 32, "100.5"));
}

static void test_truncation(void)
{
    char buf[4];
    int n = nc_format_shortest(123.25, 64, buf, sizeof buf);
    NC_CHECK(n == 6);
    NC_CHECK(strcmp(buf, "123") == 0);
    NC_CHECK(nc_format_shortest(1.5, 64, NULL, 0) == 3);
}

/* Digits read back exactly and no shorter string would. */
static int check_shortest(double v, int bits)
{
    char d[24], s[64];
    int e, n = nc_shortest_digits(v, bits, d, &e);
    snprintf(s, sizeof s, "%c.%se%d", d[0], d + 1, e);
    double back = bits == 32 ? (double)strtof(s, NULL)
                : bits == 16 ? nc_half_to_double(nc_double_to_half(strtod(s, NULL)))
                             : strtod(s, NULL);
    if (back != fabs(v))
        return 0;
    if (n > 1) {
        snprintf(s, sizeof s, "%.*e", n - 2, fabs(v));
        double shorter = bits == 32 ? (double)strtof(s, NULL)
                       : bits == 16 ? nc_half_to_double(nc_double_to_half(strtod(s, NULL)))
                                    : strtod(s, NULL);
        if (shorter == fabs(v))
            return 0;
    }
    return 1;
}

static void test_half_exhaustive(void)
{
    int bad = 0;
    for (uint32_t i = 0; i < 0x7c00; i++)
        bad += !check_shortest(nc_half_to_double((nc_half)i), 16);
    NC_CHECK_MSG(bad == 0, "%d float16 values failed", bad);
}

static void test_float_sampled(void)
{
    int bad = 0;
    uint32_t x = 12345;
    for (int i = 0; i < 200000; i++) {
        x = x * 1664525u + 1013904223u;
        uint32_t u = x & 0x7fffffffu;
        float f;
        memcpy(&f, &u, 4);
        if (isfinite(f))
            bad += !check_shortest(f, 32);
    }
    NC_CHECK_MSG(bad == 0, "%d float32 values failed", bad);
}

int main(void)
{
    NC_RUN(test_spot);
    NC_RUN(test_truncation);
    NC_RUN(test_half_exhaustive);
    NC_RUN(test_float_sampled);
    return nctest_finish();
}
