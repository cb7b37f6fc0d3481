/* loops_bitwise.c: bitwise_and, bitwise_or, bitwise_xor and invert for
 * bool and integers, left_shift and right_shift for integers.
 *
 * Invariants: no C undefined behaviour for any shift count or value; bool
 * results stay 0 or 1 (bool invert is logical not, as in NumPy). */
#include "loops.h"

#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_REDUCIBLE

#define LOOP_NAME nc_bitwise_and_b1
#define LOOP_OP(a, b) ((nc_bool)((a) & (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME nc_bitwise_or_b1
#define LOOP_OP(a, b) ((nc_bool)((a) | (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME nc_bitwise_xor_b1
#define LOOP_OP(a, b) ((nc_bool)((a) ^ (b)))
#include "loop_binary.inc.c"

#undef LOOP_REDUCIBLE

#define LOOP_NAME nc_invert_b1
#define LOOP_OP(a) ((nc_bool)!(a))
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT

#define NC_TEMPLATE "bitwise_int.inc.c"
#include "foreach_int.inc.c"
