/* simd_cores.inc.c: the vector cores of exp, log, tanh, sin and cos and
 * the kernels and implementation table built around them, written once in
 * the width-generic vocabulary of simd_vec256.h / simd_vec512.h.  A kernel
 * file (simd_avx2.c, simd_avx512.c) includes one of those headers and then
 * this file, giving nc__avx2_* or nc__avx512_* kernels and the table
 * nc__vmath_avx2() / nc__vmath_avx512() returns.
 *
 * Invariant: the 256-bit build of the float64 cores and of the float32
 * cores computed in double is the same sequence of operations as the
 * AVX2 kernels had before the cores became width-generic, so those results
 * are bit-identical (checked when changing this file); where AVX-512 has a
 * cheaper exact-enough instruction (vrcp14pd instead of a division,
 * V_FAST_RECIP; permutes of a register table instead of gathers,
 * V_EXP_TBITS) the 512-bit build uses it and keeps the error bound.
 *
 * exp:  x = n ln2/N + r, |r| <= ln2/2N, n = Nk + j; exp(x) =
 *       2^k 2^(j/N) (1 + p(r)) with 2^(j/N) from a hi+lo table and p a
 *       Taylor polynomial of expm1: N = 64 (gathers) and degree 6
 *       (truncation < 2^-70) for AVX2, N = 16 (permutes of a table held in
 *       registers) and degree 7 (truncation < 2^-59) for AVX-512.  r is
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
 * sin, cos: n = round(x 2/pi), r = x - n pi/2 with pi/2 = P1 + P2 + P3
 *       (Cody-Waite, three doubles).  For |x| <= 2^20, x - n P1 is exact
 *       (both are multiples of 2^-53 and the difference is below 1, or
 *       Sterbenz's lemma applies), n P2 is split exactly with an FMA, and
 *       the sum is kept as a double-double r + rl, so the reduced argument
 *       is accurate to far below an ulp of r even next to multiples of
 *       pi/2.  Larger |x|, inf and nan go to libm, whose reduction is exact
 *       for every double.  Kernels: fdlibm's (FreeBSD k_sin.c, k_cos.c)
 *       polynomials on |r| <= pi/4 with the tail rl, each < 1 ulp; the
 *       quadrant n mod 4 picks +-sin or +-cos.
 * float32 cores are described where they are defined.  All lanes outside
 * the fast paths go to libm (simd_array.inc.c). */
#include "math/exp2_table.h"

#define VD(c) d_set1(c)
#define VI(c) i_set1((long long)(c))
#define VF(c) f_set1(c)
#define VFI(c) fi_set1(c)

V_INLINE vd d_abs(vd x)
{
    return d_andnot(VD(-0.0), x);
}

/* Lanes with |x| <= lim; false for NaN. */
V_INLINE vm d_abs_le(vd x, double lim)
{
    return d_le(d_abs(x), VD(lim));
}

V_INLINE vfm f_abs_le(vf x, float lim)
{
    return f_le(f_andnot(VF(-0.0f), x), VF(lim));
}

/* Lanes with 0 < |x| <= lim; false for ±0 and NaN.  On the bits: |x| - 1,
 * unsigned, is below lim's bits; adding 2^31 turns that into one signed
 * compare (0 wraps to INT_MAX). */
V_INLINE vfm f_abs_in(vf x, float lim)
{
    union { float f; int i; } l = {lim};
    const vfi t = fi_add(fi_and(f_bits(x), VFI(0x7fffffff)), VFI(0x7fffffff));
    return fi_lt(t, VFI((int)(0x80000000u + (unsigned)l.i)));
}

/* Rounds x * c to the nearest integer n; returns n as a double and leaves
 * n (mod 2^51, two's complement) in the low bits of *bits.  Valid for
 * |x * c| < 2^50. */
V_INLINE vd round_mul(vd x, double c, vi *bits)
{
    const vd shift = VD(0x1.8p52);
    const vd kd = d_fma(x, VD(c), shift);
    *bits = d_bits(kd);
    return d_sub(kd, shift);
}

/* a / b for normal finite b: the division, or with vrcp14pd a product
 * refined once from its FMA remainder (within 2^-100 relative of the
 * correctly rounded quotient's error bound). */
V_INLINE vd d_quot(vd a, vd b)
{
#if V_FAST_RECIP
    const vd y = d_recip(b), q = d_mul(a, y);
    return d_fma(d_fnma(q, b, a), y, q);
#else
    return d_div(a, b);
#endif
}

/* a / b to ~2^-28 relative for normal finite b, enough for float results
 * computed in double (the trig and exp/log-family float32 kernels): the
 * division, or with vrcp14pd one Newton step. */
