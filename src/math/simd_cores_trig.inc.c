/* simd_cores_trig.inc.c: the vector cores and kernels of tan, arctan,
 * arcsin, arccos and arctan2, width-generic like simd_cores.inc.c, which
 * includes this file before its implementation table (so the helpers and
 * the sin/cos reduction constants defined there are in scope here).
 *
 * Polynomial coefficients were fitted for numc (Chebyshev fits in mpmath,
 * rounded to double; residuals are quoted where used); the sin/cos
 * coefficients of tan are fdlibm's, shared with sin and cos.
 *
 * arctan, arctan2 (float64): with n = min(|y|, |x|), d = max (arctan:
 *       y = x, x = 1), t = n/d in [0, 1] and c in {0, 1/2, 1} by t's
 *       interval ([0, 7/16], [7/16, 11/16], [11/16, 1]), atan t = atan c +
 *       atan u, u = (n - c d)/(d + c n).  n - c d is exact (Sterbenz) and
 *       d + c n is formed as a double-double, so u = uh + ul is accurate to
 *       ~2^-100 relative: no rounding of the quotient reaches the result.
 *       atan u = u + u^3 P(u^2), |u| <= 7/16, P of degree 11 (residual
 *       2^-55.6 on P, so < 2^-58 of the result).  The swap (|y| > |x|:
 *       pi/2 - atan t) and the quadrant (x < 0: pi - ...) fold into one
 *       constant K = hi + lo from a 16-entry table and a sign s:
 *       result = K + s atan u, summed with the exact error of K + s uh
 *       (Fast2Sum; K >= |u| or K = 0), so only the last rounding is large.
 *       Fast path: max(|x|,|y|) in [2^-500, 2^500] and the min there too or
 *       0 (so c n and the quotient stay normal); arctan: |x| <= 2^500.
 * tan:  the reduction of sin/cos (x = n pi/2 + r + rl, |x| <= 2^20), then
 *       sin(r + rl) and cos(r + rl) each as an unevaluated sum hi + lo
 *       (r + small, w + small with w = 1 - r^2/2 and r^2 split exactly) and
 *       their quotient (cos/sin negated for odd n) refined once from the
 *       FMA remainder: relative error ~2^-58 before the last rounding.
 * arcsin, arccos: a = |x|.  a <= 1/2: asin a = a + a z P(z), z = a^2;
 *       a > 1/2: asin a = pi/2 - 2 asin s, s = sqrt((1 - a)/2) (1 - a is
 *       exact) with the sqrt's error sl = (w - s^2)/2s carried, and
 *       z = s^2 = w exact.  P of degree 13 on [0, 1/4] (residual 2^-56.5).
 *       Both functions are K + s head + (K_lo + s tail) with the first sum
 *       split exactly, as for arctan.  Fast path |x| <= 1; outside, libm
 *       and the invalid flag.
 * float32: native float cores (VWF lanes), each described where it is
 *       defined: arctan/arctan2 with c in {0, 1} split at tan(1/2) and
 *       an 8-entry K table, tan from sincosf_core's reduction and one
 *       remainder-corrected quotient, arcsin/arccos with the sqrt's error
 *       carried.  Exhaustive sweeps (tests/c/sweep_f32) stay below 1 ulp.
 * Lanes outside the fast paths (nan, inf, zeros for arctan2 both zero)
 * go to libm one by one (simd_array.inc.c, tr_atan2_* below). */

/* sqrt, a strict less-than and a mask or for this width; kept here so
 * that the shared vocabulary headers need no change */
#if VW == 8
V_INLINE vd tr_sqrt(vd a) { return _mm512_sqrt_pd(a); }
V_INLINE vm tr_lt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
V_INLINE vm tr_or(vm a, vm b) { return (vm)(a | b); }
#else
V_INLINE vd tr_sqrt(vd a) { return _mm256_sqrt_pd(a); }
V_INLINE vm tr_lt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
V_INLINE vm tr_or(vm a, vm b) { return _mm256_or_pd(a, b); }
#endif

/* the same for float lanes: strict less-than, sqrt (correctly rounded)
 * tbl[idx & 7] from a table of 16 floats whose second half repeats
 * the first (one permute of a register: vpermps / vpermps zmm), 1/b to
 * ~2^-28 or better (tr_frecip) and sqrt with its reciprocal (tr_fsqrt_rs) */
#if VW == 8
V_INLINE vfm tr_flt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
V_INLINE vf tr_flookup8(const float *tbl, vfi idx)
{
    return _mm512_permutexvar_ps(idx, _mm512_load_ps(tbl));
}
V_INLINE vfm tr_fmor(vfm a, vfm b) { return (vfm)(a | b); }
/* s ~ sqrt(w) and y ~ 1/sqrt(w) for 0 <= w <= 1/2, both to 2^-14 (s = w y
 * from vrcp14ps's sibling vrsqrt14ps: cheaper than vsqrtps zmm); w + 2^-100
 * keeps y finite at w = 0 (s = 0 there) and changes no other w */
V_INLINE void tr_fsqrt_rs(vf w, vf *s, vf *y)
{
    *y = _mm512_rsqrt14_ps(f_add(w, VF(0x1p-100f)));
    *s = f_mul(w, *y);
}
/* 1/b to ~2^-28 relative for normal b: vrcp14ps and one Newton step */
V_INLINE vf tr_frecip(vf b)
{
    const vf y = f_recip(b);
    return f_fma(y, f_fnma(b, y, VF(1.0f)), y);
}
#else
V_INLINE vfm tr_flt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
V_INLINE vf tr_flookup8(const float *tbl, vfi idx)
{
    return _mm256_permutevar8x32_ps(_mm256_load_ps(tbl), idx);
}
V_INLINE vfm tr_fmor(vfm a, vfm b) { return _mm256_or_ps(a, b); }
/* s = sqrt(w) rounded and y ~ 1/s to 2^-11 for 0 <= w <= 1/2 (s + 2^-100
 * keeps y finite at w = 0) */
V_INLINE void tr_fsqrt_rs(vf w, vf *s, vf *y)
{
    *s = _mm256_sqrt_ps(w);
    *y = _mm256_rcp_ps(f_add(*s, VF(0x1p-100f)));
}
/* 1/b to ~2^-40 relative for normal b: f_recip (vrcpps and a Newton
 * step) and a second Newton step */
V_INLINE vf tr_frecip(vf b)
{
    const vf y = f_recip(b);
    return f_fma(y, f_fnma(b, y, VF(1.0f)), y);
}
#endif

/* 1/b for normal finite b, to ~2^-52 relative (d_recip) or rounded */
V_INLINE vd tr_recip(vd b)
{
#if V_FAST_RECIP
    return d_recip(b);
#else
    return d_div(VD(1.0), b);
#endif
}

/* A small non-negative integer-valued double as an index in the low bits
 * of its bit pattern (see round_mul). */
V_INLINE vi tr_index(vd k)
{
    return d_bits(d_add(k, VD(0x1.8p52)));
}

/* tbl[idx & 15] */
V_INLINE vd tr_lookup16(const double *tbl, vi idx)
{
#if VW == 8
    return d_lookup16(tbl, idx);
#else
    return d_gather(tbl, i_and(idx, VI(15)));
#endif
}

/* --- arctan, arctan2 ----------------------------------------------------- */
/* atan(u) = u + u^3 P(u^2) on |u| <= 7/16 */
#define AT0 -0x1.5555555555555p-2
#define AT1 0x1.99999999998c5p-3
#define AT2 -0x1.2492492485503p-3
#define AT3 0x1.c71c71bd2b8bcp-4
#define AT4 -0x1.745d154c84f7ap-4
#define AT5 0x1.3b1375ce5bdc6p-4
#define AT6 -0x1.110c9ce7b0570p-4
#define AT7 0x1.e170800a461f3p-5
#define AT8 -0x1.ab59b417b2c7ep-5
#define AT9 0x1.7001816fd0328p-5
#define AT10 -0x1.0f62bba6a1e39p-5
#define AT11 0x1.e4167464d219ep-7

/* K = hi + lo by index 2c + 4 swap + 8 (x < 0), c = 0, 1/2, 1 as 0, 1, 2:
 * atan c, pi/2 - atan c, pi - atan c, pi/2 + atan c */
static const double tr_atan_khi[16] = {
    0, 0x1.dac670561bb4fp-2, 0x1.921fb54442d18p-1, 0,
    0x1.921fb54442d18p+0, 0x1.1b6e192ebbe44p+0, 0x1.921fb54442d18p-1, 0,
    0x1.921fb54442d18p+1, 0x1.56c6e7397f5aep+1, 0x1.2d97c7f3321d2p+1, 0,
    0x1.921fb54442d18p+0, 0x1.0468a8ace4df6p+1, 0x1.2d97c7f3321d2p+1, 0,
};
static const double tr_atan_klo[16] = {
    0, 0x1.a2b7f222f65e2p-56, 0x1.1a62633145c07p-55, 0,
    0x1.1a62633145c07p-54, 0x1.b1b466a88828ep-54, 0x1.1a62633145c07p-55, 0,
    0x1.1a62633145c07p-53, 0x1.660b64ece6f4bp-53, 0x1.a79394c9e8a0ap-54, 0,
    0x1.1a62633145c07p-54, 0x1.0620bf7406affp-55, 0x1.a79394c9e8a0ap-54, 0,
};

/* atan2(an, ad) for an, ad >= 0 (the fast-path ranges above), plus the
 * quadrant of a negative x when negx is -0.0 (0.0 otherwise); the sign of
 * y is the caller's. */
V_INLINE vd atan_nd(vd an, vd ad, vd negx)
{
    const vm sw = tr_lt(ad, an);
    const vd n = d_blend(sw, an, ad), d = d_blend(sw, ad, an);
    const vm m1 = tr_lt(d_mul(d, VD(7.0 / 16)), n);
    const vm m2 = tr_lt(d_mul(d, VD(11.0 / 16)), n);
    const vd c = d_blend(m2, d_blend(m1, VD(0.0), VD(0.5)), VD(1.0));
    const vd num = d_fnma(c, d, n); /* exact: n/(c d) in [7/8, 2] when c > 0 */
    const vd cn = d_mul(c, n);      /* exact */
    const vd dh = d_add(d, cn);
    const vd dl = d_sub(cn, d_sub(dh, d)); /* Fast2Sum: d >= cn */
    const vd y = tr_recip(dh);
    const vd q = d_mul(num, y);
    const vd uh = d_fma(d_fnma(q, dh, num), y, q);
    const vd ul = d_mul(d_fnma(uh, dl, d_fnma(uh, dh, num)), y);

    const vd z = d_mul(uh, uh), z2 = d_mul(z, z), z4 = d_mul(z2, z2);
    /* Estrin: the chain is 4 deep instead of 12 */
    const vd p01 = d_fma(z, VD(AT1), VD(AT0)), p23 = d_fma(z, VD(AT3), VD(AT2));
    const vd p45 = d_fma(z, VD(AT5), VD(AT4)), p67 = d_fma(z, VD(AT7), VD(AT6));
    const vd p89 = d_fma(z, VD(AT9), VD(AT8)), pab = d_fma(z, VD(AT11), VD(AT10));
    const vd p03 = d_fma(z2, p23, p01), p47 = d_fma(z2, p67, p45);
    const vd p8b = d_fma(z2, pab, p89);
    const vd P = d_fma(z4, d_fma(z4, p8b, p47), p03);
    /* atan(uh + ul) - uh = uh z P + ul/(1 + z) */
    const vd small = d_fma(d_mul(uh, z), P, d_fnma(ul, z, ul));

    const vd k = d_add(d_add(c, c), d_add(d_blend(sw, VD(0.0), VD(4.0)),
                                          d_blend(m_from_sign(d_bits(negx)), VD(0.0), VD(8.0))));
    const vi idx = tr_index(k);
    const vd khi = tr_lookup16(tr_atan_khi, idx), klo = tr_lookup16(tr_atan_klo, idx);
    const vd flip = d_xor(d_blend(sw, VD(0.0), VD(-0.0)), negx);
    const vd su = d_xor(uh, flip);
    const vd hi = d_add(khi, su);
    const vd err = d_sub(su, d_sub(hi, khi));
    return d_add(hi, d_add(err, d_add(d_xor(small, flip), klo)));
}

V_INLINE vd atan_core(vd x)
{
    const vd sign = d_and(x, VD(-0.0));
    return d_or(atan_nd(d_abs(x), VD(1.0), VD(0.0)), sign);
}

/* float32, native (VWF float lanes).  With 0 <= n <= d (arctan: n =
 * min(|x|, 1), d = max; arctan2: n = min(|y|, |x|), d = max) and t = n/d,
 * c = 1 where t >= tan(1/2) = 0.546, else 0: atan t = c pi/4 + atan u,
 * u = (n - c d)/(d + c n), |u| <= tan(1/2).  n - c d is exact (Sterbenz:
 * t >= 1/2 when c = 1); d + c n is rounded once, a relative error of 2^-24
 * in u, which is small against the result: c = 1 only where the result
 * is >= 1/2 and |u| <= 1/3, so it costs < 0.22 ulp.  The quotient q = RN(
 * (n - c d) y), y the reciprocal refined to ~2^-28 (AVX-512: vrcp14ps and
 * a Newton step; AVX2: vrcpps and two), keeps its remainder ul = (n - c d
 * - q dh) y, so q + ul is u to ~2^-40 relative; atan(q + ul) = q + (q^3
 * P(q^2) + ul (1 - q^2)), P of degree 5 (weighted minimax with float
 * coefficients: |q^3 (P - exact)| < 2^-30.2 |q|).  The swap (pi/2 -
 * atan t) and the quadrant (x < 0: pi - ...) fold into K = khi + klo from
 * an 8-entry table and a sign s of u, applied to n and c up front (s n -
 * (s c) d = s (n - c d), (s c)(s n) = c n); K + q is split exactly (K >=
 * pi/4 > |q| or K = 0, Fast2Sum), so the small terms, below 0.11 |q|,
 * are added with their rounding errors (< 0.1 ulp) before the last
 * rounding. */
#define ATNF0 -0x1.55554ap-2f
#define ATNF1 0x1.9993b2p-3f
#define ATNF2 -0x1.240e12p-3f
#define ATNF3 0x1.bc4b44p-4f
#define ATNF4 -0x1.38f94cp-4f
#define ATNF5 0x1.174836p-5f
/* tan(1/2) (1 + 2^-20), rounded up: c = 1 only where atan t > 1/2, also
 * after the rounding of d T in arctan2's test */
#define ATNF_T 0x1.17b508p-1f
/* K by index 2 j + e, j = swap + 2 (x < 0) and e = c + (s < 0) (c is
 * 0 or -1 where s < 0): 0, pi/4 | pi/4, pi/2 | 3pi/4, pi | pi/2, 3pi/4;
 * the second half repeats the first */
static const float tr_atanf_khi[16] __attribute__((aligned(64))) = {
    0, 0x1.921fb6p-1f, 0x1.921fb6p-1f, 0x1.921fb6p+0f,
    0x1.2d97c8p+1f, 0x1.921fb6p+1f, 0x1.921fb6p+0f, 0x1.2d97c8p+1f,
    0, 0x1.921fb6p-1f, 0x1.921fb6p-1f, 0x1.921fb6p+0f,
    0x1.2d97c8p+1f, 0x1.921fb6p+1f, 0x1.921fb6p+0f, 0x1.2d97c8p+1f,
};
static const float tr_atanf_klo[16] __attribute__((aligned(64))) = {
    0, -0x1.777a5cp-26f, -0x1.777a5cp-26f, -0x1.777a5cp-25f,
    -0x1.99bc5cp-28f, -0x1.777a5cp-24f, -0x1.777a5cp-25f, -0x1.99bc5cp-28f,
    0, -0x1.777a5cp-26f, -0x1.777a5cp-26f, -0x1.777a5cp-25f,
    -0x1.99bc5cp-28f, -0x1.777a5cp-24f, -0x1.777a5cp-25f, -0x1.99bc5cp-28f,
};

/* K + s atan u as above, from sn = s n, d, c = s or 0 and kb =
 * 0x1.8p23 + 2 j + (s < 0), for d + n finite and a normal quotient.  The
 * result is >= 0 (the caller sets the sign). */
V_INLINE vf atanf_nd(vf sn, vf d, vf c, vf kb)
{
    const vf nh = f_fnma(c, d, sn); /* exact */
    const vf dh = f_fma(c, sn, d);
    const vf y = tr_frecip(dh);
    const vf q = f_mul(nh, y);
    const vf ul = f_mul(f_fnma(q, dh, nh), y);
    const vf z = f_mul(q, q);
    vf p = f_fma(z, VF(ATNF5), VF(ATNF4));
    p = f_fma(p, z, VF(ATNF3));
    p = f_fma(p, z, VF(ATNF2));
    p = f_fma(p, z, VF(ATNF1));
    p = f_fma(p, z, VF(ATNF0));
    const vf tail = f_fma(f_mul(q, z), p, f_fnma(ul, z, ul));
    const vfi idx = f_bits(f_add(c, kb));
    const vf khi = tr_flookup8(tr_atanf_khi, idx), klo = tr_flookup8(tr_atanf_klo, idx);
    const vf hi = f_add(khi, q);
    const vf err = f_sub(q, f_sub(hi, khi));
    return f_add(hi, f_add(err, f_add(klo, tail)));
}

/* arctan: |x| > 1 swaps (n = 1, d = |x|, s = -1); c = 1 where tan(1/2) <=
 * |x| <= 1/tan(1/2) */
V_INLINE vf atanf_core(vf x)
{
    const vf a = f_andnot(VF(-0.0f), x);
    const vfm sw = tr_flt(VF(1.0f), a);
    const vfm m1 = fm_and(f_le(VF(ATNF_T), a), f_le(a, VF(1 / ATNF_T)));
    const vf c = f_blend(m1, VF(0.0f), f_blend(sw, VF(1.0f), VF(-1.0f)));
    const vf r = atanf_nd(f_blend(sw, a, VF(-1.0f)), f_blend(sw, VF(1.0f), a), c,
                          f_blend(sw, VF(0x1.8p23f), VF(0x1.8p23f + 3)));
    return f_or(r, f_and(x, VF(-0.0f)));
}

#define NAME64 V_NAME(atan_f64)
#define NAME32 V_NAME(atan_f32)
#define CORE(v) atan_core(v)
#define COREF(v) atanf_core(v)
#define FAST64(v) d_abs_le(v, 0x1p500)
#define FASTF(v) f_abs_le(v, 0x1.fffffep127f)
#define SLOW(a) atan(a)
#define FLAGS(a, r) 0
#include "math/simd_array.inc.c"

/* arctan2: the fast lanes (see the file comment) */
V_INLINE vm atan2_fast64(vd y, vd x)
{
    const vd ay = d_abs(y), ax = d_abs(x);
    const vm sw = tr_lt(ax, ay);
    const vd mx = d_blend(sw, ax, ay), mn = d_blend(sw, ay, ax);
    const vm big = m_and(d_ge(mx, VD(0x1p-500)), d_le(mx, VD(0x1p500)));
    return m_and(big, tr_or(d_ge(mn, VD(0x1p-500)), d_eq(mn, VD(0.0))));
}

V_INLINE vd atan2_core(vd y, vd x)
{
    return d_or(atan_nd(d_abs(y), d_abs(x), d_and(x, VD(-0.0))), d_and(y, VD(-0.0)));
}

/* float32, native: max(|y|, |x|) in [2^-60, 2^60] and the min there too
 * or 0, so that d + n is finite and the quotient and its remainder stay
 * normal or harmlessly small (nan, inf and both zero go to libm) */
V_INLINE vfm atan2f_fast(vf y, vf x)
{
    const vf ay = f_andnot(VF(-0.0f), y), ax = f_andnot(VF(-0.0f), x);
    const vfm sw = tr_flt(ax, ay);
    const vf mx = f_blend(sw, ax, ay), mn = f_blend(sw, ay, ax);
    const vfm big = fm_and(f_ge(mx, VF(0x1p-60f)), f_le(mx, VF(0x1p60f)));
    return fm_and(big, tr_fmor(f_ge(mn, VF(0x1p-60f)), f_eq(mn, VF(0.0f))));
}

/* atanf_nd with n = min(|y|, |x|), d = max, j = swap + 2 (x < 0) and the
 * sign s of u -1 where exactly one of swap and x < 0 holds; the sign of y
 * is or-ed in at the end (the result before it is >= 0). */
