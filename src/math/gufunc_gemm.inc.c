/* gufunc_gemm.inc.c: cache-blocked matrix product for one real float type
 * (T, SFX, MR, NR defined by gufunc.c).  A and B are packed into contiguous
 * panels (A in MR-row slivers, B in NR-column slivers, zero padded) so the
 * micro-kernel reads unit-stride memory whatever the operands' strides; the
 * MR x NR accumulators stay in registers (MR*NR/4 or /8 vector registers)
 * so the adds of independent elements overlap.  Each C element is the sum
 * over KC-blocks of k, added in order: results differ from a plain dot only
 * in rounding order (and, with the FMA micro-kernel, in fusing).  Also a
 * contiguous dot with 8 accumulators. */

NC_VECTORIZED static T NC_CAT(gu_dot8_, SFX)(const T *restrict a, const T *restrict b, ptrdiff_t k)
{
    T s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    ptrdiff_t p = 0;
    for (; p + 8 <= k; p += 8)
        for (int r = 0; r < 8; r++)
            s[r] += a[p + r] * b[p + r];
    T t = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; p < k; p++)
        t += a[p] * b[p];
    return t;
}

/* The rows of A and the columns of B are unit-stride along k. */
static void NC_CAT(gu_dotrows_, SFX)(const gu_block *g)
{
    for (ptrdiff_t i = 0; i < g->n; i++)
        for (ptrdiff_t j = 0; j < g->m; j++)
            *(T *)(g->c + i * g->cs0 + j * g->cs1) =
                NC_CAT(gu_dot8_, SFX)((const T *)(g->a + i * g->as0), (const T *)(g->b + j * g->bs1), g->k);
}

NC_VECTORIZED static void NC_CAT(gu_micro_, SFX)(ptrdiff_t kc, const T *restrict ap, const T *restrict bp,
                                                 T *restrict out)
{
    T c[MR][NR];
    for (int r = 0; r < MR; r++)
        for (int q = 0; q < NR; q++)
            c[r][q] = 0;
    for (ptrdiff_t p = 0; p < kc; p++) {
        for (int r = 0; r < MR; r++)
            for (int q = 0; q < NR; q++)
                c[r][q] += ap[p * MR + r] * bp[p * NR + q];
    }
    for (int r = 0; r < MR; r++)
        for (int q = 0; q < NR; q++)
            out[r * NR + q] = c[r][q];
}

static void NC_CAT(gu_pack_a_, SFX)(const gu_block *g, ptrdiff_t i0, ptrdiff_t mc, ptrdiff_t p0, ptrdiff_t kc,
                                    T *restrict ap)
{
    for (ptrdiff_t i = 0; i < mc; i += MR) {
        for (ptrdiff_t p = 0; p < kc; p++) {
            const char *src = g->a + (i0 + i) * g->as0 + (p0 + p) * g->as1;
            for (int r = 0; r < MR; r++)
                *ap++ = i + r < mc ? *(const T *)(src + r * g->as0) : (T)0;
        }
    }
}

static void NC_CAT(gu_pack_b_, SFX)(const gu_block *g, ptrdiff_t j0, ptrdiff_t nc, ptrdiff_t p0, ptrdiff_t kc,
                                    T *restrict bp)
{
    for (ptrdiff_t j = 0; j < nc; j += NR) {
        for (ptrdiff_t p = 0; p < kc; p++) {
            const char *src = g->b + (p0 + p) * g->bs0 + (j0 + j) * g->bs1;
            for (int q = 0; q < NR; q++)
                *bp++ = j + q < nc ? *(const T *)(src + q * g->bs1) : (T)0;
        }
    }
}

/* work: room for GU_MC*GU_KC + GU_KC*GU_NC elements (+ padding). */
static void NC_CAT(gu_gemm_, SFX)(const gu_block *g, T *work)
{
    T *ap = work;
    T *bp = work + (GU_MC + MR) * GU_KC;
    T tile[MR * NR];
    /* the FMA micro-kernel where the CPU has one (MICRO_FAST, see
     * gufunc_micro_fma.inc.c), else the portable one */
    void (*micro)(ptrdiff_t, const T *restrict, const T *restrict, T *restrict) = MICRO_FAST;
    if (!micro)
        micro = NC_CAT(gu_micro_, SFX);
    for (ptrdiff_t j0 = 0; j0 < g->m; j0 += GU_NC) {
        ptrdiff_t nc = g->m - j0 < GU_NC ? g->m - j0 : GU_NC;
        for (ptrdiff_t p0 = 0; p0 < g->k; p0 += GU_KC) {
            ptrdiff_t kc = g->k - p0 < GU_KC ? g->k - p0 : GU_KC;
            NC_CAT(gu_pack_b_, SFX)(g, j0, nc, p0, kc, bp);
            for (ptrdiff_t i0 = 0; i0 < g->n; i0 += GU_MC) {
                ptrdiff_t mc = g->n - i0 < GU_MC ? g->n - i0 : GU_MC;
                NC_CAT(gu_pack_a_, SFX)(g, i0, mc, p0, kc, ap);
                for (ptrdiff_t j = 0; j < nc; j += NR) {
                    for (ptrdiff_t i = 0; i < mc; i += MR) {
                        micro(kc, ap + (i / MR) * kc * MR, bp + (j / NR) * kc * NR, tile);
                        ptrdiff_t rmax = mc - i < MR ? mc - i : MR;
                        ptrdiff_t qmax = nc - j < NR ? nc - j : NR;
                        for (ptrdiff_t r = 0; r < rmax; r++) {
                            char *crow = g->c + (i0 + i + r) * g->cs0 + (j0 + j) * g->cs1;
                            for (ptrdiff_t q = 0; q < qmax; q++) {
                                T *cp = (T *)(crow + q * g->cs1);
                                *cp = p0 ? *cp + tile[r * NR + q] : tile[r * NR + q];
                            }
                        }
                    }
                }
            }
        }
    }
}