V_INLINE vd d_quot32(vd a, vd b)
{
#if V_FAST_RECIP
    const vd y0 = d_recip14(b);
    return d_mul(a, d_fma(y0, d_fnma(b, y0, VD(1.0)), y0));
#else
    return d_div(a, b);
#endif
}

/* --- exp ------------------------------------------------------------------ */
#define INV_L2_64 0x1.71547652b82fep+6 /* 64/ln2 */
#define L2_64_HI 0x1.62e42fefa39efp-7  /* ln2/64 = HI + LO */
#define L2_64_LO 0x1.abc9e3b39803fp-62
/* the same for the table size N of this width (scaling by a power of two
 * is exact) */
#define EXP_N (1 << V_EXP_TBITS)
#define INV_L2_N (INV_L2_64 * EXP_N / 64)
#define L2_N_HI (L2_64_HI * 64 / EXP_N)
#define L2_N_LO (L2_64_LO * 64 / EXP_N)

/* 2^(j/N) as hi, lo for the n in *bits (see round_mul). */
V_INLINE void exp2_frac(vi bits, vd *hi, vd *lo)
{
#if V_EXP_TBITS == 4
    *hi = d_lookup16(nc__exp2_16_hi, bits);
    *lo = d_lookup16(nc__exp2_16_lo, bits);
#else
    const vi j = i_and(bits, VI(EXP_N - 1));
    *hi = d_gather(nc__exp2_hi, j);
    *lo = d_gather(nc__exp2_lo, j);
#endif
}

/* 2^k for the n in *bits, when 0 <= k < 1024 */
V_INLINE vd exp2_k(vi bits)
{
    return i_as_d(i_add(i_slli(i_srli(bits, V_EXP_TBITS), 52), VI(0x3ff0000000000000LL)));
}

/* expm1(r) - r for |r| <= ln2/2N, divided by r^2: 1/2 + r/6 + ...
 * tanh asks (`more`) for one more term with the 16-entry table: there expm1 of
 * the whole argument may be far below 1 (2^(1/16) (1 + p) - 1 cancels), so
 * the truncation must be small against that, not against 1 (2^-68). */
V_INLINE vd expm1_q(vd r, int more)
{
#if V_EXP_TBITS == 4
    vd q = more ? d_fma(d_fma(r, VD(1.0 / 40320), VD(1.0 / 5040)), r, VD(1.0 / 720))
                : d_fma(r, VD(1.0 / 5040), VD(1.0 / 720));
    q = d_fma(q, r, VD(1.0 / 120));
#else
    (void)more; /* 2^-70 already */
    vd q = d_fma(r, VD(1.0 / 720), VD(1.0 / 120));
#endif
    q = d_fma(q, r, VD(1.0 / 24));
    q = d_fma(q, r, VD(1.0 / 6));
    return d_fma(q, r, VD(0.5));
}

V_INLINE vd exp_core(vd x)
{
    vi bits;
    const vd n = round_mul(x, INV_L2_N, &bits);
    vd r = d_fnma(n, VD(L2_N_HI), x);
    r = d_fnma(n, VD(L2_N_LO), r);
    const vd r2 = d_mul(r, r);
    const vd p = d_fma(r2, expm1_q(r, 0), r);
    vd thi, tlo;
    exp2_frac(bits, &thi, &tlo);
    /* thi + (tlo + thi p): the small terms first, one visible rounding */
    const vd res = d_add(thi, d_fma(thi, p, tlo));
    /* k = n >> TBITS sits in bits TBITS.. of bits; shifting it into the
     * exponent field wraps negative k correctly */
    const vi k = i_slli(i_srli(bits, V_EXP_TBITS), 52);
    return i_as_d(i_add(d_bits(res), k));
}

/* 2^n (1 + h + t1) for |h| < 1, t1 small, n in the low bits of the
 * shifter sum t: 1 + h is split exactly (Fast2Sum), so only the last
 * addition rounds visibly; shifted into the exponent field, n wraps
 * negative values correctly (the result must be normal).  The end of
 * expf_core and exp2f_core (simd_cores_explog.inc.c). */
V_INLINE vf expf_scale_sum(vf h, vf t1, vf t)
{
    const vf a = f_add(VF(1.0f), h);
    const vf e = f_add(f_sub(VF(1.0f), a), h);
    const vf p = f_add(a, f_add(e, t1));
    return fi_as_f(fi_add(f_bits(p), fi_slli(f_bits(t), 23)));
}

/* float32, native (VWF float lanes): x = n ln2 + r, |r| <= ln2/2 (n by
 * the 1.5 2^23 shifter), r = rh + rl with rh = x - n LN2F_HI exact (LN2F_HI
 * has 21 bits and rh is a multiple of 2^-25 below 2^-1) and rl = -n LN2F_LO
 * (up to 2^-22: not negligible).  exp(r) = e^rh (1 + rl) = 1 + rh +
 * (rh^2 q(rh) + rl (1 + rh + rh^2/2)), q a degree-4 fit of
 * (e^r - 1 - r)/r^2 (relative error 2^-27.7 with the float coefficients).
 * 1 + rh is split exactly (Fast2Sum) and the small terms are added to its
 * error before the last addition, so only that rounding is large.  2^n is
 * added into the exponent bits: for |x| <= 87 the result is normal. */
#define LOG2E_F 0x1.715476p+0f
#define LN2F_HI 0x1.62e430p-1f
#define LN2F_LO (-0x1.05c610p-29f)
V_INLINE vf expf_core(vf x)
{
    const vf shift = VF(0x1.8p23f);
    const vf t = f_fma(x, VF(LOG2E_F), shift);
    const vf n = f_sub(t, shift);
    const vf rh = f_fnma(n, VF(LN2F_HI), x);
    const vf rl = f_mul(n, VF(-LN2F_LO));
    vf q = f_fma(rh, VF(0x1.6a2342p-10f), VF(0x1.123a6cp-7f));
    q = f_fma(q, rh, VF(0x1.5558f4p-5f));
    q = f_fma(q, rh, VF(0x1.55549p-3f));
    q = f_fma(q, rh, VF(0x1.fffffcp-2f));
    const vf t1 = f_fma(f_mul(rh, rh), f_fma(rl, VF(0.5f), q), f_fma(rl, rh, rl));
    return expf_scale_sum(rh, t1, t);
}

#define NAME64 V_NAME(exp_f64)
#define NAME32 V_NAME(exp_f32)
#define CORE(v) exp_core(v)
#define COREF(v) expf_core(v)
#define FAST64(v) d_abs_le(v, 708.0)
#define FASTF(v) f_abs_le(v, 87.0f)
#define SLOW(a) exp(a)
#define FLAGS(a, r) nc__vm_flags_exp(a, r)
#include "math/simd_array.inc.c"

/* --- log ------------------------------------------------------------------ */
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

V_INLINE vd log_core(vd x)
{
    const vi u = d_bits(x);
    /* u + (1.0 - sqrt(2)/2 in bits): its exponent field is k + 1023 with k
     * chosen so that m = x / 2^k falls in [sqrt(2)/2, sqrt(2)) */
    const vi t = i_add(u, VI(0x95f619980c433LL));
    const vi kb = i_srli(t, 52);
    const vi mb = i_add(i_sub(u, i_slli(kb, 52)), VI(0x3ff0000000000000LL));
    const vd m = i_as_d(mb);
    /* kb < 2^11: or-ing it into 2^52's mantissa converts it exactly */
    const vd k = d_sub(i_as_d(i_or(kb, VI(0x4330000000000000LL))), VD(0x1p52 + 1023));
    const vd f = d_sub(m, VD(1.0));
    const vd s = d_quot(f, d_add(VD(2.0), f));
    const vd z = d_mul(s, s), w = d_mul(z, z);
    const vd t1 = d_mul(w, d_fma(w, d_fma(w, VD(LG6), VD(LG4)), VD(LG2)));
    const vd t2 = d_mul(z, d_fma(w, d_fma(w, d_fma(w, VD(LG7), VD(LG5)), VD(LG3)), VD(LG1)));
    const vd R = d_add(t1, t2);
    const vd hfsq = d_mul(d_mul(VD(0.5), f), f);
    /* k ln2_hi - ((hfsq - (s (hfsq + R) + k ln2_lo)) - f) */
    const vd inner = d_fma(k, VD(LN2_LO), d_mul(s, d_add(hfsq, R)));
    const vd d = d_sub(d_sub(hfsq, inner), f);
    return d_sub(d_mul(k, VD(LN2_HI)), d);
}

/* Positive, normal and finite (as doubles: every positive finite float). */
V_INLINE vm log_fast(vd x)
{
    return m_and(d_ge(x, VD(0x1p-1022)), d_le(x, VD(0x1.fffffffffffffp1023)));
}

/* R(f) with log1p(f) = f - f^2/2 + f^3 R(f) on [sqrt(2)/2 - 1, sqrt(2) - 1]
 * (the fit behind logf_core's Q), as A(z) + f B(z) with z = f^2: two
 * half-length Horner chains.  Shared with logf_dd (simd_cores_explog.inc.c). */
