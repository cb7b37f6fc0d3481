/* simd_vec512.h: the 512-bit (AVX-512F+DQ) instance of the width-generic
 * vector vocabulary of simd_cores.inc.c; simd_vec256.h documents the
 * names.  Masks are __mmask8/__mmask16 registers, so m_bits is the mask
 * itself and blends are masked moves.  AVX-512 adds d_recip, a reciprocal
 * from vrcp14pd refined by two Newton steps (relative error ~2^-52, no
 * division), which cores use when V_FAST_RECIP says it exists. */
#ifndef NUMC_MATH_SIMD_VEC_H
#define NUMC_MATH_SIMD_VEC_H

#include <immintrin.h>

#define V_TARGET __attribute__((target("avx512f,avx512dq,avx2,fma")))
/* helpers and cores: always inlined, so that the two vectors of a loop step
 * interleave (GCC otherwise keeps the larger cores out of line) */
#define V_INLINE V_TARGET static inline __attribute__((always_inline))
#define V_NAME(f) nc__avx512_##f
#define V_IMPL_NAME "avx512"
#define V_FAST_RECIP 1
/* exp's table has 16 entries, which two registers hold: a lookup is one
 * vpermt2pd per half (hi, lo) instead of a gather */
#define V_EXP_TBITS 4
/* float32 tanh from per-interval polynomials in 32-entry register tables */
#define V_TANHF_TABLE 1
#define VW 8
#define VWF 16
#define V_FULL 0xff
#define V_FULLF 0xffff

typedef __m512d vd;
typedef __m512i vi;
typedef __mmask8 vm;
typedef __m512 vf;
typedef __m512i vfi;
typedef __mmask16 vfm;

