/* sign_float.inc.c: negative, positive and absolute for one real floating
 * dtype (see foreach_float.inc.c for T, IS_HALF, M).
 *
 * These only touch the sign bit, as NumPy's do: negative flips it (NaNs
 * included), absolute clears it (so |NaN| is a positive NaN), positive
 * copies.  Float16 is handled on its bits, with no conversion. */

#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(negative)
#if IS_HALF
#define LOOP_OP(a) ((nc_half)((a) ^ NC_HALF_SIGN))
#else
#define LOOP_OP(a) (-(a))
#endif
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(positive)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(absolute)
#if IS_HALF
#define LOOP_OP(a) ((nc_half)((a) & ~NC_HALF_SIGN))
#else
#define LOOP_OP(a) M(fabs)(a)
#endif
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
