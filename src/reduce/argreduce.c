/* argreduce.c: argmin/argmax along an axis or over the flattened array, and
 * count_nonzero, for every dtype (kernels in argreduce.inc.c).
 *
 * Invariants: inputs are only read; `out` gets one int64 per position of the
 * other axes; shapes and strides are validated here, once, and the kernels
 * trust them.  Along an innermost (smallest-stride) axis each result is one
 * 1-D scan; along an outer axis whole rows are compared at a time so that
 * memory is read in order.  nc_sum_sqdev_f64 (var/std's second pass) is
 * here too: like the others it reads one array and returns a number. */
#include <math.h>
#include <stdatomic.h>
#include <string.h>
#include "numc/argreduce.h"
#include "numc/iter.h"
#include "numc/alloc.h"
#include "ufunc/loops/loops.h"
#include "core/parallel.h"

static inline float half_ld(nc_half h) { return nc_half_to_float(h); }

#define CGT(a, b) ((a).re > (b).re || ((a).re == (b).re && (a).im > (b).im))
#define CNAN(v) (isnan((v).re) || isnan((v).im))

/* Block extrema of float64/float32 with AVX2 where the CPU has it: GCC
 * does not vectorise the compare-and-select loop under -ftrapping-math.
 * max_pd(v, acc) keeps acc when v is NaN, so NaNs are tracked apart with
 * quiet unordered compares (no flag raised). */
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
static int nc__arg_have_avx2(void)
{
    static int have = -1;
    if (have < 0)
        have = __builtin_cpu_supports("avx2") ? 1 : 0;
    return have;
}

#define BLK_BODY(VT, W, LOADU, MAX, MIN, CMPU, OR, MASK, SET1, STORE, ST)                 \
    VT a0 = SET1(b[0]), a1 = a0, a2 = a0, a3 = a0;                                     \
    VT nn = CMPU(a0, a0);                                                               \
    ptrdiff_t j = 0;                                                                    \
    if (is_max) {                                                                       \
        for (; j + 4 * W <= len; j += 4 * W) {                                          \
            VT v0 = LOADU(b + j), v1 = LOADU(b + j + W), v2 = LOADU(b + j + 2 * W),     \
               v3 = LOADU(b + j + 3 * W);                                               \
            a0 = MAX(v0, a0); a1 = MAX(v1, a1); a2 = MAX(v2, a2); a3 = MAX(v3, a3);      \
            nn = OR(nn, OR(CMPU(v0, v1), CMPU(v2, v3)));                                \
        }                                                                               \
        a0 = MAX(MAX(a0, a1), MAX(a2, a3));                                             \
    } else {                                                                            \
        for (; j + 4 * W <= len; j += 4 * W) {                                          \
            VT v0 = LOADU(b + j), v1 = LOADU(b + j + W), v2 = LOADU(b + j + 2 * W),     \
               v3 = LOADU(b + j + 3 * W);                                               \
            a0 = MIN(v0, a0); a1 = MIN(v1, a1); a2 = MIN(v2, a2); a3 = MIN(v3, a3);      \
            nn = OR(nn, OR(CMPU(v0, v1), CMPU(v2, v3)));                                \
        }                                                                               \
        a0 = MIN(MIN(a0, a1), MIN(a2, a3));                                             \
    }                                                                                   \
    int hasnan = MASK(nn) != 0;                                                         \
    ST lanes[W];                                                                        \
    STORE(lanes, a0);                                                                   \
    ST m = lanes[0];                                                                    \
    for (int k = 1; k < W; k++)                                                         \
        if (is_max ? lanes[k] > m : lanes[k] < m)                                       \
            m = lanes[k];                                                               \
    for (; j < len; j++) {                                                              \
        hasnan |= isnan(b[j]);                                                          \
        if (is_max ? b[j] > m : b[j] < m)                                               \
            m = b[j];                                                                   \
    }                                                                                   \
    *bm = m;                                                                            \
    return hasnan;