/* --- double lanes ------------------------------------------------------ */
V_INLINE vd d_set1(double c) { return _mm512_set1_pd(c); }
V_INLINE vi i_set1(long long c) { return _mm512_set1_epi64(c); }
V_INLINE vd d_loadu(const double *p) { return _mm512_loadu_pd(p); }
V_INLINE void d_storeu(double *p, vd v) { _mm512_storeu_pd(p, v); }
V_INLINE vd d_load_f32(const float *p) { return _mm512_cvtps_pd(_mm256_loadu_ps(p)); }
V_INLINE void d_store_f32(float *p, vd v) { _mm256_storeu_ps(p, _mm512_cvtpd_ps(v)); }
V_INLINE vd d_add(vd a, vd b) { return _mm512_add_pd(a, b); }
V_INLINE vd d_sub(vd a, vd b) { return _mm512_sub_pd(a, b); }
V_INLINE vd d_mul(vd a, vd b) { return _mm512_mul_pd(a, b); }
V_INLINE vd d_div(vd a, vd b) { return _mm512_div_pd(a, b); }
V_INLINE vd d_fma(vd a, vd b, vd c) { return _mm512_fmadd_pd(a, b, c); }
V_INLINE vd d_fms(vd a, vd b, vd c) { return _mm512_fmsub_pd(a, b, c); }
V_INLINE vd d_fnma(vd a, vd b, vd c) { return _mm512_fnmadd_pd(a, b, c); }
V_INLINE vd d_and(vd a, vd b) { return _mm512_and_pd(a, b); }
V_INLINE vd d_or(vd a, vd b) { return _mm512_or_pd(a, b); }
V_INLINE vd d_xor(vd a, vd b) { return _mm512_xor_pd(a, b); }
V_INLINE vd d_andnot(vd a, vd b) { return _mm512_andnot_pd(a, b); }
V_INLINE vi d_bits(vd a) { return _mm512_castpd_si512(a); }
V_INLINE vd i_as_d(vi a) { return _mm512_castsi512_pd(a); }
V_INLINE vi i_add(vi a, vi b) { return _mm512_add_epi64(a, b); }
V_INLINE vi i_sub(vi a, vi b) { return _mm512_sub_epi64(a, b); }
V_INLINE vi i_and(vi a, vi b) { return _mm512_and_si512(a, b); }
V_INLINE vi i_or(vi a, vi b) { return _mm512_or_si512(a, b); }
#define i_slli(a, n) _mm512_slli_epi64(a, n)
#define i_srli(a, n) _mm512_srli_epi64(a, n)
#define d_gather(tbl, idx) _mm512_i64gather_pd(idx, tbl, 8)
/* tbl[idx & 15]: vpermt2pd reads only the index's low 4 bits */
V_INLINE vd d_lookup16(const double *tbl, vi idx)
{
    return _mm512_permutex2var_pd(_mm512_loadu_pd(tbl), idx, _mm512_loadu_pd(tbl + 8));
}
V_INLINE vm d_le(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
V_INLINE vm d_ge(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_GE_OQ); }
V_INLINE vm d_eq(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
V_INLINE vm m_and(vm a, vm b) { return (vm)(a & b); }
V_INLINE vm m_from_sign(vi a) { return _mm512_movepi64_mask(a); }
V_INLINE int m_bits(vm m) { return (int)m; }
V_INLINE vd d_blend(vm m, vd a, vd b) { return _mm512_mask_blend_pd(m, a, b); }
V_INLINE vd d_recip14(vd b) { return _mm512_rcp14_pd(b); }
/* 1/b to ~2^-52 relative for normal finite b: vrcp14pd (2^-14) and two
 * Newton steps y + y (1 - b y), each squaring the error */
V_INLINE vd d_recip(vd b)
{
    const vd one = _mm512_set1_pd(1.0);
    vd y = _mm512_rcp14_pd(b);
    y = _mm512_fmadd_pd(y, _mm512_fnmadd_pd(b, y, one), y);
    return _mm512_fmadd_pd(y, _mm512_fnmadd_pd(b, y, one), y);
}

/* --- float lanes ------------------------------------------------------- */
V_INLINE vf f_set1(float c) { return _mm512_set1_ps(c); }
V_INLINE vfi fi_set1(int c) { return _mm512_set1_epi32(c); }
V_INLINE vf f_loadu(const float *p) { return _mm512_loadu_ps(p); }
V_INLINE void f_storeu(float *p, vf v) { _mm512_storeu_ps(p, v); }
V_INLINE vf f_add(vf a, vf b) { return _mm512_add_ps(a, b); }
V_INLINE vf f_sub(vf a, vf b) { return _mm512_sub_ps(a, b); }
V_INLINE vf f_mul(vf a, vf b) { return _mm512_mul_ps(a, b); }
V_INLINE vf f_div(vf a, vf b) { return _mm512_div_ps(a, b); }
V_INLINE vf f_fma(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }
V_INLINE vf f_fms(vf a, vf b, vf c) { return _mm512_fmsub_ps(a, b, c); }
V_INLINE vf f_fnma(vf a, vf b, vf c) { return _mm512_fnmadd_ps(a, b, c); }
V_INLINE vf f_and(vf a, vf b) { return _mm512_and_ps(a, b); }
V_INLINE vf f_or(vf a, vf b) { return _mm512_or_ps(a, b); }
V_INLINE vf f_xor(vf a, vf b) { return _mm512_xor_ps(a, b); }
V_INLINE vf f_andnot(vf a, vf b) { return _mm512_andnot_ps(a, b); }
V_INLINE vfi f_bits(vf a) { return _mm512_castps_si512(a); }
V_INLINE vf fi_as_f(vfi a) { return _mm512_castsi512_ps(a); }
V_INLINE vfi fi_add(vfi a, vfi b) { return _mm512_add_epi32(a, b); }
V_INLINE vfi fi_sub(vfi a, vfi b) { return _mm512_sub_epi32(a, b); }
V_INLINE vfi fi_and(vfi a, vfi b) { return _mm512_and_si512(a, b); }
V_INLINE vf fi_to_f(vfi a) { return _mm512_cvtepi32_ps(a); }
#define fi_slli(a, n) _mm512_slli_epi32(a, n)
#define fi_srli(a, n) _mm512_srli_epi32(a, n)
#define fi_srai(a, n) _mm512_srai_epi32(a, n)
V_INLINE vfm f_le(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
V_INLINE vfm f_ge(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
V_INLINE vfm f_eq(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
V_INLINE vfm fm_and(vfm a, vfm b) { return (vfm)(a & b); }
V_INLINE vfi fi_max(vfi a, vfi b) { return _mm512_max_epi32(a, b); }
/* tbl[idx & 31] for a 64-byte aligned table of 32 floats (vpermt2ps reads
 * only the index's low 5 bits) */
V_INLINE vf f_lookup32(const float *tbl, vfi idx)
{
    return _mm512_permutex2var_ps(_mm512_load_ps(tbl), idx, _mm512_load_ps(tbl + 16));
}
/* signed 32-bit a < b */
V_INLINE vfm fi_lt(vfi a, vfi b) { return _mm512_cmplt_epi32_mask(a, b); }
V_INLINE vfm fm_from_sign(vfi a) { return _mm512_movepi32_mask(a); }
V_INLINE int fm_bits(vfm m) { return (int)m; }
V_INLINE vf f_blend(vfm m, vf a, vf b) { return _mm512_mask_blend_ps(m, a, b); }
V_INLINE vf f_min(vf a, vf b) { return _mm512_min_ps(a, b); }
/* 1/b to 2^-14 relative for normal finite b (vrcp14ps; the callers
 * correct the quotient from its remainder) */
V_INLINE vf f_recip(vf b) { return _mm512_rcp14_ps(b); }

#endif
