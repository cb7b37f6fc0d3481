/* manip_shape.h: rearranging, padding and constructing routines of the core
 * (flip, diagonal and broadcast views; roll, tile, repeat, pad, gathers
 * along an axis, cyclic resize, triangle zeroing, trim bounds, axis sums).
 *
 * View functions return plain geometry (nc_geom) inside the source's byte
 * extent.  Data-moving functions write into arrays the caller owns or into a
 * fresh C-ordered array (`out`, which must be a cleared nc_array) and check
 * every size with overflow-checked arithmetic. */
#ifndef NUMC_MANIP_SHAPE_H
#define NUMC_MANIP_SHAPE_H

#include <stddef.h>
#include "numc/array.h"
#include "numc/view.h"
#include "numc/manip.h" /* nc_view_broadcast_to */

#ifdef __cplusplus
extern "C" {
#endif

/* Reverses the listed axes (naxes < 0: all).  NC_ERR_AXIS when out of
 * range, NC_ERR_VALUE for a repeated axis. */
NC_API nc_status nc_view_flip(const nc_array *a, int naxes, const int *axes, nc_geom *out);

/* NumPy's diagonal: axis1/axis2 removed, the diagonal appended last. */
NC_API nc_status nc_view_diagonal(const nc_array *a, ptrdiff_t offset, int axis1, int axis2,
                                  nc_geom *out);



/* dst = src rolled by shifts[i] along axes[i] (shifts on one axis add up).
 * dst has src's shape and must not overlap it. */
NC_API nc_status nc_roll(nc_array *dst, const nc_array *src, int naxes, const int *axes,
                         const ptrdiff_t *shifts);

/* NumPy's tile: reps shorter than ndim are padded with leading 1s, a
 * shorter ndim with leading length-1 axes.  Allocates `out`. */
NC_API nc_status nc_tile(const nc_array *src, int nreps, const ptrdiff_t *reps, nc_array *out);

/* Repeats each index along `axis` repeats[i] times (nrep == 1: the same
 * count for every index; otherwise nrep == shape[axis]).  Negative counts:
 * NC_ERR_VALUE.  Allocates `out`. */
NC_API nc_status nc_repeat(const nc_array *src, int axis, ptrdiff_t nrep, const ptrdiff_t *repeats,
                           nc_array *out);

/* dst[.., dst_idx[j], ..] = src[.., src_idx[j], ..] along `axis` for j < n
 * (NULL index lists mean j).  Other axes must match; indices are checked. */
NC_API nc_status nc_axis_copy_idx(nc_array *dst, const ptrdiff_t *dst_idx, const nc_array *src,
                                  const ptrdiff_t *src_idx, int axis, ptrdiff_t n);

/* Fills the contiguous dst with the contiguous src's elements repeated
 * cyclically (np.resize).  Same dtype; src may be empty only if dst is. */
NC_API nc_status nc_fill_cyclic(nc_array *dst, const nc_array *src);

typedef enum nc_pad_mode {
    NC_PAD_CONSTANT, NC_PAD_EDGE, NC_PAD_REFLECT, NC_PAD_SYMMETRIC, NC_PAD_WRAP, NC_PAD_EMPTY
} nc_pad_mode;

/* New array of src's shape grown by widths[2*i], widths[2*i+1] on axis i,
 * center = src, pads filled axis by axis as NumPy does (later axes own the
 * corners).  constant: cvals holds 2*ndim elements of src's dtype (before,
 * after per axis).  Non-constant modes on an empty axis that is padded:
 * NC_ERR_VALUE. */
NC_API nc_status nc_pad(const nc_array *src, const ptrdiff_t *widths, nc_pad_mode mode,
                        const char *cvals, nc_array *out);

typedef enum nc_pad_stat {
    NC_PADSTAT_MAX, NC_PADSTAT_MIN, NC_PADSTAT_MEAN, NC_PADSTAT_MEDIAN, NC_PADSTAT_RAMP
} nc_pad_stat;

/* Fills the pads of `axis` of the padded array `out` lane by lane (lanes
 * span the full extent of axes < axis and the center, of shape `center`,
 * of axes > axis).  Stats use lengths[0]/[1] elements next to each edge
 * (< 0: the whole center) and are computed in float64/complex128; integer
 * results are rounded half to even.  RAMP goes from ends (re, im before;
 * re, im after) to the edge values, floored for integer dtypes. */
NC_API nc_status nc_pad_lanes(nc_array *out, int axis, const ptrdiff_t *widths,
                              const ptrdiff_t *center, nc_pad_stat stat,
                              const ptrdiff_t *lengths, const double *ends);

/* nc_pad with NC_PAD_EMPTY followed by nc_pad_lanes on axis 0 (no ramp;
 * lengths has the two stat lengths of every axis), done in one pass over
 * src when the stat and layout allow: the stat modes' first axis then
 * reads the center once instead of writing it and reading it back.  For a
 * 2-d src that pass may also fill the axis-1 pads of the center rows;
 * *rows_done says so, and the caller then pads axis 1 only over the rows
 * that axis 0 added. */
NC_API nc_status nc_pad_first_lanes(const nc_array *src, const ptrdiff_t *widths,
                                    nc_pad_stat stat, const ptrdiff_t *lengths,
                                    nc_array *out, int *rows_done);

/* Zeroes the part of the last two axes outside tril (upper == 0: keeps
 * j <= i + k) or triu (upper == 1: keeps j >= i + k). */
NC_API nc_status nc_tri_zero(nc_array *a, ptrdiff_t k, int upper);

/* For each axis, the first and one-past-last index holding a nonzero
 * (first = last = 0 on every axis when all are zero).  lo/hi: ndim each. */
NC_API nc_status nc_nonzero_bounds(const nc_array *a, ptrdiff_t *lo, ptrdiff_t *hi);

/* dst (shape = src's without the last axis) = sum over src's last axis in
 * dst's dtype, through the core's add reduction (integers wrap). */
NC_API nc_status nc_sum_last_axis(nc_array *dst, const nc_array *src);

#ifdef __cplusplus
}
#endif
#endif
