/* fill.h: loops that fill arrays with computed values: a constant (full,
 * ones), arithmetic progressions (arange, linspace) and diagonals (eye).
 *
 * Each function validates its arguments and returns nc_status; the values
 * they produce match NumPy's bit for bit (see fill.c for the formulas). */
#ifndef NUMC_FILL_H
#define NUMC_FILL_H

#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sets every element of `a` to `value` (one element of dtype `vdtype`,
 * converted with an unsafe cast).  `a` may have any strides. */
NC_API nc_status nc_array_fill(nc_array *a, const void *value, nc_dtype_id vdtype);

/* Length of arange(start, stop, step): ceil((stop - start) / step), at least
 * 0.  NC_ERR_ZERODIV when step == 0 ("division by zero"), NC_ERR_VALUE when
 * the length is nan ("arange: cannot compute length") or does not fit
 * ("Maximum allowed size exceeded"). */
NC_API nc_status nc_arange_length(double start, double stop, double step, ptrdiff_t *len);

/* Completes an arange in the 1-d array `a` whose elements 0 and 1 already
 * hold start and start + step (in a's dtype): element i becomes
 * start + i * (a[1] - a[0]), computed in a's dtype as NumPy's fill does.
 * Bool arrays longer than 2 are refused (NC_ERR_TYPE). */
NC_API nc_status nc_arange_fill(nc_array *a);

/* linspace into the 1-d array `a` of `num` = a->shape[0] elements, of dtype
 * float32, float64, complex64 or complex128 (the computation dtype; values
 * are computed in it).  start/stop are {re, im}.  Element i is
 * i * step + start with step = (stop - start) / div, div = num - 1 with
 * endpoint and num otherwise; when step is 0, (i / div) * delta + start; the
 * last element is stop when endpoint and num > 1.  step_out (may be NULL)
 * receives step ({nan, 0} when div == 0). */
NC_API nc_status nc_linspace_fill(nc_array *a, const double start[2], const double stop[2],
                                  int endpoint, double step_out[2]);

/* Rounds every element of a float array down (linspace with integer dtype). */
NC_API nc_status nc_array_floor(nc_array *a);

/* Sets a[i, i + k] = 1 for the 2-d array `a`, which must already be zeroed. */
NC_API nc_status nc_eye_fill(nc_array *a, ptrdiff_t k);

#ifdef __cplusplus
}
#endif
#endif
