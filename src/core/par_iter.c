/* par_iter.c: running a per-run kernel over a one- or two-dimensional
 * nc_iter on the thread pool (see parallel.h).
 *
 * One dimension: the run is cut into ranges.  Two: whole rows are handed
 * out.  The kernel only ever sees runs the serial walk would also give it
 * (or pieces of one), so any kernel whose runs are independent, i.e. that
 * writes no element another run reads or writes, gives the same result. */
#include "numc/iter.h"
#include "core/parallel.h"

typedef struct par_iter_ctx {
    const nc_iter *it;
    nc_par_run_fn fn;
    void *ctx;
} par_iter_ctx;

static void run_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    const par_iter_ctx *c = arg;
    const nc_iter *it = c->it;
    char *ptrs[NC_ITER_MAXOPS];
    if (it->ndim == 1) {
        for (int k = 0; k < it->nop; k++)
            ptrs[k] = it->ptrs[k] + b * it->inner_strides[k];
        c->fn(c->ctx, ptrs, it->inner_strides, e - b);
        return;
    }
    for (ptrdiff_t i = b; i < e; i++) {
        for (int k = 0; k < it->nop; k++)
            ptrs[k] = it->ptrs[k] + i * it->strides[1][k];
        c->fn(c->ctx, ptrs, it->inner_strides, it->shape[0]);
    }
}

int nc__par_iter(const nc_iter *it, ptrdiff_t min_chunk, nc_par_run_fn fn, void *ctx)
{
    if (it->ndim > 2 || it->size < 2 * min_chunk)
        return 0;
    ptrdiff_t n, chunk;
    if (it->ndim == 1) {
        n = it->shape[0];
        chunk = nc__par_chunk(n, min_chunk, 64);
    } else {
        n = it->shape[1];
        chunk = nc__par_chunk(n, min_chunk / (it->shape[0] > 0 ? it->shape[0] : 1) + 1, 1);
    }
    if (chunk >= n)
        return 0;
    par_iter_ctx c = {it, fn, ctx};
    nc__parallel_for(n, chunk, run_part, &c);
    return 1;
}