V_INLINE vf logf_poly(vf f, vf z)
{
    vf ra = f_fma(z, VF(0x1.055b46p-3f), VF(0x1.22da22p-3f));
    ra = f_fma(ra, z, VF(0x1.99a008p-3f));
    ra = f_fma(ra, z, VF(0x1.555554p-2f));
    vf rb = f_fma(z, VF(-0x1.38b4ccp-4f), VF(-0x1.0d8552p-3f));
    rb = f_fma(rb, z, VF(-0x1.547244p-3f));
    rb = f_fma(rb, z, VF(-0x1.000228p-2f));
    return f_fma(f, rb, ra);
}

/* float32, native: x = 2^k m with m in [sqrt(2)/2, sqrt(2)) from the bits
 * (x normal), f = m - 1 exact (Sterbenz), log1p(f) = f + t with t =
 * f^2 Q(f), Q a degree-8 weighted minimax fit of (log1p(f) - f)/f^2 whose
 * float coefficients leave 2^-27.7 of the result (2^-26.9 at f = 0.414,
 * measured later: the log2/log10/log1p maxima sit just below sqrt 2).  k ln2 = k LN2F_HI +
 * k LN2F_LO with LN2F_HI of 15 bits, so k LN2F_HI is exact for |k| < 2^9;
 * k LN2F_HI + f is split exactly by Fast2Sum (|k LN2F_HI| >= ln2 > |f|
 * unless k = 0, when the sum is f itself), and the small parts are added
 * before the last rounding: x just below sqrt(2)/2, where k ln2 and f
 * cancel to -0.35, stays < 1 ulp.  No division, no table. */
#define LN2F_HI_L 0x1.62e4p-1f
#define LN2F_LO_L 0x1.7f7d1cp-20f
V_INLINE vf logf_core(vf x)
{
    const vfi u = f_bits(x);
    /* u - bits(sqrt(2)/2): its exponent field is k (two's complement) */
    const vfi k = fi_srai(fi_sub(u, VFI(0x3f3504f3)), 23);
    const vf m = fi_as_f(fi_sub(u, fi_slli(k, 23)));
    const vf kf = fi_to_f(k);
    const vf f = f_sub(m, VF(1.0f));
    const vf z = f_mul(f, f);
    const vf R = logf_poly(f, z);
    const vf kh = f_mul(kf, VF(LN2F_HI_L));
    const vf s = f_add(kh, f);
    const vf e = f_sub(f, f_sub(s, kh));
    /* - f^2/2 = -(hz + hze) exactly, hz taken off s by Fast2Sum (|s| >
     * hz: s is f when k = 0, else |s| > 0.27 > hz) */
    const vf hz = f_mul(z, VF(0.5f));
    const vf hze = f_fms(f, f, z);
    const vf s2 = f_sub(s, hz);
    const vf e2 = f_sub(f_sub(s, s2), hz);
    const vf small = f_add(f_fma(kf, VF(LN2F_LO_L), e), f_fnma(hze, VF(0.5f), e2));
    const vf lo = f_fma(f_mul(z, f), R, small);
    return f_add(s2, lo);
}

/* Positive, normal and finite. */
V_INLINE vfm logf_fast(vf x)
{
    return fm_and(f_ge(x, VF(0x1p-126f)), f_le(x, VF(0x1.fffffep127f)));
}

#define NAME64 V_NAME(log_f64)
#define NAME32 V_NAME(log_f32)
#define CORE(v) log_core(v)
#define COREF(v) logf_core(v)
#define FAST64(v) log_fast(v)
#define FASTF(v) logf_fast(v)
#define SLOW(a) log(a)
#define FLAGS(a, r) nc__vm_flags_log(a)
#include "math/simd_array.inc.c"

/* --- tanh ----------------------------------------------------------------- */
/* Fast2Sum: a + b = *s + *e exactly, when |a| >= |b| or a == 0. */
V_INLINE void fast2sum(vd a, vd b, vd *s, vd *e)
{
    *s = d_add(a, b);
    *e = d_sub(b, d_sub(*s, a));
}

/* The reduction shared by tanh_core and the exp-based cores of
 * simd_cores_explog.inc.c (expm1_core, exp_dd): y = n ln2/N + rh + rl with
 * y - n HI exact (n < 2^12 for their ranges) and rh + rl by Fast2Sum;
 * expm1(rh + rl) = *ph + *pl (d expm1 = (1 + r) dr carries rl), and
 * 2^(n/N) = *th + *tl from the table with 2^k scaled in exactly (halved
 * too when `half`: e^y / 2 for sinh and cosh). */
