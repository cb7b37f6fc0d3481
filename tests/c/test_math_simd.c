/* test_math_simd.c: the AVX2 kernels of exp, log, sin, cos and tanh agree
 * with the portable libm ones within 1 ulp on many inputs (float64 and
 * float32), exactly on special values (zeros with their sign, inf, nan,
 * overflow and underflow), and report the same flags.  Skipped, passing,
 * where the CPU lacks AVX2+FMA. */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "numc/numc.h"
#include "nctest.h"
#include "../../src/math/vmath.h"

#define N 20000

static const char *names[NC_VM_NOPS] = {"exp", "log", "sin", "cos", "tanh"};

/* A small deterministic generator (xorshift64*). */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}
static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * ((double)(rnd() >> 11) * 0x1p-53);
}

/* Distance in ulps between two doubles of the same sign (order of bits). */
static double ulps64(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b) ? 0 : INFINITY;
    if (a == b)
        return signbit(a) == signbit(b) ? 0 : INFINITY;
    int64_t ia, ib;
    memcpy(&ia, &a, 8);
    memcpy(&ib, &b, 8);
    if ((ia < 0) != (ib < 0))
        return INFINITY;
    return (double)(ia > ib ? ia - ib : ib - ia);
}
static double ulps32(float a, float b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b) ? 0 : INFINITY;
    if (a == b)
        return signbit(a) == signbit(b) ? 0 : INFINITY;
    int32_t ia, ib;
    memcpy(&ia, &a, 4);
    memcpy(&ib, &b, 4);
    if ((ia < 0) != (ib < 0))
        return INFINITY;
    return (double)(ia > ib ? ia - ib : ib - ia);
}

static double xs[N], ys_s[N], ys_v[N];
static float xf[N], yf_s[N], yf_v[N];

static void fill(int op)
{
    for (int i = 0; i < N; i++) {
        double x;
        switch (i % 4) {
        case 0: x = uniform(-30, 30); break;
        case 1: x = uniform(-1, 1); break;
        case 2: x = op == NC_VM_EXP ? uniform(-745, 710) : uniform(-1e6, 1e6); break;
        default: { /* any finite bit pattern */
            uint64_t b = rnd() & 0x7fefffffffffffffULL;
            memcpy(&x, &b, 8);
            if (rnd() & 1)
                x = -x;
        }
        }
        if (op == NC_VM_LOG)
            x = fabs(x);
        xs[i] = x;
        xf[i] = (float)x;
    }
}

static void test_random_agree(void)
{
    const nc_vmath *s = nc__vmath_scalar(), *v = nc__vmath_avx2();
    if (!v) {
        printf("  (no AVX2+FMA: skipped)\n");
        return;
    }
    for (int op = 0; op < NC_VM_NOPS; op++) {
        fill(op);
        const int fs = s->f64[op](xs, ys_s, N), fv = v->f64[op](xs, ys_v, N);
        NC_CHECK_MSG(fs == fv, "%s f64 flags %d vs %d", names[op], fs, fv);
        double worst = 0;
        int at = 0;
        for (int i = 0; i < N; i++) {
            const double u = ulps64(ys_s[i], ys_v[i]);
            if (u > worst)
                worst = u, at = i;
        }
        NC_CHECK_MSG(worst <= 1, "%s f64: %g ulp at x=%a", names[op],
                     worst, xs[at]);
        const int gs = s->f32[op](xf, yf_s, N), gv = v->f32[op](xf, yf_v, N);
        NC_CHECK_MSG(gs == gv, "%s f32 flags %d vs %d", names[op], gs, gv);
        worst = 0;
        for (int i = 0; i < N; i++) {
            const double u = ulps32(yf_s[i], yf_v[i]);
            if (u > worst)
                worst = u, at = i;
        }
        NC_CHECK_MSG(worst <= 1, "%s f32: %g ulp at x=%a", names[op],
                     worst, (double)xf[at]);
    }
}

static void test_special_exact(void)
{
    const nc_vmath *s = nc__vmath_scalar(), *v = nc__vmath_avx2();
    if (!v)
        return;
    static const double sp[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, 1.0, -1.0,
                                0x1p-1074, -0x1p-1074, 0x1p-1022, 709.8, 710.0, -745.2,
                                -746.0, 708.0, -708.0, 22.0, -22.0, 23.0, 0x1p20, 0x1.8p20,
                                1e300, -1e300, 0x1.fffffffffffffp1023, 5e-300};
    enum { NS = sizeof sp / sizeof sp[0] };
    double a[NS], b[NS];
    float fa[NS], fb[NS], fx[NS];
    for (int i = 0; i < NS; i++)
        fx[i] = (float)sp[i];
    for (int op = 0; op < NC_VM_NOPS; op++) {
        /* one at a time, so each value's flags are checked on their own */
        for (int i = 0; i < NS; i++) {
            const int f1 = s->f64[op](&sp[i], &a[i], 1), f2 = v->f64[op](&sp[i], &b[i], 1);
            NC_CHECK_MSG(f1 == f2, "%s(%a) flags %d vs %d", names[op], sp[i], f1, f2);
            const int g1 = s->f32[op](&fx[i], &fa[i], 1), g2 = v->f32[op](&fx[i], &fb[i], 1);
            NC_CHECK_MSG(g1 == g2, "%s(%af) flags %d vs %d", names[op], (double)fx[i], g1, g2);
        }
        for (int i = 0; i < NS; i++) {
            const int exact = !isfinite(a[i]) || a[i] == 0 || fabs(a[i]) == 1;
            NC_CHECK_MSG(ulps64(a[i], b[i]) <= (exact ? 0 : 1), "%s(%a) = %a vs %a", names[op],
                         sp[i], a[i], b[i]);
            const int fexact = !isfinite(fa[i]) || fa[i] == 0 || fabsf(fa[i]) == 1;
            NC_CHECK_MSG(ulps32(fa[i], fb[i]) <= (fexact ? 0 : 1), "%s(%af) = %a vs %a",
                         names[op], (double)fx[i], (double)fa[i], (double)fb[i]);
        }
    }
    /* the flags NumPy raises */
    double r;
    NC_CHECK(v->f64[NC_VM_EXP](&sp[12], &r, 1) == FE_OVERFLOW && isinf(r));
    NC_CHECK(v->f64[NC_VM_LOG](&sp[1], &r, 1) == FE_DIVBYZERO && r == -INFINITY);
    NC_CHECK(v->f64[NC_VM_LOG](&sp[7], &r, 1) == FE_INVALID && isnan(r));
    NC_CHECK(v->f64[NC_VM_SIN](&sp[3], &r, 1) == FE_INVALID && isnan(r));
    NC_CHECK(v->f64[NC_VM_COS](&sp[4], &r, 1) == 0 && isnan(r));
}

static void test_in_place_and_tails(void)
{
    const nc_vmath *v = nc__vmath();
    for (int op = 0; op < NC_VM_NOPS; op++)
        for (int n = 0; n < 11; n++) {
            double buf[11], ref[11];
            for (int i = 0; i < n; i++)
                buf[i] = 0.25 + i;
            v->f64[op](buf, ref, n);
            v->f64[op](buf, buf, n);
            NC_CHECK(memcmp(buf, ref, (size_t)n * sizeof *buf) == 0);
        }
}

int main(void)
{
    printf("vmath implementation: %s\n", nc__vmath()->name);
    NC_RUN(test_random_agree);
    NC_RUN(test_special_exact);
    NC_RUN(test_in_place_and_tails);
    return nctest_finish();
}
