/* loops_compare.c: equal, not_equal, less, less_equal, greater and
 * greater_equal for bool, integer, mixed int64/uint64 and real floating
 * dtypes (complex ones are in loops_complex.c).
 *
 * Invariants: outputs are bool 0/1; comparisons raise no floating-point
 * flags, NaN included. */
#include <math.h>
#include "loops.h"

#define T nc_bool
#define SFX b1
#include "compare_int.inc.c"
#undef T
#undef SFX

#define NC_TEMPLATE "compare_int.inc.c"
#include "foreach_int.inc.c"

/* The sign bit of a uint64_t read from an int64 operand. */
#define NC_SIGNBIT64(x) ((int)((x) >> 63))

#define SFX i64u64
#define A_NEG(a) NC_SIGNBIT64(a)
#define B_NEG(b) 0
#include "compare_mixed.inc.c"
#undef SFX
#undef A_NEG
#undef B_NEG

#define SFX u64i64
#define A_NEG(a) 0
#define B_NEG(b) NC_SIGNBIT64(b)
#include "compare_mixed.inc.c"
#undef SFX
#undef A_NEG
#undef B_NEG

#define NC_TEMPLATE "compare_float.inc.c"
#include "foreach_float.inc.c"
