/* interop.c: exporting numc arrays to other libraries, and pickling.
 *
 *  - Buffer protocol (ncpy_array_as_buffer): shape/strides point straight at
 *    the array's own (immutable) geometry, which lives as long as view->obj
 *    (the array) does, so bf_releasebuffer has nothing to free.  Writable
 *    requests on read-only arrays and contiguity requests that the layout
 *    does not meet raise BufferError.
 *  - __array_interface__ (version 3): NumPy and others import zero-copy.
 *  - Pickling: __reduce_ex__ returns (numc._core._reconstruct, (data, dtype
 *    name, shape, order, copy)).  Protocol 5 with a C- or F-contiguous array
 *    passes a PickleBuffer (out-of-band capable, zero-copy on load); otherwise
 *    the data is a bytes copy in C order (F order for F-contiguous arrays),
 *    and the loader copies it into a fresh writeable array. */
#include "creation.h"
#include <string.h>

/* --- buffer protocol ---------------------------------------------------- */

static int array_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    ncpy_array *a = (ncpy_array *)self;
    int f = a->arr.flags;
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && !(f & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_BufferError, "buffer source array is read-only");
        return -1;
    }
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !(f & NC_C_CONTIGUOUS)) {
        PyErr_SetString(PyExc_BufferError, "ndarray is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !(f & NC_F_CONTIGUOUS)) {
        PyErr_SetString(PyExc_BufferError, "ndarray is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !(f & (NC_C_CONTIGUOUS | NC_F_CONTIGUOUS))) {
        PyErr_SetString(PyExc_BufferError, "ndarray is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !(f & NC_C_CONTIGUOUS)) {
        PyErr_SetString(PyExc_BufferError, "ndarray is not C-contiguous");
        return -1;
    }
    int itemsize = nc_dtype_info(a->arr.dtype)->itemsize;
    view->buf = a->arr.data;
    view->obj = Py_NewRef(self);
    view->len = a->arr.size * itemsize;
    view->itemsize = itemsize;
    view->readonly = !(f & NC_WRITEABLE);
    view->format = (flags & PyBUF_FORMAT) ? (char *)ncpy_dtype_format(a->arr.dtype) : NULL;
    view->ndim = a->arr.ndim;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? a->arr.shape : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? a->arr.strides : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    if (!view->shape)
        view->ndim = 1; /* PyBUF_SIMPLE: one flat run of bytes */
    return 0;
}

static void array_releasebuffer(PyObject *self, Py_buffer *view)
{
    (void)self;
    (void)view;
}

PyBufferProcs ncpy_array_as_buffer = {
    .bf_getbuffer = array_getbuffer,
    .bf_releasebuffer = array_releasebuffer,
};

/* --- __array_interface__ ----------------------------------------------- */

static PyObject *ints_tuple(int n, const ptrdiff_t *v)
{
    PyObject *t = PyTuple_New(n);
    for (int i = 0; t && i < n; i++) {
        PyObject *x = PyLong_FromSsize_t(v[i]);
        if (!x) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static PyObject *get_array_interface(PyObject *self, void *c)
{
    (void)c;
    ncpy_array *a = (ncpy_array *)self;
    const char *ts = ncpy_dtype_typestr(a->arr.dtype);
    PyObject *shape = ints_tuple(a->arr.ndim, a->arr.shape);
    PyObject *strides = (a->arr.flags & NC_C_CONTIGUOUS) ? Py_NewRef(Py_None)
                                                          : ints_tuple(a->arr.ndim, a->arr.strides);
    if (!shape || !strides) {
        Py_XDECREF(shape);
        Py_XDECREF(strides);
        return NULL;
    }
    return Py_BuildValue("{s:i,s:N,s:s,s:[(s,s)],s:(NO),s:N}", "version", 3, "shape", shape, "typestr", ts,
                         "descr", "", ts, "data", PyLong_FromVoidPtr(a->arr.data),
                         (a->arr.flags & NC_WRITEABLE) ? Py_False : Py_True, "strides", strides);
}

PyGetSetDef ncpy_getset_interop[] = {
    {"__array_interface__", get_array_interface, NULL, "Array protocol: Python side (version 3).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* --- pickling ------------------------------------------------------------ */

static PyObject *reconstruct_fn; /* numc._core._reconstruct, found on first use */

static PyObject *array_reduce_ex(PyObject *self, PyObject *arg)
{
    ncpy_array *a = (ncpy_array *)self;
    if (!reconstruct_fn) {
        PyObject *mod = PyImport_ImportModule("numc._core");
        if (!mod)
            return NULL;
        reconstruct_fn = PyObject_GetAttrString(mod, "_reconstruct");
        Py_DECREF(mod);
        if (!reconstruct_fn)
            return NULL;
    }
    long protocol = PyLong_AsLong(arg);
    if (protocol == -1 && PyErr_Occurred())
        return NULL;
    int f = a->arr.flags;
    const char *order = (f & NC_F_CONTIGUOUS) && !(f & NC_C_CONTIGUOUS) ? "F" : "C";
    PyObject *shape = ints_tuple(a->arr.ndim, a->arr.shape);
    if (!shape)
        return NULL;
    const char *name = nc_dtype_info(a->arr.dtype)->name;
    if (protocol >= 5 && (f & (NC_C_CONTIGUOUS | NC_F_CONTIGUOUS))) {
        PyObject *pb = PyPickleBuffer_FromObject(self);
        if (!pb) {
            Py_DECREF(shape);
            return NULL;
        }
        return Py_BuildValue("O(NsNsO)", reconstruct_fn, pb, name, shape, order, Py_False);
    }
    /* In-band copy in the chosen order. */
    PyObject *c = ncpy_asarray(self, -1, 0);
    ncpy_array *src = (ncpy_array *)c;
    if (c && !(src->arr.flags & (order[0] == 'F' ? NC_F_CONTIGUOUS : NC_C_CONTIGUOUS))) {
        Py_DECREF(c);
        ncpy_array *r = ncpy_array_alloc(&ncpy_array_type);
        c = (PyObject *)r;
        if (r) {
            nc_status st = nc_array_init_empty(&r->arr, a->arr.dtype, a->arr.ndim, a->arr.shape, NC_ORDER_C, 0);
            if (!st)
                st = nc_array_assign(&r->arr, &a->arr, NC_CAST_NO);
            if (st) {
                Py_CLEAR(c);
                ncpy_raise(st);
            }
        }
        src = r;
    }
    if (!c) {
        Py_DECREF(shape);
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(src->arr.data,
                                                src->arr.size * nc_dtype_info(src->arr.dtype)->itemsize);
    Py_DECREF(c);
    if (!bytes) {
        Py_DECREF(shape);
        return NULL;
    }
    return Py_BuildValue("O(NsNsO)", reconstruct_fn, bytes, name, shape, order, Py_True);
}

PyMethodDef ncpy_methods_interop[] = {
    {"__reduce_ex__", array_reduce_ex, METH_O, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

/* _reconstruct(data, dtype_name, shape, order, copy): the array pickled by
 * __reduce_ex__.  `data` is anything with a contiguous buffer (bytes,
 * bytearray, PickleBuffer, memoryview); without copy the result views it. */
static PyObject *py_reconstruct(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *data, *shape_o;
    const char *name, *order;
    int copy;
    if (!PyArg_ParseTuple(args, "OsO!sp", &data, &name, &PyTuple_Type, &shape_o, &order, &copy))
        return NULL;
    nc_dtype_id dt;
    if (nc_dtype_from_string(name, &dt) != NC_OK) {
        PyErr_Format(PyExc_TypeError, "data type '%s' not understood", name);
        return NULL;
    }
    Py_ssize_t ndim = PyTuple_GET_SIZE(shape_o);
    if (ndim > NC_MAXDIMS) {
        PyErr_SetString(PyExc_ValueError, "too many dimensions");
        return NULL;
    }
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS], size;
    for (Py_ssize_t i = 0; i < ndim; i++) {
        shape[i] = PyNumber_AsSsize_t(PyTuple_GET_ITEM(shape_o, i), PyExc_ValueError);
        if (shape[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    int itemsize = nc_dtype_info(dt)->itemsize;
    nc_status st = nc_shape_size((int)ndim, shape, itemsize, &size);
    if (st)
        return ncpy_raise(st);
    if (order[0] == 'F')
        nc_strides_f((int)ndim, shape, itemsize, strides);
    else
        nc_strides_c((int)ndim, shape, itemsize, strides);
    Py_buffer *v = PyMem_RawMalloc(sizeof *v);
    if (!v)
        return PyErr_NoMemory();
    if (PyObject_GetBuffer(data, v, PyBUF_RECORDS_RO) < 0) {
        PyMem_RawFree(v);
        return NULL;
    }
    if (!PyBuffer_IsContiguous(v, 'A') || v->len != size * itemsize) {
        PyBuffer_Release(v);
        PyMem_RawFree(v);
        PyErr_SetString(PyExc_ValueError, "pickled array data does not match its shape and dtype");
        return NULL;
    }
    if (copy) {
        PyObject *r = ncpy_array_new(dt, (int)ndim, shape, order[0] == 'F' ? NC_ORDER_F : NC_ORDER_C, 0);
        if (r && size)
            memcpy(((ncpy_array *)r)->arr.data, v->buf, (size_t)(size * itemsize));
        PyBuffer_Release(v);
        PyMem_RawFree(v);
        return r;
    }
    return ncpy_wrap_pybuffer(v, data, v->buf, dt, (int)ndim, shape, strides);
}

PyMethodDef ncpy_interop_functions[] = {
    {"_reconstruct", py_reconstruct, METH_VARARGS,
     "_reconstruct(data, dtype, shape, order, copy): rebuilds a pickled ndarray."},
    {NULL, NULL, 0, NULL},
};