V_INLINE vf atan2f_core(vf y, vf x)
{
    const vf ay = f_andnot(VF(-0.0f), y), ax = f_andnot(VF(-0.0f), x);
    const vfm sw = tr_flt(ax, ay);
    const vf n = f_blend(sw, ay, ax), d = f_blend(sw, ax, ay);
    const vf ssw = f_blend(sw, VF(0.0f), VF(-0.0f));
    const vf snx = f_and(x, VF(-0.0f));
    const vf sg = f_xor(ssw, snx);
    const vfm m1 = f_le(f_mul(d, VF(ATNF_T)), n);
    const vf c = f_blend(m1, VF(0.0f), f_or(VF(1.0f), sg));
    /* kb = 0x1.8p23 + 2 swap + 4 (x < 0) + (s < 0), from the sign bits */
    const vfi kofs = fi_add(fi_add(fi_srli(f_bits(ssw), 30), fi_srli(f_bits(snx), 29)),
                            fi_srli(f_bits(sg), 31));
    const vf r = atanf_nd(f_xor(n, sg), d, c, fi_as_f(fi_add(kofs, VFI(0x4b400000))));
    return f_or(r, f_and(y, VF(-0.0f)));
}

/* The two-input array loops: as simd_array.inc.c, with both operands
 * loaded before the store (out may be either input). */
V_TARGET static inline int tr_atan2_f64_1(const double *py, const double *px, double *o)
{
    const vd y = d_loadu(py), x = d_loadu(px);
    const int ok = m_bits(atan2_fast64(y, x));
    const vd r = atan2_core(y, x);
    if (ok == V_FULL) {
        d_storeu(o, r);
        return 0;
    }
    double ys[VW], xs[VW], rs[VW];
    d_storeu(ys, y);
    d_storeu(xs, x);
    d_storeu(rs, r);
    for (int l = 0; l < VW; l++)
        if (!(ok >> l & 1))
            rs[l] = atan2(ys[l], xs[l]);
    memcpy(o, rs, sizeof rs);
    return 0; /* atan2 raises no flag NumPy reports, whatever the input */
}

/* The array loop of arctan2 for one width: two vectors per step when all
 * their lanes are in the core's fast range, else one vector at a time
 * through ONE (which sends the other lanes to libm), and a tail padded
 * with 1 in local buffers, so no load or store leaves the arrays. */
#define TR_ATAN2_KERNEL(NAME, T, VT, W, FULL, LOAD, STORE, BITS, FAST, CORE, ONE) \
    V_TARGET static int NAME(const T *y, const T *x, T *o, ptrdiff_t n)         \
    {                                                                         \
        int fl = 0;                                                           \
        ptrdiff_t i = 0;                                                      \
        for (; i + 2 * (W) <= n; i += 2 * (W)) {                              \
            const VT y0 = LOAD(y + i), x0 = LOAD(x + i);                      \
            const VT y1 = LOAD(y + i + (W)), x1 = LOAD(x + i + (W));          \
            if ((BITS(FAST(y0, x0)) & BITS(FAST(y1, x1))) == (FULL)) {        \
                const VT r0 = CORE(y0, x0), r1 = CORE(y1, x1);                \
                STORE(o + i, r0);                                             \
                STORE(o + i + (W), r1);                                       \
            }                                                                 \
            else {                                                            \
                fl |= ONE(y + i, x + i, o + i);                               \
                fl |= ONE(y + i + (W), x + i + (W), o + i + (W));             \
            }                                                                 \
        }                                                                     \
        for (; i < n; i += (W)) {                                             \
            if (i + (W) <= n) {                                               \
                fl |= ONE(y + i, x + i, o + i);                               \
                continue;                                                     \
            }                                                                 \
            T ys[W], xs[W], os[W];                                            \
            for (int l = 0; l < (W); l++)                                     \
                ys[l] = xs[l] = 1;                                            \
            memcpy(ys, y + i, (size_t)(n - i) * sizeof *y);                   \
            memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);                   \
            fl |= ONE(ys, xs, os);                                            \
            memcpy(o + i, os, (size_t)(n - i) * sizeof *o);                   \
        }                                                                     \
        return fl;                                                            \
    }

TR_ATAN2_KERNEL(V_NAME(atan2_f64), double, vd, VW, V_FULL, d_loadu, d_storeu, m_bits,
                atan2_fast64, atan2_core, tr_atan2_f64_1)

V_TARGET static inline int tr_atan2_f32_1(const float *py, const float *px, float *o)
{
    const vf y = f_loadu(py), x = f_loadu(px);
    const int ok = fm_bits(atan2f_fast(y, x));
    const vf r = atan2f_core(y, x);
    if (ok == V_FULLF) {
        f_storeu(o, r);
        return 0;
    }
    float ys[VWF], xs[VWF], rs[VWF];
    f_storeu(ys, y);
    f_storeu(xs, x);
    f_storeu(rs, r);
    for (int l = 0; l < VWF; l++)
        if (!(ok >> l & 1))
            rs[l] = (float)atan2((double)ys[l], (double)xs[l]);
    memcpy(o, rs, sizeof rs);
    return 0;
}

TR_ATAN2_KERNEL(V_NAME(atan2_f32), float, vf, VWF, V_FULLF, f_loadu, f_storeu, fm_bits,
                atan2f_fast, atan2f_core, tr_atan2_f32_1)
#undef TR_ATAN2_KERNEL

