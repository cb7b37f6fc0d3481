/* internal.h: helpers shared between core files, not part of the public API. */
#ifndef NC_INTERNAL_H
#define NC_INTERNAL_H
#include "numc/array.h"

/* 1 when a and b are the very same view: same data, dtype, shape and the
 * strides that matter (those of axes longer than 1). */
int nc__same_view(const nc_array *a, const nc_array *b);
#endif
