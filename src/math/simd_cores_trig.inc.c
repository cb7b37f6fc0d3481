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
 * float32 (computed in double, rounded once): arctan/arctan2 with
 *       c in {0, 1} (|u| <= tan(pi/8)), P of degree 6; tan from the short
 *       sin/cos polynomials and one quotient; arcsin/arccos with P of
 *       degree 7 and a plain double sqrt.  Relative error before the last
 *       rounding below 2^-28 (the vrcp14pd quotient), so within 0.57 ulp.
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

/* float32 in double: c in {0, 1} split at tan(pi/8), |u| <= 0.4143 */
#define ATF0 -0x1.555555550212ap-2
#define ATF1 0x1.999998257ef43p-3
#define ATF2 -0x1.2491c08472f67p-3
#define ATF3 0x1.c6f685c17192fp-4
#define ATF4 -0x1.71d3aedb8a1eap-4
#define ATF5 0x1.2442e75c7c045p-4
#define ATF6 -0x1.4b36de18a0c58p-5
#define TR_PI 0x1.921fb54442d18p+1
#define TR_PIO2 0x1.921fb54442d18p+0
#define TR_PIO4 0x1.921fb54442d18p-1

V_INLINE vd atan32_nd(vd an, vd ad, vd negx)
{
    const vm sw = tr_lt(ad, an);
    const vd n = d_blend(sw, an, ad), d = d_blend(sw, ad, an);
    const vm m1 = tr_lt(d_mul(d, VD(0x1.a827999fcef32p-2)), n);
    const vd num = d_blend(m1, n, d_sub(n, d)), den = d_blend(m1, d, d_add(d, n));
    const vd u = d_quot32(num, den);
    const vd z = d_mul(u, u), z2 = d_mul(z, z);
    const vd p46 = d_fma(z, d_fma(z, VD(ATF6), VD(ATF5)), VD(ATF4));
    const vd p = d_fma(z2, d_fma(z2, p46, d_fma(z, VD(ATF3), VD(ATF2))),
                       d_fma(z, VD(ATF1), VD(ATF0)));
    vd r = d_fma(d_mul(u, z), p, u);
    r = d_add(r, d_blend(m1, VD(0.0), VD(TR_PIO4)));
    r = d_blend(sw, r, d_sub(VD(TR_PIO2), r));
    return d_blend(m_from_sign(d_bits(negx)), r, d_sub(VD(TR_PI), r));
}

V_INLINE vd atan32_core(vd x)
{
    const vd sign = d_and(x, VD(-0.0));
    return d_or(atan32_nd(d_abs(x), VD(1.0), VD(0.0)), sign);
}

#define NAME64 V_NAME(atan_f64)
#define NAME32 V_NAME(atan_f32)
#define CORE(v) atan_core(v)
#define CORE32(v) atan32_core(v)
#define FAST64(v) d_abs_le(v, 0x1p500)
#define FAST32(v) d_abs_le(v, 0x1.fffffep127)
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

/* float inputs widened to double: finite, not both zero */
V_INLINE vm atan2_fast32(vd y, vd x)
{
    const vd ay = d_abs(y), ax = d_abs(x);
    const vm fin = m_and(d_le(ay, VD(0x1.fffffep127)), d_le(ax, VD(0x1.fffffep127)));
    return m_and(fin, tr_lt(VD(0.0), d_add(ay, ax)));
}

