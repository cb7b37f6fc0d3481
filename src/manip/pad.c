/* pad.c: np.pad's index-only modes (constant, edge, reflect, symmetric,
 * wrap, empty) into a fresh C-ordered array.
 *
 * Invariants: the center is copied first; axes are then padded in order,
 * and the pad of axis i spans the full (already padded) extent of axes < i
 * and only the center of axes > i, so later axes own the corners exactly as
 * NumPy's per-axis algorithm does.  Every non-constant mode maps an output
 * index to a center index by a function that is piecewise linear with slope
 * -1, 0 or 1; each linear run is one slab copy (nc_array_copy, contiguous
 * rows move as whole rows), never an element loop here. */
#include <string.h>
#include "numc/manip_shape.h"

/* out index p (in [0, before) or [before + n, total)) -> center index */
static ptrdiff_t map_index(nc_pad_mode mode, ptrdiff_t p, ptrdiff_t before, ptrdiff_t n)
{
    ptrdiff_t q = p - before, per, r;
    switch (mode) {
    case NC_PAD_EDGE:
        return q < 0 ? 0 : n - 1;
    case NC_PAD_WRAP:
        r = q % n;
        return r < 0 ? r + n : r;
    case NC_PAD_REFLECT:
        if (n == 1)
            return 0;
        per = 2 * (n - 1);
        r = q % per;
        if (r < 0)
            r += per;
        return r < n ? r : per - r;
    default: /* symmetric */
        per = 2 * n;
        r = q % per;
        if (r < 0)
            r += per;
        return r < n ? r : per - 1 - r;
    }
}

/* View of `a` whose axis i is [start[i], start[i]+len[i]) with stride
 * multiplied by dir on `axis`. */
static nc_status box(const nc_array *a, const ptrdiff_t *start, const ptrdiff_t *len, int axis,
                     int dir, nc_array *v)
{
    ptrdiff_t strides[NC_MAXDIMS];
    char *data = a->data;
    int empty = 0;
    for (int i = 0; i < a->ndim; i++) {
        strides[i] = a->strides[i];
        if (len[i] == 0)
            empty = 1;
    }
    if (!empty)
        for (int i = 0; i < a->ndim; i++)
            data += start[i] * a->strides[i];
    if (dir < 0)
        strides[axis] = -strides[axis];
    else if (dir == 0)
        strides[axis] = 0;
    memset(v, 0, sizeof *v);
    return nc_array_init_view(v, a->buffer, data, a->dtype, a->ndim, len, strides, 1);
}

static nc_status fill_axis(nc_array *out, const nc_array *src, const ptrdiff_t *widths, int axis,
                           nc_pad_mode mode, const char *cvals)
{
    ptrdiff_t start[NC_MAXDIMS], len[NC_MAXDIMS];
    for (int i = 0; i < out->ndim; i++) {
        if (i < axis) {
            start[i] = 0;
            len[i] = out->shape[i];
        } else {
            start[i] = widths[2 * i];
            len[i] = src->shape[i];
        }
    }
    ptrdiff_t before = widths[2 * axis], after = widths[2 * axis + 1], n = src->shape[axis];
    ptrdiff_t total = out->shape[axis];
    nc_status st = NC_OK;
    nc_array d, s;
    if (mode == NC_PAD_CONSTANT) {
        for (int side = 0; side < 2 && !st; side++) {
            start[axis] = side ? before + n : 0;
            len[axis] = side ? after : before;
            st = box(out, start, len, axis, 1, &d);
            if (!st)
                st = nc_array_fill(&d, cvals + (2 * axis + side) * nc_dtype_info(out->dtype)->itemsize,
                                   out->dtype);
            nc_array_clear(&d);
        }
        return st;
    }
    if (n == 0)
        return nc_error_set(NC_ERR_VALUE, "can't extend empty axis %d using modes other than 'constant' or 'empty'", axis);
    ptrdiff_t sstart[NC_MAXDIMS], slen[NC_MAXDIMS];
    memcpy(sstart, start, sizeof(ptrdiff_t) * (size_t)out->ndim);
    memcpy(slen, len, sizeof(ptrdiff_t) * (size_t)out->ndim);
    for (int side = 0; side < 2 && !st; side++) {
        ptrdiff_t p = side ? before + n : 0, end = side ? total : before;
        while (p < end && !st) {
            ptrdiff_t m0 = map_index(mode, p, before, n), run = 1, dir = 0;
            if (p + 1 < end) {
                dir = map_index(mode, p + 1, before, n) - m0;
                if (dir < -1 || dir > 1)
                    dir = 0; /* a wrap/reflect jump: a run of one */
                else
                    while (p + run < end && map_index(mode, p + run, before, n) == m0 + dir * run)
                        run++;
            }
            start[axis] = p;
            len[axis] = run;
            sstart[axis] = before + m0;
            slen[axis] = run;
            st = box(out, start, len, axis, 1, &d);
            if (!st)
                st = box(out, sstart, slen, axis, (int)dir, &s);
            else
                memset(&s, 0, sizeof s);
            if (!st)
                st = nc_array_copy(&d, &s, NC_CAST_NO);
            nc_array_clear(&d);
            nc_array_clear(&s);
            p += run;
        }
    }
    return st;
}

nc_status nc_pad(const nc_array *src, const ptrdiff_t *widths, nc_pad_mode mode,
                 const char *cvals, nc_array *out)
{
    ptrdiff_t oshape[NC_MAXDIMS], size;
    for (int i = 0; i < src->ndim; i++) {
        ptrdiff_t b = widths[2 * i], a = widths[2 * i + 1];
        if (b < 0 || a < 0)
            return nc_error_set(NC_ERR_VALUE, "index can't contain negative values");
        if (b > PTRDIFF_MAX - src->shape[i] || a > PTRDIFF_MAX - src->shape[i] - b)
            return nc_error_set(NC_ERR_VALUE, "array is too big");
        oshape[i] = b + src->shape[i] + a;
    }
    nc_status st = nc_shape_size(src->ndim, oshape, nc_dtype_info(src->dtype)->itemsize, &size);
    if (st)
        return st;
    if (mode != NC_PAD_CONSTANT && mode != NC_PAD_EMPTY)
        for (int i = 0; i < src->ndim; i++)
            if (src->shape[i] == 0 && (widths[2 * i] || widths[2 * i + 1]))
                return nc_error_set(NC_ERR_VALUE, "can't extend empty axis %d using modes other than 'constant' or 'empty'", i);
    st = nc_array_init_empty(out, src->dtype, src->ndim, oshape, NC_ORDER_C, 0);
    if (st || size == 0)
        return st;
    ptrdiff_t start[NC_MAXDIMS];
    for (int i = 0; i < src->ndim; i++)
        start[i] = widths[2 * i];
    nc_array center;
    st = box(out, start, src->shape, 0, 1, &center);
    if (!st)
        st = nc_array_copy(&center, src, NC_CAST_NO);
    nc_array_clear(&center);
    if (mode != NC_PAD_EMPTY)
        for (int i = 0; i < src->ndim && !st; i++)
            st = fill_axis(out, src, widths, i, mode, cvals);
    if (st)
        nc_array_clear(out);
    return st;
}
