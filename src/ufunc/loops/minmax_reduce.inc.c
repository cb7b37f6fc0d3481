/* minmax_reduce.inc.c: a reduction function for maximum/minimum/fmax/fmin,
 * included once per kernel before its loop_binary.inc.c (as LOOP_REDUCE).
 *
 * The includer defines
 *   MR_NAME          the function's name
 *   MR_T             the element type
 *   MR_VI            a signed integer type of MR_T's size (vector masks)
 *   MR_KEEP(acc, x)  nonzero when op(acc, x) is acc (else it is x); it uses
 *                    only comparisons and `|`, so it is valid on scalars and
 *                    on GCC vectors (where it is a lane mask)
 *   MR_FIRSTNAN      (optional) NaNs propagate: a NaN result is the first
 *                    NaN of the input, as in the sequential loop; then
 *   MR_VKEEP(acc, x) is MR_KEEP for an acc that is not NaN
 * and this file undefines them.
 *
 * Contiguous input runs through 8 independent vector accumulators of 32
 * bytes each (AVX2 registers in the x86-64-v3 clone, pairs of SSE2 ones in
 * the baseline), which are folded at the end.  The value does not depend on
 * the order, except the sign of a zero result among equal zeros.  Signaling
 * vector compares may raise FE_INVALID on NaN: the kernels are LOOP_NOFPE. */
static inline __attribute__((always_inline)) MR_T
MR_NAME(MR_T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    const MR_T init = acc;
    ptrdiff_t i = 0;
#if defined(__GNUC__)
    enum { W = 32 / (int)sizeof(MR_T) };
    typedef MR_T vt __attribute__((vector_size(32), aligned(sizeof(MR_T))));
    typedef MR_VI vi __attribute__((vector_size(32)));
    enum { U = 8 }; /* independent accumulators */
    if (step == (ptrdiff_t)sizeof(MR_T) && n >= U * W) {
        const MR_T *b = (const MR_T *)p;
        vt a[U];
        for (int k = 0; k < U; k++)
            __builtin_memcpy(&a[k], b + k * W, sizeof a[k]);
#if defined(MR_FIRSTNAN)
        vi nanseen = {0};
        for (int k = 0; k < U; k++)
            nanseen |= (vi)(a[k] != a[k]);
#endif
        for (i = U * W; i + U * W <= n; i += U * W) {
            /* As for sums: explicit prefetching keeps more loads in flight
             * than the hardware prefetcher does on its own here. */
            __builtin_prefetch(b + i + 1024 / sizeof(MR_T), 0, 3);
            __builtin_prefetch(b + i + 1024 / sizeof(MR_T) + 64 / sizeof(MR_T), 0, 3);
            __builtin_prefetch(b + i + 1024 / sizeof(MR_T) + 128 / sizeof(MR_T), 0, 3);
            __builtin_prefetch(b + i + 1024 / sizeof(MR_T) + 192 / sizeof(MR_T), 0, 3);
            for (int k = 0; k < U; k++) {
                vt x;
                __builtin_memcpy(&x, b + i + k * W, sizeof x);
#if defined(MR_FIRSTNAN)
                /* NaNs are only noted here (off the accumulators' chain);
                 * a NaN result is found again below. */
                nanseen |= (vi)(x != x);
                vi m = (vi)(MR_VKEEP(a[k], x));
#else
                vi m = (vi)(MR_KEEP(a[k], x));
#endif
                a[k] = (vt)(((vi)a[k] & m) | ((vi)x & ~m));
            }
        }
        MR_T lanes[U * W];
        __builtin_memcpy(lanes, a, sizeof lanes);
        for (int k = 0; k < U * W; k++)
            acc = MR_KEEP(acc, lanes[k]) ? acc : lanes[k];
#if defined(MR_FIRSTNAN)
        int any = 0;
        for (int k = 0; k < W; k++)
            any |= nanseen[k] != 0;
        if (any)
            acc = (MR_T)NAN; /* the result is a NaN: found below */
#endif
    }
#endif
    for (const char *q = p + i * step; i < n; i++, q += step) {
        MR_T x = *(const MR_T *)q;
        acc = MR_KEEP(acc, x) ? acc : x;
    }
#if defined(MR_FIRSTNAN)
    /* A NaN result: the sequential loop keeps the initial value if it is
     * NaN, else the first NaN it meets. */
    if (acc != acc && init == init) {
        for (i = 0; i < n; i++) {
            MR_T x = *(const MR_T *)(p + i * step);
            if (x != x)
                return x;
        }
    }
#else
    (void)init;
#endif
    return acc;
}

#undef MR_NAME
#undef MR_T
#undef MR_VI
#undef MR_KEEP
#undef MR_FIRSTNAN
#undef MR_VKEEP
