/* loops.h: private header of the ufunc inner loops (src/ufunc/loops/).
 *
 * Declares every kernel listed in ufuncs.def, so that a kernel missing from
 * the loop files is a link error and a kernel with the wrong signature a
 * compile error.  Also holds the small helpers the kernel templates share.
 *
 * Kernel templates (*.inc.c) are included once per dtype with the element
 * type T and the kernel suffix SFX defined; NC_KNAME(add) then names the
 * kernel nc_add_<SFX>. */
#ifndef NUMC_UFUNC_LOOPS_H
#define NUMC_UFUNC_LOOPS_H

#include <stddef.h>
#include <stdint.h>
#include "numc/dtype.h"
#include "numc/ufunc.h"
#include "core/fpstatus.h" /* nc__fp_raise & co.: loops raise flags in MXCSR */

#define NC_LOOP(op, sfx, ...)                                                \
    int nc_##op##_##sfx(char *const *args, const ptrdiff_t *n,               \
                        const ptrdiff_t *steps, void *ctx);
#define NC_UFUNC(NAME, NIN, NOUT, IDENTITY, RESOLVER, LOOPS, DOC) LOOPS
#include "ufuncs.def"
#undef NC_UFUNC
#undef NC_LOOP

/* NC_VECTORIZED before a kernel's definition compiles it twice, for
 * x86-64-v3 (AVX2, FMA, F16C) and for the baseline, and picks one at load
 * time (GCC's target_clones, an ifunc).  Both clones must compute the same
 * bits: numc builds with -ffp-contract=off, so FMA is only used where the
 * source asks for fma().  But GCC 12's SLP vectoriser fuses the complex
 * pattern (a*b - c*d, a*e + c*f) into vfmaddsub even so: kernels with such
 * plain complex products (complex divide and power, the multiply
 * reduction) are not cloned.  Off where ifuncs are unavailable, or with
 * -DNC_NO_TARGET_CLONES. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) &&         \
    defined(__linux__) && !defined(NC_NO_TARGET_CLONES)
#define NC_VECTORIZED __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define NC_VECTORIZED
#endif

#define NC_CAT_(a, b) a##b
#define NC_CAT(a, b) NC_CAT_(a, b)
/* nc_<op>_<SFX>: a kernel's name inside a template. */
#define NC_KNAME(op) NC_CAT(nc_##op##_, SFX)
/* <name>_<SFX>: a template's file-local helper, one per dtype. */
#define NC_HNAME(name) NC_CAT(name##_, SFX)

/* Signed integers of each dtype's size, for the lane masks of GCC vector
 * code (minmax_reduce.inc.c): NC_VI names the one of the current SFX. */
typedef int8_t nc_vi_i8, nc_vi_u8;
typedef int16_t nc_vi_i16, nc_vi_u16;
typedef int32_t nc_vi_i32, nc_vi_u32, nc_vi_f32;
typedef int64_t nc_vi_i64, nc_vi_u64, nc_vi_f64;
#define NC_VI NC_CAT(nc_vi_, SFX)

/* --- float16 as bits ---------------------------------------------------
 * Sign, comparisons and truth of a half need no conversion: these work on
 * the IEEE binary16 bit pattern directly. */
#define NC_HALF_SIGN 0x8000u
#define NC_HALF_EXPMASK 0x7c00u

static inline int nc__half_isnan(nc_half h)
{
    return (h & 0x7fffu) > NC_HALF_EXPMASK;
}

/* A key that orders non-NaN halves like their values, with -0 == +0. */
static inline int32_t nc__half_key(nc_half h)
{
    int32_t mag = (int32_t)(h & 0x7fffu);
    return (h & NC_HALF_SIGN) ? -mag : mag;
}

#endif
