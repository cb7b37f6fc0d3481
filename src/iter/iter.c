/* iter.c: the broadcasting multi-operand iterator (see iter.h).
 *
 * Invariants after init: ndim >= 1; axis 0 is the innermost; no axis has
 * length 1 unless the whole iteration is a single element; adjacent axes that
 * were contiguous for every operand have been merged; ptrs[] point at the
 * first element of the current inner loop. */
#include <stdlib.h>
#include <string.h>
#include "numc/iter.h"

nc_status nc_iter_init_raw(nc_iter *it, int nop, char *const *data, const int *ndims,
                           const ptrdiff_t *const *shapes, const ptrdiff_t *const *strides,
                           int ndim, const ptrdiff_t *shape)
{
    if (nop < 1 || nop > NC_ITER_MAXOPS)
        return nc_error_set(NC_ERR_INTERNAL, "iterator supports 1..%d operands", NC_ITER_MAXOPS);
    if (ndim < 0 || ndim > NC_MAXDIMS)
        return nc_error_set(NC_ERR_VALUE, "too many dimensions");
    it->nop = nop;
    /* Broadcast strides in C order (axis 0 outermost) into a scratch table. */
    ptrdiff_t bst[NC_MAXDIMS][NC_ITER_MAXOPS];
    ptrdiff_t size = 1;
    for (int j = 0; j < ndim; j++)
        size *= shape[j];
    for (int k = 0; k < nop; k++) {
        int off = ndim - ndims[k];
        if (off < 0)
            return nc_error_set(NC_ERR_SHAPE, "operand has more dimensions than the iteration shape");
        for (int j = 0; j < ndim; j++) {
            int i = j - off;
            if (i < 0) {
                bst[j][k] = 0;
            } else if (shapes[k][i] == shape[j]) {
                bst[j][k] = shape[j] == 1 ? 0 : strides[k][i];
            } else if (shapes[k][i] == 1) {
                bst[j][k] = 0;
            } else {
                return nc_error_set(NC_ERR_SHAPE, "operand could not be broadcast to the iteration shape");
            }
        }
        it->ptrs[k] = data[k];
    }
    it->size = size;
    /* Keep the axes longer than 1, outermost first. */
    int axes[NC_MAXDIMS], n = 0;
    for (int j = 0; j < ndim; j++)
        if (shape[j] != 1)
            axes[n++] = j;
    /* Order axes by the strides of the first operand that is not broadcast,
     * largest |stride| outermost; a stable insertion sort keeps C order on ties. */
    int ref = -1;
    for (int k = 0; k < nop && ref < 0; k++) {
        int full = 1;
        for (int a = 0; a < n && full; a++)
            full = bst[axes[a]][k] != 0;
        if (full)
            ref = k;
    }
    if (ref >= 0) {
        for (int a = 1; a < n; a++) {
            int ax = axes[a], b = a;
            ptrdiff_t s = llabs(bst[ax][ref]);
            while (b > 0 && llabs(bst[axes[b - 1]][ref]) < s) {
                axes[b] = axes[b - 1];
                b--;
            }
            axes[b] = ax;
        }
    }
    /* Fill innermost-first and merge axes contiguous for every operand. */
    int nd = 0;
    for (int a = n - 1; a >= 0; a--) {
        int ax = axes[a];
        if (nd > 0) {
            int merge = 1;
            for (int k = 0; k < nop && merge; k++)
                merge = bst[ax][k] == it->strides[nd - 1][k] * it->shape[nd - 1];
            if (merge) {
                it->shape[nd - 1] *= shape[ax];
                continue;
            }
        }
        it->shape[nd] = shape[ax];
        for (int k = 0; k < nop; k++)
            it->strides[nd][k] = bst[ax][k];
        nd++;
    }
    if (nd == 0) {
        it->shape[0] = size ? 1 : 0;
        for (int k = 0; k < nop; k++)
            it->strides[0][k] = 0;
        nd = 1;
    }
    it->ndim = nd;
    memset(it->index, 0, (size_t)nd * sizeof(ptrdiff_t));
    it->inner_size = it->shape[0];
    for (int k = 0; k < nop; k++)
        it->inner_strides[k] = it->strides[0][k];
    return NC_OK;
}

nc_status nc_iter_init(nc_iter *it, int nop, const nc_array *const *ops, int ndim,
                       const ptrdiff_t *shape)
{
    char *data[NC_ITER_MAXOPS];
    int ndims[NC_ITER_MAXOPS];
    const ptrdiff_t *shapes[NC_ITER_MAXOPS], *strides[NC_ITER_MAXOPS];
    if (nop < 1 || nop > NC_ITER_MAXOPS)
        return nc_error_set(NC_ERR_INTERNAL, "iterator supports 1..%d operands", NC_ITER_MAXOPS);
    for (int k = 0; k < nop; k++) {
        data[k] = ops[k]->data;
        ndims[k] = ops[k]->ndim;
        shapes[k] = ops[k]->shape;
        strides[k] = ops[k]->strides;
    }
    return nc_iter_init_raw(it, nop, data, ndims, shapes, strides, ndim, shape);
}

int nc_iter_next(nc_iter *it)
{
    for (int d = 1; d < it->ndim; d++) {
        if (++it->index[d] < it->shape[d]) {
            for (int k = 0; k < it->nop; k++)
                it->ptrs[k] += it->strides[d][k];
            return 1;
        }
        it->index[d] = 0;
        for (int k = 0; k < it->nop; k++)
            it->ptrs[k] -= it->strides[d][k] * (it->shape[d] - 1);
    }
    return 0;
}
