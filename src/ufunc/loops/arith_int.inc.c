/* arith_int.inc.c: add, subtract and multiply for one integer dtype (see
 * foreach_int.inc.c for T, UW, SFX).
 *
 * Results wrap modulo 2^BITS like NumPy's: the operation is done in the
 * unsigned type UW, where wrap-around is defined, and converted back to T
 * (modular on every compiler numc supports). */

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#define LOOP_NAME NC_KNAME(add)
#define LOOP_OP(a, b) ((T)((UW)(a) + (UW)(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(subtract)
#define LOOP_OP(a, b) ((T)((UW)(a) - (UW)(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(multiply)
#define LOOP_OP(a, b) ((T)((UW)(a) * (UW)(b)))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE
