/* bitwise_int.inc.c: bitwise_and, bitwise_or, bitwise_xor, invert,
 * left_shift and right_shift for one integer dtype (see foreach_int.inc.c).
 *
 * Shifts follow NumPy for every count, where C would be undefined: a count
 * that is negative or at least BITS (compared as unsigned, so negative
 * counts are huge) shifts everything out, giving 0, or -1 for a right shift
 * of a negative value.  Left shifts are done in UW, so bits shifted into or
 * past the sign are not signed overflow; right shifts of negative values
 * are arithmetic (GCC and Clang define >> so). */

#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_REDUCIBLE

#define LOOP_NAME NC_KNAME(bitwise_and)
#define LOOP_OP(a, b) ((T)((a) & (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(bitwise_or)
#define LOOP_OP(a, b) ((T)((a) | (b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(bitwise_xor)
#define LOOP_OP(a, b) ((T)((a) ^ (b)))
#include "loop_binary.inc.c"

#define NC_COUNT_OK(b) ((uint64_t)(b) < BITS)

#define LOOP_NAME NC_KNAME(left_shift)
#define LOOP_OP(a, b) (NC_COUNT_OK(b) ? (T)((UW)(a) << (b)) : (T)0)
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(right_shift)
#if SIGNED
#define LOOP_OP(a, b) (NC_COUNT_OK(b) ? (T)((a) >> (b)) : (T)((a) < 0 ? -1 : 0))
#else
#define LOOP_OP(a, b) (NC_COUNT_OK(b) ? (T)((a) >> (b)) : (T)0)
#endif
#include "loop_binary.inc.c"

#undef NC_COUNT_OK
#undef LOOP_REDUCIBLE

#define LOOP_NAME NC_KNAME(invert)
#define LOOP_OP(a) ((T)~(a))
#include "loop_unary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT
