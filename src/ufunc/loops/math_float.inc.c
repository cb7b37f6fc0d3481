/* math_float.inc.c: the math ufuncs' loops for one real floating dtype
 * (see foreach_float.inc.c for T, CT, LD, ST, IS_HALF, M). */

/* NumPy's sign: +1, -1, 0 for both zeros (+0.0), NaN for NaN. */
static inline CT NC_HNAME(sign1)(CT a)
{
    return isgreater(a, 0) ? (CT)1 : isless(a, 0) ? (CT)-1 : a == 0 ? (CT)0 : a;
}

static inline CT NC_HNAME(heaviside1)(CT x, CT h0)
{
    if (isnan(x))
        return x;
    if (x == 0)
        return h0;
    return isless(x, 0) ? (CT)0 : (CT)1;
}

/* log(e^x + e^y) without overflow; equal arguments (same infinities
 * included) take the exact shortcut, so inf - inf is never formed. */
static inline CT NC_HNAME(logaddexp1)(CT x, CT y)
{
    if (x == y)
        return x + (CT)0.693147180559945309417232121458176568;
    const CT d = x - y;
    if (d > 0)
        return x + M(log1p)(M(exp)(-d));
    if (d <= 0)
        return y + M(log1p)(M(exp)(d));
    return d; /* NaN */
}

static inline CT NC_HNAME(logaddexp2_1)(CT x, CT y)
{
    const CT log2e = (CT)1.442695040888963407359924681001892137;
    if (x == y)
        return x + 1;
    const CT d = x - y;
    if (d > 0)
        return x + log2e * M(log1p)(M(exp2)(-d));
    if (d <= 0)
        return y + log2e * M(log1p)(M(exp2)(d));
    return d;
}

#if !IS_HALF
/* spacing: the gap to the next value away from zero, stepping on the bits
 * as NumPy does, so no flag is raised but FE_OVERFLOW past the largest
 * finite value; both zeros give the smallest positive subnormal,
 * infinities and NaN give NaN, silently. */
static inline CT NC_HNAME(spacing1)(CT x)
{
    if (!isfinite(x))
        return (CT)NAN;
    if (x == 0)
        return sizeof(CT) == 4 ? (CT)0x1p-149f : (CT)0x1p-1074;
    CT next;
    if (sizeof(CT) == 4) {
        uint32_t u;
        memcpy(&u, &x, sizeof u);
        u++;
        memcpy(&next, &u, sizeof u);
    } else {
        uint64_t u;
        memcpy(&u, &x, sizeof u);
        u++;
        memcpy(&next, &u, sizeof u);
    }
    if (isinf(next))
        nc__fp_raise(FE_OVERFLOW);
    return next - x;
}
#endif

#define LOOP_TIN T
#define LOOP_TOUT T

/* --- unary libm families ------------------------------------------------ */
/* (exp2 ... cbrt are in src/math/math_real_explog.inc.c; tan, arcsin,
 * arccos, arctan and arctan2 in src/math/math_trig.inc.c) */

/* --- arithmetic-like unary ---------------------------------------------- */
#define LOOP_NAME NC_KNAME(square)
#define LOOP_OP(a) ST(LD(a) * LD(a))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(reciprocal)
#define LOOP_OP(a) ST((CT)1 / LD(a))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(conjugate)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"
/* NumPy multiplies by 180/pi and pi/180 computed in CT from pi rounded
 * to CT (for float32 that constant is not 180/pi rounded once). */
#define LOOP_NAME NC_KNAME(degrees)
#define LOOP_OP(a) ST(LD(a) * ((CT)180 / (CT)3.141592653589793238462643383279502884))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(rad2deg)
#define LOOP_OP(a) ST(LD(a) * ((CT)180 / (CT)3.141592653589793238462643383279502884))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(radians)
#define LOOP_OP(a) ST(LD(a) * ((CT)3.141592653589793238462643383279502884 / (CT)180))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(deg2rad)
#define LOOP_OP(a) ST(LD(a) * ((CT)3.141592653589793238462643383279502884 / (CT)180))
#include "loop_unary.inc.c"

#define LOOP_NOFPE
#define LOOP_NAME NC_KNAME(sign)
#define LOOP_OP(a) ST(NC_HNAME(sign1)(LD(a)))
#include "loop_unary.inc.c"
#undef LOOP_NOFPE

#if IS_HALF
#define LOOP_NAME NC_KNAME(fabs)
#define LOOP_OP(a) ((nc_half)((a) & ~NC_HALF_SIGN))
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(spacing)
#define LOOP_OP(a) half_spacing(a)
#include "loop_unary.inc.c"
#else
#define LOOP_NAME NC_KNAME(fabs)
#define LOOP_OP(a) M(fabs)(a)
#include "loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(spacing)
#define LOOP_OP(a) NC_HNAME(spacing1)(a)
#include "loop_unary.inc.c"
#endif

