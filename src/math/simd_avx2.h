/* simd_avx2.h: helpers shared by the AVX2+FMA kernel files.  Every
 * function that uses AVX2 intrinsics carries NC_AVX2, so these files build
 * with the baseline flags and run only where nc__vmath() found AVX2+FMA. */
#ifndef NUMC_MATH_SIMD_AVX2_H
#define NUMC_MATH_SIMD_AVX2_H

#include <string.h>
#include "math/vmath.h"
#if NC_HAVE_AVX2_KERNELS
#include <immintrin.h>

#define NC_AVX2 __attribute__((target("avx2,fma")))

#define VD(c) _mm256_set1_pd(c)
#define VI(c) _mm256_set1_epi64x((long long)(c))

NC_AVX2 static inline __m256d nc__v_abs(__m256d x)
{
    return _mm256_andnot_pd(VD(-0.0), x);
}

/* Lanes with |x| <= lim; false for NaN. */
NC_AVX2 static inline __m256d nc__v_abs_le(__m256d x, double lim)
{
    return _mm256_cmp_pd(nc__v_abs(x), VD(lim), _CMP_LE_OQ);
}

/* Rounds x * c to the nearest integer n; returns n as a double and leaves
 * n (mod 2^51, two's complement) in the low bits of *bits.  Valid for
 * |x * c| < 2^50. */
NC_AVX2 static inline __m256d nc__v_round_mul(__m256d x, double c, __m256i *bits)
{
    const __m256d shift = VD(0x1.8p52);
    const __m256d kd = _mm256_fmadd_pd(x, VD(c), shift);
    *bits = _mm256_castpd_si256(kd);
    return _mm256_sub_pd(kd, shift);
}

#endif /* NC_HAVE_AVX2_KERNELS */
#endif
