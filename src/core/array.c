/* array.c: construction, flags and teardown of nc_array.
 * Invariants: see array.h.  Shape storage is inline for ndim <=
 * NC_INLINE_DIMS and one heap block (shape then strides) beyond that. */
#include <stdlib.h>
#include <string.h>
#include "numc/array.h"
#include "numc/alloc.h"
#include "core/internal.h"

static void free_dims(nc_array *a)
{
    if (a->shape && a->shape != a->inline_dims)
        nc_free(a->shape);
    a->shape = a->strides = NULL;
}

nc_status nc_array_set_ndim(nc_array *a, int ndim)
{
    if (ndim < 0 || ndim > NC_MAXDIMS)
        return nc_error_set(NC_ERR_VALUE,
                            "maximum supported dimension for an ndarray is currently %d, found %d",
                            NC_MAXDIMS, ndim);
    free_dims(a);
    if (ndim <= NC_INLINE_DIMS) {
        a->shape = a->inline_dims;
        a->strides = a->inline_dims + NC_INLINE_DIMS;
    } else {
        ptrdiff_t *block = nc_malloc(2 * (size_t)ndim * sizeof(ptrdiff_t));
        if (!block)
            return nc_error_set(NC_ERR_NOMEM, "Unable to allocate array dimensions");
        a->shape = block;
        a->strides = block + ndim;
    }
    a->ndim = ndim;
    return NC_OK;
}

void nc_array_update_flags(nc_array *a)
{
    int itemsize = nc_dtype_info(a->dtype)->itemsize;
    ptrdiff_t size = 1;
    for (int i = 0; i < a->ndim; i++)
        size *= a->shape[i];
    a->size = size;
    int flags = a->flags & ~(NC_C_CONTIGUOUS | NC_F_CONTIGUOUS | NC_ALIGNED);
    /* NumPy's rule: dims of length 1 do not matter; empty arrays are both. */
    int c = 1, f = 1;
    if (size != 0) {
        ptrdiff_t s = itemsize;
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (a->shape[i] != 1) {
                if (a->strides[i] != s)
                    c = 0;
                s *= a->shape[i];
            }
        }
        s = itemsize;
        for (int i = 0; i < a->ndim; i++) {
            if (a->shape[i] != 1) {
                if (a->strides[i] != s)
                    f = 0;
                s *= a->shape[i];
            }
        }
    }
    if (c)
        flags |= NC_C_CONTIGUOUS;
    if (f)
        flags |= NC_F_CONTIGUOUS;
    int align = nc_dtype_info(a->dtype)->alignment;
    int aligned = ((uintptr_t)a->data % (uintptr_t)align) == 0;
    for (int i = 0; i < a->ndim && aligned; i++)
        if (a->shape[i] > 1 && a->strides[i] % align)
            aligned = 0;
    if (aligned)
        flags |= NC_ALIGNED;
    a->flags = flags;
}

nc_status nc_array_init_empty(nc_array *a, nc_dtype_id dtype, int ndim, const ptrdiff_t *shape,
                              nc_order order, int zeroed)
{
    memset(a, 0, offsetof(nc_array, inline_dims));
    int itemsize = nc_dtype_info(dtype)->itemsize;
    ptrdiff_t size;
    nc_status st = nc_shape_size(ndim, shape, itemsize, &size);
    if (st)
        return st;
    if ((st = nc_array_set_ndim(a, ndim)))
        return st;
    if (ndim)
        memcpy(a->shape, shape, (size_t)ndim * sizeof(ptrdiff_t));
    if (size == 0) /* NumPy 2 gives fresh empty arrays zero strides */
        memset(a->strides, 0, (size_t)ndim * sizeof(ptrdiff_t));
    else if (order == NC_ORDER_F)
        nc_strides_f(ndim, shape, itemsize, a->strides);
    else
        nc_strides_c(ndim, shape, itemsize, a->strides);
    if ((st = nc_buffer_new((size_t)size * (size_t)itemsize, zeroed, &a->buffer))) {
        free_dims(a);
        return st;
    }
    a->data = a->buffer->data;
    a->dtype = dtype;
    a->size = size;
    /* A fresh dense array is aligned and contiguous in its order; in both
     * orders when at most one dimension is longer than 1 (or it is empty). */
    int long_dims = 0;
    for (int i = 0; i < ndim; i++)
        long_dims += shape[i] != 1;
    int contig = (long_dims <= 1 || size == 0) ? NC_C_CONTIGUOUS | NC_F_CONTIGUOUS
                 : order == NC_ORDER_F         ? NC_F_CONTIGUOUS
                                               : NC_C_CONTIGUOUS;
    a->flags = NC_OWNDATA | NC_WRITEABLE | NC_ALIGNED | contig;
    return NC_OK;
}

