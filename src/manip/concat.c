/* concat.c: joining arrays along an axis, broadcast views and masked copies.
 *
 * nc_concatenate writes each input into its slab of the output (the
 * output's elements whose index along `axis` lies in the input's range).
 * When the input and the output are C-contiguous and of one dtype, a slab
 * is `outer` runs of bytes, one per index of the axes before `axis`, and is
 * moved with memcpy; otherwise the slab is a view of the output and the
 * copy goes through nc_array_assign (which casts, and tiles transposing
 * copies).
 *
 * Invariants: shapes are validated by nc_concat_shape before anything is
 * written; inputs that overlap the output are copied to temporaries first,
 * so a partly written output is never read back as input. */
#include <stdio.h>
#include <string.h>
#include "core/parallel.h"
#include "numc/manip.h"
#include "numc/alloc.h"
#include "numc/iter.h"

nc_status nc_concat_shape(int n, const nc_array *const *in, int *axis, int *ndim,
                          ptrdiff_t *shape)
{
    if (n <= 0)
        return nc_error_set(NC_ERR_VALUE, "need at least one array to concatenate");
    int nd = in[0]->ndim;
    if (nd == 0)
        return nc_error_set(NC_ERR_VALUE, "zero-dimensional arrays cannot be concatenated");
    int ax;
    nc_status st = nc_normalize_axis(*axis, nd, &ax);
    if (st)
        return st;
    for (int d = 0; d < nd; d++)
        shape[d] = in[0]->shape[d];
    for (int i = 1; i < n; i++) {
        const nc_array *a = in[i];
        if (a->ndim != nd)
            return nc_error_set(NC_ERR_VALUE,
                                "all the input arrays must have same number of dimensions, but "
                                "the array at index 0 has %d dimension(s) and the array at "
                                "index %d has %d dimension(s)",
                                nd, i, a->ndim);
        for (int d = 0; d < nd; d++) {
            if (d == ax)
                continue;
            if (a->shape[d] != shape[d])
                return nc_error_set(NC_ERR_VALUE,
                                    "all the input array dimensions except for the "
                                    "concatenation axis must match exactly, but along "
                                    "dimension %d, the array at index 0 has size %td and the "
                                    "array at index %d has size %td",
                                    d, shape[d], i, a->shape[d]);
        }
        if (a->shape[ax] > PTRDIFF_MAX - shape[ax])
            return nc_error_set(NC_ERR_VALUE, "array is too big");
        shape[ax] += a->shape[ax];
    }
    ptrdiff_t size;
    if ((st = nc_shape_size(nd, shape, 1, &size)))
        return st;
    *axis = ax;
    *ndim = nd;
    return NC_OK;
}

/* Copies `a` into out[..., off:off+a.shape[axis], ...]. */
static nc_status copy_slab(nc_array *out, const nc_array *a, int axis, ptrdiff_t off,
                           nc_casting casting)
{
    if (a->size == 0)
        return NC_OK;
    int itemsize = nc_dtype_info(out->dtype)->itemsize;
    if (a->dtype == out->dtype && (a->flags & NC_C_CONTIGUOUS) &&
        (out->flags & NC_C_CONTIGUOUS)) {
        ptrdiff_t outer = 1, inner = itemsize;
        for (int d = 0; d < axis; d++)
            outer *= out->shape[d];
        for (int d = axis + 1; d < out->ndim; d++)
            inner *= out->shape[d];
        size_t run = (size_t)(a->shape[axis] * inner);
        ptrdiff_t out_row = out->shape[axis] * inner;
        char *dst = out->data + off * inner;
        const char *src = a->data;
        for (ptrdiff_t o = 0; o < outer; o++, dst += out_row, src += run)
            memcpy(dst, src, run);
        return NC_OK;
    }
    ptrdiff_t shape[NC_MAXDIMS];
    for (int d = 0; d < out->ndim; d++)
        shape[d] = out->shape[d];
    shape[axis] = a->shape[axis];
    nc_array slab = {0};
    nc_status st = nc_array_init_view(&slab, out->buffer, out->data + off * out->strides[axis],
                                      out->dtype, out->ndim, shape, out->strides, 1);
    if (st)
        return st;
    st = nc_array_copy(&slab, a, casting);
    nc_array_clear(&slab);
    return st;
}

/* 1 if out and every input are C-contiguous and of one dtype. */
static int rows_eligible(const nc_array *out, int n, const nc_array *const *in)
{
    if (!(out->flags & NC_C_CONTIGUOUS))
        return 0;
    for (int i = 0; i < n; i++)
        if (in[i]->dtype != out->dtype || !(in[i]->flags & NC_C_CONTIGUOUS))
            return 0;
    return 1;
}

/* Writes out row by row: for each index of the axes before `axis`, the
 * runs of all inputs in turn.  The output is then written once, in order,
 * even when the runs are single elements (stack(..., axis=-1)), instead of
 * being swept once per input. */
