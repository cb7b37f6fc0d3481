/* rearrange.c: flip/diagonal/broadcast views and the data-moving routines
 * roll, tile, repeat, axis gathers, cyclic fill (resize), triangle zeroing,
 * nonzero bounds (trim_zeros) and last-axis sums (trace).
 *
 * Invariants: views stay inside the source's byte extent (flip moves the
 * data pointer to the last element of each flipped axis, diagonal starts at
 * an in-range element).  Sizes are checked with nc_shape_size before any
 * allocation; moves of contiguous rows are memcpy of whole rows, and
 * strided moves go through nc_array_assign, which owns casting and
 * layout-aware copying. */
#include <string.h>
#include <stdint.h>
#include "numc/manip_shape.h"
#include "numc/reduce.h"
#include "numc/ufunc.h"
#include "numc/alloc.h"

static void geom_of(const nc_array *a, nc_geom *g)
{
    g->data = a->data;
    g->dtype = a->dtype;
    g->ndim = a->ndim;
    for (int i = 0; i < a->ndim; i++) {
        g->shape[i] = a->shape[i];
        g->strides[i] = a->strides[i];
    }
}

nc_status nc_view_flip(const nc_array *a, int naxes, const int *axes, nc_geom *out)
{
    unsigned char seen[NC_MAXDIMS] = {0};
    geom_of(a, out);
    if (naxes < 0) {
        for (int i = 0; i < a->ndim; i++)
            seen[i] = 1;
    } else {
        for (int i = 0; i < naxes; i++) {
            int ax;
            nc_status st = nc_normalize_axis(axes[i], a->ndim, &ax);
            if (st)
                return st;
            if (seen[ax])
                return nc_error_set(NC_ERR_VALUE, "repeated axis");
            seen[ax] = 1;
        }
    }
    for (int i = 0; i < a->ndim; i++) {
        if (!seen[i] || a->shape[i] == 0)
            continue;
        out->data += (a->shape[i] - 1) * a->strides[i];
        out->strides[i] = -a->strides[i];
    }
    return NC_OK;
}

nc_status nc_view_diagonal(const nc_array *a, ptrdiff_t offset, int axis1, int axis2, nc_geom *out)
{
    if (a->ndim < 2)
        return nc_error_set(NC_ERR_VALUE, "diag requires an array of at least two dimensions");
    int a1, a2;
    if (axis1 < -a->ndim || axis1 >= a->ndim)
        return nc_error_set(NC_ERR_AXIS, "axis1: axis %d is out of bounds for array of dimension %d",
                            axis1, a->ndim);
    if (axis2 < -a->ndim || axis2 >= a->ndim)
        return nc_error_set(NC_ERR_AXIS, "axis2: axis %d is out of bounds for array of dimension %d",
                            axis2, a->ndim);
    a1 = axis1 < 0 ? axis1 + a->ndim : axis1;
    a2 = axis2 < 0 ? axis2 + a->ndim : axis2;
    if (a1 == a2)
        return nc_error_set(NC_ERR_VALUE, "axis1 and axis2 cannot be the same");
    ptrdiff_t n1 = a->shape[a1], n2 = a->shape[a2], len;
    char *data = a->data;
    /* offsets beyond the matrix give an empty diagonal at the origin */
    if (offset >= 0) {
        len = offset >= n2 ? 0 : (n1 < n2 - offset ? n1 : n2 - offset);
        if (len > 0)
            data += offset * a->strides[a2];
    } else {
        len = (offset <= -n1) ? 0 : (n2 < n1 + offset ? n2 : n1 + offset);
        if (len > 0)
            data += -offset * a->strides[a1];
    }
    out->data = data;
    out->dtype = a->dtype;
    int k = 0;
    for (int i = 0; i < a->ndim; i++) {
        if (i == a1 || i == a2)
            continue;
        out->shape[k] = a->shape[i];
        out->strides[k++] = a->strides[i];
    }
    out->shape[k] = len;
    out->strides[k++] = a->strides[a1] + a->strides[a2];
    out->ndim = k;
    return NC_OK;
}

/* View of `a` restricted to [start, start + len) along `axis`. */
static nc_status slab(const nc_array *a, int axis, ptrdiff_t start, ptrdiff_t len, nc_array *v)
{
    memset(v, 0, sizeof *v);
    ptrdiff_t shape[NC_MAXDIMS];
    for (int i = 0; i < a->ndim; i++)
        shape[i] = a->shape[i];
    shape[axis] = len;
    char *data = a->data + (len ? start * a->strides[axis] : 0);
    return nc_array_init_view(v, a->buffer, data, a->dtype, a->ndim, shape, a->strides, 1);
}

nc_status nc_roll(nc_array *dst, const nc_array *src, int naxes, const int *axes,
                  const ptrdiff_t *shifts)
{
    ptrdiff_t sh[NC_MAXDIMS] = {0};
    if (dst->ndim != src->ndim)
        return nc_error_set(NC_ERR_VALUE, "roll: shapes differ");
    for (int i = 0; i < naxes; i++) {
        int ax;
        nc_status st = nc_normalize_axis(axes[i], src->ndim, &ax);
        if (st)
            return st;
        ptrdiff_t n = src->shape[ax];
        if (n) {
            ptrdiff_t s = shifts[i] % n;
            sh[ax] = ((sh[ax] + s) % n + n) % n;
        }
    }
    if (src->size == 0)
        return NC_OK;
    int rolled[NC_MAXDIMS], k = 0;
    for (int i = 0; i < src->ndim; i++)
        if (sh[i])
            rolled[k++] = i;
    if (k > 20)
        return nc_error_set(NC_ERR_VALUE, "roll: too many rolled axes");
    /* 2^k block copies: each rolled axis splits into the part that moves
     * right by sh and the tail that wraps to the front. */
    for (unsigned long mask = 0; mask < (1ul << k); mask++) {
        nc_array d = *dst, s = *src;
        nc_array dv, sv;
        ptrdiff_t dshape[NC_MAXDIMS], sstart[NC_MAXDIMS], dstart[NC_MAXDIMS];
        for (int i = 0; i < src->ndim; i++) {
            dshape[i] = src->shape[i];
            sstart[i] = dstart[i] = 0;
        }
        for (int j = 0; j < k; j++) {
            int ax = rolled[j];
            ptrdiff_t n = src->shape[ax], s0 = sh[ax];
            if (mask & (1ul << j)) { /* tail of src -> head of dst */
                dshape[ax] = s0;
                sstart[ax] = n - s0;
            } else {
                dshape[ax] = n - s0;
                dstart[ax] = s0;
            }
        }
        char *dp = d.data, *sp = s.data;
        for (int i = 0; i < src->ndim; i++) {
            dp += dstart[i] * dst->strides[i];
            sp += sstart[i] * src->strides[i];
        }
        memset(&dv, 0, sizeof dv);
        memset(&sv, 0, sizeof sv);
        nc_status st = nc_array_init_view(&dv, dst->buffer, dp, dst->dtype, dst->ndim, dshape,
                                          dst->strides, 1);
        if (!st)
            st = nc_array_init_view(&sv, src->buffer, sp, src->dtype, src->ndim, dshape,
                                    src->strides, 0);
        if (!st)
            st = nc_array_copy(&dv, &sv, NC_CAST_UNSAFE);
        nc_array_clear(&dv);
        nc_array_clear(&sv);
        if (st)
            return st;
    }
    return NC_OK;
}

