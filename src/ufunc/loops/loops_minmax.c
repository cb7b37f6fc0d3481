/* loops_minmax.c: maximum and minimum for bool, integer and real floating
 * dtypes (complex ones are in loops_complex.c).
 *
 * Invariants: a NaN operand propagates; no floating-point flag is raised;
 * bool results stay 0 or 1. */
#include <math.h>
#include "loops.h"

/* On bools, maximum is OR and minimum AND. */
#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_REDUCIBLE

#define LOOP_NAME nc_maximum_b1
#define LOOP_OP(a, b) ((nc_bool)((a) | (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME nc_minimum_b1
#define LOOP_OP(a, b) ((nc_bool)((a) & (b)))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE

#define NC_TEMPLATE "minmax_int.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "minmax_float.inc.c"
#include "foreach_float.inc.c"
