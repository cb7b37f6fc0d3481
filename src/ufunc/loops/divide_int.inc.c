/* divide_int.inc.c: floor_divide, remainder and divmod for one integer
 * dtype (see foreach_int.inc.c), with Python's rounding: the quotient is
 * rounded towards -inf and the remainder has the divisor's sign.
 *
 * The cases C leaves undefined give NumPy's results and flags instead:
 * x // 0 and x % 0 are 0 with FE_DIVBYZERO; TMIN // -1 is TMIN with
 * FE_OVERFLOW; TMIN % -1 is 0 with no flag.  Neither traps (x86's idiv
 * would, for TMIN / -1). */

static inline T NC_HNAME(floordiv)(T a, T b, int *fpe)
{
    if (b == 0) {
        *fpe |= FE_DIVBYZERO;
        return 0;
    }
#if SIGNED
    if (b == -1) {
        if (a == TMIN) {
            *fpe |= FE_OVERFLOW;
            return a;
        }
        return (T)-a;
    }
    T q = (T)(a / b);
    /* C truncates; step down when the exact quotient is negative and not
     * whole.  q > TMIN here, so q - 1 does not overflow. */
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q = (T)(q - 1);
    return q;
#else
    return (T)(a / b);
#endif
}

static inline T NC_HNAME(mod)(T a, T b, int *fpe)
{
    if (b == 0) {
        *fpe |= FE_DIVBYZERO;
        return 0;
    }
#if SIGNED
    if (b == -1)
        return 0;
    T r = (T)(a % b);
    /* r and b have opposite signs here, so r + b cannot overflow. */
    if (r != 0 && ((r < 0) != (b < 0)))
        r = (T)(r + b);
    return r;
#else
    return (T)(a % b);
#endif
}

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_FPE

#define LOOP_NAME NC_KNAME(floor_divide)
#define LOOP_OP(a, b) NC_HNAME(floordiv)(a, b, &fpe)
#include "core/fpstatus.h"
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(remainder)
#define LOOP_OP(a, b) NC_HNAME(mod)(a, b, &fpe)
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_FPE

/* Two outputs, so no skeleton: integer division has no vector instruction,
 * and its latency, not the pointer steps, bounds this loop. */
int NC_KNAME(divmod)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                     void *ctx)
{
    char *pa = args[0], *pb = args[1], *pq = args[2], *pr = args[3];
    int fpe = 0, unused = 0;
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++) {
        const T a = *(const T *)pa, b = *(const T *)pb;
        *(T *)pq = NC_HNAME(floordiv)(a, b, &fpe);
        *(T *)pr = NC_HNAME(mod)(a, b, &unused); /* same flag as the quotient's */
        pa += steps[0];
        pb += steps[1];
        pq += steps[2];
        pr += steps[3];
    }
    if (fpe)
        nc__fp_raise(fpe);
    return 0;
}
