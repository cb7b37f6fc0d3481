/* argreduce.h: arg-reductions (argmin, argmax) and counting of non-zero
 * elements, over arrays of any dtype and layout.
 *
 * These are loops over data that are not ufunc reductions: the result is a
 * position (int64), or a count, not a combination of values. */
#ifndef NUMC_ARGREDUCE_H
#define NUMC_ARGREDUCE_H

#include <stdint.h>
#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Index of the first maximum (is_max = 1) or minimum (is_max = 0) of `a`
 * along `axis`, written into `out`, an int64 array with a's shape less that
 * axis (any strides, must not overlap `a`).  axis < 0 means the flattened
 * array in C order; `out` then has one element.  NumPy's rules: the first NaN
 * wins (a NaN in either part of a complex value), complex values compare
 * lexicographically, ties go to the first position.  An empty axis with a
 * non-empty result is NC_ERR_VALUE ("attempt to get argmax of an empty
 * sequence"); a bad axis NC_ERR_AXIS. */
NC_API nc_status nc_argreduce(const nc_array *a, int axis, int is_max, nc_array *out);

/* Number of elements of `a` that are not zero (NaN counts; -0.0 does not;
 * a complex value counts when either part is non-zero). */
NC_API nc_status nc_count_nonzero(const nc_array *a, int64_t *count);

/* Sum of (x - mean)^2 over all elements of a float64 array `a` (any
 * layout), summed pairwise in blocks with independent accumulators: the
 * second pass of var/std without a temporary array.  NC_ERR_TYPE for other
 * dtypes. */
NC_API nc_status nc_sum_sqdev_f64(const nc_array *a, double mean, double *out);

#ifdef __cplusplus
}
#endif
#endif
