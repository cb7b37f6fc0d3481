/* simd_array.inc.c: the array loops around one vector core, for either
 * width (simd_vec256.h or simd_vec512.h included before), included once
 * per function with
 *   NAME64, NAME32  the kernels' names (float64 and float32)
 *   CORE(v)         the float64 core: VW double lanes in, VW out; correct
 *                   on the lanes FAST64(v) selects and harmless (no memory
 *                   access out of bounds) on the others
 *   FAST64(v)       the lanes (a vm mask) the float64 core handles
 * and for float32 one of
 *   COREF(v), FASTF(v)    a native float core (VWF float lanes) and its
 *                         lanes (a vfm mask), or
 *   CORE32(v), FAST32(v)  a double core for float inputs widened to double
 *                         (VW lanes), whose result is rounded to float once;
 *                         CORE32 defaults to CORE
 *   SLOW(a)         libm's function (double) for the other lanes; float32
 *                   lanes call it on the widened input and round once
 *   FLAGS(a, r)     flags of one slow lane, r rounded to the output type
 *   PAD             optional: the value padding short tails, which must be
 *                   in the fast range (default 1)
 * The lanes outside the fast range (overflow, huge arguments, nan, inf,
 * zero or negative for log) are rare and go through libm one by one; they
 * are also the only ones whose inputs raise flags, so FLAGS is only
 * evaluated there.  Tails shorter than a vector run through a padded local
 * copy, so no load or store leaves the arrays.  This file undefines all
 * its parameters. */

#define NC_SA_CAT_(a, b) a##b
#define NC_SA_CAT(a, b) NC_SA_CAT_(a, b)
#ifndef PAD
#define PAD 1
#endif
#if !defined(COREF) && !defined(CORE32)
#define CORE32(v) CORE(v)
#endif

/* One vector of elements, some of them possibly outside the fast range. */
V_TARGET static inline int NC_SA_CAT(NAME64, _1)(const double *x, double *y)
{
    const vd a = d_loadu(x);
    const int ok = m_bits(FAST64(a));
    const vd r = CORE(a);
    if (ok == V_FULL) {
        d_storeu(y, r);
        return 0;
    }
    /* a is kept in registers: y may be x itself */
    double xs[VW], rs[VW];
    int fl = 0;
    d_storeu(xs, a);
    d_storeu(rs, r);
    for (int l = 0; l < VW; l++)
        if (!(ok >> l & 1)) {
            rs[l] = SLOW(xs[l]);
            fl |= FLAGS(xs[l], rs[l]);
        }
    memcpy(y, rs, sizeof rs);
    return fl;
}

V_TARGET static int NAME64(const double *x, double *y, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    /* two independent vectors per step: the cores are chains of
     * dependent FMAs, and the second one fills the first one's latency */
    for (; i + 2 * VW <= n; i += 2 * VW) {
        const vd a0 = d_loadu(x + i), a1 = d_loadu(x + i + VW);
        if ((m_bits(FAST64(a0)) & m_bits(FAST64(a1))) == V_FULL) {
            const vd r0 = CORE(a0), r1 = CORE(a1);
            d_storeu(y + i, r0);
            d_storeu(y + i + VW, r1);
        }
        else {
            fl |= NC_SA_CAT(NAME64, _1)(x + i, y + i);
            fl |= NC_SA_CAT(NAME64, _1)(x + i + VW, y + i + VW);
        }
    }
    for (; i < n; i += VW) {
        if (i + VW <= n) {
            fl |= NC_SA_CAT(NAME64, _1)(x + i, y + i);
            continue;
        }
        double xs[VW], ys[VW];
        for (int l = 0; l < VW; l++)
            xs[l] = PAD;
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= NC_SA_CAT(NAME64, _1)(xs, ys);
        memcpy(y + i, ys, (size_t)(n - i) * sizeof *y);
    }
    return fl;
}

