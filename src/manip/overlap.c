/* overlap.c: whether two arrays share memory (shares_memory and
 * may_share_memory).
 *
 * The answer is decided in steps of growing cost:
 *   1. disjoint byte extents (or an empty array): no;
 *   2. one array is dense, i.e. its elements tile its whole extent
 *      (contiguous in some axis order): the extents intersect, so yes;
 *   3. max_work == 0: the intersecting extents are the answer (may_share);
 *   4. otherwise exactly: the element start offsets of one array are sorted
 *      and every element of the other is looked up by binary search, in
 *      O((m + n) log n) time and O(n) memory.  NumPy solves a bounded
 *      Diophantine problem instead; enumeration is simpler and exact, and
 *      max_work > 0 bounds its element visits (m + n), beyond which the
 *      caller reports TooHardError.
 * Nothing here writes to either array. */
#include <stdlib.h>
#include <string.h>
#include "numc/manip.h"
#include "numc/alloc.h"
#include "numc/iter.h"

/* 1 if the elements of `a` cover its extent exactly, without gaps or
 * repeats: sorted by |stride|, each axis must step over all faster ones. */
static int dense(const nc_array *a)
{
    if (a->flags & (NC_C_CONTIGUOUS | NC_F_CONTIGUOUS))
        return 1;
    ptrdiff_t st[NC_MAXDIMS], sh[NC_MAXDIMS];
    int n = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (a->shape[d] == 1)
            continue;
        ptrdiff_t s = a->strides[d] < 0 ? -a->strides[d] : a->strides[d];
        int j = n++;
        while (j > 0 && st[j - 1] > s) {
            st[j] = st[j - 1];
            sh[j] = sh[j - 1];
            j--;
        }
        st[j] = s;
        sh[j] = a->shape[d];
    }
    ptrdiff_t expect = nc_dtype_info(a->dtype)->itemsize;
    for (int i = 0; i < n; i++) {
        if (st[i] != expect)
            return 0;
        expect *= sh[i];
    }
    return 1;
}

static int cmp_off(const void *x, const void *y)
{
    ptrdiff_t a = *(const ptrdiff_t *)x, b = *(const ptrdiff_t *)y;
    return (a > b) - (a < b);
}

/* Writes the byte offsets (from `base`) of a's element starts. */
static void offsets(const nc_array *a, const char *base, ptrdiff_t *out)
{
    const nc_array *ops[1] = {a};
    nc_iter it;
    if (nc_iter_init(&it, 1, ops, a->ndim, a->shape) || nc_iter_size(&it) == 0)
        return;
    ptrdiff_t k = 0;
    do {
        const char *p = it.ptrs[0];
        for (ptrdiff_t i = 0; i < it.inner_size; i++, p += it.inner_strides[0])
            out[k++] = p - base;
    } while (nc_iter_next(&it));
}

nc_status nc_shares_memory(const nc_array *a, const nc_array *b, ptrdiff_t max_work,
                           int *result)
{
    if (!nc_array_may_overlap(a, b)) {
        *result = 0;
        return NC_OK;
    }
    if (max_work == 0 || dense(a) || dense(b)) {
        *result = 1;
        return NC_OK;
    }
    if (a->size > b->size) {
        const nc_array *t = a;
        a = b;
        b = t;
    }
    if (max_work > 0 && a->size > max_work - b->size) {
        *result = -1;
        return NC_OK;
    }
    char *blo, *bhi;
    nc_array_extent(b, &blo, &bhi);
    size_t n = (size_t)b->size;
    ptrdiff_t *off = nc_malloc(n * sizeof(ptrdiff_t));
    ptrdiff_t *aoff = nc_malloc((size_t)a->size * sizeof(ptrdiff_t));
    if (!off || !aoff) {
        nc_free(off);
        nc_free(aoff);
        return nc_error_set(NC_ERR_NOMEM, "out of memory");
    }
    offsets(b, blo, off);
    offsets(a, blo, aoff);
    qsort(off, n, sizeof(ptrdiff_t), cmp_off);
    ptrdiff_t isa = nc_dtype_info(a->dtype)->itemsize, isb = nc_dtype_info(b->dtype)->itemsize;
    int found = 0;
    for (ptrdiff_t k = 0; k < a->size && !found; k++) {
        /* Element [p, p+isa) meets [q, q+isb) iff p - isb < q < p + isa. */
        ptrdiff_t lo = aoff[k] - isb + 1, hi = aoff[k] + isa;
        size_t l = 0, r = n;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            if (off[m] < lo)
                l = m + 1;
            else
                r = m;
        }
        found = l < n && off[l] < hi;
    }
    nc_free(off);
    nc_free(aoff);
    *result = found;
    return NC_OK;
}
