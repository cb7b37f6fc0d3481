/* cast_half_simd.c: float16 <-> float32 (and float16 -> float64) casts of
 * contiguous runs with the F16C conversion instructions, chosen at run time.
 *
 * They must give exactly what the portable kernels in half.c give:
 *  - widening is exact either way; the hardware quiets signalling NaNs while
 *    half.c keeps every payload bit, so groups of 8 holding a NaN go to the
 *    portable kernel;
 *  - narrowing rounds to nearest even either way and raises overflow alike;
 *    the hardware also raises underflow for tiny results, which half.c (and
 *    NumPy) do not report, so the underflow flag is put back as it was;
 *    groups holding a NaN again go to the portable kernel (payloads);
 *  - float64 -> float16 is not here: through float32 it would round twice.
 * Strided runs and CPUs without F16C use the portable kernels. */
#include <stdint.h>
#include <string.h>
#include "numc/dtype.h"
#include "dtype/cast_half_simd.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define F16C __attribute__((target("avx2,f16c")))

#define portable_h2f nc__cast_portable(NC_FLOAT16, NC_FLOAT32)
#define portable_h2d nc__cast_portable(NC_FLOAT16, NC_FLOAT64)
#define portable_f2h nc__cast_portable(NC_FLOAT32, NC_FLOAT16)

F16C static void h2f_f16c(const char *src, ptrdiff_t ss, char *dst, ptrdiff_t ds, ptrdiff_t n)
{
    if (ss != 2 || ds != 4) {
        portable_h2f(src, ss, dst, ds, n);
        return;
    }
    const __m128i expmask = _mm_set1_epi16(0x7c00);
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128i h = _mm_loadu_si128((const __m128i *)(src + 2 * i));
        /* NaN: exponent all ones and a non-zero mantissa; inf passes */
        __m128i e = _mm_and_si128(h, expmask);
        __m128i nan = _mm_and_si128(_mm_cmpeq_epi16(e, expmask),
                                    _mm_xor_si128(_mm_cmpeq_epi16(_mm_and_si128(h, _mm_set1_epi16(0x3ff)),
                                                                  _mm_setzero_si128()),
                                                  _mm_set1_epi16(-1)));
        if (_mm_movemask_epi8(nan))
            portable_h2f(src + 2 * i, 2, dst + 4 * i, 4, 8);
        else
            _mm256_storeu_ps((float *)(dst + 4 * i), _mm256_cvtph_ps(h));
    }
    if (i < n)
        portable_h2f(src + 2 * i, 2, dst + 4 * i, 4, n - i);
}

F16C static void h2d_f16c(const char *src, ptrdiff_t ss, char *dst, ptrdiff_t ds, ptrdiff_t n)
{
    if (ss != 2 || ds != 8) {
        portable_h2d(src, ss, dst, ds, n);
        return;
    }
    const __m128i expmask = _mm_set1_epi16(0x7c00);
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128i h = _mm_loadu_si128((const __m128i *)(src + 2 * i));
        __m128i e = _mm_and_si128(h, expmask);
        /* any exponent all ones (NaN or inf): portable, which is exact */
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(e, expmask))) {
            portable_h2d(src + 2 * i, 2, dst + 8 * i, 8, 8);
            continue;
        }
        __m256 f = _mm256_cvtph_ps(h);
        _mm256_storeu_pd((double *)(dst + 8 * i), _mm256_cvtps_pd(_mm256_castps256_ps128(f)));
        _mm256_storeu_pd((double *)(dst + 8 * i + 32), _mm256_cvtps_pd(_mm256_extractf128_ps(f, 1)));
    }
    if (i < n)
        portable_h2d(src + 2 * i, 2, dst + 8 * i, 8, n - i);
}

F16C static void f2h_f16c(const char *src, ptrdiff_t ss, char *dst, ptrdiff_t ds, ptrdiff_t n)
{
    if (ss != 4 || ds != 2) {
        portable_f2h(src, ss, dst, ds, n);
        return;
    }
    const unsigned int csr = _mm_getcsr();
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 f = _mm256_loadu_ps((const float *)(src + 4 * i));
        /* NaN test on the bits: even a quiet compare raises invalid for a
         * signalling NaN */
        __m256i mag = _mm256_and_si256(_mm256_castps_si256(f), _mm256_set1_epi32(0x7fffffff));
        if (_mm256_movemask_epi8(_mm256_cmpgt_epi32(mag, _mm256_set1_epi32(0x7f800000))))
            portable_f2h(src + 4 * i, 4, dst + 2 * i, 2, 8);
        else
            _mm_storeu_si128((__m128i *)(dst + 2 * i),
                             _mm256_cvtps_ph(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    }
    /* _MM_FROUND_NO_EXC does not suppress flags on every CPU (it only
     * matters with EVEX encodings): put underflow and inexact back */
    const unsigned int keep = 0x10u | 0x20u, now = _mm_getcsr();
    if ((now ^ csr) & keep)
        _mm_setcsr((now & ~keep) | (csr & keep));
    if (i < n)
        portable_f2h(src + 4 * i, 4, dst + 2 * i, 2, n - i);
}

static int have_f16c(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c");
}

nc_cast_fn nc__cast_half_simd(nc_dtype_id from, nc_dtype_id to, nc_cast_fn portable)
{
    static _Atomic int have = -1;
    int h = have;
    if (h < 0)
        have = h = have_f16c();
    if (!h)
        return portable;
    if (from == NC_FLOAT16 && to == NC_FLOAT32)
        return h2f_f16c;
    if (from == NC_FLOAT16 && to == NC_FLOAT64)
        return h2d_f16c;
    if (from == NC_FLOAT32 && to == NC_FLOAT16)
        return f2h_f16c;
    return portable;
}
#else
nc_cast_fn nc__cast_half_simd(nc_dtype_id from, nc_dtype_id to, nc_cast_fn portable)
{
    (void)from;
    (void)to;
    return portable;
}
#endif
