/* pad.c: np.pad's index-only modes (constant, edge, reflect, symmetric,
 * wrap, empty) into a fresh C-ordered array, and the per-lane modes
 * (maximum, minimum, mean, median, linear_ramp) on an already padded one.
 *
 * Invariants: the center is copied first; axes are then padded in order,
 * and the pad of axis i spans the full (already padded) extent of axes < i
 * and only the center of axes > i, so later axes own the corners exactly as
 * NumPy's per-axis algorithm does.  Every non-constant mode maps an output
 * index to a center index by a function that is piecewise linear with slope
 * -1, 0 or 1; each linear run is one slab copy (nc_array_copy, contiguous
 * rows move as whole rows), never an element loop here.
 * nc_pad_first_lanes merges the first two steps for the stat modes: each
 * center row is copied and reduced into axis 0's statistics in one visit
 * (and, in 2-d, gets its own last-axis pads while it is in cache); a row's
 * pads depend only on that row, so the per-axis order is kept. */
#include <string.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include "core/parallel.h"
#include "numc/manip_shape.h"
#include "numc/alloc.h"
#include "numc/fill.h"

/* out index p (in [0, before) or [before + n, total)) -> center index */
static ptrdiff_t map_index(nc_pad_mode mode, ptrdiff_t p, ptrdiff_t before, ptrdiff_t n)
{
    ptrdiff_t q = p - before, per, r;
    switch (mode) {
    case NC_PAD_EDGE:
        return q < 0 ? 0 : n - 1;
    case NC_PAD_WRAP:
        r = q % n;
        return r < 0 ? r + n : r;
    case NC_PAD_REFLECT:
        if (n == 1)
            return 0;
        per = 2 * (n - 1);
        r = q % per;
        if (r < 0)
            r += per;
        return r < n ? r : per - r;
    default: /* symmetric */
        per = 2 * n;
        r = q % per;
        if (r < 0)
            r += per;
        return r < n ? r : per - 1 - r;
    }
}

static int next_lane(int nd, const ptrdiff_t *shape, ptrdiff_t *idx)
{
    for (int i = nd - 1; i >= 0; i--) {
        if (++idx[i] < shape[i])
            return 1;
        idx[i] = 0;
    }
    return 0;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* memcpy with non-temporal stores: for outputs far larger than the caches
 * it skips the read-for-ownership of every destination line. */
static void copy_stream(char *d, const char *s, size_t n)
{
    size_t head = (16 - ((uintptr_t)d & 15)) & 15;
    if (head > n)
        head = n;
    memcpy(d, s, head);
    d += head;
    s += head;
    n -= head;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(s + i + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(s + i + 32));
        __m128i e = _mm_loadu_si128((const __m128i *)(s + i + 48));
        _mm_stream_si128((__m128i *)(d + i), a);
        _mm_stream_si128((__m128i *)(d + i + 16), b);
        _mm_stream_si128((__m128i *)(d + i + 32), c);
        _mm_stream_si128((__m128i *)(d + i + 48), e);
    }
    memcpy(d + i, s + i, n - i);
}
#define STREAM_MIN ((ptrdiff_t)16 << 20)
#endif

/* dst = src for views of one shape and dtype: one memcpy per row when the
 * last axis is contiguous in both (the usual case for pad's slabs), the
 * general copy otherwise.  `may_stream` allows non-temporal stores for big
 * copies; it must be 0 when the destination is read again soon (the stat
 * modes fill an "empty" pad and then read its center back), because
 * streamed lines leave the caches and would come back from DRAM. */
/* Rows of a two-dimensional copy_rows, split over the thread pool. */
typedef struct rows_job {
    char *d;
    const char *s;
    ptrdiff_t ds, ss;
    size_t row;
    int stream;
} rows_job;

static void copy_rows_part(void *arg, ptrdiff_t b, ptrdiff_t e)
{
    const rows_job *j = arg;
    for (ptrdiff_t i = b; i < e; i++) {
#if defined(__SSE2__)
        if (j->stream) {
            copy_stream(j->d + i * j->ds, j->s + i * j->ss, j->row);
            continue;
        }
#endif
        memcpy(j->d + i * j->ds, j->s + i * j->ss, j->row);
    }
#if defined(__SSE2__)
    if (j->stream)
        _mm_sfence(); /* each thread orders its own streaming stores */
#endif
}

