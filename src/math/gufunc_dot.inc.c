/* gufunc_dot.inc.c: the plain strided kernel C[i,j] = sum_p op(A[i,p]) B[p,j]
 * for one dtype, included by gufunc.c with SFX, ACC, ACC_ZERO, ACC_MADD
 * and ACC_STORE defined.  Each output element is summed in its own
 * accumulator in index order, so integer results are exact (wrapping like
 * NumPy) and no element depends on the block shape.  k == 0 stores zeros. */
static void NC_CAT(gu_dot_, SFX)(const gu_block *g)
{
    for (ptrdiff_t i = 0; i < g->n; i++) {
        for (ptrdiff_t j = 0; j < g->m; j++) {
            const char *pa = g->a + i * g->as0;
            const char *pb = g->b + j * g->bs1;
            ACC acc = ACC_ZERO;
            for (ptrdiff_t p = 0; p < g->k; p++, pa += g->as1, pb += g->bs0)
                ACC_MADD(acc, pa, pb);
            ACC_STORE(g->c + i * g->cs0 + j * g->cs1, acc);
        }
    }
}