#define CMPU_PD(a, b) _mm256_cmp_pd(a, b, _CMP_UNORD_Q)
#define CMPU_PS(a, b) _mm256_cmp_ps(a, b, _CMP_UNORD_Q)
__attribute__((target("avx2"))) static int blk_f64(const double *b, ptrdiff_t len, int is_max,
                                                   double *bm)
{
    BLK_BODY(__m256d, 4, _mm256_loadu_pd, _mm256_max_pd, _mm256_min_pd, CMPU_PD, _mm256_or_pd,
             _mm256_movemask_pd, _mm256_set1_pd, _mm256_storeu_pd, double)
}
__attribute__((target("avx2"))) static int blk_f32(const float *b, ptrdiff_t len, int is_max,
                                                   float *bm)
{
    BLK_BODY(__m256, 8, _mm256_loadu_ps, _mm256_max_ps, _mm256_min_ps, CMPU_PS, _mm256_or_ps,
             _mm256_movemask_ps, _mm256_set1_ps, _mm256_storeu_ps, float)
}
#define HAVE_BLK 1
#endif

/* bool */
#define T nc_bool
#define SFX b1
#define CT int
#define LD(x) ((x) != 0)
#define ISNAN(v) 0
#define GT(a, b) ((a) > (b))
#define NZ(x) ((x) != 0)
#define FAST 0
#include "argreduce.inc.c"
#undef T
#undef SFX
#undef CT
#undef LD
#undef FAST

/* integers and float32/float64: LD is the identity */
#define LD(x) (x)
#define FAST 1
#define CT T
/* once per integer dtype (T, SFX; see foreach_int.inc.c) */
#define NC_TEMPLATE "reduce/argreduce.inc.c"
#include "ufunc/loops/foreach_int.inc.c"
#undef NC_TEMPLATE
#undef ISNAN
#define ISNAN(v) ((v) != (v))
#define T float
#define SFX f32
#ifdef HAVE_BLK
#define BLOCK_EXT blk_f32
#endif
#include "argreduce.inc.c"
#undef BLOCK_EXT
#undef T
#undef SFX
#define T double
#define SFX f64
#ifdef HAVE_BLK
#define BLOCK_EXT blk_f64
#endif
#include "argreduce.inc.c"
#undef BLOCK_EXT
#undef T
#undef SFX
#undef CT
#undef LD
#undef FAST
#undef NZ

/* float16: compared as float; zero test on the bits (±0 are zero) */
#define T nc_half
#define SFX f16
#define CT float
#define LD(x) half_ld(x)
#define NZ(x) (((x) & 0x7fff) != 0)
#define FAST 0
#include "argreduce.inc.c"
#undef T
#undef SFX
#undef CT
#undef LD
#undef NZ
#undef GT
#undef ISNAN

/* complex: lexicographic */
#define GT(a, b) CGT(a, b)
#define ISNAN(v) CNAN(v)
#define LD(x) (x)
#define NZ(x) ((x).re != 0 || (x).im != 0)
#define T nc_cfloat
#define CT nc_cfloat
#define SFX c64
#include "argreduce.inc.c"
#undef T
#undef CT
#undef SFX
#define T nc_cdouble
#define CT nc_cdouble
#define SFX c128
#include "argreduce.inc.c"
#undef T
#undef CT
#undef SFX
#undef GT
#undef ISNAN
#undef LD
#undef NZ
#undef FAST

typedef ptrdiff_t (*arg1_fn)(const char *, ptrdiff_t, ptrdiff_t, int);
typedef void (*argrows_fn)(const char *, ptrdiff_t, ptrdiff_t, ptrdiff_t, ptrdiff_t, int64_t *,
                           void *, int);
typedef int64_t (*nonzero_fn)(const char *, ptrdiff_t, ptrdiff_t);

