/* simd_array.inc.c: the array loop around one AVX2 vector core, included
 * once per function with
 *   NAME64, NAME32  the kernels' names (float64 and float32)
 *   CORE(v)         the core: 4 double lanes in, 4 out; it must be correct
 *                   on the lanes FAST(v) selects and harmless (no memory
 *                   access out of bounds) on the others
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

NC_AVX2 int NAME64(const double *x, double *y, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d a = _mm256_loadu_pd(x + i);
        const int ok = _mm256_movemask_pd(FAST64(a));
        const __m256d r = CORE(a);
        if (ok == 0xf) {
            _mm256_storeu_pd(y + i, r);
            continue;
        }
        /* a is kept in registers: y may be x itself */
        double xs[4], rs[4];
        _mm256_storeu_pd(xs, a);
        _mm256_storeu_pd(rs, r);
        for (int l = 0; l < 4; l++)
            if (!(ok >> l & 1)) {
                rs[l] = SLOW(xs[l]);
                fl |= FLAGS(xs[l], rs[l]);
            }
        memcpy(y + i, rs, sizeof rs);
    }
    if (i < n) {
        double xs[4] = {1, 1, 1, 1}, ys[4];
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= NAME64(xs, ys, 4);
        memcpy(y + i, ys, (size_t)(n - i) * sizeof *y);
    }
    return fl;
}

NC_AVX2 int NAME32(const float *x, float *y, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d a = _mm256_cvtps_pd(_mm_loadu_ps(x + i));
        const int ok = _mm256_movemask_pd(FAST32(a));
        const __m128 r = _mm256_cvtpd_ps(CORE(a));
        if (ok == 0xf) {
            _mm_storeu_ps(y + i, r);
            continue;
        }
        double xs[4];
        float rs[4];
        _mm256_storeu_pd(xs, a);
        _mm_storeu_ps(rs, r);
        for (int l = 0; l < 4; l++)
            if (!(ok >> l & 1)) {
                rs[l] = (float)SLOW(xs[l]);
                fl |= FLAGS(xs[l], (double)rs[l]);
            }
        memcpy(y + i, rs, sizeof rs);
    }
    if (i < n) {
        float xs[4] = {1, 1, 1, 1}, ys[4];
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= NAME32(xs, ys, 4);
        memcpy(y + i, ys, (size_t)(n - i) * sizeof *y);
    }
    return fl;
}

#undef NAME64
#undef NAME32
#undef CORE
#undef FAST64
#undef FAST32
#undef SLOW
#undef FLAGS
