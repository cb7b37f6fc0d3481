/* simd_exp_log.c: AVX2+FMA kernels of exp, log and tanh (float64, and
 * float32 computed in double), and the table of the AVX2 implementation.
 *
 * exp:  x = n ln2/64 + r, |r| <= ln2/128, n = 64k + j; exp(x) =
 *       2^k 2^(j/64) (1 + p(r)) with 2^(j/64) from a hi+lo table and p a
 *       degree-6 Taylor polynomial of expm1 (truncation < 2^-70).  r is
 *       exact up to the rounding of the second Cody-Waite step.  2^k is
 *       added to the exponent bits, so the fast path is |x| <= 708, where
 *       the result is normal.
 * log:  x = 2^k m, sqrt(2)/2 <= m < sqrt(2); log(m) = log1p(f) via
 *       s = f/(2+f) and a degree-14 polynomial in s (fdlibm's e_log.c
 *       scheme, error < 1 ulp).  Fast path: positive normal finite x.
 * tanh: tanh|x| = e/(e+2) with e = expm1(2|x|) carried as a double-double
 *       (same table as exp) and the quotient refined by one correction
 *       step, so only the last rounding is visible.  Fast path |x| <= 22;
 *       above, tanh is +-1 (from libm).
 * All lanes outside the fast paths go to libm (simd_array.inc.c). */
#include "math/simd_avx2.h"

#if NC_HAVE_AVX2_KERNELS
#include "math/exp2_table.h"

#define INV_L2_64 0x1.71547652b82fep+6 /* 64/ln2 */
#define L2_64_HI 0x1.62e42fefa39efp-7  /* ln2/64 = HI + LO */
#define L2_64_LO 0x1.abc9e3b39803fp-62

/* 2^(j/64) as hi, lo for the n in *bits (see nc__v_round_mul). */
NC_AVX2 static inline void exp2_frac(__m256i bits, __m256d *hi, __m256d *lo)
{
    const __m256i j = _mm256_and_si256(bits, VI(63));
    *hi = _mm256_i64gather_pd(nc__exp2_hi, j, 8);
    *lo = _mm256_i64gather_pd(nc__exp2_lo, j, 8);
}

/* expm1(r) - r for |r| <= ln2/128, divided by r^2: 1/2 + r/6 + ... */
NC_AVX2 static inline __m256d expm1_q(__m256d r)
{
    __m256d q = _mm256_fmadd_pd(r, VD(1.0 / 720), VD(1.0 / 120));
    q = _mm256_fmadd_pd(q, r, VD(1.0 / 24));
    q = _mm256_fmadd_pd(q, r, VD(1.0 / 6));
    return _mm256_fmadd_pd(q, r, VD(0.5));
}

NC_AVX2 static inline __m256d exp_core(__m256d x)
{
    __m256i bits;
    const __m256d n = nc__v_round_mul(x, INV_L2_64, &bits);
    __m256d r = _mm256_fnmadd_pd(n, VD(L2_64_HI), x);
    r = _mm256_fnmadd_pd(n, VD(L2_64_LO), r);
    const __m256d r2 = _mm256_mul_pd(r, r);
    const __m256d p = _mm256_fmadd_pd(r2, expm1_q(r), r);
    __m256d thi, tlo;
    exp2_frac(bits, &thi, &tlo);
    /* thi + (tlo + thi p): the small terms first, one visible rounding */
    const __m256d res = _mm256_add_pd(thi, _mm256_fmadd_pd(thi, p, tlo));
    /* k = n >> 6 sits in bits 6.. of bits; shifting it into the exponent
     * field wraps negative k correctly */
    const __m256i k = _mm256_slli_epi64(_mm256_srli_epi64(bits, 6), 52);
    return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(res), k));
}

/* float32: one table entry and a degree-3 polynomial (truncation
 * r^4/24 < 2^-34) are plenty before the rounding to float. */
