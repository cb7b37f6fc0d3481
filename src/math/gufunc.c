/* gufunc.c: the generalized ufuncs matmul, vecdot, matvec and vecmat.
 *
 * All four are one operation on 2-d blocks, C (n x m) = op(A) (n x k) @
 * B (k x m), with missing core dimensions given length 1 and stride 0:
 * vecdot is (1 x k) @ (k x 1), matvec (n x k) @ (k x 1), vecmat
 * (1 x k) @ (k x m); vecdot and vecmat conjugate their complex vector.
 * The driver moves each operand's core dimensions last (axes=), broadcasts
 * the remaining loop dimensions, casts inputs of another dtype into whole
 * temporaries, computes into a temporary when the output has another dtype
 * or overlaps an input, and runs the kernel once per loop index.
 *
 * Invariants: every size product is overflow-checked (nc_shape_size) before
 * memory is touched; kernels get in-bounds blocks only; loop dimensions of
 * a given output must equal the broadcast ones exactly. */
#include <stdatomic.h>
#include <string.h>
#include "numc/gufunc.h"
#include "numc/alloc.h"
#include "core/fpstatus.h"
#include "core/parallel.h"

#define NC_CAT_(a, b) a##b
#define NC_CAT(a, b) NC_CAT_(a, b)

/* See src/ufunc/loops/loops.h: cloned for x86-64-v3; -ffp-contract=off keeps
 * the two clones' results identical. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) &&                  \
    !defined(NC_NO_TARGET_CLONES)
#define NC_VECTORIZED __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define NC_VECTORIZED
#endif

typedef struct gu_block {
    const char *a, *b;
    char *c;
    ptrdiff_t n, k, m;
    ptrdiff_t as0, as1, bs0, bs1, cs0, cs1;
    int conj;
} gu_block;

/* --- kernels ------------------------------------------------------------- */
/* integers: accumulate in uint64_t, which wraps like NumPy's fixed-width sums
 * once truncated to T, without signed-overflow UB. */
#define ACC uint64_t
#define ACC_ZERO 0
#define ACC_MADD(acc, pa, pb) (acc) += (uint64_t)*(const T *)(pa) * (uint64_t)*(const T *)(pb)
#define ACC_STORE(pc, acc) (*(T *)(pc) = (T)(acc))
/* once per integer dtype (T, SFX; see foreach_int.inc.c) */
#define NC_TEMPLATE "math/gufunc_dot.inc.c"
#include "ufunc/loops/foreach_int.inc.c"
#undef NC_TEMPLATE
#undef ACC
#undef ACC_ZERO
#undef ACC_MADD
#undef ACC_STORE

/* bool: logical or of logical ands, as NumPy. */
#define ACC int
#define ACC_ZERO 0
#define ACC_MADD(acc, pa, pb) (acc) |= (*(const nc_bool *)(pa) != 0) & (*(const nc_bool *)(pb) != 0)
#define ACC_STORE(pc, acc) (*(nc_bool *)(pc) = (nc_bool)(acc))
#define SFX b1
#include "gufunc_dot.inc.c"
#undef SFX
#undef ACC
#undef ACC_ZERO
#undef ACC_MADD
#undef ACC_STORE

/* float16: sums in float, rounded once at the end (as NumPy's loop). */
#define ACC float
#define ACC_ZERO 0.0f
#define ACC_MADD(acc, pa, pb) (acc) += nc_half_to_float(*(const nc_half *)(pa)) * nc_half_to_float(*(const nc_half *)(pb))
#define ACC_STORE(pc, acc) (*(nc_half *)(pc) = nc_float_to_half(acc))
#define SFX f16
#include "gufunc_dot.inc.c"
#undef SFX
#undef ACC
#undef ACC_ZERO
#undef ACC_MADD
#undef ACC_STORE

