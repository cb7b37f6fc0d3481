/* dtype_py.c: the numc.dtype type.
 *
 * There is one dtype object per nc_dtype_id, made at import; numc.dtype(x)
 * returns it for every spelling NumPy accepts. */
#include "binding.h"

static ncpy_dtype *singletons[NC_NTYPES];

PyObject *ncpy_dtype_get(nc_dtype_id id) { return (PyObject *)singletons[id]; }

/* Python type objects accepted as dtypes: builtins map like NumPy's. */
static int from_type(PyObject *t, int *out)
{
    if (t == (PyObject *)&PyFloat_Type) { *out = NC_FLOAT64; return 1; }
    if (t == (PyObject *)&PyLong_Type) { *out = NC_INT64; return 1; }
    if (t == (PyObject *)&PyComplex_Type) { *out = NC_COMPLEX128; return 1; }
    if (t == (PyObject *)&PyBool_Type) { *out = NC_BOOL; return 1; }
    /* numc scalar types carry their dtype in an attribute. */
    PyObject *d = PyObject_GetAttrString(t, "_numc_dtype");
    if (!d) {
        PyErr_Clear();
        return 0;
    }
    int ok = PyObject_TypeCheck(d, &ncpy_dtype_type);
    if (ok)
        *out = ((ncpy_dtype *)d)->id;
    Py_DECREF(d);
    return ok;
}

int ncpy_dtype_converter(PyObject *obj, int *out)
{
    if (obj == Py_None) {
        *out = -1;
        return 1;
    }
    if (PyObject_TypeCheck(obj, &ncpy_dtype_type)) {
        *out = ((ncpy_dtype *)obj)->id;
        return 1;
    }
    if (PyUnicode_Check(obj)) {
        const char *s = PyUnicode_AsUTF8(obj);
        if (!s)
            return 0;
        nc_dtype_id id;
        if (nc_dtype_from_string(s, &id) != NC_OK) {
            PyErr_Format(PyExc_TypeError, "data type %R not understood", obj);
            return 0;
        }
        *out = id;
        return 1;
    }
    if (PyType_Check(obj) && from_type(obj, out))
        return 1;
    PyObject *d = PyObject_GetAttrString(obj, "dtype");
    if (d) {
        int r = 0;
        if (PyObject_TypeCheck(d, &ncpy_dtype_type)) {
            *out = ((ncpy_dtype *)d)->id;
            r = 1;
        }
        Py_DECREF(d);
        if (r)
            return 1;
    }
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "Cannot interpret '%R' as a data type", obj);
    return 0;
}

static PyObject *dtype_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)type;
    static char *kwlist[] = {"dtype", "align", "copy", "metadata", NULL};
    PyObject *obj, *align = NULL, *copy = NULL, *metadata = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOO", kwlist, &obj, &align, &copy, &metadata))
        return NULL;
    int id;
    if (obj == Py_None) {
        id = NC_FLOAT64;
    } else if (!ncpy_dtype_converter(obj, &id)) {
        return NULL;
    }
    PyObject *d = ncpy_dtype_get((nc_dtype_id)id);
    Py_INCREF(d);
    return d;
}

static PyObject *dtype_repr(ncpy_dtype *self)
{
    return PyUnicode_FromFormat("dtype('%s')", nc_dtype_info(self->id)->name);
}

static PyObject *dtype_str(ncpy_dtype *self)
{
    return PyUnicode_FromString(nc_dtype_info(self->id)->name);
}

static PyObject *get_name(ncpy_dtype *self, void *c) { (void)c; return PyUnicode_FromString(nc_dtype_info(self->id)->name); }
static PyObject *get_itemsize(ncpy_dtype *self, void *c) { (void)c; return PyLong_FromLong(nc_dtype_info(self->id)->itemsize); }
static PyObject *get_kind(ncpy_dtype *self, void *c) { (void)c; return PyUnicode_FromOrdinal(nc_dtype_info(self->id)->kind); }
static PyObject *get_char(ncpy_dtype *self, void *c) { (void)c; return PyUnicode_FromOrdinal(nc_dtype_info(self->id)->chr); }

static PyGetSetDef dtype_getset[] = {
    {"name", (getter)get_name, NULL, "Name of the data type.", NULL},
    {"itemsize", (getter)get_itemsize, NULL, "Size of one element in bytes.", NULL},
    {"kind", (getter)get_kind, NULL, "Kind character ('b', 'i', 'u', 'f', 'c').", NULL},
    {"char", (getter)get_char, NULL, "Type character.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Py_hash_t dtype_hash(ncpy_dtype *self) { return (Py_hash_t)self->id * 1000003 + 17; }

static PyObject *dtype_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    int other;
    if (!ncpy_dtype_converter(b, &other) || other < 0) {
        PyErr_Clear();
        return PyBool_FromLong(op == Py_NE);
    }
    int eq = ((ncpy_dtype *)a)->id == (nc_dtype_id)other;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

PyTypeObject ncpy_dtype_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.dtype",
    .tp_basicsize = sizeof(ncpy_dtype),
    .tp_repr = (reprfunc)dtype_repr,
    .tp_str = (reprfunc)dtype_str,
    .tp_hash = (hashfunc)dtype_hash,
    .tp_richcompare = dtype_richcompare,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = dtype_getset,
    .tp_new = dtype_new,
    .tp_doc = "dtype(obj)\n\nDescribes the type of the elements of an array.",
};

int ncpy_init_dtype(PyObject *m)
{
    if (PyType_Ready(&ncpy_dtype_type) < 0)
        return -1;
    for (int i = 0; i < NC_NTYPES; i++) {
        singletons[i] = PyObject_New(ncpy_dtype, &ncpy_dtype_type);
        if (!singletons[i])
            return -1;
        singletons[i]->id = (nc_dtype_id)i;
    }
    Py_INCREF(&ncpy_dtype_type);
    return PyModule_AddObject(m, "dtype", (PyObject *)&ncpy_dtype_type);
}
