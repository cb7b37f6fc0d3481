/* cast_half_simd.h: hardware float16 casts (see cast_half_simd.c). */
#ifndef NC_CAST_HALF_SIMD_H
#define NC_CAST_HALF_SIMD_H
#include "numc/dtype.h"

/* The fast kernel for from -> to where there is one on this CPU (it falls
 * back to `portable`, the kernel from the cast table, for strided runs and
 * special values), else `portable` itself. */
nc_cast_fn nc__cast_half_simd(nc_dtype_id from, nc_dtype_id to, nc_cast_fn portable);
/* The portable kernel of the cast table (cast.c). */
nc_cast_fn nc__cast_portable(nc_dtype_id from, nc_dtype_id to);
#endif
