/* gufunc.h: generalized ufuncs of the core: matmul, vecdot, matvec, vecmat.
 *
 * Each is described by an nc_ufunc (name, nin/nout, one loop per dtype in
 * NumPy's order) so that nc_ufunc_resolve picks the loop; the loops' fn
 * fields are NULL because execution goes through nc_gufunc_exec, which
 * knows the core dimensions.  All four reduce to one kernel C = op(A) @ B
 * on strided 2-d blocks (op conjugates complex vectors for vecdot/vecmat). */
#ifndef NUMC_GUFUNC_H
#define NUMC_GUFUNC_H

#include "numc/ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

enum nc_gufunc_kind {
    NC_GUFUNC_MATMUL = 0, /* (n?,k),(k,m?)->(n?,m?) */
    NC_GUFUNC_VECDOT,     /* (n),(n)->() */
    NC_GUFUNC_MATVEC,     /* (m,n),(n)->(m) */
    NC_GUFUNC_VECMAT,     /* (n),(n,m)->(m) */
    NC_GUFUNC_COUNT
};

NC_API const nc_ufunc *nc_gufunc_at(int kind);
/* Core signature text, as NumPy's ufunc.signature. */
NC_API const char *nc_gufunc_signature(int kind);

/* Runs gufunc `kind` with loop `loop_index` (from nc_ufunc_resolve on
 * nc_gufunc_at(kind)).  ops[0], ops[1] inputs (cast to the loop's dtype under
 * `casting`), ops[2] the output: allocated when its buffer is NULL, else it
 * must have exactly the result's shape.
 *
 * axes: NULL (core dimensions last), or for each operand k, naxes[k]
 * entries axes[2*k..] naming where its core dimensions are (negative counts
 * from the end).  keepdims (only for outputs without core dimensions) keeps
 * the reduced dimension as size 1, at the position given by the inputs'
 * axes.  *fpe receives NC_FPE_* flags. */
NC_API nc_status nc_gufunc_exec(int kind, int loop_index, nc_array *const *ops,
                                const int *naxes, const int *axes, int keepdims,
                                nc_casting casting, int *fpe);

#ifdef __cplusplus
}
#endif
#endif
