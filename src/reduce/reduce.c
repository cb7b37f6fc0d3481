/* reduce.c: ufunc.reduce, accumulate and reduceat over any axes.
 *
 * The engine (run_reduce) walks the input together with an output view that
 * has the input's rank and stride 0 along reduced axes, so every step is one
 * call of the ufunc's 2-in-1-out loop with the output as first input:
 *  - when the innermost (smallest-stride) axis is reduced, the call is the
 *    loop's reduction form (output == input 0, both steps 0) over the whole
 *    coalesced axis, so float add sums it pairwise exactly as NumPy does;
 *  - otherwise the call accumulates a whole row, out_row = out_row op
 *    in_row, so reducing an outer axis of a C array streams memory once.
 * Inputs whose dtype differs from the loop's are cast through a buffer of
 * NC_RED_BUFSIZE elements (NumPy's buffer size, so pairwise blocks of cast
 * reductions agree with NumPy's); outputs of another dtype, or overlapping
 * the input, are computed in a temporary of the loop's dtype and cast once.
 * Invariant: the output view never has a non-zero stride on a reduced axis,
 * and the engine never writes outside the output's elements. */
#include <stdatomic.h>
#include <string.h>
#include <math.h>
#include "numc/reduce.h"
#include "numc/iter.h"
#include "numc/alloc.h"
#include "numc/fill.h"
#include "core/fpstatus.h"
#include "core/parallel.h"
#include "core/internal.h"

#define NC_RED_BUFSIZE 8192

static const char *reorderable_names[] = {"add", "multiply", "logical_and", "logical_or",
                                          "logical_xor", "bitwise_and", "bitwise_or",
                                          "bitwise_xor", "maximum", "minimum", "fmax", "fmin",
                                          "gcd", "lcm"};

int nc_ufunc_reorderable(const nc_ufunc *uf)
{
    for (size_t i = 0; i < sizeof reorderable_names / sizeof *reorderable_names; i++)
        if (strcmp(uf->name, reorderable_names[i]) == 0)
            return 1;
    return 0;
}

static nc_status reduce_resolve(const nc_ufunc *uf, nc_dtype_id in, int dtype, int out_dtype,
                                int *loop_index);

/* The common question (no dtype=, no out=) is answered once per ufunc and
 * input dtype: the name comparisons and the resolver cost more than a
 * small reduction.  Entries hold loop + 1; 0 is "not known yet". */
#define RESOLVE_CACHE_UFUNCS 128
static atomic_int resolve_cache[RESOLVE_CACHE_UFUNCS][NC_NTYPES];

nc_status nc_reduce_resolve(const nc_ufunc *uf, nc_dtype_id in, int dtype, int out_dtype,
                            int *loop_index)
{
    const int u = dtype < 0 && out_dtype < 0 && (unsigned)in < NC_NTYPES ? nc__ufunc_index(uf) : -1;
    if (u >= 0 && u < RESOLVE_CACHE_UFUNCS) {
        int v = atomic_load_explicit(&resolve_cache[u][in], memory_order_relaxed);
        if (v > 0) {
            *loop_index = v - 1;
            return NC_OK;
        }
        nc_status st = reduce_resolve(uf, in, dtype, out_dtype, loop_index);
        if (!st)
            atomic_store_explicit(&resolve_cache[u][in], *loop_index + 1, memory_order_relaxed);
        return st;
    }
    return reduce_resolve(uf, in, dtype, out_dtype, loop_index);
}

static nc_status reduce_resolve(const nc_ufunc *uf, nc_dtype_id in, int dtype, int out_dtype,
                                int *loop_index)
{
    if (uf->nin != 2 || uf->nout != 1)
        return nc_error_set(NC_ERR_VALUE, "reduce only supported for binary functions");
    nc_dtype_id want = in;
    if (dtype >= 0) {
        want = (nc_dtype_id)dtype;
    } else if (out_dtype >= 0) {
        want = (nc_dtype_id)out_dtype;
    } else if (!strcmp(uf->name, "add") || !strcmp(uf->name, "multiply")) {
        /* NumPy widens small integers so that sums do not overflow early. */
        char k = nc_dtype_info(in)->kind;
        if (k == 'b' || (k == 'i' && in != NC_INT64))
            want = NC_INT64;
        else if (k == 'u' && in != NC_UINT64)
            want = NC_UINT64;
    }
    int logical = !strncmp(uf->name, "logical_", 8);
    if (dtype < 0 && !logical) {
        /* The ordinary resolver first, for its special rules (no bool
         * subtract, true division of integers in float64). */
        nc_dtype_id ins[2] = {want, want};
        nc_status st = nc_ufunc_resolve(uf, ins, NULL, NULL, NC_CAST_SAFE, loop_index);
        if (st)
            return st;
        const uint8_t *t = uf->loops[*loop_index].types;
        if (t[0] == t[1] && t[1] == t[2])
            return NC_OK;
    }
    /* An explicit dtype= must name a loop exactly, as in NumPy. */
    for (int pass = 0; pass < (dtype >= 0 ? 1 : 2); pass++) {
        for (int l = 0; l < uf->nloops; l++) {
            const uint8_t *t = uf->loops[l].types;
            if (t[0] != t[1] || t[1] != t[2])
                continue;
            if (pass == 0 ? t[0] == want
                          : (logical || nc_can_cast(want, (nc_dtype_id)t[0], NC_CAST_SAFE))) {
                *loop_index = l;
                return NC_OK;
            }
        }
    }
    return nc_error_set(NC_ERR_NOLOOP,
                        "No loop matching the specified signature and casting was found for ufunc %s",
                        uf->name);
}