#define NC_DTYPE(ID, S, CTYPE, KIND, CHAR, SIZE, NAME) arg1_##S,
static const arg1_fn arg1_table[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE
#define NC_DTYPE(ID, S, CTYPE, KIND, CHAR, SIZE, NAME) argrows_##S,
static const argrows_fn argrows_table[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE
#define NC_DTYPE(ID, S, CTYPE, KIND, CHAR, SIZE, NAME) nonzero_##S,
static const nonzero_fn nonzero_table[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE

/* Rows of an outer-axis reduction are compared this many results at a time;
 * the scratch (running best values) stays in L1. */
#define ROWS_CHUNK 256

/* Flat arg-reductions of long contiguous runs are split over threads:
 * each part finds its own first extremum, and the parts' winners are then
 * compared in order by the same kernel over a two-element "array" whose
 * stride is the distance between them, so ties (first wins) and NaNs
 * (first NaN wins) follow exactly the serial rules. */
#define ARG_PAR_MIN 65536  /* elements per part, at least */
#define ARG_PAR_MAXPARTS 64

typedef struct arg_par {
    arg1_fn f1;
    const char *p;
    ptrdiff_t n, chunk, step;
    int is_max;
    ptrdiff_t best[ARG_PAR_MAXPARTS];
} arg_par;

static void arg_par_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    arg_par *a = arg;
    a->best[b / a->chunk] = b + a->f1(a->p + b * a->step, e - b, a->step, a->is_max);
}

static ptrdiff_t arg1_parallel(arg1_fn f1, const char *p, ptrdiff_t n, ptrdiff_t step,
                               int is_max)
{
    ptrdiff_t chunk = nc__par_chunk(n, ARG_PAR_MIN, 64);
    if (chunk >= n)
        return f1(p, n, step, is_max);
    if (n / chunk >= ARG_PAR_MAXPARTS)
        chunk = n / (ARG_PAR_MAXPARTS - 1);
    arg_par a = {f1, p, n, chunk, step, is_max, {0}};
    nc__parallel_for(n, chunk, arg_par_part, &a);
    const ptrdiff_t parts = (n - 1) / chunk + 1;
    ptrdiff_t best = a.best[0];
    for (ptrdiff_t k = 1; k < parts; k++) {
        const ptrdiff_t cand = a.best[k];
        if (f1(p + best * step, 2, (cand - best) * step, is_max) == 1)
            best = cand;
    }
    return best;
}

static nc_status empty_error(int is_max)
{
    return nc_error_set(NC_ERR_VALUE, "attempt to get %s of an empty sequence",
                        is_max ? "argmax" : "argmin");
}

nc_status nc_argreduce(const nc_array *a, int axis, int is_max, nc_array *out)
{
    if (!a || !out || (unsigned)a->dtype >= NC_NTYPES)
        return nc_error_set(NC_ERR_INTERNAL, "nc_argreduce: bad arguments");
    if (out->dtype != NC_INT64)
        return nc_error_set(NC_ERR_TYPE, "output array of argmax/argmin must be int64");
    is_max = is_max != 0;
    int itemsize = nc_dtype_info(a->dtype)->itemsize;
    if (axis < 0) {
        if (out->size != 1)
            return nc_error_set(NC_ERR_VALUE, "output array does not match result shape");
        if (a->size == 0)
            return empty_error(is_max);
        int64_t r;
        if (a->flags & NC_C_CONTIGUOUS) {
            r = (int64_t)arg1_parallel(arg1_table[a->dtype], a->data, a->size, itemsize, is_max);
        } else if (a->ndim == 1) {
            r = (int64_t)arg1_parallel(arg1_table[a->dtype], a->data, a->size, a->strides[0],
                                       is_max);
        } else {
            /* Flattened order is C order: copy once rather than re-walking
             * an arbitrary layout with an index unravel per element. */
            nc_array tmp;
            nc_status st = nc_array_init_empty(&tmp, a->dtype, a->ndim, a->shape, NC_ORDER_C, 0);
            if (st)
                return st;
            if ((st = nc_array_assign(&tmp, a, NC_CAST_NO))) {
                nc_array_clear(&tmp);
                return st;
            }
            r = (int64_t)arg1_parallel(arg1_table[a->dtype], tmp.data, tmp.size, itemsize, is_max);
            nc_array_clear(&tmp);
        }
        *(int64_t *)out->data = r;
        return NC_OK;
    }
    nc_status st = nc_normalize_axis(axis, a->ndim, &axis);
    if (st)
        return st;
    /* Geometry of the other axes, in which input and output are walked. */
    int ond = a->ndim - 1;
    ptrdiff_t oshape[NC_MAXDIMS], istr[NC_MAXDIMS];
    for (int i = 0, j = 0; i < a->ndim; i++)
        if (i != axis) {
            oshape[j] = a->shape[i];
            istr[j++] = a->strides[i];
        }
    if (out->ndim != ond)
        return nc_error_set(NC_ERR_VALUE, "output array does not match result shape");
    for (int i = 0; i < ond; i++)
        if (out->shape[i] != oshape[i])
            return nc_error_set(NC_ERR_VALUE, "output array does not match result shape");
    ptrdiff_t n = a->shape[axis], s_ax = a->strides[axis];
    if (n == 0)
        return empty_error(is_max);
    if (out->size == 0)
        return NC_OK;
    char *data[2] = {a->data, out->data};
    int ndims[2] = {ond, ond};
    const ptrdiff_t *shapes[2] = {oshape, oshape};
    const ptrdiff_t *strides[2] = {istr, out->strides};
    nc_iter it;
    if ((st = nc_iter_init_raw(&it, 2, data, ndims, shapes, strides, ond, oshape)))
        return st;
    arg1_fn f1 = arg1_table[a->dtype];
    argrows_fn fr = argrows_table[a->dtype];
    _Alignas(16) unsigned char scratch[ROWS_CHUNK * 16];
    int64_t idx[ROWS_CHUNK];
    do {
        ptrdiff_t m = it.inner_size, s_in = it.inner_strides[0], s_out = it.inner_strides[1];
        const char *ip = it.ptrs[0];
        char *op = it.ptrs[1];
        ptrdiff_t as_ax = s_ax < 0 ? -s_ax : s_ax, as_in = s_in < 0 ? -s_in : s_in;
        if (m == 1 || as_ax <= as_in) {
            for (ptrdiff_t j = 0; j < m; j++)
                *(int64_t *)(op + j * s_out) = (int64_t)f1(ip + j * s_in, n, s_ax, is_max);
        } else {
            for (ptrdiff_t j0 = 0; j0 < m; j0 += ROWS_CHUNK) {
                ptrdiff_t len = m - j0 < ROWS_CHUNK ? m - j0 : ROWS_CHUNK;
                fr(ip + j0 * s_in, n, s_ax, len, s_in, idx, scratch, is_max);
                for (ptrdiff_t j = 0; j < len; j++)
                    *(int64_t *)(op + (j0 + j) * s_out) = idx[j];
            }
        }
    } while (nc_iter_next(&it));
    return NC_OK;
}

/* count_nonzero over the iterator's runs, split over threads: counts add. */
typedef struct nz_par {
    nonzero_fn f;
    atomic_llong total;
} nz_par;

static void nz_run(void *ctx, char *const *p, const ptrdiff_t *s, ptrdiff_t n)
{
    nz_par *z = ctx;
    atomic_fetch_add(&z->total, (long long)z->f(p[0], n, s[0]));
}

nc_status nc_count_nonzero(const nc_array *a, int64_t *count)
{
    if (!a || !count || (unsigned)a->dtype >= NC_NTYPES)
        return nc_error_set(NC_ERR_INTERNAL, "nc_count_nonzero: bad arguments");
    *count = 0;
    if (a->size == 0)
        return NC_OK;
    nonzero_fn f = nonzero_table[a->dtype];
    if ((a->flags & NC_C_CONTIGUOUS) && a->size < 2 * ARG_PAR_MIN) {
        *count = f(a->data, a->size, nc_dtype_info(a->dtype)->itemsize);
        return NC_OK;
    }
    nc_iter it;
    const nc_array *ops[1] = {a};
    nc_status st = nc_iter_init(&it, 1, ops, a->ndim, a->shape);
    if (st)
        return st;
    nz_par z = {f, 0};
    if (nc__par_iter(&it, ARG_PAR_MIN, nz_run, &z)) {
        *count = (int64_t)atomic_load(&z.total);
        return NC_OK;
    }
    int64_t c = 0;
    do
        c += f(it.ptrs[0], it.inner_size, it.inner_strides[0]);
    while (nc_iter_next(&it));
    *count = c;
    return NC_OK;
}

/* Pairwise sum of squared deviations: 8 independent lanes in blocks of at
 * most 1024 (vectorisable without reassociating), blocks joined by halving,
 * so the rounding error grows like log(n) as in add.reduce. */
NC_VECTORIZED
static double sqdev_block(const double *x, ptrdiff_t n, double m)
{
    double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; k++) {
            double d = x[i + k] - m;
            acc[k] += d * d;
        }
    double t = 0;
    for (; i < n; i++) {
        double d = x[i] - m;
        t += d * d;
    }
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7])) + t;
}

