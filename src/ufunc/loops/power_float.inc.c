/* power_float.inc.c: power for one real floating dtype (see
 * foreach_float.inc.c).
 *
 * libm's pow, like NumPy on CPUs without AVX-512 (with AVX-512 NumPy uses
 * SVML, within 1 ulp of it).  NumPy's float32/float64 loop special-cases a
 * scalar exponent (step 0): 2.0 is x*x and 0.5 is sqrt(x), which differs
 * from pow for -0.0 and -inf; the same is done here so that `a ** 0.5`
 * agrees.  float16 goes through powf with no special case, as in NumPy. */

int NC_KNAME(power)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                    void *ctx)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    const ptrdiff_t sa = steps[0], sb = steps[1], so = steps[2];
    const ptrdiff_t len = n[0];
    (void)ctx;
#if !IS_HALF
    if (sb == 0 && len > 0) {
        const T e = *(const T *)pb;
        if (e == 2) {
            for (ptrdiff_t i = 0; i < len; i++, pa += sa, po += so) {
                const T x = *(const T *)pa;
                *(T *)po = x * x;
            }
            return 0;
        }
        if (e == 0.5) {
            for (ptrdiff_t i = 0; i < len; i++, pa += sa, po += so)
                *(T *)po = M(sqrt)(*(const T *)pa);
            return 0;
        }
    }
#endif
    for (ptrdiff_t i = 0; i < len; i++, pa += sa, pb += sb, po += so)
        *(T *)po = ST(M(pow)(LD(*(const T *)pa), LD(*(const T *)pb)));
    return 0;
}