nc_status nc_tile(const nc_array *src, int nreps, const ptrdiff_t *reps, nc_array *out)
{
    int nd = nreps > src->ndim ? nreps : src->ndim;
    if (nd > NC_MAXDIMS / 2)
        return nc_error_set(NC_ERR_VALUE, "tile: too many dimensions");
    ptrdiff_t r[NC_MAXDIMS], s[NC_MAXDIMS], ss[NC_MAXDIMS], oshape[NC_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        int ri = i - (nd - nreps), si = i - (nd - src->ndim);
        r[i] = ri >= 0 ? reps[ri] : 1;
        if (r[i] < 0)
            return nc_error_set(NC_ERR_VALUE, "negative dimensions are not allowed");
        s[i] = si >= 0 ? src->shape[si] : 1;
        ss[i] = si >= 0 ? src->strides[si] : 0;
        if (s[i] && r[i] > PTRDIFF_MAX / s[i])
            return nc_error_set(NC_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        oshape[i] = r[i] * s[i];
    }
    int itemsize = nc_dtype_info(src->dtype)->itemsize;
    ptrdiff_t size;
    nc_status st = nc_shape_size(nd, oshape, itemsize, &size);
    if (st)
        return st;
    st = nc_array_init_empty(out, src->dtype, nd, oshape, NC_ORDER_C, 0);
    if (st || size == 0)
        return st;
    /* out seen as (r0, s0, r1, s1, ...) against src broadcast over the r axes */
    ptrdiff_t vshape[NC_MAXDIMS], vstr[NC_MAXDIMS], bstr[NC_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        vshape[2 * i] = r[i];
        vshape[2 * i + 1] = s[i];
        vstr[2 * i] = s[i] * out->strides[i];
        vstr[2 * i + 1] = out->strides[i];
        bstr[2 * i] = 0;
        bstr[2 * i + 1] = ss[i];
    }
    nc_array dv, sv;
    memset(&dv, 0, sizeof dv);
    memset(&sv, 0, sizeof sv);
    st = nc_array_init_view(&dv, out->buffer, out->data, out->dtype, 2 * nd, vshape, vstr, 1);
    for (int i = 0; i < nd; i++)
        vshape[2 * i] = 1;
    if (!st)
        st = nc_array_init_view(&sv, src->buffer, src->data, src->dtype, 2 * nd, vshape, bstr, 0);
    if (!st)
        st = nc_array_assign(&dv, &sv, NC_CAST_UNSAFE);
    nc_array_clear(&dv);
    nc_array_clear(&sv);
    if (st)
        nc_array_clear(out);
    return st;
}

/* C-contiguous copy of a (a view of it when already contiguous). */
static nc_status contiguous(const nc_array *a, nc_array *c)
{
    memset(c, 0, sizeof *c);
    if (a->flags & NC_C_CONTIGUOUS)
        return nc_array_init_view(c, a->buffer, a->data, a->dtype, a->ndim, a->shape, NULL, 0);
    nc_status st = nc_array_init_empty(c, a->dtype, a->ndim, a->shape, NC_ORDER_C, 0);
    if (!st)
        st = nc_array_copy(c, a, NC_CAST_NO);
    return st;
}

/* Copies `count` copies of the chunk at s to d; chunk sizes of one
 * element get typed stores instead of memcpy calls. */
static char *put_repeat(char *d, const char *s, size_t chunk, ptrdiff_t count)
{
    switch (chunk) {
    case 8: { uint64_t v; memcpy(&v, s, 8); for (ptrdiff_t r = 0; r < count; r++, d += 8) memcpy(d, &v, 8); return d; }
    case 4: { uint32_t v; memcpy(&v, s, 4); for (ptrdiff_t r = 0; r < count; r++, d += 4) memcpy(d, &v, 4); return d; }
    case 2: { uint16_t v; memcpy(&v, s, 2); for (ptrdiff_t r = 0; r < count; r++, d += 2) memcpy(d, &v, 2); return d; }
    case 1: memset(d, *s, (size_t)count); return d + count;
    default:
        for (ptrdiff_t r = 0; r < count; r++, d += chunk)
            memcpy(d, s, chunk);
        return d;
    }
}

nc_status nc_repeat(const nc_array *src, int axis, ptrdiff_t nrep, const ptrdiff_t *repeats,
                    nc_array *out)
{
    int ax;
    nc_status st = nc_normalize_axis(axis, src->ndim, &ax);
    if (st)
        return st;
    ptrdiff_t n = src->shape[ax];
    if (nrep != 1 && nrep != n)
        return nc_error_set(NC_ERR_VALUE, "operands could not be broadcast together with shape (%td,) (%td,)",
                            n, nrep);
    ptrdiff_t total = 0;
    for (ptrdiff_t i = 0; i < nrep; i++) {
        if (repeats[i] < 0)
            return nc_error_set(NC_ERR_VALUE, "repeats may not contain negative values.");
    }
    if (nrep == 1) {
        if (n && repeats[0] > PTRDIFF_MAX / n)
            return nc_error_set(NC_ERR_VALUE, "array is too big");
        total = n * repeats[0];
    } else {
        for (ptrdiff_t i = 0; i < n; i++) {
            if (repeats[i] > PTRDIFF_MAX - total)
                return nc_error_set(NC_ERR_VALUE, "array is too big");
            total += repeats[i];
        }
    }
    ptrdiff_t oshape[NC_MAXDIMS], size;
    for (int i = 0; i < src->ndim; i++)
        oshape[i] = src->shape[i];
    oshape[ax] = total;
    int itemsize = nc_dtype_info(src->dtype)->itemsize;
    st = nc_shape_size(src->ndim, oshape, itemsize, &size);
    if (st)
        return st;
    st = nc_array_init_empty(out, src->dtype, src->ndim, oshape, NC_ORDER_C, 0);
    if (st || size == 0)
        return st;
    nc_array c;
    st = contiguous(src, &c);
    if (st) {
        nc_array_clear(&c);
        nc_array_clear(out);
        return st;
    }
    ptrdiff_t outer = 1, inner = itemsize;
    for (int i = 0; i < ax; i++)
        outer *= src->shape[i];
    for (int i = ax + 1; i < src->ndim; i++)
        inner *= src->shape[i];
    const char *s = c.data;
    char *d = out->data;
    if (nrep == 1 && (inner == 4 || inner == 8) && (uintptr_t)s % (uintptr_t)inner == 0) {
        /* one count for all elements: a typed loop the compiler unrolls */
        ptrdiff_t m = outer * n, k = repeats[0];
        if (inner == 8) {
            const uint64_t *sv = (const uint64_t *)(const void *)s;
            uint64_t *dv = (uint64_t *)(void *)d;
            for (ptrdiff_t i = 0; i < m; i++)
                for (ptrdiff_t r = 0; r < k; r++)
                    *dv++ = sv[i];
        } else {
            const uint32_t *sv = (const uint32_t *)(const void *)s;
            uint32_t *dv = (uint32_t *)(void *)d;
            if (k == 2) {
                for (ptrdiff_t i = 0; i < m; i++) {
                    dv[2 * i] = sv[i];
                    dv[2 * i + 1] = sv[i];
                }
            } else {
                for (ptrdiff_t i = 0; i < m; i++)
                    for (ptrdiff_t r = 0; r < k; r++)
                        *dv++ = sv[i];
            }
        }
        nc_array_clear(&c);
        return NC_OK;
    }
    for (ptrdiff_t o = 0; o < outer; o++)
        for (ptrdiff_t i = 0; i < n; i++, s += inner)
            d = put_repeat(d, s, (size_t)inner, repeats[nrep == 1 ? 0 : i]);
    nc_array_clear(&c);
    return NC_OK;
}

nc_status nc_axis_copy_idx(nc_array *dst, const ptrdiff_t *dst_idx, const nc_array *src,
                           const ptrdiff_t *src_idx, int axis, ptrdiff_t n)
{
    int ax;
    nc_status st = nc_normalize_axis(axis, dst->ndim, &ax);
    if (st)
        return st;
    if (src->ndim != dst->ndim)
        return nc_error_set(NC_ERR_VALUE, "axis copy: dimensions differ");
    for (int i = 0; i < dst->ndim; i++)
        if (i != ax && src->shape[i] != dst->shape[i])
            return nc_error_set(NC_ERR_VALUE, "axis copy: shapes differ");
    for (ptrdiff_t j = 0; j < n; j++) {
        ptrdiff_t di = dst_idx ? dst_idx[j] : j, si = src_idx ? src_idx[j] : j;
        if (di < 0 || di >= dst->shape[ax] || si < 0 || si >= src->shape[ax])
            return nc_error_set(NC_ERR_INDEX, "index %td is out of bounds for axis %d with size %td",
                                di < 0 || di >= dst->shape[ax] ? di : si, ax,
                                di < 0 || di >= dst->shape[ax] ? dst->shape[ax] : src->shape[ax]);
    }
    /* runs of consecutive indices move as one slab */
    for (ptrdiff_t j = 0; j < n;) {
        ptrdiff_t di = dst_idx ? dst_idx[j] : j, si = src_idx ? src_idx[j] : j, len = 1;
        while (j + len < n && (dst_idx ? dst_idx[j + len] : j + len) == di + len &&
               (src_idx ? src_idx[j + len] : j + len) == si + len)
            len++;
        nc_array dv, sv;
        st = slab(dst, ax, di, len, &dv);
        if (!st)
            st = slab(src, ax, si, len, &sv);
        else
            memset(&sv, 0, sizeof sv);
        if (!st)
            st = nc_array_copy(&dv, &sv, NC_CAST_UNSAFE);
        nc_array_clear(&dv);
        nc_array_clear(&sv);
        if (st)
            return st;
        j += len;
    }
    return NC_OK;
}

nc_status nc_fill_cyclic(nc_array *dst, const nc_array *src)
{
    if (!(dst->flags & NC_C_CONTIGUOUS) || !(src->flags & NC_C_CONTIGUOUS) ||
        dst->dtype != src->dtype)
        return nc_error_set(NC_ERR_VALUE, "fill_cyclic needs contiguous arrays of one dtype");
    if (dst->size == 0)
        return NC_OK;
    if (src->size == 0)
        return nc_error_set(NC_ERR_VALUE, "cannot fill from an empty array");
    size_t isz = (size_t)nc_dtype_info(dst->dtype)->itemsize;
    size_t total = (size_t)dst->size * isz, n = (size_t)src->size * isz;
    size_t first = n < total ? n : total;
    memcpy(dst->data, src->data, first);
    /* doubling: each memcpy reads what was already written */
    size_t done = first;
    while (done < total) {
        size_t m = done - done % n;
        if (m > total - done)
            m = total - done;
        memcpy(dst->data + done, dst->data, m);
        done += m;
    }
    return NC_OK;
}

/* Advances an n-d counter over shape[0..nd); returns 0 when done. */
static int next_index(int nd, const ptrdiff_t *shape, ptrdiff_t *idx)
{
    for (int i = nd - 1; i >= 0; i--) {
        if (++idx[i] < shape[i])
            return 1;
        idx[i] = 0;
    }
    return 0;
}

nc_status nc_tri_zero(nc_array *a, ptrdiff_t k, int upper)
{
    if (a->ndim < 2)
        return nc_error_set(NC_ERR_VALUE, "tri needs at least two dimensions");
    if (a->size == 0)
        return NC_OK;
    int nd = a->ndim - 2;
    ptrdiff_t m = a->shape[nd], n = a->shape[nd + 1];
    ptrdiff_t rs = a->strides[nd], cs = a->strides[nd + 1];
    size_t isz = (size_t)nc_dtype_info(a->dtype)->itemsize;
    ptrdiff_t idx[NC_MAXDIMS] = {0};
    do {
        char *base = a->data;
        for (int i = 0; i < nd; i++)
            base += idx[i] * a->strides[i];
        for (ptrdiff_t i = 0; i < m; i++) {
            ptrdiff_t lo, hi;
            /* clamp i + k without overflow for huge |k| */
            ptrdiff_t ik = (k > 0 && i > PTRDIFF_MAX - k) ? PTRDIFF_MAX : i + k;
            if (upper) {
                lo = 0;
                hi = ik < 0 ? 0 : (ik > n ? n : ik);
            } else {
                lo = ik < -1 ? 0 : (ik >= n - 1 ? n : ik + 1);
                hi = n;
            }
            char *row = base + i * rs;
            if (cs == (ptrdiff_t)isz) {
                if (hi > lo)
                    memset(row + lo * cs, 0, (size_t)(hi - lo) * isz);
            } else {
                for (ptrdiff_t j = lo; j < hi; j++)
                    memset(row + j * cs, 0, isz);
            }
        }
    } while (nd > 0 && next_index(nd, a->shape, idx));
    return NC_OK;
}

static int is_nonzero(nc_dtype_id t, const char *p, int isz)
{
    switch (t) {
    case NC_FLOAT16: { uint16_t v; memcpy(&v, p, 2); return (v & 0x7fff) != 0; }
    case NC_FLOAT32: { float v; memcpy(&v, p, 4); return v != 0; }
    case NC_FLOAT64: { double v; memcpy(&v, p, 8); return v != 0; }
    case NC_COMPLEX64: { float v[2]; memcpy(v, p, 8); return v[0] != 0 || v[1] != 0; }
    case NC_COMPLEX128: { double v[2]; memcpy(v, p, 16); return v[0] != 0 || v[1] != 0; }
    default:
        for (int i = 0; i < isz; i++)
            if (p[i])
                return 1;
        return 0;
    }
}

nc_status nc_nonzero_bounds(const nc_array *a, ptrdiff_t *lo, ptrdiff_t *hi)
{
    int nd = a->ndim, isz = nc_dtype_info(a->dtype)->itemsize, any = 0;
    for (int i = 0; i < nd; i++) {
        lo[i] = PTRDIFF_MAX;
        hi[i] = 0;
    }
    if (a->size > 0) {
        ptrdiff_t idx[NC_MAXDIMS] = {0};
        do {
            const char *p = a->data;
            for (int i = 0; i < nd; i++)
                p += idx[i] * a->strides[i];
            if (is_nonzero(a->dtype, p, isz)) {
                any = 1;
                for (int i = 0; i < nd; i++) {
                    if (idx[i] < lo[i])
                        lo[i] = idx[i];
                    if (idx[i] + 1 > hi[i])
                        hi[i] = idx[i] + 1;
                }
            }
        } while (nd > 0 && next_index(nd, a->shape, idx));
    }
    if (!any)
        for (int i = 0; i < nd; i++)
            lo[i] = hi[i] = 0;
    return NC_OK;
}

/* trace's sum: the add reduction of the core (pairwise order, integer
 * wrap-around, NumPy's rounding) over the last axis, in dst's dtype. */
nc_status nc_sum_last_axis(nc_array *dst, const nc_array *src)
{
    const nc_ufunc *add = nc_ufunc_find("add");
    int loop, fpe, axis = -1;
    if (!add || src->ndim < 1)
        return nc_error_set(NC_ERR_VALUE, "sum over the last axis needs an array with an axis");
    nc_status st = nc_reduce_resolve(add, src->dtype, dst->dtype, -1, &loop);
    if (st)
        return st;
    return nc_ufunc_reduce(add, loop, src, 1, &axis, 0, NULL, NULL, dst, &fpe);
}
