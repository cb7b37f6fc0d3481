/* ndarray.c: the numc.ndarray type: lifetime, core attributes, operators.
 *
 * An ndarray object embeds its nc_array; `base` keeps whatever owns the
 * memory of a view alive (another ndarray or an exporter of a buffer).
 * Operators route through the ufunc objects, so `a + b` and np.add(a, b)
 * share one code path.  Method and attribute tables of other parts are
 * joined here at import (see binding.h). */
#include "binding.h"
#include "creation.h"
#include <string.h>

ncpy_array *ncpy_array_alloc(PyTypeObject *type)
{
    ncpy_array *self = (ncpy_array *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    /* tp_alloc zeroes the object: a cleared nc_array. */
    return self;
}

PyObject *ncpy_array_new(nc_dtype_id dtype, int ndim, const ptrdiff_t *shape, nc_order order,
                         int zeroed)
{
    ncpy_array *self = ncpy_array_alloc(&ncpy_array_type);
    if (!self)
        return NULL;
    nc_status st = nc_array_init_empty(&self->arr, dtype, ndim, shape, order, zeroed);
    if (st) {
        Py_DECREF(self);
        return ncpy_raise(st);
    }
    return (PyObject *)self;
}

PyObject *ncpy_array_view(ncpy_array *src, char *data, nc_dtype_id dtype, int ndim,
                          const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    ncpy_array *self = ncpy_array_alloc(&ncpy_array_type);
    if (!self)
        return NULL;
    nc_status st = nc_array_init_view(&self->arr, src->arr.buffer, data, dtype, ndim, shape,
                                      strides, (src->arr.flags & NC_WRITEABLE) != 0);
    if (st) {
        Py_DECREF(self);
        return ncpy_raise(st);
    }
    /* NumPy's base is the array that owns the memory, not a chain of views. */
    PyObject *base = (src->base && ncpy_array_check(src->base) && !(src->arr.flags & NC_OWNDATA))
                         ? src->base
                         : (PyObject *)src;
    Py_INCREF(base);
    self->base = base;
    return (PyObject *)self;
}

PyObject *ncpy_array_return(PyObject *arr)
{
    if (arr && ncpy_array_check(arr) && ((ncpy_array *)arr)->arr.ndim == 0) {
        ncpy_array *a = (ncpy_array *)arr;
        PyObject *s = ncpy_scalar_from_data(a->arr.dtype, a->arr.data);
        Py_DECREF(arr);
        return s;
    }
    return arr;
}

static void array_dealloc(ncpy_array *self)
{
    if (self->weakreflist)
        PyObject_ClearWeakRefs((PyObject *)self);
    nc_array_clear(&self->arr);
    Py_CLEAR(self->base);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* --- attributes ------------------------------------------------------- */

static PyObject *tuple_of(int n, const ptrdiff_t *v)
{
    PyObject *t = PyTuple_New(n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *x = PyLong_FromSsize_t(v[i]);
        if (!x) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static PyObject *get_shape(ncpy_array *self, void *c)
{
    (void)c;
    return tuple_of(self->arr.ndim, self->arr.shape);
}

static PyObject *get_strides(ncpy_array *self, void *c)
{
    (void)c;
    return tuple_of(self->arr.ndim, self->arr.strides);
}

static PyObject *get_ndim(ncpy_array *self, void *c)
{
    (void)c;
    return PyLong_FromLong(self->arr.ndim);
}

static PyObject *get_size(ncpy_array *self, void *c)
{
    (void)c;
    return PyLong_FromSsize_t(self->arr.size);
}

static PyObject *get_itemsize(ncpy_array *self, void *c)
{
    (void)c;
    return PyLong_FromLong(nc_dtype_info(self->arr.dtype)->itemsize);
}

static PyObject *get_nbytes(ncpy_array *self, void *c)
{
    (void)c;
    return PyLong_FromSsize_t(self->arr.size * nc_dtype_info(self->arr.dtype)->itemsize);
}

static PyObject *get_dtype(ncpy_array *self, void *c)
{
    (void)c;
    PyObject *d = ncpy_dtype_get(self->arr.dtype);
    Py_XINCREF(d);
    return d;
}

static PyObject *get_base(ncpy_array *self, void *c)
{
    (void)c;
    PyObject *b = self->base ? self->base : Py_None;
    Py_INCREF(b);
    return b;
}

PyGetSetDef ncpy_getset_core[] = {
    {"shape", (getter)get_shape, NULL, "Tuple of array dimensions.", NULL},
    {"strides", (getter)get_strides, NULL, "Tuple of bytes to step in each dimension.", NULL},
    {"ndim", (getter)get_ndim, NULL, "Number of array dimensions.", NULL},
    {"size", (getter)get_size, NULL, "Number of elements in the array.", NULL},
    {"itemsize", (getter)get_itemsize, NULL, "Length of one array element in bytes.", NULL},
    {"nbytes", (getter)get_nbytes, NULL, "Total bytes consumed by the elements of the array.", NULL},
    {"dtype", (getter)get_dtype, NULL, "Data-type of the array's elements.", NULL},
    {"base", (getter)get_base, NULL, "Base object if memory is from some other object.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *array_complex(PyObject *o, PyObject *unused);

/* __array__ for code that calls it directly: NumPy itself imports numc
 * arrays through __array_interface__ and the buffer protocol.  numc never
 * imports NumPy; this only works when the caller already has. */
static PyObject *array_dunder_array(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"dtype", "copy", NULL};
    PyObject *dtype = Py_None, *copy = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO", kwlist, &dtype, &copy))
        return NULL;
    PyObject *name = PyUnicode_FromString("numpy");
    if (!name)
        return NULL;
    PyObject *np = PyImport_GetModule(name);
    Py_DECREF(name);
    if (!np) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "__array__ converts to a NumPy array; import numpy first");
        return NULL;
    }
    /* NumPy reads the memory through __array_interface__: no copy. */
    PyObject *r = PyObject_CallMethod(np, "asarray", "OO", self, dtype);
    Py_DECREF(np);
    if (r && copy == Py_True) {
        PyObject *c = PyObject_CallMethod(r, "copy", NULL);
        Py_DECREF(r);
        r = c;
    }
    return r;
}

PyMethodDef ncpy_methods_core[] = {
    {"__complex__", array_complex, METH_NOARGS, "complex(a) for 0-d arrays."},
    {"__array__", (PyCFunction)(void (*)(void))array_dunder_array, METH_VARARGS | METH_KEYWORDS,
     "a.__array__(dtype=None, copy=None): the array as a NumPy array (when NumPy is imported)."},
    {NULL, NULL, 0, NULL},
};

/* --- operators -------------------------------------------------------- */

static PyObject *uf_cache[32]; /* borrowed: the module keeps the ufuncs */
enum {
    U_ADD, U_SUB, U_MUL, U_DIV, U_FLOORDIV, U_REM, U_DIVMOD, U_POW, U_NEG, U_POS, U_ABS,
    U_INVERT, U_AND, U_OR, U_XOR, U_LSHIFT, U_RSHIFT, U_EQ, U_NE, U_LT, U_LE, U_GT, U_GE, U_COUNT
};
static const char *uf_names[U_COUNT] = {
    "add", "subtract", "multiply", "divide", "floor_divide", "remainder", "divmod", "power",
    "negative", "positive", "absolute", "invert", "bitwise_and", "bitwise_or", "bitwise_xor",
    "left_shift", "right_shift", "equal", "not_equal", "less", "less_equal", "greater",
    "greater_equal"};

/* A binary operator returns NotImplemented when the other operand cannot
 * become an array, so Python can try the reflected operation. */
static PyObject *binop(int which, PyObject *a, PyObject *b)
{
    PyObject *args[2] = {a, b};
    PyObject *r = ncpy_ufunc_call_simple(uf_cache[which], args, NULL);
    if (!r && PyErr_ExceptionMatches(PyExc_TypeError) &&
        !(ncpy_array_check(a) || PyNumber_Check(a)) != !(ncpy_array_check(b) || PyNumber_Check(b))) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    return r;
}

static PyObject *inplace(int which, PyObject *a, PyObject *b)
{
    PyObject *args[2] = {a, b};
    PyObject *r = ncpy_ufunc_call_simple(uf_cache[which], args, a);
    return r;
}

/* @ and @= call the matmul gufunc object (gufunc_py.c). */
static PyObject *nb_matmul(PyObject *a, PyObject *b)
{
    PyObject *args[2] = {a, b};
    return PyObject_Vectorcall(ncpy_ufunc_get("matmul"), args, 2, NULL);
}

static PyObject *nb_imatmul(PyObject *a, PyObject *b)
{
    PyObject *args[3] = {a, b, a};
    return PyObject_Vectorcall(ncpy_ufunc_get("matmul"), args, 3, NULL);
}

static PyObject *unop(int which, PyObject *a)
{
    return ncpy_ufunc_call_simple(uf_cache[which], &a, NULL);
}

#define BINOP(name, which)                                                          \
    static PyObject *nb_##name(PyObject *a, PyObject *b) { return binop(which, a, b); } \
    static PyObject *nb_i##name(PyObject *a, PyObject *b) { return inplace(which, a, b); }
BINOP(add, U_ADD)
BINOP(sub, U_SUB)
BINOP(mul, U_MUL)
BINOP(div, U_DIV)
BINOP(floordiv, U_FLOORDIV)
BINOP(rem, U_REM)
BINOP(and, U_AND)
BINOP(or, U_OR)
BINOP(xor, U_XOR)
BINOP(lshift, U_LSHIFT)
BINOP(rshift, U_RSHIFT)
#undef BINOP

static PyObject *nb_divmod(PyObject *a, PyObject *b) { return binop(U_DIVMOD, a, b); }
static PyObject *nb_pow(PyObject *a, PyObject *b, PyObject *mod)
{
    if (mod != Py_None) {
        PyErr_SetString(PyExc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    return binop(U_POW, a, b);
}
static PyObject *nb_ipow(PyObject *a, PyObject *b, PyObject *mod)
{
    (void)mod;
    return inplace(U_POW, a, b);
}
static PyObject *nb_neg(PyObject *a) { return unop(U_NEG, a); }
static PyObject *nb_pos(PyObject *a) { return unop(U_POS, a); }
static PyObject *nb_abs(PyObject *a) { return unop(U_ABS, a); }
static PyObject *nb_invert(PyObject *a) { return unop(U_INVERT, a); }

static PyObject *array_richcompare(PyObject *a, PyObject *b, int op)
{
    static const int map[] = {[Py_LT] = U_LT, [Py_LE] = U_LE, [Py_EQ] = U_EQ,
                              [Py_NE] = U_NE, [Py_GT] = U_GT, [Py_GE] = U_GE};
    PyObject *args[2] = {a, b};
    PyObject *r = ncpy_ufunc_call_simple(uf_cache[map[op]], args, NULL);
    if (!r && (op == Py_EQ || op == Py_NE) && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    return r;
}

/* --- conversions to Python numbers ------------------------------------ */

static int nb_bool(PyObject *o)
{
    ncpy_array *self = (ncpy_array *)o;
    if (self->arr.size == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "The truth value of an empty array is ambiguous. Use `array.size > 0` to "
                        "check that an array is not empty.");
        return -1;
    }
    if (self->arr.size > 1) {
        PyErr_SetString(PyExc_ValueError,
                        "The truth value of an array with more than one element is ambiguous. "
                        "Use a.any() or a.all()");
        return -1;
    }
    PyObject *item = ncpy_item_from_data(self->arr.dtype, self->arr.data);
    if (!item)
        return -1;
    int r = PyObject_IsTrue(item);
    Py_DECREF(item);
    return r;
}

/* NumPy 2 converts only 0-d arrays to Python numbers. */
static PyObject *scalar_of(PyObject *o)
{
    ncpy_array *self = (ncpy_array *)o;
    if (self->arr.ndim != 0) {
        PyErr_SetString(PyExc_TypeError, "only 0-dimensional arrays can be converted to Python scalars");
        return NULL;
    }
    return ncpy_item_from_data(self->arr.dtype, self->arr.data);
}

static PyObject *nb_int(PyObject *o)
{
    PyObject *item = scalar_of(o);
    if (!item)
        return NULL;
    PyObject *r = PyNumber_Long(item);
    Py_DECREF(item);
    return r;
}

static PyObject *nb_float(PyObject *o)
{
    PyObject *item = scalar_of(o);
    if (!item)
        return NULL;
    PyObject *r = PyNumber_Float(item);
    Py_DECREF(item);
    return r;
}

static PyObject *array_complex(PyObject *o, PyObject *unused)
{
    (void)unused;
    PyObject *item = scalar_of(o);
    if (!item)
        return NULL;
    PyObject *r = PyObject_CallOneArg((PyObject *)&PyComplex_Type, item);
    Py_DECREF(item);
    return r;
}

static PyObject *nb_index(PyObject *o)
{
    ncpy_array *self = (ncpy_array *)o;
    char kind = nc_dtype_info(self->arr.dtype)->kind;
    if (self->arr.ndim != 0 || (kind != 'i' && kind != 'u')) {
        PyErr_SetString(PyExc_TypeError, "only integer scalar arrays can be converted to a scalar index");
        return NULL;
    }
    return ncpy_item_from_data(self->arr.dtype, self->arr.data);
}

static PyNumberMethods array_as_number = {
    .nb_add = nb_add, .nb_subtract = nb_sub, .nb_multiply = nb_mul,
    .nb_remainder = nb_rem, .nb_divmod = nb_divmod, .nb_power = nb_pow,
    .nb_negative = nb_neg, .nb_positive = nb_pos, .nb_absolute = nb_abs,
    .nb_bool = nb_bool, .nb_invert = nb_invert, .nb_lshift = nb_lshift,
    .nb_rshift = nb_rshift, .nb_and = nb_and, .nb_xor = nb_xor, .nb_or = nb_or,
    .nb_int = nb_int, .nb_float = nb_float,
    .nb_inplace_add = nb_iadd, .nb_inplace_subtract = nb_isub,
    .nb_inplace_multiply = nb_imul, .nb_inplace_remainder = nb_irem,
    .nb_inplace_power = nb_ipow, .nb_inplace_lshift = nb_ilshift,
    .nb_inplace_rshift = nb_irshift, .nb_inplace_and = nb_iand,
    .nb_inplace_xor = nb_ixor, .nb_inplace_or = nb_ior,
    .nb_floor_divide = nb_floordiv, .nb_true_divide = nb_div,
    .nb_inplace_floor_divide = nb_ifloordiv, .nb_inplace_true_divide = nb_idiv,
    .nb_index = nb_index,
    .nb_matrix_multiply = nb_matmul, .nb_inplace_matrix_multiply = nb_imatmul,
};

static Py_ssize_t array_length(PyObject *o)
{
    ncpy_array *self = (ncpy_array *)o;
    if (self->arr.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return -1;
    }
    return self->arr.shape[0];
}

static PySequenceMethods array_as_sequence = {
    .sq_contains = ncpy_array_contains,
};

static PyMappingMethods array_as_mapping = {
    .mp_length = array_length,
    .mp_subscript = ncpy_array_getitem,
    .mp_ass_subscript = ncpy_array_setitem,
};

/* NumPy's PyArray_CheckStrides: the strided array (item extents included)
 * must lie inside [-offset, numbytes - offset) relative to its data pointer. */
static int strides_fit(int itemsize, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides,
                       ptrdiff_t numbytes, ptrdiff_t offset)
{
    ptrdiff_t lo = 0, hi = 0;
    for (int i = 0; i < ndim; i++)
        if (shape[i] == 0)
            return 1;
    for (int i = 0; i < ndim; i++) {
        ptrdiff_t ext = strides[i] * (shape[i] - 1);
        if (shape[i] > 1 && ext / (shape[i] - 1) != strides[i])
            return 0; /* overflow */
        if (ext > 0)
            hi += ext;
        else
            lo += ext;
    }
    hi += itemsize;
    return hi <= numbytes - offset && lo >= -offset;
}

/* ndarray(shape, dtype=float, buffer=None, offset=0, strides=None, order='C') */
static PyObject *array_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"shape", "dtype", "buffer", "offset", "strides", "order", NULL};
    PyObject *shape_obj, *buffer = Py_None, *strides_obj = Py_None;
    int dtype = -1;
    Py_ssize_t offset = 0;
    const char *order = "C";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O&OnOz", kwlist, &shape_obj,
                                     ncpy_dtype_converter, &dtype, &buffer, &offset, &strides_obj, &order))
        return NULL;
    nc_dtype_id dt = dtype < 0 ? NC_FLOAT64 : (nc_dtype_id)dtype;
    int fortran = order && (order[0] == 'F' || order[0] == 'f');
    int itemsize = nc_dtype_info(dt)->itemsize;
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
    int ndim, sndim = -1, infer = 0;
    /* With a buffer, shape (-1,) means "as many items as fit" (NumPy). */
    if (buffer != Py_None) {
        PyObject *first = PyTuple_Check(shape_obj) && PyTuple_GET_SIZE(shape_obj) == 1
                              ? PyTuple_GET_ITEM(shape_obj, 0)
                              : (PyTuple_Check(shape_obj) || PyList_Check(shape_obj) ? NULL : shape_obj);
        if (first && PyLong_Check(first) && PyLong_AsSsize_t(first) == -1 && !PyErr_Occurred())
            infer = 1;
        PyErr_Clear();
    }
    if (infer) {
        ndim = 1;
        shape[0] = 0;
    }
    else if (ncpy_parse_shape(shape_obj, &ndim, shape) < 0)
        return NULL;
    if (strides_obj != Py_None) {
        PyObject *seq = PySequence_Fast(strides_obj, "strides must be a sequence of integers");
        if (!seq)
            return NULL;
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
        if (n != ndim) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError, "strides, if given, must be the same length as shape");
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            strides[i] = PyNumber_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i), PyExc_OverflowError);
            if (strides[i] == -1 && PyErr_Occurred()) {
                Py_DECREF(seq);
                return NULL;
            }
        }
        Py_DECREF(seq);
        sndim = ndim;
    }
    if (buffer == Py_None) {
        if (sndim < 0) {
            ncpy_array *self = ncpy_array_alloc(type);
            if (!self)
                return NULL;
            nc_status st = nc_array_init_empty(&self->arr, dt, ndim, shape, fortran ? NC_ORDER_F : NC_ORDER_C, 0);
            if (st) {
                Py_DECREF(self);
                return ncpy_raise(st);
            }
            return (PyObject *)self;
        }
        /* Fresh memory of prod(shape) items, laid out by the given strides. */
        ptrdiff_t size;
        nc_status st = nc_shape_size(ndim, shape, itemsize, &size);
        if (st)
            return ncpy_raise(st);
        if (!strides_fit(itemsize, ndim, shape, strides, size * itemsize, 0)) {
            PyErr_SetString(PyExc_ValueError,
                            "strides is incompatible with shape of requested array and size of buffer");
            return NULL;
        }
        if (size == 0) /* NumPy zeroes the strides of empty fresh arrays */
            memset(strides, 0, sizeof(ptrdiff_t) * (size_t)ndim);
        nc_buffer *buf;
        st = nc_buffer_new((size_t)(size * itemsize), 0, &buf);
        if (st)
            return ncpy_raise(st);
        ncpy_array *self = ncpy_array_alloc(type);
        if (!self) {
            nc_buffer_decref(buf);
            return NULL;
        }
        st = nc_array_init_view(&self->arr, buf, buf->data, dt, ndim, shape, strides, 1);
        nc_buffer_decref(buf);
        if (st) {
            Py_DECREF(self);
            return ncpy_raise(st);
        }
        return (PyObject *)self;
    }
    if (offset < 0) {
        PyErr_SetString(PyExc_ValueError, "offset must be non-negative");
        return NULL;
    }
    Py_buffer *v = PyMem_RawMalloc(sizeof *v);
    if (!v)
        return PyErr_NoMemory();
    if (PyObject_GetBuffer(buffer, v, PyBUF_SIMPLE) < 0) {
        PyMem_RawFree(v);
        return NULL;
    }
    ptrdiff_t len = v->len;
    const char *err = NULL;
    PyObject *exc = PyExc_ValueError;
    if (infer) {
        if (offset > len)
            err = "negative dimensions are not allowed";
        else
            shape[0] = (len - offset) / itemsize;
    }
    if (!err && sndim < 0 && !infer) {
        ptrdiff_t size;
        nc_status st = nc_shape_size(ndim, shape, itemsize, &size);
        if (st) {
            PyBuffer_Release(v);
            PyMem_RawFree(v);
            return ncpy_raise(st);
        }
        if (offset > len || len - offset < size * itemsize) {
            err = "buffer is too small for requested array";
            exc = PyExc_TypeError;
        }
    }
    if (!err && sndim >= 0 && !strides_fit(itemsize, ndim, shape, strides, len, offset))
        err = "strides is incompatible with shape of requested array and size of buffer";
    if (err) {
        PyBuffer_Release(v);
        PyMem_RawFree(v);
        PyErr_SetString(exc, err);
        return NULL;
    }
    if (sndim < 0 && fortran) {
        ptrdiff_t s = itemsize;
        for (int i = 0; i < ndim; i++) {
            strides[i] = s;
            s *= shape[i];
        }
        sndim = ndim;
    }
    return ncpy_wrap_pybuffer(v, buffer, (char *)v->buf + offset, dt, ndim, shape, sndim >= 0 ? strides : NULL);
}

