/* vmath_scalar.c: the portable implementation of the vmath kernels, one
 * libm call per element, and the choice between it and the AVX2 one.
 *
 * float32 kernels call the float functions of libm (expf, ...), which glibc
 * rounds within one ulp as the double ones are.  Flags come from
 * classifying the inputs (vmath.h), never from libm's own. */
#include <stdatomic.h>
#include <stdlib.h>
#include "math/vmath.h"

#define NC_VM_SCALAR(op, FLAGS64, FLAGS32)                                   \
    static int op##_f64(const double *x, double *y, ptrdiff_t n)              \
    {                                                                         \
        int fl = 0;                                                           \
        for (ptrdiff_t i = 0; i < n; i++) {                                   \
            const double a = x[i], r = op(a);                                 \
            fl |= FLAGS64;                                                    \
            y[i] = r;                                                         \
        }                                                                     \
        return fl;                                                            \
    }                                                                         \
    static int op##_f32(const float *x, float *y, ptrdiff_t n)                \
    {                                                                         \
        int fl = 0;                                                           \
        for (ptrdiff_t i = 0; i < n; i++) {                                   \
            const float a = x[i], r = op##f(a);                               \
            fl |= FLAGS32;                                                    \
            y[i] = r;                                                         \
        }                                                                     \
        return fl;                                                            \
    }

NC_VM_SCALAR(exp, nc__vm_flags_exp(a, r), nc__vm_flags_exp(a, r))
NC_VM_SCALAR(log, nc__vm_flags_log(a), nc__vm_flags_log(a))
NC_VM_SCALAR(sin, nc__vm_flags_trig(a), nc__vm_flags_trig(a))
NC_VM_SCALAR(cos, nc__vm_flags_trig(a), nc__vm_flags_trig(a))
NC_VM_SCALAR(tanh, 0, 0)

static const nc_vmath scalar_impl = {
    "scalar",
    {exp_f64, log_f64, sin_f64, cos_f64, tanh_f64},
    {exp_f32, log_f32, sin_f32, cos_f32, tanh_f32},
};

const nc_vmath *nc__vmath_scalar(void)
{
    return &scalar_impl;
}

/* Several threads may race to the first choice; they all store the same
 * pointer, so a relaxed atomic suffices. */
static _Atomic(const nc_vmath *) chosen;

const nc_vmath *nc__vmath(void)
{
    const nc_vmath *m = atomic_load_explicit(&chosen, memory_order_relaxed);
    if (!m) {
        const char *off = getenv("NUMC_NO_SIMD");
        m = (off && *off && *off != '0') ? NULL : nc__vmath_avx2();
        if (!m)
            m = &scalar_impl;
        atomic_store_explicit(&chosen, m, memory_order_relaxed);
    }
    return m;
}
