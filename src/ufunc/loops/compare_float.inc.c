/* compare_float.inc.c: the six comparisons for one real floating dtype
 * (see foreach_float.inc.c), producing bool.
 *
 * A NaN compares unequal to everything and unordered; the ordered
 * comparisons are the quiet isless & co., because NumPy's comparisons never
 * raise FE_INVALID (the plain < > would, for a quiet NaN).  Float16 is
 * compared on its bits: nc__half_key orders non-NaN values and makes -0 and
 * +0 equal. */

#define LOOP_TIN T
#define LOOP_TOUT nc_bool

#if IS_HALF
#define NC_ORD(a, b) (!nc__half_isnan(a) & !nc__half_isnan(b))
#define NC_CMP(a, op, b) (NC_ORD(a, b) & (nc__half_key(a) op nc__half_key(b)))

#define LOOP_NAME NC_KNAME(equal)
#define LOOP_OP(a, b) ((nc_bool)NC_CMP(a, ==, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(not_equal)
#define LOOP_OP(a, b) ((nc_bool)!NC_CMP(a, ==, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less)
#define LOOP_OP(a, b) ((nc_bool)NC_CMP(a, <, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less_equal)
#define LOOP_OP(a, b) ((nc_bool)NC_CMP(a, <=, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater)
#define LOOP_OP(a, b) ((nc_bool)NC_CMP(a, >, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater_equal)
#define LOOP_OP(a, b) ((nc_bool)NC_CMP(a, >=, b))
#include "loop_binary.inc.c"

#undef NC_ORD
#undef NC_CMP
#else
#define LOOP_NAME NC_KNAME(equal)
#define LOOP_OP(a, b) ((nc_bool)((a) == (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(not_equal)
#define LOOP_OP(a, b) ((nc_bool)((a) != (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less)
#define LOOP_OP(a, b) ((nc_bool)isless(a, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(less_equal)
#define LOOP_OP(a, b) ((nc_bool)islessequal(a, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater)
#define LOOP_OP(a, b) ((nc_bool)isgreater(a, b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(greater_equal)
#define LOOP_OP(a, b) ((nc_bool)isgreaterequal(a, b))
#include "loop_binary.inc.c"
#endif

#undef LOOP_TIN
#undef LOOP_TOUT
