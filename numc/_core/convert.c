/* convert.c: Python objects <-> array elements and arrays.
 *
 * ncpy_asarray discovers shape and dtype of nested sequences in one pass and
 * fills a fresh array in a second.  Python scalars inside sequences take
 * their default dtypes (int64, float64, complex128, bool), as in NumPy; as
 * ufunc operands they are "weak" instead (ncpy_weak_kind). */
#include "binding.h"
#include <string.h>

nc_weak_kind ncpy_weak_kind(PyObject *o)
{
    if (PyFloat_CheckExact(o))
        return NC_WEAK_FLOAT;
    if (PyLong_CheckExact(o))
        return NC_WEAK_INT;
    if (PyComplex_CheckExact(o))
        return NC_WEAK_COMPLEX;
    return NC_WEAK_NONE;
}

PyObject *ncpy_item_from_data(nc_dtype_id dtype, const char *p)
{
    switch (dtype) {
#define INT_CASE(ID, T, CONV) case ID: { T v; memcpy(&v, p, sizeof v); return CONV(v); }
    case NC_BOOL: return PyBool_FromLong(*(const uint8_t *)p != 0);
    INT_CASE(NC_INT8, int8_t, PyLong_FromLong)
    INT_CASE(NC_UINT8, uint8_t, PyLong_FromLong)
    INT_CASE(NC_INT16, int16_t, PyLong_FromLong)
    INT_CASE(NC_UINT16, uint16_t, PyLong_FromLong)
    INT_CASE(NC_INT32, int32_t, PyLong_FromLong)
    INT_CASE(NC_UINT32, uint32_t, PyLong_FromUnsignedLong)
    INT_CASE(NC_INT64, int64_t, PyLong_FromLongLong)
    INT_CASE(NC_UINT64, uint64_t, PyLong_FromUnsignedLongLong)
    INT_CASE(NC_FLOAT32, float, PyFloat_FromDouble)
    INT_CASE(NC_FLOAT64, double, PyFloat_FromDouble)
#undef INT_CASE
    case NC_FLOAT16: { nc_half h; memcpy(&h, p, 2); return PyFloat_FromDouble(nc_half_to_double(h)); }
    case NC_COMPLEX64: { nc_cfloat c; memcpy(&c, p, sizeof c); return PyComplex_FromDoubles(c.re, c.im); }
    case NC_COMPLEX128: { nc_cdouble c; memcpy(&c, p, sizeof c); return PyComplex_FromDoubles(c.re, c.im); }
    default: break;
    }
    PyErr_SetString(PyExc_SystemError, "bad dtype");
    return NULL;
}

static int int_out_of_bounds(PyObject *obj, nc_dtype_id dtype)
{
    PyErr_Format(PyExc_OverflowError, "Python integer %R out of bounds for %s", obj,
                 nc_dtype_info(dtype)->name);
    return -1;
}

/* Stores a Python int into an integer dtype, refusing values out of range
 * (NumPy 2 behaviour for Python ints). */
static int store_int(PyObject *obj, nc_dtype_id dtype, char *dst)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow) {
        if (dtype != NC_UINT64 || overflow < 0)
            return int_out_of_bounds(obj, dtype);
        unsigned long long u = PyLong_AsUnsignedLongLong(obj);
        if (u == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            return int_out_of_bounds(obj, dtype);
        }
        memcpy(dst, &u, 8);
        return 0;
    }
    switch (dtype) {
#define RANGE(ID, T, LO, HI) case ID: { if (v < (LO) || v > (HI)) return int_out_of_bounds(obj, dtype); T t = (T)v; memcpy(dst, &t, sizeof t); return 0; }
    RANGE(NC_INT8, int8_t, INT8_MIN, INT8_MAX)
    RANGE(NC_UINT8, uint8_t, 0, UINT8_MAX)
    RANGE(NC_INT16, int16_t, INT16_MIN, INT16_MAX)
    RANGE(NC_UINT16, uint16_t, 0, UINT16_MAX)
    RANGE(NC_INT32, int32_t, INT32_MIN, INT32_MAX)
    RANGE(NC_UINT32, uint32_t, 0, UINT32_MAX)
    RANGE(NC_INT64, int64_t, INT64_MIN, INT64_MAX)
    RANGE(NC_UINT64, uint64_t, 0, INT64_MAX)
#undef RANGE
    default: break;
    }
    return -2; /* not an integer dtype */
}

