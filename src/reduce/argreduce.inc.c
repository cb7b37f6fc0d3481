/* argreduce.inc.c: argmax/argmin and count_nonzero kernels for one dtype.
 * Included by argreduce.c once per dtype with
 *   T        storage type            SFX      suffix for the helpers' names
 *   CT       type values are compared in (float for float16)
 *   LD(x)    a T value as CT         ISNAN(v) 1 when a CT value is NaN
 *   GT(a,b)  a > b in NumPy's order for this dtype (lexicographic for complex)
 *   NZ(x)    1 when a T value is non-zero
 *   FAST     1 when LD is the identity on a real type: the contiguous 1-D
 *            path then finds block extrema with independent lanes first
 * Invariants: the result is the first position of the winning value; once a
 * NaN is the running best nothing replaces it (first NaN wins). */

#define ARG_BETTER(v, b, MAX) ((MAX) ? GT(v, b) : GT(b, v))

/* Best of n >= 1 elements at p with byte step s. */
NC_VECTORIZED
static ptrdiff_t NC_HNAME(arg1)(const char *p, ptrdiff_t n, ptrdiff_t s, int is_max)
{
    CT best = LD(*(const T *)p);
    ptrdiff_t bi = 0;
    if (ISNAN(best))
        return 0;
#if FAST
    if (s == (ptrdiff_t)sizeof(T) && n >= 64) {
        /* Block extrema in 8 independent lanes (vectorisable, no
         * reassociation of comparisons needed); a block is scanned again
         * only when it holds a NaN or beats the running best. */
        const T *x = (const T *)p;
        enum { BLK = 512 };
        for (ptrdiff_t i0 = 0; i0 < n; i0 += BLK) {
            ptrdiff_t len = n - i0 < BLK ? n - i0 : BLK;
            const T *b = x + i0;
            ptrdiff_t j = 0;
            T bm;
            int hasnan = 0;
#ifdef BLOCK_EXT
            if (len >= 8 && nc__arg_have_avx2()) {
                hasnan = BLOCK_EXT(b, len, is_max, &bm);
                j = len;
            } else
#endif
            if (len >= 8) {
                /* nn[k] keeps a NaN once lane k met one: a quiet compare
                 * and a select, so no flag is raised and lanes stay T. */
                T acc[8], nn[8];
                for (int k = 0; k < 8; k++)
                    acc[k] = nn[k] = b[k];
                for (j = 8; j + 8 <= len; j += 8)
                    for (int k = 0; k < 8; k++) {
                        T v = b[j + k];
                        if (is_max)
                            acc[k] = v > acc[k] ? v : acc[k];
                        else
                            acc[k] = v < acc[k] ? v : acc[k];
                        nn[k] = ISNAN(v) ? v : nn[k];
                    }
                bm = acc[0];
                for (int k = 0; k < 8; k++) {
                    hasnan |= ISNAN(nn[k]);
                    if (is_max ? acc[k] > bm : acc[k] < bm)
                        bm = acc[k];
                }
            } else {
                bm = b[0];
                j = 0;
            }
            for (; j < len; j++) {
                hasnan |= ISNAN(b[j]);
                if (is_max ? b[j] > bm : b[j] < bm)
                    bm = b[j];
            }
            if (hasnan) {
                for (j = 0; !ISNAN(b[j]); j++)
                    ;
                return i0 + j;
            }
            if (ARG_BETTER(bm, best, is_max)) {
                for (j = 0; b[j] != bm; j++)
                    ;
                best = bm;
                bi = i0 + j;
            }
        }
        return bi;
    }
#endif
    for (ptrdiff_t i = 1; i < n; i++) {
        CT v = LD(*(const T *)(p + i * s));
        if (ISNAN(v))
            return i;
        if (ARG_BETTER(v, best, is_max)) {
            best = v;
            bi = i;
        }
    }
    return bi;
}

/* Along an axis that is not the innermost: m results at once, the running
 * best of each kept in `best`, rows of the reduced axis read in order. */
static void NC_HNAME(argrows)(const char *p, ptrdiff_t n, ptrdiff_t s_ax, ptrdiff_t m,
                              ptrdiff_t s_in, int64_t *idx, void *scratch, int is_max)
{
    CT *best = (CT *)scratch;
    for (ptrdiff_t j = 0; j < m; j++) {
        best[j] = LD(*(const T *)(p + j * s_in));
        idx[j] = 0;
    }
    for (ptrdiff_t k = 1; k < n; k++) {
        const char *row = p + k * s_ax;
        if (is_max) {
            for (ptrdiff_t j = 0; j < m; j++) {
                CT v = LD(*(const T *)(row + j * s_in)), b = best[j];
                if (!ISNAN(b) && (GT(v, b) || ISNAN(v))) {
                    best[j] = v;
                    idx[j] = k;
                }
            }
        } else {
            for (ptrdiff_t j = 0; j < m; j++) {
                CT v = LD(*(const T *)(row + j * s_in)), b = best[j];
                if (!ISNAN(b) && (GT(b, v) || ISNAN(v))) {
                    best[j] = v;
                    idx[j] = k;
                }
            }
        }
    }
}

static int64_t NC_HNAME(nonzero)(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    int64_t c = 0;
    if (s == (ptrdiff_t)sizeof(T)) {
        const T *x = (const T *)p;
        for (ptrdiff_t i = 0; i < n; i++)
            c += NZ(x[i]);
    } else {
        for (ptrdiff_t i = 0; i < n; i++)
            c += NZ(*(const T *)(p + i * s));
    }
    return c;
}

#undef ARG_BETTER