static double sqdev_pw(const double *x, ptrdiff_t n, double m)
{
    if (n <= 1024)
        return sqdev_block(x, n, m);
    ptrdiff_t h = (n / 2) & ~(ptrdiff_t)7;
    return sqdev_pw(x, h, m) + sqdev_pw(x + h, n - h, m);
}

/* sqdev_pw's tree cut at one depth: the parts are summed on threads and
 * joined as the tree joins them, so the bits do not change. */
typedef struct sqdev_par {
    const double *x;
    double m;
    ptrdiff_t begin[ARG_PAR_MAXPARTS + 1];
    double val[ARG_PAR_MAXPARTS];
} sqdev_par;

static void sqdev_cut(sqdev_par *p, int *np, ptrdiff_t b, ptrdiff_t e, int depth)
{
    if (depth == 0) {
        p->begin[(*np)++] = b;
        return;
    }
    ptrdiff_t h = ((e - b) / 2) & ~(ptrdiff_t)7;
    sqdev_cut(p, np, b, b + h, depth - 1);
    sqdev_cut(p, np, b + h, e, depth - 1);
}

static void sqdev_part(void *arg, ptrdiff_t k, ptrdiff_t kend)
{
    sqdev_par *p = arg;
    for (; k < kend; k++)
        p->val[k] = sqdev_pw(p->x + p->begin[k], p->begin[k + 1] - p->begin[k], p->m);
}

