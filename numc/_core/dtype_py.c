/* dtype_py.c: the numc.dtype type and the type-query functions.
 *
 * There is one dtype object per nc_dtype_id, made at import and never freed;
 * numc.dtype(x) returns that singleton for every spelling NumPy accepts, so
 * identity, equality and hashing all agree (equal dtypes are the same
 * object).  Comparison operators follow NumPy: == converts the other operand
 * with the dtype converter and is False when it cannot; < <= > >= mean safe
 * casting.  The module functions _promote_types, _can_cast and _result_type
 * parse Python operands and call the core's nc_promote_types / nc_can_cast /
 * nc_result_type; all rules live in src/dtype/promote.c. */
#include "binding.h"
#include <string.h>

static ncpy_dtype *singletons[NC_NTYPES];

PyObject *ncpy_dtype_get(nc_dtype_id id) { return (PyObject *)singletons[id]; }

/* Python type objects accepted as dtypes: builtins map like NumPy's. */
static int from_type(PyObject *t, int *out)
{
    if (t == (PyObject *)&PyFloat_Type) { *out = NC_FLOAT64; return 1; }
    if (t == (PyObject *)&PyLong_Type) { *out = NC_INT64; return 1; }
    if (t == (PyObject *)&PyComplex_Type) { *out = NC_COMPLEX128; return 1; }
    if (t == (PyObject *)&PyBool_Type) { *out = NC_BOOL; return 1; }
    /* numc scalar types carry their dtype in a class attribute. */
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

static int from_string(PyObject *obj, int *out)
{
    const char *s = PyUnicode_AsUTF8(obj);
    if (!s)
        return 0;
    nc_dtype_id id;
    if (nc_dtype_from_string(s, &id) != NC_OK) {
        /* Big-endian multi-byte types are valid NumPy dtypes that numc
         * cannot store: say so instead of "not understood". */
        if (s[0] == '>' && nc_dtype_from_string(s + 1, &id) == NC_OK)
            PyErr_Format(PyExc_TypeError, "numc supports only native byte order, got dtype %R", obj);
        else
            PyErr_Format(PyExc_TypeError, "data type %R not understood", obj);
        return 0;
    }
    *out = id;
    return 1;
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
    if (PyUnicode_Check(obj))
        return from_string(obj, out);
    if (PyType_Check(obj)) {
        if (from_type(obj, out))
            return 1;
        PyErr_Format(PyExc_TypeError, "Cannot interpret '%R' as a data type", obj);
        return 0;
    }
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
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOO:dtype", kwlist, &obj, &align, &copy,
                                     &metadata))
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

static const nc_dtype *info(PyObject *self) { return nc_dtype_info(((ncpy_dtype *)self)->id); }

static PyObject *dtype_repr(PyObject *self)
{
    return PyUnicode_FromFormat("dtype('%s')", info(self)->name);
}

static PyObject *dtype_str(PyObject *self) { return PyUnicode_FromString(info(self)->name); }

/* '<f8', '|b1', '<c16': byte order, kind, itemsize. */
static PyObject *typestr(PyObject *self)
{
    const nc_dtype *d = info(self);
    return PyUnicode_FromFormat("%c%c%d", d->itemsize == 1 ? '|' : '<', d->kind, d->itemsize);
}

/* NumPy's type numbers (LP64: int64 is NPY_LONG). */
static int type_num(nc_dtype_id id)
{
    static const int nums[NC_NTYPES] = {
        [NC_BOOL] = 0,     [NC_INT8] = 1,      [NC_UINT8] = 2,      [NC_INT16] = 3,
        [NC_UINT16] = 4,   [NC_INT32] = 5,     [NC_UINT32] = 6,     [NC_INT64] = 7,
        [NC_UINT64] = 8,   [NC_FLOAT16] = 23,  [NC_FLOAT32] = 11,   [NC_FLOAT64] = 12,
        [NC_COMPLEX64] = 14, [NC_COMPLEX128] = 15,
    };
    return nums[id];
}

