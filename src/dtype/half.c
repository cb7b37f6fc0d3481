/* half.c: IEEE 754 binary16 <-> binary32/binary64 conversions in portable C.
 *
 * Invariants:
 *  - Widening (half -> float/double) is exact, including subnormals, and keeps
 *    the sign and the NaN payload bits (shifted to the top of the wider
 *    significand), as NumPy does.
 *  - Narrowing rounds to nearest, ties to even, straight from the source
 *    format; double -> half never goes through float, which could round twice.
 *  - Finite values too large for half become +-inf and raise FE_OVERFLOW,
 *    which is what makes NumPy warn "overflow encountered in cast".  Underflow
 *    to zero raises nothing (NumPy does not warn there either).
 *  - NaN stays NaN with its sign: the top ten payload bits are kept and, if
 *    they are all zero, the lowest is set so that the result is not inf.
 *  - Floats are only read and written through memcpy, so there is no type
 *    punning and no dependence on the FPU's half support. */
#include "core/fpstatus.h"
#include <fenv.h>
#include <string.h>
#include "numc/dtype.h"

#define HALF_EXP_MASK 0x7c00u
#define HALF_MAN_MASK 0x03ffu

float nc_half_to_float(nc_half h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h & HALF_EXP_MASK) >> 10;
    uint32_t man = h & HALF_MAN_MASK;
    uint32_t bits;
    float f;
    if (exp == 0) {
        /* Zero or subnormal: man * 2^-24 is exact in float and has no flags. */
        f = (float)man * 0x1p-24f;
        memcpy(&bits, &f, sizeof bits);
        bits |= sign;
    } else if (exp == 0x1f) {
        bits = sign | 0x7f800000u | (man << 13);
    } else {
        bits = sign | ((exp + (127 - 15)) << 23) | (man << 13);
    }
    memcpy(&f, &bits, sizeof f);
    return f;
}

double nc_half_to_double(nc_half h)
{
    uint64_t sign = (uint64_t)(h & 0x8000u) << 48;
    uint64_t exp = (h & HALF_EXP_MASK) >> 10;
    uint64_t man = h & HALF_MAN_MASK;
    uint64_t bits;
    double d;
    if (exp == 0) {
        d = (double)man * 0x1p-24;
        memcpy(&bits, &d, sizeof bits);
        bits |= sign;
    } else if (exp == 0x1f) {
        bits = sign | 0x7ff0000000000000u | (man << 42);
    } else {
        bits = sign | ((exp + (1023 - 15)) << 52) | (man << 42);
    }
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* Rounds the integer `sig >> shift` to nearest even using the bits shifted
 * out.  shift is in [1, 63]. */
static uint64_t round_shift(uint64_t sig, int shift)
{
    uint64_t kept = sig >> shift;
    uint64_t rest = sig & (((uint64_t)1 << shift) - 1);
    uint64_t half = (uint64_t)1 << (shift - 1);
    if (rest > half || (rest == half && (kept & 1)))
        kept++;
    return kept;
}

/* Narrows a binary value given as sign, unbiased exponent `e` and significand
 * `sig` holding `mbits` fraction bits plus the implicit leading one, i.e.
 * value = sig * 2^(e - mbits).  Only called for finite nonzero normal inputs.
 * A rounding carry out of the significand correctly bumps the exponent field,
 * and a carry out of the largest finite half gives exactly inf. */
static nc_half narrow(uint16_t sign, int e, uint64_t sig, int mbits)
{
    uint64_t h;
    if (e > 15)
        h = HALF_EXP_MASK;
    else if (e >= -14)
        h = ((uint64_t)(e + 15) << 10) + (round_shift(sig, mbits - 10) - 0x400u);
    else if (e >= -25)
        /* Subnormal: units of 2^-24, so shift by mbits - (e + 24). */
        h = round_shift(sig, mbits - 24 - e);
    else
        h = 0; /* below half of the smallest subnormal */
    if (h >= HALF_EXP_MASK) {
        nc__fp_raise(FE_OVERFLOW);
        h = HALF_EXP_MASK;
    }
    return (nc_half)(sign | h);
}

nc_half nc_float_to_half(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    uint16_t sign = (uint16_t)((bits >> 16) & 0x8000u);
    uint32_t exp = (bits >> 23) & 0xffu;
    uint32_t man = bits & 0x7fffffu;
    if (exp == 0xff) {
        if (man == 0)
            return (nc_half)(sign | HALF_EXP_MASK);
        uint16_t payload = (uint16_t)(man >> 13);
        return (nc_half)(sign | HALF_EXP_MASK | (payload ? payload : 1u));
    }
    if (exp == 0) /* zero or float subnormal: far below half's range */
        return sign;
    return narrow(sign, (int)exp - 127, man | 0x800000u, 23);
}

nc_half nc_double_to_half(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint16_t sign = (uint16_t)((bits >> 48) & 0x8000u);
    uint64_t exp = (bits >> 52) & 0x7ffu;
    uint64_t man = bits & 0xfffffffffffffu;
    if (exp == 0x7ff) {
        if (man == 0)
            return (nc_half)(sign | HALF_EXP_MASK);
        uint16_t payload = (uint16_t)(man >> 42);
        return (nc_half)(sign | HALF_EXP_MASK | (payload ? payload : 1u));
    }
    if (exp == 0)
        return sign;
    return narrow(sign, (int)exp - 1023, man | ((uint64_t)1 << 52), 52);
}
