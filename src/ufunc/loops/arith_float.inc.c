/* arith_float.inc.c: add, subtract, multiply and divide for one real
 * floating dtype (see foreach_float.inc.c for T, CT, LD, ST).
 *
 * Each result is computed in CT and rounded to T once; for float16 that is
 * float arithmetic, like NumPy (float's 24 bits make the double rounding
 * harmless for + - * /).  A reduction with add sums pairwise in NumPy's
 * order, so np.add.reduce agrees bit for bit; float16 reductions keep the
 * running value in float. */

/* Sum of the n elements at p (byte step `step`) in CT.  Up to 128 elements
 * go through 8 interleaved accumulators combined as a tree; longer ranges
 * split in two at a multiple of 8.  The order of the additions is part of
 * the result, so it must not change. */
#if !IS_HALF
/* The contiguous form of a block of 8..128 elements: the same additions in
 * the same order, written for the vectoriser (compiled for x86-64-v3 too;
 * -ffp-contract=off keeps the bits equal). */
NC_VECTORIZED static CT NC_HNAME(pairwise_block)(const T *a, ptrdiff_t n)
{
    CT r[8];
    for (int k = 0; k < 8; k++)
        r[k] = a[k];
    ptrdiff_t i = 8;
    for (; i + 8 <= n; i += 8) {
        /* Reading 512 bytes ahead keeps DRAM busy across the short blocks. */
        __builtin_prefetch(a + i + 512 / sizeof(T), 0, 3);
        for (int k = 0; k < 8; k++)
            r[k] += a[i + k];
    }
    CT s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++)
        s += a[i];
    return s;
}
#endif

static CT NC_HNAME(pairwise_sum)(const char *p, ptrdiff_t n, ptrdiff_t step)
{
    if (n < 8) {
        CT s = -0.0f; /* -0.0, not 0.0: a sum of negative zeros is -0.0 */
        for (ptrdiff_t i = 0; i < n; i++)
            s += LD(*(const T *)(p + i * step));
        return s;
    }
    if (n <= 128) {
#if !IS_HALF
        if (step == (ptrdiff_t)sizeof(T))
            return NC_HNAME(pairwise_block)((const T *)p, n);
#else
        /* float16: widen the block at once (hardware conversions where the
         * CPU has them), then the same additions in the same order */
        {
            float w[128];
            nc_cast_get(NC_FLOAT16, NC_FLOAT32)(p, step, (char *)w, sizeof(float), n);
            CT r[8];
            for (int k = 0; k < 8; k++)
                r[k] = w[k];
            ptrdiff_t i = 8;
            for (; i + 8 <= n; i += 8)
                for (int k = 0; k < 8; k++)
                    r[k] += w[i + k];
            CT s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
                s += w[i];
            return s;
        }
#endif
        CT r[8];
        for (int k = 0; k < 8; k++)
            r[k] = LD(*(const T *)(p + k * step));
        ptrdiff_t i = 8;
        for (; i + 8 <= n; i += 8)
            for (int k = 0; k < 8; k++)
                r[k] += LD(*(const T *)(p + (i + k) * step));
        CT s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            s += LD(*(const T *)(p + i * step));
        return s;
    }
    ptrdiff_t half = n / 2;
    half -= half % 8;
    return NC_HNAME(pairwise_sum)(p, half, step) +
           NC_HNAME(pairwise_sum)(p + half * step, n - half, step);
}

static T NC_HNAME(add_reduce)(T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    return ST(LD(acc) + NC_HNAME(pairwise_sum)(p, n, step));
}

/* The other reductions run in order; float16 keeps the running value in
 * float and rounds once at the end, as NumPy does (for float32/float64
 * this is the plain loop). */
static T NC_HNAME(subtract_reduce)(T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    CT r = LD(acc);
    for (ptrdiff_t i = 0; i < n; i++, p += step)
        r -= LD(*(const T *)p);
    return ST(r);
}

static T NC_HNAME(multiply_reduce)(T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    CT r = LD(acc);
    for (ptrdiff_t i = 0; i < n; i++, p += step)
        r *= LD(*(const T *)p);
    return ST(r);
}

static T NC_HNAME(divide_reduce)(T acc, const char *p, ptrdiff_t n, ptrdiff_t step)
{
    CT r = LD(acc);
    for (ptrdiff_t i = 0; i < n; i++, p += step)
        r /= LD(*(const T *)p);
    return ST(r);
}

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#define LOOP_NAME NC_KNAME(add)
#define LOOP_OP(a, b) ST(LD(a) + LD(b))
#define LOOP_REDUCE NC_HNAME(add_reduce)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(subtract)
#define LOOP_OP(a, b) ST(LD(a) - LD(b))
#define LOOP_REDUCE NC_HNAME(subtract_reduce)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(multiply)
#define LOOP_OP(a, b) ST(LD(a) * LD(b))
#define LOOP_REDUCE NC_HNAME(multiply_reduce)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(divide)
#define LOOP_OP(a, b) ST(LD(a) / LD(b))
#define LOOP_REDUCE NC_HNAME(divide_reduce)
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE
