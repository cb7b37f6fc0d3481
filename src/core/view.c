/* view.c: geometry of views (basic indexing, reshape, transpose, squeeze,
 * dtype views), ordered copies and membership tests.
 *
 * Invariants: inputs are valid nc_arrays (see array.h), so every product of
 * a subset of a nonzero-size array's dims fits in ptrdiff_t and every
 * stride * (dim - 1) stays inside the buffer.  Values that come from the
 * user (indices, slice bounds, shapes, axes) are checked here before use,
 * with overflow-checked arithmetic where a product could exceed ptrdiff_t.
 * Nothing here allocates except nc_array_copy_ordered's temporary view. */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include "numc/view.h"
#include "numc/iter.h"

ptrdiff_t nc_slice_adjust(ptrdiff_t len, ptrdiff_t *start, ptrdiff_t *stop, ptrdiff_t step)
{
    /* Python's rules: negative bounds count from the end, then clip to
     * [0, len] for positive steps and [-1, len - 1] for negative ones. */
    ptrdiff_t b = *start, e = *stop;
    if (b < 0) {
        b += len;
        if (b < 0)
            b = step < 0 ? -1 : 0;
    } else if (b >= len) {
        b = step < 0 ? len - 1 : len;
    }
    if (e < 0) {
        e += len;
        if (e < 0)
            e = step < 0 ? -1 : 0;
    } else if (e >= len) {
        e = step < 0 ? len - 1 : len;
    }
    *start = b;
    *stop = e;
    if (step < 0) {
        /* -step cannot overflow after clamping PTRDIFF_MIN away. */
        ptrdiff_t s = step == PTRDIFF_MIN ? PTRDIFF_MAX : -step;
        return e < b ? (b - e - 1) / s + 1 : 0;
    }
    return b < e ? (e - b - 1) / step + 1 : 0;
}

nc_status nc_view_index(const nc_array *a, int n, const nc_index *idx, nc_geom *out,
                        int *is_scalar)
{
    int consumed = 0, ellipsis = -1, newaxes = 0, ints = 0;
    for (int i = 0; i < n; i++) {
        if (idx[i].kind == NC_INDEX_ELLIPSIS) {
            if (ellipsis >= 0)
                return nc_error_set(NC_ERR_INDEX, "an index can only have a single ellipsis ('...')");
            ellipsis = i;
        } else if (idx[i].kind == NC_INDEX_NEWAXIS) {
            newaxes++;
        } else {
            consumed++;
            ints += idx[i].kind == NC_INDEX_INT;
        }
    }
    if (consumed > a->ndim)
        return nc_error_set(NC_ERR_INDEX,
                            "too many indices for array: array is %d-dimensional, but %d were indexed",
                            a->ndim, consumed);
    /* Axes the ellipsis (or the implicit trailing one) stands for. */
    int fill = a->ndim - consumed;
    char *data = a->data;
    int src = 0, dst = 0;
    *is_scalar = ellipsis < 0 && newaxes == 0 && ints == a->ndim;
    for (int i = 0; i <= n; i++) {
        if (i == n || idx[i].kind == NC_INDEX_ELLIPSIS) {
            if (i == n && ellipsis >= 0)
                break;
            for (int k = 0; k < fill; k++, src++, dst++) {
                if (dst >= NC_MAXDIMS)
                    goto toomany;
                out->shape[dst] = a->shape[src];
                out->strides[dst] = a->strides[src];
            }
            continue;
        }
        const nc_index *x = &idx[i];
        if (x->kind == NC_INDEX_NEWAXIS) {
            if (dst >= NC_MAXDIMS)
                goto toomany;
            out->shape[dst] = 1;
            out->strides[dst] = 0;
            dst++;
        } else if (x->kind == NC_INDEX_INT) {
            ptrdiff_t len = a->shape[src], v = x->start;
            if (v < -len || v >= len)
                return nc_error_set(NC_ERR_INDEX, "index %td is out of bounds for axis %d with size %td",
                                    v, src, len);
            if (v < 0)
                v += len;
            data += v * a->strides[src];
            src++;
        } else {
            if (x->step == 0)
                return nc_error_set(NC_ERR_VALUE, "slice step cannot be zero");
            if (dst >= NC_MAXDIMS)
                goto toomany;
            ptrdiff_t b = x->start, e = x->stop, st;
            ptrdiff_t len = nc_slice_adjust(a->shape[src], &b, &e, x->step);
            /* Overflow only happens when len <= 1 (the stride is never
             * stepped); wrap like NumPy so strides agree bit for bit. */
            st = (ptrdiff_t)((uint64_t)a->strides[src] * (uint64_t)x->step);
            if (len > 0)
                data += b * a->strides[src];
            out->shape[dst] = len;
            out->strides[dst] = st;
            src++;
            dst++;
        }
    }
    out->data = data;
    out->dtype = a->dtype;
    out->ndim = dst;
    return NC_OK;
toomany:
    return nc_error_set(NC_ERR_INDEX, "number of dimensions must be within [0, %d]", NC_MAXDIMS);
}