static nc_status loop_error(const nc_ufunc *uf, int rc)
{
    if (rc == NC_LOOP_ERR_NEGATIVE_POWER)
        return nc_error_set(NC_ERR_VALUE, "Integers to negative integer powers are not allowed.");
    return nc_error_set(NC_ERR_INTERNAL, "ufunc '%s' loop failed with code %d", uf->name, rc);
}

/* out op= src over n elements: the reduction form when the output stride is
 * 0, a row accumulation otherwise. */
static int call_step(const nc_loop *lp, char *out, ptrdiff_t so, const char *src, ptrdiff_t ss,
                     ptrdiff_t n)
{
    char *args[3] = {out, (char *)src, out};
    ptrdiff_t steps[3] = {so, ss, so};
    return lp->fn(args, &n, steps, NULL);
}

#define NC_RED_BLOCK 1024 /* elements of the blocked reduction's accumulator row */

/* Scratch of one reduction: when `blocked`, long reductions into one
 * element run as row accumulations into `acc` (NC_RED_BLOCK elements, in
 * L1), which the loop vectorises, and `acc` is reduced at the end.  Only
 * for reorderable ufuncs whose result does not depend on the order:
 * integer and bool arithmetic, bitwise and logical ops, and min/max. */
typedef struct red_ctx {
    const nc_loop *lp;
    int blocked;
    int contig_direct; /* contiguous runs go straight to the loop, whose
                        * reduction form is vectorised (min/max-like) */
    ptrdiff_t tsz;
    char *acc;
    int par; /* enum par_kind: how long runs may be split over threads */
} red_ctx;

/* Long runs reduced into one element may be split over the thread pool
 * only where that cannot change the result:
 *  - PAR_ASSOC: associative ops (integer add/multiply, bitwise, logical,
 *    min/max-like): each part is reduced from its first element and the
 *    parts are combined left to right;
 *  - PAR_PAIRWISE: float32/float64 add, whose loop sums pairwise: the parts
 *    are the nodes of the pairwise tree at one depth, each summed by the
 *    loop itself, and combined as the tree combines them, so the bits are
 *    those of the serial sum. */
enum par_kind { PAR_NONE, PAR_ASSOC, PAR_PAIRWISE };

#define NC_RED_PAR_MIN 32768 /* elements per part, at least */
#define NC_RED_PAR_MAXPARTS 64
#define NC_RED_CASTBLOCK 4096 /* elements of a part's cast buffer */
#define NC_PAR_RED_2D_MIN 65536 /* elements per part of a 2-d split, about */

/* Blocked reduction of n elements into acc (all B lanes filled from the
 * first block when *started is 0); a tail shorter than a block goes
 * straight into `out`.  flush_acc() then folds acc into out. */
static int blocked_part(const red_ctx *c, char *out, const char *src, ptrdiff_t ss, ptrdiff_t n,
                        int *started)
{
    const ptrdiff_t B = NC_RED_BLOCK;
    ptrdiff_t k = 0;
    int rc = 0;
    if (!*started && n >= B) {
        if (ss == c->tsz)
            memcpy(c->acc, src, (size_t)(B * c->tsz));
        else
            for (ptrdiff_t i = 0; i < B; i++)
                memcpy(c->acc + i * c->tsz, src + i * ss, (size_t)c->tsz);
        *started = 1;
        k = B;
    }
    for (; *started && k + B <= n && !rc; k += B)
        rc = call_step(c->lp, c->acc, c->tsz, src + k * ss, ss, B);
    if (!rc && k < n)
        rc = call_step(c->lp, out, 0, src + k * ss, ss, n - k);
    return rc;
}

static int flush_acc(const red_ctx *c, char *out, int *started)
{
    if (!*started)
        return 0;
    *started = 0;
    return call_step(c->lp, out, 0, c->acc, c->tsz, NC_RED_BLOCK);
}

static int par_reduce(const red_ctx *c, char *out, const char *src, ptrdiff_t ss, ptrdiff_t n);

static int reduce_step(const red_ctx *c, char *out, ptrdiff_t so, const char *src, ptrdiff_t ss,
                       ptrdiff_t n)
{
    if (so == 0 && c->par != PAR_NONE && n >= 2 * NC_RED_PAR_MIN && nc__par_threads() > 1)
        return par_reduce(c, out, src, ss, n);
    if (so != 0 || !c->blocked || n < 4 * NC_RED_BLOCK || (c->contig_direct && ss == c->tsz))
        return call_step(c->lp, out, so, src, ss, n);
    int started = 0;
    int rc = blocked_part(c, out, src, ss, n, &started);
    return rc ? rc : flush_acc(c, out, &started);
}

typedef struct par_red {
    const red_ctx *c;
    const char *src;
    ptrdiff_t ss;
    nc_cast_fn cast;   /* input -> loop dtype, or NULL (PAR_ASSOC only) */
    ptrdiff_t begin[NC_RED_PAR_MAXPARTS + 1]; /* part k is [begin[k], begin[k+1]) */
    _Alignas(16) char val[NC_RED_PAR_MAXPARTS][16];
    atomic_uint flags;
    atomic_int rc;
} par_red;

/* Splits [b, e) as the pairwise sum does (halves rounded down to a multiple
 * of 8), `depth` times; appends the part starts to p->begin. */
static void pairwise_parts(par_red *p, int *np, ptrdiff_t b, ptrdiff_t e, int depth)
{
    if (depth == 0) {
        p->begin[(*np)++] = b;
        return;
    }
    ptrdiff_t half = (e - b) / 2;
    half -= half % 8;
    pairwise_parts(p, np, b, b + half, depth - 1);
    pairwise_parts(p, np, b + half, e, depth - 1);
}

static void par_red_part(void *arg, ptrdiff_t k, ptrdiff_t kend)
{
    par_red *p = arg;
    const red_ctx *c = p->c;
    for (; k < kend; k++) {
        const char *src = p->src + p->begin[k] * p->ss;
        ptrdiff_t n = p->begin[k + 1] - p->begin[k];
        char *v = p->val[k];
        int rc;
        nc__fp_clear();
        if (c->par == PAR_PAIRWISE) {
            /* -0.0 + x == x for every x, so the part's value is exactly its
             * pairwise sum */
            if (c->tsz == 8)
                *(double *)v = -0.0;
            else
                *(float *)v = -0.0f;
            rc = call_step(c->lp, v, 0, src, p->ss, n);
        } else if (p->cast) {
            /* cast blocks into a buffer, one accumulator row across them,
             * as the serial cast path does */
            _Alignas(64) char acc[NC_RED_BLOCK * 16];
            _Alignas(64) char buf[NC_RED_CASTBLOCK * 16];
            red_ctx local = *c;
            local.acc = acc;
            local.par = PAR_NONE;
            p->cast(src, p->ss, v, c->tsz, 1);
            int started = 0;
            rc = 0;
            for (ptrdiff_t done = 1; done < n && !rc; done += NC_RED_CASTBLOCK) {
                ptrdiff_t m = n - done < NC_RED_CASTBLOCK ? n - done : NC_RED_CASTBLOCK;
                p->cast(src + done * p->ss, p->ss, buf, c->tsz, m);
                rc = blocked_part(&local, v, buf, c->tsz, m, &started);
            }
            if (!rc)
                rc = flush_acc(&local, v, &started);
        } else {
            _Alignas(64) char acc[NC_RED_BLOCK * 16];
            red_ctx local = *c;
            local.acc = acc;
            local.par = PAR_NONE;
            memcpy(v, src, (size_t)c->tsz);
            rc = reduce_step(&local, v, 0, src + p->ss, p->ss, n - 1);
        }
        unsigned int fl = nc__fp_save();
        if (fl)
            atomic_fetch_or(&p->flags, fl);
        if (rc)
            atomic_store(&p->rc, rc);
    }
}

/* out op= the n elements at src, split over the thread pool (see
 * enum par_kind); flags raised by the parts end up raised here. */
static int par_reduce_cast(const red_ctx *c, char *out, const char *src, ptrdiff_t ss,
                           ptrdiff_t n, nc_cast_fn cast)
{
    par_red *p = nc_malloc(sizeof *p);
    if (!p)
        return -1; /* the caller falls back to its serial path */
    p->c = c;
    p->src = src;
    p->ss = ss;
    p->cast = cast;
    atomic_init(&p->flags, 0);
    atomic_init(&p->rc, 0);
    /* about four parts per thread, none shorter than NC_RED_PAR_MIN */
    int want = 4 * nc__par_threads(), depth = 0, np = 0;
    while ((2 << depth) <= want && (2 << depth) <= NC_RED_PAR_MAXPARTS &&
           n / (2 << depth) >= NC_RED_PAR_MIN)
        depth++;
    if (c->par == PAR_PAIRWISE) {
        pairwise_parts(p, &np, 0, n, depth);
    } else {
        np = 1 << depth;
        for (int k = 0; k < np; k++)
            p->begin[k] = n / np * k;
    }
    p->begin[np] = n;
    /* the caller's own parts clear its flags: keep those raised before
     * (earlier runs of this reduction) */
    const unsigned int before = nc__fp_save();
    nc__parallel_for(np, 1, par_red_part, p);
    int rc = atomic_load(&p->rc);
    /* Combine level by level, as the pairwise tree does (any grouping is
     * right for the associative ops); then fold the total into out. */
    for (int width = 1; !rc && width < np; width *= 2)
        for (int k = 0; k + width < np && !rc; k += 2 * width)
            rc = call_step(c->lp, p->val[k], 0, p->val[k + width], c->tsz, 1);
    if (!rc)
        rc = call_step(c->lp, out, 0, p->val[0], c->tsz, 1);
    unsigned int fl = atomic_load(&p->flags) | before;
    if (fl)
        nc__fp_raise((int)fl);
    nc_free(p);
    return rc;
}

static int par_reduce(const red_ctx *c, char *out, const char *src, ptrdiff_t ss, ptrdiff_t n)
{
    int rc = par_reduce_cast(c, out, src, ss, n, NULL);
    return rc == -1 ? call_step(c->lp, out, 0, src, ss, n) : rc; /* -1: no memory */
}

/* Calls call_step on the runs of True of a mask (NULL: all of it). */
static int call_masked(const red_ctx *c, char *out, ptrdiff_t so, const char *src, ptrdiff_t ss,
                       ptrdiff_t n, const char *mask, ptrdiff_t sm)
{
    if (!mask)
        return reduce_step(c, out, so, src, ss, n);
    ptrdiff_t i = 0;
    while (i < n) {
        while (i < n && !mask[i * sm])
            i++;
        ptrdiff_t j = i;
        while (j < n && mask[j * sm])
            j++;
        if (j > i) {
            int rc = reduce_step(c, out + i * so, so, src + i * ss, ss, j - i);
            if (rc)
                return rc;
        }
        i = j;
    }
    return 0;
}