NC_AVX2 static inline __m256d exp32_core(__m256d x)
{
    __m256i bits;
    const __m256d n = nc__v_round_mul(x, INV_L2_64, &bits);
    const __m256d r = _mm256_fnmadd_pd(n, VD(L2_64_HI), x);
    const __m256d q = _mm256_fmadd_pd(r, VD(1.0 / 6), VD(0.5));
    const __m256d p = _mm256_fmadd_pd(_mm256_mul_pd(r, r), q, r);
    const __m256i j = _mm256_and_si256(bits, VI(63));
    const __m256d thi = _mm256_i64gather_pd(nc__exp2_hi, j, 8);
    const __m256d res = _mm256_fmadd_pd(thi, p, thi);
    const __m256i k = _mm256_slli_epi64(_mm256_srli_epi64(bits, 6), 52);
    return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(res), k));
}

#define NAME64 nc__avx2_exp_f64
#define NAME32 nc__avx2_exp_f32
#define CORE(v) exp_core(v)
#define CORE32(v) exp32_core(v)
#define FAST64(v) nc__v_abs_le(v, 708.0)
#define FAST32(v) nc__v_abs_le(v, 88.0) /* exp(88) < FLT_MAX */
#define SLOW(a) exp(a)
#define FLAGS(a, r) nc__vm_flags_exp(a, r)
#include "math/simd_array.inc.c"

/* fdlibm's log polynomial coefficients (Lg1..Lg7). */
#define LG1 6.666666666666735130e-01
#define LG2 3.999999999940941908e-01
#define LG3 2.857142874366239149e-01
#define LG4 2.222219843214978396e-01
#define LG5 1.818357216161805012e-01
#define LG6 1.531383769920937332e-01
#define LG7 1.479819860511658591e-01
#define LN2_HI 6.93147180369123816490e-01 /* 32 bits: k * LN2_HI is exact */
#define LN2_LO 1.90821492927058770002e-10

NC_AVX2 static inline __m256d log_core(__m256d x)
{
    const __m256i u = _mm256_castpd_si256(x);
    /* u + (1.0 - sqrt(2)/2 in bits): its exponent field is k + 1023 with k
     * chosen so that m = x / 2^k falls in [sqrt(2)/2, sqrt(2)) */
    const __m256i t = _mm256_add_epi64(u, VI(0x95f619980c433LL));
    const __m256i kb = _mm256_srli_epi64(t, 52);
    const __m256i mb = _mm256_add_epi64(_mm256_sub_epi64(u, _mm256_slli_epi64(kb, 52)),
                                        VI(0x3ff0000000000000LL));
    const __m256d m = _mm256_castsi256_pd(mb);
    /* kb < 2^11: or-ing it into 2^52's mantissa converts it exactly */
    const __m256d k = _mm256_sub_pd(
        _mm256_castsi256_pd(_mm256_or_si256(kb, VI(0x4330000000000000LL))),
        VD(0x1p52 + 1023));
    const __m256d f = _mm256_sub_pd(m, VD(1.0));
    const __m256d s = _mm256_div_pd(f, _mm256_add_pd(VD(2.0), f));
    const __m256d z = _mm256_mul_pd(s, s), w = _mm256_mul_pd(z, z);
    const __m256d t1 = _mm256_mul_pd(
        w, _mm256_fmadd_pd(w, _mm256_fmadd_pd(w, VD(LG6), VD(LG4)), VD(LG2)));
    const __m256d t2 = _mm256_mul_pd(
        z, _mm256_fmadd_pd(w, _mm256_fmadd_pd(w, _mm256_fmadd_pd(w, VD(LG7), VD(LG5)), VD(LG3)),
                           VD(LG1)));
    const __m256d R = _mm256_add_pd(t1, t2);
    const __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(VD(0.5), f), f);
    /* k ln2_hi - ((hfsq - (s (hfsq + R) + k ln2_lo)) - f) */
    const __m256d inner = _mm256_fmadd_pd(k, VD(LN2_LO), _mm256_mul_pd(s, _mm256_add_pd(hfsq, R)));
    const __m256d d = _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f);
    return _mm256_sub_pd(_mm256_mul_pd(k, VD(LN2_HI)), d);
}

/* Positive, normal and finite (as doubles: every positive finite float). */
NC_AVX2 static inline __m256d log_fast(__m256d x)
{
    return _mm256_and_pd(_mm256_cmp_pd(x, VD(0x1p-1022), _CMP_GE_OQ),
                         _mm256_cmp_pd(x, VD(0x1.fffffffffffffp1023), _CMP_LE_OQ));
}

