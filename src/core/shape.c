/* shape.c: shape validation, sizes, strides and broadcasting.
 * All size arithmetic is overflow-checked: a shape is accepted only if
 * size * itemsize fits in ptrdiff_t. */
#include "numc/array.h"

nc_status nc_shape_size(int ndim, const ptrdiff_t *shape, int itemsize, ptrdiff_t *size)
{
    if (ndim < 0 || ndim > NC_MAXDIMS)
        return nc_error_set(NC_ERR_VALUE,
                            "maximum supported dimension for an ndarray is currently %d, found %d",
                            NC_MAXDIMS, ndim);
    ptrdiff_t n = 1;
    int overflow = 0;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0)
            return nc_error_set(NC_ERR_VALUE, "negative dimensions are not allowed");
        if (__builtin_mul_overflow(n, shape[i], &n))
            overflow = 1; /* keep scanning: a later 0 or negative dim decides */
    }
    ptrdiff_t bytes;
    int has_zero = 0;
    for (int i = 0; i < ndim; i++)
        has_zero |= shape[i] == 0;
    if (has_zero) {
        /* NumPy still refuses shapes whose nonzero product overflows. */
        ptrdiff_t m = 1;
        for (int i = 0; i < ndim; i++)
            if (shape[i] && __builtin_mul_overflow(m, shape[i], &m))
                return nc_error_set(NC_ERR_VALUE,
                                    "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        *size = 0;
        return NC_OK;
    }
    if (overflow || __builtin_mul_overflow(n, (ptrdiff_t)(itemsize > 0 ? itemsize : 1), &bytes))
        return nc_error_set(NC_ERR_VALUE,
                            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    *size = n;
    return NC_OK;
}

void nc_strides_c(int ndim, const ptrdiff_t *shape, ptrdiff_t itemsize, ptrdiff_t *strides)
{
    ptrdiff_t s = itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        strides[i] = s;
        s *= shape[i] ? shape[i] : 1;
    }
}

void nc_strides_f(int ndim, const ptrdiff_t *shape, ptrdiff_t itemsize, ptrdiff_t *strides)
{
    ptrdiff_t s = itemsize;
    for (int i = 0; i < ndim; i++) {
        strides[i] = s;
        s *= shape[i] ? shape[i] : 1;
    }
}

nc_status nc_broadcast_shapes(int n, const int *ndims, const ptrdiff_t *const *shapes,
                              int *out_ndim, ptrdiff_t *out_shape)
{
    int nd = 0;
    for (int k = 0; k < n; k++) {
        if (ndims[k] > NC_MAXDIMS)
            return nc_error_set(NC_ERR_VALUE, "too many dimensions");
        if (ndims[k] > nd)
            nd = ndims[k];
    }
    for (int i = 0; i < nd; i++)
        out_shape[i] = 1;
    for (int k = 0; k < n; k++) {
        int off = nd - ndims[k];
        for (int i = 0; i < ndims[k]; i++) {
            ptrdiff_t d = shapes[k][i];
            ptrdiff_t *o = &out_shape[off + i];
            if (d == *o || d == 1)
                continue;
            if (*o == 1) {
                *o = d;
                continue;
            }
            return nc_error_set(NC_ERR_SHAPE,
                                "operands could not be broadcast together with shapes");
        }
    }
    *out_ndim = nd;
    return NC_OK;
}

nc_status nc_normalize_axis(int axis, int ndim, int *out)
{
    if (axis < -ndim || axis >= ndim)
        return nc_error_set(NC_ERR_AXIS, "axis %d is out of bounds for array of dimension %d",
                            axis, ndim);
    *out = axis < 0 ? axis + ndim : axis;
    return NC_OK;
}