/* Two-dimensional reductions (after the iterator coalesced axes) split
 * over threads without changing any element's order of operations:
 * reducing the outer axis splits the columns (each part accumulates all
 * rows into its own slice of the output row), reducing the inner axis
 * splits the rows (each output element is one part's run). */
typedef struct par_2d {
    const red_ctx *c;
    char *in, *out;
    ptrdiff_t n_in, n_out;       /* inner and outer lengths */
    ptrdiff_t si, so, osi, oso;  /* inner and outer byte strides */
    atomic_uint flags;
    atomic_int rc;
} par_2d;

static void par_2d_columns(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    par_2d *p = arg;
    int rc = 0;
    nc__fp_clear();
    for (ptrdiff_t i = 0; i < p->n_out && !rc; i++)
        rc = call_step(p->c->lp, p->out + b * p->so, p->so, p->in + i * p->osi + b * p->si,
                       p->si, e - b);
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&p->flags, fl);
    if (rc)
        atomic_store(&p->rc, rc);
}

static void par_2d_rows(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    par_2d *p = arg;
    _Alignas(64) char acc[NC_RED_BLOCK * 16];
    red_ctx local = *p->c;
    local.acc = acc;
    local.par = PAR_NONE;
    int rc = 0;
    nc__fp_clear();
    for (ptrdiff_t i = b; i < e && !rc; i++)
        rc = reduce_step(&local, p->out + i * p->oso, 0, p->in + i * p->osi, p->si, p->n_in);
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&p->flags, fl);
    if (rc)
        atomic_store(&p->rc, rc);
}

/* Runs the whole two-dimensional iteration in parallel; 0 in *done when it
 * does not apply (then nothing was touched). */
static int par_reduce_2d(const red_ctx *c, const nc_iter *it, int *done)
{
    *done = 0;
    if (it->ndim != 2 || it->size < 2 * NC_PAR_RED_2D_MIN || nc__par_threads() < 2)
        return 0;
    par_2d p = {.c = c, .in = it->ptrs[0], .out = it->ptrs[1], .n_in = it->shape[0],
                .n_out = it->shape[1], .si = it->inner_strides[0], .so = it->inner_strides[1],
                .osi = it->strides[1][0], .oso = it->strides[1][1]};
    atomic_init(&p.flags, 0);
    atomic_init(&p.rc, 0);
    unsigned int before = 0; /* flags raised before, which the parts clear */
    if (p.so != 0 && p.oso == 0) {
        /* columns: one long slice per thread, since every part walks all
         * rows and short row pieces defeat the hardware prefetcher */
        const ptrdiff_t t = nc__par_threads();
        ptrdiff_t chunk = (p.n_in + t - 1) / t;
        chunk += (64 - chunk % 64) % 64;
        /* each part makes one loop call per row: short pieces would
         * multiply the calls instead of splitting the work */
        if (chunk >= p.n_in || chunk < 256 || chunk * p.n_out < NC_PAR_RED_2D_MIN)
            return 0;
        before = nc__fp_save();
        nc__parallel_for(p.n_in, chunk, par_2d_columns, &p);
    } else if (p.so == 0 && p.oso != 0) {
        ptrdiff_t chunk = nc__par_chunk(p.n_out, NC_PAR_RED_2D_MIN / p.n_in + 1, 1);
        if (chunk >= p.n_out)
            return 0;
        before = nc__fp_save();
        nc__parallel_for(p.n_out, chunk, par_2d_rows, &p);
    } else {
        return 0;
    }
    *done = 1;
    unsigned int fl = atomic_load(&p.flags) | before;
    if (fl)
        nc__fp_raise((int)fl);
    return atomic_load(&p.rc);
}

/* The engine: out (loop dtype, strides 0 on reduced axes) op= every element
 * of in over `shape`.  mask may be NULL. */
static nc_status run_reduce(const nc_ufunc *uf, const nc_loop *lp, int ndim, const ptrdiff_t *shape,
                            const char *in, const ptrdiff_t *in_strides, nc_dtype_id in_dtype,
                            char *out, const ptrdiff_t *out_strides, const char *mask,
                            const ptrdiff_t *mask_strides)
{
    for (int d = 0; d < ndim; d++)
        if (shape[d] == 0)
            return NC_OK;
    nc_dtype_id T = (nc_dtype_id)lp->types[0];
    ptrdiff_t tsz = nc_dtype_info(T)->itemsize;
    nc_cast_fn cast = in_dtype != T ? nc_cast_get(in_dtype, T) : NULL;
    char *buf = NULL;
    char kind = nc_dtype_info(T)->kind;
    _Alignas(64) char acc[NC_RED_BLOCK * 16];
    red_ctx c = {lp, 0, 0, tsz, acc, PAR_NONE};
    c.blocked = nc_ufunc_reorderable(uf) &&
                ((kind != 'f' && kind != 'c') || !strcmp(uf->name, "maximum") ||
                 !strcmp(uf->name, "minimum") || !strcmp(uf->name, "fmax") ||
                 !strcmp(uf->name, "fmin"));
    /* Integer and float32/float64 maximum, minimum, fmax, fmin reduce
     * contiguous runs with several vector accumulators themselves. */
    c.contig_direct = c.blocked && (kind == 'i' || kind == 'u' || (kind == 'f' && tsz >= 4)) &&
                      (!strcmp(uf->name, "maximum") || !strcmp(uf->name, "minimum") ||
                       !strcmp(uf->name, "fmax") || !strcmp(uf->name, "fmin"));
    if (c.blocked && kind != 'c')
        c.par = PAR_ASSOC; /* float ones are min/max-like: any grouping agrees */
    else if (!strcmp(uf->name, "add") && kind == 'f' && tsz >= 4)
        c.par = PAR_PAIRWISE;
    /* Order-free reductions cast through a smaller, L1-sized buffer; float
     * sums keep NumPy's 8192 so that their pairwise blocks match. */
    ptrdiff_t bufsize = c.blocked && kind != 'f' && kind != 'c' ? 4096 : NC_RED_BUFSIZE;
    if (cast && !(buf = nc_malloc((size_t)bufsize * (size_t)tsz)))
        return nc_error_set(NC_ERR_NOMEM, "Unable to allocate reduction buffer");
    /* The input goes first: it sets the iteration order (smallest stride
     * innermost), so rows are read in memory order. */
    char *data[3] = {(char *)in, out, (char *)mask};
    int ndims[3] = {ndim, ndim, ndim};
    const ptrdiff_t *shapes[3] = {shape, shape, shape};
    const ptrdiff_t *strides[3] = {in_strides, out_strides, mask_strides};
    nc_iter it;
    ptrdiff_t one = 1, zero = 0;
    nc_status st;
    if (ndim == 0) {
        ndims[0] = ndims[1] = ndims[2] = 1;
        shapes[0] = shapes[1] = shapes[2] = &one;
        strides[0] = strides[1] = strides[2] = &zero;
        st = nc_iter_init_raw(&it, mask ? 3 : 2, data, ndims, shapes, strides, 1, &one);
    } else {
        st = nc_iter_init_raw(&it, mask ? 3 : 2, data, ndims, shapes, strides, ndim, shape);
    }
    if (st) {
        nc_free(buf);
        return st;
    }
    int rc = 0, done = 0;
    if (!cast && !mask) {
        rc = par_reduce_2d(&c, &it, &done);
        if (done) {
            nc_free(buf);
            return rc ? loop_error(uf, rc) : NC_OK;
        }
    }
    do {
        ptrdiff_t n = it.inner_size;
        ptrdiff_t si = it.inner_strides[0], so = it.inner_strides[1];
        ptrdiff_t sm = mask ? it.inner_strides[2] : 0;
        if (!cast) {
            rc = call_masked(&c, it.ptrs[1], so, it.ptrs[0], si, n, mask ? it.ptrs[2] : NULL, sm);
        } else if (so == 0 && !mask && c.par == PAR_ASSOC && n >= 2 * NC_RED_PAR_MIN &&
                   nc__par_threads() > 1 &&
                   (rc = par_reduce_cast(&c, it.ptrs[1], it.ptrs[0], si, n, cast)) != -1) {
            /* split over threads, each part casting through its own buffer */
        } else if (so == 0 && !mask && c.blocked && !c.contig_direct && n >= 4 * NC_RED_BLOCK) {
            /* One accumulator row across all cast blocks of the run. */
            rc = 0;
            int started = 0;
            for (ptrdiff_t done = 0; done < n && !rc; done += bufsize) {
                ptrdiff_t m = n - done < bufsize ? n - done : bufsize;
                cast(it.ptrs[0] + done * si, si, buf, tsz, m);
                rc = blocked_part(&c, it.ptrs[1], buf, tsz, m, &started);
            }
            if (!rc)
                rc = flush_acc(&c, it.ptrs[1], &started);
        } else {
            for (ptrdiff_t done = 0; done < n && !rc; done += bufsize) {
                ptrdiff_t m = n - done < bufsize ? n - done : bufsize;
                cast(it.ptrs[0] + done * si, si, buf, tsz, m);
                rc = call_masked(&c, it.ptrs[1] + done * so, so, buf, tsz, m,
                                 mask ? it.ptrs[2] + done * sm : NULL, sm);
            }
        }
    } while (!rc && nc_iter_next(&it));
    nc_free(buf);
    return rc ? loop_error(uf, rc) : NC_OK;
}

/* Writes the ufunc's identity as one element of dtype T; 0 if it has none. */
static int identity_value(const nc_ufunc *uf, nc_dtype_id T, char *dst)
{
    int64_t v;
    switch (uf->identity) {
    case NC_IDENTITY_ZERO: case NC_IDENTITY_FALSE: v = 0; break;
    case NC_IDENTITY_ONE: case NC_IDENTITY_TRUE: v = 1; break;
    case NC_IDENTITY_MINUS_ONE: v = -1; break;
    case NC_IDENTITY_MINUS_INF: {
        /* logaddexp/logaddexp2: only their float loops exist */
        double minf = -HUGE_VAL;
        nc_cast_get(NC_FLOAT64, T)((const char *)&minf, 8, dst, 16, 1);
        return 1;
    }
    default: return 0;
    }
    if (T == NC_BOOL)
        *(nc_bool *)dst = v != 0;
    else
        nc_cast_get(NC_INT64, T)((const char *)&v, 8, dst, 16, 1);
    return 1;
}

/* Parses axes into a flag per dimension.  naxes < 0: all axes. */
static nc_status parse_axes(int ndim, int naxes, const int *axes, uint8_t *red, int *nred)
{
    memset(red, 0, (size_t)(ndim > 0 ? ndim : 1));
    *nred = 0;
    if (naxes < 0) {
        for (int d = 0; d < ndim; d++)
            red[d] = 1;
        *nred = ndim;
        return NC_OK;
    }
    for (int i = 0; i < naxes; i++) {
        int ax = axes[i];
        if (ax < -ndim || ax >= ndim)
            return nc_error_set(NC_ERR_AXIS, "axis %d is out of bounds for array of dimension %d",
                                ax, ndim);
        if (ax < 0)
            ax += ndim;
        if (red[ax])
            return nc_error_set(NC_ERR_VALUE, "duplicate value in 'axis'");
        red[ax] = 1;
        (*nred)++;
    }
    return NC_OK;
}

/* Strides of `target` (the result, with or without kept axes) seen with the
 * input's rank: 0 along reduced axes. */
static void expand_strides(int ndim, const uint8_t *red, int keepdims, const nc_array *target,
                           ptrdiff_t *strides)
{
    int j = 0;
    for (int d = 0; d < ndim; d++) {
        if (red[d]) {
            strides[d] = 0;
            j += keepdims;
        } else {
            strides[d] = target->strides[j++];
        }
    }
}

/* Checks a given out= against the expected shape. */
static nc_status check_out(const char *name, const nc_array *out, int nd, const ptrdiff_t *shape)
{
    if (out->ndim != nd)
        return nc_error_set(NC_ERR_VALUE,
                            "output parameter for reduction operation %s has the wrong number of dimensions: Found %d but expected %d",
                            name, out->ndim, nd);
    for (int d = 0; d < nd; d++)
        if (out->shape[d] != shape[d])
            return nc_error_set(NC_ERR_VALUE,
                                "output parameter for reduction operation %s has a non-reduction dimension not equal to the output one",
                                name);
    if (!(out->flags & NC_WRITEABLE))
        return nc_error_set(NC_ERR_VALUE, "output array is read-only");
    return NC_OK;
}

/* Sets up *work: `out` itself when it has the loop dtype and does not
 * overlap `in`, else a fresh C-ordered temporary.  Allocates `out` when it
 * is cleared. */
static nc_status prepare_out(const char *name, nc_dtype_id T, const nc_array *in, nc_array *out,
                             int nd, const ptrdiff_t *shape, nc_array *work, int *allocated,
                             int *use_temp)
{
    nc_status st;
    *allocated = *use_temp = 0;
    if (!out->buffer) {
        if ((st = nc_array_init_empty(out, T, nd, shape, NC_ORDER_C, 0)))
            return st;
        *allocated = 1;
    } else if ((st = check_out(name, out, nd, shape))) {
        return st;
    }
    if (out->dtype == T && !(!*allocated && nc_array_may_overlap(in, out))) {
        *work = *out;
        return NC_OK;
    }
    memset(work, 0, sizeof *work);
    if ((st = nc_array_init_empty(work, T, nd, shape, NC_ORDER_C, 0))) {
        if (*allocated)
            nc_array_clear(out);
        return st;
    }
    *use_temp = 1;
    return NC_OK;
}

static nc_status finish_out(nc_status st, nc_array *out, nc_array *work, int allocated,
                            int use_temp)
{
    if (!st && use_temp)
        st = nc_array_assign(out, work, NC_CAST_UNSAFE);
    if (use_temp)
        nc_array_clear(work);
    if (st && allocated)
        nc_array_clear(out);
    return st;
}

/* Broadcast strides of a mask against `ndim`/`shape` (0 on broadcast axes). */
static nc_status mask_strides(const nc_array *where, int ndim, const ptrdiff_t *shape,
                              ptrdiff_t *strides)
{
    if (where->dtype != NC_BOOL)
        return nc_error_set(NC_ERR_TYPE, "where= must be a boolean array");
    int off = ndim - where->ndim;
    if (off < 0)
        return nc_error_set(NC_ERR_SHAPE, "where= has more dimensions than the operand");
    for (int d = 0; d < ndim; d++) {
        int i = d - off;
        if (i < 0 || where->shape[i] == 1)
            strides[d] = 0;
        else if (where->shape[i] == shape[d])
            strides[d] = where->strides[i];
        else
            return nc_error_set(NC_ERR_SHAPE,
                                "operands could not be broadcast together: where= does not match the operand's shape");
    }
    return NC_OK;
}

