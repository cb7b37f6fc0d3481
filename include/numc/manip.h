/* manip.h: joining arrays, broadcast views, masked copies and memory
 * overlap queries (the core of numc's concatenate/stack, broadcast_to,
 * copyto(where=) and shares_memory).
 *
 * Every entry point validates shapes and axes with overflow-checked
 * arithmetic and reports bad input with NumPy's exception kind and message. */
#ifndef NUMC_MANIP_H
#define NUMC_MANIP_H

#include <stddef.h>
#include "numc/array.h"
#include "numc/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Shape of the concatenation of n arrays along `axis` (negative counts from
 * the end; normalised into *axis).  Errors: NC_ERR_VALUE (no arrays, 0-d
 * arrays, mismatched ndim or sizes), NC_ERR_AXIS. */
NC_API nc_status nc_concat_shape(int n, const nc_array *const *in, int *axis, int *ndim,
                                 ptrdiff_t *shape);

/* Copies the n inputs one after another along `axis` into `out`, whose
 * shape must be nc_concat_shape's result, casting under `casting`.  Each
 * input goes into its slab of out: memcpy of whole rows when both are
 * C-contiguous and of one dtype, nc_array_assign (blocked when layouts
 * differ) otherwise.  Inputs that overlap out are read before any write. */
NC_API nc_status nc_concatenate(nc_array *out, int n, const nc_array *const *in, int axis,
                                nc_casting casting);

/* Geometry of `a` broadcast to `shape` (zero strides on new or stretched
 * axes).  Errors: NC_ERR_VALUE with NumPy's message when it does not fit. */
NC_API nc_status nc_view_broadcast_to(const nc_array *a, int ndim, const ptrdiff_t *shape,
                                      nc_geom *out);

/* dst[where] = src: src and where (bool) broadcast to dst's shape; src is
 * cast under `casting`.  where == NULL copies everything. */
NC_API nc_status nc_array_copyto(nc_array *dst, const nc_array *src, const nc_array *where,
                                 nc_casting casting);

/* Whether a and b have a byte in common.  max_work < 0: answer exactly;
 * 0: only compare the byte extents (may_share_memory); > 0: answer exactly
 * if that takes at most max_work element visits, else *result = -1 (too
 * hard).  *result: 1 shared, 0 not shared. */
NC_API nc_status nc_shares_memory(const nc_array *a, const nc_array *b, ptrdiff_t max_work,
                                  int *result);

#ifdef __cplusplus
}
#endif
#endif