#define ACC T
#define ACC_ZERO 0
#define ACC_MADD(acc, pa, pb) (acc) += *(const T *)(pa) * *(const T *)(pb)
#define ACC_STORE(pc, acc) (*(T *)(pc) = (acc))
#define T float
#define SFX f32
#include "gufunc_dot.inc.c"
#undef T
#undef SFX
#define T double
#define SFX f64
#include "gufunc_dot.inc.c"
#undef T
#undef SFX
#undef ACC
#undef ACC_ZERO
#undef ACC_MADD
#undef ACC_STORE

/* complex: plain products (NumPy's non-BLAS loop); g->conj conjugates A. */
#define ACC struct { R re, im; }
#define ACC_ZERO {0, 0}
#define ACC_MADD(acc, pa, pb)                                                                               \
    do {                                                                                                    \
        R ar_ = ((const R *)(pa))[0], ai_ = ((const R *)(pa))[1];                                           \
        R br_ = ((const R *)(pb))[0], bi_ = ((const R *)(pb))[1];                                           \
        if (g->conj)                                                                                        \
            ai_ = -ai_;                                                                                     \
        (acc).re += ar_ * br_ - ai_ * bi_;                                                                  \
        (acc).im += ar_ * bi_ + ai_ * br_;                                                                  \
    } while (0)
#define ACC_STORE(pc, acc) (((R *)(pc))[0] = (acc).re, ((R *)(pc))[1] = (acc).im)
#define R float
#define SFX c64
#include "gufunc_dot.inc.c"
#undef R
#undef SFX
#define R double
#define SFX c128
#include "gufunc_dot.inc.c"
#undef R
#undef SFX
#undef ACC
#undef ACC_ZERO
#undef ACC_MADD
#undef ACC_STORE

#define GU_KC 256
#define GU_MC 64
#define GU_NC 512
#include "gufunc_micro_fma.inc.c"
#define T double
#define SFX f64
#define MR 4
#define NR 8
#define MICRO_FAST GU_FMA_F64
#include "gufunc_gemm.inc.c"
#undef T
#undef SFX
#undef MR
#undef NR
#undef MICRO_FAST
#define T float
#define SFX f32
#define MR 8
#define NR 8
#define MICRO_FAST GU_FMA_F32
#include "gufunc_gemm.inc.c"
#undef MICRO_FAST
#undef T
#undef SFX
#undef MR
#undef NR

typedef void (*gu_kernel)(const gu_block *g);
static const gu_kernel dot_kernels[NC_NTYPES] = {
    gu_dot_b1, gu_dot_i8, gu_dot_u8, gu_dot_i16, gu_dot_u16, gu_dot_i32, gu_dot_u32,
    gu_dot_i64, gu_dot_u64, gu_dot_f16, gu_dot_f32, gu_dot_f64, gu_dot_c64, gu_dot_c128,
};

#define GU_WORK_BYTES ((size_t)((GU_MC + 16) * GU_KC + GU_KC * (GU_NC + 16)) * 8)

/* A large product is split into bands of rows of C, one packed GEMM per
 * band with its own packing space; every C element is computed by the same
 * sequence of operations as in one call, so the bits do not change. */
#define GU_PAR_FLOPS ((ptrdiff_t)1 << 21) /* multiply-adds per band, at least */
#define GU_BATCH_FLOPS ((ptrdiff_t)1 << 16) /* ... per part of a batch of small products */

typedef struct gu_par {
    const gu_block *g;
    nc_dtype_id dt;
    atomic_int failed;
    atomic_uint flags; /* floating-point flags raised by the bands */
} gu_par;

static void gemm_band(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    gu_par *p = arg;
    gu_block band = *p->g;
    band.a += b * band.as0;
    band.c += b * band.cs0;
    band.n = e - b;
    void *work = nc_malloc(GU_WORK_BYTES);
    if (!work) {
        atomic_store(&p->failed, 1);
        return;
    }
    nc__fp_clear();
    if (p->dt == NC_FLOAT64)
        gu_gemm_f64(&band, work);
    else
        gu_gemm_f32(&band, work);
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&p->flags, fl);
    nc_free(work);
}

