/* select_py.h: what indexing.c and select_py.c share (private to those two). */
#ifndef NCPY_SELECT_PY_H
#define NCPY_SELECT_PY_H
#include "binding.h"
#include <string.h>

/* How the broadcast index dimensions are placed (and how integer arrays
 * combine): NumPy's rules, NEP 21 vindex (always first) or oindex (each
 * index array acts on its own axis, like ix_). */
enum { NCPY_IDX_NUMPY = 0, NCPY_IDX_VINDEX = 1, NCPY_IDX_OINDEX = 2 };

PyObject *ncpy_index_get(ncpy_array *a, PyObject *key, int mode);
int ncpy_index_set(ncpy_array *a, PyObject *key, PyObject *value, int mode);
/* int or bool array-like -> new reference to an int64 ndarray (bool arrays
 * are refused); -1 style NULL with IndexError for other dtypes. */
PyObject *ncpy_intp_array(PyObject *o);
/* Array of `dtype` for assignment, cast when needed (new reference). */
PyObject *ncpy_cast_value(PyObject *value, nc_dtype_id dtype);
/* Broadcasts `v` to (ndim, shape) as a read-only view in *out (NumPy's
 * setitem rule: leading length-1 axes of v may be dropped); -1 with
 * ValueError on mismatch. */
int ncpy_broadcast_value(const nc_array *v, int ndim, const ptrdiff_t *shape, nc_array *out);
/* New array a.take(ix, axis, mode); ix is an int64 array. */
PyObject *ncpy_take_axis(nc_array *a, const nc_array *ix, int axis, nc_clipmode mode);
#endif