typedef struct concat_job {
    char *out;
    int n;
    const nc_array *const *in;
    int axis;
    ptrdiff_t inner, rowbytes; /* bytes of one output row (all inputs) */
} concat_job;

/* Output rows [b, e) (the outer indices), each the runs of all inputs. */
static void concat_rows_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    const concat_job *j = arg;
    char *dst = j->out + b * j->rowbytes;
    for (ptrdiff_t o = b; o < e; o++)
        for (int i = 0; i < j->n; i++) {
            size_t run = (size_t)(j->in[i]->shape[j->axis] * j->inner);
            memcpy(dst, j->in[i]->data + (size_t)o * run, run);
            dst += run;
        }
}

/* Inputs [b, e) of a concatenation with one outer row: each input is one
 * block at its own offset. */
static void concat_inputs_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    const concat_job *j = arg;
    char *dst = j->out;
    for (ptrdiff_t i = 0; i < b; i++)
        dst += j->in[i]->shape[j->axis] * j->inner;
    for (ptrdiff_t i = b; i < e; i++) {
        size_t run = (size_t)(j->in[i]->shape[j->axis] * j->inner);
        memcpy(dst, j->in[i]->data, run);
        dst += run;
    }
}

static void copy_rows(nc_array *out, int n, const nc_array *const *in, int axis)
{
    ptrdiff_t outer = 1, inner = nc_dtype_info(out->dtype)->itemsize;
    for (int d = 0; d < axis; d++)
        outer *= out->shape[d];
    for (int d = axis + 1; d < out->ndim; d++)
        inner *= out->shape[d];
    if (out->size == 0)
        return;
    /* Big copies go to the thread pool: by output rows, or by inputs when
     * there is a single row; parts write disjoint ranges. */
    const ptrdiff_t bytes = out->size * nc_dtype_info(out->dtype)->itemsize;
    if (bytes >= (ptrdiff_t)1 << 20 && nc__par_threads() > 1) {
        concat_job j = {out->data, n, in, axis, inner, bytes / outer};
        if (outer > 1) {
            ptrdiff_t chunk = nc__par_chunk(outer, ((ptrdiff_t)1 << 19) / j.rowbytes + 1, 1);
            if (chunk < outer) {
                nc__parallel_for(outer, chunk, concat_rows_part, &j);
                return;
            }
        } else if (n > 1) {
            /* a few inputs per part: parts are claimed dynamically, and
             * each one walks the offsets of the inputs before it */
            const int per = n / (4 * nc__par_threads());
            nc__parallel_for(n, per > 1 ? per : 1, concat_inputs_part, &j);
            return;
        }
    }
    char *dst = out->data;
    for (ptrdiff_t o = 0; o < outer; o++) {
        for (int i = 0; i < n; i++) {
            size_t run = (size_t)(in[i]->shape[axis] * inner);
            const char *src = in[i]->data + (size_t)o * run;
            if (run == 8)
                memcpy(dst, src, 8); /* fixed size: inlined by the compiler */
            else if (run == 4)
                memcpy(dst, src, 4);
            else
                memcpy(dst, src, run);
            dst += run;
        }
    }
}

nc_status nc_concatenate(nc_array *out, int n, const nc_array *const *in, int axis,
                         nc_casting casting)
{
    int nd;
    ptrdiff_t shape[NC_MAXDIMS];
    nc_status st = nc_concat_shape(n, in, &axis, &nd, shape);
    if (st)
        return st;
    if (out->ndim != nd)
        return nc_error_set(NC_ERR_VALUE, "Output array has wrong dimensionality");
    for (int d = 0; d < nd; d++)
        if (out->shape[d] != shape[d])
            return nc_error_set(NC_ERR_VALUE, "Output array is the wrong shape");
    for (int i = 0; i < n; i++)
        if (!nc_can_cast(in[i]->dtype, out->dtype, casting)) {
            static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
            return nc_error_set(NC_ERR_CAST,
                                "Cannot cast array data from dtype('%s') to dtype('%s') "
                                "according to the rule '%s'",
                                nc_dtype_info(in[i]->dtype)->name,
                                nc_dtype_info(out->dtype)->name, names[casting]);
        }
    /* Inputs sharing bytes with out are read into temporaries up front. */
    nc_array *tmp = NULL;
    for (int i = 0; i < n && !st; i++) {
        if (!nc_array_may_overlap(out, in[i]))
            continue;
        if (!tmp) {
            tmp = nc_malloc(sizeof(nc_array) * (size_t)n);
            if (!tmp)
                return nc_error_set(NC_ERR_NOMEM, "out of memory");
            memset(tmp, 0, sizeof(nc_array) * (size_t)n);
        }
        st = nc_array_init_empty(&tmp[i], in[i]->dtype, in[i]->ndim, in[i]->shape,
                                 NC_ORDER_C, 0);
        if (!st)
            st = nc_array_assign(&tmp[i], in[i], NC_CAST_NO);
    }
    if (!st && !tmp && rows_eligible(out, n, in)) {
        copy_rows(out, n, in, axis);
        return NC_OK;
    }
    ptrdiff_t off = 0;
    for (int i = 0; i < n && !st; i++) {
        const nc_array *a = (tmp && tmp[i].buffer) ? &tmp[i] : in[i];
        st = copy_slab(out, a, axis, off, casting);
        off += a->shape[axis];
    }
    if (tmp) {
        for (int i = 0; i < n; i++)
            nc_array_clear(&tmp[i]);
        nc_free(tmp);
    }
    return st;
}

