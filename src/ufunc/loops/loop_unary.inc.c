/* loop_unary.inc.c: skeleton of an elementwise loop with one input and one
 * output, included once per kernel.
 *
 * The includer defines
 *   LOOP_NAME     the kernel's name
 *   LOOP_TIN      the input type
 *   LOOP_TOUT     the output type
 *   LOOP_OP(a)    the output for input a (a LOOP_TIN value)
 * and optionally
 *   LOOP_NOFPE    the loop raises no floating-point flags, like NumPy's,
 *                 which clears them after computing: flags the computation
 *                 raised are cleared, flags already raised on entry stay
 * This file undefines LOOP_NAME and LOOP_OP; the type macros and
 * LOOP_NOFPE stay for the next kernel of the same family.
 *
 * Paths: both contiguous (a plain indexed loop for the vectoriser, also
 * when the output is the input's memory); general strides. */

NC_VECTORIZED int LOOP_NAME(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
              void *ctx)
{
    char *pa = args[0], *po = args[1];
    const ptrdiff_t sa = steps[0], so = steps[1];
    const ptrdiff_t len = n[0];
    (void)ctx;
#if defined(LOOP_NOFPE)
    const unsigned int fpe_on_entry = nc__fp_save();
#endif

    if (sa == (ptrdiff_t)sizeof(LOOP_TIN) && so == (ptrdiff_t)sizeof(LOOP_TOUT)) {
        const LOOP_TIN *a = (const LOOP_TIN *)pa;
        LOOP_TOUT *o = (LOOP_TOUT *)po;
        for (ptrdiff_t i = 0; i < len; i++)
            o[i] = LOOP_OP(a[i]);
    }
    else {
        for (ptrdiff_t i = 0; i < len; i++, pa += sa, po += so)
            *(LOOP_TOUT *)po = LOOP_OP(*(const LOOP_TIN *)pa);
    }
#if defined(LOOP_NOFPE)
    nc__fp_drop_since(fpe_on_entry);
#endif
    return 0;
}

#undef LOOP_NAME
#undef LOOP_OP