#define GETTER(NAME, EXPR) \
    static PyObject *get_##NAME(PyObject *self, void *c) { (void)c; (void)self; return EXPR; }
GETTER(name, PyUnicode_FromString(info(self)->name))
GETTER(itemsize, PyLong_FromLong(info(self)->itemsize))
GETTER(alignment, PyLong_FromLong(info(self)->alignment))
GETTER(kind, PyUnicode_FromOrdinal(info(self)->kind))
GETTER(char, PyUnicode_FromOrdinal(info(self)->chr))
GETTER(str, typestr(self))
GETTER(byteorder, PyUnicode_FromString(info(self)->itemsize == 1 ? "|" : "="))
GETTER(num, PyLong_FromLong(type_num(((ncpy_dtype *)self)->id)))
GETTER(isnative, Py_NewRef(Py_True))
GETTER(isbuiltin, PyLong_FromLong(1))
GETTER(isalignedstruct, Py_NewRef(Py_False))
GETTER(hasobject, Py_NewRef(Py_False))
GETTER(flags, PyLong_FromLong(0))
GETTER(shape, PyTuple_New(0))
GETTER(ndim, PyLong_FromLong(0))
GETTER(none, Py_NewRef(Py_None))
GETTER(base, Py_NewRef(self))
#undef GETTER

static PyObject *get_descr(PyObject *self, void *c)
{
    (void)c;
    return Py_BuildValue("[(sN)]", "", typestr(self));
}

/* scalar.c: the scalar type of a dtype (borrowed; NULL before init).
 * Declared here rather than in binding.h, which belongs to another part. */
PyObject *ncpy_scalar_type(nc_dtype_id id);

static PyObject *get_type(PyObject *self, void *c)
{
    (void)c;
    PyObject *t = ncpy_scalar_type(((ncpy_dtype *)self)->id);
    return Py_NewRef(t ? t : Py_None);
}