/* float32: log1p(f) = 2 atanh(s) = 2s (1 + s^2/3 + ... + s^10/11), the
 * series cut where the next term is below 2^-34 of the result. */
NC_AVX2 static inline __m256d log32_core(__m256d x)
{
    const __m256i u = _mm256_castpd_si256(x);
    const __m256i t = _mm256_add_epi64(u, VI(0x95f619980c433LL));
    const __m256i kb = _mm256_srli_epi64(t, 52);
    const __m256i mb = _mm256_add_epi64(_mm256_sub_epi64(u, _mm256_slli_epi64(kb, 52)),
                                        VI(0x3ff0000000000000LL));
    const __m256d k = _mm256_sub_pd(
        _mm256_castsi256_pd(_mm256_or_si256(kb, VI(0x4330000000000000LL))),
        VD(0x1p52 + 1023));
    const __m256d f = _mm256_sub_pd(_mm256_castsi256_pd(mb), VD(1.0));
    const __m256d s = _mm256_div_pd(f, _mm256_add_pd(VD(2.0), f));
    const __m256d z = _mm256_mul_pd(s, s);
    __m256d p = _mm256_fmadd_pd(z, VD(1.0 / 11), VD(1.0 / 9));
    p = _mm256_fmadd_pd(p, z, VD(1.0 / 7));
    p = _mm256_fmadd_pd(p, z, VD(1.0 / 5));
    p = _mm256_fmadd_pd(p, z, VD(1.0 / 3));
    const __m256d s2 = _mm256_add_pd(s, s);
    const __m256d l = _mm256_fmadd_pd(_mm256_mul_pd(s2, z), p, s2);
    return _mm256_fmadd_pd(k, VD(0x1.62e42fefa39efp-1), l);
}

#define NAME64 nc__avx2_log_f64
#define NAME32 nc__avx2_log_f32
#define CORE(v) log_core(v)
#define CORE32(v) log32_core(v)
#define FAST64(v) log_fast(v)
#define FAST32(v) log_fast(v)
#define SLOW(a) log(a)
#define FLAGS(a, r) nc__vm_flags_log(a)
#include "math/simd_array.inc.c"

/* Fast2Sum: a + b = *s + *e exactly, when |a| >= |b| or a == 0. */
NC_AVX2 static inline void fast2sum(__m256d a, __m256d b, __m256d *s, __m256d *e)
{
    *s = _mm256_add_pd(a, b);
    *e = _mm256_sub_pd(b, _mm256_sub_pd(*s, a));
}

NC_AVX2 static inline __m256d tanh_core(__m256d x)
{
    const __m256d sign = _mm256_and_pd(x, VD(-0.0));
    const __m256d y = _mm256_add_pd(nc__v_abs(x), nc__v_abs(x)); /* exact */
    __m256i bits;
    const __m256d n = nc__v_round_mul(y, INV_L2_64, &bits);
    /* y - n HI is exact (|y| <= 44, so n < 2^12); r = rh + rl */
    const __m256d r1 = _mm256_fnmadd_pd(n, VD(L2_64_HI), y);
    __m256d rh, rl;
    fast2sum(r1, _mm256_mul_pd(n, VD(-L2_64_LO)), &rh, &rl);
    /* expm1(r) = ph + pl */
    const __m256d c = _mm256_mul_pd(_mm256_mul_pd(rh, rh), expm1_q(rh));
    __m256d ph, pl;
    fast2sum(rh, c, &ph, &pl);
    pl = _mm256_add_pd(pl, _mm256_fmadd_pd(rh, rl, rl)); /* d expm1 = (1 + r) dr */
    /* 2^(n/64) = th + tl with k = n >> 6 >= 0 scaled in exactly */
    __m256d th, tl;
    exp2_frac(bits, &th, &tl);
    const __m256d scale = _mm256_castsi256_pd(_mm256_add_epi64(
        _mm256_slli_epi64(_mm256_srli_epi64(bits, 6), 52), VI(0x3ff0000000000000LL)));
    th = _mm256_mul_pd(th, scale);
    tl = _mm256_mul_pd(tl, scale);
    /* e = (th - 1) + th ph + (th pl + tl); th - 1 is exact for th >= 1 */
    const __m256d h = _mm256_sub_pd(th, VD(1.0));
    const __m256d s1 = _mm256_mul_pd(th, ph);
    const __m256d e1 = _mm256_fmsub_pd(th, ph, s1);
    __m256d eh, e2;
    fast2sum(h, s1, &eh, &e2);
    const __m256d el = _mm256_add_pd(_mm256_add_pd(e2, e1), _mm256_fmadd_pd(th, pl, tl));
    /* d = e + 2 as a double-double (2Sum: e may be larger or smaller) */
    const __m256d dh = _mm256_add_pd(eh, VD(2.0));
    const __m256d bv = _mm256_sub_pd(dh, eh);
    const __m256d dl = _mm256_add_pd(
        _mm256_add_pd(_mm256_sub_pd(eh, _mm256_sub_pd(dh, bv)), _mm256_sub_pd(VD(2.0), bv)), el);
    /* q = e / d: q0 and one correction from the exact remainder */
    const __m256d q0 = _mm256_div_pd(eh, dh);
    const __m256d rem = _mm256_fnmadd_pd(q0, dl, _mm256_add_pd(_mm256_fnmadd_pd(q0, dh, eh), el));
    const __m256d q = _mm256_add_pd(q0, _mm256_div_pd(rem, dh));
    return _mm256_or_pd(q, sign);
}

