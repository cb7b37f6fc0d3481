/* loops_round.c: floor, ceil, trunc and rint of bool and real floating
 * dtypes (integer ones are in loops_intmath.c, complex rint in
 * loops_cmath.c).
 *
 * Invariants: the bool loops copy (NumPy 2 keeps bool for these); float16
 * rounds through float, which is exact since every half is a float and
 * every rounded half is representable again. */
#include <math.h>
#include "loops.h"

#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_NAME nc_floor_b1
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"
#define LOOP_NAME nc_ceil_b1
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"
#define LOOP_NAME nc_trunc_b1
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT

#define NC_TEMPLATE "round_float.inc.c"
#include "foreach_float.inc.c"
