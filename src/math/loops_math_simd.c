/* loops_math_simd.c: the ufunc loops of exp, log, sin, cos, tanh and sqrt
 * (real and complex dtypes) and of tan, arcsin, arccos, arctan and arctan2
 * (real dtypes).
 *
 * Invariants: float16 is computed in float32 and rounded once, as NumPy
 * does; the loops raise exactly the flags NumPy's raise for the same
 * inputs (vmath.h), whichever kernel implementation ran. */
#include <complex.h>
#include <math.h>
#include <string.h>
#include "ufunc/loops/loops.h"
#include "math/vmath.h"

#define BLOCK 256

#define NC_TEMPLATE "math/math_real.inc.c"
#include "ufunc/loops/foreach_float.inc.c"

#define NC_TEMPLATE "math/math_complex.inc.c"
#include "ufunc/loops/foreach_complex.inc.c"

#define NC_TEMPLATE "math/math_trig.inc.c"
#include "ufunc/loops/foreach_float.inc.c"
