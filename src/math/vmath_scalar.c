/* vmath_scalar.c: the portable implementation of the vmath kernels, one
 * libm call per element, and the choice between it and the SIMD ones.
 *
 * float32 kernels call the float functions of libm (expf, ...), which glibc
 * rounds within one ulp as the double ones are.  tanh is the exception:
 * glibc's tanh and tanhf are up to 2 ulp off, so tanh here is the AVX2
 * kernel's algorithm written with scalar fma() (correct on every CPU,
 * emulated where there is no FMA instruction), and float32 rounds it.
 * Flags come from classifying the inputs (vmath.h), never from libm's own. */
#include <stdatomic.h>
#include <stdlib.h>
#include "math/vmath.h"
#include "math/exp2_table.h"
#include "math/vmath_explog.h"

/* tanh|x| = e/(e+2), e = expm1(2|x|) as a double-double from
 * 2^(j/64) 2^k (1 + p(r)); see simd_cores.inc.c for the argument. */
static double tanh_dd(double x)
{
    const double ax = fabs(x);
    if (!(ax <= 22.0))
        return isnan(x) ? x + x : copysign(1.0, x);
    const double y = ax + ax;
    const double n = rint(y * 0x1.71547652b82fep+6);
    const int in = (int)n;
    const double r1 = fma(-n, 0x1.62e42fefa39efp-7, y);
    const double rlo = -n * 0x1.abc9e3b39803fp-62;
    const double rh = r1 + rlo, rl = rlo - (rh - r1);
    const double q = 0.5 + rh * (1.0 / 6 + rh * (1.0 / 24 + rh * (1.0 / 120 + rh * (1.0 / 720))));
    const double c = rh * rh * q;
    const double ph = rh + c;
    const double pl = (c - (ph - rh)) + fma(rh, rl, rl);
    const double th = ldexp(nc__exp2_hi[in & 63], in >> 6);
    const double tl = ldexp(nc__exp2_lo[in & 63], in >> 6);
    const double h = th - 1, s1 = th * ph, e1 = fma(th, ph, -s1);
    const double eh = h + s1, el = ((s1 - (eh - h)) + e1) + fma(th, pl, tl);
    const double dh = eh + 2, bv = dh - eh;
    const double dl = ((eh - (dh - bv)) + (2 - bv)) + el;
    const double q0 = eh / dh;
    const double rem = fma(-q0, dl, fma(-q0, dh, eh) + el);
    return copysign(q0 + rem / dh, x);
}

static float tanh_dd_f(float x)
{
    return (float)tanh_dd(x);
}

#define NC_VM_SCALAR(op, FN64, FN32, FLAGS)                                   \
    static int op##_f64(const double *x, double *y, ptrdiff_t n)              \
    {                                                                         \
        int fl = 0;                                                           \
        for (ptrdiff_t i = 0; i < n; i++) {                                   \
            const double a = x[i], r = FN64(a);                               \
            fl |= FLAGS;                                                      \
            y[i] = r;                                                         \
        }                                                                     \
        return fl;                                                            \
    }                                                                         \
    static int op##_f32(const float *x, float *y, ptrdiff_t n)                \
    {                                                                         \
        int fl = 0;                                                           \
        for (ptrdiff_t i = 0; i < n; i++) {                                   \
            const float a = x[i], r = FN32(a);                                \
            fl |= FLAGS;                                                      \
            y[i] = r;                                                         \
        }                                                                     \
        return fl;                                                            \
    }

/* float32 through the double function, rounded once: within 1 ulp (0.5
 * plus a vanishing double-rounding term) whatever the platform's float
 * functions do; glibc's tanf and atan2f, for one, are more than 1 ulp off
 * for some inputs. */
#define NC_VM_VIA_DOUBLE(fn)                                                  \
    static float fn##_via_d(float a) { return (float)fn((double)a); }
NC_VM_VIA_DOUBLE(exp)
NC_VM_VIA_DOUBLE(log)
NC_VM_VIA_DOUBLE(sin)
NC_VM_VIA_DOUBLE(cos)
NC_VM_VIA_DOUBLE(tan)
NC_VM_VIA_DOUBLE(atan)
NC_VM_VIA_DOUBLE(asin)
NC_VM_VIA_DOUBLE(acos)
#undef NC_VM_VIA_DOUBLE

NC_VM_SCALAR(exp, exp, exp_via_d, nc__vm_flags_exp(a, r))
NC_VM_SCALAR(log, log, log_via_d, nc__vm_flags_log(a))
NC_VM_SCALAR(sin, sin, sin_via_d, nc__vm_flags_trig(a))
NC_VM_SCALAR(cos, cos, cos_via_d, nc__vm_flags_trig(a))
NC_VM_SCALAR(tanh, tanh_dd, tanh_dd_f, 0)

