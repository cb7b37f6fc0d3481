/* simd_avx512.c: the AVX-512 implementation of the vmath kernels: the
 * width-generic cores of simd_cores.inc.c compiled for 512-bit vectors
 * (8 double or 16 float lanes, __mmask lane masks).  Every function
 * carries target("avx512f,avx512dq,avx2,fma"), so this file builds with
 * the baseline flags; nc__vmath_avx512() hands out the table only where
 * the CPU has all of them (AVX-512F implies AVX2 and FMA on every CPU
 * shipped, but the check costs nothing). */
#include <string.h>
#include "math/vmath.h"

#if NC_HAVE_SIMD_KERNELS
#include "math/simd_vec512.h"
#include "math/simd_cores.inc.c"

const nc_vmath *nc__vmath_avx512(void)
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return &impl;
    return NULL;
}
#else
const nc_vmath *nc__vmath_avx512(void)
{
    return NULL;
}
#endif