static void gemm(nc_dtype_id dt, const gu_block *g, void *work)
{
    const ptrdiff_t per_row = g->k * g->m;
    ptrdiff_t chunk = g->n;
    if (per_row > 0 && g->n >= 2 * GU_MC)
        chunk = nc__par_chunk(g->n, GU_PAR_FLOPS / per_row + 1, GU_MC);
    if (chunk < g->n) {
        gu_par p = {g, dt, 0, 0};
        const unsigned int before = nc__fp_save();
        nc__parallel_for(g->n, chunk, gemm_band, &p);
        nc__fp_raise((int)(atomic_load(&p.flags) | before));
        if (!atomic_load(&p.failed))
            return;
        /* a band could not get packing space: redo it all serially */
    }
    if (dt == NC_FLOAT64)
        gu_gemm_f64(g, work);
    else
        gu_gemm_f32(g, work);
}

static void run_block(nc_dtype_id dt, const gu_block *g, void *work);

/* A range of one batch axis of small products (see nc_gufunc_exec). */
typedef struct gu_batch {
    const gu_block *g;
    nc_dtype_id dt;
    const char *pa, *pb;
    char *pc;
    ptrdiff_t sa, sb, sc; /* batch steps */
    atomic_uint flags;
} gu_batch;

static void gu_batch_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    gu_batch *j = arg;
    gu_block g = *j->g;
    nc__fp_clear();
    for (ptrdiff_t i = b; i < e; i++) {
        g.a = j->pa + i * j->sa;
        g.b = j->pb + i * j->sb;
        g.c = j->pc + i * j->sc;
        run_block(j->dt, &g, NULL);
    }
    unsigned int fl = nc__fp_save();
    if (fl)
        atomic_fetch_or(&j->flags, fl);
}

/* Picks the kernel for a block: real floats use the packed GEMM when the
 * block is large enough to pay for packing, else a multi-accumulator dot
 * when k is unit-stride in both operands. */
static void run_block(nc_dtype_id dt, const gu_block *g, void *work)
{
    int isz = dt == NC_FLOAT64 ? 8 : 4;
    if (dt == NC_FLOAT64 || dt == NC_FLOAT32) {
        if (work && g->n >= 4 && g->m >= 4 && g->k >= 8 && g->n * g->m >= 64) {
            gemm(dt, g, work);
            return;
        }
        if (g->as1 == isz && g->bs0 == isz) {
            if (dt == NC_FLOAT64)
                gu_dotrows_f64(g);
            else
                gu_dotrows_f32(g);
            return;
        }
    }
    dot_kernels[dt](g);
}

/* --- registry ------------------------------------------------------------ */
#define GU_LOOP(ID, SFX, CT, KIND, CHR, SIZE, NAME) {{NC_##ID, NC_##ID, NC_##ID, 0}, NULL},
static const nc_loop gu_loops[] = {
#define NC_DTYPE GU_LOOP
#include "numc/dtypes.def"
#undef NC_DTYPE
};

static const nc_ufunc gufuncs[NC_GUFUNC_COUNT] = {
    {"matmul", 2, 1, NC_IDENTITY_NONE, NC_RESOLVE_DEFAULT, NC_NTYPES, gu_loops,
     "Matrix product of two arrays."},
    {"vecdot", 2, 1, NC_IDENTITY_NONE, NC_RESOLVE_DEFAULT, NC_NTYPES, gu_loops,
     "Vector dot product of two arrays (the first conjugated)."},
    {"matvec", 2, 1, NC_IDENTITY_NONE, NC_RESOLVE_DEFAULT, NC_NTYPES, gu_loops,
     "Matrix-vector dot product of two arrays."},
    {"vecmat", 2, 1, NC_IDENTITY_NONE, NC_RESOLVE_DEFAULT, NC_NTYPES, gu_loops,
     "Vector-matrix dot product of two arrays (the vector conjugated)."},
};
static const char *signatures[NC_GUFUNC_COUNT] = {
    "(n?,k),(k,m?)->(n?,m?)", "(n),(n)->()", "(m,n),(n)->(m)", "(n),(n,m)->(m)"};

const nc_ufunc *nc_gufunc_at(int kind)
{
    return kind >= 0 && kind < NC_GUFUNC_COUNT ? &gufuncs[kind] : NULL;
}

const char *nc_gufunc_signature(int kind)
{
    return kind >= 0 && kind < NC_GUFUNC_COUNT ? signatures[kind] : NULL;
}

/* --- driver -------------------------------------------------------------- */
static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

/* Number of core dimensions of input `i` with `ndim` dimensions. */
static int core_ndim(int kind, int i, int ndim)
{
    switch (kind) {
    case NC_GUFUNC_MATMUL: return ndim >= 2 ? 2 : 1;
    case NC_GUFUNC_VECDOT: return 1;
    case NC_GUFUNC_MATVEC: return i == 0 ? 2 : 1;
    default: return i == 0 ? 1 : 2;
    }
}

/* Geometry of one operand with its core dimensions moved last. */
typedef struct {
    int nd, ncore;
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
} gu_geom;

/* Puts the `ncore` dimensions named by ax (or the last ones when ax is NULL)
 * of an operand with shape/strides last, keeping the others in order. */
static nc_status move_core(const char *name, int opno, int ndim, const ptrdiff_t *shape,
                           const ptrdiff_t *strides, int ncore, const int *ax, gu_geom *out)
{
    int pos[NC_MAXDIMS], used[NC_MAXDIMS] = {0};
    for (int c = 0; c < ncore; c++) {
        int a = ax ? ax[c] : ndim - ncore + c;
        if (ax) {
            nc_status st = nc_normalize_axis(a, ndim, &a);
            if (st)
                return st;
            if (used[a])
                return nc_error_set(NC_ERR_VALUE, "%s: axes item %d has value %d repeated", name, opno, ax[c]);
        }
        used[a] = 1;
        pos[c] = a;
    }
    int j = 0;
    for (int d = 0; d < ndim; d++)
        if (!used[d]) {
            out->shape[j] = shape[d];
            out->strides[j++] = strides[d];
        }
    for (int c = 0; c < ncore; c++) {
        out->shape[j] = shape[pos[c]];
        out->strides[j++] = strides[pos[c]];
    }
    out->nd = ndim;
    out->ncore = ncore;
    return NC_OK;
}

/* Full output shape from the loop shape and core shape, the core dimensions
 * placed at ax (normalized against nd) or last. */
static nc_status place_core(int nd, int nbatch, const ptrdiff_t *batch, int ncore, const ptrdiff_t *core,
                            const int *ax, ptrdiff_t *shape)
{
    int used[NC_MAXDIMS] = {0};
    for (int c = 0; c < ncore; c++) {
        int a = ax ? ax[c] : nd - ncore + c;
        nc_status st = nc_normalize_axis(a, nd, &a);
        if (st)
            return st;
        if (used[a])
            return nc_error_set(NC_ERR_VALUE, "axes of the output repeat axis %d", ax[c]);
        used[a] = 1;
        shape[a] = core[c];
    }
    int j = 0;
    for (int d = 0; d < nd; d++)
        if (!used[d])
            shape[d] = batch[j++];
    (void)nbatch;
    return NC_OK;
}

static nc_status cast_copy(const nc_array *src, nc_dtype_id dt, nc_array *tmp)
{
    nc_status st = nc_array_init_empty(tmp, dt, src->ndim, src->shape, NC_ORDER_C, 0);
    if (st)
        return st;
    if ((st = nc_array_assign(tmp, src, NC_CAST_UNSAFE)))
        nc_array_clear(tmp);
    return st;
}

