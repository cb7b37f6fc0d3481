/* reduce.h: the ufunc methods over arrays: reduce, accumulate, reduceat,
 * outer's geometry and at.
 *
 * All of them run a binary ufunc's 2-in-1-out loop; the loop is chosen with
 * nc_reduce_resolve (reductions use one dtype for both inputs and the
 * output).  Errors carry NumPy's messages: NC_ERR_VALUE for a missing
 * identity or a non-reorderable multi-axis reduction, NC_ERR_AXIS for bad
 * axes, NC_ERR_INDEX for bad reduceat/at indices.  *fpe receives the
 * NC_FPE_* flags raised while computing. */
#ifndef NUMC_REDUCE_H
#define NUMC_REDUCE_H

#include "numc/ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Picks the loop of a binary one-output ufunc for reducing an array of dtype
 * `in`.  dtype (>= 0) is the requested dtype=, else out_dtype (>= 0) that of
 * a given out=, else NumPy's default: the input's dtype, with add and
 * multiply widening bool and small integers to int64/uint64 (an explicit
 * dtype must name a loop exactly).  logical_*
 * reduce in bool.  Errors: NC_ERR_TYPE (not binary) or NC_ERR_NOLOOP. */
NC_API nc_status nc_reduce_resolve(const nc_ufunc *uf, nc_dtype_id in, int dtype,
                                   int out_dtype, int *loop_index);

/* 1 if reducing over several axes at once is allowed (NumPy's
 * "reorderable" ufuncs: add, multiply, logical and bitwise and/or/xor,
 * maximum, minimum, fmax, fmin, gcd, lcm). */
NC_API int nc_ufunc_reorderable(const nc_ufunc *uf);

/* Reduces `in` over `naxes` axes (axes == NULL with naxes < 0: all axes;
 * negative axes count from the end) with loop `loop_index`.
 * `initial` is NULL or one element of the loop's dtype to start from;
 * without it the ufunc's identity starts every reduction, as NumPy
 * does, and ufuncs without identity start from the first element.
 * `where` is NULL or a bool array broadcastable to in's shape (then an
 * initial value or identity is required).  `out`: a cleared array (buffer
 * NULL) is allocated with the loop's dtype; a given one must have the
 * reduced shape (with or without the kept axes, as keepdims says) and is
 * written with unsafe casting. */
NC_API nc_status nc_ufunc_reduce(const nc_ufunc *uf, int loop_index, const nc_array *in,
                                 int naxes, const int *axes, int keepdims,
                                 const void *initial, const nc_array *where,
                                 nc_array *out, int *fpe);

/* out[..., i, ...] = in[..., 0, ...] op ... op in[..., i, ...] along `axis`.
 * `out` as for nc_ufunc_reduce, with in's shape. */
NC_API nc_status nc_ufunc_accumulate(const nc_ufunc *uf, int loop_index, const nc_array *in,
                                     int axis, nc_array *out, int *fpe);

/* NumPy's reduceat: for each i, out[i] reduces in[idx[i]:idx[i+1]] along
 * `axis` (or is in[idx[i]] when idx[i] >= idx[i+1]; the last one runs to the
 * end).  `out` as for nc_ufunc_reduce, with in's shape but n along axis. */
NC_API nc_status nc_ufunc_reduceat(const nc_ufunc *uf, int loop_index, const nc_array *in,
                                   const int64_t *idx, ptrdiff_t n, int axis, nc_array *out,
                                   int *fpe);

/* One entry of an at() index: an integer, a slice or an integer array. */
typedef struct nc_at_index {
    int kind;                  /* 0 int, 1 slice, 2 int64 array */
    ptrdiff_t start, stop, step;
    const nc_array *arr;       /* kind 2: an int64 array */
} nc_at_index;

/* Unbuffered in-place a[index] = op(a[index], b) (b NULL for unary ufuncs):
 * repeated indices apply repeatedly.  b broadcasts to the indexed shape and
 * is cast to the loop's dtype; a must have the loop's output dtype... or be
 * castable both ways (same_kind). */
NC_API nc_status nc_ufunc_apply_at(const nc_ufunc *uf, int loop_index, nc_array *a, int nindex,
                                   const nc_at_index *index, const nc_array *b, int *fpe);

#ifdef __cplusplus
}
#endif
#endif
