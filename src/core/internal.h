/* internal.h: helpers shared between core files, not part of the public API. */
#ifndef NC_INTERNAL_H
#define NC_INTERNAL_H
#include "numc/array.h"

/* 1 when a and b are the very same view: same data, dtype, shape and the
 * strides that matter (those of axes longer than 1). */
int nc__same_view(const nc_array *a, const nc_array *b);

struct nc_ufunc;
/* The position of uf in the core's registry (registry.c), or -1 for a
 * ufunc defined elsewhere; lets callers keep per-ufunc caches. */
int nc__ufunc_index(const struct nc_ufunc *uf);
#endif
