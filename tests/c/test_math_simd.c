/* test_math_simd.c: the SIMD kernels of exp, log, sin, cos and tanh (AVX2
 * and AVX-512) agree with the portable libm ones within 1 ulp on many
 * inputs (float64 and float32), exactly on special values (zeros with their
 * sign, inf, nan, overflow and underflow), report the same flags, and give
 * the same results for every length 0..40, unaligned starts and in place.
 * Each implementation the CPU lacks is skipped, passing. */
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

/* The SIMD implementations this CPU has. */
static const nc_vmath *simd[2];
static int nsimd;

static void random_agree(const nc_vmath *v)
{
    const nc_vmath *s = nc__vmath_scalar();
    for (int op = 0; op < NC_VM_NOPS; op++) {
        fill(op);
        const int fs = s->f64[op](xs, ys_s, N), fv = v->f64[op](xs, ys_v, N);
        NC_CHECK_MSG(fs == fv, "%s %s f64 flags %d vs %d", v->name, names[op], fs, fv);
        double worst = 0;
        int at = 0;
        for (int i = 0; i < N; i++) {
            const double u = ulps64(ys_s[i], ys_v[i]);
            if (u > worst)
                worst = u, at = i;
        }
        NC_CHECK_MSG(worst <= 1, "%s %s f64: %g ulp at x=%a", v->name, names[op],
                     worst, xs[at]);
        const int gs = s->f32[op](xf, yf_s, N), gv = v->f32[op](xf, yf_v, N);
        NC_CHECK_MSG(gs == gv, "%s %s f32 flags %d vs %d", v->name, names[op], gs, gv);
        worst = 0;
        for (int i = 0; i < N; i++) {
            const double u = ulps32(yf_s[i], yf_v[i]);
            if (u > worst)
                worst = u, at = i;
        }
        NC_CHECK_MSG(worst <= 1, "%s %s f32: %g ulp at x=%a", v->name, names[op],
                     worst, (double)xf[at]);
    }
}

static void test_random_agree(void)
{
    if (!nsimd)
        printf("  (no AVX2+FMA: skipped)\n");
    for (int k = 0; k < nsimd; k++)
        random_agree(simd[k]);
}

static void special_exact(const nc_vmath *v)
{
    const nc_vmath *s = nc__vmath_scalar();
    static const double sp[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, 1.0, -1.0,
                                0x1p-1074, -0x1p-1074, 0x1p-1022, 709.8, 710.0, -745.2,
                                -746.0, 708.0, -708.0, 22.0, -22.0, 23.0, 0x1p20, 0x1.8p20,
                                1e300, -1e300, 0x1.fffffffffffffp1023, 5e-300,
                                /* float32 thresholds: exp's fast range and
                                 * overflow, subnormal results, huge trig
                                 * arguments, tanh's saturation */
                                87.0, -87.0, 87.5, 88.7, 88.73, -103.9, -104.0,
                                0x1p-149, -0x1p-149, 0x1p-126, 3e38, -3e38, 1e30, 9.0,
                                -9.1, 0.5, -0.5, 1e-8, 0x1.fffffep127, -1e-300,
                                /* native float32 cores: tanh's branch switch
                                 * and clamp, log's split at sqrt(2)/2, the
                                 * trig reduction's limit */
                                0.55, -0.55, 0x1.19999ap-1, 10.0, -10.5, 0x1.6a09e6p-1,
                                0x1.6a09e4p-1, 0x1.6a09e6p+0, 0x1.fffffep19, -0x1.fffffep19};
    enum { NS = sizeof sp / sizeof sp[0] };
    double a[NS], b[NS];
    float fa[NS], fb[NS], fx[NS];
    for (int i = 0; i < NS; i++)
        fx[i] = (float)sp[i];
    for (int op = 0; op < NC_VM_NOPS; op++) {
        /* one at a time, so each value's flags are checked on their own */
        for (int i = 0; i < NS; i++) {
            const int f1 = s->f64[op](&sp[i], &a[i], 1), f2 = v->f64[op](&sp[i], &b[i], 1);
            NC_CHECK_MSG(f1 == f2, "%s %s(%a) flags %d vs %d", v->name, names[op], sp[i], f1,
                         f2);
            const int g1 = s->f32[op](&fx[i], &fa[i], 1), g2 = v->f32[op](&fx[i], &fb[i], 1);
            NC_CHECK_MSG(g1 == g2, "%s %s(%af) flags %d vs %d", v->name, names[op],
                         (double)fx[i], g1, g2);
        }
        for (int i = 0; i < NS; i++) {
            const int exact = !isfinite(a[i]) || a[i] == 0 || fabs(a[i]) == 1;
            NC_CHECK_MSG(ulps64(a[i], b[i]) <= (exact ? 0 : 1), "%s %s(%a) = %a vs %a",
                         v->name, names[op], sp[i], a[i], b[i]);
            const int fexact = !isfinite(fa[i]) || fa[i] == 0 || fabsf(fa[i]) == 1;
            NC_CHECK_MSG(ulps32(fa[i], fb[i]) <= (fexact ? 0 : 1), "%s %s(%af) = %a vs %a",
                         v->name, names[op], (double)fx[i], (double)fa[i], (double)fb[i]);
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

static void test_special_exact(void)
{
    for (int k = 0; k < nsimd; k++)
        special_exact(simd[k]);
}

/* Every length 0..40 (the vector loops' tails), unaligned starts and
 * y == x give the same values as one call over the whole array; a NaN and
 * an out-of-range value among the elements do not disturb the others. */
static void lengths(const nc_vmath *v)
{
    enum { L = 40, OFF = 3 };
    double xd[L + OFF], yd[L + OFF], ref[L];
    float xq[L + OFF], yq[L + OFF], reff[L];
    for (int op = 0; op < NC_VM_NOPS; op++) {
        double base[L];
        for (int i = 0; i < L; i++)
            base[i] = op == NC_VM_LOG ? 0.3 + 1.7 * i : -3.1 + 0.37 * i;
        base[17] = NAN;
        base[29] = op == NC_VM_LOG ? -1.0 : 1e30;
        float basef[L];
        for (int i = 0; i < L; i++)
            basef[i] = (float)base[i];
        const int fl = v->f64[op](base, ref, L), flf = v->f32[op](basef, reff, L);
        (void)fl, (void)flf;
        for (int off = 0; off < OFF; off++)
            for (int n = 0; n <= L; n++) {
                memcpy(xd + off, base, (size_t)n * sizeof *base);
                memcpy(xq + off, basef, (size_t)n * sizeof *basef);
                v->f64[op](xd + off, yd + off, n);
                v->f32[op](xq + off, yq + off, n);
                NC_CHECK_MSG(memcmp(yd + off, ref, (size_t)n * sizeof *ref) == 0,
                             "%s %s f64 n=%d off=%d", v->name, names[op], n, off);
                NC_CHECK_MSG(memcmp(yq + off, reff, (size_t)n * sizeof *reff) == 0,
                             "%s %s f32 n=%d off=%d", v->name, names[op], n, off);
                v->f64[op](xd + off, xd + off, n); /* in place */
                v->f32[op](xq + off, xq + off, n);
                NC_CHECK_MSG(memcmp(xd + off, ref, (size_t)n * sizeof *ref) == 0,
                             "%s %s f64 in place n=%d off=%d", v->name, names[op], n, off);
                NC_CHECK_MSG(memcmp(xq + off, reff, (size_t)n * sizeof *reff) == 0,
                             "%s %s f32 in place n=%d off=%d", v->name, names[op], n, off);
            }
    }
}

static void test_in_place_and_tails(void)
{
    lengths(nc__vmath());
    for (int k = 0; k < nsimd; k++)
        lengths(simd[k]);
}

/* Dense float32 sweeps near the native cores' hard spots, against double
 * libm rounded once: within 1 ulp.  Pass 0 spans each function's main
 * range (exp's large |x|, where the reduction's low part matters; both
 * sides of every power of two); pass 1 is every float next to a switch:
 * log's k = -1 / k = 0 split at sqrt(2)/2 (where k ln2 and log1p cancel)
 * and near sqrt(2), tanh's switch from the odd polynomial to 1 - 2/(E+1)
 * at 0.55, sin/cos just below the 2^20 limit of the float reduction. */
static void test_f32_sweeps(void)
{
    enum { M = 1 << 16 };
    static float in[M], out[M];
    for (int k = 0; k < nsimd; k++)
        for (int pass = 0; pass < 2; pass++) {
            const nc_vmath *v = simd[k];
            for (int op = 0; op < NC_VM_NOPS; op++) {
                double (*ref)(double) = op == NC_VM_EXP ? exp : op == NC_VM_LOG ? log
                                      : op == NC_VM_SIN ? sin : op == NC_VM_COS ? cos : tanh;
                for (int i = 0; i < M; i++) {
                    const double lo = op == NC_VM_EXP ? -104.0 : op == NC_VM_LOG ? 1e-3 : -12.0;
                    const double hi = op == NC_VM_EXP ? 88.8 : op == NC_VM_LOG ? 1e3 : 12.0;
                    in[i] = (float)(lo + (hi - lo) * i / M);
                    if (pass) { /* consecutive floats around a switch point */
                        const float c = op == NC_VM_LOG ? (i & 1 ? 0x1.6a09e6p+0f : 0x1.6a09e6p-1f)
                                      : op == NC_VM_TANH ? (i & 1 ? -0.55f : 0.55f)
                                      : op == NC_VM_EXP ? (i & 1 ? -87.0f : 87.0f)
                                                        : (i & 1 ? -0x1p20f : 0x1p20f);
                        uint32_t u;
                        memcpy(&u, &c, 4);
                        /* log and tanh: both sides; exp and trig: below */
                        u += op == NC_VM_LOG || op == NC_VM_TANH ? (uint32_t)(i / 2 - M / 4)
                                                                 : (uint32_t)(-(i / 2) - 1);
                        memcpy(&in[i], &u, 4);
                    }
                }
                v->f32[op](in, out, M);
                double worst = 0;
                int at = 0;
                for (int i = 0; i < M; i++) {
                    const double u = ulps32(out[i], (float)ref(in[i]));
                    if (u > worst)
                        worst = u, at = i;
                }
                NC_CHECK_MSG(worst <= 1, "%s %s f32 sweep: %g ulp at x=%a", v->name, names[op],
                             worst, (double)in[at]);
            }
        }
}

int main(void)
{
    printf("vmath implementation: %s\n", nc__vmath()->name);
    if ((simd[nsimd] = nc__vmath_avx2()) != NULL)
        nsimd++;
    if ((simd[nsimd] = nc__vmath_avx512()) != NULL)
        nsimd++;
    for (int k = 0; k < nsimd; k++)
        printf("testing %s\n", simd[k]->name);
    NC_RUN(test_random_agree);
    NC_RUN(test_special_exact);
    NC_RUN(test_in_place_and_tails);
    NC_RUN(test_f32_sweeps);
    return nctest_finish();
}
