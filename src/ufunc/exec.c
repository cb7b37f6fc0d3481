/* exec.c: running a resolved ufunc loop over broadcast operands.
 *
 * Steps: broadcast the inputs (and given outputs), check the casting rule for
 * every operand, allocate missing outputs laid out like the inputs, protect
 * inputs that overlap an output, then either call the loop once over
 * contiguous memory (the fast path) or walk the operands with nc_iter,
 * casting operands whose dtype differs from the loop's through small
 * buffers.  Floating-point flags are cleared before and read after. */
#include <fenv.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "numc/ufunc.h"
#include "numc/iter.h"
#include "numc/alloc.h"
#include "core/fpstatus.h"
#include "core/internal.h"
#include "core/parallel.h"

#define NC_BUFSIZE 4096 /* elements per cast buffer: a few pages per operand */
#define NC_PAR_MIN_COSTLY 4096  /* elements per thread chunk, at least (see costly_names) */
#define NC_PAR_MIN_CHEAP 65536

static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

static int format_shape(char *buf, size_t cap, const nc_array *a)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "(");
    for (int i = 0; i < a->ndim; i++)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, i ? ",%td" : "%td", a->shape[i]);
    n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, a->ndim == 1 ? ",)" : ")");
    return (int)n;
}

static nc_status broadcast_error(int nin, nc_array *const *ops)
{
    char msg[400];
    size_t n = (size_t)snprintf(msg, sizeof msg, "operands could not be broadcast together with shapes ");
    for (int i = 0; i < nin && n < sizeof msg; i++) {
        n += (size_t)format_shape(msg + n, sizeof msg - n, ops[i]);
        if (n < sizeof msg)
            n += (size_t)snprintf(msg + n, sizeof msg - n, " ");
    }
    return nc_error_set(NC_ERR_SHAPE, "%s", msg);
}


/* 1 if `a` is contiguous in `order` ('C' or 'F') with the full shape, or is a
 * single element (then it is read with step 0). */
static int fast_operand(const nc_array *a, int nd, const ptrdiff_t *shape, int fflag,
                        ptrdiff_t *step)
{
    if (a->size == 1) {
        *step = 0;
        return 1;
    }
    if (a->ndim != nd || !(a->flags & fflag))
        return 0;
    for (int i = 0; i < nd; i++)
        if (a->shape[i] != shape[i])
            return 0;
    *step = nc_dtype_info(a->dtype)->itemsize;
    return 1;
}

static nc_status loop_failed(const nc_ufunc *uf, int rc)
{
    if (rc == NC_LOOP_ERR_NEGATIVE_POWER)
        return nc_error_set(NC_ERR_VALUE, "Integers to negative integer powers are not allowed.");
    return nc_error_set(NC_ERR_INTERNAL, "ufunc '%s' loop failed with code %d", uf->name, rc);
}

/* Calls the loop on the runs of True of `mask` (byte step sm) within n
 * elements: masked execution leaves the other output elements untouched. */
static int call_masked(const nc_loop *lp, int nargs, char *const *ptrs, ptrdiff_t n,
                       const ptrdiff_t *steps, const char *mask, ptrdiff_t sm)
{
    ptrdiff_t i = 0;
    while (i < n) {
        while (i < n && !mask[i * sm])
            i++;
        ptrdiff_t j = i;
        while (j < n && mask[j * sm])
            j++;
        if (j > i) {
            char *args[NC_UFUNC_MAXARGS];
            ptrdiff_t len = j - i;
            for (int k = 0; k < nargs; k++)
                args[k] = ptrs[k] + i * steps[k];
            int rc = lp->fn(args, &len, steps, NULL);
            if (rc)
                return rc;
        }
        i = j;
    }
    return 0;
}

/* Which flags NumPy reports "in cast" rather than under the ufunc's name:
 * those of casting an input of at most its buffer size (8192 elements),
 * which it casts whole before the loop; flags of larger inputs, cast in
 * buffers, and of outputs count as the loop's.  numc follows that. */
#define NC_NUMPY_BUFSIZE 8192

/* A cast whose flags are kept apart from the loop's when cast_fl is given;
 * the flags raised before it stay raised. */