int ncpy_store_item(PyObject *obj, nc_dtype_id dtype, char *dst)
{
    char kind = nc_dtype_info(dtype)->kind;
    /* numc scalars and 0-d arrays: cast their value. */
    nc_dtype_id sd;
    char sbuf[16];
    if (ncpy_scalar_unpack(obj, &sd, sbuf)) {
        nc_cast_get(sd, dtype)(sbuf, 0, dst, 0, 1);
        return 0;
    }
    if (ncpy_array_check(obj)) {
        ncpy_array *a = (ncpy_array *)obj;
        if (a->arr.size != 1) {
            PyErr_SetString(PyExc_ValueError, "setting an array element with a sequence.");
            return -1;
        }
        nc_cast_get(a->arr.dtype, dtype)(a->arr.data, 0, dst, 0, 1);
        return 0;
    }
    if (PyBool_Check(obj)) {
        uint8_t b = obj == Py_True;
        nc_cast_get(NC_BOOL, dtype)((const char *)&b, 0, dst, 0, 1);
        return 0;
    }
    if (PyLong_Check(obj) && kind != 'f' && kind != 'c' && kind != 'b') {
        int r = store_int(obj, dtype, dst);
        if (r != -2)
            return r;
    }
    if (kind == 'c') {
        Py_complex c = PyComplex_AsCComplex(obj);
        if (c.real == -1.0 && PyErr_Occurred())
            return -1;
        nc_cdouble v = {c.real, c.imag};
        nc_cast_get(NC_COMPLEX128, dtype)((const char *)&v, 0, dst, 0, 1);
        return 0;
    }
    if (kind == 'b') {
        int t = PyObject_IsTrue(obj);
        if (t < 0)
            return -1;
        *(uint8_t *)dst = (uint8_t)t;
        return 0;
    }
    if (PyComplex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "can't convert complex to float");
        return -1;
    }
    if (kind == 'f' || PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (d == -1.0 && PyErr_Occurred())
            return -1;
        nc_cast_get(NC_FLOAT64, dtype)((const char *)&d, 0, dst, 0, 1);
        return 0;
    }
    /* Integer dtype, object that is not an int: use __index__ or __int__. */
    PyObject *i = PyNumber_Long(obj);
    if (!i)
        return -1;
    int r = store_int(i, dtype, dst);
    Py_DECREF(i);
    return r;
}

PyObject *ncpy_scalar_to_array(PyObject *obj, nc_dtype_id dtype)
{
    PyObject *a = ncpy_array_new(dtype, 0, NULL, NC_ORDER_C, 0);
    if (!a)
        return NULL;
    if (ncpy_store_item(obj, dtype, ((ncpy_array *)a)->arr.data) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    return a;
}

/* --- nested sequences -------------------------------------------------- */

typedef struct {
    int ndim;             /* -1 until the first leaf fixes it */
    ptrdiff_t shape[NC_MAXDIMS];
    int dtype;            /* promoted so far; -1 none */
} discovery;

static int scalar_dtype(PyObject *o, int *dt)
{
    nc_dtype_id sd;
    char buf[16];
    if (PyBool_Check(o)) { *dt = NC_BOOL; return 1; }
    if (PyLong_Check(o)) {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        (void)v;
        *dt = overflow > 0 ? NC_UINT64 : NC_INT64;
        return 1;
    }
    if (PyFloat_Check(o)) { *dt = NC_FLOAT64; return 1; }
    if (PyComplex_Check(o)) { *dt = NC_COMPLEX128; return 1; }
    if (ncpy_scalar_unpack(o, &sd, buf)) { *dt = sd; return 1; }
    return 0;
}

static int ragged(int depth, const discovery *d)
{
    (void)d;
    PyErr_Format(PyExc_ValueError,
                 "setting an array element with a sequence. The requested array has an "
                 "inhomogeneous shape after %d dimensions. The detected shape was (...) + "
                 "inhomogeneous part.", depth);
    return -1;
}

static void merge_dtype(discovery *d, int dt)
{
    d->dtype = d->dtype < 0 ? dt : (int)nc_promote_types((nc_dtype_id)d->dtype, (nc_dtype_id)dt);
}

static int leaf_at(discovery *d, int depth, int leaf_ndim, const ptrdiff_t *leaf_shape)
{
    int nd = depth + leaf_ndim;
    if (d->ndim < 0) {
        if (nd > NC_MAXDIMS) {
            PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is currently %d, found %d", NC_MAXDIMS, nd);
            return -1;
        }
        d->ndim = nd;
        for (int i = 0; i < leaf_ndim; i++)
            d->shape[depth + i] = leaf_shape[i];
        return 0;
    }
    if (d->ndim != nd)
        return ragged(depth < d->ndim ? depth : d->ndim, d);
    for (int i = 0; i < leaf_ndim; i++)
        if (d->shape[depth + i] != leaf_shape[i])
            return ragged(depth + i, d);
    return 0;
}

static int discover(PyObject *o, int depth, discovery *d)
{
    int dt;
    if (ncpy_array_check(o)) {
        ncpy_array *a = (ncpy_array *)o;
        merge_dtype(d, a->arr.dtype);
        return leaf_at(d, depth, a->arr.ndim, a->arr.shape);
    }
    if (scalar_dtype(o, &dt)) {
        merge_dtype(d, dt);
        return leaf_at(d, depth, 0, NULL);
    }
    if (PyList_Check(o) || PyTuple_Check(o)) {
        if (depth >= NC_MAXDIMS) {
            PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is currently %d, found %d", NC_MAXDIMS, depth + 1);
            return -1;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
        if (d->ndim >= 0) {
            if (d->ndim <= depth)
                return ragged(d->ndim, d);
            if (d->shape[depth] != n)
                return ragged(depth, d);
        } else if (n == 0) {
            d->ndim = depth + 1;
            d->shape[depth] = 0;
            return 0;
        }
        if (d->ndim < 0)
            d->shape[depth] = n; /* provisional until a leaf fixes ndim */
        for (Py_ssize_t i = 0; i < n; i++)
            if (discover(PySequence_Fast_GET_ITEM(o, i), depth + 1, d) < 0)
                return -1;
        if (d->ndim >= 0 && d->shape[depth] != n)
            return ragged(depth, d);
        return 0;
    }
    if (PyUnicode_Check(o) || PyBytes_Check(o)) {
        PyErr_Format(PyExc_TypeError, "numc does not support string data yet (got %R)", o);
        return -1;
    }
    /* Generic numbers (e.g. Fraction, Decimal, numpy scalars) via float(). */
    if (PyNumber_Check(o)) {
        if (PyObject_HasAttrString(o, "__complex__") && !PyObject_HasAttrString(o, "__float__"))
            merge_dtype(d, NC_COMPLEX128);
        else if (PyObject_HasAttrString(o, "__index__"))
            merge_dtype(d, NC_INT64);
        else
            merge_dtype(d, NC_FLOAT64);
        return leaf_at(d, depth, 0, NULL);
    }
    PyErr_Format(PyExc_TypeError, "cannot convert object of type '%s' to a numc array",
                 Py_TYPE(o)->tp_name);
    return -1;
}

static int fill(PyObject *o, int depth, ncpy_array *out, char *p)
{
    if (ncpy_array_check(o)) {
        ncpy_array *a = (ncpy_array *)o;
        nc_array dst;
        nc_status st = nc_array_init_view(&dst, out->arr.buffer, p, out->arr.dtype, a->arr.ndim,
                                          out->arr.shape + depth, out->arr.strides + depth, 1);
        if (st)
            return ncpy_raise(st), -1;
        st = nc_array_assign(&dst, &a->arr, NC_CAST_UNSAFE);
        nc_array_clear(&dst);
        return st ? (ncpy_raise(st), -1) : 0;
    }
    if (PyList_Check(o) || PyTuple_Check(o)) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
        for (Py_ssize_t i = 0; i < n; i++)
            if (fill(PySequence_Fast_GET_ITEM(o, i), depth + 1, out, p + i * out->arr.strides[depth]) < 0)
                return -1;
        return 0;
    }
    return ncpy_store_item(o, out->arr.dtype, p);
}

PyObject *ncpy_asarray(PyObject *obj, int dtype, int copy)
{
    if (ncpy_array_check(obj)) {
        ncpy_array *a = (ncpy_array *)obj;
        if ((dtype < 0 || (nc_dtype_id)dtype == a->arr.dtype) && copy <= 0) {
            Py_INCREF(obj);
            return obj;
        }
        if (copy < 0) {
            PyErr_SetString(PyExc_ValueError, "Unable to avoid copy while creating an array as requested.");
            return NULL;
        }
        PyObject *r = ncpy_array_new(dtype < 0 ? a->arr.dtype : (nc_dtype_id)dtype, a->arr.ndim,
                                     a->arr.shape, NC_ORDER_C, 0);
        if (!r)
            return NULL;
        nc_status st = nc_array_assign(&((ncpy_array *)r)->arr, &a->arr, NC_CAST_UNSAFE);
        if (st) {
            Py_DECREF(r);
            return ncpy_raise(st);
        }
        return r;
    }
    discovery d = {.ndim = -1, .dtype = -1};
    if (discover(obj, 0, &d) < 0)
        return NULL;
    if (d.ndim < 0)
        d.ndim = 0;
    int dt = dtype >= 0 ? dtype : d.dtype >= 0 ? d.dtype : NC_FLOAT64;
    PyObject *r = ncpy_array_new((nc_dtype_id)dt, d.ndim, d.shape, NC_ORDER_C, 0);
    if (!r)
        return NULL;
    if (((ncpy_array *)r)->arr.size && fill(obj, 0, (ncpy_array *)r, ((ncpy_array *)r)->arr.data) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return r;
}