nc_status nc_ufunc_reduce(const nc_ufunc *uf, int loop_index, const nc_array *in, int naxes,
                          const int *axes, int keepdims, const void *initial,
                          const nc_array *where, nc_array *out, int *fpe)
{
    const nc_loop *lp = &uf->loops[loop_index];
    nc_dtype_id T = (nc_dtype_id)lp->types[0];
    int ndim = in->ndim, nred;
    uint8_t red[NC_MAXDIMS];
    nc_status st;
    *fpe = 0;
    if ((st = parse_axes(ndim, naxes, axes, red, &nred)))
        return st;
    if (nred > 1 && !nc_ufunc_reorderable(uf))
        return nc_error_set(NC_ERR_VALUE,
                            "reduction operation '%s' is not reorderable, so at most one axis may be specified",
                            uf->name);
    char init[16];
    int has_init = 0;
    if (initial) {
        memcpy(init, initial, (size_t)nc_dtype_info(T)->itemsize);
        has_init = 1;
    } else {
        has_init = identity_value(uf, T, init);
    }
    if (where && !has_init)
        return nc_error_set(NC_ERR_VALUE,
                            "reduction operation '%s' does not have an identity, so to use a where mask one has to specify 'initial'",
                            uf->name);
    ptrdiff_t mstr[NC_MAXDIMS];
    if (where && (st = mask_strides(where, ndim, in->shape, mstr)))
        return st;

    /* Result shape, and whether the reduction has no elements. */
    ptrdiff_t rshape[NC_MAXDIMS], count = 1, rsize = 1;
    int rnd = 0;
    for (int d = 0; d < ndim; d++) {
        if (red[d]) {
            count *= in->shape[d];
            if (keepdims)
                rshape[rnd++] = 1;
        } else {
            rsize *= in->shape[d];
            rshape[rnd++] = in->shape[d];
        }
    }
    if (count == 0 && !has_init)
        return nc_error_set(NC_ERR_VALUE,
                            "zero-size array to reduction operation %s which has no identity",
                            uf->name);

    nc_array work;
    int allocated, use_temp;
    if ((st = prepare_out(uf->name, T, in, out, rnd, rshape, &work, &allocated, &use_temp)))
        return st;
    ptrdiff_t ostr[NC_MAXDIMS];
    expand_strides(ndim, red, keepdims, &work, ostr);

    nc__fp_clear();
    const char *src = in->data;
    ptrdiff_t shape[NC_MAXDIMS];
    memcpy(shape, in->shape, (size_t)ndim * sizeof(ptrdiff_t));
    if (has_init) {
        st = nc_array_fill(&work, init, T);
    } else if (rsize > 0) {
        /* No identity: start from the first element along the reduced axes.
         * With one reduced axis the rest starts at index 1; with several
         * (only min/max-like, idempotent ufuncs get here) the first element
         * is simply reduced again. */
        nc_array first;
        ptrdiff_t fshape[NC_MAXDIMS];
        for (int d = 0; d < ndim; d++)
            fshape[d] = red[d] ? 1 : in->shape[d];
        if (!(st = nc_array_init_view(&first, in->buffer, in->data, in->dtype, ndim, fshape,
                                      in->strides, 0))) {
            nc_array wview;
            if (!(st = nc_array_init_view(&wview, work.buffer, work.data, T, ndim, fshape, ostr, 1))) {
                st = nc_array_assign(&wview, &first, NC_CAST_UNSAFE);
                nc_array_clear(&wview);
            }
            nc_array_clear(&first);
        }
        if (nred == 1)
            for (int d = 0; d < ndim; d++)
                if (red[d]) {
                    shape[d] -= 1;
                    src += in->strides[d];
                }
    }
    if (!st && (nred > 0 || has_init))
        st = run_reduce(uf, lp, ndim, shape, src, in->strides, in->dtype, work.data, ostr,
                        where ? where->data : NULL, mstr);
    *fpe = nc__fp_read();
    return finish_out(st, out, &work, allocated, use_temp);
}

nc_status nc_ufunc_accumulate(const nc_ufunc *uf, int loop_index, const nc_array *in, int axis,
                              nc_array *out, int *fpe)
{
    const nc_loop *lp = &uf->loops[loop_index];
    nc_dtype_id T = (nc_dtype_id)lp->types[0];
    int ndim = in->ndim;
    nc_status st;
    *fpe = 0;
    if (ndim == 0)
        return nc_error_set(NC_ERR_TYPE, "cannot accumulate on a scalar");
    if (axis < -ndim || axis >= ndim)
        return nc_error_set(NC_ERR_AXIS, "axis %d is out of bounds for array of dimension %d", axis,
                            ndim);
    if (axis < 0)
        axis += ndim;
    nc_array work;
    int allocated, use_temp;
    if ((st = prepare_out(uf->name, T, in, out, ndim, in->shape, &work, &allocated, &use_temp)))
        return st;
    /* Loop-dtype input: cast whole when needed (accumulate reads every
     * element once, and the running values live in `work`). */
    nc_array src = {0};
    const nc_array *s = in;
    if (in->dtype != T) {
        if ((st = nc_array_init_empty(&src, T, ndim, in->shape, NC_ORDER_C, 0)) ||
            (st = nc_array_assign(&src, in, NC_CAST_UNSAFE)))
            goto done;
        s = &src;
    }
    nc__fp_clear();
    ptrdiff_t n = in->shape[axis];
    if (n == 0 || in->size == 0)
        goto done;
    ptrdiff_t sa = s->strides[axis], so = work.strides[axis];
    /* The other axes, as a (ndim-1)-dimensional iteration. */
    ptrdiff_t oshape[NC_MAXDIMS], ss[NC_MAXDIMS], ws[NC_MAXDIMS];
    int od = 0, lanes = 1;
    for (int d = 0; d < ndim; d++) {
        if (d == axis)
            continue;
        oshape[od] = in->shape[d];
        ss[od] = s->strides[d];
        ws[od++] = work.strides[d];
        if (in->shape[d] > 1 && (ss[od - 1] < 0 ? -ss[od - 1] : ss[od - 1]) < (sa < 0 ? -sa : sa))
            lanes = 0;
    }
    if (od == 0) {
        oshape[0] = 1;
        ss[0] = ws[0] = 0;
        od = 1;
    }
    nc_array sfirst, wfirst;
    ptrdiff_t fshape[NC_MAXDIMS];
    memcpy(fshape, in->shape, (size_t)ndim * sizeof(ptrdiff_t));
    fshape[axis] = 1;
    if ((st = nc_array_init_view(&sfirst, s->buffer, s->data, T, ndim, fshape, s->strides, 0)))
        goto done;
    if ((st = nc_array_init_view(&wfirst, work.buffer, work.data, T, ndim, fshape, work.strides, 1))) {
        nc_array_clear(&sfirst);
        goto done;
    }
    st = nc_array_assign(&wfirst, &sfirst, NC_CAST_NO);
    nc_array_clear(&sfirst);
    nc_array_clear(&wfirst);
    if (st || n == 1)
        goto done;
    int rc = 0;
    if (lanes) {
        /* Axis is the fastest: one call per lane, out[i] = out[i-1] op in[i]. */
        char *data[2] = {s->data, work.data};
        int nds[2] = {od, od};
        const ptrdiff_t *shp[2] = {oshape, oshape};
        const ptrdiff_t *str[2] = {ss, ws};
        nc_iter it;
        if ((st = nc_iter_init_raw(&it, 2, data, nds, shp, str, od, oshape)))
            goto done;
        do {
            for (ptrdiff_t k = 0; k < it.inner_size && !rc; k++) {
                char *pi = it.ptrs[0] + k * it.inner_strides[0];
                char *po = it.ptrs[1] + k * it.inner_strides[1];
                char *args[3] = {po, pi + sa, po + so};
                ptrdiff_t steps[3] = {so, sa, so}, m = n - 1;
                rc = lp->fn(args, &m, steps, NULL);
            }
        } while (!rc && nc_iter_next(&it));
    } else {
        /* Axis is outer: whole slices, out[i] = out[i-1] op in[i]. */
        for (ptrdiff_t i = 1; i < n && !rc; i++) {
            char *data[3] = {work.data + (i - 1) * so, s->data + i * sa, work.data + i * so};
            int nds[3] = {od, od, od};
            const ptrdiff_t *shp[3] = {oshape, oshape, oshape};
            const ptrdiff_t *str[3] = {ws, ss, ws};
            nc_iter it;
            if ((st = nc_iter_init_raw(&it, 3, data, nds, shp, str, od, oshape)))
                goto done;
            do
                rc = lp->fn(it.ptrs, &it.inner_size, it.inner_strides, NULL);
            while (!rc && nc_iter_next(&it));
        }
    }
    if (rc)
        st = loop_error(uf, rc);
done:
    *fpe = nc__fp_read();
    nc_array_clear(&src);
    return finish_out(st, out, &work, allocated, use_temp);
}