static inline void cast_apart(nc_cast_fn cast, const char *src, ptrdiff_t ss, char *dst,
                              ptrdiff_t ds, ptrdiff_t n, unsigned int *cast_fl)
{
    if (!cast_fl) {
        cast(src, ss, dst, ds, n);
        return;
    }
    const unsigned int before = nc__fp_save();
    nc__fp_clear();
    cast(src, ss, dst, ds, n);
    *cast_fl |= nc__fp_save();
    nc__fp_clear();
    nc__fp_raise((int)before);
}

/* Walks the iterator, casting operands whose dtype differs from the loop's
 * through per-operand buffers of NC_BUFSIZE elements.  Flags raised by the
 * casts go to *cast_fl (raw bits) when it is given. */
static nc_status run_buffered(const nc_ufunc *uf, const nc_loop *lp, nc_iter *it,
                              nc_array *const *ops, int masked, unsigned int *cast_fl)
{
    int nargs = uf->nin + uf->nout;
    nc_cast_fn cast[NC_UFUNC_MAXARGS] = {0};
    char *buf[NC_UFUNC_MAXARGS] = {0};
    char *block = NULL;
    size_t total = 0;
    for (int k = 0; k < nargs; k++) {
        nc_dtype_id want = (nc_dtype_id)lp->types[k];
        if (ops[k]->dtype != want) {
            cast[k] = k < uf->nin ? nc_cast_get(ops[k]->dtype, want) : nc_cast_get(want, ops[k]->dtype);
            total += (size_t)NC_BUFSIZE * 16;
        }
    }
    if (total) {
        block = nc_malloc(total);
        if (!block)
            return nc_error_set(NC_ERR_NOMEM, "Unable to allocate ufunc buffers");
        size_t off = 0;
        for (int k = 0; k < nargs; k++)
            if (cast[k]) {
                buf[k] = block + off;
                off += (size_t)NC_BUFSIZE * 16;
            }
    }
    nc_status st = NC_OK;
    do {
        ptrdiff_t inner = it->inner_size;
        for (ptrdiff_t done = 0; done < inner; done += NC_BUFSIZE) {
            ptrdiff_t n = inner - done < NC_BUFSIZE ? inner - done : NC_BUFSIZE;
            char *args[NC_UFUNC_MAXARGS];
            ptrdiff_t steps[NC_UFUNC_MAXARGS];
            for (int k = 0; k < nargs; k++) {
                char *p = it->ptrs[k] + done * it->inner_strides[k];
                if (cast[k]) {
                    ptrdiff_t isz = nc_dtype_info((nc_dtype_id)lp->types[k])->itemsize;
                    if (k < uf->nin)
                        cast_apart(cast[k], p, it->inner_strides[k], buf[k], isz, n,
                                   ops[k]->size <= NC_NUMPY_BUFSIZE ? cast_fl : NULL);
                    args[k] = buf[k];
                    steps[k] = isz;
                } else {
                    args[k] = p;
                    steps[k] = it->inner_strides[k];
                }
            }
            const char *mask = masked ? it->ptrs[nargs] + done * it->inner_strides[nargs] : NULL;
            ptrdiff_t sm = masked ? it->inner_strides[nargs] : 0;
            int rc = mask ? call_masked(lp, nargs, args, n, steps, mask, sm)
                          : lp->fn(args, &n, steps, NULL);
            if (rc) {
                st = loop_failed(uf, rc);
                goto done;
            }
            for (int k = uf->nin; k < nargs; k++) {
                if (!cast[k])
                    continue;
                ptrdiff_t isz = nc_dtype_info((nc_dtype_id)lp->types[k])->itemsize;
                char *dst = it->ptrs[k] + done * it->inner_strides[k];
                ptrdiff_t sd = it->inner_strides[k];
                /* Masked: write back only the computed runs. */
                for (ptrdiff_t i = 0; i < n;) {
                    ptrdiff_t j = i;
                    if (mask) {
                        while (i < n && !mask[i * sm])
                            i++;
                        j = i;
                        while (j < n && mask[j * sm])
                            j++;
                    } else {
                        j = n;
                    }
                    if (j > i)
                        cast[k](buf[k] + i * isz, isz, dst + i * sd, sd, j - i);
                    i = j;
                }
            }
        }
    } while (nc_iter_next(it));
done:
    nc_free(block);
    return st;
}

/* A long one-dimensional buffered (casting) run split over the thread
 * pool: each part runs run_buffered on its own range with its own buffers.
 * A part's error message lives in its thread's error slot, so the first
 * failing part copies it here for the caller to set again. */
typedef struct par_buffered {
    const nc_ufunc *uf;
    const nc_loop *lp;
    const nc_iter *it;
    nc_array *const *ops;
    int cast_apart;    /* keep the casts' flags apart */
    atomic_uint flags, cast_flags;
    atomic_int failed; /* nc_status of the first failing part, or 0 */
    char msg[256];
} par_buffered;

static void par_buffered_chunk(void *p, ptrdiff_t b, ptrdiff_t e)
{
    par_buffered *c = p;
    nc_iter part = *c->it;
    for (int k = 0; k < part.nop; k++)
        part.ptrs[k] += b * part.inner_strides[k];
    part.inner_size = part.shape[0] = part.size = e - b;
    nc__fp_clear();
    unsigned int cfl = 0;
    nc_status st = run_buffered(c->uf, c->lp, &part, c->ops, 0, c->cast_apart ? &cfl : NULL);
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&c->flags, fl);
    if (cfl)
        atomic_fetch_or(&c->cast_flags, cfl);
    int expected = 0;
    if (st && atomic_compare_exchange_strong(&c->failed, &expected, (int)st))
        snprintf(c->msg, sizeof c->msg, "%s", nc_error_message());
}

static ptrdiff_t min_chunk_for(const nc_ufunc *uf);

/* run_buffered, split when the iteration is one long unmasked run. */
static nc_status run_buffered_par(const nc_ufunc *uf, const nc_loop *lp, nc_iter *it,
                                  nc_array *const *ops, int masked, unsigned int *cast_fl)
{
    ptrdiff_t chunk = it->size;
    if (!masked && it->ndim == 1 && it->size >= 2 * NC_PAR_MIN_COSTLY)
        chunk = nc__par_chunk(it->size, min_chunk_for(uf), NC_BUFSIZE);
    if (chunk >= it->size)
        return run_buffered(uf, lp, it, ops, masked, cast_fl);
    par_buffered c = {.uf = uf, .lp = lp, .it = it, .ops = ops, .cast_apart = cast_fl != NULL};
    atomic_init(&c.flags, 0);
    atomic_init(&c.cast_flags, 0);
    atomic_init(&c.failed, 0);
    const unsigned int before = nc__fp_save();
    nc__parallel_for(it->size, chunk, par_buffered_chunk, &c);
    unsigned int fl = atomic_load(&c.flags) | before;
    if (fl)
        nc__fp_raise((int)fl);
    if (cast_fl)
        *cast_fl |= atomic_load(&c.cast_flags);
    int failed = atomic_load(&c.failed);
    return failed ? nc_error_set((nc_status)failed, "%s", c.msg) : NC_OK;
}

/* Ufuncs whose loops cost tens of cycles per element or more: worth
 * splitting over threads from a few thousand elements on.  The others
 * (arithmetic, comparisons, bit operations) move a few bytes per cycle and
 * only pay for a thread hand-off on long runs. */
static const char *const costly_names[] = {
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
    "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
    "arctan2", "hypot", "power", "float_power", "cbrt", "logaddexp", "logaddexp2", "fmod",
    "remainder", "divmod", "floor_divide", "nextafter", "spacing", "frexp", "ldexp", "modf",
    "gcd", "lcm", "sqrt", "divide"};


static ptrdiff_t classify(const nc_ufunc *uf)
{
    for (size_t i = 0; i < sizeof costly_names / sizeof *costly_names; i++)
        if (!strcmp(uf->name, costly_names[i]))
            return NC_PAR_MIN_COSTLY;
    return NC_PAR_MIN_CHEAP;
}

/* The answer per registered ufunc is remembered (0: not yet known), since
 * the name comparisons would cost more than a short loop. */
#define NC_PAR_CACHE 256
static atomic_int min_chunk_cache[NC_PAR_CACHE];

