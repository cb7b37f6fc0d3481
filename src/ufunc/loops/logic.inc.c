/* logic.inc.c: logical_and, logical_or, logical_xor and logical_not for
 * one dtype (T, SFX), producing bool.
 *
 * An element is true when it is nonzero: for floats `x != 0` (NaN is true,
 * -0.0 false; != is quiet), for float16 any bit but the sign, for complex
 * either part.  IS_HALF / IS_COMPLEX, when defined and 1, select those. */

#if defined(IS_COMPLEX) && IS_COMPLEX
#define NC_NZ(x) (((x).re != 0) | ((x).im != 0))
#elif defined(IS_HALF) && IS_HALF
#define NC_NZ(x) (((x) & 0x7fffu) != 0)
#else
#define NC_NZ(x) ((x) != 0)
#endif

#define LOOP_TIN T
#define LOOP_TOUT nc_bool

#define LOOP_NAME NC_KNAME(logical_and)
#define LOOP_OP(a, b) ((nc_bool)(NC_NZ(a) & NC_NZ(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(logical_or)
#define LOOP_OP(a, b) ((nc_bool)(NC_NZ(a) | NC_NZ(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(logical_xor)
#define LOOP_OP(a, b) ((nc_bool)(NC_NZ(a) ^ NC_NZ(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(logical_not)
#define LOOP_OP(a) ((nc_bool)!NC_NZ(a))
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
#undef NC_NZ
