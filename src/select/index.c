/* index.c: gathers, scatters, mask compaction, nonzero and where.
 *
 * The binding hands these functions arrays whose indexed axes come first;
 * they validate that geometry once at entry and then trust it.  Loops walk
 * the index (or mask) shape in C order with an odometer and move a "rest"
 * block per selected position; rest axes that are contiguous together are
 * coalesced first so that the common cases become memcpy-sized moves.
 * Typed per-element-size loops (select.inc.c) handle blocks of one element.
 * Invariant: nothing is written before every index in the current run has
 * been checked -- except for scatters, where NumPy also leaves earlier
 * writes in place when a later index is out of bounds. */
#include <string.h>
#include <stdint.h>
#include <stdatomic.h>
#include "numc/select.h"
#include "numc/alloc.h"
#include "numc/iter.h"
#include "core/parallel.h"

/* Maps index j onto [0, len) by `mode` (NumPy's take/put modes; indexing
 * uses raise).  Returns 0 when mode is raise and j is out of bounds. */
static inline int resolve_index(int64_t *j, ptrdiff_t len, nc_clipmode mode)
{
    int64_t v = *j;
    if (mode == NC_CLIP_RAISE) {
        if (v < 0)
            v += len;
        if ((uint64_t)v >= (uint64_t)len)
            return 0;
    } else if (mode == NC_CLIP_WRAP) {
        v %= len;
        if (v < 0)
            v += len;
    } else {
        v = v < 0 ? 0 : (v >= len ? len - 1 : v);
    }
    *j = v;
    return 1;
}

typedef struct { uint64_t lo, hi; } sel_u128;

#define T uint8_t
#define SFX _1
#include "select.inc.c"
#undef T
#undef SFX
#define T uint16_t
#define SFX _2
#include "select.inc.c"
#undef T
#undef SFX
#define T uint32_t
#define SFX _4
#include "select.inc.c"
#undef T
#undef SFX
#define T uint64_t
#define SFX _8
#include "select.inc.c"
#undef T
#undef SFX
#define T sel_u128
#define SFX _16
#define SEL_NO_BITS
#include "select.inc.c"
#undef SEL_NO_BITS
#undef T
#undef SFX

/* Moves one block of `n` rest axes (shape, strides per side). */
static void copy_block(char *d, const ptrdiff_t *ds, const char *s, const ptrdiff_t *ss, int n,
                       const ptrdiff_t *shape, size_t isz)
{
    if (n == 0) {
        memcpy(d, s, isz);
        return;
    }
    if (n == 1) {
        if (ds[0] == (ptrdiff_t)isz && ss[0] == (ptrdiff_t)isz) {
            memcpy(d, s, (size_t)shape[0] * isz);
            return;
        }
        for (ptrdiff_t i = 0; i < shape[0]; i++)
            memcpy(d + i * ds[0], s + i * ss[0], isz);
        return;
    }
    for (ptrdiff_t i = 0; i < shape[0]; i++)
        copy_block(d + i * ds[0], ds + 1, s + i * ss[0], ss + 1, n - 1, shape + 1, isz);
}

/* Rest-axis geometry shared by both sides of a block move, with length-1
 * axes dropped and axes contiguous on both sides merged. */
typedef struct {
    int n;
    ptrdiff_t shape[NC_MAXDIMS], a[NC_MAXDIMS], b[NC_MAXDIMS];
} rest_geom;

static void rest_init(rest_geom *r, int n, const ptrdiff_t *shape, const ptrdiff_t *sa,
                      const ptrdiff_t *sb)
{
    r->n = 0;
    for (int i = 0; i < n; i++) {
        if (shape[i] == 1)
            continue;
        int k = r->n;
        if (k > 0 && r->a[k - 1] == sa[i] * shape[i] && r->b[k - 1] == sb[i] * shape[i]) {
            r->shape[k - 1] *= shape[i];
            r->a[k - 1] = sa[i];
            r->b[k - 1] = sb[i];
            continue;
        }
        r->shape[k] = shape[i];
        r->a[k] = sa[i];
        r->b[k] = sb[i];
        r->n++;
    }
}