static ptrdiff_t min_chunk_for(const nc_ufunc *uf)
{
    const int i = nc__ufunc_index(uf);
    if (i < 0 || i >= NC_PAR_CACHE)
        return classify(uf);
    int v = atomic_load_explicit(&min_chunk_cache[i], memory_order_relaxed);
    if (!v) {
        v = (int)classify(uf);
        atomic_store_explicit(&min_chunk_cache[i], v, memory_order_relaxed);
    }
    return v;
}

typedef struct par_loop {
    const nc_loop *lp;
    int nargs;
    char *const *args;
    const ptrdiff_t *steps;
    atomic_uint flags; /* raw flags raised by any chunk */
    atomic_int rc;     /* a failing chunk's code, or 0 */
} par_loop;

/* One chunk on whatever thread claims it.  Flags raised on a worker stay
 * in that worker's status register, so every chunk reports its own and the
 * caller raises their union. */
static void par_loop_chunk(void *p, ptrdiff_t b, ptrdiff_t e)
{
    par_loop *c = p;
    char *a[NC_UFUNC_MAXARGS];
    for (int k = 0; k < c->nargs; k++)
        a[k] = c->args[k] + b * c->steps[k];
    ptrdiff_t n = e - b;
    nc__fp_clear();
    int rc = c->lp->fn(a, &n, c->steps, NULL);
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&c->flags, fl);
    if (rc)
        atomic_store(&c->rc, rc);
}

/* lp over n elements of one-dimensional operands (args, steps), split over
 * the thread pool when long enough.  The flags end up raised on this
 * thread as if the loop had run here. */
static int run_loop(const nc_ufunc *uf, const nc_loop *lp, int nargs, char *const *args,
                    ptrdiff_t n, const ptrdiff_t *steps)
{
    const ptrdiff_t chunk = n >= 2 * NC_PAR_MIN_COSTLY ? nc__par_chunk(n, min_chunk_for(uf), 64) : n;
    if (chunk >= n)
        return lp->fn(args, &n, steps, NULL);
    par_loop c = {.lp = lp, .nargs = nargs, .args = args, .steps = steps};
    atomic_init(&c.flags, 0);
    atomic_init(&c.rc, 0);
    /* the caller's own chunks clear its flags: keep those raised before */
    const unsigned int before = nc__fp_save();
    nc__parallel_for(n, chunk, par_loop_chunk, &c);
    unsigned int fl = atomic_load(&c.flags) | before;
    if (fl)
        nc__fp_raise((int)fl);
    return atomic_load(&c.rc);
}

/* A two-dimensional iteration (after coalescing) split by rows over the
 * thread pool.  Outputs whose rows could overlap (a zero or short outer
 * step) stay serial, since the order of their writes is then visible. */
typedef struct par_rows_ctx {
    const nc_loop *lp;
    int nargs;
    ptrdiff_t inner;
    char *base[NC_UFUNC_MAXARGS];
    ptrdiff_t steps[NC_UFUNC_MAXARGS], outer[NC_UFUNC_MAXARGS];
    atomic_uint flags;
    atomic_int rc;
} par_rows_ctx;

static void par_rows_chunk(void *p, ptrdiff_t b, ptrdiff_t e)
{
    par_rows_ctx *c = p;
    char *a[NC_UFUNC_MAXARGS];
    int rc = 0;
    nc__fp_clear();
    for (ptrdiff_t i = b; i < e && !rc; i++) {
        for (int k = 0; k < c->nargs; k++)
            a[k] = c->base[k] + i * c->outer[k];
        rc = c->lp->fn(a, &c->inner, c->steps, NULL);
    }
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&c->flags, fl);
    if (rc)
        atomic_store(&c->rc, rc);
}

/* 1 when it ran the whole iteration (*st set on a loop failure). */
static int par_rows(const nc_ufunc *uf, const nc_loop *lp, int nargs, int nin, const nc_iter *it,
                    nc_status *st)
{
    *st = NC_OK;
    if (it->ndim != 2 || it->size < 2 * NC_PAR_MIN_COSTLY)
        return 0;
    const ptrdiff_t rows = it->shape[1], inner = it->shape[0];
    const ptrdiff_t chunk = nc__par_chunk(rows, min_chunk_for(uf) / inner + 1, 1);
    if (chunk >= rows)
        return 0;
    par_rows_ctx c = {.lp = lp, .nargs = nargs, .inner = inner};
    for (int k = 0; k < nargs; k++) {
        c.base[k] = it->ptrs[k];
        c.steps[k] = it->inner_strides[k];
        c.outer[k] = it->strides[1][k];
        if (k >= nin) {
            ptrdiff_t os = c.outer[k] < 0 ? -c.outer[k] : c.outer[k];
            ptrdiff_t is = c.steps[k] < 0 ? -c.steps[k] : c.steps[k];
            if (os < is * inner || (is == 0 && inner > 1))
                return 0;
        }
    }
    atomic_init(&c.flags, 0);
    atomic_init(&c.rc, 0);
    const unsigned int before = nc__fp_save();
    nc__parallel_for(rows, chunk, par_rows_chunk, &c);
    unsigned int fl = atomic_load(&c.flags) | before;
    if (fl)
        nc__fp_raise((int)fl);
    if (atomic_load(&c.rc))
        *st = loop_failed(uf, atomic_load(&c.rc));
    return 1;
}

/* The common case, handled without the general machinery: outputs to be
 * allocated, inputs of the loop's dtypes, C-contiguous and of one shape
 * (single elements of that rank are read with step 0).  Sets *done when it
 * ran the loop. */
static nc_status exec_simple(const nc_ufunc *uf, const nc_loop *lp, nc_array *const *ops,
                             int *fpe, int *done)
{
    int nin = uf->nin, nargs = uf->nin + uf->nout;
    const nc_array *ref = NULL;
    int given = 0;
    for (int k = nin; k < nargs; k++)
        given += ops[k]->buffer != NULL;
    if (given && given != nargs - nin)
        return NC_OK;
    for (int i = 0; i < nin; i++) {
        const nc_array *a = ops[i];
        if (a->dtype != (nc_dtype_id)lp->types[i] || !(a->flags & NC_C_CONTIGUOUS) ||
            a->ndim != ops[0]->ndim)
            return NC_OK;
        if (a->size != 1) {
            if (!ref)
                ref = a;
            else if (memcmp(a->shape, ref->shape, (size_t)a->ndim * sizeof(ptrdiff_t)))
                return NC_OK;
        }
    }
    if (!ref)
        ref = ops[0];
    /* Given outputs: exactly the result's shape and dtype, C-contiguous,
     * writeable, and sharing no memory with an input unless they are it. */
    for (int k = nin; given && k < nargs; k++) {
        const nc_array *o = ops[k];
        if (o->dtype != (nc_dtype_id)lp->types[k] || !(o->flags & NC_C_CONTIGUOUS) ||
            !(o->flags & NC_WRITEABLE) || o->ndim != ref->ndim || o->size != ref->size ||
            memcmp(o->shape, ref->shape, (size_t)o->ndim * sizeof(ptrdiff_t)))
            return NC_OK;
        for (int i = 0; i < nin; i++)
            if (!(ops[i]->data == o->data && ops[i]->size == o->size) &&
                nc_array_may_overlap(ops[i], o))
                return NC_OK;
    }
    char *args[NC_UFUNC_MAXARGS];
    ptrdiff_t steps[NC_UFUNC_MAXARGS];
    ptrdiff_t n = ref->size;
    for (int k = 0; k < nargs; k++) {
        nc_dtype_id dt = (nc_dtype_id)lp->types[k];
        if (k >= nin && !given) {
            nc_status st = nc_array_init_empty(ops[k], dt, ref->ndim, ref->shape, NC_ORDER_C, 0);
            if (st) {
                for (int j = nin; j < k; j++)
                    nc_array_clear(ops[j]);
                return st;
            }
        }
        args[k] = ops[k]->data;
        steps[k] = (ops[k]->size == 1 && n != 1) ? 0 : nc_dtype_info(dt)->itemsize;
    }
    nc__fp_clear();
    int rc = n ? run_loop(uf, lp, nargs, args, n, steps) : 0;
    *fpe = nc__fp_read();
    if (rc) {
        for (int k = nin; k < nargs && !given; k++)
            nc_array_clear(ops[k]);
        return loop_failed(uf, rc);
    }
    *done = 1;
    return NC_OK;
}

nc_status nc_ufunc_exec(const nc_ufunc *uf, int loop_index, nc_array *const *ops,
                        nc_casting casting, nc_order order, int *fpe)
{
    return nc_ufunc_exec_where(uf, loop_index, ops, NULL, casting, order, fpe);
}

/* The float16 loops of these ufuncs compute in float32 and round the
 * result to float16 once, and float32 holds more than twice float16's
 * precision, so rounding twice (to float32, then float16) changes nothing:
 * the float32 loop over operands cast through buffers (hardware half
 * conversions) gives the same bits, several times faster. */
static const char *const half_as_single_names[] = {
    "add", "subtract", "multiply", "divide", "sqrt", "square", "equal", "not_equal", "less",
    "less_equal", "greater", "greater_equal", "exp", "log", "sin", "cos", "tanh"};
/* (maximum/minimum are not here: the float16 loop keeps the first operand
 * when the two compare equal, -0.0 vs 0.0, and the vectorised float32 one
 * need not.) */

static const nc_loop *half_as_single(const nc_ufunc *uf, const nc_loop *lp)
{
    const int nargs = uf->nin + uf->nout;
    int halves = 0;
    for (int k = 0; k < nargs; k++)
        halves += lp->types[k] == NC_FLOAT16;
    if (halves < uf->nin || lp->types[0] != NC_FLOAT16)
        return NULL;
    size_t i = 0, nnames = sizeof half_as_single_names / sizeof *half_as_single_names;
    while (i < nnames && strcmp(uf->name, half_as_single_names[i]))
        i++;
    if (i == nnames)
        return NULL;
    for (int l = 0; l < uf->nloops; l++) {
        const nc_loop *c = &uf->loops[l];
        int ok = 1;
        for (int k = 0; k < nargs && ok; k++)
            ok = lp->types[k] == NC_FLOAT16 ? c->types[k] == NC_FLOAT32 : c->types[k] == lp->types[k];
        if (ok)
            return c;
    }
    return NULL;
}