V_INLINE void exp_split(vd y, int half, vd *ph, vd *pl, vd *th, vd *tl)
{
    vi bits;
    const vd n = round_mul(y, INV_L2_N, &bits);
    const vd r1 = d_fnma(n, VD(L2_N_HI), y);
    vd rh, rl;
    fast2sum(r1, d_mul(n, VD(-L2_N_LO)), &rh, &rl);
    const vd c = d_mul(d_mul(rh, rh), expm1_q(rh, 1));
    fast2sum(rh, c, ph, pl);
    *pl = d_add(*pl, d_fma(rh, rl, rl));
    exp2_frac(bits, th, tl);
    vd scale = exp2_k(bits);
    if (half)
        scale = d_mul(scale, VD(0.5));
    *th = d_mul(*th, scale);
    *tl = d_mul(*tl, scale);
}

V_INLINE vd tanh_core(vd x)
{
    const vd sign = d_and(x, VD(-0.0));
    const vd y = d_add(d_abs(x), d_abs(x)); /* exact */
    vd ph, pl, th, tl;
    exp_split(y, 0, &ph, &pl, &th, &tl);
    /* e = (th - 1) + th ph + (th pl + tl (1 + ph)); th - 1 is exact for
     * th >= 1 */
    const vd h = d_sub(th, VD(1.0));
    const vd s1 = d_mul(th, ph);
    const vd e1 = d_fms(th, ph, s1);
    vd eh, e2;
    fast2sum(h, s1, &eh, &e2);
#if V_EXP_TBITS == 4
    /* with 16 entries p reaches 0.022 and e may be as small as p, so the
     * table's low part times p (tl ph) is no longer negligible against e's
     * ulp; the 64-entry build omits it (worth < 0.1 ulp there, measured) */
    const vd el = d_add(d_add(e2, e1), d_fma(th, pl, d_fma(tl, ph, tl)));
#else
    const vd el = d_add(d_add(e2, e1), d_fma(th, pl, tl));
#endif
    /* d = e + 2 as a double-double (2Sum: e may be larger or smaller) */
    const vd dh = d_add(eh, VD(2.0));
    const vd bv = d_sub(dh, eh);
    const vd dl = d_add(d_add(d_sub(eh, d_sub(dh, bv)), d_sub(VD(2.0), bv)), el);
    /* q = e / d: q0 and one correction from the remainder, which is exact
     * for a correctly rounded q0 and accurate to 2^-53 of itself for the
     * reciprocal's q0 (within ~2 ulp), either way far below the result's
     * ulp */
#if V_FAST_RECIP
    const vd yd = d_recip(dh);
    const vd q0 = d_mul(eh, yd);
    const vd rem = d_fnma(q0, dl, d_add(d_fnma(q0, dh, eh), el));
    const vd q = d_fma(rem, yd, q0);
#else
    const vd q0 = d_div(eh, dh);
    const vd rem = d_fnma(q0, dl, d_add(d_fnma(q0, dh, eh), el));
    const vd q = d_add(q0, d_div(rem, dh));
#endif
    return d_or(q, sign);
}

/* float32, native.  |x| < 0.55: tanh|x| = |x| + |x|^3 P(x^2), P a degree-4
 * weighted minimax fit (2^-28 of the result).  Above: tanh|x| = 1 - 2/(E+1)
 * with E = e^(2|x|) >= 3 kept unrounded as 2^n (eh + el) (expf_core's
 * steps, 1 + p split exactly), E + 1 = dh + dl by Fast2Sum, g = 2/(E+1) = q0 + gl with
 * q0 from an approximate reciprocal and gl from the FMA remainder, and
 * 1 - q0 split by Fast2Sum, so the only large rounding is the last; any
 * rounding of E itself would show (tanh's relative sensitivity to E is
 * 2E/(E^2-1), 0.75 at E = 3).  |x| is clamped to 10, where 2/(E+1) <
 * 2^-27 and the result rounds to 1, so only NaN lanes leave the core.
 * Exhaustive sweep: max 0.746 ulp (small branch near 0.55), 0.62 above. */