nc_status nc_array_init_like(nc_array *a, const nc_array *proto, nc_dtype_id dtype, int ndim,
                             const ptrdiff_t *shape)
{
    /* Match proto's axis order only when it has the same shape; otherwise C. */
    int same = proto && proto->ndim == ndim && ndim > 1;
    for (int i = 0; same && i < ndim; i++)
        same = proto->shape[i] == shape[i];
    if (!same || (proto->flags & NC_C_CONTIGUOUS))
        return nc_array_init_empty(a, dtype, ndim, shape, NC_ORDER_C, 0);
    if (proto->flags & NC_F_CONTIGUOUS)
        return nc_array_init_empty(a, dtype, ndim, shape, NC_ORDER_F, 0);
    /* General case: sort axes by |stride| (stable, outermost first). */
    int perm[NC_MAXDIMS];
    for (int i = 0; i < ndim; i++)
        perm[i] = i;
    for (int i = 1; i < ndim; i++) {
        int p = perm[i], j = i;
        ptrdiff_t sp = llabs(proto->strides[p]);
        while (j > 0 && llabs(proto->strides[perm[j - 1]]) < sp) {
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    nc_status st = nc_array_init_empty(a, dtype, ndim, shape, NC_ORDER_C, 0);
    if (st)
        return st;
    ptrdiff_t s = nc_dtype_info(dtype)->itemsize;
    for (int k = ndim - 1; k >= 0; k--) {
        a->strides[perm[k]] = s;
        s *= shape[perm[k]] ? shape[perm[k]] : 1;
    }
    nc_array_update_flags(a);
    return NC_OK;
}

nc_status nc_array_init_view(nc_array *a, nc_buffer *buf, char *data, nc_dtype_id dtype, int ndim,
                             const ptrdiff_t *shape, const ptrdiff_t *strides, int writeable)
{
    memset(a, 0, offsetof(nc_array, inline_dims));
    nc_status st = nc_array_set_ndim(a, ndim);
    if (st)
        return st;
    if (ndim)
        memcpy(a->shape, shape, (size_t)ndim * sizeof(ptrdiff_t));
    if (strides && ndim)
        memcpy(a->strides, strides, (size_t)ndim * sizeof(ptrdiff_t));
    else
        nc_strides_c(ndim, shape, nc_dtype_info(dtype)->itemsize, a->strides);
    nc_buffer_incref(buf);
    a->buffer = buf;
    a->data = data;
    a->dtype = dtype;
    a->flags = writeable ? NC_WRITEABLE : 0;
    nc_array_update_flags(a);
    return NC_OK;
}

void nc_array_clear(nc_array *a)
{
    nc_buffer_decref(a->buffer);
    a->buffer = NULL;
    a->data = NULL;
    free_dims(a);
    a->ndim = 0;
}

void nc_array_extent(const nc_array *a, char **lo, char **hi)
{
    char *l = a->data, *h = a->data;
    if (a->size == 0) {
        *lo = *hi = l;
        return;
    }
    for (int i = 0; i < a->ndim; i++) {
        ptrdiff_t span = (a->shape[i] - 1) * a->strides[i];
        if (span < 0)
            l += span;
        else
            h += span;
    }
    *lo = l;
    *hi = h + nc_dtype_info(a->dtype)->itemsize;
}

int nc_array_may_overlap(const nc_array *a, const nc_array *b)
{
    char *alo, *ahi, *blo, *bhi;
    nc_array_extent(a, &alo, &ahi);
    nc_array_extent(b, &blo, &bhi);
    if (alo == ahi || blo == bhi)
        return 0;
    return alo < bhi && blo < ahi;
}

int nc__same_view(const nc_array *a, const nc_array *b)
{
    if (a->data != b->data || a->ndim != b->ndim || a->dtype != b->dtype)
        return 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != b->shape[i] || (a->shape[i] > 1 && a->strides[i] != b->strides[i]))
            return 0;
    return 1;
}
