/* math_real_explog.inc.c: the loops of exp2, expm1, log2, log10, log1p,
 * sinh, cosh, arcsinh, arccosh, arctanh and cbrt for one real floating
 * dtype, included by math_real.inc.c (whose vm_loop they share): the
 * vmath kernels of the exp/log family (simd_cores_explog.inc.c,
 * vmath_scalar.c).  float16 is computed in float32 and rounded once, and
 * the flags raised are the kernels' reported ones, as for exp. */

#define NC_XL_LOOP(name, op)                                                             \
    int NC_KNAME(name)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,    \
                       void *ctx)                                                        \
    {                                                                                    \
        (void)ctx;                                                                       \
        return NC_HNAME(vm_loop)(op, args, n, steps);                                    \
    }

NC_XL_LOOP(exp2, NC_VM_EXP2)
NC_XL_LOOP(expm1, NC_VM_EXPM1)
NC_XL_LOOP(log2, NC_VM_LOG2)
NC_XL_LOOP(log10, NC_VM_LOG10)
NC_XL_LOOP(log1p, NC_VM_LOG1P)
NC_XL_LOOP(sinh, NC_VM_SINH)
NC_XL_LOOP(cosh, NC_VM_COSH)
NC_XL_LOOP(arcsinh, NC_VM_ASINH)
NC_XL_LOOP(arccosh, NC_VM_ACOSH)
NC_XL_LOOP(arctanh, NC_VM_ATANH)
NC_XL_LOOP(cbrt, NC_VM_CBRT)
#undef NC_XL_LOOP
