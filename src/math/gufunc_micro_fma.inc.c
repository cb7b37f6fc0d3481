/* gufunc_micro_fma.inc.c: AVX2+FMA micro-kernels of the packed GEMM in
 * gufunc_gemm.inc.c, chosen at run time (gu_pick_micro_*), included by
 * gufunc.c before the GEMM instances.
 *
 * They compute the same MR x NR tile as the portable micro-kernel from the
 * same packed panels, in the same order along k, but with fused
 * multiply-adds: each product is rounded once with its sum, as in the BLAS
 * NumPy uses, so results differ from the portable kernel in the last bits
 * (matmul is never bit-exact across implementations).  float64 tiles are
 * 4 x 8 (eight 4-lane accumulators), float32 tiles 8 x 8 (eight 8-lane
 * ones): enough independent chains to cover the FMA latency. */

typedef void (*gu_micro_f64_fn)(ptrdiff_t, const double *restrict, const double *restrict,
                                double *restrict);
typedef void (*gu_micro_f32_fn)(ptrdiff_t, const float *restrict, const float *restrict,
                                float *restrict);

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define GU_FMA __attribute__((target("avx2,fma")))

GU_FMA static void gu_micro_fma_f64(ptrdiff_t kc, const double *restrict ap,
                                    const double *restrict bp, double *restrict out)
{
    __m256d c0a = _mm256_setzero_pd(), c0b = c0a, c1a = c0a, c1b = c0a;
    __m256d c2a = c0a, c2b = c0a, c3a = c0a, c3b = c0a;
    for (ptrdiff_t p = 0; p < kc; p++) {
        const __m256d ba = _mm256_loadu_pd(bp + 8 * p), bb = _mm256_loadu_pd(bp + 8 * p + 4);
        __m256d a = _mm256_broadcast_sd(ap + 4 * p);
        c0a = _mm256_fmadd_pd(a, ba, c0a);
        c0b = _mm256_fmadd_pd(a, bb, c0b);
        a = _mm256_broadcast_sd(ap + 4 * p + 1);
        c1a = _mm256_fmadd_pd(a, ba, c1a);
        c1b = _mm256_fmadd_pd(a, bb, c1b);
        a = _mm256_broadcast_sd(ap + 4 * p + 2);
        c2a = _mm256_fmadd_pd(a, ba, c2a);
        c2b = _mm256_fmadd_pd(a, bb, c2b);
        a = _mm256_broadcast_sd(ap + 4 * p + 3);
        c3a = _mm256_fmadd_pd(a, ba, c3a);
        c3b = _mm256_fmadd_pd(a, bb, c3b);
    }
    _mm256_storeu_pd(out, c0a);
    _mm256_storeu_pd(out + 4, c0b);
    _mm256_storeu_pd(out + 8, c1a);
    _mm256_storeu_pd(out + 12, c1b);
    _mm256_storeu_pd(out + 16, c2a);
    _mm256_storeu_pd(out + 20, c2b);
    _mm256_storeu_pd(out + 24, c3a);
    _mm256_storeu_pd(out + 28, c3b);
}

GU_FMA static void gu_micro_fma_f32(ptrdiff_t kc, const float *restrict ap,
                                    const float *restrict bp, float *restrict out)
{
    __m256 c[8];
    for (int r = 0; r < 8; r++)
        c[r] = _mm256_setzero_ps();
    for (ptrdiff_t p = 0; p < kc; p++) {
        const __m256 b = _mm256_loadu_ps(bp + 8 * p);
        for (int r = 0; r < 8; r++)
            c[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(ap + 8 * p + r), b, c[r]);
    }
    for (int r = 0; r < 8; r++)
        _mm256_storeu_ps(out + 8 * r, c[r]);
}

static int gu_have_fma(void)
{
    static _Atomic int have = -1;
    int h = have;
    if (h < 0) {
        __builtin_cpu_init();
        have = h = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return h;
}
#define GU_FMA_F64 (gu_have_fma() ? gu_micro_fma_f64 : NULL)
#define GU_FMA_F32 (gu_have_fma() ? gu_micro_fma_f32 : NULL)
#else
#define GU_FMA_F64 NULL
#define GU_FMA_F32 NULL
#endif
