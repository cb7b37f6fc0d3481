/* simd_cores_explog.inc.c: vector cores and kernels of exp2, expm1, log2,
 * log10, log1p, sinh, cosh, arcsinh, arccosh, arctanh and cbrt, written in
 * the width-generic vocabulary (simd_vec256.h / simd_vec512.h) and included
 * by simd_cores.inc.c, whose helpers (round_mul, exp2_frac, expm1_q,
 * fast2sum, d_quot, ...) they reuse.
 *
 * Invariant: every float64 core is within 1 ulp on its fast range (measured
 * maxima in docs/design/simd_math.md).  The float32 kernels have their own
 * cores: native float ones (exp2, expm1, sinh, cosh, log2, log10, log1p,
 * cbrt) or cheap double ones (arcsinh, arccosh, arctanh), each within 1 ulp
 * by an exhaustive sweep of every float (tests/c/sweep_f32.c).  Fast ranges stop where a
 * result would overflow, be subnormal or be special, so the lanes that
 * raise flags all go to the scalar functions (vmath_explog.h), which also
 * decide the flags.
 *
 * Building blocks:
 *   exp_dd   e^y / 2 as a double-double (the exp table reduction with the
 *            reduced argument and the polynomial each kept in two parts),
 *            for sinh and cosh;
 *   log_dd   C log(uh + ul) + kx K with C, K given as hi + lo (natural log,
 *            log2, log10): fdlibm's log1p(f) = f - f^2/2 + s (f^2/2 + R)
 *            on the reduced mantissa, with f - f^2/2 and the product by C
 *            split exactly, so only the last addition rounds visibly.  An
 *            argument given as uh + ul (1 + x for log1p, x + sqrt(x^2 + 1)
 *            for arcsinh, ...) contributes ul / uh, which is all of
 *            log(1 + ul/uh) at this precision. */

#include "math/vmath_explog.h"

#define XL_LN2_HI LN2_HI
#define XL_LN2_LO LN2_LO
#define XL_LOG2E_HI 0x1.71547652b82fep+0
#define XL_LOG2E_LO 0x1.777d0ffda0d24p-56
#define XL_LOG10E_HI 0x1.bcb7b1526e50ep-2
#define XL_LOG10E_LO 0x1.95355baaafad3p-57
/* log10(2) = HI + LO with HI 41 bits long, so k HI is exact for |k| < 2^11 */
#define XL_LG2_HI 0x1.34413509f8000p-2
#define XL_LG2_LO (-0x1.80433b83b532ap-44)
#define XL_LN2 0x1.62e42fefa39efp-1
#define XL_LN2_TAIL 0x1.abc9e3b39803fp-56

V_INLINE vd xl_sqrt(vd a)
{
#if VW == 8
    return _mm512_sqrt_pd(a);
#else
    return _mm256_sqrt_pd(a);
#endif
}

/* 2Sum: a + b = *s + *e exactly, whatever the magnitudes. */
V_INLINE void xl_two_sum(vd a, vd b, vd *s, vd *e)
{
    *s = d_add(a, b);
    const vd bv = d_sub(*s, a);
    *e = d_add(d_sub(a, d_sub(*s, bv)), d_sub(b, bv));
}

/* --- exp2 ----------------------------------------------------------------- */
/* x = n/N + r, |r| <= 1/2N, r exact (x and n/N are both multiples of the
 * smaller of their ulps); 2^r = e^t, t = r ln2 carried as t + tl.  The
 * result 2^k 2^(j/N) (1 + p) is normal for |x| <= 1020. */
V_INLINE vd exp2_core(vd x)
{
    vi bits;
    const vd n = round_mul(x, (double)EXP_N, &bits);
    const vd r = d_fnma(n, VD(1.0 / EXP_N), x);
    const vd t = d_mul(r, VD(XL_LN2));
    const vd tl = d_fma(r, VD(XL_LN2_TAIL), d_fms(r, VD(XL_LN2), t));
    const vd p = d_add(t, d_fma(d_mul(t, t), expm1_q(t, 0), tl));
    vd thi, tlo;
    exp2_frac(bits, &thi, &tlo);
    const vd res = d_add(thi, d_fma(thi, p, tlo));
    const vi k = i_slli(i_srli(bits, V_EXP_TBITS), 52);
    return i_as_d(i_add(d_bits(res), k));
}

/* float32, native: x = n + r, n = round(x) by the 1.5 2^23 shifter and
 * r = x - n exact, |r| <= 1/2.  2^r = 1 + r ln2 + r^2 q(r), q a degree-4
 * weighted minimax fit with float coefficients (2^-28.3 of 2^r).  r ln2 =
 * h + hl with h = RN(r LN2F_HI) and hl its FMA error plus r LN2F_LO, so the
 * linear term is exact to 2^-48; 1 + h is split exactly by Fast2Sum (|h| <
 * 1) and the small terms are added to its error before the last addition,
 * so only that rounding is large (exhaustive: see docs/design/simd_math.md).
 * n is added into the exponent bits: for -125 <= x <= 127 the result is
 * normal and finite; integers give 2^n exactly (r = 0, p = 1). */
V_INLINE vf exp2f_core(vf x)
{
    const vf shift = VF(0x1.8p23f);
    const vf t = f_add(x, shift);
    const vf r = f_sub(x, f_sub(t, shift));
    const vf h = f_mul(r, VF(LN2F_HI));
    const vf hl = f_fma(r, VF(LN2F_LO), f_fms(r, VF(LN2F_HI), h));
    vf q = f_fma(r, VF(0x1.4160280p-13f), VF(0x1.5f02fep-10f));
    q = f_fma(q, r, VF(0x1.3b2deap-7f));
    q = f_fma(q, r, VF(0x1.c6af8ap-5f));
    q = f_fma(q, r, VF(0x1.ebfbdcp-3f));
    const vf t1 = f_fma(f_mul(r, r), q, hl);
    return expf_scale_sum(h, t1, t);
}

#define NAME64 V_NAME(exp2_f64)
#define NAME32 V_NAME(exp2_f32)
#define CORE(v) exp2_core(v)
#define COREF(v) exp2f_core(v)
#define FAST64(v) d_abs_le(v, 1020.0)
#define FASTF(v) fm_and(f_ge(v, VF(-125.0f)), f_le(v, VF(127.0f)))
#define SLOW(a) nc__sl_exp2(a)
#define FLAGS(a, r) nc__vm_flags_exp2(a, r)
#include "math/simd_array.inc.c"

