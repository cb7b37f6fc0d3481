/* creation.c: array constructors behind numc's creation functions.
 *
 * Each function parses its arguments, builds the output with the core and
 * calls one fill routine of src/core/fill.c; numc/_creation.py holds the
 * NumPy-compatible signatures and defaults.  Shapes are validated by the
 * core (negative dims, overflowing sizes, more than NC_MAXDIMS dims). */
#include "creation.h"
#include <math.h>

static int order_cf(PyObject *o, nc_order *out)
{
    if (!ncpy_order_parse(o, NC_ORDER_C, out))
        return 0;
    if (*out != NC_ORDER_C && *out != NC_ORDER_F) {
        PyErr_SetString(PyExc_ValueError, "only 'C' or 'F' order is permitted");
        return 0;
    }
    return 1;
}

enum { FILL_EMPTY = 0, FILL_ZEROS = 1, FILL_ONES = 2, FILL_VALUE = 3 };

/* Fills a fresh array r according to `how` (value for FILL_VALUE). */
static int fill_new(ncpy_array *r, int how, PyObject *value)
{
    nc_status st = NC_OK;
    if (how == FILL_ZEROS || how == FILL_ONES) {
        nc_bool b = how == FILL_ONES;
        st = nc_array_fill(&r->arr, &b, NC_BOOL);
    } else if (how == FILL_VALUE) {
        PyObject *v = ncpy_asarray(value, r->arr.dtype, 0);
        if (!v)
            return -1;
        ncpy_array *va = (ncpy_array *)v;
        if (va->arr.ndim == 0)
            st = nc_array_fill(&r->arr, va->arr.data, va->arr.dtype);
        else
            st = nc_array_assign(&r->arr, &va->arr, NC_CAST_UNSAFE);
        Py_DECREF(v);
    }
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return 0;
}

/* dtype of a fill value when none is given: that of asarray(value). */
static int value_dtype(PyObject *value, int *dtype)
{
    if (*dtype >= 0)
        return 0;
    PyObject *v = ncpy_asarray(value, -1, 0);
    if (!v)
        return -1;
    *dtype = ((ncpy_array *)v)->arr.dtype;
    Py_DECREF(v);
    return 0;
}

/* _new(shape, dtype, order, how, value=None) */
static PyObject *py_new(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *shape_o, *order_o, *value = Py_None;
    int dtype = -1, how, ndim;
    nc_order order;
    ptrdiff_t shape[NC_MAXDIMS];
    if (!PyArg_ParseTuple(args, "OO&Oi|O", &shape_o, ncpy_dtype_converter, &dtype, &order_o, &how, &value))
        return NULL;
    if (ncpy_parse_shape(shape_o, &ndim, shape) < 0 || !order_cf(order_o, &order))
        return NULL;
    if (how == FILL_VALUE && value_dtype(value, &dtype) < 0)
        return NULL;
    PyObject *r = ncpy_array_new(dtype < 0 ? NC_FLOAT64 : (nc_dtype_id)dtype, ndim, shape, order,
                                 how == FILL_ZEROS);
    if (r && how != FILL_ZEROS && fill_new((ncpy_array *)r, how, value) < 0)
        Py_CLEAR(r);
    return r;
}

/* _like(proto, dtype, order, shape, how, value=None) */
static PyObject *py_like(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *proto_o, *order_o, *shape_o, *value = Py_None;
    int dtype = -1, how, ndim;
    nc_order order;
    ptrdiff_t shape[NC_MAXDIMS];
    if (!PyArg_ParseTuple(args, "OO&OOi|O", &proto_o, ncpy_dtype_converter, &dtype, &order_o, &shape_o,
                          &how, &value))
        return NULL;
    if (!ncpy_order_parse(order_o, NC_ORDER_K, &order))
        return NULL;
    PyObject *po = ncpy_asarray(proto_o, -1, 0);
    if (!po)
        return NULL;
    ncpy_array *p = (ncpy_array *)po;
    if (shape_o == Py_None) {
        ndim = p->arr.ndim;
        for (int i = 0; i < ndim; i++)
            shape[i] = p->arr.shape[i];
    } else if (ncpy_parse_shape(shape_o, &ndim, shape) < 0) {
        Py_DECREF(po);
        return NULL;
    }
    if (dtype < 0)
        dtype = p->arr.dtype;
    ncpy_array *r = ncpy_array_alloc(&ncpy_array_type);
    if (!r) {
        Py_DECREF(po);
        return NULL;
    }
    nc_status st;
    int fortran = order == NC_ORDER_F ||
                  (order == NC_ORDER_A && (p->arr.flags & NC_F_CONTIGUOUS) && !(p->arr.flags & NC_C_CONTIGUOUS));
    if (order == NC_ORDER_K)
        st = nc_array_init_like(&r->arr, &p->arr, (nc_dtype_id)dtype, ndim, shape);
    else
        st = nc_array_init_empty(&r->arr, (nc_dtype_id)dtype, ndim, shape, fortran ? NC_ORDER_F : NC_ORDER_C, 0);
    Py_DECREF(po);
    if (st) {
        Py_DECREF(r);
        return ncpy_raise(st);
    }
    if (fill_new(r, how, value) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return (PyObject *)r;
}

/* Default dtype of an arange bound: Python ints int64 (uint64 above), floats
 * float64, complex complex128, arrays/scalars their own. */
static int bound_dtype(PyObject *o, int *dt)
{
    PyObject *a = ncpy_asarray(o, -1, 0);
    if (!a)
        return -1;
    int d = ((ncpy_array *)a)->arr.dtype;
    Py_DECREF(a);
    *dt = *dt < 0 ? d : (int)nc_promote_types((nc_dtype_id)*dt, (nc_dtype_id)d);
    return 0;
}

/* Length of arange from Python bounds; complex bounds take the smaller of
 * the real and imaginary lengths, as NumPy does. */
static int arange_len(PyObject *start, PyObject *stop, PyObject *step, ptrdiff_t *len)
{
    int zero = PyObject_Not(step);
    if (zero < 0)
        return -1;
    if (zero) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return -1;
    }
    if (PyComplex_Check(start) || PyComplex_Check(stop) || PyComplex_Check(step)) {
        PyObject *diff = PyNumber_Subtract(stop, start);
        PyObject *q = diff ? PyNumber_TrueDivide(diff, step) : NULL;
        Py_XDECREF(diff);
        if (!q)
            return -1;
        Py_complex c = PyComplex_AsCComplex(q);
        Py_DECREF(q);
        if (c.real == -1.0 && PyErr_Occurred())
            return -1;
        ptrdiff_t lr, li;
        nc_status st = nc_arange_length(0, c.real, 1, &lr);
        if (!st)
            st = nc_arange_length(0, c.imag, 1, &li);
        if (st) {
            ncpy_raise(st);
            return -1;
        }
        *len = lr < li ? lr : li;
        return 0;
    }
    double d[3];
    PyObject *objs[3] = {start, stop, step};
    for (int i = 0; i < 3; i++) {
        d[i] = PyFloat_AsDouble(objs[i]);
        if (d[i] == -1.0 && PyErr_Occurred())
            return -1;
    }
    nc_status st = nc_arange_length(d[0], d[1], d[2], len);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return 0;
}

/* _arange(start, stop, step, dtype) */
static PyObject *py_arange(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *start, *stop, *step;
    int dtype = -1;
    if (!PyArg_ParseTuple(args, "OOOO&", &start, &stop, &step, ncpy_dtype_converter, &dtype))
        return NULL;
    ptrdiff_t len;
    if (arange_len(start, stop, step, &len) < 0)
        return NULL;
    if (dtype < 0) {
        int dt = -1;
        if (bound_dtype(start, &dt) < 0 || bound_dtype(stop, &dt) < 0 || bound_dtype(step, &dt) < 0)
            return NULL;
        dtype = dt;
    }
    if (dtype == NC_BOOL && len > 2) {
        PyErr_SetString(PyExc_TypeError, "arange() is only supported for booleans when the result has at most length 2.");
        return NULL;
    }
    PyObject *r = ncpy_array_new((nc_dtype_id)dtype, 1, &len, NC_ORDER_C, 0);
    if (!r || len == 0)
        return r;
    ncpy_array *a = (ncpy_array *)r;
    if (ncpy_store_item(start, a->arr.dtype, a->arr.data) < 0)
        goto fail;
    if (len > 1) {
        PyObject *next = PyNumber_Add(start, step);
        if (!next)
            goto fail;
        int rc = ncpy_store_item(next, a->arr.dtype, a->arr.data + a->arr.strides[0]);
        Py_DECREF(next);
        if (rc < 0)
            goto fail;
    }
    nc_status st = nc_arange_fill(&a->arr);
    if (st) {
        ncpy_raise(st);
        goto fail;
    }
    return r;
fail:
    Py_DECREF(r);
    return NULL;
}

/* A linspace bound as {re, im} plus its computation dtype. */
static int lin_bound(PyObject *o, double v[2], int *dt)
{
    PyObject *a = ncpy_asarray(o, -1, 0);
    if (!a)
        return -1;
    ncpy_array *arr = (ncpy_array *)a;
    if (arr->arr.ndim != 0) {
        Py_DECREF(a);
        PyErr_SetString(PyExc_NotImplementedError, "numc.linspace supports scalar start and stop only");
        return -1;
    }
    nc_dtype_id d = arr->arr.dtype;
    nc_cdouble c;
    nc_cast_get(d, NC_COMPLEX128)(arr->arr.data, 0, (char *)&c, 0, 1);
    Py_DECREF(a);
    v[0] = c.re;
    v[1] = c.im;
    char kind = nc_dtype_info(d)->kind;
    int comp = kind == 'c' ? NC_COMPLEX128 : d == NC_FLOAT32 || d == NC_FLOAT16 ? NC_FLOAT32 : NC_FLOAT64;
    if (d == NC_FLOAT16)
        comp = NC_FLOAT32; /* float16 linspace computes in float32 here (not bit-exact) */
    *dt = *dt < 0 ? comp : (int)nc_promote_types((nc_dtype_id)*dt, (nc_dtype_id)comp);
    if (*dt == NC_COMPLEX64)
        *dt = NC_COMPLEX128;
    return 0;
}

/* _linspace(start, stop, num, endpoint, dtype) -> (array, step) */
static PyObject *py_linspace(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *start, *stop, *num_o;
    int endpoint, dtype = -1, comp = -1;
    if (!PyArg_ParseTuple(args, "OOOpO&", &start, &stop, &num_o, &endpoint, ncpy_dtype_converter, &dtype))
        return NULL;
    Py_ssize_t num = PyNumber_AsSsize_t(num_o, PyExc_OverflowError);
    if (num == -1 && PyErr_Occurred())
        return NULL;
    if (num < 0) {
        PyErr_Format(PyExc_ValueError, "Number of samples, %zd, must be non-negative.", num);
        return NULL;
    }
    double s0[2], s1[2], step[2];
    if (lin_bound(start, s0, &comp) < 0 || lin_bound(stop, s1, &comp) < 0)
        return NULL;
    int out_dt = dtype < 0 ? comp : dtype;
    char okind = nc_dtype_info((nc_dtype_id)out_dt)->kind;
    PyObject *y = ncpy_array_new((nc_dtype_id)comp, 1, &num, NC_ORDER_C, 0);
    if (!y)
        return NULL;
    ncpy_array *ya = (ncpy_array *)y;
    nc_status st = nc_linspace_fill(&ya->arr, s0, s1, endpoint, step);
    if (!st && (okind == 'i' || okind == 'u') && comp != NC_COMPLEX128)
        st = nc_array_floor(&ya->arr);
    if (st) {
        Py_DECREF(y);
        return ncpy_raise(st);
    }
    if (out_dt != comp) {
        PyObject *r = ncpy_asarray(y, out_dt, 0);
        Py_DECREF(y);
        if (!r)
            return NULL;
        y = r;
    }
    PyObject *stepo = comp == NC_COMPLEX128 ? PyComplex_FromDoubles(step[0], step[1])
                                            : PyFloat_FromDouble(comp == NC_FLOAT32 ? (double)(float)step[0] : step[0]);
    if (!stepo) {
        Py_DECREF(y);
        return NULL;
    }
    return Py_BuildValue("(NN)", y, stepo);
}