static int64_t load_i64(const char *p)
{
    int64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Applies the mode to index j of an axis of length len (> 0 unless raise);
 * returns 0 when out of bounds in raise mode. */
static int fix_index(int64_t *j, ptrdiff_t len, nc_clipmode mode)
{
    int64_t v = *j;
    if (mode == NC_CLIP_RAISE) {
        if (v < 0)
            v += len;
        if ((uint64_t)v >= (uint64_t)len)
            return 0;
    } else if (mode == NC_CLIP_WRAP) {
        v %= len;
        if (v < 0)
            v += len;
    } else {
        v = v < 0 ? 0 : (v >= len ? len - 1 : v);
    }
    *j = v;
    return 1;
}

static nc_status oob(int64_t j, const int *axis_ids, int k, ptrdiff_t len)
{
    return nc_error_set(NC_ERR_INDEX, "index %lld is out of bounds for axis %d with size %zd",
                        (long long)j, axis_ids ? axis_ids[k] : k, len);
}

/* Validates the common geometry of gathers and scatters: `arr` has the
 * indexed axes first, `blk` has B + rest. */
static nc_status check_geom(const nc_array *arr, int nidx, const nc_array *idx,
                            const nc_array *blk, nc_clipmode mode)
{
    if (nidx < 1 || nidx > arr->ndim)
        return nc_error_set(NC_ERR_VALUE, "bad number of index arrays");
    int nb = idx[0].ndim, nrest = arr->ndim - nidx;
    if (blk->ndim != nb + nrest || blk->dtype != arr->dtype)
        return nc_error_set(NC_ERR_VALUE, "index result geometry mismatch");
    for (int k = 0; k < nidx; k++) {
        if (idx[k].dtype != NC_INT64 || idx[k].ndim != nb)
            return nc_error_set(NC_ERR_VALUE, "index arrays must be int64 of one shape");
        for (int d = 0; d < nb; d++)
            if (idx[k].shape[d] != idx[0].shape[d])
                return nc_error_set(NC_ERR_VALUE, "index arrays must be int64 of one shape");
    }
    for (int d = 0; d < nb; d++)
        if (blk->shape[d] != idx[0].shape[d])
            return nc_error_set(NC_ERR_VALUE, "index result geometry mismatch");
    for (int d = 0; d < nrest; d++)
        if (blk->shape[nb + d] != arr->shape[nidx + d])
            return nc_error_set(NC_ERR_VALUE, "index result geometry mismatch");
    if (mode != NC_CLIP_RAISE && idx[0].size > 0)
        for (int k = 0; k < nidx; k++)
            if (arr->shape[k] == 0)
                return nc_error_set(NC_ERR_INDEX, "cannot do a non-empty take from an empty axes.");
    return NC_OK;
}

typedef ptrdiff_t (*gather1_fn)(char *, ptrdiff_t, const char *, ptrdiff_t, ptrdiff_t,
                                const char *, ptrdiff_t, ptrdiff_t, nc_clipmode);
typedef ptrdiff_t (*scatter1_fn)(char *, ptrdiff_t, ptrdiff_t, const char *, ptrdiff_t,
                                 ptrdiff_t, const char *, ptrdiff_t, nc_clipmode);

static gather1_fn gather1_for(size_t isz)
{
    switch (isz) {
    case 1: return gather1__1;
    case 2: return gather1__2;
    case 4: return gather1__4;
    case 8: return gather1__8;
    case 16: return gather1__16;
    default: return NULL;
    }
}

static scatter1_fn scatter1_for(size_t isz)
{
    switch (isz) {
    case 1: return scatter1__1;
    case 2: return scatter1__2;
    case 4: return scatter1__4;
    case 8: return scatter1__8;
    case 16: return scatter1__16;
    default: return NULL;
    }
}

static ptrdiff_t absd(ptrdiff_t x) { return x < 0 ? -x : x; }

/* Long gathers are split over the thread pool by index position: parts
 * write disjoint output ranges.  On a bad index every part stops at its
 * first one and the smallest position wins, so the error names the same
 * index as a serial walk would.  (Scatters stay serial: with repeated
 * indices the last write must win.) */
#define GATHER_PAR_MIN 16384 /* index positions per part, at least */

typedef struct par_gather {
    gather1_fn g1;           /* typed 1-d loop, or NULL: rest blocks */
    char *bp;
    ptrdiff_t bstep;
    const char *ip;
    ptrdiff_t istep;
    const nc_array *arr;
    nc_clipmode mode;
    const rest_geom *r;      /* for blocks */
    size_t isz;
    atomic_ptrdiff_t bad;    /* first bad position, or PTRDIFF_MAX */
    atomic_llong bad_value;  /* the index found there */
} par_gather;

static void note_bad(par_gather *p, ptrdiff_t at, int64_t value)
{
    ptrdiff_t cur = atomic_load(&p->bad);
    while (at < cur && !atomic_compare_exchange_weak(&p->bad, &cur, at))
        ;
    /* value goes with the smallest position: recheck after publishing */
    if (atomic_load(&p->bad) == at)
        atomic_store(&p->bad_value, value);
}

static void par_gather_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    par_gather *p = arg;
    const nc_array *arr = p->arr;
    if (p->g1) {
        ptrdiff_t bad = p->g1(p->bp + b * p->bstep, p->bstep, p->ip + b * p->istep, p->istep, e - b,
                              arr->data, arr->strides[0], arr->shape[0], p->mode);
        if (bad >= 0)
            note_bad(p, b + bad, load_i64(p->ip + (b + bad) * p->istep));
        return;
    }
    for (ptrdiff_t i = b; i < e; i++) {
        int64_t j = load_i64(p->ip + i * p->istep), j0 = j;
        if (!fix_index(&j, arr->shape[0], p->mode)) {
            note_bad(p, i, j0);
            return;
        }
        copy_block(p->bp + i * p->bstep, p->r->a, arr->data + j * arr->strides[0], p->r->b,
                   p->r->n, p->r->shape, p->isz);
    }
}

/* One row of a single-index gather in parallel; 0 when it is too short
 * (then nothing was done), else 1 with *st set. */
static int gather_row_par(gather1_fn g1, char *bp, ptrdiff_t bstep, const char *ip,
                          ptrdiff_t istep, ptrdiff_t n, const nc_array *arr, const rest_geom *r,
                          size_t isz, nc_clipmode mode, const int *axis_ids, nc_status *st)
{
    ptrdiff_t per = 1; /* elements moved per index position */
    for (int d = 0; !g1 && d < r->n; d++)
        per *= r->shape[d];
    ptrdiff_t chunk = nc__par_chunk(n, GATHER_PAR_MIN / (per > 0 ? per : 1) + 1, 1);
    if (chunk >= n)
        return 0;
    par_gather p = {g1, bp, bstep, ip, istep, arr, mode, r, isz, PTRDIFF_MAX, 0};
    nc__parallel_for(n, chunk, par_gather_part, &p);
    ptrdiff_t bad = atomic_load(&p.bad);
    *st = bad == PTRDIFF_MAX ? NC_OK : oob((int64_t)atomic_load(&p.bad_value), axis_ids, 0,
                                           arr->shape[0]);
    return 1;
}

/* Shared walk of gathers (scatter == 0) and scatters over B in C order.
 * With one index array and the indexed axis the fastest-moving in memory
 * (or no rest axes), a typed 1-d loop runs per (row of B, rest position);
 * otherwise each index position moves a rest block. */
