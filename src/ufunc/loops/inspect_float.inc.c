/* inspect_float.inc.c: isnan, isinf, isfinite, signbit for one real
 * floating dtype (see foreach_float.inc.c).  float16 is read as bits.
 * The C classification macros are quiet in scalar code, but vectorised
 * for SSE2 some become signaling compares: LOOP_NOFPE drops their flags. */

#define LOOP_TIN T
#define LOOP_TOUT nc_bool
#define LOOP_NOFPE

#if IS_HALF
#define LOOP_NAME NC_KNAME(isnan)
#define LOOP_OP(a) ((nc_bool)nc__half_isnan(a))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(isinf)
#define LOOP_OP(a) ((nc_bool)(((a) & 0x7fffu) == NC_HALF_EXPMASK))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(isfinite)
#define LOOP_OP(a) ((nc_bool)(((a) & NC_HALF_EXPMASK) != NC_HALF_EXPMASK))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(signbit)
#define LOOP_OP(a) ((nc_bool)(((a) & NC_HALF_SIGN) != 0))
#include "loop_unary.inc.c"
#else
#define LOOP_NAME NC_KNAME(isnan)
#define LOOP_OP(a) ((nc_bool)(isnan(a) != 0))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(isinf)
#define LOOP_OP(a) ((nc_bool)(isinf(a) != 0))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(isfinite)
#define LOOP_OP(a) ((nc_bool)(isfinite(a) != 0))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(signbit)
#define LOOP_OP(a) ((nc_bool)(signbit(a) != 0))
#include "loop_unary.inc.c"
#endif

#undef LOOP_NOFPE
#undef LOOP_TIN
#undef LOOP_TOUT
