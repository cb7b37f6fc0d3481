/* iter.h: the broadcasting multi-operand iterator.
 *
 * nc_iter walks several arrays of one (broadcast) shape together.  At init it
 * broadcasts each operand to the iteration shape (zero strides), orders axes
 * so the innermost has the smallest stride of the reference operand,
 * removes length-1 axes and coalesces axes that are contiguous for every
 * operand.  It then hands out inner loops: `inner_size` elements starting at
 * `ptrs[i]` with byte steps `inner_strides[i]`.
 *
 *     nc_iter it;
 *     if ((st = nc_iter_init(&it, nop, ops, ndim, shape)) != NC_OK) return st;
 *     if (nc_iter_size(&it) > 0)
 *         do loop(it.ptrs, &it.inner_size, it.inner_strides, ctx);
 *         while (nc_iter_next(&it));
 *
 * The iterator holds no references and allocates nothing. */
#ifndef NUMC_ITER_H
#define NUMC_ITER_H

#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NC_ITER_MAXOPS 8

typedef struct nc_iter {
    int nop;
    int ndim;                      /* after coalescing, >= 1; axis 0 innermost */
    ptrdiff_t size;                /* total elements */
    ptrdiff_t inner_size;          /* == shape[0] */
    ptrdiff_t inner_strides[NC_ITER_MAXOPS];
    char *ptrs[NC_ITER_MAXOPS];    /* current inner-loop start per operand */
    ptrdiff_t shape[NC_MAXDIMS];
    ptrdiff_t index[NC_MAXDIMS];
    ptrdiff_t strides[NC_MAXDIMS][NC_ITER_MAXOPS];
} nc_iter;

/* Prepares iteration of `nop` operands over `shape` (ndim dims).  Every
 * operand must broadcast to `shape` (NC_ERR_SHAPE otherwise).  Axis order
 * follows the strides of the first operand that has no zero stride. */
NC_API nc_status nc_iter_init(nc_iter *it, int nop, const nc_array *const *ops,
                              int ndim, const ptrdiff_t *shape);
/* Same with explicit data pointers, strides and shapes per operand. */
NC_API nc_status nc_iter_init_raw(nc_iter *it, int nop, char *const *data,
                                  const int *ndims,
                                  const ptrdiff_t *const *shapes,
                                  const ptrdiff_t *const *strides, int ndim,
                                  const ptrdiff_t *shape);
static inline ptrdiff_t nc_iter_size(const nc_iter *it) { return it->size; }
/* Advances to the next inner loop; returns 0 when iteration is finished. */
NC_API int nc_iter_next(nc_iter *it);

#ifdef __cplusplus
}
#endif
#endif
