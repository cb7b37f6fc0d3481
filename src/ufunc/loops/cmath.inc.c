/* cmath.inc.c: the math ufuncs' loops for one complex dtype (see
 * foreach_complex.inc.c for T, RT, M, CT). */

static inline CT NC_HNAME(to_c)(T z)
{
    CT c;
    memcpy(&c, &z, sizeof c);
    return c;
}

static inline T NC_HNAME(from_c)(CT c)
{
    T z;
    memcpy(&z, &c, sizeof z);
    return z;
}

static inline T NC_HNAME(mk)(RT re, RT im)
{
    T z;
    z.re = re;
    z.im = im;
    return z;
}

#define TO_C(z) NC_HNAME(to_c)(z)
#define FROM_C(c) NC_HNAME(from_c)(c)
#define MK(re, im) NC_HNAME(mk)(re, im)

/* 1/z by Smith's method on z alone; 1/0 is NaN+NaNj with FE_INVALID, as
 * NumPy's (0/0 forms the ratio). */
static inline T NC_HNAME(recip)(T z)
{
    if (M(fabs)(z.im) <= M(fabs)(z.re)) {
        const RT r = z.im / z.re, d = z.re + z.im * r;
        return MK(1 / d, -r / d);
    }
    const RT r = z.re / z.im, d = z.re * r + z.im;
    return MK(r / d, -1 / d);
}

/* z/|z|; an infinite part dominates (both infinite: NaN), 0 stays 0. */
static inline T NC_HNAME(csign)(T z)
{
    if (isnan(z.re) || isnan(z.im))
        return MK(NAN, NAN);
    if (isinf(z.re) && isinf(z.im))
        return MK(NAN, NAN);
    if (isinf(z.re))
        return MK(M(copysign)(1, z.re), M(copysign)(0, z.im));
    if (isinf(z.im))
        return MK(0, M(copysign)(1, z.im));
    if (z.re == 0 && z.im == 0)
        return MK(0, 0);
    const RT a = M(hypot)(z.re, z.im);
    return MK(z.re / a, z.im / a);
}

/* Lexicographic a >= b (a <= b), false when any part of either is NaN
 * (so fmax picks b when a has a NaN part); quiet comparisons. */
static inline int NC_HNAME(cge)(T a, T b)
{
    return !isnan(a.im) && !isnan(b.im) &&
           (isgreater(a.re, b.re) || (a.re == b.re && isgreaterequal(a.im, b.im)));
}

static inline int NC_HNAME(cle)(T a, T b)
{
    return !isnan(a.im) && !isnan(b.im) &&
           (isless(a.re, b.re) || (a.re == b.re && islessequal(a.im, b.im)));
}

/* The functions C99 lacks, from the ones it has. */
static inline T NC_HNAME(cexp2)(T z)
{
    const RT ln2 = (RT)0.693147180559945309417232121458176568;
    return FROM_C(M(cexp)(TO_C(MK(z.re * ln2, z.im * ln2))));
}

/* exp(z) - 1 = (expm1(x) cos y - 2 sin^2(y/2)) + i e^x sin y: no
 * cancellation near 0. */
static inline T NC_HNAME(cexpm1)(T z)
{
    const RT s = M(sin)(z.im / 2);
    return MK(M(expm1)(z.re) * M(cos)(z.im) - 2 * s * s, M(exp)(z.re) * M(sin)(z.im));
}

static inline T NC_HNAME(clog1p)(T z)
{
    const RT re1 = z.re + 1;
    return MK(M(log)(M(hypot)(re1, z.im)), M(atan2)(z.im, re1));
}

static inline T NC_HNAME(clog_scaled)(T z, RT k)
{
    T r = FROM_C(M(clog)(TO_C(z)));
    return MK(r.re * k, r.im * k);
}

#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(rint)
#define LOOP_OP(a) MK(M(rint)((a).re), M(rint)((a).im))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(conjugate)
#define LOOP_OP(a) MK((a).re, -(a).im)
#include "loop_unary.inc.c"
/* z*z fused like NumPy's FMA multiply loop (see cmul in complex.inc.c),
 * so that square(z) == z*z bit for bit. */
#define LOOP_NAME NC_KNAME(square)
#define LOOP_OP(a) MK(M(fma)((a).re, (a).re, -((a).im * (a).im)), M(fma)((a).re, (a).im, (a).im * (a).re))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(reciprocal)
#define LOOP_OP(a) NC_HNAME(recip)(a)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(sign)
#define LOOP_OP(a) NC_HNAME(csign)(a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(exp2)
#define LOOP_OP(a) NC_HNAME(cexp2)(a)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(expm1)
#define LOOP_OP(a) NC_HNAME(cexpm1)(a)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(log2)
#define LOOP_OP(a) NC_HNAME(clog_scaled)(a, (RT)1.442695040888963407359924681001892137)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(log10)
#define LOOP_OP(a) NC_HNAME(clog_scaled)(a, (RT)0.434294481903251827651128918916605082)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(log1p)
#define LOOP_OP(a) NC_HNAME(clog1p)(a)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(tan)
#define LOOP_OP(a) FROM_C(M(ctan)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(arcsin)
#define LOOP_OP(a) FROM_C(M(casin)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(arccos)
#define LOOP_OP(a) FROM_C(M(cacos)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(arctan)
#define LOOP_OP(a) FROM_C(M(catan)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(sinh)
#define LOOP_OP(a) FROM_C(M(csinh)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(cosh)
#define LOOP_OP(a) FROM_C(M(ccosh)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(arcsinh)
#define LOOP_OP(a) FROM_C(M(casinh)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(arccosh)
#define LOOP_OP(a) FROM_C(M(cacosh)(TO_C(a)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(arctanh)
#define LOOP_OP(a) FROM_C(M(catanh)(TO_C(a)))
#include "loop_unary.inc.c"

#define LOOP_NOFPE
/* fmax/fmin: a NaN part in b picks a, else the lexicographic order
 * decides (a NaN part in a then picks b). */
#define LOOP_NAME NC_KNAME(fmax)
#define LOOP_OP(a, b)                                                         \
    ((NC_HNAME(cge)(a, b) || isnan((b).re) || isnan((b).im)) ? (a) : (b))
#include "loop_binary.inc.c"
#define LOOP_NAME NC_KNAME(fmin)
#define LOOP_OP(a, b)                                                         \
    ((NC_HNAME(cle)(a, b) || isnan((b).re) || isnan((b).im)) ? (a) : (b))
#include "loop_binary.inc.c"
#undef LOOP_TOUT
#define LOOP_TOUT nc_bool
#define LOOP_NAME NC_KNAME(isnan)
#define LOOP_OP(a) ((nc_bool)(isnan((a).re) || isnan((a).im)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(isinf)
#define LOOP_OP(a) ((nc_bool)(isinf((a).re) || isinf((a).im)))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(isfinite)
#define LOOP_OP(a) ((nc_bool)(isfinite((a).re) && isfinite((a).im)))
#include "loop_unary.inc.c"
#undef LOOP_NOFPE

#undef LOOP_TIN
#undef LOOP_TOUT
#undef TO_C
#undef FROM_C
#undef MK
