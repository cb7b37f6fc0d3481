/* loops_complex.c: the complex64 and complex128 loops of arithmetic,
 * power, sign, absolute, comparisons and extrema (logical ones are in
 * loops_logic.c).
 *
 * Invariants: parts are computed in the part type (float for complex64),
 * never in a wider one, as NumPy does; results match NumPy's x86-64 loops
 * bit for bit, including their use of fused multiply-add. */
#include <complex.h>
#include <math.h>
#include <string.h>
#include "loops.h"

#define NC_TEMPLATE "complex.inc.c"
#include "foreach_complex.inc.c"
