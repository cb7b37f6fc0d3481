/* simd_vec256.h: the 256-bit (AVX2+FMA) instance of the width-generic
 * vector vocabulary that simd_cores.inc.c is written in.  simd_vec512.h
 * defines the same names for AVX-512; a kernel file includes exactly one
 * of them and then the cores.
 *
 * Vocabulary (VW double lanes, VWF float lanes):
 *   vd, vi, vm     double vector, 64-bit integer vector, double lane mask
 *   vf, vfi, vfm   float vector, 32-bit integer vector, float lane mask
 *   d_* / f_*      arithmetic, bitwise and compare on vd / vf;
 *   i_* / fi_*     integer lanes; m_bits / fm_bits turn a mask into an int
 *                  with bit l set for lane l (all set: V_FULL / V_FULLF).
 * Masks are vectors here (all-ones lanes) and __mmask registers in
 * AVX-512; cores only combine them through these functions, never by
 * bitwise vector operations, so both widths compile from one source.
 * Every function carries V_TARGET: the including file builds with the
 * baseline flags and runs only where nc__vmath() found the features. */
#ifndef NUMC_MATH_SIMD_VEC_H
#define NUMC_MATH_SIMD_VEC_H

#include <immintrin.h>

#define V_TARGET __attribute__((target("avx2,fma")))
/* helpers and cores: always inlined, so that the two vectors of a loop step
 * interleave (GCC otherwise keeps the larger cores out of line) */
#define V_INLINE V_TARGET static inline __attribute__((always_inline))
#define V_NAME(f) nc__avx2_##f
#define V_IMPL_NAME "avx2"
#define V_FAST_RECIP 0 /* no vrcp14pd: the cores divide */
/* exp's table has 2^V_EXP_TBITS entries, looked up by gathers */
#define V_EXP_TBITS 6
/* no 32-entry float permutes: float32 tanh computes e^2|x| (tanhf_core) */
#define V_TANHF_TABLE 0
#define VW 4
#define VWF 8
#define V_FULL 0xf
#define V_FULLF 0xff

typedef __m256d vd;
typedef __m256i vi;
typedef __m256d vm;
typedef __m256 vf;
typedef __m256i vfi;
typedef __m256 vfm;

