/* minmax_int.inc.c: maximum and minimum for one integer dtype (T, SFX).
 * Plain conditional selects, which the vectoriser turns into min/max
 * instructions. */

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#define LOOP_NAME NC_KNAME(maximum)
#define LOOP_OP(a, b) ((a) > (b) ? (a) : (b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(minimum)
#define LOOP_OP(a, b) ((a) < (b) ? (a) : (b))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE
