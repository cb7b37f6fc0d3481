/* test_math_simd.c: the SIMD kernels of exp, log, sin, cos, tanh, of the
 * exp/log family (exp2 ... cbrt) and of tan, arctan, arcsin, arccos and
 * arctan2 (AVX2 and AVX-512) agree with the portable libm ones within 1 ulp on many
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

static const char *names[NC_VM_NOPS] = {"exp", "log", "sin", "cos", "tanh",
                                        "exp2", "expm1", "log2", "log10", "log1p", "sinh",
                                        "cosh", "asinh", "acosh", "atanh", "cbrt",
                                        "tan", "arctan", "arcsin", "arccos"};

/* The double libm function of each op (float32 references), and a range
 * of arguments that exercises its fast path. */
static double (*const refs[NC_VM_NOPS])(double) = {exp, log, sin, cos, tanh, exp2, expm1,
                                                   log2, log10, log1p, sinh, cosh, asinh,
                                                   acosh, atanh, cbrt, tan, atan, asin, acos};
static const double sweep_lo[NC_VM_NOPS] = {-104, 1e-3, -12, -12, -12, -150, -20, 1e-3,
                                            1e-3, -0.999, -90, -90, -1e4, 1, -1, -1e4,
                                            -12, -12, -1, -1};
static const double sweep_hi[NC_VM_NOPS] = {88.8, 1e3, 12, 12, 12, 128, 88.8, 1e3, 1e3,
                                            10, 90, 90, 1e4, 1e3, 1, 1e4,
                                            12, 12, 1, 1};

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
        if (op == NC_VM_LOG || op == NC_VM_LOG2 || op == NC_VM_LOG10)
            x = fabs(x);
        if ((op == NC_VM_ARCSIN || op == NC_VM_ARCCOS) && i % 4 != 3)
            x = uniform(-1, 1); /* mostly inside the domain */
        if (op == NC_VM_ACOSH)
            x = 1 + fabs(x);
        if (op == NC_VM_ATANH || (op == NC_VM_LOG1P && (i & 1)))
            x = x / (1 + fabs(x)); /* into (-1, 1) */
        if (op == NC_VM_EXP2 && i % 4 == 2)
            x = uniform(-1075, 1025);
        if ((op == NC_VM_EXPM1 || op == NC_VM_SINH || op == NC_VM_COSH) && i % 4 == 2)
            x = uniform(-711, 711);
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
    NC_CHECK(v->f64[NC_VM_TAN](&sp[2], &r, 1) == FE_INVALID && isnan(r));
    NC_CHECK(v->f64[NC_VM_ARCTAN](&sp[3], &r, 1) == 0 && r == -0x1.921fb54442d18p+0);
    NC_CHECK(v->f64[NC_VM_ARCSIN](&sp[20], &r, 1) == FE_INVALID && isnan(r));
    NC_CHECK(v->f64[NC_VM_ARCCOS](&sp[2], &r, 1) == FE_INVALID && isnan(r));
    NC_CHECK(v->f64[NC_VM_ARCCOS](&sp[4], &r, 1) == 0 && isnan(r));
    NC_CHECK(v->f64[NC_VM_ARCSIN](&sp[1], &r, 1) == 0 && r == 0 && signbit(r));
    NC_CHECK(v->f64[NC_VM_ARCCOS](&sp[7], &r, 1) == 0 && r == 0x1.921fb54442d18p+1);
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
        const int pos = op == NC_VM_LOG || op == NC_VM_LOG2 || op == NC_VM_LOG10 ||
                        op == NC_VM_ACOSH;
        for (int i = 0; i < L; i++)
            base[i] = pos ? 1 + 1.7 * i : op == NC_VM_ATANH ? -0.95 + 0.047 * i : -0.9 + 0.37 * i;
        base[17] = NAN;
        base[29] = pos ? -1.0 : 1e30;
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
                /* switch points are those of the native float cores */
                if (pass && op != NC_VM_EXP && op != NC_VM_LOG && op != NC_VM_SIN &&
                    op != NC_VM_COS && op != NC_VM_TANH)
                    continue;
                double (*ref)(double) = refs[op];
                for (int i = 0; i < M; i++) {
                    const double lo = sweep_lo[op], hi = sweep_hi[op];
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

/* Every float within 2048 ulps of the places where the float32 cores are
 * weakest, both signs, within 1 ulp of double libm rounded once: the ends
 * of the AVX-512 tanh table's intervals (1/16 and the quarters of each
 * binade up to 8, the clamp at 9.5, tanh's saturation near 9.01), powers
 * of two for cbrt (where e mod 3 changes) and, for
 * sin and cos, the floats nearest k pi/2 for k up to 4096, where the reduced
 * argument nearly cancels and the Fast2Sum of the reduction must keep its
 * low part. */
static void check_f32_around(const nc_vmath *v, int op, double centre)
{
    enum { HALF = 2048 };
    static float in[4 * HALF], out[4 * HALF];
    const float c = (float)centre;
    uint32_t u;
    memcpy(&u, &c, 4);
    for (int i = 0; i < 2 * HALF; i++) {
        const uint32_t w = u + (uint32_t)(i - HALF);
        memcpy(&in[2 * i], &w, 4);
        in[2 * i + 1] = -in[2 * i];
    }
    v->f32[op](in, out, 4 * HALF);
    for (int i = 0; i < 4 * HALF; i++) {
        const double e = ulps32(out[i], (float)refs[op](in[i]));
        NC_CHECK_MSG(e <= 1, "%s %s f32 near %a: %g ulp at x=%a", v->name, names[op], centre, e,
                     (double)in[i]);
        if (e > 1)
            return;
    }
}

static void test_f32_hard_spots(void)
{
    for (int k = 0; k < nsimd; k++) {
        const nc_vmath *v = simd[k];
        check_f32_around(v, NC_VM_TANH, 0x1p-4);
        for (int e = -4; e < 4; e++)
            for (int q = 1; q <= 4; q++)
                check_f32_around(v, NC_VM_TANH, ldexp(1 + q / 4.0, e));
        check_f32_around(v, NC_VM_TANH, 9.01);
        check_f32_around(v, NC_VM_TANH, 9.5);
        /* cbrt: every power of two changes e mod 3 (the smallest normal is
         * the fast range's end) */
        for (int e = -126; e <= 127; e += e < -120 || e > 120 ? 1 : 7)
            check_f32_around(v, NC_VM_CBRT, ldexp(1.0, e));
        for (int j = 1; j <= 4096; j = j < 16 ? j + 1 : j * 2 + 1) {
            check_f32_around(v, NC_VM_SIN, j * 0x1.921fb54442d18p+0);
            check_f32_around(v, NC_VM_COS, j * 0x1.921fb54442d18p+0);
        }
    }
}

/* float32 log2, log10, log1p (native cores) and arcsinh, arccosh, arctanh
 * (cheap double cores): every float within 2048 ulps of their switch
 * points, both signs (the negative side checks the slow lanes' nan and
 * the odd functions' signs): the k = -1 / k = 0 split at sqrt(2)/2 and
 * sqrt(2) (log1p: where 1 + x crosses them, and its k = 0 branch near 0
 * that uses x itself), 1 and 10 (exact log10), the smallest normal (fast
 * range end), the series/log switch of arcsinh and arctanh at 2^-10,
 * arccosh at 1 and arctanh near 1. */
static void test_f32_log_family_spots(void)
{
    for (int k = 0; k < nsimd; k++) {
        const nc_vmath *v = simd[k];
        const double logc[] = {0x1.6a09e6p-1, 0x1.6a09e6p+0, 1.0, 10.0, 0x1p-126, 0x1p127};
        for (size_t i = 0; i < sizeof logc / sizeof *logc; i++) {
            check_f32_around(v, NC_VM_LOG2, logc[i]);
            check_f32_around(v, NC_VM_LOG10, logc[i]);
        }
        const double l1pc[] = {0x1.6a09e6p-1 - 1, 0x1.6a09e6p+0 - 1, 0x1p-20, 0x1p-126, 0.5, 1.0,
                               -0x1.fffff8p-1, 0x1p127};
        for (size_t i = 0; i < sizeof l1pc / sizeof *l1pc; i++)
            check_f32_around(v, NC_VM_LOG1P, l1pc[i]);
        check_f32_around(v, NC_VM_ASINH, 0x1p-10);
        check_f32_around(v, NC_VM_ASINH, 1.0);
        check_f32_around(v, NC_VM_ASINH, 0x1p127);
        check_f32_around(v, NC_VM_ATANH, 0x1p-10);
        check_f32_around(v, NC_VM_ATANH, 0.5);
        check_f32_around(v, NC_VM_ATANH, 0x1.fffff8p-1);
        check_f32_around(v, NC_VM_ACOSH, 1.0);
        check_f32_around(v, NC_VM_ACOSH, 0x1p127);
    }
}

/* The native float32 exp2, expm1, sinh and cosh cores near their switch
 * points (every float within 2048 ulps, both signs): exp2's fast-range ends
 * and the half-integers where the rounded n changes; expm1's n = 0 / 1
 * switch at ln2/2, its clamps (n >= -24 from -16.98, the rounding to -1
 * below -25 ln2, x >= -18), the n = 24 / 25 switch where 2^n - 1 stops
 * being exact, and its upper limit; sinh and cosh at n = 0 / 1 / 2, at
 * n = 11 / 12 / 13 where h +- g stop being exact, and at their limit. */
static void test_f32_exp_family_spots(void)
{
    const double l2 = 0x1.62e42fefa39efp-1;
    static const double e2[] = {0.5, 1.5, 2.5, 1.0, 64.5, 124.5, 125.0, 126.5, 127.0};
    static const double em[] = {0.5, 1.5, 2.5, 11.5, 12.5, 24.5, 25.0, 86.5};
    for (int k = 0; k < nsimd; k++) {
        const nc_vmath *v = simd[k];
        for (size_t i = 0; i < sizeof e2 / sizeof *e2; i++)
            check_f32_around(v, NC_VM_EXP2, e2[i]);
        for (size_t i = 0; i < sizeof em / sizeof *em; i++) {
            check_f32_around(v, NC_VM_EXPM1, em[i] * l2);
            check_f32_around(v, NC_VM_SINH, em[i] * l2);
            check_f32_around(v, NC_VM_COSH, em[i] * l2);
        }
        check_f32_around(v, NC_VM_EXPM1, 18.0);
        check_f32_around(v, NC_VM_EXPM1, 88.0);
        check_f32_around(v, NC_VM_SINH, 86.5);
        check_f32_around(v, NC_VM_COSH, 86.5);
    }
}

/* The float64 kernels of the trig ops against long double libm rounded
 * once (x86-64: 11 more bits), within 1 ulp, on their hard ranges: near
 * multiples of pi/2 (tan), the interval bounds of arctan's reduction, and
 * both sides of 1/2 and 1 (arcsin, arccos). */
static long double ref_ld(int op, long double x)
{
    switch (op) {
    case NC_VM_TAN: return tanl(x);
    case NC_VM_ARCTAN: return atanl(x);
    case NC_VM_ARCSIN: return asinl(x);
    default: return acosl(x);
    }
}

static void test_trig_vs_long_double(void)
{
    static const int ops[] = {NC_VM_TAN, NC_VM_ARCTAN, NC_VM_ARCSIN, NC_VM_ARCCOS};
    for (int k = 0; k < nsimd; k++) {
        const nc_vmath *v = simd[k];
        for (int j = 0; j < 4; j++) {
            const int op = ops[j];
            for (int i = 0; i < N; i++) {
                double x;
                if (op == NC_VM_TAN)
                    x = i % 2 ? uniform(-4, 4) : (double)(rnd() % 100000) * 1.5707963267948966
                                                     + uniform(-1e-9, 1e-9);
                else if (op == NC_VM_ARCTAN) {
                    static const double b[] = {7.0 / 16, 11.0 / 16, 1.0, 16.0 / 7, 16.0 / 11};
                    x = i % 2 ? uniform(-8, 8) : b[i % 5] * (1 + uniform(-1e-6, 1e-6));
                }
                else
                    x = i % 2 ? uniform(-1, 1) : (i % 4 ? 0.5 : 1.0) * (1 - uniform(0, 1e-3));
                xs[i] = x;
            }
            v->f64[op](xs, ys_v, N);
            double worst = 0;
            int at = 0;
            for (int i = 0; i < N; i++) {
                const double u = ulps64(ys_v[i], (double)ref_ld(op, xs[i]));
                if (u > worst)
                    worst = u, at = i;
            }
            NC_CHECK_MSG(worst <= 1, "%s %s f64 vs long double: %g ulp at x=%a", v->name,
                         names[op], worst, xs[at]);
        }
    }
}

/* arctan2: every implementation present agrees with the portable one
 * within 1 ulp on random pairs (all quadrants, wide exponents) and with
 * long double libm; exactly on every pair of special values (signed zeros,
 * infinities, nan, tiny and huge), with no flag; the same results for
 * every length 0..40, unaligned, and in place on either input. */
static double y2[N], x2[N];
static float y2f[N], x2f[N];

static double rnd_wide(void)
{
    switch (rnd() % 3) {
    case 0: return uniform(-1, 1);
    case 1: return uniform(-1, 1) * ldexp(1.0, (int)(rnd() % 1200) - 600);
    default: return uniform(-10, 10);
    }
}

static void test_atan2(void)
{
    const nc_vmath *s = nc__vmath_scalar();
    for (int i = 0; i < N; i++) {
        y2[i] = rnd_wide();
        x2[i] = i % 7 == 0 ? y2[i] * (i % 2 ? 7.0 / 16 : 1.0) : rnd_wide();
        y2f[i] = (float)y2[i];
        x2f[i] = (float)x2[i];
    }
    for (int k = 0; k < nsimd; k++) {
        const nc_vmath *v = simd[k];
        NC_CHECK(s->f64b[NC_VM2_ARCTAN2](y2, x2, ys_s, N) == 0);
        NC_CHECK(v->f64b[NC_VM2_ARCTAN2](y2, x2, ys_v, N) == 0);
        NC_CHECK(s->f32b[NC_VM2_ARCTAN2](y2f, x2f, yf_s, N) == 0);
        NC_CHECK(v->f32b[NC_VM2_ARCTAN2](y2f, x2f, yf_v, N) == 0);
        double w64 = 0, wld = 0, w32 = 0;
        int a64 = 0, a32 = 0;
        for (int i = 0; i < N; i++) {
            const double u = ulps64(ys_s[i], ys_v[i]);
            const double ul = ulps64(ys_v[i], (double)atan2l(y2[i], x2[i]));
            const double uf = ulps32(yf_s[i], yf_v[i]);
            if (u > w64)
                w64 = u, a64 = i;
            if (ul > wld)
                wld = ul, a64 = i;
            if (uf > w32)
                w32 = uf, a32 = i;
        }
        NC_CHECK_MSG(w64 <= 1 && wld <= 1, "%s atan2 f64: %g / %g ulp at (%a, %a)", v->name,
                     w64, wld, y2[a64], x2[a64]);
        NC_CHECK_MSG(w32 <= 1, "%s atan2 f32: %g ulp at (%a, %a)", v->name, w32,
                     (double)y2f[a32], (double)x2f[a32]);

        static const double sp[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, 1.0, -1.0,
                                    0x1p-1074, -0x1p-1074, 0x1p-1022, 0x1p-501, 0x1p501,
                                    1e300, -1e300, 0x1.fffffffffffffp1023, 3e38, 1e-40,
                                    0x1p-149, -2.5};
        enum { NS = sizeof sp / sizeof sp[0] };
        for (int i = 0; i < NS; i++)
            for (int j = 0; j < NS; j++) {
                double a, b;
                NC_CHECK(s->f64b[NC_VM2_ARCTAN2](&sp[i], &sp[j], &a, 1) == 0);
                NC_CHECK(v->f64b[NC_VM2_ARCTAN2](&sp[i], &sp[j], &b, 1) == 0);
                const int exact = !isfinite(a) || a == 0 || fabs(sp[i]) == fabs(sp[j]);
                NC_CHECK_MSG(ulps64(a, b) <= (exact ? 0 : 1), "%s atan2(%a, %a) = %a vs %a",
                             v->name, sp[i], sp[j], a, b);
                const float fy = (float)sp[i], fx = (float)sp[j];
                float fa, fb;
                NC_CHECK(s->f32b[NC_VM2_ARCTAN2](&fy, &fx, &fa, 1) == 0);
                NC_CHECK(v->f32b[NC_VM2_ARCTAN2](&fy, &fx, &fb, 1) == 0);
                const int fexact = !isfinite(fa) || fa == 0 || fabsf(fy) == fabsf(fx);
                NC_CHECK_MSG(ulps32(fa, fb) <= (fexact ? 0 : 1), "%s atan2f(%a, %a) = %a vs %a",
                             v->name, (double)fy, (double)fx, (double)fa, (double)fb);
            }
    }

    /* lengths, offsets, in place (either input) */
    enum { L = 40, OFF = 3 };
    const nc_vmath *impls[3] = {nc__vmath(), simd[0], simd[1]};
    for (int k = 0; k < 1 + nsimd; k++) {
        const nc_vmath *v = impls[k];
        double by[L], bx[L], ref[L], yy[L + OFF], xx[L + OFF], oo[L + OFF];
        float fy[L], fx[L], reff[L], yyf[L + OFF], xxf[L + OFF], oof[L + OFF];
        for (int i = 0; i < L; i++) {
            by[i] = -2.9 + 0.31 * i;
            bx[i] = 1.7 - 0.23 * i;
            fy[i] = (float)by[i];
            fx[i] = (float)bx[i];
        }
        by[13] = NAN, bx[21] = 0.0, by[21] = 0.0, bx[33] = -INFINITY;
        fy[13] = NAN, fx[21] = 0.0f, fy[21] = 0.0f, fx[33] = -INFINITY;
        v->f64b[NC_VM2_ARCTAN2](by, bx, ref, L);
        v->f32b[NC_VM2_ARCTAN2](fy, fx, reff, L);
        for (int off = 0; off < OFF; off++)
            for (int n = 0; n <= L; n++)
                for (int where = 0; where < 3; where++) {
                    memcpy(yy + off, by, (size_t)n * sizeof *by);
                    memcpy(xx + off, bx, (size_t)n * sizeof *bx);
                    memcpy(yyf + off, fy, (size_t)n * sizeof *fy);
                    memcpy(xxf + off, fx, (size_t)n * sizeof *fx);
                    double *o = where == 0 ? oo + off : where == 1 ? yy + off : xx + off;
                    float *of = where == 0 ? oof + off : where == 1 ? yyf + off : xxf + off;
                    v->f64b[NC_VM2_ARCTAN2](yy + off, xx + off, o, n);
                    v->f32b[NC_VM2_ARCTAN2](yyf + off, xxf + off, of, n);
                    NC_CHECK_MSG(memcmp(o, ref, (size_t)n * sizeof *ref) == 0,
                                 "%s atan2 f64 n=%d off=%d out=%d", v->name, n, off, where);
                    NC_CHECK_MSG(memcmp(of, reff, (size_t)n * sizeof *reff) == 0,
                                 "%s atan2 f32 n=%d off=%d out=%d", v->name, n, off, where);
                }
    }
}

/* The native float32 cores of tan, arctan, arcsin, arccos and arctan2
 * (simd_cores_trig.inc.c), every float within 2048 ulps of their switch
 * points, both signs: arctan's c = 1 interval [tan(1/2) (1 + 2^-20),
 * its reciprocal] and the swap at 1; arcsin/arccos at 1/2 (the sqrt
 * branch) and 1; tan at the floats nearest k pi/2 (its quotient is
 * cot there) and below 2^20; arctan2 with y near x tan(1/2) and near x
 * (the swap) for x across the binades of the fast range and its ends
 * (2^-60, 2^60). */
static void test_f32_trig_switch_points(void)
{
    const double t = 0x1.17b508p-1;
    for (int k = 0; k < nsimd; k++) {
        const nc_vmath *v = simd[k];
        check_f32_around(v, NC_VM_ARCTAN, t);
        check_f32_around(v, NC_VM_ARCTAN, (float)(1 / (float)t));
        check_f32_around(v, NC_VM_ARCTAN, 1.0);
        check_f32_around(v, NC_VM_ARCTAN, 0.5);
        check_f32_around(v, NC_VM_ARCTAN, 2.0);
        for (int op = NC_VM_ARCSIN; op <= NC_VM_ARCCOS; op++) {
            check_f32_around(v, op, 0.5);
            check_f32_around(v, op, 1.0);
            check_f32_around(v, op, 0x1p-12);
        }
        for (int j = 1; j <= 4096; j = j < 16 ? j + 1 : j * 2 + 1)
            check_f32_around(v, NC_VM_TAN, j * 0x1.921fb54442d18p+0);
        check_f32_around(v, NC_VM_TAN, 0x1p20);
        enum { H = 2048 };
        static float y[2 * H], x[2 * H], o[2 * H];
        static const float xs0[] = {1.0f, -1.0f, 3.0f, -0x1.4p-40f, 0x1.8p50f, 0x1p-60f,
                                    -0x1p60f, 0x1.fffffep59f, 0x1.000002p-60f};
        for (size_t xi = 0; xi < sizeof xs0 / sizeof *xs0; xi++)
            for (int which = 0; which < 2; which++) {
                const float c = which ? xs0[xi] : xs0[xi] * (float)t;
                uint32_t u;
                memcpy(&u, &c, 4);
                for (int i = 0; i < 2 * H; i++) {
                    const uint32_t w = u + (uint32_t)(i / 2 - H / 2);
                    memcpy(&y[i], &w, 4);
                    if (i & 1)
                        y[i] = -y[i];
                    x[i] = xs0[xi];
                }
                v->f32b[NC_VM2_ARCTAN2](y, x, o, 2 * H);
                for (int i = 0; i < 2 * H; i++) {
                    const double e = ulps32(o[i], (float)atan2((double)y[i], (double)x[i]));
                    NC_CHECK_MSG(e <= 1, "%s atan2f(%a, %a): %g ulp", v->name, (double)y[i],
                                 (double)x[i], e);
                    if (e > 1)
                        break;
                }
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
    NC_RUN(test_f32_hard_spots);
    NC_RUN(test_f32_log_family_spots);
    NC_RUN(test_f32_exp_family_spots);
    NC_RUN(test_trig_vs_long_double);
    NC_RUN(test_atan2);
    NC_RUN(test_f32_trig_switch_points);
    return nctest_finish();
}