static nc_status copy_rows(nc_array *dst, const nc_array *src, int may_stream)
{
    int nd = dst->ndim;
    size_t isz = (size_t)nc_dtype_info(dst->dtype)->itemsize;
    if (nd == 0 || dst->size == 0 || src->ndim != nd || src->dtype != dst->dtype ||
        dst->strides[nd - 1] != (ptrdiff_t)isz || src->strides[nd - 1] != (ptrdiff_t)isz ||
        dst->shape[nd - 1] < 64)
        return nc_array_copy(dst, src, NC_CAST_NO);
    size_t row = isz * (size_t)dst->shape[nd - 1];
    ptrdiff_t idx[NC_MAXDIMS] = {0};
#if defined(__SSE2__)
    int stream = may_stream && dst->size > STREAM_MIN / (ptrdiff_t)isz;
#else
    int stream = 0;
#endif
    if (nd == 2) {
        ptrdiff_t chunk = nc__par_chunk(dst->shape[0], (ptrdiff_t)(65536 * isz / row) + 1, 1);
        if (chunk < dst->shape[0]) {
            rows_job j = {dst->data, src->data, dst->strides[0], src->strides[0], row, stream};
            nc__parallel_for(dst->shape[0], chunk, copy_rows_part, &j);
            return NC_OK;
        }
    }
    do {
        char *d = dst->data;
        const char *s = src->data;
        for (int i = 0; i < nd - 1; i++) {
            d += idx[i] * dst->strides[i];
            s += idx[i] * src->strides[i];
        }
#if defined(__SSE2__)
        if (stream) {
            copy_stream(d, s, row);
            continue;
        }
#endif
        memcpy(d, s, row);
    } while (next_lane(nd - 1, dst->shape, idx));
#if defined(__SSE2__)
    if (stream)
        _mm_sfence();
#endif
    return NC_OK;
}

/* View of `a` whose axis i is [start[i], start[i]+len[i]) with stride
 * multiplied by dir on `axis`. */
static nc_status box(const nc_array *a, const ptrdiff_t *start, const ptrdiff_t *len, int axis,
                     int dir, nc_array *v)
{
    ptrdiff_t strides[NC_MAXDIMS];
    char *data = a->data;
    int empty = 0;
    for (int i = 0; i < a->ndim; i++) {
        strides[i] = a->strides[i];
        if (len[i] == 0)
            empty = 1;
    }
    if (!empty)
        for (int i = 0; i < a->ndim; i++)
            data += start[i] * a->strides[i];
    if (dir < 0)
        strides[axis] = -strides[axis];
    else if (dir == 0)
        strides[axis] = 0;
    memset(v, 0, sizeof *v);
    return nc_array_init_view(v, a->buffer, data, a->dtype, a->ndim, len, strides, 1);
}

static nc_status fill_axis(nc_array *out, const nc_array *src, const ptrdiff_t *widths, int axis,
                           nc_pad_mode mode, const char *cvals)
{
    ptrdiff_t start[NC_MAXDIMS], len[NC_MAXDIMS];
    for (int i = 0; i < out->ndim; i++) {
        if (i < axis) {
            start[i] = 0;
            len[i] = out->shape[i];
        } else {
            start[i] = widths[2 * i];
            len[i] = src->shape[i];
        }
    }
    ptrdiff_t before = widths[2 * axis], after = widths[2 * axis + 1], n = src->shape[axis];
    ptrdiff_t total = out->shape[axis];
    nc_status st = NC_OK;
    nc_array d, s;
    if (mode == NC_PAD_CONSTANT) {
        for (int side = 0; side < 2 && !st; side++) {
            start[axis] = side ? before + n : 0;
            len[axis] = side ? after : before;
            st = box(out, start, len, axis, 1, &d);
            if (!st)
                st = nc_array_fill(&d, cvals + (2 * axis + side) * nc_dtype_info(out->dtype)->itemsize,
                                   out->dtype);
            nc_array_clear(&d);
        }
        return st;
    }
    if (n == 0)
        return nc_error_set(NC_ERR_VALUE, "can't extend empty axis %d using modes other than 'constant' or 'empty'", axis);
    ptrdiff_t sstart[NC_MAXDIMS], slen[NC_MAXDIMS];
    memcpy(sstart, start, sizeof(ptrdiff_t) * (size_t)out->ndim);
    memcpy(slen, len, sizeof(ptrdiff_t) * (size_t)out->ndim);
    for (int side = 0; side < 2 && !st; side++) {
        ptrdiff_t p = side ? before + n : 0, end = side ? total : before;
        while (p < end && !st) {
            ptrdiff_t m0 = map_index(mode, p, before, n), run = 1, dir = 0;
            if (p + 1 < end) {
                dir = map_index(mode, p + 1, before, n) - m0;
                if (dir < -1 || dir > 1)
                    dir = 0; /* a wrap/reflect jump: a run of one */
                else
                    while (p + run < end && map_index(mode, p + run, before, n) == m0 + dir * run)
                        run++;
            }
            start[axis] = p;
            len[axis] = run;
            sstart[axis] = before + m0;
            slen[axis] = run;
            st = box(out, start, len, axis, 1, &d);
            if (!st)
                st = box(out, sstart, slen, axis, (int)dir, &s);
            else
                memset(&s, 0, sizeof s);
            if (!st)
                st = dir == 1 ? copy_rows(&d, &s, 1) : nc_array_copy(&d, &s, NC_CAST_NO);
            nc_array_clear(&d);
            nc_array_clear(&s);
            p += run;
        }
    }
    return st;
}

nc_status nc_pad(const nc_array *src, const ptrdiff_t *widths, nc_pad_mode mode,
                 const char *cvals, nc_array *out)
{
    ptrdiff_t oshape[NC_MAXDIMS], size;
    for (int i = 0; i < src->ndim; i++) {
        ptrdiff_t b = widths[2 * i], a = widths[2 * i + 1];
        if (b < 0 || a < 0)
            return nc_error_set(NC_ERR_VALUE, "index can't contain negative values");
        if (b > PTRDIFF_MAX - src->shape[i] || a > PTRDIFF_MAX - src->shape[i] - b)
            return nc_error_set(NC_ERR_VALUE, "array is too big");
        oshape[i] = b + src->shape[i] + a;
    }
    nc_status st = nc_shape_size(src->ndim, oshape, nc_dtype_info(src->dtype)->itemsize, &size);
    if (st)
        return st;
    if (mode != NC_PAD_CONSTANT && mode != NC_PAD_EMPTY)
        for (int i = 0; i < src->ndim; i++)
            if (src->shape[i] == 0 && (widths[2 * i] || widths[2 * i + 1]))
                return nc_error_set(NC_ERR_VALUE, "can't extend empty axis %d using modes other than 'constant' or 'empty'", i);
    st = nc_array_init_empty(out, src->dtype, src->ndim, oshape, NC_ORDER_C, 0);
    if (st || size == 0)
        return st;
    ptrdiff_t start[NC_MAXDIMS];
    for (int i = 0; i < src->ndim; i++)
        start[i] = widths[2 * i];
    nc_array center;
    st = box(out, start, src->shape, 0, 1, &center);
    if (!st)
        st = copy_rows(&center, src, mode != NC_PAD_EMPTY);
    nc_array_clear(&center);
    if (mode != NC_PAD_EMPTY)
        for (int i = 0; i < src->ndim && !st; i++)
            st = fill_axis(out, src, widths, i, mode, cvals);
    if (st)
        nc_array_clear(out);
    return st;
}

