/* transpose_copy.c: cache-blocked copies between arrays whose fastest
 * axes differ (a.T.copy(), astype of a transposed array, F <-> C copies).
 *
 * An element-wise walk in the destination's order reads the source with a
 * large stride and touches a new cache line per element; a walk in the
 * source's order does the same to the destination.  Copying tiles of the two
 * fast axes keeps both the tile's source lines and destination lines in
 * cache, so every line is loaded once.  Tiles are walked so that the
 * destination is written sequentially (a band of TILE_J destination rows at
 * a time, left to right).
 *
 * Fast path: when no cast is needed, the itemsize is 8 or 4, and both fast
 * axes are contiguous (destination along p, source along q), an AVX2 kernel
 * (chosen at run time) transposes 4x4 doubles or 8x8 floats in registers.
 * For destinations much larger than the caches it writes whole aligned
 * vectors with non-temporal stores (no read-for-ownership of the output),
 * ending with an sfence; edges and misaligned vectors use ordinary stores.
 * Everything else (casts, other itemsizes, non-unit fast strides, non-AVX2
 * CPUs) takes the generic tile loop.  It is a pure copy: results are exact.
 *
 * Invariants: dst and src have the same shape (no broadcasting) and do not
 * overlap; the caller (nc_array_assign) checks overlap first. */
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NC_TR_X86 1
#endif
#include "numc/view.h"
#include "core/parallel.h"

#define TILE 32
/* Fast-path tile: TILE_I along the destination's fast axis, TILE_J along the
 * source's fast axis (multiples of 8). */
#define TILE_I 32
#define TILE_J 128
/* Destinations at least this large are written with non-temporal stores. */
#define NT_BYTES ((size_t)64 << 20)

/* Copies one TILE x TILE (or smaller) tile; i runs along the destination's
 * fast axis (p), j along the source's fast axis (q). */
static void tile_copy(char *d, const char *s, ptrdiff_t ni, ptrdiff_t nj, ptrdiff_t dpi,
                      ptrdiff_t dpj, ptrdiff_t spi, ptrdiff_t spj, int itemsize, nc_cast_fn cast)
{
    if (cast) {
        for (ptrdiff_t j = 0; j < nj; j++)
            cast(s + j * spj, spi, d + j * dpj, dpi, ni);
        return;
    }
#define TILE_LOOP(T)                                                           \
    for (ptrdiff_t j = 0; j < nj; j++)                                         \
        for (ptrdiff_t i = 0; i < ni; i++)                                     \
            memcpy(d + i * dpi + j * dpj, s + i * spi + j * spj, sizeof(T));
    switch (itemsize) {
    case 1: TILE_LOOP(uint8_t) break;
    case 2: TILE_LOOP(uint16_t) break;
    case 4: TILE_LOOP(uint32_t) break;
    case 8: TILE_LOOP(uint64_t) break;
    default:
        for (ptrdiff_t j = 0; j < nj; j++)
            for (ptrdiff_t i = 0; i < ni; i++)
                memcpy(d + i * dpi + j * dpj, s + i * spi + j * spj, (size_t)itemsize);
    }
#undef TILE_LOOP
}

#ifdef NC_TR_X86
/* 8-byte elements, dpi == spj == 8: d[i*8 + j*dpj] = s[i*spi + j*8]. */
__attribute__((target("avx2"))) static void tile8_avx2(char *d, const char *s, ptrdiff_t ni,
                                                       ptrdiff_t nj, ptrdiff_t dpj,
                                                       ptrdiff_t spi, int nt)
{
    ptrdiff_t ni4 = ni & ~(ptrdiff_t)3, nj4 = nj & ~(ptrdiff_t)3;
    for (ptrdiff_t j = 0; j < nj4; j += 4) {
        char *drow = d + j * dpj;
        /* Streaming needs 32-byte aligned destinations in every row. */
        int stream = nt && ((uintptr_t)drow & 31) == 0 && (dpj & 31) == 0;
        for (ptrdiff_t i = 0; i < ni4; i += 4) {
            const char *sp = s + i * spi + j * 8;
            __m256d r0 = _mm256_loadu_pd((const double *)sp);
            __m256d r1 = _mm256_loadu_pd((const double *)(sp + spi));
            __m256d r2 = _mm256_loadu_pd((const double *)(sp + 2 * spi));
            __m256d r3 = _mm256_loadu_pd((const double *)(sp + 3 * spi));
            __m256d t0 = _mm256_unpacklo_pd(r0, r1), t1 = _mm256_unpackhi_pd(r0, r1);
            __m256d t2 = _mm256_unpacklo_pd(r2, r3), t3 = _mm256_unpackhi_pd(r2, r3);
            __m256d c0 = _mm256_permute2f128_pd(t0, t2, 0x20);
            __m256d c1 = _mm256_permute2f128_pd(t1, t3, 0x20);
            __m256d c2 = _mm256_permute2f128_pd(t0, t2, 0x31);
            __m256d c3 = _mm256_permute2f128_pd(t1, t3, 0x31);
            double *dp = (double *)(drow + i * 8);
            if (stream) {
                _mm256_stream_pd(dp, c0);
                _mm256_stream_pd((double *)((char *)dp + dpj), c1);
                _mm256_stream_pd((double *)((char *)dp + 2 * dpj), c2);
                _mm256_stream_pd((double *)((char *)dp + 3 * dpj), c3);
            }
            else {
                _mm256_storeu_pd(dp, c0);
                _mm256_storeu_pd((double *)((char *)dp + dpj), c1);
                _mm256_storeu_pd((double *)((char *)dp + 2 * dpj), c2);
                _mm256_storeu_pd((double *)((char *)dp + 3 * dpj), c3);
            }
        }
        for (ptrdiff_t jj = j; jj < j + 4; jj++)
            for (ptrdiff_t i = ni4; i < ni; i++)
                memcpy(d + i * 8 + jj * dpj, s + i * spi + jj * 8, 8);
    }
    for (ptrdiff_t j = nj4; j < nj; j++)
        for (ptrdiff_t i = 0; i < ni; i++)
            memcpy(d + i * 8 + j * dpj, s + i * spi + j * 8, 8);
}

