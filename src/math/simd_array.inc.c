/* simd_array.inc.c: the array loop around one AVX2 vector core, included
 * once per function with
 *   NAME64, NAME32  the kernels' names (float64 and float32)
 *   CORE(v)         the core: 4 double lanes in, 4 out; it must be correct
 *                   on the lanes FAST(v) selects and harmless (no memory
 *                   access out of bounds) on the others
 *   CORE32(v)       optionally, a cheaper core for float32 inputs: its
 *                   result is rounded to float, so ~2^-40 relative error
 *                   in double is enough
 *   FAST64(v)       the lanes (a __m256d mask) a float64 core handles
 *   FAST32(v)       the same for float32 inputs widened to double
 *   SLOW(a)         libm's function (double) for the other lanes
 *   FLAGS(a, r)     flags of one slow lane, r rounded to the output type
 * float32 is computed in double and rounded once at the end, which keeps
 * its error within 0.5 ulp + 2^-29 ulp.  The lanes outside the fast range
 * (overflow, huge arguments, nan, inf, zero or negative for log) are rare
 * and go through libm one by one; they are also the only ones whose
 * inputs raise flags, so FLAGS is only evaluated there.  This file
 * undefines all its parameters. */

#define NC_SA_CAT_(a, b) a##b
#define NC_SA_CAT(a, b) NC_SA_CAT_(a, b)
#ifndef CORE32
#define CORE32(v) CORE(v)
#endif

/* Four elements, some of them possibly outside the fast range. */
NC_AVX2 static inline int NC_SA_CAT(NAME64, _4)(const double *x, double *y)
{
    const __m256d a = _mm256_loadu_pd(x);
    const int ok = _mm256_movemask_pd(FAST64(a));
    const __m256d r = CORE(a);
    if (ok == 0xf) {
        _mm256_storeu_pd(y, r);
        return 0;
    }
    /* a is kept in registers: y may be x itself */
    double xs[4], rs[4];
    int fl = 0;
    _mm256_storeu_pd(xs, a);
    _mm256_storeu_pd(rs, r);
    for (int l = 0; l < 4; l++)
        if (!(ok >> l & 1)) {
            rs[l] = SLOW(xs[l]);
            fl |= FLAGS(xs[l], rs[l]);
        }
    memcpy(y, rs, sizeof rs);
    return fl;
}

NC_AVX2 int NAME64(const double *x, double *y, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    /* two independent vectors per step: the cores are chains of
     * dependent FMAs, and the second one fills the first one's latency */
    for (; i + 8 <= n; i += 8) {
        const __m256d a0 = _mm256_loadu_pd(x + i), a1 = _mm256_loadu_pd(x + i + 4);
        if ((_mm256_movemask_pd(FAST64(a0)) & _mm256_movemask_pd(FAST64(a1))) == 0xf) {
            const __m256d r0 = CORE(a0), r1 = CORE(a1);
            _mm256_storeu_pd(y + i, r0);
            _mm256_storeu_pd(y + i + 4, r1);
        }
        else {
            fl |= NC_SA_CAT(NAME64, _4)(x + i, y + i);
            fl |= NC_SA_CAT(NAME64, _4)(x + i + 4, y + i + 4);
        }
    }
    for (; i < n; i += 4) {
        if (i + 4 <= n) {
            fl |= NC_SA_CAT(NAME64, _4)(x + i, y + i);
            continue;
        }
        double xs[4] = {1, 1, 1, 1}, ys[4];
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= NC_SA_CAT(NAME64, _4)(xs, ys);
        memcpy(y + i, ys, (size_t)(n - i) * sizeof *y);
    }
    return fl;
}

NC_AVX2 static inline int NC_SA_CAT(NAME32, _4)(const float *x, float *y)
{
    const __m256d a = _mm256_cvtps_pd(_mm_loadu_ps(x));
    const int ok = _mm256_movemask_pd(FAST32(a));
    const __m128 r = _mm256_cvtpd_ps(CORE32(a));
    if (ok == 0xf) {
        _mm_storeu_ps(y, r);
        return 0;
    }
    double xs[4];
    float rs[4];
    int fl = 0;
    _mm256_storeu_pd(xs, a);
    _mm_storeu_ps(rs, r);
    for (int l = 0; l < 4; l++)
        if (!(ok >> l & 1)) {
            rs[l] = (float)SLOW(xs[l]);
            fl |= FLAGS(xs[l], (double)rs[l]);
        }
    memcpy(y, rs, sizeof rs);
    return fl;
}

NC_AVX2 int NAME32(const float *x, float *y, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d a0 = _mm256_cvtps_pd(_mm_loadu_ps(x + i));
        const __m256d a1 = _mm256_cvtps_pd(_mm_loadu_ps(x + i + 4));
        if ((_mm256_movemask_pd(FAST32(a0)) & _mm256_movemask_pd(FAST32(a1))) == 0xf) {
            const __m128 r0 = _mm256_cvtpd_ps(CORE32(a0)), r1 = _mm256_cvtpd_ps(CORE32(a1));
            _mm_storeu_ps(y + i, r0);
            _mm_storeu_ps(y + i + 4, r1);
        }
        else {
            fl |= NC_SA_CAT(NAME32, _4)(x + i, y + i);
            fl |= NC_SA_CAT(NAME32, _4)(x + i + 4, y + i + 4);
        }
    }
    for (; i < n; i += 4) {
        if (i + 4 <= n) {
            fl |= NC_SA_CAT(NAME32, _4)(x + i, y + i);
            continue;
        }
        float xs[4] = {1, 1, 1, 1}, ys[4];
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= NC_SA_CAT(NAME32, _4)(xs, ys);
        memcpy(y + i, ys, (size_t)(n - i) * sizeof *y);
    }
    return fl;
}

#undef NAME64
#undef NAME32
#undef CORE
#undef CORE32
#undef FAST64
#undef FAST32
#undef SLOW
#undef FLAGS
#undef NC_SA_CAT
#undef NC_SA_CAT_
