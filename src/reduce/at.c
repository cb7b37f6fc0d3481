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
#include <math.h>
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

/* Dedicated indexed kernels (see at_kernels.inc.c).  The rules are the
 * inner loops': integers wrap (computed unsigned), float maximum/minimum
 * return a if it is NaN or strictly larger (smaller), else b. */
typedef void (*at_kernel)(char *, ptrdiff_t, ptrdiff_t, const char *, ptrdiff_t, const char *,
                          ptrdiff_t, ptrdiff_t);
#define AK_FADD(x, y) ((x) + (y))
#define AK_FSUB(x, y) ((x) - (y))
#define AK_FMUL(x, y) ((x) * (y))
#define AK_FMAX(x, y) ((isgreater(x, y) || isnan(x)) ? (x) : (y))
#define AK_FMIN(x, y) ((isless(x, y) || isnan(x)) ? (x) : (y))
#define AK_IMAX(x, y) ((x) > (y) ? (x) : (y))
#define AK_IMIN(x, y) ((x) < (y) ? (x) : (y))
#define AK_NAME at_add_f64
#define AK_T double
#define AK_OP(x, y) AK_FADD(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_subtract_f64
#define AK_T double
#define AK_OP(x, y) AK_FSUB(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_multiply_f64
#define AK_T double
#define AK_OP(x, y) AK_FMUL(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_maximum_f64
#define AK_T double
#define AK_OP(x, y) AK_FMAX(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_minimum_f64
#define AK_T double
#define AK_OP(x, y) AK_FMIN(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_add_f32
#define AK_T float
#define AK_OP(x, y) AK_FADD(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_subtract_f32
#define AK_T float
#define AK_OP(x, y) AK_FSUB(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_multiply_f32
#define AK_T float
#define AK_OP(x, y) AK_FMUL(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_maximum_f32
#define AK_T float
#define AK_OP(x, y) AK_FMAX(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_minimum_f32
#define AK_T float
#define AK_OP(x, y) AK_FMIN(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_add_i64
#define AK_T int64_t
#define AK_OP(x, y) (int64_t)((uint64_t)(x) + (uint64_t)(y))
#include "at_kernels.inc.c"
#define AK_NAME at_subtract_i64
#define AK_T int64_t
#define AK_OP(x, y) (int64_t)((uint64_t)(x) - (uint64_t)(y))
#include "at_kernels.inc.c"
#define AK_NAME at_multiply_i64
#define AK_T int64_t
#define AK_OP(x, y) (int64_t)((uint64_t)(x) * (uint64_t)(y))
#include "at_kernels.inc.c"
#define AK_NAME at_maximum_i64
#define AK_T int64_t
#define AK_OP(x, y) AK_IMAX(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_minimum_i64
#define AK_T int64_t
#define AK_OP(x, y) AK_IMIN(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_add_i32
#define AK_T int32_t
#define AK_OP(x, y) (int32_t)((uint32_t)(x) + (uint32_t)(y))
#include "at_kernels.inc.c"
#define AK_NAME at_subtract_i32
#define AK_T int32_t
#define AK_OP(x, y) (int32_t)((uint32_t)(x) - (uint32_t)(y))
#include "at_kernels.inc.c"
#define AK_NAME at_multiply_i32
#define AK_T int32_t
#define AK_OP(x, y) (int32_t)((uint32_t)(x) * (uint32_t)(y))
#include "at_kernels.inc.c"
#define AK_NAME at_maximum_i32
#define AK_T int32_t
#define AK_OP(x, y) AK_IMAX(x, y)
#include "at_kernels.inc.c"
#define AK_NAME at_minimum_i32
#define AK_T int32_t
#define AK_OP(x, y) AK_IMIN(x, y)
#include "at_kernels.inc.c"

static at_kernel at_kernel_for(const char *name, nc_dtype_id t)
{
    static const char *const names[5] = {"add", "subtract", "multiply", "maximum", "minimum"};
    static const at_kernel tab[4][5] = {
        {at_add_f64, at_subtract_f64, at_multiply_f64, at_maximum_f64, at_minimum_f64},
        {at_add_f32, at_subtract_f32, at_multiply_f32, at_maximum_f32, at_minimum_f32},
        {at_add_i64, at_subtract_i64, at_multiply_i64, at_maximum_i64, at_minimum_i64},
        {at_add_i32, at_subtract_i32, at_multiply_i32, at_maximum_i32, at_minimum_i32},
    };
    int r = t == NC_FLOAT64 ? 0 : t == NC_FLOAT32 ? 1 : t == NC_INT64 ? 2 : t == NC_INT32 ? 3 : -1;
    if (r < 0)
        return NULL;
    for (int k = 0; k < 5; k++)
        if (!strcmp(name, names[k]))
            return tab[r][k];
    return NULL;
}

