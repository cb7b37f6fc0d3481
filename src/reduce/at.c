/* at.c: ufunc.at, unbuffered in-place application at indexed positions.
 *
 * The index is a list of ints, slices and int64 arrays, one per leading
 * axis of `a`.  Ints and slices shape a view; the arrays (with the ints,
 * once any array is present, as NumPy counts them as advanced indices) are
 * broadcast together to a shape S.  The indexed shape is NumPy's: S in
 * place of the advanced axes when they are adjacent, else S first.  The
 * loop runs once per indexed element, so repeated indices apply repeatedly
 * (that is the point of at).  Invariants: every index is bounds-checked
 * before anything is written; b is read through strides broadcast to the
 * indexed shape, cast once to the loop's dtype beforehand. */
#include <string.h>
#include "numc/reduce.h"
#include "numc/view.h"
#include "numc/alloc.h"
#include "core/fpstatus.h"

typedef struct fancy {
    const nc_array *arr; /* NULL: a constant index (an int) */
    ptrdiff_t value;
    ptrdiff_t axis_len, axis_stride;
    ptrdiff_t bstr[NC_MAXDIMS]; /* index array strides broadcast to S */
} fancy;

nc_status nc_ufunc_apply_at(const nc_ufunc *uf, int loop_index, nc_array *a, int nindex,
                            const nc_at_index *index, const nc_array *b, int *fpe)
{
    const nc_loop *lp = &uf->loops[loop_index];
    int nin = uf->nin;
    nc_dtype_id T = (nc_dtype_id)lp->types[0], TB = (nc_dtype_id)lp->types[nin > 1 ? 1 : 0],
                TO = (nc_dtype_id)lp->types[nin];
    nc_status st;
    *fpe = 0;
    if (uf->nout != 1 || nin > 2)
        return nc_error_set(NC_ERR_VALUE, "at only supported for ufuncs with one output and at most two inputs");
    if ((nin == 2) != (b != NULL))
        return nc_error_set(NC_ERR_VALUE, nin == 2 ? "second operand needed for ufunc"
                                                   : "second operand provided when ufunc is unary");
    if (!(a->flags & NC_WRITEABLE))
        return nc_error_set(NC_ERR_VALUE, "output array is read-only");
    if (!nc_can_cast(TO, a->dtype, NC_CAST_SAME_KIND) || !nc_can_cast(a->dtype, T, NC_CAST_SAME_KIND))
        return nc_error_set(NC_ERR_CAST,
                            "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'",
                            uf->name, nc_dtype_info(TO)->name, nc_dtype_info(a->dtype)->name);
    if (nindex > a->ndim)
        return nc_error_set(NC_ERR_INDEX, "too many indices for array: array is %d-dimensional, but %d were indexed",
                            a->ndim, nindex);
    int any_array = 0;
    for (int i = 0; i < nindex; i++)
        any_array |= index[i].kind == 2;

    /* Walk the index: plain axes (slices and untouched trailing axes) and
     * advanced entries, remembering where the advanced ones sit. */
    char *base = a->data;
    ptrdiff_t pshape[NC_MAXDIMS], pstride[NC_MAXDIMS]; /* plain axes */
    int np_ = 0, nf = 0, first_f = -1, last_f = -1, fpos = 0;
    fancy f[NC_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) {
        ptrdiff_t len = a->shape[d], str = a->strides[d];
        const nc_at_index *ix = d < nindex ? &index[d] : NULL;
        if (ix && (ix->kind == 2 || (ix->kind == 0 && any_array))) {
            fancy *e = &f[nf++];
            memset(e, 0, sizeof *e);
            e->arr = ix->kind == 2 ? ix->arr : NULL;
            e->value = ix->start;
            e->axis_len = len;
            e->axis_stride = str;
            if (first_f < 0) {
                first_f = d;
                fpos = np_;
            }
            last_f = d;
        } else if (ix && ix->kind == 0) {
            ptrdiff_t i = ix->start < 0 ? ix->start + len : ix->start;
            if (i < 0 || i >= len)
                return nc_error_set(NC_ERR_INDEX, "index %td is out of bounds for axis %d with size %td",
                                    ix->start, d, len);
            base += i * str;
        } else if (ix) {
            ptrdiff_t start = ix->start, stop = ix->stop;
            if (ix->step == 0)
                return nc_error_set(NC_ERR_VALUE, "slice step cannot be zero");
            ptrdiff_t n = nc_slice_adjust(len, &start, &stop, ix->step);
            base += start * str;
            pshape[np_] = n;
            pstride[np_++] = str * ix->step;
        } else {
            pshape[np_] = len;
            pstride[np_++] = str;
        }
    }
    /* Adjacent advanced axes keep their place; separated ones go first. */
    int adjacent = nf > 0 && last_f - first_f + 1 == nf;
    if (!adjacent)
        fpos = 0;

    /* S: the broadcast shape of the index arrays. */
    int sd = 0;
    ptrdiff_t S[NC_MAXDIMS];
    {
        int nd[NC_MAXDIMS], k = 0;
        const ptrdiff_t *shp[NC_MAXDIMS];
        for (int i = 0; i < nf; i++)
            if (f[i].arr) {
                nd[k] = f[i].arr->ndim;
                shp[k++] = f[i].arr->shape;
            }
        if (k && nc_broadcast_shapes(k, nd, shp, &sd, S) != NC_OK)
            return nc_error_set(NC_ERR_INDEX, "shape mismatch: indexing arrays could not be broadcast together");
        for (int i = 0; i < nf; i++) {
            const nc_array *ar = f[i].arr;
            if (!ar)
                continue;
            int off = sd - ar->ndim;
            for (int j = 0; j < sd; j++)
                f[i].bstr[j] = j < off || ar->shape[j - off] == 1 ? 0 : ar->strides[j - off];
        }
    }
    /* Indexed shape R = plain[:fpos] + S + plain[fpos:]. */
    int rd = np_ + sd;
    if (rd > NC_MAXDIMS)
        return nc_error_set(NC_ERR_INDEX, "too many dimensions in the indexed result");
    ptrdiff_t R[NC_MAXDIMS];
    for (int j = 0; j < fpos; j++)
        R[j] = pshape[j];
    for (int j = 0; j < sd; j++)
        R[fpos + j] = S[j];
    for (int j = fpos; j < np_; j++)
        R[sd + j] = pshape[j];

    /* Bounds-check every advanced index before writing anything. */
    ptrdiff_t Ssize = 1;
    for (int j = 0; j < sd; j++)
        Ssize *= S[j];
    for (int i = 0; i < nf; i++) {
        if (!f[i].arr) {
            ptrdiff_t v = f[i].value;
            if (v < -f[i].axis_len || v >= f[i].axis_len)
                return nc_error_set(NC_ERR_INDEX, "index %td is out of bounds for axis %d with size %td",
                                    v, first_f + i, f[i].axis_len);
            continue;
        }
        const nc_array *ar = f[i].arr;
        if (ar->ndim == 1) {
            const char *p = ar->data;
            int64_t lo = -f[i].axis_len, hi = f[i].axis_len, bad = 0;
            for (ptrdiff_t e = 0; e < ar->size; e++, p += ar->strides[0]) {
                int64_t v = *(const int64_t *)p;
                bad |= v < lo || v >= hi;
            }
            if (!bad)
                continue;
        }
        ptrdiff_t idx[NC_MAXDIMS] = {0};
        for (ptrdiff_t e = 0; e < ar->size; e++) {
            const char *p = ar->data;
            for (int j = 0; j < ar->ndim; j++)
                p += idx[j] * ar->strides[j];
            int64_t v = *(const int64_t *)p;
            if (v < -f[i].axis_len || v >= f[i].axis_len)
                return nc_error_set(NC_ERR_INDEX, "index %lld is out of bounds for axis %d with size %td",
                                    (long long)v, first_f + i, f[i].axis_len);
            for (int j = ar->ndim - 1; j >= 0 && ++idx[j] == ar->shape[j]; j--)
                idx[j] = 0;
        }
    }

    /* b: cast once to the loop's second input dtype, then broadcast to R. */
    nc_array bt = {0};
    ptrdiff_t bstr[NC_MAXDIMS] = {0};
    if (b) {
        if (b->ndim > rd)
            return nc_error_set(NC_ERR_SHAPE, "operands could not be broadcast together: value has too many dimensions");
        int off = rd - b->ndim;
        for (int j = 0; j < b->ndim; j++)
            if (b->shape[j] != 1 && b->shape[j] != R[off + j])
                return nc_error_set(NC_ERR_SHAPE, "operands could not be broadcast together with remapped shapes");
        if (b->dtype == TB) {
            /* Read b in place: the view only borrows b's buffer. */
            if ((st = nc_array_init_view(&bt, b->buffer, b->data, TB, b->ndim, b->shape,
                                         b->strides, 0)))
                return st;
        } else {
            if ((st = nc_array_init_empty(&bt, TB, b->ndim, b->shape, NC_ORDER_C, 0)))
                return st;
            if ((st = nc_array_assign(&bt, b, NC_CAST_UNSAFE))) {
                nc_array_clear(&bt);
                return st;
            }
        }
        for (int j = 0; j < b->ndim; j++)
            bstr[off + j] = bt.shape[j] == 1 ? 0 : bt.strides[j];
    }
    ptrdiff_t total = Ssize;
    for (int j = 0; j < np_; j++)
        total *= pshape[j];

    /* One element at a time over R in C order; a and the loop dtypes may
     * differ, so each element goes through a 16-byte scratch. */
    nc_cast_fn to_t = a->dtype != T ? nc_cast_get(a->dtype, T) : NULL;
    nc_cast_fn from_o = a->dtype != TO ? nc_cast_get(TO, a->dtype) : NULL;
    ptrdiff_t ri[NC_MAXDIMS] = {0};
    int rc = 0;
    /* Steps of a one-element call: itemsizes, so that the loop takes its
     * plain contiguous path (the cheapest for n == 1). */
    ptrdiff_t one = 1, esteps[3];
    for (int k = 0; k < 3; k++)
        esteps[k] = nc_dtype_info((nc_dtype_id)lp->types[k < nin + 1 ? k : nin])->itemsize;
    nc__fp_clear();
    if (rd == 1 && nf == 1 && f[0].arr && !to_t && !from_o) {
        /* The common a[idx] op= b with one 1-d index array. */
        const char *pi = f[0].arr->data;
        ptrdiff_t si = f[0].bstr[0], sb = bstr[0], len = f[0].axis_len, sa = f[0].axis_stride;
        for (ptrdiff_t e = 0; e < total && !rc; e++, pi += si) {
            ptrdiff_t v = (ptrdiff_t)*(const int64_t *)pi;
            char *pa = base + (v < 0 ? v + len : v) * sa;
            char *args[3] = {pa, b ? bt.data + e * sb : pa, pa};
            rc = lp->fn(args, &one, esteps, NULL);
        }
        total = 0;
    }
    for (ptrdiff_t e = 0; e < total && !rc; e++) {
        char *pa = base;
        const char *pb = bt.data;
        for (int j = 0; b && j < rd; j++)
            pb += ri[j] * bstr[j];
        for (int j = 0; j < fpos; j++)
            pa += ri[j] * pstride[j];
        for (int j = fpos; j < np_; j++)
            pa += ri[sd + j] * pstride[j];
        for (int i = 0; i < nf; i++) {
            ptrdiff_t v = f[i].value;
            if (f[i].arr) {
                const char *p = f[i].arr->data;
                for (int j = 0; j < sd; j++)
                    p += ri[fpos + j] * f[i].bstr[j];
                v = (ptrdiff_t)*(const int64_t *)p;
            }
            if (v < 0)
                v += f[i].axis_len;
            pa += v * f[i].axis_stride;
        }
        _Alignas(16) char ta[16], to[16];
        char *in0 = pa, *o = pa;
        if (to_t) {
            to_t(pa, 0, ta, 0, 1);
            in0 = ta;
        }
        if (from_o)
            o = to;
        char *args[3] = {in0, (char *)pb, o};
        if (nin == 1)
            args[1] = o;
        rc = lp->fn(args, &one, esteps, NULL);
        if (from_o)
            from_o(to, 0, pa, 0, 1);
        for (int j = rd - 1; j >= 0 && ++ri[j] == R[j]; j--)
            ri[j] = 0;
    }
    *fpe = nc__fp_read();
    nc_array_clear(&bt);
    if (rc)
        return rc == NC_LOOP_ERR_NEGATIVE_POWER
                   ? nc_error_set(NC_ERR_VALUE, "Integers to negative integer powers are not allowed.")
                   : nc_error_set(NC_ERR_INTERNAL, "ufunc '%s' loop failed", uf->name);
    return NC_OK;
}
