/* loops_sign.c: the negative, positive and absolute loops of bool, integer
 * and real floating dtypes (complex ones are in loops_complex.c).
 *
 * Invariants: integer negation wraps without signed overflow; float loops
 * change only the sign bit and so raise no floating-point flags. */
#include <math.h>
#include "loops.h"

/* absolute is the only one of the three with a bool loop: it copies. */
#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_NAME nc_absolute_b1
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT

#define NC_TEMPLATE "sign_int.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "sign_float.inc.c"
#include "foreach_float.inc.c"
