/* compare_int.inc.c: the six comparisons for one bool or integer dtype
 * (T, SFX), producing bool. */

#define LOOP_TIN T
#define LOOP_TOUT nc_bool

#define LOOP_NAME NC_KNAME(equal)
#define LOOP_OP(a, b) ((nc_bool)((a) == (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(not_equal)
#define LOOP_OP(a, b) ((nc_bool)((a) != (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less)
#define LOOP_OP(a, b) ((nc_bool)((a) < (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less_equal)
#define LOOP_OP(a, b) ((nc_bool)((a) <= (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater)
#define LOOP_OP(a, b) ((nc_bool)((a) > (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater_equal)
#define LOOP_OP(a, b) ((nc_bool)((a) >= (b)))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
