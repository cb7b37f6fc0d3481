/* simd_trig.c: AVX2+FMA kernels of sin and cos (float64, and float32
 * computed in double).
 *
 * Reduction: n = round(x 2/pi), r = x - n pi/2 with pi/2 = P1 + P2 + P3
 * (Cody-Waite, three doubles).  For |x| <= 2^20, x - n P1 is exact (both
 * are multiples of 2^-53 and the difference is below 1, or Sterbenz's
 * lemma applies), n P2 is split exactly with an FMA, and the sum is kept
 * as a double-double r + rl, so the reduced argument is accurate to far
 * below an ulp of r even next to multiples of pi/2.  Larger |x|, inf and
 * nan go to libm, whose reduction is exact for every double.
 * Kernels: fdlibm's (FreeBSD k_sin.c, k_cos.c) polynomials on
 * |r| <= pi/4 with the tail rl, each < 1 ulp; the quadrant n mod 4 picks
 * +-sin or +-cos. */
#include "math/simd_avx2.h"

#if NC_HAVE_AVX2_KERNELS

#define TWO_OVER_PI 0x1.45f306dc9c883p-1
#define P1 0x1.921fb54442d18p+0
#define P2 0x1.1a62633145c07p-54
#define P3 (-0x1.f1976b7ed8fbcp-110)

#define S1 -1.66666666666666324348e-01
#define S2 8.33333333332248946124e-03
#define S3 -1.98412698298579493134e-04
#define S4 2.75573137070700676789e-06
#define S5 -2.50507602534068634195e-08
#define S6 1.58969099521155010221e-10
#define C1 4.16666666666666019037e-02
#define C2 -1.38888888888741095749e-03
#define C3 2.48015872894767294178e-05
#define C4 -2.75573143513906633035e-07
#define C5 2.08757232129817482790e-09
#define C6 -1.13596475577881948265e-11

/* sin(x) when cos_shift is 0, cos(x) = sin(x + pi/2) when 1. */
NC_AVX2 static inline __m256d sincos_core(__m256d x, int cos_shift)
{
    __m256i bits;
    const __m256d n = nc__v_round_mul(x, TWO_OVER_PI, &bits);
    const __m256d a = _mm256_fnmadd_pd(n, VD(P1), x); /* exact */
    const __m256d p2 = _mm256_mul_pd(n, VD(P2));
    const __m256d p2e = _mm256_fmsub_pd(n, VD(P2), p2); /* n P2 - p2, exact */
    /* 2Sum of a and -p2 (either may be larger) */
    const __m256d s = _mm256_sub_pd(a, p2);
    const __m256d bv = _mm256_sub_pd(s, a);
    const __m256d e = _mm256_sub_pd(_mm256_sub_pd(a, _mm256_sub_pd(s, bv)),
                                    _mm256_add_pd(p2, bv));
    const __m256d tail = _mm256_sub_pd(_mm256_sub_pd(e, p2e), _mm256_mul_pd(n, VD(P3)));
    const __m256d r = _mm256_add_pd(s, tail);
    const __m256d rl = _mm256_sub_pd(tail, _mm256_sub_pd(r, s));

    const __m256d z = _mm256_mul_pd(r, r);
    /* sin(r + rl) = r - ((z (rl/2 - v R) - rl) - v S1), v = r^3 */
    const __m256d v = _mm256_mul_pd(z, r);
    __m256d R = _mm256_fmadd_pd(z, VD(S6), VD(S5));
    R = _mm256_fmadd_pd(R, z, VD(S4));
    R = _mm256_fmadd_pd(R, z, VD(S3));
    R = _mm256_fmadd_pd(R, z, VD(S2));
    const __m256d sv = _mm256_mul_pd(z, _mm256_sub_pd(_mm256_mul_pd(VD(0.5), rl), _mm256_mul_pd(v, R)));
    const __m256d sinr = _mm256_sub_pd(r, _mm256_sub_pd(_mm256_sub_pd(sv, rl), _mm256_mul_pd(v, VD(S1))));
    /* cos(r + rl) = w + (((1 - w) - z/2) + (z C - r rl)), w = 1 - z/2 */
    const __m256d w2 = _mm256_mul_pd(z, z);
    const __m256d ca = _mm256_mul_pd(z, _mm256_fmadd_pd(z, _mm256_fmadd_pd(z, VD(C3), VD(C2)), VD(C1)));
    const __m256d cb = _mm256_mul_pd(_mm256_mul_pd(w2, w2),
                                     _mm256_fmadd_pd(z, _mm256_fmadd_pd(z, VD(C6), VD(C5)), VD(C4)));
    const __m256d Rc = _mm256_add_pd(ca, cb);
    const __m256d hz = _mm256_mul_pd(VD(0.5), z);
    const __m256d w = _mm256_sub_pd(VD(1.0), hz);
    const __m256d cosr = _mm256_add_pd(
        w, _mm256_add_pd(_mm256_sub_pd(_mm256_sub_pd(VD(1.0), w), hz),
                         _mm256_sub_pd(_mm256_mul_pd(z, Rc), _mm256_mul_pd(r, rl))));

    const __m256i q = _mm256_add_epi64(bits, VI(cos_shift));
    /* odd quadrants take the other function, quadrants 2 and 3 negate */
    const __m256d swap = _mm256_castsi256_pd(_mm256_slli_epi64(q, 63));
    const __m256d neg = _mm256_castsi256_pd(
        _mm256_and_si256(_mm256_slli_epi64(q, 62), VI(0x8000000000000000ULL)));
    __m256d res = _mm256_xor_pd(_mm256_blendv_pd(sinr, cosr, swap), neg);
    if (!cos_shift) /* the reduction loses the sign of -0 */
        res = _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, VD(0.0), _CMP_EQ_OQ));
    return res;
}

/* float32: the remainder r = x - n (P1 + P2) in plain double (relative
 * error ~2^-50 for float inputs up to 2^20) and Taylor-like fdlibm
 * polynomials without the tail terms. */
NC_AVX2 static inline __m256d sincos32_core(__m256d x, int cos_shift)
{
    __m256i bits;
    const __m256d n = nc__v_round_mul(x, TWO_OVER_PI, &bits);
    const __m256d r = _mm256_fnmadd_pd(n, VD(P2), _mm256_fnmadd_pd(n, VD(P1), x));
    const __m256d z = _mm256_mul_pd(r, r);
    __m256d ps = _mm256_fmadd_pd(z, VD(S5), VD(S4));
    ps = _mm256_fmadd_pd(ps, z, VD(S3));
    ps = _mm256_fmadd_pd(ps, z, VD(S2));
    ps = _mm256_fmadd_pd(ps, z, VD(S1));
    const __m256d sinr = _mm256_fmadd_pd(_mm256_mul_pd(z, r), ps, r);
    __m256d pc = _mm256_fmadd_pd(z, VD(C5), VD(C4));
    pc = _mm256_fmadd_pd(pc, z, VD(C3));
    pc = _mm256_fmadd_pd(pc, z, VD(C2));
    pc = _mm256_fmadd_pd(pc, z, VD(C1));
    const __m256d cosr = _mm256_fmadd_pd(_mm256_mul_pd(z, z), pc,
                                         _mm256_fnmadd_pd(VD(0.5), z, VD(1.0)));
    const __m256i q = _mm256_add_epi64(bits, VI(cos_shift));
    const __m256d swap = _mm256_castsi256_pd(_mm256_slli_epi64(q, 63));
    const __m256d neg = _mm256_castsi256_pd(
        _mm256_and_si256(_mm256_slli_epi64(q, 62), VI(0x8000000000000000ULL)));
    __m256d res = _mm256_xor_pd(_mm256_blendv_pd(sinr, cosr, swap), neg);
    if (!cos_shift)
        res = _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, VD(0.0), _CMP_EQ_OQ));
    return res;
}

#define NAME64 nc__avx2_sin_f64
#define NAME32 nc__avx2_sin_f32
#define CORE(v) sincos_core(v, 0)
#define CORE32(v) sincos32_core(v, 0)
#define FAST64(v) nc__v_abs_le(v, 0x1p20)
#define FAST32(v) nc__v_abs_le(v, 0x1p20)
#define SLOW(a) sin(a)
#define FLAGS(a, r) nc__vm_flags_trig(a)
#include "math/simd_array.inc.c"

#define NAME64 nc__avx2_cos_f64
#define NAME32 nc__avx2_cos_f32
#define CORE(v) sincos_core(v, 1)
#define CORE32(v) sincos32_core(v, 1)
#define FAST64(v) nc__v_abs_le(v, 0x1p20)
#define FAST32(v) nc__v_abs_le(v, 0x1p20)
#define SLOW(a) cos(a)
#define FLAGS(a, r) nc__vm_flags_trig(a)
#include "math/simd_array.inc.c"

#endif
