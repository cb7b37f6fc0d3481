/* assign.c: element-wise copy with broadcasting and casting (dst[...] = src).
 *
 * Overlapping source and destination that are not the very same view are
 * handled by copying the source first, so results never depend on the order
 * in which elements are visited. */
#include <stdatomic.h>
#include <string.h>
#include "numc/iter.h"
#include "numc/alloc.h"
#include "numc/view.h"
#include "core/internal.h"
#include "core/parallel.h"
#include "core/fpstatus.h"


static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

/* Long copies (one or two dimensions after coalescing) are split over the
 * thread pool: ranges of the single axis, or ranges of rows. */
#define NC_PAR_COPY_MIN 65536 /* elements per part, at least */

typedef struct par_copy {
    char *s, *d;
    ptrdiff_t inner, ss, ds;   /* inner length and steps */
    ptrdiff_t oss, ods;        /* outer steps (two dimensions) */
    int rows;                  /* 1: parts are rows; 0: parts of the one axis */
    size_t itemsize;
    nc_cast_fn cast;           /* NULL: contiguous memcpy */
    atomic_uint flags;         /* floating-point flags raised by the parts */
} par_copy;

static void copy_run(const par_copy *c, char *s, char *d, ptrdiff_t n)
{
    if (c->cast)
        c->cast(s, c->ss, d, c->ds, n);
    else
        memcpy(d, s, (size_t)n * c->itemsize);
}

static void par_copy_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    par_copy *c = arg;
    nc__fp_clear();
    if (!c->rows)
        copy_run(c, c->s + b * c->ss, c->d + b * c->ds, e - b);
    else
        for (ptrdiff_t i = b; i < e; i++)
            copy_run(c, c->s + i * c->oss, c->d + i * c->ods, c->inner);
    /* casts may raise flags; they must end up on the calling thread */
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&c->flags, fl);
}

static int par_assign(const nc_iter *it, const nc_array *src, const nc_array *dst, int itemsize)
{
    par_copy c = {it->ptrs[0], it->ptrs[1], it->shape[0], it->inner_strides[0],
                  it->inner_strides[1], 0, 0, it->ndim == 2, (size_t)itemsize, NULL, 0};
    if (src->dtype != dst->dtype || c.ss != itemsize || c.ds != itemsize)
        c.cast = nc_cast_get(src->dtype, dst->dtype);
    ptrdiff_t n = it->shape[0], chunk;
    if (c.rows) {
        c.oss = it->strides[1][0];
        c.ods = it->strides[1][1];
        n = it->shape[1];
        chunk = nc__par_chunk(n, NC_PAR_COPY_MIN / c.inner + 1, 1);
    } else {
        chunk = nc__par_chunk(n, NC_PAR_COPY_MIN, 64);
    }
    if (chunk >= n)
        return 0;
    const unsigned int before = nc__fp_save();
    nc__parallel_for(n, chunk, par_copy_part, &c);
    nc__fp_raise((int)(atomic_load(&c.flags) | before));
    return 1;
}

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
    if (it.ndim <= 2 && it.size >= 2 * NC_PAR_COPY_MIN && par_assign(&it, src, dst, itemsize)) {
        nc_array_clear(&tmp);
        return NC_OK;
    }
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

nc_status nc_array_assign_fpe(nc_array *dst, const nc_array *src, nc_casting casting, int *fpe)
{
    *fpe = 0;
    if (src->dtype == dst->dtype)
        return nc_array_assign(dst, src, casting);
    /* Only the flags of this copy count; the caller's are kept. */
    const unsigned int before = nc__fp_save();
    nc__fp_clear();
    nc_status st = nc_array_assign(dst, src, casting);
    *fpe = st ? 0 : nc__fp_read();
    nc__fp_clear();
    nc__fp_raise((int)before);
    return st;
}