nc_status nc_view_broadcast_to(const nc_array *a, int ndim, const ptrdiff_t *shape,
                               nc_geom *out)
{
    ptrdiff_t size;
    nc_status st = nc_shape_size(ndim, shape, 1, &size);
    if (st)
        return st;
    int ok = ndim >= a->ndim;
    for (int i = 0; ok && i < a->ndim; i++) {
        ptrdiff_t have = a->shape[a->ndim - 1 - i], want = shape[ndim - 1 - i];
        ok = have == want || have == 1;
    }
    if (!ok) {
        char got[256], req[256];
        size_t g = 0, r = 0;
        got[g++] = '(';
        for (int i = 0; i < a->ndim && g < 200; i++)
            g += (size_t)snprintf(got + g, sizeof got - g, i ? ",%td" : "%td", a->shape[i]);
        snprintf(got + g, sizeof got - g, a->ndim == 1 ? ",)" : ")");
        req[r++] = '(';
        for (int i = 0; i < ndim && r < 200; i++)
            r += (size_t)snprintf(req + r, sizeof req - r, i ? ",%td" : "%td", shape[i]);
        snprintf(req + r, sizeof req - r, ndim == 1 ? ",)" : ")");
        return nc_error_set(NC_ERR_VALUE,
                            "operands could not be broadcast together with remapped shapes "
                            "[original->remapped]: %s  and requested shape %s",
                            got, req);
    }
    out->data = a->data;
    out->dtype = a->dtype;
    out->ndim = ndim;
    int lead = ndim - a->ndim;
    for (int i = 0; i < ndim; i++) {
        out->shape[i] = shape[i];
        if (i < lead || (a->shape[i - lead] == 1 && shape[i] != 1) || size == 0)
            out->strides[i] = 0;
        else
            out->strides[i] = a->strides[i - lead];
    }
    return NC_OK;
}

nc_status nc_array_copyto(nc_array *dst, const nc_array *src, const nc_array *where,
                          nc_casting casting)
{
    if (!where)
        return nc_array_assign(dst, src, casting);
    if (!nc_can_cast(src->dtype, dst->dtype, casting)) {
        static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
        return nc_error_set(NC_ERR_CAST,
                            "Cannot cast array data from dtype('%s') to dtype('%s') "
                            "according to the rule '%s'",
                            nc_dtype_info(src->dtype)->name, nc_dtype_info(dst->dtype)->name,
                            names[casting]);
    }
    if (where->dtype != NC_BOOL)
        return nc_error_set(NC_ERR_TYPE, "where must be a boolean array");
    /* Cast (and detach from dst) the source once, so the masked walk below
     * moves elements of one dtype and never reads what it has written. */
    nc_array tmp = {0};
    nc_status st = NC_OK;
    if (src->dtype != dst->dtype || nc_array_may_overlap(dst, src)) {
        if ((st = nc_array_init_empty(&tmp, dst->dtype, src->ndim, src->shape, NC_ORDER_C, 0)))
            return st;
        if ((st = nc_array_assign(&tmp, src, NC_CAST_UNSAFE))) {
            nc_array_clear(&tmp);
            return st;
        }
        src = &tmp;
    }
    const nc_array *ops[3] = {dst, src, where};
    nc_iter it;
    if ((st = nc_iter_init(&it, 3, ops, dst->ndim, dst->shape))) {
        nc_array_clear(&tmp);
        return st;
    }
    size_t itemsize = (size_t)nc_dtype_info(dst->dtype)->itemsize;
    if (nc_iter_size(&it) > 0) {
        do {
            char *d = it.ptrs[0];
            const char *s = it.ptrs[1], *w = it.ptrs[2];
            for (ptrdiff_t i = 0; i < it.inner_size; i++) {
                if (*w)
                    memcpy(d, s, itemsize);
                d += it.inner_strides[0];
                s += it.inner_strides[1];
                w += it.inner_strides[2];
            }
        } while (nc_iter_next(&it));
    }
    nc_array_clear(&tmp);
    return NC_OK;
}
