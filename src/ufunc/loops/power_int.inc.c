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

NC_VECTORIZED int NC_KNAME(power)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                    void *ctx)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    const ptrdiff_t sa = steps[0], sb = steps[1], so = steps[2];
    const ptrdiff_t len = n[0];
    (void)ctx;
    if (sb == 0 && len > 0) {
        /* A scalar exponent, as in `a ** 3`: checked once, and the
         * square-and-multiply steps run across a block of elements at a
         * time (the vectoriser's loop), not per element. */
        const T e = *(const T *)pb;
#if SIGNED
        if (e < 0)
            return NC_LOOP_ERR_NEGATIVE_POWER;
#endif
        enum { BLOCK = 256 };
        UW r[BLOCK], x[BLOCK];
        for (ptrdiff_t start = 0; start < len; start += BLOCK) {
            const int m = (int)(len - start < BLOCK ? len - start : BLOCK);
            for (int j = 0; j < m; j++) {
                r[j] = 1;
                x[j] = (UW)(*(const T *)(pa + (start + j) * sa));
            }
            for (UW bits = (UW)e; bits; bits >>= 1) {
                if (bits & 1u)
                    for (int j = 0; j < m; j++)
                        r[j] *= x[j];
                if (bits > 1)
                    for (int j = 0; j < m; j++)
                        x[j] *= x[j];
            }
            for (int j = 0; j < m; j++)
                *(T *)(po + (start + j) * so) = (T)r[j];
        }
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
