/* inspect_int.inc.c: isnan, isinf, isfinite for one integer dtype (see
 * foreach_int.inc.c): constants, as in NumPy 2, which has integer loops
 * for them instead of casting to float. */

#define LOOP_TIN T
#define LOOP_TOUT nc_bool

#define LOOP_NAME NC_KNAME(isnan)
#define LOOP_OP(a) ((nc_bool)((void)(a), 0))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(isinf)
#define LOOP_OP(a) ((nc_bool)((void)(a), 0))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(isfinite)
#define LOOP_OP(a) ((nc_bool)((void)(a), 1))
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
