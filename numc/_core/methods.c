/* methods.c: ndarray methods that reshape, copy and convert arrays. */
#include "binding.h"

static PyObject *array_tolist_rec(ncpy_array *self, int dim, char *p)
{
    if (dim == self->arr.ndim)
        return ncpy_item_from_data(self->arr.dtype, p);
    PyObject *list = PyList_New(self->arr.shape[dim]);
    if (!list)
        return NULL;
    for (ptrdiff_t i = 0; i < self->arr.shape[dim]; i++) {
        PyObject *x = array_tolist_rec(self, dim + 1, p + i * self->arr.strides[dim]);
        if (!x) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, x);
    }
    return list;
}

static PyObject *array_tolist(PyObject *self, PyObject *args)
{
    (void)args;
    return array_tolist_rec((ncpy_array *)self, 0, ((ncpy_array *)self)->arr.data);
}

PyMethodDef ncpy_methods_manip[] = {
    {"tolist", array_tolist, METH_NOARGS, "Return the array as a nested list of Python scalars."},
    {NULL, NULL, 0, NULL},
};

PyGetSetDef ncpy_getset_manip[] = {
    {NULL, NULL, NULL, NULL, NULL},
};

PyObject *ncpy_array_iter(PyObject *self)
{
    ncpy_array *a = (ncpy_array *)self;
    if (a->arr.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "iteration over a 0-d array");
        return NULL;
    }
    return PySeqIter_New(self);
}
