/* view.h: geometry of views (basic indexing, reshape, transpose, squeeze,
 * dtype views) and the copies that need only array geometry.
 *
 * Every function here validates its arguments with overflow-checked
 * arithmetic and reports bad input through nc_status with NumPy's message;
 * none of them allocates unless documented.  A geometry result (nc_geom) is
 * plain data: the caller turns it into an array with nc_array_init_view over
 * the source's buffer.  All results stay inside the source's byte extent. */
#ifndef NUMC_VIEW_H
#define NUMC_VIEW_H

#include <stddef.h>
#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Geometry of a view: data pointer, shape and byte strides. */
typedef struct nc_geom {
    char *data;
    nc_dtype_id dtype;
    int ndim;
    ptrdiff_t shape[NC_MAXDIMS];
    ptrdiff_t strides[NC_MAXDIMS];
} nc_geom;

/* One element of a basic index expression. */
typedef enum nc_index_kind {
    NC_INDEX_INT,       /* start holds the (possibly negative) integer */
    NC_INDEX_SLICE,     /* start/stop/step as Python's PySlice_Unpack gives them */
    NC_INDEX_ELLIPSIS,
    NC_INDEX_NEWAXIS
} nc_index_kind;

typedef struct nc_index {
    nc_index_kind kind;
    ptrdiff_t start, stop, step;
} nc_index;

/* Clips a slice to an axis of length `len` exactly as Python does
 * (PySlice_AdjustIndices); step must be nonzero.  Returns the length of
 * the selection and rewrites *start to the first selected index. */
NC_API ptrdiff_t nc_slice_adjust(ptrdiff_t len, ptrdiff_t *start, ptrdiff_t *stop,
                                 ptrdiff_t step);

/* Applies a basic index (n elements) to `a`.  *is_scalar is set when every
 * axis was consumed by an integer and the index holds no Ellipsis/newaxis,
 * i.e. when NumPy returns a scalar.  Errors: NC_ERR_INDEX. */
NC_API nc_status nc_view_index(const nc_array *a, int n, const nc_index *idx,
                               nc_geom *out, int *is_scalar);

/* Resolves one unknown (negative) dimension of `shape` against `size` and
 * checks the total and that the byte extent (with `itemsize`) fits.
 * Errors: NC_ERR_VALUE with NumPy's messages. */
NC_API nc_status nc_shape_infer(ptrdiff_t size, int ndim, ptrdiff_t *shape, int itemsize);

/* Strides that view `a` with the new shape (same size) without copying,
 * reading elements in C (fortran == 0) or Fortran order.  Returns 1 and
 * fills `strides` when possible, 0 when a copy is needed. */
NC_API int nc_reshape_strides(const nc_array *a, int ndim, const ptrdiff_t *shape,
                              int fortran, ptrdiff_t *strides);

/* Permutes axes (axes == NULL: reverse them).  Errors: NC_ERR_AXIS for an
 * out-of-range axis, NC_ERR_VALUE for a wrong count or a repeated axis. */
NC_API nc_status nc_view_transpose(const nc_array *a, int naxes, const int *axes,
                                   nc_geom *out);
/* Swaps two axes (NC_ERR_AXIS naming axis1/axis2 on bad input). */
NC_API nc_status nc_view_swapaxes(const nc_array *a, int axis1, int axis2, nc_geom *out);
/* Removes the listed axes (naxes < 0: all length-1 axes). */
NC_API nc_status nc_view_squeeze(const nc_array *a, int naxes, const int *axes,
                                 nc_geom *out);
/* Reinterprets the elements as `dtype`; a different itemsize rescales the
 * last axis, which must be contiguous.  Errors: NC_ERR_VALUE. */
NC_API nc_status nc_view_dtype(const nc_array *a, nc_dtype_id dtype, nc_geom *out);

/* dst[...] = src like nc_array_assign, with a cache-blocked path when the
 * fastest axes of dst and src differ (transposed copies). */
NC_API nc_status nc_array_copy(nc_array *dst, const nc_array *src, nc_casting casting);
/* The blocked path alone: 1 if it copied, 0 if it does not apply (shapes
 * differ, small arrays, same fast axis).  dst and src must not overlap. */
int nc__copy_blocked(nc_array *dst, const nc_array *src);

/* Copies the elements of `src`, read in C or Fortran order, into the
 * contiguous array `dst` of the same size (any shape, same layout order),
 * casting under `casting`. */
NC_API nc_status nc_array_copy_ordered(nc_array *dst, const nc_array *src, int fortran,
                                       nc_casting casting);

/* Address of one element, as ndarray.item(*index): n == 0 needs size 1,
 * n == 1 (when ndim != 1) is a flat C-order index, otherwise n == ndim
 * per-axis indices (negative count from the end).  Errors: NC_ERR_INDEX,
 * NC_ERR_VALUE. */
NC_API nc_status nc_array_item_ptr(const nc_array *a, int n, const ptrdiff_t *index,
                                   char **out);

/* *found = 1 when some element of `a` equals the single element of dtype
 * `vtype` at `value` (compared in the promoted dtype, as a == value). */
NC_API nc_status nc_array_contains(const nc_array *a, nc_dtype_id vtype,
                                   const char *value, int *found);

#ifdef __cplusplus
}
#endif
#endif