nc_status nc_ufunc_reduceat(const nc_ufunc *uf, int loop_index, const nc_array *in,
                            const int64_t *idx, ptrdiff_t nidx, int axis, nc_array *out, int *fpe)
{
    const nc_loop *lp = &uf->loops[loop_index];
    nc_dtype_id T = (nc_dtype_id)lp->types[0];
    int ndim = in->ndim;
    nc_status st;
    *fpe = 0;
    if (ndim == 0)
        return nc_error_set(NC_ERR_TYPE, "cannot reduceat a 0-d array");
    if (axis < -ndim || axis >= ndim)
        return nc_error_set(NC_ERR_AXIS, "axis %d is out of bounds for array of dimension %d", axis,
                            ndim);
    if (axis < 0)
        axis += ndim;
    ptrdiff_t len = in->shape[axis];
    for (ptrdiff_t i = 0; i < nidx; i++)
        if (idx[i] < 0 || idx[i] >= len)
            return nc_error_set(NC_ERR_INDEX, "index %lld out-of-bounds in %s.reduceat [0, %td)",
                                (long long)idx[i], uf->name, len);
    ptrdiff_t rshape[NC_MAXDIMS];
    memcpy(rshape, in->shape, (size_t)ndim * sizeof(ptrdiff_t));
    rshape[axis] = nidx;
    nc_array work;
    int allocated, use_temp;
    if ((st = prepare_out(uf->name, T, in, out, ndim, rshape, &work, &allocated, &use_temp)))
        return st;
    nc__fp_clear();
    ptrdiff_t shape[NC_MAXDIMS], ostr[NC_MAXDIMS];
    memcpy(shape, in->shape, (size_t)ndim * sizeof(ptrdiff_t));
    memcpy(ostr, work.strides, (size_t)ndim * sizeof(ptrdiff_t));
    ostr[axis] = 0;
    for (ptrdiff_t i = 0; i < nidx && !st; i++) {
        ptrdiff_t a = idx[i], b = i + 1 < nidx ? idx[i + 1] : len;
        if (b <= a)
            b = a + 1;
        /* out[i] = in[a], then op= in[a+1:b]. */
        nc_array first, wv;
        shape[axis] = 1;
        char *src = in->data + a * in->strides[axis];
        char *dst = work.data + i * work.strides[axis];
        if ((st = nc_array_init_view(&first, in->buffer, src, in->dtype, ndim, shape, in->strides, 0)))
            break;
        if (!(st = nc_array_init_view(&wv, work.buffer, dst, T, ndim, shape, work.strides, 1))) {
            st = nc_array_assign(&wv, &first, NC_CAST_UNSAFE);
            nc_array_clear(&wv);
        }
        nc_array_clear(&first);
        if (st || b - a == 1)
            continue;
        shape[axis] = b - a - 1;
        st = run_reduce(uf, lp, ndim, shape, src + in->strides[axis], in->strides, in->dtype, dst,
                        ostr, NULL, NULL);
    }
    *fpe = nc__fp_read();
    return finish_out(st, out, &work, allocated, use_temp);
}
