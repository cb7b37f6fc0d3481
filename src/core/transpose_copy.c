/* transpose_copy.c: cache-blocked copies between arrays whose fastest
 * axes differ (a.T.copy(), astype of a transposed array, F <-> C copies).
 *
 * An element-wise walk in the destination's order reads the source with a
 * large stride and touches a new cache line per element; a walk in the
 * source's order does the same to the destination.  Copying square tiles
 * of the two fast axes keeps both the tile's source lines and destination
 * lines in cache, so every line is loaded once.
 *
 * Invariants: dst and src have the same shape (no broadcasting) and do not
 * overlap; the caller (nc_array_copy) checks both and falls back to
 * nc_array_assign otherwise. */
#include <string.h>
#include "numc/view.h"

#define TILE 32

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

static int fastest_axis(int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    int best = -1;
    for (int k = 0; k < ndim; k++)
        if (shape[k] > 1 && (best < 0 || (strides[k] < 0 ? -strides[k] : strides[k]) <
                                             (strides[best] < 0 ? -strides[best] : strides[best])))
            best = k;
    return best;
}

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
