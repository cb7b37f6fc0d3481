/* minmax_int.inc.c: maximum and minimum for one integer dtype (T, SFX).
 * Plain conditional selects, which the vectoriser turns into min/max
 * instructions. */

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#define MR_NAME NC_HNAME(maximum_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) ((acc) > (x))
#include "minmax_reduce.inc.c"
#define LOOP_NAME NC_KNAME(maximum)
#define LOOP_OP(a, b) ((a) > (b) ? (a) : (b))
#define LOOP_REDUCE NC_HNAME(maximum_reduce)
#include "loop_binary.inc.c"

#define MR_NAME NC_HNAME(minimum_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) ((acc) < (x))
#include "minmax_reduce.inc.c"
#define LOOP_NAME NC_KNAME(minimum)
#define LOOP_OP(a, b) ((a) < (b) ? (a) : (b))
#define LOOP_REDUCE NC_HNAME(minimum_reduce)
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE
