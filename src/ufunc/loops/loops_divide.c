/* loops_divide.c: floor_divide, remainder and divmod for integer and real
 * floating dtypes (true divide is with the arithmetic in loops_arith.c).
 *
 * Invariants: Python's rounding (quotient towards -inf, remainder with the
 * divisor's sign); no integer division ever traps or is undefined; the
 * floating-point flags are NumPy's: FE_DIVBYZERO for an integer zero
 * divisor, FE_OVERFLOW for INT_MIN // -1, IEEE flags for floats. */
#include <math.h>
#include "loops.h"
#include "divconst.h"

#define NC_TEMPLATE "divide_int.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "divide_float.inc.c"
#include "foreach_float.inc.c"
