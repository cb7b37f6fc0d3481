/* divconst.h: unsigned division by a divisor fixed for a whole loop, as a
 * multiplication (Granlund & Montgomery, "Division by invariant integers
 * using multiplication", 1994, figure 4.1), for the integer floor_divide,
 * remainder and divmod loops when the divisor is a broadcast scalar.
 *
 * For 1 <= d < 2^N, with l = ceil(log2 d):
 *   m = floor(2^N * (2^l - d) / d) + 1          (fits in N bits)
 *   t = (m * n) >> N
 *   n / d == (t + ((n - t) >> min(l, 1))) >> max(l - 1, 0)
 * exactly, for every N-bit n.  No step overflows N bits, and the two
 * shifts replace the (N+1)-bit magic number of the simpler method.
 * N is 32 (for all integer types up to 32 bits, widened) or 64. */
#ifndef NUMC_UFUNC_DIVCONST_H
#define NUMC_UFUNC_DIVCONST_H

#include <stdint.h>

typedef struct {
    uint32_t m;
    int sh1, sh2;
} nc__udiv32;

typedef struct {
    uint64_t m;
    int sh1, sh2;
} nc__udiv64;

/* l = ceil(log2 d) for d >= 1. */
static inline int nc__ceil_log2_64(uint64_t d)
{
    return d == 1 ? 0 : 64 - __builtin_clzll(d - 1);
}

static inline nc__udiv32 nc__udiv32_make(uint32_t d)
{
    const int l = nc__ceil_log2_64(d);
    const uint64_t two_l = (uint64_t)1 << l; /* l <= 32 */
    nc__udiv32 r;
    r.m = (uint32_t)((((two_l - d) << 32) / d) + 1);
    r.sh1 = l < 1 ? l : 1;
    r.sh2 = l > 1 ? l - 1 : 0;
    return r;
}

static inline uint32_t nc__udiv32_do(uint32_t n, nc__udiv32 v)
{
    const uint32_t t = (uint32_t)(((uint64_t)v.m * n) >> 32);
    return (t + ((n - t) >> v.sh1)) >> v.sh2;
}

#if defined(__SIZEOF_INT128__)
#define NC_HAVE_UDIV64 1

static inline nc__udiv64 nc__udiv64_make(uint64_t d)
{
    const int l = nc__ceil_log2_64(d);
    /* 2^l - d, also for l == 64 (wraps to the right value) */
    const uint64_t diff = (l == 64 ? 0 : (uint64_t)1 << l) - d;
    nc__udiv64 r;
    r.m = (uint64_t)((((unsigned __int128)diff << 64) / d) + 1);
    r.sh1 = l < 1 ? l : 1;
    r.sh2 = l > 1 ? l - 1 : 0;
    return r;
}

static inline uint64_t nc__udiv64_do(uint64_t n, nc__udiv64 v)
{
    const uint64_t t = (uint64_t)(((unsigned __int128)v.m * n) >> 64);
    return (t + ((n - t) >> v.sh1)) >> v.sh2;
}
#endif

#endif
