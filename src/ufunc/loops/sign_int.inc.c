/* sign_int.inc.c: negative, positive and absolute for one integer dtype
 * (see foreach_int.inc.c for T, UW, SIGNED).
 *
 * Negation is done in the unsigned UW, so -TMIN wraps to TMIN (as in
 * NumPy: absolute(int8(-128)) is -128) and unsigned values wrap modulo
 * 2^BITS, without signed overflow. */

#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(negative)
#define LOOP_OP(a) ((T)(0u - (UW)(a)))
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(positive)
#define LOOP_OP(a) (a)
#include "loop_unary.inc.c"

#define LOOP_NAME NC_KNAME(absolute)
#if SIGNED
#define LOOP_OP(a) ((a) < 0 ? (T)(0u - (UW)(a)) : (a))
#else
#define LOOP_OP(a) (a)
#endif
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