/* --- per-lane modes: statistics and linear ramps ---------------------------
 * Each 1-d lane along `axis` is read into a complex128 or float64 buffer
 * through the cast kernels (so any stride and dtype), reduced there, and the
 * value(s) are cast back into the pad areas.  Integer results are rounded
 * half to even (stats) or floored (ramps) first, as NumPy's pad does. */

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int cmp_c(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* k-th smallest of v[0..n) (no NaNs), partially reordering v */
static double select_kth(double *v, ptrdiff_t n, ptrdiff_t k)
{
    ptrdiff_t lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = v[lo + (hi - lo) / 2];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                double t = v[i];
                v[i++] = v[j];
                v[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return v[k];
}

/* Sum in NumPy's pairwise order (8 accumulators over blocks of at most
 * 128, halves split at multiples of 8), so means round like np.mean's. */
static double pairwise_sum(const double *v, ptrdiff_t n)
{
    if (n < 8) {
        double s = 0.;
        for (ptrdiff_t i = 0; i < n; i++)
            s += v[i];
        return s;
    }
    if (n <= 128) {
        double r[8];
        for (int k = 0; k < 8; k++)
            r[k] = v[k];
        ptrdiff_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++)
                r[k] += v[i + k];
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            s += v[i];
        return s;
    }
    ptrdiff_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum(v, n2) + pairwise_sum(v + n2, n - n2);
}

/* stat of v[0..n) (w = 1 real, 2 complex) into r[0..w) */
static void lane_stat(nc_pad_stat stat, double *v, ptrdiff_t n, int w, double *r)
{
    r[0] = r[w - 1] = 0;
    if (n == 0) {
        r[0] = r[w - 1] = NAN;
        return;
    }
    if (stat == NC_PADSTAT_MEAN && w == 1) {   /* NaNs propagate through the sum */
        r[0] = pairwise_sum(v, n) / (double)n;
        return;
    }
    if (w == 1 && (stat == NC_PADSTAT_MAX || stat == NC_PADSTAT_MIN)) {
        /* 4 NaN-propagating accumulators; a zero result may hide a choice
         * between +0 and -0, which the exact loop below settles */
        double m[4] = {v[0], v[0], v[0], v[0]};
        ptrdiff_t i = 0;
        int mx = stat == NC_PADSTAT_MAX;
        for (; i + 4 <= n; i += 4)
            for (int k = 0; k < 4; k++) {
                double b = v[i + k];
                m[k] = ((mx ? b > m[k] : b < m[k]) || b != b) ? b : m[k];
            }
        for (; i < n; i++)
            m[0] = ((mx ? v[i] > m[0] : v[i] < m[0]) || v[i] != v[i]) ? v[i] : m[0];
        for (int k = 1; k < 4; k++)
            m[0] = ((mx ? m[k] > m[0] : m[k] < m[0]) || m[k] != m[k]) ? m[k] : m[0];
        if (m[0] != m[0]) {
            r[0] = NAN;
            return;
        }
        if (m[0] != 0) {
            r[0] = m[0];
            return;
        }
    }
    for (ptrdiff_t i = 0; i < n; i++)
        for (int c = 0; c < w; c++)
            if (isnan(v[i * w + c])) {
                r[0] = r[w - 1] = NAN;
                return;
            }
    if (stat == NC_PADSTAT_MEAN && w == 1) {
        r[0] = pairwise_sum(v, n) / (double)n;
        return;
    }
    if (stat == NC_PADSTAT_MEAN) {
        for (int c = 0; c < w; c++) {
            double s = 0;
            for (ptrdiff_t i = 0; i < n; i++)
                s += v[i * w + c];
            r[c] = s / (double)n;
        }
        return;
    }
    if (stat == NC_PADSTAT_MEDIAN && w == 1) {
        double hi = select_kth(v, n, n / 2);
        if (n % 2 == 0) {
            double lo = v[0];
            for (ptrdiff_t i = 1; i < n / 2; i++)   /* max of the lower half */
                if (v[i] > lo)
                    lo = v[i];
            r[0] = (lo + hi) / 2;
        } else {
            r[0] = hi;
        }
        return;
    }
    if (stat == NC_PADSTAT_MEDIAN) {
        qsort(v, (size_t)n, sizeof(double) * (size_t)w, w == 1 ? cmp_d : cmp_c);
        for (int c = 0; c < w; c++)
            r[c] = n % 2 ? v[(n / 2) * w + c] : (v[(n / 2 - 1) * w + c] + v[(n / 2) * w + c]) / 2;
        return;
    }
    ptrdiff_t best = 0;
    for (ptrdiff_t i = 1; i < n; i++) {
        int c = w == 1 ? cmp_d(v + i, v + best) : cmp_c(v + 2 * i, v + 2 * best);
        if ((stat == NC_PADSTAT_MAX && c > 0) || (stat == NC_PADSTAT_MIN && c < 0))
            best = i;
    }
    for (int c = 0; c < w; c++)
        r[c] = v[best * w + c];
}

/* rd() for the reads of stats: a plain strided copy when no conversion is
 * needed (float64/complex128), which the generic cast loop is slower at. */
static void gather(nc_cast_fn rd, size_t same, const char *src, ptrdiff_t ss, char *dst,
                   ptrdiff_t ds, ptrdiff_t n)
{
    if (!same) {
        rd(src, ss, dst, ds, n);
    } else if (ss == (ptrdiff_t)same && ds == (ptrdiff_t)same) {
        memcpy(dst, src, same * (size_t)n);
    } else {
        for (ptrdiff_t i = 0; i < n; i++)
            memcpy(dst + i * ds, src + i * ss, same);
    }
}

/* Stats of lanes that are not the fastest axis: lanes adjacent along the
 * last axis are read together, GROUP elements per row, so each cache line
 * of the center is fetched once instead of once per lane. */
#define GROUP 64
static nc_status stat_lanes_grouped(nc_array *out, int axis, const ptrdiff_t *widths,
                                    const ptrdiff_t *lshape, nc_pad_stat stat, ptrdiff_t n,
                                    ptrdiff_t lb, ptrdiff_t la, nc_cast_fn rd, nc_cast_fn wr,
                                    int w, int isint)
{
    int nd = out->ndim, d = nd - 1;
    ptrdiff_t before = widths[2 * axis], after = widths[2 * axis + 1], st = out->strides[axis];
    ptrdiff_t sd = out->strides[d];
    size_t row = sizeof(double) * (size_t)w;
    double *blk = nc_malloc(row * GROUP * (size_t)(n > 0 ? n : 1));
    double *lanebuf = nc_malloc(row * (size_t)(n > 0 ? n : 1));
    if (!blk || !lanebuf) {
        nc_free(blk);
        nc_free(lanebuf);
        return nc_error_set(NC_ERR_NOMEM, "pad: out of memory");
    }
    ptrdiff_t gshape[NC_MAXDIMS], idx[NC_MAXDIMS] = {0};
    double vals[2 * GROUP];
    int reuse = lb == n && la == n && before > 0;
    size_t same = nc_dtype_info(out->dtype)->id == (w == 2 ? NC_COMPLEX128 : NC_FLOAT64) ? row : 0;
    for (int i = 0; i < nd; i++)
        gshape[i] = lshape[i];
    gshape[d] = (lshape[d] + GROUP - 1) / GROUP;
    do {
        ptrdiff_t j0 = idx[d] * GROUP, g = lshape[d] - j0 < GROUP ? lshape[d] - j0 : GROUP;
        char *lane = out->data + (j0 + widths[2 * d]) * sd;
        for (int i = 0; i < d; i++)
            if (i != axis)
                lane += (idx[i] + (i > axis ? widths[2 * i] : 0)) * out->strides[i];
        char *c0 = lane + before * st;
        for (int side = 0; side < 2; side++) {
            ptrdiff_t width = side ? after : before, len = side ? la : lb;
            if (!width)
                continue;
            char *first = side ? c0 + (n - len) * st : c0;
            if (side == 1 && reuse)
                len = 0; /* the left stats are the right ones */
            for (ptrdiff_t r = 0; r < len; r++)
                gather(rd, same, first + r * st, sd, (char *)(blk + r * GROUP * w), (ptrdiff_t)row, g);
            int rowdone = 0;
            if (w == 1 && stat != NC_PADSTAT_MEDIAN && len > 0 && !(side == 1 && reuse)) {
                /* reduce across rows: g independent accumulators per row */
                double acc[GROUP];
                int nan[GROUP] = {0};
                for (ptrdiff_t j = 0; j < g; j++)
                    acc[j] = blk[j];
                for (ptrdiff_t r = 1; r < len; r++) {
                    const double *b = blk + r * GROUP;
                    if (stat == NC_PADSTAT_MEAN)
                        for (ptrdiff_t j = 0; j < g; j++)
                            acc[j] += b[j];
                    else if (stat == NC_PADSTAT_MAX)
                        for (ptrdiff_t j = 0; j < g; j++)
                            acc[j] = b[j] > acc[j] ? b[j] : acc[j];
                    else
                        for (ptrdiff_t j = 0; j < g; j++)
                            acc[j] = b[j] < acc[j] ? b[j] : acc[j];
                    if (stat != NC_PADSTAT_MEAN)
                        for (ptrdiff_t j = 0; j < g; j++)
                            nan[j] |= b[j] != b[j];
                }
                for (ptrdiff_t j = 0; j < g; j++) {
                    double v = stat == NC_PADSTAT_MEAN ? acc[j] / (double)len : acc[j];
                    if (nan[j] || blk[j] != blk[j])
                        v = NAN;
                    vals[2 * j] = isint ? nearbyint(v) : v;
                }
                rowdone = 1;
            }
            for (ptrdiff_t j = 0; j < g; j++) {
                double *val = vals + 2 * j;
                if (side == 1 && reuse) {
                    wr((char *)val, 0, c0 + n * st + j * sd, st, width);
                    continue;
                }
                if (rowdone) {
                    wr((char *)val, 0, (side ? c0 + n * st : lane) + j * sd, st, width);
                    continue;
                }
                for (ptrdiff_t r = 0; r < len; r++)
                    for (int c = 0; c < w; c++)
                        lanebuf[r * w + c] = blk[(r * GROUP + j) * w + c];
                {
                    lane_stat(stat, lanebuf, len, w, val);
                    if (isint)
                        val[0] = nearbyint(val[0]);
                }
                wr((char *)val, 0, (side ? c0 + n * st : lane) + j * sd, st, width);
            }
        }
    } while (next_lane(nd, gshape, idx));
    nc_free(blk);
    nc_free(lanebuf);
    return NC_OK;
}

/* The stat pads (not ramps) of one lane: `lane` points at its first
 * element (in the before-pad), st is its stride and n its center length;
 * buf has room for n values of w doubles. */
static void stat_one_lane(char *lane, ptrdiff_t st, ptrdiff_t before, ptrdiff_t after,
                          ptrdiff_t n, ptrdiff_t lb, ptrdiff_t la, nc_pad_stat stat, int w,
                          int isint, size_t same, nc_cast_fn rd, nc_cast_fn wr, double *buf)
{
    char *c0 = lane + before * st; /* first center element */
    double val[2] = {0, 0};
    for (int side = 0; side < 2; side++) {
        ptrdiff_t width = side ? after : before, len = side ? la : lb;
        if (!width)
            continue;
        if (!(side == 1 && lb == n && la == n && before > 0)) { /* else: left's value */
            char *first = side ? c0 + (n - len) * st : c0;
            double *v = buf;
            if (same && st == (ptrdiff_t)same && stat != NC_PADSTAT_MEDIAN &&
                (uintptr_t)first % sizeof(double) == 0)
                v = (double *)(void *)first; /* read in place: nothing is reordered */
            else
                gather(rd, same, first, st, (char *)buf, (ptrdiff_t)sizeof(double) * w, len);
            lane_stat(stat, v, len, w, val);
            if (isint)
                val[0] = nearbyint(val[0]);
        }
        wr((char *)val, 0, side ? c0 + n * st : lane, st, width);
    }
}

/* Max/min/mean of float lanes along an outer axis: every lane of one
 * last-axis row segment is reduced at once, walking the stat_length rows of
 * the center contiguously (acc[j] op= row[j], the order NumPy's strided
 * reduction uses), and each pad row is then written whole.
 * With `src` (axis 0 only, lb == n, before > 0, rows of src contiguous) the
 * center of `out` is still unwritten: each center row is read from src,
 * copied into place and reduced in the same visit, so the center crosses
 * the memory bus once instead of being written and read back. */
static nc_status stat_lanes_rows(nc_array *out, const nc_array *src, const ptrdiff_t *lastpad,
                                 int axis, const ptrdiff_t *widths, const ptrdiff_t *lshape,
                                 nc_pad_stat stat, ptrdiff_t n, ptrdiff_t lb, ptrdiff_t la,
                                 nc_cast_fn rd, nc_cast_fn wr, int isint)
{
    int nd = out->ndim, d = nd - 1;
    ptrdiff_t before = widths[2 * axis], after = widths[2 * axis + 1], st = out->strides[axis];
    ptrdiff_t sd = out->strides[d], L = lshape[d];
    size_t isz = (size_t)nc_dtype_info(out->dtype)->itemsize;
    int same = nc_dtype_info(out->dtype)->id == NC_FLOAT64 && sd == (ptrdiff_t)sizeof(double);
    int contig = sd == (ptrdiff_t)isz;
    double *acc = nc_malloc(sizeof(double) * 3 * (size_t)L);
    if (!acc)
        return nc_error_set(NC_ERR_NOMEM, "pad: out of memory");
    double *rowbuf = acc + L, *lanebuf = acc + 2 * L;
    ptrdiff_t oshape[NC_MAXDIMS], idx[NC_MAXDIMS] = {0};
    for (int i = 0; i < nd; i++)
        oshape[i] = i == d ? 1 : lshape[i];
    int reuse = lb == n && la == n && before > 0;
    do {
        char *lane = out->data + widths[2 * d] * sd;
        for (int i = 0; i < d; i++)
            if (i != axis)
                lane += (idx[i] + (i > axis ? widths[2 * i] : 0)) * out->strides[i];
        char *c0 = lane + before * st;
        const char *sl = NULL; /* this lane's first row in src */
        if (src) {
            sl = src->data;
            for (int i = 1; i < d; i++)
                sl += idx[i] * src->strides[i];
        }
        for (int side = 0; side < 2; side++) {
            ptrdiff_t width = side ? after : before, len = side ? la : lb;
            if (!width)
                continue;
            char *dst = side ? c0 + n * st : lane;
            if (!(side == 1 && reuse)) {
                char *first = side ? c0 + (n - len) * st : c0;
                if (len == 0) {
                    for (ptrdiff_t j = 0; j < L; j++)
                        acc[j] = NAN;
                } else {
                    for (ptrdiff_t r = 0; r < len; r++) {
                        const double *b = rowbuf;
                        const char *row = first + r * st;
                        if (sl && side == 0) {
                            row = sl + r * src->strides[0];
                            memcpy(first + r * st, row, isz * (size_t)L);
                            if (lastpad) /* the row is in cache now: pad its ends too */
                                stat_one_lane(first + r * st - widths[2 * d] * sd, sd,
                                              lastpad[0], lastpad[1], L, lastpad[2], lastpad[3],
                                              stat, 1, isint, same ? sizeof(double) : 0, rd,
                                              wr, lanebuf);
                        }
                        if (same)
                            b = (const double *)(const void *)row;
                        else
                            rd(row, sd, (char *)rowbuf, (ptrdiff_t)sizeof(double), L);
                        if (r == 0)
                            memcpy(acc, b, sizeof(double) * (size_t)L);
                        else if (stat == NC_PADSTAT_MEAN)
                            for (ptrdiff_t j = 0; j < L; j++)
                                acc[j] += b[j];
                        else if (stat == NC_PADSTAT_MAX)
                            for (ptrdiff_t j = 0; j < L; j++)
                                acc[j] = (b[j] > acc[j] || b[j] != b[j]) ? b[j] : acc[j];
                        else
                            for (ptrdiff_t j = 0; j < L; j++)
                                acc[j] = (b[j] < acc[j] || b[j] != b[j]) ? b[j] : acc[j];
                    }
                    for (ptrdiff_t j = 0; j < L; j++) {
                        double v = stat == NC_PADSTAT_MEAN ? acc[j] / (double)len : acc[j];
                        if (v != v && stat != NC_PADSTAT_MEAN)
                            v = NAN;
                        acc[j] = isint ? nearbyint(v) : v;
                    }
                }
            }
            wr((char *)acc, (ptrdiff_t)sizeof(double), dst, sd, L);
            for (ptrdiff_t p = 1; p < width; p++) {
                if (contig)
                    memcpy(dst + p * st, dst, isz * (size_t)L);
                else
                    wr((char *)acc, (ptrdiff_t)sizeof(double), dst + p * st, sd, L);
            }
        }
    } while (next_lane(nd, oshape, idx));
    nc_free(acc);
    return NC_OK;
}

nc_status nc_pad_lanes(nc_array *out, int axis, const ptrdiff_t *widths,
                       const ptrdiff_t *center, nc_pad_stat stat, const ptrdiff_t *lengths,
                       const double *ends)
{
    int nd = out->ndim;
    if (axis < 0 || axis >= nd)
        return nc_error_set(NC_ERR_AXIS, "axis %d is out of bounds for array of dimension %d", axis, nd);
    ptrdiff_t before = widths[2 * axis], after = widths[2 * axis + 1], n = center[axis];
    if (before == 0 && after == 0)
        return NC_OK;
    ptrdiff_t lb = lengths[0] < 0 || lengths[0] > n ? n : lengths[0];
    ptrdiff_t la = lengths[1] < 0 || lengths[1] > n ? n : lengths[1];
    if (stat != NC_PADSTAT_RAMP && (lb == 0 || la == 0) &&
        (stat == NC_PADSTAT_MAX || stat == NC_PADSTAT_MIN))
        return nc_error_set(NC_ERR_VALUE, "stat_length of 0 yields no value for padding");
    const nc_dtype *info = nc_dtype_info(out->dtype);
    int w = info->kind == 'c' ? 2 : 1, isint = info->kind == 'i' || info->kind == 'u';
    nc_dtype_id bt = w == 2 ? NC_COMPLEX128 : NC_FLOAT64;
    nc_cast_fn rd = nc_cast_get(out->dtype, bt), wr = nc_cast_get(bt, out->dtype);
    if (!rd || !wr)
        return nc_error_set(NC_ERR_TYPE, "pad: no cast for this dtype");
    ptrdiff_t bufn = stat == NC_PADSTAT_RAMP ? (before > after ? before : after) : n;
    double *buf = nc_malloc(sizeof(double) * (size_t)w * (size_t)(bufn > 0 ? bufn : 1));
    if (!buf)
        return nc_error_set(NC_ERR_NOMEM, "pad: out of memory");
    ptrdiff_t lshape[NC_MAXDIMS], idx[NC_MAXDIMS] = {0};
    for (int i = 0; i < nd; i++)
        lshape[i] = i == axis ? 1 : (i < axis ? out->shape[i] : center[i]);
    ptrdiff_t st = out->strides[axis];
    size_t same = out->dtype == bt ? sizeof(double) * (size_t)w : 0;
    int empty = 0;
    for (int i = 0; i < nd; i++)
        if (lshape[i] == 0)
            empty = 1;
    if (!empty && stat != NC_PADSTAT_RAMP && axis != nd - 1 && lshape[nd - 1] > 1) {
        nc_free(buf);
        if (w == 1 && stat != NC_PADSTAT_MEDIAN)
            return stat_lanes_rows(out, NULL, NULL, axis, widths, lshape, stat, n, lb, la, rd,
                                   wr, isint);
        return stat_lanes_grouped(out, axis, widths, lshape, stat, n, lb, la, rd, wr, w, isint);
    }
    /* NumPy's linspace switches every lane of a side to y / div * delta as
     * soon as one lane has a zero step; that choice changes roundings, so
     * it is made here for the whole side first. */
    int zero_step[2] = {0, 0};
    if (!empty && stat == NC_PADSTAT_RAMP) do {
        char *lane = out->data;
        for (int i = 0; i < nd; i++)
            if (i != axis)
                lane += (idx[i] + (i > axis ? widths[2 * i] : 0)) * out->strides[i];
        for (int side = 0; side < 2; side++) {
            ptrdiff_t width = side ? after : before;
            double edge[2] = {0, 0};
            if (!width)
                continue;
            rd(lane + (before + (side ? n - 1 : 0)) * st, 0, (char *)edge, 0, 1);
            int zero = 1;
            for (int c = 0; c < w; c++)
                if ((edge[c] - ends[2 * side + c]) / (double)width != 0)
                    zero = 0;
            zero_step[side] |= zero;
        }
    } while (next_lane(nd, lshape, idx));
    if (!empty) do {
        char *lane = out->data;
        for (int i = 0; i < nd; i++)
            if (i != axis)
                lane += (idx[i] + (i > axis ? widths[2 * i] : 0)) * out->strides[i];
        if (stat != NC_PADSTAT_RAMP) {
            stat_one_lane(lane, st, before, after, n, lb, la, stat, w, isint, same, rd, wr, buf);
            continue;
        }
        char *c0 = lane + before * st;         /* first center element */
        for (int side = 0; side < 2; side++) {
            ptrdiff_t width = side ? after : before;
            if (!width)
                continue;
            double edge[2] = {0, 0};
            rd(side ? c0 + (n - 1) * st : c0, 0, (char *)edge, 0, 1);
            const double *end = ends + 2 * side;
            for (ptrdiff_t i = 0; i < width; i++)
                for (int c = 0; c < w; c++) {
                    double delta = edge[c] - end[c], y;
                    if (zero_step[side])
                        y = (double)i / (double)width * delta + end[c];
                    else
                        y = (double)i * (delta / (double)width) + end[c];
                    buf[i * w + c] = isint ? floor(y) : y;
                }
            /* left pad runs outward->in; the right pad is the reversed ramp */
            if (side == 0)
                wr((char *)buf, (ptrdiff_t)sizeof(double) * w, lane, st, width);
            else
                wr((char *)(buf + (width - 1) * w), -(ptrdiff_t)sizeof(double) * w,
                   c0 + n * st, st, width);
        }
    } while (next_lane(nd, lshape, idx));
    nc_free(buf);
    return NC_OK;
}

nc_status nc_pad_first_lanes(const nc_array *src, const ptrdiff_t *widths, nc_pad_stat stat,
                             const ptrdiff_t *lengths, nc_array *out, int *rows_done)
{
    *rows_done = 0;
    int nd = src->ndim, d = nd - 1;
    const nc_dtype *info = nc_dtype_info(src->dtype);
    ptrdiff_t n = nd ? src->shape[0] : 0;
    int fuse = nd >= 2 && src->size > 0 && src->shape[d] > 1 && info->kind != 'c' &&
               (stat == NC_PADSTAT_MAX || stat == NC_PADSTAT_MIN || stat == NC_PADSTAT_MEAN) &&
               widths[0] > 0 && (lengths[0] < 0 || lengths[0] >= n) &&
               src->strides[d] == (ptrdiff_t)info->itemsize && (src->flags & NC_ALIGNED);
    if (!fuse) {
        nc_status st = nc_pad(src, widths, NC_PAD_EMPTY, NULL, out);
        if (!st && nd > 0 && src->size > 0) {
            ptrdiff_t center[NC_MAXDIMS];
            memcpy(center, src->shape, sizeof(ptrdiff_t) * (size_t)nd);
            st = nc_pad_lanes(out, 0, widths, center, stat, lengths, NULL);
            if (st)
                nc_array_clear(out);
        }
        return st;
    }
    ptrdiff_t oshape[NC_MAXDIMS], lshape[NC_MAXDIMS], size;
    for (int i = 0; i < nd; i++) {
        ptrdiff_t b = widths[2 * i], a = widths[2 * i + 1];
        if (b < 0 || a < 0)
            return nc_error_set(NC_ERR_VALUE, "index can't contain negative values");
        if (b > PTRDIFF_MAX - src->shape[i] || a > PTRDIFF_MAX - src->shape[i] - b)
            return nc_error_set(NC_ERR_VALUE, "array is too big");
        oshape[i] = b + src->shape[i] + a;
        lshape[i] = i == 0 ? 1 : src->shape[i];
    }
    nc_status st = nc_shape_size(nd, oshape, info->itemsize, &size);
    if (!st)
        st = nc_array_init_empty(out, src->dtype, nd, oshape, NC_ORDER_C, 0);
    if (st)
        return st;
    nc_cast_fn rd = nc_cast_get(src->dtype, NC_FLOAT64), wr = nc_cast_get(NC_FLOAT64, src->dtype);
    if (!rd || !wr) {
        nc_array_clear(out);
        return nc_error_set(NC_ERR_TYPE, "pad: no cast for this dtype");
    }
    ptrdiff_t la = lengths[1] < 0 || lengths[1] > n ? n : lengths[1];
    if (la == 0 && stat != NC_PADSTAT_MEAN) {
        nc_array_clear(out);
        return nc_error_set(NC_ERR_VALUE, "stat_length of 0 yields no value for padding");
    }
    /* 2-d: the last axis' pads of each center row are filled while the row
     * is hot, unless that axis would report an error (left to the caller) */
    ptrdiff_t lastpad[4], L = src->shape[1];
    if (nd == 2) {
        lastpad[0] = widths[2];
        lastpad[1] = widths[3];
        lastpad[2] = lengths[2] < 0 || lengths[2] > L ? L : lengths[2];
        lastpad[3] = lengths[3] < 0 || lengths[3] > L ? L : lengths[3];
        *rows_done = !((lastpad[0] || lastpad[1]) && (lastpad[2] == 0 || lastpad[3] == 0) &&
                       stat != NC_PADSTAT_MEAN);
    }
    st = stat_lanes_rows(out, src, *rows_done ? lastpad : NULL, 0, widths, lshape, stat, n, n,
                         la, rd, wr, info->kind == 'i' || info->kind == 'u');
    if (st)
        *rows_done = 0;
    if (st)
        nc_array_clear(out);
    return st;
}
