/* vmath_explog.h: the scalar side of the exp/log family kernels (exp2,
 * expm1, log2, log10, log1p, sinh, cosh, arcsinh, arccosh, arctanh, cbrt):
 * the flags NumPy raises for one input, and the one-element functions the
 * portable implementation runs and the SIMD kernels' out-of-range lanes
 * call.
 *
 * The float64 functions go through long double libm and round once: glibc's
 * double log10, sinh, cosh, acosh, atanh and cbrt are documented up to 2
 * (cbrt 4) ulp off, while the 64-bit-mantissa versions land within ~2^-10
 * ulp of a double, so the portable results are within 0.5+2^-10 ulp and the
 * SIMD and portable paths agree within an ulp.  Where long double is double
 * (no x87), this falls back to the double functions.  float32 uses the
 * double functions, whose error vanishes in the rounding to float.
 * Flags never come from libm: they are derived from the input (and the
 * result for overflow), as vmath.h says. */
#ifndef NUMC_MATH_VMATH_EXPLOG_H
#define NUMC_MATH_VMATH_EXPLOG_H

#include <fenv.h>
#include <math.h>

static inline double nc__sl_exp2(double x) { return (double)exp2l(x); }
static inline double nc__sl_expm1(double x) { return (double)expm1l(x); }
static inline double nc__sl_log2(double x) { return (double)log2l(x); }
static inline double nc__sl_log10(double x) { return (double)log10l(x); }
static inline double nc__sl_log1p(double x) { return (double)log1pl(x); }
static inline double nc__sl_sinh(double x) { return (double)sinhl(x); }
static inline double nc__sl_cosh(double x) { return (double)coshl(x); }
static inline double nc__sl_asinh(double x) { return (double)asinhl(x); }
static inline double nc__sl_acosh(double x) { return (double)acoshl(x); }
static inline double nc__sl_atanh(double x) { return (double)atanhl(x); }
static inline double nc__sl_cbrt(double x) { return (double)cbrtl(x); }

/* exp2 overflows like exp, and unlike exp's loop NumPy's exp2 (SVML) also
 * reports underflow for a finite x whose result is zero or an inexact
 * subnormal as a double (2^-1060 is exact: no flag).  The test is made on
 * double results for float32 too, so float32 reports it only where the
 * result is 0 (NumPy's float32 loop is itself irregular there). */
static inline int nc__vm_flags_exp2(double x, double r)
{
    if (isinf(r) && !isinf(x))
        return FE_OVERFLOW;
    if (isfinite(x) && (r == 0 || (r < 0x1p-1022 && x != nearbyint(x))))
        return FE_UNDERFLOW;
    return 0;
}

/* log1p: -1 is a pole, below it the domain ends. */
static inline int nc__vm_flags_log1p(double x)
{
    return x == -1 ? FE_DIVBYZERO : x < -1 ? FE_INVALID : 0;
}
static inline int nc__vm_flags_acosh(double x)
{
    return x < 1 ? FE_INVALID : 0;
}
static inline int nc__vm_flags_atanh(double x)
{
    return fabs(x) == 1 ? FE_DIVBYZERO : fabs(x) > 1 ? FE_INVALID : 0;
}

#endif
