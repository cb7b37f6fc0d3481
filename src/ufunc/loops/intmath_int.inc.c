/* intmath_int.inc.c: the math ufuncs' loops for one integer dtype (see
 * foreach_int.inc.c for T, UW, SIGNED, BITS, TMIN). */

/* |a| in UW: -TMIN wraps to TMIN's magnitude, which UW holds. */
static inline UW NC_HNAME(uabs)(T a)
{
#if SIGNED
    return a < 0 ? (UW)(0u - (UW)a) : (UW)a;
#else
    return (UW)a;
#endif
}

static inline UW NC_HNAME(ugcd)(UW a, UW b)
{
    while (b != 0) {
        UW t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* NumPy converts 1.0/a to T: 1 and -1 are themselves, other non-zero
 * values truncate to 0, and 1/0 = inf converts to x86's "integer
 * indefinite" (TMIN for 32- and 64-bit signed types, whose conversion
 * instruction is used directly, else 0), raising both flags. */
static inline T NC_HNAME(reciprocal1)(T a)
{
    if (a == 0) {
        nc__fp_raise(FE_DIVBYZERO | FE_INVALID);
#if SIGNED && BITS >= 32
        return TMIN;
#else
        return 0;
#endif
    }
#if SIGNED
    return (a == 1 || a == -1) ? a : 0;
#else
    return a == 1 ? 1 : 0;
#endif
}

/* fmod is C's truncating remainder.  x % -1 is 0 (also for TMIN, where C's
 * % is undefined); x % 0 is 0 with FE_DIVBYZERO, as NumPy warns. */
static inline T NC_HNAME(fmod1)(T a, T b, int *fpe)
{
    if (b == 0) {
        *fpe |= FE_DIVBYZERO;
        return 0;
    }
#if SIGNED
    if (b == -1)
        return 0;
#endif
    return (T)(a % b);
}

static inline T NC_HNAME(lcm1)(T a, T b)
{
    const UW ua = NC_HNAME(uabs)(a), ub = NC_HNAME(uabs)(b);
    const UW g = NC_HNAME(ugcd)(ua, ub);
    return g == 0 ? (T)0 : (T)((UW)(ua / g) * ub);
}

#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(floor)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(ceil)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(trunc)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(conjugate)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(square)
#define LOOP_OP(a) ((T)((UW)(a) * (UW)(a)))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(reciprocal)
#define LOOP_OP(a) NC_HNAME(reciprocal1)(a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(sign)
#if SIGNED
#define LOOP_OP(a) ((T)(((a) > 0) - ((a) < 0)))
#else
#define LOOP_OP(a) ((T)((a) > 0))
#endif
#include "loop_unary.inc.c"

#undef LOOP_TOUT
#define LOOP_TOUT uint8_t
#define LOOP_NAME NC_KNAME(bitwise_count)
#define LOOP_OP(a) ((uint8_t)__builtin_popcountll((unsigned long long)NC_HNAME(uabs)(a)))
#include "loop_unary.inc.c"
#undef LOOP_TOUT
#define LOOP_TOUT T

#define LOOP_REDUCIBLE
#define MR_NAME NC_HNAME(fmax_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) ((acc) >= (x))
#include "minmax_reduce.inc.c"
#define LOOP_NAME NC_KNAME(fmax)
#define LOOP_OP(a, b) ((a) >= (b) ? (a) : (b))
#define LOOP_REDUCE NC_HNAME(fmax_reduce)
#include "loop_binary.inc.c"

#define MR_NAME NC_HNAME(fmin_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) ((acc) <= (x))
#include "minmax_reduce.inc.c"
#define LOOP_NAME NC_KNAME(fmin)
#define LOOP_OP(a, b) ((a) <= (b) ? (a) : (b))
#define LOOP_REDUCE NC_HNAME(fmin_reduce)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(gcd)
#define LOOP_OP(a, b) ((T)NC_HNAME(ugcd)(NC_HNAME(uabs)(a), NC_HNAME(uabs)(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(lcm)
#define LOOP_OP(a, b) NC_HNAME(lcm1)(a, b)
#include "loop_binary.inc.c"
#undef LOOP_REDUCIBLE

#define LOOP_FPE
#define LOOP_NAME NC_KNAME(fmod)
#define LOOP_OP(a, b) NC_HNAME(fmod1)(a, b, &fpe)
#include "loop_binary.inc.c"
#undef LOOP_FPE

#undef LOOP_TIN
#undef LOOP_TOUT
