/* loops_math.c: the math ufuncs' real floating loops: the libm families
 * (exp2 ... arctanh, arctan2, hypot, logaddexp), square, reciprocal, fabs,
 * sign, fmax, fmin, fmod, copysign, nextafter, spacing, heaviside, angle
 * conversions, frexp, ldexp, modf, and float_power (with its complex loop).
 *
 * Invariants: float16 computes in float and rounds once (NumPy's rule);
 * sign-bit operations on float16 work on the bits; floating-point flags
 * come from the arithmetic and libm themselves (SSE, read by the driver),
 * or from nc__fp_raise where a result is made from bits. */
#include <limits.h>
#include <math.h>
#include <string.h>
#include "loops.h"

/* float16 nextafter on the bits, as NumPy: NaN in, NaN out; stepping off
 * the largest finite half raises FE_OVERFLOW. */
static inline nc_half half_nextafter(nc_half x, nc_half y)
{
    if (nc__half_isnan(x) || nc__half_isnan(y))
        return (nc_half)0x7e00u;
    if (nc__half_key(x) == nc__half_key(y))
        return y;
    nc_half r;
    if ((x & 0x7fffu) == 0)
        r = (nc_half)((y & NC_HALF_SIGN) | 1u);
    else if ((nc__half_key(x) < nc__half_key(y)) == !(x & NC_HALF_SIGN))
        r = (nc_half)(x + 1u); /* away from zero */
    else
        r = (nc_half)(x - 1u);
    if ((r & NC_HALF_EXPMASK) == NC_HALF_EXPMASK && (x & NC_HALF_EXPMASK) != NC_HALF_EXPMASK)
        nc__fp_raise(FE_OVERFLOW);
    return r;
}

/* NumPy's float16 spacing differs from its float32/float64 one for
 * negative values: it is the positive gap to the next half toward zero
 * (the smallest subnormal for -0.0).  Positive values get the gap away from
 * zero, overflowing to inf at 65504; infinities and NaN give NaN with
 * FE_INVALID (float32 and float64 raise nothing there). */
static inline nc_half half_spacing(nc_half h)
{
    if ((h & NC_HALF_EXPMASK) == NC_HALF_EXPMASK) {
        nc__fp_raise(FE_INVALID);
        return (nc_half)0x7e00u;
    }
    if (h & NC_HALF_SIGN) {
        const nc_half mag = (nc_half)(h & 0x7fffu);
        if (mag == 0)
            return 1u;
        return nc_float_to_half(nc_half_to_float(mag) - nc_half_to_float((nc_half)(mag - 1u)));
    }
    if (h == 0x7bffu) {
        nc__fp_raise(FE_OVERFLOW);
        return (nc_half)NC_HALF_EXPMASK;
    }
    return nc_float_to_half(nc_half_to_float((nc_half)(h + 1u)) - nc_half_to_float(h));
}

#define NC_TEMPLATE "math_float.inc.c"
#include "foreach_float.inc.c"

/* float_power: libm's pow without power's broadcast-exponent shortcuts
 * (NumPy's float_power is the plain loop); the complex loop is power's. */
#define LOOP_TIN double
#define LOOP_TOUT double
#define LOOP_NAME nc_float_power_f64
#define LOOP_OP(a, b) pow(a, b)
#include "loop_binary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT

int nc_float_power_c128(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, void *ctx)
{
    return nc_power_c128(args, n, steps, ctx);
}
