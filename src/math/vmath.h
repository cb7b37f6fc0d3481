/* vmath.h: private interface of the vectorised math kernels (src/math/).
 *
 * Each kernel maps n contiguous elements of x to y (y may be x itself, but
 * must not overlap it otherwise) and returns the floating-point flags
 * (FE_*) that NumPy's loop raises for those inputs.  Kernels compute with
 * whatever flags their arithmetic happens to raise; the ufunc loop drops
 * those and raises only the returned ones, so the result does not depend on
 * which path ran.
 *
 * Three implementations exist: a portable one over libm (vmath_scalar.c),
 * an AVX2+FMA one (simd_avx2.c) and an AVX-512 one (simd_avx512.c), the
 * last two compiled from the same width-generic cores (simd_cores.inc.c).
 * nc__vmath() picks one at first use by a CPU feature check and keeps it. */
#ifndef NUMC_MATH_VMATH_H
#define NUMC_MATH_VMATH_H

#include <fenv.h>
#include <math.h>
#include <stddef.h>

typedef int (*nc_vfn_f64)(const double *x, double *y, ptrdiff_t n);
typedef int (*nc_vfn_f32)(const float *x, float *y, ptrdiff_t n);
/* Two-input kernels: out[i] = f(y[i], x[i]) (arctan2's argument order);
 * out may be y or x itself but must not overlap them otherwise. */
typedef int (*nc_vfn2_f64)(const double *y, const double *x, double *out, ptrdiff_t n);
typedef int (*nc_vfn2_f32)(const float *y, const float *x, float *out, ptrdiff_t n);
enum nc_vmath_op2 { NC_VM2_ARCTAN2, NC_VM2_NOPS };

/* One implementation of every kernel, indexed by enum nc_vmath_op. */
enum nc_vmath_op {
    NC_VM_EXP, NC_VM_LOG, NC_VM_SIN, NC_VM_COS, NC_VM_TANH,
    NC_VM_EXP2, NC_VM_EXPM1, NC_VM_LOG2, NC_VM_LOG10, NC_VM_LOG1P, NC_VM_SINH, NC_VM_COSH,
    NC_VM_ASINH, NC_VM_ACOSH, NC_VM_ATANH, NC_VM_CBRT,
    NC_VM_TAN, NC_VM_ARCTAN, NC_VM_ARCSIN, NC_VM_ARCCOS,
    NC_VM_NOPS
};

typedef struct nc_vmath {
    const char *name; /* "scalar", "avx2" or "avx512" */
    nc_vfn_f64 f64[NC_VM_NOPS];
    nc_vfn_f32 f32[NC_VM_NOPS];
    nc_vfn2_f64 f64b[NC_VM2_NOPS]; /* two-input kernels, enum nc_vmath_op2 */
    nc_vfn2_f32 f32b[NC_VM2_NOPS];
} nc_vmath;

/* The implementation in use, chosen once: scalar when NUMC_NO_SIMD is set
 * (non-empty, not "0") in the environment; else AVX-512 when the CPU has
 * AVX-512F+DQ (and AVX2+FMA) unless NUMC_NO_AVX512 is set; else AVX2 when
 * it has AVX2+FMA; else scalar. */
const nc_vmath *nc__vmath(void);
/* The portable one, and the AVX2 and AVX-512 ones or NULL when this CPU or
 * build lacks them (the C tests compare them). */
const nc_vmath *nc__vmath_scalar(void);
const nc_vmath *nc__vmath_avx2(void);
const nc_vmath *nc__vmath_avx512(void);

/* The flags NumPy raises for one input; `r` is the result already rounded
 * to the output type.  Underflow is never reported (NumPy's loops do not). */
static inline int nc__vm_flags_exp(double x, double r)
{
    return isinf(r) && !isinf(x) ? FE_OVERFLOW : 0;
}
static inline int nc__vm_flags_log(double x)
{
    return x == 0 ? FE_DIVBYZERO : x < 0 ? FE_INVALID : 0;
}
static inline int nc__vm_flags_trig(double x)
{
    return isinf(x) ? FE_INVALID : 0;
}
/* arcsin, arccos: outside [-1, 1] (inf included, nan not) */
static inline int nc__vm_flags_asin(double x)
{
    return fabs(x) > 1 ? FE_INVALID : 0;
}

/* The SIMD kernels (simd_avx2.c, simd_avx512.c) exist on x86-64 with a
 * GCC-compatible compiler (target attributes, __builtin_cpu_supports). */
#if defined(__x86_64__) && defined(__GNUC__)
#define NC_HAVE_SIMD_KERNELS 1
#else
#define NC_HAVE_SIMD_KERNELS 0
#endif

#endif
