/* loops_inspect.c: isnan, isinf, isfinite (bool, integer and real floating
 * dtypes) and signbit (real floating).  Complex ones are in loops_cmath.c.
 *
 * Invariants: no loop raises a floating-point flag (NumPy's do not, NaN
 * included); outputs are 0 or 1. */
#include <math.h>
#include "loops.h"

/* Bools and integers are always finite numbers. */
#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_NAME nc_isnan_b1
#define LOOP_OP(a) ((nc_bool)((void)(a), 0))
#include "loop_unary.inc.c"
#define LOOP_NAME nc_isinf_b1
#define LOOP_OP(a) ((nc_bool)((void)(a), 0))
#include "loop_unary.inc.c"
#define LOOP_NAME nc_isfinite_b1
#define LOOP_OP(a) ((nc_bool)((void)(a), 1))
#include "loop_unary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT

#define NC_TEMPLATE "inspect_int.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "inspect_float.inc.c"
#include "foreach_float.inc.c"
