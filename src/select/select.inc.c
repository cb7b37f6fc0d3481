/* select.inc.c: the element loops of selection, once per element size.
 *
 * Included by index.c and where.c with T (an unsigned integer or struct
 * type of the element size) and SFX defined.  Elements are only moved, never
 * interpreted, so one instance serves every dtype of that size.  Elements
 * are loaded and stored with fixed-size memcpy: unaligned views stay legal
 * and compilers turn the copies into single moves. */
#define SEL_CAT2(a, b) a##b
#define SEL_CAT(a, b) SEL_CAT2(a, b)
#define FN(name) SEL_CAT(name, SFX)

/* Branch-free choice: selecting with a mask of all ones or zeros keeps
 * random masks from costing a misprediction per element (compilers turn
 * a plain ?: over stores into a branch). */
#ifndef SEL_NO_BITS
#define SEL_PICK(c, a, b) ((T)(((a) & (T) - (T)((c) != 0)) | ((b) & (T) ~(T) - (T)((c) != 0))))
#else
#define SEL_PICK(c, a, b) ((c) ? (a) : (b))
#endif

/* dst[i] = src[idx[i]] for one index axis of length len.  Returns -1 when
 * all indices were valid, else the position of the first bad one (mode
 * raise only; wrap and clip never fail, len > 0 is checked by the caller). */
static ptrdiff_t FN(gather1_)(char *dst, ptrdiff_t ds, const char *ip, ptrdiff_t is,
                              ptrdiff_t n, const char *src, ptrdiff_t ss, ptrdiff_t len,
                              nc_clipmode mode)
{
    T v;
    if (mode == NC_CLIP_RAISE && is == (ptrdiff_t)sizeof(int64_t)) {
        /* random gathers are latency bound: ask for lines a few dozen
         * elements ahead so that many misses are in flight at once */
        const ptrdiff_t ahead = 32;
        for (ptrdiff_t i = 0; i < n; i++) {
            int64_t j;
            memcpy(&j, ip + i * is, sizeof j);
            if (i + ahead < n) {
                int64_t jp;
                memcpy(&jp, ip + (i + ahead) * is, sizeof jp);
                if ((uint64_t)jp < (uint64_t)len)
                    __builtin_prefetch(src + jp * ss);
            }
            if (j < 0)
                j += len;
            if ((uint64_t)j >= (uint64_t)len)
                return i;
            memcpy(&v, src + j * ss, sizeof v);
            memcpy(dst + i * ds, &v, sizeof v);
        }
        return -1;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        int64_t j;
        memcpy(&j, ip + i * is, sizeof j);
        if (!resolve_index(&j, len, mode))
            return i;
        memcpy(&v, src + j * ss, sizeof v);
        memcpy(dst + i * ds, &v, sizeof v);
    }
    return -1;
}

/* dst[idx[i]] = val[i] for one index axis, in order (last write wins). */
static ptrdiff_t FN(scatter1_)(char *dst, ptrdiff_t ds, ptrdiff_t len, const char *ip,
                               ptrdiff_t is, ptrdiff_t n, const char *val, ptrdiff_t vs,
                               nc_clipmode mode)
{
    T v;
    for (ptrdiff_t i = 0; i < n; i++) {
        int64_t j;
        memcpy(&j, ip + i * is, sizeof j);
        if (!resolve_index(&j, len, mode))
            return i;
        memcpy(&v, val + i * vs, sizeof v);
        memcpy(dst + j * ds, &v, sizeof v);
    }
    return -1;
}

/* Compacts the elements of src whose mask byte is set into dst.  Branch
 * free: every element is stored, and the write pointer only advances over
 * selected ones; stores past `dend` (after the last selected element) go to
 * a scratch slot.  Returns the new write pointer. */
static char *FN(maskg_)(char *dst, ptrdiff_t ds, char *dend, const char *m, ptrdiff_t ms,
                        const char *src, ptrdiff_t ss, ptrdiff_t n)
{
    T v, scratch;
    for (ptrdiff_t i = 0; i < n; i++) {
        memcpy(&v, src + i * ss, sizeof v);
        memcpy(dst != dend ? (void *)dst : (void *)&scratch, &v, sizeof v);
        dst += ds & -(ptrdiff_t)(m[i * ms] != 0);
    }
    (void)scratch;
    return dst;
}

/* dst[i] = *val for set mask bytes, val advancing only over selected ones.
 * Returns the new value pointer. */
static const char *FN(masks_)(char *dst, ptrdiff_t ds, const char *m, ptrdiff_t ms,
                              const char *val, ptrdiff_t vs, ptrdiff_t n)
{
    T v, d;
    if (vs == 0) {
        memcpy(&v, val, sizeof v);
        if (ds == (ptrdiff_t)sizeof(T) && ms == 1) {
            /* one value: a blend the compiler can vectorise */
            for (ptrdiff_t i = 0; i < n; i++) {
                memcpy(&d, dst + i * (ptrdiff_t)sizeof(T), sizeof d);
                d = SEL_PICK(m[i], v, d);
                memcpy(dst + i * (ptrdiff_t)sizeof(T), &d, sizeof d);
            }
        } else {
            for (ptrdiff_t i = 0; i < n; i++)
                if (m[i * ms])
                    memcpy(dst + i * ds, &v, sizeof v);
        }
        return val;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        if (m[i * ms]) {
            memcpy(dst + i * ds, val, sizeof(T));
            val += vs;
        }
    }
    return val;
}

#ifndef SEL_NO_BITS
/* Non-zero test by bits: an element is non-zero when (bits & keep) != 0;
 * keep clears the sign bits of floats so that -0.0 counts as zero. */
static ptrdiff_t FN(nzcount_)(const char *p, ptrdiff_t s, ptrdiff_t n, T keep)
{
    ptrdiff_t c = 0;
    T v;
    for (ptrdiff_t i = 0; i < n; i++) {
        memcpy(&v, p + i * s, sizeof v);
        c += (v & keep) != 0;
    }
    return c;
}

/* Writes the positions of non-zero elements to out[c...] (branch free;
 * stores past `cap` go to a scratch slot).  Returns the new count. */
static ptrdiff_t FN(nzpos_)(const char *p, ptrdiff_t s, ptrdiff_t n, T keep, int64_t *out,
                            ptrdiff_t c, ptrdiff_t cap)
{
    int64_t scratch;
    T v;
    for (ptrdiff_t i = 0; i < n; i++) {
        memcpy(&v, p + i * s, sizeof v);
        *(c < cap ? out + c : &scratch) = i;
        c += (v & keep) != 0;
    }
    (void)scratch;
    return c;
}
#endif

/* out[i] = c[i] ? x[i] : y[i]. */
static void FN(where_)(char *out, ptrdiff_t os, const char *c, ptrdiff_t cs, const char *x,
                       ptrdiff_t xs, const char *y, ptrdiff_t ys, ptrdiff_t n)
{
    T a, b;
    const ptrdiff_t sz = (ptrdiff_t)sizeof(T);
    if (os == sz && cs == 1 && xs == sz && ys == sz) {
        for (ptrdiff_t i = 0; i < n; i++) {
            memcpy(&a, x + i * sz, sizeof a);
            memcpy(&b, y + i * sz, sizeof b);
            a = SEL_PICK(c[i], a, b);
            memcpy(out + i * sz, &a, sizeof a);
        }
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        memcpy(&a, c[i * cs] ? x + i * xs : y + i * ys, sizeof a);
        memcpy(out + i * os, &a, sizeof a);
    }
}

#undef FN
#undef SEL_PICK
#undef SEL_CAT
#undef SEL_CAT2
