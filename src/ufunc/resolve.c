/* resolve.c: choosing a ufunc loop for the operand dtypes.
 *
 * The rule is NumPy's: Python scalars are weak (NEP 50) and first take the
 * dtype they get against the strong operands; then the first loop (in the
 * ufunc's order) whose inputs every operand can be cast to safely wins.
 * With a signature or dtype= fixing some positions, the first loop that
 * matches those and accepts the inputs under `casting` wins.  A few ufuncs
 * add rules of their own (enum nc_resolver). */
#include "numc/ufunc.h"

static const char *casting_name(nc_casting c)
{
    static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    return names[c];
}

static nc_status no_loop(const nc_ufunc *uf, nc_casting casting)
{
    return nc_error_set(NC_ERR_NOLOOP,
                        "ufunc '%s' not supported for the input types, and the inputs could not be "
                        "safely coerced to any supported types according to the casting rule '%s'",
                        uf->name, casting_name(casting));
}

nc_status nc_ufunc_resolve(const nc_ufunc *uf, const nc_dtype_id *in, const nc_weak_kind *weak,
                           const int *sig, nc_casting casting, int *loop_index)
{
    nc_dtype_id eff[NC_UFUNC_MAXARGS];
    nc_dtype_id strong[NC_UFUNC_MAXARGS];
    int nstrong = 0;
    for (int i = 0; i < uf->nin; i++)
        if (!weak || weak[i] == NC_WEAK_NONE)
            strong[nstrong++] = in[i];
    nc_dtype_id common = nstrong ? nc_result_type(nstrong, strong, 0, NULL) : NC_BOOL;
    for (int i = 0; i < uf->nin; i++) {
        if (weak && weak[i] != NC_WEAK_NONE) {
            /* ldexp's exponent loops are int32/int64: a Python int there
             * stays an integer instead of taking the mantissa's float type. */
            if (uf->resolver == NC_RESOLVE_LDEXP && i == 1 && weak[i] == NC_WEAK_INT)
                eff[i] = NC_INT64;
            else if (nstrong)
                eff[i] = nc_weak_resolve(weak[i], common);
            else
                eff[i] = weak[i] == NC_WEAK_INT     ? NC_INT64
                         : weak[i] == NC_WEAK_FLOAT ? NC_FLOAT64
                                                    : NC_COMPLEX128;
        } else {
            eff[i] = in[i];
        }
    }
    int fixed = 0;
    for (int k = 0; sig && k < uf->nin + uf->nout; k++)
        fixed |= sig[k] >= 0;

    if (!fixed) {
        int all_bool = 1, all_int = 1;
        for (int i = 0; i < uf->nin; i++) {
            char kind = nc_dtype_info(eff[i])->kind;
            all_bool &= kind == 'b';
            all_int &= kind == 'b' || kind == 'i' || kind == 'u';
        }
        if (uf->resolver == NC_RESOLVE_NO_BOOL_SUB && all_bool)
            return nc_error_set(NC_ERR_TYPE,
                                "numpy boolean subtract, the `-` operator, is not supported, use the "
                                "bitwise_xor, the `^` operator, or the logical_xor function instead.");
        if (uf->resolver == NC_RESOLVE_NO_BOOL_NEG && all_bool)
            return nc_error_set(NC_ERR_TYPE,
                                "The numpy boolean negative, the `-` operator, is not supported, use "
                                "the `~` operator or the logical_not function instead.");
        if (uf->resolver == NC_RESOLVE_NO_BOOL && all_bool)
            return nc_error_set(NC_ERR_NOLOOP,
                                "ufunc '%s' did not contain a loop with signature matching types "
                                "(bool) -> None", uf->name);
        if (uf->resolver == NC_RESOLVE_TRUE_DIVIDE && all_int)
            for (int i = 0; i < uf->nin; i++)
                eff[i] = NC_FLOAT64;
        for (int l = 0; l < uf->nloops; l++) {
            const nc_loop *lp = &uf->loops[l];
            int ok = 1;
            for (int i = 0; i < uf->nin && ok; i++)
                ok = nc_can_cast(eff[i], (nc_dtype_id)lp->types[i], NC_CAST_SAFE);
            if (ok) {
                *loop_index = l;
                return NC_OK;
            }
        }
        return no_loop(uf, NC_CAST_SAFE);
    }
    /* Fixed positions: exact match there; inputs must cast under `casting`.
     * Prefer a loop whose free inputs are reached safely, as NumPy does. */
    for (int pass = 0; pass < 2; pass++) {
        for (int l = 0; l < uf->nloops; l++) {
            const nc_loop *lp = &uf->loops[l];
            int ok = 1;
            for (int k = 0; k < uf->nin + uf->nout && ok; k++)
                ok = sig[k] < 0 || sig[k] == lp->types[k];
            for (int i = 0; i < uf->nin && ok; i++)
                ok = nc_can_cast(eff[i], (nc_dtype_id)lp->types[i],
                                 pass == 0 && sig[i] < 0 ? NC_CAST_SAFE : casting);
            if (ok) {
                *loop_index = l;
                return NC_OK;
            }
        }
    }
    return no_loop(uf, casting);
}