/* --- expm1 ---------------------------------------------------------------- */
/* e^x - 1 = (th - 1) + th ph + (th pl + tl (1 + ph)) with th + tl =
 * 2^k 2^(j/N) and ph + pl = expm1(r) as in tanh_core, but k may be negative
 * here: th - 1 is split by 2Sum (exact only for th >= 1/2).  |x| <= 708
 * keeps 2^k normal; x = -0 gives -0 by the final blend (r = -0 + 0 loses
 * it). */
V_INLINE vd expm1_core(vd x)
{
    vd ph, pl, th, tl;
    exp_split(x, 0, &ph, &pl, &th, &tl);
    vd h, he;
    xl_two_sum(th, VD(-1.0), &h, &he);
    const vd s1 = d_mul(th, ph);
    const vd e1 = d_fms(th, ph, s1);
    /* |h| >= ln2/N > |s1| unless h = 0, so Fast2Sum is exact */
    vd eh, e2;
    fast2sum(h, s1, &eh, &e2);
    const vd el = d_add(d_add(d_add(e2, e1), he), d_fma(th, pl, d_fma(tl, ph, tl)));
    return d_blend(d_eq(x, VD(0.0)), d_add(eh, el), x);
}

/* max(a, b); b where either is NaN (float lanes) */
V_INLINE vf xe_fmax(vf a, vf b)
{
#if VW == 8
    return _mm512_max_ps(a, b);
#else
    return _mm256_max_ps(a, b);
#endif
}

/* float32, native: x >= -18 (clamped: below -17.33 the result rounds to
 * -1) = n ln2 + rh + rl as in expf_core, with n >= -24 (clamped too: where
 * that leaves rh down to -1.37, e^x < 2^-24 and the polynomial is still
 * far more accurate than that ulp needs).  expm1(rh + rl) = rh + t1, t1 =
 * rh^2 (q(rh) + rl/2) + rl (1 + rh), q a degree-5 fit of (e^r - 1 - r)/r^2
 * weighted for expm1's relative error (2^-31 with float coefficients).
 * expm1(x) = (2^n - 1) + 2^n rh + 2^n t1, where 2^n rh and 2^n t1 are
 * exact scalings; T = RN(2^n - 1) is exact for -24 <= n <= 24, and its
 * error Te (-1 above) is (2^n - T) - 1, exact either way;
 * |T| >= |2^n rh| (n != 0; for n = 0, T = 0), so T + 2^n rh is split
 * exactly by Fast2Sum too, and the small parts are added before the last
 * rounding: no cancellation is visible, even for n = 1 where the result
 * falls to 0.41.  The sums are written as differences so that x = -0
 * gives -0 (-0 - +0) with no blend.  x <= 88 keeps 2^n (n <= 127)
 * finite. */
V_INLINE vf expm1f_core(vf x)
{
    const vf xc = xe_fmax(x, VF(-18.0f));
    const vf shift = VF(0x1.8p23f);
    const vf tn = xe_fmax(f_fma(xc, VF(LOG2E_F), shift), VF(0x1.8p23f - 24.0f));
    const vf n = f_sub(tn, shift);
    const vf rh = f_fnma(n, VF(LN2F_HI), xc);
    const vf rl = f_mul(n, VF(-LN2F_LO));
    vf q = f_fma(rh, VF(0x1.9e7796p-13f), VF(0x1.6d3a44p-10f));
    q = f_fma(q, rh, VF(0x1.1112d6p-7f));
    q = f_fma(q, rh, VF(0x1.5554f8p-5f));
    q = f_fma(q, rh, VF(0x1.555554p-3f));
    q = f_fma(q, rh, VF(0.5f));
    const vf t1 = f_fma(f_mul(rh, rh), f_fma(rl, VF(0.5f), q), f_fma(rl, rh, rl));
    const vf scale = fi_as_f(fi_add(fi_slli(f_bits(tn), 23), VFI(0x3f800000)));
    /* with Tn = -T: S = A - Tn, nlo = -(low part), result S - nlo; the
     * subtractions keep -0 (x = -0: S = -0 - +0, nlo = +0) */
    const vf Tn = f_sub(VF(1.0f), scale);
    const vf nTe = f_sub(VF(1.0f), f_add(scale, Tn));
    const vf A = f_mul(scale, rh);
    const vf S = f_sub(A, Tn);
    const vf nSe = f_sub(f_add(S, Tn), A);
    return f_sub(S, f_fnma(scale, t1, f_add(nSe, nTe)));
}

#define NAME64 V_NAME(expm1_f64)
#define NAME32 V_NAME(expm1_f32)
#define CORE(v) expm1_core(v)
#define COREF(v) expm1f_core(v)
#define FAST64(v) d_abs_le(v, 708.0)
#define FASTF(v) f_le(v, VF(88.0f))
#define SLOW(a) nc__sl_expm1(a)
#define FLAGS(a, r) nc__vm_flags_exp(a, r)
#include "math/simd_array.inc.c"

/* --- log family ----------------------------------------------------------- */
/* C log(uh + ul) + kx K for positive normal finite uh (|ul| <= ulp(uh)):
 * see the header.  has_lo is a constant: 0 drops the ul / uh term. */
V_INLINE vd log_dd(vd uh, vd ul, vd kx, int has_lo, double ch, double cl,
                                 double kh, double kl)
{
    const vi u = d_bits(uh);
    /* the split of log_core: m = uh / 2^k in [sqrt(2)/2, sqrt(2)) */
    const vi t = i_add(u, VI(0x95f619980c433LL));
    const vi kb = i_srli(t, 52);
    const vi mb = i_add(i_sub(u, i_slli(kb, 52)), VI(0x3ff0000000000000LL));
    const vd k = d_add(d_sub(i_as_d(i_or(kb, VI(0x4330000000000000LL))), VD(0x1p52 + 1023)),
                       kx);
    const vd f = d_sub(i_as_d(mb), VD(1.0));
    const vd s = d_quot(f, d_add(VD(2.0), f));
    const vd z = d_mul(s, s), w = d_mul(z, z);
    const vd t1 = d_mul(w, d_fma(w, d_fma(w, VD(LG6), VD(LG4)), VD(LG2)));
    const vd t2 = d_mul(z, d_fma(w, d_fma(w, d_fma(w, VD(LG7), VD(LG5)), VD(LG3)), VD(LG1)));
    const vd R = d_add(t1, t2);
    const vd hf = d_mul(VD(0.5), f);
    const vd hh = d_mul(hf, f);
    const vd he = d_fms(hf, f, hh); /* f^2/2 = hh + he exactly */
    /* f - hh exactly: hh <= 0.21 |f| */
    vd p1, p2;
    fast2sum(f, d_sub(VD(0.0), hh), &p1, &p2);
    vd lo = d_fma(s, d_add(hh, R), d_sub(p2, he));
    if (has_lo)
        lo = d_add(lo, d_quot(ul, uh)); /* full precision: for log1p of x < 2^-52 it is half the result */
    /* (p1 + lo)(ch + cl) + k (kh + kl); k kh is exact and, when k != 0,
     * larger than |p1 ch| (log|m| <= ln(2)/2 in every base), so Fast2Sum
     * applies */
    const vd qh = d_mul(p1, VD(ch));
    const vd qe = d_fms(p1, VD(ch), qh);
    const vd low = d_fma(k, VD(kl), d_fma(lo, VD(ch), d_fma(p1, VD(cl), qe)));
    vd sh, se;
    fast2sum(d_mul(k, VD(kh)), qh, &sh, &se);
    return d_add(sh, d_add(se, low));
}

