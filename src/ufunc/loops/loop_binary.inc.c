/* loop_binary.inc.c: skeleton of an elementwise loop with two inputs and
 * one output, included once per kernel.
 *
 * The includer defines
 *   LOOP_NAME        the kernel's name
 *   LOOP_TIN         the type of both inputs
 *   LOOP_TOUT        the type of the output
 *   LOOP_OP(a, b)    the output for inputs a, b (LOOP_TIN values); it must
 *                    not depend on anything but a and b, so that every path
 *                    below gives the same bits
 * and optionally
 *   LOOP_REDUCIBLE   LOOP_TIN and LOOP_TOUT are one type: a reduction call
 *                    (output == input 0, both steps 0) keeps the running
 *                    value in a register
 *   LOOP_REDUCE      with LOOP_REDUCIBLE: the name of a function
 *                    (acc, const char *b, ptrdiff_t n, ptrdiff_t step) ->
 *                    acc that reduces instead (pairwise float sums)
 *   LOOP_FPE         LOOP_OP may OR FE_* flags into the local `fpe`; they
 *                    are raised once, at the end
 *   LOOP_BASELINE    compile this kernel for the baseline ISA only, with
 *                    no x86-64-v3 clone (see NC_VECTORIZED)
 *   LOOP_NOFPE       the loop raises no floating-point flag, like NumPy's:
 *                    flags raised while it runs are cleared, those raised
 *                    before it are kept.  For loops whose vectorised code
 *                    uses signaling compares (SSE2 has no quiet < on
 *                    vectors, so isless(NaN, x) raises FE_INVALID there)
 * This file undefines LOOP_NAME, LOOP_OP, LOOP_REDUCE and LOOP_BASELINE; the
 * type macros,
 * LOOP_REDUCIBLE, LOOP_FPE and LOOP_NOFPE stay for the next kernel of the
 * same family.
 *
 * Paths: accumulate (input 0 is the output one step back); all contiguous;
 * one input a broadcast scalar (step 0) with the rest contiguous, as in
 * `a + 1`; reduction; general strides.  The
 * contiguous paths are plain indexed loops for the vectoriser.  The output
 * may be the same memory as an input (in-place operators). */
#if !defined(LOOP_BASELINE)
NC_VECTORIZED
#endif
int LOOP_NAME(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
              void *ctx)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    const ptrdiff_t sa = steps[0], sb = steps[1], so = steps[2];
    const ptrdiff_t len = n[0];
    const ptrdiff_t isz = (ptrdiff_t)sizeof(LOOP_TIN);
    const ptrdiff_t osz = (ptrdiff_t)sizeof(LOOP_TOUT);
#if defined(LOOP_FPE)
    int fpe = 0;
#endif
#if defined(LOOP_NOFPE)
    const unsigned int fpe_on_entry = nc__fp_save();
#endif
    (void)ctx;

#if defined(LOOP_REDUCIBLE)
    /* accumulate's call: input 0 is the output one step back (out[i] =
     * out[i-1] op b[i]); the running value stays in a register instead of
     * going through memory every element (same operations, same bits) */
    if (sa == so && so != 0 && pa + sa == po && len > 0) {
        LOOP_TOUT acc = *(const LOOP_TIN *)pa;
        for (ptrdiff_t i = 0; i < len; i++) {
            acc = LOOP_OP(acc, *(const LOOP_TIN *)(pb + i * sb));
            *(LOOP_TOUT *)(po + i * so) = acc;
        }
    }
    else
#endif
    if (so == osz && sa == isz && sb == isz) {
        const LOOP_TIN *a = (const LOOP_TIN *)pa;
        const LOOP_TIN *b = (const LOOP_TIN *)pb;
        LOOP_TOUT *o = (LOOP_TOUT *)po;
        for (ptrdiff_t i = 0; i < len; i++)
            o[i] = LOOP_OP(a[i], b[i]);
    }
    else if (so == osz && sa == 0 && sb == isz) {
        const LOOP_TIN a = *(const LOOP_TIN *)pa;
        const LOOP_TIN *b = (const LOOP_TIN *)pb;
        LOOP_TOUT *o = (LOOP_TOUT *)po;
        for (ptrdiff_t i = 0; i < len; i++)
            o[i] = LOOP_OP(a, b[i]);
    }
    else if (so == osz && sa == isz && sb == 0) {
        const LOOP_TIN *a = (const LOOP_TIN *)pa;
        const LOOP_TIN b = *(const LOOP_TIN *)pb;
        LOOP_TOUT *o = (LOOP_TOUT *)po;
        for (ptrdiff_t i = 0; i < len; i++)
            o[i] = LOOP_OP(a[i], b);
    }
#if defined(LOOP_REDUCIBLE)
    else if (so == 0 && sa == 0 && pa == po && len > 0) {
#if defined(LOOP_REDUCE)
        *(LOOP_TOUT *)po = LOOP_REDUCE(*(LOOP_TOUT *)po, pb, len, sb);
#else
        LOOP_TOUT acc = *(LOOP_TOUT *)po;
        for (ptrdiff_t i = 0; i < len; i++, pb += sb)
            acc = LOOP_OP(acc, *(const LOOP_TIN *)pb);
        *(LOOP_TOUT *)po = acc;
#endif
    }
#endif
    else {
        for (ptrdiff_t i = 0; i < len; i++, pa += sa, pb += sb, po += so)
            *(LOOP_TOUT *)po = LOOP_OP(*(const LOOP_TIN *)pa, *(const LOOP_TIN *)pb);
    }
#if defined(LOOP_FPE)
    if (fpe)
        nc__fp_raise(fpe);
#endif
#if defined(LOOP_NOFPE)
    nc__fp_drop_since(fpe_on_entry);
#endif
    return 0;
}

#undef LOOP_NAME
#undef LOOP_OP
#undef LOOP_REDUCE
#undef LOOP_BASELINE
