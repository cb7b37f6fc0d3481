/* manip.h: what indexing.c and methods.c share (private to those two). */
#ifndef NCPY_MANIP_H
#define NCPY_MANIP_H
#include "binding.h"

/* New ndarray viewing src's buffer with geometry g (base follows src). */
PyObject *ncpy_geom_view(ncpy_array *src, const nc_geom *g);
/* a[i] for an integer i along the first axis (scalar or view). */
PyObject *ncpy_array_item_at(ncpy_array *a, Py_ssize_t i);
/* Converts `value` to an array of dtype `dtype` for assignment (arrays are
 * returned as they are, with a ComplexWarning when complex meets real). */
PyObject *ncpy_assign_source(PyObject *value, nc_dtype_id dtype);
/* __contains__ */
int ncpy_array_contains(PyObject *self, PyObject *value);
#endif