nc_status nc_ufunc_exec_where(const nc_ufunc *uf, int loop_index, nc_array *const *ops,
                              const nc_array *where, nc_casting casting, nc_order order, int *fpe)
{
    const nc_loop *lp = &uf->loops[loop_index];
    const nc_loop *single = half_as_single(uf, lp);
    int nin = uf->nin, nout = uf->nout, nargs = nin + nout;
    nc_status st;
    unsigned int cast_fl = 0; /* raw flags of buffered casts of small inputs */
    int cast_fpe = 0;         /* NC_FPE_* flags of whole small-input casts */
    int big_cast_fpe = 0;     /* ... of whole large-input casts: the loop's */
    *fpe = 0;
    if (where && where->dtype != NC_BOOL)
        return nc_error_set(NC_ERR_TYPE, "where= must be a boolean array");
    if (!single && !where && (order == NC_ORDER_K || order == NC_ORDER_C || order == NC_ORDER_A)) {
        int done = 0;
        if ((st = exec_simple(uf, lp, ops, fpe, &done)) || done)
            return st;
    }

    /* Broadcast shape over inputs and given outputs. */
    int ndims[NC_UFUNC_MAXARGS], nops = 0, nd;
    const ptrdiff_t *shapes[NC_UFUNC_MAXARGS];
    ptrdiff_t shape[NC_MAXDIMS];
    for (int k = 0; k < nargs; k++) {
        if (k >= nin && !ops[k]->buffer)
            continue;
        ndims[nops] = ops[k]->ndim;
        shapes[nops++] = ops[k]->shape;
    }
    if (nc_broadcast_shapes(nin, ndims, shapes, &nd, shape) != NC_OK)
        return broadcast_error(nin, ops);
    if (nops > nin && nc_broadcast_shapes(nops, ndims, shapes, &nd, shape) != NC_OK)
        nd = -1;
    for (int k = nin; k < nargs; k++) {
        nc_array *o = ops[k];
        if (!o->buffer)
            continue;
        int match = nd >= 0 && o->ndim == nd;
        for (int i = 0; match && i < nd; i++)
            match = o->shape[i] == shape[i];
        if (!match) {
            char s1[200], s2[200];
            nc_array bshape = {0};
            /* Report the inputs' broadcast shape as NumPy does. */
            nc_broadcast_shapes(nin, ndims, shapes, &bshape.ndim, shape);
            bshape.shape = shape;
            format_shape(s1, sizeof s1, o);
            format_shape(s2, sizeof s2, &bshape);
            return nc_error_set(NC_ERR_SHAPE,
                                "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                                s1, s2);
        }
        if (!(o->flags & NC_WRITEABLE))
            return nc_error_set(NC_ERR_VALUE, "output array is read-only");
        nc_dtype_id have = (nc_dtype_id)lp->types[k];
        if (have != o->dtype && !nc_can_cast(have, o->dtype, casting))
            return nc_error_set(NC_ERR_CAST,
                                "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule '%s'",
                                uf->name, nc_dtype_info(have)->name, nc_dtype_info(o->dtype)->name,
                                casting_names[casting]);
    }
    for (int i = 0; i < nin; i++) {
        nc_dtype_id want = (nc_dtype_id)lp->types[i];
        if (want != ops[i]->dtype && !nc_can_cast(ops[i]->dtype, want, casting))
            return nc_error_set(NC_ERR_CAST,
                                "Cannot cast ufunc '%s' input %d from dtype('%s') to dtype('%s') with casting rule '%s'",
                                uf->name, i, nc_dtype_info(ops[i]->dtype)->name,
                                nc_dtype_info(want)->name, casting_names[casting]);
    }

    /* Allocate missing outputs like the first full-shape input (order K). */
    const nc_array *proto = NULL;
    for (int i = 0; i < nin && !proto; i++)
        if (ops[i]->ndim == nd && ops[i]->size > 1)
            proto = ops[i];
    nc_array *allocated[NC_UFUNC_MAXARGS];
    int nalloc = 0;
    for (int k = nin; k < nargs; k++) {
        if (ops[k]->buffer)
            continue;
        nc_dtype_id dt = (nc_dtype_id)lp->types[k];
        if (order == NC_ORDER_F)
            st = nc_array_init_empty(ops[k], dt, nd, shape, NC_ORDER_F, 0);
        else if (order == NC_ORDER_C)
            st = nc_array_init_empty(ops[k], dt, nd, shape, NC_ORDER_C, 0);
        else
            st = nc_array_init_like(ops[k], proto, dt, nd, shape);
        if (st)
            goto fail;
        allocated[nalloc++] = ops[k];
    }
    if (single)
        lp = single; /* from here on operands are cast to and from float32 */

    /* Inputs that share memory with an output, other than as the very same
     * view, are copied first (a[1:] += a[:-1] must read old values). */
    nc_array temps[NC_UFUNC_MAXARGS];
    int ntemps = 0;
    nc_array *args_ops[NC_UFUNC_MAXARGS];
    for (int k = 0; k < nargs; k++)
        args_ops[k] = ops[k];
    for (int i = 0; i < nin; i++) {
        for (int k = nin; k < nargs; k++) {
            int fresh = 0; /* outputs allocated above share memory with nothing */
            for (int a = 0; a < nalloc; a++)
                fresh |= allocated[a] == ops[k];
            if (fresh || ops[i]->size == 0 || !nc_array_may_overlap(ops[i], ops[k]))
                continue;
            if (nc__same_view(ops[i], ops[k]))
                continue;
            nc_array *t = &temps[ntemps];
            memset(t, 0, sizeof *t);
            if ((st = nc_array_init_empty(t, ops[i]->dtype, ops[i]->ndim, ops[i]->shape, NC_ORDER_C, 0)))
                goto fail_temps;
            ntemps++;
            if ((st = nc_array_assign(t, ops[i], NC_CAST_NO)))
                goto fail_temps;
            args_ops[i] = t;
            break;
        }
    }
    /* Broadcast (smaller) inputs that need a cast are cast once, whole. */
    for (int i = 0; i < nin; i++) {
        nc_array *a = args_ops[i];
        nc_dtype_id want = (nc_dtype_id)lp->types[i];
        ptrdiff_t full = 1;
        for (int d = 0; d < nd; d++)
            full *= shape[d];
        if (a->dtype == want || a->size >= full)
            continue;
        nc_array *t = &temps[ntemps];
        memset(t, 0, sizeof *t);
        if ((st = nc_array_init_empty(t, want, a->ndim, a->shape, NC_ORDER_C, 0)))
            goto fail_temps;
        ntemps++;
        int fl = 0;
        if ((st = nc_array_assign_fpe(t, a, NC_CAST_UNSAFE, &fl)))
            goto fail_temps;
        if (a->size <= NC_NUMPY_BUFSIZE)
            cast_fpe |= fl;
        else
            big_cast_fpe |= fl;
        args_ops[i] = t;
    }

    nc__fp_clear();
    ptrdiff_t size = 1;
    for (int d = 0; d < nd; d++)
        size *= shape[d];
    if (size == 0)
        goto finish;

    int same_types = 1;
    for (int k = 0; k < nargs; k++)
        same_types &= args_ops[k]->dtype == (nc_dtype_id)lp->types[k];
    if (same_types && !where) {
        char *args[NC_UFUNC_MAXARGS];
        ptrdiff_t steps[NC_UFUNC_MAXARGS];
        for (int pass = 0; pass < 2; pass++) {
            int flag = pass == 0 ? NC_C_CONTIGUOUS : NC_F_CONTIGUOUS, ok = 1;
            for (int k = 0; k < nargs && ok; k++) {
                ok = fast_operand(args_ops[k], nd, shape, flag, &steps[k]);
                args[k] = args_ops[k]->data;
            }
            if (!ok)
                continue;
            for (int k = nin; k < nargs; k++)
                if (steps[k] == 0 && size > 1)
                    ok = 0; /* an output must not be a single broadcast element */
            if (!ok)
                break;
            int rc = run_loop(uf, lp, nargs, args, size, steps);
            if (rc) {
                st = loop_failed(uf, rc);
                goto fail_temps;
            }
            goto finish;
        }
    }
    {
        nc_iter it;
        const nc_array *iops[NC_UFUNC_MAXARGS + 1];
        for (int k = 0; k < nargs; k++)
            iops[k] = args_ops[k];
        iops[nargs] = where;
        if ((st = nc_iter_init(&it, nargs + (where != NULL), iops, nd, shape))) {
            if (where && st == NC_ERR_SHAPE)
                st = nc_error_set(NC_ERR_SHAPE, "where= could not be broadcast to the output's shape");
            goto fail_temps;
        }
        int out_step0 = 0; /* an output written many times over: keep the order */
        for (int k = nin; k < nargs; k++)
            out_step0 |= it.inner_strides[k] == 0 && it.inner_size > 1;
        if (same_types && !where && it.ndim == 1 && !out_step0) {
            int rc = run_loop(uf, lp, nargs, it.ptrs, it.inner_size, it.inner_strides);
            if (rc) {
                st = loop_failed(uf, rc);
                goto fail_temps;
            }
        } else if (same_types && !where && par_rows(uf, lp, nargs, nin, &it, &st)) {
            if (st)
                goto fail_temps;
        } else if (same_types) {
            do {
                int rc = where ? call_masked(lp, nargs, it.ptrs, it.inner_size, it.inner_strides,
                                             it.ptrs[nargs], it.inner_strides[nargs])
                               : lp->fn(it.ptrs, &it.inner_size, it.inner_strides, NULL);
                if (rc) {
                    st = loop_failed(uf, rc);
                    goto fail_temps;
                }
            } while (nc_iter_next(&it));
        } else if ((st = run_buffered_par(uf, lp, &it, args_ops, where != NULL,
                                          single ? NULL : &cast_fl))) {
            goto fail_temps;
        }
    }
finish:
    *fpe = nc__fp_read() | big_cast_fpe | (cast_fpe | nc__fp_to_fpe(cast_fl)) << NC_FPE_CAST_SHIFT;
    for (int t = 0; t < ntemps; t++)
        nc_array_clear(&temps[t]);
    return NC_OK;

fail_temps:
    for (int t = 0; t < ntemps; t++)
        nc_array_clear(&temps[t]);
fail:
    for (int a = 0; a < nalloc; a++)
        nc_array_clear(allocated[a]);
    return st;
}