static void format_shape(char *buf, size_t cap, int ndim, const ptrdiff_t *shape)
{
    size_t k = 0;
    k += (size_t)snprintf(buf + k, cap - k, "(");
    for (int i = 0; i < ndim && k < cap; i++) {
        if (shape[i] < 0)
            k += (size_t)snprintf(buf + k, cap - k, "%snewaxis", i ? "," : "");
        else
            k += (size_t)snprintf(buf + k, cap - k, "%s%td", i ? "," : "", shape[i]);
    }
    if (k < cap)
        snprintf(buf + k, cap - k, ndim == 1 ? ",)" : ")");
}

nc_status nc_shape_infer(ptrdiff_t size, int ndim, ptrdiff_t *shape, int itemsize)
{
    if (ndim < 0 || ndim > NC_MAXDIMS)
        return nc_error_set(NC_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d",
                            NC_MAXDIMS, ndim);
    int unknown = -1, overflow = 0;
    ptrdiff_t known = 1;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            if (unknown >= 0)
                return nc_error_set(NC_ERR_VALUE, "can only specify one unknown dimension");
            unknown = i;
        } else if (__builtin_mul_overflow(known, shape[i], &known)) {
            overflow = 1; /* the product exceeds any array size: a mismatch */
        }
    }
    int ok;
    if (overflow)
        ok = 0;
    else if (unknown >= 0) {
        ok = known != 0 && size % known == 0;
        if (ok)
            shape[unknown] = size / known;
    } else {
        ok = known == size;
    }
    if (!ok) {
        char buf[512];
        format_shape(buf, sizeof buf, ndim, shape);
        return nc_error_set(NC_ERR_VALUE, "cannot reshape array of size %td into shape %s", size, buf);
    }
    /* Size 0 hides huge dims from the product: the nonzero dims times the
     * itemsize must still fit, or strides would overflow. */
    ptrdiff_t bytes = itemsize;
    for (int i = 0; i < ndim; i++)
        if (shape[i] && __builtin_mul_overflow(bytes, shape[i], &bytes))
            return nc_error_set(NC_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    return NC_OK;
}

/* C-order core of nc_reshape_strides over explicit dims/strides. */
static int nocopy_c(int ond, const ptrdiff_t *od, const ptrdiff_t *os, int nnd,
                    const ptrdiff_t *nd, ptrdiff_t *ns, ptrdiff_t itemsize)
{
    /* Old length-1 axes carry no geometry: drop them. */
    ptrdiff_t d[NC_MAXDIMS], s[NC_MAXDIMS];
    int m = 0;
    for (int i = 0; i < ond; i++)
        if (od[i] != 1) {
            d[m] = od[i];
            s[m++] = os[i];
        }
    int i = 0, j = 0;
    /* Match groups of old and new axes with equal products; each old group
     * must be one contiguous run for the new axes to step through it. */
    while (i < m && j < nnd) {
        int i0 = i, j0 = j;
        ptrdiff_t pi = d[i], pj = nd[j];
        while (pi != pj) {
            if (pi < pj) {
                if (++i >= m)
                    return 0;
                pi *= d[i];
            } else {
                if (++j >= nnd)
                    return 0;
                pj *= nd[j];
            }
        }
        for (int k = i0; k < i; k++)
            if (s[k] != s[k + 1] * d[k + 1])
                return 0;
        ns[j] = s[i];
        for (int k = j - 1; k >= j0; k--)
            ns[k] = ns[k + 1] * nd[k + 1];
        i++;
        j++;
    }
    if (i < m)
        return 0;
    for (; j < nnd; j++)
        ns[j] = itemsize; /* trailing length-1 axes */
    return 1;
}

int nc_reshape_strides(const nc_array *a, int ndim, const ptrdiff_t *shape, int fortran,
                       ptrdiff_t *strides)
{
    ptrdiff_t itemsize = nc_dtype_info(a->dtype)->itemsize;
    if (a->size == 0 || (!fortran && (a->flags & NC_C_CONTIGUOUS)) ||
        (fortran && (a->flags & NC_F_CONTIGUOUS))) {
        if (fortran)
            nc_strides_f(ndim, shape, itemsize, strides);
        else
            nc_strides_c(ndim, shape, itemsize, strides);
        return 1;
    }
    if (!fortran)
        return nocopy_c(a->ndim, a->shape, a->strides, ndim, shape, strides, itemsize);
    ptrdiff_t od[NC_MAXDIMS] = {0}, os[NC_MAXDIMS] = {0}, nd[NC_MAXDIMS] = {0}, ns[NC_MAXDIMS] = {0};
    for (int i = 0; i < a->ndim; i++) {
        od[i] = a->shape[a->ndim - 1 - i];
        os[i] = a->strides[a->ndim - 1 - i];
    }
    for (int i = 0; i < ndim; i++)
        nd[i] = shape[ndim - 1 - i];
    if (!nocopy_c(a->ndim, od, os, ndim, nd, ns, itemsize))
        return 0;
    for (int i = 0; i < ndim; i++)
        strides[i] = ns[ndim - 1 - i];
    return 1;
}

static void geom_of(const nc_array *a, nc_geom *g)
{
    g->data = a->data;
    g->dtype = a->dtype;
    g->ndim = a->ndim;
    memcpy(g->shape, a->shape, (size_t)a->ndim * sizeof(ptrdiff_t));
    memcpy(g->strides, a->strides, (size_t)a->ndim * sizeof(ptrdiff_t));
}

static nc_status check_axis(int axis, int ndim, const char *prefix, int *out)
{
    if (axis < -ndim || axis >= ndim)
        return nc_error_set(NC_ERR_AXIS, "%saxis %d is out of bounds for array of dimension %d",
                            prefix, axis, ndim);
    *out = axis < 0 ? axis + ndim : axis;
    return NC_OK;
}

nc_status nc_view_transpose(const nc_array *a, int naxes, const int *axes, nc_geom *out)
{
    int nd = a->ndim;
    int perm[NC_MAXDIMS];
    if (!axes) {
        for (int i = 0; i < nd; i++)
            perm[i] = nd - 1 - i;
    } else {
        if (naxes != nd)
            return nc_error_set(NC_ERR_VALUE, "axes don't match array");
        unsigned char seen[NC_MAXDIMS] = {0};
        for (int i = 0; i < nd; i++) {
            nc_status st = check_axis(axes[i], nd, "", &perm[i]);
            if (st)
                return st;
            if (seen[perm[i]]++)
                return nc_error_set(NC_ERR_VALUE, "repeated axis in transpose");
        }
    }
    out->data = a->data;
    out->dtype = a->dtype;
    out->ndim = nd;
    for (int i = 0; i < nd; i++) {
        out->shape[i] = a->shape[perm[i]];
        out->strides[i] = a->strides[perm[i]];
    }
    return NC_OK;
}

nc_status nc_view_swapaxes(const nc_array *a, int axis1, int axis2, nc_geom *out)
{
    int x = 0, y = 0;
    nc_status st = check_axis(axis1, a->ndim, "axis1: ", &x);
    if (!st)
        st = check_axis(axis2, a->ndim, "axis2: ", &y);
    if (st)
        return st;
    geom_of(a, out);
    out->shape[x] = a->shape[y];
    out->strides[x] = a->strides[y];
    out->shape[y] = a->shape[x];
    out->strides[y] = a->strides[x];
    return NC_OK;
}

nc_status nc_view_squeeze(const nc_array *a, int naxes, const int *axes, nc_geom *out)
{
    unsigned char drop[NC_MAXDIMS] = {0};
    if (naxes < 0) {
        for (int i = 0; i < a->ndim; i++)
            drop[i] = a->shape[i] == 1;
    } else {
        for (int i = 0; i < naxes; i++) {
            int ax = 0;
            nc_status st = check_axis(axes[i], a->ndim, "", &ax);
            if (st)
                return st;
            if (drop[ax])
                return nc_error_set(NC_ERR_VALUE, "duplicate value in 'axis'");
            if (a->shape[ax] != 1)
                return nc_error_set(NC_ERR_VALUE,
                                    "cannot select an axis to squeeze out which has size not equal to one");
            drop[ax] = 1;
        }
    }
    out->data = a->data;
    out->dtype = a->dtype;
    int k = 0;
    for (int i = 0; i < a->ndim; i++)
        if (!drop[i]) {
            out->shape[k] = a->shape[i];
            out->strides[k++] = a->strides[i];
        }
    out->ndim = k;
    return NC_OK;
}