/* _eye(N, M, k, dtype, order) */
static PyObject *py_eye(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *n_o, *m_o, *k_o, *order_o;
    int dtype = -1;
    nc_order order;
    if (!PyArg_ParseTuple(args, "OOOO&O", &n_o, &m_o, &k_o, ncpy_dtype_converter, &dtype, &order_o))
        return NULL;
    if (!order_cf(order_o, &order))
        return NULL;
    ptrdiff_t shape[2];
    shape[0] = PyNumber_AsSsize_t(n_o, PyExc_ValueError);
    if (shape[0] == -1 && PyErr_Occurred())
        return NULL;
    shape[1] = m_o == Py_None ? shape[0] : PyNumber_AsSsize_t(m_o, PyExc_ValueError);
    if (shape[1] == -1 && PyErr_Occurred())
        return NULL;
    int overflow;
    long long k = PyLong_AsLongLongAndOverflow(k_o, &overflow);
    if (k == -1 && PyErr_Occurred())
        return NULL;
    PyObject *r = ncpy_array_new(dtype < 0 ? NC_FLOAT64 : (nc_dtype_id)dtype, 2, shape, order, 1);
    if (!r)
        return NULL;
    /* |k| beyond the matrix leaves it zero; clamp so the core's arithmetic is safe. */
    if (overflow || k >= shape[1] || k <= -shape[0])
        return r;
    nc_status st = nc_eye_fill(&((ncpy_array *)r)->arr, (ptrdiff_t)k);
    if (st) {
        Py_DECREF(r);
        return ncpy_raise(st);
    }
    return r;
}

/* _frombuffer(buffer, dtype, count, offset) */
static PyObject *py_frombuffer(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *obj;
    int dtype = -1;
    Py_ssize_t count, offset;
    if (!PyArg_ParseTuple(args, "OO&nn", &obj, ncpy_dtype_converter, &dtype, &count, &offset))
        return NULL;
    if (dtype < 0)
        dtype = NC_FLOAT64;
    Py_buffer *v = PyMem_RawMalloc(sizeof *v);
    if (!v)
        return PyErr_NoMemory();
    if (PyObject_GetBuffer(obj, v, PyBUF_SIMPLE) < 0) {
        PyMem_RawFree(v);
        return NULL;
    }
    Py_ssize_t itemsize = nc_dtype_info((nc_dtype_id)dtype)->itemsize, len = v->len;
    const char *err = NULL;
    if (offset < 0 || offset > len)
        err = "offset";
    else if (count < 0 && (len - offset) % itemsize)
        err = "buffer size must be a multiple of element size";
    else if (count >= 0 && (len - offset) / itemsize < count)
        err = "buffer is smaller than requested size";
    if (err) {
        PyBuffer_Release(v);
        PyMem_RawFree(v);
        if (err[0] == 'o')
            PyErr_Format(PyExc_ValueError, "offset must be non-negative and no greater than buffer length (%zd)", len);
        else
            PyErr_SetString(PyExc_ValueError, err);
        return NULL;
    }
    ptrdiff_t n = count < 0 ? (len - offset) / itemsize : count;
    return ncpy_wrap_pybuffer(v, obj, (char *)v->buf + offset, (nc_dtype_id)dtype, 1, &n, NULL);
}

/* _array(obj, dtype, copy, order, ndmin, subok) */
static PyObject *py_array(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *obj, *order_o;
    int dtype = -1, copy, ndmin, subok;
    nc_order order;
    if (!PyArg_ParseTuple(args, "OO&iOip", &obj, ncpy_dtype_converter, &dtype, &copy, &order_o, &ndmin, &subok))
        return NULL;
    if (!ncpy_order_parse(order_o, NC_ORDER_K, &order))
        return NULL;
    return ncpy_from_object(obj, dtype, copy, order, ndmin, subok);
}

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

#define ARGS METH_VARARGS
static PyMethodDef creation_methods[] = {
    {"_asarray", (PyCFunction)(void (*)(void))py_asarray, METH_VARARGS | METH_KEYWORDS,
     "_asarray(obj, dtype=None, copy=0): obj as an ndarray (copy -1 never, 0 if needed, 1 always)."},
    {"_array", py_array, ARGS, "_array(obj, dtype, copy, order, ndmin, subok): numc.array's core."},
    {"_new", py_new, ARGS, "_new(shape, dtype, order, how, value=None): empty/zeros/ones/full."},
    {"_like", py_like, ARGS, "_like(proto, dtype, order, shape, how, value=None): *_like functions."},
    {"_arange", py_arange, ARGS, "_arange(start, stop, step, dtype)."},
    {"_linspace", py_linspace, ARGS, "_linspace(start, stop, num, endpoint, dtype) -> (array, step)."},
    {"_eye", py_eye, ARGS, "_eye(N, M, k, dtype, order)."},
    {"_frombuffer", py_frombuffer, ARGS, "_frombuffer(buffer, dtype, count, offset): zero-copy view."},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_creation(PyObject *m)
{
    if (PyModule_AddFunctions(m, creation_methods) < 0)
        return -1;
    return PyModule_AddFunctions(m, ncpy_interop_functions);
}