V_INLINE vf tanhf_core(vf x)
{
    const vf sign = f_and(x, VF(-0.0f));
    const vf ax = f_min(f_andnot(VF(-0.0f), x), VF(10.0f));
    /* small |x| */
    const vf z = f_mul(ax, ax);
    vf p = f_fma(z, VF(-0x1.9c44b6p-8f), VF(0x1.596ffp-6f));
    p = f_fma(p, z, VF(-0x1.b92ef2p-5f));
    p = f_fma(p, z, VF(0x1.110d5p-3f));
    p = f_fma(p, z, VF(-0x1.55554cp-2f));
    const vf ts = f_fma(f_mul(ax, z), p, ax);
    /* E = e^y, y = 2|x| <= 20: y = n ln2 + rh + rl as in expf_core */
    const vf y = f_add(ax, ax);
    const vf shift = VF(0x1.8p23f);
    const vf tn = f_fma(y, VF(LOG2E_F), shift);
    const vf n = f_sub(tn, shift);
    const vf rh = f_fnma(n, VF(LN2F_HI), y);
    const vf rl = f_mul(n, VF(-LN2F_LO));
    vf q = f_fma(rh, VF(0x1.6a2342p-10f), VF(0x1.123a6cp-7f));
    q = f_fma(q, rh, VF(0x1.5558f4p-5f));
    q = f_fma(q, rh, VF(0x1.55549p-3f));
    q = f_fma(q, rh, VF(0x1.fffffcp-2f));
    const vf t1 = f_fma(f_mul(rh, rh), f_fma(rl, VF(0.5f), q), f_fma(rl, rh, rl));
    /* e^r = 1 + pr, pr rounded once (2^-27 of e^r, ~0.2 ulp of tanh at
     * worst), then split exactly by Fast2Sum into eh + el */
    const vf pr = f_add(rh, t1);
    const vf eh = f_add(VF(1.0f), pr);
    const vf el = f_add(f_sub(VF(1.0f), eh), pr);
    /* 2^n, 0 <= n <= 29; scaling eh and el by it is exact */
    const vf scale = fi_as_f(fi_add(fi_slli(f_bits(tn), 23), VFI(0x3f800000)));
    const vf A = f_mul(eh, scale);
    const vf dh = f_add(A, VF(1.0f));
    const vf dl = f_fma(el, scale, f_sub(VF(1.0f), f_sub(dh, A)));
    /* h = 1 - q0 with q0 ~ 2/dh taken as 1 - h (exact, Sterbenz: h is in
     * [1/2, 1]), so only the remainder 2 - q0 (dh + dl) is left, and it
     * is small enough for the approximate reciprocal */
    const vf yr = f_recip(dh);
    const vf h = f_fnma(VF(2.0f), yr, VF(1.0f));
    const vf q0 = f_sub(VF(1.0f), h);
    const vf rem = f_fnma(q0, dl, f_fnma(q0, dh, VF(2.0f)));
    const vf tb = f_fnma(rem, yr, h);
    return f_or(f_blend(f_le(ax, VF(0.55f)), tb, ts), sign);
}

#if V_TANHF_TABLE
#include "math/tanhf_table.h"
/* float32, native, from tables (AVX-512): |x| clamped to 9.5 (tanh rounds
 * to 1 above 9.01) falls in interval k = 0 for |x| < 1/16, else a quarter
 * of a binade from 1/16 to 8, found from the bits (2^21 is a quarter of a
 * binade in float's bit pattern); then tanh|x| = (s |x| + c0hi) + (t V(t)
 * + c0lo) with t = |x| - center (exact: both in one interval), V degree 5,
 * and ten coefficients per interval read by register permutes
 * (tools/gen_tanhf_table.py).  The large part c0hi (or |x| itself for
 * k = 0, s = 1) is added last, so the only rounding of size is the final
 * one.  Exhaustive sweep: max 0.628 ulp.  About 26 operations per 16 lanes
 * against tanhf_core's 45. */
#define TANHF_ROW(r) nc__tanhf_tbl[r]
V_INLINE vf tanhf_tbl(vf x)
{
    const vf sign = f_and(x, VF(-0.0f));
    const vf ax = f_min(f_andnot(VF(-0.0f), x), VF(9.5f));
    const vfi k = fi_srli(fi_max(fi_sub(f_bits(ax), VFI(0x3d800000 - (1 << 21))), VFI(0)), 21);
    const vf t = f_sub(ax, f_lookup32(TANHF_ROW(0), k));
    vf v = f_fma(f_lookup32(TANHF_ROW(9), k), t, f_lookup32(TANHF_ROW(8), k));
    for (int r = 7; r >= 4; r--)
        v = f_fma(v, t, f_lookup32(TANHF_ROW(r), k));
    const vf lo = f_fma(t, v, f_lookup32(TANHF_ROW(2), k));
    const vf hi = f_fma(ax, f_lookup32(TANHF_ROW(3), k), f_lookup32(TANHF_ROW(1), k));
    return f_or(f_add(hi, lo), sign);
}
#undef TANHF_ROW
#define TANHF_CORE(v) tanhf_tbl(v)
#else
#define TANHF_CORE(v) tanhf_core(v)
#endif

#define NAME64 V_NAME(tanh_f64)
#define NAME32 V_NAME(tanh_f32)
#define CORE(v) tanh_core(v)
#define COREF(v) TANHF_CORE(v)
#define FAST64(v) d_abs_le(v, 22.0)
#define FASTF(v) f_abs_le(v, INFINITY)
#define SLOW(a) tanh(a)
#define FLAGS(a, r) 0
#include "math/simd_array.inc.c"

/* --- sin, cos ------------------------------------------------------------- */
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
V_INLINE vd sincos_core(vd x, int cos_shift)
{
    vi bits;
    const vd n = round_mul(x, TWO_OVER_PI, &bits);
    const vd a = d_fnma(n, VD(P1), x); /* exact */
    const vd p2 = d_mul(n, VD(P2));
    const vd p2e = d_fms(n, VD(P2), p2); /* n P2 - p2, exact */
    /* 2Sum of a and -p2 (either may be larger) */
    const vd s = d_sub(a, p2);
    const vd bv = d_sub(s, a);
    const vd e = d_sub(d_sub(a, d_sub(s, bv)), d_add(p2, bv));
    const vd tail = d_sub(d_sub(e, p2e), d_mul(n, VD(P3)));
    const vd r = d_add(s, tail);
    const vd rl = d_sub(tail, d_sub(r, s));

    const vd z = d_mul(r, r);
    /* sin(r + rl) = r - ((z (rl/2 - v R) - rl) - v S1), v = r^3 */
    const vd v = d_mul(z, r);
    vd R = d_fma(z, VD(S6), VD(S5));
    R = d_fma(R, z, VD(S4));
    R = d_fma(R, z, VD(S3));
    R = d_fma(R, z, VD(S2));
    const vd sv = d_mul(z, d_sub(d_mul(VD(0.5), rl), d_mul(v, R)));
    const vd sinr = d_sub(r, d_sub(d_sub(sv, rl), d_mul(v, VD(S1))));
    /* cos(r + rl) = w + (((1 - w) - z/2) + (z C - r rl)), w = 1 - z/2 */
    const vd w2 = d_mul(z, z);
    const vd ca = d_mul(z, d_fma(z, d_fma(z, VD(C3), VD(C2)), VD(C1)));
    const vd cb = d_mul(d_mul(w2, w2), d_fma(z, d_fma(z, VD(C6), VD(C5)), VD(C4)));
    const vd Rc = d_add(ca, cb);
    const vd hz = d_mul(VD(0.5), z);
    const vd w = d_sub(VD(1.0), hz);
    const vd cosr = d_add(w, d_add(d_sub(d_sub(VD(1.0), w), hz),
                                   d_sub(d_mul(z, Rc), d_mul(r, rl))));

    const vi q = i_add(bits, VI(cos_shift));
    /* odd quadrants take the other function, quadrants 2 and 3 negate */
    const vm swap = m_from_sign(i_slli(q, 63));
    const vd neg = i_as_d(i_and(i_slli(q, 62), VI(0x8000000000000000ULL)));
    vd res = d_xor(d_blend(swap, sinr, cosr), neg);
    if (!cos_shift) /* the reduction loses the sign of -0 */
        res = d_blend(d_eq(x, VD(0.0)), res, x);
    return res;
}

/* float32, native, 0 < |x| <= 2^20: n = round(x 2/pi) (float 2/pi: n may
 * be off by one for |x| near 2^20, so |r| <= 0.84 and the polynomials are
 * fitted there), r = x - n (PF1 + PF2 + PF3), three floats.  x - n PF1 is
 * exact (both are multiples of 2^-23 and the difference is below 1, or
 * Sterbenz applies); n PF2 = p2 + p2e split exactly by an FMA, r = a - p2
 * and its error by Fast2Sum, so r + rl is x's remainder to ~2^-40 (an
 * FMA-rounded a - n PF2 alone loses rl where r nearly cancels, e.g. at
 * 3 pi).  sin(r + rl) = r + (r^3 S(r^2) + rl w); cos(r + rl) = w + (e1 - r rl
 * + r^4 C(r^2)) with w = RN(1 - r^2/2) from the exact square (an FMA) and
 * e1 its rounding error (another), S degree 3 and C degree 2 (weighted
 * minimax fits, 2^-27.8 and 2^-30.6 of the result with float
 * coefficients).  Both polynomials run on every lane and n mod 4 picks
 * +-sin/+-cos.  ±0 lanes stay out of the fast range (f_abs_in): here the
 * reduction would give +0 for -0, and a blend for it costs 8% of sin. */
#define TWO_OVER_PI_F 0x1.45f306p-1f
#define PF1 0x1.921fb6p+0f
#define PF2 (-0x1.777a5cp-25f)
#define PF3 (-0x1.ee59dap-50f)
/* The shared part of sincosf_core and tanf_core (simd_cores_trig.inc.c):
 * x = n pi/2 + r + rl; sin(r + rl) = r + *st and cos(r + rl) = *w + *ct
 * with the tails not yet added.  Returns tn, whose low bits hold n. */
