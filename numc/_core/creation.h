/* creation.h: what convert.c, creation.c and interop.c share (the array
 * creation and interop part of the binding).  Not part of binding.h so that
 * this part can grow without touching the shared header. */
#ifndef NCPY_CREATION_H
#define NCPY_CREATION_H
#include "binding.h"

/* NumPy's array()/asarray() core: obj -> new reference to an ndarray.
 * dtype < 0 discovers; copy -1 never (ValueError when needed), 0 if needed,
 * 1 always; order is C/F/A/K; ndmin prepends axes of length 1; subok keeps
 * ndarray subclasses. */
PyObject *ncpy_from_object(PyObject *obj, int dtype, int copy, nc_order order, int ndmin,
                           int subok);
/* Wraps the memory of an object with the buffer protocol as an ndarray
 * (zero-copy; base = obj; readonly exporters give non-writeable arrays).
 * Returns NULL without an exception set ("not applicable") only when
 * `obj` has no buffer interface. */
PyObject *ncpy_from_buffer_protocol(PyObject *obj);
/* Parses "C"/"F"/"A"/"K" (None -> dflt) into *out; 0 with TypeError/ValueError. */
int ncpy_order_parse(PyObject *o, nc_order dflt, nc_order *out);
/* dtype of a buffer format string with the given itemsize; -1 + TypeError. */
int ncpy_format_dtype(const char *fmt, Py_ssize_t itemsize);
/* Buffer-protocol format and __array_interface__ typestr of a dtype. */
const char *ncpy_dtype_format(nc_dtype_id id);
const char *ncpy_dtype_typestr(nc_dtype_id id);
/* Wraps the memory of a heap-allocated Py_buffer (ownership passes, also on
 * error) as an ndarray with the given geometry; base = `base`. */
PyObject *ncpy_wrap_pybuffer(Py_buffer *v, PyObject *base, char *data, nc_dtype_id dt, int ndim,
                             const ptrdiff_t *shape, const ptrdiff_t *strides);
/* Module-level functions of interop.c (pickle reconstruction). */
extern PyMethodDef ncpy_interop_functions[];
#endif
