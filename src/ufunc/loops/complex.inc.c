/* complex.inc.c: every complex loop but the logical ones, for one complex
 * dtype (see foreach_complex.inc.c for T, RT, M, CT).
 *
 * The formulas are NumPy 2's on x86-64 with FMA, so that results agree bit
 * for bit: multiply fuses one product of each part (fma), divide is Smith's
 * method with a reciprocal, absolute is NumPy's scaled square root.
 * Comparisons are lexicographic (real part, then imaginary) and false when
 * any part is NaN, raising FE_INVALID where NumPy's do; maximum/minimum
 * propagate a NaN operand, the first one when both have NaNs. */

static inline T NC_HNAME(cmake)(RT re, RT im)
{
    T r;
    r.re = re;
    r.im = im;
    return r;
}

static inline T NC_HNAME(cadd)(T a, T b)
{
    return NC_HNAME(cmake)(a.re + b.re, a.im + b.im);
}

static inline T NC_HNAME(csub)(T a, T b)
{
    return NC_HNAME(cmake)(a.re - b.re, a.im - b.im);
}

/* The multiply ufunc: NumPy's SIMD loop (x86-64 with FMA3 or AVX-512)
 * fuses a.re*b.re and a.re*b.im with the other product, rounding each part
 * once less than the plain formula.  fma() is exact on every CPU, so numc's
 * result does not depend on it.  NumPy's scalar loop, which it runs for
 * reductions, is the plain formula (cmul_plain). */
static inline T NC_HNAME(cmul)(T a, T b)
{
    return NC_HNAME(cmake)(M(fma)(a.re, b.re, -(a.im * b.im)),
                           M(fma)(a.re, b.im, a.im * b.re));
}