/* Positive (subnormals included) and finite. */
V_INLINE vm xl_pos_finite(vd x)
{
    return m_and(d_ge(x, VD(0x1p-1074)), d_le(x, VD(0x1.fffffffffffffp1023)));
}

/* log_dd of a positive finite x, subnormals scaled into the normal range */
V_INLINE vd log_base_core(vd x, double ch, double cl, double kh, double kl)
{
    const vm sub = d_le(x, VD(0x1.fffffffffffffp-1023));
    const vd xs = d_blend(sub, x, d_mul(x, VD(0x1p52)));
    const vd kx = d_blend(sub, VD(0.0), VD(-52.0));
    return log_dd(xs, VD(0.0), kx, 0, ch, cl, kh, kl);
}

/* --- float32 log family, native --------------------------------------- */
/* C log(x) + k K for positive normal finite float x, C = ch + cl, K = kh + kl with kh of
 * at most 15 bits (k kh exact: |k| <= 128).  logf_core's reduction: x =
 * 2^k m, m in [sqrt(2)/2, sqrt(2)), f = m - 1 exact, log1p(f) = f - f^2/2 +
 * f^3 R(f) (logf_core's polynomial, 2^-27.7 of the f^3 term).  The
 * invariant is that every term above 2^-24 of the result is kept exact:
 * f - f^2/2 = vh + vl with f^2 = z + hze (FMA) and f - z/2 by Fast2Sum
 * (|f| > z/2); vh C = qh + qe by an FMA (C = 1 skips it); k kh + qh by
 * Fast2Sum (|k kh| >= 0.3 > |qh| for k != 0, and k kh = 0 otherwise).
 * Everything else (vl, f^3 R, the products by cl and kl) is below 2^-22
 * of the result and goes into one low sum added last, so the result
 * carries the final rounding plus a few tenths of an ulp (the polynomial's
 * 2^-26.9 at f = 0.414 is the largest part).
 * log1p mode (has_lo = 1, a constant): x = uh = RN(1 + x1), ul = 1 + x1 -
 * uh exactly; where k = 0, f is x1 itself (uh - 1 + ul, exact, so nothing
 * cancels for tiny x1), elsewhere log(uh + ul) = log(uh) + ul/uh, where
 * ul/uh is < 2^-24 of a result >= 0.34 and the approximate reciprocal
 * (2^-12) is plenty. */
V_INLINE vf logf_dd(vf x, vf ul, vf x1, int has_lo, float ch, float cl, float kh, float kl)
{
    const vfi u = f_bits(x);
    const vfi k = fi_srai(fi_sub(u, VFI(0x3f3504f3)), 23);
    const vf m = fi_as_f(fi_sub(u, fi_slli(k, 23)));
    const vf kf = fi_to_f(k);
    vf f = f_sub(m, VF(1.0f));
    const vfm k0 = f_eq(kf, VF(0.0f));
    if (has_lo)
        f = f_blend(k0, f, x1);
    const vf z = f_mul(f, f);
    const vf R = logf_poly(f, z);
    const vf hz = f_mul(z, VF(0.5f));
    const vf hze = f_fms(f, f, z);
    const vf vh = f_sub(f, hz);
    const vf ve = f_sub(f_sub(f, vh), hz);
    vf vl = f_fma(f_mul(z, f), R, f_fnma(hze, VF(0.5f), ve));
    if (has_lo)
        vl = f_add(vl, f_blend(k0, f_mul(ul, f_recip(x)), VF(0.0f)));
    vf qh = vh, low = f_fma(kf, VF(kl), vl);
    if (ch != 1.0f) {
        qh = f_mul(vh, VF(ch));
        const vf qe = f_fms(vh, VF(ch), qh);
        low = f_fma(kf, VF(kl), f_fma(vl, VF(ch), f_fma(vh, VF(cl), qe)));
    }
    const vf kk = kh == 1.0f ? kf : f_mul(kf, VF(kh));
    const vf sh = f_add(kk, qh);
    const vf se = f_sub(qh, f_sub(sh, kk));
    return f_add(sh, f_add(se, low));
}

/* Positive, normal and finite (log2, log10; subnormals go to libm). */
V_INLINE vfm xlf_pos_normal(vf x)
{
    return fm_and(f_ge(x, VF(0x1p-126f)), f_le(x, VF(0x1.fffffep127f)));
}

#define XLF_LOG2E_HI 0x1.715476p+0f
#define XLF_LOG2E_LO 0x1.4ae0c0p-26f
#define XLF_LOG10E_HI 0x1.bcb7b2p-2f
#define XLF_LOG10E_LO (-0x1.5b235ep-27f)
#define XLF_LG2_HI 0x1.344p-2f /* log10(2), 11 bits */
#define XLF_LG2_LO 0x1.3509f8p-18f

#define NAME64 V_NAME(log2_f64)
#define NAME32 V_NAME(log2_f32)
#define CORE(v) log_base_core(v, XL_LOG2E_HI, XL_LOG2E_LO, 1.0, 0.0)
#define FAST64(v) xl_pos_finite(v)
#define COREF(v) logf_dd(v, v, v, 0, XLF_LOG2E_HI, XLF_LOG2E_LO, 1.0f, 0.0f)
#define FASTF(v) xlf_pos_normal(v)
#define SLOW(a) nc__sl_log2(a)
#define FLAGS(a, r) nc__vm_flags_log(a)
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(log10_f64)
#define NAME32 V_NAME(log10_f32)
#define CORE(v) log_base_core(v, XL_LOG10E_HI, XL_LOG10E_LO, XL_LG2_HI, XL_LG2_LO)
#define FAST64(v) xl_pos_finite(v)
#define COREF(v) logf_dd(v, v, v, 0, XLF_LOG10E_HI, XLF_LOG10E_LO, XLF_LG2_HI, XLF_LG2_LO)
#define FASTF(v) xlf_pos_normal(v)
#define SLOW(a) nc__sl_log10(a)
#define FLAGS(a, r) nc__vm_flags_log(a)
#include "math/simd_array.inc.c"

#define XL_LN(uh, ul, kx) log_dd(uh, ul, kx, 1, 1.0, 0.0, XL_LN2_HI, XL_LN2_LO)

/* log1p(x) = log(uh + ul), 1 + x = uh + ul by 2Sum.  Zeros keep their sign
 * by the blend; other tiny x come out as ul = x exactly. */
V_INLINE vd log1p_core(vd x)
{
    vd uh, ul;
    xl_two_sum(VD(1.0), x, &uh, &ul);
    return d_blend(d_eq(x, VD(0.0)), XL_LN(uh, ul, VD(0.0)), x);
}

/* -1 < x <= DBL_MAX */
V_INLINE vm log1p_fast(vd x)
{
    return m_and(d_ge(x, VD(-0x1.fffffffffffffp-1)), d_le(x, VD(0x1.fffffffffffffp1023)));
}

/* float32 log1p, native: 1 + x = uh + ul by 2Sum (exact), then
 * logf_dd's log1p mode.  uh >= 2^-24 is normal.  ±0 and subnormal
 * x stay out of the fast range (libm keeps the sign of zero and raises
 * underflow). */
V_INLINE vf log1pf_core(vf x)
{
    const vf uh = f_add(VF(1.0f), x);
    const vf bv = f_sub(uh, VF(1.0f));
    const vf ul = f_add(f_sub(VF(1.0f), f_sub(uh, bv)), f_sub(x, bv));
    return logf_dd(uh, ul, x, 1, 1.0f, 0.0f, LN2F_HI_L, LN2F_LO_L);
}

/* -1 < x <= FLT_MAX and |x| >= 2^-126 */
V_INLINE vfm log1pf_fast(vf x)
{
    return fm_and(fm_and(f_ge(x, VF(-0x1.fffffep-1f)), f_le(x, VF(0x1.fffffep127f))),
                  f_ge(f_andnot(VF(-0.0f), x), VF(0x1p-126f)));
}

#define NAME64 V_NAME(log1p_f64)
#define NAME32 V_NAME(log1p_f32)
#define CORE(v) log1p_core(v)
#define FAST64(v) log1p_fast(v)
#define COREF(v) log1pf_core(v)
#define FASTF(v) log1pf_fast(v)
#define SLOW(a) nc__sl_log1p(a)
#define FLAGS(a, r) nc__vm_flags_log1p(a)
#include "math/simd_array.inc.c"

/* --- sinh, cosh ----------------------------------------------------------- */
/* e^y / 2 = *hh + *hl for 0 <= y <= 709 (2^k stays below 2^1023); the
 * expansion of tanh_core without the - 1. */
V_INLINE void exp_dd(vd y, vd *hh, vd *hl)
{
    vd ph, pl, th, tl;
    exp_split(y, 1, &ph, &pl, &th, &tl);
    const vd s1 = d_mul(th, ph);
    const vd e1 = d_fms(th, ph, s1);
    vd eh, e2;
    fast2sum(th, s1, &eh, &e2);
    *hh = eh;
    *hl = d_add(d_add(e2, e1), d_fma(th, pl, d_fma(tl, ph, tl)));
}

/* e^-y / 2 = 1 / (4 (hh + hl)) = *gh + *gl: a quotient and one correction
 * from its remainder (g only needs ~2^-60 relative: it is at most 0.37 of
 * e^y / 2 where it is used with cancellation). */
V_INLINE void exp_neg_dd(vd hh, vd hl, vd *gh, vd *gl)
{
    const vd g0 = d_quot(VD(0.25), hh);
    const vd rem = d_fnma(hl, g0, d_fnma(hh, g0, VD(0.25)));
    *gh = g0;
    *gl = d_mul(d_mul(rem, g0), VD(4.0));
}

/* sinh|x| = x + x^3 P(x^2) (Taylor to x^15, truncation 2^-64) for |x| < 1/2,
 * else e^|x|/2 - e^-|x|/2 in double-double; the sign is or-ed back. */
V_INLINE vd sinh_core(vd x)
{
    const vd a = d_abs(x);
    const vd z = d_mul(x, x);
    vd P = d_fma(z, VD(1.0 / 1307674368000.0), VD(1.0 / 6227020800.0));
    P = d_fma(P, z, VD(1.0 / 39916800.0));
    P = d_fma(P, z, VD(1.0 / 362880.0));
    P = d_fma(P, z, VD(1.0 / 5040.0));
    P = d_fma(P, z, VD(1.0 / 120.0));
    P = d_fma(P, z, VD(1.0 / 6.0));
    const vd small = d_fma(d_mul(z, x), P, x);
    vd hh, hl, gh, gl, s, e;
    exp_dd(a, &hh, &hl);
    exp_neg_dd(hh, hl, &gh, &gl);
    fast2sum(hh, d_sub(VD(0.0), gh), &s, &e);
    const vd big = d_or(d_add(s, d_add(e, d_sub(hl, gl))), d_and(x, VD(-0.0)));
    return d_blend(d_le(a, VD(0.5)), big, small);
}

V_INLINE vd cosh_core(vd x)
{
    vd hh, hl, gh, gl, s, e;
    exp_dd(d_abs(x), &hh, &hl);
    exp_neg_dd(hh, hl, &gh, &gl);
    fast2sum(hh, gh, &s, &e);
    return d_add(s, d_add(e, d_add(hl, gl)));
}

/* float32, native: sinh|x| (odd = 1) or cosh x (odd = 0) for |x| <= 86.5.
 * |x| = n ln2 + rh + rl as in expf_core (0 <= n <= 125); with h = 2^(n-1)
 * and g = 2^(-n-1) (normal), cosh = h e^r + g e^-r and sinh|x| = h e^r -
 * g e^-r.  e^(+-r) = 1 +- rh + pe +- po with the even part pe = z qe(z) +
 * rl rh and the odd part po = rh z qo(z) + rl (1 + z/2), z = rh^2, qe and
 * qo degree-2 fits of (cosh r - 1)/r^2 and (sinh r - r)/r^3 (2^-33 and
 * 2^-34, the latter relative to sinh r).  So the result is v C + u Sr,
 * C = 1 + pe, Sr = rh + po, with (v, u) = (h + g, h - g) for cosh and
 * (h - g, h + g) for sinh; the parts of it larger than 2^-3 of the result
 * are kept exact until the last addition:
 *   sinh: h - g = H1 + H1e (Fast2Sum, h >= g), u rh = P + Pe (FMA), H1 + P
 *   = S + Se (Fast2Sum: |H1| >= |P|, or H1 = 0 when n = 0, where sinh is
 *   rh + po with full relative accuracy), and u's own rounding error (n >=
 *   12) times rh;
 *   cosh: h + h rh = S + Se (Fast2Sum; h rh exact), and g - g rh + v pe +
 *   u po, all below 0.5 of the result, summed before the last rounding
 *   (the largest rounding in it, ~2^-25 at n = 0, is 1/8 ulp).
 * sinh gets the sign of x or-ed back (-0 gives -0). */
V_INLINE vf sinhcoshf_core(vf x, int odd)
{
    const vf ax = f_andnot(VF(-0.0f), x);
    const vf shift = VF(0x1.8p23f);
    const vf tn = f_fma(ax, VF(LOG2E_F), shift);
    const vf n = f_sub(tn, shift);
    const vf rh = f_fnma(n, VF(LN2F_HI), ax);
    const vf rl = f_mul(n, VF(-LN2F_LO));
    const vf z = f_mul(rh, rh);
    const vf qe = f_fma(f_fma(z, VF(0x1.6d4f10p-10f), VF(0x1.5554e6p-5f)), z, VF(0.5f));
    const vf qo = f_fma(f_fma(z, VF(0x1.a2e338p-13f), VF(0x1.110fbep-7f)), z, VF(0x1.555556p-3f));
    const vf pe = f_fma(z, qe, f_mul(rl, rh));
    const vf po = f_fma(z, f_fma(rh, qo, f_mul(n, VF(-0.5f * LN2F_LO))), rl);
    const vfi ns = fi_slli(f_bits(tn), 23);
    const vf h = fi_as_f(fi_add(ns, VFI(0x3f000000)));
    const vf g = fi_as_f(fi_sub(VFI(0x3f000000), ns));
    if (odd) {
        const vf H1 = f_sub(h, g);
        const vf H1e = f_sub(f_sub(h, H1), g);
        const vf u = f_add(h, g);
        const vf ue = f_sub(g, f_sub(u, h));
        const vf P = f_mul(u, rh);
        const vf Pe = f_fms(u, rh, P);
        const vf S = f_add(H1, P);
        const vf Se = f_sub(P, f_sub(S, H1));
        vf lo = f_fma(ue, rh, f_add(f_add(Se, Pe), H1e));
        lo = f_fma(u, po, f_fma(H1, pe, lo));
        return f_or(f_add(S, lo), f_and(x, VF(-0.0f)));
    }
    const vf P = f_mul(h, rh);
    const vf S = f_add(h, P);
    const vf Se = f_sub(P, f_sub(S, h));
    vf lo = f_fnma(g, rh, Se);
    lo = f_fma(f_sub(h, g), po, f_fma(f_add(h, g), pe, lo));
    return f_add(S, f_add(lo, g));
}

#define NAME64 V_NAME(sinh_f64)
#define NAME32 V_NAME(sinh_f32)
#define CORE(v) sinh_core(v)
#define COREF(v) sinhcoshf_core(v, 1)
#define FAST64(v) d_abs_le(v, 709.0)
#define FASTF(v) f_abs_le(v, 86.5f)
#define SLOW(a) nc__sl_sinh(a)
#define FLAGS(a, r) nc__vm_flags_exp(a, r)
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(cosh_f64)
#define NAME32 V_NAME(cosh_f32)
#define CORE(v) cosh_core(v)
#define COREF(v) sinhcoshf_core(v, 0)
#define FAST64(v) d_abs_le(v, 709.0)
#define FASTF(v) f_abs_le(v, 86.5f)
#define SLOW(a) nc__sl_cosh(a)
#define FLAGS(a, r) nc__vm_flags_exp(a, r)
#include "math/simd_array.inc.c"

/* --- arcsinh, arccosh, arctanh -------------------------------------------- */
/* sqrt(ah + al) = *qh + *ql for ah > 0: the remainder ah - qh^2 is exact by
 * FMA for the correctly rounded qh. */
V_INLINE void sqrt_dd(vd ah, vd al, vd *qh, vd *ql)
{
    *qh = xl_sqrt(ah);
    const vd rem = d_add(d_fnma(*qh, *qh, ah), al);
    *ql = d_quot32(d_mul(rem, VD(0.5)), *qh);
}

/* asinh|x| = log(|x| + sqrt(x^2 + 1)) with the argument as a double-double
 * (so near 0, where the log is ~|x|, the cancellation in log1p costs
 * nothing); above 2^28, log(2|x|) (the 1/(4x^2) dropped is < 2^-58 of it)
 * with the 2 as one more power in k; below 2^-28, x itself. */
V_INLINE vd asinh_core(vd x)
{
    const vd a = d_abs(x);
    const vm big = d_ge(a, VD(0x1p28));
    const vd a2 = d_mul(a, a), a2l = d_fms(a, a, a2);
    vd sh, se, qh, ql, vh, ve;
    xl_two_sum(VD(1.0), a2, &sh, &se);
    sqrt_dd(sh, d_add(se, a2l), &qh, &ql);
    xl_two_sum(a, qh, &vh, &ve);
    const vd uh = d_blend(big, vh, a);
    const vd ul = d_blend(big, d_add(ve, ql), VD(0.0));
    const vd r = d_or(XL_LN(uh, ul, d_blend(big, VD(0.0), VD(1.0))), d_and(x, VD(-0.0)));
    return d_blend(d_le(a, VD(0x1p-28)), r, x);
}

/* acosh x = log(x + sqrt(x^2 - 1)), x^2 - 1 as a double-double (exact near
 * 1, where everything hinges on it); log(2x) above 2^28; +0 at 1. */
V_INLINE vd acosh_core(vd x)
{
    const vm big = d_ge(x, VD(0x1p28));
    const vd x2 = d_mul(x, x), x2l = d_fms(x, x, x2);
    vd dh, de, qh, ql, vh, ve;
    xl_two_sum(x2, VD(-1.0), &dh, &de);
    sqrt_dd(dh, d_add(de, x2l), &qh, &ql);
    fast2sum(x, qh, &vh, &ve); /* x >= sqrt(x^2 - 1) */
    const vd uh = d_blend(big, vh, x);
    const vd ul = d_blend(big, d_add(ve, ql), VD(0.0));
    const vd r = XL_LN(uh, ul, d_blend(big, VD(0.0), VD(1.0)));
    return d_blend(d_eq(x, VD(1.0)), r, VD(0.0));
}

