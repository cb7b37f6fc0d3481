/* power_int.inc.c: power for one integer dtype (see foreach_int.inc.c).
 *
 * Square-and-multiply in UW, so results wrap modulo 2^BITS like NumPy's and
 * no signed overflow happens.  A negative exponent of a signed type makes
 * the loop return NC_LOOP_ERR_NEGATIVE_POWER, NumPy's ValueError; elements
 * before it are written, the rest are not. */

static inline T NC_HNAME(ipow)(T base, T exp)
{
    UW r = 1, x = (UW)base;
    for (UW e = (UW)exp; e; e >>= 1) {
        if (e & 1u)
            r *= x;
        x *= x;
    }
    return (T)r;
}

int NC_KNAME(power)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                    void *ctx)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    const ptrdiff_t sa = steps[0], sb = steps[1], so = steps[2];
    const ptrdiff_t len = n[0];
    (void)ctx;
    if (sb == 0) {
        /* A scalar exponent, as in `a ** 2`: checked once, and a constant
         * trip count for the multiplications. */
        const T e = *(const T *)pb;
#if SIGNED
        if (e < 0 && len > 0)
            return NC_LOOP_ERR_NEGATIVE_POWER;
#endif
        for (ptrdiff_t i = 0; i < len; i++, pa += sa, po += so)
            *(T *)po = NC_HNAME(ipow)(*(const T *)pa, e);
        return 0;
    }
    for (ptrdiff_t i = 0; i < len; i++, pa += sa, pb += sb, po += so) {
        const T e = *(const T *)pb;
#if SIGNED
        if (e < 0)
            return NC_LOOP_ERR_NEGATIVE_POWER;
#endif
        *(T *)po = NC_HNAME(ipow)(*(const T *)pa, e);
    }
    return 0;
}
