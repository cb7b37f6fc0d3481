/* loops_intmath.c: the math ufuncs' bool and integer loops: floor, ceil,
 * trunc, conjugate (copies), square, reciprocal, sign, fmax, fmin, fmod,
 * gcd, lcm, bitwise_count.
 *
 * Invariants: arithmetic is done in the unsigned UW of foreach_int.inc.c,
 * so results wrap modulo 2^BITS as NumPy's do, with no signed overflow;
 * integer fmod by zero gives 0 and raises FE_DIVBYZERO, reciprocal of zero
 * raises FE_DIVBYZERO and FE_INVALID (NumPy computes 1.0/x and converts). */
#include "loops.h"

/* On bools fmax is OR and fmin AND, as maximum and minimum. */
#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_REDUCIBLE
#define LOOP_NAME nc_fmax_b1
#define LOOP_OP(a, b) ((nc_bool)((a) | (b)))
#include "loop_binary.inc.c"
#define LOOP_NAME nc_fmin_b1
#define LOOP_OP(a, b) ((nc_bool)((a) & (b)))
#include "loop_binary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE

#define NC_TEMPLATE "intmath_int.inc.c"
#include "foreach_int.inc.c"