/* atanh|x| = log((1 + |x|)/(1 - |x|)) / 2 = log(1 + t) / 2, t = 2|x| / (1 -
 * |x|) as a double-double from the quotient's remainder; x itself below
 * 2^-28 (the x^3/3 dropped is < 2^-56 of it). */
V_INLINE vd atanh_core(vd x)
{
    const vd a = d_abs(x);
    const vd a2 = d_add(a, a);
    vd dh, dl, uh, ue;
    fast2sum(VD(1.0), d_sub(VD(0.0), a), &dh, &dl);
    const vd q0 = d_quot(a2, dh);
    const vd rem = d_fnma(q0, dl, d_fnma(q0, dh, a2));
    const vd ql = d_quot32(rem, dh);
    xl_two_sum(VD(1.0), q0, &uh, &ue);
    const vd r = d_mul(XL_LN(uh, d_add(ue, ql), VD(0.0)), VD(0.5));
    return d_blend(d_le(a, VD(0x1p-28)), d_or(r, d_and(x, VD(-0.0))), x);
}

V_INLINE vm xl_finite(vd x)
{
    return d_abs_le(x, 0x1.fffffffffffffp1023);
}

/* --- float32 arcsinh, arccosh, arctanh in plain double ------------------ */
/* A float32 result only needs ~2^-30 relative accuracy of a double
 * computation (each 2^-28 costs at most 1/8 ulp on top of the final
 * rounding's 1/2), so these cores drop the double-double compensation of
 * the float64 cores: rounded doubles throughout, reciprocals and square
 * roots from vrcp14pd / vrsqrt14pd with one Newton step (2^-28 relative) on
 * AVX-512, divisions and vsqrtpd on AVX2. */

/* sqrt(v) for positive normal v: s = v y with y ~ 1/sqrt(v) and one
 * Newton step s (1 + (1/2 - s y/2)), relative error 1.5 e^2 <= 2^-27.4 */
V_INLINE vd xl_sqrt32(vd v)
{
#if VW == 8
    const vd y = _mm512_rsqrt14_pd(v);
    const vd s = d_mul(v, y);
    return d_fma(s, d_fnma(s, d_mul(y, VD(0.5)), VD(0.5)), s);
#else
    return xl_sqrt(v);
#endif
}

/* log(u) for positive normal finite u, to ~2^-33 of the result: log_dd's
 * split u = 2^k m, m in [sqrt(2)/2, sqrt(2)), f = m - 1 exact, and
 * log1p(f) = f - f^2/2 + s (f^2/2 + R(s^2)), s = f/(2 + f), R the Taylor
 * series of 2 atanh(s)/s - 2 to z^5 (z = s^2 <= 0.0295; the first term
 * left out is 2^-34 of the result).  s from d_quot32 (2^-28) only enters
 * the term s (f^2/2 + R), which is < 4.3% of the result: 2^-32.5.  k ln2
 * is added by one FMA; where it cancels against log(m) (k = -1, m near
 * sqrt(2)) the result is still >= 0.34, so the double roundings are far
 * below 2^-30 of it. */
#if VW == 8
/* AVX-512: u = 2^k m, m in [1, 2) (vgetexppd, vgetmantpd), j = the top
 * four bits of m's fraction, c_j = 1 for j = 0, else the middle of m's
 * interval; r = m / c_j - 1 = RN(m invc_j - 1) (one FMA, 2^-53 of r),
 * |r| < 1/16 for j = 0 and < 0.0295 otherwise, log1p(r) by its Taylor
 * series to r^8 (the first term left out is 2^-35 of it for j = 0; for
 * j > 0 it is < 2^-44 absolute, and there the result is >= log(17/16)
 * unless k != 0); log c_j = -log(invc_j) to double precision.  Every
 * caller's u is >= 1 + 2^-12 (the series take smaller arguments), so an
 * absolute error of 2^-44 stays below 2^-31 of the result; j = 0 and k = 0
 * is log1p(r) itself, relative. */
static const double xl_ln32_invc[16] = {
    0x1.0000000000000p+0, 0x1.d41d41d41d41dp-1, 0x1.bacf914c1bad0p-1, 0x1.a41a41a41a41ap-1,
    0x1.8f9c18f9c18fap-1, 0x1.7d05f417d05f4p-1, 0x1.6c16c16c16c17p-1, 0x1.5c9882b931057p-1,
    0x1.4e5e0a72f0539p-1, 0x1.4141414141414p-1, 0x1.3521cfb2b78c1p-1, 0x1.29e4129e4129ep-1,
    0x1.1f7047dc11f70p-1, 0x1.15b1e5f75270dp-1, 0x1.0c9714fbcda3bp-1, 0x1.0410410410410p-1};
static const double xl_ln32_logc[16] = {
    0x0.0p+0, 0x1.6f0d28ae56b4ep-4, 0x1.29552f81ff521p-3, 0x1.9525a9cf456b6p-3,
    0x1.fb9186d5e3e29p-3, 0x1.2e8e2bae11d31p-2, 0x1.5d1bdbf5809cap-2, 0x1.89a3386c1425bp-2,
    0x1.b44f77bcc8f64p-2, 0x1.dd46a04c1c4a1p-2, 0x1.02552a5a5d0ffp-1, 0x1.154c3d2f4d5eap-1,
    0x1.2795e1289b11bp-1, 0x1.393e0d3562a1ap-1, 0x1.4a4f85db03ebbp-1, 0x1.5ad404c359f2dp-1};
V_INLINE vd xl_ln32(vd u)
{
    const vd k = _mm512_getexp_pd(u);
    const vd m = _mm512_getmant_pd(u, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_zero);
    const vi j = i_srli(d_bits(m), 48);
    const vd r = d_fms(m, d_lookup16(xl_ln32_invc, j), VD(1.0));
    vd p = d_fma(r, VD(-1.0 / 8), VD(1.0 / 7));
    p = d_fma(p, r, VD(-1.0 / 6));
    p = d_fma(p, r, VD(1.0 / 5));
    p = d_fma(p, r, VD(-1.0 / 4));
    p = d_fma(p, r, VD(1.0 / 3));
    p = d_fma(p, r, VD(-1.0 / 2));
    p = d_fma(d_mul(r, r), p, r);
    return d_add(d_fma(k, VD(XL_LN2), d_lookup16(xl_ln32_logc, j)), p);
}
#else
V_INLINE vd xl_ln32(vd u)
{
    const vi ub = d_bits(u);
    const vi t = i_add(ub, VI(0x95f619980c433LL));
    const vi kb = i_srli(t, 52);
    const vi mb = i_add(i_sub(ub, i_slli(kb, 52)), VI(0x3ff0000000000000LL));
    const vd k = d_sub(i_as_d(i_or(kb, VI(0x4330000000000000LL))), VD(0x1p52 + 1023));
    const vd f = d_sub(i_as_d(mb), VD(1.0));
    const vd s = d_quot32(f, d_add(VD(2.0), f));
    const vd z = d_mul(s, s);
    vd R = d_fma(z, VD(2.0 / 11), VD(2.0 / 9));
    R = d_fma(R, z, VD(2.0 / 7));
    R = d_fma(R, z, VD(2.0 / 5));
    R = d_fma(R, z, VD(2.0 / 3));
    R = d_mul(R, z);
    const vd hfsq = d_mul(d_mul(VD(0.5), f), f);
    const vd l = d_fma(s, d_add(hfsq, R), d_sub(f, hfsq));
    return d_fma(k, VD(XL_LN2), l);
}
#endif

/* asinh|x| = log1p(t), t = |x| + x^2 / (1 + sqrt(1 + x^2)): the square
 * root's and the quotient's 2^-27 only reach the second term, < t/2, so t
 * is within 2^-27.7 of itself, and log1p's sensitivity t/((1+t) log1p(t))
 * is <= 1; 1 + t rounds by 2^-53 absolute, < 2^-42 of the result for
 * |x| >= 2^-10.  Below 2^-10: |x| - |x|^3/6 + 3|x|^5/40 (the next term is
 * 2^-64 of it).  Every float squares without overflow in double. */
V_INLINE vd asinh32_core(vd x)
{
    const vd a = d_abs(x);
    const vd z = d_mul(a, a);
    const vd q = xl_sqrt32(d_add(z, VD(1.0)));
    const vd t = d_fma(z, d_quot32(VD(1.0), d_add(q, VD(1.0))), a);
    const vd big = xl_ln32(d_add(VD(1.0), t));
    const vd small = d_fma(d_mul(a, z), d_fma(z, VD(3.0 / 40), VD(-1.0 / 6)), a);
    return d_or(d_blend(d_le(a, VD(0x1p-10)), big, small), d_and(x, VD(-0.0)));
}

/* acosh x = log(x + sqrt(x^2 - 1)) for x >= 1: x^2 - 1 is exact (one FMA)
 * for x < 2^26 and rounded harmlessly above; near 1 the result is ~sqrt(
 * x^2 - 1), whose 2^-27.4 is all the error, and x + sqrt rounds by 2^-53,
 * < 2^-42 of a result >= acosh(1 + 2^-23).  At x = 1 the radicand gets
 * 2^-300 (invisible elsewhere), so the reciprocal square root stays
 * finite and log(1) = +0 comes out exactly. */
V_INLINE vd acosh32_core(vd x)
{
    const vd v = d_add(d_fms(x, x, VD(1.0)), VD(0x1p-300));
    return xl_ln32(d_add(x, xl_sqrt32(v)));
}

/* atanh|x| = log1p(t) / 2, t = 2|x| / (1 - |x|) (1 - |x| exact for a
 * float |x|), t within 2^-28 of itself; 1 + t rounds by 2^-53 absolute,
 * < 2^-42 of the result for |x| >= 2^-10.  Below: |x| + |x|^3/3 +
 * |x|^5/5 (next term 2^-62 of it). */
V_INLINE vd atanh32_core(vd x)
{
    const vd a = d_abs(x);
    const vd t = d_quot32(d_add(a, a), d_sub(VD(1.0), a));
    const vd big = d_mul(xl_ln32(d_add(VD(1.0), t)), VD(0.5));
    const vd z = d_mul(a, a);
    const vd small = d_fma(d_mul(a, z), d_fma(z, VD(0.2), VD(1.0 / 3)), a);
    return d_or(d_blend(d_le(a, VD(0x1p-10)), big, small), d_and(x, VD(-0.0)));
}

#define NAME64 V_NAME(asinh_f64)
#define NAME32 V_NAME(asinh_f32)
#define CORE(v) asinh_core(v)
#define CORE32(v) asinh32_core(v)
#define FAST64(v) xl_finite(v)
#define FAST32(v) xl_finite(v)
#define SLOW(a) nc__sl_asinh(a)
#define FLAGS(a, r) 0
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(acosh_f64)
#define NAME32 V_NAME(acosh_f32)
#define CORE(v) acosh_core(v)
#define CORE32(v) acosh32_core(v)
#define FAST64(v) m_and(d_ge(v, VD(1.0)), d_le(v, VD(0x1.fffffffffffffp1023)))
#define FAST32(v) m_and(d_ge(v, VD(1.0)), d_le(v, VD(0x1.fffffffffffffp1023)))
#define SLOW(a) nc__sl_acosh(a)
#define FLAGS(a, r) nc__vm_flags_acosh(a)
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(atanh_f64)
#define NAME32 V_NAME(atanh_f32)
#define CORE(v) atanh_core(v)
#define CORE32(v) atanh32_core(v)
#define FAST64(v) d_abs_le(v, 0x1.fffffffffffffp-1)
#define FAST32(v) d_abs_le(v, 0x1.fffffffffffffp-1)
#define SLOW(a) nc__sl_atanh(a)
#define FLAGS(a, r) nc__vm_flags_atanh(a)
#define PAD 0.5
#include "math/simd_array.inc.c"

/* --- cbrt ----------------------------------------------------------------- */
/* |x| = 2^(3n + r) a, r in {-1, 0, 1}, a = m 2^r with m in [1, 2) (the
 * exponent divided by 3 by rounding e/3 with the 1.5 2^52 shifter; no
 * integer division).  y0 = P(m) 2^(r/3) to 2^-13 (P a degree-3 Chebyshev
 * fit), one Halley step y (y^3 + 2a) / (2y^3 + a) to ~2^-39, and a last
 * Newton step y + (a - y^3)/(3y^2) with a - y^3 from exact products, so
 * only the final addition rounds visibly.  Normal finite nonzero x only
 * (cbrt_fast): zeros and subnormals, rare, go to the scalar function, which
 * keeps the blends that handled them out of every vector. */
