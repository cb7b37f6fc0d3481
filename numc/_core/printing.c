/* printing.c: ndarray repr/str, delegated to numc._arrayprint. */
#include "binding.h"

static PyObject *call_printer(const char *name, PyObject *self)
{
    PyObject *mod = PyImport_ImportModule("numc._arrayprint");
    if (!mod)
        return NULL;
    PyObject *r = PyObject_CallMethod(mod, name, "O", self);
    Py_DECREF(mod);
    return r;
}

PyObject *ncpy_array_repr(PyObject *self) { return call_printer("_array_repr", self); }
PyObject *ncpy_array_str(PyObject *self) { return call_printer("_array_str", self); }