/* 4-byte elements, dpi == spj == 4: an 8x8 in-register transpose. */
__attribute__((target("avx2"))) static void tile4_avx2(char *d, const char *s, ptrdiff_t ni,
                                                       ptrdiff_t nj, ptrdiff_t dpj,
                                                       ptrdiff_t spi, int nt)
{
    ptrdiff_t ni8 = ni & ~(ptrdiff_t)7, nj8 = nj & ~(ptrdiff_t)7;
    for (ptrdiff_t j = 0; j < nj8; j += 8) {
        char *drow = d + j * dpj;
        int stream = nt && ((uintptr_t)drow & 31) == 0 && (dpj & 31) == 0;
        for (ptrdiff_t i = 0; i < ni8; i += 8) {
            const char *sp = s + i * spi + j * 4;
            __m256 r0 = _mm256_loadu_ps((const float *)sp);
            __m256 r1 = _mm256_loadu_ps((const float *)(sp + spi));
            __m256 r2 = _mm256_loadu_ps((const float *)(sp + 2 * spi));
            __m256 r3 = _mm256_loadu_ps((const float *)(sp + 3 * spi));
            __m256 r4 = _mm256_loadu_ps((const float *)(sp + 4 * spi));
            __m256 r5 = _mm256_loadu_ps((const float *)(sp + 5 * spi));
            __m256 r6 = _mm256_loadu_ps((const float *)(sp + 6 * spi));
            __m256 r7 = _mm256_loadu_ps((const float *)(sp + 7 * spi));
            __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
            __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
            __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
            __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
            __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
            __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
            __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
            __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
            __m256 c[8];
            c[0] = _mm256_permute2f128_ps(u0, u4, 0x20);
            c[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
            c[2] = _mm256_permute2f128_ps(u2, u6, 0x20);
            c[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
            c[4] = _mm256_permute2f128_ps(u0, u4, 0x31);
            c[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
            c[6] = _mm256_permute2f128_ps(u2, u6, 0x31);
            c[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
            char *dp = drow + i * 4;
            if (stream)
                for (int k = 0; k < 8; k++)
                    _mm256_stream_ps((float *)(dp + k * dpj), c[k]);
            else
                for (int k = 0; k < 8; k++)
                    _mm256_storeu_ps((float *)(dp + k * dpj), c[k]);
        }
        for (ptrdiff_t jj = j; jj < j + 8; jj++)
            for (ptrdiff_t i = ni8; i < ni; i++)
                memcpy(d + i * 4 + jj * dpj, s + i * spi + jj * 4, 4);
    }
    for (ptrdiff_t j = nj8; j < nj; j++)
        for (ptrdiff_t i = 0; i < ni; i++)
            memcpy(d + i * 4 + j * dpj, s + i * spi + j * 4, 4);
}

__attribute__((target("avx2"))) static void store_fence(void) { _mm_sfence(); }

static int have_avx2(void)
{
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return cached;
}
#endif

static int fastest_axis(int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    int best = -1;
    for (int k = 0; k < ndim; k++)
        if (shape[k] > 1 && (best < 0 || (strides[k] < 0 ? -strides[k] : strides[k]) <
                                             (strides[best] < 0 ? -strides[best] : strides[best])))
            best = k;
    return best;
}

#ifdef NC_TR_X86
/* A band of destination rows [j_begin, j_end) of a two-dimensional AVX2
 * copy; bands are independent, so threads take whole bands. */
typedef struct band_copy {
    char *d;
    const char *s;
    ptrdiff_t np_, dpj, spi;
    int kind, nt;
} band_copy;

static void copy_bands(void *arg, ptrdiff_t jb, ptrdiff_t je)
{
    const band_copy *b = arg;
    const ptrdiff_t itemsize = b->kind;
    for (ptrdiff_t j0 = jb; j0 < je; j0 += TILE_J)
        for (ptrdiff_t i0 = 0; i0 < b->np_; i0 += TILE_I) {
            char *d = b->d + i0 * itemsize + j0 * b->dpj;
            const char *s = b->s + i0 * b->spi + j0 * itemsize;
            ptrdiff_t ni = b->np_ - i0 < TILE_I ? b->np_ - i0 : TILE_I;
            ptrdiff_t nj = je - j0 < TILE_J ? je - j0 : TILE_J;
            if (b->kind == 8)
                tile8_avx2(d, s, ni, nj, b->dpj, b->spi, b->nt);
            else
                tile4_avx2(d, s, ni, nj, b->dpj, b->spi, b->nt);
        }
    /* streaming stores are weakly ordered: each thread fences its own
     * before the pool reports the band done */
    if (b->nt)
        store_fence();
}
#endif

/* Returns 1 when it copied, 0 when the blocked path does not apply. */
int nc__copy_blocked(nc_array *dst, const nc_array *src)
{
    if (dst->ndim != src->ndim || dst->size < 4096)
        return 0;
    for (int k = 0; k < dst->ndim; k++)
        if (dst->shape[k] != src->shape[k])
            return 0;
    int p = fastest_axis(dst->ndim, dst->shape, dst->strides);
    int q = fastest_axis(src->ndim, src->shape, src->strides);
    if (p < 0 || q < 0 || p == q)
        return 0;
    int itemsize = nc_dtype_info(dst->dtype)->itemsize;
    nc_cast_fn cast = src->dtype == dst->dtype ? NULL : nc_cast_get(src->dtype, dst->dtype);
    /* Odometer over the other axes. */
    int outer[NC_MAXDIMS], no = 0;
    for (int k = 0; k < dst->ndim; k++)
        if (k != p && k != q && dst->shape[k] > 1)
            outer[no++] = k;
    ptrdiff_t idx[NC_MAXDIMS] = {0};
    ptrdiff_t np_ = dst->shape[p], nq = dst->shape[q];
    char *dbase = dst->data;
    const char *sbase = src->data;
    int kind = 0; /* 8 or 4: AVX2 kernel for that itemsize */
#ifdef NC_TR_X86
    if (!cast && (itemsize == 8 || itemsize == 4) && dst->strides[p] == itemsize &&
        src->strides[q] == itemsize && have_avx2())
        kind = itemsize;
#endif
    if (kind) {
#ifdef NC_TR_X86
        int nt = (size_t)dst->size * (size_t)itemsize >= NT_BYTES;
        ptrdiff_t dpj = dst->strides[q], spi = src->strides[p];
        band_copy b = {dbase, sbase, np_, dpj, spi, kind, nt};
        if (no == 0) {
            ptrdiff_t chunk = nc__par_chunk(nq, (65536 / (np_ > 0 ? np_ : 1) / TILE_J + 1) * TILE_J,
                                            TILE_J);
            nc__parallel_for(nq, chunk, copy_bands, &b);
            return 1;
        }
        for (;;) {
            b.d = dbase;
            b.s = sbase;
            copy_bands(&b, 0, nq); /* fences its own streaming stores */
            int k = no - 1;
            for (; k >= 0; k--) {
                int ax = outer[k];
                dbase += dst->strides[ax];
                sbase += src->strides[ax];
                if (++idx[k] < dst->shape[ax])
                    break;
                dbase -= dst->strides[ax] * dst->shape[ax];
                sbase -= src->strides[ax] * src->shape[ax];
                idx[k] = 0;
            }
            if (k < 0)
                break;
        }
        return 1;
#endif
    }
    for (;;) {
        for (ptrdiff_t j0 = 0; j0 < nq; j0 += TILE)
            for (ptrdiff_t i0 = 0; i0 < np_; i0 += TILE)
                tile_copy(dbase + i0 * dst->strides[p] + j0 * dst->strides[q],
                          sbase + i0 * src->strides[p] + j0 * src->strides[q],
                          np_ - i0 < TILE ? np_ - i0 : TILE, nq - j0 < TILE ? nq - j0 : TILE,
                          dst->strides[p], dst->strides[q], src->strides[p], src->strides[q],
                          itemsize, cast);
        int k = no - 1;
        for (; k >= 0; k--) {
            int ax = outer[k];
            dbase += dst->strides[ax];
            sbase += src->strides[ax];
            if (++idx[k] < dst->shape[ax])
                break;
            dbase -= dst->strides[ax] * dst->shape[ax];
            sbase -= src->strides[ax] * src->shape[ax];
            idx[k] = 0;
        }
        if (k < 0)
            return 1;
    }
}

nc_status nc_array_copy(nc_array *dst, const nc_array *src, nc_casting casting)
{
    /* nc_array_assign takes the blocked path itself when it applies. */
    return nc_array_assign(dst, src, casting);
}
