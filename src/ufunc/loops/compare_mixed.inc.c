/* compare_mixed.inc.c: the six comparisons of an int64 with a uint64 (or
 * the reverse), NumPy's 'qQ->?' and 'Qq->?' loops, by exact value.
 *
 * The includer defines SFX and A_NEG(a) / B_NEG(b), true when that operand
 * is the signed one and negative.  Both operands are read as uint64_t (the
 * same size as int64_t, so the skeleton's one input type fits): a negative
 * int64 is below every uint64, and otherwise the unsigned bits compare
 * correctly. */

#define LOOP_TIN uint64_t
#define LOOP_TOUT nc_bool

#define LOOP_NAME NC_KNAME(equal)
#define LOOP_OP(a, b) ((nc_bool)(!A_NEG(a) & !B_NEG(b) & ((a) == (b))))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(not_equal)
#define LOOP_OP(a, b) ((nc_bool)(A_NEG(a) | B_NEG(b) | ((a) != (b))))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less)
#define LOOP_OP(a, b) ((nc_bool)(A_NEG(a) | (!B_NEG(b) & ((a) < (b)))))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less_equal)
#define LOOP_OP(a, b) ((nc_bool)(A_NEG(a) | (!B_NEG(b) & ((a) <= (b)))))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater)
#define LOOP_OP(a, b) ((nc_bool)(B_NEG(b) | (!A_NEG(a) & ((a) > (b)))))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater_equal)
#define LOOP_OP(a, b) ((nc_bool)(B_NEG(b) | (!A_NEG(a) & ((a) >= (b)))))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