/* --- tan ------------------------------------------------------------------ */
V_INLINE vd tan_core(vd x)
{
    /* the reduction of sincos_core: x = n pi/2 + r + rl */
    vi bits;
    const vd n = round_mul(x, TWO_OVER_PI, &bits);
    const vd a = d_fnma(n, VD(P1), x);
    const vd p2 = d_mul(n, VD(P2));
    const vd p2e = d_fms(n, VD(P2), p2);
    const vd s = d_sub(a, p2);
    const vd bv = d_sub(s, a);
    const vd e = d_sub(d_sub(a, d_sub(s, bv)), d_add(p2, bv));
    const vd tail = d_sub(d_sub(e, p2e), d_mul(n, VD(P3)));
    const vd r = d_add(s, tail);
    const vd rl = d_sub(tail, d_sub(r, s));

    const vd z = d_mul(r, r);
    const vd zl = d_fms(r, r, z); /* r^2 = z + zl exactly */
    /* sin(r + rl) = r + sm, sm = v S1 + (rl - z (rl/2 - v R)), v = r^3 */
    const vd v = d_mul(z, r);
    vd R = d_fma(z, VD(S6), VD(S5));
    R = d_fma(R, z, VD(S4));
    R = d_fma(R, z, VD(S3));
    R = d_fma(R, z, VD(S2));
    const vd sm = d_fma(v, VD(S1), d_fnma(z, d_fnma(v, R, d_mul(VD(0.5), rl)), rl));
    /* cos(r + rl) = w + cm, w = 1 - z/2, cm = ((1 - w) - z/2) - zl/2 +
     * (z Rc - r rl) */
    const vd w2 = d_mul(z, z);
    const vd ca = d_mul(z, d_fma(z, d_fma(z, VD(C3), VD(C2)), VD(C1)));
    const vd cb = d_mul(d_mul(w2, w2), d_fma(z, d_fma(z, VD(C6), VD(C5)), VD(C4)));
    const vd hz = d_mul(VD(0.5), z);
    const vd w = d_sub(VD(1.0), hz);
    const vd cm = d_add(d_fnma(VD(0.5), zl, d_sub(d_sub(VD(1.0), w), hz)),
                        d_fnma(r, rl, d_mul(z, d_add(ca, cb))));
    /* normalised (the quotient's first step needs the heads exact to an
     * ulp); even n: sin/cos; odd n: -cos/sin */
    vd sh, sl, ch, cl;
    fast2sum(r, sm, &sh, &sl);
    fast2sum(w, cm, &ch, &cl);
    const vm odd = m_from_sign(i_slli(bits, 63));
    const vd nh = d_blend(odd, sh, ch), nl = d_blend(odd, sl, cl);
    const vd dh = d_blend(odd, ch, sh), dl = d_blend(odd, cl, sl);
    const vd y = tr_recip(dh);
    const vd q0 = d_mul(nh, y);
    const vd q1 = d_fma(d_fnma(q0, dh, nh), y, q0); /* nh/dh within ~1 ulp */
    const vd rem = d_fnma(q1, dl, d_add(d_fnma(q1, dh, nh), nl));
    const vd q = d_fma(rem, y, q1);
    const vd res = d_xor(q, i_as_d(i_slli(bits, 63)));
    return d_blend(d_eq(x, VD(0.0)), res, x); /* tan(-0) = -0 */
}

/* float32, native, 0 < |x| <= 2^20: sincosf_core's reduction (x = n pi/2
 * + r + rl, |r| <= 0.84, r + rl accurate to ~2^-40 of x's remainder) and
 * its polynomials: sin(r + rl) = sh + sl and cos(r + rl) = ch + cl, each
 * head the rounded sum and its tail the exact error of that rounding
 * (Fast2Sum) plus the error of the parts (< 2^-27.8 of the value).  For
 * even n tan = sin/cos, for odd n -cos/sin: with N = nh + nl, D = dh + dl
 * the chosen pair, q0 = nh y (y ~ 1/dh to 2^-14 on AVX-512, 2^-22 on AVX2)
 * and the remainder rem = (nh - q0 dh) + nl - q0 dl, exact up to ~2^-38
 * of nh (the first difference is an FMA of a near-cancelling pair, nl and
 * q0 dl are below an ulp of nh), q = q0 + rem y has a relative error of
 * about 2^-28 before its single rounding.  ±0 lanes stay out of the fast
 * range (tan(-0) = -0, which the reduction loses). */
V_INLINE vf tanf_core(vf x)
{
    vf r, st, w, ct;
    const vf tn = sincosf_parts(x, &r, &st, &w, &ct);
    const vf sh = f_add(r, st);
    const vf sl = f_sub(st, f_sub(sh, r));
    const vf ch = f_add(w, ct);
    const vf cl = f_sub(ct, f_sub(ch, w));

    const vfi oddb = fi_slli(f_bits(tn), 31);
    const vfm odd = fm_from_sign(oddb);
    const vf nh = f_blend(odd, sh, ch), nl = f_blend(odd, sl, cl);
    const vf dh = f_blend(odd, ch, sh), dl = f_blend(odd, cl, sl);
    const vf y = f_recip(dh);
    const vf q0 = f_mul(nh, y);
    const vf rem = f_fnma(q0, dl, f_add(f_fnma(q0, dh, nh), nl));
    return f_xor(f_fma(rem, y, q0), fi_as_f(oddb));
}

#define NAME64 V_NAME(tan_f64)
#define NAME32 V_NAME(tan_f32)
#define CORE(v) tan_core(v)
#define COREF(v) tanf_core(v)
#define FAST64(v) d_abs_le(v, 0x1p20)
#define FASTF(v) f_abs_in(v, 0x1p20f)
#define SLOW(a) tan(a)
#define FLAGS(a, r) nc__vm_flags_trig(a)
#include "math/simd_array.inc.c"

