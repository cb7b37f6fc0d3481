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

/* Invariant-divisor division in the unsigned width UW (32 or 64 bits). */
#if BITS <= 32
#define NC_UDIV nc__udiv32
#define NC_UDIV_MAKE nc__udiv32_make
#define NC_UDIV_DO nc__udiv32_do
#define NC_HAVE_UDIV 1
#elif defined(NC_HAVE_UDIV64)
#define NC_UDIV nc__udiv64
#define NC_UDIV_MAKE nc__udiv64_make
#define NC_UDIV_DO nc__udiv64_do
#define NC_HAVE_UDIV 1
#else
#define NC_HAVE_UDIV 0
#endif

#if NC_HAVE_UDIV
/* Quotients and/or remainders of len elements at pa by the divisor d
 * (neither 0 nor -1), through a multiplication.  Inlined once with the
 * steps of contiguous operands as constants (for the vectoriser) and once
 * with general steps. */
static inline __attribute__((always_inline)) void
NC_HNAME(div_const)(const char *pa, ptrdiff_t sa, char *pq, ptrdiff_t sq, char *pr, ptrdiff_t sr,
                    ptrdiff_t len, T d, const int nq, const int nr)
{
    /* Signs as masks (all ones when negative): negation and the rounding
     * correction are then branch-free, for the vectoriser and for random
     * signs alike. */
#if SIGNED
    const UW dmask = (UW)0 - (UW)(d < 0);
#else
    const UW dmask = 0;
#endif
    const UW ud = ((UW)d ^ dmask) - dmask;
    const NC_UDIV v = NC_UDIV_MAKE(ud);
    for (ptrdiff_t i = 0; i < len; i++) {
        const T a = *(const T *)(pa + i * sa);
#if SIGNED
        const UW amask = (UW)0 - (UW)(a < 0);
#else
        const UW amask = 0;
#endif
        const UW ua = ((UW)a ^ amask) - amask;
        const UW uq = NC_UDIV_DO(ua, v);
        const UW ur = ua - uq * ud;
        /* the truncated quotient and remainder, then rounded towards -inf
         * where they are inexact and the signs differ */
        const UW qmask = amask ^ dmask;
        const UW adjust = (UW)0 - (UW)((ur != 0) & (qmask != 0));
        const UW q = ((uq ^ qmask) - qmask) + adjust; /* adjust is 0 or -1 */
        const UW r = ((ur ^ amask) - amask) + ((UW)d & adjust);
        if (nq)
            *(T *)(pq + i * sq) = (T)q;
        if (nr)
            *(T *)(pr + i * sr) = (T)r;
    }
}
#endif

/* The three kernels share this body; `nq` and `nr` (constants after
 * inlining) say whether a quotient and a remainder are stored: the
 * quotient at output 0, the remainder at output nq.
 *
 * A broadcast divisor (step 0, as in `a // 10`) other than 0 and -1 is
 * turned into a multiplication once (divconst.h): the quotient of the
 * magnitudes, then Python's floor rounding.  Divisors 0 and -1, which have
 * flags or overflow, and varying divisors take the per-element path. */
static inline __attribute__((always_inline)) int
NC_HNAME(div_loop)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, const int nq,
                   const int nr)
{
    const ptrdiff_t len = n[0];
    char *pa = args[0], *pb = args[1];
    /* an absent output aliases output 0, so that no argument beyond the
     * kernel's own is read */
    char *pq = args[2], *pr = nr ? args[2 + nq] : args[2];
    const ptrdiff_t sa = steps[0], sb = steps[1];
    const ptrdiff_t sq = steps[2], sr = nr ? steps[2 + nq] : steps[2];
    int fpe = 0;

#if NC_HAVE_UDIV
    if (sb == 0 && len > 0) {
        const T d = *(const T *)pb;
#if SIGNED
        const int simple = d != 0 && d != -1;
#else
        const int simple = d != 0;
#endif
        if (simple) {
            const ptrdiff_t sz = (ptrdiff_t)sizeof(T);
            if (sa == sz && (!nq || sq == sz) && (!nr || sr == sz))
                NC_HNAME(div_const)(pa, sz, pq, sz, pr, sz, len, d, nq, nr);
            else
                NC_HNAME(div_const)(pa, sa, pq, sq, pr, sr, len, d, nq, nr);
            return 0;
        }
    }
#endif
    for (ptrdiff_t i = 0; i < len; i++, pa += sa, pb += sb, pq += sq, pr += sr) {
        const T a = *(const T *)pa, b = *(const T *)pb;
        int unused = 0;
        if (nq)
            *(T *)pq = NC_HNAME(floordiv)(a, b, &fpe);
        if (nr) /* its flags are the quotient's, when both are stored */
            *(T *)pr = NC_HNAME(mod)(a, b, nq ? &unused : &fpe);
    }
    if (fpe)
        nc__fp_raise(fpe);
    return 0;
}

NC_VECTORIZED int NC_KNAME(floor_divide)(char *const *args, const ptrdiff_t *n,
                                         const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    return NC_HNAME(div_loop)(args, n, steps, 1, 0);
}

NC_VECTORIZED int NC_KNAME(remainder)(char *const *args, const ptrdiff_t *n,
                                      const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    return NC_HNAME(div_loop)(args, n, steps, 0, 1);
}

NC_VECTORIZED int NC_KNAME(divmod)(char *const *args, const ptrdiff_t *n,
                                   const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    return NC_HNAME(div_loop)(args, n, steps, 1, 1);
}

#undef NC_UDIV
#undef NC_UDIV_MAKE
#undef NC_UDIV_DO
#undef NC_HAVE_UDIV