/* The plain product, which NumPy's power uses for integer exponents. */
static inline T NC_HNAME(cmul_plain)(T a, T b)
{
    return NC_HNAME(cmake)(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
}

/* Smith's method: scaling by the larger part of b avoids the overflow of
 * |b|^2.  A zero divisor divides each part by +0, giving inf or NaN parts
 * and raising the real division's flags. */
static inline T NC_HNAME(cdiv)(T a, T b)
{
    const RT abs_re = M(fabs)(b.re), abs_im = M(fabs)(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0 && abs_im == 0)
            return NC_HNAME(cmake)(a.re / abs_re, a.im / abs_re);
        const RT rat = b.im / b.re;
        const RT scl = (RT)1 / (b.re + b.im * rat);
        return NC_HNAME(cmake)((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl);
    }
    const RT rat = b.re / b.im;
    const RT scl = (RT)1 / (b.im + b.re * rat);
    return NC_HNAME(cmake)((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl);
}

/* |z| as NumPy computes it: an infinite part gives inf (even with a NaN
 * part), else a NaN part gives NaN, else hi * sqrt(1 + (lo/hi)^2) with the
 * square fused. */
static inline RT NC_HNAME(cabs)(T z)
{
    const RT re = M(fabs)(z.re), im = M(fabs)(z.im);
    if (isinf(re) || isinf(im))
        return (RT)INFINITY;
    if (isnan(re) || isnan(im))
        return (RT)NAN;
    const RT hi = re > im ? re : im, lo = re > im ? im : re;
    if (hi == 0)
        return 0;
    const RT q = lo / hi;
    return M(sqrt)(M(fma)(q, q, 1)) * hi;
}

static inline int NC_HNAME(has_nan)(T z)
{
    return isnan(z.re) || isnan(z.im);
}

/* a < b: lexicographic, and false when any part is NaN.  NumPy evaluates
 * it with the signaling < and ==, short-circuited, so a NaN met on the way
 * raises FE_INVALID (np.less(0j, complex(nan, 0)) warns) while one never
 * reached does not (np.less(1+0j, complex(2, nan)) is silent); the same
 * expression here raises the same flags. */
static inline int NC_HNAME(clt)(T a, T b)
{
    return (a.re < b.re && !isnan(a.im) && !isnan(b.im)) ||
           (a.re == b.re && a.im < b.im);
}

static inline int NC_HNAME(cle)(T a, T b)
{
    return (a.re < b.re && !isnan(a.im) && !isnan(b.im)) ||
           (a.re == b.re && a.im <= b.im);
}

/* a >= b (lexicographic) for maximum/minimum, whose NaN operands are dealt
 * with before; NumPy's extrema raise no flag, so this one is quiet. */
static inline int NC_HNAME(cge_quiet)(T a, T b)
{
    return isgreater(a.re, b.re) || (a.re == b.re && isgreaterequal(a.im, b.im));
}

/* z ** w as NumPy's power: w == 0 gives 1 (even for z == 0), z == 0 gives
 * 0 for Re(w) > 0 and else NaN with FE_INVALID; a small integer exponent
 * is done by repeated squaring (plain products, a reciprocal at the end for
 * negative ones) and anything else by cpow, i.e. exp(w log z). */
static T NC_HNAME(cpow)(T a, T b)
{
    if (b.re == 0 && b.im == 0)
        return NC_HNAME(cmake)(1, 0);
    if (a.re == 0 && a.im == 0) {
        if (isgreater(b.re, 0))
            return NC_HNAME(cmake)(0, 0);
        nc__fp_raise(FE_INVALID);
        return NC_HNAME(cmake)((RT)NAN, (RT)NAN);
    }
    /* NumPy converts a real exponent to an integer to test it, which
     * raises FE_INVALID when it is NaN; so does numc. */
    if (b.im == 0 && isnan(b.re))
        nc__fp_raise(FE_INVALID);
    if (b.im == 0 && isgreater(b.re, -100) && isless(b.re, 100) && b.re == (RT)(int)b.re) {
        const int k = (int)b.re;
        if (k == 1)
            return a;
        if (k == 2)
            return NC_HNAME(cmul_plain)(a, a);
        if (k == 3)
            return NC_HNAME(cmul_plain)(a, NC_HNAME(cmul_plain)(a, a));
        unsigned e = (unsigned)(k < 0 ? -k : k);
        T acc = NC_HNAME(cmake)(1, 0), sq = a;
        for (;;) {
            if (e & 1u)
                acc = NC_HNAME(cmul_plain)(acc, sq);
            e >>= 1;
            if (!e)
                break;
            sq = NC_HNAME(cmul_plain)(sq, sq);
        }
        return k < 0 ? NC_HNAME(cdiv)(NC_HNAME(cmake)(1, 0), acc) : acc;
    }
    /* T has the layout of CT (C11 6.2.5: a complex is an array of two
     * reals), so the values are copied across, not rebuilt. */
    CT za, zb, zr;
    memcpy(&za, &a, sizeof za);
    memcpy(&zb, &b, sizeof zb);
    zr = CPOW(za, zb);
    T r;
    memcpy(&r, &zr, sizeof r);
    return r;
}

/* Pairwise sum of n complex numbers at p (byte step `step`), parts summed
 * separately in NumPy's order: blocks of up to 64 numbers through 4
 * interleaved accumulators each, longer ranges split in two. */
static void NC_HNAME(pairwise_sum)(RT *sre, RT *sim, const char *p, ptrdiff_t n,
                                   ptrdiff_t step)
{
#define NC_AT(i) (*(const T *)(p + (i) * step))
    if (n < 4) {
        RT re = -0.0f, im = -0.0f; /* -0.0 keeps a sum of -0.0 negative */
        for (ptrdiff_t i = 0; i < n; i++) {
            re += NC_AT(i).re;
            im += NC_AT(i).im;
        }
        *sre = re;
        *sim = im;
    }
    else if (n <= 64) {
        RT r[4], m[4];
        for (int k = 0; k < 4; k++) {
            r[k] = NC_AT(k).re;
            m[k] = NC_AT(k).im;
        }
        ptrdiff_t i = 4;
        for (; i + 4 <= n; i += 4)
            for (int k = 0; k < 4; k++) {
                r[k] += NC_AT(i + k).re;
                m[k] += NC_AT(i + k).im;
            }
        RT re = (r[0] + r[1]) + (r[2] + r[3]);
        RT im = (m[0] + m[1]) + (m[2] + m[3]);
        for (; i < n; i++) {
            re += NC_AT(i).re;
            im += NC_AT(i).im;
        }
        *sre = re;
        *sim = im;
    }
    else {
        /* NumPy splits a count of parts (2n) at a multiple of 8. */
        const ptrdiff_t half = (n - n % 8) / 2;
        RT re1, im1, re2, im2;
        NC_HNAME(pairwise_sum)(&re1, &im1, p, half, step);
        NC_HNAME(pairwise_sum)(&re2, &im2, p + half * step, n - half, step);
        *sre = re1 + re2;
        *sim = im1 + im2;
    }
#undef NC_AT
}

static T NC_HNAME(add_reduce)(T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    RT re, im;
    NC_HNAME(pairwise_sum)(&re, &im, p, n, step);
    return NC_HNAME(cmake)(acc.re + re, acc.im + im);
}

/* NumPy's multiply reduction is its scalar loop: plain products, in order.
 * Kept out of line, so that it is compiled for the baseline ISA only, not
 * in the multiply kernel's x86-64-v3 clone (see NC_VECTORIZED). */
__attribute__((noinline))
static T NC_HNAME(multiply_reduce)(T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    for (ptrdiff_t i = 0; i < n; i++, p += step)
        acc = NC_HNAME(cmul_plain)(acc, *(const T *)p);
    return acc;
}

/* --- T, T -> T ------------------------------------------------------------ */
#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#define LOOP_NAME NC_KNAME(add)
#define LOOP_OP(a, b) NC_HNAME(cadd)(a, b)
#define LOOP_REDUCE NC_HNAME(add_reduce)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(subtract)
#define LOOP_OP(a, b) NC_HNAME(csub)(a, b)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(multiply)
#define LOOP_OP(a, b) NC_HNAME(cmul)(a, b)
#define LOOP_REDUCE NC_HNAME(multiply_reduce)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(divide)
#define LOOP_OP(a, b) NC_HNAME(cdiv)(a, b)
#define LOOP_BASELINE /* plain complex products: see NC_VECTORIZED */
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(power)
#define LOOP_OP(a, b) NC_HNAME(cpow)(a, b)
#define LOOP_BASELINE
#include "loop_binary.inc.c"

/* Extrema raise no flag (NumPy's don't), whatever the vectoriser does. */
#define LOOP_NOFPE

#define LOOP_NAME NC_KNAME(maximum)
#define LOOP_OP(a, b)                                                        \
    ((NC_HNAME(has_nan)(a) || (!NC_HNAME(has_nan)(b) && NC_HNAME(cge_quiet)(a, b))) ? (a) : (b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(minimum)
#define LOOP_OP(a, b)                                                        \
    ((NC_HNAME(has_nan)(a) || (!NC_HNAME(has_nan)(b) && NC_HNAME(cge_quiet)(b, a))) ? (a) : (b))
#include "loop_binary.inc.c"

#undef LOOP_NOFPE
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE

/* --- T, T -> bool ----------------------------------------------------------- */
#define LOOP_TOUT nc_bool

#define LOOP_NAME NC_KNAME(equal)
#define LOOP_OP(a, b) ((nc_bool)(((a).re == (b).re) & ((a).im == (b).im)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(not_equal)
#define LOOP_OP(a, b) ((nc_bool)(((a).re != (b).re) | ((a).im != (b).im)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less)
#define LOOP_OP(a, b) ((nc_bool)NC_HNAME(clt)(a, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less_equal)
#define LOOP_OP(a, b) ((nc_bool)NC_HNAME(cle)(a, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater)
#define LOOP_OP(a, b) ((nc_bool)NC_HNAME(clt)(b, a))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater_equal)
#define LOOP_OP(a, b) ((nc_bool)NC_HNAME(cle)(b, a))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT

/* --- unary ---------------------------------------------------------------- */
#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(negative)
#define LOOP_OP(a) NC_HNAME(cmake)(-(a).re, -(a).im)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(positive)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#undef LOOP_TOUT
#define LOOP_TOUT RT

/* NumPy clears the flags its absolute raises (overflow to inf, underflow of
 * lo/hi), so no warning ever comes from it. */
#define LOOP_NAME NC_KNAME(absolute)
#define LOOP_OP(a) NC_HNAME(cabs)(a)
#define LOOP_NOFPE
#include "loop_unary.inc.c"

#undef LOOP_NOFPE
#undef LOOP_TIN
#undef LOOP_TOUT