/* --- arcsin, arccos ------------------------------------------------------- */
/* asin(s) = s + s^3 P(s^2) on s <= 1/2 */
#define AS0 0x1.5555555555555p-3
#define AS1 0x1.3333333333388p-4
#define AS2 0x1.6db6db6dac1e0p-5
#define AS3 0x1.f1c71c7a52ba3p-6
#define AS4 0x1.6e8ba123e494cp-6
#define AS5 0x1.1c4efce23019fp-6
#define AS6 0x1.c990ad3d8fdcap-7
#define AS7 0x1.7b027ee1dd585p-7
#define AS8 0x1.3b49de7121487p-7
#define AS9 0x1.31622469ce5adp-7
#define AS10 0x1.8f193743418ffp-9
#define AS11 0x1.406192d124629p-6
#define AS12 -0x1.3b416bb7d9257p-6
#define AS13 0x1.e529c6fce9bb4p-6
#define TR_PI 0x1.921fb54442d18p+1
#define TR_PIO2 0x1.921fb54442d18p+0
#define TR_PI_LO 0x1.1a62633145c07p-53
#define TR_PIO2_LO 0x1.1a62633145c07p-54

/* For a = |x| <= 1: head + tail = asin a when a <= 1/2 (big false), and
 * 2 asin s = pi/2 - asin a when a > 1/2, tail small against head. */
V_INLINE void asin_parts(vd a, vm big, vd *head, vd *tail)
{
    const vd w = d_mul(d_sub(VD(1.0), a), VD(0.5)); /* exact for a >= 1/2 */
    const vd s = tr_sqrt(w);
    const vd z = d_blend(big, d_mul(a, a), w);
    const vd z2 = d_mul(z, z), z4 = d_mul(z2, z2), z8 = d_mul(z4, z4);
    const vd p01 = d_fma(z, VD(AS1), VD(AS0)), p23 = d_fma(z, VD(AS3), VD(AS2));
    const vd p45 = d_fma(z, VD(AS5), VD(AS4)), p67 = d_fma(z, VD(AS7), VD(AS6));
    const vd p89 = d_fma(z, VD(AS9), VD(AS8)), pab = d_fma(z, VD(AS11), VD(AS10));
    const vd pcd = d_fma(z, VD(AS13), VD(AS12));
    const vd p03 = d_fma(z2, p23, p01), p47 = d_fma(z2, p67, p45);
    const vd p8b = d_fma(z2, pab, p89);
    const vd p07 = d_fma(z4, p47, p03), p8d = d_fma(z4, pcd, p8b);
    const vd P = d_fma(z8, p8d, p07);
    /* the sqrt's error: s + sl = sqrt(w) (s = 0 only for a = 1, sl = 0) */
    const vd sd = d_blend(d_eq(s, VD(0.0)), d_add(s, s), VD(1.0));
    const vd sl = d_quot32(d_fnma(s, s, w), sd);
    const vd b = d_blend(big, a, s);
    const vd t = d_fma(d_mul(b, z), P, d_blend(big, VD(0.0), sl));
    *head = d_blend(big, a, d_add(s, s));
    *tail = d_blend(big, t, d_add(t, t));
}

/* K_hi + head' + (K_lo + tail'), the first sum split exactly (|head| <=
 * K_hi or K_hi = 0), head' = head ^ flip, tail' = tail ^ flip */
V_INLINE vd tr_ksum(vd khi, vd klo, vd head, vd tail, vd flip)
{
    const vd sh = d_xor(head, flip);
    const vd hi = d_add(khi, sh);
    const vd err = d_sub(sh, d_sub(hi, khi));
    return d_add(hi, d_add(err, d_add(klo, d_xor(tail, flip))));
}

V_INLINE vd asin_core(vd x)
{
    const vd a = d_abs(x);
    const vm big = tr_lt(VD(0.5), a);
    vd head, tail;
    asin_parts(a, big, &head, &tail);
    const vd khi = d_blend(big, VD(0.0), VD(TR_PIO2));
    const vd klo = d_blend(big, VD(0.0), VD(TR_PIO2_LO));
    const vd flip = d_blend(big, VD(0.0), VD(-0.0));
    return d_or(tr_ksum(khi, klo, head, tail, flip), d_and(x, VD(-0.0)));
}

V_INLINE vd acos_core(vd x)
{
    const vd a = d_abs(x), sign = d_and(x, VD(-0.0));
    const vm big = tr_lt(VD(0.5), a);
    const vm neg = m_from_sign(d_bits(x));
    vd head, tail;
    asin_parts(a, big, &head, &tail);
    /* a <= 1/2: pi/2 - asin x; x > 1/2: 2 asin s; x < -1/2: pi - 2 asin s */
    const vd kbig = d_blend(neg, VD(0.0), VD(TR_PI));
    const vd khi = d_blend(big, VD(TR_PIO2), kbig);
    const vd klo = d_blend(big, VD(TR_PIO2_LO), d_blend(neg, VD(0.0), VD(TR_PI_LO)));
    const vd flip = d_blend(big, d_xor(sign, VD(-0.0)), sign);
    return tr_ksum(khi, klo, head, tail, flip);
}

