/* minmax_float.inc.c: maximum and minimum for one real floating dtype (see
 * foreach_float.inc.c), propagating NaN.
 *
 * The rules are NumPy's, signed zeros included.  float32/float64: a NaN in
 * a is returned, else a NaN in b, else the larger (smaller) with ties going
 * to b, so maximum(-0.0, 0.0) is 0.0 and maximum(0.0, -0.0) is -0.0 (x86's
 * maxpd/minpd order).  float16: a if a >= b (a <= b) or a is NaN, else b,
 * so ties go to a.  No flag is raised for NaN, as in NumPy. */

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#if IS_HALF
#define NC_ORD(a, b) (!nc__half_isnan(a) & !nc__half_isnan(b))

#define LOOP_NAME NC_KNAME(maximum)
#define LOOP_OP(a, b)                                                        \
    ((nc__half_isnan(a) | (NC_ORD(a, b) & (nc__half_key(a) >= nc__half_key(b)))) ? (a) : (b))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(minimum)
#define LOOP_OP(a, b)                                                        \
    ((nc__half_isnan(a) | (NC_ORD(a, b) & (nc__half_key(a) <= nc__half_key(b)))) ? (a) : (b))
#include "loop_binary.inc.c"

#undef NC_ORD
#else
/* isgreater & co. are quiet in scalar code, but vectorised they become
 * SSE2's signaling compares: LOOP_NOFPE drops the FE_INVALID those raise. */
#define LOOP_NOFPE

#define MR_NAME NC_HNAME(maximum_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) (((acc) > (x)) | ((acc) != (acc)))
#define MR_VKEEP(acc, x) ((acc) > (x))
#define MR_FIRSTNAN
#include "minmax_reduce.inc.c"
#define LOOP_NAME NC_KNAME(maximum)
#define LOOP_OP(a, b) ((isgreater(a, b) || isnan(a)) ? (a) : (b))
#define LOOP_REDUCE NC_HNAME(maximum_reduce)
#include "loop_binary.inc.c"

#define MR_NAME NC_HNAME(minimum_reduce)
#define MR_T T
#define MR_VI NC_VI
#define MR_KEEP(acc, x) (((acc) < (x)) | ((acc) != (acc)))
#define MR_VKEEP(acc, x) ((acc) < (x))
#define MR_FIRSTNAN
#include "minmax_reduce.inc.c"
#define LOOP_NAME NC_KNAME(minimum)
#define LOOP_OP(a, b) ((isless(a, b) || isnan(a)) ? (a) : (b))
#define LOOP_REDUCE NC_HNAME(minimum_reduce)
#include "loop_binary.inc.c"

#undef LOOP_NOFPE
#endif

#undef LOOP_TIN
#undef LOOP_TOUT
#undef LOOP_REDUCIBLE