V_INLINE vf sincosf_parts(vf x, vf *r_out, vf *st, vf *w_out, vf *ct)
{
    const vf shift = VF(0x1.8p23f);
    const vf tn = f_fma(x, VF(TWO_OVER_PI_F), shift);
    const vf n = f_sub(tn, shift);
    const vf a = f_fnma(n, VF(PF1), x); /* exact */
    const vf p2 = f_mul(n, VF(PF2));
    const vf p2e = f_fms(n, VF(PF2), p2);
    const vf r = f_sub(a, p2);
    const vf rl = f_fnma(n, VF(PF3), f_sub(f_sub(f_sub(a, r), p2), p2e));

    const vf z = f_mul(r, r);
    const vf hr = f_mul(r, VF(0.5f));
    const vf w = f_fnma(r, hr, VF(1.0f));
    const vf e1 = f_fnma(r, hr, f_sub(VF(1.0f), w)); /* 1 - w is exact */
    vf ps = f_fma(z, VF(0x1.6c184ep-19f), VF(-0x1.a00c4p-13f));
    ps = f_fma(ps, z, VF(0x1.111104p-7f));
    ps = f_fma(ps, z, VF(-0x1.555556p-3f));
    *st = f_fma(f_mul(z, r), ps, f_mul(rl, w));
    vf pc = f_fma(z, VF(0x1.990572p-16f), VF(-0x1.6c08e4p-10f));
    pc = f_fma(pc, z, VF(0x1.555544p-5f));
    *ct = f_fma(f_mul(z, z), pc, f_fnma(r, rl, e1));
    *r_out = r;
    *w_out = w;
    return tn;
}

V_INLINE vf sincosf_core(vf x, int cos_shift)
{
    vf r, st, w, ct;
    const vf tn = sincosf_parts(x, &r, &st, &w, &ct);
    const vf sinr = f_add(r, st), cosr = f_add(w, ct);
    const vfi q = fi_add(f_bits(tn), VFI(cos_shift));
    const vfm swap = fm_from_sign(fi_slli(q, 31));
    const vf neg = fi_as_f(fi_slli(fi_srli(q, 1), 31));
    return f_xor(f_blend(swap, sinr, cosr), neg);
}

#define NAME64 V_NAME(sin_f64)
#define NAME32 V_NAME(sin_f32)
#define CORE(v) sincos_core(v, 0)
#define COREF(v) sincosf_core(v, 0)
#define FAST64(v) d_abs_le(v, 0x1p20)
#define FASTF(v) f_abs_in(v, 0x1p20f)
#define SLOW(a) sin(a)
#define FLAGS(a, r) nc__vm_flags_trig(a)
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(cos_f64)
#define NAME32 V_NAME(cos_f32)
#define CORE(v) sincos_core(v, 1)
#define COREF(v) sincosf_core(v, 1)
#define FAST64(v) d_abs_le(v, 0x1p20)
#define FASTF(v) f_abs_in(v, 0x1p20f)
#define SLOW(a) cos(a)
#define FLAGS(a, r) nc__vm_flags_trig(a)
#include "math/simd_array.inc.c"

#include "math/simd_cores_trig.inc.c"
#include "math/simd_cores_explog.inc.c"

/* --- the table --------------------------------------------------------- */
static const nc_vmath impl = {
    V_IMPL_NAME,
    {V_NAME(exp_f64), V_NAME(log_f64), V_NAME(sin_f64), V_NAME(cos_f64), V_NAME(tanh_f64),
     XL_TABLE_F64},
    {V_NAME(exp_f32), V_NAME(log_f32), V_NAME(sin_f32), V_NAME(cos_f32), V_NAME(tanh_f32),
     XL_TABLE_F32},
    /* trig (simd_cores_trig.inc.c) */
    .f64[NC_VM_TAN] = V_NAME(tan_f64), .f32[NC_VM_TAN] = V_NAME(tan_f32),
    .f64[NC_VM_ARCTAN] = V_NAME(atan_f64), .f32[NC_VM_ARCTAN] = V_NAME(atan_f32),
    .f64[NC_VM_ARCSIN] = V_NAME(asin_f64), .f32[NC_VM_ARCSIN] = V_NAME(asin_f32),
    .f64[NC_VM_ARCCOS] = V_NAME(acos_f64), .f32[NC_VM_ARCCOS] = V_NAME(acos_f32),
    .f64b[NC_VM2_ARCTAN2] = V_NAME(atan2_f64), .f32b[NC_VM2_ARCTAN2] = V_NAME(atan2_f32),
};
