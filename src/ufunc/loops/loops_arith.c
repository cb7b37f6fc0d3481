/* loops_arith.c: the add, subtract, multiply and divide loops of bool,
 * integer and real floating dtypes (complex ones are in loops_complex.c).
 *
 * Invariants: integer results wrap (no signed overflow ever happens in C);
 * float results are IEEE, flags included (no fast-math); bool add is OR and
 * bool multiply AND, with results 0 or 1. */
#include "loops.h"

/* Bool operands are 0 or 1, so OR and AND of the bytes are the logical
 * operations; `!= 0` keeps the result canonical even for other bytes. */
#define LOOP_TIN nc_bool
#define LOOP_TOUT nc_bool
#define LOOP_REDUCIBLE

#define LOOP_NAME nc_add_b1
#define LOOP_OP(a, b) ((nc_bool)(((a) | (b)) != 0))
#include "loop_binary.inc.c"

#define LOOP_NAME nc_multiply_b1
#define LOOP_OP(a, b) ((nc_bool)(((a) != 0) & ((b) != 0)))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE

#define NC_TEMPLATE "arith_int.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "arith_float.inc.c"
#include "foreach_float.inc.c"
