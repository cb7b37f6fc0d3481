/* format.h: text forms of floating-point values.
 *
 * The shortest decimal digit string that reads back to the same value at a
 * given precision (float16, float32 or float64), as Python's repr gives for
 * float64 and NumPy's scalar repr gives for every float width. */
#ifndef NUMC_FORMAT_H
#define NUMC_FORMAT_H

#include <stddef.h>
#include "numc/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Shortest round-trip digits of `value` rounded to `bits` (16, 32 or 64).
 * Writes the significant digits (no sign, no dot, no leading/trailing
 * zeros; "0" for zero) to `digits` (at least 20 bytes) and the decimal
 * exponent of the first digit to *exp10, so value = 0.d1d2... * 10^(exp10+1),
 * i.e. d1.d2d3... * 10^exp10.  Returns the number of digits, or 0 when the
 * value is nan or infinite (nothing written).  The sign is not handled. */
NC_API int nc_shortest_digits(double value, int bits, char *digits, int *exp10);

/* Formats `value` rounded to `bits` (16, 32 or 64) as NumPy's scalar repr
 * does: the shortest round-trip digits, positional ("0.1", "100.0") when
 * 1e-4 <= |value| < 10^k (k = 3, 6, 16 for 16, 32, 64 bits) or zero, else
 * scientific ("1e+16", "6.55e+04", "1e-05"); "nan", "inf", "-inf".  Writes
 * at most `cap` bytes including the NUL and returns the length it needed
 * (snprintf-style; the output is truncated when that is >= cap). */
NC_API int nc_format_shortest(double value, int bits, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