/* --- double lanes ------------------------------------------------------ */
V_INLINE vd d_set1(double c) { return _mm256_set1_pd(c); }
V_INLINE vi i_set1(long long c) { return _mm256_set1_epi64x(c); }
V_INLINE vd d_loadu(const double *p) { return _mm256_loadu_pd(p); }
V_INLINE void d_storeu(double *p, vd v) { _mm256_storeu_pd(p, v); }
/* VW floats widened to double, and back (rounded) */
V_INLINE vd d_load_f32(const float *p) { return _mm256_cvtps_pd(_mm_loadu_ps(p)); }
V_INLINE void d_store_f32(float *p, vd v) { _mm_storeu_ps(p, _mm256_cvtpd_ps(v)); }
V_INLINE vd d_add(vd a, vd b) { return _mm256_add_pd(a, b); }
V_INLINE vd d_sub(vd a, vd b) { return _mm256_sub_pd(a, b); }
V_INLINE vd d_mul(vd a, vd b) { return _mm256_mul_pd(a, b); }
V_INLINE vd d_div(vd a, vd b) { return _mm256_div_pd(a, b); }
/* a b + c, a b - c, c - a b: each rounded once */
V_INLINE vd d_fma(vd a, vd b, vd c) { return _mm256_fmadd_pd(a, b, c); }
V_INLINE vd d_fms(vd a, vd b, vd c) { return _mm256_fmsub_pd(a, b, c); }
V_INLINE vd d_fnma(vd a, vd b, vd c) { return _mm256_fnmadd_pd(a, b, c); }
V_INLINE vd d_and(vd a, vd b) { return _mm256_and_pd(a, b); }
V_INLINE vd d_or(vd a, vd b) { return _mm256_or_pd(a, b); }
V_INLINE vd d_xor(vd a, vd b) { return _mm256_xor_pd(a, b); }
V_INLINE vd d_andnot(vd a, vd b) { return _mm256_andnot_pd(a, b); }
V_INLINE vi d_bits(vd a) { return _mm256_castpd_si256(a); }
V_INLINE vd i_as_d(vi a) { return _mm256_castsi256_pd(a); }
V_INLINE vi i_add(vi a, vi b) { return _mm256_add_epi64(a, b); }
V_INLINE vi i_sub(vi a, vi b) { return _mm256_sub_epi64(a, b); }
V_INLINE vi i_and(vi a, vi b) { return _mm256_and_si256(a, b); }
V_INLINE vi i_or(vi a, vi b) { return _mm256_or_si256(a, b); }
/* macros: the shift counts and gather scale must be immediates */
#define i_slli(a, n) _mm256_slli_epi64(a, n)
#define i_srli(a, n) _mm256_srli_epi64(a, n)
#define d_gather(tbl, idx) _mm256_i64gather_pd(tbl, idx, 8)
V_INLINE vm d_le(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
V_INLINE vm d_ge(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
V_INLINE vm d_eq(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
V_INLINE vm m_and(vm a, vm b) { return _mm256_and_pd(a, b); }
/* lanes whose sign bit (bit 63) is set */
V_INLINE vm m_from_sign(vi a) { return _mm256_castsi256_pd(a); }
V_INLINE int m_bits(vm m) { return _mm256_movemask_pd(m); }
/* m ? b : a, lane by lane */
V_INLINE vd d_blend(vm m, vd a, vd b) { return _mm256_blendv_pd(a, b, m); }

/* --- float lanes ------------------------------------------------------- */
V_INLINE vf f_set1(float c) { return _mm256_set1_ps(c); }
V_INLINE vfi fi_set1(int c) { return _mm256_set1_epi32(c); }
V_INLINE vf f_loadu(const float *p) { return _mm256_loadu_ps(p); }
V_INLINE void f_storeu(float *p, vf v) { _mm256_storeu_ps(p, v); }
V_INLINE vf f_add(vf a, vf b) { return _mm256_add_ps(a, b); }
V_INLINE vf f_sub(vf a, vf b) { return _mm256_sub_ps(a, b); }
V_INLINE vf f_mul(vf a, vf b) { return _mm256_mul_ps(a, b); }
V_INLINE vf f_div(vf a, vf b) { return _mm256_div_ps(a, b); }
V_INLINE vf f_fma(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }
V_INLINE vf f_fms(vf a, vf b, vf c) { return _mm256_fmsub_ps(a, b, c); }
V_INLINE vf f_fnma(vf a, vf b, vf c) { return _mm256_fnmadd_ps(a, b, c); }
V_INLINE vf f_and(vf a, vf b) { return _mm256_and_ps(a, b); }
V_INLINE vf f_or(vf a, vf b) { return _mm256_or_ps(a, b); }
V_INLINE vf f_xor(vf a, vf b) { return _mm256_xor_ps(a, b); }
V_INLINE vf f_andnot(vf a, vf b) { return _mm256_andnot_ps(a, b); }
V_INLINE vfi f_bits(vf a) { return _mm256_castps_si256(a); }
V_INLINE vf fi_as_f(vfi a) { return _mm256_castsi256_ps(a); }
V_INLINE vfi fi_add(vfi a, vfi b) { return _mm256_add_epi32(a, b); }
V_INLINE vfi fi_sub(vfi a, vfi b) { return _mm256_sub_epi32(a, b); }
V_INLINE vfi fi_and(vfi a, vfi b) { return _mm256_and_si256(a, b); }
/* float <-> int32 of integral values (exact here) */
V_INLINE vf fi_to_f(vfi a) { return _mm256_cvtepi32_ps(a); }
#define fi_slli(a, n) _mm256_slli_epi32(a, n)
#define fi_srli(a, n) _mm256_srli_epi32(a, n)
#define fi_srai(a, n) _mm256_srai_epi32(a, n)
V_INLINE vfm f_le(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
V_INLINE vfm f_ge(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
V_INLINE vfm f_eq(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
V_INLINE vfm fm_and(vfm a, vfm b) { return _mm256_and_ps(a, b); }
/* signed 32-bit a < b */
V_INLINE vfm fi_lt(vfi a, vfi b) { return _mm256_castsi256_ps(_mm256_cmpgt_epi32(b, a)); }
V_INLINE vfm fm_from_sign(vfi a) { return _mm256_castsi256_ps(a); }
V_INLINE int fm_bits(vfm m) { return _mm256_movemask_ps(m); }
V_INLINE vf f_blend(vfm m, vf a, vf b) { return _mm256_blendv_ps(a, b, m); }
/* min(a, b); b where either is NaN */
V_INLINE vf f_min(vf a, vf b) { return _mm256_min_ps(a, b); }
/* 1/b to ~2^-22 relative for normal finite b: vrcpps (2^-11.4) and one
 * Newton step (cheaper than vdivps, whose throughput is 3.5-5 cycles) */
V_INLINE vf f_recip(vf b)
{
    const __m256 y = _mm256_rcp_ps(b);
    return _mm256_fmadd_ps(y, _mm256_fnmadd_ps(b, y, _mm256_set1_ps(1.0f)), y);
}

#endif