static double sqdev_join(const sqdev_par *p, int *k, int depth)
{
    if (depth == 0)
        return p->val[(*k)++];
    double l = sqdev_join(p, k, depth - 1);
    return l + sqdev_join(p, k, depth - 1);
}

static double sqdev_parallel(const double *x, ptrdiff_t n, double m)
{
    int t = nc__par_threads(), depth = 0;
    while ((2 << depth) <= 4 * t && (2 << depth) <= ARG_PAR_MAXPARTS &&
           n / (2 << depth) >= ARG_PAR_MIN)
        depth++;
    if (depth == 0)
        return sqdev_pw(x, n, m);
    sqdev_par p = {.x = x, .m = m};
    int np = 0;
    sqdev_cut(&p, &np, 0, n, depth);
    p.begin[np] = n;
    nc__parallel_for(np, 1, sqdev_part, &p);
    int k = 0;
    return sqdev_join(&p, &k, depth);
}

nc_status nc_sum_sqdev_f64(const nc_array *a, double mean, double *out)
{
    if (!a || !out)
        return nc_error_set(NC_ERR_INTERNAL, "nc_sum_sqdev_f64: bad arguments");
    if (a->dtype != NC_FLOAT64)
        return nc_error_set(NC_ERR_TYPE, "nc_sum_sqdev_f64 needs float64");
    *out = 0;
    if (a->size == 0)
        return NC_OK;
    if (a->flags & NC_C_CONTIGUOUS) {
        *out = sqdev_parallel((const double *)a->data, a->size, mean);
        return NC_OK;
    }
    nc_iter it;
    const nc_array *ops[1] = {a};
    nc_status st = nc_iter_init(&it, 1, ops, a->ndim, a->shape);
    if (st)
        return st;
    double t = 0;
    do {
        ptrdiff_t n = it.inner_size, s = it.inner_strides[0];
        const char *p = it.ptrs[0];
        if (s == (ptrdiff_t)sizeof(double)) {
            t += sqdev_pw((const double *)p, n, mean);
        } else {
            for (ptrdiff_t i = 0; i < n; i++) {
                double d = *(const double *)(p + i * s) - mean;
                t += d * d;
            }
        }
    } while (nc_iter_next(&it));
    *out = t;
    return NC_OK;
}
