/* math_complex.inc.c: the complex loops of exp, log, sin, cos, tanh and
 * sqrt for one complex dtype (see foreach_complex.inc.c for T, RT, M, CT).
 *
 * These call C99's complex functions (cexp, clog, ...), which is what
 * NumPy's loops call on glibc; their special values (Annex G) and branch
 * cuts are NumPy's, and so are the flags they raise. */

static inline CT NC_HNAME(to_c)(T a)
{
    CT z;
    memcpy(&z, &a, sizeof z);
    return z;
}

static inline T NC_HNAME(from_c)(CT z)
{
    T a;
    memcpy(&a, &z, sizeof a);
    return a;
}

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_NAME NC_KNAME(exp)
#define LOOP_OP(a) NC_HNAME(from_c)(M(cexp)(NC_HNAME(to_c)(a)))
#include "ufunc/loops/loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(log)
#define LOOP_OP(a) NC_HNAME(from_c)(M(clog)(NC_HNAME(to_c)(a)))
#include "ufunc/loops/loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(sin)
#define LOOP_OP(a) NC_HNAME(from_c)(M(csin)(NC_HNAME(to_c)(a)))
#include "ufunc/loops/loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(cos)
#define LOOP_OP(a) NC_HNAME(from_c)(M(ccos)(NC_HNAME(to_c)(a)))
#include "ufunc/loops/loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(tanh)
#define LOOP_OP(a) NC_HNAME(from_c)(M(ctanh)(NC_HNAME(to_c)(a)))
#include "ufunc/loops/loop_unary.inc.c"
#define LOOP_NAME NC_KNAME(sqrt)
#define LOOP_OP(a) NC_HNAME(from_c)(M(csqrt)(NC_HNAME(to_c)(a)))
#include "ufunc/loops/loop_unary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT
