/* math_real_explog.inc.c: the loops of exp2, expm1, log2, log10, log1p,
 * sinh, cosh, arcsinh, arccosh, arctanh and cbrt for one real floating
 * dtype, included by math_real.inc.c (whose vm_loop they share): the
 * vmath kernels of the exp/log family (simd_cores_explog.inc.c,
 * vmath_scalar.c).  float16 is computed in float32 and rounded once, and
 * the flags raised are the kernels' reported ones, as for exp. */

NC_VM_LOOP(exp2, NC_VM_EXP2)
NC_VM_LOOP(expm1, NC_VM_EXPM1)
NC_VM_LOOP(log2, NC_VM_LOG2)
NC_VM_LOOP(log10, NC_VM_LOG10)
NC_VM_LOOP(log1p, NC_VM_LOG1P)
NC_VM_LOOP(sinh, NC_VM_SINH)
NC_VM_LOOP(cosh, NC_VM_COSH)
NC_VM_LOOP(arcsinh, NC_VM_ASINH)
NC_VM_LOOP(arccosh, NC_VM_ACOSH)
NC_VM_LOOP(arctanh, NC_VM_ATANH)
NC_VM_LOOP(cbrt, NC_VM_CBRT)