/* --- binary -------------------------------------------------------------- */
#define LOOP_NAME NC_KNAME(hypot)
#define LOOP_OP(a, b) ST(M(hypot)(LD(a), LD(b)))
#include "loop_binary.inc.c"
#define LOOP_NAME NC_KNAME(logaddexp)
#define LOOP_OP(a, b) ST(NC_HNAME(logaddexp1)(LD(a), LD(b)))
#include "loop_binary.inc.c"
#define LOOP_NAME NC_KNAME(logaddexp2)
#define LOOP_OP(a, b) ST(NC_HNAME(logaddexp2_1)(LD(a), LD(b)))
#include "loop_binary.inc.c"
#define LOOP_NAME NC_KNAME(fmod)
#define LOOP_OP(a, b) ST(M(fmod)(LD(a), LD(b)))
#include "loop_binary.inc.c"

/* fmax/fmin ignore a NaN operand (NaN only when both are); the comparisons
 * are quiet, their signaling vector forms' flags are dropped. */
#define LOOP_NOFPE
#define LOOP_REDUCIBLE
#if !IS_HALF
#define MR_NAME NC_HNAME(fmax_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) (((acc) >= (x)) | ((x) != (x)))
#include "minmax_reduce.inc.c"
#define MR_NAME NC_HNAME(fmin_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) (((acc) <= (x)) | ((x) != (x)))
#include "minmax_reduce.inc.c"
#define LOOP_REDUCE NC_HNAME(fmax_reduce)
#endif
#define LOOP_NAME NC_KNAME(fmax)
#define LOOP_OP(a, b) ((isgreaterequal(LD(a), LD(b)) || isnan(LD(b))) ? (a) : (b))
#include "loop_binary.inc.c"
#if !IS_HALF
#define LOOP_REDUCE NC_HNAME(fmin_reduce)
#endif
#define LOOP_NAME NC_KNAME(fmin)
#define LOOP_OP(a, b) ((islessequal(LD(a), LD(b)) || isnan(LD(b))) ? (a) : (b))
#include "loop_binary.inc.c"
#undef LOOP_REDUCIBLE
#define LOOP_NAME NC_KNAME(heaviside)
#define LOOP_OP(a, b) ST(NC_HNAME(heaviside1)(LD(a), LD(b)))
#include "loop_binary.inc.c"
#undef LOOP_NOFPE

#if IS_HALF
#define LOOP_NAME NC_KNAME(copysign)
#define LOOP_OP(a, b) ((nc_half)(((a) & ~NC_HALF_SIGN) | ((b) & NC_HALF_SIGN)))
#include "loop_binary.inc.c"
#define LOOP_NAME NC_KNAME(nextafter)
#define LOOP_OP(a, b) half_nextafter(a, b)
#include "loop_binary.inc.c"
#else
#define LOOP_NAME NC_KNAME(copysign)
#define LOOP_OP(a, b) M(copysign)(a, b)
#include "loop_binary.inc.c"
#define LOOP_NAME NC_KNAME(nextafter)
#define LOOP_OP(a, b) M(nextafter)(a, b)
#include "loop_binary.inc.c"
#endif

#undef LOOP_TIN
#undef LOOP_TOUT

/* --- several outputs or mixed types: general-stride loops ---------------- */
int NC_KNAME(frexp)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, void *ctx)
{
    char *pa = args[0], *pm = args[1], *pe = args[2];
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++, pa += steps[0], pm += steps[1], pe += steps[2]) {
        int e = 0;
        const CT m = M(frexp)(LD(*(const T *)pa), &e);
        *(T *)pm = ST(m);
        *(int32_t *)pe = (int32_t)e;
    }
    return 0;
}

int NC_KNAME(modf)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, void *ctx)
{
    char *pa = args[0], *pf = args[1], *pi = args[2];
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++, pa += steps[0], pf += steps[1], pi += steps[2]) {
        CT ip;
        const CT f = M(modf)(LD(*(const T *)pa), &ip);
        *(T *)pf = ST(f);
        *(T *)pi = ST(ip);
    }
    return 0;
}

/* ldexp with an int32 or int64 exponent; exponents beyond int's range
 * saturate, which gives the same 0 or inf (every float is 2^±1100 off). */
static inline CT NC_HNAME(ldexp1)(CT x, int64_t e)
{
    const int ie = e > INT_MAX ? INT_MAX : e < INT_MIN ? INT_MIN : (int)e;
    return M(ldexp)(x, ie);
}

int NC_CAT(NC_KNAME(ldexp), i32)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                                 void *ctx)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++, pa += steps[0], pb += steps[1], po += steps[2])
        *(T *)po = ST(NC_HNAME(ldexp1)(LD(*(const T *)pa), *(const int32_t *)pb));
    return 0;
}

int NC_CAT(NC_KNAME(ldexp), i64)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                                 void *ctx)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++, pa += steps[0], pb += steps[1], po += steps[2])
        *(T *)po = ST(NC_HNAME(ldexp1)(LD(*(const T *)pa), *(const int64_t *)pb));
    return 0;
}