PyTypeObject ncpy_array_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.ndarray",
    .tp_basicsize = sizeof(ncpy_array),
    .tp_dealloc = (destructor)array_dealloc,
    .tp_repr = ncpy_array_repr,
    .tp_str = ncpy_array_str,
    .tp_as_number = &array_as_number,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_as_buffer = &ncpy_array_as_buffer,
    .tp_richcompare = array_richcompare,
    .tp_iter = ncpy_array_iter,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(ncpy_array, weakreflist),
    .tp_new = array_tp_new,
    .tp_doc = "ndarray(shape, dtype=float, buffer=None, offset=0, strides=None, order='C')\n\nAn n-dimensional array of fixed-size items.",
};

/* Concatenates NULL-terminated tables into one heap table. */
static void *join_tables(size_t item, const void *const *tables, int ntables)
{
    size_t count = 0;
    for (int t = 0; t < ntables; t++)
        for (const char *p = tables[t]; *(const char *const *)p; p += item)
            count++;
    char *out = PyMem_Calloc(count + 1, item);
    if (!out)
        return NULL;
    char *w = out;
    for (int t = 0; t < ntables; t++)
        for (const char *p = tables[t]; *(const char *const *)p; p += item) {
            memcpy(w, p, item);
            w += item;
        }
    return out;
}

int ncpy_init_array(PyObject *m)
{
    const void *methods[] = {ncpy_methods_core, ncpy_methods_manip, ncpy_methods_interop,
                             ncpy_methods_reduce, ncpy_methods_select};
    const void *getsets[] = {ncpy_getset_core, ncpy_getset_manip, ncpy_getset_interop,
                             ncpy_getset_select};
    ncpy_array_type.tp_methods = join_tables(sizeof(PyMethodDef), methods, 5);
    ncpy_array_type.tp_getset = join_tables(sizeof(PyGetSetDef), getsets, 4);
    if (!ncpy_array_type.tp_methods || !ncpy_array_type.tp_getset) {
        PyErr_NoMemory();
        return -1;
    }
    for (int i = 0; i < U_COUNT; i++) {
        uf_cache[i] = ncpy_ufunc_get(uf_names[i]);
        if (!uf_cache[i]) {
            PyErr_Format(PyExc_SystemError, "ufunc '%s' is missing", uf_names[i]);
            return -1;
        }
    }
    if (PyType_Ready(&ncpy_array_type) < 0)
        return -1;
    Py_INCREF(&ncpy_array_type);
    return PyModule_AddObject(m, "ndarray", (PyObject *)&ncpy_array_type);
}
