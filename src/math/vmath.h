/* vmath.h: private interface of the vectorised math kernels (src/math/).
 *
 * Each kernel maps n contiguous elements of x to y (y may be x itself, but
 * must not overlap it otherwise) and returns the floating-point flags
 * (FE_*) that NumPy's loop raises for those inputs.  Kernels compute with
 * whatever flags their arithmetic happens to raise; the ufunc loop drops
 * those and raises only the returned ones, so the result does not depend on
 * which path ran.
 *
 * Two implementations exist: a portable one over libm (vmath_scalar.c) and
 * an AVX2+FMA one (simd_exp_log.c, simd_trig.c).  nc__vmath() picks one at
 * first use by a CPU feature check and keeps it. */
#ifndef NUMC_MATH_VMATH_H
#define NUMC_MATH_VMATH_H

#include <fenv.h>
#include <math.h>
#include <stddef.h>

typedef int (*nc_vfn_f64)(const double *x, double *y, ptrdiff_t n);
typedef int (*nc_vfn_f32)(const float *x, float *y, ptrdiff_t n);

/* One implementation of every kernel, indexed by enum nc_vmath_op. */
enum nc_vmath_op { NC_VM_EXP, NC_VM_LOG, NC_VM_SIN, NC_VM_COS, NC_VM_TANH, NC_VM_NOPS };

typedef struct nc_vmath {
    const char *name; /* "scalar" or "avx2" */
    nc_vfn_f64 f64[NC_VM_NOPS];
    nc_vfn_f32 f32[NC_VM_NOPS];
} nc_vmath;

/* The implementation in use (chosen once: AVX2+FMA when the CPU has both,
 * unless NUMC_NO_SIMD is set in the environment, else scalar). */
const nc_vmath *nc__vmath(void);
/* The portable one, and the AVX2 one or NULL when this CPU or build lacks
 * it (the C tests compare the two). */
const nc_vmath *nc__vmath_scalar(void);
const nc_vmath *nc__vmath_avx2(void);

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

/* --- the AVX2+FMA kernels (simd_exp_log.c, simd_trig.c) ---------------- */
#if defined(__x86_64__) && defined(__GNUC__)
#define NC_HAVE_AVX2_KERNELS 1
int nc__avx2_exp_f64(const double *x, double *y, ptrdiff_t n);
int nc__avx2_log_f64(const double *x, double *y, ptrdiff_t n);
int nc__avx2_tanh_f64(const double *x, double *y, ptrdiff_t n);
int nc__avx2_sin_f64(const double *x, double *y, ptrdiff_t n);
int nc__avx2_cos_f64(const double *x, double *y, ptrdiff_t n);
int nc__avx2_exp_f32(const float *x, float *y, ptrdiff_t n);
int nc__avx2_log_f32(const float *x, float *y, ptrdiff_t n);
int nc__avx2_tanh_f32(const float *x, float *y, ptrdiff_t n);
int nc__avx2_sin_f32(const float *x, float *y, ptrdiff_t n);
int nc__avx2_cos_f32(const float *x, float *y, ptrdiff_t n);
#endif

#endif
