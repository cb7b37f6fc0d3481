/* nanfill.c: NaN masks and masked fills for the NaN-skipping reductions.
 *
 * Invariants: only `a` and `mask` are written, element by element, through
 * the iterator (any strides, mask broadcast in nc_masked_fill); dtypes are
 * checked here and the loops trust them. */
#include <math.h>
#include "numc/nanfill.h"
#include "numc/iter.h"

nc_status nc_nan_replace(nc_array *a, double value, nc_array *mask, int64_t *nnan)
{
    if (!a || !mask || !nnan || mask->dtype != NC_BOOL)
        return nc_error_set(NC_ERR_INTERNAL, "nc_nan_replace: bad arguments");
    *nnan = 0;
    if (a->size == 0)
        return NC_OK;
    const nc_array *ops[2] = {a, mask};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 2, ops, a->ndim, a->shape);
    if (st)
        return st;
    int64_t cnt = 0;
    nc_half hv = nc_double_to_half(value);
    nc_dtype_id dt = a->dtype;
    do {
        char *p = it.ptrs[0], *m = it.ptrs[1];
        ptrdiff_t n = it.inner_size, s = it.inner_strides[0], sm = it.inner_strides[1];
        for (ptrdiff_t i = 0; i < n; i++, p += s, m += sm) {
            int isn = 0;
            switch (dt) {
            case NC_FLOAT16:
                isn = (*(nc_half *)p & 0x7fff) > 0x7c00;
                if (isn) *(nc_half *)p = hv;
                break;
            case NC_FLOAT32:
                isn = isnan(*(float *)p);
                if (isn) *(float *)p = (float)value;
                break;
            case NC_FLOAT64:
                isn = isnan(*(double *)p);
                if (isn) *(double *)p = value;
                break;
            case NC_COMPLEX64: {
                nc_cfloat *z = (nc_cfloat *)p;
                isn = isnan(z->re) || isnan(z->im);
                if (isn) { z->re = (float)value; z->im = 0; }
                break;
            }
            case NC_COMPLEX128: {
                nc_cdouble *z = (nc_cdouble *)p;
                isn = isnan(z->re) || isnan(z->im);
                if (isn) { z->re = value; z->im = 0; }
                break;
            }
            default:
                break;
            }
            *(nc_bool *)m = (nc_bool)isn;
            cnt += isn;
        }
    } while (nc_iter_next(&it));
    *nnan = cnt;
    return NC_OK;
}

nc_status nc_masked_fill(nc_array *a, const nc_array *mask, double value)
{
    if (!a || !mask || mask->dtype != NC_BOOL)
        return nc_error_set(NC_ERR_INTERNAL, "nc_masked_fill: bad arguments");
    if (a->size == 0)
        return NC_OK;
    /* One element of a's dtype holding `value`, copied where the mask is set. */
    unsigned char v[16] = {0};
    double src = value;
    nc_cast_get(NC_FLOAT64, a->dtype)((const char *)&src, 0, (char *)v, 0, 1);
    int isz = nc_dtype_info(a->dtype)->itemsize;
    const nc_array *ops[2] = {a, mask};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 2, ops, a->ndim, a->shape);
    if (st)
        return st;
    do {
        char *p = it.ptrs[0], *m = it.ptrs[1];
        ptrdiff_t n = it.inner_size, s = it.inner_strides[0], sm = it.inner_strides[1];
        for (ptrdiff_t i = 0; i < n; i++, p += s, m += sm)
            if (*(nc_bool *)m)
                for (int k = 0; k < isz; k++)
                    p[k] = (char)v[k];
    } while (nc_iter_next(&it));
    return NC_OK;
}