V_INLINE vd atan2_32_core(vd y, vd x)
{
    return d_or(atan32_nd(d_abs(y), d_abs(x), d_and(x, VD(-0.0))), d_and(y, VD(-0.0)));
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

V_TARGET static int V_NAME(atan2_f64)(const double *y, const double *x, double *o, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    for (; i + 2 * VW <= n; i += 2 * VW) {
        const vd y0 = d_loadu(y + i), x0 = d_loadu(x + i);
        const vd y1 = d_loadu(y + i + VW), x1 = d_loadu(x + i + VW);
        if ((m_bits(atan2_fast64(y0, x0)) & m_bits(atan2_fast64(y1, x1))) == V_FULL) {
            const vd r0 = atan2_core(y0, x0), r1 = atan2_core(y1, x1);
            d_storeu(o + i, r0);
            d_storeu(o + i + VW, r1);
        }
        else {
            fl |= tr_atan2_f64_1(y + i, x + i, o + i);
            fl |= tr_atan2_f64_1(y + i + VW, x + i + VW, o + i + VW);
        }
    }
    for (; i < n; i += VW) {
        if (i + VW <= n) {
            fl |= tr_atan2_f64_1(y + i, x + i, o + i);
            continue;
        }
        double ys[VW], xs[VW], os[VW];
        for (int l = 0; l < VW; l++)
            ys[l] = xs[l] = 1;
        memcpy(ys, y + i, (size_t)(n - i) * sizeof *y);
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= tr_atan2_f64_1(ys, xs, os);
        memcpy(o + i, os, (size_t)(n - i) * sizeof *o);
    }
    return fl;
}

V_TARGET static inline int tr_atan2_f32_1(const float *py, const float *px, float *o)
{
    const vd y = d_load_f32(py), x = d_load_f32(px);
    const int ok = m_bits(atan2_fast32(y, x));
    const vd r = atan2_32_core(y, x);
    if (ok == V_FULL) {
        d_store_f32(o, r);
        return 0;
    }
    double ys[VW], xs[VW];
    float rs[VW];
    d_storeu(ys, y);
    d_storeu(xs, x);
    d_store_f32(rs, r);
    for (int l = 0; l < VW; l++)
        if (!(ok >> l & 1))
            rs[l] = (float)atan2(ys[l], xs[l]);
    memcpy(o, rs, sizeof rs);
    return 0;
}

V_TARGET static int V_NAME(atan2_f32)(const float *y, const float *x, float *o, ptrdiff_t n)
{
    int fl = 0;
    ptrdiff_t i = 0;
    for (; i + 2 * VW <= n; i += 2 * VW) {
        const vd y0 = d_load_f32(y + i), x0 = d_load_f32(x + i);
        const vd y1 = d_load_f32(y + i + VW), x1 = d_load_f32(x + i + VW);
        if ((m_bits(atan2_fast32(y0, x0)) & m_bits(atan2_fast32(y1, x1))) == V_FULL) {
            const vd r0 = atan2_32_core(y0, x0), r1 = atan2_32_core(y1, x1);
            d_store_f32(o + i, r0);
            d_store_f32(o + i + VW, r1);
        }
        else {
            fl |= tr_atan2_f32_1(y + i, x + i, o + i);
            fl |= tr_atan2_f32_1(y + i + VW, x + i + VW, o + i + VW);
        }
    }
    for (; i < n; i += VW) {
        if (i + VW <= n) {
            fl |= tr_atan2_f32_1(y + i, x + i, o + i);
            continue;
        }
        float ys[VW], xs[VW], os[VW];
        for (int l = 0; l < VW; l++)
            ys[l] = xs[l] = 1;
        memcpy(ys, y + i, (size_t)(n - i) * sizeof *y);
        memcpy(xs, x + i, (size_t)(n - i) * sizeof *x);
        fl |= tr_atan2_f32_1(ys, xs, os);
        memcpy(o + i, os, (size_t)(n - i) * sizeof *o);
    }
    return fl;
}

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

/* float32 in double: sincos32_core's reduction and polynomials */
V_INLINE vd tan32_core(vd x)
{
    vi bits;
    const vd n = round_mul(x, TWO_OVER_PI, &bits);
    const vd r = d_fnma(n, VD(P2), d_fnma(n, VD(P1), x));
    const vd z = d_mul(r, r);
    vd ps = d_fma(z, VD(S5), VD(S4));
    ps = d_fma(ps, z, VD(S3));
    ps = d_fma(ps, z, VD(S2));
    ps = d_fma(ps, z, VD(S1));
    const vd sinr = d_fma(d_mul(z, r), ps, r);
    vd pc = d_fma(z, VD(C5), VD(C4));
    pc = d_fma(pc, z, VD(C3));
    pc = d_fma(pc, z, VD(C2));
    pc = d_fma(pc, z, VD(C1));
    const vd cosr = d_fma(d_mul(z, z), pc, d_fnma(VD(0.5), z, VD(1.0)));
    const vm odd = m_from_sign(i_slli(bits, 63));
    const vd q = d_quot32(d_blend(odd, sinr, cosr), d_blend(odd, cosr, sinr));
    const vd res = d_xor(q, i_as_d(i_slli(bits, 63)));
    return d_blend(d_eq(x, VD(0.0)), res, x);
}

#define NAME64 V_NAME(tan_f64)
#define NAME32 V_NAME(tan_f32)
#define CORE(v) tan_core(v)
#define CORE32(v) tan32_core(v)
#define FAST64(v) d_abs_le(v, 0x1p20)
#define FAST32(v) d_abs_le(v, 0x1p20)
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

/* float32 in double */
#define ASF0 0x1.55555554ee47bp-3
#define ASF1 0x1.333334ceb6520p-4
#define ASF2 0x1.6db5cfb6af282p-5
#define ASF3 0x1.f208eb1ddd0fbp-6
#define ASF4 0x1.6a9e3262c37dbp-6
#define ASF5 0x1.3c5053c2afce1p-6
#define ASF6 0x1.64b97e009bd03p-8
#define ASF7 0x1.e0231588b1e55p-6

/* asin a (big false) or 2 asin s (big true), in plain double */
V_INLINE vd asin32_part(vd a, vm big)
{
    const vd w = d_mul(d_sub(VD(1.0), a), VD(0.5));
    const vd b = d_blend(big, a, tr_sqrt(w));
    const vd z = d_blend(big, d_mul(a, a), w);
    const vd z2 = d_mul(z, z), z4 = d_mul(z2, z2);
    const vd p03 = d_fma(z2, d_fma(z, VD(ASF3), VD(ASF2)), d_fma(z, VD(ASF1), VD(ASF0)));
    const vd p47 = d_fma(z2, d_fma(z, VD(ASF7), VD(ASF6)), d_fma(z, VD(ASF5), VD(ASF4)));
    const vd r = d_fma(d_mul(b, z), d_fma(z4, p47, p03), b);
    return d_blend(big, r, d_add(r, r));
}

V_INLINE vd asin32_core(vd x)
{
    const vd a = d_abs(x);
    const vm big = tr_lt(VD(0.5), a);
    const vd p = asin32_part(a, big);
    return d_or(d_blend(big, p, d_sub(VD(TR_PIO2), p)), d_and(x, VD(-0.0)));
}

V_INLINE vd acos32_core(vd x)
{
    const vd a = d_abs(x);
    const vm big = tr_lt(VD(0.5), a);
    const vd p = asin32_part(a, big);
    const vd sp = d_xor(p, d_and(x, VD(-0.0))); /* asin x for small a */
    const vd kbig = d_blend(m_from_sign(d_bits(x)), p, d_sub(VD(TR_PI), p));
    return d_blend(big, d_sub(VD(TR_PIO2), sp), kbig);
}

#define NAME64 V_NAME(asin_f64)
#define NAME32 V_NAME(asin_f32)
#define CORE(v) asin_core(v)
#define CORE32(v) asin32_core(v)
#define FAST64(v) d_abs_le(v, 1.0)
#define FAST32(v) d_abs_le(v, 1.0)
#define SLOW(a) asin(a)
#define FLAGS(a, r) nc__vm_flags_asin(a)
#include "math/simd_array.inc.c"

#define NAME64 V_NAME(acos_f64)
#define NAME32 V_NAME(acos_f32)
#define CORE(v) acos_core(v)
#define CORE32(v) acos32_core(v)
#define FAST64(v) d_abs_le(v, 1.0)
#define FAST32(v) d_abs_le(v, 1.0)
#define SLOW(a) acos(a)
#define FLAGS(a, r) nc__vm_flags_asin(a)
#include "math/simd_array.inc.c"