static PyGetSetDef dtype_getset[] = {
    {"name", get_name, NULL, "Name of the data type.", NULL},
    {"itemsize", get_itemsize, NULL, "Size of one element in bytes.", NULL},
    {"alignment", get_alignment, NULL, "Required alignment in bytes.", NULL},
    {"kind", get_kind, NULL, "Kind character ('b', 'i', 'u', 'f', 'c').", NULL},
    {"char", get_char, NULL, "Type character.", NULL},
    {"str", get_str, NULL, "Array-interface type string, e.g. '<f8'.", NULL},
    {"byteorder", get_byteorder, NULL, "'=' (native) or '|' (not applicable).", NULL},
    {"num", get_num, NULL, "NumPy's type number.", NULL},
    {"type", get_type, NULL, "The scalar type of this dtype.", NULL},
    {"isnative", get_isnative, NULL, "Always True: numc stores native byte order.", NULL},
    {"isbuiltin", get_isbuiltin, NULL, "1: a built-in dtype.", NULL},
    {"isalignedstruct", get_isalignedstruct, NULL, NULL, NULL},
    {"hasobject", get_hasobject, NULL, NULL, NULL},
    {"flags", get_flags, NULL, NULL, NULL},
    {"descr", get_descr, NULL, "Array-interface description.", NULL},
    {"shape", get_shape, NULL, "() for non-subarray dtypes.", NULL},
    {"ndim", get_ndim, NULL, "0 for non-subarray dtypes.", NULL},
    {"names", get_none, NULL, NULL, NULL},
    {"fields", get_none, NULL, NULL, NULL},
    {"subdtype", get_none, NULL, NULL, NULL},
    {"metadata", get_none, NULL, NULL, NULL},
    {"base", get_base, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *dtype_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    return Py_BuildValue("(O(s))", (PyObject *)&ncpy_dtype_type, info(self)->name);
}

static PyObject *dtype_newbyteorder(PyObject *self, PyObject *args)
{
    const char *order = "S";
    if (!PyArg_ParseTuple(args, "|s:newbyteorder", &order))
        return NULL;
    if (info(self)->itemsize == 1 || strchr("=<|LlNnIi", order[0]))
        return Py_NewRef(self);
    PyErr_SetString(PyExc_TypeError, "numc supports only native byte order");
    return NULL;
}

static PyMethodDef dtype_methods[] = {
    {"__reduce__", dtype_reduce, METH_NOARGS, NULL},
    {"newbyteorder", dtype_newbyteorder, METH_VARARGS, "Only native order is supported."},
    {NULL, NULL, 0, NULL},
};

static Py_hash_t dtype_hash(PyObject *self)
{
    /* Singletons: equal dtypes are identical, so any per-id value works. */
    return (Py_hash_t)((ncpy_dtype *)self)->id * 1000003 + 0x5bd1e995;
}

static PyObject *dtype_richcompare(PyObject *a, PyObject *b, int op)
{
    int other;
    if (!PyObject_TypeCheck(a, &ncpy_dtype_type)) /* reflected call */
        Py_RETURN_NOTIMPLEMENTED;
    if (b == Py_None) {
        other = NC_FLOAT64;
    } else if (!ncpy_dtype_converter(b, &other)) {
        PyErr_Clear();
        if (op == Py_EQ || op == Py_NE)
            return PyBool_FromLong(op == Py_NE);
        Py_RETURN_NOTIMPLEMENTED;
    }
    nc_dtype_id x = ((ncpy_dtype *)a)->id, y = (nc_dtype_id)other;
    int r = 0;
    switch (op) {
    case Py_EQ: r = x == y; break;
    case Py_NE: r = x != y; break;
    case Py_LE: r = nc_can_cast(x, y, NC_CAST_SAFE); break;
    case Py_LT: r = x != y && nc_can_cast(x, y, NC_CAST_SAFE); break;
    case Py_GE: r = nc_can_cast(y, x, NC_CAST_SAFE); break;
    case Py_GT: r = x != y && nc_can_cast(y, x, NC_CAST_SAFE); break;
    }
    return PyBool_FromLong(r);
}

static Py_ssize_t dtype_len(PyObject *self) { (void)self; return 0; }
static int dtype_bool(PyObject *self) { (void)self; return 1; }

static PyMappingMethods dtype_as_mapping = {.mp_length = dtype_len};
static PyNumberMethods dtype_as_number = {.nb_bool = dtype_bool};

PyTypeObject ncpy_dtype_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.dtype",
    .tp_basicsize = sizeof(ncpy_dtype),
    .tp_repr = dtype_repr,
    .tp_str = dtype_str,
    .tp_hash = dtype_hash,
    .tp_richcompare = dtype_richcompare,
    .tp_as_mapping = &dtype_as_mapping,
    .tp_as_number = &dtype_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = dtype_getset,
    .tp_methods = dtype_methods,
    .tp_new = dtype_new,
    .tp_doc = "dtype(obj, align=False, copy=False)\n\nDescribes the type of the elements of an array.",
};

/* --- type queries -------------------------------------------------------- */

static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

/* Strict dtype of an operand of can_cast/result_type: arrays and numc
 * scalars give their dtype, anything else goes through the converter. */
static int operand_dtype(PyObject *o, int *out)
{
    if (ncpy_array_check(o)) {
        *out = ((ncpy_array *)o)->arr.dtype;
        return 1;
    }
    nc_dtype_id sd;
    char buf[16];
    if (!PyType_Check(o) && ncpy_scalar_unpack(o, &sd, buf)) {
        *out = sd;
        return 1;
    }
    if (PyBool_Check(o)) {
        *out = NC_BOOL;
        return 1;
    }
    if (!ncpy_dtype_converter(o, out))
        return 0;
    if (*out < 0)
        *out = NC_FLOAT64;
    return 1;
}