/* float32, native, |x| <= 1, a = |x|.  a <= 1/2: asin a = a + a z P(z),
 * z = a^2; a > 1/2: asin a = pi/2 - 2 asin s, s = sqrt(w), w = (1 - a)/2
 * = 1/2 - a/2 exact (one FMA, Sterbenz), z = w.  s is any approximation
 * of sqrt(w) to 2^-14 (AVX-512: w times vrsqrt14ps(w); AVX2: vsqrtps) and
 * y ~ 1/sqrt(w) to 2^-11: the exact root is s + sl with 2 sl = (w - s^2)/s
 * + O(s 2^-28), w - s^2 exact by FMA and the division by s replaced by y
 * (a relative error of 2^-11 on a term below 2^-14 s).  P of degree 5
 * (minimax with float coefficients, |P - exact| < 2^-26.5 on [0, 1/4]).
 * Each result is K + h + t with h the head (a, +-2s, -x), t the small
 * rest (+-2 sl and (h +- 2 sl) z P, below 0.1 |h| or 0.1 of the result)
 * and K in {0, pi/2, pi} as khi + klo; K + h is split exactly (Fast2Sum:
 * K >= |h| or K = 0), so only the last rounding is large. */
#define ASNF0 0x1.555554p-3f
#define ASNF1 0x1.3335aep-4f
#define ASNF2 0x1.6cf64ap-5f
#define ASNF3 0x1.037356p-5f
#define ASNF4 0x1.d8c0ecp-7f
#define ASNF5 0x1.38f5bcp-5f
#define TR_PIO2F 0x1.921fb6p+0f
#define TR_PIO2F_LO -0x1.777a5cp-25f
#define TR_PIF 0x1.921fb6p+1f
#define TR_PIF_LO -0x1.777a5cp-24f

V_INLINE vf asinf_poly(vf z)
{
    vf p = f_fma(z, VF(ASNF5), VF(ASNF4));
    p = f_fma(p, z, VF(ASNF3));
    p = f_fma(p, z, VF(ASNF2));
    p = f_fma(p, z, VF(ASNF1));
    return f_fma(p, z, VF(ASNF0));
}

/* khi + h + (klo + t), the first sum split exactly */
V_INLINE vf tr_fksum(vf khi, vf klo, vf h, vf t)
{
    const vf hi = f_add(khi, h);
    const vf err = f_sub(h, f_sub(hi, khi));
    return f_add(hi, f_add(err, f_add(klo, t)));
}

V_INLINE vf asinf_core(vf x)
{
    const vf a = f_andnot(VF(-0.0f), x);
    const vfm big = tr_flt(VF(0.5f), a);
    const vf w = f_fnma(a, VF(0.5f), VF(0.5f));
    vf s, y;
    tr_fsqrt_rs(w, &s, &y);
    const vf z = f_blend(big, f_mul(a, a), w);
    const vf p = asinf_poly(z);
    /* a, or -2s with -2 sl = (s^2 - w)/s */
    const vf h = f_blend(big, a, f_mul(s, VF(-2.0f)));
    const vf e = f_blend(big, VF(0.0f), f_mul(f_fms(s, s, w), y));
    const vf t = f_fma(f_mul(f_add(h, e), z), p, e);
    const vf r = tr_fksum(f_blend(big, VF(0.0f), VF(TR_PIO2F)),
                          f_blend(big, VF(0.0f), VF(TR_PIO2F_LO)), h, t);
    return f_or(r, f_and(x, VF(-0.0f)));
}

/* acos x = pi/2 + (-x) + (-x) z P for a <= 1/2; 2 asin s for x > 1/2 and
 * pi - 2 asin s for x < -1/2, h = +-2s with the sign of x */
V_INLINE vf acosf_core(vf x)
{
    const vf sx = f_and(x, VF(-0.0f));
    const vf a = f_andnot(VF(-0.0f), x);
    const vfm big = tr_flt(VF(0.5f), a);
    const vf w = f_fnma(a, VF(0.5f), VF(0.5f));
    vf s, y;
    tr_fsqrt_rs(w, &s, &y);
    const vf z = f_blend(big, f_mul(a, a), w);
    const vf p = asinf_poly(z);
    const vf h = f_blend(big, f_xor(x, VF(-0.0f)), f_xor(f_add(s, s), sx));
    const vf e = f_blend(big, VF(0.0f), f_mul(f_fnma(s, s, w), f_xor(y, sx)));
    const vf t = f_fma(f_mul(f_add(h, e), z), p, e);
    const vfm neg = fm_from_sign(f_bits(x));
    const vf khi = f_blend(big, VF(TR_PIO2F), f_blend(neg, VF(0.0f), VF(TR_PIF)));
    const vf klo = f_blend(big, VF(TR_PIO2F_LO), f_blend(neg, VF(0.0f), VF(TR_PIF_LO)));
    return tr_fksum(khi, klo, h, t);
}

#define NAME64 V_NAME(asin_f64)
#define NAME32 V_NAME(asin_f32)
#define CORE(v) asin_core(v)
#define COREF(v) asinf_core(v)
#define FAST64(v) d_abs_le(v, 1.0)
#define FASTF(v) f_abs_le(v, 1.0f)
#define SLOW(a) asin(a)
#define FLAGS(a, r) nc__vm_flags_asin(a)
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(acos_f64)
#define NAME32 V_NAME(acos_f32)
#define CORE(v) acos_core(v)
#define COREF(v) acosf_core(v)
#define FAST64(v) d_abs_le(v, 1.0)
#define FASTF(v) f_abs_le(v, 1.0f)
#define SLOW(a) acos(a)
#define FLAGS(a, r) nc__vm_flags_asin(a)
#include "math/simd_array.inc.c"
