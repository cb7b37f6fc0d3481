/* ufunc.h: universal functions: typed loops, type resolution, execution.
 *
 * A ufunc is a table of loops, each a C function for one type signature
 * (nin input dtypes, nout output dtypes), in NumPy's order.  Calling one is
 * two steps: nc_ufunc_resolve picks a loop for the operand dtypes (NEP 50:
 * Python scalars are "weak"), nc_ufunc_exec broadcasts, allocates outputs,
 * casts through small buffers where operand and loop dtypes differ and runs
 * the loop.  Floating-point exceptions are reported as NC_FPE_* flags; the
 * caller decides whether they warn or raise. */
#ifndef NUMC_UFUNC_H
#define NUMC_UFUNC_H

#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NC_UFUNC_MAXARGS 4

/* One inner loop: args[i] points at operand i (inputs, then outputs), n[0]
 * is the element count, steps[i] the byte stride of operand i (0 broadcasts,
 * negative walks backwards).  Operands are aligned for their dtype.  An
 * output may be the very same memory as an input (same pointer and step);
 * other overlaps are the driver's to resolve.  A loop with args[0] ==
 * args[nin] and steps[0] == steps[nin] == 0 is a reduction into that one
 * element (float add then sums pairwise like NumPy).
 *
 * Returns 0, or one of NC_LOOP_ERR_* (> 0) when NumPy raises an exception
 * from inside the loop; the driver turns it into an error status.  Floating-
 * point conditions are not errors: loops raise them as IEEE flags (integer
 * division by zero raises FE_DIVBYZERO, INT_MIN // -1 FE_OVERFLOW, as NumPy
 * warns) and the driver collects them with fetestexcept. */
typedef int (*nc_loop_fn)(char *const *args, const ptrdiff_t *n,
                          const ptrdiff_t *steps, void *ctx);

/* Integer power with a negative exponent (signed integer loops of `power`):
 * NumPy raises ValueError("Integers to negative integer powers are not
 * allowed.").  Outputs are partly written when a loop returns it. */
#define NC_LOOP_ERR_NEGATIVE_POWER 1

typedef struct nc_loop {
    uint8_t types[NC_UFUNC_MAXARGS]; /* nc_dtype_id per input then output */
    nc_loop_fn fn;
} nc_loop;

enum nc_identity {
    NC_IDENTITY_NONE = 0,
    NC_IDENTITY_ZERO,
    NC_IDENTITY_ONE,
    NC_IDENTITY_MINUS_ONE,
    NC_IDENTITY_FALSE, /* logical_or / logical_xor */
    NC_IDENTITY_TRUE,  /* logical_and */
    NC_IDENTITY_MINUS_INF /* logaddexp, logaddexp2 */
};

/* How type resolution treats a ufunc beyond the plain loop search. */
enum nc_resolver {
    NC_RESOLVE_DEFAULT = 0,  /* first loop the inputs cast to safely */
    NC_RESOLVE_NO_BOOL_SUB,  /* subtract: refuse bool - bool */
    NC_RESOLVE_NO_BOOL_NEG,  /* negative: refuse -bool */
    NC_RESOLVE_TRUE_DIVIDE,  /* integer/bool inputs use the float64 loop */
    NC_RESOLVE_NO_BOOL,      /* all-bool inputs have no loop (positive) */
    NC_RESOLVE_LDEXP         /* a Python int exponent is int64, not the
                                mantissa's float type */
};

typedef struct nc_ufunc {
    const char *name;
    int nin, nout;
    int identity;           /* enum nc_identity */
    int resolver;           /* enum nc_resolver */
    int nloops;
    const nc_loop *loops;
    const char *doc;
} nc_ufunc;

/* Registry of all ufuncs the core defines. */
NC_API int nc_ufunc_count(void);
NC_API const nc_ufunc *nc_ufunc_at(int i);
NC_API const nc_ufunc *nc_ufunc_find(const char *name);

/* Floating-point exception flags reported by execution. */
enum {
    NC_FPE_DIVIDEBYZERO = 1,
    NC_FPE_OVERFLOW = 2,
    NC_FPE_UNDERFLOW = 4,
    NC_FPE_INVALID = 8
};

/* nc_ufunc_exec* report the flags raised while casting operands to or from
 * the loop's dtypes apart from the loop's own, shifted left by this much
 * (NumPy names them "... encountered in cast"). */
#define NC_FPE_CAST_SHIFT 8

/* This thread's floating-point flags: clear them, and read those raised
 * since (NC_FPE_*), around core calls that report none themselves. */
NC_API void nc_fpe_clear(void);
NC_API int nc_fpe_read(void);

/* Picks a loop.  in[i] is the dtype of input i; weak[i] != NC_WEAK_NONE marks
 * a Python scalar (then in[i] is ignored).  sig[k] (k < nin+nout) is a fixed
 * dtype or -1; sig may be NULL.  `casting` applies to inputs when sig fixes
 * dtypes.  On NC_ERR_NOLOOP the message names the ufunc and types. */
NC_API nc_status nc_ufunc_resolve(const nc_ufunc *uf, const nc_dtype_id *in,
                                  const nc_weak_kind *weak, const int *sig,
                                  nc_casting casting, int *loop_index);

/* Runs loop `loop_index` of `uf`.  ops[0..nin) are inputs (any dtype; they are
 * cast to the loop's types under `casting`), ops[nin..nin+nout) outputs: an
 * output whose buffer is NULL is allocated (dtype: the loop's, layout: like
 * the inputs, `order` K); a given output must have the broadcast shape and
 * accept the loop's result under `casting`.  Outputs may alias inputs.
 * *fpe receives NC_FPE_* flags raised while computing. */
NC_API nc_status nc_ufunc_exec(const nc_ufunc *uf, int loop_index,
                               nc_array *const *ops, nc_casting casting,
                               nc_order order, int *fpe);

/* nc_ufunc_exec with a mask: `where` (NULL: everywhere) is a bool array
 * broadcast to the result's shape; outputs are computed only where it is
 * true, elsewhere a given output keeps its values and an allocated one is
 * left uninitialised, as in NumPy. */
NC_API nc_status nc_ufunc_exec_where(const nc_ufunc *uf, int loop_index,
                                     nc_array *const *ops, const nc_array *where,
                                     nc_casting casting, nc_order order, int *fpe);

#ifdef __cplusplus
}
#endif
#endif