static PyObject *py_promote_types(PyObject *mod, PyObject *args)
{
    (void)mod;
    int a, b;
    if (!PyArg_ParseTuple(args, "O&O&:promote_types", ncpy_dtype_converter, &a, ncpy_dtype_converter, &b))
        return NULL;
    if (a < 0) a = NC_FLOAT64;
    if (b < 0) b = NC_FLOAT64;
    return Py_NewRef(ncpy_dtype_get(nc_promote_types((nc_dtype_id)a, (nc_dtype_id)b)));
}

static PyObject *py_can_cast(PyObject *mod, PyObject *args, PyObject *kwds)
{
    (void)mod;
    static char *kwlist[] = {"from_", "to", "casting", NULL};
    PyObject *from, *to, *casting = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:can_cast", kwlist, &from, &to, &casting))
        return NULL;
    int c = NC_CAST_SAFE;
    if (casting) {
        c = -1;
        for (int i = 0; i < 5 && PyUnicode_Check(casting); i++)
            if (PyUnicode_CompareWithASCIIString(casting, casting_names[i]) == 0)
                c = i;
        if (c < 0) {
            PyErr_Format(PyExc_ValueError,
                         "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got %R)",
                         casting);
            return NULL;
        }
    }
    if (ncpy_weak_kind(from) != NC_WEAK_NONE) {
        PyErr_SetString(PyExc_TypeError,
                        "can_cast() does not support Python ints, floats, and complex because the "
                        "result used to depend on the value.\nThis change was part of adopting NEP 50, "
                        "we may explicitly allow them again in the future.");
        return NULL;
    }
    int f, t;
    if (!operand_dtype(from, &f) || !ncpy_dtype_converter(to, &t))
        return NULL;
    if (t < 0)
        t = NC_FLOAT64;
    return PyBool_FromLong(nc_can_cast((nc_dtype_id)f, (nc_dtype_id)t, (nc_casting)c));
}

static PyObject *py_result_type(PyObject *mod, PyObject *args)
{
    (void)mod;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "at least one array or dtype is required");
        return NULL;
    }
    nc_dtype_id *strong = PyMem_Malloc(sizeof(nc_dtype_id) * (size_t)n);
    nc_weak_kind *weak = PyMem_Malloc(sizeof(nc_weak_kind) * (size_t)n);
    PyObject *res = NULL;
    int ns = 0, nw = 0;
    if (!strong || !weak) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PyTuple_GET_ITEM(args, i);
        nc_weak_kind w = ncpy_weak_kind(o);
        if (w != NC_WEAK_NONE) {
            weak[nw++] = w;
            continue;
        }
        int d;
        if (!operand_dtype(o, &d))
            goto done;
        strong[ns++] = (nc_dtype_id)d;
    }
    res = Py_NewRef(ncpy_dtype_get(nc_result_type(ns, strong, nw, weak)));
done:
    PyMem_Free(strong);
    PyMem_Free(weak);
    return res;
}

static PyMethodDef query_functions[] = {
    {"promote_types", py_promote_types, METH_VARARGS,
     "promote_types(type1, type2)\n\nSmallest dtype to which both types cast safely."},
    {"can_cast", (PyCFunction)(void (*)(void))py_can_cast, METH_VARARGS | METH_KEYWORDS,
     "can_cast(from_, to, casting='safe')\n\nWhether a cast can happen under the casting rule."},
    {"result_type", py_result_type, METH_VARARGS,
     "result_type(*arrays_and_dtypes)\n\nNEP 50 result dtype of the operands."},
    {NULL, NULL, 0, NULL},
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
    if (PyModule_AddFunctions(m, query_functions) < 0)
        return -1;
    Py_INCREF(&ncpy_dtype_type);
    return PyModule_AddObject(m, "dtype", (PyObject *)&ncpy_dtype_type);
}