static nc_status walk(nc_array *arr, int nidx, const nc_array *idx, const int *axis_ids,
                      nc_clipmode mode, nc_array *blk, int scatter)
{
    int nb = idx[0].ndim, nrest = arr->ndim - nidx;
    size_t isz = (size_t)nc_dtype_info(arr->dtype)->itemsize;
    if (idx[0].size == 0)
        return NC_OK;
    rest_geom r;
    rest_init(&r, nrest, arr->shape + nidx, blk->strides + nb, arr->strides + nidx);
    ptrdiff_t nlast = nb ? idx[0].shape[nb - 1] : 1;
    ptrdiff_t bstep = nb ? blk->strides[nb - 1] : 0;
    ptrdiff_t istep[NC_MAXDIMS];
    for (int k = 0; k < nidx; k++)
        istep[k] = nb ? idx[k].strides[nb - 1] : 0;
    int typed = nidx == 1 && (r.n == 0 || absd(arr->strides[0]) < absd(r.b[r.n - 1]));
    for (int d = 0; d < r.n; d++)
        typed &= r.shape[d] > 0; /* an empty rest still needs its bounds checks */
    gather1_fn g1 = typed && !scatter ? gather1_for(isz) : NULL;
    scatter1_fn s1 = typed && scatter ? scatter1_for(isz) : NULL;
    ptrdiff_t pos[NC_MAXDIMS];
    for (int d = 0; d < nb; d++)
        pos[d] = 0;
    for (;;) {
        /* start of this row of B */
        char *bp = blk->data;
        const char *ip[NC_MAXDIMS];
        for (int k = 0; k < nidx; k++)
            ip[k] = idx[k].data;
        for (int d = 0; d < nb - 1; d++) {
            bp += pos[d] * blk->strides[d];
            for (int k = 0; k < nidx; k++)
                ip[k] += pos[d] * idx[k].strides[d];
        }
        if (g1 || s1) {
            ptrdiff_t rpos[NC_MAXDIMS];
            for (int d = 0; d < r.n; d++)
                rpos[d] = 0;
            for (;;) {
                char *bq = bp, *aq = arr->data;
                for (int d = 0; d < r.n; d++) {
                    bq += rpos[d] * r.a[d];
                    aq += rpos[d] * r.b[d];
                }
                nc_status pst;
                if (g1 && r.n == 0 && nlast >= 2 * GATHER_PAR_MIN &&
                    gather_row_par(g1, bq, bstep, ip[0], istep[0], nlast, arr, &r, isz, mode,
                                   axis_ids, &pst)) {
                    if (pst)
                        return pst;
                    break;
                }
                ptrdiff_t bad = g1 ? g1(bq, bstep, ip[0], istep[0], nlast, aq, arr->strides[0],
                                        arr->shape[0], mode)
                                   : s1(aq, arr->strides[0], arr->shape[0], ip[0], istep[0],
                                        nlast, bq, bstep, mode);
                if (bad >= 0)
                    return oob(load_i64(ip[0] + bad * istep[0]), axis_ids, 0, arr->shape[0]);
                int d = r.n - 1;
                for (; d >= 0; d--) {
                    if (++rpos[d] < r.shape[d])
                        break;
                    rpos[d] = 0;
                }
                if (d < 0)
                    break;
            }
        } else {
            nc_status pst;
            ptrdiff_t count = nlast;
            if (!scatter && nidx == 1 &&
                gather_row_par(NULL, bp, bstep, ip[0], istep[0], nlast, arr, &r, isz, mode,
                               axis_ids, &pst)) {
                if (pst)
                    return pst;
                count = 0; /* this row is done */
            }
            for (ptrdiff_t i = 0; i < count; i++) {
                char *ap = arr->data;
                for (int k = 0; k < nidx; k++) {
                    int64_t j = load_i64(ip[k] + i * istep[k]);
                    int64_t j0 = j;
                    if (!fix_index(&j, arr->shape[k], mode))
                        return oob(j0, axis_ids, k, arr->shape[k]);
                    ap += j * arr->strides[k];
                }
                if (scatter)
                    copy_block(ap, r.b, bp + i * bstep, r.a, r.n, r.shape, isz);
                else
                    copy_block(bp + i * bstep, r.a, ap, r.b, r.n, r.shape, isz);
            }
        }
        int d = nb - 2;
        for (; d >= 0; d--) {
            if (++pos[d] < idx[0].shape[d])
                break;
            pos[d] = 0;
        }
        if (d < 0)
            return NC_OK;
    }
}

nc_status nc_index_gather(const nc_array *src, int nidx, const nc_array *idx, const int *axis_ids,
                          nc_clipmode mode, nc_array *dst)
{
    nc_status st = check_geom(src, nidx, idx, dst, mode);
    if (st)
        return st;
    return walk((nc_array *)src, nidx, idx, axis_ids, mode, dst, 0);
}

nc_status nc_index_scatter(nc_array *dst, int nidx, const nc_array *idx, const int *axis_ids,
                           nc_clipmode mode, const nc_array *val)
{
    nc_status st = check_geom(dst, nidx, idx, val, mode);
    if (st)
        return st;
    return walk(dst, nidx, idx, axis_ids, mode, (nc_array *)val, 1);
}

/* --- masks ---------------------------------------------------------------- */

/* Mask axes of `m` against the leading axes of `a`, coalesced. */
typedef struct {
    int n;
    ptrdiff_t shape[NC_MAXDIMS], ms[NC_MAXDIMS], as[NC_MAXDIMS];
} mask_geom;

static nc_status mask_init(mask_geom *g, const nc_array *m, const nc_array *a)
{
    if (m->dtype != NC_BOOL || m->ndim > a->ndim)
        return nc_error_set(NC_ERR_VALUE, "mask must be bool with at most the array's ndim");
    g->n = 0;
    for (int i = 0; i < m->ndim; i++) {
        if (m->shape[i] != a->shape[i])
            return nc_error_set(NC_ERR_INDEX,
                                "boolean index did not match indexed array along axis %d; size "
                                "of axis is %zd but size of corresponding boolean axis is %zd",
                                i, a->shape[i], m->shape[i]);
        if (m->shape[i] == 1)
            continue;
        int k = g->n;
        if (k > 0 && g->ms[k - 1] == m->strides[i] * m->shape[i] &&
            g->as[k - 1] == a->strides[i] * m->shape[i]) {
            g->shape[k - 1] *= m->shape[i];
            g->ms[k - 1] = m->strides[i];
            g->as[k - 1] = a->strides[i];
            continue;
        }
        g->shape[k] = m->shape[i];
        g->ms[k] = m->strides[i];
        g->as[k] = a->strides[i];
        g->n++;
    }
    if (g->n == 0) { /* 0-d or all-ones mask: one row of one element */
        g->n = 1;
        g->shape[0] = 1;
        g->ms[0] = g->as[0] = 0;
    }
    return NC_OK;
}

nc_status nc_mask_count(const nc_array *mask, ptrdiff_t *count)
{
    if (mask->dtype != NC_BOOL)
        return nc_error_set(NC_ERR_VALUE, "mask must be bool");
    *count = 0;
    if (mask->size == 0)
        return NC_OK;
    mask_geom g;
    nc_status st = mask_init(&g, mask, mask);
    if (st)
        return st;
    ptrdiff_t pos[NC_MAXDIMS] = {0}, c = 0;
    int last = g.n - 1;
    for (;;) {
        const char *p = mask->data;
        for (int d = 0; d < last; d++)
            p += pos[d] * g.ms[d];
        ptrdiff_t n = g.shape[last], s = g.ms[last];
        if (s == 1) {
            for (ptrdiff_t i = 0; i < n; i++)
                c += (unsigned char)p[i] != 0;
        } else {
            for (ptrdiff_t i = 0; i < n; i++)
                c += p[i * s] != 0;
        }
        int d = last - 1;
        for (; d >= 0; d--) {
            if (++pos[d] < g.shape[d])
                break;
            pos[d] = 0;
        }
        if (d < 0)
            break;
    }
    *count = c;
    return NC_OK;
}

typedef char *(*maskg_fn)(char *, ptrdiff_t, char *, const char *, ptrdiff_t, const char *,
                          ptrdiff_t, ptrdiff_t);
typedef const char *(*masks_fn)(char *, ptrdiff_t, const char *, ptrdiff_t, const char *,
                                ptrdiff_t, ptrdiff_t);

/* Shared walk of mask gathers and scatters; `blk` has shape (count,) + R. */
static nc_status mask_walk(nc_array *arr, const nc_array *mask, nc_array *blk, int scatter)
{
    mask_geom g;
    nc_status st = mask_init(&g, mask, arr);
    if (st)
        return st;
    int nrest = arr->ndim - mask->ndim;
    if (blk->ndim != 1 + nrest || blk->dtype != arr->dtype)
        return nc_error_set(NC_ERR_VALUE, "mask result geometry mismatch");
    for (int d = 0; d < nrest; d++)
        if (blk->shape[1 + d] != arr->shape[mask->ndim + d])
            return nc_error_set(NC_ERR_VALUE, "mask result geometry mismatch");
    if (mask->size == 0 || blk->shape[0] == 0)
        return NC_OK;
    size_t isz = (size_t)nc_dtype_info(arr->dtype)->itemsize;
    rest_geom r;
    rest_init(&r, nrest, arr->shape + mask->ndim, blk->strides + 1, arr->strides + mask->ndim);
    maskg_fn mg = NULL;
    masks_fn ms = NULL;
    if (r.n == 0) {
        switch (isz) {
        case 1: mg = maskg__1; ms = masks__1; break;
        case 2: mg = maskg__2; ms = masks__2; break;
        case 4: mg = maskg__4; ms = masks__4; break;
        case 8: mg = maskg__8; ms = masks__8; break;
        case 16: mg = maskg__16; ms = masks__16; break;
        default: break;
        }
    }
    ptrdiff_t bs = blk->strides[0];
    char *bp = blk->data, *bend = blk->data + blk->shape[0] * bs;
    ptrdiff_t pos[NC_MAXDIMS] = {0};
    int last = g.n - 1;
    for (;;) {
        const char *mp = mask->data;
        char *ap = arr->data;
        for (int d = 0; d < last; d++) {
            mp += pos[d] * g.ms[d];
            ap += pos[d] * g.as[d];
        }
        ptrdiff_t n = g.shape[last], mst = g.ms[last], ast = g.as[last];
        if (!scatter && mg && bs != 0) {
            bp = mg(bp, bs, bend, mp, mst, ap, ast, n);
        } else if (scatter && ms) {
            bp = (char *)ms(ap, ast, mp, mst, bp, bs, n);
        } else {
            for (ptrdiff_t i = 0; i < n; i++) {
                if (!mp[i * mst])
                    continue;
                if (scatter)
                    copy_block(ap + i * ast, r.b, bp, r.a, r.n, r.shape, isz);
                else
                    copy_block(bp, r.a, ap + i * ast, r.b, r.n, r.shape, isz);
                bp += bs;
            }
        }
        int d = last - 1;
        for (; d >= 0; d--) {
            if (++pos[d] < g.shape[d])
                break;
            pos[d] = 0;
        }
        if (d < 0)
            return NC_OK;
    }
}

nc_status nc_mask_gather(const nc_array *src, const nc_array *mask, nc_array *dst)
{
    return mask_walk((nc_array *)src, mask, dst, 0);
}

nc_status nc_mask_scatter(nc_array *dst, const nc_array *mask, const nc_array *val)
{
    return mask_walk(dst, mask, (nc_array *)val, 1);
}

/* --- nonzero -------------------------------------------------------------- */

static int is_nonzero(const char *p, nc_dtype_id dt)
{
    switch (dt) {
    case NC_FLOAT16: {
        uint16_t h;
        memcpy(&h, p, 2);
        return (h & 0x7fff) != 0;
    }
    case NC_FLOAT32: {
        float f;
        memcpy(&f, p, 4);
        return f != 0;
    }
    case NC_FLOAT64: {
        double f;
        memcpy(&f, p, 8);
        return f != 0;
    }
    case NC_COMPLEX64: {
        float f[2];
        memcpy(f, p, 8);
        return f[0] != 0 || f[1] != 0;
    }
    case NC_COMPLEX128: {
        double f[2];
        memcpy(f, p, 16);
        return f[0] != 0 || f[1] != 0;
    }
    default: {
        int isz = nc_dtype_info(dt)->itemsize;
        for (int i = 0; i < isz; i++)
            if (p[i])
                return 1;
        return 0;
    }
    }
}

/* Bit mask selecting what makes an element of `dt` non-zero, for the
 * typed loops; 0 when the dtype needs is_nonzero (16-byte complex). */
static uint64_t nz_keep(nc_dtype_id dt)
{
    switch (dt) {
    case NC_FLOAT16: return 0x7fffu;
    case NC_FLOAT32: return 0x7fffffffu;
    case NC_FLOAT64: return 0x7fffffffffffffffu;
    case NC_COMPLEX64: return 0x7fffffff7fffffffu;
    case NC_COMPLEX128: return 0;
    default: return ~(uint64_t)0;
    }
}

/* Counts (out == NULL) or writes the positions of one row of n elements;
 * returns the new count. */
static ptrdiff_t nz_row(const char *p, ptrdiff_t s, ptrdiff_t n, nc_dtype_id dt, int64_t *out,
                        ptrdiff_t c, ptrdiff_t cap)
{
    uint64_t keep = nz_keep(dt);
    if (keep) {
        switch (nc_dtype_info(dt)->itemsize) {
        case 1: return out ? nzpos__1(p, s, n, (uint8_t)keep, out, c, cap)
                           : c + nzcount__1(p, s, n, (uint8_t)keep);
        case 2: return out ? nzpos__2(p, s, n, (uint16_t)keep, out, c, cap)
                           : c + nzcount__2(p, s, n, (uint16_t)keep);
        case 4: return out ? nzpos__4(p, s, n, (uint32_t)keep, out, c, cap)
                           : c + nzcount__4(p, s, n, (uint32_t)keep);
        case 8: return out ? nzpos__8(p, s, n, keep, out, c, cap)
                           : c + nzcount__8(p, s, n, keep);
        default: break;
        }
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        if (!is_nonzero(p + i * s, dt))
            continue;
        if (out)
            out[c] = i;
        c++;
    }
    return c;
}

/* Visits the elements of `a` in C order; with `out` == NULL only counts.
 * Row k of out (k < ndim-1) gets the outer index of each found element
 * after its row has been scanned. */
static ptrdiff_t nonzero_pass(const nc_array *a, int64_t *out, ptrdiff_t count)
{
    ptrdiff_t pos[NC_MAXDIMS] = {0}, c = 0;
    int nd = a->ndim, last = nd - 1;
    if (nd == 0)
        return is_nonzero(a->data, a->dtype) ? (out ? (out[0] = 0, 1) : 1) : 0;
    if (a->shape[last] == 0)
        return 0;
    for (;;) {
        const char *p = a->data;
        for (int d = 0; d < last; d++)
            p += pos[d] * a->strides[d];
        ptrdiff_t c0 = c;
        c = nz_row(p, a->strides[last], a->shape[last], a->dtype,
                   out ? out + (ptrdiff_t)last * count : NULL, c, count);
        if (out)
            for (int d = 0; d < last; d++)
                for (ptrdiff_t j = c0; j < c; j++)
                    out[d * count + j] = pos[d];
        int d = last - 1;
        for (; d >= 0; d--) {
            if (++pos[d] < a->shape[d])
                break;
            pos[d] = 0;
        }
        if (d < 0)
            return c;
    }
}

/* nonzero of a long 1-d array in two parallel passes: each part counts its
 * non-zeros, then writes its positions from its own start in the output
 * (stores past a part's end go to nzpos_'s scratch slot, never into the
 * next part's range). */
#define NZ_PAR_MIN 65536
#define NZ_PAR_MAXPARTS 64

typedef struct nz_par {
    const nc_array *a;
    ptrdiff_t chunk;
    int64_t *out;
    ptrdiff_t start[NZ_PAR_MAXPARTS + 1]; /* counts in pass 1, then starts */
} nz_par;

static void nz_count_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    nz_par *z = arg;
    const nc_array *a = z->a;
    z->start[b / z->chunk + 1] =
        nz_row(a->data + b * a->strides[0], a->strides[0], e - b, a->dtype, NULL, 0, 0);
}

static void nz_write_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    nz_par *z = arg;
    const nc_array *a = z->a;
    const ptrdiff_t k = b / z->chunk, c0 = z->start[k], c1 = z->start[k + 1];
    nz_row(a->data + b * a->strides[0], a->strides[0], e - b, a->dtype, z->out, c0, c1);
    for (ptrdiff_t j = c0; j < c1; j++)
        z->out[j] += b; /* positions were written relative to the part */
}

nc_status nc_nonzero(const nc_array *a, nc_array *out)
{
    nz_par z = {a, 0, NULL, {0}};
    ptrdiff_t count;
    int par = 0;
    if (a->ndim == 1 && a->size >= 2 * NZ_PAR_MIN) {
        z.chunk = nc__par_chunk(a->size, NZ_PAR_MIN, 64);
        if (z.chunk < a->size) {
            if ((a->size - 1) / z.chunk + 1 > NZ_PAR_MAXPARTS)
                z.chunk = (a->size - 1) / NZ_PAR_MAXPARTS + 1;
            par = 1;
        }
    }
    if (par) {
        const ptrdiff_t parts = (a->size - 1) / z.chunk + 1;
        nc__parallel_for(a->size, z.chunk, nz_count_part, &z);
        for (ptrdiff_t k = 0; k < parts; k++)
            z.start[k + 1] += z.start[k];
        count = z.start[parts];
    } else {
        count = a->size ? nonzero_pass(a, NULL, 0) : 0;
    }
    ptrdiff_t shape[2] = {a->ndim ? a->ndim : 1, count};
    nc_status st = nc_array_init_empty(out, NC_INT64, 2, shape, NC_ORDER_C, 0);
    if (st)
        return st;
    if (count && par) {
        z.out = (int64_t *)out->data;
        nc__parallel_for(a->size, z.chunk, nz_write_part, &z);
    } else if (count) {
        nonzero_pass(a, (int64_t *)out->data, count);
    }
    return NC_OK;
}

/* --- where ---------------------------------------------------------------- */

typedef void (*where_fn)(char *, ptrdiff_t, const char *, ptrdiff_t, const char *, ptrdiff_t,
                         const char *, ptrdiff_t, ptrdiff_t);

typedef struct where_kernel { where_fn fn; } where_kernel;

static void where_run(void *ctx, char *const *p, const ptrdiff_t *s, ptrdiff_t n)
{
    ((const where_kernel *)ctx)->fn(p[0], s[0], p[1], s[1], p[2], s[2], p[3], s[3], n);
}

nc_status nc_where(const nc_array *cond, const nc_array *x, const nc_array *y, nc_array *out)
{
    if (cond->dtype != NC_BOOL || x->dtype != out->dtype || y->dtype != out->dtype)
        return nc_error_set(NC_ERR_VALUE, "where: operand dtypes do not match");
    where_fn fn;
    switch (nc_dtype_info(out->dtype)->itemsize) {
    case 1: fn = where__1; break;
    case 2: fn = where__2; break;
    case 4: fn = where__4; break;
    case 8: fn = where__8; break;
    case 16: fn = where__16; break;
    default: return nc_error_set(NC_ERR_INTERNAL, "where: unexpected itemsize");
    }
    const nc_array *ops[4] = {out, cond, x, y};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 4, ops, out->ndim, out->shape);
    if (st)
        return st;
    /* out is fresh or checked for overlap by the caller, so runs are
     * independent and may go to threads */
    where_kernel k = {fn};
    if (nc__par_iter(&it, 65536, where_run, &k))
        return NC_OK;
    if (nc_iter_size(&it) > 0)
        do
            fn(it.ptrs[0], it.inner_strides[0], it.ptrs[1], it.inner_strides[1], it.ptrs[2],
               it.inner_strides[2], it.ptrs[3], it.inner_strides[3], it.inner_size);
        while (nc_iter_next(&it));
    return NC_OK;
}

/* --- strided views -------------------------------------------------------- */

nc_status nc_view_check_extent(const nc_buffer *buf, const char *data, int ndim,
                               const ptrdiff_t *shape, const ptrdiff_t *strides, int itemsize)
{
    /* offsets are computed relative to data in wide arithmetic so that a
     * hostile stride cannot wrap around */
    ptrdiff_t lo = 0, hi = itemsize;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0)
            return nc_error_set(NC_ERR_VALUE, "negative dimensions are not allowed");
        if (shape[i] == 0)
            return NC_OK; /* an empty view touches nothing */
    }
    for (int i = 0; i < ndim; i++) {
        ptrdiff_t span;
        if (__builtin_mul_overflow(shape[i] - 1, strides[i], &span))
            return nc_error_set(NC_ERR_VALUE, "strided view overflows the address space");
        if (span < 0 ? __builtin_add_overflow(lo, span, &lo)
                     : __builtin_add_overflow(hi, span, &hi))
            return nc_error_set(NC_ERR_VALUE, "strided view overflows the address space");
    }
    ptrdiff_t off = data - buf->data, a, b;
    if (__builtin_add_overflow(off, lo, &a) || __builtin_add_overflow(off, hi, &b) || a < 0 ||
        b > (ptrdiff_t)buf->size)
        return nc_error_set(NC_ERR_VALUE,
                            "as_strided: the requested view reaches outside the array's memory");
    return NC_OK;
}