#define AT_BLOCK 256
#define AT_SLOTS 512 /* open-addressing table of the indices in a block */

static inline void copy_elem(char *dst, const char *src, ptrdiff_t tsz)
{
    switch (tsz) {
    case 1: *dst = *src; break;
    case 2: memcpy(dst, src, 2); break;
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    default: memcpy(dst, src, 16); break;
    }
}

/* a[idx[e]] = op(a[idx[e]], b[e]) for a 1-d index, in blocks: gather the
 * block's elements, run the loop once over them, scatter them back.  A
 * block ends before an index it already holds, so repeated indices still
 * apply one after the other, as unbuffered at() requires. */
static int at_blocks(const nc_loop *lp, int nin, char *base, ptrdiff_t sa, ptrdiff_t len,
                     const char *pi, ptrdiff_t si, const char *pb, ptrdiff_t sb, ptrdiff_t total,
                     ptrdiff_t tsz)
{
    _Alignas(64) char tmp[AT_BLOCK * 16];
    ptrdiff_t offs[AT_BLOCK];
    int64_t keys[AT_SLOTS];
    uint32_t gens[AT_SLOTS];
    uint32_t gen = 0;
    memset(gens, 0, sizeof gens);
    ptrdiff_t e = 0;
    while (e < total) {
        if (++gen == 0) {
            memset(gens, 0, sizeof gens);
            gen = 1;
        }
        ptrdiff_t m = 0;
        while (e + m < total && m < AT_BLOCK) {
            int64_t v = *(const int64_t *)(pi + (e + m) * si);
            if (v < 0)
                v += len;
            uint32_t h = (uint32_t)(((uint64_t)v * 0x9E3779B97F4A7C15ull) >> 55);
            int dup = 0;
            while (gens[h] == gen) {
                if (keys[h] == v) {
                    dup = 1;
                    break;
                }
                h = (h + 1) & (AT_SLOTS - 1);
            }
            if (dup)
                break;
            gens[h] = gen;
            keys[h] = v;
            offs[m++] = (ptrdiff_t)v * sa;
        }
        for (ptrdiff_t i = 0; i < m; i++)
            copy_elem(tmp + i * tsz, base + offs[i], tsz);
        char *args[3] = {tmp, (char *)pb + e * sb, tmp};
        ptrdiff_t steps[3] = {tsz, sb, tsz};
        if (nin == 1) {
            args[1] = tmp;
            steps[1] = tsz;
        }
        int rc = lp->fn(args, &m, steps, NULL);
        if (rc)
            return rc;
        for (ptrdiff_t i = 0; i < m; i++)
            copy_elem(base + offs[i], tmp + i * tsz, tsz);
        e += m;
    }
    return 0;
}

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
            /* v is in [lo, hi) iff v - lo and hi - 1 - v are both >= 0:
             * OR-ing them (wrapping) leaves the top bit clear, and the
             * contiguous loop vectorises with plain SSE2. */
            const char *p = ar->data;
            uint64_t lo = (uint64_t)-f[i].axis_len, hi1 = (uint64_t)f[i].axis_len - 1, bad = 0;
            ptrdiff_t n = ar->size, s = ar->strides[0];
            if (s == (ptrdiff_t)sizeof(int64_t)) {
                const int64_t *q = (const int64_t *)p;
                for (ptrdiff_t e = 0; e < n; e++)
                    bad |= ((uint64_t)q[e] - lo) | (hi1 - (uint64_t)q[e]);
            } else {
                for (ptrdiff_t e = 0; e < n; e++, p += s) {
                    uint64_t v = (uint64_t)*(const int64_t *)p;
                    bad |= (v - lo) | (hi1 - v);
                }
            }
            if (!(bad >> 63))
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
    at_kernel ak = NULL;
    if (rd == 1 && nf == 1 && f[0].arr && !to_t && !from_o && nin == 2 && T == TB && T == TO &&
        T == a->dtype)
        ak = at_kernel_for(uf->name, T);
    if (ak) {
        ak(base, f[0].axis_stride, f[0].axis_len, f[0].arr->data, f[0].bstr[0], bt.data, bstr[0],
           total);
        total = 0;
    } else if (rd == 1 && nf == 1 && f[0].arr && !to_t && !from_o) {
        /* The common a[idx] op= b with one 1-d index array. */
        rc = at_blocks(lp, nin, base, f[0].axis_stride, f[0].axis_len, f[0].arr->data,
                       f[0].bstr[0], b ? bt.data : NULL, bstr[0], total,
                       nc_dtype_info(T)->itemsize);
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