nc_status nc_view_dtype(const nc_array *a, nc_dtype_id dtype, nc_geom *out)
{
    ptrdiff_t olds = nc_dtype_info(a->dtype)->itemsize, news = nc_dtype_info(dtype)->itemsize;
    geom_of(a, out);
    out->dtype = dtype;
    if (olds == news)
        return NC_OK;
    if (a->ndim == 0)
        return nc_error_set(NC_ERR_VALUE,
                            "Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    int last = a->ndim - 1;
    if (a->shape[last] != 1 && a->size != 0 && a->strides[last] != olds)
        return nc_error_set(NC_ERR_VALUE, "To change to a dtype of a different size, the last axis must be contiguous");
    ptrdiff_t bytes;
    if (__builtin_mul_overflow(a->shape[last], olds, &bytes))
        return nc_error_set(NC_ERR_VALUE, "array is too big");
    if (news < olds) {
        if (olds % news)
            return nc_error_set(NC_ERR_VALUE,
                                "When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
    } else if (bytes % news) {
        return nc_error_set(NC_ERR_VALUE,
                            "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
    }
    out->shape[last] = bytes / news;
    out->strides[last] = news;
    return NC_OK;
}

nc_status nc_array_copy_ordered(nc_array *dst, const nc_array *src, int fortran, nc_casting casting)
{
    if (dst->size != src->size)
        return nc_error_set(NC_ERR_INTERNAL, "nc_array_copy_ordered: sizes differ");
    /* dst is contiguous in the requested order, so it can be viewed with
     * src's shape; then the copy is an ordinary same-shape assignment. */
    nc_array v = {0};
    ptrdiff_t strides[NC_MAXDIMS];
    ptrdiff_t itemsize = nc_dtype_info(dst->dtype)->itemsize;
    if (fortran)
        nc_strides_f(src->ndim, src->shape, itemsize, strides);
    else
        nc_strides_c(src->ndim, src->shape, itemsize, strides);
    nc_status st = nc_array_init_view(&v, dst->buffer, dst->data, dst->dtype, src->ndim, src->shape,
                                      strides, 1);
    if (st)
        return st;
    st = nc_array_copy(&v, src, casting);
    nc_array_clear(&v);
    return st;
}

/* Equality of two elements of one dtype, with IEEE semantics for floats. */
static int equal_elem(nc_dtype_id t, const char *x, const char *y)
{
    switch (t) {
    case NC_FLOAT16: {
        nc_half a, b;
        memcpy(&a, x, 2);
        memcpy(&b, y, 2);
        return nc_half_to_float(a) == nc_half_to_float(b);
    }
    case NC_FLOAT32: {
        float a, b;
        memcpy(&a, x, 4);
        memcpy(&b, y, 4);
        return a == b;
    }
    case NC_FLOAT64: {
        double a, b;
        memcpy(&a, x, 8);
        memcpy(&b, y, 8);
        return a == b;
    }
    case NC_COMPLEX64: {
        float a[2], b[2];
        memcpy(a, x, 8);
        memcpy(b, y, 8);
        return a[0] == b[0] && a[1] == b[1];
    }
    case NC_COMPLEX128: {
        double a[2], b[2];
        memcpy(a, x, 16);
        memcpy(b, y, 16);
        return a[0] == b[0] && a[1] == b[1];
    }
    default: /* bool and integers are canonical: bytes compare exactly */
        return memcmp(x, y, (size_t)nc_dtype_info(t)->itemsize) == 0;
    }
}

nc_status nc_array_contains(const nc_array *a, nc_dtype_id vtype, const char *value, int *found)
{
    *found = 0;
    if (a->size == 0)
        return NC_OK;
    nc_dtype_id common = nc_promote_types(a->dtype, vtype);
    ptrdiff_t isz = nc_dtype_info(common)->itemsize;
    _Alignas(16) char v[16];
    nc_cast_get(vtype, common)(value, 0, v, isz, 1);
    enum { CHUNK = 256 };
    _Alignas(16) char buf[CHUNK * 16];
    nc_cast_fn cast = a->dtype == common ? NULL : nc_cast_get(a->dtype, common);
    const nc_array *ops[1] = {a};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 1, ops, a->ndim, a->shape);
    if (st)
        return st;
    do {
        const char *p = it.ptrs[0];
        ptrdiff_t step = it.inner_strides[0];
        for (ptrdiff_t done = 0; done < it.inner_size; done += CHUNK) {
            ptrdiff_t n = it.inner_size - done < CHUNK ? it.inner_size - done : CHUNK;
            const char *q = p + done * step;
            ptrdiff_t qs = step;
            if (cast) {
                cast(q, step, buf, isz, n);
                q = buf;
                qs = isz;
            }
            for (ptrdiff_t k = 0; k < n; k++)
                if (equal_elem(common, q + k * qs, v)) {
                    *found = 1;
                    return NC_OK;
                }
        }
    } while (nc_iter_next(&it));
    return NC_OK;
}

nc_status nc_array_item_ptr(const nc_array *a, int n, const ptrdiff_t *index, char **out)
{
    char *p = a->data;
    if (n == 0) {
        if (a->size != 1)
            return nc_error_set(NC_ERR_VALUE, "can only convert an array of size 1 to a Python scalar");
    } else if (n == 1 && a->ndim != 1) {
        ptrdiff_t i = index[0];
        if (i < -a->size || i >= a->size)
            return nc_error_set(NC_ERR_INDEX, "index %td is out of bounds for size %td", i, a->size);
        if (i < 0)
            i += a->size;
        for (int d = a->ndim - 1; d >= 0; d--) {
            p += (i % a->shape[d]) * a->strides[d];
            i /= a->shape[d];
        }
    } else if (n == a->ndim) {
        for (int d = 0; d < n; d++) {
            ptrdiff_t i = index[d], len = a->shape[d];
            if (i < -len || i >= len)
                return nc_error_set(NC_ERR_INDEX, "index %td is out of bounds for axis %d with size %td",
                                    i, d, len);
            p += (i < 0 ? i + len : i) * a->strides[d];
        }
    } else {
        return nc_error_set(NC_ERR_VALUE, "incorrect number of indices for array");
    }
    *out = p;
    return NC_OK;
}