nc_status nc_gufunc_exec(int kind, int loop_index, nc_array *const *ops, const int *naxes, const int *axes,
                         int keepdims, nc_casting casting, int *fpe)
{
    const nc_ufunc *uf = nc_gufunc_at(kind);
    if (!uf || loop_index < 0 || loop_index >= uf->nloops)
        return nc_error_set(NC_ERR_INTERNAL, "bad gufunc or loop");
    const char *name = uf->name, *sig = signatures[kind];
    nc_dtype_id dt = (nc_dtype_id)uf->loops[loop_index].types[0];
    nc_array *out = ops[2];
    nc_status st = NC_OK;
    *fpe = 0;

    int ncin[2];
    for (int i = 0; i < 2; i++) {
        int need = core_ndim(kind, i, ops[i]->ndim);
        if (kind == NC_GUFUNC_MATMUL)
            need = 1;
        if (ops[i]->ndim < need || ops[i]->ndim < core_ndim(kind, i, 0))
            return nc_error_set(NC_ERR_VALUE,
                                "%s: Input operand %d does not have enough dimensions (has %d, gufunc core "
                                "with signature %s requires %d)",
                                name, i, ops[i]->ndim, sig, kind == NC_GUFUNC_MATMUL ? 1 : core_ndim(kind, i, 0));
        ncin[i] = core_ndim(kind, i, ops[i]->ndim);
    }
    for (int i = 0; i < 2; i++) {
        if (naxes && naxes[i] != ncin[i])
            return nc_error_set(NC_ERR_VALUE,
                                "%s: axes item %d should be a tuple with a number of entries equal to the "
                                "number of core dimensions (%d)",
                                name, i, ncin[i]);
        nc_dtype_id have = ops[i]->dtype;
        if (have != dt && !nc_can_cast(have, dt, casting))
            return nc_error_set(NC_ERR_CAST,
                                "Cannot cast ufunc '%s' input %d from dtype('%s') to dtype('%s') with casting rule '%s'",
                                name, i, nc_dtype_info(have)->name, nc_dtype_info(dt)->name, casting_names[casting]);
    }

    gu_geom ga, gb;
    if ((st = move_core(name, 0, ops[0]->ndim, ops[0]->shape, ops[0]->strides, ncin[0], naxes ? axes : NULL, &ga)) ||
        (st = move_core(name, 1, ops[1]->ndim, ops[1]->shape, ops[1]->strides, ncin[1], naxes ? axes + 2 : NULL, &gb)))
        return st;
    const ptrdiff_t *ca = ga.shape + ga.nd - ga.ncore, *cb = gb.shape + gb.nd - gb.ncore;
    /* n, k, m and which of n, m the output has. */
    ptrdiff_t n = 1, k, m = 1, kb;
    int has_n = 0, has_m = 0;
    k = ca[ga.ncore - 1];
    if (ga.ncore == 2) {
        n = ca[0];
        has_n = 1;
    }
    kb = cb[0];
    if (gb.ncore == 2) {
        m = cb[1];
        has_m = 1;
    }
    if (k != kb)
        return nc_error_set(NC_ERR_VALUE,
                            "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s "
                            "(size %td is different from %td)",
                            name, sig, kb, k);

    /* Broadcast loop dimensions. */
    int nba = ga.nd - ga.ncore, nbb = gb.nd - gb.ncore;
    int ndims[2] = {nba, nbb};
    const ptrdiff_t *shapes[2] = {ga.shape, gb.shape};
    int nbatch;
    ptrdiff_t batch[NC_MAXDIMS];
    if (nc_broadcast_shapes(2, ndims, shapes, &nbatch, batch) != NC_OK)
        return nc_error_set(NC_ERR_SHAPE,
                            "operands could not be broadcast together with remapped shapes "
                            "[original->remapped] for %s",
                            name);
    ptrdiff_t ocore[2];
    int nocore = 0;
    if (has_n)
        ocore[nocore++] = n;
    if (has_m)
        ocore[nocore++] = m;
    int keep = keepdims && nocore == 0;
    if (keepdims && nocore != 0)
        return nc_error_set(NC_ERR_VALUE, "%s: keepdims can only be used for scalar outputs", name);
    int ond = nbatch + nocore + keep;
    if (ond > NC_MAXDIMS)
        return nc_error_set(NC_ERR_VALUE, "%s: too many dimensions", name);
    const int *oax = NULL;
    int okeep_ax = 0;
    if (naxes) {
        if (keep) {
            okeep_ax = axes[0];
            oax = &okeep_ax;
        } else {
            if (naxes[2] != nocore)
                return nc_error_set(NC_ERR_VALUE,
                                    "%s: axes item 2 should be a tuple with a number of entries equal to the "
                                    "number of core dimensions (%d)",
                                    name, nocore);
            oax = axes + 4;
        }
    }
    ptrdiff_t oshape[NC_MAXDIMS];
    ptrdiff_t one = 1;
    if ((st = place_core(ond, nbatch, batch, keep ? 1 : nocore, keep ? &one : ocore, oax, oshape)))
        return st;
    ptrdiff_t osize;
    if ((st = nc_shape_size(ond, oshape, nc_dtype_info(dt)->itemsize, &osize)))
        return st;

    if (out->buffer) {
        if (out->ndim >= nocore + keep) {
            gu_geom go;
            if ((st = move_core(name, 2, out->ndim, out->shape, out->strides, keep ? 1 : nocore, oax, &go)))
                return st;
            for (int c = 0; c < nocore; c++)
                if (go.shape[go.nd - nocore + c] != ocore[c])
                    return nc_error_set(NC_ERR_VALUE,
                                        "%s: Output operand 0 has a mismatch in its core dimension %d, with gufunc "
                                        "signature %s (size %td is different from %td)",
                                        name, c, sig, go.shape[go.nd - nocore + c], ocore[c]);
        }
        int match = out->ndim == ond;
        for (int d = 0; match && d < ond; d++)
            match = out->shape[d] == oshape[d];
        if (!match)
            return nc_error_set(NC_ERR_VALUE,
                                "%s: Output operand 0 does not have the shape of the result (signature %s)",
                                name, sig);
        if (!(out->flags & NC_WRITEABLE))
            return nc_error_set(NC_ERR_VALUE, "output array is read-only");
        if (out->dtype != dt && !nc_can_cast(dt, out->dtype, casting))
            return nc_error_set(NC_ERR_CAST,
                                "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule '%s'",
                                name, nc_dtype_info(dt)->name, nc_dtype_info(out->dtype)->name,
                                casting_names[casting]);
    } else if ((st = nc_array_init_empty(out, dt, ond, oshape, NC_ORDER_C, 0))) {
        return st;
    }

    /* Inputs of another dtype are cast whole; the output is computed in a
     * temporary when its dtype differs or it shares memory with an input. */
    nc_array tmp[3];
    memset(tmp, 0, sizeof tmp);
    const nc_array *src[2] = {ops[0], ops[1]};
    nc_array *dst = out;
    void *work = NULL;
    for (int i = 0; i < 2; i++)
        if (ops[i]->dtype != dt) {
            if ((st = cast_copy(ops[i], dt, &tmp[i])))
                goto done;
            src[i] = &tmp[i];
        }
    if (out->dtype != dt || nc_array_may_overlap(out, ops[0]) || nc_array_may_overlap(out, ops[1])) {
        if ((st = nc_array_init_empty(&tmp[2], dt, ond, oshape, NC_ORDER_C, 0)))
            goto done;
        dst = &tmp[2];
    }
    if (osize == 0)
        goto finish;
    if (src[0] != ops[0] &&
        (st = move_core(name, 0, src[0]->ndim, src[0]->shape, src[0]->strides, ncin[0], naxes ? axes : NULL, &ga)))
        goto done;
    if (src[1] != ops[1] &&
        (st = move_core(name, 1, src[1]->ndim, src[1]->shape, src[1]->strides, ncin[1], naxes ? axes + 2 : NULL, &gb)))
        goto done;
    gu_geom gc;
    if ((st = move_core(name, 2, dst->ndim, dst->shape, dst->strides, keep ? 1 : nocore, oax, &gc)))
        goto done;

    gu_block g;
    g.n = n;
    g.k = k;
    g.m = m;
    g.conj = (kind == NC_GUFUNC_VECDOT || kind == NC_GUFUNC_VECMAT) && nc_dtype_info(dt)->kind == 'c';
    const ptrdiff_t *sa = ga.strides + nba, *sb = gb.strides + nbb, *sc = gc.strides + nbatch;
    g.as0 = has_n ? sa[0] : 0;
    g.as1 = sa[ga.ncore - 1];
    g.bs0 = sb[0];
    g.bs1 = has_m ? sb[1] : 0;
    g.cs0 = has_n ? sc[0] : 0;
    g.cs1 = has_m ? sc[has_n] : 0;
    if ((dt == NC_FLOAT64 || dt == NC_FLOAT32) && n >= 4 && m >= 4 && k >= 8) {
        work = nc_malloc(GU_WORK_BYTES);
        if (!work) {
            st = nc_error_set(NC_ERR_NOMEM, "Unable to allocate %s work space", name);
            goto done;
        }
    }

    /* Loop strides: broadcast dimensions step 0. */
    ptrdiff_t bsa[NC_MAXDIMS], bsb[NC_MAXDIMS], idx[NC_MAXDIMS];
    for (int d = 0; d < nbatch; d++) {
        int da = d - (nbatch - nba), db = d - (nbatch - nbb);
        bsa[d] = da >= 0 && ga.shape[da] != 1 ? ga.strides[da] : 0;
        bsb[d] = db >= 0 && gb.shape[db] != 1 ? gb.strides[db] : 0;
        idx[d] = 0;
    }
    const char *pa = src[0]->data, *pb = src[1]->data;
    char *pc = dst->data;
    nc__fp_clear();
    /* One batch axis of small blocks (no packing space needed): the blocks
     * are independent, so the batch is split over threads. */
    if (nbatch == 1 && !work) {
        gu_batch bj = {&g, dt, pa, pb, pc, bsa[0], bsb[0], gc.strides[0], 0};
        const ptrdiff_t per = (g.n > 0 ? g.n : 1) * (g.m > 0 ? g.m : 1) * (g.k > 0 ? g.k : 1);
        const ptrdiff_t chunk = nc__par_chunk(batch[0], GU_BATCH_FLOPS / per + 1, 1);
        if (chunk < batch[0]) {
            nc__parallel_for(batch[0], chunk, gu_batch_part, &bj);
            nc__fp_raise((int)atomic_load(&bj.flags));
            *fpe = nc__fp_read();
            goto finish;
        }
    }
    for (;;) {
        g.a = pa;
        g.b = pb;
        g.c = pc;
        run_block(dt, &g, work);
        int d = nbatch - 1;
        for (; d >= 0; d--) {
            pa += bsa[d];
            pb += bsb[d];
            pc += gc.strides[d];
            if (++idx[d] < batch[d])
                break;
            pa -= bsa[d] * batch[d];
            pb -= bsb[d] * batch[d];
            pc -= gc.strides[d] * batch[d];
            idx[d] = 0;
        }
        if (d < 0)
            break;
    }
    *fpe = nc__fp_read();
finish:
    if (dst != out)
        st = nc_array_assign(out, dst, NC_CAST_UNSAFE);
done:
    nc_free(work);
    for (int i = 0; i < 3; i++)
        if (tmp[i].buffer)
            nc_array_clear(&tmp[i]);
    return st;
}