#ifdef COREF
/* native float lanes */
#define NC_SA_W32 VWF
V_TARGET static inline int NC_SA_CAT(NAME32, _1)(const float *x, float *y)
{
    const vf a = f_loadu(x);
    const int ok = fm_bits(FASTF(a));
    const vf r = COREF(a);
    if (ok == V_FULLF) {
        f_storeu(y, r);
        return 0;
    }
    float xs[VWF], rs[VWF];
    int fl = 0;
    f_storeu(xs, a);
    f_storeu(rs, r);
    for (int l = 0; l < VWF; l++)
        if (!(ok >> l & 1)) {
            rs[l] = (float)SLOW((double)xs[l]);
            fl |= FLAGS((double)xs[l], (double)rs[l]);
        }
    memcpy(y, rs, sizeof rs);
    return fl;
}
#define NC_SA_ALLFAST(x, i)                                                  \
    ((fm_bits(FASTF(f_loadu(x + i))) & fm_bits(FASTF(f_loadu(x + i + VWF)))) == V_FULLF)
#define NC_SA_BOTH(x, y, i)                                                  \
    do {                                                                     \
        const vf r0 = COREF(f_loadu(x + i)), r1 = COREF(f_loadu(x + i + VWF)); \
        f_storeu(y + i, r0);                                                 \
        f_storeu(y + i + VWF, r1);                                           \
    } while (0)
#else
/* float lanes widened to double, VW at a time */
#define NC_SA_W32 VW
V_TARGET static inline int NC_SA_CAT(NAME32, _1)(const float *x, float *y)
{
    const vd a = d_load_f32(x);
    const int ok = m_bits(FAST32(a));
    const vd r = CORE32(a);
    if (ok == V_FULL) {
        d_store_f32(y, r);
        return 0;
    }
    double xs[VW];
    float rs[VW];
    int fl = 0;
    d_storeu(xs, a);
    d_store_f32(rs, r);
    for (int l = 0; l < VW; l++)
        if (!(ok >> l & 1)) {
            rs[l] = (float)SLOW(xs[l]);
            fl |= FLAGS(xs[l], (double)rs[l]);
        }
    memcpy(y, rs, sizeof rs);
    return fl;
}
#define NC_SA_ALLFAST(x, i)                                                  \
    ((m_bits(FAST32(d_load_f32(x + i))) & m_bits(FAST32(d_load_f32(x + i + VW)))) == V_FULL)
#define NC_SA_BOTH(x, y, i)                                                  \
    do {                                                                     \
        const vd r0 = CORE32(d_load_f32(x + i)), r1 = CORE32(d_load_f32(x + i + VW)); \
        d_store_f32(y + i, r0);                                              \
        d_store_f32(y + i + VW, r1);                                         \
    } while (0)
#endif

V_TARGET static int NAME32(const float *x, float *y, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    for (; i + 2 * NC_SA_W32 <= n; i += 2 * NC_SA_W32) {
        if (NC_SA_ALLFAST(x, i))
            NC_SA_BOTH(x, y, i);
        else {
            fl |= NC_SA_CAT(NAME32, _1)(x + i, y + i);
            fl |= NC_SA_CAT(NAME32, _1)(x + i + NC_SA_W32, y + i + NC_SA_W32);
        }
    }
    for (; i < n; i += NC_SA_W32) {
        if (i + NC_SA_W32 <= n) {
            fl |= NC_SA_CAT(NAME32, _1)(x + i, y + i);
            continue;
        }
        float xs[NC_SA_W32], ys[NC_SA_W32];
        for (int l = 0; l < NC_SA_W32; l++)
            xs[l] = PAD;
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= NC_SA_CAT(NAME32, _1)(xs, ys);
        memcpy(y + i, ys, (size_t)(n - i) * sizeof *y);
    }
    return fl;
}

#undef NAME64
#undef NAME32
#undef CORE
#undef CORE32
#undef COREF
#undef FAST64
#undef FAST32
#undef FASTF
#undef SLOW
#undef FLAGS
#undef PAD
#undef NC_SA_W32
#undef NC_SA_ALLFAST
#undef NC_SA_BOTH
#undef NC_SA_CAT
#undef NC_SA_CAT_