NC_VM_SCALAR(tan, tan, tan_via_d, nc__vm_flags_trig(a))
NC_VM_SCALAR(atan, atan, atan_via_d, 0)
NC_VM_SCALAR(asin, asin, asin_via_d, nc__vm_flags_asin(a))
NC_VM_SCALAR(acos, acos, acos_via_d, nc__vm_flags_asin(a))

/* atan2 raises no flag NumPy reports, for any pair of inputs */
static int atan2_f64(const double *y, const double *x, double *o, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++)
        o[i] = atan2(y[i], x[i]);
    return 0;
}
static int atan2_f32(const float *y, const float *x, float *o, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++)
        o[i] = (float)atan2((double)y[i], (double)x[i]);
    return 0;
}

/* The exp/log family (vmath_explog.h): float64 through long double libm,
 * float32 through double libm, each rounded once. */
#define NC_VM_EXPLOG(op, dfn)                                               \
    static double op##_d(double a) { return nc__sl_##op(a); }               \
    static float op##_s(float a) { return (float)dfn((double)a); }
NC_VM_EXPLOG(exp2, exp2)
NC_VM_EXPLOG(expm1, expm1)
NC_VM_EXPLOG(log2, log2)
NC_VM_EXPLOG(log10, log10)
NC_VM_EXPLOG(log1p, log1p)
NC_VM_EXPLOG(sinh, sinh)
NC_VM_EXPLOG(cosh, cosh)
NC_VM_EXPLOG(asinh, asinh)
NC_VM_EXPLOG(acosh, acosh)
NC_VM_EXPLOG(atanh, atanh)
NC_VM_EXPLOG(cbrt, cbrt)
#undef NC_VM_EXPLOG
NC_VM_SCALAR(exp2, exp2_d, exp2_s, nc__vm_flags_exp2(a, r))
NC_VM_SCALAR(expm1, expm1_d, expm1_s, nc__vm_flags_exp(a, r))
NC_VM_SCALAR(log2, log2_d, log2_s, nc__vm_flags_log(a))
NC_VM_SCALAR(log10, log10_d, log10_s, nc__vm_flags_log(a))
NC_VM_SCALAR(log1p, log1p_d, log1p_s, nc__vm_flags_log1p(a))
NC_VM_SCALAR(sinh, sinh_d, sinh_s, nc__vm_flags_exp(a, r))
NC_VM_SCALAR(cosh, cosh_d, cosh_s, nc__vm_flags_exp(a, r))
NC_VM_SCALAR(asinh, asinh_d, asinh_s, 0)
NC_VM_SCALAR(acosh, acosh_d, acosh_s, nc__vm_flags_acosh(a))
NC_VM_SCALAR(atanh, atanh_d, atanh_s, nc__vm_flags_atanh(a))
NC_VM_SCALAR(cbrt, cbrt_d, cbrt_s, 0)

static const nc_vmath scalar_impl = {
    "scalar",
    {exp_f64, log_f64, sin_f64, cos_f64, tanh_f64,
     exp2_f64, expm1_f64, log2_f64, log10_f64, log1p_f64, sinh_f64, cosh_f64, asinh_f64,
     acosh_f64, atanh_f64, cbrt_f64},
    {exp_f32, log_f32, sin_f32, cos_f32, tanh_f32,
     exp2_f32, expm1_f32, log2_f32, log10_f32, log1p_f32, sinh_f32, cosh_f32, asinh_f32,
     acosh_f32, atanh_f32, cbrt_f32},
    /* trig */
    .f64[NC_VM_TAN] = tan_f64, .f32[NC_VM_TAN] = tan_f32,
    .f64[NC_VM_ARCTAN] = atan_f64, .f32[NC_VM_ARCTAN] = atan_f32,
    .f64[NC_VM_ARCSIN] = asin_f64, .f32[NC_VM_ARCSIN] = asin_f32,
    .f64[NC_VM_ARCCOS] = acos_f64, .f32[NC_VM_ARCCOS] = acos_f32,
    .f64b[NC_VM2_ARCTAN2] = atan2_f64, .f32b[NC_VM2_ARCTAN2] = atan2_f32,
};

const nc_vmath *nc__vmath_scalar(void)
{
    return &scalar_impl;
}

static int env_set(const char *name)
{
    const char *v = getenv(name);
    return v && *v && *v != '0';
}

/* Several threads may race to the first choice; they all store the same
 * pointer, so a relaxed atomic suffices. */
static _Atomic(const nc_vmath *) chosen;

const nc_vmath *nc__vmath(void)
{
    const nc_vmath *m = atomic_load_explicit(&chosen, memory_order_relaxed);
    if (!m) {
        if (!env_set("NUMC_NO_SIMD")) {
            if (!env_set("NUMC_NO_AVX512"))
                m = nc__vmath_avx512();
            if (!m)
                m = nc__vmath_avx2();
        }
        if (!m)
            m = &scalar_impl;
        atomic_store_explicit(&chosen, m, memory_order_relaxed);
    }
    return m;
}