/* float32: tanh|x| = e/(e+2) in plain double, e = expm1(2|x|) from the
 * table with a degree-4 polynomial: relative error ~2^-50. */
NC_AVX2 static inline __m256d tanh32_core(__m256d x)
{
    const __m256d sign = _mm256_and_pd(x, VD(-0.0));
    const __m256d y = _mm256_add_pd(nc__v_abs(x), nc__v_abs(x));
    __m256i bits;
    const __m256d n = nc__v_round_mul(y, INV_L2_64, &bits);
    const __m256d r = _mm256_fnmadd_pd(n, VD(L2_64_HI), y);
    __m256d q = _mm256_fmadd_pd(r, VD(1.0 / 24), VD(1.0 / 6));
    q = _mm256_fmadd_pd(q, r, VD(0.5));
    const __m256d p = _mm256_fmadd_pd(_mm256_mul_pd(r, r), q, r);
    const __m256i j = _mm256_and_si256(bits, VI(63));
    const __m256d scale = _mm256_castsi256_pd(_mm256_add_epi64(
        _mm256_slli_epi64(_mm256_srli_epi64(bits, 6), 52), VI(0x3ff0000000000000LL)));
    const __m256d th = _mm256_mul_pd(_mm256_i64gather_pd(nc__exp2_hi, j, 8), scale);
    /* (th - 1) is exact; the product carries the small part */
    const __m256d e = _mm256_fmadd_pd(th, p, _mm256_sub_pd(th, VD(1.0)));
    return _mm256_or_pd(_mm256_div_pd(e, _mm256_add_pd(e, VD(2.0))), sign);
}

#define NAME64 nc__avx2_tanh_f64
#define NAME32 nc__avx2_tanh_f32
#define CORE(v) tanh_core(v)
#define CORE32(v) tanh32_core(v)
#define FAST64(v) nc__v_abs_le(v, 22.0)
#define FAST32(v) nc__v_abs_le(v, 22.0)
#define SLOW(a) tanh(a)
#define FLAGS(a, r) 0
#include "math/simd_array.inc.c"

static const nc_vmath avx2_impl = {
    "avx2",
    {nc__avx2_exp_f64, nc__avx2_log_f64, nc__avx2_sin_f64, nc__avx2_cos_f64, nc__avx2_tanh_f64},
    {nc__avx2_exp_f32, nc__avx2_log_f32, nc__avx2_sin_f32, nc__avx2_cos_f32, nc__avx2_tanh_f32},
};

const nc_vmath *nc__vmath_avx2(void)
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return &avx2_impl;
    return NULL;
}

#else
const nc_vmath *nc__vmath_avx2(void)
{
    return NULL;
}
#endif
