/* round_float.inc.c: floor, ceil, trunc, rint for one real floating dtype
 * (see foreach_float.inc.c).  libm's rounding functions raise no flag but
 * FE_INVALID for a signaling NaN, as NumPy's. */

#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(floor)
#define LOOP_OP(a) ST(M(floor)(LD(a)))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(ceil)
#define LOOP_OP(a) ST(M(ceil)(LD(a)))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(trunc)
#define LOOP_OP(a) ST(M(trunc)(LD(a)))
#include "loop_unary.inc.c"

/* rint rounds half to even in the default rounding mode, like np.rint. */
#define LOOP_NAME NC_KNAME(rint)
#define LOOP_OP(a) ST(M(rint)(LD(a)))
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
