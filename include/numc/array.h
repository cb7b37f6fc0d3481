/* array.h: numc's n-dimensional array.
 *
 * An nc_array is a view: data pointer, shape, byte strides and dtype over a
 * reference-counted nc_buffer that owns the memory.  Views share the buffer.
 * nc_array structs are owned by their caller (they can be embedded, e.g. in a
 * Python object); nc_array_clear releases what one holds.
 *
 * Invariants kept by every constructor in the core:
 *  - 0 <= ndim <= NC_MAXDIMS, every shape[i] >= 0;
 *  - size == product(shape) and size * itemsize fits in ptrdiff_t;
 *  - every reachable byte lies inside the buffer (for arrays the core made);
 *  - flags C/F contiguity are exact (see nc_array_update_flags). */
#ifndef NUMC_ARRAY_H
#define NUMC_ARRAY_H

#include <stddef.h>
#include <stdint.h>
#include "numc/export.h"
#include "numc/status.h"
#include "numc/dtype.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NC_MAXDIMS 64
#define NC_INLINE_DIMS 6

enum {
    NC_C_CONTIGUOUS = 0x1,
    NC_F_CONTIGUOUS = 0x2,
    NC_OWNDATA = 0x4,    /* this array allocated its buffer */
    NC_WRITEABLE = 0x8,
    NC_ALIGNED = 0x10
};

typedef struct nc_buffer {
    long refcount;                          /* atomic */
    char *data;
    size_t size;                            /* bytes */
    void (*release)(struct nc_buffer *buf); /* frees data; NULL: nc_free(data) */
    void *ctx;                              /* for release (e.g. a Python object) */
} nc_buffer;

typedef struct nc_array {
    char *data;
    nc_buffer *buffer;      /* NULL only in a cleared array */
    nc_dtype_id dtype;
    int ndim;
    int flags;
    ptrdiff_t size;
    ptrdiff_t *shape;       /* -> inline_dims or a heap block */
    ptrdiff_t *strides;     /* bytes */
    ptrdiff_t inline_dims[2 * NC_INLINE_DIMS];
} nc_array;

typedef enum nc_order { NC_ORDER_C = 0, NC_ORDER_F = 1, NC_ORDER_A = 2, NC_ORDER_K = 3 } nc_order;

/* --- buffers -------------------------------------------------------------- */
/* New buffer of `size` bytes (64-byte aligned, uninitialised or zeroed). */
NC_API nc_status nc_buffer_new(size_t size, int zeroed, nc_buffer **out);
/* Wraps foreign memory; `release` is called when the last reference goes. */
NC_API nc_status nc_buffer_wrap(void *data, size_t size,
                                void (*release)(nc_buffer *), void *ctx,
                                nc_buffer **out);
NC_API void nc_buffer_incref(nc_buffer *buf);
NC_API void nc_buffer_decref(nc_buffer *buf);

/* --- shapes --------------------------------------------------------------- */
/* Checks a shape (ndim range, non-negative dims) and computes its size,
 * refusing sizes whose byte count overflows ptrdiff_t. */
NC_API nc_status nc_shape_size(int ndim, const ptrdiff_t *shape, int itemsize,
                               ptrdiff_t *size);
/* Broadcasts n shapes; writes ndim and shape (NC_MAXDIMS entries). */
NC_API nc_status nc_broadcast_shapes(int n, const int *ndims,
                                     const ptrdiff_t *const *shapes,
                                     int *out_ndim, ptrdiff_t *out_shape);
/* Normalises `axis` against ndim (negative counts from the end). */
NC_API nc_status nc_normalize_axis(int axis, int ndim, int *out);

/* --- arrays --------------------------------------------------------------- */
/* Sets the array's shape storage for `ndim` dimensions (inline or heap). */
NC_API nc_status nc_array_set_ndim(nc_array *a, int ndim);
/* New array with a fresh buffer, C or F ordered (A/K mean C). */
NC_API nc_status nc_array_init_empty(nc_array *a, nc_dtype_id dtype, int ndim,
                                     const ptrdiff_t *shape, nc_order order,
                                     int zeroed);
/* New array laid out like `proto` (NumPy's order='K' with matching shape):
 * axes keep proto's stride order, memory is dense. */
NC_API nc_status nc_array_init_like(nc_array *a, const nc_array *proto,
                                    nc_dtype_id dtype, int ndim,
                                    const ptrdiff_t *shape);
/* View of `buf` (increfs it); strides may be NULL for C order. The caller
 * guarantees that the view stays inside the buffer. */
NC_API nc_status nc_array_init_view(nc_array *a, nc_buffer *buf, char *data,
                                    nc_dtype_id dtype, int ndim,
                                    const ptrdiff_t *shape,
                                    const ptrdiff_t *strides, int writeable);
/* Releases the buffer reference and shape storage; leaves a cleared array. */
NC_API void nc_array_clear(nc_array *a);
/* Recomputes size and C/F contiguity and alignment flags. */
NC_API void nc_array_update_flags(nc_array *a);
/* Copies src into dst element-wise with broadcasting of src to dst's shape
 * and casting (under `casting`). */
NC_API nc_status nc_array_assign(nc_array *dst, const nc_array *src,
                                 nc_casting casting);
/* nc_array_assign, also reporting in *fpe the floating-point flags
 * (NC_FPE_*) its casts raised: invalid for NaN, inf or out-of-range floats
 * cast to integers, overflow for floats too large for a narrower float
 * type.  NumPy turns these into "... encountered in cast" warnings. */
NC_API nc_status nc_array_assign_fpe(nc_array *dst, const nc_array *src,
                                     nc_casting casting, int *fpe);
/* Writes C-order strides for `shape` into `strides`. */
NC_API void nc_strides_c(int ndim, const ptrdiff_t *shape, ptrdiff_t itemsize,
                         ptrdiff_t *strides);
NC_API void nc_strides_f(int ndim, const ptrdiff_t *shape, ptrdiff_t itemsize,
                         ptrdiff_t *strides);
/* Byte range [lo, hi) an array's elements touch (lo == hi when empty). */
NC_API void nc_array_extent(const nc_array *a, char **lo, char **hi);
/* 1 if the byte ranges of a and b intersect. */
NC_API int nc_array_may_overlap(const nc_array *a, const nc_array *b);

#ifdef __cplusplus
}
#endif
#endif
