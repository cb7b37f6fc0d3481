/* indexing.c: basic indexing (integers, slices, Ellipsis, newaxis). */
#include "binding.h"

PyObject *ncpy_array_getitem(PyObject *self, PyObject *key)
{
    ncpy_array *a = (ncpy_array *)self;
    if (PyIndex_Check(key) && a->arr.ndim >= 1) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        ptrdiff_t n = a->arr.shape[0];
        if (i < -n || i >= n) {
            PyErr_Format(PyExc_IndexError, "index %zd is out of bounds for axis 0 with size %zd", i, n);
            return NULL;
        }
        if (i < 0)
            i += n;
        char *p = a->arr.data + i * a->arr.strides[0];
        if (a->arr.ndim == 1)
            return ncpy_scalar_from_data(a->arr.dtype, p);
        return ncpy_array_view(a, p, a->arr.dtype, a->arr.ndim - 1, a->arr.shape + 1, a->arr.strides + 1);
    }
    PyErr_SetString(PyExc_IndexError, "only integers are supported as indices so far");
    return NULL;
}

int ncpy_array_setitem(PyObject *self, PyObject *key, PyObject *value)
{
    (void)self; (void)key; (void)value;
    PyErr_SetString(PyExc_IndexError, "item assignment is not supported so far");
    return -1;
}
