/* assign.c: element-wise copy with broadcasting and casting (dst[...] = src).
 *
 * Overlapping source and destination that are not the very same view are
 * handled by copying the source first, so results never depend on the order
 * in which elements are visited. */
#include <string.h>
#include "numc/iter.h"
#include "numc/alloc.h"
#include "numc/view.h"
#include "core/internal.h"


static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

nc_status nc_array_assign(nc_array *dst, const nc_array *src, nc_casting casting)
{
    if (!nc_can_cast(src->dtype, dst->dtype, casting))
        return nc_error_set(NC_ERR_CAST, "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
                            nc_dtype_info(src->dtype)->name, nc_dtype_info(dst->dtype)->name,
                            casting_names[casting]);
    if (dst->size == 0)
        return NC_OK;
    if (nc__same_view(dst, src))
        return NC_OK;
    nc_array tmp = {0};
    if (nc_array_may_overlap(dst, src)) {
        nc_status st = nc_array_init_empty(&tmp, src->dtype, src->ndim, src->shape, NC_ORDER_C, 0);
        if (st)
            return st;
        if ((st = nc_array_assign(&tmp, src, NC_CAST_NO))) {
            nc_array_clear(&tmp);
            return st;
        }
        src = &tmp;
    }
    else if (nc__copy_blocked(dst, src)) {
        return NC_OK; /* layouts differ: a cache-blocked (transposing) copy */
    }
    const nc_array *ops[2] = {src, dst};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 2, ops, dst->ndim, dst->shape);
    if (st) {
        nc_array_clear(&tmp);
        return nc_error_set(NC_ERR_SHAPE, "could not broadcast input array into the destination shape");
    }
    int itemsize = nc_dtype_info(dst->dtype)->itemsize;
    if (src->dtype == dst->dtype && it.inner_strides[0] == itemsize && it.inner_strides[1] == itemsize) {
        size_t bytes = (size_t)it.inner_size * (size_t)itemsize;
        do
            memcpy(it.ptrs[1], it.ptrs[0], bytes);
        while (nc_iter_next(&it));
    } else {
        nc_cast_fn cast = nc_cast_get(src->dtype, dst->dtype);
        do
            cast(it.ptrs[0], it.inner_strides[0], it.ptrs[1], it.inner_strides[1], it.inner_size);
        while (nc_iter_next(&it));
    }
    nc_array_clear(&tmp);
    return NC_OK;
}