V_INLINE vd cbrt_core(vd x)
{
    const vd ax = d_abs(x);
    const vi u = d_bits(ax);
    const vd e = d_sub(i_as_d(i_or(i_srli(u, 52), VI(0x4330000000000000LL))), VD(0x1p52 + 1023));
    const vd m = i_as_d(i_or(i_and(u, VI(0x000fffffffffffffLL)), VI(0x3ff0000000000000LL)));
    vi nbits;
    const vd n = round_mul(e, 1.0 / 3, &nbits);
    const vd r = d_fnma(n, VD(3.0), e);
    /* 2^r and 2^(r/3) for r in {-1, 0, 1}, as quadratics in r */
    const vd a = d_mul(m, d_fma(r, d_fma(r, VD(0.25), VD(0.75)), VD(1.0)));
    const vd c3 = d_fma(r, d_fma(r, VD((0x1.428a2f98d728bp+0 + 0x1.965fea53d6e3dp-1) / 2 - 1),
                                 VD((0x1.428a2f98d728bp+0 - 0x1.965fea53d6e3dp-1) / 2)),
                        VD(1.0));
    vd p = d_fma(m, VD(0x1.6ae260afe5000p-6), VD(-0x1.44f0d2e840350p-3));
    p = d_fma(p, m, VD(0x1.296213a52f015p-1));
    p = d_fma(p, m, VD(0x1.1c90a1fb896b2p-1));
    const vd y0 = d_mul(p, c3);
    const vd t = d_mul(d_mul(y0, y0), y0);
    const vd y = d_mul(y0, d_quot(d_fma(VD(2.0), a, t), d_fma(VD(2.0), t, a)));
    /* a - y^3 from y^2 = y2 + y2l and y2 y = y3 + y3l, all exact */
    const vd y2 = d_mul(y, y), y2l = d_fms(y, y, y2);
    const vd y3 = d_mul(y2, y), y3l = d_fms(y2, y, y3);
    const vd rem = d_fnma(y2l, y, d_sub(d_sub(a, y3), y3l));
    const vd res = d_add(y, d_quot32(rem, d_mul(VD(3.0), y2)));
    const vd scale = i_as_d(i_slli(i_add(nbits, VI(1023)), 52));
    return d_or(d_mul(res, scale), d_and(x, VD(-0.0)));
}

/* normal finite nonzero lanes */
V_INLINE vm cbrt_fast(vd x)
{
    const vd ax = d_abs(x);
    return m_and(d_ge(ax, VD(0x1p-1022)), d_le(ax, VD(0x1.fffffffffffffp1023)));
}

/* float32, native, normal finite nonzero x (the rest, rare, go to the
 * scalar function): |x| = 2^(3n + r) m, r = e - 3n in {-1, 0, 1} with
 * n = round(e/3) by the 1.5 2^23 shifter, a = m 2^r exact.  y0 = P(m)
 * 2^(r/3) with P a degree-5 fit of m^(1/3) on [1, 2) (float coefficients,
 * 2^-19.4), then one Newton step y0 - (y0^3 - a)/(3 y0^2) with y0^3 - a
 * from an exact square and one FMA, so the correction is 2^-19 of the result and
 * an approximate reciprocal (2^-12 on AVX2, 2^-14 on AVX-512) is ample;
 * only the final addition rounds visibly.  2^n is added to the exponent
 * bits (the result is normal). */
V_INLINE vf cbrtf_core(vf x)
{
    const vf ax = f_andnot(VF(-0.0f), x);
    const vf e = fi_to_f(fi_sub(fi_srli(f_bits(ax), 23), VFI(127)));
    const vf shift = VF(0x1.8p23f);
    const vf tn = f_fma(e, VF(1.0f / 3), shift);
    const vf n = f_sub(tn, shift);
    const vf r = f_fnma(n, VF(3.0f), e);
    const vf m = fi_as_f(fi_add(fi_and(f_bits(ax), VFI(0x007fffff)), VFI(0x3f800000)));
    /* 2^r and 2^(r/3) for r in {-1, 0, 1}, as quadratics in r */
    const vf a = f_mul(m, f_fma(r, f_fma(r, VF(0.25f), VF(0.75f)), VF(1.0f)));
    const vf c3 = f_fma(r, f_fma(r, VF((0x1.428a2f98d728bp+0f + 0x1.965fea53d6e3dp-1f) / 2 - 1),
                                 VF((0x1.428a2f98d728bp+0f - 0x1.965fea53d6e3dp-1f) / 2)),
                        VF(1.0f));
    vf p = f_fma(m, VF(0x1.580278p-8f), VF(-0x1.96aeeep-5f));
    p = f_fma(p, m, VF(0x1.9ace4cp-3f));
    p = f_fma(p, m, VF(-0x1.dd3c74p-2f));
    p = f_fma(p, m, VF(0x1.abf96cp-1f));
    p = f_fma(p, m, VF(0x1.e558a8p-2f));
    const vf y = f_mul(p, c3);
    /* y^3 - a = (y2 + y2l) y - a with y2 + y2l = y^2 exact: the FMA gives
     * y2 y - a rounded once, and it is small (2^-19 of a) */
    const vf y2 = f_mul(y, y), y2l = f_fms(y, y, y2);
    const vf d = f_fma(y2l, y, f_fms(y2, y, a));
    const vf res = f_fnma(f_mul(d, VF(1.0f / 3)), f_recip(y2), y);
    return f_or(fi_as_f(fi_add(f_bits(res), fi_slli(f_bits(tn), 23))), f_and(x, VF(-0.0f)));
}

/* normal finite nonzero float lanes */
V_INLINE vfm cbrtf_fast(vf x)
{
    const vf ax = f_andnot(VF(-0.0f), x);
    return fm_and(f_ge(ax, VF(0x1p-126f)), f_le(ax, VF(0x1.fffffep127f)));
}

#define NAME64 V_NAME(cbrt_f64)
#define NAME32 V_NAME(cbrt_f32)
#define CORE(v) cbrt_core(v)
#define FAST64(v) cbrt_fast(v)
#define COREF(v) cbrtf_core(v)
#define FASTF(v) cbrtf_fast(v)
#define SLOW(a) nc__sl_cbrt(a)
#define FLAGS(a, r) 0
#include "math/simd_array.inc.c"

/* the table slots of this file, in enum nc_vmath_op's order */
#define XL_TABLE_F64                                                          \
    V_NAME(exp2_f64), V_NAME(expm1_f64), V_NAME(log2_f64), V_NAME(log10_f64),  \
        V_NAME(log1p_f64), V_NAME(sinh_f64), V_NAME(cosh_f64), V_NAME(asinh_f64), \
        V_NAME(acosh_f64), V_NAME(atanh_f64), V_NAME(cbrt_f64)
#define XL_TABLE_F32                                                          \
    V_NAME(exp2_f32), V_NAME(expm1_f32), V_NAME(log2_f32), V_NAME(log10_f32),  \
        V_NAME(log1p_f32), V_NAME(sinh_f32), V_NAME(cosh_f32), V_NAME(asinh_f32), \
        V_NAME(acosh_f32), V_NAME(atanh_f32), V_NAME(cbrt_f32)
