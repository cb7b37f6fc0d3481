/* nanfill.h: the in-place helpers of the NaN-skipping reductions (nansum,
 * nanmax, nanvar, ...): find NaNs and overwrite them, or fill masked
 * positions with a value. */
#ifndef NUMC_NANFILL_H
#define NUMC_NANFILL_H

#include <stdint.h>
#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* For each element of the float or complex array `a` (writeable): mask[i] =
 * isnan(a[i]) (either part for complex), and NaNs are replaced by `value`
 * (real part `value`, imaginary 0 for complex).  `mask` is a bool array of
 * a's shape.  *nnan gets the number of NaNs found.  Other dtypes: mask all
 * false, nothing changed. */
NC_API nc_status nc_nan_replace(nc_array *a, double value, nc_array *mask, int64_t *nnan);

/* a[i] = value wherever the bool array `mask` (broadcast to a's shape) is
 * true; `value` is converted to a's dtype as a C cast. */
NC_API nc_status nc_masked_fill(nc_array *a, const nc_array *mask, double value);

#ifdef __cplusplus
}
#endif
#endif
