/* select.h: data movement of advanced indexing and selection routines.
 *
 * Gathers and scatters through integer index arrays, boolean-mask
 * compaction and expansion, nonzero and the three-argument where.  The
 * callers (the binding) resolve an index expression into geometry: these
 * functions see arrays whose leading axes are the indexed ones.  Index
 * arrays are always int64 (intp); values handed to scatters already have
 * the destination's dtype.  Bounds are checked here, once per element. */
#ifndef NUMC_SELECT_H
#define NUMC_SELECT_H

#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What an out-of-range index does (take/put/choose `mode`). */
typedef enum nc_clipmode { NC_CLIP_RAISE = 0, NC_CLIP_WRAP = 1, NC_CLIP_CLIP = 2 } nc_clipmode;

/* dst[b..., r...] = src[idx[0][b], ..., idx[nidx-1][b], r...].
 * idx: nidx int64 arrays of one shape B (any strides, 0 for broadcast).
 * src: nidx indexed axes first, then the rest R.  dst: shape B + R, src's
 * dtype, any strides.  axis_ids (may be NULL) names the axes in
 * "index 5 is out of bounds for axis 0 with size 3".  Errors: NC_ERR_INDEX,
 * NC_ERR_VALUE (geometry mismatch).  An indexed axis of length 0 with a
 * non-empty B is an error in every mode. */
NC_API nc_status nc_index_gather(const nc_array *src, int nidx, const nc_array *idx,
                                 const int *axis_ids, nc_clipmode mode, nc_array *dst);
/* dst[idx[0][b], ..., r...] = val[b..., r...], visiting b in C order so that
 * the last of repeated indices wins.  val: shape B + R, dst's dtype. */
NC_API nc_status nc_index_scatter(nc_array *dst, int nidx, const nc_array *idx,
                                  const int *axis_ids, nc_clipmode mode, const nc_array *val);

/* Number of true elements of a bool array. */
NC_API nc_status nc_mask_count(const nc_array *mask, ptrdiff_t *count);
/* dst[j, r...] = src[m_j..., r...] for the j-th true position m_j of mask
 * (C order).  mask: bool, shape == src.shape[:mask.ndim].  dst: shape
 * (count,) + R, src's dtype. */
NC_API nc_status nc_mask_gather(const nc_array *src, const nc_array *mask, nc_array *dst);
/* dst[m_j..., r...] = val[j, r...]; val: shape (count,) + R (any strides). */
NC_API nc_status nc_mask_scatter(nc_array *dst, const nc_array *mask, const nc_array *val);

/* Indices of the non-zero elements of `a`: initialises `out` as an int64
 * array of shape (max(ndim,1), count); row k holds the axis-k indices
 * (for ndim 0, the single row holds 0 when a is non-zero). */
NC_API nc_status nc_nonzero(const nc_array *a, nc_array *out);

/* out = cond ? x : y element-wise; cond bool, x, y of out's dtype, all
 * broadcast to out's shape (NC_ERR_SHAPE otherwise). */
NC_API nc_status nc_where(const nc_array *cond, const nc_array *x, const nc_array *y,
                          nc_array *out);

/* NC_OK when every element of the view (data, shape, byte strides,
 * itemsize) lies inside `buf`; NC_ERR_VALUE when a byte would fall outside
 * or the extent overflows.  Used by as_strided(check_bounds=True). */
NC_API nc_status nc_view_check_extent(const nc_buffer *buf, const char *data, int ndim,
                                      const ptrdiff_t *shape, const ptrdiff_t *strides,
                                      int itemsize);

#ifdef __cplusplus
}
#endif
#endif
