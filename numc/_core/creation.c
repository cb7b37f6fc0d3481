/* creation.c: array constructors exposed to the Python layer. */
#include "binding.h"

static PyObject *py_asarray(PyObject *m, PyObject *args, PyObject *kwds)
{
    (void)m;
    static char *kwlist[] = {"obj", "dtype", "copy", NULL};
    PyObject *obj;
    int dtype = -1, copy = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O&i", kwlist, &obj, ncpy_dtype_converter, &dtype, &copy))
        return NULL;
    return ncpy_asarray(obj, dtype, copy);
}

static PyMethodDef creation_methods[] = {
    {"_asarray", (PyCFunction)(void (*)(void))py_asarray, METH_VARARGS | METH_KEYWORDS,
     "_asarray(obj, dtype=None, copy=0): obj as an ndarray (copy -1 never, 0 if needed, 1 always)."},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_creation(PyObject *m)
{
    return PyModule_AddFunctions(m, creation_methods);
}
