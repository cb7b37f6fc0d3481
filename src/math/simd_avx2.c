/* simd_avx2.c: the AVX2+FMA implementation of the vmath kernels: the
 * width-generic cores of simd_cores.inc.c compiled for 256-bit vectors
 * (4 double or 8 float lanes).  Every function carries
 * target("avx2,fma"), so this file builds with the baseline flags;
 * nc__vmath_avx2() hands out the table only where the CPU has both. */
#include <string.h>
#include "math/vmath.h"

#if NC_HAVE_SIMD_KERNELS
#include "math/simd_vec256.h"
#include "math/simd_cores.inc.c"

const nc_vmath *nc__vmath_avx2(void)
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return &impl;
    return NULL;
}
#else
const nc_vmath *nc__vmath_avx2(void)
{
    return NULL;
}
#endif
