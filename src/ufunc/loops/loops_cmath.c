/* loops_cmath.c: the math ufuncs' complex loops: rint, isnan, isinf,
 * isfinite, square, reciprocal, sign, conjugate, fmax, fmin and the libm
 * families (exp2 ... arctanh) through C99's <complex.h>.
 *
 * Invariants: nc_cfloat/nc_cdouble have the layout of float/double
 * _Complex (two parts, real first), so values convert by memcpy; branch
 * cuts and special values are the C library's (Annex G), which NumPy also
 * uses for these functions. */
#include <complex.h>
#include <math.h>
#include <string.h>
#include "loops.h"

#define NC_TEMPLATE "cmath.inc.c"
#include "foreach_complex.inc.c"
